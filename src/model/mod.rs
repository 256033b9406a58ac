//! SYNTAX TREE → MODEL. Resolves names, checks values against the schema, and builds the
//! graph of elements and connections that every later stage reads.
//!
//! The model is the one API that lint rules, layout, tables and reports read from; petgraph
//! stays inside this module.

mod date;
mod declare;
mod derived;
pub mod practice;
mod resolve;
pub mod schema;
pub mod vocab;

pub use date::Date;
pub use derived::Direction;
pub use schema::Holder;
pub use vocab::{Family, Method};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::diagnostic::{Diagnostic, RuleId};
use crate::source::Span;
use crate::syntax::ast;

/// The model of one file and the diagnostics found while building it.
#[derive(Debug)]
pub struct Lowered {
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the model of a parsed file. Never fails: unresolvable parts are left out of the
/// model and reported.
pub fn lower(file: &ast::File) -> Lowered {
    let (mut model, pending, mut diagnostics) = declare::declare(file);
    resolve::resolve(&mut model, &pending, &mut diagnostics);
    model.build_graph();
    model.assign_connection_keys();
    Lowered { model, diagnostics }
}

/// Which way a connection points, as written: the model's own reading of the arrow, so that
/// nothing after lowering needs the syntax tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arrow {
    /// `->`
    Forward,
    /// `<-`
    Backward,
    /// `<->`
    Both,
    /// `--`
    Undirected,
}

impl Arrow {
    /// The arrow as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Arrow::Forward => "->",
            Arrow::Backward => "<-",
            Arrow::Both => "<->",
            Arrow::Undirected => "--",
        }
    }
}

impl From<ast::Arrow> for Arrow {
    fn from(arrow: ast::Arrow) -> Arrow {
        match arrow {
            ast::Arrow::Forward => Arrow::Forward,
            ast::Arrow::Backward => Arrow::Backward,
            ast::Arrow::Both => Arrow::Both,
            ast::Arrow::Undirected => Arrow::Undirected,
        }
    }
}

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}
id_type!(ElementId, PersonId, ConnectionId, RecordId);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementKind {
    Customer,
    Solution,
    Group,
    System,
    Module,
}

impl ElementKind {
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::Customer => "customer",
            ElementKind::Solution => "solution",
            ElementKind::Group => "group",
            ElementKind::System => "system",
            ElementKind::Module => "module",
        }
    }

    /// The attribute schema this kind of element is checked against.
    pub fn holder(self) -> Holder {
        match self {
            ElementKind::Customer => Holder::Customer,
            ElementKind::Solution => Holder::Solution,
            ElementKind::Group => Holder::Group,
            ElementKind::System => Holder::System,
            ElementKind::Module => Holder::Module,
        }
    }

    /// Customers, solutions and groups hold other elements; systems and modules are leaves.
    pub fn is_container(self) -> bool {
        matches!(
            self,
            ElementKind::Customer | ElementKind::Solution | ElementKind::Group
        )
    }
}

/// Where a declaration stands in the source, for diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spans {
    /// The whole declaration, block included.
    pub full: Span,
    /// The head: keyword, ID and label (for a connection: ends, methods and label).
    pub head: Span,
    /// The ID (for records without one, the keyword).
    pub id: Span,
}

/// A rule name from an `allow: [...]` attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allowed {
    /// As written, for `invalid-allow` and exports.
    pub name: String,
    /// The rule it names; `None` for a name no rule has (`invalid-allow` reports it).
    pub rule: Option<RuleId>,
    pub span: Span,
}

/// A customer, solution, group, system or module.
#[derive(Clone, Debug)]
pub struct Element {
    pub id: String,
    /// The display label: the label as written, or the ID.
    pub label: String,
    pub kind: ElementKind,
    pub parent: Option<ElementId>,
    pub children: Vec<ElementId>,
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    pub spans: Spans,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    /// The display name: the label as written, or the ID.
    pub name: String,
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    pub spans: Spans,
}

impl Person {
    pub fn role(&self) -> Option<&'static str> {
        self.attrs.word("role")
    }

    pub fn org(&self) -> Option<&'static str> {
        self.attrs.word("org")
    }
}

/// Existing (current state) or proposed (touches the solution).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Existing,
    Proposed,
}

