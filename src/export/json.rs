//! The JSON export: the whole model as a versioned, documented document for other tools.
//!
//! Keys come in the order shown here, every key is always present (`null` or `[]` when
//! there is nothing), and the same input gives the same bytes. A change that removes or
//! renames a key, or changes a value's type, bumps `version`.
//!
//! ```text
//! { "version": 1,
//!   "review": null | { "title", "attributes", "allow" },
//!   "nfr": null | { "attributes", "allow" },
//!   "persons": [ { "id", "name", "attributes", "allow" } ],
//!   "elements": [ Element ],          // the top-level elements; each holds its children
//!   "connections": [ Connection ],    // in source order; records refer to them by index
//!   "records": [ Record ] }           // gaps, risks, prerequisites, steps, questions
//!
//! Element    = { "id", "kind": "customer" | "solution" | "group" | "system" | "module",
//!                "label", "attributes", "allow", "children": [ Element ] }
//! Connection = { "id",                              // "a->b", "a->b#2": the SVG's data-id
//!                "from", "to",                      // element IDs, as written
//!                "arrow": "->" | "<-" | "<->" | "--",
//!                "methods": [ Method ], "methods_label",   // "ETL/CDC"; "" without methods
//!                "label": null | string,            // the label as written
//!                "status": "existing" | "proposed",
//!                "direction": "inbound" | "outbound" | "bidirectional" | "unspecified" | "one-way",
//!                "point",                           // the customer-side end's element ID
//!                "attributes", "allow",
//!                "gaps": [ index into "records" ] }
//! Method     = { "name": "saml", "label": "SSO/SAML", "family": "identity" }
//! Record     = { "kind": "gap" | "risk" | "prerequisite" | "step" | "question",
//!                "id": null | string, "text",
//!                "connection": null | index into "connections",  // a gap written inside one
//!                "point": null | string,            // a gap's integration point, as displayed
//!                "attributes", "allow" }
//! ```
//!
//! `attributes` is an object with the keys that were written, in the order of the
//! language's attribute table (not the order in the file, so reordering a block changes
//! nothing). A value is a string (free text, a word from a closed set, a `YYYY-MM-DD`
//! date, a person ID for `se`, a customer ID for `customer`), a list of strings (`data`,
//! `compliance`), a list of methods (`supports`), or, for `owner`, an object
//! `{ "person": ID | null, "name": display name }` (`person` is null for a team written in
//! quotes). `allow` lists the rule names of the declaration's `allow: [...]`.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::printable::escape_unprintable_in_json;

use crate::model::schema::{self, Holder};
use crate::model::{
    AttrValue, Attributes, Connection, Direction, Element, ElementId, Method, Model, Owner, Record,
    RecordId, RecordKind, Status,
};

/// The version of the document's shape; see the module documentation.
pub const VERSION: u32 = 1;

pub(super) fn write(model: &Model) -> String {
    let document = Document {
        version: VERSION,
        review: model.review.as_ref().map(|r| ReviewOut {
            title: &r.title,
            attributes: Attrs::new(model, Holder::Review, &r.attrs),
            allow: allow(&r.allow),
        }),
        nfr: model.nfr.as_ref().map(|n| NfrOut {
            attributes: Attrs::new(model, Holder::Nfr, &n.attrs),
            allow: allow(&n.allow),
        }),
        persons: model
            .persons
            .iter()
            .map(|p| PersonOut {
                id: &p.id,
                name: &p.name,
                attributes: Attrs::new(model, Holder::Person, &p.attrs),
                allow: allow(&p.allow),
            })
            .collect(),
        elements: model.roots().map(|id| element(model, id)).collect(),
        connections: model
            .connections
            .iter()
            .map(|c| connection(model, c))
            .collect(),
        records: model
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| record(model, RecordId(i as u32), r))
            .collect(),
    };
    // Serialising plain structs, strings and sequences into a String cannot fail.
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    let mut text = escape_unprintable_in_json(text);
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Document<'m> {
    version: u32,
    review: Option<ReviewOut<'m>>,
    nfr: Option<NfrOut<'m>>,
    persons: Vec<PersonOut<'m>>,
    elements: Vec<ElementOut<'m>>,
    connections: Vec<ConnectionOut<'m>>,
    records: Vec<RecordOut<'m>>,
}

