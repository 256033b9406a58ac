//! The D2 export: containers nested as the model nests them (`customer.group.system`),
//! connections written once at the top level with their full paths.
//!
//! Every element is `key: "Label"`, with a `{ ... }` block holding the children of a
//! customer, solution or group. Arrows are D2's own: `->`, `<-`, `<->`, `--`. The review's
//! title is a text shape near the top centre, under the key `"review title"`, which no
//! `.arch` ID can be (IDs have no spaces); an empty title is left out, since D2 refuses a
//! text shape without a label.
//!
//! Keys are the element IDs, bare, since `.arch` IDs (letters, digits, `_`, inner `-`)
//! are all D2 unquoted keys; an ID that is a D2 keyword (`label`, `shape`, `style`,
//! `near`, ...) or `_` (the parent) is double-quoted, which D2 reads as a plain name.
//! Labels are always double-quoted, with `"` `\` `$` escaped (`$` starts a substitution),
//! a newline written `\n` and an unprintable character U+FFFD ([`crate::printable`]).
//!
//! D2 compares keys without regard to case, so `ERP` and `erp` would name one shape. The
//! first of such IDs (in source order) keeps its key; each later one is keyed `"erp (2)"`,
//! `"erp (3)"`, ..., quoted, which no `.arch` ID can be (IDs have no spaces). Labels, which
//! are what D2 shows, are unchanged.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{ElementId, Model};
use crate::printable::{REPLACEMENT, is_unprintable};

/// The key of the title shape: with a space, so it cannot clash with an element ID.
const TITLE_KEY: &str = "\"review title\"";

/// D2's reserved keywords (d2ast's SimpleReservedKeywords, ReservedKeywordHolders,
/// CompositeReservedKeywords, StyleKeywords and BoardKeywords), plus the older `desc`.
const RESERVED: &[&str] = &[
    "3d",
    "animated",
    "bold",
    "border-radius",
    "class",
    "classes",
    "constraint",
    "desc",
    "direction",
    "double-border",
    "fill",
    "fill-pattern",
    "filled",
    "font",
    "font-color",
    "font-size",
    "grid-columns",
    "grid-gap",
    "grid-rows",
    "height",
    "horizontal-gap",
    "icon",
    "italic",
    "label",
    "layers",
    "left",
    "link",
    "multiple",
    "near",
    "opacity",
    "scenarios",
    "shadow",
    "shape",
    "source-arrowhead",
    "steps",
    "stroke",
    "stroke-dash",
    "stroke-width",
    "style",
    "target-arrowhead",
    "text-transform",
    "tooltip",
    "top",
    "underline",
    "vars",
    "vertical-gap",
    "width",
];

pub(super) fn write(model: &Model) -> String {
    let keys = keys(model);
    let mut out = String::new();
    if let Some(review) = model.review.as_ref().filter(|r| !r.title.is_empty()) {
        let _ = writeln!(
            out,
            "{TITLE_KEY}: {} {{\n  shape: text\n  near: top-center\n  style.font-size: 24\n}}",
            string(&review.title)
        );
    }
    for id in model.roots() {
        element(&mut out, model, &keys, id, 0);
    }
    if !model.connections.is_empty() {
        out.push('\n');
    }
    for c in &model.connections {
        let label = super::edge_label(c);
        let _ = write!(
            out,
            "{} {} {}",
            path(model, &keys, c.from),
            c.arrow.as_str(),
            path(model, &keys, c.to)
        );
        if !label.is_empty() {
            let _ = write!(out, ": {}", string(&label));
        }
        out.push('\n');
    }
    if out.is_empty() {
        // An empty D2 file is valid; the newline keeps every export newline-terminated.
        out.push('\n');
    }
    out
}

