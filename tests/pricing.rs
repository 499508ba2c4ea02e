//! Pricing that fits the trade: a fixed fee, or a rate per hour, day or unit with an estimate.
//! Each kind says how the Fee is counted; the deposit, the payment in advance and the
//! cancellation fee are reckoned on the Estimate; a repeat late payer's rates are all doubled.

use clausewright::answers::Answers;
use clausewright::library::Library;
use clausewright::model::Value;
use clausewright::prepare::{self, PrepareOptions};

use crate::trades::{build, built_in, neutral_answers, text_value};

/// The neutral first-time answers priced `basis` at `rate` with an estimate of $4,800.00.
fn priced(library: &Library, basis: &str, unit: Option<&str>, rate: &str) -> Answers {
    let mut answers = neutral_answers(library);
    answers.set("fees.basis", text_value(basis));
    answers.set("fees.rate", Value::Number(rate.parse().unwrap()));
    answers.set("fees.total", Value::Number("4800.00".parse().unwrap()));
    if basis == "hourly" || basis == "daily" {
        answers.remove("fees.hourly_rate");
    }
    match unit {
        Some(unit) => answers.set("fees.unit", text_value(unit)),
        None => {
            answers.remove("fees.unit");
        }
    }
    answers
}

/// The text of the numbered section titled `title`.
fn section<'m>(markdown: &'m str, title: &str) -> &'m str {
    let start = markdown
        .match_indices("\n## ")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            markdown[i..]
                .lines()
                .next()
                .is_some_and(|l| l.ends_with(title))
        })
        .unwrap_or_else(|| panic!("no section `{title}`"));
    let body = &markdown[start..];
    let end = body[3..].find("\n## ").map_or(body.len(), |i| i + 3);
    &body[..end]
}

#[test]
fn each_pricing_kind_says_what_is_counted_and_how() {
    let library = built_in();
    let cases: [(&str, Option<&str>, &str, &[&str]); 6] = [
        (
            "hourly",
            None,
            "120.00",
            &[
                "at $120.00 per hour (the “**Rate**”), for the hours counted as this section provides",
                "in units of fifteen (15) minutes, rounding each period of work up to the next full unit, and counts the hours from that record",
                "valued at the Rate for the hours recorded on it up to that date",
            ],
        ),
        (
            "daily",
            None,
            "800.00",
            &[
                "at $800.00 per day (the “**Rate**”), for the days counted",
                "a day of four (4) hours of work or less counts as half a day",
                "valued at the Rate for the days and half days worked on it up to that date",
            ],
        ),
        (
            "per-unit",
            Some("source-word"),
            "0.12",
            &[
                "at $0.12 per word of the source text (the “**Rate**”), for the words counted",
                "The words are counted in the source text as the Client supplies it, with the word count of a common word processor, before the work starts",
                "valued at the Rate for the units finished by that date",
            ],
        ),
        (
            "per-unit",
            Some("word"),
            "0.50",
            &[
                "at $0.50 per word of the finished text",
                "The words are counted in the finished text as delivered",
            ],
        ),
        (
            "per-unit",
            Some("image"),
            "150.00",
            &[
                "at $150.00 per finished image (the “**Rate**”), for the images counted",
                "Each finished image delivered in its final form counts once",
            ],
        ),
        (
            "per-unit",
            Some("finished-minute"),
            "300.00",
            &[
                "at $300.00 per finished minute (the “**Rate**”), for the minutes counted",
                "the running time of the finished recording or video as delivered, rounded up to the next full minute",
            ],
        ),
    ];
    for (basis, unit, rate, expected) in cases {
        let markdown = build(&library, priced(&library, basis, unit, rate));
        let fees = section(&markdown, "Fees");
        assert!(
            fees.contains(
                "estimates the Fee for the work in the Scope at $4,800.00 (the “**Estimate**”)"
            ),
            "{basis} {unit:?}: {fees}"
        );
        assert!(fees.contains("beyond one hundred ten percent (110%) of the Estimate until the Client has approved the revised estimate in writing"));
        for phrase in expected {
            assert!(
                fees.contains(phrase),
                "{basis} {unit:?}: `{phrase}` not in {fees}"
            );
        }
        assert!(
            !markdown.contains("for the work in the Scope (the “**Fee**”)"),
            "{basis}: no fixed fee"
        );
    }
    // A fixed fee keeps today's wording.
    let markdown = build(&library, neutral_answers(&library));
    assert!(section(&markdown, "Fees").contains(
        "The Client pays the Designer $6,400.00 for the work in the Scope (the “**Fee**”)."
    ));
    assert!(!markdown.contains("Estimate"));
}

