//! PDF: takes a laid-out [`Document`] and its metadata and returns the bytes of a PDF file.
//!
//! The only module that uses printpdf. It draws what the layout placed and decides nothing
//! about positions. The four Libertinus Serif faces are embedded as subsets, and so is the
//! fallback face of each for the characters it lacks (see [`metrics`]): a fragment is drawn
//! in runs, each in the face that has its characters. The output is
//! byte-for-byte deterministic: fixed font resource names, the creation date taken from
//! [`PdfMeta`], and a trailer `/ID` derived from the content instead of printpdf's random one.
//! The outline (one entry per `##` heading, in document order, jumping to the heading itself)
//! is written with lopdf, because printpdf sorts bookmarks by title and jumps to page tops;
//! lopdf also corrects the version, Info dictionary and page boxes printpdf gets wrong
//! (see [`claims`]).
//!
//! printpdf builds the document: its pages, the subset fonts and their dictionaries, the
//! links. The pages' content streams are written by [`content`], from the same drawing
//! ([`draw`]) and in the same syntax as printpdf would write them, at a fraction of the cost,
//! on a second thread while printpdf subsets the fonts; [`glyphs`] tells both sides which
//! glyphs each font draws.

mod claims;
mod content;
mod draw;
mod form;
mod glyphs;
#[cfg(test)]
mod reference;
mod slim;

use std::io::Write as _;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{
    Actions, BorderArray, FontId, LinkAnnotation, OffsetDateTime, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect, TextItem, font::PdfFont,
};

use crate::layout::{Document, FieldKind, Page, Style, metrics};

use glyphs::Glyphs;

/// Document information written into the PDF.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PdfMeta {
    /// Title shown by viewers (usually the contract's `#` heading).
    pub title: String,
    /// Author (the freelancer).
    pub author: String,
    /// Subject, e.g. "Contract between … and …".
    pub subject: String,
    /// Creation and modification date, seconds since the Unix epoch (UTC). Fixed by the caller
    /// so the same input gives the same bytes.
    pub created_unix_seconds: i64,
    /// A draft for negotiation: a light "DRAFT" across every page, and in the title and
    /// keywords.
    pub draft: bool,
    /// The e-signature service whose invisible text tags are drawn on the signature and date
    /// lines, if any.
    pub sign_tags: Option<SignTags>,
}

/// An e-signature service that places its fields where it finds its text tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignTags {
    /// Dropbox Sign (HelloSign): `[sig|req|signer1]`, `[date|req|signer1]`, read when the
    /// request is sent with `use_text_tags`.
    Dropbox,
    /// Docusign's automatic anchor tags: `\s1\` for the first recipient's signature,
    /// `\d1\` for the date it was signed.
    Docusign,
}

impl SignTags {
    /// The tag for a field of `kind` of the signer numbered `signer` (from 1).
    #[must_use]
    pub fn tag(self, kind: FieldKind, signer: usize) -> String {
        match (self, kind) {
            (SignTags::Dropbox, FieldKind::Signature) => format!("[sig|req|signer{signer}]"),
            (SignTags::Dropbox, FieldKind::Date) => format!("[date|req|signer{signer}]"),
            (SignTags::Docusign, FieldKind::Signature) => format!("\\s{signer}\\"),
            (SignTags::Docusign, FieldKind::Date) => format!("\\d{signer}\\"),
        }
    }
}

/// Resource names of the faces, in [`Style`] order: six capitals, which PDF tools read as
/// the subset tag of the embedded font's name.
const FONT_IDS: [&str; 4] = ["CWREGU", "CWBOLD", "CWITAL", "CWBOIT"];
/// Resource names of the fallback faces, in [`Style`] order.
const FALLBACK_IDS: [&str; 4] = ["CWFREG", "CWFBLD", "CWFITA", "CWFBIT"];

/// The font a run of text is drawn in: a face of the text font, or that face's fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Font {
    style: Style,
    fallback: bool,
}

