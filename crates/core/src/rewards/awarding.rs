//! Awarding points where events happen (C10): the ledger source of every event, when a
//! share's stored personalisation score earns the bonus, which days' clicks are final and
//! when they are dated, how a click award is corrected when clicks are reclassified as
//! bots, and when an application earns its referrer points.
//!
//! A ledger source names what an award is for, and the ledger's unique key (person, rule,
//! source) makes awarding idempotent: `share:item:4:linkedin` (a content item shared on a
//! network, once per person however often it is confirmed), `share:12` (one's own post),
//! `clicks:12:20512` (a share's clicks on UTC day 20512, see
//! [`crate::tracking::day_number`]), `application:5`, `hire:5`, `course:3`,
//! `suggestion:40`, `planned:77`. A correction is a new negative row whose source is
//! `correction:` and what it corrects, made unique per correction (a click correction
//! names the number of visitors it corrects down to).

use super::points::{MAX_RULE_POINTS, clicks_source};
use crate::content::sharing::{PERSONALISED_BELOW_SIMILARITY, score_per_mille};
use crate::recruiting::Stage;
use crate::{DAY, MINUTE, Millis};

/// How long after midnight UTC a day's clicks are taken as final: clicks are written in
/// batches a few milliseconds after they happen, so a few minutes leave ample margin.
pub const CLICKS_SETTLE: Millis = 10 * MINUTE;

/// How long after midnight UTC a day's clicks are awarded at the latest: they are final
/// after [`CLICKS_SETTLE`], and the award job looks every five minutes.
pub const CLICKS_AWARDED_BY: Millis = 15 * MINUTE;

/// How many finished days the click award catches up on after the server was down
/// (older days are not awarded any more).
pub const CLICKS_CATCH_UP_DAYS: i64 = 7;

/// Whether a stored personalisation score (whole thousandths of `1 − similarity`, see
/// [`crate::content::sharing`]) counts as personalised: a similarity to the suggested
/// text below [`PERSONALISED_BELOW_SIMILARITY`], that is a score above 300.
pub fn personalised_score(per_mille: Option<i64>) -> bool {
    per_mille.is_some_and(|p| p > score_per_mille(1.0 - PERSONALISED_BELOW_SIMILARITY))
}

/// The last UTC day (see [`crate::tracking::day_number`]) whose clicks are final at
/// `now`: the day before the one `now` falls on, once [`CLICKS_SETTLE`] has passed.
pub fn last_final_day(now: Millis) -> i64 {
    (now - CLICKS_SETTLE).div_euclid(DAY) - 1
}

/// The days whose clicks to award at `now`, inclusive, given the last day awarded so far
/// (none on a new installation): from the day after it, at most
/// [`CLICKS_CATCH_UP_DAYS`] back, to [`last_final_day`]. `None` when there is nothing new.
pub fn click_days_due(now: Millis, awarded_through: Option<i64>) -> Option<(i64, i64)> {
    let last = last_final_day(now);
    let earliest = last - CLICKS_CATCH_UP_DAYS + 1;
    let from = awarded_through.map_or(earliest, |d| (d + 1).max(earliest));
    (from <= last).then_some((from, last))
}

/// When a day's click award is dated: the last millisecond of that UTC day, so boards
/// and challenges of a period count the clicks on the day they happened, not the day
/// they were awarded.
pub fn click_day_end(day: i64) -> Millis {
    (day + 1) * DAY - 1
}

/// The correction a share's click award for a day needs once clicks were reclassified
/// as bots: what the day should hold now (`should`: its unique human visitors counted
/// again, capped, at the click value) minus what it holds (`net`: the award net of
/// earlier corrections). Only ever takes points back, never more than `net`; zero when
/// nothing is due, so running it again changes nothing, and a run that failed halfway
/// is repaired by the next.
pub fn clicks_correction_due(net: i64, should: i64) -> i64 {
    if net <= 0 {
        return 0;
    }
    (should.max(0) - net).clamp(-net, 0)
}

/// Whether an application moved to `to` has been looked at by a recruiter, so its
/// referrer earns the application rule: any stage past `new` but a rejection (the award
/// is once per application, so moving it on later changes nothing).
pub fn application_earns(to: Stage) -> bool {
    matches!(to, Stage::Screening | Stage::Interview | Stage::Offer | Stage::Hired)
}

