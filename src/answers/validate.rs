//! Validation: takes an answers file and returns [`Answers`] typed against the library's
//! declarations, defaulted, and with every problem in the file reported at once.

use super::agree::{Written, contradictions};
use super::problem::{Fault, Invalid, PlaceWhy};
use super::read::{
    Located, Parsed, invalid_at, parse_yaml, read_parsed, scalar_width, scalar_width_in,
    written_money,
};
use super::records::typed_records;
use super::{Answers, Given, given_currency, place_of};
use crate::error::{Diagnostic, Error};
use crate::library::Library;
use crate::model::keys::{COUNTRY, CURRENCY, REGION};
use crate::model::{Value, finer_than_minor_unit, typed_value_why};

/// Parses and validates an answers file against the library; every problem in it is an
/// English diagnostic.
pub fn parse(file: &str, text: &str, library: &Library) -> Result<Answers, Error> {
    check(file, text, library).map_err(|found| {
        Error::Diagnostics(
            found
                .into_iter()
                .map(|invalid| invalid.diagnostic)
                .collect(),
        )
    })
}

/// [`parse`], with every problem as facts as well as an English diagnostic ([`Invalid`]),
/// for `build` to say in the contract's language.
pub(crate) fn check(file: &str, text: &str, library: &Library) -> Result<Answers, Vec<Invalid>> {
    check_parsed(file, text, parse_yaml(text), library)
}

