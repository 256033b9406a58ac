//! Every export read by the tool it is for, on the examples and on hostile input: D2's own
//! compiler (its WASM build, under Node), Mermaid's own parser and renderer (in headless
//! Chromium), Graphviz's `dot`, and an XML parser (`xmllint`) for the SVG and draw.io files.
//! Each check is about what the tool makes of our text: every shape kept apart (D2 ignores
//! case in keys), every label shown as written, no error, no warning.
//!
//! The Node packages are pinned in `tests/tools/package.json` (with its lock file);
//! `.ci/run` installs them and the Debian tools. A missing tool fails the test under `CI`
//! and only prints a notice locally.

use std::path::Path;
use std::time::Duration;

use archc::model::Model;
use archc::printable::replace_unprintable;

use crate::support::tools::{missing, node_tools, required, run_chromium, run_with_stdin};
use crate::support::{archc_with_stdin, files_with_ext, relative, root};

/// Labels and IDs each format must survive: IDs that differ only in case, IDs that hold
/// `style` (Mermaid preprocesses lines with `style`, `:` and `#`), labels with `:#1 &`,
/// control characters and noncharacters (ESC, BEL, NUL, U+FFFE, U+FFFF, CSI), quotes,
/// braces, brackets, a newline, arrows and `|` in labels, an empty label.
const HOSTILE: &str = r#"review "Lifestyle:#1 & Co; style:#2; \u{9B}\u{FFFE}"
customer ERP "Lifestyle:#1 & Co" {
  system erp "ESC\u{1B}[31m BEL\u{7} FFFE\u{FFFE} FFFF\u{FFFF} NUL\u{0} CSI\u{9B}"
  system Erp ""
  system lifestyle "a -> b -- c --> d ==> e"
  system braces "{braces} [brackets] (parens) \"quotes\" 'single'\nsecond line"
}
solution s "" {
  module style "style:#f9f; classDef x fill:#f00;" { supports: [rest] }
  module Style "Lifestyle: #3 &amp; Co" { supports: [rest] }
}
erp -> style : rest "Lifestyle:#1 & Co"
lifestyle -> style "a:#1;b"
Erp -- braces "--> |x| -> end"
braces <-> Style "tab\tand\u{1B}]0;title\u{7}"
"#;

/// An empty title and empty labels everywhere.
const EMPTY: &str = r#"review ""
customer c "" { system a "" }
solution s "" { module m "" { supports: [rest] } }
a -> m : rest
a <- m ""
"#;

/// The inputs every tool reads: each example, the hostile and empty inputs, and the export
/// tests' tricky labels. Each with its model, to say what the tool should show.
fn cases() -> Vec<(String, String, Model)> {
    let mut cases: Vec<(String, String)> = files_with_ext("examples", ".arch")
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("the example reads");
            (relative(path), text)
        })
        .collect();
    cases.push(("hostile".into(), HOSTILE.into()));
    cases.push(("empty".into(), EMPTY.into()));
    cases.push(("tricky".into(), crate::export::TRICKY.into()));
    cases
        .into_iter()
        .map(|(name, text)| {
            let source = archc::source::Source::new(name.clone(), text.clone());
            let compiled = archc::compile(&source, &archc::lint::LintConfig::default());
            let errors: Vec<_> = compiled
                .diagnostics
                .iter()
                .filter(|d| d.severity == archc::diagnostic::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
            (name, text, compiled.model)
        })
        .collect()
}

fn output(args: &[&str], text: &str) -> String {
    let run = archc_with_stdin(args, text.as_bytes());
    assert_eq!(run.code, 0, "archc {args:?}: {}", run.stderr);
    run.stdout
}

fn export(text: &str, target: &str) -> String {
    output(&["export", "-", "--to", target], text)
}

/// A label as every format should show it: unprintable characters replaced by U+FFFD.
fn shown(label: &str) -> String {
    replace_unprintable(label).into_owned()
}

/// Element labels, sorted, as shown.
fn element_labels(model: &Model) -> Vec<String> {
    sorted(model.elements.iter().map(|e| shown(&e.label)))
}

