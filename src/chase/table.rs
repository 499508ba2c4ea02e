//! The schedule as the terminal shows it: what is being chased, the amounts owed today, one
//! line per step, and what to do now, in the language of the schedule's locale (the letters'
//! language): the table's own words from [`Words`], the steps' from the schedule (see
//! [`Schedule::in_language`](super::Schedule::in_language)), every amount, date and count
//! through `format`.

use rust_decimal::Decimal;

use super::{Schedule, Stage, Status};
use crate::format::{self, Locale};
use crate::model::Language;

/// The table's own words in one language; values come in already formatted.
struct Words {
    /// The invoice line: client, number, amount, due date.
    invoice: fn(&str, &str, &str, &str) -> String,
    /// Paid in full: today, the payments (`None` when none), the late fee.
    paid_in_full: fn(&str, Option<&str>, &str) -> String,
    /// Overdue: today, the days, the payments (`None` when none), the late fee, the balance.
    overdue: fn(&str, &str, Option<&str>, &str, &str) -> String,
    /// The statute's fixed compensation for a late invoice.
    compensation: fn(&str) -> String,
    /// Not overdue yet: today.
    not_overdue: fn(&str) -> String,
    /// What has been waited for since a date, by stage: client, date.
    since: fn(Stage, &str, &str) -> String,
    /// A step's status, for a step that does (`true`) or does not send a letter, and the day
    /// a letter was sent (formatted): a letter is "sent on", "to send" or "overdue to send",
    /// never guessed "done".
    status: fn(Status, bool, &str) -> String,
    /// The step due now: its title and how-to.
    now: fn(&str, &str) -> String,
    /// Nothing due now; the next step's date.
    next_on: fn(&str) -> String,
    /// Nothing left.
    nothing_left: &'static str,
    /// `--record` added its entry to the record at a path.
    recorded_in: fn(&str) -> String,
}

const ENGLISH: Words = Words {
    invoice: |client, number, amount, due| {
        format!("{client}: invoice {number} for {amount}, due {due}")
    },
    paid_in_full: |today, paid, fee| {
        let paid = paid.map(|p| format!(", paid {p}")).unwrap_or_default();
        format!("{today}: paid in full{paid}, late fee {fee}")
    },
    overdue: |today, days, paid, fee, balance| {
        let paid = paid.map(|p| format!(", paid {p}")).unwrap_or_default();
        format!("{today}: {days} days overdue{paid}, late fee {fee}, balance {balance}")
    },
    compensation: |amount| {
        format!("Also owed: the statute's fixed compensation of {amount} for a late invoice")
    },
    not_overdue: |today| format!("{today}: not overdue yet"),
    since: |stage, client, date| {
        let what = match stage {
            Stage::Feedback => "feedback owed since",
            Stage::Delivery => "final work sent for review on",
            Stage::Change => "change agreed on",
            _ => "no answer since",
        };
        format!("{client}: {what} {date}")
    },
    status: |status, letter, sent_on| match (status, letter) {
        (Status::Sent(_), _) => format!("sent on {sent_on}"),
        (Status::DueNow, true) => "to send".into(),
        (Status::DueNow, false) => "due now".into(),
        (Status::Done, true) => "overdue to send".into(),
        (Status::Done, false) => "done".into(),
        (Status::Upcoming, _) => "upcoming".into(),
    },
    now: |title, detail| format!("Now: {title}. {detail}"),
    next_on: |date| format!("Nothing to do now; the next step is on {date}."),
    nothing_left: "Nothing left to do.",
    recorded_in: |path| format!("recorded in {path}"),
};

/// Turkish, in the register of the Turkish letters' how-to: "Gecikme Faizi" is the Turkish
/// contract's defined term for the late fee.
const TURKISH: Words = Words {
    invoice: |client, number, amount, due| {
        format!("{client}: {number} numaralı fatura, {amount}, son ödeme günü {due}")
    },
    paid_in_full: |today, paid, fee| {
        let paid = paid.map(|p| format!(" ({p} ödendi)")).unwrap_or_default();
        format!("{today}: tamamı ödendi{paid}, Gecikme Faizi {fee}")
    },
    overdue: |today, days, paid, fee, balance| {
        let paid = paid.map(|p| format!(", {p} ödendi")).unwrap_or_default();
        format!("{today}: vadesi {days} gün geçti{paid}, Gecikme Faizi {fee}, kalan borç {balance}")
    },
    compensation: |amount| {
        format!(
            "Ayrıca: geç ödenen fatura için kanunun öngördüğü {amount} tutarında sabit tazminat"
        )
    },
    not_overdue: |today| format!("{today}: vadesi henüz gelmedi"),
    since: |stage, client, date| match stage {
        Stage::Feedback => format!("{client}: {date} tarihinden beri geri bildirim bekleniyor"),
        Stage::Delivery => format!("{client}: nihai iş {date} tarihinde incelemeye gönderildi"),
        Stage::Change => format!("{client}: değişiklik {date} tarihinde kararlaştırıldı"),
        _ => format!("{client}: {date} tarihinden beri yanıt yok"),
    },
    status: |status, letter, sent_on| match (status, letter) {
        (Status::Sent(_), _) => format!("{sent_on} gönderildi"),
        (Status::DueNow, true) => "gönderilecek".into(),
        (Status::DueNow, false) => "şimdi yapılacak".into(),
        (Status::Done, true) => "gönderilmesi gecikti".into(),
        (Status::Done, false) => "yapıldı".into(),
        (Status::Upcoming, _) => "sırada".into(),
    },
    now: |title, detail| format!("Şimdi: {title}. {detail}"),
    next_on: |date| format!("Şimdilik yapılacak bir şey yok; sonraki adımın günü {date}."),
    nothing_left: "Yapılacak başka bir şey kalmadı.",
    recorded_in: |path| format!("Kayıt, {path} dosyasına işlendi."),
};

