//! `untyped-connection`: a connection without a method.

use crate::lint::prelude::*;
use crate::model::ConnectionId;

declare_rule! {
    /// ## What it does
    /// Warns about a connection that names no method after a colon (`: rest`,
    /// `: saml`, `: etl, cdc`).
    ///
    /// ## Why is this bad?
    /// Method is a column of the deliverable's integration table, and it is the first
    /// thing the implementation team needs: SSO/SAML, REST API, SFTP and CDC are different
    /// projects. A line between two boxes without a method hides the real integration
    /// question.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    /// }
    /// solution ours "Our Platform" {
    ///   module core "Core Platform"
    /// }
    ///
    /// erp -> core
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    /// }
    /// solution ours "Our Platform" {
    ///   module core "Core Platform"
    /// }
    ///
    /// erp -> core : rest
    /// ```
    pub(crate) static UNTYPED_CONNECTION = Rule {
        id: UntypedConnection,
        kind: Warning,
        summary: "a connection has no method",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (i, c) in model.connections.iter().enumerate() {
        if !c.methods.is_empty() {
            continue;
        }
        let name = connection_name(model, c);
        cx.report(
            &UNTYPED_CONNECTION,
            Subject::Connection(ConnectionId(i as u32)),
            c.spans.id,
            format!("connection `{name}` has no method"),
        )
        .help(format!(
            "name the method after a colon, e.g. `{name} : rest`"
        ));
    }
}
