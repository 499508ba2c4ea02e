use super::*;
use crate::chase::{Deadline, Inputs, Stage, schedule};
use jiff::civil::date;

fn feedback(since: Date) -> String {
    let inputs = Inputs {
        stage: Stage::Feedback,
        since: Some(since),
        invoice: None,
        today: date(2026, 5, 12),
        deadline: Deadline::default(),
        final_notice_sent: None,
        kill_fee_days: None,
        late_fee_percent: None,
        statutory: None,
        currency: "USD".into(),
        record: crate::chase::record::Record::default(),
        review_days: None,
        change: None,
        calendar: crate::holidays::Calendar::weekends_only(),
        locale: crate::format::Locale::EnUs,
        agreement: None,
    };
    calendar(
        &schedule(&inputs).unwrap(),
        "Acme, Inc.",
        "Site",
        Language::En,
    )
}

fn lines<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.split("\r\n")
        .filter(|l| l.starts_with(prefix))
        .collect()
}

#[test]
fn distinct_invoice_numbers_give_distinct_uids() {
    assert_eq!(uid_text("2026-014"), "2026-014");
    assert_eq!(uid_text("2026/014"), "2026%2F014");
    assert_eq!(uid_text("A 1%"), "A%201%25");
}

#[test]
fn same_inputs_same_file_and_uids_name_what_is_chased() {
    let first = feedback(date(2026, 5, 6));
    assert_eq!(first, feedback(date(2026, 5, 6)), "deterministic");
    assert_eq!(
        lines(&first, "UID:"),
        [
            "UID:feedback-follow-up-acme-inc-2026-05-06@clausewright",
            "UID:feedback-checks-acme-inc-2026-05-06@clausewright",
            "UID:feedback-pause-work-acme-inc-2026-05-06@clausewright",
        ]
    );
    assert_eq!(lines(&first, "DTSTAMP:"), ["DTSTAMP:20260512T000000Z"; 3]);
    assert_eq!(
        lines(&first, "DTSTART"),
        [
            "DTSTART;VALUE=DATE:20260512",
            "DTSTART;VALUE=DATE:20260518",
            "DTSTART;VALUE=DATE:20260521"
        ]
    );
    assert!(
        first
            .starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clausewright//chase//EN\r\n")
    );
    assert!(first.ends_with("END:VCALENDAR\r\n"));
    // Another silence gets other events, not updates of these.
    let other = feedback(date(2026, 5, 4));
    assert_eq!(
        lines(&other, "UID:")[0],
        "UID:feedback-follow-up-acme-inc-2026-05-04@clausewright"
    );
}
