//! The finished diagram → the SVG document. The only module that imports the `svg` crate.
//!
//! ## The document (cli.md, "The SVG is a document")
//!
//! ```text
//! <svg role="graphics-document" font-family=…>
//!   <title>review title</title> <desc>what the view shows, with counts</desc>
//!   <rect class="background"/>
//!   <g class="group" data-id="acme" data-kind="customer" data-side="customer">
//!     <title/> <rect/> <text>title</text>
//!     <g class="node" data-id="okta" data-kind="system" data-side="customer"> <title/> <rect/> <text/>… </g>
//!     <g class="group" data-id="ours" …> … </g>          nested as in the model
//!   </g>
//!   <g class="edges">
//!     <g class="edge" data-id="okta->auth" data-from="okta" data-to="auth"
//!        data-family="identity" data-status="proposed" data-methods="saml">
//!       <title/> <path class="route"/> <path class="arrowhead"/>
//!       <g class="edge-label"> <rect/> <text/> </g>
//!       <g class="gap"> <title>Gap: …</title> <circle/> <path/> </g>
//!     </g>
//!   </g>
//!   <g class="legend"> … </g>
//! </svg>
//! ```
//!
//! Everything drawn, and where, is decided in [`crate::diagram`]; this only prints it.
//!
//! - All text is `<text>` escaped by the `svg` crate; characters XML cannot carry (control
//!   characters) are dropped. Free text goes only into element content, never into attributes.
//! - No script, no external reference, no `id`s (so several diagrams can be inlined in one HTML
//!   page); styling hooks are `class` and `data-*` attributes.
//! - Numbers have at most two decimals (`path::num`); the `svg` crate sorts attributes by
//!   name, and the diagram is walked in its own order, so the output is byte-deterministic.

mod markup;
mod path;

use svg::Document;
use svg::Node;
use svg::node::Text as TextNode;
use svg::node::element::{Circle, Description, Element, Group, Path, Rectangle, Title};

use crate::diagram::{
    self, Anchor, Diagram, Edge, EdgeLabel, GapMarker, Legend, Line, Panel, Rect, Shape, Stroke,
    Swatch,
};

use path::num;

/// The SVG document of `diagram`.
pub fn write(diagram: &Diagram) -> String {
    let mut text = markup::to_string(&document(diagram));
    text.push('\n');
    text
}

fn document(d: &Diagram) -> Document {
    let (width, height) = (d.size.width, d.size.height);
    let mut doc = Document::new()
        .set("width", num(width))
        .set("height", num(height))
        .set("viewBox", format!("0 0 {} {}", num(width), num(height)))
        .set("role", "graphics-document")
        .set("font-family", d.font.stack);
    for (name, value) in &d.attributes {
        doc = doc.set(*name, value.as_str());
    }
    doc = doc
        .add(Title::new(clean(&d.title)))
        .add(Description::new().add(TextNode::new(clean(&d.description))))
        .add(
            Rectangle::new()
                .set("class", "background")
                .set("x", 0)
                .set("y", 0)
                .set("width", num(width))
                .set("height", num(height))
                .set("fill", d.background.as_str()),
        );
    for &root in &d.roots {
        doc = doc.add(shape(d, root));
    }
    let mut edges = Group::new().set("class", "edges");
    for e in &d.edges {
        edges = edges.add(edge(e));
    }
    let mut legend_group = Group::new().set("class", "legend");
    if let Some(l) = &d.legend {
        legend_group = legend_content(legend_group, l);
    }
    doc.add(edges).add(legend_group)
}

/// A group with everything inside it, or a node.
fn shape(d: &Diagram, index: usize) -> Group {
    let s: &Shape = &d.shapes[index];
    let mut out = with_attributes(Group::new().set("class", s.kind.class()), &s.attributes)
        .add(Title::new(clean(&s.tooltip)))
        .add(panel(&s.panel));
    for t in &s.texts {
        out = out.add(text(t));
    }
    for &child in &s.children {
        out = out.add(shape(d, child));
    }
    out
}

fn edge(e: &Edge) -> Group {
    let route = stroked(
        Path::new()
            .set("class", "route")
            .set("d", path::pieces_data(&e.pieces))
            .set("fill", "none")
            .set("stroke-linejoin", "round"),
        &e.stroke,
    );
    let mut out = with_attributes(Group::new().set("class", "edge"), &e.attributes)
        .add(Title::new(clean(&e.tooltip)))
        .add(route);
    for head in &e.arrowheads {
        out = out.add(
            Path::new()
                .set("class", "arrowhead")
                .set("d", path::polygon_data(head))
                .set("fill", e.stroke.color.as_str()),
        );
    }
    if let Some(label) = &e.label {
        out = edge_label(out, label);
    }
    if let Some(marker) = &e.gap {
        out = out.add(gap_marker(marker));
    }
    out
}

fn edge_label(mut out: Group, label: &EdgeLabel) -> Group {
    if let Some(leader) = &label.leader {
        out = out.add(
            Path::new()
                .set("class", "leader")
                .set("d", path::path_data(&leader.points))
                .set("stroke", leader.stroke.color.as_str())
                .set("stroke-width", num(leader.stroke.width)),
        );
    }
    let mut plate = Group::new()
        .set("class", "edge-label")
        .add(panel(&label.plate));
    for t in &label.texts {
        plate = plate.add(text(t));
    }
    out.add(plate)
}

