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
            CharColumns(file.source.text.clone()),
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

/// The source text for miette, with columns counted in characters as in every other format
/// (miette counts bytes, so `path:line:col` would disagree with `--format short` after `é`).
struct CharColumns(std::sync::Arc<str>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .0
            .read_span(span, context_lines_before, context_lines_after)?;
        // The text of the span's line before it; a span that is not on character
        // boundaries keeps miette's own column rather than panic.
        let start = contents.span().offset();
        let before = self.0.get(..start).map(|text| match text.rfind('\n') {
            Some(newline) => &text[newline + 1..],
            None => text,
        });
        let column = before.map_or(contents.column(), |text| text.chars().count());
        Ok(Box::new(MietteSpanContents::new(
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}
