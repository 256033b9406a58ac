//! The draw.io export: an uncompressed `.drawio` file (`<mxfile>`) with the layout stage's
//! geometry, so the diagram opens in draw.io laid out, and stays editable there.
//!
//! Customers, solutions and groups become container cells; systems and modules vertex cells
//! inside them (draw.io positions a child relative to its container, so each rectangle is
//! moved by its parent's corner). A connection becomes an edge cell whose route is the
//! layout's: the exit and entry points are pinned on the two boxes (`exitX`/`entryX`, as
//! fractions of the box) and the bends are waypoints, drawn as straight segments
//! (`edgeStyle=none`), so draw.io does not re-route it. Its label sits where the layout put
//! it: at the route's midpoint, moved by an offset. Arrowheads follow the arrow (`->` at the
//! end, `<-` at the start, `<->` both, `--` none). Text is the layout's wrapped lines joined
//! by newlines, in plain-text mode (`html=0`), in the font the layout measured with.
//!
//! Cell IDs are the element IDs; edges are `connection:N` (no `.arch` ID has a colon), and
//! `0` and `1` are draw.io's root and layer (no `.arch` ID starts with a digit).
//!
//! What it writes is the finished [`Diagram`] of the proposed view, laid out downwards (the
//! same boxes, second lines, edge labels and edge directions as `archc render`), so draw.io
//! opens the layout that `archc render` draws. It reads nothing else: no model, no layout.

use std::fmt::Write;

use crate::diagram::{Diagram, Edge, Point, Rect, Shape, ShapeKind, Text};
use crate::printable::{REPLACEMENT, is_unprintable};

/// Writes the diagram as a draw.io file.
pub(super) fn write(diagram: &Diagram) -> String {
    let mut writer = Writer {
        diagram,
        out: String::new(),
    };
    writer.document();
    writer.out
}

struct Writer<'a> {
    diagram: &'a Diagram,
    out: String,
}

impl Writer<'_> {
    fn document(&mut self) {
        let diagram = self.diagram;
        let name = diagram.review_title.as_deref().unwrap_or("archc");
        self.out.push_str("<mxfile host=\"archc\">\n");
        let _ = writeln!(self.out, "  <diagram id=\"archc\" name=\"{}\">", xml(name));
        let _ = writeln!(
            self.out,
            "    <mxGraphModel grid=\"0\" page=\"0\" pageWidth=\"{}\" pageHeight=\"{}\" math=\"0\" shadow=\"0\">",
            number(diagram.drawing.width),
            number(diagram.drawing.height)
        );
        self.out.push_str(
            "      <root>\n        <mxCell id=\"0\" />\n        <mxCell id=\"1\" parent=\"0\" />\n",
        );
        // Containers first, in source order, so a parent is defined before its children.
        let font = diagram.font.family;
        for group in diagram.shapes.iter().filter(|s| s.kind == ShapeKind::Group) {
            let style = format!(
                "rounded=0;whiteSpace=nowrap;html=0;container=1;collapsible=0;fillColor=none;\
                 align=left;verticalAlign=top;spacingLeft=12;spacingTop=2;{}",
                font_style(font, &group.texts)
            );
            self.vertex(group, &style);
        }
        for node in diagram.shapes.iter().filter(|s| s.kind == ShapeKind::Node) {
            let rounded = node.attribute("data-kind") == Some("module");
            let style = format!(
                "rounded={};whiteSpace=nowrap;html=0;{}",
                u8::from(rounded),
                font_style(font, &node.texts)
            );
            self.vertex(node, &style);
        }
        for (index, edge) in diagram.edges.iter().enumerate() {
            self.edge(index, edge);
        }
        self.out
            .push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
    }

    fn vertex(&mut self, shape: &Shape, style: &str) {
        let container = shape.parent.and_then(|p| self.diagram.shapes.get(p));
        let (parent, corner) = container.map_or(("1", Point::new(0.0, 0.0)), |parent| {
            (
                parent.id(),
                Point::new(parent.panel.rect.x, parent.panel.rect.y),
            )
        });
        let rect = shape.panel.rect;
        let _ = writeln!(
            self.out,
            "        <mxCell id=\"{}\" value=\"{}\" style=\"{}\" vertex=\"1\" parent=\"{}\">",
            xml(shape.id()),
            xml(&joined(&shape.texts)),
            xml(style),
            xml(parent)
        );
        let _ = writeln!(
            self.out,
            "          <mxGeometry x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" as=\"geometry\" />",
            number(rect.x - corner.x),
            number(rect.y - corner.y),
            number(rect.width),
            number(rect.height)
        );
        self.out.push_str("        </mxCell>\n");
    }

    fn edge(&mut self, index: usize, edge: &Edge) {
        // The route as written, from `FROM` to `TO`.
        let points = &edge.route;
        let arrow = |head: bool| if head { "classic" } else { "none" };
        let (start, end) = (arrow(edge.arrow_at_from), arrow(edge.arrow_at_to));
        let mut style = format!(
            "edgeStyle=none;rounded=0;html=0;startArrow={start};endArrow={end};\
             fontFamily={};fontSize=11;labelBackgroundColor=#ffffff;",
            self.diagram.font.family
        );
        let ends = (points.first(), points.last());
        let boxes = (self.node_rect(edge.from), self.node_rect(edge.to));
        if let ((Some(first), Some(last)), (Some(s), Some(t))) = (ends, boxes) {
            let _ = write!(
                style,
                "exitX={};exitY={};exitPerimeter=0;entryX={};entryY={};entryPerimeter=0;",
                fraction(first.x - s.x, s.width),
                fraction(first.y - s.y, s.height),
                fraction(last.x - t.x, t.width),
                fraction(last.y - t.y, t.height)
            );
        }
        let value = edge
            .label
            .as_ref()
            .map(|l| joined(&l.texts))
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "        <mxCell id=\"connection:{index}\" value=\"{}\" style=\"{}\" edge=\"1\" parent=\"1\" source=\"{}\" target=\"{}\">",
            xml(&value),
            xml(&style),
            xml(edge.attribute("data-from").unwrap_or_default()),
            xml(edge.attribute("data-to").unwrap_or_default())
        );
        self.out
            .push_str("          <mxGeometry relative=\"1\" as=\"geometry\">\n");
        if let (Some(first), Some(last)) = ends {
            self.point("sourcePoint", *first);
            self.point("targetPoint", *last);
        }
        if let Some(bends) = points.get(1..points.len().saturating_sub(1)) {
            if !bends.is_empty() {
                self.out.push_str("            <Array as=\"points\">\n");
                for bend in bends {
                    let _ = writeln!(
                        self.out,
                        "              <mxPoint x=\"{}\" y=\"{}\" />",
                        number(bend.x),
                        number(bend.y)
                    );
                }
                self.out.push_str("            </Array>\n");
            }
        }
        if let Some(label) = &edge.label {
            let centre = label.plate.rect.center();
            let middle = midpoint(points);
            self.point(
                "offset",
                Point::new(centre.x - middle.x, centre.y - middle.y),
            );
        }
        self.out
            .push_str("          </mxGeometry>\n        </mxCell>\n");
    }

    fn point(&mut self, role: &str, p: Point) {
        let _ = writeln!(
            self.out,
            "            <mxPoint x=\"{}\" y=\"{}\" as=\"{role}\" />",
            number(p.x),
            number(p.y)
        );
    }

    /// The box of an edge's end (a system or module).
    fn node_rect(&self, shape: usize) -> Option<Rect> {
        self.diagram.shapes.get(shape).map(|s| s.panel.rect)
    }
}

