//! The form that sets a challenge (C10), for the program's coordinator and admins:
//! title, description, what counts (shares, optionally of one content item; human
//! clicks; points), an optional team, the target, the window, the bonus, and how the
//! bonus is given (threshold, collective goal or raffle with its number of winners).
//! A wrong field re-renders the form as typed, with the message on the field (422).

use super::challenges::program_for;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::content::service::{local_input, parse_local_time};
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::DAY;
use ambasada_core::rewards::challenges::{self as rules, Draft, Mode};
use ambasada_core::rewards::leaderboards::Metric;
use ambasada_store::calendar::PlannableItem;
use ambasada_store::people::TeamSummary;
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// The form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct ChallengeForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    metric: String,
    #[serde(default)]
    content_id: String,
    #[serde(default)]
    team_id: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    bonus: String,
    #[serde(default)]
    winners: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    ends_at: String,
}

#[derive(Template)]
#[template(path = "rewards/challenge_form.html")]
struct FormTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    form: ChallengeForm,
    errors: FieldErrors,
    items: Vec<PlannableItem>,
    teams: Vec<TeamSummary>,
}

impl FormTemplate<'_> {
    fn metrics(&self) -> Vec<(&'static str, String)> {
        [Metric::Shares, Metric::Clicks, Metric::Points]
            .into_iter()
            .map(|m| (m.as_str(), self.p.t(&format!("challenge-metric-{}", m.as_str()))))
            .collect()
    }
    fn modes(&self) -> Vec<(&'static str, String, String)> {
        Mode::ALL
            .into_iter()
            .map(|m| {
                let key = format!("challenge-mode-{}", m.as_str());
                (m.as_str(), self.p.t(&key), self.p.t(&format!("{key}-help")))
            })
            .collect()
    }
}

/// The program, when the person may set its challenges.
async fn managed(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    let (program, access) = program_for(state, user, id).await?;
    if access.manager {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

async fn template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    program: Program,
    form: ChallengeForm,
) -> Result<FormTemplate<'a>> {
    Ok(FormTemplate {
        p: ctx,
        items: state.store.plannable_items(&[program.id], crate::now()).await?,
        teams: state.store.teams().await?,
        program,
        form,
        errors: FieldErrors::default(),
    })
}

/// `GET /app/programs/{id}/challenges/new`: a week from now, shares, everyone who
/// reaches the target.
pub async fn form(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let now = crate::now();
    let form = ChallengeForm {
        metric: Metric::Shares.as_str().into(),
        mode: Mode::Threshold.as_str().into(),
        winners: "1".into(),
        starts_at: local_input(now, &user.time_zone),
        ends_at: local_input(now + 7 * DAY, &user.time_zone),
        ..ChallengeForm::default()
    };
    render(&template(&state, &ctx, program, form).await?)
}

/// An optional id field: empty is none; anything else must be a number in `known`.
fn optional_id(
    s: &str,
    known: impl Fn(i64) -> bool,
    field: &'static str,
    key: &'static str,
    p: &mut rules::Problems,
) -> Option<i64> {
    match s.trim() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(id) if known(id) => Some(id),
            _ => {
                p.push((field, key));
                None
            }
        },
    }
}

/// `POST /app/programs/{id}/challenges`: sets the challenge; 303 to its page.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ChallengeForm>,
) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let now = crate::now();
    let mut t = template(&state, &ctx, program, f.clone()).await?;
    let mut problems: rules::Problems = Vec::new();
    let content_id = optional_id(
        &f.content_id,
        |i| t.items.iter().any(|x| x.id == i),
        "content_id",
        "challenge-error-content",
        &mut problems,
    );
    let team_id = optional_id(
        &f.team_id,
        |i| t.teams.iter().any(|x| x.id == i),
        "team_id",
        "challenge-error-team",
        &mut problems,
    );
    let draft = Draft {
        title: f.title.clone(),
        description: f.description.clone(),
        metric: f.metric.clone(),
        content_id,
        team_id,
        target: f.target.clone(),
        mode: f.mode.clone(),
        bonus: f.bonus.clone(),
        winners: f.winners.clone(),
        starts_at: parse_local_time(&f.starts_at, &user.time_zone),
        ends_at: parse_local_time(&f.ends_at, &user.time_zone),
    };
    match rules::check(&draft, now) {
        Ok(spec) if problems.is_empty() => {
            let cid = state.store.create_challenge(t.program.id, &spec, user.id, now).await?;
            Ok(redirect_flash(
                &format!("/app/programs/{}/challenges/{cid}", t.program.id),
                true,
                "flash-challenge-created",
                Some(&spec.title),
            ))
        }
        other => {
            problems.extend(other.err().unwrap_or_default());
            for (field, key) in problems {
                t.errors.add(field, ctx.t(key));
            }
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
