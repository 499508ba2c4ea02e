//! `clausewright chase` with a record of what happened (`<client>.chase.yaml`): payments that
//! lower the balance and the late fee of every later letter, `--record` adding to the file,
//! a bad record reported at its line, and the letters as an email body (`txt`) and as a draft
//! email (`eml`) read back with `mail-parser`.

use std::path::{Path, PathBuf};
use std::process::Output;

use mail_parser::{MessageParser, MimeHeaders as _};

use crate::chase::{clausewright, files_in, fixtures, golden, succeeded, text};

/// A folder holding the payment fixture's answers, and the record beside them when given.
fn folder(record: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::copy(fixtures("chase-payment").join("answers.yaml"), &answers).unwrap();
    if let Some(record) = record {
        std::fs::write(record_path(dir.path()), record).unwrap();
    }
    (dir, answers)
}

fn record_path(dir: &Path) -> PathBuf {
    dir.join("capitol-bakery-cafe-llc.chase.yaml")
}

/// `chase` on the 6,400.00 invoice due 2026-03-02, read on `today`, letters into `out`.
fn payment(answers: &Path, today: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "chase",
        answers.to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "2026-014",
        "--amount",
        "6400.00",
        "--due",
        "2026-03-02",
        "--today",
        today,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    clausewright(&args)
}

fn letter(out: &Path, step: &str) -> String {
    std::fs::read_to_string(out.join(format!("capitol-bakery-cafe-llc-{step}.md")))
        .unwrap_or_else(|e| panic!("{step}: {e}"))
}

fn says(letter: &str, step: &str, words: &[&str]) {
    for words in words {
        assert!(letter.contains(words), "{step} says {words:?}:\n{letter}");
    }
}

/// The whole payment ladder with 2,000.00 received on day 45 (April 16). The late fee is
/// 6,400.00 × 1.5% × 12 / 365 a day until then, and 4,400.00 × the same from then on, summed
/// and rounded once.
#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one walk down the ladder, letter by letter, with the arithmetic beside each"
)]
fn a_partial_payment_on_day_45_lowers_every_later_letter_to_the_cent() {
    let (dir, answers) = folder(Some(
        "- date: 2026-04-01\n  sent: payment-notice-30\n- date: 2026-04-16\n  paid: \"2000.00\"\n",
    ));
    let out = dir.path().join("letters");
    std::fs::create_dir(&out).unwrap();
    let output = payment(&answers, "2026-06-08", &out, &["--all", "--format", "md"]);
    succeeded(&output);
    // Before the payment: the whole invoice earns the fee, and no payment is mentioned.
    // Day 8: 6400 × 8 × 0.18 / 365 = 25.249...
    let resend = letter(&out, "payment-resend");
    says(
        &resend,
        "resend",
        &[
            "Late Fee under section 7 (Interest on Late Payment) of our agreement, to March 10, 2026: $25.25",
            "balance due on March 10, 2026: $6,425.25",
        ],
    );
    assert!(!resend.contains("less the payments received"), "{resend}");
    // Day 30: 6400 × 30 × 0.18 / 365 = 94.684... The record says this notice went out on its
    // day and nothing before it: it mentions no earlier letter.
    let notice_30 = letter(&out, "payment-notice-30");
    assert!(!notice_30.contains("I last wrote"), "{notice_30}");
    says(
        &notice_30,
        "notice-30",
        &[
            "The balance due today is $6,494.68",
            "Late Fee of $94.68",
            "I have no record of payment",
        ],
    );
    // Day 45, the payment's own day: 6400 × 45 × 0.18 / 365 = 142.027...; 6400 − 2000 + 142.03.
    says(
        &letter(&out, "payment-cure-notice"),
        "cure",
        &[
            "I have received $2,000.00 towards it",
            "the balance of $4,542.03",
            "Late Fee of $142.03",
        ],
    );
    // Day 60: (6400 × 45 + 4400 × 15) × 0.18 / 365 = 354000 × 0.18 / 365 = 174.575...
    says(
        &letter(&out, "payment-notice-60"),
        "notice-60",
        &[
            "sixty (60) days overdue",
            "I have received $2,000.00 towards it. I last wrote to you about it on April 1, 2026.",
            "The balance due today is $4,574.58",
            "the invoiced amount of $6,400.00, less the $2,000.00 received, plus the Late Fee of $174.58",
        ],
    );
    // Day 91 (June 1): (288000 + 4400 × 46) × 0.18 / 365 = 490400 × 0.18 / 365 = 241.841...
    says(
        &letter(&out, "payment-notice-90"),
        "notice-90",
        &[
            "ninety-one (91) days overdue",
            "The balance due today is $4,641.84",
            "Late Fee of $241.84",
        ],
    );
    // Day 98 (June 8, today): (288000 + 4400 × 53) × 0.18 / 365 = 521200 × 0.18 / 365 = 257.030...
    says(
        &letter(&out, "payment-final-notice"),
        "final",
        &[
            "- payments received to June 8, 2026: $2,000.00",
            "- Late Fee to June 8, 2026, under section 7 (Interest on Late Payment): $257.03",
            "- unpaid balance: $4,657.03",
        ],
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(
            "June 8, 2026: 98 days overdue, paid $2,000.00, late fee $257.03, balance $4,657.03\n"
        ),
        "{stdout}"
    );

    // The rest arrives the same day: the invoice is paid in full, the chase ends with thanks.
    let output = payment(
        &answers,
        "2026-06-08",
        &out,
        &["--record", "paid", "--payment", "4657.03"],
    );
    succeeded(&output);
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("June 8, 2026: paid in full, paid $6,657.03, late fee $257.03\n"),
        "{stdout}"
    );
    assert!(stdout.contains("to send            Mon 2026-06-08  Confirm the payment in full, and hand over the files\n"), "{stdout}");
    assert!(
        !stdout.contains("Deadline of the final notice"),
        "nothing is left to chase:\n{stdout}"
    );
    let finished = dir.path().join("finished");
    std::fs::create_dir(&finished).unwrap();
    succeeded(&payment(
        &answers,
        "2026-06-09",
        &finished,
        &["--format", "md"],
    ));
    says(
        &letter(&finished, "payment-paid-in-full"),
        "paid in full",
        &[
            "June 9, 2026",
            "I have received payment of invoice 2026-014 for Capitol Bakery website redesign in full",
            "section 10 (Ownership and Client Materials)",
        ],
    );
}

