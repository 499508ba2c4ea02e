//! Font slimming: takes an embedded OpenType (CFF) font subset as printpdf writes it and
//! returns the same font without the names of the glyphs that were dropped.
//!
//! printpdf's subsetter keeps the CFF String INDEX of the whole font: for Libertinus that is
//! some 2,500 glyph names (about 20 KB a face) for a subset of under a hundred glyphs, more
//! than the glyph outlines themselves. Rebuilding the CFF with only the strings still used
//! roughly halves each embedded face. Any structure this does not understand (CID-keyed
//! fonts, unexpected operators) leaves the font unchanged.

/// Standard strings occupy SIDs 0..391; custom strings follow.
const STANDARD_STRINGS: usize = 391;

/// The font with its CFF table slimmed, or `None` to keep it as it is.
pub fn slim_opentype(font: &[u8]) -> Option<Vec<u8>> {
    if font.get(0..4)? != b"OTTO" {
        return None;
    }
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    let mut tables = Vec::with_capacity(count);
    for i in 0..count {
        let record = font.get(12 + i * 16..28 + i * 16)?;
        let tag: [u8; 4] = record[0..4].try_into().ok()?;
        let offset = u32::from_be_bytes(record[8..12].try_into().ok()?) as usize;
        let length = u32::from_be_bytes(record[12..16].try_into().ok()?) as usize;
        let data = font.get(offset..offset + length)?.to_vec();
        tables.push((tag, data));
    }
    let cff = tables.iter_mut().find(|(tag, _)| tag == b"CFF ")?;
    cff.1 = slim_cff(&cff.1)?;
    Some(write_sfnt(&mut tables))
}

/// Writes an sfnt from its tables, with correct checksums.
fn write_sfnt(tables: &mut [([u8; 4], Vec<u8>)]) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let mut power = 1u16;
    let mut log = 0u16;
    while power * 2 <= count {
        power *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(b"OTTO");
    for v in [count, power * 16, log, count * 16 - power * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + tables.len() * 16;
    let mut head_at = None;
    for (tag, data) in tables.iter_mut() {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].copy_from_slice(&[0; 4]);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (tag, data) in tables.iter() {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at.filter(|at| out.len() >= at + 12) {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// An INDEX: its items and the offset just past it.
fn read_index(data: &[u8], at: usize) -> Option<(Vec<&[u8]>, usize)> {
    let count = usize::from(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?));
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = usize::from(*data.get(at + 2)?);
    let offset = |i: usize| -> Option<usize> {
        let start = at + 3 + i * size;
        let bytes = data.get(start..start + size)?;
        Some(bytes.iter().fold(0usize, |v, &b| (v << 8) | usize::from(b)))
    };
    let base = at + 3 + (count + 1) * size - 1;
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        items.push(data.get(base + offset(i)?..base + offset(i + 1)?)?);
    }
    Some((items, base + offset(count)?))
}

fn write_index(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    let total: usize = items.iter().map(|i| i.len()).sum::<usize>() + 1;
    let size: usize = match total {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    out.push(size as u8);
    let mut offset = 1usize;
    let push = |out: &mut Vec<u8>, v: usize| {
        out.extend_from_slice(&v.to_be_bytes()[std::mem::size_of::<usize>() - size..]);
    };
    push(out, offset);
    for item in items {
        offset += item.len();
        push(out, offset);
    }
    for item in items {
        out.extend_from_slice(item);
    }
}

/// A DICT entry: the raw bytes of its operands, their integer values, and its operator.
struct Entry<'a> {
    raw: &'a [u8],
    values: Vec<i64>,
    op: u16,
}

fn read_dict(data: &[u8]) -> Option<Vec<Entry<'_>>> {
    let mut entries = Vec::new();
    let mut start = 0;
    let mut values = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            0..=21 => {
                let raw = &data[start..i];
                let op = if b == 12 {
                    i += 1;
                    0x0C00 | u16::from(*data.get(i)?)
                } else {
                    u16::from(b)
                };
                i += 1;
                entries.push(Entry {
                    raw,
                    values: std::mem::take(&mut values),
                    op,
                });
                start = i;
            }
            28 => {
                values.push(i64::from(i16::from_be_bytes(
                    data.get(i + 1..i + 3)?.try_into().ok()?,
                )));
                i += 3;
            }
            29 => {
                values.push(i64::from(i32::from_be_bytes(
                    data.get(i + 1..i + 5)?.try_into().ok()?,
                )));
                i += 5;
            }
            30 => {
                // A real number: nibbles up to an 0xF terminator; never an SID or offset.
                i += 1;
                loop {
                    let nibbles = *data.get(i)?;
                    i += 1;
                    if nibbles & 0x0F == 0x0F || nibbles >> 4 == 0x0F {
                        break;
                    }
                }
                values.push(0);
            }
            32..=246 => {
                values.push(i64::from(b) - 139);
                i += 1;
            }
            247..=250 => {
                values.push((i64::from(b) - 247) * 256 + i64::from(*data.get(i + 1)?) + 108);
                i += 2;
            }
            251..=254 => {
                values.push(-(i64::from(b) - 251) * 256 - i64::from(*data.get(i + 1)?) - 108);
                i += 2;
            }
            _ => return None,
        }
    }
    Some(entries)
}

