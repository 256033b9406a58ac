//! `archc fmt`: golden layouts, the two properties on every `.arch` file we have and on
//! generated ones (formatting is idempotent and never changes meaning), and the CLI's
//! contract (exit codes, `--check`, stdin, files left alone, atomic writes).

mod random;

use std::path::{Path, PathBuf};

use archc::source::Source;
use archc::{format, syntax};

use crate::support::{archc, archc_with_stdin, root, scratch};

// ----- golden layouts ------------------------------------------------------------------

#[test]
fn golden_fixtures() {
    insta::glob!("fmt/*.input.arch", |path| {
        let input = std::fs::read_to_string(path).expect("the fixture reads");
        let run = archc_with_stdin(&["fmt", "-"], input.as_bytes());
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "");
        let again = archc_with_stdin(&["fmt", "-"], run.stdout.as_bytes());
        assert_eq!(
            again.stdout, run.stdout,
            "formatting the output again changes it"
        );
        insta::assert_snapshot!(run.stdout);
    });
}

// ----- the properties ------------------------------------------------------------------

/// Every `.arch` file in the repository (examples, test fixtures, benches, grammar).
#[test]
fn every_arch_file_in_the_repository() {
    let mut files = Vec::new();
    for dir in ["examples", "tests", "benches", "grammar"] {
        collect_arch(&root().join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() >= 9, "found only {files:?}");
    let mut formatted = 0;
    for path in &files {
        let text = std::fs::read(path).expect("the file reads");
        let Ok(text) = String::from_utf8(text) else {
            continue; // encoding fixtures: the CLI tests cover them
        };
        let shown = crate::support::relative(path);
        if check_properties(&shown, &text) {
            formatted += 1;
        }
    }
    assert!(formatted >= 9, "only {formatted} files were formatted");
}

/// Reviews from the benchmark generator, small to large.
#[test]
fn generated_reviews() {
    for (nodes, seed) in [(5, 1), (30, 2), (80, 3), (200, 4), (500, 5)] {
        let out = std::process::Command::new("python3")
            .arg(root().join("benches/gen_review.py"))
            .args(["--nodes", &nodes.to_string(), "--seed", &seed.to_string()])
            .output()
            .expect("python3 runs the generator");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("the generator writes UTF-8");
        let name = format!("gen_review --nodes {nodes} --seed {seed}");
        assert!(check_properties(&name, &text), "{name} formats");
    }
}

/// Random files in every layout the parser accepts.
#[test]
fn random_layouts() {
    for seed in 0..400 {
        let text = random::file(seed);
        let parsed = syntax::parse(&Source::new("random.arch", text.as_str()));
        assert!(
            parsed.diagnostics.is_empty() && parsed.file.inner_comments.is_empty(),
            "the generator wrote an invalid file (seed {seed}):\n{text}\n{:?}",
            parsed.diagnostics
        );
        assert!(check_properties(&format!("random seed {seed}"), &text));
    }
}

/// Checks both properties on one text; false when the text is not formattable (syntax
/// errors or comments inside a statement), which the formatter must then refuse.
fn check_properties(name: &str, text: &str) -> bool {
    let parsed = syntax::parse(&Source::new(name, text));
    let result = format::format(&parsed.file);
    if !parsed.diagnostics.is_empty() || !parsed.file.inner_comments.is_empty() {
        assert!(
            result.is_err(),
            "{name}: a file with syntax errors or inner comments formats"
        );
        return false;
    }
    let once = result.unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let reparsed = syntax::parse(&Source::new(name, once.as_str()));
    assert_eq!(
        reparsed.diagnostics,
        vec![],
        "{name}: the output does not parse:\n{once}"
    );
    let twice = format::format(&reparsed.file).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(twice, once, "{name}: fmt(fmt(x)) != fmt(x)");
    assert_eq!(
        tree(text),
        tree(&once),
        "{name}: the syntax tree changed:\n{text}\n---- formatted:\n{once}"
    );
    assert_eq!(model(text), model(&once), "{name}: the model changed");
    assert_eq!(
        findings(text),
        findings(&once),
        "{name}: the diagnostics changed"
    );
    assert!(
        once.is_empty() || (once.ends_with('\n') && !once.ends_with("\n\n")),
        "{name}"
    );
    assert!(!once.starts_with('\n'), "{name}");
    true
}

/// The syntax tree without spans, less the differences the layout makes on purpose:
/// blank lines at the end of a block or file are dropped, and a comment the parser marks
/// trailing although no code precedes it on its line (`, # note`) goes on its own line.
fn tree(text: &str) -> String {
    let parsed = syntax::parse(&Source::new("t.arch", text));
    let dump = syntax::dump::dump(&parsed.file, false);
    let lines: Vec<&str> = dump.lines().collect();
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut kept: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let is_blank = line.trim_start() == "(blank)";
        let block_or_file_ends = lines
            .get(i + 1)
            .is_none_or(|next| indent(next) < indent(line));
        if is_blank && block_or_file_ends {
            continue;
        }
        let orphan_trailing = line.trim_start().starts_with("(trailing-comment")
            && kept.last().is_none_or(|prev| {
                indent(prev) == indent(line)
                    && ["(blank", "(comment", "(trailing-comment"]
                        .iter()
                        .any(|p| prev.trim_start().starts_with(p))
            });
        kept.push(if orphan_trailing {
            line.replacen("(trailing-comment", "(comment", 1)
        } else {
            line.to_string()
        });
    }
    kept.join("\n")
}

