//! `missing-nfr`: the review does not cover the non-functional requirements.

use crate::lint::prelude::*;
use crate::model::practice::{self, NfrAspect};

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when there is no `nfr` block, or when the
    /// `nfr` block lacks `performance`, disaster recovery (any of `rpo`, `rto`, `dr`) or
    /// `residency`.
    ///
    /// ## Why is this bad?
    /// Ignoring non-functional requirements is the fifth common pitfall: the review covers
    /// features and integrations but skips performance, scalability, disaster recovery
    /// and data residency, and they surface in security review or after go-live. The
    /// practice is to make them a standard section of every review.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// nfr {
    ///   availability: "99.9%"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" { date: 2026-11-20 }
    ///
    /// nfr {
    ///   performance: "p95 < 300 ms for order sync"
    ///   availability: "99.9%"
    ///   rpo: "1h"
    ///   rto: "4h"
    ///   residency: eu
    /// }
    /// ```
    pub(crate) static MISSING_NFR = Rule {
        id: MissingNfr,
        kind: Warning,
        summary: "no `nfr` block, or it lacks performance, DR or residency",
        check: Some(check),
    };
}

const HELP: &str = "add `performance:`, disaster recovery (`rpo:` and `rto:`, or `dr:`) and `residency:` to the `nfr` block";

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let (Some(nfr), Some(coverage)) = (&model.nfr, practice::nfr_coverage(model)) else {
        cx.report(
            &MISSING_NFR,
            Subject::Review,
            review.spans.head,
            "the review has no `nfr` block",
        )
        .help(format!("declare `nfr {{ ... }}`: {HELP}"));
        return;
    };
    let missing: Vec<String> = coverage.missing.into_iter().map(phrase).collect();
    let Some((last, rest)) = missing.split_last() else {
        return;
    };
    let list = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} or {last}", rest.join(", "))
    };
    cx.report(
        &MISSING_NFR,
        Subject::Nfr,
        nfr.spans.head,
        format!("the `nfr` block has no {list}"),
    )
    .help(HELP);
}

/// `` `performance` ``, `` disaster recovery (`rpo`, `rto` or `dr`) ``.
fn phrase(aspect: NfrAspect) -> String {
    let keys = either(aspect.keys());
    match aspect {
        NfrAspect::DisasterRecovery => format!("disaster recovery ({keys})"),
        NfrAspect::Performance | NfrAspect::Residency => keys,
    }
}
