//! Question words: takes the `sections:` of a language's `library.yaml` (`tr/library.yaml`)
//! and the English [`Section`]s, and returns the sections with every word the interview shows
//! in that language: each section's title, each question's `prompt`, `label`, `help`, `unit`
//! and `item`, each choice's label, and the same for a list's fields. Keys, types, defaults,
//! limits and conditions stay the English declaration's: a translation gives words only.
//!
//! `check` holds the two languages together, every problem at its line: an English question
//! (or field, or choice) without words in the other language is reported at its declaration
//! in `library.yaml`; words for a question that does not exist, in another section, or with
//! a `help` or `unit` the English declaration lacks (or lacking one it has) at the line of the
//! translation. A translation always gives a `label`, since the English one may be the key's
//! last word.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::summary::{self, RawSummary};
use super::{Section, SourceFile, line_column, top_level_value};
use crate::error::Diagnostic;
use crate::model::{Question, Type};

/// A section of a translation's `sections:`: its title, and its questions' words.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSectionWords {
    title: Spanned<String>,
    #[serde(default)]
    questions: Vec<RawWords>,
}

/// The words of one question (or one field of a list), by its key.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWords {
    key: Spanned<String>,
    prompt: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    help: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    summary: Option<RawSummary>,
    item: Option<Spanned<String>>,
    #[serde(default)]
    choices: Vec<RawChoiceWords>,
    #[serde(default)]
    fields: Vec<RawWords>,
}

/// A choice's label, by its value.
#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoiceWords {
    value: Spanned<String>,
    label: Spanned<String>,
}

/// Where the two languages' files are, and what the messages call the language.
pub(super) struct Files<'a> {
    /// `library.yaml`.
    pub(super) english: &'a SourceFile,
    /// The translation's `library.yaml`.
    pub(super) translation: &'a SourceFile,
    /// The language's name in English ("Turkish").
    pub(super) name: &'a str,
}

impl Files<'_> {
    fn here(&self, spanned: &Spanned<String>, message: String) -> Diagnostic {
        Diagnostic::error(
            &self.translation.display,
            &self.translation.text,
            spanned.referenced.line() as usize,
            spanned.referenced.column() as usize,
            message,
        )
        .with_width(spanned.value.chars().count().max(1))
    }

    /// At the English declaration of `question` (its key).
    fn there(&self, question: &Question, message: String) -> Diagnostic {
        let text = &self.english.text;
        Diagnostic::error(
            &self.english.display,
            text,
            question.line,
            line_column(text, question.line, &format!("key: {}", question.key)) + 5,
            message,
        )
        .with_width(question.key.chars().count())
    }
}

/// The English sections with their words in the translation's language, from its
/// `sections:`; every problem reported. Where words are missing the English ones stand (the
/// library then does not load, so they are never shown).
pub(super) fn translate(
    files: &Files<'_>,
    english: &[Section],
    raw: Option<Vec<RawSectionWords>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let name = files.name;
    let Some(raw) = raw else {
        let (line, column) = top_level_value(&files.translation.text, "title");
        diagnostics.push(Diagnostic::error(
            &files.translation.display,
            &files.translation.text,
            line,
            column,
            format!(
                "the {name} library.yaml has no `sections:`: the interview asks every question of library.yaml in {name} too, so give each section's title and each question's words (`key`, `prompt`, `label`, and `help`, `unit`, `item` and `choices` where the English declaration has them)"
            ),
        ));
        return english.to_vec();
    };
    // The words by key, with the index of their section.
    let mut words: BTreeMap<&str, (usize, &RawWords)> = BTreeMap::new();
    for (index, section) in raw.iter().enumerate() {
        for question in &section.questions {
            let key = question.key.value.as_str();
            if let Some((_, first)) = words.get(key) {
                diagnostics.push(files.here(
                    &question.key,
                    format!(
                        "the {name} words of `{key}` are already given on line {}",
                        first.key.referenced.line()
                    ),
                ));
                continue;
            }
            words.insert(key, (index, question));
        }
    }
    let mut translated = Vec::with_capacity(english.len());
    for (index, section) in english.iter().enumerate() {
        let title = if let Some(ours) = raw.get(index) {
            ours.title.value.clone()
        } else {
            let (line, column) = section_line(&files.english.text, &section.title);
            diagnostics.push(
                    Diagnostic::error(
                        &files.english.display,
                        &files.english.text,
                        line,
                        column,
                        format!(
                            "the section “{}” has no {name} title: the {name} library.yaml gives {} sections, this one {}, in the same order",
                            section.title,
                            raw.len(),
                            english.len()
                        ),
                    )
                    .with_width(section.title.chars().count()),
                );
            section.title.clone()
        };
        let mut questions = Vec::with_capacity(section.questions.len());
        for question in &section.questions {
            let Some((found, ours)) = words.remove(question.key.as_str()) else {
                diagnostics.push(files.there(
                    question,
                    format!(
                        "`{}` has no {name} words: add them to the section “{title}” of {} (`key`, `prompt`, `label`{})",
                        question.key,
                        files.translation.display,
                        extras(question)
                    ),
                ));
                questions.push(question.clone());
                continue;
            };
            if found != index {
                diagnostics.push(files.here(
                    &ours.key,
                    format!(
                        "the {name} words of `{}` are in the section “{}”, but library.yaml asks it in “{}” (“{title}”): keep the sections alike",
                        question.key, raw[found].title.value, section.title
                    ),
                ));
            }
            questions.push(words_of(files, question, ours, diagnostics));
        }
        translated.push(Section { title, questions });
    }
    for section in raw.iter().skip(english.len()) {
        diagnostics.push(files.here(
            &section.title,
            format!(
                "the section “{}” has no English twin: library.yaml has {} sections, the {name} library.yaml one more",
                section.title.value,
                english.len()
            ),
        ));
    }
    for (key, (_, ours)) in words {
        diagnostics.push(files.here(
            &ours.key,
            format!("`{key}` is not a question of library.yaml: give words only for its questions"),
        ));
    }
    translated
}

