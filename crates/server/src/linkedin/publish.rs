//! The share screen's LinkedIn part: "Publish on LinkedIn" (now) and "Schedule" (at a
//! time in the person's time zone, or the time of their planned calendar post for the
//! item). Both take the text from the share form, so the person's own words go out.

use super::linkedin_for;
use super::send::{self, Outcome, Refused};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::content::feed::{feed_item, share_page_error};
use crate::content::service;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash};
use ambasada_core::calendar::PostStatus;
use ambasada_core::content;
use ambasada_core::{DAY, Millis, Network, text};
use ambasada_store::content::ContentItem;
use ambasada_store::linkedin::NewLinkedInPost;
use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// How long "Publish on LinkedIn" waits for LinkedIn before it answers that the post is
/// on its way (well under the request timeout).
const WAIT_FOR_LINKEDIN: std::time::Duration = std::time::Duration::from_secs(12);

/// How far ahead a post may be planned.
pub const MAX_AHEAD: Millis = 365 * DAY;

/// What the share screen shows for LinkedIn when the company's app is configured.
pub struct Panel {
    /// The connected member's name; `None`: not connected (the connect button shows).
    pub member: Option<String>,
    /// When the connection expires.
    pub expires_at: Option<Millis>,
    /// The time field's value (`YYYY-MM-DDTHH:MM` in the person's zone).
    pub at: String,
    /// The person's planned calendar post for this item on LinkedIn, if one is open.
    pub planned: Option<i64>,
}

impl Panel {
    /// Whether the chosen time falls after the connection expires.
    pub fn expires_before(&self, tz: &str) -> bool {
        match (self.expires_at, service::parse_local_time(&self.at, tz)) {
            (Some(exp), Some(at)) => at >= exp,
            _ => false,
        }
    }
}

/// The panel for the share screen of `item` on `network` (none off LinkedIn or without
/// the company's app). `at` keeps what the person typed.
pub async fn panel(
    state: &AppState,
    user: &CurrentUser,
    item: &ContentItem,
    network: Network,
    at: Option<&str>,
) -> anyhow::Result<Option<Panel>> {
    if state.config.linkedin.is_none() || network != Network::Linkedin {
        return Ok(None);
    }
    let now = crate::now();
    let account = state
        .store
        .linkedin_account(user.id)
        .await?
        .filter(|a| a.expires_at > now);
    let planned = state
        .store
        .plan_of(user.id, now, now + MAX_AHEAD)
        .await?
        .into_iter()
        .find(|p| {
            p.content_id == Some(item.id)
                && p.network == Network::Linkedin.as_str()
                && p.status() == PostStatus::Planned
                && p.starts_at > now
        });
    let at = match at {
        Some(at) => at.to_string(),
        None => planned
            .as_ref()
            .map(|p| service::local_input(p.starts_at, &user.time_zone))
            .unwrap_or_default(),
    };
    Ok(Some(Panel {
        member: account.as_ref().map(|a| a.member_name.clone()),
        expires_at: account.map(|a| a.expires_at),
        at,
        planned: planned.map(|p| p.id),
    }))
}

#[derive(Deserialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    planned: String,
}

/// The checks both buttons make before anything is stored: LinkedIn app, connection,
/// course, text and daily limit. `Err` is the answer to give instead.
async fn checked(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    f: &PublishForm,
) -> Result<std::result::Result<ContentItem, Response>> {
    linkedin_for(state)?;
    let item = feed_item(state, user, id).await?;
    if item.text_for(Network::Linkedin.as_str()).is_none() {
        return Err(AppError::BadRequest("error-network"));
    }
    let back = format!("/app/feed/{id}?network=linkedin");
    let now = crate::now();
    if state
        .store
        .linkedin_account(user.id)
        .await?
        .filter(|a| a.expires_at > now)
        .is_none()
    {
        return Ok(Err(redirect_flash(&back, false, "linkedin-flash-not-connected", None)));
    }
    if let Some((course, title)) = crate::training::must_complete_before_sharing(state, user.id).await? {
        return Ok(Err(redirect_flash(
            &format!("/app/training/{course}"),
            false,
            "flash-training-required",
            Some(&title),
        )));
    }
    if let Some(msg) = text_problem(ctx, &f.text) {
        return Ok(Err(share_page_error(
            state, ctx, user, item, &f.text, &f.at, "text", msg,
        )
        .await?));
    }
    Ok(Ok(item))
}

/// What is wrong with a post's text for LinkedIn (characters, length), in the person's
/// language.
pub fn text_problem(ctx: &Ctx, text: &str) -> Option<String> {
    let (key, args) = match text::check_lines(text) {
        Err(e) => (e.key(), Vec::new()),
        Ok(()) => service::text_problem(&content::check_text(Network::Linkedin, text, true).err()?),
    };
    Some(
        ctx.tr
            .a(key, &args.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()),
    )
}

