//! The Customer Architecture Review method's rules as questions over the model.
//!
//! A lint rule and the report's checklist item that judge the same practice ask it here,
//! once, and get a typed answer; each words the answer its own way. So a file the lint
//! passes cannot fail the checklist for the same reason, nor the other way round.
//! (The checklist may ask more than a rule: timelines on gaps, compliance on every
//! customer; a rule's finding always means its checklist item is not met.)

use crate::model::{
    ConnectionId, ElementId, ElementKind, Family, Method, Model, Person, Record, Review, Status,
};
use crate::source::Span;

/// "Within 48 hours", in whole days after the review's `date`.
pub const SUMMARY_MAX_DAYS: i64 = 2;

/// When the summary went out, against the review's `date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryTiming {
    /// No `summary_sent`: nothing records that a summary went out.
    Missing,
    /// `summary_sent` without the review's `date` to measure it against.
    Undated,
    /// Sent `days` days before the review: a wrong date, or a summary written before the
    /// discussion it summarises.
    Before { days: i64 },
    /// Sent `days` (0 to 2) days after the review.
    Within { days: i64 },
    /// Sent `days` days after the review, later than 48 hours.
    Late { days: i64 },
}

/// When the summary of `review` went out.
pub fn summary_timing(review: &Review) -> SummaryTiming {
    let Some(sent) = review.attrs.date("summary_sent") else {
        return SummaryTiming::Missing;
    };
    let Some(date) = review.attrs.date("date") else {
        return SummaryTiming::Undated;
    };
    match date.days_until(sent) {
        days @ ..0 => SummaryTiming::Before { days: -days },
        days @ 0..=SUMMARY_MAX_DAYS => SummaryTiming::Within { days },
        days => SummaryTiming::Late { days },
    }
}

/// A non-functional requirement every review covers (pitfall 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NfrAspect {
    Performance,
    DisasterRecovery,
    Residency,
}

impl NfrAspect {
    pub const ALL: [NfrAspect; 3] = [
        NfrAspect::Performance,
        NfrAspect::DisasterRecovery,
        NfrAspect::Residency,
    ];

    /// The `nfr` keys that cover the aspect; any one of them does.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            NfrAspect::Performance => &["performance"],
            NfrAspect::DisasterRecovery => &["rpo", "rto", "dr"],
            NfrAspect::Residency => &["residency"],
        }
    }
}

/// What the `nfr` block covers, aspect by aspect, in [`NfrAspect::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NfrCoverage {
    /// Each covered aspect with the spans of the attributes that cover it.
    pub covered: Vec<(NfrAspect, Vec<Span>)>,
    pub missing: Vec<NfrAspect>,
}

/// The coverage of the `nfr` block; `None` when the file has none.
pub fn nfr_coverage(model: &Model) -> Option<NfrCoverage> {
    let nfr = model.nfr.as_ref()?;
    let mut coverage = NfrCoverage {
        covered: Vec::new(),
        missing: Vec::new(),
    };
    for aspect in NfrAspect::ALL {
        let spans: Vec<Span> = aspect
            .keys()
            .iter()
            .filter_map(|k| nfr.attrs.get(k))
            .map(|a| a.span)
            .collect();
        if spans.is_empty() {
            coverage.missing.push(aspect);
        } else {
            coverage.covered.push((aspect, spans));
        }
    }
    Some(coverage)
}

/// What makes a question, step or prerequisite tracked: who, and by when.
pub const TRACKING_KEYS: [&str; 2] = ["owner", "due"];

/// The [`TRACKING_KEYS`] that `record` lacks, in that order.
pub fn untracked(record: &Record) -> Vec<&'static str> {
    missing_keys(record, &TRACKING_KEYS)
}

/// What a gap of the gap analysis states: the need, today's answer, and how it closes.
pub const GAP_ANALYSIS_KEYS: [&str; 3] = ["requirement", "current", "mitigation"];

/// The [`GAP_ANALYSIS_KEYS`] that `gap` lacks, in that order.
pub fn incomplete_gap(gap: &Record) -> Vec<&'static str> {
    missing_keys(gap, &GAP_ANALYSIS_KEYS)
}

