//! The late fee: simple interest on an overdue invoice, rounded to the currency's minor unit.

use rust_decimal::Decimal;

/// The late fee on `amount` for `days` overdue at `percent_per_month`: simple interest charged
/// for each day at twelve months' rate over 365 days, rounded to the currency's `minor_units`
/// with halves away from zero.
#[must_use]
// Only the tests call it since `balance` computes the fee with payments: it is the simple
// formula the balance is checked against.
#[cfg_attr(not(test), allow(dead_code))]
pub fn late_fee(
    amount: Decimal,
    percent_per_month: Decimal,
    days: i64,
    minor_units: u32,
) -> Decimal {
    if days <= 0 {
        return Decimal::ZERO;
    }
    // Multiply before dividing so that the only rounding is the final one.
    let numerator = amount * percent_per_month * Decimal::from(days) * Decimal::from(12);
    (numerator / Decimal::from(36_500))
        .round_dp_with_strategy(minor_units, crate::model::rounding::HALVES_AWAY_FROM_ZERO)
}
