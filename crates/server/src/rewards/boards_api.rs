//! The `/api/v1` of leaderboards and badges:
//! `GET /programs/{id}/leaderboard?period=month|quarter|rolling30|challenge&by=points|shares|clicks&group=person|team`
//! (scope `content:read` for the program's members, `reports:read` for its coordinator
//! and admins; anyone else 403), with `month=2026-05`, `quarter=2026-Q2`, `challenge={id}`,
//! `team={id}` and `limit` (default 50, at most 500) to choose a past period, a
//! challenge's window, one team's members, or how many entries; and `GET /me/badges`
//! (scope `content:read`).

use super::board::{self, Access, Params};
use crate::AppState;
use crate::api::rfc3339;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::i18n::Tr;
use ambasada_core::Scope;
use ambasada_core::rewards::leaderboards::Group;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(leaderboard))
        .routes(routes!(my_badges))
}

/// Which board: the period, what it ranks, whom, and how many entries.
#[derive(Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
struct BoardQuery {
    /// `month` (the default), `quarter`, `rolling30` (the last 30 days) or `challenge`.
    #[serde(default)]
    period: String,
    /// With `period=month` (or none): a past month, `YYYY-MM` (`2026-05`); default this
    /// month, in the caller's time zone.
    #[serde(default)]
    month: String,
    /// With `period=quarter`: a past quarter, `YYYY-Qn` (`2026-Q2`); default this quarter.
    #[serde(default)]
    quarter: String,
    /// With `period=challenge`: the id of one of the program's challenges, whose window
    /// (and, by default, metric, team and item) the board takes.
    #[serde(default)]
    challenge: String,
    /// What it ranks: `points` (the default, or the challenge's own), `shares` or `clicks`.
    #[serde(default)]
    by: String,
    /// Whom it ranks: `person` (the default) or `team` (the average per active ambassador).
    #[serde(default)]
    group: String,
    /// Only this team's members: a team id (default: none, or the challenge's team).
    #[serde(default)]
    team: String,
    /// How many entries, from 1 to 500; default 50. The caller's own entry is added
    /// after them when it is further down.
    #[serde(default)]
    limit: String,
}

impl BoardQuery {
    fn params(&self) -> Params {
        Params {
            period: self.period.clone(),
            month: self.month.clone(),
            quarter: self.quarter.clone(),
            challenge: self.challenge.clone(),
            by: self.by.clone(),
            group: self.group.clone(),
            team: self.team.clone(),
        }
    }
}

/// A board's value: a whole number on people's boards, a decimal (one place) on team
/// boards, where it is the average per active ambassador.
#[derive(Serialize, Clone, Copy)]
#[serde(untagged)]
enum Score {
    Whole(i64),
    Average(f64),
}

/// The period a board covers.
#[derive(Serialize, ToSchema)]
struct BoardPeriodView {
    /// `month`, `quarter`, `rolling30` or `challenge`.
    #[schema(pattern = "^(month|quarter|rolling30|challenge)$")]
    kind: &'static str,
    /// The month (`2026-05`) or quarter (`2026-Q2`); empty for the others.
    code: String,
    /// The challenge, for `challenge`.
    challenge_id: Option<i64>,
    /// The instants covered, `[from, to)`, RFC 3339.
    from: String,
    to: String,
}

/// An entry of a board: a person or a team.
#[derive(Serialize, ToSchema)]
struct BoardEntryView {
    /// Equal values share a rank.
    rank: i64,
    /// The person's name (`an ambassador` in the caller's language for someone who keeps
    /// their name off leaderboards), or the team's.
    name: String,
    /// The person's id; `null` for a hidden person other than the caller, and for teams.
    user_id: Option<i64>,
    /// The value ranked: a whole number for people, an average with one decimal for teams.
    #[schema(value_type = f64)]
    value: Score,
    /// The caller's own entry (or one of their teams').
    you: bool,
    /// Team boards only: the team.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    team_id: Option<i64>,
    /// Team boards only: the members who shared in the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    active: Option<i64>,
    /// Team boards only: the team's members on the board.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    members: Option<i64>,
    /// Team boards only: the members' values added up.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    total: Option<i64>,
}