/// The fields besides `key`, `prompt` and `label` that the words of `question` need.
fn extras(question: &Question) -> String {
    let mut more = Vec::new();
    if question.help.is_some() {
        more.push("`help`");
    }
    if question.unit.is_some() {
        more.push("`unit`");
    }
    if question.summary.is_some() {
        more.push("`summary`");
    }
    if question.ty == Type::List {
        more.push("`item`");
        more.push("`fields`");
    }
    if !question.choices.is_empty() {
        more.push("`choices`");
    }
    let mut out = String::new();
    for m in more {
        out.push_str(", ");
        out.push_str(m);
    }
    out
}

/// The line and column of a section's `- title:` in `library.yaml`.
fn section_line(text: &str, title: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(index, line)| {
            let rest = line.trim_start().strip_prefix("- title:")?;
            (rest.trim().trim_matches('"') == title)
                .then(|| (index + 1, line.find("title:").unwrap_or(0) + 8))
        })
        .unwrap_or((1, 1))
}

/// `question` with the words of `ours`, each missing or extra one reported.
fn words_of(
    files: &Files<'_>,
    question: &Question,
    ours: &RawWords,
    diagnostics: &mut Vec<Diagnostic>,
) -> Question {
    let name = files.name;
    let key = &question.key;
    let mut translated = question.clone();
    let lacking = |what: &str, diagnostics: &mut Vec<Diagnostic>| {
        diagnostics.push(files.here(
            &ours.key,
            format!(
                "the {name} words of `{key}` have no `{what}`, which the English declaration has{}",
                declared(question)
            ),
        ));
    };
    match &ours.prompt {
        Some(prompt) => translated.prompt.clone_from(&prompt.value),
        None => lacking("prompt", diagnostics),
    }
    match &ours.label {
        Some(label) => translated.label.clone_from(&label.value),
        None => diagnostics.push(files.here(
            &ours.key,
            format!("the {name} words of `{key}` have no `label`: the summary names every answer by its label"),
        )),
    }
    for (what, english, mine, slot) in [
        (
            "help",
            question.help.is_some(),
            &ours.help,
            &mut translated.help,
        ),
        (
            "unit",
            question.unit.is_some(),
            &ours.unit,
            &mut translated.unit,
        ),
    ] {
        match (english, mine) {
            (true, Some(text)) => *slot = Some(text.value.clone()),
            (true, None) => lacking(what, diagnostics),
            (false, Some(text)) => diagnostics.push(files.here(
                text,
                format!(
                    "the {name} words of `{key}` have a `{what}`, the English declaration none{}: give both or neither",
                    declared(question)
                ),
            )),
            (false, None) => {}
        }
    }
    match (&question.summary, &ours.summary) {
        (Some(_), Some(raw)) => match summary::read(raw, question.ty) {
            Ok(words) => translated.summary = Some(words),
            Err(why) => diagnostics.push(files.here(
                &ours.key,
                format!("the {name} words of `{key}`: `{key}` {why}"),
            )),
        },
        (Some(_), None) => lacking("summary", diagnostics),
        (None, Some(_)) => diagnostics.push(files.here(
            &ours.key,
            format!(
                "the {name} words of `{key}` have a `summary`, the English declaration none{}: give both or neither",
                declared(question)
            ),
        )),
        (None, None) => {}
    }
    match (question.ty == Type::List, &ours.item) {
        (true, Some(item)) => translated.item.clone_from(&item.value),
        (true, None) => lacking("item", diagnostics),
        (false, Some(item)) => diagnostics.push(files.here(
            item,
            format!("`{key}` is not a list, so its {name} words take no `item`"),
        )),
        (false, None) => {}
    }
    choice_words(files, question, ours, &mut translated, diagnostics);
    field_words(files, question, ours, &mut translated, diagnostics);
    translated
}

