//! The closed vocabularies, each one table of (value, display label, family where there is
//! one): connection methods, and every closed set an attribute takes. The schema checks
//! values against these tables, diagnostics list them, and tables, reports, legends and
//! exports take their display labels from them; nothing else spells a vocabulary out.

/// The five method families; edges are styled by family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Identity,
    Api,
    Messaging,
    Data,
    Network,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Identity,
        Family::Api,
        Family::Messaging,
        Family::Data,
        Family::Network,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Identity => "identity",
            Family::Api => "api",
            Family::Messaging => "messaging",
            Family::Data => "data",
            Family::Network => "network",
        }
    }
}

/// A connection method from the vocabulary of language.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Method(u8);

/// (name, display label, family), in the order of language.md.
const METHODS: [(&str, &str, Family); 27] = [
    ("saml", "SSO/SAML", Family::Identity),
    ("oidc", "SSO/OIDC", Family::Identity),
    ("oauth2", "OAuth 2.0", Family::Identity),
    ("scim", "SCIM", Family::Identity),
    ("ldap", "LDAP", Family::Identity),
    ("rest", "REST API", Family::Api),
    ("graphql", "GraphQL", Family::Api),
    ("grpc", "gRPC", Family::Api),
    ("soap", "SOAP", Family::Api),
    ("webhook", "Webhook", Family::Api),
    ("kafka", "Kafka", Family::Messaging),
    ("amqp", "AMQP", Family::Messaging),
    ("mq", "Message queue", Family::Messaging),
    ("sqs", "SQS", Family::Messaging),
    ("pubsub", "Pub/Sub", Family::Messaging),
    ("etl", "ETL", Family::Data),
    ("elt", "ELT", Family::Data),
    ("cdc", "CDC", Family::Data),
    ("batch", "Batch", Family::Data),
    ("sftp", "SFTP", Family::Data),
    ("file", "File transfer", Family::Data),
    ("jdbc", "JDBC", Family::Data),
    ("replication", "Replication", Family::Data),
    ("stream", "Streaming", Family::Data),
    ("vpn", "VPN", Family::Network),
    ("privatelink", "Private Link", Family::Network),
    ("peering", "Peering", Family::Network),
];

impl Method {
    pub fn all() -> impl Iterator<Item = Method> {
        (0..METHODS.len() as u8).map(Method)
    }

    pub fn parse(name: &str) -> Option<Method> {
        METHODS
            .iter()
            .position(|m| m.0 == name)
            .map(|i| Method(i as u8))
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        METHODS.iter().map(|m| m.0)
    }

    pub fn name(self) -> &'static str {
        METHODS[self.0 as usize].0
    }

    pub fn label(self) -> &'static str {
        METHODS[self.0 as usize].1
    }

    pub fn family(self) -> Family {
        METHODS[self.0 as usize].2
    }
}

/// Several methods join their labels with `/`: `etl, cdc` shows "ETL/CDC".
pub fn methods_label(methods: &[Method]) -> String {
    let labels: Vec<&str> = methods.iter().map(|m| m.label()).collect();
    labels.join("/")
}

/// One value of a closed set: as written in a file, and as prose, tables and legends show it
/// (mid-sentence: "SOC 2", "SaaS", "on-prem").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub value: &'static str,
    pub label: &'static str,
}

/// A closed set of values, in the order the language reference lists them.
#[derive(Debug, PartialEq, Eq)]
pub struct Vocabulary {
    /// What the set is, for the language reference: "compliance frameworks".
    pub name: &'static str,
    pub terms: &'static [Term],
}

impl Vocabulary {
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &'static str> + Clone + '_ {
        self.terms.iter().map(|t| t.value)
    }

    /// The set's own copy of `value`, if it is one of the set.
    pub fn find(&self, value: &str) -> Option<&'static str> {
        self.terms
            .iter()
            .find(|t| t.value == value)
            .map(|t| t.value)
    }

    /// The display label of `value`; a value outside the set displays as written.
    pub fn label<'a>(&self, value: &'a str) -> &'a str {
        self.terms
            .iter()
            .find(|t| t.value == value)
            .map_or(value, |t| t.label)
    }

    /// The values, comma-separated, as diagnostics list them.
    pub fn listed(&self) -> String {
        self.values().collect::<Vec<_>>().join(", ")
    }
}

/// `Term { value, label }` for each `value => label` pair.
macro_rules! vocabulary {
    ($name:literal: $($value:literal => $label:literal),+ $(,)?) => {
        Vocabulary {
            name: $name,
            terms: &[$(Term { value: $value, label: $label }),+],
        }
    };
}

