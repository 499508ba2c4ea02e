//! JSON Schemas for editors: takes a [`Library`] and returns the JSON Schema (draft 7) of an
//! answers file for it, built from its declarations (every key with its type, limits, choices,
//! default and prompt) and its jurisdiction profiles (the regions of each country); the
//! schemas of `library.yaml` and of a clause file come from the loader's own serde shapes
//! ([`library_schema`], [`clause_schema`]). `clausewright schema` prints them.
//!
//! An answers schema says what each written value must look like, as the loader reads it: the
//! same types, patterns, ranges and choices, and `null` (an empty value, which leaves the
//! question unanswered). It does not know which questions apply (`when`) nor the checks
//! across answers (a venue the country needs): `build` reports those, with the line.

use rust_decimal::prelude::ToPrimitive as _;
use serde_json::{Map, Value as Json, json};

use crate::jurisdiction::Profile;
use crate::library::Library;
use crate::model::keys::{COUNTRY, REGION};
use crate::model::schema::MAX_RECORDS;
use crate::model::{Language, Question, Type, Value};

pub use crate::library::{clause_schema, library_schema};

/// The file name `new` and `--save-answers` point an answers file's schema comment at: the
/// user writes it with `clausewright schema answers > clausewright-answers.schema.json`.
pub const ANSWERS_SCHEMA_FILE: &str = "clausewright-answers.schema.json";

/// The comment lines an answers file starts with: the `yaml-language-server` modeline naming
/// [`ANSWERS_SCHEMA_FILE`] beside the answers file, and the command that writes it
/// (`command` is `clausewright schema answers`, with `--clauses DIR` for a library of one's
/// own); the sentence between them in `language`, the one the file's other comments are in.
#[must_use]
pub fn modeline(command: &str, language: Language) -> String {
    let why = match language {
        Language::En => {
            "# Editors complete and check this file against that schema once you write it beside\n\
             # this file:\n"
        }
        Language::Tr => {
            "# Şemayı bu dosyanın yanına yazdığınızda düzenleyiciniz bu dosyayı ona göre tamamlar\n\
             # ve denetler:\n"
        }
    };
    format!(
        "# yaml-language-server: $schema={ANSWERS_SCHEMA_FILE}\n\
         {why}\
         #\n\
         #     {command} > {ANSWERS_SCHEMA_FILE}\n"
    )
}

/// The JSON Schema of an answers file for `library`.
#[must_use]
pub fn answers_schema(library: &Library) -> Json {
    let mut root = Object::default();
    for question in library.questions() {
        let segments: Vec<&str> = question.key.split('.').collect();
        let (name, parents) = segments.split_last().unwrap_or((&"", &[]));
        let mut object = &mut root;
        for parent in parents {
            object = object.child(parent);
        }
        object
            .properties
            .insert((*name).to_owned(), value_schema(question));
        if unconditionally_required(question) {
            root.require(&segments);
        }
    }
    root.properties.insert(
        crate::answers::RESERVED_KEY.to_owned(),
        json!({
            "description": "Reserved: what clausewright records about this file. `late_payer_applied: true` (written by `build --save-answers`) says the rates were already multiplied for a repeat late payer.",
            "type": "object",
            "properties": { "late_payer_applied": { "type": "boolean" } },
            "additionalProperties": false
        }),
    );
    let mut top = root.into_map();
    let regions = region_rules(library);
    if !regions.is_empty() {
        top.insert("allOf".into(), Json::Array(regions));
    }
    let mut document = Map::new();
    document.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    document.insert(
        "title".into(),
        json!(format!("clausewright answers: {}", library.title)),
    );
    document.insert(
        "description".into(),
        json!(format!(
            "An answers file for the clause library \"{}\". `clausewright build` reads it.",
            library.title
        )),
    );
    document.extend(top);
    Json::Object(document)
}

/// A mapping of the answers file under construction: its keys and which of them are required.
#[derive(Default)]
struct Object {
    properties: Map<String, Json>,
    children: Vec<(String, Object)>,
    required: Vec<String>,
}

impl Object {
    fn child(&mut self, name: &str) -> &mut Object {
        let index = if let Some(index) = self.children.iter().position(|(n, _)| n == name) {
            index
        } else {
            self.children.push((name.to_owned(), Object::default()));
            self.children.len() - 1
        };
        &mut self.children[index].1
    }

