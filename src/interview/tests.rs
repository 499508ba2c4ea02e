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
    /// The window's height, if known.
    height: Option<usize>,
    /// The window's width, if known: a longer line takes more rows.
    width: Option<usize>,
}

impl Script {
    fn new(replies: &[R]) -> Self {
        Self {
            replies: replies.iter().copied().collect(),
            log: Vec::new(),
            unchecked: false,
            height: None,
            width: None,
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
        if let Some(initial) = &prompt.initial {
            self.log.push(format!("typed already: {initial}"));
        }
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

    fn confirm_or_back(
        &mut self,
        prompt: &ConfirmPrompt<'_>,
        back: &str,
    ) -> Result<Option<bool>, Stop> {
        if let Some(R::T(BACK)) = self.replies.front() {
            self.log.push(format!("confirm: {}", prompt.message));
            self.log.push(format!("went: {back}"));
            self.replies.pop_front();
            return Ok(None);
        }
        self.confirm(prompt).map(Some)
    }

    fn progress(&mut self, text: &str) {
        self.log.push(format!("progress: {text}"));
    }

    fn height(&self) -> Option<usize> {
        self.height
    }

    fn rows(&self, line: &str) -> usize {
        self.width
            .map_or(1, |width| line.chars().count().div_ceil(width).max(1))
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
        lists: BTreeMap::new(),
        profile: Answers::default(),
        profile_place: "profile.yaml".into(),
        today: jiff::civil::date(2026, 3, 2),
        unprintable: None,
        late_payer_applied: false,
        language: Language::En,
    }
}

/// [`known`] with `presets` given by an answers file, all at `acme.yaml:9`.
fn given_in_acme(presets: &[(&str, Scalar)]) -> Known {
    let mut known = known();
    for (key, scalar) in presets {
        known.presets.insert(
            (*key).into(),
            Preset {
                scalar: scalar.clone(),
                place: "acme.yaml:9".into(),
            },
        );
    }
    known
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
        R::T("€900"),
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
            "The answer is \"€900\"; expected an amount such as 1250.00 from 1 to 1,000,000,000,000.",
            "The answer is 0.50; expected an amount such as 1250.00 from 1 to 1,000,000,000,000.",
            "The answer is 150%; expected a percent from 10% to 100%.",
            "The answer is 2; expected a whole number from 3 to 60.",
            "The answer is \"fifteen\"; expected a whole number from 3 to 60.",
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
        &"The answer is \"lots\"; expected an amount such as 1250.00 from 1 to 1,000,000,000,000."
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
    let text = include_str!("../../examples/first-time-us.yaml");
    let given = answers::read_given("first-time-us.yaml", text, &library).unwrap();
    assert!(given.problems.is_empty(), "{:?}", given.problems);
    let mut known = known();
    for (key, list) in &given.lists {
        let question = library.question(key).unwrap();
        let value =
            answers::typed_records("first-time-us.yaml", text, question, list, "USD").unwrap();
        known.lists.insert(key.clone(), value);
    }
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
                 Money\n  fee              $1,000.00 → $2,000.00\n  \
                 deposit          30% → 50%\n\
                 Safeguards\n  kill fee clause  yes\n  days of silence  15",
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
fn an_answer_the_late_payer_rules_gave_is_asked_once_the_client_is_no_longer_a_late_payer() {
    let library = small();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("Paid late"),
        R::T("1000"),
        R::T("30"),
        // The kill fee clause is not asked: the rules put it in.
        R::Enter,
        // The relationship changes: the clause is the user's choice again, so it is asked.
        R::Pick("No: change"),
        R::Pick("relationship: Paid late"),
        R::Pick("New client"),
        // The deposit's default moves from 30 to 50.
        R::Enter,
        R::No,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        script.asked()[4..],
        [
            "Deposit",
            "Days of silence",
            "Is everything right?",
            "Which answer do you want to change?",
            "Worked together before?",
            "Deposit",
            "Kill fee?",
            "Is everything right?",
        ]
    );
    assert_eq!(get(&answers, "kill_fee.enabled").as_deref(), Some("no"));
    assert_eq!(get(&answers, "kill_fee.days"), None);
    // An answer the user gave is kept through the same change.
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("900"),
        R::Enter,
        R::No,
        R::Pick("No: change"),
        R::Pick("relationship: New client"),
        R::Pick("Paid late"),
        // The deposit, asked again each time its default moves.
        R::Enter,
        R::Pick("No: change"),
        R::Pick("relationship: Paid late"),
        R::Pick("New client"),
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        script.asked().iter().filter(|q| **q == "Kill fee?").count(),
        1,
        "{:#?}",
        script.log
    );
    assert_eq!(get(&answers, "kill_fee.enabled").as_deref(), Some("no"));
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
    let known = given_in_acme(&[
        ("me.name", Scalar::Str("Ann Lee".into())),
        ("relationship", Scalar::Str("first-time".into())),
        ("fees.total", Scalar::Str("900".into())),
        ("deposit.percent", Scalar::Int(150)),
    ]);
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
fn a_late_payers_amount_from_the_answers_file_is_named_in_its_note() {
    let library = small();
    let given = given_in_acme(&[
        ("me.name", Scalar::Str("Ann Lee".into())),
        ("relationship", Scalar::Str("repeat-late-payer".into())),
        ("fees.total", Scalar::Str("900".into())),
        ("deposit.percent", Scalar::Int(30)),
    ]);
    let mut script = Script::new(&[R::Enter, R::Enter, WRITE]);
    run(&library, &given, &mut script);
    // No question was shown for these amounts: each note says which answer it is.
    let said = script.said();
    assert!(
        said.contains(&"Fee in the contract: $1,800.00 (doubled, as the client paid late before)."),
        "{said:#?}"
    );
    assert!(
        said.contains(&"Deposit in the contract: 50% (the least for a client who paid late)."),
        "{said:#?}"
    );
    // An amount typed at its question keeps the short note.
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("Paid late"),
        R::T("1000"),
        R::T("30"),
        R::Enter,
        WRITE,
    ]);
    run(&library, &known(), &mut script);
    assert!(
        script
            .said()
            .contains(&"In the contract: $2,000.00 (doubled, as the client paid late before)."),
        "{:#?}",
        script.said()
    );
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
    let text = "me:\n  name: Ann Lee\n  fone: 123\nfees:\n  total: lots\ndeposit:\n  percent:\n";
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

/// Answers every question with the first-time example's values as a person would: types
/// the value (or presses Enter when it is already offered), moves to the choice, and counts
/// the questions and the key presses.
struct Typist<'a> {
    library: &'a Library,
    answers: &'a Answers,
    questions: usize,
    keys: usize,
    /// Every prompt shown: the questions, a list's fields and "add another", the offers and
    /// the summary's.
    prompts: usize,
    /// The list being typed, and how many of its records are done.
    list: Option<(&'a Question, usize)>,
}

impl<'a> Typist<'a> {
    fn wanted(&self, prompt: &str) -> (&'a Question, Option<&'a Value>) {
        let question = self
            .library
            .questions()
            .find(|q| q.prompt == prompt)
            .unwrap_or_else(|| panic!("no question asks {prompt:?}"));
        (question, self.answers.get(&question.key))
    }