#[test]
fn the_deposit_and_the_cancellation_fee_are_reckoned_on_the_estimate() {
    let library = built_in();
    // 50% deposit and a 20% cancellation fee (the first-time example's), billed by the day.
    let markdown = build(&library, priced(&library, "daily", None, "800.00"));
    let deposit = section(&markdown, "Deposit");
    assert!(deposit.contains("a deposit of fifty percent (50%) of the Estimate, which is $2,400.00 (the “**Deposit**”)"), "{deposit}");
    assert!(deposit.contains(
        "the balance of the Fee, that is, the Fee as counted under section 4 less the Deposit"
    ));
    assert!(
        deposit
            .contains("less the Deposit and less the Interim Invoices that section 6 provides for")
    );
    assert!(deposit.contains("if the Deposit and the Interim Invoices come to more than the Fee, it refunds the difference within fourteen (14) days instead"));
    let silent = section(
        &markdown,
        "Ending the Agreement When the Client Goes Silent",
    );
    assert!(
        silent.contains(
            "the greater of the Work Value plus the Cancellation Fee and the Deposit of $2,400.00"
        ),
        "{silent}"
    );
    let ending = section(&markdown, "Ending the Agreement");
    assert!(ending.contains(
        "The “**Cancellation Fee**” is twenty percent (20%) of the part of the Estimate not yet earned on that day, that is, the Estimate less the Work Value, or nothing if the Work Value is more."
    ), "{ending}");

    // The whole estimate in advance: half of it is the Deposit; the Fee as counted is settled.
    let mut advance = priced(&library, "hourly", None, "120.00");
    advance.set("deposit.percent", Value::Number(100.into()));
    let markdown = build(&library, advance);
    let paid = section(&markdown, "Payment in Advance");
    assert!(
        paid.contains("the Client pays the whole Estimate of $4,800.00 in advance"),
        "{paid}"
    );
    assert!(paid.contains("Half of the Advance Payment, $2,400.00, is a deposit"));
    assert!(paid.contains("it invoices the part of the Fee beyond the Advance Payment, or refunds the part of the Advance Payment beyond the Fee within fourteen (14) days"));
    assert!(section(&markdown, "Invoices and Payment").contains("the invoice settling the Fee, where any of it is still due, within five (5) business days after the Completion Date"));
    assert!(
        section(
            &markdown,
            "Ending the Agreement When the Client Goes Silent"
        )
        .contains("and the Deposit of $2,400.00,")
    );
}

#[test]
fn a_late_payer_pays_double_every_rate() {
    let library = built_in();
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: true,
        rate_multiplier: 2.into(),
        language: None,
    };
    for (basis, unit) in [
        ("hourly", None),
        ("daily", None),
        ("per-unit", Some("image")),
    ] {
        let mut answers = priced(&library, basis, unit, "0.40");
        if basis == "per-unit" {
            answers.set("fees.hourly_rate", Value::Number("60.00".parse().unwrap()));
        }
        let prepared = prepare::prepare(library.clone(), answers, &options).unwrap();
        let get = |key: &str| prepared.answers.get(key).cloned();
        let money = |amount: &str| Some(Value::Number(amount.parse().unwrap()));
        assert_eq!(get("fees.rate"), money("0.80"), "{basis}");
        assert_eq!(get("fees.total"), money("9600.00"), "{basis}");
        if basis == "per-unit" {
            assert_eq!(get("fees.hourly_rate"), money("120.00"));
        }
        let changed: Vec<&str> = prepared.changes.iter().map(|c| c.key.as_str()).collect();
        assert!(changed.contains(&"fees.rate"), "{basis}: {changed:?}");
    }
}

#[test]
fn a_translation_defaults_to_a_rate_per_word_of_the_source_text() {
    let library = built_in();
    let text =
        std::fs::read_to_string(crate::support::root().join("examples/translation.yaml")).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("  basis:") && !l.starts_with("  unit:"))
        .fold(String::new(), |text, line| text + line + "\n");
    let answers = clausewright::answers::parse("translation.yaml", &without, &library).unwrap();
    assert_eq!(
        answers
            .get("fees.basis")
            .map(ToString::to_string)
            .as_deref(),
        Some("per-unit")
    );
    assert_eq!(
        answers.get("fees.unit").map(ToString::to_string).as_deref(),
        Some("source-word")
    );
}

/// The first-time example (an itemized scope of five priced deliverables adding up to
/// $6,400.00) priced at a rate: `basis` and its rate line replace the fixed fee and the hourly
/// rate for extra work.
fn itemized_at_a_rate(library: &Library, rate_lines: &str) -> Answers {
    let text = std::fs::read_to_string(crate::support::root().join("examples/first-time-us.yaml"))
        .unwrap();
    let text = text
        .replace("  basis: fixed\n", rate_lines)
        .replace("  hourly_rate: \"85.00\"\n", "");
    // The milestones (paid only with a fixed fee) are left out, with a warning from the lint.
    clausewright::answers::parse("first-time-us.yaml", &text, library).unwrap()
}

