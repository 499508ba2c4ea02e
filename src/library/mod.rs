//! The clause library: takes the library's files (`library.yaml` and one YAML file per clause)
//! and returns a checked [`Library`], with every problem found as a [`Diagnostic`].
//!
//! Loading a library from its files ([`load`]) checks everything that can be known without
//! answers: the schema of each file, unique ids, that conditions parse and compare compatible
//! types, that templates compile and use only declared keys and known helpers, and that
//! cross-references name real clauses. The built-in library ([`built_in`]) is the exception:
//! the tests and `check` in CI load it with every check, so a run reads it without repeating
//! them, once per process, and compiles (or thaws, see `frozen`) a template only when a
//! contract renders it.
//!
//! ```text
//! raw           the serde shapes of library.yaml and of a clause file, and their JSON Schemas
//! declarations  library.yaml → title and sections of Questions
//! trades        library.yaml's `trades:` → the words of each profession (`trade.role`)
//! signs         library.yaml's `trade_signs:` → the words that mark a text as a trade's work
//! clauses       a clause file → Clause (on every core)
//! template      Handlebars bodies: declared keys, known helpers, cross-references, open blocks
//! markdown      bodies as Markdown: open fences, raw HTML, reference definitions, tabs, nesting
//! fold          compiling a body with its prose folded away, as Handlebars would
//! frozen        the built-in library's templates, compiled at build time (build.rs)
//! frozen_form   the serde form those templates are frozen in
//! translation   a language folder (`tr/`) → the same clauses, title and trade words in
//!               that language, each clause checked against its English twin
//! builtin       the built-in library, embedded at build time
//! compiled      a body's template: compiled at load when checked, on first use when trusted
//! ```

mod builtin;
mod clauses;
mod compiled;
mod declarations;
mod fold;
mod frozen;
mod frozen_form;
mod markdown;
mod question_words;
mod raw;
mod signs;
mod summary;
mod template;
mod trades;
mod translation;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use crate::error::Diagnostic;
use crate::jurisdiction::{self, JURISDICTIONS_DIR, Profile};
use crate::model::keys::{AGREEMENT_LANGUAGE, AGREEMENT_PREVAILING, PLACE_ANSWERS};
use crate::model::{Condition, Language, Languages, Question, Term, Type, place};

pub(crate) use builtin::FINGERPRINT as BUILT_IN_FINGERPRINT;
pub use builtin::built_in_files;
pub(crate) use clauses::{load_clauses, written_id};
pub use compiled::Compiled;
pub(crate) use compiled::{Respell, compile_all};
pub(crate) use declarations::{condition_diagnostics, load_declarations};

pub(crate) use frozen::compile as compile_template;
pub(crate) use markdown::markdown_problems;
pub use signs::Signs;
pub(crate) use template::section_references;
pub(crate) use template::{
    check_cross_references, check_template, template_syntax_message, too_deep, unbalanced_tags,
};
pub use trades::Trades;
pub use translation::{Translation, Translations, language_dir};

/// The JSON Schema (draft 7) of `library.yaml`, generated from the shapes the loader reads.
#[must_use]
pub fn library_schema() -> serde_json::Value {
    raw::library_schema()
}

/// The JSON Schema (draft 7) of a clause file, generated from the shapes the loader reads.
#[must_use]
pub fn clause_schema() -> serde_json::Value {
    raw::clause_schema()
}

/// The name of the file that declares the library's title and variables.
pub const LIBRARY_FILE: &str = "library.yaml";

pub use crate::yaml::SourceFile;
pub(crate) use crate::yaml::read_yaml;

/// A loaded, checked library.
#[derive(Debug, Clone)]
pub struct Library {
    /// The contract's title.
    pub title: String,
    /// The questions, in interview order. Shared by the library's copies, as the clauses are:
    /// every contract takes a copy of the library, and nothing changes them after the load.
    pub sections: Arc<[Section]>,
    /// The clauses, sorted by order then id.
    pub clauses: Arc<[Clause]>,
    /// The words of each profession's contract (`{{trade.role}}`), from `trades:`.
    pub trades: Trades,
    /// The jurisdiction profiles (`jurisdictions/`); a library without any uses the built-in
    /// ones. Shared: the built-in profiles are read once per process.
    pub profiles: Arc<[Profile]>,
    /// The library in other languages than English (`tr/`): the same clauses, title and trade
    /// words. Shared: a bilingual build takes the library in both languages.
    pub translations: Translations,
}

