//! The human format: miette's graphical report, a snippet with carets and a help line.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    NamedSource, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, FileReport, Severity};

/// Whether to colour the output (only on a terminal, and never under `NO_COLOR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Always,
    Never,
}

/// Renders every diagnostic of every file, then a one-line summary.
pub fn render(files: &[FileReport<'_>], color: Color, width: usize) -> String {
    let theme = match color {
        Color::Always => GraphicalTheme::unicode(),
        Color::Never => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .without_syntax_highlighting()
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    for file in files {
        let named = NamedSource::new(
            file.source.path.clone(),
            CharColumns::new(file.source.text.clone()),
        )
        .with_language("arch");
        for diagnostic in file.diagnostics {
            let report = Report {
                diagnostic,
                source: &named,
            };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &report);
        }
    }
    out
}

/// One diagnostic with its source attached, as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<CharColumns>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        Some(Box::new(format!("{}[{}]", d.severity.as_str(), d.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_ref()?;
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(
            d.primary.text.clone(),
            SourceSpan::from(d.primary.span.range()),
        );
        let secondary = d.secondary.iter().map(|label| {
            LabeledSpan::new_with_span(label.text.clone(), SourceSpan::from(label.span.range()))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The source text for miette, read the way the other formats read it, and fast.
///
/// Columns count characters, as in the short, JSON and SARIF formats (miette counts bytes,
/// so `path:line:col` would disagree after an `é`). And miette finds a span's lines by
/// scanning the text from its start, once per diagnostic: a file with 100,000 findings took
/// minutes. Here it scans only from the first line it will show, found by binary search.
struct CharColumns {
    text: std::sync::Arc<str>,
    /// Byte offset of the start of each line (after each `\n`).
    line_starts: Vec<usize>,
}

impl CharColumns {
    fn new(text: std::sync::Arc<str>) -> CharColumns {
        let newlines = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        let line_starts = std::iter::once(0)
            .chain(newlines.map(|(i, _)| i + 1))
            .collect();
        CharColumns { text, line_starts }
    }
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // Hand miette the text from the first line it will show; it reads no further than
        // the context after the span. Line numbers are shifted back by the lines skipped.
        let span_line = self.line_starts.partition_point(|&s| s <= span.offset()) - 1;
        let first_line = span_line.saturating_sub(context_lines_before);
        let skipped = self.line_starts[first_line];
        let window = &self.text.as_bytes()[skipped..];
        let shifted = SourceSpan::new((span.offset() - skipped).into(), span.len());
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let start = skipped + contents.span().offset();
        let span = SourceSpan::new(start.into(), contents.span().len());
        // The text of the span's line before it; a span that is not on character
        // boundaries keeps miette's own column rather than panic.
        let before = self.text.get(..start).map(|text| match text.rfind('\n') {
            Some(newline) => &text[newline + 1..],
            None => text,
        });
        let column = before.map_or(contents.column(), |text| text.chars().count());
        Ok(Box::new(MietteSpanContents::new(
            contents.data(),
            span,
            first_line + contents.line(),
            column,
            first_line + contents.line_count(),
        )))
    }
}
