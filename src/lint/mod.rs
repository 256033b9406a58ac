//! MODEL → FINDINGS. The review-practice rules of lints.md, run over a finished model.
//!
//! Read-only over [`Model`]: no layout, no IO. Each rule lives in its own file under
//! `rules/`, declared with [`rule::declare_rule!`]; [`registry::RULES`] lists them all,
//! including the error-level rules that the parser and the model emit.
//!
//! Architecture Invariant: suppression is data, handled in one place. A rule reports every
//! finding through [`LintContext::report`], which applies the configured severity and drops
//! the findings that the declaration's `allow: [...]` silences; no rule looks at `allow`.

pub mod config;
mod helpers;
pub mod registry;
pub mod rule;
mod rules;

pub use config::{ConfigError, Level, LintConfig};
pub use rule::{Kind, Rule};

use crate::diagnostic::{Diagnostic, RuleId, Severity};
use crate::model::{Allowed, ConnectionId, ElementId, Model, PersonId, RecordId, Spans};
use crate::source::Span;

/// Runs every enabled lint rule over `model`, in registry order.
pub fn run(model: &Model, config: &LintConfig) -> Vec<Diagnostic> {
    let mut cx = LintContext {
        model,
        config,
        diagnostics: Vec::new(),
    };
    for rule in registry::RULES {
        let Some(check) = rule.check else { continue };
        if config.level_of(rule) != Level::Off {
            check(model, &mut cx);
        }
    }
    cx.diagnostics
}

/// Applies the config and `allow:` to warnings that earlier stages emitted (the model's
/// `unknown-attribute`): drops what is off or silenced, raises what is set to `error`.
/// Error-level diagnostics pass unchanged.
pub fn configure(model: &Model, config: &LintConfig, diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.iter().all(|d| d.severity == Severity::Error) {
        return;
    }
    // Most files allow nothing; then no diagnostic needs its declaration looked up.
    let mut allowed = [false; RuleId::ALL.len()];
    for rule in declarations(model).flat_map(|(_, allow)| allow.iter().filter_map(|a| a.rule)) {
        allowed[rule.index()] = true;
    }
    diagnostics.retain_mut(|d| {
        if d.severity == Severity::Error {
            return true;
        }
        let level = config.level(d.rule);
        let silenced = || allowed[d.rule.index()] && silenced_at(model, d.rule, d.primary.span);
        if level == Level::Off || silenced() {
            return false;
        }
        if level == Level::Error {
            d.severity = Severity::Error;
        }
        true
    });
}

/// The declaration a finding is about: its `allow:` list decides whether the finding stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Element(ElementId),
    Person(PersonId),
    Connection(ConnectionId),
    Record(RecordId),
    Review,
    Nfr,
}

/// What a rule's check reports through.
pub struct LintContext<'m> {
    model: &'m Model,
    config: &'m LintConfig,
    diagnostics: Vec<Diagnostic>,
}

impl LintContext<'_> {
    /// Reports a finding of `rule` about `subject` at `span`, at the configured severity,
    /// unless the rule is off or `subject` silences it with `allow:`. The returned handle
    /// adds the help and labels (and does nothing for a dropped finding).
    pub fn report(
        &mut self,
        rule: &'static Rule,
        subject: Subject,
        span: Span,
        message: impl Into<String>,
    ) -> Finding<'_> {
        let severity = match self.config.level_of(rule) {
            Level::Off => return Finding(None),
            Level::Warn => Severity::Warning,
            Level::Error => Severity::Error,
        };
        if rule.kind == Kind::Warning && allows(allow_list(self.model, subject), rule.id) {
            return Finding(None);
        }
        self.diagnostics
            .push(Diagnostic::new(rule.id, severity, span, message));
        Finding(self.diagnostics.last_mut())
    }
}

/// A reported finding, to complete with help and labels.
pub struct Finding<'a>(Option<&'a mut Diagnostic>);

impl Finding<'_> {
    /// The sentence that says what to do.
    pub fn help(self, text: impl Into<String>) -> Self {
        let Finding(mut slot) = self;
        if let Some(d) = slot.as_deref_mut() {
            d.help = Some(text.into());
        }
        Finding(slot)
    }

    /// Another place that explains this finding.
    pub fn secondary(self, span: Span, text: impl Into<String>) -> Self {
        let Finding(mut slot) = self;
        if let Some(d) = slot.as_deref_mut() {
            d.secondary.push(crate::diagnostic::Label {
                span,
                text: Some(text.into()),
            });
        }
        Finding(slot)
    }
}

fn allows(list: &[Allowed], rule: RuleId) -> bool {
    list.iter().any(|a| a.rule == Some(rule))
}

fn allow_list(model: &Model, subject: Subject) -> &[Allowed] {
    match subject {
        Subject::Element(id) => &model.element(id).allow,
        Subject::Person(id) => &model.person(id).allow,
        Subject::Connection(id) => &model.connection(id).allow,
        Subject::Record(id) => &model.record(id).allow,
        Subject::Review => model.review.as_ref().map_or(&[], |r| &r.allow),
        Subject::Nfr => model.nfr.as_ref().map_or(&[], |n| &n.allow),
    }
}

/// Every declaration with its spans and `allow:` list, in source order within each kind.
fn declarations(model: &Model) -> impl Iterator<Item = (&Spans, &[Allowed])> {
    let elements = model.elements.iter().map(|e| (&e.spans, &e.allow[..]));
    let persons = model.persons.iter().map(|p| (&p.spans, &p.allow[..]));
    let connections = model.connections.iter().map(|c| (&c.spans, &c.allow[..]));
    let records = model.records.iter().map(|r| (&r.spans, &r.allow[..]));
    let review = model.review.iter().map(|r| (&r.spans, &r.allow[..]));
    let nfr = model.nfr.iter().map(|n| (&n.spans, &n.allow[..]));
    elements
        .chain(persons)
        .chain(connections)
        .chain(records)
        .chain(review)
        .chain(nfr)
}

/// Whether the innermost declaration around `span` silences `rule`: how a diagnostic that
/// another stage emitted finds the declaration it is about.
fn silenced_at(model: &Model, rule: RuleId, span: Span) -> bool {
    declarations(model)
        .filter(|(spans, _)| spans.full.start <= span.start && span.end <= spans.full.end)
        .min_by_key(|(spans, _)| spans.full.len())
        .is_some_and(|(_, allow)| allows(allow, rule))
}

/// What every rule file imports.
mod prelude {
    pub(crate) use crate::lint::helpers::*;
    pub(crate) use crate::lint::rule::declare_rule;
    pub(crate) use crate::lint::{LintContext, Subject};
    pub(crate) use crate::model::Model;
}
