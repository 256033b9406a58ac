//! CLI behaviour: exit codes, formats, stdin, folders.
//!
//! Inputs here have error-level findings only, or none at all (per lints.md), so that the
//! expected output does not depend on which warnings the linter adds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{Run, archc, archc_with_stdin, scratch};

/// A faulty fragment: a syntax error, a duplicate ID (with a related location) and an
/// unknown reference (with a suggestion). Persons and prerequisites carry no lint rules.
const FAULTY: &str = "# A faulty fragment.
person dana \"Dana\"
person dana \"Dana again\"
prerequisite \"Access\" { owner: dnaa }
person p \"P\" { role: se extra }
";

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent folder");
    }
    std::fs::write(path, bytes).expect("scratch file");
}

/// Runs `archc` in `dir` with `env` set on top of the test's environment (minus NO_COLOR).
fn archc_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_archc"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("archc runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A folder holding `faulty.arch`.
fn faulty_dir(name: &str) -> PathBuf {
    let dir = scratch("cli", name);
    write(&dir.join("faulty.arch"), FAULTY.as_bytes());
    dir
}

/// A clean run says so to a person (human format) and nothing to a machine (short).
#[test]
fn a_clean_file_exits_0_with_a_one_line_summary() {
    for (format, expect) in [("human", "1 file checked: no findings\n"), ("short", "")] {
        let run = archc(&["check", "--format", format, "examples/acme.arch"]);
        assert_eq!(run.code, 0, "{format}: {}{}", run.stdout, run.stderr);
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            (expect, ""),
            "{format}"
        );
    }
}