/// Whether two e-mail addresses are the same person's (case and surrounding spaces
/// ignored): an ambassador applying through their own link earns nothing.
pub fn same_email(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A rule's value as a coordinator typed it: a whole number from 0 to
/// [`MAX_RULE_POINTS`], spaces allowed between digit groups (`10 000`).
pub fn parse_rule_points(s: &str) -> Option<i64> {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok().filter(|n| (0..=MAX_RULE_POINTS).contains(n))
}

/// The ledger source of an application through one's link.
pub fn application_source(application_id: i64) -> String {
    format!("application:{application_id}")
}

/// The ledger source of a hire through one's link.
pub fn hire_source(application_id: i64) -> String {
    format!("hire:{application_id}")
}

/// The ledger source of a finished course.
pub fn course_source(course_id: i64) -> String {
    format!("course:{course_id}")
}

/// The ledger source of one's own suggestion approved.
pub fn suggestion_source(item_id: i64) -> String {
    format!("suggestion:{item_id}")
}

/// The ledger source of a planned post done on time.
pub fn planned_source(post_id: i64) -> String {
    format!("planned:{post_id}")
}

/// The ledger source of a correction of `what` (itself a source, made unique).
pub fn correction_source(what: &str) -> String {
    format!("correction:{what}")
}

/// What a correction of a share's clicks on a day down to `visitors` unique visitors
/// corrects: `clicks:{share}:{day}:{visitors}` (its source has `correction:` before it).
pub fn clicks_correction(share_id: i64, day: i64, visitors: i64) -> String {
    format!("{}:{visitors}", clicks_source(share_id, day))
}

/// The reason of a correction of clicks a coordinator counted as bots (a catalog code).
pub const REASON_CLICKS_RECLASSIFIED: &str = "clicks_reclassified";

/// What a ledger source is about, parsed back from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One's own post.
    Share(i64),
    /// A content item shared on a network.
    ItemShare {
        item: i64,
        network: String,
    },
    /// A share's clicks on a UTC day.
    Clicks {
        share: i64,
        day: i64,
    },
    Application(i64),
    Hire(i64),
    Course(i64),
    Suggestion(i64),
    Planned(i64),
    Challenge(i64),
    /// A correction of the subject inside.
    Correction(Box<Subject>),
    /// A source this version does not know.
    Other,
}

impl Subject {
    /// Parses a ledger source (`share:12`, `correction:clicks:12:20512:3`, ...).
    pub fn parse(source: &str) -> Subject {
        if let Some(rest) = source.strip_prefix("correction:") {
            return Subject::Correction(Box::new(Subject::parse(rest)));
        }
        if let Some(rest) = source.strip_prefix("share:item:") {
            let (item, network) = rest.split_once(':').unwrap_or((rest, ""));
            return match item.parse::<i64>() {
                Ok(item) if !network.is_empty() => Subject::ItemShare {
                    item,
                    network: network.to_string(),
                },
                _ => Subject::Other,
            };
        }
        let mut parts = source.split(':');
        let kind = parts.next().unwrap_or("");
        let mut num = || parts.next().and_then(|p| p.parse::<i64>().ok());
        match (kind, num()) {
            ("share", Some(id)) => Subject::Share(id),
            ("clicks", Some(share)) => num().map_or(Subject::Other, |day| Subject::Clicks { share, day }),
            ("application", Some(id)) => Subject::Application(id),
            ("hire", Some(id)) => Subject::Hire(id),
            ("course", Some(id)) => Subject::Course(id),
            ("suggestion", Some(id)) => Subject::Suggestion(id),
            ("planned", Some(id)) => Subject::Planned(id),
            ("challenge", Some(id)) => Subject::Challenge(id),
            _ => Subject::Other,
        }
    }

