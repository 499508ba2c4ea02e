//! Build script, two tables:
//! - libphonenumber's numbering plans (`data/phonenumber/`) as one small table per country
//!   calling code, each pattern a check matches compiled into an automaton over the digits,
//!   so that checking a phone number compiles no regular expression at run time (see
//!   `src/model/phone.rs`);
//! - every template of the built-in library (`clauses/`) compiled by Handlebars and frozen
//!   (see `src/library/frozen.rs`), so that a run thaws the templates of its contract instead
//!   of parsing them again;
//! - every YAML file of the built-in library with its text and its tape, the document already
//!   parsed (see `src/yaml/tape.rs`), so that a run reads the built-in files' values without
//!   parsing their YAML again.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use phonenumber::metadata::loader;

#[path = "src/library/frozen_form.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod frozen_form;

#[path = "src/model/phone/plan.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod plan;

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
        let Some(code) = region.country_code else {
            continue;
        };
        // The crate reads a number by a region only if it can name the region.
        let id = region.id.as_deref().expect("a region has an id");
        assert!(
            id == "001" || id.parse::<phonenumber::country::Id>().is_ok(),
            "{id}: a region phonenumber cannot name"
        );
        let bytes = postcard::to_allocvec(&plan_of(&region)).expect("a region serialises");
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

/// One region's plan as a check reads it (`src/model/phone/plan.rs`): the parts of its
/// metadata that reading a number and validating it use, each pattern a number is matched
/// against as an automaton. How to write a number out (the formats) is left out.
fn plan_of(region: &loader::Metadata) -> plan::Region<'static> {
    let leak = |text: &Option<String>| text.clone().map(|t| &*t.leak());
    let kind = |d: &loader::Descriptor| plan::Kind {
        lengths: lengths(&d.possible_length),
        local_lengths: lengths(&d.possible_local_length),
        digits: automaton(
            d.national_number
                .as_deref()
                .expect("a description has a pattern"),
        ),
    };
    // The types `phonenumber::validator::number_type` tries; a number is valid when it is of
    // one of them (which one does not matter).
    let types = [
        &region.premium_rate,
        &region.toll_free,
        &region.shared_cost,
        &region.voip,
        &region.personal_number,
        &region.pager,
        &region.uan,
        &region.voicemail,
        &region.fixed_line,
        &region.mobile,
    ];
    let mut seen = Vec::new();
    let mut kinds = Vec::new();
    for d in types.into_iter().flatten() {
        // A type that repeats another (fixed line and mobile, in many plans) is tried once.
        let key = (&d.national_number, &d.possible_length);
        if !seen.contains(&key) {
            seen.push(key);
            kinds.push(kind(d));
        }
    }
    if let Some(pattern) = &region.national_prefix_for_parsing {
        regex_automata::util::syntax::parse_with(pattern, &plan::prefix_syntax())
            .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    }
    plan::Region {
        national_prefix: leak(&region.national_prefix),
        prefix_for_parsing: leak(&region.national_prefix_for_parsing),
        transform: leak(&region.national_prefix_transform_rule),
        leading_digits: region.leading_digits.as_deref().map(automaton),
        general: kind(
            region
                .general
                .as_ref()
                .expect("a region has a general description"),
        ),
        kinds,
    }
}

/// A list of lengths as bytes (a national number has at most 17 digits).
fn lengths(list: &[u16]) -> &'static [u8] {
    list.iter()
        .map(|&length| u8::try_from(length).expect("a length fits a byte"))
        .collect::<Vec<u8>>()
        .leak()
}