/// A group of questions asked together.
#[derive(Debug, Clone)]
pub struct Section {
    /// Shown as the interview's heading ("The client").
    pub title: String,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// One clause of the contract.
#[derive(Debug, Clone)]
pub struct Clause {
    /// Unique kebab-case id.
    pub id: String,
    /// The section heading, after its number ("Deposit").
    pub title: String,
    /// Position in the contract.
    pub order: i64,
    /// Included only when this holds.
    pub when: Option<Condition>,
    /// Whether the heading gets a section number.
    pub numbered: bool,
    /// Whether the PDF keeps the clause on one page.
    pub keep_together: bool,
    /// Whether the clause is the signature block (signature fields in the PDF).
    pub signatures: bool,
    /// What the clause does for the freelancer, in a sentence or two of plain text (the cover
    /// note of `build --explain`).
    pub summary: Option<String>,
    /// The Handlebars source of the body (shared by the library's copies).
    pub body: Arc<str>,
    /// The body compiled: at load when the library is checked, on first use when it is the
    /// trusted built-in library (see [`Compiled`]).
    pub template: Compiled,
    /// Where the body sits in its file, to map template positions to file positions.
    pub origin: BodyOrigin,
}

/// Where a clause body sits in its YAML file.
#[derive(Debug, Clone)]
pub struct BodyOrigin {
    /// The file's display name.
    pub file: String,
    /// The file's text (shared by the library's copies).
    pub text: Arc<str>,
    /// The file line of the body's first line.
    pub line: usize,
    /// Columns to add to a body column to get the file column.
    pub indent: usize,
}

impl BodyOrigin {
    /// A diagnostic at `line:column` of the body (1-based), placed in the file.
    #[must_use]
    pub fn diagnostic(&self, line: usize, column: usize, message: String) -> Diagnostic {
        Diagnostic::error(
            &self.file,
            &self.text,
            self.line + line.saturating_sub(1),
            self.indent + column.max(1),
            message,
        )
    }
}

impl Library {
    /// The languages the library is written in: English, then each of its translations.
    #[must_use]
    pub fn languages(&self) -> Vec<Language> {
        std::iter::once(Language::En)
            .chain(self.translations.languages())
            .collect()
    }

    /// The library in `language`: its clauses, title and trade words swapped for the
    /// translation's (the questions and profiles stay). `None` when it is not written in it.
    #[must_use]
    pub fn into_language(self, language: Language) -> Option<Library> {
        if language == Language::En {
            return Some(self);
        }
        let translation = self.translations.iter().find(|t| t.language == language)?;
        Some(Library {
            title: translation.title.clone(),
            clauses: translation.clauses.clone(),
            // The signs are in every language already: the English table's stay.
            trades: {
                let mut trades = translation.trades.clone();
                trades.signs = self.trades.signs;
                trades
            },
            sections: self.sections,
            profiles: self.profiles,
            translations: self.translations.clone(),
        })
    }

    /// The library with its questions in `language` (each section's title and each
    /// question's prompt, label, help, unit, item and choice labels), for the interview;
    /// `None` when the library is not written in it. The clauses, keys and conditions are
    /// the same.
    #[must_use]
    pub fn asking_in(&self, language: Language) -> Option<Library> {
        if language == Language::En {
            return Some(self.clone());
        }
        let translation = self.translations.iter().find(|t| t.language == language)?;
        Some(Library {
            sections: translation.sections.clone(),
            ..self.clone()
        })
    }

    /// The words of the jurisdiction profiles in `language`, where the translation gives them.
    #[must_use]
    pub fn place_words(&self, language: Language) -> &[jurisdiction::PlaceWords] {
        if language == Language::En {
            // The profiles are written in English: no translation is read for it.
            return &[];
        }
        self.translations
            .iter()
            .find(|t| t.language == language)
            .map_or(&[], |t| t.places.as_slice())
    }

