//! The only file that imports the layout engine crate (elkrs, a Rust port of Eclipse ELK).
//!
//! It takes an [`EngineGraph`] (boxes with sizes, a group tree, edges with label sizes) and
//! returns [`EngineOutput`] (absolute positions), so swapping the engine touches this file alone.
//!
//! The engine runs guarded:
//! - on a thread of its own with a large stack, so deep recursion in the engine cannot overflow
//!   the caller's stack (a stack overflow aborts the process and cannot be caught);
//! - inside `catch_unwind`, so an engine bug becomes an `Err`, never a crash; the binary's panic
//!   hook keeps the caught panic's message off stderr ([`panic_is_caught_here`]);
//! - within a budget of work ([`ELEMENT_BUDGET`]): the engine counts the elements of its
//!   graph as it creates them, so an oversized diagram is refused the same way on every
//!   machine, before memory runs out, instead of racing a clock.
//!
//! ## How elkrs is driven
//!
//! elkrs reads ELK's JSON graph format. We build that JSON as a `serde_json::Value`, import it
//! into elkrs' native `ElkGraph`, run the recursive layout engine and read the native graph back
//! (node shapes are relative to their parent; edge sections and edge labels are relative to the
//! edge's containing node, which the importer sets to the lowest common ancestor of its ends).
//! Option ids are always spelled in full (`org.eclipse.elk.…`): the importer silently drops an
//! option it cannot resolve, and a short suffix that matches two registered ids is dropped.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use elkrs::core::budget::{BudgetExceeded, with_element_budget};
use elkrs::graph::graph::{ElkGraph, NodeId};
use serde_json::{Map, Value, json};

use super::Direction;
use super::geometry::{Point, Rect, Size};

/// The engine's input: everything is already measured.
#[derive(Debug, Clone)]
pub(super) struct EngineGraph {
    pub direction: Direction,
    pub groups: Vec<EngineGroup>,
    pub nodes: Vec<EngineNode>,
    pub edges: Vec<EngineEdge>,
}

/// A container. Its final size comes from its content, but never less than `min_size`.
#[derive(Debug, Clone)]
pub(super) struct EngineGroup {
    pub parent: Option<usize>,
    pub min_size: Size,
    pub padding: Padding,
}

/// A leaf box of fixed size.
#[derive(Debug, Clone)]
pub(super) struct EngineNode {
    pub parent: Option<usize>,
    pub size: Size,
}

/// An edge between two leaf boxes, with its label box if it has one.
#[derive(Debug, Clone)]
pub(super) struct EngineEdge {
    pub from: usize,
    pub to: usize,
    pub label: Option<EngineLabel>,
}

/// An edge label: the engine places a box of `size`; the text only helps debugging (and must
/// not be empty: ELK ignores labels without text).
#[derive(Debug, Clone)]
pub(super) struct EngineLabel {
    pub text: String,
    pub size: Size,
}

/// Space kept free inside a group, between its border and its content.
#[derive(Debug, Clone, Copy)]
pub(super) struct Padding {
    pub top: f64,
    pub left: f64,
    pub bottom: f64,
    pub right: f64,
}

/// Absolute positions, in the order of the input's vectors, not yet rounded.
#[derive(Debug, Clone)]
pub(super) struct EngineOutput {
    pub size: Size,
    pub groups: Vec<Rect>,
    pub nodes: Vec<Rect>,
    pub edges: Vec<EngineEdgeOut>,
}

#[derive(Debug, Clone)]
pub(super) struct EngineEdgeOut {
    pub points: Vec<Point>,
    pub label: Option<Rect>,
}

/// Margin around the whole diagram.
pub(super) const MARGIN: f64 = 20.0;

/// Most nodes, ports and edges the engine's layered graph may hold, dummies included (each
/// layer a long connection crosses adds a node, two ports and an edge; so does a label).
///
/// The engine counts what it creates (`vendor/elkrs/src/core/budget.rs`), so the guard is a
/// budget of work, not of time: a file lays out or is refused the same way on every machine.
/// Measured with the debug build (memory is alike in release): a generated 500-box review
/// creates 48,000 elements (38 MB peak), 1,000 boxes 148,000 (94 MB), 2,000 boxes 470,000
/// (269 MB); 2,500 connections among 100 systems create 449,000 (241 MB). Peak memory grows
/// with the elements, so a diagram at the budget should peak near 300 MB.
pub const ELEMENT_BUDGET: u64 = 500_000;

