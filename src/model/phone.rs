//! Phone numbers: takes the text of a phone answer and says whether it is a whole number with
//! its country code, checked against that country's numbering plan, or what is missing.
//!
//! The plans are libphonenumber's (`data/phonenumber/`), as the `phonenumber` crate reads
//! them. That crate compiles the regular expressions of a plan when a number first needs them,
//! which cost a fresh process 23 million instructions for two US numbers, more than a quarter
//! of a `build`. The build script instead compiles every pattern a check uses into a small
//! automaton over the digits ([`plan`]), cut into one table per calling code; [`read`] reads a
//! number as the crate reads it and walks those automata, so a check compiles nothing (but for
//! the plans that strip a national prefix by a pattern: that one pattern, when a number of
//! theirs is read). A number is valid here exactly when the crate's whole database says so:
//! the tests compare the two.

mod plan;
mod read;

use self::read::NotANumber;
use super::refusal::Phone;

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
    let number = read::read(trimmed);
    if number.as_ref().is_ok_and(read::is_valid) {
        return Ok(());
    }
    let unknown = || {
        refuse(
            "no country has the code after the +; check it",
            Phone::UnknownCountryCode,
        )
    };
    if calling_code(trimmed).is_none() {
        return unknown();
    }
    match number {
        Err(NotANumber::InvalidCountryCode) => unknown(),
        Err(NotANumber::TooLong) => refuse("too many digits", Phone::TooManyDigits),
        Err(_) => refuse("too few digits after the country code", Phone::TooFewDigits),
        Ok(number) => Err((
            format!(
                "not a complete number for country code +{}: check the area code and the number of digits",
                number.code
            ),
            Phone::Incomplete(number.code),
        )),
    }
}

