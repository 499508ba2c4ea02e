//! The chase record: takes the text of `<client>.chase.yaml` and returns the [`Record`] of what
//! the freelancer has done and received (letters sent, calls made, payments), with every
//! problem as a located [`Diagnostic`] and its facts ([`Problem`], said in English or in the
//! letters' language); and the text one new entry appends to it.
//!
//! The record is a YAML list, one entry per event, oldest first, so that adding an entry is
//! appending a few lines: comments and earlier entries stay exactly as the user left them.
//!
//! ```yaml
//! - date: 2026-03-03
//!   sent: payment-follow-up
//!   by: email
//! - date: 2026-03-04
//!   called: Daniel Ortiz
//!   note: he confirmed the invoice arrived
//! - date: 2026-04-16
//!   paid: "1000.00"
//! ```

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::record_fault::Fault;
pub use super::record_fault::Problem;
use crate::error::Diagnostic;
use crate::model::{
    Language, Question, Scalar, Type, Value, finer_than_minor_unit, optional_text_why, typed_value,
    typed_value_why,
};

/// What happened, on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A letter of the ladder was sent: the step's id and how it went out.
    Sent {
        /// The ladder step (the letter's id).
        step: String,
        /// How it was sent (`email`, `post`, ...), when recorded.
        by: Option<String>,
    },
    /// A call was made.
    Called {
        /// Who was called.
        who: String,
        /// What came of it, when recorded.
        note: Option<String>,
    },
    /// A payment was received.
    Paid {
        /// The amount received.
        amount: Decimal,
    },
}

/// One entry of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The day it happened.
    pub date: Date,
    /// What happened.
    pub event: Event,
}

/// Everything recorded for one client, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The entries, in the order of the file.
    pub entries: Vec<Entry>,
}

impl Record {
    /// The day the letter of `step` was last sent, if it was.
    #[must_use]
    pub fn sent_on(&self, step: &str) -> Option<Date> {
        self.entries
            .iter()
            .filter(|e| matches!(&e.event, Event::Sent { step: s, .. } if s == step))
            .map(|e| e.date)
            .max()
    }

    /// Every payment received, by date.
    #[must_use]
    pub fn payments(&self) -> Vec<(Date, Decimal)> {
        let mut payments: Vec<(Date, Decimal)> = self
            .entries
            .iter()
            .filter_map(|e| match e.event {
                Event::Paid { amount } => Some((e.date, amount)),
                _ => None,
            })
            .collect();
        payments.sort_by_key(|(date, _)| *date);
        payments
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    date: Spanned<Scalar>,
    sent: Option<Spanned<String>>,
    by: Option<Spanned<String>>,
    called: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
    paid: Option<Spanned<Scalar>>,
}

/// Reads a record. `steps` are the ids a `sent` entry may name; entries dated after `today`
/// are refused; a payment is an amount in `currency`, no finer than its smallest unit. Text
/// (`called`, `note`, `by`) is held to the rule of a text answer: at most 2,000 characters, no
/// control or direction-changing character, and `called` shows at least one visible
/// character. Every problem is reported, each at its file, line and column, with the facts
/// of what is wrong, to be said in the letters' language ([`Problem::said_in`]).
pub fn read(
    name: &str,
    text: &str,
    steps: &[&str],
    today: Date,
    currency: &str,
) -> Result<Record, Vec<Problem>> {
    let mut problems = Vec::new();
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Record::default());
    }
    let written = crate::yaml::scan(text);
    let tags = crate::yaml::tag_diagnostics(name, text, &written);
    if !tags.is_empty() {
        return Err(written
            .tags
            .iter()
            .zip(tags)
            .map(|((_, _, tag), diagnostic)| Problem {
                diagnostic,
                fault: Fault::Tag(tag.clone()),
            })
            .collect());
    }
    let raw: Vec<Spanned<RawEntry>> = match serde_saphyr::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let mut diagnostic = crate::yaml::yaml_diagnostic(name, text, &error);
            let syntax = crate::yaml::syntax_of(&error, &diagnostic.message);
            // serde's words for a field no entry has: "unknown field `paied`, expected …".
            let unknown = (diagnostic.message.strip_prefix("unknown field `"))
                .and_then(|rest| rest.split('`').next())
                .map(str::to_owned);
            let not_a_list = !text.trim_start().starts_with('-') && !text.contains("\n-");
            if not_a_list {
                diagnostic.message.push_str(
                    "; a chase record is a list of entries, each starting with `- date:`",
                );
            }
            let fault = match unknown {
                Some(field) if !not_a_list => Fault::UnknownField(field),
                _ => Fault::Syntax { syntax, not_a_list },
            };
            return Err(vec![Problem { diagnostic, fault }]);
        }
    };
    // YAML reads `paid: 0x1F` as 31: an amount is written in plain digits.
    for paid in raw.iter().filter_map(|entry| entry.value.paid.as_ref()) {
        let at = (
            paid.referenced.line() as usize,
            paid.referenced.column() as usize,
        );
        if let (Scalar::Int(_) | Scalar::Float(_), Some(written)) =
            (&paid.value, written.plain.get(&at))
            && let Some(why) = crate::model::number_form(written)
        {
            problems.push(problem(
                name,
                text,
                paid,
                Fault::NumberForm(written.clone(), why),
            ));
        }
    }
    let mut entries = Vec::with_capacity(raw.len());
    for entry in &raw {
        let context = Context {
            name,
            text,
            steps,
            today,
            currency,
        };
        if let Some(entry) = check_entry(&context, entry, &mut problems) {
            entries.push(entry);
        }
    }
    if problems.is_empty() {
        Ok(Record { entries })
    } else {
        Err(problems)
    }
}

