//! clausewright: freelance contracts assembled from a clause library.
//!
//! The modules, one line each; the pipeline runs top to bottom, from `model` to `pdf`, each
//! stage a plain function from value to value, and imports point one way only (no cycles):
//!
//! ```text
//! model                 values, the declaration schema, conditions, typing (imports no stage)
//!   value               Value (a typed answer), Scalar (a YAML scalar as written)
//!   schema              Question, Type, Choice, LatePayer: what library.yaml declares
//!     condition         `when:` expressions: parsed, type-checked, evaluated
//!     term              Term: the part an answer plays in the terms the lint reads
//!   typed               Scalar + Question → Value (typed_value, parse_number)
//!   rounding            amounts → rounded once, halves away from zero (the one rule)
//!   keys                the answer keys the code reads by name
//!   place               the place variables a jurisdiction profile gives (`place.law`)
//! library               library.yaml + clause files → Library (checked)
//!   raw                 the serde shapes of the files, with spans
//!   declarations        library.yaml → title and sections of Questions
//!   clauses             a clause file → Clause
//!   template            bodies: declared keys, known helpers, cross-references
//!   markdown            bodies as Markdown: what would leak out of a clause or out of the PDF
//!   fold                a body compiled with its prose folded away, as Handlebars would
//!   builtin             the built-in library, embedded at build time
//! answers               answers.yaml → Answers (typed, validated, defaulted)
//!   read                answers file → Given (values as written, and where)
//!   validate            Given + Library → Answers, every problem at once
//!   records             the records of a list → a typed list, each bad field at its line
//!   late_payer          Answers → Answers hardened for a repeat late payer, and the Changes
//!   write               Answers → answers file
//!   place               Answers + profiles → the place (jurisdiction, region, venue)
//! interview             Library + a Prompter → Answers (the questions of `new`)
//! said                  an answers file's problems (their facts) → diagnostics in the contract's
//!                       language, for `build`
//! example               Library + a worked example → the answers file `example` prints
//! reference             Library → the README's table of every answers key
//! report                what build and chase did → the JSON document of `--json`
//! schema                Library → the JSON Schemas of an answers file, library.yaml, a clause
//! prepare               Library + Answers + date → Prepared (dated, hardened)
//!   summary             the stderr summary: changes, included and left-out clauses
//!   meta                the PDF's title, author, subject and date
//!   glyphs              answers the PDF fonts cannot draw
//! assemble              Library + Answers → Contract (selected, ordered, numbered clauses)
//! render                Contract + Answers → String (Markdown); the template helpers
//! format                values → prose (money, percents, dates, words), per Locale
//!   tr                  Turkish prose: `on beş (15) iş günü`, `12.400,00 TL`
//! layout                Markdown → Document (pages of positioned lines, pure)
//!   blocks              Markdown → blocks of styled inline text
//!   breaker             inline text → justified, hyphenated lines
//!   metrics             the embedded faces' widths and coverage
//!   language            the text's language and its hyphenation patterns
//!   galley              blocks → slabs (lines and table rows, spacing, keeps)
//!   table               column widths
//!   pages               slabs → pages, bookmarks, link areas
//!   footers             "title … Page X of Y"
//!   signatures          the signature block: parties side by side, their blank lines as fields
//!   document            Document, Page, Line, Rule, LinkArea, Bookmark, SignatureField
//! pdf                   Document → Vec<u8> (the only printpdf code)
//!   slim                drops the names of unused glyphs from the embedded fonts
//!   claims              the PDF claims only what it is (its metadata and conformance)
//!   form                the signature fields (AcroForm)
//! diff                  two contracts → Diff (terms side by side, sections, words)
//! docx                  Markdown → Vec<u8> (a Word document, docx-rs), the same words as the
//!                       PDF; a Diff → a Word document with tracked changes
//!   props               the document's core properties (title, author, dates)
//! check                 library files → every Diagnostic, for `check`
//! lint                  prepared Answers → warnings on the business terms, at their line
//! explain               Contract → the cover note of `build --explain` (for the freelancer)
//! chase                 stage, dates, invoice + Answers → Schedule
//!   ladder              the stages, their letters and rungs
//!   deadline            the final notice's deadline (`--deadline 10bd`)
//!   business_days       Monday-to-Friday date arithmetic
//!   late_fee            the late fee on an overdue invoice
//!   balance             what an overdue invoice comes to on a day, payments counted
//!   record              <client>.chase.yaml → the Record of what was sent and received
//!   table               the schedule as the terminal shows it
//! letters               letters/ files + Library → Letters; a letter → String (Markdown)
//! ics                   Schedule → String (iCalendar, RFC 5545)
//! plain                 a letter's Markdown → the plain text of an email body
//! eml                   a letter → a draft email (.eml)
//! jurisdiction          jurisdictions/ profiles → the rules of a place
//! holidays              public-holiday calendars
//! interest              statutory late-payment interest
//! output                -o, client, formats → paths; all-or-nothing atomic writes
//! signals               a signal during writes rolls the batch back (exit 130)
//! error                 Error (stage errors joined by From, exit codes), Diagnostic
//!   stages              OutputError, LettersError
//! yaml                  serde-saphyr errors → located Diagnostics
//! cli                   the command line (clap); cli types map to stage types
//! config                environment → the config folder and the profile's path
//! version               built-in library files → `--version` with the library's fingerprint
//! run                   the only module that reads, writes and talks to the terminal
//!   new                 `new`: the terminal, the profile, the files around the interview
//!   draft               the draft a stopped interview leaves, and how to continue it
//!   chase               `chase`: inputs, schedule, letters and calendar
//!   diff                `diff`: two contracts read, compared, the tracked changes written
//!   tools               `example`, `completions`, `man`, `schema`, `config path`
//! terminal              the Prompter on a real terminal (crossterm)
//! ```
//!
//! Only [`run`](run/index.html) touches files and terminals.

pub mod answers;
pub mod assemble;
pub(crate) mod chase;
pub mod check;
pub mod cli;
pub mod config;
pub mod diff;
pub mod docx;
pub(crate) mod eml;
pub mod error;
pub mod example;
pub mod explain;
pub mod format;
pub mod holidays;
pub(crate) mod ics;
pub mod interest;
pub(crate) mod interview;
pub mod jurisdiction;
pub mod layout;
pub(crate) mod letters;
pub mod library;
pub mod lint;
pub mod model;
pub(crate) mod output;
pub mod pdf;
pub(crate) mod plain;
pub mod prepare;
pub mod reference;
pub mod render;
pub(crate) mod report;
pub mod run;
mod said;
pub mod schema;
mod signals;
mod terminal;
pub mod version;
mod yaml;

pub use error::Error;
