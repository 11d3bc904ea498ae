//! What the leaderboard pages, their API and challenges share: who may see a program's
//! boards, which board a query asks for (period, metric, grouping, team), and the board
//! itself, ranked by the rules in `core::rewards::leaderboards`.
//!
//! A person who hides their name is shown as "an ambassador" (without their id) to
//! everyone but themselves, coordinators and admins included: the board is a public
//! place. Coordinators still see names in their own reports elsewhere.

use crate::AppState;
use crate::calendar::service::{may_plan, zone};
use ambasada_core::Millis;
use ambasada_core::rewards::leaderboards::{self as lb, Group, Metric, Period, PersonValue, Standing};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::rewards::challenges::Challenge;
use ambasada_store::rewards::leaderboards::{BoardQuery, BoardRow};
use std::collections::BTreeSet;

/// How a person may see a program's boards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// A current member of the program.
    pub member: bool,
    /// Its coordinator, or an admin.
    pub manager: bool,
}

impl Access {
    pub fn any(&self) -> bool {
        self.member || self.manager
    }
}

/// How `user` may see `program`'s boards (neither: not at all).
pub async fn access(state: &AppState, user: &User, program: &Program) -> anyhow::Result<Access> {
    let member = state
        .store
        .programs_of(user.id)
        .await?
        .iter()
        .any(|p| p.id == program.id);
    Ok(Access {
        member,
        manager: may_plan(user, program),
    })
}

/// A board's query as received (the API's parameters; pages translate theirs).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Params {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub month: String,
    #[serde(default)]
    pub quarter: String,
    #[serde(default)]
    pub challenge: String,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub team: String,
}

/// The board a query asks for.
#[derive(Debug, Clone)]
pub struct Choice {
    pub period: Period,
    pub metric: Metric,
    pub group: Group,
    pub team_id: Option<i64>,
    /// Only shares of (clicks on) this item: a challenge's.
    pub content_id: Option<i64>,
    /// The challenge whose window the board covers.
    pub challenge: Option<Challenge>,
    /// `[from, to)`.
    pub from: Millis,
    pub to: Millis,
}

/// What is wrong with a query: (parameter, catalog key).
pub type Wrong = Vec<(&'static str, &'static str)>;

/// The period a query asks for (this month by default) and the challenge whose window
/// it is, if any; problems go to `wrong`.
async fn period_of(
    state: &AppState,
    program: &Program,
    q: &Params,
    today: jiff::civil::Date,
    wrong: &mut Wrong,
) -> anyhow::Result<(Option<Period>, Option<Challenge>)> {
    let mut flag = |field: &'static str, key: &'static str, p: Option<Period>| {
        if p.is_none() {
            wrong.push((field, key));
        }
        p
    };
    Ok(match q.period.trim() {
        "" | "month" if q.month.trim().is_empty() => (Some(Period::month_of(today)), None),
        "" | "month" => (flag("month", "board-error-month", Period::parse_month(&q.month)), None),
        "quarter" if q.quarter.trim().is_empty() => (Some(Period::quarter_of(today)), None),
        "quarter" => (
            flag("quarter", "board-error-quarter", Period::parse_quarter(&q.quarter)),
            None,
        ),
        "rolling30" => (Some(Period::Rolling30), None),
        "challenge" => {
            let challenge = match q.challenge.trim().parse::<i64>() {
                Ok(id) => state.store.challenge(id).await?.filter(|c| c.program_id == program.id),
                Err(_) => None,
            };
            let window = challenge.as_ref().map(|c| Period::Window {
                from: c.starts_at,
                to: c.ends_at,
            });
            (flag("challenge", "board-error-challenge", window), challenge)
        }
        _ => (flag("period", "board-error-period", None), None),
    })
}

