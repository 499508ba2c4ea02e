//! Translations: takes the files of a language folder (`tr/`: `tr/library.yaml` with the
//! title, the trade words and the questions' words (see [`super::question_words`]), one file
//! per clause, `tr/jurisdictions/` with the profiles' phrases)
//! and returns a [`Translation`], the library's text in that language, checked against the
//! English text clause by clause.
//!
//! The questions, conditions and data stay in one place (`library.yaml`, the English clause
//! files' `when` and `order`, the profiles): a translation gives words only. So that a
//! contract in either language says the same thing, `check` refuses a translation that
//! lacks a clause or has one more, that includes a clause on other answers or puts it
//! elsewhere, or whose body uses other answers than the English body (an option written in
//! one language and not the other), each at its line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

use handlebars::template::{Parameter, Template, TemplateElement};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::question_words::{self, RawSectionWords};
use super::{
    Checks, Clause, Question, Section, SourceFile, Trades, top_level_value, trades::load_trades,
};
use crate::error::Diagnostic;
use crate::jurisdiction::{self, JURISDICTIONS_DIR, PlaceWords, Profile};
use crate::model::Language;
use crate::model::keys::{AGREEMENT_LANGUAGE, AGREEMENT_PREVAILING, TRADE_PREFIX};
use crate::yaml::read_yaml;

/// The library's text in one language other than English.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language.
    pub language: Language,
    /// The contract's title.
    pub title: String,
    /// The clauses, with the English ids, sorted as the English ones.
    pub clauses: Arc<[Clause]>,
    /// The words of each profession's contract.
    pub trades: Trades,
    /// The interview's sections and questions, with their words in this language.
    pub sections: Arc<[Section]>,
    /// The jurisdiction profiles' phrases.
    pub places: Vec<PlaceWords>,
}

/// A library's translations: read with the library when it is checked, or, for the trusted
/// built-in library, when first asked for, so that an English contract never reads `tr/`.
/// Clones share one reading.
#[derive(Clone)]
pub struct Translations {
    read: Arc<OnceLock<Arc<[Translation]>>>,
    /// What a reading on first use needs; `None` when they were read with the library.
    later: Option<Arc<Later>>,
}

/// The files and English words a translation is read from on first use.
struct Later {
    /// `library.yaml` (the English file the questions' words are matched against).
    file: SourceFile,
    sections: Vec<Section>,
    trades: Trades,
    profiles: Arc<[Profile]>,
}

impl Translations {
    /// Translations read and checked with the library.
    pub(super) fn now(read: Arc<[Translation]>) -> Self {
        Translations {
            read: Arc::new(OnceLock::from(read)),
            later: None,
        }
    }

    /// The built-in library's translations, copied and read as trusted when first asked for:
    /// only for the built-in library, whose translations the tests read with every check.
    pub(super) fn later(english: &English<'_>) -> Self {
        Translations {
            read: Arc::new(OnceLock::new()),
            later: Some(Arc::new(Later {
                file: english.file.clone(),
                sections: english.sections.to_vec(),
                trades: english.trades.clone(),
                profiles: english.profiles.into(),
            })),
        }
    }

    /// The translations, read now if they were left for later.
    fn all(&self) -> &[Translation] {
        self.read.get_or_init(|| {
            let later = self
                .later
                .as_deref()
                .expect("translations not read at load are read later");
            let lookup = |key: &str| super::question_of(&later.sections, &later.trades, key);
            let english = English {
                file: &later.file,
                sections: &later.sections,
                trades: &later.trades,
                clauses: &[],
                used: &BTreeMap::new(),
                failed: &super::Unloaded::default(),
                profiles: &later.profiles,
            };
            let mut diagnostics = Vec::new();
            load_all(
                &super::builtin::files_where(in_language_dir),
                &english,
                &lookup,
                Checks::Trusted,
                &mut diagnostics,
            )
        })
    }

    /// Whether the translations have been read (at load, or since).
    #[cfg(test)]
    pub(crate) fn is_read(&self) -> bool {
        self.read.get().is_some()
    }

