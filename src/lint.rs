//! The term lint: takes the answers as they go into the contract (after the late-payer rules)
//! and the answers file they came from, and returns the business terms a careful freelancer
//! would look at twice, each as a diagnostic at the line of the answer it is about.
//!
//! The findings read the built-in library's keys; a key that a library does not declare, or an
//! answer left out, simply yields no finding. Warnings fail `build` only with
//! `--deny-warnings`; an error (a party that cannot be named) always fails it.

use rust_decimal::Decimal;

use crate::answers::{self, Answers};
use crate::error::{Diagnostic, Severity};
use crate::format::{self, Locale};
use crate::jurisdiction::{ContractTerms, Requirement};
use crate::library::Library;
use crate::model::Value;
use crate::model::keys::{COUNTRY, CURRENCY, DEFAULT_CURRENCY, STATUTORY_INTEREST};

/// The monthly late fee's answer.
const PERCENT_PER_MONTH: &str = "late_fee.percent_per_month";

/// The client's duty to answer a request, in business days (the cooperation clause).
pub const FEEDBACK_DUTY_DAYS: i64 = 5;

/// Business days that the follow-up ladder of `clausewright chase` takes after the feedback
/// duty: the follow-up, then a week of checks and a call, before the pause letter.
pub const FOLLOW_UP_LADDER_DAYS: i64 = 10;

/// A yearly interest rate above this (18%) exceeds the usury limit of many US states and the
/// United Kingdom's statutory late-payment interest by far.
pub const SANE_YEARLY_INTEREST: Decimal = Decimal::from_parts(18, 0, 0, false, 0);

/// Days from delivery to payment that the Illinois Freelance Worker Protection Act (820 ILCS
/// 193/15(b)(3)) allows, and that New York City and California apply when a contract is silent.
pub const PAYMENT_DAYS_AFTER_DELIVERY: i64 = 30;

/// Calendar days the contract gives the Designer to invoice the balance after the Completion
/// Date (five business days).
const INVOICE_DAYS_AFTER_COMPLETION: i64 = 7;

