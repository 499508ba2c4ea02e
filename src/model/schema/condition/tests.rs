use super::*;
use crate::model::Choice;
use std::collections::BTreeMap;

fn question(key: &str, ty: Type) -> Question {
    let mut question = Question::new(key, ty, "?");
    if ty == Type::Choice {
        question.choices = ["first-time", "repeat"]
            .iter()
            .map(|v| Choice {
                value: (*v).to_owned(),
                label: (*v).to_owned(),
            })
            .collect();
    }
    question
}

fn declarations() -> Vec<Question> {
    vec![
        question("relationship", Type::Choice),
        question("deposit.percent", Type::Percent),
        question("kill_fee.enabled", Type::Bool),
        question("client.name", Type::Text),
        question("project.start", Type::Date),
        question("fees.total", Type::Money),
    ]
}

fn check(source: &str) -> Vec<String> {
    let declarations = declarations();
    let condition = Condition::parse(source).expect("parses");
    condition
        .check(|key| declarations.iter().find(|q| q.key == key))
        .into_iter()
        .map(|e| e.message)
        .collect()
}

fn eval(source: &str, answers: &[(&str, Value)]) -> bool {
    let answers: BTreeMap<String, Value> = answers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    Condition::parse(source)
        .unwrap()
        .eval(|key| answers.get(key))
}

fn number(text: &str) -> Value {
    Value::Number(text.parse().unwrap())
}

#[test]
fn precedence_is_not_then_and_then_or() {
    let answers = [("kill_fee.enabled", Value::Bool(false))];
    // `not a or b and c` is `(not a) or (b and c)`.
    assert!(eval(
        "not kill_fee.enabled or kill_fee.enabled and kill_fee.enabled",
        &answers
    ));
    assert!(!eval("not (kill_fee.enabled or true == true)", &answers));
}

#[test]
fn comparisons_on_numbers_dates_and_choices() {
    let answers = [
        ("deposit.percent", number("30")),
        ("relationship", Value::Text("repeat".into())),
        ("project.start", Value::Date("2026-03-01".parse().unwrap())),
    ];
    assert!(eval("deposit.percent < 50", &answers));
    assert!(eval("deposit.percent >= 30", &answers));
    assert!(!eval("deposit.percent > 30", &answers));
    assert!(eval("deposit.percent == 30.0", &answers));
    assert!(eval(
        "relationship == \"repeat\" and deposit.percent != 50",
        &answers
    ));
    assert!(eval("project.start >= \"2026-01-01\"", &answers));
    assert!(!eval("project.start < \"2026-03-01\"", &answers));
    assert!(eval("50 > deposit.percent", &answers));
}

#[test]
fn unanswered_keys_are_false_and_unequal() {
    assert!(!eval("kill_fee.enabled", &[]));
    assert!(!eval("deposit.percent == 50", &[]));
    assert!(eval("deposit.percent != 50", &[]));
    assert!(eval("not kill_fee.enabled", &[]));
}

#[test]
fn truthiness_of_zero_and_empty() {
    assert!(!eval(
        "deposit.percent",
        &[("deposit.percent", number("0"))]
    ));
    assert!(!eval(
        "client.name",
        &[("client.name", Value::Text(String::new()))]
    ));
    assert!(eval(
        "client.name",
        &[("client.name", Value::Text("A".into()))]
    ));
}

#[test]
fn syntax_errors_point_at_the_problem() {
    let error = Condition::parse("deposit.percent = 50").unwrap_err();
    assert_eq!(
        (error.offset, error.message.as_str()),
        (16, "`=` is not an operator; compare with `==`")
    );
    let error = Condition::parse("a && b").unwrap_err();
    assert_eq!(error.message, "unexpected character `&`; write `and`");
    let error = Condition::parse("(a or b").unwrap_err();
    assert_eq!(
        (error.offset, error.message.as_str()),
        (0, "this `(` is never closed")
    );
    let error = Condition::parse("a ==").unwrap_err();
    assert_eq!(
        error.message,
        "the condition ends where a key or value was expected"
    );
    let error = Condition::parse("relationship == \"repeat").unwrap_err();
    assert_eq!(error.message, "this string has no closing `\"`");
    let error = Condition::parse("a b").unwrap_err();
    assert_eq!(
        (error.offset, error.message.as_str()),
        (2, "unexpected `b` after a complete condition")
    );
    let error = Condition::parse("relationship == 'repeat'").unwrap_err();
    assert_eq!(
        error.message,
        "unexpected character `'`; strings take double quotes"
    );
}

