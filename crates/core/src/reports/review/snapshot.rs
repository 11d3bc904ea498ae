//! What a review's document holds: the [`Snapshot`] of the program's numbers taken from
//! the data (headline numbers of the period and the one before, goals, top content and
//! ambassadors, health check levels), how the health checks moved since the review
//! before, and what slipped.

use crate::Millis;
use crate::programs::health::Level;
use crate::reports::metrics::{self, Headline};
use crate::reports::period::format_day;
use serde::{Deserialize, Serialize};

/// How many items and ambassadors the review's top lists name.
pub const TOP: usize = 5;
/// The version of the [`Snapshot`] layout written now.
pub const SNAPSHOT_VERSION: u32 = 1;

/// The headline numbers of a period as a review keeps them (the stored form of
/// [`Headline`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Numbers {
    pub enrolled: i64,
    pub active_ambassadors: i64,
    pub shares: i64,
    pub personalised: i64,
    pub clicks: i64,
    pub visitors: i64,
    pub conversions: i64,
    pub applications: i64,
    pub hires: i64,
    pub reach_estimate: i64,
    pub emv_estimate_grosze: i64,
    pub plan_realisation: Option<f64>,
    pub enps: Option<i64>,
}

impl From<&Headline> for Numbers {
    fn from(h: &Headline) -> Numbers {
        Numbers {
            enrolled: h.enrolled,
            active_ambassadors: h.active_ambassadors,
            shares: h.totals.shares,
            personalised: h.totals.personalised,
            clicks: h.totals.clicks,
            visitors: h.totals.visitors,
            conversions: h.totals.conversions,
            applications: h.applications,
            hires: h.hires,
            reach_estimate: h.reach_estimate,
            emv_estimate_grosze: h.emv_estimate_grosze,
            plan_realisation: h.plan_realisation,
            enps: h.enps,
        }
    }
}

impl Numbers {
    /// The headline again, for the dashboard's tables.
    pub fn headline(&self) -> Headline {
        Headline {
            enrolled: self.enrolled,
            active_ambassadors: self.active_ambassadors,
            totals: crate::reports::Totals {
                shares: self.shares,
                personalised: self.personalised,
                clicks: self.clicks,
                bots: 0,
                visitors: self.visitors,
                conversions: self.conversions,
            },
            applications: self.applications,
            hires: self.hires,
            reach_estimate: self.reach_estimate,
            emv_estimate_grosze: self.emv_estimate_grosze,
            plan_realisation: self.plan_realisation,
            enps: self.enps,
        }
    }

    /// Ambassadors with a share in the period / enrolled ambassadors.
    pub fn participation_rate(&self) -> Option<f64> {
        metrics::participation_rate(self.active_ambassadors, self.enrolled)
    }
}

/// A goal as the review shows it, measured when the numbers were taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalLine {
    /// `crate::programs::goals::Metric::as_str`.
    pub metric: String,
    pub target: f64,
    /// Whether target and value are rates (0 to 1) rather than counts.
    pub rate: bool,
    /// The measured value; `None` without data.
    pub value: Option<f64>,
    /// Progress towards the target, 0 to 100; `None` without data.
    pub percent: Option<i64>,
    /// The share of the goal's period elapsed, 0 to 100.
    pub expected_percent: i64,
    /// `crate::programs::goals::Status::as_str`.
    pub status: String,
    pub period_start: Millis,
    pub period_end: Millis,
}

/// A content item or ambassador in a top list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopLine {
    pub id: i64,
    pub label: String,
    pub shares: i64,
    pub clicks: i64,
    pub conversions: i64,
    /// An ambassador who keeps their name off leaderboards: shown by name to themselves
    /// only.
    #[serde(default)]
    pub hidden: bool,
}

/// A health check's level when the numbers were taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthLine {
    /// The check's catalog key, e.g. `health-enps`.
    pub key: String,
    /// `green`, `amber` or `red`.
    pub level: String,
}

/// What a review's document was generated from: stored with the review, refreshed while
/// it is a draft, never after it is published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub version: u32,
    /// When the numbers were taken.
    pub taken_at: Millis,
    /// The days measured and the days compared with (inclusive UTC days).
    pub first_day: i64,
    pub last_day: i64,
    pub previous_first_day: i64,
    pub previous_last_day: i64,
    pub current: Numbers,
    pub previous: Numbers,
    pub goals: Vec<GoalLine>,
    pub top_content: Vec<TopLine>,
    pub top_ambassadors: Vec<TopLine>,
    pub health: Vec<HealthLine>,
}

impl Snapshot {
    /// The measured days, as `YYYY-MM-DD – YYYY-MM-DD`.
    pub fn measured(&self) -> String {
        format!("{} – {}", format_day(self.first_day), format_day(self.last_day))
    }

    /// The compared days.
    pub fn compared(&self) -> String {
        format!(
            "{} – {}",
            format_day(self.previous_first_day),
            format_day(self.previous_last_day)
        )
    }
}

/// A headline number that fell by more than this share since the period before slipped.
pub const SLIP_DROP: f64 = 0.2;

/// What slipped in a review's period: goals behind or missed, headline numbers that fell
/// by more than [`SLIP_DROP`], and health checks that got worse since the review before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slipped {
    /// The metrics of goals behind or missed.
    pub goals: Vec<String>,
    /// `shares`, `active_ambassadors`, `clicks`, `visitors`, `conversions`, `applications`.
    pub numbers: Vec<&'static str>,
    /// The keys of health checks that got worse.
    pub health: Vec<String>,
}

impl Slipped {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.numbers.is_empty() && self.health.is_empty()
    }
}

