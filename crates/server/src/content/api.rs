//! `/api/v1` for content and sharing: the caller's feed, items, tracked links, share
//! confirmation, and for editors and coordinators the library workflow
//! (`api_library`). The bodies and answers are in `api_views`.

use super::api_library;
use super::api_views::{
    ContentFeed, ContentItemView, FeedQuery, ShareBody, ShareRecorded, TrackedLinkBody, TrackedLinkView, view,
};
use super::service::{self, Confirmation, Problems};
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::i18n::Tr;
use crate::input::JsonBody;
use ambasada_core::content;
use ambasada_core::{Locale, Network, Role, Scope};
use ambasada_store::content::{ContentItem, Search};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(feed, api_library::create))
        .routes(routes!(get_item, api_library::update))
        .routes(routes!(make_link))
        .routes(routes!(api_library::submit))
        .routes(routes!(api_library::approve))
        .routes(routes!(api_library::reject))
        .routes(routes!(api_library::withdraw))
        .routes(routes!(confirm))
}

fn tr(state: &AppState) -> Tr {
    Tr::new(state.i18n.clone(), Locale::En)
}

/// The 422 problem of refused fields, with a message per field.
pub(super) fn unprocessable(state: &AppState, detail: &str, p: &Problems) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: detail.into(),
        errors: Some(p.to_json(&tr(state))),
    }
}

/// The caller's feed: the items they may share now (approved and started, not expired,
/// aimed at their programs and teams), newest start first, at most 200. Any token with
/// `content:read`.
#[utoipa::path(
    get,
    path = "/content",
    tag = "content",
    operation_id = "list_feed",
    security(("token" = ["content:read"])),
    params(FeedQuery),
    responses((status = 200, description = "The items of the caller's feed.", body = ContentFeed)),
)]
async fn feed(
    State(state): State<AppState>,
    api: ApiUser,
    Query(q): Query<FeedQuery>,
) -> Result<Json<ContentFeed>, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let items = state
        .store
        .feed(
            api.user.id,
            crate::now(),
            q.language.as_deref(),
            q.category.as_deref(),
            &Search::parse(&q.q.as_deref().unwrap_or("").chars().take(200).collect::<String>()),
            200,
        )
        .await?;
    // The items with texts and targets in a fixed number of queries, in feed order.
    let ids: Vec<i64> = items.iter().map(|f| f.id).collect();
    let out: Vec<ContentItemView> = state
        .store
        .content_items(&ids)
        .await?
        .iter()
        .map(|item| view(&state, item))
        .collect();
    Ok(Json(ContentFeed { items: out }))
}