/// Where the caller stands.
#[derive(Serialize, ToSchema)]
struct BoardStandingView {
    rank: i64,
    #[schema(value_type = f64)]
    value: Score,
    /// How much more reaches the next rank up; `null` at the top.
    #[schema(value_type = Option<f64>)]
    to_next: Option<Score>,
}

/// A program's leaderboard.
#[derive(Serialize, ToSchema)]
struct BoardView {
    program_id: i64,
    period: BoardPeriodView,
    /// `points`, `shares` or `clicks`.
    #[schema(pattern = "^(points|shares|clicks)$")]
    by: &'static str,
    /// `person` or `team`.
    #[schema(pattern = "^(person|team)$")]
    group: &'static str,
    /// The team whose members are ranked; `null` for the whole program.
    team_id: Option<i64>,
    /// The top entries, then the caller's own when it is further down.
    entries: Vec<BoardEntryView>,
    /// The caller's standing; `null` when they (or their teams) are not on the board.
    you: Option<BoardStandingView>,
}

/// Members read with `content:read`, the program's coordinator and admins with
/// `reports:read`; everyone else is refused.
fn allowed(api: &ApiUser, a: Access) -> Result<(), ApiError> {
    let member = a.member && api.require_scope(Scope::ContentRead).is_ok();
    let manager = a.manager && api.require_scope(Scope::ReportsRead).is_ok();
    match (member || manager, a.any()) {
        (true, _) => Ok(()),
        (false, true) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "The token lacks the scope: content:read for members, reports:read for coordinators.",
        )),
        (false, false) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only the program's members, its coordinator and admins see its leaderboards.",
        )),
    }
}

/// A 400 naming each parameter that could not be read.
fn bad_query(state: &AppState, wrong: board::Wrong, bad_limit: bool) -> ApiError {
    let en = Tr::new(state.i18n.clone(), ambasada_core::Locale::En);
    let mut errors = serde_json::Map::new();
    for (field, key) in wrong {
        errors.insert(field.into(), Value::String(en.t(key)));
    }
    if bad_limit {
        errors.insert("limit".into(), Value::String("a whole number from 1 to 500".into()));
    }
    ApiError {
        status: StatusCode::BAD_REQUEST,
        detail: "The leaderboard query is not valid; see errors.".into(),
        errors: Some(Value::Object(errors)),
    }
}

