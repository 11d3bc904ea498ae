//! Program goals: a metric, a target and a period (PRODUCT.md, C2), for example "40
//! candidate applications from ambassador links in Q1" or "participation ≥ 60%".
//!
//! Goal progress is computed from the data, never typed in. The caller gathers the
//! [`Facts`] for the goal's period from the store; [`measure`] turns them into the value of
//! one [`Metric`], and [`progress`] compares that value with the target, given how much of
//! the period has passed.
//!
//! # Counts and rates
//!
//! Most metrics are **counts** (shares, clicks, applications…) that only grow during the
//! period. Their target is a number, and a count goal is:
//! - [`Status::NotStarted`] before the period starts;
//! - [`Status::Achieved`] as soon as the count reaches the target, even mid-period;
//! - [`Status::Missed`] when the period is over without reaching it;
//! - otherwise [`Status::OnTrack`] when the share of the target reached is at least
//!   [`ON_TRACK_SHARE`] (90%) of the share of the period elapsed (a third of the way
//!   through Q1, 40 applications are on track from 12), and [`Status::Behind`] when not.
//!
//! Three metrics are **rates** ([`Metric::is_rate`]): participation rate, plan realisation
//! and training completion, each from 0 to 1. Their target is a fraction (0.6 for 60%)
//! and the rate itself is compared with it, since a rate does not accumulate over the
//! period and may fall as well as rise (a new ambassador who has not shared yet lowers
//! participation). A rate goal is:
//! - [`Status::NotStarted`] before the period starts;
//! - while the period runs, [`Status::OnTrack`] when the rate is at least the target less
//!   [`RATE_TOLERANCE`] (5 percentage points) and [`Status::Behind`] when not; it is
//!   never achieved before the end, since it may still fall;
//! - when the period is over, [`Status::Achieved`] when the rate is at least the target and
//!   [`Status::Missed`] when not.
//!
//! Either kind is [`Status::NoData`] once started when the data does not exist
//! ([`Measured::NoData`]): the publication calendar and training come with later
//! capabilities, and plan realisation has no value while no planned post is due.
//!
//! Times are Unix milliseconds; a period is `[start, end)`.

use crate::{DAY, Millis};
use serde::Serialize;
use std::fmt;

/// A count goal is on track while the share of the target reached is at least this share
/// of the share of the period elapsed.
pub const ON_TRACK_SHARE: f64 = 0.9;
/// A rate goal is on track while the rate is at most this far (as a fraction: 0.05 is 5
/// percentage points) below the target.
pub const RATE_TOLERANCE: f64 = 0.05;
/// The largest count target.
pub const MAX_COUNT_TARGET: i64 = 10_000_000;
/// The longest period a goal may have: two years, leap day included, so that any two
/// calendar years fit.
pub const MAX_PERIOD: Millis = 731 * DAY;
/// An ambassador is active while they have shared within this long (see
/// [`active_window`]).
pub const ACTIVE_WINDOW: Millis = 30 * DAY;

/// Slack for floating-point comparisons, so that 0.6 − 0.05 still admits a rate of 0.55.
const EPSILON: f64 = 1e-9;

/// What a goal measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Confirmed shares.
    Shares,
    /// Clicks on tracked links (bots and crawlers excluded).
    Clicks,
    /// Unique visitors: one visitor hash per link per day.
    UniqueVisitors,
    /// Candidate applications attributed to ambassador links.
    Applications,
    /// Attributed applications that ended in a hire.
    Hires,
    /// Ambassadors who shared at least once in the period / enrolled ambassadors.
    ParticipationRate,
    /// Planned posts published by their date / planned posts due in the period.
    PlanRealisation,
    /// Ambassadors who completed the training / enrolled ambassadors.
    TrainingCompletion,
    /// Ambassadors with a share within [`ACTIVE_WINDOW`] of the end of the period.
    ActiveAmbassadors,
}

