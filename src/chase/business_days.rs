//! Calendar arithmetic of the ladders that does not depend on holidays: the Tuesday of the
//! next week, whole days between two dates. Business days (weekends and public holidays
//! skipped) are counted by [`crate::holidays::Calendar`].

use jiff::ToSpan as _;
use jiff::civil::Date;

/// The Tuesday of the calendar week (Monday to Sunday) after the one holding `date`.
#[must_use]
pub fn tuesday_of_next_week(date: Date) -> Date {
    let monday = date.saturating_add((-i64::from(date.weekday().to_monday_zero_offset())).days());
    monday.saturating_add(8.days())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
#[must_use]
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}
