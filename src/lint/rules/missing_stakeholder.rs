//! `missing-stakeholder`: a role the environment calls for has nobody in the review.

use crate::lint::prelude::*;
use crate::model::{ElementKind, Family};
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

const SENSITIVE_DATA: [&str; 3] = ["pii", "phi", "pci"];

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let head = review.spans.head;
    if !has_role(model, "dba") {
        if let Some((span, why)) = database(model) {
            report(
                cx,
                head,
                "dba",
                format!("the review has no `dba`, but {why}"),
                Some(span),
            );
        }
    }
    if !has_role(model, "security") {
        let reasons = [
            method_of_family(model, Family::Identity),
            sensitive_data(model),
        ];
        if let Some((span, why)) = reasons.into_iter().flatten().min_by_key(|(s, _)| *s) {
            let message = format!("the review has no `security` person, but {why}");
            report(cx, head, "security", message, Some(span));
        }
    }
    if !has_role(model, "network") {
        if let Some((span, why)) = method_of_family(model, Family::Network) {
            let message = format!("the review has no `network` person, but {why}");
            report(cx, head, "network", message, Some(span));
        }
    }
    let customer_architect = model
        .persons_with_role("architect")
        .any(|p| matches!(p.org(), None | Some("customer")));
    if !customer_architect {
        let message = "the review has no customer `architect`".to_string();
        report(cx, head, "architect", message, None);
    }
}

fn report(cx: &mut LintContext<'_>, head: Span, role: &str, message: String, cause: Option<Span>) {
    let finding = cx
        .report(&MISSING_STAKEHOLDER, Subject::Review, head, message)
        .help(format!(
            "ask the champion who should attend, and declare them: `person id \"Name\" {{ role: {role}, org: customer }}`"
        ));
    if let Some(span) = cause {
        finding.secondary(span, format!("this calls for `role: {role}`"));
    }
}

fn has_role(model: &Model, role: &str) -> bool {
    model.persons_with_role(role).next().is_some()
}

/// The first system of `kind: database`, with the sentence that names it.
fn database(model: &Model) -> Option<(Span, String)> {
    let (_, system) = model
        .elements_of_kind(ElementKind::System)
        .find(|(_, s)| s.attrs.text("kind") == Some("database"))?;
    Some((system.spans.id, format!("`{}` is a database", system.id)))
}

/// The first connection that uses a method of `family`.
fn method_of_family(model: &Model, family: Family) -> Option<(Span, String)> {
    model.connections.iter().find_map(|c| {
        let method = c.methods.iter().find(|m| m.family() == family)?;
        let name = connection_name(model, c);
        Some((c.spans.id, format!("`{name}` uses `{}`", method.name())))
    })
}

/// The first system that holds pii, phi or pci data.
fn sensitive_data(model: &Model) -> Option<(Span, String)> {
    model
        .elements_of_kind(ElementKind::System)
        .find_map(|(_, system)| {
            let class = system
                .attrs
                .words("data")
                .iter()
                .find(|d| SENSITIVE_DATA.contains(d))?;
            Some((
                system.spans.id,
                format!("`{}` holds `{class}` data", system.id),
            ))
        })
}
