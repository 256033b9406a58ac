//! The legend's content and placement: one entry per edge style the diagram uses, then the
//! marks it needs explained (gap marker, the two sides), flowed in rows below the diagram.
//!
//! ```text
//!  +-- legend ---------------------------------------------------------------+
//!  | Legend                                                                  |
//!  | ━━━━  Identity: SSO/SAML   ┅┅┅┅  Data: CDC, JDBC   ━━━  Proposed        |
//!  | ───  Existing   (!)  Gap   [  ] Customer system   [██] Solution module  |
//!  +-------------------------------------------------------------------------+
//! ```
//!
//! Text is measured with the layout's font metrics and its fallback-font margin, so entries
//! never run into each other in any browser.

use crate::layout::text;
use crate::layout::{Anchor, Point, Rect};
use crate::model::{ElementKind, Family, Method, Model, Status};
use crate::theme::{self, EdgeStyle, Look, Theme};
use crate::view::{self, Selection};

use super::{Legend, LegendEntry, Line, Panel, Stroke, Text, gap_marker};

pub(crate) const FONT_SIZE: f32 = 11.0;
const TITLE_SIZE: f32 = 12.0;
const PAD: f64 = 10.0;
const ROW_HEIGHT: f64 = 22.0;
const SWATCH_WIDTH: f64 = 34.0;
const SWATCH_GAP: f64 = 6.0;
const ENTRY_SPACING: f64 = 20.0;
/// The legend is never narrower than this, so a small diagram still gets readable rows.
const MIN_WIDTH: f64 = 360.0;
/// A legend wider than its diagram is better than a tall thin one: up to this many columns
/// are used to keep it within `MAX_ROWS` rows.
const MAX_COLUMNS: usize = 3;
const MAX_ROWS: usize = 4;

/// What the diagram uses, in the order the legend lists it.
#[derive(Debug, Default)]
pub(crate) struct Used {
    /// Families in [`Family::ALL`] order, then `None` (no method), each with the methods used
    /// and the look its swatch shows (its most prominent edge's).
    pub families: Vec<(Option<Family>, Vec<Method>, Look)>,
    /// The looks of the connections drawn, in [`Look`] order.
    pub looks: Vec<Look>,
    pub gap: bool,
    pub systems: bool,
    pub modules: bool,
}

/// The mark drawn before an entry's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Swatch {
    Line(EdgeStyle),
    Box {
        fill: &'static str,
        stroke: &'static str,
    },
    Gap,
}

/// One placed entry: `swatch` in the `SWATCH_WIDTH` wide cell at `(x, y)` (the row's top),
/// then `text` with its baseline at `baseline`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// For the document: `family:identity`, `status:proposed`, `gap`, `side:customer`.
    pub key: String,
    pub swatch: Swatch,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub text_x: f64,
    pub baseline: f64,
}

impl Entry {
    /// The swatch's cell.
    pub(crate) fn cell(&self) -> Rect {
        Rect::new(self.x, self.y, SWATCH_WIDTH, ROW_HEIGHT)
    }

    /// The middle of the swatch's cell.
    pub(crate) fn cell_center(&self) -> Point {
        self.cell().center()
    }
}

/// The placed legend: its frame, its title's baseline and its entries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    pub frame: Rect,
    pub title: &'static str,
    pub title_size: f32,
    pub title_x: f64,
    pub title_baseline: f64,
    pub entries: Vec<Entry>,
}

