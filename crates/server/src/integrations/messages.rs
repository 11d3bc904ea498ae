//! What each event says in a channel, in the coordinator's language and time zone: pure
//! functions from the event's data to a [`Message`], which `payload` turns into Slack's or
//! Teams' body.

use super::payload::Message;
use crate::calendar::service::status_now;
use crate::i18n::Tr;
use ambasada_core::calendar::{self, PostStatus};
use ambasada_core::integrations::Week;
use ambasada_core::{Locale, Millis};
use ambasada_store::calendar::PlannedPost;
use ambasada_store::content::ContentItem;
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

/// At most this many posts or people are listed; the rest are counted.
pub const MAX_LINES: usize = 30;

/// Who a program's messages speak to: the language and time zone of its coordinator
/// (Polish and Europe/Warsaw without one).
#[derive(Clone)]
pub struct Voice {
    pub tr: Tr,
    pub tz: TimeZone,
    pub tz_name: String,
    /// The server's public address, without a trailing slash.
    pub base_url: String,
}

impl Voice {
    fn when(&self, millis: i64) -> String {
        self.tr.datetime(millis, &self.tz_name)
    }

    fn context(&self, program: &str) -> String {
        self.tr.a1("webhook-msg-context", "program", program)
    }

    /// A week as the language writes it: `30.11–06.12.2026`, `2026-11-30 – 2026-12-06`.
    fn week(&self, w: &Week) -> String {
        match self.tr.locale {
            Locale::Pl => format!("{}–{}", w.monday.strftime("%d.%m"), w.sunday().strftime("%d.%m.%Y")),
            Locale::En => format!("{} – {}", w.monday, w.sunday()),
        }
    }
}

/// Lines, the first [`MAX_LINES`] of them and "…and N more".
fn capped(tr: &Tr, mut lines: Vec<String>) -> Vec<String> {
    if lines.len() > MAX_LINES {
        let more = (lines.len() - MAX_LINES) as i64;
        lines.truncate(MAX_LINES);
        lines.push(tr.n("webhook-msg-more", more));
    }
    lines
}

/// People and their counts, most first (then by name).
fn most_first(per_person: BTreeMap<(&str, i64), i64>) -> Vec<((&str, i64), i64)> {
    let mut people: Vec<((&str, i64), i64)> = per_person.into_iter().collect();
    people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    people
}

/// The test message a coordinator sends from the program's page.
pub fn test_message(v: &Voice, program: &str) -> Message {
    let title = v.tr.t("webhook-msg-test-title");
    Message {
        fallback: title.clone(),
        title,
        lines: vec![v.tr.a1("webhook-msg-test-text", "program", program)],
        facts: Vec::new(),
        context: v.context(program),
        link: (v.tr.t("webhook-msg-open"), format!("{}/app/feed", v.base_url)),
    }
}

/// A content item was published for the program: its title, category, networks and
/// dates, and a button to its share screen.
pub fn content_published(v: &Voice, program: &str, item: &ContentItem) -> Message {
    let tr = &v.tr;
    let mut facts = vec![(
        tr.t("webhook-msg-category"),
        tr.t(&format!("category-{}", item.category.replace('_', "-"))),
    )];
    let networks: Vec<&str> = item
        .texts
        .iter()
        .filter_map(|(n, _)| ambasada_core::Network::parse(n).map(|n| n.label()))
        .collect();
    if !networks.is_empty() {
        facts.push((tr.t("webhook-msg-networks"), networks.join(", ")));
    }
    facts.push((tr.t("webhook-msg-from"), v.when(item.starts_at)));
    if let Some(until) = item.expires_at {
        facts.push((tr.t("webhook-msg-until"), v.when(until)));
    }
    Message {
        fallback: tr.a1("webhook-msg-content-fallback", "title", &item.title),
        title: tr.t("webhook-msg-content-title"),
        lines: vec![item.title.clone()],
        facts,
        context: v.context(program),
        link: (
            tr.t("webhook-msg-share"),
            format!("{}/app/feed/{}", v.base_url, item.id),
        ),
    }
}

