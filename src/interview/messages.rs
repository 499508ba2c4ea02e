//! The interview's own words, one catalogue per language ([`Messages`]): the introduction, the
//! summary's headings and choices, what is said about a late payer, the lists' prompts and the
//! errors a typed answer gets. The questions' own words come from the library (its `tr/`
//! words for Turkish); these are the words around them.
//!
//! The interview is held in the language the contract will be written in (`new --lang`, or
//! `agreement.language` once it is answered); a bilingual contract's interview is held in its
//! first language, English. Values in messages (amounts, limits) are worded by `format`.

use rust_decimal::Decimal;

use crate::format::{self, Locale};
use crate::jurisdiction::NotARegion;
use crate::model::refusal::{Phone, Refusal, Why};
use crate::model::schema::MAX_RECORDS;
use crate::model::{Language, Question, Type, Value};

/// Every sentence the interview says or asks of its own, in one language.
pub struct Messages {
    /// Shown once, before the first question.
    pub intro: &'static str,
    /// The heading of the summary.
    pub summary: &'static str,
    /// Said when a required question is left blank.
    pub required: &'static str,
    /// The last option of an optional choice.
    pub leave_unanswered: &'static str,
    /// The answer typed is refused: the question and the reason (in English, and as facts
    /// for a catalogue's own words).
    pub refused: fn(&Question, &Refusal) -> String,
    /// A region the country answered has not (the reason in English, and as facts).
    pub not_a_region: fn(&NotARegion) -> String,
    /// A character the PDF's fonts cannot show.
    pub unprintable: fn(char) -> String,
    /// An amount finer than its currency's smallest unit (the amount, the currency's code).
    pub finer: fn(Decimal, &str) -> String,
    /// An amount typed that reads two ways (`1.250`): which was meant?
    pub two_ways: fn(&str) -> String,
    /// Its help.
    pub two_ways_help: &'static str,
    /// The reading with the mark grouping thousands (the amount shown, the mark).
    pub grouping: fn(&str, char) -> String,
    /// The reading with the mark before the cents (the amount shown, the mark).
    pub before_cents: fn(&str, char) -> String,
    /// What a valid answer to a typed question looks like, added to its help; `None` when it
    /// is plain.
    pub allowed: fn(&Question) -> Option<String>,
    /// An answer a late payer always gets, not asked: the label (capitalised) and the value.
    pub late_payer_set: fn(&str, &str) -> String,
    /// What an answer becomes in the contract for a late payer: the value, and why.
    pub in_the_contract: fn(&str, &str) -> String,
    /// The same for an answer whose question was not shown (an answers file's): its label,
    /// the value and why.
    pub in_the_contract_named: fn(&str, &str, &str) -> String,
    /// Why: a rate doubled.
    pub doubled: &'static str,
    /// Why: raised to the least a late payer gets.
    pub at_least: &'static str,
    /// Why: lowered to the most a late payer gets.
    pub at_most: &'static str,
    /// Why: any other hardening.
    pub for_late_payer: &'static str,
    /// The warning when the client paid late before, and what the contract then does
    /// (`rates`, `safeguards`).
    pub announcement: fn(bool, bool) -> String,
    /// The saved profile offered: where it is saved.
    pub profile_saved_in: fn(&str) -> String,
    /// Whether to take the saved details.
    pub use_profile: &'static str,
    /// Its help.
    pub use_profile_help: &'static str,
    /// Whether to keep the records of a list being changed (the item's name).
    pub keep_records: fn(&str) -> String,
    /// Its help.
    pub keep_records_help: fn(&str) -> String,
    /// The heading of a record: the item's name (capitalised) and its number.
    pub record: fn(&str, usize) -> String,
    /// Said when a list is full.
    pub list_full: fn(&str) -> String,
    /// Whether to add a record.
    pub add_another: fn(&str) -> String,
    /// Its help.
    pub add_another_help: fn(&str) -> String,
    /// The heading of the late payer's amounts in the summary.
    pub late_payer_instead: &'static str,
    /// The summary's question.
    pub all_right: &'static str,
    /// Write the contract.
    pub write: &'static str,
    /// Change an answer.
    pub change: &'static str,
    /// Esc at the summary: stop?
    pub stop: &'static str,
    /// Its help.
    pub stop_help: &'static str,
    /// Which answer to change.
    pub which: &'static str,
    /// Its help.
    pub which_help: &'static str,
    /// The last option: change nothing.
    pub none: &'static str,
    /// `new` found the draft of a stopped interview (where it is).
    pub draft_found: fn(&str) -> String,
    /// Whether to continue it.
    pub resume: &'static str,
    /// Its help.
    pub resume_help: &'static str,
    /// The interview was stopped and its answers saved: where, and the command that goes on.
    pub stopped: fn(&str, &str) -> String,
    /// The answers were saved when the terminal failed (where).
    pub saved_so_far: fn(&str) -> String,
    /// The profile would change (where it is, and the changes, one a line).
    pub profile_changes: fn(&str, &str) -> String,
    /// Whether to save them.
    pub save_profile: &'static str,
    /// Its help when the details came from an answers file.
    pub save_profile_from_file: &'static str,
    /// Its help otherwise.
    pub save_profile_offered: &'static str,
    /// The profile was kept as it was.
    pub profile_unchanged: &'static str,
    /// The output files exist (listed after it).
    pub files_exist: &'static str,
    /// One of them is a file the run read, never replaced: another folder is asked for (the
    /// file).
    pub input_kept: fn(&str) -> String,
    /// What to do about them.
    pub what_to_do: &'static str,
    /// Replace them.
    pub replace: &'static str,
    /// Write elsewhere.
    pub elsewhere: &'static str,
    /// The folder to write to.
    pub folder: &'static str,
    /// A folder that does not exist.
    pub no_folder: fn(&str) -> String,
    /// Whether to create the folder that does not exist.
    pub create_folder: &'static str,
    /// Its help: the folder that would be created.
    pub create_folder_help: fn(&str) -> String,
    /// The folder could not be created (the folder, the reason the system gave).
    pub cannot_create: fn(&str, &str) -> String,
    /// A folder name that names a file.
    pub not_a_folder: fn(&str) -> String,
    /// How to change an answer later: the answers file and the command that builds again.
    pub change_later: fn(&str, &str) -> String,
    /// The keys of a short list, shown with its help.
    pub keys: &'static str,
    /// The keys of a long list, which typing filters.
    pub keys_filter: &'static str,
    /// How a yes-or-no question is answered and shown.
    pub yes_no: &'static YesNo,
    /// The comment that opens the answers file `new` saves (the command that builds again),
    /// each line starting `# `.
    pub answers_header: fn(&str) -> String,
    /// The comment added to it for a client who paid late.
    pub late_payer_header: &'static str,
    /// The comment that opens the profile.
    pub profile_header: &'static str,
    /// The comment added to it when it remembers the last contract's trade and place.
    pub profile_remembered: &'static str,
    /// The comment that opens a draft (the command that continues it).
    pub draft_header: fn(&str) -> String,
    /// The profile was saved (where).
    pub details_saved: fn(&str) -> String,
    /// What an empty date answer shows of the form to type.
    pub date_placeholder: &'static str,
    /// Work starts in the past: the start, today.
    pub start_in_past: fn(&str, &str) -> String,
    /// Work starts before the agreement's date: the start, the agreement's date.
    pub start_before_agreement: fn(&str, &str) -> String,
    /// The line before each question: the section's title, the question's place in the
    /// section (`n` of `m`) and in the whole interview (`N` of `M`).
    pub progress: fn(&str, usize, usize, usize, usize) -> String,
    /// The last option of a list: back to the question before.
    pub back: &'static str,
    /// Added to the help of a typed or yes-or-no question: how to go back.
    pub back_help: &'static str,
    /// The last option of a list asked again from the summary: back to it, the answer kept.
    pub back_to_summary: &'static str,
    /// Added to the help of a typed or yes-or-no question asked again from the summary.
    pub back_to_summary_help: &'static str,
    /// Said when going back from the first question.
    pub first_question: &'static str,
    /// The heading of the recommended safeguards, listed before the offer to take them all.
    pub recommended: &'static str,
    /// Whether to take every recommended safeguard.
    pub use_recommended: &'static str,
    /// Its help.
    pub use_recommended_help: &'static str,
    /// What an answer does in the contract, with the user's own numbers.
    pub effects: &'static Effects,
    /// The prompt under a page of a summary taller than the window (the page, the pages).
    pub page: fn(usize, usize) -> String,
    /// Its option that shows the next page.
    pub next_page: &'static str,
    /// What a warning is called before its message (`warning`).
    pub warning: &'static str,
    /// What an error is called before its message (`error`).
    pub error: &'static str,
    /// The line after a list of problems: how many errors, how many warnings.
    pub counts: fn(usize, usize) -> String,
    /// An output file exists and `--force` was not given (the file).
    pub output_exists: fn(&str) -> String,
    /// The folder an output was to be written in does not exist (the folder).
    pub output_no_folder: fn(&str) -> String,
    /// An output could not be written (the file, the reason the system gave).
    pub output_unwritable: fn(&str, &str) -> String,
    /// Two outputs of one run on one path (the path).
    pub output_twice: fn(&str) -> String,
    /// An output is a file the run read, never replaced (the output, the input).
    pub output_is_input: fn(&str, &str) -> String,
    /// The interview stopped and its answers could not be saved as a draft (why: the write's
    /// own error, in this language).
    pub draft_unsaved: fn(&str) -> String,
    /// The terminal could not be read or written (the system's reason, in this language).
    pub terminal_failed: fn(&str) -> String,
    /// The draft could not be removed after its contract was written (the draft, the reason).
    pub draft_not_removed: fn(&str, &str) -> String,
    /// The interview was stopped before anything was answered.
    pub cancelled: &'static str,
    /// `new -o -`: the answers file goes beside the contract, so not to standard output.
    pub stdout_refused: &'static str,
    /// `new --resume` with no draft to continue (where the draft would be).
    pub no_draft: fn(&str) -> String,
    /// A contract asked in a language the clause library is not written in (the language,
    /// the ones it is written in).
    pub unwritten: fn(Language, &[Language]) -> String,
    /// `new` run where the standard streams named are not a terminal (`input`, `output`,
    /// `error`), and what to do instead.
    pub no_terminal: fn(&[&str]) -> String,
    /// Said after the problems of the answers file given to `new`: their lines are ignored
    /// (the file's name).
    pub ignored: fn(&str) -> String,
    /// A value of the answers file given to `new` is refused, before its question is asked:
    /// where it is (`file:line`, `--date`), the question, and why.
    pub given_refused: fn(&str, &Question, &Refusal) -> String,
    /// A region of the answers file given to `new` the country answered does not have: where
    /// it is, the question, and why.
    pub given_not_a_region: fn(&str, &Question, &NotARegion) -> String,
    /// A saved detail of the profile is refused and not offered: the question, and why.
    pub profile_refused: fn(&Question, &Refusal) -> String,
}