    /// The value of a field of the record being typed, when `prompt` asks for one.
    fn field(&self, prompt: &str) -> Option<(&'a Question, Option<&'a Value>)> {
        let (list, done) = self.list?;
        let field = list.fields.iter().find(|f| f.prompt == prompt)?;
        let Some(Value::List(records)) = self.answers.get(&list.key) else {
            return None;
        };
        Some((
            field,
            crate::model::value::field(&records[done], &field.key),
        ))
    }
}

impl Typist<'_> {
    /// Whether the example's answers in the section of safeguards are all the ones its
    /// questions recommend (their defaults), where they apply.
    fn recommended_are_wanted(&self) -> bool {
        let section = self
            .library
            .sections
            .iter()
            .find(|s| {
                s.questions
                    .iter()
                    .any(|q| matches!(q.late_payer, Some(LatePayer::Set(_))))
            })
            .expect("the built-in library has safeguards");
        section.questions.iter().all(|q| {
            let applies = q
                .when
                .as_ref()
                .is_none_or(|when| when.eval(|k| self.answers.get(k)));
            let Some(default) = q.default_for(|k| self.answers.get(k)) else {
                return true;
            };
            !applies || self.answers.get(&q.key) == Some(default)
        })
    }
}

impl Prompter for Typist<'_> {
    fn section(&mut self, _: &str) {}
    fn say(&mut self, _: &str) {}
    fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
        self.prompts += 1;
        let value = if let Some((_, value)) = self.field(prompt.message) {
            value
        } else {
            self.questions += 1;
            self.wanted(prompt.message).1
        };
        let typed = value.map(ToString::to_string).unwrap_or_default();
        if prompt.default.as_deref() == Some(typed.as_str()) || typed.is_empty() {
            self.keys += 1;
        } else {
            self.keys += typed.chars().count() + 1;
        }
        if let Err(why) = (prompt.check)(&typed) {
            panic!("{:?} refused {typed:?}: {why}", prompt.message);
        }
        Ok(typed)
    }
    fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
        self.prompts += 1;
        if prompt.message == "Is everything right?" {
            self.keys += 1;
            return Ok(0);
        }
        self.questions += 1;
        let (question, value) = self.wanted(prompt.message);
        let target = question
            .choices
            .iter()
            .position(|c| value == Some(&Value::Text(c.value.clone())))
            .expect("the example answers every choice");
        self.keys += target.abs_diff(prompt.start) + 1;
        Ok(target)
    }
    fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
        self.prompts += 1;
        if prompt.message == messages::of(Language::En).use_recommended {
            // Yes only when every safeguard the example answers is the recommended one.
            let take = self.recommended_are_wanted();
            self.keys += if prompt.default == Some(take) { 1 } else { 2 };
            return Ok(take);
        }
        if let Some((list, done)) = self.list
            && prompt.message == format!("Add another {}?", list.item)
        {
            let Some(Value::List(records)) = self.answers.get(&list.key) else {
                unreachable!("a list is typed only when the example has one");
            };
            let more = done + 1 < records.len();
            self.list = more.then_some((list, done + 1));
            self.keys += if prompt.default == Some(more) { 1 } else { 2 };
            return Ok(more);
        }
        self.questions += 1;
        let (question, value) = self.wanted(prompt.message);
        let want = match value {
            Some(Value::List(_)) => {
                self.list = Some((question, 0));
                true
            }
            _ => value == Some(&Value::Bool(true)),
        };
        self.keys += if prompt.default == Some(want) { 1 } else { 2 };
        Ok(want)
    }
}

#[test]
fn the_first_time_example_asks_each_answer_once() {
    let library = built_in();
    let text = include_str!("../../examples/first-time-us.yaml");
    let example = answers::parse("first-time-us.yaml", text, &library).unwrap();
    let mut typist = Typist {
        library: &library,
        answers: &example,
        questions: 0,
        keys: 0,
        prompts: 0,
        list: None,
    };
    let answers = interview(&library, &known(), &mut typist).unwrap();
    assert_eq!(answers, example);
    // Every answer is asked for once, and nothing else is asked. The counts are printed
    // for the record (`cargo test first_time_example -- --nocapture`).
    eprintln!(
        "first-time example: {} questions in {} prompts, {} keys",
        typist.questions, typist.prompts, typist.keys
    );
    assert_eq!(typist.questions, example.iter().count());
}

#[test]
fn esc_stops_the_interview() {
    let library = small();
    let mut script = Script::new(&[R::T("Ann Lee"), R::Esc]);
    let Err(stopped) = interview(&library, &known(), &mut script) else {
        panic!("the interview went on after Esc");
    };
    assert!(matches!(stopped.stop, Stop::Cancelled));
    // What was typed is handed back, for the draft.
    assert_eq!(get(&stopped.draft, "me.name").as_deref(), Some("Ann Lee"));
    assert_eq!(stopped.draft.iter().count(), 1);
}

#[test]
fn the_draft_keeps_values_given_before_that_were_not_reached() {
    let library = small();
    let mut known = known();
    known.presets.insert(
        "fees.total".into(),
        Preset {
            scalar: Scalar::Str("900".into()),
            place: "draft.yaml:3".into(),
        },
    );
    let mut script = Script::new(&[R::T("Ann Lee"), R::Enter, R::Esc]);
    let stopped = interview(&library, &known, &mut script).unwrap_err();
    assert_eq!(get(&stopped.draft, "me.name").as_deref(), Some("Ann Lee"));
    assert_eq!(get(&stopped.draft, "fees.total").as_deref(), Some("900"));
    assert_eq!(get(&stopped.draft, "relationship"), None);
}

#[test]
fn esc_in_the_change_list_or_a_question_asked_again_goes_back_to_the_summary() {
    let library = small();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("900"),
        R::Enter,
        R::Enter,
        R::Enter,
        // Esc in the list of answers to change: the summary again.
        R::Pick("No: change"),
        R::Esc,
        // Esc while changing the fee keeps the fee.
        R::Pick("No: change"),
        R::Pick("fee"),
        R::Esc,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("900"));
    let summaries = script.log.iter().filter(|l| *l == "## Summary").count();
    assert_eq!(summaries, 3, "{:#?}", script.log);
}

#[test]
fn esc_at_the_summary_asks_before_it_stops() {
    let library = small();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("900"),
        R::Enter,
        R::Enter,
        R::Enter,
        R::Esc,
        // Enter keeps the default: do not stop.
        R::Enter,
        R::Esc,
        R::Yes,
    ]);
    let stopped = interview(&library, &known(), &mut script).unwrap_err();
    assert!(matches!(stopped.stop, Stop::Cancelled));
    assert_eq!(get(&stopped.draft, "fees.total").as_deref(), Some("900"));
    let asked = script.asked();
    assert_eq!(
        asked[asked.len() - 4..],
        [
            "Is everything right?",
            "Stop without writing the contract?",
            "Is everything right?",
            "Stop without writing the contract?"
        ]
    );
}

#[test]
fn the_saved_answers_file_reads_back_as_the_same_answers() {
    let library = built_in();
    let text = include_str!("../../examples/repeat-late-payer.yaml");
    let answers = answers::parse("repeat-late-payer.yaml", text, &library).unwrap();
    let file = answers_file(
        &library,
        &answers,
        "clausewright build acme.answers.yaml",
        Language::En,
    );
    assert!(file.starts_with(
            "# Answers saved by `clausewright new`. Edit any value, then build the contract again:\n\
             #\n#     clausewright build acme.answers.yaml\n#\n\
             # The client paid late before (relationship: repeat-late-payer): the contract doubles\n"
        ));
    assert_eq!(
        answers::parse("acme.answers.yaml", &file, &library).unwrap(),
        answers
    );
    let profile = profile_file(&library, &answers, Language::En);
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
            "freelancer.profession",
            "freelancer.title",
            "jurisdiction.country",
            "jurisdiction.region",
            "jurisdiction.venue"
        ]
    );
}

