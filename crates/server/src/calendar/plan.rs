//! The ambassador's plan: what is due today and this week, what comes next and what was
//! decided lately; accept, skip with a reason, move to another day, and one tap to the
//! share screen of a planned post.

use super::service::zone;
use super::views::{day_start, today};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::calendar::{PostStatus, WORK_END_HOUR, WORK_START_HOUR};
use ambasada_core::{DAY, HOUR, Millis};
use ambasada_store::calendar::PlannedPost;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use jiff::ToSpan;
use serde::Deserialize;

/// Moved posts may go at most this far past their slot's window.
const MOVE_PAST_WINDOW: Millis = 7 * DAY;

#[derive(Template)]
#[template(path = "calendar/plan.html")]
struct PlanTemplate<'a> {
    p: &'a Ctx,
    today: Vec<PlannedPost>,
    week: Vec<PlannedPost>,
    later: Vec<PlannedPost>,
    recent: Vec<PlannedPost>,
    /// The post whose skip or move form was refused, with the input and errors.
    refused: Option<(i64, ActionForm, FieldErrors)>,
    today_iso: String,
}

impl PlanTemplate<'_> {
    fn when(&self, at: &Millis) -> String {
        self.p.when(at)
    }
    fn day_of(&self, at: &Millis) -> String {
        let tz = self.p.user.as_ref().map_or("Europe/Warsaw", |u| u.time_zone.as_str());
        ambasada_core::calendar::date_in(*at, &zone(tz))
            .map(|d| d.to_string())
            .unwrap_or_default()
    }
    fn error(&self, post: &i64, field: &str) -> Option<String> {
        self.refused
            .as_ref()
            .filter(|(id, ..)| id == post)
            .and_then(|(_, _, e)| e.get(field).cloned())
    }
    fn typed(&self, post: &i64, field: &str) -> String {
        self.refused
            .as_ref()
            .filter(|(id, ..)| id == post)
            .map(|(_, f, _)| {
                if field == "reason" {
                    f.reason.clone()
                } else {
                    f.date.clone()
                }
            })
            .unwrap_or_default()
    }
}

async fn plan_template<'a>(state: &AppState, ctx: &'a Ctx, user: &CurrentUser) -> Result<PlanTemplate<'a>> {
    let tz = &user.time_zone;
    let now = crate::now();
    let today = today(tz);
    let tomorrow = day_start(today + 1.day(), tz);
    let week_end = day_start(today + (7 - today.weekday().to_monday_zero_offset() as i64).days(), tz);
    let posts = state.store.plan_of(user.id, now - 14 * DAY, now + 35 * DAY).await?;
    let mut t = PlanTemplate {
        p: ctx,
        today: Vec::new(),
        week: Vec::new(),
        later: Vec::new(),
        recent: Vec::new(),
        refused: None,
        today_iso: today.to_string(),
    };
    for post in posts {
        let status = super::service::status_now(&post, now);
        if status != PostStatus::Planned {
            t.recent.push(post);
        } else if post.starts_at < tomorrow {
            t.today.push(post);
        } else if post.starts_at < week_end {
            t.week.push(post);
        } else {
            t.later.push(post);
        }
    }
    t.recent.reverse();
    Ok(t)
}

/// `GET /app/plan`.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    render(&plan_template(&state, &ctx, &user).await?)
}

/// One of the person's own planned posts; anyone else's is not found.
async fn own_post(state: &AppState, user: &CurrentUser, id: i64) -> Result<PlannedPost> {
    state
        .store
        .planned_post(id)
        .await?
        .filter(|p| p.user_id == user.id)
        .ok_or(AppError::NotFound)
}

