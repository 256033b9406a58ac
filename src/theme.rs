//! Light and dark palettes: box fills per side and depth, edge styles per method family and
//! status, and the names the legend gives them.
//!
//! Nothing is told by colour alone: each family has its own dash pattern too, proposed
//! connections are drawn thicker than existing ones, and the two sides differ in fill *and*
//! border (the solution's boxes are tinted, the customer's neutral).

use crate::model::{Family, Status};

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
        }
    }
}

/// Every colour and stroke a diagram uses ([`crate::diagram`] resolves them). Colours are `#rrggbb`.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub background: &'static str,
    pub text: &'static str,
    /// Sublabels, group titles' secondary text, the legend's notes.
    pub text_muted: &'static str,
    pub customer: Side,
    pub solution: Side,
    /// Per family, in [`Family::ALL`] order.
    family_colors: [&'static str; 5],
    /// For connections without a method.
    no_method_color: &'static str,
    pub gap: &'static str,
    pub gap_text: &'static str,
}

/// The look of one side (customer or solution): group fills by depth, node box colours.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Group fill at nesting depth 0, 1, 2, …; deeper groups reuse the last.
    pub group_fills: [&'static str; 3],
    pub group_stroke: &'static str,
    pub group_title: &'static str,
    pub node_fill: &'static str,
    pub node_stroke: &'static str,
}

/// How a connection is drawn: its status, and whether it stands beside proposed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Look {
    /// Proposed: full colour, thick.
    Proposed,
    /// Existing, in a diagram that shows proposed connections: thin and muted, so the proposal
    /// stands out.
    Existing,
    /// Existing, in a diagram without proposed connections (the current-state view): thin, in
    /// full colour (muting them all would only make the diagram faint).
    Current,
}

impl Look {
    /// The look of a connection of `status` in a diagram that does (`beside_proposed`) or does
    /// not show proposed connections.
    pub fn of(status: Status, beside_proposed: bool) -> Look {
        match (status, beside_proposed) {
            (Status::Proposed, _) => Look::Proposed,
            (Status::Existing, true) => Look::Existing,
            (Status::Existing, false) => Look::Current,
        }
    }
}

/// How one edge is stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeStyle {
    pub color: String,
    pub width: f64,
    /// SVG `stroke-dasharray`, `None` for a solid line.
    pub dash: Option<&'static str>,
    /// Round caps turn short dashes into dots.
    pub round_caps: bool,
    /// Arrowhead length and half-width.
    pub head_length: f64,
    pub head_half_width: f64,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => light(),
            ThemeName::Dark => dark(),
        }
    }

    /// The stroke of a connection of `family` (`None`: no method) drawn as `look`. Proposed is
    /// full colour and thick; existing is thinner and, beside proposed ones, its colour is mixed a
    /// third of the way into the background.
    pub fn edge_style(&self, family: Option<Family>, look: Look) -> EdgeStyle {
        let base = self.family_color(family);
        let (dash, round_caps) = dash_pattern(family);
        match look {
            Look::Proposed => EdgeStyle {
                color: base.to_owned(),
                width: 2.25,
                dash,
                round_caps,
                head_length: 11.0,
                head_half_width: 5.0,
            },
            Look::Existing => EdgeStyle {
                color: mix(base, self.background, 0.35),
                width: 1.25,
                dash,
                round_caps,
                head_length: 9.0,
                head_half_width: 4.0,
            },
            Look::Current => EdgeStyle {
                color: base.to_owned(),
                width: 1.5,
                dash,
                round_caps,
                head_length: 9.0,
                head_half_width: 4.0,
            },
        }
    }

    /// The label text colour of a connection: muted with its line when it is.
    pub fn edge_text(&self, look: Look) -> &'static str {
        match look {
            Look::Proposed | Look::Current => self.text,
            Look::Existing => self.text_muted,
        }
    }

    pub fn family_color(&self, family: Option<Family>) -> &'static str {
        match family {
            Some(f) => self.family_colors[family_index(f)],
            None => self.no_method_color,
        }
    }

    /// The side's group fill at `depth` levels of nesting within that side.
    pub fn group_fill(side: &Side, depth: usize) -> &'static str {
        side.group_fills[depth.min(side.group_fills.len() - 1)]
    }
}

/// The legend's name of a family (`None`: connections without a method).
pub fn family_name(family: Option<Family>) -> &'static str {
    match family {
        Some(Family::Identity) => "Identity",
        Some(Family::Api) => "API",
        Some(Family::Messaging) => "Messaging",
        Some(Family::Data) => "Data",
        Some(Family::Network) => "Network",
        None => "No method",
    }
}

/// The legend's name of a look.
pub fn look_name(look: Look) -> &'static str {
    match look {
        Look::Proposed => "Proposed",
        Look::Existing | Look::Current => "Existing",
    }
}

fn family_index(family: Family) -> usize {
    match family {
        Family::Identity => 0,
        Family::Api => 1,
        Family::Messaging => 2,
        Family::Data => 3,
        Family::Network => 4,
    }
}