    /// Each translation, in the order of [`Language::ALL`].
    pub fn iter(&self) -> std::slice::Iter<'_, Translation> {
        self.all().iter()
    }

    /// The languages translated, without reading the translations when they were left for
    /// later: a language folder holding any file is a translation (the tests check that the
    /// built-in one reads whole).
    #[must_use]
    pub fn languages(&self) -> Vec<Language> {
        match (&self.later, self.read.get()) {
            (Some(_), None) => Language::ALL
                .into_iter()
                .filter(|l| *l != Language::En)
                .filter(|l| super::builtin::has_file_under(&language_dir(*l)))
                .collect(),
            _ => self.iter().map(|t| t.language).collect(),
        }
    }
}

impl<'a> IntoIterator for &'a Translations {
    type Item = &'a Translation;
    type IntoIter = std::slice::Iter<'a, Translation>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl fmt::Debug for Translations {
    /// The translations themselves (read now if they were left for later).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.all().fmt(f)
    }
}

/// The folder a language's files live in: `tr/`.
#[must_use]
pub fn language_dir(language: Language) -> String {
    format!("{}/", language.code())
}

/// Whether a library file lies in another language's folder.
pub(super) fn in_language_dir(relative: &str) -> bool {
    Language::ALL
        .iter()
        .filter(|l| **l != Language::En)
        .any(|l| relative.starts_with(&language_dir(*l)))
}

/// What a translation is checked against.
pub(super) struct English<'a> {
    /// `library.yaml`.
    pub(super) file: &'a SourceFile,
    pub(super) sections: &'a [Section],
    pub(super) trades: &'a Trades,
    pub(super) clauses: &'a [Clause],
    /// The answers each English clause's body and condition use, by id.
    pub(super) used: &'a BTreeMap<String, BTreeSet<String>>,
    /// English clauses that did not load (their twins are not compared).
    pub(super) failed: &'a super::Unloaded,
    pub(super) profiles: &'a [Profile],
}

/// `tr/library.yaml`: the title, the trade words and the questions' words in that language.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    title: Spanned<String>,
    trades: Option<BTreeMap<String, BTreeMap<String, Spanned<String>>>>,
    sections: Option<Vec<RawSectionWords>>,
}

/// Every translation among `files`, each checked against the English library.
pub(super) fn load_all<'q>(
    files: &[SourceFile],
    english: &English<'_>,
    lookup: &(dyn Fn(&str) -> Option<&'q Question> + Sync),
    checks: Checks,
    diagnostics: &mut Vec<Diagnostic>,
) -> Arc<[Translation]> {
    Language::ALL
        .into_iter()
        .filter(|l| *l != Language::En)
        .filter_map(|language| load(files, language, english, lookup, checks, diagnostics))
        .collect()
}

