//! The review's tables (integrations, gaps, inventory, risks, actions) built from the model,
//! and one serializer per output format, all of the same [`Table`].
//!
//! Columns and their order are the contract of `cli.md`; rows are in declaration order;
//! methods, frequencies and directions show their display labels, owners the person's name,
//! and a missing value is an empty cell.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;

use crate::model::vocab::{FREQUENCY, methods_label};
use crate::model::{Connection, ElementKind, Model, Record, RecordKind, Status};

/// Which table to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// The proposed connections: how the solution integrates.
    Integrations,
    /// Every gap, with its integration point.
    Gaps,
    /// Every customer system.
    Inventory,
    Risks,
    /// Prerequisites, next steps and open questions.
    Actions,
}

impl TableKind {
    pub const ALL: [TableKind; 5] = [
        TableKind::Integrations,
        TableKind::Gaps,
        TableKind::Inventory,
        TableKind::Risks,
        TableKind::Actions,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TableKind::Integrations => "integrations",
            TableKind::Gaps => "gaps",
            TableKind::Inventory => "inventory",
            TableKind::Risks => "risks",
            TableKind::Actions => "actions",
        }
    }

    /// The column headers, in the order of `cli.md`.
    pub fn columns(self) -> Vec<&'static str> {
        match self {
            TableKind::Integrations => vec!["Point", "Method", "Direction", "Data", "Frequency"],
            TableKind::Gaps => vec![
                "Integration Point",
                "Requirement",
                "Current Capability",
                "Gap",
                "Mitigation",
            ],
            TableKind::Inventory => vec![
                "System",
                "Kind",
                "Build",
                "Owner",
                "Criticality",
                "Hosting",
                "Data",
            ],
            TableKind::Risks => vec!["Risk", "Severity", "Mitigation", "Owner"],
            TableKind::Actions => vec!["Type", "Item", "Owner", "Due"],
        }
    }
}

/// Column headers and rows of text; every row has one cell per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Builds one of the review's tables from the model.
pub fn build(model: &Model, kind: TableKind) -> Table {
    let rows = match kind {
        TableKind::Integrations => integrations(model),
        TableKind::Gaps => gaps(model),
        TableKind::Inventory => inventory(model),
        TableKind::Risks => risks(model),
        TableKind::Actions => actions(model),
    };
    Table {
        columns: kind.columns(),
        rows,
    }
}

/// One row per proposed connection: its customer-side end, methods, direction, data, frequency.
fn integrations(model: &Model) -> Vec<Vec<String>> {
    model
        .connections
        .iter()
        .filter(|c| c.status == Status::Proposed)
        .map(|c| build_integration_row(model, c))
        .collect()
}

/// One row of the integrations table, for any connection (the report reuses it for the
/// existing ones).
pub fn build_integration_row(model: &Model, c: &Connection) -> Vec<String> {
    vec![
        model.element(model.point(c)).label.clone(),
        methods_label(&c.methods),
        model.direction(c).label().to_string(),
        text(c.attrs.text("data")),
        c.attrs
            .word("frequency")
            .map_or_else(String::new, |f| FREQUENCY.label(f).to_string()),
    ]
}

fn gaps(model: &Model) -> Vec<Vec<String>> {
    model
        .records_of_kind(RecordKind::Gap)
        .map(|(id, gap)| {
            vec![
                text(model.gap_point(id)),
                text(gap.attrs.text("requirement")),
                text(gap.attrs.text("current")),
                record_text(gap),
                text(gap.attrs.text("mitigation")),
            ]
        })
        .collect()
}

/// Every system that lives in a customer, in declaration order.
fn inventory(model: &Model) -> Vec<Vec<String>> {
    model
        .elements_of_kind(ElementKind::System)
        .filter(|(id, _)| model.customer_of(*id).is_some())
        .map(|(_, system)| {
            let attrs = &system.attrs;
            vec![
                system.label.clone(),
                text(attrs.text("kind")),
                text(attrs.word("build")),
                owner(model, &system.attrs),
                text(attrs.word("criticality")),
                text(attrs.word("hosting")),
                attrs.words("data").join(", "),
            ]
        })
        .collect()
}

