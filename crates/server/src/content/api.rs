//! `/api/v1` for content and sharing: the caller's feed, items, tracked links, share
//! confirmation, and for editors and coordinators the library workflow.

use super::service::{self, Confirmation, Problems, RawContent};
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::i18n::Tr;
use crate::input::JsonBody;
use ambasada_core::content::{self, Action, Status};
use ambasada_core::{Locale, Network, Role, Scope};
use ambasada_store::content::{ContentItem, Search};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn tr(state: &AppState) -> Tr {
    Tr::new(state.i18n.clone(), Locale::En)
}

fn unprocessable(state: &AppState, detail: &str, p: &Problems) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: detail.into(),
        errors: Some(p.to_json(&tr(state))),
    }
}

/// An item as the API shows it.
#[derive(Serialize)]
pub struct ItemView {
    id: i64,
    title: String,
    category: String,
    status: String,
    target_url: String,
    image_url: Option<String>,
    hashtags: Vec<String>,
    language: String,
    texts: BTreeMap<String, String>,
    program_ids: Vec<i64>,
    team_ids: Vec<i64>,
    starts_at: i64,
    expires_at: Option<i64>,
    reject_reason: Option<String>,
}

fn view(state: &AppState, item: &ContentItem) -> ItemView {
    let status = service::status_of(item);
    ItemView {
        id: item.id,
        title: item.title.clone(),
        category: item.category.clone(),
        status: content::effective_status(status, item.starts_at, item.expires_at, crate::now())
            .as_str()
            .to_string(),
        target_url: item.target_url.clone(),
        image_url: item
            .image_file
            .as_ref()
            .map(|f| format!("{}/media/{f}", state.config.base_url)),
        hashtags: item.hashtags.split_whitespace().map(str::to_string).collect(),
        language: item.language.clone(),
        texts: item.texts.iter().cloned().collect(),
        program_ids: item.program_ids.clone(),
        team_ids: item.team_ids.clone(),
        starts_at: item.starts_at,
        expires_at: item.expires_at,
        reject_reason: item.reject_reason.clone(),
    }
}

#[derive(Deserialize)]
pub struct FeedQuery {
    category: Option<String>,
    language: Option<String>,
    /// Words in the title, hashtags or texts, with or without Polish letters.
    q: Option<String>,
}

/// `GET /api/v1/content`: the caller's feed.
async fn feed(State(state): State<AppState>, api: ApiUser, Query(q): Query<FeedQuery>) -> Result<Response, ApiError> {
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
    let out: Vec<ItemView> = state
        .store
        .content_items(&ids)
        .await?
        .iter()
        .map(|item| view(&state, item))
        .collect();
    Ok(Json(serde_json::json!({ "items": out })).into_response())
}

async fn item_for(state: &AppState, api: &ApiUser, id: i64) -> Result<ContentItem, ApiError> {
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

/// `GET /api/v1/content/{id}`.
async fn get_item(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let item = item_for(&state, &api, id).await?;
    Ok(Json(view(&state, &item)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    network: String,
    #[serde(default)]
    text: String,
}

/// `POST /api/v1/content/{id}/links`: the caller's tracked link for a network.
async fn make_link(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<LinkBody>,
) -> Result<Response, ApiError> {
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
        Json(serde_json::json!({
            "code": out.link.code,
            "url": out.url,
            "share_url": out.share_url,
            "near_identical": out.near_identical,
        })),
    )
        .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareBody {
    content_id: i64,
    network: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    post_url: String,
}

/// `POST /api/v1/shares`: confirms the caller's share of an item.
async fn confirm(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ShareBody>,
) -> Result<Response, ApiError> {
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
            Json(serde_json::json!({
                "id": done.share_id,
                "personalisation": (done.personalisation * 1000.0).round() / 1000.0,
                "near_identical": done.near_identical,
            })),
        )
            .into_response()),
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

/// An item's fields in JSON, for create and update.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemBody {
    #[serde(default)]
    title: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    target_url: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    hashtags: Vec<String>,
    /// RFC 3339 or local `YYYY-MM-DDTHH:MM` in the caller's time zone; empty: now.
    #[serde(default)]
    starts_at: Option<String>,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default)]
    texts: BTreeMap<String, String>,
    #[serde(default)]
    program_ids: Vec<i64>,
    #[serde(default)]
    team_ids: Vec<i64>,
}

fn local_or_rfc3339(s: &Option<String>, tz: &str) -> String {
    match s.as_deref().map(str::trim) {
        None | Some("") => String::new(),
        Some(v) => match v.parse::<jiff::Timestamp>() {
            Ok(ts) => service::local_input(ts.as_millisecond(), tz),
            Err(_) => v.to_string(),
        },
    }
}

async fn checked_body(
    state: &AppState,
    api: &ApiUser,
    b: ItemBody,
) -> Result<ambasada_store::content::ContentInput, ApiError> {
    let tz = api.user.time_zone.clone();
    let raw = RawContent {
        title: b.title,
        category: b.category,
        target_url: b.target_url,
        language: b.language,
        hashtags: b.hashtags.join(" "),
        starts_at: local_or_rfc3339(&b.starts_at, &tz),
        expires_at: local_or_rfc3339(&b.expires_at, &tz),
        texts: b.texts.into_iter().collect(),
        programs: b.program_ids.iter().map(|i| i.to_string()).collect(),
        teams: b.team_ids.iter().map(|i| i.to_string()).collect(),
        image: None,
        remove_image: false,
    };
    let programs = state.store.programs().await?;
    let team_ids: Vec<i64> = state.store.teams().await?.iter().map(|t| t.id).collect();
    match service::check_content(state, &raw, &tz, &programs, &team_ids, crate::now())
        .await
        .map_err(crate::error::AppError::from)?
    {
        Ok(input) => Ok(input),
        Err(p) => Err(unprocessable(state, "The content item is not valid.", &p)),
    }
}