/// [`check`], of the text `parsed` was read from (see [`parse_yaml`]).
#[allow(clippy::too_many_lines)]
pub(crate) fn check_parsed(
    file: &str,
    text: &str,
    parsed: Parsed,
    library: &Library,
) -> Result<Answers, Vec<Invalid>> {
    let text_of_file = text;
    if text.trim().is_empty() {
        return Err(vec![Invalid::new(
            Diagnostic::file_error(file, String::new()),
            Fault::Empty,
            library,
        )]);
    }
    let Given {
        values: found,
        lists,
        problems,
        late_payer_applied,
        parents,
        refused,
    } = read_parsed(file, text, parsed, library)
        .map_err(|refused| refused.into_iter().map(Invalid::from).collect::<Vec<_>>())?;
    let mut diagnostics: Vec<Invalid> = problems.into_iter().map(Invalid::from).collect();
    let at_value =
        |located: &Located, fault: Fault| invalid_at(file, text, located, fault, library);
    let mut answers = Answers {
        late_payer_applied,
        ..Answers::default()
    };
    // The scope's prices come before the currency in the file's order: they are read in the
    // currency the file names.
    let currency = given_currency(&found, library);
    // Answers given with an error: whether a later question applies cannot be known from
    // them, so such a question is neither required nor defaulted (its error would only follow
    // from the first one).
    let mut failed: std::collections::BTreeSet<String> = refused.clone();
    for question in library.questions() {
        let unknowable = question
            .when
            .as_ref()
            .is_some_and(|when| when.keys().into_iter().any(|(key, _)| failed.contains(key)));
        if unknowable {
            failed.insert(question.key.clone());
            continue;
        }
        let applies = question
            .when
            .as_ref()
            .is_none_or(|when| when.eval(|key| answers.values.get(key)));
        let located = found.get(&question.key);
        if !applies || refused.contains(&question.key) {
            continue;
        }
        let errors_before = diagnostics.len();
        'answer: {
            if let Some(list) = lists.get(&question.key) {
                if list.malformed {
                    // Reported where it was read: an answer with an error all the same.
                    failed.insert(question.key.clone());
                    break 'answer;
                }
                match typed_records(file, text, question, list, &currency) {
                    // An empty list (`key: []`) is an unanswered question.
                    Ok(Value::List(records)) if records.is_empty() => {}
                    Ok(value) => {
                        answers.values.insert(question.key.clone(), value);
                        break 'answer;
                    }
                    Err(found) => {
                        diagnostics.extend(found.into_iter().map(Invalid::from));
                        break 'answer;
                    }
                }
            }
            // An empty value (read_given leaves it out) is an unanswered question.
            if let Some(located) = located {
                let currency = match answers.values.get(CURRENCY) {
                    Some(Value::Text(code)) => code.as_str(),
                    _ => currency.as_str(),
                };
                let scalar = written_money(text, located, question.ty);
                let key = question.key.clone();
                match typed_value_why(question, &scalar, Some(currency)) {
                    // Blank text (spaces, a zero-width space) is no answer: the default applies,
                    // and a required question without one is an error here, at the blank.
                    Ok(Value::Text(text)) if text.is_empty() => {
                        if let Some(default) = question.default_for(|key| answers.values.get(key)) {
                            answers.values.insert(question.key.clone(), default.clone());
                        } else if question.required {
                            diagnostics.push(at_value(located, Fault::Blank { key }));
                        }
                    }
                    Ok(value) => {
                        answers.values.insert(question.key.clone(), value);
                    }
                    Err(refusal) => {
                        diagnostics.push(at_value(located, Fault::Refused { key, refusal }));
                    }
                }
                break 'answer;
            }
            if let Some(default) = question.default_for(|key| answers.values.get(key)) {
                answers.values.insert(question.key.clone(), default.clone());
            } else if question.required {
                let parent = question.key.rsplit_once('.').map(|(p, _)| p);
                let place = match parent.and_then(|p| parents.get(p)) {
                    Some(&line) => Diagnostic::error(file, text_of_file, line, 1, String::new()),
                    None => Diagnostic::file_error(file, String::new()),
                };
                let fault = Fault::Required {
                    key: question.key.clone(),
                };
                diagnostics.push(Invalid::new(place, fault, library));
            }
        }
        if diagnostics.len() > errors_before {
            failed.insert(question.key.clone());
        }
    }
    minor_units(library, &answers, &found, &mut |located, fault| {
        diagnostics.push(at_value(located, fault));
    });
    list_minor_units(library, &answers, &lists, &mut |located, fault| {
        diagnostics.push(at_value(located, fault));
    });
    if diagnostics.is_empty() {
        let declares_country = library.question(COUNTRY).is_some();
        if let Err((key, english)) = place_of(&library.profiles, declares_country, &answers) {
            let parent = key.rsplit_once('.').map(|(p, _)| p);
            let place = match (found.get(key), parent.and_then(|p| parents.get(p))) {
                (Some(located), _) => {
                    Diagnostic::error(file, text, located.line, located.column, String::new())
                        .with_width(scalar_width(text, located))
                }
                (None, Some(&line)) => Diagnostic::error(file, text, line, 1, String::new()),
                (None, None) => Diagnostic::file_error(file, String::new()),
            };
            let why = place_why(library, &answers, key);
            let fault = Fault::Place {
                key: key.to_owned(),
                english,
                why,
            };
            diagnostics.push(Invalid::new(place, fault, library));
        }
    }
    if diagnostics.is_empty() {
        let written = Written {
            file,
            text,
            values: &found,
            lists: &lists,
        };
        diagnostics.extend(contradictions(library, &answers, &written));
    }
    if diagnostics.is_empty() {
        answers.places = places(text, &found, &lists);
        Ok(answers)
    } else {
        diagnostics.sort_by_key(|d| d.diagnostic.line);
        Err(diagnostics)
    }
}

