//! Lint fixtures: `tests/lint/<rule>/fires.arch` and `silent.arch` for every rule.
//!
//! A fixture says what it expects with caret annotations, comment lines under the line
//! they point at (as in rust-analyzer and typst):
//!
//! ```arch
//!   system erp "SAP S/4HANA" { kind: erp }
//! #        ^^^ warning[unowned-system]: system `erp` has no owner
//! ```
//!
//! The harness compiles each fixture through `archc::compile` with only that rule enabled
//! (error-level rules always run) and compares the findings, as (line, columns, severity,
//! rule, message), with the annotations exactly: a missing or an unexpected finding fails.
//! More files may show more cases: a `fires*.arch` must expect a finding of its rule, a
//! `silent*.arch` must not (it may expect other findings, such as the error that keeps the
//! lint rules from running). The human rendering of every `fires*.arch` is an insta
//! snapshot, which holds the help texts and labels that annotations do not show.

mod config;
mod formats;

use std::path::Path;

use archc::diagnostic::{FileReport, RuleId, human};
use archc::lint::{LintConfig, registry};
use archc::source::{LineIndex, Source};

use crate::support::{files_with_ext, relative};

/// One finding as a fixture writes it: 1-based line, columns `start..end` (end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expect {
    line: usize,
    start: usize,
    end: usize,
    severity: String,
    rule: String,
    message: String,
}

impl std::fmt::Display for Expect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}-{} {}[{}]: {}",
            self.line, self.start, self.end, self.severity, self.rule, self.message
        )
    }
}

#[test]
fn every_rule_fires_and_stays_silent_as_annotated() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in registry::RULES {
        for path in files_with_ext(&format!("tests/lint/{}", rule.name()), ".arch") {
            checked += 1;
            if let Err(e) = check(&path, rule.name()) {
                failures.push(format!("{}:\n{e}", relative(&path)));
            }
        }
    }
    assert!(
        checked >= 2 * registry::RULES.len(),
        "every rule has fires.arch and silent.arch"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn fires_fixtures_render() {
    insta::glob!("lint/*/fires*.arch", |path| {
        let rule = path
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        insta::assert_snapshot!(render_human(path, &rule));
    });
}

#[test]
fn annotations_parse() {
    let text = "a\n  system erp\n#        ^^^ warning[unowned-system]: system `erp` has no owner\n#   ^ error[syntax]: x: y\n";
    let found = annotations(text);
    let want = |start, end, severity: &str, rule: &str, message: &str| Expect {
        line: 2,
        start,
        end,
        severity: severity.into(),
        rule: rule.into(),
        message: message.into(),
    };
    assert_eq!(
        found,
        vec![
            want(
                10,
                13,
                "warning",
                "unowned-system",
                "system `erp` has no owner"
            ),
            want(5, 6, "error", "syntax", "x: y"),
        ]
    );
}

/// Compares the annotations of one fixture with what `archc::compile` reports.
fn check(path: &Path, rule: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut expected = annotations(&text);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let of_rule = expected.iter().filter(|e| e.rule == rule).count();
    if name.starts_with("silent") && of_rule > 0 {
        return Err(format!("a silent fixture expects a `{rule}` finding"));
    }
    if name.starts_with("fires") && of_rule == 0 {
        return Err(format!("a fires fixture expects no `{rule}` finding"));
    }
    let mut actual = findings(&relative(path), &text, rule);
    expected.sort();
    actual.sort();
    if expected == actual {
        return Ok(());
    }
    let missing: Vec<String> = expected
        .iter()
        .filter(|e| !actual.contains(e))
        .map(|e| format!("  missing:    {e}"))
        .collect();
    let unexpected: Vec<String> = actual
        .iter()
        .filter(|a| !expected.contains(a))
        .map(|a| format!("  unexpected: {a}"))
        .collect();
    Err([missing, unexpected].concat().join("\n"))
}

/// What the compiler reports for `text` with only `rule` enabled.
fn findings(path: &str, text: &str, rule: &str) -> Vec<Expect> {
    let config = LintConfig::only(RuleId::from_name(rule).expect("a registered rule"));
    let source = Source::new(path, text);
    let compilation = archc::compile(&source, &config);
    let lines = LineIndex::new(text);
    compilation
        .diagnostics
        .iter()
        .map(|d| {
            let (line, start) = lines.line_col(text, d.primary.span.start);
            let (end_line, end_col) = lines.line_col(text, d.primary.span.end);
            // A span over several lines is annotated up to the end of its first line.
            let end = if end_line == line {
                end_col
            } else {
                text.lines()
                    .nth(line - 1)
                    .map_or(start, |l| l.chars().count() + 1)
            };
            Expect {
                line,
                start,
                end: end.max(start + 1),
                severity: d.severity.as_str().into(),
                rule: d.rule.name().into(),
                message: d.message.clone(),
            }
        })
        .collect()
}

/// The `#   ^^^ severity[rule]: message` lines of a fixture, each pointing at the nearest
/// line above it that is not itself an annotation.
fn annotations(text: &str) -> Vec<Expect> {
    let mut found = Vec::new();
    let mut target = 0;
    for (i, line) in text.lines().enumerate() {
        match annotation(line) {
            Some((start, end, rest)) => {
                let Some((head, message)) = rest.split_once("]: ") else {
                    panic!(
                        "line {}: write `severity[rule]: message` after the carets",
                        i + 1
                    );
                };
                let Some((severity, rule)) = head.split_once('[') else {
                    panic!(
                        "line {}: write `severity[rule]: message` after the carets",
                        i + 1
                    );
                };
                found.push(Expect {
                    line: target,
                    start,
                    end,
                    severity: severity.into(),
                    rule: rule.into(),
                    message: message.into(),
                });
            }
            None => target = i + 1,
        }
    }
    found
}

/// `#`, spaces, carets, a space and the rest: the 1-based columns of the carets and the rest.
fn annotation(line: &str) -> Option<(usize, usize, &str)> {
    let after_hash = line.strip_prefix('#')?;
    let spaces = after_hash.len() - after_hash.trim_start_matches(' ').len();
    let carets_on = &after_hash[spaces..];
    let carets = carets_on.len() - carets_on.trim_start_matches('^').len();
    if carets == 0 {
        return None;
    }
    let rest = carets_on[carets..].strip_prefix(' ')?;
    // Column 1 is the `#`; the carets start after the spaces.
    let start = spaces + 2;
    Some((start, start + carets, rest))
}

/// The human report of a fixture with only its rule enabled, as `archc check` prints it.
fn render_human(path: &Path, rule: &str) -> String {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let source = Source::new(relative(path), text);
    let config = LintConfig::only(RuleId::from_name(rule).expect("a registered rule"));
    let compilation = archc::compile(&source, &config);
    let report = FileReport::new(&source, &compilation.diagnostics);
    human::render(&[report], human::Color::Never, 80)
}

/// Writes `files` (relative path, text) into a fresh scratch folder.
fn scratch(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = crate::support::scratch("lint", name);
    for (file, text) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("temp folder is writable");
        }
        std::fs::write(&path, text).expect("temp file is writable");
    }
    dir
}
