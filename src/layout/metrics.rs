//! Glyph coverage and advance widths of the four embedded Libertinus Serif faces and of their
//! fallback faces.
//!
//! Takes the OpenType bytes in `fonts/` and returns, per face, a character → advance (in em)
//! table. printpdf does no kerning or shaping, so the `hmtx` advance is exactly what is drawn;
//! reading the tables here keeps the layout stage pure and independent of printpdf.
//!
//! Libertinus lacks some currency signs (`₺` above all, and `₩ ₪ ₴ ₦ ₽`) and some letters of
//! the scripts a contract may name people and places in (the Cyrillic Supplement, Latin
//! Extended-D, Hebrew accents; its bold italic lacks most of Latin Extended-B and Cyrillic).
//! Each face has a fallback, Noto Serif and Noto Serif Hebrew reduced to the characters of the
//! Latin, Greek, Cyrillic, Hebrew and Currency Symbols blocks that the face lacks (made by
//! `fonts/noto-fallback.sh`, see `fonts/OFL-NotoSerif.txt`), used only for those characters. The fallback is drawn scaled so that
//! its capitals are as tall as Libertinus's ([`FaceMetrics::fallback_scale`]); its advances
//! here are already scaled, so the layout measures exactly what the `pdf` stage draws.

use std::sync::OnceLock;

/// The embedded font files, in [`Style`] order. The `pdf` stage embeds the same bytes.
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../fonts/LibertinusSerif-BoldItalic.otf"),
];

/// The fallback faces, in [`Style`] order: what Noto Serif and Noto Serif Hebrew have of the
/// characters the Libertinus face lacks (SIL OFL 1.1).
pub const FALLBACK_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/NotoSerif-Regular-Fallback.ttf"),
    include_bytes!("../../fonts/NotoSerif-Bold-Fallback.ttf"),
    include_bytes!("../../fonts/NotoSerif-Italic-Fallback.ttf"),
    include_bytes!("../../fonts/NotoSerif-BoldItalic-Fallback.ttf"),
];

/// A face of the text font.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Style {
    /// Upright, normal weight.
    #[default]
    Regular,
    /// Upright bold (`**strong**`).
    Bold,
    /// Italic (`*emphasis*`).
    Italic,
    /// Bold italic (`***both***`).
    BoldItalic,
}

impl Style {
    /// All faces, in the order of `FONT_FILES`.
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    /// The face with bold switched on or off.
    #[must_use]
    pub fn with_bold(self, bold: bool) -> Style {
        Style::from_flags(bold, self.is_italic())
    }

    /// The face with italic switched on or off.
    #[must_use]
    pub fn with_italic(self, italic: bool) -> Style {
        Style::from_flags(self.is_bold(), italic)
    }

    /// Whether the face is bold.
    #[must_use]
    pub fn is_bold(self) -> bool {
        matches!(self, Style::Bold | Style::BoldItalic)
    }

    /// Whether the face is italic.
    #[must_use]
    pub fn is_italic(self) -> bool {
        matches!(self, Style::Italic | Style::BoldItalic)
    }

