//! Diff: takes two contracts (their Markdown, and for contracts built from answers files the
//! prepared answers) and returns what changed between them: the terms side by side, the
//! sections added and removed, and the wording word by word.
//!
//! The wording is compared as a reader reads it, not as Markdown is written: each contract is
//! read into paragraphs of plain text by the layout's Markdown reader (headings, paragraphs
//! with their list markers, table rows), the paragraphs are aligned (`similar`, Myers), and
//! each pair of changed paragraphs is compared word by word. [`report`] prints the result for
//! the terminal; [`crate::docx::tracked`] writes it as a Word document with tracked changes.

use std::fmt::Write as _;

use similar::{Algorithm, ChangeTag, DiffTag, TextDiff, capture_diff_slices};

use crate::layout::Style;
use crate::layout::blocks::{self, Block};
use crate::layout::breaker::Inline;
use crate::prepare::Prepared;

/// An answer that differs between the two contracts, as a reader reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermChange {
    /// What the question is about ("fee", "deposit").
    pub label: String,
    /// The earlier contract's value ("absent" when it had none).
    pub before: String,
    /// The later contract's value.
    pub after: String,
}

/// A run of words: in both contracts, only in the earlier one, or only in the later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Words in both.
    Same(String),
    /// Words the later contract leaves out.
    Deleted(String),
    /// Words the later contract adds.
    Inserted(String),
}

/// One paragraph of the compared text, in the later contract's order, deleted paragraphs
/// where they stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The heading level, for a heading.
    pub heading: Option<u8>,
    /// Its words.
    pub pieces: Vec<Piece>,
    /// The face (bold, italic) of each character of the earlier contract's text of the
    /// paragraph: its kept and deleted pieces, in order.
    pub before: Vec<Style>,
    /// The face of each character of the later contract's text: its kept and inserted pieces.
    pub after: Vec<Style>,
}

impl Paragraph {
    /// Whether any word of it changed.
    #[must_use]
    pub fn changed(&self) -> bool {
        self.pieces.iter().any(|p| !matches!(p, Piece::Same(_)))
    }
}

/// What changed between two contracts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// The answers that differ (empty when the contracts were given as Markdown).
    pub terms: Vec<TermChange>,
    /// Titles of the sections only the later contract has.
    pub added: Vec<String>,
    /// Titles of the sections only the earlier contract has.
    pub removed: Vec<String>,
    /// Every paragraph, changed or not.
    pub paragraphs: Vec<Paragraph>,
}

/// The answers that differ between two prepared contracts, in the library's question order,
/// each worded as the build summary words it.
#[must_use]
pub fn terms(old: &Prepared, new: &Prepared) -> Vec<TermChange> {
    let mut changes = Vec::new();
    for question in new.library.questions() {
        let before = old.answers.get(&question.key);
        let after = new.answers.get(&question.key);
        if before == after {
            continue;
        }
        let show = |prepared: &Prepared, value: Option<&crate::model::Value>| {
            value.map_or_else(
                || "absent".to_owned(),
                |v| {
                    crate::format::display_value(
                        question,
                        v,
                        &prepared.answers.currency(),
                        prepared.locale(),
                    )
                },
            )
        };
        let (before, after) = (show(old, before), show(new, after));
        if before != after {
            changes.push(TermChange {
                label: question.label.clone(),
                before,
                after,
            });
        }
    }
    changes
}

/// Text with the face of each of its characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Styled {
    text: String,
    styles: Vec<Style>,
}

impl Styled {
    fn push(&mut self, text: &str, style: Style) {
        self.text.push_str(text);
        self.styles.extend(text.chars().map(|_| style));
    }

    fn push_styled(&mut self, other: &Styled) {
        self.text.push_str(&other.text);
        self.styles.extend_from_slice(&other.styles);
    }
}

/// The plain text of inline content, spaces collapsed, with each character's face.
fn plain(inlines: &[Inline]) -> Styled {
    let mut out = Styled::default();
    // The face of the space pending between two words: that of the first blank between them.
    let mut space: Option<Style> = None;
    for (c, style) in inlines.iter().flat_map(|inline| -> Vec<(char, Style)> {
        match inline {
            Inline::Text(span) => span.text.chars().map(|c| (c, span.style)).collect(),
            Inline::HardBreak => vec![(' ', Style::Regular)],
        }
    }) {
        if c.is_whitespace() {
            if !out.text.is_empty() && space.is_none() {
                space = Some(style);
            }
            continue;
        }
        if let Some(face) = space.take() {
            out.push(" ", face);
        }
        out.text.push(c);
        out.styles.push(style);
    }
    out
}

