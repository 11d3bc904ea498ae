//! The program dashboard (C11) at `/app/programs/{id}/dashboard`: the headline numbers of
//! a period against the period of the same length before it, trend charts per week or
//! month with their tables, breakdowns by network, team, content item and ambassador, and
//! every table as a CSV download (`dashboard.csv?table=...`). Reach and EMV are shown as
//! estimates with their formula and rates. Numbers come from `store::reports::stats`,
//! which reads roll-ups only.

use super::chart::{Series, bar_chart_in, line_chart_in};
use super::csv::{csv_bytes, csv_response};
use super::dashboard_view::{HeadlineRow, Table, headline_rows, headline_table, network_table, rows_table};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, render, render_status};
use ambasada_core::reports::emv::{Rates, format_pln};
use ambasada_core::reports::period::{self, DayRange, Granularity, Period, PeriodChoice};
use ambasada_core::tracking::day_number;
use ambasada_core::{Locale, Millis, Network};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::reports::stats::StatsBy;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/programs/{id}/dashboard", get(page))
        .route("/app/programs/{id}/dashboard.csv", get(download))
}

/// How many items and ambassadors the page lists (the CSV has them all).
const TOP: i64 = 10;

/// Whether the person may read the program's reports: admins every program, a
/// coordinator the programs they coordinate.
pub fn may_read(u: &User, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&u.roles, u.id, p.coordinator_id)
}

/// The program, when the person may read its reports; anyone else gets the same 404 as
/// for a program that does not exist, so reports do not tell which programs exist.
pub async fn report_program(state: &AppState, u: &User, id: i64) -> Result<Program> {
    match state.store.program(id).await? {
        Some(p) if may_read(u, &p) => Ok(p),
        _ => Err(AppError::NotFound),
    }
}

/// The period picker's query: `period=this-month|last-month|quarter|12-months|custom`,
/// and `from`/`to` (`YYYY-MM-DD`) for a custom period; `table` for the CSV.
#[derive(Deserialize, Default, Debug, Clone)]
pub struct DashboardQuery {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub table: String,
}

/// The period asked for on `today` (a UTC day): this month by default, custom when only
/// dates are given. `Err` names the field and the catalog key of the message.
pub fn choose(q: &DashboardQuery, today: i64) -> std::result::Result<Period, (&'static str, &'static str)> {
    let given = q.period.trim();
    let choice = if given.is_empty() {
        if q.from.trim().is_empty() && q.to.trim().is_empty() {
            PeriodChoice::ThisMonth
        } else {
            PeriodChoice::Custom
        }
    } else {
        PeriodChoice::parse(given).ok_or(("period", "reports-dash-period-unknown"))?
    };
    let custom = if choice == PeriodChoice::Custom {
        Some(DayRange::parse(&q.from, &q.to).map_err(|e| (e.field(), e.message_key()))?)
    } else {
        None
    };
    period::resolve(choice, today, custom).map_err(|e| (e.field(), e.message_key()))
}

/// A day as the language writes dates: `30.11.2026` in Polish, `2026-11-30` in English.
pub fn date_text(locale: Locale, day: i64) -> String {
    let iso = period::format_day(day);
    match locale {
        Locale::Pl => {
            let (y, m, d) = (&iso[0..4], &iso[5..7], &iso[8..10]);
            format!("{d}.{m}.{y}")
        }
        Locale::En => iso,
    }
}

fn range_text(locale: Locale, r: DayRange) -> String {
    format!("{} – {}", date_text(locale, r.first), date_text(locale, r.last))
}

/// What the period form shows.
struct Picker {
    choice: String,
    from: String,
    to: String,
    error_field: &'static str,
    error: Option<String>,
}

/// A table as the page shows it.
struct ViewTable {
    id: &'static str,
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    csv_href: String,
    /// "The 10 with the most ...; the CSV has all."
    note: Option<String>,
}

/// One network's rates, written out.
struct RateView {
    network: &'static str,
    reach_factor: String,
    cpm: String,
    cpc: String,
}

/// A headline number written out.
struct HeadlineView {
    key: &'static str,
    label: String,
    current: String,
    previous: String,
    change: String,
    estimate: bool,
}

