//! Reading a phone number as the `phonenumber` crate (0.3.10) reads it with its whole
//! database: takes the text of a phone answer and gives its calling code and national number,
//! or the crate's reason it is not a number; then says whether the number is valid.
//!
//! Each step follows the crate's own (its `parser::parse_with`, `parser::helper`,
//! `parser::rfc3966`, `parser::natural`, `parser::valid` and `validator`), with its quirks,
//! for the characters [`super::check_phone`] lets through (ASCII digits, space and
//! `+ - ( ) . x /`): the crate's regular expressions over those characters are written here
//! as plain string handling, and each region's patterns are the automata of [`super::plan`].
//! The tests compare readings and verdicts with the crate's on every example number of every
//! plan, on listed numbers and on random answers.

use std::sync::{Mutex, OnceLock, PoisonError};

use regex_automata::nfa::thompson::pikevm::PikeVM;

use super::plan::{self, Region};

/// Each calling code with its regions (the main one first), each region serialised on its
/// own as a [`Region`](super::plan::Region) (see `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phones.bin"));

type Table = Vec<(u16, Vec<&'static [u8]>)>;

/// The table of calling codes, decoded once (the regions stay serialised until read).
fn table() -> &'static Table {
    static DECODED: OnceLock<Table> = OnceLock::new();
    DECODED.get_or_init(|| postcard::from_bytes(TABLE).expect("build.rs writes a valid table"))
}

/// The regions of calling code `code`, the main one first; `None` when no region has it.
pub(crate) fn regions_of(code: u16) -> Option<&'static [&'static [u8]]> {
    let table = table();
    let index = table.binary_search_by_key(&code, |(c, _)| *c).ok()?;
    Some(table[index].1.as_slice())
}

/// One region's plan, read in place from the table.
pub(crate) fn region(bytes: &'static [u8]) -> Region<'static> {
    postcard::from_bytes(bytes).expect("build.rs writes each region whole")
}

/// Why a text is not a phone number, as the crate says it (`phonenumber::ParseError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotANumber {
    /// Too few digits, or characters in the wrong place (`NoNumber`).
    NoNumber,
    /// No region has the calling code (`InvalidCountryCode`).
    InvalidCountryCode,
    /// Too few digits after the calling code (`TooShortNsn`).
    TooShortNsn,
    /// Too many digits (`TooLong`).
    TooLong,
    /// A calling code or national number that is not a number (`MalformedInteger`).
    MalformedInteger,
}

/// A phone number as read: its calling code and its national number (digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) code: u16,
    pub(crate) national: String,
}

/// Reads `text` (a phone answer, trimmed, of the characters `check_phone` allows) as the
/// crate's `parse(None, text)` does.
pub(crate) fn read(text: &str) -> Result<Number, NotANumber> {
    let (prefix, national) = rfc3966(text)
        .or_else(|| natural(text))
        .ok_or(NotANumber::NoNumber)?;
    if !is_viable(national) {
        return Err(NotANumber::NoNumber);
    }
    let (code, mut national) = country_code(prefix, national)?;
    if let Some(region) = source_for(code, national.trim_start_matches('0')) {
        let mut potential = national_number(&region, &national);
        if let Some(prefix) = region.national_prefix
            && potential.starts_with(prefix)
        {
            potential.drain(..prefix.len());
        }
        if !too_short(&region, potential.len()) {
            national = potential;
        }
    }
    if national.len() < 2 {
        return Err(NotANumber::TooShortNsn);
    }
    if national.len() > 17 {
        return Err(NotANumber::TooLong);
    }
    // The crate keeps the national number as its leading zeros and the value after them.
    let zeros = national.bytes().take_while(|&b| b == b'0').count();
    let value: u64 = national[zeros..]
        .parse()
        .map_err(|_| NotANumber::MalformedInteger)?;
    if value >= 1 << 56 {
        return Err(NotANumber::TooLong);
    }
    Ok(Number {
        code,
        national: format!("{}{value}", "0".repeat(zeros)),
    })
}

/// Whether a number read is valid, as the crate's `is_valid` says: valid in the region its
/// code and digits point to.
pub(crate) fn is_valid(number: &Number) -> bool {
    source_for(number.code, &number.national).is_some_and(|r| is_of_a_type(&r, &number.national))
}