/// Stack for the engine thread. ELK recurses over the group tree and some phases recurse over
/// the graph; 256 MiB of address space costs nothing until it is touched.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// Why the guarded engine gave no layout.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stop {
    /// The layered graph grew past [`ELEMENT_BUDGET`].
    OverBudget,
    /// A panic, an error from the engine or an output we could not read.
    Failed(String),
}

/// Refuses a diagram of `boxes` and `connections` that is over [`ELEMENT_BUDGET`] before any
/// dummy: the engine's graph holds a node for each box and an edge and its two ports for each
/// connection, so this never refuses what the engine could lay out. Called before the text is
/// measured and the engine's graph is built, which take time and memory of their own.
pub(super) fn check_size(boxes: usize, connections: usize) -> Result<(), String> {
    let least = (boxes as u64).saturating_add((connections as u64).saturating_mul(3));
    if least > ELEMENT_BUDGET {
        Err(too_large(boxes, connections))
    } else {
        Ok(())
    }
}

/// The error for a diagram past the budget: what it holds and how to draw less at once.
fn too_large(boxes: usize, connections: usize) -> String {
    format!(
        "the diagram is too large to lay out: {boxes} boxes and {connections} connections need \
         more than {ELEMENT_BUDGET} layout elements (boxes, connections, and a bend for every \
         layer a connection crosses); draw less at once: `--view current` shows the customer's \
         side alone, or split the review into several files with fewer connections each"
    )
}

/// Runs elkrs on `graph`, guarded against panics, stack overflow of the caller and work
/// beyond [`ELEMENT_BUDGET`].
pub(super) fn run(graph: &EngineGraph) -> Result<EngineOutput, String> {
    let boxes = graph.groups.len() + graph.nodes.len();
    check_size(boxes, graph.edges.len())?;
    let counts = (graph.groups.len(), graph.nodes.len(), graph.edges.len());
    let json = to_elk_json(graph);
    guarded(move || lay_out_json(json, counts)).map_err(|stop| match stop {
        Stop::OverBudget => too_large(boxes, graph.edges.len()),
        Stop::Failed(message) => message,
    })
}

/// Runs `job` on a thread of its own with a large stack, turning a panic into an error.
fn guarded<T, F>(job: F) -> Result<T, Stop>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, String> + Send + 'static,
{
    // Shared so that the job can still run here if the thread cannot start.
    let job = Arc::new(Mutex::new(Some(job)));
    let shared = Arc::clone(&job);
    let spawned = std::thread::Builder::new()
        .name("archc-layout".to_owned())
        .stack_size(STACK_SIZE)
        .spawn(move || take(&shared).map(run_caught));
    let stopped = || Stop::Failed("the layout engine stopped without a result".to_owned());
    match spawned {
        // Every panic is caught inside the thread, so `join` fails only if that breaks.
        Ok(thread) => thread
            .join()
            .ok()
            .flatten()
            .unwrap_or_else(|| Err(stopped())),
        // No thread (a tight address-space limit, say): run here, still catching panics.
        Err(_) => take(&job).map_or_else(|| Err(stopped()), run_caught),
    }
}

fn take<F>(slot: &Mutex<Option<F>>) -> Option<F> {
    // Nothing panics while the lock is held, so it is never poisoned.
    slot.lock().ok().and_then(|mut job| job.take())
}

