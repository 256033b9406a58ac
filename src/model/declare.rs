//! Pass 1: collect every declaration into the model's arenas and symbol table, checking
//! where each may stand (`misplaced-element`) and that IDs are unique (`duplicate-id`).
//!
//! Attributes and connections are only gathered here; they are checked in pass 2, once
//! every ID is known, so that a reference may point forward in the file.

use crate::diagnostic::{Diagnostic, RuleId};
use crate::model::schema::Holder;
use crate::model::{
    Attributes, Element, ElementId, ElementKind, Model, Nfr, Person, PersonId, Record, RecordId,
    RecordKind, Review, Spans, Symbol,
};
use crate::source::Span;
use crate::syntax::ast::{self, DeclKind, Stmt};

/// What pass 2 must still check, with the syntax it comes from.
#[derive(Default)]
pub(super) struct Pending<'a> {
    pub attrs: Vec<PendingAttrs<'a>>,
    pub connections: Vec<PendingConnection<'a>>,
}

/// The attributes written in one declaration's block.
pub(super) struct PendingAttrs<'a> {
    pub target: Target,
    pub holder: Holder,
    pub attrs: Vec<&'a ast::Attr>,
}

/// Whose attributes these are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Element(ElementId),
    Person(PersonId),
    Record(RecordId),
    Review,
    Nfr,
    /// Index into `Pending::connections`.
    Connection(usize),
}

pub(super) struct PendingConnection<'a> {
    pub syntax: &'a ast::Connection,
    /// Gaps declared in the connection's block.
    pub gaps: Vec<RecordId>,
}

/// Where a statement stands, which decides what it may be.
#[derive(Clone, Copy, Debug)]
enum Context {
    Top,
    Container(ElementId),
    /// Inside a block that holds only attributes (and, for connections, gaps).
    Leaf(Holder, Target),
}

pub(super) fn declare(file: &ast::File) -> (Model, Pending<'_>, Vec<Diagnostic>) {
    let mut cx = Declarer {
        model: Model::default(),
        pending: Pending::default(),
        diagnostics: Vec::new(),
        review_span: None,
        nfr_span: None,
    };
    cx.stmts(&file.stmts, Context::Top);
    (cx.model, cx.pending, cx.diagnostics)
}

struct Declarer<'a> {
    model: Model,
    pending: Pending<'a>,
    diagnostics: Vec<Diagnostic>,
    review_span: Option<Span>,
    nfr_span: Option<Span>,
}

impl<'a> Declarer<'a> {
    fn stmts(&mut self, stmts: &'a [Stmt], cx: Context) {
        let mut attrs = Vec::new();
        for stmt in stmts {
            match stmt {
                Stmt::Decl(decl) => self.decl(decl, cx),
                Stmt::Connection(conn) => self.connection(conn, cx),
                Stmt::Record(record) => self.record(record, cx),
                Stmt::Attr(attr) => attrs.push(attr),
                Stmt::Comment(_) | Stmt::Blank(_) | Stmt::Error(_) => {}
            }
        }
        match cx {
            Context::Top => {
                for attr in attrs {
                    self.misplaced(
                        attr.span,
                        format!("attribute `{}` outside any declaration", attr.key.name),
                        "move it into the block of the declaration it describes",
                    );
                }
            }
            Context::Container(id) => {
                let holder = self.model.element(id).kind.holder();
                self.push_attrs(Target::Element(id), holder, attrs);
            }
            Context::Leaf(holder, target) => self.push_attrs(target, holder, attrs),
        }
    }

    fn push_attrs(&mut self, target: Target, holder: Holder, attrs: Vec<&'a ast::Attr>) {
        if !attrs.is_empty() {
            self.pending.attrs.push(PendingAttrs {
                target,
                holder,
                attrs,
            });
        }
    }

