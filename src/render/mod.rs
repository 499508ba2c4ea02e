//! Rendering: takes an assembled [`Contract`] and the [`Answers`] and returns the contract as
//! one Markdown string.
//!
//! Clause bodies are Handlebars templates. Every value from the answers passes through
//! `escape`, so it lands in the contract literally, whatever characters it holds. The
//! helpers for money, percents, dates, numbers in words (worded by [`crate::format`]),
//! arithmetic and section references live here, registered once per render.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

use handlebars::template::Template;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    Renderable, ScopedJson,
};
use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::answers::Answers;
use crate::assemble::{self, Contract, SectionNumber, SectionNumbers};
use crate::error::{Diagnostic, Error};
use crate::format::{self, Locale};
use crate::library::{self, Clause};
use crate::model::keys::DEFAULT_CURRENCY;
use crate::model::{Condition, ConditionError};
use crate::prepare::Prepared;

#[cfg(test)]
mod tests;
/// Renders the whole contract, its own words spelled as the library writes them.
pub fn render(contract: &Contract<'_>, answers: &Answers, locale: Locale) -> Result<String, Error> {
    render_spelled(contract, answers, locale, false)
}

/// Renders the whole contract; with `american`, the library's own words (never an answer)
/// take American spelling (`licence` becomes `license`).
pub fn render_spelled(
    contract: &Contract<'_>,
    answers: &Answers,
    locale: Locale,
    american: bool,
) -> Result<String, Error> {
    Ok(join_parts(&render_parts(
        contract, answers, locale, american,
    )?))
}

/// The contract's Markdown in pieces: its title (`# ...`), then one piece per numbered or
/// unnumbered clause, heading and body. [`join_parts`] makes them the whole contract; a
/// bilingual contract sets the pieces of its two languages side by side.
pub fn render_parts(
    contract: &Contract<'_>,
    answers: &Answers,
    locale: Locale,
    american: bool,
) -> Result<Vec<String>, Error> {
    let registry = registry(contract.section_numbers(), locale, answers);
    let templates: Vec<&library::Compiled> =
        contract.parts.iter().map(|p| &p.clause.template).collect();
    // In American spelling, the library's own words (never an inserted value) are respelled.
    let respell = american.then_some(format::american as library::Respell);
    library::compile_all(&templates, respell);
    // One context for every clause.
    let data = Context::from(answers.to_json());
    let mut parts = Vec::with_capacity(contract.parts.len() + 1);
    parts.push(format!("# {}", escape(&contract.library.title)));
    let mut diagnostics = Vec::new();
    for part in &contract.parts {
        let clause = part.clause;
        let (template, title) = match respell {
            Some(respell) => (clause.template.respelled(respell), respell(&clause.title)),
            None => (&*clause.template, Cow::Borrowed(clause.title.as_str())),
        };
        let body = match render_template(&registry, clause, template, &data) {
            Ok(body) => body,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                continue;
            }
        };
        let title = escape(&title);
        let mut out = String::with_capacity(body.len() + 64);
        match part.number {
            Some(number) => {
                let _ = write!(out, "## {number}. {title}\n\n");
            }
            None => {
                let _ = write!(out, "## {title}\n\n");
            }
        }
        let body = if clause.signatures {
            format!("<!-- signatures -->\n\n{body}\n\n<!-- end signatures -->")
        } else {
            body
        };
        if clause.keep_together {
            let _ = write!(
                out,
                "<!-- keep-together -->\n\n{body}\n\n<!-- end keep-together -->"
            );
        } else {
            out.push_str(&body);
        }
        out.truncate(out.trim_end().len());
        parts.push(out);
    }
    if !diagnostics.is_empty() {
        return Err(Error::Diagnostics(diagnostics));
    }
    Ok(parts)
}

/// The rows of a bilingual contract: each clause's Markdown in the first language and in the
/// second.
pub type Rows = Vec<(String, String)>;

