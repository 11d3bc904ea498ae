//! The calendar's `/api/v1`: the caller's planned posts, planning slots (scope
//! `calendar:write`, coordinators and admins) and a program's realisation. Dates in
//! queries are `YYYY-MM-DD`, inclusive, in the caller's time zone; times in bodies and
//! answers are RFC 3339.

use super::realisation::{PeriodQuery, period, posts_in};
use super::service::{self, GroupBy, SlotRequest, may_plan, zone};
use super::slots::plan;
use super::views::day_start;
use crate::AppState;
use crate::api::rfc3339;
use crate::auth::ApiUser;
use crate::content::service::Problems;
use crate::error::ApiError;
use crate::i18n::Tr;
use crate::input::JsonBody;
use ambasada_core::calendar::DEFAULT_MAX_DAILY_SHARE;
use ambasada_core::{Locale, Millis, Scope};
use ambasada_store::StoreError;
use ambasada_store::calendar::{PlannedPost, Slot};
use ambasada_store::programs::Program;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar", get(my_calendar))
        .route("/calendar/{slot}", put(update).delete(delete))
        .route("/programs/{id}/calendar", post(create))
        .route("/programs/{id}/realisation", get(realisation))
}

fn parse_time(s: Option<&str>) -> Option<Millis> {
    s.and_then(|s| s.trim().parse::<jiff::Timestamp>().ok())
        .map(|t| t.as_millisecond())
}

fn unprocessable(state: &AppState, p: &Problems) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: "The slot is not valid; see errors.".into(),
        errors: Some(p.to_json(&Tr::new(state.i18n.clone(), Locale::En))),
    }
}

/// A planned post as the API shows it.
#[derive(Serialize)]
struct PostView {
    id: i64,
    slot_id: i64,
    program_id: i64,
    starts_at: String,
    ends_at: String,
    network: String,
    content_id: Option<i64>,
    topic: Option<String>,
    status: &'static str,
    skip_reason: Option<String>,
}

fn post_view(p: &PlannedPost, now: Millis) -> PostView {
    PostView {
        id: p.id,
        slot_id: p.slot_id,
        program_id: p.program_id,
        starts_at: rfc3339(p.starts_at),
        ends_at: rfc3339(p.ends_at),
        network: p.network.clone(),
        content_id: p.content_id,
        topic: p.topic.clone(),
        status: service::status_now(p, now).as_str(),
        skip_reason: p.skip_reason.clone(),
    }
}

/// `GET /api/v1/calendar?from=&to=`: the caller's planned posts whose window overlaps the
/// days (default: today and the next 30 days).
async fn my_calendar(
    State(state): State<AppState>,
    api: ApiUser,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let tz = api.user.time_zone.clone();
    let defaults = PeriodQuery {
        from: if q.from.is_empty() {
            super::views::today(&tz).to_string()
        } else {
            q.from.clone()
        },
        to: if q.to.is_empty() {
            (super::views::today(&tz) + 30.days()).to_string()
        } else {
            q.to.clone()
        },
        by: String::new(),
    };
    let (from, to) = period(&defaults, &tz).map_err(bad_period)?;
    let now = crate::now();
    let posts = state
        .store
        .plan_of(api.user.id, day_start(from, &tz), day_start(to + 1.day(), &tz))
        .await?;
    let slots: Vec<PostView> = posts.iter().map(|p| post_view(p, now)).collect();
    Ok(Json(serde_json::json!({ "slots": slots })).into_response())
}

fn bad_period(field: &'static str) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        detail: "Dates are YYYY-MM-DD, `from` not after `to`, at most two years apart.".into(),
        errors: Some(serde_json::json!({ field: "invalid date or range" })),
    }
}

/// A slot as the API shows it.
#[derive(Serialize)]
struct SlotView {
    id: i64,
    program_id: i64,
    starts_at: String,
    ends_at: String,
    network: String,
    content_id: Option<i64>,
    topic: Option<String>,
    audience: String,
    team_id: Option<i64>,
    spread: bool,
    planned_posts: i64,
}

fn slot_view(s: &Slot) -> SlotView {
    SlotView {
        id: s.id,
        program_id: s.program_id,
        starts_at: rfc3339(s.starts_at),
        ends_at: rfc3339(s.ends_at),
        network: s.network.clone(),
        content_id: s.content_id,
        topic: s.topic.clone(),
        audience: s.audience.clone(),
        team_id: s.team_id,
        spread: s.spread != 0,
        planned_posts: s.posts,
    }
}

/// A slot in JSON.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SlotBody {
    content_id: Option<i64>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    network: String,
    starts_at: Option<String>,
    ends_at: Option<String>,
    #[serde(default)]
    audience: Option<String>,
    team_id: Option<i64>,
    #[serde(default)]
    user_ids: Vec<i64>,
    #[serde(default)]
    spread: bool,
    max_daily_share: Option<f64>,
}

