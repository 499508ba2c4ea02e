//! Pagination: takes the galley's slabs and returns pages: breaks where allowed, lines and
//! rules placed on the page, bookmarks for headings, link areas for links and the signature
//! block's fields.

use super::galley::Slab;
use super::metrics;
use std::ops::Range;

use super::{Bookmark, Line, LinkArea, Page, Role, Rule, SignatureField};

/// One page's slabs: the table header repeated at its top, if any, and the slabs that follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Run {
    /// The header row of a table the page continues, set again above `body`.
    pub(super) head: Option<Range<usize>>,
    /// The page's own slabs.
    pub(super) body: Range<usize>,
}

/// Splits the slabs into pages of at most `height` points, breaking only where allowed unless
/// nothing else fits; a page that starts inside a table begins with the table's header row.
pub(super) fn paginate(slabs: &[Slab], height: f32) -> Vec<Run> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < slabs.len() {
        let head = repeated_head(slabs, start);
        let room = height
            - head
                .as_ref()
                .map_or(0.0, |h| stack_height(&slabs[h.clone()]));
        let end = fit(slabs, start, room, true);
        pages.push(Run {
            head,
            body: start..end,
        });
        start = end;
    }
    pages
}

/// The header row to set above the slab `start` when a page begins with it: the header of
/// the table it is a body row of (or a line of).
pub(super) fn repeated_head(slabs: &[Slab], start: usize) -> Option<Range<usize>> {
    slabs
        .get(start)?
        .head
        .clone()
        .filter(|head| start >= head.end)
}

/// The height of slabs set one below the other from a page's top.
pub(super) fn stack_height(slabs: &[Slab]) -> f32 {
    slabs
        .iter()
        .enumerate()
        .map(|(k, s)| if k == 0 { 0.0 } else { s.space_before } + s.height)
        .sum()
}

/// Where slabs from `start` must stop to fit in `room` points: after the last slab that fits,
/// moved back to a slab the galley lets a page break come before. When no break is allowed
/// there, nothing fits (`start`), unless the slabs are at the top of a page (`at_top`), where
/// something must go: then up to the last that fits, or the first alone.
pub(super) fn fit(slabs: &[Slab], start: usize, room: f32, at_top: bool) -> usize {
    let mut used = 0.0;
    let mut end = start;
    while end < slabs.len() {
        let gap = if end == start {
            0.0
        } else {
            slabs[end].space_before
        };
        let h = gap + slabs[end].height;
        if used + h > room + 1e-3 {
            break;
        }
        used += h;
        end += 1;
    }
    if end == slabs.len() {
        return end;
    }
    match (start + 1..=end).rev().find(|&k| slabs[k].break_before) {
        Some(cut) => cut,
        None if at_top => end.max(start + 1),
        None => start,
    }
}

/// Places one page's slabs (`run` of `slabs`) from the top of the text area down, the body
/// slabs' lines taken from `body_lines` (see [`place_into`]).
pub(super) fn place(
    slabs: &[Slab],
    run: &Run,
    body_lines: &mut [Vec<Line>],
    top: f32,
    index: usize,
    bookmarks: &mut Vec<Bookmark>,
    links: &[String],
) -> Page {
    let mut page = Page::default();
    let head = run.head.clone().map_or(&[][..], |h| &slabs[h]);
    place_into(
        &mut page,
        [head, &slabs[run.body.clone()]],
        Some(body_lines),
        top,
        index,
        Some(bookmarks),
        links,
    );
    page
}

/// The lines of the slabs of `run`'s body, for [`place`]: taken from the slabs, except those
/// of a slab set again at the top of a later page (`repeated`, a table's header row), copied.
/// Each slab is in one page's body, so a document's lines are made once.
pub(super) fn body_lines(slabs: &mut [Slab], run: &Run, repeated: &[bool]) -> Vec<Vec<Line>> {
    run.body
        .clone()
        .map(|k| {
            if repeated[k] {
                slabs[k].lines.clone()
            } else {
                std::mem::take(&mut slabs[k].lines)
            }
        })
        .collect()
}