/// The sentence said after a money, percent or days answer, or after an answer that completes
/// a phrase of the contract: what it does with the user's own numbers. Every value comes
/// worded by `format` (`$3,200.00`, `50%`, `15 business days`, `March 16, 2026`).
pub struct Effects {
    /// The fee (the fee).
    pub fee: fn(&str) -> String,
    /// The hourly rate for extra work (the rate, ten hours of it).
    pub hourly_rate: fn(&str, &str) -> String,
    /// The deposit (the percent, the amount, the fee).
    pub deposit: fn(&str, &str, &str) -> String,
    /// A deposit of 100%: the whole fee in advance (the fee, the half that is the deposit).
    pub whole_fee: fn(&str, &str) -> String,
    /// Interest a month (the rate, an overdue invoice, its interest for thirty days).
    pub interest: fn(&str, &str, &str) -> String,
    /// Days to pay (the days, an invoice's date, its due date).
    pub payment_days: fn(&str, &str, &str) -> String,
    /// Business days to review a delivery (the days).
    pub review_days: fn(&str) -> String,
    /// Business days of silence before the warning (the days).
    pub silence_days: fn(&str) -> String,
    /// The cancellation fee (the percent, the fee unearned, the fee it gives).
    pub cancellation_fee: fn(&str, &str, &str) -> String,
    /// No cancellation fee (the percent, 0%).
    pub no_cancellation_fee: fn(&str) -> String,
    /// Any other amount, percent or period (the label, the value).
    pub plain: fn(&str, &str) -> String,
    /// The law that governs the contract, as the contract names it.
    pub law: fn(&str) -> String,
    /// The courts that hear disputes, as the contract names them.
    pub courts: fn(&str) -> String,
    /// A phrase of the contract that an answer completes.
    pub completes: fn(&str) -> String,
}

/// How a yes-or-no question is answered and shown (`y`, `n`, `Yes`, `No`).
pub struct YesNo {
    /// What is shown after an answer of yes.
    pub yes: &'static str,
    /// What is shown after an answer of no.
    pub no: &'static str,
    /// The hint when Enter means yes, shown in brackets after the question (`Y/n`).
    pub yes_hint: &'static str,
    /// The hint when Enter means no.
    pub no_hint: &'static str,
    /// The hint when Enter alone is no answer.
    pub either_hint: &'static str,
    /// Said for a reply that is neither.
    pub error: &'static str,
    /// Reads a reply (lower-cased): yes, no, or neither.
    pub parse: fn(&str) -> Option<bool>,
}

/// `text` with its first letter a capital: a label (`fee`) that starts a sentence.
pub(crate) fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The catalogue of `language`.
#[must_use]
pub fn of(language: Language) -> &'static Messages {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

