//! The reviews' `/api/v1`: `GET /programs/{id}/reviews` (`{"reviews": [...]}`, the latest
//! period first) and `GET /reviews/{id}` (the document: numbers, goals, top lists, health
//! changes, decisions with owner, due date and done, attendance). The program's
//! coordinator and admins read every review with a `reports:read` token (attendance by
//! name); its members read published ones with `content:read` (attendance as a count).

use super::reviews::{self as service, Access, may_read, snapshot_of};
use crate::AppState;
use crate::api::rfc3339;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::Scope;
use ambasada_core::reports::period::format_day;
use ambasada_core::reports::review::{self, Numbers, Snapshot};
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::{Decision, Review};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new().routes(routes!(list)).routes(routes!(show))
}

/// The access of the caller to the program, checked against the token's scopes:
/// managers need `reports:read`, members `content:read`.
async fn allowed(state: &AppState, api: &ApiUser, program: &Program) -> Result<Access, ApiError> {
    let a = service::access(state, &api.user, program)
        .await
        .map_err(crate::error::AppError::from)?;
    let manager = a.manager && api.require_scope(Scope::ReportsRead).is_ok();
    let member = a.member && api.require_scope(Scope::ContentRead).is_ok();
    match (manager || member, a.any()) {
        (true, _) => Ok(Access { member, manager }),
        (false, true) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "The token lacks the scope: reports:read for coordinators, content:read for members.",
        )),
        (false, false) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only the program's members, its coordinator and admins read its reviews.",
        )),
    }
}

async fn program(state: &AppState, id: i64) -> Result<Program, ApiError> {
    state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))
}

