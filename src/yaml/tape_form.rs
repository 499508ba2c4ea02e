//! The form a built-in YAML file is taped in: takes a YAML document already parsed and gives
//! it as bytes, and takes those bytes back as nodes. Shared by the build script (which parses
//! every file of the built-in library with the same YAML parser serde-saphyr uses and writes
//! it, see `build.rs`) and by [`super::tape`] (which reads a file's values from its tape
//! instead of parsing it again).
//!
//! A node keeps what serde-saphyr's deserializer looks at: the scalar's text and whether it
//! was written plain (a plain `10` may be a number, a quoted `"10"` is text), and the place it
//! starts, as serde-saphyr's `Location` records it, so that a `Spanned` value read from the
//! tape points where the one read from the YAML does.
//!
//! A node is written in pre-order, its size first, so that it is read in place, without
//! decoding the tape into a tree first, and a reader can step over a node it does not need:
//!
//! ```text
//! kind: u8 | line, column, offset, len, byte_offset, byte_len: u32 each | size: u32 |
//!     a scalar: its text, UTF-8 | a sequence: count: u32, then each item |
//!     a mapping: count: u32, then each key and its value
//! ```
//!
//! `size` counts the whole node, header included; numbers are little-endian.
//!
//! This file is compiled twice, into the build script and into the library, so it uses
//! nothing but the standard library.

/// A scalar written plain (`10`, `true`, `a word`): its type depends on what is asked.
pub(crate) const PLAIN: u8 = 0;
/// A scalar written quoted or as a block (`"10"`, `|`): always text.
pub(crate) const TEXT: u8 = 1;
/// A sequence.
pub(crate) const SEQ: u8 = 2;
/// A mapping, its pairs in the order written.
pub(crate) const MAP: u8 = 3;

/// The bytes before a node's own: its kind, where it starts, its size.
const HEADER: usize = 1 + 6 * 4 + 4;

/// Where a node starts, as serde-saphyr's `Location` holds it: the 1-based line and column,
/// the character offset and length of the parser's span, and the same in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct At {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) offset: u32,
    pub(crate) len: u32,
    pub(crate) byte_offset: u32,
    pub(crate) byte_len: u32,
}

/// Starts a node of `kind` at `at` in `out`; returns where it starts, for [`end`].
fn begin(out: &mut Vec<u8>, kind: u8, at: At) -> usize {
    let start = out.len();
    out.push(kind);
    for n in [
        at.line,
        at.column,
        at.offset,
        at.len,
        at.byte_offset,
        at.byte_len,
    ] {
        out.extend(n.to_le_bytes());
    }
    out.extend(0u32.to_le_bytes());
    start
}

/// Ends the node begun at `start`: writes its size. `None` for a tape past 4 GiB.
fn end(out: &mut [u8], start: usize) -> Option<()> {
    let size = u32::try_from(out.len() - start).ok()?;
    out[start + HEADER - 4..start + HEADER].copy_from_slice(&size.to_le_bytes());
    Some(())
}

/// Writes a whole scalar.
#[allow(
    dead_code,
    reason = "the build script writes tapes; the library reads them"
)]
pub(crate) fn scalar(out: &mut Vec<u8>, plain: bool, at: At, text: &str) -> Option<()> {
    let start = begin(out, if plain { PLAIN } else { TEXT }, at);
    out.extend(text.as_bytes());
    end(out, start)
}

/// Writes a sequence or a mapping (`kind`): its header, then what `entry` writes, each call
/// one item (or one key and its value), until it says the collection ends (`Some(false)`);
/// then its count and its size. `None` when `entry` gives up or the tape passes 4 GiB.
#[allow(
    dead_code,
    reason = "the build script writes tapes; the library reads them"
)]
pub(crate) fn collection(
    out: &mut Vec<u8>,
    kind: u8,
    at: At,
    mut entry: impl FnMut(&mut Vec<u8>) -> Option<bool>,
) -> Option<()> {
    let start = begin(out, kind, at);
    let count_at = out.len();
    out.extend(0u32.to_le_bytes());
    let mut count = 0u32;
    while entry(out)? {
        count = count.checked_add(1)?;
    }
    out[count_at..count_at + 4].copy_from_slice(&count.to_le_bytes());
    end(out, start)
}

/// A node of a tape, read in place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'t> {
    /// The node's bytes, header included.
    bytes: &'t [u8],
}

/// What a node is, with what it holds.
#[derive(Debug, Clone)]
pub(crate) enum Kind<'t> {
    /// A scalar written plain, and its text.
    Plain(&'t str),
    /// A scalar written quoted or as a block, and its text.
    Text(&'t str),
    /// A sequence and its items.
    Seq(Nodes<'t>),
    /// A mapping and its keys and values, one after the other.
    Map(Nodes<'t>),
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

impl<'t> Node<'t> {
    /// The node that starts `bytes`, and the bytes after it; `None` for bytes that do not
    /// start with a whole node.
    pub(crate) fn first(bytes: &'t [u8]) -> Option<(Node<'t>, &'t [u8])> {
        let size = usize::try_from(u32_at(bytes, HEADER - 4)?).ok()?;
        if size < HEADER || size > bytes.len() {
            return None;
        }
        let (node, rest) = bytes.split_at(size);
        Some((Node { bytes: node }, rest))
    }

    /// Where the node starts.
    pub(crate) fn at(self) -> At {
        let n = |i: usize| u32_at(self.bytes, 1 + 4 * i).unwrap_or(0);
        At {
            line: n(0),
            column: n(1),
            offset: n(2),
            len: n(3),
            byte_offset: n(4),
            byte_len: n(5),
        }
    }

    /// What the node is; `None` for bytes that are not a node.
    pub(crate) fn kind(self) -> Option<Kind<'t>> {
        let own = &self.bytes[HEADER..];
        match self.bytes[0] {
            PLAIN => std::str::from_utf8(own).ok().map(Kind::Plain),
            TEXT => std::str::from_utf8(own).ok().map(Kind::Text),
            kind @ (SEQ | MAP) => {
                let count = usize::try_from(u32_at(own, 0)?).ok()?;
                let nodes = Nodes {
                    left: if kind == MAP {
                        count.checked_mul(2)?
                    } else {
                        count
                    },
                    bytes: &own[4..],
                };
                Some(if kind == MAP {
                    Kind::Map(nodes)
                } else {
                    Kind::Seq(nodes)
                })
            }
            _ => None,
        }
    }
}

/// The nodes a sequence or a mapping holds, read one after another.
#[derive(Debug, Clone)]
pub(crate) struct Nodes<'t> {
    left: usize,
    bytes: &'t [u8],
}

impl Nodes<'_> {
    /// How many nodes are left to read.
    pub(crate) fn len(&self) -> usize {
        self.left
    }
}

impl<'t> Iterator for Nodes<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.left == 0 {
            return None;
        }
        let (node, rest) = Node::first(self.bytes)?;
        self.left -= 1;
        self.bytes = rest;
        Some(node)
    }
}
