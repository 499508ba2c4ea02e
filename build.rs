//! Build script: turns libphonenumber's numbering plans (`data/phonenumber/`) into one small
//! table per country calling code, so that checking a phone number compiles the patterns of
//! its own country only (see `src/model/phone.rs`), not those of all 250 regions.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use phonenumber::metadata::loader;

fn main() {
    let source = "data/phonenumber/PhoneNumberMetadata.xml";
    println!("cargo:rerun-if-changed={source}");
    let file = File::open(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let regions = loader::load(BufReader::new(file)).unwrap_or_else(|e| panic!("{source}: {e}"));
    // Each calling code's regions, its main country first (as libphonenumber tries them),
    // each region serialised on its own so that a check decodes only the ones it tries.
    let mut by_code: BTreeMap<u16, Vec<(bool, Vec<u8>)>> = BTreeMap::new();
    for mut region in regions {
        ascii_digits(&mut region);
        // How to write a number out is not needed to check one: parsing and validation
        // never read the formats, and the database checks every pattern it is given.
        region.formats.clear();
        region.international_formats.clear();
        let Some(code) = region.country_code else {
            continue;
        };
        let bytes = postcard::to_allocvec(&region).expect("a region serialises");
        by_code
            .entry(code)
            .or_default()
            .push((region.main_country_for_code, bytes));
    }
    let table: Vec<(u16, Vec<Vec<u8>>)> = by_code
        .into_iter()
        .map(|(code, mut regions)| {
            // A stable sort: after the main country, the file's order.
            regions.sort_by_key(|(main, _)| !*main);
            (code, regions.into_iter().map(|(_, bytes)| bytes).collect())
        })
        .collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("phones.bin");
    std::fs::write(
        &out,
        postcard::to_allocvec(&table).expect("the table serialises"),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Writes each pattern's `\d` as `[0-9]`. The regex crate reads `\d` as every Unicode digit,
/// which makes each compiled pattern many times larger and slower to build; the numbers a
/// check matches hold ASCII digits only (`check_phone` refuses any other character), so the
/// two mean the same here. The plans use `\d` only outside character classes, and no other
/// Unicode-aware escape.
fn ascii_digits(region: &mut loader::Metadata) {
    fn rewrite(pattern: &mut String) {
        *pattern = pattern.replace("\\d", "[0-9]");
    }
    fn descriptor(d: Option<&mut loader::Descriptor>) {
        if let Some(pattern) = d.and_then(|d| d.national_number.as_mut()) {
            rewrite(pattern);
        }
    }
    for d in [
        &mut region.general,
        &mut region.fixed_line,
        &mut region.mobile,
        &mut region.toll_free,
        &mut region.premium_rate,
        &mut region.shared_cost,
        &mut region.personal_number,
        &mut region.voip,
        &mut region.pager,
        &mut region.uan,
        &mut region.emergency,
        &mut region.voicemail,
        &mut region.short_code,
        &mut region.standard_rate,
        &mut region.carrier,
        &mut region.no_international,
    ] {
        descriptor(d.as_mut());
    }
    for pattern in [
        &mut region.international_prefix,
        &mut region.national_prefix_for_parsing,
        &mut region.leading_digits,
    ]
    .into_iter()
    .flatten()
    {
        rewrite(pattern);
    }
    for format in region
        .formats
        .iter_mut()
        .chain(&mut region.international_formats)
    {
        if let Some(pattern) = format.pattern.as_mut() {
            rewrite(pattern);
        }
        format.leading_digits.iter_mut().for_each(rewrite);
    }
}
