//! The review summary deliverable (`archc report`): every section of the Customer
//! Architecture Review method's "Architecture Review Deliverable" template filled from the
//! model, plus risks,
//! non-functional requirements, security and compliance, and the method's checklist
//! evaluated from the model.
//!
//! The report reads the model and the source text (for line numbers) only. Diagrams come
//! from the caller as file links or SVG text ([`Diagrams`]); the report never lays out or
//! renders one itself.

pub mod checklist;
mod document;
mod html;
mod labels;
mod markdown;
mod sections;

use std::sync::Arc;

use crate::model::Model;
use crate::source::{LineIndex, Source, Span};

pub use document::{Block, Diagram, Document, Inline, Section};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    /// One self-contained page: CSS and diagrams inline, no script, no external request.
    Html,
}

/// The current-state and proposed diagrams, as the command line provides them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagrams {
    /// No diagrams: the report says how to render them.
    None,
    /// SVG files beside the report (paths relative to it).
    Links { current: String, proposed: String },
    /// The SVG texts, embedded in the report (HTML).
    Inline {
        current_svg: String,
        proposed_svg: String,
    },
}

pub struct ReportOptions<'a> {
    pub format: ReportFormat,
    pub diagrams: Diagrams,
    /// The text the model was built from, for the line numbers the checklist cites.
    pub source: &'a Source,
}

/// Writes the review summary.
pub fn render(model: &Model, options: &ReportOptions<'_>) -> String {
    let document = build(model, options);
    match options.format {
        ReportFormat::Markdown => markdown::render(&document),
        ReportFormat::Html => html::render(&document),
    }
}

/// The report as a document, before it is written in a format.
pub fn build(model: &Model, options: &ReportOptions<'_>) -> Document {
    let lines = Lines::new(options.source);
    sections::build(
        model,
        &lines,
        &options.diagrams,
        &source_name(options.source),
    )
}

/// The input's file name, as the report mentions it (no folders: output must not depend
/// on where the file was read from).
fn source_name(source: &Source) -> String {
    if source.path == "-" {
        return "FILE".to_string();
    }
    std::path::Path::new(&source.path)
        .file_name()
        .map_or_else(|| source.path.clone(), |n| n.to_string_lossy().into_owned())
}

/// Line numbers of spans, for "(line 12)" references.
pub struct Lines {
    index: LineIndex,
    text: Arc<str>,
}

impl Lines {
    pub fn new(source: &Source) -> Lines {
        Lines {
            index: LineIndex::new(&source.text),
            text: source.text.clone(),
        }
    }

    /// The 1-based line where `span` starts.
    pub fn line(&self, span: Span) -> usize {
        self.index.line_col(&self.text, span.start).0
    }

    /// `(line 5)`, `(lines 5, 9)`, `(lines 5, 9, 12, 20 and 3 more)`: sorted, deduplicated.
    pub fn cite(&self, spans: impl IntoIterator<Item = Span>) -> String {
        let mut lines: Vec<usize> = spans.into_iter().map(|s| self.line(s)).collect();
        lines.sort_unstable();
        lines.dedup();
        const SHOWN: usize = 6;
        let shown: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
        let more = lines.len().saturating_sub(SHOWN);
        match (lines.len(), more) {
            (0, _) => String::new(),
            (1, _) => format!("(line {})", shown[0]),
            (_, 0) => format!("(lines {})", shown.join(", ")),
            _ => format!("(lines {} and {more} more)", shown.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(format: ReportFormat, diagrams: Diagrams) -> String {
        let source = Source::new("dir/r.arch", "customer c { system a }\n");
        let model = crate::compile(&source, &crate::lint::LintConfig::default()).model;
        let options = ReportOptions {
            format,
            diagrams,
            source: &source,
        };
        render(&model, &options)
    }

    fn inline() -> Diagrams {
        Diagrams::Inline {
            current_svg: "<?xml version=\"1.0\"?>\n<svg id=\"now\"></svg>\n".into(),
            proposed_svg: "<svg id=\"next\"></svg>".into(),
        }
    }

    #[test]
    fn html_embeds_inline_diagrams() {
        let html = report(ReportFormat::Html, inline());
        assert!(html.contains("<figure class=\"diagram\">\n<svg id=\"now\"></svg>\n<figcaption>"));
        assert!(html.contains("<svg id=\"next\"></svg>"));
        assert!(
            !html.contains("<?xml"),
            "the declaration is not valid inside HTML"
        );
    }

    #[test]
    fn markdown_links_diagram_files_and_says_how_to_write_them() {
        let links = Diagrams::Links {
            current: "r-current.svg".into(),
            proposed: "my r-proposed.svg".into(),
        };
        let md = report(ReportFormat::Markdown, links);
        assert!(md.contains("](r-current.svg)"));
        assert!(md.contains("](<my r-proposed.svg>)"));
        assert!(md.contains("`archc render r.arch --view current -o r-current.svg`"));
        let md = report(ReportFormat::Markdown, Diagrams::None);
        assert!(md.contains("not included. Render it with `archc render r.arch --view current"));
    }

    #[test]
    fn html_links_diagram_files_without_loading_them() {
        let links = Diagrams::Links {
            current: "r-current.svg".into(),
            proposed: "r-proposed.svg".into(),
        };
        let html = report(ReportFormat::Html, links);
        assert!(html.contains("<a href=\"r-current.svg\">r-current.svg</a>"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn a_fragment_without_review_still_reports() {
        let md = report(ReportFormat::Markdown, Diagrams::None);
        assert!(md.starts_with("# Architecture Review Summary\n"));
        assert!(md.contains("**Date:** not recorded"));
    }

    #[test]
    fn cite_lists_sorted_unique_lines() {
        let lines = Lines::new(&Source::new("t", "a\nb\nc\n"));
        let span = |line: usize| Span::new(line * 2, line * 2 + 1);
        assert_eq!(lines.cite([]), "");
        assert_eq!(lines.cite([span(1)]), "(line 2)");
        assert_eq!(lines.cite([span(2), span(0), span(2)]), "(lines 1, 3)");
    }
}
