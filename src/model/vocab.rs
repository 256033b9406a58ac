//! The closed vocabularies: connection methods (family and display label) and frequencies.

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

/// (value, display label) of `frequency`.
pub const FREQUENCIES: [(&str, &str); 7] = [
    ("realtime", "Real-time"),
    ("near-realtime", "Near real-time"),
    ("hourly", "Hourly"),
    ("daily", "Daily"),
    ("weekly", "Weekly"),
    ("monthly", "Monthly"),
    ("on-demand", "On demand"),
];

/// The display label of a frequency value; unknown values display as written.
pub fn frequency_label(value: &str) -> &str {
    FREQUENCIES
        .iter()
        .find(|f| f.0 == value)
        .map_or(value, |f| f.1)
}

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
    fn frequencies() {
        assert_eq!(frequency_label("near-realtime"), "Near real-time");
        assert_eq!(frequency_label("on-demand"), "On demand");
    }
}