const ENGLISH: Messages = Messages {
    intro: "Answer the questions below to get a contract for one client; help is shown
under each question. Press Esc or Ctrl-C to stop: the contract is written only
once you confirm the summary at the end, and the answers so far are kept as a draft.",
    summary: "Summary",
    required: "This question needs an answer.",
    leave_unanswered: "Leave unanswered",
    refused: |_, why| format!("The answer {}.", why.english),
    not_a_region: |why| format!("The answer {}.", why.english),
    finer: |amount, code| {
        let why = crate::model::finer_than_minor_unit(amount, code).unwrap_or_default();
        format!("The answer is {}; {why}.", amount.normalize())
    },
    unprintable: |c| {
        format!(
            "The PDF font cannot show the character '{c}' (U+{:04X}); write it another way, or choose --format md.",
            u32::from(c)
        )
    },
    two_ways: |typed| format!("{typed} reads two ways: which amount did you mean?"),
    two_ways_help: "Esc to type the amount again.",
    grouping: |amount, mark| format!("{amount} (the {mark} groups thousands)"),
    before_cents: |amount, mark| format!("{amount} (the {mark} comes before the cents)"),
    allowed: |question| match question.ty {
        Type::Date => Some(format!(
            "Answer with {}, or with today, tomorrow, +2w or next monday.",
            question.ty.expectation(question)
        )),
        Type::Money | Type::Percent | Type::Integer => Some(format!(
            "Answer with {}.",
            question.ty.expectation(question)
        )),
        Type::Email => Some("Answer with an email address such as name@example.com.".into()),
        Type::Phone => Some("Answer with a phone number such as +1 217 555 0142.".into()),
        _ => None,
    },
    late_payer_set: |label, shown| format!("{label}: {shown}, always for a client who paid late."),
    in_the_contract: |shown, why| format!("In the contract: {shown} ({why})."),
    in_the_contract_named: |label, shown, why| {
        format!("{} in the contract: {shown} ({why}).", sentence_case(label))
    },
    doubled: "doubled, as the client paid late before",
    at_least: "the least for a client who paid late",
    at_most: "the most for a client who paid late",
    for_late_payer: "for a client who paid late",
    announcement: |rates, safeguards| {
        let mut text = String::from(
            "This client paid you late before: think it over before you take the job.",
        );
        let what = match (rates, safeguards) {
            (true, true) => Some("doubles your rates and includes every safeguard"),
            (true, false) => Some("doubles your rates"),
            (false, true) => Some("includes every safeguard"),
            (false, false) => None,
        };
        if let Some(what) = what {
            text.push_str(&format!(
                "\nIf you do, the contract {what},\nwhatever you answer below. You will see the \
                 contract's amounts as you go."
            ));
        }
        text
    },
    profile_saved_in: |place| format!("Your details, saved in {place}:"),
    use_profile: "Use these details?",
    use_profile_help: "Answer no to go through them one by one.",
    keep_records: |item| format!("Keep these {item}s as they are?"),
    keep_records_help: |item| format!("Answer no to list every {item} again."),
    record: |item, number| format!("{item} {number}"),
    list_full: |item| format!("That is the most a list holds: {MAX_RECORDS} {item}s."),
    add_another: |item| format!("Add another {item}?"),
    add_another_help: |item| format!("Answer no when every {item} is listed."),
    late_payer_instead: "For a client who paid late, the contract uses instead:",
    all_right: "Is everything right?",
    write: "Yes: write the contract and the answers file",
    change: "No: change an answer",
    stop: "Stop without writing the contract?",
    stop_help: "Your answers are kept as a draft to continue later.",
    which: "Which answer do you want to change?",
    which_help: "Esc goes back to the summary.",
    none: "None: back to the summary",
    draft_found: |path| {
        format!(
            "An interview was stopped before its contract was written; its answers are in {path}."
        )
    },
    resume: "Continue that interview?",
    resume_help: "Answer no to start afresh; the draft is replaced only if this interview is \
                  stopped too.",
    stopped: |draft, resume| {
        format!(
            "the interview was stopped; the contract was not written.\nYour answers so far are saved in {draft}; to continue, run:\n\n    {resume}"
        )
    },
    saved_so_far: |path| format!("Your answers so far are saved in {path}."),
    profile_changes: |path, changes| format!("Your profile ({path}) would change:{changes}"),
    save_profile: "Save them to your profile?",
    save_profile_from_file: "They came from the answers file, which may be someone else's.",
    save_profile_offered: "They are offered for every new contract.",
    profile_unchanged: "Your profile was not changed.",
    files_exist: "These files already exist:",
    input_kept: |path| {
        format!(
            "{path} is a file this run read, and it is never replaced: choose another folder for \
             the contract and its answers."
        )
    },
    what_to_do: "What should be done?",
    replace: "Replace them",
    elsewhere: "Write to another folder",
    folder: "Folder to write to",
    no_folder: |folder| format!("There is no folder {folder}."),
    create_folder: "Create it?",
    create_folder_help: |folder| {
        format!(
            "Yes creates {folder}, and any folder above it that is missing; no asks for another folder."
        )
    },
    cannot_create: |folder, why| format!("The folder {folder} could not be created: {why}."),
    not_a_folder: |folder| format!("{folder} is a file, not a folder."),
    change_later: |path, rebuild| {
        format!("\nTo change an answer later, edit {path} and run:\n    {rebuild}")
    },
    keys: "(↑↓ to move, Enter to choose)",
    keys_filter: "(↑↓ to move, type to filter, Enter to choose)",
    yes_no: &YES_NO,
    answers_header: |rebuild| {
        format!(
            "# Answers saved by `clausewright new`. Edit any value, then build the contract again:\n\
             #\n\
             #     {rebuild}\n"
        )
    },
    late_payer_header: "#\n\
         # The client paid late before (relationship: repeat-late-payer): the contract doubles\n\
         # the rates written here and includes every safeguard, whatever is written below.\n",
    profile_header: "# Your own details, offered by `clausewright new` for every contract. Edit them here\n\
         # or change them during an interview.\n",
    profile_remembered: "#\n\
         # Your trade and the place whose law governs are those of your last contract: the\n\
         # interview still asks for them, and offers these answers first.\n",
    draft_header: |resume| {
        format!(
            "# The answers of an interview that was stopped, saved by `clausewright new`.\n\
             # Continue the interview with:\n\
             #\n\
             #     {resume}\n\
             #\n\
             # Questions not answered yet are asked then; the contract is written at the end.\n\n"
        )
    },
    details_saved: |path| format!("saved your details to {path}"),
    date_placeholder: "YYYY-MM-DD",
    start_in_past: |start, today| {
        format!("Note: work starts on {start}, which is in the past (today is {today}).")
    },
    start_before_agreement: |start, signed| {
        format!("Note: work starts on {start}, before the date of the agreement, {signed}.")
    },
    progress: |section, n, of, all, all_of| {
        format!("{section} · question {n} of {of} · {all} of {all_of}")
    },
    back: "← Back to the question before",
    back_help: "Type < to go back one question.",
    back_to_summary: "← Back to the summary, keeping the answer",
    back_to_summary_help: "Type < to go back to the summary and keep the answer.",
    first_question: "This is the first question: there is none before it to go back to.",
    recommended: "The recommended safeguards:",
    use_recommended: "Use all recommended safeguards?",
    use_recommended_help: "Answer no to go through them one by one.",
    effects: &ENGLISH_EFFECTS,
    page: |page, pages| format!("Summary, page {page} of {pages}"),
    next_page: "Next page",
    warning: "warning",
    error: "error",
    counts: |errors, warnings| crate::error::Counts { errors, warnings }.to_string(),
    output_exists: |path| crate::error::OutputError::Exists { path: path.into() }.to_string(),
    output_no_folder: |path| {
        crate::error::OutputError::MissingFolder { path: path.into() }.to_string()
    },
    output_unwritable: |path, reason| {
        crate::error::OutputError::Write {
            path: path.into(),
            reason: reason.to_owned(),
            kind: None,
        }
        .to_string()
    },
    output_twice: |path| crate::error::OutputError::Twice { path: path.into() }.to_string(),
    output_is_input: |path, input| {
        crate::error::OutputError::IsInput {
            path: path.into(),
            input: input.into(),
        }
        .to_string()
    },
    draft_unsaved: |why| {
        format!("the interview was stopped, and its answers could not be saved as a draft: {why}")
    },
    terminal_failed: |why| format!("<terminal>: {why}"),
    draft_not_removed: |path, why| {
        format!(
            "the contract was written, but the draft {path}, no longer needed, could not be \
             removed: {why}; delete it yourself, or `clausewright new` will offer to resume it"
        )
    },
    cancelled: "the interview was stopped; nothing was written",
    stdout_refused: "`new` writes the answers file beside the contract, so it cannot write to \
                     standard output; give -o a folder or a file name",
    no_draft: |path| {
        format!(
            "there is no stopped interview to continue: no draft in {path}; run `clausewright \
             new` to start one"
        )
    },
    unwritten: |language, written| {
        let names: Vec<String> = (written.iter())
            .map(|l| format!("{} ({})", l.name(), l.code()))
            .collect();
        format!(
            "--lang {language}: this clause library is written in {}; a contract in {} needs its \
             clauses in a folder {} of the library",
            names.join(" and "),
            language.name(),
            crate::library::language_dir(language)
        )
    },
    no_terminal: |streams| {
        let (names, verb) = match streams {
            [one] => ((*one).to_owned(), "is"),
            [init @ .., last] => (format!("{} and {last}", init.join(", ")), "are"),
            [] => (String::new(), "is"),
        };
        format!(
            "`clausewright new` asks its questions in a terminal, but its standard {names} {verb} \
             not one.\n\
             Without a terminal, write the answers in a file and build the contract from it:\n\n    \
             clausewright example > answers.yaml    # every question, explained, with example answers: edit it\n    \
             clausewright build answers.yaml\n\n\
             An answers file saved by an earlier `clausewright new` works too; \
             `clausewright build --help` lists the options."
        )
    },
    ignored: |name| format!("These lines of {name} are ignored."),
    given_refused: |place, question, why| format!("{place}: `{}` {}", question.key, why.english),
    given_not_a_region: |place, question, why| {
        format!("{place}: `{}` {}", question.key, why.english)
    },
    profile_refused: |question, why| format!("`{}` {}; it is not offered", question.key, why),
};