/// The contract's Markdown and, for a bilingual contract, its rows: each clause's piece in the
/// first language beside the same clause in the second. The Markdown gives each piece in the
/// first language and then in the second.
///
/// # Errors
/// A clause that fails to render, with its file and line.
pub fn contract(
    prepared: &Prepared,
    contract: &assemble::Contract<'_>,
) -> Result<(String, Option<Rows>), Error> {
    let first = || {
        render_parts(
            contract,
            &prepared.answers,
            prepared.locale(),
            prepared.american_spelling(),
        )
    };
    let (Some((library, answers)), Some(language)) =
        (&prepared.second, prepared.languages.second())
    else {
        return Ok((join_parts(&first()?), None));
    };
    let second = || {
        let second = assemble::assemble(library, answers);
        render_parts(&second, answers, prepared.locale_in(language), false)
    };
    // The second language is rendered on another core while this one renders the first: a
    // bilingual contract takes little more time than one in a single language. With one core,
    // one after the other.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let (parts, second_parts) = if cores < 2 {
        (first(), second())
    } else {
        std::thread::scope(|scope| {
            let second = scope.spawn(second);
            let parts = first();
            let second_parts = second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (parts, second_parts)
        })
    };
    let rows: Rows = parts?.into_iter().zip(second_parts?).collect();
    let interleaved: Vec<String> = rows
        .iter()
        .flat_map(|(first, second)| [first.clone(), second.clone()])
        .collect();
    Ok((join_parts(&interleaved), Some(rows)))
}

/// The pieces of [`render_parts`] as one Markdown document, a blank line between pieces.
#[must_use]
pub fn join_parts(parts: &[String]) -> String {
    let mut out = parts.join("\n\n");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A Handlebars registry with the Markdown escaper, strict mode and every helper; `numbers`
/// tells `section` what each clause id became, `locale` how values are worded, and `answers`
/// are what `{{#when}}` conditions are evaluated against (typed, so that a percent of `0` is
/// false, as in a clause's `when`).
#[must_use]
pub(crate) fn registry(
    numbers: SectionNumbers,
    locale: Locale,
    answers: &Answers,
) -> Handlebars<'static> {
    registry_with_titles(numbers, BTreeMap::new(), locale, answers)
}

/// [`registry`], with the clauses' titles by id for `{{section "id" titled=true}}`, which
/// cites a section by number and title: `section 6 (Late Fee)`. Letters cite the contract
/// this way, so that a reader finds the section whatever its number.
#[must_use]
pub(crate) fn registry_with_titles(
    numbers: SectionNumbers,
    titles: BTreeMap<String, String>,
    locale: Locale,
    answers: &Answers,
) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(escape);
    registry.register_helper("money", Box::new(ValueHelper(money, locale)));
    registry.register_helper("percent", Box::new(ValueHelper(percent, locale)));
    registry.register_helper("date", Box::new(ValueHelper(date, locale)));
    registry.register_helper("words", Box::new(ValueHelper(words, locale)));
    registry.register_helper("percent_of", Box::new(ValueHelper(percent_of, locale)));
    registry.register_helper("times", Box::new(ValueHelper(times, locale)));
    registry.register_helper("minus", Box::new(ValueHelper(minus, locale)));
    registry.register_helper("currency", Box::new(ValueHelper(currency, locale)));
    registry.register_helper(
        "section",
        Box::new(SectionHelper {
            numbers,
            titles,
            locale,
        }),
    );
    registry.register_helper(
        "when",
        Box::new(WhenHelper {
            answers: answers.clone(),
        }),
    );
    registry
}

/// `{{#when 'client.kind == "company"'}}…{{else}}…{{/when}}`: the block when the condition (in
/// the language of a clause's `when`) holds for the answers, else its `{{else}}` part. `check`
/// parses and type-checks every such condition, so a failure here is a library bug.
struct WhenHelper {
    answers: Answers,
}

impl HelperDef for WhenHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        registry: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn handlebars::Output,
    ) -> handlebars::HelperResult {
        let source = param(h, 0)?
            .as_str()
            .ok_or_else(|| fail("`when` takes a condition in quotes".into()))?;
        let condition = parsed(source)
            .map_err(|error| fail(format!("`when \"{source}\"`: {}", error.message)))?;
        let block = if condition.eval(|key| self.answers.get(key)) {
            h.template()
        } else {
            h.inverse()
        };
        match block {
            Some(block) => block.render(registry, ctx, rc, out),
            None => Ok(()),
        }
    }
}

/// `source` parsed as a condition, once per process: a clause's `when` blocks are rendered for
/// every contract, and in both languages of a bilingual one.
fn parsed(source: &str) -> Result<Arc<Condition>, ConditionError> {
    static PARSED: Mutex<BTreeMap<String, Arc<Condition>>> = Mutex::new(BTreeMap::new());
    let mut parsed = PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(condition) = parsed.get(source) {
        return Ok(Arc::clone(condition));
    }
    let condition = Arc::new(Condition::parse(source)?);
    parsed.insert(source.to_owned(), Arc::clone(&condition));
    Ok(condition)
}