/// `GET /app/plan/{id}/open`: the share screen of a planned post (the item's, on the
/// planned network), or the "write your own" form with the topic for a free topic.
/// A coordinator following a program feed's link lands on the slot's page instead.
pub async fn open(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let post = state.store.planned_post(id).await?.ok_or(AppError::NotFound)?;
    if post.user_id != user.id {
        let program = state.store.program(post.program_id).await?.ok_or(AppError::NotFound)?;
        if !super::service::may_plan(&user, &program) {
            return Err(AppError::NotFound);
        }
        return Ok(Redirect::to(&format!("/app/calendar/slots/{}", post.slot_id)).into_response());
    }
    let to = match post.content_id {
        Some(item) => format!("/app/feed/{item}?network={}", post.network),
        None => {
            let q = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("network", &post.network)
                .append_pair("topic", post.topic.as_deref().unwrap_or(""))
                .finish();
            format!("/app/shares?{q}#own")
        }
    };
    Ok(Redirect::to(&to).into_response())
}

/// `POST /app/plan/{id}/accept`.
pub async fn accept(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    own_post(&state, &user, id).await?;
    match state.store.accept_post(id, user.id, crate::now()).await {
        Ok(()) => Ok(redirect_flash("/app/plan", true, "flash-plan-accepted", None)),
        Err(ambasada_store::StoreError::NotFound) => Ok(redirect_flash("/app/plan", false, "error-plan-decided", None)),
        Err(e) => Err(e.into()),
    }
}

/// The skip and move forms.
#[derive(Deserialize, Default, Clone)]
pub struct ActionForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    date: String,
}

async fn refuse(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    form: ActionForm,
    field: &'static str,
    key: &str,
) -> Result<Response> {
    let mut t = plan_template(state, ctx, user).await?;
    let mut e = FieldErrors::default();
    e.add(field, ctx.t(key));
    t.refused = Some((id, form, e));
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

/// `POST /app/plan/{id}/skip`: a reason is required.
pub async fn skip(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Result<Response> {
    own_post(&state, &user, id).await?;
    let reason = f.reason.trim();
    if reason.is_empty() {
        return refuse(&state, &ctx, &user, id, f, "reason", "error-required").await;
    }
    if reason.chars().count() > 300 {
        return refuse(&state, &ctx, &user, id, f, "reason", "error-too-long").await;
    }
    if let Err(e) = ambasada_core::text::check_lines(reason) {
        return refuse(&state, &ctx, &user, id, f, "reason", e.key()).await;
    }
    match state.store.skip_post(id, user.id, reason, crate::now()).await {
        Ok(()) => Ok(redirect_flash("/app/plan", true, "flash-plan-skipped", None)),
        Err(ambasada_store::StoreError::NotFound) => Ok(redirect_flash("/app/plan", false, "error-plan-decided", None)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /app/plan/{id}/move`: to the working hours of another day in the person's time
/// zone, from today to a week after the slot's window.
pub async fn move_post(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> Result<Response> {
    let post = own_post(&state, &user, id).await?;
    let slot = state
        .store
        .slot(post.slot_id)
        .await?
        .filter(|s| s.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let tz = user.time_zone.clone();
    let Some(day) = super::views::parse_date(&f.date) else {
        return refuse(&state, &ctx, &user, id, f, "date", "calendar-error-date").await;
    };
    let start = day_start(day, &tz) + WORK_START_HOUR as i64 * HOUR;
    let end = day_start(day, &tz) + WORK_END_HOUR as i64 * HOUR;
    let latest = slot.ends_at + MOVE_PAST_WINDOW;
    if day < today(&tz) || start > latest {
        return refuse(&state, &ctx, &user, id, f, "date", "calendar-error-move-range").await;
    }
    let expires = match slot.content_id {
        Some(item) => state.store.content_item(item).await?.and_then(|i| i.expires_at),
        None => None,
    };
    if expires.is_some_and(|x| x < start + HOUR) {
        return refuse(&state, &ctx, &user, id, f, "date", "calendar-error-item-expires").await;
    }
    let end = expires.map_or(end, |x| x.min(end));
    match state.store.move_post(id, user.id, start, end, crate::now()).await {
        Ok(()) => Ok(redirect_flash(
            "/app/plan",
            true,
            "flash-plan-moved",
            Some(&day.to_string()),
        )),
        Err(ambasada_store::StoreError::NotFound) => Ok(redirect_flash("/app/plan", false, "error-plan-decided", None)),
        Err(e) => Err(e.into()),
    }
}