impl Metric {
    /// Every metric, in the order the UI lists them.
    pub const ALL: [Metric; 9] = [
        Metric::Shares,
        Metric::Clicks,
        Metric::UniqueVisitors,
        Metric::Applications,
        Metric::Hires,
        Metric::ParticipationRate,
        Metric::PlanRealisation,
        Metric::TrainingCompletion,
        Metric::ActiveAmbassadors,
    ];

    /// The stored and serialised name, e.g. `unique_visitors`.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Shares => "shares",
            Metric::Clicks => "clicks",
            Metric::UniqueVisitors => "unique_visitors",
            Metric::Applications => "applications",
            Metric::Hires => "hires",
            Metric::ParticipationRate => "participation_rate",
            Metric::PlanRealisation => "plan_realisation",
            Metric::TrainingCompletion => "training_completion",
            Metric::ActiveAmbassadors => "active_ambassadors",
        }
    }

    /// Parses the name [`Metric::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Metric> {
        let s = s.trim().to_lowercase();
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the metric is a rate from 0 to 1 (participation rate, plan realisation,
    /// training completion) rather than a count.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Metric::ParticipationRate | Metric::PlanRealisation | Metric::TrainingCompletion
        )
    }

    /// Whether the data for this metric exists yet, given which `sources` do: plan
    /// realisation needs the publication calendar and training completion needs training,
    /// which come with later capabilities. The other metrics always have data. The UI
    /// offers only available metrics for new goals.
    pub fn available(self, sources: Sources) -> bool {
        match self {
            Metric::PlanRealisation => sources.calendar,
            Metric::TrainingCompletion => sources.training,
            _ => true,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which optional sources of data the deployment has (see [`Metric::available`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sources {
    /// The publication calendar (planned posts).
    pub calendar: bool,
    /// Training courses and their completion.
    pub training: bool,
}

/// Why a goal was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    /// Not a valid target for the metric (see [`parse_target`]).
    #[error("not a valid target for this metric")]
    Target,
    /// The period ends before it starts or is longer than [`MAX_PERIOD`].
    #[error("not a valid period")]
    Period,
}

impl GoalError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            GoalError::Target => "error-goal-target",
            GoalError::Period => "error-goal-period",
        }
    }
}

/// Parses a target as typed, trimmed:
/// - for a count, a whole number from 1 to [`MAX_COUNT_TARGET`] of ASCII digits (`40`);
/// - for a rate, a percentage above 0 and at most 100, with a decimal point or comma and
///   an optional `%` (`60`, `60%`, `60,5`, `60.5 %`), returned as a fraction (0.6, 0.605).
///
/// Anything else (signs, exponents, `NaN`, a second separator…) is [`GoalError::Target`].
pub fn parse_target(metric: Metric, s: &str) -> Result<f64, GoalError> {
    let s = s.trim();
    if metric.is_rate() {
        let number = s.strip_suffix('%').unwrap_or(s).trim_end().replace(',', ".");
        let digits = number.bytes().filter(u8::is_ascii_digit).count();
        let points = number.bytes().filter(|&b| b == b'.').count();
        if digits == 0 || points > 1 || digits + points != number.len() {
            return Err(GoalError::Target);
        }
        let percent: f64 = number.parse().map_err(|_| GoalError::Target)?;
        if percent > 0.0 && percent <= 100.0 {
            Ok(percent / 100.0)
        } else {
            Err(GoalError::Target)
        }
    } else {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(GoalError::Target);
        }
        match s.parse::<i64>() {
            Ok(n) if (1..=MAX_COUNT_TARGET).contains(&n) => Ok(n as f64),
            _ => Err(GoalError::Target),
        }
    }
}

/// Checks a goal's period `[start, end)` in Unix milliseconds: it must end after it starts
/// and last at most [`MAX_PERIOD`]. Returns it as given.
pub fn parse_period(start: Millis, end: Millis) -> Result<(Millis, Millis), GoalError> {
    match end.checked_sub(start) {
        Some(length) if length > 0 && length <= MAX_PERIOD => Ok((start, end)),
        _ => Err(GoalError::Period),
    }
}

