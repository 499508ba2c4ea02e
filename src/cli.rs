//! The command line, as clap parses it. The `///` comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use crate::chase::Stage;
use crate::layout::Paper;
use crate::model::{Language, Languages};
use crate::pdf::SignTags;

/// Contracts that protect freelancers from clients who go silent or pay late.
///
/// clausewright assembles a contract from a library of clause files and your answers about
/// the client, and writes it as Markdown and PDF.
#[derive(Debug, Parser)]
#[command(
    name = "clausewright",
    version,
    about,
    long_about,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The largest file read (answers, clause, letter or library file): bytes, or a number
    /// with KiB or MiB, from 1KiB to 64MiB. A larger file is refused unread.
    #[arg(long, global = true, value_name = "SIZE", default_value = "1MiB", value_parser = file_size)]
    pub max_file_size: FileSize,
}

/// A file size in bytes, read as `1048576`, `512KiB` or `4MiB` and shown the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSize(pub u64);

impl std::fmt::Display for FileSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const KIB: u64 = 1024;
        match self.0 {
            n if n % (KIB * KIB) == 0 => write!(f, "{} MiB", n / (KIB * KIB)),
            n if n % KIB == 0 => write!(f, "{} KiB", n / KIB),
            n => write!(f, "{n} bytes"),
        }
    }
}

/// `--max-file-size`: bytes, KiB or MiB (`k`, `kb`, `m`, `mb` read as the same), within
/// 1 KiB and 64 MiB: a limit, not a way around one.
fn file_size(text: &str) -> Result<FileSize, String> {
    const KIB: u64 = 1024;
    let lower = text.trim().to_ascii_lowercase();
    let split = lower
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(lower.len());
    let (digits, unit) = lower.split_at(split);
    let unit_size = match unit.trim() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => KIB,
        "m" | "mb" | "mib" => KIB * KIB,
        _ => {
            return Err(format!(
                "`{text}` is not a size; write it like 1MiB, 512KiB or 1048576"
            ));
        }
    };
    let bytes = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit_size))
        .ok_or_else(|| format!("`{text}` is not a size; write it like 1MiB, 512KiB or 1048576"))?;
    if !(KIB..=64 * KIB * KIB).contains(&bytes) {
        return Err(format!("`{text}` is outside the range 1KiB to 64MiB"));
    }
    Ok(FileSize(bytes))
}

/// The commands.
#[derive(Debug, Subcommand)]
#[allow(
    clippy::large_enum_variant,
    reason = "one command line is parsed once per run; boxing would only add indirection"
)]
pub enum Command {
    /// Check that every clause file parses and renders (for CI).
    ///
    /// Reports every problem in every file, each with its file, line and column, then exits
    /// 1 if any is an error. With no PATH, checks ./clauses if it exists, else the built-in
    /// library.
    Check(CheckArgs),
    /// Build a contract from an answers file.
    Build(BuildArgs),
    /// Answer questions about a client in the terminal; get an answers file and the contract.
    ///
    /// The questions come from the clause library. Your own details are saved to a profile
    /// and offered next time. The contract is written only once you confirm the summary at
    /// the end; Esc or Ctrl-C stops and keeps the answers so far as a draft, which `new
    /// --resume` continues. Writes <client>.answers.yaml beside the contract: edit it and run
    /// `clausewright build` on it to build the contract again.
    New(NewArgs),
    /// Follow-up and late-payment letters for a client who has gone silent.
    ///
    /// Prints the follow-up ladder for the stage as a dated schedule, each step marked done,
    /// due now or upcoming, and writes the letter due now (every letter with --all), filled
    /// from the answers file and the contract's own terms (late fee, courts, payment days).
    /// Business days are Monday to Friday, less the public holidays of the contract's place.
    Chase(ChaseArgs),
    /// Compare two contracts: the terms that changed, side by side, and the wording, word by
    /// word.
    ///
    /// Takes two answers files (each built as `build` would) or two built contracts
    /// (Markdown). Prints the answers that differ with both values, the sections added and
    /// removed, and each changed paragraph with [-deleted-] and {+inserted+} words. With
    /// `--format docx -o FILE`, also writes the later contract as a Word document with the
    /// changes tracked (insertions and deletions, by the freelancer, dated), for a client to
    /// review in Word: "here is what changed since last time".
    Diff(DiffArgs),
    /// Print a complete, commented answers file to start from.
    ///
    /// Every question of the built-in library appears in interview order, with its prompt,
    /// type, limits and default as comments, filled in from a worked example:
    /// `clausewright example > acme.yaml`, edit, then `clausewright build acme.yaml`.
    Example(ExampleArgs),
    /// Print a shell completion script.
    ///
    /// bash: `clausewright completions bash > ~/.local/share/bash-completion/completions/clausewright`;
    /// zsh: into a folder of your `$fpath` as `_clausewright`; fish:
    /// `~/.config/fish/completions/clausewright.fish`; PowerShell: add
    /// `clausewright completions powershell | Out-String | Invoke-Expression` to your profile.
    Completions(CompletionsArgs),
    /// Print a manual page (roff).
    ///
    /// `clausewright man > clausewright.1 && man -l clausewright.1` shows the main page;
    /// with COMMAND, the page of that command (`clausewright man build`).
    Man(ManArgs),
    /// Print the JSON Schema of an answers file, a clause file or library.yaml.
    ///
    /// For completion and checks while you type in an editor with a YAML language server
    /// (VS Code's YAML extension, Neovim's yamlls): `clausewright schema answers >
    /// clausewright-answers.schema.json` beside your answers files, which `new` and
    /// `--save-answers` point at in their first line. The answers schema is built from the
    /// library's own questions (the built-in one, or --clauses DIR).
    Schema(SchemaArgs),
    /// Where clausewright keeps your details.
    #[command(subcommand)]
    Config(ConfigCommand),
}

