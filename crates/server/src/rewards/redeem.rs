//! The ambassador's side of rewards: the catalogs of their programs with their spendable
//! balance and their redemptions (`/app/rewards`), and redeeming with one POST. The
//! points are held at once; a refusal (too few points, no stock left, no longer offered)
//! says why. Redeeming is shared with the API.

use super::redemption_messages;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, redirect_flash, render_status};
use ambasada_core::Role;
use ambasada_core::rewards::points::Balance;
use ambasada_core::rewards::redemptions::Refusal;
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::rewards::catalog::Reward;
use ambasada_store::rewards::redemptions::Redemption;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// How many of their redemptions a person sees.
const MY_REDEMPTIONS: i64 = 50;

/// Redeems a reward for `user`. `None` when the reward is not in one of their programs
/// (or they are not an ambassador); else the redemption, or why it was refused.
pub async fn redeem(
    state: &AppState,
    user: &User,
    reward_id: i64,
) -> anyhow::Result<Option<std::result::Result<Redemption, Refusal>>> {
    if !user.has_role(Role::Ambassador) {
        return Ok(None);
    }
    let Some(reward) = state.store.reward(reward_id).await? else {
        return Ok(None);
    };
    let member = state
        .store
        .programs_of(user.id)
        .await?
        .iter()
        .any(|p| p.id == reward.program_id);
    if !member {
        return Ok(None);
    }
    match state.store.redeem(user.id, reward.id, crate::now()).await? {
        Ok(id) => {
            let r = state
                .store
                .redemption(id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("redemption {id} vanished"))?;
            redemption_messages::requested(state, &r, user).await;
            crate::webhooks::events::reward_redeemed(state, &r).await;
            Ok(Some(Ok(r)))
        }
        Err(refusal) => Ok(Some(Err(refusal))),
    }
}

/// A refusal in a language.
pub fn refusal_message(tr: &Tr, refusal: Refusal) -> String {
    match refusal {
        Refusal::TooFewPoints { spendable, cost } => {
            let spendable = tr.n("reward-points", spendable);
            let cost = tr.n("reward-points", cost);
            let missing = tr.n("reward-points", refusal.missing());
            tr.a(
                refusal.key(),
                &[("spendable", &spendable), ("cost", &cost), ("missing", &missing)],
            )
        }
        _ => tr.t(refusal.key()),
    }
}

/// A program's catalog as the ambassador sees it.
pub struct ProgramCatalog {
    pub program: Program,
    pub rewards: Vec<Reward>,
}

#[derive(Template)]
#[template(path = "rewards/rewards.html")]
struct RewardsTemplate<'a> {
    p: &'a Ctx,
    balance: Balance,
    catalogs: Vec<ProgramCatalog>,
    mine: Vec<Redemption>,
    error: Option<String>,
}

impl RewardsTemplate<'_> {
    fn affordable(&self, r: &Reward) -> bool {
        self.balance.can_afford(r.points_cost)
    }
    /// "You need 40 more points."
    fn missing(&self, r: &Reward) -> String {
        self.p
            .n("reward-missing", &(r.points_cost - self.balance.spendable()).max(0))
    }
    /// "3 left", or "Out of stock"; empty for an unlimited stock.
    fn stock_left(&self, r: &Reward) -> Option<String> {
        r.stock.map(|s| {
            if s > 0 {
                self.p.n("reward-left", &s)
            } else {
                self.p.t("reward-out-of-stock")
            }
        })
    }
}

async fn page<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    error: Option<String>,
) -> Result<RewardsTemplate<'a>> {
    let rewards = state.store.member_rewards(user.id).await?;
    let catalogs = state
        .store
        .programs_of(user.id)
        .await?
        .into_iter()
        .map(|program| ProgramCatalog {
            rewards: rewards.iter().filter(|r| r.program_id == program.id).cloned().collect(),
            program,
        })
        .collect();
    Ok(RewardsTemplate {
        p: ctx,
        balance: state.store.balance(user.id).await?,
        catalogs,
        mine: state.store.redemptions_of(user.id, MY_REDEMPTIONS).await?,
        error,
    })
}

/// `GET /app/rewards`: the balance, the catalogs of the person's programs, and their
/// redemptions with where each stands.
pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Ambassador)?;
    let t = page(&state, &ctx, &user, None).await?;
    render_status(StatusCode::OK, &t)
}

/// `POST /app/rewards/{id}/redeem`: holds the points and asks the coordinator; a refusal
/// shows the page again (422) with the reason.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    user.require(Role::Ambassador)?;
    match redeem(&state, &user, id).await? {
        None => Err(AppError::NotFound),
        Some(Ok(r)) => Ok(redirect_flash(
            "/app/rewards",
            true,
            "flash-redeemed",
            Some(&r.reward_name),
        )),
        Some(Err(refusal)) => {
            let message = refusal_message(&ctx.tr, refusal);
            let t = page(&state, &ctx, &user, Some(message)).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
