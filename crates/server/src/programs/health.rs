//! The program health check (C12): the source article's four failure modes (a poor
//! employer reputation, a poor choice of ambassadors, no design, no benefit) and
//! consistency, each green, amber or red with the reason and a link to the fix. The
//! rules are `core::health`; this gathers their inputs.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, render};
use ambasada_core::programs::health::{self, Check, Inputs, Level};
use ambasada_core::{DAY, Role};
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

/// A check as the page shows it.
pub struct CheckRow {
    pub title: String,
    pub level: &'static str,
    pub reason: String,
    /// Where the fix is, if anywhere.
    pub fix: Option<(String, String)>,
}

/// Gathers the inputs of a program's checks from the store.
pub async fn inputs(state: &AppState, program: &Program) -> anyhow::Result<Inputs> {
    let now = crate::now();
    let latest_enps = state
        .store
        .surveys()
        .await?
        .iter()
        // The newest closed survey: open ones show no result yet (see enps.rs).
        .find(|s| s.closed_at.is_some())
        .and_then(|s| ambasada_core::enps::compute(&s.scores()))
        .map(|r| r.score);
    let has_goal = state
        .store
        .goals(program.id)
        .await?
        .iter()
        .any(|g| g.period_start <= now && now < g.period_end);
    let courses_available = state.store.courses(true).await?.len() as i64;
    let required = state.store.required_course_of(program.id).await?;
    let training_completion = training_counts(state, program.id)
        .await?
        .map(|(done, of)| if of == 0 { 0.0 } else { done as f64 / of as f64 });
    Ok(Inputs {
        latest_enps,
        members: program.members,
        accepted_without_review: state.store.members_without_review(program.id).await?,
        inactive_30_days: state.store.inactive_members(program.id, now - 30 * DAY).await?,
        without_linkedin: state.store.members_without_linkedin(program.id).await?,
        has_goal,
        has_coordinator: program.coordinator_id.is_some(),
        courses_available,
        required_course: required.is_some(),
        training_completion,
        last_review_days_ago: state
            .store
            .last_review_published_at(program.id)
            .await?
            .map(|at| ((now - at) / DAY).max(0)),
        cadence_days: ambasada_core::programs::cadence_days(&program.review_cadence).unwrap_or(31),
        rewards_exist: state.store.active_rewards_count(program.id).await? > 0,
        points_in_effect: points_in_effect(state, program.id).await?,
        age_days: ((now - program.created_at) / DAY).max(0),
        plan: crate::calendar::service::plan_facts(state, program.id, now - 30 * DAY, now).await?,
    })
}

/// Whether some points rule of a program awards points (its own values, else the defaults).
async fn points_in_effect(state: &AppState, program_id: i64) -> anyhow::Result<bool> {
    let stored = state.store.points_rules(program_id).await?;
    let values = ambasada_core::rewards::points::Values::from_stored(&stored);
    Ok(values.all().iter().any(|(_, points)| *points > 0))
}

/// How many of a program's members completed its required course (or, without one, the
/// first published course), and of how many; `None` when there is no course.
pub async fn training_counts(state: &AppState, program_id: i64) -> anyhow::Result<Option<(i64, i64)>> {
    let course = match state.store.required_course_of(program_id).await? {
        Some(c) => c,
        None => match state.store.courses(true).await?.first() {
            Some(c) => c.id,
            None => return Ok(None),
        },
    };
    // Every current member's numbers in the course in one query; completion is core's rule.
    let members = state.store.members_course_progress(program_id, course).await?;
    let done = members.iter().filter(|m| m.progress().is_complete()).count() as i64;
    Ok(Some((done, members.len() as i64)))
}

fn level(l: Level) -> &'static str {
    l.as_str()
}

fn row(ctx: &Ctx, program: &Program, c: &Check) -> CheckRow {
    let args: Vec<(&str, &str)> = c.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let link = |href: String| Some((href, ctx.t(&format!("health-fix-{}", c.fix))));
    let fix = match c.fix {
        "enps" => link("/app/enps".into()),
        "candidates" if c.key == "health-reviewed" => link(format!("/app/programs/{}", program.id)),
        "candidates" => link(format!("/app/programs/{}/candidates", program.id)),
        "members" | "profile" | "coordinator" => link(format!("/app/programs/{}", program.id)),
        "goals" => link(format!("/app/programs/{}#goals", program.id)),
        "training" => link("/app/courses".into()),
        "calendar" => link(format!("/app/programs/{}/realisation", program.id)),
        "rewards" => link(format!("/app/programs/{}/rewards", program.id)),
        "points" => link(format!("/app/programs/{}/points", program.id)),
        "reviews" => link(format!("/app/programs/{}/reviews", program.id)),
        _ => None,
    };
    CheckRow {
        title: ctx.t(c.key),
        level: level(c.level),
        reason: ctx.tr.a(c.reason, &args),
        fix,
    }
}

#[derive(Template)]
#[template(path = "programs/health.html")]
struct HealthTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    overall: &'static str,
    rows: Vec<CheckRow>,
}

/// The health check of one program, for its coordinator and admins.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    let allowed = ambasada_core::programs::may_manage(&user.roles, user.id, program.coordinator_id);
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let checks = health::checks(&inputs(&state, &program).await?);
    let rows = checks.iter().map(|c| row(&ctx, &program, c)).collect();
    render(&HealthTemplate {
        p: &ctx,
        overall: level(health::overall(&checks)),
        rows,
        program,
    })
}

/// Each program's overall level, for the coordinator's home.
pub async fn summary(state: &AppState, user: &CurrentUser) -> anyhow::Result<Vec<(Program, &'static str)>> {
    let mut out = Vec::new();
    for p in state.store.programs().await? {
        let mine =
            user.has_role(Role::Admin) || (user.has_role(Role::Coordinator) && p.coordinator_id == Some(user.id));
        if mine {
            let checks = health::checks(&inputs(state, &p).await?);
            out.push((p, level(health::overall(&checks))));
        }
    }
    Ok(out)
}