/// Declares a struct with the fields of a review's summary (before its own fields), so
/// that the list's entries and the whole review have the same fields, described once.
macro_rules! with_summary {
    ($(#[$meta:meta])* struct $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Serialize, ToSchema)]
        struct $name {
            id: i64,
            program_id: i64,
            /// The period's key: `2026-11` (monthly), `2026-Q4` (quarterly), `2026-W47`
            /// (weekly) or `2026-W47-W48` (biweekly).
            period: String,
            /// The program's review cadence when the review was made: `weekly`,
            /// `biweekly`, `monthly` or `quarterly`.
            cadence: String,
            /// The period's first and last days (`YYYY-MM-DD`, included).
            first_day: String,
            last_day: String,
            /// `draft` or `published`.
            #[schema(pattern = "^(draft|published)$")]
            status: String,
            /// When it was published (RFC 3339); `null` for a draft.
            published_at: Option<String>,
            $($(#[$fmeta])* $field: $ty,)*
        }
    };
}

with_summary! {
    /// A review in a list.
    struct ReviewSummary {}
}

impl ReviewSummary {
    fn new(r: &Review) -> ReviewSummary {
        ReviewSummary {
            id: r.id,
            program_id: r.program_id,
            period: r.period_key.clone(),
            cadence: r.cadence.clone(),
            first_day: format_day(r.first_day),
            last_day: format_day(r.last_day),
            status: r.status.clone(),
            published_at: r.published_at.map(rfc3339),
        }
    }
}

/// A program's reviews.
#[derive(Serialize, ToSchema)]
struct ReviewList {
    /// The latest period first.
    reviews: Vec<ReviewSummary>,
}

/// A program's reviews.
///
/// The latest period first: every review for the program's coordinator and admins (with
/// `reports:read`), the published ones for its members (with `content:read`).
#[utoipa::path(
    get,
    path = "/programs/{id}/reviews",
    tag = "reports",
    operation_id = "list_reviews",
    security(("token" = ["reports:read"]), ("token" = ["content:read"])),
    params(("id" = i64, Path, description = "The program's id.")),
    responses((status = 200, description = "The reviews.", body = ReviewList)),
)]
async fn list(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Json<ReviewList>, ApiError> {
    let program = program(&state, id).await?;
    let a = allowed(&state, &api, &program).await?;
    let reviews = state
        .store
        .program_reviews(program.id, a.manager)
        .await?
        .iter()
        .map(ReviewSummary::new)
        .collect();
    Ok(Json(ReviewList { reviews }))
}

/// A period's headline numbers, as taken for the review.
#[derive(Serialize, ToSchema)]
struct ReviewNumbers {
    /// Ambassadors who were members at some time in the period.
    enrolled: i64,
    /// People with at least one share in the program in the period.
    active_ambassadors: i64,
    /// Active over enrolled, from 0 to 1; `null` with nobody enrolled.
    participation_rate: Option<f64>,
    shares: i64,
    personalised_shares: i64,
    /// Human clicks (bots excluded).
    clicks: i64,
    unique_visitors: i64,
    conversions: i64,
    applications: i64,
    hires: i64,
    reach_estimate: i64,
    /// Estimated earned media value, in PLN to the grosz.
    emv_estimate: f64,
    /// Planned posts done over those due, from 0 to 1; `null` while nothing is due.
    plan_realisation: Option<f64>,
    /// The eNPS of the last survey closed before the period ended; `null` without one.
    enps: Option<i64>,
}

impl ReviewNumbers {
    fn new(n: &Numbers) -> ReviewNumbers {
        ReviewNumbers {
            enrolled: n.enrolled,
            active_ambassadors: n.active_ambassadors,
            participation_rate: n.participation_rate(),
            shares: n.shares,
            personalised_shares: n.personalised,
            clicks: n.clicks,
            unique_visitors: n.visitors,
            conversions: n.conversions,
            applications: n.applications,
            hires: n.hires,
            reach_estimate: n.reach_estimate,
            emv_estimate: n.emv_estimate_grosze as f64 / 100.0,
            plan_realisation: n.plan_realisation,
            enps: n.enps,
        }
    }
}

/// The period compared with.
#[derive(Serialize, ToSchema)]
struct ReviewPreviousPeriod {
    /// Its first and last days (`YYYY-MM-DD`, included).
    from: String,
    to: String,
    numbers: ReviewNumbers,
}

/// A goal as measured when the numbers were taken.
#[derive(Serialize, ToSchema)]
struct ReviewGoalView {
    /// The goal's metric (`shares`, `participation_rate`, ...: see the program's goals).
    metric: String,
    /// A count, or for a rate a fraction from 0 to 1.
    target: f64,
    /// The measured value; `null` without data.
    value: Option<f64>,
    /// Progress towards the target, 0 to 100; `null` without data.
    percent: Option<i64>,
    /// The share of the goal's period elapsed, 0 to 100.
    expected_percent: i64,
    /// `achieved`, `on_track`, `behind`, `no_data`, `not_started` or `missed`.
    status: String,
    /// The goal's period (RFC 3339), `[period_start, period_end)`.
    period_start: String,
    period_end: String,
}

/// A content item in the top list.
#[derive(Serialize, ToSchema)]
struct ReviewTopContent {
    id: Option<i64>,
    title: Option<String>,
    shares: i64,
    clicks: i64,
    conversions: i64,
}

/// An ambassador in the top list.
#[derive(Serialize, ToSchema)]
struct ReviewTopAmbassador {
    /// `null` for someone who keeps their name off leaderboards (but the caller).
    id: Option<i64>,
    /// `null` for someone who keeps their name off leaderboards (but the caller).
    name: Option<String>,
    shares: i64,
    clicks: i64,
    conversions: i64,
}

/// A health check at the review, and at the review before.
#[derive(Serialize, ToSchema)]
struct ReviewHealthChange {
    /// The check's catalog key (`health-enps`, ...).
    check: String,
    /// `green`, `amber` or `red`.
    level: String,
    /// The level at the published review before; `null` when it was not checked then.
    before: Option<String>,
    /// `better`, `worse`, `same` or `new`.
    #[schema(pattern = "^(better|worse|same|new)$")]
    trend: &'static str,
}

/// The review's document: the numbers taken for the period and the one before, the
/// goals, the top lists and the health changes.
#[derive(Serialize, ToSchema)]
struct ReviewDocument {
    /// When the numbers were taken (RFC 3339).
    taken_at: String,
    /// The days measured (`YYYY-MM-DD`, included).
    from: String,
    to: String,
    current: ReviewNumbers,
    previous: ReviewPreviousPeriod,
    goals: Vec<ReviewGoalView>,
    top_content: Vec<ReviewTopContent>,
    top_ambassadors: Vec<ReviewTopAmbassador>,
    health: Vec<ReviewHealthChange>,
    /// The current eNPS again; `null` without one.
    enps: Option<i64>,
}

impl ReviewDocument {
    fn new(s: &Snapshot, before: Option<&Snapshot>, viewer: i64) -> ReviewDocument {
        let shown = |l: &review::TopLine| !l.hidden || l.id == viewer;
        let changes = review::snapshot::health_changes(&s.health, before.map(|b| b.health.as_slice()));
        ReviewDocument {
            taken_at: rfc3339(s.taken_at),
            from: format_day(s.first_day),
            to: format_day(s.last_day),
            current: ReviewNumbers::new(&s.current),
            previous: ReviewPreviousPeriod {
                from: format_day(s.previous_first_day),
                to: format_day(s.previous_last_day),
                numbers: ReviewNumbers::new(&s.previous),
            },
            goals: s
                .goals
                .iter()
                .map(|g| ReviewGoalView {
                    metric: g.metric.clone(),
                    target: g.target,
                    value: g.value,
                    percent: g.percent,
                    expected_percent: g.expected_percent,
                    status: g.status.clone(),
                    period_start: rfc3339(g.period_start),
                    period_end: rfc3339(g.period_end),
                })
                .collect(),
            top_content: s
                .top_content
                .iter()
                .map(|l| ReviewTopContent {
                    id: shown(l).then_some(l.id),
                    title: shown(l).then(|| l.label.clone()),
                    shares: l.shares,
                    clicks: l.clicks,
                    conversions: l.conversions,
                })
                .collect(),
            top_ambassadors: s
                .top_ambassadors
                .iter()
                .map(|l| ReviewTopAmbassador {
                    id: shown(l).then_some(l.id),
                    name: shown(l).then(|| l.label.clone()),
                    shares: l.shares,
                    clicks: l.clicks,
                    conversions: l.conversions,
                })
                .collect(),
            health: changes
                .into_iter()
                .map(|c| ReviewHealthChange {
                    check: c.key,
                    level: c.level,
                    before: c.before,
                    trend: c.trend.as_str(),
                })
                .collect(),
            enps: s.current.enps,
        }
    }
}

/// A decision taken in a review.
#[derive(Serialize, ToSchema)]
struct ReviewDecision {
    id: i64,
    text: String,
    /// Who carries it out; `null` for nobody in particular.
    owner_id: Option<i64>,
    /// The owner's name; `null` without an owner.
    owner: Option<String>,
    /// The day it is due (`YYYY-MM-DD`).
    due: String,
    done: bool,
    /// When it was marked done (RFC 3339); `null` while open.
    done_at: Option<String>,
    /// `done`, `overdue` or `open`.
    #[schema(pattern = "^(done|overdue|open)$")]
    state: &'static str,
    /// The period key of the review it was taken in.
    taken_in: String,
}

fn decision_view(d: &Decision, today: i64) -> ReviewDecision {
    ReviewDecision {
        id: d.id,
        text: d.text.clone(),
        owner_id: d.owner_id,
        owner: d.owner_name.clone(),
        due: format_day(d.due_day),
        done: d.done_at.is_some(),
        done_at: d.done_at.map(rfc3339),
        state: review::decision_state(d.done_at.is_some(), d.due_day, today),
        taken_in: d.taken_in_key.clone(),
    }
}

/// Someone present at the meeting.
#[derive(Serialize, ToSchema)]
struct ReviewAttendee {
    id: i64,
    name: String,
}

/// Who attended the review meeting.
#[derive(Serialize, ToSchema)]
struct ReviewAttendance {
    count: usize,
    /// By name, for the program's coordinator and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    people: Option<Vec<ReviewAttendee>>,
}

with_summary! {
    /// A whole review.
    struct ReviewView {
        /// The program's name.
        program: String,
        /// The document; `null` when it cannot be read.
        numbers: Option<ReviewDocument>,
        /// The decisions taken in this review.
        decisions: Vec<ReviewDecision>,
        /// Earlier decisions still open, carried into this review.
        carried_decisions: Vec<ReviewDecision>,
        attendance: ReviewAttendance,
        /// The meeting's notes.
        notes: String,
    }
}

/// A review.
///
/// Its period and status, the document (numbers, goals, top lists, health changes), the
/// decisions with owner, due date and state, the earlier ones carried into it, and the
/// attendance. The program's coordinator and admins (with `reports:read`) read every
/// review and see attendance by name; its members (with `content:read`) read published
/// ones and see how many attended.
#[utoipa::path(
    get,
    path = "/reviews/{id}",
    tag = "reports",
    operation_id = "get_review",
    security(("token" = ["reports:read"]), ("token" = ["content:read"])),
    params(("id" = i64, Path, description = "The review's id.")),
    responses((status = 200, description = "The review.", body = ReviewView)),
)]
async fn show(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Json<ReviewView>, ApiError> {
    let r = state
        .store
        .review(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such review."))?;
    let program = program(&state, r.program_id).await?;
    let a = allowed(&state, &api, &program).await?;
    if !may_read(&a, &r) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "The review is a draft: only the program's coordinator and admins read it.",
        ));
    }
    let today = ambasada_core::tracking::day_number(crate::now());
    let before = state
        .store
        .published_review_before(r.program_id, r.first_day)
        .await?
        .and_then(|b| snapshot_of(&b));
    let carried = service::carried(&state, &r)
        .await
        .map_err(crate::error::AppError::from)?;
    let decisions = state.store.review_decisions(r.id).await?;
    let attendance = state.store.attendance(r.id).await?;
    let ReviewSummary {
        id,
        program_id,
        period,
        cadence,
        first_day,
        last_day,
        status,
        published_at,
    } = ReviewSummary::new(&r);
    Ok(Json(ReviewView {
        id,
        program_id,
        period,
        cadence,
        first_day,
        last_day,
        status,
        published_at,
        program: program.name,
        numbers: snapshot_of(&r).map(|s| ReviewDocument::new(&s, before.as_ref(), api.user.id)),
        decisions: decisions.iter().map(|d| decision_view(d, today)).collect(),
        carried_decisions: carried.iter().map(|d| decision_view(d, today)).collect(),
        attendance: ReviewAttendance {
            count: attendance.len(),
            people: a.manager.then(|| {
                attendance
                    .into_iter()
                    .map(|p| ReviewAttendee {
                        id: p.user_id,
                        name: p.name,
                    })
                    .collect()
            }),
        },
        notes: r.notes,
    }))
}
