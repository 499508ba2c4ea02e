//! Typing: takes a [`Scalar`] as written and the [`Question`] that declares it and returns a
//! typed [`Value`] checked against the declaration (type, range, choices), or why not.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::amount::{Amount, read_amount};
use super::refusal::{Refusal, Why};
use super::schema::{Question, Type, max_amount};
use super::value::{Scalar, Value};

/// Gives `scalar` the type of `question` and checks it against the declaration.
///
/// The error is the end of a sentence that starts with the key: "expected a percent from 0 to 100".
pub fn typed_value(question: &Question, scalar: &Scalar) -> Result<Value, String> {
    typed_value_in(question, scalar, None)
}

/// [`typed_value`] for answers whose fee currency is known: a money answer written as text is
/// read as an amount of `currency` ([`read_amount`]: its symbol, its locale's grouping), and
/// one that reads two ways (`1.250`) is refused with both readings.
pub fn typed_value_in(
    question: &Question,
    scalar: &Scalar,
    currency: Option<&str>,
) -> Result<Value, String> {
    typed_value_why(question, scalar, currency).map_err(|refusal| refusal.english)
}

/// [`typed_value_in`], with the reason for a refusal as facts as well as English words: what
/// the interview words in its own language.
pub fn typed_value_why(
    question: &Question,
    scalar: &Scalar,
    currency: Option<&str>,
) -> Result<Value, Refusal> {
    let scalar = match (question.ty, scalar, currency) {
        (Type::Money, Scalar::Str(text), Some(currency))
            if max_chars(Type::Money) >= text.chars().count() =>
        {
            match read_amount(text, currency) {
                Some(Amount::Exact(number)) => Scalar::Str(number.to_string()),
                Some(Amount::Ambiguous {
                    grouped,
                    decimal,
                    mark,
                }) => {
                    return Err(Refusal::new(
                        format!(
                            "is {scalar}, which reads two ways: {grouped} (the `{mark}` grouping thousands) or {decimal} (the `{mark}` before the cents); write {grouped} or {decimal}"
                        ),
                        Why::TwoWays {
                            typed: text.trim().to_owned(),
                            grouped,
                            decimal,
                            mark,
                        },
                    ));
                }
                None => scalar.clone(),
            }
        }
        _ => scalar.clone(),
    };
    let value = convert(question, &scalar)?;
    check_limits(question, &value)?;
    Ok(value)
}

/// The longest answer of each type, in characters: generous for any real answer (a project
/// description of 2,000 characters is a page of the contract), and a bound on what one value
/// can cost the typesetter.
#[must_use]
pub fn max_chars(ty: Type) -> usize {
    match ty {
        Type::Text => 2_000,
        // RFC 5321's limit on a forward path.
        Type::Email => 254,
        Type::Choice => 200,
        // A list is never one value: each of its fields is held to its own type's length.
        Type::List => 0,
        Type::Phone | Type::Money | Type::Percent | Type::Integer | Type::Date | Type::Bool => 40,
    }
}

/// True when `text` shows nothing: empty, or only white space (an ideographic space too),
/// control characters and invisible formatting characters (a zero-width space, a word joiner,
/// a byte-order mark). A required answer needs at least one character that is not blank.
#[must_use]
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// The end of the sentence that refuses a blank text: "`called` is blank: …".
pub const BLANK: &str = "is blank; write at least one visible character";

/// A text the user may leave out, held to the rule every text answer is held to: trimmed of
/// blank characters at its ends, no control or direction-changing character inside, and at
/// most [`max_chars`] of a text answer. Blank (spaces, a zero-width space) is `None`: nothing
/// was said. The one rule for text wherever the user writes it: an answer, an entry of the
/// chase record, an option of the command line.
///
/// The error is the end of a sentence that starts with the field's name.
pub fn optional_text(text: &str) -> Result<Option<String>, String> {
    optional_text_why(text).map_err(|refusal| refusal.english)
}

/// [`optional_text`], a text refused with the facts of why ([`Refusal`]), for wording in
/// another language.
pub fn optional_text_why(text: &str) -> Result<Option<String>, Refusal> {
    let question = Question::new("text", Type::Text, "text");
    match typed_value_why(&question, &Scalar::Str(text.to_owned()), None)? {
        Value::Text(text) if !text.is_empty() => Ok(Some(text)),
        _ => Ok(None),
    }
}

