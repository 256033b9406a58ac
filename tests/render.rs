//! `archc render`: SVG snapshots of small fixtures, the document contract (cli.md, "The SVG
//! is a document") checked on every example in both views, PNG output, and the CLI's edges.

use std::collections::BTreeSet;

use archc::lint::LintConfig;
use archc::model::{ElementId, ElementKind, Model, Status};
use archc::source::Source;
use resvg::usvg::roxmltree::{Document, Node};

use crate::support::{archc, archc_with_stdin, files_with_ext, relative, root, scratch};

/// Runs `archc render` and returns its stdout, asserting success and a silent stderr.
fn render(args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let run = archc(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

// ---------------------------------------------------------------------- snapshots

#[test]
fn fixtures_in_the_default_style() {
    insta::glob!("render/*.arch", |path| {
        insta::assert_snapshot!(render(&[&relative(path)]));
    });
}

#[test]
fn seed_picture_in_every_variant() {
    let seed = "tests/render/seed.arch";
    insta::assert_snapshot!("seed_dark", render(&[seed, "--theme", "dark"]));
    insta::assert_snapshot!("seed_right", render(&[seed, "--direction", "right"]));
    insta::assert_snapshot!("seed_current", render(&[seed, "--view", "current"]));
}

#[test]
fn arrows_and_saas_variants() {
    insta::assert_snapshot!(
        "arrows_right",
        render(&["tests/render/arrows.arch", "--direction", "right"])
    );
    insta::assert_snapshot!(
        "saas_current_dark",
        render(&[
            "tests/render/saas.arch",
            "--view",
            "current",
            "--theme",
            "dark"
        ])
    );
}

// ---------------------------------------------------------------------- the document contract

/// Every example and fixture, in both views and both themes, keeps the document contract.
#[test]
fn every_diagram_is_a_document() {
    let mut files = files_with_ext("examples", ".arch");
    files.extend(files_with_ext("tests/render", ".arch"));
    for path in files {
        let path = relative(&path);
        let model = model_of(&path);
        for view in ["proposed", "current"] {
            for theme in ["light", "dark"] {
                let svg = render(&[&path, "--view", view, "--theme", theme]);
                let again = render(&[&path, "--view", view, "--theme", theme]);
                assert_eq!(svg, again, "{path} {view} {theme}: not deterministic");
                check_document(&svg, &model, view == "current", &format!("{path} {view}"));
            }
        }
    }
}

fn model_of(path: &str) -> Model {
    let text = std::fs::read_to_string(root().join(path)).expect("the file reads");
    archc::compile(&Source::new(path, text), &LintConfig::default()).model
}

fn check_document(svg: &str, model: &Model, current: bool, what: &str) {
    let doc = match Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("{what}: not XML: {e}"),
    };
    let root_el = doc.root_element();
    assert_eq!(root_el.tag_name().name(), "svg", "{what}");
    check_self_contained(svg, &doc, what);
    check_title(root_el, model, what);
    let shown = |id: ElementId| !current || !model.in_solution(id);
    check_boxes(&doc, model, &shown, what);
    check_edges(&doc, model, current, &shown, what);
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        assert!(
            text.text().is_some_and(|t| !t.trim().is_empty()),
            "{what}: an empty <text>"
        );
    }
}

/// No script, no event handler, no reference to anything outside the file.
fn check_self_contained(svg: &str, doc: &Document, what: &str) {
    assert!(!svg.contains("<script"), "{what}");
    for node in doc.descendants().filter(Node::is_element) {
        for attr in node.attributes() {
            let name = attr.name();
            assert!(!name.starts_with("on"), "{what}: event handler {name}");
            assert!(!name.contains("href"), "{what}: link {name}");
            assert!(!attr.value().contains("url("), "{what}: reference {name}");
            if name != "xmlns" {
                assert!(!attr.value().contains("://"), "{what}: URL in {name}");
            }
        }
    }
}

