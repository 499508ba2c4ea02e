//! The language of the text being laid out: takes a word and returns its hyphenation points
//! by that language's patterns; words the page footer.

use std::cell::RefCell;
use std::collections::HashMap;

/// The language of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Language {
    /// English: `hypher`'s patterns from TeX's `hyph-en-us`, at least two letters before a
    /// break and three after, as US typesetting does.
    #[default]
    English,
    /// Turkish: `hypher`'s patterns from TeX's `hyph-tr`, which break between syllables
    /// (`söz-leş-me-si`), at least two letters on each side, as TeX's Turkish setup does.
    Turkish,
}

impl Language {
    /// The footer's page number: `Page 2 of 5`; in Turkish `Sayfa 2 / 5`, as Turkish
    /// documents number their pages.
    #[must_use]
    pub fn page_number(self, page: usize, total: usize) -> String {
        match self {
            Language::English => format!("Page {page} of {total}"),
            Language::Turkish => format!("Sayfa {page} / {total}"),
        }
    }

    /// The syllables of a run of letters, as character counts. A contract repeats its words
    /// ("Agreement", "Client"), so each thread keeps the syllables of the words it has seen.
    pub(super) fn syllables(self, word: &str) -> Vec<usize> {
        thread_local! {
            static SEEN: RefCell<[HashMap<String, Vec<usize>>; 2]> = RefCell::default();
        }
        SEEN.with_borrow_mut(|seen| {
            let seen = &mut seen[self as usize];
            if let Some(syllables) = seen.get(word) {
                return syllables.clone();
            }
            let syllables = self.hyphenate(word);
            seen.insert(word.to_owned(), syllables.clone());
            syllables
        })
    }

    /// The syllables of a run of letters by the language's patterns.
    fn hyphenate(self, word: &str) -> Vec<usize> {
        match self {
            Language::English => hypher::hyphenate_bounded(word, hypher::Lang::English, 2, 3)
                .map(|s| s.chars().count())
                .collect(),
            Language::Turkish => {
                // Turkish case: `I` is the capital of `ı` and `İ` of `i`; hypher lowercases
                // as English does, which would leave `İ` unknown to the patterns.
                let lower: String = word
                    .chars()
                    .map(|c| match c {
                        'I' => 'ı',
                        'İ' => 'i',
                        c => c.to_lowercase().next().unwrap_or(c),
                    })
                    .collect();
                hypher::hyphenate_bounded(&lower, hypher::Lang::Turkish, 2, 2)
                    .map(|s| s.chars().count())
                    .collect()
            }
        }
    }
}
