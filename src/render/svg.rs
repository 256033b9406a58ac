//! Model + view selection + layout + theme → the SVG document. The only module that imports
//! the `svg` crate.
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
//! Paint order follows from the tree: group fills, then the nodes inside them, then every edge
//! over them (routes never cross a node, so nothing is hidden), each edge's label on an opaque
//! plate over its own route, and the legend below the diagram, outside it.
//!
//! - All text is `<text>` escaped by the `svg` crate; characters XML cannot carry (control
//!   characters) are dropped. Free text goes only into element content, never into attributes.
//! - No script, no external reference, no `id`s (so several diagrams can be inlined in one HTML
//!   page); styling hooks are `class` and `data-*` attributes.
//! - Numbers have at most two decimals ([`shapes::num`]); the `svg` crate sorts attributes by
//!   name, and every collection is walked in model order, so the output is byte-deterministic.

mod legend;
mod markup;
mod shapes;
mod titles;
mod words;

use svg::Document;
use svg::Node;
use svg::node::Text as TextNode;
use svg::node::element::{Circle, Description, Element, Group, Path, Rectangle, Title};

use crate::layout::{
    self, Anchor, Direction, Layout, LayoutError, Point, Rect, TextLine, TextRole,
};
use crate::model::{ConnectionId, ElementId, ElementKind, Family, Model, Status};
use crate::theme::{Look, Side, Theme, ThemeName};
use crate::view::{self, Selection, View};

use legend::{Legend, Swatch};
use shapes::num;

/// What to draw and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub view: View,
    pub theme: ThemeName,
    pub direction: Direction,
}

/// The diagram of `model` as an SVG document.
pub fn render(model: &Model, options: &Options) -> Result<String, LayoutError> {
    let selection = view::select(model, options.view, options.direction);
    let layout = layout::layout(&selection.input)?;
    Ok(write(
        model,
        &selection,
        &layout,
        &Theme::new(options.theme),
    ))
}

/// Writes the SVG of an already laid-out selection.
pub fn write(model: &Model, selection: &Selection, layout: &Layout, theme: &Theme) -> String {
    let writer = Writer::new(model, selection, layout, theme);
    let mut text = markup::to_string(&writer.document());
    text.push('\n');
    text
}

const GROUP_RADIUS: f64 = 8.0;
const NODE_RADIUS: f64 = 6.0;
const LABEL_RADIUS: f64 = 3.0;
const GAP_RADIUS: f64 = 7.0;
/// A gap marker keeps this far from both ends of its route, clear of the arrowheads.
const GAP_END_CLEARANCE: f64 = 18.0;
/// Farthest a label may sit beside its route and still get a leader line to it.
const LEADER_MAX: f64 = 24.0;

/// A box in the document tree.
#[derive(Debug, Clone, Copy)]
enum Item {
    Group(usize),
    Node(usize),
}

struct Writer<'a> {
    model: &'a Model,
    selection: &'a Selection,
    layout: &'a Layout,
    theme: &'a Theme,
    /// `children[0]` holds the top-level boxes, `children[g + 1]` those of group `g`, in model
    /// order.
    children: Vec<Vec<Item>>,
    /// How far each group's title moves right to keep off routes ([`titles`]).
    title_shifts: Vec<f64>,
    /// Where the group titles stand, after the shifts: routes pass beneath them.
    title_boxes: Vec<Rect>,
    /// Some connection drawn is proposed.
    shows_proposed: bool,
}

