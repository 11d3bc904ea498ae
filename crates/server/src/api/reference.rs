//! `GET /api/docs`: the API reference, rendered by the server from the OpenAPI document
//! that `/api/v1/openapi.json` serves (no script or asset from elsewhere). The page's
//! headings speak the reader's language; the document's descriptions are English, as
//! the API's messages are.

use crate::AppState;
use crate::error::Result;
use crate::web::{Ctx, render};
use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;
use serde_json::Value;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/docs", get(page))
}

/// A type as the page names it, linked to its schema when it is one.
pub struct TypeRef {
    pub text: String,
    pub anchor: Option<String>,
}

pub struct Param {
    pub name: String,
    pub location: String,
    pub ty: TypeRef,
    pub required: bool,
    pub description: String,
}

pub struct Answer {
    pub status: String,
    pub description: String,
    pub ty: Option<TypeRef>,
}

pub struct Operation {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    /// HTML from the description's Markdown.
    pub description: String,
    /// `None` when no token is needed; otherwise the alternatives, each the scopes it
    /// needs together (one empty alternative: any token).
    pub scopes: Option<Vec<Vec<String>>>,
    pub params: Vec<Param>,
    pub body: Option<TypeRef>,
    pub answers: Vec<Answer>,
}

pub struct Group {
    pub tag: String,
    pub operations: Vec<Operation>,
}

pub struct Field {
    pub name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub description: String,
}

pub struct Schema {
    pub name: String,
    pub anchor: String,
    pub description: String,
    pub fields: Vec<Field>,
    /// For an enum: its values.
    pub values: Vec<String>,
    /// Whether fields other than these are refused (request bodies).
    pub closed: bool,
}

#[derive(Template)]
#[template(path = "api/reference.html")]
struct Page {
    p: Ctx,
    title: String,
    version: String,
    /// HTML from the document's Markdown description.
    intro: String,
    groups: Vec<Group>,
    schemas: Vec<Schema>,
}

/// `GET /api/docs`: open to anyone, like the document.
async fn page(ctx: Ctx) -> Result<Response> {
    let doc: Value = serde_json::from_str(super::openapi::document_json()).unwrap_or(Value::Null);
    render(&Page {
        p: ctx,
        title: str_at(&doc, &["info", "title"]),
        version: str_at(&doc, &["info", "version"]),
        intro: crate::markdown::render(&str_at(&doc, &["info", "description"])),
        groups: groups(&doc),
        schemas: schemas(&doc),
    })
}

fn str_at(v: &Value, path: &[&str]) -> String {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// The areas in the order the page shows them: what every caller uses first.
const TAG_ORDER: [&str; 11] = [
    "people",
    "content",
    "sharing",
    "tracking",
    "calendar",
    "rewards",
    "programs",
    "reports",
    "recruiting",
    "webhooks",
    "meta",
];

/// The operations by tag, tags in [`TAG_ORDER`] (others last), paths sorted within.
pub fn groups(doc: &Value) -> Vec<Group> {
    let mut groups = ungrouped(doc);
    groups.sort_by_key(|g| TAG_ORDER.iter().position(|t| *t == g.tag).unwrap_or(TAG_ORDER.len()));
    groups
}

fn ungrouped(doc: &Value) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return groups;
    };
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let tag = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .unwrap_or("other")
                .to_string();
            let operation = operation(method, path, op);
            match groups.iter_mut().find(|g| g.tag == tag) {
                Some(g) => g.operations.push(operation),
                None => groups.push(Group {
                    tag,
                    operations: vec![operation],
                }),
            }
        }
    }
    groups
}

fn operation(method: &str, path: &str, op: &Value) -> Operation {
    let id = op.get("operationId").and_then(Value::as_str).unwrap_or("");
    let scopes = op.get("security").and_then(Value::as_array).map(|reqs| {
        reqs.iter()
            .filter_map(|r| r.get(super::openapi::TOKEN).and_then(Value::as_array))
            .map(|alt| alt.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
            .collect()
    });
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| ps.iter().map(param).collect())
        .unwrap_or_default();
    let body = op
        .get("requestBody")
        .and_then(|b| b.pointer("/content/application~1json/schema"))
        .map(type_of);
    let answers = op
        .get("responses")
        .and_then(Value::as_object)
        .map(|rs| rs.iter().map(|(status, r)| answer(status, r)).collect())
        .unwrap_or_default();
    Operation {
        anchor: format!("op-{id}"),
        method: method.to_uppercase(),
        path: path.to_string(),
        // Plain text: the table of contents shows it inline.
        summary: str_at(op, &["summary"]).replace('`', ""),
        description: crate::markdown::render(&str_at(op, &["description"])),
        scopes,
        params,
        body,
        answers,
    }
}