thread_local! {
    /// Set while the engine runs on this thread under `catch_unwind`: a panic here becomes a
    /// `LayoutError`, so a panic hook may leave it unprinted ([`panic_is_caught_here`]).
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a panic on the current thread would be caught by the engine guard and reported as a
/// `LayoutError`. The binary's panic hook (`main.rs`) asks this to keep such panics off
/// stderr; the library installs no hook, because a hook is process-wide state.
pub(super) fn panic_is_caught_here() -> bool {
    CATCHING.with(Cell::get)
}

fn run_caught<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, Stop> {
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    match result {
        Ok(result) => result.map_err(Stop::Failed),
        Err(payload) if payload.is::<BudgetExceeded>() => Err(Stop::OverBudget),
        Err(payload) => Err(Stop::Failed(format!(
            "the layout engine panicked: {}",
            panic_message(&*payload)
        ))),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "no message".to_owned()
    }
}

fn lay_out_json(json: Value, counts: (usize, usize, usize)) -> Result<EngineOutput, String> {
    let elk = layered_only();
    let mut graph = elkrs::core::json::JsonImporter::new(&elk.options).import_graph(&json)?;
    // Free the JSON and the importer's id maps before the engine reaches its peak of memory.
    drop(json);
    let engine = elkrs::core::engine::RecursiveGraphLayoutEngine::new(&elk.algorithms);
    with_element_budget(ELEMENT_BUDGET, || engine.layout(&mut graph))?;
    read_back(&graph, counts)
}

/// elkrs with only the layered algorithm registered (`elkrs::create_elk` registers all nine,
/// and their options, on every call).
fn layered_only() -> elkrs::core::Elk {
    let mut elk = elkrs::core::Elk::new();
    elkrs::alg_layered::provider::register(&mut elk.options, &mut elk.algorithms);
    elk
}

// ---------------------------------------------------------------- building the ELK JSON graph

/// Options shared by the root and every group: ELK does not inherit layout options down the
/// hierarchy (except hierarchy handling), so each compound node carries its own copy.
fn common_options(direction: Direction, n_nodes: usize) -> Map<String, Value> {
    let direction = match direction {
        Direction::Down => "DOWN",
        Direction::Right => "RIGHT",
    };
    let pairs: [(&str, &str); 14] = [
        ("org.eclipse.elk.algorithm", "org.eclipse.elk.layered"),
        ("org.eclipse.elk.direction", direction),
        ("org.eclipse.elk.hierarchyHandling", "INCLUDE_CHILDREN"),
        ("org.eclipse.elk.edgeRouting", "ORTHOGONAL"),
        ("org.eclipse.elk.edgeLabels.placement", "CENTER"),
        ("org.eclipse.elk.spacing.nodeNode", "32"),
        (
            "org.eclipse.elk.layered.spacing.nodeNodeBetweenLayers",
            "48",
        ),
        ("org.eclipse.elk.spacing.edgeNode", "16"),
        (
            "org.eclipse.elk.layered.spacing.edgeNodeBetweenLayers",
            "16",
        ),
        ("org.eclipse.elk.spacing.edgeEdge", "12"),
        (
            "org.eclipse.elk.layered.spacing.edgeEdgeBetweenLayers",
            "12",
        ),
        ("org.eclipse.elk.spacing.edgeLabel", "4"),
        ("org.eclipse.elk.spacing.labelLabel", "6"),
        ("org.eclipse.elk.randomSeed", "1"),
    ];
    let mut options: Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
        .collect();
    options.insert(
        "org.eclipse.elk.layered.thoroughness".to_owned(),
        Value::String(thoroughness(n_nodes).to_string()),
    );
    options
}

/// How hard crossing minimisation tries: ELK's default (7) up to 71 boxes, then less as the
/// diagram grows, down to 1 from 251 boxes (500 / boxes, clamped to 1..=7).
///
/// Crossing minimisation is about half of the engine's time and grows with this number (the
/// count of random restarts). Measured with `benches/crossings.py` on generated reviews: below
/// about 100 boxes every restart can still remove crossings (the enterprise example has 20 at 7,
/// 24 at 5, 27 at 3); from about 150 boxes 3 restarts find what 7 find; at 200 boxes 7, 3 and
/// 1 give the identical layout while 7 costs 1.7 times the time of 2. Depends only on the input,
/// so still deterministic.
fn thoroughness(n_nodes: usize) -> u32 {
    const BUDGET: usize = 500;
    (BUDGET / n_nodes.max(1)).clamp(1, 7) as u32
}

fn to_elk_json(graph: &EngineGraph) -> Value {
    let mut root_options = common_options(graph.direction, graph.nodes.len());
    let margin = Padding {
        top: MARGIN,
        left: MARGIN,
        bottom: MARGIN,
        right: MARGIN,
    };
    root_options.insert("org.eclipse.elk.padding".to_owned(), padding_value(margin));
    let children = children_json(graph, None);
    let edges: Vec<Value> = graph
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| edge_json(i, e))
        .collect();
    object([
        ("id", Value::from("root")),
        ("layoutOptions", Value::Object(root_options)),
        ("children", Value::Array(children)),
        ("edges", Value::Array(edges)),
    ])
}

