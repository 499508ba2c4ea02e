//! The galley: takes the parsed blocks and returns vertical material, one [`Slab`] per set
//! line or table row, with the space before it, whether a page may break before it, and the
//! keeps (heading with what follows, `<!-- keep-together -->`); the signature block is laid out
//! by [`signatures`].

use std::ops::Range;

use super::bidi;
use super::blocks::{self, Block, Para, ParaKind, Table};
use super::breaker::{self, Align, Fragment, Inline, LineEnd, Measure, SetLine, Span};
use super::language::Language;
use super::metrics::{self, Style};
use super::table::column_widths;
use super::{
    BASELINE, BODY_LEADING, BODY_SIZE, CELL_PAD, COMPACT_LEADING, COMPACT_SIZE, ITEM_GAP,
    LIST_INDENT, Line, PARA_GAP, QUOTE_INDENT, Role, Rule, SignatureField, TABLE_LEADING,
    TABLE_SIZE, signatures,
};

/// A line before placement: `y` is the baseline's distance below the slab's top.
#[derive(Debug)]
pub(super) struct Slab {
    pub(super) height: f32,
    pub(super) space_before: f32,
    pub(super) break_before: bool,
    pub(super) lines: Vec<Line>,
    /// Rules with `y` measured downwards from the slab's top.
    pub(super) rules: Vec<Rule>,
    /// The x of a block quote bar running down the slab's left.
    pub(super) bars: Vec<f32>,
    pub(super) bookmark: Option<String>,
    /// Signature-block fields, `y` their baseline's distance below the slab's top.
    pub(super) fields: Vec<SignatureField>,
    /// For a table's body rows: the slabs of the table's header row, set again at the top of a
    /// page the table continues on (`None` outside tables, or when the header row is too tall
    /// to repeat).
    pub(super) head: Option<Range<usize>>,
    /// For the lines of a row taller than a page, each a slab of its own: the index of the
    /// row's first slab and the column of each of `lines`, so that the part of the row on one
    /// page is drawn (and read) cell by cell.
    pub(super) row: Option<(usize, Vec<usize>)>,
}

/// Vertical material being collected, one slab per line or table row.
#[derive(Default)]
pub(super) struct Galley {
    pub(super) left: f32,
    pub(super) width: f32,
    /// The text's language, whose patterns hyphenate table cells.
    pub(super) language: Language,
    /// Whether the paragraphs are set compact (see [`para_style`]).
    pub(super) compact: bool,
    /// The height of a page's text area: a table row taller than this may break between its
    /// lines (0: no limit).
    pub(super) page_height: f32,
    pub(super) slabs: Vec<Slab>,
    pub(super) pending_space: f32,
    /// How many more slabs must stay on the page of the one before (after a heading).
    pub(super) glue: usize,
    pub(super) keep: bool,
    pub(super) keep_started: bool,
    /// The paragraphs of an open signature block, each with its lines as set at full width.
    pub(super) signing: Option<Vec<(Para, Vec<SetLine>)>>,
}

impl Galley {
    pub(super) fn space(&mut self, before: f32) {
        self.pending_space = self.pending_space.max(before);
    }

