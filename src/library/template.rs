//! Templates: checks a compiled clause body against the declarations (every path declared,
//! every helper known, no raw `{{{ }}}`) and that every `{{section "id"}}` names a clause.

use std::collections::BTreeSet;

use handlebars::template::{Parameter, Template, TemplateElement};

use super::{BodyOrigin, Clause};
use crate::error::Diagnostic;
use crate::model::{Condition, Question, Type};

/// The Handlebars helpers clause bodies may call (registered by the render stage).
pub(crate) const HELPERS: &[&str] = &[
    "money",
    "percent",
    "date",
    "words",
    "percent_of",
    "times",
    "minus",
    "currency",
    "section",
];

/// The block helpers clause bodies may use.
const BLOCK_HELPERS: &[&str] = &["if", "unless", "when", "each"];
/// Handlebars' syntax errors in words a clause author knows.
pub(crate) fn template_syntax_message(reason: &str) -> String {
    // pest, Handlebars' parser, lists every rule it could have matched
    // ("expected escape, expression, html_expression, …"): words about the grammar, not
    // about the clause. The tag is shown by the caret; say how a tag is written.
    if reason.contains("html_expression") || reason.contains("raw_block") {
        return "template error: this `{{ }}` is not a Handlebars tag; write `{{key}}`, `{{helper key}}` or `{{#if key}}…{{/if}}` (a literal `{{` as `\\{{`)".into();
    }
    let reason = reason
        .replace("invalid handlebars syntax", "invalid Handlebars syntax")
        .replace("trailing_tilde_to_omit_whitespace", "`}}`")
        .replace("helper_parameter", "an argument")
        .replace("identifier", "a name");
    format!("template error: {reason}")
}

/// The first problem of `body`'s Handlebars tags that Handlebars itself would report only
/// as a grammar error at the end of the body: a `{{` never closed, a block (`{{#if}}`) never
/// closed, or a closing tag that matches no open block. Each is placed at the tag it is about
/// (1-based line and column of the body), so that an unclosed `{{#if` names its own line;
/// `first_line` is the file line of the body's first line, for messages that name another tag.
pub(crate) fn unbalanced_tags(body: &str, first_line: usize) -> Option<(usize, usize, String)> {
    let file_line = |line: usize| first_line + line - 1;
    let mut open: Vec<(String, usize, usize)> = Vec::new();
    let mut rest = body;
    let mut consumed = 0;
    while let Some(start) = rest.find("{{") {
        let at = position(body, consumed + start);
        let tag = &rest[start..];
        let comment = tag.starts_with("{{!--") || tag.starts_with("{{~!--");
        let close = if comment { "--}}" } else { "}}" };
        let Some(end) = tag.find(close).map(|e| e + close.len()) else {
            return Some((at.0, at.1, "`{{` is never closed with `}}`".to_owned()));
        };
        let inner = tag[..end]
            .trim_start_matches('{')
            .trim_end_matches('}')
            .trim_matches('~')
            .trim();
        if let Some(name) = inner.strip_prefix('#').or_else(|| inner.strip_prefix('^')) {
            let name = name.trim_start_matches(['>', '*']).trim_start();
            let name: String = name
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '~')
                .collect();
            open.push((name, at.0, at.1));
        } else if let Some(name) = inner.strip_prefix('/') {
            let name = name.trim();
            match open.pop() {
                Some((opened, ..)) if opened == name => {}
                Some((opened, line, column)) => {
                    return Some((
                        at.0,
                        at.1,
                        format!(
                            "`{{{{/{name}}}}}` closes `{{{{#{opened}}}}}`, which opened at line {}, column {column}; close it with `{{{{/{opened}}}}}` first",
                            file_line(line)
                        ),
                    ));
                }
                None => {
                    return Some((
                        at.0,
                        at.1,
                        format!(
                            "`{{{{/{name}}}}}` closes no block: no `{{{{#{name}}}}}` is open here"
                        ),
                    ));
                }
            }
        }
        consumed += start + end;
        rest = &tag[end..];
    }
    open.pop().map(|(name, line, column)| {
        (
            line,
            column,
            format!("`{{{{#{name}` opened here is never closed: add `{{{{/{name}}}}}` where the block ends"),
        )
    })
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The deepest a body may nest `{{#if}}` blocks, or `( )` subexpressions within one `{{ }}`:
/// Handlebars parses and renders them recursively, and a few thousand levels overflow the stack.
pub(crate) const MAX_TEMPLATE_DEPTH: usize = 32;

