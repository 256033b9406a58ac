//! archc: a diagram-as-code compiler for customer architecture reviews.
//!
//! The pipeline, in reading order (see ARCHITECTURE.md):
//! [`source`] text → [`syntax::parse`] → syntax tree → [`model::lower`] → [`model::Model`]
//! → lint findings, layout and renderers. [`diagnostic`] prints what each stage reports;
//! [`cli`] is the only layer that touches files, the environment and exit codes.

pub mod cli;
pub mod diagnostic;
pub mod diagram;
pub mod export;
pub mod format;
pub mod layout;
pub mod lint;
pub mod model;
pub mod printable;
pub mod reference;
pub mod render;
pub mod report;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod table;
pub mod theme;
pub mod view;

use diagnostic::Diagnostic;
use source::Source;

/// One file taken through parse, lower and lint, with every diagnostic found on the way.
pub struct Compilation {
    pub file: syntax::ast::File,
    pub model: model::Model,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses, resolves and lints one file. Never fails: problems are diagnostics.
///
/// `config` decides which rules run and at what severity; it applies to the warnings the
/// model emits (`unknown-attribute`) as to the lint rules. The lint rules run only on a
/// file without errors: on a model that errors left incomplete they would report
/// consequences of the errors (an element isolated because its connection named an
/// unknown ID) rather than the review's own gaps.
pub fn compile(source: &Source, config: &lint::LintConfig) -> Compilation {
    let parsed = syntax::parse(source);
    let lowered = model::lower(&parsed.file);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(lowered.diagnostics);
    lint::configure(&lowered.model, config, &mut diagnostics);
    let has_errors = diagnostics
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error && is_error_rule(d.rule));
    if !has_errors {
        diagnostics.extend(lint::run(&lowered.model, config));
    }
    diagnostic::sort(&mut diagnostics);
    Compilation {
        file: parsed.file,
        model: lowered.model,
        diagnostics,
    }
}

/// Whether a rule is error-level by kind (not merely raised to error by the config).
fn is_error_rule(rule: diagnostic::RuleId) -> bool {
    lint::registry::rule(rule).kind == lint::Kind::Error
}

/// The model of `text`, for unit tests that start from a snippet of `.arch`.
#[cfg(test)]
pub(crate) fn model_of(text: &str) -> model::Model {
    compile(
        &Source::new("test.arch", text.to_string()),
        &lint::LintConfig::default(),
    )
    .model
}
