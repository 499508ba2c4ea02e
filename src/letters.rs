//! Letters: takes the library's `letters/` files and the loaded [`Library`] and returns the
//! checked letter templates ([`Letters`]) with every problem as a [`Diagnostic`]; renders one
//! letter as one Markdown string, through the same Handlebars registry and Markdown escaper
//! as the contract's clauses.
//!
//! `letters/letters.yaml` holds the parts every letter shares (`letterhead`, `greeting` and
//! `closing`);
//! every other file under `letters/` is one letter (`id`, `subject`, `body`), and its id names
//! the rung of the ladder that sends it ([`crate::chase::LETTERS`]). Templates may use the
//! library's declared keys and the letter variables in [`VARIABLES`], each only in the
//! letters whose step sets it.
//!
//! The letters in another language live in that language's folder, as its clauses do
//! (`tr/letters/`, the same files with the same ids): [`load_in`] loads them, and
//! [`parity`] holds the two folders to the same files.

mod parity;

pub use parity::parity;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use handlebars::Handlebars;
use serde::Deserialize;
use serde_json::Value as Json;
use serde_saphyr::Spanned;

use crate::answers::Answers;
use crate::chase::{self, Stage};
use crate::error::{Diagnostic, Error, LettersError, Severity};
use crate::library::{self, BodyOrigin, Clause, Library, SourceFile, Unloaded, read_yaml};
use crate::model::{Language, Question, Type, Value};
use crate::render;

/// The folder of a library that holds letters.
pub const LETTERS_DIR: &str = "letters/";
/// The file holding the parts every letter shares.
pub const FRAME_FILE: &str = "letters/letters.yaml";

/// Which letters a letter variable is set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every letter, and the letterhead and closing.
    Every,
    /// The letters of every stage but payment.
    Silence,
    /// The acceptance request.
    Delivery,
    /// The change-order confirmation.
    Change,
    /// The payment letters.
    Payment,
    /// The final notice only.
    FinalNotice,
    /// The notice ending the agreement under the kill fee only.
    KillFeeNotice,
}

impl Scope {
    fn covers(self, letter: Option<(&str, Stage)>) -> bool {
        match (self, letter) {
            (Scope::Every, _) => true,
            (_, None) => false,
            (Scope::Silence, Some((_, stage))) => stage != Stage::Payment,
            (Scope::Delivery, Some((_, stage))) => stage == Stage::Delivery,
            (Scope::Change, Some((_, stage))) => stage == Stage::Change,
            (Scope::Payment, Some((_, stage))) => stage == Stage::Payment,
            (Scope::FinalNotice, Some((id, _))) => id == chase::PAYMENT_FINAL_NOTICE,
            (Scope::KillFeeNotice, Some((id, _))) => id == chase::FEEDBACK_KILL_FEE_NOTICE,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Scope::Every => "every letter",
            Scope::Silence => "the letters of every stage but payment",
            Scope::Delivery => "the acceptance request",
            Scope::Change => "the change-order confirmation",
            Scope::Payment => "the payment letters",
            Scope::FinalNotice => "the final notice",
            Scope::KillFeeNotice => "the notice ending the agreement under the kill fee",
        }
    }
}

/// A value the `chase` command computes for a letter, beside the answers.
#[derive(Debug, Clone, Copy)]
pub struct Variable {
    /// The dotted key templates use.
    pub key: &'static str,
    /// Its type, which decides the helpers that format it.
    pub ty: Type,
    /// What it holds.
    pub help: &'static str,
    /// The letters it is set for.
    pub scope: Scope,
}

