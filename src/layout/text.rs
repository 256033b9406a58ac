//! Deterministic text metrics from the embedded DejaVu Sans font (no system fonts).
//!
//! Widths are the sum of the glyphs' horizontal advances read from the font's own tables with
//! `ab_glyph`, scaled by the font size: pure arithmetic on bytes compiled into the binary, so
//! every machine measures the same. Kerning is deliberately left out; DejaVu's kerning pairs
//! almost all tighten text, so the measured width is an upper bound of what a shaping renderer
//! (resvg, a browser with DejaVu installed) draws.
//!
//! ## Fonts in the SVG: a safety margin, not an embedded font
//!
//! The SVG does **not** embed the font. A base64 `@font-face` would add about 1 MB to every
//! diagram and make golden files unreviewable (house style: no embedded fonts in goldens).
//! Instead the renderer declares [`FONT_STACK`], DejaVu Sans first, and the layout sizes every
//! box that holds text for [`SAFETY`] times the measured width (see [`box_width`]):
//! - DejaVu Sans (Linux default, and its ancestor Bitstream Vera) renders at exactly the
//!   measured width;
//! - Verdana, the widest common fallback, was drawn with metrics close to Vera's (within a few
//!   percent per glyph);
//! - Arial, Helvetica, Liberation Sans, Noto Sans, Segoe UI and San Francisco are all narrower
//!   than DejaVu Sans.
//!
//! So with a 12% margin the labels fit in any browser, and text is drawn centred (or, for group
//! titles, left-aligned with the margin to the right), so a narrower fallback only leaves more
//! air. Characters that DejaVu Sans lacks (CJK, emoji) are measured as one full em, the width
//! most fallback fonts give them.
//!
//! The PNG path (resvg) loads [`font_data`] itself and maps every generic family to it, so PNGs
//! are drawn with exactly the measured font.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId};

/// The family name of the embedded font, as it must appear first in SVG `font-family`.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The `font-family` value for the SVG: the measured font first, then fonts no wider than it.
/// Family names with spaces need no quotes in CSS (they are identifier sequences), which keeps
/// the value safe inside an XML attribute.
pub const FONT_STACK: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";

/// How much wider than the measured text a box is made, to absorb fallback fonts.
pub const SAFETY: f64 = 1.12;

/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.25;

/// DejaVu Sans' cap height (1493 of 2048 units), used to centre a line's capitals on its box.
pub const CAP_HEIGHT_EM: f64 = 0.729;

/// Width given to a character the font has no glyph for, in ems.
const MISSING_GLYPH_EM: f32 = 1.0;

/// Fallback advance in ems if the embedded font could not be parsed (it always can; the
/// fallback only keeps the function total).
const FALLBACK_EM: f32 = 0.65;

/// The bytes of the embedded TrueType font (DejaVu Sans 2.37), for resvg's font database.
pub fn font_data() -> &'static [u8] {
    FONT_BYTES
}

/// The width of `text` on one line at `font_size` px, in px.
pub fn measure(text: &str, font_size: f32) -> f32 {
    let Some(font) = font() else {
        return text.chars().count() as f32 * FALLBACK_EM * font_size;
    };
    let units_per_em = font.units_per_em().unwrap_or(2048.0);
    let ascii = ascii_advances(font, units_per_em);
    let units: f32 = text
        .chars()
        .map(|c| match ascii.get(c as usize) {
            Some(&advance) => advance,
            None => advance_units(font, c, units_per_em),
        })
        .sum();
    units * font_size / units_per_em
}

/// The advances of the 128 ASCII characters, in font units, looked up once: labels are mostly
/// ASCII, and a table is far cheaper than the font's character map for every character.
fn ascii_advances(font: &FontRef<'_>, units_per_em: f32) -> &'static [f32; 128] {
    static TABLE: OnceLock<[f32; 128]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| advance_units(font, char::from(i as u8), units_per_em))
    })
}

/// Word-wraps `text` into lines no wider than `max_width` at `font_size`.
///
/// Words are separated by any whitespace, which collapses. A single word wider than
/// `max_width` gets a line of its own and is not broken: breaking "S/4HANA" mid-word would
/// mislead more than a wider box does. Blank text gives no lines.
pub fn wrap(text: &str, font_size: f32, max_width: f32) -> Vec<String> {
    wrap_lines(text, font_size, max_width, usize::MAX)
}