/// The window `[from, to)` in which a share makes an ambassador count for
/// [`Metric::ActiveAmbassadors`]: the last [`ACTIVE_WINDOW`] of the period, or, while the
/// period runs, of the time so far (up to `now`). Never reaches before the period's start,
/// so a short period counts its whole length; before the start the window is empty.
pub fn active_window(start: Millis, end: Millis, now: Millis) -> (Millis, Millis) {
    let to = end.min(now).max(start);
    let from = to.saturating_sub(ACTIVE_WINDOW).max(start);
    (from, to)
}

/// What the data says for a metric over a goal's period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measured {
    /// A count, for the metrics that are not rates.
    Count(i64),
    /// A rate from 0 to 1.
    Rate(f64),
    /// No data yet: the source does not exist, or (plan realisation) nothing is due.
    NoData,
}

impl Measured {
    /// The value as a number, `None` for [`Measured::NoData`].
    pub fn value(self) -> Option<f64> {
        match self {
            Measured::Count(n) => Some(n as f64),
            Measured::Rate(r) => Some(r),
            Measured::NoData => None,
        }
    }
}

/// The numbers a goal needs, gathered by the caller from the store for the goal's period
/// (up to now, while it runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    /// Confirmed shares.
    pub shares: i64,
    /// Clicks on tracked links (bots and crawlers excluded).
    pub clicks: i64,
    /// Unique visitors.
    pub unique_visitors: i64,
    /// Attributed applications.
    pub applications: i64,
    /// Attributed applications that ended in a hire.
    pub hires: i64,
    /// Ambassadors enrolled at the end of the period (at `now`, while it runs).
    pub enrolled: i64,
    /// How many of the `enrolled` ambassadors shared at least once in the period.
    pub sharing_ambassadors: i64,
    /// `(published on time, due)`: planned posts published by their date (+1 day grace)
    /// and planned posts due in the period; `None` while the calendar does not exist.
    pub plan: Option<(i64, i64)>,
    /// `(completed, enrolled)`: ambassadors who completed the required (or, when none is
    /// required, the available) training, and ambassadors enrolled; `None` while training
    /// does not exist.
    pub training: Option<(i64, i64)>,
    /// Ambassadors with at least one share in the [`active_window`].
    pub active_ambassadors: i64,
}

/// `part / whole` as a rate clamped to [0, 1]; 0 when `whole` is 0 or less.
fn rate(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        (part as f64 / whole as f64).clamp(0.0, 1.0)
    }
}

/// The value of `metric` from `facts`:
/// - counts are taken as they are (negative numbers as 0);
/// - participation rate is `sharing_ambassadors / enrolled` (PRODUCT.md's definition);
///   with nobody enrolled it is 0, not "no data": the data exists and says nobody takes
///   part;
/// - plan realisation is `published on time / due`; [`Measured::NoData`] while the calendar
///   does not exist, and also while nothing is due yet: a rate of nothing is neither 0%
///   (which would call the goal behind) nor 100% (which would call it achieved);
/// - training completion is `completed / enrolled`; [`Measured::NoData`] while training
///   does not exist, 0 with nobody enrolled (as participation).
///
/// Rates are clamped to [0, 1], in case of inconsistent counts.
pub fn measure(metric: Metric, facts: &Facts) -> Measured {
    let count = |n: i64| Measured::Count(n.max(0));
    match metric {
        Metric::Shares => count(facts.shares),
        Metric::Clicks => count(facts.clicks),
        Metric::UniqueVisitors => count(facts.unique_visitors),
        Metric::Applications => count(facts.applications),
        Metric::Hires => count(facts.hires),
        Metric::ActiveAmbassadors => count(facts.active_ambassadors),
        Metric::ParticipationRate => Measured::Rate(rate(facts.sharing_ambassadors, facts.enrolled)),
        Metric::PlanRealisation => match facts.plan {
            Some((on_time, due)) if due > 0 => Measured::Rate(rate(on_time, due)),
            _ => Measured::NoData,
        },
        Metric::TrainingCompletion => match facts.training {
            Some((completed, enrolled)) => Measured::Rate(rate(completed, enrolled)),
            None => Measured::NoData,
        },
    }
}

