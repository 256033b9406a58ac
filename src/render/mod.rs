//! BYTES: turning a laid-out diagram into SVG, PNG, tables and reports.

pub mod png;
pub mod svg;
pub mod theme;
pub mod view;
