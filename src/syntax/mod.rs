//! TEXT → SYNTAX TREE. Knows nothing of the model, lint rules, layout or output formats.

pub mod ast;
pub mod dump;
mod lexical;
mod parser;

pub use parser::MAX_DEPTH;

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// The tree of one file and the `syntax` diagnostics found while building it.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a whole file. Never fails: broken statements become diagnostics and
/// [`ast::Stmt::Error`] nodes.
pub fn parse(source: &Source) -> Parsed {
    let (file, diagnostics) = parser::Parser::new(&source.text).file();
    Parsed { file, diagnostics }
}
