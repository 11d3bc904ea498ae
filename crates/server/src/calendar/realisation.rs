//! Plan realisation of a program for a period: done / due with skipped counted apart
//! (`core::calendar::Realisation`), by team, ambassador and week or month, with the
//! overdue and missed planned posts.

use super::service::{self, GroupBy, RealisationRow, may_plan, zone};
use super::views::{day_start, today};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, render};
use ambasada_core::calendar::{PostStatus, Realisation};
use ambasada_core::{Millis, calendar};
use ambasada_store::calendar::PlannedPost;
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

/// A period of days, inclusive, as `YYYY-MM-DD` in a time zone.
#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub by: String,
}

/// The period asked for: `from` and `to` inclusive; by default the last 30 days to the
/// end of this week. `Err` names the field that does not parse or the order that is wrong.
pub fn period(q: &PeriodQuery, tz: &str) -> std::result::Result<(Date, Date), &'static str> {
    let today = today(tz);
    let parse = |s: &str, default: Date, field: &'static str| {
        if s.trim().is_empty() {
            Ok(default)
        } else {
            super::views::parse_date(s).ok_or(field)
        }
    };
    let from = parse(&q.from, today - 30.days(), "from")?;
    let to = parse(&q.to, today + 6.days(), "to")?;
    if to < from || (to - from).get_days() > 366 * 2 {
        return Err("to");
    }
    Ok((from, to))
}

/// The program's planned posts whose window ends in the period (inclusive days in `tz`).
pub async fn posts_in(
    state: &AppState,
    program_id: i64,
    (from, to): (Date, Date),
    tz: &str,
) -> Result<Vec<PlannedPost>> {
    Ok(state
        .store
        .program_plan(Some(program_id), day_start(from, tz), day_start(to + 1.day(), tz))
        .await?)
}

#[derive(Template)]
#[template(path = "calendar/realisation.html")]
struct RealisationTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    from: String,
    to: String,
    error: Option<String>,
    total: Realisation,
    rate: Option<f64>,
    teams: Vec<RealisationRow>,
    people: Vec<RealisationRow>,
    weeks: Vec<RealisationRow>,
    overdue: Vec<PlannedPost>,
    missed: Vec<PlannedPost>,
}

impl RealisationTemplate<'_> {
    fn percent(&self, rate: &Option<f64>) -> String {
        rate.map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0))
    }
    fn when(&self, at: &Millis) -> String {
        self.p.when(at)
    }
    /// The breakdowns: title, rows, anchor.
    fn sections(&self) -> Vec<(String, &Vec<RealisationRow>, &'static str)> {
        vec![
            (self.p.t("realisation-by-team"), &self.teams, "by-team"),
            (self.p.t("realisation-by-ambassador"), &self.people, "by-ambassador"),
            (self.p.t("realisation-by-week"), &self.weeks, "by-week"),
        ]
    }
}

/// `GET /app/programs/{id}/realisation`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if !may_plan(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let tz = user.time_zone.clone();
    let (period, error) = match period(&q, &tz) {
        Ok(p) => (p, None),
        Err(_) => (
            period(&PeriodQuery::default(), &tz).unwrap_or_default(),
            Some(ctx.t("calendar-error-date")),
        ),
    };
    let now = crate::now();
    let posts = posts_in(&state, id, period, &tz).await?;
    let people: Vec<i64> = posts.iter().map(|p| p.user_id).collect();
    let teams = state.store.teams_of_people(&people).await?;
    let z = zone(&tz);
    let no_team = ctx.t("calendar-no-team");
    let total = service::total(&posts, now);
    let overdue = posts
        .iter()
        .filter(|p| p.status() == PostStatus::Planned && p.ends_at < now && now <= calendar::deadline(p.ends_at))
        .cloned()
        .collect();
    let missed = posts
        .iter()
        .filter(|p| service::status_now(p, now) == PostStatus::Missed)
        .cloned()
        .collect();
    render(&RealisationTemplate {
        p: &ctx,
        program,
        from: period.0.to_string(),
        to: period.1.to_string(),
        error,
        rate: total.rate(),
        total,
        teams: service::breakdown(&posts, GroupBy::Team, &teams, &z, &no_team, now),
        people: service::breakdown(&posts, GroupBy::Ambassador, &teams, &z, &no_team, now),
        weeks: service::breakdown(&posts, GroupBy::Week, &teams, &z, &no_team, now),
        overdue,
        missed,
    })
}