pub const CUSTOMER_HOSTING: Vocabulary = vocabulary!("customer hosting":
    "cloud" => "cloud", "on-prem" => "on-prem", "hybrid" => "hybrid");
pub const COMPLIANCE: Vocabulary = vocabulary!("compliance frameworks":
    "soc2" => "SOC 2", "hipaa" => "HIPAA", "gdpr" => "GDPR", "pci-dss" => "PCI DSS",
    "iso27001" => "ISO 27001", "fedramp" => "FedRAMP");
pub const SOLUTION_HOSTING: Vocabulary = vocabulary!("solution hosting":
    "saas" => "SaaS", "customer-hosted" => "customer-hosted");
pub const CRITICALITY: Vocabulary = vocabulary!("criticality levels":
    "low" => "low", "medium" => "medium", "high" => "high", "critical" => "critical");
pub const BUILD: Vocabulary = vocabulary!("how a system is built":
    "custom" => "custom", "cots" => "COTS", "saas" => "SaaS");
pub const SYSTEM_HOSTING: Vocabulary = vocabulary!("system hosting":
    "cloud" => "cloud", "on-prem" => "on-prem", "hybrid" => "hybrid", "saas" => "SaaS");
pub const DATA_CLASSES: Vocabulary = vocabulary!("data classifications":
    "pii" => "PII", "phi" => "PHI", "pci" => "PCI", "confidential" => "confidential",
    "internal" => "internal", "public" => "public");
pub const MODULE_STATUS: Vocabulary = vocabulary!("module availability":
    "ga" => "GA", "beta" => "beta", "roadmap" => "roadmap");
pub const ROLES: Vocabulary = vocabulary!("roles":
    "architect" => "Architect", "se" => "SE", "dba" => "DBA", "security" => "Security",
    "network" => "Network", "product" => "Product", "executive" => "Executive",
    "owner" => "System owner", "other" => "Other");
pub const ORGS: Vocabulary = vocabulary!("organisations":
    "customer" => "customer", "vendor" => "vendor", "partner" => "partner");
pub const FREQUENCY: Vocabulary = vocabulary!("frequencies":
    "realtime" => "Real-time", "near-realtime" => "Near real-time", "hourly" => "Hourly",
    "daily" => "Daily", "weekly" => "Weekly", "monthly" => "Monthly",
    "on-demand" => "On demand");
pub const CONNECTION_STATUS: Vocabulary = vocabulary!("connection states":
    "existing" => "existing", "proposed" => "proposed");
pub const SEVERITY: Vocabulary = vocabulary!("severities":
    "low" => "low", "medium" => "medium", "high" => "high");

/// Every closed set, for the language reference and its test.
pub static ALL: [&Vocabulary; 13] = [
    &CUSTOMER_HOSTING,
    &COMPLIANCE,
    &SOLUTION_HOSTING,
    &CRITICALITY,
    &BUILD,
    &SYSTEM_HOSTING,
    &DATA_CLASSES,
    &MODULE_STATUS,
    &ROLES,
    &ORGS,
    &FREQUENCY,
    &CONNECTION_STATUS,
    &SEVERITY,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods() {
        let etl = Method::parse("etl").unwrap();
        let cdc = Method::parse("cdc").unwrap();
        assert_eq!(methods_label(&[etl, cdc]), "ETL/CDC");
        assert_eq!(Method::parse("saml").unwrap().family(), Family::Identity);
        assert_eq!(Method::parse("peering").unwrap().label(), "Peering");
        assert_eq!(Method::all().count(), 27);
        assert!(Method::parse("rests").is_none());
    }

    #[test]
    fn labels() {
        assert_eq!(FREQUENCY.label("near-realtime"), "Near real-time");
        assert_eq!(FREQUENCY.label("on-demand"), "On demand");
        assert_eq!(COMPLIANCE.label("soc2"), "SOC 2");
        assert_eq!(
            COMPLIANCE.label("nydfs"),
            "nydfs",
            "outside the set: as written"
        );
        assert_eq!(SYSTEM_HOSTING.find("saas"), Some("saas"));
        assert_eq!(SYSTEM_HOSTING.find("SaaS"), None);
    }

    #[test]
    fn every_vocabulary_has_distinct_values_and_labels() {
        for vocabulary in ALL {
            let values: std::collections::BTreeSet<_> = vocabulary.values().collect();
            assert_eq!(values.len(), vocabulary.terms.len(), "{}", vocabulary.name);
            let labels: std::collections::BTreeSet<_> =
                vocabulary.terms.iter().map(|t| t.label).collect();
            assert_eq!(labels.len(), vocabulary.terms.len(), "{}", vocabulary.name);
        }
    }
}
