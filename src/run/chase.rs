//! `clausewright chase`: reads the inputs, prints the schedule, writes letters and calendar.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::answers::{self, Answers};
use crate::assemble;
use crate::chase::misuse::{Misuse, Needed};
use crate::chase::record::{self, Entry, Event, Record};
use crate::chase::{self, Stage};
use crate::cli::{ChaseArgs, LetterFormat, OutputFormat, RecordKind};
use crate::eml;
use crate::error::Error;
use crate::ics;
use crate::interest::{Debtor, Statutory};
use crate::letters;
use crate::library;
use crate::model::keys::{AGREEMENT_DATE, AGREEMENT_LANGUAGE, AGREEMENT_PREVAILING};
use crate::model::keys::{
    CLIENT_CONSUMER, CLIENT_NAME, PROJECT_NAME, REFERENCE_RATE, STATUTORY_INTEREST,
};
use crate::model::{Language, Languages, Value};
use crate::output;
use crate::pdf::PdfMeta;
use crate::plain;
use crate::prepare::{self, PrepareOptions, Prepared, check_glyphs, pdf_meta};
use crate::render;
use crate::report::{self, Written};
use crate::said;

use super::{
    Text, library_files, library_of, read_text_in, render_format, source_date_epoch, today,
    today_if_needed,
};

/// The language of the letters: `--lang`, else the contract's (`agreement.language`; for a
/// contract in English and Turkish side by side, the language that prevails,
/// `agreement.prevailing`, since that is the text a letter's reference to the agreement
/// rests on), else English. Amounts, dates, periods, section titles and the calendar's words
/// are in this language; the dates of the ladder are not.
fn letters_language(flag: Option<Language>, answers: &Answers) -> Language {
    let text = |key: &str| match answers.get(key) {
        Some(Value::Text(code)) => Some(code.trim().to_owned()),
        _ => None,
    };
    flag.unwrap_or_else(|| {
        let Some(languages) = text(AGREEMENT_LANGUAGE).and_then(|c| c.parse::<Languages>().ok())
        else {
            return Language::En;
        };
        match languages.second() {
            None => languages.first(),
            Some(_) => text(AGREEMENT_PREVAILING)
                .and_then(|c| c.parse::<Language>().ok())
                .filter(|l| languages.all().any(|one| one == *l))
                .unwrap_or(languages.first()),
        }
    })
}

/// The chase record's path (`--record-file`, else `CLIENT.chase.yaml` beside the answers) and
/// its text, `None` when there is no record yet.
/// What stops the record being read is said in `language`, the letters'.
fn read_record(
    args: &ChaseArgs,
    client: &str,
    language: Language,
) -> Result<(PathBuf, Option<String>), Error> {
    let path = args.record_file.clone().unwrap_or_else(|| {
        args.answers
            .with_file_name(format!("{}.chase.yaml", output::slug(client)))
    });
    match std::fs::exists(&path) {
        Ok(true) => {
            let text = read_text_in(&path, language)?;
            Ok((path, Some(text)))
        }
        Ok(false) => Ok((path, None)),
        Err(source) => Err(said::unread(
            &path,
            said::Unread::Io(source),
            language,
            super::stderr_is_styled(),
        )),
    }
}

