//! The one integration test binary: the modules below drive the real `clausewright` binary (or,
//! for the PDF stages, the library) and compare what comes out with golden files under
//! `tests/fixtures/` and with what poppler and qpdf read back.
//!
//! Set `CLAUSEWRIGHT_BLESS=1` to rewrite the golden files from the current output.

mod build;
mod build_tr;
mod chase;
mod chase_record;
mod chase_tr;
mod check;
mod commonmark;
mod consumer;
mod diff;
mod docx;
mod examples;
mod freelancer_rights;
mod interest;
mod json;
mod language;
mod new;
mod pdf;
mod pricing;
mod properties;
mod readme;
mod release;
mod schema;
mod signing;
mod support;
mod tools;
mod trades;
