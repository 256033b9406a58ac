//! GEOMETRY: boxes, group tree and edges in; positions of every box, line of text and edge
//! route out. No model, no SVG, no I/O.
//!
//! [`layout`] takes a [`LayoutInput`] (pure data, indices instead of model ids, so this stage
//! does not depend on the model) and returns a [`Layout`] whose vectors are indexed like the
//! input's: `layout.nodes[i]` is `input.nodes[i]`.
//!
//! ## Pipeline
//!
//! ```text
//! LayoutInput ─build─▶ EngineGraph (+ measured text) ─engine─▶ EngineOutput ─place─▶ Layout ─validate─▶ Ok
//!               text.rs measures and wraps            elkrs, guarded         rounding, text positions
//! ```
//!
//! ## Invariants of this stage
//!
//! - **Pure and deterministic.** The same input gives an identical `Layout` on every machine:
//!   text is measured from the embedded font ([`text`]), the engine is deterministic (elkrs
//!   replicates Java's seeded `Random`, uses insertion-ordered maps, and we fix the seed), and
//!   every coordinate is rounded to 0.01 once, in [`geometry`].
//! - **Never panics, never prints.** Bad references (an edge to node 7 of 3, a group nested in
//!   itself) are a [`LayoutError`]; the engine runs under `catch_unwind` on its own thread within
//!   a budget of work ([`ELEMENT_BUDGET`], counted, not timed); its output is then checked ([`validate`]): every
//!   coordinate finite, every box inside its group, siblings apart, content below group titles,
//!   routes orthogonal from border to border, edge labels clear of nodes and of each other, and
//!   every line of text inside its box. An input with no nodes and no groups gives a small empty
//!   `Layout` without running the engine.
//! - **Text fits in any browser.** Boxes are sized for the measured text times
//!   [`text::SAFETY`]; see the module doc of [`text`] for why the SVG need not embed the font.
//! - **Only `engine.rs` imports the engine crate**, behind the neutral `EngineGraph` types.
//!
//! ## Why elkrs and not layout-rs
//!
//! layout-rs (the Graphviz-dot-like crate) was evaluated for this project and rejected: it has
//! no clusters, so group boxes drawn around their members overlap each other; it estimates label
//! width as characters × font size; it routes edges as curves only; it panics on an empty graph;
//! and it scales worse than n³ on review-sized graphs. elkrs is a faithful Rust port of the
//! Eclipse Layout Kernel's *layered* algorithm with compound graphs: `hierarchyHandling:
//! INCLUDE_CHILDREN` lays out nested groups in one pass and routes edges across group borders,
//! edges are routed orthogonally, edge labels get space of the size we measured, groups get
//! padding (room for their title) and a minimum size (their title's width).
//!
//! ## What we learned about elkrs 0.1.1 (details in `engine.rs`)
//!
//! - It ignores an edge label with empty text, as ELK does; we pass the label's text.
//! - With direction DOWN it applies a compound group's minimum size transposed; we pre-transpose
//!   it, and `validate.rs` checks that every title fits.
//! - Crossing minimisation is about half of its time; we lower `thoroughness` from ELK's 7 as
//!   diagrams grow past 71 boxes (`engine::thoroughness`). `benches/layout.rs` measures.
//! - Its property maps were string-keyed hash maps, a third of its time and much of its memory:
//!   we build a patched copy (`vendor/elkrs/PATCHES.md`).
//! - It adds some Java `int` counts with `+`, which panicked on overflow in builds with overflow
//!   checks (a 1000-box review in `cargo test`); the patched copy wraps as Java does.
//! - It has no limit of its own: the patched copy counts the elements it creates against
//!   [`ELEMENT_BUDGET`], which replaced a wall-clock limit.
//! - Thousands of random graphs of every shape laid out without a panic, hang or failed check.

mod build;
mod engine;
pub mod geometry;
mod place;
pub mod samples;
pub mod text;
mod validate;

use std::fmt;

pub use engine::ELEMENT_BUDGET;
pub use geometry::{Point, Rect, Size};