/// The width of the status column in a language: its longest status, so that the column
/// stands still from one run to the next.
fn status_width(words: &Words, locale: Locale) -> usize {
    let day = format::numeric_date(jiff::civil::date(2026, 12, 31), locale);
    let statuses = [
        Status::Done,
        Status::DueNow,
        Status::Upcoming,
        Status::Sent(jiff::civil::date(2026, 12, 31)),
    ];
    statuses
        .into_iter()
        .flat_map(|status| [true, false].map(|letter| (words.status)(status, letter, &day)))
        .map(|status| status.chars().count())
        .max()
        .unwrap_or(0)
}

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

/// What `--record` says once its entry is in the record at `path`, in `language`.
#[must_use]
pub fn recorded_in(path: &str, language: Language) -> String {
    (words(language).recorded_in)(path)
}

/// The schedule as the terminal shows it: what is being chased, the amounts owed today, one
/// line per step, and what to do now, in the language of the schedule's locale.
#[must_use]
pub fn render(schedule: &Schedule, client: &str) -> String {
    let inputs = &schedule.inputs;
    let locale: Locale = inputs.locale;
    let words = words(locale.language());
    let money = |amount: Decimal| {
        format::money(amount, &inputs.currency, locale).unwrap_or_else(|| amount.to_string())
    };
    let long = |date| format::long_date(date, locale);
    let short = |date| format::short_date(date, locale);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    match (&inputs.invoice, inputs.since) {
        (Some(invoice), _) => {
            line((words.invoice)(
                client,
                &invoice.number,
                &money(invoice.amount),
                &long(invoice.due),
            ));
            let days = schedule.days_overdue(inputs.today);
            let account = schedule.account_on(inputs.today);
            let paid = (account.paid > Decimal::ZERO).then(|| money(account.paid));
            let today = long(inputs.today);
            if account.paid > Decimal::ZERO && account.balance == Decimal::ZERO {
                line((words.paid_in_full)(
                    &today,
                    paid.as_deref(),
                    &money(account.late_fee),
                ));
            } else if days > 0 {
                line((words.overdue)(
                    &today,
                    &format::digits(Decimal::from(days), locale),
                    paid.as_deref(),
                    &money(account.late_fee),
                    &money(account.balance),
                ));
                let compensation = schedule.compensation_on(inputs.today);
                if compensation > Decimal::ZERO {
                    line((words.compensation)(&money(compensation)));
                }
            } else {
                line((words.not_overdue)(&today));
            }
        }
        (None, Some(since)) => line((words.since)(inputs.stage, client, &long(since))),
        (None, None) => {}
    }
    out.push('\n');
    let statuses: Vec<String> = (schedule.steps.iter())
        .map(|step| {
            let sent_on = match step.status {
                Status::Sent(on) => format::numeric_date(on, locale),
                _ => String::new(),
            };
            (words.status)(step.status, step.letter, &sent_on)
        })
        .collect();
    let width = status_width(words, locale);
    for (step, status) in schedule.steps.iter().zip(&statuses) {
        out.push_str(&format!(
            "  {status:<width$} {}  {}\n",
            short(step.date),
            step.title
        ));
    }
    out.push('\n');
    if let Some(step) = schedule.due_now() {
        out.push_str(&(words.now)(&step.title, &step.detail));
    } else {
        match schedule.steps.iter().find(|s| s.status == Status::Upcoming) {
            Some(next) if next.date > inputs.today => {
                out.push_str(&(words.next_on)(&short(next.date)));
            }
            _ => out.push_str(words.nothing_left),
        }
    }
    out.push('\n');
    out
}
