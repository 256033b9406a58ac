//! Engine positions + measured text → [`Layout`]: positions every text line and rounds every
//! coordinate, once.
//!
//! Boxes are rounded first and text is positioned inside the rounded boxes, so a line is centred
//! on exactly the box the renderer draws.

use super::build::{self, Block, Prepared};
use super::engine::EngineOutput;
use super::geometry::{Point, Rect, round};
use super::text;
use super::{Anchor, EdgeLabel, EdgePath, GroupBox, Layout, NodeBox, TextLine};

/// Below this, two coordinates of a segment are the same line that floating point split.
const SNAP: f64 = 1e-6;

pub(super) fn place(prepared: &Prepared, out: &EngineOutput) -> Layout {
    let groups = out
        .groups
        .iter()
        .zip(&prepared.group_titles)
        .map(|(rect, title)| group_box(rect.rounded(), title))
        .collect();
    let nodes = out
        .nodes
        .iter()
        .zip(&prepared.node_texts)
        .map(|(rect, block)| {
            let rect = rect.rounded();
            NodeBox {
                rect,
                lines: centered_lines(&rect, block),
            }
        })
        .collect();
    let edges = out
        .edges
        .iter()
        .zip(&prepared.edge_labels)
        .map(|(edge, block)| EdgePath {
            points: rounded_route(&edge.points),
            label: edge.label.zip(block.as_ref()).map(|(rect, block)| {
                let rect = rect.rounded();
                EdgeLabel {
                    rect,
                    lines: centered_lines(&rect, block),
                }
            }),
        })
        .collect();
    Layout {
        width: round(out.size.width),
        height: round(out.size.height),
        groups,
        nodes,
        edges,
    }
}

/// A group with its title left-aligned in the padding at the top.
fn group_box(rect: Rect, title: &Block) -> GroupBox {
    let x = round(rect.x + build::GROUP_PAD);
    let mut top = rect.y + build::TITLE_TOP;
    let mut lines = Vec::with_capacity(title.lines.len());
    for line in &title.lines {
        lines.push(text_line(
            line,
            x,
            text::baseline(top, line.font_size),
            Anchor::Start,
        ));
        top += text::line_height(line.font_size);
    }
    GroupBox { rect, title: lines }
}

/// Lines centred horizontally and, as a block, vertically in `rect`.
fn centered_lines(rect: &Rect, block: &Block) -> Vec<TextLine> {
    let x = round(rect.center().x);
    let mut top = rect.y + (rect.height - block.height) / 2.0;
    let mut lines = Vec::with_capacity(block.lines.len());
    for line in &block.lines {
        lines.push(text_line(
            line,
            x,
            text::baseline(top, line.font_size),
            Anchor::Middle,
        ));
        top += text::line_height(line.font_size);
    }
    lines
}

fn text_line(line: &build::Line, x: f64, baseline: f64, anchor: Anchor) -> TextLine {
    TextLine {
        text: line.text.clone(),
        x,
        y: round(baseline),
        font_size: line.font_size,
        anchor,
        role: line.role,
    }
}

/// The route rounded, with nearly axis-parallel segments made exactly parallel first, so that
/// rounding cannot turn a float-noise wobble into a visible diagonal.
fn rounded_route(points: &[Point]) -> Vec<Point> {
    let mut snapped: Vec<Point> = points.to_vec();
    for i in 1..snapped.len() {
        let prev = snapped[i - 1];
        let cur = &mut snapped[i];
        if (cur.x - prev.x).abs() < SNAP {
            cur.x = prev.x;
        }
        if (cur.y - prev.y).abs() < SNAP {
            cur.y = prev.y;
        }
    }
    let mut rounded: Vec<Point> = snapped.into_iter().map(Point::rounded).collect();
    // A zero-length segment says nothing and trips renderers' arrowhead direction.
    rounded.dedup();
    rounded
}

#[cfg(test)]
mod tests {
    use super::rounded_route;
    use crate::layout::geometry::Point;

    #[test]
    fn routes_snap_and_dedup() {
        let route = [
            Point::new(0.0, 0.0),
            Point::new(1e-9, 10.004_999_9),
            Point::new(1e-9, 10.004_999_9),
            Point::new(20.0, 10.005_000_01),
        ];
        let expect = [
            Point::new(0.0, 0.0),
            Point::new(0.0, 10.0),
            Point::new(20.0, 10.0),
        ];
        assert_eq!(rounded_route(&route), expect);
    }
}
