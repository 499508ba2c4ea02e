//! The glyph check: before anything is typeset, refuses an answer holding a character the PDF
//! fonts cannot draw, naming the answer (and its place in the answers file when there is one).

use super::Prepared;
use crate::answers::{self, Fault, Invalid};
use crate::error::{Diagnostic, Error};
use crate::layout;
use crate::model::Value;

/// Refuses, before anything is typeset, an answer holding a character the PDF fonts cannot
/// draw, naming the answer (and its place in the answers file when there is one), in English.
pub(crate) fn check_glyphs(prepared: &Prepared) -> Result<(), Error> {
    unprintable(prepared).map_err(|found| {
        Error::Diagnostics(
            found
                .into_iter()
                .map(|invalid| invalid.diagnostic)
                .collect(),
        )
    })
}

/// [`check_glyphs`], each answer refused as facts as well as an English diagnostic, for the
/// contract's language to word.
pub(crate) fn unprintable(prepared: &Prepared) -> Result<(), Vec<Invalid>> {
    // Where each answer is written: read from the answers file (its YAML parsed again) only
    // when an answer is refused.
    let mut locations = None;
    let mut diagnostics = Vec::new();
    for (key, value) in prepared.answers.iter() {
        let Value::Text(text) = value else { continue };
        let Some(character) = layout::missing_glyph(text) else {
            continue;
        };
        let locations = locations.get_or_insert_with(|| {
            prepared
                .source
                .as_ref()
                .map(|(_, text)| answers::value_locations(text))
                .unwrap_or_default()
        });
        let message = String::new();
        let place = match (&prepared.source, locations.get(key)) {
            (Some((file, source)), Some(&(line, column))) => {
                let line_text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
                let offset = line_text
                    .chars()
                    .skip(column.saturating_sub(1))
                    .position(|c| c == character)
                    .unwrap_or(0);
                Diagnostic::error(file, source, line, column + offset, message)
            }
            (Some((file, _)), None) => Diagnostic::file_error(file, message),
            (None, _) => Diagnostic::file_error("answers", message),
        };
        let fault = Fault::Unprintable {
            key: key.to_owned(),
            character,
        };
        diagnostics.push(Invalid::new(place, fault, &prepared.library));
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(diagnostics)
    }
}
