//! Leaderboards (C10): what a board ranks (points, shares or human clicks), over which
//! period (a calendar month or quarter in the viewer's time zone, the last 30 days, or a
//! challenge's window), and how places are given.
//!
//! Places use competition ranking: equal values share a place and the next value takes
//! the place after all of them ("1, 1, 3"). Within a place, entries are listed by key
//! (the person's or team's id), never by name, so that a hidden name cannot be guessed
//! from its position. Teams are compared by their average per active ambassador (a
//! member with at least one share in the period), so that a small team is not outranked
//! by a large one merely for its size.
//!
//! Boards are computed per period from the ledger, shares and clicks; nothing is reset,
//! so the board of any past month or quarter can be viewed again.

use crate::{DAY, Millis};
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

/// How many entries a board shows before the viewer's own row.
pub const TOP: usize = 20;

/// What a board ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Ledger rows of the program in the period, corrections included.
    Points,
    /// Confirmed shares in the program.
    Shares,
    /// Human clicks on the person's tracked links of the program as click points count
    /// them: a visitor once per link and UTC day, at most
    /// [`crate::rewards::points::CLICKS_DAILY_CAP`] per link and day (bots never count).
    Clicks,
}

impl Metric {
    pub const ALL: [Metric; 3] = [Metric::Points, Metric::Shares, Metric::Clicks];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Points => "points",
            Metric::Shares => "shares",
            Metric::Clicks => "clicks",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// Whom a board ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Person,
    Team,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Person => "person",
            Group::Team => "team",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        [Group::Person, Group::Team]
            .into_iter()
            .find(|g| g.as_str() == s.trim())
    }
}

/// The period a board covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A calendar month, in the viewer's time zone.
    Month { year: i16, month: i8 },
    /// A calendar quarter (1 to 4), in the viewer's time zone.
    Quarter { year: i16, quarter: i8 },
    /// The 30 days before now.
    Rolling30,
    /// A challenge's window, `[from, to)`.
    Window { from: Millis, to: Millis },
}

impl Period {
    /// The month of `today`.
    pub fn month_of(today: Date) -> Period {
        Period::Month {
            year: today.year(),
            month: today.month(),
        }
    }

    /// The quarter of `today`.
    pub fn quarter_of(today: Date) -> Period {
        Period::Quarter {
            year: today.year(),
            quarter: (today.month() - 1) / 3 + 1,
        }
    }

    /// A month written `2026-05`.
    pub fn parse_month(s: &str) -> Option<Period> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse::<i16>().ok()?, m.parse::<i8>().ok()?);
        ((2000..=2100).contains(&year) && (1..=12).contains(&month) && m.len() == 2)
            .then_some(Period::Month { year, month })
    }

    /// A quarter written `2026-Q2`.
    pub fn parse_quarter(s: &str) -> Option<Period> {
        let (y, q) = s.trim().split_once("-Q")?;
        let (year, quarter) = (y.parse::<i16>().ok()?, q.parse::<i8>().ok()?);
        ((2000..=2100).contains(&year) && (1..=4).contains(&quarter)).then_some(Period::Quarter { year, quarter })
    }

    /// The period's name in queries: `month`, `quarter`, `rolling30` or `challenge`.
    pub fn kind(&self) -> &'static str {
        match self {
            Period::Month { .. } => "month",
            Period::Quarter { .. } => "quarter",
            Period::Rolling30 => "rolling30",
            Period::Window { .. } => "challenge",
        }
    }

    /// The month or quarter as written in queries (`2026-05`, `2026-Q2`); empty otherwise.
    pub fn code(&self) -> String {
        match self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Rolling30 | Period::Window { .. } => String::new(),
        }
    }

    /// The instants the period covers, `[from, to)`: civil periods start at midnight in
    /// `tz` (daylight saving time included); the rolling period ends at `now`.
    pub fn bounds(&self, now: Millis, tz: &TimeZone) -> (Millis, Millis) {
        let start = |d: Date| {
            d.to_zoned(tz.clone())
                .map(|z| z.timestamp().as_millisecond())
                .unwrap_or(0)
        };
        match *self {
            Period::Month { year, month } => {
                let first = date(year, month, 1);
                let next = if month == 12 {
                    date(year + 1, 1, 1)
                } else {
                    date(year, month + 1, 1)
                };
                (start(first), start(next))
            }
            Period::Quarter { year, quarter } => {
                let first = date(year, (quarter - 1) * 3 + 1, 1);
                let next = if quarter == 4 {
                    date(year + 1, 1, 1)
                } else {
                    date(year, quarter * 3 + 1, 1)
                };
                (start(first), start(next))
            }
            Period::Rolling30 => (now - 30 * DAY, now),
            Period::Window { from, to } => (from, to),
        }
    }
}

/// The last `n` months up to the one of `today`, newest first (for choosing history).
pub fn recent_months(today: Date, n: usize) -> Vec<Period> {
    let (mut year, mut month) = (today.year(), today.month());
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(Period::Month { year, month });
        if month == 1 {
            (year, month) = (year - 1, 12);
        } else {
            month -= 1;
        }
    }
    out
}