    fn from_flags(bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    /// Index into `FONT_FILES`.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Advance widths of one face and its fallback, in em.
///
/// The fallback face is read only when a character the face lacks is first asked about: a
/// contract in the characters Libertinus has never parses it.
#[derive(Debug)]
pub struct FaceMetrics {
    /// Advances of the ASCII characters (`NaN` where the face has no glyph), the hot path.
    ascii: [f32; 128],
    /// Advances of every other mapped character.
    other: CharMap,
    /// Libertinus's cap height in em, which the fallback is scaled to.
    cap_height: f32,
    /// The fallback font file.
    fallback_file: &'static [u8],
    /// The fallback's advances and scale, once read.
    fallback: OnceLock<Fallback>,
}

/// What a face takes from its fallback face.
#[derive(Debug)]
struct Fallback {
    /// Advances, already scaled, of the characters only the fallback face has.
    advances: CharMap,
    /// The size of the fallback face relative to the text's: Libertinus's cap height over
    /// the fallback's.
    scale: f32,
}

/// Character → advance, sorted by character and binary searched. A face maps some two
/// thousand characters and a contract measures a few dozen of them outside ASCII: the list
/// is read from the font in order, where a hash table would cost more to fill than all the
/// look-ups of a contract.
#[derive(Debug, Default)]
struct CharMap(Vec<(char, f32)>);

impl CharMap {
    /// The mappings, sorted by character (a font's `cmap` lists them in order already); of
    /// two mappings of one character, the later one.
    fn new(mut mappings: Vec<(char, f32)>) -> CharMap {
        mappings.reverse();
        mappings.sort_by_key(|&(c, _)| c);
        mappings.dedup_by_key(|&mut (c, _)| c);
        CharMap(mappings)
    }

    fn get(&self, c: char) -> Option<f32> {
        self.0
            .binary_search_by_key(&c, |&(c, _)| c)
            .ok()
            .map(|at| self.0[at].1)
    }

    fn contains(&self, c: char) -> bool {
        self.get(c).is_some()
    }
}

impl FaceMetrics {
    /// The advance of `c` in em as drawn, from the face or else its fallback; `None` if
    /// neither has a glyph for it.
    #[must_use]
    pub fn advance(&self, c: char) -> Option<f32> {
        if c.is_ascii() {
            let a = self.ascii[c as usize];
            (!a.is_nan()).then_some(a)
        } else {
            self.other
                .get(c)
                .or_else(|| self.fallback().advances.get(c))
        }
    }

    /// Whether `c` is drawn from the fallback face: Libertinus lacks it, the fallback has it.
    #[must_use]
    pub fn is_fallback(&self, c: char) -> bool {
        !c.is_ascii() && !self.other.contains(c) && self.fallback().advances.contains(c)
    }

    /// The factor applied to the font size when drawing from the fallback face.
    #[must_use]
    pub fn fallback_scale(&self) -> f32 {
        self.fallback().scale
    }

    /// Width of `text` in points at `size`; characters without a glyph count as zero.
    #[must_use]
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().filter_map(|c| self.advance(c)).sum::<f32>() * size
    }

    fn parse(font: &[u8], fallback_file: &'static [u8]) -> Option<FaceMetrics> {
        let primary = Sfnt::parse(font)?;
        let mut ascii = [f32::NAN; 128];
        let mut other = Vec::with_capacity(primary.advances.len());
        for (c, advance) in primary.advances {
            if c.is_ascii() {
                ascii[c as usize] = advance;
            } else {
                other.push((c, advance));
            }
        }
        Some(FaceMetrics {
            ascii,
            other: CharMap::new(other),
            cap_height: primary.cap_height,
            fallback_file,
            fallback: OnceLock::new(),
        })
    }

    /// The fallback face, read on first use.
    fn fallback(&self) -> &Fallback {
        self.fallback.get_or_init(|| {
            let secondary = Sfnt::parse(self.fallback_file).expect("embedded font parses");
            let scale = self.cap_height / secondary.cap_height;
            let advances = secondary
                .advances
                .into_iter()
                .filter(|&(c, _)| !c.is_ascii() && !self.other.contains(c))
                .map(|(c, advance)| (c, advance * scale))
                .collect();
            Fallback {
                advances: CharMap::new(advances),
                scale,
            }
        })
    }
}

/// What the metrics need from one font file: advances in em and the cap height.
struct Sfnt {
    advances: Vec<(char, f32)>,
    /// Height of the capitals in em (`OS/2` `sCapHeight`).
    cap_height: f32,
}

impl Sfnt {
    fn parse(font: &[u8]) -> Option<Sfnt> {
        let tables = Tables::new(font)?;
        let head = tables.get(*b"head")?;
        let units_per_em = f32::from(read_u16(head, 18)?);
        let hhea = tables.get(*b"hhea")?;
        let h_metrics = usize::from(read_u16(hhea, 34)?);
        let hmtx = tables.get(*b"hmtx")?;
        let cap_height = f32::from(read_u16(tables.get(*b"OS/2")?, 88)?) / units_per_em;
        let advance_of = |gid: u16| -> Option<f32> {
            let index = usize::from(gid).min(h_metrics.checked_sub(1)?);
            Some(f32::from(read_u16(hmtx, index * 4)?) / units_per_em)
        };
        let advances = cmap_mappings(tables.get(*b"cmap")?)?
            .into_iter()
            .filter(|&(_, gid)| gid != 0)
            .filter_map(|(code, gid)| Some((char::from_u32(code)?, advance_of(gid)?)))
            .collect();
        Some(Sfnt {
            advances,
            cap_height,
        })
    }
}

/// The metrics of every face, parsed once per process.
///
/// # Panics
/// If an embedded font file is not a valid OpenType font, which the tests rule out.
#[must_use]
pub fn faces() -> &'static [FaceMetrics; 4] {
    static FACES: OnceLock<[FaceMetrics; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        Style::ALL.map(|style| {
            FaceMetrics::parse(FONT_FILES[style.index()], FALLBACK_FILES[style.index()])
                .expect("embedded font parses")
        })
    })
}

