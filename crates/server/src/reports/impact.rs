//! An ambassador's "my impact" (C11), `/app/impact`: for a period (this month, last
//! month, the quarter, 12 months or custom dates; 12 months by default) and one of their
//! programs, their shares, human clicks, unique visitors, conversions and points per week
//! or month (charts with a table of the same numbers, downloadable as CSV at
//! `/app/impact.csv`), per network, and how their posts compare with the median of the
//! program's active ambassadors. It never names anyone else: the comparison is a median
//! over at least [`comparison::MIN_PEERS`] people.
//!
//! Also the period picker the report pages share (`ReportQuery`, [`picker`]).

use super::chart::{Series, format_value, line_chart_in};
use super::csv::{csv_bytes, csv_response};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, FieldErrors, render};
use ambasada_core::Role;
use ambasada_core::reports::comparison::{self, PeerMedians, Standing};
use ambasada_core::reports::metrics::clicks_per_share;
use ambasada_core::reports::period::{self, buckets, granularity_for, resolve};
use ambasada_core::reports::{DayRange, Period, PeriodChoice, Totals};
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

/// The query of a report page: the period picker's fields and the page's own options.
#[derive(Deserialize, Default, Clone)]
pub struct ReportQuery {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub program: String,
    #[serde(default)]
    pub sort: String,
}

/// A period picker as the page shows it: what was asked for (kept as typed), the period
/// shown, and a message per field that could not be read.
pub struct Picker {
    pub choice: String,
    pub from: String,
    pub to: String,
    pub period: Period,
    pub errors: FieldErrors,
}

/// The period choice the report pages start with.
pub const DEFAULT_CHOICE: PeriodChoice = PeriodChoice::TwelveMonths;

/// Reads the picker of `q` on `today` (a UTC day). A choice or custom range that cannot
/// be read keeps what was typed, with a message on its field, and shows the default
/// period instead.
pub fn picker(q: &ReportQuery, today: i64, tr: &Tr) -> Picker {
    let mut errors = FieldErrors::default();
    let typed = q.period.trim();
    let choice = if typed.is_empty() {
        Some(DEFAULT_CHOICE)
    } else {
        PeriodChoice::parse(typed)
    };
    let period = match choice {
        None => {
            errors.add("period", tr.t("reports-impact-period-unknown"));
            None
        }
        Some(PeriodChoice::Custom) => {
            match DayRange::parse(&q.from, &q.to).and_then(|r| resolve(PeriodChoice::Custom, today, Some(r))) {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.add(e.field(), tr.t(e.message_key()));
                    None
                }
            }
        }
        Some(c) => resolve(c, today, None).ok(),
    };
    let period = period.unwrap_or_else(|| default_period(today));
    Picker {
        choice: if typed.is_empty() {
            DEFAULT_CHOICE.as_str().to_string()
        } else {
            typed.to_string()
        },
        from: if q.from.trim().is_empty() {
            period.range.format_first()
        } else {
            q.from.trim().to_string()
        },
        to: if q.to.trim().is_empty() {
            period.range.format_last()
        } else {
            q.to.trim().to_string()
        },
        period,
        errors,
    }
}

fn default_period(today: i64) -> Period {
    let range = DayRange {
        first: today,
        last: today,
    };
    resolve(DEFAULT_CHOICE, today, None).unwrap_or(Period {
        choice: DEFAULT_CHOICE,
        range,
        previous: range.previous(),
    })
}

impl Picker {
    /// The choices with their labels, for the select.
    pub fn options(&self, tr: &Tr) -> Vec<(String, String)> {
        PeriodChoice::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_string(),
                    tr.t(&format!("reports-impact-period-{}", c.as_str())),
                )
            })
            .collect()
    }

    /// The days shown, `2025-12-01 – 2026-11-30`.
    pub fn span(&self) -> String {
        format!(
            "{} – {}",
            self.period.range.format_first(),
            self.period.range.format_last()
        )
    }

    /// The query string that asks for the period shown (for CSV and sort links).
    pub fn query(&self) -> String {
        format!(
            "period=custom&from={}&to={}",
            self.period.range.format_first(),
            self.period.range.format_last()
        )
    }
}

