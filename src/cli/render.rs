//! `archc render`: the review's diagram as SVG or PNG, to a file (written atomically) or stdout.

use std::io::IsTerminal;
use std::path::Path;

use clap::ValueEnum;

use crate::cli::output::Destination;
use crate::cli::{Outcome, fail, inputs};
use crate::diagram::{self, Options};
use crate::layout::Direction;
use crate::render::{png, svg};
use crate::theme::ThemeName;
use crate::view::View;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The `.arch` file; `-` reads stdin
    file: String,
    /// Write here instead of stdout (`-` is stdout)
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
    /// `proposed`: everything; `current`: the customer's elements and existing connections
    #[arg(long, value_enum, default_value_t = ViewArg::Proposed)]
    view: ViewArg,
    /// Output format [default: png if OUT ends in `.png`, else svg]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Colour palette
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// Main direction of the connections: the customer's systems first, the solution after
    #[arg(long, value_enum, default_value_t = DirectionArg::Down)]
    direction: DirectionArg,
    /// Pixels per SVG unit for PNG output
    #[arg(long, default_value_t = 2.0)]
    scale: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ViewArg {
    Proposed,
    Current,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Svg,
    Png,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DirectionArg {
    Down,
    Right,
}

pub(crate) fn run(args: Args) -> Outcome {
    let format = args
        .format
        .unwrap_or_else(|| inferred_format(args.output.as_deref()));
    let destination = match Destination::new(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(e) => return fail(e),
    };
    if format == Format::Png
        && destination == Destination::Stdout
        && std::io::stdout().is_terminal()
    {
        return fail(
            "refusing to write a PNG to the terminal; use `-o FILE.png` or redirect stdout",
        );
    }
    let (source, model) = match inputs::load_model(&args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let options = Options {
        view: match args.view {
            ViewArg::Proposed => View::Proposed,
            ViewArg::Current => View::Current,
        },
        theme: match args.theme {
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::Dark => ThemeName::Dark,
        },
        direction: match args.direction {
            DirectionArg::Down => Direction::Down,
            DirectionArg::Right => Direction::Right,
        },
    };
    let document = match diagram::draw(&model, &options) {
        Ok(diagram) => svg::write(&diagram),
        Err(e) => {
            eprintln!(
                "error: cannot draw `{}`: {e}",
                crate::diagnostic::printable(&source.path)
            );
            return Outcome::InputErrors;
        }
    };
    let bytes = match format {
        Format::Svg => document.into_bytes(),
        Format::Png => match png::svg_to_png(&document, args.scale) {
            Ok(bytes) => bytes,
            Err(e) => return fail(e),
        },
    };
    match destination.write(&bytes) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}

/// PNG when the output file's name says so, SVG otherwise.
fn inferred_format(output: Option<&str>) -> Format {
    let png_name = output.is_some_and(|out| {
        Path::new(out)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    });
    if png_name { Format::Png } else { Format::Svg }
}
