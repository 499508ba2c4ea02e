//! Business days: Monday to Friday date arithmetic (public holidays are not known).

use jiff::ToSpan as _;
use jiff::civil::{Date, Weekday};

/// Whether `date` is a business day: Monday to Friday (public holidays are not known).
#[must_use]
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `date`, or the Monday after it when it falls on a weekend.
#[must_use]
pub fn business_day_on_or_after(date: Date) -> Date {
    let mut day = date;
    while !is_business_day(day) {
        day = day.saturating_add(1.days());
    }
    day
}

/// The `n`th business day after `date` (weekends skipped; `date` itself is not counted).
#[must_use]
pub fn add_business_days(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.saturating_add(1.days());
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// The Tuesday of the calendar week (Monday to Sunday) after the one holding `date`.
#[must_use]
pub fn tuesday_of_next_week(date: Date) -> Date {
    let monday = date.saturating_add((-i64::from(date.weekday().to_monday_zero_offset())).days());
    monday.saturating_add(8.days())
}

/// The `n`th business day before `date` (weekends skipped; `date` itself is not counted).
#[must_use]
pub fn subtract_business_days(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.saturating_sub(1.days());
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
#[must_use]
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}