pub(super) fn run_chase(args: &ChaseArgs) -> Result<i32, Error> {
    check_chase_args(args)?;
    let files = library_files(args.clauses.as_deref())?;
    let library = library_of(args.clauses.as_deref(), &files)?;
    let answers_name = args.answers.display().to_string();
    // What is wrong with the answers is said as `build` says it: in the language of --lang,
    // else of the file's `agreement.language` (English for a bilingual contract).
    let flag = args.lang.map(Languages::one);
    let text = read_text_in(&args.answers, said::language_of(flag, None, &library))?;
    let told = said::language_of(flag, Some(&text), &library);
    let answers = answers::check(&answers_name, &text, &library)
        .map_err(|found| super::worded(said::invalid_in(&found, told, &library), told))?;
    let language = letters_language(args.lang, &answers);
    super::check_language_in(&library, language, language)?;
    let letters = letters::load_in(&files, &library, &library::Unloaded::default(), language)
        .into_letters()?;
    // Letters name the agreement's date only when the answers give it; `prepare` would
    // otherwise date the agreement today.
    let dated = answers.get(AGREEMENT_DATE).is_some();
    let options = PrepareOptions {
        date: None,
        today: today_if_needed(&library, &answers, None)?,
        late_payer: false,
        rate_multiplier: rust_decimal::Decimal::TWO,
        // The letters' terms are read in their own language (section titles, place phrases).
        language: Some(Languages::one(language)),
    };
    let mut prepared = prepare::prepare(library, answers, &options)?;
    if !dated {
        prepared.answers.remove(AGREEMENT_DATE);
    }
    let today = match args.today {
        Some(date) => date,
        None => today()?,
    };
    let text_of = |key: &str| {
        prepared
            .answers
            .get(key)
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let (client, project) = (text_of(CLIENT_NAME), text_of(PROJECT_NAME));
    let (record_path, record_text) = read_record(args, &client, language)?;
    let record_name = record_path.display().to_string();
    let steps: Vec<&str> = chase::LETTERS.iter().map(|(id, _)| *id).collect();
    let currency = prepared.answers.currency();
    let record = match &record_text {
        Some(text) => record::read(&record_name, text, &steps, today, &currency)
            .map_err(|found| record_problems(&found, language))?,
        None => Record::default(),
    };
    let mut inputs = chase_inputs(args, &prepared, today, record, language)?;
    if let Some(kind) = args.record {
        let before = chase::schedule(&inputs)?;
        let entry = record_entry(args, kind, &before, &prepared.answers, (today, language))?;
        let text = record::append(record_text.as_deref(), &client, &entry, language);
        inputs.record = record::read(&record_name, &text, &steps, today, &currency)
            .map_err(|found| record_problems(&found, language))?;
        let schedule = chase::schedule(&inputs)?;
        // Replacing the record is what --record asks for; the write is atomic.
        // It never replaces the answers file, whatever --record names.
        output::write_all(
            &[(record_path.clone(), text.into_bytes())],
            true,
            &[args.answers.as_path()],
        )
        .map_err(|error| super::said(error, language))?;
        let written = [Written::file(&record_path, "record", "yaml")];
        show(
            args,
            &schedule,
            language,
            &client,
            (&written, Some(&record_path)),
        )?;
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            chase::recorded_in(&record_path.display().to_string(), language)
        );
        return Ok(0);
    }
    // Everything a person reads speaks the letters' language: the table on the terminal, the
    // steps' titles in the PDF's properties and in the calendar.
    let schedule = chase::schedule(&inputs)?;
    let worded = schedule.in_language(language);
    let (mut written, mut writes) =
        chase_letters(args, &prepared, &letters, &worded, &client, language)?;
    if let Some(path) = &args.ics {
        written.push(Written::file(path, "calendar", "ics"));
        writes.push((
            path.clone(),
            ics::calendar(&worded, &client, &project, language).into_bytes(),
        ));
    }
    let mut read = vec![args.answers.clone()];
    read.extend(super::library_paths(args.clauses.as_deref()));
    let read: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
    output::write_all(&writes, args.force, &read).map_err(|error| super::said(error, language))?;
    show(args, &schedule, language, &client, (&written, None))?;
    say_written(&writes, language);
    Ok(0)
}

/// Says on stderr each file written, in `language`.
fn say_written(writes: &[(PathBuf, Vec<u8>)], language: Language) {
    let mut stderr = std::io::stderr().lock();
    for (path, _) in writes {
        let shown = path.display().to_string();
        let _ = writeln!(stderr, "{}", prepare::wrote(&shown, language));
    }
}

/// Prints the schedule on standard output: the table in `language` (the letters'), or with
/// `--json` the JSON document, its steps' titles in English as before, that also lists the
/// files `written` and the record `recorded` to.
fn show(
    args: &ChaseArgs,
    schedule: &chase::Schedule,
    language: Language,
    client: &str,
    (written, recorded): (&[Written], Option<&Path>),
) -> Result<(), Error> {
    if args.json {
        super::print_json(&report::chase(schedule, client, written, recorded))
    } else {
        print_schedule(&schedule.in_language(language), client)
    }
}

fn print_schedule(schedule: &chase::Schedule, client: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(chase::render(schedule, client).as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })
}