impl<'a> Writer<'a> {
    fn new(
        model: &'a Model,
        selection: &'a Selection,
        layout: &'a Layout,
        theme: &'a Theme,
    ) -> Writer<'a> {
        let mut items: Vec<(ElementId, Item, Option<usize>)> = Vec::new();
        for (g, (&id, group)) in selection
            .groups
            .iter()
            .zip(&selection.input.groups)
            .enumerate()
        {
            items.push((id, Item::Group(g), group.parent));
        }
        for (n, (&id, node)) in selection
            .nodes
            .iter()
            .zip(&selection.input.nodes)
            .enumerate()
        {
            items.push((id, Item::Node(n), node.parent));
        }
        items.sort_by_key(|(id, _, _)| *id);
        let mut children = vec![Vec::new(); selection.groups.len() + 1];
        for (_, item, parent) in items {
            children[parent.map_or(0, |p| p + 1)].push(item);
        }
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
        Writer {
            model,
            selection,
            layout,
            theme,
            children,
            title_shifts,
            title_boxes,
            shows_proposed: selection
                .edges
                .iter()
                .any(|e| model.connection(e.connection).status == Status::Proposed),
        }
    }

    fn document(&self) -> Document {
        let legend = self.legend();
        let (width, height) = self.canvas(legend.as_ref());
        let mut doc = Document::new()
            .set("width", num(width))
            .set("height", num(height))
            .set("viewBox", format!("0 0 {} {}", num(width), num(height)))
            .set("role", "graphics-document")
            .set("font-family", layout::text::FONT_STACK)
            .set("data-view", self.selection.view.name())
            .set("data-theme", self.theme.name.name())
            .add(Title::new(clean(&words::diagram_title(self.model))))
            .add(
                Description::new().add(TextNode::new(clean(&words::description(
                    self.model,
                    self.selection,
                )))),
            )
            .add(
                Rectangle::new()
                    .set("class", "background")
                    .set("x", 0)
                    .set("y", 0)
                    .set("width", num(width))
                    .set("height", num(height))
                    .set("fill", self.theme.background),
            );
        for &item in &self.children[0] {
            doc = match item {
                Item::Group(g) => doc.add(self.group(g)),
                Item::Node(n) => doc.add(self.node(n)),
            };
        }
        doc = doc.add(self.edges());
        let mut legend_group = Group::new().set("class", "legend");
        if let Some(legend) = &legend {
            legend_group = self.legend_content(legend_group, legend);
        }
        doc.add(legend_group)
    }

    /// The canvas: the diagram, and below it the legend with a margin.
    fn canvas(&self, legend: Option<&Legend>) -> (f64, f64) {
        match legend {
            Some(l) => (
                self.layout.width.max(l.frame.right() + MARGIN),
                l.frame.bottom() + MARGIN,
            ),
            None => (self.layout.width, self.layout.height),
        }
    }

    // ------------------------------------------------------------------ groups and nodes

    fn group(&self, g: usize) -> Group {
        let id = self.selection.groups[g];
        let element = self.model.element(id);
        let side = self.side(id);
        let boxed = &self.layout.groups[g];
        let mut out = Group::new()
            .set("class", "group")
            .set("data-id", element.id.as_str())
            .set("data-kind", element.kind.name())
            .set("data-side", side_name(self.model, id))
            .add(Title::new(clean(&words::element_title(self.model, id))))
            .add(
                rect(&boxed.rect, GROUP_RADIUS)
                    .set("fill", Theme::group_fill(side, self.side_depth(g)))
                    .set("stroke", side.group_stroke)
                    .set("stroke-width", 1.25),
            );
        let shift = self.title_shifts.get(g).copied().unwrap_or(0.0);
        for line in &boxed.title {
            out = out.add(text(&shifted(line, shift), side.group_title));
        }
        for &item in &self.children[g + 1] {
            out = match item {
                Item::Group(child) => out.add(self.group(child)),
                Item::Node(child) => out.add(self.node(child)),
            };
        }
        out
    }

    fn node(&self, n: usize) -> Group {
        let id = self.selection.nodes[n];
        let element = self.model.element(id);
        let side = self.side(id);
        let boxed = &self.layout.nodes[n];
        let mut out = Group::new()
            .set("class", "node")
            .set("data-id", element.id.as_str())
            .set("data-kind", element.kind.name())
            .set("data-side", side_name(self.model, id))
            .add(Title::new(clean(&words::element_title(self.model, id))))
            .add(
                rect(&boxed.rect, NODE_RADIUS)
                    .set("fill", side.node_fill)
                    .set("stroke", side.node_stroke)
                    .set("stroke-width", 1.5),
            );
        for line in &boxed.lines {
            let fill = match line.role {
                TextRole::Sublabel => self.theme.text_muted,
                _ => self.theme.text,
            };
            out = out.add(text(line, fill));
        }
        out
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

    fn edges(&self) -> Group {
        let mut out = Group::new().set("class", "edges");
        let mut obstacles = shapes::Obstacles::new(self.marker_obstacles());
        for (e, ends) in self.selection.edges.iter().enumerate() {
            out = out.add(self.edge(e, ends.connection, ends.reversed, &mut obstacles));
        }
        out
    }

    fn edge(
        &self,
        e: usize,
        cid: ConnectionId,
        reversed: bool,
        obstacles: &mut shapes::Obstacles,
    ) -> Group {
        let c = self.model.connection(cid);
        let family = view::family(c);
        let look = self.look(c.status);
        let style = self.theme.edge_style(family, look);
        let drawn = &self.layout.edges[e];
        let heads = view::heads(c.arrow, reversed);
        let mut route = drawn.points.clone();
        // Trim a little less than the head's length, so the line meets the head's base.
        let trim = style.head_length * 0.8;
        if heads.end {
            route = shapes::trim_end(&route, trim);
        }
        if heads.start {
            route = shapes::trim_start(&route, trim);
        }
        let mut path = Path::new()
            .set("class", "route")
            .set(
                "d",
                shapes::pieces_data(&shapes::cut(&route, &self.title_boxes)),
            )
            .set("fill", "none")
            .set("stroke", style.color.as_str())
            .set("stroke-width", num(style.width))
            .set("stroke-linejoin", "round");
        if let Some(dash) = style.dash {
            path = path.set("stroke-dasharray", dash);
        }
        if style.round_caps {
            path = path.set("stroke-linecap", "round");
        }
        let methods: Vec<&str> = c.methods.iter().map(|m| m.name()).collect();
        let mut out = Group::new()
            .set("class", "edge")
            .set("data-id", c.key.as_str())
            .set("data-from", self.model.element(c.from).id.as_str())
            .set("data-to", self.model.element(c.to).id.as_str())
            .set("data-family", family.map_or("none", Family::name))
            .set("data-status", words::status_name(c.status))
            .set("data-methods", methods.join(" "))
            .add(Title::new(clean(&words::connection_title(self.model, cid))))
            .add(path);
        let reversed_points: Vec<Point> = drawn.points.iter().rev().copied().collect();
        let ends = [
            (heads.start, reversed_points.as_slice()),
            (heads.end, drawn.points.as_slice()),
        ];
        for (wanted, points) in ends {
            let head = wanted
                .then(|| shapes::arrowhead(points, style.head_length, style.head_half_width))
                .flatten();
            if let Some(head) = head {
                out = out.add(
                    Path::new()
                        .set("class", "arrowhead")
                        .set("d", shapes::polygon_data(&head))
                        .set("fill", style.color.as_str()),
                );
            }
        }
        if let Some(label) = &drawn.label {
            if let Some((from, to)) = shapes::leader(&label.rect, &drawn.points, LEADER_MAX) {
                out = out.add(
                    Path::new()
                        .set("class", "leader")
                        .set("d", shapes::path_data(&[from, to]))
                        .set("stroke", style.color.as_str())
                        .set("stroke-width", 1),
                );
            }
            let mut plate = Group::new().set("class", "edge-label").add(
                rect(&label.rect, LABEL_RADIUS)
                    .set("fill", self.theme.background)
                    .set("stroke", style.color.as_str())
                    .set("stroke-width", 0.75),
            );
            for line in &label.lines {
                plate = plate.add(text(line, self.theme.edge_text(look)));
            }
            out = out.add(plate);
        }
        if !c.gaps.is_empty() {
            let anchor = drawn.label.as_ref().map(|l| l.rect.center());
            let at = shapes::marker_position(
                &drawn.points,
                anchor,
                GAP_RADIUS,
                GAP_END_CLEARANCE,
                obstacles,
            );
            if let Some(at) = at {
                obstacles.add(shapes::square_around(at, GAP_RADIUS + 2.0));
                out = out.add(self.gap_marker(at, &words::gap_title(self.model, cid)));
            }
        }
        out
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

    /// A red disc with an exclamation mark drawn as shapes (no font involved), and the gap's
    /// details as its tooltip.
    fn gap_marker(&self, at: Point, title: &str) -> Group {
        let (x, y) = (at.x, at.y);
        let bar = [
            Point::new(x - 1.1, y - 4.2),
            Point::new(x + 1.1, y - 4.2),
            Point::new(x + 0.7, y + 1.2),
            Point::new(x - 0.7, y + 1.2),
        ];
        Group::new()
            .set("class", "gap")
            .add(Title::new(clean(title)))
            .add(
                Circle::new()
                    .set("cx", num(x))
                    .set("cy", num(y))
                    .set("r", num(GAP_RADIUS))
                    .set("fill", self.theme.gap)
                    .set("stroke", self.theme.background)
                    .set("stroke-width", 1.5),
            )
            .add(
                Path::new()
                    .set("d", shapes::polygon_data(&bar))
                    .set("fill", self.theme.gap_text),
            )
            .add(
                Circle::new()
                    .set("cx", num(x))
                    .set("cy", num(y + 3.4))
                    .set("r", 1.1)
                    .set("fill", self.theme.gap_text),
            )
    }

    // ------------------------------------------------------------------ legend

    fn legend(&self) -> Option<Legend> {
        let used = legend::used(self.model, self.selection, |status| self.look(status));
        let origin = Point::new(MARGIN, self.layout.height);
        legend::place(&used, self.theme, origin, self.layout.width - 2.0 * MARGIN)
    }

    fn legend_content(&self, mut out: Group, legend: &Legend) -> Group {
        out = out.add(
            rect(&legend.frame, GROUP_RADIUS)
                .set("fill", self.theme.background)
                .set("stroke", self.theme.customer.group_stroke)
                .set("stroke-width", 1),
        );
        out = out.add(
            Text::new(legend.title)
                .set("x", num(legend.title_x))
                .set("y", num(legend.title_baseline))
                .set("font-size", legend.title_size)
                .set("fill", self.theme.text),
        );
        for entry in &legend.entries {
            let mut item = Group::new()
                .set("class", "legend-entry")
                .set("data-key", entry.key.as_str());
            item = item.add(self.swatch(entry));
            item = item.add(
                Text::new(clean(&entry.text))
                    .set("x", num(entry.text_x))
                    .set("y", num(entry.baseline))
                    .set("font-size", legend::FONT_SIZE)
                    .set("fill", self.theme.text),
            );
            out = out.add(item);
        }
        out
    }

    fn swatch(&self, entry: &legend::Entry) -> Group {
        let cell = entry.cell();
        let mid = entry.cell_center();
        let out = Group::new().set("class", "swatch");
        match &entry.swatch {
            Swatch::Line(style) => {
                let line = [
                    Point::new(cell.x, mid.y),
                    Point::new(cell.right() - 4.0, mid.y),
                ];
                let mut path = Path::new()
                    .set("d", shapes::path_data(&line))
                    .set("fill", "none")
                    .set("stroke", style.color.as_str())
                    .set("stroke-width", num(style.width));
                if let Some(dash) = style.dash {
                    path = path.set("stroke-dasharray", dash);
                }
                if style.round_caps {
                    path = path.set("stroke-linecap", "round");
                }
                out.add(path)
            }
            Swatch::Box { fill, stroke } => {
                let r = Rect::new(cell.x + 2.0, mid.y - 7.0, cell.width - 8.0, 14.0);
                out.add(
                    rect(&r, 3.0)
                        .set("fill", *fill)
                        .set("stroke", *stroke)
                        .set("stroke-width", 1.5),
                )
            }
            Swatch::Gap => out.add(self.gap_marker(Point::new(mid.x - 2.0, mid.y), "Gap")),
        }
    }
}

/// Margin around the diagram and the legend (the layout's own margin).
const MARGIN: f64 = 20.0;

fn rect(r: &Rect, radius: f64) -> Rectangle {
    Rectangle::new()
        .set("x", num(r.x))
        .set("y", num(r.y))
        .set("width", num(r.width))
        .set("height", num(r.height))
        .set("rx", num(radius))
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

fn text(line: &TextLine, fill: &str) -> Text {
    let mut t = Text::new(clean(&line.text))
        .set("x", num(line.x))
        .set("y", num(line.y))
        .set("font-size", num(f64::from(line.font_size)))
        .set("fill", fill);
    if line.anchor == Anchor::Middle {
        t = t.set("text-anchor", "middle");
    }
    t
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
    let width =
        layout::text::box_width(f64::from(layout::text::measure(&line.text, line.font_size)));
    let left = match line.anchor {
        Anchor::Start => line.x,
        Anchor::Middle => line.x - width / 2.0,
    };
    Rect::new(left, line.y - size, width, size * layout::text::LINE_HEIGHT)
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

fn side_name(model: &Model, id: ElementId) -> &'static str {
    if model.in_solution(id) {
        "solution"
    } else {
        "customer"
    }
}

#[cfg(test)]
mod tests {
    use super::{Options, clean, render};
    use crate::theme::ThemeName;
    use crate::view::View;

    fn svg(text: &str, options: &Options) -> String {
        match render(&crate::model_of(text), options) {
            Ok(svg) => svg,
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
