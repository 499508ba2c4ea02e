//! The summary a build prints on stderr: what hardening for a late payer changed, then the
//! clauses included (with their numbers) and the ones left out, each with the answers that
//! left it out in the questions' own words ("relationship: No, this is a new client"), all in
//! one language: the contract's, or for a bilingual one the prevailing language (as the cover
//! note is), with the clauses' titles and the questions' words of that language's library.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::Prepared;
use crate::answers::Answers;
use crate::assemble::Contract;
use crate::format::{self, Locale};
use crate::library::Library;
use crate::model::keys::{COUNTRY, REGION};
use crate::model::{Language, Question, Value, place};

/// The summary's own words in one language.
struct Words {
    /// The late payer's line: the rates' multiplier (`None` when the rates were already
    /// multiplied in the answers).
    late_payer: fn(Option<&str>) -> String,
    /// A value a late payer's hardening added where there was none.
    absent: &'static str,
    /// What opens an included clause's line.
    included: &'static str,
    /// What opens a left-out clause's line.
    left_out: &'static str,
    /// An answer not given, naming why a clause was left out.
    unanswered: &'static str,
    /// A file written (its path).
    wrote: fn(&str) -> String,
}

const ENGLISH: Words = Words {
    late_payer: |multiplier| match multiplier {
        None => "repeat late payer: rates as saved, every safeguard included".to_owned(),
        Some(by) => {
            format!("repeat late payer: rates multiplied by {by}, every safeguard included")
        }
    },
    absent: "absent",
    included: "included",
    left_out: "left out",
    unanswered: "not answered",
    wrote: |path| format!("wrote {path}"),
};

const TURKISH: Words = Words {
    late_payer: |multiplier| match multiplier {
        None => "daha önce geç ödeyen müşteri: ücretler kaydedildiği gibi, bütün güvenceler \
                 eklendi"
            .to_owned(),
        Some(by) => format!(
            "daha önce geç ödeyen müşteri: ücretler {by} ile çarpıldı, bütün güvenceler eklendi"
        ),
    },
    absent: "yok",
    included: "dahil",
    left_out: "dışarıda",
    unanswered: "yanıtlanmadı",
    wrote: |path| format!("{path} dosyası yazıldı"),
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

/// The line that follows the summary for each file written, in `language`: `wrote
/// acme-contract.pdf`.
#[must_use]
pub(crate) fn wrote(path: &str, language: Language) -> String {
    (words(language).wrote)(path)
}

/// The width of the first column: the longest of the two words that open a clause's line.
fn opening_width(words: &Words) -> usize {
    words
        .included
        .chars()
        .count()
        .max(words.left_out.chars().count())
}

/// The stderr summary in `locale`'s language: late-payer changes, then included and left-out
/// clauses. `contract` is assembled from `library` and `answers`, the prepared contract's in
/// that language (the second text's, for a bilingual contract whose second language
/// prevails).
#[must_use]
pub(crate) fn summary(
    contract: &Contract<'_>,
    prepared: &Prepared,
    (library, answers): (&Library, &Answers),
    locale: Locale,
) -> String {
    let language = locale.language();
    let words = words(language);
    let question = |key: &str| question_in(library, language, key);
    let currency = answers.currency();
    let mut out = String::new();
    if let Some(multiplier) = prepared.late_payer_multiplier {
        let by = (multiplier != Decimal::ONE).then(|| format::digits(multiplier, locale));
        out.push_str(&(words.late_payer)(by.as_deref()));
        out.push('\n');
        let width = prepared
            .changes
            .iter()
            .filter_map(|c| question(&c.key))
            .map(|q| q.label.chars().count())
            .max()
            .unwrap_or(0);
        for change in &prepared.changes {
            let Some(question) = question(&change.key) else {
                continue;
            };
            // A choice by its label in the summary's language, as the interview shows it.
            let before = change.before.as_ref().map_or_else(
                || words.absent.to_owned(),
                |v| answer_shown(question, v, &currency, locale),
            );
            let after = answer_shown(question, &change.after, &currency, locale);
            let _ = writeln!(out, "  {:<width$}  {before} → {after}", question.label);
        }
    }
    let width = opening_width(words);
    for part in &contract.parts {
        let number = part
            .number
            .map_or_else(|| "   ".to_owned(), |n| format!("{n:>2}."));
        let _ = writeln!(
            out,
            "{:<width$}  {number} {}",
            words.included, part.clause.title
        );
    }
    for clause in &contract.excluded {
        let why = clause
            .when
            .as_ref()
            .map(|when| why_left_out(when, library, answers, (words, locale)))
            .filter(|why| !why.is_empty())
            .map(|why| format!(" ({why})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{:<width$}      {}{why}", words.left_out, clause.title);
    }
    out
}

/// Why a clause whose condition is `when` is left out, in the questions' own words: each
/// answer that decides the condition as its question's label and the answer as the interview
/// shows it (a choice by its label), joined by `; `. A fact of the governing law's place
/// (`place.cancellation`) is named by the answers that chose the place.
fn why_left_out(
    when: &crate::model::Condition,
    library: &Library,
    answers: &Answers,
    (words, locale): (&Words, Locale),
) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for key in when.deciding_keys(|key| answers.get(key)) {
        let named: &[&str] = if key.starts_with(place::PREFIX) {
            &[COUNTRY, REGION]
        } else {
            &[key]
        };
        for key in named {
            // The region is named only when it was answered.
            if *key == REGION && answers.get(REGION).is_none() {
                continue;
            }
            if !keys.contains(key) {
                keys.push(key);
            }
        }
    }
    let currency = answers.currency();
    let reasons: Vec<String> = keys
        .into_iter()
        .map(|key| match question_in(library, locale.language(), key) {
            Some(question) => {
                let shown = answers.get(key).map_or_else(
                    || words.unanswered.to_owned(),
                    |value| answer_shown(question, value, &currency, locale),
                );
                format!("{}: {shown}", question.label)
            }
            None => key.to_owned(),
        })
        .collect();
    reasons.join("; ")
}

/// The question `key` with its words in `language` (its label, its choices' labels): the
/// library's translation's, else the declaration's.
fn question_in<'l>(library: &'l Library, language: Language, key: &str) -> Option<&'l Question> {
    if language == Language::En {
        // English words are the declaration's: the translations are not read for them.
        return library.question(key);
    }
    let translated = (library.translations.iter())
        .filter(|t| t.language == language)
        .flat_map(|t| t.sections.iter())
        .flat_map(|s| &s.questions)
        .find(|q| q.key == key);
    translated.or_else(|| library.question(key))
}

