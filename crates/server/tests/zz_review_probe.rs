// Throwaway review probe; deleted after the review.
#[macro_use]
#[path = "common/mod.rs"]
pub mod common;

use ambasada_core::rewards::awarding::CLICKS_SETTLE;
use ambasada_core::rewards::points::Rule;
use ambasada_core::rewards::review::REVIEW_WINDOW;
use ambasada_core::tracking::day_number;
use ambasada_core::{DAY, Role, Scope};
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;
use ambasada_store::rewards::points::Award;
use ambasada_store::tracking::NewClick;
use common::{PASSWORD, TestApp, client};

const SUGGESTED: &str = "We are hiring a Rust developer in Warsaw. Join our team and build payments with us!";
const OWN: &str = "I have worked here for three years and I would recommend this team to every engineer I know.";

async fn token(app: &TestApp, user_id: i64, scopes: &[Scope]) -> String {
    let secret = format!("amb_{}", ambasada_server::auth::new_token());
    app.state
        .store
        .create_api_token(user_id, "t", &ambasada_server::auth::hash_token(&secret), scopes, 0)
        .await
        .unwrap();
    secret
}

async fn item(app: &TestApp, author: i64, title: &str, programs: Vec<i64>) -> i64 {
    let id = app
        .state
        .store
        .create_content(
            &ContentInput {
                title: title.into(),
                category: "job_offer".into(),
                target_url: "https://www.example.com/jobs".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), SUGGESTED.into())],
                program_ids: programs,
                team_ids: vec![],
            },
            author,
            "draft",
            0,
        )
        .await
        .unwrap();
    app.state
        .store
        .transition_content(id, "draft", "approved", Some(author), None, 0)
        .await
        .unwrap();
    id
}

fn click(link_id: i64, at: i64, visitor: &str) -> NewClick {
    NewClick {
        link_id,
        at,
        network: "linkedin",
        visitor_hash: visitor.to_string(),
        browser: "desktop",
        referrer_host: None,
    }
}

async fn same_share_confirmed_repeatedly(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let id = item(app, coord, "Rust developer", vec![program]).await;
    let u = app.create_user("a@test.example", &[Role::Ambassador]).await;
    app.state.store.add_member(program, u, 0).await.unwrap();
    let t = token(app, u, &[Scope::SharesWrite, Scope::ContentRead]).await;
    let mut codes = vec![];
    for _ in 0..5 {
        let res = client()
            .post(app.url("/api/v1/shares"))
            .bearer_auth(&t)
            .json(&serde_json::json!({"content_id": id, "network": "linkedin", "text": OWN}))
            .send()
            .await
            .unwrap();
        codes.push(res.status().as_u16());
    }
    let b = app.state.store.balance(u).await.unwrap();
    eprintln!("PROBE repeated-share statuses={codes:?} lifetime={}", b.lifetime);
}
story!(same_share_confirmed_repeatedly);

async fn clicks_board_counts_reloads(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let id = item(app, coord, "Job fair", vec![program]).await;
    let mut links = vec![];
    for (i, email) in ["r@test.example", "h@test.example"].iter().enumerate() {
        let u = app.create_user(email, &[Role::Ambassador]).await;
        store.add_member(program, u, 0).await.unwrap();
        let link = store
            .create_tracked_link(
                &format!("Probe000{i}"),
                u,
                id,
                "linkedin",
                Some(program),
                "https://www.example.com/jobs",
                0,
            )
            .await
            .unwrap();
        store
            .record_share(
                &NewShare {
                    user_id: u,
                    item_id: Some(id),
                    link_id: Some(link.id),
                    program_id: Some(program),
                    network: "linkedin".into(),
                    text: SUGGESTED.into(),
                    post_url: None,
                    topic: None,
                    personalisation: Some(0),
                },
                ambasada_server::now(),
            )
            .await
            .unwrap();
        links.push((u, link.id));
    }
    let now = ambasada_server::now();
    // reloader: one visitor, 30 clicks; honest: 5 visitors, 1 click each
    let mut clicks: Vec<NewClick> = (0..30).map(|_| click(links[0].1, now, "reloader")).collect();
    clicks.extend(["a", "b", "c", "d", "e"].map(|v| click(links[1].1, now, v)));
    store.insert_clicks(&clicks).await.unwrap();
    let q = ambasada_store::rewards::leaderboards::BoardQuery {
        program_id: program,
        metric: ambasada_core::rewards::leaderboards::Metric::Clicks,
        from: now - DAY,
        to: now + DAY,
        team_id: None,
        content_id: None,
    };
    let rows = store.board_rows(&q).await.unwrap();
    eprintln!(
        "PROBE clicks-board {:?}",
        rows.iter().map(|r| (r.user_id, r.value)).collect::<Vec<_>>()
    );
}
story!(clicks_board_counts_reloads);

async fn partial_day_overcorrection(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let id = item(app, coord, "Job fair", vec![program]).await;
    let u = app.create_user("r@test.example", &[Role::Ambassador]).await;
    store.add_member(program, u, 0).await.unwrap();
    let link = store
        .create_tracked_link(
            "Probe0009",
            u,
            id,
            "linkedin",
            Some(program),
            "https://www.example.com/jobs",
            0,
        )
        .await
        .unwrap();
    let share = store
        .record_share(
            &NewShare {
                user_id: u,
                item_id: Some(id),
                link_id: Some(link.id),
                program_id: Some(program),
                network: "linkedin".into(),
                text: SUGGESTED.into(),
                post_url: None,
                topic: None,
                personalisation: Some(0),
            },
            0,
        )
        .await
        .unwrap();
    let now = ambasada_server::now();
    let since = now - REVIEW_WINDOW;
    let d = day_number(since);
    let start = d * DAY;
    // 9 honest visitors before `since` on day d, one reloader after it (same day)
    let mut clicks: Vec<NewClick> = (0..9).map(|i| click(link.id, start + i, &format!("h{i}"))).collect();
    let late = (since + 60_000).min(start + DAY - 1);
    eprintln!("PROBE partial late-in-day={}", day_number(late) == d);
    clicks.extend((0..12).map(|k| click(link.id, late + k.min(0), "reloader")));
    store.insert_clicks(&clicks).await.unwrap();
    let due = store.unawarded_click_days(start, start + DAY).await.unwrap();
    eprintln!("PROBE partial due={due:?}");
    for dd in &due {
        store
            .award(
                &Award {
                    user_id: dd.user_id,
                    program_id: dd.program_id,
                    rule: Rule::Click,
                    source: &format!("clicks:{}:{}", dd.share_id, dd.day),
                    amount: dd.visitors.min(20),
                    reason: None,
                },
                now,
            )
            .await
            .unwrap();
    }
    let before = store.balance(u).await.unwrap().lifetime;
    let res = app
        .post_form(
            &format!("/app/programs/{program}/points/review/links/{}/bots", link.id),
            &[],
        )
        .await;
    let after = store.balance(u).await.unwrap().lifetime;
    eprintln!(
        "PROBE partial share={share} status={} before={before} after={after}",
        res.status()
    );
    let _ = CLICKS_SETTLE;
    let _ = PASSWORD;
}
story!(partial_day_overcorrection);
