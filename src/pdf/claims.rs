//! Claims: takes the lopdf document printpdf made and returns it claiming only what it is.
//!
//! printpdf 0.12.8 writes three things that are not true of our files, and has no option for
//! any of them:
//! - the header says `%PDF-1.3`, while the fonts are embedded as OpenType font programs
//!   (`/FontFile3` with `/Subtype /OpenType`), which PDF 1.6 introduced. Nothing we write needs
//!   more than PDF 1.7 (no PDF 2.0 feature), so the header says 1.7;
//! - the Info dictionary carries an empty `/GTS_PDFXVersion`, which poppler reads as a PDF/X
//!   claim, and empty `/Identifier` and `/Keywords` strings. No conformance is checked by any
//!   test, so none is claimed, and empty entries are dropped;
//! - page boxes go through millimetres and come out a thousandth of a point off (Letter is
//!   612 × 792.001). Every page box is rewritten from the laid-out paper size, to the thousandth
//!   of a point (A4 is 595.276 × 841.89).

use lopdf::{Dictionary, Object};

/// The version the file is written as: the lowest that has everything in it.
const VERSION: &str = "1.7";

/// The page boxes printpdf may write; each is set to the whole sheet.
const PAGE_BOXES: [&[u8]; 5] = [b"MediaBox", b"CropBox", b"TrimBox", b"BleedBox", b"ArtBox"];

/// Makes `lo` claim only what it is, for pages `width` × `height` points.
pub(super) fn state_only_what_is_true(lo: &mut lopdf::Document, width: f32, height: f32) {
    VERSION.clone_into(&mut lo.version);
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(Object::Dictionary(info)) = lo.get_object_mut(info)
    {
        drop_claims(info);
    }
    let sheet = Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        points(width),
        points(height),
    ]);
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    for id in pages {
        if let Ok(Object::Dictionary(page)) = lo.get_object_mut(id) {
            page.set("MediaBox", sheet.clone());
            for key in &PAGE_BOXES[1..] {
                page.remove(key);
            }
        }
    }
}

/// Removes conformance claims (`GTS_…` keys) and empty text entries from an Info dictionary.
fn drop_claims(info: &mut Dictionary) {
    let drop: Vec<Vec<u8>> = info
        .iter()
        .filter(|(key, value)| key.starts_with(b"GTS_") || is_empty_text(value))
        .map(|(key, _)| key.clone())
        .collect();
    for key in drop {
        info.remove(&key);
    }
}

/// An empty string, or one holding nothing but a UTF-16 byte order mark.
fn is_empty_text(value: &Object) -> bool {
    matches!(value, Object::String(text, _) if text.is_empty() || text == b"\xFE\xFF")
}

/// A length in points as written in the file: whole points as integers, otherwise rounded to
/// the thousandth of a point (finer than any printer, and what `pdfinfo` reads back).
fn points(value: f32) -> Object {
    let thousandths = (f64::from(value) * 1000.0).round();
    if thousandths % 1000.0 == 0.0 {
        Object::Integer((thousandths / 1000.0) as i64)
    } else {
        Object::Real((thousandths / 1000.0) as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_whole_or_thousandths() {
        assert_eq!(points(612.0), Object::Integer(612));
        assert_eq!(points(792.000_4), Object::Integer(792));
        assert_eq!(points(595.275_6), Object::Real(595.276));
    }

    #[test]
    fn conformance_claims_and_empty_entries_are_dropped() {
        let mut info = Dictionary::new();
        info.set("GTS_PDFXVersion", Object::string_literal(""));
        info.set("Keywords", Object::string_literal(b"\xFE\xFF".to_vec()));
        info.set("Title", Object::string_literal("Agreement"));
        drop_claims(&mut info);
        let keys: Vec<&[u8]> = info.iter().map(|(key, _)| key.as_slice()).collect();
        assert_eq!(keys, [&b"Title"[..]]);
    }
}
