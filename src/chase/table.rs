//! The schedule as the terminal shows it: what is being chased, the amounts owed today, one
//! line per step, and what to do now.

use rust_decimal::Decimal;

use super::{Schedule, Stage, Status};
use crate::format;

/// The schedule as the terminal shows it: what is being chased, the amounts owed today, one
/// line per step, and what to do now.
#[must_use]
pub fn render(schedule: &Schedule, client: &str) -> String {
    let inputs = &schedule.inputs;
    let money = |amount: Decimal| {
        format::money(amount, &inputs.currency, inputs.locale).unwrap_or_else(|| amount.to_string())
    };
    let mut out = String::new();
    match (&inputs.invoice, inputs.since) {
        (Some(invoice), _) => {
            out.push_str(&format!(
                "{client}: invoice {} for {}, due {}\n",
                invoice.number,
                money(invoice.amount),
                format::long_date(invoice.due, inputs.locale)
            ));
            let days = schedule.days_overdue(inputs.today);
            let account = schedule.account_on(inputs.today);
            let paid = if account.paid > Decimal::ZERO {
                format!(", paid {}", money(account.paid))
            } else {
                String::new()
            };
            if account.paid > Decimal::ZERO && account.balance == Decimal::ZERO {
                out.push_str(&format!(
                    "{}: paid in full{paid}, late fee {}\n",
                    format::long_date(inputs.today, inputs.locale),
                    money(account.late_fee)
                ));
            } else if days > 0 {
                out.push_str(&format!(
                    "{}: {days} days overdue{paid}, late fee {}, balance {}\n",
                    format::long_date(inputs.today, inputs.locale),
                    money(account.late_fee),
                    money(account.balance)
                ));
                let compensation = schedule.compensation_on(inputs.today);
                if compensation > Decimal::ZERO {
                    out.push_str(&format!(
                        "Also owed: the statute's fixed compensation of {} for a late invoice\n",
                        money(compensation)
                    ));
                }
            } else {
                out.push_str(&format!(
                    "{}: not overdue yet\n",
                    format::long_date(inputs.today, inputs.locale)
                ));
            }
        }
        (None, Some(since)) => out.push_str(&format!(
            "{client}: {} {}\n",
            match inputs.stage {
                Stage::Feedback => "feedback owed since",
                Stage::Delivery => "final work sent for review on",
                Stage::Change => "change agreed on",
                _ => "no answer since",
            },
            format::long_date(since, inputs.locale)
        )),
        (None, None) => {}
    }
    out.push('\n');
    for step in &schedule.steps {
        out.push_str(&format!(
            "  {:<18} {}  {}\n",
            step.status.label(step.letter),
            step.date.strftime("%a %Y-%m-%d"),
            step.title
        ));
    }
    out.push('\n');
    if let Some(step) = schedule.due_now() {
        out.push_str(&format!("Now: {}. {}\n", step.title, step.detail));
    } else {
        match schedule.steps.iter().find(|s| s.status == Status::Upcoming) {
            Some(next) if next.date > inputs.today => out.push_str(&format!(
                "Nothing to do now; the next step is on {}.\n",
                next.date.strftime("%a %Y-%m-%d")
            )),
            _ => out.push_str("Nothing left to do.\n"),
        }
    }
    out
}
