//! Slack and Microsoft Teams webhooks: a local HTTP listener that this test starts stands
//! in for Slack and Teams (it records each request and answers what the test tells it);
//! the coordinator sets the URLs on the program's page; the bodies are checked field by
//! field; a 500 and a 429 are retried, a 404 stops the channel, a redirect is not followed;
//! the URL is never shown whole, nor in any API answer. Without `webhooks_allow_private` (as in
//! production), nothing is posted to this machine or a private network.

use crate::common::{Db, PASSWORD, TestApp, postgres_url, wait_for, wait_until};
use crate::story;
use ambasada_core::{Network, Role, Scope};
use ambasada_server::mail::RetryPolicy;
use ambasada_store::webhooks::WebhookDelivery;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request the listener received.
#[derive(Clone, Debug)]
struct Received {
    body: Value,
    content_type: String,
    at: Instant,
}

/// An answer the listener gives: status, `Retry-After`, body.
type Answer = (u16, Option<&'static str>, &'static str);

#[derive(Default)]
struct HookState {
    received: HashMap<String, Vec<Received>>,
    /// Answers to give, per path, before the default one (Slack's `200 ok`, Teams' `202`).
    script: HashMap<String, VecDeque<Answer>>,
}

/// The stand-in for Slack and Teams: `http://127.0.0.1:{port}/slack/...` and `/teams/...`.
#[derive(Clone, Default)]
struct Hook(Arc<Mutex<HookState>>);

impl Hook {
    async fn start() -> (Hook, String) {
        let hook = Hook::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let router = axum::Router::new().fallback(answer).with_state(hook.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        (hook, base)
    }

    /// The next answers to requests on `path`.
    fn script(&self, path: &str, answers: &[Answer]) {
        let mut s = self.0.lock().unwrap();
        s.script
            .entry(path.to_string())
            .or_default()
            .extend(answers.iter().copied());
    }

    fn received(&self, path: &str) -> Vec<Received> {
        self.0.lock().unwrap().received.get(path).cloned().unwrap_or_default()
    }

    /// Waits until `path` received `n` requests, and returns them.
    async fn wait_for(&self, path: &str, n: usize) -> Vec<Received> {
        wait_for(&format!("{n} request(s) on {path}"), async || {
            let r = self.received(path);
            if r.len() >= n {
                Ok(r)
            } else {
                Err(format!("{} so far", r.len()))
            }
        })
        .await
    }
}

async fn answer(State(hook): State<Hook>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let path = uri.path().to_string();
    let mut s = hook.0.lock().unwrap();
    s.received.entry(path.clone()).or_default().push(Received {
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        content_type: headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string(),
        at: Instant::now(),
    });
    let default: Answer = if path.starts_with("/teams") {
        (202, None, "")
    } else {
        (200, None, "ok")
    };
    let (status, retry_after, text) = s.script.get_mut(&path).and_then(|q| q.pop_front()).unwrap_or(default);
    let mut res = (StatusCode::from_u16(status).unwrap(), text).into_response();
    // A redirect leads to `/redirected` on this listener, which a sender that followed it
    // would post to.
    if (300..400).contains(&status) {
        res.headers_mut().insert("location", "/redirected".parse().unwrap());
    }
    if let Some(r) = retry_after {
        res.headers_mut().insert("retry-after", r.parse().unwrap());
    }
    res
}

/// Retries within milliseconds, so that the test waits for them rather than minutes.
fn quick_policy() -> RetryPolicy {
    RetryPolicy {
        first_delay: 20,
        max_delay: 100,
        max_attempts: 3,
        stale_after: 5_000,
        poll: Duration::from_millis(20),
    }
}

/// A coordinator logged in on a client of their own, and their program.
async fn coordinator_with_program(app: &TestApp) -> (TestApp, i64, i64) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    (coord, coord_id, program)
}

async fn deliveries(app: &TestApp, program: i64) -> Vec<WebhookDelivery> {
    let mut d = app.state.store.webhook_deliveries(program, 100).await.unwrap();
    d.reverse();
    d
}