/// The contract's paragraphs as a reader reads them: heading level and plain text.
fn paragraphs(markdown: &str) -> Vec<(Option<u8>, Styled)> {
    let mut out = Vec::new();
    for block in blocks::read(markdown).blocks {
        match block {
            Block::Para(p) => {
                let heading = match p.kind {
                    blocks::ParaKind::Heading(level) => Some(level),
                    _ => None,
                };
                let text = plain(&p.inlines);
                let text = match &p.marker {
                    Some(marker) => {
                        let mut item = Styled::default();
                        item.push(&format!("{marker} "), Style::Regular);
                        item.push_styled(&text);
                        item
                    }
                    None => text,
                };
                out.push((heading, text));
            }
            Block::Table(table) => {
                for row in std::iter::once(&table.head).chain(&table.rows) {
                    let mut line = Styled::default();
                    for (c, cell) in row.iter().enumerate() {
                        if c > 0 {
                            line.push(" | ", Style::Regular);
                        }
                        line.push_styled(&plain(cell));
                    }
                    out.push((None, line));
                }
            }
            _ => {}
        }
    }
    out
}

/// A section title without its number ("7. Late Fee" → "Late Fee").
fn section_title(heading: &str) -> &str {
    match heading.split_once(". ") {
        Some((number, title)) if number.chars().all(|c| c.is_ascii_digit()) => title,
        _ => heading,
    }
}

/// Compares two contracts' Markdown; `terms` are the answers that differ, if known.
#[must_use]
pub fn diff(old: &str, new: &str, terms: Vec<TermChange>) -> Diff {
    let old = paragraphs(old);
    let new = paragraphs(new);
    let titles = |paragraphs: &[(Option<u8>, Styled)]| -> Vec<String> {
        paragraphs
            .iter()
            .filter(|(heading, _)| *heading == Some(2))
            .map(|(_, text)| section_title(&text.text).to_owned())
            .collect()
    };
    let (old_titles, new_titles) = (titles(&old), titles(&new));
    let added = (new_titles.iter())
        .filter(|t| !old_titles.contains(t))
        .cloned()
        .collect();
    let removed = (old_titles.iter())
        .filter(|t| !new_titles.contains(t))
        .cloned()
        .collect();
    let old_texts: Vec<&str> = old.iter().map(|(_, t)| t.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|(_, t)| t.text.as_str()).collect();
    let mut out = Vec::with_capacity(new.len());
    let whole = |(heading, text): &(Option<u8>, Styled), piece: fn(String) -> Piece| {
        let styles = text.styles.clone();
        let (before, after) = match piece(String::new()) {
            Piece::Same(_) => (styles.clone(), styles),
            Piece::Deleted(_) => (styles, Vec::new()),
            Piece::Inserted(_) => (Vec::new(), styles),
        };
        Paragraph {
            heading: *heading,
            pieces: vec![piece(text.text.clone())],
            before,
            after,
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_texts, &new_texts) {
        let (tag, olds, news) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => out.extend(new[news].iter().map(|p| whole(p, Piece::Same))),
            DiffTag::Delete => out.extend(old[olds].iter().map(|p| whole(p, Piece::Deleted))),
            DiffTag::Insert => out.extend(new[news].iter().map(|p| whole(p, Piece::Inserted))),
            DiffTag::Replace => {
                let (olds, news) = (&old[olds], &new[news]);
                for (before, after) in olds.iter().zip(news) {
                    out.push(Paragraph {
                        heading: after.0,
                        pieces: words(&before.1.text, &after.1.text),
                        before: before.1.styles.clone(),
                        after: after.1.styles.clone(),
                    });
                }
                out.extend(
                    olds[news.len().min(olds.len())..]
                        .iter()
                        .map(|p| whole(p, Piece::Deleted)),
                );
                out.extend(
                    news[olds.len().min(news.len())..]
                        .iter()
                        .map(|p| whole(p, Piece::Inserted)),
                );
            }
        }
    }
    Diff {
        terms,
        added,
        removed,
        paragraphs: out,
    }
}

/// Two paragraphs compared word by word: runs of kept words, each change between them as one
/// deletion then one insertion. Changes only a space apart are one change ("fifteen (15)"
/// became "twenty (20)", not two).
fn words(before: &str, after: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(before, after);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|change| (change.tag(), change.value()))
        .collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for (k, &(tag, text)) in changes.iter().enumerate() {
        let between_changes = tag == ChangeTag::Equal
            && text.trim().is_empty()
            && !(deleted.is_empty() && inserted.is_empty())
            && changes
                .get(k + 1)
                .is_some_and(|(next, _)| *next != ChangeTag::Equal);
        match tag {
            ChangeTag::Equal if !between_changes => {
                flush(&mut pieces, &mut deleted, &mut inserted);
                match pieces.last_mut() {
                    Some(Piece::Same(last)) => last.push_str(text),
                    _ => pieces.push(Piece::Same(text.to_owned())),
                }
            }
            ChangeTag::Equal => {
                deleted.push_str(text);
                inserted.push_str(text);
            }
            ChangeTag::Delete => deleted.push_str(text),
            ChangeTag::Insert => inserted.push_str(text),
        }
    }
    flush(&mut pieces, &mut deleted, &mut inserted);
    pieces
}

/// Ends a change: its deleted words, then its inserted ones.
fn flush(pieces: &mut Vec<Piece>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        pieces.push(Piece::Deleted(std::mem::take(deleted)));
    }
    if !inserted.is_empty() {
        pieces.push(Piece::Inserted(std::mem::take(inserted)));
    }
}

