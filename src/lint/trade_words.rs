//! Words of another trade: takes the answers that describe the work (the project's name, the
//! services or the scope, the milestones, the credit line: the questions that play those
//! terms) and the library's trade signs, and returns a warning at each answer that names a
//! sign of other trades only, with the word and the contract's profession.
//!
//! A translation contract whose scope still says `WordPress` was most likely copied from a
//! web-design contract with only the profession changed: the contract would promise the
//! wrong work. The warning is a question, not a verdict (a translator may well translate a
//! website), so it never fails `build` without `--deny-warnings`.

use crate::answers::{self, Answers, Located};
use crate::error::Diagnostic;
use crate::library::Library;
use crate::model::keys::PROFESSION;
use crate::model::{Language, Scalar, Term, Type, Value};

use super::words::OtherTrade;

/// The terms whose answers describe the work.
const DESCRIBING_THE_WORK: [Term; 5] = [
    Term::ProjectName,
    Term::Services,
    Term::Scope,
    Term::Milestones,
    Term::CreditLine,
];

/// A warning at each answer describing the work that names a sign of another trade only, in
/// `language` (the trades named by the library's words in it).
pub(super) fn other_trades_words(
    file: &str,
    text: &str,
    answers: &Answers,
    library: &Library,
    language: Language,
) -> Vec<Diagnostic> {
    let signs = &library.trades.signs;
    let Some(Value::Text(own)) = answers.get(PROFESSION) else {
        return Vec::new();
    };
    if signs.is_empty() {
        return Vec::new();
    }
    // Most contracts have no such word: the file is read again for where the words are only
    // when the answers hold one.
    let foreign = |value: &str| !signs.foreign(value, own).is_empty();
    let any = DESCRIBING_THE_WORK
        .iter()
        .filter_map(|term| library.term_key(*term))
        .filter_map(|key| answers.get(key))
        .any(|value| texts(value).into_iter().any(foreign));
    if !any {
        return Vec::new();
    }
    let Ok(given) = answers::read_given(file, text, library) else {
        return Vec::new();
    };
    let words = super::words::of(language);
    // The trades' and the lists' names in the language the warning is said in.
    let asked = library.asking_in(language);
    let named_in = asked.as_ref().unwrap_or(library);
    let mut found = Vec::new();
    let mut check = |what: String, located: &Located| {
        let Scalar::Str(value) = &located.scalar else {
            return;
        };
        let found_words = signs.foreign(value, own);
        let Some((first, _)) = found_words.first() else {
            return;
        };
        let (line, column, width) = place_of(text, located, &value[first.clone()]);
        // The trades in the order the profession's choices give them; at most two named.
        let mut trades: Vec<&str> = found_words
            .iter()
            .flat_map(|(_, t)| t.iter().copied())
            .collect();
        trades.sort_by_key(|trade| choice_index(library, trade));
        trades.dedup();
        let mut named: Vec<String> = trades
            .iter()
            .take(2)
            .map(|t| trade_name(named_in, t, language))
            .collect();
        if trades.len() > 2 {
            named.truncate(1);
            named.push((words.other_trades)(trades.len() - 1));
        }
        let quoted: Vec<String> = found_words
            .iter()
            .map(|(range, _)| format!("“{}”", &value[range.clone()]))
            .collect();
        let message = (words.other_trade)(&OtherTrade {
            what: &what,
            words: &quoted,
            trades: &named,
            own: &trade_name(named_in, own, language),
            key: PROFESSION,
            answer: own,
        });
        found.push(Diagnostic::warning(file, text, line, column, message).with_width(width));
    };
    for term in DESCRIBING_THE_WORK {
        let Some(question) = library.term_key(term).and_then(|key| library.question(key)) else {
            continue;
        };
        let key = &question.key;
        // An answer the contract leaves out says nothing in it.
        if answers.get(key).is_none() {
            continue;
        }
        if question.ty == Type::List {
            let Some(list) = given.lists.get(key) else {
                continue;
            };
            for (index, record) in list.records.iter().enumerate() {
                for (field, located) in &record.fields {
                    let text_field = question
                        .fields
                        .iter()
                        .any(|f| f.key == *field && f.ty == Type::Text);
                    if text_field {
                        let item = named_in.question(key).map_or(&question.item, |q| &q.item);
                        check((words.record_of)(key, item, index + 1), located);
                    }
                }
            }
        } else if question.ty == Type::Text
            && let Some(located) = given.values.get(key)
        {
            check((words.answer)(key), located);
        }
    }
    found
}

