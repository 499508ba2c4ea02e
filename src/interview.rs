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
//!
//! The interview is held in one language ([`Known::language`], from `new --lang` or the
//! answers file given) until
//! `agreement.language` is answered, and in that answer's (first) language from then on: the
//! questions' words come from the library's translation ([`Library::asking_in`]), the
//! interview's own from [`messages`].

mod effects;
pub(crate) mod file_problems;
pub mod messages;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::answers::Answers;
use crate::format::{self, Locale};
use crate::library::Library;
use crate::model::keys::{
    AGREEMENT_DATE, AGREEMENT_LANGUAGE, COUNTRY, CURRENCY, DEFAULT_CURRENCY, LATE_PAYER,
    PROJECT_START, REGION, RELATIONSHIP, REMEMBERED,
};
use crate::model::schema::MAX_RECORDS;
use crate::model::{self, Amount, Language, Languages, LatePayer, Question, Scalar, Type, Value};
use messages::{Messages, sentence_case};

/// What a late payer's rates are multiplied by after an interview: the advice is to double them.
pub const LATE_PAYER_MULTIPLIER: Decimal = Decimal::TWO;

/// The terminal as the interview sees it: the real one (crossterm) in `run`, a script in tests.
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
    /// The interview is now held in `language`: the prompter's own words (the keys of a list,
    /// yes and no) follow it. A prompter without words of its own ignores it.
    fn speak(&mut self, _language: Language) {}
    /// Shows where the interview is, before a question ("The project · question 3 of 6 ·
    /// 12 of 31"); by default as a message.
    fn progress(&mut self, text: &str) {
        self.say(text);
    }
    /// Asks yes or no, or to go back (`<` typed): `None` for back. `back` says where to, as
    /// the answer shows it then (`← Back to the question before`). A prompter that cannot go
    /// back asks yes or no.
    fn confirm_or_back(
        &mut self,
        prompt: &ConfirmPrompt<'_>,
        _back: &str,
    ) -> Result<Option<bool>, Stop> {
        self.confirm(prompt).map(Some)
    }
    /// How many lines the window shows, when known: a summary taller than that is shown a
    /// page at a time.
    fn height(&self) -> Option<usize> {
        None
    }
    /// How many rows of the window `line` (one line of a message) takes once said, wrapped
    /// to the window's width: a summary's page counts them. One when the width is unknown.
    fn rows(&self, _line: &str) -> usize {
        1
    }
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

/// An interview that ended before the summary was confirmed: why, and what was answered by
/// then (the draft `new` saves, so that nothing typed is lost).
#[derive(Debug)]
pub struct Stopped {
    /// Why it ended.
    pub stop: Stop,
    /// The answers so far, with the values given before the interview that were not reached
    /// yet; empty when nothing was answered or given.
    pub draft: Answers,
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
    /// Lists already given and valid (an answers file's scope or milestones), by key: used
    /// without asking.
    pub lists: BTreeMap<String, Value>,
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
    /// The language the interview starts in (`new --lang`, else the `agreement.language` of
    /// the answers file given; the first of two): it follows `agreement.language` once that
    /// is answered.
    pub language: Language,
}

/// Why an answered question is asked again.
#[derive(Debug, Clone)]
enum Again {
    /// The user chose to change it from the summary.
    Change,
    /// An answer its conditional defaults read has changed; it is asked again if that changes
    /// its default, which was this before.
    NewDefault(Option<Value>),
    /// The user went back to it from the question after it.
    Back,
}

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// For the first time, in order: with the progress line, and back allowed.
    First,
    /// Again, the user having gone back to it: its answer is the default.
    Back,
    /// Again, from the summary: its answer is there to edit, and Esc keeps it.
    Change,
    /// Again, as its default changed: Esc keeps the answer.
    Redefault,
}

impl Mode {
    /// Whether the question is part of the walk through the interview (not the summary's):
    /// it shows the progress, and `<` goes back.
    fn in_order(self) -> bool {
        matches!(self, Mode::First | Mode::Back)
    }
}

/// What a question got.
enum Reply {
    /// An answer (`None`: left blank).
    Answer(Option<Value>),
    /// The user asked to go back to the question before.
    Back,
}

/// What came of an offer (the saved details, the recommended safeguards).
enum Flow {
    /// Go on.
    On,
    /// The user asked to go back to the question before.
    Back,
}

/// A question asked in order, remembered to go back to it.
#[derive(Debug, Clone)]
enum Step {
    /// A question, by key, and the index of its section.
    Question { key: String, section: usize },
    /// An offer of answers in one go (the saved details, or the recommended safeguards of
    /// the section), with the keys it answered.
    Offer {
        section: usize,
        settled: Vec<String>,
        profile: bool,
    },
}

impl Step {
    fn section(&self) -> usize {
        match self {
            Step::Question { section, .. } | Step::Offer { section, .. } => *section,
        }
    }
}

/// Asks every question that applies and is not already answered, then shows the summary and
/// lets the user change any answer until they confirm. Returns the answers (not hardened), or
/// on Esc or Ctrl-C the answers so far. Esc while changing an answer, or in the list of answers
/// to change, goes back to the summary; Esc at the summary asks before it stops.
pub fn interview(
    library: &Library,
    known: &Known,
    prompter: &mut dyn Prompter,
) -> Result<Answers, Stopped> {
    // The library with its questions in each other language it is written in.
    let translated: Vec<(Language, Library)> = Language::ALL
        .into_iter()
        .filter(|l| *l != Language::En)
        .filter_map(|l| library.asking_in(l).map(|words| (l, words)))
        .collect();
    let mut session = Session {
        library,
        english: library,
        translated: &translated,
        language: Language::En,
        known,
        prompter,
        answers: Answers::default(),
        blank: BTreeSet::new(),
        presets: known.presets.clone(),
        lists: known.lists.clone(),
        again: BTreeMap::new(),
        profile_offered: false,
        announced: false,
        steps: Vec::new(),
        recommended_offered: BTreeSet::new(),
        set_for_late_payer: BTreeSet::new(),
    };
    session.follow_language();
    session.prompter.say(session.words().intro);
    loop {
        let outcome = session.pass().and_then(|()| session.review());
        match outcome {
            Ok(Review::Write) => return Ok(session.answers),
            Ok(Review::Change(key)) => session.change(&key),
            Ok(Review::Again) => {}
            Err(stop) => {
                let draft = session.draft();
                return Err(Stopped { stop, draft });
            }
        }
    }
}

/// What the user chose at the summary.
enum Review {
    /// Write the contract.
    Write,
    /// Ask this answer again.
    Change(String),
    /// Show the summary again.
    Again,
}

