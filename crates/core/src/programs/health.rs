//! The program health check (PRODUCT.md, C12): a checklist that warns before an ambassador
//! program fails, built on the four ways such programs fail (a poor employer reputation,
//! poor selection, no design, no benefit for the ambassadors) plus the patience a program
//! needs before results show.
//!
//! The caller gathers the [`Inputs`] from the store; [`checks`] turns them into a list of
//! [`Check`]s, each [`Level::Green`], [`Level::Amber`] or [`Level::Red`] with the catalog key
//! of a one-sentence reason, its arguments, and the kind of link that fixes it. [`overall`]
//! is the worst level of the list.
//!
//! # The checks, in order
//!
//! **Reputation** (`health-enps`, fix `enps`): the latest eNPS is red below
//! [`ENPS_RED_BELOW`] (0: fix the employer brand first), amber from 0 to
//! [`ENPS_GREEN_ABOVE`] (10) or without any survey results, green above 10.
//!
//! **Selection**, three checks on shares of the current ambassadors; with no ambassadors
//! all three are amber with the reason `health-no-ambassadors` (fix `candidates`):
//! - `health-reviewed` (fix `candidates`): members added directly rather than through an
//!   accepted application; amber above [`UNREVIEWED_AMBER_ABOVE`] (25%), red above
//!   [`UNREVIEWED_RED_ABOVE`] (50%);
//! - `health-active` (fix `members`): members with no share in 30 days; amber above
//!   [`INACTIVE_AMBER_ABOVE`] (30%), red above [`INACTIVE_RED_ABOVE`] (50%);
//! - `health-linkedin` (fix `profile`): members without a LinkedIn profile URL; amber above
//!   [`NO_LINKEDIN_AMBER_ABOVE`] (20%), red above [`NO_LINKEDIN_RED_ABOVE`] (50%).
//!
//! **Design**:
//! - `health-goal` (fix `goals`): red without a goal covering now;
//! - `health-coordinator` (fix `coordinator`): red without a coordinator;
//! - `health-training` (fix `training`): amber without a published or required course;
//! - `health-training-completion` (fix `training`), only when a course exists: amber below
//!   [`COMPLETION_AMBER_BELOW`] (70%), red below [`COMPLETION_RED_BELOW`] (40%);
//! - `health-review` (fix `reviews`): red without a published review or when the last is more than
//!   [`REVIEW_RED_FACTOR`] (1.5) cadences old, amber when more than one cadence old.
//!
//! **Benefit** (`health-benefit`): green (`health-benefit-ok`) when the program offers
//! active rewards and its points rules award points (the defaults count); amber with
//! `health-benefit-none` (fix `rewards`) without an active reward, and with
//! `health-benefit-no-points` (fix `points`) when every points rule is set to zero.
//!
//! **Consistency**:
//! - `health-plan` (fix `calendar`): plan realisation over the last 30 days (the publication
//!   calendar kept): amber without any planned post (`health-plan-none`), green while
//!   nothing is due yet, red below [`PLAN_RED_BELOW`] (50%), amber below
//!   [`PLAN_AMBER_BELOW`] (80%);
//! - `health-age` (fix `none`): results need 6-9 months, so a program younger than
//!   [`YOUNG_PROGRAM_DAYS`] (90) is amber, and an older one green, with a "keep going"
//!   reason up to [`MATURE_PROGRAM_DAYS`] (270).
//!
//! A green check's fix is `none`. Shares are given to the reasons as whole percentages.

use serde::Serialize;
use std::fmt;

