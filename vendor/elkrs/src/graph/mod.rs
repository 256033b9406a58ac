//! Rust port of the Eclipse Layout Kernel graph model
//! (`org.eclipse.elk.graph` plus the math classes from
//! `org.eclipse.elk.core.math`).

pub mod graph;
pub mod math;
pub mod properties;