struct Session<'a> {
    /// The library in the interview's language (its questions' words).
    library: &'a Library,
    /// The library as declared.
    english: &'a Library,
    /// The library with its questions in each other language.
    translated: &'a [(Language, Library)],
    /// The language the interview is held in.
    language: Language,
    known: &'a Known,
    prompter: &'a mut dyn Prompter,
    answers: Answers,
    /// Questions deliberately left unanswered (optional, without a default).
    blank: BTreeSet<String>,
    /// Presets not used yet.
    presets: BTreeMap<String, Preset>,
    /// Lists given before the interview, not used yet.
    lists: BTreeMap<String, Value>,
    /// Answered questions to ask again.
    again: BTreeMap<String, Again>,
    profile_offered: bool,
    announced: bool,
    /// The questions asked in order so far, to count them and to go back.
    steps: Vec<Step>,
    /// The sections whose recommended safeguards were offered.
    recommended_offered: BTreeSet<usize>,
    /// Answers the late-payer rules gave (`late_payer: { set: ... }`) instead of asking: asked
    /// after all if the client turns out not to be a late payer.
    set_for_late_payer: BTreeSet<String>,
}

impl Session<'_> {
    /// The interview's own words, in its language.
    fn words(&self) -> &'static Messages {
        messages::of(self.language)
    }

    /// How values are shown: in the interview's language.
    fn locale(&self) -> Locale {
        messages::locale(self.language)
    }

    /// Holds the interview in the language of `agreement.language` once it is answered (the
    /// first of two), else in the one it started in; a language the library has no words for
    /// stays English.
    fn follow_language(&mut self) {
        let answered = match self.answers.get(AGREEMENT_LANGUAGE) {
            Some(Value::Text(code)) => code.parse::<Languages>().ok().map(Languages::first),
            _ => None,
        };
        let wanted = answered.unwrap_or(self.known.language);
        let (language, library) = self
            .translated
            .iter()
            .find(|(l, _)| *l == wanted)
            .map_or((Language::En, self.english), |(l, words)| (*l, words));
        self.language = language;
        self.library = library;
        self.prompter.speak(language);
    }

    fn applies(&self, question: &Question) -> bool {
        question
            .when
            .as_ref()
            .is_none_or(|when| when.eval(|key| self.answers.get(key)))
    }

    fn is_answered(&self, key: &str) -> bool {
        self.answers.get(key).is_some() || self.blank.contains(key)
    }

    /// The answers so far, with the valid presets not reached yet: what a resumed interview
    /// starts from.
    fn draft(&self) -> Answers {
        let mut draft = self.answers.clone();
        for (key, list) in &self.lists {
            if self.library.question(key).is_some() && draft.get(key).is_none() {
                draft.set(key, list.clone());
            }
        }
        for (key, preset) in &self.presets {
            if let Some(question) = self.library.question(key)
                && draft.get(key).is_none()
                && let Ok(value) =
                    model::typed_value_in(question, &preset.scalar, Some(&self.currency()))
            {
                draft.set(key, value);
            }
        }
        draft.late_payer_applied = self.known.late_payer_applied;
        draft
    }

    /// The currency typed amounts are read in (its symbol, its locale's grouping): the one
    /// answered, else the one an answers file gives, else the one offered for the answers so
    /// far (the place's). The scope's prices are asked before the currency.
    fn currency(&self) -> String {
        if let Some(Value::Text(code)) = self.answers.get(CURRENCY) {
            return code.clone();
        }
        let question = self.library.question(CURRENCY);
        if let (Some(question), Some(preset)) = (question, self.presets.get(CURRENCY))
            && let Ok(Value::Text(code)) = model::typed_value(question, &preset.scalar)
        {
            return code;
        }
        question
            .and_then(|q| q.default_for(|k| self.answers.get(k)))
            .map_or_else(|| DEFAULT_CURRENCY.to_owned(), ToString::to_string)
    }

    fn late_payer(&self) -> bool {
        self.answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned()))
    }

    /// One walk through the questions in order: drops answers whose question no longer
    /// applies and asks the ones that apply but have no answer yet.
    fn pass(&mut self) -> Result<(), Stop> {
        let library = self.library;
        for (index, section) in library.sections.iter().enumerate() {
            let mut heading = false;
            for question in &section.questions {
                // An answer changed the interview's language: the rest is asked in it.
                if !std::ptr::eq(library, self.library) {
                    return self.pass();
                }
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
                if let Some(list) = self.lists.remove(key) {
                    self.settle_given(question, Some(list));
                    continue;
                }
                if let Some(preset) = self.presets.remove(key) {
                    let (currency, words) = (self.currency(), self.words());
                    let place = preset.place.as_str();
                    let typed = model::typed_value_why(question, &preset.scalar, Some(&currency))
                        .map_err(|why| (words.given_refused)(place, question, &why))
                        .and_then(|value| {
                            place_check(self.english, &self.answers, question, &value)
                                .map(|()| value)
                                .map_err(|why| (words.given_not_a_region)(place, question, &why))
                        });
                    match typed {
                        Ok(value) => {
                            self.settle_given(question, Some(value));
                            continue;
                        }
                        Err(said) => problem = Some(said),
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
                    if let Flow::Back = self.offer_profile(index)? {
                        self.go_back();
                        return self.pass();
                    }
                    if self.is_answered(key) {
                        continue;
                    }
                }
                if again.is_none()
                    && self.late_payer()
                    && let Some(LatePayer::Set(value)) = &question.late_payer
                {
                    let shown = show(question, value, &self.answers, self.locale());
                    self.prompter.say(&(self.words().late_payer_set)(
                        &sentence_case(&question.label),
                        &shown,
                    ));
                    self.settle(question, Some(value.clone()));
                    self.set_for_late_payer.insert(key.to_owned());
                    continue;
                }
                if again.is_none() && !self.recommended_offered.contains(&index) {
                    if let Flow::Back = self.offer_recommended(index)? {
                        self.go_back();
                        return self.pass();
                    }
                    if self.is_answered(key) {
                        continue;
                    }
                }
                let mode = match again {
                    None => Mode::First,
                    Some(Again::Back) => Mode::Back,
                    Some(Again::Change) => Mode::Change,
                    Some(Again::NewDefault(_)) => Mode::Redefault,
                };
                if let Flow::Back = self.ask_and_settle(index, question, mode)? {
                    self.go_back();
                    return self.pass();
                }
            }
        }
        Ok(())
    }

    /// Asks `question` of section `index` and records the answer: in order, after the
    /// progress line, and remembered to go back to.
    fn ask_and_settle(
        &mut self,
        index: usize,
        question: &Question,
        mode: Mode,
    ) -> Result<Flow, Stop> {
        if mode.in_order() {
            let line = self.progress_line(index, question);
            self.prompter.progress(&line);
        }
        match self.ask(question, mode) {
            Ok(Reply::Answer(value)) => {
                if mode.in_order() {
                    self.steps.push(Step::Question {
                        key: question.key.clone(),
                        section: index,
                    });
                }
                self.settle(question, value);
                self.tell_effect(question);
                Ok(Flow::On)
            }
            // Back or Esc while an answer is asked again from the summary keeps the answer it
            // had: back to the summary.
            Ok(Reply::Back) | Err(Stop::Cancelled) if !mode.in_order() => Ok(Flow::On),
            Ok(Reply::Back) => Ok(Flow::Back),
            Err(stop) => Err(stop),
        }
    }

    /// Records an answer (`None`: left blank) and says what it means for a late payer.
    fn settle(&mut self, question: &Question, value: Option<Value>) {
        self.settle_as(question, value, false);
    }

    /// [`Session::settle`] for an answer given before the interview (an answers file), whose
    /// question was not shown: what it means for a late payer names the answer.
    fn settle_given(&mut self, question: &Question, value: Option<Value>) {
        self.settle_as(question, value, true);
    }

    fn settle_as(&mut self, question: &Question, value: Option<Value>, named: bool) {
        let key = question.key.as_str();
        // An answer settled here is the user's, unless the late-payer rules mark it again.
        self.set_for_late_payer.remove(key);
        if let Some(value) = value {
            self.answers.set(key, value);
            self.blank.remove(key);
        } else {
            self.answers.remove(key);
            self.blank.insert(key.to_owned());
        }
        if key == AGREEMENT_LANGUAGE {
            self.follow_language();
        }
        if key == PROJECT_START || key == AGREEMENT_DATE {
            self.check_start(key);
        }
        if !self.late_payer() {
            // The client is no longer a late payer: what the rules chose without asking is
            // the user's to answer, later in this walk through the questions.
            if key == RELATIONSHIP {
                for key in std::mem::take(&mut self.set_for_late_payer) {
                    self.answers.remove(&key);
                    self.blank.remove(&key);
                }
            }
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
            let words = self.words();
            let why = match &question.late_payer {
                _ if question.rate => words.doubled,
                Some(LatePayer::AtLeast(_)) => words.at_least,
                Some(LatePayer::AtMost(_)) => words.at_most,
                _ => words.for_late_payer,
            };
            let shown = show(question, &change.after, &hardened, self.locale());
            let note = if named {
                (words.in_the_contract_named)(&question.label, &shown, why)
            } else {
                (words.in_the_contract)(&shown, why)
            };
            self.prompter.say(&note);
        }
    }

    /// Points out a start date in the past, or before the agreement's date: a slip more often
    /// than a choice, and the user is told rather than stopped.
    fn check_start(&mut self, key: &str) {
        let date = |key: &str| match self.answers.get(key) {
            Some(Value::Date(date)) => Some(*date),
            _ => None,
        };
        let (Some(start), Some(question)) =
            (date(PROJECT_START), self.library.question(PROJECT_START))
        else {
            return;
        };
        let shown = |date: jiff::civil::Date| {
            show(question, &Value::Date(date), &self.answers, self.locale())
        };
        let words = self.words();
        let mut notes = Vec::new();
        if key == PROJECT_START && start < self.known.today {
            notes.push((words.start_in_past)(
                &shown(start),
                &shown(self.known.today),
            ));
        }
        if let Some(signed) = date(AGREEMENT_DATE)
            && start < signed
        {
            notes.push((words.start_before_agreement)(
                &shown(start),
                &shown(signed),
            ));
        }
        for note in notes {
            self.prompter.say(&note);
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
        (self.words().announcement)(rates, safeguards)
    }

    /// Offers the saved details in one go when every required one is there.
    fn offer_profile(&mut self, section: usize) -> Result<Flow, Stop> {
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
            return Ok(Flow::On);
        }
        let width = label_width(candidates.iter().copied());
        let mut text = (self.words().profile_saved_in)(&self.known.profile_place);
        for question in &candidates {
            let shown = saved(question).map_or_else(
                || "—".to_owned(),
                |v| show(question, v, &self.known.profile, self.locale()),
            );
            let line = answer_line(question, &shown, saved(question), width);
            let _ = write!(text, "\n  {line}");
        }
        self.prompter.say(&text);
        let words = self.words();
        let Some(keep) = self.prompter.confirm_or_back(
            &ConfirmPrompt {
                message: words.use_profile,
                help: Some(with_back(
                    Some(words.use_profile_help.into()),
                    words,
                    Back::Question,
                )),
                default: Some(true),
            },
            words.back,
        )?
        else {
            self.profile_offered = false;
            return Ok(Flow::Back);
        };
        let mut settled = Vec::new();
        if keep {
            for question in candidates {
                let value = self.known.profile.get(&question.key).cloned();
                self.settle(question, value);
                settled.push(question.key.clone());
            }
        }
        self.steps.push(Step::Offer {
            section,
            settled,
            profile: true,
        });
        Ok(Flow::On)
    }

    /// Offers the recommended answers of a section of safeguards in one go, when the pass
    /// first reaches a question of it to ask: the answers each question offers (its default),
    /// listed, for every question that applies and is not answered yet, when there are three
    /// or more. A section is one of safeguards when a yes-or-no question of it is always set for a late payer
    /// (`late_payer: { set: ... }`): the library marks its safeguards so. No asks each one.
    fn offer_recommended(&mut self, index: usize) -> Result<Flow, Stop> {
        let library = self.library;
        let section = &library.sections[index];
        if !is_safeguards(section) {
            return Ok(Flow::On);
        }
        // The questions that would be asked, with what each offers, in order: an offered
        // answer can bring in a later question (ending for silence, then its days).
        let mut chosen = self.answers.clone();
        let mut picks: Vec<(&Question, Value)> = Vec::new();
        for question in &section.questions {
            let key = question.key.as_str();
            if self.is_answered(key) {
                continue;
            }
            // A value given before the interview is used when the pass reaches it, not offered.
            if let Some(given) = self.given(question) {
                chosen.set(key, given);
                continue;
            }
            let applies = question
                .when
                .as_ref()
                .is_none_or(|when| when.eval(|k| chosen.get(k)));
            if !applies {
                continue;
            }
            // What a late payer always gets is not asked, nor offered.
            if self.late_payer()
                && let Some(LatePayer::Set(value)) = &question.late_payer
            {
                chosen.set(key, value.clone());
                continue;
            }
            let Some(value) = question.default_for(|k| chosen.get(k)).cloned() else {
                continue;
            };
            chosen.set(key, value.clone());
            picks.push((question, value));
        }
        if picks.len() < RECOMMENDED_AT_LEAST {
            return Ok(Flow::On);
        }
        let (words, locale) = (self.words(), self.locale());
        let width = label_width(picks.iter().map(|(q, _)| *q));
        let mut text = String::from(words.recommended);
        for (question, value) in &picks {
            let shown = show(question, value, &chosen, locale);
            let line = answer_line(question, &shown, Some(value), width);
            let _ = write!(text, "\n  {line}");
        }
        self.prompter.say(&text);
        let Some(take) = self.prompter.confirm_or_back(
            &ConfirmPrompt {
                message: words.use_recommended,
                help: Some(with_back(
                    Some(words.use_recommended_help.into()),
                    words,
                    Back::Question,
                )),
                default: Some(true),
            },
            words.back,
        )?
        else {
            return Ok(Flow::Back);
        };
        self.recommended_offered.insert(index);
        let mut settled = Vec::new();
        if take {
            for (question, value) in picks {
                self.settle(question, Some(value));
                settled.push(question.key.clone());
            }
        }
        self.steps.push(Step::Offer {
            section: index,
            settled,
            profile: false,
        });
        Ok(Flow::On)
    }

    /// Goes back one question: the last one asked in order is asked again with its answer
    /// as the default; an offer taken is undone and made again.
    fn go_back(&mut self) {
        match self.steps.pop() {
            None => {
                let words = self.words();
                self.prompter.say(words.first_question);
            }
            Some(Step::Question { key, .. }) => {
                self.again.insert(key, Again::Back);
            }
            Some(Step::Offer {
                section,
                settled,
                profile,
            }) => {
                for key in settled {
                    self.answers.remove(&key);
                    self.blank.remove(&key);
                }
                if profile {
                    self.profile_offered = false;
                } else {
                    self.recommended_offered.remove(&section);
                }
            }
        }
    }

    /// The line before `question` of section `index`: the section, and the question's place
    /// in it and in the interview. It counts the questions asked so far and those still to be
    /// asked, each counted if it applies once the questions before it have the answers they
    /// offer (ending for silence, offered yes, brings in its days; a question whose condition
    /// does not hold is not counted). An answer unlike the one offered can change the count.
    fn progress_line(&self, index: usize, current: &Question) -> String {
        let library = self.library;
        let asked_here = self.steps.iter().filter(|s| s.section() == index).count();
        let mut likely = self.answers.clone();
        let (mut here, mut later) = (1, 0);
        let mut seen = false;
        for (i, section) in library.sections.iter().enumerate().skip(index) {
            // The offer of a section's recommended safeguards is a question too, made when
            // three or more of them are to be asked.
            let mut recommended = 0;
            if i > index && is_safeguards(section) && !self.recommended_offered.contains(&i) {
                recommended = 1;
            }
            let mut with_default = 0;
            for question in &section.questions {
                let key = question.key.as_str();
                if i == index && !seen {
                    seen = key == current.key;
                    // The question asked now has the answer it offers, for the count of those
                    // it brings in.
                    if seen && let Some(value) = question.default_for(|k| likely.get(k)).cloned() {
                        likely.set(key, value);
                    }
                    continue;
                }
                let applies = question
                    .when
                    .as_ref()
                    .is_none_or(|when| when.eval(|k| likely.get(k)));
                if !applies || self.is_answered(key) {
                    continue;
                }
                let set_for_late_payer = match &question.late_payer {
                    Some(LatePayer::Set(value)) if self.late_payer() => Some(value.clone()),
                    _ => None,
                };
                let given = self.presets.contains_key(key) || self.lists.contains_key(key);
                if set_for_late_payer.is_none() && !given {
                    if i == index {
                        here += 1;
                    } else {
                        later += 1;
                    }
                }
                let default = question.default_for(|k| likely.get(k)).cloned();
                if set_for_late_payer.is_none() && !given && default.is_some() {
                    with_default += 1;
                }
                let offered = set_for_late_payer
                    .or_else(|| self.given(question))
                    .or(default);
                if let Some(value) = offered {
                    likely.set(key, value);
                }
            }
            if with_default >= RECOMMENDED_AT_LEAST {
                later += recommended;
            }
        }
        let asked = self.steps.len();
        (self.words().progress)(
            &library.sections[index].title,
            asked_here + 1,
            asked_here + here,
            asked + 1,
            asked + here + later,
        )
    }

    /// The valid value given before the interview for `question` and not used yet.
    fn given(&self, question: &Question) -> Option<Value> {
        if let Some(list) = self.lists.get(&question.key) {
            return Some(list.clone());
        }
        let preset = self.presets.get(&question.key)?;
        model::typed_value_in(question, &preset.scalar, Some(&self.currency())).ok()
    }

    /// Says what the answer just given does in the contract, with the user's numbers (those of
    /// the contract: a late payer's, hardened).
    fn tell_effect(&mut self, question: &Question) {
        let Some(value) = self.answers.get(&question.key) else {
            return;
        };
        let answers = if self.late_payer() {
            let (hardened, changes) = self.answers.for_late_payer(self.library, self.multiplier());
            // A plain line would repeat what was said of the hardened amount.
            if question.term.is_none() && changes.iter().any(|c| c.key == question.key) {
                return;
            }
            hardened
        } else {
            self.answers.clone()
        };
        let value = answers.get(&question.key).unwrap_or(value).clone();
        let context = effects::Context {
            library: self.english,
            answers: &answers,
            effects: self.words().effects,
            locale: self.locale(),
            language: self.language,
            today: self.known.today,
        };
        if let Some(sentence) = effects::effect(&context, question, &value) {
            self.prompter.say(&sentence);
        }
    }

    /// What is offered when Enter is pressed alone.
    fn default_for(&self, question: &Question) -> Option<Value> {
        if question.profile
            && let Some(saved) = self.known.profile.get(&question.key)
        {
            return Some(saved.clone());
        }
        if let Some(saved) = self.remembered(&question.key) {
            return Some(saved.clone());
        }
        if let Some(value) = question.default_for(|k| self.answers.get(k)) {
            return Some(value.clone());
        }
        (question.ty == Type::Date).then_some(Value::Date(self.known.today))
    }

    /// The answer the profile remembers for `key` ([`REMEMBERED`]), while the answers before it
    /// in its group are the ones saved with it: a state saved for the United States is not
    /// offered once Germany is chosen.
    fn remembered(&self, key: &str) -> Option<&Value> {
        let saved = self.known.profile.get(key)?;
        let group = REMEMBERED.iter().find(|group| group.contains(&key))?;
        group
            .iter()
            .take_while(|k| **k != key)
            .all(|k| self.answers.get(k) == self.known.profile.get(k))
            .then_some(saved)
    }

    /// Asks one question until it gets a valid answer, or the user goes back. Changed from
    /// the summary, the current answer is there to edit; gone back to, it is the default. A
    /// choice left blank starts at "Leave unanswered" when it is asked again.
    fn ask(&mut self, question: &Question, mode: Mode) -> Result<Reply, Stop> {
        let earlier = self.answers.get(&question.key).cloned();
        let back = if mode.in_order() {
            Back::Question
        } else {
            Back::Summary
        };
        if question.ty == Type::List {
            let current = earlier.filter(|_| matches!(mode, Mode::Change | Mode::Back));
            return self.ask_list(question, current.as_ref(), back);
        }
        let (current, default) = match mode {
            Mode::Change => (earlier, self.default_for(question)),
            Mode::Back => (None, earlier.or_else(|| self.default_for(question))),
            Mode::First | Mode::Redefault => (None, self.default_for(question)),
        };
        let asking = Asking {
            was_blank: matches!(mode, Mode::Change | Mode::Back)
                && self.blank.contains(&question.key),
            back,
        };
        self.ask_value(question, current.as_ref(), default, asking)
    }

    /// Asks for the records of a list, one field at a time, until the user says it is done.
    /// When changing a list, the records it holds are shown and may be kept as they are.
    /// `<` goes back a step: from a field to the one before it, from the first field of a
    /// record to "add another" of the record before, from the first field of all to the
    /// question that opens the list, from that to "keep these?" when it was asked, and from
    /// the first of them as `back` says.
    fn ask_list(
        &mut self,
        question: &Question,
        current: Option<&Value>,
        back: Back,
    ) -> Result<Reply, Stop> {
        /// Where the user is before the records.
        enum At {
            /// "Keep these records as they are?", when the list has some.
            Keep,
            /// The list's own question, when it is optional: whether to give one.
            Start,
            /// The records.
            Records,
        }
        let item = question.item.as_str();
        let words = self.words();
        let records = match current {
            Some(Value::List(records)) => Some(records),
            _ => None,
        };
        // The question before the list's own: "keep these?", or the one before the list.
        let before_start = if records.is_some() {
            Back::Question
        } else {
            back
        };
        // The records typed so far, kept while the user goes back and forth.
        let mut typed: Vec<Vec<Option<Value>>> = Vec::new();
        let mut at = match (records, question.required) {
            (Some(_), _) => At::Keep,
            (None, false) => At::Start,
            (None, true) => At::Records,
        };
        let opening = !matches!(at, At::Records);
        if question.required && !opening {
            self.say_list_question(question);
        }
        loop {
            at = match at {
                At::Keep => {
                    let shown = show(
                        question,
                        &Value::List(records.cloned().unwrap_or_default()),
                        &self.answers,
                        self.locale(),
                    );
                    self.prompter
                        .say(&format!("{}: {shown}", sentence_case(&question.label)));
                    let keep = self.prompter.confirm_or_back(
                        &ConfirmPrompt {
                            message: &(words.keep_records)(item),
                            help: Some(with_back(
                                Some((words.keep_records_help)(item)),
                                words,
                                back,
                            )),
                            default: Some(true),
                        },
                        back.option(words),
                    )?;
                    match keep {
                        None => return Ok(Reply::Back),
                        Some(true) => return Ok(Reply::Answer(current.cloned())),
                        Some(false) if question.required => {
                            self.say_list_question(question);
                            At::Records
                        }
                        Some(false) => At::Start,
                    }
                }
                At::Start => {
                    let start = self.prompter.confirm_or_back(
                        &ConfirmPrompt {
                            message: &question.prompt,
                            help: Some(with_back(question.help.clone(), words, before_start)),
                            default: Some(false),
                        },
                        before_start.option(words),
                    )?;
                    match start {
                        None if records.is_some() => At::Keep,
                        None => return Ok(Reply::Back),
                        Some(false) => return Ok(Reply::Answer(None)),
                        Some(true) => At::Records,
                    }
                }
                At::Records => {
                    if let Some(list) = self.type_records(question, &mut typed)? {
                        return Ok(Reply::Answer(Some(list)));
                    }
                    // Back from the first field: to the question that opened the list.
                    match (question.required, records) {
                        (false, _) => At::Start,
                        (true, Some(_)) => At::Keep,
                        (true, None) => return Ok(Reply::Back),
                    }
                }
            };
        }
    }

    /// Says the question of a list that must be given (there is no yes or no to it), and its
    /// help.
    fn say_list_question(&mut self, question: &Question) {
        self.prompter.say(&question.prompt);
        if let Some(help) = &question.help {
            self.prompter.say(help);
        }
    }

    /// Asks the fields of a list's records until the user says the list is done, starting
    /// from the records in `typed` (offered as the defaults) and keeping them there; `None`
    /// when the user goes back from the first field of the first record.
    fn type_records(
        &mut self,
        question: &Question,
        typed: &mut Vec<Vec<Option<Value>>>,
    ) -> Result<Option<Value>, Stop> {
        /// Where the user is in the list.
        enum At {
            /// A field of a record, by their indexes.
            Field(usize, usize),
            /// "Add another?" after a record.
            More(usize),
        }
        let item = question.item.as_str();
        let words = self.words();
        let last = question.fields.len().saturating_sub(1);
        let mut at = At::Field(0, 0);
        loop {
            match at {
                At::Field(record, index) => {
                    if index == 0 {
                        self.prompter
                            .say(&(words.record)(&sentence_case(item), record + 1));
                    }
                    if typed.len() <= record {
                        typed.push(vec![None; question.fields.len()]);
                    }
                    let field = &question.fields[index];
                    let default = typed[record][index]
                        .clone()
                        .or_else(|| field.default.clone());
                    let asking = Asking {
                        was_blank: false,
                        back: Back::Question,
                    };
                    at = match self.ask_value(field, None, default, asking)? {
                        Reply::Answer(value) => {
                            typed[record][index] = value;
                            if index < last {
                                At::Field(record, index + 1)
                            } else if record + 1 == MAX_RECORDS {
                                self.prompter.say(&(words.list_full)(item));
                                typed.truncate(record + 1);
                                break;
                            } else {
                                At::More(record)
                            }
                        }
                        Reply::Back if index > 0 => At::Field(record, index - 1),
                        Reply::Back if record > 0 => At::More(record - 1),
                        Reply::Back => return Ok(None),
                    };
                }
                At::More(record) => {
                    let more = self.prompter.confirm_or_back(
                        &ConfirmPrompt {
                            message: &(words.add_another)(item),
                            help: Some(with_back(
                                Some((words.add_another_help)(item)),
                                words,
                                Back::Question,
                            )),
                            // Yes when the user went back past records typed after this one.
                            default: Some(typed.len() > record + 1),
                        },
                        words.back,
                    )?;
                    at = match more {
                        None => At::Field(record, last),
                        Some(true) => At::Field(record + 1, 0),
                        Some(false) => {
                            typed.truncate(record + 1);
                            break;
                        }
                    };
                }
            }
        }
        let records = typed
            .iter()
            .map(|record| {
                question
                    .fields
                    .iter()
                    .zip(record)
                    .filter_map(|(field, value)| Some((field.key.clone(), value.clone()?)))
                    .collect()
            })
            .collect();
        Ok(Some(Value::List(records)))
    }

    /// Asks for one value: yes or no, a choice from a list, or typed text. Changing starts a
    /// choice left blank at "Leave unanswered"; with `back`, `<` (or the list's last option)
    /// goes back one question.
    fn ask_value(
        &mut self,
        question: &Question,
        current: Option<&Value>,
        default: Option<Value>,
        Asking { was_blank, back }: Asking,
    ) -> Result<Reply, Stop> {
        let words = self.words();
        match question.ty {
            Type::Bool => {
                let default = current.or(default.as_ref()).and_then(|v| match v {
                    Value::Bool(b) => Some(*b),
                    _ => None,
                });
                let prompt = ConfirmPrompt {
                    message: &question.prompt,
                    help: Some(with_back(question.help.clone(), words, back)),
                    default,
                };
                Ok(
                    match self.prompter.confirm_or_back(&prompt, back.option(words))? {
                        Some(yes) => Reply::Answer(Some(Value::Bool(yes))),
                        None => Reply::Back,
                    },
                )
            }
            Type::Choice => {
                let mut options: Vec<String> =
                    question.choices.iter().map(|c| c.label.clone()).collect();
                let blank_allowed = !question.required && default.is_none();
                if blank_allowed {
                    options.push(self.words().leave_unanswered.into());
                }
                let selected = current.or(default.as_ref());
                let start = question
                    .choices
                    .iter()
                    .position(|c| selected == Some(&Value::Text(c.value.clone())))
                    .unwrap_or(if was_blank && blank_allowed {
                        question.choices.len()
                    } else {
                        0
                    });
                let back_index = options.len();
                options.push(back.option(words).into());
                let index = self.prompter.select(&SelectPrompt {
                    message: &question.prompt,
                    help: question.help.clone(),
                    options,
                    start,
                })?;
                if index == back_index {
                    return Ok(Reply::Back);
                }
                Ok(Reply::Answer(
                    question
                        .choices
                        .get(index)
                        .map(|c| Value::Text(c.value.clone())),
                ))
            }
            _ => self.ask_text(question, current, default, back),
        }
    }

    fn ask_text(
        &mut self,
        question: &Question,
        current: Option<&Value>,
        default: Option<Value>,
        back: Back,
    ) -> Result<Reply, Stop> {
        let default_text = default.as_ref().map(ToString::to_string);
        let blank_allowed = default.is_some() || !question.required;
        let (words, language) = (self.words(), self.language);
        let currency = self.currency();
        let today = self.known.today;
        let check = |input: &str| -> Result<(), String> {
            if input.trim() == BACK {
                return Ok(());
            }
            let dated;
            let input = match relative(question, input, today, language) {
                Some(date) => {
                    dated = date.to_string();
                    dated.as_str()
                }
                None => input,
            };
            if model::is_blank(input) {
                return if blank_allowed {
                    Ok(())
                } else {
                    Err(words.required.into())
                };
            }
            // An amount that reads two ways is let through: the next question asks which.
            if two_readings(question, input, &currency).is_some() {
                return Ok(());
            }
            judge(question, input, &currency, self.known.unprintable, words).and_then(|value| {
                place_check(self.english, &self.answers, question, &value)
                    .map_err(|why| (words.not_a_region)(&why))
            })
        };
        let help = with_back(text_help(question, words), words, back);
        let placeholder = match question.ty {
            _ if default.is_some() || current.is_some() => None,
            Type::Date => Some(words.date_placeholder),
            // An optional amount with an example in it reads as answered.
            Type::Money if question.required => Some("1250.00"),
            _ => None,
        };
        // What the input holds when the question is asked: the answer being changed, or an
        // amount typed again after the user went back from "which amount did you mean?".
        let mut initial = current.map(ToString::to_string);
        loop {
            let reply = self.prompter.text(&TextPrompt {
                message: &question.prompt,
                help: Some(help.clone()),
                default: default_text.clone(),
                initial: initial.take(),
                placeholder,
                check: &check,
            })?;
            let reply = reply.trim();
            if reply == BACK {
                return Ok(Reply::Back);
            }
            if model::is_blank(reply) || Some(reply) == default_text.as_deref() {
                if default.is_some() {
                    return Ok(Reply::Answer(default));
                }
                if !question.required {
                    return Ok(Reply::Answer(None));
                }
                self.prompter.say(words.required);
                continue;
            }
            let when = (today, language);
            let Some(reply) = plain_reply(
                &mut *self.prompter,
                question,
                reply,
                &currency,
                when,
                &self.answers,
            )?
            else {
                initial = Some(reply.to_owned());
                continue;
            };
            // A prompter that lets a bad answer through gets the same message and the question
            // again: the check decides, not the prompter.
            let judged = judge(question, &reply, &currency, self.known.unprintable, words)
                .and_then(|value| {
                    place_check(self.english, &self.answers, question, &value)
                        .map(|()| value)
                        .map_err(|why| (words.not_a_region)(&why))
                });
            match judged {
                Ok(value) => return Ok(Reply::Answer(Some(value))),
                Err(message) => self.prompter.say(&message),
            }
        }
    }

    /// Shows every answer and asks whether to write, change one, or stop.
    fn review(&mut self) -> Result<Review, Stop> {
        let library = self.library;
        let answered: Vec<(&str, &Question)> = library
            .sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s.title.as_str(), q)))
            .filter(|(_, q)| self.is_answered(&q.key) && self.applies(q))
            .collect();
        // The lines of questions without summary words are `label  answer`, in a column.
        let width = label_width(
            answered
                .iter()
                .map(|(_, q)| *q)
                .filter(|q| q.summary.is_none()),
        );
        let (words, locale) = (self.words(), self.locale());
        // A late payer's contract has other amounts: each shows on its answer's line.
        let (hardened, changes) = if self.late_payer() {
            self.answers.for_late_payer(library, self.multiplier())
        } else {
            (self.answers.clone(), Vec::new())
        };
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
            let after = changes
                .iter()
                .find(|c| c.key == question.key)
                .map(|change| &change.after);
            let line = self.summary_line(question, after, &hardened, width);
            let _ = write!(text, "\n  {line}");
        }
        // The changes to answers not shown above (a safeguard left out, which the late
        // payer's contract includes).
        let unshown: Vec<_> = changes
            .iter()
            .filter(|c| !answered.iter().any(|(_, q)| q.key == c.key))
            .collect();
        if !unshown.is_empty() {
            text.push('\n');
            text.push_str(words.late_payer_instead);
            for change in unshown {
                let Some(question) = library.question(&change.key) else {
                    continue;
                };
                let after = show(question, &change.after, &hardened, locale);
                let line = if let Some(summary) = &question.summary {
                    summary.line(&after, yes(&change.after))
                } else {
                    let before = change.before.as_ref().map_or_else(
                        || "—".to_owned(),
                        |v| show(question, v, &self.answers, locale),
                    );
                    format!("{:<width$}  {before} → {after}", question.label)
                };
                let _ = write!(text, "\n  {line}");
            }
        }
        self.prompter.section(words.summary);
        let next = self.show_summary(&text);
        match next {
            Ok(0) => return Ok(Review::Write),
            Ok(_) => {}
            Err(Stop::Cancelled) => {
                let quit = self.prompter.confirm(&ConfirmPrompt {
                    message: words.stop,
                    help: Some(words.stop_help.into()),
                    default: Some(false),
                });
                return match quit {
                    Ok(true) => Err(Stop::Cancelled),
                    Ok(false) | Err(Stop::Cancelled) => Ok(Review::Again),
                    Err(stop) => Err(stop),
                };
            }
            Err(stop) => return Err(stop),
        }
        let mut options: Vec<String> = answered
            .iter()
            .map(|(section, q)| format!("{section} › {}: {}", q.label, self.shown(q)))
            .collect();
        options.push(words.none.into());
        let index = match self.prompter.select(&SelectPrompt {
            message: words.which,
            help: Some(words.which_help.into()),
            options,
            start: 0,
        }) {
            Ok(index) => index,
            Err(Stop::Cancelled) => return Ok(Review::Again),
            Err(stop) => return Err(stop),
        };
        Ok(answered
            .get(index)
            .map_or(Review::Again, |(_, q)| Review::Change(q.key.clone())))
    }

    /// Shows the summary and asks whether to write the contract (0) or change an answer (1).
    /// A summary taller than the window is shown a page at a time: under each page but the
    /// last, Enter shows the next one, and writing or changing can be chosen at once. A line
    /// wider than the window takes the rows it wraps onto.
    fn show_summary(&mut self, text: &str) -> Result<usize, Stop> {
        let words = self.words();
        let room = self.prompter.height().map_or(usize::MAX, |rows| {
            rows.saturating_sub(SUMMARY_CHROME).max(SMALLEST_PAGE)
        });
        let mut pages: Vec<Vec<&str>> = vec![Vec::new()];
        let mut used = 0_usize;
        for line in text.lines() {
            let rows = self.prompter.rows(line).max(1);
            if used.saturating_add(rows) > room && used > 0 {
                pages.push(Vec::new());
                used = 0;
            }
            pages.last_mut().expect("a page was started").push(line);
            used += rows;
        }
        for (number, page) in pages.iter().enumerate() {
            self.prompter.say(&page.join("\n"));
            if number + 1 == pages.len() {
                break;
            }
            let picked = self.prompter.select(&SelectPrompt {
                message: &(words.page)(number + 1, pages.len()),
                help: None,
                options: vec![
                    words.next_page.into(),
                    words.write.into(),
                    words.change.into(),
                ],
                start: 0,
            })?;
            if picked > 0 {
                return Ok(picked - 1);
            }
        }
        self.prompter.select(&SelectPrompt {
            message: words.all_right,
            help: None,
            options: vec![words.write.into(), words.change.into()],
            start: 0,
        })
    }

    /// The summary's line for the answer to `question`: in its own words when it declares
    /// them ("warning after 15 business days of silence"), else its label (padded to `width`)
    /// and the answer. `after` is the answer a late payer's contract has instead, shown after
    /// an arrow (from `hardened`, the answers as the contract has them).
    fn summary_line(
        &self,
        question: &Question,
        after: Option<&Value>,
        hardened: &Answers,
        width: usize,
    ) -> String {
        let locale = self.locale();
        let value = self.answers.get(&question.key);
        let mut shown = self.shown(question);
        if let Some(after) = after {
            let _ = write!(shown, " → {}", show(question, after, hardened, locale));
        }
        match (&question.summary, value.and_then(yes), after.and_then(yes)) {
            // A yes-or-no answer the late payer's contract turns: both phrases.
            (Some(summary), Some(before), Some(now)) if before != now => format!(
                "{} → {}",
                summary.line(&shown, Some(before)),
                summary.line(&shown, Some(now))
            ),
            _ => answer_line(question, &shown, value, width),
        }
    }

    fn shown(&self, question: &Question) -> String {
        self.answers.get(&question.key).map_or_else(
            || "—".to_owned(),
            |v| show(question, v, &self.answers, self.locale()),
        )
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

/// The fewest recommended safeguards offered together: one question asked instead of two
/// saves nothing worth a list to read.
const RECOMMENDED_AT_LEAST: usize = 3;

/// Whether `section` holds safeguards: a yes-or-no question of it is always set for a late
/// payer (`late_payer: { set: ... }`), as the library marks its safeguards.
fn is_safeguards(section: &crate::library::Section) -> bool {
    section
        .questions
        .iter()
        .any(|q| q.ty == Type::Bool && matches!(q.late_payer, Some(LatePayer::Set(_))))
}

/// The lines of the window a page of the summary leaves to the heading above it and the
/// question below it.
const SUMMARY_CHROME: usize = 8;

/// The fewest lines of a page of the summary, however small the window.
const SMALLEST_PAGE: usize = 5;

/// What goes back one question when typed as an answer.
pub const BACK: &str = "<";

/// How a value is asked: whether it `was_blank` (a choice then starts at "Leave
/// unanswered"), and where `<` (a list's last option) goes.
#[derive(Debug, Clone, Copy)]
struct Asking {
    was_blank: bool,
    back: Back,
}

/// Where `<` typed (or a list's last option) goes from a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Back {
    /// To the question before: in the walk through the interview, and between the fields
    /// of a list.
    Question,
    /// To the summary, keeping the answer: from an answer being changed.
    Summary,
}

