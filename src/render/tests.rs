use std::collections::BTreeMap;

use super::*;
use crate::model::Value;
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, TagEnd};

/// The text a `CommonMark` parser reads back from a paragraph of Markdown.
fn read_back(markdown: &str) -> (String, usize) {
    let mut text = String::new();
    let mut blocks = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Start(_) | Event::End(TagEnd::Paragraph) => blocks += 1,
            Event::End(_) => {}
            other => text.push_str(&format!("<<{other:?}>>")),
        }
    }
    (text, blocks)
}

#[test]
fn hostile_name_reads_back_literally() {
    let name = "*Acme* <b>#1</b> {{x}} [link](http://x) `code` _u_ | a | ~~s~~ &amp; \\";
    let (text, blocks) = read_back(&escape(name));
    assert_eq!(text, name);
    assert_eq!(blocks, 2, "one paragraph, opened and closed");
}

#[test]
fn line_start_markers_are_neutralised() {
    for value in [
        "# Heading",
        "- item",
        "+ item",
        "-",
        "+",
        "- - -",
        "= =",
        "-\tx",
        "1. first",
        "12) twelfth",
        "1.",
        "7)",
        "===",
        "---",
        "> quote",
        "    code",
        "\tcode",
    ] {
        let (text, blocks) = read_back(&escape(value));
        assert_eq!(text, value, "{value:?} came back as {text:?}");
        assert_eq!(blocks, 2, "{value:?} must stay one paragraph");
    }
}

#[test]
fn newlines_become_hard_breaks() {
    assert_eq!(
        escape("12 Main St\nSpringfield"),
        "12 Main St\\\nSpringfield"
    );
    assert_eq!(read_back(&escape("a\n- b\n1. c")).0, "a\n- b\n1. c");
}

#[test]
fn plain_values_stay_readable() {
    assert_eq!(escape("Jane Doe, 12.5 Main St."), "Jane Doe, 12.5 Main St.");
    assert_eq!(escape("$12,400.00"), "$12,400.00");
    assert_eq!(escape("fifty percent (50%)"), "fifty percent (50%)");
    assert_eq!(escape("+49 30 5550 1427"), "+49 30 5550 1427");
    assert_eq!(escape("-5 degrees"), "-5 degrees");
    // Digits then a full stop open a list only before a space: Turkish amounts stay as typed.
    assert_eq!(escape("12.400,00 TL"), "12.400,00 TL");
    assert_eq!(escape("1.5 hours"), "1.5 hours");
    assert_eq!(escape("2. madde"), "2\\. madde");
}

#[test]
fn turkish_helpers_word_values_in_turkish() {
    let data = serde_json::json!({
        "fees": {"currency": "TRY", "total": "12400"},
        "deposit": {"percent": "30"},
        "kill_fee": {"silence_days": 15},
        "project": {"start": "2026-12-01"},
    });
    let mut numbers = BTreeMap::new();
    numbers.insert("kill-fee".to_owned(), SectionNumber::Numbered(7));
    let registry = registry(numbers, Locale::Tr, &Answers::default());
    let render = |source: &str| registry.render_template(source, &data).unwrap();
    assert_eq!(render("{{money fees.total}}"), "12.400,00 TL");
    assert_eq!(render("{{percent deposit.percent}}"), "yüzde otuz (%30)");
    assert_eq!(
        render("{{words kill_fee.silence_days}} iş günü"),
        "on beş (15) iş günü"
    );
    assert_eq!(render("{{date project.start}}"), "1 Aralık 2026");
    assert_eq!(
        render("{{money (percent_of fees.total deposit.percent)}}"),
        "3.720,00 TL"
    );
    assert_eq!(render("{{section \"kill-fee\"}}de"), "7\\. maddede");
}

