//! Reporting periods: the ranges of UTC days a report covers, the period before them to
//! compare with, how to read a range from the daily and monthly roll-ups, and the week or
//! month buckets of a chart.
//!
//! Days are UTC day numbers ([`crate::tracking::day_number`]), months are months since
//! January 1970 ([`super::month_of_day`]); both ends of a [`DayRange`] are included.

use super::{date_of_day, day_of_date, first_day_of_month, month_of_day};
use crate::DAY;
use jiff::civil::Date;

/// The longest range a report may cover: ten years and a few leap days.
pub const MAX_DAYS: i64 = 3660;

/// A range of UTC days, both ends included; never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub first: i64,
    pub last: i64,
}

/// Why a requested period cannot be reported on. Fields are named as the form names
/// them: `"from"` and `"to"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// The field is empty (or a custom period was chosen without a range).
    Missing(&'static str),
    /// The field is not a date written `YYYY-MM-DD`.
    Invalid(&'static str),
    /// The range ends before it starts.
    Reversed,
    /// The range is longer than [`MAX_DAYS`].
    TooLong,
    /// The range starts after today.
    InFuture,
}

impl PeriodError {
    /// The catalog key of the message explaining the error.
    pub fn message_key(&self) -> &'static str {
        match self {
            PeriodError::Missing(_) => "reports-period-missing",
            PeriodError::Invalid(_) => "reports-period-invalid",
            PeriodError::Reversed => "reports-period-reversed",
            PeriodError::TooLong => "reports-period-too-long",
            PeriodError::InFuture => "reports-period-in-future",
        }
    }

    /// The form field the message belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            PeriodError::Missing(f) | PeriodError::Invalid(f) => f,
            PeriodError::Reversed | PeriodError::TooLong => "to",
            PeriodError::InFuture => "from",
        }
    }
}

impl DayRange {
    /// The days `first..=last`; `None` when `last` is before `first`.
    pub fn new(first: i64, last: i64) -> Option<DayRange> {
        (last >= first).then_some(DayRange { first, last })
    }

    /// How many days the range covers (at least one).
    pub fn days(&self) -> i64 {
        self.last - self.first + 1
    }

    /// The range of the same number of days that ends the day before this one starts.
    pub fn previous(&self) -> DayRange {
        DayRange {
            first: self.first - self.days(),
            last: self.first - 1,
        }
    }

    pub fn contains(&self, day: i64) -> bool {
        self.first <= day && day <= self.last
    }

    /// The first moment of the range (midnight UTC of its first day), in milliseconds.
    pub fn start_millis(&self) -> i64 {
        self.first * DAY
    }

    /// The first moment after the range (midnight UTC after its last day).
    pub fn end_millis_exclusive(&self) -> i64 {
        (self.last + 1) * DAY
    }

    /// Parses the two ends of a form's range, `YYYY-MM-DD` each, both included.
    pub fn parse(from: &str, to: &str) -> Result<DayRange, PeriodError> {
        let first = parse_day(from, "from")?;
        let last = parse_day(to, "to")?;
        let range = DayRange::new(first, last).ok_or(PeriodError::Reversed)?;
        if range.days() > MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(range)
    }

    /// The first day as `YYYY-MM-DD`.
    pub fn format_first(&self) -> String {
        format_day(self.first)
    }

    /// The last day as `YYYY-MM-DD`.
    pub fn format_last(&self) -> String {
        format_day(self.last)
    }
}

/// A day as `YYYY-MM-DD`.
pub fn format_day(day: i64) -> String {
    date_of_day(day).strftime("%Y-%m-%d").to_string()
}

/// Parses exactly `YYYY-MM-DD` (surrounding blanks ignored) into a day number.
fn parse_day(s: &str, field: &'static str) -> Result<i64, PeriodError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(PeriodError::Missing(field));
    }
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let invalid = PeriodError::Invalid(field);
    if !shape {
        return Err(invalid);
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().map_err(|_| invalid.clone());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if y < 1970 {
        return Err(invalid);
    }
    let date = Date::new(y, m as i8, d as i8).map_err(|_| invalid.clone())?;
    Ok(day_of_date(date))
}