/// One planned post as a line: when, where, what, who.
fn post_line(v: &Voice, p: &PlannedPost) -> String {
    let network = ambasada_core::Network::parse(&p.network)
        .map(|n| n.label())
        .unwrap_or(p.network.as_str());
    format!(
        "{} · {network} · {} · {}",
        v.when(p.starts_at),
        p.subject(),
        p.user_name
    )
}

/// The week's plan of a program: its planned posts (skipped ones left out), by start;
/// `None` when nothing is planned.
pub fn weekly_plan(v: &Voice, program_id: i64, program: &str, week: &Week, posts: &[PlannedPost]) -> Option<Message> {
    let mut posts: Vec<&PlannedPost> = posts.iter().filter(|p| p.status() != PostStatus::Skipped).collect();
    if posts.is_empty() {
        return None;
    }
    posts.sort_by_key(|p| (p.starts_at, p.id));
    let tr = &v.tr;
    let people = posts
        .iter()
        .map(|p| p.user_id)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let title = tr.a1("webhook-msg-plan-title", "week", &v.week(week));
    let mut lines = vec![tr.t("webhook-msg-plan-intro")];
    lines.extend(capped(tr, posts.iter().map(|p| post_line(v, p)).collect()));
    Some(Message {
        fallback: format!("{title}: {}", tr.n("webhook-msg-posts", posts.len() as i64)),
        title,
        lines,
        facts: vec![
            (tr.t("webhook-msg-planned"), posts.len().to_string()),
            (tr.t("webhook-msg-people"), people.to_string()),
        ],
        context: v.context(program),
        link: (
            tr.t("webhook-msg-calendar"),
            format!("{}/app/calendar?program={program_id}", v.base_url),
        ),
    })
}

