//! Email digests (C8): a person's digest schedule ([`DigestSchedule`]: daily, weekly or
//! off, an hour and weekdays in their own time zone), whether a digest is due at a
//! moment and for which period ([`due_period`]), what counts as new since the last one
//! ([`new_content_since`]), and the signed unsubscribe token ([`unsubscribe_token`]).
//!
//! The caller resolves the person's time zone; this module reads no time zone database
//! and sends nothing.

use crate::{DAY, Millis, signed};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

/// Items of the feed that expire within this time are listed as "about to expire".
pub const EXPIRING_WITHIN: Millis = 2 * DAY;

/// New content is looked for at most this far back (a digest turned on again after
/// months does not list the whole library).
pub const MAX_LOOKBACK: Millis = 14 * DAY;

/// The default hour: 9:00 in the person's time zone (PRODUCT.md, C8).
pub const DEFAULT_HOUR: i8 = 9;

/// How often a person gets a digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Daily,
    Weekly,
    Off,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Frequency::Daily, Frequency::Weekly, Frequency::Off];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }

    /// The length of one period (how far back a first digest looks for new content).
    pub fn period_length(self) -> Millis {
        match self {
            Frequency::Weekly => 7 * DAY,
            _ => DAY,
        }
    }
}

/// A set of weekdays: bit 0 is Monday, bit 6 Sunday (as `digest_settings.weekdays`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

/// Monday to Sunday, in the order of the bits.
pub const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

impl Weekdays {
    /// Monday to Friday.
    pub const WORKING: Weekdays = Weekdays(0b001_1111);
    pub const NONE: Weekdays = Weekdays(0);

    fn bit(day: Weekday) -> u8 {
        1 << (day.to_monday_zero_offset() as u8)
    }

    /// From the stored bits; bits past Sunday are dropped.
    pub fn from_bits(bits: i64) -> Weekdays {
        Weekdays((bits & 0x7f) as u8)
    }

    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }

    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> Weekdays {
        Weekdays(days.into_iter().fold(0, |acc, d| acc | Weekdays::bit(d)))
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & Weekdays::bit(day) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The chosen days, Monday first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |d| self.contains(*d))
    }

    /// The first chosen day of the week (Monday first): the day of a weekly digest.
    pub fn first(self) -> Option<Weekday> {
        self.days().next()
    }
}

/// The stable name of a weekday in forms and catalog keys (`mon` .. `sun`).
pub fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "mon",
        Weekday::Tuesday => "tue",
        Weekday::Wednesday => "wed",
        Weekday::Thursday => "thu",
        Weekday::Friday => "fri",
        Weekday::Saturday => "sat",
        Weekday::Sunday => "sun",
    }
}

/// The weekday of a code made by [`weekday_code`].
pub fn parse_weekday(code: &str) -> Option<Weekday> {
    WEEK.into_iter().find(|d| weekday_code(*d) == code.trim())
}

/// When a person gets their digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestSchedule {
    pub frequency: Frequency,
    /// 0..=23, in the person's time zone.
    pub hour: i8,
    /// The days of a daily digest; a weekly one comes on the first of them.
    pub weekdays: Weekdays,
}

/// The default for a person who never chose: daily on working days at 9:00.
impl Default for DigestSchedule {
    fn default() -> Self {
        DigestSchedule {
            frequency: Frequency::Daily,
            hour: DEFAULT_HOUR,
            weekdays: Weekdays::WORKING,
        }
    }
}

/// What is wrong with a schedule as typed: the form field and the catalog key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleError {
    pub field: &'static str,
    pub key: &'static str,
}

impl DigestSchedule {
    /// From stored values; anything unreadable falls back to the default's part.
    pub fn from_stored(frequency: &str, hour: i64, weekdays: i64) -> DigestSchedule {
        let d = DigestSchedule::default();
        DigestSchedule {
            frequency: Frequency::parse(frequency).unwrap_or(d.frequency),
            hour: i8::try_from(hour)
                .ok()
                .filter(|h| (0..=23).contains(h))
                .unwrap_or(d.hour),
            weekdays: Weekdays::from_bits(weekdays),
        }
    }

