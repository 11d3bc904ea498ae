//! The `/api/v1` of leaderboards and badges:
//! `GET /programs/{id}/leaderboard?period=month|quarter|rolling30|challenge&by=points|shares|clicks&group=person|team`
//! (scope `content:read` for the program's members, `reports:read` for its coordinator
//! and admins; anyone else 403), with `month=2026-05`, `quarter=2026-Q2`, `challenge={id}`,
//! `team={id}` and `limit` (default 50, at most 500) to choose a past period, a
//! challenge's window, one team's members, or how many entries; and `GET /me/badges`
//! (scope `content:read`).

use super::board::{self, Access, Params};
use crate::AppState;
use crate::api::rfc3339;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::i18n::Tr;
use ambasada_core::Scope;
use ambasada_core::rewards::leaderboards::Group;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/programs/{id}/leaderboard", get(leaderboard))
        .route("/me/badges", get(my_badges))
}

#[derive(Deserialize, Default)]
struct BoardQuery {
    #[serde(flatten)]
    params: Params,
    #[serde(default)]
    limit: String,
}

/// Members read with `content:read`, the program's coordinator and admins with
/// `reports:read`; everyone else is refused.
fn allowed(api: &ApiUser, a: Access) -> Result<(), ApiError> {
    let member = a.member && api.require_scope(Scope::ContentRead).is_ok();
    let manager = a.manager && api.require_scope(Scope::ReportsRead).is_ok();
    match (member || manager, a.any()) {
        (true, _) => Ok(()),
        (false, true) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "The token lacks the scope: content:read for members, reports:read for coordinators.",
        )),
        (false, false) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only the program's members, its coordinator and admins see its leaderboards.",
        )),
    }
}

/// A 400 naming each parameter that could not be read.
fn bad_query(state: &AppState, wrong: board::Wrong, bad_limit: bool) -> ApiError {
    let en = Tr::new(state.i18n.clone(), ambasada_core::Locale::En);
    let mut errors = serde_json::Map::new();
    for (field, key) in wrong {
        errors.insert(field.into(), Value::String(en.t(key)));
    }
    if bad_limit {
        errors.insert("limit".into(), Value::String("a whole number from 1 to 500".into()));
    }
    ApiError {
        status: StatusCode::BAD_REQUEST,
        detail: "The leaderboard query is not valid; see errors.".into(),
        errors: Some(Value::Object(errors)),
    }
}

/// `GET /api/v1/programs/{id}/leaderboard`.
async fn leaderboard(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<BoardQuery>,
) -> Result<Response, ApiError> {
    let program = state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    allowed(&api, board::access(&state, &api.user, &program).await?)?;
    let limit = match q.limit.trim() {
        "" => Some(50),
        s => s.parse::<usize>().ok().filter(|n| (1..=500).contains(n)),
    };
    let tr = Tr::new(state.i18n.clone(), api.user.locale);
    let choice = board::choose(&state, &program, &q.params, &api.user.time_zone).await?;
    let (choice, limit) = match (choice, limit) {
        (Ok(c), Some(l)) => (c, l),
        (choice, limit) => return Err(bad_query(&state, choice.err().unwrap_or_default(), limit.is_none())),
    };
    let b = board::compute(&state, program.id, &choice, api.user.id, &tr.t("board-anonymous")).await?;
    let scale = b.scale();
    let value = |v: i64| {
        if scale == 1 {
            json!(v)
        } else {
            json!(v as f64 / scale as f64)
        }
    };
    let entries: Vec<Value> = b
        .top(limit)
        .into_iter()
        .map(|l| {
            let mut e = json!({
                "rank": l.rank, "name": l.name, "user_id": l.user_id, "value": value(l.value), "you": l.you,
            });
            if b.group == Group::Team {
                e["team_id"] = json!(l.team_id);
                e["active"] = json!(l.active);
                e["members"] = json!(l.members);
                e["total"] = json!(l.total);
            }
            e
        })
        .collect();
    let you = b
        .you
        .map(|s| json!({ "rank": s.rank, "value": value(s.value), "to_next": s.to_next.map(value) }));
    Ok(Json(json!({
        "program_id": program.id,
        "period": {
            "kind": choice.period.kind(),
            "code": choice.period.code(),
            "challenge_id": choice.challenge.as_ref().map(|c| c.id),
            "from": rfc3339(choice.from),
            "to": rfc3339(choice.to),
        },
        "by": choice.metric.as_str(),
        "group": choice.group.as_str(),
        "team_id": choice.team_id,
        "entries": entries,
        "you": you,
    }))
    .into_response())
}

/// `GET /api/v1/me/badges`: the badges the token's owner earned, with their names in
/// the owner's language, and those still to earn.
async fn my_badges(State(state): State<AppState>, api: ApiUser) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let tr = Tr::new(state.i18n.clone(), api.user.locale);
    let views = super::badges::views(&state, &api.user, &tr).await?;
    let (earned, available): (Vec<_>, Vec<_>) = views.into_iter().partition(|v| v.earned_at.is_some());
    let earned: Vec<Value> = earned
        .iter()
        .map(|v| json!({ "badge": v.badge, "name": v.name, "earned_at": v.earned_at.map(rfc3339) }))
        .collect();
    let available: Vec<Value> = available
        .iter()
        .map(|v| json!({ "badge": v.badge, "name": v.name, "description": v.about }))
        .collect();
    Ok(Json(json!({ "badges": earned, "available": available })).into_response())
}
