//! Fuzz target: any bytes → UTF-8 (lossy) → `archc::compile` (parse, lower, lint) → view →
//! layout → SVG, and the draw.io export. The first byte picks the view and the direction;
//! the rest is the `.arch` text.
//!
//! A finding is a panic (in archc, or one the layout engine raised even though it is caught:
//! libFuzzer's panic hook aborts on every panic), a stack overflow, a hang, running out of
//! memory, or an SVG or draw.io file that a real XML parser (roxmltree) rejects. A layout
//! that is refused with an error is not a finding: that is the documented way to fail.
#![no_main]

use archc::layout::Direction;
use archc::render::svg::{self, Options};
use archc::render::theme::ThemeName;
use archc::render::view::View;
use archc::source::Source;
use libfuzzer_sys::fuzz_target;
use resvg::usvg::roxmltree::Document;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let source = Source::new("fuzz.arch", text.as_ref());
    let compilation = archc::compile(&source, &archc::lint::LintConfig::default());
    let options = Options {
        view: if choice & 1 == 0 { View::Proposed } else { View::Current },
        direction: if choice & 2 == 0 { Direction::Down } else { Direction::Right },
        theme: if choice & 4 == 0 { ThemeName::Light } else { ThemeName::Dark },
    };
    if let Ok(document) = svg::render(&compilation.model, &options) {
        if let Err(e) = Document::parse(&document) {
            panic!("the SVG is not well-formed XML: {e}\n{document}");
        }
    }
    if let Ok(drawio) = archc::export::drawio(&compilation.model) {
        if let Err(e) = Document::parse(&drawio) {
            panic!("the draw.io file is not well-formed XML: {e}\n{drawio}");
        }
    }
});