/// Options of `example`.
#[derive(Debug, Args)]
pub struct ExampleArgs {
    /// The freelancer's profession, for a library that asks for one (`freelancer.profession`).
    #[arg(long, value_name = "PROFESSION")]
    pub profession: Option<String>,
    /// The contract's language: `en`, `tr`, or `en+tr` for both side by side. The example is
    /// a worked example written in it, with its comments in the first language (`tr`: a
    /// Turkish contract explained in Turkish). [default: en]
    #[arg(long, value_name = "LANG", value_parser = languages)]
    pub lang: Option<Languages>,
}

/// Options of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file the schema describes.
    #[arg(value_enum, value_name = "FILE")]
    pub file: SchemaFile,
    /// The clause library whose questions an answers file answers (answers only).
    /// [default: the built-in library]
    #[arg(long, value_name = "DIR")]
    pub clauses: Option<PathBuf>,
}

/// The files `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// An answers file of the library (its keys, types, limits and choices).
    Answers,
    /// A clause file.
    Clause,
    /// A library's library.yaml.
    Library,
}

/// Options of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`build`, `chase`, …). [default: the main page]
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The `config` commands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the profile file, where `new` saves your own details.
    ///
    /// `$XDG_CONFIG_HOME/clausewright/profile.yaml`, else `~/.config/clausewright/profile.yaml`,
    /// on Linux and macOS; `%APPDATA%\clausewright\profile.yaml` on Windows.
    Path,
}

/// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Start from this answers file: ask only what it leaves out or gets wrong.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Continue the interview stopped last time, from the draft it saved.
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,
    /// Read and save your own details in FILE.
    /// [default: clausewright/profile.yaml in your config folder, such as ~/.config]
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Options shared with every command that writes a contract.
    #[command(flatten)]
    pub contract: ContractArgs,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Library folders to check (each holds a library.yaml).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also write a cover note for yourself (Markdown and PDF, beside the contract): each
    /// section in a line, and each safeguard left out with what it would add.
    #[arg(long)]
    pub explain: bool,
}

/// How `check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Messages with the source line and a caret.
    Human,
    /// One JSON object per line.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::`).
    Github,
}

/// Options of `build`.
#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is an independent switch of the command line"
)]
pub struct BuildArgs {
    /// The answers file (YAML).
    #[arg(value_name = "ANSWERS")]
    pub answers: PathBuf,
    /// Options shared with every command that writes a contract.
    #[command(flatten)]
    pub contract: ContractArgs,
    /// Build for a client who paid late before: rates multiplied, every safeguard included.
    #[arg(long)]
    pub late_payer: bool,
    /// What a late payer's rates are multiplied by: more than 0, at most 10, with at most
    /// four decimal places.
    #[arg(long, value_name = "N", default_value = "2", value_parser = rate_multiplier, allow_negative_numbers = true)]
    pub rate_multiplier: Decimal,
    /// Also write the answers as built (after late-payer changes) to FILE.
    #[arg(long, value_name = "FILE")]
    pub save_answers: Option<PathBuf>,
    /// Treat the warnings about the terms (a kill fee that comes before the follow-up ladder
    /// ends, interest above the usual cap of the place, ...) as errors: print them and write
    /// nothing.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also write a cover note for yourself (Markdown and PDF, beside the contract): each
    /// section in a line, and each safeguard left out with what it would add.
    #[arg(long)]
    pub explain: bool,
    /// Print what was built on standard output as one JSON document: the files written, the
    /// clauses included and left out, the warnings and the amounts (keys in the README).
    #[arg(long)]
    pub json: bool,
}

