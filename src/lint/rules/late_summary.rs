//! `late-summary`: the review's summary went out more than 48 hours after the session.

use crate::lint::prelude::*;

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when `summary_sent` is missing, or is more
    /// than 2 days after the review's `date`.
    ///
    /// ## Why is this bad?
    /// The practice is to deliver the finalized diagram and written summary within 48
    /// hours: the prospect's memory is freshest right after the session. "No deliverable"
    /// is the third common pitfall: a session with great discussion and no artifact, and
    /// two weeks later nobody remembers the details.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" {
    ///   date: 2026-11-20
    ///   summary_sent: 2026-11-27
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" {
    ///   date: 2026-11-20
    ///   summary_sent: 2026-11-21
    /// }
    /// ```
    pub(crate) static LATE_SUMMARY = Rule {
        id: LateSummary,
        kind: Warning,
        summary: "`summary_sent` is more than 2 days after `date`, or missing",
        check: Some(check),
    };
}

/// 48 hours, in whole days.
const MAX_DAYS: i64 = 2;

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let Some(sent) = review.attrs.get("summary_sent") else {
        cx.report(
            &LATE_SUMMARY,
            Subject::Review,
            review.spans.head,
            "the review has no `summary_sent` date",
        )
        .help("send the summary within 48 hours of the session and record the day: `summary_sent: YYYY-MM-DD`");
        return;
    };
    let (Some(date), Some(sent_on)) =
        (review.attrs.date("date"), review.attrs.date("summary_sent"))
    else {
        return;
    };
    let days = date.days_until(sent_on);
    if days <= MAX_DAYS {
        return;
    }
    cx.report(
        &LATE_SUMMARY,
        Subject::Review,
        sent.span,
        format!("the summary was sent {days} days after the review, later than 48 hours"),
    )
    .help("deliver the diagram and summary within 48 hours of the session, while the discussion is fresh");
}
