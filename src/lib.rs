//! clausewright: freelance contracts assembled from a clause library.
//!
//! The pipeline, one stage a module, each a plain function from value to value:
//!
//! ```text
//! model      values, the declaration schema, conditions, typing     (imports no stage)
//! library    clause files + library.yaml             → Library
//! answers    answers.yaml                            → Answers
//! interview  Library + Prompter (terminal)           → Answers
//! prepare    Library + Answers + date                → Prepared (dated, late-payer hardened)
//! assemble   Library + Answers                       → Contract (clauses in, numbered)
//! render     Contract                                → String (Markdown)
//! layout     Markdown                                → Document (pages of positioned lines)
//! pdf        Document                                → Vec<u8>
//! ```
//!
//! Beside the pipeline: `format` (the one place values become prose, per locale), `check`
//! (every problem in a library), `lint` (the answers as business terms: warnings at their line), `explain` (the cover note), `letters`, `chase` and `ics` (follow-up letters and their
//! calendar), `jurisdiction`, `holidays` and `interest` (jurisdiction profiles, public holidays,
//! statutory interest), `yaml` and `error` (located diagnostics), `output` (atomic writes) and
//! `cli`; `plain` (a letter as the plain text of an email body) and `eml` (a draft email).
//! Only [`run`](run/index.html) touches files and terminals.

pub mod answers;
pub mod assemble;
pub mod chase;
pub mod check;
pub mod cli;
pub mod config;
pub(crate) mod eml;
pub mod error;
pub mod example;
pub mod explain;
pub mod format;
pub mod holidays;
pub mod ics;
pub mod interest;
pub mod interview;
pub mod jurisdiction;
pub mod layout;
pub mod letters;
pub mod library;
pub mod lint;
pub mod model;
pub mod output;
pub mod pdf;
pub(crate) mod plain;
pub mod prepare;
pub mod render;
pub mod run;
mod signals;
mod terminal;
pub mod version;
mod yaml;

pub use error::Error;
