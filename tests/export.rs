//! `archc export`: every format of the worked example, JSON that reads back with the
//! model's counts, labels that survive each format's quoting, and the refusals.

use crate::support::{archc, archc_with_stdin, files_with_ext, relative, root};

const TARGETS: [&str; 5] = ["json", "dot", "mermaid", "drawio", "d2"];

/// Labels with what each format must quote or escape: quotes, `|`, a newline (written as
/// `\n` in the `.arch` string), a backslash, `&`, `#`, `$`, backticks and non-ASCII text;
/// IDs that are keywords in Mermaid (`end`, `class`, `end-user`) and D2 (`style`, `label`,
/// `_`).
pub const TRICKY: &str = r#"review "Quotes \"here\" & <there> | 100% #1"
customer end-user "Say \"hi\" | pipe" {
  system style "Zürich → 東京 ✓"
  system end "Two\nlines\\back"
  group label "direction TB and $x ${y}" {
    system class "`tick` #quot; &amp;"
  }
}
solution _ "Under" { module graph "Mod {x} [y] (z)" { supports: [rest] } }
style -> graph : rest "a \"b\" | c\nd"
end <- class
class -- end
"#;

fn export(args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let run = archc(&all);
    assert_eq!(run.code, 0, "archc {all:?}:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "archc {all:?} printed to stderr");
    run.stdout
}

fn export_stdin(text: &str, target: &str) -> String {
    let run = archc_with_stdin(&["export", "-", "--to", target], text.as_bytes());
    assert_eq!(run.code, 0, "--to {target}:\n{}", run.stderr);
    run.stdout
}

#[test]
fn every_format_of_the_worked_example() {
    for target in TARGETS {
        let text = export(&["examples/acme.arch", "--to", target]);
        insta::assert_snapshot!(format!("acme_{target}"), text);
    }
}

#[test]
fn every_format_of_tricky_labels_and_ids() {
    for target in TARGETS {
        insta::assert_snapshot!(format!("tricky_{target}"), export_stdin(TRICKY, target));
    }
}

#[test]
fn json_reads_back_with_the_models_counts() {
    for (path, model) in example_models() {
        let doc: serde_json::Value =
            serde_json::from_str(&export(&[&path, "--to", "json"])).expect("valid JSON");
        assert_eq!(doc["version"], 1, "{path}");
        let roots = doc["elements"].as_array().expect("elements is a list");
        assert_eq!(count_tree(roots), model.elements.len(), "{path}: elements");
        assert_eq!(len(&doc["connections"]), model.connections.len(), "{path}");
        assert_eq!(len(&doc["persons"]), model.persons.len(), "{path}");
        assert_eq!(len(&doc["records"]), model.records.len(), "{path}");
        assert_eq!(doc["review"].is_null(), model.review.is_none(), "{path}");
        assert_eq!(doc["nfr"].is_null(), model.nfr.is_none(), "{path}");
    }
}

fn count_tree(elements: &[serde_json::Value]) -> usize {
    elements
        .iter()
        .map(|e| 1 + count_tree(e["children"].as_array().map_or(&[], |c| c.as_slice())))
        .sum()
}

fn len(list: &serde_json::Value) -> usize {
    list.as_array().map_or(usize::MAX, |l| l.len())
}

#[test]
fn json_keeps_tricky_labels_exactly() {
    let doc: serde_json::Value =
        serde_json::from_str(&export_stdin(TRICKY, "json")).expect("valid JSON");
    assert_eq!(
        doc["review"]["title"],
        r#"Quotes "here" & <there> | 100% #1"#
    );
    let customer = &doc["elements"][0];
    assert_eq!(customer["label"], r#"Say "hi" | pipe"#);
    assert_eq!(customer["children"][0]["label"], "Zürich → 東京 ✓");
    assert_eq!(customer["children"][1]["label"], "Two\nlines\\back");
    assert_eq!(doc["connections"][0]["label"], "a \"b\" | c\nd");
    assert_eq!(doc["connections"][0]["methods"][0]["label"], "REST API");
    assert_eq!(doc["connections"][1]["arrow"], "<-");
}

#[test]
fn dot_escapes_quotes_backslashes_newlines_and_ampersands() {
    let dot = export_stdin(TRICKY, "dot");
    assert!(dot.contains(r#"label="Say \"hi\" | pipe";"#), "{dot}");
    assert!(
        dot.contains(r#""end" [label="Two\nlines\\back", class="system"];"#),
        "{dot}"
    );
    assert!(dot.contains(r#"label="`tick` #quot; &amp;amp;""#), "{dot}");
    assert!(
        dot.contains(r#""style" -> "graph" [label="a \"b\" | c\nd (REST API)""#),
        "{dot}"
    );
    assert!(dot.contains(r#""end" -> "class" [dir=back"#), "{dot}");
    assert!(dot.contains(r#""class" -> "end" [dir=none"#), "{dot}");
}

#[test]
fn mermaid_uses_entity_codes_inside_quoted_labels() {
    let mermaid = export_stdin(TRICKY, "mermaid");
    assert!(
        mermaid.starts_with(
            "---\ntitle: \"Quotes \\\"here\\\" & <there> | 100% #1\"\n---\nflowchart TB\n"
        ),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(r#"subgraph n_end-user ["Say #quot;hi#quot; #124; pipe"]"#),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(r#"n_end["Two<br>lines\back"]"#),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(r##"n_class["#96;tick#96; #35;quot; #amp;amp;"]"##),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(r#"n_style -->|"a #quot;b#quot; #124; c<br>d (REST API)"| n_graph"#),
        "{mermaid}"
    );
    // `end <- class` is the flow from `class` to `end`.
    assert!(mermaid.contains("    n_class --> n_end\n"), "{mermaid}");
    assert!(mermaid.contains("    n_class --- n_end\n"), "{mermaid}");
}

#[test]
fn d2_quotes_labels_and_keyword_keys() {
    let d2 = export_stdin(TRICKY, "d2");
    assert!(d2.contains(r#"end-user: "Say \"hi\" | pipe" {"#), "{d2}");
    assert!(d2.contains(r#"  "style": "Zürich → 東京 ✓""#), "{d2}");
    assert!(d2.contains(r#"  end: "Two\nlines\\back""#), "{d2}");
    assert!(
        d2.contains(r#"  "label": "direction TB and \$x \${y}" {"#),
        "{d2}"
    );
    assert!(
        d2.contains(r#"end-user."style" -> "_".graph: "a \"b\" | c\nd (REST API)""#),
        "{d2}"
    );
    assert!(
        d2.contains("end-user.end <- end-user.\"label\".\"class\"\n"),
        "{d2}"
    );
}

#[test]
fn input_with_errors_exports_nothing_and_exits_1() {
    let broken = "customer c { system a }\na -> nowhere : rest\n";
    for target in TARGETS {
        let run = archc_with_stdin(&["export", "-", "--to", target], broken.as_bytes());
        assert_eq!(run.code, 1, "--to {target}: {run:?}");
        assert_eq!(run.stdout, "", "--to {target}");
        assert!(
            run.stderr.contains("unknown element `nowhere`"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("1 error in `-`; nothing written"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn warnings_do_not_stop_an_export() {
    let run = archc_with_stdin(
        &["export", "-", "--to", "d2"],
        b"customer c { system a { colour: blue } }\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "c: \"c\" {\n  a: \"a\"\n}\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn output_file_is_written_whole_and_matches_stdout() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-output");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let out = dir.join("acme.dot");
    let out_arg = out.to_string_lossy().into_owned();
    let run = archc(&[
        "export",
        "examples/acme.arch",
        "--to",
        "dot",
        "-o",
        &out_arg,
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let written = std::fs::read_to_string(&out).expect("the output exists");
    assert_eq!(written, export(&["examples/acme.arch", "--to", "dot"]));
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("the folder lists")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(names, ["acme.dot"], "no temporary file is left behind");
}

#[test]
fn drawio_has_a_cell_per_element_and_connection_each_parent_defined_first() {
    for (path, model) in example_models() {
        let drawio = export(&[&path, "--to", "drawio"]);
        assert!(drawio.starts_with("<mxfile host=\"archc\">\n"), "{path}");
        assert!(drawio.ends_with("</mxfile>\n"), "{path}");
        let mut defined: Vec<String> = Vec::new();
        let (mut vertices, mut edges) = (0, 0);
        for line in drawio
            .lines()
            .filter(|l| l.trim_start().starts_with("<mxCell "))
        {
            let id = attribute(line, "id").expect("every cell has an id");
            if let Some(parent) = attribute(line, "parent") {
                assert!(
                    defined.contains(&parent),
                    "{path}: `{id}` before its parent `{parent}`"
                );
            }
            for end in ["source", "target"]
                .iter()
                .filter_map(|a| attribute(line, a))
            {
                assert!(
                    defined.contains(&end),
                    "{path}: `{id}` before its end `{end}`"
                );
            }
            vertices += usize::from(line.contains(" vertex=\"1\""));
            edges += usize::from(line.contains(" edge=\"1\""));
            assert!(!defined.contains(&id), "{path}: `{id}` twice");
            defined.push(id);
        }
        assert_eq!(vertices, model.elements.len(), "{path}: vertices");
        assert_eq!(edges, model.connections.len(), "{path}: edges");
    }
}

/// The value of `name="..."` in one line of XML, unescaped enough for IDs.
fn attribute(line: &str, name: &str) -> Option<String> {
    let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = line[start..].find('"')?;
    Some(line[start..start + len].to_string())
}

#[test]
fn drawio_escapes_markup_and_keeps_keyword_ids() {
    let drawio = export_stdin(TRICKY, "drawio");
    assert!(
        drawio.contains(
            r#"<diagram id="archc" name="Quotes &quot;here&quot; &amp; &lt;there&gt; | 100% #1">"#
        ),
        "{drawio}"
    );
    assert!(
        drawio.contains(r#"<mxCell id="end-user" value="Say &quot;hi&quot; | pipe""#),
        "{drawio}"
    );
    assert!(
        drawio.contains(r#"<mxCell id="class" value="`tick` #quot; &amp;amp;""#),
        "{drawio}"
    );
    assert!(
        drawio.contains(r#"source="end" target="class""#),
        "{drawio}"
    );
    assert!(
        drawio.contains("startArrow=classic;endArrow=none;"),
        "{drawio}"
    );
    assert!(
        drawio.contains("startArrow=none;endArrow=none;"),
        "{drawio}"
    );
}

#[test]
fn an_unknown_format_or_missing_file_is_a_usage_error() {
    assert_eq!(
        archc(&["export", "examples/acme.arch", "--to", "png"]).code,
        2
    );
    assert_eq!(archc(&["export", "examples/acme.arch"]).code, 2);
    let missing = archc(&["export", "examples/missing.arch", "--to", "json"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("cannot read `examples/missing.arch`"),
        "{}",
        missing.stderr
    );
}

#[test]
fn every_export_is_byte_identical_across_runs() {
    for target in TARGETS {
        let args = ["examples/enterprise.arch", "--to", target];
        assert_eq!(export(&args), export(&args), "--to {target}");
    }
}

/// Every example with its model, compiled in-process, to compare exports against.
fn example_models() -> Vec<(String, archc::model::Model)> {
    files_with_ext("examples", ".arch")
        .iter()
        .map(|path| {
            let path = relative(path);
            let text = std::fs::read_to_string(root().join(&path)).expect("the example reads");
            let source = archc::source::Source::new(path.clone(), text);
            let model = archc::compile(&source, &archc::lint::LintConfig::default()).model;
            (path, model)
        })
        .collect()
}
