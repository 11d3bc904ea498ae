//! Challenge pages (C10): a program's challenges (`/app/programs/{id}/challenges`) with
//! each member's progress in the running ones, a challenge's page with its progress, its
//! leaderboard and, once settled, who got the bonus and (for a raffle) the seed, the
//! candidates and how to check the draw; and cancelling one that is not settled. The
//! form that sets a challenge is in `challenge_form`.

use super::board::{self, Access};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::rewards::challenges::{self as rules, Mode, Phase, phase};
use ambasada_store::programs::Program;
use ambasada_store::rewards::challenges::Challenge;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/app/programs/{id}/challenges",
            get(list).post(super::challenge_form::create),
        )
        .route("/app/programs/{id}/challenges/new", get(super::challenge_form::form))
        .route("/app/programs/{id}/challenges/{cid}", get(show))
        .route("/app/programs/{id}/challenges/{cid}/delete", post(delete))
}

/// The program and how the person may see it; 404 without the program, 403 for someone
/// who is neither a member, its coordinator nor an admin.
pub async fn program_for(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Program, Access)> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    let access = board::access(state, user, &program).await?;
    if access.any() {
        Ok((program, access))
    } else {
        Err(AppError::Forbidden)
    }
}

/// A challenge with where it stands for the viewer.
pub struct Row {
    pub c: Challenge,
    pub phase: Phase,
    /// The viewer's value in the window (running and past challenges they take part in).
    pub mine: Option<i64>,
    /// Everyone's total (the collective goal's progress).
    pub total: i64,
}

impl Row {
    /// The progress a meter shows: the group's total for a collective goal, else one's own.
    pub fn progress(&self) -> i64 {
        if self.c.mode == Mode::Collective.as_str() {
            self.total
        } else {
            self.mine.unwrap_or(0)
        }
    }
}

/// A challenge's row: progress is counted for running and ended challenges only.
async fn row(state: &AppState, c: Challenge, viewer: i64, now: i64) -> anyhow::Result<Row> {
    let phase = phase(c.starts_at, c.ends_at, c.settled_at.is_some(), now);
    let (mine, total) = if phase == Phase::Upcoming {
        (None, 0)
    } else {
        let rows = board::challenge_rows(state, &c).await?;
        let values: Vec<(i64, i64)> = rows.iter().map(|r| (r.user_id, r.value)).collect();
        (
            rows.iter().find(|r| r.user_id == viewer).map(|r| r.value),
            rules::total(&values),
        )
    };
    Ok(Row { c, phase, mine, total })
}

#[derive(Template)]
#[template(path = "rewards/challenges.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    access: Access,
    running: Vec<Row>,
    upcoming: Vec<Row>,
    past: Vec<Row>,
}

impl ListTemplate<'_> {
    /// A message with a time in the viewer's zone (`ends 04.05.2026 10:00`).
    fn at(&self, key: &str, t: &i64) -> String {
        self.p.a1(key, "when", &self.p.when(t))
    }
}

/// `GET /app/programs/{id}/challenges`.
async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (program, access) = program_for(&state, &user, id).await?;
    let now = crate::now();
    let (mut running, mut upcoming, mut past) = (Vec::new(), Vec::new(), Vec::new());
    for c in state.store.challenges_of(program.id).await? {
        let phase = phase(c.starts_at, c.ends_at, c.settled_at.is_some(), now);
        match phase {
            Phase::Running => running.push(row(&state, c, user.id, now).await?),
            Phase::Upcoming => upcoming.push(Row {
                c,
                phase,
                mine: None,
                total: 0,
            }),
            Phase::Ended | Phase::Settled => past.push(Row {
                c,
                phase,
                mine: None,
                total: 0,
            }),
        }
    }
    running.reverse();
    upcoming.reverse();
    render(&ListTemplate {
        p: &ctx,
        program,
        access,
        running,
        upcoming,
        past,
    })
}

