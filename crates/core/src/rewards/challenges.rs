//! Challenges (C10): a coordinator's time-boxed goal with bonus points, and who gets the
//! bonus once its window ends.
//!
//! Three modes: **threshold** (everyone who reaches the target in the window), a
//! **collective** goal (when the participants' total reaches the target, everyone who
//! contributed at least once), and a **raffle** among those who reached the target,
//! drawn by the server with a recorded seed so that anyone can check the draw:
//!
//! 1. the seed is the hex of 16 random bytes, chosen at settlement and shown afterwards;
//! 2. each candidate's ticket is SHA-256 of the seed's text followed by the candidate's
//!    user id in decimal (`printf '%s%s' SEED ID | sha256sum`), in lower-case hex;
//! 3. candidates are ordered by ticket, ascending (by user id on the impossible tie), and
//!    the first `winners` win.

use crate::Millis;
use crate::rewards::awarding::{CLICKS_AWARDED_BY, click_day_end};
use crate::rewards::leaderboards::Metric;
use crate::rewards::points::MAX_RULE_POINTS;
use sha2::{Digest, Sha256};

/// The longest window a challenge may have.
pub const MAX_WINDOW: Millis = 366 * crate::DAY;
/// The highest target a challenge may set.
pub const MAX_TARGET: i64 = 1_000_000;
/// The most winners a raffle may draw.
pub const MAX_WINNERS: i64 = 1_000;
/// How far in the past a challenge may start (a form filled in slowly): no more, so
/// nobody sets a goal already reached and collects its bonus.
pub const START_GRACE: Millis = crate::HOUR;

/// How the bonus is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Threshold,
    Collective,
    Raffle,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Threshold, Mode::Collective, Mode::Raffle];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Threshold => "threshold",
            Mode::Collective => "collective",
            Mode::Raffle => "raffle",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// The ledger source of a challenge's bonus: `challenge:{id}`.
pub fn source(challenge_id: i64) -> String {
    format!("challenge:{challenge_id}")
}

/// Where a challenge stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Upcoming,
    Running,
    /// Ended, the bonus not given yet.
    Ended,
    Settled,
}

/// The phase of a window `[starts_at, ends_at)` at `now`.
pub fn phase(starts_at: Millis, ends_at: Millis, settled: bool, now: Millis) -> Phase {
    if settled {
        Phase::Settled
    } else if now < starts_at {
        Phase::Upcoming
    } else if now < ends_at {
        Phase::Running
    } else {
        Phase::Ended
    }
}

/// A challenge as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub title: String,
    pub description: String,
    pub metric: String,
    pub content_id: Option<i64>,
    pub team_id: Option<i64>,
    pub target: String,
    pub mode: String,
    pub bonus: String,
    pub winners: String,
    pub starts_at: Option<Millis>,
    pub ends_at: Option<Millis>,
}

/// A checked challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub title: String,
    pub description: String,
    pub metric: Metric,
    /// Only for shares and clicks: those of one content item.
    pub content_id: Option<i64>,
    pub team_id: Option<i64>,
    pub target: i64,
    pub mode: Mode,
    pub bonus: i64,
    /// How many a raffle draws (1 for the other modes).
    pub winners: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
}

/// What is wrong with a draft: (field, catalog key).
pub type Problems = Vec<(&'static str, &'static str)>;

fn whole(s: &str, min: i64, max: i64) -> Option<i64> {
    s.trim()
        .replace([' ', '\u{a0}'], "")
        .parse::<i64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
}

