//! `archc export`: the model for other tools, as JSON, Graphviz DOT, Mermaid, draw.io or D2.
//!
//! An input with errors exports nothing: its error-level findings go to stderr in the
//! human format and the exit status is 1, so a pipeline never carries a half-resolved
//! model on. Warnings do not stop an export and are not printed (`check` shows them).

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::cli::{Outcome, fail, inputs, output};
use crate::diagnostic::{Diagnostic, FileReport, Severity, human};
use crate::export::{self, Target};
use crate::source::Source;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The `.arch` file; `-` reads stdin
    file: String,
    /// The format to write
    #[arg(long, value_enum, value_name = "FORMAT")]
    to: Format,
    /// Write to OUT (atomically) instead of stdout; `-` is stdout
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The whole model as a versioned JSON document
    Json,
    /// Graphviz DOT (`dot -Tsvg`)
    Dot,
    /// A Mermaid flowchart
    Mermaid,
    /// draw.io, laid out
    Drawio,
    /// D2
    D2,
}

pub(crate) fn run(args: Args) -> Outcome {
    let input = match inputs::read(&args.file) {
        Ok(input) => input,
        Err(e) => return fail(e),
    };
    if let Some(error) = input.encoding_error {
        return report_errors(&input.source, &[error]);
    }
    let compilation = crate::compile(&input.source);
    let errors: Vec<Diagnostic> = compilation
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return report_errors(&input.source, &errors);
    }
    let model = &compilation.model;
    let text = match args.to {
        Format::Json => export::export(model, Target::Json),
        Format::Dot => export::export(model, Target::Dot),
        Format::Mermaid => export::export(model, Target::Mermaid),
        Format::D2 => export::export(model, Target::D2),
        Format::Drawio => match export::drawio(model) {
            Ok(text) => text,
            Err(e) => return fail(e),
        },
    };
    match output::write(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}

/// Prints the errors that stop the export, as `check` would, and says nothing was written.
fn report_errors(source: &Source, errors: &[Diagnostic]) -> Outcome {
    let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        human::Color::Always
    } else {
        human::Color::Never
    };
    let report = [FileReport::new(source, errors)];
    let mut text = human::render(&report, color, 100);
    let count = errors.len();
    text.push_str(&format!(
        "{count} error{} in `{}`; nothing exported\n",
        if count == 1 { "" } else { "s" },
        source.path
    ));
    eprint!("{text}");
    Outcome::InputErrors
}
