//! The professions of the built-in library: each profession's contract speaks its own trade,
//! and no word of another trade (a web-design contract's `pages` or `WordPress` in a translation
//! contract is a bug), across relationships and the options that change the wording.

use clausewright::answers::{self, Answers};
use clausewright::format::Locale;
use clausewright::library::Library;
use clausewright::model::Value;
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{assemble, library, render};

use crate::support::root;

/// Words of one trade, with the professions whose contracts may contain them. A marker in
/// lower case matches in any case; one with capitals matches exactly. Either matches at the
/// start of a word (`translation` matches `translations`).
const MARKERS: &[(&[&str], &str)] = &[
    (&["web-design"], "web design"),
    (&["web-design"], "WordPress"),
    (&["web-design"], "pages"),
    (&["web-design"], "its website"),
    (&["web-design"], "website’s"),
    (&["web-design", "software-development"], "browsers"),
    (&["web-design", "software-development"], "domain name"),
    (&["web-design", "software-development"], "hosting"),
    (&["web-design", "graphic-design"], "Designer"),
    (&["software-development"], "Developer"),
    (&["software-development"], "software development"),
    (&["software-development"], "source code"),
    (&["software-development"], "repository"),
    (&["graphic-design"], "graphic design"),
    (&["illustration"], "Illustrator"),
    (&["illustration"], "illustration"),
    (&["copywriting"], "Copywriter"),
    (&["copywriting"], "copywriting"),
    (&["translation"], "Translator"),
    (&["translation"], "translation"),
    (&["translation"], "source text"),
    (&["photography"], "Photographer"),
    (&["photography"], "photography"),
    (&["photography"], "shoot"),
    (&["consulting"], "Consultant"),
    (&["consulting"], "consulting"),
];

pub(crate) fn built_in() -> Library {
    library::load(&library::built_in_files())
        .into_library()
        .expect("the built-in library loads")
}

/// The professions the built-in library offers.
fn professions(library: &Library) -> Vec<String> {
    library
        .question("freelancer.profession")
        .expect("the built-in library asks for the profession")
        .choices
        .iter()
        .map(|c| c.value.clone())
        .collect()
}

/// The first-time example with values that name no trade, so that every trade word in the
/// contract comes from the library.
pub(crate) fn neutral_answers(library: &Library) -> Answers {
    let path = "examples/first-time-us.yaml";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let mut answers = answers::parse(path, &text, library).expect("the example is valid");
    answers.set("project.name", text_value("Spring campaign"));
    answers.set(
        "project.description",
        text_value("First part of the work: $2,400.00\nSecond part of the work: $2,400.00"),
    );
    answers.set("credit.line", text_value("By Prairie Studio"));
    answers.set("freelancer.business", text_value("Prairie Studio"));
    answers
}

pub(crate) fn text_value(value: &str) -> Value {
    Value::Text(value.to_owned())
}

pub(crate) fn build(library: &Library, answers: Answers) -> String {
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
    };
    let prepared = prepare::prepare(library.clone(), answers, &options).unwrap();
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::render(&contract, &prepared.answers, Locale::EnUs)
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// Where `marker` occurs in `text` at the start of a word, if it does.
fn find_word(text: &str, marker: &str) -> Option<usize> {
    let (haystack, needle) = if marker.chars().any(char::is_uppercase) {
        (text.to_owned(), marker.to_owned())
    } else {
        (text.to_lowercase(), marker.to_owned())
    };
    haystack.match_indices(&needle).map(|(i, _)| i).find(|&i| {
        haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[test]
fn every_profession_speaks_only_its_own_trade() {
    let library = built_in();
    let base = neutral_answers(&library);
    let mut count = 0;
    for profession in professions(&library) {
        for relationship in ["first-time", "repeat", "repeat-late-payer"] {
            for (index, deposit) in ["50", "100"].into_iter().enumerate() {
                for source_files in [false, true] {
                    for portfolio in ["license-to-client", "transfer-keep-portfolio-license"] {
                        let mut answers = base.clone();
                        answers.set("freelancer.profession", text_value(&profession));
                        answers.set("relationship", text_value(relationship));
                        answers.set("deposit.percent", Value::Number(deposit.parse().unwrap()));
                        answers.set("handover.source_files", Value::Bool(source_files));
                        answers.set("portfolio.mode", text_value(portfolio));
                        answers.set("kill_fee.enabled", Value::Bool(index == 0));
                        let markdown = build(&library, answers);
                        let case = format!(
                            "{profession} {relationship} deposit={deposit} source_files={source_files} {portfolio}"
                        );
                        for (allowed, marker) in MARKERS {
                            if allowed.contains(&profession.as_str()) {
                                continue;
                            }
                            if let Some(at) = find_word(&markdown, marker) {
                                let start = markdown[..at].rfind('\n').map_or(0, |i| i + 1);
                                let end =
                                    markdown[at..].find('\n').map_or(markdown.len(), |i| at + i);
                                panic!(
                                    "{case}: `{marker}` in a {profession} contract:\n{}",
                                    &markdown[start..end]
                                );
                            }
                        }
                        count += 1;
                    }
                }
            }
        }
    }
    assert_eq!(count, 8 * 3 * 2 * 2 * 2);
}

#[test]
fn each_profession_names_its_own_role_and_title() {
    let library = built_in();
    let base = neutral_answers(&library);
    let expected = [
        ("web-design", "Web Design Services Agreement", "Designer"),
        (
            "software-development",
            "Software Development Agreement",
            "Developer",
        ),
        (
            "graphic-design",
            "Graphic Design Services Agreement",
            "Designer",
        ),
        ("illustration", "Illustration Agreement", "Illustrator"),
        (
            "copywriting",
            "Copywriting Services Agreement",
            "Copywriter",
        ),
        (
            "translation",
            "Translation Services Agreement",
            "Translator",
        ),
        (
            "photography",
            "Photography Services Agreement",
            "Photographer",
        ),
        ("consulting", "Consulting Services Agreement", "Consultant"),
    ];
    assert_eq!(
        professions(&library),
        expected
            .iter()
            .map(|(p, _, _)| (*p).to_owned())
            .collect::<Vec<_>>()
    );
    for (profession, title, role) in expected {
        let mut answers = base.clone();
        answers.set("freelancer.profession", text_value(profession));
        let markdown = build(&library, answers);
        assert!(
            markdown.starts_with(&format!("# {title}\n")),
            "{profession}"
        );
        assert!(
            markdown.contains(&format!("This {title} (the “**Agreement**”)")),
            "{profession}"
        );
        assert!(
            markdown.contains(&format!("(the “**{role}**”); and")),
            "{profession}: the freelancer is defined as the {role}"
        );
    }
}
