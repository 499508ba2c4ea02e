//! Build script, two tables:
//! - libphonenumber's numbering plans (`data/phonenumber/`) as one small table per country
//!   calling code, so that checking a phone number compiles the patterns of its own country
//!   only (see `src/model/phone.rs`), not those of all 250 regions;
//! - every template of the built-in library (`clauses/`) compiled by Handlebars and frozen
//!   (see `src/library/frozen.rs`), so that a run thaws the templates of its contract instead
//!   of parsing them again;
//! - every YAML file of the built-in library with its text and its tape, the document already
//!   parsed (see `src/yaml/tape.rs`), so that a run reads the built-in files' values without
//!   parsing their YAML again.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use phonenumber::metadata::loader;

#[path = "src/library/frozen_form.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod frozen_form;

#[path = "src/yaml/tape_form.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod tape_form;

fn main() {
    phones();
    templates();
    tapes();
}

fn phones() {
    let source = "data/phonenumber/PhoneNumberMetadata.xml";
    println!("cargo:rerun-if-changed={source}");
    let file = File::open(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let regions = loader::load(BufReader::new(file)).unwrap_or_else(|e| panic!("{source}: {e}"));
    // Each calling code's regions, its main country first (as libphonenumber tries them),
    // each region serialised on its own so that a check decodes only the ones it tries.
    let mut by_code: BTreeMap<u16, Vec<(bool, Vec<u8>)>> = BTreeMap::new();
    for mut region in regions {
        ascii_digits(&mut region);
        // How to write a number out is not needed to check one: parsing and validation
        // never read the formats, and the database checks every pattern it is given.
        region.formats.clear();
        region.international_formats.clear();
        let Some(code) = region.country_code else {
            continue;
        };
        let bytes = postcard::to_allocvec(&region).expect("a region serialises");
        by_code
            .entry(code)
            .or_default()
            .push((region.main_country_for_code, bytes));
    }
    let table: Vec<(u16, Vec<Vec<u8>>)> = by_code
        .into_iter()
        .map(|(code, mut regions)| {
            // A stable sort: after the main country, the file's order.
            regions.sort_by_key(|(main, _)| !*main);
            (code, regions.into_iter().map(|(_, bytes)| bytes).collect())
        })
        .collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("phones.bin");
    std::fs::write(
        &out,
        postcard::to_allocvec(&table).expect("the table serialises"),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Writes each pattern's `\d` as `[0-9]`. The regex crate reads `\d` as every Unicode digit,
/// which makes each compiled pattern many times larger and slower to build; the numbers a
/// check matches hold ASCII digits only (`check_phone` refuses any other character), so the
/// two mean the same here. The plans use `\d` only outside character classes, and no other
/// Unicode-aware escape.
fn ascii_digits(region: &mut loader::Metadata) {
    fn rewrite(pattern: &mut String) {
        *pattern = pattern.replace("\\d", "[0-9]");
    }
    fn descriptor(d: Option<&mut loader::Descriptor>) {
        if let Some(pattern) = d.and_then(|d| d.national_number.as_mut()) {
            rewrite(pattern);
        }
    }
    for d in [
        &mut region.general,
        &mut region.fixed_line,
        &mut region.mobile,
        &mut region.toll_free,
        &mut region.premium_rate,
        &mut region.shared_cost,
        &mut region.personal_number,
        &mut region.voip,
        &mut region.pager,
        &mut region.uan,
        &mut region.emergency,
        &mut region.voicemail,
        &mut region.short_code,
        &mut region.standard_rate,
        &mut region.carrier,
        &mut region.no_international,
    ] {
        descriptor(d.as_mut());
    }
    for pattern in [
        &mut region.international_prefix,
        &mut region.national_prefix_for_parsing,
        &mut region.leading_digits,
    ]
    .into_iter()
    .flatten()
    {
        rewrite(pattern);
    }
    for format in region
        .formats
        .iter_mut()
        .chain(&mut region.international_formats)
    {
        if let Some(pattern) = format.pattern.as_mut() {
            rewrite(pattern);
        }
        format.leading_digits.iter_mut().for_each(rewrite);
    }
}

/// Writes `templates.bin`: each text of the built-in library that holds a Handlebars tag, with
/// its template compiled and frozen, sorted by text (see `src/library/frozen.rs`). A text
/// Handlebars refuses, or whose template holds a part the frozen form does not cover
/// (partials, decorators, comments), is left out: a run compiles it as before.
fn templates() {
    use std::collections::BTreeMap;
    let root = Path::new("clauses");
    println!("cargo:rerun-if-changed=clauses");
    println!("cargo:rerun-if-changed=src/library/frozen_form.rs");
    let mut texts = BTreeMap::new();
    let mut files = Vec::new();
    yaml_files(root, &mut files);
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // A file that is not valid YAML is reported by the library's own checks.
        let Ok(value) = serde_saphyr::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        strings(&value, &mut |s| {
            if s.contains("{{")
                && !texts.contains_key(s)
                && let Some(frozen) = handlebars::template::Template::compile(s)
                    .ok()
                    .and_then(|t| freeze::template(&t))
            {
                texts.insert(
                    s.to_owned(),
                    postcard::to_allocvec(&frozen).expect("a template serialises"),
                );
            }
        });
    }
    let table: Vec<(&str, &[u8])> = texts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_slice()))
        .collect();
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("templates.bin");
    std::fs::write(
        &out,
        postcard::to_allocvec(&table).expect("the table serialises"),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Writes `built_in.rs` (each YAML file of `clauses/` as `(path, include_str!(file), tape)`,
/// sorted by path) and `tapes.bin` (the tapes one after another; `tape` is the byte range of
/// the file's own). A file the tape form does not cover (anchors, aliases, tags, several
/// documents, a YAML error) has no tape: a run parses it as written.
fn tapes() {
    // Each file's path in the library, its path on disk, and its tape's byte range.
    type Entry = (String, std::path::PathBuf, Option<(usize, usize)>);
    let root = Path::new("clauses");
    println!("cargo:rerun-if-changed=src/yaml/tape_form.rs");
    let mut files = Vec::new();
    yaml_files(root, &mut files);
    let mut entries: Vec<Entry> = Vec::new();
    let mut tapes = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let relative = file
            .strip_prefix(root)
            .expect("a file of clauses/")
            .to_string_lossy()
            .replace('\\', "/");
        let range = tape::document(&text).map(|tape| {
            let start = tapes.len();
            tapes.extend(tape);
            (start, tapes.len())
        });
        let path =
            std::fs::canonicalize(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        entries.push((relative, path, range));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    // The library's fingerprint, as `src/version.rs` takes it from the files.
    let mut crc = crc32fast::Hasher::new();
    for (relative, path, _) in &entries {
        let text = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        crc.update(&(relative.len() as u64).to_le_bytes());
        crc.update(relative.as_bytes());
        crc.update(&(text.len() as u64).to_le_bytes());
        crc.update(&text);
    }
    println!(
        "cargo:rustc-env=CLAUSEWRIGHT_BUILT_IN_FINGERPRINT={:08x}",
        crc.finalize()
    );
    let mut code = String::from("[\n");
    for (relative, path, range) in &entries {
        code.push_str(&format!(
            "    ({relative:?}, include_str!({:?}), {range:?}),\n",
            path.display().to_string()
        ));
    }
    code.push_str("]\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in [("built_in.rs", code.into_bytes()), ("tapes.bin", tapes)] {
        std::fs::write(out.join(name), bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", out.join(name).display()));
    }
}

/// A YAML document parsed into the tape form, with serde-saphyr's parser.
mod tape {
    use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

    use super::tape_form::{self as form, At};

    /// The tape of the document `text` holds, or `None` when the tape form does not cover
    /// it (anchors, aliases, tags, merge keys, several documents, a YAML error).
    pub(super) fn document(text: &str) -> Option<Vec<u8>> {
        let mut events = Parser::new_from_str(text).map(Result::ok);
        let mut next = || events.next().flatten();
        if !matches!(next()?.0, Event::StreamStart)
            || !matches!(next()?.0, Event::DocumentStart(..))
        {
            return None;
        }
        let mut out = Vec::new();
        let (event, span) = next()?;
        node(event, &span, &mut next, &mut out)?;
        if !matches!(next()?.0, Event::DocumentEnd) || !matches!(next()?.0, Event::StreamEnd) {
            return None;
        }
        Some(out)
    }

    type Next<'a, 'f> = dyn FnMut() -> Option<(Event<'a>, Span)> + 'f;

    fn node<'a>(
        event: Event<'a>,
        span: &Span,
        next: &mut Next<'a, '_>,
        out: &mut Vec<u8>,
    ) -> Option<()> {
        let at = at(span)?;
        match event {
            Event::Scalar(text, style, 0, None) => {
                form::scalar(out, matches!(style, ScalarStyle::Plain), at, &text)
            }
            Event::SequenceStart(_, 0, None) => {
                let start = form::begin(out, form::SEQ, at);
                let count_at = out.len();
                form::count(out, 0)?;
                let mut count = 0;
                loop {
                    let (event, span) = next()?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    node(event, &span, next, out)?;
                    count += 1;
                }
                patch_count(out, count_at, count)?;
                form::end(out, start)
            }
            Event::MappingStart(_, 0, None) => {
                let start = form::begin(out, form::MAP, at);
                let count_at = out.len();
                form::count(out, 0)?;
                let mut count = 0;
                loop {
                    let (event, span) = next()?;
                    if matches!(event, Event::MappingEnd) {
                        break;
                    }
                    // A merge key (`<<`) is serde-saphyr's to resolve.
                    if matches!(&event, Event::Scalar(k, ScalarStyle::Plain, ..) if k == "<<") {
                        return None;
                    }
                    node(event, &span, next, out)?;
                    let (event, span) = next()?;
                    node(event, &span, next, out)?;
                    count += 1;
                }
                patch_count(out, count_at, count)?;
                form::end(out, start)
            }
            _ => None,
        }
    }

    /// Writes `count` where [`form::count`] wrote a placeholder.
    fn patch_count(out: &mut [u8], at: usize, count: usize) -> Option<()> {
        out[at..at + 4].copy_from_slice(&u32::try_from(count).ok()?.to_le_bytes());
        Some(())
    }

    /// Where a node starts, as serde-saphyr's `location_from_span` makes it.
    fn at(span: &Span) -> Option<At> {
        let (start, end) = (&span.start, &span.end);
        let byte_offset = start.byte_offset()?;
        let byte_len = end.byte_offset()?.checked_sub(byte_offset)?;
        Some(At {
            line: u32::try_from(start.line()).ok()?,
            column: u32::try_from(start.col() + 1).ok()?,
            offset: u32::try_from(start.index()).ok()?,
            len: u32::try_from(span.len()).ok()?,
            byte_offset: u32::try_from(byte_offset).ok()?,
            byte_len: u32::try_from(byte_len).ok()?,
        })
    }
}

fn yaml_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
}

fn strings(value: &serde_json::Value, each: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(s) => each(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, each)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, each)),
        _ => {}
    }
}

/// Handlebars' template types into the frozen form.
mod freeze {
    use handlebars::template::{
        BlockParam, ExpressionSpecBuilder, HelperTemplate, Parameter, Template, TemplateElement,
    };
    use handlebars::{Path, PathSeg};

    use super::frozen_form as form;

    pub(super) fn template(t: &Template) -> Option<form::Frozen> {
        Some(form::Frozen {
            name: t.name.clone(),
            elements: t.elements.iter().map(element).collect::<Option<_>>()?,
            mapping: t.mapping.iter().map(|m| (m.0, m.1)).collect(),
        })
    }

    fn element(e: &TemplateElement) -> Option<form::Element> {
        Some(match e {
            TemplateElement::RawString(s) => form::Element::Raw(s.clone()),
            TemplateElement::HtmlExpression(h) => form::Element::Html(Box::new(helper(h)?)),
            TemplateElement::Expression(h) => form::Element::Expression(Box::new(helper(h)?)),
            TemplateElement::HelperBlock(h) => form::Element::Block(Box::new(helper(h)?)),
            _ => return None,
        })
    }

    fn helper(h: &HelperTemplate) -> Option<form::Helper> {
        let mut hash: Vec<(String, form::Param)> = h
            .hash
            .iter()
            .map(|(k, v)| Some((k.clone(), param(v)?)))
            .collect::<Option<_>>()?;
        hash.sort_by(|a, b| a.0.cmp(&b.0));
        // Whether the helper stands on a line of its own is not readable outside Handlebars:
        // it is the one of the two values that rebuilds a helper equal to this one.
        let indent_before_write = [false, true].into_iter().find(|&indent| {
            let spec = ExpressionSpecBuilder::default()
                .name(h.name.clone())
                .params(h.params.clone())
                .hash(h.hash.clone())
                .omit_pre_ws(false)
                .omit_pro_ws(false)
                .build()
                .expect("every field is set");
            let mut rebuilt = HelperTemplate::new(spec, h.block, indent);
            rebuilt.block_param.clone_from(&h.block_param);
            rebuilt.template.clone_from(&h.template);
            rebuilt.inverse.clone_from(&h.inverse);
            rebuilt.chain = h.chain;
            rebuilt == *h
        })?;
        Some(form::Helper {
            name: param(&h.name)?,
            params: h.params.iter().map(param).collect::<Option<_>>()?,
            hash,
            block_param: match &h.block_param {
                None => None,
                Some(BlockParam::Single(p)) => Some(form::BlockParam::Single(param(p)?)),
                Some(BlockParam::Pair((a, b))) => {
                    Some(form::BlockParam::Pair(param(a)?, param(b)?))
                }
                Some(_) => return None,
            },
            template: match &h.template {
                None => None,
                Some(t) => Some(template(t)?),
            },
            inverse: match &h.inverse {
                None => None,
                Some(t) => Some(template(t)?),
            },
            block: h.block,
            chain: h.chain,
            indent_before_write,
        })
    }

    fn param(p: &Parameter) -> Option<form::Param> {
        Some(match p {
            Parameter::Name(n) => form::Param::Name(n.clone()),
            Parameter::Path(Path::Relative((segs, raw))) => {
                form::Param::Relative(segs.iter().map(seg).collect::<Option<_>>()?, raw.clone())
            }
            Parameter::Path(Path::Local((level, name, raw))) => {
                form::Param::Local(*level, name.clone(), raw.clone())
            }
            Parameter::Literal(json) => form::Param::Literal(json.to_string()),
            Parameter::Subexpression(s) => {
                form::Param::Subexpression(Box::new(element(&s.element)?))
            }
            _ => return None,
        })
    }

    fn seg(s: &PathSeg) -> Option<form::Seg> {
        let ruled = |path: &str| match Path::parse(path) {
            Ok(Path::Relative((segs, _))) => segs.into_iter().next(),
            _ => None,
        };
        match s {
            PathSeg::Named(n) => Some(form::Seg::Named(n.clone())),
            s if Some(s) == ruled("../a").as_ref() => Some(form::Seg::Up),
            s if Some(s) == ruled("@root/a").as_ref() => Some(form::Seg::Root),
            _ => None,
        }
    }
}
