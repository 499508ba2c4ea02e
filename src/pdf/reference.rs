//! The reference the content-stream writer and the font embedding are held to: the same
//! documents drawn as printpdf operations, with printpdf's own fonts, and written by printpdf
//! and lopdf, as every page and font was before [`super::content`] and [`super::embed`]
//! existed. Each must say exactly what [`super::pdf`] writes: the same objects under the same
//! numbers, the same fonts and metadata, and on every page the same operators with the same
//! operands. Only the syntax may differ: printpdf writes glyph codes as hex strings,
//! [`super::content`] as literal strings, and the deflated bytes differ with them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lopdf::content::Content;
use lopdf::{Object, ObjectId};

use printpdf::{
    Color, FontId, Greyscale, Line, LineCapStyle, LinePoint, Op, ParsedFont, PdfFontHandle, Point,
    Pt, TextItem, TextMatrix, font::PdfFont,
};

use crate::layout::{
    ColumnOptions, Document, Language, LayoutOptions, Paper, Style, layout, layout_columns,
};

use super::draw::{self, Canvas};
use super::glyphs::Glyphs;
use super::{Font, PdfMeta, SignTags, finish, links, pdf, printpdf_document, slim, to_lopdf};

/// The PDF printpdf writes when it draws every page and embeds every font itself.
fn printpdf_pdf(document: &Document, meta: &PdfMeta) -> Vec<u8> {
    let mut doc = printpdf_document(document, meta, |page| {
        let mut canvas = Ops::default();
        draw::page(page, document, meta, &mut canvas);
        canvas.ops.extend(links(page));
        canvas.ops
    });
    for font in Glyphs::of(document, meta).fonts() {
        doc.resources.fonts.map.insert(
            FontId(font.id().to_owned()),
            PdfFont::new(parsed(font).clone()),
        );
    }
    let mut lo = to_lopdf(&doc);
    slim_fonts(&mut lo);
    finish(lo, document, meta)
}

/// `font` parsed by printpdf, once per process.
fn parsed(font: Font) -> &'static ParsedFont {
    static FONTS: [OnceLock<ParsedFont>; 8] = [const { OnceLock::new() }; 8];
    FONTS[font.slot()].get_or_init(|| {
        ParsedFont::from_bytes(font.face().bytes, 0, &mut Vec::new()).expect("the font parses")
    })
}

/// Drops the unused glyph names from printpdf's font subsets, as [`super::embed`] does.
fn slim_fonts(lo: &mut lopdf::Document) {
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let is_opentype = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"OpenType");
        if !is_opentype {
            continue;
        }
        let font = if stream.dict.has(b"Filter") {
            stream.decompressed_content().ok()
        } else {
            Some(stream.content.clone())
        };
        if let Some(slimmed) = font.as_deref().and_then(slim::slim_opentype) {
            stream.dict.remove(b"Filter");
            stream.set_content(slimmed);
        }
    }
}

/// A [`Canvas`] that makes printpdf operations.
#[derive(Default)]
struct Ops {
    ops: Vec<Op>,
    items: Vec<TextItem>,
}

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn point((x, y): (f32, f32)) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl Canvas for Ops {
    fn fill_gray(&mut self, level: f32) {
        self.ops.push(Op::SetFillColor { col: gray(level) });
    }
    fn stroke_gray(&mut self, level: f32) {
        self.ops.push(Op::SetOutlineColor { col: gray(level) });
    }
    fn line_width(&mut self, width: f32) {
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }
    fn butt_caps(&mut self) {
        self.ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Butt,
        });
    }
    fn begin_text(&mut self) {
        self.ops.push(Op::StartTextSection);
    }
    fn end_text(&mut self) {
        self.ops.push(Op::EndTextSection);
    }
    fn move_text(&mut self, x: f32, y: f32) {
        self.ops.push(Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        });
    }
    fn text_matrix(&mut self, matrix: [f32; 6]) {
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw(matrix),
        });
    }
    fn font(&mut self, font: Font, size: f32) {
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(font.id().to_owned())),
            size: Pt(size),
        });
    }
    fn text(&mut self, run: &str) {
        self.items.push(TextItem::Text(run.to_owned()));
    }
    fn offset(&mut self, thousandths: f32) {
        self.items.push(TextItem::Offset(thousandths));
    }
    fn show(&mut self) {
        self.ops.push(Op::ShowText {
            items: std::mem::take(&mut self.items),
        });
    }
    fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        });
    }
}

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Services Agreement".into(),
        author: "Jane Doe".into(),
        subject: "Contract between Jane Doe and Acme".into(),
        created_unix_seconds: 1_772_496_000,
        ..PdfMeta::default()
    }
}

