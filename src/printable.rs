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
//! write a line break, and a tab is plain white space. The JSON outputs keep the text exactly,
//! since they are for programs: there the characters are written as `\u` escapes
//! ([`escape_unprintable_in_json`]), which readers decode back to the same text.

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

/// `json` (serde_json's output) with every unprintable character written as a `\uXXXX`
/// escape. serde_json escapes only C0 controls; DEL, C1 controls (U+009B is a terminal's
/// CSI) and noncharacters would otherwise be written raw. Outside strings JSON has only
/// ASCII punctuation and white space, so every such character is inside a string, where
/// the escape means the same character.
pub fn escape_unprintable_in_json(json: String) -> String {
    if !json.chars().any(is_unprintable) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for ch in json.chars() {
        if is_unprintable(ch) {
            for unit in ch.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(ch);
        }
    }
    out
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

    #[test]
    fn json_carries_unprintable_characters_as_escapes_that_read_back_exactly() {
        let text = "csi\u{9B}31m del\u{7F} \u{FFFE} \u{1FFFF} esc\u{1B}";
        let json = escape_unprintable_in_json(serde_json::to_string(text).unwrap_or_default());
        assert_eq!(
            json,
            r#""csi\u009b31m del\u007f \ufffe \ud83f\udfff esc\u001b""#
        );
        assert_eq!(
            serde_json::from_str::<String>(&json).ok().as_deref(),
            Some(text)
        );
    }
}
