//! What docx-rs 0.4.22 cannot write, added to the XML it built: takes the document part and
//! its relationships and returns them with table header rows marked to repeat and every
//! hyperlink given a relationship id of its own.
//!
//! docx-rs has no setter for `w:tblHeader`, and it names a hyperlink's relationship from a
//! process-wide counter (`rIdHyperlink{n}`, read and written in two steps): two documents built
//! at once can share ids, and the same document built twice has other ids, so other bytes.
//! Here the hyperlinks are numbered in document order (`rIdLink1`, `rIdLink2` ...) and their
//! relationships written again from the targets the writer recorded.

/// The prefix docx-rs gives hyperlink relationship ids.
const DOCX_RS_LINK: &str = "\"rIdHyperlink";

/// `document` with `<w:tblHeader />` in the first row of each table whose entry in `heads`
/// (one per `<w:tbl>`, in order) is true, so Word repeats that row on each page the table runs
/// on to.
pub(super) fn mark_header_rows(document: &str, heads: &[bool]) -> String {
    let mut out = String::with_capacity(document.len() + heads.len() * 16);
    let mut rest = document;
    for &head in heads {
        let Some(at) = rest.find("<w:tbl>") else {
            break;
        };
        let open = at + "<w:tbl>".len();
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if !head {
            continue;
        }
        // The first row's properties (every row of ours has some: it cannot split).
        if let Some(properties) = rest.find("<w:trPr>") {
            let end = properties + "<w:trPr>".len();
            out.push_str(&rest[..end]);
            out.push_str("<w:tblHeader />");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

/// `document` and its relationships `rels` with the hyperlinks numbered in document order and
/// one relationship each, to `targets[k]` for the k-th hyperlink.
pub(super) fn number_hyperlinks(
    document: &str,
    rels: &str,
    targets: &[String],
) -> (String, String) {
    let mut numbered = String::with_capacity(document.len());
    let mut rest = document;
    let mut count = 0;
    while let Some(at) = rest.find(DOCX_RS_LINK) {
        let digits = rest[at + DOCX_RS_LINK.len()..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(rest.len(), |d| at + DOCX_RS_LINK.len() + d);
        count += 1;
        numbered.push_str(&rest[..at]);
        numbered.push_str(&format!("\"rIdLink{count}"));
        rest = &rest[digits..];
    }
    numbered.push_str(rest);
    debug_assert_eq!(count, targets.len(), "one target per hyperlink");
    // The relationships docx-rs wrote for its ids go; ours take their place.
    let mut relationships = String::with_capacity(rels.len() + targets.len() * 160);
    let mut rest = rels;
    while let Some(at) = rest.find("<Relationship Id=\"rIdHyperlink") {
        relationships.push_str(&rest[..at]);
        let end = rest[at..].find("/>").map_or(rest.len(), |e| at + e + 2);
        rest = &rest[end..];
    }
    let close = rest.rfind("</Relationships>").unwrap_or(rest.len());
    relationships.push_str(&rest[..close]);
    for (k, target) in targets.iter().enumerate() {
        relationships.push_str(&format!(
            "<Relationship Id=\"rIdLink{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\" />",
            k + 1,
            escaped(target)
        ));
    }
    relationships.push_str(&rest[close..]);
    (numbered, relationships)
}

/// An attribute value with its five special characters escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_a_marked_table_becomes_a_header_row() {
        let document = "<w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        let marked = mark_header_rows(document, &[true, false]);
        assert_eq!(marked.matches("<w:tblHeader />").count(), 1);
        assert!(marked.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
    }

    #[test]
    fn hyperlinks_get_ids_of_their_own_in_document_order() {
        let document = r#"<w:hyperlink r:id="rIdHyperlink7"><w:hyperlink r:id="rIdHyperlink7"><w:hyperlink r:id="rIdHyperlink12">"#;
        let rels = r#"<Relationships><Relationship Id="rId1" Type="s" Target="styles.xml" /><Relationship Id="rIdHyperlink7" Type="h" Target="a" TargetMode="External" /><Relationship Id="rIdHyperlink12" Type="h" Target="c" TargetMode="External" /></Relationships>"#;
        let targets = [
            "https://a.example/?x=1&y=2".to_owned(),
            "b".to_owned(),
            "c".to_owned(),
        ];
        let (document, rels) = number_hyperlinks(document, rels, &targets);
        assert_eq!(
            document,
            r#"<w:hyperlink r:id="rIdLink1"><w:hyperlink r:id="rIdLink2"><w:hyperlink r:id="rIdLink3">"#
        );
        assert!(!rels.contains("rIdHyperlink"));
        assert!(rels.starts_with(
            r#"<Relationships><Relationship Id="rId1" Type="s" Target="styles.xml" />"#
        ));
        assert!(rels.contains(r#"Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://a.example/?x=1&amp;y=2" TargetMode="External" />"#));
        assert!(rels.contains(r#"Id="rIdLink3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="c""#));
        assert!(rels.ends_with("</Relationships>"));
    }
}
