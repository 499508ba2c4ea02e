//! Records: takes the records of a `list` as an answers file wrote them ([`LocatedList`]) and
//! returns the typed list, or a located [`Problem`] for each bad field and each missing
//! required one.

use super::problem::{Facts, Problem};
use super::read::LocatedList;
use super::read::{scalar_width, written_money};
use crate::error::Diagnostic;
use crate::model::{Question, Record, Value, typed_value, typed_value_why};

/// Types every record of `list`, declared by `question`, its amounts read in `currency`
/// ([`typed_value_in`]: a price that reads two ways is refused with both readings); every
/// problem is reported.
pub(crate) fn typed_records(
    file: &str,
    text: &str,
    question: &Question,
    list: &LocatedList,
    currency: &str,
) -> Result<Value, Vec<Problem>> {
    let key = &question.key;
    let mut diagnostics = Vec::new();
    let mut records = Vec::new();
    for (n, written) in list.records.iter().enumerate() {
        let number = n + 1;
        let mut record: Record = Vec::new();
        for field in &question.fields {
            let given = written.fields.iter().find(|(k, _)| *k == field.key);
            match given {
                // Blank (spaces, a zero-width space) is no answer, as for a single value: the
                // field's default applies, and a required field without one is an error here.
                Some((_, located)) if is_blank(field, located) => {
                    if let Some(default) = &field.default {
                        record.push((field.key.clone(), default.clone()));
                    } else if field.required {
                        diagnostics.push(Problem::new(
                            Diagnostic::error(
                                file,
                                text,
                                located.line,
                                located.column,
                                format!(
                                    "`{}` of {} {number} of `{key}` is blank: a required field needs at least one visible character ({})",
                                    field.key, question.item, field.prompt
                                ),
                            )
                            .with_width(scalar_width(text, located)),
                            Facts::FieldBlank {
                                key: key.clone(),
                                field: field.key.clone(),
                                number,
                            },
                        ));
                    }
                }
                Some((_, located)) => match typed_value_why(
                    field,
                    &written_money(text, located, field.ty),
                    Some(currency),
                ) {
                    Ok(value) => record.push((field.key.clone(), value)),
                    Err(refusal) => diagnostics.push(Problem::new(
                        Diagnostic::error(
                            file,
                            text,
                            located.line,
                            located.column,
                            format!(
                                "`{}` of {} {number} of `{key}` {refusal}",
                                field.key, question.item
                            ),
                        )
                        .with_width(scalar_width(text, located)),
                        Facts::FieldRefused {
                            key: key.clone(),
                            field: field.key.clone(),
                            number,
                            refusal,
                        },
                    )),
                },
                // Its value is reported already, as written.
                None if written.refused.contains(&field.key) => {}
                None => {
                    if let Some(default) = &field.default {
                        record.push((field.key.clone(), default.clone()));
                    } else if field.required {
                        diagnostics.push(Problem::new(
                            Diagnostic::error(
                                file,
                                text,
                                written.line,
                                written.column,
                                format!(
                                    "{} {number} of `{key}` has no `{}`, which is required: {}",
                                    question.item, field.key, field.prompt
                                ),
                            ),
                            Facts::FieldMissing {
                                key: key.clone(),
                                field: field.key.clone(),
                                number,
                            },
                        ));
                    }
                }
            }
        }
        records.push(record);
    }
    if diagnostics.is_empty() {
        Ok(Value::List(records))
    } else {
        Err(diagnostics)
    }
}

