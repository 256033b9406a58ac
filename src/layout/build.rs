//! `LayoutInput` → the engine's input: checks the references, measures and wraps every text,
//! and sizes boxes, group paddings and edge label boxes from the measured text.
//!
//! ```text
//!  group                         node                      edge label
//! +------------------------+    +------------------+      +-----------+
//! | Title (TITLE_TOP)      |    |   Label line 1   |      | SSO/SAML  |  EDGE_LABEL_PAD
//! | (TITLE_GAP)            |    |   Label line 2   |      +-----------+  around the text
//! |  +------+   +------+   |    |   sublabel       |
//! |  | node |   | node |   |    +------------------+
//! |  +------+   +------+   |    NODE_PAD_X/Y around the text, at least NODE_MIN_*
//! +------------------------+
//!  GROUP_PAD on the sides and at the bottom
//! ```

use super::engine::{EngineEdge, EngineGraph, EngineGroup, EngineLabel, EngineNode, Padding};
use super::geometry::Size;
use super::text;
use super::{LayoutError, LayoutInput, TextRole};

pub(super) const TITLE_SIZE: f32 = 14.0;
pub(super) const LABEL_SIZE: f32 = 14.0;
pub(super) const SUBLABEL_SIZE: f32 = 11.0;
pub(super) const EDGE_LABEL_SIZE: f32 = 11.0;

/// Widest a line of measured text may get before it wraps.
const TITLE_WRAP: f32 = 320.0;
const LABEL_WRAP: f32 = 170.0;
const EDGE_LABEL_WRAP: f32 = 130.0;

/// Most lines a text gets in the picture; the rest is cut with an ellipsis (`text::wrap_bounded`,
/// which also cuts a single word at twice the wrap width). The full text stays in the SVG
/// tooltip (`<title>`) and in the tables, and boxes of any text stay small enough to render
/// quickly as PNG.
const TITLE_LINES: usize = 3;
const LABEL_LINES: usize = 4;
const SUBLABEL_LINES: usize = 2;
const EDGE_LABEL_LINES: usize = 4;

const NODE_PAD_X: f64 = 14.0;
const NODE_PAD_Y: f64 = 10.0;
const NODE_MIN_WIDTH: f64 = 120.0;
const NODE_MIN_HEIGHT: f64 = 48.0;

/// Padding of a group's content on the left, right and bottom; the title is indented by it too.
pub(super) const GROUP_PAD: f64 = 16.0;
/// From a group's top border to its title's first line box.
pub(super) const TITLE_TOP: f64 = 8.0;
/// From the title's last line box to the group's content.
const TITLE_GAP: f64 = 10.0;
/// Smallest content area of an empty group, below its title.
const EMPTY_GROUP_HEIGHT: f64 = 24.0;

pub(super) const EDGE_LABEL_PAD: f64 = 4.0;

/// Input translated for the engine, with the measured text that the placement step positions.
#[derive(Debug, Clone)]
pub(super) struct Prepared {
    pub engine: EngineGraph,
    pub group_titles: Vec<Block>,
    pub node_texts: Vec<Block>,
    pub edge_labels: Vec<Option<Block>>,
}

/// Lines of text stacked top to bottom, with the extent they measure.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub lines: Vec<Line>,
    /// Widest measured line.
    pub width: f64,
    /// Sum of the line heights.
    pub height: f64,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    pub role: TextRole,
    pub font_size: f32,
}