/// The metrics of one face.
#[must_use]
pub fn face(style: Style) -> &'static FaceMetrics {
    &faces()[style.index()]
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The table tagged `tag` of the sfnt `font` (the `pdf` stage reads the tables it embeds
/// through this too).
pub(crate) fn table(font: &[u8], tag: [u8; 4]) -> Option<&[u8]> {
    Tables::new(font)?.get(tag)
}

/// The table directory of an sfnt.
struct Tables<'a> {
    font: &'a [u8],
    count: usize,
}

impl<'a> Tables<'a> {
    fn new(font: &'a [u8]) -> Option<Self> {
        Some(Tables {
            font,
            count: usize::from(read_u16(font, 4)?),
        })
    }

    fn get(&self, tag: [u8; 4]) -> Option<&'a [u8]> {
        (0..self.count).find_map(|i| {
            let record = 12 + i * 16;
            if self.font.get(record..record + 4)? != tag {
                return None;
            }
            let offset = read_u32(self.font, record + 8)? as usize;
            let length = read_u32(self.font, record + 12)? as usize;
            self.font.get(offset..offset.checked_add(length)?)
        })
    }
}

/// Every (code point, glyph id) pair of the best Unicode subtable: format 12 (full repertoire)
/// if present, else format 4 (BMP).
fn cmap_mappings(cmap: &[u8]) -> Option<Vec<(u32, u16)>> {
    let count = usize::from(read_u16(cmap, 2)?);
    let mut format4 = None;
    let mut format12 = None;
    for i in 0..count {
        let record = 4 + i * 8;
        let platform = read_u16(cmap, record)?;
        let encoding = read_u16(cmap, record + 2)?;
        let offset = read_u32(cmap, record + 4)? as usize;
        let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if !unicode {
            continue;
        }
        match read_u16(cmap, offset)? {
            4 => format4 = Some(offset),
            12 => format12 = Some(offset),
            _ => {}
        }
    }
    if let Some(offset) = format12 {
        return format_12(cmap.get(offset..)?);
    }
    format_4(cmap.get(format4?..)?)
}

fn format_12(table: &[u8]) -> Option<Vec<(u32, u16)>> {
    let groups = read_u32(table, 12)? as usize;
    let mut out = Vec::new();
    for g in 0..groups {
        let at = 16 + g * 12;
        let start = read_u32(table, at)?;
        let end = read_u32(table, at + 4)?;
        let glyph = read_u32(table, at + 8)?;
        for code in start..=end {
            out.push((code, u16::try_from(glyph + (code - start)).ok()?));
        }
    }
    Some(out)
}