proptest! {
    #[test]
    fn any_text_reads_back_literally(value in "[^\\x00-\\x08\\x0b-\\x1f\\x7f\\r]{0,80}") {
        // Answers are trimmed and never start or end with a line break.
        let value = value.trim_matches(|c: char| c.is_whitespace() && !matches!(c, ' ' | '\t')).to_owned();
        prop_assume!(!value.trim().is_empty());
        let escaped = escape(&value);
        let (text, _) = read_back(&escaped);
        prop_assert_eq!(text, value, "escaped as {:?}", escaped);
    }
}

fn render_template(source: &str, data: &Json) -> Result<String, String> {
    let mut numbers = BTreeMap::new();
    numbers.insert("kill-fee".to_owned(), SectionNumber::Numbered(7));
    numbers.insert("late-fee".to_owned(), SectionNumber::Excluded);
    let registry = registry(numbers, Locale::EnUs, &Answers::default());
    registry
        .render_template(source, data)
        .map_err(|e| e.reason().to_string())
}

#[test]
fn when_blocks_follow_the_typed_answers() {
    let mut answers = Answers::default();
    answers.set("kill_fee.percent", Value::Number(Decimal::ZERO));
    answers.set("client.kind", Value::Text("company".into()));
    let registry = registry(BTreeMap::new(), Locale::EnUs, &answers);
    let render = |source: &str| {
        registry
            .render_template(source, &answers.to_json())
            .unwrap()
    };
    // A percent of zero is false, as in a clause's `when`, though its JSON is the string "0".
    assert_eq!(
        render("{{#when 'kill_fee.percent'}}fee{{else}}no fee{{/when}}"),
        "no fee"
    );
    assert_eq!(
        render(r#"{{#when 'client.kind == "company"'}}By:{{else}}Signature:{{/when}}"#),
        "By:"
    );
    assert_eq!(
        render("{{#when 'kill_fee.percent > 0 or client.missing'}}x{{/when}}"),
        ""
    );
}

#[test]
fn helpers_render_contract_wording() {
    let data = serde_json::json!({
        "fees": {"currency": "USD", "total": "12400", "hourly_rate": "95"},
        "deposit": {"percent": "30"},
        "kill_fee": {"silence_days": 15},
        "project": {"start": "2026-03-02"},
        "client": {"name": "*Acme* <b>#1</b> {{x}}"}
    });
    let cases = [
        ("{{money fees.total}}", "$12,400.00"),
        ("{{percent deposit.percent}}", "thirty percent (30%)"),
        (
            "{{words kill_fee.silence_days}} business days",
            "fifteen (15) business days",
        ),
        ("{{date project.start}}", "March 2, 2026"),
        (
            "{{money (percent_of fees.total deposit.percent)}}",
            "$3,720.00",
        ),
        (
            "{{money (minus fees.total (percent_of fees.total deposit.percent))}}",
            "$8,680.00",
        ),
        ("{{money (times fees.hourly_rate 2)}}", "$190.00"),
        ("see {{section \"kill-fee\"}}", "see section 7"),
        ("{{client.name}}", "\\*Acme\\* \\<b\\>\\#1\\</b\\> {{x}}"),
    ];
    for (source, expected) in cases {
        assert_eq!(
            render_template(source, &data).unwrap(),
            expected,
            "{source}"
        );
    }
}

#[test]
fn helper_errors_say_what_is_wrong() {
    let data = serde_json::json!({"fees": {"currency": "XXQ", "total": "1"}});
    assert_eq!(
        render_template("{{money fees.total}}", &data).unwrap_err(),
        "`fees.currency` is \"XXQ\", which is not an ISO 4217 currency code"
    );
    assert_eq!(
        render_template("{{section \"late-fee\"}}", &data).unwrap_err(),
        "`section \"late-fee\"` refers to a clause that these answers leave out of the contract"
    );
}

#[test]
fn tidy_collapses_blank_runs_and_trailing_spaces() {
    assert_eq!(tidy("a  \n\n\n\nb\n\n"), "a\n\nb");
}
