//! Program goals (C2): a metric from the catalog, a target and a period. Progress is
//! computed from recorded data by `core::goals`, shown as bars against the time elapsed.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash};
use ambasada_core::programs::goals::{self, Facts, Measured, Metric};
use ambasada_store::programs::Program;
use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// A goal as its row on the program page shows it.
pub struct GoalRow {
    pub id: i64,
    pub metric: String,
    pub target: String,
    pub period: String,
    pub value: String,
    /// 0..=100 for the bar; none when there is no data yet.
    pub percent: Option<i64>,
    pub expected_percent: i64,
    /// The status's catalog key suffix and CSS class: achieved, on_track, behind, ...
    pub status: &'static str,
}

fn format_value(metric: Metric, target: f64) -> String {
    if metric.is_rate() {
        format!("{:.0}%", target * 100.0)
    } else {
        format!("{target:.0}")
    }
}

/// The program's facts over [start, until) as of `now`, computed once per period: a
/// program's goals usually share their period, and the facts are the costly part.
#[derive(Default)]
pub struct FactsMemo(std::collections::HashMap<(i64, i64, i64), Facts>);

impl FactsMemo {
    async fn get(
        &mut self,
        state: &AppState,
        program_id: i64,
        start: i64,
        until: i64,
        now: i64,
    ) -> anyhow::Result<Facts> {
        if let Some(f) = self.0.get(&(program_id, start, until)) {
            return Ok(*f);
        }
        let f = state.store.period_facts(program_id, start, until, now).await?;
        let facts = Facts {
            shares: f.shares,
            clicks: f.clicks,
            unique_visitors: f.unique_visitors,
            applications: f.applications,
            hires: f.hires,
            enrolled: f.enrolled,
            sharing_ambassadors: f.sharing_ambassadors,
            plan: crate::calendar::service::plan_facts(state, program_id, start, until).await?,
            training: crate::programs::health::training_counts(state, program_id).await?,
            active_ambassadors: f.active_ambassadors,
        };
        self.0.insert((program_id, start, until), facts);
        Ok(facts)
    }
}

/// A goal's metric and its progress at `now`, computed from the program's data over the
/// goal's period (so far); `None` for a metric this version does not know. Goals measured
/// together pass one `memo`, so that goals of the same period read the data once.
pub async fn progress_now(
    state: &AppState,
    memo: &mut FactsMemo,
    g: &ambasada_store::programs::goals::Goal,
    now: i64,
) -> anyhow::Result<Option<(Metric, goals::Progress)>> {
    let Some(metric) = Metric::parse(&g.metric) else {
        return Ok(None);
    };
    let until = now.min(g.period_end).max(g.period_start);
    let facts = memo.get(state, g.program_id, g.period_start, until, now).await?;
    let measured = goals::measure(metric, &facts);
    Ok(Some((
        metric,
        goals::progress(metric, g.target, g.period_start, g.period_end, now, measured),
    )))
}

/// The goals of a program with their progress now.
pub async fn rows(state: &AppState, ctx: &Ctx, program: &Program) -> anyhow::Result<Vec<GoalRow>> {
    let now = crate::now();
    let mut out = Vec::new();
    let mut memo = FactsMemo::default();
    for g in state.store.goals(program.id).await? {
        let Some((metric, p)) = progress_now(state, &mut memo, &g, now).await? else {
            continue;
        };
        let value = match p.value {
            Measured::Count(n) => n.to_string(),
            Measured::Rate(r) => format!("{:.0}%", r * 100.0),
            Measured::NoData => ctx.t("goals-no-data"),
        };
        out.push(GoalRow {
            id: g.id,
            metric: ctx.t(&format!("metric-{}", metric.as_str().replace('_', "-"))),
            target: format_value(metric, g.target),
            period: format!(
                "{} – {}",
                ctx.tr
                    .datetime(g.period_start, "Europe/Warsaw")
                    .split(' ')
                    .next()
                    .unwrap_or(""),
                ctx.tr
                    .datetime(g.period_end - 1, "Europe/Warsaw")
                    .split(' ')
                    .next()
                    .unwrap_or("")
            ),
            value,
            percent: p.fraction.map(|f| (f * 100.0).round() as i64),
            expected_percent: (p.expected_fraction * 100.0).round() as i64,
            status: p.status.as_str(),
        });
    }
    Ok(out)
}

#[derive(Deserialize, Default, Clone)]
pub struct GoalForm {
    #[serde(default)]
    pub metric: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

fn may_manage(user: &CurrentUser, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&user.roles, user.id, p.coordinator_id)
}

/// A date (`2026-01-01`) as the start of that day in Warsaw.
fn day_start(s: &str) -> Option<i64> {
    let d: jiff::civil::Date = s.trim().parse().ok()?;
    d.to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").ok()?)
        .ok()
        .map(|z| z.timestamp().as_millisecond())
}

/// Adds a goal; problems come back on the program page's goal form.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<GoalForm>,
) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if !may_manage(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let mut errors = crate::web::FieldErrors::default();
    let metric = Metric::parse(&f.metric);
    if metric.is_none() {
        errors.add("metric", ctx.t("error-metric"));
    }
    let target = metric.and_then(|m| {
        goals::parse_target(m, &f.target)
            .map_err(|e| errors.add("target", ctx.t(e.key())))
            .ok()
    });
    // The end date is included: the period runs to the start of the next day.
    let period = match (day_start(&f.start), day_start(&f.end)) {
        (Some(s), Some(e)) => goals::parse_period(s, e + ambasada_core::DAY)
            .map_err(|e| errors.add("end", ctx.t(e.key())))
            .ok(),
        _ => {
            errors.add("end", ctx.t("error-goal-period"));
            None
        }
    };
    match (metric, target, period) {
        (Some(m), Some(t), Some((s, e))) if errors.is_empty() => {
            let now = crate::now();
            let goal = ambasada_store::programs::goals::NewGoal {
                program_id: id,
                metric: m.as_str(),
                target: t,
                start: s,
                end: e,
                by: user.id,
            };
            state.store.create_goal(&goal, now).await?;
            state
                .store
                .audit(Some(user.id), "program.goal.add", &program.name, now)
                .await?;
            Ok(redirect_flash(
                &format!("/app/programs/{id}#goals"),
                true,
                "flash-goal-added",
                None,
            ))
        }
        _ => crate::programs::pages::show_with_goal_errors(&state, &ctx, program, f, errors).await,
    }
}

pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, goal)): Path<(i64, i64)>,
) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if !may_manage(&user, &program) {
        return Err(AppError::Forbidden);
    }
    state.store.delete_goal(id, goal).await?;
    Ok(redirect_flash(
        &format!("/app/programs/{id}#goals"),
        true,
        "flash-goal-deleted",
        None,
    ))
}