/// A JSON object of `fields`, moved in. (`json!` would serialise every nested map and array
/// into a fresh copy, once per level of groups.)
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// The JSON children of `parent` (`None` = the root): groups first, then nodes, each in input
/// order, so that the same input always gives the engine the same model order.
fn children_json(graph: &EngineGraph, parent: Option<usize>) -> Vec<Value> {
    let groups = graph
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.parent == parent);
    let nodes = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.parent == parent);
    let mut children: Vec<Value> = groups.map(|(i, g)| group_json(graph, i, g)).collect();
    children.extend(
        nodes.map(
            |(i, n)| json!({ "id": node_id(i), "width": n.size.width, "height": n.size.height }),
        ),
    );
    children
}

fn group_json(graph: &EngineGraph, idx: usize, group: &EngineGroup) -> Value {
    let children = children_json(graph, Some(idx));
    let min = minimum_size(graph.direction, group.min_size, !children.is_empty());
    let mut options = common_options(graph.direction, graph.nodes.len());
    let extra = [
        ("org.eclipse.elk.padding", padding_value(group.padding)),
        (
            "org.eclipse.elk.nodeSize.constraints",
            Value::String("[MINIMUM_SIZE]".to_owned()),
        ),
        (
            "org.eclipse.elk.nodeSize.minimum",
            Value::String(format!("({},{})", min.width, min.height)),
        ),
        // Extra room from a title wider than the content goes to the right of the content.
        (
            "org.eclipse.elk.contentAlignment",
            Value::String("[V_TOP, H_LEFT]".to_owned()),
        ),
    ];
    for (key, value) in extra {
        options.insert(key.to_owned(), value);
    }
    object([
        ("id", Value::from(group_id(idx))),
        // An empty group is a leaf to the engine and keeps exactly this size.
        ("width", Value::from(group.min_size.width)),
        ("height", Value::from(group.min_size.height)),
        ("layoutOptions", Value::Object(options)),
        ("children", Value::Array(children)),
    ])
}

/// The `nodeSize.minimum` to give a group so that it comes out at least `min` in size.
///
/// Engine quirk (elkrs 0.1.1, and the ELK code it ports): layered runs DOWN as RIGHT on a
/// transposed graph, and it transposes the minimum size of every node but not that of a nested
/// graph, which the hierarchical node resizer then reads in transposed coordinates. Left alone,
/// a group with content gets our minimum *width* as its minimum *height* and a long title
/// sticks out. So for DOWN we hand compound groups their minimum transposed. `validate.rs`
/// checks that every title fits, so a fix upstream would be caught, not drawn wrong.
fn minimum_size(direction: Direction, min: Size, has_children: bool) -> Size {
    match direction {
        Direction::Down if has_children => Size::new(min.height, min.width),
        _ => min,
    }
}

fn edge_json(idx: usize, edge: &EngineEdge) -> Value {
    let mut value = json!({
        "id": format!("e{idx}"),
        "sources": [node_id(edge.from)],
        "targets": [node_id(edge.to)],
    });
    if let (Some(label), Some(obj)) = (&edge.label, value.as_object_mut()) {
        let (width, height) = (label.size.width, label.size.height);
        let label = json!({ "id": format!("l{idx}"), "text": label.text, "width": width, "height": height });
        obj.insert("labels".to_owned(), Value::Array(vec![label]));
    }
    value
}