#[test]
fn type_errors_are_reported() {
    assert_eq!(
        check("deposit.percent == \"fifty\""),
        ["`deposit.percent` is a percent and cannot be compared with \"fifty\"; expected a number"]
    );
    assert_eq!(
        check("relationship == \"new\""),
        ["\"new\" is not a choice of `relationship`; the choices are \"first-time\", \"repeat\""]
    );
    assert_eq!(
        check("client.name > \"M\""),
        ["`client.name` is text; `>` only compares numbers and dates"]
    );
    assert_eq!(
        check("deposit.percent == client.name"),
        ["`deposit.percent` is a number but `client.name` is text; they cannot be compared"]
    );
    assert_eq!(
        check("deposti.percent > 10"),
        ["`deposti.percent` is not declared in library.yaml"]
    );
    assert_eq!(
        check("project.start > \"March\""),
        [
            "`project.start` is a date and cannot be compared with \"March\"; expected a date written \"YYYY-MM-DD\""
        ]
    );
    assert_eq!(
        check("1 == 2"),
        ["this compares two values; one side must be a key"]
    );
    assert_eq!(
        check("kill_fee.enabled and fees.total >= 100.50"),
        Vec::<String>::new()
    );
}

#[test]
fn keys_are_listed_with_offsets() {
    let condition = Condition::parse("a.b and (c == 1 or not d)").unwrap();
    assert_eq!(condition.keys(), [("a.b", 0), ("c", 9), ("d", 23)]);
}

#[test]
fn deep_or_long_conditions_are_located_errors_not_a_crash() {
    let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
    let error = Condition::parse(&deep).unwrap_err();
    assert_eq!(error.offset, MAX_DEPTH);
    assert!(
        error.message.contains("nest at most 32 deep"),
        "{}",
        error.message
    );
    let nots = format!("{}a", "not ".repeat(40));
    assert!(
        Condition::parse(&nots)
            .unwrap_err()
            .message
            .contains("nest at most")
    );
    // The 2,000 parentheses: one located error (the 257th token), no stack overflow.
    let deeper = format!("{}a{}", "(".repeat(2000), ")".repeat(2000));
    assert_eq!(Condition::parse(&deeper).unwrap_err().offset, MAX_TOKENS);
    let long = vec!["a"; 5000].join(" and ");
    let error = Condition::parse(&long).unwrap_err();
    assert!(
        error.message.contains("at most 256 words"),
        "{}",
        error.message
    );
    assert_eq!(
        &long[error.offset..error.offset + error.len],
        "a",
        "the 257th token"
    );
    // Up to the limits, conditions parse and evaluate.
    let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(Condition::parse(&fine).is_ok());
}

fn deciding(source: &str, answers: &[(&str, Value)]) -> Vec<String> {
    let answers: BTreeMap<&str, Value> = answers.iter().cloned().collect();
    let condition = Condition::parse(source).expect("parses");
    condition
        .deciding_keys(|key| answers.get(key))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_deciding_keys_are_the_answers_that_make_the_condition_what_it_is() {
    let text = |t: &str| Value::Text(t.to_owned());
    let first = [("relationship", text("first-time"))];
    assert_eq!(
        deciding("relationship != \"first-time\"", &first),
        ["relationship"]
    );
    // An `and` that fails: only the part that fails.
    let no_fee = [
        ("relationship", text("repeat")),
        ("kill_fee.enabled", Value::Bool(false)),
    ];
    assert_eq!(
        deciding("relationship == \"repeat\" and kill_fee.enabled", &no_fee),
        ["kill_fee.enabled"]
    );
    // An `or` that fails: every part, each key once.
    assert_eq!(
        deciding(
            "relationship == \"repeat\" or (relationship == \"x\" and not kill_fee.enabled)",
            &first
        ),
        ["relationship"]
    );
    // An `or` that holds: the part that holds.
    assert_eq!(
        deciding("kill_fee.enabled or relationship == \"repeat\"", &no_fee),
        ["relationship"]
    );
    // An `and` that holds: every part.
    assert_eq!(
        deciding(
            "relationship == \"repeat\" and not kill_fee.enabled",
            &no_fee
        ),
        ["relationship", "kill_fee.enabled"]
    );
}
