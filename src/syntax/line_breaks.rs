//! Line breaks other than LF and CRLF: the file is refused rather than misread.
//!
//! A lone carriage return (classic Mac OS), a vertical tab, a form feed, NEL and the Unicode
//! line and paragraph separators start a new line in some editors and terminals and not in
//! others. Read as spaces, a file with lone CRs was one long comment: "no findings" for a
//! review a person sees as full of errors. Read as line breaks, every tool that counts lines
//! (editors, GitHub annotations, SARIF viewers) would have to agree with archc. Refusing them
//! keeps one meaning: lines are what LF ends, in every output format.

use crate::diagnostic::{Diagnostic, RuleId};
use crate::source::Span;

/// The first line break archc does not read, as the only diagnostic of the file.
pub(super) fn check(text: &str) -> Option<Diagnostic> {
    let mut found = text
        .char_indices()
        .filter(|&(i, c)| is_foreign_break(text, i, c));
    let (at, c) = found.next()?;
    let more = found.count();
    let (name, fix) = describe(c);
    let message = match more {
        0 => format!("{name} is not a line break archc reads"),
        n => format!("{name} is not a line break archc reads ({n} more in the file)"),
    };
    let help = format!(
        "{fix}; inside a string, write the character as `\\u{{{:x}}}`",
        u32::from(c)
    );
    Some(
        Diagnostic::error(RuleId::Syntax, Span::new(at, at + c.len_utf8()), message)
            .with_label("here")
            .with_help(help),
    )
}

/// A character some tools take as the end of a line, other than `\n` and the `\r` of `\r\n`.
fn is_foreign_break(text: &str, at: usize, c: char) -> bool {
    match c {
        '\r' => !text[at + 1..].starts_with('\n'),
        '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

/// What the character is called, and how to be rid of it.
fn describe(c: char) -> (&'static str, &'static str) {
    match c {
        '\r' => (
            "a carriage return without a line feed (`\\r`)",
            "save the file with LF or CRLF line endings (for a file from classic Mac OS, \
             `tr '\\r' '\\n' < old.arch > new.arch`)",
        ),
        '\u{b}' => ("a vertical tab", "replace it by a line break or a space"),
        '\u{c}' => ("a form feed", "replace it by a line break or a space"),
        '\u{85}' => ("a next-line character (NEL)", "replace it by a line break"),
        '\u{2028}' => ("a line separator (U+2028)", "replace it by a line break"),
        _ => (
            "a paragraph separator (U+2029)",
            "replace it by a line break",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn lf_and_crlf_are_line_breaks() {
        assert_eq!(check("a\nb\r\nc\r\n"), None);
        assert_eq!(check(""), None);
    }

    #[test]
    fn a_lone_cr_is_refused_where_it_is_with_a_count() {
        let d = check("# a\rsystem x\r\n\rb\r").expect("refused");
        assert_eq!(d.primary.span.range(), 3..4);
        assert_eq!(
            d.message,
            "a carriage return without a line feed (`\\r`) is not a line break archc reads \
             (2 more in the file)"
        );
        assert!(d.help.unwrap_or_default().contains("`\\u{d}`"));
    }

    #[test]
    fn other_unicode_line_breaks_are_refused() {
        for (text, at) in [
            ("a\u{b}b", 1),
            ("a\u{c}b", 1),
            ("é\u{85}", 2),
            ("\"a\u{2028}\"", 2),
            ("#\u{2029}", 1),
        ] {
            let d = check(text).expect(text);
            assert_eq!(d.primary.span.start as usize, at, "{text:?}");
        }
    }
}