fn padding_value(p: Padding) -> Value {
    Value::String(format!(
        "[top={},left={},bottom={},right={}]",
        p.top, p.left, p.bottom, p.right
    ))
}

fn group_id(idx: usize) -> String {
    format!("g{idx}")
}

fn node_id(idx: usize) -> String {
    format!("n{idx}")
}

// ---------------------------------------------------------------- reading the result back

/// Which of our elements an ELK node stands for, from the id we gave it.
enum Element {
    Root,
    Group(usize),
    Node(usize),
}

fn element_of(graph: &ElkGraph, node: NodeId) -> Option<Element> {
    let id = graph.node(node).identifier.as_deref()?;
    if id == "root" {
        return Some(Element::Root);
    }
    let (kind, number) = id.split_at_checked(1)?;
    let idx = number.parse().ok()?;
    match kind {
        "g" => Some(Element::Group(idx)),
        "n" => Some(Element::Node(idx)),
        _ => None,
    }
}

fn read_back(graph: &ElkGraph, counts: (usize, usize, usize)) -> Result<EngineOutput, String> {
    let (n_groups, n_nodes, n_edges) = counts;
    let origins = absolute_origins(graph);
    let unset = Rect::new(f64::NAN, f64::NAN, 0.0, 0.0);
    let mut groups = vec![unset; n_groups];
    let mut nodes = vec![unset; n_nodes];
    for (i, node) in graph.nodes.iter().enumerate() {
        let s = &node.shape;
        let origin = origins[i];
        let rect = Rect::new(origin.x, origin.y, s.width, s.height);
        match element_of(graph, NodeId(i as u32)) {
            Some(Element::Group(g)) if g < n_groups => groups[g] = rect,
            Some(Element::Node(n)) if n < n_nodes => nodes[n] = rect,
            Some(Element::Root) => {}
            _ => return Err(format!("the layout engine returned an unknown node {i}")),
        }
    }
    if graph.edges.len() != n_edges {
        return Err(format!(
            "the layout engine returned {} edges, not {n_edges}",
            graph.edges.len()
        ));
    }
    let edges = (0..n_edges)
        .map(|e| read_edge(graph, &origins, e))
        .collect::<Result<_, _>>()?;
    let root = &graph.node(graph.root).shape;
    Ok(EngineOutput {
        size: Size::new(root.width, root.height),
        groups,
        nodes,
        edges,
    })
}

/// The absolute position of every ELK node's top-left corner, indexed like `graph.nodes`.
fn absolute_origins(graph: &ElkGraph) -> Vec<Point> {
    let mut origins = vec![Point::new(0.0, 0.0); graph.nodes.len()];
    // Parents are created before their children, so one pass in index order suffices; the
    // root's own position is the diagram's origin.
    for (i, node) in graph.nodes.iter().enumerate() {
        origins[i] = match node.parent {
            Some(parent) if parent.index() < i => {
                let p = origins[parent.index()];
                Point::new(p.x + node.shape.x, p.y + node.shape.y)
            }
            _ => Point::new(0.0, 0.0),
        };
    }
    origins
}

fn read_edge(graph: &ElkGraph, origins: &[Point], idx: usize) -> Result<EngineEdgeOut, String> {
    let edge = &graph.edges[idx];
    let origin = edge
        .containing_node
        .map_or(Point::new(0.0, 0.0), |n| origins[n.index()]);
    let shift = |x: f64, y: f64| Point::new(origin.x + x, origin.y + y);
    let mut points = Vec::new();
    for &section in &edge.sections {
        let s = graph.section(section);
        points.push(shift(s.start_x, s.start_y));
        points.extend(s.bend_points.iter().map(|&(x, y)| shift(x, y)));
        points.push(shift(s.end_x, s.end_y));
    }
    if points.len() < 2 {
        return Err(format!("the layout engine gave edge {idx} no route"));
    }
    let label = edge.labels.first().map(|&l| {
        let s = &graph.label(l).shape;
        Rect::new(origin.x + s.x, origin.y + s.y, s.width, s.height)
    });
    Ok(EngineEdgeOut { points, label })
}

