//! archc: a diagram-as-code compiler for customer architecture reviews.

pub mod layout;
pub mod render;
