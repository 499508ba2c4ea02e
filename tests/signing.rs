//! Signing and negotiating: the PDF's signature fields (one unsigned `/Sig` field per party,
//! over its signature line), the e-signature services' text tags (`--sign-tags`) and the draft
//! mark (`--draft`), read back with lopdf, `pdfinfo` and `pdftotext`.

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use crate::pdf::tool;
use crate::support::{clausewright, run};

/// Builds `example` into `dir` with `extra` options and returns the PDF's path.
fn build(dir: &Path, example: &str, extra: &[&str]) -> PathBuf {
    let target = dir.join("contract.md");
    let mut args = vec!["build", example, "-o", target.to_str().unwrap(), "--force"];
    args.extend_from_slice(extra);
    let outcome = run(&mut clausewright(&args));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    target.with_extension("pdf")
}

fn text(object: &Object) -> String {
    let Object::String(bytes, _) = object else {
        panic!("not a string: {object:?}")
    };
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).unwrap()
}

/// Each field of the `AcroForm`: its type, name, description, rectangle and page number.
fn fields(pdf: &Path) -> Vec<(String, String, String, Vec<f32>, usize)> {
    let doc = Document::load(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let form = doc
        .dereference(catalog.get(b"AcroForm").unwrap())
        .unwrap()
        .1;
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut out = Vec::new();
    for field in form
        .as_dict()
        .unwrap()
        .get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
    {
        let id = field.as_reference().unwrap();
        let dict = doc.get_dictionary(id).unwrap();
        let kind = String::from_utf8(dict.get(b"FT").unwrap().as_name().unwrap().to_vec()).unwrap();
        let rect: Vec<f32> = dict
            .get(b"Rect")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        let page = dict.get(b"P").unwrap().as_reference().unwrap();
        let number = pages.iter().position(|&p| p == page).unwrap() + 1;
        // The widget is among its page's annotations, so viewers show it.
        let annots = doc.get_dictionary(page).unwrap().get(b"Annots").unwrap();
        let annots = doc
            .dereference(annots)
            .unwrap()
            .1
            .as_array()
            .unwrap()
            .clone();
        assert!(
            annots.contains(&Object::Reference(id)),
            "{id:?} not on its page"
        );
        out.push((
            kind,
            text(dict.get(b"T").unwrap()),
            text(dict.get(b"TU").unwrap()),
            rect,
            number,
        ));
    }
    out
}

/// The text in the bottom 12 points of `rect` on page `page` of a Letter PDF.
fn text_at_foot(pdf: &Path, page: usize, rect: &[f32]) -> String {
    let args = [
        "-f".to_owned(),
        page.to_string(),
        "-l".to_owned(),
        page.to_string(),
        "-x".to_owned(),
        format!("{}", rect[0].floor()),
        "-y".to_owned(),
        format!("{}", (792.0 - rect[1] - 12.0).floor()),
        "-W".to_owned(),
        format!("{}", (rect[2] - rect[0]).ceil()),
        "-H".to_owned(),
        "12".to_owned(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tool("pdftotext", &args, pdf)
}

#[test]
fn each_party_has_an_unsigned_signature_field_named_after_it_over_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build(dir.path(), "examples/first-time-us.yaml", &[]);
    let info = tool("pdfinfo", &[], &pdf);
    assert!(info.contains("Form:            AcroForm"), "{info}");
    let fields = fields(&pdf);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse::<usize>()
        .unwrap();
    let summary: Vec<(&str, &str, &str, usize)> = fields
        .iter()
        .map(|(kind, name, description, _, page)| {
            (kind.as_str(), name.as_str(), description.as_str(), *page)
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Sig",
                "Maya Lindqvist, trading as Prairie Pixel Studio",
                "The Designer: Maya Lindqvist, trading as Prairie Pixel Studio",
                pages
            ),
            (
                "Sig",
                "Capitol Bakery & Café LLC",
                "The Client: Capitol Bakery & Café LLC",
                pages
            ),
        ]
    );
    // Side by side on Letter: one baseline, the designer's on the left half, the client's on
    // the right, each inside the one-inch margins and tall enough to sign in.
    let (left, right) = (&fields[0].3, &fields[1].3);
    assert!((left[1] - right[1]).abs() < 0.01, "{left:?} {right:?}");
    assert!(left[0] >= 72.0 && left[2] <= 306.0, "{left:?}");
    assert!(right[0] >= 306.0 && right[2] <= 540.0, "{right:?}");
    assert!(left[3] - left[1] >= 24.0, "{left:?}");
    // Each field lies over its underscores: the words at the foot of the field.
    for rect in [left, right] {
        let under = text_at_foot(&pdf, pages, rect);
        assert!(under.trim().starts_with("_____"), "{rect:?}: {under:?}");
    }
    let check = tool("qpdf", &["--check"], &pdf);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn a_party_name_with_periods_makes_a_valid_field_name() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build(dir.path(), "examples/eu-client.yaml", &["--paper", "a4"]);
    let names: Vec<String> = fields(&pdf).into_iter().map(|f| f.1).collect();
    assert_eq!(
        names,
        [
            "Lena Hoffmann, trading as Hoffmann Webdesign",
            "Northwind Ölçüm Ltd Şti"
        ]
    );
}

#[test]
fn sign_tags_put_each_services_tags_on_the_signature_and_date_lines() {
    let dir = tempfile::tempdir().unwrap();
    for (service, tags) in [
        (
            "dropbox",
            [
                "[sig|req|signer1]",
                "[date|req|signer1]",
                "[sig|req|signer2]",
                "[date|req|signer2]",
            ],
        ),
        ("docusign", [r"\s1\", r"\d1\", r"\s2\", r"\d2\"]),
    ] {
        let pdf = build(
            dir.path(),
            "examples/first-time-us.yaml",
            &["--sign-tags", service],
        );
        let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf);
        let found: Vec<&str> = text
            .split_whitespace()
            .filter(|w| tags.contains(w))
            .collect();
        assert_eq!(found, tags, "{service}");
        // Each signature tag sits on its party's signature line, under its field.
        let last = tool("pdfinfo", &[], &pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
            .unwrap();
        for (field, tag) in fields(&pdf).iter().zip([tags[0], tags[2]]) {
            let foot = text_at_foot(&pdf, last, &field.3);
            assert!(foot.contains(tag), "{tag}: {foot:?}");
        }
        // What was placed for whom is printed.
        let outcome = run(&mut clausewright(&[
            "build",
            "examples/first-time-us.yaml",
            "-o",
            dir.path().join(format!("{service}.md")).to_str().unwrap(),
            "--sign-tags",
            service,
        ]));
        assert!(
            outcome.stderr.contains(&format!(
                "{}  signature of signer 2 (Capitol Bakery & Café LLC)",
                format_args!("{:<21}", tags[2])
            )),
            "{}",
            outcome.stderr
        );
    }
    // A Turkish contract says it in Turkish.
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/tr-istanbul.yaml",
        "-o",
        dir.path().join("tr.md").to_str().unwrap(),
        "--sign-tags",
        "docusign",
    ]));
    assert!(
        outcome
            .stderr
            .contains("Docusign etiketleri, imza ve tarih satırlarında görünmez:\n"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains(&format!(
            "{}  2. imzacının imzası (Boğaziçi Gıda Ticaret A.Ş.)",
            format_args!("{:<21}", r"\s2\")
        )),
        "{}",
        outcome.stderr
    );
    // Without the option there is no tag.
    let plain = build(dir.path(), "examples/first-time-us.yaml", &[]);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &plain);
    assert!(
        !text.contains("signer1") && !text.contains(r"\s1\"),
        "{text}"
    );
}

/// The pages whose content draws text turned 45 degrees (the draft mark).
fn pages_with_the_mark(pdf: &Path) -> (usize, usize) {
    let doc = Document::load(pdf).unwrap();
    let pages = doc.get_pages();
    let marked = pages
        .values()
        .filter(|&&id| {
            let content = doc.get_and_decode_page_content(id).unwrap();
            content.operations.iter().any(|op| {
                op.operator == "Tm"
                    && op
                        .operands
                        .first()
                        .and_then(|o| o.as_float().ok())
                        .is_some_and(|cos| (cos - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-3)
            })
        })
        .count();
    (marked, pages.len())
}

#[test]
fn draft_marks_every_page_and_the_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build(dir.path(), "examples/first-time-us.yaml", &["--draft"]);
    let info = tool("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:           Web Design Services Agreement (DRAFT)"),
        "{info}"
    );
    assert!(info.contains("Keywords:        DRAFT"), "{info}");
    let (marked, pages) = pages_with_the_mark(&pdf);
    assert!(pages > 5);
    assert_eq!(marked, pages);
    let text = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf);
    for letter in ["D", "R", "A"] {
        assert!(text.lines().any(|l| l.trim() == letter), "{letter}");
    }
    let plain = build(dir.path(), "examples/first-time-us.yaml", &[]);
    assert_eq!(pages_with_the_mark(&plain).0, 0);
    let info = tool("pdfinfo", &[], &plain);
    assert!(!info.contains("DRAFT"), "{info}");
}
