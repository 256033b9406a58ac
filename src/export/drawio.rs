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
//! What is laid out is [`scene`]: the SVG renderer's selection of the proposed view (the same
//! boxes, second lines, edge labels and edge directions), so draw.io opens the layout that
//! `archc render` draws.

use std::fmt::Write;

use crate::layout::{self, Direction, EdgePath, Layout, LayoutError, Point, Rect, TextLine, text};
use crate::model::{ElementId, ElementKind, Model};
use crate::render::view::{self, EdgeEnds, Selection, View};
use crate::syntax::ast::Arrow;

/// What was laid out: the SVG renderer's own selection, so draw.io and `archc render` show
/// one layout; and per element, where it sits in the layout.
struct Scene {
    selection: Selection,
    slots: Vec<Option<Slot>>,
}

#[derive(Clone, Copy)]
enum Slot {
    Group(usize),
    Node(usize),
}

impl Scene {
    fn group_of(&self, id: ElementId) -> Option<usize> {
        match self.slots.get(id.index())?.as_ref()? {
            Slot::Group(g) => Some(*g),
            Slot::Node(_) => None,
        }
    }

    fn node_of(&self, id: ElementId) -> Option<usize> {
        match self.slots.get(id.index())?.as_ref()? {
            Slot::Node(n) => Some(*n),
            Slot::Group(_) => None,
        }
    }
}

/// Lays the model out and writes it as a draw.io file.
pub(super) fn write(model: &Model) -> Result<String, LayoutError> {
    let scene = scene(model);
    let layout = layout::layout(&scene.selection.input)?;
    let mut writer = Writer {
        model,
        scene: &scene,
        layout: &layout,
        out: String::new(),
    };
    writer.document();
    Ok(writer.out)
}

/// The proposed view, laid out downwards, exactly as `archc render` selects it.
fn scene(model: &Model) -> Scene {
    let selection = view::select(model, View::Proposed, Direction::Down);
    let mut slots = vec![None; model.elements.len()];
    for (i, id) in selection.groups.iter().enumerate() {
        slots[id.index()] = Some(Slot::Group(i));
    }
    for (i, id) in selection.nodes.iter().enumerate() {
        slots[id.index()] = Some(Slot::Node(i));
    }
    Scene { selection, slots }
}

struct Writer<'a> {
    model: &'a Model,
    scene: &'a Scene,
    layout: &'a Layout,
    out: String,
}

impl Writer<'_> {
    fn document(&mut self) {
        let name = self
            .model
            .review
            .as_ref()
            .map_or("archc", |r| r.title.as_str());
        self.out.push_str("<mxfile host=\"archc\">\n");
        let _ = writeln!(self.out, "  <diagram id=\"archc\" name=\"{}\">", xml(name));
        let _ = writeln!(
            self.out,
            "    <mxGraphModel grid=\"0\" page=\"0\" pageWidth=\"{}\" pageHeight=\"{}\" math=\"0\" shadow=\"0\">",
            number(self.layout.width),
            number(self.layout.height)
        );
        self.out.push_str(
            "      <root>\n        <mxCell id=\"0\" />\n        <mxCell id=\"1\" parent=\"0\" />\n",
        );
        // Containers first, in source order, so a parent is defined before its children.
        for (group, &id) in self.layout.groups.iter().zip(&self.scene.selection.groups) {
            let style = format!(
                "rounded=0;whiteSpace=nowrap;html=0;container=1;collapsible=0;fillColor=none;\
                 align=left;verticalAlign=top;spacingLeft=12;spacingTop=2;{}",
                font(&group.title)
            );
            self.vertex(id, &group.title, &style, group.rect);
        }
        for (node, &id) in self.layout.nodes.iter().zip(&self.scene.selection.nodes) {
            let rounded = self.model.element(id).kind == ElementKind::Module;
            let style = format!(
                "rounded={};whiteSpace=nowrap;html=0;{}",
                u8::from(rounded),
                font(&node.lines)
            );
            self.vertex(id, &node.lines, &style, node.rect);
        }
        let edges = self.layout.edges.iter().zip(&self.scene.selection.edges);
        for (index, (path, &ends)) in edges.enumerate() {
            self.edge(index, ends, path);
        }
        self.out
            .push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
    }

    fn vertex(&mut self, id: ElementId, lines: &[TextLine], style: &str, rect: Rect) {
        let model = self.model;
        let container = model.element(id).parent.and_then(|p| {
            let g = self.scene.group_of(p)?;
            Some((
                model.element(p).id.as_str(),
                self.layout.groups.get(g)?.rect,
            ))
        });
        let (parent, corner) = container.map_or(("1", Point::new(0.0, 0.0)), |(parent, rect)| {
            (parent, Point::new(rect.x, rect.y))
        });
        let _ = writeln!(
            self.out,
            "        <mxCell id=\"{}\" value=\"{}\" style=\"{}\" vertex=\"1\" parent=\"{}\">",
            xml(&model.element(id).id),
            xml(&joined(lines)),
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

    fn edge(&mut self, index: usize, ends: EdgeEnds, path: &EdgePath) {
        let c = self.model.connection(ends.connection);
        // The layout may run a route from the written `TO`; draw.io wants it from `FROM`.
        let mut points = path.points.clone();
        if ends.reversed {
            points.reverse();
        }
        let (start, end) = match c.arrow {
            Arrow::Forward => ("none", "classic"),
            Arrow::Backward => ("classic", "none"),
            Arrow::Both => ("classic", "classic"),
            Arrow::Undirected => ("none", "none"),
        };
        let mut style = format!(
            "edgeStyle=none;rounded=0;html=0;startArrow={start};endArrow={end};\
             fontFamily={};fontSize=11;labelBackgroundColor=#ffffff;",
            text::FONT_FAMILY
        );
        let ends = (points.first(), points.last());
        let boxes = (self.node_rect(c.from), self.node_rect(c.to));
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
        let value = path
            .label
            .as_ref()
            .map(|l| joined(&l.lines))
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "        <mxCell id=\"connection:{index}\" value=\"{}\" style=\"{}\" edge=\"1\" parent=\"1\" source=\"{}\" target=\"{}\">",
            xml(&value),
            xml(&style),
            xml(&self.model.element(c.from).id),
            xml(&self.model.element(c.to).id)
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
        if let Some(label) = &path.label {
            let centre = label.rect.center();
            let middle = midpoint(&points);
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

    /// The laid-out box of a system or module.
    fn node_rect(&self, id: ElementId) -> Option<Rect> {
        let n = self.scene.node_of(id)?;
        self.layout.nodes.get(n).map(|node| node.rect)
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
fn font(lines: &[TextLine]) -> String {
    let size = lines.first().map_or(14.0, |l| l.font_size);
    format!(
        "fontFamily={};fontSize={};",
        text::FONT_FAMILY,
        number(f64::from(size))
    )
}

fn joined(lines: &[TextLine]) -> String {
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
/// break in plain-text labels), and characters XML 1.0 forbids dropped.
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
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawio(text: &str) -> String {
        write(&crate::model_of(text)).expect("the layout succeeds")
    }

    #[test]
    fn xml_escapes_markup_and_keeps_newlines_as_character_references() {
        assert_eq!(
            xml(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(xml("two\nlines\u{1}"), "two&#10;lines");
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
