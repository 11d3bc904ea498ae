//! iCalendar feeds of the publication calendar (C8): the signed, revocable token in a
//! feed's URL ([`feed_token`], [`parse_feed_token`]), the range a feed covers, and the
//! RFC 5545 text of a feed ([`write_calendar`]).
//!
//! Why the text is written here rather than by the `icalendar` crate (0.17.17, the
//! current release when this was written): its line folding leaves a continuation line
//! of 76 octets when the rest of a long line is exactly 75 octets (RFC 5545 3.1 allows
//! 75, CRLF excluded), and it adds a DTSTAMP stamped with the time of writing and a
//! random UID to every VALARM (RFC 5545 3.6.6 allows no DTSTAMP there, and a UID that
//! changes on every poll makes calendar apps see a new alarm each time). A feed needs
//! one VEVENT shape with a VALARM, so the writer below is short: TEXT escaping (3.3.11),
//! UTC date-times (3.3.5, form #2), CRLF line ends and folding at 75 octets on UTF-8
//! character boundaries (3.1). Its output is checked with an independent parser in the
//! server's tests.

use crate::{DAY, Millis, signed};
use jiff::Timestamp;

/// A feed shows planned posts from this far back...
pub const FEED_PAST: Millis = 30 * DAY;
/// ...to this far ahead.
pub const FEED_AHEAD: Millis = 90 * DAY;

/// The alarm of each event: this many minutes before it starts.
pub const ALARM_MINUTES: i64 = 30;

/// Whose plan a feed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedOwner {
    /// A person's own planned posts.
    User,
    /// Every planned post of a program (for its coordinator).
    Program,
}

impl FeedOwner {
    /// As stored in `calendar_feeds.owner`.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedOwner::User => "user",
            FeedOwner::Program => "program",
        }
    }

    fn letter(self) -> char {
        match self {
            FeedOwner::User => 'u',
            FeedOwner::Program => 'p',
        }
    }

    fn from_letter(c: char) -> Option<FeedOwner> {
        match c {
            'u' => Some(FeedOwner::User),
            'p' => Some(FeedOwner::Program),
            _ => None,
        }
    }
}

fn message(owner: FeedOwner, id: i64, version: i64) -> String {
    format!("{}:{id}:{version}", owner.as_str())
}

/// The token of a feed's URL: `u12-3-{tag}` (owner letter and id, version, and the tag
/// of `user:12:3` under `key`). Raising the stored version revokes every older token.
pub fn feed_token(key: &[u8], owner: FeedOwner, id: i64, version: i64) -> String {
    format!(
        "{}{id}-{version}-{}",
        owner.letter(),
        signed::tag(key, &message(owner, id, version))
    )
}

/// A canonical positive number (no sign, no leading zero): only those were signed.
fn number(s: &str) -> Option<i64> {
    s.parse::<i64>().ok().filter(|n| *n > 0 && n.to_string() == s)
}

/// The owner, id and version of a token made by [`feed_token`] with `key`; `None` for
/// anything else. The caller still compares the version with the stored one.
pub fn parse_feed_token(key: &[u8], token: &str) -> Option<(FeedOwner, i64, i64)> {
    let mut chars = token.chars();
    let owner = FeedOwner::from_letter(chars.next()?)?;
    // The tag is base64url and may itself contain '-': split off only the first two.
    let mut parts = chars.as_str().splitn(3, '-');
    let id = number(parts.next()?)?;
    let version = number(parts.next()?)?;
    let tag = parts.next()?;
    signed::verify(key, &message(owner, id, version), tag).then_some((owner, id, version))
}

/// One event of a feed: a planned post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// Stable across polls and feeds: `planned-post-12@example.com`.
    pub uid: String,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub summary: String,
    pub description: String,
    /// The share screen of the planned post.
    pub url: String,
    /// The text of the alarm.
    pub alarm: String,
}