    /// Every question, in interview order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The question declaring `key`.
    #[must_use]
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// Every question with its section's index, in the order an answers file writes them:
    /// the interview's order, except that the keys under one mapping stay together where the
    /// first of them is, at every level (`freelancer.profession`, asked after the relationship,
    /// goes with the other `freelancer` keys), since a YAML mapping holds a key once.
    #[must_use]
    pub fn file_order(&self) -> Vec<(usize, &Question)> {
        let questions: Vec<(usize, &Question)> = self
            .sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| section.questions.iter().map(move |q| (index, q)))
            .collect();
        // Where each mapping (`a`, `a.b`) first appears among the questions.
        let mut firsts: BTreeMap<&str, usize> = BTreeMap::new();
        for (position, (_, question)) in questions.iter().enumerate() {
            let key = question.key.as_str();
            for (at, _) in key.match_indices('.') {
                firsts.entry(&key[..at]).or_insert(position);
            }
        }
        // A question goes where each of its mappings first appears, outermost first, then
        // where it was asked: the positions compared in that order keep every mapping whole.
        let mut placed: Vec<(Vec<usize>, (usize, &Question))> = questions
            .into_iter()
            .enumerate()
            .map(|(position, entry)| {
                let key = entry.1.key.as_str();
                let mut place: Vec<usize> = key
                    .match_indices('.')
                    .map(|(at, _)| firsts[&key[..at]])
                    .collect();
                place.push(position);
                (place, entry)
            })
            .collect();
        placed.sort_by(|a, b| a.0.cmp(&b.0));
        placed.into_iter().map(|(_, entry)| entry).collect()
    }

    /// Any variable a template may use: a question, a place variable or a trade's word.
    #[must_use]
    pub fn variable(&self, key: &str) -> Option<&Question> {
        self.question(key)
            .or_else(|| place::question(key))
            .or_else(|| self.trades.question(key))
    }

    /// The key of the question that plays `term` (its `term:`), if one does.
    #[must_use]
    pub fn term_key(&self, term: Term) -> Option<&str> {
        self.questions()
            .find(|q| q.term == Some(term))
            .map(|q| q.key.as_str())
    }

    /// The clause with `id`.
    #[must_use]
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// Whether `prefix` is a parent of declared keys (`client` for `client.name`).
    #[must_use]
    pub fn is_parent(&self, prefix: &str) -> bool {
        self.questions().any(|q| {
            q.key.len() > prefix.len()
                && q.key.starts_with(prefix)
                && q.key.as_bytes()[prefix.len()] == b'.'
        })
    }

    /// The next segments below `prefix` (`name`, `phone` for `client`).
    #[must_use]
    pub fn children(&self, prefix: &str) -> Vec<String> {
        let mut children: Vec<String> = self
            .questions()
            .filter_map(|q| q.key.strip_prefix(prefix)?.strip_prefix('.'))
            .map(|rest| rest.split('.').next().unwrap_or(rest).to_owned())
            .collect();
        children.dedup();
        children
    }

    /// The declared key closest to a misspelt one, if any is close.
    #[must_use]
    pub fn suggest(&self, key: &str) -> Option<&str> {
        let allowed = if key.len() > 15 { 3 } else { 2 };
        self.questions()
            .map(|q| (strsim::levenshtein(key, &q.key), q.key.as_str()))
            .filter(|(distance, _)| *distance <= allowed)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, key)| key)
    }
}

/// The outcome of loading: the library (with the clauses that loaded) and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The library, whenever `library.yaml` could be read; clauses with errors are left out.
    pub library: Option<Library>,
    /// Every error and warning, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The clauses that did not load: cross-references to them are not reported as broken.
    pub failed: Unloaded,
}

/// The clauses of a library that did not load (a file with errors, or one that could not be
/// read). A reference to one of them is not broken, only unresolved until the file is fixed:
/// reporting it would bury the file's own error under its follow-on errors.
#[derive(Debug, Clone, Default)]
pub struct Unloaded {
    /// The ids of clauses read with errors (the `id:` line of a file YAML could not parse).
    pub ids: Vec<String>,
    /// Whether a clause failed without an id that can be read, or a file could not be read at
    /// all: then any clause id may be the one missing, and no reference is reported broken.
    pub unnamed: bool,
    /// Whether a file of the library could not be read at all (it may hold a clause or a
    /// letter): nothing is reported missing on its account.
    pub unreadable: bool,
}

impl Unloaded {
    /// Whether `id` may be the id of a clause that did not load.
    #[must_use]
    pub fn covers(&self, id: &str) -> bool {
        self.unnamed || self.ids.iter().any(|failed| failed == id)
    }
}

impl Loaded {
    /// The library, or every error when there is any (warnings are dropped).
    pub fn into_library(self) -> Result<Library, crate::Error> {
        let errors = crate::error::errors_only(self.diagnostics);
        match self.library {
            Some(library) if errors.is_empty() => Ok(library),
            _ => Err(crate::Error::Diagnostics(errors)),
        }
    }
}

