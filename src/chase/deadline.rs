//! The final notice's deadline: how `--deadline` is written (`10bd`, `14d`), read and
//! worded, and the bounds it must keep (five business days to thirty calendar days).

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::business_days::days_between;
use crate::format::{self, Locale, Period};
use crate::holidays::Calendar;

/// How long the final notice gives the client to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Business days (Monday to Friday) after the notice.
    BusinessDays(u32),
    /// Calendar days after the notice.
    Days(u32),
}

/// The longest deadline the final notice may give, in calendar days.
pub const MAX_DEADLINE_DAYS: i64 = 30;
/// The shortest deadline the final notice may give, in business days.
pub const MIN_DEADLINE_BUSINESS_DAYS: u32 = 5;

impl Default for Deadline {
    fn default() -> Self {
        Deadline::BusinessDays(MIN_DEADLINE_BUSINESS_DAYS)
    }
}

impl FromStr for Deadline {
    type Err = String;

    /// `5bd` (business days) or `14d` (calendar days).
    fn from_str(text: &str) -> Result<Self, String> {
        let trimmed = text.trim();
        let (digits, business) = if let Some(n) = trimmed.strip_suffix("bd") {
            (n, true)
        } else if let Some(n) = trimmed.strip_suffix('d') {
            (n, false)
        } else {
            return Err(format!(
                "`{text}` is not a deadline; write business days as `5bd` or calendar days as `14d`"
            ));
        };
        let n: u32 = digits.trim().parse().map_err(|_| {
            format!(
                "`{text}` is not a deadline; write business days as `5bd` or calendar days as `14d`"
            )
        })?;
        // Thirty calendar days hold at most twenty-two business days; refusing more here keeps
        // date arithmetic away from absurd spans.
        let most = if business { 22 } else { MAX_DEADLINE_DAYS };
        if i64::from(n) > most {
            return Err(format!(
                "--deadline {trimmed} is longer than {MAX_DEADLINE_DAYS} calendar days; the deadline may be at most `{MAX_DEADLINE_DAYS}d`"
            ));
        }
        Ok(if business {
            Deadline::BusinessDays(n)
        } else {
            Deadline::Days(n)
        })
    }
}

impl Deadline {
    /// The last day to pay for a notice sent on `sent`, or why the deadline is out of bounds
    /// (at least five business days, at most thirty calendar days).
    /// A deadline of calendar days that ends on a weekend or a public holiday moves to the next
    /// business day.
    pub fn end(self, sent: Date, calendar: &Calendar) -> Result<Date, String> {
        let end = match self {
            Deadline::BusinessDays(n) => calendar.add_business_days(sent, n),
            Deadline::Days(n) => calendar.on_or_after(sent.saturating_add(i64::from(n).days())),
        }
        .map_err(|e| e.to_string())?;
        let shortest = calendar
            .add_business_days(sent, MIN_DEADLINE_BUSINESS_DAYS)
            .map_err(|e| e.to_string())?;
        if end < shortest {
            return Err(format!(
                "--deadline {self} is shorter than {MIN_DEADLINE_BUSINESS_DAYS} business days; give the client at least `{MIN_DEADLINE_BUSINESS_DAYS}bd`"
            ));
        }
        // A calendar-day deadline counts its own days, before any move past a holiday.
        let days = match self {
            Deadline::Days(n) => i64::from(n),
            Deadline::BusinessDays(_) => days_between(sent, end),
        };
        if days > MAX_DEADLINE_DAYS {
            return Err(format!(
                "--deadline {self} ends {days} days after the final notice; the deadline may be at most {MAX_DEADLINE_DAYS} calendar days (`{MAX_DEADLINE_DAYS}d`)"
            ));
        }
        Ok(end)
    }

    /// How a letter words it: `five (5) business days`, `beş (5) iş günü`.
    #[must_use]
    pub fn words(self, locale: Locale) -> String {
        match self {
            Deadline::BusinessDays(n) => format::period(n, Period::BusinessDays, locale),
            Deadline::Days(n) => format::period(n, Period::Days, locale),
        }
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::BusinessDays(n) => write!(f, "{n}bd"),
            Deadline::Days(n) => write!(f, "{n}d"),
        }
    }
}