impl Back {
    /// The last option of a list, that goes back.
    fn option(self, words: &Messages) -> &'static str {
        match self {
            Back::Question => words.back,
            Back::Summary => words.back_to_summary,
        }
    }

    /// What the help of a question adds: how to go back.
    fn help(self, words: &Messages) -> &'static str {
        match self {
            Back::Question => words.back_help,
            Back::Summary => words.back_to_summary_help,
        }
    }
}

/// Asks which of the two amounts that `typed` reads as was meant (`1.250`: 1,250 or 1.25);
/// `None` when the user goes back (the list's last option, or Esc), to type the amount again.
fn which_amount(
    prompter: &mut dyn Prompter,
    question: &Question,
    typed: &str,
    (grouped, decimal, mark): (Decimal, Decimal, char),
    (currency, words, locale): (&str, &Messages, Locale),
) -> Result<Option<Decimal>, Stop> {
    let money =
        |amount: Decimal| format::display_value(question, &Value::Number(amount), currency, locale);
    let picked = prompter.select(&SelectPrompt {
        message: &(words.two_ways)(typed),
        help: Some(words.two_ways_help.into()),
        options: vec![
            (words.grouping)(&money(grouped), mark),
            (words.before_cents)(&money(decimal), mark),
            words.back.to_owned(),
        ],
        start: 0,
    });
    match picked {
        Ok(0) => Ok(Some(grouped)),
        Ok(1) => Ok(Some(decimal)),
        Ok(_) | Err(Stop::Cancelled) => Ok(None),
        Err(stop) => Err(stop),
    }
}

