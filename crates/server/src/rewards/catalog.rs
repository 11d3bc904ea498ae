//! A program's rewards catalog and budget, for its coordinator and admins
//! (`/app/programs/{id}/rewards`): the rewards with the form to add one, editing a
//! reward (deactivating it rather than deleting: redemptions point at it), and the
//! budget per quarter with what was spent against it.

use super::reward_form::{self, RewardForm};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::calendar::service::may_plan;
use crate::content::service::Problems;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::rewards::budget::{Budget, Quarter, budget_zone};
use ambasada_core::rewards::catalog::{format_pln, parse_pln};
use ambasada_store::programs::Program;
use ambasada_store::rewards::catalog::Reward;
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

/// Uploads up to this size are read, so that a too large image gets a message on its
/// field (the image itself may be at most 5 MB).
const FORM_BODY_LIMIT: usize = 12 * 1024 * 1024;

/// The pages of the rewards part: the catalog and budget (here), the redemptions, and
/// the ambassador's rewards.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/rewards", get(super::redeem::list))
        .route("/app/rewards/{id}/redeem", post(super::redeem::create))
        .route(
            "/app/programs/{id}/rewards",
            get(page).post(create).layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route(
            "/app/programs/{id}/rewards/{reward}",
            get(edit).post(save).layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route("/app/programs/{id}/budget", post(set_budget))
        .route("/app/programs/{id}/redemptions", get(super::redemptions::list))
        .route(
            "/app/programs/{id}/redemptions/{redemption}",
            post(super::redemptions::decide),
        )
}

/// A program its coordinator (or an admin) manages: 404 when there is none, 403 when
/// not theirs. Coordinators manage the programs they coordinate, as they plan them.
pub async fn managed_program(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if may_plan(user, &program) {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The current quarter (in the budget's time zone).
pub fn current_quarter() -> Quarter {
    Quarter::of(crate::now(), &budget_zone())
}

/// A program's budget for a quarter and what was spent of it.
pub async fn budget_of(state: &AppState, program_id: i64, quarter: Quarter) -> anyhow::Result<Budget> {
    let label = quarter.to_string();
    let amount = state
        .store
        .budgets(program_id)
        .await?
        .into_iter()
        .find(|(q, _)| *q == label)
        .map(|(_, a)| a);
    let (from, to) = quarter.bounds(&budget_zone());
    Ok(Budget {
        amount,
        spent: state.store.rewards_spend(program_id, from, to).await?,
    })
}

/// One quarter's line of the budget table.
pub struct BudgetRow {
    pub quarter: String,
    pub budget: Budget,
    pub current: bool,
}

/// The quarters with a budget, and the current one, the latest first.
async fn budget_rows(state: &AppState, program_id: i64) -> anyhow::Result<Vec<BudgetRow>> {
    let current = current_quarter();
    let mut quarters: Vec<Quarter> = state
        .store
        .budgets(program_id)
        .await?
        .iter()
        .filter_map(|(q, _)| Quarter::parse(q))
        .collect();
    if !quarters.contains(&current) {
        quarters.push(current);
    }
    quarters.sort_by(|a, b| b.cmp(a));
    let mut rows = Vec::new();
    for q in quarters {
        rows.push(BudgetRow {
            quarter: q.to_string(),
            budget: budget_of(state, program_id, q).await?,
            current: q == current,
        });
    }
    Ok(rows)
}

/// The budget form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct BudgetForm {
    #[serde(default)]
    pub quarter: String,
    #[serde(default)]
    pub amount: String,
}

#[derive(Template)]
#[template(path = "rewards/catalog.html")]
struct CatalogTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    rewards: Vec<Reward>,
    form: RewardForm,
    budget_form: BudgetForm,
    errors: FieldErrors,
    form_error: Option<String>,
    budgets: Vec<BudgetRow>,
    waiting: i64,
}

impl CatalogTemplate<'_> {
    fn money(&self, minor: &i64) -> String {
        format_pln(*minor, self.p.tr.locale)
    }
}

async fn catalog_page<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    program: Program,
    form: RewardForm,
    budget_form: BudgetForm,
    errors: FieldErrors,
) -> Result<CatalogTemplate<'a>> {
    let waiting = state
        .store
        .open_redemptions(program.id)
        .await?
        .iter()
        .filter(|r| r.status == "requested")
        .count() as i64;
    Ok(CatalogTemplate {
        p: ctx,
        rewards: state.store.program_rewards(program.id).await?,
        budgets: budget_rows(state, program.id).await?,
        program,
        form,
        budget_form,
        errors,
        form_error: None,
        waiting,
    })
}

fn new_budget_form() -> BudgetForm {
    BudgetForm {
        quarter: current_quarter().to_string(),
        amount: String::new(),
    }
}

/// `GET /app/programs/{id}/rewards`.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = managed_program(&state, &user, id).await?;
    let t = catalog_page(
        &state,
        &ctx,
        program,
        RewardForm::new_reward(),
        new_budget_form(),
        FieldErrors::default(),
    )
    .await?;
    render(&t)
}

