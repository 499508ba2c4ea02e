//! The laid-out document: pages of positioned lines, rules and link areas in PDF points
//! (origin bottom left), the signature block's blank lines, and one bookmark per `##` heading.

use super::breaker::{Fragment, LineEnd};
use super::metrics;

/// What a line is, so readers (and tests) can tell body text from furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A heading of the given level.
    Heading(u8),
    /// Body text: paragraphs, list items, quotes, code.
    Body,
    /// A list item's bullet or number.
    Marker,
    /// Text in a table cell.
    Cell,
    /// Text in a table's header row set again at the top of a page the table continues on: a
    /// repeat of words already read, not counted among the text's words.
    RepeatedCell,
    /// The running footer.
    Footer,
}

/// A line of text placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Baseline height above the page's bottom edge, in points.
    pub y: f32,
    /// The fragments; their `x` is from the page's left edge.
    pub fragments: Vec<Fragment>,
    /// The text as read: the fragments' text, trailing space removed.
    pub text: String,
    /// How the line ends (whether its last word continues on the next line).
    pub end: LineEnd,
    /// What the line is.
    pub role: Role,
}

impl Line {
    /// Left edge of the leftmost glyph, in points from the page's left edge (the first
    /// fragment's, unless right-to-left words begin the line).
    #[must_use]
    pub fn left(&self) -> f32 {
        self.fragments
            .iter()
            .map(|f| f.x)
            .reduce(f32::min)
            .unwrap_or(0.0)
    }

    /// Right edge of the rightmost glyph (trailing spaces excluded), in points from the left
    /// edge.
    #[must_use]
    pub fn right(&self) -> f32 {
        self.fragments
            .iter()
            .map(|f| {
                let trailing = &f.text[f.text.trim_end_matches(' ').len()..];
                f.x + f.width - metrics::face(f.style).width(trailing, f.size)
            })
            .reduce(f32::max)
            .unwrap_or(0.0)
    }
}

/// A straight stroked line (horizontal rules, table rules, quote bars).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// Start point x, in points.
    pub x1: f32,
    /// Start point y.
    pub y1: f32,
    /// End point x.
    pub x2: f32,
    /// End point y.
    pub y2: f32,
    /// Stroke width in points.
    pub thickness: f32,
    /// Grey level, 0 black to 1 white.
    pub gray: f32,
}

/// A clickable area over the text of a link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkArea {
    /// Left edge, in points.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// The link target.
    pub url: String,
}

/// What a blank line of the signature block is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// The party's signature: the first blank line of its part of the block.
    Signature,
    /// The day it signs: the last blank line of its part, when that is not the first.
    Date,
}

/// A blank line of the signature block that a signing party fills in.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureField {
    /// The party, as the block names it after its role ("Capitol Bakery & Café LLC" for
    /// "The Client: Capitol Bakery & Café LLC").
    pub party: String,
    /// The whole line that opens the party's part of the block.
    pub heading: String,
    /// The party's place among the signers, from 1 (the order of the block).
    pub signer: usize,
    /// What is filled in.
    pub kind: FieldKind,
    /// Left edge of the blank line, in points.
    pub x: f32,
    /// The blank line's baseline, in points above the page's bottom edge.
    pub y: f32,
    /// Length of the blank line.
    pub width: f32,
    /// The free space above the baseline that the signature may take.
    pub height: f32,
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Text lines, in reading order (a list marker comes just before its item's line).
    pub lines: Vec<Line>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Link areas.
    pub links: Vec<LinkArea>,
    /// The blank lines of the signature block on this page.
    pub fields: Vec<SignatureField>,
}

/// An outline entry for a `##` heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    /// The heading's text.
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading, in points above the page's bottom edge.
    pub y: f32,
}

/// The laid-out contract.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The text area: left, bottom, right, top edges in points. No body line leaves it.
    pub frame: [f32; 4],
    /// The contract's title (the `#` heading), empty if there is none.
    pub title: String,
    /// The pages, first to last, each with its footer.
    pub pages: Vec<Page>,
    /// One bookmark per `##` heading, in document order.
    pub bookmarks: Vec<Bookmark>,
}

impl Document {
    /// The text of every line of every page, in reading order, footers included.
    pub fn text_lines(&self) -> impl Iterator<Item = &str> {
        self.pages
            .iter()
            .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
    }

    /// The words of the headings, body text and table cells, in order, with words broken
    /// across lines rejoined (list markers and footers left out).
    #[must_use]
    pub fn words(&self) -> Vec<String> {
        let mut text = String::new();
        for line in self.pages.iter().flat_map(|p| &p.lines) {
            if matches!(line.role, Role::Marker | Role::Footer | Role::RepeatedCell) {
                continue;
            }
            match line.end {
                LineEnd::Hyphen => {
                    text.push_str(line.text.strip_suffix('-').unwrap_or(&line.text));
                }
                LineEnd::Join => text.push_str(&line.text),
                LineEnd::Space | LineEnd::Last => {
                    text.push_str(&line.text);
                    text.push(' ');
                }
            }
        }
        text.split_whitespace().map(str::to_owned).collect()
    }
}
