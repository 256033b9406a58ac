//! The attribute table of language.md: which keys each declaration takes, and the type and
//! value set of each.

/// What a declaration's attributes are checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holder {
    Review,
    Customer,
    Solution,
    Group,
    System,
    Module,
    Person,
    Connection,
    Gap,
    Risk,
    Prerequisite,
    Step,
    Question,
    Nfr,
}

impl Holder {
    pub const ALL: [Holder; 14] = [
        Holder::Review,
        Holder::Customer,
        Holder::Solution,
        Holder::Group,
        Holder::System,
        Holder::Module,
        Holder::Person,
        Holder::Connection,
        Holder::Gap,
        Holder::Risk,
        Holder::Prerequisite,
        Holder::Step,
        Holder::Question,
        Holder::Nfr,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Holder::Review => "review",
            Holder::Customer => "customer",
            Holder::Solution => "solution",
            Holder::Group => "group",
            Holder::System => "system",
            Holder::Module => "module",
            Holder::Person => "person",
            Holder::Connection => "connection",
            Holder::Gap => "gap",
            Holder::Risk => "risk",
            Holder::Prerequisite => "prerequisite",
            Holder::Step => "step",
            Holder::Question => "question",
            Holder::Nfr => "nfr",
        }
    }
}

/// The type of an attribute's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// Free text: a string, a number, a date or a name, kept as written.
    Text,
    /// One name from a closed set.
    OneOf(&'static Vocabulary),
    /// A list of names from a closed set (a single name is a list of one).
    ListOf(&'static Vocabulary),
    Date,
    /// A person ID, or a free-text team name in quotes.
    Owner,
    /// A person ID.
    Person,
    /// A customer ID.
    Customer,
    /// A list of connection methods.
    Methods,
}

/// The key every declaration takes: rule names silenced for that declaration alone.
pub const ALLOW: &str = "allow";

use super::vocab::{
    BUILD, COMPLIANCE, CONNECTION_STATUS, CRITICALITY, CUSTOMER_HOSTING, DATA_CLASSES, FREQUENCY,
    MODULE_STATUS, ORGS, ROLES, SEVERITY, SOLUTION_HOSTING, SYSTEM_HOSTING, Vocabulary,
};
use ValueType::{Customer, Date, ListOf, Methods, OneOf, Owner, Person, Text};

/// The known keys of a holder, in the order of language.md.
pub fn keys(holder: Holder) -> &'static [(&'static str, ValueType)] {
    match holder {
        Holder::Review => &[
            ("customer", Customer),
            ("date", Date),
            ("summary_sent", Date),
            ("followup", Date),
            ("se", Person),
            ("duration", Text),
            ("depth", Text),
        ],
        Holder::Customer => &[
            ("hosting", OneOf(&CUSTOMER_HOSTING)),
            ("compliance", ListOf(&COMPLIANCE)),
            ("residency", Text),
            ("industry", Text),
            ("description", Text),
        ],
        Holder::Solution => &[
            ("hosting", OneOf(&SOLUTION_HOSTING)),
            ("region", Text),
            ("description", Text),
        ],
        Holder::Group => &[("description", Text)],
        Holder::System => &[
            ("kind", Text),
            ("owner", Owner),
            ("criticality", OneOf(&CRITICALITY)),
            ("build", OneOf(&BUILD)),
            ("hosting", OneOf(&SYSTEM_HOSTING)),
            ("tech", Text),
            ("data", ListOf(&DATA_CLASSES)),
            ("description", Text),
        ],
        Holder::Module => &[
            ("supports", Methods),
            ("status", OneOf(&MODULE_STATUS)),
            ("owner", Owner),
            ("description", Text),
        ],
        Holder::Person => &[
            ("role", OneOf(&ROLES)),
            ("org", OneOf(&ORGS)),
            ("email", Text),
        ],
        Holder::Connection => &[
            ("data", Text),
            ("frequency", OneOf(&FREQUENCY)),
            ("volume", Text),
            ("status", OneOf(&CONNECTION_STATUS)),
            ("auth", Text),
            ("description", Text),
        ],
        Holder::Gap => &[
            ("point", Text),
            ("requirement", Text),
            ("current", Text),
            ("mitigation", Text),
            ("owner", Owner),
            ("due", Date),
            ("severity", OneOf(&SEVERITY)),
        ],
        Holder::Risk => &[
            ("severity", OneOf(&SEVERITY)),
            ("mitigation", Text),
            ("owner", Owner),
        ],
        Holder::Prerequisite | Holder::Step | Holder::Question => {
            &[("owner", Owner), ("due", Date)]
        }
        Holder::Nfr => &[
            ("performance", Text),
            ("availability", Text),
            ("rpo", Text),
            ("rto", Text),
            ("residency", Text),
            ("scalability", Text),
            ("dr", Text),
        ],
    }
}

/// The known key named `name` on `holder`, with its type.
pub fn lookup(holder: Holder, name: &str) -> Option<(&'static str, ValueType)> {
    keys(holder).iter().copied().find(|(key, _)| *key == name)
}

/// Every key of every holder, for suggestions that say where a misplaced key belongs.
pub fn holders_with_key(name: &str) -> Vec<Holder> {
    Holder::ALL
        .into_iter()
        .filter(|&h| lookup(h, name).is_some())
        .collect()
}
