//! Input expansion: files, folders (every `*.arch` below, sorted) and `-` for stdin;
//! reading them as UTF-8 or reporting where they are not.

use std::io::Read;
use std::path::{Path, PathBuf};

use std::io::IsTerminal;

use crate::cli::{Outcome, fail};
use crate::diagnostic::{Diagnostic, FileReport, Severity, human, printable, rules};
use crate::lint::LintConfig;
use crate::model::Model;
use crate::source::{Source, Span};

/// Inputs larger than this are refused: spans are 32-bit.
const MAX_INPUT: usize = u32::MAX as usize;

/// One input, read: its source and, if it was not UTF-8, the diagnostic saying where.
pub(crate) struct Input {
    pub source: Source,
    pub encoding_error: Option<Diagnostic>,
}

/// Expands the command line's paths: a folder becomes every `*.arch` file below it, in
/// sorted order; `-` stays as stdin. Errors name the path that could not be read.
pub(crate) fn expand(paths: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path == "-" {
            out.push(path.clone());
            continue;
        }
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| format!("cannot read folder `{path}`: {e}"))?;
            found.sort();
            out.extend(found.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "arch") {
            found.push(path);
        }
    }
    Ok(())
}

/// Reads one input (`-` is stdin).
pub(crate) fn read(path: &str) -> Result<Input, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|e| format!("cannot read `{path}`: {e}"))?;
    if bytes.len() > MAX_INPUT {
        return Err(format!("`{path}` is larger than 4 GiB"));
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
                rules::SYNTAX,
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
