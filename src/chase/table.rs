//! The schedule as the terminal shows it: what is being chased, the amounts owed today, one
//! line per step, and what to do now.

use rust_decimal::Decimal;

use super::{Schedule, Stage};
use crate::format::{self, Locale};

/// The schedule as the terminal shows it: what is being chased, the amounts owed today, one
/// line per step, and what to do now.
#[must_use]
pub fn render(schedule: &Schedule, client: &str) -> String {
    let inputs = &schedule.inputs;
    let money = |amount: Decimal| {
        format::money(amount, &inputs.currency, Locale::default())
            .unwrap_or_else(|| amount.to_string())
    };
    let mut out = String::new();
    match (&inputs.invoice, inputs.since) {
        (Some(invoice), _) => {
            out.push_str(&format!(
                "{client}: invoice {} for {}, due {}\n",
                invoice.number,
                money(invoice.amount),
                format::long_date(invoice.due, Locale::default())
            ));
            let days = schedule.days_overdue(inputs.today);
            if days > 0 {
                let fee = schedule.late_fee_on(inputs.today);
                out.push_str(&format!(
                    "{}: {days} days overdue, late fee {}, balance {}\n",
                    format::long_date(inputs.today, Locale::default()),
                    money(fee),
                    money(invoice.amount + fee)
                ));
            } else {
                out.push_str(&format!(
                    "{}: not overdue yet\n",
                    format::long_date(inputs.today, Locale::default())
                ));
            }
        }
        (None, Some(since)) => out.push_str(&format!(
            "{client}: {} since {}\n",
            match inputs.stage {
                Stage::Feedback => "feedback owed",
                _ => "no answer",
            },
            format::long_date(since, Locale::default())
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
