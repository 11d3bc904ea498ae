//! A program's redemptions, for its coordinator and admins
//! (`/app/programs/{id}/redemptions`): the open ones to approve, deliver or reject (with
//! a reason, which frees the points and returns the stock), the history, and this
//! quarter's budget. Approving past the budget is allowed, with a warning beside the
//! request and after the approval. Nobody decides their own redemption (a coordinator
//! who is also an ambassador): another coordinator or an admin does.

use super::catalog::{budget_of, current_quarter, managed_program};
use super::redemption_messages;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render_status};
use ambasada_core::rewards::budget::Budget;
use ambasada_core::rewards::catalog::format_pln;
use ambasada_core::rewards::redemptions::{Decision, Status, check_reason};
use ambasada_store::programs::Program;
use ambasada_store::rewards::redemptions::Redemption;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// How many closed redemptions the history shows.
const HISTORY: i64 = 100;

/// An open redemption with what approving it would do to the budget.
pub struct OpenRow {
    pub r: Redemption,
    /// By how much approving it would exceed this quarter's budget.
    pub over_budget: Option<i64>,
}

#[derive(Template)]
#[template(path = "rewards/redemptions.html")]
struct RedemptionsTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    open: Vec<OpenRow>,
    closed: Vec<Redemption>,
    quarter: String,
    budget: Budget,
    /// A rejection refused: the redemption, the message, and the reason as typed.
    error: Option<(i64, String, String)>,
}

impl RedemptionsTemplate<'_> {
    fn money(&self, minor: &i64) -> String {
        format_pln(*minor, self.p.tr.locale)
    }
    fn would_exceed(&self, over: &i64) -> String {
        self.p.a1("redemptions-would-exceed", "amount", &self.money(over))
    }
    fn error_for(&self, id: &i64) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|(e, ..)| e == id)
            .map(|(_, m, _)| m.as_str())
    }
    /// Whether the redemption is the viewer's own (they may not decide it).
    fn own(&self, user_id: &i64) -> bool {
        self.p.user.as_ref().is_some_and(|u| u.id == *user_id)
    }
    fn typed_reason(&self, id: &i64) -> &str {
        self.error
            .as_ref()
            .filter(|(e, ..)| e == id)
            .map_or("", |(.., r)| r.as_str())
    }
}

async fn page<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    program: Program,
    error: Option<(i64, String, String)>,
) -> Result<RedemptionsTemplate<'a>> {
    let quarter = current_quarter();
    let budget = budget_of(state, program.id, quarter).await?;
    let open = state
        .store
        .open_redemptions(program.id)
        .await?
        .into_iter()
        .map(|r| OpenRow {
            over_budget: (r.status() == Some(Status::Requested))
                .then(|| budget.exceeded_by(r.cost_minor))
                .flatten(),
            r,
        })
        .collect();
    Ok(RedemptionsTemplate {
        p: ctx,
        closed: state.store.closed_redemptions(program.id, HISTORY).await?,
        program,
        open,
        quarter: quarter.to_string(),
        budget,
        error,
    })
}

/// `GET /app/programs/{id}/redemptions`.
pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = managed_program(&state, &user, id).await?;
    let t = page(&state, &ctx, program, None).await?;
    render_status(StatusCode::OK, &t)
}

/// A decision as posted.
#[derive(Deserialize, Default)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

/// `POST /app/programs/{id}/redemptions/{redemption}`: approves, delivers or rejects
/// (with a reason). A redemption someone else decided meanwhile is left as it is; one's
/// own is refused (403, the page saying why).
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, redemption)): Path<(i64, i64)>,
    Form(f): Form<DecisionForm>,
) -> Result<Response> {
    let program = managed_program(&state, &user, id).await?;
    let r = state
        .store
        .redemption(redemption)
        .await?
        .filter(|r| r.program_id == program.id)
        .ok_or(AppError::NotFound)?;
    if r.user_id == user.id {
        let t = page(&state, &ctx, program, None).await?;
        return render_status(StatusCode::FORBIDDEN, &t);
    }
    let decision = Decision::parse(&f.decision).ok_or(AppError::BadRequest("error-bad-request"))?;
    let to = format!("/app/programs/{}/redemptions", program.id);
    let (Some(from), Some(next)) = (r.status(), r.status().and_then(|s| decision.next(s))) else {
        return Ok(redirect_flash(
            &to,
            false,
            "flash-redemption-stale",
            Some(&r.reward_name),
        ));
    };
    let reason = match decision {
        Decision::Reject => match check_reason(&f.reason) {
            Ok(reason) => Some(reason),
            Err(key) => {
                let t = page(&state, &ctx, program, Some((r.id, ctx.t(key), f.reason.clone()))).await?;
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
            }
        },
        _ => None,
    };
    let now = crate::now();
    if !state
        .store
        .move_redemption(r.id, from, next, reason.as_deref(), now)
        .await?
    {
        return Ok(redirect_flash(
            &to,
            false,
            "flash-redemption-stale",
            Some(&r.reward_name),
        ));
    }
    if let Some(moved) = state.store.redemption(r.id).await? {
        redemption_messages::decided(&state, &moved).await;
    }
    let flash = match next {
        Status::Approved => {
            let budget = budget_of(&state, program.id, current_quarter()).await?;
            if budget.is_over() {
                let over = budget.remaining().map_or(0, |left| -left);
                return Ok(redirect_flash(
                    &to,
                    true,
                    "flash-redemption-approved-over",
                    Some(&format_pln(over, ctx.tr.locale)),
                ));
            }
            "flash-redemption-approved"
        }
        Status::Delivered => "flash-redemption-delivered",
        _ => "flash-redemption-rejected",
    };
    Ok(redirect_flash(&to, true, flash, Some(&r.reward_name)))
}

#[cfg(test)]
mod tests {
    use crate::i18n::CATALOGS;
    use ambasada_core::rewards::redemptions::Status;

    /// Keys the templates build from data (`"redemption-status-" ~ status`).
    #[test]
    fn every_status_has_a_label_in_both_languages() {
        for (_, src) in CATALOGS {
            for s in Status::ALL {
                let key = format!("\nredemption-status-{} =", s.as_str());
                assert!(src.contains(&key), "missing {key}");
            }
        }
    }
}
