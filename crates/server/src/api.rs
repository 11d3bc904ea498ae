//! The versioned JSON API, `/api/v1`. Authenticated by personal API tokens; errors are
//! `application/problem+json`.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

#[derive(Serialize)]
struct TeamView {
    id: i64,
    name: String,
}

#[derive(Serialize)]
struct MeView {
    id: i64,
    email: String,
    name: String,
    first_name: String,
    last_name: String,
    language: &'static str,
    time_zone: String,
    roles: Vec<ambasada_core::Role>,
    teams: Vec<TeamView>,
    scopes: Vec<&'static str>,
}

/// `GET /api/v1/me`: whom the token belongs to. Any valid token may ask.
async fn me(api: ApiUser) -> Json<MeView> {
    let u = &api.user;
    Json(MeView {
        id: u.id,
        email: u.email.clone(),
        name: u.name(),
        first_name: u.first_name.clone(),
        last_name: u.last_name.clone(),
        language: u.locale.as_str(),
        time_zone: u.time_zone.clone(),
        roles: u.roles.clone(),
        teams: u
            .teams
            .iter()
            .map(|t| TeamView {
                id: t.id,
                name: t.name.clone(),
            })
            .collect(),
        scopes: api.scopes.iter().map(|s| s.as_str()).collect(),
    })
}

async fn not_found() -> Response {
    ApiError::new(axum::http::StatusCode::NOT_FOUND, "No such API endpoint.").into_response()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .merge(crate::content::api::routes())
        .merge(crate::programs_api::routes())
        .route("/conversions", axum::routing::post(crate::recruiting::api::record))
        .route("/applications", get(crate::recruiting::api::applications))
        .route("/applications/{id}", get(crate::recruiting::api::application))
        .route("/referrals", get(crate::recruiting::api::referrals))
        .route("/links/stats", get(crate::recruiting::api::my_link_stats))
        .route("/content/{id}/stats", get(crate::recruiting::api::item_stats))
        .fallback(not_found)
        .layer(axum::middleware::map_response(as_problem))
}

/// Rejections that axum answers itself (a path id that is not a number, a wrong
/// method, a body that is too large) become problem+json like every other API error.
async fn as_problem(res: Response) -> Response {
    let status = res.status();
    let is_problem = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let detail = match status {
            axum::http::StatusCode::METHOD_NOT_ALLOWED => "This endpoint does not take this method.",
            axum::http::StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large.",
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE => "Send JSON with Content-Type: application/json.",
            s if s.is_server_error() => "An internal error occurred; it has been logged.",
            _ => "The request is malformed (check the path and the body).",
        };
        return ApiError::new(status, detail).into_response();
    }
    res
}
