//! Trades: takes the `trades:` table of `library.yaml` and returns [`Trades`], the words each
//! profession's contract uses, checked against the choices of `freelancer.profession`.
//!
//! ```yaml
//! trades:
//!   translation:
//!     title: Translation Services Agreement
//!     role: Translator
//!     work: translation
//! ```
//!
//! Each word is a variable of the clauses, `{{trade.role}}`, derived from the profession the
//! answers pick (never answered itself), so a library of one's own adds a trade by adding a
//! choice and a row, without code. The word `title`, when the trades give it, is the contract's
//! title. Every trade gives the same words, each a plain, non-empty text (inserted as literal
//! text, like an answer); every choice of the profession has a row and every row a choice.

use std::sync::Arc;

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::{Section, is_key, line_column};
use crate::error::Diagnostic;
use crate::model::keys::{PROFESSION, TRADE_PREFIX};
use crate::model::{Question, Type};

/// The words of each trade, by profession, and the variables they make.
#[derive(Debug, Clone, Default)]
pub struct Trades {
    /// The words of each profession (`role` → `Translator`), by the profession's choice value.
    /// Shared by the library's copies, as the variables are.
    pub words: Arc<BTreeMap<String, BTreeMap<String, String>>>,
    /// One text variable per word (`trade.role`), for the checks that look keys up.
    questions: Arc<[Question]>,
    /// The words that mark a text as each trade's work (`trade_signs:`), in every language.
    pub signs: super::Signs,
}

impl Trades {
    /// The variable `key` (`trade.role`), if a trade gives that word.
    #[must_use]
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.key == key)
    }

    /// Every variable the trades give.
    #[must_use]
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The words of `profession`, if the table has a row for it.
    #[must_use]
    pub fn of(&self, profession: &str) -> Option<&BTreeMap<String, String>> {
        self.words.get(profession)
    }

    /// Sets the words of the profession the answers pick (`trade.role` and so on); returns the
    /// contract's title when the trade gives one. Answers that pick no profession with a row
    /// are left as they are. The words are the library's own text, so with `american` they
    /// take American spelling as the clauses do (`software licenses`, `notarization`).
    pub fn apply(&self, answers: &mut crate::answers::Answers, american: bool) -> Option<String> {
        let Some(crate::model::Value::Text(profession)) = answers.get(PROFESSION) else {
            return None;
        };
        let words = self.of(profession)?.clone();
        for (word, text) in &words {
            answers.set(
                &format!("{TRADE_PREFIX}{word}"),
                crate::model::Value::Text(if american {
                    crate::format::american(text).into_owned()
                } else {
                    text.clone()
                }),
            );
        }
        words.get(crate::model::keys::TRADE_TITLE).cloned()
    }

    /// Whether the library gives no trade words at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Checks the raw `trades:` table against the declared profession question; reports every