#[cfg(test)]
mod tests {
    use super::{Direction, EngineGraph, Stop, common_options, run_caught, thoroughness};

    #[test]
    fn thoroughness_falls_from_elks_default_as_diagrams_grow() {
        let by_size: Vec<u32> = [0, 10, 71, 72, 100, 200, 250, 251, 1000]
            .into_iter()
            .map(thoroughness)
            .collect();
        assert_eq!(by_size, [7, 7, 7, 6, 5, 2, 2, 1, 1]);
    }

    /// Every option we pass must be known to elkrs and parse, or the importer drops it silently.
    #[test]
    fn every_option_is_understood() {
        let elk = super::layered_only();
        let mut options = common_options(Direction::Right, 1000);
        let extra = super::group_json(&empty(), 0, &sample_group());
        if let Some(map) = extra["layoutOptions"].as_object() {
            options.extend(map.clone());
        }
        for (key, value) in &options {
            let data = elk.options.option_by_suffix(key);
            assert!(data.is_some(), "unknown option {key}");
            let text = value.as_str().unwrap_or_default();
            assert!(
                data.and_then(|d| d.parse_value(text)).is_some(),
                "{key} = {text}"
            );
        }
    }

    #[test]
    fn panics_on_the_engine_thread_become_errors() {
        let result: Result<(), Stop> = super::guarded(|| panic!("boom"));
        let expect = Stop::Failed("the layout engine panicked: boom".to_owned());
        assert_eq!(result, Err(expect));
    }

    #[test]
    fn panics_become_errors() {
        let result: Result<(), Stop> = run_caught(|| panic!("boom"));
        let expect = Stop::Failed("the layout engine panicked: boom".to_owned());
        assert_eq!(result, Err(expect));
    }

    /// The library installs no panic hook (a hook is process-wide): a panic on the engine
    /// thread reaches the hook the program set, which can tell it is caught.
    #[test]
    fn the_guard_leaves_the_panic_hook_to_the_program() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static CAUGHT: AtomicUsize = AtomicUsize::new(0);
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {
            if super::panic_is_caught_here() {
                CAUGHT.fetch_add(1, Ordering::SeqCst);
            }
        }));
        let result = super::guarded::<(), _>(|| panic!("boom"));
        std::panic::set_hook(before);
        assert!(matches!(result, Err(Stop::Failed(_))), "{result:?}");
        assert!(CAUGHT.load(Ordering::SeqCst) >= 1);
        assert!(!super::panic_is_caught_here(), "only inside the guard");
    }

    /// The engine's graph past the budget stops it the same way on every run: the elements
    /// are counted, not timed.
    #[test]
    fn work_past_the_budget_is_refused() {
        let job = || {
            elkrs::core::budget::with_element_budget(3, || {
                std::panic::panic_any(elkrs::core::budget::BudgetExceeded)
            })
        };
        assert_eq!(super::guarded::<(), _>(job), Err(Stop::OverBudget));
    }

    /// A diagram that is over budget before any dummy is refused without building the engine's
    /// graph, with the counts and what to do; one just within is let through.
    #[test]
    fn oversized_diagrams_are_refused_before_the_engine_runs() {
        let most = (super::ELEMENT_BUDGET / 3) as usize;
        assert_eq!(super::check_size(2, most - 1), Ok(()));
        let message = super::check_size(2, most + 1).err().unwrap_or_default();
        let expect = "the diagram is too large to lay out: 2 boxes and 166667 connections";
        assert!(message.starts_with(expect), "{message}");
        assert!(message.contains("--view current"), "{message}");
    }

    fn empty() -> EngineGraph {
        EngineGraph {
            direction: Direction::Down,
            groups: vec![],
            nodes: vec![],
            edges: vec![],
        }
    }

    fn sample_group() -> super::EngineGroup {
        super::EngineGroup {
            parent: None,
            min_size: super::Size::new(100.0, 40.0),
            padding: super::Padding {
                top: 30.0,
                left: 10.0,
                bottom: 10.0,
                right: 10.0,
            },
        }
    }
}
