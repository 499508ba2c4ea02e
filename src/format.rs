//! Formatting: the one place a value becomes prose. Takes a value and a [`Locale`] and returns
//! the text a contract, letter, summary or interview shows: money (`$12,400.00`), percents
//! (`fifty percent (50%)`), numbers in words (`fifteen (15)`), dates (`March 2, 2026`), and
//! an answer as a summary shows it ([`display_value`]).
//!
//! Every function takes the locale, so a new language is a new [`Locale`] variant and the
//! match arms that go with it, not a hunt through the stages. Turkish lives in [`tr`]
//! (`12.400,00 TL`, `yüzde elli (%50)`, `on beş (15)`, `1 Aralık 2026`, `7. madde`).

use rust_decimal::Decimal;

pub mod tr;

use crate::model::{Language, Question, Type, Value};

/// The language and conventions prose is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Locale {
    /// American English: `$1,250.00`, `March 2, 2026`, `license`.
    #[default]
    EnUs,
    /// British English, for contracts under the laws of the UK, Germany, Türkiye and other
    /// places outside the US written in English: `2 March 2026`, `licence`.
    EnGb,
    /// Turkish as written in Türkiye: `1.250,00 TL`, `2 Mart 2026`, `on beş`.
    Tr,
}

impl Locale {
    /// The locale of a contract written in `language`, where `english` is the English
    /// locale the place's conventions chose (American or British).
    #[must_use]
    pub fn of(language: Language, english: Locale) -> Locale {
        match language {
            Language::En => english,
            Language::Tr => Locale::Tr,
        }
    }

    /// The language this locale writes.
    #[must_use]
    pub fn language(self) -> Language {
        match self {
            Locale::EnUs | Locale::EnGb => Language::En,
            Locale::Tr => Language::Tr,
        }
    }
}

/// A unit a period is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Days,
    /// Business days, Monday to Friday.
    BusinessDays,
}

/// A period as a contract or letter words it: `five (5) business days`, `beş (5) iş günü`.
#[must_use]
pub fn period(count: u32, unit: Period, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => {
            let unit = match unit {
                Period::Days => "days",
                Period::BusinessDays => "business days",
            };
            format!("{} {unit}", words(Decimal::from(count), locale))
        }
        Locale::Tr => {
            let unit = match unit {
                Period::Days => tr::Period::Days,
                Period::BusinessDays => tr::Period::BusinessDays,
            };
            tr::duration(u64::from(count), unit)
        }
    }
}

/// A reference to a numbered clause with its title: `section 7 (Kill Fee)`; in Turkish
/// `“Ücret” başlıklı 7. madde`, which takes its case ending as [`section`] does.
#[must_use]
pub fn section_titled(number: u32, title: &str, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => format!("section {number} ({title})"),
        Locale::Tr => format!("“{title}” başlıklı {number}. madde"),
    }
}

/// A reference to a numbered clause: `section 7`; in Turkish `7. madde`, which a template
/// inflects by appending the case ending (`7. maddede`, `7. maddeye`, `7. maddesi`).
#[must_use]
pub fn section(number: u32, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => format!("section {number}"),
        Locale::Tr => format!("{number}. madde"),
    }
}

/// A value as a person reads it in a summary: `$190.00`, `50%`, `15 business days`.
/// `currency` is the ISO 4217 code money is shown in.
#[must_use]
pub fn display_value(question: &Question, value: &Value, currency: &str, locale: Locale) -> String {
    let text = match (question.ty, value) {
        (Type::Money, Value::Number(n)) => {
            money(*n, currency, locale).unwrap_or_else(|| n.to_string())
        }
        (Type::Percent, Value::Number(n)) => match locale {
            Locale::EnUs | Locale::EnGb => format!("{}%", n.normalize()),
            Locale::Tr => format!("%{}", tr::digits(*n)),
        },
        (Type::Date, Value::Date(d)) => long_date(*d, locale),
        (Type::Bool, Value::Bool(yes)) if locale == Locale::Tr => {
            (if *yes { "evet" } else { "hayır" }).to_owned()
        }
        (Type::List, Value::List(records)) => {
            let records: Vec<String> = records
                .iter()
                .map(|record| {
                    let fields: Vec<String> = record
                        .iter()
                        .map(|(key, value)| match question.field(key) {
                            Some(field) => display_value(field, value, currency, locale),
                            None => value.to_string(),
                        })
                        .collect();
                    fields.join(", ")
                })
                .collect();
            records.join("; ")
        }
        _ => value.to_string(),
    };
    match &question.unit {
        Some(unit) => format!("{text} {unit}"),
        None => text,
    }
}