fn element(out: &mut String, model: &Model, keys: &[String], id: ElementId, depth: usize) {
    let e = model.element(id);
    let pad = "  ".repeat(depth);
    let _ = write!(out, "{pad}{}: {}", keys[id.index()], string(&e.label));
    if e.kind.is_container() && !e.children.is_empty() {
        out.push_str(" {\n");
        for &child in &e.children {
            element(out, model, keys, child, depth + 1);
        }
        let _ = write!(out, "{pad}}}");
    }
    out.push('\n');
}

/// The element's key path from the top: `acme.ours.auth`.
fn path(model: &Model, keys: &[String], id: ElementId) -> String {
    let mut chain: Vec<ElementId> = model.ancestors(id).collect();
    chain.reverse();
    chain.push(id);
    let path: Vec<&str> = chain.iter().map(|e| keys[e.index()].as_str()).collect();
    path.join(".")
}

/// Every element's D2 key, by element index: distinct even to D2, which ignores case (see
/// the module documentation). `.arch` IDs are ASCII, so ASCII case folding is D2's.
fn keys(model: &Model) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    model
        .elements
        .iter()
        .map(|e| {
            let count = seen.entry(e.id.to_ascii_lowercase()).or_insert(0);
            *count += 1;
            if *count == 1 {
                key(&e.id)
            } else {
                string(&format!("{} ({count})", e.id))
            }
        })
        .collect()
}

/// A D2 key for an `.arch` ID: bare, or quoted when D2 would read it as a keyword.
fn key(id: &str) -> String {
    let reserved = id == "_" || RESERVED.iter().any(|k| k.eq_ignore_ascii_case(id));
    if reserved { string(id) } else { id.to_string() }
}

/// A D2 double-quoted string; see the module documentation for the escapes.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
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

    fn d2(text: &str) -> String {
        write(&crate::model_of(text))
    }

    #[test]
    fn string_escapes_quotes_backslashes_dollars_and_newlines() {
        assert_eq!(string(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(string(r"a\b ${x}"), r#""a\\b \${x}""#);
        assert_eq!(string("two\nlines\ttab"), r#""two\nlines\ttab""#);
        assert_eq!(string("Zürich | 東京"), "\"Zürich | 東京\"");
        assert_eq!(string("bell\u{7}\u{FFFE}"), "\"bell\u{FFFD}\u{FFFD}\"");
    }

    #[test]
    fn keywords_and_the_parent_reference_are_quoted_as_keys() {
        assert_eq!(key("okta"), "okta");
        assert_eq!(key("identity-provider"), "identity-provider");
        assert_eq!(key("label"), "\"label\"");
        assert_eq!(key("Style"), "\"Style\"");
        assert_eq!(key("_"), "\"_\"");
        assert_eq!(key("_x"), "_x");
    }

    #[test]
    fn ids_that_differ_only_in_case_get_distinct_keys() {
        let text = d2(
            "customer c { system ERP\n system erp \"Small\"\n system Erp }\nERP -> erp\nerp -> Erp\n",
        );
        assert_eq!(
            text,
            "c: \"c\" {\n  ERP: \"ERP\"\n  \"erp (2)\": \"Small\"\n  \"Erp (3)\": \"Erp\"\n}\n\n\
             c.ERP -> c.\"erp (2)\"\nc.\"erp (2)\" -> c.\"Erp (3)\"\n"
        );
    }

    #[test]
    fn an_empty_title_is_left_out() {
        assert_eq!(d2("review \"\"\ncustomer c\n"), "c: \"c\"\n");
        assert!(d2("review \"R\"\ncustomer c\n").starts_with("\"review title\": \"R\" {"));
    }

    #[test]
    fn connections_use_full_paths_and_d2_arrows() {
        let text = d2(
            "customer c { group g { system a }\n system b }\na -> b\na <- b\na <-> b\na -- b \"x\"\n",
        );
        let edges: Vec<&str> = text.lines().filter(|l| l.starts_with("c.")).collect();
        assert_eq!(
            edges,
            [
                "c.g.a -> c.b",
                "c.g.a <- c.b",
                "c.g.a <-> c.b",
                "c.g.a -- c.b: \"x\""
            ]
        );
    }
}
