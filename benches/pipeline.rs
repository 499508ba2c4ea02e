//! Benchmarks of the pipeline stages.
fn main() {}
