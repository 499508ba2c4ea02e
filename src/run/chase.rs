//! `clausewright chase`: reads the inputs, prints the schedule, writes letters and calendar.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::answers::{self, Answers};
use crate::assemble;
use crate::chase::{self, Stage};
use crate::cli::{ChaseArgs, OutputFormat};
use crate::error::Error;
use crate::format::Locale;
use crate::ics;
use crate::letters;
use crate::library;
use crate::model::Value;
use crate::model::keys::AGREEMENT_DATE;
use crate::model::keys::{CLIENT_NAME, PROJECT_NAME};
use crate::output;
use crate::pdf::PdfMeta;
use crate::prepare::{self, PrepareOptions, Prepared, check_glyphs, pdf_meta};
use crate::render;

use super::{library_files, read_text, render_format, source_date_epoch, today, today_if_needed};

pub(super) fn run_chase(args: &ChaseArgs) -> Result<i32, Error> {
    check_chase_args(args)?;
    let files = library_files(args.clauses.as_deref())?;
    let library = library::load(&files).into_library()?;
    let letters = letters::load(&files, &library).into_letters()?;
    let answers_name = args.answers.display().to_string();
    let text = read_text(&args.answers)?;
    let answers = answers::parse(&answers_name, &text, &library)?;
    // Letters name the agreement's date only when the answers give it; `prepare` would
    // otherwise date the agreement today.
    let dated = answers.get(AGREEMENT_DATE).is_some();
    let options = PrepareOptions {
        date: None,
        today: today_if_needed(&library, &answers, None)?,
        late_payer: false,
        rate_multiplier: rust_decimal::Decimal::TWO,
    };
    let mut prepared = prepare::prepare(library, answers, &options)?;
    if !dated {
        prepared.answers.remove(AGREEMENT_DATE);
    }
    let today = match args.today {
        Some(date) => date,
        None => today()?,
    };
    let schedule = chase::schedule(&chase_inputs(args, &prepared.answers, today)?)?;
    let text_of = |key: &str| {
        prepared
            .answers
            .get(key)
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let (client, project) = (text_of(CLIENT_NAME), text_of(PROJECT_NAME));
    let mut writes = chase_letters(args, &prepared, &letters, &schedule, &client)?;
    if let Some(path) = &args.ics {
        writes.push((
            path.clone(),
            ics::calendar(&schedule, &client, &project).into_bytes(),
        ));
    }
    output::write_all(&writes, args.force)?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(chase::render(&schedule, &client).as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })?;
    let mut stderr = std::io::stderr().lock();
    for (path, _) in &writes {
        let _ = writeln!(stderr, "wrote {}", path.display());
    }
    Ok(0)
}

/// Refuses option combinations the stage cannot use, before any file is read.
fn check_chase_args(args: &ChaseArgs) -> Result<(), Error> {
    let payment = args.stage == Stage::Payment;
    if !payment
        && (args.invoice.is_some()
            || args.amount.is_some()
            || args.due.is_some()
            || args.final_notice_sent.is_some())
    {
        return Err(Error::Usage(
            "--invoice, --amount, --due and --final-notice-sent are for --stage payment".into(),
        ));
    }
    if payment && args.due.is_some() && args.since.is_some() {
        return Err(Error::Usage(
            "give either --due (the day the invoice was due) or --since (the invoice's date), not both".into(),
        ));
    }
    if payment {
        let missing: Vec<&str> = [
            (args.invoice.is_none(), "--invoice NUMBER"),
            (args.amount.is_none(), "--amount MONEY"),
            (
                args.due.is_none() && args.since.is_none(),
                "--due DATE (or --since DATE, the invoice's date)",
            ),
        ]
        .into_iter()
        .filter_map(|(absent, option)| absent.then_some(option))
        .collect();
        if !missing.is_empty() {
            return Err(Error::Usage(format!(
                "the payment stage needs {}",
                join_and(&missing)
            )));
        }
    }
    if !args.output.is_dir() {
        return Err(Error::Usage(format!(
            "the output folder {} does not exist",
            args.output.display()
        )));
    }
    Ok(())
}

/// The ladder's inputs: the options, and the contract's terms from the answers.
fn chase_inputs(
    args: &ChaseArgs,
    answers: &Answers,
    today: jiff::civil::Date,
) -> Result<chase::Inputs, Error> {
    let invoice = match (&args.invoice, args.amount) {
        (Some(number), Some(amount)) if args.stage == Stage::Payment => Some(chase::Invoice {
            number: number.clone(),
            amount,
            due: due_date(args, answers)?,
        }),
        _ => None,
    };
    for (option, date) in [
        ("--since", args.since),
        ("--final-notice-sent", args.final_notice_sent),
    ] {
        if let Some(date) = date.filter(|d| *d > today) {
            return Err(Error::Usage(format!(
                "{option} {date} is after today ({today})"
            )));
        }
    }
    Ok(chase::Inputs {
        stage: args.stage,
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
        ) {
            (Some(Value::Bool(true)), Some(Value::Number(percent))) => Some(*percent),
            _ => None,
        },
        currency: answers.currency(),
    })
}

/// Renders the letter due now (every letter with `--all`) in every format asked for.
fn chase_letters(
    args: &ChaseArgs,
    prepared: &Prepared,
    letters: &letters::Letters,
    schedule: &chase::Schedule,
    client: &str,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Error> {
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    let registry = render::registry(
        contract.section_numbers(),
        Locale::default(),
        &prepared.answers,
    );
    let mut formats = args.format.clone();
    formats.sort_unstable();
    formats.dedup();
    if formats.contains(&OutputFormat::Pdf) {
        check_glyphs(prepared)?;
    }
    let contract_meta = pdf_meta(prepared, source_date_epoch()?);
    let mut writes = Vec::new();
    let chosen = schedule
        .steps
        .iter()
        .filter(|s| s.letter && (args.all || s.status == chase::Status::DueNow));
    for step in chosen {
        let letter = letters.get(step.id)?;
        let data = letters::data(&prepared.answers, &schedule.letter_values(step));
        let markdown = letters::render(letters, letter, &registry, &data)?;
        // One Markdown string per letter, as for contracts: every format renders from it.
        for format in &formats {
            let name = format!(
                "{}-{}.{}",
                output::slug(client),
                step.id,
                format.extension()
            );
            let path = args.output.join(name);
            let path = path.strip_prefix(".").map_or(path.clone(), Path::to_owned);
            let meta = PdfMeta {
                title: step.title.clone(),
                subject: format!("{}: {}", contract_meta.subject, step.title),
                created_unix_seconds: step
                    .date
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .map_or(0, |zoned| zoned.timestamp().as_second()),
                ..contract_meta.clone()
            };
            writes.push((path, render_format(*format, &markdown, args.paper, &meta)?));
        }
    }
    Ok(writes)
}

/// `--due`, or `--since` (the invoice's date) plus the contract's payment days.
fn due_date(args: &ChaseArgs, answers: &Answers) -> Result<jiff::civil::Date, Error> {
    if let Some(due) = args.due {
        return Ok(due);
    }
    let since = args.since.ok_or_else(|| {
        Error::Usage(
            "the payment stage needs --due DATE (or --since DATE, the invoice's date)".into(),
        )
    })?;
    match answers.get("payment.due_days") {
        Some(Value::Integer(days)) => Ok(since.saturating_add(jiff::Span::new().days(*days))),
        _ => Err(Error::Usage(
            "the answers give no `payment.due_days` to count the due date from --since; give --due DATE".into(),
        )),
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
