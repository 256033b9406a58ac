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

/// The language reference shows `examples/acme.arch` as its worked example, verbatim.
#[test]
fn the_language_reference_shows_the_worked_example_verbatim() {
    let reference = read("docs/language.md");
    let acme = read("examples/acme.arch");
    assert!(
        reference.contains(&format!("```arch\n{acme}```")),
        "docs/language.md shows examples/acme.arch verbatim"
    );
}

/// Every key, value set, display label and method the reference lists is the compiler's:
/// its tables are `archc schema`'s output, verbatim.
#[test]
fn the_language_reference_lists_what_the_compiler_accepts() {
    let reference = read("docs/language.md");
    let (begin, end) = (
        "<!-- archc schema: begin -->\n",
        "<!-- archc schema: end -->",
    );
    let start = reference.find(begin).expect("the generated section begins") + begin.len();
    let stop = reference.find(end).expect("the generated section ends");
    let run = archc(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        &reference[start..stop],
        run.stdout,
        "docs/language.md is behind the compiler: paste `archc schema` between the markers"
    );
}

fn read(path: &str) -> String {
    std::fs::read_to_string(crate::support::root().join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
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
