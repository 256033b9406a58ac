//! What a lint rule is: its identity (name and code, declared in `diagnostic::RuleId`), its
//! kind, its explanation and its check.
//!
//! Rules are declared with [`declare_rule!`], which keeps the doc comment above the rule as
//! the text `archc explain` prints, as clippy's `declare_clippy_lint!` does: the
//! documentation and the rule cannot drift apart.

use crate::diagnostic::RuleId;
use crate::lint::LintContext;
use crate::model::Model;

/// Whether a rule says the file is malformed or that the review practice is not followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The file does not mean anything well-defined; cannot be turned off or silenced.
    Error,
    /// Review practice; the severity is configurable and `allow:` silences it.
    Warning,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Warning => "warning",
        }
    }
}

/// A rule's check: reads the model, reports through the context.
pub type Check = fn(&Model, &mut LintContext<'_>);

/// One rule of the catalogue (lints.md).
#[derive(Debug)]
pub struct Rule {
    /// Its name and code.
    pub id: RuleId,
    pub kind: Kind,
    /// One line for the `explain` table and SARIF's rule list.
    pub summary: &'static str,
    /// The rule's doc comment, one leading space per line still in place.
    pub explain: &'static str,
    /// `None` for the rules that the parser and the model emit.
    pub check: Option<Check>,
}

impl Rule {
    /// The stable kebab-case name used in output, config and `allow:`.
    pub fn name(&self) -> &'static str {
        self.id.name()
    }

    /// An alias: `AR0xx` for errors, `AR1xx` for warnings; never reused.
    pub fn code(&self) -> &'static str {
        self.id.code()
    }

    /// The explanation as written, without the one space rustdoc keeps after `///`.
    pub fn explanation(&self) -> String {
        let mut text = String::with_capacity(self.explain.len());
        for line in self.explain.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text
    }
}

/// Declares a `static` [`Rule`] whose explanation is the doc comment written above it.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub(crate) static UNOWNED_SYSTEM = Rule {
///         id: UnownedSystem, kind: Warning,
///         summary: "a system has no owner", check: Some(check),
///     };
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $NAME:ident = Rule {
            id: $id:ident,
            kind: $kind:ident,
            summary: $summary:literal,
            check: $check:expr $(,)?
        };
    ) => {
        $vis static $NAME: $crate::lint::rule::Rule = $crate::lint::rule::Rule {
            id: $crate::diagnostic::RuleId::$id,
            kind: $crate::lint::rule::Kind::$kind,
            summary: $summary,
            explain: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

#[cfg(test)]
mod tests {

    declare_rule! {
        /// ## What it does
        ///   Indented.
        static SAMPLE = Rule {
            id: UnownedSystem,
            kind: Warning,
            summary: "a sample",
            check: None,
        };
    }

    #[test]
    fn the_doc_comment_is_the_explanation() {
        assert_eq!(SAMPLE.explain, " ## What it does\n   Indented.\n");
        assert_eq!(SAMPLE.explanation(), "## What it does\n  Indented.\n");
        assert_eq!(SAMPLE.kind.name(), "warning");
    }
}
