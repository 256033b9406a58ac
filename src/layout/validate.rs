//! Checks the engine's output before anyone draws it: finite, nested, non-overlapping, routed.
//!
//! The engine is a large port of someone else's code; these checks turn any of its mistakes
//! into a `LayoutError` naming the element, instead of a diagram with a box outside its group or
//! a label hidden under a node. They run on the rounded [`Layout`], the thing that is drawn, with
//! a tolerance of a little more than the rounding step.

use super::build::TITLE_TOP;
use super::geometry::{Point, Rect};
use super::text;
use super::{Anchor, Layout, LayoutInput, TextLine};

/// Slack for coordinates that were each rounded to 0.01.
const TOLERANCE: f64 = 0.02;

/// Every check, in order; the first failure is reported.
pub(super) fn check(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    check_counts(input, layout)?;
    check_finite(layout)?;
    check_nesting(input, layout)?;
    check_siblings(input, layout)?;
    check_titles_clear(input, layout)?;
    check_edges(input, layout)?;
    check_labels(input, layout)?;
    check_text_fits(input, layout)
}

fn check_counts(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    let expect = (input.groups.len(), input.nodes.len(), input.edges.len());
    let got = (layout.groups.len(), layout.nodes.len(), layout.edges.len());
    if expect == got {
        return Ok(());
    }
    Err(format!(
        "the layout has {got:?} groups, nodes and edges, the input {expect:?}"
    ))
}

fn check_finite(layout: &Layout) -> Result<(), String> {
    let canvas = canvas(layout);
    if !canvas.is_finite() {
        return Err("the diagram size is not finite".to_owned());
    }
    for (i, g) in layout.groups.iter().enumerate() {
        if !g.rect.is_finite() || !lines_finite(&g.title) {
            return Err(format!("group {i} has a coordinate that is not finite"));
        }
    }
    for (i, n) in layout.nodes.iter().enumerate() {
        if !n.rect.is_finite() || !lines_finite(&n.lines) {
            return Err(format!("node {i} has a coordinate that is not finite"));
        }
    }
    for (i, e) in layout.edges.iter().enumerate() {
        let label_ok = e
            .label
            .as_ref()
            .is_none_or(|l| l.rect.is_finite() && lines_finite(&l.lines));
        if !e.points.iter().all(|p| p.is_finite()) || !label_ok {
            return Err(format!("edge {i} has a coordinate that is not finite"));
        }
    }
    Ok(())
}

/// Every node inside its group, every group inside its parent, everything on the canvas.
fn check_nesting(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    let canvas = canvas(layout);
    let container = |parent: Option<usize>| match parent {
        Some(p) => (layout.groups[p].rect, format!("group {p}")),
        None => (canvas, "the diagram".to_owned()),
    };
    for (i, g) in input.groups.iter().enumerate() {
        let (outer, name) = container(g.parent);
        if !outer.contains_rect(&layout.groups[i].rect, TOLERANCE) {
            return Err(format!("group {i} ({:?}) is not inside {name}", g.title));
        }
    }
    for (i, n) in input.nodes.iter().enumerate() {
        let (outer, name) = container(n.parent);
        if !outer.contains_rect(&layout.nodes[i].rect, TOLERANCE) {
            return Err(format!("node {i} ({:?}) is not inside {name}", n.label));
        }
    }
    Ok(())
}

/// Boxes that share a parent do not overlap.
fn check_siblings(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    for family in families(input, layout) {
        for (a, (rect_a, name_a)) in family.iter().enumerate() {
            for (rect_b, name_b) in &family[a + 1..] {
                if rect_a.overlaps(rect_b, TOLERANCE) {
                    return Err(format!("{name_a} overlaps {name_b}"));
                }
            }
        }
    }
    Ok(())
}

/// A group's content starts below its title.
fn check_titles_clear(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    let title_bottom = |g: usize| {
        let group = &layout.groups[g];
        let lines: f64 = group
            .title
            .iter()
            .map(|l| text::line_height(l.font_size))
            .sum();
        group.rect.y + TITLE_TOP + lines
    };
    let children =
        input
            .groups
            .iter()
            .enumerate()
            .filter_map(|(i, g)| Some((g.parent?, layout.groups[i].rect, format!("group {i}"))))
            .chain(
                input.nodes.iter().enumerate().filter_map(|(i, n)| {
                    Some((n.parent?, layout.nodes[i].rect, format!("node {i}")))
                }),
            );
    for (parent, rect, name) in children {
        if rect.y < title_bottom(parent) - TOLERANCE {
            return Err(format!("{name} covers the title of group {parent}"));
        }
    }
    Ok(())
}

