//! MODEL/GEOMETRY → BYTES: the renderers. They read the model (and the layout), never the text.

pub mod png;
pub mod svg;
pub mod table;
pub mod theme;
pub mod view;