/// Whether a field's value, as written, is blank: only spaces, invisible or control
/// characters, which typing reads as empty text.
fn is_blank(field: &Question, located: &super::read::Located) -> bool {
    matches!(typed_value(field, &located.scalar), Ok(Value::Text(text)) if text.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::answers::parse;
    use crate::error::Error;
    use crate::library::{self, Library, SourceFile};
    use crate::model::Value;

    const DECLARATIONS: &str = "title: Test Agreement
sections:
  - title: The project
    questions:
      - key: project.scope
        type: list
        item: deliverable
        prompt: What you will deliver
        required: true
        fields:
          - key: item
            type: text
            prompt: The deliverable
            required: true
          - key: price
            type: money
            prompt: Its price
          - key: rounds
            type: integer
            prompt: Revision rounds
            default: 2
            min: 0
            max: 5
";

    const CLAUSE: &str = "id: scope
title: Scope
order: 1
body: |
  {{#each project.scope}}
  - {{this.item}}{{#if this.price}}: {{money this.price}}{{/if}}, {{words rounds}} rounds
  {{/each}}
";

    fn library() -> Library {
        let files =
            [("library.yaml", DECLARATIONS), ("010-scope.yaml", CLAUSE)].map(|(name, text)| {
                SourceFile {
                    relative: name.into(),
                    display: name.into(),
                    text: text.into(),
                }
            });
        library::load(&files).into_library().unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        match parse("a.yaml", text, &library()) {
            Err(Error::Diagnostics(found)) => found
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn records_are_typed_field_by_field_with_defaults() {
        let text = "project:\n  scope:\n    - item: Logo\n      price: \"1,200.00\"\n    - item: \"*Brand* <b>guide</b>\"\n      rounds: 0\n";
        let answers = parse("a.yaml", text, &library()).unwrap();
        let Some(Value::List(records)) = answers.get("project.scope") else {
            panic!("{answers:?}");
        };
        assert_eq!(records.len(), 2);
        assert_eq!(
            records[0],
            vec![
                ("item".to_owned(), Value::Text("Logo".into())),
                (
                    "price".to_owned(),
                    Value::Number(rust_decimal::Decimal::new(120_000, 2))
                ),
                ("rounds".to_owned(), Value::Integer(2)),
            ]
        );
        assert_eq!(records[1].len(), 2, "no price: {:?}", records[1]);
        // Written back, the list reads as the same answers.
        let written = answers.to_yaml(&library());
        assert!(
            written.contains("  scope:\n    - item: \"Logo\"\n      price: \"1200\"\n      rounds: 2\n    - item:"),
            "{written}"
        );
        assert_eq!(parse("b.yaml", &written, &library()).unwrap(), answers);
    }

    #[test]
    fn every_bad_field_is_reported_at_its_line() {
        let text = "project:\n  scope:\n    - item: Logo\n      price: \"12,00\"\n    - price: \"5\"\n    - item: Site\n      rounds: 9\n      colour: red\n    - just text\n";
        assert_eq!(
            problems(text),
            [
                "a.yaml:4:14: `price` of deliverable 1 of `project.scope` is \"12,00\"; expected an amount such as 1250.00 from 0 to 1,000,000,000,000",
                "a.yaml:5:7: deliverable 2 of `project.scope` has no `item`, which is required: The deliverable",
                "a.yaml:7:15: `rounds` of deliverable 3 of `project.scope` is 9; expected a whole number from 0 to 5",
                "a.yaml:8:7: `colour` is not a field of `project.scope`; its fields are `item`, `price`, `rounds`",
                "a.yaml:9:7: deliverable 4 of `project.scope` is not a mapping; write its fields `item`, `price`, `rounds` as `field: value` lines",
            ]
        );
    }

    #[test]
    fn a_price_is_read_by_the_rule_of_every_amount() {
        // A symbol and grouping are accepted, as for the fee.
        let text = "project:\n  scope:\n    - item: Logo\n      price: \"$1,200\"\n";
        let answers = parse("a.yaml", text, &library()).unwrap();
        let Some(Value::List(records)) = answers.get("project.scope") else {
            panic!("{answers:?}");
        };
        assert_eq!(
            records[0][1].1,
            Value::Number(rust_decimal::Decimal::new(1200, 0))
        );
        // A price that reads two ways, quoted or not (YAML reads a plain 1.250 as 1.25), is
        // refused with both readings rather than read as $1.25.
        let text = "project:\n  scope:\n    - item: Logo\n      price: 1.250\n    - item: Site\n      price: \"9.800\"\n";
        assert_eq!(
            problems(text),
            [
                "a.yaml:4:14: `price` of deliverable 1 of `project.scope` is \"1.250\", which reads two ways: 1250 (the `.` grouping thousands) or 1.25 (the `.` before the cents); write 1250 or 1.25",
                "a.yaml:6:14: `price` of deliverable 2 of `project.scope` is \"9.800\", which reads two ways: 9800 (the `.` grouping thousands) or 9.8 (the `.` before the cents); write 9800 or 9.8",
            ]
        );
    }

    #[test]
    fn a_single_value_or_an_empty_list_is_not_a_scope() {
        assert_eq!(
            problems("project:\n  scope: Logo and site\n"),
            [
                "a.yaml:2:3: `project.scope` takes a list of deliverables, one `- ` entry a line below the key"
            ]
        );
        assert_eq!(
            problems("project:\n  scope: []\n"),
            ["a.yaml:1:1: `project.scope` is required: What you will deliver"]
        );
    }

    #[test]
    fn the_records_render_through_each_escaped() {
        let text = "project:\n  scope:\n    - item: Logo\n      price: \"1200\"\n    - item: \"*Brand* {{x}}\"\n";
        let library = library();
        let answers = parse("a.yaml", text, &library).unwrap();
        let contract = crate::assemble::assemble(&library, &answers);
        let markdown =
            crate::render::render(&contract, &answers, crate::format::Locale::EnUs).unwrap();
        assert!(
            markdown.contains(
                "- Logo: $1,200.00, two (2) rounds\n- \\*Brand\\* {{x}}, two (2) rounds\n"
            ),
            "{markdown}"
        );
    }
}
