//! Agreement: takes typed answers and where they were written, and returns every place where
//! two answers that the contract states side by side contradict each other, as a located
//! error; and, for a late payer, rescales the lists so that they still agree with the fee.
//!
//! The answers are found by the business term their questions play (`term:` in
//! `library.yaml`), the fields of a list by their type:
//!
//! - the prices of the `scope` (its first money field), when every deliverable has one, add up
//!   to the `fee`: the contract states both, and says the prices are shares of the fee;
//! - the dates of the `milestones` (their first date field) are in order, not before the
//!   `start` and not after the `delivery` date;
//! - the `deposit` (a percent of the `fee`, to the cent) and the milestones' payments (their
//!   first money field) add up to the `fee`: the milestone payments replace the balance.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Answers;
use super::problem::{DateOrder, Fault, Invalid};
use super::read::invalid_at;
use super::read::{Located, LocatedList};
use crate::error::Diagnostic;
use crate::library::Library;
use crate::model::rounding::round;
use crate::model::value::field;
use crate::model::{Question, Term, Type, Value};

/// Where the answers were written, to place each error at the answer at fault.
pub(crate) struct Written<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub values: &'a BTreeMap<String, Located>,
    pub lists: &'a BTreeMap<String, LocatedList>,
}

/// Every contradiction between the scope, the milestones, the fee and the schedule.
pub(crate) fn contradictions(
    library: &Library,
    answers: &Answers,
    written: &Written<'_>,
) -> Vec<Invalid> {
    let mut found = Vec::new();
    let at_value = |key: &str, fault: Fault| match written.values.get(key) {
        Some(located) => invalid_at(written.file, written.text, located, fault, library),
        None => at_list(library, written, key, fault),
    };
    let currency = answers.currency();
    let fee = term_number(library, answers, Term::Fee);
    if let (Some(fee), Some((scope, prices))) = (fee, priced(library, answers, Term::Scope)) {
        let total: Decimal = prices.iter().sum();
        if total != fee {
            let fee_key = library.term_key(Term::Fee).unwrap_or_default();
            found.push(at_value(
                fee_key,
                Fault::Prices {
                    fee_key: fee_key.to_owned(),
                    fee,
                    key: scope.key.clone(),
                    total,
                    currency: currency.clone(),
                },
            ));
        }
    }
    if let Some(milestones) = library
        .term_key(Term::Milestones)
        .and_then(|key| library.question(key))
        && let Some(Value::List(records)) = answers.get(&milestones.key)
    {
        found.extend(milestone_dates(
            library, answers, milestones, records, written,
        ));
        if let (Some(fee), Some(payment)) = (fee, milestones.first_field(Type::Money)) {
            let deposit = term_number(library, answers, Term::Deposit)
                .map_or(Decimal::ZERO, |percent| deposit_amount(fee, percent));
            let payments: Decimal = records
                .iter()
                .filter_map(|r| match field(r, &payment.key) {
                    Some(Value::Number(n)) => Some(*n),
                    _ => None,
                })
                .sum();
            if deposit + payments != fee {
                found.push(at_list(
                    library,
                    written,
                    &milestones.key,
                    Fault::Payments {
                        key: milestones.key.clone(),
                        deposit,
                        payments,
                        fee,
                        currency,
                    },
                ));
            }
        }
    }
    found
}

/// The deposit of `percent` on `fee`, to the cent, as the contract states it.
#[must_use]
pub(crate) fn deposit_amount(fee: Decimal, percent: Decimal) -> Decimal {
    round(fee * percent / Decimal::ONE_HUNDRED, 2)
}

