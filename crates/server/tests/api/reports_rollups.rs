//! The roll-ups the click writers, share confirmation, conversion recording and the
//! anti-gaming review keep equal a recount from the raw rows, on both databases.

use crate::common::{TestApp, client};
use crate::story;
use ambasada_core::Role;
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;

const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const BOT: &str = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";

async fn follow(app: &TestApp, code: &str, agent: &str) {
    let res = client()
        .get(app.url(&format!("/s/{code}")))
        .header("user-agent", agent)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302, "{code} as {agent}");
}

/// The roll-ups as kept, then as recounted from the raw rows, must be the same rows.
async fn assert_rollups_match_a_recount(app: &TestApp, when: &str) -> Vec<String> {
    let store = &app.state.store;
    let kept = store.rollup_rows().await.unwrap();
    store.rebuild_rollups().await.unwrap();
    let recount = store.rollup_rows().await.unwrap();
    assert_eq!(kept, recount, "roll-ups differ from a recount {when}");
    kept
}

async fn rollups_equal_a_recount_after_clicks_bots_conversions_and_a_review(app: &TestApp) {
    let store = &app.state.store;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let ola = app.create_user("ola@test.example", &[Role::Ambassador]).await;
    let jan = app.create_user("jan@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("Employer branding", "employer-branding", None).await;
    for who in [ola, jan] {
        store.add_member(program, who, 0).await.unwrap();
    }
    let item = crate::common::approved_item(
        app,
        editor,
        &ContentInput {
            title: "We are hiring".into(),
            category: "job_offer".into(),
            target_url: "https://example.com/jobs".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "Join us".into()), ("x".into(), "Join us".into())],
            program_ids: vec![program],
            team_ids: vec![],
        },
    )
    .await;
    let now = ambasada_server::now();
    let mut links = Vec::new();
    for (who, network, code, personalisation) in [(ola, "linkedin", "RollUpOla1", 800), (jan, "x", "RollUpJan1", 100)] {
        let link = store
            .create_tracked_link(code, who, item, network, Some(program), "https://example.com/jobs", 0)
            .await
            .unwrap();
        let share = NewShare {
            user_id: who,
            item_id: Some(item),
            link_id: Some(link.id),
            program_id: Some(program),
            network: network.into(),
            text: "Join us, we are great".into(),
            post_url: None,
            topic: None,
            personalisation: Some(personalisation),
        };
        store.record_share(&share, now).await.unwrap();
        links.push(link);
    }
    // Ola's link: one visitor five times, three other visitors, four crawler hits;
    // Jan's: two visitors.
    for _ in 0..5 {
        follow(app, "RollUpOla1", CHROME).await;
    }
    for i in 0..3 {
        follow(app, "RollUpOla1", &format!("{CHROME} visitor{i}")).await;
    }
    for i in 0..4 {
        follow(app, "RollUpOla1", &format!("{BOT} {i}")).await;
    }
    for i in 0..2 {
        follow(app, "RollUpJan1", &format!("{CHROME} jan{i}")).await;
    }
    // Ewa clicks come before her share is confirmed (the link exists first); her share
    // is personalised, so those clicks become the item's personalised clicks then.
    let ewa = app.create_user("ewa@test.example", &[Role::Ambassador]).await;
    store.add_member(program, ewa, 0).await.unwrap();
    let ewa_link = store
        .create_tracked_link(
            "RollUpEwa1",
            ewa,
            item,
            "facebook",
            Some(program),
            "https://example.com/jobs",
            0,
        )
        .await
        .unwrap();
    for i in 0..3 {
        follow(app, "RollUpEwa1", &format!("{CHROME} ewa{i}")).await;
    }
    store.sync_clicks().await;
    let share = NewShare {
        user_id: ewa,
        item_id: Some(item),
        link_id: Some(ewa_link.id),
        program_id: Some(program),
        network: "facebook".into(),
        text: "Moje własne słowa".into(),
        post_url: None,
        topic: None,
        personalisation: Some(900),
    };
    store.record_share(&share, now).await.unwrap();
    follow(app, "RollUpEwa1", &format!("{CHROME} ewa-later")).await;
    // A conversion on Ola's first click.
    store.sync_clicks().await;
    assert!(store.click_exists(1).await.unwrap() || store.click_exists(2).await.unwrap());
    let first = if store.click_exists(1).await.unwrap() { 1 } else { 2 };
    store
        .record_conversion(first, "lead", Some("crm-1"), None, now)
        .await
        .unwrap();

    let rows = assert_rollups_match_a_recount(app, "after clicks").await;
    let day = ambasada_core::tracking::day_number(now);
    let ola_day = format!("click_days {} {day}: 8 4 4 1", links[0].id);
    let jan_day = format!("click_days {} {day}: 2 0 2 0", links[1].id);
    assert!(rows.contains(&ola_day), "{ola_day} in {rows:#?}");
    assert!(rows.contains(&jan_day), "{jan_day} in {rows:#?}");
    // Ola's share is personalised (800 per mille), Jan's is not: the item's row for
    // LinkedIn counts Ola's 8 clicks as personalised.
    let item_row = format!("stats_item_days {program} {day} {item} linkedin: 1001 8 8 1004004");
    assert!(rows.contains(&item_row), "{item_row} in {rows:#?}");
    let ewa_row = format!("stats_item_days {program} {day} {item} facebook: 1001 4 4 4000");
    assert!(rows.contains(&ewa_row), "{ewa_row} in {rows:#?}");

    // The review counts the visitor with five clicks as a bot: four visitors are left.
    let midnight = day * ambasada_core::DAY;
    store
        .reclassify_repeat_visitors(links[0].id, midnight, 2, now)
        .await
        .unwrap();
    let rows = assert_rollups_match_a_recount(app, "after the review").await;
    let ola_day = format!("click_days {} {day}: 3 9 3 1", links[0].id);
    assert!(rows.contains(&ola_day), "{ola_day} in {rows:#?}");
}
story!(rollups_equal_a_recount_after_clicks_bots_conversions_and_a_review);