    fn decl(&mut self, decl: &'a ast::Decl, cx: Context) {
        if let Err(why) = self.decl_allowed(decl.kind, cx) {
            self.misplaced(decl.keyword_span.to(decl.id.span), why.0, why.1);
        }
        let head_end = decl.label.as_ref().map_or(decl.id.span, |l| l.span);
        let spans = Spans {
            full: decl.span,
            head: decl.keyword_span.to(head_end),
            id: decl.id.span,
        };
        let label = decl
            .label
            .as_ref()
            .map_or_else(|| decl.id.name.clone(), |l| l.value.clone());
        let body = decl.body.as_ref().map_or(&[][..], |b| &b.stmts[..]);
        let Some(kind) = element_kind(decl.kind) else {
            let id = PersonId(self.model.persons.len() as u32);
            self.define(&decl.id, Symbol::Person(id));
            self.model.persons.push(Person {
                id: decl.id.name.clone(),
                name: label,
                attrs: Attributes::default(),
                allow: Vec::new(),
                spans,
            });
            self.stmts(body, Context::Leaf(Holder::Person, Target::Person(id)));
            return;
        };
        let id = ElementId(self.model.elements.len() as u32);
        let parent = match cx {
            Context::Container(parent) => Some(parent),
            _ => None,
        };
        self.define(&decl.id, Symbol::Element(id));
        self.model.elements.push(Element {
            id: decl.id.name.clone(),
            label,
            kind,
            parent,
            children: Vec::new(),
            attrs: Attributes::default(),
            allow: Vec::new(),
            spans,
        });
        if let Some(parent) = parent {
            self.model.elements[parent.index()].children.push(id);
        }
        let inner = if kind.is_container() {
            Context::Container(id)
        } else {
            Context::Leaf(kind.holder(), Target::Element(id))
        };
        self.stmts(body, inner);
    }

    /// Whether a declaration of `kind` may stand in `cx`; if not, the message and help.
    fn decl_allowed(&self, kind: DeclKind, cx: Context) -> Result<(), (String, &'static str)> {
        let side = match cx {
            Context::Top => None,
            Context::Container(id) => self.side_of(id),
            Context::Leaf(holder, _) => {
                return Err((
                    format!(
                        "a {} cannot be declared inside a {}",
                        kind.keyword(),
                        holder.name()
                    ),
                    "only customers, solutions and groups hold other declarations; move it out of this block",
                ));
            }
        };
        let ok = match kind {
            DeclKind::Customer => matches!(cx, Context::Top),
            DeclKind::Solution => side != Some(ElementKind::Solution),
            DeclKind::Group | DeclKind::Person => true,
            DeclKind::System => side == Some(ElementKind::Customer),
            DeclKind::Module => side == Some(ElementKind::Solution),
        };
        if ok {
            return Ok(());
        }
        Err(match kind {
            DeclKind::Customer => (
                "a customer must be declared at the top level".into(),
                "move the customer out of the enclosing block",
            ),
            DeclKind::Solution => (
                "a solution cannot sit inside another solution".into(),
                "declare it at the top level (SaaS) or inside a customer or one of its groups",
            ),
            DeclKind::System => (
                "a system must be inside a customer".into(),
                "move it into a `customer` block (directly or in one of its groups); the vendor's parts are `module`s of a `solution`",
            ),
            _ => (
                "a module must be inside a solution".into(),
                "move it into a `solution` block (directly or in one of its groups); the customer's parts are `system`s",
            ),
        })
    }

