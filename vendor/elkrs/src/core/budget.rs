//! archc patch: a work budget for one layout, counted in layered-graph elements created.
//!
//! The layered algorithm's memory and time grow with the nodes, ports and edges of its internal
//! graph, which holds dummy nodes for long edges and labels as well as the input's own elements;
//! how many dummies there will be is known only after layering. So the arena counts what it
//! creates against a budget set by the caller, and a layout that would create more stops with
//! a [`BudgetExceeded`] panic, which the caller catches. The count depends only on the input,
//! so the same graph succeeds or stops the same way on every machine, loaded or idle.

use std::cell::Cell;

thread_local! {
    /// Elements this thread's layout may still create; `None` when no budget is set.
    static LEFT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The panic payload of a layout that created more elements than its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetExceeded;

/// Runs `f` (a layout on this thread) allowing it to create at most `elements` nodes, ports and
/// edges of the layered graph; past that it panics with [`BudgetExceeded`] as the payload.
pub fn with_element_budget<R>(elements: u64, f: impl FnOnce() -> R) -> R {
    /// Puts the previous budget back, also when `f` unwinds.
    struct Restore(Option<u64>);
    impl Drop for Restore {
        fn drop(&mut self) {
            LEFT.with(|left| left.set(self.0));
        }
    }
    let _restore = Restore(LEFT.with(|left| left.replace(Some(elements))));
    f()
}

/// Counts one created element against the budget, if one is set.
pub(crate) fn spend_one() {
    LEFT.with(|left| {
        if let Some(n) = left.get() {
            if n == 0 {
                std::panic::panic_any(BudgetExceeded);
            }
            left.set(Some(n - 1));
        }
    });
}
