//! `clausewright chase`: the schedule, the letters and the calendar file, as a freelancer
//! sees them, from the real binary.
//!
//! Golden outputs live in `tests/fixtures/chase-*/expected/`; run with `CLAUSEWRIGHT_BLESS=1`
//! to rewrite them after a deliberate change, and read the diff.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use icalendar::{Calendar, Component as _, DatePerhapsTime};

const BIN: &str = env!("CARGO_BIN_EXE_clausewright");

pub(crate) fn fixtures(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

pub(crate) fn clausewright(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Every file in `dir`, by name.
pub(crate) fn files_in(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // PDF letters are typeset from the Markdown compared here; `pdf_letters_say_what_their_markdown_says` checks them.
        if path.extension().is_some_and(|e| e == "pdf") {
            continue;
        }
        files.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    files
}

/// Compares `actual` (file name → contents) with `tests/fixtures/<case>/expected/`, or
/// rewrites that folder when `CLAUSEWRIGHT_BLESS=1`.
pub(crate) fn golden(case: &str, actual: &BTreeMap<String, String>) {
    let expected_dir = fixtures(case).join("expected");
    if std::env::var_os("CLAUSEWRIGHT_BLESS").is_some_and(|v| v == "1") {
        let _ = std::fs::remove_dir_all(&expected_dir);
        std::fs::create_dir_all(&expected_dir).unwrap();
        for (name, contents) in actual {
            std::fs::write(expected_dir.join(name), contents).unwrap();
        }
        return;
    }
    let expected = files_in(&expected_dir);
    assert_eq!(
        actual.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "files written for {case}"
    );
    for (name, contents) in actual {
        assert_eq!(
            contents, &expected[name],
            "{case}/{name} differs from the golden file (CLAUSEWRIGHT_BLESS=1 rewrites it)"
        );
    }
}

/// Runs `chase` on the case's answers into a fresh folder; returns the run and the folder.
fn chase(case: &str, args: &[&str]) -> (Output, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let answers = fixtures(case).join("answers.yaml");
    let mut all = vec![
        "chase",
        answers.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    (clausewright(&all), out)
}

pub(crate) fn succeeded(output: &Output) {
    assert!(
        output.status.success(),
        "exit {:?}\nstderr:\n{}",
        output.status.code(),
        text(&output.stderr)
    );
}

#[test]
fn payment_letters_and_calendar_match_the_golden_files() {
    let calendar_dir = tempfile::tempdir().unwrap();
    let ics = calendar_dir.path().join("schedule.ics");
    let (output, out) = overdue_64_days(&["--all", "--ics", ics.to_str().unwrap()]);
    succeeded(&output);
    let mut actual = files_in(out.path());
    actual.extend(files_in(calendar_dir.path()));
    actual.insert("stdout.txt".into(), text(&output.stdout));
    golden("chase-payment", &actual);
    // The follow-up, the statement and the notices send a copy of the invoice; the notices
    // name the courts of the contract.
    let letters: Vec<(&String, &String)> = actual
        .iter()
        .filter(|(name, _)| Path::new(name).extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(
        letters.len(),
        9,
        "every payment letter but the paid-in-full one"
    );
    for (name, letter) in &letters {
        let copy = [
            "follow-up",
            "resend",
            "notice-30",
            "notice-60",
            "notice-90",
            "final-notice",
        ];
        if copy.iter().any(|step| name.contains(step)) {
            assert!(
                letter.contains("A copy of the invoice is enclosed")
                    || letter.contains("A copy of the invoice is attached"),
                "{name} sends a copy of the invoice"
            );
        }
        if name.contains("-notice-") || name.contains("final-notice") {
            assert!(
                letter
                    .contains("the state and federal courts located in Sangamon County, Illinois"),
                "{name} names the courts of the contract"
            );
        }
    }
}

#[test]
fn feedback_and_negotiating_letters_match_the_golden_files() {
    for (case, stage, today) in [
        ("chase-feedback", "feedback", "2026-05-22"),
        ("chase-negotiating", "negotiating", "2026-05-12"),
    ] {
        let (output, out) = chase(
            case,
            &[
                "--stage",
                stage,
                "--since",
                "2026-05-06",
                "--today",
                today,
                "--all",
            ],
        );
        succeeded(&output);
        let mut actual = files_in(out.path());
        actual.insert("stdout.txt".into(), text(&output.stdout));
        golden(case, &actual);
    }
}

#[test]
fn last_check_in_says_it_is_the_last_and_leaves_the_door_open() {
    let (output, out) = chase(
        "chase-negotiating",
        &[
            "--stage",
            "negotiating",
            "--since",
            "2026-05-06",
            "--today",
            "2026-05-18",
        ],
    );
    succeeded(&output);
    let files = files_in(out.path());
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["capitol-bakery-cafe-llc-negotiating-last-check-in.md"]
    );
    let letter = files.values().next().unwrap();
    assert!(letter.contains("This is my last check-in"));
    assert!(letter.contains("I would be glad to work with you whenever you are ready"));
    // No contact person: the greeting names the company.
    assert!(letter.contains("Dear Capitol Bakery \\& Café LLC,"));
}

/// `chase` for invoice 2026-014 of $6,400.00, due 2026-03-02, read on 2026-05-05: 64 days
/// overdue.
fn overdue_64_days(extra: &[&str]) -> (Output, tempfile::TempDir) {
    let mut args = vec![
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
    ];
    args.extend_from_slice(extra);
    chase("chase-payment", &args)
}

/// The definition of done: 64 days overdue, one command, the 60-day notice with the
/// right amounts and dates (and, below, the final notice in the calendar).
#[test]
fn invoice_64_days_overdue_gets_the_60_day_notice() {
    let (output, out) = overdue_64_days(&[]);
    succeeded(&output);
    let stdout = text(&output.stdout);
    assert!(stdout.contains("May 5, 2026: 64 days overdue, late fee $201.99, balance $6,601.99"));
    assert!(stdout.contains(
        "to send            Fri 2026-05-01  Second late-payment notice (60 days past due)"
    ));
    let files = files_in(out.path());
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["capitol-bakery-cafe-llc-payment-notice-60.md"],
        "only the letter due now"
    );
    let letter = files.values().next().unwrap();
    for words in [
        "May 5, 2026",
        "was due on March 2, 2026. On May 5, 2026 it is sixty-four (64) days overdue",
        "The balance due today is $6,601.99",
        "the invoiced amount of $6,400.00 plus the Late Fee of $201.99",
        "First Illinois Bank, account holder Maya Lindqvist",
    ] {
        assert!(
            letter.contains(words),
            "the letter says {words:?}:\n{letter}"
        );
    }
    let md = out
        .path()
        .join("capitol-bakery-cafe-llc-payment-notice-60.md");
    let pdf = md.with_extension("pdf");
    assert_eq!(
        text(&output.stderr),
        format!("wrote {}\nwrote {}\n", md.display(), pdf.display())
    );
    // The PDF letter says what the Markdown letter says.
    let read_back = crate::pdf::tool("pdftotext", &["-enc", "UTF-8"], &pdf);
    let words = |text: &str| {
        crate::pdf::comparable(
            &text
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        )
    };
    assert!(
        words(&read_back).contains(&words("The balance due today is $6,601.99: the invoiced amount of $6,400.00 plus the Late Fee of $201.99")),
        "{read_back}"
    );
    let check = crate::pdf::tool("qpdf", &["--check"], &pdf);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn the_final_notice_date_lands_in_the_calendar() {
    let calendar_dir = tempfile::tempdir().unwrap();
    let ics = calendar_dir.path().join("chase.ics");
    let (output, _) = overdue_64_days(&["--ics", ics.to_str().unwrap()]);
    succeeded(&output);
    let calendar: Calendar = std::fs::read_to_string(&ics).unwrap().parse().unwrap();
    let start_of = |event: &icalendar::Event| match event.get_start() {
        Some(DatePerhapsTime::Date(date)) => date,
        other => panic!("an all-day start, not {other:?}"),
    };
    let events: Vec<(String, String, String)> = calendar
        .events()
        .map(|event| {
            (
                start_of(event).to_string(),
                event.get_summary().unwrap_or_default().to_owned(),
                event.get_uid().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let starts: Vec<&str> = events.iter().map(|(start, _, _)| start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2026-02-25",
            "2026-03-03",
            "2026-03-06",
            "2026-03-10",
            "2026-04-01",
            "2026-04-16",
            "2026-05-01",
            "2026-06-01",
            "2026-06-08",
            "2026-06-15"
        ],
        "one event per step"
    );
    let final_notice = &events[8];
    assert_eq!(
        final_notice.1,
        "Capitol Bakery & Café LLC: Final notice, with a deadline before legal action"
    );
    assert_eq!(
        final_notice.2,
        "payment-final-notice-capitol-bakery-cafe-llc-invoice-2026-014@clausewright"
    );
    let mut uids: Vec<&str> = events.iter().map(|(_, _, uid)| uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "every UID is distinct");
    for event in calendar.events() {
        assert_eq!(
            event.get_timestamp().map(|t| t.to_rfc3339()),
            Some("2026-05-05T00:00:00+00:00".to_owned()),
            "the stamp is --today, so the file is the same on every run"
        );
        assert_eq!(
            event.get_end(),
            Some(DatePerhapsTime::Date(start_of(event).succ_opt().unwrap())),
            "an all-day event lasts its one day"
        );
    }
}

#[test]
fn due_date_in_the_future_has_nothing_to_send() {
    let (output, out) = chase(
        "chase-payment",
        &[
            "--stage",
            "payment",
            "--invoice",
            "2026-014",
            "--amount",
            "6400.00",
            "--since",
            "2026-04-27",
            "--today",
            "2026-05-05",
        ],
    );
    succeeded(&output);
    let stdout = text(&output.stdout);
    // No --due: the invoice date plus the contract's fourteen payment days.
    assert!(stdout.starts_with(
        "Capitol Bakery & Café LLC: invoice 2026-014 for $6,400.00, due May 11, 2026\nMay 5, 2026: not overdue yet\n"
    ));
    assert!(stdout.ends_with("Nothing to do now; the next step is on Wed 2026-05-06.\n"));
    assert!(files_in(out.path()).is_empty(), "no letter is written");
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn payment_stage_without_invoice_or_amount_is_a_usage_error() {
    for (args, message) in [
        (
            vec!["--due", "2026-03-02"],
            "error: the payment stage needs --invoice NUMBER and --amount MONEY\n",
        ),
        (
            vec!["--invoice", "2026-014", "--due", "2026-03-02"],
            "error: the payment stage needs --amount MONEY\n",
        ),
        (
            vec!["--amount", "6400"],
            "error: the payment stage needs --invoice NUMBER and --due DATE (or --since DATE, the invoice's date)\n",
        ),
    ] {
        let mut all = vec!["--stage", "payment", "--today", "2026-05-05"];
        all.extend(args);
        let (output, out) = chase("chase-payment", &all);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(text(&output.stderr), message);
        assert!(files_in(out.path()).is_empty());
    }
    let (output, _) = chase(
        "chase-payment",
        &[
            "--stage",
            "feedback",
            "--since",
            "2026-05-06",
            "--invoice",
            "7",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: --invoice, --amount, --due and --final-notice-sent are for --stage payment\n"
    );
}

#[test]
fn bad_amounts_and_deadlines_are_refused_with_the_value() {
    let (output, _) = chase(
        "chase-payment",
        &[
            "--stage",
            "payment",
            "--invoice",
            "1",
            "--amount",
            "64.001",
            "--due",
            "2026-03-02",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("invalid value '64.001' for '--amount <MONEY>': `64.001` has more than two decimal places"),
        "{}",
        text(&output.stderr)
    );
    // A decimal comma is refused, not read as thousands; a huge amount and an invoice number
    // on two lines are refused too.
    for (option, value, message) in [
        (
            "--amount",
            "6400,50",
            "`6400,50` is not an amount; write it like 6400.00 (`,` only between thousands)",
        ),
        (
            "--amount",
            "79228162514264337593543950335",
            "`79228162514264337593543950335` is more than 1,000,000,000,000",
        ),
        (
            "--invoice",
            "2026\n# Paid",
            "`2026\\n# Paid` holds the control character U+000A; write one line of text",
        ),
        // A negative amount was taken for an option by clap ("unexpected argument").
        ("--amount", "-100", "`-100` must be more than zero"),
        (
            "--amount",
            "0x1F",
            "`0x1F` is not an amount; write it like 6400.00 (`,` only between thousands)",
        ),
        (
            "--invoice",
            "\u{200B} ",
            "is blank; write at least one visible character",
        ),
        // The date library's words ("failed to parse two digit integer as month") were shown.
        (
            "--due",
            "2026-13-01",
            "`2026-13-01` is not a date; write it YYYY-MM-DD, such as 2026-03-02",
        ),
    ] {
        let value = value.replace("\\n", "\n");
        let mut args = vec![
            "--stage",
            "payment",
            "--invoice",
            "1",
            "--amount",
            "64",
            "--due",
            "2026-03-02",
        ];
        let index = args.iter().position(|a| *a == option).unwrap() + 1;
        args[index] = &value;
        let (output, _) = chase("chase-payment", &args);
        assert_eq!(output.status.code(), Some(2), "{option} {value:?}");
        assert!(
            text(&output.stderr).contains(message),
            "{}",
            text(&output.stderr)
        );
    }
    let (output, out) = chase(
        "chase-payment",
        &[
            "--stage",
            "payment",
            "--invoice",
            "1",
            "--amount",
            "64",
            "--due",
            "2026-03-02",
            "--today",
            "2026-05-05",
            "--deadline",
            "31d",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: invalid value '31d' for '--deadline <PERIOD>': --deadline 31d is longer than 30 calendar days; the deadline may be at most `30d`\n\nFor more information, try '--help'.\n"
    );
    assert!(files_in(out.path()).is_empty());
}

#[test]
fn existing_letters_are_kept_without_force_and_nothing_is_written() {
    let (first, out) = chase(
        "chase-feedback",
        &[
            "--stage",
            "feedback",
            "--since",
            "2026-05-06",
            "--today",
            "2026-05-12",
        ],
    );
    succeeded(&first);
    let letter = out
        .path()
        .join("capitol-bakery-cafe-llc-feedback-follow-up.md");
    std::fs::write(&letter, "my edited letter").unwrap();
    let answers = fixtures("chase-feedback").join("answers.yaml");
    let ics = out.path().join("feedback.ics");
    let base = [
        "chase",
        answers.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "--stage",
        "feedback",
        "--since",
        "2026-05-06",
        "--today",
        "2026-05-12",
        "--ics",
        ics.to_str().unwrap(),
    ];
    let second = clausewright(&base);
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(
        text(&second.stderr),
        format!(
            "error: {} already exists; pass --force to replace it\n",
            letter.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&letter).unwrap(),
        "my edited letter"
    );
    assert!(
        !ics.exists(),
        "all or nothing: the calendar is not written either"
    );
    let mut forced = base.to_vec();
    forced.push("--force");
    succeeded(&clausewright(&forced));
    assert!(
        std::fs::read_to_string(&letter)
            .unwrap()
            .contains("waiting for your feedback")
    );
    assert!(ics.exists());
}

/// Copies the built-in library into a temporary folder.
fn library_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("clauses");
    let mut pending = vec![source.clone()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let target = dir.path().join(path.strip_prefix(&source).unwrap());
            if path.is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                pending.push(path);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    dir
}

#[test]
fn check_catches_broken_letter_templates() {
    let library = library_copy();
    let letters = library.path().join("letters");
    let edit = |name: &str, from: &str, to: &str| {
        let path = letters.join(name);
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(before.contains(from), "{name} holds {from:?}");
        std::fs::write(&path, before.replacen(from, to, 1)).unwrap();
    };
    // A payment variable in a negotiating letter, a misspelt key, an unknown helper.
    edit(
        "negotiating-follow-up.yaml",
        "{{date letter.since}}",
        "{{date invoice.due}}",
    );
    edit(
        "payment-notice-30.yaml",
        "{{place.courts}}",
        "{{place.court}}",
    );
    edit(
        "payment-resend.yaml",
        "{{date letter.date}}: {{money invoice.balance}}",
        "{{date letter.date}}: {{cash invoice.balance}}",
    );
    let output = clausewright(&["check", library.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let folder = library.path().join("letters").display().to_string();
    let expected = format!(
        "error: `invoice.due` is not set in the letter `negotiating-follow-up`; it is set only in the payment letters
 --> {folder}/negotiating-follow-up.yaml:7:45
  |
7 |   I am following up on my message of {{{{date invoice.due}}}} about {{{{project.name}}}}, in case it got buried in a busy inbox.
  |                                             ^^^^^^^^^^^

error: `place.court` is neither declared in library.yaml nor a letter variable
  --> {folder}/payment-notice-30.yaml:15:121
   |
15 | ...reement gives me to recover it, which include a claim in {{{{place.court}}}} under {{{{section \"governing-law\" titled=true}}}}.
   |                                                               ^^^^^^^^^^^

error: unknown helper `cash`; the helpers are `currency`, `date`, `minus`, `money`, `percent`, `percent_of`, `section`, `times`, `words`
  --> {folder}/payment-resend.yaml:16:44
   |
16 |   - balance due on {{{{date letter.date}}}}: {{{{cash invoice.balance}}}}
   |                                            ^^^^

"
    );
    let stderr = text(&output.stderr);
    assert_eq!(
        stderr,
        format!("{expected}checked 146 files: 3 errors, 0 warnings\n")
    );
}

#[test]
fn the_built_in_letters_pass_check() {
    let output = clausewright(&["check", "--deny-warnings"]);
    assert_eq!(
        text(&output.stderr),
        "checked 146 files: 0 errors, 0 warnings\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn payment_details_appear_in_the_contracts_payment_clause() {
    let with = clausewright(&[
        "build",
        fixtures("chase-payment")
            .join("answers.yaml")
            .to_str()
            .unwrap(),
        "-o",
        "-",
    ]);
    succeeded(&with);
    assert!(text(&with.stdout).contains(
        "The Client pays by bank transfer to the following account:\n\nFirst Illinois Bank, account holder Maya Lindqvist\\\nAccount 4401 2290 18, routing number 071 000 013\n\nThe Designer will never change its payment details by email alone."
    ));
    let without = clausewright(&[
        "build",
        fixtures("chase-feedback")
            .join("answers.yaml")
            .to_str()
            .unwrap(),
        "-o",
        "-",
    ]);
    succeeded(&without);
    assert!(text(&without.stdout).contains(
        "to the account shown on the Designer’s first invoice. The Designer will never change its payment details by email alone."
    ));
}

#[test]
fn acceptance_request_and_change_order_match_the_golden_files() {
    let mut actual = BTreeMap::new();
    for (stage, extra) in [
        ("delivery", &[][..]),
        (
            "change",
            &[
                "--change",
                "A fourth page, \"Wholesale\", with its own *enquiry* form",
                "--price",
                "450.00",
            ][..],
        ),
    ] {
        let mut args = vec![
            "--stage",
            stage,
            "--since",
            "2026-05-04",
            "--today",
            "2026-05-05",
        ];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "md,txt"]);
        let (output, out) = chase("chase-payment", &args);
        succeeded(&output);
        actual.extend(files_in(out.path()));
        actual.insert(format!("{stage}-stdout.txt"), text(&output.stdout));
    }
    golden("chase-delivery-change", &actual);
    let acceptance = &actual["capitol-bakery-cafe-llc-acceptance-request.md"];
    assert!(
        acceptance.contains(
            "you have five (5) business days after the delivery, that is until May 11, 2026"
        ),
        "{acceptance}"
    );
    let change = &actual["capitol-bakery-cafe-llc-change-order-confirmation.txt"];
    assert!(
        change.contains("- the change: A fourth page, \"Wholesale\", with its own *enquiry* form\n- its price: $450.00"),
        "the change is data, never markup:\n{change}"
    );
    // The change stage needs its change; the other stages refuse one.
    let (output, _) = chase(
        "chase-payment",
        &[
            "--stage",
            "change",
            "--since",
            "2026-05-04",
            "--price",
            "450.00",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: the change stage needs --change TEXT (the agreed change) and --price MONEY\n"
    );
    let (output, _) = chase(
        "chase-payment",
        &[
            "--stage",
            "feedback",
            "--since",
            "2026-05-04",
            "--change",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: --change and --price are for --stage change\n"
    );
}

#[test]
fn a_company_without_a_contact_person_is_greeted_formally_not_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let answers = std::fs::read_to_string(fixtures("chase-payment").join("answers.yaml"))
        .unwrap()
        .replace("  contact: Daniel Ortiz\n", "  kind: company\n");
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, answers).unwrap();
    let output = clausewright(&[
        "chase",
        path.to_str().unwrap(),
        "--stage",
        "negotiating",
        "--since",
        "2026-05-04",
        "--today",
        "2026-05-08",
        "--format",
        "txt",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    succeeded(&output);
    let letter = std::fs::read_to_string(
        dir.path()
            .join("capitol-bakery-cafe-llc-negotiating-follow-up.txt"),
    )
    .unwrap();
    assert!(letter.starts_with("Dear Sir or Madam,\n\n"), "{letter}");
}

/// A library without the letter the ladder sends now is an error in the input, not in the
/// command line: exit 1, naming the letter and the file to add.
#[test]
fn a_library_missing_the_letter_due_now_exits_1() {
    let library = library_copy();
    std::fs::remove_file(library.path().join("letters/payment-notice-60.yaml")).unwrap();
    let (output, out) = overdue_64_days(&["--clauses", library.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "error: the clause library has no letter `payment-notice-60`; add letters/payment-notice-60.yaml to it\n"
    );
    assert!(files_in(out.path()).is_empty());
}

/// The schedule lines (`status  Day YYYY-MM-DD  title`) `chase` prints for an invoice of
/// `example` due on `due`, read on `today`.
fn schedule_lines(example: &str, due: &str, today: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let answers = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let output = clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "H-1",
        "--amount",
        "1000.00",
        "--due",
        due,
        "--today",
        today,
        "--format",
        "md",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn the_ladder_skips_memorial_day_the_spring_bank_holiday_and_kurban_bayrami() {
    let has = |lines: &[String], step: &str| lines.iter().any(|l| l.contains(step));
    // Due Friday 24 April 2026: the 30-day notice falls on Sunday 24 May, and Monday 25 May is
    // Memorial Day (Texas) and the spring bank holiday (England): it goes on Tuesday 26 May.
    let notice_30 = "Tue 2026-05-26 First late-payment notice (30 days past due)";
    let texas = schedule_lines("repeat-late-payer.yaml", "2026-04-24", "2026-05-26");
    assert!(has(&texas, notice_30), "{texas:#?}");
    let england = schedule_lines("repeat-good-payer.yaml", "2026-04-24", "2026-05-26");
    assert!(has(&england, notice_30), "{england:#?}");
    // England's early May bank holiday (Monday 4 May) moves the statement to Tuesday 5 May;
    // in Texas it goes on the Monday.
    assert!(
        has(&england, "Tue 2026-05-05 Send a statement of account"),
        "{england:#?}"
    );
    assert!(
        has(&texas, "Mon 2026-05-04 Send a statement of account"),
        "{texas:#?}"
    );
    // Due Tuesday 26 May 2026 in Türkiye (after the agreement of 11 May: an invoice cannot
    // fall due before it): the follow-up's day, Wednesday 27 May, is the first day of Kurban
    // Bayramı (27 to 30 May), so it waits for Monday 1 June.
    let turkey = schedule_lines("tr-client.yaml", "2026-05-26", "2026-05-28");
    assert!(
        has(
            &turkey,
            "Mon 2026-06-01 Follow up and call to confirm the invoice arrived"
        ),
        "{turkey:#?}"
    );
}

#[test]
fn a_ladder_past_the_holiday_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let answers = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tr-client.yaml");
    let output = clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "--stage",
        "payment",
        "--invoice",
        "H-1",
        "--amount",
        "1000.00",
        "--due",
        "2040-12-01",
        "--today",
        "2040-12-02",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).trim_end(),
        "error: 2041-01-15 is in 2041, outside the public holidays clausewright knows for TR (2020 to 2040); business days cannot be counted for it"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}