fn require_library(api: &ApiUser) -> Result<(), ApiError> {
    api.require_scope(Scope::ContentWrite)?;
    if service::uses_library(&api.user) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only editors, coordinators and admins write content.",
        ))
    }
}

/// `POST /api/v1/content`: a new draft.
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ItemBody>,
) -> Result<Response, ApiError> {
    require_library(&api)?;
    let input = checked_body(&state, &api, b).await?;
    let id = state
        .store
        .create_content(&input, api.user.id, Status::Draft.as_str(), crate::now())
        .await?;
    let item = state
        .store
        .content_item(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "gone"))?;
    Ok((StatusCode::CREATED, Json(view(&state, &item))).into_response())
}

fn refused(e: content::TransitionError) -> ApiError {
    let detail = match e {
        content::TransitionError::NotAllowed { from, action } => {
            format!("A {} item cannot be {}.", from.as_str(), past(action))
        }
        content::TransitionError::NotYourRole { action } => {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                format!("You may not {} this item.", action.as_str()),
            );
        }
    };
    ApiError::new(StatusCode::CONFLICT, detail)
}

fn past(a: Action) -> &'static str {
    match a {
        Action::Submit => "submitted",
        Action::Approve => "approved",
        Action::Reject => "rejected",
        Action::Publish => "published",
        Action::Expire => "expired",
        Action::Edit => "edited",
        Action::Withdraw => "withdrawn",
    }
}

/// `PUT /api/v1/content/{id}`: changes a draft, rejected or submitted item (it returns
/// to draft).
async fn update(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<ItemBody>,
) -> Result<Response, ApiError> {
    require_library(&api)?;
    let item = item_for(&state, &api, id).await?;
    let to = content::transition(
        service::status_of(&item),
        Action::Edit,
        service::actor(
            &api.user,
            &item,
            Action::Edit,
            service::powers(&state, &api.user, &item)
                .await
                .map_err(crate::error::AppError::from)?,
        ),
    )
    .map_err(refused)?;
    let input = checked_body(&state, &api, b).await?;
    match state
        .store
        .update_content(id, &input, &item.status, to.as_str(), api.user.id, crate::now())
        .await
    {
        Ok(()) => {}
        Err(ambasada_store::StoreError::NotFound) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "The item changed meanwhile; fetch it again.",
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let item = item_for(&state, &api, id).await?;
    Ok(Json(view(&state, &item)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RejectBody {
    #[serde(default)]
    reason: String,
}

async fn step(
    state: &AppState,
    api: &ApiUser,
    id: i64,
    action: Action,
    note: Option<&str>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentWrite)?;
    let item = item_for(state, api, id).await?;
    if !service::can_see(&api.user, &item) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "No such content item."));
    }
    let powers = service::powers(state, &api.user, &item)
        .await
        .map_err(crate::error::AppError::from)?;
    let to = content::transition(
        service::status_of(&item),
        action,
        service::actor(&api.user, &item, action, powers),
    )
    .map_err(refused)?;
    if !state
        .store
        .transition_content(id, &item.status, to.as_str(), Some(api.user.id), note, crate::now())
        .await?
    {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "The item changed meanwhile; fetch it again.",
        ));
    }
    let item = item_for(state, api, id).await?;
    if matches!(action, Action::Approve | Action::Reject) {
        crate::notifications::content_reviewed(state, &item, api.user.id, note).await;
    }
    if action == Action::Approve {
        crate::rewards::awarding::content_approved(state, &item).await;
    }
    if action == Action::Withdraw {
        crate::webhooks::events::content_expired(state, id, crate::now()).await;
    }
    Ok(Json(view(state, &item)).into_response())
}

async fn submit(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    crate::input::no_fields(&body)?;
    step(&state, &api, id, Action::Submit, None).await
}

async fn approve(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    crate::input::no_fields(&body)?;
    step(&state, &api, id, Action::Approve, None).await
}

async fn reject(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<RejectBody>,
) -> Result<Response, ApiError> {
    let reason = b.reason.trim();
    if let Some(key) = service::reject_reason_problem(reason) {
        let mut p = Problems::default();
        p.add("reason", key);
        return Err(unprocessable(
            &state,
            "A rejection needs a reason the author will see.",
            &p,
        ));
    }
    step(&state, &api, id, Action::Reject, Some(reason)).await
}

/// `POST /api/v1/content/{id}/withdraw` (scope `content:write`): takes a live item out
/// at once; its links stop redirecting. 204 on success.
async fn withdraw(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    crate::input::no_fields(&body)?;
    step(&state, &api, id, Action::Withdraw, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/content", get(feed).post(create))
        .route("/content/{id}", get(get_item).put(update))
        .route("/content/{id}/links", post(make_link))
        .route("/content/{id}/submit", post(submit))
        .route("/content/{id}/approve", post(approve))
        .route("/content/{id}/reject", post(reject))
        .route("/content/{id}/withdraw", post(withdraw))
        .route("/shares", post(confirm))
}
