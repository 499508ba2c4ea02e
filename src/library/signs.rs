//! Trade signs: takes the `trade_signs:` table of `library.yaml` and returns [`Signs`], the
//! words that mark a text as one trade's work, and finds them in a text.
//!
//! ```yaml
//! trade_signs:
//!   web-design: [website*, WordPress, web sitesi*]
//!   translation: [translat*, source text*, çeviri*]
//! ```
//!
//! A sign is a word or a phrase, matched without regard to case at the start of a word; it
//! must end where a word ends, unless it ends with `*`, which stands for any ending
//! (`website*` finds "websites", `web sitesi*` finds "web sitesinin"). A space in a sign
//! stands for any run of blanks. The signs are one list per trade, in every language an
//! answers file may be written in, so they are given once, beside the English `trades:`
//! table; a word several trades use (a copywriter writes a website's copy too) is listed in
//! each of them. The term lint of `build` warns when a text describing the work names a sign
//! of other trades only: the answers were probably written for another contract.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::line_column;
use crate::error::Diagnostic;
use crate::model::keys::PROFESSION;

/// The signs of each trade, by profession.
#[derive(Debug, Clone, Default)]
pub struct Signs {
    by_trade: std::sync::Arc<BTreeMap<String, Vec<Sign>>>,
}

/// One sign, as written and ready to match.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sign {
    /// The sign's characters, lower case, without the `*`.
    chars: Vec<char>,
    /// Whether it ends with `*`: any ending.
    open: bool,
}

/// Where a sign was found in a text: the byte range of the whole word as written.
pub type Found = std::ops::Range<usize>;

impl Signs {
    /// Whether no trade gives a sign.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_trade.is_empty()
    }

    /// The trades whose signs `text` names, other than `own` and not also signs of `own`,
    /// each word as written (in the order of the text, each word once) with the trades it
    /// is a sign of.
    #[must_use]
    pub fn foreign<'a>(&'a self, text: &str, own: &str) -> Vec<(Found, Vec<&'a str>)> {
        let own_signs = self.by_trade.get(own).map_or(&[][..], Vec::as_slice);
        let lowered = lower(text);
        let mut found: Vec<(Found, Vec<&str>)> = Vec::new();
        for start in 0..lowered.len() {
            let word_start = start == 0 || !lowered[start - 1].0.is_alphanumeric();
            if !word_start {
                continue;
            }
            let mut hit: Option<(Found, Vec<&str>)> = None;
            for (trade, signs) in self.by_trade.iter().filter(|(t, _)| *t != own) {
                for sign in signs {
                    let Some(end) = sign.matches(&lowered, start) else {
                        continue;
                    };
                    // A sign of this contract's own trade too is no sign of another.
                    if own_signs
                        .iter()
                        .any(|s| s.matches(&lowered, start).is_some())
                    {
                        continue;
                    }
                    let range = lowered[start].1..byte_end(&lowered, end, text.len());
                    match &mut hit {
                        Some((_, trades)) if !trades.contains(&trade.as_str()) => {
                            trades.push(trade);
                        }
                        Some(_) => {}
                        None => hit = Some((range, vec![trade])),
                    }
                }
            }
            if let Some((range, trades)) = hit {
                let word = text[range.clone()].to_lowercase();
                if !found
                    .iter()
                    .any(|(r, _)| text[r.clone()].to_lowercase() == word)
                {
                    found.push((range, trades));
                }
            }
        }
        found
    }
}

impl Sign {
    /// Where the sign ends (an index into `lowered`) if it starts at `start`.
    #[inline]
    fn matches(&self, lowered: &[(char, usize)], start: usize) -> Option<usize> {
        // Most signs fail at their first letter: said before the walk below.
        if let (Some(first), Some((here, _))) = (self.chars.first(), lowered.get(start))
            && !first.is_whitespace()
            && first != here
        {
            return None;
        }
        let mut at = start;
        for c in &self.chars {
            if c.is_whitespace() {
                let blanks = lowered[at..]
                    .iter()
                    .take_while(|(t, _)| t.is_whitespace())
                    .count();
                if blanks == 0 {
                    return None;
                }
                at += blanks;
            } else if lowered.get(at).is_some_and(|(t, _)| t == c) {
                at += 1;
            } else {
                return None;
            }
        }
        let rest = lowered[at..]
            .iter()
            .take_while(|(t, _)| t.is_alphanumeric())
            .count();
        match (self.open, rest) {
            (true, _) => Some(at + rest),
            (false, 0) => Some(at),
            (false, _) => None,
        }
    }
}

/// Each character of `text` in lower case (its first lower-case character: `İ` is `i`), with
/// its byte offset.
fn lower(text: &str) -> Vec<(char, usize)> {
    text.char_indices()
        .map(|(at, c)| (lower_char(c), at))
        .collect()
}