/// The last `n` quarters up to the one of `today`, newest first.
pub fn recent_quarters(today: Date, n: usize) -> Vec<Period> {
    let (mut year, mut quarter) = (today.year(), (today.month() - 1) / 3 + 1);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(Period::Quarter { year, quarter });
        if quarter == 1 {
            (year, quarter) = (year - 1, 4);
        } else {
            quarter -= 1;
        }
    }
    out
}

/// An entry with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<K> {
    pub rank: i64,
    pub key: K,
    pub value: i64,
}

/// Ranks entries by value, highest first, with competition ranking: equal values share
/// a place, and the next value's place counts everyone above it ("1, 1, 3"). Entries
/// with equal values are listed by key.
pub fn rank<K: Ord>(entries: Vec<(K, i64)>) -> Vec<Ranked<K>> {
    let mut entries = entries;
    entries.sort_by(|(ka, va), (kb, vb)| vb.cmp(va).then_with(|| ka.cmp(kb)));
    let mut out: Vec<Ranked<K>> = Vec::with_capacity(entries.len());
    for (i, (key, value)) in entries.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.value == value => prev.rank,
            _ => i as i64 + 1,
        };
        out.push(Ranked { rank, key, value });
    }
    out
}

/// Where one entry stands: its place, its value, and how much it lacks to reach the next
/// place up (to equal the nearest higher value, which shares that place); `None` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub rank: i64,
    pub value: i64,
    pub to_next: Option<i64>,
}

/// The standing of `key` on a ranked board, if it is on it.
pub fn standing<K: PartialEq>(ranked: &[Ranked<K>], key: &K) -> Option<Standing> {
    let i = ranked.iter().position(|r| &r.key == key)?;
    let me = &ranked[i];
    let above = ranked[..i].iter().rev().find(|r| r.value > me.value);
    Some(Standing {
        rank: me.rank,
        value: me.value,
        to_next: above.map(|r| r.value - me.value),
    })
}

/// The entries a board shows: the first `top`, and the viewer's own (`is_mine`) after
/// them when it is further down.
pub fn shown<T>(ranked: &[T], top: usize, is_mine: impl Fn(&T) -> bool) -> Vec<&T> {
    let mut out: Vec<&T> = ranked.iter().take(top).collect();
    out.extend(ranked.iter().skip(top).filter(|r| is_mine(r)).take(1));
    out
}

/// One person's numbers on a team board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonValue {
    pub user_id: i64,
    pub value: i64,
    /// At least one share in the period.
    pub active: bool,
}

/// A team's numbers in a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeamTally {
    /// The sum of its members' values.
    pub total: i64,
    /// Its members with at least one share in the period.
    pub active: i64,
    pub members: i64,
}

impl TeamTally {
    /// The average per active ambassador in tenths (25 is 2.5), rounded half up; 0 for
    /// a team without an active ambassador.
    pub fn average_tenths(&self) -> i64 {
        if self.active == 0 {
            return 0;
        }
        let doubled = self.total * 20 / self.active;
        (doubled + doubled.signum()) / 2
    }
}