/// A program's leaderboard.
///
/// People or teams ranked by points, shares or clicks over a month, a quarter, the last
/// 30 days or a challenge's window. The program's members (with `content:read`), its
/// coordinator and admins (with `reports:read`).
#[utoipa::path(
    get,
    path = "/programs/{id}/leaderboard",
    tag = "rewards",
    operation_id = "program_leaderboard",
    security(("token" = ["content:read"]), ("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The program's id."), BoardQuery),
    responses(
        (status = 200, description = "The board.", body = BoardView),
        (status = 400, description = "A parameter is not valid (`period`, `month`, `quarter`, `challenge`, `by`, `group`, `team` or `limit`); `errors` names each one.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn leaderboard(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<BoardQuery>,
) -> Result<Json<BoardView>, ApiError> {
    let program = state
        .store
        .program(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    allowed(&api, board::access(&state, &api.user, &program).await?)?;
    let limit = match q.limit.trim() {
        "" => Some(50),
        s => s.parse::<usize>().ok().filter(|n| (1..=500).contains(n)),
    };
    let tr = Tr::new(state.i18n.clone(), api.user.locale);
    let choice = board::choose(&state, &program, &q.params(), &api.user.time_zone).await?;
    let (choice, limit) = match (choice, limit) {
        (Ok(c), Some(l)) => (c, l),
        (choice, limit) => return Err(bad_query(&state, choice.err().unwrap_or_default(), limit.is_none())),
    };
    let b = board::compute(&state, program.id, &choice, api.user.id, &tr.t("board-anonymous")).await?;
    let scale = b.scale();
    let value = |v: i64| {
        if scale == 1 {
            Score::Whole(v)
        } else {
            Score::Average(v as f64 / scale as f64)
        }
    };
    let team = b.group == Group::Team;
    let entries: Vec<BoardEntryView> = b
        .top(limit)
        .into_iter()
        .map(|l| BoardEntryView {
            rank: l.rank,
            name: l.name.clone(),
            user_id: l.user_id,
            value: value(l.value),
            you: l.you,
            team_id: l.team_id.filter(|_| team),
            active: team.then_some(l.active),
            members: team.then_some(l.members),
            total: team.then_some(l.total),
        })
        .collect();
    let you = b.you.map(|s| BoardStandingView {
        rank: s.rank,
        value: value(s.value),
        to_next: s.to_next.map(value),
    });
    Ok(Json(BoardView {
        program_id: program.id,
        period: BoardPeriodView {
            kind: choice.period.kind(),
            code: choice.period.code(),
            challenge_id: choice.challenge.as_ref().map(|c| c.id),
            from: rfc3339(choice.from),
            to: rfc3339(choice.to),
        },
        by: choice.metric.as_str(),
        group: choice.group.as_str(),
        team_id: choice.team_id,
        entries,
        you,
    }))
}

/// A badge the caller earned.
#[derive(Serialize, ToSchema)]
struct EarnedBadge {
    /// The badge: `first_share`, `ten_personalised`, `first_referral`,
    /// `course_finished` or `four_week_streak`.
    #[schema(pattern = "^(first_share|ten_personalised|first_referral|course_finished|four_week_streak)$")]
    badge: &'static str,
    /// Its name in the caller's language.
    name: String,
    /// When it was earned (RFC 3339).
    earned_at: String,
}

/// A badge still to earn.
#[derive(Serialize, ToSchema)]
struct AvailableBadge {
    /// The badge: `first_share`, `ten_personalised`, `first_referral`,
    /// `course_finished` or `four_week_streak`.
    #[schema(pattern = "^(first_share|ten_personalised|first_referral|course_finished|four_week_streak)$")]
    badge: &'static str,
    /// Its name in the caller's language.
    name: String,
    /// How it is earned, in the caller's language.
    description: String,
}

/// The caller's badges.
#[derive(Serialize, ToSchema)]
struct BadgeList {
    /// The badges earned.
    badges: Vec<EarnedBadge>,
    /// The badges still to earn.
    available: Vec<AvailableBadge>,
}

/// The caller's badges.
///
/// The badges the caller earned, with their names in the caller's language, and those
/// still to earn. Anyone with a token that may read content.
#[utoipa::path(
    get,
    path = "/me/badges",
    tag = "rewards",
    operation_id = "my_badges",
    security(("token" = ["content:read"])),
    responses((status = 200, description = "The badges earned and to earn.", body = BadgeList)),
)]
async fn my_badges(State(state): State<AppState>, api: ApiUser) -> Result<Json<BadgeList>, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let tr = Tr::new(state.i18n.clone(), api.user.locale);
    let views = super::badges::views(&state, &api.user, &tr).await?;
    let mut badges = Vec::new();
    let mut available = Vec::new();
    for v in views {
        match v.earned_at {
            Some(at) => badges.push(EarnedBadge {
                badge: v.badge,
                name: v.name,
                earned_at: rfc3339(at),
            }),
            None => available.push(AvailableBadge {
                badge: v.badge,
                name: v.name,
                description: v.about,
            }),
        }
    }
    Ok(Json(BadgeList { badges, available }))
}