/// Every letter variable. They are declared here rather than in a YAML file because the
/// `chase` command computes each of them: a declaration the code did not compute could only
/// fail at run time.
pub const VARIABLES: &[Variable] = &[
    Variable {
        key: "letter.date",
        ty: Type::Date,
        help: "the day the letter is sent: today for the step due now, else the step's date",
        scope: Scope::Every,
    },
    Variable {
        key: "letter.last_sent",
        ty: Type::Date,
        help: "the day the record says the last earlier letter of this stage was sent; absent when it records none, so use it inside {{#if letter.last_sent}}",
        scope: Scope::Every,
    },
    Variable {
        key: "letter.warning_sent",
        ty: Type::Date,
        help: "the day the record says the pause-work notice, the kill fee's written warning, was sent; absent when it records none",
        scope: Scope::KillFeeNotice,
    },
    Variable {
        key: "letter.since",
        ty: Type::Date,
        help: "the day of the message that went unanswered (--since)",
        scope: Scope::Silence,
    },
    Variable {
        key: "letter.review_ends",
        ty: Type::Date,
        help: "the last day of the review period of the delivery sent on --since",
        scope: Scope::Delivery,
    },
    Variable {
        key: "change.description",
        ty: Type::Text,
        help: "the agreed change (--change)",
        scope: Scope::Change,
    },
    Variable {
        key: "change.price",
        ty: Type::Money,
        help: "the price of the change (--price)",
        scope: Scope::Change,
    },
    Variable {
        key: "invoice.number",
        ty: Type::Text,
        help: "the invoice's number (--invoice)",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.amount",
        ty: Type::Money,
        help: "the amount invoiced (--amount)",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.due",
        ty: Type::Date,
        help: "the original due date (--due)",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.days_overdue",
        ty: Type::Integer,
        help: "days from the due date to the letter's date",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.paid",
        ty: Type::Money,
        help: "the payments recorded up to the letter's date",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.part_paid",
        ty: Type::Bool,
        help: "whether any payment is recorded up to the letter's date",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.late_fee",
        ty: Type::Money,
        help: "the contract's late fee to the letter's date, on the unpaid part as it stood each day (zero without a late fee clause)",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.balance",
        ty: Type::Money,
        help: "the amount plus the late fee, less the payments",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.compensation",
        ty: Type::Money,
        help: "the fixed sum the statute of the contract's place gives for a late invoice (the UK Late Payment Act's £40, £70 or £100 by the debt's size; BGB § 288(5)'s €40), owed beside the balance; absent where none is owed, so use it inside {{#if invoice.compensation}}",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.statute",
        ty: Type::Text,
        help: "the statute that gives the fixed compensation (\"the Late Payment of Commercial Debts (Interest) Act 1998\"); set with invoice.compensation",
        scope: Scope::Payment,
    },
    Variable {
        key: "invoice.total",
        ty: Type::Money,
        help: "the balance plus the statute's fixed compensation (the balance where none is owed)",
        scope: Scope::Payment,
    },
    Variable {
        key: "letter.deadline",
        ty: Type::Date,
        help: "the last day to pay before legal action",
        scope: Scope::FinalNotice,
    },
    Variable {
        key: "letter.deadline_period",
        ty: Type::Text,
        help: "the deadline in words: \"five (5) business days\"",
        scope: Scope::FinalNotice,
    },
];

/// The checked letter templates of a library.
#[derive(Debug, Clone)]
#[allow(clippy::struct_field_names)] // `letters.letters`: the frame's parts, then the letters.
pub struct Letters {
    /// Sender, date and recipient, above every letter.
    pub letterhead: Clause,
    /// The greeting, between the subject and the body.
    pub greeting: Clause,
    /// Sign-off, below every letter.
    pub closing: Clause,
    /// The lighter sign-off of the letters in the email register, when the library has one.
    pub email_closing: Option<Clause>,
    /// The letters, by id.
    pub letters: Vec<Letter>,
    /// The folder they were read from, within the library (`letters/`, `tr/letters/`).
    pub folder: String,
}

/// One letter template.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The ladder step that sends it.
    pub id: String,
    /// The subject line.
    pub subject: Clause,
    /// The body.
    pub body: Clause,
    /// Whether it is a short email nudge (`register: email`) rather than a formal notice: it
    /// then signs off with the frame's `email_closing`.
    pub email: bool,
}

impl Letters {
    /// The letter with `id`, or an error naming the file the library lacks.
    pub fn get(&self, id: &str) -> Result<&Letter, Error> {
        self.letters.iter().find(|l| l.id == id).ok_or_else(|| {
            LettersError::Missing {
                id: id.to_owned(),
                file: format!("{}{id}.yaml", self.folder),
            }
            .into()
        })
    }
}