/// Loads and checks a library from its files.
#[must_use]
pub fn load(files: &[SourceFile]) -> Loaded {
    load_incomplete(files, false)
}

/// Loads and checks a library from the files that could be read; `incomplete` says that some
/// file of it could not be read (`check` reports that file on its own), so that a reference to
/// a clause it may hold is not reported as broken.
#[must_use]
pub fn load_incomplete(files: &[SourceFile], incomplete: bool) -> Loaded {
    load_with(files, incomplete, Checks::All)
}

/// The built-in library, loaded as trusted: its files are the ones the tests and `check` in CI
/// load with every check (so none is repeated on every run), and a clause body is compiled
/// only when a contract first renders it.
///
/// It is loaded once per process and copied for each use: the copies share the templates,
/// so each clause is compiled at most once in a process that builds many contracts.
pub fn built_in() -> Result<Library, crate::Error> {
    static BUILT_IN: OnceLock<Option<Library>> = OnceLock::new();
    match BUILT_IN.get_or_init(|| {
        std::thread::scope(|scope| {
            // The jurisdiction profiles are read on another core meanwhile; the load takes
            // them from there.
            scope.spawn(built_in_profiles);
            // An English contract reads no translation: they are copied when first asked for.
            let files = builtin::files_where(|relative| !translation::in_language_dir(relative));
            load_with(&files, false, Checks::Trusted)
                .into_library()
                .ok()
        })
    }) {
        Some(library) => Ok(library.clone()),
        // Only a broken build gets here; the full load says what is wrong.
        None => load(&built_in_files()).into_library(),
    }
}

/// The built-in library loaded as trusted, afresh (not the process's shared copy).
#[cfg(test)]
pub(crate) fn trusted_built_in() -> Library {
    load_with(&built_in_files(), false, Checks::Trusted)
        .into_library()
        .expect("the built-in library loads")
}

/// How much loading checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checks {
    /// Everything: a library from disk, or `check`.
    All,
    /// What reading needs: each file's shape and its conditions. Templates are compiled when
    /// first rendered, and the checks of bodies (declared keys, Markdown), cross-references,
    /// unused declarations and translations against English are left out. Only for the
    /// built-in library, which the tests load with [`Checks::All`] and find clean.
    Trusted,
}

/// The question a key names when clause files are read: a declared one, a place answer's or
/// a trade word's.
fn question_of<'q>(sections: &'q [Section], trades: &'q Trades, key: &str) -> Option<&'q Question> {
    sections
        .iter()
        .flat_map(|s| &s.questions)
        .find(|q| q.key == key)
        .or_else(|| place::question(key))
        .or_else(|| trades.question(key))
}

/// The error of a library without `library.yaml`, at the place it should be.
fn no_library_file(files: &[SourceFile]) -> Diagnostic {
    let folder = files
        .first()
        .map(|f| f.display.strip_suffix(&f.relative).unwrap_or("").to_owned())
        .unwrap_or_default();
    Diagnostic::file_error(
        &format!("{folder}{LIBRARY_FILE}"),
        "the library has no library.yaml declaring its title and questions".into(),
    )
}

/// `library.yaml`'s declarations, and the clause files read as YAML. Reading a clause file
/// needs no declaration, so the clause files are read on a core of their own while
/// `library.yaml` is: the longest single step of loading.
fn declarations_and_yaml(
    library_file: &SourceFile,
    clause_files: &[&SourceFile],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<declarations::Declarations>, Vec<clauses::Read>) {
    std::thread::scope(|scope| {
        let read = scope.spawn(|| clauses::read_all(clause_files));
        let declarations = load_declarations(library_file, diagnostics);
        let read = read
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (declarations, read)
    })
}

