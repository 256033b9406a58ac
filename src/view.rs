//! Which parts of the model a diagram shows, and the model → [`LayoutInput`] adapter.
//!
//! A [`View`] selects elements and connections; [`select`] turns the selection into the
//! layout stage's index-based input and keeps the maps back to the model ([`Selection`]), so
//! the finished diagram ([`crate::diagram`]) can name every box and route by its model ID.
//!
//! ## Choices made here
//!
//! - **Boxes.** Customers, solutions and groups become layout groups; systems and modules
//!   become nodes. `current` leaves out every solution and everything inside one (modules, and
//!   groups declared in a solution), and every connection that is not existing or lost an end.
//! - **Second line of a node.** A system shows its `kind` (a short identifier, the category the
//!   method's reference diagram labels boxes with, e.g. "identity-provider"), else its `tech`; a module shows
//!   "module", with its status when it is not generally available. Everything else about an
//!   element goes into its `<title>`, not its box, so boxes stay compact.
//! - **Edge label.** The connection's label, else its methods' display label ("ETL/CDC").
//! - **Which way an edge is laid out.** The layered layout puts an edge's source in an earlier
//!   layer than its target. A connection between the customer's side and a solution is laid out
//!   from the customer's end to the solution's end, whatever its arrow, so the customer's systems
//!   come first and the solution after them, as in the method's reference diagram (with the default
//!   direction, down: the solution's box below the systems). Any other connection is laid out in
//!   its flow direction (`a <- b` from `b` to `a`) unless that closes a cycle (see
//!   [`layering_rank`]). [`EdgeEnds::reversed`] records when the route runs from the written
//!   `TO` to the written `FROM`, so arrowheads still go where the arrow was written.

use crate::layout::{Direction, EdgeIn, GroupIn, LayoutInput, NodeIn};
use crate::model::Arrow;
use crate::model::{
    Connection, ConnectionId, ElementId, ElementKind, Family, Model, Status, vocab,
};
use crate::printable::replace_unprintable;

/// Which diagram to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Everything: the customer's systems, the solutions and every connection.
    #[default]
    Proposed,
    /// The customer's elements and the existing connections between them.
    Current,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Proposed => "proposed",
            View::Current => "current",
        }
    }
}

/// The view's share of the model as layout input, with the maps back to the model.
#[derive(Debug, Clone)]
pub struct Selection {
    pub view: View,
    pub input: LayoutInput,
    /// `groups[i]` is the element drawn as `input.groups[i]`.
    pub groups: Vec<ElementId>,
    /// `nodes[i]` is the element drawn as `input.nodes[i]`.
    pub nodes: Vec<ElementId>,
    /// `edges[i]` is the connection drawn as `input.edges[i]`.
    pub edges: Vec<EdgeEnds>,
}

/// A drawn connection and which way its route runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeEnds {
    pub connection: ConnectionId,
    /// The route runs from the written `TO` to the written `FROM`.
    pub reversed: bool,
}

/// Whether the drawn route of a connection starts and ends with an arrowhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heads {
    pub start: bool,
    pub end: bool,
}

