//! archc: a diagram-as-code compiler for customer architecture reviews.
//!
//! The pipeline, in reading order (see ARCHITECTURE.md):
//! [`source`] text → [`syntax::parse`] → syntax tree → [`model::lower`] → [`model::Model`]
//! → lint findings, layout and renderers. [`diagnostic`] prints what each stage reports;
//! [`cli`] is the only layer that touches files, the environment and exit codes.

pub mod cli;
pub mod diagnostic;
pub mod format;
pub mod model;
pub mod source;
pub mod suggest;
pub mod syntax;

use diagnostic::Diagnostic;
use source::Source;

/// One file taken through parse and lower, with every diagnostic found on the way.
pub struct Compilation {
    pub file: syntax::ast::File,
    pub model: model::Model,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and resolves one file. Never fails: problems are diagnostics.
pub fn compile(source: &Source) -> Compilation {
    let parsed = syntax::parse(source);
    let lowered = model::lower(&parsed.file);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(lowered.diagnostics);
    diagnostic::sort(&mut diagnostics);
    Compilation {
        file: parsed.file,
        model: lowered.model,
        diagnostics,
    }
}