/// Halfway along the route by length: where draw.io anchors an edge label before its offset.
fn midpoint(points: &[Point]) -> Point {
    let segment = |(a, b): (&Point, &Point)| a.distance(*b);
    let total: f64 = points.iter().zip(points.iter().skip(1)).map(segment).sum();
    let mut left = total / 2.0;
    for (a, b) in points.iter().zip(points.iter().skip(1)) {
        let length = segment((a, b));
        if length > 0.0 && left <= length {
            let t = left / length;
            return Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        }
        left -= length;
    }
    points.first().copied().unwrap_or(Point::new(0.0, 0.0))
}

/// Where `offset` lies along `extent`, as draw.io's 0–1 constraint; 0.5 for an empty extent.
fn fraction(offset: f64, extent: f64) -> String {
    if extent > 0.0 {
        number((offset / extent).clamp(0.0, 1.0))
    } else {
        "0.5".to_string()
    }
}

/// The font the layout measured these lines with (its first line's size).
fn font_style(family: &str, lines: &[Text]) -> String {
    let size = lines.first().map_or(14.0, |l| l.font_size);
    format!("fontFamily={family};fontSize={};", number(size))
}

fn joined(lines: &[Text]) -> String {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    texts.join("\n")
}

/// A coordinate: at most four decimals, no trailing zeros, no `-0`.
fn number(value: f64) -> String {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    if rounded == 0.0 || !rounded.is_finite() {
        return "0".to_string();
    }
    let text = format!("{rounded:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Text for an XML attribute value: markup escaped, a newline as `&#10;` (draw.io's line
/// break in plain-text labels), and characters XML 1.0 forbids replaced with U+FFFD
/// ([`crate::printable`]).
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => {}
            c if is_unprintable(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawio(text: &str) -> String {
        crate::export::drawio(&crate::model_of(text)).expect("the layout succeeds")
    }

    #[test]
    fn xml_escapes_markup_and_keeps_newlines_as_character_references() {
        assert_eq!(
            xml(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(xml("two\nlines\u{1}"), "two&#10;lines\u{FFFD}");
        assert_eq!(xml("\u{FFFE}\u{FFFF}\u{1b}"), "\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(xml("Zürich → 東京"), "Zürich → 東京");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1.0 / 3.0), "0.3333");
        assert_eq!(fraction(30.0, 120.0), "0.25");
        assert_eq!(fraction(5.0, 0.0), "0.5");
    }

    #[test]
    fn the_midpoint_is_halfway_along_the_route() {
        let route = [
            Point::new(0.0, 0.0),
            Point::new(0.0, 10.0),
            Point::new(30.0, 10.0),
        ];
        assert_eq!(midpoint(&route), Point::new(10.0, 10.0));
        assert_eq!(midpoint(&[]), Point::new(0.0, 0.0));
    }

    #[test]
    fn children_sit_inside_their_container_relative_to_its_corner() {
        let text =
            drawio("customer c \"C\" {\n system a \"A\"\n system b \"B\"\n}\na -> b : rest\n");
        assert!(text.contains("<mxCell id=\"c\" value=\"C\""), "{text}");
        assert!(text.contains("vertex=\"1\" parent=\"c\">"), "{text}");
        assert!(
            text.contains("id=\"connection:0\" value=\"REST API\""),
            "{text}"
        );
        assert!(text.contains("startArrow=none;endArrow=classic;"), "{text}");
        assert!(text.contains("source=\"a\" target=\"b\""), "{text}");
    }

    #[test]
    fn an_empty_model_is_an_empty_diagram() {
        let text = drawio("");
        assert!(
            text.contains("<mxCell id=\"1\" parent=\"0\" />\n      </root>"),
            "{text}"
        );
    }
}