/// Currencies whose symbol names them alone; others are written with their code (`CAD 1.00`).
const UNAMBIGUOUS_SYMBOLS: &[&str] = &[
    "USD", "EUR", "GBP", "TRY", "JPY", "INR", "KRW", "ILS", "NGN", "UAH", "PHP", "THB", "VND",
];

/// Formats `amount` in the currency `code` as a contract writes it, rounded to the currency's
/// minor unit (`$1,234,567.01`, `¥1,000`, `CAD 12,400.00`); `None` for an unknown code.
#[must_use]
pub fn money(amount: Decimal, code: &str, locale: Locale) -> Option<String> {
    let currency = rusty_money::iso::find(code)?;
    let exponent = currency.exponent;
    if locale == Locale::Tr {
        return Some(tr::money(amount, code, exponent));
    }
    let rounded = crate::model::rounding::round(amount, exponent);
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

/// A currency as a contract names it in a sentence ("all amounts are in ..."): its ISO 4217
/// code in English (`USD`), its Turkish name with the code a Turkish reader knows in Turkish
/// (`Türk lirası (TL)`, `ABD doları (USD)`).
#[must_use]
pub fn currency_name(code: &str, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => code.to_owned(),
        Locale::Tr => tr::currency_name(code),
    }
}

/// A percentage as a contract writes it: `fifty percent (50%)`, `one and one-half percent
/// (1.5%)`, `one-quarter of one percent (0.25%)`; a fraction finer than hundredths only in
/// figures (`1.125%`), never as "one point one two five".
#[must_use]
pub fn percent(value: Decimal, locale: Locale) -> String {
    if locale == Locale::Tr {
        return tr::percent(value);
    }
    let value = value.normalize();
    let whole = value.trunc();
    let fraction = value - whole;
    if fraction.is_zero() {
        return format!("{} percent ({value}%)", number_words(value, locale));
    }
    let Some(fraction_words) = fraction_words(fraction.abs(), locale) else {
        return format!("{value}%");
    };
    if whole.is_zero() {
        format!("{fraction_words} of one percent ({value}%)")
    } else {
        format!(
            "{} and {fraction_words} percent ({value}%)",
            number_words(whole, locale)
        )
    }
}

/// `0.5` → `one-half`, `0.25` → `one-quarter`, `0.3` → `three-tenths`, `0.07` →
/// `seven-hundredths`, `0.35` → `thirty-five hundredths`; `None` below hundredths.
fn fraction_words(fraction: Decimal, locale: Locale) -> Option<String> {
    let hundredths = fraction * Decimal::ONE_HUNDRED;
    if !hundredths.fract().is_zero() {
        return None;
    }
    let n = hundredths.trunc();
    let named = match n.to_string().as_str() {
        "50" => Some("one-half"),
        "25" => Some("one-quarter"),
        "75" => Some("three-quarters"),
        _ => None,
    };
    if let Some(named) = named {
        return Some(named.to_owned());
    }
    let (count, unit) = if (n % Decimal::TEN).is_zero() {
        (n / Decimal::TEN, "tenth")
    } else {
        (n, "hundredth")
    };
    let joiner = if count < Decimal::TEN { "-" } else { " " };
    let plural = if count == Decimal::ONE { "" } else { "s" };
    Some(format!(
        "{}{joiner}{unit}{plural}",
        number_words(count, locale)
    ))
}

/// A number in words with its digits, as a contract writes it: `fifteen (15)`.
#[must_use]
pub fn words(value: Decimal, locale: Locale) -> String {
    if locale == Locale::Tr {
        return tr::words(value);
    }
    let value = value.normalize();
    format!("{} ({value})", number_words(value, locale))
}

/// A number in words, from its exact digits: `fifteen`, `one point five`, `zero point two
/// five`. The whole part goes through `num2words` as an integer and each digit of the
/// fraction is named, so no digit is lost to a float (`99.9999` is never "one hundred").
#[must_use]
pub fn number_words(value: Decimal, locale: Locale) -> String {
    if locale == Locale::Tr {
        return tr::number_words(value);
    }
    // Whole numbers below a thousand (days, percents, counts) are nearly every number a
    // contract writes in words: spelt out here, as num2words spells them, without its
    // arbitrary-precision arithmetic.
    if value.is_integer()
        && let Ok(n) = u16::try_from(value)
        && n < 1000
    {
        return small_number_words(n);
    }
    let text = value.normalize().abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole_words = whole
        .parse::<i64>()
        .ok()
        .and_then(|n| num2words::Num2Words::new(n).to_words().ok())
        .unwrap_or_else(|| whole.to_owned());
    let mut words = whole_words;
    if !fraction.is_empty() {
        words.push_str(" point");
        for digit in fraction.chars() {
            words.push(' ');
            words.push_str(DIGITS[digit.to_digit(10).unwrap_or(0) as usize]);
        }
    }
    if value.is_sign_negative() && !value.is_zero() {
        format!("minus {words}")
    } else {
        words
    }
}

