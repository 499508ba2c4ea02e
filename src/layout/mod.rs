//! Layout: takes the contract's Markdown and returns a [`Document`], pages of positioned lines
//! in PDF points (origin bottom left), with footers, bookmarks and link areas.
//!
//! Pure and deterministic: no I/O, no printpdf. Text is measured with the advance widths of the
//! embedded Libertinus Serif faces (see [`metrics`]), paragraphs are broken by a total-fit
//! breaker with English hyphenation and justified ([`breaker`]), and pages are filled so that a
//! heading stays with at least two lines of what follows, paragraphs leave no single line at a
//! page's foot or head, and `<!-- keep-together -->` blocks move whole to the next page.

pub mod blocks;
pub mod breaker;
pub mod metrics;

use blocks::{Block, Para, ParaKind, Table};
use breaker::{Align, Inline, Measure, SetLine, Span};
pub use breaker::{Fragment, LineEnd};
pub use metrics::Style;

/// Paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in points.
    #[must_use]
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// How to lay out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// The paper size.
    pub paper: Paper,
}

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
    /// Left edge of the first glyph, in points from the page's left edge.
    #[must_use]
    pub fn left(&self) -> f32 {
        self.fragments.first().map_or(0.0, |f| f.x)
    }

    /// Right edge of the last glyph (trailing space excluded), in points from the left edge.
    #[must_use]
    pub fn right(&self) -> f32 {
        self.fragments.last().map_or(0.0, |f| {
            let trailing = &f.text[f.text.trim_end_matches(' ').len()..];
            f.x + f.width - metrics::face(f.style).width(trailing, f.size)
        })
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

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Text lines, in reading order (a list marker comes just before its item's line).
    pub lines: Vec<Line>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Link areas.
    pub links: Vec<LinkArea>,
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
    /// The pages.
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
            if matches!(line.role, Role::Marker | Role::Footer) {
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

/// The first character of `text` the embedded fonts cannot draw, if any.
#[must_use]
pub fn missing_glyph(text: &str) -> Option<char> {
    text.chars().find(|&c| !blocks::drawable(c))
}

const MARGIN: f32 = 72.0;
const BODY_SIZE: f32 = 11.5;
const BODY_LEADING: f32 = 15.0;
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

/// Lays out the contract's Markdown on pages.
pub fn layout(markdown: &str, options: &LayoutOptions) -> Result<Document, crate::Error> {
    let parsed = blocks::parse(markdown).map_err(|m| crate::Error::MissingGlyph {
        character: m.character,
        line: m.line,
        context: m.word,
    })?;
    let (width, height) = options.paper.size();
    let frame = [MARGIN, MARGIN, width - MARGIN, height - MARGIN];
    let mut galley = Galley {
        left: frame[0],
        width: frame[2] - frame[0],
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
    let mut sets = set_paragraphs(&paragraphs, galley.width).into_iter();
    for block in &parsed.blocks {
        galley.block(block, &mut sets);
    }
    let ranges = paginate(&galley.slabs, frame[3] - frame[1]);
    let title = parsed.title.clone().unwrap_or_default();
    let mut document = Document {
        width,
        height,
        frame,
        title,
        pages: Vec::with_capacity(ranges.len()),
        bookmarks: Vec::new(),
    };
    for (index, range) in ranges.iter().enumerate() {
        let page = place(
            &galley.slabs[range.clone()],
            frame[3],
            index,
            &mut document.bookmarks,
            &parsed.links,
        );
        document.pages.push(page);
    }
    add_footers(&mut document);
    Ok(document)
}

/// A line before placement: `y` is the baseline's distance below the slab's top.
#[derive(Debug)]
struct Slab {
    height: f32,
    space_before: f32,
    break_before: bool,
    lines: Vec<Line>,
    /// Rules with `y` measured downwards from the slab's top.
    rules: Vec<Rule>,
    /// The x of a block quote bar running down the slab's left.
    bars: Vec<f32>,
    bookmark: Option<String>,
}

/// Vertical material being collected, one slab per line or table row.
#[derive(Default)]
struct Galley {
    left: f32,
    width: f32,
    slabs: Vec<Slab>,
    pending_space: f32,
    /// How many more slabs must stay on the page of the one before (after a heading).
    glue: usize,
    keep: bool,
    keep_started: bool,
}

impl Galley {
    fn space(&mut self, before: f32) {
        self.pending_space = self.pending_space.max(before);
    }

    fn push(&mut self, mut slab: Slab, break_ok: bool) {
        slab.break_before = break_ok && self.glue == 0 && !(self.keep && self.keep_started);
        slab.space_before = std::mem::take(&mut self.pending_space);
        self.glue = self.glue.saturating_sub(1);
        if self.keep {
            self.keep_started = true;
        }
        self.slabs.push(slab);
    }

    /// Adds a block; a paragraph takes the next of `sets`, its lines broken beforehand, all
    /// paragraphs at once (see `set_paragraphs`).
    fn block(&mut self, block: &Block, sets: &mut impl Iterator<Item = Vec<SetLine>>) {
        match block {
            Block::Para(p) => {
                let lines = sets.next().unwrap_or_default();
                self.para(p, lines);
            }
            Block::Rule => {
                self.space(PARA_GAP);
                let y = 9.0;
                let slab = Slab {
                    height: 18.0,
                    rules: vec![Rule {
                        x1: self.left + self.width * 0.3,
                        y1: y,
                        x2: self.left + self.width * 0.7,
                        y2: y,
                        thickness: 0.6,
                        gray: 0.45,
                    }],
                    ..Slab::empty()
                };
                self.push(slab, true);
                self.space(PARA_GAP);
            }
            Block::Table(t) => self.table(t),
            Block::KeepStart => {
                self.keep = true;
                self.keep_started = false;
            }
            Block::KeepEnd => self.keep = false,
        }
    }

    /// Places a paragraph whose lines [`set_paragraph`] has already broken.
    fn para(&mut self, p: &Para, lines: Vec<SetLine>) {
        let (leading, before, after) = para_spacing(p);
        let indent = para_indent(p);
        let role = match p.kind {
            ParaKind::Heading(level) => Role::Heading(level),
            _ => Role::Body,
        };
        let bars: Vec<f32> = (0..p.quote_depth)
            .map(|d| self.left + d as f32 * QUOTE_INDENT + 3.0)
            .collect();
        self.space(before);
        let n = lines.len();
        for (i, set) in lines.into_iter().enumerate() {
            let baseline = leading * BASELINE;
            let mut slab_lines = Vec::with_capacity(2);
            if i == 0
                && let Some(marker) = &p.marker
            {
                slab_lines.push(Self::marker(marker, self.left + indent, baseline));
            }
            slab_lines.push(placed(set, self.left + indent, baseline, role));
            let bookmark =
                (i == 0 && p.kind == ParaKind::Heading(2)).then(|| plain_text(&p.inlines));
            let slab = Slab {
                height: leading,
                lines: slab_lines,
                bars: bars.clone(),
                bookmark,
                ..Slab::empty()
            };
            // No single line of a paragraph alone at a page's foot or head.
            let break_ok = match p.kind {
                ParaKind::Heading(_) => i == 0,
                ParaKind::Body => i == 0 || (i >= 2 && i + 2 <= n),
                ParaKind::Code => true,
            };
            self.push(slab, break_ok);
        }
        if matches!(p.kind, ParaKind::Heading(_)) {
            self.glue = 2;
        }
        self.space(after);
    }

    fn marker(marker: &str, text_x: f32, baseline: f32) -> Line {
        let width = metrics::face(Style::Regular).width(marker, BODY_SIZE);
        // Numbers end just before the text; bullets sit centred in the hanging indent.
        let x = if marker.ends_with('.') {
            text_x - 5.0 - width
        } else {
            text_x - LIST_INDENT / 2.0 - width / 2.0
        };
        Line {
            y: baseline,
            fragments: vec![Fragment {
                x,
                width,
                text: marker.to_owned(),
                style: Style::Regular,
                size: BODY_SIZE,
                link: None,
            }],
            text: marker.to_owned(),
            end: LineEnd::Last,
            role: Role::Marker,
        }
    }

    fn table(&mut self, t: &Table) {
        let indent = t.quote_depth as f32 * QUOTE_INDENT + t.list_depth as f32 * LIST_INDENT;
        let left = self.left + indent;
        let width = self.width - indent;
        let columns = t
            .head
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let widths = column_widths(t, columns, width);
        let mut xs = Vec::with_capacity(columns);
        let mut x = left;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        self.space(PARA_GAP + 2.0);
        let rows = std::iter::once(&t.head).chain(&t.rows);
        for (r, row) in rows.enumerate() {
            let mut cells: Vec<Vec<SetLine>> = Vec::with_capacity(columns);
            for (c, column_width) in widths.iter().enumerate() {
                let inlines = row.get(c).map_or(&[][..], Vec::as_slice);
                let align = match t.align.get(c) {
                    Some(blocks::Align::Right) => Align::Right,
                    Some(blocks::Align::Center) => Align::Center,
                    _ => Align::Left,
                };
                let measure = Measure {
                    width: column_width - 2.0 * CELL_PAD,
                    size: TABLE_SIZE,
                    align,
                    hyphenate: true,
                };
                cells.push(breaker::set(inlines, &measure));
            }
            let count = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let height = count as f32 * TABLE_LEADING + 2.0 * CELL_PAD;
            let mut lines = Vec::new();
            for (c, cell) in cells.into_iter().enumerate() {
                for (i, set) in cell.into_iter().enumerate() {
                    let baseline = CELL_PAD + i as f32 * TABLE_LEADING + TABLE_LEADING * BASELINE;
                    lines.push(placed(set, xs[c] + CELL_PAD, baseline, Role::Cell));
                }
            }
            let rule = |y: f32, thickness: f32| Rule {
                x1: left,
                y1: y,
                x2: left + width,
                y2: y,
                thickness,
                gray: 0.0,
            };
            let mut rules = Vec::new();
            if r == 0 {
                rules.push(rule(0.0, 0.8));
                rules.push(rule(height, 0.5));
            } else if r == t.rows.len() {
                rules.push(rule(height, 0.8));
            } else {
                rules.push(Rule {
                    gray: 0.8,
                    ..rule(height, 0.3)
                });
            }
            let slab = Slab {
                height,
                lines,
                rules,
                bars: (0..t.quote_depth)
                    .map(|d| self.left + d as f32 * QUOTE_INDENT + 3.0)
                    .collect(),
                ..Slab::empty()
            };
            // The header row stays with the first body row.
            self.push(slab, r != 1);
        }
        self.space(PARA_GAP + 2.0);
    }
}

impl Slab {
    fn empty() -> Slab {
        Slab {
            height: 0.0,
            space_before: 0.0,
            break_before: true,
            lines: Vec::new(),
            rules: Vec::new(),
            bars: Vec::new(),
            bookmark: None,
        }
    }
}

/// Size, leading, space before and after, and alignment of a paragraph.
fn para_style(p: &Para) -> (f32, f32, f32, f32, Align) {
    match p.kind {
        ParaKind::Heading(1) => (20.0, 26.0, 0.0, 16.0, Align::Center),
        ParaKind::Heading(2) => (13.5, 18.0, 15.0, 5.0, Align::Left),
        ParaKind::Heading(3) => (12.0, 16.0, 11.0, 4.0, Align::Left),
        ParaKind::Heading(_) => (BODY_SIZE, BODY_LEADING, 9.0, 3.0, Align::Left),
        ParaKind::Body if p.in_list => {
            (BODY_SIZE, BODY_LEADING, ITEM_GAP, ITEM_GAP, Align::Justify)
        }
        ParaKind::Body => (BODY_SIZE, BODY_LEADING, PARA_GAP, PARA_GAP, Align::Justify),
        ParaKind::Code => (BODY_SIZE, BODY_LEADING, PARA_GAP, PARA_GAP, Align::Left),
    }
}

fn para_spacing(p: &Para) -> (f32, f32, f32) {
    let (_, leading, before, after, _) = para_style(p);
    (leading, before, after)
}

/// How far a paragraph's lines start right of the text area's edge.
fn para_indent(p: &Para) -> f32 {
    p.quote_depth as f32 * QUOTE_INDENT + p.list_depth as f32 * LIST_INDENT
}

/// Breaks a paragraph into lines for a text area `width` wide.
fn set_paragraph(p: &Para, width: f32) -> Vec<SetLine> {
    let (size, _, _, _, align) = para_style(p);
    let heading = matches!(p.kind, ParaKind::Heading(_));
    let inlines: Vec<Inline> = if heading {
        p.inlines.iter().map(emboldened).collect()
    } else {
        p.inlines.clone()
    };
    let measure = Measure {
        width: width - para_indent(p),
        size,
        align,
        hyphenate: p.kind == ParaKind::Body,
    };
    breaker::set(&inlines, &measure)
}

/// Breaks every paragraph into lines, on every core: line breaking is most of the layout's
/// work, and paragraphs break independently of each other. Keeps the paragraphs' order.
fn set_paragraphs(paragraphs: &[&Para], width: f32) -> Vec<Vec<SetLine>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || paragraphs.len() < 16 {
        return paragraphs.iter().map(|p| set_paragraph(p, width)).collect();
    }
    // Thread k breaks paragraphs k, k + threads, ...: neighbours are alike in length, so the
    // threads get about the same work.
    let mut parts: Vec<Vec<(usize, Vec<SetLine>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    paragraphs
                        .iter()
                        .enumerate()
                        .skip(k)
                        .step_by(threads)
                        .map(|(i, p)| (i, set_paragraph(p, width)))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut sets: Vec<Vec<SetLine>> = Vec::with_capacity(paragraphs.len());
    sets.resize_with(paragraphs.len(), Vec::new);
    for (i, lines) in parts.iter_mut().flat_map(std::mem::take) {
        sets[i] = lines;
    }
    sets
}

fn emboldened(inline: &Inline) -> Inline {
    match inline {
        Inline::Text(span) => Inline::Text(Span {
            style: span.style.with_bold(true),
            ..span.clone()
        }),
        Inline::HardBreak => Inline::HardBreak,
    }
}

fn plain_text(inlines: &[Inline]) -> String {
    let text: String = inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => s.text.as_str(),
            Inline::HardBreak => " ",
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A set line moved to `x`, its baseline `baseline` below the slab top.
fn placed(set: SetLine, x: f32, baseline: f32, role: Role) -> Line {
    let mut fragments = set.fragments;
    for f in &mut fragments {
        f.x += x;
    }
    let text: String = fragments.iter().map(|f| f.text.as_str()).collect();
    Line {
        y: baseline,
        fragments,
        text: text.trim_end().to_owned(),
        end: set.end,
        role,
    }
}

/// Column widths that fit `width`: natural widths when they fit, else shares between each
/// column's longest word and its natural width, like HTML's automatic table layout.
fn column_widths(t: &Table, columns: usize, width: f32) -> Vec<f32> {
    let mut natural = vec![0.0f32; columns];
    let mut minimum = vec![0.0f32; columns];
    for row in std::iter::once(&t.head).chain(&t.rows) {
        for (c, cell) in row.iter().enumerate() {
            let mut line = 0.0;
            for inline in cell {
                if let Inline::Text(span) = inline {
                    let face = metrics::face(span.style);
                    line += face.width(&span.text, TABLE_SIZE);
                    for word in span.text.split_whitespace() {
                        minimum[c] = minimum[c].max(face.width(word, TABLE_SIZE).min(width / 3.0));
                    }
                }
            }
            natural[c] = natural[c].max(line);
        }
    }
    let pad = 2.0 * CELL_PAD;
    let natural: Vec<f32> = natural.iter().map(|w| w + pad + 1.0).collect();
    let minimum: Vec<f32> = minimum.iter().map(|w| w + pad + 1.0).collect();
    let total: f32 = natural.iter().sum();
    if total <= width {
        // Spread the spare room evenly so the table spans the measure.
        let spare = (width - total) / columns as f32;
        return natural.iter().map(|w| w + spare).collect();
    }
    let min_total: f32 = minimum.iter().sum();
    if min_total <= width {
        let flexible: f32 = natural.iter().zip(&minimum).map(|(n, m)| n - m).sum();
        let spare = width - min_total;
        return natural
            .iter()
            .zip(&minimum)
            .map(|(n, m)| {
                m + if flexible > 0.0 {
                    spare * (n - m) / flexible
                } else {
                    0.0
                }
            })
            .collect();
    }
    minimum.iter().map(|m| width * m / min_total).collect()
}

/// Splits the slabs into pages of at most `height` points, breaking only where allowed unless
/// nothing else fits.
fn paginate(slabs: &[Slab], height: f32) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < slabs.len() {
        let mut used = 0.0;
        let mut end = start;
        while end < slabs.len() {
            let gap = if end == start {
                0.0
            } else {
                slabs[end].space_before
            };
            let h = gap + slabs[end].height;
            if end > start && used + h > height + 1e-3 {
                break;
            }
            used += h;
            end += 1;
        }
        if end == slabs.len() {
            pages.push(start..end);
            break;
        }
        let cut = (start + 1..=end)
            .rev()
            .find(|&k| slabs[k].break_before)
            .unwrap_or(end);
        pages.push(start..cut);
        start = cut;
    }
    pages
}

/// Places one page's slabs from the top of the text area down.
fn place(
    slabs: &[Slab],
    top: f32,
    index: usize,
    bookmarks: &mut Vec<Bookmark>,
    links: &[String],
) -> Page {
    let mut page = Page::default();
    let mut y = top;
    let mut previous_bars: &[f32] = &[];
    for (k, slab) in slabs.iter().enumerate() {
        let gap = if k == 0 { 0.0 } else { slab.space_before };
        // A quote bar runs on through the gap between two slabs of the same quote.
        for &x in &slab.bars {
            let joined = previous_bars.contains(&x);
            page.rules.push(Rule {
                x1: x,
                y1: if joined { y } else { y - gap },
                x2: x,
                y2: y - gap - slab.height,
                thickness: 1.2,
                gray: 0.6,
            });
        }
        previous_bars = &slab.bars;
        y -= gap;
        if let Some(title) = &slab.bookmark {
            bookmarks.push(Bookmark {
                title: title.clone(),
                page: index,
                y,
            });
        }
        for line in &slab.lines {
            let mut line = line.clone();
            line.y = y - line.y;
            link_areas(&line, links, &mut page.links);
            page.lines.push(line);
        }
        for rule in &slab.rules {
            page.rules.push(Rule {
                y1: y - rule.y1,
                y2: y - rule.y2,
                ..*rule
            });
        }
        y -= slab.height;
    }
    page
}

fn link_areas(line: &Line, links: &[String], out: &mut Vec<LinkArea>) {
    let mut k = 0;
    let fragments = &line.fragments;
    while k < fragments.len() {
        let Some(target) = fragments[k].link else {
            k += 1;
            continue;
        };
        let first = &fragments[k];
        while k + 1 < fragments.len() && fragments[k + 1].link == Some(target) {
            k += 1;
        }
        let last = &fragments[k];
        let trailing = &last.text[last.text.trim_end().len()..];
        let right = last.x + last.width - metrics::face(last.style).width(trailing, last.size);
        out.push(LinkArea {
            x: first.x,
            y: line.y - 0.25 * first.size,
            width: right - first.x,
            height: 1.1 * first.size,
            url: links[target].clone(),
        });
        k += 1;
    }
}

/// Adds "title … Page X of Y" under the text area of every page.
fn add_footers(document: &mut Document) {
    let [left, bottom, right, _] = document.frame;
    let total = document.pages.len();
    let regular = metrics::face(Style::Regular);
    let y = bottom - 34.0;
    for (index, page) in document.pages.iter_mut().enumerate() {
        let number = format!("Page {} of {}", index + 1, total);
        let number_width = regular.width(&number, FOOTER_SIZE);
        let room = right - left - number_width - 24.0;
        let title = fit(&document.title, room);
        let title_width = regular.width(&title, FOOTER_SIZE);
        page.rules.push(Rule {
            x1: left,
            y1: y + 13.0,
            x2: right,
            y2: y + 13.0,
            thickness: 0.4,
            gray: 0.6,
        });
        let mut fragment = |x: f32, width: f32, text: String| {
            page.lines.push(Line {
                y,
                text: text.clone(),
                fragments: vec![Fragment {
                    x,
                    width,
                    text,
                    style: Style::Regular,
                    size: FOOTER_SIZE,
                    link: None,
                }],
                end: LineEnd::Last,
                role: Role::Footer,
            });
        };
        if !title.is_empty() {
            fragment(left, title_width, title);
        }
        fragment(right - number_width, number_width, number);
    }
}

/// `text`, shortened with an ellipsis to fit `room` points in the footer.
fn fit(text: &str, room: f32) -> String {
    let regular = metrics::face(Style::Regular);
    if regular.width(text, FOOTER_SIZE) <= room {
        return text.to_owned();
    }
    let ellipsis = regular.width("…", FOOTER_SIZE);
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = regular.width(c.encode_utf8(&mut [0; 4]), FOOTER_SIZE);
        if width + w + ellipsis > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    use std::fmt::Write as _;

    const SAMPLE: &str = include_str!("../../tests/fixtures/pdf-sample/contract.md");

    fn lay(markdown: &str) -> Document {
        layout(markdown, &LayoutOptions::default()).expect("layout")
    }

    /// The words a reader sees in the Markdown: its text events, blocks and cells apart.
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

    fn assert_inside(document: &Document) {
        let [left, bottom, right, top] = document.frame;
        for (p, page) in document.pages.iter().enumerate() {
            for line in &page.lines {
                assert!(
                    line.right() <= right + 0.01 && line.left() >= left - 0.01,
                    "page {}: line overflows the text area ({:.2}..{:.2}): {:?}",
                    p + 1,
                    line.left(),
                    line.right(),
                    line.text
                );
                if line.role != Role::Footer {
                    assert!(line.y > bottom && line.y < top, "line off the text area");
                }
            }
        }
    }

    /// A contract of about `sections` sections of ordinary clause text.
    fn long_contract(sections: usize) -> String {
        let body: Vec<&str> = SAMPLE
            .split("\n## ")
            .skip(1)
            .filter(|s| !s.starts_with("Signatures"))
            .collect();
        let mut out = String::from("# Long Agreement\n\n");
        for k in 0..sections {
            let section = body[k % body.len()];
            let (_, rest) = section.split_once(". ").unwrap_or(("", section));
            let _ = write!(out, "## {}. {}\n\n", k + 1, rest.trim_end_matches("---\n"));
        }
        out
    }

    #[test]
    fn sample_contract_stays_inside_the_text_area_and_loses_no_word() {
        let document = lay(SAMPLE);
        assert_eq!(document.title, "Web Design Services Agreement");
        assert!(document.pages.len() >= 2);
        assert_inside(&document);
        assert_eq!(document.words(), markdown_words(SAMPLE));
    }

    #[test]
    fn paper_sizes_and_margins() {
        let a4 = layout(SAMPLE, &LayoutOptions { paper: Paper::A4 }).expect("layout");
        assert!((a4.width - 595.28).abs() < 0.01 && (a4.height - 841.89).abs() < 0.01);
        let expected = [72.0, 72.0, 595.28 - 72.0, 841.89 - 72.0];
        assert!(
            a4.frame
                .iter()
                .zip(expected)
                .all(|(a, b)| (a - b).abs() < 0.01)
        );
        assert_inside(&a4);
        let letter = lay(SAMPLE);
        assert_eq!((letter.width, letter.height), (612.0, 792.0));
        assert_eq!(Paper::default(), Paper::Letter);
    }

    #[test]
    fn every_page_has_a_footer_with_title_and_page_x_of_y() {
        let document = lay(&long_contract(12));
        let total = document.pages.len();
        assert!(total > 2);
        for (i, page) in document.pages.iter().enumerate() {
            let footer: Vec<&str> = page
                .lines
                .iter()
                .filter(|l| l.role == Role::Footer)
                .map(|l| l.text.as_str())
                .collect();
            assert_eq!(
                footer,
                ["Long Agreement", &format!("Page {} of {total}", i + 1)]
            );
        }
    }

    #[test]
    fn long_titles_are_shortened_in_the_footer() {
        let title = "A Very Long Agreement Title ".repeat(6);
        let document = lay(&format!("# {title}\n\nText.\n"));
        let footer = &document.pages[0]
            .lines
            .iter()
            .find(|l| l.role == Role::Footer);
        let footer = footer.expect("footer");
        assert!(footer.text.ends_with('…'), "{}", footer.text);
        assert_inside(&document);
    }

    #[test]
    fn headings_keep_two_lines_of_what_follows_and_paragraphs_leave_no_single_lines() {
        for sections in [9, 17, 31] {
            let document = lay(&long_contract(sections));
            assert_inside(&document);
            for (p, page) in document.pages.iter().enumerate() {
                let body: Vec<&Line> = page
                    .lines
                    .iter()
                    .filter(|l| matches!(l.role, Role::Body | Role::Heading(_)))
                    .collect();
                let last_page = p + 1 == document.pages.len();
                // A heading is followed on its page by two lines of what comes after it.
                for (k, line) in page.lines.iter().enumerate() {
                    if !matches!(line.role, Role::Heading(_)) || last_page {
                        continue;
                    }
                    let mut baselines: Vec<f32> = page.lines[k + 1..]
                        .iter()
                        .filter(|l| matches!(l.role, Role::Body | Role::Cell))
                        .map(|l| l.y)
                        .collect();
                    baselines.dedup();
                    assert!(
                        baselines.len() >= 2,
                        "page {}: heading {:?} at the foot",
                        p + 1,
                        line.text
                    );
                }
                // No widow: a paragraph's last line alone at the top of a page.
                if p > 0
                    && let (Some(first), Some(previous)) = (
                        body.first(),
                        document.pages[p - 1]
                            .lines
                            .iter()
                            .rfind(|l| l.role == Role::Body),
                    )
                {
                    assert!(
                        !(first.role == Role::Body
                            && first.end == LineEnd::Last
                            && previous.end != LineEnd::Last),
                        "page {}: widow {:?}",
                        p + 1,
                        first.text
                    );
                }
                // No orphan: a paragraph's first line alone at the foot of a page.
                if !last_page && body.len() >= 2 {
                    let last = body[body.len() - 1];
                    let before = body[body.len() - 2];
                    let starts_paragraph =
                        before.end == LineEnd::Last || matches!(before.role, Role::Heading(_));
                    assert!(
                        !(last.end != LineEnd::Last && starts_paragraph),
                        "page {}: orphan {:?}",
                        p + 1,
                        last.text
                    );
                }
            }
            assert_eq!(document.words(), markdown_words(&long_contract(sections)));
        }
    }

    #[test]
    fn keep_together_blocks_move_whole_to_the_next_page() {
        let signature = SAMPLE.split("## Signatures").nth(1).expect("signatures");
        let mut moved = 0;
        for filler in 0..40 {
            let mut markdown = String::from("# Agreement\n\n");
            for k in 0..filler {
                let _ = write!(markdown, "Clause {k} of the agreement, kept short.\n\n");
            }
            markdown.push_str("## Signatures\n");
            markdown.push_str(signature);
            let document = lay(&markdown);
            let pages: Vec<usize> = document
                .pages
                .iter()
                .enumerate()
                .flat_map(|(p, page)| {
                    page.lines
                        .iter()
                        .filter(|l| {
                            l.text.starts_with("Signature:")
                                || l.text.starts_with("Date:")
                                || l.text.starts_with("For the")
                                || l.text == "Signatures"
                        })
                        .map(move |_| p)
                })
                .collect();
            assert_eq!(pages.len(), 7);
            assert!(
                pages.iter().all(|&p| p == pages[0]),
                "{filler} fillers: block split over pages {pages:?}"
            );
            if pages[0] > 0 {
                moved += 1;
            }
        }
        assert!(moved > 0, "no case pushed the block to a new page");
    }

    #[test]
    fn one_bookmark_per_section_heading_in_order() {
        let document = lay(&long_contract(14));
        let titles: Vec<&str> = document
            .bookmarks
            .iter()
            .map(|b| b.title.as_str())
            .collect();
        assert_eq!(titles.len(), 14);
        assert_eq!(titles[0], "1. Parties");
        assert_eq!(titles[13], "14. Fees and Payment");
        for bookmark in &document.bookmarks {
            let page = &document.pages[bookmark.page];
            let heading = page
                .lines
                .iter()
                .find(|l| l.text == bookmark.title)
                .expect("heading on its bookmark's page");
            assert!(heading.y < bookmark.y && bookmark.y - heading.y < 20.0);
        }
        assert!(
            document
                .bookmarks
                .windows(2)
                .all(|w| (w[0].page, -w[0].y) <= (w[1].page, -w[1].y))
        );
    }

    #[test]
    fn tables_lists_quotes_links_and_breaks() {
        let document = lay(SAMPLE);
        let lines: Vec<&Line> = document.pages.iter().flat_map(|p| &p.lines).collect();
        let cell = |text: &str| {
            lines
                .iter()
                .find(|l| l.role == Role::Cell && l.text == text)
                .copied()
        };
        let header = cell("Milestone").expect("header cell");
        assert!(header.fragments.iter().all(|f| f.style == Style::Bold));
        let amount = cell("$6,200.00").expect("amount cell");
        let due = cell("On signing").expect("due cell");
        assert!(
            (amount.y - due.y).abs() < 0.01,
            "cells of a row share a baseline"
        );
        assert!(amount.left() > due.left());
        // Right-aligned column: the amounts end at the same x.
        let total = cell("$12,400.00").expect("total");
        assert!((total.right() - amount.right()).abs() < 0.01);
        let markers: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == Role::Marker)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(markers, ["•", "•", "1.", "2.", "–", "–", "3."]);
        let link = document
            .pages
            .iter()
            .flat_map(|p| &p.links)
            .find(|l| l.url == "https://doe.studio/pay")
            .expect("link area");
        assert!(link.width > 20.0 && link.height > 5.0);
        // The hard break ends "… approve the work." and starts a new line.
        let work = lines
            .iter()
            .position(|l| l.text.ends_with("work."))
            .expect("line");
        assert_eq!(lines[work].end, LineEnd::Last);
        assert!(lines[work + 1].text.starts_with("Silence is not approval"));
        // The quote is indented and has a bar.
        let quote = lines
            .iter()
            .find(|l| l.text.starts_with("Late payments"))
            .expect("quote");
        assert!(quote.left() >= document.frame[0] + QUOTE_INDENT - 0.01);
    }

    #[test]
    fn characters_the_font_lacks_are_an_error_naming_line_and_word() {
        let error = layout(
            "# T\n\nThe client:\n\nWang 王 Ltd\n",
            &LayoutOptions::default(),
        )
        .expect_err("no CJK glyphs");
        assert_eq!(
            error.to_string(),
            "the PDF font cannot show the character '王' (U+738B) in \"王\" (Markdown line 5)"
        );
        assert_eq!(
            missing_glyph("Northwind Ölçüm Ltd. Şti., İstanbul, Ağrı"),
            None
        );
        assert_eq!(missing_glyph("emoji 🙂 here"), Some('🙂'));
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => "[a-z]{1,12}",
            1 => "[a-z]{20,90}",
            1 => "[0-9]{12,70}",
            1 => "https://[a-z]{3,12}\\.com(/[a-z0-9]{2,15}){1,8}",
            1 => "[A-Z][a-z]{2,8}[,.;:]?",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn generated_paragraphs_never_overflow_and_keep_every_word(
            paragraphs in prop::collection::vec(prop::collection::vec(word(), 1..80), 1..6),
            a4 in any::<bool>(),
            list in any::<bool>(),
        ) {
            let mut markdown = String::from("# Generated\n\n");
            for words in &paragraphs {
                if list {
                    markdown.push_str("- ");
                }
                markdown.push_str(&words.join(" "));
                markdown.push_str("\n\n");
            }
            let paper = if a4 { Paper::A4 } else { Paper::Letter };
            let document = layout(&markdown, &LayoutOptions { paper }).expect("layout");
            assert_inside(&document);
            prop_assert_eq!(document.words(), markdown_words(&markdown));
        }
    }
}
