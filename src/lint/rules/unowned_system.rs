//! `unowned-system`: every customer system has an owner.

use crate::lint::prelude::*;
use crate::model::ElementKind;

declare_rule! {
    /// ## What it does
    /// Warns about a `system` that has no `owner`.
    ///
    /// ## Why is this bad?
    /// Phase 1 of a review maps the customer's environment into an application inventory
    /// *with owners and criticality*. A system nobody owns has nobody to answer its
    /// integration questions, approve access or attend the review, and the inventory
    /// table shows a blank where a name should be.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { kind: erp }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { kind: erp, owner: "Finance IT" }
    /// }
    /// ```
    pub(crate) static UNOWNED_SYSTEM = Rule {
        id: UnownedSystem,
        kind: Warning,
        summary: "a system has no `owner`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (id, system) in model.elements_of_kind(ElementKind::System) {
        if system.attrs.has("owner") {
            continue;
        }
        cx.report(
            &UNOWNED_SYSTEM,
            Subject::Element(id),
            system.spans.id,
            format!("system `{}` has no owner", system.id),
        )
        .help("add `owner:` with a person's ID, or a team name in quotes");
    }
}
