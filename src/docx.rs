//! DOCX: takes the contract's Markdown (the very string written as `.md` and typeset as PDF)
//! and its metadata, and returns the bytes of a Word document a client can open in Word or
//! `LibreOffice` and redline.
//!
//! The Markdown is read by the layout's own reader ([`blocks`]), so the DOCX holds the same
//! words in the same order as the PDF: headings as Word headings (the `#` title as the Title
//! style, `##` sections as Heading 1 with their numbers, so Word's navigation pane lists
//! them), paragraphs justified, list items with their markers and hanging indents, block
//! quotes indented, tables with a bold header row and rows that do not split, bold, italic and
//! links as Word hyperlinks. The two signing parties stand side by side in a borderless table,
//! and a `<!-- keep-together -->` block keeps with its next paragraph. Every page's footer holds
//! the title and "Page X of Y" as Word fields (`PAGE`, `NUMPAGES`), Libertinus Serif is named
//! as the font (Word substitutes a near face where it is not installed; nothing is
//! embedded), and the document properties hold the title, subject and author. A draft has
//! "DRAFT" in its page header and keywords. A bilingual contract ([`docx_columns`]) sets each
//! clause in its two languages side by side, a borderless table of one row per clause, as the
//! PDF does. Built in memory, deterministic: the ZIP entries carry a fixed date and the
//! properties the contract's.

mod fixups;
mod props;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Delete, Docx, Footer, Header, Hyperlink, HyperlinkType, Insert,
    NumPages, PageMargin, PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
    Tab, TabValueType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::diff::{Diff, Piece};
use crate::layout::blocks::{self, Block, Para, ParaKind};
use crate::layout::breaker::{Inline, Span};
use crate::layout::signatures::opens_party;
use crate::layout::{Paper, Style as FaceStyle};
use crate::model::Language;
use crate::pdf::PdfMeta;

/// The font named for every run: the PDF's face.
const FONT: &str = "Libertinus Serif";
/// Text size in half-points (11.5 pt, as the PDF).
const BODY_SIZE: usize = 23;
/// Footer size in half-points.
const FOOTER_SIZE: usize = 18;
/// One inch, in twentieths of a point.
const INCH: i32 = 1440;
/// The indent of a list level or a quote, in twentieths of a point.
const INDENT: i32 = 360;

/// Renders the Markdown as DOCX bytes, on `paper` with one-inch margins; the footer's words
/// ("Page X of Y", "Sayfa X / Y") are in `language`, the text's.
///
/// # Panics
/// Only if the ZIP archive cannot be written to memory.
#[must_use]
pub fn docx(markdown: &str, meta: &PdfMeta, paper: Paper, language: Language) -> Vec<u8> {
    let parsed = blocks::read(markdown);
    let (mut doc, text_width) = page(
        meta,
        paper,
        parsed.title.as_deref().unwrap_or_default(),
        language,
    );
    let parts = Parts::default();
    for item in write(&parsed, text_width, &parts) {
        doc = item.add_to(doc);
    }
    pack(doc, meta, &parts)
}

