use std::str::FromStr;

use super::business_days::*;
use super::deadline::*;
use super::ladder::*;
use super::*;
use jiff::civil::date;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn inputs(stage: Stage, today: Date) -> Inputs {
    Inputs {
        stage,
        since: None,
        invoice: None,
        today,
        deadline: Deadline::default(),
        final_notice_sent: None,
        kill_fee_days: None,
        late_fee_percent: None,
        statutory: None,
        currency: "USD".into(),
        record: super::record::Record::default(),
        review_days: None,
        change: None,
        calendar: Calendar::weekends_only(),
        locale: Locale::EnUs,
        agreement: None,
    }
}

fn weekends() -> Calendar {
    Calendar::weekends_only()
}

fn payment_inputs(due: Date, today: Date) -> Inputs {
    Inputs {
        invoice: Some(Invoice {
            number: "2026-014".into(),
            amount: dec("6400.00"),
            due,
        }),
        late_fee_percent: Some(dec("1.5")),
        ..inputs(Stage::Payment, today)
    }
}

fn dated(schedule: &Schedule) -> Vec<(&str, String, Status)> {
    schedule
        .steps
        .iter()
        .map(|s| (s.id, s.date.strftime("%a %Y-%m-%d").to_string(), s.status))
        .collect()
}

#[test]
fn business_days_skip_weekends() {
    // Friday 2026-05-01 + 1 business day is Monday 2026-05-04.
    assert_eq!(
        weekends().add_business_days(date(2026, 5, 1), 1).unwrap(),
        date(2026, 5, 4)
    );
    assert_eq!(
        weekends().add_business_days(date(2026, 5, 1), 5).unwrap(),
        date(2026, 5, 8)
    );
    // From a Saturday, the first business day counted is the Monday.
    assert_eq!(
        weekends().add_business_days(date(2026, 5, 2), 1).unwrap(),
        date(2026, 5, 4)
    );
    assert_eq!(
        weekends().add_business_days(date(2026, 5, 4), 0).unwrap(),
        date(2026, 5, 4)
    );
    assert_eq!(
        weekends().on_or_after(date(2026, 5, 2)).unwrap(),
        date(2026, 5, 4)
    );
    assert_eq!(
        weekends().on_or_after(date(2026, 5, 3)).unwrap(),
        date(2026, 5, 4)
    );
    assert_eq!(
        weekends().on_or_after(date(2026, 5, 5)).unwrap(),
        date(2026, 5, 5)
    );
}

#[test]
fn business_days_cross_month_ends_and_leap_days() {
    // Thursday 2024-02-29 (a leap day) + 2 business days is Monday 2024-03-04.
    assert_eq!(
        weekends().add_business_days(date(2024, 2, 29), 2).unwrap(),
        date(2024, 3, 4)
    );
    // Wednesday 2025-12-31 + 3 business days is Monday 2026-01-05.
    assert_eq!(
        weekends().add_business_days(date(2025, 12, 31), 3).unwrap(),
        date(2026, 1, 5)
    );
    assert_eq!(days_between(date(2024, 2, 1), date(2024, 3, 1)), 29);
    assert_eq!(days_between(date(2025, 2, 1), date(2025, 3, 1)), 28);
    assert_eq!(days_between(date(2026, 3, 1), date(2026, 2, 1)), -28);
}

#[test]
fn tuesday_of_the_week_after() {
    // Every day of the week of Monday 2026-05-04 leads to Tuesday 2026-05-12.
    for day in 4..=10 {
        assert_eq!(
            tuesday_of_next_week(date(2026, 5, day)),
            date(2026, 5, 12),
            "from 2026-05-{day:02}"
        );
    }
    // Across a month end and a leap day: Thursday 2024-02-29 → Tuesday 2024-03-05.
    assert_eq!(tuesday_of_next_week(date(2024, 2, 29)), date(2024, 3, 5));
}

