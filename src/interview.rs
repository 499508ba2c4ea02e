//! The interview: takes the [`Library`], what is known before it starts ([`Known`]: values from
//! an answers file, the saved profile, today's date) and a [`Prompter`], and returns the
//! [`Answers`] the freelancer confirmed, as an answers file holds them (before late-payer
//! hardening, which `prepare::prepare` applies to the interview's answers and a file's alike).
//!
//! Everything asked comes from the library's declarations: sections, order, prompts, help,
//! defaults (by relationship through `defaults`), limits, choices and `when`. Each answer is
//! checked at once with [`model::typed_value`], the same check an answers file gets. The only
//! fixed convention is the `relationship` question with its `repeat-late-payer` choice
//! ([`RELATIONSHIP`], [`LATE_PAYER`]), which turns on the late payer's hardening.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::answers::Answers;
use crate::format::{self, Locale};
use crate::library::Library;
use crate::model::keys::{LATE_PAYER, RELATIONSHIP};
use crate::model::{self, LatePayer, Question, Scalar, Type, Value};

/// What a late payer's rates are multiplied by after an interview: the advice is to double them.
pub const LATE_PAYER_MULTIPLIER: Decimal = Decimal::TWO;

/// The terminal as the interview sees it: the real one (inquire) in `run`, a script in tests.
pub trait Prompter {
    /// Starts a group of questions ("The client").
    fn section(&mut self, title: &str);
    /// Shows a message: an announcement, a note about an answer, the summary.
    fn say(&mut self, text: &str);
    /// Asks for a line of text; returns what was typed, or the default when nothing was.
    fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop>;
    /// Asks to pick one option; returns its index.
    fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop>;
    /// Asks yes or no.
    fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop>;
}

/// A question answered by typing.
pub struct TextPrompt<'a> {
    /// The question.
    pub message: &'a str,
    /// Advice shown with the question.
    pub help: Option<String>,
    /// Returned when nothing is typed.
    pub default: Option<String>,
    /// Text already in the input, to edit (an earlier answer being changed).
    pub initial: Option<String>,
    /// A grey hint in the empty input ("YYYY-MM-DD").
    pub placeholder: Option<&'static str>,
    /// Checks the input before it is accepted; the error says what is allowed. Empty input
    /// with a default is accepted without a check.
    pub check: &'a dyn Fn(&str) -> Result<(), String>,
}

/// A question answered by picking one of a list.
pub struct SelectPrompt<'a> {
    /// The question.
    pub message: &'a str,
    /// Advice shown with the question.
    pub help: Option<String>,
    /// What to pick from.
    pub options: Vec<String>,
    /// The option selected at first.
    pub start: usize,
}

/// A yes-or-no question.
pub struct ConfirmPrompt<'a> {
    /// The question.
    pub message: &'a str,
    /// Advice shown with the question.
    pub help: Option<String>,
    /// The answer when Enter is pressed alone.
    pub default: Option<bool>,
}

/// Why a prompt gave no answer.
#[derive(Debug)]
pub enum Stop {
    /// The user pressed Esc or Ctrl-C.
    Cancelled,
    /// The terminal could not be read or written.
    Failed(std::io::Error),
}

/// A value given before the interview (an answers file, `--date`) and where it was written.
#[derive(Debug, Clone)]
pub struct Preset {
    /// The value as written.
    pub scalar: Scalar,
    /// Where, for a message about it (`acme.answers.yaml:12`).
    pub place: String,
}

/// What is known before the first question.
#[derive(Debug, Clone)]
pub struct Known {
    /// Values already given, by key: used without asking when valid, asked again when not.
    pub presets: BTreeMap<String, Preset>,
    /// The freelancer's saved details (questions with `profile: true`), offered as defaults.
    pub profile: Answers,
    /// Where the profile is saved, for the message that offers it.
    pub profile_place: String,
    /// Offered for dates that have no declared default.
    pub today: jiff::civil::Date,
    /// Finds a character the output cannot show (the PDF fonts' gaps), so that such an answer
    /// is refused at its question rather than after the summary.
    pub unprintable: Option<fn(&str) -> Option<char>>,
    /// The answers given were already hardened for a late payer (`--answers` of a file saved
    /// by `build --save-answers`): their rates are not multiplied again.
    pub late_payer_applied: bool,
}

/// Why an answered question is asked again.
#[derive(Debug, Clone)]
enum Again {
    /// The user chose to change it from the summary.
    Change,
    /// An answer its conditional defaults read has changed; it is asked again if that changes
    /// its default, which was this before.
    NewDefault(Option<Value>),
}

/// Asks every question that applies and is not already answered, then shows the summary and
/// lets the user change any answer until they confirm. Returns the answers (not hardened).
pub fn interview(
    library: &Library,
    known: &Known,
    prompter: &mut dyn Prompter,
) -> Result<Answers, Stop> {
    let mut session = Session {
        library,
        known,
        prompter,
        answers: Answers::default(),
        blank: BTreeSet::new(),
        presets: known.presets.clone(),
        again: BTreeMap::new(),
        profile_offered: false,
        announced: false,
    };
    session.prompter.say(INTRO);
    loop {
        session.pass()?;
        match session.review()? {
            None => return Ok(session.answers),
            Some(key) => session.change(&key),
        }
    }
}