#[test]
fn a_region_the_country_does_not_have_is_caught_at_its_question() {
    let (library, mut known) = example_without(&[]);
    known.presets.insert(
        "jurisdiction.region".into(),
        Preset {
            scalar: Scalar::Str("Illinios".into()),
            place: "first-time-us.yaml:67".into(),
        },
    );
    let mut script = Script::new(&[R::T("Ilinois"), R::T("illinois"), WRITE]);
    let answers = run(&library, &known, &mut script);
    let states = "AL, AK, AZ, AR, CA, CO, CT, DE, DC, FL, GA, HI, ID, IL, IN, IA, KS, KY, LA, ME, MD, MA, MI, MN, MS, MO, MT, NE, NV, NH, NJ, NM, NY, NC, ND, OH, OK, OR, PA, RI, SC, SD, TN, TX, UT, VT, VA, WA, WV, WI, WY";
    // The file's value, then a value typed at the question: each refused with the error
    // `build` gives, the question asked again; a region named in any case is taken.
    assert!(
        script.said().contains(&format!(
            "first-time-us.yaml:67: `jurisdiction.region` is \"Illinios\", which is not a state of the United States (did you mean `IL`, Illinois?); give one of {states}"
        ).as_str()),
        "{:#?}",
        script.log
    );
    assert!(
        script.log.contains(&format!(
            "invalid: The answer is \"Ilinois\", which is not a state of the United States (did you mean `IL`, Illinois?); give one of {states}."
        )),
        "{:#?}",
        script.log
    );
    assert_eq!(
        get(&answers, "jurisdiction.region").as_deref(),
        Some("illinois")
    );
    let asked = script.asked();
    assert_eq!(asked.len(), 2, "{asked:#?}");
    assert!(
        asked[0].starts_with("Which state or legal system?"),
        "{asked:#?}"
    );
}

#[test]
fn the_place_is_asked_before_the_money_and_offers_its_currency() {
    for (country, region, currency) in [
        ("United Kingdom", Some("England and Wales"), "GBP"),
        ("Germany", Some("Berlin"), "EUR"),
        ("Türkiye", None, "TRY"),
        ("United States", Some("IL"), "USD"),
    ] {
        let (library, known) = example_without(&[
            "jurisdiction.country",
            "jurisdiction.region",
            "jurisdiction.venue",
            "fees.currency",
        ]);
        let mut replies = vec![R::Pick(country)];
        replies.extend(region.map(R::T));
        // The venue, then the currency the place offers (Enter takes it).
        replies.extend([R::T("Springfield"), R::Enter]);
        if currency != "USD" {
            // The law of the place sets the interest: its default, yes, and the table's rates.
            replies.extend([R::Enter, R::Enter]);
        }
        replies.push(WRITE);
        let mut script = Script::new(&replies);
        let answers = run(&library, &known, &mut script);
        let asked = script.asked();
        assert_eq!(
            asked[0], "Which country's law governs the contract?",
            "{country}: {asked:#?}"
        );
        assert_eq!(
            asked[1].starts_with("Which state or legal system?"),
            region.is_some(),
            "{country}: {asked:#?}"
        );
        let at = |prompt: &str| asked.iter().position(|a| a.starts_with(prompt));
        assert!(
            at("Which country's law").unwrap() < at("Currency of the fees").unwrap(),
            "{country}: {asked:#?}"
        );
        assert_eq!(
            get(&answers, "fees.currency").as_deref(),
            Some(currency),
            "{country}"
        );
    }
}

/// A library with one list: the milestones, each with a name, a date and a payment.
fn with_milestones() -> Library {
    let text = format!(
        "{SMALL}      - key: project.milestones
        type: list
        item: milestone
        label: milestones
        prompt: Add a schedule of milestones?
        fields:
          - {{ key: name, type: text, prompt: The milestone, required: true }}
          - {{ key: date, type: date, prompt: Its date, required: true }}
          - {{ key: payment, type: money, prompt: The payment due on it }}
"
    );
    library::load(&[SourceFile {
        relative: "library.yaml".into(),
        display: "library.yaml".into(),
        text,
    }])
    .into_library()
    .unwrap()
}

#[test]
fn a_list_is_asked_record_by_record_until_done() {
    let library = with_milestones();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("1000"),
        R::Enter,
        R::Enter,
        R::Enter,
        // The milestones: two, the second without a payment; a bad date is asked again.
        R::Yes,
        R::T("Design approved"),
        R::T("2026-04-01"),
        R::T("250"),
        R::Yes,
        R::T("Launch"),
        R::T("next May"),
        R::T("2026-05-01"),
        R::Enter,
        R::No,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        get(&answers, "project.milestones").as_deref(),
        Some("Design approved, 2026-04-01, 250; Launch, 2026-05-01")
    );
    let asked = script.asked();
    let from = asked
        .iter()
        .position(|q| *q == "Add a schedule of milestones?")
        .unwrap();
    assert_eq!(
        asked[from..asked.len() - 1],
        [
            "Add a schedule of milestones?",
            "The milestone",
            "Its date",
            "The payment due on it",
            "Add another milestone?",
            "The milestone",
            "Its date",
            "The payment due on it",
            "Add another milestone?",
        ]
    );
    assert!(
        script.said().contains(&"Milestone 2"),
        "{:?}",
        script.said()
    );
    assert!(
        script
            .log
            .iter()
            .any(|l| l.starts_with("invalid: The answer is \"next May\"; expected a date")),
        "{:#?}",
        script.log
    );
    assert!(
        script.log.iter().any(|l| l.contains(
            "  milestones       Design approved, April 1, 2026, $250.00; Launch, May 1, 2026"
        )),
        "{:#?}",
        script.log
    );
}

#[test]
fn an_amount_that_reads_two_ways_is_asked_about_with_both_readings() {
    let library = small();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        // Esc at the question types the amount again; then the thousands are picked.
        R::T("1.250"),
        R::Esc,
        R::T("$9.800"),
        R::Pick("groups thousands"),
        R::Enter,
        R::Enter,
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("9800"));
    let asked = script.asked();
    assert_eq!(
        asked[3..7],
        [
            "Your fee",
            "1.250 reads two ways: which amount did you mean?",
            "Your fee",
            "$9.800 reads two ways: which amount did you mean?",
        ]
    );
    // Both readings are offered, in the currency's own format.
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("1.250"),
        R::Pick("$1.25 (the . comes before the cents)"),
        R::Enter,
        R::Enter,
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("1.25"));
}

#[test]
fn an_amount_given_before_the_interview_is_read_by_the_same_rule() {
    let library = small();
    let mut known = known();
    for (key, scalar) in [
        ("me.name", Scalar::Str("Ann Lee".into())),
        ("relationship", Scalar::Str("first-time".into())),
        ("fees.total", Scalar::Str("$4,800".into())),
    ] {
        known.presets.insert(
            key.into(),
            Preset {
                scalar,
                place: "a.yaml:1".into(),
            },
        );
    }
    let mut script = Script::new(&[R::Enter, R::Enter, R::Enter, R::Enter, WRITE]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("4800"));

    // One that reads two ways is not taken as either: the file's line says why, and the
    // question is asked.
    known.presets.get_mut("fees.total").unwrap().scalar = Scalar::Str("1.250".into());
    let mut script = Script::new(&[R::Enter, R::T("1250"), R::Enter, R::Enter, R::Enter, WRITE]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("1250"));
    assert!(
        script
            .said()
            .iter()
            .any(|s| s.starts_with("a.yaml:1: `fees.total` is \"1.250\", which reads two ways")),
        "{:#?}",
        script.log
    );
}