/// problem at its line of `library.yaml`.
pub(super) fn load_trades(
    name: &str,
    text: &str,
    raw: Option<BTreeMap<String, BTreeMap<String, Spanned<String>>>>,
    sections: &[Section],
    diagnostics: &mut Vec<Diagnostic>,
) -> Trades {
    let Some(raw) = raw else {
        return Trades::default();
    };
    let table_line = top_line(text, "trades");
    let error = |line: usize, needle: &str, message: String| {
        let column = line_column(text, line, needle);
        Diagnostic::error(name, text, line, column, message).with_width(needle.chars().count())
    };
    let profession = sections
        .iter()
        .flat_map(|s| &s.questions)
        .find(|q| q.key == PROFESSION);
    let choices: Vec<&str> = match profession {
        Some(q) if q.ty == Type::Choice => q.choices.iter().map(|c| c.value.as_str()).collect(),
        Some(q) => {
            diagnostics.push(error(
                q.line,
                PROFESSION,
                format!(
                    "`{PROFESSION}` must be a choice of professions, since `trades` gives the words of each"
                ),
            ));
            return Trades::default();
        }
        None => {
            diagnostics.push(error(
                table_line,
                "trades",
                format!(
                    "`trades` gives the words of each profession, but no `{PROFESSION}` question picks one; declare it as a choice"
                ),
            ));
            return Trades::default();
        }
    };
    let all_words: BTreeSet<&str> = raw
        .values()
        .flat_map(|w| w.keys())
        .map(String::as_str)
        .filter(|w| is_key(w) && !w.contains('.'))
        .collect();
    let mut words = BTreeMap::new();
    let mut problems = false;
    for (trade, terms) in &raw {
        // Found only for an error: finding it is a walk through the file's lines.
        let line = || row_line(text, table_line, trade);
        if !choices.contains(&trade.as_str()) {
            problems = true;
            diagnostics.push(error(
                line(),
                trade,
                format!(
                    "`{trade}` is not a choice of `{PROFESSION}`; the choices are {}",
                    quoted(&choices)
                ),
            ));
            continue;
        }
        for missing in all_words.iter().filter(|w| !terms.contains_key(**w)) {
            problems = true;
            let giver = raw
                .iter()
                .find(|(_, t)| t.contains_key(*missing))
                .map_or("", |(t, _)| t.as_str());
            diagnostics.push(error(
                line(),
                trade,
                format!("the trade `{trade}` lacks the word `{missing}`, which `{giver}` gives"),
            ));
        }
        let (row, bad) = check_words(name, text, trade, terms, diagnostics);
        problems |= bad;
        words.insert(trade.clone(), row);
    }
    let question_line = profession.map_or(table_line, |q| q.line);
    for choice in choices.iter().filter(|c| !raw.contains_key(**c)) {
        problems = true;
        diagnostics.push(error(
            choice_line(text, question_line, choice),
            choice,
            format!("the profession `{choice}` has no row in `trades` giving its words"),
        ));
    }
    let questions = variables(&all_words, table_line);
    if problems {
        // The variables stay declared so that clauses using them raise no second error.
        return Trades {
            words: Arc::default(),
            questions: questions.into(),
            signs: super::Signs::default(),
        };
    }
    Trades {
        words: words.into(),
        questions: questions.into(),
        signs: super::Signs::default(),
    }
}

/// The words of one row, each checked: a valid name, a plain non-empty text on one line.
/// Returns them and whether any was reported.
fn check_words(
    name: &str,
    text: &str,
    trade: &str,
    terms: &BTreeMap<String, Spanned<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, String>, bool) {
    let mut problems = false;
    let mut row = BTreeMap::new();
    for (word, value) in terms {
        let at = |message: String| {
            Diagnostic::spanned(name, text, value, message).with_width(value.value.chars().count())
        };
        if !is_key(word) || word.contains('.') {
            problems = true;
            let line = usize::try_from(value.referenced.line()).unwrap_or(1);
            let column = line_column(text, line, word);
            diagnostics.push(
                Diagnostic::error(
                    name,
                    text,
                    line,
                    column,
                    format!(
                        "`{word}` is not a valid word name; use lower-case words joined by `_` (`role`, `work_done`)"
                    ),
                )
                .with_width(word.chars().count()),
            );
        } else if value.value.trim().is_empty() {
            problems = true;
            diagnostics.push(at(format!("the word `{word}` of `{trade}` is empty")));
        } else if value.value.contains("{{") || value.value.contains('\n') {
            problems = true;
            diagnostics.push(at(format!(
                "the word `{word}` of `{trade}` is literal text on one line, not a template"
            )));
        }
        row.insert(word.clone(), value.value.trim().to_owned());
    }
    (row, problems)
}

/// One text variable per word (`trade.role`), declared at the table's line.
fn variables(words: &BTreeSet<&str>, line: usize) -> Vec<Question> {
    words
        .iter()
        .map(|word| {
            let key = format!("{TRADE_PREFIX}{word}");
            let mut question = Question::new(
                &key,
                Type::Text,
                &format!("the trade's word `{word}` (from `trades` in library.yaml)"),
            );
            question.line = line;
            question
        })
        .collect()
}

/// The 1-based line of a top-level `key:` (1 when absent).
fn top_line(text: &str, key: &str) -> usize {
    let prefix = format!("{key}:");
    text.lines()
        .position(|l| l.starts_with(&prefix))
        .map_or(1, |i| i + 1)
}

