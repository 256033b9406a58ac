//! `gap-without-mitigation`: a gap that does not complete the gap analysis.

use crate::lint::prelude::*;
use crate::model::{RecordKind, practice};

declare_rule! {
    /// ## What it does
    /// Warns about a `gap` that lacks `mitigation`, `requirement` or `current`.
    ///
    /// ## Why is this bad?
    /// Phase 3 of a review is the gap analysis: for every integration point, what the
    /// customer requires, what the product can do today, and how the gap will be closed.
    /// "Don't skip the gap analysis": a gap without its mitigation is a surprise waiting
    /// for the implementation, and the deliverable's gaps table shows empty cells.
    ///
    /// ## Example
    /// ```arch
    /// gap "Network isolation" {
    ///   point: "Network"
    ///   requirement: "VPN or private link required"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// gap "Network isolation" {
    ///   point: "Network"
    ///   requirement: "VPN or private link required"
    ///   current: "Public endpoints with TLS"
    ///   mitigation: "AWS PrivateLink available"
    /// }
    /// ```
    pub(crate) static GAP_WITHOUT_MITIGATION = Rule {
        id: GapWithoutMitigation,
        kind: Warning,
        summary: "a gap lacks `mitigation`, `requirement` or `current`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (id, gap) in model.records_of_kind(RecordKind::Gap) {
        let missing = practice::incomplete_gap(gap);
        if missing.is_empty() {
            continue;
        }
        cx.report(
            &GAP_WITHOUT_MITIGATION,
            Subject::Record(id),
            gap.spans.head,
            format!("gap {} has no {}", record_name(gap), either(&missing)),
        )
        .help("complete the gap analysis: `requirement:` (what the customer needs), `current:` (what the product does today) and `mitigation:` (how the gap is closed)");
    }
}