const INTRO: &str = "Answer the questions below to get a contract for one client; help is shown
under each question. Press Esc or Ctrl-C at any time to stop: nothing is written
until you confirm the summary at the end.";

struct Session<'a> {
    library: &'a Library,
    known: &'a Known,
    prompter: &'a mut dyn Prompter,
    answers: Answers,
    /// Questions deliberately left unanswered (optional, without a default).
    blank: BTreeSet<String>,
    /// Presets not used yet.
    presets: BTreeMap<String, Preset>,
    /// Answered questions to ask again.
    again: BTreeMap<String, Again>,
    profile_offered: bool,
    announced: bool,
}

impl Session<'_> {
    fn applies(&self, question: &Question) -> bool {
        question
            .when
            .as_ref()
            .is_none_or(|when| when.eval(|key| self.answers.get(key)))
    }

    fn is_answered(&self, key: &str) -> bool {
        self.answers.get(key).is_some() || self.blank.contains(key)
    }

    fn late_payer(&self) -> bool {
        self.answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned()))
    }

    /// One walk through the questions in order: drops answers whose question no longer
    /// applies and asks the ones that apply but have no answer yet.
    fn pass(&mut self) -> Result<(), Stop> {
        let library = self.library;
        for section in &library.sections {
            let mut heading = false;
            for question in &section.questions {
                let key = question.key.as_str();
                if !self.applies(question) {
                    self.answers.remove(key);
                    self.blank.remove(key);
                    self.again.remove(key);
                    continue;
                }
                let again = self.again.remove(key);
                if let Some(Again::NewDefault(before)) = &again
                    && question.default_for(|k| self.answers.get(k)) == before.as_ref()
                {
                    continue;
                }
                if again.is_none() && self.is_answered(key) {
                    continue;
                }
                let mut problem = None;
                if let Some(preset) = self.presets.remove(key) {
                    match model::typed_value(question, &preset.scalar) {
                        Ok(value) => {
                            self.settle(question, Some(value));
                            continue;
                        }
                        Err(why) => problem = Some(format!("{}: `{key}` {why}", preset.place)),
                    }
                }
                if !heading {
                    self.prompter.section(&section.title);
                    heading = true;
                }
                if let Some(problem) = problem {
                    self.prompter.say(&problem);
                }
                if question.profile && !self.profile_offered && again.is_none() {
                    self.profile_offered = true;
                    self.offer_profile()?;
                    if self.is_answered(key) {
                        continue;
                    }
                }
                if again.is_none()
                    && self.late_payer()
                    && let Some(LatePayer::Set(value)) = &question.late_payer
                {
                    let shown = show(question, value, &self.answers);
                    self.prompter.say(&format!(
                        "{}: {shown}, always for a client who paid late.",
                        sentence_case(&question.label)
                    ));
                    self.settle(question, Some(value.clone()));
                    continue;
                }
                let value = self.ask(question, matches!(again, Some(Again::Change)))?;
                self.settle(question, value);
            }
        }
        Ok(())
    }

    /// Records an answer (`None`: left blank) and says what it means for a late payer.
    fn settle(&mut self, question: &Question, value: Option<Value>) {
        let key = question.key.as_str();
        if let Some(value) = value {
            self.answers.set(key, value);
            self.blank.remove(key);
        } else {
            self.answers.remove(key);
            self.blank.insert(key.to_owned());
        }
        if !self.late_payer() {
            return;
        }
        if key == RELATIONSHIP && !self.announced {
            self.announced = true;
            let text = self.announcement();
            self.prompter.say(&text);
        }
        let (hardened, changes) = self.answers.for_late_payer(self.library, self.multiplier());
        if let Some(change) = changes.iter().find(|c| c.key == key)
            && change.before.is_some()
        {
            let why = match &question.late_payer {
                _ if question.rate => "doubled, as the client paid late before",
                Some(LatePayer::AtLeast(_)) => "the least for a client who paid late",
                Some(LatePayer::AtMost(_)) => "the most for a client who paid late",
                _ => "for a client who paid late",
            };
            self.prompter.say(&format!(
                "In the contract: {} ({why}).",
                show(question, &change.after, &hardened)
            ));
        }
    }

    /// What a late payer's rates are multiplied by: not again for answers already hardened.
    fn multiplier(&self) -> Decimal {
        if self.known.late_payer_applied {
            Decimal::ONE
        } else {
            LATE_PAYER_MULTIPLIER
        }
    }

    fn announcement(&self) -> String {
        let rates = self.library.questions().any(|q| q.rate);
        let safeguards = self.library.questions().any(|q| q.late_payer.is_some());
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
            let _ = write!(
                text,
                "\nIf you do, the contract {what},\nwhatever you answer below. You will see the \
                 contract's amounts as you go."
            );
        }
        text
    }

    /// Offers the saved details in one go when every required one is there.
    fn offer_profile(&mut self) -> Result<(), Stop> {
        let library = self.library;
        let candidates: Vec<&Question> = library
            .questions()
            .filter(|q| {
                q.profile && !self.is_answered(&q.key) && !self.presets.contains_key(&q.key)
            })
            .collect();
        let saved = |q: &Question| self.known.profile.get(&q.key);
        let complete = candidates.iter().all(|q| !q.required || saved(q).is_some());
        if !complete || !candidates.iter().any(|q| saved(q).is_some()) {
            return Ok(());
        }
        let width = label_width(candidates.iter().copied());
        let mut text = format!("Your details, saved in {}:", self.known.profile_place);
        for question in &candidates {
            let shown = saved(question).map_or_else(
                || "—".to_owned(),
                |v| show(question, v, &self.known.profile),
            );
            let _ = write!(text, "\n  {:<width$}  {shown}", question.label);
        }
        self.prompter.say(&text);
        let keep = self.prompter.confirm(&ConfirmPrompt {
            message: "Use these details?",
            help: Some("Answer no to go through them one by one.".into()),
            default: Some(true),
        })?;
        if keep {
            for question in candidates {
                let value = self.known.profile.get(&question.key).cloned();
                self.settle(question, value);
            }
        }
        Ok(())
    }

    /// What is offered when Enter is pressed alone.
    fn default_for(&self, question: &Question) -> Option<Value> {
        if question.profile
            && let Some(saved) = self.known.profile.get(&question.key)
        {
            return Some(saved.clone());
        }
        if let Some(value) = question.default_for(|k| self.answers.get(k)) {
            return Some(value.clone());
        }
        (question.ty == Type::Date).then_some(Value::Date(self.known.today))
    }

    /// Asks one question until it gets a valid answer. `changing` offers the current answer.
    fn ask(&mut self, question: &Question, changing: bool) -> Result<Option<Value>, Stop> {
        let current = if changing {
            self.answers.get(&question.key).cloned()
        } else {
            None
        };
        let default = self.default_for(question);
        match question.ty {
            Type::Bool => {
                let default = current.as_ref().or(default.as_ref()).and_then(|v| match v {
                    Value::Bool(b) => Some(*b),
                    _ => None,
                });
                let yes = self.prompter.confirm(&ConfirmPrompt {
                    message: &question.prompt,
                    help: question.help.clone(),
                    default,
                })?;
                Ok(Some(Value::Bool(yes)))
            }
            Type::Choice => {
                let mut options: Vec<String> =
                    question.choices.iter().map(|c| c.label.clone()).collect();
                let blank_allowed = !question.required && default.is_none();
                if blank_allowed {
                    options.push("Leave unanswered".into());
                }
                let selected = current.as_ref().or(default.as_ref());
                let start = question
                    .choices
                    .iter()
                    .position(|c| selected == Some(&Value::Text(c.value.clone())))
                    .unwrap_or(if changing && blank_allowed {
                        question.choices.len()
                    } else {
                        0
                    });
                let index = self.prompter.select(&SelectPrompt {
                    message: &question.prompt,
                    help: question.help.clone(),
                    options,
                    start,
                })?;
                Ok(question
                    .choices
                    .get(index)
                    .map(|c| Value::Text(c.value.clone())))
            }
            _ => self.ask_text(question, current.as_ref(), default),
        }
    }

    fn ask_text(
        &mut self,
        question: &Question,
        current: Option<&Value>,
        default: Option<Value>,
    ) -> Result<Option<Value>, Stop> {
        let default_text = default.as_ref().map(ToString::to_string);
        let blank_allowed = default.is_some() || !question.required;
        let check = |input: &str| -> Result<(), String> {
            if input.trim().is_empty() {
                return if blank_allowed {
                    Ok(())
                } else {
                    Err(REQUIRED.into())
                };
            }
            judge(question, input, self.known.unprintable).map(drop)
        };
        let prompt = TextPrompt {
            message: &question.prompt,
            help: text_help(question),
            default: default_text.clone(),
            initial: current.map(ToString::to_string),
            placeholder: match question.ty {
                _ if default.is_some() || current.is_some() => None,
                Type::Date => Some("YYYY-MM-DD"),
                // An optional amount with an example in it reads as answered.
                Type::Money if question.required => Some("1250.00"),
                _ => None,
            },
            check: &check,
        };
        loop {
            let reply = self.prompter.text(&prompt)?;
            let reply = reply.trim();
            if reply.is_empty() || Some(reply) == default_text.as_deref() {
                if default.is_some() {
                    return Ok(default);
                }
                if !question.required {
                    return Ok(None);
                }
                self.prompter.say(REQUIRED);
                continue;
            }
            // A prompter that lets a bad answer through gets the same message and the question
            // again: the check decides, not the prompter.
            match judge(question, reply, self.known.unprintable) {
                Ok(value) => return Ok(Some(value)),
                Err(message) => self.prompter.say(&message),
            }
        }
    }

    /// Shows every answer; returns `None` to write, or the key of an answer to change.
    fn review(&mut self) -> Result<Option<String>, Stop> {
        let library = self.library;
        let answered: Vec<(&str, &Question)> = library
            .sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s.title.as_str(), q)))
            .filter(|(_, q)| self.is_answered(&q.key) && self.applies(q))
            .collect();
        let width = label_width(answered.iter().map(|(_, q)| *q));
        let mut text = String::new();
        let mut last_section = "";
        for (section, question) in &answered {
            if *section != last_section {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(section);
                last_section = section;
            }
            let _ = write!(
                text,
                "\n  {:<width$}  {}",
                question.label,
                self.shown(question)
            );
        }
        if self.late_payer() {
            let (hardened, changes) = self.answers.for_late_payer(library, self.multiplier());
            if !changes.is_empty() {
                text.push_str("\nFor a client who paid late, the contract uses instead:");
                for change in &changes {
                    let Some(question) = library.question(&change.key) else {
                        continue;
                    };
                    let before = change
                        .before
                        .as_ref()
                        .map_or_else(|| "—".to_owned(), |v| show(question, v, &self.answers));
                    let after = show(question, &change.after, &hardened);
                    let _ = write!(text, "\n  {:<width$}  {before} → {after}", question.label);
                }
            }
        }
        self.prompter.section("Summary");
        self.prompter.say(&text);
        let next = self.prompter.select(&SelectPrompt {
            message: "Is everything right?",
            help: None,
            options: vec![
                "Yes: write the contract and the answers file".into(),
                "No: change an answer".into(),
            ],
            start: 0,
        })?;
        if next == 0 {
            return Ok(None);
        }
        let mut options: Vec<String> = answered
            .iter()
            .map(|(section, q)| format!("{section} › {}: {}", q.label, self.shown(q)))
            .collect();
        options.push("None: back to the summary".into());
        let index = self.prompter.select(&SelectPrompt {
            message: "Which answer do you want to change?",
            help: None,
            options,
            start: 0,
        })?;
        Ok(answered.get(index).map(|(_, q)| q.key.clone()))
    }

    fn shown(&self, question: &Question) -> String {
        self.answers
            .get(&question.key)
            .map_or_else(|| "—".to_owned(), |v| show(question, v, &self.answers))
    }

    /// Marks `key` to be asked again, and every later answer whose default depends on it.
    fn change(&mut self, key: &str) {
        self.again.insert(key.to_owned(), Again::Change);
        for question in self.library.questions() {
            let reads_key = question
                .defaults
                .iter()
                .any(|(when, _)| when.keys().iter().any(|(k, _)| *k == key));
            if reads_key && question.key != key && self.is_answered(&question.key) {
                let before = question.default_for(|k| self.answers.get(k)).cloned();
                self.again
                    .insert(question.key.clone(), Again::NewDefault(before));
            }
        }
    }
}

