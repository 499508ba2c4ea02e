//! Dates as people say them at a prompt: takes what was typed, today's date and the
//! interview's language and returns the date meant (`today`, `tomorrow`, `+2w`, `in 3 days`,
//! `next monday`; in Turkish also `bugün`, `yarın`, `+2h`, `3 gün sonra`, `haftaya pazartesi`),
//! or nothing when the text is not such a phrase. Only the interview reads these: an answers
//! file keeps the `YYYY-MM-DD` it was written with, so that building it again next week gives
//! the same contract.

use jiff::civil::{Date, Weekday};

use super::Language;

/// The date that `text` names relative to `today`: `today`, `tomorrow`, `yesterday`, a span
/// from today in jiff's friendly form (`+2w`, `3 days`, `in 1 month`, `-1d`), or a weekday
/// (`monday`, `next monday`, `mon`): the first such day after today. `None` for anything
/// else, a `YYYY-MM-DD` date included, and for a date past the calendar's end.
#[must_use]
pub fn relative_date(text: &str, today: Date) -> Option<Date> {
    relative_date_in(text, today, Language::En)
}

/// [`relative_date`] in the interview's `language`: the English forms always (they are what
/// the help of every language shows first), and in Turkish the forms a Turkish user types:
///
/// - `bugün`, `yarın`, `dün` (also typed without the Turkish letters: `bugun`, `yarin`);
/// - a weekday (`pazartesi`, `salı`, `sali`, `pzt`), alone or after `gelecek` or
///   `önümüzdeki` ("the coming Monday"): the first such day after today (`günü` may follow:
///   `cuma günü`);
/// - `haftaya` and a weekday (`haftaya cuma`): that day of next week, Monday to Sunday, as
///   Turkish means it ("haftaya cuma" said on a Monday is the Friday eleven days on, not the
///   one four days on);
/// - a count of days, weeks or months and `sonra` (`3 gün sonra`, `2 hafta sonra`,
///   `1 ay sonra`), or a signed count with the Turkish unit letter: `+3g` (gün), `+2h`
///   (hafta; hours never move a date, so `h` is free for the week), `+1a` (ay).
#[must_use]
pub fn relative_date_in(text: &str, today: Date, language: Language) -> Option<Date> {
    if language == Language::Tr
        && let Some(date) = turkish(text, today)
    {
        return Some(date);
    }
    english(text, today)
}

fn english(text: &str, today: Date) -> Option<Date> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["today"] => return Some(today),
        ["tomorrow"] => return today.tomorrow().ok(),
        ["yesterday"] => return today.yesterday().ok(),
        [day] | ["next" | "on", day] => {
            if let Some(weekday) = weekday(day) {
                return today.nth_weekday(1, weekday).ok();
            }
        }
        _ => {}
    }
    // A span: only one that starts with a sign, a digit or `in`, so that a mistyped date such
    // as `2026-3-1` is not read as a span.
    let span_text = lower.strip_prefix("in ").unwrap_or(&lower).trim();
    if !span_text.starts_with(['+', '-']) && !span_text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if span_text.contains(':') || span_text.matches('-').count() > 1 {
        return None;
    }
    let span: jiff::Span = span_text.parse().ok()?;
    // Hours and smaller units do not move a date.
    if span.get_hours() != 0
        || span.get_minutes() != 0
        || span.get_seconds() != 0
        || span.get_milliseconds() != 0
        || span.get_microseconds() != 0
        || span.get_nanoseconds() != 0
    {
        return None;
    }
    today.checked_add(span).ok()
}

/// The weekday a word names: `monday` or `mon`.
fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    DAYS.iter()
        .find(|(name, _)| *name == word || (word.len() >= 3 && name.starts_with(word)))
        .map(|(_, day)| *day)
}

