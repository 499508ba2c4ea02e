//! The ladder: the stages a client can go silent at, the letter each rung sends, and the
//! dated rungs of each stage's ladder.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::business_days::tuesday_of_next_week;
use super::{Step, step};
use crate::holidays::{Calendar, HolidayError};

/// Where the client went silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Still negotiating: your last message is unanswered since --since.
    Negotiating,
    /// Project under way: feedback owed since --since.
    Feedback,
    /// Work delivered: the invoice was due on --due.
    Payment,
    /// Final work sent for review on --since: ask the client to accept it.
    Delivery,
    /// A change to the Scope agreed on --since: confirm it in writing (--change, --price).
    Change,
}

impl Stage {
    /// The name used on the command line and as the prefix of its letters' ids.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Stage::Negotiating => "negotiating",
            Stage::Feedback => "feedback",
            Stage::Payment => "payment",
            Stage::Delivery => "delivery",
            Stage::Change => "change",
        }
    }
}

/// Every letter the ladders send, by id, with its stage. The library's `letters/` folder has a
/// file for each.
pub const LETTERS: &[(&str, Stage)] = &[
    (NEGOTIATING_FOLLOW_UP, Stage::Negotiating),
    (NEGOTIATING_LAST_CHECK_IN, Stage::Negotiating),
    (FEEDBACK_FOLLOW_UP, Stage::Feedback),
    (FEEDBACK_PAUSE_WORK, Stage::Feedback),
    (FEEDBACK_KILL_FEE_NOTICE, Stage::Feedback),
    (PAYMENT_REMINDER, Stage::Payment),
    (PAYMENT_FOLLOW_UP, Stage::Payment),
    (PAYMENT_PAUSE_WORK, Stage::Payment),
    (PAYMENT_RESEND, Stage::Payment),
    (PAYMENT_NOTICE_30, Stage::Payment),
    (PAYMENT_CURE_NOTICE, Stage::Payment),
    (PAYMENT_NOTICE_60, Stage::Payment),
    (PAYMENT_NOTICE_90, Stage::Payment),
    (PAYMENT_FINAL_NOTICE, Stage::Payment),
    (PAYMENT_PAID_IN_FULL, Stage::Payment),
    (DELIVERY_ACCEPTANCE_REQUEST, Stage::Delivery),
    (CHANGE_ORDER_CONFIRMATION, Stage::Change),
];

/// The request to review and accept the final work.
pub const DELIVERY_ACCEPTANCE_REQUEST: &str = "acceptance-request";
/// The written confirmation of an agreed change to the Scope.
pub const CHANGE_ORDER_CONFIRMATION: &str = "change-order-confirmation";

/// The first follow-up while negotiating.
pub const NEGOTIATING_FOLLOW_UP: &str = "negotiating-follow-up";
/// The second and last check-in while negotiating.
pub const NEGOTIATING_LAST_CHECK_IN: &str = "negotiating-last-check-in";
/// The follow-up on owed feedback.
pub const FEEDBACK_FOLLOW_UP: &str = "feedback-follow-up";
/// The notice that work is paused.
pub const FEEDBACK_PAUSE_WORK: &str = "feedback-pause-work";
/// The notice that ends the agreement under the contract's kill fee for silence.
pub const FEEDBACK_KILL_FEE_NOTICE: &str = "feedback-kill-fee-notice";
/// The reminder a few business days before the invoice falls due.
pub const PAYMENT_REMINDER: &str = "payment-reminder";
/// The notice that pauses work until an overdue invoice is paid.
pub const PAYMENT_PAUSE_WORK: &str = "payment-pause-work";
/// The written request to put non-payment right before the agreement may be ended for it.
pub const PAYMENT_CURE_NOTICE: &str = "payment-cure-notice";
/// The confirmation that the invoice is paid in full.
pub const PAYMENT_PAID_IN_FULL: &str = "payment-paid-in-full";
/// Business days the contract's kill fee requires between the written warning (the pause-work
/// notice) and the notice that ends the agreement.
pub const WARNING_BUSINESS_DAYS: u32 = 5;
/// Business days before the due date that the reminder goes out.
pub const REMINDER_BUSINESS_DAYS: u32 = 3;
/// Days past due of the cure notice: between the 30-day and 60-day notices, so that the
/// contract's ten business days to put the breach right end before the 60-day notice.
pub const CURE_NOTICE_DAYS: i64 = 45;
/// The follow-up on an unpaid invoice.
pub const PAYMENT_FOLLOW_UP: &str = "payment-follow-up";
/// The statement of account: the invoice as issued, payments and the late fee beside it.
pub const PAYMENT_RESEND: &str = "payment-resend";
/// The late-payment notice 30 days past due.
pub const PAYMENT_NOTICE_30: &str = "payment-notice-30";
/// The late-payment notice 60 days past due.
pub const PAYMENT_NOTICE_60: &str = "payment-notice-60";
/// The late-payment notice 90 days past due.
pub const PAYMENT_NOTICE_90: &str = "payment-notice-90";
/// The final notice, with a deadline before legal action.
pub const PAYMENT_FINAL_NOTICE: &str = "payment-final-notice";

