//! Built-in files read from their tapes: takes a library file and, when it is a built-in file
//! exactly as shipped, gives its values read from the tape the build script made of it, without
//! parsing its YAML again.
//!
//! Parsing YAML was most of the time a fresh process spent before writing its first contract:
//! `library.yaml` alone took longer than assembling and rendering the contract. The build
//! script parses every file of `clauses/` with the parser serde-saphyr uses and writes the
//! document as bytes, node after node (see [`super::tape_form`]); this module is a serde
//! [`Deserializer`](de::Deserializer) reading those bytes in place that answers each request as
//! serde-saphyr's own does for the files of the built-in library: the same strings, numbers,
//! booleans, absent values and enum variants, and for a `Spanned` value the same line, column
//! and span. The tests read every built-in file both ways and compare the values.
//!
//! The tape is only a shortcut. A file whose text differs from the shipped one by a single
//! byte has no tape and is parsed as written, and anything the tape reader does not handle
//! exactly as serde-saphyr does (a number written `0x1F`, a float where anything may stand, a
//! mapping where a scalar is asked) is refused here, so that the file is parsed as YAML and
//! any problem is reported there, at its line.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::tape_form::{At, Kind, Node, Nodes};

/// Every YAML file of the built-in library, sorted by path: its path relative to `clauses/`,
/// its text, and the byte range of its tape in [`TAPES`] (none when the build script could
/// not tape it: a file with anchors, tags or several documents).
#[allow(clippy::unreadable_literal)] // the byte ranges, as the build script writes them
pub(crate) static BUILT_IN: &[BuiltIn] = &include!(concat!(env!("OUT_DIR"), "/built_in.rs"));

/// A built-in file: its path, its text, and its tape's byte range.
pub(crate) type BuiltIn = (&'static str, &'static str, Option<(usize, usize)>);

/// The tapes of [`BUILT_IN`], one after another.
static TAPES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tapes.bin"));

/// The values of the built-in file `relative` whose text is `text`, read from its tape; `None`
/// when there is no such built-in file, when `text` is not exactly its text, or when the tape
/// reader cannot answer as serde-saphyr would: the caller then parses the YAML.
pub(crate) fn read<T: DeserializeOwned>(relative: &str, text: &str) -> Option<T> {
    let node = node_of(relative, text)?;
    T::deserialize(Reader(node)).ok()
}

/// The document of the built-in file `relative`, when `text` is exactly its text.
fn node_of(relative: &str, text: &str) -> Option<Node<'static>> {
    let index = BUILT_IN
        .binary_search_by_key(&relative, |(path, _, _)| path)
        .ok()?;
    let (_, shipped, range) = BUILT_IN[index];
    let (start, end) = range.filter(|_| shipped == text)?;
    Node::first(&TAPES[start..end]).map(|(node, _)| node)
}

/// Why the tape reader did not answer; never shown: the YAML is parsed instead.
#[derive(Debug)]
pub(crate) struct Refused(String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Refused(message.to_string())
    }
}

/// The name serde-saphyr gives the newtype its `Spanned` asks for.
const SPANNED: &str = "__yaml_spanned";
/// The first key of the map serde-saphyr shows a `Spanned` (its private marker).
const SPANNED_MARKER: &str = "__serde_saphyr_private_spanned";

/// A deserializer over one node of a tape.
#[derive(Clone, Copy)]
struct Reader(Node<'static>);

impl Reader {
    /// What the node is.
    fn kind(self) -> Result<Kind<'static>, Refused> {
        self.0
            .kind()
            .ok_or_else(|| Refused("bytes that are not a node".into()))
    }

    /// The node's text when it is a scalar.
    fn scalar(self) -> Option<(&'static str, bool)> {
        match self.0.kind()? {
            Kind::Plain(text) => Some((text, true)),
            Kind::Text(text) => Some((text, false)),
            Kind::Seq(_) | Kind::Map(_) => None,
        }
    }

    /// Whether the node is YAML's null as serde-saphyr reads it: plain `~`, `null` or nothing.
    fn is_null(self) -> bool {
        matches!(self.scalar(), Some((text, true)) if null(text))
    }

    fn refuse<T>(self, what: &str) -> Result<T, Refused> {
        Err(Refused(format!(
            "line {}: {what} is left to the YAML parser",
            self.0.at().line
        )))
    }

    /// The node's text as a whole number in plain decimal (see [`decimal`]).
    fn integer(self) -> Result<&'static str, Refused> {
        match self.scalar() {
            Some((text, _)) => match decimal(text) {
                Some(number) => Ok(number),
                None => self.refuse("a number not written in plain decimal"),
            },
            None => self.refuse("a collection where a number is asked"),
        }
    }

    /// The node's text as YAML 1.1's yes or no (see [`yes_no`]).
    fn boolean(self) -> Option<bool> {
        self.scalar().and_then(|(text, _)| yes_no(text))
    }
}