/// The outcome of loading the letters: the letters, when the shared parts loaded, and every
/// diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The letters that loaded; `None` when the library has no letters or its shared parts
    /// have errors.
    pub letters: Option<Letters>,
    /// Every error and warning.
    pub diagnostics: Vec<Diagnostic>,
    /// The language they are written in.
    pub language: Language,
}

impl Loaded {
    /// The letters, or every error when there is any.
    pub fn into_letters(self) -> Result<Letters, Error> {
        let errors = crate::error::errors_only(self.diagnostics);
        match self.letters {
            Some(letters) if errors.is_empty() => Ok(letters),
            None if errors.is_empty() => Err(LettersError::NoLetters {
                language: self.language.name(),
                folder: folder_of(self.language),
                frame: format!("{}{FRAME_FILE}", prefix_of(self.language)),
            }
            .into()),
            _ => Err(Error::Diagnostics(errors)),
        }
    }
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrame {
    letterhead: Spanned<String>,
    greeting: Spanned<String>,
    closing: Spanned<String>,
    email_closing: Option<Spanned<String>>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLetter {
    id: Spanned<String>,
    register: Option<Spanned<String>>,
    subject: Spanned<String>,
    body: Spanned<String>,
}

fn is_letter_file(relative: &str) -> bool {
    relative.starts_with(LETTERS_DIR) && relative != FRAME_FILE
}

/// The folder of a language's files within the library: nothing for English, `tr/` else.
fn prefix_of(language: Language) -> String {
    if language == Language::En {
        String::new()
    } else {
        library::language_dir(language)
    }
}

/// The folder of the letters in `language`: `letters/`, `tr/letters/`.
#[must_use]
pub fn folder_of(language: Language) -> String {
    format!("{}{LETTERS_DIR}", prefix_of(language))
}

/// Loads and checks the letters in `language` (`letters/` for English, `tr/letters/` for
/// Turkish) among a library's files against the loaded library. The templates are checked
/// against the library's declarations, which every language shares, and its clause ids, which
/// are the same in every language.
///
/// `failed` are the library's clauses that did not load (see [`Unloaded`]): a letter's
/// reference to one of them is not reported as broken, since the clause's file has its own
/// error.
#[must_use]
pub fn load_in(
    files: &[SourceFile],
    library: &Library,
    failed: &Unloaded,
    language: Language,
) -> Loaded {
    let prefix = prefix_of(language);
    // The language's files, named as the English ones are (`letters/…`); each keeps its
    // path for messages.
    let mine: Vec<SourceFile> = files
        .iter()
        .filter_map(|f| {
            let relative = f.relative.strip_prefix(&prefix)?;
            Some(SourceFile {
                relative: relative.to_owned(),
                ..f.clone()
            })
        })
        .collect();
    let mut loaded = load_folder(&mine, library, failed, &folder_of(language));
    loaded.language = language;
    loaded
}

/// Loads the letters among `files` (named as in an English library); `folder` is where they
/// are, for messages.
fn load_folder(files: &[SourceFile], library: &Library, failed: &Unloaded, folder: &str) -> Loaded {
    let mut diagnostics = Vec::new();
    let frame_file = files.iter().find(|f| f.relative == FRAME_FILE);
    let letter_files: Vec<&SourceFile> = files
        .iter()
        .filter(|f| is_letter_file(&f.relative))
        .collect();
    let Some(frame_file) = frame_file else {
        if let Some(first) = letter_files.first() {
            let folder = first.display.strip_suffix(&first.relative).unwrap_or("");
            diagnostics.push(Diagnostic::file_error(
                &format!("{folder}{FRAME_FILE}"),
                "the library has letters but no letters.yaml with the `letterhead`, `greeting` and `closing` they share".into(),
            ));
        }
        return Loaded {
            letters: None,
            diagnostics,
            language: Language::En,
        };
    };
    check_collisions(library, frame_file, &mut diagnostics);
    let frame = load_frame(frame_file, library, failed, &mut diagnostics);
    let mut letters: Vec<Letter> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    // Letters with errors still count as present: their errors say what is wrong with them.
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for file in letter_files {
        let Some(letter) = load_letter(file, library, failed, &mut present, &mut diagnostics)
        else {
            continue;
        };
        if let Some(first) = seen.get(&letter.id) {
            diagnostics.push(library::duplicate_id(file, "letter id", &letter.id, first));
            continue;
        }
        seen.insert(letter.id.clone(), file.display.clone());
        letters.push(letter);
    }
    // A file that could not be read may be any letter: none is reported missing.
    if failed.unreadable {
        present.extend(chase::LETTERS.iter().map(|(id, _)| *id));
    }
    for (id, _) in chase::LETTERS {
        if !present.contains(id) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::file_error(
                    &frame_file.display,
                    format!(
                        "there is no letter `{id}` ({folder}{id}.yaml); `chase` cannot write it"
                    ),
                )
            });
        }
    }
    let letters = frame.map(|frame| Letters {
        letterhead: frame.letterhead,
        greeting: frame.greeting,
        closing: frame.closing,
        email_closing: frame.email_closing,
        letters,
        folder: folder.to_owned(),
    });
    Loaded {
        letters,
        diagnostics,
        language: Language::En,
    }
}

