//! The eNPS pages: the coordinator's results with opening and closing a survey, and the
//! pulse every employee answers.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::enps::{self, EnpsResult, MIN_ANSWERS};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

fn require_runner(user: &CurrentUser) -> Result<()> {
    if user.has_role(Role::Admin) || user.has_role(Role::Coordinator) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A survey as the results page shows it.
pub struct SurveyView {
    pub id: i64,
    /// When it was opened, as the viewer reads dates.
    pub opened: String,
    pub open: bool,
    pub participants: i64,
    /// `None` below the minimum number of answers.
    pub result: Option<EnpsResult>,
    pub comments: Vec<String>,
}

#[derive(Template)]
#[template(path = "enps/results.html")]
struct ResultsTemplate<'a> {
    p: &'a Ctx,
    surveys: Vec<SurveyView>,
    min_answers: i64,
}

pub async fn results(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    require_runner(&user)?;
    let surveys = state
        .store
        .surveys()
        .await?
        .into_iter()
        .map(|s| {
            let result = enps::compute(&s.scores());
            SurveyView {
                id: s.id,
                opened: ctx.when(&s.opened_at),
                open: s.closed_at.is_none(),
                participants: s.participants,
                // Comments, like scores, only once the answers are too many to point at anyone.
                comments: if result.is_some() { s.comments } else { Vec::new() },
                result,
            }
        })
        .collect();
    render(&ResultsTemplate {
        p: &ctx,
        surveys,
        min_answers: MIN_ANSWERS as i64,
    })
}

pub async fn open(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    require_runner(&user)?;
    let now = crate::now();
    state.store.open_survey(user.id, now).await?;
    state.store.audit(Some(user.id), "enps.open", "eNPS", now).await?;
    Ok(redirect_flash("/app/enps", true, "flash-enps-opened", None))
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    /// Ticked to close a survey with fewer than [`MIN_ANSWERS`] answers, whose result
    /// will never be shown.
    #[serde(default)]
    understood: Option<String>,
}

pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<CloseForm>,
) -> Result<Response> {
    require_runner(&user)?;
    let survey = state.store.surveys().await?.into_iter().find(|s| s.id == id);
    let Some(survey) = survey.filter(|s| s.closed_at.is_none()) else {
        return Err(AppError::NotFound);
    };
    if survey.participants < MIN_ANSWERS as i64 && f.understood.is_none() {
        return Ok(redirect_flash("/app/enps", false, "error-enps-close-too-few", None));
    }
    if !state.store.close_survey(id, crate::now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect_flash("/app/enps", true, "flash-enps-closed", None))
}

#[derive(Template)]
#[template(path = "enps/pulse.html")]
struct PulseTemplate<'a> {
    p: &'a Ctx,
    /// The open survey the person may still answer.
    survey: Option<i64>,
    answered: bool,
    score: String,
    comment: String,
    errors: FieldErrors,
}

pub async fn pulse(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let open = state.store.open_survey_id().await?;
    let answered = match open {
        Some(id) => state.store.has_answered(id, user.id).await?,
        None => false,
    };
    render(&PulseTemplate {
        p: &ctx,
        survey: open.filter(|_| !answered),
        answered,
        score: String::new(),
        comment: String::new(),
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    score: String,
    #[serde(default)]
    comment: String,
}

pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<AnswerForm>,
) -> Result<Response> {
    let Some(survey) = state.store.open_survey_id().await? else {
        return Ok(redirect_flash("/app/pulse", false, "error-enps-closed", None));
    };
    let mut errors = FieldErrors::default();
    let score = enps::parse_score(&f.score)
        .map_err(|e| errors.add("score", ctx.t(e.key())))
        .ok();
    let comment = f.comment.trim();
    if comment.chars().count() > 2000 {
        errors.add("comment", ctx.t("error-too-long"));
    } else if let Err(e) = ambasada_core::text::check_lines(comment) {
        errors.add("comment", ctx.t(e.key()));
    }
    let Some(score) = score.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PulseTemplate {
                p: &ctx,
                survey: Some(survey),
                answered: false,
                score: f.score,
                comment: f.comment,
                errors,
            },
        );
    };
    let comment = (!comment.is_empty()).then_some(comment);
    if !state.store.answer_survey(survey, user.id, score, comment).await? {
        return Ok(redirect_flash("/app/pulse", false, "error-enps-answered", None));
    }
    Ok(redirect_flash("/app/pulse", true, "flash-enps-thanks", None))
}