impl Font {
    fn id(self) -> &'static str {
        let ids = if self.fallback {
            &FALLBACK_IDS
        } else {
            &FONT_IDS
        };
        ids[self.style.index()]
    }

    /// Index among the eight fonts: the faces in [`Style`] order, then their fallbacks.
    fn slot(self) -> usize {
        self.style.index() + if self.fallback { 4 } else { 0 }
    }

    fn handle(self) -> PdfFontHandle {
        PdfFontHandle::External(FontId(self.id().to_owned()))
    }

    /// Parsed for printpdf, once per process and only when a document uses it: parsing all
    /// four Libertinus faces costs more than rendering a short contract.
    fn parsed(self) -> &'static ParsedFont {
        static FONTS: [OnceLock<ParsedFont>; 8] = [const { OnceLock::new() }; 8];
        let bytes = if self.fallback {
            metrics::FALLBACK_FILES[self.style.index()]
        } else {
            metrics::FONT_FILES[self.style.index()]
        };
        FONTS[self.slot()].get_or_init(|| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("embedded font parses")
        })
    }
}

/// Parses the faces nearly every contract is set in (upright and bold), on the calling thread:
/// `build` calls it on another core while it renders the Markdown, and the PDF then finds
/// them parsed. A face is parsed once per process either way.
pub fn warm_up() {
    for style in [Style::Regular, Style::Bold] {
        Font {
            style,
            fallback: false,
        }
        .parsed();
    }
}

/// The faces (not their fallbacks) that `document` sets text in, drawn with `meta`, in
/// [`Style`] order.
fn faces_set(document: &Document, meta: &PdfMeta) -> Vec<Font> {
    let mut set = [false; 4];
    set[Style::Bold.index()] = meta.draft;
    set[Style::Regular.index()] = meta.sign_tags.is_some();
    let fragments = document.pages.iter().flat_map(|page| &page.lines);
    for fragment in fragments.flat_map(|line| &line.fragments) {
        set[fragment.style.index()] = true;
    }
    Style::ALL
        .into_iter()
        .filter(|style| set[style.index()])
        .map(|style| Font {
            style,
            fallback: false,
        })
        .collect()
}

/// The runs of `text` in one font each, with the font size each is drawn at.
fn runs(text: &str, style: Style, size: f32) -> impl Iterator<Item = (Font, f32, &str)> {
    let face = metrics::face(style);
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let fallback = face.is_fallback(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| face.is_fallback(c) != fallback)
            .map_or(rest.len(), |(at, _)| at);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        let size = if fallback {
            size * face.fallback_scale()
        } else {
            size
        };
        Some((Font { style, fallback }, size, run))
    })
}

/// Renders the document as PDF bytes.
///
/// # Panics
/// Never for documents made by [`crate::layout::layout`]; only if lopdf cannot write to memory.
#[must_use]
pub fn pdf(document: &Document, meta: &PdfMeta) -> Vec<u8> {
    let glyphs = std::thread::scope(|scope| {
        // Parsing a face costs more than the census of a whole contract: a second core
        // parses the faces the text is set in, last face first, while this one takes the
        // census and then parses, first face first, whatever is still to parse.
        scope.spawn(|| {
            for font in faces_set(document, meta).into_iter().rev() {
                font.parsed();
            }
        });
        Glyphs::of(document, meta)
    });
    let pages = &document.pages;
    let next = AtomicUsize::new(0);
    let contents: Vec<OnceLock<lopdf::Stream>> = pages.iter().map(|_| OnceLock::new()).collect();
    // Writes and deflates the pages not yet taken, one at a time.
    let write_pages = || {
        let mut encoder = encoder();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(page) = pages.get(k) else {
                break;
            };
            let content = content::page(page, document, meta, &glyphs);
            let mut stream = lopdf::Stream::new(Dictionary::new(), content);
            deflate(&mut stream, &mut encoder);
            let _ = contents[k].set(stream);
        }
    };
    let mut lo = std::thread::scope(|scope| {
        // A second core writes the pages while printpdf subsets the fonts, then both do.
        scope.spawn(write_pages);
        // printpdf subsets the fonts from a stand-in for the text: each glyph once, on the
        // first page; the real content streams replace what it writes for the pages.
        let lo = build(document, meta, &glyphs, |k, page| {
            let mut ops = if k == 0 {
                census_ops(&glyphs)
            } else {
                Vec::new()
            };
            ops.extend(links(page));
            ops
        });
        write_pages();
        lo
    });
    let contents = contents
        .into_iter()
        .map(|content| content.into_inner().expect("every page is written"))
        .collect();
    set_contents(&mut lo, contents);
    finish(lo, document, meta)
}