/// A letter variable must not also be a declared key, or one would hide the other.
fn check_collisions(library: &Library, frame: &SourceFile, diagnostics: &mut Vec<Diagnostic>) {
    for variable in VARIABLES {
        let mut prefixes = variable
            .key
            .match_indices('.')
            .map(|(i, _)| &variable.key[..i]);
        let clash = library.question(variable.key).is_some()
            || library.is_parent(variable.key)
            || prefixes.any(|p| library.question(p).is_some());
        if clash {
            diagnostics.push(Diagnostic::file_error(
                &frame.display,
                format!(
                    "library.yaml declares `{}` or a key holding it, which is a letter variable; rename the question",
                    variable.key
                ),
            ));
        }
    }
}

struct Frame {
    letterhead: Clause,
    greeting: Clause,
    closing: Clause,
    email_closing: Option<Clause>,
}

fn load_frame(
    file: &SourceFile,
    library: &Library,
    failed: &Unloaded,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Frame> {
    let raw: RawFrame = read_yaml(file, diagnostics)?;
    let letterhead = compile(
        file,
        "letterhead",
        &raw.letterhead,
        library,
        failed,
        None,
        diagnostics,
    );
    let greeting = compile(
        file,
        "greeting",
        &raw.greeting,
        library,
        failed,
        None,
        diagnostics,
    );
    let closing = compile(
        file,
        "closing",
        &raw.closing,
        library,
        failed,
        None,
        diagnostics,
    );
    let email_closing = match &raw.email_closing {
        Some(text) => Some(compile(
            file,
            "email_closing",
            text,
            library,
            failed,
            None,
            diagnostics,
        )?),
        None => None,
    };
    Some(Frame {
        letterhead: letterhead?,
        greeting: greeting?,
        closing: closing?,
        email_closing,
    })
}

fn load_letter(
    file: &SourceFile,
    library: &Library,
    failed: &Unloaded,
    present: &mut BTreeSet<&'static str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Letter> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let Some(raw) = read_yaml::<RawLetter>(file, diagnostics) else {
        // The file's own error is reported; the letter it holds is there all the same, so
        // that no warning says it is missing. Without an id to read, it may be any of them.
        let written = library::written_id(text);
        match chase::LETTERS
            .iter()
            .find(|(known, _)| Some(*known) == written.as_deref())
        {
            Some(&(id, _)) => {
                present.insert(id);
            }
            None => present.extend(chase::LETTERS.iter().map(|(id, _)| *id)),
        }
        return None;
    };
    let id = raw.id.value.trim().to_owned();
    let Some(&(id, stage)) = chase::LETTERS.iter().find(|(known, _)| *known == id) else {
        let message = format!("`{id}` is not a letter of the `chase` ladders");
        let hint = if let Some((close, _)) = chase::LETTERS
            .iter()
            .map(|(known, _)| (*known, strsim::jaro_winkler(known, &id)))
            .filter(|(_, score)| *score > 0.8)
            .max_by(|a, b| a.1.total_cmp(&b.1))
        {
            format!("did you mean `{close}`?")
        } else {
            let known: Vec<String> = chase::LETTERS
                .iter()
                .map(|(k, _)| format!("`{k}`"))
                .collect();
            format!("the letters are {}", known.join(", "))
        };
        diagnostics.push(
            Diagnostic::spanned(name, text, &raw.id, message)
                .with_width(id.chars().count())
                .with_hint(hint),
        );
        return None;
    };
    present.insert(id);
    let before = diagnostics.len();
    let subject = compile(
        file,
        id,
        &raw.subject,
        library,
        failed,
        Some((id, stage)),
        diagnostics,
    );
    if raw.subject.value.trim().contains('\n') {
        diagnostics.push(Diagnostic::spanned(
            name,
            text,
            &raw.subject,
            "the subject is one line".into(),
        ));
    }
    let body = compile(
        file,
        id,
        &raw.body,
        library,
        failed,
        Some((id, stage)),
        diagnostics,
    );
    let email = match &raw.register {
        None => false,
        Some(register) => match register.value.trim() {
            "email" => true,
            "notice" => false,
            other => {
                diagnostics.push(
                    Diagnostic::spanned(
                        name,
                        text,
                        register,
                        format!(
                            "`register` is `{other}`; expected `email` (a short email nudge) or `notice` (a formal notice, the default)"
                        ),
                    )
                    .with_width(other.chars().count().max(1)),
                );
                false
            }
        },
    };
    if diagnostics.len() > before {
        return None;
    }
    Some(Letter {
        id: id.to_owned(),
        subject: subject?,
        body: body?,
        email,
    })
}