/// The mark that ends a line whose text was cut.
pub const ELLIPSIS: char = '\u{2026}';

/// How much wider than the wrap width one word may run before it is cut: a long word keeps a
/// line of its own (see [`wrap`]) up to this many wrap widths.
pub const LONG_WORD_WIDTHS: f32 = 2.0;

/// [`wrap`] within bounds, so that text of any length gives a box of bounded size (and a
/// picture that renders in bounded time): at most `max_lines` lines, the last ending in
/// [`ELLIPSIS`] if text was left over, and no word wider than [`LONG_WORD_WIDTHS`] times
/// `max_width`, cut with [`ELLIPSIS`] if it was. The full text belongs elsewhere (a tooltip).
pub fn wrap_bounded(text: &str, font_size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let widest_word = max_width * LONG_WORD_WIDTHS;
    // One line more than fits tells whether text was left over.
    let mut lines = wrap_lines(text, font_size, max_width, max_lines + 1);
    for line in &mut lines {
        if measure(line, font_size) > widest_word {
            *line = shorten(line, font_size, widest_word);
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            mark_cut(last, font_size, max_width);
        }
    }
    lines
}

/// Ends `line` with [`ELLIPSIS`] to say that text follows that is not shown, shortening it if
/// the mark would not fit in `max_width` (or in the line's own width, for a long word).
fn mark_cut(line: &mut String, font_size: f32, max_width: f32) {
    if line.ends_with(ELLIPSIS) {
        return;
    }
    let limit = measure(line, font_size).max(max_width);
    line.push(ELLIPSIS);
    if measure(line, font_size) > limit {
        line.pop();
        *line = shorten(line, font_size, limit);
    }
}

/// The longest start of `line` that fits `max_width` with [`ELLIPSIS`] after it, without
/// trailing spaces, then the ellipsis.
fn shorten(line: &str, font_size: f32, max_width: f32) -> String {
    let room = max_width - measure(&ELLIPSIS.to_string(), font_size);
    let mut width = 0.0_f32;
    let mut end = 0;
    for (i, c) in line.char_indices() {
        width += measure(c.encode_utf8(&mut [0; 4]), font_size);
        if width > room {
            break;
        }
        end = i + c.len_utf8();
    }
    let mut short = line[..end].trim_end().to_owned();
    short.push(ELLIPSIS);
    short
}

/// Wraps as [`wrap`] does, stopping after `max_lines` lines.
fn wrap_lines(text: &str, font_size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let space = measure(" ", font_size);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0_f32;
    for word in text.split_whitespace() {
        let width = measure(word, font_size);
        if current.is_empty() {
            current.push_str(word);
            current_width = width;
        } else if current_width + space + width <= max_width {
            current.push(' ');
            current.push_str(word);
            current_width += space + width;
        } else {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                return lines;
            }
            current.push_str(word);
            current_width = width;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The width a box must give `text_width` of measured text so that fallback fonts fit too.
pub fn box_width(text_width: f64) -> f64 {
    text_width * SAFETY
}

/// The height of one line of text at `font_size`.
pub fn line_height(font_size: f32) -> f64 {
    f64::from(font_size) * LINE_HEIGHT
}

/// The baseline of a line whose box starts at `line_top`: capitals centred in the line box.
pub fn baseline(line_top: f64, font_size: f32) -> f64 {
    let size = f64::from(font_size);
    line_top + line_height(font_size) / 2.0 + size * CAP_HEIGHT_EM / 2.0
}

static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| {
        let parsed = FontRef::try_from_slice(FONT_BYTES).ok();
        debug_assert!(parsed.is_some(), "the embedded font must parse");
        parsed
    })
    .as_ref()
}

fn advance_units(font: &FontRef<'_>, c: char, units_per_em: f32) -> f32 {
    let id = font.glyph_id(c);
    if id == GlyphId(0) && !c.is_control() {
        return MISSING_GLYPH_EM * units_per_em;
    }
    font.h_advance_unscaled(id)
}

#[cfg(test)]
mod tests {
    use super::{ELLIPSIS, font_data, measure, wrap, wrap_bounded};

