//! Public holidays and business days: takes a calendar id (`US-OR`, `GB-ENG`, `DE-BY`, `TR`) and
//! returns a [`Calendar`] that says whether a date is a business day, and counts them.
//!
//! The days come from `data/holidays/holidays.txt`, embedded in the binary. That file is
//! generated at development time by `data/holidays/generate.py` from the Python package
//! `holidays` (MIT licence, see `data/holidays/LICENSE-holidays.txt`); nothing here needs Python.
//! The table covers whole years ([`FIRST_YEAR`] to [`LAST_YEAR`]): a date outside it is an
//! error, never a guess. [`Calendar::weekends_only`] is the calendar of a place whose holidays
//! are not known (the `other` jurisdiction): Monday to Friday, for any year.
//!
//! A calendar is a sorted list of dates, looked up by binary search: building one parses only
//! its own section of the file (and its base's), well under a millisecond.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::LazyLock;

use jiff::ToSpan as _;
use jiff::civil::{Date, Weekday};

/// The embedded table (see the module documentation for its source and format).
const DATA: &str = include_str!("../data/holidays/holidays.txt");

/// The first year the table covers.
pub const FIRST_YEAR: i16 = 2020;
/// The last year the table covers.
pub const LAST_YEAR: i16 = 2040;

/// Why a calendar could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HolidayError {
    /// No calendar of that id in the table.
    Unknown {
        /// The id asked for.
        id: String,
    },
    /// A date in a year the table does not cover.
    OutOfRange {
        /// The calendar.
        id: String,
        /// The date.
        date: Date,
    },
    /// The embedded table is malformed (a bug caught by the tests, never by users).
    Data {
        /// 1-based line of `holidays.txt`.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for HolidayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HolidayError::Unknown { id } => write!(f, "there is no holiday calendar `{id}`"),
            HolidayError::OutOfRange { id, date } => write!(
                f,
                "{date} is in {year}, outside the public holidays clausewright knows for {id} \
                 ({FIRST_YEAR} to {LAST_YEAR}); business days cannot be counted for it",
                year = date.year()
            ),
            HolidayError::Data { line, message } => {
                write!(f, "data/holidays/holidays.txt:{line}: {message}")
            }
        }
    }
}

impl std::error::Error for HolidayError {}

/// The public holidays of one place, and the business days they leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// `US-OR`, or `weekends` for [`Calendar::weekends_only`].
    id: String,
    /// Whether the holidays are known (false: weekends only, any year).
    known: bool,
    /// The holidays, sorted by date.
    days: Vec<(Date, &'static str)>,
}

impl Calendar {
    /// The calendar `id` from the embedded table (`US-OR`, `GB-SCT`, `DE`, `TR`, ...).
    pub fn load(id: &str) -> Result<Calendar, HolidayError> {
        let days = section(id, 0)?;
        Ok(Calendar {
            id: id.to_owned(),
            known: true,
            days,
        })
    }

    /// Monday to Friday with no holidays, for a place whose holidays are not known.
    #[must_use]
    pub fn weekends_only() -> Calendar {
        Calendar {
            id: "weekends".to_owned(),
            known: false,
            days: Vec::new(),
        }
    }

    /// The calendar's id (`US-OR`), or `weekends`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether public holidays are known (false for [`Calendar::weekends_only`]).
    #[must_use]
    pub fn knows_holidays(&self) -> bool {
        self.known
    }

