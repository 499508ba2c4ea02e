//! The `check` stage: takes a library's files and returns every problem in them, from YAML
//! syntax to a clause or letter that fails to render with sample answers, and every problem of
//! its jurisdiction profiles.

use handlebars::Handlebars;

use crate::answers::Answers;
use crate::assemble::{self, SectionNumber};
use crate::error::{Diagnostic, Error};
use crate::format::Locale;
use crate::letters;
use crate::library::{self, Library, SourceFile};
use crate::model::Language;
use crate::model::keys::PROFESSION;
use crate::model::{Question, Value};
use crate::render;

/// Loads the library and renders every clause and letter with a sample answer for every
/// question.
/// Returns every error and warning, sorted by file and position.
#[must_use]
pub fn check(files: &[SourceFile]) -> Vec<Diagnostic> {
    check_incomplete(files, false)
}

/// [`check`] for a library some of whose files could not be read (`incomplete`; the caller
/// reports those): a reference to a clause such a file may hold is not reported as broken.
#[must_use]
pub fn check_incomplete(files: &[SourceFile], incomplete: bool) -> Vec<Diagnostic> {
    let loaded = library::load_incomplete(files, incomplete);
    let mut diagnostics = loaded.diagnostics;
    if let Some(library) = &loaded.library {
        // Every letter file is written in each language of the library. A file that could
        // not be read may be any letter: no twin is reported missing.
        if !loaded.failed.unreadable {
            diagnostics.extend(letters::parity(files, library));
        }
        // Every clause and letter, in every language of the library, is rendered in the words
        // of every profession.
        for language in library.languages() {
            let Some(translated) = library.clone().into_language(language) else {
                continue;
            };
            let letters = letters::load_in(files, library, &loaded.failed, language);
            diagnostics.extend(letters.diagnostics);
            diagnostics.extend(render_all(
                &translated,
                &loaded.failed.ids,
                letters.letters.as_ref(),
            ));
        }
    }
    for file in files {
        diagnostics.extend(glyph_diagnostics(file));
    }
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
    });
    diagnostics.dedup();
    diagnostics
}

/// Renders every clause of `library` (and every letter given) with sample answers for every
/// profession, in the library's language. Returns every problem found.
fn render_all(
    library: &Library,
    failed_ids: &[String],
    letters: Option<&letters::Letters>,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    // Every clause is treated as included so that every cross-reference resolves.
    let mut numbers = assemble::all_included(library);
    // References to clauses with errors, or to no clause, are reported once, by the loader;
    // here they render as a number so that the rest of the body is still checked.
    let letter_templates = letters.iter().flat_map(|letters| {
        [&letters.letterhead, &letters.greeting, &letters.closing]
            .into_iter()
            .chain(&letters.email_closing)
            .chain(
                letters
                    .letters
                    .iter()
                    .flat_map(|letter| [&letter.subject, &letter.body]),
            )
    });
    let referenced = library
        .clauses
        .iter()
        .chain(letter_templates)
        .flat_map(|clause| library::section_references(&clause.template))
        .map(|(id, _, _)| id);
    for id in failed_ids.iter().cloned().chain(referenced) {
        numbers.entry(id).or_insert(SectionNumber::Numbered(0));
    }
    let mut titles: std::collections::BTreeMap<String, String> = library
        .clauses
        .iter()
        .map(|clause| (clause.id.clone(), clause.title.clone()))
        .collect();
    // A clause that did not load has no title to cite: its id stands in.
    for id in numbers.keys() {
        titles.entry(id.clone()).or_insert_with(|| id.clone());
    }
    let locale = Locale::of(
        library
            .clauses
            .first()
            .map_or(Language::En, |_| language_of(library)),
        Locale::EnUs,
    );
    for sample in samples_by_profession(library) {
        let registry =
            render::registry_with_titles(numbers.clone(), titles.clone(), locale, &sample);
        let data = handlebars::Context::from(sample.to_json());
        for clause in library.clauses.iter() {
            if let Err(diagnostic) = render::render_clause(&registry, clause, &data) {
                diagnostics.push(diagnostic);
            }
        }
        if let Some(letters) = letters {
            diagnostics.extend(check_letters(letters, &registry, &sample));
        }
    }
    diagnostics
}