const ENGLISH_EFFECTS: Effects = Effects {
    fee: |fee| {
        format!(
            "The client pays {fee} for the work in the scope; anything beyond it is extra work, charged on top."
        )
    },
    hourly_rate: |rate, ten| {
        format!("Extra work costs the client {rate} an hour: ten hours of it come to {ten}.")
    },
    deposit: |percent, amount, fee| {
        format!(
            "A {percent} deposit: the client pays {amount} of your {fee} fee before any work starts."
        )
    },
    whole_fee: |fee, half| {
        format!(
            "The client pays the whole fee, {fee}, before any work starts; {half} of it is the deposit."
        )
    },
    interest: |rate, overdue, interest| {
        format!(
            "{rate}: an invoice of {overdue} paid thirty days late carries {interest} of interest."
        )
    },
    payment_days: |days, dated, due| {
        format!("{days} to pay: an invoice dated {dated} is due by {due}.")
    },
    review_days: |days| {
        format!(
            "A delivery the client says nothing about for {days} counts as accepted, and the final invoice can go out."
        )
    },
    silence_days: |days| {
        format!(
            "If the client leaves a request unanswered for {days}, you may warn it in writing, and five business days later end the work and invoice what you have done."
        )
    },
    cancellation_fee: |percent, unearned, fee| {
        format!(
            "A {percent} cancellation fee: with {unearned} of the fee unearned, the client pays {fee} more than the work done (the deposit counts towards it)."
        )
    },
    no_cancellation_fee: |percent| {
        format!(
            "{percent}: a client who cancels or goes silent pays for the work done, and you keep the deposit."
        )
    },
    plain: |label, shown| format!("In the contract: {label} {shown}."),
    law: |law| format!("The contract will say: “This Agreement … is governed by {law} …”"),
    courts: |courts| format!("The contract will say: “… is to be heard by {courts} …”"),
    completes: |phrase| format!("The contract will say: “… {phrase} …”"),
};

