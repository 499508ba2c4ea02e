//! Glyphs: takes every page's drawing and returns, for each font, the glyphs it draws and the
//! two-byte code each character is written as in the content streams.
//!
//! The fonts are embedded as subsets (Identity-H, name-keyed CFF or TrueType outlines), which
//! renumber the glyphs they keep: `.notdef` stays glyph 0 and the used glyphs follow in the
//! order of their original ids, so a glyph's code is one more than its rank among the used
//! glyphs. As printpdf does, each glyph keeps the character last drawn with it, for the
//! `/ToUnicode` map: [`Glyphs::used`] is what [`super::embed`] embeds.

use std::collections::{BTreeMap, HashMap};

use crate::layout::{Document, Page, Style};

use super::draw::{self, Canvas};
use super::{Font, PdfMeta};

/// The fonts a document draws, with each character's code; see the module documentation.
pub(super) struct Glyphs {
    /// By [`Font::slot`]; `None` for a font the document does not draw.
    fonts: [Option<FontGlyphs>; FONTS],
}

/// How many fonts there are: four faces and their fallbacks.
const FONTS: usize = 8;

/// What one font draws.
struct FontGlyphs {
    /// The codes of the ASCII characters (0, `.notdef`, for those never drawn).
    ascii: [u16; 128],
    /// The codes of the other characters drawn.
    other: HashMap<char, u16>,
    /// Each glyph drawn, in glyph order, with the character last drawn with it.
    used: Vec<(u16, char)>,
}

impl Glyphs {
    /// Takes the census of every page of `document` as drawn with `meta`.
    #[cfg(test)]
    pub(super) fn of(document: &Document, meta: &PdfMeta) -> Glyphs {
        Glyphs::seen(&Census::of(&document.pages, document, meta))
    }

    /// The glyphs of what `census` saw.
    pub(super) fn seen(census: &Census) -> Glyphs {
        let mut fonts = [const { None }; FONTS];
        for style in Style::ALL {
            for fallback in [false, true] {
                let font = Font { style, fallback };
                fonts[font.slot()] = census.fonts[font.slot()].glyphs(font);
            }
        }
        Glyphs { fonts }
    }

    /// The fonts drawn, in [`Style`] order, each face before its fallback.
    pub(super) fn fonts(&self) -> impl Iterator<Item = Font> + '_ {
        Style::ALL
            .into_iter()
            .flat_map(|style| [false, true].map(|fallback| Font { style, fallback }))
            .filter(|font| self.fonts[font.slot()].is_some())
    }

    /// Each glyph `font` draws, in glyph order, with the character last drawn with it (none
    /// if it draws none).
    pub(super) fn used(&self, font: Font) -> &[(u16, char)] {
        self.fonts[font.slot()]
            .as_ref()
            .map_or(&[], |glyphs| glyphs.used.as_slice())
    }

    /// A census of one font drawing `codes`, each character with the code given.
    #[cfg(test)]
    pub(super) fn with_codes(font: Font, codes: &[(char, u16)]) -> Glyphs {
        let mut glyphs = FontGlyphs {
            ascii: [0; 128],
            other: HashMap::new(),
            used: codes.iter().map(|&(c, code)| (code, c)).collect(),
        };
        for &(c, code) in codes {
            if c.is_ascii() {
                glyphs.ascii[c as usize] = code;
            } else {
                glyphs.other.insert(c, code);
            }
        }
        let mut fonts = [const { None }; FONTS];
        fonts[font.slot()] = Some(glyphs);
        Glyphs { fonts }
    }

    /// The code `c` is written as in `font`: 0 (`.notdef`) for a character it never draws.
    pub(super) fn code(&self, font: Font, c: char) -> u16 {
        let Some(glyphs) = &self.fonts[font.slot()] else {
            return 0;
        };
        if c.is_ascii() {
            glyphs.ascii[c as usize]
        } else {
            glyphs.other.get(&c).copied().unwrap_or(0)
        }
    }
}

/// A [`Canvas`] that only notes which characters each font draws, and when each was last
/// drawn.
#[derive(Default)]
pub(super) struct Census {
    fonts: [Seen; FONTS],
    font: Option<Font>,
    /// Counts the characters drawn: the "when" of [`Seen`].
    clock: u32,
}

/// The characters one font draws, each with when it was last drawn (from 1; 0 never).
struct Seen {
    ascii: [u32; 128],
    other: HashMap<char, u32>,
}

impl Census {
    /// What `pages` of `document` draw with `meta`.
    pub(super) fn of(pages: &[Page], document: &Document, meta: &PdfMeta) -> Census {
        let mut census = Census::default();
        for page in pages {
            draw::page(page, document, meta, &mut census);
        }
        census
    }

