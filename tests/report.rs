//! `archc report`: the review summary for every example, read as a reader would.

use crate::support::{archc, root};

fn report(args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let run = archc(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr, "");
    run.stdout
}

#[test]
fn every_example_as_markdown() {
    for example in ["acme", "smb", "enterprise"] {
        let text = report(&[&format!("examples/{example}.arch")]);
        insta::assert_snapshot!(format!("{example}_md"), text);
    }
}

#[test]
fn acme_as_html() {
    insta::assert_snapshot!(
        "acme_html",
        report(&["examples/acme.arch", "--format", "html"])
    );
}

#[test]
fn escapes_in_both_formats() {
    insta::assert_snapshot!("tricky_md", report(&["tests/table/tricky.arch"]));
    let html = report(&["tests/table/tricky.arch", "--format", "html"]);
    assert!(
        html.contains("<title>Architecture Review Summary: Pipes | &amp; &lt;Markup&gt;</title>")
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/"),
        "{html}"
    );
    assert!(html.contains("Kit &lt;kit@example&gt;"));
    assert!(
        !html.contains("<script"),
        "nothing from the file becomes markup"
    );
    assert!(!html.contains("<kit@"));
}

/// The committed example report (linked from the README) is what archc writes today.
#[test]
fn committed_example_report_is_current() {
    let dir = std::env::temp_dir().join(format!("archc-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let out = dir.join("acme.report.md");
    let run = archc(&["report", "examples/acme.arch", "-o", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |name: &str| std::fs::read_to_string(dir.join(name));
    let fresh: Vec<String> = [
        "acme.report.md",
        "acme.report-current.svg",
        "acme.report-proposed.svg",
    ]
    .iter()
    .map(|name| read(name).unwrap_or_else(|e| panic!("{name} is written beside the report: {e}")))
    .collect();
    let _ = std::fs::remove_dir_all(&dir);
    for (name, fresh) in [
        "acme.report.md",
        "acme.report-current.svg",
        "acme.report-proposed.svg",
    ]
    .iter()
    .zip(&fresh)
    {
        let committed = std::fs::read_to_string(root().join("examples").join(name))
            .unwrap_or_else(|e| panic!("examples/{name} is committed: {e}"));
        assert!(
            &committed == fresh,
            "examples/{name} is stale; regenerate it with\n  \
             cargo run -- report examples/acme.arch -o examples/acme.report.md"
        );
    }
}

/// The HTML report carries both diagrams inline: the current state without the solution's
/// modules, the proposed architecture with them.
#[test]
fn html_report_embeds_both_diagrams() {
    let html = report(&["examples/acme.arch", "--format", "html"]);
    assert_eq!(html.matches("<svg").count(), 2, "two inline diagrams");
    let current = &html[html.find("<svg").expect("first svg")..];
    let current = &current[..current.find("</svg>").expect("closed")];
    assert!(
        !current.contains(r#"data-id="auth""#),
        "the current state has no modules"
    );
    let proposed = &html[html.rfind("<svg").expect("second svg")..];
    assert!(
        proposed.contains(r#"data-id="auth""#),
        "the proposed diagram shows the modules"
    );
}

#[test]
fn html_is_self_contained() {
    for example in ["acme", "smb", "enterprise"] {
        let html = report(&[&format!("examples/{example}.arch"), "--format", "html"]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        // A namespace name identifies SVG; it is never fetched.
        let html = html.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
        for external in [
            "<script", "src=", "<link", "@import", "url(", "http://", "https://",
        ] {
            assert!(
                !html.contains(external),
                "{example}: `{external}` would load or run something"
            );
        }
        assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        assert!(html.contains("@media print"), "{example}: print styles");
        assert!(
            html.contains("break-before: page"),
            "{example}: page breaks between parts"
        );
    }
}

#[test]
fn every_template_section_is_filled_in_template_order() {
    let md = report(&["examples/acme.arch"]);
    let sections = [
        "# Architecture Review Summary",
        "**Customer:** Acme Corp",
        "**Date:** 2026-11-20",
        "**Participants:** Dana Lee — SE, vendor; Priya Shah — Architect, customer",
        "**SE:** Dana Lee",
        "## Current State",
        "## Proposed Architecture",
        "## Integration Points",
        "## Gaps and Mitigations",
        "## Prerequisites",
        "## Recommended Next Steps",
        "## Open Questions",
        "## Risks",
        "## Non-functional Requirements",
        "## Security and Compliance",
        "## Review Checklist",
    ];
    let mut from = 0;
    for section in sections {
        let at = md[from..]
            .find(section)
            .unwrap_or_else(|| panic!("`{section}` in order"));
        from += at + section.len();
    }
    let checklist = md.split("## Review Checklist").nth(1).expect("a checklist");
    assert_eq!(
        checklist.matches("\n- [").count(),
        12,
        "the method's twelve items"
    );
}

#[test]
fn output_is_byte_identical_and_free_of_paths() {
    for format in ["md", "html"] {
        let first = report(&["examples/enterprise.arch", "--format", format]);
        let second = report(&["examples/enterprise.arch", "--format", format]);
        assert_eq!(first, second, "{format}");
        let root = root().to_string_lossy().into_owned();
        assert!(!first.contains(&root), "{format}: no absolute path");
    }
}

#[test]
fn format_follows_the_output_name() {
    let dir = std::env::temp_dir().join(format!("archc-report-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let out = dir.join("review.html");
    let run = archc(&["report", "examples/smb.arch", "-o", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&out).expect("the report is written");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(written, report(&["examples/smb.arch", "--format", "html"]));
}

#[test]
fn input_errors_exit_1_and_write_nothing() {
    let run =
        crate::support::archc_with_stdin(&["report", "-"], b"review \"r\" { date: 2026-02-30 }\n");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("invalid-value"), "{}", run.stderr);
}

/// The README's excerpt of the acme integration table, between
/// `<!-- archc table examples/acme.arch -->` and `<!-- end archc table -->`, is what
/// `archc table examples/acme.arch` prints today.
#[test]
fn readme_table_excerpt_is_current() {
    const START: &str = "<!-- archc table examples/acme.arch -->\n";
    const END: &str = "<!-- end archc table -->";
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md exists");
    let start = readme.find(START).expect("the excerpt's start marker") + START.len();
    let end = start + readme[start..].find(END).expect("the excerpt's end marker");
    let fresh = archc(&["table", "examples/acme.arch"]).stdout;
    assert_eq!(
        readme[start..end].trim(),
        fresh.trim(),
        "README.md's integration table is stale; paste `archc table examples/acme.arch`"
    );
}

/// The product speaks the user's words: no report, help text or rule explanation calls the
/// method it follows anything but its name.
#[test]
fn no_user_facing_text_says_seed() {
    let mut texts = Vec::new();
    for example in [
        "examples/acme.arch",
        "examples/smb.arch",
        "examples/enterprise.arch",
    ] {
        for format in ["md", "html"] {
            texts.push((
                format!("report {example} {format}"),
                report(&[example, "--format", format]),
            ));
        }
    }
    let commands = [
        "check", "render", "table", "report", "fmt", "explain", "export", "schema",
    ];
    for command in commands {
        texts.push((
            format!("{command} --help"),
            archc(&[command, "--help"]).stdout,
        ));
    }
    texts.push(("--help".into(), archc(&["--help"]).stdout));
    let rules = archc(&["explain"]).stdout;
    for rule in rules
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1))
    {
        texts.push((format!("explain {rule}"), archc(&["explain", rule]).stdout));
    }
    assert!(texts.len() > 30);
    for (name, text) in texts {
        let lower = text.to_lowercase();
        let said = lower
            .match_indices("seed")
            .any(|(at, _)| !lower[at + 4..].starts_with(|c: char| c.is_alphanumeric()));
        assert!(!said, "{name} says \"seed\"");
    }
}