/// The legend for what `used` lists, flowed into rows no wider than `diagram_width` allows,
/// with its frame's top-left at `origin`. `None` when there is nothing to explain.
pub(crate) fn place(
    used: &Used,
    theme: &Theme,
    origin: Point,
    diagram_width: f64,
) -> Option<Placed> {
    let items = items(used, theme);
    if items.is_empty() {
        return None;
    }
    let inner_max = diagram_width.max(MIN_WIDTH) - 2.0 * PAD;
    let title_line = text::line_height(TITLE_SIZE);
    let first_row = origin.y + PAD + title_line + 4.0;
    // A grid: every column as wide as the widest entry, as many columns as fit.
    let widths: Vec<f64> = items
        .iter()
        .map(|(_, _, label)| SWATCH_WIDTH + SWATCH_GAP + text_width(label, FONT_SIZE))
        .collect();
    let column = widths.iter().copied().fold(0.0, f64::max);
    let fit = ((inner_max + ENTRY_SPACING) / (column + ENTRY_SPACING)).floor();
    // As many columns as fit, but never so few that the legend grows taller than
    // `MAX_ROWS` when up to `MAX_COLUMNS` would do (the canvas then widens for it); at most one
    // per entry. `fit` is finite and small, so the cast is exact.
    let wanted = items.len().div_ceil(MAX_ROWS).min(MAX_COLUMNS);
    let columns = (fit.max(1.0) as usize).max(wanted).min(items.len());
    let rows = items.len().div_ceil(columns);
    let mut entries = Vec::with_capacity(items.len());
    for (i, (key, swatch, label)) in items.into_iter().enumerate() {
        let left = origin.x + PAD + (i % columns) as f64 * (column + ENTRY_SPACING);
        let top = first_row + (i / columns) as f64 * ROW_HEIGHT;
        entries.push(Entry {
            key,
            swatch,
            text: label,
            x: left,
            y: top,
            text_x: left + SWATCH_WIDTH + SWATCH_GAP,
            baseline: text::baseline(
                top + (ROW_HEIGHT - text::line_height(FONT_SIZE)) / 2.0,
                FONT_SIZE,
            ),
        });
    }
    let widest = columns as f64 * (column + ENTRY_SPACING) - ENTRY_SPACING;
    let title_width = text_width("Legend", TITLE_SIZE);
    let width = widest.max(title_width) + 2.0 * PAD;
    let height = first_row - origin.y + rows as f64 * ROW_HEIGHT + PAD - 4.0;
    Some(Placed {
        frame: Rect::new(origin.x, origin.y, width, height),
        title: "Legend",
        title_size: TITLE_SIZE,
        title_x: origin.x + PAD,
        title_baseline: text::baseline(origin.y + PAD, TITLE_SIZE),
        entries,
    })
}

/// The edge styles, marks and sides a diagram draws; `look` says how a connection of a status
/// is drawn there.
pub(crate) fn used(model: &Model, selection: &Selection, look: impl Fn(Status) -> Look) -> Used {
    let mut used = Used::default();
    let mut families: Vec<(Option<Family>, Vec<Method>, Look)> = Vec::new();
    let mut looks: Vec<Look> = Vec::new();
    for ends in &selection.edges {
        let c = model.connection(ends.connection);
        let family = view::family(c);
        let look = look(c.status);
        let slot = match families.iter().position(|(f, _, _)| *f == family) {
            Some(i) => i,
            None => {
                families.push((family, Vec::new(), look));
                families.len() - 1
            }
        };
        let entry = &mut families[slot];
        for m in &c.methods {
            if m.family() == family.unwrap_or(m.family()) && !entry.1.contains(m) {
                entry.1.push(*m);
            }
        }
        // The swatch shows the most prominent look among the family's edges.
        entry.2 = entry.2.min(look);
        if !looks.contains(&look) {
            looks.push(look);
        }
        used.gap |= !c.gaps.is_empty();
    }
    looks.sort_unstable();
    used.looks = looks;
    // Families in vocabulary order, methods in vocabulary order, "no method" last.
    families.sort_by_key(|(f, _, _)| (f.is_none(), *f));
    for (_, methods, _) in &mut families {
        methods.sort_unstable();
    }
    used.families = families;
    for &id in &selection.nodes {
        match model.element(id).kind {
            ElementKind::Module => used.modules = true,
            _ => used.systems = true,
        }
    }
    used
}

fn items(used: &Used, theme: &Theme) -> Vec<(String, Swatch, String)> {
    let mut items = Vec::new();
    for (family, methods, look) in &used.families {
        let name = theme::family_name(*family);
        let label = if methods.is_empty() {
            name.to_owned()
        } else {
            let names: Vec<&str> = methods.iter().map(|m| m.label()).collect();
            format!("{name}: {}", names.join(", "))
        };
        let key = format!("family:{}", family.map_or("none", |f| f.name()));
        items.push((key, Swatch::Line(theme.edge_style(*family, *look)), label));
    }
    for &look in &used.looks {
        let mut style = theme.edge_style(Some(Family::Api), look);
        style.color = theme.edge_text(look).to_owned();
        let name = theme::look_name(look);
        let key = format!("status:{}", name.to_lowercase());
        items.push((key, Swatch::Line(style), format!("{name} connection")));
    }
    if used.gap {
        items.push(("gap".to_owned(), Swatch::Gap, "Gap".to_owned()));
    }
    let sides = [
        (
            used.systems,
            "side:customer",
            &theme.customer,
            "Customer system",
        ),
        (
            used.modules,
            "side:solution",
            &theme.solution,
            "Solution module",
        ),
    ];
    for (shown, key, side, label) in sides {
        if shown {
            let swatch = Swatch::Box {
                fill: side.node_fill,
                stroke: side.node_stroke,
            };
            items.push((key.to_owned(), swatch, label.to_owned()));
        }
    }
    items
}