/// The diff for the terminal: the terms side by side, the sections added and removed, and
/// each changed paragraph with `[-deleted-]` and `{+inserted+}` words.
#[must_use]
pub fn report(diff: &Diff, old_name: &str, new_name: &str) -> String {
    let mut out = String::new();
    if !diff.terms.is_empty() {
        let label = diff
            .terms
            .iter()
            .map(|t| t.label.chars().count())
            .max()
            .unwrap_or(0);
        let before = (diff.terms.iter())
            .map(|t| t.before.chars().count())
            .chain([old_name.chars().count()])
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "Terms that changed:");
        let _ = writeln!(out, "  {:<label$}  {old_name:<before$}  {new_name}", "");
        for term in &diff.terms {
            let _ = writeln!(
                out,
                "  {:<label$}  {:<before$}  {}",
                term.label, term.before, term.after
            );
        }
        out.push('\n');
    }
    for (title, list) in [("added", &diff.added), ("removed", &diff.removed)] {
        if !list.is_empty() {
            let _ = writeln!(out, "Sections {title}: {}", list.join(", "));
        }
    }
    let changed: Vec<&Paragraph> = diff.paragraphs.iter().filter(|p| p.changed()).collect();
    if changed.is_empty() {
        out.push_str("The wording is the same.\n");
        return out;
    }
    if !diff.added.is_empty() || !diff.removed.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "Wording that changed:");
    for paragraph in changed {
        let line: String = paragraph
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Same(text) => text.clone(),
                Piece::Deleted(text) => format!("[-{}-]{}", text.trim_end(), trailing(text)),
                Piece::Inserted(text) => format!("{{+{}+}}{}", text.trim_end(), trailing(text)),
            })
            .collect();
        let _ = writeln!(out, "  {}", line.trim_end());
    }
    out
}

/// The whitespace at the end of `text`.
fn trailing(text: &str) -> &str {
    &text[text.trim_end().len()..]
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "# Agreement\n\n## 1. Fees\n\nThe fee is $4,800.00, paid in two parts.\n\n\
        ## 2. Deposit\n\nA deposit of 25% is due.\n\n## 3. Signatures\n\nSigned.\n";
    const NEW: &str = "# Agreement\n\n## 1. Fees\n\nThe fee is $9,600.00, paid in two parts.\n\n\
        ## 2. Late Fee\n\nA late fee of 1.5% a month applies.\n\n## 3. Signatures\n\nSigned.\n";

    #[test]
    fn changed_words_are_deleted_and_inserted_in_place() {
        let diff = diff(OLD, NEW, Vec::new());
        let fee = diff
            .paragraphs
            .iter()
            .find(|p| matches!(p.pieces.first(), Some(Piece::Same(t)) if t.starts_with("The fee")))
            .unwrap();
        assert_eq!(
            fee.pieces,
            [
                Piece::Same("The fee is ".into()),
                Piece::Deleted("$4,800.00,".into()),
                Piece::Inserted("$9,600.00,".into()),
                Piece::Same(" paid in two parts.".into()),
            ]
        );
        assert_eq!(diff.added, ["Late Fee"]);
        assert_eq!(diff.removed, ["Deposit"]);
        // Unchanged paragraphs are kept whole, in order.
        assert_eq!(
            diff.paragraphs.first().unwrap().pieces,
            [Piece::Same("Agreement".into())]
        );
        assert!(!diff.paragraphs.last().unwrap().changed());
    }

    #[test]
    fn the_report_shows_terms_side_by_side_and_words_marked() {
        let terms = vec![TermChange {
            label: "fee".into(),
            before: "$4,800.00".into(),
            after: "$9,600.00".into(),
        }];
        let report = report(&diff(OLD, NEW, terms), "2026.yaml", "2027.yaml");
        assert!(
            report.starts_with(
                "Terms that changed:\n       2026.yaml  2027.yaml\n  fee  $4,800.00  $9,600.00\n"
            ),
            "{report}"
        );
        assert!(report.contains("Sections added: Late Fee\nSections removed: Deposit\n"));
        assert!(
            report.contains("  The fee is [-$4,800.00,-]{+$9,600.00,+} paid in two parts.\n"),
            "{report}"
        );
    }

    #[test]
    fn changes_a_space_apart_are_one_change() {
        let pieces = words(
            "within fifteen (15) business days, or",
            "within twenty (20) business days, and",
        );
        assert_eq!(
            pieces,
            [
                Piece::Same("within ".into()),
                Piece::Deleted("fifteen (15)".into()),
                Piece::Inserted("twenty (20)".into()),
                Piece::Same(" business days, ".into()),
                Piece::Deleted("or".into()),
                Piece::Inserted("and".into()),
            ]
        );
    }

    #[test]
    fn the_same_contract_has_no_changes() {
        let report = report(&diff(OLD, OLD, Vec::new()), "a.md", "b.md");
        assert_eq!(report, "The wording is the same.\n");
    }
}
