//! `unknown-reference`: a name that should point at a declaration points at nothing.
//! Emitted by the model while it resolves names.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a connection end, an `owner`, an `se` or a review's `customer` that names an
    /// ID no declaration in the file has. The help suggests the nearest declared ID.
    ///
    /// ## Why is this bad?
    /// A connection to nothing cannot be drawn, and an owner who is not declared cannot be
    /// shown with a name and a role. Usually the cause is a typo or a declaration that was
    /// never written. This is an error; it cannot be turned off or silenced with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { owner: priya }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// person priya "Priya Shah" { role: architect, org: customer }
    ///
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { owner: priya }
    /// }
    /// ```
    pub(crate) static UNKNOWN_REFERENCE = Rule {
        id: UnknownReference,
        kind: Error,
        summary: "a connection end, `owner`, `se` or `customer` names an undeclared ID",
        check: None,
    };
}
