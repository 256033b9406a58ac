//! The Customer Architecture Review method's twelve-item review checklist, each item
//! evaluated from the model as met, not met or not assessable, with the reason and the
//! source lines it rests on.
//!
//! "Not assessable" is an honest answer, not a soft failure: the file records the
//! environment and the plan, not whether an agenda was shared or the customer confirmed.
//!
//! The items a lint rule also judges (stakeholders, gaps, security, NFRs, the summary,
//! open questions) ask `model::practice`, as the rules do, so a rule's finding always
//! means its item is not met. An item may ask more than its rule: timelines on gaps,
//! `compliance` on every customer, `data` on every system of a proposed connection.

use crate::model::practice::{self, Attendance, Need, NfrAspect, Role, SummaryTiming};
use crate::model::{ElementKind, Model, Record, RecordKind, Status as ConnectionStatus};
use crate::report::Lines;
use crate::report::document::{Inline, Text, and_list, count};
use crate::source::Span;
use crate::table::record_text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    NotAssessable,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not met",
            Status::NotAssessable => "not assessable",
        }
    }
}

/// One checklist item and its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The item, worded as in the method.
    pub item: &'static str,
    pub status: Status,
    /// Why, with `(line N)` references into the file.
    pub reason: Vec<Inline>,
}

/// Evaluates the twelve items, in the method's order.
pub fn evaluate(model: &Model, lines: &Lines) -> Vec<Check> {
    let cx = Cx { model, lines };
    vec![
        cx.research(),
        cx.agenda(),
        cx.stakeholders(),
        cx.current_state(),
        cx.proposed(),
        cx.gap_analysis(),
        cx.security(),
        cx.nfr(),
        cx.summary_sent(),
        cx.confirmation(),
        cx.open_questions(),
        cx.prerequisites(),
    ]
}

struct Cx<'a> {
    model: &'a Model,
    lines: &'a Lines,
}

fn check(item: &'static str, status: Status, reason: Text) -> Check {
    Check {
        item,
        status,
        reason: reason.done(),
    }
}