/// The labels of the choices of `question` from `ours`, into `translated`; a choice without
/// one, or one for a value not declared, reported.
fn choice_words(
    files: &Files<'_>,
    question: &Question,
    ours: &RawWords,
    translated: &mut Question,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (name, key) = (files.name, &question.key);
    for choice in &mut translated.choices {
        match ours.choices.iter().find(|c| c.value.value == choice.value) {
            Some(mine) => choice.label.clone_from(&mine.label.value),
            None => diagnostics.push(files.here(
                &ours.key,
                format!(
                    "the {name} words of `{key}` give no label for the choice \"{}\"",
                    choice.value
                ),
            )),
        }
    }
    for mine in &ours.choices {
        if !question.choices.iter().any(|c| c.value == mine.value.value) {
            diagnostics.push(files.here(
                &mine.value,
                format!(
                    "`{key}` has no choice \"{}\": the {name} words give labels only for the choices library.yaml declares",
                    mine.value.value
                ),
            ));
        }
    }
}

/// The words of the fields of a list `question` from `ours`, into `translated`; a field
/// without them, or words for a field not declared, reported.
fn field_words(
    files: &Files<'_>,
    question: &Question,
    ours: &RawWords,
    translated: &mut Question,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (name, key) = (files.name, &question.key);
    for field in &mut translated.fields {
        match ours.fields.iter().find(|f| f.key.value == field.key) {
            Some(mine) => {
                let english = field.clone();
                *field = words_of(files, &english, mine, diagnostics);
            }
            None => diagnostics.push(files.here(
                &ours.key,
                format!(
                    "the {name} words of `{key}` have none for its field `{}`",
                    field.key
                ),
            )),
        }
    }
    for mine in &ours.fields {
        if question.field(&mine.key.value).is_none() {
            diagnostics.push(files.here(
                &mine.key,
                format!(
                    "`{key}` has no field `{}`: the {name} words are only for the fields library.yaml declares",
                    mine.key.value
                ),
            ));
        }
    }
}

/// Where the English declaration is, for a message: ` (library.yaml:12)`; nothing for a
/// field, whose line is its list's.
fn declared(question: &Question) -> String {
    if question.line == 0 {
        String::new()
    } else {
        format!(" (library.yaml:{})", question.line)
    }
}

#[cfg(test)]
mod tests {
    use crate::library::{self, SourceFile};

    const ENGLISH: &str = "\
title: Agreement
sections:
  - title: You
    questions:
      - key: me.name
        type: text
        prompt: Your name
        help: As on your ID.
      - key: me.kind
        type: choice
        prompt: Who are you?
        choices:
          - value: person
            label: A person
          - value: company
            label: A company
  - title: The work
    questions:
      - key: work.days
        type: integer
        prompt: How many days?
        unit: days
";

    fn check(turkish: &str) -> Vec<String> {
        check_both(ENGLISH, turkish)
    }

    fn check_both(english: &str, turkish: &str) -> Vec<String> {
        let file = |relative: &str, text: &str| SourceFile {
            relative: relative.into(),
            display: format!("lib/{relative}"),
            text: text.into(),
        };
        let loaded = library::load(&[
            file("library.yaml", english),
            file("tr/library.yaml", turkish),
        ]);
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::error::Severity::Error)
            // This small library has no Turkish words for the built-in profiles: not what
            // these tests are about.
            .filter(|d| !d.message.contains("jurisdiction profile"))
            .map(|d| d.render(false))
            .collect()
    }

    const WHOLE: &str = "\
title: Sözleşme
sections:
  - title: Siz
    questions:
      - key: me.name
        label: adınız
        prompt: Adınız
        help: Kimliğinizdeki gibi.
      - key: me.kind
        label: sıfatınız
        prompt: Kimsiniz?
        choices:
          - value: person
            label: Bir kişi
          - value: company
            label: Bir şirket
  - title: İş
    questions:
      - key: work.days
        label: süre
        prompt: Kaç gün?
        unit: gün