#[test]
fn once_the_contract_is_to_be_turkish_the_rest_of_the_interview_is_turkish() {
    let (library, known) =
        example_without(&["project.revisions", "agreement.language", "fees.total"]);
    let mut script = Script::new(&[
        R::T("3"),
        R::Pick("Turkish (Türkçe)"),
        R::T("12,5x"),
        R::T("6400"),
        R::Pick("Evet: sözleşmeyi"),
    ]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        script.asked(),
        [
            "How many rounds of revisions are included in the fee?",
            "The language of the contract",
            "Proje için ücretiniz (sabit fiyat ya da toplam tahmininiz)",
            "Her şey doğru mu?",
        ]
    );
    assert!(
        script.log.iter().any(|line| line
            == "invalid: “12,5x” bir tutar olarak okunamadı; 0,01 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) yazın."),
        "{:#?}",
        script.log
    );
    assert!(script.log.iter().any(|line| line == "## Ücret ve ödeme"));
    assert!(script.log.iter().any(|line| line == "## Özet"));
    let summary = script.said().last().copied().unwrap_or_default();
    for words in ["Siz\n", "Ücret ve ödeme\n", "6.400,00 USD", "Türkçe"] {
        assert!(
            summary.contains(words),
            "{words:?} is not in the summary:\n{summary}"
        );
    }
    assert_eq!(get(&answers, "agreement.language").as_deref(), Some("tr"));
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("6400"));
}

#[test]
fn an_interview_started_in_turkish_says_everything_in_turkish() {
    let (library, mut known) = example_without(&["client.phone", "deposit.percent"]);
    known.language = Language::Tr;
    // As `new --lang tr` gives it.
    known.presets.insert(
        "agreement.language".into(),
        Preset {
            scalar: Scalar::Str("tr".into()),
            place: "--lang".into(),
        },
    );
    let mut script = Script::new(&[
        R::Enter,
        R::T("+1 217 555 0187"),
        R::Enter,
        R::Esc,
        R::No,
        WRITE_TR,
    ]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        script.asked(),
        [
            "Ülke koduyla birlikte müşterinin telefon numarası",
            "İş başlamadan ödenecek kapora, ücretin yüzdesi olarak",
            "Her şey doğru mu?",
            "Sözleşme yazılmadan durulsun mu?",
            "Her şey doğru mu?",
        ]
    );
    let said = script.said();
    assert!(
        said[0].starts_with("Tek bir müşteri için sözleşme hazırlamak üzere"),
        "{said:#?}"
    );
    assert!(
        script
            .log
            .contains(&"invalid: Bu sorunun yanıtlanması gerekiyor.".to_owned()),
        "{:#?}",
        script.log
    );
    // The first-time client's deposit, Turkish style.
    assert!(said.iter().any(|s| s.contains("%50")), "{said:#?}");
    assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("50"));
}

const WRITE_TR: R = R::Pick("Evet: sözleşmeyi");

#[test]
fn dates_are_taken_as_people_say_them_and_slips_are_pointed_out() {
    let (library, known) = example_without(&["project.start", "agreement.date"]);
    let mut script = Script::new(&[R::T("2026-02-30"), R::T("yesterday"), R::T("+1w"), WRITE]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        get(&answers, "project.start").as_deref(),
        Some("2026-03-01")
    );
    assert_eq!(
        get(&answers, "agreement.date").as_deref(),
        Some("2026-03-09")
    );
    let invalid: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("invalid: "))
        .collect();
    assert_eq!(
        invalid,
        ["The answer is \"2026-02-30\", but February 2026 has 28 days."]
    );
    let said = script.said();
    for note in [
        "yesterday: March 1, 2026.",
        "Note: work starts on March 1, 2026, which is in the past (today is March 2, 2026).",
        "+1w: March 9, 2026.",
        "Note: work starts on March 1, 2026, before the date of the agreement, March 9, 2026.",
    ] {
        assert!(said.contains(&note), "{note:?} not in {said:#?}");
    }
    // A start that is neither is not remarked on.
    let (library, known) = example_without(&["project.start"]);
    let mut script = Script::new(&[R::T("next monday"), WRITE]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        get(&answers, "project.start").as_deref(),
        Some("2026-03-09")
    );
    assert!(
        !script.said().iter().any(|s| s.starts_with("Note:")),
        "{:#?}",
        script.log
    );
}

#[test]
fn each_question_says_where_it_stands_and_the_count_follows_the_conditions() {
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
    run(&library, &known(), &mut script);
    let progress: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("progress: "))
        .collect();
    // The days of silence are counted while the kill fee is offered as yes, and drop out of
    // the count once it is answered no.
    assert_eq!(
        progress,
        [
            "You · question 1 of 2 · 1 of 7",
            "You · question 2 of 2 · 2 of 7",
            "The relationship · question 1 of 1 · 3 of 7",
            "Money · question 1 of 2 · 4 of 7",
            "Money · question 2 of 2 · 5 of 7",
            "Safeguards · question 1 of 2 · 6 of 7",
        ]
    );
}

#[test]
fn going_back_asks_the_question_before_again_with_its_answer_offered() {
    let library = small();
    let mut script = Script::new(&[
        // Nothing before the first question: it is asked again.
        R::T("<"),
        R::T("Ann Lee"),
        R::T("+44 20 7946 0958"),
        // From a list, by its last option, to a typed answer offered as the default.
        R::Pick("← Back"),
        R::Enter,
        R::Pick("New client"),
        // From a typed answer to a list, which starts at the answer given.
        R::T("<"),
        R::Pick("Paid on time"),
        R::T("900"),
        R::Enter,
        // From a yes-or-no question.
        R::T("<"),
        R::T("40"),
        R::Yes,
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        script.asked(),
        [
            "Your name",
            "Your name",
            "Your phone",
            "Worked together before?",
            "Your phone",
            "Worked together before?",
            "Your fee",
            "Worked together before?",
            "Your fee",
            "Deposit",
            "Kill fee?",
            "Deposit",
            "Kill fee?",
            "Days of silence",
            "Is everything right?",
        ]
    );
    assert!(
        script
            .said()
            .contains(&"This is the first question: there is none before it to go back to."),
        "{:#?}",
        script.log
    );
    // The earlier answer is the default: Enter keeps it.
    assert!(
        script
            .log
            .contains(&"ask: Your phone [+44 20 7946 0958]".to_owned()),
        "{:#?}",
        script.log
    );
    // The deposit offered is the one answered (30% for a client who paid on time), not the
    // first-time default, and the answer typed then replaces it.
    assert!(script.log.contains(&"ask: Deposit [30]".to_owned()));
    assert_eq!(
        get(&answers, "me.phone").as_deref(),
        Some("+44 20 7946 0958")
    );
    assert_eq!(get(&answers, "relationship").as_deref(), Some("repeat"));
    assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("40"));
    // The counts go back too: the question asked again has its old place.
    let progress: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("progress: "))
        .collect();
    assert_eq!(progress[3], "The relationship · question 1 of 1 · 3 of 7");
    assert_eq!(progress[4], "You · question 2 of 2 · 2 of 7");
}

