//! Pure geometry for the SVG writer: number formatting, path data, arrowheads drawn as
//! triangles at a route's ends, and the place of a gap marker on its route.
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

use crate::layout::{Point, Rect};

/// A number with at most two decimals, trailing zeros trimmed, never `-0`.
pub(crate) fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" | "" => "0".to_owned(),
        other => other.to_owned(),
    }
}

/// `M x y L x y …` through `points`.
pub(crate) fn path_data(points: &[Point]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&num(p.x));
        d.push(' ');
        d.push_str(&num(p.y));
    }
    d
}

/// A closed polygon through `points`.
pub(crate) fn polygon_data(points: &[Point]) -> String {
    let mut d = path_data(points);
    d.push('Z');
    d
}

/// The route without its last `length` units (walking back over bends if a segment is
/// shorter), keeping at least a stub so the route never vanishes.
pub(crate) fn trim_end(points: &[Point], length: f64) -> Vec<Point> {
    let mut out = points.to_vec();
    let mut left = length;
    while out.len() >= 2 && left > 0.0 {
        let n = out.len();
        let (a, b) = (out[n - 2], out[n - 1]);
        let seg = distance(a, b);
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
        .find(|p| distance(**p, tip) > 1e-9)
        .copied()?;
    let d = distance(from, tip);
    let (ux, uy) = ((tip.x - from.x) / d, (tip.y - from.y) / d);
    let base = Point::new(tip.x - ux * length, tip.y - uy * length);
    let (nx, ny) = (-uy * half_width, ux * half_width);
    Some([
        tip,
        Point::new(base.x + nx, base.y + ny),
        Point::new(base.x - nx, base.y - ny),
    ])
}

/// Where to draw a gap marker of `radius` on `route`: the point nearest to `anchor` (the
/// label's centre, or the route's middle) that keeps the marker clear of every rectangle in
/// `obstacles` and at least `end_clearance` from both ends (the arrowheads). Falls back to
/// the route's middle when no point is clear.
pub(crate) fn marker_position(
    route: &[Point],
    anchor: Option<Point>,
    radius: f64,
    end_clearance: f64,
    obstacles: &[Rect],
) -> Option<Point> {
    const STEP: f64 = 2.0;
    let total = length(route);
    if total <= 0.0 {
        return route.first().copied();
    }
    let middle = point_at(route, total / 2.0);
    let anchor = anchor.unwrap_or(middle);
    let reach = radius + 2.0;
    let near: Vec<Rect> = obstacles
        .iter()
        .filter(|r| overlaps(r, &bounds(route, reach)))
        .copied()
        .collect();
    let mut best: Option<(f64, Point)> = None;
    let mut along = end_clearance.min(total / 2.0);
    while along <= total - end_clearance.min(total / 2.0) {
        let p = point_at(route, along);
        let square = Rect::new(p.x - reach, p.y - reach, 2.0 * reach, 2.0 * reach);
        let score = distance(p, anchor);
        let better = best.is_none_or(|(s, _)| score < s);
        if better && !near.iter().any(|r| overlaps(r, &square)) {
            best = Some((score, p));
        }
        along += STEP;
    }
    Some(best.map_or(middle, |(_, p)| p))
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

/// The smallest rectangle around `points`, grown by `margin` on every side.
fn bounds(points: &[Point], margin: f64) -> Rect {
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in points {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    Rect::new(
        x0 - margin,
        y0 - margin,
        x1 - x0 + 2.0 * margin,
        y1 - y0 + 2.0 * margin,
    )
}

fn length(route: &[Point]) -> f64 {
    route.windows(2).map(|w| distance(w[0], w[1])).sum()
}

/// The point `along` units from the route's start.
fn point_at(route: &[Point], along: f64) -> Point {
    let mut left = along;
    for w in route.windows(2) {
        let seg = distance(w[0], w[1]);
        if seg > 0.0 && left <= seg {
            return lerp(w[0], w[1], left / seg);
        }
        left -= seg;
    }
    route.last().copied().unwrap_or(Point::new(0.0, 0.0))
}

fn distance(a: Point, b: Point) -> f64 {
    (b.x - a.x).hypot(b.y - a.y)
}

fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

#[cfg(test)]
mod tests {
    use super::{arrowhead, leader, marker_position, num, path_data, trim_end, trim_start};
    use crate::layout::{Point, Rect};

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(12.345_678), "12.35");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-3.25), "-3.25");
        assert_eq!(path_data(&[p(0.0, 1.5), p(10.0, 1.5)]), "M0 1.5L10 1.5");
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
        let at = marker_position(&route, Some(p(50.0, 0.0)), 7.0, 12.0, &[label]);
        // Nearest clear point: the marker's square (9 each side) just left or right of the label.
        assert_eq!(at, Some(p(30.0, 0.0)));
        let blocked = Rect::new(-10.0, -10.0, 120.0, 20.0);
        let at = marker_position(&route, None, 7.0, 12.0, &[blocked]);
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
}
