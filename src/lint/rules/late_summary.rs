//! `late-summary`: the review's summary did not go out within 48 hours after the session.

use crate::lint::prelude::*;
use crate::model::practice::{self, SummaryTiming};

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when `summary_sent` is missing, is more
    /// than 2 days after the review's `date`, or is before it. A summary sent before the
    /// session it summarises is a wrong date (or a deliverable written before the
    /// discussion); either way the record does not show a summary sent in time.
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
        summary: "`summary_sent` is missing, before `date`, or more than 2 days after it",
        check: Some(check),
    };
}

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let sent = review
        .attrs
        .get("summary_sent")
        .map_or(review.spans.head, |a| a.span);
    match practice::summary_timing(review) {
        // In time, or no review `date` to measure against.
        SummaryTiming::Undated | SummaryTiming::Within { .. } => {}
        SummaryTiming::Missing => {
            cx.report(
                &LATE_SUMMARY,
                Subject::Review,
                review.spans.head,
                "the review has no `summary_sent` date",
            )
            .help("send the summary within 48 hours of the session and record the day: `summary_sent: YYYY-MM-DD`");
        }
        SummaryTiming::Before { days } => {
            cx.report(
                &LATE_SUMMARY,
                Subject::Review,
                sent,
                format!("the summary was sent {} the review", days_before(days)),
            )
            .help("`summary_sent` is the day the summary went out after the session: correct it, or the review's `date`");
        }
        SummaryTiming::Late { days } => {
            cx.report(
                &LATE_SUMMARY,
                Subject::Review,
                sent,
                format!("the summary was sent {days} days after the review, later than 48 hours"),
            )
            .help("deliver the diagram and summary within 48 hours of the session, while the discussion is fresh");
        }
    }
}

/// `1 day before`, `3 days before`.
fn days_before(days: i64) -> String {
    match days {
        1 => "1 day before".to_string(),
        n => format!("{n} days before"),
    }
}
