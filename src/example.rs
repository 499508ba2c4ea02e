//! The answers file `clausewright example` prints: takes a [`Library`] and the answers of a
//! worked example, and returns a commented answers file holding every question of the library.
//!
//! Each key comes with its prompt and help as comments, then what it accepts (type and
//! limits), whether it is required, its default and when it applies, all read from the
//! declarations. Answered keys carry the example's value; the others are written commented out
//! (with their default, when they have one), so that removing the `#` answers them. The file
//! reads back as the same answers.
//!
//! The comments are in one language ([`words`]): the library's questions in it, and the
//! words around them from that language's catalogue.

pub(crate) mod words;

use crate::answers::{Answers, RESERVED_KEY};
use crate::library::Library;
use crate::model::{Language, Question};

/// The width comments are wrapped to.
const WIDTH: usize = 100;

/// The commented answers file, its comments in `language`; `origin` names the example the
/// values come from. `library` is the library whose words (title, sections, questions) are in
/// that language.
#[must_use]
pub fn example_file(
    library: &Library,
    answers: &Answers,
    origin: &str,
    language: Language,
) -> String {
    let words = words::of(language);
    let mut out = String::new();
    push_comment(&mut out, 0, &(words.intro)(&library.title, origin));
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut headed: Vec<usize> = Vec::new();
    for (section, question) in library.file_order() {
        if !headed.contains(&section) {
            out.push('\n');
            push_comment(&mut out, 0, &library.sections[section].title);
            headed.push(section);
        }
        let segments: Vec<&str> = question.key.split('.').collect();
        let (name, parents) = segments.split_last().unwrap_or((&"", &[]));
        let value = answers.get(&question.key);
        // The open parents, each marked whether it was written for real or commented out.
        let common = open
            .iter()
            .zip(parents.iter())
            .take_while(|((open, real), parent)| open == *parent && (*real || value.is_none()))
            .count();
        open.truncate(common);
        for (depth, parent) in parents.iter().enumerate().skip(common) {
            // Parents of an unanswered key are commented out too, so that the key reads
            // as a whole once its `#` marks are removed.
            let mark = if value.is_some() { "" } else { "# " };
            out.push_str(&format!("{}{mark}{parent}:\n", "  ".repeat(depth)));
            open.push((parent, value.is_some()));
        }
        let depth = parents.len();
        let indent = "  ".repeat(depth);
        push_comment(&mut out, depth, &question.prompt);
        if let Some(help) = &question.help {
            push_comment(&mut out, depth, help);
        }
        push_comment(&mut out, depth, &facts(question, words));
        if let Some(value) = value {
            out.push_str(&format!(
                "{indent}{name}:{}\n",
                value.to_yaml_after_key(depth)
            ));
        } else {
            let default = question
                .default_for(|key| answers.get(key))
                .map(|value| format!(" {}", value.to_yaml()))
                .unwrap_or_default();
            out.push_str(&format!("{indent}# {name}:{default}\n"));
        }
    }
    if answers.late_payer_applied {
        out.push_str(&format!(
            "\n# {}\n{RESERVED_KEY}:\n  late_payer_applied: true\n",
            words.late_payer_applied
        ));
    }
    out
}

/// One line on what a question accepts: "Required: an amount such as 1250.00; default ...".
fn facts(question: &Question, words: &words::Words) -> String {
    let mut facts = vec![format!(
        "{}: {}",
        if question.required {
            words.required
        } else {
            words.optional
        },
        (words.expectation)(question)
    )];
    if let Some(default) = &question.default {
        facts.push((words.default)(&default.to_yaml()));
    }
    for (when, value) in &question.defaults {
        facts.push(if when.is_always() {
            (words.default_otherwise)(&value.to_yaml())
        } else {
            (words.default_when)(&value.to_yaml(), &when.to_string())
        });
    }
    if let Some(when) = &question.when {
        facts.push((words.only_when)(&when.to_string()));
    }
    if question.rate {
        facts.push(words.rate.into());
    }
    format!("{}.", facts.join("; "))
}

