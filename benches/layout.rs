//! Wall-clock timings of `layout::layout` on generated review-shaped graphs (no harness).
//!
//! Run with `cargo bench --profile dist --bench layout` (the release binaries' profile). It
//! prints one line per size and direction; it asserts nothing about speed (timings belong to
//! this report, not to tests). `ARCHC_BENCH_SIZES=1000` (comma-separated) picks the sizes;
//! wall-clock figures mean little on a loaded machine.

use std::time::{Duration, Instant};

use archc::layout::{self, Direction, samples};

const SIZES: [usize; 4] = [10, 50, 200, 1000];
const DIRECTIONS: [Direction; 2] = [Direction::Down, Direction::Right];

fn main() {
    println!(
        "{:>6} {:>6} {:>6} {:>6} {:>12} {:>12}  result",
        "nodes", "groups", "edges", "dir", "best", "median"
    );
    for n in sizes() {
        for direction in DIRECTIONS {
            bench(n, direction);
        }
    }
}

fn sizes() -> Vec<usize> {
    let Ok(list) = std::env::var("ARCHC_BENCH_SIZES") else {
        return SIZES.to_vec();
    };
    list.split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

fn bench(n_nodes: usize, direction: Direction) {
    let input = samples::review_shaped(n_nodes, direction);
    // Small graphs run often enough for a stable median; large ones take long enough alone.
    let runs = if n_nodes >= 1000 {
        3
    } else if n_nodes >= 200 {
        5
    } else {
        20
    };
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut outcome = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let result = layout::layout(&input);
        times.push(start.elapsed());
        outcome = match result {
            Ok(l) => format!("ok, {:.0} x {:.0}", l.width, l.height),
            Err(e) => e.to_string(),
        };
    }
    times.sort();
    println!(
        "{:>6} {:>6} {:>6} {:>6} {:>12?} {:>12?}  {outcome}",
        n_nodes,
        input.groups.len(),
        input.edges.len(),
        format!("{direction:?}"),
        times[0],
        times[runs / 2],
    );
}
