//! Embedding: takes a font and the glyphs a document draws with it and returns the four PDF
//! objects of its subset (font program, `/ToUnicode` map, descriptor, Type0 font), numbered
//! from a given object id, as printpdf 0.12.8 writes them; then places them in printpdf's
//! document.
//!
//! printpdf subsets each font with allsorts and then parses the subset a second time (the
//! slowest part) only to read back numbers the original file already holds: its widths and
//! vertical metrics. Here the same allsorts subsetter makes the same font program and the
//! numbers are read from the original's tables, one font a thread; the program is slimmed
//! ([`slim`]) and deflated on the same thread. The test in `reference` holds every object to
//! what printpdf writes. The faces are name-keyed CFF (Libertinus) or TrueType (the Noto
//! fallbacks): the codes in the content streams are the subset's glyph ids, which is all
//! printpdf does for such fonts too.

use std::collections::BTreeMap;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tables::os2::Os2;
use allsorts::tables::{HeadTable, HheaTable, MaxpTable, NameTable};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::{Encoder, Font, deflate, slim};
use crate::layout::metrics::table;

/// How many objects each embedded font takes.
const OBJECTS: u32 = 4;

/// The id printpdf gives the first font object: the page tree is object 1.
const FIRST_ID: u32 = 2;

/// The id of the first object of the font embedded `k`th, in the order of the fonts'
/// resource names: where [`place`] expects it.
pub(super) fn first_id(k: usize) -> u32 {
    FIRST_ID + OBJECTS * u32::try_from(k).unwrap_or(u32::MAX)
}

/// The objects of one embedded font, with their ids.
pub(super) type Objects = [(ObjectId, Object); OBJECTS as usize];

/// printpdf's `/DW`: the width of a glyph `/W` does not list.
const DEFAULT_WIDTH: i64 = 1000;

/// The objects of `font`, drawing `used` (each glyph drawn, in glyph order, with the character
/// last drawn with it), numbered from `first`: the font program, its `/ToUnicode` map, its
/// descriptor and the Type0 font the pages name. Streams are deflated with `encoder`.
///
/// # Panics
/// If the font file cannot be read or subset; the embedded files are tested to be.
pub(super) fn embed(
    font: Font,
    used: &[(u16, char)],
    first: u32,
    encoder: &mut Encoder,
) -> Objects {
    let bytes = font.face().bytes;
    let metrics = Metrics::read(bytes).expect("an embedded font has its tables");
    // `.notdef` first, then the glyphs drawn in their order: a glyph's code in the subset is
    // its place in this list.
    let gids: Vec<u16> = std::iter::once(0)
        .chain(used.iter().map(|&(gid, _)| gid).filter(|&gid| gid != 0))
        .collect();
    let program = {
        let file = ReadScope::new(bytes)
            .read::<FontData<'_>>()
            .expect("an embedded font reads");
        let provider = file.table_provider(0).expect("an embedded font has a face");
        subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .expect("an embedded font subsets")
    };
    let coded: Vec<(u16, u16, char)> = used
        .iter()
        .map(|&(gid, c)| {
            let code = gids.binary_search(&gid).unwrap_or(0);
            (u16::try_from(code).unwrap_or(0), gid, c)
        })
        .collect();
    let id = |k: u32| (first + k, 0);
    let name = format!("{}+{}", font.id(), metrics.name);

    let is_cff = program.starts_with(b"OTTO");
    let mut file = if is_cff {
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(b"OpenType".to_vec()));
        let mut stream = lopdf::Stream::new(dict, Vec::new());
        stream.set_content(slim::slim_opentype(&program).unwrap_or(program));
        stream
    } else {
        let mut dict = Dictionary::new();
        dict.set("Length1", i64::try_from(program.len()).unwrap_or(i64::MAX));
        lopdf::Stream::new(dict, program)
    };
    deflate(&mut file, encoder);

    let mappings = coded
        .iter()
        .map(|&(code, _, c)| (u32::from(code), vec![u32::from(c)]))
        .collect();
    let cmap = printpdf::ToUnicodeCMap { mappings }.to_cmap_string(font.id());
    let mut to_unicode = lopdf::Stream::new(Dictionary::new(), cmap.into_bytes());
    deflate(&mut to_unicode, encoder);

    let descriptor = metrics.descriptor(&name, is_cff, id(0));
    let widths: Vec<(u16, i64)> = coded
        .iter()
        .map(|&(code, gid, _)| (code, metrics.width(gid)))
        .collect();
    let type0 = type0(&name, is_cff, &widths, id(1), id(2));
    [
        (id(0), Object::Stream(file)),
        (id(1), Object::Stream(to_unicode)),
        (id(2), Object::Dictionary(descriptor)),
        (id(3), Object::Dictionary(type0)),
    ]
}

