//! `missing-integration-detail`: a proposed connection without `data` or `frequency`.

use crate::lint::prelude::*;
use crate::model::{ConnectionId, Status};

declare_rule! {
    /// ## What it does
    /// Warns about a proposed connection (one that touches the solution) that does not say
    /// what data it carries (`data:`) or how often (`frequency:`).
    ///
    /// ## Why is this bad?
    /// The deliverable's integration table has a Data and a Frequency column for every
    /// integration point: what flows and how fresh it must be decide between a webhook, a
    /// nightly batch and CDC, and they size the work. A proposed integration without them
    /// is not designed yet.
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
    /// erp -> core : rest
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
    /// erp -> core : rest { data: "orders, invoices", frequency: realtime }
    /// ```
    pub(crate) static MISSING_INTEGRATION_DETAIL = Rule {
        id: MissingIntegrationDetail,
        kind: Warning,
        summary: "a proposed connection lacks `data` or `frequency`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (i, c) in model.connections.iter().enumerate() {
        if c.status != Status::Proposed {
            continue;
        }
        let missing: Vec<&str> = ["data", "frequency"]
            .into_iter()
            .filter(|k| !c.attrs.has(k))
            .collect();
        if missing.is_empty() {
            continue;
        }
        cx.report(
            &MISSING_INTEGRATION_DETAIL,
            Subject::Connection(ConnectionId(i as u32)),
            c.spans.id,
            format!(
                "proposed connection `{}` has no {}",
                connection_name(model, c),
                either(&missing)
            ),
        )
        .help("add `data: \"...\"` (what flows) and `frequency:` (realtime, near-realtime, hourly, daily, weekly, monthly or on-demand)");
    }
}
