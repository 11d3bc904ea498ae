//! The publication calendar (C8): how a slot for many people is spread over its window
//! ([`spread`]), when a planned post is done or missed ([`status_at`], [`share_counts`]),
//! and plan realisation ([`Realisation`]).
//!
//! Times are unix milliseconds; days and hours are civil dates and hours in each person's
//! own time zone, which the caller resolves (this module reads no time zone database).

pub mod attention;
pub mod digest;
pub mod feeds;

use crate::{DAY, HOUR, MINUTE, Millis, Network};
use jiff::Timestamp;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use std::collections::{BTreeSet, HashMap};

/// A planned post may still be published for one day after its window ends (PRODUCT.md:
/// "planned posts published by their date (+1 day grace)").
pub const GRACE: Millis = DAY;

/// Working hours of a spread plan, in each person's time zone: from 9:00 to 17:00.
pub const WORK_START_HOUR: i8 = 9;
/// The end of the working hours (exclusive).
pub const WORK_END_HOUR: i8 = 17;

/// By default at most a fifth of the group posts the same item on the same day.
pub const DEFAULT_MAX_DAILY_SHARE: f64 = 0.2;

/// The least time a spread post has before the item expires or the day ends.
pub const MIN_POST_WINDOW: Millis = HOUR;

/// Where a planned post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PostStatus {
    /// Not published yet, and its deadline has not passed.
    Planned,
    /// A confirmed share of the planned item (or an own post, for a free topic) on the
    /// planned network came by the deadline.
    Done,
    /// The deadline passed without one.
    Missed,
    /// The ambassador skipped it, with a reason.
    Skipped,
}

impl PostStatus {
    pub const ALL: [PostStatus; 4] = [
        PostStatus::Planned,
        PostStatus::Done,
        PostStatus::Missed,
        PostStatus::Skipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Planned => "planned",
            PostStatus::Done => "done",
            PostStatus::Missed => "missed",
            PostStatus::Skipped => "skipped",
        }
    }

    pub fn parse(s: &str) -> Option<PostStatus> {
        PostStatus::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }

    /// Done, missed and skipped do not change any more (a skipped post can be taken
    /// back by moving it, which makes it planned again).
    pub fn is_final(self) -> bool {
        self != PostStatus::Planned
    }
}

/// The moment after which a planned post whose window ends at `ends_at` is missed.
pub fn deadline(ends_at: Millis) -> Millis {
    ends_at + GRACE
}

/// The status of a planned post at `now`: `current` as stored, `done` when a share that
/// counts ([`share_counts`]) exists. A final status stays; a planned post becomes done
/// with a share and missed once its deadline passed without one.
pub fn status_at(current: PostStatus, ends_at: Millis, done: bool, now: Millis) -> PostStatus {
    match current {
        PostStatus::Planned if done => PostStatus::Done,
        PostStatus::Planned if now > deadline(ends_at) => PostStatus::Missed,
        other => other,
    }
}

/// What a planned post asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTarget {
    /// The content item, or `None` for a free topic (any own post counts).
    pub content_id: Option<i64>,
    pub network: Network,
    /// When the slot was planned: shares from before do not count for it.
    pub planned_at: Millis,
    pub ends_at: Millis,
}

/// A confirmed share, as the calendar sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareFact {
    /// The shared item, or `None` for an own post.
    pub content_id: Option<i64>,
    pub network: Network,
    pub at: Millis,
}

/// Whether `share` fulfils `target`: the same item (for a free topic, an own post), on the
/// same network, confirmed after the slot was planned and by the deadline.
pub fn share_counts(target: &PlanTarget, share: &ShareFact) -> bool {
    share.network == target.network
        && share.content_id == target.content_id
        && share.at >= target.planned_at
        && share.at <= deadline(target.ends_at)
}

/// Plan realisation over a set of planned posts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Realisation {
    /// Every planned post counted, skipped ones included.
    pub planned: i64,
    pub done: i64,
    pub missed: i64,
    pub skipped: i64,
}

impl Realisation {
    pub fn add(&mut self, status: PostStatus) {
        self.planned += 1;
        match status {
            PostStatus::Done => self.done += 1,
            PostStatus::Missed => self.missed += 1,
            PostStatus::Skipped => self.skipped += 1,
            PostStatus::Planned => {}
        }
    }

    /// Posts whose outcome is known and counts: done or missed (skipped ones are counted
    /// apart; planned ones are not due yet).
    pub fn due(&self) -> i64 {
        self.done + self.missed
    }

    /// Done / due, from 0 to 1; `None` while nothing is due.
    pub fn rate(&self) -> Option<f64> {
        (self.due() > 0).then(|| self.done as f64 / self.due() as f64)
    }