#[derive(Clone, Debug)]
pub struct Connection {
    pub from: ElementId,
    pub to: ElementId,
    pub arrow: Arrow,
    /// The connection as written without spaces (`okta->auth`, `a<-b`), made unique in
    /// source order by `#2`, `#3`, ... for a second and third written the same way: the
    /// `data-id` and every other handle on one connection.
    pub key: String,
    pub methods: Vec<Method>,
    pub label: Option<String>,
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    /// Derived from the ends, or set by `status:`.
    pub status: Status,
    /// Gaps declared inside this connection's block.
    pub gaps: Vec<RecordId>,
    pub spans: Spans,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Gap,
    Risk,
    Prerequisite,
    Step,
    Question,
}

impl RecordKind {
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Gap => "gap",
            RecordKind::Risk => "risk",
            RecordKind::Prerequisite => "prerequisite",
            RecordKind::Step => "step",
            RecordKind::Question => "question",
        }
    }
}

/// A gap, risk, prerequisite, next step or open question.
#[derive(Clone, Debug)]
pub struct Record {
    pub kind: RecordKind,
    pub id: Option<String>,
    pub text: String,
    /// For a gap declared inside a connection's block: that connection.
    pub connection: Option<ConnectionId>,
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    pub spans: Spans,
}

/// The `review` block.
#[derive(Clone, Debug)]
pub struct Review {
    pub title: String,
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    pub spans: Spans,
}

/// The `nfr` block.
#[derive(Clone, Debug)]
pub struct Nfr {
    pub attrs: Attributes,
    pub allow: Vec<Allowed>,
    pub spans: Spans,
}

/// An owner: a declared person, or a team named in free text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Person(PersonId),
    Team(String),
}

