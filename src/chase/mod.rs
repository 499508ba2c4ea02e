//! The `chase` stage: takes where a silent client stands (the stage, the dates, the invoice)
//! and the contract's terms, and returns the follow-up ladder as dated [`Step`]s, each marked
//! done, due now or upcoming, with the values a step's letter is filled with (days overdue,
//! late fee, balance, deadline).
//!
//! Pure functions over [`jiff::civil::Date`]; money is [`rust_decimal::Decimal`]. Business days
//! are Monday to Friday without the public holidays of the contract's place
//! ([`Calendar`]); every step and deadline that falls on another day moves to the next
//! business day, and a date outside the holiday table is an error.
//!
//! ```text
//! ladder         the stages, the letters each sends, and the rungs of each ladder
//! deadline       the final notice's deadline (`--deadline 10bd`) and its bounds
//! business_days  the Tuesday of next week, days between dates
//! late_fee       the late fee owed on an invoice
//! balance        an invoice's account on a day: payments, late fee, balance
//! record         the chase record (`<client>.chase.yaml`): letters sent, calls, payments
//! record_fault   what is wrong with a record, as facts, in English and in Turkish
//! table          the schedule as the terminal shows it
//! words          the steps' titles and how-to in Turkish, for the files in that language
//! ```

mod balance;
mod business_days;
mod deadline;
mod ladder;
mod late_fee;
pub(crate) mod misuse;
pub mod record;
mod record_fault;
mod table;
#[cfg(test)]
mod tests;
mod words;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::error::Error;
use crate::format::Locale;
use crate::holidays::Calendar;
use crate::interest::{RateUnknown, Statutory};
use crate::model::{Language, Value};

pub use crate::model::minor_units;
pub use balance::{Balance, balance_on};
pub use business_days::days_between;
pub use deadline::Deadline;
pub use ladder::{
    FEEDBACK_KILL_FEE_NOTICE, FEEDBACK_PAUSE_WORK, LETTERS, PAYMENT_FINAL_NOTICE,
    PAYMENT_PAID_IN_FULL, Stage,
};
use ladder::{change, delivery, feedback, negotiating, payment};
#[cfg(test)]
use late_fee::late_fee;
use misuse::Misuse;
use record::Record;
pub use table::{recorded_in, render};

/// Whether a step is behind the freelancer, to do now, or ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Its date has passed and a later step's date has passed too; for a letter, the record
    /// does not say it was sent.
    Done,
    /// The latest step whose date has come, not recorded as sent.
    DueNow,
    /// Its date is after today.
    Upcoming,
    /// A letter the record says was sent, on that day.
    Sent(Date),
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
    /// Payment: the statutory interest the contract charges instead of a monthly late fee
    /// (`interest.statutory`), with the place's rule.
    pub statutory: Option<Statutory>,
    /// The ISO 4217 code of the contract's currency (`fees.currency`).
    pub currency: String,
    /// What the freelancer recorded: letters sent, calls, payments received.
    pub record: Record,
    /// Delivery: the contract's business days to review a delivery.
    pub review_days: Option<u32>,
    /// Change: what the change is, and its price.
    pub change: Option<(String, Decimal)>,
    /// The public holidays business days skip (the contract's place).
    pub calendar: Calendar,
    /// How dates and amounts are written.
    pub locale: Locale,
    /// The agreement's date, when the answers give it: no invoice falls due before it.
    pub agreement: Option<Date>,
}

/// The last year a schedule may start in: a ladder and its deadline take a few months, and
/// the calendar ends on 9999-12-31 (steps past it would all fall on that one day).
const LAST_YEAR: i16 = 9998;

/// The first year a date of a schedule may be in: anything earlier is a typing mistake.
const FIRST_YEAR: i16 = 1900;

/// Refuses an amount given with `option` that is finer than the smallest unit of `currency`
/// (`--payment 1250.50` in yen), as a usage error said in `language`.
pub fn refuse_finer_than_minor_unit(
    option: &'static str,
    amount: Decimal,
    currency: &str,
    language: Language,
) -> Result<(), Error> {
    match crate::model::finer_than_minor_unit(amount, currency) {
        Some(_) => Err(Misuse::Finer(option, amount, currency.to_owned()).error(language)),
        None => Ok(()),
    }
}

