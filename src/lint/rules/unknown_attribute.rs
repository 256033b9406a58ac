//! `unknown-attribute`: an attribute key the declaration does not know. Emitted by the
//! model while it checks attributes; registered here for `explain`, the config and
//! `allow:`, which `lint::configure` applies to it.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Warns about an attribute key that the declaration does not take, such as `ownr` on
    /// a system or `supports` on a system. The help suggests the nearest known key, or
    /// says which declarations take the key.
    ///
    /// ## Why is this bad?
    /// An unknown key is ignored: a misspelled `owner` leaves the system without an owner
    /// in the inventory, the report and the other checks, while the file looks complete.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { kind: erp, ownr: "Finance IT" }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { kind: erp, owner: "Finance IT" }
    /// }
    /// ```
    pub(crate) static UNKNOWN_ATTRIBUTE = Rule {
        id: UnknownAttribute,
        kind: Warning,
        summary: "an attribute key that the declaration does not know",
        check: None,
    };
}