/// Today as a UTC day.
pub fn today() -> i64 {
    ambasada_core::tracking::day_number(crate::now())
}

/// A number with up to two decimals in the page's language, or a dash for none.
pub fn decimal(tr: &Tr, v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format_value(tr.locale, v))
}

/// One row of the trend table: a week or month and its numbers.
pub struct TrendRow {
    pub label: String,
    pub totals: Totals,
    pub points: i64,
}

/// A network's numbers in the period.
pub struct NetworkRow {
    pub network: String,
    pub totals: Totals,
}

impl NetworkRow {
    /// Totals summed per network, in [`ambasada_core::Network::ALL`]'s order (an unknown
    /// network last); a network without rows is absent.
    pub fn sum<'a>(rows: impl Iterator<Item = (&'a str, Totals)>) -> Vec<NetworkRow> {
        let mut out: Vec<NetworkRow> = Vec::new();
        for (network, totals) in rows {
            match out.iter_mut().find(|n| n.network == network) {
                Some(n) => n.totals += totals,
                None => out.push(NetworkRow {
                    network: network.to_string(),
                    totals,
                }),
            }
        }
        let rank = |n: &str| {
            ambasada_core::Network::ALL
                .iter()
                .position(|x| x.as_str() == n)
                .unwrap_or(usize::MAX)
        };
        out.sort_by_key(|r| rank(&r.network));
        out
    }
}

/// How the viewer stands against the program's median, as the page shows it.
pub struct Compared {
    /// The active ambassadors the medians are taken over.
    pub ambassadors: i64,
    pub median_shares: String,
    pub median_clicks_per_share: String,
    pub shares: Standing,
    /// None when the viewer has no shares in the period.
    pub clicks_per_share: Option<Standing>,
}

/// Everything the page and its CSV show.
struct Impact {
    programs: Vec<Program>,
    program: Option<Program>,
    picker: Picker,
    rows: Vec<TrendRow>,
    total: TrendRow,
    networks: Vec<NetworkRow>,
    compared: Option<Compared>,
    /// Active ambassadors in the period (when too few to compare).
    peers: i64,
}

#[derive(Template)]
#[template(path = "reports/impact.html")]
struct ImpactTemplate<'a> {
    p: &'a Ctx,
    impact: Impact,
    options: Vec<(String, String)>,
    charts: Vec<String>,
}

impl ImpactTemplate<'_> {
    fn cps(&self, t: &Totals) -> String {
        decimal(&self.p.tr, clicks_per_share(t))
    }
    fn program_id(&self) -> String {
        self.impact.program.as_ref().map_or(String::new(), |p| p.id.to_string())
    }
    fn csv_href(&self) -> String {
        format!(
            "/app/impact.csv?program={}&{}",
            self.program_id(),
            self.impact.picker.query()
        )
    }
    fn picker(&self) -> &Picker {
        &self.impact.picker
    }
    fn period_action(&self) -> &'static str {
        "/app/impact"
    }
    fn period_hidden(&self) -> Vec<(String, String)> {
        if self.impact.programs.len() > 1 {
            Vec::new()
        } else {
            vec![("program".into(), self.program_id())]
        }
    }
    fn period_options(&self) -> &[(String, String)] {
        &self.options
    }
    fn period_programs(&self) -> Vec<(String, String)> {
        self.impact
            .programs
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect()
    }
    fn period_program(&self) -> String {
        self.program_id()
    }
}

/// The program asked for (`program`), one of the person's; their first when none is.
fn chosen(programs: &[Program], asked: &str) -> Result<Option<Program>> {
    let asked = asked.trim();
    if asked.is_empty() {
        return Ok(programs.first().cloned());
    }
    let id: i64 = asked.parse().map_err(|_| AppError::NotFound)?;
    programs
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .map(Some)
        .ok_or(AppError::NotFound)
}