/// One finding: the key it is about, whether it fails the build on its own, and what it says.
type Finding = (&'static str, Severity, String);

/// Every finding for these answers, in the order of the answers file. `file` and `text` are the
/// answers file the values came from (the one `new` is about to write, for `new`).
#[must_use]
pub fn lint(file: &str, text: &str, answers: &Answers, library: &Library) -> Vec<Diagnostic> {
    let located = answers::read_given(file, text, library)
        .map(|given| given.values)
        .unwrap_or_default();
    let checks: [fn(&Answers) -> Option<Finding>; 7] = [
        silence_before_the_ladder_ends,
        deposit_and_cancellation_above_the_fee,
        interest_above_a_sane_rate,
        payment_long_after_delivery,
        start_before_the_agreement,
        fee_below_the_hourly_rate,
        company_without_its_name,
    ];
    let laws = freelancer_laws(answers, library)
        .into_iter()
        .map(|(key, message)| (key, Severity::Warning, message));
    // A percentage written in the file that the statutory interest leaves unused, when that
    // interest is the default rather than written too: the user probably meant the percentage.
    let unused_percent = (on(answers, STATUTORY_INTEREST)
        && located.contains_key(PERCENT_PER_MONTH)
        && !located.contains_key(STATUTORY_INTEREST))
    .then(|| {
        (
            PERCENT_PER_MONTH,
            Severity::Warning,
            format!(
                "`{PERCENT_PER_MONTH}` is given, but the contract charges the interest the law of its country sets (`{STATUTORY_INTEREST}` is true, its default there): write `{STATUTORY_INTEREST}: false` to charge this percentage instead, or remove it"
            ),
        )
    });
    let mut findings: Vec<Diagnostic> = checks
        .iter()
        .filter_map(|check| check(answers))
        .chain(laws)
        .chain(unused_percent)
        .map(|(key, severity, message)| {
            let mut diagnostic = if let Some(place) = located.get(key) {
                Diagnostic::warning(file, text, place.line, place.column, message)
                    .with_width(answers::scalar_width(text, place))
            } else {
                Diagnostic::file_error(file, message)
            };
            diagnostic.severity = severity;
            diagnostic
        })
        .collect();
    findings.sort_by_key(|d| d.line);
    findings
}

/// What the freelancer-protection laws of the contract's place (New York State and City,
/// Illinois, California, Los Angeles: the profile's `freelancer_laws`) require and these
/// answers leave out, each at the answer that would supply it.
fn freelancer_laws(answers: &Answers, library: &Library) -> Vec<(&'static str, String)> {
    let declares_country = library.question(COUNTRY).is_some();
    let Ok(Some(place)) = answers::place_of(&library.profiles, declares_country, answers) else {
        return Vec::new();
    };
    let given = |keys: &[&str]| keys.iter().all(|key| on(answers, key));
    let terms = ContractTerms {
        value: number(answers, "fees.total"),
        currency: answers.currency(),
        payment_days: match answers.get("payment.due_days") {
            Some(Value::Integer(days)) => Some(*days),
            _ => None,
        },
        parties: given(&[
            "freelancer.name",
            "freelancer.address",
            "client.name",
            "client.address",
        ]),
        contacts: given(&[
            "freelancer.email",
            "freelancer.phone",
            "client.email",
            "client.phone",
        ]),
        services: given(&["project.description"]),
    };
    let mut found = Vec::new();
    for law in &place.freelancer_laws {
        for (requirement, sentence) in law.lacking(&terms, &place.conventions.currency) {
            let key = match requirement {
                Requirement::Parties => "client.address",
                Requirement::Contacts => "client.email",
                Requirement::Services => "project.description",
                Requirement::Rate => "fees.total",
                Requirement::PaymentDate | Requirement::PaymentWithin30 => "payment.due_days",
            };
            found.push((
                key,
                format!("{sentence} (this contract falls under it by its place and value)"),
            ));
        }
    }
    found
}

fn number(answers: &Answers, key: &str) -> Option<Decimal> {
    match answers.get(key) {
        Some(Value::Number(n)) => Some(*n),
        Some(Value::Integer(i)) => Some(Decimal::from(*i)),
        _ => None,
    }
}

fn on(answers: &Answers, key: &str) -> bool {
    answers.get(key).is_some_and(Value::is_truthy)
}

fn silence_before_the_ladder_ends(answers: &Answers) -> Option<Finding> {
    let days = number(answers, "kill_fee.silence_days")?;
    let needed = FEEDBACK_DUTY_DAYS + FOLLOW_UP_LADDER_DAYS;
    (on(answers, "kill_fee.enabled") && days < Decimal::from(needed)).then(|| {
        (
            "kill_fee.silence_days",
            Severity::Warning,
            format!(
                "the kill fee's silence is {days} business days, shorter than the client's {FEEDBACK_DUTY_DAYS}-business-day feedback duty plus the {FOLLOW_UP_LADDER_DAYS} business days of the follow-up ladder ({needed} in all): the right to end the work would come before the follow-up, the call and the pause letter"
            ),
        )
    })
}

fn deposit_and_cancellation_above_the_fee(answers: &Answers) -> Option<Finding> {
    let deposit = number(answers, "deposit.percent")?;
    let cancellation = number(answers, "kill_fee.percent")?;
    // With the whole fee in advance, half of it is the non-refundable Deposit.
    let kept = if deposit == Decimal::ONE_HUNDRED {
        Decimal::from(50)
    } else {
        deposit
    };
    let total = kept + cancellation;
    (total > Decimal::ONE_HUNDRED).then(|| {
        (
            "kill_fee.percent",
            Severity::Warning,
            format!(
                "the deposit kept ({kept}% of the fee) plus the cancellation fee ({cancellation}%) is {total}% of the fee: more than the whole fee reads as a penalty, which a court may refuse to enforce"
            ),
        )
    })
}

fn interest_above_a_sane_rate(answers: &Answers) -> Option<Finding> {
    let monthly = number(answers, PERCENT_PER_MONTH)?;
    let yearly = monthly * Decimal::from(12);
    // Statutory interest replaces the monthly percentage: the law sets that rate.
    let statutory = on(answers, STATUTORY_INTEREST);
    (on(answers, "late_fee.enabled") && !statutory && yearly > SANE_YEARLY_INTEREST).then(|| {
        (
            PERCENT_PER_MONTH,
            Severity::Warning,
            format!(
                "interest of {monthly}% a month is {yearly}% a year, above {SANE_YEARLY_INTEREST}%: many places cap contract interest lower, and a court may cut it or refuse it"
            ),
        )
    })
}

fn payment_long_after_delivery(answers: &Answers) -> Option<Finding> {
    let due = number(answers, "payment.due_days")?;
    let review = number(answers, "acceptance.review_days").unwrap_or_default();
    // Business days of review as calendar days, rounded up.
    let review_days = (review * Decimal::from(7) / Decimal::from(5)).ceil();
    let total = review_days + Decimal::from(INVOICE_DAYS_AFTER_COMPLETION) + due;
    (total > Decimal::from(PAYMENT_DAYS_AFTER_DELIVERY)).then(|| {
        (
            "payment.due_days",
            Severity::Warning,
            format!(
                "the balance can fall due {total} days after the last delivery (a {review}-business-day review, up to a week to invoice, then {due} days to pay): Illinois requires payment within {PAYMENT_DAYS_AFTER_DELIVERY} days of delivery, and a late payer has more room to wait"
            ),
        )
    })
}

fn start_before_the_agreement(answers: &Answers) -> Option<Finding> {
    let (Some(Value::Date(start)), Some(Value::Date(agreed))) =
        (answers.get("project.start"), answers.get("agreement.date"))
    else {
        return None;
    };
    (start < agreed).then(|| {
        let (start, agreed) = (
            format::long_date(*start, Locale::default()),
            format::long_date(*agreed, Locale::default()),
        );
        (
            "project.start",
            Severity::Warning,
            format!(
                "work starts on {start}, before the agreement's date of {agreed}: work done before the agreement takes effect is not covered by it"
            ),
        )
    })
}

fn fee_below_the_hourly_rate(answers: &Answers) -> Option<Finding> {
    let fee = number(answers, "fees.total")?;
    let rate = number(answers, "fees.hourly_rate")?;
    (fee < rate).then(|| {
        let currency = match answers.get(CURRENCY) {
            Some(Value::Text(code)) => code.as_str(),
            _ => DEFAULT_CURRENCY,
        };
        let money = |amount: Decimal| {
            format::money(amount, currency, Locale::default()).unwrap_or_else(|| amount.to_string())
        };
        let (fee, rate) = (money(fee), money(rate));
        (
            "fees.total",
            Severity::Warning,
            format!(
                "the fee of {fee} is less than one hour at the hourly rate of {rate}: is one of them mistyped?"
            ),
        )
    })
}

/// The client's trading name is required by its declaration; the freelancer's business name is
/// asked before the kind that needs it, so it is checked here, as an error.
fn company_without_its_name(answers: &Answers) -> Option<Finding> {
    let Some(Value::Text(kind)) = answers.get("freelancer.kind") else {
        return None;
    };
    (kind != "individual" && !on(answers, "freelancer.business")).then(|| {
        let name = if kind == "company" {
            "company's registered"
        } else {
            "trading"
        };
        (
            "freelancer.kind",
            Severity::Error,
            format!(
                "`freelancer.kind` is {kind}, but `freelancer.business` is empty: the contract needs your {name} name"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library;

    const EXAMPLE: &str = include_str!("../examples/first-time-us.yaml");

    fn findings(text: &str) -> Vec<(String, usize, Severity, String)> {
        let library = library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        let answers = answers::parse("terms.yaml", text, &library).unwrap();
        lint("terms.yaml", text, &answers, &library)
            .into_iter()
            .map(|d| (d.location(), d.line, d.severity, d.message))
            .collect()
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    #[test]
    fn the_examples_terms_are_clean() {
        assert_eq!(findings(EXAMPLE), []);
    }

    #[test]
    fn each_finding_is_at_the_line_of_its_answer() {
        let text = EXAMPLE
            .replace("  silence_days: 15", "  silence_days: 10")
            .replace("  percent: \"20\"", "  percent: \"60\"")
            .replace("  percent_per_month: \"1.5\"", "  percent_per_month: \"2\"")
            .replace("  due_days: 14", "  due_days: 30")
            .replace("  start: 2026-03-16", "  start: 2026-02-27")
            .replace("  total: \"6400.00\"", "  total: \"80.00\"");
        let got = findings(&text);
        let expect = [
            (
                "  start: 2026-02-27",
                "work starts on February 27, 2026, before the agreement's date of March 2, 2026",
            ),
            (
                "  total: \"80.00\"",
                "the fee of $80.00 is less than one hour at the hourly rate of $85.00",
            ),
            (
                "  due_days: 30",
                "the balance can fall due 44 days after the last delivery",
            ),
            (
                "  percent_per_month: \"2\"",
                "interest of 2% a month is 24% a year, above 18%",
            ),
            (
                "  silence_days: 10",
                "the kill fee's silence is 10 business days, shorter than the client's 5-business-day feedback duty plus the 10 business days of the follow-up ladder (15 in all)",
            ),
            (
                "  percent: \"60\"",
                "the deposit kept (50% of the fee) plus the cancellation fee (60%) is 110% of the fee",
            ),
        ];
        assert_eq!(got.len(), expect.len(), "{got:#?}");
        for (needle, words) in expect {
            let line = line_of(&text, needle);
            let finding = got
                .iter()
                .find(|(_, l, _, _)| *l == line)
                .unwrap_or_else(|| panic!("nothing at line {line} ({needle}): {got:#?}"));
            assert_eq!(
                finding.0,
                format!("terms.yaml:{line}:{}", needle.find(':').unwrap() + 3)
            );
            assert_eq!(finding.2, Severity::Warning);
            assert!(finding.3.starts_with(words), "{}", finding.3);
        }
    }

    #[test]
    fn a_freelancer_protection_law_names_what_the_contract_lacks_at_its_answer() {
        // Illinois (820 ILCS 193/15(b)(3)): payment within thirty days after delivery, for a
        // contract of USD 500 or more.
        let text = EXAMPLE.replace("  due_days: 14", "  due_days: 45");
        let line = line_of(&text, "  due_days: 45");
        let at_line: Vec<String> = findings(&text)
            .into_iter()
            .filter(|(_, l, severity, _)| *l == line && *severity == Severity::Warning)
            .map(|(_, _, _, message)| message)
            .collect();
        assert!(
            at_line.contains(&"the Illinois Freelance Worker Protection Act (820 ILCS 193) requires payment within thirty (30) days after delivery, not 45 days (this contract falls under it by its place and value)".to_owned()),
            "{at_line:#?}"
        );
        // Below the Act's threshold, or in another state, the Act says nothing.
        for (from, to) in [
            ("  total: \"6400.00\"", "  total: \"499.00\""),
            ("  region: IL", "  region: OR"),
        ] {
            let text = text.replace(from, to);
            assert!(
                findings(&text)
                    .iter()
                    .all(|(_, _, _, m)| !m.contains("Illinois Freelance")),
                "{to}: {:#?}",
                findings(&text)
            );
        }
    }

    #[test]
    fn a_company_without_its_name_is_an_error() {
        let text = EXAMPLE.replace(
            "  kind: sole-trader\n  business: Prairie Pixel Studio\n",
            "  kind: company\n",
        );
        let got = findings(&text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].2, Severity::Error);
        assert_eq!(got[0].1, line_of(&text, "  kind: company"));
        assert_eq!(
            got[0].3,
            "`freelancer.kind` is company, but `freelancer.business` is empty: the contract needs your company's registered name"
        );
    }
}