/// A follow-up 4 to 7 days after the unanswered message (the first business day from the
/// fourth), and a last check-in a week after that (or the next business day).
pub(super) fn negotiating(since: Date, calendar: &Calendar) -> Result<Vec<Step>, HolidayError> {
    let follow_up = calendar.on_or_after(since.saturating_add(4.days()))?;
    let last = calendar.on_or_after(follow_up.saturating_add(7.days()))?;
    Ok(vec![
        step(
            NEGOTIATING_FOLLOW_UP,
            follow_up,
            "Send a friendly follow-up",
            "Four to seven days after your message: sooner reads as pushy.",
            true,
        ),
        step(
            NEGOTIATING_LAST_CHECK_IN,
            last,
            "Send the last check-in, then move on",
            "Say plainly it is the last one and that you would be glad to work together when they are ready. A client this slow before signing is a warning sign.",
            true,
        ),
    ])
}

/// The Tuesday of the week after the message, the checks once that week has passed, the
/// pause-work notice, and the day the contract's kill fee for silence becomes available; a
/// day that is a public holiday moves to the next business day.
pub(super) fn feedback(
    since: Date,
    kill_fee_days: Option<u32>,
    calendar: &Calendar,
) -> Result<Vec<Step>, HolidayError> {
    let tuesday = tuesday_of_next_week(since);
    let follow_up = calendar.on_or_after(tuesday)?;
    // The client has the rest of the follow-up's week: the checks start the Monday after.
    let checks = calendar.on_or_after(tuesday.saturating_add(6.days()))?;
    let pause = calendar.add_business_days(checks, 3)?;
    let mut steps = vec![
        step(
            FEEDBACK_FOLLOW_UP,
            follow_up,
            "Send a follow-up on the feedback you are waiting for",
            "The Tuesday of the week after your message: the client has had the rest of that week and the Monday.",
            true,
        ),
        step(
            "feedback-checks",
            checks,
            "Check the address, phone to confirm, look for signs of activity",
            "Check the address you write to against the client's last email; phone to confirm your messages arrived (to confirm, not to complain); see whether the person is active online. Anything said in public stays neutral and professional.",
            false,
        ),
        step(
            FEEDBACK_PAUSE_WORK,
            pause,
            "Tell the client by email that work is paused",
            "If the checks turned up nothing: work is paused until you hear from them.",
            true,
        ),
    ];
    if let Some(days) = kill_fee_days {
        steps.push(step(
            FEEDBACK_KILL_FEE_NOTICE,
            // The client may still answer on the last of those days; the clause applies the
            // next, and only five business days or more after the written warning, which the
            // pause-work notice gives.
            calendar
                .add_business_days(since, days + 1)?
                .max(calendar.add_business_days(pause, WARNING_BUSINESS_DAYS)?),
            "Send the notice ending the agreement under the kill fee",
            &format!(
                "{days} business days have passed without a Response to your request, and five since the pause-work notice warned of it: the contract lets you end the agreement by notice, and the client owes the Ending Payment. Send it only if the client is still silent."
            ),
            true,
        ));
    }
    Ok(steps)
}

