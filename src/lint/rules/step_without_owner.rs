//! `step-without-owner`: a next step that nobody will take by any date.

use crate::lint::prelude::*;
use crate::model::{RecordKind, practice};

declare_rule! {
    /// ## What it does
    /// Warns about a next `step` that lacks an `owner` or a `due` date.
    ///
    /// ## Why is this bad?
    /// The deliverable template lists each recommended next step *with owner and
    /// timeline*. A step without them is a wish: the review ends, and nothing happens.
    ///
    /// ## Example
    /// ```arch
    /// step "Provision sandbox tenant" { owner: "Vendor SE" }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// step "Provision sandbox tenant" { owner: "Vendor SE", due: 2026-11-28 }
    /// ```
    pub(crate) static STEP_WITHOUT_OWNER = Rule {
        id: StepWithoutOwner,
        kind: Warning,
        summary: "a next step lacks `owner` or `due`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (id, step) in model.records_of_kind(RecordKind::Step) {
        let missing = practice::untracked(step);
        if missing.is_empty() {
            continue;
        }
        cx.report(
            &STEP_WITHOUT_OWNER,
            Subject::Record(id),
            step.spans.head,
            format!(
                "next step {} has no {}",
                record_name(step),
                either(&missing)
            ),
        )
        .help("add `owner:` (who does it) and `due:` (by when, YYYY-MM-DD)");
    }
}
