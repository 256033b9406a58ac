//! The report as a format-neutral document: sections of paragraphs, lists, tables, the
//! checklist and diagrams. The builders fill it from the model; one writer per format
//! (Markdown, HTML) prints it, so both formats say the same thing.

use std::borrow::Cow;

use crate::diagnostic::{needs_escape, printable_lines};
use crate::render::table::Table;
use crate::report::checklist::Check;

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

impl Document {
    /// Shows control characters from the input escaped (`\u{1b}`), keeping line breaks: a
    /// report is read in terminals and editors too, where an ESC or a BEL would act. Link
    /// targets are percent-encoded instead, so that they still name the file.
    pub fn escape_control_characters(&mut self) {
        escape(&mut self.title);
        for (_, value) in &mut self.meta {
            escape_inlines(value);
        }
        for section in &mut self.sections {
            section.blocks.iter_mut().for_each(escape_block);
        }
        escape_inlines(&mut self.footer);
    }
}

fn escape_block(block: &mut Block) {
    match block {
        Block::Paragraph(text) => escape_inlines(text),
        Block::Heading(text) => escape(text),
        Block::Table(table) => table.rows.iter_mut().flatten().for_each(escape),
        Block::Bullets(items) | Block::Numbered(items) => {
            items.iter_mut().for_each(|item| escape_inlines(item))
        }
        Block::Checklist(checks) => checks
            .iter_mut()
            .for_each(|c| escape_inlines(&mut c.reason)),
        Block::Diagram(Diagram::Link {
            caption,
            href,
            command,
        }) => {
            escape(caption);
            escape(command);
            *href = percent_encode_controls(href);
        }
        Block::Diagram(Diagram::Missing { caption, command }) => {
            escape(caption);
            escape(command);
        }
        // The SVG writer escapes its own text.
        Block::Diagram(Diagram::Inline { caption, .. }) => escape(caption),
    }
}

fn escape_inlines(text: &mut [Inline]) {
    for inline in text {
        match inline {
            Inline::Text(t) | Inline::Code(t) | Inline::Strong(t) => escape(t),
        }
    }
}

fn escape(text: &mut String) {
    if let Cow::Owned(escaped) = printable_lines(text) {
        *text = escaped;
    }
}

fn percent_encode_controls(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        if needs_escape(c) {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
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