/// An answer as the interview shows it: a choice by its label, others as `format` words them.
fn answer_shown(question: &Question, value: &Value, currency: &str, locale: Locale) -> String {
    if let Value::Text(text) = value
        && let Some(choice) = question.choices.iter().find(|c| &c.value == text)
    {
        return choice.label.clone();
    }
    format::display_value(question, value, currency, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_found_without_reading_the_translations() {
        let library = crate::library::trusted_built_in();
        let question = question_in(&library, Language::En, "client.name").unwrap();
        assert_eq!(question.key, "client.name");
        assert!(!library.translations.is_read());
        let turkish = question_in(&library, Language::Tr, "client.name").unwrap();
        assert!(library.translations.is_read());
        assert_ne!(turkish.label, question.label, "the Turkish label");
    }

    #[test]
    fn the_summarys_own_words_are_turkish_for_a_turkish_contract() {
        assert_eq!(
            (TURKISH.late_payer)(Some("2")),
            "daha önce geç ödeyen müşteri: ücretler 2 ile çarpıldı, bütün güvenceler eklendi"
        );
        assert_eq!(
            (ENGLISH.late_payer)(None),
            "repeat late payer: rates as saved, every safeguard included"
        );
        assert_eq!(
            wrote("out/acme-contract.pdf", Language::Tr),
            "out/acme-contract.pdf dosyası yazıldı"
        );
        assert_eq!(
            wrote("out/acme-contract.pdf", Language::En),
            "wrote out/acme-contract.pdf"
        );
        // The two words that open a clause's line are one column wide in each language.
        assert_eq!(opening_width(&TURKISH), "dışarıda".chars().count());
        assert_eq!(opening_width(&ENGLISH), "included".len());
    }
}
