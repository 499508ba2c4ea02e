//! Timing shared by the benches: the median of many runs in process, after a warm-up of a tenth
//! as many. Each bench prints the figure in its own unit.

use std::time::{Duration, Instant};

/// Runs `work` a tenth of `runs` times to warm up, then `runs` times, and returns the median time
/// of one run.
pub fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    for _ in 0..runs.div_ceil(10) {
        work();
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    samples.sort_unstable();
    samples[samples.len() / 2]
}