    /// Parses the form: a frequency, an hour from 0 to 23, and weekday codes (at least
    /// one unless the digest is off). Every problem is returned, each on its field.
    pub fn parse(frequency: &str, hour: &str, days: &[String]) -> Result<DigestSchedule, Vec<ScheduleError>> {
        let mut errors = Vec::new();
        let frequency = Frequency::parse(frequency);
        if frequency.is_none() {
            errors.push(ScheduleError {
                field: "frequency",
                key: "error-digest-frequency",
            });
        }
        let hour = hour.trim().parse::<i8>().ok().filter(|h| (0..=23).contains(h));
        if hour.is_none() {
            errors.push(ScheduleError {
                field: "hour",
                key: "error-digest-hour",
            });
        }
        let parsed: Option<Vec<Weekday>> = days.iter().map(|d| parse_weekday(d)).collect();
        let weekdays = parsed.map(Weekdays::from_days);
        match weekdays {
            None => errors.push(ScheduleError {
                field: "weekdays",
                key: "error-digest-weekdays",
            }),
            Some(w) if w.is_empty() && frequency != Some(Frequency::Off) => errors.push(ScheduleError {
                field: "weekdays",
                key: "error-digest-weekdays",
            }),
            Some(_) => {}
        }
        match (frequency, hour, weekdays) {
            (Some(frequency), Some(hour), Some(weekdays)) if errors.is_empty() => Ok(DigestSchedule {
                frequency,
                hour,
                weekdays,
            }),
            _ => Err(errors),
        }
    }
}

/// The period a digest covers, claimed once per person: a local day (`2026-11-30`) for a
/// daily digest, an ISO week (`2026-W49`) for a weekly one, with its bounds as instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub key: String,
    /// The first instant of the period in the person's time zone.
    pub starts_at: Millis,
    /// The first instant after it.
    pub ends_at: Millis,
}

/// The first instant of `date` in `tz` (a day that starts inside a DST gap starts when
/// the gap ends).
fn day_start(date: Date, tz: &TimeZone) -> Option<Millis> {
    let z = date.to_zoned(tz.clone()).ok()?.start_of_day().ok()?;
    Some(z.timestamp().as_millisecond())
}

/// Whether a digest is due at `now` for a person with `schedule` in time zone `tz`, and
/// for which period.
///
/// A daily digest is due on each chosen weekday once the local clock has reached the
/// hour; a weekly one on the first chosen weekday of the week. Due means "from the hour
/// until the end of that day": a server that was down at the hour still sends later the
/// same day, but not the next. The hour is compared with the local clock, so it is met
/// once on days when clocks change: a 2:00 digest on the spring-forward day (when 2:00
/// never happens) comes at 3:00, and the repeated hour in autumn cannot send twice
/// because the period is the day.
pub fn due_period(schedule: &DigestSchedule, now: Millis, tz: &TimeZone) -> Option<Period> {
    let local = Timestamp::from_millisecond(now).ok()?.to_zoned(tz.clone());
    let date = local.date();
    let today = date.weekday();
    let day_is_chosen = match schedule.frequency {
        Frequency::Off => false,
        Frequency::Daily => schedule.weekdays.contains(today),
        Frequency::Weekly => schedule.weekdays.first() == Some(today),
    };
    if !day_is_chosen || local.hour() < schedule.hour {
        return None;
    }
    match schedule.frequency {
        Frequency::Daily => Some(Period {
            key: date.to_string(),
            starts_at: day_start(date, tz)?,
            ends_at: day_start(date.tomorrow().ok()?, tz)?,
        }),
        Frequency::Weekly => {
            let week = date.iso_week_date();
            let monday = date
                .checked_sub(jiff::Span::new().days(i64::from(today.to_monday_zero_offset())))
                .ok()?;
            let next_monday = monday.checked_add(jiff::Span::new().days(7)).ok()?;
            Some(Period {
                key: format!("{:04}-W{:02}", week.year(), week.week()),
                starts_at: day_start(monday, tz)?,
                ends_at: day_start(next_monday, tz)?,
            })
        }
        Frequency::Off => None,
    }
}