/// The periods a report offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    ThisMonth,
    LastMonth,
    Quarter,
    TwelveMonths,
    Custom,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 5] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::LastMonth,
        PeriodChoice::Quarter,
        PeriodChoice::TwelveMonths,
        PeriodChoice::Custom,
    ];

    pub fn parse(s: &str) -> Option<PeriodChoice> {
        let s = s.trim();
        PeriodChoice::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "this-month",
            PeriodChoice::LastMonth => "last-month",
            PeriodChoice::Quarter => "quarter",
            PeriodChoice::TwelveMonths => "12-months",
            PeriodChoice::Custom => "custom",
        }
    }
}

/// A resolved period: the days it covers and the period of the same length before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub choice: PeriodChoice,
    pub range: DayRange,
    pub previous: DayRange,
}

/// The days a choice covers on `today`:
/// - this month: the first day of today's month up to today;
/// - last month: the whole previous calendar month;
/// - quarter: the first day of today's calendar quarter up to today;
/// - 12 months: the first day of the month 11 months before today's, up to today;
/// - custom: the given range, cut at today; an error without one or when it starts
///   after today.
///
/// The period to compare with is always the same number of days right before.
pub fn resolve(choice: PeriodChoice, today: i64, custom: Option<DayRange>) -> Result<Period, PeriodError> {
    let month = month_of_day(today);
    let span = |first: i64, last: i64| DayRange { first, last };
    let range = match choice {
        PeriodChoice::ThisMonth => span(first_day_of_month(month), today),
        PeriodChoice::LastMonth => span(first_day_of_month(month - 1), first_day_of_month(month) - 1),
        PeriodChoice::Quarter => span(first_day_of_month(month - month.rem_euclid(3)), today),
        PeriodChoice::TwelveMonths => span(first_day_of_month(month - 11), today),
        PeriodChoice::Custom => {
            let r = custom.ok_or(PeriodError::Missing("from"))?;
            if r.first > today {
                return Err(PeriodError::InFuture);
            }
            span(r.first, r.last.min(today))
        }
    };
    Ok(Period {
        choice,
        range,
        previous: range.previous(),
    })
}

/// How to read a range from the roll-ups: whole months from the monthly table, the
/// remaining days (at most one run before and one after the months) from the daily one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Inclusive month numbers (since January 1970) read whole.
    pub months: Option<(i64, i64)>,
    /// The days outside those months, 0 to 2 ranges, in order.
    pub days: Vec<DayRange>,
}

/// Splits a range into whole months and the days around them. A month counts as whole
/// when the range starts on or before its first day and ends on or after its last day,
/// or on or after today when the month is still running (nothing after today exists).
pub fn split(range: DayRange, today: i64) -> Split {
    let (m_first, m_last) = (month_of_day(range.first), month_of_day(range.last));
    let last_day = |m: i64| first_day_of_month(m + 1) - 1;
    let first_whole = if range.first <= first_day_of_month(m_first) {
        m_first
    } else {
        m_first + 1
    };
    let last_whole = if range.last >= last_day(m_last).min(today) {
        m_last
    } else {
        m_last - 1
    };
    if first_whole > last_whole {
        return Split {
            months: None,
            days: vec![range],
        };
    }
    let mut days = Vec::new();
    let start = first_day_of_month(first_whole);
    if range.first < start {
        days.push(DayRange {
            first: range.first,
            last: start - 1,
        });
    }
    let end = last_day(last_whole);
    if range.last > end {
        days.push(DayRange {
            first: end + 1,
            last: range.last,
        });
    }
    Split {
        months: Some((first_whole, last_whole)),
        days,
    }
}

/// The step of a chart's time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Week,
    Month,
}

/// One point of a chart's time axis: the days it sums, clipped to the reported range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub range: DayRange,
    /// `2026-W48` (ISO week) or `2026-11`.
    pub label: String,
}

