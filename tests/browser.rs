//! Diagram geometry measured in a real browser: every example, every render fixture and
//! generated review-shaped graphs of 10, 50 and 200 nodes, in both directions, are inlined
//! into `tests/browser/geometry.html` and opened in headless Chromium, whose script measures
//! them with the browser's own text metrics (see the page's header for what it checks).
//!
//! Needs Debian's `chromium` on PATH. Without it the test fails under `CI` and only prints a
//! notice locally. The generated graphs are committed (`tests/browser/generated/`) so that the
//! test needs no Python; when `python3` is present they are checked against
//! `benches/gen_review.py`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tools::{on_path, required, run_chromium};
use crate::support::{archc, files_with_ext, relative, root};

const GENERATED: [usize; 3] = [10, 50, 200];

#[test]
fn diagrams_hold_up_in_a_real_browser() {
    let Some(chromium) = required(
        "chromium",
        "apt-get install -y chromium",
        "the browser geometry test",
    ) else {
        return;
    };
    check_generated_inputs_are_current();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-geometry");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let cases = cases();
    let mut with_canary = cases.clone();
    with_canary.push(("canary".to_owned(), CANARY.to_owned()));
    let page = page(&with_canary);
    let page_path = dir.join("geometry.html");
    std::fs::write(&page_path, page).expect("the page is written");
    let verdict = run_chromium(&chromium, &dir, &page_path, &[]);
    check_canary(&verdict);
    let mut failures = Vec::new();
    for (name, _) in &cases {
        let Some(result) = verdict.get(name) else {
            failures.push(format!("{name}: no verdict"));
            continue;
        };
        let errors = result["errors"].as_array().cloned().unwrap_or_default();
        for e in &errors {
            failures.push(format!("{name}: {}", e.as_str().unwrap_or_default()));
        }
        let nodes = result["nodes"].as_u64().unwrap_or(0);
        assert!(
            nodes > 0 || name.contains("current"),
            "{name}: nothing measured"
        );
    }
    if std::env::var_os("ARCHC_BROWSER_SUMMARY").is_some() {
        for (name, _) in &cases {
            eprintln!(
                "{name}: {}",
                verdict
                    .get(name)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} geometry problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if std::env::var_os("ARCHC_BROWSER_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// A diagram that breaks every rule once, so the test shows that each check can fail.
const CANARY: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" font-family="DejaVu Sans, sans-serif">
<g class="group" data-id="g1"><rect x="0" y="0" width="200" height="200"/>
<text x="10" y="20" font-size="14">Group</text><text x="14" y="24" font-size="14">Other</text>
<g class="node" data-id="a"><rect x="10" y="30" width="60" height="40"/><text x="15" y="55" font-size="14">A label far too long</text></g>
<g class="node" data-id="b"><rect x="50" y="45" width="60" height="40"/></g>
<g class="node" data-id="c"><rect x="150" y="150" width="100" height="40"/></g>
</g>
<g class="group" data-id="g2"><rect x="180" y="180" width="100" height="100"/></g>
<g class="edge" data-id="a-&gt;c" data-from="a" data-to="c"><path class="route" d="M40 70L40 100L90 100L90 60L160 60L160 150"/>
<g class="edge-label"><rect x="300" y="10" width="60" height="20"/><text x="302" y="25" font-size="11">ok</text></g></g>
<g class="edge" data-id="b-&gt;c" data-from="b" data-to="c"><path class="route" d="M110 60L150 160"/>
<g class="edge-label"><rect x="305" y="15" width="60" height="20"/><text x="330" y="60" font-size="11">off</text></g></g>
<g class="legend"><rect x="0" y="290" width="10" height="10"/></g>
</svg>
"#;

/// Every check of the page fires on the canary.
fn check_canary(verdict: &serde_json::Map<String, serde_json::Value>) {
    let errors: Vec<&str> = verdict
        .get("canary")
        .and_then(|c| c["errors"].as_array())
        .map(|a| a.iter().filter_map(|e| e.as_str()).collect())
        .unwrap_or_default();
    let expected = [
        "nodes a and b overlap",
        "text \"A label far too long\"",
        "sticks out of b->c",
        "texts \"Group\"",
        "c (150.0,150.0 100.0x40.0) is not inside its group g1",
        "groups g1 and g2 overlap without nesting",
        "the labels of a->c and b->c overlap",
        "edge a->c passes through node b",
    ];
    for e in expected {
        assert!(
            errors.iter().any(|found| found.contains(e)),
            "the page's checks missed {e:?} in the canary; it found {errors:#?}"
        );
    }
}

/// (case name, SVG) for every diagram measured.
fn cases() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    let mut inputs: Vec<PathBuf> = files_with_ext("examples", ".arch");
    inputs.extend(files_with_ext("tests/render", ".arch"));
    inputs.extend(GENERATED.iter().map(|n| generated(*n)));
    for input in inputs {
        let path = relative(&input);
        for direction in ["down", "right"] {
            for view in ["proposed", "current"] {
                let run = archc(&["render", &path, "--direction", direction, "--view", view]);
                assert_eq!(run.code, 0, "{path}: {}", run.stderr);
                cases.push((format!("{path} {view} {direction}"), run.stdout));
            }
        }
    }
    let dark = archc(&["render", "examples/acme.arch", "--theme", "dark"]);
    assert_eq!(dark.code, 0, "{}", dark.stderr);
    cases.push(("examples/acme.arch dark".to_owned(), dark.stdout));
    cases
}

fn generated(n: usize) -> PathBuf {
    root().join(format!("tests/browser/generated/review-{n}.arch"))
}

/// The committed generated graphs are what the generator writes today.
fn check_generated_inputs_are_current() {
    if on_path("python3").is_none() {
        return;
    }
    for n in GENERATED {
        let out = Command::new("python3")
            .arg(root().join("benches/gen_review.py"))
            .args(["--nodes", &n.to_string()])
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "gen_review.py --nodes {n} failed");
        let committed = std::fs::read(generated(n)).expect("the generated graph is committed");
        assert!(
            committed == out.stdout,
            "tests/browser/generated/review-{n}.arch is stale: \
             python3 benches/gen_review.py --nodes {n} > tests/browser/generated/review-{n}.arch"
        );
    }
}

/// The test page with every case inlined.
fn page(cases: &[(String, String)]) -> String {
    let template = std::fs::read_to_string(root().join("tests/browser/geometry.html"))
        .expect("tests/browser/geometry.html reads");
    let mut inline = String::new();
    for (name, svg) in cases {
        inline.push_str(&format!(
            "<div class=\"case\" data-name=\"{}\">\n{svg}</div>\n",
            name.replace('&', "&amp;").replace('"', "&quot;")
        ));
    }
    template.replace("<!-- SVGS -->", &inline)
}