/// Where `body` first nests deeper than [`MAX_TEMPLATE_DEPTH`] (1-based line and column), and
/// the message for it; checked before Handlebars sees the body.
pub(crate) fn too_deep(body: &str) -> Option<(usize, usize, String)> {
    // Every marker is ASCII, so the body is walked as bytes; columns count characters (a
    // UTF-8 continuation byte starts no character).
    let bytes = body.as_bytes();
    let (mut blocks, mut parens, mut in_tag) = (0usize, 0usize, false);
    let (mut line, mut column) = (1, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
            column = 0;
            i += 1;
            continue;
        }
        if b & 0xC0 != 0x80 {
            column += 1;
        }
        let next = bytes.get(i + 1).copied();
        if !in_tag && b == b'{' && next == Some(b'{') {
            in_tag = true;
            parens = 0;
            let here = column;
            column += 1;
            // `{{#if` and `{{~#if` open a block; `{{/if` closes one.
            let mut sigil = bytes.get(i + 2).copied();
            if sigil == Some(b'~') {
                sigil = bytes.get(i + 3).copied();
            }
            match sigil {
                Some(b'#') => {
                    blocks += 1;
                    if blocks > MAX_TEMPLATE_DEPTH {
                        return Some((
                            line,
                            here,
                            format!("blocks nest at most {MAX_TEMPLATE_DEPTH} deep"),
                        ));
                    }
                }
                Some(b'/') => blocks = blocks.saturating_sub(1),
                _ => {}
            }
            i += 2;
            continue;
        }
        if in_tag && b == b'}' && next == Some(b'}') {
            in_tag = false;
        } else if in_tag && b == b'(' {
            parens += 1;
            if parens > MAX_TEMPLATE_DEPTH {
                return Some((
                    line,
                    column,
                    format!("subexpressions `( )` nest at most {MAX_TEMPLATE_DEPTH} deep"),
                ));
            }
        } else if in_tag && b == b')' {
            parens = parens.saturating_sub(1);
        }
        i += 1;
    }
    None
}

/// Walks a compiled body: every path declared, every helper known, no raw `{{{ }}}`.
pub(crate) fn check_template<'q>(
    template: &Template,
    body: &str,
    origin: &BodyOrigin,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines: Vec<&str> = body.lines().collect();
    for (element, mapping) in template.elements.iter().zip(&template.mapping) {
        let (line, column) = (mapping.0, mapping.1);
        // Finds `needle` on the element's line at or after its column, for a precise caret.
        let locate = |needle: &str| -> (usize, usize) {
            let line_text = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
            let start = line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
            match line_text[start..].find(needle) {
                Some(byte) => (line, line_text[..start + byte].chars().count() + 1),
                None => (line, column),
            }
        };
        let report = |needle: &str, message: String, diagnostics: &mut Vec<Diagnostic>| {
            let (l, c) = locate(needle);
            diagnostics.push(
                origin
                    .diagnostic(l, c, message)
                    .with_width(needle.chars().count()),
            );
        };
        match element {
            TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
            TemplateElement::HtmlExpression(helper) => {
                let shown = helper.name.as_name().unwrap_or("");
                report(
                    "{{{",
                    format!(
                        "`{{{{{{{shown}}}}}}}` would insert the value unescaped; write `{{{{{shown}}}}}`"
                    ),
                    diagnostics,
                );
            }
            TemplateElement::Expression(helper) | TemplateElement::HelperBlock(helper) => {
                let is_block = matches!(element, TemplateElement::HelperBlock(_));
                let name = helper.name.as_name().unwrap_or("");
                let bare = helper.params.is_empty() && helper.hash.is_empty() && !is_block;
                if bare && !HELPERS.contains(&name) {
                    check_value_path(name, &report, lookup, used, diagnostics);
                } else {
                    let known = if is_block {
                        BLOCK_HELPERS.contains(&name)
                    } else {
                        HELPERS.contains(&name)
                    };
                    if !known {
                        let mut allowed: Vec<&str> = if is_block {
                            BLOCK_HELPERS.to_vec()
                        } else {
                            HELPERS.to_vec()
                        };
                        allowed.sort_unstable();
                        report(
                            name,
                            format!(
                                "unknown {}helper `{name}`; the {}helpers are {}",
                                if is_block { "block " } else { "" },
                                if is_block { "block " } else { "" },
                                allowed
                                    .iter()
                                    .map(|h| format!("`{h}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            diagnostics,
                        );
                    }
                    check_params(name, &helper.params, &report, lookup, used, diagnostics);
                    // `section` alone takes one: `titled=true` cites the section by number and
                    // title.
                    let titled_section = name == "section"
                        && helper.hash.len() == 1
                        && matches!(
                            helper.hash.get("titled"),
                            Some(Parameter::Literal(serde_json::Value::Bool(true)))
                        );
                    if !helper.hash.is_empty() && !titled_section {
                        let message = if name == "section" {
                            "`section` takes one named argument, `titled=true`".to_owned()
                        } else {
                            format!("`{name}` takes no named arguments")
                        };
                        report(name, message, diagnostics);
                    }
                }
                check_blocks(helper, is_block, body, origin, lookup, used, diagnostics);
            }
            _ => {
                report(
                    "{{",
                    "partials and decorators are not available in clause bodies".into(),
                    diagnostics,
                );
            }
        }
    }
}

/// The blocks of a helper: inside `{{#each list}}`, `this.field` (or `field`) is a field of
/// the record; everywhere else the declarations alone.
fn check_blocks<'q>(
    helper: &handlebars::template::HelperTemplate,
    is_block: bool,
    body: &str,
    origin: &BodyOrigin,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = helper.name.as_name().unwrap_or("");
    let list = (is_block && name == "each")
        .then(|| helper.params.first().and_then(Parameter::as_name))
        .flatten()
        .and_then(|path| lookup(&path.replace('/', ".")))
        .filter(|q| q.ty == Type::List);
    let in_record = |key: &str| {
        list.and_then(|list| list.field(key.strip_prefix("this.").unwrap_or(key)))
            .or_else(|| lookup(key))
    };
    let inner_lookup: &dyn Fn(&str) -> Option<&'q Question> =
        if list.is_some() { &in_record } else { lookup };
    check_template_body(
        helper.template.as_ref(),
        body,
        origin,
        inner_lookup,
        used,
        diagnostics,
    );
    check_template_body(
        helper.inverse.as_ref(),
        body,
        origin,
        lookup,
        used,
        diagnostics,
    );
}

fn check_template_body<'q>(
    template: Option<&Template>,
    body: &str,
    origin: &BodyOrigin,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(template) = template {
        check_template(template, body, origin, lookup, used, diagnostics);
    }
}

