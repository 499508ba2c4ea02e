//! Clauses: takes a clause file and returns its [`Clause`] (checked id, order, condition and
//! compiled body), the keys it uses and every problem in it.

use std::collections::BTreeSet;
use std::sync::Arc;

use handlebars::template::Template;
use serde_saphyr::Spanned;

use super::raw::RawClause;
use super::template::{check_template, template_syntax_message};
use super::{
    BodyOrigin, Checks, Clause, Compiled, SourceFile, condition_diagnostics, is_kebab, read_yaml,
};
use crate::error::Diagnostic;
use crate::model::Question;

/// What loading one clause file gives: the clause (or the id it had), its diagnostics and the
/// keys it uses.
pub(crate) type ClauseOutcome = (
    Result<Clause, Option<String>>,
    Vec<Diagnostic>,
    BTreeSet<String>,
);

/// A clause file read as YAML (`None` when it could not be), with the problems reading found.
pub(crate) type Read = (Option<RawClause>, Vec<Diagnostic>);

/// Reads clause files as YAML, one after the other: the part of loading a clause that needs
/// no declaration, so it can run while `library.yaml` is read (see [`super::load_with`]).
pub(crate) fn read_all(files: &[&SourceFile]) -> Vec<Read> {
    files.iter().map(|file| read(file)).collect()
}

fn read(file: &SourceFile) -> Read {
    let mut diagnostics = Vec::new();
    let raw = read_yaml::<RawClause>(file, &mut diagnostics);
    (raw, diagnostics)
}

