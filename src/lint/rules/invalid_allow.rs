//! `invalid-allow`: an `allow:` entry that silences nothing.

use crate::diagnostic::RuleId;
use crate::lint::prelude::*;
use crate::lint::registry;
use crate::lint::rule::Kind;
use crate::model::{Allowed, ConnectionId, ElementId, PersonId, RecordId};

declare_rule! {
    /// ## What it does
    /// Warns about a name in `allow: [...]` that is not a rule, that is a rule's code
    /// rather than its name, or that names an error-level rule, which `allow:` cannot
    /// silence. The help suggests the nearest rule name.
    ///
    /// ## Why is this bad?
    /// A misspelled suppression silences nothing, so the warning it was meant to
    /// acknowledge stays, or worse, the author believes a finding was reviewed when the
    /// rule still fires elsewhere. Error-level rules mean the file is malformed; they are
    /// fixed, never silenced.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system legacy "Legacy Mainframe" { allow: [unowned-sytem, syntax] }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system legacy "Legacy Mainframe" { allow: [unowned-system] }
    /// }
    /// ```
    pub(crate) static INVALID_ALLOW = Rule {
        id: InvalidAllow,
        kind: Warning,
        summary: "`allow:` names an unknown rule, a code, or an error-level rule",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    if let Some(review) = &model.review {
        check_list(cx, Subject::Review, &review.allow);
    }
    for (i, e) in model.elements.iter().enumerate() {
        check_list(cx, Subject::Element(ElementId(i as u32)), &e.allow);
    }
    for (i, p) in model.persons.iter().enumerate() {
        check_list(cx, Subject::Person(PersonId(i as u32)), &p.allow);
    }
    for (i, c) in model.connections.iter().enumerate() {
        check_list(cx, Subject::Connection(ConnectionId(i as u32)), &c.allow);
    }
    for (i, r) in model.records.iter().enumerate() {
        check_list(cx, Subject::Record(RecordId(i as u32)), &r.allow);
    }
    if let Some(nfr) = &model.nfr {
        check_list(cx, Subject::Nfr, &nfr.allow);
    }
}

fn check_list(cx: &mut LintContext<'_>, subject: Subject, list: &[Allowed]) {
    for allowed in list {
        let name = allowed.name.as_str();
        let (message, help) = match allowed.rule.map(registry::rule) {
            Some(rule) if rule.kind == Kind::Error => (
                format!("`allow` cannot silence the error-level rule `{name}`"),
                "remove it from `allow` and fix the error; error-level rules cannot be silenced"
                    .to_string(),
            ),
            Some(_) => continue,
            None => match RuleId::from_code(name) {
                Some(rule) => (
                    format!("`allow` takes rule names, not codes like `{name}`"),
                    format!("write `{}`, the name of {}", rule.name(), rule.code()),
                ),
                None => (
                    format!("unknown rule `{name}` in `allow`"),
                    match registry::suggest(name) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "`archc explain` lists every rule".to_string(),
                    },
                ),
            },
        };
        cx.report(&INVALID_ALLOW, subject, allowed.span, message)
            .help(help);
    }
}