    /// The subject a correction is about, or this one.
    pub fn corrected(&self) -> &Subject {
        match self {
            Subject::Correction(inner) => inner.corrected(),
            s => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::sharing;
    use crate::rewards::points::share_source;

    #[test]
    fn the_stored_score_is_personalised_above_three_hundred_thousandths() {
        assert!(!personalised_score(None));
        assert!(!personalised_score(Some(0)));
        assert!(!personalised_score(Some(300)));
        assert!(personalised_score(Some(301)));
        assert!(personalised_score(Some(1000)));
        // Agrees with the measure the share screen shows.
        let suggested = "Dołącz do naszego zespołu w Krakowie, szukamy programistów";
        let own = "Pracuję tu od trzech lat i polecam ten zespół każdemu";
        let p = sharing::score_per_mille(sharing::personalisation(suggested, own));
        assert_eq!(personalised_score(Some(p)), sharing::is_personalised(suggested, own));
        let same = sharing::score_per_mille(sharing::personalisation(suggested, suggested));
        assert!(!personalised_score(Some(same)));
    }

    #[test]
    fn a_day_is_final_a_few_minutes_after_it_ends() {
        let day = 20_000;
        let midnight = (day + 1) * DAY;
        assert_eq!(last_final_day(midnight), day - 1);
        assert_eq!(last_final_day(midnight + CLICKS_SETTLE - 1), day - 1);
        assert_eq!(last_final_day(midnight + CLICKS_SETTLE), day);
    }

    #[test]
    fn due_days_start_after_the_last_awarded_and_catch_up_at_most_a_week() {
        let now = 20_010 * DAY + CLICKS_SETTLE;
        assert_eq!(click_days_due(now, Some(20_009)), None);
        assert_eq!(click_days_due(now, Some(20_007)), Some((20_008, 20_009)));
        assert_eq!(
            click_days_due(now, None),
            Some((20_009 - CLICKS_CATCH_UP_DAYS + 1, 20_009))
        );
        assert_eq!(
            click_days_due(now, Some(19_000)),
            Some((20_009 - CLICKS_CATCH_UP_DAYS + 1, 20_009))
        );
        assert_eq!(click_days_due(now, Some(20_100)), None);
    }

    #[test]
    fn a_click_correction_brings_the_day_to_what_it_should_hold_and_only_takes_back() {
        // 5 visitors at 2 points, one reclassified: 8 left, so -2.
        assert_eq!(clicks_correction_due(10, 8), -2);
        // Every visitor a bot: all of it.
        assert_eq!(clicks_correction_due(10, 0), -10);
        // Corrected already: nothing more, however often it runs.
        assert_eq!(clicks_correction_due(8, 8), 0);
        // Nothing awarded, or more due than awarded: never adds.
        assert_eq!(clicks_correction_due(0, 5), 0);
        assert_eq!(clicks_correction_due(-3, 0), 0);
        assert_eq!(clicks_correction_due(6, 9), 0);
        assert_eq!(clicks_correction_due(6, -1), -6);
    }

    #[test]
    fn a_days_clicks_are_dated_at_its_last_millisecond() {
        assert_eq!(click_day_end(20_000), 20_001 * DAY - 1);
        assert_eq!(crate::tracking::day_number(click_day_end(20_000)), 20_000);
        const { assert!(CLICKS_AWARDED_BY > CLICKS_SETTLE) };
    }

    #[test]
    fn an_application_earns_once_a_recruiter_moves_it_on_and_never_for_ones_own_email() {
        assert!(!application_earns(Stage::New));
        assert!(!application_earns(Stage::Rejected));
        for s in [Stage::Screening, Stage::Interview, Stage::Offer, Stage::Hired] {
            assert!(application_earns(s), "{s:?}");
        }
        assert!(same_email(" Ala@Firma.example", "ala@firma.example "));
        assert!(!same_email("ala@firma.example", "ola@firma.example"));
    }

    #[test]
    fn rule_values_are_whole_numbers_up_to_the_maximum() {
        assert_eq!(parse_rule_points("10"), Some(10));
        assert_eq!(parse_rule_points(" 0 "), Some(0));
        assert_eq!(parse_rule_points("10 000"), Some(MAX_RULE_POINTS));
        assert_eq!(parse_rule_points("10001"), None);
        assert_eq!(parse_rule_points("-5"), None);
        assert_eq!(parse_rule_points("2.5"), None);
        assert_eq!(parse_rule_points("ten"), None);
        assert_eq!(parse_rule_points(""), None);
        assert_eq!(parse_rule_points("99999999999999999999"), None);
    }

    #[test]
    fn sources_parse_back_to_their_subjects() {
        assert_eq!(Subject::parse(&share_source(12)), Subject::Share(12));
        assert_eq!(
            Subject::parse(&crate::rewards::points::item_share_source(4, "linkedin")),
            Subject::ItemShare {
                item: 4,
                network: "linkedin".into()
            }
        );
        assert_eq!(Subject::parse("share:item:x:linkedin"), Subject::Other);
        assert_eq!(Subject::parse("share:item:4"), Subject::Other);
        assert_eq!(
            Subject::parse(&clicks_source(12, 20_512)),
            Subject::Clicks { share: 12, day: 20_512 }
        );
        assert_eq!(Subject::parse(&application_source(5)), Subject::Application(5));
        assert_eq!(Subject::parse(&hire_source(5)), Subject::Hire(5));
        assert_eq!(Subject::parse(&course_source(3)), Subject::Course(3));
        assert_eq!(Subject::parse(&suggestion_source(40)), Subject::Suggestion(40));
        assert_eq!(Subject::parse(&planned_source(77)), Subject::Planned(77));
        assert_eq!(Subject::parse("challenge:9"), Subject::Challenge(9));
        let source = correction_source(&clicks_correction(12, 20_512, 3));
        assert_eq!(source, "correction:clicks:12:20512:3");
        let c = Subject::parse(&source);
        assert_eq!(
            c,
            Subject::Correction(Box::new(Subject::Clicks { share: 12, day: 20_512 }))
        );
        assert_eq!(c.corrected(), &Subject::Clicks { share: 12, day: 20_512 });
        assert_eq!(Subject::parse("clicks:12"), Subject::Other);
        assert_eq!(Subject::parse("bribe:1"), Subject::Other);
        assert_eq!(Subject::parse("share:x"), Subject::Other);
    }
}