/// What a typed answer stands for, as an answers file writes it: a date said in words (`next
/// monday`, relative to `today`) is that date, shown to the user; an amount that reads two
/// ways is the one the user picks. `None` when the user goes back from that choice, to type
/// the amount again. `language` is the interview's, `answers` those given so far.
fn plain_reply(
    prompter: &mut dyn Prompter,
    question: &Question,
    typed: &str,
    currency: &str,
    (today, language): (jiff::civil::Date, Language),
    answers: &Answers,
) -> Result<Option<String>, Stop> {
    let (words, locale) = (messages::of(language), messages::locale(language));
    let mut reply = typed.to_owned();
    if let Some(date) = relative(question, typed, today, language) {
        let shown = show(question, &Value::Date(date), answers, locale);
        prompter.say(&format!("{typed}: {shown}."));
        reply = date.to_string();
    }
    if let Some(readings) = two_readings(question, &reply, currency) {
        let how = (currency, words, locale);
        let Some(amount) = which_amount(prompter, question, &reply, readings, how)? else {
            return Ok(None);
        };
        reply = amount.to_string();
    }
    Ok(Some(reply))
}

/// The date a date answer names relative to `today` (`tomorrow`, `+2w`, `next monday`; in a
/// Turkish interview `yarın`, `+2h`, `haftaya pazartesi` too).
fn relative(
    question: &Question,
    input: &str,
    today: jiff::civil::Date,
    language: Language,
) -> Option<jiff::civil::Date> {
    (question.ty == Type::Date)
        .then(|| model::relative_date_in(input, today, language))
        .flatten()
}

