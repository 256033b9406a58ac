//! Tests of the whole stage through its entry point, `layout()`.

use super::samples;
use super::{Direction, EdgeIn, GroupIn, Layout, LayoutInput, NodeIn, layout};

/// Lays `input` out twice; both runs must succeed (validation included) and agree exactly.
fn check(input: &LayoutInput) -> Layout {
    let first = layout(input).unwrap_or_else(|e| panic!("{e}"));
    let second = layout(input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first, second, "two runs differ");
    assert_nodes_inside_groups(input, &first);
    first
}

fn assert_nodes_inside_groups(input: &LayoutInput, layout: &Layout) {
    for (node, placed) in input.nodes.iter().zip(&layout.nodes) {
        let Some(parent) = node.parent else { continue };
        let group = layout.groups[parent].rect;
        assert!(
            group.contains_rect(&placed.rect, 0.0),
            "{:?} outside {parent}",
            node.label
        );
    }
}

fn assert_orthogonal_route(layout: &Layout, edge: usize) {
    let points = &layout.edges[edge].points;
    assert!(points.len() >= 2, "edge {edge}: {points:?}");
    for w in points.windows(2) {
        assert!(
            w[0].x == w[1].x || w[0].y == w[1].y,
            "edge {edge} diagonal: {points:?}"
        );
    }
}

#[test]
fn reference_diagram() {
    let input = samples::reference_diagram();
    let result = check(&input);
    for e in 0..input.edges.len() {
        assert_orthogonal_route(&result, e);
    }
    // "Our Platform" sits inside "Customer Environment".
    assert!(
        result.groups[0]
            .rect
            .contains_rect(&result.groups[1].rect, 0.0)
    );
    let labels: Vec<&str> = result
        .edges
        .iter()
        .filter_map(|e| e.label.as_ref())
        .flat_map(|l| l.lines.iter().map(|t| t.text.as_str()))
        .collect();
    assert_eq!(labels, ["SSO/SAML", "REST API", "ETL/CDC"]);
    assert_eq!(result.groups[0].title[0].text, "Customer Environment");
    assert_eq!(result.nodes[1].lines.len(), 2, "label and sublabel");
}

#[test]
fn reference_diagram_right() {
    let mut input = samples::reference_diagram();
    input.direction = Direction::Right;
    check(&input);
}

#[test]
fn three_levels_of_groups() {
    let input = samples::nested();
    let result = check(&input);
    assert!(
        result.groups[0]
            .rect
            .contains_rect(&result.groups[1].rect, 0.0)
    );
    assert!(
        result.groups[1]
            .rect
            .contains_rect(&result.groups[2].rect, 0.0)
    );
    assert_eq!(result.groups[2].title.len(), 2, "the long title wraps");
}

#[test]
fn empty_input() {
    let result = check(&LayoutInput::default());
    assert!(result.width > 0.0 && result.height > 0.0);
    assert!(result.nodes.is_empty() && result.groups.is_empty() && result.edges.is_empty());
}

#[test]
fn groups_without_nodes() {
    let input = LayoutInput {
        groups: vec![
            GroupIn {
                title: "Empty Customer".into(),
                parent: None,
            },
            GroupIn {
                title: "Empty Inside".into(),
                parent: Some(0),
            },
        ],
        ..LayoutInput::default()
    };
    check(&input);
}

#[test]
fn generated_200_nodes_in_10_groups() {
    let input = samples::review_shaped(200, Direction::Down);
    assert_eq!(input.groups.len(), 10);
    let result = check(&input);
    for e in 0..input.edges.len() {
        assert_orthogonal_route(&result, e);
    }
}

