//! Phone numbers: takes the text of a phone answer and says whether it is a whole number with
//! its country code, checked against that country's numbering plan, or what is missing.
//!
//! The plans are libphonenumber's (`data/phonenumber/`), read through the `phonenumber` crate.
//! That crate's own database compiles the patterns of all 250 regions the first time it is
//! used, which took longer than the rest of a `build` together. The build script instead cuts
//! the plans into one table per calling code; a check decodes and compiles only the regions
//! of the number's own code: it parses the number by the main country's plan, as the crate
//! does, and stops at the first region the number is valid in. A number is valid here exactly when it is valid in some region of its
//! calling code, as in the crate's database (the tests compare the two).

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use phonenumber::metadata::{Database, loader};

use super::refusal::Phone;

/// Each calling code with its regions, each region serialised on its own (see `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phones.bin"));

type Table = Vec<(u16, Vec<&'static [u8]>)>;

/// A phone number as a contract needs it: with its country code, whole for that country's
/// numbering plan. The error says what is missing or wrong, in English and as a fact.
pub(crate) fn check_phone(text: &str) -> Result<(), (String, Phone)> {
    let refuse = |english: &str, problem: Phone| Err((english.to_owned(), problem));
    if let Some(c) = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-().x/".contains(*c)))
    {
        return if c.is_alphabetic() {
            refuse("letters are not allowed", Phone::Letters)
        } else {
            refuse(
                "only digits, spaces, +, -, ( and ) are allowed",
                Phone::Characters,
            )
        };
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits > 20 {
        return refuse("too many digits", Phone::TooManyDigits);
    }
    let trimmed = text.trim();
    if trimmed.starts_with("00") {
        return refuse(
            "write + in place of the 00 before the country code",
            Phone::DoubleZero,
        );
    }
    if !trimmed.starts_with('+') {
        return refuse(
            "the country code is missing: start with + and the country's code, such as +1 for \
             the United States or Canada, +44 for the United Kingdom",
            Phone::NoCountryCode,
        );
    }
    let unknown = || {
        (
            "no country has the code after the +; check it".to_owned(),
            Phone::UnknownCountryCode,
        )
    };
    let (code, regions) = calling_code(trimmed).ok_or_else(unknown)?;
    // Parsed as the whole database parses it: by the main country's plan (its national
    // prefix, its rules for local numbers); then valid in whichever region of the code.
    let main = database_of(code, 0, regions[0]);
    let number = phonenumber::parse_with(&main, None, trimmed).map_err(|error| match error {
        phonenumber::ParseError::InvalidCountryCode => unknown(),
        phonenumber::ParseError::TooLong => ("too many digits".to_owned(), Phone::TooManyDigits),
        _ => (
            "too few digits after the country code".to_owned(),
            Phone::TooFewDigits,
        ),
    })?;
    let valid = phonenumber::is_valid_with(&main, &number)
        || (1..regions.len()).any(|index| {
            phonenumber::is_valid_with(&database_of(code, index, regions[index]), &number)
        });
    if valid {
        Ok(())
    } else {
        Err((
            format!(
                "not a complete number for country code +{code}: check the area code and the number of digits"
            ),
            Phone::Incomplete(code),
        ))
    }
}

/// The calling code `text` starts with (after its `+`), and its regions. Calling codes are
/// one to three digits and none is the start of another, so at most one length matches.
fn calling_code(text: &str) -> Option<(u16, &'static [&'static [u8]])> {
    let digits: String = text
        .trim_start_matches('+')
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .filter(char::is_ascii_digit)
        .take(3)
        .collect();
    let table = table();
    (1..=digits.len()).find_map(|length| {
        let code: u16 = digits[..length].parse().ok()?;
        let index = table.binary_search_by_key(&code, |(c, _)| *c).ok()?;
        Some((code, table[index].1.as_slice()))
    })
}

/// The table of calling codes, decoded once (the regions stay serialised until tried).
fn table() -> &'static Table {
    static DECODED: OnceLock<Table> = OnceLock::new();
    DECODED.get_or_init(|| postcard::from_bytes(TABLE).expect("build.rs writes a valid table"))
}

/// The regions' databases made so far, by calling code and index.
static MADE: Mutex<BTreeMap<(u16, usize), Database>> = Mutex::new(BTreeMap::new());

