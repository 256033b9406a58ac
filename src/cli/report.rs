//! `archc report`: the review summary deliverable, as Markdown or one self-contained HTML page.

use std::path::Path;

use clap::ValueEnum;

use crate::cli::{Outcome, fail, inputs, output};
use crate::model::Model;
use crate::report::{self, Diagrams, ReportFormat, ReportOptions};
use crate::source::Source;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The `.arch` file; `-` reads stdin
    file: String,
    /// Write to this file (atomically) instead of stdout; `-` is stdout
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
    /// Output format [default: html when OUT ends in .html or .htm, else md]
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// GitHub-flavoured Markdown, linking the diagrams as SVG files beside it
    Md,
    /// One self-contained page: CSS and diagrams inline, no script, prints cleanly
    Html,
}

pub(crate) fn run(args: Args) -> Outcome {
    let (source, model) = match inputs::load_model(&args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let format = format(&args);
    let options = ReportOptions {
        format,
        diagrams: diagrams(&model, &source, args.output.as_deref(), format),
        source: &source,
    };
    let text = report::render(&model, &options);
    match output::write(args.output.as_deref(), text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}

fn format(args: &Args) -> ReportFormat {
    let html_name = args.output.as_deref().is_some_and(|out| {
        Path::new(out)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    });
    match args.format {
        Some(Format::Html) => ReportFormat::Html,
        Some(Format::Md) => ReportFormat::Markdown,
        None if html_name => ReportFormat::Html,
        None => ReportFormat::Markdown,
    }
}

/// THE ONE PLACE THE DIAGRAMS ARE CHOSEN — to be switched when the layout/SVG renderer lands.
///
/// For now: links to `<stem>-current.svg` and `<stem>-proposed.svg`, named after the input
/// and meant to sit beside the report; the report says which `archc render` command writes
/// each. Once the renderer exists this should, for Markdown, write those two SVGs beside
/// `OUT` (atomically, with `output::write_atomic`) and keep the links, and for HTML return
/// `Diagrams::Inline` with the two SVG texts, so the page stays self-contained.
fn diagrams(
    _model: &Model,
    source: &Source,
    _out: Option<&str>,
    _format: ReportFormat,
) -> Diagrams {
    let stem = Path::new(&source.path)
        .file_stem()
        .filter(|_| source.path != "-")
        .map_or_else(
            || "review".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
    Diagrams::Links {
        current: format!("{stem}-current.svg"),
        proposed: format!("{stem}-proposed.svg"),
    }
}