/// A raffle candidate as the challenge page shows it.
pub struct Candidate {
    pub user_id: i64,
    /// The user id to show: none for someone who hides their name on boards (their
    /// ticket alone is shown; they can check it with their own id), except to themselves.
    pub shown_id: Option<i64>,
    pub name: String,
    pub ticket: String,
    pub won: bool,
}

#[derive(Template)]
#[template(path = "rewards/challenge.html")]
struct ShowTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    access: Access,
    row: Row,
    /// Who got the bonus (names hidden as on boards).
    recipients: Vec<String>,
    candidates: Vec<Candidate>,
    /// The viewer got the bonus.
    won: bool,
}

impl ShowTemplate<'_> {
    fn unit(&self, v: &i64) -> String {
        self.p.n(&format!("board-unit-{}", self.row.c.metric), v)
    }
    fn is_raffle(&self) -> bool {
        self.row.c.mode == Mode::Raffle.as_str()
    }
    /// The phase's name: `upcoming`, `running`, `ended` or `settled`.
    fn phase(&self) -> &'static str {
        match self.row.phase {
            Phase::Upcoming => "upcoming",
            Phase::Running => "running",
            Phase::Ended => "ended",
            Phase::Settled => "settled",
        }
    }
}

/// Names as boards show them: hidden ones as "an ambassador", except the viewer's own.
fn shown_name(id: i64, name: &str, hidden: i64, viewer: i64, anonymous: &str) -> String {
    if hidden != 0 && id != viewer {
        anonymous.to_string()
    } else {
        name.to_string()
    }
}

/// `GET /app/programs/{id}/challenges/{cid}`.
async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, cid)): Path<(i64, i64)>,
) -> Result<Response> {
    let (program, access) = program_for(&state, &user, id).await?;
    let c = state
        .store
        .challenge(cid)
        .await?
        .filter(|c| c.program_id == program.id)
        .ok_or(AppError::NotFound)?;
    let anonymous = ctx.t("board-anonymous");
    let got = state.store.challenge_recipients(c.id).await?;
    let won = got.iter().any(|(u, ..)| *u == user.id);
    let recipients = got
        .iter()
        .map(|(u, n, h)| shown_name(*u, n, *h, user.id, &anonymous))
        .collect();
    let mut candidates = Vec::new();
    if let Some(seed) = c.seed.clone() {
        for (u, n, h) in state.store.board_names(&c.candidate_ids()).await? {
            candidates.push(Candidate {
                user_id: u,
                shown_id: (h == 0 || u == user.id).then_some(u),
                name: shown_name(u, &n, h, user.id, &anonymous),
                ticket: rules::ticket(&seed, u),
                won: got.iter().any(|(w, ..)| *w == u),
            });
        }
        candidates.sort_by(|a, b| a.ticket.cmp(&b.ticket).then(a.user_id.cmp(&b.user_id)));
    }
    let row = row(&state, c, user.id, crate::now()).await?;
    render(&ShowTemplate {
        p: &ctx,
        program,
        access,
        row,
        recipients,
        candidates,
        won,
    })
}

/// `POST /app/programs/{id}/challenges/{cid}/delete`: the coordinator cancels a
/// challenge that is not settled.
async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, cid)): Path<(i64, i64)>,
) -> Result<Response> {
    let (program, access) = program_for(&state, &user, id).await?;
    if !access.manager {
        return Err(AppError::Forbidden);
    }
    let c = state
        .store
        .challenge(cid)
        .await?
        .filter(|c| c.program_id == program.id)
        .ok_or(AppError::NotFound)?;
    match state.store.delete_challenge(c.id).await {
        Ok(()) => Ok(redirect_flash(
            &format!("/app/programs/{}/challenges", program.id),
            true,
            "flash-challenge-deleted",
            Some(&c.title),
        )),
        Err(ambasada_store::StoreError::NotFound) => Ok(redirect_flash(
            &format!("/app/programs/{}/challenges/{}", program.id, c.id),
            false,
            "flash-challenge-settled",
            None,
        )),
        Err(e) => Err(e.into()),
    }
}
