//! The language reference, written from the compiler's own tables: every declaration kind,
//! its keys, each key's type and value set with display labels, and the method vocabulary.
//! `archc schema` prints it, and `docs/language.md` carries it verbatim (a test keeps the two
//! equal), so what the reference lists is what the compiler accepts.

use std::fmt::Write;

use crate::model::schema::{self, Holder, ValueType};
use crate::model::vocab::{Family, Method, Vocabulary};

/// The reference of every declaration kind, then the methods.
pub fn all() -> String {
    let mut out = String::new();
    for holder in Holder::ALL {
        out.push_str(&holder_section(holder));
        out.push('\n');
    }
    out.push_str(&methods_section());
    out
}

/// The reference of one declaration kind (`system`) or of `methods`; `None` for a name that
/// is neither.
pub fn one(kind: &str) -> Option<String> {
    if kind == "methods" || kind == "method" {
        return Some(methods_section());
    }
    Holder::ALL
        .into_iter()
        .find(|h| h.name() == kind)
        .map(holder_section)
}

/// The names `one` takes, for a usage message.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    Holder::ALL.into_iter().map(Holder::name).chain(["methods"])
}

fn holder_section(holder: Holder) -> String {
    let mut out = format!("### `{}`\n\n", holder.name());
    out.push_str("| key | takes | values (display label) |\n|---|---|---|\n");
    for &(key, ty) in schema::keys(holder) {
        let _ = writeln!(out, "| `{key}` | {} | {} |", takes(ty), values(ty));
    }
    let _ = writeln!(
        out,
        "| `{}` | list of rule names | the warning rules silenced for this declaration alone |",
        schema::ALLOW
    );
    out
}

fn takes(ty: ValueType) -> &'static str {
    match ty {
        ValueType::Text => "text",
        ValueType::OneOf(_) => "one of",
        ValueType::ListOf(_) => "list of",
        ValueType::Date => "date",
        ValueType::Owner => "owner",
        ValueType::Person => "person ID",
        ValueType::Customer => "customer ID",
        ValueType::Methods => "list of methods",
    }
}

fn values(ty: ValueType) -> String {
    match ty {
        ValueType::Text => "a string, name or number, kept as written".into(),
        ValueType::OneOf(set) | ValueType::ListOf(set) => terms(set),
        ValueType::Date => "`YYYY-MM-DD`".into(),
        ValueType::Owner => "a person ID, or a team in quotes (`\"Finance IT\"`)".into(),
        ValueType::Person => "a declared `person`".into(),
        ValueType::Customer => "a declared `customer`".into(),
        ValueType::Methods => "see [methods](#methods)".into(),
    }
}

/// `` `soc2` (SOC 2), `gdpr` (GDPR) ``: the label only where it differs from the value.
fn terms(set: &Vocabulary) -> String {
    let shown: Vec<String> = set
        .terms
        .iter()
        .map(|t| {
            if t.label == t.value {
                format!("`{}`", t.value)
            } else {
                format!("`{}` ({})", t.value, t.label)
            }
        })
        .collect();
    shown.join(", ")
}

fn methods_section() -> String {
    let mut out = String::from("### methods\n\n| family | method (display label) |\n|---|---|\n");
    for family in Family::ALL {
        let methods: Vec<String> = Method::all()
            .filter(|m| m.family() == family)
            .map(|m| format!("`{}` ({})", m.name(), m.label()))
            .collect();
        let _ = writeln!(out, "| {} | {} |", family.name(), methods.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_key_of_every_kind() {
        let text = all();
        for holder in Holder::ALL {
            assert!(text.contains(&format!("### `{}`", holder.name())));
            for (key, _) in schema::keys(holder) {
                assert!(text.contains(&format!("| `{key}` |")), "{key}");
            }
        }
        for method in Method::all() {
            assert!(text.contains(&format!("`{}` ({})", method.name(), method.label())));
        }
    }

    #[test]
    fn one_kind() {
        let customer = one("customer").unwrap();
        assert!(customer.contains("| `compliance` | list of | `soc2` (SOC 2), `hipaa` (HIPAA)"));
        assert!(
            customer.contains("`cloud`, `on-prem`, `hybrid`"),
            "{customer}"
        );
        assert!(
            one("methods")
                .unwrap()
                .contains("| identity | `saml` (SSO/SAML)")
        );
        assert_eq!(one("nope"), None);
        assert_eq!(kinds().count(), Holder::ALL.len() + 1);
    }
}
