//! The cover note of `build --explain`: takes an assembled [`Contract`] and the client's name
//! and returns a one-page Markdown note for the freelancer (never sent to the client): each
//! section of this contract with its number and the clause's one-line `summary`, then each
//! clause these answers left out, with what it would add and the condition that would bring
//! it in.
//!
//! Sections whose clause has no summary (standard wording: the parties, notices, signatures)
//! are named together in one line, so that the note stays on one page. A clause left out that
//! shares its `order` with an included one is an alternative to it (the deposit or payment in
//! advance; the licence or the transfer of copyright), not a safeguard, and is not listed; nor
//! is a clause whose condition names the profession (a clause of another trade, such as the
//! source-code clause in a translation contract). The library's text (titles, summaries,
//! conditions) is trusted Markdown; the client's name comes from the answers and is escaped
//! like every other answer.
//!
//! The note is written in the contract's language: the titles and summaries are the clauses'
//! own in that language (a Turkish clause file carries its own `summary`), and the note's few
//! words of its own come from [`Words`].

use std::fmt::Write as _;

use crate::assemble::Contract;
use crate::model::keys::{AGREEMENT_LANGUAGE, COUNTRY, PROFESSION};
use crate::model::{Language, place};
use crate::render::escape;

/// The note's own words in one language.
struct Words {
    /// The heading, from the contract's title and the client's name (both escaped).
    heading: fn(&str, &str) -> String,
    /// The line under the heading.
    intro: &'static str,
    /// The heading of the clauses in the contract.
    included: &'static str,
    /// What opens the line naming the sections without a summary.
    standard: &'static str,
    /// The heading of the clauses left out.
    left_out: &'static str,
    /// The sentence giving a left-out clause's condition.
    applies: fn(&str) -> String,
}

const ENGLISH: Words = Words {
    heading: |title, client| format!("Cover note: {title} with {client}"),
    intro: "For you, not for the client: what each section does for you, and what these answers \
            leave out.",
    included: "In the contract",
    standard: "Standard terms",
    left_out: "Left out",
    applies: |when| format!("Applies when {when}."),
};

