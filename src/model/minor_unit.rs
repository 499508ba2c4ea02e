//! The smallest unit of a currency: takes an ISO 4217 code (and an amount) and returns how
//! many decimal places the currency has, or why an amount is written finer than that. The one
//! rule for every amount a user writes: an answer, an entry of the chase record, an option.

use rust_decimal::Decimal;

/// Decimal places of the ISO 4217 currency `code`: 2 for USD, 0 for JPY, 3 for BHD (2 when
/// the code is unknown).
#[must_use]
pub fn minor_units(code: &str) -> u32 {
    rusty_money::iso::find(code).map_or(2, |c| c.exponent)
}

/// Why `amount` cannot be an amount in `code` (`"an amount in JPY has no decimal places"`,
/// the end of a sentence that names the amount), or `None` when it is written in whole
/// smallest units of the currency. Trailing zeros do not count: `6400.00` yen is 6400 yen.
#[must_use]
pub fn finer_than_minor_unit(amount: Decimal, code: &str) -> Option<String> {
    let places = minor_units(code);
    if amount.normalize().scale() <= places {
        return None;
    }
    let places = match places {
        0 => "no decimal places".to_owned(),
        1 => "at most one decimal place".to_owned(),
        n => format!("at most {n} decimal places"),
    };
    Some(format!("an amount in {code} has {places}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_held_to_their_currencys_smallest_unit() {
        let amount = |text: &str| text.parse::<Decimal>().unwrap();
        assert_eq!(finer_than_minor_unit(amount("6400.00"), "JPY"), None);
        assert_eq!(
            finer_than_minor_unit(amount("6400.5"), "JPY").as_deref(),
            Some("an amount in JPY has no decimal places")
        );
        assert_eq!(finer_than_minor_unit(amount("1.25"), "USD"), None);
        assert_eq!(
            finer_than_minor_unit(amount("1.255"), "USD").as_deref(),
            Some("an amount in USD has at most 2 decimal places")
        );
        assert_eq!(finer_than_minor_unit(amount("1.255"), "BHD"), None);
    }
}
