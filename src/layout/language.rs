//! The language of the text being laid out: takes a word and returns its hyphenation points
//! by that language's patterns; words the page footer.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, PoisonError};

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

    /// Calls `f` with the syllables of a run of letters, as character counts.
    ///
    /// A contract repeats its words ("Agreement", "Client"), so the syllables of every word
    /// hyphenated are kept for the rest of the process, shared by the threads that break
    /// paragraphs: hypher costs some thousands of instructions a word, a look-up a few dozen.
    pub(super) fn syllables<R>(self, word: &str, f: impl FnOnce(&[usize]) -> R) -> R {
        static SEEN: [Mutex<Syllables>; 2] = [const { Mutex::new(Syllables::new()) }; 2];
        let seen = &SEEN[self as usize];
        let lock = || seen.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(syllables) = lock().map.get(word) {
            return f(syllables);
        }
        // Hyphenated without the lock held, so the other threads keep looking words up.
        let syllables: Box<[usize]> = self.hyphenate(word).into();
        let result = f(&syllables);
        lock().map.insert(word.into(), syllables);
        result
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

/// Words and their syllables (character counts), by a hash cheaper than the standard
/// library's for short keys.
struct Syllables {
    map: HashMap<Box<str>, Box<[usize]>, BuildHasherDefault<Fnv>>,
}

impl Syllables {
    const fn new() -> Syllables {
        Syllables {
            map: HashMap::with_hasher(BuildHasherDefault::new()),
        }
    }
}

/// 64-bit FNV-1a: a multiplication a byte, which for a word beats `SipHash`'s set-up.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