const TURKISH: Words = Words {
    heading: |title, client| format!("Açıklama notu: {client} ile {title}"),
    intro: "Müşteri için değil, sizin için: her madde size ne sağlar, bu yanıtlar neyi dışarıda \
            bırakır.",
    included: "Sözleşmede",
    standard: "Standart hükümler",
    left_out: "Dışarıda kalanlar",
    // The condition is in the conditions' own language (keys, `and`, `not`): code in Turkish
    // prose.
    applies: |when| format!("Şu koşulda eklenir: `{when}`."),
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

/// The heading of the note in `language`, for the PDF's title: `Cover note: {title}`.
#[must_use]
pub fn note_title(title: &str, language: Language) -> String {
    match language {
        Language::En => format!("Cover note: {title}"),
        Language::Tr => format!("Açıklama notu: {title}"),
    }
}

/// The cover note, as Markdown, in `language` (the language `contract` is written in).
#[must_use]
pub fn cover_note(contract: &Contract<'_>, client: &str, language: Language) -> String {
    let words = words(language);
    let mut out = String::with_capacity(4 * 1024);
    let _ = writeln!(
        out,
        "# {}\n",
        (words.heading)(&escape(&contract.library.title), &escape(client))
    );
    let _ = write!(out, "{}\n\n## {}\n\n", words.intro, words.included);
    let name = |number: Option<u32>, title: &str| match number {
        Some(number) => format!("{number}. {title}"),
        None => title.to_owned(),
    };
    let mut standard = Vec::new();
    for part in &contract.parts {
        let clause = part.clause;
        match &clause.summary {
            Some(summary) => {
                let _ = writeln!(out, "- **{}:** {summary}", name(part.number, &clause.title));
            }
            None => standard.push(name(part.number, &clause.title)),
        }
    }
    if !standard.is_empty() {
        let _ = writeln!(out, "- {}: {}.", words.standard, standard.join("; "));
    }
    // A clause that shares its place with an included one is an alternative to it (the
    // deposit or payment in advance, the licence or the transfer), not a safeguard left out.
    let left_out: Vec<_> = contract
        .excluded
        .iter()
        .filter(|clause| {
            !contract
                .parts
                .iter()
                .any(|p| p.clause.order == clause.order)
        })
        // A clause of another trade, another country's law (or what the place's law gives,
        // `place.*`) or another language is not a safeguard these answers could switch on.
        .filter(|clause| {
            !clause.when.as_ref().is_some_and(|when| {
                when.keys().iter().any(|(key, _)| {
                    [PROFESSION, COUNTRY, AGREEMENT_LANGUAGE].contains(key)
                        || key.starts_with(place::PREFIX)
                })
            })
        })
        .collect();
    if !left_out.is_empty() {
        let _ = write!(out, "\n## {}\n\n", words.left_out);
        for clause in left_out {
            let _ = write!(out, "- **{}:**", clause.title);
            if let Some(summary) = &clause.summary {
                let _ = write!(out, " {summary}");
            }
            if let Some(when) = &clause.when {
                let _ = write!(out, " {}", (words.applies)(&when.source));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers;
    use crate::assemble;
    use crate::library;

    #[test]
    fn every_section_is_named_with_its_summary_and_every_left_out_one_says_what_it_adds() {
        let library = library::load(&library::built_in_files())
            .into_library()
            .unwrap();
        let text = include_str!("../examples/repeat-good-payer.yaml");
        let answers = answers::parse("repeat-good-payer.yaml", text, &library).unwrap();
        let options = crate::prepare::PrepareOptions {
            date: None,
            today: None,
            late_payer: false,
            rate_multiplier: 2.into(),
            language: None,
        };
        let prepared = crate::prepare::prepare(library, answers, &options).unwrap();
        let (library, answers) = (&prepared.library, &prepared.answers);
        let contract = assemble::assemble(library, answers);
        let note = cover_note(&contract, "Priya Raman *Physio*", Language::En);
        assert!(note.starts_with(
            "# Cover note: Web Design Services Agreement with Priya Raman \\*Physio\\*\n"
        ));
        for part in &contract.parts {
            match (part.clause.summary.as_deref(), part.number) {
                (Some(summary), Some(n)) => assert!(
                    note.contains(&format!("- **{n}. {}:** {summary}\n", part.clause.title)),
                    "{}",
                    part.clause.id
                ),
                (None, _) => assert!(note.contains(&part.clause.title), "{}", part.clause.id),
                (Some(_), None) => panic!("{}: a summary on an unnumbered part", part.clause.id),
            }
        }
        assert!(
            note.contains(
                "- **5. Fees:** The price, how hours, days or units are counted, and extra work.\n"
            ),
            "{note}"
        );
        // The standard wording, without summaries, shares one line.
        assert!(note.contains(
            "- Standard terms: 1. Parties and Effective Date; 19. Independent Contractor; 21. Notices and Contact Details; 23. General Terms; Signatures.\n"
        ), "{note}");
        assert!(note.contains(
            "- **Credit:** Your credit line on the finished work, unless the client objects. Applies when credit.line.\n"
        ), "{note}");
        // The alternatives to included clauses are not safeguards left out.
        assert!(!note.contains("Payment in Advance"));
        assert!(!note.contains("Copyright Licence and Portfolio"));
        assert!(note.contains("Copyright Transfer and Portfolio Licence:"));
        // Left out and not listed: the two alternatives, and the clauses of other trades.
        let other_trades = contract
            .excluded
            .iter()
            .filter(|c| c.id != "copyright-licence")
            .filter(|c| {
                c.when.as_ref().is_some_and(|w| {
                    [
                        "freelancer.profession",
                        "jurisdiction.country",
                        "agreement.language",
                        "place.",
                    ]
                    .iter()
                    .any(|key| w.source.contains(key))
                })
            })
            .count();
        assert!(other_trades >= 10, "{other_trades}");
        assert!(!note.contains("Source Code and Repository"));
        let summarised = contract
            .parts
            .iter()
            .filter(|p| p.clause.summary.is_some())
            .count();
        assert_eq!(
            note.matches("\n- **").count(),
            summarised + contract.excluded.len() - 2 - other_trades
        );
    }
}