/// A bilingual contract: each row (a clause in the first language and in the second) as a
/// borderless table of two columns, the first language on the left, as the PDF sets it. The
/// footer holds the first language's title, in the first language's words (`language`).
///
/// # Panics
/// Only if the ZIP archive cannot be written to memory.
#[must_use]
pub fn docx_columns(
    rows: &[(String, String)],
    meta: &PdfMeta,
    paper: Paper,
    language: Language,
) -> Vec<u8> {
    let pieces: Vec<[blocks::Parsed; 2]> = rows
        .iter()
        .map(|(left, right)| [blocks::read(left), blocks::read(right)])
        .collect();
    let title = pieces
        .iter()
        .find_map(|[left, _]| left.title.clone())
        .unwrap_or_default();
    let (mut doc, text_width) = page(meta, paper, &title, language);
    let column = text_width / 2;
    let parts = Parts::default();
    for [left, right] in &pieces {
        // The row's own table comes before the tables in its cells.
        let at = parts.header_rows.borrow().len();
        let cells = [left, right].map(|parsed| {
            let items = write(parsed, column - 2 * CELL_MARGIN, &parts);
            let ends_in_paragraph = matches!(items.last(), Some(Item::Paragraph(_)));
            let mut cell = TableCell::new().width(column.unsigned_abs() as usize, WidthType::Dxa);
            for item in items {
                cell = match item {
                    Item::Paragraph(p) => cell.add_paragraph(p),
                    Item::Table(t) => cell.add_table(t),
                };
            }
            // Word wants every cell to end with a paragraph.
            if ends_in_paragraph {
                cell
            } else {
                cell.add_paragraph(Paragraph::new())
            }
        });
        parts.header_rows.borrow_mut().insert(at, false);
        let width = column.unsigned_abs() as usize;
        let table = Table::without_borders(vec![TableRow::new(cells.into())])
            .set_grid(vec![width, width])
            .layout(TableLayoutType::Fixed)
            .width(width * 2, WidthType::Dxa);
        doc = doc.add_table(table);
    }
    pack(doc, meta, &parts)
}

/// The left and right margin Word gives a table cell by default, in twentieths of a point.
const CELL_MARGIN: i32 = 108;

/// What a piece of Markdown becomes: paragraphs and tables, in order, set `text_width` wide;
/// header rows and hyperlinks are recorded in `parts`.
fn write(parsed: &blocks::Parsed, text_width: i32, parts: &Parts) -> Vec<Item> {
    let mut writer = Writer {
        items: Vec::new(),
        links: &parsed.links,
        keep: false,
        signing: None,
        text_width,
        parts,
    };
    for block in &parsed.blocks {
        writer.block(block);
    }
    writer.block(&Block::SignEnd);
    writer.items
}

/// A paragraph or a table of the body (moved once into the document, so its size does not
/// matter).
#[allow(clippy::large_enum_variant)]
enum Item {
    Paragraph(Paragraph),
    Table(Table),
}

impl Item {
    fn add_to(self, doc: Docx) -> Docx {
        match self {
            Item::Paragraph(p) => doc.add_paragraph(p),
            Item::Table(t) => doc.add_table(t),
        }
    }
}

/// What the writer added that docx-rs cannot write itself (see [`fixups`]).
#[derive(Default)]
struct Parts {
    /// For each table, in the order of the document's XML: whether its first row is a
    /// header row.
    header_rows: RefCell<Vec<bool>>,
    /// Each hyperlink's target, in document order (written while paragraphs are built, which
    /// borrow the writer shared).
    hyperlinks: RefCell<Vec<String>>,
}

/// The later contract of `diff` with its changes from the earlier one tracked: each deleted
/// run of words a deletion and each added one an insertion, by `author` on `date` (an ISO
/// 8601 date and time), so Word's Review pane lists them and can accept or reject each.
/// Paragraphs are plain text in the contract's heading styles.
///
/// # Panics
/// Only if the ZIP archive cannot be written to memory.
#[must_use]
pub fn tracked(diff: &Diff, meta: &PdfMeta, paper: Paper, author: &str, date: &str) -> Vec<u8> {
    let (mut doc, _) = page(meta, paper, &meta.title, Language::En);
    for paragraph in &diff.paragraphs {
        let mut out = match paragraph.heading {
            Some(1) => Paragraph::new().style("Title"),
            Some(2) => Paragraph::new().style("Heading1"),
            Some(3) => Paragraph::new().style("Heading2"),
            Some(_) => Paragraph::new().style("Heading3"),
            None => Paragraph::new().align(AlignmentType::Both),
        };
        let whole = |piece: fn(&Piece) -> bool| paragraph.pieces.iter().all(piece);
        if whole(|p| matches!(p, Piece::Deleted(_))) {
            out = out.delete(author, date);
        } else if whole(|p| matches!(p, Piece::Inserted(_))) {
            out = out.insert(author, date);
        }
        // Where each piece starts in the earlier and the later text, in characters.
        let (mut before, mut after) = (0, 0);
        for piece in &paragraph.pieces {
            let (text, styles, at) = match piece {
                Piece::Same(text) | Piece::Inserted(text) => (text, &paragraph.after, &mut after),
                Piece::Deleted(text) => (text, &paragraph.before, &mut before),
            };
            let start = *at;
            *at += text.chars().count();
            if matches!(piece, Piece::Same(_)) {
                before += text.chars().count();
            }
            for (style, run_text) in styled_runs(text, styles.get(start..).unwrap_or_default()) {
                let face = |run: Run| {
                    let run = if style.is_bold() { run.bold() } else { run };
                    if style.is_italic() { run.italic() } else { run }
                };
                out = match piece {
                    Piece::Same(_) => out.add_run(face(Run::new().add_text(run_text))),
                    Piece::Deleted(_) => out.add_delete(
                        Delete::new()
                            .author(author)
                            .date(date)
                            .add_run(face(Run::new().add_delete_text(run_text))),
                    ),
                    Piece::Inserted(_) => out.add_insert(
                        Insert::new(face(Run::new().add_text(run_text)))
                            .author(author)
                            .date(date),
                    ),
                };
            }
        }
        doc = doc.add_paragraph(out);
    }
    pack(doc, meta, &Parts::default())
}