fn format_4(table: &[u8]) -> Option<Vec<(u32, u16)>> {
    let segments = usize::from(read_u16(table, 6)? / 2);
    let ends = 14;
    let starts = ends + segments * 2 + 2;
    let deltas = starts + segments * 2;
    let range_offsets = deltas + segments * 2;
    let mut out = Vec::new();
    for s in 0..segments {
        let end = read_u16(table, ends + s * 2)?;
        let start = read_u16(table, starts + s * 2)?;
        let delta = read_u16(table, deltas + s * 2)?;
        let range_offset = usize::from(read_u16(table, range_offsets + s * 2)?);
        for code in start..=end {
            if code == 0xFFFF {
                break;
            }
            let gid = if range_offset == 0 {
                code.wrapping_add(delta)
            } else {
                let at = range_offsets + s * 2 + range_offset + usize::from(code - start) * 2;
                match read_u16(table, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            out.push((u32::from(code), gid));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_parses_and_covers_turkish() {
        for style in Style::ALL {
            let f = face(style);
            for c in "AaZz09 .,;:-–—’“”•…ÖöÇçŞşİıĞğÜü$%&_/@".chars() {
                assert!(f.advance(c).is_some(), "{style:?} lacks {c:?}");
            }
            assert!(f.advance('\u{4e2d}').is_none(), "no CJK in Libertinus");
        }
    }

    #[test]
    fn currency_signs_libertinus_lacks_come_from_the_fallback() {
        for style in Style::ALL {
            let f = face(style);
            for c in "₺₩₪₴₦₽₸₼₾".chars() {
                assert!(f.is_fallback(c), "{style:?}: {c:?} not from the fallback");
                assert!(f.advance(c).is_some(), "{style:?} lacks {c:?}");
            }
            for c in "$€£¥₫₿a1".chars() {
                assert!(!f.is_fallback(c), "{style:?}: {c:?} is Libertinus's own");
            }
            // Scaled to Libertinus's capitals: Noto Serif's are some 8% taller.
            assert!((0.85..0.95).contains(&f.fallback_scale()), "{style:?}");
            // A currency sign is about as wide as a capital or a figure.
            let lira = f.width("₺", 10.0);
            assert!((4.0..8.0).contains(&lira), "{style:?} ₺ is {lira} pt");
        }
        // Libertinus's upright faces have the rupee sign, the italic ones do not.
        assert!(!face(Style::Regular).is_fallback('₹'));
        assert!(face(Style::Italic).is_fallback('₹'));
    }

    /// The blocks of the Latin, Greek, Cyrillic and Hebrew scripts, and the currency signs.
    const SCRIPT_BLOCKS: [(&str, u32, u32); 20] = [
        ("Latin-1 Supplement", 0x00A0, 0x00FF),
        ("Latin Extended-A", 0x0100, 0x017F),
        ("Latin Extended-B", 0x0180, 0x024F),
        ("IPA Extensions", 0x0250, 0x02AF),
        ("Spacing Modifier Letters", 0x02B0, 0x02FF),
        ("Combining Diacritical Marks", 0x0300, 0x036F),
        ("Greek and Coptic", 0x0370, 0x03FF),
        ("Cyrillic", 0x0400, 0x04FF),
        ("Cyrillic Supplement", 0x0500, 0x052F),
        ("Hebrew", 0x0590, 0x05FF),
        ("Latin Extended Additional", 0x1E00, 0x1EFF),
        ("Greek Extended", 0x1F00, 0x1FFF),
        ("Currency Symbols", 0x20A0, 0x20CF),
        ("Latin Extended-C", 0x2C60, 0x2C7F),
        ("Cyrillic Extended-A", 0x2DE0, 0x2DFF),
        ("Cyrillic Extended-B", 0xA640, 0xA69F),
        ("Latin Extended-D", 0xA720, 0xA7FF),
        ("Latin Extended-E", 0xAB30, 0xAB6F),
        ("Alphabetic Presentation Forms: Latin", 0xFB00, 0xFB06),
        ("Alphabetic Presentation Forms: Hebrew", 0xFB1D, 0xFB4F),
    ];

    #[test]
    fn every_letter_of_latin_greek_cyrillic_and_hebrew_and_every_currency_sign_is_drawn() {
        use unicode_general_category::{GeneralCategory, get_general_category};
        let mut missing = Vec::new();
        for (block, first, last) in SCRIPT_BLOCKS {
            for c in (first..=last).filter_map(char::from_u32) {
                if get_general_category(c) == GeneralCategory::Unassigned {
                    continue;
                }
                if Style::ALL.iter().any(|&s| face(s).advance(c).is_none()) {
                    missing.push(format!("{block}: U+{:04X}", u32::from(c)));
                }
            }
        }
        // No face has these: the Coptic letters of the Greek block (Coptic script), and
        // characters added to Unicode after the Noto fonts of Debian 12 were made (the Hebrew
        // yod triangle of Unicode 11; Latin letters and the som sign of Unicode 14 and later).
        let coptic = (0x03E2..=0x03EF).map(|c| format!("Greek and Coptic: U+{c:04X}"));
        let newer = [
            "Hebrew: U+05EF",
            "Currency Symbols: U+20C0",
            "Latin Extended-D: U+A7C0",
            "Latin Extended-D: U+A7C1",
            "Latin Extended-D: U+A7CB",
            "Latin Extended-D: U+A7CC",
            "Latin Extended-D: U+A7CD",
            "Latin Extended-D: U+A7D0",
            "Latin Extended-D: U+A7D1",
            "Latin Extended-D: U+A7D3",
            "Latin Extended-D: U+A7D5",
            "Latin Extended-D: U+A7D6",
            "Latin Extended-D: U+A7D7",
            "Latin Extended-D: U+A7D8",
            "Latin Extended-D: U+A7D9",
            "Latin Extended-D: U+A7DA",
            "Latin Extended-D: U+A7DB",
            "Latin Extended-D: U+A7DC",
            "Latin Extended-D: U+A7F2",
            "Latin Extended-D: U+A7F3",
            "Latin Extended-D: U+A7F4",
        ];
        let expected: Vec<String> = coptic
            .chain(newer.iter().map(|s| (*s).to_owned()))
            .collect();
        assert_eq!(missing, expected);
    }

    #[test]
    fn widths_are_plausible() {
        let regular = face(Style::Regular);
        let bold = face(Style::Bold);
        let m = regular.width("m", 10.0);
        let i = regular.width("i", 10.0);
        assert!(m > 2.0 * i, "m={m} i={i}");
        assert!((2.0..12.0).contains(&m));
        assert!(bold.width("Agreement", 10.0) > regular.width("Agreement", 10.0));
    }
}
