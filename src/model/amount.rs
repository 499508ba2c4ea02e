//! Amounts as people write them: takes the text of a money answer and the fee currency and
//! returns the amount it means, the two amounts it could mean, or nothing.
//!
//! A leading currency symbol (`$4,800`, `€9.800,00`, `₺12.400`) or code (`EUR 9.800,00`) is
//! accepted when it names the fee currency. Digits are grouped the way the currency's locale
//! groups them (rusty-money's locale data: `1,250.50` for USD and GBP, `1.250,50` for EUR and
//! TRY), and the plain form software writes (`1250.50`) is read in every currency. One `.` (or,
//! in a currency that writes a decimal comma, one `,`) followed by exactly three digits is read
//! two ways: `1.250` is 1,250 where dots group thousands and 1.25 where the dot marks the
//! cents. That amount is [`Amount::Ambiguous`]: the interview asks which was meant, and an
//! answers file is refused with both readings.

use std::str::FromStr;

use rust_decimal::Decimal;

/// What the text of a money answer says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// One amount.
    Exact(Decimal),
    /// Two amounts, and the text alone cannot tell which was meant.
    Ambiguous {
        /// The reading with the mark grouping thousands (`1.250` → 1250).
        grouped: Decimal,
        /// The reading with the mark before the cents (`1.250` → 1.25).
        decimal: Decimal,
        /// The mark read two ways: `.` or `,`.
        mark: char,
    },
}

/// Reads `text` as an amount of `currency` (an ISO code such as `EUR`).
///
/// `None` when the text is not an amount: letters, a symbol of another currency, groups that are
/// not three digits, or a decimal comma in a currency whose locale writes a decimal point (a
/// `6400,50` read with the comma dropped would be a hundred times the amount meant).
#[must_use]
pub fn read_amount(text: &str, currency: &str) -> Option<Amount> {
    let digits = strip_currency(text.trim(), currency)?;
    let (sign, unsigned) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    let decimal_comma = decimal_comma(currency);
    // The conventions a number of this currency may be written in, as (group, decimal) marks:
    // the locale's, and the point-decimal form every program writes.
    let mut conventions = vec![(',', '.')];
    if decimal_comma {
        conventions.insert(0, ('.', ','));
    } else {
        // Dots that group thousands, with no fraction: `1.250.000`.
        conventions.push(('.', '\0'));
    }
    let mut readings: Vec<Decimal> = Vec::new();
    for (group, point) in conventions {
        if let Some(value) = read_with(unsigned, group, point)
            && !readings.contains(&value)
        {
            readings.push(value);
        }
    }
    let negate = |d: Decimal| if sign { -d } else { d };
    match readings.as_slice() {
        [] => None,
        [one] => Some(Amount::Exact(negate(*one))),
        _ => {
            let mark = if unsigned.contains('.') { '.' } else { ',' };
            let plain = unsigned.replace(mark, "");
            let grouped = Decimal::from_str(&plain).ok()?;
            let decimal = Decimal::from_str(&unsigned.replace(mark, ".")).ok()?;
            Some(Amount::Ambiguous {
                grouped: negate(grouped),
                decimal: negate(decimal.normalize()),
                mark,
            })
        }
    }
}

/// True when the currency's locale writes `1.250,50` (EUR, TRY).
#[must_use]
pub fn decimal_comma(currency: &str) -> bool {
    rusty_money::iso::find(currency)
        .is_some_and(|c| rusty_money::LocalFormat::from_locale(c.locale).exponent_separator == ',')
}

/// How an amount of `currency` is written, for a message: `1,250.50` or `1.250,50`.
#[must_use]
pub fn example(currency: &str) -> &'static str {
    if decimal_comma(currency) {
        "1.250,50"
    } else {
        "1,250.50"
    }
}

/// `text` without a leading symbol or code of `currency`; `None` when it starts with the
/// symbol of a different currency.
fn strip_currency<'t>(text: &'t str, currency: &str) -> Option<&'t str> {
    let found = rusty_money::iso::find(currency);
    let mut marks: Vec<&str> = vec![currency];
    if let Some(found) = found {
        marks.push(found.symbol);
    }
    // The longest mark first, so that `US$` is not read as `U` and the rest.
    marks.sort_by_key(|m| std::cmp::Reverse(m.len()));
    for mark in marks {
        if let Some(rest) = text.strip_prefix(mark) {
            return Some(rest.trim_start());
        }
    }
    // Another currency's symbol (`€` for a fee in dollars) is not silently dropped.
    let first = text.chars().next()?;
    if first.is_ascii_digit() || first == '-' {
        Some(text)
    } else {
        None
    }
}