impl Cx<'_> {
    fn cite(&self, spans: impl IntoIterator<Item = Span>) -> String {
        self.lines.cite(spans)
    }

    /// The span of attribute `key` on the review block, or the review's head.
    fn review_span(&self, key: &str) -> Option<Span> {
        let review = self.model.review.as_ref()?;
        Some(review.attrs.get(key).map_or(review.spans.head, |a| a.span))
    }

    fn research(&self) -> Check {
        const ITEM: &str =
            "Pre-meeting research is completed (tech stack, industry, regulatory requirements)";
        let mut evidence = Vec::new();
        for (_, c) in self.model.elements_of_kind(ElementKind::Customer) {
            for key in ["industry", "compliance"] {
                if let Some(a) = c.attrs.get(key) {
                    evidence.push(format!("{key} of {} {}", c.label, self.cite([a.span])));
                }
            }
        }
        let systems: Vec<_> = self.model.elements_of_kind(ElementKind::System).collect();
        let with_tech = systems.iter().filter(|(_, s)| s.attrs.has("tech")).count();
        if !systems.is_empty() {
            evidence.push(format!(
                "tech on {with_tech} of {}",
                count(systems.len(), "system", "systems")
            ));
        }
        let mut reason = Text::new().text(
            "the file records what the review found, not what was researched before the meeting",
        );
        if !evidence.is_empty() {
            reason = reason.text(format!("; on file: {}", and_list(&evidence)));
        }
        check(ITEM, Status::NotAssessable, reason)
    }

    fn agenda(&self) -> Check {
        const ITEM: &str =
            "Agenda is shared with the customer and includes discovery, design, and next steps";
        let mut reason = Text::new().text("the file has no record of an agenda");
        let review = self.model.review.as_ref();
        if let Some(a) = review.and_then(|r| r.attrs.get("duration")) {
            let duration = review
                .and_then(|r| r.attrs.text("duration"))
                .unwrap_or_default();
            reason = reason
                .text("; ")
                .code(format!("duration: {duration}"))
                .text(format!(
                    " {} gives only the session's length",
                    self.cite([a.span])
                ));
        }
        check(ITEM, Status::NotAssessable, reason)
    }

    /// The roles of `missing-stakeholder`, asked of `practice::stakeholders`.
    fn stakeholders(&self) -> Check {
        const ITEM: &str =
            "All relevant stakeholders (architect, DBA, security, network) are invited";
        let parts: Vec<(bool, String)> = practice::stakeholders(self.model)
            .iter()
            .map(|a| self.role_part(a))
            .collect();
        let missing = parts.iter().any(|(ok, _)| !ok);
        let text = parts
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join("; ");
        let status = if missing { Status::NotMet } else { Status::Met };
        check(ITEM, status, Text::new().text(text))
    }

    /// (satisfied, text) for one role: who fills it, or why it is needed and missing.
    fn role_part(&self, attendance: &Attendance<'_>) -> (bool, String) {
        let (wanted, role) = match attendance.role {
            Role::Architect => ("customer architect", "architect"),
            Role::Dba => ("DBA", "DBA"),
            Role::Security => ("security stakeholder", "security"),
            Role::Network => ("network stakeholder", "network"),
        };
        let names: Vec<String> = attendance
            .people
            .iter()
            .map(|p| format!("{} {}", p.name, self.cite([p.spans.id])))
            .collect();
        let need = self.need(attendance);
        match (names.is_empty(), need.as_deref()) {
            (false, Some(need)) if need != "always" => {
                (true, format!("{role}: {}, needed {need}", and_list(&names)))
            }
            (false, _) => (true, format!("{role}: {}", and_list(&names))),
            (true, Some("always")) => (false, format!("no {wanted}")),
            (true, Some(need)) => (false, format!("no {wanted}, needed {need}")),
            (true, None) => (true, format!("{role}: none, and none needed")),
        }
    }

    /// Why a role must attend: `always`, or `for 1 database (line 2)`, ...; `None` if
    /// nothing calls for it.
    fn need(&self, attendance: &Attendance<'_>) -> Option<String> {
        let m = self.model;
        let mut databases = Vec::new();
        let mut methods = Vec::new();
        let mut sensitive = Vec::new();
        for need in &attendance.needs {
            match *need {
                Need::Always => return Some("always".to_string()),
                Need::Database(id) => databases.push(m.element(id).spans.id),
                Need::Method(id, _) => methods.push(m.connection(id).spans.head),
                Need::SensitiveData(id, _) => {
                    let s = m.element(id);
                    sensitive.push(s.attrs.get("data").map_or(s.spans.id, |a| a.span));
                }
            }
        }
        let family = match attendance.role {
            Role::Network => "network",
            _ => "identity",
        };
        let reasons = [
            self.counted(databases, "database", "databases", ""),
            self.counted(
                methods,
                &format!("{family} connection"),
                &format!("{family} connections"),
                "",
            ),
            self.counted(sensitive, "system", "systems", "PII/PHI/PCI data on "),
        ];
        let reasons: Vec<String> = reasons.into_iter().flatten().collect();
        (!reasons.is_empty()).then(|| format!("for {}", reasons.join(" and ")))
    }

    /// `1 database (line 2)` with `prefix` before it, when there is any.
    fn counted(&self, spans: Vec<Span>, one: &str, many: &str, prefix: &str) -> Option<String> {
        (!spans.is_empty()).then(|| {
            format!(
                "{prefix}{} {}",
                count(spans.len(), one, many),
                self.cite(spans)
            )
        })
    }

    fn current_state(&self) -> Check {
        const ITEM: &str =
            "Current state environment is mapped with applications, data, and integrations";
        let m = self.model;
        let systems: Vec<_> = m
            .elements_of_kind(ElementKind::System)
            .filter(|(id, _)| m.customer_of(*id).is_some())
            .map(|(_, s)| s)
            .collect();
        if systems.is_empty() {
            return check(
                ITEM,
                Status::NotMet,
                Text::new().text("no customer system is recorded"),
            );
        }
        let existing: Vec<Span> = m
            .connections
            .iter()
            .filter(|c| c.status == ConnectionStatus::Existing)
            .map(|c| c.spans.head)
            .collect();
        let mut problems = Vec::new();
        for key in ["owner", "criticality"] {
            let without: Vec<_> = systems.iter().filter(|s| !s.attrs.has(key)).collect();
            if !without.is_empty() {
                let names: Vec<String> = without.iter().map(|s| s.label.clone()).collect();
                problems.push(
                    Text::new()
                        .text(format!(
                            "{} without ",
                            count(without.len(), "system", "systems")
                        ))
                        .code(key)
                        .text(format!(
                            ": {} {}",
                            and_list(&names),
                            self.cite(without.iter().map(|s| s.spans.id))
                        )),
                );
            }
        }
        if existing.is_empty() {
            problems
                .push(Text::new().text("no existing connection between the customer's systems"));
        }
        if !problems.is_empty() {
            return check(ITEM, Status::NotMet, join(problems));
        }
        let reason = format!(
            "{} with owner and criticality {}; {} {}",
            count(systems.len(), "system", "systems"),
            self.cite(systems.iter().map(|s| s.spans.id)),
            count(
                existing.len(),
                "existing connection",
                "existing connections"
            ),
            self.cite(existing),
        );
        check(ITEM, Status::Met, Text::new().text(reason))
    }

    fn proposed(&self) -> Check {
        const ITEM: &str = "Proposed integration architecture is designed collaboratively";
        let proposed: Vec<Span> = self
            .model
            .connections
            .iter()
            .filter(|c| c.status == ConnectionStatus::Proposed)
            .map(|c| c.spans.head)
            .collect();
        if proposed.is_empty() {
            return check(
                ITEM,
                Status::NotMet,
                Text::new().text("no proposed connection is recorded"),
            );
        }
        let reason = format!(
            "{} designed {}, but the file cannot show whether the customer drew them with you",
            count(
                proposed.len(),
                "proposed connection is",
                "proposed connections are"
            ),
            self.cite(proposed)
        );
        check(ITEM, Status::NotAssessable, Text::new().text(reason))
    }

    fn gap_analysis(&self) -> Check {
        const ITEM: &str = "Gap analysis identifies capability gaps with mitigations and timelines";
        let gaps: Vec<_> = self
            .model
            .records_of_kind(RecordKind::Gap)
            .map(|(_, g)| g)
            .collect();
        if gaps.is_empty() {
            let reason = "no gap is recorded; every solution has gaps, and documenting them builds credibility";
            return check(ITEM, Status::NotMet, Text::new().text(reason));
        }
        let lacks: Vec<Vec<&str>> = gaps.iter().map(|g| gap_lacks(g)).collect();
        let mut problems = Vec::new();
        for key in practice::GAP_ANALYSIS_KEYS.into_iter().chain([TIMELINE]) {
            let without: Vec<_> = (gaps.iter().zip(&lacks))
                .filter(|(_, lacks)| lacks.contains(&key))
                .map(|(g, _)| g)
                .collect();
            if !without.is_empty() {
                let names: Vec<String> = without.iter().map(|g| record_text(g)).collect();
                problems.push(
                    Text::new()
                        .text(format!("{} without ", count(without.len(), "gap", "gaps")))
                        .code(key)
                        .text(format!(
                            ": {} {}",
                            and_list(&names),
                            self.cite(without.iter().map(|g| g.spans.head))
                        )),
                );
            }
        }
        if !problems.is_empty() {
            return check(ITEM, Status::NotMet, join(problems));
        }
        let reason = Text::new()
            .text(format!("{} with ", count(gaps.len(), "gap", "gaps")))
            .code("requirement")
            .text(", ")
            .code("current")
            .text(", ")
            .code("mitigation")
            .text(" and ")
            .code(TIMELINE)
            .text(format!(" {}", self.cite(gaps.iter().map(|g| g.spans.head))));
        check(ITEM, Status::Met, reason)
    }

    fn security(&self) -> Check {
        const ITEM: &str = "Security and compliance requirements are explicitly addressed";
        let m = self.model;
        let customers: Vec<_> = m
            .elements_of_kind(ElementKind::Customer)
            .map(|(_, c)| c)
            .collect();
        if customers.is_empty() {
            return check(
                ITEM,
                Status::NotMet,
                Text::new().text("no customer is recorded"),
            );
        }
        let mut problems = Vec::new();
        let mut evidence = Vec::new();
        for c in &customers {
            match c.attrs.get("compliance") {
                Some(a) => evidence.push(format!(
                    "{} lists its compliance {}",
                    c.label,
                    self.cite([a.span])
                )),
                None => problems.push(
                    Text::new()
                        .text(format!("{} lists no ", c.label))
                        .code("compliance")
                        .text(format!(" {}", self.cite([c.spans.id]))),
                ),
            }
        }
        let systems = practice::systems_on_proposed(m);
        let mut unclassified: Vec<_> = practice::unclassified_on_proposed(m)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        unclassified.sort_unstable();
        let unclassified: Vec<_> = unclassified.into_iter().map(|id| m.element(id)).collect();
        if unclassified.is_empty() {
            evidence.push(format!(
                "{} on proposed connections classified",
                count(systems.len(), "system", "systems")
            ));
        } else {
            let names: Vec<String> = unclassified.iter().map(|s| s.label.clone()).collect();
            problems.push(
                Text::new()
                    .text(format!(
                        "{} on proposed connections without ",
                        count(unclassified.len(), "system", "systems")
                    ))
                    .code("data")
                    .text(format!(
                        ": {} {}",
                        and_list(&names),
                        self.cite(unclassified.iter().map(|s| s.spans.id))
                    )),
            );
        }
        if !problems.is_empty() {
            return check(ITEM, Status::NotMet, join(problems));
        }
        check(ITEM, Status::Met, Text::new().text(evidence.join("; ")))
    }

    /// The aspects of `missing-nfr`, asked of `practice::nfr_coverage`.
    fn nfr(&self) -> Check {
        const ITEM: &str =
            "Non-functional requirements (performance, DR, data residency) are covered";
        let (Some(nfr), Some(coverage)) = (&self.model.nfr, practice::nfr_coverage(self.model))
        else {
            return check(
                ITEM,
                Status::NotMet,
                Text::new().text("no ").code("nfr").text(" block"),
            );
        };
        let name = |aspect| match aspect {
            NfrAspect::Performance => "performance",
            NfrAspect::DisasterRecovery => "DR",
            NfrAspect::Residency => "residency",
        };
        let covered: Vec<String> = (coverage.covered.into_iter())
            .map(|(aspect, spans)| format!("{} {}", name(aspect), self.cite(spans)))
            .collect();
        if coverage.missing.is_empty() {
            return check(ITEM, Status::Met, Text::new().text(and_list(&covered)));
        }
        let missing: Vec<String> = coverage
            .missing
            .into_iter()
            .map(|a| name(a).into())
            .collect();
        let reason = Text::new().text("the ").code("nfr").text(format!(
            " block {} lacks {}",
            self.cite([nfr.spans.head]),
            and_list(&missing)
        ));
        check(ITEM, Status::NotMet, reason)
    }

    /// The timing of `late-summary`, asked of `practice::summary_timing`.
    fn summary_sent(&self) -> Check {
        const ITEM: &str = "Architecture summary deliverable is sent within 48 hours";
        let Some(review) = &self.model.review else {
            let reason = Text::new()
                .text("the file has no ")
                .code("review")
                .text(" block with the review's date");
            return check(ITEM, Status::NotAssessable, reason);
        };
        let head = self.cite([review.spans.head]);
        // Both dates are set whenever the timing is measured.
        let on = |key| {
            review
                .attrs
                .date(key)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let (sent, date) = (on("summary_sent"), on("date"));
        let at = self.cite(self.review_span("summary_sent"));
        let (status, reason) = match practice::summary_timing(review) {
            SummaryTiming::Missing => (
                Status::NotMet,
                Text::new()
                    .text("no ")
                    .code("summary_sent")
                    .text(format!(" in the review {head}")),
            ),
            SummaryTiming::Undated => (
                Status::NotAssessable,
                Text::new()
                    .text("the review has no ")
                    .code("date")
                    .text(format!(" {head}")),
            ),
            SummaryTiming::Before { .. } => (
                Status::NotMet,
                Text::new().text(format!("sent {sent}, before the review on {date} {at}")),
            ),
            SummaryTiming::Within { days } => (
                Status::Met,
                Text::new().text(format!(
                    "sent {sent}, {} after the review {at}",
                    count(days as usize, "day", "days")
                )),
            ),
            SummaryTiming::Late { days } => (
                Status::NotMet,
                Text::new().text(format!(
                    "sent {sent}, {days} days after the review on {date} {at}"
                )),
            ),
        };
        check(ITEM, status, reason)
    }

    fn confirmation(&self) -> Check {
        const ITEM: &str = "Customer confirms the summary accurately represents the discussion";
        let reason =
            "the file has no record of the customer's confirmation; ask for it with this summary";
        check(ITEM, Status::NotAssessable, Text::new().text(reason))
    }

    fn open_questions(&self) -> Check {
        const ITEM: &str = "Open questions have assigned owners and follow-up dates";
        let questions: Vec<_> = self
            .model
            .records_of_kind(RecordKind::Question)
            .map(|(_, q)| q)
            .collect();
        if questions.is_empty() {
            return check(
                ITEM,
                Status::Met,
                Text::new().text("no open question is recorded"),
            );
        }
        let untracked: Vec<Vec<&str>> = questions.iter().map(|q| practice::untracked(q)).collect();
        let mut problems = Vec::new();
        for key in practice::TRACKING_KEYS {
            let without: Vec<Span> = (questions.iter().zip(&untracked))
                .filter(|(_, lacks)| lacks.contains(&key))
                .map(|(q, _)| q.spans.head)
                .collect();
            if !without.is_empty() {
                problems.push(
                    Text::new()
                        .text(format!(
                            "{} without ",
                            count(without.len(), "question", "questions")
                        ))
                        .code(key)
                        .text(format!(" {}", self.cite(without))),
                );
            }
        }
        if !problems.is_empty() {
            return check(ITEM, Status::NotMet, join(problems));
        }
        let reason = Text::new()
            .text(format!(
                "{} with ",
                count(questions.len(), "question", "questions")
            ))
            .code("owner")
            .text(" and ")
            .code("due")
            .text(format!(
                " {}",
                self.cite(questions.iter().map(|q| q.spans.head))
            ));
        check(ITEM, Status::Met, reason)
    }

    fn prerequisites(&self) -> Check {
        const ITEM: &str = "Integration prerequisites are documented for implementation planning";
        let prerequisites: Vec<_> = self
            .model
            .records_of_kind(RecordKind::Prerequisite)
            .map(|(_, p)| p)
            .collect();
        if prerequisites.is_empty() {
            return check(
                ITEM,
                Status::NotMet,
                Text::new().text("no prerequisite is recorded"),
            );
        }
        let mut reason = Text::new().text(format!(
            "{} {}",
            count(prerequisites.len(), "prerequisite", "prerequisites"),
            self.cite(prerequisites.iter().map(|p| p.spans.head))
        ));
        let untracked: Vec<Vec<&str>> = prerequisites
            .iter()
            .map(|p| practice::untracked(p))
            .collect();
        for key in practice::TRACKING_KEYS {
            let without = untracked
                .iter()
                .filter(|lacks| lacks.contains(&key))
                .count();
            if without > 0 {
                reason = reason.text(format!("; {without} without ")).code(key);
            }
        }
        check(ITEM, Status::Met, reason)
    }
}

