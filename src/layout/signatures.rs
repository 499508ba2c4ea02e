//! The signature block: takes the paragraphs between `<!-- signatures -->` and
//! `<!-- end signatures -->` and puts their slabs on the galley, with a [`SignatureField`] for
//! each blank line a signing party fills in.
//!
//! The block is read by its shape, not its words, so it works in any language:
//! - a paragraph set wholly in bold opens a signing party's part ("**The Client: Acme LLC**");
//!   the party is named by what follows the first `": "`, or by the whole line;
//! - a blank line is a run of five or more underscores ending a paragraph ("By: _____");
//!   a party's first blank line is its signature, its last (when there are two or more) the
//!   day it signs;
//! - paragraphs before the first party (the sentence that introduces the block) are set as
//!   ordinary text.
//!
//! Two parties stand side by side, each in a column half the text width less a gutter, when
//! every line of each party's part but its opening one fits its column on one line (a blank
//! line may be set smaller to fit, down to [`BLANK_MIN_SCALE`] of the text size); their lines
//! are paired row by row, so both signatures stand at one height. Otherwise the parties
//! follow one another at full width. Either way a signature line has [`SIGNING_ROOM`] above
//! it for the pen. The lines of the left column come before those of the right one in reading
//! order, so the words stay in the Markdown's order.

use super::blocks::Para;
use super::breaker::{self, Align, Fragment, Inline, Measure, SetLine};
use super::galley::{Galley, Slab, placed, plain_text};
use super::metrics::face;
use super::{BASELINE, BODY_LEADING, BODY_SIZE, FieldKind, PARA_GAP, Role, SignatureField};

/// The space between the two columns, in points.
const GUTTER: f32 = 24.0;
/// Extra space above a signature line, for the signature itself.
const SIGNING_ROOM: f32 = 14.0;
/// The smallest a blank line's underscores are set to fit a column, as a fraction of the
/// text size.
pub(super) const BLANK_MIN_SCALE: f32 = 0.7;
/// What a field leaves clear above it for the descenders of the line before.
const DESCENDER: f32 = 3.0;
/// How many underscores in a row make a blank line.
const BLANK_RUN: usize = 5;

/// One signing party's part of the block.
struct Party {
    heading: (Para, Vec<SetLine>),
    lines: Vec<(Para, Vec<SetLine>)>,
}

impl Party {
    fn heading_text(&self) -> String {
        plain_text(&self.heading.0.inlines)
    }

    fn name(&self) -> String {
        let heading = self.heading_text();
        match heading.split_once(": ") {
            Some((_, name)) if !name.trim().is_empty() => name.trim().to_owned(),
            _ => heading,
        }
    }

    /// The indexes into `lines` of the signature line and the date line.
    fn blanks(&self) -> (Option<usize>, Option<usize>) {
        let blanks: Vec<usize> = (self.lines.iter().enumerate())
            .filter(|(_, (p, _))| blank_of(p).is_some())
            .map(|(i, _)| i)
            .collect();
        let signature = blanks.first().copied();
        let date = blanks.last().copied().filter(|&d| Some(d) != signature);
        (signature, date)
    }

    fn kind_of(&self, line: usize) -> Option<FieldKind> {
        let (signature, date) = self.blanks();
        if signature == Some(line) {
            Some(FieldKind::Signature)
        } else if date == Some(line) {
            Some(FieldKind::Date)
        } else {
            None
        }
    }
}

/// Whether the paragraph opens a signing party's part: it is set wholly in bold (and holds
/// some text).
pub(crate) fn opens_party(p: &Para) -> bool {
    let mut any = false;
    for inline in &p.inlines {
        match inline {
            Inline::Text(span) if span.text.trim().is_empty() => {}
            Inline::Text(span) if span.style.is_bold() => any = true,
            _ => return false,
        }
    }
    any
}

