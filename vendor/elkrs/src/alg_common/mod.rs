//! Rust port of `org.eclipse.elk.alg.common` (node spacing, network simplex, ...).

pub mod compaction;
pub mod elkmath;
pub mod jhash;
pub mod networksimplex;
pub mod nodespacing;
pub mod overlaps;
pub mod polyomino;
pub mod spore;
pub mod tree;
pub mod triangulation;
pub mod utils;