fn gap_marker(marker: &GapMarker) -> Group {
    Group::new()
        .set("class", "gap")
        .add(Title::new(clean(&marker.tooltip)))
        .add(circle(&marker.disc))
        .add(
            Path::new()
                .set("d", path::polygon_data(&marker.bar))
                .set("fill", marker.mark.as_str()),
        )
        .add(circle(&marker.dot))
}

fn legend_content(mut out: Group, legend: &Legend) -> Group {
    out = out.add(panel(&legend.frame)).add(text(&legend.title));
    for entry in &legend.entries {
        let swatch = Group::new().set("class", "swatch");
        let swatch = match &entry.swatch {
            Swatch::Line(line) => swatch.add(legend_line(line)),
            Swatch::Box(b) => swatch.add(panel(b)),
            Swatch::Gap(marker) => swatch.add(gap_marker(marker)),
        };
        out = out.add(
            Group::new()
                .set("class", "legend-entry")
                .set("data-key", entry.key.as_str())
                .add(swatch)
                .add(text(&entry.text)),
        );
    }
    out
}

fn legend_line(line: &Line) -> Path {
    stroked(
        Path::new()
            .set("d", path::path_data(&line.points))
            .set("fill", "none"),
        &line.stroke,
    )
}

/// `path` with the stroke's colour, width, dashes and caps.
fn stroked(mut path: Path, stroke: &Stroke) -> Path {
    path = path
        .set("stroke", stroke.color.as_str())
        .set("stroke-width", num(stroke.width));
    if let Some(dash) = stroke.dash {
        path = path.set("stroke-dasharray", dash);
    }
    if stroke.round_caps {
        path = path.set("stroke-linecap", "round");
    }
    path
}

fn with_attributes(mut group: Group, attributes: &[(&'static str, String)]) -> Group {
    for (name, value) in attributes {
        group = group.set(*name, value.as_str());
    }
    group
}

fn panel(p: &Panel) -> Rectangle {
    rect(&p.rect, p.radius)
        .set("fill", p.fill.as_str())
        .set("stroke", p.stroke.as_str())
        .set("stroke-width", num(p.stroke_width))
}

fn rect(r: &Rect, radius: f64) -> Rectangle {
    Rectangle::new()
        .set("x", num(r.x))
        .set("y", num(r.y))
        .set("width", num(r.width))
        .set("height", num(r.height))
        .set("rx", num(radius))
}

fn circle(c: &diagram::Circle) -> Circle {
    let mut out = Circle::new()
        .set("cx", num(c.center.x))
        .set("cy", num(c.center.y))
        .set("r", num(c.radius))
        .set("fill", c.fill.as_str());
    if let Some((color, width)) = &c.stroke {
        out = out
            .set("stroke", color.as_str())
            .set("stroke-width", num(*width));
    }
    out
}

/// A `<text>` element with its content inline.
///
/// The `svg` crate's own `Text` element prints its content on a line of its own, which puts
/// newlines into the text's content; a plain element does not.
struct Text(Element);

impl Text {
    fn new(content: impl Into<String>) -> Text {
        let mut element = Element::new("text");
        element.append(TextNode::new(content));
        Text(element)
    }

    fn set(mut self, name: &str, value: impl Into<svg::node::Value>) -> Text {
        self.0.assign(name, value);
        self
    }
}

impl From<Text> for Box<dyn Node> {
    fn from(text: Text) -> Box<dyn Node> {
        Box::new(text.0)
    }
}

fn text(t: &diagram::Text) -> Text {
    let mut out = Text::new(clean(&t.text))
        .set("x", num(t.x))
        .set("y", num(t.y))
        .set("font-size", num(t.font_size))
        .set("fill", t.fill.as_str());
    if t.anchor == Anchor::Middle {
        out = out.set("text-anchor", "middle");
    }
    out
}

/// Text without the characters XML 1.0 cannot carry (control characters other than tab and
/// newline, U+FFFE, U+FFFF); the `svg` crate escapes `&`, `<`, `>` and quotes.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !(c.is_control() && c != '\t' && c != '\n') && c != '\u{fffe}' && c != '\u{ffff}'
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{clean, write};
    use crate::diagram::{Options, draw};
    use crate::theme::ThemeName;
    use crate::view::View;

    fn svg(text: &str, options: &Options) -> String {
        match draw(&crate::model_of(text), options) {
            Ok(diagram) => write(&diagram),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn text_is_escaped_and_cleaned() {
        assert_eq!(clean("a\u{1}b\tc\u{ffff}"), "ab\tc");
        let out = svg(
            "customer c \"A & <B> \\\"q\\\"\" { system s \"x < y & 'z'\" }\n",
            &Options::default(),
        );
        assert!(out.contains("x &lt; y &amp; 'z'"), "{out}");
        assert!(out.contains("A &amp; &lt;B&gt; \"q\""), "{out}");
        assert!(!out.contains("<script"));
    }

    #[test]
    fn empty_model_gives_a_small_valid_document() {
        let out = svg("", &Options::default());
        assert!(out.starts_with("<svg "), "{out}");
        assert!(out.contains("<title>Architecture diagram</title>"));
        assert!(out.contains("<g class=\"legend\"/>"));
    }

    #[test]
    fn same_input_same_bytes() {
        let text = "customer c { system a\n system b }\nsolution s { module m }\na -> m : rest\na <-> b : kafka\n";
        for theme in [ThemeName::Light, ThemeName::Dark] {
            for view in [View::Proposed, View::Current] {
                let options = Options {
                    view,
                    theme,
                    direction: crate::layout::Direction::Right,
                };
                assert_eq!(svg(text, &options), svg(text, &options));
            }
        }
    }
}
