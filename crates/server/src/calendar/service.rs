//! Rules shared by the calendar's pages and its API: who may plan in a program, checking
//! a slot and turning it into planned posts (spread or not), and realisation grouped by
//! ambassador, team, week or month.

use crate::AppState;
use crate::content::service::Problems;
use ambasada_core::calendar::{self, Person, PostStatus, Realisation, SpreadRule};
use ambasada_core::content::Status;
use ambasada_core::{HOUR, Millis, Network};
use ambasada_store::calendar::{PlannedPost, PostPlan, SlotInput};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use jiff::tz::TimeZone;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The longest window a slot may have.
pub const MAX_WINDOW: Millis = 62 * ambasada_core::DAY;

/// How far ahead a slot may be planned.
pub const MAX_AHEAD: Millis = 2 * 366 * ambasada_core::DAY;

/// Admins plan in every program; a coordinator in those they coordinate, as on the
/// program page ([`ambasada_core::programs::may_manage`]).
pub fn may_plan(u: &User, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&u.roles, u.id, p.coordinator_id)
}

/// The programs a person may plan in.
pub async fn plannable_programs(state: &AppState, u: &User) -> anyhow::Result<Vec<Program>> {
    Ok(state
        .store
        .programs()
        .await?
        .into_iter()
        .filter(|p| may_plan(u, p))
        .collect())
}

/// A time zone by name; UTC when unknown.
pub fn zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

/// A slot as asked for, before checking.
#[derive(Debug, Clone, Default)]
pub struct SlotRequest {
    pub content_id: Option<i64>,
    pub topic: String,
    pub network: String,
    pub starts_at: Option<Millis>,
    pub ends_at: Option<Millis>,
    /// `program`, `team` or `people`.
    pub audience: String,
    pub team_id: Option<i64>,
    pub user_ids: Vec<i64>,
    pub spread: bool,
    /// At most this share of the group on one day, from 0 to 1.
    pub max_daily_share: f64,
}

/// A checked slot: the store's input and what is needed to plan its posts.
#[derive(Debug, Clone)]
pub struct CheckedSlot {
    pub input: SlotInput,
    /// The item's expiry, when it has one.
    pub expires_at: Option<Millis>,
    /// The teams the item is meant for (empty: everyone in its programs).
    pub item_teams: Vec<i64>,
}

/// Checks a slot's subject, network and window for `program` (not its audience).
pub async fn check_slot(
    state: &AppState,
    program: &Program,
    r: &SlotRequest,
    now: Millis,
) -> anyhow::Result<Result<CheckedSlot, Problems>> {
    let mut p = Problems::default();
    let network = Network::parse(&r.network);
    if network.is_none() {
        p.add("network", "error-network");
    }
    let topic = r.topic.trim();
    let mut expires_at = None;
    let mut item_starts_at = None;
    let mut item_teams = Vec::new();
    match (r.content_id, topic.is_empty()) {
        (Some(_), false) => p.add("topic", "calendar-error-item-or-topic"),
        (None, true) => p.add("content_id", "calendar-error-item-or-topic"),
        (None, false) if topic.chars().count() > 200 => p.add("topic", "error-too-long"),
        (None, false) => {
            if let Err(e) = ambasada_core::text::check_line(topic) {
                p.add("topic", e.key());
            }
        }
        (Some(id), true) => match state.store.content_item(id).await? {
            Some(item) if plannable(&item, program.id) => {
                expires_at = item.expires_at;
                item_starts_at = Some(item.starts_at);
                item_teams = item.team_ids.clone();
            }
            _ => p.add("content_id", "calendar-error-item"),
        },
    }
    let (starts_at, ends_at) = check_window(r, now, expires_at, &mut p);
    // Nobody can share an item before it is available in their feed.
    if let Some(available) = item_starts_at.filter(|s| *s > starts_at && p.is_empty()) {
        let date = jiff::Timestamp::from_millisecond(available)
            .map(|t| t.to_zoned(zone("Europe/Warsaw")).date().to_string())
            .unwrap_or_default();
        p.add_args("starts_at", "calendar-error-item-not-started", vec![("date", date)]);
    }
    match (network, p.is_empty()) {
        (Some(network), true) => Ok(Ok(CheckedSlot {
            input: SlotInput {
                program_id: program.id,
                content_id: r.content_id,
                topic: r.content_id.is_none().then(|| topic.to_string()),
                network,
                starts_at,
                ends_at,
                audience: r.audience.clone(),
                team_id: r.team_id.filter(|_| r.audience == "team"),
                spread: r.spread,
            },
            expires_at,
            item_teams,
        })),
        _ => Ok(Err(p)),
    }
}