fn load<'q>(
    files: &[SourceFile],
    language: Language,
    english: &English<'_>,
    lookup: &(dyn Fn(&str) -> Option<&'q Question> + Sync),
    checks: Checks,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Translation> {
    let dir = language_dir(language);
    let mine: Vec<SourceFile> = files
        .iter()
        .filter_map(|f| {
            let relative = f.relative.strip_prefix(&dir)?;
            Some(SourceFile {
                relative: relative.to_owned(),
                ..f.clone()
            })
        })
        .collect();
    if mine.is_empty() {
        return None;
    }
    let name = language.name();
    let Some(head) = mine.iter().find(|f| f.relative == super::LIBRARY_FILE) else {
        let folder = mine[0]
            .display
            .strip_suffix(&mine[0].relative)
            .unwrap_or("");
        diagnostics.push(Diagnostic::file_error(
            &format!("{folder}{}", super::LIBRARY_FILE),
            format!("the {name} clauses need a library.yaml of their own giving the contract's title (and the trade words, if library.yaml has trades)"),
        ));
        return None;
    };
    let clause_files: Vec<&SourceFile> = mine
        .iter()
        .filter(|f| super::is_clause_file(&f.relative))
        .collect();
    // The clause files are read as YAML on another core while the language's library.yaml is.
    let (head_words, read) = std::thread::scope(|scope| {
        let read = scope.spawn(|| super::clauses::read_all(&clause_files));
        let head_words = head_words(head, english, name, checks, diagnostics);
        let read = read
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (head_words, read)
    });
    let (title, trades, sections) = head_words?;
    let loaded = super::load_unique(
        &clause_files,
        Some(read),
        lookup,
        false,
        checks,
        diagnostics,
    );
    let failed = loaded.failed;
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut clauses: Vec<Clause> = Vec::with_capacity(loaded.clauses.len());
    for (file, clause, used) in loaded.clauses {
        if checks == Checks::All {
            compare(file, &clause, &used, english, name, diagnostics);
        }
        seen.insert(clause.id.clone());
        clauses.push(clause);
    }
    for clause in english.clauses.iter().filter(|_| checks == Checks::All) {
        if !seen.contains(&clause.id)
            && !failed.covers(&clause.id)
            && !english.failed.covers(&clause.id)
        {
            let (line, column) = top_level_value(&clause.origin.text, "id");
            diagnostics.push(
                Diagnostic::error(
                    &clause.origin.file,
                    &clause.origin.text,
                    line,
                    column,
                    format!(
                        "the clause `{}` has no {name} text: every clause is written in each language of the library (add a file under {dir} with `id: {}`)",
                        clause.id, clause.id
                    ),
                )
                .with_width(clause.id.chars().count()),
            );
        }
    }
    clauses.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    if checks == Checks::All {
        super::check_cross_references(&clauses, &failed, diagnostics);
    }
    let places = load_places(&mine, english.profiles, language, diagnostics);
    Some(Translation {
        language,
        title,
        clauses: clauses.into(),
        trades,
        sections: sections.into(),
        places,
    })
}

/// A language's `library.yaml`: the contract's title, the trade words and the interview's
/// sections in that language.
fn head_words(
    head: &SourceFile,
    english: &English<'_>,
    name: &str,
    checks: Checks,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, Trades, Vec<Section>)> {
    let raw = read_yaml::<RawTranslation>(head, diagnostics)?;
    let trades = load_trades(
        &head.display,
        &head.text,
        raw.trades,
        english.sections,
        diagnostics,
    );
    if checks == Checks::All {
        check_trade_words(head, english.trades, &trades, name, diagnostics);
    }
    let files = question_words::Files {
        english: english.file,
        translation: head,
        name,
    };
    let sections = question_words::translate(&files, english.sections, raw.sections, diagnostics);
    Some((raw.title.value, trades, sections))
}

/// The profiles' phrases in `language` (its folder's `jurisdictions/`), each English profile
/// without them reported at its file.
fn load_places(
    mine: &[SourceFile],
    profiles: &[Profile],
    language: Language,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PlaceWords> {
    let (name, dir) = (language.name(), language_dir(language));
    let word_files: Vec<&SourceFile> = mine
        .iter()
        .filter(|f| jurisdiction::is_profile_file(&f.relative))
        .collect();
    let places = jurisdiction::load_words(&word_files, profiles, name, diagnostics);
    for profile in jurisdiction::without_words(profiles, &places) {
        let file = profile.file.rsplit('/').next().unwrap_or(&profile.file);
        diagnostics.push(Diagnostic::file_error(
            &profile.file,
            format!(
                "the jurisdiction profile `{}` has no {name} words: add {dir}{JURISDICTIONS_DIR}{file} with its law and court phrases in {name}",
                profile.country
            ),
        ));
    }
    places
}

/// Checks a translated clause against its English twin: it exists, is included on the same
/// answers, stands in the same place and uses the same answers.
fn compare(
    file: &SourceFile,
    clause: &Clause,
    used: &BTreeSet<String>,
    english: &English<'_>,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = |key: &str, width: usize, message: String| {
        let (line, column) = top_level_value(&file.text, key);
        Diagnostic::error(&file.display, &file.text, line, column, message).with_width(width)
    };
    if english.failed.covers(&clause.id) {
        return;
    }
    let Some(twin) = english.clauses.iter().find(|c| c.id == clause.id) else {
        diagnostics.push(at(
            "id",
            clause.id.chars().count(),
            format!(
                "the {name} clause `{}` has no English text: every clause is written in each language of the library",
                clause.id
            ),
        ));
        return;
    };
    let condition = |c: &Clause| c.when.as_ref().map(ToString::to_string);
    if condition(clause) != condition(twin) {
        let shown =
            |c: Option<String>| c.map_or_else(|| "always".to_owned(), |c| format!("when `{c}`"));
        let key = if clause.when.is_some() { "when" } else { "id" };
        diagnostics.push(at(
            key,
            1,
            format!(
                "the {name} clause `{}` is included {}, the English one {} ({}): both must be included on the same answers",
                clause.id,
                shown(condition(clause)),
                shown(condition(twin)),
                twin.origin.file
            ),
        ));
    }
    if clause.order != twin.order {
        diagnostics.push(at(
            "order",
            1,
            format!(
                "the {name} clause `{}` has order {}, the English one {}: both stand in the same place",
                clause.id, clause.order, twin.order
            ),
        ));
    }
    compare_summary(file, clause, twin, name, diagnostics);
    // Each block (`{{#if x}}`, `{{#when '...'}}`, `{{#each x}}`) is an option of the clause:
    // both texts have the same blocks, as many times each.
    let differences = block_differences(&twin.template, &clause.template);
    if !differences.is_empty() {
        diagnostics.push(at(
            "body",
            4,
            format!(
                "the {name} clause `{}` and its English text ({}) differ in their options: {}; write every option in both languages",
                clause.id,
                twin.origin.file,
                differences.join("; ")
            ),
        ));
    }
    let answers = |keys: &BTreeSet<String>| -> BTreeSet<String> {
        keys.iter()
            // A text may name its own language (the arbitration's language in a contract
            // written in Turkish): that is no option of the contract.
            .filter(|k| {
                !k.starts_with(TRADE_PREFIX)
                    && *k != AGREEMENT_LANGUAGE
                    && *k != AGREEMENT_PREVAILING
            })
            .cloned()
            .collect()
    };
    let theirs = english
        .used
        .get(&clause.id)
        .map(answers)
        .unwrap_or_default();
    let ours = answers(used);
    let missing: Vec<String> = theirs.difference(&ours).map(|k| format!("`{k}`")).collect();
    let extra: Vec<String> = ours.difference(&theirs).map(|k| format!("`{k}`")).collect();
    for (keys, which) in [
        (missing, "the English text uses and this one does not"),
        (extra, "this text uses and the English one does not"),
    ] {
        if !keys.is_empty() {
            diagnostics.push(at(
                "body",
                4,
                format!(
                    "the {name} clause `{}` and its English text ({}) differ in their options: {} {which}; write every option in both languages",
                    clause.id,
                    twin.origin.file,
                    keys.join(", ")
                ),
            ));
        }
    }
}

/// Checks that a translated clause has a `summary` where its English twin has one, and only
/// there: the cover note of `--explain` is written in the contract's language, so a clause
/// that explains itself in one language does so in the other.
fn compare_summary(
    file: &SourceFile,
    clause: &Clause,
    twin: &Clause,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = |key: &str, width: usize, message: String| {
        let (line, column) = top_level_value(&file.text, key);
        Diagnostic::error(&file.display, &file.text, line, column, message).with_width(width)
    };
    match (&clause.summary, &twin.summary) {
        (None, Some(_)) => diagnostics.push(at(
            "id",
            clause.id.chars().count(),
            format!(
                "the {name} clause `{}` has no `summary`, the English one has ({}): the cover note of --explain gives each clause's summary in the contract's language",
                clause.id, twin.origin.file
            ),
        )),
        (Some(_), None) => diagnostics.push(at(
            "summary",
            1,
            format!(
                "the {name} clause `{}` has a `summary`, the English one has none ({}): give both or neither",
                clause.id, twin.origin.file
            ),
        )),
        _ => {}
    }
}

/// Each block that the English template and the translated one hold a different number of
/// times, in words.
fn block_differences(english: &Template, translated: &Template) -> Vec<String> {
    let (theirs, ours) = (blocks(english), blocks(translated));
    let mut differences = Vec::new();
    for block in theirs.keys().chain(ours.keys()).collect::<BTreeSet<_>>() {
        let (english_count, our_count) = (
            theirs.get(block).copied().unwrap_or(0),
            ours.get(block).copied().unwrap_or(0),
        );
        if english_count != our_count {
            differences.push(format!(
                "`{block}` {} in the English text and {} in this one",
                times(english_count),
                times(our_count)
            ));
        }
    }
    differences
}

/// How often a block appears, in words: `once`, `twice`, `3 times`, `never`.
fn times(count: usize) -> String {
    match count {
        0 => "never".to_owned(),
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

/// The blocks of a template, as written (`{{#if client.consumer}}`), each with how often it
/// appears; blocks nested in others count too. A block's condition is the option it writes.
fn blocks(template: &Template) -> BTreeMap<String, usize> {
    fn walk(template: &Template, found: &mut BTreeMap<String, usize>) {
        for element in &template.elements {
            if let TemplateElement::HelperBlock(helper) = element {
                let params: Vec<String> = helper
                    .params
                    .iter()
                    .map(|param| match param {
                        Parameter::Literal(serde_json::Value::String(text)) => format!("'{text}'"),
                        other => other
                            .as_name()
                            .map_or_else(|| format!("{other:?}"), str::to_owned),
                    })
                    .collect();
                let name = helper.name.as_name().unwrap_or("?");
                // A text may name its own language (see `compare`): no option of the contract.
                let own_language = params
                    .iter()
                    .any(|p| p.contains(AGREEMENT_LANGUAGE) || p.contains(AGREEMENT_PREVAILING));
                if own_language {
                    for inner in helper.template.iter().chain(helper.inverse.iter()) {
                        walk(inner, found);
                    }
                    continue;
                }
                *found
                    .entry(format!("{{{{#{name} {}}}}}", params.join(" ")))
                    .or_default() += 1;
                for inner in helper.template.iter().chain(helper.inverse.iter()) {
                    walk(inner, found);
                }
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(template, &mut found);
    found
}

/// Checks that the translation gives every trade word the English table gives, and no other.
fn check_trade_words(
    file: &SourceFile,
    english: &Trades,
    ours: &Trades,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let words = |t: &Trades| -> BTreeSet<String> {
        t.words.values().flat_map(|w| w.keys().cloned()).collect()
    };
    let (theirs, mine) = (words(english), words(ours));
    let professions = |t: &Trades| -> BTreeSet<String> { t.words.keys().cloned().collect() };
    let (their_rows, my_rows) = (professions(english), professions(ours));
    if theirs == mine && their_rows == my_rows {
        return;
    }
    let (line, column) = top_level_value(&file.text, "trades");
    let list = |set: BTreeSet<&String>| {
        set.iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut problems = Vec::new();
    let lacking: BTreeSet<&String> = theirs
        .difference(&mine)
        .chain(their_rows.difference(&my_rows))
        .collect();
    if !lacking.is_empty() {
        problems.push(format!("lacks {}", list(lacking)));
    }
    let more: BTreeSet<&String> = mine
        .difference(&theirs)
        .chain(my_rows.difference(&their_rows))
        .collect();
    if !more.is_empty() {
        problems.push(format!("has {} that the English table has not", list(more)));
    }
    diagnostics.push(
        Diagnostic::error(
            &file.display,
            &file.text,
            line,
            column,
            format!(
                "the {name} trades table {}: it gives the same professions and words as library.yaml's",
                problems.join(" and ")
            ),
        )
        .with_width(6),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_translations_library_yaml_reads_from_its_tape_as_from_its_yaml() {
        let compared = crate::yaml::tape::tests::same_as_yaml::<super::RawTranslation>(|r| {
            r.ends_with("/library.yaml")
        });
        assert_eq!(compared, 1);
    }
    use super::super::{Checks, built_in_files, load_with};
    use crate::model::Language;

    #[test]
    fn the_trusted_library_reads_its_translations_only_when_asked_and_then_whole() {
        let library = load_with(&built_in_files(), false, Checks::Trusted)
            .into_library()
            .unwrap();
        assert!(
            library.translations.read.get().is_none(),
            "not read at load"
        );
        assert_eq!(library.languages(), [Language::En, Language::Tr]);
        let english = library.clone().into_language(Language::En).unwrap();
        assert!(library.place_words(Language::En).is_empty());
        assert!(
            library.translations.read.get().is_none(),
            "still not read: English needs no translation"
        );
        let turkish = library.clone().into_language(Language::Tr).unwrap();
        assert!(
            library.translations.read.get().is_some(),
            "read for Turkish"
        );
        assert_eq!(turkish.title, "Serbest Çalışma Hizmet Sözleşmesi");
        assert_eq!(turkish.clauses.len(), english.clauses.len());
        let checked = super::super::load(&built_in_files()).library.unwrap();
        assert_eq!(
            format!(
                "{:?}",
                library
                    .translations
                    .iter()
                    .map(|t| (t.language, &t.title, t.clauses.len()))
                    .collect::<Vec<_>>()
            ),
            format!(
                "{:?}",
                checked
                    .translations
                    .iter()
                    .map(|t| (t.language, &t.title, t.clauses.len()))
                    .collect::<Vec<_>>()
            ),
        );
    }
}
