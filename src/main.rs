//! The `archc` binary: parse the command line and hand it to `archc::cli`.

use clap::Parser;

fn main() -> std::process::ExitCode {
    archc::cli::run(archc::cli::Cli::parse())
}
