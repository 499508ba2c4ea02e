//! Rounding: the one rule every amount follows, in contracts, letters, summaries and chase
//! figures: to the currency's smallest unit, halves away from zero (85 × 1.005 = 85.425 →
//! 85.43; -0.005 → -0.01), as invoices and courts round, and as the README promises.

use rust_decimal::{Decimal, RoundingStrategy};

/// The rounding of every amount: halves away from zero.
pub const HALVES_AWAY_FROM_ZERO: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// `amount` rounded to `places` decimal places by the one rule, [`HALVES_AWAY_FROM_ZERO`].
#[must_use]
pub fn round(amount: Decimal, places: u32) -> Decimal {
    amount.round_dp_with_strategy(places, HALVES_AWAY_FROM_ZERO)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn halves_go_away_from_zero_not_to_even() {
        let round2 = |text: &str| round(Decimal::from_str(text).unwrap(), 2).to_string();
        // Half to even would give 85.42 and 0.12.
        assert_eq!(round2("85.425"), "85.43");
        assert_eq!(round2("0.125"), "0.13");
        assert_eq!(round2("-0.125"), "-0.13");
        assert_eq!(round2("0.124999"), "0.12");
    }
}
