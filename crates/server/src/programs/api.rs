//! `/api/v1` for program design: programs, their goals with computed progress, and the
//! health check, for coordinators and admins with a `reports:read` token.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::Scope;
use ambasada_core::programs::goals::Measured;
use ambasada_store::programs::Program;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(list))
        .routes(routes!(program_goals))
        .routes(routes!(health))
}

fn may_read(api: &ApiUser, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&api.user.roles, api.user.id, p.coordinator_id)
}

async fn program_for(state: &AppState, api: &ApiUser, id: i64) -> Result<Program, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    let p = state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    if may_read(api, &p) {
        Ok(p)
    } else {
        Err(ApiError::new(StatusCode::FORBIDDEN, "Not your program."))
    }
}

/// A program as the API shows it.
#[derive(Serialize, ToSchema)]
struct ProgramView {
    id: i64,
    name: String,
    slug: String,
    /// What the program is for, as its coordinator wrote it.
    purpose: String,
    /// `null` for a program without a coordinator (the admins' alone).
    coordinator_id: Option<i64>,
    /// Current members.
    members: i64,
    /// The most shares a member may confirm in a day.
    daily_share_limit: i64,
    /// How often the program's review meeting is held: `weekly`, `biweekly`, `monthly` or
    /// `quarterly`.
    review_cadence: String,
}

/// The programs the caller manages.
#[derive(Serialize, ToSchema)]
struct ProgramList {
    programs: Vec<ProgramView>,
}

/// The programs the caller manages.
///
/// The programs they coordinate, every program for admins. Coordinators and admins (a
/// recruiter's token, which may hold the scope, gets an empty list).
#[utoipa::path(
    get,
    path = "/programs",
    tag = "programs",
    operation_id = "list_programs",
    security(("token" = ["reports:read"])),
    responses((status = 200, description = "The programs.", body = ProgramList)),
)]
async fn list(State(state): State<AppState>, api: ApiUser) -> Result<Json<ProgramList>, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    let programs = state
        .store
        .programs()
        .await?
        .into_iter()
        .filter(|p| may_read(&api, p))
        .map(|p| ProgramView {
            id: p.id,
            name: p.name,
            slug: p.slug,
            purpose: p.description,
            coordinator_id: p.coordinator_id,
            members: p.members,
            daily_share_limit: p.daily_share_limit,
            review_cadence: p.review_cadence,
        })
        .collect();
    Ok(Json(ProgramList { programs }))
}

/// A goal's measured value: a whole number for a count, a fraction for a rate.
#[derive(Serialize)]
#[serde(untagged)]
enum GoalValue {
    Count(i64),
    Rate(f64),
}

/// A goal with its progress now.
#[derive(Serialize, ToSchema)]
struct ProgramGoalView {
    id: i64,
    /// `shares`, `clicks`, `unique_visitors`, `applications`, `hires`,
    /// `participation_rate`, `plan_realisation`, `training_completion` or
    /// `active_ambassadors`.
    #[schema(
        pattern = "^(shares|clicks|unique_visitors|applications|hires|participation_rate|plan_realisation|training_completion|active_ambassadors)$"
    )]
    metric: &'static str,
    /// The target: a count, or for the three rates (`participation_rate`,
    /// `plan_realisation`, `training_completion`) a fraction from 0 to 1.
    target: f64,
    /// The start of the goal's period, in Unix milliseconds (inclusive).
    period_start: i64,
    /// The end of the goal's period, in Unix milliseconds (exclusive).
    period_end: i64,
    /// The value measured so far: a whole number for a count, a fraction from 0 to 1
    /// for a rate; `null` without data.
    #[schema(value_type = Option<f64>)]
    value: Option<GoalValue>,
    /// The value over the target, from 0 to 1; `null` without data.
    fraction: Option<f64>,
    /// The share of the period elapsed, from 0 to 1.
    expected_fraction: f64,
    /// `achieved`, `on_track`, `behind`, `no_data`, `not_started` or `missed`.
    #[schema(pattern = "^(achieved|on_track|behind|no_data|not_started|missed)$")]
    status: &'static str,
}