/// A text that must say something: [`optional_text`]'s rule, and at least one visible
/// character.
pub fn required_text(text: &str) -> Result<String, String> {
    optional_text(text)?.ok_or_else(|| BLANK.to_owned())
}

/// A character that prints as nothing: white space, a control character, or a format or
/// filler character of Unicode that has no glyph of its own.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'               // soft hyphen
                | '\u{034F}'         // combining grapheme joiner
                | '\u{061C}'         // Arabic letter mark
                | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
                | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
                | '\u{180B}'..='\u{180F}' // Mongolian variation selectors and vowel separator
                | '\u{200B}'..='\u{200F}' // zero-width space, joiners, direction marks
                | '\u{202A}'..='\u{202E}' // direction embeddings and overrides
                | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates
                | '\u{2800}'              // Braille pattern blank
                | '\u{FE00}'..='\u{FE0F}' // variation selectors
                | '\u{FEFF}'              // zero-width no-break space (byte-order mark)
                | '\u{E0000}'..='\u{E007F}' // tag characters
        )
}

/// A character that changes the direction text is shown in: inside a name it can make the
/// contract read differently from what was typed.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `12345` → `12,345`, for the lengths a message states.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The longest percent fraction accepted: a ten-thousandth of a percent.
const PERCENT_PLACES: u32 = 4;

/// The length of a written answer, refused past [`max_chars`] before anything else is done
/// with it (a 50 MB value is neither trimmed nor echoed back).
fn check_length(question: &Question, scalar: &Scalar) -> Result<(), Refusal> {
    if let Scalar::Str(text) = scalar {
        let length = text.chars().count();
        let limit = max_chars(question.ty);
        if length > limit {
            return Err(Refusal::new(
                format!(
                    "is {} characters long; {} holds at most {} characters",
                    grouped(length),
                    question.ty.answer_name(),
                    grouped(limit)
                ),
                Why::TooLong { length, limit },
            ));
        }
    }
    Ok(())
}

/// A text, email, phone or choice answer: trimmed of blank characters at its ends, with no
/// control or direction-changing character inside, and valid for its type.
fn text_value(question: &Question, scalar: &Scalar, shown: &str) -> Result<Value, Refusal> {
    let expected =
        |what: &str, why: Why| Err(Refusal::new(format!("is {shown}; expected {what}"), why));
    let Scalar::Str(text) = scalar else {
        return expected(
            &format!(
                "{}; put it in quotes if it is meant as text",
                question.ty.expectation(question)
            ),
            Why::NotText,
        );
    };
    let text = text.trim_matches(is_invisible);
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        return Err(Refusal::new(
            format!(
                "contains the control character U+{:04X}, which cannot be printed",
                c as u32
            ),
            Why::Control(c),
        ));
    }
    if let Some(c) = text.chars().find(|c| is_direction_control(*c)) {
        return Err(Refusal::new(
            format!(
                "contains the invisible character U+{:04X}, which changes the direction the text is shown in; type the text without it",
                c as u32
            ),
            Why::Direction(c),
        ));
    }
    let typed = text.to_owned();
    match question.ty {
        Type::Email
            if !text.is_empty()
                && (email_address::EmailAddress::from_str(text).is_err()
                    || !text.contains('.')) =>
        {
            return expected(
                "an email address such as name@example.com",
                Why::Email { typed },
            );
        }
        Type::Phone if !text.is_empty() => {
            super::phone::check_phone(text).map_err(|(why, problem)| {
                Refusal::new(
                    format!("is {shown}; expected a phone number such as +1 217 555 0142 ({why})"),
                    Why::Phone { typed, problem },
                )
            })?;
        }
        Type::Choice if !question.choices.iter().any(|c| c.value == text) => {
            return expected(
                &question.ty.expectation(question),
                Why::NotAChoice { typed },
            );
        }
        _ => {}
    }
    Ok(Value::Text(text.to_owned()))
}

