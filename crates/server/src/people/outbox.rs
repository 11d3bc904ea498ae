//! The email outbox for admins: what was sent, what waits, what failed. Without SMTP
//! settings this is where invitation and reset links can be read and passed on.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::Role;
use ambasada_store::outbox::OutboxMessage;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct OutboxQuery {
    status: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "people/admin/outbox.html")]
struct OutboxTemplate<'a> {
    p: &'a Ctx,
    messages: Vec<OutboxMessage>,
    total: i64,
    status: String,
    page: i64,
    pages: i64,
    smtp: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<OutboxQuery>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let status = q
        .status
        .filter(|s| matches!(s.as_str(), "pending" | "sending" | "sent" | "failed"));
    let page = super::page_number(q.page.as_deref());
    let (messages, total) = state
        .store
        .outbox(status.as_deref(), PAGE_SIZE, (page - 1) * PAGE_SIZE)
        .await?;
    render(&OutboxTemplate {
        p: &ctx,
        messages,
        total,
        status: status.unwrap_or_default(),
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        smtp: state.config.smtp.is_some(),
    })
}

#[derive(Template)]
#[template(path = "people/admin/outbox_message.html")]
struct MessageTemplate<'a> {
    p: &'a Ctx,
    m: OutboxMessage,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let m = state.store.outbox_message(id).await?.ok_or(AppError::NotFound)?;
    render(&MessageTemplate { p: &ctx, m })
}

pub async fn retry(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let to = format!("/app/admin/outbox/{id}");
    if state.store.retry_email(id, crate::now()).await? {
        state.mail_wakeup.notify_one();
        Ok(redirect_flash(&to, true, "flash-email-requeued", None))
    } else {
        Err(AppError::NotFound)
    }
}
