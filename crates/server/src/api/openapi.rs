//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of `/api/v1`, generated from the
//! handlers' `#[utoipa::path]` annotations and the answer types (no hand-written copy).
//!
//! Each handler documents its success answers and the errors particular to it; the
//! errors every endpoint of a kind can answer are added here, once ([`CommonErrors`]):
//! 401 for a missing or invalid token, 403 when a scope is required, 400 and 404 where
//! a path or query is read, 400 and 422 where a JSON body is.

use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use utoipa::openapi::path::{Operation, PathItem, Paths};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, ToSchema};
use utoipa_axum::routes;

/// Where the API lives; the document's paths carry it.
pub const PREFIX: &str = "/api/v1";

/// The security scheme's name in the document.
pub const TOKEN: &str = "token";

/// The media type of every error answer.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error, as RFC 9457 `application/problem+json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of error it is.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The status's reason phrase (`Unprocessable Entity`).
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, in English, for the developer reading it.
    pub detail: String,
    /// For 422 answers, and 400s about a query value: a message per field that was refused (`{"url": "Not an http(s) URL."}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, String>>,
}

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Ambasada API",
        description = "The JSON API of an Ambasada server: the caller's content feed, tracked links and \
share confirmations; the content library for editors; programs, goals, health, statistics, \
reviews and the publication calendar for coordinators; applications, referrals and conversions \
for recruiters and careers sites; rewards, points and leaderboards; signed webhooks for admins.\n\n\
Every call but this document's needs a personal API token, created on the profile page \
(`/app/profile`, section API tokens) with the scopes it may use: `Authorization: Bearer <token>`. A token \
only does what its owner's roles still allow.\n\n\
Errors are `application/problem+json` (RFC 9457) with a `detail` for the developer and, for \
422 answers (and 400s about a query value), an `errors` object naming each refused field. JSON bodies with fields an endpoint \
does not know are refused with 422 rather than ignored. Times are RFC 3339 in UTC unless a \
field says otherwise; dates are `YYYY-MM-DD`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(Problem)),
    modifiers(&Security, &CommonErrors),
)]
struct Doc;

/// The bearer token scheme.
struct Security;

impl Modify for Security {
    fn modify(&self, doc: &mut OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.description = Some(
            "A personal API token from the profile page. The scopes listed on an operation are \
             the token scopes it needs."
                .into(),
        );
        components.add_security_scheme(TOKEN, SecurityScheme::Http(http));
    }
}

/// The errors any endpoint of a kind can answer, added to each operation that does not
/// document them itself.
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, doc: &mut OpenApi) {
        for (path, item) in doc.paths.paths.iter_mut() {
            let has_path_params = path.contains('{');
            for op in operations_mut(item) {
                add_common_errors(op, has_path_params);
            }
        }
    }
}

fn operations_mut(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.put.as_mut(),
        item.post.as_mut(),
        item.delete.as_mut(),
        item.patch.as_mut(),
    ]
    .into_iter()
    .flatten()
}

/// The scopes an operation's token needs, and whether it needs a token at all.
fn required_scopes(op: &Operation) -> Option<Vec<String>> {
    let security = op.security.as_ref()?;
    let value = serde_json::to_value(security).ok()?;
    let scopes = value
        .as_array()?
        .iter()
        .filter_map(|r| r.get(TOKEN))
        .filter_map(|s| s.as_array())
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect();
    Some(scopes)
}

fn add_common_errors(op: &mut Operation, has_path_params: bool) {
    let has_query = op.parameters.as_ref().is_some_and(|ps| {
        ps.iter().any(|p| match p {
            RefOr::T(p) => matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query),
            RefOr::Ref(_) => false,
        })
    });
    let has_body = op.request_body.is_some();
    let scopes = required_scopes(op);
    let mut add = |status: &str, description: &str| {
        op.responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| problem_response(description));
    };
    if has_path_params || has_query || has_body {
        add(
            "400",
            "The path, query or body is malformed (a path id that is not a number, JSON that does not parse).",
        );
    }
    if has_body {
        add(
            "422",
            "The body is refused: `errors` names each field (also fields the endpoint does not know).",
        );
    }
    if let Some(scopes) = scopes {
        add("401", "No token, or one that is invalid, revoked or expired.");
        if !scopes.is_empty() {
            add(
                "403",
                "The token lacks the scope, or its owner's roles no longer allow the call.",
            );
        }
    }
    if has_path_params {
        add("404", "No such resource, or not one the caller may see.");
    }
}

/// A documented error answer.
pub fn problem_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                PROBLEM_JSON,
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

/// The whole document: the routed operations under [`PREFIX`], with the common parts.
fn build() -> OpenApi {
    use utoipa::OpenApi as _;
    let routed = super::split();
    let mut doc = Doc::openapi();
    // The routed paths are relative to the nest; the document names them whole.
    let mut paths = Paths::new();
    for (path, item) in routed.paths.paths {
        paths.paths.insert(format!("{PREFIX}{path}"), item);
    }
    doc.paths = paths;
    if let Some(routed_components) = routed.components {
        let components = doc.components.get_or_insert_with(Default::default);
        components.schemas.extend(routed_components.schemas);
    }
    // Modifiers ran on the empty document in `Doc::openapi`; run them on the real one.
    Security.modify(&mut doc);
    CommonErrors.modify(&mut doc);
    doc
}

/// The document, built once.
pub fn document() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(build)
}

/// The document as served, built once.
pub fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| serde_json::to_string_pretty(document()).unwrap_or_default())
}

pub(super) fn routes() -> super::ApiRoutes {
    super::ApiRoutes::new().routes(routes!(openapi_json))
}

/// This document. It needs no token.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "meta",
    operation_id = "openapi",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API.", body = Object, content_type = "application/json")),
)]
async fn openapi_json() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        document_json(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_are_unique() {
        let doc = serde_json::to_value(document()).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let mut ids = std::collections::BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            assert!(path.starts_with("/api/v1/"), "{path}");
            for (method, op) in item.as_object().unwrap() {
                let id = op["operationId"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{method} {path}: no operationId"));
                assert!(ids.insert(id.to_string()), "operationId {id} twice");
            }
        }
        assert!(ids.len() >= 37, "{} operations", ids.len());
    }
}
