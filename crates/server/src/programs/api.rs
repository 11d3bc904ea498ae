//! `/api/v1` for program design: programs, their goals with computed progress, and the
//! health check, for coordinators and admins with a `reports:read` token.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::Scope;
use ambasada_core::programs::goals::Measured;
use ambasada_store::programs::Program;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/programs", get(list))
        .route("/programs/{id}/goals", get(program_goals))
        .route("/programs/{id}/health", get(health))
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

/// `GET /api/v1/programs`: the programs the caller coordinates (all, for admins).
async fn list(State(state): State<AppState>, api: ApiUser) -> Result<Response, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    let programs: Vec<serde_json::Value> = state
        .store
        .programs()
        .await?
        .iter()
        .filter(|p| may_read(&api, p))
        .map(|p| {
            serde_json::json!({
                "id": p.id, "name": p.name, "slug": p.slug, "purpose": p.description,
                "coordinator_id": p.coordinator_id, "members": p.members,
                "daily_share_limit": p.daily_share_limit, "review_cadence": p.review_cadence,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "programs": programs })).into_response())
}

/// `GET /api/v1/programs/{id}/goals`: each goal with its progress computed now.
async fn program_goals(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let program = program_for(&state, &api, id).await?;
    let now = crate::now();
    let mut out = Vec::new();
    let mut memo = crate::programs::goals::FactsMemo::default();
    for g in state.store.goals(program.id).await? {
        let Some((metric, p)) = crate::programs::goals::progress_now(&state, &mut memo, &g, now)
            .await
            .map_err(crate::error::AppError::from)?
        else {
            continue;
        };
        let value = match p.value {
            Measured::Count(n) => serde_json::json!(n),
            Measured::Rate(r) => serde_json::json!(r),
            Measured::NoData => serde_json::Value::Null,
        };
        out.push(serde_json::json!({
            "id": g.id, "metric": metric.as_str(), "target": g.target,
            "period_start": g.period_start, "period_end": g.period_end,
            "value": value, "fraction": p.fraction, "expected_fraction": p.expected_fraction,
            "status": p.status.as_str(),
        }));
    }
    Ok(Json(serde_json::json!({ "goals": out })).into_response())
}

/// `GET /api/v1/programs/{id}/health`: the checks, each with its level and reason key.
async fn health(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let program = program_for(&state, &api, id).await?;
    let inputs = crate::programs::health::inputs(&state, &program)
        .await
        .map_err(crate::error::AppError::from)?;
    let checks = ambasada_core::programs::health::checks(&inputs);
    let tr = crate::i18n::Tr::new(state.i18n.clone(), api.user.locale);
    let list: Vec<serde_json::Value> = checks
        .iter()
        .map(|c| {
            let args: Vec<(&str, &str)> = c.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            serde_json::json!({
                "area": c.area, "check": c.key, "level": c.level.as_str(),
                "reason": c.reason, "message": tr.a(c.reason, &args), "fix": c.fix,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "program_id": program.id,
        "overall": ambasada_core::programs::health::overall(&checks).as_str(),
        "checks": list,
    }))
    .into_response())
}
