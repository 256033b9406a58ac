//! MODEL + VIEW + LAYOUT + THEME → THE FINISHED DIAGRAM: everything a picture needs, resolved
//! once, in final coordinates, so that writers only print.
//!
//! [`build`] turns a selection ([`crate::view`]), its layout and a theme into a [`Diagram`]:
//! boxes with their tooltips, `data-*` attributes, text and colours; routes trimmed for their
//! arrowheads and cut under group titles; arrowhead triangles; edge-label plates and leader
//! lines; gap markers placed clear of everything; the legend laid out below. [`draw`] is the
//! whole way from the model (select, lay out, build). The SVG writer, the PNG path and the
//! draw.io export read only a `Diagram`: none of them reads the model, measures text, or moves
//! what the layout placed and validation approved.
//!
//! ## What a diagram holds (the SVG document follows it one to one)
//!
//! ```text
//! Diagram { size, background, font, data-view/data-theme, title, description }
//!   shapes: groups and nodes, a tree (roots → children in model order); each a class
//!           (group | node), data-id/-kind/-side, a tooltip, a rounded box, lines of text
//!   edges:  data-id/-from/-to/-family/-status/-methods, a tooltip, the route as drawn
//!           (pieces), its stroke, arrowheads, the label's plate + text + leader, a gap marker
//!   legend: frame, title, entries (swatch + text), below the drawing
//! ```
//!
//! Paint order follows from the tree: group fills, then the nodes inside them, then every edge
//! over them (routes never cross a node, so nothing is hidden), each edge's label on an opaque
//! plate over its own route, and the legend below the diagram, outside it.
//!
//! Text is as written (writers escape it for their format); every collection is in model
//! order, so a writer that walks it in order is deterministic.

mod geometry;
mod legend;
mod titles;
mod words;

// The geometry and the options' types, so a writer or caller needs no other stage.
pub use crate::layout::{Anchor, Direction, LayoutError, Point, Rect, Size};
pub use crate::theme::ThemeName;
pub use crate::view::View;

use crate::layout::{self, Layout, TextLine, TextRole, text};
use crate::model::{ConnectionId, ElementId, ElementKind, Family, Model, Status};
use crate::theme::{EdgeStyle, Look, Side, Theme};
use crate::view::{self, Selection};

/// What to draw and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub view: View,
    pub theme: ThemeName,
    pub direction: Direction,
}

/// The finished diagram: plain data in final coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// The canvas: the drawing and the legend below it.
    pub size: Size,
    /// What the layout drew, without the legend (draw.io's page).
    pub drawing: Size,
    pub background: String,
    pub font: Font,
    /// The document's `data-view` and `data-theme`.
    pub attributes: Vec<(&'static str, String)>,
    /// The diagram's title: the review's, else the first customer's.
    pub title: String,
    /// The review's own title, when the file has a review.
    pub review_title: Option<String>,
    /// What the view shows, with counts, for screen readers.
    pub description: String,
    /// Groups (in selection order), then nodes; [`Shape::children`] and [`Diagram::roots`] index
    /// into it.
    pub shapes: Vec<Shape>,
    /// The top-level shapes, in model order.
    pub roots: Vec<usize>,
    pub edges: Vec<Edge>,
    pub legend: Option<Legend>,
}

/// The font every text was measured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Font {
    /// Its family name (`DejaVu Sans`).
    pub family: &'static str,
    /// The CSS font stack a document names, the family first.
    pub stack: &'static str,
}

/// The diagrams' font.
pub const FONT: Font = Font {
    family: text::FONT_FAMILY,
    stack: text::FONT_STACK,
};

/// The embedded font file, for a writer that draws the glyphs itself (PNG).
pub fn font_data() -> &'static [u8] {
    text::font_data()
}

/// A group or a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub kind: ShapeKind,
    /// `data-id`, `data-kind`, `data-side`, in that order.
    pub attributes: Vec<(&'static str, String)>,
    pub tooltip: String,
    pub panel: Panel,
    /// A group's title, or a node's label and sublabel.
    pub texts: Vec<Text>,
    /// The group that holds this shape.
    pub parent: Option<usize>,
    /// What a group holds, in model order.
    pub children: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    Group,
    Node,
}

impl ShapeKind {
    /// The document's `class`.
    pub fn class(self) -> &'static str {
        match self {
            ShapeKind::Group => "group",
            ShapeKind::Node => "node",
        }
    }
}