/// The two amounts a money answer reads as (`1.250`: 1,250 with the `.` grouping thousands,
/// 1.25 with it before the cents), and the mark; `None` for an answer that reads one way or
/// is no amount.
fn two_readings(
    question: &Question,
    input: &str,
    currency: &str,
) -> Option<(Decimal, Decimal, char)> {
    if question.ty != Type::Money {
        return None;
    }
    match model::read_amount(input, currency)? {
        Amount::Ambiguous {
            grouped,
            decimal,
            mark,
        } => Some((grouped, decimal, mark)),
        Amount::Exact(_) => None,
    }
}

/// Types a typed answer as an answers file's value is typed, its amounts read in `currency`;
/// the error is a sentence in the interview's language (`words`).
fn judge(
    question: &Question,
    input: &str,
    currency: &str,
    unprintable: Option<fn(&str) -> Option<char>>,
    words: &Messages,
) -> Result<Value, String> {
    let value = model::typed_value_why(
        question,
        &Scalar::Str(input.trim().to_owned()),
        Some(currency),
    )
    .map_err(|why| (words.refused)(question, &why))?;
    // Finer than the currency's smallest unit (`1250.5` yen): refused here as `build` refuses
    // it in the answers file, not saved to fail there.
    if let (Type::Money, Value::Number(amount)) = (question.ty, &value)
        && model::finer_than_minor_unit(*amount, currency).is_some()
    {
        return Err((words.finer)(*amount, currency));
    }
    if let (Some(find), Value::Text(text)) = (unprintable, &value)
        && let Some(c) = find(text)
    {
        return Err((words.unprintable)(c));
    }
    Ok(value)
}

