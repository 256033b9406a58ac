//! Which rules run and at what severity: the `[lint]` table of `archc.toml` and the
//! `--allow`/`--warn`/`--deny` flags, resolved by `cli/config.rs` into one [`LintConfig`].
//!
//! Error-level rules always run as errors: the config refuses to weaken them, so that a
//! file that does not mean anything well-defined is never reported as clean.

use std::fmt;

use crate::diagnostic::RuleId;
use crate::lint::registry;
use crate::lint::rule::{Kind, Rule};

/// A rule's configured severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    Warn,
    Error,
}

impl Level {
    /// The spellings of `archc.toml`: `off`, `warn`, `error`.
    pub const NAMES: [&'static str; 3] = ["off", "warn", "error"];

    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "off" => Some(Level::Off),
            "warn" => Some(Level::Warn),
            "error" => Some(Level::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }

    /// A rule's level when nothing configures it.
    pub fn default_for(rule: &Rule) -> Level {
        match rule.kind {
            Kind::Error => Level::Error,
            Kind::Warning => Level::Warn,
        }
    }
}

/// The severity of every rule, indexed like [`registry::RULES`] and [`RuleId::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintConfig {
    levels: Vec<Level>,
}

impl Default for LintConfig {
    /// Every rule at its default: errors as errors, warnings as warnings.
    fn default() -> LintConfig {
        LintConfig {
            levels: registry::RULES
                .iter()
                .map(|r| Level::default_for(r))
                .collect(),
        }
    }
}

/// Why a rule's level could not be set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// No rule has this name or code; `suggestion` is the nearest name.
    UnknownRule {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// An error-level rule cannot be turned off or lowered to a warning.
    ErrorRule { rule: RuleId, level: Level },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownRule { name, suggestion } => {
                write!(f, "unknown lint rule `{name}`")?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `{s}`?"),
                    None => write!(f, "; `archc explain` lists every rule"),
                }
            }
            ConfigError::ErrorRule { rule, level } => write!(
                f,
                "`{rule}` is an error-level rule and cannot be set to `{}`: a file with this error does not mean anything well-defined",
                level.name()
            ),
        }
    }
}

impl LintConfig {
    /// Only `rule` at its default level; every other warning rule off (errors stay on).
    /// This is what the lint fixtures run with.
    pub fn only(rule: RuleId) -> LintConfig {
        let levels = registry::RULES
            .iter()
            .map(|r| match r.kind {
                Kind::Error => Level::Error,
                Kind::Warning if r.id == rule => Level::Warn,
                Kind::Warning => Level::Off,
            })
            .collect();
        LintConfig { levels }
    }

    /// Sets the level of the rule named (or coded) `key`.
    pub fn set(&mut self, key: &str, level: Level) -> Result<(), ConfigError> {
        let Some(found) = registry::find(key) else {
            return Err(ConfigError::UnknownRule {
                name: key.to_string(),
                suggestion: registry::suggest(key),
            });
        };
        if found.kind == Kind::Error && level != Level::Error {
            return Err(ConfigError::ErrorRule {
                rule: found.id,
                level,
            });
        }
        self.levels[found.id.index()] = level;
        Ok(())
    }

    /// The level of a rule of the registry.
    pub fn level_of(&self, rule: &Rule) -> Level {
        self.level(rule.id)
    }

    /// The level of the rule `id`.
    pub fn level(&self, id: RuleId) -> Level {
        self.levels[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_kind() {
        let config = LintConfig::default();
        assert_eq!(config.level(RuleId::Syntax), Level::Error);
        assert_eq!(config.level(RuleId::UnownedSystem), Level::Warn);
    }

    #[test]
    fn only_keeps_errors_and_the_rule() {
        let config = LintConfig::only(RuleId::IsolatedElement);
        assert_eq!(config.level(RuleId::IsolatedElement), Level::Warn);
        assert_eq!(config.level(RuleId::UnownedSystem), Level::Off);
        assert_eq!(config.level(RuleId::DuplicateId), Level::Error);
    }

    #[test]
    fn set_by_name_or_code() {
        let mut config = LintConfig::default();
        config.set("unowned-system", Level::Off).unwrap();
        config.set("AR115", Level::Error).unwrap();
        assert_eq!(config.level(RuleId::UnownedSystem), Level::Off);
        assert_eq!(config.level(RuleId::IsolatedElement), Level::Error);
    }

    #[test]
    fn error_rules_cannot_be_weakened() {
        let mut config = LintConfig::default();
        let err = config.set("syntax", Level::Off).unwrap_err();
        assert_eq!(
            err,
            ConfigError::ErrorRule {
                rule: RuleId::Syntax,
                level: Level::Off
            }
        );
        assert!(config.set("syntax", Level::Warn).is_err());
        assert!(config.set("syntax", Level::Error).is_ok());
    }

    #[test]
    fn unknown_rules_get_a_suggestion() {
        let err = LintConfig::default()
            .set("unowned-sytem", Level::Off)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown lint rule `unowned-sytem`; did you mean `unowned-system`?"
        );
    }
}
