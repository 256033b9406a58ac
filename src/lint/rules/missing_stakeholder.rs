//! `missing-stakeholder`: a role the environment calls for has nobody in the review.

use crate::lint::prelude::*;
use crate::model::practice::{self, Need, Role};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when a role that the environment calls for
    /// has no `person`:
    /// - a system of `kind: database`, but no `dba`;
    /// - an identity method (`saml`, `oidc`, `oauth2`, `scim`, `ldap`) or a system holding
    ///   `pii`, `phi` or `pci` data, but no `security` person;
    /// - a network method (`vpn`, `privatelink`, `peering`), but no `network` person;
    /// - no customer `architect` at all.
    ///
    /// The finding points at the `review` block, with a second label on what calls for
    /// the role.
    ///
    /// ## Why is this bad?
    /// Missing stakeholders is the second common pitfall of architecture reviews: the
    /// review happens with only the champion, and critical requirements from the DBA, the
    /// security team or the network team surface later. A deployment that needs them to
    /// coordinate can add months to the timeline. The participants are the prospect's lead
    /// architect plus the relevant system owners.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// person priya "Priya Shah" { role: architect, org: customer }
    ///
    /// customer acme "Acme Corp" {
    ///   system orders_db "Orders DB" { kind: database }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// person priya "Priya Shah" { role: architect, org: customer }
    /// person omar  "Omar Reyes" { role: dba,       org: customer }
    ///
    /// customer acme "Acme Corp" {
    ///   system orders_db "Orders DB" { kind: database, owner: omar }
    /// }
    /// ```
    pub(crate) static MISSING_STAKEHOLDER = Rule {
        id: MissingStakeholder,
        kind: Warning,
        summary: "a role the environment calls for (dba, security, network, architect) is absent",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    for attendance in practice::stakeholders(model) {
        if !attendance.is_missing() {
            continue;
        }
        let role = attendance.role.name();
        // The earliest cause in the file is the one the finding points at.
        let cause = attendance
            .needs
            .iter()
            .filter_map(|&need| cause(model, need))
            .min_by_key(|(span, _)| *span);
        let message = match (attendance.role, &cause) {
            (Role::Architect, _) | (_, None) => "the review has no customer `architect`".into(),
            (Role::Dba, Some((_, why))) => format!("the review has no `dba`, but {why}"),
            (_, Some((_, why))) => format!("the review has no `{role}` person, but {why}"),
        };
        let finding = cx
            .report(&MISSING_STAKEHOLDER, Subject::Review, review.spans.head, message)
            .help(format!(
                "ask the champion who should attend, and declare them: `person id \"Name\" {{ role: {role}, org: customer }}`"
            ));
        if let Some((span, _)) = cause {
            finding.secondary(span, format!("this calls for `role: {role}`"));
        }
    }
}

/// Where a need stands in the file, and the sentence that names it.
fn cause(model: &Model, need: Need) -> Option<(Span, String)> {
    match need {
        Need::Always => None,
        Need::Database(id) => {
            let system = model.element(id);
            Some((system.spans.id, format!("`{}` is a database", system.id)))
        }
        Need::Method(id, method) => {
            let c = model.connection(id);
            let name = connection_name(model, c);
            Some((c.spans.id, format!("`{name}` uses `{}`", method.name())))
        }
        Need::SensitiveData(id, class) => {
            let system = model.element(id);
            let why = format!("`{}` holds `{class}` data", system.id);
            Some((system.spans.id, why))
        }
    }
}