/// A whole feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// `-//Ambasada//Publication calendar//EN`.
    pub prodid: String,
    /// The calendar's name, as calendar apps show it.
    pub name: String,
    /// DTSTAMP of every event: when the feed was made (RFC 5545 3.8.7.2).
    pub stamp: Millis,
    pub events: Vec<FeedEvent>,
}

/// The longest content line, in octets, CRLF excluded (RFC 5545 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// A date-time in UTC, `19980119T070000Z`.
fn utc(millis: Millis) -> String {
    Timestamp::from_millisecond(millis)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control
/// characters (which TEXT does not allow) are dropped.
fn text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded: at most 75 octets per line, a fold never inside a
/// UTF-8 character, each continuation starting with one space, every line ending CRLF.
/// A fold next to a space is avoided where a few characters back allow it: unfolding
/// keeps such a space, but some readers trim line ends and would lose it.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let beside_space =
            |at: usize| rest[..at].ends_with(char::is_whitespace) || rest[at..].starts_with(char::is_whitespace);
        let mut better = cut;
        while better > limit - 16 && beside_space(better) {
            better -= 1;
            while !rest.is_char_boundary(better) {
                better -= 1;
            }
        }
        if !beside_space(better) {
            cut = better;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts.
        limit = MAX_LINE_OCTETS - 1;
    }
}

