//! The `chase` stage: takes where a silent client stands (the stage, the dates, the invoice)
//! and the contract's terms, and returns the follow-up ladder as dated [`Step`]s, each marked
//! done, due now or upcoming, with the values a step's letter is filled with (days overdue,
//! late fee, balance, deadline).
//!
//! Pure functions over [`jiff::civil::Date`]; money is [`rust_decimal::Decimal`]. Business days
//! are Monday to Friday: there is no public-holiday calendar.

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan as _;
use jiff::civil::{Date, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::answers::Value;
use crate::error::Error;

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

/// Whether a step is behind the freelancer, to do now, or ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Its date has passed and a later step's date has passed too.
    Done,
    /// The latest step whose date has come.
    DueNow,
    /// Its date is after today.
    Upcoming,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Done => "done",
            Status::DueNow => "due now",
            Status::Upcoming => "upcoming",
        })
    }
}

/// One rung of the ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Stable id; for a step that sends a letter, the letter's id.
    pub id: &'static str,
    /// The day to do it.
    pub date: Date,
    /// What to do, in a few words.
    pub title: String,
    /// How to do it.
    pub detail: String,
    /// Whether the step sends a letter (a file in the library's `letters/`).
    pub letter: bool,
    /// Done, due now or upcoming, relative to today.
    pub status: Status,
}

/// The unpaid invoice of the payment stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// The invoice's number, as printed on it.
    pub number: String,
    /// The amount invoiced.
    pub amount: Decimal,
    /// The day payment was due.
    pub due: Date,
}

/// How long the final notice gives the client to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Business days (Monday to Friday) after the notice.
    BusinessDays(u32),
    /// Calendar days after the notice.
    Days(u32),
}

/// The longest deadline the final notice may give, in calendar days.
pub const MAX_DEADLINE_DAYS: i64 = 30;
/// The shortest deadline the final notice may give, in business days.
pub const MIN_DEADLINE_BUSINESS_DAYS: u32 = 5;

impl Default for Deadline {
    fn default() -> Self {
        Deadline::BusinessDays(MIN_DEADLINE_BUSINESS_DAYS)
    }
}

impl FromStr for Deadline {
    type Err = String;

    /// `5bd` (business days) or `14d` (calendar days).
    fn from_str(text: &str) -> Result<Self, String> {
        let trimmed = text.trim();
        let (digits, business) = if let Some(n) = trimmed.strip_suffix("bd") {
            (n, true)
        } else if let Some(n) = trimmed.strip_suffix('d') {
            (n, false)
        } else {
            return Err(format!(
                "`{text}` is not a deadline; write business days as `5bd` or calendar days as `14d`"
            ));
        };
        let n: u32 = digits.trim().parse().map_err(|_| {
            format!(
                "`{text}` is not a deadline; write business days as `5bd` or calendar days as `14d`"
            )
        })?;
        // Thirty calendar days hold at most twenty-two business days; refusing more here keeps
        // date arithmetic away from absurd spans.
        let most = if business { 22 } else { MAX_DEADLINE_DAYS };
        if i64::from(n) > most {
            return Err(format!(
                "--deadline {trimmed} is longer than {MAX_DEADLINE_DAYS} calendar days; the deadline may be at most `{MAX_DEADLINE_DAYS}d`"
            ));
        }
        Ok(if business {
            Deadline::BusinessDays(n)
        } else {
            Deadline::Days(n)
        })
    }
}

impl Deadline {
    /// The last day to pay for a notice sent on `sent`, or why the deadline is out of bounds
    /// (at least five business days, at most thirty calendar days).
    pub fn end(self, sent: Date) -> Result<Date, String> {
        let end = match self {
            Deadline::BusinessDays(n) => add_business_days(sent, n),
            Deadline::Days(n) => sent.saturating_add(i64::from(n).days()),
        };
        if end < add_business_days(sent, MIN_DEADLINE_BUSINESS_DAYS) {
            return Err(format!(
                "--deadline {self} is shorter than {MIN_DEADLINE_BUSINESS_DAYS} business days; give the client at least `{MIN_DEADLINE_BUSINESS_DAYS}bd`"
            ));
        }
        let days = days_between(sent, end);
        if days > MAX_DEADLINE_DAYS {
            return Err(format!(
                "--deadline {self} ends {days} days after the final notice; the deadline may be at most {MAX_DEADLINE_DAYS} calendar days (`{MAX_DEADLINE_DAYS}d`)"
            ));
        }
        Ok(end)
    }