/// `text` cut into runs of one face each, `styles` holding the face of each of its characters
/// (a character past its end is regular).
fn styled_runs<'t>(text: &'t str, styles: &[FaceStyle]) -> Vec<(FaceStyle, &'t str)> {
    let mut runs: Vec<(FaceStyle, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<FaceStyle> = None;
    for (k, (at, _)) in text.char_indices().enumerate() {
        let style = styles.get(k).copied().unwrap_or_default();
        if current.is_some_and(|c| c != style) {
            runs.push((current.unwrap_or_default(), &text[start..at]));
            start = at;
        }
        current = Some(style);
    }
    if let Some(style) = current {
        runs.push((style, &text[start..]));
    }
    runs
}

/// A document on `paper` with one-inch margins, the styles, the font and the footer, and the
/// width of its text in twentieths of a point.
fn page(meta: &PdfMeta, paper: Paper, title: &str, language: Language) -> (Docx, i32) {
    let (width, height) = paper.size();
    let (width, height) = (twips(width), twips(height));
    let text_width = width - 2 * INCH;
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut doc = Docx::new()
        .page_size(width.unsigned_abs(), height.unsigned_abs())
        .page_margin(
            PageMargin::new()
                .top(INCH)
                .bottom(INCH)
                .left(INCH)
                .right(INCH)
                .header(INCH / 2)
                .footer(INCH / 2),
        )
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        .footer(footer(title, text_width, language));
    for style in styles() {
        doc = doc.add_style(style);
    }
    if meta.draft {
        doc = doc.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("DRAFT").bold().color("A6A6A6").size(28)),
            ),
        );
    }
    (doc, text_width)
}

/// The package's bytes, with the core properties of `meta` and the `parts` docx-rs cannot
/// write (header rows, hyperlink relationships).
fn pack(doc: Docx, meta: &PdfMeta, parts: &Parts) -> Vec<u8> {
    let mut xml = doc.build();
    xml.doc_props.core = props::core(meta);
    let document = String::from_utf8_lossy(&xml.document);
    let document = fixups::mark_header_rows(&document, &parts.header_rows.borrow());
    let rels = String::from_utf8_lossy(&xml.document_rels);
    let (document, rels) = fixups::number_hyperlinks(&document, &rels, &parts.hyperlinks.borrow());
    xml.document = document.into_bytes();
    xml.document_rels = rels.into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).expect("writing a DOCX to memory");
    out.into_inner()
}

/// Points to twentieths of a point.
fn twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

/// The paragraph styles: the title, three heading levels (Word's own ids, so the navigation
/// pane and a table of contents find them) and the quote.
fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
            .outline_lvl(level)
    };
    vec![
        Style::new("Normal", StyleType::Paragraph).name("Normal"),
        heading("Title", "Title", 40, 0).align(AlignmentType::Center),
        heading("Heading1", "heading 1", 27, 0),
        heading("Heading2", "heading 2", 24, 1),
        heading("Heading3", "heading 3", BODY_SIZE, 2),
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("1F4E9A")
            .underline("single"),
    ]
}

