//! The PDF as a reader's tools see it: poppler's `pdftotext`, `pdffonts`, `pdfinfo` and
//! `qpdf --check` run on PDFs made through the library API.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use clausewright::layout::{Document, LayoutOptions, Paper, Role, layout};
use clausewright::pdf::{PdfMeta, pdf};

const SAMPLE: &str = include_str!("fixtures/pdf-sample/contract.md");
const TURKISH: &str = "Northwind Ölçüm Ltd. Şti., İstanbul, Ağrı";

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Web Design Services Agreement".into(),
        author: "Jane Doe".into(),
        subject: "Contract between Doe Studio and Northwind".into(),
        created_unix_seconds: 1_772_496_000,
        ..PdfMeta::default()
    }
}

fn render(markdown: &str, paper: Paper) -> Vec<u8> {
    pdf(&lay(markdown, paper), &meta())
}

fn lay(markdown: &str, paper: Paper) -> Document {
    layout(
        markdown,
        &LayoutOptions {
            paper,
            ..LayoutOptions::default()
        },
    )
    .expect("layout")
}

/// A contract of about `pages` pages: the sample's sections repeated and renumbered.
fn generated(pages: usize) -> String {
    let body: Vec<&str> = SAMPLE
        .split("\n## ")
        .skip(1)
        .filter(|s| !s.starts_with("Signatures"))
        .collect();
    let mut out = String::from("# Long Services Agreement\n\n");
    for k in 0..pages * body.len() * 100 / 233 {
        let section = body[k % body.len()];
        let (_, rest) = section.split_once(". ").unwrap_or(("", section));
        let _ = write!(out, "## {}. {}\n\n", k + 1, rest.trim_end_matches("---\n"));
    }
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write PDF");
    path
}

pub(crate) fn tool(program: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(file);
    if program == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils, qpdf): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The Markdown's words as a reader sees them (blocks and cells apart, inline markup gone).
