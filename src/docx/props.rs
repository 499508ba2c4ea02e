//! The document's core properties (`docProps/core.xml`): title, subject, author, keywords and
//! dates, from the contract's metadata. docx-rs has no setter for them, so the part is
//! written here, every value escaped.

use crate::pdf::PdfMeta;

/// XML text with its five special characters escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The core properties part for `meta`.
pub(super) fn core(meta: &PdfMeta) -> Vec<u8> {
    let date = jiff::Timestamp::from_second(meta.created_unix_seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let keywords = if meta.draft {
        "<cp:keywords>DRAFT</cp:keywords>"
    } else {
        ""
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator>{keywords}<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escaped(&meta.title),
        subject = escaped(&meta.subject),
        author = escaped(&meta.author),
        keywords = keywords,
        date = date,
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_dates_are_w3c() {
        let meta = PdfMeta {
            title: "Agreement".into(),
            author: "*Acme* <b>#1</b> & \"Co\"".into(),
            subject: "Contract".into(),
            created_unix_seconds: 1_772_409_600,
            ..PdfMeta::default()
        };
        let xml = String::from_utf8(core(&meta)).unwrap();
        assert!(xml.contains(
            "<dc:creator>*Acme* &lt;b&gt;#1&lt;/b&gt; &amp; &quot;Co&quot;</dc:creator>"
        ));
        assert!(
            xml.contains(">2026-03-02T00:00:00Z</dcterms:created>"),
            "{xml}"
        );
        assert!(!xml.contains("keywords"));
    }
}
