//! The stored form of one region's numbering plan: what checking a phone number reads of
//! libphonenumber's metadata for one country or territory, written by the build script (see
//! `build.rs`) and read in place by [`super::read`], with no pattern compiled at run time.
//!
//! Each pattern a check matches a whole national number against is stored as a finite
//! automaton over the ten digits ([`Digits`]), built and minimised by `build.rs` from the
//! metadata's regular expression. The `phonenumber` crate asks of those patterns only one
//! question: does the pattern match at the start of the number (its `find` at position 0), so
//! the automaton answers exactly that, and walking it costs a few instructions a digit.
//!
//! This file is compiled twice, into the build script and into the library, so it uses
//! nothing but `serde` and `regex-automata`'s syntax settings.

use regex_automata::util::syntax;
use serde::{Deserialize, Serialize};

/// One region's plan: how a national number is read and which numbers are valid.
#[derive(Serialize, Deserialize)]
pub(crate) struct Region<'a> {
    /// The national (trunk) prefix, dialled before a number within the country: the UK's `0`.
    #[serde(borrow)]
    pub(crate) national_prefix: Option<&'a str>,
    /// The regular expression of what precedes a national number when dialled within the
    /// country (libphonenumber's `nationalPrefixForParsing`); compiled only when a number of
    /// this region is read, which needs its captures.
    #[serde(borrow)]
    pub(crate) prefix_for_parsing: Option<&'a str>,
    /// What replaces the match of `prefix_for_parsing` (`$1` and so on for its groups).
    #[serde(borrow)]
    pub(crate) transform: Option<&'a str>,
    /// The digits a number of this region starts with, where the region shares its calling
    /// code and says so (a Canadian number from a US one is told by its number types instead).
    #[serde(borrow)]
    pub(crate) leading_digits: Option<Digits<'a>>,
    /// Every number of the region: its lengths (the local-only ones too) and its pattern.
    #[serde(borrow)]
    pub(crate) general: Kind<'a>,
    /// The types of number (fixed line, mobile, toll free, and so on), each once: a number
    /// is valid when it matches the general description and one of them.
    #[serde(borrow)]
    pub(crate) kinds: Vec<Kind<'a>>,
}

/// How a region's `prefix_for_parsing` is read, by the build script (which checks that each
/// one is read so) and at run time: as the `phonenumber` crate reads its patterns (whitespace
/// ignored), without Unicode classes, which none of those patterns uses, and whose tables the
/// binary then leaves out. On the ASCII digits of a national number the two readings match
/// alike.
pub(crate) fn prefix_syntax() -> syntax::Config {
    syntax::Config::new().ignore_whitespace(true).unicode(false)
}

/// One description of numbers: the general one of a region, or one type of number.
#[derive(Serialize, Deserialize)]
pub(crate) struct Kind<'a> {
    /// The lengths a national number of this kind has; empty when the metadata gives none.
    #[serde(borrow)]
    pub(crate) lengths: &'a [u8],
    /// The lengths of numbers dialled only locally (without their area code).
    #[serde(borrow)]
    pub(crate) local_lengths: &'a [u8],
    /// The numbers of this kind, as an automaton.
    #[serde(borrow)]
    pub(crate) digits: Digits<'a>,
}

impl Kind<'_> {
    /// Whether `national` (digits) is of this kind: of one of its lengths, if it has any, and
    /// starting with a match of its pattern (the `phonenumber` crate's `Descriptor::is_match`).
    pub(crate) fn is_match(&self, national: &str) -> bool {
        (self.lengths.is_empty()
            || u8::try_from(national.len()).is_ok_and(|length| self.lengths.contains(&length)))
            && self.digits.matches_start_of(national)
    }
}

/// A deterministic automaton over the digits 0 to 9, as little-endian `u16`s: the start
/// state, then ten next states for each state (state `s`'s for digit `d` at `1 + 10 s + d`).
/// Two states are not stored: [`ACCEPT`] (a start of the text has matched, so the text does)
/// and [`REFUSE`] (no continuation can match).
#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(transparent)]
pub(crate) struct Digits<'a>(#[serde(borrow)] pub(crate) &'a [u8]);

/// The state reached once a start of the text matches the pattern.
pub(crate) const ACCEPT: u16 = u16::MAX;
/// The state reached once no continuation of the text can match the pattern.
pub(crate) const REFUSE: u16 = u16::MAX - 1;

impl Digits<'_> {
    /// Whether some start of `text` (possibly all of it) matches the pattern. A character
    /// other than a digit matches no pattern of the plans (`build.rs` checks it).
    pub(crate) fn matches_start_of(&self, text: &str) -> bool {
        let at = |index: usize| u16::from_le_bytes([self.0[2 * index], self.0[2 * index + 1]]);
        let mut state = at(0);
        for byte in text.bytes() {
            if state == ACCEPT || state == REFUSE || !byte.is_ascii_digit() {
                break;
            }
            state = at(1 + 10 * usize::from(state) + usize::from(byte - b'0'));
        }
        state == ACCEPT
    }
}