/// The unsigned number `text` read with `group` between groups of three digits and `point`
/// before at most two decimal places (`'\0'`: no fraction).
fn read_with(text: &str, group: char, point: char) -> Option<Decimal> {
    let (whole, fraction) = match text.split_once(point) {
        Some((whole, fraction)) if point != '\0' => (whole, Some(fraction)),
        _ => (text, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(group);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    let whole_ok = if rest.is_empty() {
        digits(first)
    } else {
        digits(first) && first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g))
    };
    if !whole_ok || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain: String = whole.chars().filter(|c| *c != group).collect();
    let number = match fraction {
        Some(fraction) => Decimal::from_str(&format!("{plain}.{fraction}")).ok()?,
        None => Decimal::from_str(&plain).ok()?,
    };
    // A reading finer than cents is no reading of an amount (`1.234` is not $1.234).
    (number.normalize().scale() <= 2).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str, currency: &str) -> Option<String> {
        match read_amount(text, currency) {
            Some(Amount::Exact(d)) => Some(d.to_string()),
            _ => None,
        }
    }

    fn two(text: &str, currency: &str) -> Option<(String, String)> {
        match read_amount(text, currency) {
            Some(Amount::Ambiguous {
                grouped, decimal, ..
            }) => Some((grouped.to_string(), decimal.to_string())),
            _ => None,
        }
    }

    #[test]
    fn a_currency_symbol_and_the_locales_grouping_are_accepted() {
        assert_eq!(exact("$4,800", "USD"), Some("4800".into()));
        assert_eq!(exact("$ 1,250.50", "USD"), Some("1250.50".into()));
        assert_eq!(exact("£12,000", "GBP"), Some("12000".into()));
        assert_eq!(exact("€9.800,00", "EUR"), Some("9800.00".into()));
        assert_eq!(exact("1.250,50", "EUR"), Some("1250.50".into()));
        assert_eq!(exact("₺12.400,75", "TRY"), Some("12400.75".into()));
        assert_eq!(exact("EUR 9800", "EUR"), Some("9800".into()));
        assert_eq!(exact("1.250.000", "USD"), Some("1250000".into()));
        // The form every program writes is read in every currency.
        assert_eq!(exact("1250.50", "EUR"), Some("1250.50".into()));
        assert_eq!(exact("1250.5", "TRY"), Some("1250.5".into()));
        assert_eq!(exact("2,5", "EUR"), Some("2.5".into()));
    }

    #[test]
    fn what_is_not_an_amount_of_the_currency_is_refused() {
        // A decimal comma where the locale writes a point would multiply the amount by 100.
        assert_eq!(read_amount("6400,50", "USD"), None);
        assert_eq!(read_amount("1.250,50", "USD"), None);
        // Another currency's symbol is not dropped.
        assert_eq!(read_amount("€900", "USD"), None);
        assert_eq!(read_amount("$900", "EUR"), None);
        assert_eq!(read_amount("1,2345", "USD"), None);
        assert_eq!(read_amount("12.", "USD"), None);
        assert_eq!(read_amount("lots", "USD"), None);
        assert_eq!(read_amount("$", "USD"), None);
    }

    #[test]
    fn one_mark_before_three_digits_is_read_both_ways() {
        assert_eq!(two("1.250", "USD"), Some(("1250".into(), "1.25".into())));
        assert_eq!(two("€9.800", "EUR"), Some(("9800".into(), "9.8".into())));
        assert_eq!(two("₺12.400", "TRY"), Some(("12400".into(), "12.4".into())));
        assert_eq!(two("4,800", "EUR"), Some(("4800".into(), "4.8".into())));
        // A comma before three digits only groups where the locale writes a decimal point.
        assert_eq!(exact("4,800", "USD"), Some("4800".into()));
        // A reading finer than cents is none: `1.234` can only be 1,234.
        assert_eq!(exact("1.234", "USD"), Some("1234".into()));
    }
}