pub(crate) fn markdown_words(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
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

/// The words `pdftotext` finds, without page footers and list markers, in page order.
pub(crate) fn pdf_words(pdf: &Path, title: &str) -> Vec<String> {
    pdf_words_with(pdf, title, |page, total| format!("Page {page} of {total}"))
}

/// [`pdf_words`] for a footer whose page number reads `number(page, total)`.
pub(crate) fn pdf_words_with(
    pdf: &Path,
    title: &str,
    number: impl Fn(usize, usize) -> String,
) -> Vec<String> {
    pdf_words_repeating(pdf, title, number, &[])
}

/// The header rows the layout set again at the top of each page (a table continued from the
/// page before), as words: empty for a page that repeats none.
fn repeated_heads(document: &Document) -> Vec<Vec<String>> {
    document
        .pages
        .iter()
        .map(|page| {
            page.lines
                .iter()
                .filter(|l| l.role == Role::RepeatedCell)
                .flat_map(|l| l.text.split_whitespace().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// [`pdf_words_with`] for pages that repeat a table's header row: page `i` must begin with the
/// words `repeated[i]`, which are then left out (they repeat words read before).
fn pdf_words_repeating(
    pdf: &Path,
    title: &str,
    number: impl Fn(usize, usize) -> String,
    repeated: &[Vec<String>],
) -> Vec<String> {
    // Content-stream order: the signature block's two columns are drawn one after the other,
    // as the Markdown has them (the layout mode would read across both columns' lines).
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let total = pages.len();
    let mut words = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut tokens: Vec<String> = page.split_whitespace().map(str::to_owned).collect();
        let footer: Vec<String> = title
            .split_whitespace()
            .map(str::to_owned)
            .chain(number(i + 1, total).split_whitespace().map(str::to_owned))
            .collect();
        let at = tokens
            .windows(footer.len())
            .rposition(|w| w == footer.as_slice())
            .unwrap_or_else(|| panic!("page {} has no footer {footer:?}", i + 1));
        tokens.drain(at..at + footer.len());
        if let Some(head) = repeated.get(i).filter(|h| !h.is_empty()) {
            assert!(
                tokens.starts_with(head),
                "page {} does not begin with the repeated header {head:?}: {:?}",
                i + 1,
                &tokens[..tokens.len().min(12)]
            );
            tokens.drain(..head.len());
        }
        words.extend(tokens);
    }
    words
}

/// Text to compare: no list numbers or bullets (the PDF draws them, the Markdown's text does
/// not hold them), no hyphens or spaces (hyphenation and split URLs add and remove them).
pub(crate) fn comparable(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| {
            let number = w.len() > 1
                && w.ends_with('.')
                && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit());
            !(number || matches!(w.as_str(), "•" | "–"))
        })
        .flat_map(|w| w.chars().filter(|&c| c != '-'))
        .collect()
}

#[test]
fn sample_contract_reads_back_word_for_word_with_turkish_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = render(SAMPLE, Paper::Letter);
    let file = write(dir.path(), "contract.pdf", &bytes);
    let words = pdf_words(&file, "Web Design Services Agreement");
    assert_eq!(comparable(&words), comparable(&markdown_words(SAMPLE)));
    let text = tool("pdftotext", &["-enc", "UTF-8"], &file);
    assert!(text.contains("Northwind Ölçüm Ltd. Şti., Büyükdere Caddesi 185, İstanbul"));
    assert!(text.contains("*trading* as <Northwind> & Partners"));

    let turkish = format!("# Agreement\n\nThe Client: {TURKISH}.\n");
    let file = write(dir.path(), "turkish.pdf", &render(&turkish, Paper::A4));
    let text = tool("pdftotext", &["-enc", "UTF-8"], &file);
    assert!(text.contains(TURKISH), "{text}");
}

#[test]
fn the_lira_sign_and_every_turkish_letter_read_back_in_every_face() {
    let line = "₺12.400,00 ve 12.400,00 TL; ₩ ₪ ₴ ₦ ₽ ₸ ₼ ₾ ₹; ş ğ ı İ ö ü ç Ş Ğ I Ö Ü Ç";
    let markdown = format!(
        "# Sözleşme\n\n## 1. Ücret\n\n{line}\n\n**{line}**\n\n*{line}*\n\n***{line}***\n\n\
         Şişli’de ödenecek hizmet bedeli ₺12.400,00’dır; gecikme faizi ₺201,99 olarak \
         hesaplanır ve Üsküdar, Iğdır, Ağrı, Çağlayan ile İzmir’deki işler için ayrıca \
         ₺1.250,50 ödenir, bu tutarların tamamı satır sonunda bölünmeden yazılır.\n"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "tr.pdf", &render(&markdown, Paper::A4));
    let text = tool("pdftotext", &["-enc", "UTF-8"], &file);
    assert_eq!(
        text.matches(line).count(),
        4,
        "each face gives the line back:\n{text}"
    );
    assert_eq!(
        comparable(&pdf_words(&file, "Sözleşme")),
        comparable(&markdown_words(&markdown))
    );

    let fonts = tool("pdffonts", &[], &file);
    let subsets = |family: &str| {
        fonts
            .lines()
            .skip(2)
            .filter(|row| {
                let columns: Vec<&str> = row.split_whitespace().collect();
                columns[0].as_bytes().get(6) == Some(&b'+')
                    && columns[0].contains(family)
                    && columns[columns.len() - 5..columns.len() - 2] == ["yes", "yes", "yes"]
            })
            .count()
    };
    assert_eq!(subsets("LibertinusSerif"), 4, "{fonts}");
    assert_eq!(subsets("NotoSerif"), 4, "{fonts}");
    let check = tool("qpdf", &["--check"], &file);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    // The fallback is embedded as a subset of the few signs used, not whole.
    assert!(std::fs::metadata(&file).expect("size").len() < 80 * 1024);
}

#[test]
fn sample_contract_is_valid_small_and_embeds_only_subset_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = render(SAMPLE, Paper::Letter);
    assert!(bytes.len() < 60 * 1024, "{} bytes", bytes.len());
    let file = write(dir.path(), "contract.pdf", &bytes);
    let check = tool("qpdf", &["--check"], &file);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let fonts = tool("pdffonts", &[], &file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let name = columns[0];
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+' && name.contains("LibertinusSerif"),
            "not a subset of Libertinus: {row}"
        );
        // emb, sub, uni: yes yes yes.
        assert_eq!(
            &columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "{row}"
        );
    }

    let info = tool("pdfinfo", &[], &file);
    for expected in [
        "Title:           Web Design Services Agreement",
        "Author:          Jane Doe",
        "Subject:         Contract between Doe Studio and Northwind",
        "CreationDate:    Tue Mar  3 00:00:00 2026 UTC",
        "pts (letter)",
    ] {
        assert!(
            info.contains(expected),
            "pdfinfo lacks {expected:?}:\n{info}"
        );
    }
    let a4 = write(dir.path(), "a4.pdf", &render(SAMPLE, Paper::A4));
    assert!(tool("pdfinfo", &[], &a4).contains("pts (A4)"));
}