/// The document printpdf makes from `meta`, the fonts `glyphs` lists and each page's
/// operations, `ops(index, page)`.
fn build(
    document: &Document,
    meta: &PdfMeta,
    glyphs: &Glyphs,
    ops: impl Fn(usize, &Page) -> Vec<Op>,
) -> lopdf::Document {
    let title = if meta.draft {
        format!("{} (DRAFT)", meta.title)
    } else {
        meta.title.clone()
    };
    let mut doc = PdfDocument::new(&title);
    let date = OffsetDateTime::from_unix_timestamp(meta.created_unix_seconds)
        .unwrap_or_else(|_| OffsetDateTime::from_unix_timestamp(0).expect("epoch is valid"));
    let info = &mut doc.metadata.info;
    info.author.clone_from(&meta.author);
    info.subject.clone_from(&meta.subject);
    if meta.draft {
        info.keywords = vec!["DRAFT".to_owned()];
    }
    "clausewright".clone_into(&mut info.creator);
    info.producer = format!("clausewright {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    for font in glyphs.fonts() {
        doc.resources.fonts.map.insert(
            FontId(font.id().to_owned()),
            PdfFont::new(font.parsed().clone()),
        );
    }
    let pages = document
        .pages
        .iter()
        .enumerate()
        .map(|(k, page)| {
            PdfPage::new(
                Pt(document.width).into(),
                Pt(document.height).into(),
                ops(k, page),
            )
        })
        .collect();
    doc.with_pages(pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    doc.to_lopdf_document(&options, &mut Vec::new())
}

/// Each font's glyphs shown once, for printpdf to learn what to embed.
fn census_ops(glyphs: &Glyphs) -> Vec<Op> {
    let mut ops = Vec::new();
    for font in glyphs.fonts() {
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: font.handle(),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(glyphs.shown(font).to_owned())],
        });
        ops.push(Op::EndTextSection);
    }
    ops
}

/// The link annotations of `page`.
fn links(page: &Page) -> impl Iterator<Item = Op> + '_ {
    page.links.iter().map(|link| Op::LinkAnnotation {
        link: LinkAnnotation::new(
            Rect::from_xywh(Pt(link.x), Pt(link.y), Pt(link.width), Pt(link.height)),
            Actions::Uri(link.url.clone()),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            None,
            None,
        ),
    })
}

/// Puts `contents`, one stream a page in page order, in place of the pages' content streams.
fn set_contents(lo: &mut lopdf::Document, contents: Vec<lopdf::Stream>) {
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    for (page, content) in pages.into_iter().zip(contents) {
        let id = lo
            .get_dictionary(page)
            .and_then(|page| page.get(b"Contents"))
            .and_then(Object::as_reference);
        if let Ok(id) = id {
            lo.objects.insert(id, Object::Stream(content));
        }
    }
}

/// Corrects and completes printpdf's document and writes it out.
fn finish(mut lo: lopdf::Document, document: &Document, meta: &PdfMeta) -> Vec<u8> {
    claims::state_only_what_is_true(&mut lo, document.width, document.height);
    form::add_signature_fields(&mut lo, document);
    add_outline(&mut lo, document);
    pin_id(&mut lo, document, meta);
    slim_fonts(&mut lo);
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).expect("writing a PDF to memory");
    bytes
}

/// Drops the unused glyph names from the embedded font subsets (see [`slim`]).
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

