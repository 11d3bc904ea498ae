//! The notification list: each notification in the reader's language, opened (and so
//! marked read) by a POST form, and "mark all read".

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{self, Ctx, redirect_flash, render};
use ambasada_store::StoreError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

const PAGE_SIZE: i64 = 30;

/// A notification as the list shows it.
pub struct View {
    pub id: i64,
    pub text: String,
    pub created_at: i64,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    items: Vec<View>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize)]
pub struct ListQuery {
    page: Option<String>,
}

/// `GET /app/notifications`: the person's notifications, newest first.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response> {
    let page = crate::people::page_number(q.page.as_deref());
    let (rows, total) = state
        .store
        .notifications(user.id, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        .await?;
    let items = rows
        .into_iter()
        .map(|n| View {
            id: n.id,
            text: super::message(&state, ctx.tr.locale, &n.kind, &n.args),
            created_at: n.created_at,
            unread: n.read_at.is_none(),
        })
        .collect();
    render(&ListTemplate {
        p: &ctx,
        items,
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
    })
}

/// `POST /app/notifications/{id}/open`: marks one's own notification read and goes to
/// what it is about; someone else's is not found.
pub async fn open(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    match state.store.mark_notification_read(user.id, id, crate::now()).await {
        // Links are written by the server, but only same-site paths are followed anyway.
        Ok(link) => Ok(Redirect::to(web::safe_next(Some(&link))).into_response()),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// `POST /app/notifications/read-all`.
pub async fn read_all(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    state.store.mark_all_notifications_read(user.id, crate::now()).await?;
    Ok(redirect_flash(
        "/app/notifications",
        true,
        "flash-notifications-read",
        None,
    ))
}
