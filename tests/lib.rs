//! The one integration test binary: every module below drives the real `clausewright` binary.
mod chase;
