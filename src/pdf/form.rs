//! Signature fields: takes the lopdf document and the laid-out pages and adds an interactive
//! form (`/AcroForm`) with one unsigned signature field (`/FT /Sig`) per signing party, its
//! widget over the party's signature line.
//!
//! Acrobat, Preview and the e-signature services list these fields and sign into them. Each
//! field is named after its party (`/T`, without periods, which separate the parts of a field
//! name) and carries the line that opens the party's part of the block as its description
//! (`/TU`). The widget is printable (`/F 4`) and has an empty appearance, so an unsigned field
//! draws nothing over the line.

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::text_string;
use crate::layout::{Document, FieldKind, SignatureField};

/// The field name of `field`: the party's name without periods, numbered when two parties
/// share a name.
fn field_name(field: &SignatureField, taken: &[String]) -> String {
    let base: String = field.party.chars().filter(|&c| c != '.').collect();
    let base = base.trim().to_owned();
    if taken.contains(&base) {
        format!("{base} ({})", field.signer)
    } else {
        base
    }
}

/// Adds the signature fields of `document` to `lo`; a document without any is left as it is.
pub(super) fn add_signature_fields(lo: &mut lopdf::Document, document: &Document) {
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let Ok(catalog) = lo.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    let mut fields: Vec<Object> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (page, page_id) in document.pages.iter().zip(&page_ids) {
        let mut widgets = Vec::new();
        for field in page
            .fields
            .iter()
            .filter(|f| f.kind == FieldKind::Signature)
        {
            let name = field_name(field, &names);
            let rect = [
                field.x,
                field.y - 3.0,
                field.x + field.width,
                field.y + field.height,
            ];
            let appearance = lo.add_object(empty_appearance(rect[2] - rect[0], rect[3] - rect[1]));
            let mut widget = Dictionary::new();
            widget.set("Type", "Annot");
            widget.set("Subtype", "Widget");
            widget.set("FT", "Sig");
            widget.set("T", text_string(&name));
            widget.set("TU", text_string(&field.heading));
            widget.set(
                "Rect",
                rect.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
            );
            widget.set("F", 4);
            widget.set("P", *page_id);
            widget.set(
                "AP",
                Dictionary::from_iter([("N", Object::Reference(appearance))]),
            );
            let id = lo.add_object(widget);
            names.push(name);
            widgets.push(Object::Reference(id));
            fields.push(Object::Reference(id));
        }
        if !widgets.is_empty() {
            add_annotations(lo, *page_id, widgets);
        }
    }
    if fields.is_empty() {
        return;
    }
    let mut form = Dictionary::new();
    form.set("Fields", fields);
    if let Ok(Object::Dictionary(root)) = lo.get_object_mut(catalog) {
        root.set("AcroForm", form);
    }
}

/// A form `XObject` that draws nothing, `width` × `height` points.
fn empty_appearance(width: f32, height: f32) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", "XObject");
    dict.set("Subtype", "Form");
    dict.set(
        "BBox",
        vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(width),
            Object::Real(height),
        ],
    );
    Stream::new(dict, Vec::new())
}

/// Appends `widgets` to the page's `/Annots`, whether that is an array in the page or an
/// array object of its own.
fn add_annotations(lo: &mut lopdf::Document, page_id: ObjectId, widgets: Vec<Object>) {
    let existing = lo
        .get_object(page_id)
        .and_then(Object::as_dict)
        .ok()
        .and_then(|page| page.get(b"Annots").ok().cloned());
    let mut annots = match existing {
        Some(Object::Array(items)) => items,
        Some(Object::Reference(id)) => lo
            .get_object(id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    annots.extend(widgets);
    if let Ok(Object::Dictionary(page)) = lo.get_object_mut(page_id) {
        page.set("Annots", annots);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(party: &str, signer: usize) -> SignatureField {
        SignatureField {
            party: party.into(),
            heading: format!("The Client: {party}"),
            signer,
            kind: FieldKind::Signature,
            x: 0.0,
            y: 0.0,
            width: 100.0,
            height: 20.0,
        }
    }

    #[test]
    fn names_drop_periods_and_stay_unique() {
        let first = field_name(&field("Northwind Ölçüm Ltd. Şti.", 1), &[]);
        assert_eq!(first, "Northwind Ölçüm Ltd Şti");
        let second = field_name(&field("Northwind Ölçüm Ltd. Şti.", 2), &[first]);
        assert_eq!(second, "Northwind Ölçüm Ltd Şti (2)");
    }
}
