//! Assembly: takes the [`Library`] and the [`Answers`] and returns the [`Contract`]: the
//! clauses whose conditions hold, in order, numbered 1..n, and the ones left out with the
//! condition that left them out.
//!
//! It also says what each clause id became ([`SectionNumber`]), the map `{{section "id"}}`
//! reads: for one contract ([`Contract::section_numbers`]) or, for `check`, with every clause
//! included (`all_included`).

use std::collections::BTreeMap;

use crate::answers::Answers;
use crate::library::{Clause, Library};

/// Where a section-number lookup lands: its number, unnumbered, or not in this contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionNumber {
    /// Included with this number.
    Numbered(u32),
    /// Included without a number (the signature block).
    Unnumbered,
    /// Left out of this contract by its condition.
    Excluded,
}

/// What each clause id became, for `{{section "id"}}`.
pub(crate) type SectionNumbers = BTreeMap<String, SectionNumber>;

/// The clauses of one contract.
#[derive(Debug)]
pub struct Contract<'l> {
    /// The library the clauses come from.
    pub library: &'l Library,
    /// The included clauses, in order.
    pub parts: Vec<Part<'l>>,
    /// The clauses whose condition is false for these answers.
    pub excluded: Vec<&'l Clause>,
}

/// An included clause and its section number.
#[derive(Debug)]
pub struct Part<'l> {
    /// The library's clause, included because its `when` holds (or it has none).
    pub clause: &'l Clause,
    /// Its number, unless the clause is unnumbered.
    pub number: Option<u32>,
}

impl Contract<'_> {
    /// What the clause `id` became in this contract.
    #[must_use]
    pub fn number_of(&self, id: &str) -> SectionNumber {
        match self.parts.iter().find(|p| p.clause.id == id) {
            Some(Part {
                number: Some(n), ..
            }) => SectionNumber::Numbered(*n),
            Some(_) => SectionNumber::Unnumbered,
            None => SectionNumber::Excluded,
        }
    }

    /// What every clause of the library became in this contract.
    #[must_use]
    pub fn section_numbers(&self) -> SectionNumbers {
        self.library
            .clauses
            .iter()
            .map(|clause| (clause.id.clone(), self.number_of(&clause.id)))
            .collect()
    }
}

/// The section numbers of a contract that included every clause of the library, numbered in
/// order: what `check` renders every clause and letter with, so every cross-reference resolves.
#[must_use]
pub(crate) fn all_included(library: &Library) -> SectionNumbers {
    library
        .clauses
        .iter()
        .zip(1..)
        .map(|(clause, n)| {
            let number = if clause.numbered {
                SectionNumber::Numbered(n)
            } else {
                SectionNumber::Unnumbered
            };
            (clause.id.clone(), number)
        })
        .collect()
}

/// Selects, orders and numbers the clauses for these answers.
#[must_use]
pub fn assemble<'l>(library: &'l Library, answers: &Answers) -> Contract<'l> {
    let mut parts = Vec::new();
    let mut excluded = Vec::new();
    let mut next = 1;
    for clause in library.clauses.iter() {
        let included = clause
            .when
            .as_ref()
            .is_none_or(|when| when.eval(|key| answers.get(key)));
        if !included {
            excluded.push(clause);
            continue;
        }
        let number = clause.numbered.then(|| {
            next += 1;
            next - 1
        });
        parts.push(Part { clause, number });
    }
    Contract {
        library,
        parts,
        excluded,
    }
}