    /// Requires the key `segments` and every parent on its way.
    fn require(&mut self, segments: &[&str]) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        if !self.required.iter().any(|r| r == first) {
            self.required.push((*first).to_owned());
        }
        if !rest.is_empty() {
            self.child(first).require(rest);
        }
    }

    fn into_map(self) -> Map<String, Json> {
        let mut properties = self.properties;
        for (name, child) in self.children {
            properties.insert(name, Json::Object(child.into_map()));
        }
        let mut object = Map::new();
        object.insert("type".into(), json!("object"));
        object.insert("properties".into(), Json::Object(properties));
        object.insert("additionalProperties".into(), json!(false));
        if !self.required.is_empty() {
            object.insert("required".into(), json!(self.required));
        }
        object
    }
}

/// Whether every answers file must give `question`: required, with no default, and asked
/// always. A question asked only when another answer says so is left to `build`.
fn unconditionally_required(question: &Question) -> bool {
    question.required
        && question.default.is_none()
        && question.defaults.is_empty()
        && question.when.is_none()
}

/// The schema of one answer: what the loader accepts for its type and limits, or `null`.
///
/// Keywords of one JSON type ignore values of another (`pattern` reads only strings,
/// `maximum` only numbers), so one schema takes both `"1250.00"` and `1250.00`.
fn value_schema(question: &Question) -> Json {
    let mut schema = Map::new();
    schema.insert("title".into(), json!(question.prompt));
    schema.insert("description".into(), json!(description(question)));
    if let Some(default) = &question.default {
        schema.insert("default".into(), default.to_json());
    }
    let (types, pattern): (&[&str], Option<&str>) = match question.ty {
        Type::Text => (&["string", "null"], Some(PRINTABLE)),
        Type::Email => (&["string", "null"], Some(EMAIL)),
        Type::Phone => (&["string", "null"], Some(PHONE)),
        Type::Money => (&["string", "number", "null"], Some(MONEY)),
        Type::Percent => (&["string", "number", "null"], Some(PERCENT)),
        Type::Integer => (&["integer", "string", "null"], Some(INTEGER)),
        Type::Date => (&["string", "null"], Some(DATE)),
        Type::Bool => (&["boolean", "null"], None),
        Type::List => {
            let properties: Map<String, Json> = question
                .fields
                .iter()
                .map(|field| (field.key.clone(), value_schema(field)))
                .collect();
            let required: Vec<&str> = question
                .fields
                .iter()
                .filter(|f| f.required && f.default.is_none())
                .map(|f| f.key.as_str())
                .collect();
            schema.insert("type".into(), json!(["array", "null"]));
            schema.insert("maxItems".into(), json!(MAX_RECORDS));
            schema.insert(
                "items".into(),
                json!({
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false
                }),
            );
            return Json::Object(schema);
        }
        Type::Choice => {
            let mut values: Vec<Json> = question.choices.iter().map(|c| json!(c.value)).collect();
            values.push(Json::Null);
            let labels: Vec<&str> = question.choices.iter().map(|c| c.label.as_str()).collect();
            schema.insert("enum".into(), Json::Array(values));
            schema.insert("enumDescriptions".into(), json!(labels));
            return Json::Object(schema);
        }
    };
    schema.insert("type".into(), json!(types));
    if let Some(pattern) = pattern {
        schema.insert("pattern".into(), json!(pattern));
    }
    if question.ty == Type::Date {
        schema.insert("format".into(), json!("date"));
    }
    let (floor, ceiling) = match question.ty {
        Type::Percent => (Some(json!(0)), Some(json!(100))),
        Type::Money => (Some(json!(0)), None),
        _ => (None, None),
    };
    if matches!(question.ty, Type::Money | Type::Percent | Type::Integer) {
        insert_limit(&mut schema, "minimum", question.min.as_ref(), floor);
        insert_limit(&mut schema, "maximum", question.max.as_ref(), ceiling);
    }
    Json::Object(schema)
}

