//! `GET /api/v1/programs/{id}/stats?from=YYYY-MM-DD&to=YYYY-MM-DD[&by=...]` (scope
//! `reports:read`; the program's coordinator and admins, anyone else 404): the headline
//! numbers of the period (both days included) at the top level, the same for the period
//! of the same length before it under `previous`, and with `by` (network, team, item,
//! ambassador, week, month) a `rows` breakdown. `Accept: text/csv` answers the same as CSV
//! in the token owner's CSV format: one row of the headline fields without `by`, one row
//! per group with it.

use super::csv::{csv_bytes, csv_response, csv_wanted, number};
use super::dashboard::may_read;
use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use ambasada_core::reports::emv::FORMULA;
use ambasada_core::reports::metrics::Headline;
use ambasada_core::reports::period::{self as period, DayRange, PeriodChoice, PeriodError};
use ambasada_core::{Locale, Scope};
use ambasada_store::reports::stats::{StatRow, StatsBy};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

pub fn api_routes() -> Router<AppState> {
    Router::new().route("/programs/{id}/stats", get(stats))
}

#[derive(Deserialize, Default)]
struct StatsQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    by: String,
}

/// A number of the answer: whole, or a fraction with the decimals CSV writes it with
/// (`None`: no value, JSON `null`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Int(i64),
    Frac(Option<f64>, usize),
}

impl Num {
    fn json(self) -> Value {
        match self {
            Num::Int(n) => json!(n),
            Num::Frac(v, _) => json!(v),
        }
    }
    fn csv(self, locale: Locale) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Frac(Some(v), places) => number(locale, v, places),
            Num::Frac(None, _) => String::new(),
        }
    }
}

/// The headline fields, in the order CSV columns have them (after `from` and `to`).
fn figures(h: &Headline) -> Vec<(&'static str, Num)> {
    let t = &h.totals;
    vec![
        ("participation_rate", Num::Frac(h.participation_rate(), 4)),
        ("active_ambassadors", Num::Int(h.active_ambassadors)),
        ("enrolled", Num::Int(h.enrolled)),
        ("shares", Num::Int(t.shares)),
        ("personalised_shares", Num::Int(t.personalised)),
        ("personalisation_rate", Num::Frac(h.personalisation_rate(), 4)),
        ("clicks", Num::Int(t.clicks)),
        ("unique_visitors", Num::Int(t.visitors)),
        ("clicks_per_share", Num::Frac(h.clicks_per_share(), 4)),
        ("conversions", Num::Int(t.conversions)),
        ("applications", Num::Int(h.applications)),
        ("hires", Num::Int(h.hires)),
        ("reach_estimate", Num::Int(h.reach_estimate)),
        // PLN, to the grosz.
        ("emv_estimate", Num::Frac(Some(h.emv_estimate_grosze as f64 / 100.0), 2)),
        ("plan_realisation", Num::Frac(h.plan_realisation, 4)),
        ("enps", Num::Frac(h.enps.map(|s| s as f64), 0)),
    ]
}

fn figures_json(h: &Headline, range: DayRange) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("from".into(), json!(range.format_first()));
    m.insert("to".into(), json!(range.format_last()));
    for (k, v) in figures(h) {
        m.insert(k.into(), v.json());
    }
    m
}

/// The numbers of a breakdown row, in CSV column order (after `key` and `label`).
fn row_figures(r: &StatRow) -> [(&'static str, i64); 5] {
    let t = &r.totals;
    [
        ("shares", t.shares),
        ("personalised_shares", t.personalised),
        ("clicks", t.clicks),
        ("unique_visitors", t.visitors),
        ("conversions", t.conversions),
    ]
}

/// A 422 naming the parameter.
fn invalid(param: &'static str, detail: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: detail.into(),
        errors: Some(Value::Object(serde_json::Map::from_iter([(
            param.to_string(),
            json!(detail),
        )]))),
    }
}

fn period_problem(e: PeriodError) -> ApiError {
    let param = e.field();
    let detail = match e {
        PeriodError::Missing(_) => format!("`{param}` is required: a date written YYYY-MM-DD."),
        PeriodError::Invalid(_) => format!("`{param}` is not a date written YYYY-MM-DD."),
        PeriodError::Reversed => "`to` is before `from`.".into(),
        PeriodError::TooLong => "The period is longer than 3660 days.".into(),
        PeriodError::InFuture => "The period starts in the future.".into(),
    };
    invalid(param, &detail)
}