/// Refuses dates no schedule can be made from, each with what is wrong: a date so late that
/// the ladder would run past the end of the calendar (or before 1900), a final notice sent
/// before the invoice fell due, an invoice due before the agreement was made; and an amount
/// finer than its currency's smallest unit (`--amount 1250.50` in yen).
fn check_dates(inputs: &Inputs) -> Result<(), Error> {
    let language = inputs.locale.language();
    let due = inputs.invoice.as_ref().map(|invoice| invoice.due);
    for (what, date) in [
        (Some("--today"), Some(inputs.today)),
        (Some("--since"), inputs.since),
        (None, due),
        (Some("--final-notice-sent"), inputs.final_notice_sent),
    ] {
        if let Some(date) = date.filter(|d| d.year() > LAST_YEAR) {
            return Err(Misuse::PastTheCalendar(what, date).error(language));
        }
    }
    if let Some(date) = [
        Some(inputs.today),
        inputs.since,
        due,
        inputs.final_notice_sent,
    ]
    .into_iter()
    .flatten()
    .find(|d| d.year() < FIRST_YEAR)
    {
        return Err(Misuse::BeforeFirstYear(date).error(language));
    }
    let amounts = [
        (
            "--amount",
            inputs.invoice.as_ref().map(|invoice| invoice.amount),
        ),
        ("--price", inputs.change.as_ref().map(|(_, price)| *price)),
    ];
    for (option, amount) in amounts {
        if let Some(amount) = amount {
            refuse_finer_than_minor_unit(option, amount, &inputs.currency, language)?;
        }
    }
    if let (Some(due), Some(sent)) = (due, inputs.final_notice_sent)
        && sent < due
    {
        return Err(Misuse::NoticeBeforeDue(sent, due).error(language));
    }
    if let (Some(due), Some(agreement)) = (due, inputs.agreement)
        && due < agreement
    {
        return Err(Misuse::DueBeforeAgreement(due, agreement).error(language));
    }
    Ok(())
}

