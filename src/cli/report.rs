//! `archc report`: the review summary deliverable, as Markdown or one self-contained HTML page.

use std::path::Path;

use clap::ValueEnum;

use crate::cli::output::{self, Destination};
use crate::cli::{Outcome, fail, inputs};
use crate::diagram::{self, Options};
use crate::layout::Direction;
use crate::model::Model;
use crate::render::svg;
use crate::report::{self, Diagrams, ReportFormat, ReportOptions};
use crate::source::Source;
use crate::theme::ThemeName;
use crate::view::View;

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
    let destination = match Destination::new(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(e) => return fail(e),
    };
    let (source, model) = match inputs::load_model(&args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let format = format(&args);
    let diagrams = match diagrams(&model, &source, &destination, format) {
        Ok(diagrams) => diagrams,
        Err(outcome) => return outcome,
    };
    let options = ReportOptions {
        format,
        diagrams,
        source: &source,
    };
    let text = report::render(&model, &options);
    match destination.write(text.as_bytes()) {
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

/// The diagrams the report shows, drawn by the renderer (light theme, default direction).
///
/// HTML embeds both SVGs, so the page stays one self-contained file. Markdown cannot embed
/// them (GitHub strips inline SVG): with `-o OUT`, a regular file, the two SVGs are written
/// beside OUT as `<stem>-current.svg` and `<stem>-proposed.svg`, linked, and named on
/// stderr; on stdout, a device or a pipe the report links those names beside the input and
/// writes nothing else.
fn diagrams(
    model: &Model,
    source: &Source,
    destination: &Destination,
    format: ReportFormat,
) -> Result<Diagrams, Outcome> {
    let draw = |view| {
        let options = Options {
            view,
            theme: ThemeName::Light,
            direction: Direction::Down,
        };
        diagram::draw(model, &options)
            .map(|diagram| svg::write(&diagram))
            .map_err(|e| {
                eprintln!("error: cannot lay out the {} diagram: {e}", view_name(view));
                Outcome::InputErrors
            })
    };
    if format == ReportFormat::Html {
        return Ok(Diagrams::Inline {
            current_svg: draw(View::Current)?,
            proposed_svg: draw(View::Proposed)?,
        });
    }
    let out = match destination.path() {
        Some(out) if destination.is_regular_file() => out,
        _ => {
            let stem = stem_of(&source.path).unwrap_or_else(|| "review".into());
            return Ok(Diagrams::Links {
                current: format!("{stem}-current.svg"),
                proposed: format!("{stem}-proposed.svg"),
            });
        }
    };
    let stem = stem_of(&out.to_string_lossy()).unwrap_or_else(|| "review".into());
    let current = format!("{stem}-current.svg");
    let proposed = format!("{stem}-proposed.svg");
    let dir = out.parent().unwrap_or(Path::new(""));
    let mut written = Vec::new();
    for (name, view) in [(&current, View::Current), (&proposed, View::Proposed)] {
        let path = dir.join(name);
        output::refuse_input(&path, &[&source.path]).map_err(fail)?;
        let svg = draw(view)?;
        output::write_atomic(&path, svg.as_bytes()).map_err(fail)?;
        written.push(format!("`{}`", path.display()));
    }
    eprintln!("wrote {} beside the report", written.join(" and "));
    Ok(Diagrams::Links { current, proposed })
}

fn stem_of(path: &str) -> Option<String> {
    (path != "-")
        .then(|| Path::new(path).file_stem())
        .flatten()
        .map(|s| s.to_string_lossy().into_owned())
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Current => "current-state",
        View::Proposed => "proposed",
    }
}