/// Renders one clause body, tidied: no trailing spaces, at most one blank line in a row.
pub(crate) fn render_clause(
    registry: &Handlebars<'static>,
    clause: &Clause,
    context: &Context,
) -> Result<String, Diagnostic> {
    render_template(registry, clause, &clause.template, context)
}

/// [`render_clause`] with `template`, the clause's own or its respelling.
fn render_template(
    registry: &Handlebars<'static>,
    clause: &Clause,
    template: &Template,
    context: &Context,
) -> Result<String, Diagnostic> {
    let rendered = template
        .renders(registry, context, &mut RenderContext::new(None))
        .map_err(|error| render_diagnostic(clause, &error))?;
    let tidy = tidy(&rendered);
    if tidy.is_empty() {
        return Err(clause.origin.diagnostic(
            1,
            1,
            format!(
                "the clause `{}` renders to nothing with these answers",
                clause.id
            ),
        ));
    }
    Ok(tidy)
}

fn render_diagnostic(clause: &Clause, error: &RenderError) -> Diagnostic {
    let message = match error.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => {
            format!(
                "`{path}` has no answer here; wrap it in {{{{#if {path}}}}}…{{{{/if}}}} or make it required"
            )
        }
        RenderErrorReason::Other(message) => message.clone(),
        other => other.to_string(),
    };
    clause.origin.diagnostic(
        error.line_no.unwrap_or(1),
        error.column_no.unwrap_or(1),
        format!("in clause `{}`: {message}", clause.id),
    )
}

fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut blank_run = 0;
    for line in rendered.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Escapes text so that `CommonMark` reads it back literally: markup characters get a backslash,