/// The RFC 3966 form (`+1-217-555-0142`, no spaces): the text after the `+` up to the first
/// of `- . ( )` is the calling code, the rest the national number (digits and those four).
/// `None` when the text is not of that form (the crate then reads it as written naturally).
fn rfc3966(text: &str) -> Option<(Option<String>, &str)> {
    if text.contains(' ') {
        return None;
    }
    let rest = text.strip_prefix('+')?;
    let separator = |c: char| "-.()".contains(c);
    let split = rest.find(separator).filter(|&at| at > 0)?;
    let (prefix, national) = rest.split_at(split);
    // The crate takes hexadecimal digits for digits here.
    let taken = national
        .find(|c: char| !(c.is_ascii_hexdigit() || separator(c)))
        .unwrap_or(national.len());
    (taken == national.len() || national[taken..].starts_with(';'))
        .then(|| (Some(normalize(prefix)), &national[..taken]))
}

/// The natural form (`+1 (217) 555-0142 x12`): from the first `+` or digit, without the
/// trailing characters that are neither digits nor letters, without a second number after
/// `/ x`, and without an extension (` x12`) at the end.
fn natural(text: &str) -> Option<(Option<String>, &str)> {
    let start = text.find(|c: char| c == '+' || c.is_ascii_digit())?;
    let mut number = text[start..].trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if let Some(cut) = number.char_indices().find_map(|(at, c)| {
        ("/\\".contains(c) && number[at + 1..].trim_start_matches(' ').starts_with('x'))
            .then_some(at)
    }) {
        number = &number[..cut];
    }
    if number.is_empty() {
        return None;
    }
    // An extension: spaces, `x`, an optional `.`, spaces or dashes, up to seven digits, at
    // the end. Only the last `x` can start one (no `x` may follow it).
    if let Some(x) = number.rfind('x') {
        let after = &number[x + 1..];
        let after = after.strip_prefix('.').unwrap_or(after);
        let digits = after.trim_start_matches([' ', '-']);
        if digits.len() <= 7 && digits.bytes().all(|b| b.is_ascii_digit()) {
            number = number[..x].trim_end_matches(' ');
        }
    }
    Some((None, number))
}

/// Whether the crate deems `national` a possible number (`is_viable`): two digits, or pluses
/// then at least three digits among punctuation, letters only after the third digit.
fn is_viable(national: &str) -> bool {
    if national.len() < 2 {
        return false;
    }
    if national.len() == 2 && national.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut digits = 0;
    for c in national.trim_start_matches('+').chars() {
        let allowed = c.is_ascii_digit()
            || "-x ().[]/~*".contains(c)
            || (digits >= 3 && c.is_ascii_alphabetic());
        if !allowed {
            return false;
        }
        digits += usize::from(c.is_ascii_digit());
    }
    digits >= 3
}

/// The digits of `text`, each letter as its telephone keypad digit, nothing else.
fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            d @ '0'..='9' => Some(d),
            'a'..='c' => Some('2'),
            'd'..='f' => Some('3'),
            'g'..='i' => Some('4'),
            'j'..='l' => Some('5'),
            'm'..='o' => Some('6'),
            'p'..='s' => Some('7'),
            't'..='v' => Some('8'),
            'w'..='z' => Some('9'),
            _ => None,
        })
        .collect()
}

/// The calling code and the national number's digits (`parser::helper::country_code` after
/// `international_prefix`, with no default country): the RFC 3966 form's code, else the
/// first one to three digits after the leading pluses that are a calling code.
fn country_code(prefix: Option<String>, national: &str) -> Result<(u16, String), NotANumber> {
    let national = if prefix.is_some() {
        normalize(national)
    } else {
        let rest = national.trim_start_matches('+');
        if rest.len() == national.len() {
            // No `+`: the crate wants a default country, and none is given.
            return Err(NotANumber::InvalidCountryCode);
        }
        normalize(rest)
    };
    if national.len() <= 2 {
        return Err(NotANumber::TooShortNsn);
    }
    if let Some(prefix) = prefix {
        let code: u16 = prefix.parse().map_err(|_| NotANumber::MalformedInteger)?;
        return match regions_of(code) {
            Some(_) => Ok((code, national)),
            None => Err(NotANumber::InvalidCountryCode),
        };
    }
    if national.starts_with('0') {
        return Err(NotANumber::InvalidCountryCode);
    }
    (1..=3)
        .find_map(|length| {
            let code: u16 = national[..length].parse().ok()?;
            regions_of(code).map(|_| (code, national[length..].to_owned()))
        })
        .ok_or(NotANumber::InvalidCountryCode)
}

/// The region a number of calling code `code` belongs to (`validator::source_for`): the
/// code's only region, else the first whose leading digits start the number or, for a region
/// without them, of whose types the number is.
fn source_for(code: u16, national: &str) -> Option<Region<'static>> {
    let regions = regions_of(code)?;
    if let [only] = regions {
        return Some(region(only));
    }
    regions
        .iter()
        .map(|bytes| region(bytes))
        .find(|r| match r.leading_digits {
            Some(digits) => digits.matches_start_of(national),
            None => is_of_a_type(r, national),
        })
}