/// Reads a board query for `program` in the viewer's time zone `tz`: the period (this
/// month by default), the metric (points, or a challenge's own), the grouping (people)
/// and the team (none, or a challenge's).
pub async fn choose(
    state: &AppState,
    program: &Program,
    q: &Params,
    tz: &str,
) -> anyhow::Result<Result<Choice, Wrong>> {
    let now = crate::now();
    let zone = zone(tz);
    let today = ambasada_core::calendar::date_in(now, &zone).unwrap_or_else(|| jiff::civil::date(2026, 1, 1));
    let mut wrong: Wrong = Vec::new();
    let (period, challenge) = period_of(state, program, q, today, &mut wrong).await?;
    let own_metric = challenge.as_ref().and_then(|c| Metric::parse(&c.metric));
    let metric = match q.by.trim() {
        "" => Some(own_metric.unwrap_or(Metric::Points)),
        s => Metric::parse(s),
    };
    if metric.is_none() {
        wrong.push(("by", "board-error-by"));
    }
    let group = match q.group.trim() {
        "" => Some(Group::Person),
        s => Group::parse(s),
    };
    if group.is_none() {
        wrong.push(("group", "board-error-group"));
    }
    let team_id = match q.team.trim() {
        "" => Ok(challenge.as_ref().and_then(|c| c.team_id)),
        s => match s.parse::<i64>() {
            Ok(id) if state.store.team(id).await?.is_some() => Ok(Some(id)),
            _ => Err(()),
        },
    };
    if team_id.is_err() {
        wrong.push(("team", "board-error-team"));
    }
    let (Some(period), Some(metric), Some(group), Ok(team_id)) = (period, metric, group, team_id) else {
        return Ok(Err(wrong));
    };
    let content_id = challenge
        .as_ref()
        .filter(|_| Some(metric) == own_metric)
        .and_then(|c| c.content_id);
    let (from, to) = period.bounds(now, &zone);
    Ok(Ok(Choice {
        period,
        metric,
        group,
        team_id,
        content_id,
        challenge,
        from,
        to,
    }))
}

/// One line of a board.
#[derive(Debug, Clone)]
pub struct Line {
    pub rank: i64,
    /// The person's name ("an ambassador" when hidden), or the team's.
    pub name: String,
    /// The person's id; `None` for a hidden person other than the viewer, and for teams.
    pub user_id: Option<i64>,
    pub team_id: Option<i64>,
    /// The value; in tenths on team boards (averages).
    pub value: i64,
    /// The viewer's own line (or one of their teams').
    pub you: bool,
    /// Team boards: active ambassadors, members and the total.
    pub active: i64,
    pub members: i64,
    pub total: i64,
}

/// A ranked board and where the viewer stands on it.
#[derive(Debug, Clone)]
pub struct Board {
    pub group: Group,
    pub lines: Vec<Line>,
    pub you: Option<Standing>,
}

impl Board {
    /// 10 when values are in tenths (team averages), else 1.
    pub fn scale(&self) -> i64 {
        if self.group == Group::Team { 10 } else { 1 }
    }

    /// The lines to show: the top [`lb::TOP`] (every team) and the viewer's own further down.
    pub fn shown(&self) -> Vec<&Line> {
        let top = if self.group == Group::Team { usize::MAX } else { lb::TOP };
        self.top(top)
    }

    /// The first `top` lines and the viewer's own after them.
    pub fn top(&self, top: usize) -> Vec<&Line> {
        lb::shown(&self.lines, top, |l| l.you)
    }
}

/// The members' values for a board.
pub async fn rows(state: &AppState, program_id: i64, c: &Choice) -> anyhow::Result<Vec<BoardRow>> {
    Ok(state
        .store
        .board_rows(&BoardQuery {
            program_id,
            metric: c.metric,
            from: c.from,
            to: c.to,
            team_id: c.team_id,
            content_id: c.content_id,
        })
        .await?)
}

