//! The GitHub Actions format: one workflow command per finding, which the runner turns
//! into an annotation on the pull request's diff.
//!
//! `::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`
//!
//! The escaping follows the runner's command parser (actions/toolkit `command.ts`): in the
//! message `%`, `\r` and `\n` are percent-encoded; in a property `:` and `,` are too.

use std::fmt::Write;

use crate::diagnostic::{Diagnostic, FileReport, Severity, printable, printable_lines};

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for d in file.diagnostics {
            line(&mut out, file, d);
        }
    }
    out
}

fn line(out: &mut String, file: &FileReport<'_>, d: &Diagnostic) {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (line, col) = file.position(d.primary.span);
    let (end_line, end_col) = last_char(file, d);
    // GitHub's log viewer acts on ANSI escapes: control characters are shown escaped.
    let mut message = printable_lines(&d.message).into_owned();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&printable_lines(help));
    }
    let _ = writeln!(
        out,
        "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
        escape_property(&printable(&file.source.path)),
        escape_property(d.rule.name()),
        escape_data(&message),
    );
}

/// The line and column of the span's last character (GitHub's end column is inclusive).
fn last_char(file: &FileReport<'_>, d: &Diagnostic) -> (usize, usize) {
    let span = d.primary.span;
    if span.is_empty() {
        return file.position(span);
    }
    let text = &file.source.text;
    // The start of the last character: step back over UTF-8 continuation bytes.
    let mut last = span.end as usize - 1;
    while last > span.start as usize && !text.is_char_boundary(last) {
        last -= 1;
    }
    file.lines.line_col(text, last as u32)
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::RuleId;
    use crate::source::{Source, Span};

    #[test]
    fn one_command_per_finding_with_escapes() {
        let source = Source::new("dir,a:b/x.arch", "system é {}\n");
        let diagnostics = vec![
            Diagnostic::warning(RuleId::UnownedSystem, Span::new(7, 9), "100% `é`, unowned")
                .with_help("add an owner\nplease"),
            Diagnostic::error(RuleId::Syntax, Span::new(13, 13), "end"),
        ];
        let report = FileReport::new(&source, &diagnostics);
        assert_eq!(
            render(&[report]),
            "::warning file=dir%2Ca%3Ab/x.arch,line=1,col=8,endLine=1,endColumn=8,title=unowned-system::100%25 `é`, unowned%0Ahelp: add an owner%0Aplease\n\
             ::error file=dir%2Ca%3Ab/x.arch,line=2,col=1,endLine=2,endColumn=1,title=syntax::end\n"
        );
    }
}
