//! One file per rule, named after the rule; each file's doc comment is its `explain` text.

pub(crate) mod compliance_unaddressed;
pub(crate) mod duplicate_id;
pub(crate) mod gap_without_mitigation;
pub(crate) mod invalid_allow;
pub(crate) mod invalid_value;
pub(crate) mod isolated_element;
pub(crate) mod late_summary;
pub(crate) mod misplaced_element;
pub(crate) mod missing_integration_detail;
pub(crate) mod missing_nfr;
pub(crate) mod missing_stakeholder;
pub(crate) mod no_followup_review;
pub(crate) mod question_without_owner;
pub(crate) mod step_without_owner;
pub(crate) mod syntax;
pub(crate) mod thin_discovery;
pub(crate) mod unknown_attribute;
pub(crate) mod unknown_method;
pub(crate) mod unknown_reference;
pub(crate) mod unowned_system;
pub(crate) mod unspecified_direction;
pub(crate) mod unsupported_method;
pub(crate) mod untyped_connection;
