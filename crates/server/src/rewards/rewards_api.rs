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
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(list))
        .routes(routes!(create))
}

/// A reward as the API shows it.
#[derive(Serialize, ToSchema)]
struct RewardView {
    id: i64,
    program_id: i64,
    name: String,
    description: String,
    /// The points it costs.
    points_cost: i64,
    /// How many are left; `null` when unlimited.
    stock: Option<i64>,
    /// What it costs the company, in PLN (`120.5`).
    cost_pln: f64,
}

/// The rewards the caller may redeem.
#[derive(Serialize, ToSchema)]
struct RewardList {
    rewards: Vec<RewardView>,
}

/// The rewards the caller may redeem.
///
/// The active rewards of the programs the caller belongs to, by program and points cost
/// (an empty list outside any program). Anyone with a token that may read content.
#[utoipa::path(
    get,
    path = "/rewards",
    tag = "rewards",
    operation_id = "list_rewards",
    security(("token" = ["content:read"])),
    responses((status = 200, description = "The rewards.", body = RewardList)),
)]
async fn list(State(state): State<AppState>, api: ApiUser) -> Result<Json<RewardList>, ApiError> {
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
    Ok(Json(RewardList { rewards }))
}

/// A redemption as the API shows it.
#[derive(Serialize, ToSchema)]
struct RedemptionView {
    id: i64,
    reward_id: i64,
    /// The points it holds until it is delivered (then spent) or rejected (then freed).
    points: i64,
    /// `requested` (a new redemption), `approved`, `delivered` or `rejected`.
    #[schema(pattern = "^(requested|approved|delivered|rejected)$")]
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

/// Redeems a reward.
///
/// The reward's points are held from the caller's balance until a coordinator delivers
/// it (then spent) or rejects it (then freed). Ambassadors, for a reward of one of
/// their programs; the body is empty or `{}`.
#[utoipa::path(
    post,
    path = "/rewards/{id}/redemptions",
    tag = "rewards",
    operation_id = "redeem_reward",
    security(("token" = ["shares:write"])),
    params(("id" = i64, Path, description = "The reward's id.")),
    responses(
        (status = 201, description = "The redemption, `requested`.", body = RedemptionView),
        (status = 422, description = "Refused: too few spendable points (`errors.points`), out of stock (`errors.stock`) or no longer available (`errors.reward`); or the body has fields, each named in `errors`.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<(StatusCode, Json<RedemptionView>), ApiError> {
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
        )),
    }
}