/// The item, when the caller may see it: editors, coordinators and admins see every
/// item, an author their own, anyone else the items of their feed.
pub(super) async fn item_for(state: &AppState, api: &ApiUser, id: i64) -> Result<ContentItem, ApiError> {
    let item = state
        .store
        .content_item(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such content item."))?;
    if service::can_see(&api.user, &item) || state.store.is_visible_to(id, api.user.id, crate::now()).await? {
        Ok(item)
    } else {
        Err(ApiError::new(StatusCode::NOT_FOUND, "No such content item."))
    }
}

/// One content item. Editors, coordinators and admins read any item, an author their
/// own suggestions, anyone else the items in their feed; token scope `content:read`.
#[utoipa::path(
    get,
    path = "/content/{id}",
    tag = "content",
    operation_id = "get_content",
    security(("token" = ["content:read"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    responses((status = 200, description = "The item.", body = ContentItemView)),
)]
async fn get_item(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<ContentItemView>, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let item = item_for(&state, &api, id).await?;
    Ok(Json(view(&state, &item)))
}

/// The caller's tracked link for an item and a network.
///
/// Made on the first call and the same link afterwards (one per ambassador, item and
/// network). Ambassadors only (token scope `shares:write`), for items in their feed, and
/// once they have completed the course their program requires before sharing. The
/// answer carries the network's share page with the text and the link filled in.
#[utoipa::path(
    post,
    path = "/content/{id}/links",
    tag = "sharing",
    operation_id = "create_link",
    security(("token" = ["shares:write"])),
    params(("id" = i64, Path, description = "The content item's id: one in the caller's feed.")),
    request_body = TrackedLinkBody,
    responses(
        (status = 201, description = "The tracked link.", body = TrackedLinkView),
        (status = 403, description = "The token lacks the scope, or its owner is no ambassador, or must first \
complete the course their program requires (`detail` links to it).", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn make_link(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<TrackedLinkBody>,
) -> Result<(StatusCode, Json<TrackedLinkView>), ApiError> {
    api.require_scope(Scope::SharesWrite)?;
    if !api.user.has_role(Role::Ambassador) || !state.store.is_visible_to(id, api.user.id, crate::now()).await? {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "No such content item in your feed.",
        ));
    }
    let item = item_for(&state, &api, id).await?;
    required_course(&state, &api).await?;
    let Some(network) = Network::parse(&b.network).filter(|n| item.text_for(n.as_str()).is_some()) else {
        let mut p = Problems::default();
        p.add("network", "error-network");
        return Err(unprocessable(&state, "The item is not offered for this network.", &p));
    };
    let text = if b.text.trim().is_empty() {
        item.text_for(network.as_str()).unwrap_or("").to_string()
    } else {
        b.text
    };
    if let Err(e) = ambasada_core::text::check_lines(&text) {
        let mut p = Problems::default();
        p.add("text", e.key());
        return Err(unprocessable(&state, "The text has invalid characters.", &p));
    }
    if let Err(e) = content::check_text(network, &text, true) {
        let mut p = Problems::default();
        let (key, args) = service::text_problem(&e);
        p.add_args("text", key, args);
        return Err(unprocessable(&state, "The text does not fit the network.", &p));
    }
    let out = service::make_link(&state, &api.user, &item, network, &text)
        .await
        .map_err(crate::error::AppError::from)?;
    Ok((
        StatusCode::CREATED,
        Json(TrackedLinkView {
            code: out.link.code,
            url: out.url,
            share_url: out.share_url,
            near_identical: out.near_identical,
        }),
    ))
}

/// Records that the caller shared an item (after posting it).
///
/// The network must be one the item is offered for, the text must fit it, and the post's
/// address, when given, must be on the network's site; a program's daily share limit
/// refuses further shares of the day (422 on `network`). Ambassadors only (token scope
/// `shares:write`), for items in their feed, and once they have completed the course
/// their program requires before sharing.
#[utoipa::path(
    post,
    path = "/shares",
    tag = "sharing",
    operation_id = "confirm_share",
    security(("token" = ["shares:write"])),
    request_body = ShareBody,
    responses(
        (status = 201, description = "The share is recorded.", body = ShareRecorded),
        (status = 403, description = "The token lacks the scope, or its owner is no ambassador, or must first \
complete the course their program requires (`detail` links to it).", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The item is not in the caller's feed (or the caller is no ambassador).", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn confirm(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ShareBody>,
) -> Result<(StatusCode, Json<ShareRecorded>), ApiError> {
    api.require_scope(Scope::SharesWrite)?;
    if !api.user.has_role(Role::Ambassador)
        || !state
            .store
            .is_visible_to(b.content_id, api.user.id, crate::now())
            .await?
    {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "No such content item in your feed.",
        ));
    }
    let item = item_for(&state, &api, b.content_id).await?;
    required_course(&state, &api).await?;
    let c = Confirmation {
        network: b.network,
        text: b.text,
        post_url: b.post_url,
    };
    match service::confirm_share(&state, &api.user, &item, &c)
        .await
        .map_err(crate::error::AppError::from)?
    {
        Ok(done) => Ok((
            StatusCode::CREATED,
            Json(ShareRecorded {
                id: done.share_id,
                personalisation: (done.personalisation * 1000.0).round() / 1000.0,
                near_identical: done.near_identical,
            }),
        )),
        Err(p) => Err(unprocessable(&state, "The share was not recorded.", &p)),
    }
}

/// Refuses sharing while the caller's program requires a course they have not completed.
async fn required_course(state: &AppState, api: &ApiUser) -> Result<(), ApiError> {
    match crate::training::must_complete_before_sharing(state, api.user.id)
        .await
        .map_err(crate::error::AppError::from)?
    {
        Some((course, title)) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "Complete the course \"{title}\" before your first share: {}/app/training/{course}",
                state.config.base_url
            ),
        )),
        None => Ok(()),
    }
}