/// Reads the person's numbers for the page or its CSV.
async fn load(state: &AppState, tr: &Tr, user: &CurrentUser, q: &ReportQuery) -> Result<Impact> {
    if !user.has_role(Role::Ambassador) {
        return Err(AppError::Forbidden);
    }
    let programs = state.store.programs_of(user.id).await?;
    let program = chosen(&programs, &q.program)?;
    let today = today();
    let picker = picker(q, today, tr);
    let range = picker.period.range;
    let mut impact = Impact {
        programs,
        program: None,
        rows: Vec::new(),
        total: TrendRow {
            label: tr.t("reports-impact-total"),
            totals: Totals::default(),
            points: 0,
        },
        networks: Vec::new(),
        compared: None,
        peers: 0,
        picker,
    };
    let Some(program) = program else {
        return Ok(impact);
    };
    let days = state.store.ambassador_days(program.id, user.id, range).await?;
    let points = state.store.points_by_day(program.id, user.id, range).await?;
    for b in buckets(range, granularity_for(range)) {
        let totals = days
            .iter()
            .filter(|d| b.range.contains(d.day))
            .map(|d| d.totals())
            .sum();
        let points = points
            .iter()
            .filter(|(d, _)| b.range.contains(*d))
            .map(|(_, p)| p)
            .sum();
        impact.rows.push(TrendRow {
            label: b.label,
            totals,
            points,
        });
    }
    impact.total.totals = impact.rows.iter().map(|r| r.totals).sum();
    impact.total.points = impact.rows.iter().map(|r| r.points).sum();
    impact.networks = per_network(&days);
    let peers = state.store.peer_numbers(program.id, range, today).await?;
    let pairs: Vec<(i64, i64)> = peers.iter().map(|p| (p.shares, p.clicks)).collect();
    impact.peers = pairs.iter().filter(|(s, _)| *s > 0).count() as i64;
    impact.compared = comparison::peer_medians(&pairs).map(|m| compare(tr, m, &impact.total.totals));
    impact.program = Some(program);
    Ok(impact)
}

/// The person's numbers summed per network, in the networks' order.
fn per_network(days: &[ambasada_store::reports::impact::AmbassadorDay]) -> Vec<NetworkRow> {
    NetworkRow::sum(days.iter().map(|d| (d.network.as_str(), d.totals())))
}

fn compare(tr: &Tr, medians: PeerMedians, own: &Totals) -> Compared {
    Compared {
        ambassadors: medians.ambassadors as i64,
        median_shares: decimal(tr, Some(medians.shares)),
        median_clicks_per_share: decimal(tr, Some(medians.clicks_per_share)),
        shares: comparison::standing(own.shares as f64, medians.shares),
        clicks_per_share: clicks_per_share(own).map(|c| comparison::standing(c, medians.clicks_per_share)),
    }
}

/// The trend charts: clicks and unique visitors; shares and conversions; points.
fn charts(tr: &Tr, rows: &[TrendRow]) -> Vec<String> {
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let series = |key: &str, class: &'static str, f: &dyn Fn(&TrendRow) -> i64| Series {
        label: tr.t(key),
        values: rows.iter().map(|r| f(r) as f64).collect(),
        class,
    };
    vec![
        line_chart_in(
            tr.locale,
            "impact-chart-clicks",
            &tr.t("reports-impact-chart-clicks"),
            &labels,
            &[
                series("reports-impact-clicks", "chart-s1", &|r| r.totals.clicks),
                series("reports-impact-visitors", "chart-s2", &|r| r.totals.visitors),
            ],
        ),
        line_chart_in(
            tr.locale,
            "impact-chart-shares",
            &tr.t("reports-impact-chart-shares"),
            &labels,
            &[
                series("reports-impact-shares", "chart-s3", &|r| r.totals.shares),
                series("reports-impact-conversions", "chart-s4", &|r| r.totals.conversions),
            ],
        ),
        line_chart_in(
            tr.locale,
            "impact-chart-points",
            &tr.t("reports-impact-chart-points"),
            &labels,
            &[series("reports-impact-points", "chart-s1", &|r| r.points)],
        ),
    ]
}

/// `GET /app/impact`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ReportQuery>,
) -> Result<Response> {
    let impact = load(&state, &ctx.tr, &user, &q).await?;
    let options = impact.picker.options(&ctx.tr);
    let charts = charts(&ctx.tr, &impact.rows);
    render(&ImpactTemplate {
        p: &ctx,
        impact,
        options,
        charts,
    })
}