/// The byte length of the blank line ending the paragraph's last span, if it ends in one.
fn blank_of(p: &Para) -> Option<usize> {
    let Some(Inline::Text(last)) = p.inlines.last() else {
        return None;
    };
    let text = last.text.trim_end();
    let run = text.len() - text.trim_end_matches('_').len();
    (run >= BLANK_RUN).then_some(run)
}

/// Lays out the signature block's paragraphs, each with its lines as set at full width.
pub(super) fn lay_out(galley: &mut Galley, paragraphs: Vec<(Para, Vec<SetLine>)>) {
    let mut parties: Vec<Party> = Vec::new();
    for (p, lines) in paragraphs {
        if opens_party(&p) {
            parties.push(Party {
                heading: (p, lines),
                lines: Vec::new(),
            });
        } else if let Some(party) = parties.last_mut() {
            party.lines.push((p, lines));
        } else {
            galley.para(&p, lines);
        }
    }
    if parties.len() == 2
        && let Some(columns) = columns(galley, &parties)
    {
        side_by_side(galley, &parties, columns);
        return;
    }
    for (k, party) in parties.iter().enumerate() {
        let (p, lines) = &party.heading;
        galley.para(p, lines.clone());
        for (i, (p, lines)) in party.lines.iter().enumerate() {
            let kind = party.kind_of(i);
            if kind == Some(FieldKind::Signature) {
                galley.space(PARA_GAP + SIGNING_ROOM);
            }
            let first = galley.slabs.len();
            galley.para(p, lines.clone());
            if let Some(kind) = kind {
                mark_field(&mut galley.slabs[first..], party, k + 1, kind);
            }
        }
    }
}

/// Records the field over the blank line among the slabs of one paragraph.
fn mark_field(slabs: &mut [Slab], party: &Party, signer: usize, kind: FieldKind) {
    let Some(slab) = slabs.last_mut() else {
        return;
    };
    let Some(line) = slab.lines.last() else {
        return;
    };
    let Some(blank) = line.fragments.last() else {
        return;
    };
    let above = slab.space_before + line.y - DESCENDER;
    let field = field(party, signer, kind, blank, line.y, above);
    slab.fields.push(field);
}

fn field(
    party: &Party,
    signer: usize,
    kind: FieldKind,
    blank: &Fragment,
    baseline: f32,
    above: f32,
) -> SignatureField {
    let drawn = face(blank.style).width(blank.text.trim_end(), blank.size);
    SignatureField {
        party: party.name(),
        heading: party.heading_text(),
        signer,
        kind,
        x: blank.x,
        y: baseline,
        width: drawn,
        height: above,
    }
}

/// Each party's lines set in a column, or `None` when one does not fit on a line.
fn columns(galley: &Galley, parties: &[Party]) -> Option<Vec<Vec<SetLine>>> {
    let width = (galley.width - GUTTER) / 2.0;
    parties
        .iter()
        .map(|party| {
            party
                .lines
                .iter()
                .map(|(p, _)| one_line(p, width))
                .collect::<Option<Vec<SetLine>>>()
        })
        .collect()
}

/// The paragraph set flush left on one line of `width`, its blank line set smaller if that
/// is what it takes; `None` when it needs more than one line.
fn one_line(p: &Para, width: f32) -> Option<SetLine> {
    let measure = Measure {
        width,
        size: BODY_SIZE,
        align: Align::Left,
        hyphenate: None,
    };
    let mut lines = breaker::set(&p.inlines, &measure);
    if lines.len() == 1 {
        return lines.pop();
    }
    let run = blank_of(p)?;
    let mut label = p.inlines.clone();
    let Some(Inline::Text(last)) = label.last_mut() else {
        return None;
    };
    let trimmed = last.text.trim_end().len();
    let blank = last.text[trimmed - run..trimmed].to_owned();
    let style = last.style;
    last.text.truncate(trimmed - run);
    if last.text.trim().is_empty() {
        label.pop();
    }
    let mut set = breaker::set(&label, &measure);
    let mut line = match set.len() {
        0 => SetLine {
            fragments: Vec::new(),
            end: breaker::LineEnd::Last,
        },
        1 => set.pop()?,
        _ => return None,
    };
    let start = line.fragments.last().map_or(0.0, |f| f.x + f.width);
    let natural = face(style).width(&blank, BODY_SIZE);
    let scale = ((width - start) / natural).min(1.0);
    if scale < BLANK_MIN_SCALE {
        return None;
    }
    let size = BODY_SIZE * scale;
    line.fragments.push(Fragment {
        x: start,
        width: face(style).width(&blank, size),
        text: blank,
        style,
        size,
        link: None,
    });
    Some(line)
}