/// Whether plain `text` is YAML's null: `~`, `null` or nothing.
fn null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// `text` when it is a whole number written in decimal without a leading zero, the one form
/// read here (`0x1F`, `0o17`, `1_000` and `+5` are left to the YAML parser).
fn decimal(text: &str) -> Option<&str> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain_decimal = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    plain_decimal.then_some(text)
}

/// `text` as YAML 1.1's yes or no, as serde-saphyr reads them.
fn yes_no(text: &str) -> Option<bool> {
    let t = text.trim();
    let any = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if any(&["true", "yes", "y", "on"]) {
        Some(true)
    } else if any(&["false", "no", "n", "off"]) {
        Some(false)
    } else {
        None
    }
}

/// Deserializes an integer type from the node's decimal text.
macro_rules! integer {
    ($method:ident, $visit:ident, $ty:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
            let text = self.integer()?;
            match text.parse::<$ty>() {
                Ok(n) => visitor.$visit(n),
                Err(_) => self.refuse("a number out of range"),
            }
        }
    };
}

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.kind()? {
            Kind::Seq(items) => visitor.visit_seq(Items(items)),
            Kind::Map(pairs) => visitor.visit_map(Pairs {
                nodes: pairs,
                value: None,
            }),
            Kind::Text(text) => visitor.visit_str(text),
            Kind::Plain(text) => {
                if null(text) {
                    return visitor.visit_unit();
                }
                if let Some(b) = yes_no(text) {
                    return visitor.visit_bool(b);
                }
                if let Some(number) = decimal(text) {
                    return match number.strip_prefix('-') {
                        Some(_) => match number.parse::<i64>() {
                            Ok(n) => visitor.visit_i64(n),
                            Err(_) => self.refuse("a number out of range"),
                        },
                        None => match number.parse::<u64>() {
                            Ok(n) => visitor.visit_u64(n),
                            Err(_) => self.refuse("a number out of range"),
                        },
                    };
                }
                // Anything YAML might read as a number in another form (`1.5`, `.inf`, `0x1F`,
                // `-1e3`) is left to the parser: one word starting with a digit, a sign or a
                // dot. Other plain text (`Section 5`, `5 days`) is text.
                let word = text.trim();
                let unsigned = word.strip_prefix(['+', '-']).unwrap_or(word);
                let may_be_number = !word.contains(char::is_whitespace)
                    && (word.len() != unsigned.len()
                        || unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.'));
                if may_be_number {
                    return self.refuse("a plain scalar that may be a number");
                }
                visitor.visit_str(text)
            }
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.boolean() {
            Some(b) => visitor.visit_bool(b),
            None => self.refuse("a value that is not yes or no"),
        }
    }

    integer!(deserialize_i8, visit_i8, i8);
    integer!(deserialize_i16, visit_i16, i16);
    integer!(deserialize_i32, visit_i32, i32);
    integer!(deserialize_i64, visit_i64, i64);
    integer!(deserialize_u8, visit_u8, u8);
    integer!(deserialize_u16, visit_u16, u16);
    integer!(deserialize_u32, visit_u32, u32);
    integer!(deserialize_u64, visit_u64, u64);

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
        self.refuse("a floating point number")
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
        self.refuse("a floating point number")
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
        self.refuse("a character")
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // serde-saphyr refuses a plain null where text is asked.
        match self.scalar() {
            Some((text, plain)) if !(plain && null(text)) => visitor.visit_str(text),
            _ => self.refuse("a null or a collection where text is asked"),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
        self.refuse("bytes")
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
        self.refuse("bytes")
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        if self.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        if self.is_null() {
            visitor.visit_unit()
        } else {
            self.refuse("a value where nothing is asked")
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if name == SPANNED {
            visitor.visit_newtype_struct(MapAccessDeserializer::new(SpannedFields {
                node: self,
                field: 0,
            }))
        } else if name.starts_with("__yaml_") {
            self.refuse("one of serde-saphyr's own wrappers")
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.kind()? {
            Kind::Seq(items) => visitor.visit_seq(Items(items)),
            _ => self.refuse("a value where a list is asked"),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.kind()? {
            Kind::Map(pairs) => visitor.visit_map(Pairs {
                nodes: pairs,
                value: None,
            }),
            _ => self.refuse("a value where a mapping is asked"),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.kind()? {
            Kind::Plain(_) | Kind::Text(_) if !self.is_null() => visitor.visit_enum(Variant {
                name: self,
                value: None,
            }),
            Kind::Map(mut pairs) if pairs.len() == 2 => match (pairs.next(), pairs.next()) {
                (Some(name), Some(value)) => visitor.visit_enum(Variant {
                    name: Reader(name),
                    value: Some(Reader(value)),
                }),
                _ => self.refuse("a choice cut short"),
            },
            _ => self.refuse("a value where a choice is asked"),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_unit()
    }
}

/// A sequence's items.
struct Items(Nodes<'static>);

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        self.0
            .next()
            .map(|node| seed.deserialize(Reader(node)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A mapping's pairs: its keys and values, one after the other.
struct Pairs {
    nodes: Nodes<'static>,
    value: Option<Node<'static>>,
}

impl<'de> de::MapAccess<'de> for Pairs {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        let Some(key) = self.nodes.next() else {
            return Ok(None);
        };
        self.value = self.nodes.next();
        seed.deserialize(Reader(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        match self.value.take() {
            Some(value) => seed.deserialize(Reader(value)),
            None => Err(Refused("a value asked before its key".into())),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.nodes.len() / 2)
    }
}

/// An enum's variant: its name, and its value when written as a one-pair mapping.
struct Variant {
    name: Reader,
    value: Option<Reader>,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), Refused> {
        let name = seed.deserialize(self.name)?;
        Ok((name, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant {
    type Error = Refused;

    fn unit_variant(self) -> Result<(), Refused> {
        match self.value {
            None => Ok(()),
            Some(value) => value.refuse("a value after a choice that takes none"),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Refused> {
        match self.value {
            Some(value) => seed.deserialize(value),
            None => self.name.refuse("a choice without its value"),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Refused> {
        match self.value {
            Some(value) => de::Deserializer::deserialize_seq(value, visitor),
            None => self.name.refuse("a choice without its values"),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.value {
            Some(value) => de::Deserializer::deserialize_map(value, visitor),
            None => self.name.refuse("a choice without its fields"),
        }
    }
}

/// A node asked for as a `Spanned` value, shown as serde-saphyr shows it: the map
/// `{ marker, value, referenced, defined }`, both places being where the node starts; its
/// fields one after another.
struct SpannedFields {
    node: Reader,
    field: usize,
}

const SPANNED_FIELDS: [&str; 4] = [SPANNED_MARKER, "value", "referenced", "defined"];

impl<'de> de::MapAccess<'de> for SpannedFields {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        let Some(name) = SPANNED_FIELDS.get(self.field) else {
            return Ok(None);
        };
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        let field = self.field;
        self.field += 1;
        match field {
            0 => seed.deserialize(true.into_deserializer()),
            1 => seed.deserialize(self.node),
            _ => seed.deserialize(MapAccessDeserializer::new(Fields::location(
                self.node.0.at(),
            ))),
        }
    }
}

/// A field of a node's place, as serde-saphyr's `Location` and `Span` read themselves.
#[derive(Clone, Copy)]
enum Field {
    Number(u32),
    Pair(u32, u32),
    /// The `Span` inside a `Location`.
    Span(At),
}

/// The fields of a `Location` or a `Span`, in order; `next` is the one whose key comes next.
struct Fields {
    fields: [Option<(&'static str, Field)>; 4],
    next: usize,
}

impl Fields {
    /// A node's `Location`: its line, column, span and source.
    fn location(at: At) -> Self {
        Fields {
            fields: [
                Some(("line", Field::Number(at.line))),
                Some(("column", Field::Number(at.column))),
                Some(("span", Field::Span(at))),
                Some(("source_id", Field::Number(0))),
            ],
            next: 0,
        }
    }

    /// A node's `Span`: character offset and length, then byte offset and length.
    fn span(at: At) -> Self {
        Fields {
            fields: [
                Some(("offset", Field::Number(at.offset))),
                Some(("len", Field::Number(at.len))),
                Some(("byte_info", Field::Pair(at.byte_offset, at.byte_len))),
                None,
            ],
            next: 0,
        }
    }
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        match self.fields.get(self.next).copied().flatten() {
            Some((name, _)) => seed.deserialize(name.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        let field = self.fields.get(self.next).copied().flatten();
        self.next += 1;
        match field {
            Some((_, Field::Number(n))) => seed.deserialize(n.into_deserializer()),
            Some((_, Field::Pair(a, b))) => {
                seed.deserialize(de::value::SeqDeserializer::new([a, b].into_iter()))
            }
            Some((_, Field::Span(at))) => {
                seed.deserialize(MapAccessDeserializer::new(Fields::span(at)))
            }
            None => Err(Refused("a value asked before its key".into())),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Reads every built-in file for which `wanted` holds as `T`, from its tape and from its
    /// YAML, and checks both give the same value; returns how many files were compared.
    pub(crate) fn same_as_yaml<T>(wanted: impl Fn(&str) -> bool) -> usize
    where
        T: DeserializeOwned + PartialEq + fmt::Debug,
    {
        let mut compared = 0;
        for (relative, text, range) in BUILT_IN.iter().filter(|(r, _, _)| wanted(r)) {
            assert!(range.is_some(), "{relative} has no tape");
            let from_tape: T = read(relative, text)
                .unwrap_or_else(|| panic!("{relative}: the tape reader refused it"));
            let from_yaml: T = serde_saphyr::from_str(text)
                .unwrap_or_else(|e| panic!("{relative}: not valid YAML: {e}"));
            assert_eq!(from_tape, from_yaml, "{relative} reads differently");
            compared += 1;
        }
        compared
    }

    #[test]
    fn a_file_changed_by_one_byte_is_not_read_from_the_tape() {
        let (relative, text, _) = BUILT_IN
            .iter()
            .find(|(r, _, _)| *r == "library.yaml")
            .expect("the built-in library has library.yaml");
        assert!(read::<serde_json::Value>(relative, text).is_some());
        let changed = format!("{text} ");
        assert!(read::<serde_json::Value>(relative, &changed).is_none());
        assert!(read::<serde_json::Value>("no-such-file.yaml", text).is_none());
    }

    #[test]
    fn a_built_in_file_read_as_any_value_reads_as_from_its_yaml_or_is_left_to_the_parser() {
        // Where anything may stand, a plain `2026-07-01` or `1.5` is left to the parser; what
        // the tape reader does answer is what serde-saphyr answers.
        let mut answered = Vec::new();
        for (relative, text, _) in BUILT_IN {
            if let Some(from_tape) = read::<serde_json::Value>(relative, text) {
                let from_yaml: serde_json::Value = serde_saphyr::from_str(text).unwrap();
                assert_eq!(from_tape, from_yaml, "{relative} reads differently");
                answered.push(*relative);
            }
        }
        assert!(answered.contains(&"library.yaml"), "{answered:?}");
        assert!(answered.len() > 100, "{}", answered.len());
    }

    #[test]
    fn every_built_in_file_has_a_tape() {
        let missing: Vec<&str> = BUILT_IN
            .iter()
            .filter(|(_, _, range)| range.is_none())
            .map(|(r, _, _)| *r)
            .collect();
        assert!(missing.is_empty(), "no tape: {missing:?}");
        assert!(BUILT_IN.len() > 100);
    }

    /// A tape of one scalar, at line 3, column 7.
    fn scalar(plain: bool, text: &str) -> Node<'static> {
        let at = At {
            line: 3,
            column: 7,
            offset: 40,
            len: 4,
            byte_offset: 41,
            byte_len: 5,
        };
        let mut out = Vec::new();
        super::super::tape_form::scalar(&mut out, plain, at, text).unwrap();
        Node::first(Box::leak(out.into_boxed_slice())).unwrap().0
    }

    fn plain(text: &str) -> Node<'static> {
        scalar(true, text)
    }

    fn quoted(text: &str) -> Node<'static> {
        scalar(false, text)
    }

    fn as_<T: serde::Deserialize<'static>>(node: Node<'static>) -> Result<T, Refused> {
        T::deserialize(Reader(node))
    }

    #[test]
    fn numbers_in_other_forms_than_plain_decimal_are_left_to_the_yaml_parser() {
        assert_eq!(as_::<u32>(plain("31")).unwrap(), 31);
        assert_eq!(as_::<i64>(plain("-5")).unwrap(), -5);
        for text in ["0x1F", "017", "1_000", "+5", "1.5", "5000000000"] {
            assert!(as_::<u32>(plain(text)).is_err(), "{text}");
        }
        for text in ["1.5", ".inf", "0x1F", "1_000"] {
            assert!(as_::<serde_json::Value>(plain(text)).is_err(), "{text}");
        }
        assert_eq!(
            as_::<serde_json::Value>(quoted("1.5")).unwrap(),
            serde_json::json!("1.5")
        );
    }

    #[test]
    fn a_plain_null_is_absent_and_never_text() {
        assert_eq!(as_::<Option<String>>(plain("~")).unwrap(), None);
        assert!(as_::<String>(plain("null")).is_err());
        assert_eq!(as_::<String>(quoted("null")).unwrap(), "null");
        assert!(as_::<bool>(plain("yes")).unwrap());
    }

    #[test]
    fn a_spanned_value_points_where_its_node_starts() {
        let read: serde_saphyr::Spanned<String> = as_(plain("word")).unwrap();
        assert_eq!(read.value, "word");
        assert_eq!((read.referenced.line(), read.referenced.column()), (3, 7));
        let span = read.defined.span();
        assert_eq!((span.offset(), span.len()), (40, 4));
        assert_eq!((span.byte_offset(), span.byte_len()), (Some(41), Some(5)));
        assert_eq!(read.referenced, read.defined);
    }
}