";

    #[test]
    fn a_question_with_words_in_both_languages_is_asked_in_either() {
        assert_eq!(check(WHOLE), Vec::<String>::new());
        let library = library::load(&library::built_in_files())
            .into_library()
            .unwrap();
        let turkish = library.asking_in(crate::model::Language::Tr).unwrap();
        assert_eq!(turkish.sections[1].title, "Müşteri");
        let kind = turkish.question("freelancer.kind").unwrap();
        assert_eq!(
            (
                kind.prompt.as_str(),
                kind.label.as_str(),
                kind.choices[2].label.as_str()
            ),
            (
                "Sözleşmede sizin tarafınızda kim yer alıyor?",
                "taraf olarak",
                "Şirketim"
            )
        );
        // The declaration itself is the English one's.
        assert_eq!(kind.choices[2].value, "company");
        assert_eq!(
            kind.defaults,
            library.question("freelancer.kind").unwrap().defaults
        );
        let milestones = turkish.question("milestones").unwrap();
        assert_eq!(milestones.item, "aşama");
        assert_eq!(milestones.field("payment").unwrap().label, "ödeme");
        assert_eq!(
            turkish
                .question("acceptance.review_days")
                .unwrap()
                .unit
                .as_deref(),
            Some("iş günü")
        );
        assert_eq!(
            library.question("freelancer.kind").unwrap().prompt,
            "Who is the party to the contract on your side?"
        );
    }

    #[test]
    fn every_declaration_missing_a_language_is_reported_at_its_line() {
        // `me.kind` has no Turkish words, `me.name` no `help`, `work.days` a choice label and a
        // key that library.yaml does not declare.
        let broken = WHOLE
            .replace("        help: Kimliğinizdeki gibi.\n", "")
            .replace(
                "      - key: me.kind\n        label: sıfatınız\n        prompt: Kimsiniz?\n        choices:\n          - value: person\n            label: Bir kişi\n          - value: company\n            label: Bir şirket\n",
                "",
            )
            .replace(
                "        unit: gün\n",
                "        unit: gün\n        choices:\n          - value: many\n            label: Çok\n      - key: work.extra\n        label: ek\n        prompt: Ek?\n",
            );
        let errors = check(&broken);
        let all = errors.join("\n");
        assert_eq!(errors.len(), 4, "{all}");
        assert!(
            errors.iter().any(|e| e.contains("lib/library.yaml:9:14")
                && e.contains("`me.kind` has no Turkish words: add them to the section “Siz” of lib/tr/library.yaml (`key`, `prompt`, `label`, `choices`)")
                && e.contains("^^^^^^^")),
            "{all}"
        );
        assert!(
            errors.iter().any(|e| e.contains("lib/tr/library.yaml:5:14")
                && e.contains("the Turkish words of `me.name` have no `help`, which the English declaration has (library.yaml:5)")),
            "{all}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("`work.days` has no choice \"many\"")),
            "{all}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("`work.extra` is not a question of library.yaml")),
            "{all}"
        );
    }

    #[test]
    fn a_translation_without_sections_is_one_error() {
        let errors = check("title: Sözleşme\n");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].contains("the Turkish library.yaml has no `sections:`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn summary_words_are_given_in_both_languages_or_neither_and_hold_the_answer() {
        let english = ENGLISH.replace(
            "        unit: days\n",
            "        unit: days\n        summary: \"work takes {}\"\n",
        );
        let turkish = WHOLE.replace(
            "        unit: gün\n",
            "        unit: gün\n        summary: \"iş {} sürer\"\n",
        );
        assert_eq!(check_both(&english, &turkish), Vec::<String>::new());
        // The Turkish words lack it; then the English declaration does.
        let errors = check_both(&english, WHOLE);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].contains("lib/tr/library.yaml:")
                && errors[0].contains("the Turkish words of `work.days` have no `summary`, which the English declaration has"),
            "{}",
            errors[0]
        );
        let errors = check_both(ENGLISH, &turkish);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].contains(
                "the Turkish words of `work.days` have a `summary`, the English declaration none"
            ) && errors[0].contains("give both or neither"),
            "{}",
            errors[0]
        );
        // A phrase without the answer's place, and a yes-or-no phrase for a number.
        let errors = check_both(&english, &turkish.replace("iş {} sürer", "iş sürer"));
        assert!(
            errors.len() == 1 && errors[0].contains("summary phrase \"iş sürer\" has no `{}`"),
            "{errors:#?}"
        );
        let errors = check_both(
            &english.replace(
                "summary: \"work takes {}\"",
                "summary: { if_yes: long, if_no: short }",
            ),
            &turkish,
        );
        assert!(
            errors.iter().any(|e| e.contains("lib/library.yaml:")
                && e.contains("`work.days` is integer, not a yes-or-no question")),
            "{errors:#?}"
        );
    }
}