/// `text` as `# ` comment lines at `depth`, wrapped at [`WIDTH`] columns.
fn push_comment(out: &mut String, depth: usize, text: &str) {
    let prefix = format!("{}# ", "  ".repeat(depth));
    let room = WIDTH.saturating_sub(prefix.len()).max(20);
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                out.push_str(&format!("{prefix}{line}\n"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(prefix.trim_end());
        if !line.is_empty() {
            out.push(' ');
            out.push_str(&line);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{self, SourceFile};

    fn library(yaml: &str) -> Library {
        let files = vec![SourceFile {
            relative: library::LIBRARY_FILE.into(),
            display: library::LIBRARY_FILE.into(),
            text: yaml.into(),
        }];
        library::load(&files)
            .into_library()
            .expect("the test library loads")
    }

    const LIBRARY: &str = "title: Test Agreement
sections:
  - title: The client
    questions:
      - key: client.name
        type: text
        prompt: The client's name
        help: The registered name.
        required: true
      - key: client.contact
        type: text
        prompt: The person who acts for the client
  - title: Safeguards
    questions:
      - key: kill_fee.enabled
        type: bool
        prompt: Stop work if the client goes silent?
        default: false
      - key: kill_fee.days
        type: integer
        prompt: Days of silence
        when: kill_fee.enabled
        default: 15
        min: 5
        max: 60
";

    #[test]
    fn a_default_without_a_condition_is_the_one_left_otherwise() {
        let library = library(&format!(
            "{LIBRARY}      - key: kill_fee.notice
        type: choice
        prompt: How the warning is sent
        choices:
          - value: email
            label: By email
          - value: letter
            label: By letter
        defaults:
          - when: kill_fee.enabled
            value: email
          - value: letter
"
        ));
        let answers = crate::answers::parse("a.yaml", "client:\n  name: Acme\n", &library)
            .expect("the answers parse");
        // The comments wrap: read as one line.
        let unwrapped = |file: String| file.replace("\n  # ", " ");
        let english = unwrapped(example_file(&library, &answers, "a.yaml", Language::En));
        assert!(
            english
                .contains("default \"email\" when kill_fee.enabled; default \"letter\" otherwise."),
            "{english}"
        );
        assert!(!english.contains("true == true"), "{english}");
        let turkish = unwrapped(example_file(&library, &answers, "a.yaml", Language::Tr));
        assert!(
            turkish.contains("aksi hâlde varsayılanı \"letter\""),
            "{turkish}"
        );
        assert!(!turkish.contains("true == true"), "{turkish}");
    }

    #[test]
    fn answered_keys_are_written_and_the_others_commented_with_their_facts() {
        let library = library(LIBRARY);
        let answers = crate::answers::parse("a.yaml", "client:\n  name: Acme\n", &library)
            .expect("the answers parse");
        let file = example_file(&library, &answers, "a.yaml", Language::En);
        assert!(
            file.contains("client:\n  # The client's name\n  # The registered name.\n  # Required: text.\n  name: \"Acme\"\n"),
            "{file}"
        );
        assert!(file.contains("  # contact:\n"), "{file}");
        assert!(file.contains("kill_fee:\n"), "{file}");
        assert!(
            file.contains(
                "  # Optional: a whole number from 5 to 60; default 15; only when kill_fee.enabled.\n  # days: 15\n"
            ),
            "{file}"
        );
        let again = crate::answers::parse("b.yaml", &file, &library).expect("the file reads back");
        assert_eq!(again, answers);
    }

    #[test]
    fn a_group_with_no_answer_is_commented_out_whole() {
        let library = library(LIBRARY);
        let mut answers = Answers::default();
        answers.set("client.name", crate::model::Value::Text("Acme".into()));
        let file = example_file(&library, &answers, "a.yaml", Language::En);
        assert!(
            file.contains("# kill_fee:\n  # Stop work if the client goes silent?\n"),
            "{file}"
        );
        assert_eq!(file.matches("kill_fee:").count(), 1, "{file}");
        let uncommented = file
            .replace("# kill_fee:", "kill_fee:")
            .replace("  # enabled: false", "  enabled: true");
        let read = crate::answers::parse("b.yaml", &uncommented, &library).expect("it reads");
        assert_eq!(
            read.get("kill_fee.enabled"),
            Some(&crate::model::Value::Bool(true))
        );
    }

    #[test]
    fn a_turkish_example_says_in_turkish_what_each_key_takes() {
        let library = library(LIBRARY);
        let mut answers = crate::answers::parse("a.yaml", "client:\n  name: Acme\n", &library)
            .expect("the answers parse");
        answers.late_payer_applied = true;
        let file = example_file(&library, &answers, "examples/a.yaml", Language::Tr);
        assert!(
            file.starts_with(
                "# “Test Agreement” sözleşme kütüphanesi için bir yanıt dosyası; değerler \
                 examples/a.yaml örneğinden\n# alınmıştır."
            ),
            "{file}"
        );
        for line in [
            "  # Zorunlu: bir metin.\n  name: \"Acme\"\n",
            "  # İsteğe bağlı: true ya da false; varsayılanı false.\n",
            "  # İsteğe bağlı: 5 ile 60 arasında bir tam sayı; varsayılanı 15; yalnızca şu koşulda \
             sorulur:\n  # kill_fee.enabled.\n  # days: 15\n",
            "\n# Ücretler, daha önce geç ödeme yapmış bir müşteri için zaten çarpıldı.\n\
             clausewright:\n  late_payer_applied: true\n",
        ] {
            assert!(file.contains(line), "{line:?} is not in:\n{file}");
        }
        for english in [
            "Required",
            "Optional",
            "default",
            "only when",
            "whole number",
        ] {
            assert!(!file.contains(english), "{english:?} is in:\n{file}");
        }
        let again = crate::answers::parse("b.yaml", &file, &library).expect("the file reads back");
        assert_eq!(again, answers);
    }

    #[test]
    fn comments_wrap_at_the_width() {
        let mut out = String::new();
        push_comment(&mut out, 1, &"word ".repeat(60));
        assert!(
            out.lines()
                .all(|line| line.len() <= WIDTH && line.starts_with("  # ")),
            "{out}"
        );
        assert_eq!(out.matches("word").count(), 60);
    }
}
