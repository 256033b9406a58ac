//! `invalid-value`: a known attribute with a value it cannot take. Emitted by the model.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a value outside an attribute's set (`criticality: urgent`), a date that is
    /// malformed or does not exist (`2026-02-30`), a value of the wrong type (a list where
    /// one value is expected, a system where a person is expected), or a key set twice.
    ///
    /// ## Why is this bad?
    /// The tables, the report and the lint rules read these values; a value outside the
    /// set has no meaning for them. This is an error; it cannot be turned off or silenced
    /// with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" { date: 2026-02-30 }
    ///
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { criticality: urgent }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" { date: 2026-02-27 }
    ///
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { criticality: critical }
    /// }
    /// ```
    pub(crate) static INVALID_VALUE = Rule {
        id: InvalidValue,
        kind: Error,
        summary: "an attribute value is outside its set, a bad date or the wrong type",
        check: None,
    };
}
