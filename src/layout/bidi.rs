//! Right-to-left words in left-to-right lines: takes a set line, or the text of one fragment,
//! and returns it in the order it is drawn.
//!
//! A contract's paragraphs run left to right (English, Turkish), but an answer may name a
//! person, a company or a place in Hebrew. The Unicode Bidirectional Algorithm (UAX #9, the
//! `unicode-bidi` crate, with a left-to-right paragraph) gives each character its level; a
//! right-to-left word is drawn with its letters from right to left ([`visual`]), and a run of
//! right-to-left words is set with its first word on the right ([`reorder`]). The text is
//! stored and read in logical order; only the drawing is visual, as in any PDF, so text
//! extraction (`pdftotext`) gives each word back in logical order. printpdf does no shaping:
//! a combining mark stays after its letter, where an unshaped mark is drawn over it.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

use super::breaker::Fragment;
use super::metrics;

/// Whether `c` is written right to left (Hebrew, and the Arabic-script letters no face has).
fn is_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether `text` holds anything written right to left. ASCII never does, nor any character
/// before the Hebrew block (U+0590): the Latin, Greek and Cyrillic letters of a contract are
/// told apart without looking up their bidirectional class.
fn has_rtl(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| c >= '\u{590}' && is_rtl(c))
}

/// `text` (one fragment: a word, with its trailing space) in drawing order: each run of
/// right-to-left characters reversed, a combining mark kept after the letter it marks.
#[must_use]
pub fn visual(text: &str) -> Cow<'_, str> {
    if !has_rtl(text) {
        return Cow::Borrowed(text);
    }
    let info = ParagraphBidiInfo::new(text, Some(Level::ltr()));
    let (levels, runs) = info.visual_runs(0..text.len());
    let mut out = String::with_capacity(text.len());
    for run in runs {
        let piece = &text[run.clone()];
        if !levels[run.start].is_rtl() {
            out.push_str(piece);
            continue;
        }
        // Letters with their marks, reversed.
        let mut clusters: Vec<&str> = Vec::new();
        let mut start = 0;
        for (at, c) in piece.char_indices().skip(1) {
            if bidi_class(c) != BidiClass::NSM {
                clusters.push(&piece[start..at]);
                start = at;
            }
        }
        clusters.push(&piece[start..]);
        for cluster in clusters.iter().rev() {
            out.push_str(cluster);
        }
    }
    Cow::Owned(out)
}

/// Moves the fragments of a set line (left to right in logical order) to where they are
/// drawn: a fragment whose characters change direction (a Hebrew word and the comma after it)
/// is cut where they do, and each run of right-to-left words is mirrored within the room it
/// takes, so its first word stands on the right, with the same spaces between the words.
/// Lines without right-to-left text are left as they are.
pub(super) fn reorder(fragments: &mut Vec<Fragment>) {
    if !fragments.iter().any(|f| has_rtl(&f.text)) {
        return;
    }
    let line: String = fragments.iter().map(|f| f.text.as_str()).collect();
    let info = ParagraphBidiInfo::new(&line, Some(Level::ltr()));
    let level_at = |at: usize| info.levels.get(at).map_or(0, Level::number);
    // The pieces, each with the level of its first character that is not a space.
    let mut pieces: Vec<Fragment> = Vec::with_capacity(fragments.len() + 2);
    let mut levels: Vec<u8> = Vec::with_capacity(fragments.len() + 2);
    let mut offset = 0;
    for f in fragments.drain(..) {
        let face = metrics::face(f.style);
        let mut start = 0;
        let mut level: Option<u8> = None;
        let mut x = f.x;
        for (at, c) in f.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let here = level_at(offset + at);
            match level {
                None => level = Some(here),
                Some(l) if l % 2 != here % 2 => {
                    let text = &f.text[start..at];
                    let width = face.width(text, f.size);
                    pieces.push(Fragment {
                        x,
                        width,
                        text: text.to_owned(),
                        ..f.clone()
                    });
                    levels.push(l);
                    x += width;
                    start = at;
                    level = Some(here);
                }
                Some(_) => {}
            }
        }
        offset += f.text.len();
        let text = f.text[start..].to_owned();
        let width = f.width - (x - f.x);
        levels.push(level.unwrap_or_else(|| level_at(offset - f.text.len() + start)));
        pieces.push(Fragment {
            x,
            width,
            text,
            ..f
        });
    }
    let highest = levels.iter().copied().max().unwrap_or(0);
    // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run of
    // pieces at that level or higher.
    for level in (1..=highest).rev() {
        let mut k = 0;
        while k < pieces.len() {
            if levels[k] < level {
                k += 1;
                continue;
            }
            let start = k;
            while k < pieces.len() && levels[k] >= level {
                k += 1;
            }
            mirror(&mut pieces[start..k]);
        }
    }
    *fragments = pieces;
}

