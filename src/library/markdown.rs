//! Library text as Markdown: takes a clause or letter body (its Handlebars tags masked, so
//! offsets stay those of the file) and returns what would leak out of it or out of the PDF,
//! each at its body line and column: a code fence left open (it would swallow every later
//! clause), raw HTML (kept in the Markdown, dropped by the PDF), a link reference definition
//! (it would resolve links in other clauses), a tab (the PDF sets none) and block quotes or
//! lists nested deeper than the PDF sets them.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

/// The deepest block quotes and lists may nest in library text: the PDF indents each level,
/// and a few levels already leave a narrow column.
pub(crate) const MAX_MARKDOWN_NESTING: usize = 4;

/// One problem of a body: 1-based line and column in the body, how many characters to
/// underline, and the message.
pub(crate) type TextProblem = (usize, usize, usize, String);

/// Every problem of `body` as Markdown standing on its own.
#[must_use]
pub(crate) fn markdown_problems(body: &str) -> Vec<TextProblem> {
    let masked = mask_tags(body);
    let mut problems = Vec::new();
    for (index, line) in body.lines().enumerate() {
        if let Some(column) = line.find('\t') {
            problems.push((
                index + 1,
                line[..column].chars().count() + 1,
                1,
                "a tab in library text: the PDF sets no tabs, so write spaces instead".into(),
            ));
        }
    }
    let at = |offset: usize| position(&masked, offset);
    let mut parser = Parser::new_ext(&masked, Options::ENABLE_TABLES).into_offset_iter();
    let (mut quotes, mut lists) = (0usize, 0usize);
    for (event, range) in parser.by_ref() {
        let (line, column) = at(range.start);
        let width = masked[range.clone()]
            .lines()
            .next()
            .map_or(1, |l| l.trim_end().chars().count());
        match event {
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => {
                problems.push((
                    line,
                    column,
                    width,
                    "raw HTML in library text: the PDF cannot show it; write the text itself (a `<` as `\\<`)".into(),
                ));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quotes += 1;
                if quotes > MAX_MARKDOWN_NESTING {
                    problems.push((
                        line,
                        column,
                        1,
                        format!("block quotes nest {quotes} deep here; the PDF sets at most {MAX_MARKDOWN_NESTING} levels"),
                    ));
                }
            }
            Event::End(pulldown_cmark::TagEnd::BlockQuote(_)) => quotes -= 1,
            Event::Start(Tag::List(_)) => {
                lists += 1;
                if lists > MAX_MARKDOWN_NESTING {
                    problems.push((
                        line,
                        column,
                        1,
                        format!("lists nest {lists} deep here; the PDF sets at most {MAX_MARKDOWN_NESTING} levels"),
                    ));
                }
            }
            Event::End(pulldown_cmark::TagEnd::List(_)) => lists -= 1,
            Event::Start(Tag::Image { .. }) => problems.push((
                line,
                column,
                width,
                "an image in library text: the PDF shows no images; write the words instead".into(),
            )),
            _ => {}
        }
    }
    for (_, definition) in parser.reference_definitions().iter() {
        let (line, column) = at(definition.span.start);
        let width = masked[definition.span.clone()]
            .lines()
            .next()
            .map_or(1, |l| l.trim_end().chars().count());
        problems.push((
            line,
            column,
            width,
            "a link reference definition (`[name]: address`) would resolve links in other clauses too; write the link in place, `[text](address)`".into(),
        ));
    }
    if let Some((offset, fence)) = left_open(&masked) {
        let (line, column) = at(offset);
        let width = masked[offset..]
            .lines()
            .next()
            .map_or(1, |l| l.trim_end().chars().count());
        let message = if fence {
            "this code fence is never closed: it would swallow every later clause; end it with the same fence (indented by at most three spaces)"
        } else {
            "this block is never closed: it would swallow every later clause"
        };
        // Raw HTML is refused on its own already, at the same place.
        if !problems.iter().any(|p| (p.0, p.1) == (line, column)) {
            problems.push((line, column, width, message.into()));
        }
    }
    problems.sort();
    problems.dedup_by(|a, b| a.0 == b.0 && a.3 == b.3);
    problems
}

