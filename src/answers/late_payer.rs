//! Late-payer hardening: every `rate` multiplied and every `late_payer` rule of the library
//! applied, with the list of what changed.

use rust_decimal::Decimal;

use super::Answers;
use crate::library::Library;
use crate::model::typed::compare;
use crate::model::{LatePayer, Value};

/// One answer hardened for a repeat late payer: what it was and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The dotted key of the hardened answer (`fees.hourly_rate`).
    pub key: String,
    /// The value before, if answered.
    pub before: Option<Value>,
    /// The value the contract is built with.
    pub after: Value,
}

impl Answers {
    /// Hardens the answers for a client who paid late: every `rate` multiplied by `multiplier`
    /// and every `late_payer` rule applied. Returns the new answers and what changed.
    #[must_use]
    pub fn for_late_payer(&self, library: &Library, multiplier: Decimal) -> (Answers, Vec<Change>) {
        let mut answers = self.clone();
        let mut changes = Vec::new();
        for question in library.questions() {
            let before = answers.values.get(&question.key).cloned();
            let mut after = before.clone();
            if question.rate
                && let Some(Value::Number(amount)) = &after
            {
                after = Some(Value::Number(crate::model::rounding::round(
                    amount * multiplier,
                    2,
                )));
            }
            if let Some(rule) = &question.late_payer {
                after = Some(match (rule, after) {
                    (LatePayer::AtLeast(floor), Some(current))
                        if compare(&current, floor).is_some_and(std::cmp::Ordering::is_ge) =>
                    {
                        current
                    }
                    (LatePayer::AtMost(ceiling), Some(current))
                        if compare(&current, ceiling).is_some_and(std::cmp::Ordering::is_le) =>
                    {
                        current
                    }
                    (LatePayer::IfMissing(_), Some(current)) => current,
                    (
                        LatePayer::AtLeast(v)
                        | LatePayer::AtMost(v)
                        | LatePayer::Set(v)
                        | LatePayer::IfMissing(v),
                        _,
                    ) => v.clone(),
                });
            }
            if after != before
                && let Some(after) = after
            {
                answers.values.insert(question.key.clone(), after.clone());
                changes.push(Change {
                    key: question.key.clone(),
                    before,
                    after,
                });
            }
        }
        // The scope's prices and the milestones' payments follow the hardened fee and deposit.
        for (key, after) in super::agree::rescaled(library, &answers) {
            let before = answers.values.insert(key.clone(), after.clone());
            changes.push(Change { key, before, after });
        }
        (answers, changes)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn a_multiplied_rate_rounds_halves_away_from_zero_like_every_amount() {
        let library = crate::library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        let mut answers = Answers::default();
        answers.set("fees.hourly_rate", Value::Number(Decimal::from(85)));
        let (hardened, _) = answers.for_late_payer(&library, Decimal::from_str("1.005").unwrap());
        // 85 × 1.005 = 85.425: half to even gave 85.42.
        assert_eq!(
            hardened.values["fees.hourly_rate"],
            Value::Number(Decimal::from_str("85.43").unwrap())
        );
    }
}