/// A checked attribute value.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    Text(String),
    Word(&'static str),
    Words(Vec<&'static str>),
    Date(Date),
    Owner(Owner),
    Person(PersonId),
    Element(ElementId),
    Methods(Vec<Method>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub key: &'static str,
    pub value: AttrValue,
    /// The whole `key: value`.
    pub span: Span,
}

/// The checked attributes of one declaration, in source order. Keys are unique.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes(pub Vec<Attribute>);

impl Attributes {
    pub fn get(&self, key: &str) -> Option<&Attribute> {
        self.0.iter().find(|a| a.key == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        match &self.get(key)?.value {
            AttrValue::Text(text) => Some(text),
            AttrValue::Word(word) => Some(word),
            _ => None,
        }
    }

    pub fn word(&self, key: &str) -> Option<&'static str> {
        match self.get(key)?.value {
            AttrValue::Word(word) => Some(word),
            _ => None,
        }
    }

    pub fn words(&self, key: &str) -> &[&'static str] {
        match self.get(key).map(|a| &a.value) {
            Some(AttrValue::Words(words)) => words,
            _ => &[],
        }
    }

    pub fn date(&self, key: &str) -> Option<Date> {
        match self.get(key)?.value {
            AttrValue::Date(date) => Some(date),
            _ => None,
        }
    }

    pub fn owner(&self) -> Option<&Owner> {
        match &self.get("owner")?.value {
            AttrValue::Owner(owner) => Some(owner),
            _ => None,
        }
    }

    pub fn methods(&self, key: &str) -> &[Method] {
        match self.get(key).map(|a| &a.value) {
            Some(AttrValue::Methods(methods)) => methods,
            _ => &[],
        }
    }
}

/// What an ID names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    Element(ElementId),
    Person(PersonId),
    Record(RecordId),
}

/// One architecture review: elements, people, connections and records, in source order.
#[derive(Debug, Default)]
pub struct Model {
    pub review: Option<Review>,
    pub nfr: Option<Nfr>,
    pub elements: Vec<Element>,
    pub persons: Vec<Person>,
    pub connections: Vec<Connection>,
    pub records: Vec<Record>,
    symbols: HashMap<String, Symbol, BuildHasherDefault<IdHasher>>,
    /// Node `i` is element `i`; edge weights are connections. Built once by `lower`.
    graph: DiGraph<ElementId, ConnectionId>,
}

impl Model {
    pub fn element(&self, id: ElementId) -> &Element {
        &self.elements[id.index()]
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.persons[id.index()]
    }

    pub fn connection(&self, id: ConnectionId) -> &Connection {
        &self.connections[id.index()]
    }

    pub fn record(&self, id: RecordId) -> &Record {
        &self.records[id.index()]
    }

    pub fn lookup(&self, id: &str) -> Option<Symbol> {
        self.symbols.get(id).copied()
    }

    pub fn element_ids(&self) -> impl Iterator<Item = ElementId> + '_ {
        (0..self.elements.len() as u32).map(ElementId)
    }

    pub fn connection_ids(&self) -> impl Iterator<Item = ConnectionId> + '_ {
        (0..self.connections.len() as u32).map(ConnectionId)
    }

    /// Elements of one kind, in source order.
    pub fn elements_of_kind(
        &self,
        kind: ElementKind,
    ) -> impl Iterator<Item = (ElementId, &Element)> + '_ {
        self.element_ids()
            .map(|id| (id, self.element(id)))
            .filter(move |(_, e)| e.kind == kind)
    }

    /// Elements at the top level (no parent), in source order.
    pub fn roots(&self) -> impl Iterator<Item = ElementId> + '_ {
        self.element_ids()
            .filter(|&id| self.element(id).parent.is_none())
    }

    /// Records of one kind, in source order.
    pub fn records_of_kind(
        &self,
        kind: RecordKind,
    ) -> impl Iterator<Item = (RecordId, &Record)> + '_ {
        self.records
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.kind == kind)
            .map(|(i, r)| (RecordId(i as u32), r))
    }

    /// The connections that start or end at `element`, in source order.
    pub fn connections_of(&self, element: ElementId) -> Vec<ConnectionId> {
        let node = NodeIndex::new(element.index());
        let mut ids: Vec<ConnectionId> = self
            .graph
            .edges_directed(node, petgraph::Direction::Outgoing)
            .chain(
                self.graph
                    .edges_directed(node, petgraph::Direction::Incoming),
            )
            .map(|e| *e.weight())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether any connection starts or ends at `element`.
    pub fn is_connected(&self, element: ElementId) -> bool {
        let node = NodeIndex::new(element.index());
        self.graph.neighbors_undirected(node).next().is_some()
    }

    /// The chain of containers around `element`, innermost first.
    pub fn ancestors(&self, element: ElementId) -> impl Iterator<Item = ElementId> + '_ {
        std::iter::successors(self.element(element).parent, |&p| self.element(p).parent)
    }

    /// The display name of an owner: the person's name, or the team text.
    pub fn owner_name<'m>(&'m self, owner: &'m Owner) -> &'m str {
        match owner {
            Owner::Person(p) => &self.person(*p).name,
            Owner::Team(team) => team,
        }
    }

    /// The persons with `role`, in source order.
    pub fn persons_with_role<'m>(&'m self, role: &'m str) -> impl Iterator<Item = &'m Person> {
        self.persons.iter().filter(move |p| p.role() == Some(role))
    }

    fn assign_connection_keys(&mut self) {
        let mut seen: HashMap<String, u32> = HashMap::new();
        for i in 0..self.connections.len() {
            let c = &self.connections[i];
            let written = format!(
                "{}{}{}",
                self.element(c.from).id,
                c.arrow.as_str(),
                self.element(c.to).id
            );
            let count = seen.entry(written.clone()).or_insert(0);
            *count += 1;
            self.connections[i].key = match *count {
                1 => written,
                n => format!("{written}#{n}"),
            };
        }
    }

    fn build_graph(&mut self) {
        let mut graph = DiGraph::with_capacity(self.elements.len(), self.connections.len());
        for id in self.element_ids() {
            graph.add_node(id);
        }
        for (i, c) in self.connections.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(c.from.index()),
                NodeIndex::new(c.to.index()),
                ConnectionId(i as u32),
            );
        }
        self.graph = graph;
    }
}

/// FNV-1a over the bytes of an ID, for the symbol table. IDs are short and come from the file
/// being compiled, not from an adversary across a network, so SipHash's protection against
/// hash flooding buys nothing here and costs a tenth of lowering time. The table is only
/// looked up, never iterated, so its order cannot reach the output.
pub(crate) struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> IdHasher {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
