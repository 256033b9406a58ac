//! `archc check`: parse, resolve and lint every input, print the findings, set the exit code.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::ValueEnum;

use crate::cli::{Outcome, config, fail, inputs, output};
use crate::diagnostic::{self, Diagnostic, FileReport, RuleId, Severity, human};
use crate::lint::{LintConfig, registry};
use crate::source::Source;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or folders (every `*.arch` below, in sorted order); `-` reads stdin
    #[arg(required = true)]
    paths: Vec<String>,
    /// How to print findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    deny_warnings: bool,
    /// Turn a warning rule off (repeatable; wins over archc.toml)
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
    /// Report a rule as a warning (repeatable; wins over archc.toml)
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,
    /// Report a rule as an error (repeatable; wins over archc.toml and --allow)
    #[arg(long, value_name = "RULE")]
    deny: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Snippets with carets and a help line
    Human,
    /// `path:line:col: severity[rule] message`
    Short,
    /// A versioned JSON document
    Json,
    /// SARIF 2.1.0
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=...::message`)
    Github,
}

pub(crate) fn run(args: Args) -> Outcome {
    let paths = match inputs::expand(&args.paths) {
        Ok(paths) => paths,
        Err(e) => return fail(e),
    };
    let flags = config::Flags {
        allow: args.allow,
        warn: args.warn,
        deny: args.deny,
    };
    let configs = match configs_for(&paths, flags) {
        Ok(configs) => configs,
        Err(e) => return fail(e),
    };
    let results = parallel_map(&paths, |i, path| {
        inputs::read(path).map(|input| check_one(input, &configs[i]))
    });
    let mut checked: Vec<(Source, Vec<Diagnostic>)> = Vec::with_capacity(paths.len());
    for result in results {
        match result {
            Ok(one) => checked.push(one),
            Err(e) => return fail(e),
        }
    }
    let reports: Vec<FileReport<'_>> = checked
        .iter()
        .map(|(source, diagnostics)| FileReport::new(source, diagnostics))
        .collect();
    let text = match args.format {
        Format::Human => human_output(&reports),
        Format::Short => diagnostic::short::render(&reports),
        Format::Json => diagnostic::json::render(&reports),
        Format::Sarif => diagnostic::sarif::render(&reports, &summary),
        Format::Github => diagnostic::github::render(&reports),
    };
    if let Err(e) = output::write(None, text.as_bytes()) {
        return fail(e);
    }
    let all = checked.iter().flat_map(|(_, d)| d);
    outcome(all, args.deny_warnings)
}

/// The lint config of each input, in input order.
fn configs_for(paths: &[String], flags: config::Flags) -> Result<Vec<Arc<LintConfig>>, String> {
    let mut resolver = config::Resolver::new(flags)?;
    paths.iter().map(|p| resolver.for_input(p)).collect()
}

/// A rule's one-line summary, for SARIF's rule list.
fn summary(rule: RuleId) -> String {
    registry::rule(rule).summary.to_string()
}

/// Compiles one input; an encoding error stands alone (the text would only mislead).
fn check_one(input: inputs::Input, config: &LintConfig) -> (Source, Vec<Diagnostic>) {
    if let Some(error) = input.encoding_error {
        return (input.source, vec![error]);
    }
    let compilation = crate::compile(&input.source, config);
    (input.source, compilation.diagnostics)
}

/// `f` over every item on up to one thread per core, results in item order. Inputs are
/// handed out one at a time, so one large file does not hold up a queue of small ones.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = threads.min(items.len());
    if workers <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| f(i, item))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(i, item)));
        }
        done
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(worker)).collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn human_output(reports: &[FileReport<'_>]) -> String {
    let mut text = human::render(reports, inputs::color_for(&std::io::stdout()), 100);
    let (errors, warnings) = count(reports.iter().flat_map(|r| r.diagnostics));
    let files = format!(
        "{} file{}",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" }
    );
    // A person at a terminal is told the run did something; the other formats stay silent.
    if errors + warnings > 0 {
        text.push_str(&format!(
            "{} in {files}\n",
            plural_findings(errors, warnings)
        ));
    } else {
        text.push_str(&format!("{files} checked: no findings\n"));
    }
    text
}

fn plural_findings(errors: usize, warnings: usize) -> String {
    let e = format!("{errors} error{}", if errors == 1 { "" } else { "s" });
    let w = format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" });
    format!("{e}, {w}")
}

fn count<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> (usize, usize) {
    diagnostics.fold((0, 0), |(e, w), d| match d.severity {
        Severity::Error => (e + 1, w),
        Severity::Warning => (e, w + 1),
    })
}

fn outcome<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>, deny_warnings: bool) -> Outcome {
    let (errors, warnings) = count(diagnostics);
    if errors > 0 || (deny_warnings && warnings > 0) {
        Outcome::InputErrors
    } else {
        Outcome::Success
    }
}

#[cfg(test)]
mod tests {
    use super::parallel_map;

    #[test]
    fn parallel_map_keeps_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let doubled = parallel_map(&items, |i, x| (i, x * 2));
        assert!(
            doubled
                .iter()
                .enumerate()
                .all(|(k, &(i, d))| k == i && d == 2 * k)
        );
        assert!(parallel_map(&[] as &[u8], |_, x| *x).is_empty());
    }
}