/// What a PDF file says, whatever its syntax: its version and trailer, every object with its
/// streams inflated, and each page's content as operations whose strings are compared by their
/// bytes, however they are written.
#[derive(Debug, PartialEq)]
struct Meaning {
    version: String,
    trailer: lopdf::Dictionary,
    objects: BTreeMap<ObjectId, Object>,
    pages: Vec<Vec<(String, Vec<Object>)>>,
}

/// `object` with its strings' syntax forgotten.
fn plain(object: Object) -> Object {
    match object {
        Object::String(bytes, _) => Object::String(bytes, lopdf::StringFormat::Literal),
        Object::Array(items) => Object::Array(items.into_iter().map(plain).collect()),
        other => other,
    }
}

fn meaning(bytes: &[u8]) -> Meaning {
    let lo = lopdf::Document::load_mem(bytes).expect("lopdf reads the file");
    let mut contents = Vec::new();
    let mut pages = Vec::new();
    for page in lo.get_pages().into_values() {
        let id = lo
            .get_dictionary(page)
            .and_then(|page| page.get(b"Contents"))
            .and_then(Object::as_reference)
            .expect("a page has a content stream");
        let stream = lo.get_object(id).and_then(Object::as_stream).unwrap();
        let content = stream
            .decompressed_content()
            .unwrap_or(stream.content.clone());
        let operations = Content::decode(&content).expect("the content parses");
        pages.push(
            operations
                .operations
                .into_iter()
                .map(|op| (op.operator, op.operands.into_iter().map(plain).collect()))
                .collect(),
        );
        contents.push(id);
    }
    let objects = lo
        .objects
        .into_iter()
        .map(|(id, object)| match object {
            Object::Stream(mut stream) => {
                // Compared as operations above.
                if contents.contains(&id) {
                    stream.content.clear();
                } else if stream.dict.has(b"Filter") {
                    stream.content = stream.decompressed_content().expect("a stream inflates");
                }
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"Length");
                stream.start_position = None;
                (id, Object::Stream(stream))
            }
            other => (id, other),
        })
        .collect();
    Meaning {
        version: lo.version,
        trailer: lo.trailer,
        objects,
        pages,
    }
}

fn assert_same(name: &str, document: &Document, meta: &PdfMeta) {
    let ours = meaning(&pdf(document, meta));
    let theirs = meaning(&printpdf_pdf(document, meta));
    assert_eq!(ours.pages.len(), document.pages.len(), "{name}");
    assert_eq!(ours.version, theirs.version, "{name}");
    assert_eq!(ours.trailer, theirs.trailer, "{name}");
    for (k, (a, b)) in ours.pages.iter().zip(&theirs.pages).enumerate() {
        assert!(a == b, "{name}: page {} draws differently", k + 1);
    }
    assert_eq!(ours.objects.len(), theirs.objects.len(), "{name}");
    for (id, object) in &ours.objects {
        assert!(
            theirs.objects.get(id) == Some(object),
            "{name}: object {id:?} differs"
        );
    }
}

const SAMPLE: &str = include_str!("../../tests/fixtures/pdf-sample/contract.md");
const FIRST_TIME: &str = include_str!("../../tests/fixtures/examples/first-time-us/contract.md");
const TURKISH: &str = include_str!("../../tests/fixtures/examples/tr-client/contract.md");

