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
        .route("/conversions", axum::routing::post(crate::recruiting::api::record))
        .fallback(not_found)
}