const REQUIRED: &str = "This question needs an answer.";

/// Types a typed answer as an answers file's value is typed; the error is a sentence.
fn judge(
    question: &Question,
    input: &str,
    unprintable: Option<fn(&str) -> Option<char>>,
) -> Result<Value, String> {
    let value = model::typed_value(question, &Scalar::Str(input.trim().to_owned()))
        .map_err(|why| format!("The answer {why}."))?;
    if let (Some(find), Value::Text(text)) = (unprintable, &value)
        && let Some(c) = find(text)
    {
        return Err(format!(
            "The PDF font cannot show the character '{c}' (U+{:04X}); write it another way, or choose --format md.",
            u32::from(c)
        ));
    }
    Ok(value)
}

/// The help of a typed question, with what a valid answer looks like when that is not obvious.
fn text_help(question: &Question) -> Option<String> {
    let allowed = match question.ty {
        Type::Money | Type::Percent | Type::Integer | Type::Date => Some(format!(
            "Answer with {}.",
            question.ty.expectation(question)
        )),
        Type::Email => Some("Answer with an email address such as name@example.com.".into()),
        Type::Phone => Some("Answer with a phone number such as +1 217 555 0142.".into()),
        _ => None,
    };
    match (&question.help, allowed) {
        (Some(help), Some(allowed)) => Some(format!("{help} {allowed}")),
        (Some(help), None) => Some(help.clone()),
        (None, allowed) => allowed,
    }
}