/// Options of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier contract: an answers file (YAML) or a built contract (Markdown).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later contract, of the same kind.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Use the clause library in DIR instead of the built-in one (answers files).
    #[arg(long, value_name = "DIR")]
    pub clauses: Option<PathBuf>,
    /// `text` prints the differences; `docx` also writes the later contract with the changes
    /// tracked to the file given with -o.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// The Word document to write (with --format docx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Paper size of the Word document.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
    /// The agreement date of answers files without one (YYYY-MM-DD). [default: today]
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<jiff::civil::Date>,
}

/// `diff --format`: what the comparison is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    /// The differences as text on standard output.
    #[default]
    Text,
    /// Also a Word document with tracked changes.
    Docx,
}

/// Options of `chase`.
#[derive(Debug, Args)]
pub struct ChaseArgs {
    /// The answers file the contract was built from (YAML).
    #[arg(value_name = "ANSWERS")]
    pub answers: PathBuf,
    /// Where the client went silent.
    #[arg(long, value_enum)]
    pub stage: StageArg,
    /// The day of your unanswered message (negotiating, feedback); for payment, the invoice's
    /// date, from which the contract's payment days give the due date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<jiff::civil::Date>,
    /// The unpaid invoice's number (payment).
    #[arg(long, value_name = "NUMBER", value_parser = non_empty)]
    pub invoice: Option<String>,
    /// The amount invoiced, such as 6400.00 (payment).
    #[arg(long, value_name = "MONEY", value_parser = money, allow_negative_numbers = true)]
    pub amount: Option<Decimal>,
    /// The agreed change to the Scope, in a sentence (change).
    #[arg(long, value_name = "TEXT", value_parser = non_empty)]
    pub change: Option<String>,
    /// The agreed price of the change, such as 450.00 (change).
    #[arg(long, value_name = "MONEY", value_parser = money, allow_negative_numbers = true)]
    pub price: Option<Decimal>,
    /// The day the invoice was due (payment). [default: --since plus the contract's payment
    /// days]
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub due: Option<jiff::civil::Date>,
    /// The day to read the schedule against (YYYY-MM-DD). [default: today]
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub today: Option<jiff::civil::Date>,
    /// The day you sent the final notice (payment): its deadline counts from that day.
    /// [default: once its date has come, the final notice is due and counts as sent today]
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub final_notice_sent: Option<jiff::civil::Date>,
    /// The final notice's time to pay before legal action: business days (`5bd`, at least
    /// five) or calendar days (`14d`, at most thirty).
    #[arg(long, value_name = "PERIOD", default_value = "5bd")]
    pub deadline: crate::chase::Deadline,
    /// Write every letter of the ladder, not only the one due now.
    #[arg(long)]
    pub all: bool,
    /// Also write the schedule to FILE as an iCalendar file, one event per step.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// The folder to write the letters to.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Letter formats, comma-separated: md, pdf, txt (the plain text of an email body) and eml
    /// (a draft email with the text as its body and the PDF letter attached).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,pdf")]
    pub format: Vec<LetterFormat>,
    /// Add to the chase record what you did or received, instead of writing letters:
    /// `sent` (a letter: --step, --by), `called` (--who, --note) or `paid` (--payment).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub record: Option<RecordKind>,
    /// The day it happened, for --record. [default: --today]
    #[arg(long, value_name = "DATE", value_parser = date, requires = "record")]
    pub on: Option<jiff::civil::Date>,
    /// The letter sent, for --record sent, such as payment-notice-30. [default: the letter to
    /// send now]
    #[arg(long, value_name = "STEP", requires = "record")]
    pub step: Option<String>,
    /// How the letter was sent, for --record sent, such as "email and post".
    #[arg(long, value_name = "HOW", value_parser = non_empty, requires = "record")]
    pub by: Option<String>,
    /// Who was called, for --record called. [default: the client's contact person, else the
    /// client]
    #[arg(long, value_name = "NAME", value_parser = non_empty, requires = "record")]
    pub who: Option<String>,
    /// What came of the call, for --record called.
    #[arg(long, value_name = "TEXT", value_parser = non_empty, requires = "record")]
    pub note: Option<String>,
    /// The amount received, for --record paid, such as 2000.00.
    #[arg(long, value_name = "MONEY", value_parser = money, requires = "record", allow_negative_numbers = true)]
    pub payment: Option<Decimal>,
    /// The chase record: letters sent, calls, payments.
    /// [default: <client>.chase.yaml beside the answers file]
    #[arg(long, value_name = "FILE")]
    pub record_file: Option<PathBuf>,
    /// Paper size of the PDF letters.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
    /// Use the clause library (and its letters/) in DIR instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub clauses: Option<PathBuf>,
    /// Print the schedule on standard output as one JSON document instead of a table: each
    /// step's date and status, the invoice's amounts, the deadline and the files written.
    #[arg(long)]
    pub json: bool,
    /// The letters' language: `en` or `tr`; the library must have its letters in it
    /// (`letters/`, `tr/letters/`). It sets the words of every file written (letters, email
    /// subjects, calendar events), never the dates. [default: agreement.language in the
    /// answers; for `en+tr`, the prevailing language, agreement.prevailing; else en]
    #[arg(long, value_name = "LANG", value_parser = language)]
    pub lang: Option<Language>,
}