/// The digits' names, for the fraction of [`number_words`].
const DIGITS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// A whole number below a thousand in words: `seven`, `forty-two`, `one hundred five`.
fn small_number_words(n: u16) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let below_hundred = |n: u16| -> String {
        match n {
            0..=19 => ONES[usize::from(n)].to_owned(),
            _ if n.is_multiple_of(10) => TENS[usize::from(n / 10)].to_owned(),
            _ => format!(
                "{}-{}",
                TENS[usize::from(n / 10)],
                ONES[usize::from(n % 10)]
            ),
        }
    };
    match (n / 100, n % 100) {
        (0, rest) => below_hundred(rest),
        (hundreds, 0) => format!("{} hundred", ONES[usize::from(hundreds)]),
        (hundreds, rest) => format!(
            "{} hundred {}",
            ONES[usize::from(hundreds)],
            below_hundred(rest)
        ),
    }
}

/// A date as a contract writes it: `March 2, 2026` (US), `2 March 2026` (GB).
#[must_use]
pub fn long_date(date: jiff::civil::Date, locale: Locale) -> String {
    match locale {
        Locale::EnUs => date.strftime("%B %-d, %Y").to_string(),
        Locale::EnGb => date.strftime("%-d %B %Y").to_string(),
        Locale::Tr => tr::long_date(date),
    }
}

/// A date in digits, as a table or a status shows it: `2026-03-09` in English (the form every
/// answers file uses), `09.03.2026` in Turkish.
#[must_use]
pub fn numeric_date(date: jiff::civil::Date, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => date.to_string(),
        Locale::Tr => date.strftime("%d.%m.%Y").to_string(),
    }
}

/// A date with its weekday, short, for a schedule's lines: `Mon 2026-03-09`, `Pzt 09.03.2026`.
#[must_use]
pub fn short_date(date: jiff::civil::Date, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => date.strftime("%a %Y-%m-%d").to_string(),
        Locale::Tr => format!("{} {}", tr::weekday_short(date), numeric_date(date, locale)),
    }
}

/// A count in digits: `1,250` in English, `1.250` in Turkish.
#[must_use]
pub fn digits(value: Decimal, locale: Locale) -> String {
    match locale {
        Locale::EnUs | Locale::EnGb => {
            let value = value.normalize();
            let text = value.abs().to_string();
            let (whole, fraction) = text
                .split_once('.')
                .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
            let mut out = String::new();
            if value.is_sign_negative() && !value.is_zero() {
                out.push('-');
            }
            for (i, digit) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(digit);
            }
            if let Some(fraction) = fraction {
                out.push('.');
                out.push_str(fraction);
            }
            out
        }
        Locale::Tr => tr::digits(value),
    }
}

/// British spellings of the clause library's own words and their American forms, whole words
/// only. Clause text is written in British spelling; [`american`] turns it American. Only words
/// whose American form is the same for noun and verb are listed (British "licence" is the
/// noun, "license" the verb; American "license" is both).
const AMERICAN: &[(&str, &str)] = &[
    ("licence", "license"),
    ("licences", "licenses"),
    ("Licence", "License"),
    ("Licences", "Licenses"),
    ("notarisation", "notarization"),
    ("optimisation", "optimization"),
];

