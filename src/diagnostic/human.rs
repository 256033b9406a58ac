//! The human format: miette's graphical report, a snippet with carets and a help line.
//! miette is shown only an excerpt of the source ([`snippet`]), never the whole text.

use std::fmt;
use std::ops::Range;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    NamedSource, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::snippet::{self, Excerpt};
use crate::diagnostic::{Diagnostic, FileReport, Severity, printable};

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
        let name = printable(&file.source.path).into_owned();
        for diagnostic in file.diagnostics {
            let excerpt = snippet::excerpt(file, diagnostic);
            let report = Report {
                diagnostic,
                labels: excerpt.labels.clone(),
                source: NamedSource::new(name.clone(), Snippet(excerpt)).with_language("arch"),
            };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &report);
        }
    }
    out
}

/// One diagnostic with its excerpt attached, as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    /// The labels' spans in the excerpt, the primary first.
    labels: Vec<Range<usize>>,
    source: NamedSource<Snippet>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.diagnostic.message))
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
        Some(Box::new(printable(help)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let texts = std::iter::once(&d.primary.text).chain(d.secondary.iter().map(|l| &l.text));
        let labels = texts
            .zip(&self.labels)
            .enumerate()
            .map(|(i, (text, range))| {
                let text = text.as_deref().map(|t| printable(t).into_owned());
                let span = SourceSpan::from(range.clone());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                }
            });
        Some(Box::new(labels))
    }
}

/// The excerpt as miette's source, numbered with the source's lines and columns.
///
/// Columns count characters, as in the short, JSON and SARIF formats (miette counts bytes,
/// so `path:line:col` would disagree after an `é`).
struct Snippet(Excerpt);

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // A span is read from its own run of lines: one reaching into the next run (miette
        // asks when it would join two snippets) is out of bounds, so they stay apart.
        let groups = &self.0.groups;
        let index = groups.partition_point(|g| g.offset <= span.offset());
        let group = &groups[index.checked_sub(1).ok_or(MietteError::OutOfBounds)?];
        let inner = SourceSpan::new((span.offset() - group.offset).into(), span.len());
        if inner.offset() + inner.len() > group.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let contents =
            group
                .text
                .as_str()
                .read_span(&inner, context_lines_before, context_lines_after)?;
        let start = group.offset + contents.span().offset();
        let column = self
            .0
            .columns
            .iter()
            .find(|&&(at, _)| at == start)
            .map_or(contents.column(), |&(_, column)| column);
        Ok(Box::new(MietteSpanContents::new(
            contents.data(),
            SourceSpan::new(start.into(), contents.span().len()),
            group.first_line + contents.line(),
            column,
            group.first_line + contents.line_count(),
        )))
    }
}