/// Waits until every message of the program is out of the queue (sent or failed).
async fn settled(app: &TestApp, program: i64, n: usize) -> Vec<WebhookDelivery> {
    wait_for(&format!("{n} message(s) settled"), async || {
        let d = deliveries(app, program).await;
        if d.len() == n && d.iter().all(|d| d.status != "pending") {
            Ok(d)
        } else {
            Err(format!(
                "{:?}",
                d.iter().map(|d| (&d.event, &d.status, d.attempts)).collect::<Vec<_>>()
            ))
        }
    })
    .await
}

async fn page(client: &TestApp, program: i64) -> String {
    let res = client.get(&format!("/app/programs/{program}/integrations")).await;
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

async fn set_url(client: &TestApp, program: i64, kind: &str, url: &str) -> reqwest::Response {
    client
        .post_form(&format!("/app/programs/{program}/integrations/{kind}"), &[("url", url)])
        .await
}

async fn slack_and_teams_get_the_test_message_and_new_content(app: &TestApp) {
    app.state.webhooks.set_policy(quick_policy());
    let (hook, base) = Hook::start().await;
    let (coord, coord_id, program) = coordinator_with_program(app).await;
    let slack_url = format!("{base}/slack/T000/B000/SECRETslackABCD");
    let teams_url = format!("{base}/teams/workflows/1/invoke?api-version=1&sig=SECRETteamsWXYZ");

    // Bad URLs are refused on the field, with what was typed.
    let res = set_url(&coord, program, "slack", "http://hooks.slack.example/services/T/B/X").await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("must start with https://"), "the https rule is explained");
    assert!(
        html.contains("value=\"http://hooks.slack.example/services/T/B/X\""),
        "input kept"
    );
    assert_eq!(
        set_url(&coord, program, "slack", "ftp://127.0.0.1/x").await.status(),
        422
    );
    assert_eq!(set_url(&coord, program, "slack", "").await.status(), 422);
    assert_eq!(set_url(&coord, program, "discord", &slack_url).await.status(), 404);
    assert!(app.state.store.program_webhooks(program).await.unwrap().is_empty());

    assert_eq!(set_url(&coord, program, "slack", &slack_url).await.status(), 303);
    assert_eq!(set_url(&coord, program, "teams", &teams_url).await.status(), 303);
    let html = page(&coord, program).await;
    assert!(html.contains(&format!("{base}/…ABCD")), "Slack's URL masked");
    assert!(html.contains(&format!("{base}/…WXYZ")), "Teams' URL masked");
    assert!(!html.contains("SECRET"), "no URL shown whole");
    assert!(html.contains("Set, nothing sent yet"));

    // The test button delivers, to each channel.
    let res = coord
        .post_form(&format!("/app/programs/{program}/integrations/slack/test"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let slack = hook.wait_for("/slack/T000/B000/SECRETslackABCD", 1).await;
    assert_eq!(slack[0].content_type, "application/json");
    let b = &slack[0].body;
    assert_eq!(b["text"], "Test message from Ambasada");
    assert_eq!(b["blocks"][0]["type"], "header");
    assert_eq!(b["blocks"][0]["text"]["type"], "plain_text");
    assert_eq!(b["blocks"][0]["text"]["text"], "Test message from Ambasada");
    assert_eq!(b["blocks"][1]["type"], "section");
    assert_eq!(b["blocks"][1]["text"]["type"], "mrkdwn");
    assert!(
        b["blocks"][1]["text"]["text"]
            .as_str()
            .unwrap()
            .starts_with("The Employer branding program will post here")
    );
    assert_eq!(b["blocks"][2]["type"], "context");
    assert_eq!(b["blocks"][2]["elements"][0]["text"], "Ambasada · Employer branding");
    assert_eq!(b["blocks"][3]["type"], "actions");
    assert_eq!(b["blocks"][3]["elements"][0]["type"], "button");
    assert_eq!(b["blocks"][3]["elements"][0]["url"], app.url("/app/feed").as_str());

    coord
        .post_form(&format!("/app/programs/{program}/integrations/teams/test"), &[])
        .await;
    let teams = hook.wait_for("/teams/workflows/1/invoke", 1).await;
    assert_eq!(teams[0].content_type, "application/json");
    let b = &teams[0].body;
    assert_eq!(b["type"], "message");
    let a = &b["attachments"][0];
    assert_eq!(a["contentType"], "application/vnd.microsoft.card.adaptive");
    assert!(a["contentUrl"].is_null() && a.as_object().unwrap().contains_key("contentUrl"));
    let card = &a["content"];
    assert_eq!(card["$schema"], "http://adaptivecards.io/schemas/adaptive-card.json");
    assert_eq!(card["type"], "AdaptiveCard");
    assert_eq!(card["version"], "1.4");
    assert_eq!(card["body"][0]["type"], "TextBlock");
    assert_eq!(card["body"][0]["text"], "Test message from Ambasada");
    assert_eq!(card["body"][0]["wrap"], true);
    assert_eq!(card["actions"][0]["type"], "Action.OpenUrl");
    assert_eq!(card["actions"][0]["url"], app.url("/app/feed").as_str());
    let sent = settled(app, program, 2).await;
    assert!(
        sent.iter()
            .all(|d| d.status == "sent" && d.attempts == 1 && d.event == "test")
    );
    let html = page(&coord, program).await;
    assert!(html.contains("Working"), "both channels work");
    assert!(html.contains("Last delivered"));

    // New content published for the program goes to both channels.
    let item = app
        .state
        .store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Q&A <live> with the CTO".into(),
                category: "event".into(),
                target_url: "https://www.example.com/qa".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Join us.".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            coord_id,
            "published",
            0,
        )
        .await
        .unwrap();
    let item = app.state.store.content_item(item).await.unwrap().unwrap();
    ambasada_server::integrations::content_published(&app.state, &item)
        .await
        .unwrap();
    let slack = hook.wait_for("/slack/T000/B000/SECRETslackABCD", 2).await;
    let b = &slack[1].body;
    assert_eq!(b["text"], "New content to share: Q&amp;A &lt;live&gt; with the CTO");
    assert_eq!(b["blocks"][0]["text"]["text"], "New content to share");
    let section = b["blocks"][1]["text"]["text"].as_str().unwrap();
    assert!(section.starts_with("Q&amp;A &lt;live&gt; with the CTO\n*Category:* Event\n*Networks:* LinkedIn"));
    assert_eq!(b["blocks"][3]["elements"][0]["text"]["text"], "Share it");
    assert_eq!(
        b["blocks"][3]["elements"][0]["url"],
        app.url(&format!("/app/feed/{}", item.id)).as_str()
    );
    let teams = hook.wait_for("/teams/workflows/1/invoke", 2).await;
    let card = &teams[1].body["attachments"][0]["content"];
    assert_eq!(card["body"][0]["text"], "New content to share");
    assert_eq!(card["body"][1]["text"], "Q&A <live\\> with the CTO", "Markdown escaped");
    assert_eq!(card["body"][2]["type"], "FactSet");
    assert_eq!(card["body"][2]["facts"][0]["title"], "Category");
    assert_eq!(card["body"][2]["facts"][0]["value"], "Event");
    assert_eq!(card["actions"][0]["title"], "Share it");
    settled(app, program, 4).await;

    // No API answer carries a URL.
    let secret = "amb_webhooks-test-token-0123456789abcdef";
    app.state
        .store
        .create_api_token(
            coord_id,
            "cli",
            &ambasada_server::auth::hash_token(secret),
            &[Scope::ReportsRead, Scope::ContentRead],
            0,
        )
        .await
        .unwrap();
    for path in [
        "/api/v1/me".to_string(),
        "/api/v1/programs".to_string(),
        format!("/api/v1/programs/{program}/health"),
        format!("/api/v1/programs/{program}/goals"),
    ] {
        let res = app.client.get(app.url(&path)).bearer_auth(secret).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let text = res.text().await.unwrap();
        assert!(
            !text.contains("SECRET") && !text.contains(&base),
            "{path} shows no webhook URL"
        );
    }

    // Another program's coordinator, and an ambassador, may not see or change it.
    let other = TestApp::sibling(app);
    other.create_user("other@test.example", &[Role::Coordinator]).await;
    assert_eq!(other.login("other@test.example", PASSWORD).await.status(), 303);
    let url = format!("/app/programs/{program}/integrations");
    assert_eq!(other.get(&url).await.status(), 403);
    assert_eq!(
        set_url(&other, program, "slack", "https://evil.example/x")
            .await
            .status(),
        403
    );
    let res = other.post_form(&format!("{url}/slack/test"), &[]).await;
    assert_eq!(res.status(), 403);
    assert_eq!(other.post_form(&format!("{url}/slack/delete"), &[]).await.status(), 403);
    let amb = TestApp::sibling(app);
    amb.create_user("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);
    assert_eq!(amb.get(&url).await.status(), 403);
    // Without the CSRF token, nothing changes.
    let res = coord
        .client
        .post(coord.url(&format!("{url}/slack/delete")))
        .send()
        .await
        .unwrap();
    assert_ne!(res.status(), 303);
    // An admin may.
    let admin = TestApp::sibling(app);
    admin.create_user("admin@test.example", &[Role::Admin]).await;
    assert_eq!(admin.login("admin@test.example", PASSWORD).await.status(), 303);
    assert!(page(&admin, program).await.contains(&format!("{base}/…ABCD")));

    // Removing a URL deletes it.
    let res = coord.post_form(&format!("{url}/teams/delete"), &[]).await;
    assert_eq!(res.status(), 303);
    let hooks = app.state.store.program_webhooks(program).await.unwrap();
    assert_eq!(hooks.iter().map(|h| h.kind.as_str()).collect::<Vec<_>>(), ["slack"]);
    assert!(!page(&coord, program).await.contains(&format!("{base}/…WXYZ")));
}
story!(slack_and_teams_get_the_test_message_and_new_content);

async fn a_failing_webhook_is_retried_and_a_revoked_one_stops(app: &TestApp) {
    app.state.webhooks.set_policy(quick_policy());
    let (hook, base) = Hook::start().await;
    let (coord, _, program) = coordinator_with_program(app).await;
    let path = "/slack/T1/B1/SECRETfirst0001";
    assert_eq!(
        set_url(&coord, program, "slack", &format!("{base}{path}"))
            .await
            .status(),
        303
    );
    let test = format!("/app/programs/{program}/integrations/slack/test");

    // A 500 is tried again, and the next attempt is delivered.
    hook.script(path, &[(500, None, "boom")]);
    coord.post_form(&test, &[]).await;
    hook.wait_for(path, 2).await;
    let d = settled(app, program, 1).await;
    assert_eq!((d[0].status.as_str(), d[0].attempts), ("sent", 2));
    let html = page(&coord, program).await;
    assert!(html.contains("HTTP 500: boom"), "the last error is shown");
    assert!(html.contains("Working"), "delivered since");

    // A 429 waits for the time its Retry-After asks (the policy alone would retry
    // after 20 ms).
    hook.script(path, &[(429, Some("1"), "rate_limited")]);
    coord.post_form(&test, &[]).await;
    let r = hook.wait_for(path, 4).await;
    let waited = r[3].at - r[2].at;
    assert!(waited >= Duration::from_millis(900), "waited {waited:?}");
    let d = settled(app, program, 2).await;
    assert_eq!((d[1].status.as_str(), d[1].attempts), ("sent", 2));

    // Failing every attempt, a message is given up after the policy's attempts.
    hook.script(path, &[(503, None, ""), (502, None, ""), (500, None, "")]);
    coord.post_form(&test, &[]).await;
    let d = settled(app, program, 3).await;
    assert_eq!((d[2].status.as_str(), d[2].attempts), ("failed", 3));
    assert_eq!(d[2].last_error.as_deref(), Some("HTTP 500"));
    assert!(page(&coord, program).await.contains("Failing"));
    assert_eq!(hook.received(path).len(), 7);

    // A 404 means the URL was revoked: the channel stops and says so.
    hook.script(path, &[(404, None, "no_service")]);
    coord.post_form(&test, &[]).await;
    wait_until("the channel stopped", async || {
        app.state.store.program_webhooks(program).await.unwrap()[0]
            .stopped_at
            .is_some()
    })
    .await;
    let d = settled(app, program, 4).await;
    assert_eq!((d[3].status.as_str(), d[3].attempts), ("failed", 1));
    let html = page(&coord, program).await;
    assert!(html.contains("id=\"webhook-slack-stopped\""), "the stop is explained");
    assert!(html.contains("Stopped"));
    assert!(html.contains("HTTP 404: no_service"));
    // The coordinator is told in the app too.
    let coordinator = app
        .state
        .store
        .program(program)
        .await
        .unwrap()
        .unwrap()
        .coordinator_id
        .unwrap();
    let (notes, _) = app.state.store.notifications(coordinator, 10, 0).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "webhook-failing"), "{notes:?}");
    // Nothing more is queued or sent to it: not a test, not new content.
    let res = coord.post_form(&test, &[]).await;
    assert_eq!(res.status(), 303);
    let next = coord
        .get(&format!("/app/programs/{program}/integrations"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        next.contains("is stopped: set a new URL first"),
        "the test button says why"
    );
    let item = ambasada_store::content::ContentItem {
        id: 1,
        title: "x".into(),
        category: "event".into(),
        target_url: String::new(),
        image_file: None,
        hashtags: String::new(),
        language: "en".into(),
        status: "published".into(),
        reject_reason: None,
        author_id: None,
        author_name: None,
        starts_at: 0,
        expires_at: None,
        created_at: 0,
        updated_at: 0,
        texts: vec![],
        program_ids: vec![program],
        team_ids: vec![],
    };
    ambasada_server::integrations::content_published(&app.state, &item)
        .await
        .unwrap();
    assert_eq!(
        deliveries(app, program).await.len(),
        4,
        "nothing queued for a stopped channel"
    );

    // A new URL ends the stop.
    let new_path = "/slack/T1/B1/SECRETsecond002";
    assert_eq!(
        set_url(&coord, program, "slack", &format!("{base}{new_path}"))
            .await
            .status(),
        303
    );
    let html = page(&coord, program).await;
    assert!(!html.contains("webhook-slack-stopped"));
    assert!(html.contains(&format!("{base}/…d002")));
    coord.post_form(&test, &[]).await;
    hook.wait_for(new_path, 1).await;
    let d = settled(app, program, 5).await;
    assert_eq!(d[4].status, "sent");
    assert_eq!(hook.received(path).len(), 8, "the revoked URL got nothing more");

    // A redirect is not followed (it could lead anywhere, this machine included), nor
    // tried again.
    hook.script(new_path, &[(302, None, "")]);
    coord.post_form(&test, &[]).await;
    let d = settled(app, program, 6).await;
    assert_eq!((d[5].status.as_str(), d[5].attempts), ("failed", 1));
    assert_eq!(d[5].last_error.as_deref(), Some("HTTP 302"));
    assert!(hook.received("/redirected").is_empty(), "the redirect was not followed");
}
story!(a_failing_webhook_is_retried_and_a_revoked_one_stops);

/// 9:00 on Monday 7 January 2030 in Warsaw, and an instant `days` and `hours` from it.
fn monday(days: i64, hours: i64) -> i64 {
    jiff::civil::date(2030, 1, 7)
        .at(9, 0, 0, 0)
        .in_tz("Europe/Warsaw")
        .unwrap()
        .timestamp()
        .as_millisecond()
        + days * ambasada_core::DAY
        + hours * ambasada_core::HOUR
}

async fn the_weekly_plan_and_missed_posts_go_out_once_on_monday(app: &TestApp) {
    app.state.webhooks.set_policy(quick_policy());
    let (hook, base) = Hook::start().await;
    let (coord, coord_id, program) = coordinator_with_program(app).await;
    let store = &app.state.store;
    let anna = app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let jan = app.create_user("jan@test.example", &[Role::Ambassador]).await;
    for a in [anna, jan] {
        store.add_member(program, a, 0).await.unwrap();
    }
    let slot = |topic: &str, start: i64| ambasada_store::calendar::SlotInput {
        program_id: program,
        content_id: None,
        topic: Some(topic.into()),
        network: Network::Linkedin,
        starts_at: start,
        ends_at: start + 4 * ambasada_core::HOUR,
        audience: "people".into(),
        team_id: None,
        spread: false,
    };
    // This week: Tuesday's post for both.
    let tue = monday(1, 0);
    store
        .create_slot(
            &slot("My first week", tue),
            &[
                (anna, tue, tue + 4 * ambasada_core::HOUR),
                (jan, tue, tue + 4 * ambasada_core::HOUR),
            ],
            coord_id,
            0,
        )
        .await
        .unwrap();
    // Last week: Wednesday's post for both; Anna published hers, Jan missed his.
    let wed = monday(-5, 0);
    store
        .create_slot(
            &slot("Our office", wed),
            &[
                (anna, wed, wed + 4 * ambasada_core::HOUR),
                (jan, wed, wed + 4 * ambasada_core::HOUR),
            ],
            coord_id,
            0,
        )
        .await
        .unwrap();
    store
        .record_share(
            &ambasada_store::content::sharing::NewShare {
                user_id: anna,
                item_id: None,
                link_id: None,
                program_id: Some(program),
                network: "linkedin".into(),
                text: "Our office, seen from my desk.".into(),
                post_url: None,
                topic: Some("Our office".into()),
                personalisation: None,
            },
            wed + ambasada_core::HOUR,
        )
        .await
        .unwrap();
    store.mark_missed(monday(0, 0)).await.unwrap();
    // Jan's Saturday post, past its day of grace by Monday but not marked missed yet (the
    // job has not run since), and Anna's post that ended at 19:00 on Sunday, within its day
    // of grace until 19:00 on Monday.
    let sat = monday(-2, 0);
    let sun = monday(-1, 6);
    for (who, start, topic) in [(jan, sat, "Weekend"), (anna, sun, "Sunday")] {
        store
            .create_slot(
                &slot(topic, start),
                &[(who, start, start + 4 * ambasada_core::HOUR)],
                coord_id,
                0,
            )
            .await
            .unwrap();
    }
    assert_eq!(
        set_url(&coord, program, "slack", &format!("{base}/slack/weekly"))
            .await
            .status(),
        303
    );

    let queue = |now: i64| ambasada_server::integrations::queue_weekly(&app.state, now);
    assert_eq!(queue(monday(0, -2)).await.unwrap(), 0, "7:00: not yet");
    assert_eq!(queue(monday(-1, 0)).await.unwrap(), 0, "Sunday");
    // Two servers at once on Monday morning: each message once.
    let (a, b) = tokio::join!(queue(monday(0, 0)), queue(monday(0, 0)));
    assert_eq!(a.unwrap() + b.unwrap(), 2, "the plan and the missed posts");
    assert_eq!(queue(monday(0, 3)).await.unwrap(), 0, "later that Monday: already sent");

    let r = hook.wait_for("/slack/weekly", 2).await;
    let bodies: Vec<&Value> = r.iter().map(|r| &r.body).collect();
    let plan = bodies
        .iter()
        .find(|b| b["blocks"][0]["text"]["text"] == "Publication plan for the week 2030-01-07 – 2030-01-13")
        .expect("the week's plan");
    assert_eq!(
        plan["text"],
        "Publication plan for the week 2030-01-07 – 2030-01-13: 2 planned posts"
    );
    let section = plan["blocks"][1]["text"]["text"].as_str().unwrap();
    assert!(section.starts_with("Posts planned this week:\n2030-01-08 09:00 · LinkedIn · My first week · Test "));
    assert!(section.contains("*Planned posts:* 2\n*Ambassadors:* 2"), "{section}");
    assert_eq!(
        plan["blocks"][3]["elements"][0]["url"],
        app.url(&format!("/app/calendar?program={program}")).as_str()
    );
    let missed = bodies
        .iter()
        .find(|b| b["blocks"][0]["text"]["text"] == "Missed planned posts: 2029-12-31 – 2030-01-06")
        .expect("last week's missed posts");
    // Judged at 9:00 on Monday: the unmarked Saturday post is missed; Sunday's is overdue,
    // not counted as missed nor in the realisation (one done of three due).
    let section = missed["blocks"][1]["text"]["text"].as_str().unwrap();
    assert_eq!(
        section,
        "Last week these planned posts were not published on time:\nTest jan: 2 missed posts\n\
         Overdue: The window has ended; there is still a day of grace.\nTest anna: 1 planned post\n\
         *Missed:* 2\n*Overdue:* 1\n*Plan realisation:* 33%"
    );
    assert_eq!(
        missed["text"],
        "Missed planned posts: 2029-12-31 – 2030-01-06: 2 missed posts, Overdue: 1"
    );
    let d = settled(app, program, 2).await;
    let mut events: Vec<&str> = d.iter().map(|d| d.event.as_str()).collect();
    events.sort();
    assert_eq!(events, ["missed_plan", "weekly_plan"]);

    // A week with nothing planned and nothing missed says nothing.
    assert_eq!(queue(monday(14, 0)).await.unwrap(), 0);
}
story!(the_weekly_plan_and_missed_posts_go_out_once_on_monday);

/// A host name that resolves to this machine or a private network here (the machine's own
/// name, usually), for the sender's check; `None` when there is none.
async fn name_resolving_inside() -> Option<String> {
    let own = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    for name in [own.trim(), "ip6-localhost", "ip6-loopback"] {
        // The page refuses these names itself.
        if name.is_empty() || name == "localhost" || name.ends_with(".localhost") {
            continue;
        }
        if let Ok(addrs) = tokio::net::lookup_host((name, 443)).await {
            let addrs: Vec<_> = addrs.collect();
            if !addrs.is_empty() && addrs.iter().all(|a| ambasada_core::integrations::is_local_ip(a.ip())) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// With `webhooks_allow_private` off, as in production.
async fn in_production_nothing_is_posted_to_this_machine_or_a_private_network(app: &TestApp) {
    assert!(!app.state.config.webhooks_allow_private);
    app.state.webhooks.set_policy(quick_policy());
    let (hook, base) = Hook::start().await;
    let port = base.rsplit(':').next().unwrap().to_string();
    let (coord, _, program) = coordinator_with_program(app).await;

    // The page refuses http, even to this machine, and https to this machine or a
    // private network, however it is spelt.
    for url in [
        format!("{base}/slack/x"),
        "http://127.0.0.1:2375/containers/json".into(),
        "http://localhost:2375/containers/json".into(),
    ] {
        let res = set_url(&coord, program, "slack", &url).await;
        assert_eq!(res.status(), 422, "{url}");
        assert!(res.text().await.unwrap().contains("must start with https://"), "{url}");
    }
    for url in [
        format!("https://127.0.0.1:{port}/slack/x"),
        "https://localhost/x".into(),
        "https://hooks.localhost/x".into(),
        "https://10.0.0.1/x".into(),
        "https://172.16.5.4/x".into(),
        "https://192.168.1.1/x".into(),
        "https://169.254.169.254/latest/meta-data/".into(),
        "https://0.0.0.0/x".into(),
        "https://2130706433/x".into(),
        "https://[::1]/x".into(),
        "https://[fd00::1]/x".into(),
        "https://[fe80::1]/x".into(),
        "https://[::ffff:127.0.0.1]/x".into(),
    ] {
        let res = set_url(&coord, program, "teams", &url).await;
        assert_eq!(res.status(), 422, "{url}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("points to this server or a private network"),
            "{url}"
        );
    }
    assert!(app.state.store.program_webhooks(program).await.unwrap().is_empty());

    // A URL stored while local addresses were allowed is not posted to.
    let old = "/slack/T9/B9/SECRETstored001";
    app.state
        .store
        .set_program_webhook(program, "slack", &format!("{base}{old}"), 0)
        .await
        .unwrap();
    let test = format!("/app/programs/{program}/integrations/slack/test");
    assert_eq!(coord.post_form(&test, &[]).await.status(), 303);
    let d = settled(app, program, 1).await;
    assert_eq!((d[0].status.as_str(), d[0].attempts), ("failed", 1));
    assert_eq!(d[0].last_error.as_deref(), Some("request: not https"));
    assert!(hook.received(old).is_empty(), "nothing posted to this machine");

    // A name is not an address: the page takes it, and the sender, resolving it before
    // posting, refuses it when it points inside, once and for all, saying why.
    let Some(name) = name_resolving_inside().await else {
        eprintln!("no host name resolves to this machine here: the sender's check is left untested");
        return;
    };
    let path = "/slack/T9/B9/SECRETbyname002";
    assert_eq!(
        set_url(&coord, program, "slack", &format!("https://{name}:{port}{path}"))
            .await
            .status(),
        303,
        "{name}"
    );
    assert_eq!(coord.post_form(&test, &[]).await.status(), 303);
    let d = settled(app, program, 2).await;
    assert_eq!((d[1].status.as_str(), d[1].attempts), ("failed", 1), "not tried again");
    assert_eq!(
        d[1].last_error.as_deref(),
        Some(format!("request: {}", ambasada_server::integrations::ERROR_LOCAL_ADDRESS).as_str())
    );
    assert!(hook.received(path).is_empty());
    let html = page(&coord, program).await;
    assert!(
        html.contains("The request failed: the host resolves to a loopback, private or link-local address"),
        "the error is shown"
    );
    assert!(!html.contains("SECRET"));
}

mod in_production_nothing_is_posted_to_this_machine_or_a_private_network {
    use super::*;

    async fn production(db: Db) -> TestApp {
        TestApp::spawn_with(db, |c| c.webhooks_allow_private = false, None).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        let app = production(Db::Sqlite).await;
        super::in_production_nothing_is_posted_to_this_machine_or_a_private_network(&app).await;
        app.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        let Some(url) = postgres_url() else {
            eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
            return;
        };
        let app = production(Db::Postgres(url)).await;
        super::in_production_nothing_is_posted_to_this_machine_or_a_private_network(&app).await;
        app.stop().await;
    }
}

async fn the_demo_shows_a_failing_slack_channel(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let coord = TestApp::sibling(app);
    assert_eq!(coord.login("koordynator@demo.example", "demo1234").await.status(), 303);
    let programs = app.state.store.programs().await.unwrap();
    let eb = programs.iter().find(|p| p.slug == "employer-branding-pl").unwrap();
    let hooks = app.state.store.program_webhooks(eb.id).await.unwrap();
    assert_eq!(hooks.len(), 1);
    assert_eq!(
        hooks[0].url, "http://127.0.0.1:9/services/demo",
        "nothing leaves the machine"
    );
    let d = deliveries(app, eb.id).await;
    assert_eq!((d[0].status.as_str(), d[0].attempts), ("failed", 8));
    let html = page(&coord, eb.id).await;
    assert!(html.contains("http://127.0.0.1:9/…demo"));
    assert!(!html.contains("/services/demo"), "masked");
    assert!(
        html.contains("Nie udało się połączyć: Connection refused"),
        "the error, in Polish"
    );
    assert!(html.contains("Błędy dostarczania"), "the channel is failing");
}
story!(the_demo_shows_a_failing_slack_channel);