impl Shape {
    /// The value of attribute `name` (`data-id`, …), if it has one.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }

    /// The element's `.arch` ID.
    pub fn id(&self) -> &str {
        self.attribute("data-id").unwrap_or_default()
    }
}

/// A filled, stroked rectangle with rounded corners.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub rect: Rect,
    pub radius: f64,
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f64,
}

/// A line of text: `y` is its baseline, `anchor` says which point of it `x` is.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub font_size: f64,
    pub anchor: Anchor,
    pub fill: String,
}

/// How a line is stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub color: String,
    pub width: f64,
    /// SVG `stroke-dasharray`, `None` for a solid line.
    pub dash: Option<&'static str>,
    pub round_caps: bool,
}

impl Stroke {
    fn of(style: &EdgeStyle) -> Stroke {
        Stroke {
            color: style.color.clone(),
            width: style.width,
            dash: style.dash,
            round_caps: style.round_caps,
        }
    }
}

/// A straight stroked line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub points: [Point; 2],
    pub stroke: Stroke,
}

/// A drawn connection.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// `data-id`, `data-from`, `data-to`, `data-family`, `data-status`, `data-methods`.
    pub attributes: Vec<(&'static str, String)>,
    pub tooltip: String,
    /// The shapes (nodes) of the written `FROM` and `TO`.
    pub from: usize,
    pub to: usize,
    /// The laid-out route from the written `FROM` to the written `TO`.
    pub route: Vec<Point>,
    /// Where the arrow was written: an arrowhead at `FROM`, at `TO`.
    pub arrow_at_from: bool,
    pub arrow_at_to: bool,
    pub stroke: Stroke,
    /// The route as drawn: shortened under its arrowheads, cut where it passes beneath a group
    /// title; one polyline per piece.
    pub pieces: Vec<Vec<Point>>,
    /// Triangles, tip first, filled in the stroke's colour.
    pub arrowheads: Vec<[Point; 3]>,
    pub label: Option<EdgeLabel>,
    pub gap: Option<GapMarker>,
}

impl Edge {
    /// The value of attribute `name` (`data-id`, …), if it has one.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }
}

/// An edge's label: an opaque plate with its text, and a leader to the route when the label
/// sits beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeLabel {
    pub plate: Panel,
    pub texts: Vec<Text>,
    pub leader: Option<Line>,
}

/// A red disc with an exclamation mark drawn as shapes (no font involved), with the gaps'
/// details as its tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct GapMarker {
    pub tooltip: String,
    pub disc: Circle,
    /// The mark's bar, a closed polygon, and its dot, both in `mark`.
    pub bar: [Point; 4],
    pub dot: Circle,
    pub mark: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    pub center: Point,
    pub radius: f64,
    pub fill: String,
    /// Colour and width of its outline, if any.
    pub stroke: Option<(String, f64)>,
}

/// The legend below the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub frame: Panel,
    pub title: Text,
    pub entries: Vec<LegendEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// `family:identity`, `status:proposed`, `gap`, `side:customer`.
    pub key: String,
    pub swatch: Swatch,
    pub text: Text,
}

/// The mark before a legend entry's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    Line(Line),
    Box(Panel),
    Gap(GapMarker),
}

const GROUP_RADIUS: f64 = 8.0;
const NODE_RADIUS: f64 = 6.0;
const LABEL_RADIUS: f64 = 3.0;
const GROUP_STROKE_WIDTH: f64 = 1.25;
const NODE_STROKE_WIDTH: f64 = 1.5;
const LABEL_STROKE_WIDTH: f64 = 0.75;
const LEADER_WIDTH: f64 = 1.0;
const GAP_RADIUS: f64 = 7.0;
/// A gap marker keeps this far from both ends of its route, clear of the arrowheads.
const GAP_END_CLEARANCE: f64 = 18.0;
/// Farthest a label may sit beside its route and still get a leader line to it.
const LEADER_MAX: f64 = 24.0;
/// Margin around the diagram and the legend (the layout's own margin).
const MARGIN: f64 = 20.0;

/// The diagram of `model`: select, lay out, build.
pub fn draw(model: &Model, options: &Options) -> Result<Diagram, LayoutError> {
    let selection = view::select(model, options.view, options.direction);
    let layout = layout::layout(&selection.input)?;
    Ok(build(
        model,
        &selection,
        &layout,
        &Theme::new(options.theme),
    ))
}