fn convert(question: &Question, scalar: &Scalar) -> Result<Value, Refusal> {
    check_length(question, scalar)?;
    let shown = scalar.to_string();
    // The answer as typed, for the facts of a refusal: a text trimmed, anything else as
    // shown.
    let typed = match scalar {
        Scalar::Str(text) => text.trim().to_owned(),
        _ => shown.clone(),
    };
    let expected =
        |what: &str, why: Why| Err(Refusal::new(format!("is {shown}; expected {what}"), why));
    let not_a_number = || {
        expected(
            &question.ty.expectation(question),
            Why::NotANumber {
                typed: typed.clone(),
            },
        )
    };
    match question.ty {
        Type::Text | Type::Email | Type::Phone | Type::Choice => {
            text_value(question, scalar, &shown)
        }
        Type::Money | Type::Percent => {
            let number = match scalar {
                Scalar::Int(i) => Decimal::from(*i),
                Scalar::Float(x) => float_to_decimal(*x).ok_or_else(|| {
                    Refusal::new(
                        format!("is {shown}; write it in quotes to keep every digit"),
                        Why::FloatDigits {
                            typed: typed.clone(),
                        },
                    )
                })?,
                Scalar::Str(text) => {
                    let text = text.trim();
                    let text = if question.ty == Type::Percent {
                        text.trim_end_matches('%').trim_end()
                    } else {
                        text
                    };
                    match parse_number(text) {
                        Some(number) => number,
                        None => return not_a_number(),
                    }
                }
                _ => return not_a_number(),
            };
            if number.abs() > max_amount() {
                return not_a_number();
            }
            if question.ty == Type::Money && number.normalize().scale() > 2 {
                return expected(
                    "an amount with at most two decimal places",
                    Why::TooManyPlaces { typed, places: 2 },
                );
            }
            if question.ty == Type::Percent && number.normalize().scale() > PERCENT_PLACES {
                return expected(
                    "a percent with at most four decimal places, such as 1.125",
                    Why::TooManyPlaces {
                        typed,
                        places: PERCENT_PLACES,
                    },
                );
            }
            Ok(Value::Number(number))
        }
        Type::Integer => match scalar {
            Scalar::Int(i) if Decimal::from(*i).abs() <= max_amount() => Ok(Value::Integer(*i)),
            Scalar::Str(text) => text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| Decimal::from(*n).abs() <= max_amount())
                .map(Value::Integer)
                .map_or_else(not_a_number, Ok),
            _ => not_a_number(),
        },
        Type::Date => date_value(scalar, &shown, typed),
        Type::Bool => match scalar {
            Scalar::Bool(b) => Ok(Value::Bool(*b)),
            _ => expected("true or false", Why::NotABool),
        },
        // The records of a list are typed field by field where the answers are read; a single
        // value is never a list.
        Type::List => Err(Refusal::new(
            format!(
                "is {shown}; expected {}, written one `- ` entry a line below the key",
                question.ty.expectation(question)
            ),
            Why::NotAList,
        )),
    }
}

/// A date answer: written `YYYY-MM-DD`, and a day of the calendar. `shown` is the scalar as
/// the English reason quotes it, `typed` as the facts keep it.
fn date_value(scalar: &Scalar, shown: &str, typed: String) -> Result<Value, Refusal> {
    let not_a_date = |typed: String| {
        Err(Refusal::new(
            format!("is {shown}; expected a date written YYYY-MM-DD, such as 2026-03-01"),
            Why::NotADate { typed },
        ))
    };
    let Scalar::Str(text) = scalar else {
        return not_a_date(typed);
    };
    match text.trim().parse::<jiff::civil::Date>() {
        Ok(date) => Ok(Value::Date(date)),
        Err(_) => match impossible_date(text) {
            Some((english, why)) => Err(Refusal::new(format!("is {shown}, but {english}"), why)),
            None => not_a_date(typed),
        },
    }
}

/// Why `text`, written `YYYY-MM-DD`, is no day of the calendar ("February 2026 has 28 days",
/// "there is no month 13"), in English and as facts; `None` when it is not written that way
/// at all.
fn impossible_date(text: &str) -> Option<(String, Why)> {
    let mut parts = text.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let (year, month, day): (i16, i8, i8) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let typed = text.trim().to_owned();
    if !(1..=12).contains(&month) {
        return Some((
            format!("there is no month {month}: months run from 01 to 12"),
            Why::NoSuchMonth { typed, month },
        ));
    }
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    let days = first.days_in_month();
    (day == 0 || day > days).then(|| {
        (
            format!("{} has {days} days", first.strftime("%B %Y")),
            Why::NoSuchDay {
                typed,
                month: first,
                days,
            },
        )
    })
}