/// The entry `--record` adds, from its options; refuses options of another kind of entry, in
/// `language` (the letters').
fn record_entry(
    args: &ChaseArgs,
    kind: RecordKind,
    schedule: &chase::Schedule,
    answers: &Answers,
    (today, language): (jiff::civil::Date, Language),
) -> Result<Entry, Error> {
    let foreign: Vec<&str> = [
        (args.step.is_some() && kind != RecordKind::Sent, "--step"),
        (args.by.is_some() && kind != RecordKind::Sent, "--by"),
        (args.who.is_some() && kind != RecordKind::Called, "--who"),
        (args.note.is_some() && kind != RecordKind::Called, "--note"),
        (
            args.payment.is_some() && kind != RecordKind::Paid,
            "--payment",
        ),
    ]
    .into_iter()
    .filter_map(|(wrong, option)| wrong.then_some(option))
    .collect();
    let name = match kind {
        RecordKind::Sent => "sent",
        RecordKind::Called => "called",
        RecordKind::Paid => "paid",
    };
    if !foreign.is_empty() {
        return Err(misused(&Misuse::NotWith(foreign, name), language));
    }
    let date = args.on.unwrap_or(today);
    if date > today {
        return Err(misused(
            &Misuse::OnAfterToday(date.to_string(), today.to_string()),
            language,
        ));
    }
    let event = match kind {
        RecordKind::Sent => {
            let step = match &args.step {
                Some(step) => step.trim().to_owned(),
                None => schedule
                    .due_now()
                    .filter(|s| s.letter)
                    .map(|s| s.id.to_owned())
                    .ok_or_else(|| misused(&Misuse::NothingToSend, language))?,
            };
            if !chase::LETTERS.iter().any(|(id, _)| *id == step) {
                let known: Vec<&str> = chase::LETTERS.iter().map(|(id, _)| *id).collect();
                return Err(misused(&Misuse::NotALetter(step, known), language));
            }
            Event::Sent {
                step,
                by: args.by.clone(),
            }
        }
        RecordKind::Called => Event::Called {
            who: args.who.clone().unwrap_or_else(|| {
                answers
                    .get("client.contact")
                    .or_else(|| answers.get("client.name"))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            }),
            note: args.note.clone(),
        },
        RecordKind::Paid => {
            let amount = args
                .payment
                .ok_or_else(|| misused(&Misuse::PaidNeedsPayment, language))?;
            chase::refuse_finer_than_minor_unit(
                "--payment",
                amount,
                &answers.currency(),
                language,
            )?;
            Event::Paid { amount }
        }
    };
    Ok(Entry { date, event })
}

/// The error of the problems `found` in a chase record, said in `language` (the letters').
fn record_problems(found: &[record::Problem], language: Language) -> Error {
    let said: Vec<_> = found.iter().map(|p| p.said_in(language)).collect();
    said::worded(said, language, super::stderr_is_styled())
}

/// The usage error of `misuse`, said in `language`.
fn misused(misuse: &Misuse, language: Language) -> Error {
    misuse.error(language)
}

/// Refuses option combinations the stage cannot use, before the library and the answers are
/// read; said in the language of --lang, else of the contract (the `agreement.language`
/// line of the answers file, English for a bilingual contract or a file not read).
fn check_chase_args(args: &ChaseArgs) -> Result<(), Error> {
    let language = || {
        args.lang.unwrap_or_else(|| {
            let written = read_text_in(&args.answers, Language::En)
                .ok()
                .and_then(|text| answers::language_written(&text));
            match written {
                Some(languages) if languages.second().is_none() => languages.first(),
                _ => Language::En,
            }
        })
    };
    let refuse = |misuse: Misuse| Err(misused(&misuse, language()));
    let stage = Stage::from(args.stage);
    let payment = stage == Stage::Payment;
    if !payment
        && (args.invoice.is_some()
            || args.amount.is_some()
            || args.due.is_some()
            || args.final_notice_sent.is_some())
    {
        return refuse(Misuse::PaymentOnly);
    }
    let change = stage == Stage::Change;
    if !change && (args.change.is_some() || args.price.is_some()) {
        return refuse(Misuse::ChangeOnly);
    }
    if change && (args.change.is_none() || args.price.is_none()) {
        return refuse(Misuse::ChangeNeeds);
    }
    // Said here, in the language of --lang, rather than by the schedule, in English.
    if !payment && args.since.is_none() {
        return refuse(Misuse::SinceNeeded(stage.name()));
    }
    if payment && args.due.is_some() && args.since.is_some() {
        return refuse(Misuse::DueOrSince);
    }
    if payment {
        let missing: Vec<Needed> = [
            (args.invoice.is_none(), Needed::Invoice),
            (args.amount.is_none(), Needed::Amount),
            (args.due.is_none() && args.since.is_none(), Needed::Due),
        ]
        .into_iter()
        .filter_map(|(absent, needed)| absent.then_some(needed))
        .collect();
        if !missing.is_empty() {
            return refuse(Misuse::PaymentNeeds(missing));
        }
    }
    if !args.output.is_dir() {
        return refuse(Misuse::NoFolder(args.output.display().to_string()));
    }
    Ok(())
}

