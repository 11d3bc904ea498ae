//! iCalendar feeds of the plan (C8): `GET /cal/{token}.ics`, a private URL per person
//! (their planned posts) and per program (every planned post of it, for its
//! coordinator), revocable from the profile and the program page.
//!
//! The token is signed (`core::feeds::feed_token`) with a key kept in the settings and
//! carries the feed's version; revoking raises the version, which ends every URL made
//! before. Anything but a current token answers a plain 404: calendar apps are not
//! browsers, and a wrong URL must not tell whether the person or program exists. The
//! feed is served outside the page middleware ([`feed_routes`]): no session, no cookie.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::redirect_flash;
use ambasada_core::calendar::PostStatus;
use ambasada_core::calendar::feeds::{self, Feed, FeedEvent, FeedOwner};
use ambasada_core::{Locale, Network};
use ambasada_store::calendar::PlannedPost;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// The setting that holds the key of feed tokens (shared by every instance).
const KEY_SETTING: &str = "calendar_feed_key";

/// Revoking feeds: page routes (session and CSRF).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/profile/calendar-feed/revoke", post(revoke_own))
        .route("/app/programs/{id}/calendar-feed/revoke", post(revoke_program))
}

/// The feeds themselves, for the router outside the page middleware.
pub fn feed_routes() -> Router<AppState> {
    Router::new().route("/cal/{file}", get(feed))
}

async fn key(state: &AppState) -> anyhow::Result<String> {
    Ok(state.store.setting_or_init(KEY_SETTING, crate::auth::new_token).await?)
}

/// The current absolute URL of a feed.
pub async fn feed_url(state: &AppState, owner: FeedOwner, id: i64) -> anyhow::Result<String> {
    let version = state.store.calendar_feed_version(owner.as_str(), id).await?;
    let token = feeds::feed_token(key(state).await?.as_bytes(), owner, id, version);
    Ok(format!("{}/cal/{token}.ics", state.config.base_url))
}

/// A person revokes their feed URL: the old one stops working, the profile shows a new one.
async fn revoke_own(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    state
        .store
        .revoke_calendar_feed(FeedOwner::User.as_str(), user.id)
        .await?;
    state
        .store
        .audit(Some(user.id), "calendar_feed.revoke", &user.email, crate::now())
        .await?;
    Ok(redirect_flash(
        "/app/profile#calendar-feed",
        true,
        "flash-calendar-feed-revoked",
        None,
    ))
}

/// A coordinator (of this program) or an admin revokes the program's feed URL.
async fn revoke_program(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if !super::service::may_plan(&user, &program) {
        return Err(AppError::Forbidden);
    }
    state
        .store
        .revoke_calendar_feed(FeedOwner::Program.as_str(), id)
        .await?;
    state
        .store
        .audit(Some(user.id), "calendar_feed.revoke", &program.name, crate::now())
        .await?;
    Ok(redirect_flash(
        &format!("/app/programs/{id}#calendar-feed"),
        true,
        "flash-calendar-feed-revoked",
        None,
    ))
}

fn plain(status: StatusCode, body: &'static str) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /cal/{token}.ics`.
async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match answer(&state, &file).await {
        Ok(Some(body)) => {
            let mut res = body.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            // The URL is the secret: neither shared caches nor the browser keep a copy.
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"ambasada.ics\""),
            );
            res
        }
        Ok(None) => plain(StatusCode::NOT_FOUND, "Not found\n"),
        Err(e) => {
            tracing::error!(error = ?e, "calendar feed failed");
            plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error\n")
        }
    }
}

/// The feed's text, or `None` when the token is not a current one.
async fn answer(state: &AppState, file: &str) -> anyhow::Result<Option<String>> {
    let Some(token) = file.strip_suffix(".ics") else {
        return Ok(None);
    };
    let Some((owner, id, version)) = feeds::parse_feed_token(key(state).await?.as_bytes(), token) else {
        return Ok(None);
    };
    if state.store.calendar_feed_version(owner.as_str(), id).await? != version {
        return Ok(None);
    }
    let now = crate::now();
    let (from, to) = (now - feeds::FEED_PAST, now + feeds::FEED_AHEAD);
    // The language of the feed, its planned posts, and the program of a program feed.
    let (locale, posts, program) = match owner {
        FeedOwner::User => {
            let Some(user) = state.store.user(id).await?.filter(|u| u.is_active()) else {
                return Ok(None);
            };
            (user.locale, state.store.plan_of(id, from, to).await?, None)
        }
        FeedOwner::Program => {
            let Some(program) = state.store.program(id).await? else {
                return Ok(None);
            };
            // In the coordinator's language: the feed is theirs.
            let locale = match program.coordinator_id {
                Some(c) => state.store.user(c).await?.map(|u| u.locale).unwrap_or_default(),
                None => Locale::default(),
            };
            let posts = state.store.program_plan(Some(id), from, to).await?;
            (locale, posts, Some(program.name))
        }
    };
    let tr = Tr::new(state.i18n.clone(), locale);
    let host = url::Url::parse(&state.config.base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "ambasada".into());
    let events = posts
        .iter()
        .filter(|p| p.status() != PostStatus::Skipped)
        .map(|p| event(state, &tr, &host, p, program.is_some()))
        .collect();
    let name = match &program {
        Some(name) => tr.a1("calendar-feed-name-program", "program", name),
        None => tr.t("calendar-feed-name"),
    };
    let feed = Feed {
        prodid: "-//Ambasada//Publication calendar//EN".into(),
        name,
        // Whole seconds: DTSTAMP has no fractions.
        stamp: now - now.rem_euclid(1000),
        events,
    };
    Ok(Some(feeds::write_calendar(&feed)))
}

/// One planned post as an event.
fn event(state: &AppState, tr: &Tr, host: &str, p: &PlannedPost, with_person: bool) -> FeedEvent {
    let network = Network::parse(&p.network).map(|n| n.label()).unwrap_or("");
    let summary = if with_person {
        tr.a(
            "calendar-feed-summary-person",
            &[("name", &p.user_name), ("network", network), ("subject", p.subject())],
        )
    } else {
        tr.a(
            "calendar-feed-summary",
            &[("network", network), ("subject", p.subject())],
        )
    };
    let status = tr.t(match p.status() {
        PostStatus::Done => "calendar-feed-status-done",
        PostStatus::Missed => "calendar-feed-status-missed",
        PostStatus::Skipped => "calendar-feed-status-skipped",
        PostStatus::Planned => "calendar-feed-status-planned",
    });
    let url = format!("{}/app/plan/{}/open", state.config.base_url, p.id);
    let description = tr.a(
        "calendar-feed-description",
        &[("status", &status), ("program", &p.program_name), ("link", &url)],
    );
    FeedEvent {
        uid: format!("planned-post-{}@{host}", p.id),
        starts_at: p.starts_at,
        ends_at: p.ends_at,
        alarm: summary.clone(),
        summary,
        description,
        url,
    }
}
