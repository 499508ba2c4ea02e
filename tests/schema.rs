//! `clausewright schema`: the schemas it prints, read by a JSON Schema validator (the
//! `jsonschema` crate) as an editor's language server reads them. Every answers file the
//! project ships validates against the answers schema, every clause file and library.yaml
//! against theirs, and bad files fail at the keyword that catches them. The answers files
//! `new` and `--save-answers` write start with the `yaml-language-server` line naming it.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::support::{clausewright, root, run};

/// The schema `clausewright schema ARGS` prints, compiled.
fn schema(args: &[&str]) -> jsonschema::Validator {
    let mut full = vec!["schema"];
    full.extend_from_slice(args);
    let outcome = run(&mut clausewright(&full));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json: Json = serde_json::from_str(&outcome.stdout).expect("the schema is JSON");
    assert_eq!(
        json["$schema"], "http://json-schema.org/draft-07/schema#",
        "editors' YAML servers read draft 7"
    );
    jsonschema::validator_for(&json).expect("the schema is a valid JSON Schema")
}

/// A YAML file as the JSON value a YAML language server validates.
fn yaml(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keywords of every error the validator finds (`required`, `enum`, ...), with where.
fn errors(validator: &jsonschema::Validator, value: &Json) -> Vec<(String, String)> {
    validator
        .iter_errors(value)
        .map(|error| {
            let keyword = error
                .schema_path()
                .as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned();
            (keyword, error.instance_path().as_str().to_owned())
        })
        .collect()
}

fn yaml_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether `build` reads the answers file at `path` (relative to the root) without an error.
fn builds(path: &Path) -> bool {
    run(&mut clausewright(&[
        "build",
        &path.display().to_string(),
        "-o",
        "-",
        "--date",
        "2026-03-02",
    ]))
    .code
        == 0
}

#[test]
fn every_answers_file_that_builds_validates_against_the_answers_schema() {
    let validator = schema(&["answers"]);
    let mut checked = Vec::new();
    let candidates = yaml_files(&root().join("examples"))
        .into_iter()
        .chain(yaml_files(&root().join("tests/fixtures")));
    for path in candidates {
        let relative = path.strip_prefix(root()).unwrap().to_owned();
        let name = relative.display().to_string();
        // Only answers files: the clause libraries, chase records and profiles of the
        // fixtures are other kinds of file.
        let is_answers = name.starts_with("examples/") && !name.starts_with("examples/ci/")
            || name.ends_with("answers.yaml")
            || name.ends_with(".answers.yaml");
        if !is_answers || name.starts_with("tests/fixtures/check/") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(value) = serde_saphyr::from_str::<Json>(&text) else {
            assert!(
                !builds(&relative),
                "{name} builds but is not YAML to a validator"
            );
            continue;
        };
        let found = errors(&validator, &value);
        if builds(&relative) {
            assert!(
                found.is_empty(),
                "{name} builds but fails its schema: {found:?}"
            );
            checked.push(name);
        }
    }
    for expected in [
        "examples/first-time-us.yaml",
        "examples/gb-consumer.yaml",
        "examples/tr-client.yaml",
        "tests/fixtures/chase-payment/answers.yaml",
        "tests/fixtures/hostile/answers.yaml",
        "tests/fixtures/new-late-payer/capitol-bakery-cafe-llc.answers.yaml",
    ] {
        assert!(
            checked.iter().any(|c| c == expected),
            "{expected} was not checked: {checked:?}"
        );
    }
}

#[test]
fn a_bad_answers_file_fails_at_the_keyword_that_catches_its_mistake() {
    let validator = schema(&["answers"]);
    let cases = [
        ("unknown-key", "additionalProperties", "/client"),
        ("choice-not-in-list", "enum", "/relationship"),
        ("phone-with-letters", "pattern", "/freelancer/phone"),
        ("bad-date", "pattern", "/project/start"),
        ("negative-fee", "pattern", "/fees/total"),
        ("missing-phone", "required", "/client"),
        ("not-a-mapping", "type", ""),
        ("unknown-region", "pattern", "/jurisdiction/region"),
    ];
    for (case, keyword, at) in cases {
        let path = root().join(format!("tests/fixtures/answers/{case}/answers.yaml"));
        let found = errors(&validator, &yaml(&path));
        assert!(
            found.iter().any(|(k, p)| k == keyword && p == at),
            "{case}: expected `{keyword}` at `{at}`, the validator found {found:?}"
        );
        // The loader refuses it too.
        assert!(!builds(&path), "{case} builds");
    }
    // A limit is checked on a number (in quotes it is text to JSON, and `build` checks it).
    let mut numbers = yaml(&root().join("examples/first-time-us.yaml"));
    numbers["deposit"]["percent"] = serde_json::json!(150);
    numbers["project"]["revisions"] = serde_json::json!(11);
    numbers["fees"]["total"] = serde_json::json!(0);
    let found = errors(&validator, &numbers);
    for expected in [
        ("maximum", "/deposit/percent"),
        ("maximum", "/project/revisions"),
        ("minimum", "/fees/total"),
    ] {
        assert!(
            found
                .iter()
                .any(|(k, p)| (k.as_str(), p.as_str()) == expected),
            "{expected:?} in {found:?}"
        );
    }
}

#[test]
fn the_answers_schema_follows_the_library_it_is_asked_for() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("library.yaml"),
        "title: Tiny Agreement\nsections:\n  - title: Terms\n    questions:\n      - key: client.name\n        type: text\n        prompt: The client\n        required: true\n      - key: days\n        type: integer\n        prompt: Days\n        min: 5\n        max: 9\n",
    )
    .unwrap();
    std::fs::write(
        folder.path().join("body.yaml"),
        "id: body\ntitle: Body\norder: 1\nbody: \"{{client.name}} within {{days}} days.\"\n",
    )
    .unwrap();
    let library = folder.path().display().to_string();
    let validator = schema(&["answers", "--clauses", &library]);
    let ok: Json = serde_json::json!({ "client": { "name": "Acme" }, "days": 7 });
    assert!(errors(&validator, &ok).is_empty());
    let bad: Json = serde_json::json!({ "client": {}, "days": 12, "fees": { "total": "1" } });
    let found = errors(&validator, &bad);
    for expected in [
        ("required", "/client"),
        ("maximum", "/days"),
        ("additionalProperties", ""),
    ] {
        assert!(
            found
                .iter()
                .any(|(k, p)| (k.as_str(), p.as_str()) == expected),
            "{expected:?} in {found:?}"
        );
    }
    let outcome = run(&mut clausewright(&[
        "schema",
        "clause",
        "--clauses",
        &library,
    ]));
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(outcome.stderr.contains("--clauses is for `schema answers`"));
}

