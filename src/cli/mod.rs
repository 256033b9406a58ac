//! THE EDGE: arguments, files, the environment, the terminal and exit codes.
//!
//! Nothing below this module reads a file, an environment variable or the terminal;
//! each subcommand is one file with an `Args` struct and a `run` function.

mod check;
mod config;
mod explain;
mod export;
mod fmt;
mod inputs;
pub mod output;
mod render;
mod report;
mod schema;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A diagram-as-code compiler for customer architecture reviews.
#[derive(Debug, Parser)]
#[command(name = "archc", version = env!("ARCHC_LONG_VERSION"), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse, resolve and lint `.arch` files
    Check(check::Args),
    /// Draw the review's diagram (SVG or PNG)
    Render(render::Args),
    /// Print one of the review's tables
    Table(table::Args),
    /// Write the review summary deliverable
    Report(report::Args),
    /// Format `.arch` files canonically
    Fmt(fmt::Args),
    /// Explain a lint rule, or list them all
    Explain(explain::Args),
    /// Export the model for other tools
    Export(export::Args),
    /// Print the language reference: declaration kinds, keys, value sets, methods
    Schema(schema::Args),
}

/// The outcome of a command, mapped to the exit status in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: success, or no findings at error level.
    Success,
    /// 1: the input has errors (for `check`, findings at error level).
    InputErrors,
    /// 2: usage or I/O error.
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Success => 0,
            Outcome::InputErrors => 1,
            Outcome::Failure => 2,
        })
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Render(args) => render::run(args),
        Command::Table(args) => table::run(args),
        Command::Report(args) => report::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Export(args) => export::run(args),
        Command::Schema(args) => schema::run(args),
    };
    outcome.into()
}

/// Reports a failure of the tool itself (not a finding) on stderr.
pub(crate) fn fail(message: impl std::fmt::Display) -> Outcome {
    eprintln!("error: {message}");
    Outcome::Failure
}