/// Runs `checked`; its refusal is the answer.
macro_rules! checked_or_answer {
    ($state:expr, $ctx:expr, $user:expr, $id:expr, $f:expr) => {
        match checked($state, $ctx, $user, $id, $f).await? {
            Ok(item) => item,
            Err(res) => return Ok(res),
        }
    };
}

/// "Publish on LinkedIn": the post goes out now; the share is recorded with its address.
pub async fn publish_now(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<PublishForm>,
) -> Result<Response> {
    let item = checked_or_answer!(&state, &ctx, &user, id, &f);
    if let Some(refused) = send::refused_before_sending(&state, &user, &item).await? {
        let msg = match refused {
            Refused::Limit(limit) => ctx.a1("error-daily-limit", "limit", &limit.to_string()),
            Refused::Course => ctx.t("linkedin-reason-course"),
        };
        return share_page_error(&state, &ctx, &user, item, &f.text, &f.at, "linkedin", msg).await;
    }
    let now = crate::now();
    let new = NewLinkedInPost {
        user_id: user.id,
        content_id: item.id,
        planned_post_id: None,
        commentary: f.text.trim().replace("\r\n", "\n"),
        due_at: now,
    };
    if state
        .store
        .linkedin_post_in_flight(user.id, item.id, &new.commentary, now - ambasada_core::MINUTE)
        .await?
    {
        return Ok(redirect_flash("/app/linkedin", true, "linkedin-flash-queued", None));
    }
    let post = state.store.create_claimed_linkedin_post(&new, now).await?;
    let post_id = post.id;
    // The calls run apart from the request: a request cut short (a closed tab, the
    // request timeout) must not leave a published post unrecorded.
    let (tx, rx) = tokio::sync::oneshot::channel();
    let sender = state.clone();
    crate::mail::spawn_detached(async move {
        let outcome = send::send_claimed(&sender, &post).await;
        if let Err(e) = &outcome {
            tracing::warn!(error = ?e, post = post.id, "publishing on LinkedIn failed");
        }
        let _ = tx.send(outcome);
    });
    let outcome = match tokio::time::timeout(WAIT_FOR_LINKEDIN, rx).await {
        Ok(Ok(outcome)) => outcome?,
        // Still going (or its task ended without an answer): the list shows its state.
        _ => return Ok(redirect_flash("/app/linkedin", true, "linkedin-flash-queued", None)),
    };
    Ok(match outcome {
        Outcome::Sent {
            share_id: Some(share_id),
            near_identical,
        } => redirect_flash(
            &format!("/app/feed/{id}?network=linkedin&shared={share_id}"),
            true,
            if near_identical {
                "linkedin-flash-published-similar"
            } else {
                "linkedin-flash-published"
            },
            None,
        ),
        Outcome::Sent { share_id: None, .. } => redirect_flash("/app/linkedin", true, "linkedin-flash-published", None),
        Outcome::WillRetry => redirect_flash("/app/linkedin", true, "linkedin-flash-retrying", None),
        Outcome::Paused => redirect_flash("/app/profile#linkedin", false, "linkedin-flash-reconnect", None),
        Outcome::Failed(_) | Outcome::Unknown => redirect_flash(
            &format!("/app/linkedin/{post_id}"),
            false,
            "linkedin-flash-not-published",
            None,
        ),
    })
}

/// "Schedule": plans the post for the chosen time (in the person's time zone).
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<PublishForm>,
) -> Result<Response> {
    let item = checked_or_answer!(&state, &ctx, &user, id, &f);
    let now = crate::now();
    let Some(due_at) = due_time(&f.at, &user.time_zone, now) else {
        let msg = ctx.t(if f.at.trim().is_empty() {
            "linkedin-error-at-missing"
        } else {
            "linkedin-error-at"
        });
        return share_page_error(&state, &ctx, &user, item, &f.text, &f.at, "at", msg).await;
    };
    let planned = match f.planned.trim().parse::<i64>() {
        Ok(pid) => state
            .store
            .planned_post(pid)
            .await?
            .filter(|p| p.user_id == user.id && p.content_id == Some(item.id) && p.status() == PostStatus::Planned)
            .map(|p| p.id),
        Err(_) => None,
    };
    if let Some(pid) = planned {
        state.store.accept_post(pid, user.id, now).await?;
    }
    let new = NewLinkedInPost {
        user_id: user.id,
        content_id: item.id,
        planned_post_id: planned,
        commentary: f.text.trim().replace("\r\n", "\n"),
        due_at,
    };
    state.store.create_linkedin_post(&new, now).await?;
    state.linkedin_wakeup.notify_one();
    Ok(redirect_flash("/app/linkedin", true, "linkedin-flash-scheduled", None))
}

/// A planned time from the form: in the future (a minute's grace) and within a year.
pub fn due_time(at: &str, tz: &str, now: Millis) -> Option<Millis> {
    service::parse_local_time(at.trim(), tz).filter(|t| *t > now - ambasada_core::MINUTE && *t <= now + MAX_AHEAD)
}