#[test]
fn the_help_of_a_question_says_how_to_go_back_and_a_list_offers_it() {
    /// Answers the name and the phone (blank), and keeps what it was shown.
    #[derive(Default)]
    struct Peek {
        help: Vec<Option<String>>,
        options: Option<Vec<String>>,
    }
    impl Prompter for Peek {
        fn section(&mut self, _: &str) {}
        fn say(&mut self, _: &str) {}
        fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
            self.help.push(prompt.help.clone());
            Ok(if self.help.len() == 1 { "Ann Lee" } else { "" }.into())
        }
        fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
            self.options = Some(prompt.options.clone());
            Err(Stop::Cancelled)
        }
        fn confirm(&mut self, _: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
            Err(Stop::Cancelled)
        }
    }
    let mut peek = Peek::default();
    let _ = interview(&small(), &known(), &mut peek);
    assert_eq!(
        peek.options.unwrap(),
        [
            "New client",
            "Paid on time",
            "Paid late",
            "← Back to the question before"
        ]
    );
    for help in peek.help {
        assert!(
            help.unwrap().ends_with("Type < to go back one question."),
            "the help of a typed question says how to go back"
        );
    }
}

/// The keys of the built-in library's safeguards.
const SAFEGUARDS: &[&str] = &[
    "late_fee.enabled",
    "late_fee.percent_per_month",
    "kill_fee.enabled",
    "kill_fee.silence_days",
    "kill_fee.percent",
    "rights.transfer_on_full_payment",
    "portfolio.mode",
    "non_solicitation.enabled",
];

#[test]
fn every_recommended_safeguard_is_taken_with_one_answer() {
    let (library, known) = example_without(SAFEGUARDS);
    let mut script = Script::new(&[R::Enter, WRITE]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        script.asked(),
        ["Use all recommended safeguards?", "Is everything right?"]
    );
    let listed = script
        .said()
        .into_iter()
        .find(|s| s.starts_with("The recommended safeguards:"))
        .expect("the safeguards are listed before the offer");
    // Each in its question's own words, as the summary has it.
    for line in [
        "\n  interest is charged on overdue invoices\n",
        "\n  interest of 1.5% a month on overdue amounts\n",
        "\n  a warning after 15 business days of silence, then you may end the work\n",
        "\n  a cancellation fee of 0% of the fee not yet earned\n",
        "\n  the copyright: I keep the copyright and give the client an exclusive licence\n",
        "\n  no promise about hiring each other's staff",
    ] {
        assert!(listed.contains(line), "{line:?} is not in:\n{listed}");
    }
    for (key, value) in [
        ("late_fee.enabled", "yes"),
        ("late_fee.percent_per_month", "1.5"),
        ("kill_fee.silence_days", "15"),
        ("kill_fee.percent", "0"),
        ("rights.transfer_on_full_payment", "yes"),
        ("portfolio.mode", "license-to-client"),
        ("non_solicitation.enabled", "no"),
    ] {
        assert_eq!(get(&answers, key).as_deref(), Some(value), "{key}");
    }
}

#[test]
fn no_to_the_recommended_safeguards_asks_each_and_back_makes_the_offer_again() {
    let (library, known) = example_without(SAFEGUARDS);
    let mut script = Script::new(&[
        R::No,
        R::T("<"),
        R::No,
        R::Enter,
        R::T("2"),
        R::Enter,
        R::Enter,
        R::T("20"),
        R::Enter,
        R::Enter,
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        script.asked()[..4],
        [
            "Use all recommended safeguards?",
            "Charge interest on overdue invoices?",
            "Use all recommended safeguards?",
            "Charge interest on overdue invoices?",
        ]
    );
    assert_eq!(script.asked().len(), 12);
    assert_eq!(
        get(&answers, "late_fee.percent_per_month").as_deref(),
        Some("2")
    );
    assert_eq!(get(&answers, "kill_fee.percent").as_deref(), Some("20"));
}

#[test]
fn money_percent_and_days_answers_say_what_they_do_with_the_users_numbers() {
    let (library, known) = example_without(&[
        "deposit.percent",
        "payment.due_days",
        "late_fee.percent_per_month",
        "kill_fee.percent",
        "kill_fee.silence_days",
        "fees.hourly_rate",
        "warranty.days",
    ]);
    let mut script = Script::new(&[
        R::Enter,
        R::T("85"),
        R::Enter,
        R::Enter,
        // Three safeguards are missing: they are offered together first.
        R::No,
        R::Enter,
        R::Enter,
        R::T("25"),
        WRITE,
    ]);
    run(&library, &known, &mut script);
    let said = script.said();
    for sentence in [
        "In the contract: free fixes for 30 days after acceptance.",
        "Extra work costs the client $85.00 an hour: ten hours of it come to $850.00.",
        "A 50% deposit: the client pays $3,200.00 of your $6,400.00 fee before any work starts.",
        "14 days to pay: an invoice dated March 2, 2026 is due by March 16, 2026.",
        // $3,200.00 × 1.5% × 12 ÷ 365 × 30 days, as the contract counts it.
        "1.5% a month: an invoice of $3,200.00 paid thirty days late carries $47.34 of interest.",
        "If the client leaves a request unanswered for 15 business days, you may warn it in \
         writing, and five business days later end the work and invoice what you have done.",
        "A 25% cancellation fee: with $3,200.00 of the fee unearned, the client pays $800.00 \
         more than the work done (the deposit counts towards it).",
    ] {
        assert!(
            said.contains(&sentence),
            "{sentence:?} was not said: {said:#?}"
        );
    }
}

#[test]
fn law_and_courts_answers_show_the_phrase_of_the_contract_they_complete() {
    let (library, known) = example_without(&["jurisdiction.region", "jurisdiction.venue"]);
    let mut script = Script::new(&[R::T("IL"), R::T("Sangamon County"), WRITE]);
    run(&library, &known, &mut script);
    let said = script.said();
    for sentence in [
        "The contract will say: “This Agreement … is governed by the laws of the State of Illinois …”",
        "The contract will say: “… is to be heard by the state courts located in Sangamon County, Illinois …”",
    ] {
        assert!(
            said.contains(&sentence),
            "{sentence:?} was not said: {said:#?}"
        );
    }
}

#[test]
fn a_turkish_interview_says_what_answers_do_and_where_it_stands_in_turkish() {
    let (library, mut known) = example_without(&[
        "deposit.percent",
        "kill_fee.percent",
        "jurisdiction.country",
        "jurisdiction.region",
        "jurisdiction.venue",
        "fees.currency",
    ]);
    known.language = Language::Tr;
    known.presets.insert(
        "agreement.language".into(),
        Preset {
            scalar: Scalar::Str("tr".into()),
            place: "--lang".into(),
        },
    );
    let mut script = Script::new(&[
        R::Pick("Türkiye"),
        R::T("İstanbul"),
        R::Pick("Türk lirası"),
        // Back from the deposit to the currency, which keeps its answer.
        R::T("<"),
        R::Enter,
        R::Enter,
        R::T("25"),
        // The interest the law sets, and its reference rate.
        R::Enter,
        R::Enter,
        WRITE_TR,
    ]);
    run(&library, &known, &mut script);
    let said = script.said();
    for sentence in [
        "Sözleşmede şöyle yazacak: “… her uyuşmazlık ve talepte İstanbul mahkemeleri ve icra daireleri yetkilidir …”",
        "%50 kapora: müşteri, 6.400,00 TL tutarındaki ücretinizin 3.200,00 TL tutarındaki kısmını iş başlamadan önce öder.",
        "%25 iptal bedeli: ücretin 3.200,00 TL tutarındaki kısmı henüz hak edilmemişken müşteri, yapılan işin bedelinden 800,00 TL fazla öder (kapora bu bedele sayılır).",
    ] {
        assert!(
            said.contains(&sentence),
            "{sentence:?} was not said: {said:#?}"
        );
    }
    let progress: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("progress: "))
        .collect();
    assert!(
        progress
            .iter()
            .all(|p| p.contains(" · soru ") && p.contains(" · toplam ")),
        "{progress:#?}"
    );
}