fn param(p: &Value) -> Param {
    Param {
        name: str_at(p, &["name"]),
        location: str_at(p, &["in"]),
        ty: p.get("schema").map(type_of).unwrap_or_else(|| plain("")),
        required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
        description: str_at(p, &["description"]),
    }
}

fn answer(status: &str, r: &Value) -> Answer {
    let ty = r
        .get("content")
        .and_then(Value::as_object)
        .and_then(|c| c.values().next())
        .and_then(|c| c.get("schema"))
        .map(type_of);
    Answer {
        status: status.to_string(),
        description: str_at(r, &["description"]),
        ty,
    }
}

fn plain(text: &str) -> TypeRef {
    TypeRef {
        text: text.to_string(),
        anchor: None,
    }
}

/// A schema's name for the reader: `ItemView`, `array of ItemView`, `string | null`,
/// `integer (int64)`, `map of string`.
pub fn type_of(s: &Value) -> TypeRef {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r).to_string();
        return TypeRef {
            anchor: Some(format!("schema-{name}")),
            text: name,
        };
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(variants) = s.get(key).and_then(Value::as_array) {
            let parts: Vec<TypeRef> = variants.iter().map(type_of).collect();
            let anchor = parts.iter().find_map(|p| p.anchor.clone());
            let text = parts.into_iter().map(|p| p.text).collect::<Vec<_>>().join(" | ");
            return TypeRef { text, anchor };
        }
    }
    let types: Vec<String> = match s.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    let mut parts = Vec::new();
    let mut anchor = None;
    for t in &types {
        let text = match t.as_str() {
            "array" => {
                let inner = s.get("items").map(type_of).unwrap_or_else(|| plain("any"));
                anchor = inner.anchor.clone();
                format!("array of {}", inner.text)
            }
            "object" => match s.get("additionalProperties") {
                Some(v @ Value::Object(_)) => format!("map of {}", type_of(v).text),
                _ => "object".to_string(),
            },
            other => match s.get("format").and_then(Value::as_str) {
                Some(f) => format!("{other} ({f})"),
                None => other.to_string(),
            },
        };
        parts.push(text);
    }
    if parts.is_empty() {
        parts.push("any".to_string());
    }
    TypeRef {
        text: parts.join(" | "),
        anchor,
    }
}

/// The named schemas, in name order.
pub fn schemas(doc: &Value) -> Vec<Schema> {
    let Some(all) = doc.pointer("/components/schemas").and_then(Value::as_object) else {
        return Vec::new();
    };
    all.iter()
        .map(|(name, s)| {
            let required: Vec<&str> = s
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let fields = s
                .get("properties")
                .and_then(Value::as_object)
                .map(|props| {
                    props
                        .iter()
                        .map(|(field, fs)| Field {
                            name: field.clone(),
                            ty: type_of(fs),
                            required: required.contains(&field.as_str()),
                            description: str_at(fs, &["description"]),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let values = s
                .get("enum")
                .and_then(Value::as_array)
                .map(|vs| {
                    vs.iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            Schema {
                name: name.clone(),
                anchor: format!("schema-{name}"),
                description: str_at(s, &["description"]),
                fields,
                values,
                closed: s.get("additionalProperties") == Some(&Value::Bool(false)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_area_has_its_place_and_its_heading_in_both_languages() {
        let doc: Value = serde_json::from_str(crate::api::openapi::document_json()).unwrap();
        let i18n = crate::i18n::I18n::new();
        let tags: Vec<String> = groups(&doc).into_iter().map(|g| g.tag).collect();
        assert_eq!(tags.first().map(String::as_str), Some("people"));
        for tag in &tags {
            assert!(TAG_ORDER.contains(&tag.as_str()), "{tag} has no place in TAG_ORDER");
            for l in ambasada_core::Locale::ALL {
                assert!(i18n.has(l, &format!("apidocs-tag-{tag}")), "apidocs-tag-{tag} in {l:?}");
            }
        }
    }

    #[test]
    fn types_read_as_words_and_link_to_their_schema() {
        let t = type_of(&json!({"type": "array", "items": {"$ref": "#/components/schemas/ItemView"}}));
        assert_eq!(t.text, "array of ItemView");
        assert_eq!(t.anchor.as_deref(), Some("schema-ItemView"));
        assert_eq!(type_of(&json!({"type": ["string", "null"]})).text, "string | null");
        assert_eq!(
            type_of(&json!({"type": "integer", "format": "int64"})).text,
            "integer (int64)"
        );
        assert_eq!(
            type_of(&json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Problem"}]})).text,
            "null | Problem"
        );
        assert_eq!(
            type_of(&json!({"type": "object", "additionalProperties": {"type": "string"}})).text,
            "map of string"
        );
    }
}