/// Last week's missed planned posts of a program, per person (most first); `None` when
/// none was missed and none is overdue.
///
/// `posts` are the program's planned posts whose window ended in `week` (Monday 0:00 to
/// Monday 0:00 in the coordinator's time zone), whatever their stored status, and each is
/// judged as it stands at `now`, when the summary is built (Monday from 8:00), by
/// [`status_now`]: one whose day of grace has passed counts as missed even when the job
/// has not marked it yet. One whose window ended less than a day before (on Sunday after
/// 8:00, for a summary built at 8:00) is still in its day of grace then and may yet be
/// published: it is not counted as missed, nor in the realisation, but listed apart as
/// overdue, with whose it is. The summary goes out once a
/// week, so this is where such a post is mentioned; a week with overdue posts and none
/// missed gets a summary too.
pub fn missed_plan(
    v: &Voice,
    program_id: i64,
    program: &str,
    week: &Week,
    posts: &[PlannedPost],
    now: Millis,
) -> Option<Message> {
    let mut missed_of: BTreeMap<(&str, i64), i64> = BTreeMap::new();
    let mut overdue_of: BTreeMap<(&str, i64), i64> = BTreeMap::new();
    for p in posts {
        let per_person = match status_now(p, now) {
            PostStatus::Missed => &mut missed_of,
            PostStatus::Planned if p.ends_at <= now => &mut overdue_of,
            _ => continue,
        };
        *per_person.entry((p.user_name.as_str(), p.user_id)).or_default() += 1;
    }
    if missed_of.is_empty() && overdue_of.is_empty() {
        return None;
    }
    let tr = &v.tr;
    let missed: i64 = missed_of.values().sum();
    let overdue: i64 = overdue_of.values().sum();
    let title = tr.a1("webhook-msg-missed-title", "week", &v.week(week));
    let mut lines = Vec::new();
    if missed > 0 {
        lines.push(tr.t("webhook-msg-missed-intro"));
        lines.extend(capped(
            tr,
            most_first(missed_of)
                .iter()
                .map(|((name, _), n)| format!("{name}: {}", tr.n("webhook-msg-missed-count", *n)))
                .collect(),
        ));
    }
    let mut facts = vec![(tr.t("webhook-msg-missed"), missed.to_string())];
    let mut fallback = format!("{title}: {}", tr.n("webhook-msg-missed-count", missed));
    if overdue > 0 {
        let label = tr.t("realisation-overdue");
        lines.push(format!("{label}: {}", tr.t("realisation-overdue-help")));
        lines.extend(capped(
            tr,
            most_first(overdue_of)
                .iter()
                .map(|((name, _), n)| format!("{name}: {}", tr.n("webhook-msg-posts", *n)))
                .collect(),
        ));
        fallback.push_str(&format!(", {label}: {overdue}"));
        facts.push((label, overdue.to_string()));
    }
    if let Some(rate) = calendar::tally(posts.iter().map(|p| status_now(p, now))).rate() {
        facts.push((tr.t("webhook-msg-realisation"), format!("{:.0}%", rate * 100.0)));
    }
    Some(Message {
        fallback,
        title,
        lines,
        facts,
        context: v.context(program),
        link: (
            tr.t("webhook-msg-realisation-open"),
            format!(
                "{}/app/programs/{program_id}/realisation?from={}&to={}",
                v.base_url,
                week.monday,
                week.sunday()
            ),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use jiff::civil::date;
    use std::sync::Arc;

    fn voice(locale: Locale) -> Voice {
        Voice {
            tr: Tr::new(Arc::new(I18n::new()), locale),
            tz: TimeZone::get("Europe/Warsaw").unwrap(),
            tz_name: "Europe/Warsaw".into(),
            base_url: "https://ambasada.example".into(),
        }
    }

    fn post(id: i64, user: i64, name: &str, status: &str, starts_at: i64) -> PlannedPost {
        PlannedPost {
            id,
            slot_id: 1,
            user_id: user,
            user_name: name.into(),
            program_id: 3,
            program_name: "EB".into(),
            content_id: None,
            content_title: None,
            topic: Some("Mój pierwszy tydzień".into()),
            network: "linkedin".into(),
            starts_at,
            ends_at: starts_at + 3_600_000,
            status: status.into(),
            accepted_at: None,
            skip_reason: None,
            decided_at: None,
        }
    }

    fn monday_9() -> i64 {
        date(2026, 11, 30)
            .at(9, 0, 0, 0)
            .in_tz("Europe/Warsaw")
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    #[test]
    fn the_weekly_plan_lists_posts_in_polish_with_plural_forms() {
        let week = Week::of(date(2026, 11, 30));
        let posts = vec![
            post(2, 11, "Jan Nowak", "planned", monday_9() + 3_600_000),
            post(1, 10, "Anna Kowalska", "planned", monday_9()),
            post(3, 10, "Anna Kowalska", "skipped", monday_9()),
            post(4, 12, "Ewa Lis", "done", monday_9()),
        ];
        let m = weekly_plan(&voice(Locale::Pl), 3, "EB", &week, &posts).unwrap();
        assert_eq!(m.title, "Plan publikacji na tydzień 30.11–06.12.2026");
        assert_eq!(
            m.fallback,
            "Plan publikacji na tydzień 30.11–06.12.2026: 3 zaplanowane posty"
        );
        assert_eq!(
            m.lines[1],
            "30.11.2026 09:00 · LinkedIn · Mój pierwszy tydzień · Anna Kowalska"
        );
        assert_eq!(m.lines.len(), 4, "an intro and three posts; the skipped one left out");
        assert_eq!(m.facts[0].1, "3");
        assert_eq!(m.facts[1].1, "3", "three people");
        assert_eq!(m.context, "Ambasada · EB");
        assert_eq!(m.link.1, "https://ambasada.example/app/calendar?program=3");
        let five: Vec<_> = (0..5).map(|i| post(i, i, "X", "planned", monday_9())).collect();
        let m = weekly_plan(&voice(Locale::Pl), 3, "EB", &week, &five).unwrap();
        assert!(m.fallback.ends_with("5 zaplanowanych postów"), "{}", m.fallback);
        assert!(weekly_plan(&voice(Locale::Pl), 3, "EB", &week, &[]).is_none());
    }

    #[test]
    fn a_long_plan_lists_the_first_posts_and_counts_the_rest() {
        let week = Week::of(date(2026, 11, 30));
        let many: Vec<_> = (0..40).map(|i| post(i, i, "X", "planned", monday_9())).collect();
        let m = weekly_plan(&voice(Locale::En), 3, "EB", &week, &many).unwrap();
        assert_eq!(m.lines.len(), 1 + MAX_LINES + 1);
        assert_eq!(m.lines.last().unwrap(), "…and 10 more");
        assert_eq!(m.title, "Publication plan for the week 2026-11-30 – 2026-12-06");
    }

    #[test]
    fn the_missed_summary_counts_per_person_and_computes_realisation() {
        let week = Week::of(date(2026, 11, 23));
        let posts = vec![
            post(1, 10, "Anna Kowalska", "missed", monday_9()),
            post(2, 11, "Jan Nowak", "missed", monday_9()),
            post(3, 11, "Jan Nowak", "missed", monday_9()),
            post(4, 12, "Ewa Lis", "done", monday_9()),
            post(5, 12, "Ewa Lis", "skipped", monday_9()),
        ];
        let now = monday_9() + 7 * ambasada_core::DAY;
        let m = missed_plan(&voice(Locale::Pl), 3, "EB", &week, &posts, now).unwrap();
        assert_eq!(m.title, "Pominięte zaplanowane posty: 23.11–29.11.2026");
        assert_eq!(m.lines[1], "Jan Nowak: 2 pominięte posty");
        assert_eq!(m.lines[2], "Anna Kowalska: 1 pominięty post");
        assert_eq!(m.facts[0].1, "3");
        assert_eq!(m.facts[1].1, "25%", "one done of four due; the skipped one apart");
        assert_eq!(
            m.link.1,
            "https://ambasada.example/app/programs/3/realisation?from=2026-11-23&to=2026-11-29"
        );
        let en = missed_plan(&voice(Locale::En), 3, "EB", &week, &posts, now).unwrap();
        assert_eq!(en.lines[1], "Jan Nowak: 2 missed posts");
        let none = vec![post(4, 12, "Ewa Lis", "done", monday_9())];
        assert!(missed_plan(&voice(Locale::Pl), 3, "EB", &week, &none, now).is_none());
    }

    fn warsaw(d: jiff::civil::Date, h: i8) -> i64 {
        d.at(h, 0, 0, 0)
            .in_tz("Europe/Warsaw")
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    #[test]
    fn last_weeks_posts_are_judged_when_the_summary_is_built_and_sundays_late_ones_are_overdue() {
        let week = Week::of(date(2026, 11, 23));
        let ending = |id, user, name: &str, status, ends_at: i64| PlannedPost {
            ends_at,
            ..post(id, user, name, status, ends_at - 4 * ambasada_core::HOUR)
        };
        let posts = vec![
            // Past its day of grace at 8:00 on Monday, though the job has not marked it.
            ending(1, 10, "Anna Kowalska", "planned", warsaw(date(2026, 11, 28), 12)),
            // Ended on Sunday evening: in its day of grace until Monday 20:00.
            ending(2, 11, "Jan Nowak", "planned", warsaw(date(2026, 11, 29), 20)),
            ending(3, 11, "Jan Nowak", "missed", warsaw(date(2026, 11, 25), 12)),
            ending(4, 12, "Ewa Lis", "done", warsaw(date(2026, 11, 29), 22)),
        ];
        let monday_8 = warsaw(date(2026, 11, 30), 8);
        let m = missed_plan(&voice(Locale::Pl), 3, "EB", &week, &posts, monday_8).unwrap();
        assert_eq!(
            m.lines,
            [
                "W zeszłym tygodniu te zaplanowane posty nie ukazały się na czas:",
                "Anna Kowalska: 1 pominięty post",
                "Jan Nowak: 1 pominięty post",
                "Po terminie: Termin minął, ale jest jeszcze dzień zapasu.",
                "Jan Nowak: 1 zaplanowany post",
            ]
        );
        assert_eq!(
            m.facts,
            [
                ("Pominięte".to_string(), "2".to_string()),
                ("Po terminie".to_string(), "1".to_string()),
                ("Realizacja planu".to_string(), "33%".to_string()),
            ],
            "the overdue post is not due yet: one done of three due"
        );
        assert_eq!(
            m.fallback,
            "Pominięte zaplanowane posty: 23.11–29.11.2026: 2 pominięte posty, Po terminie: 1"
        );
        let en = missed_plan(&voice(Locale::En), 3, "EB", &week, &posts, monday_8).unwrap();
        assert_eq!(
            en.lines[3],
            "Overdue: The window has ended; there is still a day of grace."
        );
        assert_eq!(en.lines[4], "Jan Nowak: 1 planned post");

        // Overdue posts alone are still worth a summary: there will be no other.
        let m = missed_plan(&voice(Locale::En), 3, "EB", &week, &posts[1..2], monday_8).unwrap();
        assert_eq!(
            m.lines,
            [
                "Overdue: The window has ended; there is still a day of grace.",
                "Jan Nowak: 1 planned post"
            ]
        );
        assert_eq!(
            m.facts,
            [
                ("Missed".to_string(), "0".to_string()),
                ("Overdue".to_string(), "1".to_string())
            ]
        );

        // Built after Monday 20:00, the Sunday evening post is missed too.
        let tuesday = warsaw(date(2026, 12, 1), 0);
        let m = missed_plan(&voice(Locale::En), 3, "EB", &week, &posts, tuesday).unwrap();
        assert_eq!(m.lines[1], "Jan Nowak: 2 missed posts");
        assert_eq!(m.facts.len(), 2, "nothing overdue: {:?}", m.facts);
        assert!(missed_plan(&voice(Locale::En), 3, "EB", &week, &posts[3..], monday_8).is_none());
    }

    #[test]
    fn new_content_names_its_category_networks_and_dates() {
        let item = ContentItem {
            id: 7,
            title: "Dzień otwarty".into(),
            category: "job_offer".into(),
            target_url: "https://firma.example/praca".into(),
            image_file: None,
            hashtags: String::new(),
            language: "pl".into(),
            status: "published".into(),
            reject_reason: None,
            author_id: None,
            author_name: None,
            starts_at: monday_9(),
            expires_at: Some(monday_9() + 86_400_000),
            created_at: 0,
            updated_at: 0,
            texts: vec![("linkedin".into(), "x".into()), ("facebook".into(), "y".into())],
            program_ids: vec![3],
            team_ids: vec![],
        };
        let m = content_published(&voice(Locale::Pl), "EB", &item);
        assert_eq!(m.title, "Nowa treść do udostępnienia");
        assert_eq!(m.fallback, "Nowa treść do udostępnienia: Dzień otwarty");
        assert_eq!(m.lines, vec!["Dzień otwarty".to_string()]);
        assert_eq!(m.facts[0], ("Kategoria".to_string(), "Oferta pracy".to_string()));
        assert_eq!(m.facts[1], ("Sieci".to_string(), "LinkedIn, Facebook".to_string()));
        assert_eq!(m.facts[2], ("Dostępna od".to_string(), "30.11.2026 09:00".to_string()));
        assert_eq!(m.facts[3], ("Dostępna do".to_string(), "01.12.2026 09:00".to_string()));
        assert_eq!(
            m.link,
            (
                "Udostępnij".to_string(),
                "https://ambasada.example/app/feed/7".to_string()
            )
        );
        let en = content_published(&voice(Locale::En), "EB", &item);
        assert_eq!(en.facts[0], ("Category".to_string(), "Job offer".to_string()));
    }
}
