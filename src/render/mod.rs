//! Markdown rendering: takes an assembled [`Contract`] and the [`Answers`] and returns the
//! contract as one Markdown string.
//!
//! Clause bodies are Handlebars templates. Every value from the answers passes through
//! [`escape`], so it lands in the contract literally, whatever characters it holds. The
//! helpers that format money, percents, dates, numbers in words, arithmetic and section
//! references live here, registered once per render.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    Renderable, ScopedJson,
};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value as Json;

use crate::answers::{Answers, Value};
use crate::assemble::Contract;
use crate::error::{Diagnostic, Error};
use crate::library::{Clause, Question, Type};

/// Where a section-number lookup lands: its number, unnumbered, or not in this contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionNumber {
    /// Included with this number.
    Numbered(u32),
    /// Included without a number (the signature block).
    Unnumbered,
    /// Left out of this contract by its condition.
    Excluded,
}

/// Renders the whole contract.
pub fn render(contract: &Contract<'_>, answers: &Answers) -> Result<String, Error> {
    let numbers: BTreeMap<String, SectionNumber> = contract
        .library
        .clauses
        .iter()
        .map(|clause| (clause.id.clone(), contract.number_of(&clause.id)))
        .collect();
    let registry = registry(numbers);
    let data = answers.to_json();
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", escape(&contract.library.title));
    let mut diagnostics = Vec::new();
    for part in &contract.parts {
        let body = match render_clause(&registry, part.clause, &data) {
            Ok(body) => body,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                continue;
            }
        };
        let title = escape(&part.clause.title);
        match part.number {
            Some(number) => {
                let _ = writeln!(out, "## {number}. {title}\n");
            }
            None => {
                let _ = writeln!(out, "## {title}\n");
            }
        }
        if part.clause.keep_together {
            let _ = writeln!(
                out,
                "<!-- keep-together -->\n\n{body}\n\n<!-- end keep-together -->\n"
            );
        } else {
            let _ = writeln!(out, "{body}\n");
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::Diagnostics(diagnostics));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    Ok(out)
}

/// A Handlebars registry with the Markdown escaper, strict mode and every helper; `numbers`
/// tells `section` what each clause id became.
#[must_use]
pub fn registry(numbers: BTreeMap<String, SectionNumber>) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(escape);
    registry.register_helper("money", Box::new(ValueHelper(money)));
    registry.register_helper("percent", Box::new(ValueHelper(percent)));
    registry.register_helper("date", Box::new(ValueHelper(date)));
    registry.register_helper("words", Box::new(ValueHelper(words)));
    registry.register_helper("percent_of", Box::new(ValueHelper(percent_of)));
    registry.register_helper("times", Box::new(ValueHelper(times)));
    registry.register_helper("minus", Box::new(ValueHelper(minus)));
    registry.register_helper("section", Box::new(SectionHelper { numbers }));
    registry
}

/// Renders one clause body, tidied: no trailing spaces, at most one blank line in a row.
pub fn render_clause(
    registry: &Handlebars<'static>,
    clause: &Clause,
    data: &Json,
) -> Result<String, Diagnostic> {
    let context =
        Context::wraps(data).map_err(|e| clause.origin.diagnostic(1, 1, e.to_string()))?;
    let rendered = clause
        .template
        .renders(registry, &context, &mut RenderContext::new(None))
        .map_err(|error| render_diagnostic(clause, &error))?;
    let tidy = tidy(&rendered);
    if tidy.is_empty() {
        return Err(clause.origin.diagnostic(
            1,
            1,
            format!(
                "the clause `{}` renders to nothing with these answers",
                clause.id
            ),
        ));
    }
    Ok(tidy)
}

fn render_diagnostic(clause: &Clause, error: &RenderError) -> Diagnostic {
    let message = match error.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => {
            format!(
                "`{path}` has no answer here; wrap it in {{{{#if {path}}}}}…{{{{/if}}}} or make it required"
            )
        }
        RenderErrorReason::Other(message) => message.clone(),
        other => other.to_string(),
    };
    clause.origin.diagnostic(
        error.line_no.unwrap_or(1),
        error.column_no.unwrap_or(1),
        format!("in clause `{}`: {message}", clause.id),
    )
}

fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut blank_run = 0;
    for line in rendered.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// A value as a person reads it in a summary: `$190.00`, `50%`, `15 business days`.