impl SlotBody {
    fn request(&self, p: &mut Problems) -> SlotRequest {
        let share = self.max_daily_share.unwrap_or(DEFAULT_MAX_DAILY_SHARE);
        if !(share > 0.0 && share <= 1.0) {
            p.add("max_daily_share", "calendar-error-share");
        }
        let starts_at = parse_time(self.starts_at.as_deref());
        let ends_at = parse_time(self.ends_at.as_deref());
        SlotRequest {
            content_id: self.content_id,
            topic: self.topic.clone().unwrap_or_default(),
            network: self.network.clone(),
            starts_at,
            ends_at,
            audience: self.audience.clone().unwrap_or_else(|| "program".into()),
            team_id: self.team_id,
            user_ids: self.user_ids.clone(),
            spread: self.spread,
            max_daily_share: share,
        }
    }
}

/// The program, when the caller may plan in it (`calendar:write`).
async fn planning(state: &AppState, api: &ApiUser, id: i64) -> Result<Program, ApiError> {
    api.require_scope(Scope::CalendarWrite)?;
    let program = state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    if may_plan(&api.user, &program) {
        Ok(program)
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "You do not plan this program's calendar.",
        ))
    }
}

/// `POST /api/v1/programs/{id}/calendar`: plans a slot; 201 with the slot.
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<SlotBody>,
) -> Result<Response, ApiError> {
    let program = planning(&state, &api, id).await?;
    let mut problems = Problems::default();
    let request = b.request(&mut problems);
    let now = crate::now();
    let (slot, posts) = plan(&state, &program, &request, &api.user.time_zone, now, problems)
        .await?
        .map_err(|p| unprocessable(&state, &p))?;
    let id = state.store.create_slot(&slot.input, &posts, api.user.id, now).await?;
    let slot = state
        .store
        .slot(id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("slot {id} vanished"))?;
    Ok((StatusCode::CREATED, Json(slot_view(&slot))).into_response())
}

/// A slot the caller may change: not deleted, in a program they plan.
async fn own_slot(state: &AppState, api: &ApiUser, id: i64) -> Result<(Slot, Program), ApiError> {
    api.require_scope(Scope::CalendarWrite)?;
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, "No such slot.");
    let slot = state
        .store
        .slot(id)
        .await?
        .filter(|s| s.deleted_at.is_none())
        .ok_or_else(not_found)?;
    let program = planning(state, api, slot.program_id).await?;
    Ok((slot, program))
}

/// `PUT /api/v1/calendar/{slot}`: changes the subject, network or window.
async fn update(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<SlotBody>,
) -> Result<Response, ApiError> {
    let (slot, program) = own_slot(&state, &api, id).await?;
    let mut problems = Problems::default();
    let mut request = b.request(&mut problems);
    request.audience = slot.audience.clone();
    request.spread = slot.spread != 0;
    let now = crate::now();
    let checked = match service::check_slot(&state, &program, &request, now).await? {
        Ok(c) if problems.is_empty() => c,
        other => {
            problems.0.extend(other.err().into_iter().flat_map(|p| p.0));
            return Err(unprocessable(&state, &problems));
        }
    };
    state
        .store
        .update_slot(id, &checked.input, slot.spread == 0, api.user.id, now)
        .await?;
    let slot = state
        .store
        .slot(id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("slot {id} vanished"))?;
    Ok(Json(slot_view(&slot)).into_response())
}

/// `DELETE /api/v1/calendar/{slot}`: 204.
async fn delete(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    own_slot(&state, &api, id).await?;
    match state.store.delete_slot(id, api.user.id, crate::now()).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(StoreError::NotFound) => Err(ApiError::new(StatusCode::NOT_FOUND, "No such slot.")),
        Err(e) => Err(e.into()),
    }
}

/// `GET /api/v1/programs/{id}/realisation?from=&to=&by=ambassador|team|week`.
async fn realisation(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    let program = state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    if !may_plan(&api.user, &program) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "Not one of your programs."));
    }
    let by = match q.by.as_str() {
        "" => None,
        s => Some(
            GroupBy::parse(s)
                .filter(|g| *g != GroupBy::Month)
                .ok_or_else(|| ApiError {
                    status: StatusCode::BAD_REQUEST,
                    detail: "`by` is ambassador, team or week.".into(),
                    errors: Some(serde_json::json!({ "by": "unknown grouping" })),
                })?,
        ),
    };
    let tz = api.user.time_zone.clone();
    let days = period(&q, &tz).map_err(bad_period)?;
    let now = crate::now();
    let posts = posts_in(&state, id, days, &tz).await?;
    let total = service::total(&posts, now);
    let mut body = serde_json::json!({
        "program_id": id,
        "from": days.0.to_string(),
        "to": days.1.to_string(),
        "planned": total.planned,
        "done": total.done,
        "missed": total.missed,
        "skipped": total.skipped,
        "rate": total.rate(),
    });
    if let Some(by) = by {
        let people: Vec<i64> = posts.iter().map(|p| p.user_id).collect();
        let teams = state.store.teams_of_people(&people).await?;
        let rows = service::breakdown(&posts, by, &teams, &zone(&tz), "(no team)", now);
        body["rows"] = serde_json::to_value(rows).map_err(anyhow::Error::from)?;
    }
    Ok(Json(body).into_response())
}
