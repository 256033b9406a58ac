//! Pure geometry of the finished diagram: routes trimmed for and cut under what covers them,
//! arrowheads drawn as triangles at a route's ends, label leader lines, and the place of a gap
//! marker on its route.
//!
//! ```text
//!   route ───────────────────▶|  node border
//!         trimmed end   base  tip
//! ```
//!
//! Arrowheads are explicit triangles rather than SVG `<marker>`s: no `id`s that could clash
//! when several diagrams are inlined in one HTML page, nothing that a sanitiser strips, and the
//! tip lands exactly on the node's border. The route is shortened by the head's length so that
//! a thick or dashed line never pokes out past the tip.

use std::collections::HashMap;

use crate::layout::{Point, Rect};

/// The route cut where it passes through any of `holes`: the pieces that remain, in order.
/// A route crossing a group's title is drawn up to the title and on after it, as if it ran
/// beneath the title, which then stays readable.
pub(crate) fn cut(points: &[Point], holes: &[Rect]) -> Vec<Vec<Point>> {
    let mut pieces: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut inside: Vec<(f64, f64)> = holes.iter().filter_map(|h| clip(a, b, h)).collect();
        inside.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut t = 0.0;
        for (t0, t1) in inside {
            if t0 > t {
                if current.is_empty() {
                    current.push(lerp(a, b, t));
                }
                current.push(lerp(a, b, t0));
                pieces.push(std::mem::take(&mut current));
            } else if !current.is_empty() {
                // The hole starts where the kept part ended: close the piece there.
                pieces.push(std::mem::take(&mut current));
            }
            t = t.max(t1);
        }
        if t < 1.0 {
            if current.is_empty() {
                current.push(lerp(a, b, t));
            }
            current.push(b);
        }
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces.retain(|piece| piece.len() >= 2);
    if pieces.is_empty() && points.len() >= 2 {
        // Never lose a route entirely.
        return vec![points.to_vec()];
    }
    pieces
}

/// The part `(t0, t1)` of segment a–b inside `rect`, if it has length (Liang–Barsky).
fn clip(a: Point, b: Point, rect: &Rect) -> Option<(f64, f64)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let sides = [
        (-dx, a.x - rect.x),
        (dx, rect.right() - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom() - a.y),
    ];
    for (p, q) in sides {
        if p == 0.0 {
            if q <= 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t1 - t0 > 1e-9).then_some((t0, t1))
}

/// The route without its last `length` units (walking back over bends if a segment is
/// shorter), keeping at least a stub so the route never vanishes.
pub(crate) fn trim_end(points: &[Point], length: f64) -> Vec<Point> {
    let mut out = points.to_vec();
    let mut left = length;
    while out.len() >= 2 && left > 0.0 {
        let n = out.len();
        let (a, b) = (out[n - 2], out[n - 1]);
        let seg = a.distance(b);
        if seg > left {
            let t = (seg - left) / seg;
            out[n - 1] = lerp(a, b, t);
            return out;
        }
        if n == 2 {
            // The whole route is shorter than the head: keep a tenth of it.
            out[1] = lerp(a, b, 0.1);
            return out;
        }
        out.pop();
        left -= seg;
    }
    out
}

/// The route without its first `length` units.
pub(crate) fn trim_start(points: &[Point], length: f64) -> Vec<Point> {
    let reversed: Vec<Point> = points.iter().rev().copied().collect();
    let mut out = trim_end(&reversed, length);
    out.reverse();
    out
}

/// An arrowhead at the route's end: a triangle with its tip on the last point, pointing along
/// the last segment. `None` for a route without length.
pub(crate) fn arrowhead(points: &[Point], length: f64, half_width: f64) -> Option<[Point; 3]> {
    let tip = *points.last()?;
    let from = points
        .iter()
        .rev()
        .find(|p| p.distance(tip) > 1e-9)
        .copied()?;
    let d = from.distance(tip);
    let (ux, uy) = ((tip.x - from.x) / d, (tip.y - from.y) / d);
    let base = Point::new(tip.x - ux * length, tip.y - uy * length);
    let (nx, ny) = (-uy * half_width, ux * half_width);
    Some([
        tip,
        Point::new(base.x + nx, base.y + ny),
        Point::new(base.x - nx, base.y - ny),
    ])
}

/// Rectangles that marks must keep clear of, indexed by a uniform grid so that a query near
/// one spot looks at the few rectangles there, not at every box of a large diagram.
pub(crate) struct Obstacles {
    rects: Vec<Rect>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

/// Side of a grid cell of [`Obstacles`].
const CELL: f64 = 64.0;

impl Obstacles {
    pub(crate) fn new(rects: impl IntoIterator<Item = Rect>) -> Obstacles {
        let mut obstacles = Obstacles {
            rects: Vec::new(),
            cells: HashMap::new(),
        };
        for r in rects {
            obstacles.add(r);
        }
        obstacles
    }

    pub(crate) fn add(&mut self, rect: Rect) {
        if !rect.is_finite() {
            return;
        }
        let index = self.rects.len();
        self.rects.push(rect);
        for cell in cells_of(&rect) {
            self.cells.entry(cell).or_default().push(index);
        }
    }