/// "title … Page X of Y" ("Sayfa X / Y" in Turkish), the page numbers as fields Word updates.
fn footer(title: &str, text_width: i32, language: Language) -> Footer {
    let run = |text: &str| Run::new().add_text(text).size(FOOTER_SIZE);
    let (page, of) = match language {
        Language::En => ("Page ", " of "),
        Language::Tr => ("Sayfa ", " / "),
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos(text_width.unsigned_abs() as usize),
            )
            .add_run(run(title))
            .add_run(run("").add_tab().add_text(page))
            .add_page_num(PageNum::new())
            .add_run(run(of))
            .add_num_pages(NumPages::new())
            .size(FOOTER_SIZE),
    )
}

/// The body being written, block by block.
struct Writer<'a> {
    items: Vec<Item>,
    links: &'a [String],
    /// Inside `<!-- keep-together -->`.
    keep: bool,
    /// The paragraphs of an open signature block.
    signing: Option<Vec<Para>>,
    text_width: i32,
    /// What docx-rs cannot write, added when the package is made.
    parts: &'a Parts,
}

impl Writer<'_> {
    fn block(&mut self, block: &Block) {
        if let Some(signing) = &mut self.signing {
            match block {
                Block::Para(p) => {
                    signing.push(p.clone());
                    return;
                }
                Block::SignStart => return,
                _ => {
                    let paragraphs = std::mem::take(signing);
                    self.signature_block(&paragraphs);
                }
            }
        }
        match block {
            Block::Para(p) => {
                let paragraph = self.paragraph(p);
                self.items.push(Item::Paragraph(paragraph));
            }
            Block::Rule => {
                let rule = Paragraph::new().set_borders(
                    docx_rs::ParagraphBorders::with_empty().set(
                        docx_rs::ParagraphBorder::new(docx_rs::ParagraphBorderPosition::Bottom)
                            .size(4)
                            .color("808080"),
                    ),
                );
                self.items.push(Item::Paragraph(rule));
            }
            Block::Table(t) => {
                let table = self.table(t);
                self.items.push(Item::Table(table));
                // Word repeats the header row on each page the table runs on to.
                self.parts.header_rows.borrow_mut().push(true);
            }
            Block::KeepStart => self.keep = true,
            Block::KeepEnd => self.keep = false,
            Block::SignStart => self.signing = Some(Vec::new()),
            Block::SignEnd => self.signing = None,
        }
    }

    /// A paragraph of the text, styled by what it is.
    fn paragraph(&self, p: &Para) -> Paragraph {
        let mut paragraph = Paragraph::new();
        paragraph = match p.kind {
            ParaKind::Heading(1) => paragraph.style("Title"),
            ParaKind::Heading(2) => paragraph.style("Heading1").keep_next(true),
            ParaKind::Heading(3) => paragraph.style("Heading2").keep_next(true),
            ParaKind::Heading(_) => paragraph.style("Heading3").keep_next(true),
            ParaKind::Body => paragraph.align(AlignmentType::Both),
            ParaKind::Code => paragraph,
        };
        if self.keep {
            paragraph = paragraph.keep_next(true).keep_lines(true);
        }
        let depth = p.list_depth.min(6) + p.quote_depth.min(6);
        if depth > 0 {
            let left = i32::try_from(depth).unwrap_or(12) * INDENT;
            let hanging = (p.list_depth > 0).then_some(SpecialIndentType::Hanging(INDENT));
            paragraph = paragraph.indent(Some(left), hanging, None, None);
        }
        if let Some(marker) = &p.marker {
            paragraph = paragraph.add_run(Run::new().add_text(marker.as_str()).add_tab());
        }
        self.runs(paragraph, &p.inlines)
    }

    /// Adds the inline text: runs in their face, links as hyperlinks, hard breaks.
    fn runs(&self, mut paragraph: Paragraph, inlines: &[Inline]) -> Paragraph {
        let mut k = 0;
        while k < inlines.len() {
            match &inlines[k] {
                Inline::HardBreak => {
                    paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
                }
                Inline::Text(span) => {
                    let Some(link) = span.link else {
                        paragraph = paragraph.add_run(run(span));
                        k += 1;
                        continue;
                    };
                    let target = self.links.get(link).map_or("", String::as_str);
                    self.parts.hyperlinks.borrow_mut().push(target.to_owned());
                    let mut hyperlink = Hyperlink::new(target, HyperlinkType::External);
                    while let Some(Inline::Text(span)) = inlines.get(k)
                        && span.link == Some(link)
                    {
                        hyperlink = hyperlink.add_run(run(span).style("Hyperlink"));
                        k += 1;
                    }
                    paragraph = paragraph.add_hyperlink(hyperlink);
                    continue;
                }
            }
            k += 1;
        }
        paragraph
    }

    /// A table across the text width in equal columns, its header row bold.
    fn table(&self, t: &blocks::Table) -> Table {
        let columns = t
            .head
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let cell_width = (self.text_width.unsigned_abs() as usize) / columns;
        let row = |cells: &[Vec<Inline>]| {
            TableRow::new(
                (0..columns)
                    .map(|c| {
                        let inlines = cells.get(c).map_or(&[][..], Vec::as_slice);
                        let align = match t.align.get(c) {
                            Some(blocks::Align::Right) => AlignmentType::Right,
                            Some(blocks::Align::Center) => AlignmentType::Center,
                            _ => AlignmentType::Left,
                        };
                        TableCell::new()
                            .width(cell_width, WidthType::Dxa)
                            .add_paragraph(self.runs(Paragraph::new().align(align), inlines))
                    })
                    .collect(),
            )
            .cant_split()
        };
        let mut rows = vec![row(&t.head)];
        rows.extend(t.rows.iter().map(|r| row(r)));
        Table::new(rows)
            .set_grid(vec![cell_width; columns])
            .layout(TableLayoutType::Fixed)
            .width(self.text_width.unsigned_abs() as usize, WidthType::Dxa)
    }

    /// The signature block: the sentence before the parties, then two parties side by side in
    /// a borderless table (any other number one after another).
    fn signature_block(&mut self, paragraphs: &[Para]) {
        let first_party = paragraphs.iter().position(opens_party);
        let (intro, parties) = paragraphs.split_at(first_party.unwrap_or(paragraphs.len()));
        for p in intro {
            let paragraph = self.paragraph(p);
            self.items.push(Item::Paragraph(paragraph));
        }
        let mut columns: Vec<Vec<&Para>> = Vec::new();
        for p in parties {
            if opens_party(p) || columns.is_empty() {
                columns.push(Vec::new());
            }
            if let Some(column) = columns.last_mut() {
                column.push(p);
            }
        }
        if columns.len() != 2 {
            for p in parties {
                let paragraph = self.paragraph(p);
                self.items.push(Item::Paragraph(paragraph));
            }
            return;
        }
        let half = (self.text_width.unsigned_abs() as usize) / 2;
        let cells = columns
            .iter()
            .map(|column| {
                column
                    .iter()
                    .fold(TableCell::new().width(half, WidthType::Dxa), |cell, p| {
                        cell.add_paragraph(self.paragraph(p).align(AlignmentType::Left))
                    })
            })
            .collect();
        let table = Table::without_borders(vec![TableRow::new(cells).cant_split()])
            .set_grid(vec![half, half])
            .layout(TableLayoutType::Fixed)
            .width(half * 2, WidthType::Dxa);
        self.items.push(Item::Table(table));
        self.parts.header_rows.borrow_mut().push(false);
    }
}

/// A run of text in its face.
fn run(span: &Span) -> Run {
    let mut run = Run::new().add_text(span.text.as_str());
    if span.style.is_bold() {
        run = run.bold();
    }
    if span.style.is_italic() {
        run = run.italic();
    }
    run
}