#[test]
fn negotiating_follow_up_is_four_to_seven_days_after() {
    let mut input = inputs(Stage::Negotiating, date(2026, 5, 20));
    // Wednesday: the fourth day is a Sunday, so the follow-up is Monday, day five.
    input.since = Some(date(2026, 5, 6));
    let schedule = schedule(&input).unwrap();
    assert_eq!(
        dated(&schedule),
        [
            (NEGOTIATING_FOLLOW_UP, "Mon 2026-05-11".into(), Status::Done),
            (
                NEGOTIATING_LAST_CHECK_IN,
                "Mon 2026-05-18".into(),
                Status::DueNow
            ),
        ]
    );
    for since in 1..=31 {
        let since = date(2026, 5, since);
        let follow_up = negotiating(since, &weekends()).unwrap()[0].date;
        let days = days_between(since, follow_up);
        assert!((4..=7).contains(&days), "{since} → {follow_up}");
        assert!(weekends().is_business_day(follow_up).unwrap());
    }
}

#[test]
fn feedback_ladder_with_kill_fee() {
    let mut input = inputs(Stage::Feedback, date(2026, 5, 19));
    input.since = Some(date(2026, 5, 6));
    input.kill_fee_days = Some(15);
    let schedule = schedule(&input).unwrap();
    assert_eq!(
        dated(&schedule),
        [
            (FEEDBACK_FOLLOW_UP, "Tue 2026-05-12".into(), Status::Done),
            ("feedback-checks", "Mon 2026-05-18".into(), Status::DueNow),
            (
                FEEDBACK_PAUSE_WORK,
                "Thu 2026-05-21".into(),
                Status::Upcoming
            ),
            (
                FEEDBACK_KILL_FEE_NOTICE,
                "Thu 2026-05-28".into(),
                Status::Upcoming
            ),
        ]
    );
}

#[test]
fn on_a_shared_date_the_letter_is_the_step_due_now() {
    // With ten days of silence, the kill fee would apply on the pause-work notice's day;
    // the pause-work notice is the contract's written warning, so the kill-fee notice waits
    // the five business days the contract requires after it.
    let mut input = inputs(Stage::Feedback, date(2026, 5, 21));
    input.since = Some(date(2026, 5, 6));
    input.kill_fee_days = Some(10);
    let schedule = schedule(&input).unwrap();
    let due_now = schedule.due_now().unwrap();
    assert_eq!(
        (due_now.id, due_now.date),
        (FEEDBACK_PAUSE_WORK, date(2026, 5, 21))
    );
    let kill_fee = schedule
        .steps
        .iter()
        .find(|s| s.id == FEEDBACK_KILL_FEE_NOTICE)
        .unwrap();
    assert_eq!(
        (kill_fee.date, kill_fee.status),
        (date(2026, 5, 28), Status::Upcoming)
    );
}

