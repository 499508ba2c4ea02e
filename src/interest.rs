//! Statutory interest on a late payment: takes a profile's [`LatePayment`] rule, an amount, the
//! day it was due and the day interest is counted to, and returns the interest to the cent and
//! the fixed compensation, with the rates used.
//!
//! Interest is simple, runs from the day after the due date to the day counted to (both
//! included, so the day count is the days between the two dates), at the reference rate plus
//! the statute's margin, a day at a time over a 365-day year, and is rounded once, to the cent,
//! halves away from zero. Under a `fixed` rule (the UK Act) the reference rate is the one of the
//! half-year in which interest starts and holds until payment; under `varies` (BGB § 288, Law
//! no. 3095) each half-year's days carry that half-year's rate.
//!
//! The reference rates are data with an end (`known_until`): a day past it needs the rate from
//! the answers (`interest.reference_rate`), which then replaces the table's rates; the error
//! says so rather than guessing.

use jiff::ToSpan as _;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::format;
use crate::model::Language;

/// How the reference rate applies over the life of a debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateRule {
    /// The rate of the half-year in which interest starts, for the whole debt.
    Fixed,
    /// Each half-year at its own rate.
    Varies,
}

/// A statute's late-payment interest and compensation, from a jurisdiction profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatePayment {
    /// "the Late Payment of Commercial Debts (Interest) Act 1998"
    pub statute: String,
    /// "the Bank of England base rate"
    pub reference: String,
    /// Percentage points over the reference rate, for a business debtor.
    pub margin: Decimal,
    /// Percentage points for a consumer debtor, where the statute covers consumers.
    pub consumer_margin: Option<Decimal>,
    /// Fixed or varying.
    pub rule: RateRule,
    /// The reference rate (percent) from each half-year's first day, contiguous and ascending.
    pub rates: Vec<(Date, Decimal)>,
    /// The last day the table is known for.
    pub known_until: Date,
    /// Fixed compensation by debt size: `(below, amount)`, the last tier without `below`.
    pub compensation: Vec<(Option<Decimal>, Decimal)>,
}

/// Statutory interest worked out for one debt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interest {
    /// The interest, rounded to the cent.
    pub interest: Decimal,
    /// The fixed compensation (zero where none applies).
    pub compensation: Decimal,
    /// Days of interest.
    pub days: i64,
    /// Each stretch of days at one rate: (first day, last day, yearly percent charged).
    pub periods: Vec<(Date, Date, Decimal)>,
}

/// Who owes the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Debtor {
    /// A business (the statute's margin and compensation).
    Business,
    /// A consumer (the consumer margin, no compensation; no interest if the statute has none).
    Consumer,
}

/// The first day of the half-year after the one `date` is in.
#[must_use]
pub fn next_half_year(date: Date) -> Date {
    if date.month() < 7 {
        Date::constant(date.year(), 7, 1)
    } else {
        date.first_of_year().saturating_add(1.year())
    }
}

fn half_year_start(date: Date) -> Date {
    if date.month() < 7 {
        date.first_of_year()
    } else {
        Date::constant(date.year(), 7, 1)
    }
}

impl LatePayment {
    /// The reference rate (percent) of the half-year holding `day`, or why it is not known.
    fn reference_on(&self, day: Date) -> Result<Decimal, RateUnknown> {
        let start = half_year_start(day);
        if day > self.known_until {
            return Err(RateUnknown::After {
                reference: self.reference.clone(),
                from: start,
                known_until: self.known_until,
            });
        }
        self.rates
            .iter()
            .find(|(from, _)| *from == start)
            .map(|(_, rate)| *rate)
            .ok_or_else(|| RateUnknown::Before {
                reference: self.reference.clone(),
                first: self
                    .rates
                    .first()
                    .map_or(self.known_until, |(from, _)| *from),
            })
    }

    /// The interest on `amount`, due on `due`, counted to `to`, and the compensation.
    /// `reference` (from the answers) replaces the table's reference rate when given.
    pub fn interest(
        &self,
        amount: Decimal,
        due: Date,
        to: Date,
        debtor: Debtor,
        reference: Option<Decimal>,
    ) -> Result<Interest, RateUnknown> {
        self.interest_with_payments(amount, due, &[], to, debtor, reference)
    }

