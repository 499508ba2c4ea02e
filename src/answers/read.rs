//! Reading: takes an answers file's text and returns what it says, untyped ([`Given`]): each
//! value as written and where, the reserved `clausewright:` mark, and every key that is not
//! declared, given twice or of the wrong shape.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::RESERVED_KEY;
use super::problem::{Facts, Problem};
use crate::error::{Diagnostic, Error};
use crate::library::Library;
use crate::model::schema::MAX_RECORDS;
use crate::model::{NumberForm, Question, Scalar, Type, number_form};
use crate::yaml::{scan, syntax_of, tag_diagnostics, yaml_diagnostic};

/// A node of an answers file: a mapping, a scalar, or a list (the records of a `list`).
#[derive(Debug)]
pub(crate) enum Node {
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
    Scalar(Scalar),
    List(Vec<Spanned<Node>>),
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping or a value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Int(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(|v| Node::Scalar(Scalar::Int(v)))
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Str(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Str(v)))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Null))
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Scalar::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

/// Where each value of an answers file is written, by dotted key (1-based line and column);
/// empty when the text is not a YAML mapping.
#[must_use]
pub(crate) fn value_locations(text: &str) -> BTreeMap<String, (usize, usize)> {
    fn walk(
        prefix: &str,
        entries: Vec<(Spanned<String>, Spanned<Node>)>,
        out: &mut BTreeMap<String, (usize, usize)>,
    ) {
        for (key, value) in entries {
            let full = if prefix.is_empty() {
                key.value
            } else {
                format!("{prefix}.{}", key.value)
            };
            let place = (
                value.referenced.line() as usize,
                value.referenced.column() as usize,
            );
            match value.value {
                Node::Map(inner) => walk(&full, inner, out),
                _ => {
                    out.insert(full, place);
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    if let Ok(Spanned {
        value: Node::Map(entries),
        ..
    }) = serde_saphyr::from_str::<Spanned<Node>>(text)
    {
        walk("", entries, &mut out);
    }
    out
}

/// A value as an answers file wrote it, before it is typed, and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Located {
    /// The value as written.
    pub scalar: Scalar,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// The records of a `list` as an answers file wrote them, and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocatedList {
    /// 1-based line of the list's key.
    pub line: usize,
    /// 1-based column of the list's key.
    pub column: usize,
    /// The records, in order.
    pub records: Vec<LocatedRecord>,
    /// The key holds something other than a list (reported where it was read): not asked for
    /// again as missing.
    pub malformed: bool,
}

/// One record of a `list` as written: its fields' values (empty ones left out) and where it
/// starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocatedRecord {
    /// 1-based line of the record's `-`.
    pub line: usize,
    /// 1-based column of the record's first field.
    pub column: usize,
    /// The fields' values as written, by field key, in the file's order.
    pub fields: Vec<(String, Located)>,
    /// Fields whose value is reported already (a number written in hexadecimal, a list where
    /// one value goes): not reported again as missing.
    pub refused: Vec<String>,
}

/// How many characters the value at `located` spans on its line (up to a comment), for a caret
/// under the whole value.
#[must_use]
pub fn scalar_width(text: &str, located: &Located) -> usize {
    raw_scalar(text, located).map_or(1, |raw| raw.chars().count())
}

/// `fault` at the value `located` of `file` (whose text is `text`), the whole value underlined.
pub(crate) fn invalid_at(
    file: &str,
    text: &str,
    located: &Located,
    fault: super::problem::Fault,
    library: &Library,
) -> super::problem::Invalid {
    let place = Diagnostic::error(file, text, located.line, located.column, String::new())
        .with_width(scalar_width(text, located));
    super::problem::Invalid::new(place, fault, library)
}

/// The characters of the value at `located` as the file holds them (`1.250`, which YAML reads
/// as the float 1.25): up to a comment, without trailing blanks; `None` past the end.
pub fn raw_scalar(text: &str, located: &Located) -> Option<String> {
    text.lines()
        .nth(located.line.saturating_sub(1))
        .map(|line| raw_on(line, located.column))
}

/// The characters of the value that starts at `column` of `line`: up to a comment, without
/// trailing blanks.
fn raw_on(line: &str, column: usize) -> String {
    line.chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| *c != '#')
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// [`scalar_width`] for a file already cut into `lines`: for the width of every value of a
/// file, without walking its lines again for each.
pub(crate) fn scalar_width_in(lines: &[&str], located: &Located) -> usize {
    lines
        .get(located.line.saturating_sub(1))
        .map_or(1, |line| raw_on(line, located.column).chars().count())
}

/// A money value at `located` as the file writes it: YAML reads a plain `1.250` as the float
/// 1.25, so an amount is read from its digits, and one that reads two ways is caught the same
/// way whether it is quoted or not. Any other value is returned as YAML read it.
pub(crate) fn written_money(text: &str, located: &Located, ty: Type) -> Scalar {
    match (&located.scalar, ty) {
        (Scalar::Float(x), Type::Money) => raw_scalar(text, located)
            .filter(|raw| raw.parse::<f64>().ok() == Some(*x))
            .map_or_else(|| located.scalar.clone(), Scalar::Str),
        (scalar, _) => scalar.clone(),
    }
}

/// What an answers file says, read without typing or requiring anything: for an interview that
/// asks only what is missing or invalid.
#[derive(Debug, Default)]
pub(crate) struct Given {
    /// The values written for declared keys, by key; empty values are left out.
    pub values: BTreeMap<String, Located>,
    /// The records written for declared `list` keys, by key.
    pub lists: BTreeMap<String, LocatedList>,
    /// Keys that are not declared, given twice or hold the wrong shape; their values are ignored.
    pub problems: Vec<Problem>,
    /// The reserved `clausewright.late_payer_applied`: the rates were already multiplied.
    pub late_payer_applied: bool,
    /// The line of each parent key (`client:`), to place "is required" errors.
    pub(super) parents: BTreeMap<String, usize>,
    /// Keys whose value is in `problems` already (a number written in hexadecimal): neither
    /// required nor defaulted, so the one error says what is wrong.
    pub(super) refused: std::collections::BTreeSet<String>,
}

/// Reads an answers file as [`Given`] values. Fails only when the file is not YAML or not a
/// mapping; an empty file gives nothing.
pub(crate) fn read_given(file: &str, text: &str, library: &Library) -> Result<Given, Error> {
    read_or_refuse(file, text, library)
        .map_err(|refused| Error::Diagnostics(refused.into_iter().map(|p| p.diagnostic).collect()))
}

/// [`read_given`], with the problems that stop the file being read at all (a YAML tag, the
/// YAML not readable, a file that is not a mapping) as [`Problem`]s, for wording in another
/// language than English.
pub(crate) fn read_or_refuse(
    file: &str,
    text: &str,
    library: &Library,
) -> Result<Given, Vec<Problem>> {
    read_parsed(file, text, parse_yaml(text), library)
}

/// An answers file's text as the YAML parser reads it: what it writes that serde does not
/// show (tags, the text of plain scalars) and the document, or why it cannot be read. It needs
/// no library, so that `build` reads it on another core while the library loads.
#[derive(Debug)]
pub(crate) struct Parsed {
    written: crate::yaml::Scan,
    /// The document, or why YAML cannot read it (a file with a tag is refused before this
    /// is looked at).
    root: Result<Spanned<Node>, serde_saphyr::Error>,
}

/// Reads `text` as YAML, for [`read_parsed`].
#[must_use]
pub(crate) fn parse_yaml(text: &str) -> Parsed {
    Parsed {
        written: scan(text),
        root: serde_saphyr::from_str(text),
    }
}

/// [`read_or_refuse`], of the text `parsed` was read from.
pub(crate) fn read_parsed(
    file: &str,
    text: &str,
    parsed: Parsed,
    library: &Library,
) -> Result<Given, Vec<Problem>> {
    if text.trim().is_empty() {
        return Ok(Given::default());
    }
    let Parsed { written, root } = parsed;
    let tags = tag_diagnostics(file, text, &written);
    if !tags.is_empty() {
        return Err(tags
            .into_iter()
            .zip(&written.tags)
            .map(|(diagnostic, (_, _, tag))| {
                Problem::new(diagnostic, Facts::Tag { tag: tag.clone() })
            })
            .collect());
    }
    let root: Spanned<Node> = root.map_err(|error| {
        let diagnostic = yaml_diagnostic(file, text, &error);
        let syntax = syntax_of(&error, &diagnostic.message);
        vec![Problem::new(diagnostic, Facts::Syntax { syntax })]
    })?;
    let Node::Map(mut entries) = root.value else {
        return Err(vec![Problem::new(
            Diagnostic::spanned(file, text, &root, "an answers file is a mapping of keys to values, such as `client:` then `  name: Acme Ltd`".into()),
            Facts::NotKeys,
        )]);
    };
    let mut given = Given::default();
    if let Some(index) = entries.iter().position(|(k, _)| k.value == RESERVED_KEY) {
        let (key, value) = entries.remove(index);
        given.late_payer_applied = reserved(file, text, &key, value, &mut given.problems);
    }
    let mut reader = Reader {
        file,
        text,
        library,
        plain: &written.plain,
        given: &mut given,
    };
    reader.flatten("", entries);
    given
        .values
        .retain(|_, located| located.scalar != Scalar::Null);
    Ok(given)
}

/// The `agreement.language` an answers file writes, read from its lines alone: for a file
/// that cannot be read as YAML, so that what is wrong with it is said in the language it is
/// written for. It looks for `language:` on an indented line of the top-level `agreement:`
/// block (or a top-level `agreement.language:`), its value unquoted, a comment dropped.
pub(crate) fn language_written(text: &str) -> Option<crate::model::Languages> {
    let mut in_agreement = false;
    for line in text.lines() {
        let content = line.split(" #").next().unwrap_or_default().trim_end();
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let indented = content.starts_with([' ', '\t']);
        let value = if indented {
            in_agreement
                .then(|| content.trim_start().strip_prefix("language:"))
                .flatten()
        } else {
            in_agreement = content == "agreement:";
            content.strip_prefix("agreement.language:")
        };
        if let Some(value) = value {
            let code = value.trim().trim_matches(|c| c == '"' || c == '\'');
            if let Ok(languages) = code.parse() {
                return Some(languages);
            }
        }
    }
    None
}

/// Reads the reserved `clausewright:` mapping; returns `late_payer_applied`.
fn reserved(
    file: &str,
    text: &str,
    key: &Spanned<String>,
    value: Spanned<Node>,
    problems: &mut Vec<Problem>,
) -> bool {
    let mut applied = false;
    let mut problem = |line: u64, column: u64| {
        problems.push(Problem::new(
            Diagnostic::error(
                file,
                text,
                line as usize,
                column as usize,
                format!(
                    "`{RESERVED_KEY}` is reserved; it holds only `late_payer_applied: true` or `false`"
                ),
            ),
            Facts::Reserved,
        ));
    };
    let Node::Map(entries) = value.value else {
        problem(key.referenced.line(), key.referenced.column());
        return false;
    };
    for (inner_key, inner_value) in entries {
        match (inner_key.value.as_str(), inner_value.value) {
            ("late_payer_applied", Node::Scalar(Scalar::Bool(b))) => applied = b,
            _ => problem(inner_key.referenced.line(), inner_key.referenced.column()),
        }
    }
    applied
}

/// What [`Reader::flatten`] reads with and into.
struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    library: &'a Library,
    plain: &'a BTreeMap<(usize, usize), String>,
    given: &'a mut Given,
}

impl Reader<'_> {
    #[allow(clippy::too_many_lines)]
    fn flatten(&mut self, prefix: &str, entries: Vec<(Spanned<String>, Spanned<Node>)>) {
        let (file, text, library) = (self.file, self.text, self.library);
        for (key, value) in entries {
            let full = if prefix.is_empty() {
                key.value.clone()
            } else {
                format!("{prefix}.{}", key.value)
            };
            let key_line = key.referenced.line() as usize;
            let key_column = key.referenced.column() as usize;
            let question = library.question(&full);
            let is_parent = library.is_parent(&full);
            let key_error = |message: String| {
                Diagnostic::error(file, text, key_line, key_column, message)
                    .with_width(key.value.chars().count())
            };
            if question.is_none() && !is_parent {
                let mut diagnostic = key_error(format!("unknown key `{full}`"));
                let suggestion = library.suggest(&full);
                if let Some(suggestion) = &suggestion {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{suggestion}`?"));
                }
                let facts = Facts::UnknownKey {
                    key: full,
                    suggestion: suggestion.map(str::to_owned),
                };
                self.given.problems.push(Problem::new(diagnostic, facts));
                continue;
            }
            if self.given.values.contains_key(&full)
                || self.given.lists.contains_key(&full)
                || self.given.refused.contains(&full)
                || self.given.parents.contains_key(&full) && !is_parent
            {
                let diagnostic = key_error(format!("`{full}` is given twice"));
                let facts = Facts::GivenTwice { key: full };
                self.given.problems.push(Problem::new(diagnostic, facts));
                continue;
            }
            let list = question.filter(|q| q.ty == Type::List);
            match (value.value, question) {
                (Node::Map(inner), _) if is_parent => {
                    self.given.parents.insert(full.clone(), key_line);
                    self.flatten(&full, inner);
                }
                (Node::List(items), Some(question)) if list.is_some() => {
                    let records = self.records(question, items);
                    self.given.lists.insert(
                        full,
                        LocatedList {
                            line: key_line,
                            column: key_column,
                            records,
                            malformed: false,
                        },
                    );
                }
                // An empty value leaves the list unanswered, as it does a single value.
                (Node::Scalar(Scalar::Null), Some(_)) if list.is_some() => {}
                (Node::Scalar(scalar), Some(question)) if list.is_none() => {
                    let (line, column) = (
                        value.referenced.line() as usize,
                        value.referenced.column() as usize,
                    );
                    match as_written(scalar, self.plain.get(&(line, column)), question.ty) {
                        Ok(scalar) => {
                            self.given.values.insert(
                                full,
                                Located {
                                    scalar,
                                    line,
                                    column,
                                },
                            );
                        }
                        Err((written, form)) => {
                            let diagnostic = Diagnostic::error(
                                file,
                                text,
                                line,
                                column,
                                format!(
                                    "`{full}` is written {written}, {}; write the number in plain digits, such as 12 or 1250.00",
                                    form.english()
                                ),
                            )
                            .with_width(written.chars().count());
                            self.given.refused.insert(full.clone());
                            let facts = Facts::NumberForm {
                                key: full,
                                written,
                                form,
                            };
                            self.given.problems.push(Problem::new(diagnostic, facts));
                        }
                    }
                }
                _ => {
                    let (what, facts) = if is_parent {
                        let children = library.children(&full);
                        let what = format!(
                            "`{full}` holds the keys `{}`, not a single value",
                            children.join("`, `")
                        );
                        let facts = Facts::HoldsKeys {
                            key: full.clone(),
                            children,
                        };
                        (what, facts)
                    } else if let Some(list) = list {
                        let what = format!(
                            "`{full}` takes a list of {}s, one `- ` entry a line below the key",
                            list.item
                        );
                        (what, Facts::TakesList { key: full.clone() })
                    } else {
                        let what = format!("`{full}` takes a single value, not a list or mapping");
                        (what, Facts::TakesSingle { key: full.clone() })
                    };
                    if list.is_some() {
                        self.given.lists.insert(
                            full.clone(),
                            LocatedList {
                                line: key_line,
                                column: key_column,
                                records: Vec::new(),
                                malformed: true,
                            },
                        );
                    }
                    self.given
                        .problems
                        .push(Problem::new(key_error(what), facts));
                }
            }
        }
    }
    /// The records of the list `question` as written: each a mapping of its declared fields to
    /// single values. Unknown fields, fields given twice and values of the wrong shape are
    /// reported; the record keeps its other fields.
    #[allow(clippy::too_many_lines)]
    fn records(&mut self, question: &Question, items: Vec<Spanned<Node>>) -> Vec<LocatedRecord> {
        let (file, text) = (self.file, self.text);
        let diagnostics = &mut self.given.problems;
        let key = &question.key;
        let mut out = Vec::new();
        for (n, item) in items.into_iter().enumerate() {
            let number = n + 1;
            let (line, column) = (
                item.referenced.line() as usize,
                item.referenced.column() as usize,
            );
            if out.len() == MAX_RECORDS {
                diagnostics.push(Problem::new(
                    Diagnostic::error(
                        file,
                        text,
                        line,
                        column,
                        format!("`{key}` holds at most {MAX_RECORDS} {}s", question.item),
                    ),
                    Facts::TooManyRecords { key: key.clone() },
                ));
                break;
            }
            let Node::Map(entries) = item.value else {
                let names: Vec<String> = question
                    .fields
                    .iter()
                    .map(|f| format!("`{}`", f.key))
                    .collect();
                diagnostics.push(Problem::new(
                    Diagnostic::error(
                        file,
                        text,
                        line,
                        column,
                        format!(
                            "{} {number} of `{key}` is not a mapping; write its fields {} as `field: value` lines",
                            question.item,
                            names.join(", ")
                        ),
                    ),
                    Facts::NotAMapping {
                        key: key.clone(),
                        number,
                    },
                ));
                continue;
            };
            let mut record = LocatedRecord {
                line,
                column,
                fields: Vec::new(),
                refused: Vec::new(),
            };
            for (field_key, field_value) in entries {
                let name = field_key.value.as_str();
                let at = |message: String| {
                    Diagnostic::error(
                        file,
                        text,
                        field_key.referenced.line() as usize,
                        field_key.referenced.column() as usize,
                        message,
                    )
                    .with_width(name.chars().count())
                };
                if question.field(name).is_none() {
                    let names: Vec<String> = question
                        .fields
                        .iter()
                        .map(|f| format!("`{}`", f.key))
                        .collect();
                    diagnostics.push(Problem::new(
                        at(format!(
                            "`{name}` is not a field of `{key}`; its fields are {}",
                            names.join(", ")
                        )),
                        Facts::NotAField {
                            key: key.clone(),
                            field: name.to_owned(),
                        },
                    ));
                    continue;
                }
                if record.fields.iter().any(|(k, _)| k == name) {
                    diagnostics.push(Problem::new(
                        at(format!(
                            "`{name}` is given twice in {} {number} of `{key}`",
                            question.item
                        )),
                        Facts::FieldTwice {
                            key: key.clone(),
                            field: name.to_owned(),
                            number,
                        },
                    ));
                    continue;
                }
                let (line, column) = (
                    field_value.referenced.line() as usize,
                    field_value.referenced.column() as usize,
                );
                let ty = question.field(name).map_or(Type::Text, |f| f.ty);
                match field_value.value {
                    Node::Scalar(Scalar::Null) => {}
                    Node::Scalar(scalar) => {
                        match as_written(scalar, self.plain.get(&(line, column)), ty) {
                            Ok(scalar) => record.fields.push((
                                name.to_owned(),
                                Located {
                                    scalar,
                                    line,
                                    column,
                                },
                            )),
                            Err((written, form)) => {
                                let diagnostic = Diagnostic::error(
                                    file,
                                    text,
                                    line,
                                    column,
                                    format!(
                                        "`{name}` of {} {number} of `{key}` is written {written}, {}; write the number in plain digits, such as 12 or 1250.00",
                                        question.item,
                                        form.english()
                                    ),
                                )
                                .with_width(written.chars().count());
                                let facts = Facts::FieldNumberForm {
                                    key: key.clone(),
                                    field: name.to_owned(),
                                    number,
                                    written,
                                    form,
                                };
                                diagnostics.push(Problem::new(diagnostic, facts));
                                record.refused.push(name.to_owned());
                            }
                        }
                    }
                    _ => {
                        diagnostics.push(Problem::new(
                            at(format!(
                                "`{name}` of `{key}` takes a single value, not a list or mapping"
                            )),
                            Facts::FieldTakesSingle {
                                key: key.clone(),
                                field: name.to_owned(),
                            },
                        ));
                        record.refused.push(name.to_owned());
                    }
                }
            }
            out.push(record);
        }
        out
    }
}

/// A number read from a plain scalar, checked against how it is written (`raw`): YAML reads
/// `0x1F` as 31, `0o17` as 15, `1e3` as 1000 and `1_000` as 1000, none of which a person means
/// as an amount, so those are refused, with what was written and why. A plain decimal for a
/// money or percent question becomes its text, so that every digit is kept exactly
/// (`99.99999999999999999` is not the float 100).
fn as_written(
    scalar: Scalar,
    raw: Option<&String>,
    ty: Type,
) -> Result<Scalar, (String, NumberForm)> {
    let (Scalar::Int(_) | Scalar::Float(_), Some(raw)) = (&scalar, raw) else {
        return Ok(scalar);
    };
    if let Some(why) = number_form(raw) {
        return Err((raw.clone(), why));
    }
    Ok(match (ty, &scalar) {
        (Type::Money | Type::Percent | Type::Integer, Scalar::Float(_)) => Scalar::Str(raw.clone()),
        _ => scalar,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_values_width_is_the_same_read_from_the_files_lines() {
        let text = "client:\n  name: Acme   # the client\n  fee: 1.250\n";
        let lines: Vec<&str> = text.lines().collect();
        let at = |line, column| super::Located {
            scalar: crate::model::Scalar::Null,
            line,
            column,
        };
        for (located, width) in [(at(2, 9), 4), (at(3, 8), 5), (at(9, 1), 1)] {
            assert_eq!(super::scalar_width(text, &located), width);
            assert_eq!(super::scalar_width_in(&lines, &located), width);
        }
    }

    #[test]
    fn the_language_of_a_file_that_cannot_be_read_is_read_from_its_lines() {
        use crate::model::Languages;
        let tr = Some(Languages::one(crate::model::Language::Tr));
        for text in [
            "agreement:\n  language: tr\nclient:\n  name: [A\n",
            "agreement:\n  # the contract's\n  date: 2026-03-01\n  language: \"tr\"  # Turkish\n",
            "agreement.language: 'tr'\n- a\n",
        ] {
            assert_eq!(super::language_written(text), tr, "{text}");
        }
        for text in [
            "client:\n  language: tr\n",
            "agreement:\nclient:\n  language: tr\n",
            "agreement:\n  language: xx\n",
            "",
        ] {
            assert_eq!(super::language_written(text), None, "{text}");
        }
    }
    use super::*;

    #[test]
    fn a_file_read_for_the_interview_keeps_the_late_payer_mark() {
        let library = crate::library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        let text = "fees:\n  total: \"9600\"\nclausewright:\n  late_payer_applied: true\n";
        let given = read_given("saved.yaml", text, &library).unwrap();
        assert!(given.late_payer_applied);
        assert!(given.problems.is_empty(), "{:?}", given.problems);
        assert_eq!(
            given.values["fees.total"].scalar,
            Scalar::Str("9600".into())
        );
    }
}
