//! Severity configuration: `archc.toml` found by walking up from each input, and the
//! `--allow`/`--warn`/`--deny` flags that win over it.

use std::path::Path;

use super::scratch;
use crate::support::{Run, archc_in};

/// A file with exactly one warning: `erp` has no owner.
const UNOWNED: &str = "customer acme \"Acme\" {\n  system erp \"ERP\"\n  system crm \"CRM\" { owner: \"Sales\" }\n}\nerp -> crm : rest\n";

fn check(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["check", "--format", "short"];
    all.extend_from_slice(args);
    archc_in(dir, &all, b"")
}

const WARNED: &str = "warning[unowned-system] system `erp` has no owner";
const DENIED: &str = "error[unowned-system] system `erp` has no owner";

#[test]
fn the_nearest_config_above_each_input_applies() {
    let dir = scratch(
        "walk",
        &[
            ("quiet/archc.toml", "[lint]\nunowned-system = \"off\"\n"),
            ("quiet/deep/er/a.arch", UNOWNED),
            ("loud/archc.toml", "[lint]\nunowned-system = \"error\"\n"),
            ("loud/b.arch", UNOWNED),
            ("plain/c.arch", UNOWNED),
        ],
    );
    let run = check(
        &dir,
        &["quiet/deep/er/a.arch", "loud/b.arch", "plain/c.arch"],
    );
    assert_eq!(
        run.stdout,
        format!("loud/b.arch:2:10: {DENIED}\nplain/c.arch:2:10: {WARNED}\n")
    );
    assert_eq!(run.code, 1, "a rule set to error fails the check");
}

#[test]
fn flags_win_over_the_file() {
    let dir = scratch(
        "flags",
        &[
            ("archc.toml", "[lint]\nunowned-system = \"off\"\n"),
            ("a.arch", UNOWNED),
        ],
    );
    let warned = check(&dir, &["--warn", "unowned-system", "a.arch"]);
    assert_eq!(
        (warned.code, warned.stdout.as_str()),
        (0, &*format!("a.arch:2:10: {WARNED}\n"))
    );
    let denied = check(&dir, &["--deny", "AR101", "a.arch"]);
    assert_eq!(
        (denied.code, denied.stdout.as_str()),
        (1, &*format!("a.arch:2:10: {DENIED}\n"))
    );
    let both = check(
        &dir,
        &[
            "--allow",
            "unowned-system",
            "--deny",
            "unowned-system",
            "a.arch",
        ],
    );
    assert_eq!(both.code, 1, "--deny is the strictest and wins");
    let allowed = check(
        &dir,
        &[
            "--warn",
            "unowned-system",
            "--allow",
            "unowned-system",
            "a.arch",
        ],
    );
    assert_eq!(
        allowed.code, 0,
        "--allow wins over --warn: {}",
        allowed.stdout
    );
    let only_flags = check(&dir, &["--allow", "isolated-element", "a.arch"]);
    assert_eq!(
        only_flags.stdout, "",
        "the file's `off` stays when no flag names the rule"
    );
}

#[test]
fn stdin_is_governed_by_the_current_folder() {
    let dir = scratch(
        "stdin",
        &[("archc.toml", "[lint]\nunowned-system = \"error\"\n")],
    );
    let run = archc_in(
        &dir,
        &["check", "--format", "short", "-"],
        UNOWNED.as_bytes(),
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, &*format!("-:2:10: {DENIED}\n"))
    );
}

#[test]
fn the_models_warnings_follow_the_config_too() {
    let text =
        "customer acme \"Acme\" {\n  system erp \"ERP\" { owner: \"IT\", ownr: \"IT\" }\n}\n";
    let dir = scratch(
        "attribute",
        &[
            (
                "archc.toml",
                "[lint]\nunknown-attribute = \"error\"\nisolated-element = \"off\"\n",
            ),
            ("a.arch", text),
        ],
    );
    let run = check(&dir, &["a.arch"]);
    assert_eq!(
        run.stdout,
        "a.arch:2:35: error[unknown-attribute] unknown attribute `ownr` on a system\n"
    );
    assert_eq!(run.code, 1);
    let off = check(&dir, &["--allow", "unknown-attribute", "a.arch"]);
    assert_eq!((off.code, off.stdout.as_str()), (0, ""));
}

#[test]
fn mistakes_are_usage_errors() {
    let dir = scratch("usage", &[("a.arch", UNOWNED)]);
    let cases: [(&[&str], &str); 4] = [
        (
            &["--allow", "unowned-sytem", "a.arch"],
            "error: --allow unowned-sytem: unknown lint rule `unowned-sytem`; did you mean `unowned-system`?\n",
        ),
        (
            &["--deny", "nonsense-here", "a.arch"],
            "error: --deny nonsense-here: unknown lint rule `nonsense-here`; `archc explain` lists every rule\n",
        ),
        (
            &["--allow", "syntax", "a.arch"],
            "error: --allow syntax: `syntax` is an error-level rule and cannot be set to `off`: a file with this error does not mean anything well-defined\n",
        ),
        (
            &["--warn", "duplicate-id", "a.arch"],
            "error: --warn duplicate-id: `duplicate-id` is an error-level rule and cannot be set to `warn`: a file with this error does not mean anything well-defined\n",
        ),
    ];
    for (args, stderr) in cases {
        let run = check(&dir, args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", stderr),
            "{args:?}"
        );
    }
}

#[test]
fn a_broken_config_file_is_a_usage_error_that_names_it() {
    let cases = [
        ("[lint\n", "error: `sub/archc.toml`: invalid TOML: "),
        (
            "[lint]\nunowned-sytem = \"off\"\n",
            "error: `sub/archc.toml`: [lint] unknown lint rule `unowned-sytem`; did you mean `unowned-system`?\n",
        ),
        (
            "[lint]\nunowned-system = \"of\"\n",
            "error: `sub/archc.toml`: [lint] `unowned-system = \"of\"`: the level is \"off\", \"warn\" or \"error\"; did you mean \"off\"?\n",
        ),
        (
            "[lint]\nsyntax = \"off\"\n",
            "error: `sub/archc.toml`: [lint] `syntax` is an error-level rule and cannot be set to `off`",
        ),
    ];
    for (i, (toml, stderr)) in cases.into_iter().enumerate() {
        let dir = scratch(
            &format!("broken{i}"),
            &[("sub/archc.toml", toml), ("sub/a.arch", UNOWNED)],
        );
        let run = check(&dir, &["sub/a.arch"]);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{toml}");
        assert!(run.stderr.starts_with(stderr), "{toml}: {}", run.stderr);
    }
}