/// The ladder's inputs: the options, and the contract's terms from the answers.
fn chase_inputs(
    args: &ChaseArgs,
    prepared: &Prepared,
    today: jiff::civil::Date,
    record: Record,
    language: Language,
) -> Result<chase::Inputs, Error> {
    let answers = &prepared.answers;
    let invoice = match (&args.invoice, args.amount) {
        (Some(number), Some(amount)) if Stage::from(args.stage) == Stage::Payment => {
            Some(chase::Invoice {
                number: number.clone(),
                amount,
                due: due_date(args, answers, language)?,
            })
        }
        _ => None,
    };
    for (option, date) in [
        ("--since", args.since),
        ("--final-notice-sent", args.final_notice_sent),
    ] {
        if let Some(date) = date.filter(|d| *d > today) {
            let misuse = Misuse::AfterToday(option, date.to_string(), today.to_string());
            return Err(misused(&misuse, language));
        }
    }
    let statutory = statutory_interest(prepared);
    Ok(chase::Inputs {
        stage: args.stage.into(),
        since: args.since,
        final_notice_sent: args.final_notice_sent,
        invoice,
        today,
        deadline: args.deadline,
        kill_fee_days: match (
            answers.get("kill_fee.enabled"),
            answers.get("kill_fee.silence_days"),
        ) {
            (Some(Value::Bool(true)), Some(Value::Integer(days))) => u32::try_from(*days).ok(),
            _ => None,
        },
        late_fee_percent: match (
            answers.get("late_fee.enabled"),
            answers.get("late_fee.percent_per_month"),
            &statutory,
        ) {
            (Some(Value::Bool(true)), Some(Value::Number(percent)), None) => Some(*percent),
            _ => None,
        },
        statutory,
        currency: answers.currency(),
        record,
        review_days: match answers.get("acceptance.review_days") {
            Some(Value::Integer(days)) => u32::try_from(*days).ok(),
            _ => None,
        },
        change: args.change.clone().zip(args.price),
        calendar: prepared.calendar()?,
        locale: prepared.locale_in(language),
        agreement: match answers.get(AGREEMENT_DATE) {
            Some(Value::Date(date)) => Some(*date),
            _ => None,
        },
    })
}

/// The files of a run, each with what it is, and the bytes to write.
type Files = (Vec<Written>, Vec<(PathBuf, Vec<u8>)>);

