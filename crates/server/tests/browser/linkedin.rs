//! Posting on LinkedIn directly, on a phone, against the local fake LinkedIn of the api
//! tests: an ambassador connects their account, schedules their planned calendar post
//! with their own words, publishes another text at once, follows the posts on "My
//! LinkedIn posts" and cancels the planned one. No page scrolls sideways.

#[allow(dead_code)]
#[path = "../api/fake_linkedin.rs"]
mod fake_linkedin;

use super::common::{Db, TestApp};
use super::{
    Driver, assert_no_horizontal_scroll, element, fill, js, linkedin_slot, office_item, switch_person, text_of,
    wait_for_path,
};
use ambasada_core::{DAY, HOUR, Role};
use fake_linkedin::FakeLinkedIn;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ambassador_connects_linkedin_schedules_the_planned_post_and_publishes_another() {
    let driver = Driver::start().await;
    let fake = FakeLinkedIn::start().await;
    let cfg = fake.config();
    let app = TestApp::spawn_with(Db::Sqlite, move |c| c.linkedin = Some(cfg), None).await;
    let store = &app.state.store;
    let coordinator = "koord@test.example";
    let ambassador = "amb@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let amb_id = app.create_user(ambassador, &[Role::Ambassador]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let item = office_item(&app, coord_id, program).await;
    let now = ambasada_server::now();
    let (start, end) = (now + 2 * DAY, now + 2 * DAY + 8 * HOUR);
    let (_, planned) = linkedin_slot(&app, (program, item, coord_id), amb_id, (start, end), now).await;
    let c = driver.browser().await;

    // 1. Connect LinkedIn from the profile: LinkedIn's consent (the fake) sends the
    //    browser back, and the profile names the member.
    switch_person(&c, &app, ambassador).await;
    c.goto(&app.url("/app/profile")).await.unwrap();
    element(&c, "a#linkedin-connect").await.click().await.unwrap();
    let connected = text_of(&c, "#linkedin-connected").await;
    assert!(connected.contains("Anna Nowak"), "{connected}");
    wait_for_path(&c, "/app/profile").await;
    assert_no_horizontal_scroll(&c, "the profile with LinkedIn connected").await;

    // 2. The share screen's LinkedIn tab offers publishing, with the planned post's time.
    let share = format!("/app/feed/{item}");
    c.goto(&app.url(&format!("{share}?network=linkedin"))).await.unwrap();
    element(&c, "#linkedin-planned").await;
    let at = js(&c, "return document.getElementById('at').value").await;
    let expected = ambasada_server::content::service::local_input(start, "Europe/Warsaw");
    assert_eq!(at.as_str(), Some(expected.as_str()));
    assert_no_horizontal_scroll(&c, "the share screen with LinkedIn").await;

    // 3. Schedule it with one's own words: it is listed as planned, and the planned post
    //    is accepted.
    fill(&c, "#text", "Nasze nowe biuro nad rzeką! #praca").await;
    element(&c, "#linkedin-schedule").await.click().await.unwrap();
    wait_for_path(&c, "/app/linkedin").await;
    element(&c, "#linkedin-posts tr[data-status='scheduled']").await;
    assert_no_horizontal_scroll(&c, "My LinkedIn posts").await;
    let accepted = store.planned_post(planned).await.unwrap().unwrap();
    assert!(accepted.accepted_at.is_some(), "scheduling accepts the planned post");

    // 4. Publish another text at once: the share screen shows it shared, LinkedIn got it.
    c.goto(&app.url(&format!("{share}?network=linkedin"))).await.unwrap();
    fill(&c, "#text", "Zajrzyjcie do nas (Kraków) – teraz!").await;
    element(&c, "#linkedin-publish").await.click().await.unwrap();
    element(&c, "#share-done").await;
    wait_for_path(&c, &share).await;
    let posts = fake.posts();
    assert_eq!(posts.len(), 1, "one post went to LinkedIn");
    assert_eq!(posts[0].json()["commentary"], "Zajrzyjcie do nas \\(Kraków\\) – teraz!");

    // 5. My LinkedIn posts: one published with its link, one planned; cancel the planned.
    c.goto(&app.url("/app/linkedin")).await.unwrap();
    element(
        &c,
        "#linkedin-posts tr[data-status='sent'] a[href^='https://www.linkedin.com/feed/update/']",
    )
    .await;
    element(
        &c,
        "#linkedin-posts tr[data-status='scheduled'] a[href^='/app/linkedin/']",
    )
    .await
    .click()
    .await
    .unwrap();
    element(&c, "#linkedin-cancel").await.click().await.unwrap();
    wait_for_path(&c, "/app/linkedin").await;
    element(&c, "#linkedin-posts tr[data-status='cancelled']").await;
    let mine = store.linkedin_posts_of(amb_id, 10).await.unwrap();
    let mut statuses: Vec<&str> = mine.iter().map(|r| r.post.status.as_str()).collect();
    statuses.sort();
    assert_eq!(statuses, ["cancelled", "sent"]);

    driver.assert_keeps_to_the_policy(&c, "the LinkedIn journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}