#[test]
fn outline_lists_every_section_in_order_and_links_have_no_border() {
    let bytes = render(SAMPLE, Paper::Letter);
    let document = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
    let catalog = document.catalog().expect("catalog");
    let outlines = catalog
        .get(b"Outlines")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| document.get_dictionary(id))
        .expect("outline");
    let mut titles = Vec::new();
    let mut item = outlines
        .get(b"First")
        .and_then(lopdf::Object::as_reference)
        .ok();
    while let Some(id) = item {
        let entry = document.get_dictionary(id).expect("outline item");
        let title = entry
            .get(b"Title")
            .and_then(lopdf::Object::as_str)
            .expect("title");
        let units: Vec<u16> = title[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        titles.push(String::from_utf16(&units).expect("UTF-16 title"));
        item = entry
            .get(b"Next")
            .and_then(lopdf::Object::as_reference)
            .ok();
    }
    let headings: Vec<String> = SAMPLE
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::to_owned)
        .collect();
    assert_eq!(titles, headings);

    let mut uris = Vec::new();
    for page in document.get_pages().values() {
        let page = document.get_dictionary(*page).expect("page");
        let Ok(annotations) = page.get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for annotation in annotations {
            let annotation = match annotation {
                lopdf::Object::Reference(id) => document.get_dictionary(*id).expect("annotation"),
                other => other.as_dict().expect("annotation dictionary"),
            };
            let border = annotation.get(b"Border").and_then(lopdf::Object::as_array);
            let border: Vec<f32> = border
                .expect("border")
                .iter()
                .map(|o| o.as_float().expect("number"))
                .collect();
            assert_eq!(border, [0.0, 0.0, 0.0]);
            let action = annotation
                .get(b"A")
                .and_then(lopdf::Object::as_dict)
                .expect("action");
            let uri = action
                .get(b"URI")
                .and_then(lopdf::Object::as_str)
                .expect("URI");
            uris.push(String::from_utf8(uri.to_vec()).expect("ASCII URI"));
        }
    }
    assert_eq!(uris, ["https://doe.studio/pay"]);
}

#[test]
fn same_input_gives_identical_bytes() {
    let first = render(SAMPLE, Paper::Letter);
    let second = render(SAMPLE, Paper::Letter);
    assert!(first == second, "two renders in one process differ");
    // Across processes (other hash seeds, a fresh font cache) the binary is compared in
    // `examples::builds_are_byte_identical_across_processes`.
}

#[test]
fn three_hundred_pages_read_back_completely() {
    let markdown = generated(300);
    let dir = tempfile::tempdir().expect("temp dir");
    let document = lay(&markdown, Paper::Letter);
    let file = write(dir.path(), "long.pdf", &pdf(&document, &meta()));
    let info = tool("pdfinfo", &[], &file);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!((280..=320).contains(&pages), "{pages} pages");
    assert!(tool("qpdf", &["--check"], &file).contains("No syntax or stream encoding errors"));
    // The sample's payment table is repeated hundreds of times; where one runs on to the next
    // page, that page begins with its header row again.
    let repeated = repeated_heads(&document);
    assert!(
        repeated.iter().any(|head| !head.is_empty()),
        "no table runs on"
    );
    let words = pdf_words_repeating(
        &file,
        "Long Services Agreement",
        |page, total| format!("Page {page} of {total}"),
        &repeated,
    );
    assert_eq!(comparable(&words), comparable(&markdown_words(&markdown)));
}