/// From when content counts as new in a digest sent at `now`: since the last digest
/// claimed (at most [`MAX_LOOKBACK`] back), or one period back for a first digest.
pub fn new_content_since(frequency: Frequency, last_digest_at: Option<Millis>, now: Millis) -> Millis {
    match last_digest_at {
        Some(at) => at.max(now - MAX_LOOKBACK),
        None => now - frequency.period_length(),
    }
}

fn unsubscribe_message(user_id: i64) -> String {
    format!("unsubscribe:{user_id}")
}

/// The token of a person's unsubscribe link: `{user_id}.{tag}`, signed with `key`.
pub fn unsubscribe_token(key: &[u8], user_id: i64) -> String {
    format!("{user_id}.{}", signed::tag(key, &unsubscribe_message(user_id)))
}

/// The person an unsubscribe token made with `key` is for; `None` for anything else.
pub fn unsubscribe_user(key: &[u8], token: &str) -> Option<i64> {
    let (id, tag) = token.split_once('.')?;
    // Only the canonical form of the id (no sign, no leading zeros) was ever signed.
    let user_id: i64 = id.parse().ok().filter(|n: &i64| *n > 0 && n.to_string() == id)?;
    signed::verify(key, &unsubscribe_message(user_id), tag).then_some(user_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HOUR, MINUTE};

    fn warsaw() -> TimeZone {
        TimeZone::get("Europe/Warsaw").unwrap()
    }

    /// An instant from a local date and time in `tz`.
    fn at(tz: &TimeZone, y: i16, m: i8, d: i8, h: i8, min: i8) -> Millis {
        jiff::civil::date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    fn days(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_default_is_daily_on_working_days_at_nine() {
        let d = DigestSchedule::default();
        let tz = warsaw();
        // Monday 30 November 2026.
        assert_eq!(
            due_period(&d, at(&tz, 2026, 11, 30, 8, 59), &tz),
            None,
            "before the hour"
        );
        let p = due_period(&d, at(&tz, 2026, 11, 30, 9, 0), &tz).expect("due at 9:00");
        assert_eq!(p.key, "2026-11-30");
        assert_eq!(p.starts_at, at(&tz, 2026, 11, 30, 0, 0));
        assert_eq!(p.ends_at, at(&tz, 2026, 12, 1, 0, 0));
        assert_eq!(
            due_period(&d, at(&tz, 2026, 11, 30, 23, 59), &tz).map(|p| p.key),
            Some("2026-11-30".into()),
            "still due later that day"
        );
        // Saturday and Sunday are not working days.
        assert_eq!(due_period(&d, at(&tz, 2026, 12, 5, 10, 0), &tz), None);
        assert_eq!(due_period(&d, at(&tz, 2026, 12, 6, 10, 0), &tz), None);
    }

    #[test]
    fn the_hour_is_the_persons_own() {
        let d = DigestSchedule::default();
        let ny = TimeZone::get("America/New_York").unwrap();
        // 9:00 in Warsaw (8:00 UTC) is 3:00 in New York: not yet.
        let warsaw_nine = at(&warsaw(), 2026, 11, 30, 9, 0);
        assert_eq!(due_period(&d, warsaw_nine, &ny), None);
        let p = due_period(&d, at(&ny, 2026, 11, 30, 9, 0), &ny).unwrap();
        assert_eq!(p.key, "2026-11-30");
        assert_eq!(p.starts_at, at(&ny, 2026, 11, 30, 0, 0));
        // Late on Monday evening in New York it is already Tuesday in UTC; the period is
        // still the New Yorker's Monday (and for someone in UTC, 3:00 on Tuesday is early).
        let late = at(&ny, 2026, 11, 30, 22, 0);
        assert_eq!(due_period(&d, late, &ny).unwrap().key, "2026-11-30");
        assert_eq!(due_period(&d, late, &TimeZone::UTC), None);
        assert_eq!(
            due_period(&d, late + 6 * HOUR, &TimeZone::UTC).unwrap().key,
            "2026-12-01"
        );
    }

    #[test]
    fn weekly_digests_come_on_the_first_chosen_day_of_each_iso_week() {
        let tz = warsaw();
        let s = DigestSchedule {
            frequency: Frequency::Weekly,
            hour: 7,
            weekdays: Weekdays::from_days([Weekday::Wednesday, Weekday::Friday]),
        };
        // Wednesday 2 December 2026 is in ISO week 49.
        assert_eq!(due_period(&s, at(&tz, 2026, 12, 2, 6, 59), &tz), None);
        let p = due_period(&s, at(&tz, 2026, 12, 2, 7, 0), &tz).unwrap();
        assert_eq!(p.key, "2026-W49");
        assert_eq!(p.starts_at, at(&tz, 2026, 11, 30, 0, 0), "the week starts on Monday");
        assert_eq!(p.ends_at, at(&tz, 2026, 12, 7, 0, 0));
        assert_eq!(due_period(&s, at(&tz, 2026, 12, 4, 9, 0), &tz), None, "not on Friday");
        assert_eq!(due_period(&s, at(&tz, 2026, 11, 30, 9, 0), &tz), None, "not on Monday");
        // The ISO week-year: Wednesday 30 December 2026 is in 2026-W53, and Monday 3
        // January 2028 starts 2028-W01 while 1 January 2028 belongs to 2027-W52.
        assert_eq!(
            due_period(&s, at(&tz, 2026, 12, 30, 8, 0), &tz).unwrap().key,
            "2026-W53"
        );
        let sat = DigestSchedule {
            weekdays: Weekdays::from_days([Weekday::Saturday]),
            ..s
        };
        assert_eq!(
            due_period(&sat, at(&tz, 2028, 1, 1, 8, 0), &tz).unwrap().key,
            "2027-W52"
        );
    }

    #[test]
    fn off_and_no_days_never_send() {
        let tz = warsaw();
        let off = DigestSchedule {
            frequency: Frequency::Off,
            ..DigestSchedule::default()
        };
        let none = DigestSchedule {
            weekdays: Weekdays::NONE,
            ..DigestSchedule::default()
        };
        let weekly_none = DigestSchedule {
            frequency: Frequency::Weekly,
            ..none
        };
        for s in [off, none, weekly_none] {
            assert_eq!(due_period(&s, at(&tz, 2026, 11, 30, 12, 0), &tz), None, "{s:?}");
        }
    }

    #[test]
    fn daylight_saving_days_send_once_at_the_right_local_hour() {
        let tz = warsaw();
        let two = DigestSchedule {
            frequency: Frequency::Daily,
            hour: 2,
            weekdays: Weekdays::from_days(WEEK),
        };
        // Sunday 28 March 2027: clocks jump from 2:00 to 3:00, so 2:00 never happens; the
        // digest comes at the first instant after, 3:00 CEST = 1:00 UTC.
        let before = at(&tz, 2027, 3, 28, 1, 59);
        assert_eq!(due_period(&two, before, &tz), None);
        let p = due_period(&two, before + MINUTE, &tz).expect("due once the clock passed 2:00");
        assert_eq!(p.key, "2027-03-28");
        assert_eq!(
            before + MINUTE,
            jiff::Timestamp::from_second(1_806_195_600).unwrap().as_millisecond()
        );
        // The day is 23 hours long.
        assert_eq!(p.ends_at - p.starts_at, 23 * HOUR);
        // Sunday 31 October 2027: 2:00-3:00 happens twice; both are the same period, so
        // the claim of the first makes the second send nothing.
        let first_two = at(&tz, 2027, 10, 31, 2, 0);
        let p1 = due_period(&two, first_two, &tz).unwrap();
        let p2 = due_period(&two, first_two + HOUR, &tz).unwrap();
        assert_eq!(p1, p2);
        assert_eq!(p1.ends_at - p1.starts_at, 25 * HOUR);
        // A 9:00 digest is at 8:00 UTC in winter and 7:00 UTC in summer.
        let nine = DigestSchedule::default();
        let winter = jiff::civil::date(2027, 3, 26)
            .at(8, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap();
        let summer = jiff::civil::date(2027, 3, 29)
            .at(7, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap();
        for z in [winter, summer] {
            let t = z.timestamp().as_millisecond();
            assert!(due_period(&nine, t, &tz).is_some(), "{z}");
            assert!(due_period(&nine, t - MINUTE, &tz).is_none(), "{z}");
        }
    }

    #[test]
    fn new_content_is_counted_from_the_last_digest() {
        let now = 100 * DAY;
        assert_eq!(new_content_since(Frequency::Daily, None, now), now - DAY);
        assert_eq!(new_content_since(Frequency::Weekly, None, now), now - 7 * DAY);
        assert_eq!(
            new_content_since(Frequency::Daily, Some(now - 3 * DAY), now),
            now - 3 * DAY
        );
        assert_eq!(
            new_content_since(Frequency::Daily, Some(now - 90 * DAY), now),
            now - MAX_LOOKBACK
        );
    }

    #[test]
    fn forms_parse_into_schedules_or_name_the_wrong_fields() {
        let s = DigestSchedule::parse("weekly", " 7 ", &days(&["fri", "mon"])).unwrap();
        assert_eq!(s.frequency, Frequency::Weekly);
        assert_eq!(s.hour, 7);
        assert_eq!(s.weekdays.first(), Some(Weekday::Monday));
        assert_eq!(s.weekdays.bits(), 0b1_0001);
        let off = DigestSchedule::parse("off", "9", &[]).unwrap();
        assert_eq!(off.frequency, Frequency::Off);
        let fields = |r: Result<DigestSchedule, Vec<ScheduleError>>| {
            r.unwrap_err().into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(DigestSchedule::parse("daily", "24", &days(&["mon"]))), ["hour"]);
        assert_eq!(fields(DigestSchedule::parse("daily", "-1", &days(&["mon"]))), ["hour"]);
        assert_eq!(
            fields(DigestSchedule::parse("daily", "nine", &days(&["mon"]))),
            ["hour"]
        );
        assert_eq!(fields(DigestSchedule::parse("daily", "9", &[])), ["weekdays"]);
        assert_eq!(
            fields(DigestSchedule::parse("daily", "9", &days(&["xyz"]))),
            ["weekdays"]
        );
        assert_eq!(
            fields(DigestSchedule::parse("hourly", "", &[])),
            ["frequency", "hour", "weekdays"]
        );
    }

    #[test]
    fn stored_values_read_back_and_bad_ones_fall_back() {
        let s = DigestSchedule::from_stored("weekly", 18, 0b100_0000);
        assert_eq!(s.weekdays.days().collect::<Vec<_>>(), [Weekday::Sunday]);
        assert_eq!(s.hour, 18);
        let bad = DigestSchedule::from_stored("sometimes", 99, 0xff);
        assert_eq!(bad.frequency, Frequency::Daily);
        assert_eq!(bad.hour, DEFAULT_HOUR);
        assert_eq!(bad.weekdays.bits(), 0x7f);
    }

    #[test]
    fn unsubscribe_tokens_name_their_person_and_refuse_tampering() {
        let key = b"digest key";
        let t = unsubscribe_token(key, 42);
        assert!(t.starts_with("42."));
        assert_eq!(unsubscribe_user(key, &t), Some(42));
        assert_eq!(unsubscribe_user(b"another key", &t), None);
        let other = t.replacen("42.", "43.", 1);
        assert_eq!(unsubscribe_user(key, &other), None, "another person's id");
        assert_eq!(unsubscribe_user(key, &t.replacen("42.", "042.", 1)), None);
        assert_eq!(unsubscribe_user(key, &t.replacen("42.", "+42.", 1)), None);
        assert_eq!(unsubscribe_user(key, "42"), None);
        assert_eq!(unsubscribe_user(key, ""), None);
        assert_eq!(unsubscribe_user(key, &t[..t.len() - 1]), None);
    }
}
