//! Program pages: coordinators and admins create programs, set the coordinator, the daily
//! share limit and the review cadence, and add or remove members; the program page shows
//! its goals.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::{Email, Role, text};
use ambasada_store::StoreError;
use ambasada_store::people::{User, UserFilter};
use ambasada_store::programs::{Member, Program, ProgramInput};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/programs", get(list).post(create))
        .route("/app/programs/{id}", get(show).post(save))
        .route("/app/programs/{id}/members", post(add_member))
        .route("/app/programs/{id}/members/{user_id}/remove", post(remove_member))
}

fn may_manage_programs(u: &User) -> bool {
    u.has_role(Role::Admin) || u.has_role(Role::Coordinator)
}

/// Admins manage every program; a coordinator those they coordinate
/// ([`ambasada_core::programs::may_manage`]).
fn may_manage(u: &User, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&u.roles, u.id, p.coordinator_id)
}

#[derive(Deserialize, Default, Clone)]
pub struct ProgramForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    coordinator_id: String,
    #[serde(default)]
    daily_share_limit: String,
    #[serde(default)]
    review_cadence: String,
}

#[derive(Template)]
#[template(path = "programs/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    programs: Vec<Program>,
    form: ProgramForm,
    coordinators: Vec<User>,
    errors: FieldErrors,
}

impl ListTemplate<'_> {
    fn program_id(&self) -> Option<i64> {
        None
    }
    /// Who coordinates the program, for those who may not choose: its creator.
    fn coordinator_name(&self) -> String {
        self.p.user.as_ref().map(|u| u.name()).unwrap_or_default()
    }
}

impl ShowTemplate<'_> {
    fn program_id(&self) -> Option<i64> {
        Some(self.program.id)
    }
    /// Who coordinates the program, for those who may not choose.
    fn coordinator_name(&self) -> String {
        self.program.coordinator_name.clone().unwrap_or_else(|| "–".into())
    }
}

async fn coordinators(state: &AppState) -> Result<Vec<User>> {
    let f = UserFilter {
        role: Some(Role::Coordinator),
        active: Some(true),
        limit: 500,
        ..Default::default()
    };
    Ok(state.store.list_users(&f).await?.0)
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    if !may_manage_programs(&user) {
        return Err(AppError::Forbidden);
    }
    let form = ProgramForm {
        coordinator_id: user.id.to_string(),
        daily_share_limit: "5".into(),
        review_cadence: "monthly".into(),
        ..Default::default()
    };
    render(&ListTemplate {
        p: &ctx,
        programs: state.store.programs().await?,
        form,
        coordinators: coordinators(&state).await?,
        errors: FieldErrors::default(),
    })
}

/// Makes a URL-safe slug from a name: `Employer branding PL` -> `employer-branding-pl`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().to_lowercase().chars() {
        let c = match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// The coordinator the form sets: an admin's choice (required, among the active
/// coordinators); for anyone else the program's own, or themselves on a new program
/// ([`ambasada_core::programs::coordinator_after_save`]). `existing` is the program being
/// edited, `None` when creating.
async fn coordinator_of(
    state: &AppState,
    ctx: &Ctx,
    user: &User,
    f: &ProgramForm,
    existing: Option<&Program>,
    e: &mut FieldErrors,
) -> Result<Option<i64>> {
    let chosen = match f.coordinator_id.trim() {
        _ if !user.has_role(Role::Admin) => None,
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) if coordinators(state).await?.iter().any(|u| u.id == id) => Some(id),
            _ => {
                e.add("coordinator_id", ctx.t("error-coordinator"));
                return Ok(None);
            }
        },
    };
    let id = ambasada_core::programs::coordinator_after_save(
        &user.roles,
        user.id,
        chosen,
        existing.map(|p| p.coordinator_id),
    );
    if id.is_none() {
        e.add("coordinator_id", ctx.t("error-coordinator-required"));
    }
    Ok(id)
}

