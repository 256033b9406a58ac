//! SVG → PNG with resvg, drawing text with the embedded font only (no system fonts).
//!
//! The font database holds just the font the layout measured with ([`crate::diagram::FONT`]), and every
//! generic family (`sans-serif`, `serif`, …) maps to it, so a PNG looks the same on every
//! machine and its labels fit their boxes exactly as measured.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::diagram::{FONT, font_data};

/// Refuse to allocate a picture larger than this many pixels (400 MB of RGBA).
const MAX_PIXELS: f64 = 100_000_000.0;

/// Rasterises `svg` at `scale` (1.0 = one pixel per SVG user unit) into PNG bytes.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    if !scale.is_finite() || scale <= 0.0 {
        return Err(format!(
            "the PNG scale must be a positive number, not {scale}"
        ));
    }
    let options = usvg::Options {
        font_family: FONT.family.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("invalid SVG: {e}"))?;
    let mut pixmap = canvas(tree.size(), scale)?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("could not encode the PNG: {e}"))
}

/// The shared database with the embedded font, every generic family pointing at it.
fn font_database() -> Arc<fontdb::Database> {
    static DATABASE: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_font_data(font_data().to_vec());
            db.set_sans_serif_family(FONT.family);
            db.set_serif_family(FONT.family);
            db.set_monospace_family(FONT.family);
            db.set_cursive_family(FONT.family);
            db.set_fantasy_family(FONT.family);
            Arc::new(db)
        })
        .clone()
}

/// A transparent pixmap for a picture of `size` user units at `scale`.
fn canvas(size: usvg::Size, scale: f32) -> Result<Pixmap, String> {
    let width = (f64::from(size.width()) * f64::from(scale)).ceil();
    let height = (f64::from(size.height()) * f64::from(scale)).ceil();
    if width * height > MAX_PIXELS {
        return Err(format!(
            "the PNG would be {width} × {height} pixels, more than {MAX_PIXELS} in all; \
             choose a smaller --scale (SVG has no such limit)"
        ));
    }
    // Both are positive and their product is bounded, so the casts cannot truncate.
    Pixmap::new(width.max(1.0) as u32, height.max(1.0) as u32)
        .ok_or_else(|| format!("cannot allocate a {width} × {height} picture"))
}

#[cfg(test)]
mod tests {
    use super::{font_database, svg_to_png};

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">
        <rect x="0" y="0" width="120" height="40" fill="#ffffff"/>
        <text x="10" y="26" font-family="DejaVu Sans, Verdana, sans-serif" font-size="14">Okta</text>
    </svg>"##;

    #[test]
    fn renders_a_png_with_text() {
        let png = svg_to_png(SVG, 2.0).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&png[1..4], b"PNG");
        // The IHDR chunk holds width and height: 240 × 80 at scale 2.
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            240
        );
        assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), 80);
        let blank = SVG.replace(">Okta<", "><");
        let without_text = svg_to_png(&blank, 2.0).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(
            png, without_text,
            "the text must be drawn with the embedded font"
        );
    }

    #[test]
    fn only_the_embedded_font_is_loaded() {
        let db = font_database();
        assert_eq!(db.len(), 1);
        let family = db
            .faces()
            .next()
            .and_then(|f| f.families.first())
            .map(|f| f.0.clone());
        assert_eq!(family.as_deref(), Some("DejaVu Sans"));
    }

    #[test]
    fn errors_instead_of_panics() {
        assert!(svg_to_png("not svg", 1.0).is_err());
        assert!(svg_to_png(SVG, 0.0).is_err());
        assert!(svg_to_png(SVG, f32::NAN).is_err());
        let huge = SVG.replace(
            "width=\"120\" height=\"40\">",
            "width=\"100000\" height=\"100000\">",
        );
        assert!(svg_to_png(&huge, 1.0).is_err());
    }
}
