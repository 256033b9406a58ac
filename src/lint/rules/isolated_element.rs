//! `isolated-element`: a system or module that integrates with nothing.

use crate::lint::prelude::*;
use crate::model::ElementKind;

declare_rule! {
    /// ## What it does
    /// Warns about a `system` or `module` that no connection starts or ends at.
    ///
    /// ## Why is this bad?
    /// An architecture review maps how the solution integrates into the customer's
    /// environment: current-state data flows and proposed integration points. An element
    /// that connects to nothing is either a connection nobody has written down yet, or a
    /// box that plays no part in the integration and clutters the diagram.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    ///   system crm "Salesforce"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    ///   system crm "Salesforce"
    /// }
    ///
    /// crm -> erp : rest
    /// ```
    pub(crate) static ISOLATED_ELEMENT = Rule {
        id: IsolatedElement,
        kind: Warning,
        summary: "a system or module has no connection",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (i, element) in model.elements.iter().enumerate() {
        if !matches!(element.kind, ElementKind::System | ElementKind::Module) {
            continue;
        }
        let id = crate::model::ElementId(i as u32);
        if model.is_connected(id) {
            continue;
        }
        cx.report(
            &ISOLATED_ELEMENT,
            Subject::Element(id),
            element.spans.id,
            format!("{} `{}` has no connection", element.kind.name(), element.id),
        )
        .help("connect it to what it exchanges data with, or remove it if it plays no part in the integration");
    }
}