/// The latest eNPS is red below this.
pub const ENPS_RED_BELOW: i32 = 0;
/// The latest eNPS is green above this, amber from [`ENPS_RED_BELOW`] up to it.
pub const ENPS_GREEN_ABOVE: i32 = 10;
/// The share of members added without an accepted application above which selection is amber.
pub const UNREVIEWED_AMBER_ABOVE: f64 = 0.25;
/// The share of members added without an accepted application above which selection is red.
pub const UNREVIEWED_RED_ABOVE: f64 = 0.5;
/// The share of members inactive for 30 days above which activity is amber.
pub const INACTIVE_AMBER_ABOVE: f64 = 0.3;
/// The share of members inactive for 30 days above which activity is red.
pub const INACTIVE_RED_ABOVE: f64 = 0.5;
/// The share of members without a LinkedIn profile above which profiles are amber.
pub const NO_LINKEDIN_AMBER_ABOVE: f64 = 0.2;
/// The share of members without a LinkedIn profile above which profiles are red.
pub const NO_LINKEDIN_RED_ABOVE: f64 = 0.5;
/// Training completion below this is amber.
pub const COMPLETION_AMBER_BELOW: f64 = 0.7;
/// Training completion below this is red.
pub const COMPLETION_RED_BELOW: f64 = 0.4;
/// The review cadence used when the program has none (or a nonsensical one).
pub const DEFAULT_CADENCE_DAYS: i64 = 30;
/// The last review is red when older than this many cadences (and amber when older than one).
pub const REVIEW_RED_FACTOR: f64 = 1.5;
/// A program younger than this many days is amber: results need 6-9 months.
pub const YOUNG_PROGRAM_DAYS: i64 = 90;
/// Plan realisation below this is red.
pub const PLAN_RED_BELOW: f64 = 0.5;
/// Plan realisation below this is amber.
pub const PLAN_AMBER_BELOW: f64 = 0.8;
/// A program older than this many days (about 9 months) has had the time results need.
pub const MATURE_PROGRAM_DAYS: i64 = 270;

/// Slack for floating-point comparisons, so that a share of exactly 0.3 is not above 0.3.
const EPSILON: f64 = 1e-9;

/// How a check stands, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Green,
    Amber,
    Red,
}

impl Level {
    /// The serialised name, e.g. `amber`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Green => "green",
            Level::Amber => "amber",
            Level::Red => "red",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the health check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The failure mode it belongs to: `reputation`, `selection`, `design`, `benefit` or
    /// `consistency`.
    pub area: &'static str,
    /// The catalog key of the check's title, e.g. `health-enps`.
    pub key: &'static str,
    pub level: Level,
    /// The catalog key of the one-sentence reason, e.g. `health-enps-negative`.
    pub reason: &'static str,
    /// The reason's arguments, e.g. `("score", "-12")`.
    pub args: Vec<(&'static str, String)>,
    /// The kind of link that fixes it: `enps`, `candidates`, `members`, `profile`, `goals`,
    /// `coordinator`, `training`, `reviews`, `rewards`, `points`, or `none`.
    pub fix: &'static str,
}

/// What the health check needs, gathered by the caller from the store.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inputs {
    /// The latest eNPS; `None` when no survey has results.
    pub latest_enps: Option<i32>,
    /// Current ambassadors.
    pub members: i64,
    /// Members added directly, not through an accepted application.
    pub accepted_without_review: i64,
    /// Members with no share in the last 30 days.
    pub inactive_30_days: i64,
    /// Members without a LinkedIn profile URL.
    pub without_linkedin: i64,
    /// Whether a goal with a target and a period covering now exists.
    pub has_goal: bool,
    pub has_coordinator: bool,
    /// Published courses.
    pub courses_available: i64,
    /// Whether a course is required of ambassadors.
    pub required_course: bool,
    /// The completion rate (0 to 1) of the required course, or of any course, among members;
    /// `None` when there is no course.
    pub training_completion: Option<f64>,
    /// Days since the last review, `None` when none was held.
    pub last_review_days_ago: Option<i64>,
    /// The review cadence in days; [`DEFAULT_CADENCE_DAYS`] when not positive.
    pub cadence_days: i64,
    /// Whether the program offers at least one active reward.
    pub rewards_exist: bool,
    /// Whether some points rule of the program awards points (the defaults count).
    pub points_in_effect: bool,
    /// The program's age in days.
    pub age_days: i64,
    /// Plan realisation of the last 30 days as (done, due); `None` when nothing was
    /// planned in that time.
    pub plan: Option<(i64, i64)>,
}

/// Runs every check, in the order of the module documentation.
pub fn checks(i: &Inputs) -> Vec<Check> {
    let mut list = vec![enps(i.latest_enps)];
    list.extend(selection(i));
    list.push(goal(i.has_goal));
    list.push(coordinator(i.has_coordinator));
    list.push(training(i.courses_available, i.required_course));
    if let Some(rate) = i.training_completion {
        list.push(completion(rate));
    }
    list.push(review(i.last_review_days_ago, i.cadence_days));
    list.push(benefit(i.rewards_exist, i.points_in_effect));
    list.push(plan(i.plan));
    list.push(age(i.age_days));
    list
}