#[test]
fn an_itemized_scope_at_a_rate_is_a_breakdown_of_the_estimate_not_a_set_of_prices() {
    let library = built_in();
    let cases = [
        (
            "  basis: hourly\n  rate: \"85.00\"\n",
            "hourly",
            "at the Rate for the hours recorded on it up to that date",
        ),
        (
            "  basis: daily\n  rate: \"640.00\"\n",
            "daily",
            "at the Rate for the days and half days worked on it up to that date",
        ),
        (
            "  basis: per-unit\n  unit: word\n  rate: \"0.40\"\n  hourly_rate: \"85.00\"\n",
            "per-unit",
            "at the Rate for the units finished by that date",
        ),
    ];
    for (lines, basis, valued) in cases {
        let answers = itemized_at_a_rate(&library, lines);
        assert!(answers.get("milestones").is_none(), "{basis}");
        let markdown = build(&library, answers);
        let project = section(&markdown, "The Project and Its Scope");
        assert!(
            project.contains("- Launch on the Client's existing hosting account: $600.00\n"),
            "{basis}: {project}"
        );
        assert!(project.contains(
            "The amount shown beside each deliverable is the part of the Estimate, given in section 4, that the Designer expects it to cost. These amounts add up to the Estimate. They are not fixed prices: each deliverable is paid for at the Rate, counted as that section provides."
        ), "{basis}: {project}");
        assert!(!markdown.contains("is its price"), "{basis}");
        let fees = section(&markdown, "Fees");
        assert!(
            fees.contains("(the “**Estimate**”)")
                && fees.contains("estimates the Fee for the work in the Scope at $6,400.00"),
            "{basis}: {fees}"
        );
        assert!(
            fees.contains(&format!("the work in the Scope is valued {valued}")),
            "{basis}: {fees}"
        );
        // The work done is never valued by the deliverables' amounts, which are estimates.
        assert!(
            !fees.contains("at the price of each deliverable"),
            "{basis}"
        );
        assert!(!markdown.contains("Milestone"), "{basis}");
        assert!(
            section(&markdown, "Deposit")
                .contains("a deposit of fifty percent (50%) of the Estimate, which is $3,200.00"),
            "{basis}"
        );
    }
}

#[test]
fn work_by_the_hour_or_the_day_is_invoiced_monthly_with_the_deposit_set_against_it() {
    let library = built_in();
    for (basis, counted) in [("hourly", "hours"), ("daily", "days and half days")] {
        let markdown = build(&library, priced(&library, basis, None, "100.00"));
        let payment = section(&markdown, "Invoices and Payment");
        assert!(payment.contains(&format!(
            "the invoice for the Deposit on the day the parties sign this Agreement; an invoice for the {counted} of work in the Scope done in each calendar month before the Completion Date (an “**Interim Invoice**”), at the Rate and with the record that section 4 provides, within five (5) business days after the end of that month; the invoice for the balance of the Fee within five (5) business days after the Completion Date;"
        )), "{basis}: {payment}");
        let deposit = section(&markdown, "Deposit");
        assert!(deposit.contains("the Fee as counted under section 4 less the Deposit and less the Interim Invoices that section 6 provides for"), "{basis}: {deposit}");
        // The Deposit counts towards the Fee as the work is invoiced, not only at the end: the
        // client never pays ahead of the work beyond the Deposit.
        assert!(deposit.contains("The Deposit counts towards the Fee: it is set against the Interim Invoices that section 6 provides for, in the order they are sent, until it is used up, and each Interim Invoice is for its amount less the part of the Deposit set against it."), "{basis}: {deposit}");
        // An Interim Invoice issued and not yet paid when the Agreement ends stays due, so the
        // final invoice leaves it out rather than charging its work twice.
        let ending = section(&markdown, "Ending the Agreement");
        assert!(
            ending.contains("less every amount already invoiced to the Client under this Agreement, whether paid or not, and any other amount the Client has already paid, and the Client pays that invoice"),
            "{basis}: {ending}"
        );
    }
    // Counted units, a fixed fee and the whole estimate in advance have no monthly invoices.
    let per_unit = build(
        &library,
        priced(&library, "per-unit", Some("image"), "40.00"),
    );
    assert!(!per_unit.contains("Interim Invoice"));
    assert!(
        section(&per_unit, "Deposit")
            .contains("if the Deposit comes to more than the Fee, it refunds the difference")
    );
    assert!(!build(&library, neutral_answers(&library)).contains("Interim Invoice"));
    let mut advance = priced(&library, "hourly", None, "100.00");
    advance.set("deposit.percent", Value::Number(100.into()));
    assert!(!build(&library, advance).contains("Interim Invoice"));
}
