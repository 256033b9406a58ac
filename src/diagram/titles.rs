//! Group titles kept clear of edge routes.
//!
//! The engine keeps routes out of nodes and labels but not out of a group's title strip: an
//! edge entering a group from above may run straight through its title. Routes are drawn over
//! the groups, so such a title would be struck through. This slides the title to the right,
//! within its group's top padding, to the first place no route or label crosses, and leaves it
//! where the layout put it when there is none.
//!
//! ```text
//!  +-- group ----------|----------------------+        +-- group ----------|--------------------+
//!  | Our Plat|form     |                      |   →    |   ·         Our Platform               |
//!  |         ▼         ▼                      |        |   ▼               ▼                    |
//! ```

use crate::layout::text;
use crate::layout::{Anchor, GroupBox, Layout, Point, Rect};

/// Air between a title and a route that passes by it.
const CLEARANCE: f64 = 6.0;
/// Right padding of a group's title, as the layout leaves it.
const RIGHT_PAD: f64 = 16.0;

/// For each group, how far to shift its title right (0 for most).
pub(crate) fn title_shifts(layout: &Layout) -> Vec<f64> {
    let segments: Vec<(Point, Point)> = layout
        .edges
        .iter()
        .flat_map(|e| e.points.windows(2).map(|w| (w[0], w[1])))
        .collect();
    let labels: Vec<Rect> = layout
        .edges
        .iter()
        .filter_map(|e| Some(e.label.as_ref()?.rect))
        .collect();
    layout
        .groups
        .iter()
        .map(|g| shift(g, &segments, &labels))
        .collect()
}

fn shift(group: &GroupBox, segments: &[(Point, Point)], labels: &[Rect]) -> f64 {
    let Some(band) = title_band(group) else {
        return 0.0;
    };
    // Intervals of the band's left edge that would put the title on a route or label.
    let mut blocked: Vec<(f64, f64)> = Vec::new();
    let top = band.y - CLEARANCE;
    let bottom = band.bottom() + CLEARANCE;
    for &(a, b) in segments {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        if y1 < top || y0 > bottom {
            continue;
        }
        blocked.push((x0 - CLEARANCE - band.width, x1 + CLEARANCE));
    }
    for r in labels {
        if r.bottom() < top || r.y > bottom {
            continue;
        }
        blocked.push((r.x - CLEARANCE - band.width, r.right() + CLEARANCE));
    }
    let limit = group.rect.right() - RIGHT_PAD - band.width;
    let mut left = band.x;
    // Each pass moves past one blocking interval; there are finitely many.
    for _ in 0..=blocked.len() {
        match blocked.iter().find(|(lo, hi)| left > *lo && left < *hi) {
            Some(&(_, hi)) => left = hi,
            None => break,
        }
    }
    let clear = !blocked.iter().any(|(lo, hi)| left > *lo && left < *hi);
    if clear && left <= limit {
        left - band.x
    } else {
        0.0
    }
}

/// The rectangle the title's lines take, measured with the fallback-font margin.
fn title_band(group: &GroupBox) -> Option<Rect> {
    let first = group.title.first()?;
    let last = group.title.last()?;
    if group.title.iter().any(|l| l.anchor != Anchor::Start) {
        return None;
    }
    let width = group
        .title
        .iter()
        .map(|l| text::box_width(f64::from(text::measure(&l.text, l.font_size))))
        .fold(0.0, f64::max);
    let top = first.y - f64::from(first.font_size);
    let bottom = last.y + f64::from(last.font_size) * 0.3;
    Some(Rect::new(first.x, top, width, bottom - top))
}

#[cfg(test)]
mod tests {
    use super::title_shifts;
    use crate::layout::{Direction, EdgeIn, GroupIn, LayoutInput, NodeIn, layout};

    #[test]
    fn titles_move_off_routes_and_stay_in_their_group() {
        // A route entering the group from above lands on the first node, right under the
        // title's start.
        let input = LayoutInput {
            direction: Direction::Down,
            groups: vec![GroupIn {
                title: "A Platform With A Long Title".into(),
                parent: None,
            }],
            nodes: vec![
                NodeIn {
                    label: "Outside".into(),
                    sublabel: None,
                    parent: None,
                },
                NodeIn {
                    label: "In one".into(),
                    sublabel: None,
                    parent: Some(0),
                },
                NodeIn {
                    label: "In two".into(),
                    sublabel: None,
                    parent: Some(0),
                },
                NodeIn {
                    label: "In three".into(),
                    sublabel: None,
                    parent: Some(0),
                },
            ],
            edges: vec![EdgeIn {
                from: 0,
                to: 1,
                label: None,
            }],
        };
        let Ok(drawn) = layout(&input) else {
            panic!("lays out")
        };
        let shifts = title_shifts(&drawn);
        let group = &drawn.groups[0];
        let title = &group.title[0];
        let x = title.x + shifts[0];
        let width = crate::layout::text::box_width(f64::from(crate::layout::text::measure(
            &title.text,
            title.font_size,
        )));
        assert!(x + width <= group.rect.right());
        for w in drawn.edges[0].points.windows(2) {
            let (lo, hi) = (w[0].x.min(w[1].x), w[0].x.max(w[1].x));
            let crosses_band = w[0].y.min(w[1].y) < title.y;
            assert!(!crosses_band || hi < x || lo > x + width, "{shifts:?}");
        }
    }
}
