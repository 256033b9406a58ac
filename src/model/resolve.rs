//! Pass 2: check every attribute against the schema and resolve every reference
//! (connection ends, `owner`, `se`, `customer`, methods), then derive connection status.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::diagnostic::{Diagnostic, RuleId, printable};
use crate::model::declare::{Pending, PendingAttrs, PendingConnection, Target};
use crate::model::schema::{self, Holder, ValueType};
use crate::model::vocab::Vocabulary;
use crate::model::{
    Allowed, AttrValue, Attribute, Attributes, Connection, ConnectionId, Date, ElementId,
    ElementKind, IdHasher, Method, Model, Owner, PersonId, Spans, Symbol,
};
use crate::source::Span;
use crate::suggest::{nearest, nearest_within};
use crate::syntax::ast::{self, Value, ValueKind};

/// How much work all "did you mean" searches among declared IDs of one file may do, in IDs
/// looked at plus pairs of characters compared (see [`crate::suggest::nearest_within`]).
/// Each unknown reference is compared with every ID of its kind, so 20,000 unknown
/// references among 20,000 systems took minutes, and 1,000 misspelled 170-character names
/// among as many IDs over a minute; past the budget the help says what to declare instead.
/// Real reviews never come near it.
const SUGGESTION_BUDGET: usize = 20_000_000;

pub(super) fn resolve(model: &mut Model, pending: &Pending<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let mut budget = SUGGESTION_BUDGET;
    let budget = &mut budget;
    let mut connection_ids = Vec::with_capacity(pending.connections.len());
    for conn in &pending.connections {
        let id = resolve_connection(model, conn, diagnostics, budget);
        connection_ids.push(id);
    }
    for group in &pending.attrs {
        let target = match group.target {
            Target::Connection(index) => match connection_ids[index] {
                Some(id) => Target::Connection(id.index()),
                // The connection did not resolve; its attributes are still checked.
                None => {
                    let mut cx = Checker {
                        model,
                        diagnostics,
                        budget,
                    };
                    cx.attributes(group);
                    continue;
                }
            },
            other => other,
        };
        let (attrs, allow) = Checker {
            model,
            diagnostics,
            budget,
        }
        .attributes(group);
        store(model, target, attrs, allow);
    }
    for id in connection_ids.into_iter().flatten() {
        derive_status(model, id);
    }
}

fn store(model: &mut Model, target: Target, attrs: Attributes, allow: Vec<Allowed>) {
    let (slot_attrs, slot_allow) = match target {
        Target::Element(id) => {
            let e = &mut model.elements[id.index()];
            (&mut e.attrs, &mut e.allow)
        }
        Target::Person(id) => {
            let p = &mut model.persons[id.index()];
            (&mut p.attrs, &mut p.allow)
        }
        Target::Record(id) => {
            let r = &mut model.records[id.index()];
            (&mut r.attrs, &mut r.allow)
        }
        Target::Connection(index) => {
            let c = &mut model.connections[index];
            (&mut c.attrs, &mut c.allow)
        }
        Target::Review => match model.review.as_mut() {
            Some(r) => (&mut r.attrs, &mut r.allow),
            None => return,
        },
        Target::Nfr => match model.nfr.as_mut() {
            Some(n) => (&mut n.attrs, &mut n.allow),
            None => return,
        },
    };
    *slot_attrs = attrs;
    *slot_allow = allow;
}

/// Resolves a connection's ends and methods; `None` if an end does not resolve.
fn resolve_connection(
    model: &mut Model,
    pending: &PendingConnection<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    budget: &mut usize,
) -> Option<ConnectionId> {
    let syntax = pending.syntax;
    let mut cx = Checker {
        model,
        diagnostics,
        budget,
    };
    let from = cx.connection_end(&syntax.from);
    let to = cx.connection_end(&syntax.to);
    let methods: Vec<Method> = syntax.methods.iter().filter_map(|m| cx.method(m)).collect();
    let (from, to) = (from?, to?);
    let head_end = syntax
        .label
        .as_ref()
        .map(|l| l.span)
        .or(syntax.methods.last().map(|m| m.span))
        .unwrap_or(syntax.to.span);
    let id = ConnectionId(model.connections.len() as u32);
    model.connections.push(Connection {
        from,
        to,
        arrow: syntax.arrow.into(),
        key: String::new(),
        methods,
        label: syntax.label.as_ref().map(|l| l.value.clone()),
        attrs: Attributes::default(),
        allow: Vec::new(),
        status: super::Status::Existing,
        gaps: pending.gaps.clone(),
        spans: Spans {
            full: syntax.span,
            head: syntax.from.span.to(head_end),
            id: syntax.from.span.to(syntax.to.span),
        },
    });
    for gap in &pending.gaps {
        model.records[gap.index()].connection = Some(id);
    }
    Some(id)
}