/// Checks a draft: a title (at most 120 characters), a description (at most 2,000), a
/// metric and mode, a content item only for shares or clicks, a whole target, bonus and
/// number of winners in range, and a window that starts now or later (give or take
/// [`START_GRACE`]), ends after it starts and lasts at most [`MAX_WINDOW`].
pub fn check(d: &Draft, now: Millis) -> Result<Spec, Problems> {
    let mut p: Problems = Vec::new();
    let title = d.title.trim().to_string();
    if title.is_empty() {
        p.push(("title", "error-required"));
    } else if title.chars().count() > 120 {
        p.push(("title", "error-too-long"));
    } else if let Err(e) = crate::text::check_line(&title) {
        p.push(("title", e.key()));
    }
    let description = d.description.trim().to_string();
    if description.chars().count() > 2000 {
        p.push(("description", "error-too-long"));
    } else if let Err(e) = crate::text::check_lines(&description) {
        p.push(("description", e.key()));
    }
    let metric = Metric::parse(&d.metric);
    match metric {
        None => p.push(("metric", "challenge-error-metric")),
        Some(Metric::Points) if d.content_id.is_some() => p.push(("content_id", "challenge-error-content-points")),
        Some(_) => {}
    }
    let mode = Mode::parse(&d.mode);
    if mode.is_none() {
        p.push(("mode", "challenge-error-mode"));
    }
    let target = whole(&d.target, 1, MAX_TARGET);
    if target.is_none() {
        p.push(("target", "challenge-error-target"));
    }
    let bonus = whole(&d.bonus, 1, MAX_RULE_POINTS);
    if bonus.is_none() {
        p.push(("bonus", "challenge-error-bonus"));
    }
    let winners = if mode == Some(Mode::Raffle) {
        let w = whole(&d.winners, 1, MAX_WINNERS);
        if w.is_none() {
            p.push(("winners", "challenge-error-winners"));
        }
        w
    } else {
        Some(1)
    };
    check_window(d, now, &mut p);
    match (metric, mode, target, bonus, winners, d.starts_at, d.ends_at) {
        (Some(metric), Some(mode), Some(target), Some(bonus), Some(winners), Some(starts_at), Some(ends_at))
            if p.is_empty() =>
        {
            Ok(Spec {
                title,
                description,
                metric,
                content_id: d.content_id,
                team_id: d.team_id,
                target,
                mode,
                bonus,
                winners,
                starts_at,
                ends_at,
            })
        }
        _ => Err(p),
    }
}

fn check_window(d: &Draft, now: Millis, p: &mut Problems) {
    match (d.starts_at, d.ends_at) {
        (Some(start), Some(end)) => {
            if end <= start {
                p.push(("ends_at", "challenge-error-end-before-start"));
            } else if end - start > MAX_WINDOW {
                p.push(("ends_at", "challenge-error-window-too-long"));
            } else if end <= now {
                p.push(("ends_at", "challenge-error-in-the-past"));
            }
            if start < now - START_GRACE {
                p.push(("starts_at", "challenge-error-starts-in-the-past"));
            }
        }
        (start, end) => {
            if start.is_none() {
                p.push(("starts_at", "error-datetime"));
            }
            if end.is_none() {
                p.push(("ends_at", "error-datetime"));
            }
        }
    }
}

/// When a challenge ended at `ends_at` may be settled. Shares are final when the window
/// ends; points and clicks once the clicks of the window's last UTC day are final and
/// awarded ([`CLICKS_AWARDED_BY`] after that day ends), since click points are dated at
/// the end of their day.
pub fn settles_at(metric: Metric, ends_at: Millis) -> Millis {
    match metric {
        Metric::Shares => ends_at,
        Metric::Points | Metric::Clicks => {
            click_day_end(crate::tracking::day_number(ends_at - 1)) + 1 + CLICKS_AWARDED_BY
        }
    }
}

/// Who may get a challenge's bonus: not the person who set it.
pub fn eligible(values: &[(i64, i64)], creator: Option<i64>) -> Vec<(i64, i64)> {
    values.iter().copied().filter(|(u, _)| Some(*u) != creator).collect()
}

/// The participants' total (the collective goal's progress).
pub fn total(values: &[(i64, i64)]) -> i64 {
    values.iter().map(|(_, v)| *v).sum()
}