/// The finished diagram of an already laid-out selection.
pub fn build(model: &Model, selection: &Selection, layout: &Layout, theme: &Theme) -> Diagram {
    Builder::new(model, selection, layout, theme).diagram()
}

fn attribute<'a>(attributes: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

struct Builder<'a> {
    model: &'a Model,
    selection: &'a Selection,
    layout: &'a Layout,
    theme: &'a Theme,
    /// How far each group's title moves right to keep off routes ([`titles`]).
    title_shifts: Vec<f64>,
    /// Where the group titles stand, after the shifts: routes pass beneath them.
    title_boxes: Vec<Rect>,
    /// Some connection drawn is proposed.
    shows_proposed: bool,
}

impl<'a> Builder<'a> {
    fn new(
        model: &'a Model,
        selection: &'a Selection,
        layout: &'a Layout,
        theme: &'a Theme,
    ) -> Builder<'a> {
        let title_shifts = titles::title_shifts(layout);
        let title_boxes = layout
            .groups
            .iter()
            .zip(&title_shifts)
            .flat_map(|(g, shift)| g.title.iter().map(move |line| shifted(line, *shift)))
            .map(|line| {
                let b = line_box(&line);
                Rect::new(b.x - 2.0, b.y - 2.0, b.width + 4.0, b.height + 4.0)
            })
            .collect();
        Builder {
            model,
            selection,
            layout,
            theme,
            title_shifts,
            title_boxes,
            shows_proposed: selection
                .edges
                .iter()
                .any(|e| model.connection(e.connection).status == Status::Proposed),
        }
    }

    fn diagram(&self) -> Diagram {
        let (shapes, roots) = self.shapes();
        let edges = self.edges();
        let legend = self.legend();
        Diagram {
            size: self.canvas(legend.as_ref()),
            drawing: Size::new(self.layout.width, self.layout.height),
            background: self.theme.background.to_owned(),
            font: FONT,
            attributes: vec![
                ("data-view", self.selection.view.name().to_owned()),
                ("data-theme", self.theme.name.name().to_owned()),
            ],
            title: words::diagram_title(self.model),
            review_title: self.model.review.as_ref().map(|r| r.title.clone()),
            description: words::description(self.model, self.selection),
            shapes,
            roots,
            edges,
            legend,
        }
    }

    /// The canvas: the diagram, and below it the legend with a margin.
    fn canvas(&self, legend: Option<&Legend>) -> Size {
        match legend {
            Some(l) => Size::new(
                self.layout.width.max(l.frame.rect.right() + MARGIN),
                l.frame.rect.bottom() + MARGIN,
            ),
            None => Size::new(self.layout.width, self.layout.height),
        }
    }

    // ------------------------------------------------------------------ groups and nodes

    /// Every group, then every node, each linked to its parent and children; and the roots.
    fn shapes(&self) -> (Vec<Shape>, Vec<usize>) {
        let groups = self.selection.groups.len();
        let mut shapes: Vec<Shape> = (0..groups).map(|g| self.group(g)).collect();
        shapes.extend((0..self.selection.nodes.len()).map(|n| self.node(n)));
        // Children in model order: sort the shapes by element ID.
        let mut order: Vec<(ElementId, usize)> = self
            .selection
            .groups
            .iter()
            .chain(&self.selection.nodes)
            .copied()
            .zip(0..)
            .collect();
        order.sort_by_key(|(id, _)| *id);
        let mut roots = Vec::new();
        for (_, index) in order {
            match shapes[index].parent {
                Some(parent) => shapes[parent].children.push(index),
                None => roots.push(index),
            }
        }
        (shapes, roots)
    }

    fn group(&self, g: usize) -> Shape {
        let id = self.selection.groups[g];
        let side = self.side(id);
        let boxed = &self.layout.groups[g];
        let shift = self.title_shifts.get(g).copied().unwrap_or(0.0);
        Shape {
            kind: ShapeKind::Group,
            attributes: self.element_attributes(id),
            tooltip: words::element_title(self.model, id),
            panel: Panel {
                rect: boxed.rect,
                radius: GROUP_RADIUS,
                fill: Theme::group_fill(side, self.side_depth(g)).to_owned(),
                stroke: side.group_stroke.to_owned(),
                stroke_width: GROUP_STROKE_WIDTH,
            },
            texts: boxed
                .title
                .iter()
                .map(|line| text(&shifted(line, shift), side.group_title))
                .collect(),
            parent: self.selection.input.groups[g].parent,
            children: Vec::new(),
        }
    }

    /// Node `n`. Its parent, a group, is the group's shape index too: groups come first.
    fn node(&self, n: usize) -> Shape {
        let id = self.selection.nodes[n];
        let side = self.side(id);
        let boxed = &self.layout.nodes[n];
        Shape {
            kind: ShapeKind::Node,
            attributes: self.element_attributes(id),
            tooltip: words::element_title(self.model, id),
            panel: Panel {
                rect: boxed.rect,
                radius: NODE_RADIUS,
                fill: side.node_fill.to_owned(),
                stroke: side.node_stroke.to_owned(),
                stroke_width: NODE_STROKE_WIDTH,
            },
            texts: boxed
                .lines
                .iter()
                .map(|line| {
                    let fill = match line.role {
                        TextRole::Sublabel => self.theme.text_muted,
                        _ => self.theme.text,
                    };
                    text(line, fill)
                })
                .collect(),
            parent: self.selection.input.nodes[n].parent,
            children: Vec::new(),
        }
    }

    fn element_attributes(&self, id: ElementId) -> Vec<(&'static str, String)> {
        let element = self.model.element(id);
        vec![
            ("data-id", element.id.as_str().to_owned()),
            ("data-kind", element.kind.name().to_owned()),
            ("data-side", side_name(self.model, id).to_owned()),
        ]
    }

    /// How a connection of `status` is drawn here: existing ones are muted only beside
    /// proposed ones.
    fn look(&self, status: Status) -> Look {
        Look::of(status, self.shows_proposed)
    }

    fn side(&self, id: ElementId) -> &'a Side {
        if self.model.in_solution(id) {
            &self.theme.solution
        } else {
            &self.theme.customer
        }
    }

    /// How deep group `g` is nested inside its side's outermost box (customer or solution).
    fn side_depth(&self, g: usize) -> usize {
        let mut depth = 0;
        let mut current = g;
        // Bounded by the number of groups: the layout input has no cycles, but never loop forever.
        for _ in 0..self.selection.groups.len() {
            let kind = self.model.element(self.selection.groups[current]).kind;
            if matches!(kind, ElementKind::Customer | ElementKind::Solution) {
                break;
            }
            match self.selection.input.groups[current].parent {
                Some(parent) => {
                    depth += 1;
                    current = parent;
                }
                None => break,
            }
        }
        depth
    }

    // ------------------------------------------------------------------ edges

    fn edges(&self) -> Vec<Edge> {
        let mut obstacles = geometry::Obstacles::new(self.marker_obstacles());
        self.selection
            .edges
            .iter()
            .enumerate()
            .map(|(e, ends)| self.edge(e, ends.connection, ends.reversed, &mut obstacles))
            .collect()
    }

    fn edge(
        &self,
        e: usize,
        cid: ConnectionId,
        reversed: bool,
        obstacles: &mut geometry::Obstacles,
    ) -> Edge {
        let c = self.model.connection(cid);
        let family = view::family(c);
        let look = self.look(c.status);
        let style = self.theme.edge_style(family, look);
        let drawn = &self.layout.edges[e];
        let heads = view::heads(c.arrow, reversed);
        let input = &self.selection.input.edges[e];
        // Nodes' shapes come after the groups'; the route may run from the written `TO`.
        let groups = self.selection.groups.len();
        let (from, to) = if reversed {
            (input.to, input.from)
        } else {
            (input.from, input.to)
        };
        let mut route = drawn.points.clone();
        if reversed {
            route.reverse();
        }
        // The arrowheads where the arrow was written, seen from the written `FROM`.
        let written = view::heads(c.arrow, false);
        let methods: Vec<&str> = c.methods.iter().map(|m| m.name()).collect();
        Edge {
            attributes: vec![
                ("data-id", c.key.as_str().to_owned()),
                (
                    "data-from",
                    self.model.element(c.from).id.as_str().to_owned(),
                ),
                ("data-to", self.model.element(c.to).id.as_str().to_owned()),
                (
                    "data-family",
                    family.map_or("none", Family::name).to_owned(),
                ),
                ("data-status", words::status_name(c.status).to_owned()),
                ("data-methods", methods.join(" ")),
            ],
            tooltip: words::connection_title(self.model, cid),
            from: groups + from,
            to: groups + to,
            route,
            arrow_at_from: written.start,
            arrow_at_to: written.end,
            pieces: geometry::cut(
                &drawn_route(&drawn.points, heads, &style),
                &self.title_boxes,
            ),
            stroke: Stroke::of(&style),
            arrowheads: arrowheads(&drawn.points, heads, &style),
            label: drawn
                .label
                .as_ref()
                .map(|label| self.edge_label(label, &drawn.points, &style, look)),
            gap: (!c.gaps.is_empty())
                .then(|| self.gap(cid, drawn, obstacles))
                .flatten(),
        }
    }

    /// A label's plate over its route, its text, and a leader when it sits beside the route.
    fn edge_label(
        &self,
        label: &layout::EdgeLabel,
        route: &[Point],
        style: &EdgeStyle,
        look: Look,
    ) -> EdgeLabel {
        let leader = geometry::leader(&label.rect, route, LEADER_MAX).map(|(from, to)| Line {
            points: [from, to],
            stroke: Stroke {
                color: style.color.clone(),
                width: LEADER_WIDTH,
                dash: None,
                round_caps: false,
            },
        });
        EdgeLabel {
            plate: Panel {
                rect: label.rect,
                radius: LABEL_RADIUS,
                fill: self.theme.background.to_owned(),
                stroke: style.color.clone(),
                stroke_width: LABEL_STROKE_WIDTH,
            },
            texts: label
                .lines
                .iter()
                .map(|line| text(line, self.theme.edge_text(look)))
                .collect(),
            leader,
        }
    }

    /// The gap marker of connection `cid`, placed near its label and clear of `obstacles`,
    /// which it then joins.
    fn gap(
        &self,
        cid: ConnectionId,
        drawn: &layout::EdgePath,
        obstacles: &mut geometry::Obstacles,
    ) -> Option<GapMarker> {
        let anchor = drawn.label.as_ref().map(|l| l.rect.center());
        let at = geometry::marker_position(
            &drawn.points,
            anchor,
            GAP_RADIUS,
            GAP_END_CLEARANCE,
            obstacles,
        )?;
        obstacles.add(geometry::square_around(at, GAP_RADIUS + 2.0));
        Some(gap_marker(
            at,
            words::gap_title(self.model, cid),
            self.theme,
        ))
    }

    /// What a gap marker must not cover: nodes, edge labels and group titles.
    fn marker_obstacles(&self) -> Vec<Rect> {
        let mut rects: Vec<Rect> = self.layout.nodes.iter().map(|n| n.rect).collect();
        rects.extend(
            self.layout
                .edges
                .iter()
                .filter_map(|e| Some(e.label.as_ref()?.rect)),
        );
        rects.extend(self.title_boxes.iter().copied());
        rects
    }

    // ------------------------------------------------------------------ legend

    fn legend(&self) -> Option<Legend> {
        let used = legend::used(self.model, self.selection, |status| self.look(status));
        let origin = Point::new(MARGIN, self.layout.height);
        let placed = legend::place(&used, self.theme, origin, self.layout.width - 2.0 * MARGIN)?;
        Some(legend::draw(placed, self.theme))
    }
}

