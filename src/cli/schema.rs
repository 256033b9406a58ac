//! `archc schema [KIND]`: the language reference from the compiler's own tables.

use crate::cli::{Outcome, fail, output};
use crate::reference;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A declaration kind (`system`, `connection`, ...) or `methods`; without it, all of them
    kind: Option<String>,
}

pub(crate) fn run(args: Args) -> Outcome {
    let text = match args.kind.as_deref() {
        None => reference::all(),
        Some(kind) => match reference::one(kind) {
            Some(text) => text,
            None => {
                let kinds: Vec<&str> = reference::kinds().collect();
                return fail(format!(
                    "unknown declaration kind `{}`; `archc schema` takes one of: {}",
                    crate::printable::replace_unprintable(kind),
                    kinds.join(", ")
                ));
            }
        },
    };
    match output::write(None, text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}
