//! `archc fmt`: rewrite `.arch` files in the canonical layout, or (`--check`) show which
//! would change. A file is rewritten only when its text changes, atomically, and never
//! when it has syntax errors.

use std::io::IsTerminal;

use crate::cli::{Outcome, fail, inputs, output};
use crate::diagnostic::{Diagnostic, FileReport, human, printable, printable_lines};
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

/// Replaces the file's text: through a symlink to its target, keeping its mode and owner.
///
/// A read-only file is refused: the user said it must not change. A file with other hard
/// links is rewritten in place, so every name keeps showing the same text (a rename would
/// leave the other names with the old text); a copy of the old text sits beside it until
/// the write is done, so a crash halfway loses nothing. Any other file is replaced
/// atomically.
fn write_back(path: &str, bytes: &[u8]) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| format!("cannot write `{path}`: {e}"))?;
    let meta = std::fs::metadata(&target).map_err(|e| format!("cannot write `{path}`: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "not formatting `{path}`: it is not a regular file; use `archc fmt - < {path}`"
        ));
    }
    if meta.permissions().readonly() {
        return Err(format!(
            "not formatting `{path}`: the file is read-only; make it writable first"
        ));
    }
    if hard_links(&meta) > 1 {
        return rewrite_in_place(path, &target, bytes);
    }
    output::write_atomic(&target, bytes)
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

/// gofmt's way for a hard-linked file: back up the old text beside it, overwrite the file
/// itself (its inode, so all its names), then drop the backup.
fn rewrite_in_place(path: &str, target: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    let old = std::fs::read(target).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let backup = target.with_file_name(format!(
        ".{}.archc-backup",
        target
            .file_name()
            .map_or_else(Default::default, |n| n.to_string_lossy())
    ));
    output::write_atomic(&backup, &old)?;
    let written = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, bytes).and_then(|()| file.sync_all())
        });
    match written {
        Ok(()) => {
            let _ = std::fs::remove_file(&backup);
            Ok(())
        }
        Err(e) => Err(format!(
            "cannot write `{path}`: {e}; its old text is in `{}`",
            backup.display()
        )),
    }
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
    let mut text = format!("would reformat: {path}\n");
    text.push_str(&diff(path, old, new));
    let text = for_terminal(text, std::io::stdout().is_terminal());
    // A closed stdout (e.g. piped into `head`) is not a reason to change the outcome.
    let _ = output::write(None, text.as_bytes());
}

/// On a terminal, control characters from the file (an ESC in a comment) are shown escaped,
/// tabs as `\t`; piped, the diff stays exact, so that `patch` applies it.
fn for_terminal(text: String, terminal: bool) -> String {
    if terminal {
        printable_lines(&text).into_owned()
    } else {
        text
    }
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

/// A unified diff (`---`/`+++` headers, three lines of context), whole: `patch -p0` applies
/// it. A missing final newline is marked as `diff -u` marks it.
fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(path, path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(old: &str, new: &str, expect: &str) {
        assert_eq!(diff("f.arch", old, new), expect);
    }

    #[test]
    fn a_diff_shown_on_a_terminal_escapes_control_characters() {
        let diff = diff("f.arch", "# \u{1b}[2J \ta\n", "# \u{1b}[2J a\n");
        assert_eq!(for_terminal(diff.clone(), false), diff, "exact when piped");
        assert_eq!(
            for_terminal(diff, true),
            "--- f.arch\n+++ f.arch\n@@ -1 +1 @@\n-# \\u{1b}[2J \\ta\n+# \\u{1b}[2J a\n"
        );
    }

    #[test]
    fn diffs() {
        check("a\nb\n", "a\nb\n", "");
        check(
            "a\nb\nc\nd\n",
            "a\nB\nc\nd\n",
            "--- f.arch\n+++ f.arch\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n",
        );
        check(
            "\ta\n",
            "  a\n",
            "--- f.arch\n+++ f.arch\n@@ -1 +1 @@\n-\ta\n+  a\n",
        );
        check(
            "a",
            "a\n",
            "--- f.arch\n+++ f.arch\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n",
        );
    }

    #[test]
    fn long_diffs_are_whole() {
        let old: String = (0..40).map(|i| format!("{i}\n")).collect();
        let new: String = (0..40).map(|i| format!("{i}x\n")).collect();
        let shown = diff("f.arch", &old, &new);
        assert_eq!(shown.lines().filter(|l| l.starts_with('-')).count(), 41);
        assert!(shown.contains("\n+39x\n"), "{shown}");
    }
}