/// A table of `rows` rows under a heading: a number, a three-word description and an amount.
fn long_table(rows: usize) -> String {
    let mut out = String::from(
        "# Schedule of Work\n\nThe items:\n\n| Item | Description | Amount |\n| --- | --- | ---: |\n",
    );
    for r in 1..=rows {
        let _ = writeln!(out, "| {r} | task{r} part{r} step{r} | ${r}00.00 |");
    }
    out.push_str("\nThe end of the schedule.\n");
    out
}

#[test]
fn a_long_table_repeats_its_header_row_at_the_top_of_every_page() {
    let markdown = long_table(220);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "table.pdf", &render(&markdown, Paper::Letter));
    let info = tool("pdfinfo", &[], &file);
    let pages: usize = info_line(&info, "Pages")
        .and_then(|n| n.parse().ok())
        .expect("page count");
    assert!(pages >= 4, "{pages} pages");
    for page in 1..=pages {
        let number = page.to_string();
        let text = tool(
            "pdftotext",
            &["-f", &number, "-l", &number, "-raw", "-enc", "UTF-8"],
            &file,
        );
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let heads = lines
            .iter()
            .filter(|l| **l == "Item Description Amount")
            .count();
        assert_eq!(heads, 1, "page {page}: {lines:?}");
        if page > 1 {
            assert_eq!(lines[0], "Item Description Amount", "page {page}");
        }
    }
    // Apart from the repeats, every word once and in order.
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &file);
    let mut words: Vec<&str> = Vec::new();
    for (p, page) in text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        let mut tokens: Vec<&str> = page.split_whitespace().collect();
        let footer = format!("Schedule of Work Page {} of {pages}", p + 1);
        assert!(
            tokens.ends_with(&footer.split(' ').collect::<Vec<_>>()),
            "page {}",
            p + 1
        );
        tokens.truncate(tokens.len() - footer.split(' ').count());
        words.extend(if p == 0 { &tokens[..] } else { &tokens[3..] });
    }
    assert_eq!(words, markdown_words(&markdown));
}

#[test]
fn a_row_taller_than_a_page_runs_on_across_pages_and_loses_no_word() {
    let giant: Vec<String> = (1..=2000).map(|w| format!("clause{w}")).collect();
    let notes: Vec<String> = (1..=80).map(|w| format!("note{w}")).collect();
    let markdown = format!(
        "# Schedule\n\n| Item | Terms | Notes |\n| --- | --- | --- |\n| 1 | short | none |\n| 2 | {} | {} |\n| 3 | after | last |\n",
        giant.join(" "),
        notes.join(" ")
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let document = lay(&markdown, Paper::Letter);
    assert!(document.pages.len() >= 3, "{} pages", document.pages.len());
    let file = write(dir.path(), "giant.pdf", &pdf(&document, &meta()));
    let words = pdf_words_repeating(
        &file,
        "Schedule",
        |page, total| format!("Page {page} of {total}"),
        &repeated_heads(&document),
    );
    // Every word once; each page's part of the row is read cell by cell, so each cell's words
    // come in their order.
    let expected = markdown_words(&markdown);
    let mut sorted = (words.clone(), expected.clone());
    sorted.0.sort();
    sorted.1.sort();
    assert!(sorted.0 == sorted.1, "words lost or added");
    for prefix in ["clause", "note"] {
        let cell = |words: &[String]| -> Vec<String> {
            words
                .iter()
                .filter(|w| w.starts_with(prefix))
                .cloned()
                .collect()
        };
        assert!(
            cell(&words) == cell(&expected),
            "{prefix} words out of order"
        );
    }
    // Page 2 on begins with the header row, then the row's part of the cells.
    let page_two = tool(
        "pdftotext",
        &["-f", "2", "-l", "2", "-raw", "-enc", "UTF-8"],
        &file,
    );
    assert!(page_two.starts_with("Item Terms Notes\n"), "{page_two}");
}

/// The lines of `pdfinfo` that name a key, e.g. `PDF version`.
fn info_line<'a>(info: &'a str, key: &str) -> Option<&'a str> {
    info.lines()
        .find(|line| line.starts_with(&format!("{key}:")))
        .map(|line| line[key.len() + 1..].trim())
}

