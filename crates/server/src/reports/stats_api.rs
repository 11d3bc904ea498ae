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
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new().routes(routes!(stats))
}

/// The period and the breakdown.
#[derive(Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
struct StatsQuery {
    /// The first day, `YYYY-MM-DD` (UTC days); required.
    #[serde(default)]
    #[param(required = true)]
    from: String,
    /// The last day (included), `YYYY-MM-DD`; required. Not before `from`, at most 3660
    /// days in all; a period reaching past today is cut at today, one that starts after
    /// today is refused.
    #[serde(default)]
    #[param(required = true)]
    to: String,
    /// A breakdown in `rows`: `network`, `team`, `item`, `ambassador`, `week` or `month`;
    /// none when empty.
    #[serde(default)]
    by: String,
}

/// A number of the CSV answer: whole, or a fraction with the decimals CSV writes it with
/// (`None`: no value, an empty cell).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Int(i64),
    Frac(Option<f64>, usize),
}

impl Num {
    fn csv(self, locale: Locale) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Frac(Some(v), places) => number(locale, v, places),
            Num::Frac(None, _) => String::new(),
        }
    }
}

/// Declares a struct with the headline fields of a period (after its own fields), so that
/// the answer's top level and its `previous` have the same fields, described once.
macro_rules! with_headline {
    ($(#[$meta:meta])* struct $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Serialize, ToSchema)]
        struct $name {
            $($(#[$fmeta])* $field: $ty,)*
            /// The period's first day (`YYYY-MM-DD`).
            from: String,
            /// The period's last day (`YYYY-MM-DD`, included).
            to: String,
            /// Active ambassadors over enrolled ones, from 0 to 1; `null` with nobody enrolled.
            participation_rate: Option<f64>,
            /// People with at least one share in the program in the period.
            active_ambassadors: i64,
            /// Ambassadors who were members of the program at some time in the period.
            enrolled: i64,
            /// Confirmed shares.
            shares: i64,
            /// Shares whose text was personalised.
            personalised_shares: i64,
            /// Personalised shares over shares, from 0 to 1; `null` without shares.
            personalisation_rate: Option<f64>,
            /// Human clicks on tracked links (bots excluded).
            clicks: i64,
            /// Unique visitors: one per link and day.
            unique_visitors: i64,
            /// Human clicks per share; `null` without shares.
            clicks_per_share: Option<f64>,
            /// Conversions recorded on tracked links.
            conversions: i64,
            /// Applications attributed to the program, created in the period.
            applications: i64,
            /// Attributed applications moved to hired in the period.
            hires: i64,
            /// Estimated reach: shares × the ambassador's declared network size × the
            /// network's reach factor.
            reach_estimate: i64,
            /// Estimated earned media value, in PLN to the grosz (see `emv_formula`).
            emv_estimate: f64,
            /// Planned posts done over those due in the period, from 0 to 1; `null` while
            /// nothing is due.
            plan_realisation: Option<f64>,
            /// The eNPS of the last survey closed before the period ended (a whole number
            /// from -100 to 100); `null` without one.
            enps: Option<f64>,
        }
    };
}

with_headline! {
    /// The headline numbers of a period.
    struct StatsFigures {}
}

with_headline! {
    /// A program's numbers over a period: the headline numbers, the same for the period
    /// of the same length before it, and with `by` a breakdown.
    struct ProgramStats {
        program_id: i64,
        /// How reach and EMV are estimated, in words.
        emv_formula: &'static str,
        /// The headline numbers of the period of the same length just before.
        previous: StatsFigures,
        /// Only with `by`: one row per group.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schema(nullable = false)]
        rows: Option<Vec<StatsRow>>,
    }
}

impl StatsFigures {
    fn new(h: &Headline, range: DayRange) -> StatsFigures {
        let t = &h.totals;
        StatsFigures {
            from: range.format_first(),
            to: range.format_last(),
            participation_rate: h.participation_rate(),
            active_ambassadors: h.active_ambassadors,
            enrolled: h.enrolled,
            shares: t.shares,
            personalised_shares: t.personalised,
            personalisation_rate: h.personalisation_rate(),
            clicks: t.clicks,
            unique_visitors: t.visitors,
            clicks_per_share: h.clicks_per_share(),
            conversions: t.conversions,
            applications: h.applications,
            hires: h.hires,
            reach_estimate: h.reach_estimate,
            // PLN, to the grosz.
            emv_estimate: h.emv_estimate_grosze as f64 / 100.0,
            plan_realisation: h.plan_realisation,
            enps: h.enps.map(|s| s as f64),
        }
    }

    /// The CSV columns after `from` and `to`, named as the JSON fields, in order.
    fn columns(&self) -> [(&'static str, Num); 16] {
        [
            ("participation_rate", Num::Frac(self.participation_rate, 4)),
            ("active_ambassadors", Num::Int(self.active_ambassadors)),
            ("enrolled", Num::Int(self.enrolled)),
            ("shares", Num::Int(self.shares)),
            ("personalised_shares", Num::Int(self.personalised_shares)),
            ("personalisation_rate", Num::Frac(self.personalisation_rate, 4)),
            ("clicks", Num::Int(self.clicks)),
            ("unique_visitors", Num::Int(self.unique_visitors)),
            ("clicks_per_share", Num::Frac(self.clicks_per_share, 4)),
            ("conversions", Num::Int(self.conversions)),
            ("applications", Num::Int(self.applications)),
            ("hires", Num::Int(self.hires)),
            ("reach_estimate", Num::Int(self.reach_estimate)),
            ("emv_estimate", Num::Frac(Some(self.emv_estimate), 2)),
            ("plan_realisation", Num::Frac(self.plan_realisation, 4)),
            ("enps", Num::Frac(self.enps, 0)),
        ]
    }
}

impl ProgramStats {
    fn new(
        program_id: i64,
        current: StatsFigures,
        previous: StatsFigures,
        rows: Option<Vec<StatsRow>>,
    ) -> ProgramStats {
        let StatsFigures {
            from,
            to,
            participation_rate,
            active_ambassadors,
            enrolled,
            shares,
            personalised_shares,
            personalisation_rate,
            clicks,
            unique_visitors,
            clicks_per_share,
            conversions,
            applications,
            hires,
            reach_estimate,
            emv_estimate,
            plan_realisation,
            enps,
        } = current;
        ProgramStats {
            program_id,
            emv_formula: FORMULA,
            previous,
            rows,
            from,
            to,
            participation_rate,
            active_ambassadors,
            enrolled,
            shares,
            personalised_shares,
            personalisation_rate,
            clicks,
            unique_visitors,
            clicks_per_share,
            conversions,
            applications,
            hires,
            reach_estimate,
            emv_estimate,
            plan_realisation,
            enps,
        }
    }
}

/// One group of a breakdown.
#[derive(Serialize, ToSchema, Default)]
struct StatsRow {
    /// The network (`linkedin`), the team's, item's or ambassador's id (`none` for people
    /// in no team), or the week (`2026-W48`) or month (`2026-11`).
    key: String,
    /// The network's, team's or person's name, the item's title, or the week or month
    /// again; empty for `none`.
    label: String,
    shares: i64,
    personalised_shares: i64,
    /// Human clicks.
    clicks: i64,
    unique_visitors: i64,
    conversions: i64,
}

impl StatsRow {
    fn new(r: &StatRow) -> StatsRow {
        let t = &r.totals;
        StatsRow {
            key: r.key.clone(),
            label: r.label.clone(),
            shares: t.shares,
            personalised_shares: t.personalised,
            clicks: t.clicks,
            unique_visitors: t.visitors,
            conversions: t.conversions,
        }
    }

    /// The CSV columns after `key` and `label`, named as the JSON fields, in order.
    fn columns(&self) -> [(&'static str, i64); 5] {
        [
            ("shares", self.shares),
            ("personalised_shares", self.personalised_shares),
            ("clicks", self.clicks),
            ("unique_visitors", self.unique_visitors),
            ("conversions", self.conversions),
        ]
    }
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

/// A program's numbers over a period.
///
/// The headline numbers of the period (both days included), the same for the period of
/// the same length before it under `previous`, and with `by` a breakdown in `rows`.
/// With `Accept: text/csv`, the same as CSV in the caller's CSV format: one row of the
/// headline numbers without `by`, one row per group with it. The program's coordinator
/// and admins; for anyone else the program does not exist (404).
#[utoipa::path(
    get,
    path = "/programs/{id}/stats",
    tag = "reports",
    operation_id = "program_stats",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The program's id."), StatsQuery),
    responses(
        (status = 200, description = "The numbers, as JSON or (with `Accept: text/csv`) CSV.", content(
            (ProgramStats = "application/json"),
            (String = "text/csv"),
        )),
        (status = 422, description = "`from` or `to` is missing or not a `YYYY-MM-DD` date, `to` is before `from`, the period is longer than 3660 days or starts after today, or `by` is unknown; `errors` names the parameter.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
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
        Some(by) => Some(
            state
                .store
                .program_breakdown(id, range, now, by, None)
                .await?
                .iter()
                .map(StatsRow::new)
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    let current = StatsFigures::new(&cur, range);
    if csv_wanted(&headers) {
        let locale = api.user.locale;
        let name = format!(
            "{}-stats-{}-{}.csv",
            program.slug,
            range.format_first(),
            range.format_last()
        );
        return Ok(csv_response(&name, csv_of(locale, &current, rows.as_deref())));
    }
    let previous = StatsFigures::new(&prev, range.previous());
    Ok(Json(ProgramStats::new(id, current, previous, rows)).into_response())
}

/// The CSV answer: the headline as one row, or one row per breakdown group.
fn csv_of(locale: Locale, f: &StatsFigures, rows: Option<&[StatsRow]>) -> Vec<u8> {
    match rows {
        None => {
            let columns = f.columns();
            let mut header = vec!["from".to_string(), "to".to_string()];
            header.extend(columns.iter().map(|(k, _)| k.to_string()));
            let mut line = vec![f.from.clone(), f.to.clone()];
            line.extend(columns.iter().map(|(_, v)| v.csv(locale)));
            csv_bytes(locale, &header, &[line])
        }
        Some(rows) => {
            let mut header = vec!["key".to_string(), "label".to_string()];
            header.extend(StatsRow::default().columns().iter().map(|(k, _)| k.to_string()));
            let lines: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut line = vec![r.key.clone(), r.label.clone()];
                    line.extend(r.columns().iter().map(|(_, v)| v.to_string()));
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
        let text = String::from_utf8(csv_of(Locale::Pl, &StatsFigures::new(&h, range), None)).unwrap();
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

    /// CSV columns are named as the JSON fields: the same numbers under the same names.
    #[test]
    fn csv_columns_are_the_json_fields() {
        let range = DayRange::parse("2026-11-01", "2026-11-30").unwrap();
        let f = StatsFigures::new(&Headline::default(), range);
        let mut columns: Vec<&str> = vec!["from", "to"];
        columns.extend(f.columns().iter().map(|(k, _)| *k));
        let json = serde_json::to_value(&f).unwrap();
        let mut fields: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort_unstable();
        columns.sort_unstable();
        assert_eq!(fields, columns);

        let row = StatsRow::default();
        let mut columns: Vec<&str> = vec!["key", "label"];
        columns.extend(row.columns().iter().map(|(k, _)| *k));
        let json = serde_json::to_value(&row).unwrap();
        let mut fields: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort_unstable();
        columns.sort_unstable();
        assert_eq!(fields, columns);
    }
}