const TURKISH: Messages = Messages {
    intro: "Tek bir müşteri için sözleşme hazırlamak üzere aşağıdaki soruları yanıtlayın; her
sorunun altında bir açıklama var. Durmak için Esc ya da Ctrl-C’ye basın: sözleşme
yalnızca sondaki özeti onayladığınızda yazılır, o ana kadarki yanıtlarınız taslak olarak saklanır.",
    summary: "Özet",
    required: "Bu sorunun yanıtlanması gerekiyor.",
    leave_unanswered: "Yanıtsız bırak",
    refused: refused_tr,
    not_a_region: not_a_region_tr,
    finer: |amount, code| match crate::model::minor_units(code) {
        0 => format!(
            "“{}” kabul edilmedi: {code} cinsinden bir tutarda ondalık basamak olmaz; tutarı tam \
             sayı olarak yazın.",
            amount.normalize()
        ),
        places => format!(
            "“{}” kabul edilmedi: {code} cinsinden bir tutarda en fazla {} ondalık basamak olur.",
            amount.normalize(),
            format::tr::integer_words(u128::from(places))
        ),
    },
    unprintable: |c| {
        format!(
            "PDF’nin yazı tipi '{c}' (U+{:04X}) karakterini gösteremiyor; başka türlü yazın ya da --format md seçin.",
            u32::from(c)
        )
    },
    two_ways: |typed| format!("{typed} iki türlü okunabiliyor: hangi tutarı kastettiniz?"),
    two_ways_help: "Tutarı yeniden yazmak için Esc.",
    grouping: |amount, mark| format!("{amount} ({mark} binlikleri ayırıyor)"),
    before_cents: |amount, mark| format!("{amount} ({mark} kuruşlardan önce geliyor)"),
    allowed: |question| match question.ty {
        Type::Date => Some(format!(
            "Yanıt olarak {} ya da bugün, yarın, +2h (iki hafta sonra), 3 gün sonra, haftaya \
             pazartesi gibi bir ifade yazın.",
            expected_tr(question)
        )),
        Type::Money | Type::Percent | Type::Integer | Type::Email | Type::Phone => {
            Some(format!("Yanıt olarak {} yazın.", expected_tr(question)))
        }
        _ => None,
    },
    late_payer_set: |label, shown| {
        format!("{label}: {shown}; geç ödeme yapmış bir müşteri için her zaman böyle.")
    },
    in_the_contract: |shown, why| format!("Sözleşmede: {shown} ({why})."),
    in_the_contract_named: |label, shown, why| format!("Sözleşmede {label}: {shown} ({why})."),
    doubled: "müşteri daha önce geç ödediği için iki katı",
    at_least: "geç ödeme yapmış bir müşteri için en az bu",
    at_most: "geç ödeme yapmış bir müşteri için en fazla bu",
    for_late_payer: "geç ödeme yapmış bir müşteri için",
    announcement: |rates, safeguards| {
        let mut text = String::from(
            "Bu müşteri size daha önce geç ödeme yaptı: işi almadan önce iyice düşünün.",
        );
        let what = match (rates, safeguards) {
            (true, true) => Some("ücretlerinizi iki katına çıkarır ve bütün güvenceleri içerir"),
            (true, false) => Some("ücretlerinizi iki katına çıkarır"),
            (false, true) => Some("bütün güvenceleri içerir"),
            (false, false) => None,
        };
        if let Some(what) = what {
            text.push_str(&format!(
                "\nAlırsanız, aşağıda ne yanıt verirseniz verin sözleşme {what}.\nSözleşmedeki \
                 tutarları ilerledikçe göreceksiniz."
            ));
        }
        text
    },
    profile_saved_in: |place| format!("{place} dosyasında kayıtlı bilgileriniz:"),
    use_profile: "Bu bilgiler kullanılsın mı?",
    use_profile_help: "Bilgileri tek tek gözden geçirmek için hayır deyin.",
    keep_records: |item| format!("Bu {item} listesi olduğu gibi kalsın mı?"),
    keep_records_help: |item| format!("Her {item} kaydını yeniden girmek için hayır deyin."),
    record: |item, number| format!("{item} {number}"),
    list_full: |_| format!("Bir liste en fazla {MAX_RECORDS} kayıt tutar."),
    add_another: |item| format!("Başka bir {item} eklensin mi?"),
    add_another_help: |_| "Hepsini yazdıysanız hayır deyin.".to_owned(),
    late_payer_instead: "Geç ödeme yapmış bir müşteri için sözleşme bunların yerine şunları kullanır:",
    all_right: "Her şey doğru mu?",
    write: "Evet: sözleşmeyi ve yanıt dosyasını yaz",
    change: "Hayır: bir yanıtı değiştir",
    stop: "Sözleşme yazılmadan durulsun mu?",
    stop_help: "Yanıtlarınız, daha sonra devam etmek üzere taslak olarak saklanır.",
    which: "Hangi yanıtı değiştirmek istiyorsunuz?",
    which_help: "Esc ile özete dönersiniz.",
    none: "Hiçbiri: özete dön",
    draft_found: |path| {
        format!("Sözleşmesi yazılmadan durdurulmuş bir görüşme var; yanıtları {path} dosyasında.")
    },
    resume: "O görüşmeye devam edilsin mi?",
    resume_help: "Baştan başlamak için hayır deyin; taslağın yerine ancak bu görüşme de \
                  durdurulursa yenisi yazılır.",
    stopped: |draft, resume| {
        format!(
            "görüşme durduruldu; sözleşme yazılmadı.\nŞimdiye kadarki yanıtlarınız {draft} dosyasında saklandı; devam etmek için şunu çalıştırın:\n\n    {resume}"
        )
    },
    saved_so_far: |path| format!("Şimdiye kadarki yanıtlarınız {path} dosyasında saklandı."),
    profile_changes: |path, changes| format!("Profiliniz ({path}) şöyle değişecek:{changes}"),
    save_profile: "Bu değişiklikler profilinize kaydedilsin mi?",
    save_profile_from_file: "Bunlar yanıt dosyasından geldi; dosya başka birine ait olabilir.",
    save_profile_offered: "Profiliniz her yeni sözleşmede size önerilir.",
    profile_unchanged: "Profiliniz değiştirilmedi.",
    files_exist: "Bu dosyalar zaten var:",
    input_kept: |path| {
        format!(
            "{path} bu komutun okuduğu bir dosyadır ve yerine yenisi yazılmaz: sözleşme ve \
             yanıtları için başka bir klasör seçin."
        )
    },
    what_to_do: "Ne yapılsın?",
    replace: "Üzerlerine yaz",
    elsewhere: "Başka bir klasöre yaz",
    folder: "Yazılacak klasör",
    no_folder: |folder| format!("{folder} diye bir klasör yok."),
    create_folder: "Oluşturulsun mu?",
    create_folder_help: |folder| {
        format!(
            "Evet derseniz {folder} ve üstünde eksik olan klasörler oluşturulur; hayır derseniz başka bir klasör sorulur."
        )
    },
    cannot_create: |folder, why| format!("{folder} klasörü oluşturulamadı: {why}."),
    not_a_folder: |folder| format!("{folder} bir dosya, klasör değil."),
    change_later: |path, rebuild| {
        format!(
            "\nBir yanıtı sonradan değiştirmek için {path} dosyasını düzenleyip şunu çalıştırın:\n    {rebuild}"
        )
    },
    keys: "(↑↓ ile gezinin, Enter ile seçin)",
    keys_filter: "(↑↓ ile gezinin, süzmek için yazın, Enter ile seçin)",
    yes_no: &EVET_HAYIR,
    answers_header: |rebuild| {
        format!(
            "# `clausewright new` ile kaydedilen yanıtlar. İstediğiniz değeri düzenleyin, sonra\n\
             # sözleşmeyi yeniden oluşturun:\n\
             #\n\
             #     {rebuild}\n"
        )
    },
    late_payer_header: "#\n\
         # Müşteri size daha önce geç ödeme yaptı (relationship: repeat-late-payer): aşağıda ne\n\
         # yazarsa yazsın, sözleşme buradaki ücretleri iki katına çıkarır ve bütün güvenceleri\n\
         # içerir.\n",
    profile_header: "# `clausewright new` tarafından her sözleşmede size önerilen kendi bilgileriniz.\n\
         # Onları burada düzenleyebilir ya da bir görüşme sırasında değiştirebilirsiniz.\n",
    profile_remembered: "#\n\
         # Mesleğiniz ve sözleşmeye uygulanacak hukukun ülkesi son sözleşmenizdekilerdir: görüşme\n\
         # bunları yine sorar, ama önce bu yanıtları önerir.\n",
    draft_header: |resume| {
        format!(
            "# Durdurulmuş bir görüşmenin yanıtları; `clausewright new` tarafından kaydedildi.\n\
             # Görüşmeye şu komutla devam edin:\n\
             #\n\
             #     {resume}\n\
             #\n\
             # Henüz yanıtlanmamış sorular o zaman sorulur; sözleşme en sonda yazılır.\n\n"
        )
    },
    details_saved: |path| format!("Bilgileriniz {path} dosyasına kaydedildi."),
    date_placeholder: "YYYY-AA-GG",
    start_in_past: |start, today| {
        format!("Not: iş {start} tarihinde başlıyor; bu tarih geçmişte kaldı (bugün {today}).")
    },
    start_before_agreement: |start, signed| {
        format!("Not: iş {start} tarihinde, yani sözleşme tarihinden ({signed}) önce başlıyor.")
    },
    progress: |section, n, of, all, all_of| {
        format!("{section} · soru {n}/{of} · toplam {all}/{all_of}")
    },
    back: "← Bir önceki soruya dön",
    back_help: "Bir önceki soruya dönmek için < yazın.",
    back_to_summary: "← Yanıtı değiştirmeden özete dön",
    back_to_summary_help: "Yanıtı değiştirmeden özete dönmek için < yazın.",
    first_question: "Bu ilk soru: dönülecek bir önceki soru yok.",
    recommended: "Önerilen güvenceler:",
    use_recommended: "Önerilen güvencelerin hepsi kullanılsın mı?",
    use_recommended_help: "Tek tek gözden geçirmek için hayır deyin.",
    effects: &TURKISH_EFFECTS,
    page: |page, pages| format!("Özet, sayfa {page}/{pages}"),
    next_page: "Sonraki sayfa",
    warning: "uyarı",
    error: "hata",
    // Turkish counts take the singular: "2 hata, 1 uyarı".
    counts: |errors, warnings| format!("{errors} hata, {warnings} uyarı"),
    output_exists: |path| {
        format!("{path} zaten var; yerine yenisini yazmak için --force seçeneğini verin")
    },
    output_no_folder: |path| format!("{path} diye bir çıktı klasörü yok"),
    output_unwritable: |path, reason| format!("{path} yazılamadı: {reason}"),
    output_twice: |path| {
        format!("{path} iki kez yazılacaktı; her çıktıya ayrı bir dosya adı verin")
    },
    unwritten: |language, written| {
        let name = |language: Language| match language {
            Language::En => "İngilizce",
            Language::Tr => "Türkçe",
        };
        let names: Vec<String> = (written.iter())
            .map(|l| format!("{} ({})", name(*l), l.code()))
            .collect();
        format!(
            "--lang {language}: bu sözleşme kütüphanesi {} yazılmış; {} bir sözleşme için \
             maddelerin {} metni kütüphanenin {} klasöründe bulunmalı",
            names.join(" ve "),
            name(language),
            name(language),
            crate::library::language_dir(language)
        )
    },
    output_is_input: |path, input| {
        format!(
            "{path}, bu komutun okuduğu {input} dosyasıdır; okunan bir dosyanın yerine --force \
             verilse bile çıktı yazılmaz: başka bir çıktı dosyası seçin"
        )
    },
    draft_unsaved: |why| {
        format!("görüşme durduruldu, ancak yanıtlarınız taslak olarak kaydedilemedi: {why}")
    },
    terminal_failed: |why| format!("terminal okunamadı: {why}"),
    draft_not_removed: |path, why| {
        format!(
            "sözleşme yazıldı, ancak artık gerekmeyen {path} taslağı silinemedi: {why}; \
             taslağı kendiniz silin, yoksa `clausewright new` onu devam ettirmeyi önerir"
        )
    },
    cancelled: "görüşme durduruldu; hiçbir şey yazılmadı",
    stdout_refused: "`new`, yanıt dosyasını sözleşmenin yanına yazar, bu yüzden standart \
                     çıktıya yazamaz; -o ile bir klasör ya da dosya adı verin",
    no_draft: |path| {
        format!(
            "devam ettirilecek durdurulmuş bir görüşme yok: {path} konumunda taslak bulunmuyor; \
             yeni bir görüşme başlatmak için `clausewright new` komutunu çalıştırın"
        )
    },
    no_terminal: |streams| {
        let names: Vec<&str> = streams
            .iter()
            .map(|stream| match *stream {
                "input" => "girdisi",
                "output" => "çıktısı",
                _ => "hata çıktısı",
            })
            .collect();
        let names = match names.as_slice() {
            [init @ .., last] if !init.is_empty() => format!("{} ve {last}", init.join(", ")),
            _ => names.concat(),
        };
        format!(
            "`clausewright new` sorularını bir terminalde sorar, ancak standart {names} bir \
             terminale bağlı değil.\n\
             Terminal olmadan yanıtları bir dosyaya yazın ve sözleşmeyi o dosyadan oluşturun:\n\n    \
             clausewright example > yanitlar.yaml    # her soru, açıklaması ve örnek yanıtıyla: düzenleyin, `agreement.language: tr` yazın\n    \
             clausewright build yanitlar.yaml\n\n\
             Daha önce `clausewright new` ile kaydedilmiş bir yanıt dosyası da kullanılabilir; \
             `clausewright build --help` seçenekleri listeler."
        )
    },
    ignored: |name| format!("{name} dosyasındaki bu satırlar dikkate alınmıyor."),
    given_refused: |place, question, why| {
        format!(
            "{place}: `{}` yanıtı kabul edilmedi. {}",
            question.key,
            refused_tr(question, why)
        )
    },
    given_not_a_region: |place, question, why| {
        format!(
            "{place}: `{}` yanıtı kabul edilmedi. {}",
            question.key,
            not_a_region_tr(why)
        )
    },
    profile_refused: |question, why| {
        format!(
            "`{}` önerilmiyor. {}",
            question.key,
            refused_tr(question, why).trim_end_matches('.')
        )
    },
};

