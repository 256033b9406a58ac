//! The one integration test binary: each module tests one area through the built `archc`.

mod support;

mod action;
mod architecture;
mod browser;
mod cli;
mod consumers;
mod diagnostics;
mod examples;
mod explain;
mod export;
mod fmt;
mod lint;
mod no_panic;
mod parse;
mod render;
mod report;
mod safety;
mod table;
