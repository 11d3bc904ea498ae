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
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(my_calendar))
        .routes(routes!(update, delete))
        .routes(routes!(create))
        .routes(routes!(realisation))
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

/// A planned post as the API shows it: one person's share of a slot.
#[derive(Serialize, ToSchema)]
struct PlannedPostView {
    id: i64,
    /// The slot it was planned from.
    slot_id: i64,
    program_id: i64,
    /// The window to share in (RFC 3339).
    starts_at: String,
    ends_at: String,
    /// `linkedin`, `x`, `facebook` or `xing`.
    network: String,
    /// The content item to share; `null` for a topic to write about.
    content_id: Option<i64>,
    /// The topic to write about; `null` for an item.
    topic: Option<String>,
    /// `planned`, `done`, `missed` or `skipped` (a planned post past its deadline is
    /// `missed`).
    #[schema(pattern = "^(planned|done|missed|skipped)$")]
    status: &'static str,
    /// Why the person skipped it; `null` unless skipped with a reason.
    skip_reason: Option<String>,
}

/// The caller's planned posts.
#[derive(Serialize, ToSchema)]
struct PlanList {
    slots: Vec<PlannedPostView>,
}

/// The days of the caller's plan to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct CalendarQuery {
    /// The first day, `YYYY-MM-DD` in the caller's time zone; default today.
    #[serde(default)]
    from: String,
    /// The last day (included), `YYYY-MM-DD`; default 30 days after today. Not before
    /// `from`, at most 732 days after it.
    #[serde(default)]
    to: String,
}

fn post_view(p: &PlannedPost, now: Millis) -> PlannedPostView {
    PlannedPostView {
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

/// The caller's planned posts.
///
/// The planned posts whose window overlaps the days asked for (default: today and the
/// next 30 days), in the caller's time zone. Anyone with a token that may read content.
#[utoipa::path(
    get,
    path = "/calendar",
    tag = "calendar",
    operation_id = "my_calendar",
    security(("token" = ["content:read"])),
    params(CalendarQuery),
    responses(
        (status = 200, description = "The planned posts, by their window's start.", body = PlanList),
        (status = 400, description = "`from` or `to` is not a `YYYY-MM-DD` date, `to` is before `from`, or they are more than two years apart; `errors` names the field.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn my_calendar(
    State(state): State<AppState>,
    api: ApiUser,
    Query(q): Query<CalendarQuery>,
) -> Result<Json<PlanList>, ApiError> {
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
    let slots: Vec<PlannedPostView> = posts.iter().map(|p| post_view(p, now)).collect();
    Ok(Json(PlanList { slots }))
}

fn bad_period(field: &'static str) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        detail: "Dates are YYYY-MM-DD, `from` not after `to`, at most two years apart.".into(),
        errors: Some(serde_json::json!({ field: "invalid date or range" })),
    }
}

/// A slot as the API shows it: what to share, on which network, when, and for whom.
#[derive(Serialize, ToSchema)]
struct CalendarSlotView {
    id: i64,
    program_id: i64,
    /// The window (RFC 3339).
    starts_at: String,
    ends_at: String,
    /// `linkedin`, `x`, `facebook` or `xing`.
    network: String,
    /// The content item to share; `null` for a topic.
    content_id: Option<i64>,
    /// The topic to write about; `null` for an item.
    topic: Option<String>,
    /// `program` (every member), `team` or `people` (those named).
    audience: String,
    /// The team, for the audience `team`.
    team_id: Option<i64>,
    /// Whether the posts are spread over the window's working days, one per person.
    spread: bool,
    /// How many planned posts the slot made.
    planned_posts: i64,
}

fn slot_view(s: &Slot) -> CalendarSlotView {
    CalendarSlotView {
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

/// A slot in JSON. A change (`PUT`) takes the subject, the network and the window;
/// the audience, the spreading and the people stay as planned (`audience`, `team_id`,
/// `user_ids` and `spread` are ignored there).
#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
struct CalendarSlotBody {
    /// A content item to share: approved or published, and meant for the program.
    /// Either this or `topic`.
    content_id: Option<i64>,
    /// A topic to write about, at most 200 characters on one line. Either this or
    /// `content_id`.
    #[serde(default)]
    topic: Option<String>,
    /// `linkedin`, `x`, `facebook` or `xing`.
    #[serde(default)]
    network: String,
    /// The window's start, RFC 3339 (`2026-11-26T09:00:00+01:00`); not more than two
    /// years ahead, and not before the item is available.
    starts_at: Option<String>,
    /// The window's end, RFC 3339: after the start, in the future, at most 62 days after
    /// the start (cut at the item's expiry, which must be at least an hour after the start).
    ends_at: Option<String>,
    /// Whom the slot is for: `program` (every current member, the default), `team`
    /// (with `team_id`) or `people` (with `user_ids`, who must be members). An item meant
    /// for some teams is planned only for their members.
    #[serde(default)]
    audience: Option<String>,
    /// The team, for the audience `team`.
    team_id: Option<i64>,
    /// The people, for the audience `people`.
    #[serde(default)]
    user_ids: Vec<i64>,
    /// Spread the posts over the window's working days, one per person, rather than
    /// giving everyone the whole window.
    #[serde(default)]
    spread: bool,
    /// When spread, at most this share of the people on one day: more than 0, at most 1;
    /// default 0.2.
    max_daily_share: Option<f64>,
}

impl CalendarSlotBody {
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

/// Plans a slot in a program's calendar.
///
/// A planned post is made for each person of the slot's audience: the whole window for
/// everyone, or, spread, one working day each. The program's coordinator and admins.
#[utoipa::path(
    post,
    path = "/programs/{id}/calendar",
    tag = "calendar",
    operation_id = "create_calendar_slot",
    security(("token" = ["calendar:write"])),
    params(("id" = i64, Path, description = "The program's id.")),
    request_body = CalendarSlotBody,
    responses((status = 201, description = "The slot.", body = CalendarSlotView)),
)]
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<CalendarSlotBody>,
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

/// Changes a slot.
///
/// Its subject, network or window; the open posts of a slot that is not spread move
/// with it. The audience and the spreading stay. The program's coordinator and admins.
#[utoipa::path(
    put,
    path = "/calendar/{slot}",
    tag = "calendar",
    operation_id = "update_calendar_slot",
    security(("token" = ["calendar:write"])),
    params(("slot" = i64, Path, description = "The slot's id.")),
    request_body = CalendarSlotBody,
    responses((status = 200, description = "The slot as changed.", body = CalendarSlotView)),
)]
async fn update(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    JsonBody(b): JsonBody<CalendarSlotBody>,
) -> Result<Json<CalendarSlotView>, ApiError> {
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
    Ok(Json(slot_view(&slot)))
}

/// Deletes a slot.
///
/// The slot and its open planned posts go; posts already done or skipped keep their
/// outcome. The program's coordinator and admins.
#[utoipa::path(
    delete,
    path = "/calendar/{slot}",
    tag = "calendar",
    operation_id = "delete_calendar_slot",
    security(("token" = ["calendar:write"])),
    params(("slot" = i64, Path, description = "The slot's id.")),
    responses((status = 204, description = "Deleted.")),
)]
async fn delete(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    own_slot(&state, &api, id).await?;
    match state.store.delete_slot(id, api.user.id, crate::now()).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(StoreError::NotFound) => Err(ApiError::new(StatusCode::NOT_FOUND, "No such slot.")),
        Err(e) => Err(e.into()),
    }
}

