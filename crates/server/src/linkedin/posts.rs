//! "My LinkedIn posts": the state of each post a person planned or published through
//! LinkedIn, and editing or cancelling one until it is sent.

use super::publish::due_time;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::content::service;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::Millis;
use ambasada_core::linkedin::post_url;
use ambasada_store::linkedin::{LinkedInAccount, LinkedInPost, LinkedInPostRow};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// Whether a post in `status` may still be edited or cancelled.
pub fn is_open(status: &str) -> bool {
    matches!(status, "scheduled" | "paused" | "failed" | "unknown")
}

#[derive(Template)]
#[template(path = "linkedin/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    posts: Vec<LinkedInPostRow>,
    account: Option<LinkedInAccount>,
}

impl ListTemplate<'_> {
    fn url(&self, urn: &str) -> String {
        post_url(urn)
    }
    fn open(&self, status: &str) -> bool {
        is_open(status)
    }
    /// A planned post falls after the connection expires.
    fn after_expiry(&self, post: &LinkedInPost) -> bool {
        is_open(&post.status) && self.account.as_ref().is_some_and(|a| post.due_at >= a.expires_at)
    }
}

/// The person's LinkedIn posts.
pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    super::linkedin_for(&state)?;
    let posts = state.store.linkedin_posts_of(user.id, 200).await?;
    let now = crate::now();
    let account = state
        .store
        .linkedin_account(user.id)
        .await?
        .filter(|a| a.expires_at > now);
    render(&ListTemplate {
        p: &ctx,
        posts,
        account,
    })
}

#[derive(Template)]
#[template(path = "linkedin/edit.html")]
struct EditTemplate<'a> {
    p: &'a Ctx,
    post: LinkedInPost,
    title: String,
    text: String,
    at: String,
    errors: FieldErrors,
    expires_at: Option<Millis>,
}

impl EditTemplate<'_> {
    fn open(&self) -> bool {
        is_open(&self.post.status)
    }
    fn url(&self, urn: &str) -> String {
        post_url(urn)
    }
}

/// The person's own post, or a 404 (another person's post does not exist for them).
async fn own_post(state: &AppState, user: &CurrentUser, id: i64) -> Result<LinkedInPost> {
    super::linkedin_for(state)?;
    state
        .store
        .linkedin_post(id)
        .await?
        .filter(|p| p.user_id == user.id)
        .ok_or(AppError::NotFound)
}

async fn edit_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    post: LinkedInPost,
) -> Result<EditTemplate<'a>> {
    let title = state
        .store
        .content_item(post.content_id)
        .await?
        .map(|i| i.title)
        .unwrap_or_default();
    let expires_at = state.store.linkedin_account(user.id).await?.map(|a| a.expires_at);
    Ok(EditTemplate {
        p: ctx,
        title,
        text: post.commentary.clone(),
        at: service::local_input(post.due_at, &user.time_zone),
        errors: FieldErrors::default(),
        expires_at,
        post,
    })
}

/// One post: its state and, while it is open, the form to change it.
pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let post = own_post(&state, &user, id).await?;
    render(&edit_template(&state, &ctx, &user, post).await?)
}

#[derive(Deserialize, Default)]
pub struct EditForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    at: String,
}

/// Saves a changed text and time; the post is scheduled again.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<EditForm>,
) -> Result<Response> {
    let post = own_post(&state, &user, id).await?;
    if !is_open(&post.status) {
        return Ok(redirect_flash(
            &format!("/app/linkedin/{id}"),
            false,
            "linkedin-flash-not-open",
            None,
        ));
    }
    let now = crate::now();
    let mut errors = FieldErrors::default();
    if let Some(msg) = super::publish::text_problem(&ctx, &f.text) {
        errors.add("text", msg);
    }
    let due_at = due_time(&f.at, &user.time_zone, now);
    if due_at.is_none() {
        errors.add("at", ctx.t("linkedin-error-at"));
    }
    let Some(due_at) = due_at.filter(|_| errors.is_empty()) else {
        let mut t = edit_template(&state, &ctx, &user, post).await?;
        t.text = f.text;
        t.at = f.at;
        t.errors = errors;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    };
    let text = f.text.trim().replace("\r\n", "\n");
    if !state
        .store
        .reschedule_linkedin_post(id, user.id, &text, due_at, now)
        .await?
    {
        return Ok(redirect_flash(
            &format!("/app/linkedin/{id}"),
            false,
            "linkedin-flash-not-open",
            None,
        ));
    }
    state.linkedin_wakeup.notify_one();
    Ok(redirect_flash("/app/linkedin", true, "linkedin-flash-saved", None))
}

/// Cancels a post that has not been sent.
pub async fn cancel(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    own_post(&state, &user, id).await?;
    let done = state.store.cancel_linkedin_post(id, user.id, crate::now()).await?;
    Ok(if done {
        redirect_flash("/app/linkedin", true, "linkedin-flash-cancelled-post", None)
    } else {
        redirect_flash(&format!("/app/linkedin/{id}"), false, "linkedin-flash-not-open", None)
    })
}
