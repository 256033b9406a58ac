//! `archc fmt`: rewrite `.arch` files in the canonical layout, or (`--check`) show which
//! would change. A file is rewritten only when its text changes, atomically, and never
//! when it has syntax errors.

use std::io::IsTerminal;

use crate::cli::{Outcome, fail, inputs, output};
use crate::diagnostic::{Diagnostic, FileReport, human, printable};
use crate::format::{self, FormatError};
use crate::source::{LineIndex, Source};
use crate::syntax;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or folders (every `*.arch` below, in sorted order); `-` formats stdin to stdout
    #[arg(required = true)]
    paths: Vec<String>,
    /// Change nothing: print the files that would change, with a diff, and exit with 1 if any would
    #[arg(long)]
    check: bool,
}

pub(crate) fn run(args: Args) -> Outcome {
    let paths = match inputs::expand(&args.paths) {
        Ok(paths) => paths,
        Err(e) => return fail(e),
    };
    // Every file is tried, so that one bad file does not hide the state of the others.
    paths
        .iter()
        .map(|path| format_one(path, args.check))
        .fold(Outcome::Success, worst)
}

/// Formats one input: prints it (stdin), writes it back (a changed file) or, under
/// `--check`, reports that it would change.
fn format_one(path: &str, check: bool) -> Outcome {
    let input = match inputs::read(path) {
        Ok(input) => input,
        Err(e) => return fail(e),
    };
    let source = input.source;
    if let Some(error) = input.encoding_error {
        return refuse_with_diagnostics(&source, &[error]);
    }
    let parsed = syntax::parse(&source);
    if !parsed.diagnostics.is_empty() {
        return refuse_with_diagnostics(&source, &parsed.diagnostics);
    }
    let formatted = match format::format(&parsed.file) {
        Ok(text) => text,
        Err(error) => return refuse(&source, &error),
    };
    let changed = formatted != *source.text;
    if check {
        if changed {
            print_would_change(path, &source.text, &formatted);
            return Outcome::InputErrors;
        }
        return Outcome::Success;
    }
    if path == "-" {
        return output::write(None, formatted.as_bytes()).map_or_else(fail, |()| Outcome::Success);
    }
    if changed {
        return write_back(path, formatted.as_bytes()).map_or_else(fail, |()| Outcome::Success);
    }
    Outcome::Success
}

/// Replaces the file's text atomically, through a symlink to its target, keeping its
/// permissions.
fn write_back(path: &str, bytes: &[u8]) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| format!("cannot write `{path}`: {e}"))?;
    let permissions = std::fs::metadata(&target).map(|m| m.permissions()).ok();
    output::write_atomic(&target, bytes)?;
    if let Some(permissions) = permissions {
        std::fs::set_permissions(&target, permissions)
            .map_err(|e| format!("cannot restore the permissions of `{path}`: {e}"))?;
    }
    Ok(())
}

/// A file that is not formatted because it does not parse: its diagnostics, on stderr.
fn refuse_with_diagnostics(source: &Source, diagnostics: &[Diagnostic]) -> Outcome {
    let report = [FileReport::new(source, diagnostics)];
    let mut text = human::render(&report, stderr_color(), 100);
    text.push_str(&format!(
        "{}: not formatted: fix the syntax errors first\n",
        printable(&source.path)
    ));
    eprint!("{text}");
    Outcome::InputErrors
}

/// A file the printer will not format, one `path:line:col: error: ...` line per place.
fn refuse(source: &Source, error: &FormatError) -> Outcome {
    let spans = error.spans();
    if spans.is_empty() {
        eprintln!("{}: error: {}", printable(&source.path), error.message());
    }
    let lines = LineIndex::new(&source.text);
    for span in spans {
        let (line, column) = lines.line_col(&source.text, span.start);
        eprintln!(
            "{}:{line}:{column}: error: {}",
            printable(&source.path),
            error.message()
        );
    }
    match error {
        FormatError::ChangedMeaning => Outcome::Failure,
        FormatError::InnerComments(_) | FormatError::Unparsed(_) => Outcome::InputErrors,
    }
}

fn print_would_change(path: &str, old: &str, new: &str) {
    let mut text = format!("would reformat: {}\n", printable(path));
    text.push_str(&diff(old, new));
    // A closed stdout (e.g. piped into `head`) is not a reason to change the outcome.
    let _ = output::write(None, text.as_bytes());
}

fn stderr_color() -> human::Color {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        human::Color::Always
    } else {
        human::Color::Never
    }
}

fn worst(a: Outcome, b: Outcome) -> Outcome {
    let rank = |o: Outcome| match o {
        Outcome::Success => 0,
        Outcome::InputErrors => 1,
        Outcome::Failure => 2,
    };
    if rank(b) > rank(a) { b } else { a }
}

// ----- the diff shown by --check -------------------------------------------------------

/// At most this many changed regions are shown per file.
const MAX_HUNKS: usize = 3;
/// At most this many lines of each side of a region are shown.
const MAX_HUNK_LINES: usize = 12;
/// How far ahead (in lines, on each side) a change may reach before the two texts agree
/// again; past it the rest of the file is one region.
const RESYNC_WINDOW: usize = 60;

/// A changed region: lines `old.0..old.1` of the old text became `new.0..new.1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hunk {
    old: (usize, usize),
    new: (usize, usize),
}

