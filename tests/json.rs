//! `build --json` and `chase --json`: one JSON document on standard output, read back with
//! `serde_json`, its values checked against the files written and the contract's terms.

use std::path::Path;

use serde_json::Value as Json;

use crate::support::{clausewright, root, run};

fn document(stdout: &str) -> Json {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{stdout}"))
}

#[test]
fn build_json_lists_the_files_the_clauses_and_the_amounts() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().display().to_string();
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/first-time-us.yaml",
        "-o",
        &out,
        "--date",
        "2026-03-02",
        "--json",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json = document(&outcome.stdout);
    assert_eq!(json["version"], 1);
    assert_eq!(json["command"], "build");
    assert_eq!(json["client"], "Capitol Bakery & Café LLC");
    assert_eq!(json["date"], "2026-03-02");
    assert_eq!(json["currency"], "USD");
    let written = json["written"].as_array().unwrap();
    let formats: Vec<(&str, &str)> = written
        .iter()
        .map(|w| (w["kind"].as_str().unwrap(), w["format"].as_str().unwrap()))
        .collect();
    assert_eq!(formats, [("contract", "md"), ("contract", "pdf")]);
    for file in written {
        let path = Path::new(file["path"].as_str().unwrap());
        assert!(path.starts_with(folder.path()) && path.is_file(), "{file}");
    }
    let markdown = std::fs::read_to_string(written[0]["path"].as_str().unwrap()).unwrap();
    // Every included clause is a section of the contract, with its number.
    let included = json["clauses"]["included"].as_array().unwrap();
    assert_eq!(included[0]["id"], "parties");
    assert_eq!(included[0]["number"], 1);
    for clause in included {
        let title = clause["title"].as_str().unwrap();
        let heading = match clause["number"].as_u64() {
            Some(n) => format!("## {n}. {title}"),
            None => format!("## {title}"),
        };
        assert!(
            markdown.contains(&heading),
            "{heading} is not in the contract"
        );
    }
    // Every clause left out says why, and is not in the contract.
    let left_out = json["clauses"]["left_out"].as_array().unwrap();
    assert!(!left_out.is_empty());
    for clause in left_out {
        assert!(
            clause["when"].as_str().is_some_and(|w| !w.is_empty()),
            "{clause}"
        );
        let title = clause["title"].as_str().unwrap();
        assert!(
            !markdown.contains(&format!(". {title}\n")),
            "{title} is in the contract"
        );
    }
    assert_eq!(
        included.len() + left_out.len(),
        clausewright::run::load_library(None).unwrap().clauses.len()
    );
    let amount = |key: &str| {
        json["amounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["key"] == key)
            .unwrap_or_else(|| panic!("no amount {key}"))
            .clone()
    };
    let fee = amount("fees.total");
    assert_eq!(fee["type"], "money");
    assert!(markdown.contains(fee["text"].as_str().unwrap()), "{fee}");
    assert_eq!(amount("deposit.percent")["value"], "50");
    assert_eq!(json["late_payer"], Json::Null);
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!(
        json["answers"]["client"]["name"],
        "Capitol Bakery & Café LLC"
    );
    // The summary still goes to standard error, for the person at the terminal.
    assert!(
        outcome.stderr.contains("included   1. "),
        "{}",
        outcome.stderr
    );
}

#[test]
fn build_json_shows_a_late_payer_s_changes_and_the_saved_answers() {
    let folder = tempfile::tempdir().unwrap();
    let saved = folder.path().join("saved.yaml");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/repeat-late-payer.yaml",
        "-o",
        &folder.path().display().to_string(),
        "--format",
        "md",
        "--save-answers",
        &saved.display().to_string(),
        "--json",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json = document(&outcome.stdout);
    assert_eq!(json["late_payer"]["multiplier"], "2");
    let changes = json["late_payer"]["changes"].as_array().unwrap();
    let fee = changes.iter().find(|c| c["key"] == "fees.total").unwrap();
    assert_eq!(fee["before"], "4800.00");
    assert_eq!(fee["after"], "9600.00");
    let written: Vec<(&str, &str)> = json["written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["kind"].as_str().unwrap(), w["path"].as_str().unwrap()))
        .collect();
    assert_eq!(written[0], ("answers", saved.to_str().unwrap()));
    assert_eq!(written[1].0, "contract");
}

#[test]
fn build_json_refuses_to_share_standard_output_with_the_contract() {
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/first-time-us.yaml",
        "-o",
        "-",
        "--json",
    ]));
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("--json prints its report on standard output"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stdout.is_empty());
}

