//! The rewards `/api/v1`: the active rewards of the caller's programs
//! (`GET /rewards`, scope `content:read`) and redeeming one
//! (`POST /rewards/{id}/redemptions` with an empty JSON body, scope `shares:write`):
//! 201 with the redemption, 422 with the reason when refused, 404 for a reward outside
//! the caller's programs.

use super::redeem::{redeem, refusal_message};
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::i18n::Tr;
use ambasada_core::rewards::catalog::pln_number;
use ambasada_core::rewards::redemptions::Refusal;
use ambasada_core::{Locale, Scope};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/rewards", get(list))
        .route("/rewards/{id}/redemptions", post(create))
}

/// A reward as the API shows it.
#[derive(Serialize)]
struct RewardView {
    id: i64,
    program_id: i64,
    name: String,
    description: String,
    points_cost: i64,
    /// `null` when unlimited.
    stock: Option<i64>,
    /// What it costs the company, in PLN (`120.5`).
    cost_pln: f64,
}

/// `GET /api/v1/rewards`.
async fn list(State(state): State<AppState>, api: ApiUser) -> Result<Response, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let rewards: Vec<RewardView> = state
        .store
        .member_rewards(api.user.id)
        .await?
        .into_iter()
        .map(|r| RewardView {
            id: r.id,
            program_id: r.program_id,
            name: r.name,
            description: r.description,
            points_cost: r.points_cost,
            stock: r.stock,
            cost_pln: pln_number(r.cost_minor),
        })
        .collect();
    Ok(Json(serde_json::json!({ "rewards": rewards })).into_response())
}

/// A redemption as the API shows it.
#[derive(Serialize)]
struct RedemptionView {
    id: i64,
    reward_id: i64,
    points: i64,
    status: String,
}

fn refused(state: &AppState, refusal: Refusal) -> ApiError {
    let tr = Tr::new(state.i18n.clone(), Locale::En);
    let field = match refusal {
        Refusal::TooFewPoints { .. } => "points",
        Refusal::OutOfStock => "stock",
        Refusal::Unavailable => "reward",
    };
    let message = refusal_message(&tr, refusal);
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: message.clone(),
        errors: Some(serde_json::json!({ field: message })),
    }
}

/// `POST /api/v1/rewards/{id}/redemptions`: the body is empty or `{}`.
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::SharesWrite)?;
    crate::input::no_fields(&body)?;
    match redeem(&state, &api.user, id).await? {
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "No such reward in your programs.")),
        Some(Err(refusal)) => Err(refused(&state, refusal)),
        Some(Ok(r)) => Ok((
            StatusCode::CREATED,
            Json(RedemptionView {
                id: r.id,
                reward_id: r.reward_id,
                points: r.points,
                status: r.status,
            }),
        )
            .into_response()),
    }
}