#[test]
fn an_example_contract_claims_only_what_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("first-time-us.md");
    let outcome = crate::support::run(&mut crate::support::clausewright(&[
        "build",
        "examples/first-time-us.yaml",
        "-o",
        target.to_str().expect("UTF-8 temp path"),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let info = tool("pdfinfo", &[], &target.with_extension("pdf"));
    // Embedded OpenType font programs need PDF 1.6 or later.
    assert_eq!(info_line(&info, "PDF version"), Some("1.7"), "{info}");
    // No PDF/X, PDF/A or other subtype claimed: nothing checks such a conformance.
    assert_eq!(info_line(&info, "PDF subtype"), None, "{info}");
    assert!(!info.contains("PDF/X") && !info.contains("PDF/A"), "{info}");
    assert_eq!(
        info_line(&info, "Page size"),
        Some("612 x 792 pts (letter)"),
        "{info}"
    );
}

/// The numbers of a page box, as written in the file.
fn page_box(page: &lopdf::Dictionary, key: &[u8]) -> Vec<f32> {
    page.get(key)
        .and_then(lopdf::Object::as_array)
        .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(key)))
        .iter()
        .map(|n| match n {
            lopdf::Object::Integer(i) => f32::from(i16::try_from(*i).expect("a page-sized number")),
            lopdf::Object::Real(r) => *r,
            other => panic!("not a number in a page box: {other:?}"),
        })
        .collect()
}

#[test]
fn the_info_dictionary_claims_no_conformance_and_every_page_is_exactly_its_paper() {
    let long = generated(3);
    for (paper, size) in [
        (Paper::Letter, [612.0, 792.0]),
        // 210 × 297 mm at 72 / 25.4 points a millimetre, to the thousandth of a point.
        (Paper::A4, [595.276, 841.89]),
    ] {
        let bytes = render(&long, paper);
        assert!(bytes.starts_with(b"%PDF-1.7\n"), "{paper:?}");
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads the PDF");
        assert_eq!(doc.version, "1.7");
        let info_id = doc
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            .expect("an Info dictionary");
        let info = doc.get_dictionary(info_id).expect("Info is a dictionary");
        for (key, value) in info {
            assert!(
                !key.starts_with(b"GTS_"),
                "{paper:?}: Info has {}",
                String::from_utf8_lossy(key)
            );
            if let lopdf::Object::String(text, _) = value {
                assert!(
                    !text.is_empty(),
                    "{paper:?}: Info has an empty {}",
                    String::from_utf8_lossy(key)
                );
            }
        }
        let catalog = doc.catalog().expect("a catalog");
        assert!(!catalog.has(b"OutputIntents") && !catalog.has(b"Metadata"));
        let pages = doc.get_pages();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (number, id) in pages {
            let page = doc.get_dictionary(id).expect("a page dictionary");
            let media = page_box(page, b"MediaBox");
            assert_eq!(
                media,
                [0.0, 0.0, size[0], size[1]],
                "{paper:?} page {number}"
            );
            for other in [&b"CropBox"[..], b"TrimBox", b"BleedBox", b"ArtBox"] {
                if page.has(other) {
                    assert_eq!(page_box(page, other), media, "{paper:?} page {number}");
                }
            }
        }
    }
}

/// Sample words of each script the PDF fonts cover, and the currency signs.
const SCRIPTS: [(&str, &str); 5] = [
    (
        "Latin",
        "Łódź Dvořák Nguyễn Þórður Ærøskøbing Șțefan ǅemal Ŋaŋ ﬁne Ƣ",
    ),
    ("Greek", "Αθήνα Ἀθῆναι Θεσσαλονίκη ϗ"),
    ("Cyrillic", "Москва Київ Ԁԓ Ӂ Ѣ"),
    ("Hebrew", "חברת שלום בע״מ"),
    ("currency", "₺ € £ ₹ ₽ ₩"),
];

