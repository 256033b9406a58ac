//! `question-without-owner`: an open question that nobody will answer by any date.

use crate::lint::prelude::*;
use crate::model::{RecordKind, practice};

declare_rule! {
    /// ## What it does
    /// Warns about an open `question` that lacks an `owner` or a `due` date.
    ///
    /// ## Why is this bad?
    /// The review checklist asks that open questions have assigned owners and follow-up
    /// dates. A question with neither is not tracked: two weeks later nobody remembers who
    /// was going to find out.
    ///
    /// ## Example
    /// ```arch
    /// question "Which Okta tenant hosts the SAML app?"
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// question "Which Okta tenant hosts the SAML app?" { owner: "Identity team", due: 2026-12-01 }
    /// ```
    pub(crate) static QUESTION_WITHOUT_OWNER = Rule {
        id: QuestionWithoutOwner,
        kind: Warning,
        summary: "an open question lacks `owner` or `due`",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    for (id, question) in model.records_of_kind(RecordKind::Question) {
        let missing = practice::untracked(question);
        if missing.is_empty() {
            continue;
        }
        cx.report(
            &QUESTION_WITHOUT_OWNER,
            Subject::Record(id),
            question.spans.head,
            format!(
                "open question {} has no {}",
                record_name(question),
                either(&missing)
            ),
        )
        .help("add `owner:` (who finds the answer) and `due:` (by when, YYYY-MM-DD)");
    }
}