/// Makes ready the checks of the phone numbers `text` appears to hold: each one's country
/// plan compiled, and the parser's own patterns. `text` is an answers file before it is read
/// as answers; `build` and `chase` run this on another core while the library loads, so that
/// checking the numbers later costs little. What it finds is dropped: the check that counts
/// is the one on the answers.
pub(crate) fn warm_up(text: &str) {
    for line in text.lines() {
        let Some(start) = line.find('+') else {
            continue;
        };
        let candidate: String = line[start..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || " +-()".contains(*c))
            .collect();
        if candidate.chars().filter(char::is_ascii_digit).count() >= 6 {
            let _ = check_phone(candidate.trim_end());
        }
    }
}

/// A database holding one region: the `index`th of calling code `code`. Made once per
/// process (a copy shares the patterns compiled so far), so that the client's and the
/// freelancer's numbers, often of one country, compile its patterns once.
fn database_of(code: u16, index: usize, region: &[u8]) -> Database {
    let mut made = MADE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    made.entry((code, index))
        .or_insert_with(|| {
            let metadata: loader::Metadata =
                postcard::from_bytes(region).expect("build.rs writes each region whole");
            Database::from(vec![metadata]).expect("libphonenumber's patterns compile")
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crate's own verdict, from the database of every region.
    fn crate_says_valid(text: &str) -> bool {
        phonenumber::parse(None, text).is_ok_and(|number| phonenumber::is_valid(&number))
    }

    #[test]
    fn a_number_is_valid_exactly_when_the_crates_whole_database_says_so() {
        let numbers = [
            "+1 217 555 0142",
            "+1 212 736 5000",
            "+1 416 555 0199",
            "+1 604 555 0123",
            "+1 876 555 0123",
            "+1 555 0100",
            "+1 200 555 0100",
            "+44 20 7946 0958",
            "+44 7700 900123",
            "+44 1624 756789",
            "+44 20 7946",
            "+90 212 555 12 34",
            "+90 532 123 45 67",
            "+90 212 555",
            "+49 30 901820",
            "+49 1512 3456789",
            "+33 1 42 68 53 00",
            "+353 1 234 5678",
            "+7 495 123 45 67",
            "+7 727 250 1234",
            "+800 1234 5678",
            "+882 1234 5678",
            "+39 06 6982",
            "+39 312 345 6789",
            "+1 (217) 555-0142",
        ];
        for number in numbers {
            assert_eq!(
                check_phone(number).is_ok(),
                crate_says_valid(number),
                "{number}: {:?}",
                check_phone(number)
            );
        }
    }

    #[test]
    fn warming_up_compiles_the_plans_of_the_numbers_a_file_holds() {
        let made = || MADE.lock().unwrap().keys().copied().collect::<Vec<_>>();
        // +852 (Hong Kong) is used by no other test of this process.
        assert!(!made().contains(&(852, 0)));
        warm_up("client:\n  name: Acme\n  phone: \"+852 2123 4567\"\n");
        assert!(made().contains(&(852, 0)));
        // Too short to be a number: nothing is tried.
        warm_up("note: \"+376 12\"\n");
        assert!(!made().contains(&(376, 0)));
    }

    #[test]
    fn a_problem_says_what_is_missing() {
        assert_eq!(
            check_phone("+44 1").unwrap_err().0,
            "too few digits after the country code"
        );
        assert_eq!(
            check_phone("+1 555 0100").unwrap_err().0,
            "not a complete number for country code +1: check the area code and the number of digits"
        );
        assert_eq!(
            check_phone("+999 1234 5678").unwrap_err().0,
            "no country has the code after the +; check it"
        );
        assert!(
            check_phone("555-0100")
                .unwrap_err()
                .0
                .starts_with("the country code is missing")
        );
        assert_eq!(
            check_phone("0044 20 7946 0958").unwrap_err().0,
            "write + in place of the 00 before the country code"
        );
    }

    #[test]
    fn every_calling_code_of_the_plans_is_in_the_table_once_with_its_main_country_first() {
        let table = table();
        assert!(table.len() > 200, "{}", table.len());
        assert!(table.windows(2).all(|pair| pair[0].0 < pair[1].0));
        let first_of = |code: u16| {
            let (_, regions) = &table[table.binary_search_by_key(&code, |(c, _)| *c).unwrap()];
            let metadata: loader::Metadata = postcard::from_bytes(regions[0]).unwrap();
            metadata.id.unwrap()
        };
        assert_eq!(first_of(1), "US");
        assert_eq!(first_of(44), "GB");
        assert_eq!(first_of(7), "RU");
        assert_eq!(first_of(90), "TR");
    }
}
