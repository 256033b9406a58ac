//! `archc explain`: the rule list, each rule's explanation, and the examples in them.

use archc::lint::{LintConfig, registry};
use archc::source::Source;

use crate::support::archc;

#[test]
fn list_of_every_rule() {
    let run = archc(&["explain"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout.lines().filter(|l| l.starts_with("AR")).count(),
        registry::RULES.len()
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn every_rule_explains_itself() {
    for rule in registry::RULES {
        let run = archc(&["explain", rule.name()]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{}", rule.name());
        insta::assert_snapshot!(rule.name(), run.stdout);
        let by_code = archc(&["explain", &rule.code().to_ascii_lowercase()]);
        assert_eq!(by_code.stdout, run.stdout, "{} by code", rule.name());
    }
}

#[test]
fn unknown_rules_are_usage_errors() {
    let run = archc(&["explain", "unowned-sytem"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "error: unknown lint rule `unowned-sytem`; did you mean `unowned-system`?\n"
        )
    );
    let run = archc(&["explain", "AR999"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unknown lint rule `AR999`; `archc explain` lists every rule\n"
    );
}

/// The bad example of each explanation fires its rule; the good one compiles clean with
/// that rule enabled. Documentation that drifts from the rule fails here.
#[test]
fn the_examples_in_every_explanation_are_true() {
    for rule in registry::RULES {
        let text = rule.explanation();
        let blocks: Vec<&str> = text
            .split("```arch\n")
            .skip(1)
            .map(|b| b.split("```").next().unwrap_or(""))
            .collect();
        let [bad, good] = blocks[..] else {
            panic!("{}: two examples", rule.name());
        };
        let config = LintConfig::only(rule.id);
        let compile =
            |text: &str| archc::compile(&Source::new("example.arch", text), &config).diagnostics;
        let fired = compile(bad);
        assert!(
            fired.iter().any(|d| d.rule == rule.id),
            "{}: the bad example does not fire: {fired:?}",
            rule.name()
        );
        let clean = compile(good);
        assert!(
            clean.is_empty(),
            "{}: the good example is not clean: {clean:?}",
            rule.name()
        );
    }
}
