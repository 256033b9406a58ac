//! Small predicates and phrases that several rules share.

use crate::model::{Connection, Model, Record};

/// A connection as written: `FROM ARROW TO`, e.g. `okta -> auth`.
pub(crate) fn connection_name(model: &Model, c: &Connection) -> String {
    format!(
        "{} {} {}",
        model.element(c.from).id,
        c.arrow.as_str(),
        model.element(c.to).id
    )
}

/// A record as a message names it: its ID in backticks, or its text in quotes.
pub(crate) fn record_name(record: &Record) -> String {
    match &record.id {
        Some(id) => format!("`{id}`"),
        None => format!("\"{}\"", crate::diagnostic::printable(&record.text)),
    }
}

/// Names in backticks joined as a sentence does: "`a`", "`a` or `b`", "`a`, `b` or `c`".
pub(crate) fn either(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::either;

    #[test]
    fn either_joins_like_a_sentence() {
        assert_eq!(either(&[]), "");
        assert_eq!(either(&["owner"]), "`owner`");
        assert_eq!(either(&["owner", "due"]), "`owner` or `due`");
        assert_eq!(either(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