/// The first-time example with the trade and the place left to ask, and a profile that
/// remembers a translator's and Oregon's answers.
fn remembering() -> (Library, Known) {
    let (library, mut known) = example_without(&[
        "freelancer.profession",
        "jurisdiction.country",
        "jurisdiction.region",
        "jurisdiction.venue",
    ]);
    for (key, value) in [
        ("freelancer.profession", "translation"),
        ("jurisdiction.country", "US"),
        ("jurisdiction.region", "Oregon"),
        ("jurisdiction.venue", "Multnomah County"),
    ] {
        known.profile.set(key, Value::Text(value.into()));
    }
    (library, known)
}

#[test]
fn the_remembered_trade_and_place_are_offered_as_the_defaults() {
    let (library, known) = remembering();
    // The trade, the translator's one question (not certified), the country, the state, the
    // courts: Enter each time.
    let mut script = Script::new(&[R::Enter, R::Enter, R::Enter, R::Enter, R::Enter, WRITE]);
    let answers = run(&library, &known, &mut script);
    for (key, value) in [
        ("freelancer.profession", "translation"),
        ("jurisdiction.country", "US"),
        ("jurisdiction.region", "Oregon"),
        ("jurisdiction.venue", "Multnomah County"),
    ] {
        assert_eq!(get(&answers, key).as_deref(), Some(value), "{key}");
    }
    let asked: Vec<&String> = script
        .log
        .iter()
        .filter(|l| l.starts_with("ask: "))
        .collect();
    assert_eq!(
        asked[..2],
        [
            "ask: Which state or legal system? A US state (OR or Oregon); in the UK: England and Wales, Scotland or Northern Ireland; in Germany, the Land for its public holidays (optional) [Oregon]",
            "ask: The city or county whose courts hear disputes [Multnomah County]"
        ]
    );
}

#[test]
fn a_remembered_answer_is_not_offered_once_an_answer_before_it_differs() {
    // Another country: neither Oregon nor its county is offered.
    let (library, known) = remembering();
    let mut script = Script::new(&[
        R::Enter,
        R::Enter,
        R::Pick("United Kingdom"),
        R::T("Scotland"),
        R::T("Glasgow"),
        // The statutory interest of the United Kingdom: not charged.
        R::No,
        WRITE,
    ]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        get(&answers, "jurisdiction.region").as_deref(),
        Some("Scotland")
    );
    assert!(
        script
            .log
            .iter()
            .filter(|l| l.starts_with("ask: "))
            .all(|l| !l.ends_with(']')),
        "{:#?}",
        script.log
    );
    // The same country and another state: the state's default is offered, the county is not.
    let (library, known) = remembering();
    let mut script = Script::new(&[
        R::Enter,
        R::Enter,
        R::Enter,
        R::T("WA"),
        R::T("King County"),
        WRITE,
    ]);
    run(&library, &known, &mut script);
    assert!(
        script.log.iter().any(|l| l.ends_with("[Oregon]")),
        "{:#?}",
        script.log
    );
    assert!(
        script
            .log
            .contains(&"ask: The city or county whose courts hear disputes".to_owned()),
        "{:#?}",
        script.log
    );
}

#[test]
fn the_profile_keeps_the_trade_and_the_place_and_says_so() {
    let library = built_in();
    let text = include_str!("../../examples/repeat-late-payer.yaml");
    let answers = answers::parse("repeat-late-payer.yaml", text, &library).unwrap();
    let profile = profile_file(&library, &answers, Language::En);
    assert!(
        profile.contains(
            "# Your trade and the place whose law governs are those of your last contract: the\n\
             # interview still asks for them, and offers these answers first.\n"
        ),
        "{profile}"
    );
    let read = answers::read_given("profile.yaml", &profile, &library).unwrap();
    for (key, value) in [
        ("freelancer.profession", "web-design"),
        ("jurisdiction.country", "US"),
        ("jurisdiction.region", "TX"),
        ("jurisdiction.venue", "Travis County"),
    ] {
        let given = read.values.get(key).map(|v| v.scalar.clone());
        assert_eq!(given, Some(Scalar::Str(value.into())), "{key}");
    }
    assert!(!read.values.contains_key("client.name"));
    // A profile without a trade or a place says nothing of them.
    let mut mine = Answers::default();
    mine.set("freelancer.name", Value::Text("Maya Lindqvist".into()));
    assert!(!profile_file(&library, &mine, Language::En).contains("last contract"));
}

#[test]
fn a_turkish_interview_takes_turkish_date_words_and_points_out_slips_in_turkish() {
    let (library, mut known) = example_without(&["project.start", "agreement.date"]);
    known.language = Language::Tr;
    known.presets.insert(
        "agreement.language".into(),
        Preset {
            scalar: Scalar::Str("tr".into()),
            place: "--lang".into(),
        },
    );
    let mut script = Script::new(&[
        R::T("2026-02-30"),
        R::T("dün"),
        R::T("haftaya pazartesi"),
        WRITE_TR,
    ]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        get(&answers, "project.start").as_deref(),
        Some("2026-03-01")
    );
    assert_eq!(
        get(&answers, "agreement.date").as_deref(),
        Some("2026-03-09")
    );
    let invalid: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("invalid: "))
        .collect();
    assert_eq!(
        invalid,
        [
            "“2026-02-30” bir tarih değil: Şubat 2026 yalnızca 28 gün çeker; YYYY-AA-GG biçiminde bir tarih yazın."
        ]
    );
    let said = script.said();
    for note in [
        "dün: 1 Mart 2026.",
        "Not: iş 1 Mart 2026 tarihinde başlıyor; bu tarih geçmişte kaldı (bugün 2 Mart 2026).",
        "haftaya pazartesi: 9 Mart 2026.",
        "Not: iş 1 Mart 2026 tarihinde, yani sözleşme tarihinden (9 Mart 2026) önce başlıyor.",
    ] {
        assert!(said.contains(&note), "{note:?} not in {said:#?}");
    }
    assert!(!said.iter().any(|s| s.starts_with("Note:")), "{said:#?}");
}

#[test]
fn an_amount_finer_than_its_currency_is_refused_at_the_question() {
    // Before, `1250.5` yen was taken, and the answers file saved failed in `build`.
    let text = "title: T
sections:
  - title: Fees
    questions:
      - key: fees.currency
        type: choice
        prompt: Currency
        default: JPY
        choices:
          - { value: JPY, label: yen }
          - { value: USD, label: dollars }
      - key: fees.total
        type: money
        prompt: Fee
        required: true
";
    let library = library::load(&[SourceFile {
        relative: "library.yaml".into(),
        display: "library.yaml".into(),
        text: text.into(),
    }])
    .into_library()
    .unwrap();
    let mut script = Script::new(&[R::Enter, R::T("1250.5"), R::T("1250"), WRITE]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("1250"));
    assert!(
        script.log.contains(
            &"invalid: The answer is 1250.5; an amount in JPY has no decimal places.".to_owned()
        ),
        "{:#?}",
        script.log
    );
}