#[test]
fn every_clause_file_and_library_yaml_validates_and_a_wrong_field_does_not() {
    let clause = schema(&["clause"]);
    let library = schema(&["library"]);
    let mut clauses = 0;
    for path in yaml_files(&root().join("clauses")) {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        // A language folder's library.yaml gives words only (title, trades, the questions' words): the loader reads
        // it with its own shape.
        if name.contains("/letters/")
            || name.contains("/jurisdictions/")
            || name.ends_with("/tr/library.yaml")
        {
            continue;
        }
        let validator = if name.ends_with("/library.yaml") {
            &library
        } else {
            clauses += 1;
            &clause
        };
        let found = errors(validator, &yaml(&path));
        assert!(found.is_empty(), "{name}: {found:?}");
    }
    assert!(clauses > 20, "{clauses} clause files");
    let wrong: Json = serde_json::json!({
        "id": "Kill_Fee", "title": "Kill fee", "order": "ninety", "body": "x", "colour": "red"
    });
    let found = errors(&clause, &wrong);
    for expected in [
        ("pattern", "/id"),
        ("type", "/order"),
        ("additionalProperties", ""),
    ] {
        assert!(
            found
                .iter()
                .any(|(k, p)| (k.as_str(), p.as_str()) == expected),
            "{expected:?} in {found:?}"
        );
    }
    let wrong: Json = serde_json::json!({ "title": "T", "sections": [{ "title": "S", "questions": [
        { "key": "fees.total", "type": "currency", "prompt": "Fee" }
    ] }] });
    assert!(
        errors(&library, &wrong)
            .iter()
            .any(|(_, p)| p == "/sections/0/questions/0/type"),
        "an unknown type is refused"
    );
}

#[test]
fn saved_answers_name_their_schema_in_the_first_line() {
    let folder = tempfile::tempdir().unwrap();
    let saved = folder.path().join("saved.yaml");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/first-time-us.yaml",
        "-o",
        &folder.path().display().to_string(),
        "--save-answers",
        &saved.display().to_string(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let text = std::fs::read_to_string(&saved).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=clausewright-answers.schema.json"),
        "{text}"
    );
    assert!(
        text.contains("#     clausewright schema answers > clausewright-answers.schema.json\n")
    );
    // The file it names, written as the comment says, validates the file.
    let validator = schema(&["answers"]);
    assert!(errors(&validator, &yaml(&saved)).is_empty());
}
