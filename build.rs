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
    for region in regions {
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