/// Out-of-order milestones, and milestones before the start or after the delivery date.
fn milestone_dates(
    library: &Library,
    answers: &Answers,
    milestones: &Question,
    records: &[crate::model::Record],
    written: &Written<'_>,
) -> Vec<Invalid> {
    let Some(date_field) = milestones.first_field(Type::Date) else {
        return Vec::new();
    };
    let date_of = |term: Term| match library.term_key(term).and_then(|k| answers.get(k)) {
        Some(Value::Date(date)) => Some(*date),
        _ => None,
    };
    let (start, delivery) = (date_of(Term::Start), date_of(Term::Delivery));
    let mut found = Vec::new();
    let mut previous: Option<jiff::civil::Date> = None;
    for (n, record) in records.iter().enumerate() {
        let Some(Value::Date(date)) = field(record, &date_field.key) else {
            continue;
        };
        let number = n + 1;
        let why = if let Some(before) = previous.filter(|p| *date < *p) {
            Some(DateOrder::Before {
                number: n,
                date: before,
            })
        } else if let Some(start) = start.filter(|s| date < s) {
            Some(DateOrder::BeforeStart(start))
        } else {
            delivery.filter(|d| date > d).map(DateOrder::AfterDelivery)
        };
        if let Some(why) = why {
            let fault = Fault::MilestoneDate {
                key: milestones.key.clone(),
                field: date_field.key.clone(),
                number,
                date: *date,
                why,
            };
            let located = written
                .lists
                .get(&milestones.key)
                .and_then(|list| list.records.get(n))
                .and_then(|r| r.fields.iter().find(|(k, _)| *k == date_field.key))
                .map(|(_, located)| located);
            found.push(match located {
                Some(located) => invalid_at(written.file, written.text, located, fault, library),
                None => at_list(library, written, &milestones.key, fault),
            });
        }
        previous = Some(*date);
    }
    found
}

/// An error at the key of the list `key`, else about the file.
fn at_list(library: &Library, written: &Written<'_>, key: &str, fault: Fault) -> Invalid {
    let place = match written.lists.get(key) {
        Some(list) => {
            let name = key.rsplit('.').next().unwrap_or(key);
            Diagnostic::error(
                written.file,
                written.text,
                list.line,
                list.column,
                String::new(),
            )
            .with_width(name.chars().count())
        }
        None => Diagnostic::file_error(written.file, String::new()),
    };
    Invalid::new(place, fault, library)
}

/// The number a term's answer holds.
fn term_number(library: &Library, answers: &Answers, term: Term) -> Option<Decimal> {
    match answers.get(library.term_key(term)?)? {
        Value::Number(n) => Some(*n),
        Value::Integer(i) => Some(Decimal::from(*i)),
        _ => None,
    }
}

/// The list playing `term` and the amounts of its first money field, when every record has
/// one.
fn priced<'a>(
    library: &'a Library,
    answers: &Answers,
    term: Term,
) -> Option<(&'a Question, Vec<Decimal>)> {
    let question = library.question(library.term_key(term)?)?;
    let price = question.first_field(Type::Money)?;
    let Some(Value::List(records)) = answers.get(&question.key) else {
        return None;
    };
    let prices: Option<Vec<Decimal>> = records
        .iter()
        .map(|r| match field(r, &price.key) {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        })
        .collect();
    Some((question, prices?))
}

