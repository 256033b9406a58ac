//! A bare HTML `<table>` that a docs page can include: header cells with `scope="col"`,
//! every cell escaped, a newline in a cell shown as `<br>`. No styles: the page styles it.

use crate::render::table::Table;

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

/// Escapes text for an HTML element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
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

/// Escaped text whose line breaks show as `<br>`.
pub fn escape_cell(text: &str) -> String {
    escape(&text.replace("\r\n", "\n")).replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        let table = Table {
            columns: vec!["A&B"],
            rows: vec![vec!["<script>alert('x')</script>\n\"q\"".into()]],
        };
        let html = render(&table);
        assert!(html.contains("<th scope=\"col\">A&amp;B</th>"));
        assert!(
            html.contains(
                "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>&quot;q&quot;</td>"
            )
        );
        assert!(!html.contains("<script>"));
    }
}
