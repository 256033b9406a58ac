//! CSV (RFC 4180), written by hand: the format is a dozen lines of quoting, and a crate
//! would add a dependency for no gain.
//!
//! Choices, each for a spreadsheet opening the file by double-click:
//! - a UTF-8 byte-order mark first: Excel reads a CSV without one in the legacy code page
//!   and garbles every non-ASCII name ("CiarÃ¡n"); LibreOffice and CSV libraries (Python's
//!   `utf-8-sig`, Rust's `csv`) recognise and skip it;
//! - CRLF line ends between records, as RFC 4180 specifies; a newline within a
//!   cell stays as written, inside quotes;
//! - a field is quoted when it holds a comma, a quote, CR or LF, or starts or ends with a
//!   space (some readers trim unquoted space); quotes are doubled;
//! - a cell that starts with `=`, `+`, `-`, `@`, a tab or CR gets a `'` in front (OWASP's
//!   advice against CSV injection): a spreadsheet would otherwise run it as a formula, and
//!   a review quotes customers' words, which anyone may have written. The `'` tells Excel
//!   and LibreOffice to show the rest as text; a CSV library reads it as part of the cell;
//! - unprintable characters (ESC, BEL, U+FFFE, ...) become U+FFFD, as in every output
//!   ([`crate::printable`]), so that `cat` on the file cannot drive the terminal.

use crate::printable::replace_unprintable;
use crate::table::Table;

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

pub fn render(table: &Table) -> String {
    let mut out = String::from(BOM);
    push_record(&mut out, table.columns.iter().copied());
    for row in &table.rows {
        push_record(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

fn push_field(out: &mut String, field: &str) {
    let field = neutralised(&replace_unprintable(field));
    if needs_quotes(&field) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&field);
    }
}

/// The cell as a spreadsheet should show it: text, never a formula.
fn neutralised(field: &str) -> String {
    if field.starts_with(FORMULA_STARTS) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

fn needs_quotes(field: &str) -> bool {
    field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        let table = Table {
            columns: vec!["A", "B"],
            rows: vec![
                vec!["plain".into(), "a, b".into()],
                vec!["say \"hi\"".into(), "two\nlines".into()],
                vec![String::new(), " padded".into()],
            ],
        };
        assert_eq!(
            render(&table),
            "\u{feff}A,B\r\nplain,\"a, b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n,\" padded\"\r\n"
        );
    }
}
