//! The notice of the freelancer's rights (#13): with `freelancer_rights.notice`, a contract
//! that a freelance worker law of its place reaches (by state, city and value) restates the
//! rights that law gives, naming it; no law, no notice.

use crate::support::{clausewright, root, run};

/// The first-time example (Illinois, Sangamon County, a fee of $6,400.00), changed by
/// `edits`, built to Markdown.
fn contract(edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join("examples/first-time-us.yaml")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.yaml");
    std::fs::write(&answers, text).unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        answers.to_str().unwrap(),
        "-o",
        "-",
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    outcome.stdout
}

const TITLE: &str = "Notice of Rights Under Freelance Worker Laws";
/// The example asks for the notice; this takes the answer out.
const NOT_ASKED: (&str, &str) = ("freelancer_rights:\n  notice: true\n", "");

/// The notice's section, from its heading to the next one.
fn notice(markdown: &str) -> Option<&str> {
    let start = markdown.find(&format!(". {TITLE}\n"))?;
    let rest = &markdown[start..];
    Some(&rest[..rest[3..].find("\n## ").map_or(rest.len(), |end| end + 3)])
}

#[test]
fn the_notice_names_the_law_that_reaches_the_contract() {
    let markdown = contract(&[]);
    let section = notice(&markdown).expect("an Illinois contract of $6,400.00 has the notice");
    assert!(
        section.contains("Where the Designer is a freelance worker within the meaning of the Illinois Freelance Worker Protection Act (820 ILCS 193), the Designer has the following rights under the law"),
        "{section}"
    );
    for right in [
        "no later than thirty (30) days after the Designer completes the services",
        "accepting less compensation than this Agreement provides",
        "because the Designer exercises or tries to exercise those rights",
    ] {
        assert!(section.contains(right), "{right}: {section}");
    }
    // In New York City, the State's Act and the City's both reach it.
    let markdown = contract(&[
        ("  region: IL\n", "  region: NY\n"),
        ("  venue: Sangamon County\n", "  venue: Brooklyn\n"),
    ]);
    assert!(
        notice(&markdown).unwrap().contains("within the meaning of the New York State Freelance Isn't Free Act (General Business Law, Article 44-A) and the New York City Freelance Isn't Free Act (Administrative Code, Title 20, Chapter 10), the Designer has"),
        "{markdown}"
    );
}

#[test]
fn no_notice_without_the_answer_or_a_law_that_reaches_the_contract() {
    // Not asked for: the default leaves it out.
    assert_eq!(notice(&contract(&[NOT_ASKED])), None);
    // A state without such a law.
    assert_eq!(
        notice(&contract(&[("  region: IL\n", "  region: OR\n")])),
        None
    );
}
