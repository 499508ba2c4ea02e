//! Timing shared by the benches: the median of many runs in process, after a warm-up of a tenth
//! as many. Each bench prints the figure in its own unit.

use std::time::{Duration, Instant};

/// Runs `work` a tenth of `runs` times to warm up, then `runs` times, and returns the median time
/// of one run. `BENCH_RUNS=N` runs it N times instead (and once to warm up), to count one
/// run's instructions under a profiler: `valgrind --tool=callgrind` with N and with N + 10,
/// the difference divided by ten.
pub fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(runs);
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
