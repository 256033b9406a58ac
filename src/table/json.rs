//! JSON: an array of objects, one per row, keyed by column header in column order.
//!
//! Written by hand around `serde_json`'s string escaping, because a `serde_json::Map`
//! sorts its keys unless the `preserve_order` feature is on, and the column order is part
//! of the contract.

use crate::printable::escape_unprintable_in_json;
use crate::table::Table;

pub fn render(table: &Table) -> String {
    if table.rows.is_empty() {
        return "[]\n".to_string();
    }
    let objects: Vec<String> = table
        .rows
        .iter()
        .map(|row| object(&table.columns, row))
        .collect();
    format!("[\n{}\n]\n", objects.join(",\n"))
}

fn object(columns: &[&str], row: &[String]) -> String {
    let members: Vec<String> = columns
        .iter()
        .zip(row)
        .map(|(key, value)| format!("    {}: {}", string(key), string(value)))
        .collect();
    format!("  {{\n{}\n  }}", members.join(",\n"))
}

fn string(text: &str) -> String {
    // Serializing a `&str` cannot fail; the fallback keeps the output valid JSON anyway.
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string());
    // Unprintable characters as escapes: the same text, nothing a terminal obeys.
    escape_unprintable_in_json(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_column_order_and_values_are_escaped() {
        let table = Table {
            columns: vec!["Z", "A"],
            rows: vec![vec!["say \"hi\"\n".into(), String::new()]],
        };
        let text = render(&table);
        assert_eq!(
            text,
            "[\n  {\n    \"Z\": \"say \\\"hi\\\"\\n\",\n    \"A\": \"\"\n  }\n]\n"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value[0]["Z"], "say \"hi\"\n");
    }

    #[test]
    fn an_empty_table_is_an_empty_array() {
        let table = Table {
            columns: vec!["A"],
            rows: vec![],
        };
        assert_eq!(render(&table), "[]\n");
    }
}