/// The Turkish forms of [`relative_date_in`].
fn turkish(text: &str, today: Date) -> Option<Date> {
    let lower = turkish_lowercase(text.trim());
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    // `günü` after a weekday ("cuma günü", "haftaya cuma günü") names the same day.
    if words.len() > 1 && matches!(words.last(), Some(&("günü" | "gunu"))) {
        words.pop();
    }
    match words.as_slice() {
        ["bugün" | "bugun"] => return Some(today),
        ["yarın" | "yarin"] => return today.tomorrow().ok(),
        ["dün" | "dun"] => return today.yesterday().ok(),
        [day] | ["gelecek" | "önümüzdeki" | "onumuzdeki", day] => {
            if let Some(weekday) = turkish_weekday(day) {
                return today.nth_weekday(1, weekday).ok();
            }
        }
        ["haftaya", day] => {
            let weekday = turkish_weekday(day)?;
            // Monday of next week, then the day in that week.
            let monday = today
                .checked_add(
                    jiff::Span::new().days(7 - i64::from(today.weekday().to_monday_zero_offset())),
                )
                .ok()?;
            let offset = i64::from(weekday.to_monday_zero_offset());
            return monday.checked_add(jiff::Span::new().days(offset)).ok();
        }
        [count, unit, "sonra"] => {
            let count: i64 = count.parse().ok()?;
            return add(today, count, turkish_unit(unit)?);
        }
        _ => {}
    }
    // `+2h`, `+3g`, `-1a`: a sign, a count and the unit's letter.
    let (sign, rest) = match lower.chars().next()? {
        '+' => (1, &lower[1..]),
        '-' => (-1, &lower[1..]),
        _ => return None,
    };
    let rest = rest.trim();
    let split = rest.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = rest.split_at(split);
    let count: i64 = count.parse().ok()?;
    let unit = match unit.trim() {
        "g" => TurkishUnit::Days,
        "h" => TurkishUnit::Weeks,
        "a" => TurkishUnit::Months,
        _ => return None,
    };
    add(today, sign * count, unit)
}

/// A unit a Turkish span counts in.
#[derive(Clone, Copy)]
enum TurkishUnit {
    Days,
    Weeks,
    Months,
}

fn turkish_unit(word: &str) -> Option<TurkishUnit> {
    match word {
        "gün" | "gun" => Some(TurkishUnit::Days),
        "hafta" => Some(TurkishUnit::Weeks),
        "ay" => Some(TurkishUnit::Months),
        _ => None,
    }
}

fn add(today: Date, count: i64, unit: TurkishUnit) -> Option<Date> {
    let span = match unit {
        TurkishUnit::Days => jiff::Span::new().try_days(count),
        TurkishUnit::Weeks => jiff::Span::new().try_weeks(count),
        TurkishUnit::Months => jiff::Span::new().try_months(count),
    }
    .ok()?;
    today.checked_add(span).ok()
}