/// Where a goal stands (see the module documentation for the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target is reached (a count, any time; a rate, at the end of the period).
    Achieved,
    /// Not reached yet, but on the way.
    OnTrack,
    /// Not reached and falling behind.
    Behind,
    /// Started, but there is no data to measure.
    NoData,
    /// The period has not started.
    NotStarted,
    /// The period is over and the target was not reached.
    Missed,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::NoData,
        Status::NotStarted,
        Status::Missed,
    ];

    /// The stored and serialised name, e.g. `on_track`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::NoData => "no_data",
            Status::NotStarted => "not_started",
            Status::Missed => "missed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A goal's progress: the measured value against the target, and whether it is on track
/// given the time elapsed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The measured value.
    pub value: Measured,
    /// The value over the target, clamped to [0, 1] (for a rate, the rate over the target
    /// rate); `None` without data. For a progress bar.
    pub fraction: Option<f64>,
    /// The share of the period elapsed at `now`, from 0 to 1.
    pub expected_fraction: f64,
    /// Where the goal stands.
    pub status: Status,
}

/// The share of `[start, end)` elapsed at `now`, clamped to [0, 1]. An empty or inverted
/// period is all ahead before `end` and all past from `end`.
fn elapsed_fraction(start: Millis, end: Millis, now: Millis) -> f64 {
    if end <= start {
        return if now >= end { 1.0 } else { 0.0 };
    }
    ((now as f64 - start as f64) / (end as f64 - start as f64)).clamp(0.0, 1.0)
}

