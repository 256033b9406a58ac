//! `unknown-method`: a connection method outside the closed vocabulary. Emitted by the
//! model.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a connection method, or a method in a module's `supports`, that is not in
    /// the vocabulary of the language (`saml`, `oidc`, `rest`, `kafka`, `cdc`, `sftp`,
    /// `privatelink`, ...). The help suggests the nearest known method.
    ///
    /// ## Why is this bad?
    /// The method decides how an integration is drawn, which family it belongs to and what
    /// the integration table's Method column says. An unknown word means none of that.
    /// This is an error; it cannot be turned off or silenced with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    ///   system crm "Salesforce"
    /// }
    ///
    /// erp -> crm : rests
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    ///   system crm "Salesforce"
    /// }
    ///
    /// erp -> crm : rest
    /// ```
    pub(crate) static UNKNOWN_METHOD = Rule {
        id: UnknownMethod,
        kind: Error,
        summary: "a connection method is outside the vocabulary",
        check: None,
    };
}
