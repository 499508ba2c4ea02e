//! The reference table of answers keys: takes a [`Library`] and returns a Markdown table with
//! one row per declared question (key, type, required, default, limits, when it applies), read
//! from the declarations alone. The README's table is this function's output, and a test
//! compares the two, so the documentation cannot drift from `library.yaml`.

use crate::library::Library;
use crate::model::Question;

/// The Markdown table of every key of `library`, in interview order.
#[must_use]
pub fn keys_table(library: &Library) -> String {
    let mut out = String::from(
        "| key | type | required | default | accepts | asked when |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for question in library.questions() {
        let cells = [
            format!("`{}`", question.key),
            question.ty.to_string(),
            if question.required { "yes" } else { "no" }.to_owned(),
            default_text(question),
            question.ty.expectation(question),
            question
                .when
                .as_ref()
                .map_or_else(|| "always".to_owned(), |when| format!("`{when}`")),
        ];
        let cells: Vec<String> = cells.iter().map(|cell| escape(cell)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The plain default and the conditional ones, as written in an answers file (`none` when it
/// has neither).
pub(crate) fn default_text(question: &Question) -> String {
    let mut parts: Vec<String> = question
        .defaults
        .iter()
        .map(|(when, value)| {
            // A `defaults` entry without `when` is loaded as the condition that always holds.
            if when.to_string() == "true == true" {
                format!("otherwise {}", value.to_yaml())
            } else {
                format!("{} when `{when}`", value.to_yaml())
            }
        })
        .collect();
    match &question.default {
        Some(value) if parts.is_empty() => parts.push(value.to_yaml()),
        Some(value) => parts.push(format!("else {}", value.to_yaml())),
        None => {}
    }
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join("; ")
    }
}

/// A table cell: `|` would end the cell, and a line break the row.
fn escape(cell: &str) -> String {
    cell.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{self, SourceFile};

    #[test]
    fn each_question_is_a_row_with_its_type_default_and_limits() {
        let files = vec![SourceFile {
            relative: library::LIBRARY_FILE.into(),
            display: library::LIBRARY_FILE.into(),
            text: "title: Test Agreement
sections:
  - title: Terms
    questions:
      - key: client.name
        type: text
        prompt: The client's name
        required: true
      - key: kill_fee.enabled
        type: bool
        prompt: Kill fee?
        default: true
      - key: kill_fee.days
        type: integer
        prompt: Days
        when: kill_fee.enabled
        default: 15
        min: 5
        max: 60
      - key: note
        type: text
        prompt: A note with a | bar
        defaults: [{ when: 'kill_fee.days > 10', value: 'a | b' }, { value: plain }]
"
            .into(),
        }];
        let library = library::load(&files).into_library().expect("it loads");
        let table = keys_table(&library);
        let rows: Vec<&str> = table.lines().collect();
        assert_eq!(rows.len(), 6, "{table}");
        assert_eq!(
            rows[2],
            "| `client.name` | text | yes | none | text | always |"
        );
        assert_eq!(
            rows[4],
            "| `kill_fee.days` | integer | no | 15 | a whole number from 5 to 60 | `kill_fee.enabled` |"
        );
        assert!(
            rows[5].contains(r#"| "a \| b" when `kill_fee.days > 10`; "#)
                && rows[5].contains(r#"; otherwise "plain" |"#),
            "{table}"
        );
    }
}