/// The library's own text (never an answer) in American spelling.
#[must_use]
pub fn american(text: &str) -> std::borrow::Cow<'_, str> {
    if !AMERICAN.iter().any(|(gb, _)| text.contains(gb)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        out.push_str(
            AMERICAN
                .iter()
                .find(|(gb, _)| *gb == word)
                .map_or(word, |(_, us)| us),
        );
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn small_numbers_are_spelt_as_num2words_spells_them() {
        for n in 0..1000_u16 {
            let expected = num2words::Num2Words::new(f64::from(n)).to_words().unwrap();
            assert_eq!(small_number_words(n), expected, "{n}");
            assert_eq!(number_words(Decimal::from(n), Locale::EnUs), expected);
        }
    }

    use std::str::FromStr;

    use super::*;

    #[test]
    fn the_turkish_locale_writes_turkish() {
        let dec = |s: &str| Decimal::from_str(s).unwrap();
        let tr = Locale::Tr;
        assert_eq!(money(dec("12400"), "TRY", tr).unwrap(), "12.400,00 TL");
        assert_eq!(money(dec("999.5"), "JPY", tr).unwrap(), "1.000 JPY");
        assert_eq!(money(dec("1"), "XYZ", tr), None);
        assert_eq!(percent(dec("50"), tr), "yüzde elli (%50)");
        assert_eq!(words(dec("15"), tr), "on beş (15)");
        assert_eq!(number_words(dec("1000"), tr), "bin");
        let date = jiff::civil::date(2026, 12, 1);
        assert_eq!(long_date(date, tr), "1 Aralık 2026");
        assert_eq!(section(7, tr), "7. madde");
        assert_eq!(section_titled(2, "Ücret", tr), "“Ücret” başlıklı 2. madde");
        assert_eq!(period(15, Period::BusinessDays, tr), "on beş (15) iş günü");
        assert_eq!(period(30, Period::Days, tr), "otuz (30) gün");
        let en = Locale::EnUs;
        assert_eq!(section(7, en), "section 7");
        assert_eq!(
            period(5, Period::BusinessDays, en),
            "five (5) business days"
        );
        assert_eq!(money(dec("12400"), "TRY", en).unwrap(), "₺12,400.00");
    }

    fn format_money(amount: Decimal, code: &str) -> Option<String> {
        money(amount, code, Locale::EnUs)
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
    fn percents_in_words() {
        let words = |s: &str| percent(Decimal::from_str(s).unwrap(), Locale::EnUs);
        assert_eq!(words("50"), "fifty percent (50%)");
        assert_eq!(words("1.5"), "one and one-half percent (1.5%)");
        assert_eq!(words("1.50"), "one and one-half percent (1.5%)");
        assert_eq!(words("2.25"), "two and one-quarter percent (2.25%)");
        assert_eq!(words("0.75"), "three-quarters of one percent (0.75%)");
        assert_eq!(words("0.1"), "one-tenth of one percent (0.1%)");
        assert_eq!(words("1.3"), "one and three-tenths percent (1.3%)");
        assert_eq!(words("1.07"), "one and seven-hundredths percent (1.07%)");
        assert_eq!(
            words("1.35"),
            "one and thirty-five hundredths percent (1.35%)"
        );
        assert_eq!(words("1.125"), "1.125%");
    }

    #[test]
    fn dates_and_spelling_follow_the_locale() {
        let day = jiff::civil::date(2026, 3, 2);
        assert_eq!(long_date(day, Locale::EnUs), "March 2, 2026");
        assert_eq!(long_date(day, Locale::EnGb), "2 March 2026");
        let text = "a licence (the Licence), two licences; the Designer may license it; licensee";
        assert_eq!(
            american(text),
            "a license (the License), two licenses; the Designer may license it; licensee"
        );
    }

    #[test]
    fn numbers_in_words() {
        let words = |s: &str| number_words(Decimal::from_str(s).unwrap(), Locale::EnUs);
        assert_eq!(words("15"), "fifteen");
        assert_eq!(words("50"), "fifty");
        assert_eq!(words("21"), "twenty-one");
        assert_eq!(words("1.5"), "one point five");
        assert_eq!(words("0.25"), "zero point two five");
        assert_eq!(words("100"), "one hundred");
    }

    #[test]
    fn words_come_from_the_exact_digits_never_a_float() {
        let words = |s: &str| number_words(Decimal::from_str(s).unwrap(), Locale::EnUs);
        // As a float 99.99999999999999999 is 100: the words said "one hundred".
        assert_eq!(
            words("99.99999999999999999"),
            "ninety-nine point nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine"
        );
        assert_eq!(words("2.05"), "two point zero five");
        assert_eq!(words("-3.5"), "minus three point five");
        assert_eq!(
            words("999999999999.99"),
            "nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred and ninety-nine point nine nine"
        );
        let percent = |s: &str| percent(Decimal::from_str(s).unwrap(), Locale::EnUs);
        assert_eq!(percent("99.9999"), "99.9999%");
    }

    #[test]
    fn a_schedule_line_dates_and_counts_each_language_its_way() {
        let day = jiff::civil::date(2026, 12, 21);
        assert_eq!(short_date(day, Locale::EnUs), "Mon 2026-12-21");
        assert_eq!(short_date(day, Locale::Tr), "Pzt 21.12.2026");
        assert_eq!(numeric_date(day, Locale::EnGb), "2026-12-21");
        assert_eq!(
            numeric_date(jiff::civil::date(2027, 1, 3), Locale::Tr),
            "03.01.2027"
        );
        let weekdays: Vec<String> = (21..=27)
            .map(|d| short_date(jiff::civil::date(2026, 12, d), Locale::Tr))
            .map(|s| s[..s.find(' ').unwrap()].to_owned())
            .collect();
        assert_eq!(weekdays, ["Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"]);
        assert_eq!(digits(Decimal::from(1_250_000), Locale::EnUs), "1,250,000");
        assert_eq!(digits(Decimal::new(-12505, 1), Locale::EnUs), "-1,250.5");
        assert_eq!(digits(Decimal::from(117), Locale::Tr), "117");
        assert_eq!(digits(Decimal::from(1_250_000), Locale::Tr), "1.250.000");
    }
}
