//! The coordinator's anti-gaming review of a program (C10), at
//! `/app/programs/{id}/points/review`: over the last 30 days (from a UTC midnight, so
//! each day is whole), links with many clicks from
//! few visitors and people whose shares lack a post URL (the rules are in
//! `core::rewards::review`), with counts. From a flagged link the coordinator may count
//! its repeated clicks as bots; the points they earned are corrected by new negative rows.

use super::awarding::clicks_corrected;
use super::points_rules::managed;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::rewards::review::{self, SUSPICIOUS_CLICKS_PER_VISITOR, review_since};
use ambasada_store::programs::Program;
use ambasada_store::rewards::review::LinkClicks;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/programs/{id}/points/review", get(page))
        .route(
            "/app/programs/{id}/points/review/links/{link}/bots",
            post(count_as_bots),
        )
}

/// A flagged link as the review shows it.
struct LinkRow {
    link: LinkClicks,
    /// Clicks per unique visitor, one decimal.
    per_visitor: String,
}

impl std::ops::Deref for LinkRow {
    type Target = LinkClicks;
    fn deref(&self) -> &LinkClicks {
        &self.link
    }
}

/// A person with shares lacking a post URL.
struct PersonRow {
    name: String,
    shares: i64,
    without_post_url: i64,
    /// Most of their shares lack one.
    flagged: bool,
}

#[derive(Template)]
#[template(path = "rewards/points_review.html")]
struct ReviewTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    links: Vec<LinkRow>,
    people: Vec<PersonRow>,
    flagged_people: usize,
    ratio: i64,
}

/// At most this many people with shares without a post URL are listed (most such shares
/// first).
const UNVERIFIED_SHOWN: i64 = 200;

/// `GET /app/programs/{id}/points/review`.
async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let since = review_since(crate::now());
    let links: Vec<LinkRow> = state
        .store
        .link_clicks(
            id,
            since,
            review::MIN_CLICKS_TO_REVIEW,
            review::SUSPICIOUS_CLICKS_PER_VISITOR,
        )
        .await?
        .into_iter()
        .filter(|l| review::many_clicks_from_few_visitors(l.clicks, l.visitors))
        .map(|link| LinkRow {
            per_visitor: format!("{:.1}", link.clicks as f64 / link.visitors.max(1) as f64),
            link,
        })
        .collect();
    let people: Vec<PersonRow> = state
        .store
        .unverified_shares(id, since, UNVERIFIED_SHOWN)
        .await?
        .into_iter()
        .map(|r| PersonRow {
            flagged: review::mostly_unverified(r.without_post_url, r.shares),
            name: r.name,
            shares: r.shares,
            without_post_url: r.without_post_url,
        })
        .collect();
    render(&ReviewTemplate {
        p: &ctx,
        program,
        flagged_people: people.iter().filter(|r| r.flagged).count(),
        links,
        people,
        ratio: SUSPICIOUS_CLICKS_PER_VISITOR,
    })
}

/// `POST /app/programs/{id}/points/review/links/{link}/bots`: counts as bots the clicks
/// of the link's visitors with more than the threshold in a day (last 30 days) and
/// corrects the points of every awarded day to what its remaining visitors earn, in one
/// transaction; done again, it takes back only what is still due.
async fn count_as_bots(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    if !state.store.link_in_program(link, id).await? {
        return Err(AppError::NotFound);
    }
    let now = crate::now();
    let r = state
        .store
        .reclassify_repeat_visitors(link, review_since(now), SUSPICIOUS_CLICKS_PER_VISITOR, now)
        .await?;
    if let Err(e) = clicks_corrected(&state, &r).await {
        tracing::warn!(error = ?e, link, "click correction notification not stored");
    }
    let (changed, withdrawn) = (r.clicks, r.withdrawn);
    let subject = format!("{}: link {link}, {changed} clicks, -{withdrawn} points", program.name);
    state.store.audit(Some(user.id), "points.bots", &subject, now).await?;
    Ok(redirect_flash(
        &format!("/app/programs/{id}/points/review"),
        true,
        "flash-points-bots",
        Some(&changed.to_string()),
    ))
}
