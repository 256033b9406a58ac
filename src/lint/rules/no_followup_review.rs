//! `no-followup-review`: the review is a one-time exercise.

use crate::lint::prelude::*;

declare_rule! {
    /// ## What it does
    /// In a file with a `review` block, warns when there is no `followup` date, or when it
    /// is not 60 to 120 days after the review's `date`.
    ///
    /// ## Why is this bad?
    /// "One-time exercise" is the sixth common pitfall: the review is done once during the
    /// sale and never revisited, the customer's environment evolves, and the design
    /// drifts. The practice is a post-implementation architecture review at about 90 days.
    ///
    /// ## Example
    /// ```arch
    /// review "Acme billing integration" {
    ///   date: 2026-11-20
    ///   followup: 2026-12-04
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// review "Acme billing integration" {
    ///   date: 2026-11-20
    ///   followup: 2027-02-18
    /// }
    /// ```
    pub(crate) static NO_FOLLOWUP_REVIEW = Rule {
        id: NoFollowupReview,
        kind: Warning,
        summary: "no `followup`, or it is not 60 to 120 days after `date`",
        check: Some(check),
    };
}

/// The window around the 90-day post-implementation review, in days.
const WINDOW: std::ops::RangeInclusive<i64> = 60..=120;

fn check(model: &Model, cx: &mut LintContext<'_>) {
    let Some(review) = &model.review else { return };
    let Some(followup) = review.attrs.get("followup") else {
        cx.report(
            &NO_FOLLOWUP_REVIEW,
            Subject::Review,
            review.spans.head,
            "the review schedules no follow-up review",
        )
        .help("schedule the post-implementation review about 90 days out: `followup: YYYY-MM-DD`");
        return;
    };
    let (Some(date), Some(on)) = (review.attrs.date("date"), review.attrs.date("followup")) else {
        return;
    };
    let days = date.days_until(on);
    if WINDOW.contains(&days) {
        return;
    }
    let message = if days < 0 {
        format!("the follow-up review is {} days before the review", -days)
    } else {
        format!("the follow-up review is {days} days after the review, outside 60 to 120 days")
    };
    cx.report(&NO_FOLLOWUP_REVIEW, Subject::Review, followup.span, message)
        .help("schedule the post-implementation review 60 to 120 days after the session (90 is the practice)");
}