/// The board of `choice` as `viewer` sees it; `anonymous` is the name of hidden people.
pub async fn compute(
    state: &AppState,
    program_id: i64,
    choice: &Choice,
    viewer: i64,
    anonymous: &str,
) -> anyhow::Result<Board> {
    let rows = rows(state, program_id, choice).await?;
    match choice.group {
        Group::Person => Ok(person_board(&rows, viewer, anonymous)),
        Group::Team => {
            let teams = state.store.program_teams(program_id).await?;
            Ok(team_board(&rows, &teams, viewer))
        }
    }
}

/// People ranked by value; hidden names are kept from everyone but their owner.
pub fn person_board(rows: &[BoardRow], viewer: i64, anonymous: &str) -> Board {
    let ranked = lb::rank(rows.iter().map(|r| (r.user_id, r.value)).collect());
    let lines = ranked
        .iter()
        .filter_map(|r| {
            let row = rows.iter().find(|x| x.user_id == r.key)?;
            let shown = row.hidden == 0 || row.user_id == viewer;
            Some(Line {
                rank: r.rank,
                name: if shown { row.name.clone() } else { anonymous.to_string() },
                user_id: shown.then_some(row.user_id),
                team_id: None,
                value: r.value,
                you: row.user_id == viewer,
                active: i64::from(row.shares > 0),
                members: 1,
                total: r.value,
            })
        })
        .collect();
    Board {
        group: Group::Person,
        lines,
        you: lb::standing(&ranked, &viewer),
    }
}

/// Teams ranked by their average per active ambassador; `teams` are (user, team, name).
pub fn team_board(rows: &[BoardRow], teams: &[(i64, i64, String)], viewer: i64) -> Board {
    let people: Vec<PersonValue> = rows
        .iter()
        .map(|r| PersonValue {
            user_id: r.user_id,
            value: r.value,
            active: r.shares > 0,
        })
        .collect();
    let pairs: Vec<(i64, i64)> = teams.iter().map(|(u, t, _)| (*u, *t)).collect();
    let tallies = lb::team_tallies(&people, &pairs);
    let ranked = lb::rank(tallies.iter().map(|(t, v)| (*t, v.average_tenths())).collect());
    let mine: BTreeSet<i64> = teams
        .iter()
        .filter(|(u, ..)| *u == viewer && rows.iter().any(|r| r.user_id == viewer))
        .map(|(_, t, _)| *t)
        .collect();
    let lines = ranked
        .iter()
        .map(|r| {
            let tally = tallies.get(&r.key).copied().unwrap_or_default();
            Line {
                rank: r.rank,
                name: teams
                    .iter()
                    .find(|(_, t, _)| *t == r.key)
                    .map(|(_, _, n)| n.clone())
                    .unwrap_or_default(),
                user_id: None,
                team_id: Some(r.key),
                value: r.value,
                you: mine.contains(&r.key),
                active: tally.active,
                members: tally.members,
                total: tally.total,
            }
        })
        .collect();
    let you = ranked
        .iter()
        .find(|r| mine.contains(&r.key))
        .and_then(|r| lb::standing(&ranked, &r.key));
    Board {
        group: Group::Team,
        lines,
        you,
    }
}

/// A value in tenths as the language writes it (`2,5` in Polish, `2.5` in English).
pub fn tenths(value: i64, locale: ambasada_core::Locale) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.abs();
    let sep = match locale {
        ambasada_core::Locale::Pl => ",",
        ambasada_core::Locale::En => ".",
    };
    format!("{sign}{}{sep}{}", v / 10, v % 10)
}

/// The values of a challenge's participants in its window: (user id, value), with the
/// rows they come from.
pub async fn challenge_rows(state: &AppState, c: &Challenge) -> anyhow::Result<Vec<BoardRow>> {
    let metric = Metric::parse(&c.metric).ok_or_else(|| anyhow::anyhow!("challenge {}: unknown metric", c.id))?;
    Ok(state
        .store
        .board_rows(&BoardQuery {
            program_id: c.program_id,
            metric,
            from: c.starts_at,
            to: c.ends_at,
            team_id: c.team_id,
            content_id: c.content_id.filter(|_| metric != Metric::Points),
        })
        .await?)
}