fn risks(model: &Model) -> Vec<Vec<String>> {
    model
        .records_of_kind(RecordKind::Risk)
        .map(|(_, risk)| {
            vec![
                record_text(risk),
                text(risk.attrs.word("severity")),
                text(risk.attrs.text("mitigation")),
                owner(model, &risk.attrs),
            ]
        })
        .collect()
}

/// Prerequisites, next steps and open questions, in declaration order (not grouped), so a
/// table read beside the file follows it line by line.
fn actions(model: &Model) -> Vec<Vec<String>> {
    model
        .records
        .iter()
        .filter_map(|r| Some((action_type(r.kind)?, r)))
        .map(|(kind, r)| {
            vec![
                kind.to_string(),
                record_text(r),
                owner(model, &r.attrs),
                r.attrs
                    .date("due")
                    .map_or_else(String::new, |d| d.to_string()),
            ]
        })
        .collect()
}

/// The Type column of the actions table; `None` for records that are not actions.
pub fn action_type(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Prerequisite => Some("Prerequisite"),
        RecordKind::Step => Some("Next step"),
        RecordKind::Question => Some("Open question"),
        RecordKind::Gap | RecordKind::Risk => None,
    }
}

/// A record's text as written, or its ID when it has no text.
pub fn record_text(record: &Record) -> String {
    if record.text.is_empty() {
        record.id.clone().unwrap_or_default()
    } else {
        record.text.clone()
    }
}

/// The owner's display name (a person's name, or the team text), or an empty cell.
pub fn owner(model: &Model, attrs: &crate::model::Attributes) -> String {
    attrs
        .owner()
        .map_or_else(String::new, |o| model.owner_name(o).to_string())
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn table(text: &str, kind: TableKind) -> Table {
        let compilation = crate::compile(
            &Source::new("t.arch", text),
            &crate::lint::LintConfig::default(),
        );
        assert!(
            compilation
                .diagnostics
                .iter()
                .all(|d| d.severity == crate::diagnostic::Severity::Warning),
            "{:?}",
            compilation.diagnostics
        );
        build(&compilation.model, kind)
    }

    const FILE: &str = r#"
person p "Pat" { role: dba }
customer c "C" {
  system a "A" { kind: erp, owner: p, criticality: high, data: [pii, confidential] }
  system b { owner: "Team B" }
}
solution s "S" { module m "M"; module n "N" }
a -> m : etl, cdc { data: "rows", frequency: near-realtime }
m -> b : rest
a <- n : webhook
a <-> m : rest
b -- m : sftp
m -> n : grpc
a -> b : jdbc
"#;

    #[test]
    fn integrations_are_the_proposed_connections_with_display_labels() {
        let t = table(FILE, TableKind::Integrations);
        let rows: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["A", "ETL/CDC", "Inbound", "rows", "Near real-time"],
                vec!["b", "REST API", "Outbound", "", ""],
                vec!["A", "Webhook", "Outbound", "", ""],
                vec!["A", "REST API", "Bi-directional", "", ""],
                vec!["b", "SFTP", "Unspecified", "", ""],
                vec!["M", "gRPC", "One-way", "", ""],
            ]
        );
    }

    #[test]
    fn inventory_lists_every_customer_system_with_owner_names() {
        let t = table(FILE, TableKind::Inventory);
        assert_eq!(
            t.rows[0],
            ["A", "erp", "", "Pat", "high", "", "pii, confidential"]
        );
        assert_eq!(t.rows[1], ["b", "", "", "Team B", "", "", ""]);
        assert_eq!(t.rows.len(), 2);
    }

    #[test]
    fn actions_keep_declaration_order_and_type_labels() {
        let t = table(
            "question q \"Q\" { due: 2026-01-02 }\nprerequisite \"P\"\nstep \"S\" { owner: \"Ops\" }\n",
            TableKind::Actions,
        );
        assert_eq!(t.rows[0], ["Open question", "Q", "", "2026-01-02"]);
        assert_eq!(t.rows[1], ["Prerequisite", "P", "", ""]);
        assert_eq!(t.rows[2], ["Next step", "S", "Ops", ""]);
    }

    #[test]
    fn every_row_has_one_cell_per_column() {
        for kind in TableKind::ALL {
            let t = table(FILE, kind);
            assert!(
                t.rows.iter().all(|r| r.len() == t.columns.len()),
                "{}",
                kind.name()
            );
        }
    }
}