/// What slipped, from the snapshot and the health changes ([`health_changes`]).
pub fn slipped(s: &Snapshot, changes: &[HealthChange]) -> Slipped {
    let (c, p) = (&s.current, &s.previous);
    let pairs = [
        ("shares", c.shares, p.shares),
        ("active_ambassadors", c.active_ambassadors, p.active_ambassadors),
        ("clicks", c.clicks, p.clicks),
        ("visitors", c.visitors, p.visitors),
        ("conversions", c.conversions, p.conversions),
        ("applications", c.applications, p.applications),
    ];
    Slipped {
        goals: s
            .goals
            .iter()
            .filter(|g| matches!(g.status.as_str(), "behind" | "missed"))
            .map(|g| g.metric.clone())
            .collect(),
        numbers: pairs
            .into_iter()
            .filter(|(_, now, before)| metrics::change(*now as f64, *before as f64).is_some_and(|ch| ch < -SLIP_DROP))
            .map(|(name, _, _)| name)
            .collect(),
        health: changes
            .iter()
            .filter(|h| h.trend == Trend::Worse)
            .map(|h| h.key.clone())
            .collect(),
    }
}

/// How a health check moved since the review before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    Same,
    /// Not checked at the review before (or there was none).
    New,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Better => "better",
            Trend::Worse => "worse",
            Trend::Same => "same",
            Trend::New => "new",
        }
    }
}

/// A health check now, and at the review before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthChange {
    pub key: String,
    pub level: String,
    pub before: Option<String>,
    pub trend: Trend,
}

fn level_of(s: &str) -> Option<Level> {
    match s {
        "green" => Some(Level::Green),
        "amber" => Some(Level::Amber),
        "red" => Some(Level::Red),
        _ => None,
    }
}

/// Each check of `now` with its level in `before` (the previous review's snapshot), in
/// the order of `now`.
pub fn health_changes(now: &[HealthLine], before: Option<&[HealthLine]>) -> Vec<HealthChange> {
    now.iter()
        .map(|h| {
            let was = before.and_then(|b| b.iter().find(|x| x.key == h.key));
            let trend = match (was.and_then(|w| level_of(&w.level)), level_of(&h.level)) {
                (Some(a), Some(b)) if b < a => Trend::Better,
                (Some(a), Some(b)) if b > a => Trend::Worse,
                (Some(_), Some(_)) => Trend::Same,
                _ => Trend::New,
            };
            HealthChange {
                key: h.key.clone(),
                level: h.level.clone(),
                before: was.map(|w| w.level.clone()),
                trend,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_changes_compare_with_the_review_before() {
        let line = |key: &str, level: &str| HealthLine {
            key: key.into(),
            level: level.into(),
        };
        let now = [
            line("a", "green"),
            line("b", "red"),
            line("c", "amber"),
            line("d", "amber"),
        ];
        let before = [line("a", "amber"), line("b", "amber"), line("c", "amber")];
        let trends: Vec<_> = health_changes(&now, Some(&before)).iter().map(|c| c.trend).collect();
        assert_eq!(trends, [Trend::Better, Trend::Worse, Trend::Same, Trend::New]);
        let first = health_changes(&now, None);
        assert!(first.iter().all(|c| c.trend == Trend::New && c.before.is_none()));
    }

    #[test]
    fn goals_behind_falling_numbers_and_worse_checks_slipped() {
        let goal = |metric: &str, status: &str| GoalLine {
            metric: metric.into(),
            target: 10.0,
            rate: false,
            value: Some(1.0),
            percent: Some(10),
            expected_percent: 50,
            status: status.into(),
            period_start: 0,
            period_end: 1,
        };
        let s = Snapshot {
            version: SNAPSHOT_VERSION,
            taken_at: 0,
            first_day: 0,
            last_day: 0,
            previous_first_day: 0,
            previous_last_day: 0,
            // Shares fell by a quarter (slipped), clicks by a fifth (not more than 20 %),
            // visitors rose, conversions fell from nothing to nothing.
            current: Numbers {
                shares: 30,
                clicks: 80,
                visitors: 9,
                ..Numbers::default()
            },
            previous: Numbers {
                shares: 40,
                clicks: 100,
                visitors: 5,
                ..Numbers::default()
            },
            goals: vec![
                goal("shares", "behind"),
                goal("clicks", "on_track"),
                goal("hires", "missed"),
            ],
            top_content: vec![],
            top_ambassadors: vec![],
            health: vec![],
        };
        let changes = health_changes(
            &[HealthLine {
                key: "health-goal".into(),
                level: "red".into(),
            }],
            Some(&[HealthLine {
                key: "health-goal".into(),
                level: "green".into(),
            }]),
        );
        let out = slipped(&s, &changes);
        assert_eq!(out.goals, ["shares", "hires"]);
        assert_eq!(out.numbers, ["shares"]);
        assert_eq!(out.health, ["health-goal"]);
        assert!(!out.is_empty());
        assert!(
            slipped(
                &Snapshot {
                    goals: vec![],
                    ..s.clone()
                },
                &[]
            )
            .goals
            .is_empty()
        );
    }

    #[test]
    fn numbers_keep_the_headline() {
        let h = Headline {
            enrolled: 10,
            active_ambassadors: 4,
            totals: crate::reports::Totals {
                shares: 8,
                clicks: 30,
                ..Default::default()
            },
            plan_realisation: Some(0.5),
            ..Default::default()
        };
        let n = Numbers::from(&h);
        assert_eq!(n.headline(), h);
        assert_eq!((n.shares, n.clicks, n.plan_realisation), (8, 30, Some(0.5)));
        assert_eq!(n.participation_rate(), Some(0.4));
        assert_eq!(Numbers::default().participation_rate(), None);
    }
}