/// The Type0 font named `name`, its glyph widths `widths` (by code, ascending), its
/// `/ToUnicode` map and descriptor at the ids given.
fn type0(
    name: &str,
    is_cff: bool,
    widths: &[(u16, i64)],
    to_unicode: ObjectId,
    descriptor: ObjectId,
) -> Dictionary {
    let name = || Object::Name(name.as_bytes().to_vec());
    let literal = |text: &str| Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    let mut system = Dictionary::new();
    system.set("Registry", literal("Adobe"));
    system.set("Ordering", literal("Identity"));
    system.set("Supplement", 0);
    let mut cid_font = Dictionary::new();
    cid_font.set("Type", Object::Name(b"Font".to_vec()));
    cid_font.set("BaseFont", name());
    let subtype = if is_cff {
        "CIDFontType0"
    } else {
        "CIDFontType2"
    };
    cid_font.set("Subtype", Object::Name(subtype.as_bytes().to_vec()));
    cid_font.set("CIDSystemInfo", system);
    cid_font.set("W", width_runs(widths));
    cid_font.set("DW", DEFAULT_WIDTH);
    cid_font.set("FontDescriptor", descriptor);
    if !is_cff {
        cid_font.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    }
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type0".to_vec()));
    font.set("BaseFont", name());
    font.set("Encoding", Object::Name(b"Identity-H".to_vec()));
    font.set("ToUnicode", to_unicode);
    font.set("DescendantFonts", vec![Object::Dictionary(cid_font)]);
    font
}

/// The `/W` array: each run of consecutive codes as its first code and its widths.
fn width_runs(widths: &[(u16, i64)]) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut first = 0;
    let mut last = 0;
    for &(code, width) in widths {
        if !run.is_empty() && u32::from(code) != u32::from(last) + 1 {
            out.push(Object::Integer(i64::from(first)));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            first = code;
        }
        last = code;
        run.push(Object::Integer(width));
    }
    if !run.is_empty() {
        out.push(Object::Integer(i64::from(first)));
        out.push(Object::Array(run));
    }
    out
}

/// What the descriptor and the widths are made of, read from the original font file.
struct Metrics {
    /// The PostScript name.
    name: String,
    head: HeadTable,
    hhea: HheaTable,
    maxp: MaxpTable,
    hmtx: &'static [u8],
    /// `usWeightClass`, 0 without an OS/2 table.
    weight: u16,
}

impl Metrics {
    fn read(bytes: &'static [u8]) -> Option<Metrics> {
        let name = ReadScope::new(table(bytes, *b"name")?)
            .read::<NameTable<'_>>()
            .ok()?
            .string_for_id(NameTable::POSTSCRIPT_NAME)?;
        let weight = table(bytes, *b"OS/2").map_or(0, |os2| {
            ReadScope::new(os2)
                .read_dep::<Os2>(os2.len())
                .map_or(0, |os2| os2.us_weight_class)
        });
        Some(Metrics {
            name,
            head: ReadScope::new(table(bytes, *b"head")?)
                .read::<HeadTable>()
                .ok()?,
            hhea: ReadScope::new(table(bytes, *b"hhea")?)
                .read::<HheaTable>()
                .ok()?,
            maxp: ReadScope::new(table(bytes, *b"maxp")?)
                .read::<MaxpTable>()
                .ok()?,
            hmtx: table(bytes, *b"hmtx")?,
            weight,
        })
    }

    /// Font units to the PDF's thousandths of an em.
    fn scale(&self) -> f32 {
        match self.head.units_per_em {
            0 => 1.0,
            units => 1000.0 / f32::from(units),
        }
    }