/// A program's goals.
#[derive(Serialize, ToSchema)]
struct ProgramGoalList {
    goals: Vec<ProgramGoalView>,
}

/// A program's goals, with their progress.
///
/// Each goal's progress is computed from the data now: the value so far, its share of
/// the target, the share of the period elapsed and where it stands. The program's
/// coordinator and admins.
#[utoipa::path(
    get,
    path = "/programs/{id}/goals",
    tag = "programs",
    operation_id = "program_goals",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The program's id.")),
    responses((status = 200, description = "The goals.", body = ProgramGoalList)),
)]
async fn program_goals(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<ProgramGoalList>, ApiError> {
    let program = program_for(&state, &api, id).await?;
    let now = crate::now();
    let mut goals = Vec::new();
    let mut memo = crate::programs::goals::FactsMemo::default();
    for g in state.store.goals(program.id).await? {
        let Some((metric, p)) = crate::programs::goals::progress_now(&state, &mut memo, &g, now)
            .await
            .map_err(crate::error::AppError::from)?
        else {
            continue;
        };
        let value = match p.value {
            Measured::Count(n) => Some(GoalValue::Count(n)),
            Measured::Rate(r) => Some(GoalValue::Rate(r)),
            Measured::NoData => None,
        };
        goals.push(ProgramGoalView {
            id: g.id,
            metric: metric.as_str(),
            target: g.target,
            period_start: g.period_start,
            period_end: g.period_end,
            value,
            fraction: p.fraction,
            expected_fraction: p.expected_fraction,
            status: p.status.as_str(),
        });
    }
    Ok(Json(ProgramGoalList { goals }))
}

/// One check of the health check.
#[derive(Serialize, ToSchema)]
struct HealthCheckView {
    /// The failure mode it belongs to: `reputation`, `selection`, `design`, `benefit` or
    /// `consistency`.
    #[schema(pattern = "^(reputation|selection|design|benefit|consistency)$")]
    area: &'static str,
    /// The check's catalog key (`health-enps`, `health-goal`, ...).
    check: &'static str,
    /// `green`, `amber` or `red`.
    #[schema(pattern = "^(green|amber|red)$")]
    level: &'static str,
    /// The catalog key of the reason (`health-enps-negative`, ...).
    reason: &'static str,
    /// The reason in words, in the caller's language.
    message: String,
    /// The kind of link that fixes it: `enps`, `candidates`, `members`, `profile`,
    /// `goals`, `coordinator`, `training`, `reviews`, `rewards`, `points`, `calendar`, or
    /// `none` (for a green check).
    fix: &'static str,
}

/// A program's health check.
#[derive(Serialize, ToSchema)]
struct ProgramHealthView {
    program_id: i64,
    /// The worst level of the checks: `green`, `amber` or `red`.
    #[schema(pattern = "^(green|amber|red)$")]
    overall: &'static str,
    checks: Vec<HealthCheckView>,
}

/// A program's health check.
///
/// Each check with its level, its reason (a catalog key and the message in the caller's
/// language) and the kind of link that fixes it, and the overall level. The program's
/// coordinator and admins.
#[utoipa::path(
    get,
    path = "/programs/{id}/health",
    tag = "programs",
    operation_id = "program_health",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The program's id.")),
    responses((status = 200, description = "The checks and the overall level.", body = ProgramHealthView)),
)]
async fn health(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<ProgramHealthView>, ApiError> {
    let program = program_for(&state, &api, id).await?;
    let inputs = crate::programs::health::inputs(&state, &program)
        .await
        .map_err(crate::error::AppError::from)?;
    let checks = ambasada_core::programs::health::checks(&inputs);
    let tr = crate::i18n::Tr::new(state.i18n.clone(), api.user.locale);
    let list = checks
        .iter()
        .map(|c| {
            let args: Vec<(&str, &str)> = c.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            HealthCheckView {
                area: c.area,
                check: c.key,
                level: c.level.as_str(),
                reason: c.reason,
                message: tr.a(c.reason, &args),
                fix: c.fix,
            }
        })
        .collect();
    Ok(Json(ProgramHealthView {
        program_id: program.id,
        overall: ambasada_core::programs::health::overall(&checks).as_str(),
        checks: list,
    }))
}