impl HeadlineView {
    fn of(tr: &Tr, r: &HeadlineRow) -> HeadlineView {
        HeadlineView {
            key: r.key,
            label: r.label.clone(),
            current: r.current.html(tr),
            previous: r.previous.html(tr),
            change: r.change.html(tr),
            estimate: r.estimate,
        }
    }
}

/// An option of the period picker.
struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

/// Everything the page shows for a period.
struct Dashboard {
    range: String,
    previous: String,
    days: i64,
    headline: Vec<HeadlineView>,
    trend_charts: Vec<String>,
    network_chart: String,
    tables: Vec<ViewTable>,
    rates: Vec<RateView>,
}

#[derive(Template)]
#[template(path = "reports/dashboard.html")]
struct DashboardTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    choices: Vec<Choice>,
    picker: Picker,
    dash: Option<Dashboard>,
}

/// The reach factor (per mille) as a percentage: `10`, `7,5`.
pub fn factor_percent(locale: Locale, per_mille: i64) -> String {
    let s = if per_mille % 10 == 0 {
        (per_mille / 10).to_string()
    } else {
        format!("{}.{}", per_mille / 10, per_mille % 10)
    };
    if locale == Locale::Pl { s.replace('.', ",") } else { s }
}

fn rate_views(locale: Locale, rates: &[(Network, Rates)]) -> Vec<RateView> {
    rates
        .iter()
        .map(|(n, r)| RateView {
            network: n.label(),
            reach_factor: format!("{}%", factor_percent(locale, r.reach_factor_per_mille)),
            cpm: format_pln(r.cpm_grosze, locale),
            cpc: format_pln(r.cpc_grosze, locale),
        })
        .collect()
}

/// The trend of a period per week or month (as long as it is), every bucket present.
async fn trend_table(state: &AppState, tr: &Tr, program_id: i64, range: DayRange, now: Millis) -> Result<Table> {
    let (by, header, title) = trend_kind(range);
    let rows = state.store.program_breakdown(program_id, range, now, by, None).await?;
    Ok(rows_table(tr, "trend", header, tr.t(title), &rows))
}

/// Weeks or months, with the column header and the title's catalog keys.
fn trend_kind(range: DayRange) -> (StatsBy, &'static str, &'static str) {
    match period::granularity_for(range) {
        Granularity::Week => (StatsBy::Week, "reports-dash-bucket-week", "reports-dash-trend-week"),
        Granularity::Month => (StatsBy::Month, "reports-dash-bucket-month", "reports-dash-trend-month"),
    }
}

/// One table of the dashboard with all its rows, for its CSV file; `None` for an unknown
/// table.
async fn table(
    state: &AppState,
    tr: &Tr,
    program_id: i64,
    period: &Period,
    now: Millis,
    id: &str,
) -> Result<Option<Table>> {
    let (store, range) = (&state.store, period.range);
    let breakdown = |by| store.program_breakdown(program_id, range, now, by, None);
    Ok(Some(match id {
        "headline" => {
            let (cur, prev) = tokio::try_join!(
                store.program_headline(program_id, range, now),
                store.program_headline(program_id, period.previous, now)
            )?;
            headline_table(tr, &headline_rows(tr, &cur, &prev))
        }
        "network" => network_table(tr, &store.program_networks(program_id, range, now).await?),
        "team" => rows_table(
            tr,
            "team",
            "reports-dash-team",
            tr.t("reports-dash-by-team"),
            &breakdown(StatsBy::Team).await?,
        ),
        "item" => rows_table(
            tr,
            "item",
            "reports-dash-item",
            tr.t("reports-dash-top-items"),
            &breakdown(StatsBy::Item).await?,
        ),
        "ambassador" => rows_table(
            tr,
            "ambassador",
            "reports-dash-ambassador",
            tr.t("reports-dash-top-ambassadors"),
            &breakdown(StatsBy::Ambassador).await?,
        ),
        "trend" => trend_table(state, tr, program_id, range, now).await?,
        _ => return Ok(None),
    }))
}

/// The query string of a period, for links to its CSV files.
fn period_query(period: &Period) -> String {
    format!(
        "period={}&from={}&to={}",
        period.choice.as_str(),
        period.range.format_first(),
        period.range.format_last()
    )
}