/// Whether `national` is of the region's general description and of one of its types (the
/// crate's `number_type` is not `Unknown`).
fn is_of_a_type(region: &Region, national: &str) -> bool {
    region.general.is_match(national) && region.kinds.iter().any(|k| k.is_match(national))
}

/// The national number without what is dialled before it within the country
/// (`parser::helper::national_number`). Where the region strips it by a pattern, the pattern
/// is compiled here into a Pike VM alone: the crate's regex would add prefilters and a
/// reverse search that cost more to build than the one search they would serve. The match
/// starting the number is the one the crate's leftmost-first `find` and `captures` report.
fn national_number(region: &Region<'static>, national: &str) -> String {
    use regex_automata::{Anchored, Input};
    let Some(pattern) = region.prefix_for_parsing else {
        return match region.national_prefix {
            Some(prefix) if national.starts_with(prefix) => national[prefix.len()..].to_owned(),
            _ => national.to_owned(),
        };
    };
    let parsing = pike_vm(pattern);
    let mut captures = parsing.create_captures();
    parsing.captures(
        &mut parsing.create_cache(),
        Input::new(national).anchored(Anchored::Yes),
        &mut captures,
    );
    let Some(whole) = captures.get_match() else {
        return national.to_owned();
    };
    let last_group = captures.get_group(captures.group_len() - 1);
    match (region.transform, last_group) {
        (Some(transform), Some(_)) => {
            // The crate's `replace`: the match, written by the rule, then the rest.
            let mut transformed = String::new();
            captures.interpolate_string_into(national, transform, &mut transformed);
            transformed.push_str(&national[whole.end()..]);
            if region.general.is_match(national) && !region.general.is_match(&transformed) {
                national.to_owned()
            } else {
                transformed
            }
        }
        _ => national[whole.end()..].to_owned(),
    }
}

/// The Pike VMs compiled so far, by the pattern they were compiled from (a plan's text).
static PIKE_VMS: Mutex<Vec<(&'static str, PikeVM)>> = Mutex::new(Vec::new());

/// The Pike VM of a region's `prefix_for_parsing`, compiled once a process: the client's and
/// the freelancer's numbers are often of one country. A copy shares the compiled program.
fn pike_vm(pattern: &'static str) -> PikeVM {
    let mut made = PIKE_VMS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, vm)) = made.iter().find(|(p, _)| std::ptr::eq(*p, pattern)) {
        return vm.clone();
    }
    let vm = PikeVM::builder()
        .syntax(plan::prefix_syntax())
        .build(pattern)
        .expect("libphonenumber's patterns compile (build.rs compiles each)");
    made.push((pattern, vm.clone()));
    vm
}

/// Whether `length` is shorter than every length of the region's numbers and not a length of
/// its local numbers (`validator::length` is `TooShort`).
fn too_short(region: &Region, length: usize) -> bool {
    let general = &region.general;
    let Ok(length) = u8::try_from(length) else {
        return false;
    };
    general
        .lengths
        .first()
        .is_some_and(|&minimum| length < minimum && !general.local_lengths.contains(&length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_of_a_number_gives_its_code_and_national_number() {
        let us = Ok(Number {
            code: 1,
            national: "2175550142".to_owned(),
        });
        assert_eq!(read("+1 217 555 0142"), us);
        assert_eq!(read("+1 (217) 555-0142"), us);
        assert_eq!(read("+1-217-555-0142"), us);
        assert_eq!(read("+1.217.555.0142"), us);
        assert_eq!(read("+1 217 555 0142 x 12"), us);
        assert_eq!(read("+1 217 555 0142 / x 13"), us);
        // The UK's national prefix 0, written by mistake after the code, is dropped.
        let london = Ok(Number {
            code: 44,
            national: "2079460958".to_owned(),
        });
        assert_eq!(read("+44 (0)20 7946 0958"), london);
        // Argentina strips its national prefix by a pattern, compiled once for both numbers.
        let argentina = |national: &str| {
            Ok(Number {
                code: 54,
                national: national.to_owned(),
            })
        };
        assert_eq!(read("+54 11 15 1234 5678"), argentina("91112345678"));
        assert_eq!(read("+54 0 11 1234 5678"), argentina("1112345678"));
        let pattern = region(regions_of(54).unwrap()[0])
            .prefix_for_parsing
            .unwrap();
        let vms = PIKE_VMS.lock().unwrap();
        assert_eq!(
            vms.iter()
                .filter(|(p, _)| std::ptr::eq(*p, pattern))
                .count(),
            1
        );
        drop(vms);
        assert_eq!(read("+999 1234"), Err(NotANumber::InvalidCountryCode));
        assert_eq!(read("+1 2"), Err(NotANumber::NoNumber));
    }
}
