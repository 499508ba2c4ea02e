//! Templates compiled at build time: takes a template's source and gives its [`Template`],
//! thawed from the table the build script wrote when the source is a text of the built-in
//! library, compiled by Handlebars otherwise.
//!
//! Handlebars parses a template one character at a time and counts every element's line and
//! column from the start, which made compiling its templates most of the cost of the first
//! contract a process writes. The build script (`build.rs`) compiles each text of `clauses/`
//! that holds a tag with the same Handlebars and writes it in the form of
//! [`super::frozen_form`]; thawing one is a few allocations. The table is looked up by the
//! whole text, so a text that differs from the built-in one by a character, such as a clause
//! a user edited in a library of their own, is compiled as written.

use std::collections::HashMap;
use std::sync::OnceLock;

use handlebars::template::{
    BlockParam, ExpressionSpecBuilder, HelperTemplate, Parameter, SubexpressionBuilder, Template,
    TemplateElement, TemplateMapping,
};
use handlebars::{Path, PathSeg, TemplateError};

use super::frozen_form::{self as form, Frozen};

/// The table: each text and its frozen template, sorted by text.
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/templates.bin"));

fn table() -> &'static [(&'static str, &'static [u8])] {
    static DECODED: OnceLock<Vec<(&'static str, &'static [u8])>> = OnceLock::new();
    DECODED.get_or_init(|| postcard::from_bytes(TABLE).expect("build.rs writes a valid table"))
}

/// `source` compiled: thawed when the build compiled it, compiled by Handlebars (with its
/// prose folded, see [`super::fold`]) when it did not.
pub(crate) fn compile(source: &str) -> Result<Template, TemplateError> {
    match thawed(source) {
        Some(template) => Ok(template),
        None => super::fold::compile(source),
    }
}

/// The template the build compiled from exactly `source`, if it did.
pub(crate) fn thawed(source: &str) -> Option<Template> {
    frozen(source).map(template)
}

/// The frozen form the build made of exactly `source`, if it did.
fn frozen(source: &str) -> Option<Frozen> {
    let table = table();
    let at = table
        .binary_search_by(|(text, _)| (*text).cmp(source))
        .ok()?;
    postcard::from_bytes(table[at].1).ok()
}

/// The texts the build compiled, for the tests.
#[cfg(test)]
pub(crate) fn texts() -> impl Iterator<Item = &'static str> {
    table().iter().map(|(text, _)| *text)
}

fn template(frozen: Frozen) -> Template {
    let mut template = Template::new();
    template.name = frozen.name;
    template.elements = frozen.elements.into_iter().map(element).collect();
    template.mapping = frozen
        .mapping
        .into_iter()
        .map(|(line, column)| {
            let mut mapping = first_mapping().clone();
            mapping.0 = line;
            mapping.1 = column;
            mapping
        })
        .collect();
    template
}

fn element(element: form::Element) -> TemplateElement {
    match element {
        form::Element::Raw(text) => TemplateElement::RawString(text),
        form::Element::Html(h) => TemplateElement::HtmlExpression(Box::new(helper(*h))),
        form::Element::Expression(h) => TemplateElement::Expression(Box::new(helper(*h))),
        form::Element::Block(h) => TemplateElement::HelperBlock(Box::new(helper(*h))),
    }
}

fn helper(h: form::Helper) -> HelperTemplate {
    let hash: HashMap<String, Parameter> = h.hash.into_iter().map(|(k, v)| (k, param(v))).collect();
    let spec = ExpressionSpecBuilder::default()
        .name(param(h.name))
        .params(h.params.into_iter().map(param).collect())
        .hash(hash)
        .omit_pre_ws(false)
        .omit_pro_ws(false)
        .build()
        .expect("every field of the expression is set");
    let mut helper = HelperTemplate::new(spec, h.block, h.indent_before_write);
    helper.block_param = h.block_param.map(|b| match b {
        form::BlockParam::Single(p) => BlockParam::Single(param(p)),
        form::BlockParam::Pair(a, b) => BlockParam::Pair((param(a), param(b))),
    });
    helper.template = h.template.map(template);
    helper.inverse = h.inverse.map(template);
    helper.chain = h.chain;
    helper
}

fn param(p: form::Param) -> Parameter {
    match p {
        form::Param::Name(name) => Parameter::Name(name),
        form::Param::Relative(segs, raw) => {
            Parameter::Path(Path::Relative((segs.into_iter().map(seg).collect(), raw)))
        }
        form::Param::Local(level, name, raw) => Parameter::Path(Path::Local((level, name, raw))),
        form::Param::Literal(json) => Parameter::Literal(
            serde_json::from_str(&json).expect("build.rs writes literals as JSON"),
        ),
        form::Param::Subexpression(e) => Parameter::Subexpression(
            SubexpressionBuilder::default()
                .element(Box::new(element(*e)))
                .build()
                .expect("the element is set"),
        ),
    }
}

/// A mapping to copy: Handlebars' `TemplateMapping` can be changed but not built outside it.
fn first_mapping() -> &'static TemplateMapping {
    static FIRST: OnceLock<TemplateMapping> = OnceLock::new();
    FIRST.get_or_init(|| {
        Template::compile("x")
            .ok()
            .and_then(|t| t.mapping.into_iter().next())
            .expect("Handlebars compiles `x` into one element")
    })
}

/// A segment; `../` and `@root` are taken from paths Handlebars parses once, since the rule
/// they carry cannot be named outside it.
fn seg(seg: form::Seg) -> PathSeg {
    static RULED: OnceLock<[PathSeg; 2]> = OnceLock::new();
    let [up, root] = RULED.get_or_init(|| {
        let first = |path: &str| {
            match Path::parse(path) {
                Ok(Path::Relative((segs, _))) => segs.into_iter().next(),
                _ => None,
            }
            .expect("Handlebars parses `../a` and `@root/a`")
        };
        [first("../a"), first("@root/a")]
    });
    match seg {
        form::Seg::Named(name) => PathSeg::Named(name),
        form::Seg::Up => up.clone(),
        form::Seg::Root => root.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_frozen_template_thaws_into_what_handlebars_compiles() {
        let mut count = 0;
        for text in texts() {
            assert_eq!(
                thawed(text),
                Some(Template::compile(text).unwrap()),
                "{text}"
            );
            count += 1;
        }
        assert!(count > 100, "only {count} templates in the table");
    }

    #[test]
    fn a_text_not_in_the_built_in_library_is_compiled_as_written() {
        let source = "The Client pays {{money fees.total}} within {{words payment.due_days}} days.";
        assert_eq!(thawed(source), None);
        assert_eq!(compile(source).unwrap(), Template::compile(source).unwrap());
        let broken = "An {{#if x}} that never closes.";
        assert!(compile(broken).is_err());
    }

    #[test]
    fn every_built_in_clause_body_with_a_tag_in_every_language_is_in_the_table() {
        let library = crate::library::built_in().expect("the built-in library loads");
        for language in library.languages() {
            let translated = library.clone().into_language(language).unwrap();
            // A body without a tag is one run of prose, which folding compiles at once.
            for clause in translated.clauses.iter().filter(|c| c.body.contains("{{")) {
                assert!(
                    thawed(&clause.body).is_some(),
                    "{language:?} {}: not frozen at build time",
                    clause.id
                );
            }
        }
    }
}