fn check_params<'q>(
    helper: &str,
    params: &[Parameter],
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let expected = match helper {
        "money" | "percent" | "date" | "words" | "currency" | "section" | "if" | "unless"
        | "when" | "each" => Some(1),
        "percent_of" | "times" | "minus" => Some(2),
        _ => None,
    };
    if let Some(expected) = expected
        && params.len() != expected
    {
        report(
            helper,
            format!(
                "`{helper}` takes {expected} argument{}, not {}",
                if expected == 1 { "" } else { "s" },
                params.len()
            ),
            diagnostics,
        );
    }
    for param in params {
        match param {
            Parameter::Literal(serde_json::Value::String(source)) if helper == "when" => {
                check_block_condition(source, report, lookup, used, diagnostics);
            }
            Parameter::Path(_) | Parameter::Name(_) if helper == "when" => {
                let path = param.as_name().unwrap_or("");
                report(
                    path,
                    format!("`when` takes a condition in quotes: {{{{#when '{path}'}}}}"),
                    diagnostics,
                );
            }
            Parameter::Path(_) | Parameter::Name(_) => {
                let path = param.as_name().unwrap_or("");
                if helper == "section" {
                    report(
                        path,
                        format!(
                            "`section` takes a clause id in quotes: {{{{section \"{path}\"}}}}"
                        ),
                        diagnostics,
                    );
                } else {
                    check_path(path, report, lookup, used, diagnostics);
                    let key = path.replace('/', ".");
                    let is_list = lookup(&key).is_some_and(|q| q.ty == Type::List);
                    if helper == "each" && !is_list && lookup(&key).is_some() {
                        report(
                            path,
                            format!("`each` goes through a list, and `{path}` is not one"),
                            diagnostics,
                        );
                    } else if helper != "each" && helper != "if" && helper != "unless" && is_list {
                        report(
                            path,
                            format!(
                                "`{path}` is a list; go through its records with {{{{#each {path}}}}}"
                            ),
                            diagnostics,
                        );
                    }
                }
            }
            Parameter::Subexpression(sub) => {
                let name = sub.name();
                if !HELPERS.contains(&name) {
                    report(name, format!("unknown helper `{name}`"), diagnostics);
                }
                check_params(
                    name,
                    sub.params().map_or(&[][..], Vec::as_slice),
                    report,
                    lookup,
                    used,
                    diagnostics,
                );
            }
            _ => {}
        }
    }
}