/// Mirrors fragments within the span from the leftmost one's left edge to the rightmost
/// one's last glyph.
fn mirror(fragments: &mut [Fragment]) {
    if fragments.len() < 2 {
        return;
    }
    let inked = |f: &Fragment| {
        let trailing = &f.text[f.text.trim_end().len()..];
        f.width - metrics::face(f.style).width(trailing, f.size)
    };
    let left = fragments.iter().map(|f| f.x).fold(f32::MAX, f32::min);
    let right = fragments
        .iter()
        .map(|f| f.x + inked(f))
        .fold(f32::MIN, f32::max);
    for f in fragments {
        f.x = left + right - (f.x + inked(f));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::metrics::Style;

    fn fragment(text: &str, x: f32) -> Fragment {
        Fragment {
            x,
            width: metrics::face(Style::Regular).width(text, 10.0),
            text: text.to_owned(),
            style: Style::Regular,
            size: 10.0,
            link: None,
        }
    }

    #[test]
    fn nothing_before_the_hebrew_block_is_written_right_to_left() {
        // `has_rtl` skips the look-up for these characters.
        for c in '\u{0}'..'\u{590}' {
            assert!(!is_rtl(c), "{c:?}");
        }
        assert!(!has_rtl("Müller’s “Ölçü” – ok"));
        assert!(has_rtl("Capitol \u{5e9}"));
    }

    #[test]
    fn a_hebrew_word_is_drawn_from_right_to_left_with_its_marks_after_their_letters() {
        assert_eq!(visual("Capitol, "), "Capitol, ");
        assert_eq!(visual("שלום "), "םולש ");
        assert_eq!(visual("(שלום)"), "(םולש)");
        // Shin with its dot, then vav with holam: each mark stays after its letter.
        assert_eq!(visual("שׁוֹ"), "וֹשׁ");
        // A number inside stays left to right.
        assert_eq!(visual("ב-2024"), "2024-ב");
    }

    #[test]
    fn a_run_of_hebrew_words_is_mirrored_and_the_rest_stays() {
        let texts = ["Hello ", "חברת ", "שלום ", "בע״מ, ", "Capitol"];
        let mut x = 0.0;
        let mut fragments: Vec<Fragment> = texts
            .iter()
            .map(|t| {
                let f = fragment(t, x);
                x += f.width;
                f
            })
            .collect();
        let before = fragments.clone();
        reorder(&mut fragments);
        // The comma after the last Hebrew word is cut from it: it stays after the run.
        let texts_after: Vec<&str> = fragments.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts_after,
            ["Hello ", "חברת ", "שלום ", "בע״מ", ", ", "Capitol"],
            "logical order is kept for reading"
        );
        // English words and the comma keep their places.
        for (after, was) in [(0, 0), (4, 3), (5, 4)] {
            let shift = if after == 4 {
                metrics::face(Style::Regular).width("בע״מ", 10.0)
            } else {
                0.0
            };
            assert!(
                (fragments[after].x - before[was].x - shift).abs() < 1e-3,
                "{after}"
            );
        }
        // The first Hebrew word now stands right of the last one, all in the same room.
        assert!(fragments[1].x > fragments[2].x && fragments[2].x > fragments[3].x);
        assert!((fragments[3].x - before[1].x).abs() < 1e-3);
        let space = metrics::face(Style::Regular).width(" ", 10.0);
        let end = fragments[1].x + fragments[1].width - space;
        assert!((end - fragments[4].x).abs() < 1e-3, "{end}");
    }
}
