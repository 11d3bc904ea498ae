//! Motivation that stays fair (C10): points rules and the ledger, leaderboards, badges,
//! challenges, and the rewards catalog with redemptions and budgets.

pub mod awarding;
pub mod badges;
pub mod board;
pub mod boards_api;
pub mod catalog;
pub mod challenge_form;
pub mod challenges;
pub mod leaderboards;
pub mod points;
pub mod points_review;
pub mod points_rules;
pub mod redeem;
pub mod redemption_messages;
pub mod redemptions;
pub mod reward_form;
pub mod rewards_api;
pub mod settle;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(catalog::routes())
        .merge(leaderboards::routes())
        .merge(challenges::routes())
        .merge(badges::routes())
        .merge(points::routes())
        .merge(points_rules::routes())
        .merge(points_review::routes())
}