/// The model's public parts, with spans left out.
fn model(text: &str) -> String {
    let model = archc::compile(
        &Source::new("t.arch", text),
        &archc::lint::LintConfig::default(),
    )
    .model;
    let debug = format!(
        "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}",
        model.review, model.nfr, model.elements, model.persons, model.connections, model.records
    );
    without_spans(&debug)
}

/// Every diagnostic's severity, rule and message, in order.
fn findings(text: &str) -> Vec<String> {
    archc::compile(
        &Source::new("t.arch", text),
        &archc::lint::LintConfig::default(),
    )
    .diagnostics
    .iter()
    .map(|d| format!("{:?} {} {}", d.severity, d.rule, d.message))
    .collect()
}

/// `Span { start: 1, end: 2 }` (pretty-printed over lines too) becomes `Span`.
fn without_spans(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(at) = rest.find("Span {") {
        out.push_str(&rest[..at]);
        out.push_str("Span");
        let after = &rest[at..];
        let close = after.find('}').map_or(after.len(), |i| i + 1);
        rest = &after[close..];
    }
    out.push_str(rest);
    out
}

fn collect_arch(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_arch(&path, found);
        } else if path.extension().is_some_and(|e| e == "arch") {
            found.push(path);
        }
    }
}

#[test]
fn the_examples_are_fmt_clean_except_the_briefs_aligned_one() {
    let run = archc(&[
        "fmt",
        "--check",
        "examples/smb.arch",
        "examples/enterprise.arch",
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    // acme.arch is the brief's text verbatim, aligned columns and all.
    let run = archc(&["fmt", "--check", "examples/acme.arch"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("would reformat: examples/acme.arch\n"),
        "{}",
        run.stdout
    );
}

// ----- the command line ----------------------------------------------------------------

const UGLY: &str = "system   erp \"SAP\"{kind:erp}\n";
const PRETTY: &str = "system erp \"SAP\" { kind: erp }\n";
const BROKEN: &str = "system erp {\n  kind erp\n}\n";

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the file is written");
    path.to_string_lossy().into_owned()
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).expect("the file reads")
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder reads")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn formats_files_in_place() {
    let dir = scratch("fmt", "in_place");
    let path = write(&dir, "a.arch", UGLY.as_bytes());
    let run = archc(&["fmt", &path]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    assert_eq!(read(&path), PRETTY.as_bytes());
    // Only the file itself is left: the temporary file was renamed over it.
    assert_eq!(names_in(&dir), ["a.arch"]);
}

#[cfg(unix)]
#[test]
fn writes_atomically_and_only_when_the_text_changes() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = scratch("fmt", "atomic");
    let path = write(&dir, "a.arch", UGLY.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let before = std::fs::metadata(&path).expect("stat").ino();
    assert_eq!(archc(&["fmt", &path]).code, 0);
    let after = std::fs::metadata(&path).expect("stat");
    // A new inode: the new text was written beside the file and renamed over it, so a
    // reader never sees half a file.
    assert_ne!(
        after.ino(),
        before,
        "the file was rewritten in place, not replaced"
    );
    assert_eq!(
        after.permissions().mode() & 0o777,
        0o640,
        "permissions are kept"
    );
    // Already formatted: not touched at all.
    assert_eq!(archc(&["fmt", &path]).code, 0);
    assert_eq!(std::fs::metadata(&path).expect("stat").ino(), after.ino());
}

#[cfg(unix)]
#[test]
fn formats_through_a_symlink_and_keeps_the_link() {
    let dir = scratch("fmt", "symlink");
    let target = write(&dir, "real.arch", UGLY.as_bytes());
    let link = dir.join("link.arch");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let link = link.to_string_lossy().into_owned();
    assert_eq!(archc(&["fmt", &link]).code, 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(&target), PRETTY.as_bytes());
}

#[test]
fn check_changes_nothing_and_exits_1_when_a_file_would_change() {
    let dir = scratch("fmt", "check");
    let ugly = write(&dir, "ugly.arch", UGLY.as_bytes());
    let pretty = write(&dir, "pretty.arch", PRETTY.as_bytes());
    let run = archc(&["fmt", "--check", &pretty]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let run = archc(&["fmt", "--check", &ugly, &pretty]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "would reformat: {ugly}\n--- {ugly}\n+++ {ugly}\n@@ -1 +1 @@\n-{}\n+{}\n",
            UGLY.trim_end(),
            PRETTY.trim_end()
        )
    );
    assert_eq!(read(&ugly), UGLY.as_bytes());
    assert_eq!(names_in(&dir), ["pretty.arch", "ugly.arch"]);
}

#[test]
fn folders_are_expanded_to_their_arch_files() {
    let dir = scratch("fmt", "folder");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    let ugly = write(&dir.join("sub"), "b.arch", UGLY.as_bytes());
    write(&dir, "a.arch", PRETTY.as_bytes());
    write(&dir, "notes.txt", UGLY.as_bytes());
    let shown = dir.to_string_lossy().into_owned();
    let run = archc(&["fmt", "--check", &shown]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout.lines().next(),
        Some(format!("would reformat: {ugly}").as_str())
    );
    assert_eq!(archc(&["fmt", &shown]).code, 0);
    assert_eq!(read(&ugly), PRETTY.as_bytes());
    assert_eq!(
        read(&dir.join("notes.txt").to_string_lossy()),
        UGLY.as_bytes()
    );
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let run = archc_with_stdin(&["fmt", "-"], UGLY.as_bytes());
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, PRETTY, "")
    );
    let run = archc_with_stdin(&["fmt", "--check", "-"], UGLY.as_bytes());
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("would reformat: -\n"),
        "{}",
        run.stdout
    );
    let run = archc_with_stdin(&["fmt", "--check", "-"], PRETTY.as_bytes());
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_untouched() {
    let dir = scratch("fmt", "syntax_error");
    let broken = write(&dir, "broken.arch", BROKEN.as_bytes());
    let ugly = write(&dir, "ugly.arch", UGLY.as_bytes());
    for check in [false, true] {
        let mut args = vec!["fmt"];
        if check {
            args.push("--check");
        }
        args.push(&broken);
        let run = archc(&args);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stderr.contains("error[syntax]"), "{}", run.stderr);
        assert!(
            run.stderr.contains("expected `:` or an arrow after `kind`"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("{broken}: not formatted")),
            "{}",
            run.stderr
        );
        assert_eq!(read(&broken), BROKEN.as_bytes());
    }
    // The other files are still formatted, and the exit code still says 1.
    let run = archc(&["fmt", &broken, &ugly]);
    assert_eq!(run.code, 1);
    assert_eq!(read(&broken), BROKEN.as_bytes());
    assert_eq!(read(&ugly), PRETTY.as_bytes());
    // From stdin: nothing on stdout.
    let run = archc_with_stdin(&["fmt", "-"], BROKEN.as_bytes());
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
}

#[test]
fn a_comment_inside_a_statement_is_refused_with_its_position() {
    let dir = scratch("fmt", "inner_comment");
    let text = "system s {\n  data: [pii,  # why\n    phi]\n}\n";
    let path = write(&dir, "inner.arch", text.as_bytes());
    let run = archc(&["fmt", &path]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "{path}:2:16: error: cannot format: a comment stands inside a statement; move the \
             comment to its own line\n"
        )
    );
    assert_eq!(read(&path), text.as_bytes());
}

#[test]
fn a_file_that_is_not_utf8_is_reported_and_left_untouched() {
    let dir = scratch("fmt", "not_utf8");
    let bytes = b"system s \"\xff\"\n";
    let path = write(&dir, "latin1.arch", bytes);
    let run = archc(&["fmt", &path]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not valid UTF-8"), "{}", run.stderr);
    assert_eq!(read(&path), bytes);
}

#[test]
fn a_missing_path_is_an_io_error() {
    let run = archc(&["fmt", "no/such/file.arch"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read `no/such/file.arch`"),
        "{}",
        run.stderr
    );
    let run = archc(&["fmt"]);
    assert_eq!(run.code, 2, "a path is required");
}
