//! The report as a format-neutral document: sections of paragraphs, lists, tables, the
//! checklist and diagrams. The builders fill it from the model; one writer per format
//! (Markdown, HTML) prints it, so both formats say the same thing.

use crate::report::checklist::Check;
use crate::table::Table;

pub struct Document {
    /// The first heading.
    pub title: String,
    /// The header lines under the title: (label, value), e.g. ("Customer", "Acme Corp").
    pub meta: Vec<(&'static str, Vec<Inline>)>,
    pub sections: Vec<Section>,
    /// The closing line (which file the report was generated from).
    pub footer: Vec<Inline>,
}

pub struct Section {
    pub title: &'static str,
    /// The anchor (`id`) in HTML.
    pub anchor: &'static str,
    /// Printing starts this section on a new page: it opens a part of the deliverable.
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

pub enum Block {
    Paragraph(Vec<Inline>),
    /// A sub-heading inside a section.
    Heading(String),
    Table(Table),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
    Checklist(Vec<Check>),
    Diagram(Diagram),
}

/// A piece of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// Shown verbatim in a code font: attribute keys, commands, file names.
    Code(String),
    Strong(String),
}

/// One of the two diagrams, as the command line supplied it.
pub enum Diagram {
    /// An SVG file beside the report, and the command that writes it.
    Link {
        caption: String,
        href: String,
        command: String,
    },
    /// The SVG text itself, for a self-contained HTML file.
    Inline { caption: String, svg: String },
    /// No diagram: the command that writes one.
    Missing { caption: String, command: String },
}

/// Builds running text piece by piece.
#[derive(Default)]
pub struct Text(pub Vec<Inline>);

impl Text {
    pub fn new() -> Text {
        Text::default()
    }

    pub fn text(mut self, text: impl Into<String>) -> Text {
        let text = text.into();
        match self.0.last_mut() {
            Some(Inline::Text(last)) => last.push_str(&text),
            _ => self.0.push(Inline::Text(text)),
        }
        self
    }

    pub fn code(mut self, code: impl Into<String>) -> Text {
        self.0.push(Inline::Code(code.into()));
        self
    }

    pub fn strong(mut self, text: impl Into<String>) -> Text {
        self.0.push(Inline::Strong(text.into()));
        self
    }

    pub fn append(mut self, other: Text) -> Text {
        for inline in other.0 {
            self = match inline {
                Inline::Text(t) => self.text(t),
                other => {
                    self.0.push(other);
                    self
                }
            };
        }
        self
    }

    pub fn done(self) -> Vec<Inline> {
        self.0
    }
}

/// `1 system`, `2 systems`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