/// Business days to review a delivery when the answers give none.
pub const DEFAULT_REVIEW_DAYS: u32 = 5;

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
    /// The schedule with each step's title and how-to in `language` (the dates, statuses and
    /// values unchanged): the words of the calendar and of the letters' files.
    #[must_use]
    pub fn in_language(&self, language: Language) -> Schedule {
        let mut schedule = self.clone();
        if language == Language::Tr {
            let late_fee =
                self.inputs.late_fee_percent.is_some() || self.inputs.statutory.is_some();
            for step in &mut schedule.steps {
                if let Some((title, detail)) =
                    words::turkish(step, late_fee, self.inputs.kill_fee_days)
                {
                    step.title = title;
                    step.detail = detail;
                }
            }
        }
        schedule
    }

    /// The step that is due now, if any.
    #[must_use]
    pub fn due_now(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.status == Status::DueNow)
    }

    /// The date a step's letter carries: today for the step due now, the day it was sent for
    /// a letter the record says was sent, else the step's date.
    #[must_use]
    pub fn letter_date(&self, step: &Step) -> Date {
        match step.status {
            Status::DueNow => step.date.max(self.inputs.today),
            Status::Sent(on) => on,
            _ => step.date,
        }
    }

    /// The invoice's account on `date`: payments received by then, the late fee on the unpaid
    /// part, the balance. Zero without an invoice. The late fee is zero on a day whose
    /// statutory rate is not known; [`schedule`] refuses a schedule whose today is such a day,
    /// and [`Schedule::try_account_on`] says why.
    #[must_use]
    pub fn account_on(&self, date: Date) -> Balance {
        self.try_account_on(date).unwrap_or_else(|_| {
            let mut account = self.inputs.account(date, false).unwrap_or(ZERO);
            account.late_fee = Decimal::ZERO;
            account
        })
    }

    /// The invoice's account on `date`, or why its statutory interest cannot be worked out
    /// (a reference rate the profile's table does not know yet).
    pub fn try_account_on(&self, date: Date) -> Result<Balance, RateUnknown> {
        self.inputs.account(date, true)
    }

    /// The fixed compensation the statute gives for the late invoice (the UK Act's £40 to
    /// £100, BGB § 288(5)'s €40) once it is overdue on `date`; zero otherwise, and for a
    /// consumer or a monthly late fee.
    #[must_use]
    pub fn compensation_on(&self, date: Date) -> Decimal {
        match (&self.inputs.invoice, &self.inputs.statutory) {
            // The sum does not depend on the rate, so any rate will do to ask for it.
            (Some(invoice), Some(statutory)) => statutory
                .rule
                .interest(
                    invoice.amount,
                    invoice.due,
                    date,
                    statutory.debtor,
                    Some(Decimal::ZERO),
                )
                .map_or(Decimal::ZERO, |owed| owed.compensation),
            _ => Decimal::ZERO,
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

    /// The letter variables of `step`, by dotted key (see [`crate::letters::VARIABLES`]), or
    /// why the invoice's statutory interest on the letter's day cannot be worked out.
    pub fn letter_values(&self, step: &Step) -> Result<Vec<(&'static str, Value)>, Error> {
        let date = self.letter_date(step);
        let mut values = vec![("letter.date", Value::Date(date))];
        // What the record says was sent before, and only that: letters never assume it.
        let stage_letters: Vec<&str> = LETTERS
            .iter()
            .filter(|(_, stage)| *stage == self.inputs.stage)
            .map(|(id, _)| *id)
            .filter(|id| *id != step.id)
            .collect();
        if let Some(last) = stage_letters
            .iter()
            .filter_map(|id| self.inputs.record.sent_on(id))
            .filter(|on| *on < date)
            .max()
        {
            values.push(("letter.last_sent", Value::Date(last)));
        }
        if step.id == FEEDBACK_KILL_FEE_NOTICE
            && let Some(warning) = self.inputs.record.sent_on(FEEDBACK_PAUSE_WORK)
        {
            values.push(("letter.warning_sent", Value::Date(warning)));
        }
        if let Some(since) = self.inputs.since
            && self.inputs.stage != Stage::Payment
        {
            values.push(("letter.since", Value::Date(since)));
        }
        if let Some(invoice) = &self.inputs.invoice {
            let account = self.try_account_on(date).map_err(|why| {
                Misuse::LetterRate(date, step.title.clone(), why)
                    .error(self.inputs.locale.language())
            })?;
            values.extend([
                ("invoice.number", Value::Text(invoice.number.clone())),
                ("invoice.amount", Value::Number(invoice.amount)),
                ("invoice.due", Value::Date(invoice.due)),
                (
                    "invoice.days_overdue",
                    Value::Integer(self.days_overdue(date)),
                ),
                ("invoice.paid", Value::Number(account.paid)),
                (
                    "invoice.part_paid",
                    Value::Bool(account.paid > Decimal::ZERO),
                ),
                ("invoice.late_fee", Value::Number(account.late_fee)),
                ("invoice.balance", Value::Number(account.balance)),
            ]);
            // The statute's fixed sum is owed beside the balance, never inside it; a letter
            // claims it only where the statute gives one for this invoice.
            let compensation = self.compensation_on(date);
            values.push((
                "invoice.total",
                Value::Number(account.balance + compensation),
            ));
            if compensation > Decimal::ZERO
                && let Some(statutory) = &self.inputs.statutory
            {
                values.push(("invoice.compensation", Value::Number(compensation)));
                values.push((
                    "invoice.statute",
                    Value::Text(statutory.rule.statute.clone()),
                ));
            }
        }
        // The review period's end, as the ladder dated it (public holidays skipped).
        if let Some(ends) = self.steps.iter().find(|s| s.id == "delivery-review-ends") {
            values.push(("letter.review_ends", Value::Date(ends.date)));
        }
        if let Some((description, price)) = &self.inputs.change {
            values.push(("change.description", Value::Text(description.clone())));
            values.push(("change.price", Value::Number(*price)));
        }
        if step.id == PAYMENT_FINAL_NOTICE
            && let Some(deadline) = self.deadline
        {
            values.push(("letter.deadline", Value::Date(deadline)));
            values.push((
                "letter.deadline_period",
                Value::Text(self.inputs.deadline.words(self.inputs.locale)),
            ));
        }
        Ok(values)
    }
}

/// An account with nothing in it.
const ZERO: Balance = Balance {
    paid: Decimal::ZERO,
    unpaid: Decimal::ZERO,
    late_fee: Decimal::ZERO,
    balance: Decimal::ZERO,
};

impl Inputs {
    /// The invoice's account on `date`, its late fee the contract's: the monthly percentage,
    /// or the statutory interest (with `interest`; without it, none).
    fn account(&self, date: Date, interest: bool) -> Result<Balance, RateUnknown> {
        let Some(invoice) = &self.invoice else {
            return Ok(ZERO);
        };
        let payments = self.record.payments();
        let Some(statutory) = &self.statutory else {
            return Ok(balance_on(
                invoice.amount,
                invoice.due,
                &payments,
                self.late_fee_percent,
                date,
                minor_units(&self.currency),
            ));
        };
        let mut account = balance_on(
            invoice.amount,
            invoice.due,
            &payments,
            None,
            date,
            minor_units(&self.currency),
        );
        if interest {
            let owed = statutory.rule.interest_with_payments(
                invoice.amount,
                invoice.due,
                &payments,
                date,
                statutory.debtor,
                statutory.reference,
            )?;
            account.late_fee = owed.interest;
            account.balance = (invoice.amount + owed.interest - account.paid).max(Decimal::ZERO);
        }
        Ok(account)
    }
}

/// Builds the ladder for `inputs` and marks each step against `inputs.today`.
pub fn schedule(inputs: &Inputs) -> Result<Schedule, Error> {
    check_dates(inputs)?;
    // Statutory interest needs the reference rate of every day up to today.
    inputs
        .account(inputs.today, true)
        .map_err(|why| Misuse::Rate(why).error(inputs.locale.language()))?;
    let mut steps = match inputs.stage {
        Stage::Negotiating => negotiating(required_since(inputs)?, &inputs.calendar)?,
        Stage::Feedback => feedback(
            required_since(inputs)?,
            inputs.kill_fee_days,
            &inputs.calendar,
        )?,
        Stage::Delivery => delivery(
            required_since(inputs)?,
            inputs.review_days.unwrap_or(DEFAULT_REVIEW_DAYS),
            &inputs.calendar,
        )?,
        Stage::Change => change(required_since(inputs)?, &inputs.calendar)?,
        Stage::Payment => {
            let invoice = inputs.invoice.as_ref().ok_or_else(|| {
                Error::Usage(
                    "the payment stage needs an invoice: --invoice, --amount and --due".into(),
                )
            })?;
            payment(
                invoice.due,
                inputs.late_fee_percent.is_some() || inputs.statutory.is_some(),
                &inputs.calendar,
            )?
        }
    };
    let paid_in_full = paid_in_full_on(inputs);
    if let Some(paid) = paid_in_full {
        // Nothing is left to chase: keep what was sent, and thank the client.
        steps.retain(|s| inputs.record.sent_on(s.id).is_some());
        steps.push(step(
            PAYMENT_PAID_IN_FULL,
            paid,
            "Confirm the payment in full, and hand over the files",
            "The invoice is paid with its late fee. If nothing else is owed under the contract, the rights pass now: send the final files.",
            true,
        ));
    }
    // On a tie, the step that sends a letter comes last, so it is the one due now.
    steps.sort_by_key(|s| (s.date, s.letter));
    mark(&mut steps, inputs.today);
    let mut deadline = None;
    let final_notice_sent = inputs
        .final_notice_sent
        .or_else(|| inputs.record.sent_on(PAYMENT_FINAL_NOTICE));
    if inputs.stage == Stage::Payment && paid_in_full.is_none() {
        let final_index = steps.iter().position(|s| s.id == PAYMENT_FINAL_NOTICE);
        let planned = final_index.map_or(inputs.today, |i| steps[i].date);
        // The deadline counts from the day the notice goes out: the day given, else today once
        // its date has come (it is then the letter due now), else its planned date. The court
        // step can never come due before the client has had the whole deadline.
        let sent = match final_notice_sent {
            Some(sent) => sent,
            None if inputs.today >= planned => inputs.today,
            None => planned,
        };
        let end = inputs
            .deadline
            .end(sent, &inputs.calendar)
            .map_err(Error::Usage)?;
        deadline = Some(end);
        if let (Some(i), Some(sent)) = (final_index, final_notice_sent) {
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
        // A final notice already sent is sent, and nothing else is due until its deadline.
        if let Some(sent) = final_notice_sent {
            for step in &mut steps {
                if step.id == PAYMENT_FINAL_NOTICE && step.status != Status::Upcoming {
                    step.status = Status::Sent(sent);
                }
            }
        }
    }
    // A letter is sent when the record says so, never because its date has passed.
    for step in &mut steps {
        if step.letter
            && let Some(on) = inputs.record.sent_on(step.id)
        {
            step.status = Status::Sent(on);
        }
    }
    Ok(Schedule {
        inputs: inputs.clone(),
        steps,
        deadline,
    })
}

/// The day the recorded payments, with the late fee to that day, first cover the invoice, if
/// that day has come.
fn paid_in_full_on(inputs: &Inputs) -> Option<Date> {
    inputs.invoice.as_ref()?;
    let payments = inputs.record.payments();
    payments
        .iter()
        .map(|(on, _)| *on)
        .filter(|on| *on <= inputs.today)
        .find(|on| {
            inputs
                .account(*on, true)
                .is_ok_and(|a| a.balance == Decimal::ZERO)
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

pub(super) fn step(id: &'static str, date: Date, title: &str, detail: &str, letter: bool) -> Step {
    Step {
        id,
        date,
        title: title.to_owned(),
        detail: detail.to_owned(),
        letter,
        status: Status::Upcoming,
    }
}
