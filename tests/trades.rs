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
    (
        &[
            "web-design",
            "software-development",
            "graphic-design",
            "illustration",
            "photography",
        ],
        "Defect Notice",
    ),
    (&["web-design", "software-development"], "virus"),
    (&["illustration"], "sketch"),
    (&["translation"], "ISO 17100"),
    (&["translation"], "preferential changes"),
    (&["consulting"], "round of comments"),
    (&["consulting"], "rely on them"),
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
    // The example's itemized scope and milestones name web-design work; the scope in words
    // below names none.
    answers.remove("project.scope");
    answers.remove("milestones");
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
        language: None,
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
    let mut count = 0;
    for profession in professions(&library) {
        for relationship in ["first-time", "repeat", "repeat-late-payer"] {
            for (index, deposit) in ["50", "100"].into_iter().enumerate() {
                for source_files in [false, true] {
                    for portfolio in ["license-to-client", "transfer-keep-portfolio-license"] {
                        let mut answers = answers_for(&library, &profession);
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
        let markdown = build(&library, answers_for(&library, profession));
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

/// The clauses that belong to some trades only, by the title of their section.
const TRADE_CLAUSES: &[(&str, &[&str])] = &[
    (
        "Accounts, Domains and Access",
        &["web-design", "software-development"],
    ),
    ("Acceptance Tests", &["software-development"]),
    ("Source Code and Repository", &["software-development"]),
    ("Access and Credentials", &["software-development"]),
    ("Open-Source Software", &["software-development"]),
    ("Third-Party Services", &["software-development"]),
    (
        "Original Artwork and Rejected Work",
        &["graphic-design", "illustration"],
    ),
    (
        "Unselected Images, Raw Files and Rejected Work",
        &["photography"],
    ),
    (
        "Usage Licence and Portfolio",
        &["graphic-design", "illustration", "photography"],
    ),
    ("Model and Property Releases", &["photography"]),
    ("Shoot Days, Weather and Reshoots", &["photography"]),
    (
        "Source Text and Accuracy of the Translation",
        &["translation"],
    ),
    ("Translation Memories and Glossaries", &["translation"]),
    ("Facts, Claims and Approval of the Copy", &["copywriting"]),
    ("Advice and the Client’s Decisions", &["consulting"]),
];

/// The neutral answers for `profession`, with the usage licence a visual trade asks for.
fn answers_for(library: &Library, profession: &str) -> Answers {
    let mut answers = neutral_answers(library);
    answers.set("freelancer.profession", text_value(profession));
    answers.set("portfolio.mode", text_value("license-to-client"));
    if ["graphic-design", "illustration", "photography"].contains(&profession) {
        answers.set(
            "usage.media",
            text_value("the Client’s annual report, in print and online"),
        );
        answers.set("usage.territory", text_value("worldwide"));
        answers.set("usage.years", Value::Integer(3));
        answers.set("usage.exclusive", Value::Bool(true));
    }
    answers
}

#[test]
fn each_trade_carries_its_own_clauses_and_no_other_trades() {
    let library = built_in();
    for profession in professions(&library) {
        let markdown = build(&library, answers_for(&library, &profession));
        for (title, trades) in TRADE_CLAUSES {
            let heading = format!(". {title}\n");
            assert_eq!(
                markdown.contains(&heading),
                trades.contains(&profession.as_str()),
                "{profession}: `{title}`"
            );
        }
        // The six safeguards, in every trade's words.
        for safeguard in [
            ". Deposit\n",
            "Ending the Agreement When the Client Goes Silent",
            "Governing Law and Disputes",
            "until the Client has paid in full every amount due under this Agreement",
            "in its portfolio",
            "(the “**Client**”)",
        ] {
            assert!(markdown.contains(safeguard), "{profession}: {safeguard}");
        }
    }
}

#[test]
fn the_usage_licence_is_limited_by_media_territory_and_duration() {
    let library = built_in();
    let markdown = build(&library, answers_for(&library, "illustration"));
    for phrase in [
        "the Illustrator grants the Client an exclusive, royalty-free licence to reproduce, publish, display and distribute the final Deliverables (the “**Usage Licence**”), within these limits:",
        "- media: the Client’s annual report, in print and online;",
        "- territory: worldwide; and",
        "- duration: three (3) years from the Rights Date.",
        "Any use outside those limits, in other media, in another territory or after the end of the duration, needs a further licence from the Illustrator",
    ] {
        assert!(markdown.contains(phrase), "{phrase}");
    }
    assert!(!markdown.contains("Copyright Licence and Portfolio"));
    let mut answers = answers_for(&library, "photography");
    answers.set("usage.years", Value::Integer(0));
    answers.set("usage.exclusive", Value::Bool(false));
    let markdown = build(&library, answers);
    assert!(
        markdown
            .contains("the Photographer grants the Client a non-exclusive, royalty-free licence")
    );
    assert!(
        markdown.contains("- duration: for as long as the copyright in the Deliverables lasts.")
    );
    assert!(!markdown.contains("“Exclusive” means"));
    assert!(
        markdown.contains("The images that the Client did not select stay with the Photographer")
    );
    // Transferring the copyright leaves no usage licence.
    let mut answers = answers_for(&library, "graphic-design");
    answers.set(
        "portfolio.mode",
        text_value("transfer-keep-portfolio-license"),
    );
    let markdown = build(&library, answers);
    assert!(markdown.contains(". Copyright Transfer and Portfolio Licence\n"));
    assert!(!markdown.contains("Usage Licence"));
}

#[test]
fn a_certified_translation_says_what_the_certification_adds() {
    let library = built_in();
    let mut answers = answers_for(&library, "translation");
    answers.set("translation.certified", Value::Bool(false));
    let markdown = build(&library, answers.clone());
    assert!(markdown.contains("The translations are not certified or sworn."));
    answers.set("translation.certified", Value::Bool(true));
    let markdown = build(&library, answers.clone());
    assert!(markdown.contains("the Translator adds to each a signed statement that it is a complete and accurate translation of the Source Text. The certification confirms the accuracy of the translation, not the content or the authenticity of the Source Text."));
    answers.set("jurisdiction.country", text_value("DE"));
    answers.set("jurisdiction.region", text_value("Berlin"));
    answers.set("jurisdiction.venue", text_value("Berlin"));
    answers.remove("jurisdiction.law");
    answers.remove("jurisdiction.courts");
    let markdown = build(&library, answers);
    assert!(markdown.contains("made as a translator sworn or authorised by a court, with the confirmation and seal that the law of the Land requires"));
}

#[test]
fn the_ai_clause_states_the_chosen_policy_in_every_trade() {
    let library = built_in();
    for profession in professions(&library) {
        let mut answers = answers_for(&library, &profession);
        answers.set("ai_tools.policy", text_value("unstated"));
        assert!(
            !build(&library, answers.clone()).contains("AI Tools"),
            "{profession}"
        );
        answers.set("ai_tools.policy", text_value("may-use-disclosed"));
        let markdown = build(&library, answers.clone());
        assert!(markdown.contains(". Use of AI Tools\n"), "{profession}");
        assert!(markdown.contains("tells the Client in writing which AI Tools it used and which Deliverables, or parts of them, contain material that an AI Tool generated"), "{profession}");
        assert_eq!(
            markdown.contains("including machine translation"),
            profession == "translation"
        );
        answers.set("ai_tools.policy", text_value("no-generative"));
        let markdown = build(&library, answers);
        assert!(
            markdown.contains("does not use AI Tools to produce any part of the Deliverables"),
            "{profession}"
        );
        assert!(!markdown.contains("may use AI Tools"), "{profession}");
    }
}

#[test]
fn one_revision_round_is_singular() {
    let library = built_in();
    for (profession, one, three) in [
        (
            "web-design",
            "one (1) revision round",
            "three (3) revision rounds",
        ),
        (
            "translation",
            "one (1) round of preferential changes",
            "three (3) rounds of preferential changes",
        ),
        (
            "consulting",
            "one (1) round of comments",
            "three (3) rounds of comments",
        ),
    ] {
        let mut answers = answers_for(&library, profession);
        answers.set("project.revisions", Value::Integer(1));
        let markdown = build(&library, answers.clone());
        let expected = format!(
            "The Fee includes {one} for the Project as a whole, whichever Deliverable it concerns."
        );
        assert!(markdown.contains(&expected), "{profession}: {markdown}");
        answers.set("project.revisions", Value::Integer(3));
        let expected = format!(
            "The Fee includes {three} for the Project as a whole, whichever Deliverables they concern."
        );
        assert!(build(&library, answers).contains(&expected), "{profession}");
    }
}

/// What the Client's notice of a shortfall is called, what it may point out, and what the
/// rounds of changes in the fee are, in each trade's own terms.
#[test]
fn each_trade_reviews_and_corrects_the_work_in_its_own_terms() {
    let library = built_in();
    let cases: [(&str, &str, &[&str]); 3] = [
        (
            "web-design",
            "each way in which the Deliverable does not match the Scope (a “**Defect Notice**”)",
            &["A revision round is one set of changes that the Client asks for together"],
        ),
        (
            "translation",
            "each mistranslation, omission or other error against the Source Text, each departure from the Client’s glossary or instructions, and each other way in which the Deliverable does not match the Scope (a “**Correction Notice**”)",
            &[
                "A round of preferential changes is one set of changes of wording, style or terminology that the Client prefers although the translation is accurate",
                "corrects free of charge, outside those rounds, every mistranslation, omission or other error against the Source Text",
                "or that it contains a mistranslation or omission against the Source Text, the Translator corrects it free of charge",
                "a second translator with the competence that ISO 17100 requires of a reviser compares each translation with the Source Text",
                "it is not a claim that the Translator is certified under that standard",
            ],
        ),
        (
            "consulting",
            "each factual error in the Deliverable and each part of the Scope that it leaves out, but not a disagreement with the Consultant’s findings or recommendations (a “**Correction Notice**”)",
            &[
                "the Consultant does not change a finding or recommendation that it still holds to be right",
                "such as an interview, a meeting or a workshop, is accepted when it has taken place, without a Review Period",
                "No one else may rely on them without the Consultant’s written consent",
                "may name the Client and describe the Project there only in general terms",
            ],
        ),
    ];
    for (profession, notice, words) in cases {
        let markdown = build(&library, answers_for(&library, profession));
        assert!(
            section_of(&markdown, "Delivery and Acceptance").contains(notice),
            "{profession}: {notice}"
        );
        for words in words {
            assert!(markdown.contains(words), "{profession}: {words}");
        }
        // No defect of a thing made, in a translation or in advice.
        if profession != "web-design" {
            assert!(!markdown.contains("defect in"), "{profession}");
            assert!(!markdown.contains("fixes that defect"), "{profession}");
        }
    }
}

#[test]
fn a_photo_shoot_moves_for_the_weather_and_a_lost_day_is_paid() {
    let library = built_in();
    let markdown = build(&library, answers_for(&library, "photography"));
    let shoots = section_of(&markdown, "Shoot Days, Weather and Reshoots");
    for words in [
        "by notice given less than two (2) business days before it",
        "the Client pays for the time that the Photographer reserved for that day, up to eight (8) hours, as extra work under section 4",
        "the Client pays no fee for the postponement, only the expenses already spent for it or that can no longer be cancelled",
        "the Photographer reshoots them at its own cost, charging neither its time nor the expenses of the reshoot; that reshoot",
    ] {
        assert!(shoots.contains(words), "{words}\n{shoots}");
    }
    // A consumer keeps its remedies.
    let mut answers = answers_for(&library, "photography");
    answers.set("client.kind", text_value("individual"));
    answers.set("client.consumer", Value::Bool(true));
    let markdown = build(&library, answers);
    let shoots = section_of(&markdown, "Shoot Days, Weather and Reshoots");
    assert!(!shoots.contains("only remedy"), "{shoots}");
}

#[test]
fn an_illustration_is_paid_by_the_stage_it_reached() {
    let library = built_in();
    let markdown = build(&library, answers_for(&library, "illustration"));
    assert!(section_of(&markdown, "Ending the Agreement").contains(
        "For each illustration in the Scope, the work done is valued at no less than half of the part of the Fee that pays for that illustration once its sketch has been delivered to the Client, and at no less than the whole of that part once its final artwork has been delivered, whether or not the Client approved them."
    ));
}

#[test]
fn the_trade_words_fit_the_credit_and_expenses_sentences_in_american_spelling() {
    let library = built_in();
    let translation = build(&library, answers_for(&library, "translation"));
    assert!(translation.contains("The Translator may include the credit line “By Prairie Studio” in the final Deliverables where they allow it, such as on the title page, in the imprint or in the credits of a publication."), "{translation}");
    assert!(translation.contains("The Client also repays the expenses that the Translator incurs for the Project with the Client’s written approval given beforehand, such as the cost of certification and notarization, couriers and postage."), "{translation}");
    assert!(
        translation
            .contains("such as translation memories, glossaries, term lists and reference notes")
    );
    let photography = build(&library, answers_for(&library, "photography"));
    assert!(photography.contains(
        "where they allow it, such as beside the photograph or in the credits of a publication."
    ));
    assert!(photography.contains("Any outtakes and alternative images that the Client did not choose stay with the Photographer"));
    let software = build(&library, answers_for(&library, "software-development"));
    assert!(software.contains(
        "such as the cost of software licenses, cloud services, test devices and paid components."
    ));
    for markdown in [&translation, &photography, &software] {
        assert!(!markdown.contains("bought for the Client"));
        assert!(!markdown.contains("notarisation"));
    }
}

/// The text of the numbered section titled `title`, up to the next section.
fn section_of<'m>(markdown: &'m str, title: &str) -> &'m str {
    let heading = format!(". {title}\n");
    let start = markdown
        .find(&heading)
        .unwrap_or_else(|| panic!("no section `{title}`"));
    let body = &markdown[start..];
    &body[..body.find("\n## ").unwrap_or(body.len())]
}

#[test]
fn client_materials_are_things_and_access_is_asked_for_apart() {
    let library = built_in();
    for profession in professions(&library) {
        let markdown = build(&library, answers_for(&library, &profession));
        let cooperation = section_of(&markdown, "Client Cooperation and Feedback");
        let materials = cooperation
            .lines()
            .find(|l| l.contains("(the “**Client Materials**”)"))
            .unwrap();
        // Only things are licensed to be copied, edited and adapted: no access, no people.
        assert!(!materials.contains("access"), "{profession}: {materials}");
        assert!(!materials.contains("people"), "{profession}: {materials}");
        let access = cooperation
            .lines()
            .find(|l| l.contains("(the “**Client Access**”)"))
            .unwrap_or_else(|| panic!("{profession}: {cooperation}"));
        assert!(
            access.contains(" access to the ") || access.contains(" access to its "),
            "{profession}: {access}"
        );
        assert!(
            access.contains(
                " that the Project needs (the “**Client Access**”) at the times in the Schedule"
            ),
            "{profession}: {access}"
        );
        assert!(cooperation.contains("late with Client Materials, Client Access, feedback"));
        assert!(
            section_of(&markdown, "Ownership and Client Materials").contains(
                "licence to use, copy, edit and adapt the Client Materials for the Project"
            )
        );
    }
    let photography = build(&library, answers_for(&library, "photography"));
    assert!(photography.contains("give the Photographer access to the locations, products and people to be photographed that the Project needs (the “**Client Access**”)"));
}

#[test]
fn working_files_unused_work_and_originals_do_not_overlap() {
    let library = built_in();
    // Illustration: the physical originals are property, sold only as the originals section
    // says; they are not working files the Client may ask for as extra work.
    let illustration = build(&library, answers_for(&library, "illustration"));
    let handover = section_of(&illustration, "Handover of Files");
    assert!(!handover.contains("physical"), "{handover}");
    assert!(!illustration.contains("the physical originals"));
    assert!(handover.contains("such as layered digital artwork and scans of the original artwork, stay with the Illustrator"), "{handover}");
    assert!(
        section_of(&illustration, "Original Artwork and Rejected Work")
            .contains("Any physical original artwork")
    );

    // Software: prototypes are unused work only, not working files too.
    let software = build(&library, answers_for(&library, "software-development"));
    assert!(
        section_of(&software, "Handover of Files")
            .contains("such as working notes, scratch code and test scripts")
    );
    assert_eq!(software.matches("prototypes").count(), 1, "{software}");

    // Photography: the outtakes are unused work, the raw files of the final images the working
    // files; reusing an outtake of the Client's people or products needs its consent, and an
    // exclusive licence rules out near-identical frames.
    let photography = build(&library, answers_for(&library, "photography"));
    let ownership = section_of(&photography, "Ownership and Client Materials");
    assert!(ownership.contains("The Photographer may not, however, use or license any image that shows the Client’s people, premises, products or trade marks, or the Client’s confidential information, without the Client’s written consent, nor license anyone else to use an image so close to a final Deliverable that it could be taken for it."), "{ownership}");
    let handover = section_of(&photography, "Handover of Files");
    assert!(handover.contains("such as the raw files of the final images and the settings used to edit them, stay with the Photographer"), "{handover}");
    assert!(!handover.contains("not selected"));
    let originals = section_of(
        &photography,
        "Unselected Images, Raw Files and Rejected Work",
    );
    assert!(
        originals.contains(
            "So do the raw files and the versions of the final images before retouching."
        ),
        "{originals}"
    );
    // Working files handed over: the raw files of the final images only, never the outtakes.
    let mut handed = answers_for(&library, "photography");
    handed.set("handover.source_files", Value::Bool(true));
    handed.set("usage.exclusive", Value::Bool(false));
    let photography = build(&library, handed);
    let originals = section_of(
        &photography,
        "Unselected Images, Raw Files and Rejected Work",
    );
    assert!(
        originals.contains("The raw files of the final images are handed over as section"),
        "{originals}"
    );
    assert!(originals.contains("the raw files of other images are not."));
    // A non-exclusive licence leaves the Photographer free to license similar frames.
    assert!(!photography.contains("so close to a final Deliverable"));
}

#[test]
fn accessibility_law_is_named_only_for_websites_and_software() {
    let library = built_in();
    for profession in professions(&library) {
        let markdown = build(&library, answers_for(&library, &profession));
        let web = ["web-design", "software-development"].contains(&profession.as_str());
        assert_eq!(markdown.contains("accessibility"), web, "{profession}");
        assert!(
            markdown.contains("such as laws on privacy, consumer protection"),
            "{profession}"
        );
    }
}
