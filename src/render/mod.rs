//! FINISHED DIAGRAM → BYTES: the picture writers. They read only a [`crate::diagram::Diagram`]:
//! never the model, the view or the text measurement.

pub mod png;
pub mod svg;
