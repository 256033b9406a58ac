//! `archc explain [RULE]`: every rule as a table, or one rule's explanation with its bad
//! and good examples. The text is the rule's doc comment (see `lint::rule`).

use crate::cli::{Outcome, fail, output};
use crate::lint::{Kind, Rule, registry};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A rule's name (`unowned-system`) or code (`AR101`); without it, list every rule
    rule: Option<String>,
}

pub(crate) fn run(args: Args) -> Outcome {
    let text = match &args.rule {
        None => list(),
        Some(key) => match registry::find(key) {
            Some(rule) => explanation(rule),
            None => {
                let hint = match registry::suggest(key) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "`archc explain` lists every rule".to_string(),
                };
                return fail(format!("unknown lint rule `{key}`; {hint}"));
            }
        },
    };
    match output::write(None, text.as_bytes()) {
        Ok(()) => Outcome::Success,
        Err(e) => fail(e),
    }
}

/// Every rule, one a line: code, name, default level, summary; columns aligned.
pub(crate) fn list() -> String {
    let header = ["code", "name", "level", "summary"];
    let rows: Vec<[&str; 4]> = registry::RULES
        .iter()
        .map(|r| [r.code(), r.name(), r.kind.name(), r.summary])
        .collect();
    let width = |col: usize| rows.iter().chain([&header]).map(|r| r[col].len()).max();
    let [code_w, name_w, level_w] = [0, 1, 2].map(|col| width(col).unwrap_or(0));
    let mut out = String::new();
    for [code, name, level, summary] in std::iter::once(header).chain(rows) {
        out.push_str(&format!(
            "{code:code_w$}  {name:name_w$}  {level:level_w$}  {summary}\n"
        ));
    }
    out.push_str("\nRun `archc explain RULE` for a rule's explanation and examples.\n");
    out
}

/// One rule: a title, its level and how to configure it, then its doc comment.
pub(crate) fn explanation(rule: &Rule) -> String {
    let level = match rule.kind {
        Kind::Error => {
            "Level: error. Error-level rules cannot be turned off or silenced with `allow:`."
                .to_string()
        }
        Kind::Warning => format!(
            "Level: warning by default. Configure it with `archc check --allow|--warn|--deny {0}` or in archc.toml (`[lint]` then `{0} = \"off\"`, `\"warn\"` or `\"error\"`); silence it for one declaration with `allow: [{0}]`.",
            rule.name()
        ),
    };
    format!(
        "# {} ({})\n\n{}\n\n{level}\n\n{}",
        rule.name(),
        rule.code(),
        rule.summary,
        rule.explanation()
    )
}
