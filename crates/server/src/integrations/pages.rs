//! The program's Slack and Teams page, `/app/programs/{id}/integrations`: each channel's
//! state (last delivery, last error, stopped), its URL shown masked, forms to set or
//! remove it and to send a test message, and the recent messages. Only the program's
//! coordinator and admins see it.

use super::{ERROR_CONNECT, ERROR_REQUEST, ERROR_TIMEOUT};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::integrations::{UrlError, WebhookKind, WebhookUrl, mask};
use ambasada_store::programs::Program;
use ambasada_store::webhooks::ProgramWebhook;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

/// How many recent messages the page lists.
const RECENT: i64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/programs/{id}/integrations", get(page))
        .route("/app/programs/{id}/integrations/{kind}", post(save))
        .route("/app/programs/{id}/integrations/{kind}/delete", post(remove))
        .route("/app/programs/{id}/integrations/{kind}/test", post(test))
}

/// The program, when this person may manage its channels: admins every program's, a
/// coordinator the ones they coordinate (the URLs are secrets of that program).
async fn program_of(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    if !user.has_role(Role::Admin) && !user.has_role(Role::Coordinator) {
        return Err(AppError::Forbidden);
    }
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if user.has_role(Role::Admin) || program.coordinator_id == Some(user.id) {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

fn kind_of(s: &str) -> Result<WebhookKind> {
    WebhookKind::parse(s).ok_or(AppError::NotFound)
}

/// A channel as the page shows it.
pub struct ChannelView {
    pub kind: &'static str,
    pub label: &'static str,
    /// The URL masked; `None` when none is set.
    pub masked: Option<String>,
    /// `off`, `waiting`, `ok`, `failing` or `stopped`.
    pub state: &'static str,
    pub last_success_at: Option<i64>,
    pub last_error: Option<String>,
    pub last_error_at: Option<i64>,
    pub stopped_at: Option<i64>,
    /// What the person typed, shown again with the error when it was refused.
    pub input: String,
    pub error: Option<String>,
}

impl ChannelView {
    /// The badge's class for the state, from the stylesheet's status colours.
    pub fn badge(&self) -> &'static str {
        match self.state {
            "ok" => "status-sent",
            "failing" => "warn",
            "stopped" => "status-failed",
            "waiting" => "status-pending",
            _ => "off",
        }
    }
}

/// A recent message as the page lists it.
pub struct DeliveryRow {
    pub created_at: i64,
    pub channel: &'static str,
    pub event: String,
    pub status: String,
    pub attempts: i64,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "integrations/program.html")]
struct PageTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    channels: Vec<ChannelView>,
    deliveries: Vec<DeliveryRow>,
}

/// A stored error in the reader's language: an answer's status and text as the channel
/// gave them, or why there was no answer.
fn worded(ctx: &Ctx, raw: &str) -> String {
    if raw == ERROR_TIMEOUT {
        ctx.t("webhooks-error-timeout")
    } else if let Some(detail) = raw.strip_prefix(ERROR_CONNECT) {
        ctx.a1("webhooks-error-connect", "detail", detail)
    } else if let Some(detail) = raw.strip_prefix(ERROR_REQUEST) {
        ctx.a1("webhooks-error-request", "detail", detail)
    } else {
        raw.to_string()
    }
}

fn channel_view(ctx: &Ctx, kind: WebhookKind, hook: Option<&ProgramWebhook>) -> ChannelView {
    let state = match hook {
        None => "off",
        Some(h) if h.stopped_at.is_some() => "stopped",
        Some(h) if h.last_error_at.is_some_and(|e| h.last_success_at.is_none_or(|s| e > s)) => "failing",
        Some(h) if h.last_success_at.is_some() => "ok",
        Some(_) => "waiting",
    };
    ChannelView {
        kind: kind.as_str(),
        label: kind.label(),
        masked: hook.map(|h| mask(&h.url)),
        state,
        last_success_at: hook.and_then(|h| h.last_success_at),
        last_error: hook.and_then(|h| h.last_error.as_deref()).map(|e| worded(ctx, e)),
        last_error_at: hook.and_then(|h| h.last_error_at),
        stopped_at: hook.and_then(|h| h.stopped_at),
        input: String::new(),
        error: None,
    }
}

