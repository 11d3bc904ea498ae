//! Signed webhooks: a local receiver that this test starts stands in for another system
//! (it records each request with its headers and answers what the test tells it). An
//! admin registers it through the API or the page; a share confirmed through the API
//! reaches it signed the Standard Webhooks way (the signature verifies with the secret
//! the admin got once); a 500 is retried with the same webhook-id; three days of
//! failures disable the endpoint and tell its admin; only admins with the scope manage
//! endpoints, and bad input is a problem naming the field.

use crate::common::{TestApp, api_token, wait_for};
use crate::story;
use ambasada_core::webhooks::{Backoff, FAILING_LIMIT, Secret};
use ambasada_core::{DAY, HOUR, Role, Scope};
use ambasada_server::webhooks::Policy;
use ambasada_store::content::ContentInput;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the receiver got.
#[derive(Clone, Debug)]
struct Received {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
}

#[derive(Default)]
struct ReceiverState {
    received: Vec<Received>,
    /// Statuses to answer before the default 204.
    script: VecDeque<u16>,
    /// Answer every request with this status (after the script).
    always: Option<u16>,
}

#[derive(Clone, Default)]
struct Receiver(Arc<Mutex<ReceiverState>>);

impl Receiver {
    async fn start() -> (Receiver, String) {
        let r = Receiver::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks/ambasada", listener.local_addr().unwrap());
        let router = axum::Router::new().fallback(receive).with_state(r.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        (r, url)
    }

    fn script(&self, statuses: &[u16]) {
        self.0.lock().unwrap().script.extend(statuses);
    }

    fn always(&self, status: Option<u16>) {
        self.0.lock().unwrap().always = status;
    }

    fn received(&self) -> Vec<Received> {
        self.0.lock().unwrap().received.clone()
    }

    async fn wait_for(&self, n: usize) -> Vec<Received> {
        wait_for(&format!("{n} delivery(ies)"), async || {
            let r = self.received();
            if r.len() >= n {
                Ok(r)
            } else {
                Err(format!("{} so far", r.len()))
            }
        })
        .await
    }
}

async fn receive(State(r): State<Receiver>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut s = r.0.lock().unwrap();
    s.received.push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let status = s.script.pop_front().or(s.always).unwrap_or(204);
    (StatusCode::from_u16(status).unwrap(), "").into_response()
}

/// Whether a delivery's signature verifies with the secret, as a receiver checks it.
fn verifies(secret: &str, r: &Received) -> bool {
    let secret = Secret::parse(secret).expect("a whsec_ secret");
    secret.verify(&r.id, r.timestamp.parse().unwrap(), &r.body, &r.signature)
}

async fn item(app: &TestApp, author: i64) -> i64 {
    crate::common::approved_item(
        app,
        author,
        &ContentInput {
            title: "New office".into(),
            category: "employer".into(),
            target_url: "https://www.example.com/office".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "We opened a new office.".into())],
            program_ids: vec![],
            team_ids: vec![],
        },
    )
    .await
}

