//! Faces: takes the bytes of a font file the PDF embeds and returns its tables and the glyph
//! each character is drawn with.
//!
//! The glyph comes from the `cmap` subtable allsorts picks (Unicode, 32-bit before 16-bit),
//! which is the one printpdf 0.12.8 reads: the codes in the content streams name the glyphs
//! printpdf would name. Reading a table is a lookup in the file's table directory, so a face
//! costs next to nothing to open; nothing else of the file is parsed until it is embedded.

use allsorts::binary::read::ReadScope;
use allsorts::font::read_cmap_subtable;
use allsorts::tables::cmap::{Cmap, CmapSubtable};

use crate::layout::metrics::table;

/// A font file with its character map open.
pub(super) struct Face {
    /// The whole file, as embedded in the binary.
    pub(super) bytes: &'static [u8],
    cmap: CmapSubtable<'static>,
}

impl Face {
    /// Opens `bytes`; `None` if they are not a font with a Unicode character map.
    pub(super) fn open(bytes: &'static [u8]) -> Option<Face> {
        let cmap = ReadScope::new(table(bytes, *b"cmap")?)
            .read::<Cmap<'static>>()
            .ok()?;
        let (_, cmap) = read_cmap_subtable(&cmap).ok()??;
        Some(Face { bytes, cmap })
    }

    /// The glyph `c` is drawn with, if the face maps it.
    pub(super) fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.map_glyph(u32::from(c)).ok().flatten()
    }
}