#[test]
fn record_adds_one_entry_at_a_time_and_keeps_what_was_there() {
    let (dir, answers) = folder(Some(
        "# my own notes stay\n- date: 2026-03-03\n  sent: payment-follow-up\n  by: email\n",
    ));
    let out = dir.path();
    // With no --step, the letter to send now is the one recorded.
    let output = payment(
        &answers,
        "2026-05-05",
        out,
        &["--record", "sent", "--by", "email and post"],
    );
    succeeded(&output);
    assert_eq!(
        text(&output.stderr),
        format!("recorded in {}\n", record_path(out).display())
    );
    let output = payment(
        &answers,
        "2026-05-05",
        out,
        &[
            "--record",
            "called",
            "--on",
            "2026-05-04",
            "--note",
            "left a message",
        ],
    );
    succeeded(&output);
    assert_eq!(
        std::fs::read_to_string(record_path(out)).unwrap(),
        "# my own notes stay\n- date: 2026-03-03\n  sent: payment-follow-up\n  by: email\n- date: 2026-05-05\n  sent: payment-notice-60\n  by: \"email and post\"\n- date: 2026-05-04\n  called: \"Daniel Ortiz\"\n  note: \"left a message\"\n"
    );
    let stdout = text(&output.stdout);
    for line in [
        "  sent on 2026-03-03 Tue 2026-03-03  Follow up and call to confirm the invoice arrived\n",
        "  overdue to send    Wed 2026-04-01  First late-payment notice (30 days past due)\n",
        "  sent on 2026-05-05 Fri 2026-05-01  Second late-payment notice (60 days past due)\n",
        "Nothing to do now; the next step is on Mon 2026-06-01.\n",
    ] {
        assert!(stdout.contains(line), "{line:?} in\n{stdout}");
    }
    assert!(
        files_in(out)
            .keys()
            .all(|name| Path::new(name).extension().is_none_or(|e| e != "md")),
        "--record writes no letter"
    );
    // Options of another kind of entry are refused before anything is written.
    let before = std::fs::read_to_string(record_path(out)).unwrap();
    let output = payment(
        &answers,
        "2026-05-05",
        out,
        &["--record", "paid", "--by", "post"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: --by cannot go with --record paid\n"
    );
    let output = payment(
        &answers,
        "2026-05-05",
        out,
        &["--record", "sent", "--step", "payment-notice-45"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with(
        "error: --step payment-notice-45 is not a letter of the ladders; the letters are "
    ));
    assert_eq!(std::fs::read_to_string(record_path(out)).unwrap(), before);
}

/// `--who`, `--note` and `--by` are held to the rule of a text answer, and `--payment` to the
/// smallest unit of the contract's currency: a usage error, and the record stays as it was.
/// Adds the yen to the currencies that the library at `clauses` offers, in both languages.
fn offer_the_yen(clauses: &Path) {
    let declarations = std::fs::read_to_string(clauses.join("library.yaml")).unwrap();
    let aud = "          - value: AUD\n            label: Australian dollars (AUD)\n";
    assert!(declarations.contains(aud));
    std::fs::write(
        clauses.join("library.yaml"),
        declarations.replace(
            aud,
            &format!("{aud}          - value: JPY\n            label: Japanese yen (JPY)\n"),
        ),
    )
    .unwrap();
    // The Turkish words name it too: `check` holds the two languages together.
    let turkish = std::fs::read_to_string(clauses.join("tr/library.yaml")).unwrap();
    let avustralya = "          - value: AUD\n            label: Avustralya doları (AUD)\n";
    assert!(turkish.contains(avustralya));
    std::fs::write(
        clauses.join("tr/library.yaml"),
        turkish.replace(
            avustralya,
            &format!("{avustralya}          - value: JPY\n            label: Japon yeni (JPY)\n"),
        ),
    )
    .unwrap();
}

#[test]
fn record_options_are_held_to_the_rules_of_answers() {
    let kept = "- date: 2026-03-03\n  sent: payment-follow-up\n";
    let (dir, answers) = folder(Some(kept));
    let out = dir.path();
    let long = "x".repeat(2_001);
    for (options, message) in [
        (
            ["--record", "called", "--who", "\u{200B}\u{3000}"],
            "error: invalid value '\u{200B}\u{3000}' for '--who <NAME>': is blank; write at least one visible character\n",
        ),
        (
            ["--record", "called", "--note", long.as_str()],
            &*format!(
                "error: invalid value '{long}' for '--note <TEXT>': is 2,001 characters long; a text answer holds at most 2,000 characters\n"
            ),
        ),
        (
            ["--record", "sent", "--by", "  "],
            "error: invalid value '  ' for '--by <HOW>': is blank; write at least one visible character\n",
        ),
    ] {
        let output = payment(&answers, "2026-05-05", out, &options);
        assert_eq!(output.status.code(), Some(2), "{options:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.starts_with(message), "{options:?}: {stderr}");
    }
    assert_eq!(std::fs::read_to_string(record_path(out)).unwrap(), kept);

    // In yen (a library of one's own may offer it), a payment has no decimal places.
    let clauses = out.join("clauses");
    crate::support::copy_dir(&crate::support::root().join("clauses"), &clauses);
    offer_the_yen(&clauses);
    let yen = std::fs::read_to_string(&answers)
        .unwrap()
        .replace("currency: USD", "currency: JPY")
        .replace("\"6400.00\"", "\"640000\"")
        .replace("\"85.00\"", "\"8500\"");
    std::fs::write(&answers, yen).unwrap();
    let in_yen = |extra: &[&str]| {
        let mut args = vec![
            "chase",
            answers.to_str().unwrap(),
            "--stage",
            "payment",
            "--invoice",
            "2026-014",
            "--amount",
            "640000",
            "--due",
            "2026-03-02",
            "--today",
            "2026-05-05",
            "-o",
            out.to_str().unwrap(),
            "--clauses",
            clauses.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        clausewright(&args)
    };
    let output = in_yen(&["--record", "paid", "--payment", "1000.50"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "error: --payment is 1000.50; an amount in JPY has no decimal places\n"
    );
    assert_eq!(std::fs::read_to_string(record_path(out)).unwrap(), kept);
    // The same payment written into the record by hand is refused at its line.
    std::fs::write(
        record_path(out),
        format!("{kept}- date: 2026-04-16\n  paid: \"1000.50\"\n"),
    )
    .unwrap();
    let output = in_yen(&[]);
    assert_eq!(output.status.code(), Some(1));
    let record = record_path(out).display().to_string();
    assert!(
        text(&output.stderr).starts_with(&format!(
            "error: `paid` is 1000.5; an amount in JPY has no decimal places\n --> {record}:4:9\n"
        )),
        "{}",
        text(&output.stderr)
    );
    std::fs::write(record_path(out), kept).unwrap();
    succeeded(&in_yen(&["--record", "paid", "--payment", "1000"]));
    assert_eq!(
        std::fs::read_to_string(record_path(out)).unwrap(),
        format!("{kept}- date: 2026-05-05\n  paid: \"1000\"\n")
    );
}

#[test]
fn a_bad_record_is_reported_at_its_lines_and_nothing_is_written() {
    let (dir, answers) = folder(Some(
        "- date: 2026-04-31\n  paid: \"2000.00\"\n- date: 2026-04-16\n  sent: payment-notice-6O\n",
    ));
    let out = dir.path();
    let output = payment(&answers, "2026-05-05", out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let record = record_path(out).display().to_string();
    let stderr = text(&output.stderr);
    for expected in [
        format!("error: `date` is 2026-04-31; expected a date as YYYY-MM-DD\n --> {record}:1:9\n"),
        format!(
            "error: `sent` is `payment-notice-6O`, which is not a letter of the ladders; did you mean `payment-notice-60`?\n --> {record}:4:9\n"
        ),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} in\n{stderr}");
    }
    assert!(
        files_in(out)
            .keys()
            .all(|name| Path::new(name).extension().is_none_or(|e| e != "md")),
        "no letter is written"
    );
}

/// The 60-day notice as an email body and as a draft email: goldens for the text and the
/// draft's headers and text part; the attachment is the PDF letter, byte for byte.
#[test]
fn txt_and_eml_letters_match_the_golden_files_and_parse_back() {
    let (dir, answers) = folder(None);
    let out = dir.path().join("letters");
    std::fs::create_dir(&out).unwrap();
    succeeded(&payment(
        &answers,
        "2026-05-05",
        &out,
        &["--format", "txt,eml,pdf"],
    ));
    let stem = out.join("capitol-bakery-cafe-llc-payment-notice-60");
    let txt = std::fs::read_to_string(stem.with_extension("txt")).unwrap();
    let eml = std::fs::read(stem.with_extension("eml")).unwrap();
    let pdf = std::fs::read(stem.with_extension("pdf")).unwrap();
    // The draft up to its attachment: headers and the text part (the PDF is compared below).
    let eml_text = String::from_utf8(eml.clone()).unwrap();
    let attachment_at = eml_text.find("Content-Type: application/pdf").unwrap();
    let mut actual = std::collections::BTreeMap::new();
    actual.insert("payment-notice-60.txt".to_owned(), txt.clone());
    actual.insert(
        "payment-notice-60.eml-head".to_owned(),
        eml_text[..attachment_at].to_owned(),
    );
    golden("chase-email", &actual);
    // Plain text: no Markdown escapes, no markers, lines that fit an email window.
    assert!(txt.starts_with("Dear Daniel Ortiz,\n\n"), "{txt}");
    assert!(!txt.contains('\\') && !txt.contains("**"), "{txt}");
    assert!(txt.lines().all(|line| line.chars().count() <= 72), "{txt}");
    let parsed = MessageParser::default().parse(&eml).unwrap();
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!(
        (from.name(), from.address()),
        (Some("Maya Lindqvist"), Some("maya@prairiepixel.example"))
    );
    let to = parsed.to().unwrap().first().unwrap();
    assert_eq!(
        (to.name(), to.address()),
        (
            Some("Daniel Ortiz"),
            Some("daniel.ortiz@capitolbakery.example")
        )
    );
    assert_eq!(
        parsed.subject(),
        Some("Invoice 2026-014 is sixty-four (64) days overdue: what happens next")
    );
    assert_eq!(parsed.date().unwrap().to_rfc3339(), "2026-05-05T09:00:00Z");
    assert_eq!(parsed.body_text(0).unwrap().replace("\r\n", "\n"), txt);
    let attachment = parsed.attachment(0).unwrap();
    assert_eq!(
        attachment.attachment_name(),
        Some("capitol-bakery-cafe-llc-payment-notice-60.pdf")
    );
    assert_eq!(
        attachment.contents(),
        pdf.as_slice(),
        "the PDF letter is attached as written"
    );
}
