//! People's `/api/v1`: `GET /me`, whom a token belongs to.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::calendar::feeds::FeedOwner;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new().routes(routes!(me))
}

/// A team the person belongs to.
#[derive(Serialize, ToSchema)]
struct TeamView {
    id: i64,
    name: String,
}

/// The token's owner.
#[derive(Serialize, ToSchema)]
struct MeView {
    id: i64,
    email: String,
    name: String,
    first_name: String,
    last_name: String,
    /// `pl` or `en`: the language of the person's pages and emails.
    language: &'static str,
    /// An IANA time zone (`Europe/Warsaw`).
    time_zone: String,
    roles: Vec<ambasada_core::Role>,
    teams: Vec<TeamView>,
    /// The scopes of the token that asked (`content:read`, ...).
    scopes: Vec<&'static str>,
    /// The private iCalendar feed of the person's plan (absolute).
    calendar_url: String,
}

/// Whom the token belongs to. Any valid token may ask.
#[utoipa::path(
    get,
    path = "/me",
    tag = "people",
    operation_id = "me",
    security(("token" = [])),
    responses((status = 200, description = "The token's owner, roles, teams and scopes.", body = MeView)),
)]
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
