//! Pagination: takes the galley's slabs and returns pages: breaks where allowed, lines and
//! rules placed on the page, bookmarks for headings, link areas for links and the signature
//! block's fields.

use super::galley::Slab;
use super::metrics;
use super::{Bookmark, Line, LinkArea, Page, Rule, SignatureField};

/// Splits the slabs into pages of at most `height` points, breaking only where allowed unless
/// nothing else fits.
pub(super) fn paginate(slabs: &[Slab], height: f32) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < slabs.len() {
        let end = fit(slabs, start, height, true);
        pages.push(start..end);
        start = end;
    }
    pages
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

/// Places one page's slabs from the top of the text area down.
pub(super) fn place(
    slabs: &[Slab],
    top: f32,
    index: usize,
    bookmarks: &mut Vec<Bookmark>,
    links: &[String],
) -> Page {
    let mut page = Page::default();
    place_into(&mut page, slabs, top, index, Some(bookmarks), links);
    page
}

/// Places slabs on `page` from `top` down; returns where the last one ends. Headings are
/// bookmarked when `bookmarks` is given (the left column of a bilingual page gives none to
/// the right one, so the outline lists each clause once).
pub(super) fn place_into(
    page: &mut Page,
    slabs: &[Slab],
    top: f32,
    index: usize,
    mut bookmarks: Option<&mut Vec<Bookmark>>,
    links: &[String],
) -> f32 {
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
        if let (Some(title), Some(bookmarks)) = (&slab.bookmark, bookmarks.as_deref_mut()) {
            bookmarks.push(Bookmark {
                title: title.clone(),
                page: index,
                y,
            });
        }
        for line in &slab.lines {
            let mut line = line.clone();
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
    y
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