fn load_with(files: &[SourceFile], incomplete: bool, checks: Checks) -> Loaded {
    let mut diagnostics = Vec::new();
    let Some(library_file) = files.iter().find(|f| f.relative == LIBRARY_FILE) else {
        return Loaded {
            library: None,
            diagnostics: vec![no_library_file(files)],
            failed: Unloaded::default(),
        };
    };
    let clause_files: Vec<&SourceFile> = files
        .iter()
        .filter(|f| is_clause_file(&f.relative))
        .collect();
    let (declarations, read) = declarations_and_yaml(library_file, &clause_files, &mut diagnostics);
    let sections = declarations
        .as_ref()
        .map(|(_, s, _)| s.as_slice())
        .unwrap_or_default();
    let mut used = keys_in_conditions(sections);
    let no_trades = Trades::default();
    let trades = declarations.as_ref().map_or(&no_trades, |(_, _, t)| t);
    let lookup = |key: &str| question_of(sections, trades, key);
    // The trades table picks its row by the profession.
    if !trades.questions().is_empty() {
        used.insert(crate::model::keys::PROFESSION.to_owned());
    }
    // The jurisdiction profile reads these answers itself.
    used.extend(PLACE_ANSWERS.iter().map(|k| (*k).to_owned()));
    let loaded = load_unique(
        &clause_files,
        Some(read),
        &lookup,
        incomplete,
        checks,
        &mut diagnostics,
    );
    let (failed, any_clause_failed) = (loaded.failed, loaded.any_failed);
    let mut clauses = Vec::with_capacity(loaded.clauses.len());
    let mut used_by_clause: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, clause, file_used) in loaded.clauses {
        used.extend(file_used.iter().cloned());
        used_by_clause.insert(clause.id.clone(), file_used);
        clauses.push(clause);
    }
    if declarations.is_none() {
        // Without declarations every key looks undeclared; those errors would only repeat the
        // one in library.yaml.
        diagnostics.retain(|d| !d.message.ends_with("is not declared in library.yaml"));
    }
    clauses.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    if checks == Checks::All {
        check_cross_references(&clauses, &failed, &mut diagnostics);
    }
    // A clause that failed to load may use keys we cannot see; its errors come first.
    if let Some((_, sections, _)) = declarations
        .as_ref()
        .filter(|_| !any_clause_failed && checks == Checks::All)
    {
        warn_unused(library_file, sections, &used, &mut diagnostics);
    }
    let profiles = load_profiles(files, &mut diagnostics);
    let translations = match &declarations {
        Some((_, sections, trades)) => {
            let english = translation::English {
                file: library_file,
                sections,
                trades,
                clauses: &clauses,
                used: &used_by_clause,
                failed: &failed,
                profiles: &profiles,
            };
            if checks == Checks::Trusted {
                // An English contract never reads the translations.
                Translations::later(&english)
            } else {
                let found =
                    translation::load_all(files, &english, &lookup, checks, &mut diagnostics);
                check_languages(library_file, sections, &found, &mut diagnostics);
                Translations::now(found)
            }
        }
        None => Translations::now(Arc::new([])),
    };
    let library = declarations.map(|(title, sections, trades)| Library {
        title,
        sections: sections.into(),
        clauses: clauses.into(),
        trades,
        profiles,
        translations,
    });
    Loaded {
        library,
        diagnostics,
        failed,
    }
}

/// Clause files loaded, each with the answers it uses; ids already taken are reported and
/// left out.
pub(crate) struct Unique<'f> {
    /// The clauses that loaded, in file order, with their files and the answers they use.
    pub(crate) clauses: Vec<(&'f SourceFile, Clause, BTreeSet<String>)>,
    /// The clauses that were read but had errors.
    pub(crate) failed: Unloaded,
    /// Whether any clause file failed, with or without an id (or the library is incomplete).
    pub(crate) any_failed: bool,
}

/// Loads clause files (on every core) and checks their ids are unique; `incomplete` says that
/// files of the library could not be read, so any id may be one that failed.
pub(crate) fn load_unique<'f, 'q>(
    files: &[&'f SourceFile],
    read: Option<Vec<clauses::Read>>,
    lookup: &(dyn Fn(&str) -> Option<&'q Question> + Sync),
    incomplete: bool,
    checks: Checks,
    diagnostics: &mut Vec<Diagnostic>,
) -> Unique<'f> {
    let mut unique = Unique {
        clauses: Vec::with_capacity(files.len()),
        failed: Unloaded {
            ids: Vec::new(),
            unnamed: incomplete,
            unreadable: incomplete,
        },
        any_failed: incomplete,
    };
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (file, (result, file_diagnostics, used)) in
        files.iter().zip(load_clauses(files, read, lookup, checks))
    {
        diagnostics.extend(file_diagnostics);
        match result {
            Ok(clause) => {
                if let Some(first) = seen.get(&clause.id) {
                    diagnostics.push(duplicate_id(file, "id", &clause.id, first));
                    continue;
                }
                seen.insert(clause.id.clone(), file.display.clone());
                unique.clauses.push((file, clause, used));
            }
            Err(Some(id)) => {
                unique.any_failed = true;
                unique.failed.ids.push(id);
            }
            Err(None) => {
                unique.any_failed = true;
                unique.failed.unnamed = true;
            }
        }
    }
    unique
}

/// The keys the questions' own conditions (`when` and conditional `defaults`) use.
fn keys_in_conditions(sections: &[Section]) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for question in sections.iter().flat_map(|s| &s.questions) {
        let conditions = question
            .when
            .iter()
            .chain(question.defaults.iter().map(|(c, _)| c));
        for condition in conditions {
            used.extend(condition.keys().into_iter().map(|(k, _)| k.to_owned()));
        }
    }
    used
}