async fn post_json(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Registers an endpoint for `events` through the API; its id and secret.
async fn register(app: &TestApp, token: &str, url: &str, events: &[&str]) -> (i64, String) {
    let res = post_json(app, token, "/api/v1/webhooks", json!({ "url": url, "events": events })).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");
    assert_eq!(body["state"], "waiting");
    (body["id"].as_i64().unwrap(), secret)
}

async fn a_share_confirmed_through_the_api_arrives_signed(app: &TestApp) {
    let admin = app.login_as(Role::Admin).await;
    let admin_token = api_token(app, admin, &[Scope::WebhooksWrite]).await;
    let (receiver, url) = Receiver::start().await;
    let (endpoint, secret) = register(app, &admin_token, &url, &["share.confirmed", "person.created"]).await;

    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let id = item(app, admin).await;
    let amb_token = api_token(app, amb, &[Scope::SharesWrite]).await;
    let res = post_json(
        app,
        &amb_token,
        "/api/v1/shares",
        json!({"content_id": id, "network": "linkedin", "text": "We opened a new office in Gdańsk!"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let share: Value = res.json().await.unwrap();

    let got = receiver.wait_for(1).await;
    let r = &got[0];
    assert!(r.id.starts_with("msg_"), "{}", r.id);
    assert!(r.signature.starts_with("v1,"), "{}", r.signature);
    assert!(verifies(&secret, r), "the signature verifies with the secret");
    let now_secs = ambasada_server::now() / 1000;
    let ts: i64 = r.timestamp.parse().unwrap();
    assert!((now_secs - ts).abs() < 60, "the attempt's time: {ts}");
    let body: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body["type"], "share.confirmed");
    assert_eq!(body["data"]["share_id"], share["id"]);
    assert_eq!(body["data"]["ambassador_id"], amb);
    assert_eq!(body["data"]["content_id"], id);
    assert_eq!(body["data"]["network"], "linkedin");
    // No more personal data than the event needs: no address, no name, no text.
    assert!(
        !r.body.contains("amb@test.example") && !r.body.contains("Gdańsk"),
        "{}",
        r.body
    );
    // Another secret does not verify it.
    assert!(!verifies(&ambasada_server::webhooks::new_secret().expose(), r));

    // Delivered: the list says so, and the page shows the answer's status.
    let list: Value = app
        .client
        .get(app.url("/api/v1/webhooks"))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed = &list["endpoints"][0];
    assert_eq!(listed["id"], endpoint);
    assert!(listed.get("secret").is_none(), "the secret is shown once: {listed}");
    assert_eq!(listed["events"], json!(["share.confirmed", "person.created"]));
    wait_for("the delivery recorded", async || {
        let m = app.state.store.webhook_messages(endpoint, 10).await.unwrap();
        match m.first() {
            Some(m) if m.status == "delivered" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    let page = app
        .get(&format!("/app/admin/webhooks/{endpoint}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("share.confirmed") && page.contains(&r.id), "{page}");
    assert!(page.contains("<span class=\"answer-code\">204</span>"), "{page}");
    assert!(!page.contains(&secret), "the secret is not on the page");
    // An event the endpoint does not take is not queued for it (events are queued before
    // the answer), one it takes is.
    let res = app.post_form(&format!("/app/admin/users/{amb}/deactivate"), &[]).await;
    assert_eq!(res.status(), 303);
    let queued = app.state.store.webhook_messages(endpoint, 10).await.unwrap();
    assert_eq!(queued.len(), 1, "person.deactivated is not taken: {queued:?}");
    let res = app
        .post_form(
            "/app/admin/users/invite",
            &[
                ("email", "second@test.example"),
                ("first_name", "Druga"),
                ("last_name", "Osoba"),
                ("locale", "en"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let queued = app.state.store.webhook_messages(endpoint, 10).await.unwrap();
    assert_eq!(queued[0].event, "person.created", "{queued:?}");
    assert_eq!(queued.len(), 2);
}

story!(a_share_confirmed_through_the_api_arrives_signed);

async fn failures_are_retried_with_the_same_id_and_three_days_disable_the_endpoint(app: &TestApp) {
    let admin = app.login_as(Role::Admin).await;
    let (receiver, url) = Receiver::start().await;
    app.state.signed_webhooks.set_policy(Policy {
        backoff: Backoff {
            first: 20,
            max: 100,
            give_up_after: FAILING_LIMIT,
        },
        lease: 5_000,
        poll: Duration::from_millis(20),
    });
    receiver.script(&[500, 503]);
    let token = api_token(app, admin, &[Scope::WebhooksWrite]).await;
    let (endpoint, secret) = register(app, &token, &url, &["person.created", "person.deactivated"]).await;

    // An admin adds a person on the page: person.created, refused twice, then taken.
    let csrf = app.csrf().await;
    let res = app
        .post_form(
            "/app/admin/users/invite",
            &[
                ("csrf_token", csrf.as_str()),
                ("email", "nowa@test.example"),
                ("first_name", "Nowa"),
                ("last_name", "Osoba"),
                ("locale", "pl"),
                ("role", "ambassador"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let got = receiver.wait_for(3).await;
    assert_eq!(got[0].id, got[1].id, "the same webhook-id on every attempt");
    assert_eq!(got[1].id, got[2].id);
    assert!(got.iter().all(|r| verifies(&secret, r)), "each attempt signed");
    let body: Value = serde_json::from_str(&got[2].body).unwrap();
    assert_eq!(body["type"], "person.created");
    assert_eq!(body["data"]["roles"], json!(["ambassador"]));
    let m = wait_for("delivered on the third attempt", async || {
        let m = app.state.store.webhook_messages(endpoint, 10).await.unwrap();
        match m.first() {
            Some(m) if m.status == "delivered" => Ok(m.clone()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!((m.attempts, m.last_status), (3, Some(204)));

    // Now the receiver fails for good. Retries wait an hour, so the sender's own clock
    // does not reach them; the test's clock does: three days later the endpoint is
    // disabled and its admin told.
    receiver.always(Some(500));
    app.state.signed_webhooks.set_policy(Policy {
        backoff: Backoff {
            first: HOUR,
            max: HOUR,
            give_up_after: FAILING_LIMIT,
        },
        lease: 5_000,
        poll: Duration::from_millis(20),
    });
    let nowa = app
        .state
        .store
        .user_by_email(&ambasada_core::Email::parse("nowa@test.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let csrf = app.csrf().await;
    let res = app
        .post_form(
            &format!("/app/admin/users/{nowa}/deactivate"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let failed_once = wait_for("the first failure recorded", async || {
        let m = app.state.store.webhook_messages(endpoint, 10).await.unwrap();
        match m.first() {
            Some(m) if m.event == "person.deactivated" && m.attempts == 1 && m.last_status == Some(500) => {
                Ok(m.clone())
            }
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(failed_once.status, "pending", "tried again later");
    let e = app.state.store.webhook_endpoint(endpoint).await.unwrap().unwrap();
    let since = e.failing_since.expect("failing since the first failure");
    assert!(e.disabled_at.is_none());
    // Two days on: still failing, still enabled.
    let skew = |at: i64| at - ambasada_server::now();
    let posted = ambasada_server::webhooks::sender::deliver_due(&app.state, skew(since + 2 * DAY))
        .await
        .unwrap();
    assert_eq!(posted, 1);
    assert!(
        app.state
            .store
            .webhook_endpoint(endpoint)
            .await
            .unwrap()
            .unwrap()
            .disabled_at
            .is_none()
    );
    // Three days on: disabled, the message given up, the admin told by notification and email.
    let later = since + FAILING_LIMIT + HOUR;
    assert_eq!(
        ambasada_server::webhooks::sender::deliver_due(&app.state, skew(later))
            .await
            .unwrap(),
        1
    );
    let e = app.state.store.webhook_endpoint(endpoint).await.unwrap().unwrap();
    assert!(e.disabled_at.is_some_and(|at| at >= later), "{e:?}");
    let m = &app.state.store.webhook_messages(endpoint, 1).await.unwrap()[0];
    assert_eq!((m.status.as_str(), m.attempts), ("failed", 3));
    let notes = app.get("/app/notifications").await.text().await.unwrap();
    assert!(notes.contains("failed for three days and was disabled"), "{notes}");
    let (outbox, _) = app.state.store.outbox(None, 50, 0).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|o| o.kind == "endpoint_disabled" && o.subject == "A webhook endpoint was disabled"),
        "an email to the admin"
    );
    // A disabled endpoint gets no new messages; enabled again, its failures are forgotten.
    app.state.signed_webhooks.set_policy(Policy::default());
    let page = app
        .get(&format!("/app/admin/webhooks/{endpoint}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"endpoint-disabled\""), "{page}");
    let csrf = app.csrf().await;
    let res = app
        .post_form(
            &format!("/app/admin/webhooks/{endpoint}/enable"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let e = app.state.store.webhook_endpoint(endpoint).await.unwrap().unwrap();
    assert_eq!((e.disabled_at, e.failing_since), (None, None));
}

story!(failures_are_retried_with_the_same_id_and_three_days_disable_the_endpoint);

async fn only_admins_with_the_scope_manage_endpoints_and_bad_input_is_named(app: &TestApp) {
    let admin = app.login_as(Role::Admin).await;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let admin_token = api_token(app, admin, &[Scope::WebhooksWrite]).await;
    let other_scope = api_token(app, admin, &[Scope::ReportsRead]).await;
    // A token made while its owner was an admin keeps only what the owner may still do.
    let coord_token = api_token(app, coord, &[Scope::WebhooksWrite]).await;
    let body = json!({"url": "https://ats.example.com/hooks", "events": ["share.confirmed"]});
    for t in [&other_scope, &coord_token] {
        let res = post_json(app, t, "/api/v1/webhooks", body.clone()).await;
        assert_eq!(res.status(), 403);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let res = app
            .client
            .get(app.url("/api/v1/webhooks"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
    let res = app.client.get(app.url("/api/v1/webhooks")).send().await.unwrap();
    assert_eq!(res.status(), 401);

    for (body, field) in [
        (
            json!({"url": "ftp://ats.example.com/x", "events": ["share.confirmed"]}),
            "url",
        ),
        (
            json!({"url": "http://ats.example.com/x", "events": ["share.confirmed"]}),
            "url",
        ),
        (json!({"url": "https://ats.example.com/x", "events": []}), "events"),
        (
            json!({"url": "https://ats.example.com/x", "events": ["share.deleted"]}),
            "events",
        ),
    ] {
        let res = post_json(app, &admin_token, "/api/v1/webhooks", body.clone()).await;
        assert_eq!(res.status(), 422, "{body}");
        let problem: Value = res.json().await.unwrap();
        assert!(problem["errors"][field].is_string(), "{body}: {problem}");
    }
    let res = post_json(app, &admin_token, "/api/v1/webhooks", json!({"url": 5})).await;
    assert!(res.status().is_client_error(), "{}", res.status());

    let (id, _) = register(app, &admin_token, "https://ats.example.com/hooks", &["share.confirmed"]).await;
    let del = |t: String, id: i64| async move {
        app.client
            .delete(app.url(&format!("/api/v1/webhooks/{id}")))
            .bearer_auth(t)
            .send()
            .await
            .unwrap()
            .status()
    };
    assert_eq!(del(coord_token.clone(), id).await, 403);
    assert_eq!(del(admin_token.clone(), id).await, 204);
    assert_eq!(del(admin_token.clone(), id).await, 404);
    let audit = app.get("/app/admin/audit").await.text().await.unwrap();
    assert!(audit.contains("Webhook endpoint added") && audit.contains("Webhook endpoint removed"));

    // The page: a coordinator may not see it; a form with no event keeps what was typed.
    let coord_client = TestApp::sibling(app);
    assert_eq!(
        coord_client
            .login("koord@test.example", crate::common::PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(coord_client.get("/app/admin/webhooks").await.status(), 403);
    let csrf = app.csrf().await;
    let res = app
        .post_form(
            "/app/admin/webhooks",
            &[("csrf_token", csrf.as_str()), ("url", "https://crm.example.com/in")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"https://crm.example.com/in\""));
    assert!(page.contains("Choose at least one event."));
    let res = app
        .post_form(
            "/app/admin/webhooks",
            &[
                ("csrf_token", csrf.as_str()),
                ("url", "https://crm.example.com/in"),
                ("events", "content.published"),
                ("events", "content.expired"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let secret = page
        .split("id=\"endpoint-secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert!(secret.starts_with("whsec_"), "{secret}");
    let list = app.get("/app/admin/webhooks").await.text().await.unwrap();
    assert!(list.contains("https://crm.example.com/in") && !list.contains(secret));
    // Without the form's CSRF token nothing is registered.
    let res = app
        .client
        .post(app.url("/app/admin/webhooks"))
        .form(&[("url", "https://x.example.com/"), ("events", "content.published")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.state.store.webhook_endpoints().await.unwrap().len(), 1);
}

story!(only_admins_with_the_scope_manage_endpoints_and_bad_input_is_named);

/// As in production: an endpoint on this machine or a private network is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_production_endpoints_inside_are_refused_sqlite() {
    in_production_endpoints_inside_are_refused(crate::common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_production_endpoints_inside_are_refused_postgres() {
    let Some(url) = crate::common::postgres_url() else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    in_production_endpoints_inside_are_refused(crate::common::Db::Postgres(url)).await;
}

async fn in_production_endpoints_inside_are_refused(db: crate::common::Db) {
    let app = TestApp::spawn_with(db, |c| c.webhooks_allow_private = false, None).await;
    let admin = app.login_as(Role::Admin).await;
    let token = api_token(&app, admin, &[Scope::WebhooksWrite]).await;
    for url in [
        "http://127.0.0.1:9/x",
        "https://10.0.0.7/x",
        "https://localhost/x",
        "https://[::1]/x",
    ] {
        let res = post_json(
            &app,
            &token,
            "/api/v1/webhooks",
            json!({"url": url, "events": ["share.confirmed"]}),
        )
        .await;
        assert_eq!(res.status(), 422, "{url}");
    }
    app.stop().await;
}