/// The problem `fault` at the place of `at` in the record `text` of file `name`.
fn problem<T>(name: &str, text: &str, at: &Spanned<T>, fault: Fault) -> Problem {
    Problem {
        diagnostic: Diagnostic::spanned(name, text, at, fault.english().unwrap_or_default()),
        fault,
    }
}

/// What every entry of one record is read against.
struct Context<'a> {
    name: &'a str,
    text: &'a str,
    steps: &'a [&'a str],
    today: Date,
    currency: &'a str,
}

#[allow(
    clippy::too_many_lines,
    reason = "one check per field, in the order a reader meets them"
)]
fn check_entry(
    context: &Context<'_>,
    spanned: &Spanned<RawEntry>,
    problems: &mut Vec<Problem>,
) -> Option<Entry> {
    let &Context {
        name,
        text,
        steps,
        today,
        currency,
    } = context;
    let raw = &spanned.value;
    let before = problems.len();
    let date = match typed_value(&Question::new("date", Type::Date, "date"), &raw.date.value) {
        Ok(Value::Date(date)) if date > today => {
            problems.push(problem(
                name,
                text,
                &raw.date,
                Fault::AfterToday(date, today),
            ));
            None
        }
        Ok(Value::Date(date)) => Some(date),
        Ok(_) | Err(_) => {
            problems.push(problem(
                name,
                text,
                &raw.date,
                Fault::NotADate(shown(&raw.date.value)),
            ));
            None
        }
    };
    let kinds = [raw.sent.is_some(), raw.called.is_some(), raw.paid.is_some()];
    // `by` and `note` may be left out (blank is left out); `called` names someone.
    let mut text_of = |key: &'static str, field: &Option<Spanned<String>>| {
        let field = field.as_ref()?;
        optional_text_why(&field.value).unwrap_or_else(|why| {
            problems.push(problem(name, text, field, Fault::Text(key, why)));
            None
        })
    };
    let event = match kinds {
        [true, false, false] => {
            let sent = raw.sent.as_ref()?;
            let step = sent.value.trim();
            if steps.contains(&step) {
                Some(Event::Sent {
                    step: step.to_owned(),
                    by: text_of("by", &raw.by),
                })
            } else {
                let close = steps
                    .iter()
                    .map(|known| (*known, strsim::jaro_winkler(known, step)))
                    .filter(|(_, score)| *score > 0.8)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(close, _)| close.to_owned());
                let letters = steps.iter().map(|s| (*s).to_owned()).collect();
                let fault = Fault::NotALetter(step.to_owned(), close, letters);
                problems.push(problem(name, text, sent, fault));
                None
            }
        }
        [false, true, false] => {
            let note = text_of("note", &raw.note);
            let called = raw.called.as_ref()?;
            match optional_text_why(&called.value) {
                Ok(Some(who)) => Some(Event::Called { who, note }),
                Ok(None) => {
                    problems.push(problem(name, text, called, Fault::Blank));
                    None
                }
                Err(why) => {
                    problems.push(problem(name, text, called, Fault::Text("called", why)));
                    None
                }
            }
        }
        [false, false, true] => {
            let paid = raw.paid.as_ref()?;
            let question = Question::new("paid", Type::Money, "amount");
            let amount = match typed_value_why(&question, &paid.value, None) {
                Ok(Value::Number(amount)) if amount > Decimal::ZERO => {
                    match finer_than_minor_unit(amount, currency) {
                        None => Ok(amount),
                        Some(_) => Err(Fault::Finer(amount, currency.to_owned())),
                    }
                }
                Ok(_) => Err(Fault::NotPositive(shown(&paid.value))),
                Err(why) => Err(Fault::Paid(why)),
            };
            match amount {
                Ok(amount) => Some(Event::Paid { amount }),
                Err(fault) => {
                    problems.push(problem(name, text, paid, fault));
                    None
                }
            }
        }
        _ => {
            problems.push(problem(name, text, spanned, Fault::OneThing));
            None
        }
    };
    for (field, value, allowed) in [
        ("by", &raw.by, raw.sent.is_some()),
        ("note", &raw.note, raw.called.is_some()),
    ] {
        if let (Some(value), false) = (value, allowed) {
            let owner = if field == "by" { "sent" } else { "called" };
            problems.push(problem(name, text, value, Fault::BelongsTo(field, owner)));
        }
    }
    if problems.len() > before {
        return None;
    }
    Some(Entry {
        date: date?,
        event: event?,
    })
}