/// The worst level among the checks; green when there are none.
pub fn overall(checks: &[Check]) -> Level {
    checks.iter().map(|c| c.level).max().unwrap_or(Level::Green)
}

fn check(
    area: &'static str,
    key: &'static str,
    level: Level,
    reason: &'static str,
    args: Vec<(&'static str, String)>,
    fix: &'static str,
) -> Check {
    let fix = if level == Level::Green { "none" } else { fix };
    Check {
        area,
        key,
        level,
        reason,
        args,
        fix,
    }
}

/// The level of a value against "amber above" and "red above" thresholds.
fn above(value: f64, amber: f64, red: f64) -> Level {
    if value > red + EPSILON {
        Level::Red
    } else if value > amber + EPSILON {
        Level::Amber
    } else {
        Level::Green
    }
}

/// A share as a whole percentage, e.g. `"33"`.
fn percent(share: f64) -> String {
    format!("{}", (share * 100.0).round() as i64)
}

fn enps(latest: Option<i32>) -> Check {
    let (level, reason) = match latest {
        None => (Level::Amber, "health-enps-none"),
        Some(s) if s < ENPS_RED_BELOW => (Level::Red, "health-enps-negative"),
        Some(s) if s <= ENPS_GREEN_ABOVE => (Level::Amber, "health-enps-low"),
        Some(_) => (Level::Green, "health-enps-good"),
    };
    let args = latest.map(|s| vec![("score", s.to_string())]).unwrap_or_default();
    check("reputation", "health-enps", level, reason, args, "enps")
}

fn selection(i: &Inputs) -> Vec<Check> {
    let rules: [(&str, i64, f64, f64, &str, &str, &str); 3] = [
        (
            "health-reviewed",
            i.accepted_without_review,
            UNREVIEWED_AMBER_ABOVE,
            UNREVIEWED_RED_ABOVE,
            "health-reviewed-ok",
            "health-reviewed-few",
            "candidates",
        ),
        (
            "health-active",
            i.inactive_30_days,
            INACTIVE_AMBER_ABOVE,
            INACTIVE_RED_ABOVE,
            "health-active-ok",
            "health-active-few",
            "members",
        ),
        (
            "health-linkedin",
            i.without_linkedin,
            NO_LINKEDIN_AMBER_ABOVE,
            NO_LINKEDIN_RED_ABOVE,
            "health-linkedin-ok",
            "health-linkedin-missing",
            "profile",
        ),
    ];
    rules
        .into_iter()
        .map(|(key, count, amber, red, ok, bad, fix)| {
            if i.members <= 0 {
                return check(
                    "selection",
                    key,
                    Level::Amber,
                    "health-no-ambassadors",
                    vec![],
                    "candidates",
                );
            }
            let count = count.clamp(0, i.members);
            let share = count as f64 / i.members as f64;
            let level = above(share, amber, red);
            let reason = if level == Level::Green { ok } else { bad };
            let args = vec![
                ("count", count.to_string()),
                ("members", i.members.to_string()),
                ("percent", percent(share)),
            ];
            check("selection", key, level, reason, args, fix)
        })
        .collect()
}

fn goal(has_goal: bool) -> Check {
    let (level, reason) = if has_goal {
        (Level::Green, "health-goal-set")
    } else {
        (Level::Red, "health-goal-none")
    };
    check("design", "health-goal", level, reason, vec![], "goals")
}

fn coordinator(has_coordinator: bool) -> Check {
    let (level, reason) = if has_coordinator {
        (Level::Green, "health-coordinator-set")
    } else {
        (Level::Red, "health-coordinator-none")
    };
    check("design", "health-coordinator", level, reason, vec![], "coordinator")
}

fn training(courses: i64, required: bool) -> Check {
    let (level, reason) = if required {
        (Level::Green, "health-training-required")
    } else if courses > 0 {
        (Level::Green, "health-training-available")
    } else {
        (Level::Amber, "health-training-none")
    };
    let args = vec![("courses", courses.max(0).to_string())];
    check("design", "health-training", level, reason, args, "training")
}

fn completion(rate: f64) -> Check {
    // Not a number counts as nothing completed.
    let rate = if rate.is_nan() { 0.0 } else { rate.clamp(0.0, 1.0) };
    let (level, reason) = if rate < COMPLETION_RED_BELOW - EPSILON {
        (Level::Red, "health-completion-low")
    } else if rate < COMPLETION_AMBER_BELOW - EPSILON {
        (Level::Amber, "health-completion-low")
    } else {
        (Level::Green, "health-completion-ok")
    };
    let args = vec![("percent", percent(rate))];
    check("design", "health-training-completion", level, reason, args, "training")
}

fn review(last_days_ago: Option<i64>, cadence_days: i64) -> Check {
    let cadence = if cadence_days > 0 {
        cadence_days
    } else {
        DEFAULT_CADENCE_DAYS
    };
    let (level, reason) = match last_days_ago {
        None => (Level::Red, "health-review-none"),
        Some(days) if days as f64 > cadence as f64 * REVIEW_RED_FACTOR => (Level::Red, "health-review-overdue"),
        Some(days) if days > cadence => (Level::Amber, "health-review-late"),
        Some(_) => (Level::Green, "health-review-recent"),
    };
    let mut args = vec![("cadence", cadence.to_string())];
    if let Some(days) = last_days_ago {
        args.push(("days", days.max(0).to_string()));
    }
    check("design", "health-review", level, reason, args, "reviews")
}

fn benefit(rewards_exist: bool, points_in_effect: bool) -> Check {
    let (level, reason, fix) = match (rewards_exist, points_in_effect) {
        (false, _) => (Level::Amber, "health-benefit-none", "rewards"),
        (true, false) => (Level::Amber, "health-benefit-no-points", "points"),
        (true, true) => (Level::Green, "health-benefit-ok", "none"),
    };
    check("benefit", "health-benefit", level, reason, vec![], fix)
}

fn plan(plan: Option<(i64, i64)>) -> Check {
    let (level, reason, args) = match plan {
        None => (Level::Amber, "health-plan-none", vec![]),
        Some((_, 0)) => (Level::Green, "health-plan-started", vec![]),
        Some((done, due)) => {
            let rate = done as f64 / due as f64;
            let level = if rate < PLAN_RED_BELOW {
                Level::Red
            } else if rate < PLAN_AMBER_BELOW {
                Level::Amber
            } else {
                Level::Green
            };
            let reason = if level == Level::Green {
                "health-plan-kept"
            } else {
                "health-plan-slipping"
            };
            (level, reason, vec![("percent", percent(rate))])
        }
    };
    check("consistency", "health-plan", level, reason, args, "calendar")
}

fn age(days: i64) -> Check {
    let days = days.max(0);
    let (level, reason) = if days < YOUNG_PROGRAM_DAYS {
        (Level::Amber, "health-age-young")
    } else if days <= MATURE_PROGRAM_DAYS {
        (Level::Green, "health-age-keep-going")
    } else {
        (Level::Green, "health-age-mature")
    };
    check(
        "consistency",
        "health-age",
        level,
        reason,
        vec![("days", days.to_string())],
        "none",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A healthy program: every check green.
    fn healthy() -> Inputs {
        Inputs {
            latest_enps: Some(35),
            members: 20,
            accepted_without_review: 2,
            inactive_30_days: 4,
            without_linkedin: 1,
            has_goal: true,
            has_coordinator: true,
            courses_available: 2,
            required_course: true,
            training_completion: Some(0.85),
            last_review_days_ago: Some(10),
            cadence_days: 30,
            rewards_exist: true,
            points_in_effect: true,
            age_days: 400,
            plan: Some((9, 10)),
        }
    }

    fn find(i: &Inputs, key: &str) -> Check {
        checks(i)
            .into_iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no {key}"))
    }

    fn state(i: &Inputs, key: &str) -> (Level, &'static str) {
        let c = find(i, key);
        (c.level, c.reason)
    }

    fn arg(c: &Check, name: &str) -> String {
        c.args.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    #[test]
    fn a_healthy_program_is_green_everywhere_with_nothing_to_fix() {
        let list = checks(&healthy());
        assert!(
            list.iter().all(|c| c.level == Level::Green && c.fix == "none"),
            "{list:?}"
        );
        assert_eq!(overall(&list), Level::Green);
        let keys: Vec<&str> = list.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "health-enps",
                "health-reviewed",
                "health-active",
                "health-linkedin",
                "health-goal",
                "health-coordinator",
                "health-training",
                "health-training-completion",
                "health-review",
                "health-benefit",
                "health-plan",
                "health-age",
            ]
        );
        let areas: Vec<&str> = list.iter().map(|c| c.area).collect();
        assert_eq!(
            areas,
            [
                "reputation",
                "selection",
                "selection",
                "selection",
                "design",
                "design",
                "design",
                "design",
                "design",
                "benefit",
                "consistency",
                "consistency",
            ]
        );
    }

    #[test]
    fn plan_realisation_is_amber_without_a_plan_and_by_threshold_with_one() {
        let mut i = healthy();
        i.plan = None;
        assert_eq!(state(&i, "health-plan"), (Level::Amber, "health-plan-none"));
        assert_eq!(find(&i, "health-plan").fix, "calendar");
        i.plan = Some((0, 0));
        assert_eq!(state(&i, "health-plan"), (Level::Green, "health-plan-started"));
        i.plan = Some((4, 10));
        assert_eq!(state(&i, "health-plan"), (Level::Red, "health-plan-slipping"));
        assert_eq!(arg(&find(&i, "health-plan"), "percent"), "40");
        i.plan = Some((5, 10));
        assert_eq!(state(&i, "health-plan"), (Level::Amber, "health-plan-slipping"));
        i.plan = Some((8, 10));
        assert_eq!(state(&i, "health-plan"), (Level::Green, "health-plan-kept"));
    }

    #[test]
    fn overall_is_the_worst_level_and_green_for_no_checks() {
        let mut i = healthy();
        i.rewards_exist = false;
        assert_eq!(overall(&checks(&i)), Level::Amber);
        i.has_goal = false;
        assert_eq!(overall(&checks(&i)), Level::Red);
        assert_eq!(overall(&[]), Level::Green);
        assert_eq!(Level::Amber.as_str(), "amber");
        assert_eq!(Level::Red.to_string(), "red");
    }

    #[test]
    fn enps_is_red_below_zero_amber_up_to_ten_or_without_a_survey_and_green_above() {
        let with = |score: Option<i32>| Inputs {
            latest_enps: score,
            ..healthy()
        };
        assert_eq!(
            state(&with(Some(-12)), "health-enps"),
            (Level::Red, "health-enps-negative")
        );
        assert_eq!(
            state(&with(Some(-1)), "health-enps"),
            (Level::Red, "health-enps-negative")
        );
        assert_eq!(state(&with(Some(0)), "health-enps"), (Level::Amber, "health-enps-low"));
        assert_eq!(state(&with(Some(10)), "health-enps"), (Level::Amber, "health-enps-low"));
        assert_eq!(
            state(&with(Some(11)), "health-enps"),
            (Level::Green, "health-enps-good")
        );
        assert_eq!(state(&with(None), "health-enps"), (Level::Amber, "health-enps-none"));
        let red = find(&with(Some(-12)), "health-enps");
        assert_eq!(red.args, [("score", "-12".to_string())]);
        assert_eq!(red.fix, "enps");
        assert!(find(&with(None), "health-enps").args.is_empty());
    }

    #[test]
    fn members_added_without_review_turn_amber_above_a_quarter_and_red_above_half() {
        let with = |n: i64| Inputs {
            accepted_without_review: n,
            ..healthy()
        };
        assert_eq!(state(&with(5), "health-reviewed"), (Level::Green, "health-reviewed-ok"));
        assert_eq!(
            state(&with(6), "health-reviewed"),
            (Level::Amber, "health-reviewed-few")
        );
        assert_eq!(
            state(&with(10), "health-reviewed"),
            (Level::Amber, "health-reviewed-few")
        );
        assert_eq!(state(&with(11), "health-reviewed"), (Level::Red, "health-reviewed-few"));
        let red = find(&with(11), "health-reviewed");
        assert_eq!(red.fix, "candidates");
        assert_eq!(arg(&red, "count"), "11");
        assert_eq!(arg(&red, "members"), "20");
        assert_eq!(arg(&red, "percent"), "55");
    }

    #[test]
    fn inactive_members_turn_amber_above_thirty_percent_and_red_above_half() {
        let with = |n: i64| Inputs {
            inactive_30_days: n,
            ..healthy()
        };
        assert_eq!(state(&with(6), "health-active"), (Level::Green, "health-active-ok"));
        assert_eq!(state(&with(7), "health-active"), (Level::Amber, "health-active-few"));
        assert_eq!(state(&with(10), "health-active"), (Level::Amber, "health-active-few"));
        assert_eq!(state(&with(11), "health-active"), (Level::Red, "health-active-few"));
        assert_eq!(find(&with(11), "health-active").fix, "members");
    }

    #[test]
    fn members_without_linkedin_turn_amber_above_a_fifth_and_red_above_half() {
        let with = |n: i64| Inputs {
            without_linkedin: n,
            ..healthy()
        };
        assert_eq!(state(&with(0), "health-linkedin"), (Level::Green, "health-linkedin-ok"));
        assert_eq!(state(&with(4), "health-linkedin"), (Level::Green, "health-linkedin-ok"));
        assert_eq!(
            state(&with(5), "health-linkedin"),
            (Level::Amber, "health-linkedin-missing")
        );
        assert_eq!(
            state(&with(10), "health-linkedin"),
            (Level::Amber, "health-linkedin-missing")
        );
        assert_eq!(
            state(&with(11), "health-linkedin"),
            (Level::Red, "health-linkedin-missing")
        );
        assert_eq!(find(&with(11), "health-linkedin").fix, "profile");
    }

    #[test]
    fn selection_counts_beyond_the_members_are_clamped() {
        let i = Inputs {
            inactive_30_days: 50,
            accepted_without_review: -3,
            ..healthy()
        };
        let active = find(&i, "health-active");
        assert_eq!(active.level, Level::Red);
        assert_eq!(arg(&active, "count"), "20");
        assert_eq!(arg(&active, "percent"), "100");
        assert_eq!(arg(&find(&i, "health-reviewed"), "count"), "0");
    }

    #[test]
    fn without_ambassadors_every_selection_check_is_amber_pointing_to_candidates() {
        let i = Inputs {
            members: 0,
            ..healthy()
        };
        for key in ["health-reviewed", "health-active", "health-linkedin"] {
            let c = find(&i, key);
            assert_eq!(
                (c.level, c.reason, c.fix),
                (Level::Amber, "health-no-ambassadors", "candidates")
            );
            assert!(c.args.is_empty());
        }
    }

    #[test]
    fn a_missing_goal_or_coordinator_is_red() {
        assert_eq!(state(&healthy(), "health-goal"), (Level::Green, "health-goal-set"));
        let i = Inputs {
            has_goal: false,
            has_coordinator: false,
            ..healthy()
        };
        assert_eq!(state(&i, "health-goal"), (Level::Red, "health-goal-none"));
        assert_eq!(find(&i, "health-goal").fix, "goals");
        assert_eq!(
            state(&healthy(), "health-coordinator"),
            (Level::Green, "health-coordinator-set")
        );
        assert_eq!(state(&i, "health-coordinator"), (Level::Red, "health-coordinator-none"));
        assert_eq!(find(&i, "health-coordinator").fix, "coordinator");
    }

    #[test]
    fn training_is_amber_without_a_course_and_green_with_one_available_or_required() {
        assert_eq!(
            state(&healthy(), "health-training"),
            (Level::Green, "health-training-required")
        );
        let optional = Inputs {
            required_course: false,
            ..healthy()
        };
        assert_eq!(
            state(&optional, "health-training"),
            (Level::Green, "health-training-available")
        );
        let none = Inputs {
            courses_available: 0,
            required_course: false,
            training_completion: None,
            ..healthy()
        };
        assert_eq!(state(&none, "health-training"), (Level::Amber, "health-training-none"));
        assert_eq!(find(&none, "health-training").fix, "training");
    }

    #[test]
    fn training_completion_is_amber_below_seventy_percent_red_below_forty_and_absent_without_a_course() {
        let with = |rate: f64| Inputs {
            training_completion: Some(rate),
            ..healthy()
        };
        assert_eq!(
            state(&with(0.7), "health-training-completion"),
            (Level::Green, "health-completion-ok")
        );
        assert_eq!(
            state(&with(0.69), "health-training-completion"),
            (Level::Amber, "health-completion-low")
        );
        assert_eq!(
            state(&with(0.4), "health-training-completion"),
            (Level::Amber, "health-completion-low")
        );
        assert_eq!(
            state(&with(0.39), "health-training-completion"),
            (Level::Red, "health-completion-low")
        );
        assert_eq!(state(&with(f64::NAN), "health-training-completion").0, Level::Red);
        let red = find(&with(0.25), "health-training-completion");
        assert_eq!((red.fix, arg(&red, "percent")), ("training", "25".to_string()));
        let none = Inputs {
            training_completion: None,
            ..healthy()
        };
        assert!(checks(&none).iter().all(|c| c.key != "health-training-completion"));
    }

    #[test]
    fn a_review_is_green_within_the_cadence_amber_after_it_and_red_after_one_and_a_half() {
        let with = |days: Option<i64>| Inputs {
            last_review_days_ago: days,
            ..healthy()
        };
        assert_eq!(
            state(&with(Some(30)), "health-review"),
            (Level::Green, "health-review-recent")
        );
        assert_eq!(
            state(&with(Some(31)), "health-review"),
            (Level::Amber, "health-review-late")
        );
        assert_eq!(
            state(&with(Some(45)), "health-review"),
            (Level::Amber, "health-review-late")
        );
        assert_eq!(
            state(&with(Some(46)), "health-review"),
            (Level::Red, "health-review-overdue")
        );
        assert_eq!(state(&with(None), "health-review"), (Level::Red, "health-review-none"));
        let late = find(&with(Some(46)), "health-review");
        assert_eq!(
            (arg(&late, "days"), arg(&late, "cadence")),
            ("46".to_string(), "30".to_string())
        );
    }

    #[test]
    fn a_missing_cadence_falls_back_to_thirty_days() {
        let i = Inputs {
            cadence_days: 0,
            last_review_days_ago: Some(40),
            ..healthy()
        };
        let c = find(&i, "health-review");
        assert_eq!((c.level, arg(&c, "cadence")), (Level::Amber, "30".to_string()));
    }

    #[test]
    fn benefit_is_green_with_active_rewards_and_points_and_amber_without_either() {
        assert_eq!(state(&healthy(), "health-benefit"), (Level::Green, "health-benefit-ok"));
        assert_eq!(find(&healthy(), "health-benefit").fix, "none");
        let no_rewards = Inputs {
            rewards_exist: false,
            ..healthy()
        };
        let c = find(&no_rewards, "health-benefit");
        assert_eq!(
            (c.level, c.reason, c.fix),
            (Level::Amber, "health-benefit-none", "rewards")
        );
        let no_points = Inputs {
            points_in_effect: false,
            ..healthy()
        };
        let c = find(&no_points, "health-benefit");
        assert_eq!(
            (c.level, c.reason, c.fix),
            (Level::Amber, "health-benefit-no-points", "points")
        );
        let neither = Inputs {
            rewards_exist: false,
            points_in_effect: false,
            ..healthy()
        };
        assert_eq!(state(&neither, "health-benefit"), (Level::Amber, "health-benefit-none"));
    }

    #[test]
    fn a_program_is_amber_for_its_first_ninety_days_then_green() {
        let with = |days: i64| Inputs {
            age_days: days,
            ..healthy()
        };
        assert_eq!(state(&with(0), "health-age"), (Level::Amber, "health-age-young"));
        assert_eq!(state(&with(89), "health-age"), (Level::Amber, "health-age-young"));
        assert_eq!(state(&with(90), "health-age"), (Level::Green, "health-age-keep-going"));
        assert_eq!(state(&with(270), "health-age"), (Level::Green, "health-age-keep-going"));
        assert_eq!(state(&with(271), "health-age"), (Level::Green, "health-age-mature"));
        let young = find(&with(42), "health-age");
        assert_eq!((young.fix, arg(&young, "days")), ("none", "42".to_string()));
    }
}