/// Checks `input` and prepares it for the engine.
pub(super) fn prepare(input: &LayoutInput) -> Result<Prepared, LayoutError> {
    check_references(input)?;
    let group_titles: Vec<Block> = input.groups.iter().map(|g| title_block(&g.title)).collect();
    let node_texts: Vec<Block> = input
        .nodes
        .iter()
        .map(|n| node_block(&n.label, n.sublabel.as_deref()))
        .collect();
    let edge_labels: Vec<Option<Block>> = input
        .edges
        .iter()
        .map(|e| e.label.as_deref().and_then(edge_label_block))
        .collect();
    let groups = input
        .groups
        .iter()
        .zip(&group_titles)
        .map(|(g, title)| engine_group(g.parent, title))
        .collect();
    let nodes = input
        .nodes
        .iter()
        .zip(&node_texts)
        .map(|(n, block)| EngineNode {
            parent: n.parent,
            size: node_size(block),
        })
        .collect();
    let edges = input
        .edges
        .iter()
        .zip(&edge_labels)
        .map(|(e, label)| EngineEdge {
            from: e.from,
            to: e.to,
            label: label.as_ref().map(engine_label),
        })
        .collect();
    let engine = EngineGraph {
        direction: input.direction,
        groups,
        nodes,
        edges,
    };
    Ok(Prepared {
        engine,
        group_titles,
        node_texts,
        edge_labels,
    })
}

/// An edge label box: the text plus padding, with the fallback-font margin.
fn engine_label(block: &Block) -> EngineLabel {
    let text: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
    let size = Size::new(
        text::box_width(block.width) + 2.0 * EDGE_LABEL_PAD,
        block.height + 2.0 * EDGE_LABEL_PAD,
    );
    EngineLabel {
        text: text.join(" "),
        size,
    }
}

/// The width a group needs for its title alone.
pub(super) fn title_width(title: &Block) -> f64 {
    text::box_width(title.width) + 2.0 * GROUP_PAD
}

fn check_references(input: &LayoutInput) -> Result<(), LayoutError> {
    let n_groups = input.groups.len();
    let n_nodes = input.nodes.len();
    for (i, group) in input.groups.iter().enumerate() {
        check_parent(group.parent, n_groups, || format!("group {i}"))?;
        check_group_chain(input, i)?;
    }
    for (i, node) in input.nodes.iter().enumerate() {
        check_parent(node.parent, n_groups, || format!("node {i}"))?;
    }
    for (i, edge) in input.edges.iter().enumerate() {
        if edge.from >= n_nodes || edge.to >= n_nodes {
            return Err(LayoutError::new(format!(
                "edge {i} connects nodes {} and {} but there are {n_nodes} nodes",
                edge.from, edge.to
            )));
        }
    }
    Ok(())
}

fn check_parent(
    parent: Option<usize>,
    n_groups: usize,
    what: impl Fn() -> String,
) -> Result<(), LayoutError> {
    match parent {
        Some(p) if p >= n_groups => Err(LayoutError::new(format!(
            "{} has parent group {p} but there are {n_groups} groups",
            what()
        ))),
        _ => Ok(()),
    }
}

/// Rejects a group that is its own ancestor: the engine would recurse forever.
fn check_group_chain(input: &LayoutInput, start: usize) -> Result<(), LayoutError> {
    let mut current = input.groups[start].parent;
    // A chain longer than the number of groups must have come back to a group it passed.
    for _ in 0..input.groups.len() {
        match current {
            None => return Ok(()),
            Some(p) if p == start => break,
            Some(p) => current = input.groups.get(p).and_then(|g| g.parent),
        }
    }
    Err(LayoutError::new(format!(
        "group {start} is nested inside itself"
    )))
}

fn engine_group(parent: Option<usize>, title: &Block) -> EngineGroup {
    let top = TITLE_TOP + title.height + TITLE_GAP;
    let padding = Padding {
        top,
        left: GROUP_PAD,
        bottom: GROUP_PAD,
        right: GROUP_PAD,
    };
    let min_size = Size::new(title_width(title), top + EMPTY_GROUP_HEIGHT + GROUP_PAD);
    EngineGroup {
        parent,
        min_size,
        padding,
    }
}

fn node_size(block: &Block) -> Size {
    let width = text::box_width(block.width) + 2.0 * NODE_PAD_X;
    let height = block.height + 2.0 * NODE_PAD_Y;
    Size::new(width.max(NODE_MIN_WIDTH), height.max(NODE_MIN_HEIGHT))
}

fn title_block(title: &str) -> Block {
    block(lines(
        title,
        TextRole::Title,
        TITLE_SIZE,
        (TITLE_WRAP, TITLE_LINES),
    ))
}