/// Renders the letter due now (every letter with `--all`) in every format asked for.
fn chase_letters(
    args: &ChaseArgs,
    prepared: &Prepared,
    letters: &letters::Letters,
    schedule: &chase::Schedule,
    client: &str,
    language: Language,
) -> Result<Files, Error> {
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let titles = prepared
        .library
        .clauses
        .iter()
        .map(|clause| (clause.id.clone(), clause.title.clone()))
        .collect();
    let registry = render::registry_with_titles(
        contract.section_numbers(),
        titles,
        prepared.locale_in(language),
        &prepared.answers,
    );
    let mut formats = args.format.clone();
    formats.sort_unstable();
    formats.dedup();
    let needs_pdf = formats.contains(&LetterFormat::Pdf) || formats.contains(&LetterFormat::Eml);
    if needs_pdf {
        check_glyphs(prepared)?;
    }
    let text_of = |key: &str| prepared.answers.get(key).map(ToString::to_string);
    let contract_meta = pdf_meta(prepared, source_date_epoch()?);
    let mut writes = Vec::new();
    let mut written = Vec::new();
    let chosen = schedule
        .steps
        .iter()
        .filter(|s| s.letter && (args.all || s.status == chase::Status::DueNow));
    for step in chosen {
        let letter = letters.get(step.id)?;
        let data = letters::data(&prepared.answers, &schedule.letter_values(step)?);
        let rendered = letters::render_parts(letters, letter, &registry, &data)?;
        // One Markdown string per letter, as for contracts: every format renders from it.
        let markdown = rendered.markdown();
        let stem = format!("{}-{}", output::slug(client), step.id);
        let path_of = |format: LetterFormat| {
            let path = args.output.join(format!("{stem}.{}", format.extension()));
            path.strip_prefix(".").map_or(path.clone(), Path::to_owned)
        };
        let letter_day = schedule.letter_date(step);
        let midnight = letter_day
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map_or(0, |zoned| zoned.timestamp().as_second());
        let meta = PdfMeta {
            title: step.title.clone(),
            subject: format!("{}: {}", contract_meta.subject, step.title),
            created_unix_seconds: midnight,
            ..contract_meta.clone()
        };
        let typeset = |format| {
            let text = Text::one(&markdown, language);
            render_format(format, &text, args.paper.into(), &meta, &mut Vec::new())
        };
        let pdf = if needs_pdf {
            Some(typeset(OutputFormat::Pdf)?)
        } else {
            None
        };
        let text = plain::plain(&rendered.email_markdown());
        for format in &formats {
            let bytes = match format {
                LetterFormat::Md => markdown.as_bytes().to_vec(),
                LetterFormat::Pdf => pdf.clone().unwrap_or_default(),
                LetterFormat::Txt => text.as_bytes().to_vec(),
                LetterFormat::Docx => typeset(OutputFormat::Docx)?,
                LetterFormat::Eml => {
                    let person = text_of("client.contact").filter(|c| !c.trim().is_empty());
                    eml::message(&eml::Draft {
                        from: eml::Party {
                            name: text_of("freelancer.name").unwrap_or_default(),
                            email: text_of("freelancer.email").unwrap_or_default(),
                        },
                        to: eml::Party {
                            name: person.unwrap_or_else(|| client.to_owned()),
                            email: text_of("client.email").unwrap_or_default(),
                        },
                        subject: subject_line(&rendered.subject),
                        // Nine in the morning (UTC) of the letter's day.
                        unix_seconds: midnight + 9 * 3600,
                        unique: format!("{stem}-{letter_day}"),
                        text: &text,
                        attachment: pdf.as_deref().map(|bytes| (format!("{stem}.pdf"), bytes)),
                    })
                }
            };
            written.push(Written {
                path: path_of(*format),
                kind: "letter",
                format: format.extension().into(),
                step: Some(step.id),
            });
            writes.push((path_of(*format), bytes));
        }
    }
    Ok((written, writes))
}

/// A letter's subject as an email's: plain text on one line, however long (the plain text is
/// wrapped for reading, and a line break in a subject would end up inside the header).
fn subject_line(markdown: &str) -> String {
    plain::plain(markdown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The statutory interest the contract charges (`interest.statutory`, where the place's
/// profile sets one), for a business or a consumer client.
fn statutory_interest(prepared: &Prepared) -> Option<Statutory> {
    let answers = &prepared.answers;
    let yes = |key: &str| answers.get(key) == Some(&Value::Bool(true));
    if !(yes("late_fee.enabled") && yes(STATUTORY_INTEREST)) {
        return None;
    }
    let rule = prepared.place.as_ref()?.late_payment.clone()?;
    Some(Statutory {
        rule,
        debtor: if yes(CLIENT_CONSUMER) {
            Debtor::Consumer
        } else {
            Debtor::Business
        },
        reference: match answers.get(REFERENCE_RATE) {
            Some(Value::Number(rate)) => Some(*rate),
            _ => None,
        },
    })
}

/// `--due`, or `--since` (the invoice's date) plus the contract's payment days; what is
/// missing said in `language`.
fn due_date(
    args: &ChaseArgs,
    answers: &Answers,
    language: Language,
) -> Result<jiff::civil::Date, Error> {
    if let Some(due) = args.due {
        return Ok(due);
    }
    let since = args
        .since
        .ok_or_else(|| misused(&Misuse::PaymentNeeds(vec![Needed::Due]), language))?;
    match answers.get("payment.due_days") {
        Some(Value::Integer(days)) => Ok(since.saturating_add(jiff::Span::new().days(*days))),
        _ => Err(misused(&Misuse::NoDueDays, language)),
    }
}