#[derive(Serialize)]
struct ReviewOut<'m> {
    title: &'m str,
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
}

#[derive(Serialize)]
struct NfrOut<'m> {
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
}

#[derive(Serialize)]
struct PersonOut<'m> {
    id: &'m str,
    name: &'m str,
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
}

#[derive(Serialize)]
struct ElementOut<'m> {
    id: &'m str,
    kind: &'static str,
    label: &'m str,
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
    children: Vec<ElementOut<'m>>,
}

#[derive(Serialize)]
struct ConnectionOut<'m> {
    id: &'m str,
    from: &'m str,
    to: &'m str,
    arrow: &'static str,
    methods: Vec<MethodOut>,
    methods_label: String,
    label: Option<&'m str>,
    status: &'static str,
    direction: &'static str,
    point: &'m str,
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
    gaps: Vec<u32>,
}

#[derive(Serialize)]
struct MethodOut {
    name: &'static str,
    label: &'static str,
    family: &'static str,
}

#[derive(Serialize)]
struct RecordOut<'m> {
    kind: &'static str,
    id: Option<&'m str>,
    text: &'m str,
    connection: Option<u32>,
    point: Option<&'m str>,
    attributes: Attrs<'m>,
    allow: Vec<&'m str>,
}

fn element(model: &Model, id: ElementId) -> ElementOut<'_> {
    let e: &Element = model.element(id);
    ElementOut {
        id: &e.id,
        kind: e.kind.name(),
        label: &e.label,
        attributes: Attrs::new(model, e.kind.holder(), &e.attrs),
        allow: allow(&e.allow),
        children: e.children.iter().map(|&c| element(model, c)).collect(),
    }
}

fn connection<'m>(model: &'m Model, c: &'m Connection) -> ConnectionOut<'m> {
    ConnectionOut {
        id: &c.key,
        from: &model.element(c.from).id,
        to: &model.element(c.to).id,
        arrow: c.arrow.as_str(),
        methods: c.methods.iter().map(|&m| method(m)).collect(),
        methods_label: crate::model::vocab::methods_label(&c.methods),
        label: c.label.as_deref(),
        status: match c.status {
            Status::Existing => "existing",
            Status::Proposed => "proposed",
        },
        direction: direction(model.direction(c)),
        point: &model.element(model.point(c)).id,
        attributes: Attrs::new(model, Holder::Connection, &c.attrs),
        allow: allow(&c.allow),
        gaps: c.gaps.iter().map(|g| g.0).collect(),
    }
}

fn record<'m>(model: &'m Model, id: RecordId, r: &'m Record) -> RecordOut<'m> {
    let point = match r.kind {
        RecordKind::Gap => model.gap_point(id),
        _ => None,
    };
    RecordOut {
        kind: r.kind.name(),
        id: r.id.as_deref(),
        text: &r.text,
        connection: r.connection.map(|c| c.0),
        point,
        attributes: Attrs::new(model, record_holder(r.kind), &r.attrs),
        allow: allow(&r.allow),
    }
}

fn method(m: Method) -> MethodOut {
    MethodOut {
        name: m.name(),
        label: m.label(),
        family: m.family().name(),
    }
}

/// Machine words for the Direction column's labels.
fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Inbound => "inbound",
        Direction::Outbound => "outbound",
        Direction::Bidirectional => "bidirectional",
        Direction::Unspecified => "unspecified",
        Direction::OneWay => "one-way",
    }
}

fn allow(allowed: &[crate::model::Allowed]) -> Vec<&str> {
    allowed.iter().map(|a| a.name.as_str()).collect()
}

fn record_holder(kind: RecordKind) -> Holder {
    match kind {
        RecordKind::Gap => Holder::Gap,
        RecordKind::Risk => Holder::Risk,
        RecordKind::Prerequisite => Holder::Prerequisite,
        RecordKind::Step => Holder::Step,
        RecordKind::Question => Holder::Question,
    }
}

/// One declaration's attributes, serialised as an object in the attribute table's order.
struct Attrs<'m> {
    model: &'m Model,
    sorted: Vec<&'m crate::model::Attribute>,
}

