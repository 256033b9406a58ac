//! Plain geometry types of the layout (points, sizes, rectangles) and the one place that rounds.
//!
//! Coordinates are `f64` in SVG user units (px), y pointing down. Every coordinate that leaves the
//! layout stage goes through [`round`] exactly once, so renderers print them without further
//! arithmetic and the same input gives byte-identical output on every machine.

/// A position in the diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A width and a height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// An axis-aligned rectangle; `(x, y)` is its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The point with both coordinates rounded to 0.01.
    pub fn rounded(self) -> Point {
        Point::new(round(self.x), round(self.y))
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// The straight-line distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        // `sqrt` is correctly rounded on every platform; `hypot` comes from the platform's libm
        // and may differ in the last bit, which byte-identical output cannot afford.
        let (dx, dy) = (other.x - self.x, other.y - self.y);
        (dx * dx + dy * dy).sqrt()
    }
}

impl Size {
    pub fn new(width: f64, height: f64) -> Size {
        Size { width, height }
    }
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    pub fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }

    /// The rectangle moved by `(dx, dy)`.
    pub fn translated(&self, dx: f64, dy: f64) -> Rect {
        Rect::new(self.x + dx, self.y + dy, self.width, self.height)
    }

    /// The rectangle with its corners rounded to 0.01.
    ///
    /// Rounding the corners rather than the size keeps shared edges shared: two rectangles that
    /// touch before rounding still touch after it.
    pub fn rounded(&self) -> Rect {
        let (x, y) = (round(self.x), round(self.y));
        Rect::new(x, y, round(self.right()) - x, round(self.bottom()) - y)
    }

    pub fn is_finite(&self) -> bool {
        [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite())
            && self.width >= 0.0
            && self.height >= 0.0
    }

    /// True if `inner` lies inside `self`, allowing `tolerance` of slack on every side.
    pub fn contains_rect(&self, inner: &Rect, tolerance: f64) -> bool {
        inner.x >= self.x - tolerance
            && inner.y >= self.y - tolerance
            && inner.right() <= self.right() + tolerance
            && inner.bottom() <= self.bottom() + tolerance
    }

    /// True if the interiors of the two rectangles share an area deeper than `tolerance`.
    ///
    /// Touching borders do not count: ELK places siblings exactly `spacing` apart, but rounding
    /// may bring two borders within 0.01 of each other.
    pub fn overlaps(&self, other: &Rect, tolerance: f64) -> bool {
        let dx = self.right().min(other.right()) - self.x.max(other.x);
        let dy = self.bottom().min(other.bottom()) - self.y.max(other.y);
        dx > tolerance && dy > tolerance
    }

    /// True if `p` lies on the border of the rectangle, within `tolerance`.
    pub fn on_border(&self, p: Point, tolerance: f64) -> bool {
        let within_x = p.x >= self.x - tolerance && p.x <= self.right() + tolerance;
        let within_y = p.y >= self.y - tolerance && p.y <= self.bottom() + tolerance;
        let on_vertical =
            (p.x - self.x).abs() <= tolerance || (p.x - self.right()).abs() <= tolerance;
        let on_horizontal =
            (p.y - self.y).abs() <= tolerance || (p.y - self.bottom()).abs() <= tolerance;
        within_x && within_y && (on_vertical || on_horizontal)
    }
}

/// Rounds a coordinate to 0.01, the precision of every number the layout hands over.
///
/// `-0.0` becomes `0.0` so that printing never shows `-0`.
pub fn round(value: f64) -> f64 {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 { 0.0 } else { rounded }
}

#[cfg(test)]
mod tests {
    use super::{Point, Rect, round};

    #[test]
    fn round_to_hundredths() {
        assert_eq!(round(1.234), 1.23);
        assert_eq!(round(1.235_1), 1.24);
        assert_eq!(round(-0.001), 0.0);
        assert!(round(-0.001).is_sign_positive());
    }

    #[test]
    fn rounded_rect_keeps_shared_borders() {
        let a = Rect::new(0.004, 0.0, 10.003, 5.0);
        let b = Rect::new(10.007, 0.0, 3.0, 5.0);
        assert_eq!(a.rounded().right(), b.rounded().x);
    }

    #[test]
    fn overlap_and_containment() {
        let outer = Rect::new(0.0, 0.0, 100.0, 100.0);
        let inner = Rect::new(10.0, 10.0, 20.0, 20.0);
        let touching = Rect::new(30.0, 10.0, 20.0, 20.0);
        assert!(outer.contains_rect(&inner, 0.0));
        assert!(!inner.contains_rect(&outer, 0.0));
        assert!(outer.overlaps(&inner, 0.0));
        assert!(!inner.overlaps(&touching, 0.01));
    }

    #[test]
    fn border_points() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.on_border(Point::new(0.0, 5.0), 0.01));
        assert!(r.on_border(Point::new(5.0, 10.0), 0.01));
        assert!(!r.on_border(Point::new(5.0, 5.0), 0.01));
        assert!(!r.on_border(Point::new(20.0, 0.0), 0.01));
    }

    #[test]
    fn distance_is_exact_on_whole_numbers() {
        assert_eq!(Point::new(1.0, 2.0).distance(Point::new(4.0, 6.0)), 5.0);
    }

    /// Output coordinates must not depend on the platform's libm: `hypot` may differ in the
    /// last bit between platforms, `sqrt` may not. So no library file calls it.
    #[test]
    fn no_library_code_calls_hypot() {
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut checked = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("src/ is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    assert!(
                        !text.contains(&[".hyp", "ot("].concat()),
                        "{}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} files");
    }
}
