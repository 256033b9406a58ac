//! Ready-made layout inputs: the method's reference diagram, deep nesting, and generated review-shaped
//! graphs of any size, shared by the unit tests and `benches/layout.rs`.

use super::{Direction, EdgeIn, GroupIn, LayoutInput, NodeIn};

/// The method's reference diagram: a customer environment with three systems and our platform nested in
/// it, connected by SSO, REST and ETL.
pub fn reference_diagram() -> LayoutInput {
    let groups = vec![
        group("Customer Environment", None),
        group("Our Platform", Some(0)),
    ];
    let nodes = vec![
        node("Okta", Some("identity provider"), Some(0)),
        node("SAP S/4HANA", Some("erp"), Some(0)),
        node("Orders DB", Some("PostgreSQL"), Some(0)),
        node("Auth Module", Some("module"), Some(1)),
        node("Core Platform", Some("module"), Some(1)),
        node("Data Import Pipeline", Some("module"), Some(1)),
    ];
    let edges = vec![
        edge(0, 3, Some("SSO/SAML")),
        edge(1, 4, Some("REST API")),
        edge(2, 5, Some("ETL/CDC")),
        edge(3, 4, None),
        edge(5, 4, None),
    ];
    LayoutInput {
        direction: Direction::Down,
        groups,
        nodes,
        edges,
    }
}

/// Three levels of groups, each with a node, edges within a level, across levels and from the
/// top level to outside every group.
pub fn nested() -> LayoutInput {
    let groups = vec![
        group("Level One", None),
        group("Level Two", Some(0)),
        group(
            "Level Three With A Rather Long Title That Wraps Onto A Second Line",
            Some(1),
        ),
    ];
    let nodes = vec![
        node("Outside", None, None),
        node("One", None, Some(0)),
        node("Two", Some("tech"), Some(1)),
        node("Three A", None, Some(2)),
        node("Three B", None, Some(2)),
    ];
    let edges = vec![
        edge(0, 1, Some("enters")),
        edge(1, 2, None),
        edge(2, 3, Some("goes deep")),
        edge(3, 4, Some("same group")),
        edge(4, 0, Some("all the way out")),
    ];
    LayoutInput {
        direction: Direction::Right,
        groups,
        nodes,
        edges,
    }
}

/// A generated review-shaped graph of `n_nodes` nodes in about `n_nodes / 20` groups: a
/// customer environment with our platform nested in it, partner and team groups nested up to
/// three deep, a few top-level systems, and integrations (mostly labelled) between them.
/// Deterministic: the same arguments give the same graph.
pub fn review_shaped(n_nodes: usize, direction: Direction) -> LayoutInput {
    let mut rng = Lcg(0x5eed);
    let groups = review_groups(n_nodes.div_ceil(20).max(2));
    let nodes = (0..n_nodes)
        .map(|i| review_node(i, n_nodes, groups.len()))
        .collect();
    let edges = review_edges(n_nodes, &mut rng);
    LayoutInput {
        direction,
        groups,
        nodes,
        edges,
    }
}

const METHODS: [&str; 8] = [
    "REST API",
    "SSO/SAML",
    "ETL/CDC",
    "SFTP batch",
    "Kafka events",
    "GraphQL",
    "JDBC",
    "Webhook",
];
const KINDS: [&str; 5] = ["erp", "crm", "database", "module", "identity provider"];

fn review_groups(n_groups: usize) -> Vec<GroupIn> {
    let mut groups = vec![
        group("Customer Environment", None),
        group("Our Platform", Some(0)),
    ];
    for g in 2..n_groups {
        // Cycle through the shapes reviews have: a top-level partner, a team inside the
        // platform, a department inside the customer, and a sub-team two levels down.
        let parent = match g % 4 {
            0 => None,
            1 => Some(1),
            2 => Some(0),
            _ => Some(g - 2),
        };
        groups.push(group(&format!("Group {g}"), parent));
    }
    groups
}

fn review_node(i: usize, n_nodes: usize, n_groups: usize) -> NodeIn {
    // Nodes fill the groups in contiguous runs, as a file lists a group's members together;
    // one node in eleven stays outside every group, like a SaaS system the customer uses.
    let parent = if i % 11 == 10 {
        None
    } else {
        Some(i * n_groups / n_nodes.max(1))
    };
    let label = if i % 7 == 3 {
        format!("System {i} with a long descriptive name")
    } else {
        format!("System {i}")
    };
    let sublabel = (i % 3 != 0).then(|| KINDS[i % KINDS.len()].to_owned());
    NodeIn {
        label,
        sublabel,
        parent,
    }
}

fn review_edges(n_nodes: usize, rng: &mut Lcg) -> Vec<EdgeIn> {
    let mut edges = Vec::new();
    for i in 1..n_nodes {
        // Mostly a near neighbour (same or next group), now and then anywhere earlier: an
        // integration map is local with a few long-range integrations, not a random graph.
        let from = if i % 10 == 0 {
            rng.below(i)
        } else {
            i - 1 - rng.below(i.min(6))
        };
        edges.push(review_edge(from, i, rng));
        if i % 5 == 0 {
            edges.push(review_edge(i, rng.below(n_nodes), rng));
        }
    }
    edges
}

fn review_edge(from: usize, to: usize, rng: &mut Lcg) -> EdgeIn {
    let pick = rng.below(METHODS.len() + 2);
    EdgeIn {
        from,
        to,
        label: METHODS.get(pick).map(|m| (*m).to_owned()),
    }
}

fn group(title: &str, parent: Option<usize>) -> GroupIn {
    GroupIn {
        title: title.to_owned(),
        parent,
    }
}

fn node(label: &str, sublabel: Option<&str>, parent: Option<usize>) -> NodeIn {
    NodeIn {
        label: label.to_owned(),
        sublabel: sublabel.map(str::to_owned),
        parent,
    }
}

fn edge(from: usize, to: usize, label: Option<&str>) -> EdgeIn {
    EdgeIn {
        from,
        to,
        label: label.map(str::to_owned),
    }
}

/// A tiny linear congruential generator: the samples need variety, not quality, and must not
/// depend on a crate's or the platform's randomness.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}
