//! `/api/v1` for the content library: editors, coordinators and admins create and change
//! items and move them through the workflow (submit, approve, reject, withdraw).

use super::api::{item_for, unprocessable};
use super::api_views::{ContentItemBody, ContentItemView, RejectBody, view};
use super::service::{self, Problems, RawContent};
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::input::JsonBody;
use ambasada_core::Scope;
use ambasada_core::content::{self, Action, Status};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

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
    b: ContentItemBody,
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

/// Creates a content item, as a draft of the caller.
///
/// Editors, coordinators and admins (token scope `content:write`). The item has no image
/// (images are added on its page).
#[utoipa::path(
    post,
    path = "/content",
    tag = "content",
    operation_id = "create_content",
    security(("token" = ["content:write"])),
    request_body = ContentItemBody,
    responses((status = 201, description = "The new draft.", body = ContentItemView)),
)]
pub(super) async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ContentItemBody>,
) -> Result<(StatusCode, Json<ContentItemView>), ApiError> {
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
    Ok((StatusCode::CREATED, Json(view(&state, &item))))
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

/// Replaces the fields of a draft, rejected or submitted item; it returns to draft.
///
/// Editors, coordinators and admins (token scope `content:write`): the item's author,
/// editors, admins, and coordinators of every program the item is aimed at. Every field
/// is replaced; the image is kept.
#[utoipa::path(
    put,
    path = "/content/{id}",
    tag = "content",
    operation_id = "update_content",
    security(("token" = ["content:write"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    request_body = ContentItemBody,
    responses(
        (status = 200, description = "The item, now a draft.", body = ContentItemView),
        (status = 403, description = "The token lacks the scope, or the caller may not edit this item.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The item is approved, published or expired (no longer editable), or it \
changed meanwhile (fetch it again).", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
pub(super) async fn update(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<ContentItemBody>,
) -> Result<Json<ContentItemView>, ApiError> {
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
    Ok(Json(view(&state, &item)))
}

async fn step(
    state: &AppState,
    api: &ApiUser,
    id: i64,
    action: Action,
    note: Option<&str>,
) -> Result<Json<ContentItemView>, ApiError> {
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
    Ok(Json(view(state, &item)))
}

/// Submits a draft for review.
///
/// Editors, coordinators and admins (token scope `content:write`): the item's author,
/// editors, admins, and coordinators of every program the item is aimed at. The body is
/// empty or `{}`.
#[utoipa::path(
    post,
    path = "/content/{id}/submit",
    tag = "content",
    operation_id = "submit_content",
    security(("token" = ["content:write"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    responses(
        (status = 200, description = "The item, now submitted.", body = ContentItemView),
        (status = 403, description = "The token lacks the scope, or the caller may not submit this item.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The item is not a draft, or it changed meanwhile (fetch it again).", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body names fields: this endpoint takes none.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
pub(super) async fn submit(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Json<ContentItemView>, ApiError> {
    crate::input::no_fields(&body)?;
    step(&state, &api, id, Action::Submit, None).await
}

/// Approves a submitted item: it goes live at its start.
///
/// Admins, and coordinators of every program the item is aimed at who are not its
/// author; token scope `content:write`. The body is empty or `{}`.
#[utoipa::path(
    post,
    path = "/content/{id}/approve",
    tag = "content",
    operation_id = "approve_content",
    security(("token" = ["content:write"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    responses(
        (status = 200, description = "The item, now approved (or published when its start has come).", body = ContentItemView),
        (status = 403, description = "The token lacks the scope, or the caller may not review this item.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The item is not submitted, or it changed meanwhile (fetch it again).", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body names fields: this endpoint takes none.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
pub(super) async fn approve(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Json<ContentItemView>, ApiError> {
    crate::input::no_fields(&body)?;
    step(&state, &api, id, Action::Approve, None).await
}

/// Rejects a submitted item, with a reason its author reads.
///
/// Admins, and coordinators of every program the item is aimed at who are not its
/// author; token scope `content:write`. The author may edit it back into a draft.
#[utoipa::path(
    post,
    path = "/content/{id}/reject",
    tag = "content",
    operation_id = "reject_content",
    security(("token" = ["content:write"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    request_body = RejectBody,
    responses(
        (status = 200, description = "The item, now rejected.", body = ContentItemView),
        (status = 403, description = "The token lacks the scope, or the caller may not review this item.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The item is not submitted, or it changed meanwhile (fetch it again).", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
pub(super) async fn reject(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<RejectBody>,
) -> Result<Json<ContentItemView>, ApiError> {
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

/// Takes an approved or published item out at once; its links stop redirecting.
///
/// Editors, admins, and coordinators of every program the item is aimed at; token scope
/// `content:write`. The body is empty or `{}`.
#[utoipa::path(
    post,
    path = "/content/{id}/withdraw",
    tag = "content",
    operation_id = "withdraw_content",
    security(("token" = ["content:write"])),
    params(("id" = i64, Path, description = "The content item's id.")),
    responses(
        (status = 204, description = "Withdrawn: the item is expired."),
        (status = 403, description = "The token lacks the scope, or the caller may not withdraw this item.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The item is not approved or published, or it changed meanwhile.", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body names fields: this endpoint takes none.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
pub(super) async fn withdraw(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    crate::input::no_fields(&body)?;
    let _withdrawn = step(&state, &api, id, Action::Withdraw, None).await?;
    Ok(StatusCode::NO_CONTENT)
}
