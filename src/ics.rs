//! The calendar stage of `chase`: takes a [`Schedule`] and returns it as an iCalendar file
//! (RFC 5545) with one all-day event per step, so the reminders land in the freelancer's
//! calendar.
//!
//! The output is deterministic: the stamp is the schedule's today at midnight UTC, and each
//! event's UID is built from the step, the client and the invoice or date being chased, so
//! writing the file again updates the same events instead of adding copies.

use chrono::{NaiveDate, TimeZone as _, Utc};
use icalendar::{Calendar, Component as _, Event, EventLike as _};
use jiff::civil::Date;

use crate::chase::Schedule;
use crate::model::Language;
use crate::output::slug;

/// The calendar's product id.
pub const PRODID: &str = "-//clausewright//chase//EN";

/// The schedule as iCalendar text, with CRLF line ends. `client` names the client in every
/// event; `project` names the project. The calendar's own words (its name, the invoice line,
/// "Letter:") are in `language`, the letters' language, as the steps' titles are (see
/// [`Schedule::in_language`]).
#[must_use]
pub fn calendar(schedule: &Schedule, client: &str, project: &str, language: Language) -> String {
    let inputs = &schedule.inputs;
    let stamp = Utc
        .with_ymd_and_hms(
            i32::from(inputs.today.year()),
            u32::from(inputs.today.month().unsigned_abs()),
            u32::from(inputs.today.day().unsigned_abs()),
            0,
            0,
            0,
        )
        .single()
        .unwrap_or_default();
    let what = match (&inputs.invoice, inputs.since) {
        (Some(invoice), _) => format!("invoice-{}", uid_text(&invoice.number)),
        (None, Some(since)) => since.to_string(),
        (None, None) => String::new(),
    };
    let amount = |invoice: &crate::chase::Invoice| {
        crate::format::money(invoice.amount, &inputs.currency, inputs.locale)
            .unwrap_or_else(|| invoice.amount.to_string())
    };
    let context = match (&inputs.invoice, language) {
        (Some(invoice), Language::En) => format!(
            "Invoice {} for {project}, {}, due {}.",
            invoice.number,
            amount(invoice),
            invoice.due
        ),
        (Some(invoice), Language::Tr) => format!(
            "{project} için {} numaralı fatura, {}, vadesi {}.",
            invoice.number,
            amount(invoice),
            crate::format::long_date(invoice.due, inputs.locale)
        ),
        (None, Language::En) => format!("Project: {project}."),
        (None, Language::Tr) => format!("Proje: {project}."),
    };
    let (chasing, letter) = match language {
        Language::En => (format!("Chasing {client}"), "Letter"),
        Language::Tr => (format!("Takip: {client}"), "Mektup"),
    };
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&chasing);
    for step in &schedule.steps {
        let mut description = format!("{}\n{context}", step.detail);
        if step.letter {
            description.push_str(&format!("\n{letter}: {}", step.id));
        }
        let event = Event::new()
            .uid(&format!("{}-{}-{what}@clausewright", step.id, slug(client)))
            .timestamp(stamp)
            .summary(&format!("{client}: {}", step.title))
            .description(&description)
            .starts(naive(step.date))
            .ends(naive(step.date.tomorrow().unwrap_or(step.date)))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

fn naive(date: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::from(date.month().unsigned_abs()),
        u32::from(date.day().unsigned_abs()),
    )
    .unwrap_or_default()
}

/// Text for a UID that keeps distinct invoice numbers distinct (`2026/014` and `2026-014`):
/// letters, digits and `-` as they are, every other byte as `%XX`.
fn uid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
