//! The form a built-in YAML file is taped in: takes nothing and gives the serde shapes of a
//! YAML document already parsed, shared by the build script (which parses every file of the
//! built-in library with the same YAML parser serde-saphyr uses, see `build.rs`) and by
//! [`super::tape`] (which reads a file's values from its tape instead of parsing it again).
//!
//! A node keeps what serde-saphyr's deserializer looks at: the scalar's text and whether it
//! was written plain (a plain `10` may be a number, a quoted `"10"` is text), and the place it
//! starts, as serde-saphyr's `Location` records it, so that a `Spanned` value read from the
//! tape points where the one read from the YAML does.
//!
//! This file is compiled twice, into the build script and into the library, so it uses
//! nothing but `serde`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// One node of a document: where it starts and what it is.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) struct Node<'a> {
    pub(crate) at: At,
    #[serde(borrow)]
    pub(crate) kind: Kind<'a>,
}

/// Where a node starts, as serde-saphyr's `Location` holds it: the 1-based line and column,
/// the character offset and length of the parser's span, and the same in bytes.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct At {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) offset: u32,
    pub(crate) len: u32,
    pub(crate) byte_offset: u32,
    pub(crate) byte_len: u32,
}

/// What a node is.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum Kind<'a> {
    /// A scalar written plain (`10`, `true`, `a word`): its type depends on what is asked.
    Plain(#[serde(borrow)] Cow<'a, str>),
    /// A scalar written quoted or as a block (`"10"`, `|`): always text.
    Text(#[serde(borrow)] Cow<'a, str>),
    /// A sequence.
    Seq(Vec<Node<'a>>),
    /// A mapping, its pairs in the order written.
    Map(Vec<(Node<'a>, Node<'a>)>),
}
