//! The words of the diagram: its title and description, and the tooltips (`<title>`) of
//! elements, connections and gap markers. Plain text; each writer escapes it for its format.

use crate::model::{ConnectionId, ElementId, ElementKind, Model, Status, vocab};
use crate::view::{Selection, View};

/// The diagram's `<title>`: the review's title, else the first customer's.
pub(super) fn diagram_title(model: &Model) -> String {
    if let Some(review) = &model.review {
        return review.title.clone();
    }
    match model.elements_of_kind(ElementKind::Customer).next() {
        Some((_, customer)) => format!("{} architecture", customer.label),
        None => "Architecture diagram".to_owned(),
    }
}

/// The diagram's `<desc>`: what the view shows, with counts, for screen readers.
pub(super) fn description(model: &Model, selection: &Selection) -> String {
    let count = |kind: ElementKind| {
        selection
            .nodes
            .iter()
            .filter(|&&id| model.element(id).kind == kind)
            .count()
    };
    let (mut proposed, mut existing, mut gaps) = (0, 0, 0);
    for ends in &selection.edges {
        let c = model.connection(ends.connection);
        match c.status {
            Status::Proposed => proposed += 1,
            Status::Existing => existing += 1,
        }
        gaps += c.gaps.len();
    }
    let what = match selection.view {
        View::Proposed => "Proposed architecture",
        View::Current => "Current state",
    };
    let mut parts = Vec::new();
    for (kind, word) in [
        (ElementKind::System, "system"),
        (ElementKind::Module, "module"),
    ] {
        let n = count(kind);
        if n > 0 {
            parts.push(plural(n, word));
        }
    }
    let connections = plural(selection.edges.len(), "connection");
    parts.push(match (proposed, existing) {
        (0, 0) => connections,
        (_, 0) => format!("{connections}, all proposed"),
        (0, _) => format!("{connections}, all existing"),
        (p, e) => format!("{connections} ({p} proposed, {e} existing)"),
    });
    let mut text = format!("{what}: {}.", parts.join(", "));
    if gaps > 0 {
        text.push_str(&format!(" {} marked on connections.", plural(gaps, "gap")));
    }
    text
}

/// The `data-status` value of a connection.
pub(super) fn status_name(status: Status) -> &'static str {
    match status {
        Status::Proposed => "proposed",
        Status::Existing => "existing",
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// An element's tooltip: label, kind and ID, then what the model knows about it.
pub(super) fn element_title(model: &Model, id: ElementId) -> String {
    let e = model.element(id);
    let mut facts: Vec<String> = Vec::new();
    for key in [
        "kind",
        "tech",
        "criticality",
        "build",
        "hosting",
        "status",
        "residency",
        "region",
    ] {
        if let Some(value) = e.attrs.text(key) {
            facts.push(format!("{key}: {value}"));
        }
    }
    for key in ["data", "compliance"] {
        let words = e.attrs.words(key);
        if !words.is_empty() {
            facts.push(format!("{key}: {}", words.join(", ")));
        }
    }
    let supports = e.attrs.methods("supports");
    if !supports.is_empty() {
        facts.push(format!(
            "supports: {}",
            vocab::methods_label(supports).replace('/', ", ")
        ));
    }
    if let Some(owner) = e.attrs.owner() {
        facts.push(format!("owner: {}", model.owner_name(owner)));
    }
    let head = format!("{} ({} {})", e.label, e.kind.name(), e.id);
    if facts.is_empty() {
        head
    } else {
        format!("{head}: {}", facts.join("; "))
    }
}

/// A connection's tooltip: its ends as written, methods, label, status, data and frequency.
pub(super) fn connection_title(model: &Model, cid: ConnectionId) -> String {
    let c = model.connection(cid);
    let mut text = format!(
        "{} {} {}",
        model.element(c.from).label,
        c.arrow.as_str(),
        model.element(c.to).label
    );
    if !c.methods.is_empty() {
        text.push_str(&format!(": {}", vocab::methods_label(&c.methods)));
    }
    if let Some(label) = &c.label {
        text.push_str(&format!(" \u{201c}{label}\u{201d}"));
    }
    text.push_str(&format!(" ({})", status_name(c.status)));
    if let Some(data) = c.attrs.text("data") {
        text.push_str(&format!("; data: {data}"));
    }
    if let Some(frequency) = c.attrs.text("frequency") {
        text.push_str(&format!(
            "; frequency: {}",
            vocab::FREQUENCY.label(frequency)
        ));
    }
    text
}

/// The gap marker's tooltip: every gap recorded on the connection.
pub(super) fn gap_title(model: &Model, cid: ConnectionId) -> String {
    let c = model.connection(cid);
    let mut parts = Vec::with_capacity(c.gaps.len());
    for &gap in &c.gaps {
        let record = model.record(gap);
        let mut text = format!("Gap: {}", record.text);
        for key in ["requirement", "current", "mitigation", "severity"] {
            if let Some(value) = record.attrs.text(key) {
                text.push_str(&format!(
                    "\n{}{}: {value}",
                    key[..1].to_uppercase(),
                    &key[1..]
                ));
            }
        }
        parts.push(text);
    }
    parts.join("\n\n")
}