    /// Whether `area` overlaps no obstacle. (Only a yes or no leaves this function, so the
    /// map's iteration order cannot reach the output.)
    pub(crate) fn is_clear(&self, area: &Rect) -> bool {
        cells_of(area).all(|cell| {
            self.cells
                .get(&cell)
                .is_none_or(|list| list.iter().all(|&i| !overlaps(&self.rects[i], area)))
        })
    }
}

/// The grid cells a rectangle touches.
fn cells_of(rect: &Rect) -> impl Iterator<Item = (i64, i64)> {
    // Coordinates are finite and within a diagram's size, so the casts cannot overflow.
    let (x0, x1) = (
        (rect.x / CELL).floor() as i64,
        (rect.right() / CELL).floor() as i64,
    );
    let (y0, y1) = (
        (rect.y / CELL).floor() as i64,
        (rect.bottom() / CELL).floor() as i64,
    );
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// Where to draw a gap marker of `radius` on `route`: the point nearest along the route to
/// `anchor` (the label's centre, or the route's middle) whose marker stays clear of every
/// obstacle and at least `end_clearance` from both ends (the arrowheads). Candidates are tried
/// outwards from the anchor, nearer first and the start side first, so the search stops at
/// the first clear one. Falls back to the anchor's own point when none is clear.
pub(crate) fn marker_position(
    route: &[Point],
    anchor: Option<Point>,
    radius: f64,
    end_clearance: f64,
    obstacles: &Obstacles,
) -> Option<Point> {
    const STEP: f64 = 2.0;
    let total = length(route);
    if total <= 0.0 {
        return route.first().copied();
    }
    let start = anchor.map_or(total / 2.0, |a| along_nearest(route, a));
    let clearance = end_clearance.min(total / 2.0);
    let (lo, hi) = (clearance, total - clearance);
    let start = start.max(lo).min(hi);
    let reach = radius + 2.0;
    let clear = |along: f64| {
        let p = point_at(route, along);
        obstacles.is_clear(&square_around(p, reach)).then_some(p)
    };
    let mut k = 0.0;
    while start - k * STEP >= lo || start + k * STEP <= hi {
        for along in [start - k * STEP, start + k * STEP] {
            if (lo..=hi).contains(&along) {
                if let Some(p) = clear(along) {
                    return Some(p);
                }
            }
        }
        k += 1.0;
    }
    Some(point_at(route, start))
}

/// How far along `route` its point nearest to `p` lies.
fn along_nearest(route: &[Point], p: Point) -> f64 {
    let mut best = (f64::INFINITY, 0.0);
    let mut walked = 0.0;
    for w in route.windows(2) {
        let seg = w[0].distance(w[1]);
        if seg > 0.0 {
            let t = (((p.x - w[0].x) * (w[1].x - w[0].x) + (p.y - w[0].y) * (w[1].y - w[0].y))
                / (seg * seg))
                .clamp(0.0, 1.0);
            let d = lerp(w[0], w[1], t).distance(p);
            if d < best.0 {
                best = (d, walked + t * seg);
            }
        }
        walked += seg;
    }
    best.1
}

/// A short straight line from the border of an edge label's plate to its route, when the
/// engine placed the label beside the route (within `max_gap`) rather than on it, so that a
/// label among several is seen to belong to its line. `None` when the route touches the plate
/// or runs past it at no right angle.
pub(crate) fn leader(plate: &Rect, route: &[Point], max_gap: f64) -> Option<(Point, Point)> {
    let mut best: Option<(f64, Point, Point)> = None;
    let center = plate.center();
    for w in route.windows(2) {
        let (a, b) = (w[0], w[1]);
        let candidate = if (a.x - b.x).abs() < 1e-9 {
            // Vertical segment: a horizontal leader at a height both share.
            let (lo, hi) = (a.y.min(b.y).max(plate.y), a.y.max(b.y).min(plate.bottom()));
            (lo <= hi).then(|| {
                let y = center.y.max(lo).min(hi);
                let x = if a.x >= plate.right() {
                    plate.right()
                } else {
                    plate.x
                };
                ((a.x - x).abs(), Point::new(x, y), Point::new(a.x, y))
            })
        } else if (a.y - b.y).abs() < 1e-9 {
            let (lo, hi) = (a.x.min(b.x).max(plate.x), a.x.max(b.x).min(plate.right()));
            (lo <= hi).then(|| {
                let x = center.x.max(lo).min(hi);
                let y = if a.y >= plate.bottom() {
                    plate.bottom()
                } else {
                    plate.y
                };
                ((a.y - y).abs(), Point::new(x, y), Point::new(x, a.y))
            })
        } else {
            None
        };
        let Some((gap, from, to)) = candidate else {
            continue;
        };
        let inside = from.x > plate.x
            && from.x < plate.right()
            && to.y > plate.y
            && to.y < plate.bottom()
            && to.x > plate.x
            && to.x < plate.right();
        if inside || gap < 0.5 {
            // The route crosses or touches the plate: it needs no leader.
            return None;
        }
        if best.is_none_or(|(g, _, _)| gap < g) {
            best = Some((gap, from, to));
        }
    }
    best.filter(|(gap, _, _)| *gap <= max_gap)
        .map(|(_, from, to)| (from, to))
}

/// The square of side `2 × reach` around `p`.
pub(crate) fn square_around(p: Point, reach: f64) -> Rect {
    Rect::new(p.x - reach, p.y - reach, 2.0 * reach, 2.0 * reach)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

fn length(route: &[Point]) -> f64 {
    route.windows(2).map(|w| w[0].distance(w[1])).sum()
}

/// The point `along` units from the route's start.
fn point_at(route: &[Point], along: f64) -> Point {
    let mut left = along;
    for w in route.windows(2) {
        let seg = w[0].distance(w[1]);
        if seg > 0.0 && left <= seg {
            return lerp(w[0], w[1], left / seg);
        }
        left -= seg;
    }
    route.last().copied().unwrap_or(Point::new(0.0, 0.0))
}

fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

#[cfg(test)]
mod tests {
    use super::{Obstacles, arrowhead, cut, leader, marker_position, trim_end, trim_start};
    use crate::layout::{Point, Rect};

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn trimming_walks_back_over_bends() {
        let route = [p(0.0, 0.0), p(0.0, 20.0), p(5.0, 20.0)];
        assert_eq!(
            trim_end(&route, 2.0),
            [p(0.0, 0.0), p(0.0, 20.0), p(3.0, 20.0)]
        );
        assert_eq!(trim_end(&route, 8.0), [p(0.0, 0.0), p(0.0, 17.0)]);
        assert_eq!(
            trim_start(&route, 5.0),
            [p(0.0, 5.0), p(0.0, 20.0), p(5.0, 20.0)]
        );
        let short = [p(0.0, 0.0), p(0.0, 5.0)];
        assert_eq!(trim_end(&short, 10.0), [p(0.0, 0.0), p(0.0, 0.5)]);
    }

    #[test]
    fn arrowheads_point_along_the_last_segment() {
        let down = arrowhead(&[p(0.0, 0.0), p(0.0, 20.0)], 10.0, 4.0);
        assert_eq!(down, Some([p(0.0, 20.0), p(-4.0, 10.0), p(4.0, 10.0)]));
        let left = arrowhead(&[p(30.0, 5.0), p(10.0, 5.0)], 10.0, 4.0);
        assert_eq!(left, Some([p(10.0, 5.0), p(20.0, 1.0), p(20.0, 9.0)]));
        assert_eq!(arrowhead(&[p(1.0, 1.0), p(1.0, 1.0)], 10.0, 4.0), None);
    }

    #[test]
    fn markers_avoid_obstacles_and_ends() {
        let route = [p(0.0, 0.0), p(100.0, 0.0)];
        let label = Rect::new(40.0, -6.0, 20.0, 12.0);
        let at = marker_position(
            &route,
            Some(p(50.0, 0.0)),
            7.0,
            12.0,
            &Obstacles::new([label]),
        );
        // Nearest clear point: the marker's square (9 each side) just left or right of the label.
        assert_eq!(at, Some(p(30.0, 0.0)));
        let blocked = Rect::new(-10.0, -10.0, 120.0, 20.0);
        let at = marker_position(&route, None, 7.0, 12.0, &Obstacles::new([blocked]));
        assert_eq!(at, Some(p(50.0, 0.0)));
    }

    #[test]
    fn leaders_join_a_label_beside_its_route() {
        let plate = Rect::new(10.0, 10.0, 40.0, 12.0);
        // A vertical route 6 to the right of the plate.
        let route = [p(56.0, 0.0), p(56.0, 100.0)];
        assert_eq!(
            leader(&plate, &route, 16.0),
            Some((p(50.0, 16.0), p(56.0, 16.0)))
        );
        // A horizontal route 4 below.
        let route = [p(0.0, 26.0), p(30.0, 26.0)];
        assert_eq!(
            leader(&plate, &route, 16.0),
            Some((p(30.0, 22.0), p(30.0, 26.0)))
        );
        // Too far, or through the plate.
        assert_eq!(leader(&plate, &[p(90.0, 0.0), p(90.0, 50.0)], 16.0), None);
        assert_eq!(leader(&plate, &[p(0.0, 16.0), p(90.0, 16.0)], 16.0), None);
    }

    #[test]
    fn routes_are_cut_under_holes() {
        let route = [p(0.0, 0.0), p(0.0, 100.0), p(50.0, 100.0)];
        let hole = Rect::new(-10.0, 40.0, 20.0, 10.0);
        assert_eq!(
            cut(&route, &[hole]),
            [
                vec![p(0.0, 0.0), p(0.0, 40.0)],
                vec![p(0.0, 50.0), p(0.0, 100.0), p(50.0, 100.0)]
            ]
        );
        assert_eq!(cut(&route, &[]), [route.to_vec()]);
        let everything = Rect::new(-10.0, -10.0, 100.0, 200.0);
        assert_eq!(cut(&route, &[everything]), [route.to_vec()]);
    }
}
