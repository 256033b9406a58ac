//! `syntax`: the text does not parse. Emitted by the parser, which recovers and reports
//! every independent error in one run.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports text that does not follow the grammar of the `.arch` language: an
    /// unterminated string, an unknown escape, a missing `}`, a stray token, or a file
    /// that is not UTF-8. The parser skips to the next statement and goes on, so every
    /// independent syntax error of a file is reported in one run.
    ///
    /// ## Why is this bad?
    /// A file that does not parse does not mean anything well-defined: the diagram, the
    /// tables and the review summary cannot be trusted until it does. This is an error;
    /// it cannot be turned off or silenced with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// customer acme "Acme Corp {
    ///   system erp "SAP S/4HANA" { owner: "Finance IT" }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { owner: "Finance IT" }
    /// }
    /// ```
    pub(crate) static SYNTAX = Rule {
        id: Syntax,
        kind: Error,
        summary: "the text does not parse",
        check: None,
    };
}