/// A `{{#when '…'}}` block's condition: parsed and type-checked like a clause's `when`, its keys
/// counted as used.
fn check_block_condition<'q>(
    source: &str,
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match Condition::parse(source) {
        Err(error) => report(source, format!("in `when`: {}", error.message), diagnostics),
        Ok(condition) => {
            for error in condition.check(lookup) {
                report(source, format!("in `when`: {}", error.message), diagnostics);
            }
            for (key, _) in condition.keys() {
                if lookup(key).is_some() {
                    used.insert(key.to_owned());
                }
            }
        }
    }
}

/// A path printed as a value (`{{client.name}}`): declared, and not a list.
fn check_value_path<'q>(
    path: &str,
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    check_path(path, report, lookup, used, diagnostics);
    if lookup(&path.replace('/', ".")).is_some_and(|q| q.ty == Type::List) {
        report(
            path,
            format!("`{path}` is a list; go through its records with {{{{#each {path}}}}}"),
            diagnostics,
        );
    }
}

fn check_path<'q>(
    path: &str,
    report: &dyn Fn(&str, String, &mut Vec<Diagnostic>),
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let key = path.replace('/', ".");
    if lookup(&key).is_some() {
        used.insert(key);
    } else {
        report(
            path,
            format!("`{path}` is not declared in library.yaml"),
            diagnostics,
        );
    }
}

/// Every `{{section "id"}}` must name a clause of the library.
pub(crate) fn check_cross_references(
    clauses: &[Clause],
    failed: &super::Unloaded,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ids: BTreeSet<&str> = clauses
        .iter()
        .map(|c| c.id.as_str())
        .chain(failed.ids.iter().map(String::as_str))
        .collect();
    for clause in clauses {
        for (target, line, column) in section_references(&clause.template) {
            if !ids.contains(target.as_str()) && !failed.covers(&target) {
                let line_text = clause
                    .body
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("");
                let column = line_text
                    .find(&format!("\"{target}\""))
                    .map_or(column, |byte| line_text[..byte].chars().count() + 1);
                let message = format!("`section \"{target}\"` refers to no clause of this library");
                let mut diagnostic = clause
                    .origin
                    .diagnostic(line, column, message)
                    .with_width(target.chars().count() + 2);
                if let Some(close) = ids
                    .iter()
                    .map(|id| (strsim::jaro_winkler(id, &target), id))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{}`?", close.1));
                }
                diagnostics.push(diagnostic);
            }
        }
    }
}

/// The clause ids a template refers to with `section`, with their body positions.
#[must_use]
pub(crate) fn section_references(template: &Template) -> Vec<(String, usize, usize)> {
    let mut references = Vec::new();
    section_references_into(template, &mut references);
    references
}

fn section_references_into(template: &Template, out: &mut Vec<(String, usize, usize)>) {
    for (element, mapping) in template.elements.iter().zip(&template.mapping) {
        if let TemplateElement::Expression(helper) | TemplateElement::HelperBlock(helper) = element
        {
            if helper.name.as_name() == Some("section")
                && let Some(Parameter::Literal(serde_json::Value::String(id))) =
                    helper.params.first()
            {
                out.push((id.clone(), mapping.0, mapping.1));
            }
            for inner in [&helper.template, &helper.inverse].into_iter().flatten() {
                section_references_into(inner, out);
            }
        }
    }
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn deep_nesting_is_found_where_it_goes_too_deep() {
        let subexpressions = format!(
            "x\n{{{{upper {}a{}}}}}",
            "(upper ".repeat(1500),
            ")".repeat(1500)
        );
        let (line, column, message) = too_deep(&subexpressions).unwrap();
        assert_eq!((line, column), (2, 9 + 7 * 32));
        assert!(message.contains("nest at most 32 deep"));
        let blocks = "{{#if a}}".repeat(40) + &"{{/if}}".repeat(40);
        assert_eq!(too_deep(&blocks).unwrap().1, 1 + 9 * 32);
        let fine = "{{#if a}}".repeat(32) + &"{{/if}}".repeat(32) + &"{{#if a}}{{/if}}".repeat(100);
        assert_eq!(too_deep(&fine), None);
    }
}