/// A value as the summary shows it: a choice by its label, others as `build`'s summary does.
fn show(question: &Question, value: &Value, answers: &Answers) -> String {
    if let Value::Text(text) = value
        && let Some(choice) = question.choices.iter().find(|c| &c.value == text)
    {
        return choice.label.clone();
    }
    format::display_value(question, value, &answers.currency(), Locale::default())
}

fn label_width<'q>(questions: impl Iterator<Item = &'q Question>) -> usize {
    questions
        .map(|q| q.label.chars().count())
        .max()
        .unwrap_or(0)
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The answers file `new` saves: a header saying how to rebuild, then the answers.
#[must_use]
pub fn answers_file(library: &Library, answers: &Answers, rebuild: &str) -> String {
    let mut out = format!(
        "# Answers saved by `clausewright new`. Edit any value, then build the contract again:\n\
         #\n\
         #     {rebuild}\n"
    );
    if answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned())) {
        out.push_str(
            "#\n\
             # The client paid late before (relationship: repeat-late-payer): the contract doubles\n\
             # the rates written here and includes every safeguard, whatever is written below.\n",
        );
    }
    out.push('\n');
    out.push_str(&answers.to_yaml(library));
    out
}

/// The profile `new` saves: the answers to the questions marked `profile: true`.
#[must_use]
pub fn profile_file(library: &Library, answers: &Answers) -> String {
    let mut out = String::from(
        "# Your own details, offered by `clausewright new` for every contract. Edit them here\n\
         # or change them during an interview.\n\n",
    );
    out.push_str(&profile_answers(library, answers).to_yaml(library));
    out
}