/// Loads clause files on every core: compiling Handlebars templates dominates loading time.
/// `read` gives the files already read as YAML, in order; `None` reads them here.
pub(crate) fn load_clauses<'q>(
    files: &[&SourceFile],
    read: Option<Vec<Read>>,
    lookup: &(dyn Fn(&str) -> Option<&'q Question> + Sync),
    checks: Checks,
) -> Vec<ClauseOutcome> {
    // Asked once: on Linux the answer comes from reading the cgroup's files.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let one = |(file, read): (&SourceFile, Option<Read>)| {
        let (raw, mut diagnostics) = read.unwrap_or_else(|| self::read(file));
        let mut used = BTreeSet::new();
        let result = load_clause(file, raw, lookup, checks, &mut used, &mut diagnostics);
        (result, diagnostics, used)
    };
    let mut jobs: Vec<(&SourceFile, Option<Read>)> = match read {
        Some(read) => files
            .iter()
            .copied()
            .zip(read.into_iter().map(Some))
            .collect(),
        None => files.iter().map(|f| (*f, None)).collect(),
    };
    let threads = *THREADS
        .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    // Below a few files a thread costs more than it saves.
    if threads < 2 || jobs.len() < 8 {
        return jobs.into_iter().map(one).collect();
    }
    let chunk = jobs.len().div_ceil(threads);
    let mut parts = Vec::new();
    while !jobs.is_empty() {
        let rest = jobs.split_off(chunk.min(jobs.len()));
        parts.push(std::mem::replace(&mut jobs, rest));
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The id a clause file gives on a top-level `id:` line, read as a line when the file as a
/// whole is not valid YAML: `id: late-fee`, `id: "late-fee"  # comment`.
pub(crate) fn written_id(text: &str) -> Option<String> {
    let value = text.lines().find_map(|line| line.strip_prefix("id:"))?;
    let value = value.split(" #").next().unwrap_or(value).trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    is_kebab(value).then(|| value.to_owned())
}

fn load_clause<'q>(
    file: &SourceFile,
    raw: Option<RawClause>,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    checks: Checks,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Clause, Option<String>> {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let Some(raw) = raw else {
        // The file's own error is reported; its id, if a line gives it, keeps references to
        // the clause from being reported as broken too.
        return Err(written_id(text));
    };
    let before = diagnostics.len();
    let id = raw.id.value.clone();
    if !is_kebab(&id) {
        diagnostics.push(
            Diagnostic::spanned(name, text, &raw.id, format!("the id `{id}` is not kebab-case (lower-case words joined by `-`, such as `kill-fee`)"),
            )
            .with_width(id.chars().count()),
        );
    }
    if raw.title.value.trim().is_empty() {
        diagnostics.push(Diagnostic::spanned(
            name,
            text,
            &raw.title,
            "the title is empty".into(),
        ));
    }
    let when = raw.when.as_ref().and_then(|when| {
        let condition = condition_diagnostics(
            name,
            text,
            when.referenced.line() as usize,
            when.referenced.column() as usize,
            &when.value,
            lookup,
            diagnostics,
            |k| format!("`{k}` is not declared in library.yaml"),
        )?;
        used.extend(condition.keys().into_iter().map(|(k, _)| k.to_owned()));
        Some(condition)
    });
    // Shared by the clause and its template.
    let body: Arc<str> = raw.body.value.into();
    let leading_newlines = body.chars().take_while(|c| *c == '\n').count();
    let origin = BodyOrigin {
        file: name.to_owned(),
        text: text.into(),
        line: (raw.body.referenced.line() as usize).saturating_sub(leading_newlines),
        indent: (raw.body.referenced.column() as usize).saturating_sub(1),
    };
    let summary = raw
        .summary
        .map(|summary| checked_summary(&summary, name, text, diagnostics));
    if body.trim().is_empty() {
        diagnostics.push(Diagnostic::error(
            name,
            text,
            raw.body.referenced.line() as usize,
            raw.body.referenced.column() as usize,
            "the body is empty".into(),
        ));
    }
    let template = match checks {
        Checks::All => Compiled::now(
            Arc::clone(&body),
            compiled_and_checked(&body, &origin, lookup, used, diagnostics)
                .ok_or_else(|| Some(id.clone()))?,
        ),
        Checks::Trusted => Compiled::later(Arc::clone(&body)),
    };
    if diagnostics.len() > before {
        return Err(Some(id));
    }
    Ok(Clause {
        id,
        title: raw.title.value.trim().to_owned(),
        order: raw.order.value,
        when,
        numbered: raw.numbered,
        keep_together: raw.keep_together,
        signatures: raw.signatures,
        summary,
        template,
        body,
        origin,
    })
}

/// The body compiled, with every problem in it reported: nesting too deep, tags that do not
/// balance, a syntax error, undeclared keys and unknown helpers, Markdown that would not
/// render as meant. `None` when it does not compile.
fn compiled_and_checked<'q>(
    body: &str,
    origin: &BodyOrigin,
    lookup: &dyn Fn(&str) -> Option<&'q Question>,
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Template> {
    if let Some((line, column, message)) = super::template::too_deep(body)
        .or_else(|| super::template::unbalanced_tags(body, origin.line))
    {
        diagnostics.push(origin.diagnostic(line, column, message));
        return None;
    }
    let template = match super::frozen::compile(body) {
        Ok(template) => template,
        Err(error) => {
            let (line, column) = error.pos().unwrap_or((1, 1));
            let reason = error.reason().to_string();
            diagnostics.push(origin.diagnostic(line, column, template_syntax_message(&reason)));
            return None;
        }
    };
    check_template(&template, body, origin, lookup, used, diagnostics);
    for (line, column, width, message) in super::markdown_problems(body) {
        diagnostics.push(origin.diagnostic(line, column, message).with_width(width));
    }
    Some(template)
}

/// A clause's `summary:`, its whitespace folded to single spaces; an empty one, or one with
/// Handlebars in it (a summary is plain text), is reported at its line.
fn checked_summary(
    summary: &Spanned<String>,
    name: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let folded = summary
        .value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let problem = if folded.is_empty() {
        Some("the summary is empty; give a sentence or two, or leave the field out")
    } else if folded.contains("{{") {
        Some("the summary is plain text: it takes no `{{ }}`")
    } else {
        None
    };
    if let Some(problem) = problem {
        diagnostics.push(Diagnostic::error(
            name,
            text,
            summary.referenced.line() as usize,
            summary.referenced.column() as usize,
            problem.into(),
        ));
    }
    folded
}