/// Whether a panic on this thread is one the layout engine's guard catches and reports as a
/// [`LayoutError`]. For a panic hook: the library installs none (a hook is process-wide), so
/// the binary's hook (`main.rs`) asks this to keep the caught panic's message off stderr.
pub fn panic_is_caught_here() -> bool {
    engine::panic_is_caught_here()
}

/// The main direction of edges: the layers of the layered algorithm run this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Down,
    Right,
}

/// What to lay out. Parents and edge ends are indices into `groups` and `nodes`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayoutInput {
    pub direction: Direction,
    /// Containers (customer, solution, group), nested to any depth.
    pub groups: Vec<GroupIn>,
    /// Leaf boxes (system, module).
    pub nodes: Vec<NodeIn>,
    pub edges: Vec<EdgeIn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupIn {
    pub title: String,
    /// Index into `LayoutInput::groups`; `None` for a top-level group.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeIn {
    pub label: String,
    /// A second, smaller line (the kind or the technology).
    pub sublabel: Option<String>,
    /// Index into `LayoutInput::groups`; `None` for a top-level node.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EdgeIn {
    /// Index into `LayoutInput::nodes`.
    pub from: usize,
    /// Index into `LayoutInput::nodes`.
    pub to: usize,
    pub label: Option<String>,
}

/// Positions of everything, rounded to 0.01, indexed like the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The diagram's size; every box lies within `(0, 0)`–`(width, height)`.
    pub width: f64,
    pub height: f64,
    pub groups: Vec<GroupBox>,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgePath>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupBox {
    pub rect: Rect,
    /// The title's lines, left-aligned at the top ([`Anchor::Start`]).
    pub title: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub rect: Rect,
    /// The label's lines, then the sublabel's, centred ([`Anchor::Middle`]).
    pub lines: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    /// An orthogonal polyline: the first point on the border of `from`, the last on the border
    /// of `to`, every segment horizontal or vertical, no two consecutive points equal.
    pub points: Vec<Point>,
    pub label: Option<EdgeLabel>,
}

/// An edge label's box (placed by the engine, clear of nodes and other labels) and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeLabel {
    pub rect: Rect,
    pub lines: Vec<TextLine>,
}

/// One line of text: draw `text` at `(x, y)` with `text-anchor` from `anchor`, `y` being the
/// baseline, in the font of [`text::FONT_STACK`] at `font_size` px.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub font_size: f32,
    pub anchor: Anchor,
    /// What the line is, so the renderer can style it (a sublabel in grey, say).
    pub role: TextRole,
}

/// Which point of the line `x` refers to (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end (`text-anchor="start"`).
    Start,
    /// `x` is the centre (`text-anchor="middle"`).
    Middle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Label,
    Sublabel,
    EdgeLabel,
}

/// Why no layout could be made: a bad reference in the input, or an engine failure that the
/// checks caught. The message is a lowercase sentence fragment naming the element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    pub message: String,
}

impl LayoutError {
    fn new(message: impl Into<String>) -> LayoutError {
        LayoutError {
            message: message.into(),
        }
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "layout failed: {}", self.message)
    }
}

impl std::error::Error for LayoutError {}

/// Lays out `input`; see the module doc for what is guaranteed of the result.
pub fn layout(input: &LayoutInput) -> Result<Layout, LayoutError> {
    let boxes = input.groups.len() + input.nodes.len();
    engine::check_size(boxes, input.edges.len()).map_err(LayoutError::new)?;
    let prepared = build::prepare(input)?;
    if input.nodes.is_empty() && input.groups.is_empty() {
        return Ok(empty_layout());
    }
    let positions = engine::run(&prepared.engine).map_err(LayoutError::new)?;
    let result = place::place(&prepared, &positions);
    validate::check(input, &result).map_err(LayoutError::new)?;
    Ok(result)
}

/// Nothing to draw: just the margins, so a renderer still gets a valid, small canvas.
fn empty_layout() -> Layout {
    let side = 2.0 * engine::MARGIN;
    Layout {
        width: side,
        height: side,
        groups: vec![],
        nodes: vec![],
        edges: vec![],
    }
}

#[cfg(test)]
mod tests;