/// The answers to the questions marked `profile: true`.
#[must_use]
pub fn profile_answers(library: &Library, answers: &Answers) -> Answers {
    let mut profile = Answers::default();
    for question in library.questions().filter(|q| q.profile) {
        if let Some(value) = answers.get(&question.key) {
            profile.set(&question.key, value.clone());
        }
    }
    profile
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::answers;
    use crate::library::{self, SourceFile};

    /// One scripted key press or typed answer.
    #[derive(Debug, Clone, Copy)]
    enum R {
        /// Types this and presses Enter.
        T(&'static str),
        /// Picks the option containing this text.
        Pick(&'static str),
        Yes,
        No,
        /// Enter alone: the default, or the option under the cursor.
        Enter,
        Esc,
    }

    /// Plays replies like inquire does (the check runs before a text is accepted) and logs
    /// what a person would have seen.
    struct Script {
        replies: VecDeque<R>,
        log: Vec<String>,
        /// Accepts any text without running the check, like a careless prompter.
        unchecked: bool,
    }

    impl Script {
        fn new(replies: &[R]) -> Self {
            Self {
                replies: replies.iter().copied().collect(),
                log: Vec::new(),
                unchecked: false,
            }
        }

        fn next(&mut self, asking: &str) -> R {
            self.replies
                .pop_front()
                .unwrap_or_else(|| panic!("no reply left for {asking:?}; log: {:#?}", self.log))
        }

        /// The questions asked, in order, as their messages.
        fn asked(&self) -> Vec<&str> {
            self.log
                .iter()
                .filter_map(|line| {
                    ["ask: ", "pick: ", "confirm: "]
                        .iter()
                        .find_map(|p| line.strip_prefix(p))
                })
                .map(|rest| rest.split(" [").next().unwrap_or(rest))
                .collect()
        }

        fn said(&self) -> Vec<&str> {
            self.log
                .iter()
                .filter_map(|line| line.strip_prefix("say: "))
                .collect()
        }
    }

    impl Prompter for Script {
        fn section(&mut self, title: &str) {
            self.log.push(format!("## {title}"));
        }

        fn say(&mut self, text: &str) {
            self.log.push(format!("say: {text}"));
        }

        fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
            self.log.push(match &prompt.default {
                Some(default) => format!("ask: {} [{default}]", prompt.message),
                None => format!("ask: {}", prompt.message),
            });
            loop {
                let typed = match self.next(prompt.message) {
                    R::T(text) => text,
                    R::Enter => "",
                    R::Esc => return Err(Stop::Cancelled),
                    other => panic!("{other:?} for the text question {:?}", prompt.message),
                };
                if typed.is_empty()
                    && let Some(default) = &prompt.default
                {
                    return Ok(default.clone());
                }
                if self.unchecked {
                    return Ok(typed.to_owned());
                }
                match (prompt.check)(typed) {
                    Ok(()) => return Ok(typed.to_owned()),
                    Err(message) => self.log.push(format!("invalid: {message}")),
                }
            }
        }

        fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
            self.log.push(format!("pick: {}", prompt.message));
            match self.next(prompt.message) {
                R::Pick(text) => Ok(prompt
                    .options
                    .iter()
                    .position(|o| o.contains(text))
                    .unwrap_or_else(|| panic!("no option {text:?} in {:?}", prompt.options))),
                R::Enter => Ok(prompt.start),
                R::Esc => Err(Stop::Cancelled),
                other => panic!("{other:?} for the list {:?}", prompt.message),
            }
        }

        fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
            self.log.push(format!("confirm: {}", prompt.message));
            match self.next(prompt.message) {
                R::Yes => Ok(true),
                R::No => Ok(false),
                R::Enter => Ok(prompt.default.expect("a default for Enter")),
                R::Esc => Err(Stop::Cancelled),
                other => panic!("{other:?} for the yes/no question {:?}", prompt.message),
            }
        }
    }

    const SMALL: &str = r#"
title: Test Agreement
sections:
  - title: You
    questions:
      - key: me.name
        type: text
        profile: true
        prompt: Your name
        required: true
      - key: me.phone
        type: phone
        profile: true
        prompt: Your phone
  - title: The relationship
    questions:
      - key: relationship
        type: choice
        prompt: Worked together before?
        required: true
        choices:
          - { value: first-time, label: New client }
          - { value: repeat, label: Paid on time }
          - { value: repeat-late-payer, label: Paid late }
  - title: Money
    questions:
      - key: fees.total
        type: money
        label: fee
        prompt: Your fee
        required: true
        min: "1"
        rate: true
      - key: deposit.percent
        type: percent
        label: deposit
        prompt: Deposit
        required: true
        min: "10"
        max: "100"
        defaults:
          - { when: 'relationship == "first-time"', value: "50" }
          - { value: "30" }
        late_payer: { at_least: "50" }
  - title: Safeguards
    questions:
      - key: kill_fee.enabled
        type: bool
        label: kill fee clause
        prompt: Kill fee?
        default: true
        late_payer: { set: true }
      - key: kill_fee.days
        type: integer
        label: days of silence
        prompt: Days of silence
        when: kill_fee.enabled
        default: 15
        min: 3
        max: 60
