//! Every rule's identity, declared once: its stable kebab-case name and its code.
//!
//! The parser and the model emit the error-level rules, the lint rules the rest; all of them
//! name their rule with a [`RuleId`], and this table is the only place that spells a name or
//! a code. `lint::registry` adds each rule's kind, explanation and check.

/// Declares [`RuleId`] from `Variant = "name", "code";` lines, in code order.
macro_rules! rule_ids {
    ($($variant:ident = $name:literal, $code:literal;)*) => {
        /// A rule of the catalogue (lints.md). Names and codes are public and never reused.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every rule, sorted by code: the order of `lint::registry::RULES`.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable kebab-case name used in output, config and `allow:`.
            pub fn name(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $name,)*
                }
            }

            /// The alias: `AR0xx` for errors, `AR1xx` for warnings.
            pub fn code(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $code,)*
                }
            }
        }
    };
}

rule_ids! {
    Syntax = "syntax", "AR001";
    UnknownReference = "unknown-reference", "AR002";
    DuplicateId = "duplicate-id", "AR003";
    UnknownMethod = "unknown-method", "AR004";
    InvalidValue = "invalid-value", "AR005";
    MisplacedElement = "misplaced-element", "AR006";
    UnownedSystem = "unowned-system", "AR101";
    UnspecifiedDirection = "unspecified-direction", "AR102";
    UntypedConnection = "untyped-connection", "AR103";
    MissingIntegrationDetail = "missing-integration-detail", "AR104";
    UnsupportedMethod = "unsupported-method", "AR105";
    GapWithoutMitigation = "gap-without-mitigation", "AR106";
    QuestionWithoutOwner = "question-without-owner", "AR107";
    StepWithoutOwner = "step-without-owner", "AR108";
    MissingStakeholder = "missing-stakeholder", "AR109";
    ComplianceUnaddressed = "compliance-unaddressed", "AR110";
    MissingNfr = "missing-nfr", "AR111";
    LateSummary = "late-summary", "AR112";
    NoFollowupReview = "no-followup-review", "AR113";
    ThinDiscovery = "thin-discovery", "AR114";
    IsolatedElement = "isolated-element", "AR115";
    UnknownAttribute = "unknown-attribute", "AR116";
    InvalidAllow = "invalid-allow", "AR117";
}

impl RuleId {
    /// The rule with this kebab-case name (exactly as written).
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.name() == name)
    }

    /// The rule with this code (`AR101`; any case).
    pub fn from_code(code: &str) -> Option<RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(code))
    }

    /// The rule named or coded `key`: what the command line and the config accept.
    pub fn parse(key: &str) -> Option<RuleId> {
        RuleId::from_name(key).or_else(|| RuleId::from_code(key))
    }

    /// The position in [`RuleId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Prints the name, as every output format does.
impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::RuleId;

    #[test]
    fn names_and_codes_parse_back() {
        for (i, &rule) in RuleId::ALL.iter().enumerate() {
            assert_eq!(rule.index(), i);
            assert_eq!(RuleId::from_name(rule.name()), Some(rule));
            assert_eq!(RuleId::from_code(rule.code()), Some(rule));
            assert_eq!(RuleId::parse(&rule.code().to_lowercase()), Some(rule));
        }
        assert_eq!(RuleId::parse("unowned-system"), Some(RuleId::UnownedSystem));
        assert_eq!(RuleId::from_name("AR101"), None);
        assert_eq!(RuleId::from_name("Unowned-System"), None);
        assert_eq!(RuleId::parse("nope"), None);
    }
}