/// The calling code `text` starts with (after its `+`), read as written: the digits before
/// any other character but a space. Calling codes are one to three digits and none is the
/// start of another, so at most one length matches.
fn calling_code(text: &str) -> Option<u16> {
    let digits: String = text
        .trim_start_matches('+')
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .filter(char::is_ascii_digit)
        .take(3)
        .collect();
    (1..=digits.len()).find_map(|length| {
        let code: u16 = digits[..length].parse().ok()?;
        read::regions_of(code).map(|_| code)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The crate's own verdict, from the database of every region.
    fn crate_says_valid(text: &str) -> bool {
        phonenumber::parse(None, text).is_ok_and(|number| phonenumber::is_valid(&number))
    }

    /// The crate's reading of `text`: its code and national number, or why it is none.
    fn crate_reads(text: &str) -> Result<(u16, String), NotANumber> {
        use phonenumber::ParseError as E;
        phonenumber::parse(None, text)
            .map(|n| (n.code().value(), n.national().to_string()))
            .map_err(|e| match e {
                E::NoNumber => NotANumber::NoNumber,
                E::InvalidCountryCode => NotANumber::InvalidCountryCode,
                E::TooShortNsn | E::TooShortAfterIdd => NotANumber::TooShortNsn,
                E::TooLong => NotANumber::TooLong,
                E::MalformedInteger(_) => NotANumber::MalformedInteger,
            })
    }

    /// Says whether `check_phone` and the crate agree on `text`, and read it alike.
    fn agree(text: &str) -> Result<(), String> {
        let ours = read::read(text).map(|n| (n.code, n.national));
        let theirs = crate_reads(text);
        if ours != theirs {
            return Err(format!("{text:?}: read {ours:?}, the crate {theirs:?}"));
        }
        let valid = check_phone(text).is_ok();
        if valid != crate_says_valid(text) {
            return Err(format!("{text:?}: valid {valid}, the crate not"));
        }
        Ok(())
    }

    /// Numbers of many plans, valid and not, in each written form.
    const NUMBERS: &[&str] = &[
        // The United States, Canada and the Caribbean: fixed, mobile, toll free, premium,
        // short, with the national prefix 1, in each written form.
        "+1 217 555 0142",
        "+1 217 555 0187",
        "+1 212 736 5000",
        "+1 650 253 0000",
        "+1 800 555 0199",
        "+1 888 555 0123",
        "+1 900 555 0123",
        "+1 416 555 0199",
        "+1 604 555 0123",
        "+1 876 555 0123",
        "+1 268 464 1234",
        "+1 1 217 555 0142",
        "+1 555 0100",
        "+1 200 555 0100",
        "+1 217 555 01",
        "+1 217 555 01420",
        "+1 (217) 555-0142",
        "+1-217-555-0142",
        "+1.217.555.0142",
        "+1 217 555 0142 x 12",
        "+1 217 555 0142 / x 13",
        "+12175550142",
        // The United Kingdom and its Crown Dependencies.
        "+44 20 7946 0958",
        "+44 (0)20 7946 0958",
        "+44 7700 900123",
        "+44 7911 123456",
        "+44 800 123 4567",
        "+44 808 157 0192",
        "+44 1624 756789",
        "+44 7624 123456",
        "+44 1534 456789",
        "+44 20 7946",
        "+44 20 7946 09581",
        "+44 1",
        // Turkey: fixed, mobile, toll free.
        "+90 212 555 12 34",
        "+90 312 123 45 67",
        "+90 532 123 45 67",
        "+90 505 123 45 67",
        "+90 800 123 45 67",
        "+90 444 1 234",
        "+90 212 555",
        "+90 532 123 45 678",
        // Germany: fixed lines of every length, mobile, toll free.
        "+49 30 901820",
        "+49 30 12345678",
        "+49 89 1234567",
        "+49 1512 3456789",
        "+49 171 1234567",
        "+49 800 1234567",
        "+49 33 1234",
        "+49 1512 345",
        // France: fixed, mobile, toll free.
        "+33 1 42 68 53 00",
        "+33 6 12 34 56 78",
        "+33 7 81 23 45 67",
        "+33 800 12 34 56",
        "+33 0 1 42 68 53 00",
        "+33 1 42 68 53",
        "+33 1 42 68 53 001",
        // Elsewhere: shared codes (+7, +39), national prefixes by pattern, non-geographic
        // codes, and codes no country has.
        "+353 1 234 5678",
        "+7 495 123 45 67",
        "+7 727 250 1234",
        "+7 701 123 4567",
        "+800 1234 5678",
        "+882 1234 5678",
        "+39 06 6982",
        "+39 06 6982 1234",
        "+39 312 345 6789",
        "+54 9 11 1234 5678",
        "+54 11 1234 5678",
        "+55 11 91234 5678",
        "+52 1 55 1234 5678",
        "+52 55 1234 5678",
        "+57 601 234 5678",
        "+61 2 9876 5432",
        "+81 3 1234 5678",
        "+86 10 1234 5678",
        "+91 98765 43210",
        // Plans that strip or rewrite a national prefix by a pattern with groups.
        "+54 11 15 1234 5678",
        "+54 0 11 15 1234 5678",
        "+672 12345",
        "+672 3 12345",
        "+672 62345",
        "+378 812345",
        "+378 0549 812345",
        "+261 2345678",
        "+261 20 23 456 78",
        "+241 011 12 34 56",
        "+241 11 12 34 56",
        "+81 0003 1234 5678",
        "+61 8 9162 1234",
        "+61 5123 4567",
        "+999 1234 5678",
        "+0 1234 5678",
        "+",
        "+1",
        "++1 217 555 0142",
        "+1 217+555 0142",
        "+4x-20-7946-0958",
    ];

    #[test]
    fn a_number_is_valid_exactly_when_the_crates_whole_database_says_so() {
        for number in NUMBERS {
            agree(number).unwrap();
        }
        // Among them, fixed, mobile and toll-free numbers of five countries, whole and cut.
        for valid in [
            "+1 217 555 0142",
            "+1 800 555 0199",
            "+44 20 7946 0958",
            "+44 7911 123456",
            "+44 800 123 4567",
            "+90 212 555 12 34",
            "+90 532 123 45 67",
            "+90 800 123 45 67",
            "+49 30 901820",
            "+49 1512 3456789",
            "+49 800 1234567",
            "+33 1 42 68 53 00",
            "+33 6 12 34 56 78",
            "+33 800 12 34 56",
        ] {
            assert_eq!(check_phone(valid), Ok(()), "{valid}");
        }
        for (cut, code) in [
            ("+1 217 555 01", 1),
            ("+44 20 7946", 44),
            ("+90 532 123 45 678", 90),
            ("+49 1512 345", 49),
            ("+33 1 42 68 53", 33),
        ] {
            assert_eq!(
                check_phone(cut).unwrap_err().1,
                Phone::Incomplete(code),
                "{cut}"
            );
        }
    }

    #[test]
    fn every_example_number_of_every_plan_is_judged_as_the_crate_does() {
        use phonenumber::metadata::DATABASE;
        let mut checked = 0;
        for region in DATABASE.iter() {
            let code = region.country_code();
            let d = region.descriptors();
            let kinds = [
                Some(d.general()),
                d.fixed_line(),
                d.mobile(),
                d.toll_free(),
                d.premium_rate(),
                d.shared_cost(),
                d.personal_number(),
                d.voip(),
                d.pager(),
                d.uan(),
                d.voicemail(),
            ];
            for example in kinds.into_iter().flatten().filter_map(|k| k.example()) {
                // The number, one digit short, one digit long, and after the national prefix.
                let prefix = region.national_prefix().unwrap_or("0");
                for national in [
                    example.to_owned(),
                    example[..example.len() - 1].to_owned(),
                    format!("{example}5"),
                    format!("{prefix}{example}"),
                ] {
                    agree(&format!("+{code} {national}")).unwrap();
                    checked += 1;
                }
            }
        }
        assert!(checked > 4000, "{checked}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any text of the characters a phone answer may hold, after a `+` and the start of
        /// a real calling code.
        #[test]
        fn any_answer_is_read_and_judged_as_the_crate_does(
            code in prop::sample::select(vec![
                "1", "44", "90", "49", "33", "7", "39", "54", "52", "262", "800", "9", "672",
                "378", "261", "241", "81",
            ]),
            rest in "[0-9 +().x/-]{0,22}",
        ) {
            let text = format!("+{code}{rest}");
            let text = text.trim();
            prop_assume!(text.chars().filter(char::is_ascii_digit).count() <= 20);
            prop_assert!(agree(text).is_ok(), "{}", agree(text).unwrap_err());
        }

        /// A number of a real calling code and digits only, spaced as people space them.
        #[test]
        fn any_run_of_digits_is_judged_as_the_crate_does(
            code in prop::sample::select(vec![
                "1", "44", "90", "49", "33", "7", "39", "55", "61", "352", "882", "672", "378",
                "261", "241",
            ]),
            digits in "[0-9]{4,14}",
            space in prop::sample::select(vec![" ", "", "-"]),
        ) {
            let text = format!("+{code}{space}{digits}");
            prop_assert!(agree(&text).is_ok(), "{}", agree(&text).unwrap_err());
        }
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
        assert_eq!(
            check_phone("+99").unwrap_err().0,
            "no country has the code after the +; check it"
        );
        assert_eq!(
            check_phone("+1 217 555 0142 0142 0142 0142").unwrap_err().0,
            "too many digits"
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
    fn the_plans_of_a_calling_code_are_found_by_the_digits_after_the_plus() {
        assert_eq!(calling_code("+1 217 555 0142"), Some(1));
        assert_eq!(calling_code("+44 20 7946 0958"), Some(44));
        assert_eq!(calling_code("+3 53 1 234 5678"), Some(353));
        assert_eq!(calling_code("+999 1234"), None);
        assert_eq!(calling_code("+(44) 20"), None);
    }
}