/// The help an editor shows: the question's help, what it accepts, its default and when it is
/// asked.
fn description(question: &Question) -> String {
    let mut parts = Vec::new();
    if let Some(help) = &question.help {
        parts.push(help.trim().to_owned());
    }
    parts.push(format!("Accepts {}.", question.ty.expectation(question)));
    if question.required {
        parts.push("Required.".to_owned());
    }
    let default = crate::reference::default_text(question);
    if default != "none" {
        parts.push(format!("Default: {default}."));
    }
    if let Some(when) = &question.when {
        parts.push(format!("Asked only when `{when}`; ignored otherwise."));
    }
    parts.join(" ")
}

/// A limit of a money, percent or integer question as a JSON number, the tighter of the
/// declared one and the type's own bound (`floor`/`ceiling`, when it has one).
fn insert_limit(
    schema: &mut Map<String, Json>,
    name: &str,
    declared: Option<&Value>,
    own: Option<Json>,
) {
    let declared = declared.and_then(|value| match value {
        Value::Number(number) => serde_json::Number::from_f64(number.to_f64()?).map(Json::Number),
        Value::Integer(integer) => Some(json!(integer)),
        _ => None,
    });
    if let Some(limit) = declared.or(own) {
        schema.insert(name.to_owned(), limit);
    }
}

/// For each country whose profile has regions: when `jurisdiction.country` is that country,
/// `jurisdiction.region` is one of its regions, by code or name, in any case.
fn region_rules(library: &Library) -> Vec<Json> {
    let (Some(_), Some(_)) = (library.question(COUNTRY), library.question(REGION)) else {
        return Vec::new();
    };
    let (country_parent, country_name) = COUNTRY.rsplit_once('.').unwrap_or(("", COUNTRY));
    let (region_parent, region_name) = REGION.rsplit_once('.').unwrap_or(("", REGION));
    library
        .profiles
        .iter()
        .filter(|profile| !profile.regions.is_empty())
        .map(|profile: &Profile| {
            let mut names: Vec<&str> = Vec::new();
            for region in &profile.regions {
                names.push(&region.code);
                names.push(&region.name);
            }
            let any_case = format!(
                "^\\s*(?:{})\\s*$",
                names
                    .iter()
                    .map(|name| any_case(name))
                    .collect::<Vec<_>>()
                    .join("|")
            );
            json!({
                "if": {
                    "properties": { country_parent: {
                        "properties": { country_name: { "const": profile.country } },
                        "required": [country_name]
                    } },
                    "required": [country_parent]
                },
                "then": {
                    "properties": { region_parent: {
                        "properties": { region_name: {
                            "description": format!("The {} of {}: its code or name, in any case.", profile.region_label, profile.name),
                            "type": ["string", "null"],
                            "pattern": any_case,
                            "examples": names
                        } }
                    } }
                }
            })
        })
        .collect()
}

/// A regular expression matching `text` in any case (the loader compares regions so).
fn any_case(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let (lower, upper): (String, String) =
            (c.to_lowercase().collect(), c.to_uppercase().collect());
        if lower != upper && lower.chars().count() == 1 && upper.chars().count() == 1 {
            out.push_str(&format!("[{lower}{upper}]"));
        } else if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// Text without control characters other than a line break or a tab (the loader refuses them).
const PRINTABLE: &str = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$";
/// Something `@` something `.` something; the loader checks the address in full.
const EMAIL: &str = r"^\s*(?:[^@\s]+@[^@\s]+\.[^@\s]+)?\s*$";
/// Digits, spaces and `+ - ( ) . x /`, with seven to twenty digits, or nothing.
const PHONE: &str = r"^\s*$|^[ +\-().x/]*(?:[0-9][ +\-().x/]*){7,20}$";
/// An amount as the loader reads it: `1250`, `1250.50`, `1,250.50` (at most two decimals that
/// are not zero).
const MONEY: &str = r"^\s*(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]{1,2}0*)?\s*$";
/// A percent as the loader reads it: `50`, `1.5`, `50%`.
const PERCENT: &str = r"^\s*(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?\s*%*\s*$";
/// A whole number written as text.
const INTEGER: &str = r"^\s*[-+]?[0-9]+\s*$";
/// `YYYY-MM-DD`.
const DATE: &str = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_matches_the_loader_s_comparison() {
        assert_eq!(any_case("OR"), "[oO][rR]");
        assert_eq!(
            any_case("Baden-Württemberg"),
            "[bB][aA][dD][eE][nN]\\-[wW][üÜ][rR][tT][tT][eE][mM][bB][eE][rR][gG]"
        );
    }
}
