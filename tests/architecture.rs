//! The module boundaries of ARCHITECTURE.md, checked against the code.
//!
//! ARCHITECTURE.md's table "Who may use whom" lists, for each top-level module of `src/`, the
//! modules its code may name through `crate::…` (`archc::…` in `main.rs`). This reads every
//! `src/**/*.rs` file's code up to its `#[cfg(test)]` (tests may reach anywhere), collects the
//! paths it names, and requires each module to use exactly what the table allows: nothing more
//! (a forbidden `use`), nothing less (a table that allows more than the code needs has drifted).
//!
//! `layout::text` (text measurement) counts apart from the rest of `layout` (its data types),
//! so the table can say who measures text. Comment lines are skipped, so doc links do not count.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What a module may use, as the table says.
#[derive(Debug, PartialEq, Eq)]
enum Allowed {
    Everything,
    Only(BTreeSet<String>),
}

#[test]
fn every_module_uses_exactly_what_architecture_md_allows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = allowed_table(&read(&root.join("ARCHITECTURE.md")));
    let modules = declared_modules(&read(&root.join("src/lib.rs")));
    let used = used_by_module(&root.join("src"), &modules);
    let mut problems = Vec::new();
    for module in used.keys().chain(table.keys()) {
        if !table.contains_key(module) {
            problems.push(format!(
                "`{module}` is not in ARCHITECTURE.md's table \"Who may use whom\": add its row"
            ));
        }
    }
    for (module, allowed) in &table {
        let uses = used.get(module).cloned().unwrap_or_default();
        let Allowed::Only(allowed) = allowed else {
            continue;
        };
        for extra in uses.difference(allowed) {
            problems.push(format!(
                "`{module}` uses `{extra}`, which ARCHITECTURE.md does not allow it \
                 (move the code, or change the boundary there on purpose)"
            ));
        }
        for unused in allowed.difference(&uses) {
            problems.push(format!(
                "ARCHITECTURE.md allows `{module}` to use `{unused}`, which it no longer does: \
                 remove it from the table"
            ));
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_forbidden_use_is_caught() {
    let code = "use crate::model::Model as M;\nuse crate::layout::{\n    self,\n    text::measure as m, Point,\n};\n\
                /// [`crate::view`] in a doc comment does not count.\n\
                fn f() { crate::diagram::draw(); } // crate::theme in a comment\n\
                #[cfg(test)]\nmod tests { use crate::cli; }\n";
    let modules: BTreeSet<String> = ["model", "layout", "view", "diagram", "cli"]
        .map(String::from)
        .into();
    let uses = uses_in(code, "crate::", &modules);
    assert_eq!(
        uses.into_iter().collect::<Vec<_>>(),
        ["diagram", "layout", "layout::text", "model"]
    );
    let table = allowed_table(
        "## x\n### Who may use whom\n| module | may use |\n|---|---|\n\
         | `render` | `diagram`, `printable` |\n| `cli` | everything |\n| `source` | — |\n\n",
    );
    assert_eq!(
        table.get("render"),
        Some(&Allowed::Only(
            ["diagram", "printable"].map(String::from).into()
        ))
    );
    assert_eq!(table.get("cli"), Some(&Allowed::Everything));
    assert_eq!(table.get("source"), Some(&Allowed::Only(BTreeSet::new())));
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The rows of the table under the heading "Who may use whom".
fn allowed_table(markdown: &str) -> BTreeMap<String, Allowed> {
    let section = markdown
        .split_once("### Who may use whom")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has no \"### Who may use whom\" table"));
    let mut table = BTreeMap::new();
    for line in section.lines().skip_while(|l| !l.starts_with('|')) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(module), Some(uses)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let Some(module) = backticked(module).into_iter().next() else {
            continue; // the header and the rule
        };
        let allowed = if *uses == "everything" {
            Allowed::Everything
        } else {
            Allowed::Only(backticked(uses).into_iter().collect())
        };
        table.insert(module, allowed);
    }
    table
}

