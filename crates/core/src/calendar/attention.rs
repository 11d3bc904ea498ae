//! What a person's home leads with: the periods "today" and "this week" in the person's
//! own time zone, which of their planned posts are due when, and which content counts as
//! new to them.
//!
//! Times are unix milliseconds; the caller resolves the time zone (no time zone database
//! is read here).

use crate::calendar::GRACE;
use crate::{DAY, Millis};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

/// Content is new to an ambassador for this long after it started, until they share it.
pub const NEW_CONTENT_FOR: Millis = 7 * DAY;

/// Today and this week (Monday to Sunday) around an instant, in one time zone, each as
/// `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    pub now: Millis,
    pub today_start: Millis,
    pub today_end: Millis,
    pub week_start: Millis,
    pub week_end: Millis,
}

/// The periods around `now` in `tz`. Days are civil days, so a day of a daylight saving
/// change lasts 23 or 25 hours. (An instant outside the calendar's range gets its UTC day
/// as both periods.)
pub fn periods(now: Millis, tz: &TimeZone) -> Periods {
    civil_periods(now, tz).unwrap_or_else(|| {
        let day = now - now.rem_euclid(DAY);
        Periods {
            now,
            today_start: day,
            today_end: day + DAY,
            week_start: day,
            week_end: day + DAY,
        }
    })
}

fn civil_periods(now: Millis, tz: &TimeZone) -> Option<Periods> {
    let today = Timestamp::from_millisecond(now).ok()?.to_zoned(tz.clone()).date();
    let plus = |d: Date, days: i64| d.checked_add(Span::new().days(days)).ok();
    let start = |d: Date| Some(d.to_zoned(tz.clone()).ok()?.timestamp().as_millisecond());
    let monday = plus(today, -i64::from(today.weekday().to_monday_zero_offset()))?;
    Some(Periods {
        now,
        today_start: start(today)?,
        today_end: start(plus(today, 1)?)?,
        week_start: start(monday)?,
        week_end: start(plus(monday, 7)?)?,
    })
}

/// When an open planned post asks for attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Its window is open today, or it ended but may still be published (the grace day).
    Today,
    /// Later this week.
    ThisWeek,
    /// Not this week, or too late.
    NotNow,
}

/// When a planned post whose window is `[starts_at, ends_at)` is due, seen at `p.now`.
pub fn due(starts_at: Millis, ends_at: Millis, p: &Periods) -> Due {
    if ends_at + GRACE < p.now {
        Due::NotNow
    } else if starts_at < p.today_end {
        Due::Today
    } else if starts_at < p.week_end {
        Due::ThisWeek
    } else {
        Due::NotNow
    }
}

/// Whether an item in an ambassador's feed is new to them: it started recently and they
/// have not shared it yet.
pub fn is_new_content(starts_at: Millis, my_shares: i64, now: Millis) -> bool {
    my_shares == 0 && starts_at <= now && now - starts_at < NEW_CONTENT_FOR
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HOUR;
    use jiff::civil::date;

    fn warsaw() -> TimeZone {
        TimeZone::get("Europe/Warsaw").unwrap()
    }

    fn at(y: i16, m: i8, d: i8, h: i8) -> Millis {
        date(y, m, d)
            .at(h, 0, 0, 0)
            .to_zoned(warsaw())
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    #[test]
    fn today_and_this_week_are_civil_days_in_the_persons_zone() {
        // Wednesday 2 December 2026, 10:00 in Warsaw.
        let p = periods(at(2026, 12, 2, 10), &warsaw());
        assert_eq!(p.today_start, at(2026, 12, 2, 0));
        assert_eq!(p.today_end, at(2026, 12, 3, 0));
        assert_eq!(p.week_start, at(2026, 11, 30, 0));
        assert_eq!(p.week_end, at(2026, 12, 7, 0));
        // 23:30 on Sunday is still this week; the week after starts at Monday's midnight.
        let sunday = periods(at(2026, 12, 6, 23) + 30 * crate::MINUTE, &warsaw());
        assert_eq!(sunday.week_start, at(2026, 11, 30, 0));
        assert_eq!(sunday.today_end, sunday.week_end);
    }

    #[test]
    fn a_day_of_the_clock_change_lasts_its_real_length() {
        // Summer time ends on Sunday 25 October 2026 in Warsaw: that day has 25 hours.
        let p = periods(at(2026, 10, 25, 12), &warsaw());
        assert_eq!(p.today_end - p.today_start, 25 * HOUR);
        assert_eq!(p.week_end - p.week_start, 7 * DAY + HOUR);
    }

    #[test]
    fn posts_are_due_today_this_week_or_not_now() {
        let p = periods(at(2026, 12, 2, 10), &warsaw());
        // Open now, later today, and yesterday's that may still be published.
        assert_eq!(due(at(2026, 12, 2, 9), at(2026, 12, 2, 17), &p), Due::Today);
        assert_eq!(due(at(2026, 12, 2, 15), at(2026, 12, 2, 17), &p), Due::Today);
        assert_eq!(due(at(2026, 12, 1, 9), at(2026, 12, 1, 17), &p), Due::Today);
        // Past its grace day: missed, not asked for any more.
        assert_eq!(due(at(2026, 11, 30, 9), at(2026, 11, 30, 17), &p), Due::NotNow);
        assert_eq!(due(at(2026, 12, 4, 9), at(2026, 12, 4, 17), &p), Due::ThisWeek);
        assert_eq!(due(at(2026, 12, 6, 23), at(2026, 12, 7, 1), &p), Due::ThisWeek);
        assert_eq!(due(at(2026, 12, 7, 9), at(2026, 12, 7, 17), &p), Due::NotNow);
    }

    #[test]
    fn content_is_new_for_a_week_until_shared() {
        let now = at(2026, 12, 2, 10);
        assert!(is_new_content(now - DAY, 0, now));
        assert!(!is_new_content(now - DAY, 1, now), "already shared");
        assert!(!is_new_content(now - NEW_CONTENT_FOR, 0, now), "a week old");
        assert!(!is_new_content(now + HOUR, 0, now), "not started");
    }
}
