//! Seeds the publication calendar around today: three past weeks of planned posts for
//! the employer branding program, most shared on time, some missed and one skipped; the
//! demo ambassador's posts due today and this week; a post spread over the next two weeks
//! for the whole program; and one for the sales program next week.

use super::content::DemoItem;
use super::programs::Programs;
use crate::AppState;
use crate::calendar::service::{CheckedSlot, plan_posts};
use ambasada_core::{DAY, HOUR, Millis, Network};
use ambasada_store::calendar::SlotInput;
use jiff::ToSpan;
use jiff::civil::Date;

const TZ: &str = "Europe/Warsaw";

fn at(d: Date, hour: i8) -> Millis {
    crate::calendar::views::day_start(d, TZ) + hour as i64 * HOUR
}

fn slot(program_id: i64, content_id: Option<i64>, topic: Option<&str>, start: Millis, end: Millis) -> SlotInput {
    SlotInput {
        program_id,
        content_id,
        topic: topic.map(str::to_string),
        network: Network::Linkedin,
        starts_at: start,
        ends_at: end,
        audience: "program".into(),
        team_id: None,
        spread: false,
    }
}

pub(super) async fn seed_calendar(
    state: &AppState,
    now: Millis,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
) -> anyhow::Result<()> {
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let today = crate::calendar::views::today(TZ);
    let monday = today - (today.weekday().to_monday_zero_offset() as i64).days();
    seed_past_weeks(state, programs, published, coordinator, monday).await?;
    seed_sales_lapse(state, programs, published, coordinator, monday).await?;
    seed_this_week(state, now, programs, published, coordinator, today).await?;
    seed_next_weeks(state, now, programs, published, coordinator, monday).await?;
    // Whatever the past weeks left unshared is missed by now.
    state.store.mark_missed(now).await?;
    Ok(())
}

/// Monday to Wednesday of each of the last three weeks, an item for the whole program;
/// nearly everyone shares it on time, two a week miss it, one skips it with a reason.
async fn seed_past_weeks(
    state: &AppState,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    coordinator: i64,
    monday: Date,
) -> anyhow::Result<()> {
    let store = &state.store;
    let eb = programs.employer_branding;
    let now = crate::now();
    let (mut clicks, mut n) = (Vec::new(), 0u64);
    for week in 1..=3i64 {
        // Not the product news (index 2): sales shares that one through its own links.
        let (item_id, item) = published[[1, 3, 4][week as usize - 1] % published.len()];
        let target = target_of_item(state, item_id).await?;
        let first = monday - (7 * week).days();
        let (start, end) = (at(first, 9), at(first + 2.days(), 17));
        let posts: Vec<(i64, Millis, Millis)> = programs.ambassadors.iter().map(|u| (*u, start, end)).collect();
        let id = store
            .create_slot(
                &slot(eb, Some(item_id), None, start, end),
                &posts,
                coordinator,
                start - 2 * DAY,
            )
            .await?;
        for (k, user_id) in programs.ambassadors.iter().enumerate() {
            if week == 2 && k == 1 {
                let post = store.slot_posts(id).await?.into_iter().find(|p| p.user_id == *user_id);
                if let Some(post) = post {
                    store
                        .skip_post(post.id, *user_id, "Urlop – wracam w przyszłym tygodniu", start)
                        .await?;
                }
                continue;
            }
            if (k as i64 + week) % 7 == 0 {
                continue;
            }
            let at = start + (k as i64 % 8) * HOUR;
            let link = super::history::share(
                state,
                *user_id,
                item_id,
                eb,
                &target,
                item.linkedin,
                k + week as usize,
                at,
            )
            .await?;
            super::history::clicks_after(&mut clicks, &mut n, link, at, 18 + (k * 7 + week as usize) % 23, now);
        }
    }
    state.store.insert_clicks(&clicks).await?;
    Ok(())
}