/// The route as drawn: shortened under its arrowheads, a little less than a head's length,
/// so the line meets the head's base and never pokes out past its tip.
fn drawn_route(points: &[Point], heads: view::Heads, style: &EdgeStyle) -> Vec<Point> {
    let trim = style.head_length * 0.8;
    let mut route = points.to_vec();
    if heads.end {
        route = geometry::trim_end(&route, trim);
    }
    if heads.start {
        route = geometry::trim_start(&route, trim);
    }
    route
}

/// The arrowhead triangles at the route's start and end, where `heads` wants them.
fn arrowheads(points: &[Point], heads: view::Heads, style: &EdgeStyle) -> Vec<[Point; 3]> {
    let reversed: Vec<Point> = points.iter().rev().copied().collect();
    [(heads.start, reversed.as_slice()), (heads.end, points)]
        .into_iter()
        .filter(|(wanted, _)| *wanted)
        .filter_map(|(_, end)| geometry::arrowhead(end, style.head_length, style.head_half_width))
        .collect()
}

/// The gap marker at `at`: a disc in the theme's gap colour, ringed in the background, with an
/// exclamation mark of a bar and a dot.
fn gap_marker(at: Point, tooltip: String, theme: &Theme) -> GapMarker {
    let (x, y) = (at.x, at.y);
    GapMarker {
        tooltip,
        disc: Circle {
            center: at,
            radius: GAP_RADIUS,
            fill: theme.gap.to_owned(),
            stroke: Some((theme.background.to_owned(), 1.5)),
        },
        bar: [
            Point::new(x - 1.1, y - 4.2),
            Point::new(x + 1.1, y - 4.2),
            Point::new(x + 0.7, y + 1.2),
            Point::new(x - 0.7, y + 1.2),
        ],
        dot: Circle {
            center: Point::new(x, y + 3.4),
            radius: 1.1,
            fill: theme.gap_text.to_owned(),
            stroke: None,
        },
        mark: theme.gap_text.to_owned(),
    }
}