fn node_block(label: &str, sublabel: Option<&str>) -> Block {
    let mut all = lines(
        label,
        TextRole::Label,
        LABEL_SIZE,
        (LABEL_WRAP, LABEL_LINES),
    );
    if let Some(sub) = sublabel {
        // The sublabel's font is smaller, so it may run as wide as the label's wrap width.
        let bounds = (LABEL_WRAP, SUBLABEL_LINES);
        all.extend(lines(sub, TextRole::Sublabel, SUBLABEL_SIZE, bounds));
    }
    block(all)
}

fn edge_label_block(label: &str) -> Option<Block> {
    let bounds = (EDGE_LABEL_WRAP, EDGE_LABEL_LINES);
    let all = lines(label, TextRole::EdgeLabel, EDGE_LABEL_SIZE, bounds);
    if all.is_empty() {
        None
    } else {
        Some(block(all))
    }
}

/// `text` wrapped at `bounds.0` px and cut after `bounds.1` lines.
fn lines(text: &str, role: TextRole, font_size: f32, bounds: (f32, usize)) -> Vec<Line> {
    let (max_width, max_lines) = bounds;
    text::wrap_bounded(text, font_size, max_width, max_lines)
        .into_iter()
        .map(|text| Line {
            text,
            role,
            font_size,
        })
        .collect()
}

fn block(lines: Vec<Line>) -> Block {
    let width = lines
        .iter()
        .map(|l| f64::from(text::measure(&l.text, l.font_size)))
        .fold(0.0, f64::max);
    let height = lines.iter().map(|l| text::line_height(l.font_size)).sum();
    Block {
        lines,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::{LABEL_WRAP, node_block, prepare};
    use crate::layout::text;
    use crate::layout::{EdgeIn, GroupIn, LayoutInput, NodeIn};

    #[test]
    fn long_labels_wrap_instead_of_stretching() {
        let block = node_block(
            "Enterprise Resource Planning System of Record for Orders",
            None,
        );
        assert!(block.lines.len() >= 3);
        assert!(block.width <= f64::from(LABEL_WRAP));
        let sub = node_block("Okta", Some("identity provider"));
        assert_eq!(sub.lines.len(), 2);
        assert!(sub.lines[1].font_size < sub.lines[0].font_size);
    }

    #[test]
    fn node_box_holds_text_with_margin() {
        let input = one_node("Data Import Pipeline with a long name");
        let prepared = prepare(&input).map_err(|e| e.message);
        let Ok(prepared) = prepared else {
            panic!("{prepared:?}")
        };
        let block = &prepared.node_texts[0];
        assert!(prepared.engine.nodes[0].size.width >= text::box_width(block.width));
    }

    #[test]
    fn bad_references_are_errors() {
        let mut input = one_node("a");
        input.edges.push(EdgeIn {
            from: 0,
            to: 3,
            label: None,
        });
        check_error(
            &input,
            "edge 0 connects nodes 0 and 3 but there are 1 nodes",
        );

        let mut input = one_node("a");
        input.nodes[0].parent = Some(2);
        check_error(&input, "node 0 has parent group 2 but there are 0 groups");

        let mut input = one_node("a");
        input.groups.push(GroupIn {
            title: "x".into(),
            parent: Some(1),
        });
        input.groups.push(GroupIn {
            title: "y".into(),
            parent: Some(0),
        });
        check_error(&input, "group 0 is nested inside itself");
    }

    fn one_node(label: &str) -> LayoutInput {
        LayoutInput {
            direction: crate::layout::Direction::Down,
            groups: vec![],
            nodes: vec![NodeIn {
                label: label.into(),
                sublabel: None,
                parent: None,
            }],
            edges: vec![],
        }
    }

    fn check_error(input: &LayoutInput, expect: &str) {
        match prepare(input) {
            Ok(_) => panic!("expected the error {expect:?}"),
            Err(err) => assert_eq!(err.message, expect),
        }
    }
}
