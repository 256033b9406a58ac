//! Facts derived from the model for tables and lints: which side an element is on, a
//! connection's direction relative to the solution, and its integration point.

use crate::model::Arrow;
use crate::model::{Connection, ElementId, ElementKind, Model, RecordId};

/// A connection's direction relative to the solution (the Direction column of tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Inbound,
    Outbound,
    Bidirectional,
    Unspecified,
    OneWay,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
            Direction::Bidirectional => "Bi-directional",
            Direction::Unspecified => "Unspecified",
            Direction::OneWay => "One-way",
        }
    }
}

impl Model {
    /// Whether an element lies inside a solution (a module, or a group of one).
    pub fn in_solution(&self, element: ElementId) -> bool {
        let nearest_side = std::iter::once(element)
            .chain(self.ancestors(element))
            .map(|e| self.element(e).kind)
            .find(|k| matches!(k, ElementKind::Customer | ElementKind::Solution));
        nearest_side == Some(ElementKind::Solution)
    }

    /// The customer around an element, if any.
    pub fn customer_of(&self, element: ElementId) -> Option<ElementId> {
        std::iter::once(element)
            .chain(self.ancestors(element))
            .find(|&e| self.element(e).kind == ElementKind::Customer)
    }

    /// The (source, target) of data flow: `a <- b` flows from `b` to `a`.
    pub fn flow(&self, c: &Connection) -> (ElementId, ElementId) {
        match c.arrow {
            Arrow::Backward => (c.to, c.from),
            _ => (c.from, c.to),
        }
    }

    /// Into a module = Inbound, out of a module = Outbound, `<->` = Bi-directional,
    /// `--` = Unspecified; one-way between two modules or touching none = One-way.
    pub fn direction(&self, c: &Connection) -> Direction {
        match c.arrow {
            Arrow::Both => return Direction::Bidirectional,
            Arrow::Undirected => return Direction::Unspecified,
            Arrow::Forward | Arrow::Backward => {}
        }
        let (source, target) = self.flow(c);
        match (self.in_solution(source), self.in_solution(target)) {
            (false, true) => Direction::Inbound,
            (true, false) => Direction::Outbound,
            _ => Direction::OneWay,
        }
    }

    /// The customer-side end: the end that is not a module; FROM when both or neither are.
    pub fn point(&self, c: &Connection) -> ElementId {
        if self.in_solution(c.from) && !self.in_solution(c.to) {
            c.to
        } else {
            c.from
        }
    }

    /// A gap's integration point: its `point:`, else its connection's label, else the
    /// label of its connection's customer-side end.
    pub fn gap_point(&self, gap: RecordId) -> Option<&str> {
        let record = self.record(gap);
        if let Some(point) = record.attrs.text("point") {
            return Some(point);
        }
        let c = self.connection(record.connection?);
        Some(
            c.label
                .as_deref()
                .unwrap_or(&self.element(self.point(c)).label),
        )
    }
}