/// line-start markers are neutralised, edge whitespace becomes entities, and line breaks
/// become hard breaks.
#[must_use]
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let content_start = line.len() - line.trim_start_matches([' ', '\t']).len();
    let content_end = line.trim_end_matches([' ', '\t']).len();
    for c in line[..content_start].chars() {
        out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let content = &line[content_start..content_end.max(content_start)];
    // A run of digits then `.` or `)`, then a space or the line's end, opens an ordered list
    // at the start of a line; `12.400,00 TL` does not (CommonMark 0.31, "List items").
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    let list_marker = (1..=9).contains(&digits)
        && matches!(content.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(
            content.as_bytes().get(digits + 1),
            None | Some(b' ' | b'\t')
        );
    // `-` or `+` then a space opens a bullet; a line of `-` or `=` alone underlines a heading.
    let bullet = content.len() == 1 || matches!(content.as_bytes().get(1), Some(b' ' | b'\t'));
    let rule = |marker: char| {
        content
            .chars()
            .all(|c| c == marker || c == ' ' || c == '\t')
    };
    for (i, c) in content.char_indices() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' => true,
            '-' => at_start && (bullet || rule('-')),
            '+' => at_start && bullet,
            '=' => at_start && rule('='),
            '.' | ')' => list_marker && i == digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if content_end > content_start {
        for c in line[content_end..].chars() {
            out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn fail(message: String) -> RenderError {
    RenderErrorReason::Other(message).into()
}

fn param<'a>(h: &'a Helper<'_>, index: usize) -> Result<&'a Json, RenderError> {
    h.param(index)
        .map(handlebars::PathAndJson::value)
        .ok_or_else(|| fail(format!("`{}` needs argument {}", h.name(), index + 1)))
}

fn decimal(h: &Helper<'_>, index: usize) -> Result<Decimal, RenderError> {
    let value = param(h, index)?;
    let parsed = match value {
        Json::String(text) => Decimal::from_str(text).ok(),
        Json::Number(number) => Decimal::from_str(&number.to_string()).ok(),
        _ => None,
    };
    parsed.ok_or_else(|| {
        fail(format!(
            "`{}` needs a number, not {}",
            h.name(),
            describe(value)
        ))
    })
}

fn describe(value: &Json) -> String {
    match value {
        Json::Null => "an unanswered value".into(),
        other => other.to_string(),
    }
}

fn json_decimal(value: Decimal) -> Json {
    Json::String(value.normalize().to_string())
}

type HelperResult = Result<Json, RenderError>;

/// A helper that computes a value from its arguments (and the root context).
struct ValueHelper(fn(&Helper<'_>, &Context, Locale) -> HelperResult, Locale);

impl HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        (self.0)(h, ctx, self.1).map(ScopedJson::Derived)
    }
}

/// Where templates find `fees.currency` ([`crate::model::keys::CURRENCY`]) in their data.
const CURRENCY_POINTER: &str = "/fees/currency";

/// `{{money amount}}`: `$12,400.00`, in the currency of `fees.currency`.
fn money(h: &Helper<'_>, ctx: &Context, locale: Locale) -> HelperResult {
    let amount = decimal(h, 0)?;
    let code = ctx
        .data()
        .pointer(CURRENCY_POINTER)
        .and_then(Json::as_str)
        .unwrap_or(DEFAULT_CURRENCY);
    let text = format::money(amount, code, locale).ok_or_else(|| {
        fail(format!(
            "`fees.currency` is \"{code}\", which is not an ISO 4217 currency code"
        ))
    })?;
    Ok(Json::String(text))
}

/// `{{currency fees.currency}}`: the currency named in a sentence, `USD` in English,
/// `Türk lirası (TL)` in Turkish.
fn currency(h: &Helper<'_>, _: &Context, locale: Locale) -> HelperResult {
    let value = param(h, 0)?;
    let code = value.as_str().ok_or_else(|| {
        fail(format!(
            "`currency` needs a currency code, not {}",
            describe(value)
        ))
    })?;
    Ok(Json::String(format::currency_name(code, locale)))
}

/// `{{percent deposit.percent}}`: `fifty percent (50%)`.
fn percent(h: &Helper<'_>, _: &Context, locale: Locale) -> HelperResult {
    Ok(Json::String(format::percent(decimal(h, 0)?, locale)))
}

/// `{{words kill_fee.silence_days}}`: `fifteen (15)`.
fn words(h: &Helper<'_>, _: &Context, locale: Locale) -> HelperResult {
    Ok(Json::String(format::words(decimal(h, 0)?, locale)))
}

/// A number in English words: `fifteen`, `one point five`, `zero point two five`.
/// `{{date project.start}}`: `March 2, 2026`.
fn date(h: &Helper<'_>, _: &Context, locale: Locale) -> HelperResult {
    let value = param(h, 0)?;
    let parsed = value
        .as_str()
        .and_then(|text| text.parse::<jiff::civil::Date>().ok())
        .ok_or_else(|| fail(format!("`date` needs a date, not {}", describe(value))))?;
    Ok(Json::String(format::long_date(parsed, locale)))
}

fn percent_of(h: &Helper<'_>, _: &Context, _: Locale) -> HelperResult {
    let amount = decimal(h, 0)?;
    let percent = decimal(h, 1)?;
    let share = (amount * percent / Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, crate::model::rounding::HALVES_AWAY_FROM_ZERO);
    Ok(json_decimal(share))
}

fn times(h: &Helper<'_>, _: &Context, _: Locale) -> HelperResult {
    let product = decimal(h, 0)?
        .checked_mul(decimal(h, 1)?)
        .ok_or_else(|| fail("`times`: the product is too large".into()))?;
    Ok(json_decimal(product))
}

fn minus(h: &Helper<'_>, _: &Context, _: Locale) -> HelperResult {
    Ok(json_decimal(decimal(h, 0)? - decimal(h, 1)?))
}

/// `{{section "kill-fee"}}`: `section 7`; `{{section "kill-fee" titled=true}}`:
/// `section 7 (Kill Fee for Client Silence)`.
struct SectionHelper {
    numbers: SectionNumbers,
    titles: BTreeMap<String, String>,
    locale: Locale,
}

impl HelperDef for SectionHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let id = param(h, 0)?
            .as_str()
            .ok_or_else(|| fail("`section` takes a clause id in quotes".into()))?;
        match self.numbers.get(id) {
            Some(SectionNumber::Numbered(number)) => {
                let titled = h
                    .hash_get("titled")
                    .is_some_and(|v| v.value().as_bool() == Some(true));
                match (titled, self.titles.get(id)) {
                    (false, _) => Ok(ScopedJson::Derived(Json::String(format::section(
                        *number,
                        self.locale,
                    )))),
                    (true, Some(title)) => Ok(ScopedJson::Derived(Json::String(
                        format::section_titled(*number, title, self.locale),
                    ))),
                    (true, None) => Err(fail(format!(
                        "`section \"{id}\" titled=true` names a clause whose title is not known here"
                    ))),
                }
            }
            Some(SectionNumber::Unnumbered) => Err(fail(format!(
                "`section \"{id}\"` refers to a clause without a section number"
            ))),
            Some(SectionNumber::Excluded) => Err(fail(format!(
                "`section \"{id}\"` refers to a clause that these answers leave out of the contract"
            ))),
            None => Err(fail(format!(
                "`section \"{id}\"` refers to no clause of this library"
            ))),
        }
    }
}