/// The line of a row `trade:` of the table that starts at `table_line`.
fn row_line(text: &str, table_line: usize, trade: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(table_line)
        .find(|(_, l)| {
            let rest = l.trim_start();
            l.len() > rest.len()
                && (rest.strip_prefix(trade).is_some_and(|r| r.starts_with(':'))
                    || rest
                        .strip_prefix(&format!("\"{trade}\""))
                        .is_some_and(|r| r.starts_with(':')))
        })
        .map_or(table_line, |(i, _)| i + 1)
}

/// The line of `value: choice` in the question declared at `question_line`.
fn choice_line(text: &str, question_line: usize, choice: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(question_line)
        .take_while(|(_, l)| !l.trim_start().starts_with("- key:"))
        .find(|(_, l)| {
            l.trim_start()
                .trim_start_matches("- ")
                .strip_prefix("value:")
                .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == choice)
        })
        .map_or(question_line, |(i, _)| i + 1)
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::library::{self, LIBRARY_FILE, SourceFile};

    const HEAD: &str = "title: Services Agreement
sections:
  - title: You
    questions:
      - key: freelancer.profession
        type: choice
        prompt: Your trade
        default: translation
        choices:
          - value: translation
            label: Translation
          - value: illustration
            label: Illustration
";

    fn messages(yaml: &str) -> Vec<String> {
        library::load(&[SourceFile {
            relative: LIBRARY_FILE.into(),
            display: LIBRARY_FILE.into(),
            text: yaml.into(),
        }])
        .diagnostics
        .into_iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
    }

    #[test]
    fn a_complete_table_gives_each_trade_its_words() {
        let yaml = format!(
            "{HEAD}trades:\n  translation:\n    role: Translator\n  illustration:\n    role: Illustrator\n"
        );
        let loaded = library::load(&[SourceFile {
            relative: LIBRARY_FILE.into(),
            display: LIBRARY_FILE.into(),
            text: yaml,
        }]);
        let library = loaded.library.expect("loads");
        assert_eq!(
            library.trades.of("illustration").unwrap()["role"],
            "Illustrator"
        );
        assert!(library.trades.question("trade.role").is_some());
        assert!(library.trades.question("trade.work").is_none());
    }

    #[test]
    fn every_problem_of_the_table_is_located() {
        let yaml = format!(
            "{HEAD}trades:\n  translation:\n    role: Translator\n    work: \"\"\n    Bad-Word: x\n  astronaut:\n    role: Astronaut\n"
        );
        let found = messages(&yaml);
        let expect = [
            "17:11: the word `work` of `translation` is empty",
            "19:3: `astronaut` is not a choice of `freelancer.profession`; the choices are `translation`, `illustration`",
            "18:5: `Bad-Word` is not a valid word name; use lower-case words joined by `_` (`role`, `work_done`)",
            "12:20: the profession `illustration` has no row in `trades` giving its words",
        ];
        for message in expect {
            assert!(
                found.iter().any(|f| f == message),
                "{message} not in {found:#?}"
            );
        }
        let yaml = format!(
            "{HEAD}trades:\n  translation:\n    role: Translator\n    work: translation\n  illustration:\n    role: Illustrator\n"
        );
        let found = messages(&yaml);
        assert!(
            found.contains(
                &"18:3: the trade `illustration` lacks the word `work`, which `translation` gives"
                    .to_owned()
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn a_table_without_a_profession_question_is_an_error() {
        let yaml = "title: T\nsections: []\ntrades:\n  translation:\n    role: Translator\n";
        let found = messages(yaml);
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("3:1: `trades` gives the words of each profession")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_word_is_literal_text() {
        let yaml = format!(
            "{HEAD}trades:\n  translation:\n    role: \"{{{{client.name}}}}\"\n  illustration:\n    role: Illustrator\n"
        );
        let found = messages(&yaml);
        assert!(
            found.iter().any(|f| f.ends_with(
                "the word `role` of `translation` is literal text on one line, not a template"
            )),
            "{found:#?}"
        );
    }
}
