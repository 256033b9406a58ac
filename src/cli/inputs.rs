//! Input expansion: files, folders (every `*.arch` below, sorted) and `-` for stdin;
//! reading them as UTF-8 or reporting where they are not.

use std::io::Read;
use std::path::Path;

use std::io::IsTerminal;

use crate::cli::{Outcome, fail};
use crate::diagnostic::{Diagnostic, FileReport, RuleId, Severity, human, printable};
use crate::lint::LintConfig;
use crate::model::Model;
use crate::source::{Source, Span};

/// Inputs larger than this are refused with a clear error rather than read to exhaustion
/// (a symlink to `/dev/zero`, a runaway generator). A review of sixty systems is well under
/// a megabyte; the generated 5 MB benchmark input fits with room to spare.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// One input, read: its source and, if it was not UTF-8, the diagnostic saying where.
pub(crate) struct Input {
    pub source: Source,
    pub encoding_error: Option<Diagnostic>,
}

/// Expands the command line's paths: a folder becomes every `*.arch` regular file below it
/// (symlinks followed, loops reported), in sorted order; `-` stays as stdin. A path named
/// on the command line is read whatever it is (`<(cmd)` is a pipe). Errors name the path
/// that could not be read; what a folder holds but is skipped is said on stderr.
pub(crate) fn expand(paths: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        if meta.is_dir() {
            let found = arch_files_under(Path::new(path))?;
            if found.is_empty() {
                eprintln!("warning: no `.arch` files under `{path}`");
            }
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Every regular `*.arch` file under `dir`, sorted. A FIFO or device named `*.arch` would
/// hang or never end, so it is skipped with a warning; a symlink loop is an error.
fn arch_files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| walk_error(dir, &e))?;
        let path = entry.path();
        if entry.file_type().is_dir() || path.extension().is_none_or(|e| e != "arch") {
            continue;
        }
        if entry.file_type().is_file() {
            found.push(path.to_string_lossy().into_owned());
        } else {
            eprintln!("warning: skipping `{}`: not a regular file", path.display());
        }
    }
    found.sort();
    Ok(found)
}

fn walk_error(dir: &Path, error: &walkdir::Error) -> String {
    let at = error.path().unwrap_or(dir).display();
    match error.loop_ancestor() {
        Some(ancestor) => format!(
            "cannot read folder `{}`: `{at}` links back to `{}`, a folder that contains it; remove the link or name the files",
            dir.display(),
            ancestor.display()
        ),
        None => format!("cannot read folder `{}`: `{at}`: {error}", dir.display()),
    }
}

/// Reads one input (`-` is stdin), at most `MAX_INPUT_BYTES`.
pub(crate) fn read(path: &str) -> Result<Input, String> {
    let mut bytes = Vec::new();
    let limit = MAX_INPUT_BYTES + 1;
    let result = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read `{path}`: {e}"))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "`{path}` is larger than {} MiB, the most archc reads; split the review into several files",
            MAX_INPUT_BYTES >> 20
        ));
    }
    Ok(decode(path, bytes))
}

/// Decodes UTF-8; on failure keeps a lossy text so the diagnostic can show the line.
pub(crate) fn decode(path: &str, bytes: Vec<u8>) -> Input {
    match String::from_utf8(bytes) {
        Ok(text) => Input {
            source: Source::new(path, text),
            encoding_error: None,
        },
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text replaces the bad byte by U+FFFD (3 bytes) at the same offset.
            let span = Span::new(offset, (offset + 3).min(text.len()));
            let diagnostic = Diagnostic::error(
                RuleId::Syntax,
                span,
                format!("the file is not valid UTF-8 (byte {offset})"),
            )
            .with_help("save the file as UTF-8");
            Input {
                source: Source::new(path, text),
                encoding_error: Some(diagnostic),
            }
        }
    }
}

/// Reads and compiles one input for a command that produces a document from its model.
/// Error-level findings are printed on stderr and stop the command (exit 1): a table, report,
/// diagram or export of a model that does not mean what was written would mislead.
/// Warnings do not stop it.
pub(crate) fn load_model(path: &str) -> Result<(Source, Model), Outcome> {
    let input = read(path).map_err(fail)?;
    if let Some(error) = input.encoding_error {
        print_errors(&input.source, &[error]);
        return Err(Outcome::InputErrors);
    }
    let compilation = crate::compile(&input.source, &LintConfig::default());
    let errors: Vec<Diagnostic> = compilation
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        print_errors(&input.source, &errors);
        return Err(Outcome::InputErrors);
    }
    Ok((input.source, compilation.model))
}

fn print_errors(source: &Source, errors: &[Diagnostic]) {
    let report = FileReport::new(source, errors);
    let mut text = human::render(&[report], color_for(&std::io::stderr()), 100);
    let count = errors.len();
    let plural = if count == 1 { "" } else { "s" };
    text.push_str(&format!(
        "{count} error{plural} in `{}`; nothing written\n",
        printable(&source.path)
    ));
    eprint!("{text}");
}

/// Colour only on a terminal, and never under `NO_COLOR`.
pub(crate) fn color_for(stream: &impl IsTerminal) -> human::Color {
    if stream.is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        human::Color::Always
    } else {
        human::Color::Never
    }
}