/// What the place says of an answer the type accepts: `jurisdiction.region` must name a region
/// of the country answered before it, checked at the question as `build` checks it.
fn place_check(
    library: &Library,
    answers: &Answers,
    question: &Question,
    value: &Value,
) -> Result<(), crate::jurisdiction::NotARegion> {
    let Value::Text(text) = value else {
        return Ok(());
    };
    if question.key != REGION || text.trim().is_empty() {
        return Ok(());
    }
    let country = match answers.get(COUNTRY) {
        Some(Value::Text(country)) => country.as_str(),
        _ => crate::jurisdiction::OTHER,
    };
    match library.profiles.iter().find(|p| p.country == country) {
        Some(profile) => profile.find_region_why(text).map(drop),
        None => Ok(()),
    }
}

/// `help` with how to go back (`back`: to the question before, or to the summary) added.
fn with_back(help: Option<String>, words: &Messages, back: Back) -> String {
    let how = back.help(words);
    match help {
        Some(help) => format!("{help} {how}"),
        None => how.to_owned(),
    }
}

/// The help of a typed question, with what a valid answer looks like when that is not obvious.
fn text_help(question: &Question, words: &Messages) -> Option<String> {
    let allowed = (words.allowed)(question);
    match (&question.help, allowed) {
        (Some(help), Some(allowed)) => Some(format!("{help} {allowed}")),
        (Some(help), None) => Some(help.clone()),
        (None, allowed) => allowed,
    }
}