/// Lower case as Turkish writes it: `I` is `ı` and `İ` is `i` (`SALI` is `salı`).
fn turkish_lowercase(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'I' => 'ı',
            'İ' => 'i',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

/// The weekday a Turkish word names: `pazartesi`, its short form `pzt`, or the word typed
/// without the Turkish letters (`sali`, `carsamba`, `persembe`).
fn turkish_weekday(word: &str) -> Option<Weekday> {
    const DAYS: [(&[&str], Weekday); 7] = [
        (&["pazartesi", "pzt", "pts"], Weekday::Monday),
        (&["salı", "sali", "sal"], Weekday::Tuesday),
        (
            &["çarşamba", "carsamba", "çar", "car", "çrş"],
            Weekday::Wednesday,
        ),
        (&["perşembe", "persembe", "per", "prş"], Weekday::Thursday),
        (&["cuma", "cum"], Weekday::Friday),
        (&["cumartesi", "cmt", "cts"], Weekday::Saturday),
        (&["pazar", "paz", "pzr"], Weekday::Sunday),
    ];
    DAYS.iter()
        .find(|(names, _)| names.contains(&word))
        .map(|(_, day)| *day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Monday, 2 March 2026.
    const TODAY: Date = date(2026, 3, 2);

    fn read(text: &str) -> Option<String> {
        relative_date(text, TODAY).map(|d| d.to_string())
    }

    #[test]
    fn words_and_spans_from_today() {
        assert_eq!(read("today").as_deref(), Some("2026-03-02"));
        assert_eq!(read(" Tomorrow ").as_deref(), Some("2026-03-03"));
        assert_eq!(read("yesterday").as_deref(), Some("2026-03-01"));
        assert_eq!(read("+2w").as_deref(), Some("2026-03-16"));
        assert_eq!(read("3 days").as_deref(), Some("2026-03-05"));
        assert_eq!(read("in 1 month").as_deref(), Some("2026-04-02"));
        assert_eq!(read("+1 month 2 days").as_deref(), Some("2026-04-04"));
        assert_eq!(read("-1d").as_deref(), Some("2026-03-01"));
    }

    #[test]
    fn a_weekday_is_the_first_one_after_today() {
        // Today is a Monday: "monday" is the one a week on, never today.
        assert_eq!(read("next monday").as_deref(), Some("2026-03-09"));
        assert_eq!(read("monday").as_deref(), Some("2026-03-09"));
        assert_eq!(read("Friday").as_deref(), Some("2026-03-06"));
        assert_eq!(read("next fri").as_deref(), Some("2026-03-06"));
        assert_eq!(read("on sunday").as_deref(), Some("2026-03-08"));
    }

    #[test]
    fn anything_else_is_not_a_relative_date() {
        for text in [
            "2026-03-01",
            "2026-3-1",
            "soon",
            "next week",
            "mo",
            "+2h",
            "12:00",
            "",
            "in",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    fn turkish_read(text: &str) -> Option<String> {
        relative_date_in(text, TODAY, Language::Tr).map(|d| d.to_string())
    }

    #[test]
    fn turkish_words_and_spans_from_today() {
        assert_eq!(turkish_read("bugün").as_deref(), Some("2026-03-02"));
        assert_eq!(turkish_read(" Yarın ").as_deref(), Some("2026-03-03"));
        assert_eq!(turkish_read("yarin").as_deref(), Some("2026-03-03"));
        assert_eq!(turkish_read("dün").as_deref(), Some("2026-03-01"));
        assert_eq!(turkish_read("+2h").as_deref(), Some("2026-03-16"));
        assert_eq!(turkish_read("+3g").as_deref(), Some("2026-03-05"));
        assert_eq!(turkish_read("+1a").as_deref(), Some("2026-04-02"));
        assert_eq!(turkish_read("2 hafta sonra").as_deref(), Some("2026-03-16"));
        assert_eq!(turkish_read("10 gün sonra").as_deref(), Some("2026-03-12"));
        assert_eq!(turkish_read("1 ay sonra").as_deref(), Some("2026-04-02"));
        // The English forms are understood in a Turkish interview too.
        assert_eq!(turkish_read("+2w").as_deref(), Some("2026-03-16"));
        assert_eq!(turkish_read("tomorrow").as_deref(), Some("2026-03-03"));
    }

    #[test]
    fn a_turkish_weekday_is_the_next_one_and_haftaya_is_next_weeks() {
        // Today is Monday 2 March 2026.
        assert_eq!(turkish_read("pazartesi").as_deref(), Some("2026-03-09"));
        assert_eq!(
            turkish_read("gelecek pazartesi").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(
            turkish_read("haftaya pazartesi").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(turkish_read("cuma").as_deref(), Some("2026-03-06"));
        assert_eq!(
            turkish_read("önümüzdeki cuma").as_deref(),
            Some("2026-03-06")
        );
        assert_eq!(turkish_read("haftaya cuma").as_deref(), Some("2026-03-13"));
        assert_eq!(
            turkish_read("haftaya cuma günü").as_deref(),
            Some("2026-03-13")
        );
        assert_eq!(turkish_read("SALI").as_deref(), Some("2026-03-03"));
        assert_eq!(turkish_read("çarşamba").as_deref(), Some("2026-03-04"));
        assert_eq!(turkish_read("carsamba").as_deref(), Some("2026-03-04"));
        // On a Friday, "haftaya pazartesi" is three days on, and "haftaya cuma" a week on.
        let friday = date(2026, 3, 6);
        let on_friday =
            |text: &str| relative_date_in(text, friday, Language::Tr).map(|d| d.to_string());
        assert_eq!(
            on_friday("haftaya pazartesi").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(on_friday("haftaya cuma").as_deref(), Some("2026-03-13"));
    }

    #[test]
    fn turkish_forms_are_read_only_in_a_turkish_interview() {
        for text in ["bugün", "yarın", "+2h", "haftaya cuma", "3 gün sonra"] {
            assert_eq!(read(text), None, "{text:?}");
        }
        for text in [
            "haftaya",
            "bugün yarın",
            "+2x",
            "2 yıl sonra",
            "gelecek hafta",
            "12:00",
        ] {
            assert_eq!(turkish_read(text), None, "{text:?}");
        }
    }
}