fn text(line: &TextLine, fill: &str) -> Text {
    Text {
        text: line.text.clone(),
        x: line.x,
        y: line.y,
        font_size: f64::from(line.font_size),
        anchor: line.anchor,
        fill: fill.to_owned(),
    }
}

fn shifted(line: &TextLine, dx: f64) -> TextLine {
    TextLine {
        x: line.x + dx,
        ..line.clone()
    }
}

/// The box a line of text takes, measured with the fallback-font margin.
fn line_box(line: &TextLine) -> Rect {
    let size = f64::from(line.font_size);
    let width = text::box_width(f64::from(text::measure(&line.text, line.font_size)));
    let left = match line.anchor {
        Anchor::Start => line.x,
        Anchor::Middle => line.x - width / 2.0,
    };
    Rect::new(left, line.y - size, width, size * text::LINE_HEIGHT)
}

fn side_name(model: &Model, id: ElementId) -> &'static str {
    if model.in_solution(id) {
        "solution"
    } else {
        "customer"
    }
}

#[cfg(test)]
mod tests {
    use super::{Options, ShapeKind, Swatch, draw};

    fn diagram(text: &str) -> super::Diagram {
        match draw(&crate::model_of(text), &Options::default()) {
            Ok(diagram) => diagram,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn shapes_nest_as_in_the_model() {
        let d = diagram(
            "customer c \"C\" { system a \"A\"\n group g \"G\" { system b \"B\" } }\nsolution s { module m }\n",
        );
        let ids = |list: &[usize]| -> Vec<String> {
            list.iter().map(|&i| d.shapes[i].id().to_owned()).collect()
        };
        assert_eq!(ids(&d.roots), ["c", "s"]);
        let c = &d.shapes[d.roots[0]];
        assert_eq!(c.kind, ShapeKind::Group);
        assert_eq!(ids(&c.children), ["a", "g"]);
        assert_eq!(c.attribute("data-side"), Some("customer"));
        let m = d.shapes.iter().find(|s| s.id() == "m");
        assert_eq!(m.and_then(|m| m.attribute("data-side")), Some("solution"));
    }

    #[test]
    fn edges_keep_the_written_direction_and_arrows() {
        let d = diagram(
            "review \"R\" {\n  date: 2024-01-02\n}\ncustomer c { system a }\nsolution s { module m }\nm <- a : rest\n",
        );
        let edge = &d.edges[0];
        assert_eq!(d.shapes[edge.from].id(), "m");
        assert_eq!(d.shapes[edge.to].id(), "a");
        assert!(edge.arrow_at_from && !edge.arrow_at_to);
        assert_eq!(edge.arrowheads.len(), 1);
        // The route runs from the written FROM: its first point lies on m's box.
        let m = d.shapes[edge.from].panel.rect;
        let first = edge.route[0];
        assert!(first.x >= m.x && first.x <= m.right() && first.y >= m.y && first.y <= m.bottom());
        assert_eq!(edge.attribute("data-from"), Some("m"));
        assert_eq!(d.review_title.as_deref(), Some("R"));
    }

    #[test]
    fn the_legend_sits_below_the_drawing_inside_the_canvas() {
        let d = diagram(
            "customer c { system a }\nsolution s { module m }\na -> m : saml {\n  gap \"No MFA\" {\n    requirement: \"MFA\"\n  }\n}\n",
        );
        let Some(legend) = &d.legend else {
            panic!("a legend")
        };
        assert!(legend.frame.rect.y >= d.drawing.height);
        assert!(legend.frame.rect.bottom() < d.size.height);
        assert!(
            legend
                .entries
                .iter()
                .any(|e| matches!(e.swatch, Swatch::Gap(_)))
        );
    }
}
