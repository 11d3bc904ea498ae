//! Leaderboard pages (C10): `/app/leaderboard` (the boards a person may see; straight
//! to the board when there is one) and `/app/programs/{id}/leaderboard`, a program's
//! board for a month, a quarter, the last 30 days or a challenge's window, by points,
//! shares or human clicks, of people or of teams. Members always see their own place
//! and what they lack to the next one. Visible to the program's members, its
//! coordinator and admins.

use super::board::{self, Access, Board, Choice, Line, Params};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::calendar::service::{may_plan, zone};
use crate::error::{AppError, Result};
use crate::web::{Ctx, render};
use ambasada_core::rewards::leaderboards::{self as lb, Group, Metric, Period};
use ambasada_store::programs::Program;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/leaderboard", get(hub))
        .route("/app/programs/{id}/leaderboard", get(page))
}

#[derive(Template)]
#[template(path = "rewards/leaderboards.html")]
struct HubTemplate<'a> {
    p: &'a Ctx,
    programs: Vec<Program>,
}

/// The programs whose boards a person may see: their own, and those they coordinate
/// (every program for admins).
async fn visible_programs(state: &AppState, user: &CurrentUser) -> anyhow::Result<Vec<Program>> {
    let mine = state.store.programs_of(user.id).await?;
    let mut all: Vec<Program> = state
        .store
        .programs()
        .await?
        .into_iter()
        .filter(|p| may_plan(user, p) || mine.iter().any(|m| m.id == p.id))
        .collect();
    all.sort_by_key(|p| p.id);
    Ok(all)
}

/// `GET /app/leaderboard`.
async fn hub(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let programs = visible_programs(&state, &user).await?;
    if let [only] = programs.as_slice() {
        return Ok(Redirect::to(&format!("/app/programs/{}/leaderboard", only.id)).into_response());
    }
    render(&HubTemplate { p: &ctx, programs })
}

/// The page's query: the API's parameters, or `when` from the page's own form
/// (`month:2026-05`, `quarter:2026-Q2`, `rolling30`, `challenge:7`), which wins.
#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(flatten)]
    params: Params,
    #[serde(default)]
    when: String,
}

impl PageQuery {
    fn params(&self) -> Params {
        let mut p = self.params.clone();
        let when = self.when.trim();
        if when.is_empty() {
            return p;
        }
        let (kind, code) = when.split_once(':').unwrap_or((when, ""));
        p.period = kind.to_string();
        match kind {
            "month" => p.month = code.to_string(),
            "quarter" => p.quarter = code.to_string(),
            "challenge" => p.challenge = code.to_string(),
            _ => {}
        }
        p
    }
}

/// An option of a select: value, label.
type Opt = (String, String);

#[derive(Template)]
#[template(path = "rewards/leaderboard.html")]
struct BoardTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    access: Access,
    board: Board,
    choice: Choice,
    /// The chosen `when`, `by`, `group` and `team` as the form sends them.
    when: String,
    team: String,
    whens: Vec<Opt>,
    teams: Vec<Opt>,
    /// A query that could not be read (the default board is shown).
    error: Option<String>,
    /// The viewer hides their name on boards.
    hidden: bool,
}

impl BoardTemplate<'_> {
    /// A value with its unit (`12 points`), or an average (`2.5`) on team boards.
    fn amount(&self, v: &i64) -> String {
        if self.board.group == Group::Team {
            return board::tenths(*v, self.p.tr.locale);
        }
        self.p.n(&format!("board-unit-{}", self.choice.metric.as_str()), v)
    }
    fn metrics(&self) -> Vec<(String, String)> {
        Metric::ALL
            .into_iter()
            .map(|m| (m.as_str().to_string(), self.p.t(&format!("board-by-{}", m.as_str()))))
            .collect()
    }
    fn shown(&self) -> Vec<&Line> {
        self.board.shown()
    }
    fn is_team(&self) -> bool {
        self.board.group == Group::Team
    }
    fn by(&self) -> &'static str {
        self.choice.metric.as_str()
    }
    fn group(&self) -> &'static str {
        self.choice.group.as_str()
    }
    /// The period shown, `from – to`.
    fn span(&self) -> String {
        let (from, to) = (self.p.when(&self.choice.from), self.p.when(&self.choice.to));
        self.p.tr.a("board-period-shown", &[("from", &from), ("to", &to)])
    }
    /// "of N": everyone on the board.
    fn of_size(&self) -> String {
        self.p.n("board-of", &(self.board.lines.len() as i64))
    }
    /// How many are on the board but not shown, said in words.
    fn more(&self) -> Option<String> {
        let more = self.board.lines.len().saturating_sub(self.board.shown().len()) as i64;
        (more > 0).then(|| self.p.n("board-more", &more))
    }
}