async fn parse(
    state: &AppState,
    ctx: &Ctx,
    user: &User,
    f: &ProgramForm,
    existing: Option<&Program>,
) -> Result<std::result::Result<ProgramInput, FieldErrors>> {
    let mut e = FieldErrors::default();
    let name = f.name.trim();
    if name.is_empty() {
        e.add("name", ctx.t("error-required"));
    } else if name.chars().count() > 100 {
        e.add("name", ctx.t("error-too-long"));
    } else if let Err(x) = text::check_line(name) {
        e.add("name", ctx.t(x.key()));
    }
    let slug = if f.slug.trim().is_empty() {
        slugify(name)
    } else {
        f.slug.trim().to_string()
    };
    if slug.is_empty()
        || slug.len() > 60
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        e.add("slug", ctx.t("error-slug"));
    }
    let coordinator_id = coordinator_of(state, ctx, user, f, existing, &mut e).await?;
    let limit = match f.daily_share_limit.trim().parse::<i64>() {
        Ok(n) if (0..=100).contains(&n) => n,
        _ => {
            e.add("daily_share_limit", ctx.t("error-share-limit"));
            0
        }
    };
    let review_cadence = if f.review_cadence.trim().is_empty() {
        ambasada_core::programs::DEFAULT_CADENCE.to_string()
    } else if ambasada_core::programs::is_cadence(f.review_cadence.trim()) {
        f.review_cadence.trim().to_string()
    } else {
        e.add("review_cadence", ctx.t("error-cadence"));
        String::new()
    };
    let description = f.description.trim();
    if description.chars().count() > 2000 {
        e.add("description", ctx.t("error-too-long"));
    } else if let Err(x) = text::check_lines(description) {
        e.add("description", ctx.t(x.key()));
    }
    if !e.is_empty() {
        return Ok(Err(e));
    }
    Ok(Ok(ProgramInput {
        name: name.into(),
        slug,
        description: description.into(),
        coordinator_id,
        daily_share_limit: limit,
        review_cadence,
    }))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<ProgramForm>,
) -> Result<Response> {
    if !may_manage_programs(&user) {
        return Err(AppError::Forbidden);
    }
    let errors = match parse(&state, &ctx, &user, &f, None).await? {
        Ok(input) => match state.store.create_program(&input, crate::now()).await {
            Ok(id) => {
                state
                    .store
                    .audit(Some(user.id), "program.create", &input.name, crate::now())
                    .await?;
                return Ok(redirect_flash(
                    &format!("/app/programs/{id}"),
                    true,
                    "flash-program-created",
                    Some(&input.name),
                ));
            }
            Err(StoreError::Conflict(_)) => {
                let mut e = FieldErrors::default();
                e.add("slug", ctx.t("error-slug-taken"));
                e
            }
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &ListTemplate {
            p: &ctx,
            programs: state.store.programs().await?,
            form: f,
            coordinators: coordinators(&state).await?,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "programs/show.html")]
struct ShowTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    form: ProgramForm,
    coordinators: Vec<User>,
    members: Vec<Member>,
    errors: FieldErrors,
    member_email: String,
    member_error: Option<String>,
    goals: Vec<crate::programs::goals::GoalRow>,
    goal_form: crate::programs::goals::GoalForm,
    goal_errors: FieldErrors,
    metrics: &'static [ambasada_core::programs::goals::Metric],
    /// The private iCalendar feed of the program's plan.
    calendar_url: String,
}

async fn program(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    if !may_manage_programs(user) {
        return Err(AppError::Forbidden);
    }
    let p = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if may_manage(user, &p) {
        Ok(p)
    } else {
        Err(AppError::Forbidden)
    }
}

fn form_of(p: &Program) -> ProgramForm {
    ProgramForm {
        name: p.name.clone(),
        slug: p.slug.clone(),
        description: p.description.clone(),
        coordinator_id: p.coordinator_id.map(|c| c.to_string()).unwrap_or_default(),
        daily_share_limit: p.daily_share_limit.to_string(),
        review_cadence: p.review_cadence.clone(),
    }
}

async fn show_template<'a>(state: &AppState, ctx: &'a Ctx, program: Program) -> Result<ShowTemplate<'a>> {
    Ok(ShowTemplate {
        p: ctx,
        goals: crate::programs::goals::rows(state, ctx, &program).await?,
        goal_form: crate::programs::goals::GoalForm::default(),
        goal_errors: FieldErrors::default(),
        metrics: &ambasada_core::programs::goals::Metric::ALL,
        calendar_url: crate::calendar::feeds::feed_url(
            state,
            ambasada_core::calendar::feeds::FeedOwner::Program,
            program.id,
        )
        .await?,
        form: form_of(&program),
        coordinators: coordinators(state).await?,
        members: state.store.members(program.id).await?,
        program,
        errors: FieldErrors::default(),
        member_email: String::new(),
        member_error: None,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let p = program(&state, &user, id).await?;
    render(&show_template(&state, &ctx, p).await?)
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ProgramForm>,
) -> Result<Response> {
    let p = program(&state, &user, id).await?;
    let errors = match parse(&state, &ctx, &user, &f, Some(&p)).await? {
        Ok(input) => match state.store.update_program(id, &input).await {
            Ok(()) => {
                state
                    .store
                    .audit(Some(user.id), "program.edit", &input.name, crate::now())
                    .await?;
                return Ok(redirect_flash(
                    &format!("/app/programs/{id}"),
                    true,
                    "flash-saved",
                    None,
                ));
            }
            Err(StoreError::Conflict(_)) => {
                let mut e = FieldErrors::default();
                e.add("slug", ctx.t("error-slug-taken"));
                e
            }
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    let mut t = show_template(&state, &ctx, p).await?;
    t.form = f;
    t.errors = errors;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
}

/// Adds an active person (by email) to the program; they get the ambassador role.
pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<MemberForm>,
) -> Result<Response> {
    let p = program(&state, &user, id).await?;
    let person = match Email::parse(&f.email) {
        Ok(e) => state.store.user_by_email(&e).await?.filter(|u| u.is_active()),
        Err(_) => None,
    };
    let Some(person) = person else {
        let mut t = show_template(&state, &ctx, p).await?;
        t.member_email = f.email;
        t.member_error = Some(ctx.t("error-member-unknown"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    };
    let now = crate::now();
    // Joining is voluntary and roles are the admins' to give: a coordinator adds only
    // people who are ambassadors already; an admin adding someone makes them one.
    if !person.has_role(Role::Ambassador) && !user.has_role(Role::Admin) {
        let mut t = show_template(&state, &ctx, p).await?;
        t.member_email = f.email;
        t.member_error = Some(ctx.t("error-member-not-ambassador"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    if !person.has_role(Role::Ambassador) {
        state
            .store
            .audit(Some(user.id), "user.role.ambassador", &person.email, now)
            .await?;
        let mut roles = person.roles.clone();
        roles.push(Role::Ambassador);
        let teams: Vec<i64> = person.teams.iter().map(|t| t.id).collect();
        state.store.set_roles_and_teams(person.id, &roles, &teams, now).await?;
    }
    state.store.add_member(id, person.id, now).await?;
    state
        .store
        .audit(
            Some(user.id),
            "program.member.add",
            &format!("{}: {}", p.name, person.email),
            now,
        )
        .await?;
    Ok(redirect_flash(
        &format!("/app/programs/{id}"),
        true,
        "flash-member-added",
        Some(&person.name()),
    ))
}

pub async fn remove_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, user_id)): Path<(i64, i64)>,
) -> Result<Response> {
    let p = program(&state, &user, id).await?;
    let now = crate::now();
    if !state.store.remove_member(id, user_id, now).await? {
        return Err(AppError::NotFound);
    }
    // Named by address like an addition, so that a person's export and erasure find it.
    let who = state.store.user(user_id).await?.map(|u| u.email).unwrap_or_default();
    state
        .store
        .audit(
            Some(user.id),
            "program.member.remove",
            &format!("{}: {who}", p.name),
            now,
        )
        .await?;
    Ok(redirect_flash(
        &format!("/app/programs/{id}"),
        true,
        "flash-member-removed",
        None,
    ))
}

/// The program page again with the goal form's problems (422).
pub async fn show_with_goal_errors(
    state: &AppState,
    ctx: &Ctx,
    program: Program,
    form: crate::programs::goals::GoalForm,
    errors: FieldErrors,
) -> Result<Response> {
    let mut t = show_template(state, ctx, program).await?;
    t.goal_form = form;
    t.goal_errors = errors;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(super::slugify("Employer branding PL"), "employer-branding-pl");
        assert_eq!(super::slugify("  Sprzedaż & Łódź!  "), "sprzedaz-lodz");
    }
}
