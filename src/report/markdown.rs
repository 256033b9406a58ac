//! The report as GitHub-flavoured Markdown.

use crate::report::checklist::{Check, Status};
use crate::report::document::{Block, Diagram, Document, Inline, Section};
use crate::table::markdown::{code, escape_inline};
use crate::table::{self};

pub(super) fn render(document: &Document) -> String {
    let mut out = format!("# {}\n\n", escape_inline(&document.title));
    // A trailing backslash is a hard line break: the header stays one line per field.
    let meta: Vec<String> = document
        .meta
        .iter()
        .map(|(label, value)| format!("**{label}:** {}", inlines(value)))
        .collect();
    if !meta.is_empty() {
        out.push_str(&meta.join("\\\n"));
        out.push_str("\n\n");
    }
    for section in &document.sections {
        push_section(&mut out, section);
    }
    out.push_str(&format!("---\n\n*{}*\n", inlines(&document.footer)));
    out
}

fn push_section(out: &mut String, section: &Section) {
    out.push_str(&format!("## {}\n\n", section.title));
    for block in &section.blocks {
        push_block(out, block);
        out.push('\n');
    }
}

fn push_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(text) => out.push_str(&format!("{}\n", inlines(text))),
        Block::Heading(text) => out.push_str(&format!("### {}\n", escape_inline(text))),
        Block::Table(t) => out.push_str(&table::markdown::render(t)),
        Block::Bullets(items) => {
            for item in items {
                out.push_str(&format!("- {}\n", inlines(item)));
            }
        }
        Block::Numbered(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push_str(&format!("{}. {}\n", i + 1, inlines(item)));
            }
        }
        Block::Checklist(checks) => {
            for check in checks {
                out.push_str(&checklist_item(check));
            }
        }
        Block::Diagram(diagram) => out.push_str(&self::diagram(diagram)),
    }
}

/// `- [x] Item — **met**: reason`; a task-list box is ticked only when met.
fn checklist_item(check: &Check) -> String {
    let tick = if check.status == Status::Met {
        "x"
    } else {
        " "
    };
    format!(
        "- [{tick}] {} — **{}**: {}\n",
        escape_inline(check.item),
        check.status.label(),
        inlines(&check.reason)
    )
}

fn diagram(diagram: &Diagram) -> String {
    match diagram {
        Diagram::Link {
            caption,
            href,
            command,
        } => format!(
            "![{}]({})\n\n*{}. Written by {}.*\n",
            escape_inline(caption),
            destination(href),
            escape_inline(caption),
            code(command)
        ),
        // Markdown renderers strip inline SVG; the caller links files for Markdown.
        Diagram::Inline { caption, .. } => format!("*{}.*\n", escape_inline(caption)),
        Diagram::Missing { caption, command } => format!(
            "*{}: not included. Render it with {}.*\n",
            escape_inline(caption),
            code(command)
        ),
    }
}

/// A link destination; `<...>` when it holds spaces or parentheses.
fn destination(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_string()
    }
}

fn inlines(text: &[Inline]) -> String {
    text.iter()
        .map(|inline| match inline {
            Inline::Text(t) => escape_inline(t),
            Inline::Code(c) => code(c),
            Inline::Strong(s) => format!("**{}**", escape_inline(s)),
        })
        .collect()
}
