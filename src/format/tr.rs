//! Turkish prose for values (the `tr` locale): takes numbers, amounts, percents, dates and periods and returns
//! them as a Turkish contract writes them (`on beş (15) iş günü`, `12.400,00 TL`,
//! `yüzde elli (%50)`, `1 Aralık 2026`).
//!
//! Pure functions, no state. The rules follow the Türk Dil Kurumu's spelling rules
//! ("Yazım Kuralları", section on numbers, <https://tdk.gov.tr>, as quoted by
//! <https://www.isnadsistemi.org/guide/15-rakamlarin-yazimi/>):
//! - a number of several words is written as separate words: `iki yüz`, `üç yüz altmış beş`,
//!   `bin iki yüz elli bir` (the joined form of cheques and bills, `ikiyüzelli`, is for
//!   documents where words must not be slipped in, not for contract prose);
//! - one hundred and one thousand are `yüz` and `bin`, never `bir yüz` or `bir bin`; a million
//!   is `bir milyon` (the larger scales take their `bir`);
//! - digits are grouped in threes from the right with a full stop (`1.250.000`), the decimal
//!   separator is a comma (`12,5`);
//! - the percent sign stands before the number with no space: `%25`.
//!
//! Money is written `12.400,00 TL`: the Central Bank of the Republic of Türkiye (TCMB), which
//! introduced the sign `₺` in 2012, recommends writing "Türk lirası" or its abbreviation `TL`
//! in running text and official correspondence, and keeping `₺` (placed before the amount) for
//! charts and tables (TCMB's guidance on the sign, as quoted in
//! <http://www.erdogduozymm.com/2013/01/3729/>). Other currencies are written with their
//! ISO 4217 code after the amount (`5.000,00 USD`), as Turkish banks and contracts write them.

use jiff::civil::Date;
use rust_decimal::Decimal;

const ONES: [&str; 10] = [
    "", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz",
];
const TENS: [&str; 10] = [
    "", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan",
];
/// The names of 1000^k, k = 1.. (short scale, as Turkish counts: milyar = 10^9,
/// trilyon = 10^12). Enough for every [`Decimal`], whose largest value is under 10^29.
const SCALES: [&str; 9] = [
    "bin",
    "milyon",
    "milyar",
    "trilyon",
    "katrilyon",
    "kentilyon",
    "seksilyon",
    "septilyon",
    "oktilyon",
];

/// The weekdays from Monday, in running text.
pub const WEEKDAYS: [&str; 7] = [
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
];
const WEEKDAYS_SHORT: [&str; 7] = ["Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"];

const MONTHS: [&str; 12] = [
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
];

/// A whole number in Turkish words: `sıfır`, `on bir`, `bin`, `bir milyon iki yüz bin`.
///
/// Total for every value a [`Decimal`] can hold (below 10^30).
#[must_use]
pub fn integer_words(n: u128) -> String {
    if n == 0 {
        return "sıfır".to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 1000) as u16);
        rest /= 1000;
    }
    let mut words: Vec<&str> = Vec::new();
    for (k, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        // "bin", not "bir bin"; every other scale keeps its "bir" ("bir milyon").
        if !(k == 1 && group == 1) {
            push_hundreds(group, &mut words);
        }
        if k > 0 {
            words.push(SCALES.get(k - 1).copied().unwrap_or("?"));
        }
    }
    words.join(" ")
}

/// The words of 1..=999: `yüz`, not `bir yüz`; `iki yüz on bir`.
fn push_hundreds(group: u16, words: &mut Vec<&'static str>) {
    let (hundreds, tens, ones) = (group / 100, group / 10 % 10, group % 10);
    if hundreds > 1 {
        words.push(ONES[usize::from(hundreds)]);
    }
    if hundreds > 0 {
        words.push("yüz");
    }
    if tens > 0 {
        words.push(TENS[usize::from(tens)]);
    }
    if ones > 0 {
        words.push(ONES[usize::from(ones)]);
    }
}

/// A number in Turkish words: `on beş`, `bir virgül beş`, `sıfır virgül sıfır beş`,
/// `eksi iki`.
///
/// The digits after the comma are read as a number of their own, each leading zero as
/// `sıfır`, which is how Turkish reads decimals aloud (`2,05`: `iki virgül sıfır beş`).
#[must_use]
pub fn number_words(value: Decimal) -> String {
    let value = value.normalize();
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value.is_sign_negative() && !value.is_zero() {
        out.push_str("eksi ");
    }
    out.push_str(&integer_words(whole.parse().unwrap_or(0)));
    if !fraction.is_empty() {
        out.push_str(" virgül");
        let zeros = fraction.len() - fraction.trim_start_matches('0').len();
        for _ in 0..zeros {
            out.push_str(" sıfır");
        }
        let rest = &fraction[zeros..];
        if !rest.is_empty() {
            out.push(' ');
            out.push_str(&integer_words(rest.parse().unwrap_or(0)));
        }
    }
    out
}

