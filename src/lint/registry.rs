//! Every rule of the catalogue, in one slice sorted by code: the error-level rules that the
//! parser and the model emit, then the warnings in the order of lints.md.
//!
//! `explain`, the config, SARIF's rule list and the lint runner all read this slice, so a
//! rule exists for all of them or for none.

use crate::diagnostic::RuleId;
use crate::lint::rule::Rule;
use crate::lint::rules;

pub static RULES: &[&Rule] = &[
    &rules::syntax::SYNTAX,
    &rules::unknown_reference::UNKNOWN_REFERENCE,
    &rules::duplicate_id::DUPLICATE_ID,
    &rules::unknown_method::UNKNOWN_METHOD,
    &rules::invalid_value::INVALID_VALUE,
    &rules::misplaced_element::MISPLACED_ELEMENT,
    &rules::unowned_system::UNOWNED_SYSTEM,
    &rules::unspecified_direction::UNSPECIFIED_DIRECTION,
    &rules::untyped_connection::UNTYPED_CONNECTION,
    &rules::missing_integration_detail::MISSING_INTEGRATION_DETAIL,
    &rules::unsupported_method::UNSUPPORTED_METHOD,
    &rules::gap_without_mitigation::GAP_WITHOUT_MITIGATION,
    &rules::question_without_owner::QUESTION_WITHOUT_OWNER,
    &rules::step_without_owner::STEP_WITHOUT_OWNER,
    &rules::missing_stakeholder::MISSING_STAKEHOLDER,
    &rules::compliance_unaddressed::COMPLIANCE_UNADDRESSED,
    &rules::missing_nfr::MISSING_NFR,
    &rules::late_summary::LATE_SUMMARY,
    &rules::no_followup_review::NO_FOLLOWUP_REVIEW,
    &rules::thin_discovery::THIN_DISCOVERY,
    &rules::isolated_element::ISOLATED_ELEMENT,
    &rules::unknown_attribute::UNKNOWN_ATTRIBUTE,
    &rules::invalid_allow::INVALID_ALLOW,
];

/// The rule `id` names. [`RULES`] is in the order of [`RuleId::ALL`] (a test checks it).
pub fn rule(id: RuleId) -> &'static Rule {
    RULES[id.index()]
}

/// The rule with this kebab-case name.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    RuleId::from_name(name).map(rule)
}

/// The rule with this code (`AR101`; any case).
pub fn by_code(code: &str) -> Option<&'static Rule> {
    RuleId::from_code(code).map(rule)
}

/// The rule named or coded `key`: what the command line and the config accept.
pub fn find(key: &str) -> Option<&'static Rule> {
    RuleId::parse(key).map(rule)
}

/// The rule name nearest to a misspelled `key`, for "did you mean".
pub fn suggest(key: &str) -> Option<&'static str> {
    crate::suggest::nearest(key, RULES.iter().map(|r| r.name()))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::lint::rule::Kind;

    #[test]
    fn every_rule_id_is_registered_in_its_place() {
        let ids: Vec<RuleId> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids, RuleId::ALL);
        for &id in RuleId::ALL {
            assert_eq!(rule(id).id, id);
        }
    }

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code() < pair[1].code(),
                "{} before {}",
                pair[0].code(),
                pair[1].code()
            );
        }
        for rule in RULES {
            let digits = rule.code().strip_prefix("AR").unwrap_or("");
            assert!(
                digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                rule.code()
            );
            let error_code = digits.starts_with('0');
            assert_eq!(
                error_code,
                rule.kind == Kind::Error,
                "{}: AR0xx is for errors",
                rule.name()
            );
        }
    }

    #[test]
    fn names_are_unique_and_kebab_case() {
        for (i, rule) in RULES.iter().enumerate() {
            let kebab = !rule.name().is_empty()
                && rule
                    .name()
                    .split('-')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(kebab, "`{}` is not kebab-case", rule.name());
            assert!(
                RULES[..i].iter().all(|r| r.name() != rule.name()),
                "`{}` twice",
                rule.name()
            );
        }
    }

    #[test]
    fn only_warnings_have_checks_and_emitted_rules_are_registered() {
        for id in [
            RuleId::Syntax,
            RuleId::UnknownReference,
            RuleId::DuplicateId,
            RuleId::UnknownMethod,
            RuleId::InvalidValue,
            RuleId::MisplacedElement,
        ] {
            let rule = rule(id);
            assert_eq!(
                (rule.kind, rule.check.is_none()),
                (Kind::Error, true),
                "{id}"
            );
        }
        let attribute = rule(RuleId::UnknownAttribute);
        assert_eq!(
            (attribute.kind, attribute.check.is_none()),
            (Kind::Warning, true)
        );
        let checked = RULES.iter().filter(|r| r.check.is_some()).count();
        assert_eq!(
            checked,
            RULES.len() - 7,
            "every other rule is a lint with a check"
        );
    }

    #[test]
    fn every_explanation_has_the_headings_and_examples() {
        for rule in RULES {
            let text = rule.explanation();
            let mut at = 0;
            for heading in [
                "## What it does\n",
                "## Why is this bad?\n",
                "## Example\n",
                "Use instead:\n",
            ] {
                let found = text[at..].find(heading);
                assert!(
                    found.is_some(),
                    "{}: `{}` missing or out of order",
                    rule.name(),
                    heading.trim()
                );
                at += found.unwrap_or(0) + heading.len();
            }
            assert_eq!(
                text.matches("```arch\n").count(),
                2,
                "{}: a bad and a good example",
                rule.name()
            );
            assert!(
                !rule.summary.ends_with('.'),
                "{}: summaries have no period",
                rule.name()
            );
        }
    }

    #[test]
    fn every_rule_has_its_fixtures() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint");
        for rule in RULES {
            for file in ["fires.arch", "silent.arch"] {
                let path = root.join(rule.name()).join(file);
                assert!(path.is_file(), "missing {}", path.display());
            }
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(find("AR101").map(|r| r.name()), Some("unowned-system"));
        assert_eq!(find("ar001").map(|r| r.name()), Some("syntax"));
        assert_eq!(find("isolated-element").map(|r| r.code()), Some("AR115"));
        assert_eq!(by_name("AR115").map(|r| r.id), None);
        assert_eq!(suggest("isolated-elemnt"), Some("isolated-element"));
    }
}
