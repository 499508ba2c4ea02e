use super::*;
use proptest::prelude::*;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// Reads Turkish number words back, accepting only the canonical form: `bin` alone for one
/// thousand, `yüz` alone for one hundred, scales in descending order, words separated by
/// single spaces. Written independently of [`integer_words`], so a round trip through both
/// catches a wrong word, a doubled space, `bir bin`, `bir yüz` or a missing scale.
fn parse_words(text: &str) -> Result<u128, String> {
    if text == "sıfır" {
        return Ok(0);
    }
    let digit = |w: &str| (1..10).find(|&d| ONES[d] == w).map(|d| d as u128);
    let ten = |w: &str| (1..10).find(|&d| TENS[d] == w).map(|d| d as u128 * 10);
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut at = 0;
    let mut total = 0u128;
    let mut last_scale = usize::MAX;
    while at < tokens.len() {
        // One group of 1..=999.
        let start = at;
        let mut group = 0u128;
        if let Some(d) = tokens.get(at).and_then(|w| digit(w))
            && tokens.get(at + 1) == Some(&"yüz")
        {
            if d == 1 {
                return Err(format!("`bir yüz` in {text:?}"));
            }
            group += d * 100;
            at += 2;
        } else if tokens.get(at) == Some(&"yüz") {
            group += 100;
            at += 1;
        }
        if let Some(t) = tokens.get(at).and_then(|w| ten(w)) {
            group += t;
            at += 1;
        }
        if let Some(d) = tokens.get(at).and_then(|w| digit(w)) {
            group += d;
            at += 1;
        }
        let scale = tokens
            .get(at)
            .and_then(|w| SCALES.iter().position(|s| s == w));
        if let Some(k) = scale {
            if k >= last_scale {
                return Err(format!("scales out of order in {text:?}"));
            }
            if k == 0 && at == start {
                group = 1;
            } else if k == 0 && group == 1 {
                return Err(format!("`bir bin` in {text:?}"));
            } else if at == start {
                return Err(format!("a scale without its count in {text:?}"));
            }
            last_scale = k;
            total += group * 1000u128.pow(k as u32 + 1);
            at += 1;
        } else {
            if at == start || at != tokens.len() {
                return Err(format!("unexpected word {:?} in {text:?}", tokens.get(at)));
            }
            total += group;
        }
    }
    Ok(total)
}

#[test]
fn known_forms() {
    // Forms from the TDK's examples ("iki yüz, üç yüz altmış beş, bin iki yüz elli bir",
    // "1.250.000", "1 milyar 500 milyon", "8 trilyon 412 milyar") and the rules that one
    // hundred and one thousand take no "bir" while a million does.
    let cases: &[(u128, &str)] = &[
        (0, "sıfır"),
        (1, "bir"),
        (2, "iki"),
        (3, "üç"),
        (4, "dört"),
        (5, "beş"),
        (6, "altı"),
        (7, "yedi"),
        (8, "sekiz"),
        (9, "dokuz"),
        (10, "on"),
        (11, "on bir"),
        (15, "on beş"),
        (19, "on dokuz"),
        (20, "yirmi"),
        (21, "yirmi bir"),
        (30, "otuz"),
        (40, "kırk"),
        (50, "elli"),
        (60, "altmış"),
        (70, "yetmiş"),
        (80, "seksen"),
        (90, "doksan"),
        (99, "doksan dokuz"),
        (100, "yüz"),
        (101, "yüz bir"),
        (110, "yüz on"),
        (200, "iki yüz"),
        (365, "üç yüz altmış beş"),
        (999, "dokuz yüz doksan dokuz"),
        (1_000, "bin"),
        (1_001, "bin bir"),
        (1_100, "bin yüz"),
        (1_251, "bin iki yüz elli bir"),
        (2_000, "iki bin"),
        (10_000, "on bin"),
        (11_000, "on bir bin"),
        (12_400, "on iki bin dört yüz"),
        (100_000, "yüz bin"),
        (101_000, "yüz bir bin"),
        (111_111, "yüz on bir bin yüz on bir"),
        (999_999, "dokuz yüz doksan dokuz bin dokuz yüz doksan dokuz"),
        (1_000_000, "bir milyon"),
        (1_001_000, "bir milyon bin"),
        (1_250_000, "bir milyon iki yüz elli bin"),
        (2_000_001, "iki milyon bir"),
        (100_000_000, "yüz milyon"),
        (1_000_000_000, "bir milyar"),
        (1_500_000_000, "bir milyar beş yüz milyon"),
        (
            999_999_999_999,
            "dokuz yüz doksan dokuz milyar dokuz yüz doksan dokuz milyon \
             dokuz yüz doksan dokuz bin dokuz yüz doksan dokuz",
        ),
        (1_000_000_000_000, "bir trilyon"),
        (8_412_000_000_000, "sekiz trilyon dört yüz on iki milyar"),
        (1_000_000_000_001_000, "bir katrilyon bin"),
    ];
    for &(n, expected) in cases {
        assert_eq!(integer_words(n), expected, "{n}");
        assert_eq!(
            parse_words(expected),
            Ok(n),
            "the reader agrees on {expected:?}"
        );
    }
}

