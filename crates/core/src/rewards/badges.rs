//! Badges (C10): a small catalog, each badge a pure rule over plain facts about one
//! person, earned once, dated by the moment the rule became true (the first share's
//! time, the tenth personalised share's, ...), not by when it was noticed.
//!
//! The streak is of weeks, not days: at least one share in each of four consecutive
//! calendar weeks (Monday to Sunday in the person's time zone). A daily streak would
//! reward posting for its own sake, which is what makes feeds spammy.

use crate::Millis;
use crate::rewards::awarding::personalised_score;
use crate::training::Progress;
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// How many personalised shares earn [`Badge::TenPersonalised`].
pub const PERSONALISED_SHARES: usize = 10;
/// How many consecutive weeks with a share earn [`Badge::FourWeekStreak`].
pub const STREAK_WEEKS: usize = 4;

/// A badge of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Badge {
    /// The first confirmed share.
    FirstShare,
    /// Ten personalised shares.
    TenPersonalised,
    /// The first application through one's tracked link.
    FirstReferral,
    /// A course finished (every lesson read and its quiz, if any, passed).
    CourseFinished,
    /// At least one share a week for four consecutive calendar weeks.
    FourWeekStreak,
}

impl Badge {
    /// The catalog, in the order pages list it.
    pub const ALL: [Badge; 5] = [
        Badge::FirstShare,
        Badge::TenPersonalised,
        Badge::FirstReferral,
        Badge::CourseFinished,
        Badge::FourWeekStreak,
    ];

    /// The name in storage and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Badge::FirstShare => "first_share",
            Badge::TenPersonalised => "ten_personalised",
            Badge::FirstReferral => "first_referral",
            Badge::CourseFinished => "course_finished",
            Badge::FourWeekStreak => "four_week_streak",
        }
    }

    pub fn parse(s: &str) -> Option<Badge> {
        Badge::ALL.into_iter().find(|b| b.as_str() == s.trim())
    }

    /// The catalog key of its name (`badge-first-share`); its description adds `-about`.
    pub fn key(self) -> String {
        format!("badge-{}", self.as_str().replace('_', "-"))
    }
}

/// One share, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareFact {
    pub at: Millis,
    pub personalised: bool,
}

/// A course the person started, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CourseFact {
    pub lessons: i64,
    pub lessons_read: i64,
    pub has_quiz: bool,
    /// When the last of its lessons was read.
    pub last_read_at: Option<Millis>,
    /// When its quiz was first passed.
    pub passed_at: Option<Millis>,
}

impl CourseFact {
    /// When the course was finished: when its last step (lesson read or quiz passed)
    /// was done, if every step is done.
    pub fn finished_at(&self) -> Option<Millis> {
        let progress = Progress {
            lessons: self.lessons,
            lessons_read: self.lessons_read,
            has_quiz: self.has_quiz,
            quiz_passed: self.passed_at.is_some(),
        };
        if !progress.is_complete() {
            return None;
        }
        self.last_read_at.max(self.passed_at)
    }
}

/// Everything the rules need about one person.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Their shares, in any order.
    pub shares: Vec<ShareFact>,
    /// When the first application through their links came.
    pub first_referral_at: Option<Millis>,
    pub courses: Vec<CourseFact>,
}

/// Whether a stored share counts as personalised: an own post (no content item) is in
/// one's own words; an item's share by the same line as the points' bonus
/// ([`personalised_score`], which agrees with `sharing::is_personalised`).
pub fn share_is_personalised(own_post: bool, personalisation_per_mille: Option<i64>) -> bool {
    own_post || personalised_score(personalisation_per_mille)
}

/// The Monday of the calendar week of an instant, in `tz`.
fn week_of(at: Millis, tz: &TimeZone) -> Option<Date> {
    let d = crate::calendar::date_in(at, tz)?;
    d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).ok()
}

/// When the person first had a share in each of [`STREAK_WEEKS`] consecutive calendar
/// weeks (Monday to Sunday in `tz`): the time of the first share of the last of them.
pub fn streak_reached_at(shares: &[ShareFact], tz: &TimeZone) -> Option<Millis> {
    let mut times: Vec<Millis> = shares.iter().map(|s| s.at).collect();
    times.sort_unstable();
    let mut run: Option<(Date, usize)> = None;
    for at in times {
        let week = week_of(at, tz)?;
        run = match run {
            Some((w, n)) if w == week => Some((w, n)),
            Some((w, n)) if w.checked_add(7.days()).ok() == Some(week) => {
                if n + 1 >= STREAK_WEEKS {
                    return Some(at);
                }
                Some((week, n + 1))
            }
            _ => Some((week, 1)),
        };
    }
    None
}