/// A reminder three business days before the due date, the follow-up the first business day
/// after it, the pause-work notice three business days later, the statement of account a week
/// after the follow-up, notices 30, 60 and 90 days past due with the cure notice at 45 days,
/// and the final notice a week after the last notice. Dates that fall on a weekend or a public
/// holiday move to the next business day.
pub(super) fn payment(
    due: Date,
    late_fee: bool,
    calendar: &Calendar,
) -> Result<Vec<Step>, HolidayError> {
    let follow_up = calendar.on_or_after(due.saturating_add(1.days()))?;
    let resend = calendar.on_or_after(follow_up.saturating_add(7.days()))?;
    let notice = |days: i64| calendar.on_or_after(due.saturating_add(days.days()));
    let (notice_30, cure, notice_60, notice_90) = (
        notice(30)?,
        notice(CURE_NOTICE_DAYS)?,
        notice(60)?,
        notice(90)?,
    );
    let final_notice = calendar.on_or_after(notice_90.saturating_add(7.days()))?;
    let reminder = calendar.subtract_business_days(due, REMINDER_BUSINESS_DAYS)?;
    let pause = calendar.add_business_days(follow_up, 3)?;
    let resend_title = if late_fee {
        "Send a statement of account with the late fee shown separately"
    } else {
        "Send a statement of account"
    };
    Ok(vec![
        step(
            PAYMENT_REMINDER,
            reminder,
            "Send a friendly reminder that the invoice falls due",
            "A short email a few days before the due date catches an invoice that went astray while nothing is late yet.",
            true,
        ),
        step(
            PAYMENT_FOLLOW_UP,
            follow_up,
            "Follow up and call to confirm the invoice arrived",
            "Confirm they received the work and the invoice, and settle the next step: payment. Record the call with `--record called`.",
            true,
        ),
        step(
            PAYMENT_PAUSE_WORK,
            pause,
            "If work is still under way: tell the client it is paused until the invoice is paid",
            "The contract lets you pause all work while any amount is overdue; skip this letter if the work is finished.",
            true,
        ),
        step(
            PAYMENT_RESEND,
            resend,
            resend_title,
            "The invoice stays as issued; the statement shows the late fee and any payments beside it. Send it through every channel (email, certified mail) and call to confirm it arrived.",
            true,
        ),
        step(
            PAYMENT_NOTICE_30,
            notice_30,
            "First late-payment notice (30 days past due)",
            "Firm and polite: demand payment, state the plan for legal action, enclose a copy of the invoice.",
            true,
        ),
        step(
            PAYMENT_CURE_NOTICE,
            cure,
            "Notice to put the non-payment right within ten business days",
            "The contract's written request before the agreement may be ended for non-payment; it matters most while work is still under way.",
            true,
        ),
        step(
            PAYMENT_NOTICE_60,
            notice_60,
            "Second late-payment notice (60 days past due)",
            "Firm and polite: demand payment, state the plan for legal action, enclose a copy of the invoice.",
            true,
        ),
        step(
            PAYMENT_NOTICE_90,
            notice_90,
            "Third late-payment notice (90 days past due)",
            "Firm and polite: demand payment, state the plan for legal action, enclose a copy of the invoice.",
            true,
        ),
        step(
            PAYMENT_FINAL_NOTICE,
            final_notice,
            "Final notice, with a deadline before legal action",
            "The last letter: the balance, the days overdue, the original due date, the deadline, payment details and your contact details.",
            true,
        ),
    ])
}

/// The acceptance request on the day the final work is sent, and the day its review period
/// ends (`review_days` business days later, public holidays skipped), when the work counts as
/// accepted unless the client objected.
pub(super) fn delivery(
    since: Date,
    review_days: u32,
    calendar: &Calendar,
) -> Result<Vec<Step>, HolidayError> {
    let review_ends = calendar.add_business_days(since, review_days)?;
    Ok(vec![
        step(
            DELIVERY_ACCEPTANCE_REQUEST,
            since,
            "Ask the client to review and accept the final work",
            "Send it with the work, or a link to it: the review period runs from the delivery.",
            true,
        ),
        step(
            "delivery-review-ends",
            review_ends,
            "The review period ends: unless the client objected to the work or asked for changes, it is accepted",
            "If the client did neither, the Project is complete: invoice the balance within five business days.",
            false,
        ),
    ])
}

/// The written confirmation of a change, on the day it was agreed (the calendar only checks
/// that the day is one the holiday table covers).
pub(super) fn change(since: Date, calendar: &Calendar) -> Result<Vec<Step>, HolidayError> {
    calendar.is_business_day(since)?;
    Ok(vec![step(
        CHANGE_ORDER_CONFIRMATION,
        since,
        "Confirm the agreed change in writing before starting it",
        "Extra work goes ahead only once it is agreed in writing: wait for the client's reply.",
        true,
    )])
}