/// The key of a gap's timeline, which this item asks for beyond the gap analysis.
const TIMELINE: &str = "due";

/// What a gap lacks for this item: the gap analysis of `gap-without-mitigation`, then its
/// timeline.
fn gap_lacks(gap: &Record) -> Vec<&'static str> {
    let mut lacks = practice::incomplete_gap(gap);
    if !gap.attrs.has(TIMELINE) {
        lacks.push(TIMELINE);
    }
    lacks
}

/// Joins problem descriptions with `; `.
fn join(parts: Vec<Text>) -> Text {
    let mut out = Text::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out = out.text("; ");
        }
        out = out.append(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Inline;
    use crate::source::Source;

    /// Evaluates `text` and checks item `n` (1-based, the method's order): its status and
    /// its reason, with code spans written in backticks.
    fn check(text: &str, n: usize, status: Status, reason: &str) {
        let source = Source::new("t.arch", text);
        let compilation = crate::compile(&source, &crate::lint::LintConfig::default());
        let errors: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let checks = evaluate(&compilation.model, &Lines::new(&source));
        assert_eq!(checks.len(), 12);
        let got = &checks[n - 1];
        let text: String = got
            .reason
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Strong(t) => t.clone(),
                Inline::Code(c) => format!("`{c}`"),
            })
            .collect();
        assert_eq!(
            (got.status, text.as_str()),
            (status, reason),
            "item {n}: {}",
            got.item
        );
    }

    const REVIEW: &str = "review \"R\" { date: 2026-11-20, summary_sent: 2026-11-22 }\n";

    #[test]
    fn research_agenda_and_confirmation_are_not_assessable() {
        for n in [1, 2, 10] {
            let checks = {
                let source = Source::new("t.arch", REVIEW);
                evaluate(
                    &crate::compile(&source, &crate::lint::LintConfig::default()).model,
                    &Lines::new(&source),
                )
            };
            assert_eq!(checks[n - 1].status, Status::NotAssessable);
        }
    }

    #[test]
    fn stakeholders_follow_the_environment() {
        let text = "person a { role: architect, org: customer }\n\
                    customer c { system d { kind: database } }\n";
        check(
            text,
            3,
            Status::NotMet,
            "architect: a (line 1); no DBA, needed for 1 database (line 2); \
             security: none, and none needed; network: none, and none needed",
        );
        let text = "person a { role: architect, org: vendor }\n";
        check(
            text,
            3,
            Status::NotMet,
            "no customer architect; DBA: none, and none needed; \
             security: none, and none needed; network: none, and none needed",
        );
    }

    #[test]
    fn current_state_needs_owners_criticality_and_existing_connections() {
        let text = "customer c {\n  system a { owner: \"T\" }\n  system b { owner: \"T\", criticality: low }\n}\n";
        check(
            text,
            4,
            Status::NotMet,
            "1 system without `criticality`: a (line 2); \
             no existing connection between the customer's systems",
        );
        let text = "customer c {\n  system a { owner: \"T\", criticality: low }\n  system b { owner: \"T\", criticality: low }\n}\na -> b : rest\n";
        check(
            text,
            4,
            Status::Met,
            "2 systems with owner and criticality (lines 2, 3); 1 existing connection (line 5)",
        );
    }

    #[test]
    fn gaps_need_the_analysis_of_the_lint_and_due() {
        check(
            REVIEW,
            6,
            Status::NotMet,
            "no gap is recorded; every solution has gaps, and documenting them builds credibility",
        );
        let text = "gap \"G\" { requirement: \"R\", current: \"C\", mitigation: \"M\" }\n";
        check(text, 6, Status::NotMet, "1 gap without `due`: G (line 1)");
        // What `gap-without-mitigation` reports fails the item too, timeline or not.
        let text = "gap \"G\" { point: \"P\", mitigation: \"M\", due: 2026-01-01 }\n";
        check(
            text,
            6,
            Status::NotMet,
            "1 gap without `requirement`: G (line 1); 1 gap without `current`: G (line 1)",
        );
        let text = "gap \"G\" { requirement: \"R\", current: \"C\", mitigation: \"M\", due: 2026-01-01 }\n";
        check(
            text,
            6,
            Status::Met,
            "1 gap with `requirement`, `current`, `mitigation` and `due` (line 1)",
        );
    }

    #[test]
    fn security_needs_compliance_and_classified_systems() {
        let text = "customer c {\n  system a\n}\nsolution s { module m }\na -> m : rest\n";
        check(
            text,
            7,
            Status::NotMet,
            "c lists no `compliance` (line 1); 1 system on proposed connections without `data`: a (line 2)",
        );
    }

    #[test]
    fn nfr_needs_performance_dr_and_residency() {
        check(REVIEW, 8, Status::NotMet, "no `nfr` block");
        let text = "nfr {\n  performance: \"fast\"\n  rto: \"4h\"\n}\n";
        check(
            text,
            8,
            Status::NotMet,
            "the `nfr` block (line 1) lacks residency",
        );
    }

    #[test]
    fn summary_within_two_days_of_the_review() {
        check(
            REVIEW,
            9,
            Status::Met,
            "sent 2026-11-22, 2 days after the review (line 1)",
        );
        let late = "review \"R\" {\n  date: 2026-11-20\n  summary_sent: 2026-11-23\n}\n";
        check(
            late,
            9,
            Status::NotMet,
            "sent 2026-11-23, 3 days after the review on 2026-11-20 (line 3)",
        );
        let early = "review \"R\" {\n  date: 2026-11-20\n  summary_sent: 2026-11-19\n}\n";
        check(
            early,
            9,
            Status::NotMet,
            "sent 2026-11-19, before the review on 2026-11-20 (line 3)",
        );
        let undated = "review \"R\" { summary_sent: 2026-11-19 }\n";
        check(
            undated,
            9,
            Status::NotAssessable,
            "the review has no `date` (line 1)",
        );
        // Not sent is not met whether or not the review is dated, as `late-summary` says.
        check(
            "review \"R\"\n",
            9,
            Status::NotMet,
            "no `summary_sent` in the review (line 1)",
        );
        let unsent = "review \"R\" { date: 2026-11-20 }\n";
        check(
            unsent,
            9,
            Status::NotMet,
            "no `summary_sent` in the review (line 1)",
        );
        check(
            "",
            9,
            Status::NotAssessable,
            "the file has no `review` block with the review's date",
        );
    }

    #[test]
    fn open_questions_need_owners_and_dates() {
        check(REVIEW, 11, Status::Met, "no open question is recorded");
        let text = "person p\nquestion \"Q1\" { owner: p }\nquestion \"Q2\" { owner: p, due: 2026-01-01 }\n";
        check(
            text,
            11,
            Status::NotMet,
            "1 question without `due` (line 2)",
        );
    }

    #[test]
    fn prerequisites_are_documented() {
        check(REVIEW, 12, Status::NotMet, "no prerequisite is recorded");
        check(
            "prerequisite \"P\" { due: 2026-01-01 }\n",
            12,
            Status::Met,
            "1 prerequisite (line 1); 1 without `owner`",
        );
    }

    /// A review rule's finding means its checklist item is not met: both ask
    /// `model::practice`. Every `fires*.arch` fixture of each rule the checklist shares
    /// fires the rule and fails the item.
    #[test]
    fn a_rule_that_fires_fails_its_item() {
        use crate::diagnostic::RuleId;
        let shared = [
            (RuleId::MissingStakeholder, 3),
            (RuleId::GapWithoutMitigation, 6),
            (RuleId::ComplianceUnaddressed, 7),
            (RuleId::MissingNfr, 8),
            (RuleId::LateSummary, 9),
            (RuleId::QuestionWithoutOwner, 11),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint");
        for (rule, n) in shared {
            let mut fixtures: Vec<_> = std::fs::read_dir(root.join(rule.name()))
                .expect("the rule's fixtures")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|f| f.to_string_lossy().starts_with("fires"))
                })
                .collect();
            fixtures.sort();
            assert!(!fixtures.is_empty(), "{rule}");
            for path in fixtures {
                let text = std::fs::read_to_string(&path).expect("readable");
                let source = Source::new("t.arch", text);
                let compilation = crate::compile(&source, &crate::lint::LintConfig::only(rule));
                let fired = compilation.diagnostics.iter().any(|d| d.rule == rule);
                assert!(fired, "{}: {rule} does not fire", path.display());
                let checks = evaluate(&compilation.model, &Lines::new(&source));
                assert_eq!(
                    checks[n - 1].status,
                    Status::NotMet,
                    "{}: {rule} fires, but item {n} is {:?}",
                    path.display(),
                    checks[n - 1].reason
                );
            }
        }
    }
}