impl<'m> Attrs<'m> {
    fn new(model: &'m Model, holder: Holder, attrs: &'m Attributes) -> Attrs<'m> {
        let table = schema::keys(holder);
        let mut sorted: Vec<_> = attrs.0.iter().collect();
        // Keys outside the table never reach the model; if one did, it would sort last.
        sorted.sort_by_key(|a| {
            let position = table.iter().position(|(key, _)| *key == a.key);
            (position.unwrap_or(usize::MAX), a.key)
        });
        Attrs { model, sorted }
    }
}

impl Serialize for Attrs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.sorted.len()))?;
        for attr in &self.sorted {
            map.serialize_entry(
                attr.key,
                &Value {
                    model: self.model,
                    value: &attr.value,
                },
            )?;
        }
        map.end()
    }
}

/// One attribute value; see the module documentation for the shapes.
struct Value<'m> {
    model: &'m Model,
    value: &'m AttrValue,
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let model = self.model;
        match self.value {
            AttrValue::Text(text) => serializer.serialize_str(text),
            AttrValue::Word(word) => serializer.serialize_str(word),
            AttrValue::Words(words) => words.serialize(serializer),
            AttrValue::Date(date) => serializer.collect_str(date),
            AttrValue::Person(p) => serializer.serialize_str(&model.person(*p).id),
            AttrValue::Element(e) => serializer.serialize_str(&model.element(*e).id),
            AttrValue::Methods(methods) => {
                serializer.collect_seq(methods.iter().map(|&m| method(m)))
            }
            AttrValue::Owner(owner) => OwnerOut {
                person: match owner {
                    Owner::Person(p) => Some(model.person(*p).id.as_str()),
                    Owner::Team(_) => None,
                },
                name: model.owner_name(owner),
            }
            .serialize(serializer),
        }
    }
}

#[derive(Serialize)]
struct OwnerOut<'m> {
    person: Option<&'m str>,
    name: &'m str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn json(text: &str) -> serde_json::Value {
        let model = crate::compile(
            &Source::new("test.arch", text.to_string()),
            &crate::lint::LintConfig::default(),
        )
        .model;
        serde_json::from_str(&write(&model)).expect("the export is JSON")
    }

    #[test]
    fn an_empty_model_has_every_top_level_key() {
        let doc = json("");
        assert_eq!(
            doc,
            serde_json::json!({
                "version": 1, "review": null, "nfr": null, "persons": [],
                "elements": [], "connections": [], "records": []
            })
        );
    }

    #[test]
    fn attributes_follow_the_attribute_table_not_the_file() {
        let doc = json("customer c { system s { data: [pii], owner: \"Ops\", kind: erp } }");
        let system = &doc["elements"][0]["children"][0];
        let keys: Vec<&String> = system["attributes"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["kind", "owner", "data"]);
        assert_eq!(
            system["attributes"]["owner"],
            serde_json::json!({"person": null, "name": "Ops"})
        );
        assert_eq!(system["attributes"]["data"], serde_json::json!(["pii"]));
    }

    #[test]
    fn owners_that_are_people_carry_id_and_display_name() {
        let doc =
            json("person jo \"Jo Park\" { role: dba }\ncustomer c { system s { owner: jo } }");
        assert_eq!(
            doc["elements"][0]["children"][0]["attributes"]["owner"],
            serde_json::json!({"person": "jo", "name": "Jo Park"})
        );
    }

    #[test]
    fn gaps_inside_a_connection_point_back_to_it_by_index() {
        let doc = json(
            "customer c { system a }\nsolution s { module m { supports: [rest] } }\n\
             a -> m : rest \"Sync\" { gap \"Too slow\" { requirement: \"fast\" } }\n\
             risk \"Beta\" { severity: low }",
        );
        assert_eq!(doc["connections"][0]["gaps"], serde_json::json!([0]));
        assert_eq!(doc["records"][0]["connection"], 0);
        assert_eq!(doc["records"][0]["point"], "Sync");
        assert_eq!(doc["records"][1]["point"], serde_json::Value::Null);
        assert_eq!(doc["connections"][0]["direction"], "inbound");
        assert_eq!(doc["connections"][0]["status"], "proposed");
        assert_eq!(doc["connections"][0]["point"], "a");
    }
}