fn view(tr: &Tr, program_id: i64, period: &Period, t: Table, note: Option<String>) -> ViewTable {
    ViewTable {
        id: t.id,
        csv_href: format!(
            "/app/programs/{program_id}/dashboard.csv?table={}&{}",
            t.id,
            period_query(period)
        ),
        rows: t.html_rows(tr),
        title: t.title,
        headers: t.headers,
        note,
    }
}

/// The charts of the trend: shares with personalised shares, clicks with visitors.
fn trend_charts(tr: &Tr, trend: &Table) -> Vec<String> {
    let labels: Vec<String> = trend.rows.iter().map(|r| r[0].html(tr)).collect();
    let column = |i: usize| -> Vec<f64> {
        trend
            .rows
            .iter()
            .map(|r| match &r[i] {
                super::dashboard_view::Cell::Count(n) => *n as f64,
                _ => f64::NAN,
            })
            .collect()
    };
    let series = |i: usize, class: &'static str| Series {
        label: trend.headers[i].clone(),
        values: column(i),
        class,
    };
    vec![
        line_chart_in(
            tr.locale,
            "chart-shares",
            &tr.t("reports-dash-chart-shares"),
            &labels,
            &[series(1, "chart-s1"), series(2, "chart-s2")],
        ),
        line_chart_in(
            tr.locale,
            "chart-clicks",
            &tr.t("reports-dash-chart-clicks"),
            &labels,
            &[series(3, "chart-s1"), series(4, "chart-s3")],
        ),
    ]
}

async fn gather(state: &AppState, tr: &Tr, program: &Program, period: &Period, now: Millis) -> Result<Dashboard> {
    let (id, store, range) = (program.id, &state.store, period.range);
    let (by, trend_header, trend_title) = trend_kind(range);
    // Independent readings, each on a connection of its own.
    let ((cur, networks), prev, rates, trend, team, items, people) = tokio::try_join!(
        store.program_figures(id, range, now),
        store.program_headline(id, period.previous, now),
        store.emv_rates(id),
        store.program_breakdown(id, range, now, by, None),
        store.program_breakdown(id, range, now, StatsBy::Team, None),
        store.program_breakdown(id, range, now, StatsBy::Item, Some(TOP)),
        store.program_breakdown(id, range, now, StatsBy::Ambassador, Some(TOP)),
    )?;
    let headline = headline_rows(tr, &cur, &prev);
    let trend = rows_table(tr, "trend", trend_header, tr.t(trend_title), &trend);
    let trend_charts = trend_charts(tr, &trend);
    let clicks: Vec<(String, f64)> = networks
        .iter()
        .map(|n| (n.network.label().to_string(), n.totals.clicks as f64))
        .collect();
    let network_chart = bar_chart_in(
        tr.locale,
        "chart-networks",
        &tr.t("reports-dash-chart-networks"),
        &clicks,
    );
    let top = |key: &str| Some(tr.n(key, TOP));
    let tables = vec![
        view(tr, id, period, headline_table(tr, &headline), None),
        view(tr, id, period, trend, None),
        view(tr, id, period, network_table(tr, &networks), None),
        view(
            tr,
            id,
            period,
            rows_table(tr, "team", "reports-dash-team", tr.t("reports-dash-by-team"), &team),
            None,
        ),
        view(
            tr,
            id,
            period,
            rows_table(tr, "item", "reports-dash-item", tr.t("reports-dash-top-items"), &items),
            top("reports-dash-top-note-items"),
        ),
        view(
            tr,
            id,
            period,
            rows_table(
                tr,
                "ambassador",
                "reports-dash-ambassador",
                tr.t("reports-dash-top-ambassadors"),
                &people,
            ),
            top("reports-dash-top-note-ambassadors"),
        ),
    ];
    Ok(Dashboard {
        range: range_text(tr.locale, range),
        previous: range_text(tr.locale, period.previous),
        days: range.days(),
        headline: headline.iter().map(|r| HeadlineView::of(tr, r)).collect(),
        trend_charts,
        network_chart,
        tables,
        rates: rate_views(tr.locale, &rates),
    })
}

