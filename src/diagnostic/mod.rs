//! Diagnostics as plain data, and the printers that turn them into text.
//!
//! Every stage reports through [`Diagnostic`]; only this module knows miette and the
//! output formats. A diagnostic names its rule with a [`RuleId`], declared once in
//! `rule_id.rs` with its stable kebab-case name and its code.

pub mod github;
pub mod human;
pub mod json;
mod rule_id;
pub mod sarif;
pub mod short;
pub mod snippet;

pub use rule_id::RuleId;

use crate::source::{LineIndex, Source, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with an optional note printed beside the caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule, e.g. [`RuleId::UnknownReference`]; output prints its name.
    pub rule: RuleId,
    pub severity: Severity,
    /// Lowercase, no trailing period, names in backticks.
    pub message: String,
    pub primary: Label,
    /// Other places that explain this one, e.g. where a duplicate was first declared.
    pub secondary: Vec<Label>,
    /// A full sentence that says what to do.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(rule: RuleId, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, span, message)
    }

    pub fn warning(rule: RuleId, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(rule, Severity::Warning, span, message)
    }

    pub fn new(
        rule: RuleId,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            primary: Label { span, text: None },
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, text: impl Into<String>) -> Diagnostic {
        self.primary.text = Some(text.into());
        self
    }

    pub fn with_secondary(mut self, span: Span, text: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            text: Some(text.into()),
        });
        self
    }
}

/// The diagnostics of one source file, sorted by position, with the line index to place them.
pub struct FileReport<'a> {
    pub source: &'a Source,
    pub diagnostics: &'a [Diagnostic],
    pub lines: LineIndex,
}

impl<'a> FileReport<'a> {
    pub fn new(source: &'a Source, diagnostics: &'a [Diagnostic]) -> FileReport<'a> {
        FileReport {
            source,
            diagnostics,
            lines: LineIndex::new(&source.text),
        }
    }

    /// 1-based line and column of a span's start.
    pub fn position(&self, span: Span) -> (usize, usize) {
        self.lines.line_col(&self.source.text, span.start)
    }
}

/// Orders diagnostics by position, then severity and rule, so output never depends on the
/// order in which stages found them.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            a.primary.span.start,
            a.primary.span.end,
            b.severity,
            a.rule.name(),
            &a.message,
        )
            .cmp(&(
                b.primary.span.start,
                b.primary.span.end,
                a.severity,
                b.rule.name(),
                &b.message,
            ))
    });
}

/// Text from the file as a message shows it: control characters (a `\n` escape, a tab, a
/// stray NUL or ESC) escaped, so that a message stays on one line in every output format and
/// nothing from the input acts on a terminal.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(needs_escape) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// As [`printable`], but line breaks stay: for text shown on several lines.
pub fn printable_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(|c| c != '\n' && needs_escape(c)) {
        return text.into();
    }
    text.split('\n')
        .map(printable)
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// Whether `c` is shown escaped: what no output carries as it is
/// ([`crate::printable::is_unprintable`]: controls, noncharacters), the tab and line breaks
/// (a message is one line), the Unicode line and paragraph separators, and the bidirectional
/// controls that can make text read differently from what it is ("Trojan Source").
pub fn needs_escape(c: char) -> bool {
    crate::printable::is_unprintable(c)
        || c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}