/// Compiles one template of a letter file and checks every name it uses; `letter` is the
/// letter's id and stage, or `None` for the shared parts.
fn compile(
    file: &SourceFile,
    id: &str,
    spanned: &Spanned<String>,
    library: &Library,
    failed: &Unloaded,
    letter: Option<(&str, Stage)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Clause> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let source: Arc<str> = spanned.value.as_str().into();
    let leading_newlines = source.chars().take_while(|c| *c == '\n').count();
    let origin = BodyOrigin {
        file: name.to_owned(),
        text: text.into(),
        line: (spanned.referenced.line() as usize).saturating_sub(leading_newlines),
        indent: (spanned.referenced.column() as usize).saturating_sub(1),
    };
    if source.trim().is_empty() {
        diagnostics.push(Diagnostic::spanned(
            name,
            text,
            spanned,
            format!("the {} is empty", part_name(id, letter)),
        ));
        return None;
    }
    if let Some((line, column, message)) = crate::library::too_deep(&source)
        .or_else(|| crate::library::unbalanced_tags(&source, origin.line))
    {
        diagnostics.push(origin.diagnostic(line, column, message));
        return None;
    }
    let template = match crate::library::compile_template(&source) {
        Ok(template) => template,
        Err(error) => {
            let (line, column) = error.pos().unwrap_or((1, 1));
            diagnostics.push(origin.diagnostic(
                line,
                column,
                crate::library::template_syntax_message(&error.reason().to_string()),
            ));
            return None;
        }
    };
    let in_scope: Vec<Question> = VARIABLES
        .iter()
        .filter(|v| v.scope.covers(letter))
        .map(|v| Question::new(v.key, v.ty, v.help))
        .collect();
    let lookup = |key: &str| {
        library
            .question(key)
            .or_else(|| in_scope.iter().find(|q| q.key == key))
            .or_else(|| crate::model::place::question(key))
            .or_else(|| library.trades.question(key))
    };
    let before = diagnostics.len();
    let mut used = BTreeSet::new();
    library::check_template(&template, &source, &origin, &lookup, &mut used, diagnostics);
    for (line, column, width, message) in library::markdown_problems(&source) {
        diagnostics.push(origin.diagnostic(line, column, message).with_width(width));
    }
    for diagnostic in &mut diagnostics[before..] {
        diagnostic.message = letter_message(&diagnostic.message, letter);
    }
    let ids: BTreeSet<&str> = library.clauses.iter().map(|c| c.id.as_str()).collect();
    for (target, line, column) in library::section_references(&template) {
        if !ids.contains(target.as_str()) && !failed.covers(&target) {
            // Point at the quoted id rather than at the `{{`.
            let line_text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
            let column = line_text
                .find(&format!("\"{target}\""))
                .map_or(column, |byte| line_text[..byte].chars().count() + 1);
            diagnostics.push(
                origin
                    .diagnostic(
                        line,
                        column,
                        format!("`section \"{target}\"` refers to no clause of this library"),
                    )
                    .with_width(target.chars().count() + 2),
            );
        }
    }
    if diagnostics.len() > before {
        return None;
    }
    Some(Clause {
        id: id.to_owned(),
        title: part_name(id, letter),
        order: 0,
        when: None,
        numbered: false,
        keep_together: false,
        signatures: false,
        summary: None,
        body: Arc::clone(&source),
        template: library::Compiled::now(source, template),
        origin,
    })
}

