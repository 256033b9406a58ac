//! MODEL → OTHER TOOLS' FORMATS: one writer per format, each over `&Model` alone.
//!
//! A writer never re-parses and never lays out: what it writes comes from the model's
//! elements (as a tree, in source order), its connections (in source order) and, for JSON,
//! everything else. Each output is byte-deterministic. `drawio` is not here: it needs the
//! layout stage's geometry, so it arrives with `layout`.
//!
//! Shared conventions, so the four formats agree:
//! - a node's text is the element's display label; a container (customer, solution,
//!   group) becomes the format's group (DOT cluster, Mermaid subgraph, D2 container);
//! - an edge's text is [`edge_label`]: the methods' display labels, then the connection's
//!   own label on a second line.

mod d2;
mod dot;
mod json;
mod mermaid;

use crate::model::{Connection, Model, vocab};

pub use json::VERSION as JSON_VERSION;

/// The formats [`export`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The whole model as a versioned JSON document (see the `json` module).
    Json,
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// D2.
    D2,
}

impl Target {
    pub const ALL: [Target; 4] = [Target::Json, Target::Dot, Target::Mermaid, Target::D2];

    pub fn name(self) -> &'static str {
        match self {
            Target::Json => "json",
            Target::Dot => "dot",
            Target::Mermaid => "mermaid",
            Target::D2 => "d2",
        }
    }
}

/// Writes `model` in `target`'s format. Never fails; the text ends with a newline.
pub fn export(model: &Model, target: Target) -> String {
    match target {
        Target::Json => json::write(model),
        Target::Dot => dot::write(model),
        Target::Mermaid => mermaid::write(model),
        Target::D2 => d2::write(model),
    }
}

/// The text an edge carries in every format: the methods' display labels joined with `/`
/// ("ETL/CDC"), then the connection's own label on a second line. Empty when the
/// connection has neither.
pub fn edge_label(connection: &Connection) -> String {
    let methods = vocab::methods_label(&connection.methods);
    let own = connection.label.as_deref().unwrap_or("");
    match (methods.is_empty(), own.is_empty()) {
        (false, false) => format!("{methods}\n{own}"),
        (false, true) => methods,
        (true, _) => own.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn model(text: &str) -> Model {
        crate::compile(&Source::new("test.arch", text.to_string())).model
    }

    #[test]
    fn edge_label_joins_methods_then_the_connections_own_label() {
        let m = model(
            "customer c { system a\n system b }\n\
             a -> b : etl, cdc \"Nightly\"\n a -> b : rest\n a -> b \"Only a label\"\n a -> b\n",
        );
        let labels: Vec<String> = m.connections.iter().map(edge_label).collect();
        assert_eq!(labels, ["ETL/CDC\nNightly", "REST API", "Only a label", ""]);
    }

    #[test]
    fn every_target_ends_with_a_newline_even_for_an_empty_model() {
        let empty = Model::default();
        for target in Target::ALL {
            let text = export(&empty, target);
            assert!(text.ends_with('\n'), "{}: {text:?}", target.name());
        }
    }
}
