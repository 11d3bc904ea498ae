//! Planning a slot: the form to create one (from the calendar or from an item's "plan
//! this"), the slot's page with its planned posts and history, editing and deleting.

use super::service::{self, CheckedSlot, SlotRequest, may_plan, plannable_programs};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::content::service::{Problems, local_input, parse_local_time};
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::calendar::DEFAULT_MAX_DAILY_SHARE;
use ambasada_core::{DAY, HOUR, Network};
use ambasada_store::calendar::{PlannableItem, PlannedPost, Slot, SlotChange};
use ambasada_store::people::TeamSummary;
use ambasada_store::programs::{Member, Program};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// The slot form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct SlotForm {
    #[serde(default)]
    pub program_id: String,
    #[serde(default)]
    pub content_id: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub network: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub team_id: String,
    #[serde(default)]
    pub user_ids: Vec<String>,
    #[serde(default)]
    pub spread: Option<String>,
    /// Percent of the group at most on one day.
    #[serde(default)]
    pub max_share: String,
}

impl SlotForm {
    fn request(&self, tz: &str, p: &mut Problems) -> SlotRequest {
        let max_share = match self.max_share.trim() {
            "" => DEFAULT_MAX_DAILY_SHARE,
            s => match s.trim_end_matches('%').trim().parse::<f64>() {
                Ok(v) if (1.0..=100.0).contains(&v) => v / 100.0,
                _ => {
                    p.add("max_share", "calendar-error-share");
                    DEFAULT_MAX_DAILY_SHARE
                }
            },
        };
        SlotRequest {
            content_id: self.content_id.trim().parse().ok().filter(|id| *id > 0),
            topic: self.topic.clone(),
            network: self.network.clone(),
            starts_at: parse_local_time(&self.starts_at, tz),
            ends_at: parse_local_time(&self.ends_at, tz),
            audience: self.audience.clone(),
            team_id: self.team_id.trim().parse().ok(),
            user_ids: self.user_ids.iter().filter_map(|u| u.trim().parse().ok()).collect(),
            spread: self.spread.is_some(),
            max_daily_share: max_share,
        }
    }
    fn chose(&self, user_id: &i64) -> bool {
        self.user_ids.iter().any(|u| u.trim() == user_id.to_string())
    }
}

#[derive(Template)]
#[template(path = "calendar/slot_form.html")]
struct FormTemplate<'a> {
    p: &'a Ctx,
    form: SlotForm,
    errors: FieldErrors,
    programs: Vec<Program>,
    items: Vec<PlannableItem>,
    teams: Vec<TeamSummary>,
    members: Vec<Member>,
    networks: &'static [Network],
}

impl FormTemplate<'_> {
    fn chose(&self, user_id: &i64) -> bool {
        self.form.chose(user_id)
    }
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    program: Option<i64>,
    content: Option<i64>,
    date: Option<String>,
}

async fn form_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    form: SlotForm,
    errors: FieldErrors,
) -> Result<FormTemplate<'a>> {
    let programs = plannable_programs(state, user).await?;
    if programs.is_empty() {
        return Err(AppError::Forbidden);
    }
    let ids: Vec<i64> = programs.iter().map(|p| p.id).collect();
    let items = state.store.plannable_items(&ids, crate::now()).await?;
    let chosen = form
        .program_id
        .parse::<i64>()
        .ok()
        .filter(|id| ids.contains(id))
        .unwrap_or(ids[0]);
    Ok(FormTemplate {
        p: ctx,
        form,
        errors,
        programs,
        items,
        teams: state.store.teams().await?,
        members: state.store.members(chosen).await?,
        networks: &Network::ALL,
    })
}

/// `GET /app/calendar/new`: the form, filled from the query (`program`, `content` for
/// "plan this", `date` from a calendar day).
pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<NewQuery>,
) -> Result<Response> {
    let tz = user.time_zone.clone();
    let day = q
        .date
        .as_deref()
        .and_then(super::views::parse_date)
        .and_then(|d| parse_local_time(&format!("{d}T09:00"), &tz))
        .unwrap_or_else(|| crate::now() + DAY);
    let start = super::views::start_of_local_day(day, &tz) + 9 * HOUR;
    let form = SlotForm {
        program_id: q.program.map(|p| p.to_string()).unwrap_or_default(),
        content_id: q.content.map(|c| c.to_string()).unwrap_or_default(),
        network: Network::Linkedin.as_str().to_string(),
        starts_at: local_input(start, &tz),
        ends_at: local_input(start + 8 * HOUR, &tz),
        audience: "program".into(),
        max_share: format!("{}", (DEFAULT_MAX_DAILY_SHARE * 100.0).round()),
        ..SlotForm::default()
    };
    render(&form_template(&state, &ctx, &user, form, FieldErrors::default()).await?)
}