const TURKISH_EFFECTS: Effects = Effects {
    fee: |fee| {
        format!(
            "Müşteri kapsamdaki iş için {fee} öder; bunun dışındaki her iş ek iştir ve ayrıca ücretlendirilir."
        )
    },
    hourly_rate: |rate, ten| {
        format!("Ek işin saati müşteriye {rate} tutar: on saatlik ek iş {ten} eder.")
    },
    deposit: |percent, amount, fee| {
        format!(
            "{percent} kapora: müşteri, {fee} tutarındaki ücretinizin {amount} tutarındaki kısmını iş başlamadan önce öder."
        )
    },
    whole_fee: |fee, half| {
        format!(
            "Müşteri ücretin tamamını ({fee}) iş başlamadan önce öder; bunun {half} tutarındaki kısmı kaporadır."
        )
    },
    interest: |rate, overdue, interest| {
        format!(
            "{rate}: otuz gün geç ödenen {overdue} tutarındaki bir faturaya {interest} faiz işler."
        )
    },
    payment_days: |days, dated, due| {
        format!("Ödeme süresi {days}: {dated} tarihli bir fatura en geç {due} tarihinde ödenir.")
    },
    review_days: |days| {
        format!(
            "Müşterinin {days} boyunca bir şey söylemediği teslim kabul edilmiş sayılır ve son fatura gönderilebilir."
        )
    },
    silence_days: |days| {
        format!(
            "Müşteri bir talebinizi {days} boyunca yanıtsız bırakırsa ona yazılı uyarı gönderebilir, beş iş günü sonra da işi bitirip yaptığınız işi faturalayabilirsiniz."
        )
    },
    cancellation_fee: |percent, unearned, fee| {
        format!(
            "{percent} iptal bedeli: ücretin {unearned} tutarındaki kısmı henüz hak edilmemişken müşteri, yapılan işin bedelinden {fee} fazla öder (kapora bu bedele sayılır)."
        )
    },
    no_cancellation_fee: |percent| {
        format!(
            "{percent}: vazgeçen ya da sessiz kalan müşteri yalnızca yapılan işi öder; kapora sizde kalır."
        )
    },
    plain: |label, shown| format!("Sözleşmede: {label} {shown}."),
    law: |law| format!("Sözleşmede şöyle yazacak: “Bu Sözleşmeye … {law} uygulanır.”"),
    courts: |courts| {
        format!("Sözleşmede şöyle yazacak: “… her uyuşmazlık ve talepte {courts} yetkilidir …”")
    },
    completes: |phrase| format!("Sözleşmede şöyle yazacak: “… {phrase} …”"),
};

/// Yes and no in English, as inquire has them.
const YES_NO: YesNo = YesNo {
    yes: "Yes",
    no: "No",
    yes_hint: "Y/n",
    no_hint: "y/N",
    either_hint: "y/n",
    error: "Type y for yes or n for no.",
    parse: |reply| match reply {
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    },
};

/// Yes and no in Turkish: `e` (evet) and `h` (hayır); `y` and `n` are understood too, for a
/// hand used to them.
const EVET_HAYIR: YesNo = YesNo {
    yes: "Evet",
    no: "Hayır",
    yes_hint: "E/h",
    no_hint: "e/H",
    either_hint: "e/h",
    error: "Evet için e, hayır için h yazın.",
    parse: |reply| match reply {
        "e" | "evet" | "y" | "yes" => Some(true),
        "h" | "hayır" | "hayir" | "n" | "no" => Some(false),
        _ => None,
    },
};

/// Why a typed answer was refused, in Turkish, with the same detail as the English reason:
/// what was typed, what is wrong with it, and what to write instead. Numbers and dates are
/// worded by `format`.
fn refused_tr(question: &Question, refusal: &Refusal) -> String {
    let expected = expected_tr(question);
    let digits = |n: usize| format::tr::digits(Decimal::from(n));
    match &refusal.why {
        Why::TwoWays {
            typed,
            grouped,
            decimal,
            mark,
        } => format!(
            "“{typed}” iki türlü okunabiliyor: {} (“{mark}” binlikleri ayırıyorsa) ya da {} \
             (“{mark}” kuruşlardan önce geliyorsa); tutarı {grouped} ya da {decimal} diye yazın.",
            format::tr::digits(*grouped),
            format::tr::digits(*decimal),
        ),
        Why::TooLong { length, limit } => format!(
            "Bu yanıt {} karakter; {} en fazla {} karakter olabilir.",
            digits(*length),
            answer_name_tr(question.ty),
            digits(*limit)
        ),
        Why::Control(c) => format!(
            "Bu yanıtta yazdırılamayan bir denetim karakteri (U+{:04X}) var; yanıtı bu karakter \
             olmadan yeniden yazın.",
            u32::from(*c)
        ),
        Why::Direction(c) => format!(
            "Bu yanıtta, metnin gösterildiği yönü değiştiren görünmez bir karakter (U+{:04X}) var; \
             metni bu karakter olmadan yazın.",
            u32::from(*c)
        ),
        Why::Email { typed } => {
            format!("“{typed}” bir e-posta adresi değil; {expected} yazın.")
        }
        Why::Phone { typed, problem } => {
            format!(
                "“{typed}” kabul edilmedi: {}; {expected} yazın.",
                phone_tr(*problem)
            )
        }
        Why::NotAChoice { typed } => format!("“{typed}” {expected} değil."),
        Why::NotANumber { typed } => {
            format!(
                "“{typed}” {} olarak okunamadı; {expected} yazın.",
                answer_name_tr(question.ty)
            )
        }
        Why::FloatDigits { typed } => {
            format!("“{typed}” bütün basamaklarıyla okunamıyor; sayıyı tırnak içinde yazın.")
        }
        Why::TooManyPlaces { typed, places } => {
            let places = format::tr::integer_words(u128::from(*places));
            match question.ty {
                Type::Percent => format!(
                    "“{typed}” {places} ondalık basamaktan fazlasını içeriyor; en fazla {places} \
                     ondalık basamaklı bir yüzde yazın (ondalık ayırıcı olarak noktayla, 1.125 \
                     gibi)."
                ),
                _ => format!(
                    "“{typed}” {places} ondalık basamaktan fazlasını içeriyor; en fazla {places} \
                     ondalık basamaklı (kuruşlu) bir tutar yazın."
                ),
            }
        }
        Why::NoSuchMonth { typed, month } => format!(
            "“{typed}” bir tarih değil: {}. ay yok, aylar 01’den 12’ye kadar gider; {expected} \
             yazın.",
            format::tr::digits(Decimal::from(*month))
        ),
        Why::NoSuchDay { typed, month, days } => format!(
            "“{typed}” bir tarih değil: {} yalnızca {} gün çeker; {expected} yazın.",
            format::tr::month_year(*month),
            format::tr::digits(Decimal::from(*days))
        ),
        Why::NotADate { typed } => {
            format!("“{typed}” bir tarih olarak okunamadı; {expected} yazın.")
        }
        Why::OutOfRange { value } => format!(
            "{} bu soru için kabul edilen aralığın dışında; {expected} yazın.",
            shown_tr(question, value)
        ),
        Why::NotText | Why::NotABool | Why::NotAList => {
            format!("Bu yanıt kabul edilmedi; {expected} yazın.")
        }
    }
}

