//! Every file in `examples/` compiles, and checks clean.

use crate::support::{archc, files_with_ext, relative};

#[test]
fn every_example_checks_clean() {
    let examples = files_with_ext("examples", ".arch");
    assert!(
        examples.len() >= 3,
        "examples/ holds the worked example and two reviews"
    );
    for path in examples {
        let path = relative(&path);
        let run = archc(&["check", "--format", "short", &path]);
        assert_eq!(run.code, 0, "{path}:\n{}{}", run.stdout, run.stderr);
        assert_eq!(run.stdout, "", "{path} has findings");
    }
}

#[test]
fn acme_is_the_briefs_worked_example_verbatim() {
    let spec = std::fs::read_to_string(crate::support::root().join("../shared/spec/language.md"));
    let Ok(spec) = spec else {
        // The brief lives beside the repository in the workspace and in CI.
        panic!("../shared/spec/language.md is missing: CI lays shared/ beside the clone");
    };
    let start = spec.find("```arch\n").expect("the brief has an arch block") + "```arch\n".len();
    let end = start + spec[start..].find("```").expect("the block is closed");
    let example = std::fs::read_to_string(crate::support::root().join("examples/acme.arch"))
        .expect("examples/acme.arch exists");
    assert_eq!(example, &spec[start..end]);
}

/// The README shows the worked example beside its diagram; `tests/render.rs` keeps the SVG
/// current, this test the source.
#[test]
fn readme_embeds_the_worked_examples_diagram() {
    let readme = std::fs::read_to_string(crate::support::root().join("README.md"))
        .expect("README.md exists");
    assert!(readme.contains(r#"<img src="examples/acme.svg""#));
    let acme = std::fs::read_to_string(crate::support::root().join("examples/acme.arch"))
        .expect("examples/acme.arch exists");
    assert!(
        readme.contains(&format!("```arch\n{acme}```")),
        "the README shows examples/acme.arch verbatim beside its diagram"
    );
    assert!(crate::support::root().join("examples/acme.svg").is_file());
}
