//! The program review (C11; the source article's regular ambassador meeting): which days a
//! review covers on the program's cadence, what its document holds (a [`Snapshot`] of the
//! numbers taken from the data, kept unchanged once published), the decisions taken at the
//! meeting (text, owner, due date) and how open ones carry into the next review, and who
//! may read or edit a review. No IO: the caller reads and stores.
//!
//! - **Periods** ([`ReviewPeriod::containing`]): weekly reviews cover an ISO week (Monday to
//!   Sunday), biweekly ones two weeks counted from the Monday 1970-01-05, monthly ones a
//!   calendar month, quarterly ones a calendar quarter, all in UTC days as the roll-ups
//!   count. The key names the period: `2026-W47`, `2026-W47-W48`, `2026-11`, `2026-Q4`.
//! - **Numbers** ([`measured_ranges`]): the period up to today (a review of the running
//!   period measures it so far) against the same number of days at the start of the
//!   period before, so that half a month is compared with half a month.
//! - **Carrying** ([`carried_into`]): a decision of an earlier published review appears in
//!   a review while it is open, and still (as done) in the review during whose draft it was
//!   marked done. Publishing freezes the list.

use super::period::{DayRange, week_start};
use super::{date_of_day, first_day_of_month, month_of_day};

pub mod decisions;
pub mod snapshot;

pub use decisions::{DecisionFacts, InputError, NewDecision, carried_into, decision_state};
pub use snapshot::{
    GoalLine, HealthChange, HealthLine, Numbers, SNAPSHOT_VERSION, Slipped, Snapshot, TOP, TopLine, Trend,
};

/// The Monday that biweekly periods are counted from (1970-01-05, day 4).
const BIWEEKLY_ANCHOR: i64 = 4;

/// How often a program holds its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

impl Cadence {
    /// The stored cadence (`crate::programs::REVIEW_CADENCES`); monthly for anything else.
    pub fn from_stored(s: &str) -> Cadence {
        match s.trim() {
            "weekly" => Cadence::Weekly,
            "biweekly" => Cadence::Biweekly,
            "quarterly" => Cadence::Quarterly,
            _ => Cadence::Monthly,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }
}

/// The days one review covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewPeriod {
    pub cadence: Cadence,
    pub range: DayRange,
}

fn iso_week(day: i64) -> String {
    let iso = date_of_day(day).iso_week_date();
    format!("{:04}-W{:02}", iso.year(), iso.week())
}

impl ReviewPeriod {
    /// The period of `cadence` that `day` falls in.
    pub fn containing(cadence: Cadence, day: i64) -> ReviewPeriod {
        let span = |first: i64, last: i64| DayRange { first, last };
        let range = match cadence {
            Cadence::Weekly => span(week_start(day), week_start(day) + 6),
            Cadence::Biweekly => {
                let first = BIWEEKLY_ANCHOR + (day - BIWEEKLY_ANCHOR).div_euclid(14) * 14;
                span(first, first + 13)
            }
            Cadence::Monthly => {
                let m = month_of_day(day);
                span(first_day_of_month(m), first_day_of_month(m + 1) - 1)
            }
            Cadence::Quarterly => {
                let m = month_of_day(day);
                let q = m - m.rem_euclid(3);
                span(first_day_of_month(q), first_day_of_month(q + 3) - 1)
            }
        };
        ReviewPeriod { cadence, range }
    }

    /// The period right before this one, on the same cadence.
    pub fn previous(&self) -> ReviewPeriod {
        ReviewPeriod::containing(self.cadence, self.range.first - 1)
    }

    /// The period right after this one.
    pub fn next(&self) -> ReviewPeriod {
        ReviewPeriod::containing(self.cadence, self.range.last + 1)
    }

    /// The period's name: `2026-W47`, `2026-W47-W48`, `2026-11` or `2026-Q4`.
    pub fn key(&self) -> String {
        let first = date_of_day(self.range.first);
        match self.cadence {
            Cadence::Weekly => iso_week(self.range.first),
            Cadence::Biweekly => {
                let second = iso_week(self.range.first + 7);
                format!("{}-{}", iso_week(self.range.first), &second[5..])
            }
            Cadence::Monthly => format!("{:04}-{:02}", first.year(), first.month()),
            Cadence::Quarterly => format!("{:04}-Q{}", first.year(), (first.month() - 1) / 3 + 1),
        }
    }
}

/// The days a review's numbers measure at `today` and the days they are compared with:
/// the period up to today (all of it once it has ended; its first day when it has not
/// begun), and as many days from the start of the period before.
pub fn measured_ranges(period: &ReviewPeriod, today: i64) -> (DayRange, DayRange) {
    let last = period.range.last.min(today).max(period.range.first);
    let current = DayRange {
        first: period.range.first,
        last,
    };
    let before = period.previous().range;
    let previous = DayRange {
        first: before.first,
        last: (before.first + current.days() - 1).min(before.last),
    };
    (current, previous)
}

/// Whether a review is still being prepared or was published to the members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Published,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "draft" => Some(Status::Draft),
            "published" => Some(Status::Published),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }
}