/// A unified-style diff of the first changed regions, lines shown with `\t`, `\r` and other
/// control characters escaped (a change from tabs to spaces would otherwise look like no
/// change, and an ESC in a comment would act on the terminal).
fn diff(old: &str, new: &str) -> String {
    let a = lines_of(old);
    let b = lines_of(new);
    let hunks = hunks(&a, &b);
    let mut out = String::new();
    for hunk in hunks.iter().take(MAX_HUNKS) {
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range_label(hunk.old),
            range_label(hunk.new)
        ));
        side(&mut out, '-', &a[hunk.old.0..hunk.old.1]);
        side(&mut out, '+', &b[hunk.new.0..hunk.new.1]);
    }
    if hunks.len() > MAX_HUNKS {
        out.push_str(&format!(
            "... and {} more changed regions\n",
            hunks.len() - MAX_HUNKS
        ));
    }
    if hunks.is_empty() && old != new {
        out.push_str("(only the end of the file changes: it ends with exactly one newline)\n");
    }
    out
}

/// The lines of a text; a final newline ends the last line rather than starting an empty one.
fn lines_of(text: &str) -> Vec<&str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if body.is_empty() && text.len() <= 1 {
        return Vec::new();
    }
    body.split('\n').collect()
}

fn hunks(a: &[&str], b: &[&str]) -> Vec<Hunk> {
    let (mut i, mut j) = (0, 0);
    let mut hunks = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        let (di, dj) = resync(&a[i..], &b[j..]);
        hunks.push(Hunk {
            old: (i, i + di),
            new: (j, j + dj),
        });
        i += di;
        j += dj;
    }
    hunks
}

/// The nearest `(di, dj)` (smallest `di + dj`) where the texts agree again: two equal lines
/// in a row, or the ends of both.
fn resync(a: &[&str], b: &[&str]) -> (usize, usize) {
    let agree = |di: usize, dj: usize| {
        if di == a.len() || dj == b.len() {
            return di == a.len() && dj == b.len();
        }
        a[di] == b[dj] && (di + 1 == a.len() || dj + 1 == b.len() || a[di + 1] == b[dj + 1])
    };
    for total in 1..=2 * RESYNC_WINDOW {
        for di in total.saturating_sub(RESYNC_WINDOW)..=total.min(RESYNC_WINDOW) {
            let dj = total - di;
            if di <= a.len() && dj <= b.len() && agree(di, dj) {
                return (di, dj);
            }
        }
    }
    (a.len(), b.len())
}

/// `start,count` with 1-based lines, as in a unified diff.
fn range_label((start, end): (usize, usize)) -> String {
    format!("{},{}", start + 1, end - start)
}

fn side(out: &mut String, mark: char, lines: &[&str]) {
    for line in lines.iter().take(MAX_HUNK_LINES) {
        out.push(mark);
        out.push_str(&printable(line));
        out.push('\n');
    }
    if lines.len() > MAX_HUNK_LINES {
        out.push_str(&format!(
            "{mark}... {} more lines\n",
            lines.len() - MAX_HUNK_LINES
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(old: &str, new: &str, expect: &str) {
        assert_eq!(diff(old, new), expect);
    }

    #[test]
    fn diffs() {
        check("a\nb\n", "a\nb\n", "");
        check("a\nb\nc\nd\n", "a\nB\nc\nd\n", "@@ -2,1 +2,1 @@\n-b\n+B\n");
        check("a\n", "a\nb\n", "@@ -2,0 +2,1 @@\n+b\n");
        check("a\nb\nc\n", "a\nc\n", "@@ -2,1 +2,0 @@\n-b\n");
        check(
            "x { a, b }\nz\ny\n",
            "x {\n  a\n  b\n}\nz\ny\n",
            "@@ -1,1 +1,4 @@\n-x { a, b }\n+x {\n+  a\n+  b\n+}\n",
        );
        check("\ta\n", "  a\n", "@@ -1,1 +1,1 @@\n-\\ta\n+  a\n");
        check(
            "# \u{1b}[2J \ta\n",
            "# \u{1b}[2J a\n",
            "@@ -1,1 +1,1 @@\n-# \\u{1b}[2J \\ta\n+# \\u{1b}[2J a\n",
        );
        check(
            "a",
            "a\n",
            "(only the end of the file changes: it ends with exactly one newline)\n",
        );
        check("a\n\n", "a\n", "@@ -2,1 +2,0 @@\n-\n");
        check("", "a\n", "@@ -1,0 +1,1 @@\n+a\n");
    }

    #[test]
    fn long_diffs_are_cut() {
        let old: String = (0..20).map(|i| format!("{i}\n")).collect();
        let new: String = (0..20).map(|i| format!("{i}x\n")).collect();
        let shown = diff(&old, &new);
        assert!(shown.starts_with("@@ -1,20 +1,20 @@\n-0\n"), "{shown}");
        assert!(shown.contains("-... 8 more lines\n"), "{shown}");
        assert!(shown.ends_with("+... 8 more lines\n"), "{shown}");
        let old = "a\nx\nb\nb\nc\nx\nd\nd\ne\nx\nf\nf\ng\nx\nh\nh\n";
        let new = old.replace('x', "y");
        assert!(diff(old, &new).ends_with("... and 1 more changed regions\n"));
    }
}