    /// Every id the table holds, in file order.
    pub fn ids() -> impl Iterator<Item = &'static str> {
        // A calendar's header is a line that starts with `[`: the search jumps from one `[` to
        // the next instead of reading the table's five thousand lines one by one.
        DATA.match_indices('[')
            .filter(|&(at, _)| at == 0 || DATA.as_bytes()[at - 1] == b'\n')
            .filter_map(|(at, _)| DATA[at..].lines().next().and_then(header))
            .map(|(id, _)| id)
    }

    /// Whether the table holds the calendar `id` (the ids are read once per process).
    #[must_use]
    pub fn exists(id: &str) -> bool {
        static IDS: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| Calendar::ids().collect());
        IDS.contains(id)
    }

    /// The name of the public holiday on `date`, if it is one.
    pub fn holiday(&self, date: Date) -> Result<Option<&'static str>, HolidayError> {
        self.covers(date)?;
        Ok(self
            .days
            .binary_search_by_key(&date, |(day, _)| *day)
            .ok()
            .map(|at| self.days[at].1))
    }

    /// Whether `date` is a business day: Monday to Friday and not a public holiday.
    pub fn is_business_day(&self, date: Date) -> Result<bool, HolidayError> {
        if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
            self.covers(date)?;
            return Ok(false);
        }
        Ok(self.holiday(date)?.is_none())
    }

    /// `date` if it is a business day, else the first business day after it.
    pub fn on_or_after(&self, date: Date) -> Result<Date, HolidayError> {
        let mut day = date;
        while !self.is_business_day(day)? {
            day = self.next_day(day)?;
        }
        Ok(day)
    }

    /// The `n`th business day after `date` (`date` itself is not counted; `n = 0` is `date`).
    pub fn add_business_days(&self, date: Date, n: u32) -> Result<Date, HolidayError> {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = self.next_day(day)?;
            if self.is_business_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The `n`th business day before `date` (`date` itself is not counted; `n = 0` is `date`).
    pub fn subtract_business_days(&self, date: Date, n: u32) -> Result<Date, HolidayError> {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day
                .checked_sub(1.days())
                .map_err(|_| HolidayError::OutOfRange {
                    id: self.id.clone(),
                    date: day,
                })?;
            if self.is_business_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The holidays from `from` to `to`, both included, with their names.
    pub fn between(&self, from: Date, to: Date) -> Result<Vec<(Date, &'static str)>, HolidayError> {
        self.covers(from)?;
        self.covers(to)?;
        Ok(self
            .days
            .iter()
            .filter(|(day, _)| *day >= from && *day <= to)
            .copied()
            .collect())
    }

    fn next_day(&self, date: Date) -> Result<Date, HolidayError> {
        date.checked_add(1.days())
            .map_err(|_| HolidayError::OutOfRange {
                id: self.id.clone(),
                date,
            })
    }

    fn covers(&self, date: Date) -> Result<(), HolidayError> {
        if !self.known || (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            Ok(())
        } else {
            Err(HolidayError::OutOfRange {
                id: self.id.clone(),
                date,
            })
        }
    }
}

/// `[ID]` → `(ID, None)`; `[ID < BASE]` → `(ID, Some(BASE))`.
fn header(line: &str) -> Option<(&str, Option<&str>)> {
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    Some(match inner.split_once(" < ") {
        Some((id, base)) => (id.trim(), Some(base.trim())),
        None => (inner.trim(), None),
    })
}

/// The days of calendar `id`: its base's days changed by its own lines.
fn section(id: &str, depth: usize) -> Result<Vec<(Date, &'static str)>, HolidayError> {
    let mut lines = DATA.lines().enumerate();
    let (start, base) = lines
        .by_ref()
        .find_map(|(at, line)| match header(line) {
            Some((found, base)) if found == id => Some((at, base)),
            _ => None,
        })
        .ok_or_else(|| HolidayError::Unknown { id: id.to_owned() })?;
    let mut days = match base {
        Some(_) if depth > 4 => {
            return Err(HolidayError::Data {
                line: start + 1,
                message: format!("`{id}` has bases nested too deep"),
            });
        }
        Some(base) => section(base, depth + 1)?,
        None => Vec::new(),
    };
    let mut previous: Option<Date> = None;
    for (at, line) in lines {
        if header(line).is_some() {
            break;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| HolidayError::Data {
            line: at + 1,
            message,
        };
        let (text, name) = line
            .split_once(' ')
            .ok_or_else(|| bad(format!("`{line}` is not `YYYY-MM-DD name`")))?;
        let date: Date = text
            .parse()
            .map_err(|_| bad(format!("`{text}` is not a date")))?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            return Err(bad(format!(
                "{date} is outside {FIRST_YEAR} to {LAST_YEAR}"
            )));
        }
        if previous.is_some_and(|before| before >= date) {
            return Err(bad(format!("{date} is not after the line before it")));
        }
        previous = Some(date);
        let found = days.binary_search_by_key(&date, |(day, _)| *day);
        match (name, found) {
            ("-", Ok(at)) => {
                days.remove(at);
            }
            ("-", Err(_)) => {
                return Err(bad(format!(
                    "{date} is removed but is not a day of the base"
                )));
            }
            (name, Ok(at)) => days[at].1 = name,
            (name, Err(at)) => days.insert(at, (date, name)),
        }
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_calendar_of_the_table_loads() {
        let ids: Vec<_> = Calendar::ids().collect();
        // The federal calendar, 50 states and DC, 3 GB nations, DE and 16 Länder, TR.
        assert_eq!(ids.len(), 1 + 51 + 3 + 17 + 1, "{ids:?}");
        for id in ids {
            let calendar = Calendar::load(id).unwrap_or_else(|e| panic!("{e}"));
            // New Year's Day is a public holiday everywhere the table covers.
            assert!(
                calendar.holiday(date(2031, 1, 1)).unwrap().is_some(),
                "{id}"
            );
        }
    }

    #[test]
    fn the_ids_are_the_headers_of_the_table_in_file_order() {
        let headers: Vec<&str> = DATA
            .lines()
            .filter_map(|line| header(line).map(|(id, _)| id))
            .collect();
        assert_eq!(Calendar::ids().collect::<Vec<_>>(), headers);
        assert!(Calendar::exists("US-OR") && Calendar::exists("TR"));
        assert!(!Calendar::exists("US-O") && !Calendar::exists("Memorial Day"));
    }

    #[test]
    fn the_check_dates_of_2026() {
        let oregon = Calendar::load("US-OR").unwrap();
        assert_eq!(oregon.holiday(date(2026, 5, 25)), Ok(Some("Memorial Day")));
        let england = Calendar::load("GB-ENG").unwrap();
        assert_eq!(
            england.holiday(date(2026, 5, 25)),
            Ok(Some("Spring Bank Holiday"))
        );
        let germany = Calendar::load("DE").unwrap();
        assert_eq!(
            germany.holiday(date(2026, 5, 25)),
            Ok(Some("Pentecost Monday"))
        );
        let turkey = Calendar::load("TR").unwrap();
        for day in 27..=30 {
            assert_eq!(
                turkey.holiday(date(2026, 5, day)),
                Ok(Some("Eid al-Adha")),
                "{day}"
            );
        }
        // A state's own holiday, and a federal holiday a base calendar passes on.
        let texas = Calendar::load("US-TX").unwrap();
        assert!(
            texas.holiday(date(2026, 3, 2)).unwrap().is_some(),
            "Texas Independence Day"
        );
        assert_eq!(oregon.holiday(date(2026, 3, 2)), Ok(None));
        // Scotland's 2 January, which England does not have.
        let scotland = Calendar::load("GB-SCT").unwrap();
        assert!(scotland.holiday(date(2026, 1, 2)).unwrap().is_some());
        assert_eq!(england.holiday(date(2026, 1, 2)), Ok(None));
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let oregon = Calendar::load("US-OR").unwrap();
        // Friday 22 May 2026 + 1 business day: Monday is Memorial Day, so Tuesday 26 May.
        assert_eq!(
            oregon.add_business_days(date(2026, 5, 22), 1),
            Ok(date(2026, 5, 26))
        );
        assert_eq!(oregon.on_or_after(date(2026, 5, 23)), Ok(date(2026, 5, 26)));
        let turkey = Calendar::load("TR").unwrap();
        // Tuesday 26 May 2026 + 1: Wednesday to Saturday are Kurban Bayramı, so Monday 1 June.
        assert_eq!(
            turkey.add_business_days(date(2026, 5, 26), 1),
            Ok(date(2026, 6, 1))
        );
        assert_eq!(
            turkey.add_business_days(date(2026, 5, 26), 0),
            Ok(date(2026, 5, 26))
        );
        let weekends = Calendar::weekends_only();
        assert_eq!(
            weekends.add_business_days(date(2026, 5, 22), 1),
            Ok(date(2026, 5, 25))
        );
        // Without a table, any year is fine.
        assert_eq!(weekends.on_or_after(date(2051, 1, 1)), Ok(date(2051, 1, 2)));
    }

    #[test]
    fn a_year_outside_the_table_is_an_error() {
        let oregon = Calendar::load("US-OR").unwrap();
        let error = oregon.add_business_days(date(2040, 12, 28), 5).unwrap_err();
        assert_eq!(
            error.to_string(),
            "2041-01-01 is in 2041, outside the public holidays clausewright knows for US-OR \
             (2020 to 2040); business days cannot be counted for it"
        );
        assert!(
            oregon.is_business_day(date(2019, 12, 28)).is_err(),
            "a Saturday of 2019"
        );
        assert_eq!(
            Calendar::load("US-XX").unwrap_err().to_string(),
            "there is no holiday calendar `US-XX`"
        );
    }

    #[test]
    fn holidays_between_two_dates() {
        let england = Calendar::load("GB-ENG").unwrap();
        let days = england
            .between(date(2026, 12, 20), date(2026, 12, 31))
            .unwrap();
        assert_eq!(
            days,
            vec![
                (date(2026, 12, 25), "Christmas Day"),
                (date(2026, 12, 26), "Boxing Day"),
                (date(2026, 12, 28), "Boxing Day (observed)"),
            ]
        );
    }
}