"#;

    fn small() -> Library {
        library::load(&[SourceFile {
            relative: "library.yaml".into(),
            display: "library.yaml".into(),
            text: SMALL.into(),
        }])
        .into_library()
        .unwrap()
    }

    fn built_in() -> Library {
        library::load(&crate::library::built_in_files())
            .into_library()
            .unwrap()
    }

    fn known() -> Known {
        Known {
            presets: BTreeMap::new(),
            profile: Answers::default(),
            profile_place: "profile.yaml".into(),
            today: jiff::civil::date(2026, 3, 2),
            unprintable: None,
            late_payer_applied: false,
        }
    }

    fn run(library: &Library, known: &Known, script: &mut Script) -> Answers {
        let answers = interview(library, known, script).unwrap();
        assert!(
            script.replies.is_empty(),
            "replies left over: {:?}; log: {:#?}",
            script.replies,
            script.log
        );
        answers
    }

    fn get(answers: &Answers, key: &str) -> Option<String> {
        answers.get(key).map(ToString::to_string)
    }

    const WRITE: R = R::Pick("Yes: write");

    #[test]
    fn asks_in_declared_order_under_section_headings() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("New client"),
            R::T("1,250.50"),
            R::Enter,
            R::Enter,
            R::Enter,
            WRITE,
        ]);
        let answers = run(&library, &known(), &mut script);
        assert_eq!(
            script.asked(),
            [
                "Your name",
                "Your phone",
                "Worked together before?",
                "Your fee",
                "Deposit",
                "Kill fee?",
                "Days of silence",
                "Is everything right?"
            ]
        );
        let sections: Vec<&str> = script
            .log
            .iter()
            .filter_map(|l| l.strip_prefix("## "))
            .collect();
        assert_eq!(
            sections,
            ["You", "The relationship", "Money", "Safeguards", "Summary"]
        );
        assert_eq!(get(&answers, "fees.total").as_deref(), Some("1250.5"));
        assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("50"));
        assert_eq!(get(&answers, "kill_fee.days").as_deref(), Some("15"));
        assert_eq!(get(&answers, "me.phone"), None, "left blank");
    }

    #[test]
    fn a_question_whose_condition_is_false_is_not_asked() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("New client"),
            R::T("900"),
            R::Enter,
            R::No,
            WRITE,
        ]);
        let answers = run(&library, &known(), &mut script);
        assert!(!script.asked().contains(&"Days of silence"));
        assert_eq!(get(&answers, "kill_fee.enabled").as_deref(), Some("no"));
        assert_eq!(get(&answers, "kill_fee.days"), None);
    }

    #[test]
    fn mistakes_are_caught_at_the_question_and_asked_again() {
        let library = small();
        let mut script = Script::new(&[
            R::Enter,
            R::T("Ann Lee"),
            R::T("call me"),
            R::T("+44 20 7946 0958"),
            R::Pick("New client"),
            R::T("$900"),
            R::T("0.50"),
            R::T("900"),
            R::T("150%"),
            R::T("40%"),
            R::Enter,
            R::T("2"),
            R::T("fifteen"),
            R::T("20"),
            WRITE,
        ]);
        let answers = run(&library, &known(), &mut script);
        let invalid: Vec<&str> = script
            .log
            .iter()
            .filter_map(|l| l.strip_prefix("invalid: "))
            .collect();
        assert_eq!(
            invalid,
            [
                "This question needs an answer.",
                "The answer is \"call me\"; expected a phone number such as +1 217 555 0142 \
                 (letters are not allowed).",
                "The answer is \"$900\"; expected an amount such as 1250.00 of at least 1.",
                "The answer is 0.50; expected an amount such as 1250.00 of at least 1.",
                "The answer is 150%; expected a percent from 10% to 100%.",
                "The answer is 2; expected a whole number from 3 to 60.",
                "The answer is \"fifteen\"; expected a whole number.",
            ]
        );
        assert_eq!(
            get(&answers, "me.phone").as_deref(),
            Some("+44 20 7946 0958")
        );
        assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("40"));
        assert_eq!(get(&answers, "kill_fee.days").as_deref(), Some("20"));
    }

    #[test]
    fn a_prompter_that_skips_the_check_still_cannot_pass_a_bad_answer() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("New client"),
            R::T("lots"),
            R::T("900"),
            R::Enter,
            R::Enter,
            R::Enter,
            WRITE,
        ]);
        script.unchecked = true;
        let answers = run(&library, &known(), &mut script);
        assert!(script.said().contains(
            &"The answer is \"lots\"; expected an amount such as 1250.00 of at least 1."
        ));
        assert_eq!(
            script.asked().iter().filter(|q| **q == "Your fee").count(),
            2
        );
        assert_eq!(get(&answers, "fees.total").as_deref(), Some("900"));
    }

    /// The built-in library with every answer of the first-time example except the
    /// relationship and the deposit, which the interview asks.
    fn example_without(keys: &[&str]) -> (Library, Known) {
        let library = built_in();
        let text = include_str!("../examples/first-time-us.yaml");
        let given = answers::read_given("first-time-us.yaml", text, &library).unwrap();
        assert!(given.problems.is_empty(), "{:?}", given.problems);
        let mut known = known();
        for (key, located) in given.values {
            if !keys.contains(&key.as_str()) {
                let place = format!("first-time-us.yaml:{}", located.line);
                known.presets.insert(
                    key,
                    Preset {
                        scalar: located.scalar,
                        place,
                    },
                );
            }
        }
        (library, known)
    }

    #[test]
    fn an_answers_file_leaves_only_the_missing_questions() {
        let (library, known) = example_without(&["relationship", "deposit.percent"]);
        let mut script = Script::new(&[R::Pick("new client"), R::Enter, WRITE]);
        let answers = run(&library, &known, &mut script);
        assert_eq!(
            script.asked(),
            [
                "Have you worked with this client before?",
                "Deposit, as a percentage of the fee, paid before any work starts",
                "Is everything right?"
            ]
        );
        assert_eq!(
            get(&answers, "client.name").as_deref(),
            Some("Capitol Bakery & Café LLC")
        );
    }

    #[test]
    fn the_deposit_offered_depends_on_the_relationship() {
        for (relationship, offered) in [
            ("No, this is a new client", "50"),
            ("Yes, and they paid on time", "30"),
            ("Yes, but they paid late", "50"),
        ] {
            let (library, known) = example_without(&["relationship", "deposit.percent"]);
            let mut script = Script::new(&[R::Pick(relationship), R::Enter, WRITE]);
            let answers = run(&library, &known, &mut script);
            let asked = script
                .log
                .iter()
                .find(|l| l.starts_with("ask: Deposit"))
                .unwrap();
            assert!(
                asked.ends_with(&format!("[{offered}]")),
                "{relationship}: {asked}"
            );
            assert_eq!(get(&answers, "deposit.percent").as_deref(), Some(offered));
        }
    }

    #[test]
    fn a_character_the_pdf_cannot_show_is_caught_at_its_question() {
        let library = small();
        let known = Known {
            unprintable: Some(crate::layout::missing_glyph),
            ..known()
        };
        let mut script = Script::new(&[
            R::T("株式会社サクラ"),
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("New client"),
            R::T("1000"),
            R::Enter,
            R::Enter,
            R::Enter,
            WRITE,
        ]);
        let answers = run(&library, &known, &mut script);
        let invalid: Vec<&str> = script
            .log
            .iter()
            .filter_map(|l| l.strip_prefix("invalid: "))
            .collect();
        assert_eq!(
            invalid,
            [
                "The PDF font cannot show the character '株' (U+682A); write it another way, or choose --format md."
            ]
        );
        assert_eq!(get(&answers, "me.name").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn rates_already_multiplied_are_not_multiplied_again() {
        // `--answers` of a file saved by `build --late-payer --save-answers`.
        let library = small();
        let known = Known {
            late_payer_applied: true,
            ..known()
        };
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("Paid late"),
            R::T("2000"),
            R::T("50"),
            R::Enter,
            WRITE,
        ]);
        run(&library, &known, &mut script);
        let said = script.said().join("\n");
        assert!(!said.contains("$4,000.00"), "{said}");
        assert!(!said.contains("doubled"), "{said}");
    }

    #[test]
    fn a_late_payer_hears_that_rates_double_and_sees_the_new_amounts() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("Paid late"),
            R::T("1000"),
            R::T("30"),
            R::Enter,
            WRITE,
        ]);
        let answers = run(&library, &known(), &mut script);
        assert_eq!(
            script.said()[1..],
            [
                "This client paid you late before: think it over before you take the job.\n\
                 If you do, the contract doubles your rates and includes every safeguard,\n\
                 whatever you answer below. You will see the contract's amounts as you go.",
                "In the contract: $2,000.00 (doubled, as the client paid late before).",
                "In the contract: 50% (the least for a client who paid late).",
                "Kill fee clause: yes, always for a client who paid late.",
                "You\n  name             Ann Lee\n  phone            —\n\
                 The relationship\n  relationship     Paid late\n\
                 Money\n  fee              $1,000.00\n  deposit          30%\n\
                 Safeguards\n  kill fee clause  yes\n  days of silence  15\n\
                 For a client who paid late, the contract uses instead:\n  \
                 fee              $1,000.00 → $2,000.00\n  deposit          30% → 50%",
            ]
        );
        assert!(!script.asked().contains(&"Kill fee?"));
        // The answers stay as given: `prepare` hardens them for `new` and `build` alike.
        assert_eq!(get(&answers, "fees.total").as_deref(), Some("1000"));
        assert_eq!(get(&answers, "kill_fee.enabled").as_deref(), Some("yes"));
    }

    #[test]
    fn going_back_from_the_summary_changes_one_answer_and_what_follows_from_it() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("New client"),
            R::T("900"),
            R::Enter,
            R::Enter,
            R::T("20"),
            // Kill fee off: the days are dropped.
            R::Pick("No: change"),
            R::Pick("Safeguards › kill fee clause: yes"),
            R::No,
            // The relationship: the deposit's default moves from 50 to 30, so it is asked.
            R::Pick("No: change"),
            R::Pick("relationship: New client"),
            R::Pick("Paid on time"),
            R::Enter,
            // Changing the name offers the current answer to edit.
            R::Pick("No: change"),
            R::Pick("You › name"),
            R::T("Ann B. Lee"),
            WRITE,
        ]);
        let answers = run(&library, &known(), &mut script);
        assert_eq!(
            script.asked()[7..],
            [
                "Is everything right?",
                "Which answer do you want to change?",
                "Kill fee?",
                "Is everything right?",
                "Which answer do you want to change?",
                "Worked together before?",
                "Deposit",
                "Is everything right?",
                "Which answer do you want to change?",
                "Your name",
                "Is everything right?",
            ]
        );
        assert!(script.log.contains(&"ask: Deposit [30]".to_owned()));
        assert_eq!(get(&answers, "kill_fee.days"), None);
        assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("30"));
        assert_eq!(get(&answers, "me.name").as_deref(), Some("Ann B. Lee"));
        let last_summary = script.said().into_iter().last().unwrap();
        assert!(!last_summary.contains("days of silence"), "{last_summary}");
    }

    #[test]
    fn a_change_that_keeps_the_default_does_not_ask_again() {
        let library = small();
        let mut script = Script::new(&[
            R::T("Ann Lee"),
            R::Enter,
            R::Pick("Paid on time"),
            R::T("900"),
            R::Enter,
            R::Enter,
            R::Enter,
            R::Pick("No: change"),
            R::Pick("relationship"),
            R::Pick("Paid late"),
            WRITE,
        ]);
        run(&library, &known(), &mut script);
        assert_eq!(
            script.asked().iter().filter(|q| **q == "Deposit").count(),
            1
        );
    }

    #[test]
    fn a_bad_value_in_the_answers_file_is_reported_and_asked() {
        let library = small();
        let mut known = known();
        for (key, scalar) in [
            ("me.name", Scalar::Str("Ann Lee".into())),
            ("relationship", Scalar::Str("first-time".into())),
            ("fees.total", Scalar::Str("900".into())),
            ("deposit.percent", Scalar::Int(150)),
        ] {
            known.presets.insert(
                key.into(),
                Preset {
                    scalar,
                    place: "acme.yaml:9".into(),
                },
            );
        }
        let mut script = Script::new(&[R::Enter, R::T("45"), R::Enter, R::Enter, WRITE]);
        let answers = run(&library, &known, &mut script);
        assert_eq!(
            script.asked(),
            [
                "Your phone",
                "Deposit",
                "Kill fee?",
                "Days of silence",
                "Is everything right?"
            ]
        );
        assert_eq!(
            script.said()[1],
            "acme.yaml:9: `deposit.percent` is 150%; expected a percent from 10% to 100%"
        );
        assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("45"));
    }

    #[test]
    fn saved_details_are_offered_together_and_as_defaults() {
        let library = small();
        let mut known = known();
        known.profile.set("me.name", Value::Text("Ann Lee".into()));
        let rest = [
            R::Pick("New client"),
            R::T("900"),
            R::Enter,
            R::Enter,
            R::Enter,
            WRITE,
        ];

        let mut script = Script::new(&[&[R::Yes][..], &rest].concat());
        let answers = run(&library, &known, &mut script);
        assert_eq!(script.asked()[0], "Use these details?");
        assert_eq!(
            script.said()[1],
            "Your details, saved in profile.yaml:\n  name   Ann Lee\n  phone  —"
        );
        assert!(!script.asked().contains(&"Your name"));
        assert_eq!(get(&answers, "me.name").as_deref(), Some("Ann Lee"));

        let mut script =
            Script::new(&[&[R::No, R::Enter, R::T("+1 217 555 0142")][..], &rest].concat());
        let answers = run(&library, &known, &mut script);
        assert_eq!(
            script.asked()[..3],
            ["Use these details?", "Your name", "Your phone"]
        );
        assert!(script.log.contains(&"ask: Your name [Ann Lee]".to_owned()));
        assert_eq!(
            get(&answers, "me.phone").as_deref(),
            Some("+1 217 555 0142")
        );
    }

    #[test]
    fn an_answers_file_is_read_without_requiring_anything() {
        let library = small();
        let text =
            "me:\n  name: Ann Lee\n  fone: 123\nfees:\n  total: lots\ndeposit:\n  percent:\n";
        let given = answers::read_given("acme.yaml", text, &library).unwrap();
        let keys: Vec<&str> = given.values.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["fees.total", "me.name"],
            "empty values are not given"
        );
        assert_eq!(given.values["fees.total"].line, 5);
        let problems: Vec<String> = given.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "error: unknown key `me.fone`; did you mean `me.phone`?\n --> acme.yaml:3:3\n  |\n3 |   fone: 123\n  |   ^^^^"
            ]
        );
    }

    #[test]
    fn esc_stops_the_interview() {
        let library = small();
        let mut script = Script::new(&[R::T("Ann Lee"), R::Esc]);
        assert!(matches!(
            interview(&library, &known(), &mut script),
            Err(Stop::Cancelled)
        ));
    }

    #[test]
    fn the_saved_answers_file_reads_back_as_the_same_answers() {
        let library = built_in();
        let text = include_str!("../examples/repeat-late-payer.yaml");
        let answers = answers::parse("repeat-late-payer.yaml", text, &library).unwrap();
        let file = answers_file(&library, &answers, "clausewright build acme.answers.yaml");
        assert!(file.starts_with(
            "# Answers saved by `clausewright new`. Edit any value, then build the contract again:\n\
             #\n#     clausewright build acme.answers.yaml\n#\n\
             # The client paid late before (relationship: repeat-late-payer): the contract doubles\n"
        ));
        assert_eq!(
            answers::parse("acme.answers.yaml", &file, &library).unwrap(),
            answers
        );
        let profile = profile_file(&library, &answers);
        let read = answers::read_given("profile.yaml", &profile, &library).unwrap();
        let keys: Vec<&str> = read.values.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "freelancer.address",
                "freelancer.business",
                "freelancer.email",
                "freelancer.entity",
                "freelancer.kind",
                "freelancer.name",
                "freelancer.phone",
                "freelancer.title"
            ]
        );
    }
}
