//! Layout: takes the contract's Markdown and returns a [`Document`], pages of positioned lines
//! in PDF points (origin bottom left), with footers, bookmarks and link areas.
//!
//! Pure and deterministic: no I/O, no printpdf. Text is measured with the advance widths of the
//! embedded Libertinus Serif faces and their fallbacks (see [`metrics`]), paragraphs are broken
//! by a total-fit breaker with the hyphenation of the text's [`Language`] and justified
//! (`breaker`), and pages are filled so that a heading stays with at least two lines of what
//! follows, paragraphs leave no single line at a page's foot or head, `<!-- keep-together -->`
//! blocks move whole to the next page, a table's header row is set again at the top of each page
//! the table continues on, and a table row taller than a page breaks between its lines.
//!
//! ```text
//! blocks    Markdown → blocks of styled inline text (pulldown-cmark)
//! breaker   inline text → justified, hyphenated lines (total fit)
//! bidi      right-to-left words in left-to-right lines: drawing order
//! metrics   the embedded faces' advance widths and character coverage
//! language  the text's language: hyphenation patterns, footer words
//! galley    blocks → slabs: set lines and table rows, with spacing and keeps
//! table     column widths of a table
//! signatures  the signature block: parties side by side, their blank lines as fields
//! pages     slabs → pages: page breaks, placement, bookmarks, link areas
//! columns   rows of two pieces → two columns aligned row by row (a bilingual contract)
//! footers   "title … Page X of Y" on every page
//! document  what layout returns: Document, Page, Line, Rule, LinkArea, Bookmark
//! ```

pub mod bidi;
pub(crate) mod blocks;
pub(crate) mod breaker;
mod columns;
mod document;
mod footers;
mod galley;
mod language;
pub mod metrics;
mod pages;
pub(crate) mod signatures;
mod table;
#[cfg(test)]
mod tests;

use blocks::{Block, Para};
pub use breaker::{Fragment, LineEnd};
pub use columns::{ColumnOptions, layout_columns};
pub use document::{
    Bookmark, Document, FieldKind, Line, LinkArea, Page, Role, Rule, SignatureField,
};
use footers::add_footers;
use galley::{Galley, set_paragraphs};
pub use language::Language;
pub use metrics::Style;
use pages::{body_lines, paginate, place, repeated};

/// Paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in points, to the thousandth of a point (A4 is 210 × 297 mm at
    /// 72 / 25.4 points a millimetre).
    #[must_use]
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }
}

/// How to lay out: what the command line can change about the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// The paper size; the margins stay one inch on every side.
    pub paper: Paper,
    /// The language of the text: its hyphenation patterns and the words of the page footer.
    pub language: Language,
    /// Set as a one-page reference sheet (the cover note of `build --explain`): smaller type,
    /// tighter lines and lists. Contracts and letters are never compact.
    pub compact: bool,
}

/// The first character of `text` the embedded fonts cannot draw, if any.
#[must_use]
pub(crate) fn missing_glyph(text: &str) -> Option<char> {
    text.chars().find(|&c| !blocks::drawable(c))
}

const MARGIN: f32 = 72.0;
const BODY_SIZE: f32 = 11.5;
const BODY_LEADING: f32 = 15.0;
/// Body type and leading of a compact reference sheet.
const COMPACT_SIZE: f32 = 10.0;
const COMPACT_LEADING: f32 = 12.5;
const PARA_GAP: f32 = 7.5;
const ITEM_GAP: f32 = 3.0;
const LIST_INDENT: f32 = 20.0;
const QUOTE_INDENT: f32 = 18.0;
const TABLE_SIZE: f32 = 10.5;
const TABLE_LEADING: f32 = 13.5;
const CELL_PAD: f32 = 4.0;
const FOOTER_SIZE: f32 = 9.0;
/// Baseline position within a line's leading, as a fraction from the top.
const BASELINE: f32 = 0.76;

/// Why the Markdown cannot be typeset.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// The Markdown holds a character none of the embedded PDF fonts can draw.
    #[error(
        "the PDF font cannot show the character '{character}' (U+{code:04X}) in \"{context}\" (Markdown line {line})",
        code = u32::from(*.character)
    )]
    MissingGlyph {
        /// The character no face can draw.
        character: char,
        /// 1-based line of the Markdown it is on.
        line: usize,
        /// The word it is in, so the user can find it in the answers.
        context: String,
    },
}

/// Parses `markdown` and sets it in a galley `width` points wide from `left` (`compact`: in the
/// tighter setting of a reference sheet): its slabs, with the parsed blocks (title and links).
fn set(
    markdown: &str,
    left: f32,
    width: f32,
    language: Language,
    compact: bool,
    page_height: f32,
) -> Result<(Galley, blocks::Parsed), LayoutError> {
    let parsed = blocks::parse(markdown).map_err(|m| LayoutError::MissingGlyph {
        character: m.character,
        line: m.line,
        context: m.word,
    })?;
    let mut galley = Galley {
        left,
        width,
        language,
        compact,
        page_height,
        ..Galley::default()
    };
    let paragraphs: Vec<&Para> = parsed
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Para(p) => Some(p),
            _ => None,
        })
        .collect();
    let mut sets = set_paragraphs(&paragraphs, width, language, compact).into_iter();
    for block in &parsed.blocks {
        galley.block(block, &mut sets);
    }
    Ok((galley, parsed))
}

/// Lays out the contract's Markdown on pages.
pub fn layout(markdown: &str, options: &LayoutOptions) -> Result<Document, LayoutError> {
    let (width, height) = options.paper.size();
    let frame = [MARGIN, MARGIN, width - MARGIN, height - MARGIN];
    let (mut galley, parsed) = set(
        markdown,
        frame[0],
        frame[2] - frame[0],
        options.language,
        options.compact,
        frame[3] - frame[1],
    )?;
    let ranges = paginate(&galley.slabs, frame[3] - frame[1]);
    let repeated = repeated(&galley.slabs, &ranges);
    let title = parsed.title.clone().unwrap_or_default();
    let mut document = Document {
        width,
        height,
        frame,
        title,
        pages: Vec::with_capacity(ranges.len()),
        bookmarks: Vec::new(),
    };
    for (index, run) in ranges.iter().enumerate() {
        let mut taken = body_lines(&mut galley.slabs, run, &repeated);
        let page = place(
            &galley.slabs,
            run,
            &mut taken,
            frame[3],
            index,
            &mut document.bookmarks,
            &parsed.links,
        );
        document.pages.push(page);
    }
    add_footers(&mut document, options.language);
    Ok(document)
}
