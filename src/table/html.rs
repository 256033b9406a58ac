//! A bare HTML `<table>` that a docs page can include: header cells with `scope="col"`,
//! every cell escaped, a newline in a cell shown as `<br>`. No styles: the page styles it.

use crate::printable::{REPLACEMENT, is_unprintable};
use crate::table::Table;

pub fn render(table: &Table) -> String {
    let mut out = String::from("<table class=\"archc-table\">\n<thead>\n<tr>");
    for column in &table.columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(column)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", escape_cell(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Escapes text for an HTML element's content or a quoted attribute value. Unprintable
/// characters become U+FFFD (see [`crate::printable`]): HTML forbids most controls too.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            _ if is_unprintable(c) => out.push(REPLACEMENT),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks show as `<br>`, whose short hyphenated words do not
/// wrap, and whose long unbroken tokens (URLs, identifiers) get `<wbr>` break opportunities.
///
/// Why: a table column is at least as wide as its longest unbreakable word, so one long URL
/// could push a table past the page, which a browser then shrinks or clips in print. Words
/// up to `LONG_TOKEN` characters stay whole; longer ones may break after punctuation, and
/// a stretch without punctuation every `LONG_TOKEN` characters.
pub fn escape_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for token in line.split_inclusive(char::is_whitespace) {
            push_breakable(&mut out, token);
        }
    }
    out
}

const LONG_TOKEN: usize = 20;

fn push_breakable(out: &mut String, token: &str) {
    let word = token.trim_end();
    let n_chars = word.chars().count();
    if n_chars <= LONG_TOKEN && word.contains('-') {
        // Browsers break after a hyphen: keep `2027-01-22` and `Bi-directional` whole.
        out.push_str(&format!(
            "<span style=\"white-space: nowrap\">{}</span>{}",
            escape(word),
            escape(&token[word.len()..])
        ));
        return;
    }
    if n_chars <= LONG_TOKEN {
        out.push_str(&escape(token));
        return;
    }
    let mut run = 0;
    for (i, c) in token.chars().enumerate() {
        out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
        run += 1;
        let at_end = i + 1 >= n_chars;
        if !at_end && (run >= LONG_TOKEN || "/._-=&?,;:".contains(c)) {
            out.push_str("<wbr>");
            run = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        let table = Table {
            columns: vec!["A&B"],
            rows: vec![vec!["<b>'x'</b>\n\"q\"".into()]],
        };
        let html = render(&table);
        assert!(html.contains("<th scope=\"col\">A&amp;B</th>"));
        assert!(html.contains("<td>&lt;b&gt;&#39;x&#39;&lt;/b&gt;<br>&quot;q&quot;</td>"));
    }

    #[test]
    fn unprintable_characters_become_the_replacement_character() {
        assert_eq!(escape("a\u{1b}[0m\u{FFFE}b"), "a\u{FFFD}[0m\u{FFFD}b");
        assert_eq!(escape_cell("x\u{7}\ny"), "x\u{FFFD}<br>y");
    }

    #[test]
    fn long_tokens_get_break_opportunities_and_words_stay_whole() {
        assert_eq!(
            escape_cell("clinical-communication"),
            "clinical-<wbr>communication"
        );
        assert_eq!(
            escape_cell("due 2027-01-22"),
            "due <span style=\"white-space: nowrap\">2027-01-22</span>"
        );
        assert_eq!(escape_cell("confidential data"), "confidential data");
        assert_eq!(
            escape_cell("https://a.example/x&y"),
            "https:<wbr>/<wbr>/<wbr>a.<wbr>example/<wbr>x&amp;<wbr>y"
        );
        assert_eq!(
            escape_cell("abcdefghijklmnopqrstuvwxyz"),
            "abcdefghijklmnopqrst<wbr>uvwxyz"
        );
    }
}