fn missing_keys(record: &Record, wanted: &[&'static str]) -> Vec<&'static str> {
    wanted
        .iter()
        .copied()
        .filter(|k| !record.attrs.has(k))
        .collect()
}

/// A role the review method asks to attend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The customer's lead architect (a person of `org: customer`, or of no stated org).
    Architect,
    Dba,
    Security,
    Network,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Architect, Role::Dba, Role::Security, Role::Network];

    /// The `role:` value.
    pub fn name(self) -> &'static str {
        match self {
            Role::Architect => "architect",
            Role::Dba => "dba",
            Role::Security => "security",
            Role::Network => "network",
        }
    }

    /// Whether `person` fills the role.
    fn filled_by(self, person: &Person) -> bool {
        let customer_side = matches!(person.org(), None | Some("customer"));
        person.role() == Some(self.name()) && (self != Role::Architect || customer_side)
    }
}

/// Data classes whose presence calls for security at the review.
pub const SENSITIVE_DATA: [&str; 3] = ["pii", "phi", "pci"];

/// Why the environment calls for a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Every review: the customer architect.
    Always,
    /// A system of `kind: database` (for a DBA).
    Database(ElementId),
    /// A connection using an identity method (for security) or a network method (for
    /// network); its first such method.
    Method(ConnectionId, Method),
    /// A system holding sensitive data (for security); its first sensitive class.
    SensitiveData(ElementId, &'static str),
}

/// Who fills a role, and what calls for it.
#[derive(Clone, Debug)]
pub struct Attendance<'m> {
    pub role: Role,
    /// The persons who fill it, in source order.
    pub people: Vec<&'m Person>,
    /// What calls for it, in source order within each cause; empty if nothing does.
    pub needs: Vec<Need>,
}

impl Attendance<'_> {
    /// The role is called for and nobody fills it.
    pub fn is_missing(&self) -> bool {
        self.people.is_empty() && !self.needs.is_empty()
    }
}

/// Each [`Role`], in [`Role::ALL`] order, with who fills it and what calls for it.
pub fn stakeholders(model: &Model) -> Vec<Attendance<'_>> {
    Role::ALL
        .into_iter()
        .map(|role| Attendance {
            role,
            people: model.persons.iter().filter(|p| role.filled_by(p)).collect(),
            needs: needs(model, role),
        })
        .collect()
}

fn needs(model: &Model, role: Role) -> Vec<Need> {
    match role {
        Role::Architect => vec![Need::Always],
        Role::Dba => model
            .elements_of_kind(ElementKind::System)
            .filter(|(_, s)| s.attrs.text("kind") == Some("database"))
            .map(|(id, _)| Need::Database(id))
            .collect(),
        Role::Security => {
            let mut needs = methods_of_family(model, Family::Identity);
            needs.extend(sensitive_data(model));
            needs
        }
        Role::Network => methods_of_family(model, Family::Network),
    }
}

fn methods_of_family(model: &Model, family: Family) -> Vec<Need> {
    let connections = model.connections.iter().enumerate();
    connections
        .filter_map(|(i, c)| {
            let method = c.methods.iter().find(|m| m.family() == family)?;
            Some(Need::Method(ConnectionId(i as u32), *method))
        })
        .collect()
}

fn sensitive_data(model: &Model) -> impl Iterator<Item = Need> + '_ {
    model
        .elements_of_kind(ElementKind::System)
        .filter_map(|(id, system)| {
            let words = system.attrs.words("data");
            let class = words.iter().find(|d| SENSITIVE_DATA.contains(d))?;
            Some(Need::SensitiveData(id, class))
        })
}

/// Each system at an end of a proposed connection, with the first such connection, in
/// connection order: the systems whose data a new integration may move.
pub fn systems_on_proposed(model: &Model) -> Vec<(ElementId, ConnectionId)> {
    let mut seen = vec![false; model.elements.len()];
    let mut found = Vec::new();
    for (i, c) in model.connections.iter().enumerate() {
        if c.status != Status::Proposed {
            continue;
        }
        for end in [c.from, c.to] {
            if model.element(end).kind == ElementKind::System && !seen[end.index()] {
                seen[end.index()] = true;
                found.push((end, ConnectionId(i as u32)));
            }
        }
    }
    found
}

