use super::*;

fn file(relative: &str, text: &str) -> SourceFile {
    SourceFile {
        relative: relative.to_owned(),
        display: format!("lib/{relative}"),
        text: text.to_owned(),
    }
}

const LIBRARY: &str = "title: T
sections:
  - title: S
    questions:
      - key: client.name
        type: text
        prompt: Client
        required: true
";

const CLAUSE: &str = "id: parties\ntitle: Parties\norder: 1\nbody: |\n  With {{client.name}}.\n";

const FRAME: &str = "letterhead: |\n  {{date letter.date}}\ngreeting: |\n  Dear {{client.name}},\nclosing: |\n  Yours sincerely\n";

fn files(letter: &str) -> Vec<SourceFile> {
    vec![
        file("library.yaml", LIBRARY),
        file("010-parties.yaml", CLAUSE),
        file("letters/letters.yaml", FRAME),
        file("letters/payment-notice-30.yaml", letter),
    ]
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.location(), d.text()))
        .collect()
}

#[test]
fn values_in_letters_are_data_not_markup() {
    let files = files(
        "id: payment-notice-30\nsubject: \"Invoice {{invoice.number}}\"\nbody: |\n  {{client.name}} owes {{money invoice.balance}} ({{section \"parties\"}}).\n",
    );
    let library = library::load(&files).into_library().unwrap();
    let letters = load_in(
        &files,
        &library,
        &crate::library::Unloaded::default(),
        Language::En,
    )
    .into_letters()
    .unwrap();
    let mut answers = Answers::default();
    answers.set("client.name", Value::Text("*Acme* <b>#1</b>".into()));
    let values = [
        ("letter.date", Value::Date(jiff::civil::date(2026, 5, 5))),
        ("invoice.number", Value::Text("[7](http://x)".into())),
        (
            "invoice.balance",
            Value::Number(rust_decimal::Decimal::new(660_199, 2)),
        ),
    ];
    let mut numbers = BTreeMap::new();
    numbers.insert(
        "parties".to_owned(),
        crate::assemble::SectionNumber::Numbered(1),
    );
    let registry = render::registry(numbers, crate::format::Locale::EnUs, &answers);
    let letter = letters.get("payment-notice-30").unwrap();
    let rendered = render(&letters, letter, &registry, &data(&answers, &values)).unwrap();
    assert_eq!(
        rendered,
        "May 5, 2026\n\n**Invoice \\[7\\](http://x)**\n\nDear \\*Acme\\* \\<b\\>\\#1\\</b\\>,\n\n\\*Acme\\* \\<b\\>\\#1\\</b\\> owes $6,601.99 (section 1).\n\nYours sincerely\n"
    );
    assert_eq!(
        letters.get("payment-notice-60").unwrap_err().to_string(),
        "the clause library has no letter `payment-notice-60`; add letters/payment-notice-60.yaml to it"
    );
}

#[test]
fn an_email_register_letter_signs_off_with_the_email_closing() {
    let mut files = files("id: payment-notice-30\nregister: email\nsubject: S\nbody: |\n  Paid?\n");
    files[2].text.push_str("email_closing: |\n  Best regards\n");
    let library = library::load(&files).into_library().unwrap();
    let letters = load_in(
        &files,
        &library,
        &crate::library::Unloaded::default(),
        Language::En,
    )
    .into_letters()
    .unwrap();
    let answers = Answers::default();
    let registry = render::registry(BTreeMap::new(), crate::format::Locale::EnUs, &answers);
    let letter = letters.get("payment-notice-30").unwrap();
    let values = [("letter.date", Value::Date(jiff::civil::date(2026, 5, 5)))];
    let mut data = data(&answers, &values);
    data["client"] = serde_json::json!({ "name": "Acme" });
    let rendered = render(&letters, letter, &registry, &data).unwrap();
    assert!(rendered.ends_with("Paid?\n\nBest regards\n"), "{rendered}");
    let bad = files_with_register("e-mail");
    let library = library::load(&bad).into_library().unwrap();
    assert_eq!(
        errors(
            &load_in(
                &bad,
                &library,
                &crate::library::Unloaded::default(),
                Language::En
            )
            .diagnostics
        ),
        [
            "lib/letters/payment-notice-30.yaml:2:11: `register` is `e-mail`; expected `email` (a short email nudge) or `notice` (a formal notice, the default)"
        ]
    );
}

fn files_with_register(register: &str) -> Vec<SourceFile> {
    files(&format!(
        "id: payment-notice-30\nregister: {register}\nsubject: S\nbody: B\n"
    ))
}

#[test]
fn variables_are_checked_against_the_letter_that_uses_them() {
    let files = files(
        "id: payment-notice-30\nsubject: \"Notice\"\nbody: |\n  By {{date letter.deadline}} or {{letter.since}} or {{client.nam}}; {{section \"partys\"}}.\n",
    );
    let library = library::load(&files).into_library().unwrap();
    let loaded = load_in(
        &files,
        &library,
        &crate::library::Unloaded::default(),
        Language::En,
    );
    assert_eq!(
        errors(&loaded.diagnostics),
        [
            "lib/letters/payment-notice-30.yaml:4:13: `letter.deadline` is not set in the letter `payment-notice-30`; it is set only in the final notice",
            "lib/letters/payment-notice-30.yaml:4:36: `letter.since` is not set in the letter `payment-notice-30`; it is set only in the letters of every stage but payment",
            "lib/letters/payment-notice-30.yaml:4:56: `client.nam` is neither declared in library.yaml nor a letter variable",
            "lib/letters/payment-notice-30.yaml:4:80: `section \"partys\"` refers to no clause of this library",
        ]
    );
    let warnings = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    assert_eq!(
        warnings,
        chase::LETTERS.len() - 1,
        "every other letter is missing"
    );
}

#[test]
fn unknown_letter_ids_and_clashing_keys_are_errors() {
    let mut files = files("id: payment-notice-3O\nsubject: S\nbody: B\n");
    files[0]
        .text
        .push_str("      - key: invoice.number\n        type: text\n        prompt: N\n");
    files[1].text.push_str("  {{invoice.number}}\n");
    let library = library::load(&files).into_library().unwrap();
    let loaded = load_in(
        &files,
        &library,
        &crate::library::Unloaded::default(),
        Language::En,
    );
    assert_eq!(
        errors(&loaded.diagnostics),
        [
            "lib/letters/letters.yaml: library.yaml declares `invoice.number` or a key holding it, which is a letter variable; rename the question",
            "lib/letters/payment-notice-30.yaml:1:5: `payment-notice-3O` is not a letter of the `chase` ladders; did you mean `payment-notice-30`?",
        ]
    );
}

#[test]
fn every_letter_and_its_frame_read_from_their_tapes_as_from_their_yaml() {
    use crate::yaml::tape::tests::same_as_yaml;
    let frame = |r: &str| r.ends_with("letters/letters.yaml");
    assert_eq!(same_as_yaml::<RawFrame>(frame), 2);
    let letter = |r: &str| r.contains("letters/") && !frame(r);
    assert_eq!(same_as_yaml::<RawLetter>(letter), 34);
}