#[must_use]
pub fn display_value(question: &Question, value: &Value, answers: &Answers) -> String {
    let currency = answers
        .get("fees.currency")
        .map_or_else(|| "USD".to_owned(), ToString::to_string);
    let text = match (question.ty, value) {
        (Type::Money, Value::Number(n)) => {
            format_money(*n, &currency).unwrap_or_else(|| n.to_string())
        }
        (Type::Percent, Value::Number(n)) => format!("{}%", n.normalize()),
        (Type::Date, Value::Date(d)) => long_date(*d),
        _ => value.to_string(),
    };
    match &question.unit {
        Some(unit) => format!("{text} {unit}"),
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// Escaping

/// Escapes text so that `CommonMark` reads it back literally: markup characters get a backslash,
/// line-start markers are neutralised, edge whitespace becomes entities, and line breaks
/// become hard breaks.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let content_start = line.len() - line.trim_start_matches([' ', '\t']).len();
    let content_end = line.trim_end_matches([' ', '\t']).len();
    for c in line[..content_start].chars() {
        out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let content = &line[content_start..content_end.max(content_start)];
    // A run of digits then `.` or `)` opens an ordered list at the start of a line.
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    let list_marker =
        (1..=9).contains(&digits) && matches!(content.as_bytes().get(digits), Some(b'.' | b')'));
    // `-` or `+` then a space opens a bullet; a line of `-` or `=` alone underlines a heading.
    let bullet = content.len() == 1 || matches!(content.as_bytes().get(1), Some(b' ' | b'\t'));
    let rule = |marker: char| {
        content
            .chars()
            .all(|c| c == marker || c == ' ' || c == '\t')
    };
    for (i, c) in content.char_indices() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' => true,
            '-' => at_start && (bullet || rule('-')),
            '+' => at_start && bullet,
            '=' => at_start && rule('='),
            '.' | ')' => list_marker && i == digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if content_end > content_start {
        for c in line[content_end..].chars() {
            out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn fail(message: String) -> RenderError {
    RenderErrorReason::Other(message).into()
}

fn param<'a>(h: &'a Helper<'_>, index: usize) -> Result<&'a Json, RenderError> {
    h.param(index)
        .map(handlebars::PathAndJson::value)
        .ok_or_else(|| fail(format!("`{}` needs argument {}", h.name(), index + 1)))
}

fn decimal(h: &Helper<'_>, index: usize) -> Result<Decimal, RenderError> {
    let value = param(h, index)?;
    let parsed = match value {
        Json::String(text) => Decimal::from_str(text).ok(),
        Json::Number(number) => Decimal::from_str(&number.to_string()).ok(),
        _ => None,
    };
    parsed.ok_or_else(|| {
        fail(format!(
            "`{}` needs a number, not {}",
            h.name(),
            describe(value)
        ))
    })
}

fn describe(value: &Json) -> String {
    match value {
        Json::Null => "an unanswered value".into(),
        other => other.to_string(),
    }
}

fn json_decimal(value: Decimal) -> Json {
    Json::String(value.normalize().to_string())
}

type HelperResult = Result<Json, RenderError>;

/// A helper that computes a value from its arguments (and the root context).
struct ValueHelper(fn(&Helper<'_>, &Context) -> HelperResult);

impl HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        (self.0)(h, ctx).map(ScopedJson::Derived)
    }
}

/// `{{money amount}}`: `$12,400.00`, in the currency of `fees.currency`.
fn money(h: &Helper<'_>, ctx: &Context) -> HelperResult {
    let amount = decimal(h, 0)?;
    let code = ctx
        .data()
        .pointer("/fees/currency")
        .and_then(Json::as_str)
        .unwrap_or("USD");
    let text = format_money(amount, code).ok_or_else(|| {
        fail(format!(
            "`fees.currency` is \"{code}\", which is not an ISO 4217 currency code"
        ))
    })?;
    Ok(Json::String(text))
}

/// Currencies whose symbol names them alone; others are written with their code (`CAD 1.00`).
const UNAMBIGUOUS_SYMBOLS: &[&str] = &[
    "USD", "EUR", "GBP", "TRY", "JPY", "INR", "KRW", "ILS", "NGN", "UAH", "PHP", "THB", "VND",
];

/// Formats `amount` in the currency `code` as an English contract writes it.
#[must_use]
pub fn format_money(amount: Decimal, code: &str) -> Option<String> {
    let currency = rusty_money::iso::find(code)?;
    let exponent = currency.exponent;
    let rounded = amount.round_dp_with_strategy(exponent, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", exponent as usize, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let number = if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    };
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    Some(if UNAMBIGUOUS_SYMBOLS.contains(&code) {
        format!("{sign}{}{number}", currency.symbol)
    } else {
        format!("{sign}{code} {number}")
    })
}

/// `{{percent deposit.percent}}`: `fifty percent (50%)`.
fn percent(h: &Helper<'_>, _: &Context) -> HelperResult {
    let value = decimal(h, 0)?.normalize();
    Ok(Json::String(format!(
        "{} percent ({value}%)",
        number_words(value)
    )))
}

/// `{{words kill_fee.silence_days}}`: `fifteen (15)`.
fn words(h: &Helper<'_>, _: &Context) -> HelperResult {
    let value = decimal(h, 0)?.normalize();
    Ok(Json::String(format!("{} ({value})", number_words(value))))
}

/// A number in English words: `fifteen`, `one point five`, `zero point two five`.
#[must_use]
pub fn number_words(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let float: f64 = text.parse().unwrap_or(0.0);
    let words = num2words::Num2Words::new(float)
        .to_words()
        .unwrap_or_else(|_| text.clone());
    if value.abs() < Decimal::ONE && !value.is_zero() && words.starts_with("point") {
        format!("zero {words}")
    } else if value.is_sign_negative() && !value.is_zero() && !words.starts_with("minus") {
        format!("minus {words}")
    } else {
        words
    }
}

/// `{{date project.start}}`: `March 2, 2026`.
fn date(h: &Helper<'_>, _: &Context) -> HelperResult {
    let value = param(h, 0)?;
    let parsed = value
        .as_str()
        .and_then(|text| text.parse::<jiff::civil::Date>().ok())
        .ok_or_else(|| fail(format!("`date` needs a date, not {}", describe(value))))?;
    Ok(Json::String(long_date(parsed)))
}

/// A date as a contract writes it: `March 2, 2026`.
#[must_use]
pub fn long_date(date: jiff::civil::Date) -> String {
    date.strftime("%B %-d, %Y").to_string()
}

fn percent_of(h: &Helper<'_>, _: &Context) -> HelperResult {
    let amount = decimal(h, 0)?;
    let percent = decimal(h, 1)?;
    let share = (amount * percent / Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Ok(json_decimal(share))
}

fn times(h: &Helper<'_>, _: &Context) -> HelperResult {
    let product = decimal(h, 0)?
        .checked_mul(decimal(h, 1)?)
        .ok_or_else(|| fail("`times`: the product is too large".into()))?;
    Ok(json_decimal(product))
}

fn minus(h: &Helper<'_>, _: &Context) -> HelperResult {
    Ok(json_decimal(decimal(h, 0)? - decimal(h, 1)?))
}

/// `{{section "kill-fee"}}`: `section 7`.
struct SectionHelper {
    numbers: BTreeMap<String, SectionNumber>,
}

impl HelperDef for SectionHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let id = param(h, 0)?
            .as_str()
            .ok_or_else(|| fail("`section` takes a clause id in quotes".into()))?;
        match self.numbers.get(id) {
            Some(SectionNumber::Numbered(number)) => Ok(ScopedJson::Derived(Json::String(
                format!("section {number}"),
            ))),
            Some(SectionNumber::Unnumbered) => Err(fail(format!(
                "`section \"{id}\"` refers to a clause without a section number"
            ))),
            Some(SectionNumber::Excluded) => Err(fail(format!(
                "`section \"{id}\"` refers to a clause that these answers leave out of the contract"
            ))),
            None => Err(fail(format!(
                "`section \"{id}\"` refers to no clause of this library"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn money_is_grouped_with_its_symbol() {
        let amount = Decimal::from_str("12400").unwrap();
        assert_eq!(format_money(amount, "USD").unwrap(), "$12,400.00");
        assert_eq!(format_money(amount, "EUR").unwrap(), "€12,400.00");
        assert_eq!(format_money(amount, "GBP").unwrap(), "£12,400.00");
        assert_eq!(format_money(amount, "TRY").unwrap(), "₺12,400.00");
        assert_eq!(format_money(amount, "CAD").unwrap(), "CAD 12,400.00");
        assert_eq!(
            format_money(Decimal::from_str("1234567.005").unwrap(), "USD").unwrap(),
            "$1,234,567.01"
        );
        assert_eq!(
            format_money(Decimal::from_str("999.5").unwrap(), "JPY").unwrap(),
            "¥1,000"
        );
        assert_eq!(
            format_money(Decimal::from_str("0.5").unwrap(), "USD").unwrap(),
            "$0.50"
        );
        assert_eq!(format_money(amount, "XYZ"), None);
    }

    #[test]
    fn numbers_in_words() {
        let words = |s: &str| number_words(Decimal::from_str(s).unwrap());
        assert_eq!(words("15"), "fifteen");
        assert_eq!(words("50"), "fifty");
        assert_eq!(words("21"), "twenty-one");
        assert_eq!(words("1.5"), "one point five");
        assert_eq!(words("0.25"), "zero point two five");
        assert_eq!(words("100"), "one hundred");
    }

    fn render_template(source: &str, data: &Json) -> Result<String, String> {
        let mut numbers = BTreeMap::new();
        numbers.insert("kill-fee".to_owned(), SectionNumber::Numbered(7));
        numbers.insert("late-fee".to_owned(), SectionNumber::Excluded);
        let registry = registry(numbers);
        registry
            .render_template(source, data)
            .map_err(|e| e.reason().to_string())
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
}