/// Non-empty connection labels, sorted, as shown.
fn edge_labels(model: &Model) -> Vec<String> {
    sorted(
        model
            .connections
            .iter()
            .map(|c| shown(&archc::export::edge_label(c)))
            .filter(|l| !l.is_empty()),
    )
}

fn sorted(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut items: Vec<String> = items.collect();
    items.sort();
    items
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn d2_compiles_every_export_with_every_shape_and_label() {
    let Some(node) = node_tools("@terrastruct/d2", "the D2 compiler check") else {
        return;
    };
    let cases = cases();
    let sources: Vec<(String, String)> = cases
        .iter()
        .map(|(name, text, _)| (name.clone(), export(text, "d2")))
        .collect();
    let script = root().join("tests/tools/d2-compile.mjs");
    let input = serde_json::to_string(&sources).expect("JSON");
    let out = run_with_stdin(
        &node,
        &[&script.to_string_lossy()],
        &input,
        Duration::from_secs(300),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let verdict: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|_| {
        panic!(
            "no verdict from D2: {}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    for (name, _, model) in &cases {
        let result = &verdict[name.as_str()];
        assert!(
            result["error"].is_null(),
            "{name}: D2 says {}",
            result["error"]
        );
        let mut expected = element_labels(model);
        if let Some(review) = model.review.as_ref().filter(|r| !r.title.is_empty()) {
            expected.push(shown(&review.title));
            expected.sort();
        }
        let labels = sorted(
            result["shapes"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .map(|s| s["label"].as_str().unwrap_or_default().to_string())
                })
                .into_iter()
                .flatten(),
        );
        assert_eq!(
            labels, expected,
            "{name}: one D2 shape per element, labelled as written"
        );
        let connections = result["connections"].as_array().map_or(0, Vec::len);
        assert_eq!(connections, model.connections.len(), "{name}: connections");
        let edge_labels_d2 = sorted(
            result["connections"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c["label"].as_str().unwrap_or_default().to_string())
                .filter(|l| !l.is_empty()),
        );
        assert_eq!(edge_labels_d2, edge_labels(model), "{name}: edge labels");
    }
}

#[test]
fn mermaid_parses_every_export_and_shows_labels_as_written() {
    let check = "the Mermaid parser check";
    let Some(chromium) = required("chromium", "apt-get install -y chromium", check) else {
        return;
    };
    let script = root().join("tests/tools/node_modules/mermaid/dist/mermaid.min.js");
    if !script.is_file() {
        missing("mermaid", "cd tests/tools && npm ci", check);
        return;
    }
    let cases = cases();
    let charts: Vec<(String, String)> = cases
        .iter()
        .map(|(name, text, _)| (name.clone(), export(text, "mermaid")))
        .collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mermaid-check");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let template =
        std::fs::read_to_string(root().join("tests/tools/mermaid.html")).expect("the page reads");
    // `</` could end the script early: JSON may write it `<\/`.
    let cases_json = serde_json::to_string(&charts)
        .expect("JSON")
        .replace("</", "<\\/");
    let page = template
        .replace("MERMAID_SCRIPT", &format!("file://{}", script.display()))
        .replace("CASES_JSON", &cases_json);
    let page_path = dir.join("mermaid.html");
    std::fs::write(&page_path, page).expect("the page is written");
    // Mermaid renders asynchronously: virtual time lets the page finish before the dump.
    let verdict = run_chromium(
        &chromium,
        &dir,
        &page_path,
        &["--virtual-time-budget=120000"],
    );
    for (name, _, model) in &cases {
        let result = &verdict[name.as_str()];
        assert!(result.is_object(), "{name}: no verdict");
        assert!(
            result["error"].is_null(),
            "{name}: Mermaid says {}",
            result["error"]
        );
        let containers = model
            .elements
            .iter()
            .filter(|e| e.kind.is_container())
            .count();
        assert_eq!(result["clusters"], containers, "{name}: subgraphs");
        assert_eq!(
            result["nodes"],
            model.elements.len() - containers,
            "{name}: nodes"
        );
        let labels = sorted(strings(&result["labels"]).iter().map(|l| words(l)));
        let expected = sorted(element_labels(model).iter().map(|l| words(l)));
        assert_eq!(labels, expected, "{name}: labels as written");
        let edges = sorted(strings(&result["edgeLabels"]).iter().map(|l| words(l)));
        let expected = sorted(edge_labels(model).iter().map(|l| words(l)));
        assert_eq!(edges, expected, "{name}: edge labels as written");
        // Mermaid sanitises a title as HTML and then shows it as text: one with `<` shows
        // `&` as `&amp;` whatever we write (a limitation the export documents).
        if let Some(review) = model.review.as_ref().filter(|r| !r.title.contains('<')) {
            let title = strings(&result["title"]).join("");
            assert_eq!(words(&title), words(&shown(&review.title)), "{name}: title");
        }
    }
}

/// Text with white space runs as one space and no space at the ends of lines: HTML shows
/// it so. Line breaks stay.
fn words(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    lines.join("\n")
}

/// Graphviz draws the DOT of every case without an error or a warning, and shows the
/// hostile labels as written.
#[test]
fn graphviz_draws_every_export_without_a_warning() {
    let Some(dot) = required("dot", "apt-get install -y graphviz", "the Graphviz check") else {
        return;
    };
    for (name, text, _) in cases() {
        let out = run_with_stdin(
            &dot,
            &["-Tsvg"],
            &export(&text, "dot"),
            Duration::from_secs(60),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert_eq!(stderr, "", "{name}: Graphviz warned");
        let svg = String::from_utf8_lossy(&out.stdout);
        assert!(svg.contains("<svg"), "{name}");
        if name == "hostile" {
            // Graphviz's SVG escapes `&` once: the label's own `&`, not an entity of ours.
            assert!(svg.contains(">Lifestyle:#1 &amp; Co</text>"), "{svg}");
            assert!(svg.contains(">Lifestyle: #3 &amp;amp; Co</text>"), "{svg}");
            assert!(svg.contains("ESC\u{FFFD}[31m BEL\u{FFFD}"), "{svg}");
        }
    }
}

/// The SVG diagrams (both views) and the draw.io file of every case are well-formed XML to
/// a real parser: nothing XML forbids (U+FFFE, U+FFFF, control characters) gets through.
#[test]
fn svg_and_drawio_are_well_formed_xml() {
    let check = "the XML well-formedness check";
    let Some(xmllint) = required("xmllint", "apt-get install -y libxml2-utils", check) else {
        return;
    };
    for (name, text, _) in cases() {
        let documents = [
            ("svg", output(&["render", "-"], &text)),
            (
                "current svg",
                output(&["render", "-", "--view", "current"], &text),
            ),
            ("drawio", export(&text, "drawio")),
        ];
        for (what, xml) in documents {
            let out = run_with_stdin(&xmllint, &["--noout", "-"], &xml, Duration::from_secs(60));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.is_empty(),
                "{name} {what}: {stderr}"
            );
        }
    }
}

/// The PNG path (resvg reads the SVG we write) takes hostile labels too.
#[test]
fn hostile_labels_render_as_png() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-png");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let png = dir.join("hostile.png");
    let png_arg = png.to_string_lossy().into_owned();
    output(&["render", "-", "--format", "png", "-o", &png_arg], HOSTILE);
    let bytes = std::fs::read(&png).expect("the PNG is written");
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
}

/// No export carries a control character or noncharacter raw; JSON writes them as `\u`
/// escapes, so it still reads back as exactly what the file said.
#[test]
fn no_export_carries_an_unprintable_character_raw() {
    for target in ["json", "dot", "mermaid", "d2", "drawio"] {
        let text = export(HOSTILE, target);
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| archc::printable::is_unprintable(c))
            .collect();
        assert!(raw.is_empty(), "--to {target}: {raw:?}");
    }
    let doc: serde_json::Value =
        serde_json::from_str(&export(HOSTILE, "json")).expect("valid JSON");
    assert_eq!(
        doc["elements"][0]["children"][0]["label"],
        "ESC\u{1B}[31m BEL\u{7} FFFE\u{FFFE} FFFF\u{FFFF} NUL\u{0} CSI\u{9B}"
    );
    assert_eq!(
        doc["review"]["title"],
        "Lifestyle:#1 & Co; style:#2; \u{9B}\u{FFFE}"
    );
}