/// An item may be planned in a program when it is approved or published, and targets
/// the program (or every program).
fn plannable(item: &ambasada_store::content::ContentItem, program_id: i64) -> bool {
    let status_ok = matches!(
        Status::parse(&item.status),
        Some(Status::Approved) | Some(Status::Published)
    );
    status_ok && (item.program_ids.is_empty() || item.program_ids.contains(&program_id))
}

/// The window: both ends given, the end after the start and in the future, at most
/// [`MAX_WINDOW`] long, and (for an item) starting at least an hour before it expires.
fn check_window(r: &SlotRequest, now: Millis, expires_at: Option<Millis>, p: &mut Problems) -> (Millis, Millis) {
    let (Some(start), Some(end)) = (r.starts_at, r.ends_at) else {
        if r.starts_at.is_none() {
            p.add("starts_at", "error-datetime");
        }
        if r.ends_at.is_none() {
            p.add("ends_at", "error-datetime");
        }
        return (0, 0);
    };
    if end <= start {
        p.add("ends_at", "calendar-error-end-before-start");
    } else if end - start > MAX_WINDOW {
        p.add("ends_at", "calendar-error-window-too-long");
    } else if end <= now {
        p.add("ends_at", "calendar-error-in-the-past");
    } else if start > now + MAX_AHEAD {
        p.add("starts_at", "calendar-error-too-far");
    } else if expires_at.is_some_and(|x| x < start + HOUR) {
        p.add("starts_at", "calendar-error-item-expires");
    }
    (start, end.min(expires_at.unwrap_or(end)))
}

/// The people a slot is for: the program's current members (those in the item's teams,
/// when it targets teams), all of them, those in a team, or those named. Problems on
/// `audience`, `team_id` or `user_ids`.
pub async fn audience(
    state: &AppState,
    program: &Program,
    r: &SlotRequest,
    item_teams: &[i64],
) -> anyhow::Result<Result<Vec<i64>, Problems>> {
    let mut p = Problems::default();
    let mut members: Vec<i64> = state
        .store
        .members(program.id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    // An item meant for some teams is planned only for their members: the others do not
    // see it in their feed.
    if !item_teams.is_empty() {
        let in_teams: BTreeSet<i64> = state
            .store
            .teams_of_people(&members)
            .await?
            .into_iter()
            .filter(|(_, t, _)| item_teams.contains(t))
            .map(|(u, ..)| u)
            .collect();
        members.retain(|m| in_teams.contains(m));
    }
    let people: Vec<i64> = match r.audience.as_str() {
        "program" => members,
        "team" => match r.team_id {
            Some(team) => {
                let in_team: BTreeSet<i64> = state
                    .store
                    .teams_of_people(&members)
                    .await?
                    .into_iter()
                    .filter(|(_, t, _)| *t == team)
                    .map(|(u, ..)| u)
                    .collect();
                members.into_iter().filter(|m| in_team.contains(m)).collect()
            }
            None => {
                p.add("team_id", "calendar-error-team");
                Vec::new()
            }
        },
        "people" => {
            if r.user_ids.iter().any(|u| !members.contains(u)) {
                p.add("user_ids", "calendar-error-not-member");
            }
            let chosen: BTreeSet<i64> = r.user_ids.iter().copied().collect();
            members.into_iter().filter(|m| chosen.contains(m)).collect()
        }
        _ => {
            p.add("audience", "calendar-error-audience");
            Vec::new()
        }
    };
    if p.is_empty() && people.is_empty() {
        p.add("audience", "calendar-error-nobody");
    }
    Ok(if p.is_empty() { Ok(people) } else { Err(p) })
}

/// The planned posts of a checked slot for `people`: everyone gets the slot's window, or,
/// spread, one post each by `core::calendar::spread` (a problem on `ends_at` when some do
/// not fit). `tz` is the planner's time zone, which the window's days are read in.
pub async fn plan_posts(
    state: &AppState,
    slot: &CheckedSlot,
    people: &[i64],
    max_daily_share: f64,
    tz: &str,
    now: Millis,
) -> anyhow::Result<Result<Vec<PostPlan>, Problems>> {
    let s = &slot.input;
    if !s.spread || people.len() < 2 {
        return Ok(Ok(people.iter().map(|u| (*u, s.starts_at, s.ends_at)).collect()));
    }
    let zones: HashMap<i64, String> = state.store.time_zones(people).await?.into_iter().collect();
    let mut busy: HashMap<i64, BTreeSet<jiff::civil::Date>> = HashMap::new();
    let from = s.starts_at - ambasada_core::DAY;
    let to = s.ends_at + ambasada_core::DAY;
    for (user, at) in state.store.planned_starts(people, from, to).await? {
        let z = zone(zones.get(&user).map_or("UTC", String::as_str));
        if let Some(d) = calendar::date_in(at, &z) {
            busy.entry(user).or_default().insert(d);
        }
    }
    let group: Vec<Person> = people
        .iter()
        .map(|u| Person {
            id: *u,
            time_zone: zone(zones.get(u).map_or("Europe/Warsaw", String::as_str)),
            busy: busy.remove(u).unwrap_or_default(),
        })
        .collect();
    let planner = zone(tz);
    let (Some(first_day), Some(last_day)) = (
        calendar::date_in(s.starts_at, &planner),
        calendar::date_in(s.ends_at, &planner),
    ) else {
        return Ok(Err(window_problem(0, people.len())));
    };
    let rule = SpreadRule {
        first_day,
        last_day,
        max_daily_share,
        not_before: now.max(s.starts_at),
        not_after: Some(slot.expires_at.map_or(s.ends_at, |x| x.min(s.ends_at))),
    };
    let spread = calendar::spread(&group, &rule);
    if !spread.unplaced.is_empty() {
        return Ok(Err(window_problem(spread.unplaced.len(), people.len())));
    }
    Ok(Ok(spread
        .placed
        .into_iter()
        .map(|p| (p.user_id, p.starts_at, p.ends_at))
        .collect()))
}

fn window_problem(unplaced: usize, group: usize) -> Problems {
    let mut p = Problems::default();
    p.add_args(
        "ends_at",
        "calendar-error-does-not-fit",
        vec![("count", unplaced.to_string()), ("group", group.to_string())],
    );
    p
}

/// How planned posts are grouped on the realisation page and in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Ambassador,
    Team,
    Week,
    Month,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s {
            "ambassador" => Some(GroupBy::Ambassador),
            "team" => Some(GroupBy::Team),
            "week" => Some(GroupBy::Week),
            "month" => Some(GroupBy::Month),
            _ => None,
        }
    }
}