/// A value as the summary shows it: a choice by its label, others as `build`'s summary does,
/// in `locale`.
fn show(question: &Question, value: &Value, answers: &Answers, locale: Locale) -> String {
    if let Value::Text(text) = value
        && let Some(choice) = question.choices.iter().find(|c| &c.value == text)
    {
        return choice.label.clone();
    }
    format::display_value(question, value, &answers.currency(), locale)
}

/// A line listing an answer (the summary's, an offer's): in its question's own words when it
/// declares them ([`Question::summary`]), else its label, padded to `width`, and the answer as
/// `shown`. `value` tells a yes-or-no question's phrase.
fn answer_line(question: &Question, shown: &str, value: Option<&Value>, width: usize) -> String {
    match &question.summary {
        Some(summary) => summary.line(shown, value.and_then(yes)),
        None => format!("{:<width$}  {shown}", question.label),
    }
}

/// The answer of a yes-or-no question.
fn yes(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(yes) => Some(*yes),
        _ => None,
    }
}

fn label_width<'q>(questions: impl Iterator<Item = &'q Question>) -> usize {
    questions
        .map(|q| q.label.chars().count())
        .max()
        .unwrap_or(0)
}

/// The answers file `new` saves: a header saying how to rebuild, then the answers; its
/// comments in `language`, the interview's.
#[must_use]
pub fn answers_file(
    library: &Library,
    answers: &Answers,
    rebuild: &str,
    language: Language,
) -> String {
    let words = messages::of(language);
    let mut out = (words.answers_header)(rebuild);
    if answers.get(RELATIONSHIP) == Some(&Value::Text(LATE_PAYER.to_owned())) {
        out.push_str(words.late_payer_header);
    }
    out.push('\n');
    out.push_str(&answers.to_yaml_in(library, language));
    out
}