/// `pdftotext -raw` words, without the marks poppler puts around right-to-left text and
/// without the hyphens of broken words, joined.
fn raw_text(file: &Path, args: &[&str]) -> String {
    let mut all = vec!["-raw", "-enc", "UTF-8"];
    all.extend_from_slice(args);
    tool("pdftotext", &all, file)
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '-'))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as [`raw_text`] gives it: words apart, no hyphens.
fn joined(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.replace('-', ""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn answers_in_latin_greek_cyrillic_and_hebrew_with_every_currency_sign_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    let example = std::fs::read_to_string("examples/first-time-us.yaml").expect("example");
    let contact: Vec<&str> = SCRIPTS.iter().map(|(_, words)| *words).collect();
    let contact = contact.join(", ");
    let edited = example.replace(
        "  contact: Daniel Ortiz",
        &format!("  contact: \"{contact}\""),
    );
    assert_ne!(edited, example);
    std::fs::write(&answers, edited).expect("answers");
    let target = dir.path().join("scripts.md");
    let outcome = crate::support::run(&mut crate::support::clausewright(&[
        "build",
        answers.to_str().expect("UTF-8 path"),
        "-o",
        target.to_str().expect("UTF-8 path"),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let file = target.with_extension("pdf");
    // Each word comes back with its letters in logical order (the Hebrew ones too, though
    // they are drawn from right to left), the words in the order of the answer.
    let text = raw_text(&file, &[]);
    for (script, words) in SCRIPTS {
        assert!(
            text.contains(&joined(words)),
            "{script}: {words:?} not read back"
        );
    }
    // The whole answer, every character in logical order (poppler may set a space between a
    // right-to-left word and the comma drawn after the run it ends).
    let bare = |text: &str| -> String { joined(text).split(' ').collect() };
    assert!(
        bare(&text).contains(&bare(&contact)),
        "the contact as typed"
    );
    let fonts = tool("pdffonts", &[], &file);
    for row in fonts.lines().skip(2) {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, with Unicode: {row}"
        );
    }
}

#[test]
fn every_script_reads_back_in_every_face_and_hebrew_is_drawn_right_to_left() {
    let line: Vec<&str> = SCRIPTS.iter().map(|(_, words)| *words).collect();
    let line = line.join(" ");
    let markdown = format!("# Scripts\n\n{line}\n\n**{line}**\n\n*{line}*\n\n***{line}***\n");
    let dir = tempfile::tempdir().expect("temp dir");
    let document = lay(&markdown, Paper::Letter);
    let file = write(dir.path(), "scripts.pdf", &pdf(&document, &meta()));
    let text = raw_text(&file, &[]);
    assert_eq!(
        text.matches(&joined(&line)).count(),
        4,
        "each face gives the line back: {text}"
    );
    // The Hebrew words stand right to left: the first one rightmost.
    let hebrew = ["חברת", "שלום", "בע״מ"];
    let page = &document.pages[0];
    for line in page.lines.iter().filter(|l| l.text.contains("שלום")) {
        let x = |word: &str| {
            line.fragments
                .iter()
                .find(|f| f.text.trim_end() == word)
                .map(|f| f.x)
        };
        if let (Some(a), Some(b), Some(c)) = (x(hebrew[0]), x(hebrew[1]), x(hebrew[2])) {
            assert!(a > b && b > c, "{:?}", line.text);
        }
    }
    let check = tool("qpdf", &["--check"], &file);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn an_emoji_a_cjk_or_an_arabic_answer_is_refused_at_its_line() {
    let example = std::fs::read_to_string("examples/first-time-us.yaml").expect("example");
    let line = example
        .lines()
        .position(|l| l == "  contact: Daniel Ortiz")
        .expect("the contact line")
        + 1;
    for (word, character, code) in [
        ("🙂Daniel", '🙂', "1F642"),
        ("王芳", '王', "738B"),
        ("دانيال", 'د', "062F"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let answers = dir.path().join("answers.yaml");
        std::fs::write(
            &answers,
            example.replace(
                "  contact: Daniel Ortiz",
                &format!("  contact: {word} Ortiz"),
            ),
        )
        .expect("answers");
        let path = answers.to_str().expect("UTF-8 path");
        let outcome = crate::support::run(&mut crate::support::clausewright(&[
            "build",
            path,
            "-o",
            dir.path().to_str().expect("UTF-8 path"),
        ]));
        assert_eq!(outcome.code, 1, "{word}");
        assert!(
            outcome.stderr.starts_with(&format!(
                "error: `client.contact` holds the character '{character}' (U+{code}), which the PDF font cannot show\n  --> {path}:{line}:12\n"
            )),
            "{word}: {}",
            outcome.stderr
        );
        let written: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(written, ["answers.yaml"], "{word}: nothing is written");
    }
}