    /// What this census and then `later`, of the pages that follow, saw: the census of all
    /// those pages, as if taken in one.
    pub(super) fn then(mut self, later: Census) -> Census {
        let before = self.clock;
        for (seen, later) in self.fonts.iter_mut().zip(later.fonts) {
            for (when, later) in seen.ascii.iter_mut().zip(later.ascii) {
                if later > 0 {
                    *when = before + later;
                }
            }
            for (c, later) in later.other {
                seen.other.insert(c, before + later);
            }
        }
        self.clock += later.clock;
        self
    }
}

impl Default for Seen {
    fn default() -> Self {
        Seen {
            ascii: [0; 128],
            other: HashMap::new(),
        }
    }
}

impl Seen {
    /// The glyphs of the characters seen, in `font`; `None` if none was seen.
    fn glyphs(&self, font: Font) -> Option<FontGlyphs> {
        let seen = self
            .ascii
            .iter()
            .enumerate()
            .filter(|&(_, &when)| when > 0)
            .map(|(c, &when)| (char::from(c as u8), when))
            .chain(self.other.iter().map(|(&c, &when)| (c, when)));
        let face = font.face();
        // Glyph → (when, the character last drawn with it); characters without a glyph are
        // drawn as `.notdef` and embed nothing.
        let mut glyphs: BTreeMap<u16, (u32, char)> = BTreeMap::new();
        let mut chars = Vec::new();
        for (c, when) in seen {
            let Some(gid) = face.glyph(c) else {
                continue;
            };
            chars.push((c, gid));
            let last = glyphs.entry(gid).or_insert((when, c));
            if when > last.0 {
                *last = (when, c);
            }
        }
        if glyphs.is_empty() {
            return None;
        }
        // The subset's numbering: `.notdef` first, then the used glyphs in original order.
        let mut code = HashMap::new();
        let mut next = 1u16;
        for &gid in glyphs.keys() {
            if gid == 0 {
                code.insert(0, 0);
            } else {
                code.insert(gid, next);
                next += 1;
            }
        }
        let mut out = FontGlyphs {
            ascii: [0; 128],
            other: HashMap::new(),
            used: glyphs.iter().map(|(&gid, &(_, c))| (gid, c)).collect(),
        };
        for (c, gid) in chars {
            let code = code[&gid];
            if c.is_ascii() {
                out.ascii[c as usize] = code;
            } else {
                out.other.insert(c, code);
            }
        }
        Some(out)
    }
}

impl Canvas for Census {
    const PLACES: bool = false;