/// Who reads a review: the program's coordinator and admins (`manager`) every review,
/// its members the published ones.
pub fn may_read(manager: bool, member: bool, status: Status) -> bool {
    manager || (member && status == Status::Published)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::day_of_date;
    use jiff::civil::Date;

    fn d(y: i16, m: i8, day: i8) -> i64 {
        day_of_date(Date::constant(y, m, day))
    }

    fn r(first: i64, last: i64) -> DayRange {
        DayRange { first, last }
    }

    #[test]
    fn each_cadence_has_its_period_and_key() {
        let day = d(2026, 11, 18); // a Wednesday in ISO week 47
        let p = ReviewPeriod::containing(Cadence::Monthly, day);
        assert_eq!(
            (p.range, p.key()),
            (r(d(2026, 11, 1), d(2026, 11, 30)), "2026-11".into())
        );
        assert_eq!(p.previous().key(), "2026-10");
        assert_eq!(p.next().range.first, d(2026, 12, 1));
        let p = ReviewPeriod::containing(Cadence::Weekly, day);
        assert_eq!(
            (p.range, p.key()),
            (r(d(2026, 11, 16), d(2026, 11, 22)), "2026-W47".into())
        );
        let p = ReviewPeriod::containing(Cadence::Quarterly, day);
        assert_eq!(
            (p.range, p.key()),
            (r(d(2026, 10, 1), d(2026, 12, 31)), "2026-Q4".into())
        );
        assert_eq!(p.previous().key(), "2026-Q3");
        // Biweekly periods are whole ISO weeks, two at a time, and follow each other.
        let p = ReviewPeriod::containing(Cadence::Biweekly, day);
        assert_eq!(p.range.days(), 14);
        assert_eq!(date_of_day(p.range.first).weekday(), jiff::civil::Weekday::Monday);
        assert!(p.range.contains(day));
        assert_eq!(p.next().range.first, p.range.last + 1);
        assert_eq!(ReviewPeriod::containing(Cadence::Biweekly, p.range.last), p);
        assert_eq!(
            ReviewPeriod::containing(Cadence::Biweekly, d(1970, 1, 5)).key(),
            "1970-W02-W03"
        );
        assert!(p.key().starts_with("2026-W4") && p.key().len() == 12, "{}", p.key());
    }

    #[test]
    fn periods_cross_year_ends_and_leap_days() {
        let p = ReviewPeriod::containing(Cadence::Monthly, d(2027, 1, 1));
        assert_eq!(p.previous().key(), "2026-12");
        assert_eq!(p.previous().range, r(d(2026, 12, 1), d(2026, 12, 31)));
        assert_eq!(
            ReviewPeriod::containing(Cadence::Monthly, d(2028, 2, 29)).range.days(),
            29
        );
        assert_eq!(
            ReviewPeriod::containing(Cadence::Quarterly, d(2027, 1, 1))
                .previous()
                .key(),
            "2026-Q4"
        );
        // 2026-12-31 is in ISO week 53 of 2026; 2027-01-04 starts week 1 of 2027.
        assert_eq!(
            ReviewPeriod::containing(Cadence::Weekly, d(2026, 12, 31)).key(),
            "2026-W53"
        );
        assert_eq!(
            ReviewPeriod::containing(Cadence::Weekly, d(2027, 1, 4)).key(),
            "2027-W01"
        );
        assert_eq!(Cadence::from_stored("nonsense"), Cadence::Monthly);
        for c in crate::programs::REVIEW_CADENCES {
            assert_eq!(Cadence::from_stored(c).as_str(), c);
        }
    }

    #[test]
    fn a_running_period_is_compared_with_as_many_days_of_the_one_before() {
        let nov = ReviewPeriod::containing(Cadence::Monthly, d(2026, 11, 1));
        let (now, before) = measured_ranges(&nov, d(2026, 11, 15));
        assert_eq!(now, r(d(2026, 11, 1), d(2026, 11, 15)));
        assert_eq!(before, r(d(2026, 10, 1), d(2026, 10, 15)));
        // Ended: the whole month against the whole month before (cut at its own end).
        let (now, before) = measured_ranges(&nov, d(2027, 3, 1));
        assert_eq!(now, nov.range);
        assert_eq!(before, r(d(2026, 10, 1), d(2026, 10, 30)));
        let mar = ReviewPeriod::containing(Cadence::Monthly, d(2027, 3, 1));
        assert_eq!(
            measured_ranges(&mar, d(2027, 3, 31)).1,
            r(d(2027, 2, 1), d(2027, 2, 28))
        );
        // Not begun yet: its first day.
        assert_eq!(
            measured_ranges(&nov, d(2026, 10, 2)).0,
            r(d(2026, 11, 1), d(2026, 11, 1))
        );
    }

    #[test]
    fn members_read_published_reviews_and_managers_every_one() {
        assert!(may_read(true, false, Status::Draft));
        assert!(may_read(false, true, Status::Published));
        assert!(!may_read(false, true, Status::Draft));
        assert!(!may_read(false, false, Status::Published));
        assert_eq!(Status::parse("published"), Some(Status::Published));
        assert_eq!(Status::parse("gone"), None);
    }
}