    #[test]
    fn the_ascii_table_holds_the_fonts_own_advances() {
        use ab_glyph::Font;
        let font = super::font().expect("the embedded font parses");
        let units_per_em = font.units_per_em().unwrap_or(2048.0);
        let table = super::ascii_advances(font, units_per_em);
        for (i, &advance) in table.iter().enumerate() {
            let c = char::from(i as u8);
            assert_eq!(
                advance,
                super::advance_units(font, c, units_per_em),
                "{c:?}"
            );
        }
    }

    #[test]
    fn font_is_embedded() {
        assert!(font_data().len() > 100_000);
        assert_eq!(&font_data()[..4], &[0, 1, 0, 0]);
    }

    #[test]
    fn measure_scales_with_size_and_length() {
        let small = measure("Okta", 10.0);
        assert!(small > 15.0 && small < 30.0, "{small}");
        assert!((measure("Okta", 20.0) - 2.0 * small).abs() < 1e-3);
        assert!(measure("Okta Okta", 10.0) > 2.0 * small);
        assert_eq!(measure("", 14.0), 0.0);
    }

    #[test]
    fn measure_known_advances() {
        // DejaVu Sans: "M" advances 1767 units of 2048, a space 651.
        assert!((measure("M", 2048.0) - 1767.0).abs() < 0.5);
        assert!((measure(" ", 2048.0) - 651.0).abs() < 0.5);
    }

    #[test]
    fn missing_glyphs_count_one_em() {
        assert!((measure("\u{4e2d}", 10.0) - 10.0).abs() < 1e-3);
    }

    #[test]
    fn wrap_cases() {
        check_wrap("", 100.0, &[]);
        check_wrap("   ", 100.0, &[]);
        check_wrap("Okta", 100.0, &["Okta"]);
        check_wrap("Data Import Pipeline", 1000.0, &["Data Import Pipeline"]);
        check_wrap("Data Import Pipeline", 90.0, &["Data Import", "Pipeline"]);
        check_wrap("Data   Import\nPipeline", 1000.0, &["Data Import Pipeline"]);
        check_wrap(
            "Supercalifragilistic x",
            20.0,
            &["Supercalifragilistic", "x"],
        );
    }

    #[test]
    fn wrapped_lines_fit_unless_one_word() {
        let text = "the quick brown fox jumps over the lazy dog near the river bank";
        for line in wrap(text, 14.0, 120.0) {
            assert!(measure(&line, 14.0) <= 120.0, "{line}");
        }
    }

    #[test]
    fn bounded_wrapping_cuts_with_an_ellipsis() {
        let wrapped = |text: &str, lines| wrap_bounded(text, 14.0, 90.0, lines);
        // Within bounds, the same as `wrap`.
        let text = "Data Import Pipeline";
        assert_eq!(wrapped(text, 2), wrap(text, 14.0, 90.0));
        // One line too many: the last kept line says that text follows, and still fits.
        assert_eq!(wrapped(text, 1), ["Data Impo…"]);
        assert!(measure("Data Impo…", 14.0) <= 90.0);
        assert_eq!(wrap_bounded(text, 14.0, 100.0, 1), ["Data Import…"]);
        // A long word keeps its line up to twice the wrap width, then is cut.
        assert_eq!(wrapped("Supercalifragilistic", 1), ["Supercalifragilistic"]);
        let long = wrapped(&"x".repeat(300_000), 3);
        assert_eq!(long.len(), 1);
        assert!(long[0].ends_with(ELLIPSIS));
        assert!(measure(&long[0], 14.0) <= 180.0, "{}", long[0]);
        // A long word cut on the last line is not marked twice.
        let both = wrapped(&format!("{} tail", "y".repeat(1_000)), 1);
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].matches(ELLIPSIS).count(), 1, "{both:?}");
    }

    #[test]
    fn bounded_lines_fit_their_width() {
        let text = "the quick brown fox jumps over the lazy dog near the river bank ".repeat(50);
        let lines = wrap_bounded(&text, 11.0, 130.0, 4);
        assert_eq!(lines.len(), 4);
        for line in &lines {
            assert!(measure(line, 11.0) <= 130.0, "{line}");
        }
        assert!(lines[3].ends_with(ELLIPSIS), "{lines:?}");
    }

    fn check_wrap(text: &str, max_width: f32, expect: &[&str]) {
        assert_eq!(
            wrap(text, 14.0, max_width),
            expect,
            "wrapping {text:?} at {max_width}"
        );
    }
}
