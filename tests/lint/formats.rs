//! Output formats of `archc check` that code-scanning tools read: GitHub workflow
//! commands and SARIF 2.1.0; and the order of output when many files are checked at once.

use serde_json::Value;

use super::scratch;
use crate::support::archc;

const FIXTURES: [&str; 2] = [
    "tests/lint/syntax/fires.arch",
    "tests/lint/unsupported-method/fires.arch",
];

#[test]
fn github_annotations() {
    let run = archc(&[
        "check",
        "--format",
        "github",
        "tests/lint/unowned-system/fires.arch",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn github_commands_are_one_line_each() {
    let run = archc(&[&["check", "--format", "github"][..], &FIXTURES[..]].concat());
    assert_eq!(run.code, 1);
    for line in run.stdout.lines() {
        let (command, rest) = line.split_once(' ').expect("a command and its properties");
        assert!(command == "::error" || command == "::warning", "{line}");
        let (properties, message) = rest.split_once("::").expect("properties::message");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split('=').next().unwrap_or(""))
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        assert!(!message.is_empty() && !message.contains('\n'), "{line}");
    }
}

/// SARIF 2.1.0, checked field by field against the properties the specification requires
/// (and that GitHub code scanning reads): a hand-written check rather than the official
/// JSON schema, which would need a schema validator the project does not otherwise use.
#[test]
fn sarif_has_the_required_structure() {
    let run = archc(&[&["check", "--format", "sarif"][..], &FIXTURES[..]].concat());
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0"))
    );
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "archc");
    let rules = driver["rules"]
        .as_array()
        .expect("driver.rules is an array");
    for rule in rules {
        let id = rule["id"].as_str().expect("rule id");
        let summary = archc::lint::registry::by_name(id)
            .expect("a registered rule")
            .summary;
        assert_eq!(rule["shortDescription"]["text"], summary, "{id}");
    }
    let results = runs[0]["results"].as_array().expect("results is an array");
    assert!(
        results.len() >= 8,
        "both fixtures' findings: {}",
        results.len()
    );
    for result in results {
        check_result(result, rules);
    }
}

fn check_result(result: &Value, rules: &[Value]) {
    let id = result["ruleId"].as_str().expect("ruleId");
    let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
    let level = result["level"].as_str().expect("level");
    assert!(
        ["none", "note", "warning", "error"].contains(&level),
        "{level}"
    );
    assert!(
        result["message"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    let locations = result["locations"].as_array().expect("locations");
    assert_eq!(locations.len(), 1);
    let related = result["relatedLocations"]
        .as_array()
        .map_or(&[][..], |r| &r[..]);
    for location in locations.iter().chain(related) {
        let physical = &location["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(FIXTURES.contains(&uri), "a relative uri: {uri}");
        let region = &physical["region"];
        let get = |k: &str| region[k].as_u64().unwrap_or(0);
        let (line, col, end_line, end_col) = (
            get("startLine"),
            get("startColumn"),
            get("endLine"),
            get("endColumn"),
        );
        assert!(
            line >= 1 && col >= 1 && end_line >= line && end_col >= 1,
            "{region}"
        );
        assert!(end_line > line || end_col >= col, "{region}");
    }
}

#[test]
fn many_files_print_in_input_order() {
    let files: Vec<(String, String)> = (0..40)
        .map(|i| {
            let text = format!("customer c \"C\" {{\n  system s{i} \"S\"\n}}\n");
            (format!("f{i:02}.arch"), text)
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = scratch("order", &borrowed);
    let dir = dir.to_string_lossy();
    let first = archc(&[
        "check",
        "--format",
        "short",
        "--allow",
        "isolated-element",
        &dir,
    ]);
    let again = archc(&[
        "check",
        "--format",
        "short",
        "--allow",
        "isolated-element",
        &dir,
    ]);
    assert_eq!(first.stdout, again.stdout);
    let systems: Vec<String> = first
        .stdout
        .lines()
        .map(|l| l.rsplit('`').nth(1).unwrap_or("").to_string())
        .collect();
    let expected: Vec<String> = (0..40).map(|i| format!("s{i}")).collect();
    assert_eq!(systems, expected);
}