/// `GET /app/impact.csv`: the trend table of the page, with its total.
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ReportQuery>,
) -> Result<Response> {
    let impact = load(&state, &ctx.tr, &user, &q).await?;
    if !impact.picker.errors.is_empty() {
        return Err(AppError::BadRequest("reports-impact-csv-bad-period"));
    }
    let tr = &ctx.tr;
    let headers: Vec<String> = [
        "reports-impact-when",
        "reports-impact-shares",
        "reports-impact-clicks",
        "reports-impact-visitors",
        "reports-impact-conversions",
        "reports-impact-points",
        "reports-impact-clicks-per-share",
    ]
    .iter()
    .map(|k| tr.t(k))
    .collect();
    let line = |r: &TrendRow| {
        vec![
            r.label.clone(),
            r.totals.shares.to_string(),
            r.totals.clicks.to_string(),
            r.totals.visitors.to_string(),
            r.totals.conversions.to_string(),
            r.points.to_string(),
            clicks_per_share(&r.totals).map_or(String::new(), |v| super::csv::number(tr.locale, v, 2)),
        ]
    };
    let mut rows: Vec<Vec<String>> = impact.rows.iter().map(line).collect();
    rows.push(line(&impact.total));
    let range = impact.picker.period.range;
    let name = format!(
        "{}-{}-{}",
        tr.t("reports-impact-file"),
        period::format_day(range.first),
        period::format_day(range.last)
    );
    Ok(csv_response(&name, csv_bytes(tr.locale, &headers, &rows)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use ambasada_core::Locale;
    use std::sync::Arc;

    fn tr() -> Tr {
        Tr::new(Arc::new(I18n::new()), Locale::En)
    }

    fn q(period: &str, from: &str, to: &str) -> ReportQuery {
        ReportQuery {
            period: period.into(),
            from: from.into(),
            to: to.into(),
            ..ReportQuery::default()
        }
    }

    #[test]
    fn the_picker_defaults_to_twelve_months_and_keeps_bad_input() {
        let today = ambasada_core::reports::day_of_date(jiff::civil::date(2026, 11, 30));
        let p = picker(&ReportQuery::default(), today, &tr());
        assert_eq!(p.choice, "12-months");
        assert_eq!(p.span(), "2025-12-01 – 2026-11-30");
        assert!(p.errors.is_empty());
        let p = picker(&q("custom", "2026-11-01", "2026-11-10"), today, &tr());
        assert_eq!(p.span(), "2026-11-01 – 2026-11-10");
        assert_eq!(p.query(), "period=custom&from=2026-11-01&to=2026-11-10");
        let p = picker(&q("custom", "2026-13-01", "2026-11-10"), today, &tr());
        assert!(p.errors.has("from"));
        assert_eq!(
            (p.from.as_str(), p.span().as_str()),
            ("2026-13-01", "2025-12-01 – 2026-11-30")
        );
        let p = picker(&q("decade", "", ""), today, &tr());
        assert!(p.errors.has("period"));
        assert_eq!(p.choice, "decade");
        let p = picker(&q("custom", "2027-01-01", "2027-01-31"), today, &tr());
        assert!(p.errors.has("from"), "a period in the future");
    }

    #[test]
    fn every_choice_has_a_label() {
        let t = tr();
        let p = picker(&ReportQuery::default(), 20_000, &t);
        for (value, label) in p.options(&t) {
            assert!(t.has(&format!("reports-impact-period-{value}")), "{value}");
            assert!(!label.is_empty());
        }
    }

    #[test]
    fn networks_sum_in_the_networks_order() {
        let day = |day, network: &str, clicks| ambasada_store::reports::impact::AmbassadorDay {
            day,
            network: network.into(),
            shares: 1,
            personalised: 0,
            clicks,
            bots: 0,
            visitors: clicks,
            conversions: 0,
        };
        let rows = per_network(&[day(1, "x", 2), day(1, "linkedin", 5), day(2, "x", 3)]);
        let got: Vec<(&str, i64, i64)> = rows
            .iter()
            .map(|r| (r.network.as_str(), r.totals.shares, r.totals.clicks))
            .collect();
        assert_eq!(got, vec![("linkedin", 1, 5), ("x", 2, 5)]);
    }
}
