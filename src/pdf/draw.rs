//! Draw: takes one laid-out page and tells a [`Canvas`] what to draw on it, operator by
//! operator.
//!
//! This is the one description of a page's drawing. The content-stream writer
//! ([`super::content`]) turns it into bytes; the glyph census ([`super::glyphs`]) reads it to
//! learn which glyphs each font must embed; in tests, printpdf's operations are made from it
//! too, to prove the writer writes what printpdf would. Links are not drawn: they are
//! annotations, added beside the page's content.

use crate::layout::{Document, Fragment, Page, Style, bidi, metrics};

use super::{Font, PdfMeta, SignTags, runs};

/// Something a page is drawn on. Calls come in the order of the content stream; text is shown
/// as a sequence of [`Canvas::text`] and [`Canvas::offset`] calls closed by [`Canvas::show`]
/// (one `TJ`, or `Tj` for a single run), never empty.
pub(super) trait Canvas {
    /// Whether the canvas shows text where it is set: the moves between the fragments of a
    /// line are measured only for a canvas that draws them.
    const PLACES: bool = true;
    /// Sets the fill colour (text) to a grey, 0 black to 1 white (`g`).
    fn fill_gray(&mut self, level: f32);
    /// Sets the stroke colour (rules) to a grey (`G`).
    fn stroke_gray(&mut self, level: f32);
    /// Sets the stroke width in points (`w`).
    fn line_width(&mut self, width: f32);
    /// Sets butt line caps (`0 J`).
    fn butt_caps(&mut self);
    /// Begins a text object (`BT`).
    fn begin_text(&mut self);
    /// Ends a text object (`ET`).
    fn end_text(&mut self);
    /// Moves to the start of a line (`Td`).
    fn move_text(&mut self, x: f32, y: f32);
    /// Sets the text matrix (`Tm`).
    fn text_matrix(&mut self, matrix: [f32; 6]);
    /// Selects a font and size (`Tf`).
    fn font(&mut self, font: Font, size: f32);
    /// Adds a run of text, in the current font, to the text being shown.
    fn text(&mut self, run: &str);
    /// Adds a move to the text being shown, in thousandths of the font size, positive left.
    fn offset(&mut self, thousandths: f32);
    /// Shows the runs and moves added since the last call.
    fn show(&mut self);
    /// Strokes a straight line (`m`, `l`, `S`).
    fn line(&mut self, from: (f32, f32), to: (f32, f32));
}

/// Draws `page` of `document` on `canvas`: the draft mark, the lines of text, the rules and
/// the signing service's tags.
pub(super) fn page<C: Canvas>(page: &Page, document: &Document, meta: &PdfMeta, canvas: &mut C) {
    if meta.draft {
        draft_mark(canvas, document);
    }
    canvas.fill_gray(0.0);
    canvas.butt_caps();
    // Text state (the font) persists across text objects, so only changes are written.
    let mut current: Option<(Font, f32)> = None;
    for line in &page.lines {
        let Some(first) = line.fragments.first() else {
            continue;
        };
        canvas.begin_text();
        canvas.move_text(first.x, line.y);
        // Whether runs or moves wait to be shown.
        let mut pending = false;
        for (k, fragment) in line.fragments.iter().enumerate() {
            // Right-to-left words are drawn from right to left (see `layout::bidi`).
            let text = bidi::visual(&fragment.text);
            for (font, size, run) in runs(&text, fragment.style, fragment.size) {
                if current != Some((font, size)) {
                    if pending {
                        canvas.show();
                    }
                    canvas.font(font, size);
                    current = Some((font, size));
                }
                canvas.text(run);
                pending = true;
            }
            if let Some(next) = line.fragments.get(k + 1)
                && C::PLACES
            {
                let gap = gap_between(fragment, next);
                if gap.abs() > 1e-4 {
                    // TJ offsets are in thousandths of the current font size (the last run's,
                    // which may be the scaled fallback's), positive moves left.
                    let size = current.map_or(fragment.size, |(_, size)| size);
                    canvas.offset(-gap * 1000.0 / size);
                    pending = true;
                }
            }
        }
        if pending {
            canvas.show();
        }
        canvas.end_text();
    }
    for rule in &page.rules {
        canvas.stroke_gray(rule.gray);
        canvas.line_width(rule.thickness);
        canvas.line((rule.x1, rule.y1), (rule.x2, rule.y2));
    }
    if let Some(service) = meta.sign_tags {
        sign_tags(canvas, page, service);
    }
}

/// The size of the draft mark, in points.
const DRAFT_SIZE: f32 = 120.0;
/// The grey of the draft mark: light enough to read the text through.
const DRAFT_GRAY: f32 = 0.9;

/// "DRAFT" in light grey across the middle of the page, rising at 45 degrees, drawn first so
/// the text is drawn over it.
fn draft_mark(canvas: &mut impl Canvas, document: &Document) {
    let font = Font {
        style: Style::Bold,
        fallback: false,
    };
    let width = metrics::face(Style::Bold).width("DRAFT", DRAFT_SIZE);
    let (sin, cos) = std::f32::consts::FRAC_PI_4.sin_cos();
    // The text's own centre (half its width along, a third of its size up) on the page's.
    let (along, up) = (width / 2.0, DRAFT_SIZE / 3.0);
    let x = document.width / 2.0 - (along * cos - up * sin);
    let y = document.height / 2.0 - (along * sin + up * cos);
    canvas.fill_gray(DRAFT_GRAY);
    canvas.begin_text();
    canvas.font(font, DRAFT_SIZE);
    canvas.text_matrix([cos, sin, -sin, cos, x, y]);
    canvas.text("DRAFT");
    canvas.show();
    canvas.end_text();
}

/// The size of the signing services' tags: the services size their fields from the tag.
const TAG_SIZE: f32 = 10.0;

/// The signing service's tags on the page's signature and date lines, in white: invisible on
/// the page, found by the service in the text.
fn sign_tags(canvas: &mut impl Canvas, page: &Page, service: SignTags) {
    if page.fields.is_empty() {
        return;
    }
    let font = Font {
        style: Style::Regular,
        fallback: false,
    };
    canvas.fill_gray(1.0);
    for field in &page.fields {
        canvas.begin_text();
        canvas.font(font, TAG_SIZE);
        canvas.move_text(field.x, field.y + 2.0);
        canvas.text(&service.tag(field.kind, field.signer));
        canvas.show();
        canvas.end_text();
    }
    canvas.fill_gray(0.0);
}

/// The space between the end of `fragment` as drawn and where `next` starts.
fn gap_between(fragment: &Fragment, next: &Fragment) -> f32 {
    let drawn = metrics::face(fragment.style).width(&fragment.text, fragment.size);
    next.x - (fragment.x + drawn)
}
