//! `thin-discovery`: more of the product than of the customer's environment.

use crate::lint::prelude::*;
use crate::model::ElementKind;

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when the file's solutions declare more
    /// modules in all than its customers have systems.
    ///
    /// ## Why is this bad?
    /// "Product pitch disguised as architecture review" is the first common pitfall: the
    /// SE spends the session presenting features instead of mapping the customer's
    /// environment. A review whose diagram has more product boxes than customer systems
    /// has the proportions of a pitch. Discovery comes first and takes at least half the
    /// session.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA"
    /// }
    /// solution ours "Our Platform" {
    ///   module auth "Auth Module"
    ///   module core "Core Platform"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// customer acme "Acme Corp" {
    ///   system okta "Okta"
    ///   system erp "SAP S/4HANA"
    /// }
    /// solution ours "Our Platform" {
    ///   module auth "Auth Module"
    ///   module core "Core Platform"
    /// }
    /// ```
    pub(crate) static THIN_DISCOVERY = Rule {
        id: ThinDiscovery,
        kind: Warning,
        summary: "the solutions declare more modules than the customers have systems",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let modules = model.elements_of_kind(ElementKind::Module).count();
    let systems = model.elements_of_kind(ElementKind::System).count();
    if modules <= systems {
        return;
    }
    let systems = match systems {
        0 => "no systems".to_string(),
        1 => "only 1 system".to_string(),
        n => format!("only {n} systems"),
    };
    cx.report(
        &THIN_DISCOVERY,
        Subject::Review,
        review.spans.head,
        format!(
            "the solutions declare {modules} module{}, but the customers have {systems}",
            if modules == 1 { "" } else { "s" }
        ),
    )
    .help("map the customer's environment first: declare the systems the solution integrates with, with their owners and data");
}