/// A value a message quotes, in Turkish: `%150`, `1.250,5`, `3`, `1 Mart 2026`.
fn shown_tr(question: &Question, value: &Value) -> String {
    match (question.ty, value) {
        (Type::Percent, Value::Number(n)) => format!("%{}", format::tr::digits(*n)),
        (_, Value::Number(n)) => format::tr::digits(*n),
        (_, Value::Integer(n)) => format::tr::digits(Decimal::from(*n)),
        (_, Value::Date(date)) => format::tr::long_date(*date),
        (_, other) => format!("“{other}”"),
    }
}

/// What is wrong with a phone number, in Turkish (after "kabul edilmedi:").
fn phone_tr(problem: Phone) -> String {
    match problem {
        Phone::Letters => "telefon numarasında harf olamaz".to_owned(),
        Phone::Characters => "yalnızca rakam, boşluk, +, -, ( ve ) kullanılabilir".to_owned(),
        Phone::TooManyDigits => "rakam sayısı bir telefon numarası için fazla".to_owned(),
        Phone::DoubleZero => "ülke kodunun önündeki 00 yerine + yazın".to_owned(),
        Phone::NoCountryCode => "ülke kodu eksik; + ve ülkenin koduyla başlayın, örneğin Türkiye \
                                 için +90, Almanya için +49"
            .to_owned(),
        Phone::UnknownCountryCode => {
            "+ işaretinden sonraki kod hiçbir ülkenin kodu değil; kodu kontrol edin".to_owned()
        }
        Phone::TooFewDigits => "ülke kodundan sonra yeterince rakam yok".to_owned(),
        Phone::Incomplete(code) => format!(
            "+{code} ülke kodu için eksik bir numara; alan kodunu ve rakam sayısını kontrol edin"
        ),
    }
}

/// What an answer of a type is called, in Turkish, as the subject of "en fazla … olabilir" or
/// the object of "olarak okunamadı".
fn answer_name_tr(ty: Type) -> &'static str {
    match ty {
        Type::Text => "bir metin yanıtı",
        Type::Email => "bir e-posta adresi",
        Type::Phone => "bir telefon numarası",
        Type::Money => "bir tutar",
        Type::Percent => "bir yüzde",
        Type::Integer => "bir tam sayı",
        Type::Date => "bir tarih",
        Type::Bool => "evet ya da hayır",
        Type::Choice => "bir seçim",
        Type::List => "bir liste",
    }
}

/// A region the country answered does not have, in Turkish, with the same detail as the
/// English reason: the answer, the closest region, and the codes to choose from.
fn not_a_region_tr(refusal: &NotARegion) -> String {
    let answer = &refusal.answer;
    if refusal.codes.is_empty() {
        return format!(
            "“{answer}” yazıldı, ama seçtiğiniz ülkede eyalet ya da ayrı bir hukuk sistemi yok; bu \
             soruyu boş bırakın."
        );
    }
    let suggestion = refusal
        .suggestion
        .as_ref()
        .map(|(code, name)| format!(" (şunu mu demek istediniz: {code}, {name}?)"))
        .unwrap_or_default();
    format!(
        "“{answer}” seçtiğiniz ülkenin bir eyaleti ya da hukuk sistemi değil{suggestion}; şunlardan \
         birini yazın: {}.",
        refusal.codes.join(", ")
    )
}

/// What a valid answer to `question` looks like, in Turkish, as the object of "yazın": `0,01
/// ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00)`.
pub(crate) fn expected_tr(question: &Question) -> String {
    let number = |value: &Value| match value {
        Value::Number(number) => format::tr::digits(*number),
        Value::Integer(number) => format::tr::digits(Decimal::from(*number)),
        Value::Date(date) => date.to_string(),
        other => other.to_string(),
    };
    let (floor, ceiling) = match question.ty {
        Type::Money => (
            Some(Value::Number(Decimal::ZERO)),
            Some(Value::Number(crate::model::schema::max_amount())),
        ),
        Type::Percent => (
            Some(Value::Number(Decimal::ZERO)),
            Some(Value::Number(Decimal::ONE_HUNDRED)),
        ),
        _ => (None, None),
    };
    let min = question.min.clone().or(floor);
    let max = question.max.clone().or(ceiling);
    let percent = if question.ty == Type::Percent {
        "%"
    } else {
        ""
    };
    let range = match (&min, &max) {
        (Some(min), Some(max)) => format!(
            "{percent}{} ile {percent}{} arasında ",
            number(min),
            number(max)
        ),
        (Some(min), None) => format!("en az {percent}{} olan ", number(min)),
        (None, Some(max)) => format!("en fazla {percent}{} olan ", number(max)),
        (None, None) => String::new(),
    };
    match question.ty {
        Type::Text => "bir metin".to_owned(),
        Type::Email => "ad@ornek.com gibi bir e-posta adresi".to_owned(),
        Type::Phone => "+90 212 555 01 42 gibi bir telefon numarası".to_owned(),
        Type::Money => format!("{range}bir tutar (örneğin 1250.00)"),
        Type::Percent => format!("{range}bir yüzde"),
        Type::Integer => format!("{range}bir tam sayı"),
        Type::Date => format!("{range}YYYY-AA-GG biçiminde bir tarih"),
        Type::Bool => "evet ya da hayır".to_owned(),
        Type::Choice => "listedeki seçeneklerden biri".to_owned(),
        Type::List => "bir liste".to_owned(),
    }
}

