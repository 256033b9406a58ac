//! MODEL/GEOMETRY → BYTES: the renderers. They read the model (and the layout), never the text.

pub mod png;
pub mod svg;