/// One row of a realisation breakdown: its key (`2026-W49`, `2026-11`, a person's or a
/// team's id), its label, and its numbers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RealisationRow {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub numbers: Realisation,
    pub rate: Option<f64>,
}

/// Realisation of `posts` as they stand at `now` (a planned post past its deadline counts
/// as missed even before the job marked it).
pub fn status_now(p: &PlannedPost, now: Millis) -> PostStatus {
    calendar::status_at(p.status(), p.ends_at, false, now)
}

/// Realisation rows of `posts` grouped by `by` (`teams` maps people to their teams; a
/// person in no team is under `no_team`), in key order.
pub fn breakdown(
    posts: &[PlannedPost],
    by: GroupBy,
    teams: &[(i64, i64, String)],
    tz: &TimeZone,
    no_team: &str,
    now: Millis,
) -> Vec<RealisationRow> {
    let mut groups: BTreeMap<String, (String, Realisation)> = BTreeMap::new();
    for p in posts {
        let keys: Vec<(String, String)> = match by {
            GroupBy::Ambassador => vec![(format!("{:012}", p.user_id), p.user_name.clone())],
            GroupBy::Team => {
                let mine: Vec<(String, String)> = teams
                    .iter()
                    .filter(|(u, ..)| *u == p.user_id)
                    .map(|(_, t, name)| (format!("{t:012}"), name.clone()))
                    .collect();
                if mine.is_empty() {
                    vec![(String::from("~"), no_team.to_string())]
                } else {
                    mine
                }
            }
            GroupBy::Week | GroupBy::Month => {
                let key = period_key(p.ends_at, by, tz);
                vec![(key.clone(), key)]
            }
        };
        for (key, label) in keys {
            groups
                .entry(key)
                .or_insert_with(|| (label, Realisation::default()))
                .1
                .add(status_now(p, now));
        }
    }
    groups
        .into_iter()
        .map(|(key, (label, numbers))| RealisationRow {
            key: key.trim_start_matches('0').to_string(),
            label,
            rate: numbers.rate(),
            numbers,
        })
        .collect()
}

/// `2026-W49` or `2026-11` of an instant in a time zone.
pub fn period_key(at: Millis, by: GroupBy, tz: &TimeZone) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(at) else {
        return String::new();
    };
    let date = ts.to_zoned(tz.clone()).date();
    match by {
        GroupBy::Month => format!("{:04}-{:02}", date.year(), date.month()),
        _ => {
            let w = date.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
    }
}

/// Realisation of a list of posts at `now`.
pub fn total(posts: &[PlannedPost], now: Millis) -> Realisation {
    calendar::tally(posts.iter().map(|p| status_now(p, now)))
}

/// (done, due) of a program over `[from, to)`, for goals: `None` while the program has
/// no planned post at all in the period.
pub async fn plan_facts(
    state: &AppState,
    program_id: i64,
    from: Millis,
    to: Millis,
) -> anyhow::Result<Option<(i64, i64)>> {
    let now = crate::now();
    let posts = state.store.program_plan(Some(program_id), from, to).await?;
    if posts.is_empty() {
        return Ok(None);
    }
    let r = total(&posts, now);
    Ok(Some((r.done, r.due())))
}
