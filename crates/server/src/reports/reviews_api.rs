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
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/programs/{id}/reviews", get(list))
        .route("/reviews/{id}", get(show))
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

fn summary(r: &Review) -> Value {
    json!({
        "id": r.id,
        "program_id": r.program_id,
        "period": r.period_key,
        "cadence": r.cadence,
        "first_day": format_day(r.first_day),
        "last_day": format_day(r.last_day),
        "status": r.status,
        "published_at": r.published_at.map(rfc3339),
    })
}

/// `GET /api/v1/programs/{id}/reviews`.
async fn list(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let program = program(&state, id).await?;
    let a = allowed(&state, &api, &program).await?;
    let reviews: Vec<Value> = state
        .store
        .program_reviews(program.id, a.manager)
        .await?
        .iter()
        .map(summary)
        .collect();
    Ok(Json(json!({ "reviews": reviews })).into_response())
}

fn numbers(n: &Numbers) -> Value {
    json!({
        "enrolled": n.enrolled,
        "active_ambassadors": n.active_ambassadors,
        "participation_rate": n.participation_rate(),
        "shares": n.shares,
        "personalised_shares": n.personalised,
        "clicks": n.clicks,
        "unique_visitors": n.visitors,
        "conversions": n.conversions,
        "applications": n.applications,
        "hires": n.hires,
        "reach_estimate": n.reach_estimate,
        "emv_estimate": n.emv_estimate_grosze as f64 / 100.0,
        "plan_realisation": n.plan_realisation,
        "enps": n.enps,
    })
}

fn snapshot_json(s: &Snapshot, before: Option<&Snapshot>, viewer: i64) -> Value {
    let top = |lines: &[review::TopLine], people: bool| -> Vec<Value> {
        lines
            .iter()
            .map(|l| {
                let shown = !l.hidden || l.id == viewer;
                let mut v = json!({
                    "id": shown.then_some(l.id),
                    "shares": l.shares, "clicks": l.clicks, "conversions": l.conversions,
                });
                v[if people { "name" } else { "title" }] = json!(shown.then_some(&l.label));
                v
            })
            .collect()
    };
    let changes = review::snapshot::health_changes(&s.health, before.map(|b| b.health.as_slice()));
    json!({
        "taken_at": rfc3339(s.taken_at),
        "from": format_day(s.first_day),
        "to": format_day(s.last_day),
        "current": numbers(&s.current),
        "previous": { "from": format_day(s.previous_first_day), "to": format_day(s.previous_last_day),
                      "numbers": numbers(&s.previous) },
        "goals": s.goals.iter().map(|g| json!({
            "metric": g.metric, "target": g.target, "value": g.value, "percent": g.percent,
            "expected_percent": g.expected_percent, "status": g.status,
            "period_start": rfc3339(g.period_start), "period_end": rfc3339(g.period_end),
        })).collect::<Vec<_>>(),
        "top_content": top(&s.top_content, false),
        "top_ambassadors": top(&s.top_ambassadors, true),
        "health": changes.iter().map(|c| json!({
            "check": c.key, "level": c.level, "before": c.before, "trend": c.trend.as_str(),
        })).collect::<Vec<_>>(),
        "enps": s.current.enps,
    })
}

fn decision_json(d: &Decision, today: i64) -> Value {
    json!({
        "id": d.id,
        "text": d.text,
        "owner_id": d.owner_id,
        "owner": d.owner_name,
        "due": format_day(d.due_day),
        "done": d.done_at.is_some(),
        "done_at": d.done_at.map(rfc3339),
        "state": review::decision_state(d.done_at.is_some(), d.due_day, today),
        "taken_in": d.taken_in_key,
    })
}

/// `GET /api/v1/reviews/{id}`.
async fn show(State(state): State<AppState>, api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
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
    let mut out = summary(&r);
    out["program"] = json!(program.name);
    out["numbers"] = snapshot_of(&r).map_or(Value::Null, |s| snapshot_json(&s, before.as_ref(), api.user.id));
    out["decisions"] = decisions.iter().map(|d| decision_json(d, today)).collect();
    out["carried_decisions"] = carried.iter().map(|d| decision_json(d, today)).collect();
    out["attendance"] = if a.manager {
        json!({ "count": attendance.len(), "people": attendance.iter()
            .map(|p| json!({ "id": p.user_id, "name": p.name })).collect::<Vec<_>>() })
    } else {
        json!({ "count": attendance.len() })
    };
    out["notes"] = json!(r.notes);
    Ok(Json(out).into_response())
}