/// Each family's dash pattern, so that families differ without colour: API solid, identity
/// dashed, messaging dotted, data dash-dot, network dash-dot-dot.
fn dash_pattern(family: Option<Family>) -> (Option<&'static str>, bool) {
    match family {
        Some(Family::Api) => (None, false),
        Some(Family::Identity) => (Some("9 5"), false),
        Some(Family::Messaging) => (Some("0.5 5"), true),
        Some(Family::Data) => (Some("12 4 2 4"), false),
        Some(Family::Network) => (Some("12 3 2 3 2 3"), false),
        None => (Some("3 3"), false),
    }
}

fn light() -> Theme {
    Theme {
        name: ThemeName::Light,
        background: "#ffffff",
        text: "#1f2933",
        text_muted: "#5f6b7a",
        customer: Side {
            group_fills: ["#f4f6f8", "#e9edf1", "#dfe4ea"],
            group_stroke: "#9aa5b1",
            group_title: "#323f4b",
            node_fill: "#ffffff",
            node_stroke: "#7b8794",
        },
        solution: Side {
            group_fills: ["#fff8e1", "#ffefc2", "#ffe7a3"],
            group_stroke: "#d99a00",
            group_title: "#7a5200",
            node_fill: "#ffe9a8",
            node_stroke: "#b07d00",
        },
        family_colors: ["#a33bc2", "#1c6fc0", "#d9480f", "#2b8a3e", "#7d5a4f"],
        no_method_color: "#6c757d",
        gap: "#d0312d",
        gap_text: "#ffffff",
    }
}

fn dark() -> Theme {
    Theme {
        name: ThemeName::Dark,
        background: "#16191e",
        text: "#e8eaed",
        text_muted: "#a3acb9",
        customer: Side {
            group_fills: ["#20242b", "#282d35", "#30363f"],
            group_stroke: "#5d6675",
            group_title: "#d5dae1",
            node_fill: "#111418",
            node_stroke: "#8b95a5",
        },
        solution: Side {
            group_fills: ["#2a2514", "#342d17", "#3e351a"],
            group_stroke: "#c99a1e",
            group_title: "#f5d77a",
            node_fill: "#4a3c10",
            node_stroke: "#f0c040",
        },
        family_colors: ["#d98cf0", "#5aaef5", "#ff9a57", "#5fcf7a", "#c9a898"],
        no_method_color: "#a3acb9",
        gap: "#ff5c57",
        gap_text: "#16191e",
    }
}

/// `a` moved `t` of the way towards `b` (both `#rrggbb`), as `#rrggbb`.
fn mix(a: &str, b: &str, t: f64) -> String {
    let (Some(a), Some(b)) = (rgb(a), rgb(b)) else {
        return a.to_owned();
    };
    let channel = |x: u8, y: u8| {
        let v = f64::from(x) + (f64::from(y) - f64::from(x)) * t;
        // Clamped to 0..=255 first, so the cast cannot truncate.
        v.round().clamp(0.0, 255.0) as u8
    };
    format!(
        "#{:02x}{:02x}{:02x}",
        channel(a[0], b[0]),
        channel(a[1], b[1]),
        channel(a[2], b[2])
    )
}

fn rgb(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::{Look, Theme, ThemeName, dash_pattern, mix};
    use crate::model::{Family, Status};

    #[test]
    fn mixing_colours() {
        assert_eq!(mix("#000000", "#ffffff", 0.5), "#808080");
        assert_eq!(mix("#1c6fc0", "#ffffff", 0.0), "#1c6fc0");
        assert_eq!(mix("#1c6fc0", "#ffffff", 1.0), "#ffffff");
        assert_eq!(mix("oops", "#ffffff", 0.5), "oops");
    }

    #[test]
    fn families_differ_by_dash_as_well_as_colour() {
        let mut dashes: Vec<Option<&str>> = Family::ALL
            .iter()
            .map(|&f| dash_pattern(Some(f)).0)
            .collect();
        dashes.push(dash_pattern(None).0);
        let mut unique = dashes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), dashes.len());
        for name in [ThemeName::Light, ThemeName::Dark] {
            let theme = Theme::new(name);
            let mut colors: Vec<&str> = Family::ALL
                .iter()
                .map(|&f| theme.family_color(Some(f)))
                .collect();
            colors.sort_unstable();
            colors.dedup();
            assert_eq!(colors.len(), 5);
        }
    }

    #[test]
    fn proposed_stands_out_from_existing() {
        let theme = Theme::new(ThemeName::Light);
        let proposed = theme.edge_style(Some(Family::Api), Look::of(Status::Proposed, true));
        let existing = theme.edge_style(Some(Family::Api), Look::of(Status::Existing, true));
        assert!(proposed.width > existing.width);
        assert_ne!(proposed.color, existing.color);
        assert_eq!(proposed.dash, existing.dash);
        // The current state alone is not muted.
        let current = theme.edge_style(Some(Family::Api), Look::of(Status::Existing, false));
        assert_eq!(current.color, proposed.color);
        assert!(current.width < proposed.width);
    }
}
