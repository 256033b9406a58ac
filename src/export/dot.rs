//! The DOT export: a Graphviz `digraph` that `dot -Tsvg` draws as the review's diagram.
//!
//! Customers, solutions and groups become nested `subgraph "cluster_<id>"` blocks labelled
//! with their display label; systems and modules become nodes (modules rounded). Every ID
//! and label is a quoted DOT string, so keywords (`node`, `graph`, `edge`), dashes and any
//! text in labels are safe. An edge keeps the file's FROM and TO (so ranks follow the
//! writing) and takes its arrowheads from the arrow: `->` as is, `<-` `dir=back`, `<->`
//! `dir=both`, `--` `dir=none`. Elements carry `class` (their kind) and edges `class`
//! (`existing` or `proposed`), which Graphviz copies into its SVG for styling.
//!
//! Graphviz does not draw an empty cluster, so an empty container gets an invisible
//! anchor node to keep its box.

use std::fmt::Write;

use crate::model::Arrow;
use crate::model::{Connection, ElementId, ElementKind, Model, Status};
use crate::printable::{REPLACEMENT, is_unprintable};

pub(super) fn write(model: &Model) -> String {
    let mut out = String::new();
    let title = model.review.as_ref().map(|r| r.title.as_str());
    let _ = writeln!(out, "digraph {} {{", quote(title.unwrap_or("archc")));
    if let Some(title) = title {
        let _ = writeln!(out, "  label={};", label(title));
    }
    out.push_str("  graph [labelloc=t, fontname=\"Helvetica\"];\n");
    out.push_str("  node [shape=box, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for id in model.roots() {
        element(&mut out, model, id, 1);
    }
    if !model.connections.is_empty() {
        out.push('\n');
    }
    for c in &model.connections {
        edge(&mut out, model, c);
    }
    out.push_str("}\n");
    out
}

fn element(out: &mut String, model: &Model, id: ElementId, depth: usize) {
    let e = model.element(id);
    let pad = "  ".repeat(depth);
    if !e.kind.is_container() {
        let style = if e.kind == ElementKind::Module {
            ", style=rounded"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{pad}{} [label={}, class={}{style}];",
            quote(&e.id),
            label(&e.label),
            quote(e.kind.name())
        );
        return;
    }
    let _ = writeln!(out, "{pad}subgraph {} {{", quote(&cluster(&e.id)));
    let _ = writeln!(out, "{pad}  label={};", label(&e.label));
    let _ = writeln!(out, "{pad}  class={};", quote(e.kind.name()));
    if e.children.is_empty() {
        let _ = writeln!(
            out,
            "{pad}  {} [shape=point, style=invis, width=0, height=0, label=\"\"];",
            quote(&e.id)
        );
    }
    for &child in &e.children {
        element(out, model, child, depth + 1);
    }
    let _ = writeln!(out, "{pad}}}");
}

fn edge(out: &mut String, model: &Model, c: &Connection) {
    let (from, to) = (model.element(c.from), model.element(c.to));
    let mut attrs = Vec::new();
    let text = super::edge_label(c);
    if !text.is_empty() {
        attrs.push(format!("label={}", label(&text)));
    }
    match c.arrow {
        Arrow::Forward => {}
        Arrow::Backward => attrs.push("dir=back".to_string()),
        Arrow::Both => attrs.push("dir=both".to_string()),
        Arrow::Undirected => attrs.push("dir=none".to_string()),
    }
    let status = match c.status {
        Status::Existing => "existing",
        Status::Proposed => "proposed",
    };
    attrs.push(format!("class={}", quote(status)));
    let _ = writeln!(
        out,
        "  {} -> {} [{}];",
        quote(&from.id),
        quote(&to.id),
        attrs.join(", ")
    );
}

/// Graphviz draws a subgraph as a box only when its name starts with `cluster`.
fn cluster(id: &str) -> String {
    format!("cluster_{id}")
}

/// A label: Graphviz reads `&name;` in any label as an HTML entity, so a literal `&` is
/// written `&amp;` (which it turns back into `&`).
fn label(text: &str) -> String {
    quote(&text.replace('&', "&amp;"))
}

/// A DOT double-quoted string. Inside one only `\"` is an escape for the parser, but
/// labels are escString, where `\n` breaks a line and `\N`, `\G`, `\l`... expand; so a
/// backslash is doubled, a newline becomes `\n`, a tab a space, and an unprintable
/// character U+FFFD ([`crate::printable`]).
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if is_unprintable(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(text: &str) -> String {
        write(&crate::model_of(text))
    }

    #[test]
    fn quote_escapes_quotes_backslashes_and_newlines() {
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote(r"C:\N"), r#""C:\\N""#);
        assert_eq!(quote("two\nlines\r\tend"), r#""two\nlines end""#);
        assert_eq!(quote("bell\u{7}\u{FFFE}"), "\"bell\u{FFFD}\u{FFFD}\"");
        assert_eq!(quote("Zürich → 東京 | a"), "\"Zürich → 東京 | a\"");
    }

    #[test]
    fn arrows_set_the_direction_of_arrowheads() {
        let text = dot("customer c { system a\n system b }\na -> b\na <- b\na <-> b\na -- b\n");
        assert!(text.contains(r#""a" -> "b" [class="existing"];"#), "{text}");
        assert!(
            text.contains(r#""a" -> "b" [dir=back, class="existing"];"#),
            "{text}"
        );
        assert!(
            text.contains(r#""a" -> "b" [dir=both, class="existing"];"#),
            "{text}"
        );
        assert!(
            text.contains(r#""a" -> "b" [dir=none, class="existing"];"#),
            "{text}"
        );
    }

    #[test]
    fn labels_keep_a_literal_ampersand() {
        assert_eq!(label("R&D &amp; Ops"), r#""R&amp;D &amp;amp; Ops""#);
    }

    #[test]
    fn an_empty_container_gets_an_anchor_so_its_box_is_drawn() {
        let text = dot("customer c { system a }\ncustomer d { group g { } }\n");
        assert!(
            text.contains("    \"g\" [shape=point, style=invis"),
            "{text}"
        );
        assert!(!text.contains("\"c\" [shape=point"), "{text}");
    }

    #[test]
    fn keywords_as_ids_are_quoted() {
        let text = dot("customer graph { system node\n system edge }\nnode -> edge\n");
        assert!(text.contains(r#""node" -> "edge""#), "{text}");
        assert!(text.contains(r#"subgraph "cluster_graph""#), "{text}");
    }
}