/// The progress at `now` of a goal on `metric` with `target` (as [`parse_target`] returns
/// it: a count, or a fraction for a rate) over `[period_start, period_end)`, given the
/// `measured` value ([`measure`]). Whether the count or the rate rules apply follows
/// `metric`; see the module documentation. A target of 0 or less (never from
/// [`parse_target`]) counts as reached by any value.
pub fn progress(
    metric: Metric,
    target: f64,
    period_start: Millis,
    period_end: Millis,
    now: Millis,
    measured: Measured,
) -> Progress {
    let expected_fraction = elapsed_fraction(period_start, period_end, now);
    let value = measured.value();
    let fraction = value.map(|v| {
        if target > 0.0 {
            (v / target).clamp(0.0, 1.0)
        } else {
            1.0
        }
    });
    let ended = now >= period_end;
    let status = match (value, fraction) {
        _ if now < period_start => Status::NotStarted,
        (Some(v), Some(f)) => {
            let reached = v + EPSILON >= target;
            if metric.is_rate() {
                match (ended, reached) {
                    (true, true) => Status::Achieved,
                    (true, false) => Status::Missed,
                    (false, _) if v + EPSILON >= target - RATE_TOLERANCE => Status::OnTrack,
                    (false, _) => Status::Behind,
                }
            } else if reached {
                Status::Achieved
            } else if ended {
                Status::Missed
            } else if f + EPSILON >= expected_fraction * ON_TRACK_SHARE {
                Status::OnTrack
            } else {
                Status::Behind
            }
        }
        _ => Status::NoData,
    };
    Progress {
        value: measured,
        fraction,
        expected_fraction,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Q1 2025 (1 January to 1 April, UTC): 90 days.
    const Q1_START: Millis = 1_735_689_600_000;
    const Q1_END: Millis = Q1_START + 90 * DAY;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn count_goal(value: i64, now: Millis) -> Progress {
        progress(
            Metric::Applications,
            40.0,
            Q1_START,
            Q1_END,
            now,
            Measured::Count(value),
        )
    }

    fn rate_goal(rate: f64, now: Millis) -> Progress {
        progress(
            Metric::ParticipationRate,
            0.6,
            Q1_START,
            Q1_END,
            now,
            Measured::Rate(rate),
        )
    }

    #[test]
    fn metrics_have_stable_names_and_parse_back() {
        for m in Metric::ALL {
            assert_eq!(Metric::parse(m.as_str()), Some(m));
            assert_eq!(m.to_string(), m.as_str());
        }
        assert_eq!(Metric::parse(" Unique_Visitors "), Some(Metric::UniqueVisitors));
        assert_eq!(Metric::parse("participation"), None);
        assert_eq!(Metric::parse(""), None);
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(
            names,
            [
                "shares",
                "clicks",
                "unique_visitors",
                "applications",
                "hires",
                "participation_rate",
                "plan_realisation",
                "training_completion",
                "active_ambassadors"
            ]
        );
    }

    #[test]
    fn three_metrics_are_rates_and_the_rest_counts() {
        let rates: Vec<Metric> = Metric::ALL.into_iter().filter(|m| m.is_rate()).collect();
        assert_eq!(
            rates,
            [
                Metric::ParticipationRate,
                Metric::PlanRealisation,
                Metric::TrainingCompletion
            ]
        );
    }

    #[test]
    fn plan_and_training_metrics_wait_for_their_sources() {
        let none = Sources::default();
        let all = Sources {
            calendar: true,
            training: true,
        };
        for m in Metric::ALL {
            assert!(m.available(all), "{m}");
            let needs_source = matches!(m, Metric::PlanRealisation | Metric::TrainingCompletion);
            assert_eq!(m.available(none), !needs_source, "{m}");
        }
        let calendar_only = Sources {
            calendar: true,
            training: false,
        };
        assert!(Metric::PlanRealisation.available(calendar_only));
        assert!(!Metric::TrainingCompletion.available(calendar_only));
    }

    #[test]
    fn count_targets_are_whole_positive_numbers() {
        assert_eq!(parse_target(Metric::Applications, "40"), Ok(40.0));
        assert_eq!(parse_target(Metric::Shares, " 1 "), Ok(1.0));
        assert_eq!(parse_target(Metric::Clicks, "10000000"), Ok(10_000_000.0));
        assert_eq!(parse_target(Metric::Hires, "007"), Ok(7.0));
        for bad in [
            "",
            "0",
            "-5",
            "+5",
            "40.0",
            "40,5",
            "4e1",
            "10000001",
            "99999999999999999999",
            "40%",
            "abc",
        ] {
            assert_eq!(parse_target(Metric::Applications, bad), Err(GoalError::Target), "{bad}");
        }
    }

    #[test]
    fn rate_targets_are_percentages_returned_as_fractions() {
        let m = Metric::ParticipationRate;
        assert_eq!(parse_target(m, "60"), Ok(0.6));
        assert_eq!(parse_target(m, "60%"), Ok(0.6));
        assert_eq!(parse_target(m, " 60 % "), Ok(0.6));
        assert_eq!(parse_target(m, "60,5"), Ok(0.605));
        assert_eq!(parse_target(m, "60.5%"), Ok(0.605));
        assert_eq!(parse_target(m, "100"), Ok(1.0));
        assert!(close(parse_target(Metric::PlanRealisation, "0,1").unwrap(), 0.001));
        for bad in [
            "", "%", "0", "0,0", "100.01", "101", "-5", "+5", "6e1", "NaN", "inf", "60,5,1", "6 0", "60%%", ".",
        ] {
            assert_eq!(parse_target(m, bad), Err(GoalError::Target), "{bad}");
        }
        assert_eq!(GoalError::Target.key(), "error-goal-target");
    }

    #[test]
    fn periods_end_after_they_start_and_last_at_most_two_years() {
        assert_eq!(parse_period(Q1_START, Q1_END), Ok((Q1_START, Q1_END)));
        assert!(parse_period(Q1_START, Q1_START + 1).is_ok());
        // 1 January 2024 to 1 January 2026 spans a leap year: 731 days.
        assert!(parse_period(Q1_START - 366 * DAY, Q1_START + 365 * DAY).is_ok());
        assert_eq!(
            parse_period(Q1_START, Q1_START + MAX_PERIOD + 1),
            Err(GoalError::Period)
        );
        assert_eq!(parse_period(Q1_START, Q1_START), Err(GoalError::Period));
        assert_eq!(parse_period(Q1_END, Q1_START), Err(GoalError::Period));
        assert_eq!(parse_period(i64::MIN, i64::MAX), Err(GoalError::Period));
        assert_eq!(GoalError::Period.key(), "error-goal-period");
    }

    #[test]
    fn the_active_window_is_the_last_thirty_days_up_to_now() {
        assert_eq!(
            active_window(Q1_START, Q1_END, Q1_END + DAY),
            (Q1_END - 30 * DAY, Q1_END)
        );
        let mid = Q1_START + 45 * DAY;
        assert_eq!(active_window(Q1_START, Q1_END, mid), (mid - 30 * DAY, mid));
        let early = Q1_START + 10 * DAY;
        assert_eq!(active_window(Q1_START, Q1_END, early), (Q1_START, early));
        assert_eq!(active_window(Q1_START, Q1_END, Q1_START - DAY), (Q1_START, Q1_START));
    }

    #[test]
    fn counts_are_measured_as_they_are() {
        let facts = Facts {
            shares: 120,
            clicks: 900,
            unique_visitors: 700,
            applications: 14,
            hires: 2,
            active_ambassadors: 17,
            ..Facts::default()
        };
        assert_eq!(measure(Metric::Shares, &facts), Measured::Count(120));
        assert_eq!(measure(Metric::Clicks, &facts), Measured::Count(900));
        assert_eq!(measure(Metric::UniqueVisitors, &facts), Measured::Count(700));
        assert_eq!(measure(Metric::Applications, &facts), Measured::Count(14));
        assert_eq!(measure(Metric::Hires, &facts), Measured::Count(2));
        assert_eq!(measure(Metric::ActiveAmbassadors, &facts), Measured::Count(17));
        let empty = Facts::default();
        for m in Metric::ALL.into_iter().filter(|m| !m.is_rate()) {
            assert_eq!(measure(m, &empty), Measured::Count(0), "{m}");
        }
        let negative = Facts {
            clicks: -3,
            ..Facts::default()
        };
        assert_eq!(measure(Metric::Clicks, &negative), Measured::Count(0));
    }

    #[test]
    fn participation_is_sharing_ambassadors_over_enrolled_and_zero_with_nobody_enrolled() {
        let facts = Facts {
            enrolled: 20,
            sharing_ambassadors: 13,
            ..Facts::default()
        };
        assert_eq!(measure(Metric::ParticipationRate, &facts), Measured::Rate(0.65));
        assert_eq!(
            measure(Metric::ParticipationRate, &Facts::default()),
            Measured::Rate(0.0)
        );
        let inconsistent = Facts {
            enrolled: 2,
            sharing_ambassadors: 3,
            ..Facts::default()
        };
        assert_eq!(measure(Metric::ParticipationRate, &inconsistent), Measured::Rate(1.0));
    }

    #[test]
    fn plan_realisation_has_no_data_without_a_calendar_or_with_nothing_due() {
        let with_plan = |plan| Facts {
            plan,
            ..Facts::default()
        };
        assert_eq!(measure(Metric::PlanRealisation, &with_plan(None)), Measured::NoData);
        assert_eq!(
            measure(Metric::PlanRealisation, &with_plan(Some((0, 0)))),
            Measured::NoData
        );
        assert_eq!(
            measure(Metric::PlanRealisation, &with_plan(Some((3, 4)))),
            Measured::Rate(0.75)
        );
        assert_eq!(
            measure(Metric::PlanRealisation, &with_plan(Some((0, 4)))),
            Measured::Rate(0.0)
        );
        assert_eq!(
            measure(Metric::PlanRealisation, &with_plan(Some((4, 4)))),
            Measured::Rate(1.0)
        );
    }

    #[test]
    fn training_completion_has_no_data_without_training_and_zero_with_nobody_enrolled() {
        let with_training = |training| Facts {
            training,
            ..Facts::default()
        };
        assert_eq!(
            measure(Metric::TrainingCompletion, &with_training(None)),
            Measured::NoData
        );
        assert_eq!(
            measure(Metric::TrainingCompletion, &with_training(Some((0, 0)))),
            Measured::Rate(0.0)
        );
        assert_eq!(
            measure(Metric::TrainingCompletion, &with_training(Some((9, 12)))),
            Measured::Rate(0.75)
        );
    }

    #[test]
    fn a_count_goal_before_its_period_has_not_started() {
        let p = count_goal(0, Q1_START - 1);
        assert_eq!(p.status, Status::NotStarted);
        assert_eq!(p.expected_fraction, 0.0);
        assert_eq!(p.fraction, Some(0.0));
    }

    #[test]
    fn a_count_goal_is_achieved_as_soon_as_the_target_is_reached() {
        let p = count_goal(40, Q1_START + 10 * DAY);
        assert_eq!(p.status, Status::Achieved);
        assert_eq!(p.fraction, Some(1.0));
        assert_eq!(count_goal(55, Q1_END + DAY).status, Status::Achieved);
        assert_eq!(count_goal(55, Q1_END + DAY).fraction, Some(1.0));
    }

    #[test]
    fn a_count_goal_is_on_track_at_ninety_percent_of_the_elapsed_share() {
        // A third of the way: 40 × 1/3 × 0.9 = 12 applications are enough.
        let third = Q1_START + 30 * DAY;
        let p = count_goal(12, third);
        assert_eq!(p.status, Status::OnTrack);
        assert!(close(p.expected_fraction, 1.0 / 3.0));
        assert!(close(p.fraction.unwrap(), 0.3));
        assert_eq!(count_goal(20, third).status, Status::OnTrack);
        // At the very start nothing is expected yet.
        assert_eq!(count_goal(0, Q1_START).status, Status::OnTrack);
    }

    #[test]
    fn a_count_goal_below_ninety_percent_of_the_elapsed_share_is_behind() {
        let third = Q1_START + 30 * DAY;
        assert_eq!(count_goal(11, third).status, Status::Behind);
        assert_eq!(count_goal(0, Q1_START + DAY).status, Status::Behind);
        assert_eq!(count_goal(35, Q1_END - 1).status, Status::Behind);
        assert_eq!(count_goal(36, Q1_END - 1).status, Status::OnTrack);
    }

    #[test]
    fn a_count_goal_not_reached_by_the_end_is_missed() {
        let p = count_goal(39, Q1_END);
        assert_eq!(p.status, Status::Missed);
        assert_eq!(p.expected_fraction, 1.0);
        assert!(close(p.fraction.unwrap(), 39.0 / 40.0));
        assert_eq!(count_goal(0, Q1_END + 100 * DAY).status, Status::Missed);
    }

    #[test]
    fn a_goal_without_data_says_so_once_started() {
        let p = progress(Metric::Shares, 10.0, Q1_START, Q1_END, Q1_START + DAY, Measured::NoData);
        assert_eq!(p.status, Status::NoData);
        assert_eq!(p.fraction, None);
        for now in [Q1_START, Q1_START + 45 * DAY, Q1_END, Q1_END + DAY] {
            let p = progress(Metric::PlanRealisation, 0.8, Q1_START, Q1_END, now, Measured::NoData);
            assert_eq!(p.status, Status::NoData);
            assert_eq!(p.fraction, None);
        }
        let p = progress(
            Metric::PlanRealisation,
            0.8,
            Q1_START,
            Q1_END,
            Q1_START - 1,
            Measured::NoData,
        );
        assert_eq!(p.status, Status::NotStarted);
    }

    #[test]
    fn a_rate_goal_before_its_period_has_not_started() {
        assert_eq!(rate_goal(0.9, Q1_START - 1).status, Status::NotStarted);
    }

    #[test]
    fn a_rate_goal_within_five_points_of_the_target_is_on_track() {
        let mid = Q1_START + 45 * DAY;
        let p = rate_goal(0.55, mid);
        assert_eq!(p.status, Status::OnTrack);
        assert!(close(p.fraction.unwrap(), 0.55 / 0.6));
        assert!(close(p.expected_fraction, 0.5));
        assert_eq!(rate_goal(0.6, mid).status, Status::OnTrack);
        assert_eq!(rate_goal(0.95, mid).status, Status::OnTrack);
        assert_eq!(rate_goal(0.95, mid).fraction, Some(1.0));
        // The boundary holds despite floating point: 0.65 − 0.05 admits 0.6.
        let p = progress(
            Metric::PlanRealisation,
            0.65,
            Q1_START,
            Q1_END,
            mid,
            Measured::Rate(0.6),
        );
        assert_eq!(p.status, Status::OnTrack);
    }

    #[test]
    fn a_rate_goal_more_than_five_points_below_the_target_is_behind() {
        let mid = Q1_START + 45 * DAY;
        assert_eq!(rate_goal(0.549, mid).status, Status::Behind);
        assert_eq!(rate_goal(0.0, Q1_START).status, Status::Behind);
        assert_eq!(rate_goal(0.3, Q1_END - 1).status, Status::Behind);
    }

    #[test]
    fn a_rate_goal_is_achieved_only_at_the_end_of_the_period() {
        assert_eq!(rate_goal(0.6, Q1_END).status, Status::Achieved);
        assert_eq!(rate_goal(0.8, Q1_END + DAY).status, Status::Achieved);
        assert_eq!(rate_goal(0.8, Q1_END - 1).status, Status::OnTrack);
        // 3 of 5 is exactly the 60% typed in.
        let target = parse_target(Metric::ParticipationRate, "60%").unwrap();
        let facts = Facts {
            enrolled: 5,
            sharing_ambassadors: 3,
            ..Facts::default()
        };
        let measured = measure(Metric::ParticipationRate, &facts);
        let p = progress(Metric::ParticipationRate, target, Q1_START, Q1_END, Q1_END, measured);
        assert_eq!(p.status, Status::Achieved);
    }

    #[test]
    fn a_rate_goal_below_the_target_at_the_end_is_missed() {
        assert_eq!(rate_goal(0.59, Q1_END).status, Status::Missed);
        assert_eq!(rate_goal(0.0, Q1_END + DAY).status, Status::Missed);
    }

    #[test]
    fn statuses_have_stable_names() {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            ["achieved", "on_track", "behind", "no_data", "not_started", "missed"]
        );
        assert_eq!(Status::OnTrack.to_string(), "on_track");
    }

    #[test]
    fn the_elapsed_share_of_the_period_is_clamped() {
        assert_eq!(count_goal(0, Q1_START - DAY).expected_fraction, 0.0);
        assert!(close(count_goal(0, Q1_START + 9 * DAY).expected_fraction, 0.1));
        assert_eq!(count_goal(0, Q1_END + DAY).expected_fraction, 1.0);
        assert_eq!(elapsed_fraction(Q1_START, Q1_START, Q1_START - 1), 0.0);
        assert_eq!(elapsed_fraction(Q1_START, Q1_START, Q1_START), 1.0);
    }
}
