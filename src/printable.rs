//! Characters of the review's text that no output carries as they are.
//!
//! A `.arch` string may hold any character (`\u{1B}` is a valid escape), but some must not
//! reach a file a person opens: control characters (ESC and BEL drive a terminal that shows
//! a Markdown or CSV table; XML forbids most C0 controls outright) and noncharacters such as
//! U+FFFE and U+FFFF (which XML forbids too). Every output format replaces them with
//! [`REPLACEMENT`], U+FFFD, the character Unicode sets aside for "something here could not be
//! shown": the reader sees that the label held something, and nothing is silently dropped.
//!
//! Tab, line feed and carriage return are not in the set: each format has its own way to
//! write a line break, and a tab is plain white space. The JSON outputs keep the text exactly
//! (JSON escapes what it must), since they are for programs, not people.

use std::borrow::Cow;

/// What every output writes in place of an unprintable character: U+FFFD, "�".
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `ch` must not reach an output as it is: a control character (C0, DEL or C1)
/// other than tab, LF and CR, or a Unicode noncharacter (U+FDD0..U+FDEF, and the last two
/// code points of every plane, U+FFFE and U+FFFF among them).
pub fn is_unprintable(ch: char) -> bool {
    let code = u32::from(ch);
    let control = ch.is_control() && !matches!(ch, '\t' | '\n' | '\r');
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    control || noncharacter
}

/// `text` with every unprintable character replaced by [`REPLACEMENT`]; borrowed when there
/// is none, which is nearly always.
pub fn replace_unprintable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let replaced = text
        .chars()
        .map(|ch| if is_unprintable(ch) { REPLACEMENT } else { ch })
        .collect();
    Cow::Owned(replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_noncharacters_are_unprintable_but_line_breaks_and_tabs_are_not() {
        for ch in ['\u{0}', '\u{7}', '\u{1B}', '\u{7F}', '\u{85}', '\u{9B}'] {
            assert!(is_unprintable(ch), "{ch:?}");
        }
        for ch in [
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            assert!(is_unprintable(ch), "{ch:?}");
        }
        for ch in [
            '\t',
            '\n',
            '\r',
            ' ',
            'a',
            'é',
            '東',
            '\u{FFFD}',
            '\u{FFFC}',
            '\u{1F600}',
        ] {
            assert!(!is_unprintable(ch), "{ch:?}");
        }
    }

    #[test]
    fn replacing_keeps_everything_else_and_borrows_clean_text() {
        assert_eq!(
            replace_unprintable("a\u{1B}[31mred\u{7}\u{FFFE}\tb\n"),
            "a\u{FFFD}[31mred\u{FFFD}\u{FFFD}\tb\n"
        );
        assert!(matches!(
            replace_unprintable("clean"),
            Cow::Borrowed("clean")
        ));
    }
}