/// Weeks for up to 92 days (a quarter), months beyond.
pub fn granularity_for(range: DayRange) -> Granularity {
    if range.days() <= 92 {
        Granularity::Week
    } else {
        Granularity::Month
    }
}

/// The Monday of the ISO week a day falls in (1970-01-01, day 0, was a Thursday).
pub fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// Consecutive weeks (Monday to Sunday, labelled by ISO week) or calendar months covering
/// the range, the first and last clipped to it.
pub fn buckets(range: DayRange, g: Granularity) -> Vec<Bucket> {
    let clip = |first: i64, last: i64| DayRange {
        first: first.max(range.first),
        last: last.min(range.last),
    };
    let mut out = Vec::new();
    match g {
        Granularity::Week => {
            let mut start = week_start(range.first);
            while start <= range.last {
                let iso = date_of_day(start).iso_week_date();
                let label = format!("{:04}-W{:02}", iso.year(), iso.week());
                out.push(Bucket {
                    range: clip(start, start + 6),
                    label,
                });
                start += 7;
            }
        }
        Granularity::Month => {
            for m in month_of_day(range.first)..=month_of_day(range.last) {
                let label = format!("{:04}-{:02}", 1970 + m.div_euclid(12), m.rem_euclid(12) + 1);
                out.push(Bucket {
                    range: clip(first_day_of_month(m), first_day_of_month(m + 1) - 1),
                    label,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> i64 {
        day_of_date(Date::constant(y, m, day))
    }

    fn r(a: i64, b: i64) -> DayRange {
        DayRange::new(a, b).unwrap()
    }

    #[test]
    fn ranges_count_days_and_know_the_previous_period() {
        assert_eq!(DayRange::new(5, 4), None);
        let one = r(10, 10);
        assert_eq!(one.days(), 1);
        assert_eq!(one.previous(), r(9, 9));
        let nov = r(d(2026, 11, 1), d(2026, 11, 30));
        assert_eq!(nov.days(), 30);
        assert_eq!(nov.previous(), r(d(2026, 10, 2), d(2026, 10, 31)));
        assert!(nov.contains(d(2026, 11, 15)) && !nov.contains(d(2026, 12, 1)));
        assert_eq!(r(0, 0).start_millis(), 0);
        assert_eq!(r(0, 1).end_millis_exclusive(), 2 * DAY);
        assert_eq!(nov.format_first(), "2026-11-01");
        assert_eq!(nov.format_last(), "2026-11-30");
    }

    #[test]
    fn parsing_names_the_faulty_field() {
        assert_eq!(
            DayRange::parse(" 2026-11-01 ", "2026-11-30"),
            Ok(r(d(2026, 11, 1), d(2026, 11, 30)))
        );
        assert_eq!(
            DayRange::parse("2028-02-29", "2028-02-29"),
            Ok(r(d(2028, 2, 29), d(2028, 2, 29)))
        );
        assert_eq!(DayRange::parse("", "2026-11-30"), Err(PeriodError::Missing("from")));
        assert_eq!(DayRange::parse("2026-11-01", "  "), Err(PeriodError::Missing("to")));
        assert_eq!(
            DayRange::parse("2027-02-29", "2027-03-01"),
            Err(PeriodError::Invalid("from"))
        );
        assert_eq!(
            DayRange::parse("2026-11-01", "30.11.2026"),
            Err(PeriodError::Invalid("to"))
        );
        assert_eq!(
            DayRange::parse("2026-1-01", "2026-11-30"),
            Err(PeriodError::Invalid("from"))
        );
        assert_eq!(
            DayRange::parse("2026-11-01", "2026-13-01"),
            Err(PeriodError::Invalid("to"))
        );
        assert_eq!(
            DayRange::parse("+026-11-01", "2026-11-01"),
            Err(PeriodError::Invalid("from"))
        );
        assert_eq!(DayRange::parse("2026-11-02", "2026-11-01"), Err(PeriodError::Reversed));
        assert_eq!(
            DayRange::parse("2016-01-01", "2026-01-01"),
            Ok(r(d(2016, 1, 1), d(2026, 1, 1)))
        );
        assert_eq!(DayRange::parse("2010-01-01", "2026-01-01"), Err(PeriodError::TooLong));
        assert_eq!(PeriodError::TooLong.message_key(), "reports-period-too-long");
        assert_eq!(PeriodError::Invalid("from").field(), "from");
        assert_eq!(PeriodError::Reversed.field(), "to");
    }

    #[test]
    fn choices_round_trip() {
        for c in PeriodChoice::ALL {
            assert_eq!(PeriodChoice::parse(c.as_str()), Some(c));
        }
        assert_eq!(PeriodChoice::parse("12-months"), Some(PeriodChoice::TwelveMonths));
        assert_eq!(PeriodChoice::parse("year"), None);
    }

    #[test]
    fn choices_resolve_to_calendar_periods() {
        let today = d(2026, 11, 18);
        let p = resolve(PeriodChoice::ThisMonth, today, None).unwrap();
        assert_eq!(p.range, r(d(2026, 11, 1), today));
        assert_eq!(p.previous, r(d(2026, 10, 14), d(2026, 10, 31)));
        let p = resolve(PeriodChoice::LastMonth, today, None).unwrap();
        assert_eq!(p.range, r(d(2026, 10, 1), d(2026, 10, 31)));
        assert_eq!(p.previous, r(d(2026, 8, 31), d(2026, 9, 30)));
        assert_eq!(
            resolve(PeriodChoice::Quarter, today, None).unwrap().range,
            r(d(2026, 10, 1), today)
        );
        assert_eq!(
            resolve(PeriodChoice::TwelveMonths, today, None).unwrap().range,
            r(d(2025, 12, 1), today)
        );
        // January: last month is December of the year before; quarter starts on January 1st.
        let jan = d(2027, 1, 1);
        assert_eq!(
            resolve(PeriodChoice::LastMonth, jan, None).unwrap().range,
            r(d(2026, 12, 1), d(2026, 12, 31))
        );
        assert_eq!(resolve(PeriodChoice::Quarter, jan, None).unwrap().range, r(jan, jan));
        assert_eq!(
            resolve(PeriodChoice::ThisMonth, jan, None).unwrap().previous,
            r(d(2026, 12, 31), d(2026, 12, 31))
        );
        // March of a leap year: last month is the 29-day February.
        let march = d(2028, 3, 31);
        assert_eq!(resolve(PeriodChoice::LastMonth, march, None).unwrap().range.days(), 29);
        assert_eq!(
            resolve(PeriodChoice::Quarter, march, None).unwrap().range,
            r(d(2028, 1, 1), march)
        );
        assert_eq!(
            resolve(PeriodChoice::Quarter, d(2028, 6, 30), None)
                .unwrap()
                .range
                .first,
            d(2028, 4, 1)
        );
        assert_eq!(
            resolve(PeriodChoice::TwelveMonths, march, None).unwrap().range.first,
            d(2027, 4, 1)
        );
    }

    #[test]
    fn custom_periods_stop_at_today() {
        let today = d(2026, 11, 18);
        assert_eq!(
            resolve(PeriodChoice::Custom, today, None),
            Err(PeriodError::Missing("from"))
        );
        let p = resolve(PeriodChoice::Custom, today, Some(r(d(2026, 11, 10), d(2026, 12, 31)))).unwrap();
        assert_eq!(p.range, r(d(2026, 11, 10), today));
        assert_eq!(p.previous, r(d(2026, 11, 1), d(2026, 11, 9)));
        let future = Some(r(today + 1, today + 5));
        assert_eq!(resolve(PeriodChoice::Custom, today, future), Err(PeriodError::InFuture));
        assert_eq!(
            resolve(PeriodChoice::Custom, today, Some(r(today, today)))
                .unwrap()
                .range,
            r(today, today)
        );
    }

    #[test]
    fn splits_read_whole_months_monthly_and_edges_daily() {
        let today = d(2026, 11, 18);
        // Whole months only.
        let s = split(r(d(2026, 9, 1), d(2026, 10, 31)), today);
        assert_eq!(
            s,
            Split {
                months: Some((month_of_day(d(2026, 9, 1)), month_of_day(d(2026, 10, 1)))),
                days: vec![]
            }
        );
        // Partial edges on both sides.
        let s = split(r(d(2026, 8, 20), d(2026, 10, 5)), today);
        let sep = month_of_day(d(2026, 9, 1));
        assert_eq!(s.months, Some((sep, sep)));
        assert_eq!(
            s.days,
            vec![r(d(2026, 8, 20), d(2026, 8, 31)), r(d(2026, 10, 1), d(2026, 10, 5))]
        );
        // The running month up to today counts as whole.
        let s = split(r(d(2026, 10, 1), today), today);
        assert_eq!(s.months, Some((month_of_day(d(2026, 10, 1)), month_of_day(today))));
        assert!(s.days.is_empty());
        // Inside one month: days only.
        let s = split(r(d(2026, 10, 3), d(2026, 10, 20)), today);
        assert_eq!(
            s,
            Split {
                months: None,
                days: vec![r(d(2026, 10, 3), d(2026, 10, 20))]
            }
        );
        // The running month, started mid-month: days only.
        let s = split(r(d(2026, 11, 2), today), today);
        assert_eq!(s.months, None);
        // A leap February read whole.
        let feb = month_of_day(d(2028, 2, 1));
        assert_eq!(
            split(r(d(2028, 2, 1), d(2028, 2, 29)), today + 10_000).months,
            Some((feb, feb))
        );
        assert_eq!(split(r(d(2028, 2, 1), d(2028, 2, 28)), today + 10_000).months, None);
        // Across a year end with a partial start.
        let s = split(r(d(2026, 12, 15), d(2027, 2, 28)), d(2027, 3, 10));
        assert_eq!(
            s.months,
            Some((month_of_day(d(2027, 1, 1)), month_of_day(d(2027, 2, 1))))
        );
        assert_eq!(s.days, vec![r(d(2026, 12, 15), d(2026, 12, 31))]);
    }

    #[test]
    fn weeks_start_on_monday_and_carry_iso_labels() {
        assert_eq!(week_start(0), -3);
        assert_eq!(date_of_day(week_start(d(2026, 11, 18))), Date::constant(2026, 11, 16));
        assert_eq!(week_start(d(2026, 11, 16)), d(2026, 11, 16));
        assert_eq!(week_start(d(2026, 11, 22)), d(2026, 11, 16));
        // 2026-12-28 .. 2027-01-10: ISO week 53 of 2026, then week 1 of 2027.
        let b = buckets(r(d(2026, 12, 30), d(2027, 1, 5)), Granularity::Week);
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0],
            Bucket {
                range: r(d(2026, 12, 30), d(2027, 1, 3)),
                label: "2026-W53".into()
            }
        );
        assert_eq!(
            b[1],
            Bucket {
                range: r(d(2027, 1, 4), d(2027, 1, 5)),
                label: "2027-W01".into()
            }
        );
        // 2024-12-30 is a Monday in ISO week 1 of 2025.
        let b = buckets(r(d(2024, 12, 31), d(2024, 12, 31)), Granularity::Week);
        assert_eq!(b[0].label, "2025-W01");
        assert_eq!(
            buckets(r(d(2026, 11, 23), d(2026, 11, 29)), Granularity::Week)[0].label,
            "2026-W48"
        );
    }

    #[test]
    fn months_bucket_and_granularity_follow_the_length() {
        let b = buckets(r(d(2026, 11, 20), d(2027, 1, 10)), Granularity::Month);
        let labels: Vec<_> = b.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2026-11", "2026-12", "2027-01"]);
        assert_eq!(b[0].range, r(d(2026, 11, 20), d(2026, 11, 30)));
        assert_eq!(b[1].range, r(d(2026, 12, 1), d(2026, 12, 31)));
        assert_eq!(b[2].range, r(d(2027, 1, 1), d(2027, 1, 10)));
        assert_eq!(granularity_for(r(0, 91)), Granularity::Week);
        assert_eq!(granularity_for(r(0, 92)), Granularity::Month);
    }
}