/// `GET /api/v1/programs/{id}/stats`.
async fn stats(
    State(state): State<AppState>,
    api: ApiUser,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<StatsQuery>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    let program = state
        .store
        .program(id)
        .await?
        .filter(|p| may_read(&api.user, p))
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such program."))?;
    let now = crate::now();
    // As the dashboard's custom period: cut at today (nothing after it exists yet, and a
    // half-measured range would be compared with a whole previous one); a range that
    // starts after today is a 422.
    let asked = DayRange::parse(&q.from, &q.to).map_err(period_problem)?;
    let range = period::resolve(
        PeriodChoice::Custom,
        ambasada_core::tracking::day_number(now),
        Some(asked),
    )
    .map_err(period_problem)?
    .range;
    let by = match q.by.trim() {
        "" => None,
        s => Some(
            StatsBy::parse(s)
                .ok_or_else(|| invalid("by", "`by` is one of network, team, item, ambassador, week, month."))?,
        ),
    };
    let (cur, prev) = tokio::try_join!(
        state.store.program_headline(id, range, now),
        state.store.program_headline(id, range.previous(), now)
    )?;
    let rows = match by {
        Some(by) => Some(state.store.program_breakdown(id, range, now, by, None).await?),
        None => None,
    };
    if csv_wanted(&headers) {
        let locale = api.user.locale;
        let name = format!(
            "{}-stats-{}-{}.csv",
            program.slug,
            range.format_first(),
            range.format_last()
        );
        return Ok(csv_response(&name, csv_of(locale, &cur, range, rows.as_deref())));
    }
    let mut body = figures_json(&cur, range);
    body.insert("program_id".into(), json!(id));
    body.insert("emv_formula".into(), json!(FORMULA));
    body.insert("previous".into(), Value::Object(figures_json(&prev, range.previous())));
    if let Some(rows) = rows {
        let rows: Vec<Value> = rows
            .iter()
            .map(|r| {
                let mut m = serde_json::Map::new();
                m.insert("key".into(), json!(r.key));
                m.insert("label".into(), json!(r.label));
                for (k, v) in row_figures(r) {
                    m.insert(k.into(), json!(v));
                }
                Value::Object(m)
            })
            .collect();
        body.insert("rows".into(), Value::Array(rows));
    }
    Ok(Json(Value::Object(body)).into_response())
}

/// The CSV answer: the headline as one row, or one row per breakdown group.
fn csv_of(locale: Locale, h: &Headline, range: DayRange, rows: Option<&[StatRow]>) -> Vec<u8> {
    match rows {
        None => {
            let figures = figures(h);
            let mut header = vec!["from".to_string(), "to".to_string()];
            header.extend(figures.iter().map(|(k, _)| k.to_string()));
            let mut line = vec![range.format_first(), range.format_last()];
            line.extend(figures.iter().map(|(_, v)| v.csv(locale)));
            csv_bytes(locale, &header, &[line])
        }
        Some(rows) => {
            let mut header = vec!["key".to_string(), "label".to_string()];
            header.extend(
                [
                    "shares",
                    "personalised_shares",
                    "clicks",
                    "unique_visitors",
                    "conversions",
                ]
                .map(String::from),
            );
            let lines: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut line = vec![r.key.clone(), r.label.clone()];
                    line.extend(row_figures(r).iter().map(|(_, v)| v.to_string()));
                    line
                })
                .collect();
            csv_bytes(locale, &header, &lines)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ambasada_core::reports::metrics::Totals;

    #[test]
    fn the_headline_is_one_csv_row_in_the_readers_format() {
        let h = Headline {
            enrolled: 3,
            active_ambassadors: 1,
            totals: Totals {
                shares: 2,
                ..Totals::default()
            },
            emv_estimate_grosze: 123_456,
            ..Headline::default()
        };
        let range = DayRange::parse("2026-11-01", "2026-11-30").unwrap();
        let text = String::from_utf8(csv_of(Locale::Pl, &h, range, None)).unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("from;to;participation_rate;active_ambassadors;enrolled;shares"));
        assert!(
            lines[1].starts_with("2026-11-01;2026-11-30;0,3333;1;3;2"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(";1234,56;"), "{}", lines[1]);
    }
}