/// The language `library`'s clauses are written in: the translation's whose clauses they are.
fn language_of(library: &Library) -> Language {
    library
        .translations
        .iter()
        .find(|t| {
            t.clauses.first().map(|c| &c.origin.file)
                == library.clauses.first().map(|c| &c.origin.file)
        })
        .map_or(Language::En, |t| t.language)
}

/// The characters of a library file's text that the PDF fonts cannot draw, one error a line:
/// clause, letter and profile text reaches the PDF, and a character the fonts lack would be
/// left out of it without a word. Of `library.yaml` only the contract's `title:` and the
/// `trades:` table are printed (the questions are shown in the terminal); whole-line comments
/// are never printed. What is not printed is not checked.
fn glyph_diagnostics(file: &SourceFile) -> Vec<Diagnostic> {
    let declarations = file.relative == library::LIBRARY_FILE;
    let mut printed = !declarations;
    let mut found = Vec::new();
    for (index, line) in file.text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        if declarations && line.starts_with(|c: char| !c.is_whitespace()) {
            printed = line.starts_with("title:") || line.starts_with("trades:");
        }
        if !printed {
            continue;
        }
        let mut missing = line.chars().enumerate().filter(|(_, c)| {
            !c.is_whitespace()
                && !c.is_control()
                && crate::layout::missing_glyph(c.encode_utf8(&mut [0; 4])).is_some()
        });
        if let Some((column, c)) = missing.next() {
            let more = missing.count();
            let others = match more {
                0 => String::new(),
                1 => " (and one more on this line)".to_owned(),
                n => format!(" (and {n} more on this line)"),
            };
            found.push(Diagnostic::error(
                &file.display,
                &file.text,
                index + 1,
                column + 1,
                format!(
                    "the PDF fonts have no '{c}' (U+{:04X}){others}: the PDF would leave it out; write it another way",
                    u32::from(c)
                ),
            ));
        }
    }
    found
}

/// Answers with a sample value for every question, to render every clause in `check`.
#[must_use]
pub(crate) fn sample_answers(library: &Library) -> Answers {
    let mut answers = Answers::default();
    let variables = library
        .questions()
        .chain(crate::model::place::questions())
        .chain(library.trades.questions());
    for question in variables {
        answers.set(&question.key, question.sample());
    }
    answers
}

/// [`sample_answers`] once for each profession of the library's `trades`, in that trade's
/// words; once with sample words when the library has no trades.
fn samples_by_profession(library: &Library) -> Vec<Answers> {
    let sample = sample_answers(library);
    if library.trades.is_empty() {
        return vec![sample];
    }
    library
        .trades
        .words
        .keys()
        .map(|profession| {
            let mut answers = sample.clone();
            answers.set(PROFESSION, Value::Text(profession.clone()));
            library.trades.apply(&mut answers, false);
            answers
        })
        .collect()
}

/// Renders each loaded letter with the sample answers and sample letter variables, as
/// `check` does for clauses. Returns every problem found.
fn check_letters(
    letters: &letters::Letters,
    registry: &Handlebars<'static>,
    answers: &Answers,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let samples: Vec<(&str, Value)> = letters::VARIABLES
        .iter()
        .map(|v| (v.key, Question::new(v.key, v.ty, v.help).sample()))
        .collect();
    let data = letters::data(answers, &samples);
    for letter in &letters.letters {
        if let Err(Error::Diagnostics(found)) = letters::render(letters, letter, registry, &data) {
            diagnostics.extend(found);
        }
    }
    diagnostics
}