/// An ordinal in Turkish words: `birinci`, `dördüncü`, `on beşinci`, `yüzüncü`, `bininci`.
///
/// The suffix follows the vowel harmony of the last word (`-inci`, `-ıncı`, `-uncu`,
/// `-üncü`), loses its first vowel after a vowel (`ikinci`, `altıncı`), and `dört` softens
/// to `dörd-`.
#[must_use]
pub fn ordinal_words(n: u128) -> String {
    let cardinal = integer_words(n);
    let (head, last) = cardinal
        .rsplit_once(' ')
        .map_or(("", cardinal.as_str()), |(head, last)| (head, last));
    let stem = if last == "dört" { "dörd" } else { last };
    let vowel = stem
        .chars()
        .rev()
        .find(|c| "aeıioöuü".contains(*c))
        .unwrap_or('i');
    let harmony = match vowel {
        'a' | 'ı' => 'ı',
        'e' | 'i' => 'i',
        'o' | 'u' => 'u',
        _ => 'ü',
    };
    let ends_in_vowel = stem.chars().last().is_some_and(|c| "aeıioöuü".contains(c));
    let suffix = if ends_in_vowel {
        format!("nc{harmony}")
    } else {
        format!("{harmony}nc{harmony}")
    };
    if head.is_empty() {
        format!("{stem}{suffix}")
    } else {
        format!("{head} {stem}{suffix}")
    }
}

/// A number in digits as Turkish writes it: `15`, `1.500`, `12.400,5`, `-3`.
///
/// Groups of three from the right are joined by a full stop once the whole part has four
/// digits or more; the decimal separator is a comma.
#[must_use]
pub fn digits(value: Decimal) -> String {
    let value = value.normalize();
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    let grouped = group_thousands(whole);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

fn group_thousands(whole: &str) -> String {
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// A number as a contract states it, in words and then digits: `on beş (15)`.
#[must_use]
pub fn words(value: Decimal) -> String {
    format!("{} ({})", number_words(value), digits(value))
}

/// A percent as a contract states it: `yüzde elli (%50)`, `yüzde bir virgül beş (%1,5)`.
#[must_use]
pub fn percent(value: Decimal) -> String {
    let value = value.normalize();
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    // "%-5" reads oddly; the sign stays before the percent sign: "-%5".
    format!(
        "yüzde {} ({sign}%{})",
        number_words(value),
        digits(value.abs())
    )
}

/// A unit of time a contract counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar days (`gün`).
    Days,
    /// Business days, Monday to Friday (`iş günü`).
    BusinessDays,
    /// Weeks (`hafta`).
    Weeks,
    /// Months (`ay`).
    Months,
}

/// A period as a contract states it: `on beş (15) iş günü`, `otuz (30) gün`.
///
/// The noun stays singular after a number, as Turkish requires (`beş gün`, not `beş günler`).
#[must_use]
pub fn duration(count: u64, period: Period) -> String {
    let noun = match period {
        Period::Days => "gün",
        Period::BusinessDays => "iş günü",
        Period::Weeks => "hafta",
        Period::Months => "ay",
    };
    format!("{} {noun}", words(Decimal::from(count)))
}

/// An amount as a Turkish contract writes it: `12.400,00 TL`, `5.000,00 USD`, `-3,50 TL`.
///
/// Rounded to the currency's minor unit (`exponent` decimals: 2 for TL, 0 for the yen),
/// halves away from zero.
#[must_use]
pub fn money(amount: Decimal, code: &str, exponent: u32) -> String {
    let rounded = crate::model::rounding::round(amount, exponent);
    let text = format!("{:.*}", exponent as usize, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut number = group_thousands(whole);
    if !fraction.is_empty() {
        number.push(',');
        number.push_str(fraction);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let unit = if code == "TRY" { "TL" } else { code };
    format!("{sign}{number} {unit}")
}

/// A currency named in a Turkish sentence: `Türk lirası (TL)`, `ABD doları (USD)`; a code
/// without a Turkish name stands alone (`CHF`).
///
/// The lira is written `TL`, as in amounts (`12.400,00 TL`), not `TRY`: `TRY` is the code of
/// payment systems, `TL` the abbreviation Turkish law and invoices use (Law no. 5083 on the
/// Currency of the Republic of Türkiye, art. 1, names the unit "Türk Lirası").
#[must_use]
pub fn currency_name(code: &str) -> String {
    let name = match code {
        "TRY" => return "Türk lirası (TL)".to_owned(),
        "USD" => "ABD doları",
        "EUR" => "avro",
        "GBP" => "İngiliz sterlini",
        "CAD" => "Kanada doları",
        "AUD" => "Avustralya doları",
        "CHF" => "İsviçre frangı",
        "JPY" => "Japon yeni",
        _ => return code.to_owned(),
    };
    format!("{name} ({code})")
}

/// A date as a Turkish contract writes it: `1 Aralık 2026` (no leading zero, month
/// capitalised as the TDK writes month names in a full date).
#[must_use]
pub fn long_date(date: Date) -> String {
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)];
    format!("{} {month} {}", date.day(), date.year())
}

/// A date's month and year: `Şubat 2026`.
#[must_use]
pub fn month_year(date: Date) -> String {
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)];
    format!("{month} {}", date.year())
}

/// The short name of a date's weekday, as Turkish calendars abbreviate it: `Pzt`, `Sal`, `Çar`,
/// `Per`, `Cum`, `Cmt`, `Paz`.
#[must_use]
pub fn weekday_short(date: Date) -> &'static str {
    WEEKDAYS_SHORT[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
}

/// The name of a date's weekday: `pazartesi` … `pazar` (lower case, as in running text).
#[must_use]
pub fn weekday(date: Date) -> &'static str {
    WEEKDAYS[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
}

#[cfg(test)]
mod tests;
