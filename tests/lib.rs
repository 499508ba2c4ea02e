//! The one integration test binary: the modules below drive the real `clausewright` binary and
//! compare what it prints and writes with golden files under `tests/fixtures/`.
//!
//! Set `CLAUSEWRIGHT_BLESS=1` to rewrite the golden files from the current output.

mod build;
mod check;
mod examples;
mod support;