fn part_name(id: &str, letter: Option<(&str, Stage)>) -> String {
    match letter {
        Some(_) => format!("letter `{id}`"),
        None => id.to_owned(),
    }
}

/// The clause checker speaks of library.yaml alone; a letter also knows its own variables.
fn letter_message(message: &str, letter: Option<(&str, Stage)>) -> String {
    let Some(path) = message
        .strip_prefix('`')
        .and_then(|rest| rest.strip_suffix("` is not declared in library.yaml"))
    else {
        return message.to_owned();
    };
    let key = path.replace('/', ".");
    let place = match letter {
        Some((id, _)) => format!("the letter `{id}`"),
        None => "the letterhead, greeting and closing".to_owned(),
    };
    match VARIABLES.iter().find(|v| v.key == key) {
        Some(variable) => format!(
            "`{path}` is not set in {place}; it is set only in {}",
            variable.scope.describe()
        ),
        None => format!("`{path}` is neither declared in library.yaml nor a letter variable"),
    }
}

/// The data a letter renders with: the answers and the letter's variables.
#[must_use]
pub fn data(answers: &Answers, values: &[(&str, Value)]) -> Json {
    let mut all = answers.clone();
    for (key, value) in values {
        all.set(key, value.clone());
    }
    all.to_json()
}

/// One letter, rendered: each part as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Sender, date and recipient.
    pub letterhead: String,
    /// The subject line.
    pub subject: String,
    /// The greeting.
    pub greeting: String,
    /// The body.
    pub body: String,
    /// The sign-off.
    pub closing: String,
}

impl Rendered {
    /// The whole letter: letterhead, bold subject, greeting, body and closing.
    #[must_use]
    pub fn markdown(&self) -> String {
        format!(
            "{}\n\n**{}**\n\n{}\n\n{}\n\n{}\n",
            self.letterhead, self.subject, self.greeting, self.body, self.closing
        )
    }

    /// The letter as an email's body: greeting, body and closing (the subject and the
    /// addresses are the email's own headers).
    #[must_use]
    pub fn email_markdown(&self) -> String {
        format!("{}\n\n{}\n\n{}\n", self.greeting, self.body, self.closing)
    }
}

/// Renders one letter as Markdown: letterhead, subject, greeting, body and closing.
pub fn render(
    letters: &Letters,
    letter: &Letter,
    registry: &Handlebars<'static>,
    data: &Json,
) -> Result<String, Error> {
    render_parts(letters, letter, registry, data).map(|r| r.markdown())
}

/// Renders each part of one letter as Markdown.
pub fn render_parts(
    letters: &Letters,
    letter: &Letter,
    registry: &Handlebars<'static>,
    data: &Json,
) -> Result<Rendered, Error> {
    let mut parts = Vec::with_capacity(5);
    let mut diagnostics = Vec::new();
    let context = handlebars::Context::from(data.clone());
    for clause in [
        &letters.letterhead,
        &letter.subject,
        &letters.greeting,
        &letter.body,
        match (&letters.email_closing, letter.email) {
            (Some(closing), true) => closing,
            _ => &letters.closing,
        },
    ] {
        match render::render_clause(registry, clause, &context) {
            Ok(text) => parts.push(text),
            Err(mut diagnostic) => {
                diagnostic.message = diagnostic.message.replace("clause `", "letter `");
                diagnostics.push(diagnostic);
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::Diagnostics(diagnostics));
    }
    let [letterhead, subject, greeting, body, closing] = <[String; 5]>::try_from(parts)
        .map_err(|_| Error::Internal(format!("the letter `{}` did not render", letter.id)))?;
    Ok(Rendered {
        letterhead,
        subject,
        greeting,
        body,
        closing,
    })
}

#[cfg(test)]
mod tests;