/// Every team's tally from its members' values; `memberships` are (user, team) pairs (a
/// person may be in several teams and counts in each).
pub fn team_tallies(people: &[PersonValue], memberships: &[(i64, i64)]) -> BTreeMap<i64, TeamTally> {
    let by_user: BTreeMap<i64, &PersonValue> = people.iter().map(|p| (p.user_id, p)).collect();
    let mut out: BTreeMap<i64, TeamTally> = BTreeMap::new();
    for (user, team) in memberships {
        let Some(p) = by_user.get(user) else { continue };
        let t = out.entry(*team).or_default();
        t.members += 1;
        t.total += p.value;
        t.active += i64::from(p.active);
    }
    out
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

    #[test]
    fn equal_values_share_a_place_and_the_next_place_counts_everyone_above() {
        let r = rank(vec![(4, 10), (1, 30), (2, 30), (3, 20), (5, 10), (6, 0)]);
        let places: Vec<(i64, i64)> = r.iter().map(|e| (e.key, e.rank)).collect();
        assert_eq!(places, vec![(1, 1), (2, 1), (3, 3), (4, 4), (5, 4), (6, 6)]);
        assert!(rank::<i64>(vec![]).is_empty());
        let all_equal = rank(vec![(2, 0), (1, 0)]);
        assert_eq!((all_equal[0].key, all_equal[0].rank, all_equal[1].rank), (1, 1, 1));
    }

    #[test]
    fn ones_own_standing_says_the_distance_to_the_next_place() {
        let r = rank(vec![(1, 30), (2, 30), (3, 20), (4, 10), (5, 10)]);
        assert_eq!(
            standing(&r, &5),
            Some(Standing {
                rank: 4,
                value: 10,
                to_next: Some(10)
            })
        );
        assert_eq!(standing(&r, &3).unwrap().to_next, Some(10));
        // Sharing first place: nothing above.
        assert_eq!(
            standing(&r, &2).unwrap(),
            Standing {
                rank: 1,
                value: 30,
                to_next: None
            }
        );
        assert_eq!(standing(&r, &9), None);
    }

    #[test]
    fn a_board_shows_the_top_and_the_viewers_own_row_when_further_down() {
        let r = rank((1..=30).map(|k| (k, 100 - k)).collect());
        let keys = |v: Vec<&Ranked<i64>>| v.iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(keys(shown(&r, 3, |e| e.key == 25)), vec![1, 2, 3, 25]);
        assert_eq!(keys(shown(&r, 3, |e| e.key == 2)), vec![1, 2, 3]);
        assert_eq!(keys(shown(&r, 3, |_| false)), vec![1, 2, 3]);
    }

    #[test]
    fn teams_compare_by_the_average_per_active_ambassador() {
        let people = [
            PersonValue {
                user_id: 1,
                value: 30,
                active: true,
            },
            PersonValue {
                user_id: 2,
                value: 10,
                active: true,
            },
            PersonValue {
                user_id: 3,
                value: 5,
                active: false,
            },
            PersonValue {
                user_id: 4,
                value: 25,
                active: true,
            },
        ];
        // Team 10: three people, two active, 45 in all: 22.5 each. Team 20: one, 25.
        let t = team_tallies(&people, &[(1, 10), (2, 10), (3, 10), (4, 20), (9, 20)]);
        assert_eq!(
            t[&10],
            TeamTally {
                total: 45,
                active: 2,
                members: 3
            }
        );
        assert_eq!(t[&10].average_tenths(), 225);
        assert_eq!(t[&20].average_tenths(), 250);
        let ranked = rank(t.iter().map(|(k, v)| (*k, v.average_tenths())).collect());
        assert_eq!(ranked[0].key, 20, "the small team is not outranked for its size");
        assert_eq!(
            TeamTally {
                total: 7,
                active: 0,
                members: 2
            }
            .average_tenths(),
            0
        );
        assert_eq!(
            TeamTally {
                total: 10,
                active: 3,
                members: 3
            }
            .average_tenths(),
            33
        );
        assert_eq!(
            TeamTally {
                total: 5,
                active: 3,
                members: 3
            }
            .average_tenths(),
            17
        );
        assert_eq!(
            TeamTally {
                total: -5,
                active: 3,
                members: 3
            }
            .average_tenths(),
            -17
        );
    }

    #[test]
    fn months_and_quarters_start_at_local_midnight() {
        let tz = warsaw();
        let may = Period::parse_month("2026-05").unwrap();
        let (from, to) = may.bounds(0, &tz);
        assert_eq!(from, at("2026-05-01T00:00:00+02:00[Europe/Warsaw]"));
        assert_eq!(to, at("2026-06-01T00:00:00+02:00[Europe/Warsaw]"));
        // A share at 23:59 on 31 May is May's; at midnight it is June's.
        assert!(at("2026-05-31T23:59:00+02:00[Europe/Warsaw]") < to);
        // March has a DST change: still midnight to midnight.
        let (f, t) = Period::Month { year: 2026, month: 3 }.bounds(0, &tz);
        assert_eq!(t - f, 31 * DAY - 3_600_000);
        let (qf, qt) = Period::parse_quarter("2026-Q4").unwrap().bounds(0, &tz);
        assert_eq!(qf, at("2026-10-01T00:00:00+02:00[Europe/Warsaw]"));
        assert_eq!(qt, at("2027-01-01T00:00:00+01:00[Europe/Warsaw]"));
        let (rf, rt) = Period::Rolling30.bounds(100 * DAY, &tz);
        assert_eq!((rf, rt), (70 * DAY, 100 * DAY));
    }

    #[test]
    fn periods_parse_and_list_the_recent_ones() {
        assert_eq!(Period::parse_month("2026-13"), None);
        assert_eq!(Period::parse_month("2026-5"), None);
        assert_eq!(Period::parse_quarter("2026-Q5"), None);
        assert_eq!(Period::parse_month("2026-01").unwrap().code(), "2026-01");
        assert_eq!(Period::quarter_of(date(2026, 8, 3)).code(), "2026-Q3");
        let months: Vec<String> = recent_months(date(2026, 2, 10), 3).iter().map(Period::code).collect();
        assert_eq!(months, vec!["2026-02", "2026-01", "2025-12"]);
        let quarters: Vec<String> = recent_quarters(date(2026, 2, 10), 2).iter().map(Period::code).collect();
        assert_eq!(quarters, vec!["2026-Q1", "2025-Q4"]);
        assert_eq!(Metric::parse("clicks"), Some(Metric::Clicks));
        assert_eq!(Group::parse("team"), Some(Group::Team));
        assert_eq!(Metric::parse("likes"), None);
    }
}