fn check_title(svg: Node, model: &Model, what: &str) {
    let first = svg.children().find(Node::is_element);
    let title = first
        .filter(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    let expect = model.review.as_ref().map(|r| r.title.as_str());
    if let Some(expect) = expect {
        assert_eq!(title, Some(expect), "{what}: the diagram's <title>");
    } else {
        assert!(title.is_some(), "{what}: the diagram has a <title>");
    }
}

/// One `g.node` per shown system and module, one `g.group` per shown container, each inside the
/// `g.group` of its model parent, each node with a `<title>`.
fn check_boxes(doc: &Document, model: &Model, shown: &dyn Fn(ElementId) -> bool, what: &str) {
    for (class, leaf) in [("node", true), ("group", false)] {
        let drawn: Vec<&str> = with_class(doc, class)
            .map(|n| n.attribute("data-id").unwrap_or_default())
            .collect();
        let expect: Vec<&str> = model
            .element_ids()
            .filter(|&id| shown(id) && model.element(id).kind.is_container() != leaf)
            .map(|id| model.element(id).id.as_str())
            .collect();
        assert_eq!(drawn, expect, "{what}: the {class}s");
    }
    for node in with_class(doc, "node").chain(with_class(doc, "group")) {
        let id = node.attribute("data-id").unwrap_or_default();
        let Some(element) = model.element_ids().find(|&e| model.element(e).id == id) else {
            panic!("{what}: {id} is not in the model");
        };
        let parent = model
            .element(element)
            .parent
            .map(|p| model.element(p).id.as_str());
        let drawn_parent = node
            .ancestors()
            .skip(1)
            .find(|a| a.attribute("class") == Some("group"))
            .and_then(|a| a.attribute("data-id"));
        assert_eq!(drawn_parent, parent, "{what}: the parent of {id}");
        let title = node.children().find(|c| c.has_tag_name("title"));
        assert!(
            title.and_then(|t| t.text()).is_some(),
            "{what}: {id} has no <title>"
        );
        let kind = model.element(element).kind;
        let side = if model.in_solution(element) {
            "solution"
        } else {
            "customer"
        };
        assert_eq!(
            node.attribute("data-kind"),
            Some(kind.name()),
            "{what}: {id}"
        );
        assert_eq!(node.attribute("data-side"), Some(side), "{what}: {id}");
        if kind == ElementKind::Customer || kind == ElementKind::Solution {
            assert!(node.attribute("class") == Some("group"), "{what}: {id}");
        }
    }
}

/// Edges as written and in source order; the legend lists exactly the families drawn; a gap
/// marker with a "Gap: …" tooltip on each connection that has gaps.
fn check_edges(
    doc: &Document,
    model: &Model,
    current: bool,
    shown: &dyn Fn(ElementId) -> bool,
    what: &str,
) {
    let in_view: Vec<_> = model
        .connections
        .iter()
        .filter(|c| shown(c.from) && shown(c.to) && (!current || c.status == Status::Existing))
        .collect();
    let expect: Vec<String> = in_view
        .iter()
        .map(|c| {
            let (from, to) = (model.element(c.from), model.element(c.to));
            format!("{}{}{}", from.id, c.arrow.as_str(), to.id)
        })
        .collect();
    let edges: Vec<Node> = with_class(doc, "edge").collect();
    let drawn: Vec<&str> = edges
        .iter()
        .map(|n| n.attribute("data-id").unwrap_or_default())
        .collect();
    assert_eq!(drawn, expect, "{what}: the edges");
    for (edge, c) in edges.iter().zip(&in_view) {
        let status = match c.status {
            Status::Proposed => "proposed",
            Status::Existing => "existing",
        };
        assert_eq!(edge.attribute("data-status"), Some(status), "{what}");
        let gaps: Vec<Node> = edge
            .children()
            .filter(|n| n.attribute("class") == Some("gap"))
            .collect();
        assert_eq!(
            gaps.len(),
            usize::from(!c.gaps.is_empty()),
            "{what}: gap marker"
        );
        for gap in gaps {
            let title = gap.children().find(|n| n.has_tag_name("title"));
            let text = title.and_then(|t| t.text()).unwrap_or_default();
            assert!(text.starts_with("Gap: "), "{what}: gap tooltip {text:?}");
        }
    }
    let used: BTreeSet<&str> = in_view
        .iter()
        .map(|c| c.methods.first().map_or("none", |m| m.family().name()))
        .collect();
    let legend: Vec<Node> = with_class(doc, "legend").collect();
    assert_eq!(legend.len(), 1, "{what}: one legend");
    let listed: BTreeSet<&str> = legend[0]
        .descendants()
        .filter_map(|n| n.attribute("data-key")?.strip_prefix("family:"))
        .collect();
    assert_eq!(listed, used, "{what}: the legend's families");
    let gap_entry = legend[0]
        .descendants()
        .any(|n| n.attribute("data-key") == Some("gap"));
    assert_eq!(
        gap_entry,
        in_view.iter().any(|c| !c.gaps.is_empty()),
        "{what}"
    );
}

fn with_class<'a, 'i>(doc: &'a Document<'i>, class: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    doc.descendants()
        .filter(move |n| n.has_tag_name("g") && n.attribute("class") == Some(class))
}

#[test]
fn text_is_escaped_text() {
    let svg = render(&["tests/render/escaping.arch"]);
    assert!(svg.contains(">Säge &amp; &lt;Co&gt;</text>"), "{svg}");
    assert!(svg.contains(">R&amp;D &lt;Lab&gt; \"West\"</text>"));
    assert!(svg.contains(">x &lt; y &amp; y &gt; z</text>"));
    let doc = Document::parse(&svg).expect("XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&"Ünïcode → ok"), "{texts:?}");
    assert!(texts.contains(&"it's \"quoted\""), "{texts:?}");
}

#[test]
fn arrowheads_as_written() {
    let svg = render(&["tests/render/arrows.arch"]);
    let doc = Document::parse(&svg).expect("XML");
    let heads: Vec<(&str, usize)> = with_class(&doc, "edge")
        .map(|edge| {
            let id = edge.attribute("data-id").unwrap_or_default();
            let n = edge
                .children()
                .filter(|c| c.attribute("class") == Some("arrowhead"))
                .count();
            (id, n)
        })
        .collect();
    assert_eq!(heads, [("a->b", 1), ("a<-d", 1), ("b<->e", 2), ("d--e", 0)]);
}

// ---------------------------------------------------------------------- committed pictures

/// The README shows `examples/acme.svg`; every example's SVG is committed and current.
#[test]
fn committed_example_svgs_are_current() {
    for example in files_with_ext("examples", ".arch") {
        let path = relative(&example);
        let svg_path = example.with_extension("svg");
        let committed = std::fs::read_to_string(&svg_path)
            .unwrap_or_else(|_| panic!("{} is committed", relative(&svg_path)));
        assert_eq!(
            committed,
            render(&[&path]),
            "{} is stale: run `archc render {path} -o {}`",
            relative(&svg_path),
            relative(&svg_path)
        );
    }
}

// ---------------------------------------------------------------------- PNG

#[test]
fn png_has_the_text_drawn() {
    let dir = scratch("render", "png");
    let out = dir.join("acme.png");
    let out_text = out.to_string_lossy().into_owned();
    let run = archc(&[
        "render",
        "examples/acme.arch",
        "-o",
        &out_text,
        "--scale",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let png = std::fs::read(&out).expect("the PNG is written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    let svg = render(&["examples/acme.arch"]);
    let doc = Document::parse(&svg).expect("XML");
    let width: f32 = doc
        .root_element()
        .attribute("width")
        .and_then(|w| w.parse().ok())
        .unwrap_or(0.0);
    assert_eq!(pixmap.width(), width.ceil() as u32);
    // Inside Okta's box, between its border and its text, some pixels are as dark as text.
    let okta = with_class(&doc, "node")
        .find(|n| n.attribute("data-id") == Some("okta"))
        .expect("the okta node");
    let rect = okta
        .children()
        .find(|n| n.has_tag_name("rect"))
        .expect("a rect");
    let num = |name: &str| {
        rect.attribute(name)
            .and_then(|v| v.parse::<f32>().ok())
            .unwrap_or(0.0)
    };
    let (x, y, w, h) = (num("x"), num("y"), num("width"), num("height"));
    let dark = count_pixels(&pixmap, (x + 4.0, y + 4.0, w - 8.0, h - 8.0), |l| l < 110.0);
    let light = count_pixels(&pixmap, (x + 4.0, y + 4.0, w - 8.0, h - 8.0), |l| l > 240.0);
    assert!(dark > 40, "text pixels in Okta's box: {dark}");
    assert!(
        light > dark,
        "the box is mostly background: {light} vs {dark}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn png_to_stdout_and_scale() {
    let dir = scratch("render", "png-scale");
    let out = dir.join("seed.png");
    let out_text = out.to_string_lossy().into_owned();
    let run = archc(&[
        "render",
        "tests/render/seed.arch",
        "--format",
        "png",
        "-o",
        &out_text,
        "--scale",
        "0.5",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let half =
        resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&out).expect("written")).expect("PNG");
    let run = archc(&["render", "tests/render/seed.arch", "-o", &out_text]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let double =
        resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&out).expect("written")).expect("PNG");
    // `.png` chooses PNG; the default scale is 2, four times 0.5.
    assert!(
        double.width().abs_diff(4 * half.width()) <= 4,
        "{} {}",
        double.width(),
        half.width()
    );
    let dark = archc(&[
        "render",
        "tests/render/seed.arch",
        "--format",
        "png",
        "--theme",
        "dark",
    ]);
    assert_eq!(dark.code, 0, "{}", dark.stderr);
    let bad = archc(&[
        "render",
        "tests/render/seed.arch",
        "--format",
        "png",
        "--scale",
        "0",
    ]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("scale"), "{}", bad.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

fn count_pixels(
    pixmap: &resvg::tiny_skia::Pixmap,
    area: (f32, f32, f32, f32),
    keep: impl Fn(f32) -> bool,
) -> usize {
    let (x0, y0, w, h) = area;
    let mut n = 0;
    for y in y0.max(0.0) as u32..(y0 + h) as u32 {
        for x in x0.max(0.0) as u32..(x0 + w) as u32 {
            if let Some(p) = pixmap.pixel(x, y) {
                let c = p.demultiply();
                let luma = 0.299 * f32::from(c.red())
                    + 0.587 * f32::from(c.green())
                    + 0.114 * f32::from(c.blue());
                n += usize::from(keep(luma));
            }
        }
    }
    n
}

// ---------------------------------------------------------------------- the command line

#[test]
fn writes_files_atomically_and_reads_stdin() {
    let dir = scratch("render", "cli");
    let out = dir.join("acme.svg");
    let out_text = out.to_string_lossy().into_owned();
    let run = archc(&["render", "examples/acme.arch", "-o", &out_text]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, render(&["examples/acme.arch"]));
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("listed").flatten().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    let text = std::fs::read(root().join("examples/acme.arch")).expect("reads");
    let piped = archc_with_stdin(&["render", "-"], &text);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, written);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn input_errors_draw_nothing() {
    let run = archc_with_stdin(
        &["render", "-"],
        b"customer c { system a }\na -> b : rest\n",
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("unknown element `b`"), "{}", run.stderr);
    let missing = archc(&["render", "no/such/file.arch"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no/such/file.arch"),
        "{}",
        missing.stderr
    );
    let usage = archc(&["render", "examples/acme.arch", "--view", "future"]);
    assert_eq!(usage.code, 2);
}

#[test]
fn empty_and_fragment_files_still_draw() {
    let empty = archc_with_stdin(&["render", "-"], b"");
    assert_eq!(empty.code, 0, "{}", empty.stderr);
    assert!(empty.stdout.starts_with("<svg "));
    let only_solution = archc_with_stdin(
        &["render", "-", "--view", "current"],
        b"solution s { module m }\n",
    );
    assert_eq!(only_solution.code, 0, "{}", only_solution.stderr);
    assert!(!only_solution.stdout.contains("class=\"node\""));
}

#[test]
fn connections_written_the_same_way_get_distinct_data_ids() {
    let text = "customer c \"C\" {\n  system a \"A\" { kind: crm }\n  system b \"B\" { kind: erp }\n}\n\
                a -> b : rest\na -> b : kafka\na -> b : sftp\nb <- a : rest\n";
    let run = crate::support::archc_with_stdin(&["render", "-"], text.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run
        .stdout
        .match_indices("class=\"edge\" data-")
        .filter_map(|(at, _)| {
            let rest = &run.stdout[at..];
            let start = rest.find("data-id=\"")? + 9;
            let end = start + rest[start..].find('"')?;
            Some(rest[start..end].replace("&gt;", ">").replace("&lt;", "<"))
        })
        .collect();
    assert_eq!(ids, ["a->b", "a->b#2", "a->b#3", "b<-a"]);
}

// ---------------------------------------------------------------------- bounds

/// The `<text>` lines and the `<title>` of the node with `data-id` `id`.
fn node_text(svg: &str, id: &str) -> (Vec<String>, String) {
    let doc = Document::parse(svg).expect("the SVG is well-formed");
    let node = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("node") && n.attribute("data-id") == Some(id))
        .expect("the node is drawn");
    let lines = node
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect();
    let title = node
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_owned();
    (lines, title)
}

/// A 300 KB label, of words or one word, is cut to a few lines ending in an ellipsis, so the
/// SVG and the PNG stay small and quick (the one-word label took minutes as PNG); the node's
/// tooltip keeps the whole label.
#[test]
fn very_long_labels_are_cut_in_the_picture_and_kept_in_the_tooltip() {
    let words = "order stock sync ".repeat(18_000);
    let word = "x".repeat(300_000);
    let dir = scratch("render", "long-labels");
    for label in [words.trim_end(), word.as_str()] {
        let text = format!("customer c {{\n  system s \"{label}\"\n}}\n");
        let run = archc_with_stdin(&["render", "-"], text.as_bytes());
        assert_eq!(run.code, 0, "{}", run.stderr);
        let (lines, title) = node_text(&run.stdout, "s");
        assert!(
            title.starts_with(label),
            "the tooltip holds the whole label"
        );
        assert!((1..=4).contains(&lines.len()), "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() < 60), "{lines:?}");
        assert!(lines.last().is_some_and(|l| l.ends_with('…')), "{lines:?}");
        assert!(
            run.stdout.len() < 2 * label.len(),
            "the label is not drawn whole"
        );

        let png = dir.join("long.png");
        let png = png.to_string_lossy();
        let run = archc_with_stdin(&["render", "-", "-o", &png], text.as_bytes());
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

/// A label a little too long loses only its end: the first lines are the wrapped words, the
/// last ends in an ellipsis, and a short label is drawn whole.
#[test]
fn labels_past_four_lines_end_in_an_ellipsis() {
    let text = "customer c {\n  system s \"one two three four five six seven eight nine ten \
                eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen\"\n  \
                system t \"Okta\"\n}\n";
    let svg = render_stdin(text);
    let (lines, _) = node_text(&svg, "s");
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[0].starts_with("one two"), "{lines:?}");
    assert!(lines[3].ends_with('…'), "{lines:?}");
    assert_eq!(node_text(&svg, "t").0, ["Okta"]);
}

fn render_stdin(text: &str) -> String {
    let run = archc_with_stdin(&["render", "-"], text.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// A diagram whose layout needs more than the engine's budget of elements is refused with
/// what to do instead. The budget counts elements, not seconds, so the file fails the same way
/// on every machine, and before its memory runs away: 400 systems in a chain (401 boxes with
/// the customer) and 400
/// connections from its first to its last, each crossing every layer (a node, two ports and
/// an edge per layer), would need about 500,000 elements more than the budget.
#[test]
fn oversized_diagrams_are_refused_with_advice() {
    let n = 400;
    let mut text = String::from("customer c {\n");
    for i in 0..n {
        text.push_str(&format!("  system s{i}\n"));
    }
    text.push_str("}\n");
    for i in 1..n {
        text.push_str(&format!("s{} -> s{i} : rest\n", i - 1));
    }
    for _ in 0..n {
        text.push_str(&format!("s0 -> s{} : rest\n", n - 1));
    }
    let run = archc_with_stdin(&["render", "-"], text.as_bytes());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let expect = "error: cannot draw `-`: layout failed: the diagram is too large to lay out: \
                  401 boxes and 799 connections need more than 500000 layout elements";
    assert!(run.stderr.starts_with(expect), "{}", run.stderr);
    assert!(run.stderr.contains("`--view current`"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// ELK counts paths through a group in Java `int`s, which wrap; the port added them with `+`,
/// which panics on overflow in builds with overflow checks (this one), so a group holding a
/// lattice of 2^34 paths could not be drawn.
#[test]
fn a_group_with_billions_of_paths_through_it_lays_out() {
    let (layers, width) = (34, 2);
    let mut text = String::from("customer c {\n  system src\n  system dst\n  group g {\n");
    for l in 0..layers {
        for w in 0..width {
            text.push_str(&format!("    system n{l}_{w}\n"));
        }
    }
    text.push_str("  }\n}\n");
    for w in 0..width {
        text.push_str(&format!(
            "src -> n0_{w} : rest\nn{}_{w} -> dst : rest\n",
            layers - 1
        ));
    }
    for l in 1..layers {
        for a in 0..width {
            for b in 0..width {
                text.push_str(&format!("n{}_{a} -> n{l}_{b} : rest\n", l - 1));
            }
        }
    }
    let svg = render_stdin(&text);
    assert_eq!(svg.matches("class=\"node\"").count(), 2 + layers * width);
}