    /// Planned posts that are still open (neither done, missed nor skipped).
    pub fn open(&self) -> i64 {
        self.planned - self.done - self.missed - self.skipped
    }
}

/// Plan realisation of a list of statuses.
pub fn tally(statuses: impl IntoIterator<Item = PostStatus>) -> Realisation {
    let mut r = Realisation::default();
    for s in statuses {
        r.add(s);
    }
    r
}

/// One person of a group to spread a slot over.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub time_zone: TimeZone,
    /// Days (in the person's time zone) that already have a planned post of theirs.
    pub busy: BTreeSet<Date>,
}

/// How to spread a slot: its days, the cap per day, and the limits in time.
#[derive(Debug, Clone)]
pub struct SpreadRule {
    /// The first and last day of the window (inclusive), as civil dates.
    pub first_day: Date,
    pub last_day: Date,
    /// At most this share of the group posts on the same day (at least one person).
    pub max_daily_share: f64,
    /// Nothing is planned to start before this (now, usually).
    pub not_before: Millis,
    /// The item's expiry: nothing is planned to end after it.
    pub not_after: Option<Millis>,
}

/// One person's planned post, as the spreading rule placed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub user_id: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
}

/// The spreading rule's answer: the placed posts, and the people it found no day for
/// (the window is too short for the cap, their days are taken, or the item expires).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spread {
    pub placed: Vec<Placement>,
    pub unplaced: Vec<i64>,
}

/// The most people of a group of `group` that may post on one day.
pub fn daily_cap(group: usize, max_daily_share: f64) -> usize {
    let share = if max_daily_share.is_finite() {
        max_daily_share.clamp(0.0, 1.0)
    } else {
        DEFAULT_MAX_DAILY_SHARE
    };
    ((group as f64 * share).floor() as usize).max(1)
}

