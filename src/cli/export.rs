//! `archc export`: the model for other tools, as JSON, Graphviz DOT, Mermaid, draw.io or D2.
//!
//! An input with errors exports nothing (see `inputs::load_model`): a pipeline never carries
//! a half-resolved model on. Warnings do not stop an export and are not printed.

use clap::ValueEnum;

use crate::cli::output::Destination;
use crate::cli::{Outcome, fail, inputs};
use crate::export::{self, Target};

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
    let destination = match Destination::new(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(e) => return fail(e),
    };
    let (_, model) = match inputs::load_model(&args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let model = &model;
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
    match destination.write(text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}