/// Measured width with the fallback-font margin.
fn text_width(text: &str, size: f32) -> f64 {
    text::box_width(f64::from(text::measure(text, size)))
}

/// The placed legend in final form: frame, title, and each entry's swatch and text with their
/// colours.
pub(super) fn draw(placed: Placed, theme: &Theme) -> Legend {
    let frame = Panel {
        rect: placed.frame,
        radius: super::GROUP_RADIUS,
        fill: theme.background.to_owned(),
        stroke: theme.customer.group_stroke.to_owned(),
        stroke_width: 1.0,
    };
    let title = Text {
        text: placed.title.to_owned(),
        x: placed.title_x,
        y: placed.title_baseline,
        font_size: f64::from(placed.title_size),
        anchor: Anchor::Start,
        fill: theme.text.to_owned(),
    };
    let entries = placed
        .entries
        .into_iter()
        .map(|entry| LegendEntry {
            swatch: swatch(&entry, theme),
            text: Text {
                text: entry.text,
                x: entry.text_x,
                y: entry.baseline,
                font_size: f64::from(FONT_SIZE),
                anchor: Anchor::Start,
                fill: theme.text.to_owned(),
            },
            key: entry.key,
        })
        .collect();
    Legend {
        frame,
        title,
        entries,
    }
}

/// An entry's mark, in its cell: a stretch of line, a small box, or a gap marker.
fn swatch(entry: &Entry, theme: &Theme) -> super::Swatch {
    let cell = entry.cell();
    let mid = entry.cell_center();
    match &entry.swatch {
        Swatch::Line(style) => super::Swatch::Line(Line {
            points: [
                Point::new(cell.x, mid.y),
                Point::new(cell.right() - 4.0, mid.y),
            ],
            stroke: Stroke::of(style),
        }),
        Swatch::Box { fill, stroke } => super::Swatch::Box(Panel {
            rect: Rect::new(cell.x + 2.0, mid.y - 7.0, cell.width - 8.0, 14.0),
            radius: 3.0,
            fill: (*fill).to_owned(),
            stroke: (*stroke).to_owned(),
            stroke_width: 1.5,
        }),
        Swatch::Gap => super::Swatch::Gap(gap_marker(
            Point::new(mid.x - 2.0, mid.y),
            "Gap".to_owned(),
            theme,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{Used, place};
    use crate::layout::Point;
    use crate::model::{Family, Method};
    use crate::theme::{Look, Theme, ThemeName};

    #[test]
    fn only_what_is_used() {
        let theme = Theme::new(ThemeName::Light);
        assert_eq!(
            place(&Used::default(), &theme, Point::new(0.0, 0.0), 500.0),
            None
        );
        let saml = Method::parse("saml").into_iter().collect();
        let used = Used {
            families: vec![(Some(Family::Identity), saml, Look::Proposed)],
            looks: vec![Look::Proposed],
            gap: true,
            ..Used::default()
        };
        let legend = place(&used, &theme, Point::new(20.0, 300.0), 500.0);
        let Some(legend) = legend else {
            panic!("a legend")
        };
        let keys: Vec<&str> = legend.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["family:identity", "status:proposed", "gap"]);
        assert_eq!(legend.entries[0].text, "Identity: SSO/SAML");
        assert!(legend.frame.y >= 300.0);
    }

    #[test]
    fn a_grid_of_columns() {
        let theme = Theme::new(ThemeName::Dark);
        let used = Used {
            families: Family::ALL
                .iter()
                .map(|&f| (Some(f), Vec::new(), Look::Existing))
                .collect(),
            looks: vec![Look::Proposed, Look::Existing],
            gap: true,
            systems: true,
            modules: true,
        };
        let legend = place(&used, &theme, Point::new(20.0, 0.0), 360.0);
        let Some(legend) = legend else {
            panic!("a legend")
        };
        // Eleven entries: three columns, four rows, wider than the narrow diagram.
        let rows = legend
            .entries
            .iter()
            .map(|e| e.y.to_bits())
            .collect::<std::collections::BTreeSet<_>>();
        let columns = legend
            .entries
            .iter()
            .map(|e| e.x.to_bits())
            .collect::<std::collections::BTreeSet<_>>();
        assert_eq!((rows.len(), columns.len()), (4, 3));
        let wide = place(&used, &theme, Point::new(20.0, 0.0), 2000.0);
        let Some(wide) = wide else { panic!("a legend") };
        assert!(wide.frame.width <= 2000.0);
        let rows = wide
            .entries
            .iter()
            .map(|e| e.y.to_bits())
            .collect::<std::collections::BTreeSet<_>>();
        assert!(rows.len() <= 2, "{rows:?}");
    }
}
