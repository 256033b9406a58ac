//! The Mermaid export: a `flowchart TB` for Markdown renderers (GitHub, GitLab, docs sites).
//!
//! Customers, solutions and groups become nested `subgraph ID ["Label"] ... end` blocks;
//! systems become `ID["Label"]` boxes and modules `ID("Label")` rounded ones. Edges are
//! `-->|"label"|` for `->`, `<-->` for `<->` and `---` for `--`; Mermaid has no arrowhead
//! on the start alone, so `a <- b` is written as `b --> a`, the same flow.
//!
//! Node IDs are the element IDs behind an `n_` prefix. Mermaid's lexer reads a keyword
//! where a name is expected, so an ID that is one (`end`, `graph`, `style`, `class`,
//! `call`, `href`, `_self`, ...) or starts with one before a dash (`end-user`, `class-a`)
//! breaks the chart; no keyword starts with `n_`, and the prefix keeps IDs distinct.
//!
//! Every label is a quoted string, which ends only at the next `"`, so the text inside
//! uses Mermaid's entity codes: `#quot;` for `"`, and `#35;` `#37;` `#amp;` `#lt;` `#gt;`
//! `#96;` `#124;` for `#` `%` `&` `<` `>` `` ` `` `|`, since Mermaid turns `#name;` into
//! an HTML entity and then inserts the label as HTML. A newline becomes `<br>`, an
//! unprintable character U+FFFD ([`crate::printable`]), and an empty label one space (`""`
//! does not parse).
//!
//! A `:` is `#58;` too. Before parsing, Mermaid drops the last `;` of any line where `style`
//! (or `classDef`) is followed by a `:` and then a `#`, meant for `style a fill:#f9f;`; that
//! bit labels such as "Lifestyle: #1 & Co" (shown as "Lifestyle: #1 #amp Co") and any label
//! with a `:` on an edge from a node whose ID holds `style`. With no `:` on a line the
//! pattern cannot match, and `.arch` IDs have none.
//!
//! The review's title goes in the front matter as a YAML string, as written (unprintable
//! characters replaced). Mermaid shows it as written unless it holds something like a tag:
//! Mermaid sanitises the title as HTML and shows the result as text, so "A & <b> B" shows as
//! "A &amp; <b> B</b>". No escape in the front matter avoids that (`tests/consumers.rs`
//! checks every title without a `<`).

use std::fmt::Write;

use crate::model::Arrow;
use crate::model::{Connection, ElementId, ElementKind, Model};
use crate::printable::{REPLACEMENT, is_unprintable, replace_unprintable};

pub(super) fn write(model: &Model) -> String {
    let mut out = String::new();
    if let Some(review) = &model.review {
        // A JSON string is a YAML double-quoted scalar: the front matter stays one line.
        // YAML forbids C1 controls and U+FFFE too, and a title is for people: replaced.
        let title = serde_json::to_string(&replace_unprintable(&review.title)).unwrap_or_default();
        let _ = write!(out, "---\ntitle: {title}\n---\n");
    }
    out.push_str("flowchart TB\n");
    for id in model.roots() {
        element(&mut out, model, id, 1);
    }
    for c in &model.connections {
        edge(&mut out, model, c);
    }
    out
}

fn element(out: &mut String, model: &Model, id: ElementId, depth: usize) {
    let e = model.element(id);
    let pad = "    ".repeat(depth);
    let node_id = node(&e.id);
    let label = text(&e.label);
    if e.kind.is_container() {
        let _ = writeln!(out, "{pad}subgraph {node_id} [\"{label}\"]");
        for &child in &e.children {
            element(out, model, child, depth + 1);
        }
        let _ = writeln!(out, "{pad}end");
    } else if e.kind == ElementKind::Module {
        let _ = writeln!(out, "{pad}{node_id}(\"{label}\")");
    } else {
        let _ = writeln!(out, "{pad}{node_id}[\"{label}\"]");
    }
}

fn edge(out: &mut String, model: &Model, c: &Connection) {
    let (mut from, mut to) = (
        node(&model.element(c.from).id),
        node(&model.element(c.to).id),
    );
    let link = match c.arrow {
        Arrow::Forward => "-->",
        Arrow::Backward => {
            std::mem::swap(&mut from, &mut to);
            "-->"
        }
        Arrow::Both => "<-->",
        Arrow::Undirected => "---",
    };
    let label = super::edge_label(c);
    if label.is_empty() {
        let _ = writeln!(out, "    {from} {link} {to}");
    } else {
        let _ = writeln!(out, "    {from} {link}|\"{}\"| {to}", text(&label));
    }
}

fn node(id: &str) -> String {
    format!("n_{id}")
}

/// Label text for inside a Mermaid quoted string; see the module documentation.
fn text(label: &str) -> String {
    if label.is_empty() {
        return " ".to_string();
    }
    let mut out = String::with_capacity(label.len());
    let mut after_direction = false;
    for (i, ch) in label.char_indices() {
        match ch {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '%' => out.push_str("#37;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            ':' => out.push_str("#58;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            // The lexer reads a whole line holding `direction TB` (LR, ...) as that
            // statement, quotes or not; an entity for the space keeps the line a node.
            c if c.is_whitespace() && after_direction => out.push_str("#32;"),
            c if is_unprintable(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
        after_direction = label[..i + ch.len_utf8()].ends_with("direction");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mermaid(text: &str) -> String {
        write(&crate::model_of(text))
    }

    #[test]
    fn text_uses_entity_codes_for_what_would_end_or_bend_the_string() {
        assert_eq!(text(r#"say "hi""#), "say #quot;hi#quot;");
        assert_eq!(text("a|b"), "a#124;b");
        assert_eq!(text("<b>&amp; #1 100%"), "#lt;b#gt;#amp;amp; #35;1 100#37;");
        assert_eq!(text("two\nlines"), "two<br>lines");
        assert_eq!(text("Zürich → 東京"), "Zürich → 東京");
        assert_eq!(text("`md`"), "#96;md#96;");
        assert_eq!(text("set direction LR"), "set direction#32;LR");
        assert_eq!(text("Lifestyle:#1 & Co"), "Lifestyle#58;#35;1 #amp; Co");
        assert_eq!(text("bell\u{7}\u{FFFE}"), "bell\u{FFFD}\u{FFFD}");
        assert_eq!(text(""), " ");
    }

    #[test]
    fn arrows_become_links_and_a_backward_arrow_swaps_the_ends() {
        let text = mermaid("customer c { system a\n system b }\na -> b\na <- b\na <-> b\na -- b\n");
        let edges: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("n_a") && l.contains("n_b"))
            .collect();
        assert_eq!(
            edges,
            [
                "    n_a --> n_b",
                "    n_b --> n_a",
                "    n_a <--> n_b",
                "    n_a --- n_b"
            ]
        );
    }

    #[test]
    fn ids_that_are_or_start_with_a_keyword_are_prefixed() {
        let text = mermaid("customer end-user { system end\n system class-a }\n");
        assert!(
            text.contains("subgraph n_end-user [\"end-user\"]"),
            "{text}"
        );
        assert!(text.contains("n_end[\"end\"]"), "{text}");
        assert!(text.contains("n_class-a[\"class-a\"]"), "{text}");
    }
}
