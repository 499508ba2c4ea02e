//! Folding: compiles a Handlebars body as Handlebars would, in a fraction of the time.
//!
//! Handlebars' parser walks raw text one character at a time, and computes the line and column
//! of every element by counting from the start of the body; the prose of a clause is most of
//! its characters, so it is most of the cost of loading a library. [`compile`] first folds each
//! run of prose between two tags into a short marker (`\u{E000}7\u{E001}`), compiles the folded
//! body, then puts each run back into the raw text it landed in and moves every element's line
//! and column back to where it is in the body as written.
//!
//! Only the non-blank middle of a run is folded: the whitespace at its ends stays, so
//! Handlebars' standalone lines and `~` whitespace control see exactly what they would see in
//! the body as written. A body the folding cannot be sure of (one holding a marker character,
//! an escaped `\{{`, a comment or a raw block), or whose markers do not all come back, is
//! compiled as written.

use handlebars::TemplateError;
use handlebars::template::{Template, TemplateElement};

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// One folded run: where it starts in the body as written (1-based line and column, in
/// characters), how many characters it had there and has in the folded body, and its text.
struct Run<'a> {
    line: usize,
    column: usize,
    folded_column: usize,
    original_len: usize,
    folded_len: usize,
    text: &'a str,
}

/// Compiles `body` as [`Template::compile`] does, positions included.
pub(crate) fn compile(body: &str) -> Result<Template, TemplateError> {
    let unsure = ["\\{{", "{{!", "{{~!", "{{{{"];
    if body.contains([OPEN, CLOSE]) || unsure.iter().any(|s| body.contains(s)) {
        return Template::compile(body);
    }
    let (folded, runs) = fold(body);
    if runs.is_empty() {
        return Template::compile(body);
    }
    // A syntax error is reported from the body as written, at its own position.
    let Ok(mut template) = Template::compile(&folded) else {
        return Template::compile(body);
    };
    let mut restored = 0;
    unfold(&mut template, &runs, &mut restored);
    if restored == runs.len() {
        Ok(template)
    } else {
        Template::compile(body)
    }
}

/// The body with each run of prose folded, and the runs.
fn fold(body: &str) -> (String, Vec<Run<'_>>) {
    let mut folded = String::with_capacity(body.len() / 4);
    let mut runs = Vec::new();
    let (mut line, mut column, mut folded_column) = (1, 1, 1);
    let mut rest = body;
    loop {
        // The prose up to the next tag (or the end), then the tag itself, copied as written.
        let prose_end = rest.find("{{").unwrap_or(rest.len());
        let (prose, after) = rest.split_at(prose_end);
        for piece in prose.split_inclusive('\n') {
            let content = piece.trim_end_matches('\n');
            let lead = content.len() - content.trim_start().len();
            let core = content.trim();
            let long = core.chars().count() > 12;
            if long {
                let lead_text = &content[..lead];
                let lead_chars = lead_text.chars().count();
                folded.push_str(lead_text);
                let marker = format!("{OPEN}{}{CLOSE}", runs.len());
                let original_len = core.chars().count();
                let folded_len = marker.chars().count();
                runs.push(Run {
                    line,
                    column: column + lead_chars,
                    folded_column: folded_column + lead_chars,
                    original_len,
                    folded_len,
                    text: core,
                });
                folded.push_str(&marker);
                let trail = &content[lead + core.len()..];
                folded.push_str(trail);
                let trail_chars = trail.chars().count();
                column += lead_chars + original_len + trail_chars;
                folded_column += lead_chars + folded_len + trail_chars;
            } else {
                folded.push_str(content);
                let chars = content.chars().count();
                column += chars;
                folded_column += chars;
            }
            if piece.ends_with('\n') {
                folded.push('\n');
                line += 1;
                column = 1;
                folded_column = 1;
            }
        }
        if after.is_empty() {
            break;
        }
        let tag_end = after.find("}}").map_or(after.len(), |i| {
            // `}}}` closes `{{{`; take every brace of the closing run.
            let braces = after[i..].chars().take_while(|c| *c == '}').count();
            i + braces
        });
        let (tag, remaining) = after.split_at(tag_end);
        folded.push_str(tag);
        for piece in tag.split_inclusive('\n') {
            if piece.ends_with('\n') {
                line += 1;
                column = 1;
                folded_column = 1;
            } else {
                let chars = piece.chars().count();
                column += chars;
                folded_column += chars;
            }
        }
        rest = remaining;
    }
    (folded, runs)
}

