//! Dates as people say them at a prompt: takes what was typed and today's date and returns the
//! date meant (`today`, `tomorrow`, `+2w`, `in 3 days`, `next monday`), or nothing when the
//! text is not such a phrase. Only the interview reads these: an answers file keeps the
//! `YYYY-MM-DD` it was written with, so that building it again next week gives the same
//! contract.

use jiff::civil::{Date, Weekday};

/// The date that `text` names relative to `today`: `today`, `tomorrow`, `yesterday`, a span
/// from today in jiff's friendly form (`+2w`, `3 days`, `in 1 month`, `-1d`), or a weekday
/// (`monday`, `next monday`, `mon`): the first such day after today. `None` for anything
/// else, a `YYYY-MM-DD` date included, and for a date past the calendar's end.
#[must_use]
pub fn relative_date(text: &str, today: Date) -> Option<Date> {
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
}