#[test]
fn the_reader_refuses_non_canonical_forms() {
    for bad in [
        "bir bin",
        "bir yüz",
        "on  beş",
        "milyon",
        "bin milyon",
        "beş on",
        "yüz yüz",
        "",
    ] {
        assert!(parse_words(bad).is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn every_number_to_a_million_and_a_thousand_reads_back() {
    for n in 0..=1_001_000u128 {
        let text = integer_words(n);
        assert_eq!(parse_words(&text), Ok(n), "{text:?}");
    }
}

#[test]
fn the_largest_decimal_has_words() {
    let text = number_words(Decimal::MAX);
    assert!(text.starts_with("yetmiş dokuz oktilyon "), "{text}");
    assert_eq!(parse_words(&text), Ok(Decimal::MAX.mantissa() as u128));
}

proptest! {
    #[test]
    fn every_number_to_ten_to_the_twelfth_reads_back(n in 0u128..=1_000_000_000_000) {
        prop_assert_eq!(parse_words(&integer_words(n)), Ok(n));
    }

    #[test]
    fn words_and_digits_say_the_same_number(n in 0u64..=1_000_000_000_000) {
        let text = words(Decimal::from(n));
        let (said, rest) = text.split_once(" (").expect("words, then digits");
        prop_assert_eq!(parse_words(said), Ok(u128::from(n)));
        let written = rest.trim_end_matches(')').replace('.', "");
        prop_assert_eq!(written, n.to_string());
    }
}

#[test]
fn decimals_and_signs() {
    assert_eq!(number_words(dec("1.5")), "bir virgül beş");
    assert_eq!(number_words(dec("12.50")), "on iki virgül beş");
    assert_eq!(number_words(dec("0.25")), "sıfır virgül yirmi beş");
    assert_eq!(number_words(dec("2.05")), "iki virgül sıfır beş");
    assert_eq!(number_words(dec("-5")), "eksi beş");
    assert_eq!(number_words(dec("-0")), "sıfır");
    assert_eq!(number_words(dec("1000.000")), "bin");
}

#[test]
fn ordinals_follow_vowel_harmony() {
    let cases: &[(u128, &str)] = &[
        (0, "sıfırıncı"),
        (1, "birinci"),
        (2, "ikinci"),
        (3, "üçüncü"),
        (4, "dördüncü"),
        (5, "beşinci"),
        (6, "altıncı"),
        (7, "yedinci"),
        (8, "sekizinci"),
        (9, "dokuzuncu"),
        (10, "onuncu"),
        (14, "on dördüncü"),
        (20, "yirminci"),
        (30, "otuzuncu"),
        (40, "kırkıncı"),
        (50, "ellinci"),
        (60, "altmışıncı"),
        (70, "yetmişinci"),
        (80, "sekseninci"),
        (90, "doksanıncı"),
        (100, "yüzüncü"),
        (1_000, "bininci"),
        (1_000_000, "bir milyonuncu"),
        (1_000_000_000, "bir milyarıncı"),
    ];
    for &(n, expected) in cases {
        assert_eq!(ordinal_words(n), expected, "{n}");
    }
}

#[test]
fn digits_group_by_full_stops_with_a_decimal_comma() {
    assert_eq!(digits(dec("15")), "15");
    assert_eq!(digits(dec("999")), "999");
    assert_eq!(digits(dec("1500")), "1.500");
    assert_eq!(digits(dec("12400.50")), "12.400,5");
    assert_eq!(digits(dec("1000000")), "1.000.000");
    assert_eq!(digits(dec("-1234")), "-1.234");
}

#[test]
fn numbers_percents_and_periods_as_a_contract_states_them() {
    assert_eq!(words(dec("15")), "on beş (15)");
    assert_eq!(words(dec("1500")), "bin beş yüz (1.500)");
    assert_eq!(percent(dec("50")), "yüzde elli (%50)");
    assert_eq!(percent(dec("1.5")), "yüzde bir virgül beş (%1,5)");
    assert_eq!(percent(dec("100.00")), "yüzde yüz (%100)");
    assert_eq!(percent(dec("0")), "yüzde sıfır (%0)");
    assert_eq!(duration(15, Period::BusinessDays), "on beş (15) iş günü");
    assert_eq!(duration(30, Period::Days), "otuz (30) gün");
    assert_eq!(duration(2, Period::Weeks), "iki (2) hafta");
    assert_eq!(duration(1, Period::Months), "bir (1) ay");
}

#[test]
fn money_in_lira_and_other_currencies() {
    assert_eq!(money(dec("12400"), "TRY", 2), "12.400,00 TL");
    assert_eq!(money(dec("6400.5"), "TRY", 2), "6.400,50 TL");
    assert_eq!(money(dec("0.005"), "TRY", 2), "0,01 TL");
    assert_eq!(money(dec("-3.5"), "TRY", 2), "-3,50 TL");
    assert_eq!(money(dec("-0.001"), "TRY", 2), "0,00 TL");
    assert_eq!(money(dec("1234567.891"), "USD", 2), "1.234.567,89 USD");
    assert_eq!(money(dec("1500"), "JPY", 0), "1.500 JPY");
    assert_eq!(money(dec("999.999"), "EUR", 2), "1.000,00 EUR");
}

#[test]
fn dates_name_the_month() {
    let date = |y, m, d| Date::new(y, m, d).expect("a date");
    assert_eq!(long_date(date(2026, 12, 1)), "1 Aralık 2026");
    let months: Vec<String> = (1..=12).map(|m| long_date(date(2027, m, 28))).collect();
    assert_eq!(
        months,
        [
            "28 Ocak 2027",
            "28 Şubat 2027",
            "28 Mart 2027",
            "28 Nisan 2027",
            "28 Mayıs 2027",
            "28 Haziran 2027",
            "28 Temmuz 2027",
            "28 Ağustos 2027",
            "28 Eylül 2027",
            "28 Ekim 2027",
            "28 Kasım 2027",
            "28 Aralık 2027",
        ]
    );
}

#[test]
fn a_currency_is_named_by_its_turkish_name_and_the_lira_as_tl() {
    assert_eq!(currency_name("TRY"), "Türk lirası (TL)");
    assert_eq!(currency_name("USD"), "ABD doları (USD)");
    assert_eq!(currency_name("EUR"), "avro (EUR)");
    assert_eq!(currency_name("GBP"), "İngiliz sterlini (GBP)");
    assert_eq!(currency_name("SEK"), "SEK");
}
