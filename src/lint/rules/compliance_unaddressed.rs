//! `compliance-unaddressed`: a regulated customer's system joins a proposed integration
//! without saying what data it holds.

use crate::lint::prelude::*;
use crate::model::{ConnectionId, ElementId, practice};

declare_rule! {
    /// ## What it does
    /// Warns about a system on a proposed connection that has no `data` classification,
    /// when its customer lists `hipaa`, `pci-dss` or `gdpr` in `compliance`.
    ///
    /// ## Why is this bad?
    /// "Don't gloss over security and compliance. If the customer is regulated, these
    /// requirements are non-negotiable and must be addressed explicitly." Phase 1 captures
    /// the data classification of every source; without it nobody can tell whether the new
    /// integration moves patient records, card data or personal data, and the review
    /// cannot say how that is protected.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   compliance: [soc2, gdpr]
    ///   system erp "SAP S/4HANA" { kind: erp }
    /// }
    /// solution ours "Our Platform" {
    ///   module core "Core Platform"
    /// }
    ///
    /// erp <-> core : rest
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   compliance: [soc2, gdpr]
    ///   system erp "SAP S/4HANA" { kind: erp, data: [pii, confidential] }
    /// }
    /// solution ours "Our Platform" {
    ///   module core "Core Platform"
    /// }
    ///
    /// erp <-> core : rest
    /// ```
    pub(crate) static COMPLIANCE_UNADDRESSED = Rule {
        id: ComplianceUnaddressed,
        kind: Warning,
        summary: "a regulated customer's system on a proposed connection has no `data` classification",
        check: Some(check),
    };
}

/// The regimes under which the data a system holds must be known.
const REGULATED: [&str; 3] = ["hipaa", "pci-dss", "gdpr"];

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (system, connection) in practice::unclassified_on_proposed(model) {
        if let Some(regime) = regulation(model, system) {
            report(model, cx, system, connection, regime);
        }
    }
}

/// The system's customer and the first regime it lists under which data must be known.
fn regulation(model: &Model, system: ElementId) -> Option<(ElementId, &'static str)> {
    let customer = model.customer_of(system)?;
    let regime = model
        .element(customer)
        .attrs
        .words("compliance")
        .iter()
        .copied()
        .find(|c| REGULATED.contains(c))?;
    Some((customer, regime))
}

fn report(
    model: &Model,
    cx: &mut LintContext<'_>,
    system: ElementId,
    connection: ConnectionId,
    (customer, regime): (ElementId, &str),
) {
    let s = model.element(system);
    let c = model.connection(connection);
    cx.report(
        &COMPLIANCE_UNADDRESSED,
        Subject::Element(system),
        s.spans.id,
        format!(
            "system `{}` has no `data` classification, but `{}` is subject to `{regime}`",
            s.id,
            model.element(customer).id
        ),
    )
    .secondary(c.spans.id, "on this proposed connection")
    .help("add `data: [...]` (pii, phi, pci, confidential, internal or public) so the review shows which regulated data the integration touches");
}
