//! `archc check`: parse, resolve and lint every input, print the findings, set the exit code.

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::cli::{Outcome, fail, inputs, output};
use crate::diagnostic::{self, Diagnostic, FileReport, Severity, human};
use crate::source::Source;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or folders (every `*.arch` below, in sorted order); `-` reads stdin
    #[arg(required = true)]
    paths: Vec<String>,
    /// How to print findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Snippets with carets and a help line
    Human,
    /// `path:line:col: severity[rule] message`
    Short,
    /// A versioned JSON document
    Json,
    /// SARIF 2.1.0
    Sarif,
}

pub(crate) fn run(args: Args) -> Outcome {
    let paths = match inputs::expand(&args.paths) {
        Ok(paths) => paths,
        Err(e) => return fail(e),
    };
    let mut checked: Vec<(Source, Vec<Diagnostic>)> = Vec::with_capacity(paths.len());
    for path in &paths {
        match inputs::read(path) {
            Ok(input) => checked.push(check_one(input)),
            Err(e) => return fail(e),
        }
    }
    let reports: Vec<FileReport<'_>> = checked
        .iter()
        .map(|(source, diagnostics)| FileReport::new(source, diagnostics))
        .collect();
    let text = match args.format {
        Format::Human => human_output(&reports),
        Format::Short => diagnostic::short::render(&reports),
        Format::Json => diagnostic::json::render(&reports),
        Format::Sarif => diagnostic::sarif::render(&reports, &|rule| rule.to_string()),
    };
    if let Err(e) = output::write(None, text.as_bytes()) {
        return fail(e);
    }
    let all = checked.iter().flat_map(|(_, d)| d);
    outcome(all, args.deny_warnings)
}

/// Compiles one input; an encoding error stands alone (the text would only mislead).
fn check_one(input: inputs::Input) -> (Source, Vec<Diagnostic>) {
    if let Some(error) = input.encoding_error {
        return (input.source, vec![error]);
    }
    let compilation = crate::compile(&input.source);
    (input.source, compilation.diagnostics)
}

fn human_output(reports: &[FileReport<'_>]) -> String {
    let color = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        human::Color::Always
    } else {
        human::Color::Never
    };
    let mut text = human::render(reports, color, 100);
    let (errors, warnings) = count(reports.iter().flat_map(|r| r.diagnostics));
    if errors + warnings > 0 {
        text.push_str(&format!(
            "{} in {} file{}\n",
            plural_findings(errors, warnings),
            reports.len(),
            if reports.len() == 1 { "" } else { "s" }
        ));
    }
    text
}

fn plural_findings(errors: usize, warnings: usize) -> String {
    let e = format!("{errors} error{}", if errors == 1 { "" } else { "s" });
    let w = format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" });
    format!("{e}, {w}")
}

fn count<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> (usize, usize) {
    diagnostics.fold((0, 0), |(e, w), d| match d.severity {
        Severity::Error => (e + 1, w),
        Severity::Warning => (e, w + 1),
    })
}

fn outcome<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>, deny_warnings: bool) -> Outcome {
    let (errors, warnings) = count(diagnostics);
    if errors > 0 || (deny_warnings && warnings > 0) {
        Outcome::InputErrors
    } else {
        Outcome::Success
    }
}
