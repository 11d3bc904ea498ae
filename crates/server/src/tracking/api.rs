//! Tracking's `/api/v1`: the numbers of tracked links, for their ambassador and per item.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::Scope;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(my_link_stats))
        .routes(routes!(item_stats))
}

/// The numbers of a group of tracked links, all time.
#[derive(Serialize, ToSchema)]
struct LinkNumbersView {
    /// What the numbers are for: the content item's id (as a string) per item, the
    /// network's name (`linkedin`, `x`, `facebook`, `xing`) per network.
    key: String,
    /// The item's title per item; the network's name per network.
    label: String,
    /// Clicks of people (bots not counted).
    clicks: i64,
    /// Distinct visitors per link and day, summed (a visitor on two days counts twice).
    unique_visitors: i64,
    /// Hits recognised as bots (not in `clicks`).
    bot_hits: i64,
    /// Conversions attributed to clicks on the links.
    conversions: i64,
}

fn numbers_view(n: &ambasada_store::tracking::LinkNumbers) -> LinkNumbersView {
    LinkNumbersView {
        key: n.key.clone(),
        label: n.label.clone(),
        clicks: n.clicks,
        unique_visitors: n.unique_visitors,
        bot_hits: n.bot_hits,
        conversions: n.conversions,
    }
}

/// The caller's links' numbers per content item, newest item first.
#[derive(Serialize, ToSchema)]
struct LinkStatsByItem {
    items: Vec<LinkNumbersView>,
}

/// An item's numbers per network, over every ambassador's links, by network name.
#[derive(Serialize, ToSchema)]
struct LinkStatsByNetwork {
    networks: Vec<LinkNumbersView>,
}

/// The caller's tracked links: clicks, unique visitors, bot hits and conversions per
/// content item. Any token with `content:read`.
#[utoipa::path(
    get,
    path = "/links/stats",
    tag = "tracking",
    operation_id = "my_link_stats",
    security(("token" = ["content:read"])),
    responses((status = 200, description = "The numbers per item the caller has links for.", body = LinkStatsByItem)),
)]
async fn my_link_stats(State(state): State<AppState>, api: ApiUser) -> Result<Json<LinkStatsByItem>, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let numbers = state.store.link_numbers_by_item(api.user.id).await?;
    Ok(Json(LinkStatsByItem {
        items: numbers.iter().map(numbers_view).collect(),
    }))
}

/// A content item's numbers per network, over every ambassador's links.
///
/// Coordinators, admins and recruiters (token scope `reports:read`).
#[utoipa::path(
    get,
    path = "/content/{id}/stats",
    tag = "tracking",
    operation_id = "content_stats",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    responses((status = 200, description = "The numbers per network the item has links on.", body = LinkStatsByNetwork)),
)]
async fn item_stats(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Json<LinkStatsByNetwork>, ApiError> {
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
    Ok(Json(LinkStatsByNetwork {
        networks: numbers.iter().map(numbers_view).collect(),
    }))
}