/// A month's or quarter's name in the viewer's language (`Maj 2026`, `Q2 2026`).
fn period_label(ctx: &Ctx, p: &Period) -> String {
    match p {
        Period::Month { year, month } => format!("{} {year}", ctx.t(&format!("month-{month}"))),
        Period::Quarter { year, quarter } => ctx.tr.a(
            "board-quarter",
            &[("quarter", &quarter.to_string()), ("year", &year.to_string())],
        ),
        Period::Rolling30 => ctx.t("board-rolling30"),
        Period::Window { .. } => ctx.t("board-challenge-window"),
    }
}

/// The periods to choose from: the last 12 months and 8 quarters, the last 30 days, and
/// the program's challenges.
async fn whens(state: &AppState, ctx: &Ctx, program_id: i64, tz: &str) -> anyhow::Result<Vec<Opt>> {
    let today =
        ambasada_core::calendar::date_in(crate::now(), &zone(tz)).unwrap_or_else(|| jiff::civil::date(2026, 1, 1));
    let mut out: Vec<Opt> = lb::recent_months(today, 12)
        .iter()
        .map(|m| (format!("month:{}", m.code()), period_label(ctx, m)))
        .collect();
    out.extend(
        lb::recent_quarters(today, 8)
            .iter()
            .map(|q| (format!("quarter:{}", q.code()), period_label(ctx, q))),
    );
    out.push(("rolling30".into(), ctx.t("board-rolling30")));
    for c in state.store.challenges_of(program_id).await? {
        out.push((
            format!("challenge:{}", c.id),
            ctx.a1("board-challenge-option", "title", &c.title),
        ));
    }
    Ok(out)
}

/// The `when` value of a choice, as the form's select writes it.
fn when_of(c: &Choice) -> String {
    match (&c.period, &c.challenge) {
        (_, Some(ch)) => format!("challenge:{}", ch.id),
        (Period::Rolling30, _) => "rolling30".into(),
        (p, _) => format!("{}:{}", p.kind(), p.code()),
    }
}

/// One's place this month on a program's board by points.
pub struct MyStanding {
    pub program_id: i64,
    pub program: String,
    pub rank: i64,
    /// Everyone on the board.
    pub of: i64,
    pub value: i64,
    pub to_next: Option<i64>,
}

/// What "my points" shows of boards and badges: one's place this month in each program,
/// and the badges earned (rewards/points_extras.html).
pub struct PointsExtras {
    pub standings: Vec<MyStanding>,
    pub badges: Vec<super::badges::BadgeView>,
}

/// One's places this month and badges, for the "my points" page.
pub async fn points_extras(
    state: &AppState,
    user: &ambasada_store::people::User,
    ctx: &Ctx,
) -> anyhow::Result<PointsExtras> {
    let mut standings = Vec::new();
    for program in state.store.programs_of(user.id).await? {
        let Ok(choice) = board::choose(state, &program, &Params::default(), &user.time_zone).await? else {
            continue;
        };
        let b = board::compute(state, program.id, &choice, user.id, "").await?;
        if let Some(s) = b.you {
            standings.push(MyStanding {
                program_id: program.id,
                program: program.name,
                rank: s.rank,
                of: b.lines.len() as i64,
                value: s.value,
                to_next: s.to_next,
            });
        }
    }
    let badges = super::badges::views(state, user, &ctx.tr)
        .await?
        .into_iter()
        .filter(|b| b.earned_at.is_some())
        .collect();
    Ok(PointsExtras { standings, badges })
}

/// `GET /app/programs/{id}/leaderboard`.
async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    let access = board::access(&state, &user, &program).await?;
    if !access.any() {
        return Err(AppError::Forbidden);
    }
    let tz = user.time_zone.clone();
    let (choice, error) = match board::choose(&state, &program, &q.params(), &tz).await? {
        Ok(c) => (c, None),
        Err(wrong) => {
            let message = wrong.first().map(|(_, key)| ctx.t(key));
            let fallback = board::choose(&state, &program, &Params::default(), &tz).await?;
            (
                fallback.map_err(|_| anyhow::anyhow!("the default board is always valid"))?,
                message,
            )
        }
    };
    let board = board::compute(&state, program.id, &choice, user.id, &ctx.t("board-anonymous")).await?;
    let mut teams: Vec<Opt> = state
        .store
        .program_teams(program.id)
        .await?
        .into_iter()
        .map(|(_, id, name)| (id.to_string(), name))
        .collect();
    teams.dedup();
    let t = BoardTemplate {
        whens: whens(&state, &ctx, program.id, &tz).await?,
        p: &ctx,
        access,
        when: when_of(&choice),
        team: choice.team_id.map(|t| t.to_string()).unwrap_or_default(),
        board,
        choice,
        teams,
        error,
        hidden: state.store.hides_on_boards(user.id).await?,
        program,
    };
    render(&t)
}