    /// How a letter words it: `five (5) business days`.
    #[must_use]
    pub fn words(self) -> String {
        let (n, unit) = match self {
            Deadline::BusinessDays(n) => (n, "business days"),
            Deadline::Days(n) => (n, "days"),
        };
        format!(
            "{} ({n}) {unit}",
            crate::render::number_words(Decimal::from(n))
        )
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::BusinessDays(n) => write!(f, "{n}bd"),
            Deadline::Days(n) => write!(f, "{n}d"),
        }
    }
}

/// What the ladder is built from.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Where the client went silent.
    pub stage: Stage,
    /// Negotiating and feedback: the day of the unanswered message.
    pub since: Option<Date>,
    /// Payment: the unpaid invoice.
    pub invoice: Option<Invoice>,
    /// The day the ladder is read against.
    pub today: Date,
    /// The final notice's deadline.
    pub deadline: Deadline,
    /// Payment: the day the final notice was sent, when the freelancer says so.
    pub final_notice_sent: Option<Date>,
    /// Feedback: the contract's business days of silence before the kill fee applies, when the
    /// contract has one.
    pub kill_fee_days: Option<u32>,
    /// Payment: the contract's late fee per month, in percent, when the contract has one.
    pub late_fee_percent: Option<Decimal>,
    /// The ISO 4217 code of the contract's currency (`fees.currency`).
    pub currency: String,
}

/// The ladder read against today.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// What it was built from.
    pub inputs: Inputs,
    /// The steps, by date.
    pub steps: Vec<Step>,
    /// Payment: the final notice's last day to pay.
    pub deadline: Option<Date>,
}

impl Schedule {
    /// The step that is due now, if any.
    #[must_use]
    pub fn due_now(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.status == Status::DueNow)
    }

    /// The date a step's letter carries: today for the step due now, else the step's date.
    #[must_use]
    pub fn letter_date(&self, step: &Step) -> Date {
        if step.status == Status::DueNow {
            step.date.max(self.inputs.today)
        } else {
            step.date
        }
    }

    /// Days the invoice is overdue on `date` (zero before it falls due).
    #[must_use]
    pub fn days_overdue(&self, date: Date) -> i64 {
        self.inputs
            .invoice
            .as_ref()
            .map_or(0, |invoice| days_between(invoice.due, date).max(0))
    }

    /// The late fee owed on `date`: zero without an invoice or a late fee in the contract.
    #[must_use]
    pub fn late_fee_on(&self, date: Date) -> Decimal {
        match (&self.inputs.invoice, self.inputs.late_fee_percent) {
            (Some(invoice), Some(percent)) => late_fee(
                invoice.amount,
                percent,
                self.days_overdue(date),
                minor_units(&self.inputs.currency),
            ),
            _ => Decimal::ZERO,
        }
    }

    /// The letter variables of `step`, by dotted key (see [`crate::letters::VARIABLES`]).
    #[must_use]
    pub fn letter_values(&self, step: &Step) -> Vec<(&'static str, Value)> {
        let date = self.letter_date(step);
        let mut values = vec![("letter.date", Value::Date(date))];
        if let Some(since) = self.inputs.since
            && self.inputs.stage != Stage::Payment
        {
            values.push(("letter.since", Value::Date(since)));
        }
        if let Some(invoice) = &self.inputs.invoice {
            let fee = self.late_fee_on(date);
            values.extend([
                ("invoice.number", Value::Text(invoice.number.clone())),
                ("invoice.amount", Value::Number(invoice.amount)),
                ("invoice.due", Value::Date(invoice.due)),
                (
                    "invoice.days_overdue",
                    Value::Integer(self.days_overdue(date)),
                ),
                ("invoice.late_fee", Value::Number(fee)),
                ("invoice.balance", Value::Number(invoice.amount + fee)),
            ]);
        }
        if step.id == PAYMENT_FINAL_NOTICE
            && let Some(deadline) = self.deadline
        {
            values.push(("letter.deadline", Value::Date(deadline)));
            values.push((
                "letter.deadline_period",
                Value::Text(self.inputs.deadline.words()),
            ));
        }
        values
    }
}

