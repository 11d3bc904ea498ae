//! `/api/v1/webhooks`: an admin's token with the scope `webhooks:write` registers
//! (`POST`, answering the secret once), lists (`GET`) and removes (`DELETE /{id}`)
//! endpoints. The secret is in no other answer.

use super::pages::{self, state_of};
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::input::JsonBody;
use ambasada_core::webhooks::{Event, EventsError};
use ambasada_core::{Role, Scope};
use ambasada_store::signed_webhooks::Endpoint;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(list, create))
        .routes(routes!(remove))
}

/// An endpoint as the API shows it.
#[derive(Serialize, ToSchema)]
struct EndpointView {
    id: i64,
    url: String,
    /// The event types it receives (`share.confirmed`, ...).
    events: Vec<String>,
    /// `waiting` (nothing delivered yet), `ok`, `failing` or `disabled`.
    #[schema(pattern = "^(waiting|ok|failing|disabled)$")]
    state: &'static str,
    created_at: String,
    last_success_at: Option<String>,
    failing_since: Option<String>,
    disabled_at: Option<String>,
    /// The signing secret (`whsec_<base64>`, Standard Webhooks): only in the answer
    /// that created the endpoint, never again.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
}

/// The endpoints, oldest first.
#[derive(Serialize, ToSchema)]
struct EndpointList {
    endpoints: Vec<EndpointView>,
}

fn view(e: &Endpoint, secret: Option<String>) -> EndpointView {
    EndpointView {
        id: e.id,
        url: e.url.clone(),
        events: Event::split(&e.events).iter().map(|e| e.as_str().to_string()).collect(),
        state: state_of(e),
        created_at: super::rfc3339(e.created_at),
        last_success_at: e.last_success_at.map(super::rfc3339),
        failing_since: e.failing_since.map(super::rfc3339),
        disabled_at: e.disabled_at.map(super::rfc3339),
        secret,
    }
}

/// Admins only, with the scope: the scope alone is not enough for a person who is no
/// longer an admin (`Scope::allowed_for`).
fn admin(api: &ApiUser) -> Result<(), ApiError> {
    api.require_scope(Scope::WebhooksWrite)?;
    if !api.user.has_role(Role::Admin) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "Only admins manage webhooks."));
    }
    Ok(())
}

/// A new endpoint.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct EndpointBody {
    /// An http(s) URL; loopback and private addresses only where the server allows them.
    #[serde(default)]
    url: String,
    /// One or more event types: `share.confirmed`, `content.published`,
    /// `content.expired`, `application.created`, `application.stage_changed`,
    /// `conversion.recorded`, `person.created`, `person.deactivated`, `person.erased`,
    /// `reward.redeemed`, `review.published`.
    #[serde(default)]
    events: Vec<String>,
}

/// Registers an endpoint; the answer carries its secret, shown this once. Admins only.
#[utoipa::path(
    post,
    path = "/webhooks",
    tag = "webhooks",
    operation_id = "create_webhook",
    security(("token" = ["webhooks:write"])),
    request_body = EndpointBody,
    responses((status = 201, description = "The endpoint, with its `secret`.", body = EndpointView)),
)]
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<EndpointBody>,
) -> Result<Response, ApiError> {
    admin(&api)?;
    let (url, events) = pages::check(&state, &b.url, &b.events).map_err(|pages::Invalid { url, events }| {
        let mut errors = serde_json::Map::new();
        if let Some(key) = url {
            errors.insert("url".into(), url_problem(key).into());
        }
        if let Some(e) = events {
            let text = match e {
                EventsError::Empty => "Choose at least one event.".to_string(),
                EventsError::Unknown(name) => format!("Unknown event {name:?}."),
            };
            errors.insert("events".into(), text.into());
        }
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            detail: "The endpoint is not valid; see errors.".into(),
            errors: Some(serde_json::Value::Object(errors)),
        }
    })?;
    let (id, secret) = pages::register(&state, api.user.id, &url, &events).await?;
    let endpoint = state
        .store
        .webhook_endpoint(id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("endpoint {id} vanished"))?;
    Ok((StatusCode::CREATED, Json(view(&endpoint, Some(secret)))).into_response())
}

fn url_problem(key: &str) -> &'static str {
    match key {
        "error-endpoint-local" => "The URL names this machine or a private network.",
        "error-webhook-https" => "The URL must be https.",
        "error-webhook-too-long" => "The URL is too long.",
        _ => "Not an http(s) URL.",
    }
}

/// The registered endpoints and their state, without secrets. Admins only.
#[utoipa::path(
    get,
    path = "/webhooks",
    tag = "webhooks",
    operation_id = "list_webhooks",
    security(("token" = ["webhooks:write"])),
    responses((status = 200, description = "The endpoints.", body = EndpointList)),
)]
async fn list(State(state): State<AppState>, api: ApiUser) -> Result<Json<EndpointList>, ApiError> {
    admin(&api)?;
    let endpoints: Vec<EndpointView> = state
        .store
        .webhook_endpoints()
        .await?
        .iter()
        .map(|e| view(e, None))
        .collect();
    Ok(Json(EndpointList { endpoints }))
}

/// Removes an endpoint and its queued messages. Admins only.
#[utoipa::path(
    delete,
    path = "/webhooks/{id}",
    tag = "webhooks",
    operation_id = "delete_webhook",
    security(("token" = ["webhooks:write"])),
    params(("id" = i64, Path, description = "The endpoint's id.")),
    responses((status = 204, description = "Removed.")),
)]
async fn remove(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    admin(&api)?;
    if !pages::delete(&state, api.user.id, id).await? {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "No such webhook endpoint."));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
