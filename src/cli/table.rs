//! `archc table`: one of the review's tables, as Markdown, CSV, JSON or an HTML `<table>`.

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::cli::{Outcome, fail, inputs, output};
use crate::diagnostic::{FileReport, Severity, human};
use crate::model::Model;
use crate::render::table::{self, TableKind};
use crate::source::Source;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The `.arch` file; `-` reads stdin
    file: String,
    /// Which table
    #[arg(long, value_enum, default_value_t = Kind::Integrations)]
    kind: Kind,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Write to this file (atomically) instead of stdout; `-` is stdout
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// Proposed connections: Point, Method, Direction, Data, Frequency
    Integrations,
    /// Gaps: Integration Point, Requirement, Current Capability, Gap, Mitigation
    Gaps,
    /// Customer systems: System, Kind, Build, Owner, Criticality, Hosting, Data
    Inventory,
    /// Risks: Risk, Severity, Mitigation, Owner
    Risks,
    /// Prerequisites, next steps and open questions: Type, Item, Owner, Due
    Actions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// GitHub-flavoured Markdown
    Md,
    /// RFC 4180 CSV, UTF-8 with a byte-order mark, CRLF line ends
    Csv,
    /// An array of objects keyed by column
    Json,
    /// A bare `<table>` for a docs page
    Html,
}

pub(crate) fn run(args: Args) -> Outcome {
    let (_, model) = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let table = table::build(&model, kind(args.kind));
    let text = match args.format {
        Format::Md => table::markdown::render(&table),
        Format::Csv => table::csv::render(&table),
        Format::Json => table::json::render(&table),
        Format::Html => table::html::render(&table),
    };
    match output::write(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}

fn kind(kind: Kind) -> TableKind {
    match kind {
        Kind::Integrations => TableKind::Integrations,
        Kind::Gaps => TableKind::Gaps,
        Kind::Inventory => TableKind::Inventory,
        Kind::Risks => TableKind::Risks,
        Kind::Actions => TableKind::Actions,
    }
}

/// Reads and compiles one input for a command that produces a document from its model.
/// Error-level findings are printed on stderr and stop the command (exit 1): a table or
/// report of a model that does not mean what was written would mislead. Warnings do not.
pub(crate) fn load(path: &str) -> Result<(Source, Model), Outcome> {
    let input = inputs::read(path).map_err(fail)?;
    if let Some(error) = input.encoding_error {
        print_errors(&input.source, &[error]);
        return Err(Outcome::InputErrors);
    }
    let compilation = crate::compile(&input.source);
    let errors: Vec<_> = compilation
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        print_errors(&input.source, &errors);
        return Err(Outcome::InputErrors);
    }
    Ok((input.source, compilation.model))
}

fn print_errors(source: &Source, errors: &[crate::diagnostic::Diagnostic]) {
    let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        human::Color::Always
    } else {
        human::Color::Never
    };
    let report = FileReport::new(source, errors);
    eprint!("{}", human::render(&[report], color, 100));
}