    /// The interest on what is left of `amount` each day, given the `payments` received (any
    /// order; those after `to` are ignored): a payment lowers the amount that carries interest
    /// from the day after it arrives, as the contractual late fee counts it. The compensation
    /// is the invoice's, whatever was paid of it.
    pub fn interest_with_payments(
        &self,
        amount: Decimal,
        due: Date,
        payments: &[(Date, Decimal)],
        to: Date,
        debtor: Debtor,
        reference: Option<Decimal>,
    ) -> Result<Interest, RateUnknown> {
        let margin = match (debtor, self.consumer_margin) {
            (Debtor::Business, _) => self.margin,
            (Debtor::Consumer, Some(margin)) => margin,
            (Debtor::Consumer, None) => {
                return Ok(Interest {
                    interest: Decimal::ZERO,
                    compensation: Decimal::ZERO,
                    days: 0,
                    periods: Vec::new(),
                });
            }
        };
        let first = due.saturating_add(1.day());
        let fixed = match (self.rule, reference) {
            (_, Some(rate)) => Some(rate),
            (RateRule::Fixed, None) if first <= to => Some(self.reference_on(first)?),
            _ => None,
        };
        // The stretches of days over which one amount is unpaid.
        let mut received: Vec<(Date, Decimal)> = payments
            .iter()
            .copied()
            .filter(|(on, _)| *on <= to)
            .collect();
        received.sort_by_key(|(on, _)| *on);
        let mut stretches = Vec::new();
        let (mut unpaid, mut from) = (amount, first);
        for (on, paid) in received {
            if on >= from {
                stretches.push((from, on, unpaid));
                from = on.saturating_add(1.day());
            }
            unpaid -= paid;
        }
        stretches.push((from, to, unpaid));
        let mut periods: Vec<(Date, Date, Decimal)> = Vec::new();
        let mut total = Decimal::ZERO;
        for (stretch_start, stretch_end, owed) in stretches {
            if owed <= Decimal::ZERO {
                continue;
            }
            let mut start = stretch_start;
            while start <= stretch_end {
                let end = next_half_year(start)
                    .saturating_sub(1.day())
                    .min(stretch_end);
                let reference = match fixed {
                    Some(rate) => rate,
                    None => self.reference_on(start)?,
                };
                let percent = reference + margin;
                let days = Decimal::from(crate::interest::days_between(start, end) + 1);
                total += owed * percent / Decimal::ONE_HUNDRED * days / Decimal::from(365);
                match periods.last_mut() {
                    Some((_, last, rate))
                        if *rate == percent && last.saturating_add(1.day()) == start =>
                    {
                        *last = end;
                    }
                    _ => periods.push((start, end, percent)),
                }
                start = end.saturating_add(1.day());
            }
        }
        let compensation = match debtor {
            Debtor::Business if first <= to => self
                .compensation
                .iter()
                .find(|(below, _)| below.is_none_or(|limit| amount < limit))
                .map_or(Decimal::ZERO, |(_, sum)| *sum),
            _ => Decimal::ZERO,
        };
        Ok(Interest {
            interest: total
                .round_dp_with_strategy(2, crate::model::rounding::HALVES_AWAY_FROM_ZERO),
            compensation,
            days: days_between(due, to).max(0),
            periods,
        })
    }
}

/// Why statutory interest cannot be worked out: a day whose reference rate the profile's
/// table does not hold, which the answers can give (`interest.reference_rate`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateUnknown {
    /// A day after the table ends: the rate (the profile's English name) from the half-year
    /// starting `from`, the table known until `known_until`.
    After {
        /// The profile's name of the rate ("the Bank of England base rate").
        reference: String,
        /// The first day of the half-year not known.
        from: Date,
        /// The last day the table holds.
        known_until: Date,
    },
    /// A day before the table's first half-year, which starts on `first`.
    Before {
        /// The profile's name of the rate.
        reference: String,
        /// The first day the table holds.
        first: Date,
    },
}

impl RateUnknown {
    /// Why, in `language`: in English as it has always been said, naming the profile's rate;
    /// in Turkish with the library's word for it (`referans oran`) and Turkish dates.
    #[must_use]
    pub fn said_in(&self, language: Language) -> String {
        match (language, self) {
            (
                Language::En,
                RateUnknown::After {
                    reference,
                    from,
                    known_until,
                },
            ) => format!(
                "{reference} for {from} onwards is not known to clausewright (its table ends on \
                 {known_until}); give the rate as `interest.reference_rate` in the answers"
            ),
            (Language::En, RateUnknown::Before { reference, first }) => format!(
                "{reference} before {first} is not in clausewright's table; give the rate as \
                 `interest.reference_rate` in the answers"
            ),
            (
                Language::Tr,
                RateUnknown::After {
                    from, known_until, ..
                },
            ) => format!(
                "{} ve sonrası için referans oran clausewright’ın tablosunda yok (tablo {} \
                 tarihinde bitiyor); o dönemde yürürlükte olan oranı yanıtlarda \
                 `interest.reference_rate` olarak yazın",
                format::tr::long_date(*from),
                format::tr::long_date(*known_until)
            ),
            (Language::Tr, RateUnknown::Before { first, .. }) => format!(
                "{} öncesi için referans oran clausewright’ın tablosunda yok; o dönemde \
                 yürürlükte olan oranı yanıtlarda `interest.reference_rate` olarak yazın",
                format::tr::long_date(*first)
            ),
        }
    }
}

