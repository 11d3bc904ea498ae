//! What a review's document shows, written in the reader's language: the headline numbers
//! against the period before (the dashboard's rows, `dashboard_view`), goals, top lists,
//! health check changes, what slipped, and decisions with their state.

use super::dashboard_view::{HeadlineRow, headline_rows};
use crate::i18n::Tr;
use ambasada_core::reports::review::{self, Cadence, GoalLine, HealthChange, ReviewPeriod, Slipped, Snapshot, TopLine};
use ambasada_store::reports::reviews::Decision;

/// A headline number as the review shows it.
pub struct NumberRow {
    /// The element id (`shares`, `emv`).
    pub key: &'static str,
    pub label: String,
    pub now: String,
    pub before: String,
    pub change: String,
    /// Reach and EMV are estimates.
    pub estimate: bool,
}

/// The headline numbers of the snapshot, in the dashboard's order.
pub fn number_rows(tr: &Tr, s: &Snapshot) -> Vec<NumberRow> {
    let rows: Vec<HeadlineRow> = headline_rows(tr, &s.current.headline(), &s.previous.headline());
    rows.into_iter()
        .map(|r| NumberRow {
            key: r.key,
            label: r.label,
            now: r.current.html(tr),
            before: r.previous.html(tr),
            change: r.change.html(tr),
            estimate: r.estimate,
        })
        .collect()
}

/// A goal as the review shows it.
pub struct GoalRow {
    pub metric: String,
    pub target: String,
    pub value: String,
    pub percent: Option<i64>,
    pub expected_percent: i64,
    /// `achieved`, `on_track`, `behind`, ... (its CSS class).
    pub status: String,
    pub status_label: String,
}

fn amount(rate: bool, v: f64) -> String {
    if rate {
        format!("{:.0}%", v * 100.0)
    } else {
        format!("{v:.0}")
    }
}

fn metric_label(tr: &Tr, metric: &str) -> String {
    tr.t(&format!("metric-{}", metric.replace('_', "-")))
}

pub fn goal_rows(tr: &Tr, goals: &[GoalLine]) -> Vec<GoalRow> {
    goals
        .iter()
        .map(|g| GoalRow {
            metric: metric_label(tr, &g.metric),
            target: amount(g.rate, g.target),
            value: g.value.map_or_else(|| tr.t("goals-no-data"), |v| amount(g.rate, v)),
            percent: g.percent,
            expected_percent: g.expected_percent,
            status: g.status.clone(),
            status_label: tr.t(&format!("goal-status-{}", g.status)),
        })
        .collect()
}

/// A line of a top list.
pub struct TopRow {
    pub label: String,
    /// The item's page, for managers.
    pub href: Option<String>,
    pub shares: i64,
    pub clicks: i64,
    pub conversions: i64,
}

/// A top list for `viewer`: hidden ambassadors appear under the anonymous name except to
/// themselves; items link to their page for `link_items`.
pub fn top_rows(tr: &Tr, lines: &[TopLine], viewer: i64, link_items: bool) -> Vec<TopRow> {
    lines
        .iter()
        .map(|l| TopRow {
            label: if l.hidden && l.id != viewer {
                tr.t("board-anonymous")
            } else {
                l.label.clone()
            },
            href: link_items.then(|| format!("/app/content/{}", l.id)),
            shares: l.shares,
            clicks: l.clicks,
            conversions: l.conversions,
        })
        .collect()
}

/// A health check now and at the review before.
pub struct HealthRow {
    pub title: String,
    pub level: String,
    pub level_label: String,
    pub before_label: String,
    /// `better`, `worse`, `same`, `new` (its CSS class).
    pub trend: &'static str,
    pub trend_label: String,
}

pub fn health_rows(tr: &Tr, changes: &[HealthChange]) -> Vec<HealthRow> {
    changes
        .iter()
        .map(|c| HealthRow {
            title: tr.t(&c.key),
            level: c.level.clone(),
            level_label: tr.t(&format!("health-level-{}", c.level)),
            before_label: c
                .before
                .as_ref()
                .map_or_else(|| "–".to_string(), |b| tr.t(&format!("health-level-{b}"))),
            trend: c.trend.as_str(),
            trend_label: tr.t(&format!("reports-review-trend-{}", c.trend.as_str())),
        })
        .collect()
}

/// What slipped, one sentence each; overdue decisions counted too.
pub fn slipped_lines(tr: &Tr, s: &Slipped, overdue: i64) -> Vec<String> {
    let mut out: Vec<String> = s
        .goals
        .iter()
        .map(|g| tr.a1("reports-review-slipped-goal", "metric", &metric_label(tr, g)))
        .collect();
    for n in &s.numbers {
        let label = tr.t(&format!("reports-review-number-{}", n.replace('_', "-")));
        out.push(tr.a1("reports-review-slipped-number", "metric", &label));
    }
    for h in &s.health {
        out.push(tr.a1("reports-review-slipped-health", "check", &tr.t(h)));
    }
    if overdue > 0 {
        out.push(tr.n("reports-review-slipped-decisions", overdue));
    }
    out
}

/// A decision as the review shows it.
pub struct DecisionRow {
    pub id: i64,
    pub text: String,
    pub owner: String,
    pub due: String,
    pub done: bool,
    /// `open`, `overdue`, `done` (its CSS class).
    pub state: &'static str,
    pub state_label: String,
    /// The period of the review it was taken in.
    pub taken_in: String,
}

pub fn decision_rows(tr: &Tr, decisions: &[Decision], today: i64) -> Vec<DecisionRow> {
    decisions
        .iter()
        .map(|d| {
            let state = review::decision_state(d.done_at.is_some(), d.due_day, today);
            DecisionRow {
                id: d.id,
                text: d.text.clone(),
                owner: d
                    .owner_name
                    .clone()
                    .unwrap_or_else(|| tr.t("reports-review-owner-gone")),
                due: due_label(tr, d.due_day),
                done: d.done_at.is_some(),
                state,
                state_label: tr.t(&format!("reports-review-decision-{state}")),
                taken_in: super::reviews::period_label(
                    tr,
                    &ReviewPeriod::containing(Cadence::from_stored(&d.taken_in_cadence), d.taken_in_first_day),
                ),
            }
        })
        .collect()
}

/// A due day as the language writes dates (`15.12.2026`, `2026-12-15`).
pub fn due_label(tr: &Tr, day: i64) -> String {
    tr.datetime(day * ambasada_core::DAY, "UTC")
        .split(' ')
        .next()
        .unwrap_or("")
        .to_string()
}