#[test]
fn chase_json_gives_the_schedule_the_amounts_and_the_letter_written() {
    let folder = tempfile::tempdir().unwrap();
    let answers = root().join("tests/fixtures/chase-payment/answers.yaml");
    let outcome = run(&mut clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "-o",
        folder.path().to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "2026-014",
        "--amount",
        "6400.00",
        "--due",
        "2026-03-02",
        "--today",
        "2026-05-05",
        "--format",
        "md",
        "--json",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json = document(&outcome.stdout);
    assert_eq!(json["command"], "chase");
    assert_eq!(json["stage"], "payment");
    assert_eq!(json["today"], "2026-05-05");
    assert_eq!(json["currency"], "USD");
    // The figures the table shows: 64 days overdue, late fee $201.99, balance $6,601.99.
    let invoice = &json["invoice"];
    assert_eq!(invoice["number"], "2026-014");
    assert_eq!(invoice["amount"], "6400.00");
    assert_eq!(invoice["due"], "2026-03-02");
    assert_eq!(invoice["days_overdue"], 64);
    assert_eq!(invoice["paid"], "0.00");
    assert_eq!(invoice["late_fee"], "201.99");
    assert_eq!(invoice["balance"], "6601.99");
    assert_eq!(invoice["late_fee_percent_per_month"], "1.5");
    assert_eq!(json["due_now"], "payment-notice-60");
    assert_eq!(json["deadline"], "2026-06-15");
    let steps = json["steps"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["date"].as_str().unwrap(),
                s["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(summary.len(), 10, "{summary:?}");
    assert_eq!(summary[0], ("payment-reminder", "2026-02-25", "overdue"));
    assert_eq!(summary[6], ("payment-notice-60", "2026-05-01", "due-now"));
    assert_eq!(summary[9], ("payment-deadline", "2026-06-15", "upcoming"));
    assert_eq!(steps[9]["letter"], false);
    // The letter due now is dated today and carries today's balance.
    assert_eq!(steps[6]["balance"], "6601.99");
    let written = json["written"].as_array().unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["kind"], "letter");
    assert_eq!(written[0]["step"], "payment-notice-60");
    let letter = std::fs::read_to_string(written[0]["path"].as_str().unwrap()).unwrap();
    assert!(letter.contains("$6,601.99"));
    assert_eq!(json["recorded"], Json::Null);
}

#[test]
fn chase_json_after_a_recorded_payment_names_the_record() {
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.yaml");
    std::fs::copy(
        root().join("tests/fixtures/chase-payment/answers.yaml"),
        &answers,
    )
    .unwrap();
    let outcome = run(&mut clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "-o",
        folder.path().to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "2026-014",
        "--amount",
        "6400.00",
        "--due",
        "2026-03-02",
        "--today",
        "2026-05-05",
        "--record",
        "paid",
        "--payment",
        "2000.00",
        "--on",
        "2026-04-02",
        "--json",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json = document(&outcome.stdout);
    let record = folder.path().join("capitol-bakery-cafe-llc.chase.yaml");
    assert_eq!(json["recorded"], record.to_str().unwrap());
    assert!(record.is_file());
    assert_eq!(json["written"][0]["kind"], "record");
    assert_eq!(json["invoice"]["paid"], "2000.00");
    let invoice = &json["invoice"];
    let (balance, fee): (f64, f64) = (
        invoice["balance"].as_str().unwrap().parse().unwrap(),
        invoice["late_fee"].as_str().unwrap().parse().unwrap(),
    );
    // The balance is the invoice and its late fee less the payment.
    assert!(
        (balance - (6400.0 + fee - 2000.0)).abs() < 0.001,
        "{invoice}"
    );
}
