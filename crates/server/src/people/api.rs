//! People's `/api/v1`: `GET /me`, whom a token belongs to.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::calendar::feeds::FeedOwner;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/me", get(me))
}

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
    /// The private iCalendar feed of the person's plan (absolute).
    calendar_url: String,
}

/// `GET /api/v1/me`: whom the token belongs to. Any valid token may ask.
async fn me(State(state): State<AppState>, api: ApiUser) -> Result<Json<MeView>, ApiError> {
    let u = &api.user;
    let calendar_url = crate::calendar::feeds::feed_url(&state, FeedOwner::User, u.id)
        .await
        .map_err(crate::error::AppError::from)?;
    Ok(Json(MeView {
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
        calendar_url,
    }))
}