/// A program the person may plan in, by id; 404 when there is none, 403 when not theirs.
async fn plannable_program(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if may_plan(user, &program) {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

/// `POST /app/calendar/new`: checks and creates the slot with its planned posts.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<SlotForm>,
) -> Result<Response> {
    let programs = plannable_programs(&state, &user).await?;
    if programs.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut problems = Problems::default();
    let program = match f
        .program_id
        .parse::<i64>()
        .ok()
        .and_then(|id| programs.iter().find(|p| p.id == id))
    {
        Some(p) => p.clone(),
        None => {
            problems.add("program_id", "error-program");
            programs[0].clone()
        }
    };
    let request = f.request(&user.time_zone, &mut problems);
    let now = crate::now();
    let planned = plan(&state, &program, &request, &user.time_zone, now, problems).await?;
    match planned {
        Ok((slot, posts)) => {
            let id = state.store.create_slot(&slot.input, &posts, user.id, now).await?;
            let count = posts.len().to_string();
            Ok(redirect_flash(
                &format!("/app/calendar/slots/{id}"),
                true,
                "flash-slot-created",
                Some(&count),
            ))
        }
        Err(p) => {
            let errors = p.to_field_errors(&ctx.tr);
            let t = form_template(&state, &ctx, &user, f, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// Checks a slot, its audience and its posts; every problem at once.
pub async fn plan(
    state: &AppState,
    program: &Program,
    r: &SlotRequest,
    tz: &str,
    now: i64,
    mut problems: Problems,
) -> anyhow::Result<std::result::Result<(CheckedSlot, Vec<(i64, i64, i64)>), Problems>> {
    let slot = service::check_slot(state, program, r, now).await?;
    let item_teams = slot.as_ref().map(|s| s.item_teams.clone()).unwrap_or_default();
    let people = service::audience(state, program, r, &item_teams).await?;
    let (slot, people) = match (slot, people) {
        (Ok(slot), Ok(people)) if problems.is_empty() => (slot, people),
        (slot, people) => {
            problems.0.extend(slot.err().into_iter().flat_map(|p| p.0));
            problems.0.extend(people.err().into_iter().flat_map(|p| p.0));
            return Ok(Err(problems));
        }
    };
    Ok(
        match service::plan_posts(state, &slot, &people, r.max_daily_share, tz, now).await? {
            Ok(posts) => Ok((slot, posts)),
            Err(p) => Err(p),
        },
    )
}

#[derive(Template)]
#[template(path = "calendar/slot.html")]
struct SlotTemplate<'a> {
    p: &'a Ctx,
    slot: Slot,
    posts: Vec<PlannedPost>,
    history: Vec<SlotChange>,
    form: SlotForm,
    errors: FieldErrors,
    items: Vec<PlannableItem>,
    networks: &'static [Network],
}

/// A slot the person may manage (deleted ones too: their page shows the history).
async fn managed_slot(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Slot, Program)> {
    let slot = state.store.slot(id).await?.ok_or(AppError::NotFound)?;
    let program = plannable_program(state, user, slot.program_id).await?;
    Ok((slot, program))
}

fn form_of(slot: &Slot, tz: &str) -> SlotForm {
    SlotForm {
        program_id: slot.program_id.to_string(),
        content_id: slot.content_id.map(|c| c.to_string()).unwrap_or_default(),
        topic: slot.topic.clone().unwrap_or_default(),
        network: slot.network.clone(),
        starts_at: local_input(slot.starts_at, tz),
        ends_at: local_input(slot.ends_at, tz),
        audience: slot.audience.clone(),
        team_id: slot.team_id.map(|t| t.to_string()).unwrap_or_default(),
        ..SlotForm::default()
    }
}

async fn slot_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    slot: Slot,
    form: SlotForm,
    errors: FieldErrors,
) -> Result<SlotTemplate<'a>> {
    Ok(SlotTemplate {
        p: ctx,
        posts: state.store.slot_posts(slot.id).await?,
        history: state.store.slot_history(slot.id).await?,
        items: state.store.plannable_items(&[slot.program_id], crate::now()).await?,
        slot,
        form,
        errors,
        networks: &Network::ALL,
    })
}

/// `GET /app/calendar/slots/{id}`: the slot, its planned posts, its history, and the
/// form to change it.
pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (slot, _) = managed_slot(&state, &user, id).await?;
    let form = form_of(&slot, &user.time_zone);
    render(&slot_template(&state, &ctx, slot, form, FieldErrors::default()).await?)
}

/// `POST /app/calendar/slots/{id}`: changes the subject, network or window (the program
/// and the audience stay). A slot that is not spread moves its open posts with it.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<SlotForm>,
) -> Result<Response> {
    let (slot, program) = managed_slot(&state, &user, id).await?;
    if slot.deleted_at.is_some() {
        return Err(AppError::NotFound);
    }
    let mut problems = Problems::default();
    let mut request = f.request(&user.time_zone, &mut problems);
    request.audience = slot.audience.clone();
    request.spread = slot.spread != 0;
    let now = crate::now();
    match service::check_slot(&state, &program, &request, now).await? {
        Ok(checked) if problems.is_empty() => {
            state
                .store
                .update_slot(id, &checked.input, slot.spread == 0, user.id, now)
                .await?;
            Ok(redirect_flash(
                &format!("/app/calendar/slots/{id}"),
                true,
                "flash-saved",
                None,
            ))
        }
        checked => {
            problems.0.extend(checked.err().into_iter().flat_map(|p| p.0));
            let errors = problems.to_field_errors(&ctx.tr);
            let t = slot_template(&state, &ctx, slot, f, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// `POST /app/calendar/slots/{id}/delete`.
pub async fn delete(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (slot, _) = managed_slot(&state, &user, id).await?;
    if slot.deleted_at.is_some() {
        return Err(AppError::NotFound);
    }
    state.store.delete_slot(id, user.id, crate::now()).await?;
    Ok(redirect_flash("/app/calendar", true, "flash-slot-deleted", None))
}
