//! The short format: `path:line:col: severity[rule] message`, one finding a line.

use std::fmt::Write;

use crate::diagnostic::{FileReport, printable};

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for d in file.diagnostics {
            let (line, column) = file.position(d.primary.span);
            let _ = writeln!(
                out,
                "{}:{line}:{column}: {}[{}] {}",
                printable(&file.source.path),
                d.severity.as_str(),
                d.rule,
                // Stages escape what they quote; this keeps the one-line promise regardless.
                printable(&d.message)
            );
        }
    }
    out
}