/// The profile `new` saves: the answers to the questions marked `profile: true`, and the
/// remembered ones ([`REMEMBERED`]); its comments in `language`.
#[must_use]
pub fn profile_file(library: &Library, answers: &Answers, language: Language) -> String {
    let words = messages::of(language);
    let profile = profile_answers(library, answers);
    let mut out = String::from(words.profile_header);
    if profile.iter().any(|(key, _)| is_remembered(key)) {
        out.push_str(words.profile_remembered);
    }
    out.push('\n');
    out.push_str(&profile.to_yaml_in(library, language));
    out
}

/// Whether `new` remembers the answer to `key` with the profile, to offer it as a default
/// ([`REMEMBERED`]); the `profile: true` questions are remembered too, and offered in one go.
#[must_use]
pub fn is_remembered(key: &str) -> bool {
    REMEMBERED.iter().any(|group| group.contains(&key))
}

/// The answers to the questions marked `profile: true`, and to the remembered ones.
#[must_use]
pub fn profile_answers(library: &Library, answers: &Answers) -> Answers {
    let mut profile = Answers::default();
    for question in library
        .questions()
        .filter(|q| q.profile || is_remembered(&q.key))
    {
        if let Some(value) = answers.get(&question.key) {
            profile.set(&question.key, value.clone());
        }
    }
    profile
}

#[cfg(test)]
mod tests;
