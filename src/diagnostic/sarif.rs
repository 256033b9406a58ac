//! SARIF 2.1.0, the subset code-scanning tools read: one run, the rules that fired, and a
//! result per finding with its physical location. Written with serde structs rather than a
//! SARIF crate: the subset is small and the crates pull in far more than we use.

use serde::Serialize;

use crate::diagnostic::{FileReport, Label, RuleId, Severity};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleOut<'a> {
    id: &'a str,
    short_description: Text,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<LocationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<LocationOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationOut<'a> {
    physical_location: Physical<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// `describe` gives a rule's one-line summary for the driver's rule list.
pub fn render(files: &[FileReport<'_>], describe: &dyn Fn(RuleId) -> String) -> String {
    // Sorted by name, as the rule list has always been.
    let mut rule_ids: Vec<RuleId> = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(|d| d.rule))
        .collect();
    rule_ids.sort_unstable_by_key(|r| r.name());
    rule_ids.dedup();
    let mut results = Vec::new();
    for file in files {
        for d in file.diagnostics {
            let message = match &d.help {
                Some(help) => format!("{}. {help}", d.message),
                None => d.message.clone(),
            };
            results.push(SarifResult {
                rule_id: d.rule.name(),
                rule_index: rule_ids.iter().position(|r| *r == d.rule).unwrap_or(0),
                level: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: Text { text: message },
                locations: vec![location(file, &d.primary)],
                related_locations: d.secondary.iter().map(|l| location(file, l)).collect(),
            });
        }
    }
    let rules = rule_ids
        .iter()
        .map(|&id| RuleOut {
            id: id.name(),
            short_description: Text { text: describe(id) },
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "archc",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn location<'a>(file: &FileReport<'a>, label: &Label) -> LocationOut<'a> {
    let (start_line, start_column) = file.position(label.span);
    let (end_line, end_column) = file.lines.line_col(&file.source.text, label.span.end);
    LocationOut {
        physical_location: Physical {
            artifact_location: Artifact {
                uri: &file.source.path,
            },
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
            },
        },
        message: label.text.clone().map(|text| Text { text }),
    }
}