/// Who reached the target, by user id.
pub fn reached(values: &[(i64, i64)], target: i64) -> Vec<i64> {
    let mut out: Vec<i64> = values.iter().filter(|(_, v)| *v >= target).map(|(u, _)| *u).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A raffle ticket: SHA-256 of the seed's text followed by the user id in decimal, as
/// lower-case hex.
pub fn ticket(seed: &str, user_id: i64) -> String {
    Sha256::digest(format!("{seed}{user_id}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The raffle's winners: the candidates ordered by ticket (then user id), the first
/// `winners` of them. Anyone with the seed and the candidates gets the same answer.
pub fn draw(seed: &str, candidates: &[i64], winners: i64) -> Vec<i64> {
    let mut sorted: Vec<i64> = candidates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut tickets: Vec<(String, i64)> = sorted.into_iter().map(|u| (ticket(seed, u), u)).collect();
    tickets.sort();
    tickets
        .into_iter()
        .take(usize::try_from(winners.max(0)).unwrap_or(0))
        .map(|(_, u)| u)
        .collect()
}

/// The outcome of a challenge: who gets the bonus and, for a raffle, who could have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// By user id.
    pub recipients: Vec<i64>,
    /// The raffle's candidates by user id (empty for the other modes).
    pub candidates: Vec<i64>,
}

/// Who gets the bonus, from the participants' values in the window. `seed` is the
/// raffle's (unused otherwise).
pub fn settle(mode: Mode, target: i64, winners: i64, values: &[(i64, i64)], seed: &str) -> Outcome {
    match mode {
        Mode::Threshold => Outcome {
            recipients: reached(values, target),
            candidates: Vec::new(),
        },
        Mode::Collective => {
            let recipients = if total(values) >= target {
                reached(values, 1)
            } else {
                Vec::new()
            };
            Outcome {
                recipients,
                candidates: Vec::new(),
            }
        }
        Mode::Raffle => {
            let candidates = reached(values, target);
            let mut recipients = draw(seed, &candidates, winners);
            recipients.sort_unstable();
            Outcome { recipients, candidates }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "00112233445566778899aabbccddeeff";

    fn draft() -> Draft {
        Draft {
            title: "Job fair".into(),
            description: String::new(),
            metric: "shares".into(),
            content_id: Some(4),
            team_id: None,
            target: "5".into(),
            mode: "raffle".into(),
            bonus: "50".into(),
            winners: "2".into(),
            starts_at: Some(1_000),
            ends_at: Some(10_000),
        }
    }

    #[test]
    fn a_good_draft_becomes_a_challenge_and_a_bad_one_says_what_is_wrong_per_field() {
        let spec = check(&draft(), 500).unwrap();
        assert_eq!(
            (spec.metric, spec.mode, spec.target, spec.bonus, spec.winners),
            (Metric::Shares, Mode::Raffle, 5, 50, 2)
        );
        let threshold = check(
            &Draft {
                mode: "threshold".into(),
                winners: "x".into(),
                ..draft()
            },
            500,
        )
        .unwrap();
        assert_eq!(threshold.winners, 1, "only a raffle reads its number of winners");
        let bad = Draft {
            title: " ".into(),
            metric: "points".into(),
            target: "0".into(),
            mode: "lottery".into(),
            bonus: "100000".into(),
            starts_at: Some(5_000),
            ends_at: Some(4_000),
            ..draft()
        };
        let fields: Vec<&str> = check(&bad, 500).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec!["title", "content_id", "mode", "target", "bonus", "ends_at"]
        );
        let past = check(&draft(), 20_000).unwrap_err();
        assert_eq!(past, vec![("ends_at", "challenge-error-in-the-past")]);
        let long = Draft {
            ends_at: Some(1_000 + MAX_WINDOW + 1),
            ..draft()
        };
        assert_eq!(
            check(&long, 0).unwrap_err(),
            vec![("ends_at", "challenge-error-window-too-long")]
        );
        let no_dates = Draft {
            starts_at: None,
            ends_at: None,
            ..draft()
        };
        assert_eq!(check(&no_dates, 0).unwrap_err().len(), 2);
        let raffle_without_winners = Draft {
            winners: "0".into(),
            ..draft()
        };
        assert_eq!(
            check(&raffle_without_winners, 0).unwrap_err(),
            vec![("winners", "challenge-error-winners")]
        );
    }

    #[test]
    fn a_challenge_starts_now_or_later_give_or_take_the_grace() {
        let start = 10 * crate::DAY;
        let d = Draft {
            starts_at: Some(start),
            ends_at: Some(start + crate::DAY),
            ..draft()
        };
        assert!(check(&d, start + START_GRACE).is_ok(), "a slow form is fine");
        assert_eq!(
            check(&d, start + START_GRACE + 1).unwrap_err(),
            vec![("starts_at", "challenge-error-starts-in-the-past")]
        );
        assert!(check(&d, start - crate::DAY).is_ok(), "later is fine");
    }

    #[test]
    fn challenges_counting_clicks_or_points_settle_once_the_last_days_clicks_are_awarded() {
        let day = 20_000 * crate::DAY;
        let friday_five_pm = day + 17 * crate::HOUR;
        assert_eq!(settles_at(Metric::Shares, friday_five_pm), friday_five_pm);
        let after_midnight = day + crate::DAY + CLICKS_AWARDED_BY;
        assert_eq!(settles_at(Metric::Points, friday_five_pm), after_midnight);
        assert_eq!(settles_at(Metric::Clicks, friday_five_pm), after_midnight);
        // A window ending at midnight waits for the day before it, not the next.
        assert_eq!(settles_at(Metric::Points, day + crate::DAY), after_midnight);
    }

    #[test]
    fn the_challenges_creator_gets_no_bonus() {
        let values = [(1, 9), (2, 9)];
        assert_eq!(eligible(&values, Some(1)), vec![(2, 9)]);
        assert_eq!(eligible(&values, None), values.to_vec());
    }

    #[test]
    fn threshold_pays_everyone_who_reached_the_target() {
        let values = [(3, 5), (1, 7), (2, 4), (4, 0)];
        assert_eq!(settle(Mode::Threshold, 5, 1, &values, "").recipients, vec![1, 3]);
        assert!(settle(Mode::Threshold, 50, 1, &values, "").recipients.is_empty());
    }

    #[test]
    fn a_collective_goal_pays_every_contributor_once_the_group_reaches_it() {
        let values = [(1, 6), (2, 3), (3, 0), (4, 1)];
        assert_eq!(total(&values), 10);
        assert_eq!(settle(Mode::Collective, 10, 1, &values, "").recipients, vec![1, 2, 4]);
        assert!(settle(Mode::Collective, 11, 1, &values, "").recipients.is_empty());
    }

    #[test]
    fn the_raffle_draws_among_those_who_reached_the_threshold() {
        let values = [(1, 5), (2, 9), (3, 1), (4, 5), (5, 6)];
        let o = settle(Mode::Raffle, 5, 2, &values, SEED);
        assert_eq!(o.candidates, vec![1, 2, 4, 5]);
        assert_eq!(o.recipients.len(), 2);
        assert!(o.recipients.iter().all(|w| o.candidates.contains(w)));
        // Fewer candidates than winners: all of them win.
        assert_eq!(settle(Mode::Raffle, 9, 3, &values, SEED).recipients, vec![2]);
        assert!(settle(Mode::Raffle, 10, 3, &values, SEED).recipients.is_empty());
    }

    #[test]
    fn the_same_seed_and_candidates_give_the_same_winners_whatever_their_order() {
        let a = draw(SEED, &[7, 3, 11, 5, 2], 2);
        let b = draw(SEED, &[2, 3, 5, 7, 11, 11], 2);
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        // The order is the tickets' order, which anyone can recompute.
        let mut tickets: Vec<(String, i64)> = [2, 3, 5, 7, 11].iter().map(|u| (ticket(SEED, *u), *u)).collect();
        tickets.sort();
        assert_eq!(a, vec![tickets[0].1, tickets[1].1]);
        // A ticket is the SHA-256 of the seed's text and the id (`printf '%s%s'`).
        // (checked with coreutils: `printf '%s%s' 00112233445566778899aabbccddeeff 42 | sha256sum`)
        assert_eq!(
            ticket(SEED, 42),
            "a8a0baf39843f608fc51a6a844c2cf2edf70fe1bd06d139a55c0936acb060eab"
        );
        assert_ne!(
            draw("another seed", &[2, 3, 5, 7, 11], 5),
            draw(SEED, &[2, 3, 5, 7, 11], 5)
        );
    }

    #[test]
    fn phases_follow_the_window() {
        assert_eq!(phase(10, 20, false, 5), Phase::Upcoming);
        assert_eq!(phase(10, 20, false, 10), Phase::Running);
        assert_eq!(phase(10, 20, false, 20), Phase::Ended);
        assert_eq!(phase(10, 20, true, 20), Phase::Settled);
        assert_eq!(Mode::parse("collective"), Some(Mode::Collective));
        assert_eq!(source(7), "challenge:7");
    }
}