/// Monday to Friday.
pub fn is_working_day(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The working days from `first` to `last`, inclusive.
pub fn working_days(first: Date, last: Date) -> Vec<Date> {
    let mut days = Vec::new();
    let mut d = first;
    while d <= last {
        if is_working_day(d) {
            days.push(d);
        }
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    days
}

/// The instant of `hour:minute` on `day` in `tz`, in milliseconds.
fn at(day: Date, hour: i8, minute: i8, tz: &TimeZone) -> Option<Millis> {
    let time = Time::new(hour, minute, 0, 0).ok()?;
    let zoned = day.to_datetime(time).to_zoned(tz.clone()).ok()?;
    Some(zoned.timestamp().as_millisecond())
}

/// The start time of the `k`th post placed on a day that takes `cap` posts: the working
/// hours are cut into `cap` equal parts (at least 30 minutes each), and the `k`th person
/// starts at the beginning of the `k`th part, so that a group's posts do not all appear at
/// the same hour.
fn staggered_start(k: usize, cap: usize) -> (i8, i8) {
    let span = (WORK_END_HOUR - WORK_START_HOUR) as i64 * 60;
    let step = (span / cap.max(1) as i64).max(30);
    let offset = (k as i64 * step) % span;
    (WORK_START_HOUR + (offset / 60) as i8, (offset % 60) as i8)
}

/// Spreads one planned post per person over the working days of the window: each person
/// gets a day spread evenly over the window (the `i`th of `n` people aims at day
/// `i * days / n`, and takes the nearest later day, then the nearest earlier one, that
/// fits), a start within the working hours of their own time zone staggered by how many
/// already post that day, and a window to the end of the working day. A day fits when it
/// is not one of the person's busy days, has fewer than [`daily_cap`] posts, and leaves at
/// least [`MIN_POST_WINDOW`] between `not_before` and the end of the day or the item's
/// expiry. People with no fitting day are returned in `unplaced`. Deterministic: the same
/// input gives the same plan.
pub fn spread(people: &[Person], rule: &SpreadRule) -> Spread {
    let days = working_days(rule.first_day, rule.last_day);
    let mut out = Spread::default();
    if days.is_empty() {
        out.unplaced = people.iter().map(|p| p.id).collect();
        return out;
    }
    let cap = daily_cap(people.len(), rule.max_daily_share);
    let mut taken: HashMap<Date, usize> = HashMap::new();
    for (i, person) in people.iter().enumerate() {
        let aim = i * days.len() / people.len().max(1);
        let order = (aim..days.len()).chain((0..aim).rev());
        let placed = order.map(|d| days[d]).find_map(|day| {
            let k = *taken.get(&day).unwrap_or(&0);
            if k >= cap || person.busy.contains(&day) {
                return None;
            }
            let placement = place(person, day, k, cap, rule)?;
            Some((day, placement))
        });
        match placed {
            Some((day, placement)) => {
                *taken.entry(day).or_default() += 1;
                out.placed.push(placement);
            }
            None => out.unplaced.push(person.id),
        }
    }
    out
}

/// The `k`th post of a day for a person, if it fits between `not_before`, the end of the
/// working day and the item's expiry.
fn place(person: &Person, day: Date, k: usize, cap: usize, rule: &SpreadRule) -> Option<Placement> {
    let (hour, minute) = staggered_start(k, cap);
    // On the minute, for calendars and people alike.
    let not_before = (rule.not_before + MINUTE - 1).div_euclid(MINUTE) * MINUTE;
    let start = at(day, hour, minute, &person.time_zone)?.max(not_before);
    let day_end = at(day, WORK_END_HOUR, 0, &person.time_zone)?;
    let end = rule.not_after.map_or(day_end, |x| x.min(day_end));
    (end - start >= MIN_POST_WINDOW).then_some(Placement {
        user_id: person.id,
        starts_at: start,
        ends_at: end,
    })
}

/// The civil date of an instant in a time zone.
pub fn date_in(millis: Millis, tz: &TimeZone) -> Option<Date> {
    Some(Timestamp::from_millisecond(millis).ok()?.to_zoned(tz.clone()).date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn warsaw() -> TimeZone {
        TimeZone::get("Europe/Warsaw").unwrap()
    }

    fn people(n: usize) -> Vec<Person> {
        (1..=n as i64)
            .map(|id| Person {
                id,
                time_zone: warsaw(),
                busy: BTreeSet::new(),
            })
            .collect()
    }

    fn rule(first: Date, last: Date) -> SpreadRule {
        SpreadRule {
            first_day: first,
            last_day: last,
            max_daily_share: 0.2,
            not_before: 0,
            not_after: None,
        }
    }

    fn local(ms: Millis, tz: &TimeZone) -> jiff::civil::DateTime {
        Timestamp::from_millisecond(ms).unwrap().to_zoned(tz.clone()).datetime()
    }

    #[test]
    fn ten_people_over_two_weeks_post_on_working_days_within_hours_at_most_two_a_day() {
        // Monday 7 December to Friday 18 December 2026: ten working days.
        let s = spread(&people(10), &rule(date(2026, 12, 7), date(2026, 12, 18)));
        assert_eq!(s.unplaced, Vec::<i64>::new());
        assert_eq!(s.placed.len(), 10);
        let mut per_day: HashMap<Date, usize> = HashMap::new();
        for p in &s.placed {
            let start = local(p.starts_at, &warsaw());
            let end = local(p.ends_at, &warsaw());
            assert!(is_working_day(start.date()), "{start}");
            assert!(
                start.hour() >= WORK_START_HOUR && start.hour() < WORK_END_HOUR,
                "{start}"
            );
            assert_eq!(end.date(), start.date());
            assert_eq!((end.hour(), end.minute()), (WORK_END_HOUR, 0));
            *per_day.entry(start.date()).or_default() += 1;
        }
        // A fifth of ten is two; here the ten spread one a day over the ten days.
        assert!(per_day.values().all(|&n| n <= 2), "{per_day:?}");
        assert_eq!(per_day.len(), 10, "evenly over the window");
    }

    #[test]
    fn the_cap_per_day_leaves_people_unplaced_when_the_window_is_too_short() {
        // One working day (Friday), ten people, at most two a day.
        let s = spread(&people(10), &rule(date(2026, 12, 4), date(2026, 12, 6)));
        assert_eq!(s.placed.len(), 2);
        assert_eq!(s.unplaced, vec![3, 4, 5, 6, 7, 8, 9, 10]);
        // Two on the same day start at different hours.
        assert_ne!(s.placed[0].starts_at, s.placed[1].starts_at);
    }

    #[test]
    fn weekends_are_skipped_and_a_weekend_window_places_nobody() {
        let s = spread(&people(3), &rule(date(2026, 12, 5), date(2026, 12, 6)));
        assert!(s.placed.is_empty());
        assert_eq!(s.unplaced, vec![1, 2, 3]);
    }

    #[test]
    fn a_busy_day_moves_the_person_to_another_day() {
        let mut group = people(1);
        group[0].busy.insert(date(2026, 12, 7));
        let s = spread(&group, &rule(date(2026, 12, 7), date(2026, 12, 8)));
        assert_eq!(local(s.placed[0].starts_at, &warsaw()).date(), date(2026, 12, 8));
    }

    #[test]
    fn nothing_is_planned_after_the_item_expires() {
        let tz = warsaw();
        // Expires on Tuesday 8 December at 12:00: only Monday and Tuesday morning remain.
        let expiry = at(date(2026, 12, 8), 12, 0, &tz).unwrap();
        let mut r = rule(date(2026, 12, 7), date(2026, 12, 11));
        r.not_after = Some(expiry);
        r.max_daily_share = 1.0;
        let s = spread(&people(5), &r);
        assert!(!s.placed.is_empty());
        for p in &s.placed {
            assert!(p.ends_at <= expiry);
            assert!(p.ends_at - p.starts_at >= MIN_POST_WINDOW);
        }
        assert!(
            s.placed
                .iter()
                .all(|p| local(p.starts_at, &tz).date() <= date(2026, 12, 8))
        );
    }

    #[test]
    fn hours_are_each_persons_own_time_zone() {
        let mut group = people(1);
        group[0].time_zone = TimeZone::get("America/New_York").unwrap();
        let s = spread(&group, &rule(date(2026, 12, 7), date(2026, 12, 7)));
        let start = local(s.placed[0].starts_at, &group[0].time_zone);
        assert_eq!((start.date(), start.hour()), (date(2026, 12, 7), WORK_START_HOUR));
    }

    #[test]
    fn not_before_now_and_the_same_input_gives_the_same_plan() {
        let tz = warsaw();
        let mut r = rule(date(2026, 12, 7), date(2026, 12, 7));
        r.not_before = at(date(2026, 12, 7), 16, 30, &tz).unwrap();
        // Half an hour left of the working day: less than the least window.
        assert_eq!(spread(&people(1), &r).unplaced, vec![1]);
        let r = rule(date(2026, 12, 7), date(2026, 12, 18));
        assert_eq!(spread(&people(7), &r), spread(&people(7), &r));
    }

    #[test]
    fn daily_cap_is_a_share_of_the_group_and_at_least_one() {
        assert_eq!(daily_cap(10, 0.2), 2);
        assert_eq!(daily_cap(3, 0.2), 1);
        assert_eq!(daily_cap(40, 0.25), 10);
        assert_eq!(daily_cap(5, f64::NAN), 1);
        assert_eq!(daily_cap(5, 2.0), 5);
    }

    #[test]
    fn a_planned_post_is_done_with_a_share_and_missed_a_day_after_its_window() {
        let end = 10 * DAY;
        assert_eq!(status_at(PostStatus::Planned, end, false, end), PostStatus::Planned);
        assert_eq!(
            status_at(PostStatus::Planned, end, false, end + GRACE),
            PostStatus::Planned
        );
        assert_eq!(
            status_at(PostStatus::Planned, end, false, end + GRACE + 1),
            PostStatus::Missed
        );
        assert_eq!(
            status_at(PostStatus::Planned, end, true, end + 5 * DAY),
            PostStatus::Done
        );
        assert_eq!(status_at(PostStatus::Skipped, end, true, end), PostStatus::Skipped);
        assert_eq!(status_at(PostStatus::Missed, end, true, end), PostStatus::Missed);
    }

    #[test]
    fn a_share_counts_for_the_same_item_and_network_within_the_time() {
        let target = PlanTarget {
            content_id: Some(7),
            network: Network::Linkedin,
            planned_at: 1_000,
            ends_at: 5 * DAY,
        };
        let share = ShareFact {
            content_id: Some(7),
            network: Network::Linkedin,
            at: 2 * DAY,
        };
        assert!(share_counts(&target, &share));
        assert!(share_counts(
            &target,
            &ShareFact {
                at: 6 * DAY,
                ..share.clone()
            }
        ));
        assert!(!share_counts(
            &target,
            &ShareFact {
                at: 6 * DAY + 1,
                ..share.clone()
            }
        ));
        assert!(!share_counts(
            &target,
            &ShareFact {
                at: 999,
                ..share.clone()
            }
        ));
        assert!(!share_counts(
            &target,
            &ShareFact {
                network: Network::X,
                ..share.clone()
            }
        ));
        assert!(!share_counts(
            &target,
            &ShareFact {
                content_id: Some(8),
                ..share.clone()
            }
        ));
        assert!(!share_counts(
            &target,
            &ShareFact {
                content_id: None,
                ..share.clone()
            }
        ));
        let topic = PlanTarget {
            content_id: None,
            ..target
        };
        assert!(share_counts(
            &topic,
            &ShareFact {
                content_id: None,
                ..share
            }
        ));
    }

    #[test]
    fn realisation_is_done_over_due_with_skipped_apart() {
        use PostStatus::*;
        let r = tally([Done, Done, Done, Missed, Skipped, Planned]);
        assert_eq!((r.planned, r.done, r.missed, r.skipped, r.open()), (6, 3, 1, 1, 1));
        assert_eq!(r.rate(), Some(0.75));
        assert_eq!(tally([Planned, Skipped]).rate(), None);
        assert_eq!(PostStatus::parse(" done"), Some(Done));
        assert_eq!(PostStatus::parse("late"), None);
    }

    #[test]
    fn working_days_skip_weekends() {
        let d = working_days(date(2026, 11, 27), date(2026, 12, 1));
        assert_eq!(d, vec![date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)]);
    }
}
