//! Statutory late-payment interest (#13): where the place's law sets it (the UK Late Payment
//! of Commercial Debts (Interest) Act 1998, BGB § 288, Turkish Law no. 3095), the contract's
//! interest clause states it by default, and `chase` works it out to the cent, with the fixed
//! compensation, on the invoice and on each letter.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::support::{clausewright, root, run};

/// The GB example with a business client that pays interest (the Act covers businesses only).
fn gb_business(folder: &Path, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("examples/gb-consumer.yaml"))
        .unwrap()
        .replace(
            "  kind: individual\n  consumer: true\n",
            "  kind: company\n  contact: Eleanor Hughes\n",
        )
        .replace(
            "late_fee:\n  enabled: false\n",
            &format!("late_fee:\n  enabled: true\n{extra}"),
        );
    let path = folder.join("answers.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn contract(answers: &Path) -> String {
    let outcome = run(&mut clausewright(&[
        "build",
        answers.to_str().unwrap(),
        "-o",
        "-",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    outcome.stdout
}

fn section<'m>(markdown: &'m str, title: &str) -> &'m str {
    let start = markdown
        .find(&format!(". {title}\n"))
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &markdown[start..];
    &rest[..rest[3..].find("\n## ").map_or(rest.len(), |end| end + 3)]
}

#[test]
fn a_uk_business_contract_charges_the_act_s_interest_and_fixed_sums_by_default() {
    let folder = tempfile::tempdir().unwrap();
    let markdown = contract(&gb_business(folder.path(), ""));
    let clause = section(&markdown, "Interest on Late Payment");
    for words in [
        "under the Late Payment of Commercial Debts (Interest) Act 1998 (the “**Act**”) at eight (8) percentage points a year above the Bank of England base rate in force on 31 December",
        "£40.00 for an invoice of less than £1,000.00, £70.00 for an invoice of £1,000.00 or more but less than £10,000.00, and £100.00 for an invoice of £10,000.00 or more (the “**Compensation**”)",
        "a substantial remedy for late payment under the Act",
        "multiplied by the yearly rate and divided by three hundred sixty-five (365)",
        "The Designer may add the Late Fee and the Compensation to a reissued invoice",
    ] {
        assert!(clause.contains(words), "{words:?} is not in:\n{clause}");
    }
    assert!(!clause.contains("per month"), "{clause}");
    // The freelancer may still choose a monthly percentage instead.
    let markdown = contract(&gb_business(
        folder.path(),
        "  percent_per_month: \"1.5\"\ninterest:\n  statutory: false\n",
    ));
    let clause = section(&markdown, "Interest on Late Payment");
    assert!(
        clause.contains("at one and one-half percent (1.5%) per month"),
        "{clause}"
    );
    assert!(
        !clause.contains("Compensation") && !clause.contains("the Act"),
        "{clause}"
    );
}

#[test]
fn a_german_contract_states_bgb_288_for_a_business_and_a_consumer() {
    let markdown = contract(&root().join("examples/eu-client.yaml"));
    let clause = section(&markdown, "Interest on Late Payment");
    assert!(clause.contains("default interest under section 288 of the German Civil Code (BGB) at nine (9) percentage points a year above the base rate under section 247 BGB"), "{clause}");
    assert!(
        clause.contains("the flat sum of €40.00 under section 288(5) BGB (the “**Compensation**”)"),
        "{clause}"
    );
    let folder = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/eu-client.yaml"))
        .unwrap()
        .replacen(
            "  kind: company\n",
            "  kind: individual\n  consumer: true\n",
            1,
        );
    let path = folder.path().join("consumer.yaml");
    std::fs::write(&path, text).unwrap();
    let markdown = contract(&path);
    let clause = section(&markdown, "Interest on Late Payment");
    assert!(
        clause.contains("at five (5) percentage points a year"),
        "{clause}"
    );
    assert!(!clause.contains("Compensation"), "{clause}");
}

/// Takes the agreement's date out of the answers file (an invoice cannot fall due before it).
fn undate(answers: &Path) {
    let text = std::fs::read_to_string(answers).unwrap();
    let undated: Vec<&str> = text
        .lines()
        .scan(false, |skip, line| {
            if line == "agreement:" {
                *skip = true;
                return Some(None);
            }
            if *skip && line.starts_with("  ") {
                return Some(None);
            }
            *skip = false;
            Some(Some(line))
        })
        .flatten()
        .collect();
    std::fs::write(answers, undated.join("\n") + "\n").unwrap();
}

/// `chase --json` for invoice INV-7 of 6,400.00 due 2026-03-02, read on `today`. The
/// agreement's date is taken out of the answers (an invoice cannot fall due before it).
fn chase(answers: &Path, today: &str, extra: &[&str]) -> (i32, Json, String) {
    undate(answers);
    let out = answers.parent().unwrap().to_str().unwrap().to_owned();
    let mut args = vec![
        "chase",
        answers.to_str().unwrap(),
        "-o",
        &out,
        "--stage",
        "payment",
        "--invoice",
        "INV-7",
        "--amount",
        "6400.00",
        "--due",
        "2026-03-02",
        "--today",
        today,
        "--format",
        "md",
        "--force",
    ];
    args.extend_from_slice(extra);
    let outcome = run(&mut clausewright(&args));
    let json = serde_json::from_str(&outcome.stdout).unwrap_or(Json::Null);
    (outcome.code, json, outcome.stderr)
}

#[test]
fn chase_charges_the_uk_act_to_the_cent_with_its_fixed_sum() {
    let folder = tempfile::tempdir().unwrap();
    let answers = gb_business(folder.path(), "");
    // 64 days late at 3.75% + 8% = 11.75%: 6400 × 11.75% × 64 / 365 = 131.857… → £131.86,
    // and £70.00 for a debt of £1,000 to £9,999.99.
    let (code, json, stderr) = chase(&answers, "2026-05-05", &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    let invoice = &json["invoice"];
    assert_eq!(invoice["late_fee_basis"], "statutory");
    assert_eq!(
        invoice["statute"],
        "the Late Payment of Commercial Debts (Interest) Act 1998"
    );
    assert_eq!(invoice["late_fee"], "131.86");
    assert_eq!(invoice["balance"], "6531.86");
    assert_eq!(invoice["compensation"], "70.00");
    assert_eq!(invoice["late_fee_percent_per_month"], Json::Null);
    // The letter due now states the same figures.
    let letter = json["written"][0]["path"].as_str().unwrap();
    let letter = std::fs::read_to_string(letter).unwrap();
    assert!(letter.contains("£6,531.86"), "{letter}");
    // The table says so too, with the fixed sum.
    let outcome = run(&mut clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "-o",
        folder.path().to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "INV-7",
        "--amount",
        "6400.00",
        "--due",
        "2026-03-02",
        "--today",
        "2026-05-05",
        "--format",
        "md",
        "--force",
    ]));
    assert!(
        outcome
            .stdout
            .contains("5 May 2026: 64 days overdue, late fee £131.86, balance £6,531.86\nAlso owed: the statute's fixed compensation of £70.00 for a late invoice\n"),
        "{}",
        outcome.stdout
    );
    // £2,000.00 paid on 1 April: (6400 × 30 + 4400 × 34) × 11.75% / 365 = 109.967… → £109.97.
    let (code, json, stderr) = chase(
        &answers,
        "2026-05-05",
        &[
            "--record",
            "paid",
            "--payment",
            "2000.00",
            "--on",
            "2026-04-01",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["invoice"]["late_fee"], "109.97");
    assert_eq!(json["invoice"]["balance"], "4509.97");
}

#[test]
fn chase_charges_bgb_288_and_asks_for_a_rate_its_table_lacks() {
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.yaml");
    std::fs::copy(root().join("examples/eu-client.yaml"), &answers).unwrap();
    // 1.27% + 9 points = 10.27%: 6400 × 10.27% × 64 / 365 = 115.249… → €115.25, and €40.
    let (code, json, stderr) = chase(&answers, "2026-05-05", &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["invoice"]["late_fee"], "115.25");
    assert_eq!(json["invoice"]["balance"], "6515.25");
    assert_eq!(json["invoice"]["compensation"], "40.00");
    // After 30 June 2026 the base rate is not in the table: an error that says what to give.
    let (code, _, stderr) = chase(&answers, "2026-07-10", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("the base rate under § 247 BGB for 2026-07-01 onwards is not known to clausewright (its table ends on 2026-06-30); give the rate as `interest.reference_rate` in the answers"),
        "{stderr}"
    );
    // With the rate given (say 1.5%), every day is at 10.5%: 6400 × 10.5% × 130 / 365
    // = 239.342… → €239.34.
    let text =
        std::fs::read_to_string(&answers).unwrap() + "interest:\n  reference_rate: \"1.5\"\n";
    std::fs::write(&answers, text).unwrap();
    let (code, json, stderr) = chase(&answers, "2026-07-10", &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["invoice"]["days_overdue"], 130);
    assert_eq!(json["invoice"]["late_fee"], "239.34");
}

#[test]
fn turkish_default_interest_applies_to_a_debt_in_lira_only() {
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.yaml");
    let text = std::fs::read_to_string(root().join("examples/tr-client.yaml")).unwrap();
    // In euros (article 4/a of Law no. 3095 sets another rate), the monthly percentage stands.
    std::fs::write(&answers, &text).unwrap();
    let clause = contract(&answers);
    assert!(section(&clause, "Interest on Late Payment").contains("per month"));
    std::fs::write(
        &answers,
        text.replace("  currency: EUR\n", "  currency: TRY\n"),
    )
    .unwrap();
    let markdown = contract(&answers);
    assert!(
        section(&markdown, "Interest on Late Payment")
            .contains("default interest under article 2(2) of Law no. 3095")
    );
    // 39.75% a year, no margin and no fixed sum: 6400 × 39.75% × 64 / 365 = 446.071… → ₺446.07.
    let (code, json, stderr) = chase(&answers, "2026-05-05", &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["invoice"]["late_fee"], "446.07");
    assert_eq!(json["invoice"]["compensation"], "0.00");
}

#[test]
fn a_percentage_the_statutory_default_leaves_unused_is_a_warning_at_its_line() {
    let folder = tempfile::tempdir().unwrap();
    let answers = gb_business(folder.path(), "  percent_per_month: \"1.5\"\n");
    let outcome = run(&mut clausewright(&[
        "build",
        answers.to_str().unwrap(),
        "-o",
        "-",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let line = std::fs::read_to_string(&answers)
        .unwrap()
        .lines()
        .position(|l| l.contains("percent_per_month"))
        .unwrap()
        + 1;
    assert!(
        outcome.stderr.contains(&format!(
            "warning: `late_fee.percent_per_month` is given, but the contract charges the interest the law of its country sets (`interest.statutory` is true, its default there): write `interest.statutory: false` to charge this percentage instead, or remove it\n  --> {}:{line}:",
            answers.display()
        )),
        "{}",
        outcome.stderr
    );
    // Chosen in so many words, it is no mistake.
    let text = std::fs::read_to_string(&answers).unwrap() + "interest:\n  statutory: true\n";
    std::fs::write(&answers, text).unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        answers.to_str().unwrap(),
        "-o",
        "-",
    ]));
    assert!(!outcome.stderr.contains("warning"), "{}", outcome.stderr);
}

/// The final notice `chase --all` writes for an invoice of `amount` due 2026-03-02, read on
/// 2026-05-05 (the notice is dated on its step, 2026-06-10 or so).
fn final_notice(answers: &Path, amount: &str) -> String {
    undate(answers);
    let out = tempfile::tempdir().unwrap();
    let outcome = run(&mut clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "INV-7",
        "--amount",
        amount,
        "--due",
        "2026-03-02",
        "--today",
        "2026-05-05",
        "--format",
        "md",
        "--all",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let path = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.to_string_lossy().ends_with("payment-final-notice.md"))
        .expect("a final notice");
    std::fs::read_to_string(path).unwrap()
}

/// The figure after `label` in a letter's list (`- label: £70.00`).
fn listed<'l>(letter: &'l str, label: &str) -> Option<&'l str> {
    letter
        .lines()
        .find_map(|line| line.strip_prefix(&format!("- {label}")))
        .and_then(|rest| rest.rsplit(": ").next())
}