/// `c` in lower case: its first lower-case character (`İ` is `i`).
fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The byte offset where the character at `index` of `lowered` starts (the text's end past
/// the last).
fn byte_end(lowered: &[(char, usize)], index: usize, len: usize) -> usize {
    lowered.get(index).map_or(len, |(_, at)| *at)
}

/// Checks the raw `trade_signs:` table against `trades`, the choices of the profession (every
/// row one of them, every sign a word); reports every problem at its line of `library.yaml`.
pub(super) fn load_signs(
    name: &str,
    text: &str,
    raw: Option<BTreeMap<String, Vec<Spanned<String>>>>,
    trades: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Signs {
    let Some(raw) = raw else {
        return Signs::default();
    };
    let table_line = text
        .lines()
        .position(|l| l.starts_with("trade_signs:"))
        .map_or(1, |i| i + 1);
    let mut by_trade = BTreeMap::new();
    for (trade, written) in raw {
        if !trades.contains(&trade.as_str()) {
            let line = text
                .lines()
                .enumerate()
                .skip(table_line)
                .find(|(_, l)| l.trim_start().starts_with(&format!("{trade}:")))
                .map_or(table_line, |(i, _)| i + 1);
            let column = line_column(text, line, &trade);
            diagnostics.push(
                Diagnostic::error(
                    name,
                    text,
                    line,
                    column,
                    format!(
                        "`{trade}` is not a choice of `{PROFESSION}`; the choices are {}",
                        if trades.is_empty() {
                            "none".to_owned()
                        } else {
                            trades
                                .iter()
                                .map(|t| format!("`{t}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    ),
                )
                .with_width(trade.chars().count()),
            );
            continue;
        }
        let mut signs = Vec::new();
        for sign in written {
            let value = sign.value.trim();
            let (word, open) = value
                .strip_suffix('*')
                .map_or((value, false), |w| (w.trim_end(), true));
            let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
            let problem = if word.contains('*') {
                Some("`*` stands for any ending, so it comes last")
            } else if letters < 2 {
                Some("a sign is a word of two letters or more")
            } else if !word.starts_with(char::is_alphanumeric) {
                Some("a sign starts with a letter or a digit")
            } else {
                None
            };
            if let Some(problem) = problem {
                diagnostics.push(
                    Diagnostic::spanned(
                        name,
                        text,
                        &sign,
                        format!("the sign `{}` of `{trade}`: {problem}", sign.value),
                    )
                    .with_width(sign.value.chars().count().max(1)),
                );
                continue;
            }
            signs.push(Sign {
                chars: word.chars().map(lower_char).collect(),
                open,
            });
        }
        by_trade.insert(trade, signs);
    }
    Signs {
        by_trade: by_trade.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Table {
        trade_signs: BTreeMap<String, Vec<Spanned<String>>>,
    }

    /// The signs of `table`, written as `library.yaml` writes them; `trades` are the rows of
    /// `trades:`. Returns them with every problem, as `line:column: message`.
    fn load(text: &str, trades: &[&str]) -> (Signs, Vec<String>) {
        let table: Table = serde_saphyr::from_str(text).unwrap();
        let mut diagnostics = Vec::new();
        let signs = load_signs(
            "library.yaml",
            text,
            Some(table.trade_signs),
            trades,
            &mut diagnostics,
        );
        let messages = diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        (signs, messages)
    }

    fn signs(table: &[(&str, &[&str])]) -> Signs {
        let mut text = String::from("trade_signs:\n");
        for (trade, words) in table {
            let words: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            text.push_str(&format!("  {trade}: [{}]\n", words.join(", ")));
        }
        let trades: Vec<&str> = table.iter().map(|(t, _)| *t).collect();
        let (signs, problems) = load(&text, &trades);
        assert!(problems.is_empty(), "{problems:#?}");
        signs
    }

    fn words(signs: &Signs, text: &str, own: &str) -> Vec<(String, Vec<String>)> {
        signs
            .foreign(text, own)
            .into_iter()
            .map(|(range, trades)| {
                (
                    text[range].to_owned(),
                    trades.into_iter().map(str::to_owned).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_sign_is_found_at_a_word_start_in_any_case_with_its_ending_when_open() {
        let signs = signs(&[
            (
                "web-design",
                &["website*", "WordPress", "web page*", "web sitesi*"],
            ),
            ("translation", &["translat*"]),
        ]);
        let got = words(
            &signs,
            "Translate the WEBSITES: five web\n pages on wordpress, not wordpressy; web sitesinin metni",
            "translation",
        );
        let expect = [
            ("WEBSITES", "web-design"),
            ("web\n pages", "web-design"),
            ("wordpress", "web-design"),
            ("web sitesinin", "web-design"),
        ];
        assert_eq!(
            got,
            expect
                .map(|(w, t)| (w.to_owned(), vec![t.to_owned()]))
                .to_vec()
        );
        // Not inside a word, and each word once whatever its case.
        assert_eq!(
            words(&signs, "subwebsite, Website, website", "translation").len(),
            1
        );
        // The contract's own trade's signs are never foreign.
        assert_eq!(
            words(&signs, "Translation of the website", "web-design").len(),
            1
        );
        assert!(words(&signs, "Website redesign", "web-design").is_empty());
    }

    #[test]
    fn a_word_several_trades_share_is_foreign_only_to_the_others() {
        let signs = signs(&[
            ("web-design", &["website*"]),
            ("copywriting", &["website*", "slogan*"]),
            ("translation", &["translat*"]),
        ]);
        assert!(words(&signs, "Website copy", "copywriting").is_empty());
        assert_eq!(
            words(&signs, "Website copy", "translation"),
            [(
                "Website".to_owned(),
                vec!["copywriting".to_owned(), "web-design".to_owned()]
            )]
        );
    }

    #[test]
    fn every_problem_of_the_table_is_located() {
        let text = "trade_signs:\n  translation: [translat*, \"*x\", a, \"tr*ans\"]\n  astronaut: [rocket*]\n";
        let (found, got) = load(text, &["translation", "web-design"]);
        assert_eq!(
            got,
            [
                "3:3: `astronaut` is not a choice of `freelancer.profession`; the choices are `translation`, `web-design`",
                "2:28: the sign `*x` of `translation`: `*` stands for any ending, so it comes last",
                "2:34: the sign `a` of `translation`: a sign is a word of two letters or more",
                "2:37: the sign `tr*ans` of `translation`: `*` stands for any ending, so it comes last",
            ]
        );
        assert_eq!(found.by_trade["translation"].len(), 1);
    }
}