    fn fill_gray(&mut self, _: f32) {}
    fn stroke_gray(&mut self, _: f32) {}
    fn line_width(&mut self, _: f32) {}
    fn butt_caps(&mut self) {}
    fn begin_text(&mut self) {}
    fn end_text(&mut self) {}
    fn move_text(&mut self, _: f32, _: f32) {}
    fn text_matrix(&mut self, _: [f32; 6]) {}
    fn font(&mut self, font: Font, _: f32) {
        self.font = Some(font);
    }
    fn text(&mut self, run: &str) {
        let Some(font) = self.font else {
            return;
        };
        let seen = &mut self.fonts[font.slot()];
        for c in run.chars() {
            self.clock += 1;
            if c.is_ascii() {
                seen.ascii[c as usize] = self.clock;
            } else {
                seen.other.insert(c, self.clock);
            }
        }
    }
    fn offset(&mut self, _: f32) {}
    fn show(&mut self) {}
    fn line(&mut self, _: (f32, f32), _: (f32, f32)) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, layout};

    fn regular() -> Font {
        Font {
            style: Style::Regular,
            fallback: false,
        }
    }

    #[test]
    fn codes_number_the_used_glyphs_in_original_order_after_notdef() {
        let font = regular();
        let face = font.face();
        let mut census = Census::default();
        census.font(font, 10.0);
        census.text("Ab ");
        census.text("baA cab.");
        let glyphs = Glyphs {
            fonts: std::array::from_fn(|slot| {
                (slot == font.slot())
                    .then(|| census.fonts[slot].glyphs(font))
                    .flatten()
            }),
        };
        let drawn = "Ab ac.";
        let mut gids: Vec<u16> = drawn.chars().map(|c| face.glyph(c).unwrap()).collect();
        gids.sort_unstable();
        for c in drawn.chars() {
            let gid = face.glyph(c).unwrap();
            let rank = gids.iter().position(|&g| g == gid).unwrap();
            assert_eq!(glyphs.code(font, c), rank as u16 + 1, "{c:?}");
        }
        assert_eq!(glyphs.code(font, 'z'), 0, "never drawn");
        let bold = Font {
            style: Style::Bold,
            fallback: false,
        };
        assert_eq!(glyphs.code(bold, 'A'), 0, "a font not drawn");
        let mut shown: Vec<char> = glyphs.used(font).iter().map(|&(_, c)| c).collect();
        shown.sort_unstable();
        assert_eq!(shown, [' ', '.', 'A', 'a', 'b', 'c']);
        let used: Vec<u16> = glyphs.used(font).iter().map(|&(gid, _)| gid).collect();
        assert_eq!(used, gids, "in glyph order");
    }

    #[test]
    fn only_the_fonts_drawn_are_listed_and_the_draft_mark_draws_in_bold() {
        let document = layout("Plain words.\n", &LayoutOptions::default()).unwrap();
        let plain = Glyphs::of(&document, &PdfMeta::default());
        assert_eq!(plain.fonts().collect::<Vec<_>>(), [regular()]);
        let draft = Glyphs::of(
            &document,
            &PdfMeta {
                draft: true,
                ..PdfMeta::default()
            },
        );
        let bold = Font {
            style: Style::Bold,
            fallback: false,
        };
        assert_eq!(draft.fonts().collect::<Vec<_>>(), [regular(), bold]);
        let mut shown: Vec<char> = draft.used(bold).iter().map(|&(_, c)| c).collect();
        shown.sort_unstable();
        assert_eq!(shown, ['A', 'D', 'F', 'R', 'T']);
    }

    #[test]
    fn a_census_taken_in_two_parts_is_the_census_taken_in_one() {
        let markdown = include_str!("../../tests/fixtures/pdf-sample/contract.md");
        let document = layout(markdown, &LayoutOptions::default()).unwrap();
        let pages = &document.pages;
        assert!(pages.len() > 2);
        let meta = PdfMeta {
            draft: true,
            ..PdfMeta::default()
        };
        let whole = Glyphs::of(&document, &meta);
        let fonts: Vec<Font> = whole.fonts().collect();
        for split in 0..=pages.len() {
            let first = Census::of(&pages[..split], &document, &meta);
            let parts = Glyphs::seen(&first.then(Census::of(&pages[split..], &document, &meta)));
            assert_eq!(parts.fonts().collect::<Vec<_>>(), fonts, "split at {split}");
            for &font in &fonts {
                assert_eq!(parts.used(font), whole.used(font), "split at {split}");
            }
        }
    }

    #[test]
    fn a_glyph_two_characters_share_keeps_the_character_last_drawn() {
        // Two characters a font draws with one glyph.
        let (font, one, other) = Style::ALL
            .into_iter()
            .flat_map(|style| [false, true].map(|fallback| Font { style, fallback }))
            .find_map(|font| {
                let face = font.face();
                let mut first = HashMap::new();
                (0x20..0x1_0000).filter_map(char::from_u32).find_map(|c| {
                    let gid = face.glyph(c)?;
                    first.insert(gid, c).map(|earlier| (font, earlier, c))
                })
            })
            .expect("the premise: two characters share a glyph");
        let mut census = Census::default();
        census.font(font, 10.0);
        census.text(&format!("a{one}b{other}c"));
        let glyphs = census.fonts[font.slot()].glyphs(font).unwrap();
        let shows = |glyphs: &FontGlyphs, c: char| glyphs.used.iter().any(|&(_, d)| d == c);
        assert!(shows(&glyphs, other) && !shows(&glyphs, one));
        let code = |c: char| {
            if c.is_ascii() {
                glyphs.ascii[c as usize]
            } else {
                glyphs.other[&c]
            }
        };
        assert!(
            code(one) > 0 && code(one) == code(other),
            "one code for both"
        );
        census.text(&format!("d{one}"));
        let glyphs = census.fonts[font.slot()].glyphs(font).unwrap();
        assert!(shows(&glyphs, one) && !shows(&glyphs, other));
        // Taken in two parts: the later part's last character wins, or the earlier part's
        // when the later part does not draw the glyph.
        let part = |text: String| {
            let mut census = Census::default();
            census.font(font, 10.0);
            census.text(&text);
            census
        };
        let last = |census: Census| census.fonts[font.slot()].glyphs(font).unwrap();
        let glyphs = last(part(format!("{one}{other}")).then(part(format!("x{one}y"))));
        assert!(shows(&glyphs, one) && !shows(&glyphs, other));
        let glyphs = last(part(format!("{other}{one}")).then(part(format!("x{other}"))));
        assert!(shows(&glyphs, other) && !shows(&glyphs, one));
        let glyphs = last(part(format!("{one}{other}")).then(part("xyz".to_owned())));
        assert!(shows(&glyphs, other) && !shows(&glyphs, one));
    }
}
