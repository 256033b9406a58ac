//! How the report spells vocabulary words in prose: `dba` → "DBA", `soc2` → "SOC 2".
//! Tables keep the values as written (they are data); prose reads better with labels.

pub fn role(role: &str) -> &str {
    match role {
        "architect" => "Architect",
        "se" => "SE",
        "dba" => "DBA",
        "security" => "Security",
        "network" => "Network",
        "product" => "Product",
        "executive" => "Executive",
        "owner" => "System owner",
        "other" => "Other",
        other => other,
    }
}

pub fn compliance(framework: &str) -> &str {
    match framework {
        "soc2" => "SOC 2",
        "hipaa" => "HIPAA",
        "gdpr" => "GDPR",
        "pci-dss" => "PCI DSS",
        "iso27001" => "ISO 27001",
        "fedramp" => "FedRAMP",
        other => other,
    }
}

pub fn data_class(class: &str) -> &str {
    match class {
        "pii" => "PII",
        "phi" => "PHI",
        "pci" => "PCI",
        other => other,
    }
}

pub fn hosting(hosting: &str) -> &str {
    match hosting {
        "saas" => "SaaS",
        "customer-hosted" => "customer-hosted",
        other => other,
    }
}

pub fn module_status(status: &str) -> &str {
    match status {
        "ga" => "GA",
        "beta" => "beta",
        "roadmap" => "roadmap",
        other => other,
    }
}

/// The `nfr` keys with their display names, in the order the report lists them.
pub const NFR_KEYS: [(&str, &str); 7] = [
    ("performance", "Performance"),
    ("availability", "Availability"),
    ("scalability", "Scalability"),
    ("rpo", "Recovery point objective (RPO)"),
    ("rto", "Recovery time objective (RTO)"),
    ("dr", "Disaster recovery"),
    ("residency", "Data residency"),
];
