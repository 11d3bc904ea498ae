//! Tracking's `/api/v1`: the numbers of tracked links, for their ambassador and per item.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::Scope;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/links/stats", get(my_link_stats))
        .route("/content/{id}/stats", get(item_stats))
}

fn numbers_view(n: &ambasada_store::tracking::LinkNumbers) -> serde_json::Value {
    serde_json::json!({
        "key": n.key, "label": n.label, "clicks": n.clicks, "unique_visitors": n.unique_visitors,
        "bot_hits": n.bot_hits, "conversions": n.conversions,
    })
}

/// `GET /api/v1/links/stats`: the caller's links' clicks, unique visitors and
/// conversions per content item.
pub async fn my_link_stats(State(state): State<AppState>, api: ApiUser) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let numbers = state.store.link_numbers_by_item(api.user.id).await?;
    Ok(Json(serde_json::json!({ "items": numbers.iter().map(numbers_view).collect::<Vec<_>>() })).into_response())
}

/// `GET /api/v1/content/{id}/stats`: an item's numbers per network, for coordinators,
/// editors and admins (`reports:read`).
pub async fn item_stats(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    if !crate::content::service::uses_library(&api.user) && !api.user.has_role(ambasada_core::Role::Recruiter) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only the library's people and recruiters read item numbers.",
        ));
    }
    if state.store.content_item(id).await?.is_none() {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "No such content item."));
    }
    let numbers = state.store.link_numbers_by_network(id).await?;
    Ok(Json(serde_json::json!({ "networks": numbers.iter().map(numbers_view).collect::<Vec<_>>() })).into_response())
}