/// Where a published item leads.
async fn target_of_item(state: &AppState, item_id: i64) -> anyhow::Result<String> {
    Ok(state
        .store
        .content_item(item_id)
        .await?
        .map(|i| i.target_url)
        .unwrap_or_default())
}

/// The sales program's last planned post, five weeks ago: only the demo ambassador
/// shared it, and nothing has been planned for sales since (its health check says so).
async fn seed_sales_lapse(
    state: &AppState,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    coordinator: i64,
    monday: Date,
) -> anyhow::Result<()> {
    let store = &state.store;
    let (item_id, item) = published[2 % published.len()];
    let first = monday - 35.days();
    let (start, end) = (at(first, 9), at(first + 2.days(), 17));
    let sales = programs.sales_members();
    let posts: Vec<(i64, Millis, Millis)> = sales.iter().map(|u| (*u, start, end)).collect();
    store
        .create_slot(
            &slot(programs.sales, Some(item_id), None, start, end),
            &posts,
            coordinator,
            start - 3 * DAY,
        )
        .await?;
    let target = target_of_item(state, item_id).await?;
    super::history::share(
        state,
        sales[0],
        item_id,
        programs.sales,
        &target,
        item.linkedin,
        1,
        start + 2 * HOUR,
    )
    .await?;
    Ok(())
}

/// The demo ambassador: an item due today, a free topic due later this week (or on the
/// next working day).
async fn seed_this_week(
    state: &AppState,
    now: Millis,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    coordinator: i64,
    today: Date,
) -> anyhow::Result<()> {
    let store = &state.store;
    let zofia = super::id_of(state, "ambasador@demo.example").await?;
    let eb = programs.employer_branding;
    let mut input = slot(
        eb,
        Some(published[0].0),
        None,
        at(today, 0),
        at(today, 23) + 59 * 60_000,
    );
    input.audience = "people".into();
    let posts = [(zofia, input.starts_at, input.ends_at)];
    store.create_slot(&input, &posts, coordinator, now - DAY).await?;
    let mut later = today + 1.day();
    while !ambasada_core::calendar::is_working_day(later) {
        later += 1.day();
    }
    let mut topic = slot(
        eb,
        None,
        Some("Napisz o swoim pierwszym tygodniu w firmie"),
        at(later, 9),
        at(later, 17),
    );
    topic.audience = "people".into();
    let posts = [(zofia, topic.starts_at, topic.ends_at)];
    store.create_slot(&topic, &posts, coordinator, now - DAY).await?;
    Ok(())
}

/// An item spread over the next two working weeks for the whole employer branding
/// program, and a free topic for the sales program next week.
async fn seed_next_weeks(
    state: &AppState,
    now: Millis,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    coordinator: i64,
    monday: Date,
) -> anyhow::Result<()> {
    let store = &state.store;
    let next = monday + 7.days();
    let (item_id, _) = published[1 % published.len()];
    let expires_at = store.content_item(item_id).await?.and_then(|i| i.expires_at);
    let mut input = slot(
        programs.employer_branding,
        Some(item_id),
        None,
        at(next, 0),
        at(next + 11.days(), 23),
    );
    input.spread = true;
    let checked = CheckedSlot {
        input,
        expires_at,
        item_teams: Vec::new(),
    };
    let posts = plan_posts(state, &checked, &programs.ambassadors, 0.2, TZ, now).await?;
    if let Ok(posts) = posts {
        store.create_slot(&checked.input, &posts, coordinator, now).await?;
    }
    let sales: Vec<i64> = store
        .members(programs.sales)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    if !sales.is_empty() {
        let input = slot(
            programs.sales,
            None,
            Some("Opowiedz o projekcie, z którego jesteś dumny"),
            at(next + 1.day(), 9),
            at(next + 3.days(), 17),
        );
        let posts: Vec<(i64, Millis, Millis)> = sales.iter().map(|u| (*u, input.starts_at, input.ends_at)).collect();
        store.create_slot(&input, &posts, coordinator, now).await?;
    }
    Ok(())
}
