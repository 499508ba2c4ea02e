//! The summary a build prints on stderr: what hardening for a late payer changed, then the
//! clauses included (with their numbers) and the ones left out (with the condition).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::Prepared;
use crate::assemble::Contract;
use crate::format::{self, Locale};

/// The stderr summary: late-payer changes, then included and left-out clauses.
#[must_use]
pub(crate) fn summary(contract: &Contract<'_>, prepared: &Prepared, locale: Locale) -> String {
    let currency = prepared.answers.currency();
    let mut out = String::new();
    if let Some(multiplier) = prepared.late_payer_multiplier {
        if multiplier == Decimal::ONE {
            out.push_str("repeat late payer: rates as saved, every safeguard included\n");
        } else {
            let _ = writeln!(
                out,
                "repeat late payer: rates multiplied by {}, every safeguard included",
                multiplier.normalize()
            );
        }
        let width = prepared
            .changes
            .iter()
            .filter_map(|c| prepared.library.question(&c.key))
            .map(|q| q.label.chars().count())
            .max()
            .unwrap_or(0);
        for change in &prepared.changes {
            let Some(question) = prepared.library.question(&change.key) else {
                continue;
            };
            let before = change.before.as_ref().map_or_else(
                || "absent".to_owned(),
                |v| format::display_value(question, v, &currency, locale),
            );
            let after = format::display_value(question, &change.after, &currency, locale);
            let _ = writeln!(out, "  {:<width$}  {before} → {after}", question.label);
        }
    }
    for part in &contract.parts {
        let number = part
            .number
            .map_or_else(|| "   ".to_owned(), |n| format!("{n:>2}."));
        let _ = writeln!(out, "included  {number} {}", part.clause.title);
    }
    for clause in &contract.excluded {
        let condition = clause
            .when
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let _ = writeln!(out, "left out      {} (when {condition})", clause.title);
    }
    out
}