    /// The nearest customer or solution around (or at) a container.
    fn side_of(&self, id: ElementId) -> Option<ElementKind> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .map(|e| self.model.elements[e.index()].kind)
            .find(|k| matches!(k, ElementKind::Customer | ElementKind::Solution))
    }

    fn ancestors(&self, id: ElementId) -> impl Iterator<Item = ElementId> + '_ {
        std::iter::successors(self.model.elements[id.index()].parent, |p| {
            self.model.elements[p.index()].parent
        })
    }

    fn connection(&mut self, conn: &'a ast::Connection, cx: Context) {
        if let Context::Leaf(holder, _) = cx {
            self.misplaced(
                conn.from.span.to(conn.to.span),
                format!("a connection cannot be declared inside a {}", holder.name()),
                "declare connections at the top level or in a customer, solution or group",
            );
            return;
        }
        let index = self.pending.connections.len();
        self.pending.connections.push(PendingConnection {
            syntax: conn,
            gaps: Vec::new(),
        });
        let body = conn.body.as_ref().map_or(&[][..], |b| &b.stmts[..]);
        self.stmts(
            body,
            Context::Leaf(Holder::Connection, Target::Connection(index)),
        );
    }

    fn record(&mut self, record: &'a ast::Record, cx: Context) {
        let body = record.body.as_ref().map_or(&[][..], |b| &b.stmts[..]);
        let head_end = record
            .text
            .as_ref()
            .map(|t| t.span)
            .or(record.id.as_ref().map(|i| i.span))
            .unwrap_or(record.keyword_span);
        let spans = Spans {
            full: record.span,
            head: record.keyword_span.to(head_end),
            id: record.id.as_ref().map_or(record.keyword_span, |i| i.span),
        };
        match record.kind {
            ast::RecordKind::Review => self.review(record, spans, cx, body),
            ast::RecordKind::Nfr => self.nfr(record, spans, cx, body),
            kind => self.plain_record(record, record_kind(kind), spans, cx, body),
        }
    }

    fn review(&mut self, record: &'a ast::Record, spans: Spans, cx: Context, body: &'a [Stmt]) {
        if !matches!(cx, Context::Top) {
            self.misplaced(
                spans.head,
                "the `review` block must be at the top level".into(),
                "move it to the top level of the file",
            );
            return;
        }
        if let Some(first) = self.review_span {
            let d = Diagnostic::error(
                RuleId::MisplacedElement,
                spans.head,
                "a second `review` block",
            )
            .with_secondary(first, "the first `review` block")
            .with_help("a file describes one review; merge the two blocks");
            self.diagnostics.push(d);
            return;
        }
        self.extra_parts(record, true);
        self.review_span = Some(spans.head);
        self.model.review = Some(Review {
            title: record
                .text
                .as_ref()
                .map_or_else(String::new, |t| t.value.clone()),
            attrs: Attributes::default(),
            allow: Vec::new(),
            spans,
        });
        self.stmts(body, Context::Leaf(Holder::Review, Target::Review));
    }

    fn nfr(&mut self, record: &'a ast::Record, spans: Spans, cx: Context, body: &'a [Stmt]) {
        if !matches!(cx, Context::Top) {
            self.misplaced(
                spans.head,
                "the `nfr` block must be at the top level".into(),
                "move it to the top level of the file",
            );
            return;
        }
        if let Some(first) = self.nfr_span {
            let d = Diagnostic::error(RuleId::MisplacedElement, spans.head, "a second `nfr` block")
                .with_secondary(first, "the first `nfr` block")
                .with_help(
                    "a review has one set of non-functional requirements; merge the two blocks",
                );
            self.diagnostics.push(d);
            return;
        }
        self.extra_parts(record, false);
        self.nfr_span = Some(spans.head);
        self.model.nfr = Some(Nfr {
            attrs: Attributes::default(),
            allow: Vec::new(),
            spans,
        });
        self.stmts(body, Context::Leaf(Holder::Nfr, Target::Nfr));
    }

    /// `review` takes a title but no ID; `nfr` takes neither.
    fn extra_parts(&mut self, record: &ast::Record, takes_text: bool) {
        let keyword = record.kind.keyword();
        if let Some(id) = &record.id {
            self.invalid(id.span, format!("`{keyword}` takes no ID"), "remove the ID");
        }
        if let (false, Some(text)) = (takes_text, &record.text) {
            self.invalid(
                text.span,
                format!("`{keyword}` takes no text"),
                "remove the text",
            );
        }
    }

    fn plain_record(
        &mut self,
        record: &'a ast::Record,
        kind: RecordKind,
        spans: Spans,
        cx: Context,
        body: &'a [Stmt],
    ) {
        let connection = match cx {
            Context::Leaf(Holder::Connection, Target::Connection(index)) => Some(index),
            _ => None,
        };
        let placed = match (kind, cx) {
            (_, Context::Top) => true,
            (RecordKind::Gap, _) => connection.is_some(),
            _ => false,
        };
        if !placed {
            let help = if kind == RecordKind::Gap {
                "declare a gap at the top level (with `point:`) or inside a connection's block"
            } else {
                "declare it at the top level of the file"
            };
            self.misplaced(
                spans.head,
                format!("a {} cannot be declared here", kind.name()),
                help,
            );
        }
        let id = RecordId(self.model.records.len() as u32);
        if let Some(ident) = &record.id {
            self.define(ident, Symbol::Record(id));
        }
        self.model.records.push(Record {
            kind,
            id: record.id.as_ref().map(|i| i.name.clone()),
            text: record
                .text
                .as_ref()
                .map_or_else(String::new, |t| t.value.clone()),
            connection: None,
            attrs: Attributes::default(),
            allow: Vec::new(),
            spans,
        });
        if let Some(index) = connection {
            self.pending.connections[index].gaps.push(id);
        }
        let holder = holder_of_record(kind);
        self.stmts(body, Context::Leaf(holder, Target::Record(id)));
    }

    /// Enters an ID in the symbol table, or reports it as a duplicate of the first.
    fn define(&mut self, ident: &ast::Ident, symbol: Symbol) {
        if let Some(first) = self.model.symbols.get(&ident.name) {
            let first_span = self.symbol_span(*first);
            let d = Diagnostic::error(
                RuleId::DuplicateId,
                ident.span,
                format!("`{}` is declared more than once", ident.name),
            )
            .with_label("declared again here")
            .with_secondary(first_span, "first declared here")
            .with_help("IDs are unique in a file (elements, persons and records share one namespace); rename one of them");
            self.diagnostics.push(d);
            return;
        }
        self.model.symbols.insert(ident.name.clone(), symbol);
    }

    fn symbol_span(&self, symbol: Symbol) -> Span {
        match symbol {
            Symbol::Element(id) => self.model.elements[id.index()].spans.id,
            Symbol::Person(id) => self.model.persons[id.index()].spans.id,
            Symbol::Record(id) => self.model.records[id.index()].spans.id,
        }
    }

    fn misplaced(&mut self, span: Span, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(RuleId::MisplacedElement, span, message).with_help(help));
    }

    fn invalid(&mut self, span: Span, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(RuleId::InvalidValue, span, message).with_help(help));
    }
}

fn element_kind(kind: DeclKind) -> Option<ElementKind> {
    match kind {
        DeclKind::Customer => Some(ElementKind::Customer),
        DeclKind::Solution => Some(ElementKind::Solution),
        DeclKind::Group => Some(ElementKind::Group),
        DeclKind::System => Some(ElementKind::System),
        DeclKind::Module => Some(ElementKind::Module),
        DeclKind::Person => None,
    }
}

fn record_kind(kind: ast::RecordKind) -> RecordKind {
    match kind {
        ast::RecordKind::Risk => RecordKind::Risk,
        ast::RecordKind::Prerequisite => RecordKind::Prerequisite,
        ast::RecordKind::Step => RecordKind::Step,
        ast::RecordKind::Question => RecordKind::Question,
        _ => RecordKind::Gap,
    }
}

fn holder_of_record(kind: RecordKind) -> Holder {
    match kind {
        RecordKind::Gap => Holder::Gap,
        RecordKind::Risk => Holder::Risk,
        RecordKind::Prerequisite => Holder::Prerequisite,
        RecordKind::Step => Holder::Step,
        RecordKind::Question => Holder::Question,
    }
}
