//! `unsupported-method`: a connection promises a method that its solution module does not
//! list in `supports`, and no gap says so.

use crate::lint::prelude::*;
use crate::model::{Connection, ConnectionId, ElementId, ElementKind, Method};

declare_rule! {
    /// ## What it does
    /// Warns about a connection that uses a method which a solution module at one of its
    /// ends does not list in its `supports`, unless a `gap` is declared inside the
    /// connection's block. A module without `supports` makes no claim, and the rule stays
    /// silent for it.
    ///
    /// ## Why is this bad?
    /// "Don't promise integrations your product does not support." A diagram that shows
    /// CDC into a module that only does batch is a promise the product cannot keep;
    /// overcommitting on integrations is a classic review pitfall. Every solution has
    /// gaps, and documenting them proactively builds credibility: put the gap, with its
    /// mitigation, on the connection.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system orders_db "Orders DB" { kind: database }
    /// }
    /// solution ours "Our Platform" {
    ///   module ingest "Data Import Pipeline" { supports: [batch, sftp, etl] }
    /// }
    ///
    /// orders_db -> ingest : cdc
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system orders_db "Orders DB" { kind: database }
    /// }
    /// solution ours "Our Platform" {
    ///   module ingest "Data Import Pipeline" { supports: [batch, sftp, etl] }
    /// }
    ///
    /// orders_db -> ingest : cdc {
    ///   gap "Real-time CDC" {
    ///     requirement: "Real-time CDC from PostgreSQL"
    ///     current: "Batch import (hourly)"
    ///     mitigation: "Webhook-based near-real-time; CDC on roadmap"
    ///   }
    /// }
    /// ```
    pub(crate) static UNSUPPORTED_METHOD = Rule {
        id: UnsupportedMethod,
        kind: Warning,
        summary: "a connection uses a method its module does not list in `supports`, with no gap",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (i, c) in model.connections.iter().enumerate() {
        if !c.gaps.is_empty() {
            continue;
        }
        let ends = if c.from == c.to {
            vec![c.from]
        } else {
            vec![c.from, c.to]
        };
        for end in ends {
            check_end(model, cx, ConnectionId(i as u32), c, end);
        }
    }
}

/// Reports the methods of `c` that the module at `end` does not support.
fn check_end(
    model: &Model,
    cx: &mut LintContext<'_>,
    id: ConnectionId,
    c: &Connection,
    end: ElementId,
) {
    let module = model.element(end);
    if module.kind != ElementKind::Module {
        return;
    }
    let Some(supports) = module.attrs.get("supports") else {
        return;
    };
    let supported = module.attrs.methods("supports");
    let unsupported: Vec<&str> = c
        .methods
        .iter()
        .filter(|m| !supported.contains(m))
        .map(|m| m.name())
        .collect();
    if unsupported.is_empty() {
        return;
    }
    let listed: Vec<&str> = supported.iter().map(|m: &Method| m.name()).collect();
    let listed = if listed.is_empty() {
        "nothing".to_string()
    } else {
        listed.join(", ")
    };
    cx.report(
        &UNSUPPORTED_METHOD,
        Subject::Connection(id),
        c.spans.head,
        format!("module `{}` does not support {}", module.id, either(&unsupported)),
    )
    .secondary(supports.span, format!("`{}` supports {listed}", module.id))
    .help(format!(
        "use a method that `{}` supports, or declare a `gap` inside this connection's block with the requirement and its mitigation",
        module.id
    ));
}
