//! BYTES: turning a laid-out diagram into SVG, PNG, tables and reports.

pub mod png;
