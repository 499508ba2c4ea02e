//! The `check` stage: takes a library's files and returns every problem in them, from YAML
//! syntax to a clause or letter that fails to render with sample answers, and every problem of
//! its jurisdiction profiles.

use std::collections::BTreeMap;

use crate::error::Diagnostic;
use crate::jurisdiction;
use crate::letters;
use crate::library::{self, SourceFile};
use crate::render::{self, SectionNumber};

/// Loads the library and renders every clause and letter with a sample answer for every
/// question.
/// Returns every error and warning, sorted by file and position.
#[must_use]
pub fn check(files: &[SourceFile]) -> Vec<Diagnostic> {
    let loaded = library::load(files);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(jurisdiction::load(files).1);
    if let Some(library) = &loaded.library {
        // Every clause is treated as included so that every cross-reference resolves.
        let mut numbers: BTreeMap<String, SectionNumber> = library
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
            .collect();
        // References to clauses with errors, or to no clause, are reported once, by the
        // loader; here they render as a number so that the rest of the body is still checked.
        let referenced = library
            .clauses
            .iter()
            .flat_map(|clause| library::section_references(&clause.template))
            .map(|(id, _, _)| id);
        for id in loaded.failed_ids.iter().cloned().chain(referenced) {
            numbers.entry(id).or_insert(SectionNumber::Numbered(0));
        }
        let registry = render::registry(numbers);
        let data = library.sample_answers().to_json();
        for clause in &library.clauses {
            if let Err(diagnostic) = render::render_clause(&registry, clause, &data) {
                diagnostics.push(diagnostic);
            }
        }
        diagnostics.extend(letters::check(files, library, &registry));
    }
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
    });
    diagnostics.dedup();
    diagnostics
}