/// Whether a block of `masked` stays open past the body's end, as the contract would read it:
/// the next clause's heading follows each body after a blank line, so a block that takes that
/// heading in would swallow every later clause. Returns the block's start and whether it is a
/// fenced code block. Read this way, a closing fence indented by four spaces (code, not a
/// fence) is found as surely as a missing one.
fn left_open(masked: &str) -> Option<(usize, bool)> {
    let next = format!("{masked}\n\n## Next clause\n");
    let heading = masked.len() + 2;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(&next, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 && range.start < heading && range.end > heading {
                    let fence = matches!(tag, Tag::CodeBlock(CodeBlockKind::Fenced(_)));
                    return Some((range.start, fence));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// `body` with every Handlebars tag (`{{...}}`) masked, character for character and line for
/// line: an expression becomes `x`s (it renders as text), a block tag or comment spaces.
fn mask_tags(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = tag.find("}}").map_or(tag.len(), |e| {
            // `}}}` closes a triple-stash.
            let mut e = e + 2;
            while tag[e..].starts_with('}') {
                e += 1;
            }
            e
        });
        let inner = tag[..end].trim_start_matches('{').trim_start_matches('~');
        let fill = if inner.starts_with(['#', '/', '!', '^', '>']) || inner.starts_with("else") {
            ' '
        } else {
            'x'
        };
        for c in tag[..end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                for _ in 0..c.len_utf8() {
                    out.push(fill);
                }
            }
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(body: &str) -> Vec<String> {
        markdown_problems(body)
            .into_iter()
            .map(|(line, column, _, message)| format!("{line}:{column}: {message}"))
            .collect()
    }

    #[test]
    fn a_body_that_would_leak_into_the_others_is_refused_where_it_leaks() {
        assert_eq!(
            messages("Text.\n\n```\ncode never closed\n"),
            [
                "3:1: this code fence is never closed: it would swallow every later clause; end it with the same fence (indented by at most three spaces)"
            ]
        );
        assert!(messages("```\ncode\n```\n").is_empty());
        assert!(messages("~~~~\ncode\n~~~~~\n").is_empty());
        // A closing fence indented by four spaces is code, not a fence: the block stays open
        // (the spec's example 137; before, it swallowed the next four clauses).
        assert_eq!(
            messages("```\naaa\n    ```\n"),
            [
                "1:1: this code fence is never closed: it would swallow every later clause; end it with the same fence (indented by at most three spaces)"
            ]
        );
        assert!(messages("   ```\naaa\n   ```\n").is_empty());
        assert!(messages("- item\n\n      ```\n      code\n      ```\n").is_empty());
        assert_eq!(
            messages("Pay {{money fees.total}} <b>now</b>.\n")[0],
            "1:26: raw HTML in library text: the PDF cannot show it; write the text itself (a `<` as `\\<`)"
        );
        assert_eq!(
            messages("<div>\nhidden\n</div>\n")[0],
            "1:1: raw HTML in library text: the PDF cannot show it; write the text itself (a `<` as `\\<`)"
        );
        assert_eq!(
            messages("See [the law][law].\n\n[law]: https://example.com\n"),
            [
                "3:1: a link reference definition (`[name]: address`) would resolve links in other clauses too; write the link in place, `[text](address)`"
            ]
        );
        assert_eq!(
            messages("a\tb\n"),
            ["1:2: a tab in library text: the PDF sets no tabs, so write spaces instead"]
        );
        assert_eq!(
            messages("> > > > > deep\n"),
            ["1:9: block quotes nest 5 deep here; the PDF sets at most 4 levels"]
        );
        assert!(messages("> > > > four\n").is_empty());
    }

    #[test]
    fn handlebars_tags_are_not_markdown() {
        // `{{#if}}` and `{{/if}}` are neither text nor HTML; a value renders as text.
        assert!(messages("{{#if a}}Yes, {{client.name}}.{{else}}No.{{/if}}\n").is_empty());
        assert!(messages("Between {{freelancer.name}} and <{{client.email}}>.\n").len() == 1);
    }
}