/// The view's elements and connections as layout input, laid out in `direction`.
pub fn select(model: &Model, view: View, direction: Direction) -> Selection {
    let shown: Vec<bool> = model
        .element_ids()
        .map(|id| is_shown(model, view, id))
        .collect();
    let mut slot: Vec<Option<Slot>> = vec![None; model.elements.len()];
    let mut groups = Vec::new();
    let mut nodes = Vec::new();
    for id in model.element_ids() {
        if !shown[id.index()] {
            continue;
        }
        if model.element(id).kind.is_container() {
            slot[id.index()] = Some(Slot::Group(groups.len()));
            groups.push(id);
        } else {
            slot[id.index()] = Some(Slot::Node(nodes.len()));
            nodes.push(id);
        }
    }
    let parent_group = |id: ElementId| {
        let parent = model.element(id).parent?;
        match slot[parent.index()]? {
            Slot::Group(g) => Some(g),
            Slot::Node(_) => None,
        }
    };
    let group_in = groups
        .iter()
        .map(|&id| GroupIn {
            title: as_drawn(&model.element(id).label),
            parent: parent_group(id),
        })
        .collect();
    let node_in = nodes
        .iter()
        .map(|&id| NodeIn {
            label: as_drawn(&model.element(id).label),
            sublabel: sublabel(model, id).map(|s| as_drawn(&s)),
            parent: parent_group(id),
        })
        .collect();
    let node_of = |id: ElementId| match slot[id.index()]? {
        Slot::Node(n) => Some(n),
        Slot::Group(_) => None,
    };
    let drawn: Vec<(ConnectionId, usize, usize)> = model
        .connection_ids()
        .filter(|&cid| view == View::Proposed || model.connection(cid).status == Status::Existing)
        .filter_map(|cid| {
            let c = model.connection(cid);
            Some((cid, node_of(c.from)?, node_of(c.to)?))
        })
        .collect();
    let rank = layering_rank(model, &nodes, &drawn);
    let mut edges = Vec::with_capacity(drawn.len());
    let mut edge_in = Vec::with_capacity(drawn.len());
    for &(cid, from, to) in &drawn {
        let c = model.connection(cid);
        let reversed = match rank[from].cmp(&rank[to]) {
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => c.arrow == Arrow::Backward,
        };
        let (from, to) = if reversed { (to, from) } else { (from, to) };
        edge_in.push(EdgeIn {
            from,
            to,
            label: Some(as_drawn(&edge_label(c))).filter(|l| !l.trim().is_empty()),
        });
        edges.push(EdgeEnds {
            connection: cid,
            reversed,
        });
    }
    Selection {
        view,
        input: LayoutInput {
            direction,
            groups: group_in,
            nodes: node_in,
            edges: edge_in,
        },
        groups,
        nodes,
        edges,
    }
}

/// Text as the diagram shows it, so that the layout measures what is drawn: unprintable
/// characters as U+FFFD (see [`crate::printable`]).
fn as_drawn(text: &str) -> String {
    replace_unprintable(text).into_owned()
}

/// The second line of a node's box; see the module doc.
pub fn sublabel(model: &Model, id: ElementId) -> Option<String> {
    let element = model.element(id);
    match element.kind {
        ElementKind::Module => Some(match element.attrs.word("status") {
            Some(status) if status != "ga" => format!("module ({status})"),
            _ => "module".to_owned(),
        }),
        ElementKind::System => element
            .attrs
            .text("kind")
            .or_else(|| element.attrs.text("tech"))
            .map(str::to_owned),
        _ => None,
    }
}

/// The text on a connection's route: its label, else its methods ("ETL/CDC").
pub fn edge_label(c: &Connection) -> String {
    match &c.label {
        Some(label) => label.clone(),
        None => vocab::methods_label(&c.methods),
    }
}

/// The family a connection is styled by: its first method's; `None` without methods.
pub fn family(c: &Connection) -> Option<Family> {
    c.methods.first().map(|m| m.family())
}

