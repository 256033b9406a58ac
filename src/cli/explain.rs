//! `archc explain` (arrives with its issue).

use crate::cli::{Outcome, fail};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Arguments, for now.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

pub(crate) fn run(args: Args) -> Outcome {
    let _ = args.rest;
    fail("`archc explain` is not available yet")
}