/// The period and breakdown of a program's plan realisation.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct RealisationQuery {
    /// The first day, `YYYY-MM-DD` in the caller's time zone; default 30 days before today.
    #[serde(default)]
    from: String,
    /// The last day (included), `YYYY-MM-DD`; default 6 days after today. Not before
    /// `from`, at most 732 days after it.
    #[serde(default)]
    to: String,
    /// A breakdown in `rows`: `ambassador`, `team` or `week`; none when empty.
    #[serde(default)]
    #[param(pattern = "^(|ambassador|team|week)$")]
    by: String,
}

/// Plan realisation over the days of a period.
#[derive(Serialize, ToSchema)]
struct RealisationView {
    program_id: i64,
    /// The first and last days (`YYYY-MM-DD`, included).
    from: String,
    to: String,
    /// The planned posts whose window ends in the period, skipped ones included.
    planned: i64,
    done: i64,
    missed: i64,
    skipped: i64,
    /// Done over done and missed, from 0 to 1; `null` while nothing is due.
    rate: Option<f64>,
    /// Only with `by`: one row per ambassador, team or ISO week.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    rows: Option<Vec<RealisationRowView>>,
}

/// One row of a realisation breakdown.
#[derive(Serialize, ToSchema)]
struct RealisationRowView {
    /// The person's or the team's id (`~` for people in no team), or the ISO week
    /// (`2026-W49`).
    key: String,
    /// The person's or the team's name (`(no team)`), or the week.
    label: String,
    /// The group's planned posts, skipped ones included.
    planned: i64,
    done: i64,
    missed: i64,
    skipped: i64,
    /// Done over done and missed, from 0 to 1; `null` while nothing is due.
    rate: Option<f64>,
}

/// A program's plan realisation.
///
/// The planned posts whose window ends in the period that were done, missed or skipped,
/// and with `by` the same per ambassador, team or week. The program's coordinator and
/// admins.
#[utoipa::path(
    get,
    path = "/programs/{id}/realisation",
    tag = "calendar",
    operation_id = "program_realisation",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The program's id."), RealisationQuery),
    responses(
        (status = 200, description = "The realisation.", body = RealisationView),
        (status = 400, description = "`by` is not `ambassador`, `team` or `week`, or `from`/`to` is not a `YYYY-MM-DD` date, `to` is before `from`, or they are more than two years apart; `errors` names the field.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn realisation(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<RealisationQuery>,
) -> Result<Json<RealisationView>, ApiError> {
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
    let asked = PeriodQuery {
        from: q.from,
        to: q.to,
        by: q.by,
    };
    let days = period(&asked, &tz).map_err(bad_period)?;
    let now = crate::now();
    let posts = posts_in(&state, id, days, &tz).await?;
    let total = service::total(&posts, now);
    let rows = match by {
        Some(by) => {
            let people: Vec<i64> = posts.iter().map(|p| p.user_id).collect();
            let teams = state.store.teams_of_people(&people).await?;
            let rows = service::breakdown(&posts, by, &teams, &zone(&tz), "(no team)", now);
            Some(
                rows.into_iter()
                    .map(|r| RealisationRowView {
                        key: r.key,
                        label: r.label,
                        planned: r.numbers.planned,
                        done: r.numbers.done,
                        missed: r.numbers.missed,
                        skipped: r.numbers.skipped,
                        rate: r.rate,
                    })
                    .collect(),
            )
        }
        None => None,
    };
    Ok(Json(RealisationView {
        program_id: id,
        from: days.0.to_string(),
        to: days.1.to_string(),
        planned: total.planned,
        done: total.done,
        missed: total.missed,
        skipped: total.skipped,
        rate: total.rate(),
        rows,
    }))
}