/// The library's jurisdiction profiles, or the built-in ones when it has none or has exactly
/// the built-in files (which the tests check, and which are read once per process).
fn load_profiles(files: &[SourceFile], diagnostics: &mut Vec<Diagnostic>) -> Arc<[Profile]> {
    let mut mine: Vec<(&str, &str)> = files
        .iter()
        .filter(|f| jurisdiction::is_profile_file(&f.relative))
        .map(|f| (f.relative.as_str(), f.text.as_str()))
        .collect();
    mine.sort_unstable();
    if mine.is_empty() || mine == builtin::profile_files() {
        return built_in_profiles();
    }
    let (profiles, found) = jurisdiction::load(files);
    diagnostics.extend(found);
    profiles.into()
}

/// The built-in jurisdiction profiles, read on first use.
fn built_in_profiles() -> Arc<[Profile]> {
    static PROFILES: OnceLock<Arc<[Profile]>> = OnceLock::new();
    PROFILES
        .get_or_init(|| {
            let files = builtin::files_where(jurisdiction::is_profile_file);
            jurisdiction::load(&files).0.into()
        })
        .clone()
}

/// Warns about every declared key that no clause or condition uses.
fn warn_unused(
    library_file: &SourceFile,
    sections: &[Section],
    used: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for question in sections.iter().flat_map(|s| &s.questions) {
        // The code reads the language itself: it picks the texts, the locale and the hyphenation.
        if !used.contains(&question.key) && question.key != AGREEMENT_LANGUAGE {
            diagnostics.push(
                Diagnostic::warning(
                    &library_file.display,
                    &library_file.text,
                    question.line,
                    line_column(&library_file.text, question.line, &question.key),
                    format!(
                        "`{}` is declared but no clause or condition uses it",
                        question.key
                    ),
                )
                .with_width(question.key.chars().count()),
            );
        }
    }
}

/// Reports a language question whose choices name a language clausewright does not write or
/// the library is not written in (`agreement.language`: `en`, `tr`, `en+tr`), and a
/// prevailing-language question (`agreement.prevailing`) that names one.
fn check_languages(
    library_file: &SourceFile,
    sections: &[Section],
    translations: &[Translation],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let written: Vec<Language> = std::iter::once(Language::En)
        .chain(translations.iter().map(|t| t.language))
        .collect();
    for key in [AGREEMENT_LANGUAGE, AGREEMENT_PREVAILING] {
        let Some(question) = sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.key == key)
        else {
            continue;
        };
        let problems: Vec<String> = if question.ty == Type::Choice {
            question
                .choices
                .iter()
                .filter_map(|choice| {
                    let languages: Result<Vec<Language>, String> = if key == AGREEMENT_LANGUAGE {
                        choice
                            .value
                            .parse::<Languages>()
                            .map(|l| l.all().collect())
                    } else {
                        choice.value.parse::<Language>().map(|l| vec![l])
                    };
                    match languages {
                        Err(why) => Some(format!("`{key}` offers {why}")),
                        Ok(languages) => languages.iter().find(|l| !written.contains(l)).map(|l| {
                            format!(
                                "`{key}` offers `{}`, but the library has no {} clauses: add the folder {}",
                                choice.value,
                                l.name(),
                                language_dir(*l)
                            )
                        }),
                    }
                })
                .collect()
        } else {
            vec![format!(
                "`{key}` must be a choice whose values are language codes ({})",
                if key == AGREEMENT_LANGUAGE {
                    Languages::codes()
                } else {
                    Language::codes()
                }
            )]
        };
        for message in problems {
            diagnostics.push(
                Diagnostic::error(
                    &library_file.display,
                    &library_file.text,
                    question.line,
                    line_column(&library_file.text, question.line, &question.key),
                    message,
                )
                .with_width(question.key.chars().count()),
            );
        }
    }
}

