//! `duplicate-id`: two declarations share an ID. Emitted by the model's first pass.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a declaration whose ID an earlier declaration already took. Elements,
    /// persons and records share one namespace, so a person and a system cannot both be
    /// called `dana`.
    ///
    /// ## Why is this bad?
    /// Every reference to the ID (a connection end, an `owner`) would be ambiguous. This is
    /// an error; it cannot be turned off or silenced with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// person dana "Dana Lee" { role: se, org: vendor }
    ///
    /// customer acme "Acme Corp" {
    ///   system dana "Data Warehouse" { kind: data-warehouse }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// person dana "Dana Lee" { role: se, org: vendor }
    ///
    /// customer acme "Acme Corp" {
    ///   system dwh "Data Warehouse" { kind: data-warehouse }
    /// }
    /// ```
    pub(crate) static DUPLICATE_ID = Rule {
        id: DuplicateId,
        kind: Error,
        summary: "two declarations share an ID",
        check: None,
    };
}