/// The feed as RFC 5545 text: one VEVENT per event, times in UTC (so no VTIMEZONE is
/// needed), each with a DISPLAY alarm [`ALARM_MINUTES`] before it starts.
pub fn write_calendar(feed: &Feed) -> String {
    let mut out = String::new();
    let mut line = |s: String| push_line(&mut out, &s);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!("PRODID:{}", feed.prodid));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", text(&feed.name)));
    line(format!("NAME:{}", text(&feed.name)));
    let stamp = utc(feed.stamp);
    for e in &feed.events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", text(&e.uid)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART:{}", utc(e.starts_at)));
        line(format!("DTEND:{}", utc(e.ends_at.max(e.starts_at))));
        line(format!("SUMMARY:{}", text(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", text(&e.description)));
        }
        // URL is a URI value, not TEXT: no escaping (our URLs hold no control characters).
        line(format!("URL:{}", e.url));
        line("TRANSP:TRANSPARENT".into());
        line("BEGIN:VALARM".into());
        line("ACTION:DISPLAY".into());
        line(format!("DESCRIPTION:{}", text(&e.alarm)));
        line(format!("TRIGGER:-PT{ALARM_MINUTES}M"));
        line("END:VALARM".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_owner_id_and_version_and_refuse_tampering() {
        let key = b"feed key";
        let t = feed_token(key, FeedOwner::User, 12, 3);
        assert!(t.starts_with("u12-3-"), "{t}");
        assert_eq!(parse_feed_token(key, &t), Some((FeedOwner::User, 12, 3)));
        let p = feed_token(key, FeedOwner::Program, 12, 3);
        assert_eq!(parse_feed_token(key, &p), Some((FeedOwner::Program, 12, 3)));
        assert_ne!(t[6..], p[6..], "the owner is signed too");
        assert_eq!(parse_feed_token(key, &format!("p{}", &t[1..])), None);
        assert_eq!(parse_feed_token(key, &t.replacen("u12-", "u13-", 1)), None);
        assert_eq!(parse_feed_token(key, &t.replacen("-3-", "-4-", 1)), None);
        assert_eq!(parse_feed_token(key, &t.replacen("u12-", "u012-", 1)), None);
        assert_eq!(parse_feed_token(b"other", &t), None);
        for bad in [
            "",
            "u",
            "u12",
            "u12-3",
            "u12-3-",
            "x12-3-AAAAAAAAAAAAAAAAAAAAAA",
            "u-1-3-abc",
        ] {
            assert_eq!(parse_feed_token(key, bad), None, "{bad}");
        }
    }

    #[test]
    fn tags_with_dashes_still_parse() {
        // Find a key whose tag holds a '-', which the token also uses as separator.
        let key = (0..1000)
            .map(|i| format!("key {i}"))
            .find(|k| feed_token(k.as_bytes(), FeedOwner::User, 5, 1)[5..].contains('-'))
            .unwrap();
        let t = feed_token(key.as_bytes(), FeedOwner::User, 5, 1);
        assert_eq!(parse_feed_token(key.as_bytes(), &t), Some((FeedOwner::User, 5, 1)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a;b,c\\d\ne\r\nf\rg\u{7}h"), "a\\;b\\,c\\\\d\\ne\\nf\\ngh");
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        for n in [1, 74, 75, 76, 149, 150, 151, 224, 300] {
            for filler in ["a", "ż", "😀"] {
                let line: String = std::iter::repeat_n(filler, n).collect();
                let mut out = String::new();
                push_line(&mut out, &format!("SUMMARY:{line}"));
                assert!(out.ends_with("\r\n"));
                let lines: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
                for (i, l) in lines.iter().enumerate() {
                    assert!(
                        l.len() <= MAX_LINE_OCTETS,
                        "{n}×{filler}: line {i} has {} octets",
                        l.len()
                    );
                    assert_eq!(i > 0, l.starts_with(' '), "continuations start with a space");
                    assert!(i == 0 || l.len() > 1, "no empty continuation");
                }
                let unfolded = out.strip_suffix("\r\n").unwrap().replace("\r\n ", "");
                assert_eq!(unfolded, format!("SUMMARY:{line}"), "{n}×{filler}");
            }
        }
    }

    #[test]
    fn folds_avoid_spaces_where_they_can() {
        let words = "Zaplanowany post – LinkedIn: pierwszy tydzień w nowym zespole, czyli jak wygląda praca u nas";
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{words} {words}"));
        for l in out.strip_suffix("\r\n").unwrap().split("\r\n") {
            assert!(l.len() <= MAX_LINE_OCTETS);
            assert!(!l.ends_with(' '), "{l:?}");
            assert!(!l.starts_with("  "), "{l:?}");
        }
        let all_spaces = format!("X:{}", " ".repeat(200));
        let mut out = String::new();
        push_line(&mut out, &all_spaces);
        assert_eq!(out.strip_suffix("\r\n").unwrap().replace("\r\n ", ""), all_spaces);
    }

    #[test]
    fn a_calendar_has_its_headers_and_one_event_per_planned_post() {
        let feed = Feed {
            prodid: "-//Ambasada//Publication calendar//EN".into(),
            name: "Plan".into(),
            stamp: 1_800_000_000_000,
            events: vec![FeedEvent {
                uid: "planned-post-7@example.com".into(),
                starts_at: 1_800_000_000_000,
                ends_at: 1_800_003_600_000,
                summary: "Post na LinkedIn: Nowa oferta, zespół; praca".into(),
                description: "Zaplanowany".into(),
                url: "https://example.com/app/plan/7/open".into(),
                alarm: "Za 30 minut".into(),
            }],
        };
        let s = write_calendar(&feed);
        assert!(s.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ambasada//Publication calendar//EN\r\n"));
        assert!(s.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(s.contains("\r\nUID:planned-post-7@example.com\r\n"));
        assert!(s.contains("\r\nDTSTAMP:20270115T080000Z\r\n"));
        assert!(s.contains("\r\nDTSTART:20270115T080000Z\r\nDTEND:20270115T090000Z\r\n"));
        assert!(s.contains("\r\nSUMMARY:Post na LinkedIn: Nowa oferta\\, zespół\\; praca\r\n"));
        assert!(s.contains(
            "\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Za 30 minut\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\n"
        ));
        assert!(!s.replace("\r\n", "").contains('\n'), "no bare LF");
        assert_eq!(s.matches("BEGIN:VEVENT").count(), 1);
    }
}
