//! `archc table`: one of the review's tables, as Markdown, CSV, JSON or an HTML `<table>`.

use clap::ValueEnum;

use crate::cli::output::Destination;
use crate::cli::{Outcome, fail, inputs};
use crate::table::{self, TableKind};

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
    let destination = match Destination::new(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(e) => return fail(e),
    };
    let (_, model) = match inputs::load_model(&args.file) {
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
    match destination.write(text.as_bytes()) {
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
