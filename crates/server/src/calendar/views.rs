//! The calendar for coordinators and admins: month, week and list views of the slots of
//! their programs, filtered by program, team and network.

use super::service::{plannable_programs, zone};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, render};
use ambasada_core::{Millis, Network};
use ambasada_store::calendar::{Slot, SlotFilter};
use ambasada_store::people::TeamSummary;
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

/// The start of the local day of `at` in time zone `tz`.
pub fn start_of_local_day(at: Millis, tz: &str) -> Millis {
    crate::content::service::start_of_day(at, tz)
}

/// The instant a civil date starts in a time zone.
pub fn day_start(d: Date, tz: &str) -> Millis {
    d.to_zoned(zone(tz))
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(0)
}

/// The earliest and latest years the calendar's pages and API take in a date: anything
/// outside is a typing error (and would overflow date arithmetic).
pub const YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

/// A `YYYY-MM-DD` date within [`YEARS`].
pub fn parse_date(s: &str) -> Option<Date> {
    s.trim().parse::<Date>().ok().filter(|d| YEARS.contains(&d.year()))
}

/// Today in a time zone.
pub fn today(tz: &str) -> Date {
    ambasada_core::calendar::date_in(crate::now(), &zone(tz)).unwrap_or_else(|| jiff::civil::date(2026, 1, 1))
}

#[derive(Deserialize, Default)]
pub struct CalendarQuery {
    #[serde(default)]
    view: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    network: String,
}

/// One day of a view with its slots.
pub struct Day {
    pub date: Date,
    pub iso: String,
    /// In the viewed month (month view) or week.
    pub inside: bool,
    pub today: bool,
    pub slots: Vec<Slot>,
}

#[derive(Template)]
#[template(path = "calendar/calendar.html")]
struct CalendarTemplate<'a> {
    p: &'a Ctx,
    view: &'static str,
    title: String,
    days: Vec<Day>,
    prev: String,
    next: String,
    today: String,
    programs: Vec<Program>,
    teams: Vec<TeamSummary>,
    networks: &'static [Network],
    program: Option<i64>,
    team: Option<i64>,
    network: String,
    /// The query string of the filters, for the view switches.
    filters: String,
}

impl CalendarTemplate<'_> {
    fn weekday_names(&self) -> Vec<String> {
        (1..=7).map(|d| self.p.t(&format!("weekday-short-{d}"))).collect()
    }
    fn time(&self, at: &Millis) -> String {
        let tz = self.p.user.as_ref().map_or("Europe/Warsaw", |u| u.time_zone.as_str());
        jiff::Timestamp::from_millisecond(*at)
            .map(|t| t.to_zoned(zone(tz)).strftime("%H:%M").to_string())
            .unwrap_or_default()
    }
    fn is_program(&self, id: &i64) -> bool {
        self.program == Some(*id)
    }
    fn is_team(&self, id: &i64) -> bool {
        self.team == Some(*id)
    }
    fn has_slots(&self) -> bool {
        self.days.iter().any(|d| !d.slots.is_empty())
    }
}

/// The days a view shows: the weeks (Monday first) covering the month, one week, or the
/// month's days for the list.
fn view_days(view: &str, anchor: Date) -> (Date, Date) {
    let monday = |d: Date| d - (d.weekday().to_monday_zero_offset() as i64).days();
    match view {
        "week" => {
            let first = monday(anchor);
            (first, first + 6.days())
        }
        _ => {
            let first = anchor.first_of_month();
            let last = anchor.last_of_month();
            if view == "list" {
                (first, last)
            } else {
                (monday(first), monday(last) + 6.days())
            }
        }
    }
}

/// `GET /app/calendar`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<CalendarQuery>,
) -> Result<Response> {
    let programs = plannable_programs(&state, &user).await?;
    if programs.is_empty() {
        return Err(AppError::Forbidden);
    }
    let tz = user.time_zone.clone();
    let view: &'static str = match q.view.as_str() {
        "week" => "week",
        "list" => "list",
        _ => "month",
    };
    let today = today(&tz);
    let anchor = parse_date(&q.date).unwrap_or(today);
    let (first, last) = view_days(view, anchor);
    let program = q
        .program
        .parse::<i64>()
        .ok()
        .filter(|id| programs.iter().any(|p| p.id == *id));
    let filter = SlotFilter {
        programs: Some(program.map_or_else(|| programs.iter().map(|p| p.id).collect(), |p| vec![p])),
        team_id: q.team.parse().ok(),
        network: Network::parse(&q.network).map(|n| n.as_str().to_string()),
        from: day_start(first, &tz),
        to: day_start(last + 1.day(), &tz),
    };
    let slots = state.store.slots(&filter).await?;
    let days = group_days(first, last, anchor, view, today, slots, &tz);
    let step = |n: i64| match view {
        "week" => anchor + (7 * n).days(),
        _ => anchor.first_of_month() + n.months(),
    };
    let filters = filter_query(program, filter.team_id, filter.network.as_deref());
    let title = match view {
        "week" => format!("{} – {}", first, last),
        _ => format!("{} {}", ctx.t(&format!("month-{}", anchor.month())), anchor.year()),
    };
    render(&CalendarTemplate {
        p: &ctx,
        view,
        title,
        days,
        prev: step(-1).to_string(),
        next: step(1).to_string(),
        today: today.to_string(),
        programs,
        teams: state.store.teams().await?,
        networks: &Network::ALL,
        program,
        team: filter.team_id,
        network: filter.network.unwrap_or_default(),
        filters,
    })
}

fn filter_query(program: Option<i64>, team: Option<i64>, network: Option<&str>) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    if let Some(p) = program {
        q.append_pair("program", &p.to_string());
    }
    if let Some(t) = team {
        q.append_pair("team", &t.to_string());
    }
    if let Some(n) = network {
        q.append_pair("network", n);
    }
    q.finish()
}

/// The days from `first` to `last` with the slots that start on each (in `tz`).
fn group_days(first: Date, last: Date, anchor: Date, view: &str, today: Date, slots: Vec<Slot>, tz: &str) -> Vec<Day> {
    let z = zone(tz);
    let mut days = Vec::new();
    let mut d = first;
    while d <= last {
        let inside = view == "week" || d.month() == anchor.month();
        days.push(Day {
            date: d,
            iso: d.to_string(),
            inside,
            today: d == today,
            slots: Vec::new(),
        });
        d = d.tomorrow().unwrap_or(last + 1.day());
    }
    for s in slots {
        // A slot over several days is shown on its first day in the view.
        let start = ambasada_core::calendar::date_in(s.starts_at, &z)
            .unwrap_or(first)
            .max(first);
        if let Some(day) = days.iter_mut().find(|day| day.date == start) {
            day.slots.push(s);
        }
    }
    days
}