#[test]
fn edges_within_and_across_groups_are_orthogonal() {
    let input = LayoutInput {
        direction: Direction::Down,
        groups: vec![
            GroupIn {
                title: "A".into(),
                parent: None,
            },
            GroupIn {
                title: "B".into(),
                parent: None,
            },
        ],
        nodes: vec![
            NodeIn {
                label: "a1".into(),
                sublabel: None,
                parent: Some(0),
            },
            NodeIn {
                label: "a2".into(),
                sublabel: None,
                parent: Some(0),
            },
            NodeIn {
                label: "b1".into(),
                sublabel: None,
                parent: Some(1),
            },
        ],
        edges: vec![
            EdgeIn {
                from: 0,
                to: 1,
                label: Some("inside".into()),
            },
            EdgeIn {
                from: 1,
                to: 2,
                label: Some("across".into()),
            },
        ],
    };
    let result = check(&input);
    assert_orthogonal_route(&result, 0);
    assert_orthogonal_route(&result, 1);
}

#[test]
fn self_loops_and_parallel_edges() {
    let input = LayoutInput {
        direction: Direction::Right,
        groups: vec![GroupIn {
            title: "G".into(),
            parent: None,
        }],
        nodes: vec![
            NodeIn {
                label: "a".into(),
                sublabel: None,
                parent: Some(0),
            },
            NodeIn {
                label: "b".into(),
                sublabel: None,
                parent: None,
            },
        ],
        edges: vec![
            EdgeIn {
                from: 0,
                to: 0,
                label: Some("retry".into()),
            },
            EdgeIn {
                from: 0,
                to: 1,
                label: Some("one".into()),
            },
            EdgeIn {
                from: 0,
                to: 1,
                label: Some("two".into()),
            },
            EdgeIn {
                from: 1,
                to: 0,
                label: None,
            },
        ],
    };
    check(&input);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let input = LayoutInput {
        edges: vec![EdgeIn {
            from: 0,
            to: 1,
            label: None,
        }],
        ..LayoutInput::default()
    };
    let err = layout(&input).err().map(|e| e.message);
    assert_eq!(
        err.as_deref(),
        Some("edge 0 connects nodes 0 and 1 but there are 0 nodes")
    );
}

/// Small random graphs of every shape (empty groups, self-loops, parallel edges, edges across
/// any groups, blank, long and non-Latin labels) all lay out and pass validation.
#[test]
fn random_graphs_lay_out() {
    for seed in 0..120 {
        let input = random_input(seed);
        if let Err(err) = layout(&input) {
            panic!("seed {seed}: {err}\n{input:#?}");
        }
    }
}

fn random_input(seed: u64) -> LayoutInput {
    const WORDS: [&str; 10] = [
        "API",
        "Okta",
        "SAP S/4HANA",
        "x",
        "Data Import Pipeline",
        "a much longer label that surely wraps over several lines",
        "SFTP",
        "Σ∆ unicode ✓",
        "中文",
        "",
    ];
    let mut rng = Rng(fastrand::Rng::with_seed(seed));
    let word = |rng: &mut Rng| WORDS[rng.below(WORDS.len())].to_owned();
    let (n_groups, n_nodes) = (rng.below(8), rng.below(30));
    let n_edges = if n_nodes == 0 { 0 } else { rng.below(40) };
    let groups = (0..n_groups)
        .map(|g| {
            let parent = if g == 0 || rng.below(3) == 0 {
                None
            } else {
                Some(rng.below(g))
            };
            GroupIn {
                title: word(&mut rng),
                parent,
            }
        })
        .collect();
    let nodes = (0..n_nodes)
        .map(|_| {
            let parent = if n_groups == 0 || rng.below(4) == 0 {
                None
            } else {
                Some(rng.below(n_groups))
            };
            let sublabel = (rng.below(2) == 0).then(|| word(&mut rng));
            NodeIn {
                label: word(&mut rng),
                sublabel,
                parent,
            }
        })
        .collect();
    let edges = (0..n_edges)
        .map(|_| {
            let label = (rng.below(3) != 0).then(|| word(&mut rng));
            EdgeIn {
                from: rng.below(n_nodes),
                to: rng.below(n_nodes),
                label,
            }
        })
        .collect();
    let direction = if rng.below(2) == 0 {
        Direction::Down
    } else {
        Direction::Right
    };
    LayoutInput {
        direction,
        groups,
        nodes,
        edges,
    }
}

/// The tests' one seeded generator (`fastrand`), so the random graphs are the same on every
/// run and machine.
struct Rng(fastrand::Rng);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n.max(1))
    }
}