fn choices(ctx: &Ctx, chosen: &str) -> Vec<Choice> {
    PeriodChoice::ALL
        .into_iter()
        .map(|c| Choice {
            value: c.as_str(),
            label: ctx.t(&format!("reports-dash-period-{}", c.as_str())),
            selected: c.as_str() == chosen,
        })
        .collect()
}

/// `GET /app/programs/{id}/dashboard`: a bad period re-renders the picker with what was
/// typed and the message on its field (422).
async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<DashboardQuery>,
) -> Result<Response> {
    let program = report_program(&state, &user, id).await?;
    let now = crate::now();
    match choose(&q, day_number(now)) {
        Ok(period) => {
            let dash = gather(&state, &ctx.tr, &program, &period, now).await?;
            let picker = Picker {
                choice: period.choice.as_str().to_string(),
                from: period.range.format_first(),
                to: period.range.format_last(),
                error_field: "",
                error: None,
            };
            render(&DashboardTemplate {
                choices: choices(&ctx, &picker.choice),
                p: &ctx,
                program,
                picker,
                dash: Some(dash),
            })
        }
        Err((field, key)) => {
            let picker = Picker {
                choice: if q.period.trim().is_empty() {
                    "custom".into()
                } else {
                    q.period.clone()
                },
                from: q.from.clone(),
                to: q.to.clone(),
                error_field: field,
                error: Some(ctx.t(key)),
            };
            let t = DashboardTemplate {
                choices: choices(&ctx, &picker.choice),
                p: &ctx,
                program,
                picker,
                dash: None,
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// `GET /app/programs/{id}/dashboard.csv?table=headline|network|team|item|ambassador|trend&period=...`:
/// the whole table (every item and ambassador), in the reader's CSV format.
async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<DashboardQuery>,
) -> Result<Response> {
    let program = report_program(&state, &user, id).await?;
    let now = crate::now();
    let period = choose(&q, day_number(now)).map_err(|(_, key)| AppError::BadRequest(key))?;
    let t = table(&state, &ctx.tr, id, &period, now, q.table.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = csv_bytes(ctx.tr.locale, &t.headers, &t.csv_rows(ctx.tr.locale));
    let name = format!(
        "{}-{}-{}-{}.csv",
        program.slug,
        t.id,
        period.range.format_first(),
        period.range.format_last()
    );
    Ok(csv_response(&name, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(period: &str, from: &str, to: &str) -> DashboardQuery {
        DashboardQuery {
            period: period.into(),
            from: from.into(),
            to: to.into(),
            table: String::new(),
        }
    }

    #[test]
    fn the_period_is_this_month_unless_asked_otherwise() {
        let today = DayRange::parse("2026-11-20", "2026-11-20").unwrap().first;
        let p = choose(&q("", "", ""), today).unwrap();
        assert_eq!(
            (p.choice, p.range.format_first()),
            (PeriodChoice::ThisMonth, "2026-11-01".into())
        );
        let p = choose(&q("", "2026-10-01", "2026-10-10"), today).unwrap();
        assert_eq!((p.choice, p.range.days()), (PeriodChoice::Custom, 10));
        let p = choose(&q("last-month", "junk", ""), today).unwrap();
        assert_eq!(p.range.format_last(), "2026-10-31");
        assert_eq!(
            choose(&q("week", "", ""), today),
            Err(("period", "reports-dash-period-unknown"))
        );
        assert_eq!(
            choose(&q("custom", "2026-10-10", "2026-10-01"), today).unwrap_err().0,
            "to"
        );
        assert_eq!(
            choose(&q("custom", "10/01/2026", "2026-10-01"), today).unwrap_err().0,
            "from"
        );
        assert_eq!(
            choose(&q("custom", "2027-01-01", "2027-01-02"), today).unwrap_err().0,
            "from"
        );
    }

    #[test]
    fn dates_and_factors_read_as_each_language_writes_them() {
        let day = DayRange::parse("2026-11-30", "2026-11-30").unwrap().first;
        assert_eq!(date_text(Locale::Pl, day), "30.11.2026");
        assert_eq!(date_text(Locale::En, day), "2026-11-30");
        assert_eq!(factor_percent(Locale::Pl, 75), "7,5");
        assert_eq!(factor_percent(Locale::En, 100), "10");
    }
}