#[test]
fn contracts_are_written_as_printpdf_writes_them() {
    for (name, markdown) in [("sample", SAMPLE), ("first-time", FIRST_TIME)] {
        let document = layout(markdown, &LayoutOptions::default()).unwrap();
        assert_same(name, &document, &meta());
    }
    let a4 = LayoutOptions {
        paper: Paper::A4,
        language: Language::Turkish,
        compact: false,
    };
    assert_same("turkish", &layout(TURKISH, &a4).unwrap(), &meta());
}

#[test]
fn drafts_and_signing_tags_are_written_as_printpdf_writes_them() {
    let document = layout(FIRST_TIME, &LayoutOptions::default()).unwrap();
    assert!(document.pages.iter().any(|page| !page.fields.is_empty()));
    for sign_tags in [None, Some(SignTags::Dropbox), Some(SignTags::Docusign)] {
        let meta = PdfMeta {
            draft: true,
            sign_tags,
            ..meta()
        };
        assert_same("draft", &document, &meta);
    }
    // Tags with no signature line to put them on draw nothing.
    let note = layout("# Note\n\nNo signatures here.\n", &LayoutOptions::default()).unwrap();
    let meta = PdfMeta {
        sign_tags: Some(SignTags::Dropbox),
        ..meta()
    };
    assert_same("note", &note, &meta);
}

#[test]
fn every_script_fallbacks_links_and_columns_are_written_as_printpdf_writes_them() {
    let scripts = "# Σύμβαση — Договор\n\n\
        Łódź Dvořák Nguyễn Þórður Ærøskøbing Șțefan ǅemal Ŋaŋ ﬁne Ƣ, **Αθήνα Ἀθῆναι ϗ ₺**, \
        *Москва Київ Ԁԓ Ӂ Ѣ ₺*, ***חברת שלום בע״מ Ltd ₺***, ₺ € £ ₹ ₽ ₩ and `code`.\n\n\
        | Fee | Amount |\n|---|---|\n| Deposit | ₺1.000,00 |\n| Rest | €2,000.00 |\n\n\
        See <https://example.com/terms> and [the rules](https://example.org).\n\n\
        - one\n- two\n\n> Quoted ₩.\n";
    let document = layout(scripts, &LayoutOptions::default()).unwrap();
    assert!(!document.pages[0].links.is_empty());
    let fonts = Glyphs::of(&document, &meta()).fonts().count();
    assert_eq!(fonts, 8, "every face and every fallback is drawn");
    assert_same("scripts", &document, &meta());
    let rows = vec![
        (
            "## 1. Services\n\nThe Contractor will design the logo.".to_owned(),
            "## 1. Hizmetler\n\nYüklenici logoyu tasarlayacaktır; ödeme ₺ ile.".to_owned(),
        ),
        (
            "## 2. Fees\n\nThe fee is $6,400.00.".to_owned(),
            "## 2. Ücret\n\nÜcret 6.400,00 ₺'dir.".to_owned(),
        ),
    ];
    let columns = layout_columns(
        &rows,
        &ColumnOptions {
            paper: Paper::Letter,
            languages: [Language::English, Language::Turkish],
        },
    )
    .unwrap();
    assert_same("columns", &columns, &meta());
}

/// Every font, each face and each fallback.
fn all_fonts() -> impl Iterator<Item = Font> {
    Style::ALL
        .into_iter()
        .flat_map(|style| [false, true].map(|fallback| Font { style, fallback }))
}

#[test]
fn faces_draw_each_character_with_the_glyph_printpdf_does() {
    for font in all_fonts() {
        let (face, parsed) = (font.face(), parsed(font));
        let mut mapped = 0;
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let glyph = face.glyph(c);
            assert_eq!(
                glyph,
                parsed.lookup_glyph_index(u32::from(c)),
                "{font:?} {c:?}"
            );
            mapped += usize::from(glyph.is_some());
        }
        assert!(mapped > 50, "{font:?} maps {mapped} characters");
    }
}
