//! Numbers and path data as SVG attribute values: at most two decimals, no `-0`, and no
//! allocation per number (a large diagram prints a few hundred thousand of them).

use std::fmt::Write as _;

use crate::diagram::Point;

/// A number with at most two decimals, trailing zeros trimmed, never `-0` (and `0` for a
/// value that is not finite, which the layout never hands over).
///
/// Integer arithmetic on hundredths rather than `format!("{:.2}")` and trimming: a large
/// diagram prints a few hundred thousand numbers.
pub(super) fn num(value: f64) -> String {
    let mut text = String::new();
    push_num(&mut text, value);
    text
}

/// [`num`], appended to `out` (no allocation of its own: paths print many numbers).
pub(super) fn push_num(out: &mut String, value: f64) {
    let hundredths = (value * 100.0).round();
    // Writing to a String cannot fail.
    if !hundredths.is_finite() || hundredths.abs() >= 1e15 {
        if value.is_finite() {
            let _ = write!(out, "{value:.0}");
        } else {
            out.push('0');
        }
        return;
    }
    // Finite and below 1e15 in magnitude, so the cast is exact.
    let h = hundredths as i64;
    let sign = if h < 0 { "-" } else { "" };
    let (int, frac) = (h.unsigned_abs() / 100, h.unsigned_abs() % 100);
    let _ = match frac {
        0 if int == 0 => write!(out, "0"),
        0 => write!(out, "{sign}{int}"),
        f if f % 10 == 0 => write!(out, "{sign}{int}.{}", f / 10),
        f => write!(out, "{sign}{int}.{f:02}"),
    };
}

/// `M x y L x y …` through `points`.
pub(super) fn path_data(points: &[Point]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_num(&mut d, p.x);
        d.push(' ');
        push_num(&mut d, p.y);
    }
    d
}

/// `M x y L x y … M x y L …`: one subpath per piece.
pub(super) fn pieces_data(pieces: &[Vec<Point>]) -> String {
    pieces.iter().map(|piece| path_data(piece)).collect()
}

/// A closed polygon through `points`.
pub(super) fn polygon_data(points: &[Point]) -> String {
    let mut d = path_data(points);
    d.push('Z');
    d
}

#[cfg(test)]
mod tests {
    use super::{num, path_data, pieces_data, polygon_data};
    use crate::diagram::Point;

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
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1234.5678), "1234.57");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(path_data(&[p(0.0, 1.5), p(10.0, 1.5)]), "M0 1.5L10 1.5");
    }

    #[test]
    fn pieces_are_subpaths_and_polygons_close() {
        let pieces = [
            vec![p(0.0, 0.0), p(0.0, 40.0)],
            vec![p(0.0, 50.0), p(0.0, 100.0), p(50.0, 100.0)],
        ];
        assert_eq!(pieces_data(&pieces), "M0 0L0 40M0 50L0 100L50 100");
        assert_eq!(
            polygon_data(&[p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0)]),
            "M0 0L1 0L1 1Z"
        );
    }
}