    pub(super) fn push(&mut self, mut slab: Slab, break_ok: bool) {
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
    pub(super) fn block(&mut self, block: &Block, sets: &mut impl Iterator<Item = Vec<SetLine>>) {
        if let Some(signing) = &mut self.signing {
            match block {
                Block::Para(p) => {
                    signing.push((p.clone(), sets.next().unwrap_or_default()));
                    return;
                }
                Block::SignStart => return,
                // What is not a paragraph ends the signature block's run of paragraphs.
                _ => {
                    let paragraphs = std::mem::take(signing);
                    signatures::lay_out(self, paragraphs);
                }
            }
        }
        match block {
            Block::Para(p) => {
                let lines = sets.next().unwrap_or_default();
                self.para(p, lines);
            }
            Block::SignStart => self.signing = Some(Vec::new()),
            Block::SignEnd => self.signing = None,
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
    pub(super) fn para(&mut self, p: &Para, lines: Vec<SetLine>) {
        let (leading, before, after) = para_spacing(p, self.compact);
        let indent = para_indent(p);
        let role = match p.kind {
            ParaKind::Heading(level) => Role::Heading(level),
            _ => Role::Body,
        };
        let bars: Vec<f32> = (0..set_depth(p.quote_depth))
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
                let size = para_style(p, self.compact).0;
                slab_lines.push(Self::marker(marker, self.left + indent, baseline, size));
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

    fn marker(marker: &str, text_x: f32, baseline: f32, size: f32) -> Line {
        let width = metrics::face(Style::Regular).width(marker, size);
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
                size,
                link: None,
            }],
            text: marker.to_owned(),
            end: LineEnd::Last,
            role: Role::Marker,
        }
    }

    fn table(&mut self, t: &Table) {
        let indent = set_depth(t.quote_depth) as f32 * QUOTE_INDENT
            + set_depth(t.list_depth) as f32 * LIST_INDENT;
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
        let bars: Vec<f32> = (0..set_depth(t.quote_depth))
            .map(|d| self.left + d as f32 * QUOTE_INDENT + 3.0)
            .collect();
        let head_start = self.slabs.len();
        let mut head: Option<Range<usize>> = None;
        let mut head_height = 0.0;
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
                    hyphenate: Some(self.language),
                };
                cells.push(breaker::set(inlines, &measure));
            }
            let count = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let height = count as f32 * TABLE_LEADING + 2.0 * CELL_PAD;
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
            let row = SetRow {
                cells,
                xs: &xs,
                count,
                height,
                rules,
                bars: &bars,
            };
            // A row taller than a page (below a repeated header) breaks between its lines.
            let giant = r > 0 && self.page_height > 0.0 && height > self.page_height - head_height;
            if giant {
                self.giant_row(row, head.as_ref(), r != 1);
            } else {
                let slab = Slab {
                    head: if r == 0 { None } else { head.clone() },
                    ..row.whole()
                };
                // The header row stays with the first body row.
                self.push(slab, r != 1);
            }
            if r == 0 && height <= self.page_height / 3.0 {
                // A header row up to a third of a page is repeated on the pages the table
                // continues on.
                head = Some(head_start..self.slabs.len());
                head_height = height;
            }
        }
        self.space(PARA_GAP + 2.0);
    }
}

/// A table row with its cells set, before it becomes slabs.
struct SetRow<'a> {
    /// Each cell's lines, left to right.
    cells: Vec<Vec<SetLine>>,
    /// Each column's left edge.
    xs: &'a [f32],
    /// The number of lines of the row's tallest cell (at least one).
    count: usize,
    height: f32,
    /// The rules above and below the row, `y` from the row's top.
    rules: Vec<Rule>,
    bars: &'a [f32],
}

impl SetRow<'_> {
    /// The baseline of line `i` of a cell, below the row's top.
    fn baseline(i: usize) -> f32 {
        CELL_PAD + i as f32 * TABLE_LEADING + TABLE_LEADING * BASELINE
    }

    /// The row as one slab, its lines cell by cell.
    fn whole(self) -> Slab {
        let mut lines = Vec::new();
        for (c, cell) in self.cells.into_iter().enumerate() {
            for (i, set) in cell.into_iter().enumerate() {
                lines.push(placed(
                    set,
                    self.xs[c] + CELL_PAD,
                    Self::baseline(i),
                    Role::Cell,
                ));
            }
        }
        Slab {
            height: self.height,
            lines,
            rules: self.rules,
            bars: self.bars.to_vec(),
            ..Slab::empty()
        }
    }
}

impl Galley {
    /// Adds a row taller than a page as one slab per line (line `i` of every cell), so that
    /// pages can break between its lines; no line is left alone at a page's foot or head.
    /// `break_first`: whether a page may break before the row (not after the header row).
    fn giant_row(&mut self, row: SetRow<'_>, head: Option<&Range<usize>>, break_first: bool) {
        let first = self.slabs.len();
        let mut slabs: Vec<Slab> = (0..row.count)
            .map(|i| {
                let top = if i == 0 {
                    0.0
                } else {
                    CELL_PAD + i as f32 * TABLE_LEADING
                };
                let bottom = if i + 1 == row.count {
                    row.height
                } else {
                    CELL_PAD + (i + 1) as f32 * TABLE_LEADING
                };
                Slab {
                    height: bottom - top,
                    bars: row.bars.to_vec(),
                    head: head.cloned(),
                    row: Some((first, Vec::new())),
                    // Rules and lines below are measured from this slab's top.
                    ..Slab::empty()
                }
            })
            .collect();
        let top_of = |i: usize| {
            if i == 0 {
                0.0
            } else {
                CELL_PAD + i as f32 * TABLE_LEADING
            }
        };
        for (c, cell) in row.cells.into_iter().enumerate() {
            for (i, set) in cell.into_iter().enumerate() {
                let baseline = SetRow::baseline(i) - top_of(i);
                let slab = &mut slabs[i];
                slab.lines
                    .push(placed(set, row.xs[c] + CELL_PAD, baseline, Role::Cell));
                if let Some((_, columns)) = &mut slab.row {
                    columns.push(c);
                }
            }
        }
        for rule in row.rules {
            // A rule at the row's top belongs to its first line, any other to its last.
            let i = if rule.y1 <= 0.0 { 0 } else { row.count - 1 };
            let top = top_of(i);
            slabs[i].rules.push(Rule {
                y1: rule.y1 - top,
                y2: rule.y2 - top,
                ..rule
            });
        }
        let n = slabs.len();
        for (i, slab) in slabs.into_iter().enumerate() {
            self.push(
                slab,
                if i == 0 {
                    break_first
                } else {
                    i >= 2 && i + 2 <= n
                },
            );
        }
    }
}