/// When a badge was earned, from the facts; `None` while it is not.
pub fn earned_at(badge: Badge, facts: &Facts, tz: &TimeZone) -> Option<Millis> {
    let mut shares: Vec<ShareFact> = facts.shares.clone();
    shares.sort_by_key(|s| s.at);
    match badge {
        Badge::FirstShare => shares.first().map(|s| s.at),
        Badge::TenPersonalised => shares
            .iter()
            .filter(|s| s.personalised)
            .nth(PERSONALISED_SHARES - 1)
            .map(|s| s.at),
        Badge::FirstReferral => facts.first_referral_at,
        Badge::CourseFinished => facts.courses.iter().filter_map(CourseFact::finished_at).min(),
        Badge::FourWeekStreak => streak_reached_at(&shares, tz),
    }
}

/// Every badge the facts earn, with when.
pub fn earned(facts: &Facts, tz: &TimeZone) -> Vec<(Badge, Millis)> {
    Badge::ALL
        .into_iter()
        .filter_map(|b| earned_at(b, facts, tz).map(|at| (b, at)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warsaw() -> TimeZone {
        TimeZone::get("Europe/Warsaw").unwrap()
    }

    fn at(s: &str) -> Millis {
        s.parse::<jiff::Zoned>().unwrap().timestamp().as_millisecond()
    }

    fn share(s: &str) -> ShareFact {
        ShareFact {
            at: at(&format!("{s}[Europe/Warsaw]")),
            personalised: false,
        }
    }

    #[test]
    fn the_first_share_earns_a_badge_dated_by_that_share() {
        let tz = warsaw();
        assert_eq!(earned_at(Badge::FirstShare, &Facts::default(), &tz), None);
        let facts = Facts {
            shares: vec![share("2026-05-04T10:00+02:00"), share("2026-05-02T10:00+02:00")],
            ..Facts::default()
        };
        assert_eq!(
            earned_at(Badge::FirstShare, &facts, &tz),
            Some(at("2026-05-02T10:00+02:00[Europe/Warsaw]"))
        );
    }

    #[test]
    fn ten_personalised_shares_earn_a_badge_and_nine_do_not() {
        let tz = warsaw();
        let mut facts = Facts::default();
        for day in 1..=9 {
            facts.shares.push(ShareFact {
                at: day * 1000,
                personalised: true,
            });
            facts.shares.push(ShareFact {
                at: day * 1000 + 1,
                personalised: false,
            });
        }
        assert_eq!(earned_at(Badge::TenPersonalised, &facts, &tz), None);
        facts.shares.push(ShareFact {
            at: 50_000,
            personalised: true,
        });
        assert_eq!(earned_at(Badge::TenPersonalised, &facts, &tz), Some(50_000));
    }

    #[test]
    fn a_share_is_personalised_above_the_line_or_when_it_is_an_own_post() {
        assert!(share_is_personalised(true, None));
        assert!(!share_is_personalised(false, None));
        assert!(!share_is_personalised(false, Some(300)));
        assert!(share_is_personalised(false, Some(301)));
        assert!(!share_is_personalised(false, Some(0)));
    }

    #[test]
    fn the_first_referral_and_a_finished_course_earn_badges() {
        let tz = warsaw();
        let unfinished = CourseFact {
            lessons: 3,
            lessons_read: 2,
            has_quiz: false,
            last_read_at: Some(10),
            passed_at: None,
        };
        let quiz_pending = CourseFact {
            lessons: 1,
            lessons_read: 1,
            has_quiz: true,
            last_read_at: Some(20),
            passed_at: None,
        };
        let done = CourseFact {
            lessons: 2,
            lessons_read: 2,
            has_quiz: true,
            last_read_at: Some(30),
            passed_at: Some(25),
        };
        let mut facts = Facts {
            first_referral_at: Some(7),
            courses: vec![unfinished, quiz_pending],
            ..Facts::default()
        };
        assert_eq!(earned_at(Badge::FirstReferral, &facts, &tz), Some(7));
        assert_eq!(earned_at(Badge::CourseFinished, &facts, &tz), None);
        facts.courses.push(done);
        assert_eq!(earned_at(Badge::CourseFinished, &facts, &tz), Some(30));
        let quiz_only = CourseFact {
            lessons: 0,
            lessons_read: 0,
            has_quiz: true,
            last_read_at: None,
            passed_at: Some(40),
        };
        assert_eq!(quiz_only.finished_at(), Some(40));
    }

    #[test]
    fn four_consecutive_calendar_weeks_with_a_share_make_a_streak() {
        let tz = warsaw();
        // Monday 4 May, Sunday 17 May late in the evening, Monday 18 May, Sunday 31 May.
        let weeks = [
            "2026-05-04T09:00+02:00",
            "2026-05-17T23:30+02:00",
            "2026-05-18T00:10+02:00",
            "2026-05-31T12:00+02:00",
        ];
        let shares: Vec<ShareFact> = weeks.iter().map(|s| share(s)).collect();
        // Weeks of 4, 11 (its share late on Sunday the 17th), 18 and 25 May.
        assert_eq!(streak_reached_at(&shares[..3], &tz), None, "three weeks are no streak");
        assert_eq!(
            streak_reached_at(&shares, &tz),
            Some(at("2026-05-31T12:00+02:00[Europe/Warsaw]"))
        );
        let facts = Facts {
            shares,
            ..Facts::default()
        };
        assert_eq!(
            earned_at(Badge::FourWeekStreak, &facts, &tz),
            Some(at("2026-05-31T12:00+02:00[Europe/Warsaw]"))
        );
    }

    #[test]
    fn the_streak_counts_monday_to_sunday_weeks_in_the_persons_time_zone() {
        let tz = warsaw();
        let shares: Vec<ShareFact> = [
            "2026-05-10T20:00+02:00", // Sunday: week of 4 May
            "2026-05-11T08:00+02:00", // Monday: week of 11 May
            "2026-05-11T09:00+02:00", // same week again
            "2026-05-24T23:59+02:00", // Sunday: week of 18 May
            "2026-05-25T00:00+02:00", // Monday: week of 25 May, the fourth
        ]
        .iter()
        .map(|s| share(s))
        .collect();
        assert_eq!(
            streak_reached_at(&shares, &tz),
            Some(at("2026-05-25T00:00+02:00[Europe/Warsaw]"))
        );
        // In UTC the Monday-midnight share is still Sunday: only three weeks.
        assert_eq!(streak_reached_at(&shares, &TimeZone::UTC), None);
        // A gap week breaks the run, which then starts again.
        let gap: Vec<ShareFact> = [
            "2026-05-04T10:00+02:00",
            "2026-05-11T10:00+02:00",
            "2026-05-25T10:00+02:00",
            "2026-06-01T10:00+02:00",
            "2026-06-08T10:00+02:00",
            "2026-06-15T10:00+02:00",
        ]
        .iter()
        .map(|s| share(s))
        .collect();
        assert_eq!(
            streak_reached_at(&gap, &tz),
            Some(at("2026-06-15T10:00+02:00[Europe/Warsaw]"))
        );
        // Many shares in one week are still one week.
        let one_week: Vec<ShareFact> = (0..20)
            .map(|i| ShareFact {
                at: at("2026-05-04T10:00+02:00[Europe/Warsaw]") + i,
                personalised: true,
            })
            .collect();
        assert_eq!(streak_reached_at(&one_week, &tz), None);
    }

    #[test]
    fn the_catalog_round_trips_and_earned_lists_every_badge_the_facts_earn() {
        for b in Badge::ALL {
            assert_eq!(Badge::parse(b.as_str()), Some(b));
        }
        assert_eq!(Badge::FourWeekStreak.key(), "badge-four-week-streak");
        assert_eq!(Badge::parse("gold"), None);
        let facts = Facts {
            shares: vec![ShareFact {
                at: 5,
                personalised: true,
            }],
            first_referral_at: Some(9),
            courses: vec![],
        };
        assert_eq!(
            earned(&facts, &warsaw()),
            vec![(Badge::FirstShare, 5), (Badge::FirstReferral, 9)]
        );
    }
}