    /// The advance of glyph `gid` in thousandths of an em, truncated as printpdf does.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "printpdf's rounding, which the widths must match"
    )]
    fn width(&self, gid: u16) -> i64 {
        let advance =
            allsorts::glyph_info::advance(&self.maxp, &self.hhea, self.hmtx, gid).unwrap_or(0);
        (f32::from(advance) * self.scale()) as i64
    }

    /// The font descriptor of the subset named `name`, its program at `file`.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "printpdf's rounding, which the descriptor must match"
    )]
    fn descriptor(&self, name: &str, is_cff: bool, file: ObjectId) -> Dictionary {
        let scale = self.scale();
        let scaled = |v: i16| (f32::from(v) * scale).round() as i64;
        let ascent = scaled(self.hhea.ascender);
        // The slant in degrees, counter-clockwise from upright: negative for an italic.
        let (rise, run) = (self.hhea.caret_slope_rise, self.hhea.caret_slope_run);
        let italic_angle = if rise == 0 {
            0
        } else {
            (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
        };
        // Non-symbolic, and italic when slanted.
        let flags = (1 << 5) | if italic_angle == 0 { 0 } else { 1 << 6 };
        let stem_v = if self.weight == 0 {
            80
        } else {
            50 + (f32::from(self.weight) / 65.0).powi(2).round() as i64
        };
        let head = &self.head;
        let mut descriptor = Dictionary::new();
        descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
        descriptor.set("FontName", Object::Name(name.as_bytes().to_vec()));
        descriptor.set("Ascent", ascent);
        descriptor.set("Descent", scaled(self.hhea.descender));
        // printpdf knows no cap height of a file it parses, and writes the ascent.
        descriptor.set("CapHeight", ascent);
        descriptor.set("ItalicAngle", italic_angle);
        descriptor.set("Flags", flags);
        descriptor.set("StemV", stem_v);
        descriptor.set(
            "FontBBox",
            [head.x_min, head.y_min, head.x_max, head.y_max]
                .map(|v| Object::Integer(scaled(v)))
                .to_vec(),
        );
        descriptor.set(if is_cff { "FontFile3" } else { "FontFile2" }, file);
        descriptor
    }
}

/// Places `fonts` (each as [`embed`] numbered it, from [`first_id`], in the order of their
/// resource names) in `lo`, a document printpdf made without fonts, where printpdf would
/// have put them: every object but the page tree (1) moves up to make room, and the fonts
/// dictionary the pages share names each font.
pub(super) fn place(lo: &mut lopdf::Document, fonts: Vec<(Font, Objects)>) {
    let room = OBJECTS * u32::try_from(fonts.len()).unwrap_or(0);
    if room == 0 {
        return;
    }
    shift_ids(lo, FIRST_ID, room);
    let dictionary = lo
        .get_pages()
        .into_values()
        .next()
        .and_then(|page| lo.get_dictionary(page).ok())
        .and_then(|page| page.get(b"Resources").ok())
        .and_then(|resources| resources.as_reference().ok())
        .and_then(|resources| lo.get_dictionary(resources).ok())
        .and_then(|resources| resources.get(b"Font").ok())
        .and_then(|fonts| fonts.as_reference().ok());
    let mut names = Dictionary::new();
    for (font, objects) in fonts {
        names.set(font.id(), objects[3].0);
        lo.objects.extend(objects);
    }
    if let Some(Ok(Object::Dictionary(dictionary))) =
        dictionary.map(|id| lo.objects.get_mut(&id).ok_or(()))
    {
        dictionary.extend(&names);
    }
}

/// Adds `by` to every object number from `from` on, in the objects, their references and
/// the trailer.
fn shift_ids(lo: &mut lopdf::Document, from: u32, by: u32) {
    let moved = |(number, generation): ObjectId| {
        let number = if number >= from { number + by } else { number };
        (number, generation)
    };
    lo.objects = std::mem::take(&mut lo.objects)
        .into_iter()
        .map(|(id, mut object)| {
            renumber(&mut object, &moved);
            (moved(id), object)
        })
        .collect::<BTreeMap<_, _>>();
    for (_, value) in &mut lo.trailer {
        renumber(value, &moved);
    }
    lo.max_id += by;
}

/// Replaces every reference `id` in `object` with `moved(id)`.
fn renumber(object: &mut Object, moved: &impl Fn(ObjectId) -> ObjectId) {
    let dict = match object {
        Object::Reference(id) => {
            *id = moved(*id);
            return;
        }
        Object::Array(items) => {
            for item in items {
                renumber(item, moved);
            }
            return;
        }
        Object::Dictionary(dict) => dict,
        Object::Stream(stream) => &mut stream.dict,
        _ => return,
    };
    for (_, value) in dict {
        renumber(value, moved);
    }
}