/// Whether a library file is an English clause: not `library.yaml`, and not under `letters/`
/// (letter templates have a format of their own), `jurisdictions/` (jurisdiction profiles) or
/// a language folder such as `tr/` (the clauses in another language).
#[must_use]
pub fn is_clause_file(relative: &str) -> bool {
    relative != LIBRARY_FILE
        && !relative.starts_with("letters/")
        && !relative.starts_with(JURISDICTIONS_DIR)
        && !translation::in_language_dir(relative)
}

/// The error for a file whose `id` another file already has, at its `id:` line.
pub(crate) fn duplicate_id(file: &SourceFile, what: &str, id: &str, first: &str) -> Diagnostic {
    let (line, column) = top_level_value(&file.text, "id");
    Diagnostic::error(
        &file.display,
        &file.text,
        line,
        column,
        format!("the {what} `{id}` is already used by {first}"),
    )
    .with_width(id.chars().count())
}

/// Where the value of the top-level `key:` of a YAML file starts (1-based line and column),
/// or the file's start when the key is not there.
pub(crate) fn top_level_value(text: &str, key: &str) -> (usize, usize) {
    let prefix = format!("{key}:");
    text.lines()
        .enumerate()
        .find_map(|(index, line)| {
            let rest = line.strip_prefix(&prefix)?;
            let value = rest.len() - rest.trim_start().len();
            Some((index + 1, prefix.chars().count() + value + 1))
        })
        .unwrap_or((1, 1))
}

pub(crate) fn line_column(text: &str, line: usize, needle: &str) -> usize {
    text.lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.find(needle).map(|byte| l[..byte].chars().count() + 1))
        .unwrap_or(1)
}

pub(crate) fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.split('.').all(|segment| {
            segment.starts_with(|c: char| c.is_ascii_lowercase())
                && segment
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

pub(crate) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether a path names a YAML file (`.yaml` or `.yml`, any case): the files a library holds.
#[must_use]
pub(crate) fn is_yaml(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

#[cfg(test)]
mod profile_tests {
    use super::*;

    /// The library with every template compiled, as text.
    fn compiled(library: &Library) -> String {
        let all = library
            .clauses
            .iter()
            .chain(library.translations.iter().flat_map(|t| t.clauses.iter()));
        for clause in all {
            assert!(!clause.template.elements.is_empty(), "{}", clause.id);
        }
        format!("{library:?}")
    }

    #[test]
    fn the_trusted_built_in_library_is_the_checked_one() {
        let checked = load(&built_in_files());
        assert!(
            checked.diagnostics.is_empty(),
            "the built-in library is trusted only while it is clean: {:?}",
            checked.diagnostics
        );
        let checked = checked.library.unwrap();
        let fresh = load_with(&built_in_files(), false, Checks::Trusted)
            .into_library()
            .unwrap();
        assert!(
            fresh.clauses.iter().all(|c| !c.template.is_compiled()),
            "loading the trusted library compiles no template"
        );
        assert_eq!(compiled(&fresh), compiled(&checked));
        assert_eq!(compiled(&built_in().unwrap()), compiled(&checked));
    }

    #[test]
    fn the_built_in_profiles_are_read_once_and_a_changed_one_from_its_file() {
        let files = built_in_files();
        let first = load(&files).into_library().unwrap();
        let again = load(&files).into_library().unwrap();
        assert!(Arc::ptr_eq(&first.profiles, &again.profiles));
        assert_eq!(first.profiles.len(), 5);
        let mut changed = files.clone();
        let gb = changed
            .iter_mut()
            .find(|f| f.relative == "jurisdictions/gb.yaml")
            .unwrap();
        gb.text = gb.text.replace("country: GB", "country: XX");
        // Its Turkish phrases follow it.
        let words = changed
            .iter_mut()
            .find(|f| f.relative == "tr/jurisdictions/gb.yaml")
            .unwrap();
        words.text = words.text.replace("country: GB", "country: XX");
        let loaded = load(&changed).into_library().unwrap();
        assert!(!Arc::ptr_eq(&first.profiles, &loaded.profiles));
        assert!(loaded.profiles.iter().any(|p| p.country == "XX"));
    }
}