/// Which slabs `runs` set again at the top of a page, as a table's header row.
pub(super) fn repeated(slabs: &[Slab], runs: &[Run]) -> Vec<bool> {
    let mut repeated = vec![false; slabs.len()];
    for head in runs.iter().filter_map(|run| run.head.clone()) {
        repeated[head].fill(true);
    }
    repeated
}

/// Places slabs on `page` from `top` down: `[head, body]`, the repeated header row of a table
/// the page continues (its lines marked [`Role::RepeatedCell`]), then the page's own slabs,
/// whose lines are taken from `body_lines` (one list a body slab) when given, else copied.
/// Returns where the last one ends. Headings are bookmarked when `bookmarks` is given (the
/// left column of a bilingual page gives none to the right one, so the outline lists each
/// clause once).
pub(super) fn place_into(
    page: &mut Page,
    [head, body]: [&[Slab]; 2],
    mut body_lines: Option<&mut [Vec<Line>]>,
    top: f32,
    index: usize,
    mut bookmarks: Option<&mut Vec<Bookmark>>,
    links: &[String],
) -> f32 {
    let mut y = top;
    let mut previous_bars: &[f32] = &[];
    let slabs = head
        .iter()
        .map(|s| (s, true))
        .chain(body.iter().map(|s| (s, false)));
    // The part of a row taller than a page being placed: where its lines begin, which row it
    // is, and the column of each of its lines.
    let mut row_part: Option<(usize, usize, Vec<usize>)> = None;
    for (k, (slab, repeated)) in slabs.enumerate() {
        let row = slab.row.as_ref().map(|(first, _)| *first);
        if row_part.as_ref().is_some_and(|part| Some(part.1) != row) {
            read_cell_by_cell(page, row_part.take());
        }
        if let Some((first, columns)) = &slab.row {
            row_part
                .get_or_insert_with(|| (page.lines.len(), *first, Vec::new()))
                .2
                .extend(columns);
        }
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
        if let (Some(title), Some(bookmarks)) = (&slab.bookmark, bookmarks.as_deref_mut()) {
            bookmarks.push(Bookmark {
                title: title.clone(),
                page: index,
                y,
            });
        }
        let placed = match body_lines.as_deref_mut() {
            Some(body_lines) if !repeated => std::mem::take(&mut body_lines[k - head.len()]),
            _ => slab.lines.clone(),
        };
        for mut line in placed {
            line.y = y - line.y;
            let first_link = page.links.len();
            link_areas(&line, links, &mut page.links);
            // Link text is underlined, so a reader of the paper sees it is a link.
            for area in &page.links[first_link..] {
                page.rules.push(Rule {
                    x1: area.x,
                    y1: line.y - LINK_UNDERLINE,
                    x2: area.x + area.width,
                    y2: line.y - LINK_UNDERLINE,
                    thickness: 0.5,
                    gray: 0.35,
                });
            }
            if repeated {
                line.role = Role::RepeatedCell;
            }
            page.lines.push(line);
        }
        for field in &slab.fields {
            page.fields.push(SignatureField {
                y: y - field.y,
                ..field.clone()
            });
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
    read_cell_by_cell(page, row_part);
    y
}

/// Puts the lines of the part of a row taller than a page that ends the page's lines (from
/// `first` on, each in its column of `columns`) cell by cell, left to right, as a row that
/// fits is drawn, so that text extraction reads each cell whole; a cell's lines keep their
/// order.
fn read_cell_by_cell(page: &mut Page, part: Option<(usize, usize, Vec<usize>)>) {
    let Some((first, _, columns)) = part else {
        return;
    };
    let mut lines: Vec<(usize, Line)> =
        columns.into_iter().zip(page.lines.drain(first..)).collect();
    lines.sort_by_key(|(column, _)| *column);
    page.lines.extend(lines.into_iter().map(|(_, line)| line));
}

/// How far below the baseline a link's underline runs, in points.
const LINK_UNDERLINE: f32 = 1.6;

pub(super) fn link_areas(line: &Line, links: &[String], out: &mut Vec<LinkArea>) {
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
