//! `misplaced-element`: a declaration where it cannot stand. Emitted by the model's first
//! pass.

use crate::lint::rule::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a `system` outside any customer, a `module` outside any solution, a
    /// `customer` that is not at the top level, a declaration inside a leaf's block, a
    /// record where records cannot be, and a second `review` or `nfr` block.
    ///
    /// ## Why is this bad?
    /// Where an element stands says whose it is: systems are the customer's environment,
    /// modules are the vendor's solution. A system outside a customer belongs to nobody,
    /// and the diagram and the inventory cannot place it. This is an error; it cannot be
    /// turned off or silenced with `allow:`.
    ///
    /// ## Example
    /// ```arch
    /// system erp "SAP S/4HANA" { kind: erp }
    /// ```
    ///
    /// Use instead:
    /// ```arch
    /// customer acme "Acme Corp" {
    ///   system erp "SAP S/4HANA" { kind: erp }
    /// }
    /// ```
    pub(crate) static MISPLACED_ELEMENT = Rule {
        id: MisplacedElement,
        kind: Error,
        summary: "a declaration stands where it cannot, or a second `review` or `nfr`",
        check: None,
    };
}