/// Puts the two parties side by side: one slab, the left column's lines before the right's.
fn side_by_side(galley: &mut Galley, parties: &[Party], columns: Vec<Vec<SetLine>>) {
    let width = (galley.width - GUTTER) / 2.0;
    let lefts = [galley.left, galley.left + width + GUTTER];
    // Flush left: a justified line of a few bold words in a narrow column gapes.
    let measure = Measure {
        width,
        size: BODY_SIZE,
        align: Align::Left,
        hyphenate: None,
    };
    let headings: Vec<Vec<SetLine>> = parties
        .iter()
        .map(|party| breaker::set(&party.heading.0.inlines, &measure))
        .collect();
    let heading_rows = headings.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    // The baseline of each row below the slab's top, and the room above each.
    let mut baselines = Vec::with_capacity(rows);
    let mut rooms = Vec::with_capacity(rows);
    let mut y = heading_rows as f32 * BODY_LEADING;
    for row in 0..rows {
        let signing = parties
            .iter()
            .any(|party| party.kind_of(row) == Some(FieldKind::Signature));
        let gap = if signing {
            PARA_GAP + SIGNING_ROOM
        } else {
            PARA_GAP
        };
        y += gap;
        rooms.push(gap);
        baselines.push(y + BODY_LEADING * BASELINE);
        y += BODY_LEADING;
    }
    let mut slab = Slab {
        height: y,
        ..Slab::empty()
    };
    for (k, ((party, heading), lines)) in parties.iter().zip(headings).zip(columns).enumerate() {
        for (i, set) in heading.into_iter().enumerate() {
            let baseline = i as f32 * BODY_LEADING + BODY_LEADING * BASELINE;
            slab.lines.push(placed(set, lefts[k], baseline, Role::Body));
        }
        for (row, set) in lines.into_iter().enumerate() {
            let line = placed(set, lefts[k], baselines[row], Role::Body);
            if let Some(kind) = party.kind_of(row)
                && let Some(blank) = line.fragments.last()
            {
                let above = rooms[row] + BODY_LEADING * BASELINE - DESCENDER;
                let field = field(party, k + 1, kind, blank, baselines[row], above);
                slab.fields.push(field);
            }
            slab.lines.push(line);
        }
    }
    galley.space(PARA_GAP);
    galley.push(slab, true);
    galley.space(PARA_GAP);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::blocks::ParaKind;
    use crate::layout::breaker::Span;
    use crate::layout::{LayoutOptions, Paper, layout};

    const BLOCK: &str = "# Agreement\n\n## Signatures\n\n<!-- keep-together -->\n\n<!-- signatures -->\n\n\
        The parties sign this Agreement below.\n\n\
        **The Designer: Maya Lindqvist, trading as Prairie Pixel Studio**\n\n\
        Signature: ______________________________\n\nName: Maya Lindqvist\n\n\
        Date: ______________________________\n\n\
        **The Client: Capitol Bakery \\& Café LLC**\n\n\
        By: ______________________________\n\nName: Daniel Ortiz\n\nTitle: Owner\n\n\
        Date: ______________________________\n\n\
        <!-- end signatures -->\n\n<!-- end keep-together -->\n";

    fn fields(paper: Paper) -> (crate::layout::Document, Vec<SignatureField>) {
        let document = layout(
            BLOCK,
            &LayoutOptions {
                paper,
                ..LayoutOptions::default()
            },
        )
        .unwrap();
        let fields = document
            .pages
            .iter()
            .flat_map(|p| p.fields.clone())
            .collect();
        (document, fields)
    }

    #[test]
    fn each_party_gets_a_signature_and_a_date_field_side_by_side() {
        for paper in [Paper::Letter, Paper::A4] {
            let (document, fields) = fields(paper);
            let summary: Vec<(&str, usize, FieldKind)> = fields
                .iter()
                .map(|f| (f.party.as_str(), f.signer, f.kind))
                .collect();
            assert_eq!(
                summary,
                [
                    (
                        "Maya Lindqvist, trading as Prairie Pixel Studio",
                        1,
                        FieldKind::Signature
                    ),
                    (
                        "Maya Lindqvist, trading as Prairie Pixel Studio",
                        1,
                        FieldKind::Date
                    ),
                    ("Capitol Bakery & Café LLC", 2, FieldKind::Signature),
                    ("Capitol Bakery & Café LLC", 2, FieldKind::Date),
                ],
                "{paper:?}"
            );
            let [left, _, right, _] = document.frame;
            let middle = f32::midpoint(left, right);
            // Side by side: both signatures on one baseline, one in each half of the page.
            assert!((fields[0].y - fields[2].y).abs() < 0.01, "{paper:?}");
            assert!(fields[0].x + fields[0].width <= middle, "{paper:?}");
            assert!(fields[2].x >= middle && fields[2].x + fields[2].width <= right + 0.01);
            // Room to sign above the line, clear of the party's name above it.
            assert!(fields[0].height >= 20.0, "{:?}", fields[0]);
            let heading = document.pages[0]
                .lines
                .iter()
                .filter(|l| l.text.starts_with("The Client"))
                .map(|l| l.y)
                .fold(f32::INFINITY, f32::min);
            assert!(fields[2].y + fields[2].height < heading - 2.0);
        }
    }

    #[test]
    fn side_by_side_keeps_the_markdown_word_order() {
        let (document, _) = fields(Paper::Letter);
        let words = document.words();
        let at = |word: &str| words.iter().position(|w| w == word).unwrap();
        assert!(at("Lindqvist,") < at("Signature:"));
        assert!(at("Signature:") < at("By:"));
        assert!(at("Owner") > at("Capitol"));
        assert_eq!(words.iter().filter(|w| w.starts_with("___")).count(), 4);
    }

    #[test]
    fn parties_too_wide_for_columns_follow_one_another() {
        let long = BLOCK.replace(
            "Name: Daniel Ortiz",
            "Name: Daniel Alexander Ortiz-Montgomery of the Capitol Bakery",
        );
        let document = layout(&long, &LayoutOptions::default()).unwrap();
        let fields: Vec<&SignatureField> = document.pages.iter().flat_map(|p| &p.fields).collect();
        assert_eq!(fields.len(), 4);
        assert!(fields[2].y < fields[1].y, "the client signs below");
        let [left, _, right, _] = document.frame;
        assert!(fields[2].x < f32::midpoint(left, right), "at full width");
        assert!(fields[2].height >= 20.0);
    }

    #[test]
    fn a_blank_line_is_set_smaller_to_fit_its_column_and_keeps_its_text() {
        let set = one_line(
            &Para {
                kind: ParaKind::Body,
                inlines: vec![Inline::Text(Span {
                    text: "Signature: ______________________________".into(),
                    style: crate::layout::Style::Regular,
                    link: None,
                })],
                list_depth: 0,
                marker: None,
                quote_depth: 0,
                in_list: false,
            },
            200.0,
        )
        .unwrap();
        let blank = set.fragments.last().unwrap();
        assert_eq!(blank.text, "______________________________");
        assert!(blank.size < BODY_SIZE && blank.size >= BODY_SIZE * BLANK_MIN_SCALE);
        assert!(blank.x + blank.width <= 200.01);
    }
}