/// The facts of a place that cannot be found, the answer at fault being `key`: a country
/// without a profile, a region the country does not have, or an answer the country requires.
fn place_why(library: &Library, answers: &Answers, key: &str) -> PlaceWhy {
    let text = |key: &str| match answers.get(key) {
        Some(Value::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    let country = text(COUNTRY).unwrap_or(crate::jurisdiction::OTHER);
    let profile = library.profiles.iter().find(|p| p.country == country);
    match (key, profile) {
        (_, None) => PlaceWhy::NoProfile {
            country: country.to_owned(),
            known: library.profiles.iter().map(|p| p.country.clone()).collect(),
        },
        (REGION, Some(profile)) => match text(REGION).filter(|r| !r.trim().is_empty()) {
            Some(answer) => profile
                .find_region_why(answer)
                .err()
                .map_or(PlaceWhy::Required, PlaceWhy::NotARegion),
            None => PlaceWhy::Required,
        },
        (_, Some(_)) => PlaceWhy::Required,
    }
}

/// Money written finer than its currency's smallest unit (`"1250.5"` yen): an error at the
/// amount, since the contract could only show it rounded.
fn minor_units(
    library: &Library,
    answers: &Answers,
    found: &std::collections::BTreeMap<String, Located>,
    report: &mut dyn FnMut(&Located, Fault),
) {
    let Some(Value::Text(code)) = answers.values.get(CURRENCY) else {
        return;
    };
    for question in library.questions() {
        if let (Some(Value::Number(amount)), Some(located)) =
            (answers.values.get(&question.key), found.get(&question.key))
            && question.ty == crate::model::Type::Money
            && finer_than_minor_unit(*amount, code).is_some()
        {
            report(
                located,
                Fault::Finer {
                    key: question.key.clone(),
                    amount: *amount,
                    currency: code.clone(),
                },
            );
        }
    }
}

/// Money fields of a list's records (a scope line's price, a milestone's payment) written
/// finer than the currency's smallest unit: each an error at the amount, as for a single
/// amount.
fn list_minor_units(
    library: &Library,
    answers: &Answers,
    lists: &std::collections::BTreeMap<String, super::read::LocatedList>,
    report: &mut dyn FnMut(&Located, Fault),
) {
    let Some(Value::Text(code)) = answers.values.get(CURRENCY) else {
        return;
    };
    for question in library.questions() {
        let (Some(Value::List(records)), Some(list)) =
            (answers.values.get(&question.key), lists.get(&question.key))
        else {
            continue;
        };
        // The typed records follow the written ones, one for one.
        for (number, (record, written)) in records.iter().zip(&list.records).enumerate() {
            for (field, value) in record {
                let money = question
                    .field(field)
                    .is_some_and(|f| f.ty == crate::model::Type::Money);
                let located = written.fields.iter().find(|(k, _)| k == field);
                if let (true, Value::Number(amount), Some((_, located))) = (money, value, located)
                    && finer_than_minor_unit(*amount, code).is_some()
                {
                    report(
                        located,
                        Fault::FieldFiner {
                            key: question.key.clone(),
                            field: field.clone(),
                            number: number + 1,
                            amount: *amount,
                            currency: code.clone(),
                        },
                    );
                }
            }
        }
    }
}

/// Where each value of an answers file is: line, column and width; a list is placed at its
/// key (`milestones:`), the width of the key's last segment.
fn places(
    text: &str,
    found: &std::collections::BTreeMap<String, Located>,
    lists: &std::collections::BTreeMap<String, super::read::LocatedList>,
) -> std::collections::BTreeMap<String, (usize, usize, usize)> {
    let lists = lists.iter().map(|(key, list)| {
        let width = key.rsplit('.').next().unwrap_or(key).chars().count();
        (key.clone(), (list.line, list.column, width))
    });
    let text_lines: Vec<&str> = text.lines().collect();
    found
        .iter()
        .map(|(key, located)| {
            let width = scalar_width_in(&text_lines, located);
            (key.clone(), (located.line, located.column, width))
        })
        .chain(lists)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::SourceFile;

    fn library() -> Library {
        let file = |relative: &str, text: &str| SourceFile {
            relative: relative.to_owned(),
            display: relative.to_owned(),
            text: text.to_owned(),
        };
        let declarations = "title: T\nsections:\n  - title: S\n    questions:\n      - key: fees.currency\n        type: choice\n        prompt: Currency\n        choices:\n          - { value: USD, label: dollars }\n          - { value: JPY, label: yen }\n      - key: fees.total\n        type: money\n        prompt: Fee\n        required: true\n      - key: client.name\n        type: text\n        prompt: Client\n        required: true\n";
        let clause = "id: fee\ntitle: Fee\norder: 1\nbody: |\n  {{client.name}} pays {{money fees.total}} in {{fees.currency}}.\n";
        crate::library::load(&[
            file("library.yaml", declarations),
            file("010-fee.yaml", clause),
        ])
        .into_library()
        .unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        errors_in(text, &library())
    }

    /// The diagnostics of reading `text` against `library`, each as "location: message".
    fn errors_in(text: &str, library: &Library) -> Vec<String> {
        match parse("a.yaml", text, library) {
            Ok(_) => Vec::new(),
            Err(Error::Diagnostics(found)) => found
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.text()))
                .collect(),
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn money_has_no_more_places_than_its_currency() {
        assert_eq!(
            errors("fees:\n  currency: JPY\n  total: \"1250.50\"\nclient:\n  name: A\n"),
            ["a.yaml:3:10: `fees.total` is 1250.5; an amount in JPY has no decimal places"]
        );
        assert!(
            errors("fees:\n  currency: USD\n  total: \"1250.50\"\nclient:\n  name: A\n").is_empty()
        );
    }

    #[test]
    fn an_amount_that_reads_two_ways_is_an_error_with_both_readings() {
        for written in ["1.250", "\"1.250\"", "'$1.250'"] {
            let file = format!("fees:\n  currency: USD\n  total: {written}\nclient:\n  name: A\n");
            let found = errors(&file);
            assert_eq!(found.len(), 1, "{written}: {found:?}");
            assert!(
                found[0].starts_with("a.yaml:3:10: `fees.total` is \""),
                "{written}: {found:?}"
            );
            assert!(
                found[0].ends_with(", which reads two ways: 1250 (the `.` grouping thousands) or 1.25 (the `.` before the cents); write 1250 or 1.25"),
                "{written}: {found:?}"
            );
        }
    }

    #[test]
    fn an_amount_is_read_with_its_currency_symbol_and_grouping() {
        let total = |currency: &str, written: &str| {
            let file =
                format!("fees:\n  currency: {currency}\n  total: {written}\nclient:\n  name: A\n");
            parse("a.yaml", &file, &library())
                .map(|answers| answers.values.get("fees.total").map(ToString::to_string))
                .map_err(|e| e.to_string())
        };
        assert_eq!(total("USD", "$4,800"), Ok(Some("4800".into())));
        assert_eq!(total("USD", "\"$ 1,250.50\""), Ok(Some("1250.5".into())));
        assert_eq!(total("USD", "1250.5"), Ok(Some("1250.5".into())));
        assert!(total("USD", "\"€900\"").is_err());
    }

    #[test]
    fn a_blank_required_value_is_an_error_at_its_line() {
        for blank in [
            "\"\"",
            "\"   \"",
            "\"\\u200B\"",
            "\"\\u3000\"",
            "\"\\t\\u2060\"",
        ] {
            assert_eq!(
                errors(&format!(
                    "fees:\n  total: \"10\"\nclient:\n  name: {blank}\n"
                )),
                [
                    "a.yaml:4:9: `client.name` is blank: a required answer needs at least one visible character (Client)"
                ],
                "{blank}"
            );
        }
    }

    /// A library with a list whose fields are held to the rules of single answers, and a
    /// question that applies only when the list is not given.
    fn list_library() -> Library {
        let file = |relative: &str, text: &str| SourceFile {
            relative: relative.to_owned(),
            display: relative.to_owned(),
            text: text.to_owned(),
        };
        let declarations = "title: T
sections:
  - title: S
    questions:
      - key: fees.currency
        type: choice
        prompt: Currency
        default: USD
        choices:
          - { value: USD, label: dollars }
          - { value: JPY, label: yen }
      - key: project.scope
        type: list
        item: deliverable
        prompt: Deliverables
        fields:
          - { key: item, type: text, prompt: The deliverable, required: true }
          - { key: price, type: money, prompt: Its price, required: true }
          - { key: note, type: text, prompt: A note }
      - key: project.description
        type: text
        prompt: Description
        required: true
        when: not project.scope
";
        let clause = "id: scope\ntitle: Scope\norder: 1\nbody: |\n  {{#each project.scope}}\n  - {{this.item}}: {{money this.price}}{{#if this.note}} ({{this.note}}){{/if}}\n  {{/each}}\n  {{#if project.description}}{{project.description}} in {{fees.currency}}{{/if}}\n";
        crate::library::load(&[
            file("library.yaml", declarations),
            file("010-scope.yaml", clause),
        ])
        .into_library()
        .unwrap()
    }

    fn list_errors(text: &str) -> Vec<String> {
        errors_in(text, &list_library())
    }

    fn scope(item: &str, price: &str) -> String {
        format!("project:\n  scope:\n    - item: {item}\n      price: {price}\n")
    }

    #[test]
    fn a_blank_required_field_is_an_error_at_its_line_and_nothing_follows_from_it() {
        for blank in [
            "\"\"",
            "\"   \"",
            "\"\\u200B\"",
            "\"\\u3000\"",
            "\"\\t\\u2060\"",
        ] {
            // Before, the blank was taken: "- : $10.00" in the contract.
            assert_eq!(
                list_errors(&scope(blank, "\"10\"")),
                [
                    "a.yaml:3:13: `item` of deliverable 1 of `project.scope` is blank: a required field needs at least one visible character (The deliverable)"
                ],
                "{blank}"
            );
        }
        // A blank field that is not required is no answer: the record has no such field.
        let text = scope("Logo", "\"10\"") + "      note: \"\\u200B \"\n";
        let answers = parse("a.yaml", &text, &list_library()).unwrap();
        let Some(Value::List(records)) = answers.get("project.scope") else {
            panic!("{answers:?}");
        };
        assert!(
            records[0].iter().all(|(field, _)| field != "note"),
            "{records:?}"
        );
    }

    #[test]
    fn a_list_written_as_one_value_is_one_error() {
        // Before, the description was also "required", as if no scope had been written.
        assert_eq!(
            list_errors("project:\n  scope: Logo and site\n"),
            [
                "a.yaml:2:3: `project.scope` takes a list of deliverables, one `- ` entry a line below the key"
            ]
        );
    }

    #[test]
    fn a_field_is_held_to_the_rules_of_its_type_with_one_error_each() {
        let long = "a".repeat(2_001);
        for (text, error) in [
            (
                scope("Logo", "0x10"),
                "a.yaml:4:14: `price` of deliverable 1 of `project.scope` is written 0x10, which YAML reads as a hexadecimal number; write the number in plain digits, such as 12 or 1250.00",
            ),
            (
                scope("Logo", "1e3"),
                "a.yaml:4:14: `price` of deliverable 1 of `project.scope` is written 1e3, with an exponent; write the number in plain digits, such as 12 or 1250.00",
            ),
            (
                scope("Logo", "\"10.0051\""),
                "a.yaml:4:14: `price` of deliverable 1 of `project.scope` is \"10.0051\"; expected an amount with at most two decimal places",
            ),
            (
                scope(&long, "\"10\""),
                "a.yaml:3:13: `item` of deliverable 1 of `project.scope` is 2,001 characters long; a text answer holds at most 2,000 characters",
            ),
            (
                scope("\"Logo \\u202E gpj.exe\"", "\"10\""),
                "a.yaml:3:13: `item` of deliverable 1 of `project.scope` contains the invisible character U+202E, which changes the direction the text is shown in; type the text without it",
            ),
            (
                "fees:\n  currency: JPY\n".to_owned() + &scope("Logo", "\"1250.5\""),
                "a.yaml:6:14: `price` of deliverable 1 of `project.scope` is 1250.5; an amount in JPY has no decimal places",
            ),
        ] {
            // Before, a refused price was also "missing", and the list's error made the
            // description "required".
            assert_eq!(list_errors(&text), [error], "{text}");
        }
        assert!(
            list_errors(&("fees:\n  currency: JPY\n".to_owned() + &scope("Logo", "\"1250\"")))
                .is_empty()
        );
    }
}