/// The words between backticks, with a trailing `.rs` dropped (`main.rs` is `main`).
fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|w| w.trim_end_matches(".rs").to_owned())
        .collect()
}

/// The modules `lib.rs` declares, and `main` (the binary).
fn declared_modules(lib: &str) -> BTreeSet<String> {
    let mut modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(str::to_owned)
        .collect();
    modules.insert("main".to_owned());
    modules
}

/// For each top-level module of `src/`, what its code uses.
fn used_by_module(src: &Path, modules: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let first = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs").to_owned();
        assert!(
            module == "lib" || modules.contains(&module),
            "{} belongs to no module that lib.rs declares",
            file.display()
        );
        let text = read(&file);
        let mut uses = if module == "main" {
            uses_in(&text, "archc::", modules)
        } else {
            uses_in(&text, "crate::", modules)
        };
        // `super::` that climbs to the crate root names a module as `crate::` does.
        let depth = relative.components().count() - usize::from(relative.ends_with("mod.rs"));
        if module != "lib" && module != "main" {
            uses.extend(uses_in(&text, &"super::".repeat(depth), modules));
        }
        // Naming its own items is no dependency.
        uses.retain(|u| u != &module && !u.starts_with(&format!("{module}::")));
        used.entry(module).or_default().extend(uses);
    }
    used
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules that `code` names after `prefix`, before its `#[cfg(test)]`: the first segment
/// of each path, `layout::text` apart, and `lib` for the crate root's own items.
fn uses_in(code: &str, prefix: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code_before_tests(code);
    let mut uses = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `my_crate::` or `a::super::`, not ours
        }
        let mut paths = Vec::new();
        use_tree(&code[at + prefix.len()..], Vec::new(), &mut paths);
        for path in paths {
            uses.insert(dependency(&path, modules));
        }
    }
    uses
}

/// The code up to the first `#[cfg(test)]`, without comment lines and trailing comments
/// (a `use` that rustfmt spread over several lines stays whole).
fn code_before_tests(code: &str) -> String {
    let mut kept = String::new();
    for line in code.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        kept.push_str(line.split_once(" // ").map_or(line, |(code, _)| code));
        kept.push('\n');
    }
    kept
}

fn dependency(path: &[String], modules: &BTreeSet<String>) -> String {
    match path {
        [first, second, ..] if first == "layout" && second == "text" => "layout::text".to_owned(),
        [first, ..] if modules.contains(first) => first.clone(),
        _ => "lib".to_owned(),
    }
}

/// Parses a path or use tree (`a::b`, `a::{self, b::c, d}`) at the start of `text`, pushing
/// each full path onto `out`; returns how many bytes it read.
fn use_tree(text: &str, mut base: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut at = 0;
    loop {
        at += skip_space(&text[at..]);
        if text[at..].starts_with('{') {
            at += 1;
            loop {
                at += skip_space(&text[at..]);
                if text[at..].is_empty() || text[at..].starts_with('}') {
                    return at + 1;
                }
                at += use_tree(&text[at..], base.clone(), out);
                at += skip_space(&text[at..]);
                if let Some(rest) = text[at..].strip_prefix("as ") {
                    // `b as c`: the alias is no path.
                    let alias = rest.trim_start();
                    let word = alias.find(|c: char| !(c.is_alphanumeric() || c == '_'));
                    at = text.len() - alias.len() + word.unwrap_or(alias.len());
                    at += skip_space(&text[at..]);
                }
                if text[at..].starts_with(',') {
                    at += 1;
                } else if !text[at..].starts_with('}') {
                    return at; // not a use tree after all
                }
            }
        }
        let word: String = text[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        at += word.len();
        if !word.is_empty() && word != "self" {
            base.push(word);
        }
        if text[at..].starts_with("::") {
            at += 2;
        } else {
            if !base.is_empty() {
                out.push(base);
            }
            return at;
        }
    }
}

fn skip_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}
