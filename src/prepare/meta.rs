//! The PDF's metadata, from the prepared answers: the title, the freelancer as author, the
//! parties as subject, and a creation date fixed by the inputs.

use super::Prepared;
use crate::model::keys::{AGREEMENT_DATE, CLIENT_NAME, FREELANCER_NAME};
use crate::model::{Language, Value};
use crate::pdf::PdfMeta;

/// The PDF's metadata. The creation date is `source_date_epoch` (the reproducible-builds
/// `SOURCE_DATE_EPOCH`, read by the caller) when given, else the agreement's date, so the
/// same inputs always give the same bytes.
#[must_use]
pub(crate) fn pdf_meta(prepared: &Prepared, source_date_epoch: Option<i64>) -> PdfMeta {
    let text = |key: &str| prepared.answers.get(key).map(ToString::to_string);
    let subject = match (text(FREELANCER_NAME), text(CLIENT_NAME)) {
        (Some(freelancer), Some(client)) => match prepared.language() {
            Language::En => format!("Contract between {freelancer} and {client}"),
            Language::Tr => format!("{freelancer} ile {client} arasındaki sözleşme"),
        },
        _ => prepared.library.title.clone(),
    };
    let created_unix_seconds = match source_date_epoch {
        Some(seconds) => seconds,
        None => match prepared.answers.get(AGREEMENT_DATE) {
            Some(Value::Date(date)) => date
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map_or(0, |zoned| zoned.timestamp().as_second()),
            _ => 0,
        },
    };
    PdfMeta {
        title: prepared.library.title.clone(),
        author: text(FREELANCER_NAME).unwrap_or_default(),
        subject,
        created_unix_seconds,
        ..PdfMeta::default()
    }
}
