//! MODEL → OTHER TOOLS' FORMATS: one writer per format, each over `&Model` alone.
//!
//! A writer never re-parses and never lays out: what it writes comes from the model's
//! elements (as a tree, in source order), its connections (in source order) and, for JSON,
//! everything else. Each output is byte-deterministic. [`drawio`] is the one that also lays
//! the model out, since draw.io wants positions: it writes the finished diagram
//! ([`crate::diagram`]) that `archc render` draws.
//!
//! Shared conventions, so the four formats agree:
//! - a node's text is the element's display label; a container (customer, solution,
//!   group) becomes the format's group (DOT cluster, Mermaid subgraph, D2 container);
//! - an edge's text is [`edge_label`]: the connection's own label with the methods' display
//!   labels in brackets, "SSO (SSO/SAML)", on one line (the layout stage wraps text itself).

mod d2;
mod dot;
mod drawio;
mod json;
mod mermaid;

use crate::diagram::{self, Direction, LayoutError, ThemeName, View};
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

/// Lays `model` out and writes it as a draw.io file; see the `drawio` module. Fails only
/// when the layout stage does.
pub fn drawio(model: &Model) -> Result<String, LayoutError> {
    // The proposed view, laid out downwards: the diagram `archc render` draws by default.
    let options = diagram::Options {
        view: View::Proposed,
        theme: ThemeName::Light,
        direction: Direction::Down,
    };
    diagram::draw(model, &options).map(|d| drawio::write(&d))
}

/// The text an edge carries in every format: the connection's own label, then the methods'
/// display labels joined with `/` in brackets ("Nightly sync (ETL/CDC)"); either alone when
/// the other is missing, and empty when the connection has neither.
pub fn edge_label(connection: &Connection) -> String {
    let methods = vocab::methods_label(&connection.methods);
    let own = connection.label.as_deref().unwrap_or("");
    match (own.is_empty(), methods.is_empty()) {
        (false, false) => format!("{own} ({methods})"),
        (false, true) => own.to_string(),
        (true, _) => methods,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn model(text: &str) -> Model {
        crate::compile(
            &Source::new("test.arch", text.to_string()),
            &crate::lint::LintConfig::default(),
        )
        .model
    }

    #[test]
    fn edge_label_is_the_connections_label_then_its_methods_in_brackets() {
        let m = model(
            "customer c { system a\n system b }\n\
             a -> b : etl, cdc \"Nightly\"\n a -> b : rest\n a -> b \"Only a label\"\n a -> b\n",
        );
        let labels: Vec<String> = m.connections.iter().map(edge_label).collect();
        assert_eq!(
            labels,
            ["Nightly (ETL/CDC)", "REST API", "Only a label", ""]
        );
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
