//! What an overdue invoice comes to on a day: takes the amount, the due date, the payments
//! received and the contract's late fee, and returns the [`Balance`] (paid so far, late fee,
//! what is still owed).
//!
//! The late fee is the contract's: simple interest on the unpaid part of the invoice, for each
//! day from the day after the due date, at the monthly rate times twelve over 365 days, never
//! compounded. A payment reduces the unpaid part from the day it is received, so the late fee on
//! what it paid stops that day; it is rounded once, to the currency's smallest unit, halves away
//! from zero.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::business_days::days_between;

/// An invoice's account on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    clippy::struct_field_names,
    reason = "the balance is what a statement calls it"
)]
pub struct Balance {
    /// What was received up to and including that day.
    pub paid: Decimal,
    /// The part of the invoiced amount still unpaid.
    pub unpaid: Decimal,
    /// The late fee accrued up to that day, on the unpaid part as it stood each day.
    pub late_fee: Decimal,
    /// What is owed: the invoiced amount plus the late fee, less what was paid (never below
    /// zero).
    pub balance: Decimal,
}

/// The account of an invoice of `amount` due on `due` on `date`, given the `payments`
/// received (any order; those after `date` are ignored) and the contract's
/// `percent_per_month` late fee, if it has one.
#[must_use]
pub fn balance_on(
    amount: Decimal,
    due: Date,
    payments: &[(Date, Decimal)],
    percent_per_month: Option<Decimal>,
    date: Date,
    minor_units: u32,
) -> Balance {
    let mut received: Vec<(Date, Decimal)> = payments
        .iter()
        .copied()
        .filter(|(on, _)| *on <= date)
        .collect();
    received.sort_by_key(|(on, _)| *on);
    let paid: Decimal = received.iter().map(|(_, a)| *a).sum();
    // Sum unpaid amount × days over the stretches between payments, then multiply by the rate
    // once, so that the only rounding is the final one.
    let mut unpaid = amount;
    let mut from = due;
    let mut amount_days = Decimal::ZERO;
    for (on, payment) in &received {
        let days = days_between(from, *on).max(0);
        amount_days += unpaid.max(Decimal::ZERO) * Decimal::from(days);
        from = from.max(*on);
        unpaid -= payment;
    }
    amount_days += unpaid.max(Decimal::ZERO) * Decimal::from(days_between(from, date).max(0));
    let late_fee = match percent_per_month {
        Some(percent) => (amount_days * percent * Decimal::from(12) / Decimal::from(36_500))
            .round_dp_with_strategy(minor_units, crate::model::rounding::HALVES_AWAY_FROM_ZERO),
        None => Decimal::ZERO,
    };
    Balance {
        paid,
        unpaid: unpaid.max(Decimal::ZERO),
        late_fee,
        balance: (amount + late_fee - paid).max(Decimal::ZERO),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::str::FromStr as _;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn without_payments_it_is_the_simple_late_fee() {
        let b = balance_on(
            dec("6400.00"),
            date(2026, 3, 2),
            &[],
            Some(dec("1.5")),
            date(2026, 5, 5),
            2,
        );
        // 6400 × 1.5% × 12 × 64 / 365 = 201.994...
        assert_eq!(b.late_fee, dec("201.99"));
        assert_eq!(b.balance, dec("6601.99"));
        assert_eq!(b.paid, Decimal::ZERO);
    }

    #[test]
    fn a_partial_payment_reduces_the_late_fee_from_its_date() {
        let payments = [(date(2026, 4, 16), dec("2000.00"))];
        let due = date(2026, 3, 2);
        // Day 45 (April 16): 6400 × 45 days; then 4400 from April 16 to May 1 (15 days).
        let b = balance_on(
            dec("6400.00"),
            due,
            &payments,
            Some(dec("1.5")),
            date(2026, 5, 1),
            2,
        );
        // (6400 × 45 + 4400 × 15) × 0.18 / 365 = 354000 × 0.18 / 365 = 174.575...
        assert_eq!(b.late_fee, dec("174.58"));
        assert_eq!(b.unpaid, dec("4400.00"));
        assert_eq!(b.balance, dec("4574.58"));
        // A payment dated after the day asked about does not count yet.
        let before = balance_on(
            dec("6400.00"),
            due,
            &payments,
            Some(dec("1.5")),
            date(2026, 4, 1),
            2,
        );
        assert_eq!(before.paid, Decimal::ZERO);
        assert_eq!(before.late_fee, dec("94.68"));
    }

    #[test]
    fn paying_everything_stops_the_fee_and_never_goes_below_zero() {
        let due = date(2026, 3, 2);
        let payments = [
            (date(2026, 3, 1), dec("100")),
            (date(2026, 4, 1), dec("6300")),
            (date(2026, 4, 10), dec("200")),
        ];
        let b = balance_on(
            dec("6400"),
            due,
            &payments,
            Some(dec("1.5")),
            date(2026, 6, 1),
            2,
        );
        // 6300 unpaid for 30 days, nothing after April 1.
        assert_eq!(b.late_fee, dec("93.21"));
        assert_eq!(b.unpaid, Decimal::ZERO);
        assert_eq!(b.balance, Decimal::ZERO, "6,600 paid covers 6,400 + 93.21");
        let no_fee = balance_on(dec("6400"), due, &payments[..1], None, date(2026, 6, 1), 2);
        assert_eq!(
            (no_fee.late_fee, no_fee.balance),
            (Decimal::ZERO, dec("6300"))
        );
    }
}
