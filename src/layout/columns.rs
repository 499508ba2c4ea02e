//! Two columns: takes a bilingual contract as rows of two Markdown pieces (the same clause in
//! each language) and returns its pages, the first language on the left and the second on the
//! right. Each row starts level in both columns, below the longer column of the row before;
//! where a row does not fit, each column breaks where its own keeps allow and both go on at
//! the top of the next page, so a clause's two texts always share their pages.

use super::galley::Slab;
use super::pages::{fit, place_into, repeated_head, stack_height};
use super::{Document, Language, LayoutError, MARGIN, Page, Paper, add_footers, set};

/// The space between the two columns, in points.
const GUTTER: f32 = 18.0;

/// How to lay out a bilingual contract.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnOptions {
    /// The paper size; the margins stay one inch on every side.
    pub paper: Paper,
    /// The languages of the left and the right column; the left one words the footer.
    pub languages: [Language; 2],
}

/// One column's piece of a row, set.
struct Piece {
    slabs: Vec<Slab>,
    links: Vec<String>,
}

/// Lays out `rows`, each the left and right Markdown of one clause (the first row holds the
/// titles), on pages of two columns.
pub fn layout_columns(
    rows: &[(String, String)],
    options: &ColumnOptions,
) -> Result<Document, LayoutError> {
    let (width, height) = options.paper.size();
    let frame = [MARGIN, MARGIN, width - MARGIN, height - MARGIN];
    let column = (frame[2] - frame[0] - GUTTER) / 2.0;
    let lefts = [frame[0], frame[0] + column + GUTTER];
    let mut title = String::new();
    let mut set_rows: Vec<[Piece; 2]> = Vec::with_capacity(rows.len());
    for (left, right) in rows {
        let (a, a_title) = piece(
            left,
            [lefts[0], column, frame[3] - frame[1]],
            options.languages[0],
        )?;
        let (b, _) = piece(
            right,
            [lefts[1], column, frame[3] - frame[1]],
            options.languages[1],
        )?;
        if title.is_empty() {
            title = a_title.unwrap_or_default();
        }
        set_rows.push([a, b]);
    }
    let mut document = Document {
        width,
        height,
        frame,
        title,
        pages: Vec::new(),
        bookmarks: Vec::new(),
    };
    // The page being filled; the finished ones are in `document.pages`.
    let mut page = Page::default();
    let mut y = frame[3];
    let mut at_top = true;
    for row in &set_rows {
        let lens = [row[0].slabs.len(), row[1].slabs.len()];
        let mut starts = [0_usize; 2];
        let mut first = true;
        loop {
            let gap = if at_top {
                0.0
            } else {
                (0..2)
                    .filter(|&c| starts[c] < lens[c])
                    .map(|c| row[c].slabs[starts[c]].space_before)
                    .fold(0.0, f32::max)
            };
            let room = y - gap - frame[1];
            // A column that goes on inside a table at a page's top repeats its header row.
            let heads = [0, 1].map(|c| {
                let slabs = &row[c].slabs;
                at_top
                    .then(|| repeated_head(slabs, starts[c]))
                    .flatten()
                    .map_or(&[][..], |h| &slabs[h])
            });
            let ends = [0, 1].map(|c| {
                fit(
                    &row[c].slabs,
                    starts[c],
                    room - stack_height(heads[c]),
                    at_top,
                )
            });
            let stalled = (0..2).any(|c| starts[c] < lens[c] && ends[c] == starts[c]);
            if first && stalled && !at_top {
                // A clause never starts in one column only: the row moves to the next page.
                new_page(&mut document, &mut page, &mut y, &mut at_top);
                continue;
            }
            let index = document.pages.len();
            let mut bottom = y - gap;
            for (c, piece) in row.iter().enumerate() {
                if ends[c] > starts[c] {
                    let bookmarks = (c == 0).then_some(&mut document.bookmarks);
                    let end = place_into(
                        &mut page,
                        [heads[c], &piece.slabs[starts[c]..ends[c]]],
                        None,
                        y - gap,
                        index,
                        bookmarks,
                        &piece.links,
                    );
                    bottom = bottom.min(end);
                }
            }
            starts = ends;
            if starts == lens {
                y = bottom;
                at_top = false;
                break;
            }
            new_page(&mut document, &mut page, &mut y, &mut at_top);
            first = false;
        }
    }
    document.pages.push(page);
    add_footers(&mut document, options.languages[0]);
    Ok(document)
}

/// Finishes `page` and puts the cursor at the top of a new one.
fn new_page(document: &mut Document, page: &mut Page, y: &mut f32, at_top: &mut bool) {
    document.pages.push(std::mem::take(page));
    *y = document.frame[3];
    *at_top = true;
}

/// Sets one piece of Markdown in a column starting at `left`, `width` wide, on pages whose
/// text area is `height` tall; returns its slabs, its links and its title (`# ...`), if any.
fn piece(
    markdown: &str,
    [left, width, height]: [f32; 3],
    language: Language,
) -> Result<(Piece, Option<String>), LayoutError> {
    let (galley, parsed) = set(markdown, left, width, language, false, height)?;
    Ok((
        Piece {
            slabs: galley.slabs,
            links: parsed.links,
        },
        parsed.title,
    ))
}
