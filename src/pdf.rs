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
//! printpdf builds the document: its pages, their links, the metadata. The rest is done as
//! printpdf would do it, at a fraction of the cost, as jobs shared by every core: each font is
//! subset and embedded by [`embed`] (the same objects printpdf writes), and each page's content
//! stream is written by [`content`], from the same drawing ([`draw`]) and in the same syntax
//! as printpdf's; [`glyphs`] tells both which glyphs each font draws, and [`face`] which glyph
//! a character is.

mod claims;
mod content;
mod draw;
mod embed;
mod face;
mod form;
mod glyphs;
#[cfg(test)]
mod reference;
mod slim;

use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{
    Actions, BorderArray, LinkAnnotation, OffsetDateTime, Op, PdfDocument, PdfPage, PdfSaveOptions,
    Pt, Rect,
};

use crate::layout::{Document, FieldKind, Page, Style, metrics};

use face::Face;
use glyphs::{Census, Glyphs};

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

    /// The font file, opened once per process.
    fn face(self) -> &'static Face {
        static FACES: [OnceLock<Face>; 8] = [const { OnceLock::new() }; 8];
        let bytes = if self.fallback {
            metrics::FALLBACK_FILES[self.style.index()]
        } else {
            metrics::FONT_FILES[self.style.index()]
        };
        FACES[self.slot()]
            .get_or_init(|| Face::open(bytes).expect("an embedded font has a Unicode cmap"))
    }
}

/// Sets up, on the calling thread, what every PDF needs before it knows its document: the
/// deflate encoders of the first two cores' jobs (setting one up costs more than deflating a
/// page) and the faces nearly every contract is set in (upright and bold). `build` calls it on
/// another core while it renders the Markdown; the PDF would do it all itself otherwise.
pub fn warm_up() {
    if let Ok(mut pool) = ENCODERS.lock() {
        while pool.len() < 2 {
            pool.push(encoder());
        }
    }
    for style in [Style::Regular, Style::Bold] {
        Font {
            style,
            fallback: false,
        }
        .face();
    }
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
    let pages = &document.pages;
    // printpdf's part needs no glyphs. The census of a page costs about three times its part
    // of printpdf's: a second core makes printpdf's part and takes the census of the last
    // third of the pages while this one takes the census of the first two thirds.
    let split = pages.len() * 2 / 3;
    let (census, mut lo) = std::thread::scope(|scope| {
        let helper = scope.spawn(|| {
            let skeleton = to_lopdf(&printpdf_document(document, meta, |page| {
                links(page).collect()
            }));
            (skeleton, Census::of(&pages[split..], document, meta))
        });
        let first = Census::of(&pages[..split], document, meta);
        let (skeleton, rest) = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first.then(rest), skeleton)
    });
    let glyphs = Glyphs::seen(&census);
    // Numbered as printpdf numbers them: in the order of their resource names.
    let mut fonts: Vec<Font> = glyphs.fonts().collect();
    fonts.sort_by_key(|font| font.id());
    let embedded: Vec<OnceLock<_>> = fonts.iter().map(|_| OnceLock::new()).collect();
    let contents: Vec<OnceLock<lopdf::Stream>> = pages.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    // Takes the jobs not yet taken, one at a time: the fonts, the costliest, then the pages.
    let work = || {
        // One encoder a thread, reset between streams.
        let mut encoder = ENCODERS
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_else(encoder);
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if let Some(&font) = fonts.get(k) {
                let first = embed::first_id(k);
                let objects = embed::embed(font, glyphs.used(font), first, &mut encoder);
                let _ = embedded[k].set(objects);
            } else if let Some(page) = pages.get(k - fonts.len()) {
                let content = content::page(page, document, meta, &glyphs);
                let mut stream = lopdf::Stream::new(Dictionary::new(), content);
                deflate(&mut stream, &mut encoder);
                let _ = contents[k - fonts.len()].set(stream);
            } else {
                break;
            }
        }
        if let Ok(mut pool) = ENCODERS.lock() {
            pool.push(encoder);
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(fonts.len() + pages.len());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let contents = contents
        .into_iter()
        .map(|content| content.into_inner().expect("every page is written"))
        .collect();
    set_contents(&mut lo, contents);
    let embedded = fonts
        .into_iter()
        .zip(embedded)
        .map(|(font, objects)| (font, objects.into_inner().expect("every font is embedded")))
        .collect();
    embed::place(&mut lo, embedded);
    finish(lo, document, meta)
}

/// The document printpdf makes from `meta` and each page's operations, `ops(page)`, with no
/// fonts: [`embed`] adds them.
fn printpdf_document(
    document: &Document,
    meta: &PdfMeta,
    ops: impl Fn(&Page) -> Vec<Op>,
) -> PdfDocument {
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
    let pages = document
        .pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Pt(document.width).into(),
                Pt(document.height).into(),
                ops(page),
            )
        })
        .collect();
    doc.with_pages(pages);
    doc
}

/// printpdf's document as lopdf objects.
fn to_lopdf(doc: &PdfDocument) -> lopdf::Document {
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    doc.to_lopdf_document(&options, &mut Vec::new())
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
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).expect("writing a PDF to memory");
    bytes
}

/// Deflates every stream not yet compressed. The fonts and pages are deflated as they are
/// made; what is left is small (the form's empty appearances, none at all in most files), so
/// an encoder is set up only for a stream with content.
fn compress(lo: &mut lopdf::Document) {
    let mut deflater = None;
    for object in lo.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && !stream.dict.has(b"Filter")
            && !stream.content.is_empty()
        {
            deflate(stream, deflater.get_or_insert_with(encoder));
        }
    }
}

/// The deflate level of every stream. Measured on the first-time example (13 pages, its glyph
/// codes as literal strings): level 3 takes four fifths of the instructions of the default
/// level 6 for 1.5 KB more (2 per cent of the 78 KB file); level 2 would add 4 KB more and
/// level 1 22 KB more.
const DEFLATE_LEVEL: u32 = 3;

/// A deflate encoder, reset between streams.
type Encoder = flate2::write::ZlibEncoder<Vec<u8>>;

/// Encoders set up by [`warm_up`] or left by an earlier PDF, each reset, for the jobs to take:
/// setting one up costs more than deflating a page.
static ENCODERS: Mutex<Vec<Encoder>> = Mutex::new(Vec::new());

/// A deflate encoder at the level every stream is compressed at.
fn encoder() -> Encoder {
    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(DEFLATE_LEVEL))
}

/// Deflates one stream with `encoder` (fresh or reset) when that makes it smaller; leaves
/// the encoder reset.
fn deflate(stream: &mut lopdf::Stream, encoder: &mut Encoder) {
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
