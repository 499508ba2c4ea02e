//! The ladder: the stages a client can go silent at, the letter each rung sends, and the
//! dated rungs of each stage's ladder.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::business_days::{add_business_days, business_day_on_or_after, tuesday_of_next_week};
use super::{Step, step};

/// Where the client went silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// Still negotiating: your last message is unanswered since --since.
    Negotiating,
    /// Project under way: feedback owed since --since.
    Feedback,
    /// Work delivered: the invoice was due on --due.
    Payment,
}

impl Stage {
    /// The name used on the command line and as the prefix of its letters' ids.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Stage::Negotiating => "negotiating",
            Stage::Feedback => "feedback",
            Stage::Payment => "payment",
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
    (PAYMENT_FOLLOW_UP, Stage::Payment),
    (PAYMENT_RESEND, Stage::Payment),
    (PAYMENT_NOTICE_30, Stage::Payment),
    (PAYMENT_NOTICE_60, Stage::Payment),
    (PAYMENT_NOTICE_90, Stage::Payment),
    (PAYMENT_FINAL_NOTICE, Stage::Payment),
];

/// The first follow-up while negotiating.
pub const NEGOTIATING_FOLLOW_UP: &str = "negotiating-follow-up";
/// The second and last check-in while negotiating.
pub const NEGOTIATING_LAST_CHECK_IN: &str = "negotiating-last-check-in";
/// The follow-up on owed feedback.
pub const FEEDBACK_FOLLOW_UP: &str = "feedback-follow-up";
/// The notice that work is paused.
pub const FEEDBACK_PAUSE_WORK: &str = "feedback-pause-work";
/// The follow-up on an unpaid invoice.
pub const PAYMENT_FOLLOW_UP: &str = "payment-follow-up";
/// The invoice resent with the late fee added.
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
/// fourth), and a last check-in a week after that.
pub(super) fn negotiating(since: Date) -> Vec<Step> {
    let follow_up = business_day_on_or_after(since.saturating_add(4.days()));
    let last = follow_up.saturating_add(7.days());
    vec![
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
    ]
}

/// The Tuesday of the week after the message, the checks once that week has passed, the
/// pause-work notice, and the day the contract's kill fee for silence becomes available.
pub(super) fn feedback(since: Date, kill_fee_days: Option<u32>) -> Vec<Step> {
    let follow_up = tuesday_of_next_week(since);
    // The client has the rest of the follow-up's week: the checks start the Monday after.
    let checks = follow_up.saturating_add(6.days());
    let pause = add_business_days(checks, 3);
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
            "feedback-kill-fee",
            // The client may still answer on the last of those days; the clause applies the next.
            add_business_days(since, days + 1),
            "The contract's kill fee for silence applies",
            &format!(
                "{days} business days have passed without a response to your request: the contract lets you end the work by notice and invoice the work done so far."
            ),
            false,
        ));
    }
    steps
}

/// The follow-up the first business day after the due date, the resend with the late fee a
/// week later, notices 30, 60 and 90 days past due, and the final notice a week after the
/// last of them. Dates that fall on a weekend move to the Monday.
pub(super) fn payment(due: Date, late_fee: bool) -> Vec<Step> {
    let follow_up = business_day_on_or_after(due.saturating_add(1.days()));
    let resend = follow_up.saturating_add(7.days());
    let notice = |days: i64| business_day_on_or_after(due.saturating_add(days.days()));
    let notice_90 = notice(90);
    let resend_title = if late_fee {
        "Resend the invoice with the late fee added"
    } else {
        "Resend the invoice"
    };
    vec![
        step(
            PAYMENT_FOLLOW_UP,
            follow_up,
            "Follow up and call to confirm the invoice arrived",
            "Confirm they received the work and the invoice, and settle the next step: payment.",
            true,
        ),
        step(
            PAYMENT_RESEND,
            resend,
            resend_title,
            "Send it through every channel (email, certified mail, fax) and call to confirm it arrived.",
            true,
        ),
        step(
            PAYMENT_NOTICE_30,
            notice(30),
            "First late-payment notice (30 days past due)",
            "Firm and polite: demand payment, state the plan for legal action, enclose a copy of the invoice.",
            true,
        ),
        step(
            PAYMENT_NOTICE_60,
            notice(60),
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
            notice_90.saturating_add(7.days()),
            "Final notice, with a deadline before legal action",
            "The last letter: the balance, the days overdue, the original due date, the deadline, payment details and your contact details.",
            true,
        ),
    ]
}
