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
