//! Fuzz target: any bytes → UTF-8 (lossy) → `archc::compile` (parse and resolve) → the short
//! and JSON printers. A panic, a stack overflow, a hang or a diagnostic whose span is not
//! inside the text at character boundaries is a finding.
#![no_main]

use archc::diagnostic::{self, FileReport};
use archc::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = Source::new("fuzz.arch", text.as_ref());
    let compilation = archc::compile(&source, &archc::lint::LintConfig::default());
    for d in &compilation.diagnostics {
        for span in std::iter::once(d.primary.span).chain(d.secondary.iter().map(|l| l.span)) {
            let range = span.range();
            assert!(
                range.end <= text.len(),
                "{span:?} past the end: {}",
                d.message
            );
            assert!(
                text.is_char_boundary(range.start),
                "{span:?} splits a char: {}",
                d.message
            );
            assert!(
                text.is_char_boundary(range.end),
                "{span:?} splits a char: {}",
                d.message
            );
        }
    }
    let report = [FileReport::new(&source, &compilation.diagnostics)];
    let short = diagnostic::short::render(&report);
    assert_eq!(
        short.lines().count(),
        compilation.diagnostics.len(),
        "one line per finding"
    );
    diagnostic::json::render(&report);
});