/// Those of [`systems_on_proposed`] with no `data` classification.
pub fn unclassified_on_proposed(model: &Model) -> Vec<(ElementId, ConnectionId)> {
    let mut systems = systems_on_proposed(model);
    systems.retain(|&(id, _)| !model.element(id).attrs.has("data"));
    systems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model_of;

    fn timing(review: &str) -> SummaryTiming {
        let model = model_of(review);
        summary_timing(model.review.as_ref().expect("a review"))
    }

    #[test]
    fn summary_timing_measures_from_the_review_date() {
        let review = |attrs: &str| timing(&format!("review \"R\" {{ {attrs} }}\n"));
        assert_eq!(review("date: 2026-11-20"), SummaryTiming::Missing);
        assert_eq!(review(""), SummaryTiming::Missing);
        assert_eq!(review("summary_sent: 2026-11-20"), SummaryTiming::Undated);
        let sent = |on: &str| review(&format!("date: 2026-11-29, summary_sent: {on}"));
        assert_eq!(sent("2026-11-27"), SummaryTiming::Before { days: 2 });
        assert_eq!(sent("2026-11-29"), SummaryTiming::Within { days: 0 });
        assert_eq!(sent("2026-12-01"), SummaryTiming::Within { days: 2 });
        assert_eq!(sent("2026-12-02"), SummaryTiming::Late { days: 3 });
    }

    #[test]
    fn nfr_coverage_lists_missing_aspects_in_order() {
        assert_eq!(nfr_coverage(&model_of("review \"R\"\n")), None);
        let model = model_of("nfr {\n  rto: \"4h\"\n  dr: \"warm\"\n}\n");
        let coverage = nfr_coverage(&model).expect("an nfr block");
        assert_eq!(
            coverage.missing,
            [NfrAspect::Performance, NfrAspect::Residency]
        );
        let [(aspect, spans)] = &coverage.covered[..] else {
            panic!("{coverage:?}");
        };
        assert_eq!((*aspect, spans.len()), (NfrAspect::DisasterRecovery, 2));
        let full = "nfr { performance: \"p\", rpo: \"1h\", residency: eu }\n";
        assert!(nfr_coverage(&model_of(full)).is_some_and(|c| c.missing.is_empty()));
    }

    #[test]
    fn tracking_and_gap_analysis_keys() {
        let model = model_of(
            "question \"Q\" { due: 2026-01-01 }\n\
             gap \"G\" { current: \"C\" }\n",
        );
        assert_eq!(untracked(&model.records[0]), ["owner"]);
        assert_eq!(
            incomplete_gap(&model.records[1]),
            ["requirement", "mitigation"]
        );
        assert_eq!(untracked(&model.records[1]), ["owner", "due"]);
    }

    #[test]
    fn stakeholders_follow_the_environment() {
        let model = model_of(
            "person a { role: architect, org: vendor }\n\
             person s { role: security }\n\
             customer c {\n  system d { kind: database, data: [internal, phi] }\n}\n\
             solution o { module m }\n\
             d -> m : saml, vpn\n",
        );
        let roles = stakeholders(&model);
        let by_role = |role| roles.iter().find(|a| a.role == role).expect("every role");
        let architect = by_role(Role::Architect);
        assert!(architect.people.is_empty() && architect.is_missing());
        let dba = by_role(Role::Dba);
        assert_eq!(dba.needs, [Need::Database(ElementId(1))]);
        assert!(dba.is_missing());
        let security = by_role(Role::Security);
        assert!(!security.is_missing());
        assert!(matches!(
            security.needs[..],
            [Need::Method(ConnectionId(0), m), Need::SensitiveData(ElementId(1), "phi")]
                if m.name() == "saml"
        ));
        let network = by_role(Role::Network);
        assert!(network.is_missing());
        let quiet = model_of("person a { role: architect }\n");
        assert!(stakeholders(&quiet).iter().all(|a| !a.is_missing()));
    }

    #[test]
    fn unclassified_systems_on_proposed_connections_once_each() {
        let model = model_of(
            "customer c {\n  system a\n  system b { data: [pii] }\n  system x\n}\n\
             solution o { module m }\n\
             a -> m : rest\nb -> m : rest\nm -> a : rest\nx -> a : rest\n",
        );
        assert_eq!(
            systems_on_proposed(&model),
            [
                (ElementId(1), ConnectionId(0)),
                (ElementId(2), ConnectionId(1))
            ]
        );
        assert_eq!(
            unclassified_on_proposed(&model),
            [(ElementId(1), ConnectionId(0))]
        );
    }
}