#[test]
fn a_summary_taller_than_the_window_is_shown_a_page_at_a_time() {
    let library = small();
    let answers = [
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("900"),
        R::Enter,
        R::Enter,
        R::Enter,
    ];
    // Eleven lines, six to a page in a window of fourteen rows.
    let mut script = Script::new(&[&answers[..], &[R::Enter, WRITE]].concat());
    script.height = Some(14);
    run(&library, &known(), &mut script);
    let asked = script.asked();
    assert_eq!(
        asked[asked.len() - 2..],
        ["Summary, page 1 of 2", "Is everything right?"]
    );
    let said = script.said();
    assert_eq!(
        said[said.len() - 2..],
        [
            "You\n  name             Ann Lee\n  phone            —\nThe relationship\n  \
             relationship     New client\nMoney",
            "  fee              $900.00\n  deposit          50%\nSafeguards\n  \
             kill fee clause  yes\n  days of silence  15",
        ]
    );
    // Writing can be chosen under any page.
    let mut script = Script::new(&[&answers[..], &[WRITE]].concat());
    script.height = Some(14);
    run(&library, &known(), &mut script);
    assert_eq!(script.asked().last(), Some(&"Summary, page 1 of 2"));
}

#[test]
fn the_summary_says_each_answer_in_its_questions_own_words() {
    let (library, known) = example_without(&[]);
    let mut script = Script::new(&[WRITE]);
    run(&library, &known, &mut script);
    let summary = script.said().last().copied().unwrap_or_default();
    for line in [
        // Numbers inside the phrase their question words them with.
        "  a deposit of 50% of the fee, paid before any work starts\n",
        "  each invoice is paid within 14 days of its date\n",
        "  the client reviews each delivery within 5 business days\n",
        "  interest of 1.5% a month on overdue amounts\n",
        "  a warning after 15 business days of silence, then you may end the work\n",
        "  a cancellation fee of 20% of the fee not yet earned\n",
        "  your hourly rate for extra work outside the scope: $85.00\n",
        "  work starts on March 16, 2026\n",
        // A yes or a no as what it means.
        "  you may end the work and invoice what you have done if the client goes silent\n",
        "  your working files stay with you; the final files are handed over\n",
        "  no promise about hiring each other's staff\n",
        // A choice by its label.
        "  worked with this client before: No, this is a new client\n",
    ] {
        assert!(summary.contains(line), "{line:?} is not in:\n{summary}");
    }
    assert!(
        summary.ends_with("\nDisputes\n  disputes go to court"),
        "{summary}"
    );
    for bare in [" yes\n", " no\n", "ending for silence"] {
        assert!(!summary.contains(bare), "{bare:?} in:\n{summary}");
    }
}

#[test]
fn a_late_payers_summary_shows_both_answers_in_the_questions_words() {
    let (library, mut known) = example_without(&["kill_fee.enabled", "deposit.percent"]);
    known.presets.insert(
        "relationship".into(),
        Preset {
            scalar: Scalar::Str("repeat-late-payer".into()),
            place: "test".into(),
        },
    );
    let mut script = Script::new(&[R::T("30"), WRITE]);
    run(&library, &known, &mut script);
    let summary = script.said().last().copied().unwrap_or_default();
    assert!(
        summary.contains("  a deposit of 30% → 50% of the fee, paid before any work starts\n"),
        "{summary}"
    );
    assert!(
        summary.contains("  your fee for the project: $6,400.00 → $12,800.00\n"),
        "{summary}"
    );
}

#[test]
fn a_turkish_summary_says_each_answer_in_turkish_words() {
    let (library, mut known) = example_without(&[]);
    known.language = Language::Tr;
    known.presets.insert(
        "agreement.language".into(),
        Preset {
            scalar: Scalar::Str("tr".into()),
            place: "--lang".into(),
        },
    );
    let mut script = Script::new(&[WRITE_TR]);
    run(&library, &known, &mut script);
    let summary = script.said().last().copied().unwrap_or_default();
    for line in [
        "  iş başlamadan ödenecek kapora, ücretin yüzdesi olarak: %50\n",
        "  her fatura, tarihinden başlayarak 14 gün içinde ödenir\n",
        "  müşteri her teslimi 5 iş günü içinde inceler\n",
        "  15 iş günü yanıt gelmezse uyarı, ardından işi bitirme hakkı\n",
        "  müşteri sessiz kalırsa işi bitirip o ana kadar yaptığınızı faturalayabilirsiniz\n",
        "  çalışma dosyalarınız sizde kalır; yalnızca son dosyalar teslim edilir\n",
        "  ücrete dâhil 2 revizyon turu\n",
    ] {
        assert!(summary.contains(line), "{line:?} is not in:\n{summary}");
    }
    assert!(
        summary.ends_with("  uyuşmazlıklara mahkemeler bakar"),
        "{summary}"
    );
}

#[test]
fn every_built_in_question_has_summary_words_in_both_languages() {
    let library = built_in();
    let turkish = library.asking_in(Language::Tr).expect("Turkish words");
    for (english, turkish) in library.questions().zip(turkish.questions()) {
        let (Some(mine), Some(theirs)) = (&english.summary, &turkish.summary) else {
            panic!("`{}` has no summary words in both languages", english.key);
        };
        assert_ne!(
            mine, theirs,
            "`{}`: the Turkish words are the English",
            english.key
        );
        assert_eq!(
            matches!(mine, crate::model::Summary::YesNo { .. }),
            english.ty == Type::Bool,
            "`{}`",
            english.key
        );
    }
}

/// The answers of the small library up to the safeguards, which are taken as offered.
const SMALL_ANSWERS: [R; 7] = [
    R::T("Ann Lee"),
    R::Enter,
    R::Pick("New client"),
    R::T("1000"),
    R::Enter,
    R::Enter,
    R::Enter,
];

#[test]
fn back_moves_between_the_fields_of_a_list_and_out_of_it() {
    let library = with_milestones();
    let mut script = Script::new(
        &[
            &SMALL_ANSWERS[..],
            &[
                // Back from the first field of all to the question that opens the list, and
                // from there to the question before it.
                R::Yes,
                R::T("<"),
                R::T("<"),
                R::T("20"),
                R::Yes,
                // From a record's payment back to its date, whose answer is offered.
                R::T("Design approved"),
                R::T("2026-04-01"),
                R::T("<"),
                R::Enter,
                R::T("250"),
                // From the first field of the second record back to "add another".
                R::Yes,
                R::T("<"),
                R::Yes,
                R::T("Launch"),
                R::T("2026-05-01"),
                R::Enter,
                // From "add another" back to the last field of the record before it.
                R::T("<"),
                R::T("300"),
                R::No,
                WRITE,
            ],
        ]
        .concat(),
    );
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        get(&answers, "project.milestones").as_deref(),
        Some("Design approved, 2026-04-01, 250; Launch, 2026-05-01, 300")
    );
    assert_eq!(get(&answers, "kill_fee.days").as_deref(), Some("20"));
    let asked = script.asked();
    assert_eq!(
        asked[6..asked.len() - 1],
        [
            "Days of silence",
            "Add a schedule of milestones?",
            "The milestone",
            "Add a schedule of milestones?",
            "Days of silence",
            "Add a schedule of milestones?",
            "The milestone",
            "Its date",
            "The payment due on it",
            "Its date",
            "The payment due on it",
            "Add another milestone?",
            "The milestone",
            "Add another milestone?",
            "The milestone",
            "Its date",
            "The payment due on it",
            "Add another milestone?",
            "The payment due on it",
            "Add another milestone?",
        ]
    );
    // The date gone back to is offered as typed.
    assert!(
        script
            .log
            .contains(&"ask: Its date [2026-04-01]".to_owned()),
        "{:#?}",
        script.log
    );
}