/// Existing when neither end is in a solution, proposed otherwise; `status:` overrides.
fn derive_status(model: &mut Model, id: ConnectionId) {
    let c = model.connection(id);
    let status = match c.attrs.word("status") {
        Some("existing") => super::Status::Existing,
        Some(_) => super::Status::Proposed,
        None if model.in_solution(c.from) || model.in_solution(c.to) => super::Status::Proposed,
        None => super::Status::Existing,
    };
    model.connections[id.index()].status = status;
}

struct Checker<'m> {
    model: &'m Model,
    diagnostics: &'m mut Vec<Diagnostic>,
    /// What is left of [`SUGGESTION_BUDGET`].
    budget: &'m mut usize,
}

impl Checker<'_> {
    /// [`nearest`] among declared IDs, within the budget.
    fn nearest_id<'c>(
        &mut self,
        name: &str,
        candidates: impl Iterator<Item = &'c str>,
    ) -> Option<&'c str> {
        nearest_within(name, candidates, self.budget)
    }

    fn attributes(&mut self, group: &PendingAttrs<'_>) -> (Attributes, Vec<Allowed>) {
        let mut attrs: Vec<Attribute> = Vec::with_capacity(group.attrs.len());
        let mut allow = Vec::new();
        let mut seen = SeenKeys::for_block(group.attrs.len());
        for attr in &group.attrs {
            let name = attr.key.name.as_str();
            if let Some(first) = seen.first(name) {
                self.report(
                    Diagnostic::error(
                        RuleId::InvalidValue,
                        attr.key.span,
                        format!("`{name}` is set twice"),
                    )
                    .with_secondary(first, "first set here")
                    .with_help("keep one of the two values"),
                );
                continue;
            }
            seen.insert(name, attr.key.span);
            if name == schema::ALLOW {
                allow = self.allow_list(&attr.value);
                continue;
            }
            let Some((key, ty)) = schema::lookup(group.holder, name) else {
                self.unknown_attribute(group.holder, &attr.key);
                continue;
            };
            if let Some(value) = self.value(key, ty, &attr.value) {
                attrs.push(Attribute {
                    key,
                    value,
                    span: attr.span,
                });
            }
        }
        (Attributes(attrs), allow)
    }

    fn unknown_attribute(&mut self, holder: Holder, key: &ast::Ident) {
        let known = schema::keys(holder)
            .iter()
            .map(|(k, _)| *k)
            .chain([schema::ALLOW]);
        let help = if let Some(suggestion) = nearest(&key.name, known.clone()) {
            format!("did you mean `{suggestion}`?")
        } else {
            let elsewhere = schema::holders_with_key(&key.name);
            let list: Vec<&str> = known.collect();
            if elsewhere.is_empty() {
                format!("a {} takes: {}", holder.name(), list.join(", "))
            } else {
                let names: Vec<&str> = elsewhere.iter().map(|h| h.name()).collect();
                format!(
                    "`{}` belongs on a {}; a {} takes: {}",
                    key.name,
                    names.join(" or "),
                    holder.name(),
                    list.join(", ")
                )
            }
        };
        self.report(
            Diagnostic::warning(
                RuleId::UnknownAttribute,
                key.span,
                format!("unknown attribute `{}` on a {}", key.name, holder.name()),
            )
            .with_help(help),
        );
    }

    fn allow_list(&mut self, value: &Value) -> Vec<Allowed> {
        let items = match &value.kind {
            ValueKind::List(items) => &items[..],
            _ => std::slice::from_ref(value),
        };
        let mut allowed = Vec::new();
        for item in items {
            match &item.kind {
                ValueKind::Ident(name) | ValueKind::Str(name) => allowed.push(Allowed {
                    name: name.clone(),
                    rule: RuleId::from_name(name),
                    span: item.span,
                }),
                _ => self.invalid(
                    item.span,
                    "`allow` takes rule names".into(),
                    "write `allow: [rule-name, ...]`",
                ),
            }
        }
        allowed
    }

    fn value(&mut self, key: &str, ty: ValueType, value: &Value) -> Option<AttrValue> {
        match ty {
            ValueType::Text => self.text(key, value).map(AttrValue::Text),
            ValueType::OneOf(set) => self.word(key, set, value).map(AttrValue::Word),
            ValueType::ListOf(set) => self.words(key, set, value).map(AttrValue::Words),
            ValueType::Date => self.date(key, value).map(AttrValue::Date),
            ValueType::Owner => self.owner(value).map(AttrValue::Owner),
            ValueType::Person => self.person_ref(key, value).map(AttrValue::Person),
            ValueType::Customer => self.customer_ref(value).map(AttrValue::Element),
            ValueType::Methods => self.methods(value).map(AttrValue::Methods),
        }
    }

    fn text(&mut self, key: &str, value: &Value) -> Option<String> {
        match &value.kind {
            ValueKind::Str(s) | ValueKind::Ident(s) | ValueKind::Number(s) | ValueKind::Date(s) => {
                Some(s.clone())
            }
            ValueKind::List(_) => {
                self.invalid(
                    value.span,
                    format!("`{key}` takes a single value, not a list"),
                    "write one value, in quotes if it has spaces or commas",
                );
                None
            }
        }
    }

    fn word(&mut self, key: &str, set: &'static Vocabulary, value: &Value) -> Option<&'static str> {
        let name = match &value.kind {
            ValueKind::Ident(s) | ValueKind::Str(s) => s.as_str(),
            ValueKind::List(_) => {
                self.invalid(
                    value.span,
                    format!("`{key}` takes a single value, not a list"),
                    &format!("use one of: {}", set.listed()),
                );
                return None;
            }
            ValueKind::Number(s) | ValueKind::Date(s) => s.as_str(),
        };
        if let Some(found) = set.find(name) {
            return Some(found);
        }
        let help = match nearest(name, set.values()) {
            Some(s) => format!("did you mean `{s}`? `{key}` is one of: {}", set.listed()),
            None => format!("`{key}` is one of: {}", set.listed()),
        };
        self.invalid(
            value.span,
            format!("`{}` is not a valid `{key}`", printable(name)),
            &help,
        );
        None
    }

    fn words(
        &mut self,
        key: &str,
        set: &'static Vocabulary,
        value: &Value,
    ) -> Option<Vec<&'static str>> {
        let items = match &value.kind {
            ValueKind::List(items) => &items[..],
            _ => std::slice::from_ref(value),
        };
        let words: Vec<_> = items
            .iter()
            .filter_map(|item| self.word(key, set, item))
            .collect();
        (words.len() == items.len()).then_some(words)
    }

    fn date(&mut self, key: &str, value: &Value) -> Option<Date> {
        let ValueKind::Date(text) = &value.kind else {
            self.invalid(
                value.span,
                format!("`{key}` takes a date"),
                "write the date as YYYY-MM-DD, without quotes",
            );
            return None;
        };
        let date = Date::parse(text);
        if date.is_none() {
            self.invalid(
                value.span,
                format!("`{text}` is not a real date"),
                "check the month and the day: the date must exist in the calendar",
            );
        }
        date
    }

    fn owner(&mut self, value: &Value) -> Option<Owner> {
        match &value.kind {
            ValueKind::Str(team) => Some(Owner::Team(team.clone())),
            ValueKind::Ident(_) => self.person_ref("owner", value).map(Owner::Person),
            _ => {
                self.invalid(
                    value.span,
                    "`owner` takes a person ID or a team name in quotes".into(),
                    "write `owner: person-id` or `owner: \"Finance IT\"`",
                );
                None
            }
        }
    }

    fn person_ref(&mut self, key: &str, value: &Value) -> Option<PersonId> {
        let ValueKind::Ident(name) = &value.kind else {
            self.invalid(
                value.span,
                format!("`{key}` takes a person ID"),
                "declare the person with `person id \"Name\"` and write its ID here",
            );
            return None;
        };
        match self.model.lookup(name) {
            Some(Symbol::Person(id)) => Some(id),
            Some(other) => {
                let what = self.describe(other);
                self.invalid(
                    value.span,
                    format!("`{name}` is {what}, not a person"),
                    &format!("`{key}` names a person declared with `person`"),
                );
                None
            }
            None => {
                let persons = self.model.persons.iter().map(|p| p.id.as_str());
                let help = match self.nearest_id(name, persons) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if key == "owner" => format!(
                        "declare `person {name} \"Full Name\" {{ role: ..., org: ... }}`, or write a team name in quotes"
                    ),
                    None => {
                        format!("declare `person {name} \"Full Name\" {{ role: ..., org: ... }}`")
                    }
                };
                self.report(
                    Diagnostic::error(
                        RuleId::UnknownReference,
                        value.span,
                        format!("unknown person `{name}`"),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn customer_ref(&mut self, value: &Value) -> Option<ElementId> {
        let ValueKind::Ident(name) = &value.kind else {
            self.invalid(
                value.span,
                "`customer` takes a customer ID".into(),
                "write the ID of a `customer` declaration",
            );
            return None;
        };
        match self.model.lookup(name) {
            Some(Symbol::Element(id)) if self.model.element(id).kind == ElementKind::Customer => {
                Some(id)
            }
            Some(other) => {
                let what = self.describe(other);
                self.invalid(
                    value.span,
                    format!("`{name}` is {what}, not a customer"),
                    "write the ID of a `customer` declaration",
                );
                None
            }
            None => {
                let customers = self
                    .model
                    .elements_of_kind(ElementKind::Customer)
                    .map(|(_, e)| e.id.as_str());
                let help = match self.nearest_id(name, customers) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("declare `customer {name} \"Name\" {{ ... }}`"),
                };
                self.report(
                    Diagnostic::error(
                        RuleId::UnknownReference,
                        value.span,
                        format!("unknown customer `{name}`"),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn methods(&mut self, value: &Value) -> Option<Vec<Method>> {
        let items = match &value.kind {
            ValueKind::List(items) => &items[..],
            _ => std::slice::from_ref(value),
        };
        let mut methods = Vec::new();
        for item in items {
            match &item.kind {
                ValueKind::Ident(name) => {
                    let ident = ast::Ident {
                        name: name.clone(),
                        span: item.span,
                    };
                    methods.extend(self.method(&ident));
                }
                _ => self.invalid(
                    item.span,
                    "`supports` takes connection methods".into(),
                    "write method names such as `[rest, saml]`",
                ),
            }
        }
        Some(methods)
    }

    fn method(&mut self, ident: &ast::Ident) -> Option<Method> {
        let method = Method::parse(&ident.name);
        if method.is_none() {
            let help = match nearest(&ident.name, Method::names()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the methods are: {}",
                    Method::names().collect::<Vec<_>>().join(", ")
                ),
            };
            self.report(
                Diagnostic::error(
                    RuleId::UnknownMethod,
                    ident.span,
                    format!("unknown connection method `{}`", ident.name),
                )
                .with_help(help),
            );
        }
        method
    }

    fn connection_end(&mut self, ident: &ast::Ident) -> Option<ElementId> {
        match self.model.lookup(&ident.name) {
            Some(Symbol::Element(id)) if !self.model.element(id).kind.is_container() => Some(id),
            Some(other) => {
                let what = self.describe(other);
                self.invalid(
                    ident.span,
                    format!(
                        "`{}` is {what}; a connection joins systems and modules",
                        ident.name
                    ),
                    "connect a system or module instead",
                );
                None
            }
            None => {
                let candidates = self
                    .model
                    .elements
                    .iter()
                    .filter(|e| !e.kind.is_container())
                    .map(|e| e.id.as_str());
                let help = match self.nearest_id(&ident.name, candidates) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "declare it, e.g. `system {} \"Label\"` inside a customer",
                        ident.name
                    ),
                };
                self.report(
                    Diagnostic::error(
                        RuleId::UnknownReference,
                        ident.span,
                        format!("unknown element `{}`", ident.name),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn describe(&self, symbol: Symbol) -> String {
        match symbol {
            Symbol::Element(id) => format!("a {}", self.model.element(id).kind.name()),
            Symbol::Person(_) => "a person".into(),
            Symbol::Record(id) => format!("a {}", self.model.record(id).kind.name()),
        }
    }

    fn invalid(&mut self, span: Span, message: String, help: &str) {
        self.report(Diagnostic::error(RuleId::InvalidValue, span, message).with_help(help));
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

/// The keys already set in one block, to report a key set twice. Blocks hold a handful of
/// keys, which a list searches fastest; a block with thousands (generated, or fuzzed) uses a
/// map, so that checking it stays linear (100,000 keys in one block took 19 s with a list).
enum SeenKeys<'a> {
    Few(Vec<(&'a str, Span)>),
    Many(HashMap<&'a str, Span, BuildHasherDefault<IdHasher>>),
}

impl<'a> SeenKeys<'a> {
    const FEW: usize = 32;

    fn for_block(keys: usize) -> SeenKeys<'a> {
        if keys <= Self::FEW {
            SeenKeys::Few(Vec::with_capacity(keys))
        } else {
            SeenKeys::Many(HashMap::with_capacity_and_hasher(keys, Default::default()))
        }
    }

    fn first(&self, key: &str) -> Option<Span> {
        match self {
            SeenKeys::Few(list) => list.iter().find(|(k, _)| *k == key).map(|&(_, span)| span),
            SeenKeys::Many(map) => map.get(key).copied(),
        }
    }

    fn insert(&mut self, key: &'a str, span: Span) {
        match self {
            SeenKeys::Few(list) => list.push((key, span)),
            SeenKeys::Many(map) => {
                map.insert(key, span);
            }
        }
    }
}