/// Builds the ladder for `inputs` and marks each step against `inputs.today`.
pub fn schedule(inputs: &Inputs) -> Result<Schedule, Error> {
    let mut steps = match inputs.stage {
        Stage::Negotiating => negotiating(required_since(inputs)?),
        Stage::Feedback => feedback(required_since(inputs)?, inputs.kill_fee_days),
        Stage::Payment => {
            let invoice = inputs.invoice.as_ref().ok_or_else(|| {
                Error::Usage(
                    "the payment stage needs an invoice: --invoice, --amount and --due".into(),
                )
            })?;
            payment(invoice.due, inputs.late_fee_percent.is_some())
        }
    };
    // On a tie, the step that sends a letter comes last, so it is the one due now.
    steps.sort_by_key(|s| (s.date, s.letter));
    mark(&mut steps, inputs.today);
    let mut deadline = None;
    if inputs.stage == Stage::Payment {
        let final_index = steps.iter().position(|s| s.id == PAYMENT_FINAL_NOTICE);
        let planned = final_index.map_or(inputs.today, |i| steps[i].date);
        // The deadline counts from the day the notice goes out: the day given, else today once
        // its date has come (it is then the letter due now), else its planned date. The court
        // step can never come due before the client has had the whole deadline.
        let sent = match inputs.final_notice_sent {
            Some(sent) => sent,
            None if inputs.today >= planned => inputs.today,
            None => planned,
        };
        let end = inputs.deadline.end(sent).map_err(Error::Usage)?;
        deadline = Some(end);
        if let (Some(i), Some(sent)) = (final_index, inputs.final_notice_sent) {
            steps[i].date = sent;
        }
        let step = Step {
            id: "payment-deadline",
            date: end,
            title: "Deadline of the final notice: take the claim to court".into(),
            detail: "If the balance is still unpaid, file a claim in the small-claims court named in the contract's governing-law clause; bring the contract, the invoice and copies of every letter.".into(),
            letter: false,
            status: Status::Upcoming,
        };
        steps.push(step);
        steps.sort_by_key(|s| (s.date, s.letter));
        mark(&mut steps, inputs.today);
        // A final notice already sent is done, and nothing else is due until its deadline.
        if inputs.final_notice_sent.is_some() {
            for step in &mut steps {
                if step.status == Status::DueNow && step.id == PAYMENT_FINAL_NOTICE {
                    step.status = Status::Done;
                }
            }
        }
    }
    Ok(Schedule {
        inputs: inputs.clone(),
        steps,
        deadline,
    })
}

fn required_since(inputs: &Inputs) -> Result<Date, Error> {
    let since = inputs.since.ok_or_else(|| {
        Error::Usage(format!(
            "the {} stage needs --since DATE, the day of the message that went unanswered",
            inputs.stage.name()
        ))
    })?;
    if since > inputs.today {
        return Err(Error::Usage(format!(
            "--since {since} is after today ({}); give the day the unanswered message was sent",
            inputs.today
        )));
    }
    Ok(since)
}

/// Marks the latest step whose date has come as due now, earlier ones done, later ones
/// upcoming.
fn mark(steps: &mut [Step], today: Date) {
    let current = steps.iter().rposition(|s| s.date <= today);
    for (index, step) in steps.iter_mut().enumerate() {
        step.status = match current {
            Some(c) if index < c => Status::Done,
            Some(c) if index == c => Status::DueNow,
            _ => Status::Upcoming,
        };
    }
}

fn step(id: &'static str, date: Date, title: &str, detail: &str, letter: bool) -> Step {
    Step {
        id,
        date,
        title: title.to_owned(),
        detail: detail.to_owned(),
        letter,
        status: Status::Upcoming,
    }
}