impl std::fmt::Display for RateUnknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Language::En))
    }
}

/// What `chase` needs to work out statutory interest on an invoice: the profile's rule, who
/// owes, and the reference rate the answers give (`interest.reference_rate`), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statutory {
    /// The statute's rule, from the jurisdiction profile.
    pub rule: LatePayment,
    /// A business or a consumer.
    pub debtor: Debtor,
    /// The reference rate in the answers, which replaces the profile's table.
    pub reference: Option<Decimal>,
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
#[must_use]
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn uk() -> LatePayment {
        LatePayment {
            statute: "the Late Payment of Commercial Debts (Interest) Act 1998".into(),
            reference: "the Bank of England base rate".into(),
            margin: dec("8"),
            consumer_margin: None,
            rule: RateRule::Fixed,
            rates: vec![
                (date(2025, 7, 1), dec("4.25")),
                (date(2026, 1, 1), dec("3.75")),
                (date(2026, 7, 1), dec("3.75")),
            ],
            known_until: date(2026, 12, 31),
            compensation: vec![
                (Some(dec("1000")), dec("40")),
                (Some(dec("10000")), dec("70")),
                (None, dec("100")),
            ],
        }
    }

    fn germany() -> LatePayment {
        LatePayment {
            statute: "§ 288 BGB".into(),
            reference: "the base rate under § 247 BGB".into(),
            margin: dec("9"),
            consumer_margin: Some(dec("5")),
            rule: RateRule::Varies,
            rates: vec![
                (date(2025, 7, 1), dec("1.27")),
                (date(2026, 1, 1), dec("1.27")),
            ],
            known_until: date(2026, 6, 30),
            compensation: vec![(None, dec("40"))],
        }
    }

    #[test]
    fn uk_statutory_interest_to_the_cent() {
        // £6,400.00 due 2 March 2026, 64 days late: 3.75% + 8% = 11.75% a year;
        // 6400 × 11.75% × 64 / 365 = 131.857… → £131.86, and £70 for a debt of £1,000 to £9,999.99.
        let owed = uk()
            .interest(
                dec("6400.00"),
                date(2026, 3, 2),
                date(2026, 5, 5),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(owed.days, 64);
        assert_eq!(owed.interest, dec("131.86"));
        assert_eq!(owed.compensation, dec("70"));
        assert_eq!(
            owed.periods,
            [(date(2026, 3, 3), date(2026, 5, 5), dec("11.75"))]
        );
        // A debt late from December 2025 keeps the 4.25% reference rate into 2026 (fixed):
        // 950 × 12.25% × 45 / 365 = 14.347… → £14.35, and £40 below £1,000.
        let owed = uk()
            .interest(
                dec("950"),
                date(2025, 12, 10),
                date(2026, 1, 24),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(
            (owed.days, owed.interest, owed.compensation),
            (45, dec("14.35"), dec("40"))
        );
        assert_eq!(
            uk().interest(
                dec("25000"),
                date(2026, 3, 2),
                date(2026, 3, 3),
                Debtor::Business,
                None
            )
            .unwrap()
            .compensation,
            dec("100")
        );
    }

    #[test]
    fn german_statutory_interest_to_the_cent() {
        // €6,400.00 due 2 March 2026, 64 days: 1.27% + 9 points = 10.27%;
        // 6400 × 10.27% × 64 / 365 = 115.249… → €115.25, and the flat €40 (§ 288(5) BGB).
        let owed = germany()
            .interest(
                dec("6400.00"),
                date(2026, 3, 2),
                date(2026, 5, 5),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(
            (owed.interest, owed.compensation),
            (dec("115.25"), dec("40"))
        );
        // A consumer: 5 points (6.27%), no flat sum: 6400 × 6.27% × 64 / 365 = 70.361… → €70.36.
        let owed = germany()
            .interest(
                dec("6400.00"),
                date(2026, 3, 2),
                date(2026, 5, 5),
                Debtor::Consumer,
                None,
            )
            .unwrap();
        assert_eq!((owed.interest, owed.compensation), (dec("70.36"), dec("0")));
    }

    #[test]
    fn a_rate_past_the_table_must_come_from_the_answers() {
        let error = germany()
            .interest(
                dec("1000"),
                date(2026, 6, 20),
                date(2026, 7, 10),
                Debtor::Business,
                None,
            )
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the base rate under § 247 BGB for 2026-07-01 onwards is not known to clausewright \
             (its table ends on 2026-06-30); give the rate as `interest.reference_rate` in the answers"
        );
        assert_eq!(
            error.said_in(Language::Tr),
            "1 Temmuz 2026 ve sonrası için referans oran clausewright’ın tablosunda yok (tablo \
             30 Haziran 2026 tarihinde bitiyor); o dönemde yürürlükte olan oranı yanıtlarda \
             `interest.reference_rate` olarak yazın"
        );
        // With the answer's rate (say 1.5%), every day is at 10.5%:
        // 1000 × 10.5% × 20 / 365 = 5.753… → €5.75.
        let owed = germany()
            .interest(
                dec("1000"),
                date(2026, 6, 20),
                date(2026, 7, 10),
                Debtor::Business,
                Some(dec("1.5")),
            )
            .unwrap();
        assert_eq!(owed.interest, dec("5.75"));
        let before = uk()
            .interest(
                dec("1000"),
                date(2025, 1, 10),
                date(2025, 2, 10),
                Debtor::Business,
                None,
            )
            .unwrap_err();
        assert!(
            before
                .to_string()
                .contains("before 2025-07-01 is not in clausewright's table")
        );
        assert_eq!(
            before.said_in(Language::Tr),
            "1 Temmuz 2025 öncesi için referans oran clausewright’ın tablosunda yok; o dönemde \
             yürürlükte olan oranı yanıtlarda `interest.reference_rate` olarak yazın"
        );
    }

    #[test]
    fn varying_rates_split_at_the_half_year() {
        let mut germany = germany();
        germany.rates.push((date(2026, 7, 1), dec("2.27")));
        germany.known_until = date(2026, 12, 31);
        // 20 June to 10 July 2026: 10 days at 10.27% (21-30 June), 10 at 11.27% (1-10 July).
        // 1000 × (10.27% × 10 + 11.27% × 10) / 365 = 5.901… → €5.90.
        let owed = germany
            .interest(
                dec("1000"),
                date(2026, 6, 20),
                date(2026, 7, 10),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(owed.interest, dec("5.90"));
        assert_eq!(
            owed.periods,
            [
                (date(2026, 6, 21), date(2026, 6, 30), dec("10.27")),
                (date(2026, 7, 1), date(2026, 7, 10), dec("11.27")),
            ]
        );
    }

    #[test]
    fn a_part_payment_stops_interest_on_what_it_paid_from_the_next_day() {
        // £6,400.00 due 2 March 2026 at 11.75%; £2,000.00 paid on 1 April (30 days on the whole
        // amount, 3-31 March and 1 April), then £4,400.00 for 34 days (2 April-5 May):
        // (6400 × 30 + 4400 × 34) × 11.75% / 365 = (192000 + 149600) × 0.1175 / 365
        // = 109.967… → £109.97; the fixed sum stays that of the £6,400.00 invoice.
        let owed = uk()
            .interest_with_payments(
                dec("6400.00"),
                date(2026, 3, 2),
                &[(date(2026, 4, 1), dec("2000.00"))],
                date(2026, 5, 5),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(
            (owed.interest, owed.compensation),
            (dec("109.97"), dec("70"))
        );
        assert_eq!(
            owed.periods,
            [(date(2026, 3, 3), date(2026, 5, 5), dec("11.75"))]
        );
        // Paid in full on 1 April: interest stops after that day.
        let owed = uk()
            .interest_with_payments(
                dec("6400.00"),
                date(2026, 3, 2),
                &[(date(2026, 4, 1), dec("6400.00"))],
                date(2026, 5, 5),
                Debtor::Business,
                None,
            )
            .unwrap();
        // 6400 × 30 × 11.75% / 365 = 61.808… → £61.81.
        assert_eq!(owed.interest, dec("61.81"));
    }

    #[test]
    fn nothing_is_owed_before_the_day_after_the_due_date() {
        let owed = uk()
            .interest(
                dec("6400"),
                date(2026, 3, 2),
                date(2026, 3, 2),
                Debtor::Business,
                None,
            )
            .unwrap();
        assert_eq!(
            (owed.days, owed.interest, owed.compensation),
            (0, dec("0"), dec("0"))
        );
    }
}
