//! Admin pages for teams (departments).

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::people::import::parse_team;
use ambasada_store::StoreError;
use ambasada_store::people::TeamSummary;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "people/admin/teams.html")]
struct TeamsTemplate<'a> {
    p: &'a Ctx,
    teams: Vec<TeamSummary>,
    name: String,
    errors: FieldErrors,
    /// The team whose rename failed, with the typed name.
    rename: Option<(i64, String, String)>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    render(&TeamsTemplate {
        p: &ctx,
        teams: state.store.teams().await?,
        name: String::new(),
        errors: FieldErrors::default(),
        rename: None,
    })
}

#[derive(Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    name: String,
}

fn check_name(ctx: &Ctx, name: &str) -> std::result::Result<String, String> {
    match parse_team(name) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => Err(ctx.t("error-required")),
        Err(e) => Err(ctx.t(e.key())),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<TeamForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let mut errors = FieldErrors::default();
    let taken = |name: &str, teams: &[TeamSummary], except: Option<i64>| {
        teams
            .iter()
            .any(|t| Some(t.id) != except && t.name.to_lowercase() == name.to_lowercase())
    };
    let existing = state.store.teams().await?;
    match check_name(&ctx, &form.name) {
        Ok(name) if taken(&name, &existing, None) => errors.add("name", ctx.t("error-team-taken")),
        Ok(name) => match state.store.create_team(&name, crate::now()).await {
            Ok(_) => {
                state
                    .store
                    .audit(Some(user.id), "team.create", &name, crate::now())
                    .await?;
                return Ok(redirect_flash(
                    "/app/admin/teams",
                    true,
                    "flash-team-created",
                    Some(&name),
                ));
            }
            Err(StoreError::Conflict(_)) => errors.add("name", ctx.t("error-team-taken")),
            Err(e) => return Err(e.into()),
        },
        Err(msg) => errors.add("name", msg),
    }
    let teams = state.store.teams().await?;
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &TeamsTemplate {
            p: &ctx,
            teams,
            name: form.name,
            errors,
            rename: None,
        },
    )
}

pub async fn rename(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<TeamForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let team = state.store.team(id).await?.ok_or(AppError::NotFound)?;
    let existing = state.store.teams().await?;
    let error = match check_name(&ctx, &form.name) {
        Ok(name)
            if existing
                .iter()
                .any(|t| t.id != id && t.name.to_lowercase() == name.to_lowercase()) =>
        {
            ctx.t("error-team-taken")
        }
        Ok(name) => match state.store.rename_team(id, &name).await {
            Ok(()) => {
                state
                    .store
                    .audit(
                        Some(user.id),
                        "team.rename",
                        &format!("{} → {name}", team.name),
                        crate::now(),
                    )
                    .await?;
                return Ok(redirect_flash("/app/admin/teams", true, "flash-saved", None));
            }
            Err(StoreError::Conflict(_)) => ctx.t("error-team-taken"),
            Err(e) => return Err(e.into()),
        },
        Err(msg) => msg,
    };
    let teams = state.store.teams().await?;
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &TeamsTemplate {
            p: &ctx,
            teams,
            name: String::new(),
            errors: FieldErrors::default(),
            rename: Some((id, form.name, error)),
        },
    )
}

pub async fn delete(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let team = state.store.team(id).await?.ok_or(AppError::NotFound)?;
    state.store.delete_team(id).await?;
    state
        .store
        .audit(Some(user.id), "team.delete", &team.name, crate::now())
        .await?;
    Ok(redirect_flash(
        "/app/admin/teams",
        true,
        "flash-team-deleted",
        Some(&team.name),
    ))
}
