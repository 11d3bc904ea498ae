//! Twelve months of history in both demo programs, so that the dashboard's trends tell a
//! story: a slow start, growth after the third month, a dip in the summer holidays, and
//! several thousand human clicks in employer branding. Each month brings two posts per
//! program that a share of the ambassadors published, and clicks over the days after.

use super::programs::Programs;
use crate::AppState;
use ambasada_core::content::sharing::link_code_from_bytes;
use ambasada_core::reports::{date_of_day, first_day_of_month, month_of_day};
use ambasada_core::tracking::{self, day_number};
use ambasada_core::{DAY, HOUR};
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;
use ambasada_store::tracking::NewClick;

/// Two posts a month, in turn: title, suggested text, where they lead.
const POSTS: &[(&str, &str, &str)] = &[
    (
        "Dzień otwarty w biurze w Gdańsku",
        "Zajrzyjcie do nas w sobotę – pokażemy, jak pracujemy.",
        "https://example.com/blog/dzien-otwarty",
    ),
    (
        "Jak wygląda pierwszy tydzień w zespole danych",
        "Onboarding bez chaosu: tak wprowadzamy nowe osoby.",
        "https://example.com/blog/onboarding-dane",
    ),
    (
        "Nasi inżynierowie na konferencji Infoshare",
        "Trzy wystąpienia, dwa warsztaty i mnóstwo rozmów.",
        "https://example.com/blog/infoshare",
    ),
    (
        "Program mentoringowy: podsumowanie roku",
        "Czterdzieści par mentorskich i co z tego wyszło.",
        "https://example.com/blog/mentoring",
    ),
    (
        "Nowa wersja platformy dla klientów B2B",
        "Szybsze raporty i eksport do Excela, o który prosiliście.",
        "https://example.com/produkt/nowosci",
    ),
    (
        "Studium przypadku: logistyka w 48 godzin",
        "Jak klient skrócił czas dostaw o połowę.",
        "https://example.com/case-study/logistyka",
    ),
];

/// How active a month was, from 0 to 100: a slow start, growth after the third month,
/// and July and August lower (holidays).
fn activity(months_ago: i64, calendar_month: i8) -> i64 {
    let ramp = match months_ago {
        11 => 25,
        10 => 30,
        9 => 35,
        8 => 55,
        7 => 65,
        6 => 75,
        5 => 82,
        4 => 88,
        3 => 92,
        _ => 100,
    };
    if matches!(calendar_month, 7 | 8) {
        ramp * 55 / 100
    } else {
        ramp
    }
}

pub(super) async fn seed_history(state: &AppState, now: i64, programs: &Programs, editor: i64) -> anyhow::Result<()> {
    let sales = programs.sales_members();
    let this_month = month_of_day(day_number(now));
    let mut clicks = Vec::new();
    let mut n = 0u64;
    for months_ago in (1..=11).rev() {
        let month = this_month - months_ago;
        let first_day = first_day_of_month(month);
        let level = activity(months_ago, date_of_day(first_day).month());
        for (program, people, first_post) in [
            (
                programs.employer_branding,
                &programs.ambassadors,
                (months_ago as usize * 2) % 4,
            ),
            (programs.sales, &sales, 4),
        ] {
            // Sales stopped planning two months ago: its history ends there.
            if program == programs.sales && months_ago < 2 {
                continue;
            }
            for k in 0..2 {
                let (title, text, target) = POSTS[if first_post >= 4 { 4 + k } else { (first_post + k) % 4 }];
                let starts = (first_day + 3 + 12 * k as i64) * DAY + 9 * HOUR;
                let item = post_item(state, editor, program, title, text, target, starts).await?;
                let sharers = (people.len() as i64 * level / 100).max(1) as usize;
                for (s, user) in people
                    .iter()
                    .cycle()
                    .skip(months_ago as usize + k)
                    .take(sharers)
                    .enumerate()
                {
                    let at = starts + (s as i64 % 5) * DAY + 2 * HOUR;
                    let link = share(state, *user, item, program, target, text, s, at).await?;
                    // Clicks grow with the program's activity; a fifth are crawlers.
                    let per_share = 6 + (level as usize * 28 / 100) + s % 7;
                    clicks_after(&mut clicks, &mut n, link, at, per_share, now);
                }
            }
        }
    }
    for chunk in clicks.chunks(2000) {
        state.store.insert_clicks(chunk).await?;
    }
    Ok(())
}

/// `count` clicks on a link over the three days after `at` (none later than `now`): half
/// from phones, a fifth from crawlers, two from each visitor. `n` numbers the clicks
/// across calls, so that visitors differ.
pub(super) fn clicks_after(out: &mut Vec<NewClick>, n: &mut u64, link: i64, at: i64, count: usize, now: i64) {
    for c in 0..count {
        *n += 1;
        let when = at + ((*n * 7919) % (72 * 60)) as i64 * 60_000;
        out.push(NewClick {
            link_id: link,
            at: when.min(now - 1),
            network: "linkedin",
            visitor_hash: tracking::visitor_hash("history", &(*n / 2).to_string(), "demo", link),
            browser: if c % 5 == 4 {
                "bot"
            } else if c % 2 == 0 {
                "mobile"
            } else {
                "desktop"
            },
            referrer_host: Some("www.linkedin.com".into()),
        });
    }
}

/// A published post of the program that ran for thirty days from `starts`.
async fn post_item(
    state: &AppState,
    editor: i64,
    program: i64,
    title: &str,
    text: &str,
    target: &str,
    starts: i64,
) -> anyhow::Result<i64> {
    let store = &state.store;
    let input = ContentInput {
        title: title.into(),
        category: "employer_branding".into(),
        target_url: target.into(),
        image_file: None,
        hashtags: "praca kultura".into(),
        language: "pl".into(),
        starts_at: starts,
        expires_at: Some(starts + 30 * DAY),
        texts: vec![("linkedin".into(), text.into())],
        program_ids: vec![program],
        team_ids: vec![],
    };
    let id = store.create_content(&input, editor, "draft", starts - DAY).await?;
    store
        .transition_content(id, "draft", "approved", Some(editor), None, starts - DAY)
        .await?;
    store
        .transition_content(id, "approved", "published", Some(editor), None, starts)
        .await?;
    store
        .transition_content(id, "published", "expired", None, None, starts + 30 * DAY)
        .await?;
    Ok(id)
}

/// One ambassador's LinkedIn share of a post through their own link (every other one
/// in their own words); returns the link.
#[allow(clippy::too_many_arguments)]
pub(super) async fn share(
    state: &AppState,
    user: i64,
    item: i64,
    program: i64,
    target: &str,
    text: &str,
    s: usize,
    at: i64,
) -> anyhow::Result<i64> {
    let store = &state.store;
    let code = link_code_from_bytes(&rand::random::<[u8; 16]>());
    let link = store
        .create_tracked_link(&code, user, item, "linkedin", Some(program), target, at)
        .await?;
    let own = s.is_multiple_of(2);
    let share = NewShare {
        user_id: user,
        item_id: Some(item),
        link_id: Some(link.id),
        program_id: Some(program),
        network: "linkedin".into(),
        text: if own {
            format!("U nas tak to wygląda – polecam przeczytać. {text}")
        } else {
            text.into()
        },
        post_url: None,
        topic: None,
        personalisation: Some(if own { 450 } else { 0 }),
    };
    store.record_share(&share, at).await?;
    Ok(link.id)
}
