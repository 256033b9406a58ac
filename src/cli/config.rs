//! Lint configuration at the edge: `archc.toml`, found by walking up from each input's
//! folder (from the current folder for stdin), and the `--allow`/`--warn`/`--deny` flags,
//! which win over the file. The result is one [`LintConfig`] per input.
//!
//! ```toml
//! [lint]
//! unowned-system = "off"      # "off" | "warn" | "error"
//! isolated-element = "error"
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::lint::{Level, LintConfig, registry};

/// The config file's name.
pub(crate) const FILE_NAME: &str = "archc.toml";

/// Rule levels given on the command line, applied in this order: a rule both allowed and
/// denied ends up denied (the stricter wins).
#[derive(Clone, Debug, Default)]
pub(crate) struct Flags {
    pub allow: Vec<String>,
    pub warn: Vec<String>,
    pub deny: Vec<String>,
}

impl Flags {
    fn apply(&self, config: &mut LintConfig) -> Result<(), String> {
        let levels = [
            ("--allow", Level::Off, &self.allow),
            ("--warn", Level::Warn, &self.warn),
            ("--deny", Level::Error, &self.deny),
        ];
        for (flag, level, rules) in levels {
            for rule in rules {
                config
                    .set(rule, level)
                    .map_err(|e| format!("{flag} {rule}: {e}"))?;
            }
        }
        Ok(())
    }
}

/// Finds and caches the config of each input.
pub(crate) struct Resolver {
    flags: Flags,
    /// Folder → the config file that governs it (`None`: no file up to the root).
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file (or none) → the config with the flags applied.
    parsed: HashMap<Option<PathBuf>, Arc<LintConfig>>,
}

impl Resolver {
    /// Checks the flags once, so that a wrong rule name fails even before any file is read.
    pub(crate) fn new(flags: Flags) -> Result<Resolver, String> {
        flags.apply(&mut LintConfig::default())?;
        Ok(Resolver {
            flags,
            found: HashMap::new(),
            parsed: HashMap::new(),
        })
    }

    /// The config for the input at `path` (`-`: stdin, governed by the current folder).
    pub(crate) fn for_input(&mut self, path: &str) -> Result<Arc<LintConfig>, String> {
        let start = start_folder(path);
        let file = match self.found.get(&start) {
            Some(file) => file.clone(),
            None => {
                let file = discover(&start);
                self.found.insert(start, file.clone());
                file
            }
        };
        if let Some(config) = self.parsed.get(&file) {
            return Ok(config.clone());
        }
        let mut config = match &file {
            Some(path) => load(path)?,
            None => LintConfig::default(),
        };
        self.flags.apply(&mut config)?;
        let config = Arc::new(config);
        self.parsed.insert(file, config.clone());
        Ok(config)
    }
}

/// The absolute folder where the search for `archc.toml` starts.
fn start_folder(path: &str) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if path == "-" {
        return cwd;
    }
    let folder = Path::new(path).parent().unwrap_or(Path::new(""));
    let folder = cwd.join(folder);
    folder.canonicalize().unwrap_or(folder)
}

/// The nearest `archc.toml` in `folder` or above it.
fn discover(folder: &Path) -> Option<PathBuf> {
    folder
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and applies one config file to the defaults.
fn load(path: &Path) -> Result<LintConfig, String> {
    let shown = display(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    parse(&text).map_err(|e| format!("`{shown}`: {e}"))
}

/// Parses the text of an `archc.toml`. Tables other than `[lint]` are left to other tools.
pub(crate) fn parse(text: &str) -> Result<LintConfig, String> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("invalid TOML: {}", e.to_string().trim_end()))?;
    let mut config = LintConfig::default();
    let Some(lint) = table.get("lint") else {
        return Ok(config);
    };
    let Some(lint) = lint.as_table() else {
        return Err(
            "`lint` must be a table: `[lint]` then `rule-name = \"off\" | \"warn\" | \"error\"`"
                .into(),
        );
    };
    for (rule, value) in lint {
        let level = level_of(rule, value)?;
        config.set(rule, level).map_err(|e| format!("[lint] {e}"))?;
    }
    Ok(config)
}

fn level_of(rule: &str, value: &toml::Value) -> Result<Level, String> {
    let text = value.as_str().unwrap_or_default();
    if let Some(level) = Level::parse(text) {
        return Ok(level);
    }
    let hint = match crate::suggest::nearest(text, Level::NAMES) {
        Some(s) if value.is_str() => format!("; did you mean \"{s}\"?"),
        _ => String::new(),
    };
    let known = if registry::find(rule).is_none() {
        match registry::suggest(rule) {
            Some(s) => format!(" (and `{rule}` is not a rule; did you mean `{s}`?)"),
            None => format!(" (and `{rule}` is not a rule)"),
        }
    } else {
        String::new()
    };
    Err(format!(
        "[lint] `{rule} = {value}`: the level is \"off\", \"warn\" or \"error\"{hint}{known}"
    ))
}

/// A path as the user would write it: relative to the current folder when inside it.
fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok());
    relative.unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::RuleId;

    #[test]
    fn lint_table_sets_levels() {
        let config = parse("[lint]\nunowned-system = \"off\"\nAR115 = \"error\"\n").unwrap();
        assert_eq!(config.level(RuleId::UnownedSystem), Level::Off);
        assert_eq!(config.level(RuleId::IsolatedElement), Level::Error);
        assert_eq!(config.level(RuleId::LateSummary), Level::Warn);
    }

    #[test]
    fn other_tables_and_an_empty_file_are_fine() {
        assert_eq!(parse("").unwrap(), LintConfig::default());
        assert_eq!(
            parse("[render]\ntheme = \"dark\"\n").unwrap(),
            LintConfig::default()
        );
    }

    #[test]
    fn mistakes_are_explained() {
        let check = |text: &str, expect: &str| {
            let err = parse(text).unwrap_err();
            assert!(err.contains(expect), "{err}");
        };
        check(
            "[lint]\nunowned-sytem = \"off\"\n",
            "did you mean `unowned-system`?",
        );
        check("[lint]\nunowned-system = \"of\"\n", "did you mean \"off\"?");
        check(
            "[lint]\nunowned-system = 0\n",
            "the level is \"off\", \"warn\" or \"error\"",
        );
        check(
            "[lint]\nsyntax = \"off\"\n",
            "`syntax` is an error-level rule",
        );
        check("lint = 3\n", "`lint` must be a table");
        check("[lint\n", "invalid TOML");
    }

    #[test]
    fn flags_win_and_deny_is_strictest() {
        let flags = Flags {
            allow: vec!["isolated-element".into(), "late-summary".into()],
            warn: vec![],
            deny: vec!["late-summary".into()],
        };
        let mut config = parse("[lint]\nisolated-element = \"error\"\n").unwrap();
        flags.apply(&mut config).unwrap();
        assert_eq!(config.level(RuleId::IsolatedElement), Level::Off);
        assert_eq!(config.level(RuleId::LateSummary), Level::Error);
    }

    #[test]
    fn bad_flags_fail() {
        let flags = Flags {
            allow: vec!["syntax".into()],
            ..Flags::default()
        };
        let err = Resolver::new(flags).err().unwrap_or_default();
        assert!(
            err.starts_with("--allow syntax: `syntax` is an error-level rule"),
            "{err}"
        );
    }
}
