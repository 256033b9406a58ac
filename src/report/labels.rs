//! How the report names the `nfr` keys in prose. Vocabulary values take their display
//! labels from `model::vocab`.

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
