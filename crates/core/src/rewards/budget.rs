//! A program's rewards budget per quarter (C10). A quarter is named like `2026-Q4` and
//! read in [`BUDGET_ZONE`], so every viewer sees the same quarter. Spend is what the
//! redemptions approved in the quarter cost (approved or since delivered; counted by the
//! time of approval). Going over the budget is a warning to the coordinator, never a
//! block: the ambassador already holds the points.

use crate::Millis;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::fmt;

/// The time zone quarters are read in: the company's (Polish) calendar.
pub const BUDGET_ZONE: &str = "Europe/Warsaw";

/// The zone of [`BUDGET_ZONE`] (UTC if the system has no time zone database entry).
pub fn budget_zone() -> TimeZone {
    TimeZone::get(BUDGET_ZONE).unwrap_or(TimeZone::UTC)
}

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i16,
    /// 1 to 4.
    pub q: i8,
}

impl Quarter {
    /// `2026-Q4` (also `2026-q4`, `2026 Q4`); years 2000 to 2100.
    pub fn parse(s: &str) -> Option<Quarter> {
        let t = s.trim().to_ascii_uppercase();
        let (year, q) = t.split_once("-Q").or_else(|| t.split_once(" Q"))?;
        let year: i16 = year.trim().parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let q: i8 = q.trim().parse().ok().filter(|q| (1..=4).contains(q))?;
        Some(Quarter { year, q })
    }

    /// The quarter of a date.
    pub fn of_date(d: Date) -> Quarter {
        Quarter {
            year: d.year(),
            q: (d.month() - 1) / 3 + 1,
        }
    }

    /// The quarter an instant falls in, in `tz`.
    pub fn of(at: Millis, tz: &TimeZone) -> Quarter {
        let ts = jiff::Timestamp::from_millisecond(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        Quarter::of_date(ts.to_zoned(tz.clone()).date())
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> Date {
        Date::new(self.year, (self.q - 1) * 3 + 1, 1).unwrap_or_default()
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    pub fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    /// The quarter as `[start, end)` in unix milliseconds, its days read in `tz`.
    pub fn bounds(self, tz: &TimeZone) -> (Millis, Millis) {
        let start = |d: Date| {
            d.to_zoned(tz.clone())
                .map(|z| z.timestamp().as_millisecond())
                .unwrap_or_default()
        };
        (start(self.first_day()), start(self.next().first_day()))
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.q)
    }
}

/// A quarter's budget and what was spent of it, in grosze.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Budget {
    /// `None` when no budget was set for the quarter.
    pub amount: Option<i64>,
    pub spent: i64,
}

impl Budget {
    /// What is left (negative when overspent); `None` without a budget.
    pub fn remaining(&self) -> Option<i64> {
        self.amount.map(|a| a - self.spent)
    }

    /// Whether more than the budget was spent.
    pub fn is_over(&self) -> bool {
        self.amount.is_some_and(|a| self.spent > a)
    }

    /// By how much spending `extra` more would exceed the budget; `None` when it fits or
    /// there is no budget.
    pub fn exceeded_by(&self, extra: i64) -> Option<i64> {
        let over = self.spent + extra.max(0) - self.amount?;
        (over > 0).then_some(over)
    }

    /// The share of the budget spent, as a whole percentage; `None` without a budget
    /// (or with a budget of zero).
    pub fn percent_used(&self) -> Option<i64> {
        self.amount
            .filter(|a| *a > 0)
            .map(|a| ((self.spent as f64 / a as f64) * 100.0).round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_parse_print_and_step() {
        let q4 = Quarter::parse("2026-Q4").unwrap();
        assert_eq!(q4, Quarter { year: 2026, q: 4 });
        assert_eq!(q4.to_string(), "2026-Q4");
        assert_eq!(Quarter::parse(" 2026-q1 "), Some(Quarter { year: 2026, q: 1 }));
        assert_eq!(Quarter::parse("2026 Q2"), Some(Quarter { year: 2026, q: 2 }));
        for bad in ["2026-Q5", "2026-Q0", "26-Q1", "2026", "Q4-2026", "", "1999-Q4"] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
        assert_eq!(q4.next().to_string(), "2027-Q1");
        assert_eq!(q4.next().prev(), q4);
        assert_eq!(Quarter::parse("2027-Q1").unwrap().prev(), q4);
        assert!(Quarter::parse("2026-Q3").unwrap() < q4);
    }

    #[test]
    fn a_quarter_is_read_in_the_budget_zone() {
        let tz = budget_zone();
        let (start, end) = Quarter::parse("2026-Q4").unwrap().bounds(&tz);
        // 1 October 2026 00:00 in Warsaw is 30 September 22:00 UTC (summer time).
        assert_eq!(
            jiff::Timestamp::from_millisecond(start).unwrap().to_string(),
            "2026-09-30T22:00:00Z"
        );
        // 1 January 2027 00:00 in Warsaw is 31 December 23:00 UTC (winter time).
        assert_eq!(
            jiff::Timestamp::from_millisecond(end).unwrap().to_string(),
            "2026-12-31T23:00:00Z"
        );
        assert_eq!(Quarter::of(start, &tz).to_string(), "2026-Q4");
        assert_eq!(Quarter::of(start - 1, &tz).to_string(), "2026-Q3");
        assert_eq!(Quarter::of(end - 1, &tz).to_string(), "2026-Q4");
        assert_eq!(Quarter::of(end, &tz).to_string(), "2027-Q1");
    }

    #[test]
    fn spend_is_shown_against_the_budget_and_overspending_is_only_reported() {
        let b = Budget {
            amount: Some(100_000),
            spent: 80_000,
        };
        assert_eq!(b.remaining(), Some(20_000));
        assert_eq!(b.percent_used(), Some(80));
        assert_eq!(b.exceeded_by(20_000), None);
        assert_eq!(b.exceeded_by(25_000), Some(5_000));
        assert!(!b.is_over());
        let over = Budget {
            amount: Some(100_000),
            spent: 120_000,
        };
        assert!(over.is_over());
        assert_eq!(over.remaining(), Some(-20_000));
        let none = Budget {
            amount: None,
            spent: 5_000,
        };
        assert_eq!(
            (none.remaining(), none.exceeded_by(1), none.percent_used()),
            (None, None, None)
        );
        assert!(!none.is_over());
        let zero = Budget {
            amount: Some(0),
            spent: 0,
        };
        assert_eq!((zero.percent_used(), zero.exceeded_by(1)), (None, Some(1)));
    }
}
