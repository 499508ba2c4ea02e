//! DOCX as a reader's tools see it: the package's XML read back, every word of the Markdown
//! in order, from `build` and from `chase`.

use std::io::Read as _;
use std::path::Path;

use crate::support::{clausewright, root, run};

/// The text of one part of the DOCX at `path`.
pub(crate) fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).expect("a ZIP archive");
    let mut entry = archive.by_name(name).expect(name);
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

/// The words of the document's body: each `w:t`'s text, a tab or break as a space,
/// paragraphs and cells apart.
pub(crate) fn docx_words(path: &Path) -> Vec<String> {
    let xml = part(path, "word/document.xml");
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        let name = tag
            .trim_start_matches(['<', '/'])
            .split([' ', '/', '>'])
            .next()
            .unwrap_or("");
        rest = &rest[end..];
        match name {
            "w:t" if !tag.starts_with("</") && !tag.ends_with("/>") => {
                let close = rest.find("</w:t>").expect("w:t closes");
                text.push_str(
                    &rest[..close]
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&"),
                );
                rest = &rest[close..];
            }
            "w:tab" if tag.starts_with("<w:tab />") || tag == "<w:tab/>" => text.push(' '),
            "w:br" | "w:p" | "w:tc" => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn chase_writes_the_letter_as_docx_with_the_markdowns_words() {
    let dir = tempfile::tempdir().unwrap();
    let answers = root().join("tests/fixtures/chase-payment/answers.yaml");
    let outcome = run(&mut clausewright(&[
        "chase",
        answers.to_str().unwrap(),
        "--stage",
        "negotiating",
        "--since",
        "2026-05-04",
        "--today",
        "2026-05-08",
        "--format",
        "md,docx",
        "-o",
        dir.path().to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let stem = dir
        .path()
        .join("capitol-bakery-cafe-llc-negotiating-follow-up");
    let markdown = std::fs::read_to_string(stem.with_extension("md")).unwrap();
    let words = docx_words(&stem.with_extension("docx"));
    assert_eq!(
        crate::pdf::comparable(&words),
        crate::pdf::comparable(&crate::pdf::markdown_words(&markdown))
    );
    assert!(words.len() > 50, "{words:?}");
}

/// The top-level elements of the document's body: each `<w:tbl>…</w:tbl>` or `<w:p…</w:p>`,
/// nested tables inside their table.
fn body_elements(xml: &str) -> Vec<&str> {
    let body = &xml[xml.find("<w:body>").expect("a body") + "<w:body>".len()..];
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let (open, close) = if rest.starts_with("<w:tbl>") {
            ("<w:tbl>", "</w:tbl>")
        } else if rest.starts_with("<w:p ") || rest.starts_with("<w:p>") {
            ("<w:p", "</w:p>")
        } else {
            break;
        };
        // The end that closes this element, past any nested one of the same kind.
        let mut depth = 0;
        let mut at = 0;
        loop {
            let next_open = rest[at..].find(open).map(|i| at + i);
            let next_close = rest[at..].find(close).map(|i| at + i).expect("closes");
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    at = o + open.len();
                }
                _ => {
                    depth -= 1;
                    at = next_close + close.len();
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        out.push(&rest[..at]);
        rest = &rest[at..];
    }
    out
}

#[test]
fn a_bilingual_contract_sets_each_clause_in_english_and_turkish_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bilingual.docx");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/bilingual-us-client.yaml",
        "-o",
        target.to_str().unwrap(),
        "--format",
        "docx",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let xml = part(&target, "word/document.xml");
    let elements = body_elements(&xml);
    let markdown = std::fs::read_to_string(
        root().join("tests/fixtures/examples/bilingual-us-client/contract.md"),
    )
    .unwrap();
    let headings: Vec<&str> = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    // One borderless table of one row and two equal columns per clause (the titles first).
    let tables: Vec<&&str> = elements
        .iter()
        .filter(|e| e.starts_with("<w:tbl>"))
        .collect();
    assert_eq!(tables.len(), headings.len() / 2 + 1, "one row per clause");
    for table in &tables {
        let properties = &table[..table.find("<w:tr>").unwrap()];
        assert!(
            properties.contains("<w:tblBorders />"),
            "no borders: {properties}"
        );
        assert_eq!(
            properties.matches("<w:gridCol w:w=\"4680\"").count(),
            2,
            "{properties}"
        );
    }
    // Each clause: the English text in the left cell, the Turkish in the right one.
    let first_cell = |table: &str| -> String {
        let row = &table[table.find("<w:tr>").unwrap()..];
        row.split("<w:tc>").nth(1).unwrap_or("").to_owned()
    };
    let second_cell = |table: &str| -> String {
        // The second cell of the row's own level: after the first one's end at depth 0.
        let row = &table[table.find("<w:tr>").unwrap()..];
        let mut depth = 0;
        let mut cells = 0;
        let mut rest = row;
        while let Some(at) = rest.find("<w:tc>") {
            let closing = rest.find("</w:tc>").unwrap();
            if closing < at {
                depth -= 1;
                rest = &rest[closing + "</w:tc>".len()..];
                continue;
            }
            if depth == 0 {
                cells += 1;
                if cells == 2 {
                    return rest[at..].to_owned();
                }
            }
            depth += 1;
            rest = &rest[at + "<w:tc>".len()..];
        }
        String::new()
    };
    for (k, pair) in headings.chunks(2).enumerate() {
        let table = tables[k + 1];
        let (english, turkish) = (pair[0], pair[1]);
        assert!(
            first_cell(table).contains(&format!(">{english}</w:t>")),
            "clause {}: {english} not on the left",
            k + 1
        );
        assert!(
            second_cell(table).contains(&format!(">{turkish}</w:t>")),
            "clause {}: {turkish} not on the right",
            k + 1
        );
        assert!(!first_cell(table).contains(&format!(">{turkish}</w:t>")));
    }
    assert!(first_cell(tables[0]).contains(">Software Development Agreement</w:t>"));
    assert!(second_cell(tables[0]).contains(">Yazılım Geliştirme Sözleşmesi</w:t>"));
}