/// Deflates every stream not yet compressed, on every core. lopdf's own `compress` uses the
/// slowest level, which costs more time than the whole rest of the PDF stage for a few per
/// cent of size.
fn compress(lo: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = lo
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.allows_compression && !stream.dict.has(b"Filter") => {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    // Largest first, each thread taking the next one free: the font files dwarf the pages.
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let queue = std::sync::Mutex::new(streams.into_iter());
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                // One encoder a thread, reset between streams: setting one up costs more
                // than deflating a page.
                let mut encoder = encoder();
                loop {
                    let next = queue.lock().map(|mut queue| queue.next());
                    match next {
                        Ok(Some(stream)) => deflate(stream, &mut encoder),
                        _ => break,
                    }
                }
            });
        }
    });
}

/// The deflate level of every stream. Measured on the first-time example (13 pages, its glyph
/// codes as literal strings): level 3 takes four fifths of the instructions of the default
/// level 6 for 1.5 KB more (2 per cent of the 78 KB file); level 2 would add 4 KB more and
/// level 1 22 KB more.
const DEFLATE_LEVEL: u32 = 3;

/// A deflate encoder at the level every stream is compressed at.
fn encoder() -> flate2::write::ZlibEncoder<Vec<u8>> {
    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(DEFLATE_LEVEL))
}

/// Deflates one stream with `encoder` (fresh or reset) when that makes it smaller; leaves
/// the encoder reset.
fn deflate(stream: &mut lopdf::Stream, encoder: &mut flate2::write::ZlibEncoder<Vec<u8>>) {
    let written = encoder.write_all(&stream.content);
    // Finishes this stream's data and starts the next one afresh.
    let compressed = encoder.reset(Vec::new());
    if written.is_err() {
        return;
    }
    if let Ok(compressed) = compressed
        && compressed.len() < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

fn text_string(text: &str) -> Object {
    // UTF-16BE with a byte order mark, so titles in any script survive.
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Writes the outline: one entry per bookmark, in document order, each jumping to its heading.
fn add_outline(lo: &mut lopdf::Document, document: &Document) {
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    let Ok(catalog) = lo.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    let marks: Vec<_> = document
        .bookmarks
        .iter()
        .filter_map(|b| Some((b, *page_ids.get(b.page)?)))
        .collect();
    if marks.is_empty() {
        return;
    }
    let outlines_id = lo.new_object_id();
    let ids: Vec<lopdf::ObjectId> = marks.iter().map(|_| lo.new_object_id()).collect();
    for (k, (mark, page_id)) in marks.iter().enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(&mark.title));
        item.set("Parent", outlines_id);
        item.set(
            "Dest",
            vec![
                Object::Reference(*page_id),
                "XYZ".into(),
                Object::Null,
                Object::Real(mark.y + 6.0),
                Object::Null,
            ],
        );
        if k > 0 {
            item.set("Prev", ids[k - 1]);
        }
        if let Some(next) = ids.get(k + 1) {
            item.set("Next", *next);
        }
        lo.objects.insert(ids[k], Object::Dictionary(item));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", "Outlines");
    outlines.set("First", ids[0]);
    outlines.set("Last", ids[ids.len() - 1]);
    outlines.set("Count", i64::try_from(ids.len()).unwrap_or(i64::MAX));
    lo.objects.insert(outlines_id, Object::Dictionary(outlines));
    if let Ok(Object::Dictionary(root)) = lo.get_object_mut(catalog) {
        root.set("Outlines", outlines_id);
        root.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}

/// Replaces printpdf's random trailer `/ID` with one derived from the content and metadata.
fn pin_id(lo: &mut lopdf::Document, document: &Document, meta: &PdfMeta) {
    let mut hash = Fnv::default();
    hash.write(meta.title.as_bytes());
    hash.write(meta.author.as_bytes());
    hash.write(meta.subject.as_bytes());
    hash.write(&meta.created_unix_seconds.to_le_bytes());
    for line in document.pages.iter().flat_map(|p| &p.lines) {
        hash.write(line.text.as_bytes());
        hash.write(&line.y.to_bits().to_le_bytes());
    }
    let first = hash.0;
    hash.write(b"clausewright");
    let mut id = first.to_be_bytes().to_vec();
    id.extend_from_slice(&hash.0.to_be_bytes());
    lo.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
}

/// 64-bit FNV-1a: tiny, stable across processes and Rust releases.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
