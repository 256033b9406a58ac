//! The JSON format: a versioned, documented schema (see ARCHITECTURE.md, "Stability").
//!
//! ```json
//! { "version": 1,
//!   "diagnostics": [ { "path", "rule", "severity", "message", "help",
//!                      "span": {"start","end"}, "line", "column", "end_line", "end_column",
//!                      "related": [ { "message", "span", "line", "column", ... } ] } ],
//!   "summary": { "files", "errors", "warnings" } }
//! ```

use serde::Serialize;

use crate::diagnostic::{FileReport, Label, Severity};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(flatten)]
    location: Location,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    message: Option<&'a str>,
    #[serde(flatten)]
    location: Location,
}

#[derive(Serialize)]
struct Location {
    span: SpanOut,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct SpanOut {
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut diagnostics = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    for file in files {
        for d in file.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            diagnostics.push(Entry {
                path: &file.source.path,
                rule: d.rule.name(),
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                location: location(file, &d.primary),
                related: d
                    .secondary
                    .iter()
                    .map(|l| Related {
                        message: l.text.as_deref(),
                        location: location(file, l),
                    })
                    .collect(),
            });
        }
    }
    let output = Output {
        version: VERSION,
        diagnostics,
        summary: Summary {
            files: files.len(),
            errors,
            warnings,
        },
    };
    let mut text = serde_json::to_string_pretty(&output).unwrap_or_default();
    text.push('\n');
    text
}

fn location(file: &FileReport<'_>, label: &Label) -> Location {
    let (line, column) = file.position(label.span);
    let (end_line, end_column) = file.lines.line_col(&file.source.text, label.span.end);
    Location {
        span: SpanOut {
            start: label.span.start,
            end: label.span.end,
        },
        line,
        column,
        end_line,
        end_column,
    }
}