#[test]
fn back_from_which_amount_was_meant_asks_the_amount_again_as_typed() {
    let library = small();
    let mut script = Script::new(&[
        R::T("Ann Lee"),
        R::Enter,
        R::Pick("New client"),
        R::T("1.250"),
        R::Pick("← Back"),
        R::T("1250"),
        R::Enter,
        R::Enter,
        R::Enter,
        WRITE,
    ]);
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("1250"));
    assert_eq!(
        script.asked()[3..6],
        [
            "Your fee",
            "1.250 reads two ways: which amount did you mean?",
            "Your fee",
        ]
    );
    // The amount is there to edit.
    assert!(
        script.log.contains(&"typed already: 1.250".to_owned()),
        "{:#?}",
        script.log
    );
}

#[test]
fn back_while_changing_an_answer_returns_to_the_summary_and_keeps_it() {
    let library = with_milestones();
    let mut script = Script::new(
        &[
            &SMALL_ANSWERS[..],
            &[
                R::Yes,
                R::T("Design approved"),
                R::T("2026-04-01"),
                R::T("250"),
                R::No,
                // A typed answer, a choice and a list, each left by going back.
                R::Pick("No: change"),
                R::Pick("Money › fee"),
                R::T("<"),
                R::Pick("No: change"),
                R::Pick("relationship"),
                R::Pick("← Back to the summary"),
                R::Pick("No: change"),
                R::Pick("milestones"),
                R::T("<"),
                // A yes-or-no question says how.
                R::Pick("No: change"),
                R::Pick("kill fee clause"),
                R::T("<"),
                WRITE,
            ],
        ]
        .concat(),
    );
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "fees.total").as_deref(), Some("1000"));
    assert_eq!(get(&answers, "relationship").as_deref(), Some("first-time"));
    assert_eq!(get(&answers, "kill_fee.enabled").as_deref(), Some("yes"));
    // A yes-or-no question gone back from says where to.
    assert!(
        script
            .log
            .contains(&"went: ← Back to the summary, keeping the answer".to_owned()),
        "{:#?}",
        script.log
    );
    assert_eq!(
        get(&answers, "project.milestones").as_deref(),
        Some("Design approved, 2026-04-01, 250")
    );
    let asked = script.asked();
    assert_eq!(
        asked[asked.len() - 12..],
        [
            "Which answer do you want to change?",
            "Your fee",
            "Is everything right?",
            "Which answer do you want to change?",
            "Worked together before?",
            "Is everything right?",
            "Which answer do you want to change?",
            "Keep these milestones as they are?",
            "Is everything right?",
            "Which answer do you want to change?",
            "Kill fee?",
            "Is everything right?",
        ]
    );
}

#[test]
fn going_back_to_a_choice_left_blank_starts_at_leave_unanswered() {
    let text = format!(
        "{SMALL}      - key: work.place
        type: choice
        label: place of work
        prompt: Where do you work?
        choices:
          - {{ value: home, label: At home }}
          - {{ value: office, label: At the client's office }}
      - key: work.note
        type: text
        prompt: A note
"
    );
    let library = library::load(&[SourceFile {
        relative: "library.yaml".into(),
        display: "library.yaml".into(),
        text,
    }])
    .into_library()
    .unwrap();
    let mut script = Script::new(
        &[
            &SMALL_ANSWERS[..],
            &[
                R::Pick("Leave unanswered"),
                // Back to the choice: Enter keeps it unanswered.
                R::T("<"),
                R::Enter,
                R::Enter,
                WRITE,
            ],
        ]
        .concat(),
    );
    let answers = run(&library, &known(), &mut script);
    assert_eq!(get(&answers, "work.place"), None);
}

#[test]
fn a_summary_page_counts_the_rows_a_wide_line_wraps_onto() {
    let library = small();
    // A window of fourteen rows leaves six to a page; at twenty columns most lines of the
    // summary take two.
    let mut script =
        Script::new(&[&SMALL_ANSWERS[..], &[R::Enter, R::Enter, R::Enter, WRITE]].concat());
    script.height = Some(14);
    script.width = Some(20);
    run(&library, &known(), &mut script);
    let pages: Vec<&str> = script
        .log
        .iter()
        .skip_while(|l| !l.starts_with("## Summary"))
        .filter_map(|l| l.strip_prefix("say: "))
        .collect();
    assert!(pages.len() >= 3, "{pages:#?}");
    for page in &pages {
        let rows: usize = page
            .lines()
            .map(|l| l.chars().count().div_ceil(20).max(1))
            .sum();
        assert!(rows <= 6, "a page of {rows} rows:\n{page}");
    }
    let first = format!("Summary, page 1 of {}", pages.len());
    assert!(
        script.asked().contains(&first.as_str()),
        "{:#?}",
        script.asked()
    );
}

#[test]
fn a_bad_value_in_the_answers_file_is_reported_in_turkish_in_a_turkish_interview() {
    let (library, mut known) = example_without(&[]);
    known.language = Language::Tr;
    known.presets.insert(
        "agreement.language".into(),
        Preset {
            scalar: Scalar::Str("tr".into()),
            place: "--lang".into(),
        },
    );
    known.presets.get_mut("deposit.percent").unwrap().scalar = Scalar::Int(150);
    let place = known.presets["deposit.percent"].place.clone();
    let mut script = Script::new(&[R::T("50"), WRITE_TR]);
    let answers = run(&library, &known, &mut script);
    assert_eq!(
        script.asked(),
        [
            "İş başlamadan ödenecek kapora, ücretin yüzdesi olarak",
            "Her şey doğru mu?"
        ]
    );
    let said = format!(
        "{place}: `deposit.percent` yanıtı kabul edilmedi. %150 bu soru için kabul edilen \
         aralığın dışında; %10 ile %100 arasında bir yüzde yazın."
    );
    assert!(script.said().contains(&said.as_str()), "{:#?}", script.log);
    assert_eq!(get(&answers, "deposit.percent").as_deref(), Some("50"));
}

#[test]
fn back_from_a_list_being_changed_walks_back_through_its_opening_questions() {
    let library = with_milestones();
    let mut script = Script::new(
        &[
            &SMALL_ANSWERS[..],
            &[
                R::Yes,
                R::T("Design approved"),
                R::T("2026-04-01"),
                R::T("250"),
                R::No,
                R::Pick("No: change"),
                R::Pick("milestones"),
                // Not kept: the list's own question, then its first field; back from there to
                // the list's question, back again to "keep these?", and kept.
                R::No,
                R::Yes,
                R::T("<"),
                R::T("<"),
                R::Yes,
                WRITE,
            ],
        ]
        .concat(),
    );
    let answers = run(&library, &known(), &mut script);
    assert_eq!(
        get(&answers, "project.milestones").as_deref(),
        Some("Design approved, 2026-04-01, 250")
    );
    let asked = script.asked();
    assert_eq!(
        asked[asked.len() - 6..],
        [
            "Keep these milestones as they are?",
            "Add a schedule of milestones?",
            "The milestone",
            "Add a schedule of milestones?",
            "Keep these milestones as they are?",
            "Is everything right?",
        ]
    );
}