#[test]
fn errors_exit_1_with_findings_on_stdout_only() {
    let dir = faulty_dir("exit_1");
    for format in ["human", "short", "json", "sarif"] {
        let run = archc_in(&dir, &["check", "--format", format, "faulty.arch"], &[]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert_eq!(
            run.stderr, "",
            "{format}: stderr carries only the tool's own failures"
        );
        assert!(run.stdout.contains("dnaa"), "{format}: {}", run.stdout);
    }
}

#[test]
fn a_missing_file_exits_2() {
    let run = archc(&["check", "does/not/exist.arch"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("error: cannot read `does/not/exist.arch`"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--no-such-flag", "examples/acme.arch"][..],
        &["check", "--format", "xml", "examples/acme.arch"],
        &["check"],
        &["no-such-command"],
    ] {
        let run = archc(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_missing_file_among_good_ones_exits_2() {
    let run = archc(&["check", "examples/acme.arch", "missing.arch"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn dash_reads_stdin() {
    let run = archc_with_stdin(&["check", "--format", "short", "-"], FAULTY.as_bytes());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.lines().all(|l| l.starts_with("-:")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);

    let acme = std::fs::read(crate::support::root().join("examples/acme.arch")).expect("acme");
    let run = archc_with_stdin(&["check", "-"], &acme);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "1 file checked: no findings\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn short_format_is_one_exact_line_per_finding() {
    let dir = faulty_dir("short");
    let run = archc_in(&dir, &["check", "--format", "short", "faulty.arch"], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "faulty.arch:3:8: error[duplicate-id] `dana` is declared more than once\n\
         faulty.arch:4:32: error[unknown-reference] unknown person `dnaa`\n\
         faulty.arch:5:25: error[syntax] expected the end of the statement, found `extra`\n"
    );
}

#[test]
fn folders_expand_to_every_arch_file_below_in_sorted_order() {
    let dir = scratch("cli", "folders");
    let tree = dir.join("tree");
    for name in [
        "b.arch",
        "a/z.arch",
        "a/b/c.arch",
        "a/B.arch",
        "c/d/e/f.arch",
    ] {
        write(&tree.join(name), b"person p P\n");
    }
    write(&tree.join("notes.txt"), b"person p P\n");
    write(&tree.join("a/arch"), b"person p P\n");
    write(&dir.join("first.arch"), b"person p P\n");
    let run = archc_in(
        &dir,
        &["check", "--format", "short", "first.arch", "tree"],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let paths: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap_or(l))
        .collect();
    assert_eq!(
        paths,
        [
            "first.arch",
            "tree/a/B.arch",
            "tree/a/b/c.arch",
            "tree/a/z.arch",
            "tree/b.arch",
            "tree/c/d/e/f.arch",
        ]
    );
}

#[test]
fn an_empty_folder_is_clean() {
    let dir = scratch("cli", "empty_folder");
    std::fs::create_dir_all(dir.join("nothing")).expect("folder");
    let run = archc_in(&dir, &["check", "nothing"], &[]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "0 files checked: no findings\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn non_utf8_input_is_a_diagnostic_not_a_crash() {
    let dir = scratch("cli", "non_utf8");
    let bytes = b"person p \"Caf\xe9\"\nperson q \"Q\"\n";
    write(&dir.join("latin1.arch"), bytes);
    let run = archc_in(&dir, &["check", "--format", "short", "latin1.arch"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "latin1.arch:1:14: error[syntax] the file is not valid UTF-8 (byte 13)\n"
    );
    assert_eq!(run.stderr, "");

    let run = archc_with_stdin(&["check", "-"], b"\xff\xfe\x00p\x00");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("not valid UTF-8"), "{}", run.stdout);
    assert!(
        run.stdout.contains("save the file as UTF-8"),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn no_colour_off_a_terminal_or_under_no_color() {
    let dir = faulty_dir("no_colour");
    for env in [&[][..], &[("NO_COLOR", "1")]] {
        let run = archc_in(&dir, &["check", "faulty.arch"], env);
        assert_eq!(run.code, 1);
        assert!(
            run.stdout.contains("× `dana` is declared more than once"),
            "{}",
            run.stdout
        );
        assert!(
            !run.stdout.contains('\u{1b}'),
            "{env:?}: ANSI escapes in {}",
            run.stdout
        );
    }
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    // `script` (util-linux, essential on Debian) runs archc with a pseudo-terminal as stdout.
    let dir = faulty_dir("terminal");
    let command = format!("{} check faulty.arch", env!("CARGO_BIN_EXE_archc"));
    let on_terminal = |env: &[(&str, &str)]| {
        let run = archc_in_script(&dir, &command, env);
        assert!(run.contains("declared more than once"), "{run}");
        run.contains('\u{1b}')
    };
    assert!(on_terminal(&[]), "no colour on a terminal");
    assert!(
        !on_terminal(&[("NO_COLOR", "1")]),
        "colour despite NO_COLOR"
    );
}

/// The output of `command` run under `script`, on a pseudo-terminal.
fn archc_in_script(dir: &Path, command: &str, env: &[(&str, &str)]) -> String {
    let mut script = Command::new("script");
    script
        .args(["-qec", command, "/dev/null"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (key, value) in env {
        script.env(key, value);
    }
    let out = script.output().expect("`script` (util-linux) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn human_format_shows_snippet_caret_and_help() {
    let dir = faulty_dir("human");
    let run = archc_in(&dir, &["check", "faulty.arch"], &[("NO_COLOR", "1")]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_format_is_versioned() {
    let dir = faulty_dir("json");
    let run = archc_in(&dir, &["check", "--format", "json", "faulty.arch"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["errors"], 3);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_format_of_a_clean_file() {
    let run = archc(&["check", "--format", "json", "examples/acme.arch"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0})
    );
}

#[test]
fn sarif_format_is_2_1_0() {
    let dir = faulty_dir("sarif");
    let run = archc_in(&dir, &["check", "--format", "sarif", "faulty.arch"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn several_files_are_reported_in_the_order_given() {
    let dir = faulty_dir("order");
    write(&dir.join("a.arch"), b"person a A\n");
    let run = archc_in(
        &dir,
        &["check", "--format", "short", "faulty.arch", "a.arch"],
        &[],
    );
    assert_eq!(run.code, 1);
    let paths: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap_or(l))
        .collect();
    assert_eq!(
        paths,
        ["faulty.arch", "faulty.arch", "faulty.arch", "a.arch"]
    );
}

/// `archc ... | head` closes the pipe early: that is not an error worth a message.
#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let big: String = (0..3000)
        .map(|i| format!("customer c{i} {{ system s{i} }}\n"))
        .collect();
    let path = std::env::temp_dir().join(format!("archc-pipe-{}.arch", std::process::id()));
    std::fs::write(&path, big).expect("temp file");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_archc"))
        .args([
            "export",
            path.to_str().expect("utf-8 temp path"),
            "--to",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("archc runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("archc finishes");
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// `-o /dev/null` writes into the device; an atomic rename would replace the device itself.
#[cfg(unix)]
#[test]
fn writing_to_a_device_leaves_the_device_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let run = crate::support::archc(&["render", "examples/acme.arch", "-o", "/dev/null"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meta = std::fs::metadata("/dev/null").expect("/dev/null exists");
    assert!(meta.file_type().is_char_device());
}

/// Found by cargo fuzz: a lint message that quotes a record's text with a `\n` escape in it
/// must still be one line of `--format short`.
#[test]
fn lint_messages_quoting_text_stay_on_one_line() {
    let text = b"step \"line one\\nline two\"\n";
    let run = crate::support::archc_with_stdin(&["check", "--format", "short", "-"], text);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "-:1:1: warning[step-without-owner] next step \"line one\\nline two\" has no `owner` or `due`\n"
    );
}

#[test]
fn version_names_the_release_and_the_revision() {
    let run = archc(&["--version"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.trim_end();
    let expected = format!("archc {}", env!("CARGO_PKG_VERSION"));
    assert!(line.starts_with(&expected), "{line}");
    if crate::support::root().join(".git").exists() {
        let revision = line[expected.len()..]
            .trim_start_matches(" (")
            .split([',', ')'])
            .next()
            .unwrap_or_default();
        assert_eq!(revision.len(), 12, "{line}");
        assert!(revision.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
    }
}