/// Options of every command that writes a contract.
#[derive(Debug, Clone, Args)]
pub struct ContractArgs {
    /// Use the clause library in DIR instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub clauses: Option<PathBuf>,
    /// Where to write: a file, a folder, or `-` for standard output.
    /// [default: ./<client>-contract.md and .pdf]
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Output formats, comma-separated: the PDF is typeset from the very Markdown written.
    /// [default: md,pdf; md with -o -]
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<OutputFormat>,
    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub paper: PaperArg,
    /// Replace output files that already exist.
    #[arg(long)]
    pub force: bool,
    /// The agreement date (YYYY-MM-DD). [default: agreement.date in the answers, else today]
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<jiff::civil::Date>,
    /// Mark the PDF as a draft under negotiation: a light "DRAFT" across every page, and in
    /// its title and keywords.
    #[arg(long)]
    pub draft: bool,
    /// Also put the invisible text tags of an e-signature service on the PDF's signature and
    /// date lines, so that the service places its fields there (signer1 is you, signer2 the
    /// client).
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub sign_tags: Option<SignTagsArg>,
    /// The contract's language: `en`, `tr`, or `en+tr` for both side by side; the clause
    /// library must be written in each. [default: agreement.language in the answers, else en]
    #[arg(long, value_name = "LANG", value_parser = languages)]
    pub lang: Option<Languages>,
}

/// `--sign-tags`: the e-signature service whose text tags go on the signature lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SignTagsArg {
    /// Dropbox Sign (HelloSign): `[sig|req|signer1]` and `[date|req|signer1]`; send the request
    /// with text tags on.
    Dropbox,
    /// Docusign's automatic anchor tags: `\s1\` (signature) and `\d1\` (date signed).
    Docusign,
}

impl From<SignTagsArg> for SignTags {
    fn from(service: SignTagsArg) -> Self {
        match service {
            SignTagsArg::Dropbox => SignTags::Dropbox,
            SignTagsArg::Docusign => SignTags::Docusign,
        }
    }
}

impl ContractArgs {
    /// The formats to write: as given, else Markdown and PDF (only Markdown to stdout).
    #[must_use]
    pub fn formats(&self) -> Vec<OutputFormat> {
        if !self.format.is_empty() {
            return self.format.clone();
        }
        if self.output.as_deref().is_some_and(|o| o.as_os_str() == "-") {
            vec![OutputFormat::Md]
        } else {
            vec![OutputFormat::Md, OutputFormat::Pdf]
        }
    }
}

/// A format `chase` writes a letter in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum LetterFormat {
    /// Markdown.
    Md,
    /// PDF, typeset with embedded fonts.
    Pdf,
    /// Plain text for the body of an email: greeting, body and closing.
    Txt,
    /// A draft email (RFC 5322): the plain text as its body, the PDF letter attached.
    Eml,
    /// Word (DOCX), from the same Markdown as the PDF.
    Docx,
}