/// A number as a person writes it: digits with an optional `.` fraction and an optional minus
/// sign, `,` only between groups of three digits (`1,250.50`). A decimal comma (`6400,50`),
/// exponents and other characters are refused rather than guessed at.
#[must_use]
pub fn parse_number(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let grouped = {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        digits(first)
            && first.len() <= 3
            && groups.clone().count() > 0
            && groups.all(|g| g.len() == 3 && digits(g))
    };
    if !(digits(whole) || grouped) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    Decimal::from_str(&text.replace(',', "")).ok()
}

/// How a plain number is written that a person does not mean as a number: YAML reads it, but
/// not as what was typed ([`number_form`]). The facts, for each language to word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// `0x1F`.
    Hexadecimal,
    /// `0o17`.
    Octal,
    /// `0b101`.
    Binary,
    /// `1_000`.
    Underscore,
    /// `1e3`.
    Exponent,
    /// `.inf`, `.nan`.
    NotFinite,
    /// `017`.
    LeadingZero,
    /// Anything else that is not digits with at most one `.`.
    NotDigits,
}

impl NumberForm {
    /// The reason in English, after "is written 0x1F,".
    #[must_use]
    pub fn english(self) -> &'static str {
        match self {
            NumberForm::Hexadecimal => "which YAML reads as a hexadecimal number",
            NumberForm::Octal => "which YAML reads as an octal number",
            NumberForm::Binary => "which YAML reads as a binary number",
            NumberForm::Underscore => "with `_` between digits, which YAML drops",
            NumberForm::Exponent => "with an exponent",
            NumberForm::NotFinite => "which is not a finite number",
            NumberForm::LeadingZero => "with a leading zero, which some YAML readers take as octal",
            NumberForm::NotDigits => "which is not a number written in digits",
        }
    }
}

/// How the plain number `raw` is not written the way a person writes a number (digits, at
/// most one `.`, an optional sign), or `None` when it is.
#[must_use]
pub fn number_form(raw: &str) -> Option<NumberForm> {
    let unsigned = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let lower = unsigned.to_ascii_lowercase();
    let why = if lower.starts_with("0x") {
        NumberForm::Hexadecimal
    } else if lower.starts_with("0o") {
        NumberForm::Octal
    } else if lower.starts_with("0b") {
        NumberForm::Binary
    } else if lower.contains('_') {
        NumberForm::Underscore
    } else if lower.contains(['e']) && lower.chars().any(|c| c.is_ascii_digit()) {
        NumberForm::Exponent
    } else if lower.starts_with('.') && lower.chars().any(|c| c.is_ascii_alphabetic()) {
        NumberForm::NotFinite
    } else if lower.len() > 1 && lower.starts_with('0') && !lower.starts_with("0.") {
        NumberForm::LeadingZero
    } else {
        let (whole, fraction) = lower.split_once('.').unwrap_or((&lower, "0"));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if digits(whole) && digits(fraction) {
            return None;
        }
        NumberForm::NotDigits
    };
    Some(why)
}

/// Decimal from a YAML float, refusing one whose digits a float cannot hold.
fn float_to_decimal(x: f64) -> Option<Decimal> {
    // Rust prints the shortest text that reads back as the same float, which is the text the
    // user typed whenever it has at most 15 significant digits.
    let text = x.to_string();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !x.is_finite() || digits > 15 {
        return None;
    }
    Decimal::from_str(&text).ok()
}

fn check_limits(question: &Question, value: &Value) -> Result<(), Refusal> {
    let below = |min: &Value| compare(value, min).is_some_and(std::cmp::Ordering::is_lt);
    let above = |max: &Value| compare(value, max).is_some_and(std::cmp::Ordering::is_gt);
    let out_of_range = question.min.as_ref().is_some_and(below)
        || question.max.as_ref().is_some_and(above)
        || match (question.ty, value) {
            (Type::Percent, Value::Number(n)) => n.is_sign_negative() || *n > Decimal::ONE_HUNDRED,
            (Type::Money, Value::Number(n)) => n.is_sign_negative(),
            _ => false,
        };
    if out_of_range {
        return Err(Refusal::new(
            format!(
                "is {}; expected {}",
                value_for_message(question, value),
                question.ty.expectation(question)
            ),
            Why::OutOfRange {
                value: value.clone(),
            },
        ));
    }
    Ok(())
}

fn value_for_message(question: &Question, value: &Value) -> String {
    match (question.ty, value) {
        (Type::Percent, Value::Number(n)) => format!("{}%", n.normalize()),
        (Type::Money, Value::Number(n)) => n.to_string(),
        (_, Value::Text(text)) => format!("\"{text}\""),
        _ => value.to_string(),
    }
}

