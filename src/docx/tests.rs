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

/// The `<w:tbl>` elements of a document part, each up to its end.
fn tables(document: &str) -> Vec<&str> {
    document
        .split("<w:tbl>")
        .skip(1)
        .map(|t| t.split("</w:tbl>").next().unwrap_or(t))
        .collect()
}

#[test]
fn a_tables_header_row_repeats_on_each_page_and_the_signature_table_has_none() {
    let markdown = format!(
        "{FIRST_TIME}\n\n| Item | Fee |\n| --- | ---: |\n| Design | $100.00 |\n| Build | $200.00 |\n"
    );
    let docx = docx(&markdown, &meta(), Paper::Letter, Language::En);
    let document = part(&docx, "word/document.xml");
    let tables = tables(&document);
    let content: Vec<&&str> = tables
        .iter()
        .filter(|t| t.contains(">Item</w:t>") || t.contains(">Milestone"))
        .collect();
    assert!(!content.is_empty(), "{document}");
    for table in &tables {
        let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
        let headers = rows
            .iter()
            .filter(|r| r.contains("<w:tblHeader />"))
            .count();
        let signing = table.contains("By:") || table.contains("Signature:");
        if signing {
            assert_eq!(headers, 0, "the signature table repeats nothing");
        } else {
            assert_eq!(headers, 1, "{table}");
            assert!(
                rows[0].contains("<w:tblHeader />"),
                "the first row is the header"
            );
        }
    }
    assert!(
        tables
            .iter()
            .any(|t| t.contains("By:") || t.contains("Signature:"))
    );
}

#[test]
fn each_hyperlink_has_a_relationship_of_its_own_and_the_bytes_do_not_change() {
    let markdown = "# Agreement\n\nPay at [the portal](https://pay.example/a?x=1&y=2), see \
        [the terms](https://example.com/terms) and [the portal again](https://pay.example/a?x=1&y=2).\n\n\
        | Item | Link |\n| --- | --- |\n| Terms | [read](https://example.com/terms) |\n";
    let first = docx(markdown, &meta(), Paper::Letter, Language::En);
    // Documents built at the same time on other threads take no id from this one.
    let others: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| docx(markdown, &meta(), Paper::Letter, Language::En)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for other in &others {
        assert!(*other == first, "the same Markdown gives the same bytes");
    }
    let document = part(&first, "word/document.xml");
    let ids: Vec<&str> = document
        .split("<w:hyperlink r:id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["rIdLink1", "rIdLink2", "rIdLink3", "rIdLink4"]);
    let rels = part(&first, "word/_rels/document.xml.rels");
    let targets = [
        "https://pay.example/a?x=1&amp;y=2",
        "https://example.com/terms",
        "https://pay.example/a?x=1&amp;y=2",
        "https://example.com/terms",
    ];
    for (id, target) in ids.iter().zip(targets) {
        assert_eq!(rels.matches(&format!("Id=\"{id}\"")).count(), 1, "{rels}");
        assert!(
            rels.contains(&format!("Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{target}\" TargetMode=\"External\"")),
            "{id}: {rels}"
        );
    }
    // Every relationship id of the part is unique.
    let all: Vec<&str> = rels
        .split(" Id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{rels}");
}

#[test]
fn sections_are_numbered_one_to_n_as_in_the_pdf() {
    let docx = docx(FIRST_TIME, &meta(), Paper::Letter, Language::En);
    let document = part(&docx, "word/document.xml");
    let headings: Vec<String> = document
        .split("<w:p ")
        .filter(|p| p.contains(r#"<w:pStyle w:val="Heading1" />"#))
        .map(|p| xml_words(&format!("<w:p {p}")).join(" "))
        .collect();
    assert!(headings.len() > 10, "{headings:?}");
    // Numbered from one, in order, without gaps; the signatures close it, unnumbered.
    let numbered = headings
        .iter()
        .take_while(|h| h.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    for (k, heading) in headings[..numbered].iter().enumerate() {
        assert!(
            heading.starts_with(&format!("{}. ", k + 1)),
            "section {} reads {heading:?}",
            k + 1
        );
    }
    assert_eq!(headings[numbered..], ["Signatures"]);
    // The numbers are the Markdown's: the sections of the PDF.
    let markdown: Vec<&str> = FIRST_TIME
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    assert_eq!(headings, markdown);
}

#[test]
fn the_tracked_changes_keep_bold_and_italic() {
    let before = "# Agreement\n\n## 1. Fees\n\nThe fee is **$6,400.00**, paid *on time* to the *Designer*.\n";
    let after = "# Agreement\n\n## 1. Fees\n\nThe fee is **$7,000.00**, paid *within fifteen (15) days* to the *Designer*.\n";
    let diff = crate::diff::diff(before, after, Vec::new());
    let docx = tracked(
        &diff,
        &meta(),
        Paper::Letter,
        "Maya Lindqvist",
        "2026-03-02T00:00:00Z",
    );
    let document = part(&docx, "word/document.xml");
    let element = |tag: &str, text: &str| -> Option<String> {
        document
            .split(&format!("<w:{tag} "))
            .skip(1)
            .map(|e| {
                e.split(&format!("</w:{tag}>"))
                    .next()
                    .unwrap_or(e)
                    .to_owned()
            })
            .find(|e| e.contains(&format!(">{text}</w:")))
    };
    let deleted = element("del", "$6,400.00").expect("the old fee deleted");
    assert!(deleted.contains("<w:b />"), "{deleted}");
    let inserted = element("ins", "$7,000.00").expect("the new fee inserted");
    assert!(inserted.contains("<w:b />"), "{inserted}");
    let deleted = element("del", "on time").expect("deleted words");
    assert!(
        deleted.contains("<w:i />") && !deleted.contains("<w:b />"),
        "{deleted}"
    );
    let inserted = element("ins", "within fifteen (15) days").expect("inserted words");
    assert!(inserted.contains("<w:i />"), "{inserted}");
    // Kept words keep their faces; plain words stay plain.
    let run_with = |text: &str| {
        document
            .split("<w:r>")
            .find(|run| run.contains(&format!(">{text}</w:t>")))
            .map(str::to_owned)
    };
    let designer = run_with("Designer").expect("the kept italic word");
    assert!(designer.contains("<w:i />"), "{designer}");
    let plain = run_with("The fee is ").expect("the kept plain words");
    assert!(
        !plain.contains("<w:b />") && !plain.contains("<w:i />"),
        "{plain}"
    );
}

#[test]
fn a_signature_block_that_ends_the_text_is_written() {
    let markdown = "# Agreement\n\nSigned by the parties.\n\n<!-- signatures -->\n\n**Jane Doe**\n\nSignature: ____\n\nDate: ____\n";
    let docx = docx(markdown, &meta(), Paper::Letter, Language::En);
    let document = part(&docx, "word/document.xml");
    assert_eq!(
        xml_words(&document),
        [
            "Agreement",
            "Signed",
            "by",
            "the",
            "parties.",
            "Jane",
            "Doe",
            "Signature:",
            "____",
            "Date:",
            "____"
        ]
    );
}