impl Slab {
    pub(super) fn empty() -> Slab {
        Slab {
            height: 0.0,
            space_before: 0.0,
            break_before: true,
            lines: Vec::new(),
            rules: Vec::new(),
            bars: Vec::new(),
            bookmark: None,
            fields: Vec::new(),
            head: None,
            row: None,
        }
    }
}

/// Size, leading, space before and after, and alignment of a paragraph; `compact` sets a
/// one-page reference sheet in smaller type, with tighter lines and lists.
pub(super) fn para_style(p: &Para, compact: bool) -> (f32, f32, f32, f32, Align) {
    if compact {
        return match p.kind {
            ParaKind::Heading(1) => (16.0, 20.0, 0.0, 8.0, Align::Center),
            ParaKind::Heading(_) => (12.0, 15.0, 9.0, 3.0, Align::Left),
            ParaKind::Body if p.in_list => (COMPACT_SIZE, COMPACT_LEADING, 1.0, 1.0, Align::Left),
            ParaKind::Body | ParaKind::Code => {
                (COMPACT_SIZE, COMPACT_LEADING, 4.0, 4.0, Align::Left)
            }
        };
    }
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

pub(super) fn para_spacing(p: &Para, compact: bool) -> (f32, f32, f32) {
    let (_, leading, before, after, _) = para_style(p, compact);
    (leading, before, after)
}

/// The deepest block quotes and lists are indented: deeper levels are set at this depth, so
/// that even Markdown nested forty deep keeps a column wide enough for its words (six quote
/// and six list levels take 228 of Letter's 468 points). `check` refuses library text nested
/// past four levels; this keeps every other word on the page.
const MAX_SET_DEPTH: usize = 6;

/// `depth` as it is indented: at most [`MAX_SET_DEPTH`].
fn set_depth(depth: usize) -> usize {
    depth.min(MAX_SET_DEPTH)
}

/// How far a paragraph's lines start right of the text area's edge.
pub(super) fn para_indent(p: &Para) -> f32 {
    set_depth(p.quote_depth) as f32 * QUOTE_INDENT + set_depth(p.list_depth) as f32 * LIST_INDENT
}

/// Breaks a paragraph into lines for a text area `width` wide.
pub(super) fn set_paragraph(
    p: &Para,
    width: f32,
    language: Language,
    compact: bool,
) -> Vec<SetLine> {
    let (size, _, _, _, align) = para_style(p, compact);
    let heading = matches!(p.kind, ParaKind::Heading(_));
    let inlines: std::borrow::Cow<'_, [Inline]> = if heading {
        p.inlines.iter().map(emboldened).collect()
    } else {
        std::borrow::Cow::Borrowed(&p.inlines)
    };
    let measure = Measure {
        width: width - para_indent(p),
        size,
        align,
        hyphenate: (p.kind == ParaKind::Body).then_some(language),
    };
    breaker::set(&inlines, &measure)
}

/// Breaks every paragraph into lines, on every core: line breaking is most of the layout's
/// work, and paragraphs break independently of each other. Keeps the paragraphs' order.
pub(super) fn set_paragraphs(
    paragraphs: &[&Para],
    width: f32,
    language: Language,
    compact: bool,
) -> Vec<Vec<SetLine>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || paragraphs.len() < 16 {
        return paragraphs
            .iter()
            .map(|p| set_paragraph(p, width, language, compact))
            .collect();
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
                        .map(|(i, p)| (i, set_paragraph(p, width, language, compact)))
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

pub(super) fn emboldened(inline: &Inline) -> Inline {
    match inline {
        Inline::Text(span) => Inline::Text(Span {
            style: span.style.with_bold(true),
            ..span.clone()
        }),
        Inline::HardBreak => Inline::HardBreak,
    }
}

pub(super) fn plain_text(inlines: &[Inline]) -> String {
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
pub(super) fn placed(set: SetLine, x: f32, baseline: f32, role: Role) -> Line {
    let mut fragments = set.fragments;
    for f in &mut fragments {
        f.x += x;
    }
    bidi::reorder(&mut fragments);
    let text: String = fragments.iter().map(|f| f.text.as_str()).collect();
    Line {
        y: baseline,
        fragments,
        text: text.trim_end().to_owned(),
        end: set.end,
        role,
    }
}
