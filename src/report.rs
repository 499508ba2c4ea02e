//! The JSON document `build --json` and `chase --json` print on standard output, for scripts
//! and agents: takes what a run built (the [`Contract`] and its [`Prepared`] answers, or the
//! chase [`Schedule`]) and what it wrote, and returns one JSON object with stable keys (listed
//! in the README, "Machine-readable output").
//!
//! Amounts are strings holding exact decimals to the currency's smallest unit (`"6400.00"`),
//! never floats; dates are `YYYY-MM-DD`; every key is always present, `null` when it does not
//! apply.

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

use crate::assemble::Contract;
use crate::chase::{self, Schedule, Status};
use crate::error::Diagnostic;
use crate::format;
use crate::model::{Type, Value};
use crate::prepare::Prepared;

/// The version of the document's shape: raised when a key changes meaning or goes away (new
/// keys may be added without it).
pub const VERSION: u32 = 1;

/// A file a run wrote, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where it was written.
    pub path: PathBuf,
    /// `contract`, `cover-note`, `answers`, `letter`, `calendar` or `record`.
    pub kind: &'static str,
    /// The format: `md`, `pdf`, `txt`, `eml`, `yaml` or `ics`.
    pub format: String,
    /// The step of a letter (`payment-notice-30`).
    pub step: Option<&'static str>,
}

impl Written {
    /// A file that is not a letter.
    #[must_use]
    pub fn file(path: &std::path::Path, kind: &'static str, format: &str) -> Self {
        Self {
            path: path.to_owned(),
            kind,
            format: format.to_owned(),
            step: None,
        }
    }
}

fn written_json(written: &[Written]) -> Json {
    Json::Array(
        written
            .iter()
            .map(|w| {
                json!({
                    "path": w.path.display().to_string(),
                    "kind": w.kind,
                    "format": w.format,
                    "step": w.step,
                })
            })
            .collect(),
    )
}

/// An amount as an exact decimal string to the currency's smallest unit.
fn amount(value: Decimal, currency: &str) -> String {
    let units = chase::minor_units(currency);
    let rounded =
        value.round_dp_with_strategy(units, crate::model::rounding::HALVES_AWAY_FROM_ZERO);
    format!("{rounded:.prec$}", prec = units as usize)
}

/// What `build` did: the files written, the clauses included and left out (and why), the
/// warnings on the terms, a late payer's changes, and the amounts of the contract.
#[must_use]
pub fn build(
    contract: &Contract<'_>,
    prepared: &Prepared,
    written: &[Written],
    warnings: &[Diagnostic],
) -> Json {
    let answers = &prepared.answers;
    let currency = answers.currency();
    let locale = prepared.locale();
    // Titles as the contract prints them (`License` in an American contract).
    let title = |text: &str| {
        if prepared.american_spelling() {
            format::american(text).into_owned()
        } else {
            text.to_owned()
        }
    };
    let included: Vec<Json> = contract
        .parts
        .iter()
        .map(|part| {
            json!({
                "id": part.clause.id,
                "number": part.number,
                "title": title(&part.clause.title),
            })
        })
        .collect();
    let left_out: Vec<Json> = contract
        .excluded
        .iter()
        .map(|clause| {
            json!({
                "id": clause.id,
                "title": title(&clause.title),
                "when": clause.when.as_ref().map(ToString::to_string),
            })
        })
        .collect();
    let mut amounts = Vec::new();
    for question in prepared.library.questions() {
        let Some(Value::Number(number)) = answers.get(&question.key) else {
            continue;
        };
        let (value, text) = match question.ty {
            Type::Money => (
                amount(*number, &currency),
                format::money(*number, &currency, locale).unwrap_or_else(|| number.to_string()),
            ),
            Type::Percent => (
                number.normalize().to_string(),
                format::display_value(question, &Value::Number(*number), &currency, locale),
            ),
            _ => continue,
        };
        amounts.push(json!({
            "key": question.key,
            "label": question.label,
            "type": question.ty.to_string(),
            "value": value,
            "text": text,
        }));
    }
    let late_payer = prepared.late_payer_multiplier.map(|multiplier| {
        let written = |key: &str, value: &Value| match (prepared.library.question(key), value) {
            (Some(question), Value::Number(number)) if question.ty == Type::Money => {
                json!(amount(*number, &currency))
            }
            _ => value.to_json(),
        };
        let changes: Vec<Json> = prepared
            .changes
            .iter()
            .map(|change| {
                json!({
                    "key": change.key,
                    "before": change.before.as_ref().map(|v| written(&change.key, v)),
                    "after": written(&change.key, &change.after),
                })
            })
            .collect();
        json!({ "multiplier": multiplier.normalize().to_string(), "changes": changes })
    });
    json!({
        "version": VERSION,
        "command": "build",
        "title": prepared.library.title,
        "client": answers.get(crate::model::keys::CLIENT_NAME).map(ToString::to_string),
        "date": answers.get(crate::model::keys::AGREEMENT_DATE).map(ToString::to_string),
        "currency": currency,
        "written": written_json(written),
        "clauses": { "included": included, "left_out": left_out },
        "amounts": amounts,
        "late_payer": late_payer,
        "warnings": warnings,
        "answers": answers.to_json(),
    })
}

