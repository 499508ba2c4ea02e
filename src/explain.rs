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

use std::fmt::Write as _;

use crate::assemble::Contract;
use crate::model::keys::{AGREEMENT_LANGUAGE, COUNTRY, PROFESSION};
use crate::render::escape;

/// The cover note, as Markdown.
#[must_use]
pub fn cover_note(contract: &Contract<'_>, client: &str) -> String {
    let mut out = String::with_capacity(4 * 1024);
    let _ = writeln!(
        out,
        "# Cover note: {} with {}\n",
        escape(&contract.library.title),
        escape(client)
    );
    out.push_str(
        "For you, not for the client: what each section does for you, and what these answers \
         leave out.\n\n## In the contract\n\n",
    );
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
        let _ = writeln!(out, "- Standard terms: {}.", standard.join("; "));
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
        // A clause of another trade, another country's law or another language is not a
        // safeguard these answers could switch on.
        .filter(|clause| {
            !clause.when.as_ref().is_some_and(|when| {
                when.keys()
                    .iter()
                    .any(|(key, _)| [PROFESSION, COUNTRY, AGREEMENT_LANGUAGE].contains(key))
            })
        })
        .collect();
    if !left_out.is_empty() {
        out.push_str("\n## Left out\n\n");
        for clause in left_out {
            let _ = write!(out, "- **{}:**", clause.title);
            if let Some(summary) = &clause.summary {
                let _ = write!(out, " {summary}");
            }
            if let Some(when) = &clause.when {
                let _ = write!(out, " Applies when {}.", when.source);
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
        let note = cover_note(&contract, "Priya Raman *Physio*");
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