/// The locale the interview shows values in: the language's, with American conventions for
/// English as before (`$1,250.00`).
#[must_use]
pub fn locale(language: Language) -> Locale {
    Locale::of(language, Locale::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Question, Scalar, typed_value_why};

    /// The refusal `question` gives `typed`, as the interview reads it (amounts in `currency`).
    fn refusal(question: &Question, typed: &str, currency: &str) -> Refusal {
        typed_value_why(question, &Scalar::Str(typed.to_owned()), Some(currency)).expect_err(typed)
    }

    #[test]
    fn a_refused_answer_is_explained_in_turkish_with_turkish_numbers() {
        let mut fee = Question::new("fees.total", Type::Money, "Ücret");
        fee.min = Some(Value::Number(Decimal::new(1, 2)));
        assert_eq!(
            (TURKISH.refused)(&fee, &refusal(&fee, "abc", "TRY")),
            "“abc” bir tutar olarak okunamadı; 0,01 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) yazın."
        );
        let mut days = Question::new("payment.due_days", Type::Integer, "Gün");
        days.min = Some(Value::Integer(7));
        days.max = Some(Value::Integer(90));
        assert_eq!(
            (TURKISH.allowed)(&days).as_deref(),
            Some("Yanıt olarak 7 ile 90 arasında bir tam sayı yazın.")
        );
        let deposit = Question::new("deposit.percent", Type::Percent, "Kapora");
        assert_eq!(
            (TURKISH.allowed)(&deposit).as_deref(),
            Some("Yanıt olarak %0 ile %100 arasında bir yüzde yazın.")
        );
        // English keeps the model's reason.
        assert_eq!(
            (ENGLISH.refused)(&fee, &refusal(&fee, "abc", "USD")),
            "The answer is \"abc\"; expected an amount such as 1250.00 from 0.01 to 1,000,000,000,000."
        );
    }

    /// Every reason the typing gives, in Turkish, says what was typed and what is wrong with
    /// it, as the English one does.
    #[test]
    fn every_reason_is_given_in_turkish_in_detail() {
        let mut days = Question::new("payment.due_days", Type::Integer, "Gün");
        days.min = Some(Value::Integer(7));
        days.max = Some(Value::Integer(90));
        let deposit = Question::new("deposit.percent", Type::Percent, "Kapora");
        let fee = Question::new("fees.total", Type::Money, "Ücret");
        let start = Question::new("project.start", Type::Date, "Başlangıç");
        let email = Question::new("client.email", Type::Email, "E-posta");
        let name = Question::new("client.name", Type::Text, "Ad");
        let turkish = |question: &Question, typed: &str| {
            (TURKISH.refused)(question, &refusal(question, typed, "TRY"))
        };
        for (question, typed, expected) in [
            (
                &days,
                "120",
                "120 bu soru için kabul edilen aralığın dışında; 7 ile 90 arasında bir tam sayı yazın.",
            ),
            (
                &days,
                "on beş",
                "“on beş” bir tam sayı olarak okunamadı; 7 ile 90 arasında bir tam sayı yazın.",
            ),
            (
                &deposit,
                "150",
                "%150 bu soru için kabul edilen aralığın dışında; %0 ile %100 arasında bir yüzde yazın.",
            ),
            (
                &deposit,
                "12.12345",
                "“12.12345” dört ondalık basamaktan fazlasını içeriyor; en fazla dört ondalık basamaklı bir yüzde yazın (ondalık ayırıcı olarak noktayla, 1.125 gibi).",
            ),
            (
                &fee,
                "12,3456",
                "“12,3456” bir tutar olarak okunamadı; 0 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) yazın.",
            ),
            (
                &fee,
                "-5",
                "-5 bu soru için kabul edilen aralığın dışında; 0 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) yazın.",
            ),
            (
                &fee,
                "1250.555",
                "“1250.555” iki ondalık basamaktan fazlasını içeriyor; en fazla iki ondalık basamaklı (kuruşlu) bir tutar yazın.",
            ),
            (
                &start,
                "2026-02-30",
                "“2026-02-30” bir tarih değil: Şubat 2026 yalnızca 28 gün çeker; YYYY-AA-GG biçiminde bir tarih yazın.",
            ),
            (
                &start,
                "2026-13-01",
                "“2026-13-01” bir tarih değil: 13. ay yok, aylar 01’den 12’ye kadar gider; YYYY-AA-GG biçiminde bir tarih yazın.",
            ),
            (
                &start,
                "1 Mart",
                "“1 Mart” bir tarih olarak okunamadı; YYYY-AA-GG biçiminde bir tarih yazın.",
            ),
            (
                &email,
                "ali@",
                "“ali@” bir e-posta adresi değil; ad@ornek.com gibi bir e-posta adresi yazın.",
            ),
            (
                &name,
                "Ali \u{202E}Veli",
                "Bu yanıtta, metnin gösterildiği yönü değiştiren görünmez bir karakter (U+202E) var; metni bu karakter olmadan yazın.",
            ),
            (
                &name,
                "Al\u{7}i",
                "Bu yanıtta yazdırılamayan bir denetim karakteri (U+0007) var; yanıtı bu karakter olmadan yeniden yazın.",
            ),
        ] {
            assert_eq!(turkish(question, typed), expected, "{typed:?}");
        }
        // An amount that reads two ways, in a currency written with a decimal point.
        assert_eq!(
            (TURKISH.refused)(&fee, &refusal(&fee, "1.250", "USD")),
            "“1.250” iki türlü okunabiliyor: 1.250 (“.” binlikleri ayırıyorsa) ya da 1,25 (“.” kuruşlardan önce geliyorsa); tutarı 1250 ya da 1.25 diye yazın."
        );
        let long = "a".repeat(2_001);
        assert_eq!(
            turkish(&name, &long),
            "Bu yanıt 2.001 karakter; bir metin yanıtı en fazla 2.000 karakter olabilir."
        );
    }

    #[test]
    fn a_phone_number_refused_in_turkish_says_what_is_missing() {
        let phone = Question::new("client.phone", Type::Phone, "Telefon");
        for (question, typed, expected) in [
            (
                &phone,
                "0212 555 01 42",
                "“0212 555 01 42” kabul edilmedi: ülke kodu eksik; + ve ülkenin koduyla başlayın, örneğin Türkiye için +90, Almanya için +49; +90 212 555 01 42 gibi bir telefon numarası yazın.",
            ),
            (
                &phone,
                "+90 212 555",
                "“+90 212 555” kabul edilmedi: +90 ülke kodu için eksik bir numara; alan kodunu ve rakam sayısını kontrol edin; +90 212 555 01 42 gibi bir telefon numarası yazın.",
            ),
            (
                &phone,
                "0090 212 555 01 42",
                "“0090 212 555 01 42” kabul edilmedi: ülke kodunun önündeki 00 yerine + yazın; +90 212 555 01 42 gibi bir telefon numarası yazın.",
            ),
            (
                &phone,
                "+90 ARA BENİ",
                "“+90 ARA BENİ” kabul edilmedi: telefon numarasında harf olamaz; +90 212 555 01 42 gibi bir telefon numarası yazın.",
            ),
        ] {
            assert_eq!(
                (TURKISH.refused)(question, &refusal(question, typed, "TRY")),
                expected,
                "{typed:?}"
            );
        }
    }

    #[test]
    fn an_amount_finer_than_its_currency_is_refused_in_both_languages() {
        let amount = Decimal::new(12505, 1);
        assert_eq!(
            (ENGLISH.finer)(amount, "JPY"),
            "The answer is 1250.5; an amount in JPY has no decimal places."
        );
        assert_eq!(
            (TURKISH.finer)(amount, "JPY"),
            "“1250.5” kabul edilmedi: JPY cinsinden bir tutarda ondalık basamak olmaz; tutarı tam sayı olarak yazın."
        );
        assert_eq!(
            (TURKISH.finer)(Decimal::new(12_505, 4), "BHD"),
            "“1.2505” kabul edilmedi: BHD cinsinden bir tutarda en fazla üç ondalık basamak olur."
        );
    }

    #[test]
    fn a_region_refused_in_turkish_names_the_closest_and_the_codes() {
        let refusal = NotARegion {
            english: String::new(),
            answer: "Kalifornia".into(),
            suggestion: Some(("CA".into(), "California".into())),
            codes: vec!["CA".into(), "NY".into()],
        };
        assert_eq!(
            not_a_region_tr(&refusal),
            "“Kalifornia” seçtiğiniz ülkenin bir eyaleti ya da hukuk sistemi değil (şunu mu demek istediniz: CA, California?); şunlardan birini yazın: CA, NY."
        );
        let none = NotARegion {
            codes: Vec::new(),
            suggestion: None,
            ..refusal
        };
        assert_eq!(
            not_a_region_tr(&none),
            "“Kalifornia” yazıldı, ama seçtiğiniz ülkede eyalet ya da ayrı bir hukuk sistemi yok; bu soruyu boş bırakın."
        );
    }

    #[test]
    fn an_output_refused_and_a_draft_not_saved_are_said_in_turkish() {
        assert_eq!(
            (TURKISH.output_twice)("x.md"),
            "x.md iki kez yazılacaktı; her çıktıya ayrı bir dosya adı verin"
        );
        assert_eq!(
            (TURKISH.output_is_input)("a.yaml", "./a.yaml"),
            "a.yaml, bu komutun okuduğu ./a.yaml dosyasıdır; okunan bir dosyanın yerine --force \
             verilse bile çıktı yazılmaz: başka bir çıktı dosyası seçin"
        );
        assert_eq!(
            (TURKISH.draft_unsaved)("/x yazılamadı: Permission denied (os error 13)"),
            "görüşme durduruldu, ancak yanıtlarınız taslak olarak kaydedilemedi: /x yazılamadı: \
             Permission denied (os error 13)"
        );
        assert_eq!(
            (TURKISH.no_draft)("/s/draft.answers.yaml"),
            "devam ettirilecek durdurulmuş bir görüşme yok: /s/draft.answers.yaml konumunda taslak \
             bulunmuyor; yeni bir görüşme başlatmak için `clausewright new` komutunu çalıştırın"
        );
        assert_eq!(
            TURKISH.stdout_refused,
            "`new`, yanıt dosyasını sözleşmenin yanına yazar, bu yüzden standart çıktıya yazamaz; \
             -o ile bir klasör ya da dosya adı verin"
        );
        // English says what the errors themselves say.
        assert_eq!(ENGLISH.cancelled, crate::Error::Cancelled.to_string());
        assert_eq!(
            (ENGLISH.output_twice)("x.md"),
            "x.md would be written twice; give each output its own file"
        );
    }
}
