//! GitHub-flavoured Markdown tables, and the inline escaping the report shares.

use crate::printable::{REPLACEMENT, is_unprintable, replace_unprintable};
use crate::table::Table;

/// A GFM pipe table: header row, delimiter row, one line per row; cells escaped.
pub fn render(table: &Table) -> String {
    let mut out = String::new();
    push_row(&mut out, table.columns.iter().map(|c| escape_inline(c)));
    push_row(&mut out, table.columns.iter().map(|_| "---".to_string()));
    for row in &table.rows {
        push_row(&mut out, row.iter().map(|cell| escape_inline(cell)));
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Escapes free text so Markdown shows it as written, in a table cell, a list item or a
/// paragraph: `|` cannot end a cell, a newline becomes `<br>` (a cell is one line), and
/// the characters that would start emphasis, code, links, HTML or a block are
/// backslash-escaped. Characters that are harmless where they stand (an intraword `_`, a
/// `<` before a space) are left alone so the Markdown source stays readable. Unprintable
/// characters (ESC, BEL, ...) become U+FFFD, so the file is safe to `cat` in a terminal.
pub fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().filter(|&c| c != '\r').collect();
    let list_marker = ordered_list_marker(&chars);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => out.push_str("<br>"),
            _ if is_unprintable(c) => out.push(REPLACEMENT),
            '\\' | '`' | '*' | '|' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !(is_word(prev) && is_word(next)) => out.push_str("\\_"),
            '<' if next.is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n)) => {
                out.push_str("\\<");
            }
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("\\&"),
            _ if (i == 0 && starts_block(&chars)) || list_marker == Some(i) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// `&name;` or `&#123;` would be read as a character reference.
fn starts_entity(rest: &[char]) -> bool {
    let name_len = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name_len > 0 && rest.get(name_len) == Some(&';')
}

/// Text at the start of a line that Markdown would read as a heading, quote, list or rule.
fn starts_block(chars: &[char]) -> bool {
    matches!(chars.first(), Some('#' | '>' | '-' | '+' | '='))
}

/// The `.` or `)` of a leading `12. ` or `3) `, which would start an ordered list.
fn ordered_list_marker(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = chars.get(digits + 1);
    let is_marker = matches!(chars.get(digits), Some('.' | ')'));
    (digits > 0 && is_marker && after.is_none_or(|c| c.is_whitespace())).then_some(digits)
}

/// Inline code that shows `text` verbatim: a backtick fence longer than any run inside.
pub fn code(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let text = replace_unprintable(text).replace(['\n', '\r'], " ");
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(escape_inline("a|b"), "a\\|b");
        assert_eq!(escape_inline("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(escape_inline("p95 < 300 ms"), "p95 < 300 ms");
        assert_eq!(escape_inline("<script>"), "\\<script>");
        assert_eq!(
            escape_inline("read/write_inventory"),
            "read/write_inventory"
        );
        assert_eq!(
            escape_inline("_x_ *y* `z` [l](u)"),
            "\\_x\\_ \\*y\\* \\`z\\` \\[l\\](u)"
        );
        assert_eq!(escape_inline("AT&T &amp;"), "AT&T \\&amp;");
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("a - b"), "a - b");
        assert_eq!(escape_inline("1. first"), "1\\. first");
        assert_eq!(escape_inline("1.5 h"), "1.5 h");
        assert_eq!(escape_inline("C:\\dir"), "C:\\\\dir");
    }

    #[test]
    fn terminal_escapes_never_reach_the_markdown() {
        assert_eq!(
            escape_inline("\u{1b}]0;title\u{7}red\u{9b}"),
            "\u{FFFD}\\]0;title\u{FFFD}red\u{FFFD}"
        );
    }

    #[test]
    fn code_spans_outfence_backticks() {
        assert_eq!(code("due"), "`due`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\u{1b}b"), "`a\u{FFFD}b`");
    }

    #[test]
    fn table_shape() {
        let table = Table {
            columns: vec!["A", "B"],
            rows: vec![vec!["x|y".into(), String::new()]],
        };
        assert_eq!(render(&table), "| A | B |\n| --- | --- |\n| x\\|y |  |\n");
    }
}