async fn template<'a>(state: &AppState, ctx: &'a Ctx, program: Program) -> Result<PageTemplate<'a>> {
    let hooks = state.store.program_webhooks(program.id).await?;
    let channels = WebhookKind::ALL
        .into_iter()
        .map(|k| channel_view(ctx, k, hooks.iter().find(|h| h.kind == k.as_str())))
        .collect();
    let deliveries = state
        .store
        .webhook_deliveries(program.id, RECENT)
        .await?
        .into_iter()
        .map(|d| DeliveryRow {
            created_at: d.created_at,
            channel: WebhookKind::parse(&d.kind).map(|k| k.label()).unwrap_or(""),
            event: d.event.replace('_', "-"),
            status: d.status,
            attempts: d.attempts,
            error: d.last_error.as_deref().map(|e| worded(ctx, e)),
        })
        .collect();
    Ok(PageTemplate {
        p: ctx,
        program,
        channels,
        deliveries,
    })
}

/// `GET /app/programs/{id}/integrations`.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = program_of(&state, &user, id).await?;
    render(&template(&state, &ctx, program).await?)
}

#[derive(Deserialize)]
pub struct UrlForm {
    #[serde(default)]
    url: String,
}

/// `POST /app/programs/{id}/integrations/{kind}`: sets the channel's URL (a new one
/// also ends a stop).
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, kind)): Path<(i64, String)>,
    Form(f): Form<UrlForm>,
) -> Result<Response> {
    let program = program_of(&state, &user, id).await?;
    let kind = kind_of(&kind)?;
    let url = match WebhookUrl::parse(&f.url, state.config.webhooks_allow_private) {
        Ok(url) => url,
        Err(e) => {
            let key = match e {
                // This machine or a private network: only a public https URL will do.
                UrlError::Empty | UrlError::Invalid => "error-webhook-url",
                UrlError::LocalHost => "error-webhook-local",
                UrlError::NotHttps => "error-webhook-https",
                UrlError::TooLong => "error-webhook-too-long",
            };
            let mut t = template(&state, &ctx, program).await?;
            if let Some(c) = t.channels.iter_mut().find(|c| c.kind == kind.as_str()) {
                c.input = f.url.chars().take(WebhookUrl::MAX_LEN + 100).collect();
                c.error = Some(ctx.t(key));
            }
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
        }
    };
    let now = crate::now();
    state
        .store
        .set_program_webhook(id, kind.as_str(), url.expose(), now)
        .await?;
    state
        .store
        .audit(
            Some(user.id),
            "program.webhook.set",
            &format!("{}: {}", program.name, kind.label()),
            now,
        )
        .await?;
    // Messages held back while the channel was stopped or failing may go now.
    state.webhooks.wakeup.notify_one();
    Ok(redirect_flash(
        &format!("/app/programs/{id}/integrations"),
        true,
        "flash-webhook-saved",
        Some(kind.label()),
    ))
}

/// `POST /app/programs/{id}/integrations/{kind}/delete`: removes the channel's URL and
/// the messages still waiting for it.
pub async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, kind)): Path<(i64, String)>,
) -> Result<Response> {
    let program = program_of(&state, &user, id).await?;
    let kind = kind_of(&kind)?;
    if state.store.delete_program_webhook(id, kind.as_str()).await? {
        state
            .store
            .audit(
                Some(user.id),
                "program.webhook.remove",
                &format!("{}: {}", program.name, kind.label()),
                crate::now(),
            )
            .await?;
    }
    Ok(redirect_flash(
        &format!("/app/programs/{id}/integrations"),
        true,
        "flash-webhook-removed",
        Some(kind.label()),
    ))
}

/// `POST /app/programs/{id}/integrations/{kind}/test`: queues a test message.
pub async fn test(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, kind)): Path<(i64, String)>,
) -> Result<Response> {
    let program = program_of(&state, &user, id).await?;
    let kind = kind_of(&kind)?;
    let to = format!("/app/programs/{id}/integrations");
    let hooks = state.store.program_webhooks(id).await?;
    match hooks.iter().find(|h| h.kind == kind.as_str()) {
        None => Ok(redirect_flash(&to, false, "flash-webhook-not-set", Some(kind.label()))),
        Some(h) if h.stopped_at.is_some() => {
            Ok(redirect_flash(&to, false, "flash-webhook-stopped", Some(kind.label())))
        }
        Some(_) => {
            super::queue_test(&state, &program, kind).await?;
            Ok(redirect_flash(
                &to,
                true,
                "flash-webhook-test-queued",
                Some(kind.label()),
            ))
        }
    }
}
