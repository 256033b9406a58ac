//! The report as one self-contained HTML page: CSS and diagrams inline, no script, no
//! external request (a Content-Security-Policy says so to the browser too). It reads on
//! screen and prints on A4 or Letter: wide tables wrap inside the page, and each part of
//! the deliverable starts a new page.

use crate::report::checklist::{Check, Status};
use crate::report::document::{Block, Diagram, Document, Inline, Section};
use crate::table::html::{escape, escape_cell};
use crate::table::{self};

const STYLE: &str = include_str!("report.css");

/// No script, no fetch: only inline styles and `data:` images may load.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

pub(super) fn render(document: &Document) -> String {
    let title = escape(&document.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <header>\n<h1>{title}</h1>\n"
    );
    out.push_str("<dl class=\"meta\">\n");
    for (label, value) in &document.meta {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(label),
            inlines(value)
        ));
    }
    out.push_str("</dl>\n</header>\n");
    for section in &document.sections {
        push_section(&mut out, section);
    }
    out.push_str(&format!(
        "<footer><p>{}</p></footer>\n</main>\n</body>\n</html>\n",
        inlines(&document.footer)
    ));
    out
}

fn push_section(out: &mut String, section: &Section) {
    let class = if section.new_page {
        " class=\"new-page\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<section id=\"{}\"{class}>\n<h2>{}</h2>\n",
        section.anchor,
        escape(section.title)
    ));
    for block in &section.blocks {
        push_block(out, block);
    }
    out.push_str("</section>\n");
}

fn push_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", inlines(text))),
        Block::Heading(text) => out.push_str(&format!("<h3>{}</h3>\n", escape(text))),
        Block::Table(t) => {
            // The wrapper scrolls a table that cannot wrap on a narrow screen.
            out.push_str("<div class=\"table\">\n");
            out.push_str(&table::html::render(t));
            out.push_str("</div>\n");
        }
        Block::Bullets(items) => push_list(out, "ul", items),
        Block::Numbered(items) => push_list(out, "ol", items),
        Block::Checklist(checks) => push_checklist(out, checks),
        Block::Diagram(diagram) => out.push_str(&self::diagram(diagram)),
    }
}

fn push_list(out: &mut String, tag: &str, items: &[Vec<Inline>]) {
    out.push_str(&format!("<{tag}>\n"));
    for item in items {
        out.push_str(&format!("<li>{}</li>\n", inlines(item)));
    }
    out.push_str(&format!("</{tag}>\n"));
}

fn push_checklist(out: &mut String, checks: &[Check]) {
    out.push_str("<ul class=\"checklist\">\n");
    for check in checks {
        let (class, mark) = match check.status {
            Status::Met => ("met", "✓"),
            Status::NotMet => ("not-met", "✗"),
            Status::NotAssessable => ("not-assessable", "?"),
        };
        out.push_str(&format!(
            "<li class=\"{class}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span>\
             <div><p class=\"item\">{} — <strong class=\"status\">{}</strong></p>\
             <p class=\"reason\">{}</p></div></li>\n",
            escape(check.item),
            check.status.label(),
            inlines(&check.reason)
        ));
    }
    out.push_str("</ul>\n");
}

fn diagram(diagram: &Diagram) -> String {
    match diagram {
        Diagram::Inline { caption, svg } => format!(
            "<figure class=\"diagram\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
            embeddable(svg),
            escape(caption)
        ),
        // A link, not an <img>: the page must not load anything from outside itself.
        Diagram::Link {
            caption,
            href,
            command,
        } => format!(
            "<p class=\"diagram-link\">{}: <a href=\"{}\">{}</a> (written by <code>{}</code>)</p>\n",
            escape(caption),
            escape(href),
            escape(href),
            escape(command)
        ),
        Diagram::Missing { caption, command } => format!(
            "<p class=\"diagram-link\">{}: not included. Render it with <code>{}</code>.</p>\n",
            escape(caption),
            escape(command)
        ),
    }
}

/// The SVG without what only a standalone file needs (XML declaration, doctype).
fn embeddable(svg: &str) -> &str {
    let mut rest = svg.trim_start();
    for prefix in ["<?xml", "<!DOCTYPE"] {
        if rest.starts_with(prefix) {
            rest = rest
                .find('>')
                .map_or(rest, |end| rest[end + 1..].trim_start());
        }
    }
    rest.trim_end()
}

fn inlines(text: &[Inline]) -> String {
    text.iter()
        .map(|inline| match inline {
            Inline::Text(t) => escape_cell(t),
            Inline::Code(c) => format!("<code>{}</code>", escape(c)),
            Inline::Strong(s) => format!("<strong>{}</strong>", escape_cell(s)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::embeddable;

    #[test]
    fn embedded_svg_drops_the_xml_declaration() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g/></svg>\n";
        assert_eq!(embeddable(svg), "<svg><g/></svg>");
        assert_eq!(embeddable("<svg/>"), "<svg/>");
    }
}