/// The answers after a late payer's hardening, with the scope's prices and the milestones'
/// payments rescaled to the hardened fee and deposit (each in proportion, to the cent, the
/// last one taking the remainder), so that they still agree; with a change for each list
/// that moved.
#[must_use]
pub(crate) fn rescaled(library: &Library, answers: &Answers) -> Vec<(String, Value)> {
    let Some(fee) = term_number(library, answers, Term::Fee) else {
        return Vec::new();
    };
    let deposit = term_number(library, answers, Term::Deposit)
        .map_or(Decimal::ZERO, |percent| deposit_amount(fee, percent));
    let mut out = Vec::new();
    for (term, target) in [(Term::Scope, fee), (Term::Milestones, fee - deposit)] {
        let Some((question, amounts)) = priced(library, answers, term) else {
            continue;
        };
        let total: Decimal = amounts.iter().sum();
        if total == target || total.is_zero() || amounts.is_empty() {
            continue;
        }
        let Some(Value::List(records)) = answers.get(&question.key) else {
            continue;
        };
        let price_key = question
            .first_field(Type::Money)
            .map(|f| f.key.clone())
            .unwrap_or_default();
        let mut left = target;
        let last = records.len() - 1;
        let scaled: Vec<crate::model::Record> = records
            .iter()
            .zip(&amounts)
            .enumerate()
            .map(|(n, (record, amount))| {
                let share = if n == last {
                    left
                } else {
                    round(amount * target / total, 2)
                };
                left -= share;
                record
                    .iter()
                    .map(|(k, v)| {
                        if *k == price_key {
                            (k.clone(), Value::Number(share))
                        } else {
                            (k.clone(), v.clone())
                        }
                    })
                    .collect()
            })
            .collect();
        out.push((question.key.clone(), Value::List(scaled)));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::answers::parse;
    use crate::error::Error;
    use crate::library;
    use crate::model::Value;

    const EXAMPLE: &str = include_str!("../../examples/first-time-us.yaml");

    fn problems(text: &str) -> Vec<String> {
        let library = library::load(&library::built_in_files())
            .into_library()
            .unwrap();
        match parse("a.yaml", text, &library) {
            Err(Error::Diagnostics(found)) => found
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .collect(),
            Ok(_) => Vec::new(),
            Err(other) => panic!("{other}"),
        }
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    #[test]
    fn the_example_agrees() {
        assert_eq!(problems(EXAMPLE), Vec::<String>::new());
    }

    #[test]
    fn scope_prices_that_do_not_add_up_to_the_fee_are_refused_at_the_fee() {
        let text = EXAMPLE.replace("      price: \"400.00\"", "      price: \"450.00\"");
        let line = line_of(&text, "  total: \"6400.00\"");
        assert_eq!(
            problems(&text),
            [format!(
                "a.yaml:{line}:10: `fees.total` is $6,400.00, but the prices of the deliverables of `project.scope` add up to $6,450.00: the contract gives both, so they must agree"
            )]
        );
    }

    #[test]
    fn milestone_payments_and_the_deposit_must_make_the_fee() {
        let text = EXAMPLE.replacen("    payment: \"1600.00\"", "    payment: \"1000.00\"", 1);
        let line = line_of(&text, "milestones:");
        assert_eq!(
            problems(&text),
            [format!(
                "a.yaml:{line}:1: the deposit ($3,200.00) and the payments of `milestones` ($2,600.00) add up to $5,800.00, not the fee of $6,400.00: the milestone payments must add up to $3,200.00"
            )]
        );
    }

    #[test]
    fn milestone_dates_run_in_order_within_the_schedule() {
        let early = EXAMPLE.replace("    date: 2026-04-03", "    date: 2026-03-10");
        let line = line_of(&early, "    date: 2026-03-10");
        assert_eq!(
            problems(&early),
            [format!(
                "a.yaml:{line}:11: `date` of milestone 1 of `milestones`, March 10, 2026, is before the work starts, on March 16, 2026"
            )]
        );
        let swapped = EXAMPLE
            .replace("    date: 2026-04-03", "    date: 2026-04-20")
            .replace("    date: 2026-04-24", "    date: 2026-04-06");
        let line = line_of(&swapped, "    date: 2026-04-06");
        assert_eq!(
            problems(&swapped),
            [format!(
                "a.yaml:{line}:11: `date` of milestone 2 of `milestones`, April 6, 2026, is before that of milestone 1, April 20, 2026: list the milestones in date order"
            )]
        );
        let late = EXAMPLE.replace("    date: 2026-04-24", "    date: 2026-05-04");
        let line = line_of(&late, "    date: 2026-05-04");
        assert_eq!(
            problems(&late),
            [format!(
                "a.yaml:{line}:11: `date` of milestone 2 of `milestones`, May 4, 2026, is after the target date for the final delivery, April 24, 2026"
            )]
        );
    }

    #[test]
    fn a_late_payer_gets_prices_and_payments_that_still_agree() {
        let library = library::load(&library::built_in_files())
            .into_library()
            .unwrap();
        // A deposit of 30% hardened to 50%, and the fee doubled.
        let text = EXAMPLE
            .replace("  percent: \"50\"\n", "  percent: \"30\"\n")
            .replacen("    payment: \"1600.00\"", "    payment: \"2000.00\"", 1)
            .replacen("    payment: \"1600.00\"", "    payment: \"2480.00\"", 1);
        let answers = parse("a.yaml", &text, &library).unwrap();
        let (hardened, changes) = answers.for_late_payer(&library, 2.into());
        let amounts = |key: &str, field: &str| -> Vec<String> {
            let Some(Value::List(records)) = hardened.get(key) else {
                panic!("{key}")
            };
            records
                .iter()
                .map(|r| crate::model::value::field(r, field).unwrap().to_string())
                .collect()
        };
        assert_eq!(
            amounts("project.scope", "price"),
            ["2400", "7200", "1200", "800", "1200"]
        );
        // The fee becomes 12,800.00 and the deposit 6,400.00: the two payments share the
        // other 6,400.00 in the proportion of 2,000 to 2,480, as they shared 4,480.00 before.
        assert_eq!(amounts("milestones", "payment"), ["2857.14", "3542.86"]);
        assert!(changes.iter().any(|c| c.key == "milestones"));
    }
}