/// Where the drawn route of a connection gets arrowheads: where the arrow was written.
pub fn heads(arrow: Arrow, reversed: bool) -> Heads {
    // Written ends: (at FROM, at TO).
    let (at_from, at_to) = match arrow {
        Arrow::Forward => (false, true),
        Arrow::Backward => (true, false),
        Arrow::Both => (true, true),
        Arrow::Undirected => (false, false),
    };
    if reversed {
        Heads {
            start: at_to,
            end: at_from,
        }
    } else {
        Heads {
            start: at_from,
            end: at_to,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Group(usize),
    Node(usize),
}

fn is_shown(model: &Model, view: View, id: ElementId) -> bool {
    match view {
        View::Proposed => true,
        View::Current => !model.in_solution(id),
    }
}

/// A rank per node such that laying every edge out from the lower rank to the higher gives an
/// acyclic graph: the customer's side first, then the solutions' side, and within a side the
/// order of the greedy feedback-arc-set heuristic of Eades, Lin and Smyth over the flow
/// directions, so that as few connections as possible run against their flow.
///
/// The layered engine breaks cycles itself, but with nested groups it routes a reversed edge
/// around the whole diagram; handing it an acyclic graph keeps every route short.
fn layering_rank(
    model: &Model,
    nodes: &[ElementId],
    drawn: &[(ConnectionId, usize, usize)],
) -> Vec<(bool, usize)> {
    let solution_side: Vec<bool> = nodes.iter().map(|&id| model.in_solution(id)).collect();
    let flows: Vec<(usize, usize)> = drawn
        .iter()
        .filter(|&&(_, a, b)| a != b && solution_side[a] == solution_side[b])
        .map(|&(cid, a, b)| match model.connection(cid).arrow {
            Arrow::Backward => (b, a),
            _ => (a, b),
        })
        .collect();
    let order = greedy_order(nodes.len(), &flows);
    (0..nodes.len())
        .map(|n| (solution_side[n], order[n]))
        .collect()
}

/// Eades–Lin–Smyth: repeatedly take sinks to the back, sources to the front, and otherwise the
/// node with the most outgoing minus incoming edges to the front. Ties go to the lowest index,
/// so the order is deterministic. Returns each node's position.
fn greedy_order(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        outs[a].push(b);
        ins[b].push(a);
    }
    let mut out_degree: Vec<usize> = outs.iter().map(Vec::len).collect();
    let mut in_degree: Vec<usize> = ins.iter().map(Vec::len).collect();
    let mut removed = vec![false; n];
    let (mut front, mut back) = (Vec::with_capacity(n), Vec::new());
    for _ in 0..n {
        let live = || (0..n).filter(|&v| !removed[v]);
        let pick = if let Some(v) = live().find(|&v| out_degree[v] == 0) {
            back.push(v);
            v
        } else if let Some(v) = live().find(|&v| in_degree[v] == 0) {
            front.push(v);
            v
        } else {
            let best = live().max_by_key(|&v| {
                (
                    out_degree[v] as isize - in_degree[v] as isize,
                    std::cmp::Reverse(v),
                )
            });
            let Some(v) = best else { break };
            front.push(v);
            v
        };
        removed[pick] = true;
        for &w in &outs[pick] {
            in_degree[w] -= 1;
        }
        for &u in &ins[pick] {
            out_degree[u] -= 1;
        }
    }
    back.reverse();
    front.extend(back);
    let mut position = vec![0; n];
    for (i, &v) in front.iter().enumerate() {
        position[v] = i;
    }
    position
}

#[cfg(test)]
mod tests {
    use super::{Heads, View, greedy_order, heads, select};
    use crate::layout::Direction;
    use crate::model::Arrow;

    const ACME_LIKE: &str = r#"
customer c "Customer" {
  system a "A" { kind: erp, tech: "SAP" }
  system b "B" { tech: "PostgreSQL" }
  group g "G" { system d "D" }
  solution s "S" {
    module m "M" { status: beta }
    group sg "Inner" { module n "N" }
  }
}
a -> m : saml "SSO"
m -> b : rest
a <- b : etl, cdc
a <-> n : rest { status: existing }
b -- d
"#;

    fn model(text: &str) -> crate::model::Model {
        crate::model_of(text)
    }

    #[test]
    fn proposed_shows_everything() {
        let m = model(ACME_LIKE);
        let s = select(&m, View::Proposed, Direction::Down);
        let titles: Vec<&str> = s.input.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Customer", "G", "S", "Inner"]);
        let parents: Vec<Option<usize>> = s.input.groups.iter().map(|g| g.parent).collect();
        assert_eq!(parents, [None, Some(0), Some(0), Some(2)]);
        let nodes: Vec<(&str, Option<&str>, Option<usize>)> = s
            .input
            .nodes
            .iter()
            .map(|n| (n.label.as_str(), n.sublabel.as_deref(), n.parent))
            .collect();
        assert_eq!(
            nodes,
            [
                ("A", Some("erp"), Some(0)),
                ("B", Some("PostgreSQL"), Some(0)),
                ("D", None, Some(1)),
                ("M", Some("module (beta)"), Some(2)),
                ("N", Some("module"), Some(3)),
            ]
        );
        let edges: Vec<(usize, usize, Option<&str>)> = s
            .input
            .edges
            .iter()
            .map(|e| (e.from, e.to, e.label.as_deref()))
            .collect();
        // m -> b runs customer first (reversed); a <- b runs in its flow, b to a.
        assert_eq!(
            edges,
            [
                (0, 3, Some("SSO")),
                (1, 3, Some("REST API")),
                (1, 0, Some("ETL/CDC")),
                (0, 4, Some("REST API")),
                (1, 2, None),
            ]
        );
        let reversed: Vec<bool> = s.edges.iter().map(|e| e.reversed).collect();
        assert_eq!(reversed, [false, true, true, false, false]);
        assert_eq!(s.input.direction, Direction::Down);
    }

    #[test]
    fn the_layout_measures_unprintable_characters_as_the_replacement_drawn() {
        let m = model(
            "customer c \"C\\u{1B}\" { system a \"A\\u{7}\" { kind: \"k\\u{FFFE}\" }\n system b }\n\
             a -> b \"e\\u{9B}\"\n",
        );
        let s = select(&m, View::Proposed, Direction::Down);
        assert_eq!(s.input.groups[0].title, "C\u{FFFD}");
        assert_eq!(s.input.nodes[0].label, "A\u{FFFD}");
        assert_eq!(s.input.nodes[0].sublabel.as_deref(), Some("k\u{FFFD}"));
        assert_eq!(s.input.edges[0].label.as_deref(), Some("e\u{FFFD}"));
    }

    #[test]
    fn current_shows_the_customer_side_and_existing_connections() {
        let m = model(ACME_LIKE);
        let s = select(&m, View::Current, Direction::Right);
        let titles: Vec<&str> = s.input.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Customer", "G"]);
        let labels: Vec<&str> = s.input.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "D"]);
        // a <- b and b -- d are existing; a <-> n is existing but n is not shown.
        let ids: Vec<u32> = s.edges.iter().map(|e| e.connection.0).collect();
        assert_eq!(ids, [2, 4]);
        assert_eq!(s.input.direction, Direction::Right);
    }

    #[test]
    fn empty_views() {
        let m = model("");
        let s = select(&m, View::Current, Direction::Down);
        assert!(s.input.nodes.is_empty() && s.input.groups.is_empty());
    }

    #[test]
    fn cycles_are_laid_out_one_way() {
        // b -> c -> d -> b is a cycle; a <- b flows from b; e <-> e loops.
        let m = model(
            "customer x { system a\n system b\n system c\n system d\n system e }\na <- b\nb -> c\nc -> d\nd -> b\ne <-> e\n",
        );
        let s = select(&m, View::Proposed, Direction::Down);
        let edges: Vec<(usize, usize)> = s.input.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(edges, [(1, 0), (1, 2), (2, 3), (1, 3), (4, 4)]);
        let reversed: Vec<bool> = s.edges.iter().map(|e| e.reversed).collect();
        assert_eq!(reversed, [true, false, false, true, false]);
    }

    #[test]
    fn greedy_order_breaks_cycles_with_few_reversals() {
        // A chain 0 -> 1 -> 2 -> 3 with one back edge 3 -> 0: only the back edge goes against
        // the order.
        let order = greedy_order(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        let against = [(0, 1), (1, 2), (2, 3), (3, 0)]
            .iter()
            .filter(|&&(a, b)| order[a] > order[b])
            .count();
        assert_eq!(against, 1);
        assert_eq!(greedy_order(0, &[]), Vec::<usize>::new());
    }

    #[test]
    fn arrowheads_go_where_the_arrow_was_written() {
        let both = Heads {
            start: true,
            end: true,
        };
        let none = Heads {
            start: false,
            end: false,
        };
        let at_end = Heads {
            start: false,
            end: true,
        };
        let at_start = Heads {
            start: true,
            end: false,
        };
        assert_eq!(heads(Arrow::Forward, false), at_end);
        assert_eq!(heads(Arrow::Forward, true), at_start);
        assert_eq!(heads(Arrow::Backward, false), at_start);
        assert_eq!(heads(Arrow::Backward, true), at_end);
        assert_eq!(heads(Arrow::Both, true), both);
        assert_eq!(heads(Arrow::Undirected, false), none);
    }
}