/// The automaton of `pattern` as a check walks it (`plan::Digits`): from the start state, one
/// state a digit, until a start of the text matches (`ACCEPT`) or none can (`REFUSE`).
///
/// regex-automata builds the DFA of `(?:pattern)$` with the syntax `phonenumber` compiles its
/// patterns with (`ignore_whitespace`, the same regex-syntax): a state reached by some digits
/// is accepting when those digits, then the end of the text, match. The crate asks whether the
/// pattern matches at the start of a number, which holds exactly when some start of the number
/// is accepted, so an accepting state ends the walk; the states left are then minimised (Moore's
/// refinement). Checked here: no pattern holds an assertion of its own (`^`, `$`) that would
/// tell a start of the text from a whole text, or an escape, and none matches a character other
/// than a digit.
fn automaton(pattern: &str) -> plan::Digits<'static> {
    use regex_automata::dfa::{Automaton, StartKind, dense};
    use regex_automata::util::syntax;
    use regex_automata::{Anchored, Input};
    // How a state of the walk ends.
    const ACCEPT: usize = 0;
    const REFUSE: usize = 1;
    const GO_ON: usize = 2;
    assert!(
        !pattern.contains(['^', '$', '\\']),
        "a phone pattern with an assertion or an escape: {pattern}"
    );
    let dfa = dense::Builder::new()
        .syntax(syntax::Config::new().ignore_whitespace(true))
        .configure(dense::Config::new().start_kind(StartKind::Anchored))
        .build(&format!("(?:{pattern})$"))
        .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    let start = dfa
        .start_state_forward(&Input::new("").anchored(Anchored::Yes))
        .expect("an anchored start");
    // The DFA's states in the order first reached: each one's end (accept, refuse or go on)
    // and, when it goes on, its ten next states.
    let mut states = vec![start];
    let mut number: HashMap<_, usize> = HashMap::from([(start, 0)]);
    let mut end = Vec::new();
    let mut next: Vec<[usize; 10]> = Vec::new();
    let mut index = 0;
    while index < states.len() {
        let state = states[index];
        index += 1;
        let mut to = [0; 10];
        if dfa.is_match_state(dfa.next_eoi_state(state)) {
            end.push(ACCEPT);
        } else if dfa.is_dead_state(state) {
            end.push(REFUSE);
        } else {
            end.push(GO_ON);
            for byte in 0..=u8::MAX {
                let following = dfa.next_state(state, byte);
                if !byte.is_ascii_digit() {
                    assert!(
                        dfa.is_dead_state(following),
                        "{pattern} matches a character other than a digit"
                    );
                    continue;
                }
                to[usize::from(byte - b'0')] = *number.entry(following).or_insert_with(|| {
                    states.push(following);
                    states.len() - 1
                });
            }
        }
        next.push(to);
    }
    // Moore's refinement: states of one end are split by the classes of their next states
    // until no class splits; a class is then one state of the minimal automaton.
    let mut class = end.clone();
    loop {
        let mut signatures = HashMap::new();
        let refined: Vec<usize> = (0..states.len())
            .map(|s| {
                let signature = (class[s], next[s].map(|t| class[t]));
                let fresh = signatures.len();
                *signatures.entry(signature).or_insert(fresh)
            })
            .collect();
        let done = signatures.len() == class.iter().collect::<BTreeSet<_>>().len();
        class = refined;
        if done {
            break;
        }
    }
    // The going-on classes numbered in the order first reached (the start's first).
    let mut order: Vec<usize> = Vec::new();
    let mut member = Vec::new();
    for s in 0..states.len() {
        if end[s] == GO_ON && !order.contains(&class[s]) {
            order.push(class[s]);
            member.push(s);
        }
    }
    let id = |s: usize| match end[s] {
        ACCEPT => plan::ACCEPT,
        REFUSE => plan::REFUSE,
        _ => {
            let position = order.iter().position(|&c| c == class[s]).expect("numbered");
            u16::try_from(position).expect("an automaton has fewer than 65,534 states")
        }
    };
    let mut table = vec![id(0)];
    for &s in &member {
        table.extend(next[s].map(id));
    }
    plan::Digits(
        table
            .into_iter()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>()
            .leak(),
    )
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
            Event::SequenceStart(_, 0, None) => form::collection(out, form::SEQ, at, |out| {
                let (event, span) = next()?;
                if matches!(event, Event::SequenceEnd) {
                    return Some(false);
                }
                node(event, &span, next, out)?;
                Some(true)
            }),
            Event::MappingStart(_, 0, None) => form::collection(out, form::MAP, at, |out| {
                let (event, span) = next()?;
                if matches!(event, Event::MappingEnd) {
                    return Some(false);
                }
                // A merge key (`<<`) is serde-saphyr's to resolve.
                if matches!(&event, Event::Scalar(k, ScalarStyle::Plain, ..) if k == "<<") {
                    return None;
                }
                node(event, &span, next, out)?;
                let (event, span) = next()?;
                node(event, &span, next, out)?;
                Some(true)
            }),
            _ => None,
        }
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