/// Puts every run back into the raw text of `template` (and of its blocks), and moves every
/// position back to the body as written; counts the runs restored.
fn unfold(template: &mut Template, runs: &[Run<'_>], restored: &mut usize) {
    for mapping in &mut template.mapping {
        mapping.1 = original_column(mapping.0, mapping.1, runs);
    }
    for element in &mut template.elements {
        match element {
            TemplateElement::RawString(text) if text.contains(OPEN) => {
                *text = restore(text, runs, restored);
            }
            TemplateElement::HelperBlock(helper) => {
                for inner in [&mut helper.template, &mut helper.inverse]
                    .into_iter()
                    .flatten()
                {
                    unfold(inner, runs, restored);
                }
            }
            _ => {}
        }
    }
}

/// `text` with each marker replaced by its run.
fn restore(text: &str, runs: &[Run<'_>], restored: &mut usize) -> String {
    let mut out = String::with_capacity(text.len() * 8);
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            out.push_str(&rest[start..]);
            return out;
        };
        match after[..end].parse::<usize>().ok().and_then(|n| runs.get(n)) {
            Some(run) => {
                out.push_str(run.text);
                *restored += 1;
            }
            None => out.push_str(&rest[start..start + OPEN.len_utf8() + end + CLOSE.len_utf8()]),
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Where a column of a line of the folded body is in the body as written (lines do not move).
fn original_column(line: usize, column: usize, runs: &[Run<'_>]) -> usize {
    let mut shift: isize = 0;
    for run in runs.iter().filter(|r| r.line == line) {
        if column >= run.folded_column + run.folded_len {
            shift += run.original_len.cast_signed() - run.folded_len.cast_signed();
        } else if column >= run.folded_column {
            // Inside a marker: the run's start.
            return run.column;
        }
    }
    column.saturating_add_signed(shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a template holds, positions included, for comparing two compilations.
    fn shape(template: &Template) -> String {
        format!("{:?}", (&template.elements, &template.mapping))
    }

    #[test]
    fn folding_gives_the_template_handlebars_gives() {
        let bodies = [
            "The Client pays {{money fees.total}} within {{words payment.due_days}} days, as agreed between the parties.\n\nA second paragraph of prose that runs on for a while.",
            "{{#if project.proposal}}The Designer’s proposal {{project.proposal}} (the “**Proposal**”) is attached.\n\n{{/if}}Work starts on {{date project.start}}, or later once the Deposit has cleared.",
            "Lead line of prose that is long enough to fold\n  {{#when 'a > 0'}}\n  Indented prose inside a standalone block, long enough.\n  {{/when}}\nTrailing prose after the block, long enough to fold.",
            "Whitespace control keeps working for long prose   {{~#if a}}   inside the block with more words  {{~/if~}}   and after it, more words here.",
            "{{{raw.value}}} then long prose after a triple-brace tag, to be folded away.",
            "Accents and “quotes” — ünïcödé prose — before {{x}} and after it: çğış long enough.",
        ];
        for body in bodies {
            let expected = Template::compile(body).unwrap();
            let got = compile(body).unwrap();
            assert_eq!(shape(&got), shape(&expected), "{body}");
        }
    }

    #[test]
    fn every_built_in_clause_compiles_as_handlebars_compiles_it() {
        let library = crate::library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap();
        for clause in library.clauses.iter() {
            let expected = Template::compile(&clause.body).unwrap();
            assert_eq!(shape(&clause.template), shape(&expected), "{}", clause.id);
            assert!(
                fold(&clause.body).0.len() < clause.body.len(),
                "{}",
                clause.id
            );
        }
    }

    #[test]
    fn a_body_it_cannot_be_sure_of_is_compiled_as_written() {
        for body in [
            "Literal \\{{braces}} in long prose that would otherwise be folded.",
            "A marker \u{E000}0\u{E001} already in the long prose of the body.",
            "{{!-- a comment }} with long prose inside it --}} and long prose after it.",
        ] {
            let expected = Template::compile(body).unwrap();
            assert_eq!(shape(&compile(body).unwrap()), shape(&expected), "{body}");
        }
    }

    #[test]
    fn a_syntax_error_is_where_it_is_in_the_body() {
        let body = "Long prose before the error, long enough to fold.\nMore long prose, then {{#if a}} and no end";
        let expected = Template::compile(body).unwrap_err();
        let got = compile(body).unwrap_err();
        assert_eq!(got.pos(), expected.pos());
    }
}