/// The texts a value holds: itself, or each text field of each record of a list.
fn texts(value: &Value) -> Vec<&str> {
    match value {
        Value::Text(text) => vec![text.as_str()],
        Value::List(records) => records
            .iter()
            .flat_map(|record| record.iter().flat_map(|(_, value)| texts(value)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The line, column and width of `word` in the file: where the value at `located` (which may
/// run over several lines) first holds it, else the value's own place.
fn place_of(text: &str, located: &Located, word: &str) -> (usize, usize, usize) {
    // The whole word, else (a phrase broken over two lines of the file) its first part.
    let part = word.split_whitespace().next().unwrap_or(word);
    let lines = match &located.scalar {
        Scalar::Str(value) => value.lines().count() + 1,
        _ => 1,
    };
    for (index, line) in text
        .lines()
        .enumerate()
        .skip(located.line.saturating_sub(1))
        .take(lines)
    {
        let from = if index + 1 == located.line {
            line.char_indices()
                .nth(located.column.saturating_sub(1))
                .map_or(line.len(), |(at, _)| at)
        } else {
            0
        };
        for needle in [word, part] {
            if let Some(at) = line[from..].find(needle) {
                let column = line[..from + at].chars().count() + 1;
                return (index + 1, column, needle.chars().count());
            }
        }
    }
    (
        located.line,
        located.column,
        answers::scalar_width(text, located),
    )
}

/// How the contract's words name `trade`: its choice's label, lower case ("web design",
/// Turkish "illüstrasyon" with Turkish casing), else the profession as written.
fn trade_name(library: &Library, trade: &str, language: Language) -> String {
    library
        .question(PROFESSION)
        .and_then(|q| q.choices.iter().find(|c| c.value == trade))
        .map(|c| c.label.as_str())
        .filter(|label| !label.is_empty())
        .map_or_else(
            || trade.to_owned(),
            |label| {
                let mut chars = label.chars();
                chars
                    .next()
                    .map_or_else(String::new, |first| match (language, first) {
                        (Language::Tr, 'İ') => std::iter::once('i').chain(chars).collect(),
                        (Language::Tr, 'I') => std::iter::once('ı').chain(chars).collect(),
                        _ => first.to_lowercase().chain(chars).collect(),
                    })
            },
        )
}

/// Where `trade` stands among the profession's choices (the last place when it is none).
fn choice_index(library: &Library, trade: &str) -> usize {
    library
        .question(PROFESSION)
        .and_then(|q| q.choices.iter().position(|c| c.value == trade))
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use crate::answers;
    use crate::library::{self, Library};

    const FIRST_TIME: &str = include_str!("../../examples/first-time-us.yaml");

    fn built_in() -> Library {
        library::load(&library::built_in_files())
            .into_library()
            .unwrap()
    }

    /// The findings about other trades' words, as (line, column, width, message).
    fn speaking(library: &Library, text: &str) -> Vec<(usize, usize, usize, String)> {
        let answers = answers::parse("terms.yaml", text, library).unwrap();
        crate::lint::lint("terms.yaml", text, &answers, library)
            .into_iter()
            .filter(|d| d.message.contains(" speaks of "))
            .map(|d| (d.line, d.column, d.width, d.message))
            .collect()
    }

    /// The first-time example for `profession`, its copyright transferred (so that no trade
    /// asks for a licence's media), its name `name`.
    fn answers_for(profession: &str, name: &str) -> String {
        FIRST_TIME
            .replace(
                "  profession: web-design\n",
                &format!("  profession: {profession}\n"),
            )
            .replace(
                "  mode: license-to-client\n",
                "  mode: transfer-keep-portfolio-license\n",
            )
            .replace(
                "  name: Capitol Bakery website redesign\n",
                &format!("  name: {name}\n"),
            )
    }

    #[test]
    fn a_trade_is_named_in_lower_case_with_turkish_casing_in_turkish() {
        use crate::model::Language::{En, Tr};
        let library = built_in();
        let turkish = library.asking_in(Tr).unwrap();
        let name = |library: &Library, trade, language| super::trade_name(library, trade, language);
        assert_eq!(name(&turkish, "illustration", Tr), "illüstrasyon");
        assert_eq!(name(&turkish, "web-design", Tr), "web tasarımı");
        assert_eq!(name(&library, "illustration", En), "illustration");
    }

    #[test]
    fn every_example_speaks_of_its_own_trade_only() {
        let library = built_in();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(speaking(&library, &text), [], "{}", path.display());
            read += 1;
        }
        assert!(read >= 15, "{read}");
    }

    #[test]
    fn a_word_of_each_trade_is_a_warning_in_another_trades_contract() {
        let library = built_in();
        // For each trade, a word only it uses, and a trade whose contract it does not fit.
        let cases = [
            (
                "web-design",
                "web design",
                "wireframes",
                "translation",
                "translation",
            ),
            (
                "software-development",
                "software development",
                "iOS",
                "web-design",
                "web design",
            ),
            (
                "graphic-design",
                "graphic design",
                "letterhead",
                "photography",
                "photography",
            ),
            (
                "illustration",
                "illustration",
                "storyboard",
                "copywriting",
                "copywriting",
            ),
            (
                "copywriting",
                "copywriting",
                "tagline",
                "graphic-design",
                "graphic design",
            ),
            (
                "translation",
                "translation",
                "localisation",
                "consulting",
                "consulting",
            ),
            (
                "photography",
                "photography",
                "headshots",
                "illustration",
                "illustration",
            ),
            (
                "consulting",
                "consulting",
                "due diligence",
                "software-development",
                "software development",
            ),
        ];
        let professions: Vec<&str> = library
            .question(crate::model::keys::PROFESSION)
            .unwrap()
            .choices
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(professions.len(), cases.len());
        for (trade, trade_name, word, other, other_name) in cases {
            assert!(professions.contains(&trade), "{trade}");
            let name = format!("Capitol Bakery {word} for spring");
            // The rest of the example is web design's: only the name's line is looked at.
            let at_name = |text: &str| {
                let line = text.lines().position(|l| l.contains(&name)).unwrap() + 1;
                let found: Vec<_> = speaking(&library, text)
                    .into_iter()
                    .filter(|f| f.0 == line)
                    .collect();
                (line, found)
            };
            // In its own trade's contract, the word is at home.
            assert_eq!(at_name(&answers_for(trade, &name)).1, [], "{trade}");
            let (line, found) = at_name(&answers_for(other, &name));
            assert_eq!(
                found,
                [(
                    line,
                    24,
                    word.chars().count(),
                    format!(
                        "`project.name` speaks of “{word}”, a word of {trade_name}, but this contract is for {other_name} (`freelancer.profession: {other}`): was it written for another contract? Reword it, or change `freelancer.profession`"
                    )
                )],
                "{trade} in {other}"
            );
        }
    }

    #[test]
    fn a_copied_web_design_contract_is_found_out_at_each_answer_that_describes_the_work() {
        let library = built_in();
        let text = FIRST_TIME
            .replace("  profession: web-design\n", "  profession: translation\n")
            .replace(
                "  mode: license-to-client\n",
                "  mode: transfer-keep-portfolio-license\n",
            );
        let got = speaking(&library, &text);
        let at = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        let expect = [
            (
                at("  name: Capitol Bakery website redesign"),
                "`project.name` speaks of “website”, a word of web design and 5 other trades",
            ),
            (
                at("visual style for the website"),
                "`project.scope` (deliverable 1) speaks of “website”",
            ),
            (
                at("responsive WordPress pages"),
                "`project.scope` (deliverable 2) speaks of “WordPress”, a word of web design and software development",
            ),
            (
                at("existing hosting account"),
                "`project.scope` (deliverable 5) speaks of “hosting”",
            ),
            (at("line: Website by"), "`credit.line` speaks of “Website”"),
            (
                at("name: Website launched"),
                "`milestones` (milestone 2) speaks of “Website”",
            ),
        ];
        assert_eq!(got.len(), expect.len(), "{got:#?}");
        for ((line, _, _, message), (want_line, start)) in got.iter().zip(expect) {
            assert_eq!(*line, want_line, "{message}");
            assert!(message.starts_with(start), "{message}");
            assert!(
                message.contains("but this contract is for translation"),
                "{message}"
            );
        }
    }

    #[test]
    fn words_in_turkish_and_in_a_block_of_lines_are_found_at_their_own_line() {
        let library = built_in();
        // The scope in a block of lines rather than a list (and so no milestones).
        let mut text = String::new();
        let mut in_list = false;
        for line in answers_for("web-design", "Capitol Bakery").lines() {
            if line == "  scope:" || line == "milestones:" {
                in_list = true;
                if line == "  scope:" {
                    text.push_str(
                        "  description: |-\n    Menü kartlarının\n    İngilizce çevirisi\n",
                    );
                }
                continue;
            }
            in_list = in_list && (line.starts_with("    ") || line.starts_with("  - "));
            if !in_list {
                text.push_str(line);
                text.push('\n');
            }
        }
        let got = speaking(&library, &text);
        let line = text
            .lines()
            .position(|l| l.contains("İngilizce çevirisi"))
            .unwrap()
            + 1;
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!((got[0].0, got[0].1, got[0].2), (line, 15, 8));
        assert!(
            got[0].3.starts_with("`project.description` speaks of “çevirisi”, a word of translation, but this contract is for web design"),
            "{}",
            got[0].3
        );
    }
}