#[test]
fn payment_ladder_64_days_overdue() {
    // Due Monday 2026-03-02; today 2026-05-05 is 64 days later.
    let schedule = schedule(&payment_inputs(date(2026, 3, 2), date(2026, 5, 5))).unwrap();
    assert_eq!(
        dated(&schedule),
        [
            (PAYMENT_REMINDER, "Wed 2026-02-25".into(), Status::Done),
            (PAYMENT_FOLLOW_UP, "Tue 2026-03-03".into(), Status::Done),
            (PAYMENT_PAUSE_WORK, "Fri 2026-03-06".into(), Status::Done),
            (PAYMENT_RESEND, "Tue 2026-03-10".into(), Status::Done),
            (PAYMENT_NOTICE_30, "Wed 2026-04-01".into(), Status::Done),
            (PAYMENT_CURE_NOTICE, "Thu 2026-04-16".into(), Status::Done),
            (PAYMENT_NOTICE_60, "Fri 2026-05-01".into(), Status::DueNow),
            // Day 90 is Sunday 2026-05-31.
            (PAYMENT_NOTICE_90, "Mon 2026-06-01".into(), Status::Upcoming),
            (
                PAYMENT_FINAL_NOTICE,
                "Mon 2026-06-08".into(),
                Status::Upcoming
            ),
            (
                "payment-deadline",
                "Mon 2026-06-15".into(),
                Status::Upcoming
            ),
        ]
    );
    let due_now = schedule.due_now().unwrap();
    assert_eq!(schedule.letter_date(due_now), date(2026, 5, 5));
    let values = schedule.letter_values(due_now).unwrap();
    let get = |key: &str| {
        values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(get("invoice.days_overdue"), Some(Value::Integer(64)));
    assert_eq!(get("invoice.late_fee"), Some(Value::Number(dec("201.99"))));
    assert_eq!(get("invoice.balance"), Some(Value::Number(dec("6601.99"))));
    assert_eq!(
        get("letter.deadline"),
        None,
        "only the final notice has one"
    );
}

#[test]
fn due_date_in_the_future_has_nothing_to_send() {
    let schedule = schedule(&payment_inputs(date(2026, 6, 1), date(2026, 5, 5))).unwrap();
    assert!(schedule.steps.iter().all(|s| s.status == Status::Upcoming));
    assert_eq!(schedule.due_now(), None);
    assert_eq!(schedule.days_overdue(date(2026, 5, 5)), 0);
    assert_eq!(
        schedule.account_on(date(2026, 5, 5)).late_fee,
        Decimal::ZERO
    );
}

#[test]
fn final_notice_due_now_counts_the_deadline_from_today() {
    // The final notice was due Monday 2026-06-08; sent on Wednesday 2026-06-10 it gives
    // five business days from then.
    let schedule = schedule(&payment_inputs(date(2026, 3, 2), date(2026, 6, 10))).unwrap();
    let due_now = schedule.due_now().unwrap();
    assert_eq!(due_now.id, PAYMENT_FINAL_NOTICE);
    assert_eq!(schedule.deadline, Some(date(2026, 6, 17)));
    let values = schedule.letter_values(due_now).unwrap();
    assert!(values.contains(&("letter.deadline", Value::Date(date(2026, 6, 17)))));
    assert!(values.contains(&(
        "letter.deadline_period",
        Value::Text("five (5) business days".into())
    )));
}

#[test]
fn after_the_deadline_the_court_step_is_due() {
    // Not told when the final notice went out, the tool has it sent today, so the client
    // still gets the whole deadline: the court step is never due before that.
    let unsent = schedule(&payment_inputs(date(2026, 3, 2), date(2026, 6, 16))).unwrap();
    let due_now = unsent.due_now().unwrap();
    assert_eq!(
        (due_now.id, due_now.date),
        ("payment-final-notice", date(2026, 6, 8))
    );
    assert_eq!(unsent.deadline, Some(date(2026, 6, 23)));
    // Told it went out on its planned day, the deadline has passed: go to court.
    let mut sent = payment_inputs(date(2026, 3, 2), date(2026, 6, 16));
    sent.final_notice_sent = Some(date(2026, 6, 8));
    let overdue = schedule(&sent).unwrap();
    let due_now = overdue.due_now().unwrap();
    assert_eq!(
        (due_now.id, due_now.date),
        ("payment-deadline", date(2026, 6, 15))
    );
    // Sent but its deadline not yet over: nothing is due, the notice is sent.
    sent.today = date(2026, 6, 10);
    let waiting = schedule(&sent).unwrap();
    assert!(waiting.due_now().is_none(), "{:?}", waiting.steps);
    let notice = waiting
        .steps
        .iter()
        .find(|s| s.id == "payment-final-notice")
        .unwrap();
    assert_eq!(notice.status, Status::Sent(date(2026, 6, 8)));
}

#[test]
fn leap_day_due_date() {
    // Due on the leap day 2028-02-29 (a Tuesday): 30 days later is Thursday 2028-03-30.
    let schedule = schedule(&payment_inputs(date(2028, 2, 29), date(2028, 3, 30))).unwrap();
    let due_now = schedule.due_now().unwrap();
    assert_eq!(
        (due_now.id, due_now.date),
        (PAYMENT_NOTICE_30, date(2028, 3, 30))
    );
    assert_eq!(schedule.days_overdue(date(2028, 3, 30)), 30);
}

#[test]
fn deadlines_stay_between_five_business_days_and_thirty_days() {
    let friday = date(2026, 6, 5);
    assert_eq!(
        Deadline::default().end(friday, &weekends()),
        Ok(date(2026, 6, 12))
    );
    assert_eq!(
        "14d".parse::<Deadline>().unwrap().end(friday, &weekends()),
        Ok(date(2026, 6, 19))
    );
    // Thirty days end on Sunday 5 July, so the client has until the Monday.
    assert_eq!(
        "30d".parse::<Deadline>().unwrap().end(friday, &weekends()),
        Ok(date(2026, 7, 6))
    );
    assert_eq!(
        "31d".parse::<Deadline>(),
        Err(
            "--deadline 31d is longer than 30 calendar days; the deadline may be at most `30d`"
                .into()
        )
    );
    assert_eq!(
        "25bd".parse::<Deadline>(),
        Err(
            "--deadline 25bd is longer than 30 calendar days; the deadline may be at most `30d`"
                .into()
        )
    );
    // Absurd spans are refused before any date arithmetic (they used to panic or hang).
    assert!("4000000000d".parse::<Deadline>().is_err());
    assert!("4000000000bd".parse::<Deadline>().is_err());
    assert_eq!(
        "22bd".parse::<Deadline>().unwrap().end(friday, &weekends()),
        Err("--deadline 22bd ends 32 days after the final notice; the deadline may be at most 30 calendar days (`30d`)".into())
    );
    assert_eq!(
        "4bd".parse::<Deadline>().unwrap().end(friday, &weekends()),
        Err(
            "--deadline 4bd is shorter than 5 business days; give the client at least `5bd`".into()
        )
    );
    assert_eq!(
        "6d".parse::<Deadline>().unwrap().end(friday, &weekends()),
        Err("--deadline 6d is shorter than 5 business days; give the client at least `5bd`".into())
    );
    assert_eq!(
        "5 weeks".parse::<Deadline>(),
        Err(
            "`5 weeks` is not a deadline; write business days as `5bd` or calendar days as `14d`"
                .into()
        )
    );
    assert_eq!(
        "10bd".parse::<Deadline>().unwrap().words(Locale::EnUs),
        "ten (10) business days"
    );
}

#[test]
fn late_fee_to_the_cent() {
    // 6400 × 1.5% × 12 / 365 × 64 = 201.9945…
    assert_eq!(late_fee(dec("6400.00"), dec("1.5"), 64, 2), dec("201.99"));
    // 36.50 × 1.25% × 12 / 365 × 3 = 0.045 exactly: halves round away from zero.
    assert_eq!(late_fee(dec("36.50"), dec("1.25"), 3, 2), dec("0.05"));
    // A leap year has no extra day's rate: 366 days cost a little over twelve months.
    assert_eq!(late_fee(dec("1000"), dec("1"), 365, 2), dec("120.00"));
    assert_eq!(late_fee(dec("1000"), dec("1"), 366, 2), dec("120.33"));
    // Yen have no minor unit.
    assert_eq!(late_fee(dec("100000"), dec("1.5"), 30, 0), dec("1479"));
    assert_eq!(late_fee(dec("6400.00"), dec("1.5"), 0, 2), Decimal::ZERO);
    assert_eq!(late_fee(dec("6400.00"), dec("1.5"), -3, 2), Decimal::ZERO);
}

#[test]
fn since_after_today_is_refused() {
    let mut input = inputs(Stage::Feedback, date(2026, 5, 5));
    input.since = Some(date(2026, 5, 6));
    assert_eq!(
        schedule(&input).unwrap_err().to_string(),
        "--since 2026-05-06 is after today (2026-05-05); give the day the unanswered message was sent"
    );
}

#[test]
fn delivery_ladder_ends_with_the_review_period() {
    let mut input = inputs(Stage::Delivery, date(2026, 5, 8));
    input.since = Some(date(2026, 5, 7));
    input.review_days = Some(5);
    let schedule = schedule(&input).unwrap();
    assert_eq!(
        dated(&schedule),
        [
            (
                DELIVERY_ACCEPTANCE_REQUEST,
                "Thu 2026-05-07".into(),
                Status::DueNow
            ),
            (
                "delivery-review-ends",
                "Thu 2026-05-14".into(),
                Status::Upcoming
            ),
        ]
    );
    let values = schedule.letter_values(schedule.due_now().unwrap()).unwrap();
    assert!(values.contains(&("letter.review_ends", Value::Date(date(2026, 5, 14)))));
}

#[test]
fn letters_name_only_the_letters_the_record_says_were_sent() {
    let mut input = inputs(Stage::Feedback, date(2026, 6, 1));
    input.since = Some(date(2026, 5, 6));
    input.kill_fee_days = Some(15);
    let unrecorded = schedule(&input).unwrap();
    let notice = unrecorded
        .steps
        .iter()
        .find(|s| s.id == FEEDBACK_KILL_FEE_NOTICE)
        .unwrap();
    let keys: Vec<&str> = unrecorded
        .letter_values(notice)
        .unwrap()
        .iter()
        .map(|(k, _)| *k)
        .collect();
    assert!(!keys.contains(&"letter.last_sent") && !keys.contains(&"letter.warning_sent"));
    input.record = super::record::read(
        "r.yaml",
        "- date: 2026-05-12\n  sent: feedback-follow-up\n- date: 2026-05-21\n  sent: feedback-pause-work\n",
        &LETTERS.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        date(2026, 6, 1),
        "USD",
    )
    .unwrap();
    let recorded = schedule(&input).unwrap();
    let notice = recorded
        .steps
        .iter()
        .find(|s| s.id == FEEDBACK_KILL_FEE_NOTICE)
        .unwrap();
    let values = recorded.letter_values(notice).unwrap();
    assert!(values.contains(&("letter.last_sent", Value::Date(date(2026, 5, 21)))));
    assert!(values.contains(&("letter.warning_sent", Value::Date(date(2026, 5, 21)))));
}

/// The payment ladder of an invoice due `due`, read on `today`, in `place`'s calendar.
fn payment_in(place: &str, due: Date, today: Date) -> Vec<(&'static str, String)> {
    let input = Inputs {
        calendar: Calendar::load(place).unwrap(),
        ..payment_inputs(due, today)
    };
    let steps = schedule(&input).unwrap().steps;
    let calendar = Calendar::load(place).unwrap();
    for step in &steps {
        assert!(
            calendar.is_business_day(step.date).unwrap(),
            "{place}: {} on {}",
            step.id,
            step.date
        );
    }
    steps
        .iter()
        .map(|s| (s.id, s.date.strftime("%a %Y-%m-%d").to_string()))
        .collect()
}

fn step_on<'a>(steps: &'a [(&'static str, String)], id: &str) -> &'a str {
    &steps.iter().find(|(step, _)| *step == id).unwrap().1
}

#[test]
fn steps_move_past_memorial_day_the_spring_bank_holiday_and_kurban_bayrami() {
    // An invoice due Friday 24 April 2026: its 30-day notice falls on Sunday 24 May, and the
    // Monday after, 25 May, is Memorial Day in Oregon and the spring bank holiday in England,
    // so the notice goes on Tuesday 26 May. Without holidays it would be Monday 25 May.
    let weekend_only: Vec<(&str, String)> =
        schedule(&payment_inputs(date(2026, 4, 24), date(2026, 4, 25)))
            .unwrap()
            .steps
            .iter()
            .map(|s| (s.id, s.date.strftime("%a %Y-%m-%d").to_string()))
            .collect();
    assert_eq!(step_on(&weekend_only, PAYMENT_NOTICE_30), "Mon 2026-05-25");
    for place in ["US-OR", "GB-ENG"] {
        let steps = payment_in(place, date(2026, 4, 24), date(2026, 4, 25));
        assert_eq!(
            step_on(&steps, PAYMENT_NOTICE_30),
            "Tue 2026-05-26",
            "{place}"
        );
        assert_eq!(
            step_on(&steps, PAYMENT_FOLLOW_UP),
            "Mon 2026-04-27",
            "{place}"
        );
    }
    // England's early May bank holiday (Monday 4 May) moves the statement to Tuesday 5 May.
    let oregon = payment_in("US-OR", date(2026, 4, 24), date(2026, 4, 25));
    let england = payment_in("GB-ENG", date(2026, 4, 24), date(2026, 4, 25));
    assert_eq!(step_on(&oregon, PAYMENT_RESEND), "Mon 2026-05-04");
    assert_eq!(step_on(&england, PAYMENT_RESEND), "Tue 2026-05-05");
    // In England, an invoice due Thursday 2 April 2026 is followed up after Good Friday and
    // Easter Monday: on Tuesday 7 April.
    let easter = payment_in("GB-ENG", date(2026, 4, 2), date(2026, 4, 3));
    assert_eq!(step_on(&easter, PAYMENT_FOLLOW_UP), "Tue 2026-04-07");
    // In Türkiye an invoice due Monday 27 April 2026 reaches 30 days on Wednesday 27 May, the
    // first day of Kurban Bayramı (27 to 30 May): the notice waits until Monday 1 June.
    let turkey = payment_in("TR", date(2026, 4, 27), date(2026, 4, 28));
    assert_eq!(step_on(&turkey, PAYMENT_NOTICE_30), "Mon 2026-06-01");
}

#[test]
fn the_kill_fee_and_the_pause_count_business_days_without_holidays() {
    // Feedback asked on Friday 15 May 2026 in Oregon: the checks fall on Monday 25 May,
    // Memorial Day, and move to Tuesday 26; the pause-work notice comes three business days
    // later, on Friday 29 May.
    let input = Inputs {
        since: Some(date(2026, 5, 15)),
        kill_fee_days: Some(5),
        calendar: Calendar::load("US-OR").unwrap(),
        ..inputs(Stage::Feedback, date(2026, 5, 16))
    };
    let steps = schedule(&input).unwrap().steps;
    let on = |id: &str| steps.iter().find(|s| s.id == id).unwrap().date;
    assert_eq!(on("feedback-checks"), date(2026, 5, 26));
    assert_eq!(on(FEEDBACK_PAUSE_WORK), date(2026, 5, 29));
    let oregon = Calendar::load("US-OR").unwrap();
    assert_eq!(
        oregon.add_business_days(date(2026, 5, 21), 6),
        Ok(date(2026, 6, 1))
    );
}

#[test]
fn a_date_outside_the_holiday_table_is_an_error() {
    let input = Inputs {
        calendar: Calendar::load("US-OR").unwrap(),
        ..payment_inputs(date(2040, 11, 30), date(2040, 12, 1))
    };
    // The 60-day notice falls on 29 January 2041.
    let error = schedule(&input).unwrap_err().to_string();
    assert!(
        error.ends_with(
            "is in 2041, outside the public holidays clausewright knows for US-OR \
         (2020 to 2040); business days cannot be counted for it"
        ),
        "{error}"
    );
}

#[test]
fn dates_no_schedule_can_be_made_from_are_refused_with_what_is_wrong() {
    let refused = |inputs: Inputs| schedule(&inputs).unwrap_err().to_string();
    let sent_early = Inputs {
        final_notice_sent: Some(date(2026, 2, 20)),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(sent_early),
        "--final-notice-sent 2026-02-20 is before the invoice fell due (2026-03-02): a final notice is sent only once the invoice is overdue"
    );
    let due_before_agreement = Inputs {
        agreement: Some(date(2026, 3, 10)),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(due_before_agreement),
        "the invoice fell due on 2026-03-02, before the agreement's date in the answers (2026-03-10): check --due (or --since) and `agreement.date`"
    );
    // Near the end of the calendar every step was clamped onto 9999-12-31.
    let at_the_end = payment_inputs(date(9999, 12, 1), date(9999, 12, 30));
    assert_eq!(
        refused(at_the_end),
        "--today 9999-12-30 is too late for a schedule: its steps would run past the end of the calendar (9999-12-31); give a date before 9999-01-01"
    );
    let since_late = Inputs {
        since: Some(date(9999, 6, 1)),
        ..inputs(Stage::Negotiating, date(9999, 6, 2))
    };
    assert!(refused(since_late).contains("is too late for a schedule"));
    let ancient = payment_inputs(date(1026, 3, 2), date(2026, 6, 1));
    assert_eq!(
        refused(ancient),
        "1026-03-02 is before 1900: a freelance invoice or message is not that old; check the date"
    );
    let in_yen = Inputs {
        currency: "JPY".into(),
        invoice: Some(Invoice {
            number: "2026-014".into(),
            amount: dec("6400.50"),
            due: date(2026, 3, 2),
        }),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(in_yen),
        "--amount is 6400.50; an amount in JPY has no decimal places"
    );
    // A final notice sent on the due date or after, and an invoice due after the agreement,
    // make a schedule.
    let fine = Inputs {
        agreement: Some(date(2026, 2, 1)),
        final_notice_sent: Some(date(2026, 6, 8)),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 10))
    };
    assert!(schedule(&fine).is_ok());
}

#[test]
fn dates_no_schedule_can_be_made_from_are_refused_in_turkish_for_turkish_letters() {
    let turkish = |inputs: Inputs| Inputs {
        locale: Locale::Tr,
        currency: "TRY".into(),
        ..inputs
    };
    let refused = |inputs: Inputs| {
        let error = schedule(&turkish(inputs)).unwrap_err();
        assert_eq!(error.exit_code(), 2);
        error.render(false)
    };
    let sent_early = Inputs {
        final_notice_sent: Some(date(2026, 2, 20)),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(sent_early),
        "hata: --final-notice-sent 2026-02-20, faturanın son ödeme gününden (2026-03-02) önce: \
         son ihtar ancak vadesi geçmiş bir fatura için gönderilir"
    );
    let due_before_agreement = Inputs {
        agreement: Some(date(2026, 3, 10)),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(due_before_agreement),
        "hata: faturanın son ödeme günü (2026-03-02), yanıtlardaki sözleşme tarihinden \
         (2026-03-10) önce: --due (ya da --since) ile `agreement.date` yanıtını denetleyin"
    );
    assert_eq!(
        refused(payment_inputs(date(9999, 12, 1), date(9999, 12, 30))),
        "hata: --today 9999-12-30 çok ileri bir tarih: takibin adımları takvimin sonunu \
         (9999-12-31) aşar; 9999-01-01 öncesinde bir tarih verin"
    );
    assert_eq!(
        refused(payment_inputs(date(9999, 6, 1), date(2026, 6, 1))),
        "hata: Son ödeme günü (9999-06-01) çok ileri bir tarih: takibin adımları takvimin sonunu \
         (9999-12-31) aşar; 9999-01-01 öncesinde bir tarih verin"
    );
    assert_eq!(
        refused(payment_inputs(date(1026, 3, 2), date(2026, 6, 1))),
        "hata: 1026-03-02, 1900 yılından önce: bir serbest çalışanın faturası ya da mesajı bu \
         kadar eski olamaz; tarihi denetleyin"
    );
    let in_kurus = Inputs {
        invoice: Some(Invoice {
            number: "2026/014".into(),
            amount: dec("6400.505"),
            due: date(2026, 3, 2),
        }),
        ..payment_inputs(date(2026, 3, 2), date(2026, 6, 1))
    };
    assert_eq!(
        refused(in_kurus),
        "hata: --amount için “6400.505” kabul edilmedi: TRY cinsinden bir tutarda en fazla iki \
         ondalık basamak olur"
    );
    let paid =
        refuse_finer_than_minor_unit("--payment", dec("1250.5"), "JPY", Language::Tr).unwrap_err();
    assert_eq!(
        paid.render(false),
        "hata: --payment için “1250.5” kabul edilmedi: JPY cinsinden bir tutarda ondalık basamak \
         olmaz; tutarı tam sayı olarak yazın"
    );
    // English as before.
    assert_eq!(
        refuse_finer_than_minor_unit("--payment", dec("1250.5"), "JPY", Language::En)
            .unwrap_err()
            .render(false),
        "error: --payment is 1250.5; an amount in JPY has no decimal places"
    );
}

/// The Turkish rule of default interest: the advance rate, known to 30 June 2026.
fn turkish_interest() -> Statutory {
    Statutory {
        rule: crate::interest::LatePayment {
            statute: "article 2/2 of Law no. 3095".into(),
            reference: "the advance rate of the Central Bank of the Republic of Türkiye".into(),
            margin: Decimal::ZERO,
            consumer_margin: None,
            rule: crate::interest::RateRule::Varies,
            rates: vec![(date(2026, 1, 1), dec("39.75"))],
            known_until: date(2026, 6, 30),
            compensation: Vec::new(),
        },
        debtor: crate::interest::Debtor::Business,
        reference: None,
    }
}

#[test]
fn interest_past_the_rate_table_is_refused_in_the_letters_language() {
    let after = |locale| Inputs {
        locale,
        currency: "TRY".into(),
        late_fee_percent: None,
        statutory: Some(turkish_interest()),
        ..payment_inputs(date(2026, 6, 1), date(2026, 7, 10))
    };
    let error = schedule(&after(Locale::Tr)).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    assert_eq!(
        error.render(false),
        "hata: 1 Temmuz 2026 ve sonrası için referans oran clausewright’ın tablosunda yok (tablo \
         30 Haziran 2026 tarihinde bitiyor); o dönemde yürürlükte olan oranı yanıtlarda \
         `interest.reference_rate` olarak yazın"
    );
    assert_eq!(
        schedule(&after(Locale::EnGb)).unwrap_err().render(false),
        "error: the advance rate of the Central Bank of the Republic of Türkiye for 2026-07-01 \
         onwards is not known to clausewright (its table ends on 2026-06-30); give the rate as \
         `interest.reference_rate` in the answers"
    );
    // Today within the table, a letter dated after it: refused when its values are asked.
    let before = Inputs {
        today: date(2026, 6, 20),
        ..after(Locale::Tr)
    };
    let schedule = schedule(&before).unwrap().in_language(Language::Tr);
    let late = (schedule.steps.iter())
        .find(|s| s.letter && s.date > date(2026, 6, 30))
        .unwrap();
    let error = schedule.letter_values(late).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    let said = error.render(false);
    assert!(
        said.starts_with(&format!(
            "hata: {} tarihli “{}” mektubundaki gecikme faizi hesaplanamıyor: 1 Temmuz 2026 ve \
             sonrası için referans oran",
            crate::format::tr::long_date(late.date),
            late.title
        )),
        "{said}"
    );
}
