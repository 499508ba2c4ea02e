use std::io::Read as _;

use super::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const SAMPLE: &str = include_str!("../../tests/fixtures/pdf-sample/contract.md");
const FIRST_TIME: &str = include_str!("../../tests/fixtures/examples/first-time-us/contract.md");

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Web Design Services Agreement".into(),
        author: "Maya Lindqvist".into(),
        subject: "Contract between Maya Lindqvist and Capitol Bakery & Café LLC".into(),
        created_unix_seconds: 1_772_409_600,
        ..PdfMeta::default()
    }
}

/// The text of one part of the package.
fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a ZIP archive");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The words of a `WordprocessingML` part as a reader sees them: the text of each `w:t`, a tab
/// or break as a space, paragraphs apart.
fn xml_words(xml: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = xml;
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
                text.push_str(&unescape(&rest[..close]));
                rest = &rest[close..];
            }
            "w:tab" if tag.starts_with("<w:tab />") || tag == "<w:tab/>" => text.push(' '),
            "w:br" | "w:p" | "w:tc" => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

/// The Markdown's words as a reader sees them (inline markup gone, blocks apart).
fn markdown_words(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {}
            Event::SoftBreak | Event::HardBreak | Event::Start(_) | Event::End(_) => {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

/// Words without list markers (the DOCX writes them, the Markdown's text does not hold them).
fn without_markers(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .filter(|w| {
            let number = w.len() > 1
                && w.ends_with('.')
                && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit());
            !(number || matches!(w.as_str(), "•" | "–"))
        })
        .collect()
}

#[test]
fn every_markdown_word_is_in_the_document_in_order() {
    for markdown in [SAMPLE, FIRST_TIME] {
        let docx = docx(markdown, &meta(), Paper::Letter, Language::En);
        let document = part(&docx, "word/document.xml");
        assert_eq!(
            without_markers(xml_words(&document)),
            without_markers(markdown_words(markdown))
        );
    }
}

#[test]
fn headings_lists_quotes_tables_faces_and_links_are_word_structures() {
    let markdown = "# The Agreement\n\n## 1. Fees\n\nThe fee is **$6,400.00**, paid *on time*; see \
        [the site](https://example.com/terms).\n\n1. first\n2. second\n\n- a bullet\n\n> quoted \
        words\n\n| Item | Fee |\n| --- | ---: |\n| Design | $100.00 |\n\n### Detail\n\nText.\n";
    let docx = docx(markdown, &meta(), Paper::A4, Language::En);
    let document = part(&docx, "word/document.xml");
    assert_eq!(document.matches(r#"<w:pStyle w:val="Title" />"#).count(), 1);
    assert_eq!(
        document.matches(r#"<w:pStyle w:val="Heading1" />"#).count(),
        1
    );
    assert_eq!(
        document.matches(r#"<w:pStyle w:val="Heading2" />"#).count(),
        1
    );
    // Bold and italic runs hold exactly the emphasised words.
    let run_with = |property: &str, text: &str| {
        document
            .split("<w:r>")
            .any(|run| run.contains(property) && run.contains(&format!(">{text}</w:t>")))
    };
    assert!(run_with("<w:b />", "$6,400.00"));
    assert!(run_with("<w:i />", "on time"));
    assert!(!run_with("<w:b />", "The fee is "));
    // The link is a hyperlink to its target.
    assert!(document.contains("<w:hyperlink"), "{document}");
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Target="https://example.com/terms""#),
        "{rels}"
    );
    assert!(rels.contains(r#"TargetMode="External""#));
    // Lists keep their markers, hanging; the quote is indented; the table has its cells.
    assert!(document.contains(">1.</w:t>") && document.contains(">2.</w:t>"));
    assert!(document.contains(">•</w:t>"));
    assert!(document.contains(r#"w:hanging="360""#));
    assert!(document.contains(r#"<w:ind w:left="360""#));
    assert_eq!(document.matches("<w:tbl>").count(), 1);
    assert!(document.contains(">$100.00</w:t>"));
    assert!(document.contains(r#"<w:jc w:val="right" />"#));
    // A4 with one-inch margins.
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "{document}"
    );
}

#[test]
fn the_footer_numbers_pages_with_fields_and_the_properties_name_the_contract() {
    let docx = docx(FIRST_TIME, &meta(), Paper::Letter, Language::En);
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("<w:instrText>PAGE</w:instrText>"),
        "{footer}"
    );
    assert!(
        footer.contains("<w:instrText>NUMPAGES</w:instrText>"),
        "{footer}"
    );
    let words = xml_words(&footer).join(" ");
    assert_eq!(words, "Web Design Services Agreement Page 1 of 1");
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Web Design Services Agreement</dc:title>"));
    assert!(core.contains("<dc:creator>Maya Lindqvist</dc:creator>"));
    assert!(core.contains(
        "<dc:subject>Contract between Maya Lindqvist and Capitol Bakery &amp; Café LLC</dc:subject>"
    ));
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Libertinus Serif""#), "{styles}");
    let settings = part(&docx, "[Content_Types].xml");
    assert!(settings.contains("footer"), "{settings}");
}

#[test]
fn the_signing_parties_stand_side_by_side_in_a_borderless_table() {
    let docx = docx(FIRST_TIME, &meta(), Paper::Letter, Language::En);
    let document = part(&docx, "word/document.xml");
    let signatures = &document[document.find(">Signatures</w:t>").unwrap()..];
    let table = &signatures[signatures.find("<w:tbl>").unwrap()..];
    let cells: Vec<&str> = table.split("<w:tc>").skip(1).collect();
    assert_eq!(cells.len(), 2);
    assert!(
        xml_words(cells[0])
            .join(" ")
            .starts_with("The Designer: Maya Lindqvist")
    );
    assert!(
        xml_words(cells[1])
            .join(" ")
            .starts_with("The Client: Capitol Bakery & Café LLC")
    );
    assert!(xml_words(cells[1]).join(" ").contains("By: ____"));
}

#[test]
fn values_stay_literal_and_a_draft_says_so() {
    let markdown = "# Agreement\n\nThe Client is \\*Acme\\* \\<b\\>#1\\</b\\> {{x}} & Co.\n";
    let draft = PdfMeta {
        draft: true,
        ..meta()
    };
    let docx = docx(markdown, &draft, Paper::Letter, Language::En);
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains("The Client is *Acme* &lt;b&gt;#1&lt;/b&gt; {{x}} &amp; Co."),
        "{document}"
    );
    let header = part(&docx, "word/header1.xml");
    assert_eq!(xml_words(&header), ["DRAFT"]);
    assert!(part(&docx, "docProps/core.xml").contains("<cp:keywords>DRAFT</cp:keywords>"));
}

#[test]
fn the_same_markdown_gives_the_same_bytes() {
    let first = docx(FIRST_TIME, &meta(), Paper::Letter, Language::En);
    let second = docx(FIRST_TIME, &meta(), Paper::Letter, Language::En);
    assert!(first == second);
}
