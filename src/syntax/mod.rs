//! TEXT → SYNTAX TREE. Knows nothing of the model, lint rules, layout or output formats.

pub mod ast;
pub mod dump;
mod lexical;
mod line_breaks;
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
/// [`ast::Stmt::Error`] nodes. A file with a line break other than LF or CRLF is not parsed:
/// it gets one diagnostic and a tree of one error node (its lines would mean different
/// things to a reader and to archc).
pub fn parse(source: &Source) -> Parsed {
    if let Some(refusal) = line_breaks::check(&source.text) {
        let whole = crate::source::Span::new(0, source.text.len());
        let file = ast::File {
            stmts: vec![ast::Stmt::Error(whole)],
            inner_comments: Vec::new(),
        };
        return Parsed {
            file,
            diagnostics: vec![refusal],
        };
    }
    let (file, diagnostics) = parser::Parser::new(&source.text).file();
    Parsed { file, diagnostics }
}
