//! `unspecified-direction`: a connection drawn with `--`, whose direction is not known.

use crate::lint::prelude::*;
use crate::model::Arrow;
use crate::model::ConnectionId;

declare_rule! {
    /// ## What it does
    /// Warns about a connection written with `--`, the arrow that says the direction of the
    /// data flow is not known yet.
    ///
    /// ## Why is this bad?
    /// Direction is a column of the deliverable's integration table (Inbound, Outbound,
    /// Bi-directional). It decides who initiates the connection, which side opens the
    /// firewall and who needs credentials. `--` is fine while drawing; a review that ends
    /// with it has left the question open.
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
    /// erp -- core : rest
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
    /// erp <-> core : rest
    /// ```
    pub(crate) static UNSPECIFIED_DIRECTION = Rule {
        id: UnspecifiedDirection,
        kind: Warning,
        summary: "a connection uses `--`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (i, c) in model.connections.iter().enumerate() {
        if c.arrow != Arrow::Undirected {
            continue;
        }
        cx.report(
            &UNSPECIFIED_DIRECTION,
            Subject::Connection(ConnectionId(i as u32)),
            c.spans.id,
            format!(
                "connection `{}` has no direction",
                connection_name(model, c)
            ),
        )
        .help("say which way the data flows: `->`, `<-`, or `<->` for both ways");
    }
}