fn int5(out: &mut Vec<u8>, v: usize) {
    out.push(29);
    out.extend_from_slice(&i32::try_from(v).unwrap_or(i32::MAX).to_be_bytes());
}

/// Top DICT operators whose operand is a string id.
const SID_OPERATORS: [u16; 8] = [0, 1, 2, 3, 4, 0x0C00, 0x0C15, 0x0C16];

#[allow(
    clippy::too_many_lines,
    reason = "one pass over the CFF's parts, in file order"
)]
fn slim_cff(cff: &[u8]) -> Option<Vec<u8>> {
    let header_size = usize::from(*cff.get(2)?);
    let (names, at) = read_index(cff, header_size)?;
    let (tops, at) = read_index(cff, at)?;
    let (strings, at) = read_index(cff, at)?;
    let (global_subrs, _) = read_index(cff, at)?;
    let top = read_dict(tops.first()?)?;
    let find = |op: u16| top.iter().find(|e| e.op == op).map(|e| e.values.clone());
    // CID-keyed fonts (ROS) keep their strings elsewhere too; leave them alone.
    if find(0x0C1E).is_some() || tops.len() != 1 {
        return None;
    }
    let charstrings_at = usize::try_from(*find(17)?.first()?).ok()?;
    let (charstrings, _) = read_index(cff, charstrings_at)?;
    let glyphs = charstrings.len();
    let charset_at = usize::try_from(*find(15)?.first()?).ok()?;
    if charset_at <= 2 {
        // A predefined charset: nothing to renumber.
        return None;
    }
    let charset = read_charset(cff, charset_at, glyphs)?;
    let encoding_at =
        usize::try_from(find(16).map_or(0, |v| v.first().copied().unwrap_or(0))).ok()?;
    let encoding = if encoding_at > 1 {
        let format = *cff.get(encoding_at)?;
        let count = usize::from(*cff.get(encoding_at + 1)?);
        let len = match format {
            0 => 2 + count,
            1 => 2 + 2 * count,
            // Supplements hold SIDs of their own; rare, not worth renumbering.
            _ => return None,
        };
        Some(cff.get(encoding_at..encoding_at + len)?)
    } else {
        None
    };
    let private = find(18)?;
    let [private_size, private_at] = private[..] else {
        return None;
    };
    let (private_size, private_at) = (
        usize::try_from(private_size).ok()?,
        usize::try_from(private_at).ok()?,
    );
    let private_dict = read_dict(cff.get(private_at..private_at + private_size)?)?;
    // The Private DICT and its local subroutines move as one block.
    let private_end = match private_dict.iter().find(|e| e.op == 19) {
        Some(subrs) => {
            let relative = usize::try_from(*subrs.values.first()?).ok()?;
            if relative < private_size {
                return None;
            }
            read_index(cff, private_at + relative)?.1
        }
        None => private_at + private_size,
    };
    let private_block = cff.get(private_at..private_end)?;

    // Renumber the custom strings still in use, in order of first use.
    let mut kept: Vec<&[u8]> = Vec::new();
    let mut renumber = |sid: usize| -> Option<usize> {
        if sid < STANDARD_STRINGS {
            return Some(sid);
        }
        let string = *strings.get(sid - STANDARD_STRINGS)?;
        let index = kept.iter().position(|s| *s == string).unwrap_or_else(|| {
            kept.push(string);
            kept.len() - 1
        });
        Some(STANDARD_STRINGS + index)
    };
    let mut top_sids = Vec::new();
    for entry in &top {
        if SID_OPERATORS.contains(&entry.op) {
            top_sids.push(renumber(usize::try_from(*entry.values.first()?).ok()?)?);
        }
    }
    let charset: Vec<usize> = charset
        .into_iter()
        .map(&mut renumber)
        .collect::<Option<_>>()?;

    // The Top DICT: offsets as 5-byte integers, so its size is known before the offsets are.
    let write_top = |offsets: [usize; 4]| -> Vec<u8> {
        let mut out = Vec::new();
        let mut sids = top_sids.iter();
        for entry in &top {
            match entry.op {
                op if SID_OPERATORS.contains(&op) => int5(&mut out, *sids.next().unwrap_or(&0)),
                15 => int5(&mut out, offsets[0]),
                16 if encoding.is_some() => int5(&mut out, offsets[3]),
                17 => int5(&mut out, offsets[1]),
                18 => {
                    int5(&mut out, private_size);
                    int5(&mut out, offsets[2]);
                }
                _ => out.extend_from_slice(entry.raw),
            }
            if entry.op >= 0x0C00 {
                out.extend_from_slice(&[12, (entry.op & 0xFF) as u8]);
            } else {
                out.push(entry.op as u8);
            }
        }
        out
    };
    let mut front = cff[..header_size].to_vec();
    write_index(&mut front, &names);
    let top_len = write_top([0; 4]).len();
    let mut tail = Vec::new();
    write_index(&mut tail, &kept);
    write_index(&mut tail, &global_subrs);
    // Top DICT INDEX: count, offSize, two offsets, data.
    let top_index_len = 2 + 1 + 2 * 4 + top_len;
    let charset_at = front.len() + top_index_len + tail.len();
    let mut body = vec![0u8];
    for sid in &charset[1..] {
        body.extend_from_slice(&(*sid as u16).to_be_bytes());
    }
    let encoding_at = charset_at + body.len();
    body.extend_from_slice(encoding.unwrap_or_default());
    let charstrings_at = charset_at + body.len();
    write_index(&mut body, &charstrings);
    let private_at = charset_at + body.len();
    body.extend_from_slice(private_block);

    let top_dict = write_top([charset_at, charstrings_at, private_at, encoding_at]);
    let mut out = front;
    out.extend_from_slice(&1u16.to_be_bytes());
    out.push(4);
    out.extend_from_slice(&1u32.to_be_bytes());
    out.extend_from_slice(&(top_dict.len() as u32 + 1).to_be_bytes());
    out.extend_from_slice(&top_dict);
    out.extend_from_slice(&tail);
    out.extend_from_slice(&body);
    Some(out)
}

/// The SID of every glyph (glyph 0, `.notdef`, gets SID 0).
fn read_charset(cff: &[u8], at: usize, glyphs: usize) -> Option<Vec<usize>> {
    let mut sids = vec![0];
    let format = *cff.get(at)?;
    let mut p = at + 1;
    let u16_at = |p: usize| -> Option<usize> {
        Some(usize::from(u16::from_be_bytes(
            cff.get(p..p + 2)?.try_into().ok()?,
        )))
    };
    while sids.len() < glyphs {
        match format {
            0 => {
                sids.push(u16_at(p)?);
                p += 2;
            }
            1 | 2 => {
                let first = u16_at(p)?;
                let left = if format == 1 {
                    usize::from(*cff.get(p + 2)?)
                } else {
                    u16_at(p + 2)?
                };
                p += if format == 1 { 3 } else { 4 };
                sids.extend(first..=first + left);
            }
            _ => return None,
        }
    }
    sids.truncate(glyphs);
    Some(sids)
}