/// A scalar as the user typed it, without the quotes `Scalar`'s display adds to text.
fn shown(scalar: &Scalar) -> String {
    match scalar {
        Scalar::Str(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The lines that record `entry`, as appended to the file.
#[must_use]
pub fn entry_yaml(entry: &Entry) -> String {
    let quote = |text: &str| serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"));
    let mut out = format!("- date: {}\n", entry.date);
    match &entry.event {
        Event::Sent { step, by } => {
            out.push_str(&format!("  sent: {step}\n"));
            if let Some(by) = by {
                out.push_str(&format!("  by: {}\n", quote(by)));
            }
        }
        Event::Called { who, note } => {
            out.push_str(&format!("  called: {}\n", quote(who)));
            if let Some(note) = note {
                out.push_str(&format!("  note: {}\n", quote(note)));
            }
        }
        Event::Paid { amount } => out.push_str(&format!("  paid: \"{}\"\n", amount.normalize())),
    }
    out
}

/// The record's text with `entry` added: `existing` (the file as it is, or `None` for a new
/// record, which gets a comment naming the client, in `language`, the letters') followed by
/// the entry's lines.
#[must_use]
pub fn append(existing: Option<&str>, client: &str, entry: &Entry, language: Language) -> String {
    let mut text = match (existing, language) {
        (Some(text), _) => text.to_owned(),
        (None, Language::En) => format!(
            "# What was done to chase {client}, and what was paid, oldest first.\n# `clausewright chase --record` adds to it; you may edit it by hand.\n"
        ),
        (None, Language::Tr) => format!(
            "# {client} için gönderilen mektuplar, yapılan aramalar ve alınan ödemeler, eskiden yeniye.\n# `clausewright chase --record` her kaydı bu dosyaya ekler; dosyayı elle de düzenleyebilirsiniz.\n"
        ),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&entry_yaml(entry));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use jiff::civil::date;

    const STEPS: &[&str] = &["payment-follow-up", "payment-notice-30"];

    /// [`read`], the problems in English as one error.
    fn parse(
        name: &str,
        text: &str,
        steps: &[&str],
        today: Date,
        currency: &str,
    ) -> Result<Record, Error> {
        read(name, text, steps, today, currency).map_err(|found| {
            Error::Diagnostics(
                found
                    .into_iter()
                    .map(|problem| problem.diagnostic)
                    .collect(),
            )
        })
    }

    fn errors(text: &str) -> Vec<String> {
        match parse("acme.chase.yaml", text, STEPS, date(2026, 6, 1), "USD") {
            Err(Error::Diagnostics(found)) => found
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .collect(),
            other => panic!("expected diagnostics, got {other:?}"),
        }
    }

    #[test]
    fn entries_are_read_in_order() {
        let text = "# notes\n- date: 2026-03-03\n  sent: payment-follow-up\n  by: email\n- date: 2026-03-04\n  called: Daniel Ortiz\n- date: 2026-04-16\n  paid: \"1000.50\"\n- date: 2026-04-20\n  paid: 200\n";
        let record = parse("r.yaml", text, STEPS, date(2026, 6, 1), "USD").unwrap();
        assert_eq!(record.sent_on("payment-follow-up"), Some(date(2026, 3, 3)));
        assert_eq!(record.sent_on("payment-notice-30"), None);
        assert_eq!(
            record.payments(),
            [
                (date(2026, 4, 16), Decimal::new(100_050, 2)),
                (date(2026, 4, 20), Decimal::from(200)),
            ]
        );
        assert_eq!(
            parse("r.yaml", "# nothing yet\n", STEPS, date(2026, 6, 1), "USD").unwrap(),
            Record::default()
        );
    }

    #[test]
    fn every_problem_is_reported_at_its_line() {
        assert_eq!(
            errors(
                "- date: 2026-13-01\n  sent: payment-notice-3O\n- date: 2026-07-01\n  paid: \"-5\"\n- date: 2026-03-03\n  sent: payment-follow-up\n  paid: \"10\"\n- date: 2026-03-03\n  called: Dan\n  by: phone\n"
            ),
            [
                "acme.chase.yaml:1:9: `date` is 2026-13-01; expected a date as YYYY-MM-DD",
                "acme.chase.yaml:2:9: `sent` is `payment-notice-3O`, which is not a letter of the ladders; did you mean `payment-notice-30`?",
                "acme.chase.yaml:3:9: `date` is 2026-07-01, after today (2026-06-01); record what has happened",
                "acme.chase.yaml:4:9: `paid` is -5; expected an amount such as 1250.00 from 0 to 1,000,000,000,000",
                "acme.chase.yaml:5:3: an entry records one thing: `sent: STEP`, `called: WHO` or `paid: AMOUNT`",
                "acme.chase.yaml:10:7: `by` belongs to a `sent` entry",
            ]
        );
        assert_eq!(
            errors("- date: 2026-03-03\n  paied: \"10\"\n").len(),
            1,
            "unknown fields are refused"
        );
    }

    #[test]
    fn text_is_held_to_the_rule_of_a_text_answer() {
        let long = "Daniel ".repeat(300);
        let record = format!(
            "- date: 2026-03-03\n  called: \"\\u200B\\u3000\"\n- date: 2026-03-04\n  called: {long}\n- date: 2026-03-05\n  called: Dan\n  note: \"he said \\u202Eyes\"\n- date: 2026-03-06\n  sent: payment-follow-up\n  by: {long}\n"
        );
        assert_eq!(
            errors(&record),
            [
                "acme.chase.yaml:2:11: `called` is blank; write at least one visible character",
                "acme.chase.yaml:4:11: `called` is 2,099 characters long; a text answer holds at most 2,000 characters",
                "acme.chase.yaml:7:9: `note` contains the invisible character U+202E, which changes the direction the text is shown in; type the text without it",
                "acme.chase.yaml:10:7: `by` is 2,099 characters long; a text answer holds at most 2,000 characters",
            ]
        );
        // A blank note or way of sending is no note, as a blank optional answer is no answer.
        let record = parse(
            "r.yaml",
            "- date: 2026-03-04\n  called: \" Dan \"\n  note: \"\\u200B\"\n",
            STEPS,
            date(2026, 6, 1),
            "USD",
        )
        .unwrap();
        assert_eq!(
            record.entries[0].event,
            Event::Called {
                who: "Dan".into(),
                note: None
            }
        );
    }

    #[test]
    fn a_payment_is_no_finer_than_its_currencys_smallest_unit() {
        let text =
            "- date: 2026-03-03\n  paid: \"1250.50\"\n- date: 2026-03-04\n  paid: \"1250.00\"\n";
        match parse("acme.chase.yaml", text, STEPS, date(2026, 6, 1), "JPY") {
            Err(Error::Diagnostics(found)) => assert_eq!(
                found
                    .iter()
                    .map(|d| format!("{}: {}", d.location(), d.message))
                    .collect::<Vec<_>>(),
                ["acme.chase.yaml:2:9: `paid` is 1250.5; an amount in JPY has no decimal places"]
            ),
            other => panic!("expected diagnostics, got {other:?}"),
        }
        assert_eq!(
            parse("r.yaml", text, STEPS, date(2026, 6, 1), "USD")
                .unwrap()
                .payments()
                .len(),
            2
        );
    }

    #[test]
    fn a_record_refuses_tags_and_numbers_yaml_reads_otherwise() {
        assert_eq!(
            errors("- date: 2026-03-03\n  paid: 0x1F\n- date: 2026-03-04\n  paid: 1e3\n"),
            [
                "acme.chase.yaml:2:9: `paid` is written 0x1F, which YAML reads as a hexadecimal number; write the amount in plain digits, such as 1250.00",
                "acme.chase.yaml:4:9: `paid` is written 1e3, with an exponent; write the amount in plain digits, such as 1250.00",
            ]
        );
        assert_eq!(
            errors("- date: 2026-03-03\n  paid: !!binary MTA=\n"),
            [
                "acme.chase.yaml:2:9: the YAML tag `!!binary` is not allowed: write the value plainly, without a tag"
            ]
        );
    }

    #[test]
    fn appending_keeps_what_the_file_holds() {
        let entry = Entry {
            date: date(2026, 4, 16),
            event: Event::Paid {
                amount: Decimal::new(100_050, 2),
            },
        };
        let existing = "# my notes: \"keep\" me\n- date: 2026-03-03\n  sent: payment-follow-up";
        let text = append(Some(existing), "Acme", &entry, Language::Tr);
        assert_eq!(
            text,
            format!("{existing}\n- date: 2026-04-16\n  paid: \"1000.5\"\n")
        );
        let record = parse("r.yaml", &text, STEPS, date(2026, 6, 1), "USD").unwrap();
        assert_eq!(record.entries.len(), 2);
        let called = Entry {
            date: date(2026, 3, 4),
            event: Event::Called {
                who: "Ayşe \"Y\" #1: x".into(),
                note: Some("left a message".into()),
            },
        };
        let fresh = append(None, "Acme", &called, Language::En);
        assert!(
            fresh.starts_with("# What was done to chase Acme, and what was paid, oldest first.\n"),
            "{fresh}"
        );
        let record = parse("r.yaml", &fresh, STEPS, date(2026, 6, 1), "USD").unwrap();
        assert_eq!(record.entries, std::slice::from_ref(&called));
        // A new record of a Turkish chase says what it is in Turkish.
        let turkish = append(None, "Boğaziçi Gıda", &called, Language::Tr);
        assert!(
            turkish.starts_with(
                "# Boğaziçi Gıda için gönderilen mektuplar, yapılan aramalar ve alınan ödemeler, \
                 eskiden yeniye.\n# `clausewright chase --record` her kaydı bu dosyaya ekler; \
                 dosyayı elle de düzenleyebilirsiniz.\n- date: 2026-03-04\n"
            ),
            "{turkish}"
        );
        assert!(!turkish.contains("What was done"), "{turkish}");
        let record = parse("r.yaml", &turkish, STEPS, date(2026, 6, 1), "USD").unwrap();
        assert_eq!(record.entries, [called]);
    }
    /// The problems of `text` said in `language`, as `file:line:column: message`.
    fn said(text: &str, currency: &str, language: Language) -> Vec<String> {
        match read("acme.chase.yaml", text, STEPS, date(2026, 6, 1), currency) {
            Err(found) => found
                .iter()
                .map(|problem| {
                    let diagnostic = problem.said_in(language);
                    format!("{}: {}", diagnostic.location(), diagnostic.text())
                })
                .collect(),
            Ok(record) => panic!("expected problems, got {record:?}"),
        }
    }

    #[test]
    fn every_problem_of_a_record_is_said_in_turkish_at_its_line() {
        let text = "- date: 2026-13-01\n  sent: payment-notice-3O\n- date: 2026-07-01\n  paid: \"-5\"\n- date: 2026-03-03\n  sent: payment-follow-up\n  paid: \"10\"\n- date: 2026-03-03\n  called: Dan\n  by: phone\n- date: 2026-03-04\n  sent: lawyer-letter\n- date: 2026-03-05\n  called: \" \"\n- date: 2026-03-06\n  sent: payment-follow-up\n  by: \"e\u{202e}mail\"\n- date: 2026-03-07\n  paid: 0x10\n- date: 2026-03-08\n  paid: \"0\"\n";
        assert_eq!(
            said(text, "USD", Language::Tr),
            [
                "acme.chase.yaml:19:9: `paid` için 0x10 yazılmış (YAML bunu on altılık tabanda \
                 bir sayı olarak okur); tutarı 1250.00 gibi yalnızca rakamlarla yazın",
                "acme.chase.yaml:1:9: `date` alanındaki 2026-13-01 bir tarih değil; YYYY-AA-GG \
                 biçiminde bir tarih yazın",
                "acme.chase.yaml:2:9: `sent: payment-notice-3O`: böyle bir mektup yok; şunu mu \
                 demek istediniz: `payment-notice-30`?",
                "acme.chase.yaml:3:9: `date` 2026-07-01, bugünden (2026-06-01) sonra; yalnızca \
                 olmuş bir şeyi kaydedin",
                "acme.chase.yaml:4:9: `paid` kabul edilmedi. -5 bu soru için kabul edilen \
                 aralığın dışında; 0 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) \
                 yazın",
                "acme.chase.yaml:5:3: bir kayıt tek bir şeyi kaydeder: `sent: ADIM`, `called: \
                 KİŞİ` ya da `paid: TUTAR`",
                "acme.chase.yaml:10:7: `by` yalnızca bir `sent` kaydında yazılır",
                "acme.chase.yaml:12:9: `sent: lawyer-letter`: böyle bir mektup yok; mektuplar \
                 şunlar: payment-follow-up, payment-notice-30",
                "acme.chase.yaml:14:11: `called` boş; aradığınız kişinin adını yazın",
                "acme.chase.yaml:17:7: `by` kabul edilmedi. Bu yanıtta, metnin gösterildiği yönü \
                 değiştiren görünmez bir karakter (U+202E) var; metni bu karakter olmadan yazın",
                "acme.chase.yaml:21:9: `paid` alanındaki 0 kabul edilmedi: sıfırdan büyük bir \
                 tutar yazın",
            ]
        );
        // English as before, at the same places.
        let english = said(text, "USD", Language::En);
        assert_eq!(english, errors(text));
        assert_eq!(
            english[6..9],
            [
                "acme.chase.yaml:10:7: `by` belongs to a `sent` entry",
                "acme.chase.yaml:12:9: `sent` is `lawyer-letter`, which is not a letter of the \
                 ladders; the letters are payment-follow-up, payment-notice-30",
                "acme.chase.yaml:14:11: `called` is blank; write at least one visible character",
            ]
        );
        assert_eq!(
            said(
                "- date: 2026-03-08\n  paid: \"100.5\"\n",
                "JPY",
                Language::Tr
            ),
            [
                "acme.chase.yaml:2:9: `paid` için “100.5” kabul edilmedi: JPY cinsinden bir \
                 tutarda ondalık basamak olmaz; tutarı tam sayı olarak yazın"
            ]
        );
    }

    #[test]
    fn a_record_yaml_cannot_read_is_said_in_turkish() {
        let tr = |text: &str| said(text, "USD", Language::Tr);
        assert_eq!(
            tr("- date: !!str 2026-03-03\n  paid: \"10\"\n"),
            [
                "acme.chase.yaml:1:9: `!!str` YAML etiketine izin verilmiyor: değeri etiketsiz, düz \
              yazın"
            ]
        );
        assert_eq!(
            tr("- date: 2026-03-03\n  paied: \"10\"\n"),
            [
                "acme.chase.yaml:2:3: bir kayıtta `paied` diye bir alan olmaz; alanlar şunlar: \
              `date`, `sent`, `by`, `called`, `note`, `paid`"
            ]
        );
        assert_eq!(
            tr("date: 2026-03-03\npaid: [\n"),
            [
                "acme.chase.yaml:1:1: dosya bu noktada YAML olarak okunamıyor; takip kaydı, her biri \
              `- date:` satırıyla başlayan kayıtlardan oluşan bir listedir; girintiyi, `anahtar: \
              değer` biçimini ve tırnakları denetleyin (YAML okuyucusunun İngilizce iletisi: \
              “expected sequence start”)"
            ]
        );
        assert_eq!(
            said("date: 2026-03-03\npaid: [\n", "USD", Language::En),
            [
                "acme.chase.yaml:1:1: expected sequence start; a chase record is a list of entries, \
              each starting with `- date:`"
            ]
        );
    }
}