/// A follow-up 4 to 7 days after the unanswered message (the first business day from the
/// fourth), and a last check-in a week after that.
fn negotiating(since: Date) -> Vec<Step> {
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
fn feedback(since: Date, kill_fee_days: Option<u32>) -> Vec<Step> {
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
fn payment(due: Date, late_fee: bool) -> Vec<Step> {
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

/// The schedule as the terminal shows it: what is being chased, the amounts owed today, one
/// line per step, and what to do now.
#[must_use]
pub fn render(schedule: &Schedule, client: &str) -> String {
    let inputs = &schedule.inputs;
    let money = |amount: Decimal| {
        crate::render::format_money(amount, &inputs.currency).unwrap_or_else(|| amount.to_string())
    };
    let mut out = String::new();
    match (&inputs.invoice, inputs.since) {
        (Some(invoice), _) => {
            out.push_str(&format!(
                "{client}: invoice {} for {}, due {}\n",
                invoice.number,
                money(invoice.amount),
                crate::render::long_date(invoice.due)
            ));
            let days = schedule.days_overdue(inputs.today);
            if days > 0 {
                let fee = schedule.late_fee_on(inputs.today);
                out.push_str(&format!(
                    "{}: {days} days overdue, late fee {}, balance {}\n",
                    crate::render::long_date(inputs.today),
                    money(fee),
                    money(invoice.amount + fee)
                ));
            } else {
                out.push_str(&format!(
                    "{}: not overdue yet\n",
                    crate::render::long_date(inputs.today)
                ));
            }
        }
        (None, Some(since)) => out.push_str(&format!(
            "{client}: {} since {}\n",
            match inputs.stage {
                Stage::Feedback => "feedback owed",
                _ => "no answer",
            },
            crate::render::long_date(since)
        )),
        (None, None) => {}
    }
    out.push('\n');
    for step in &schedule.steps {
        out.push_str(&format!(
            "  {:<9} {}  {}\n",
            step.status.to_string(),
            step.date.strftime("%a %Y-%m-%d"),
            step.title
        ));
    }
    out.push('\n');
    if let Some(step) = schedule.due_now() {
        out.push_str(&format!("Now: {}. {}\n", step.title, step.detail));
    } else {
        let next = schedule.steps.first().map_or_else(String::new, |s| {
            format!("; the first step is on {}", s.date.strftime("%a %Y-%m-%d"))
        });
        out.push_str(&format!("Nothing to send yet{next}.\n"));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Dates

/// Whether `date` is a business day: Monday to Friday (public holidays are not known).
#[must_use]
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `date`, or the Monday after it when it falls on a weekend.
#[must_use]
pub fn business_day_on_or_after(date: Date) -> Date {
    let mut day = date;
    while !is_business_day(day) {
        day = day.saturating_add(1.days());
    }
    day
}

/// The `n`th business day after `date` (weekends skipped; `date` itself is not counted).
#[must_use]
pub fn add_business_days(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.saturating_add(1.days());
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// The Tuesday of the calendar week (Monday to Sunday) after the one holding `date`.
#[must_use]
pub fn tuesday_of_next_week(date: Date) -> Date {
    let monday = date.saturating_add((-i64::from(date.weekday().to_monday_zero_offset())).days());
    monday.saturating_add(8.days())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
#[must_use]
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

// ---------------------------------------------------------------------------------------------
// Money

/// The late fee on `amount` for `days` overdue at `percent_per_month`: simple interest charged
/// for each day at twelve months' rate over 365 days, rounded to the currency's `minor_units`
/// with halves away from zero.
#[must_use]
pub fn late_fee(
    amount: Decimal,
    percent_per_month: Decimal,
    days: i64,
    minor_units: u32,
) -> Decimal {
    if days <= 0 {
        return Decimal::ZERO;
    }
    // Multiply before dividing so that the only rounding is the final one.
    let numerator = amount * percent_per_month * Decimal::from(days) * Decimal::from(12);
    (numerator / Decimal::from(36_500))
        .round_dp_with_strategy(minor_units, RoundingStrategy::MidpointAwayFromZero)
}

/// Decimal places of the ISO 4217 currency `code` (2 when unknown).
#[must_use]
pub fn minor_units(code: &str) -> u32 {
    rusty_money::iso::find(code).map_or(2, |c| c.exponent)
}

#[cfg(test)]
mod tests {
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
            currency: "USD".into(),
        }
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
        assert_eq!(add_business_days(date(2026, 5, 1), 1), date(2026, 5, 4));
        assert_eq!(add_business_days(date(2026, 5, 1), 5), date(2026, 5, 8));
        // From a Saturday, the first business day counted is the Monday.
        assert_eq!(add_business_days(date(2026, 5, 2), 1), date(2026, 5, 4));
        assert_eq!(add_business_days(date(2026, 5, 4), 0), date(2026, 5, 4));
        assert_eq!(business_day_on_or_after(date(2026, 5, 2)), date(2026, 5, 4));
        assert_eq!(business_day_on_or_after(date(2026, 5, 3)), date(2026, 5, 4));
        assert_eq!(business_day_on_or_after(date(2026, 5, 5)), date(2026, 5, 5));
    }

    #[test]
    fn business_days_cross_month_ends_and_leap_days() {
        // Thursday 2024-02-29 (a leap day) + 2 business days is Monday 2024-03-04.
        assert_eq!(add_business_days(date(2024, 2, 29), 2), date(2024, 3, 4));
        // Wednesday 2025-12-31 + 3 business days is Monday 2026-01-05.
        assert_eq!(add_business_days(date(2025, 12, 31), 3), date(2026, 1, 5));
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
            let follow_up = negotiating(since)[0].date;
            let days = days_between(since, follow_up);
            assert!((4..=7).contains(&days), "{since} → {follow_up}");
            assert!(is_business_day(follow_up));
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
                    "feedback-kill-fee",
                    "Thu 2026-05-28".into(),
                    Status::Upcoming
                ),
            ]
        );
    }

    #[test]
    fn on_a_shared_date_the_letter_is_the_step_due_now() {
        // With eleven days of silence, the kill fee applies on the pause-work notice's day;
        // the letter must still be the one written.
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
            .find(|s| s.id == "feedback-kill-fee")
            .unwrap();
        assert_eq!(
            (kill_fee.date, kill_fee.status),
            (date(2026, 5, 21), Status::Done)
        );
    }

    #[test]
    fn payment_ladder_64_days_overdue() {
        // Due Monday 2026-03-02; today 2026-05-05 is 64 days later.
        let schedule = schedule(&payment_inputs(date(2026, 3, 2), date(2026, 5, 5))).unwrap();
        assert_eq!(
            dated(&schedule),
            [
                (PAYMENT_FOLLOW_UP, "Tue 2026-03-03".into(), Status::Done),
                (PAYMENT_RESEND, "Tue 2026-03-10".into(), Status::Done),
                (PAYMENT_NOTICE_30, "Wed 2026-04-01".into(), Status::Done),
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
        let values = schedule.letter_values(due_now);
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
        assert_eq!(schedule.late_fee_on(date(2026, 5, 5)), Decimal::ZERO);
    }

    #[test]
    fn final_notice_due_now_counts_the_deadline_from_today() {
        // The final notice was due Monday 2026-06-08; sent on Wednesday 2026-06-10 it gives
        // five business days from then.
        let schedule = schedule(&payment_inputs(date(2026, 3, 2), date(2026, 6, 10))).unwrap();
        let due_now = schedule.due_now().unwrap();
        assert_eq!(due_now.id, PAYMENT_FINAL_NOTICE);
        assert_eq!(schedule.deadline, Some(date(2026, 6, 17)));
        let values = schedule.letter_values(due_now);
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
        // Sent but its deadline not yet over: nothing is due, the notice is done.
        sent.today = date(2026, 6, 10);
        let waiting = schedule(&sent).unwrap();
        assert!(waiting.due_now().is_none(), "{:?}", waiting.steps);
        let notice = waiting
            .steps
            .iter()
            .find(|s| s.id == "payment-final-notice")
            .unwrap();
        assert_eq!(notice.status, Status::Done);
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
        assert_eq!(Deadline::default().end(friday), Ok(date(2026, 6, 12)));
        assert_eq!(
            "14d".parse::<Deadline>().unwrap().end(friday),
            Ok(date(2026, 6, 19))
        );
        assert_eq!(
            "30d".parse::<Deadline>().unwrap().end(friday),
            Ok(date(2026, 7, 5))
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
            Err("--deadline 25bd is longer than 30 calendar days; the deadline may be at most `30d`".into())
        );
        // Absurd spans are refused before any date arithmetic (they used to panic or hang).
        assert!("4000000000d".parse::<Deadline>().is_err());
        assert!("4000000000bd".parse::<Deadline>().is_err());
        assert_eq!(
            "22bd".parse::<Deadline>().unwrap().end(friday),
            Err("--deadline 22bd ends 32 days after the final notice; the deadline may be at most 30 calendar days (`30d`)".into())
        );
        assert_eq!(
            "4bd".parse::<Deadline>().unwrap().end(friday),
            Err(
                "--deadline 4bd is shorter than 5 business days; give the client at least `5bd`"
                    .into()
            )
        );
        assert_eq!(
            "6d".parse::<Deadline>().unwrap().end(friday),
            Err(
                "--deadline 6d is shorter than 5 business days; give the client at least `5bd`"
                    .into()
            )
        );
        assert_eq!(
            "5 weeks".parse::<Deadline>(),
            Err("`5 weeks` is not a deadline; write business days as `5bd` or calendar days as `14d`".into())
        );
        assert_eq!(
            "10bd".parse::<Deadline>().unwrap().words(),
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
}