#[test]
fn the_final_notice_claims_the_statute_s_fixed_sum_by_the_debt_s_size() {
    let folder = tempfile::tempdir().unwrap();
    let answers = gb_business(folder.path(), "");
    let act = "the Late Payment of Commercial Debts (Interest) Act 1998";
    // The Act, s. 5A: £40 below £1,000, £70 below £10,000, £100 from £10,000.
    for (amount, sum) in [
        ("999.99", "£40.00"),
        ("1000.00", "£70.00"),
        ("9999.99", "£70.00"),
        ("10000.00", "£100.00"),
    ] {
        let letter = final_notice(&answers, amount);
        assert_eq!(
            listed(
                &letter,
                &format!("fixed compensation for late payment under {act}")
            ),
            Some(sum),
            "{amount}: {letter}"
        );
        let balance = listed(&letter, "unpaid balance").unwrap();
        let total = listed(&letter, "total to pay").unwrap();
        let figure = |text: &str| -> rust_decimal::Decimal {
            text.replace(['£', ','], "").parse().unwrap()
        };
        assert_eq!(figure(balance) + figure(sum), figure(total), "{letter}");
        assert!(letter.contains(&format!(
            "Final notice before legal action: invoice INV-7, {total}"
        )));
        assert!(letter.contains("Unless I receive the total to pay in full within"));
        assert!(letter.contains("the fixed compensation and the costs of collection"));
    }
    // BGB § 288(5): €40 from a business, whatever the amount.
    let eu = folder.path().join("eu.yaml");
    std::fs::copy(root().join("examples/eu-client.yaml"), &eu).unwrap();
    let letter = final_notice(&eu, "6400.00");
    assert_eq!(
        listed(
            &letter,
            "fixed compensation for late payment under § 288 of the German Civil Code (BGB)"
        ),
        Some("€40.00"),
        "{letter}"
    );
    // No fixed sum for a consumer, nor where no statute gives one: the notice asks for the
    // unpaid balance, as before.
    let consumer = folder.path().join("consumer.yaml");
    std::fs::copy(root().join("examples/gb-consumer.yaml"), &consumer).unwrap();
    let first_time = folder.path().join("us.yaml");
    std::fs::copy(root().join("examples/first-time-us.yaml"), &first_time).unwrap();
    for answers in [&consumer, &first_time] {
        let letter = final_notice(answers, "6400.00");
        assert!(!letter.contains("fixed compensation"), "{letter}");
        assert!(!letter.contains("total to pay"), "{letter}");
        assert!(letter.contains("Unless I receive the unpaid balance in full within"));
    }
}