/// `POST /app/programs/{id}/rewards` (multipart): adds a reward.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    mp: Multipart,
) -> Result<Response> {
    let program = managed_program(&state, &user, id).await?;
    let (form, image, upload_error) = match reward_form::read(mp).await {
        Ok((form, image)) => (form, image, None),
        Err(key) => (RewardForm::new_reward(), None, Some(key)),
    };
    let checked = match upload_error {
        None => reward_form::check(&state, &form, image.as_deref()).await?,
        Some(_) => Err(Problems::default()),
    };
    match checked {
        Ok(input) => {
            state.store.create_reward(program.id, &input, crate::now()).await?;
            let to = format!("/app/programs/{}/rewards", program.id);
            Ok(redirect_flash(&to, true, "flash-reward-created", Some(&input.name)))
        }
        Err(p) => {
            let mut errors = p.to_field_errors(&ctx.tr);
            errors.attach_again("image", image.is_some(), &ctx.tr);
            let mut t = catalog_page(&state, &ctx, program, form, new_budget_form(), errors).await?;
            t.form_error = upload_error.map(|k| ctx.t(k));
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

#[derive(Template)]
#[template(path = "rewards/reward.html")]
struct RewardTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    reward: Reward,
    form: RewardForm,
    errors: FieldErrors,
    form_error: Option<String>,
}

/// A reward of a managed program.
async fn managed_reward(state: &AppState, user: &CurrentUser, id: i64, reward: i64) -> Result<(Program, Reward)> {
    let program = managed_program(state, user, id).await?;
    let reward = state
        .store
        .reward(reward)
        .await?
        .filter(|r| r.program_id == program.id)
        .ok_or(AppError::NotFound)?;
    Ok((program, reward))
}

/// `GET /app/programs/{id}/rewards/{reward}`: the form to change a reward.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, reward)): Path<(i64, i64)>,
) -> Result<Response> {
    let (program, reward) = managed_reward(&state, &user, id, reward).await?;
    let form = RewardForm::of(&reward, ctx.tr.locale);
    render(&RewardTemplate {
        p: &ctx,
        program,
        reward,
        form,
        errors: FieldErrors::default(),
        form_error: None,
    })
}

/// `POST /app/programs/{id}/rewards/{reward}` (multipart): saves a reward.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, reward)): Path<(i64, i64)>,
    mp: Multipart,
) -> Result<Response> {
    let (program, reward) = managed_reward(&state, &user, id, reward).await?;
    let (form, image, upload_error) = match reward_form::read(mp).await {
        Ok((form, image)) => (form, image, None),
        Err(key) => (RewardForm::of(&reward, ctx.tr.locale), None, Some(key)),
    };
    let checked = match upload_error {
        None => reward_form::check(&state, &form, image.as_deref()).await?,
        Some(_) => Err(Problems::default()),
    };
    match checked {
        Ok(input) => {
            let saved = match form.loaded_stock() {
                Some(loaded) => {
                    state
                        .store
                        .update_reward(reward.id, &input, loaded, crate::now())
                        .await?
                }
                None => false,
            };
            if !saved {
                return stock_changed(&state, &ctx, program, reward.id, form).await;
            }
            let to = format!("/app/programs/{}/rewards", program.id);
            Ok(redirect_flash(&to, true, "flash-reward-saved", Some(&input.name)))
        }
        Err(p) => {
            let mut errors = p.to_field_errors(&ctx.tr);
            errors.attach_again("image", image.is_some(), &ctx.tr);
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &RewardTemplate {
                    p: &ctx,
                    errors,
                    form_error: upload_error.map(|k| ctx.t(k)),
                    program,
                    reward,
                    form,
                },
            )
        }
    }
}

/// The reward's stock changed since the form was filled in (a redemption, or another
/// coordinator): the form again as typed (422), saying so on the stock with its value
/// now, and carrying that value so that saving again applies the form.
async fn stock_changed(
    state: &AppState,
    ctx: &Ctx,
    program: Program,
    reward_id: i64,
    mut form: RewardForm,
) -> Result<Response> {
    let reward = state.store.reward(reward_id).await?.ok_or(AppError::NotFound)?;
    let now = match reward.stock {
        Some(n) => n.to_string(),
        None => ctx.t("reward-unlimited"),
    };
    let mut errors = FieldErrors::default();
    errors.add("stock", ctx.a1("reward-stock-changed", "stock", &now));
    form.loaded_stock = reward_form::stock_text(reward.stock);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &RewardTemplate {
            p: ctx,
            program,
            reward,
            form,
            errors,
            form_error: None,
        },
    )
}

/// `POST /app/programs/{id}/budget`: sets the budget of a quarter.
pub async fn set_budget(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<BudgetForm>,
) -> Result<Response> {
    let program = managed_program(&state, &user, id).await?;
    let mut p = Problems::default();
    let quarter = Quarter::parse(&f.quarter);
    if quarter.is_none() {
        p.add("quarter", "budget-error-quarter");
    }
    let amount = match f.amount.trim() {
        "" => {
            p.add("amount", "error-required");
            None
        }
        s => parse_pln(s).map_err(|_| p.add("amount", "budget-error-amount")).ok(),
    };
    match (quarter, amount) {
        (Some(q), Some(amount)) if p.is_empty() => {
            let label = q.to_string();
            state.store.set_budget(program.id, &label, amount, crate::now()).await?;
            let to = format!("/app/programs/{}/rewards#budget", program.id);
            Ok(redirect_flash(&to, true, "flash-budget-saved", Some(&label)))
        }
        _ => {
            let errors = p.to_field_errors(&ctx.tr);
            let t = catalog_page(&state, &ctx, program, RewardForm::new_reward(), f, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