pub(crate) fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => Some(a.cmp(b)),
        (Value::Integer(a), Value::Integer(b)) => Some(a.cmp(b)),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_number_needs_its_country_code_and_a_whole_number() {
        let question = Question::new("client.phone", Type::Phone, "phone");
        let why = |text: &str| {
            let error = typed_value(&question, &Scalar::Str(text.into())).unwrap_err();
            error
                .split_once(" (")
                .map(|(_, why)| why.trim_end_matches(')').to_owned())
                .unwrap_or(error)
        };
        for number in [
            "+1 217 555 0142",
            "+1 (217) 555-0142",
            "+1 217 555 0142 x12",
            "+44 20 7946 0958",
            "+49 30 5550 1427",
            "+90 312 555 0164",
        ] {
            assert!(
                typed_value(&question, &Scalar::Str(number.into())).is_ok(),
                "{number}"
            );
        }
        assert_eq!(
            why("555-0100"),
            "the country code is missing: start with + and the country's code, such as +1 for \
             the United States or Canada, +44 for the United Kingdom"
        );
        assert_eq!(
            why("+1 555-0100"),
            "not a complete number for country code +1: check the area code and the number of digits"
        );
        assert_eq!(
            why("0044 20 7946 0958"),
            "write + in place of the 00 before the country code"
        );
        assert_eq!(
            why("+999 1234567"),
            "no country has the code after the +; check it"
        );
        assert_eq!(why("+1 217 CALL NOW"), "letters are not allowed");
    }

    #[test]
    fn a_date_that_is_no_day_of_the_calendar_says_why() {
        let question = Question::new("project.start", Type::Date, "start");
        let refused = |text: &str| typed_value(&question, &Scalar::Str(text.into())).unwrap_err();
        assert_eq!(
            refused("2026-02-30"),
            "is \"2026-02-30\", but February 2026 has 28 days"
        );
        assert_eq!(
            refused("2028-02-30"),
            "is \"2028-02-30\", but February 2028 has 29 days"
        );
        assert_eq!(
            refused("2026-04-31"),
            "is \"2026-04-31\", but April 2026 has 30 days"
        );
        assert_eq!(
            refused("2026-13-01"),
            "is \"2026-13-01\", but there is no month 13: months run from 01 to 12"
        );
        assert_eq!(
            refused("2026-3-1"),
            "is \"2026-3-1\"; expected a date written YYYY-MM-DD, such as 2026-03-01"
        );
    }

    #[test]
    fn numbers_are_read_as_written_or_refused() {
        let read = |text: &str| parse_number(text).map(|d| d.to_string());
        assert_eq!(read("6400"), Some("6400".into()));
        assert_eq!(read("6400.50"), Some("6400.50".into()));
        assert_eq!(read("1,250.50"), Some("1250.50".into()));
        assert_eq!(read("12,345,678"), Some("12345678".into()));
        assert_eq!(read("-5"), Some("-5".into()));
        // A decimal comma would silently multiply the amount by a hundred.
        assert_eq!(read("6400,50"), None);
        assert_eq!(read("1.234,50"), None);
        assert_eq!(read("1,2345"), None);
        assert_eq!(read(",100"), None);
        assert_eq!(read("1e3"), None);
        assert_eq!(read("12."), None);
        assert_eq!(read(".5"), None);
        assert_eq!(read("$900"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn money_answers_refuse_decimal_commas_and_huge_amounts() {
        let question = Question::new("fees.total", Type::Money, "Fee");
        let typed = |text: &str| typed_value(&question, &Scalar::Str(text.into()));
        assert_eq!(
            typed("1,250.50"),
            Ok(Value::Number(Decimal::new(125_050, 2)))
        );
        assert_eq!(
            typed("6400,50"),
            Err(
                "is \"6400,50\"; expected an amount such as 1250.00 from 0 to 1,000,000,000,000"
                    .into()
            )
        );
        assert_eq!(
            typed("79228162514264337593543950335"),
            Err("is \"79228162514264337593543950335\"; expected an amount such as 1250.00 from 0 to 1,000,000,000,000".into())
        );
        let percent = Question::new("deposit.percent", Type::Percent, "Deposit");
        assert_eq!(
            typed_value(&percent, &Scalar::Str("50 %".into())),
            Ok(Value::Number(Decimal::from(50)))
        );
    }
}