impl LetterFormat {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            LetterFormat::Md => "md",
            LetterFormat::Pdf => "pdf",
            LetterFormat::Txt => "txt",
            LetterFormat::Eml => "eml",
            LetterFormat::Docx => "docx",
        }
    }
}

/// What `chase --record` adds to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordKind {
    /// A letter was sent.
    Sent,
    /// A call was made.
    Called,
    /// A payment was received.
    Paid,
}

/// A format `build` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum OutputFormat {
    /// Markdown.
    Md,
    /// PDF, typeset with embedded fonts.
    Pdf,
    /// Word (DOCX), from the same Markdown, for clients who suggest changes in Word.
    Docx,
}

impl OutputFormat {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Md => "md",
            OutputFormat::Pdf => "pdf",
            OutputFormat::Docx => "docx",
        }
    }
}

/// `--stage`: where the client went silent; the help text of `chase::Stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// Still negotiating: your last message is unanswered since --since.
    Negotiating,
    /// Project under way: feedback owed since --since.
    Feedback,
    /// Work delivered: the invoice was due on --due.
    Payment,
    /// Final work sent for review on --since: ask the client to accept it.
    Delivery,
    /// A change to the Scope agreed on --since: confirm it in writing (--change, --price).
    Change,
}

impl From<StageArg> for Stage {
    fn from(stage: StageArg) -> Self {
        match stage {
            StageArg::Negotiating => Stage::Negotiating,
            StageArg::Feedback => Stage::Feedback,
            StageArg::Payment => Stage::Payment,
            StageArg::Delivery => Stage::Delivery,
            StageArg::Change => Stage::Change,
        }
    }
}

/// `--paper`: the paper size of the PDF; the help text of [`Paper`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, ValueEnum)]
pub enum PaperArg {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::Letter => Paper::Letter,
            PaperArg::A4 => Paper::A4,
        }
    }
}

/// An invoice number, a change's description, who was called and what came of it: printable
/// text on one line, held to the rule of a required text answer
/// ([`crate::model::required_text`]: at least one visible character, at most as many as a
/// text answer).
fn non_empty(text: &str) -> Result<String, String> {
    let trimmed = crate::model::required_text(text)?;
    if let Some(c) = trimmed.chars().find(|c| c.is_control()) {
        return Err(format!(
            "`{}` holds the control character U+{:04X}; write one line of text",
            trimmed.escape_default(),
            u32::from(c)
        ));
    }
    Ok(trimmed)
}

/// An amount of money: digits with at most two decimal places, `,` only between thousands.
fn money(text: &str) -> Result<Decimal, String> {
    let value = crate::model::parse_number(text.trim()).ok_or_else(|| {
        format!("`{text}` is not an amount; write it like 6400.00 (`,` only between thousands)")
    })?;
    if value <= Decimal::ZERO {
        return Err(format!("`{text}` must be more than zero"));
    }
    if value > crate::model::max_amount() {
        return Err(format!("`{text}` is more than 1,000,000,000,000"));
    }
    if value.normalize().scale() > 2 {
        return Err(format!("`{text}` has more than two decimal places"));
    }
    Ok(value)
}

/// A language code: `en` or `tr`.
fn language(text: &str) -> Result<Language, String> {
    text.parse()
}

/// One language code or two joined by `+`: `en`, `tr`, `en+tr`.
fn languages(text: &str) -> Result<Languages, String> {
    text.parse()
}

/// `--rate-multiplier`: a plain decimal above 0 and at most 10 (a late payer's rates
/// multiplied a thousandfold are no term a court would keep, and an unbounded factor would
/// overflow the arithmetic of the amounts), with at most four decimal places.
fn rate_multiplier(text: &str) -> Result<Decimal, String> {
    let value = crate::model::parse_number(text.trim())
        .ok_or_else(|| format!("`{text}` is not a number; write it like 2 or 1.5"))?;
    if value <= Decimal::ZERO {
        return Err(format!("`{text}` must be more than zero"));
    }
    if value > Decimal::TEN {
        return Err(format!("`{text}` is more than 10, the largest multiplier"));
    }
    if value.normalize().scale() > 4 {
        return Err(format!("`{text}` has more than four decimal places"));
    }
    Ok(value)
}

/// A date written YYYY-MM-DD, refused in those words rather than the date library's.
fn date(text: &str) -> Result<jiff::civil::Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a date; write it YYYY-MM-DD, such as 2026-03-02"))
}