/// What `chase` did: the schedule read against today (each step with its date and status),
/// the invoice's account today, the final notice's deadline, and the files written.
#[must_use]
pub fn chase(
    schedule: &Schedule,
    client: &str,
    written: &[Written],
    recorded: Option<&std::path::Path>,
) -> Json {
    let inputs = &schedule.inputs;
    let currency = &inputs.currency;
    let invoice = inputs.invoice.as_ref().map(|invoice| {
        let account = schedule.account_on(inputs.today);
        json!({
            "number": invoice.number,
            "amount": amount(invoice.amount, currency),
            "due": invoice.due.to_string(),
            "days_overdue": schedule.days_overdue(inputs.today),
            "paid": amount(account.paid, currency),
            "late_fee": amount(account.late_fee, currency),
            "balance": amount(account.balance, currency),
            "late_fee_percent_per_month": inputs.late_fee_percent.map(|p| p.normalize().to_string()),
            "late_fee_basis": match (&inputs.statutory, inputs.late_fee_percent) {
                (Some(_), _) => Some("statutory"),
                (None, Some(_)) => Some("per-month"),
                (None, None) => None,
            },
            "statute": inputs.statutory.as_ref().map(|s| s.rule.statute.clone()),
            "compensation": amount(schedule.compensation_on(inputs.today), currency),
        })
    });
    let steps: Vec<Json> = schedule
        .steps
        .iter()
        .map(|step| {
            let (status, sent_on) = match step.status {
                // A letter is never assumed sent: past its date and not recorded, it is overdue.
                Status::Done if step.letter => ("overdue", None),
                Status::Done => ("done", None),
                Status::DueNow => ("due-now", None),
                Status::Upcoming => ("upcoming", None),
                Status::Sent(on) => ("sent", Some(on.to_string())),
            };
            json!({
                "id": step.id,
                "date": step.date.to_string(),
                "status": status,
                "sent_on": sent_on,
                "letter": step.letter,
                "title": step.title,
                "detail": step.detail,
                "balance": inputs.invoice.as_ref().and_then(|_| {
                    schedule
                        .try_account_on(schedule.letter_date(step))
                        .ok()
                        .map(|account| amount(account.balance, currency))
                }),
            })
        })
        .collect();
    json!({
        "version": VERSION,
        "command": "chase",
        "client": client,
        "stage": inputs.stage.name(),
        "today": inputs.today.to_string(),
        "since": inputs.since.map(|d| d.to_string()),
        "currency": currency,
        "invoice": invoice,
        "deadline": schedule.deadline.map(|d| d.to_string()),
        "due_now": schedule.due_now().map(|s| s.id),
        "steps": steps,
        "written": written_json(written),
        "recorded": recorded.map(|p| p.display().to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_strings_to_the_currency_s_smallest_unit() {
        assert_eq!(amount(Decimal::new(6400, 0), "USD"), "6400.00");
        assert_eq!(amount(Decimal::new(123_455, 3), "EUR"), "123.46");
        assert_eq!(amount(Decimal::new(5, 1), "JPY"), "1");
    }
}