/// Routes: at least two points, orthogonal, from the border of `from` to the border of `to`.
fn check_edges(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    for (i, (edge_in, edge)) in input.edges.iter().zip(&layout.edges).enumerate() {
        let (Some(first), Some(last)) = (edge.points.first(), edge.points.last()) else {
            return Err(format!("edge {i} has no route"));
        };
        if edge.points.len() < 2 {
            return Err(format!("edge {i} has a route of one point"));
        }
        if let Some(k) = edge
            .points
            .windows(2)
            .position(|w| !axis_parallel(w[0], w[1]))
        {
            return Err(format!("edge {i} has a diagonal segment after point {k}"));
        }
        if !layout.nodes[edge_in.from].rect.on_border(*first, TOLERANCE) {
            return Err(format!(
                "edge {i} does not start on the border of node {}",
                edge_in.from
            ));
        }
        if !layout.nodes[edge_in.to].rect.on_border(*last, TOLERANCE) {
            return Err(format!(
                "edge {i} does not end on the border of node {}",
                edge_in.to
            ));
        }
    }
    Ok(())
}

/// Edge label boxes overlap neither a node nor each other.
fn check_labels(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    let labels: Vec<(usize, Rect)> = layout
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.label.as_ref()?.rect)))
        .collect();
    for (a, (edge_a, rect_a)) in labels.iter().enumerate() {
        if let Some(n) = layout
            .nodes
            .iter()
            .position(|n| n.rect.overlaps(rect_a, TOLERANCE))
        {
            let label = input.edges[*edge_a].label.as_deref().unwrap_or_default();
            return Err(format!(
                "the label {label:?} of edge {edge_a} overlaps node {n}"
            ));
        }
        if let Some((edge_b, _)) = labels[a + 1..]
            .iter()
            .find(|(_, r)| r.overlaps(rect_a, TOLERANCE))
        {
            return Err(format!("the labels of edges {edge_a} and {edge_b} overlap"));
        }
    }
    Ok(())
}

/// Every line of text, measured and given the fallback-font margin, fits inside its box.
fn check_text_fits(input: &LayoutInput, layout: &Layout) -> Result<(), String> {
    for (i, g) in layout.groups.iter().enumerate() {
        if !lines_fit(&g.rect, &g.title) {
            return Err(format!(
                "the title of group {i} ({:?}) is wider than the group",
                input.groups[i].title
            ));
        }
    }
    for (i, n) in layout.nodes.iter().enumerate() {
        if !lines_fit(&n.rect, &n.lines) {
            return Err(format!(
                "the label of node {i} ({:?}) is wider than its box",
                input.nodes[i].label
            ));
        }
    }
    for (i, e) in layout.edges.iter().enumerate() {
        let fits = e
            .label
            .as_ref()
            .is_none_or(|l| lines_fit(&l.rect, &l.lines));
        if !fits {
            return Err(format!("the label of edge {i} is wider than its box"));
        }
    }
    Ok(())
}

fn lines_fit(rect: &Rect, lines: &[TextLine]) -> bool {
    lines.iter().all(|line| {
        let width = text::box_width(f64::from(text::measure(&line.text, line.font_size)));
        let (left, right) = match line.anchor {
            Anchor::Start => (line.x, line.x + width),
            Anchor::Middle => (line.x - width / 2.0, line.x + width / 2.0),
        };
        left >= rect.x - TOLERANCE && right <= rect.right() + TOLERANCE
    })
}

fn lines_finite(lines: &[TextLine]) -> bool {
    lines.iter().all(|l| l.x.is_finite() && l.y.is_finite())
}

fn axis_parallel(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() <= TOLERANCE || (a.y - b.y).abs() <= TOLERANCE
}

fn canvas(layout: &Layout) -> Rect {
    Rect::new(0.0, 0.0, layout.width, layout.height)
}

/// The boxes of each parent (the diagram first, then each group), named for messages.
fn families(input: &LayoutInput, layout: &Layout) -> Vec<Vec<(Rect, String)>> {
    let mut families: Vec<Vec<(Rect, String)>> = vec![Vec::new(); input.groups.len() + 1];
    let slot = |parent: Option<usize>| parent.map_or(0, |p| p + 1);
    for (i, g) in input.groups.iter().enumerate() {
        families[slot(g.parent)]
            .push((layout.groups[i].rect, format!("group {i} ({:?})", g.title)));
    }
    for (i, n) in input.nodes.iter().enumerate() {
        families[slot(n.parent)].push((layout.nodes[i].rect, format!("node {i} ({:?})", n.label)));
    }
    families
}
