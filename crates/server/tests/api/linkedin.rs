//! LinkedIn direct posting through the real router, against a local fake LinkedIn
//! (`fake_linkedin.rs`) that records every request: connecting a member (the OAuth
//! redirect, the token exchange, userinfo; cancelled consent, a wrong state, a missing
//! permission, disconnecting), publishing now with an image (the exact Images API and
//! Posts API requests), planning, changing and cancelling a post, what each kind of
//! refusal does to a post, exactly-once sending with two servers on one PostgreSQL
//! database, a post whose sender died mid-call, and the expiry reminders.

use crate::common::{self, Db, PASSWORD, TestApp, approved_item, wait_for, wait_until};
use crate::fake_linkedin::{CLIENT_ID, CLIENT_SECRET, FIRST_SHARE, FakeLinkedIn, Request, Scripted, default_token};
use crate::story;
use ambasada_core::content::ImageKind;
use ambasada_core::{DAY, HOUR, MINUTE, Millis, Role};
use ambasada_server::linkedin::{PURPOSE_TOKEN, job};
use ambasada_store::content::ContentInput;
use ambasada_store::linkedin::{LinkedInAccount, LinkedInPost, NewLinkedInPost};
use ambasada_store::programs::ProgramInput;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Generates `mod name { fn sqlite(); fn postgres(); }` like `story!`, but over a server
/// whose LinkedIn app points at a fake of its own: `name(&app, &fake)`.
macro_rules! li_story {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let fake = $crate::fake_linkedin::FakeLinkedIn::start().await;
                let app = super::spawn($crate::common::Db::Sqlite, &fake).await;
                super::$name(&app, &fake).await;
                app.stop().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(url) = $crate::common::postgres_url() else {
                    eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
                    return;
                };
                let fake = $crate::fake_linkedin::FakeLinkedIn::start().await;
                let app = super::spawn($crate::common::Db::Postgres(url), &fake).await;
                super::$name(&app, &fake).await;
                app.stop().await;
            }
        }
    };
}

/// A server whose company LinkedIn app is the fake.
async fn spawn(db: Db, fake: &FakeLinkedIn) -> TestApp {
    let cfg = fake.config();
    TestApp::spawn_with(db, move |c| c.linkedin = Some(cfg), None).await
}

const AMB: &str = "amb@test.example";
/// A 1x1 PNG: the item's image, uploaded to LinkedIn byte for byte.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

struct World {
    amb: i64,
    program: i64,
    item: i64,
}

/// A program without a daily limit worth speaking of, an ambassador in it (the app's
/// client logged in as them) and an approved item with a LinkedIn text, with the PNG as
/// its image when `image`.
async fn world(app: &TestApp, image: bool) -> World {
    let store = &app.state.store;
    let amb = app.create_user(AMB, &[Role::Ambassador]).await;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let program = program(app).await;
    store.add_member(program, amb, 0).await.unwrap();
    let image_file = if image {
        Some(
            ambasada_server::media::store_image(&app.state, PNG, ImageKind::Png)
                .await
                .unwrap(),
        )
    } else {
        None
    };
    let item = item(app, editor, program, "New office in Kraków", image_file).await;
    assert_eq!(app.login(AMB, PASSWORD).await.status(), 303);
    World { amb, program, item }
}

/// A program whose daily share limit the tests do not reach.
async fn program(app: &TestApp) -> i64 {
    app.state
        .store
        .create_program(
            &ProgramInput {
                name: "Employer branding".into(),
                slug: "employer-branding".into(),
                description: String::new(),
                coordinator_id: None,
                daily_share_limit: 100,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap()
}

async fn item(app: &TestApp, author: i64, program: i64, title: &str, image_file: Option<String>) -> i64 {
    approved_item(
        app,
        author,
        &ContentInput {
            title: title.into(),
            category: "employer".into(),
            target_url: "https://www.example.com/office".into(),
            image_file: Some(image_file),
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "We opened a new office.".into())],
            program_ids: vec![program],
            team_ids: vec![],
        },
    )
    .await
}

/// Connects `user` directly in the store, with `token` sealed as the server seals it.
async fn connect_in_store(app: &TestApp, user: i64, sub: &str, token: &str, expires_at: Millis) {
    let now = ambasada_server::now();
    app.state
        .store
        .save_linkedin_account(
            &LinkedInAccount {
                user_id: user,
                member_sub: sub.into(),
                member_name: "Anna Nowak".into(),
                token_sealed: app.state.sealer.seal(PURPOSE_TOKEN, token),
                scope: "openid,profile,email,w_member_social".into(),
                expires_at,
                connected_at: now,
                reminded: 0,
            },
            now,
        )
        .await
        .unwrap();
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .unwrap_or_else(|| panic!("a redirect, got {}", res.status()))
        .to_str()
        .unwrap()
        .to_string()
}

fn query_of(url: &str) -> BTreeMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

async fn page(app: &TestApp, path: &str) -> String {
    let res = app.get(path).await;
    assert_eq!(res.status(), 200, "GET {path}");
    res.text().await.unwrap()
}

async fn post_of(app: &TestApp, id: i64) -> LinkedInPost {
    app.state.store.linkedin_post(id).await.unwrap().unwrap()
}

/// The person's post with this text (the newest when several).
async fn post_with(app: &TestApp, user: i64, commentary: &str) -> LinkedInPost {
    app.state
        .store
        .linkedin_posts_of(user, 200)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.post)
        .filter(|p| p.commentary == commentary)
        .max_by_key(|p| p.id)
        .unwrap_or_else(|| panic!("no post {commentary:?}"))
}

async fn wait_for_status(app: &TestApp, id: i64, status: &str) -> LinkedInPost {
    wait_for(&format!("post {id} to be {status}"), async || {
        let p = post_of(app, id).await;
        if p.status == status {
            Ok(p)
        } else {
            Err(format!("{} ({:?})", p.status, p.failure))
        }
    })
    .await
}

/// Waits until the post is sent and recorded as a share (the share is written just
/// after the post is marked sent).
async fn wait_for_sent(app: &TestApp, id: i64) -> LinkedInPost {
    wait_for(&format!("post {id} to be sent and recorded"), async || {
        let p = post_of(app, id).await;
        if p.status == "sent" && p.share_id.is_some() {
            Ok(p)
        } else {
            Err(format!("{} ({:?}), share {:?}", p.status, p.failure, p.share_id))
        }
    })
    .await
}

/// The kinds and arguments of a person's notifications, oldest first.
async fn notifications(app: &TestApp, user: i64) -> Vec<(String, Value)> {
    let (list, _) = app.state.store.notifications(user, 100, 0).await.unwrap();
    list.into_iter()
        .rev()
        .map(|n| (n.kind, serde_json::from_str(&n.args).unwrap()))
        .collect()
}

async fn notifications_of_kind(app: &TestApp, user: i64, kind: &str) -> Vec<Value> {
    notifications(app, user)
        .await
        .into_iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, a)| a)
        .collect()
}

/// `YYYY-MM-DDTHH:MM` in Warsaw, as a `datetime-local` field holds it.
fn warsaw_input(ms: Millis) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").unwrap())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

fn warsaw_millis(input: &str) -> Millis {
    let dt: jiff::civil::DateTime = input.parse().unwrap();
    dt.to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").unwrap())
        .unwrap()
        .timestamp()
        .as_millisecond()
}

/// The headers every call to LinkedIn's versioned REST API carries.
fn assert_rest_headers(r: &Request, token: &str) {
    assert_eq!(
        r.header("authorization"),
        format!("Bearer {token}"),
        "{} {}",
        r.method,
        r.path
    );
    assert_eq!(r.header("linkedin-version"), "202611", "{}", r.path);
    assert_eq!(r.header("x-restli-protocol-version"), "2.0.0", "{}", r.path);
    assert_eq!(r.header("content-type"), "application/json", "{}", r.path);
}

/// The browser's way to LinkedIn's consent screen: "Connect LinkedIn", LinkedIn's
/// redirect back. The callback address LinkedIn sent the browser to.
async fn consent(app: &TestApp) -> String {
    let res = app.get("/app/profile/linkedin/connect").await;
    assert_eq!(res.status(), 303);
    let to_linkedin = location(&res);
    // The browser at LinkedIn: the member consents and is sent back.
    let res = common::client().get(&to_linkedin).send().await.unwrap();
    assert_eq!(res.status(), 302, "the fake's consent redirect");
    location(&res)
}

/// The whole connect flow; the answer to the callback.
async fn connect_flow(app: &TestApp) -> reqwest::Response {
    let back = consent(app).await;
    app.client.get(&back).send().await.unwrap()
}

// --- 1. Connecting --------------------------------------------------------------------

async fn connecting_stores_the_sealed_token_and_disconnecting_deletes_it(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    let profile = page(app, "/app/profile").await;
    assert!(profile.contains("id=\"linkedin-connect\""), "the connect button shows");
    assert!(!profile.contains("id=\"linkedin-connected\""));

    let res = app.get("/app/profile/linkedin/connect").await;
    assert_eq!(res.status(), 303);
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("amb_li_flow=") && c.contains("HttpOnly")),
        "the flow's sealed cookie: {cookies:?}"
    );
    let to_linkedin = location(&res);
    assert!(
        to_linkedin.starts_with(&format!("{}/oauth/v2/authorization?", fake.base())),
        "{to_linkedin}"
    );
    let q = query_of(&to_linkedin);
    let state = q["state"].clone();
    assert!(state.len() >= 16, "an unguessable state: {state:?}");
    let expected: BTreeMap<String, String> = [
        ("response_type", "code"),
        ("client_id", CLIENT_ID),
        ("redirect_uri", &app.url("/app/profile/linkedin/callback")),
        ("state", &state),
        ("scope", "openid profile email w_member_social"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(q, expected);
    assert!(
        to_linkedin.contains("&scope=openid+profile+email+w_member_social"),
        "the four scopes, space-delimited: {to_linkedin}"
    );
    assert!(
        !to_linkedin.contains(CLIENT_SECRET),
        "the secret never goes to the browser"
    );

    // The member consents at LinkedIn, which sends the browser back with a code.
    let res = common::client().get(&to_linkedin).send().await.unwrap();
    assert_eq!(res.status(), 302);
    let back = location(&res);
    assert!(back.starts_with(&app.url("/app/profile/linkedin/callback?")), "{back}");
    let code = query_of(&back)["code"].clone();
    assert_eq!(query_of(&back)["state"], state);
    let res = app.client.get(&back).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/profile#linkedin");
    let profile = page(app, "/app/profile").await;
    assert!(profile.contains("id=\"linkedin-connected\""), "connected: {profile}");
    assert!(profile.contains("Connected to LinkedIn as Anna Nowak."));
    assert!(profile.contains("LinkedIn connected."), "the flash");

    // What LinkedIn saw: the token exchange, form-encoded, then userinfo with the token.
    let token = default_token();
    let exchanges = fake.to("/oauth/v2/accessToken");
    assert_eq!(exchanges.len(), 1);
    let ex = &exchanges[0];
    assert_eq!(ex.method, "POST");
    assert_eq!(ex.path, "/oauth/v2/accessToken");
    assert_eq!(ex.header("content-type"), "application/x-www-form-urlencoded");
    let form: BTreeMap<String, String> = ex.form().into_iter().collect();
    let expected: BTreeMap<String, String> = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("redirect_uri", &app.url("/app/profile/linkedin/callback")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(form, expected);
    assert_eq!(ex.form().len(), 5, "each field once");
    let userinfo = fake.to("/v2/userinfo");
    assert_eq!(userinfo.len(), 1);
    assert_eq!(userinfo[0].method, "GET");
    assert_eq!(userinfo[0].header("authorization"), format!("Bearer {token}"));

    // Stored sealed, never in clear, and never shown.
    let account = store.linkedin_account(w.amb).await.unwrap().unwrap();
    assert_eq!(account.member_sub, "abc123");
    assert_eq!(account.member_name, "Anna Nowak");
    assert!(!account.token_sealed.contains(&token[..40]), "the token is sealed");
    assert!(!account.token_sealed.contains("AQXfakeLinkedIn"));
    assert_eq!(
        app.state.sealer.open(PURPOSE_TOKEN, &account.token_sealed).as_deref(),
        Some(token.as_str())
    );
    let sixty_days = account.expires_at - account.connected_at;
    assert!(
        (sixty_days - 60 * DAY).abs() < MINUTE,
        "expires in 60 days: {sixty_days}"
    );
    for path in [
        "/app/profile".to_string(),
        "/app/linkedin".to_string(),
        format!("/app/feed/{}?network=linkedin", w.item),
        "/app/notifications".to_string(),
        "/app".to_string(),
    ] {
        let html = page(app, &path).await;
        assert!(!html.contains("AQXfakeLinkedIn"), "the token shows on {path}");
        assert!(!html.contains(CLIENT_SECRET), "the client secret shows on {path}");
    }
    let share = page(app, &format!("/app/feed/{}?network=linkedin", w.item)).await;
    assert!(
        share.contains("id=\"linkedin-publish\""),
        "the share screen offers publishing"
    );

    // Disconnecting deletes the token.
    let res = app.post_form("/app/profile/linkedin/disconnect", &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/profile#linkedin");
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());
    let profile = page(app, "/app/profile").await;
    assert!(profile.contains("LinkedIn disconnected."));
    assert!(profile.contains("id=\"linkedin-connect\""));
    assert!(!profile.contains("id=\"linkedin-connected\""));

    // A token without the permission to post is not kept.
    fake.set_token(&token, "openid,profile,email");
    let res = connect_flow(app).await;
    assert_eq!(res.status(), 303);
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());
    assert!(
        page(app, "/app/profile")
            .await
            .contains("LinkedIn did not grant permission to post.")
    );

    // LinkedIn may list the scopes space-separated too.
    fake.set_token(&token, "openid profile email w_member_social");
    let res = connect_flow(app).await;
    assert_eq!(res.status(), 303);
    assert!(
        store.linkedin_account(w.amb).await.unwrap().is_some(),
        "space-separated scopes"
    );
}
li_story!(connecting_stores_the_sealed_token_and_disconnecting_deletes_it);

async fn cancelled_consent_and_a_wrong_state_connect_nothing(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;

    // The member cancels at LinkedIn.
    let res = app.get("/app/profile/linkedin/connect").await;
    let state = query_of(&location(&res))["state"].clone();
    let res = app
        .get(&format!(
            "/app/profile/linkedin/callback?error=user_cancelled_authorize&error_description=The+user+cancelled+the+authorization&state={state}"
        ))
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/profile#linkedin");
    assert!(
        page(app, "/app/profile")
            .await
            .contains("You cancelled connecting LinkedIn.")
    );
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());

    // A callback whose state is not the one sent is refused before the code is used.
    let back = consent(app).await;
    let code = query_of(&back)["code"].clone();
    let res = app
        .get(&format!(
            "/app/profile/linkedin/callback?code={code}&state=not-the-state"
        ))
        .await;
    assert_eq!(res.status(), 303);
    assert!(page(app, "/app/profile").await.contains("did not match your request"));
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());

    // The flow is over: the right state afterwards finds no flow.
    let res = app.client.get(&back).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        page(app, "/app/profile")
            .await
            .contains("took too long or was started in another browser")
    );
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());

    // Another person's browser cannot finish someone's flow (the state is in their cookie).
    let back = consent(app).await;
    let other = app.other_client("amb2@test.example", &[Role::Ambassador]).await;
    let res = other.get(&back).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let other_id = store
        .user_by_email(&ambasada_core::Email::parse("amb2@test.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(store.linkedin_account(other_id).await.unwrap().is_none());
    assert!(store.linkedin_account(w.amb).await.unwrap().is_none());

    assert!(
        fake.to("/oauth/v2/accessToken").is_empty(),
        "no code was exchanged: {:?}",
        fake.to("/oauth/v2/accessToken")
    );
}
li_story!(cancelled_consent_and_a_wrong_state_connect_nothing);

async fn without_a_linkedin_app_nothing_of_it_shows(app: &TestApp) {
    let w = world(app, false).await;
    assert_eq!(app.get("/app/profile/linkedin/connect").await.status(), 404);
    assert_eq!(
        app.get("/app/profile/linkedin/callback?code=x&state=y").await.status(),
        404
    );
    assert_eq!(app.get("/app/linkedin").await.status(), 404);
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Hej")])
        .await;
    assert_eq!(res.status(), 404);
    let profile = page(app, "/app/profile").await;
    assert!(!profile.contains("linkedin-connect"), "no connect button");
    assert!(!profile.contains("id=\"linkedin\""));
    let share = page(app, &format!("/app/feed/{}?network=linkedin", w.item)).await;
    assert!(!share.contains("linkedin-direct"));
}
story!(without_a_linkedin_app_nothing_of_it_shows);

// --- 2. Publishing now ----------------------------------------------------------------

async fn publishing_now_uploads_the_image_and_posts_the_escaped_text_with_the_tracked_link(
    app: &TestApp,
    fake: &FakeLinkedIn,
) {
    let w = world(app, true).await;
    let store = &app.state.store;
    let token = "AQXstoreToken-publish-now-0123456789";
    connect_in_store(app, w.amb, "abc123", token, ambasada_server::now() + 50 * DAY).await;
    let share_page = page(app, &format!("/app/feed/{}?network=linkedin", w.item)).await;
    assert!(share_page.contains("id=\"linkedin-publish\""));

    let text = "Dołącz do nas! #praca (Kraków) @firma";
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", text)])
        .await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    let shares = store.shares_of_item(w.amb, w.item).await.unwrap();
    assert_eq!(shares.len(), 1, "recorded as a share");
    let share = &shares[0];
    assert_eq!(to, format!("/app/feed/{}?network=linkedin&shared={}", w.item, share.id));
    let urn = format!("urn:li:share:{FIRST_SHARE}");
    assert_eq!(
        share.post_url.as_deref(),
        Some(format!("https://www.linkedin.com/feed/update/{urn}").as_str())
    );
    assert_eq!(share.text, text);
    assert_eq!(share.network, "linkedin");
    assert!(
        page(app, &to)
            .await
            .contains("Published on LinkedIn and recorded as your share.")
    );

    // Exactly three calls: initialize the upload, upload the bytes, create the post.
    let requests = fake.requests();
    assert_eq!(
        requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect::<Vec<_>>(),
        [
            "POST /rest/images?action=initializeUpload",
            "PUT /upload/1",
            "POST /rest/posts"
        ]
    );
    let init = &requests[0];
    assert_rest_headers(init, token);
    assert_eq!(
        init.json(),
        json!({"initializeUploadRequest": {"owner": "urn:li:person:abc123"}})
    );
    let upload = &requests[1];
    assert_eq!(upload.body, PNG, "the image's exact bytes");
    assert_eq!(upload.header("content-type"), "image/png");
    assert_eq!(upload.header("authorization"), format!("Bearer {token}"));
    let post = &requests[2];
    assert_rest_headers(post, token);
    let link = store
        .tracked_link(w.amb, w.item, "linkedin")
        .await
        .unwrap()
        .expect("the tracked link");
    assert_eq!(
        post.json(),
        json!({
            "author": "urn:li:person:abc123",
            "commentary": "Dołącz do nas! #praca \\(Kraków\\) \\@firma",
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": []
            },
            "content": {"article": {
                "source": format!("{}/s/{}", app.address, link.code),
                "title": "New office in Kraków",
                "description": "example.com",
                "thumbnail": "urn:li:image:C4E10AQ1"
            }},
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": false
        })
    );
    assert_eq!(link.program_id, Some(w.program));

    let posts = store.linkedin_posts_of(w.amb, 10).await.unwrap();
    assert_eq!(posts.len(), 1);
    let p = &posts[0].post;
    assert_eq!(p.status, "sent");
    assert_eq!(p.post_urn.as_deref(), Some(urn.as_str()));
    assert_eq!(p.share_id, Some(share.id));
    assert_eq!(p.attempts, 1);
    assert_eq!(p.commentary, text);
    assert_eq!(
        notifications_of_kind(app, w.amb, "linkedin-published").await,
        [json!({"title": "New office in Kraków"})]
    );
    let list = page(app, "/app/linkedin").await;
    assert!(list.contains(&format!("data-post=\"{}\" data-status=\"sent\"", p.id)));
    assert!(list.contains(&format!("https://www.linkedin.com/feed/update/{urn}")));
}
li_story!(publishing_now_uploads_the_image_and_posts_the_escaped_text_with_the_tracked_link);

// --- 3. Planning ----------------------------------------------------------------------

async fn a_planned_post_is_listed_changed_sent_once_or_cancelled(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    let token = "AQXstoreToken-planned-0123456789";
    connect_in_store(app, w.amb, "abc123", token, ambasada_server::now() + 50 * DAY).await;
    let schedule = format!("/app/feed/{}/linkedin/schedule", w.item);

    let now = ambasada_server::now();
    let at = warsaw_input(now + 2 * HOUR);
    let res = app
        .post_form(&schedule, &[("text", "Planowany post #praca"), ("at", &at)])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/linkedin");
    let p = post_with(app, w.amb, "Planowany post #praca").await;
    assert_eq!(p.status, "scheduled");
    assert_eq!(p.due_at, warsaw_millis(&at), "the time in the person's zone");
    assert!(p.due_at > now + 2 * HOUR - MINUTE && p.due_at <= now + 2 * HOUR);
    let list = page(app, "/app/linkedin").await;
    assert!(list.contains("Post planned. It will be published at the chosen time."));
    assert!(list.contains(&format!("data-post=\"{}\" data-status=\"scheduled\"", p.id)));
    assert!(list.contains("Planned"));
    assert!(!list.contains("after your connection expires"));

    // Changing the text and the time.
    let edit = page(app, &format!("/app/linkedin/{}", p.id)).await;
    assert!(edit.contains("Planowany post #praca"));
    let later = warsaw_input(now + 3 * HOUR);
    let res = app
        .post_form(
            &format!("/app/linkedin/{}", p.id),
            &[("text", "Zmieniony post #praca"), ("at", &later)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/linkedin");
    let p = post_of(app, p.id).await;
    assert_eq!(p.commentary, "Zmieniony post #praca");
    assert_eq!(p.due_at, warsaw_millis(&later));
    assert_eq!(p.status, "scheduled");
    // A past time is refused there too, keeping what was typed.
    let res = app
        .post_form(
            &format!("/app/linkedin/{}", p.id),
            &[("text", "Jeszcze inny tekst"), ("at", &warsaw_input(now - 2 * HOUR))],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Jeszcze inny tekst"));
    assert!(body.contains("Choose a time from now to a year ahead."));
    assert_eq!(post_of(app, p.id).await.commentary, "Zmieniony post #praca");
    assert!(fake.posts().is_empty(), "nothing sent before its time");

    // Its time comes: the job sends it, once.
    assert!(
        store
            .reschedule_linkedin_post(p.id, w.amb, &p.commentary, now, now)
            .await
            .unwrap()
    );
    app.state.linkedin_wakeup.notify_one();
    let sent = wait_for_sent(app, p.id).await;
    assert_eq!(
        sent.post_urn.as_deref(),
        Some(format!("urn:li:share:{FIRST_SHARE}").as_str())
    );
    assert!(job::round(&app.state).await);
    let posts = fake.posts();
    assert_eq!(posts.len(), 1, "sent exactly once");
    assert_rest_headers(&posts[0], token);
    assert_eq!(posts[0].json()["commentary"], "Zmieniony post #praca");
    assert_eq!(store.shares_of_item(w.amb, w.item).await.unwrap().len(), 1);
    // A sent post cannot be changed any more.
    let res = app
        .post_form(
            &format!("/app/linkedin/{}", p.id),
            &[("text", "Po fakcie"), ("at", &later)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/app/linkedin/{}", p.id));
    assert_eq!(post_of(app, p.id).await.commentary, "Zmieniony post #praca");

    // A cancelled post is not sent, even when its time has come.
    let res = app
        .post_form(&schedule, &[("text", "Do anulowania"), ("at", &at)])
        .await;
    assert_eq!(res.status(), 303);
    let c = post_with(app, w.amb, "Do anulowania").await;
    let res = app.post_form(&format!("/app/linkedin/{}/cancel", c.id), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/linkedin");
    assert_eq!(post_of(app, c.id).await.status, "cancelled");
    assert!(
        !store
            .reschedule_linkedin_post(c.id, w.amb, "Do anulowania", now, now)
            .await
            .unwrap(),
        "a cancelled post is not open"
    );
    store
        .raw_execute(&format!(
            "UPDATE linkedin_posts SET due_at = {now}, next_try_at = {now} WHERE id = {}",
            c.id
        ))
        .await
        .unwrap();
    assert!(job::round(&app.state).await);
    assert_eq!(post_of(app, c.id).await.status, "cancelled");
    assert_eq!(fake.posts_with("Do anulowania"), 0);
    assert_eq!(fake.posts().len(), 1);

    // A past or missing time: the share screen again with the text, nothing planned.
    let before = store.linkedin_posts_of(w.amb, 200).await.unwrap().len();
    let past = warsaw_input(now - 2 * HOUR);
    let res = app
        .post_form(&schedule, &[("text", "Mój tekst zostaje"), ("at", &past)])
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Mój tekst zostaje"), "the text is kept");
    assert!(body.contains(&format!("value=\"{past}\"")), "the time is kept");
    assert!(body.contains("Choose a time from now to a year ahead."));
    let res = app
        .post_form(&schedule, &[("text", "Mój tekst zostaje"), ("at", "")])
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Mój tekst zostaje"));
    assert!(body.contains("Choose when to publish the post."));
    assert_eq!(store.linkedin_posts_of(w.amb, 200).await.unwrap().len(), before);
}
li_story!(a_planned_post_is_listed_changed_sent_once_or_cancelled);

// --- 4. Refusals ----------------------------------------------------------------------

async fn an_expired_token_pauses_the_persons_posts_until_they_connect_again(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    connect_in_store(app, w.amb, "abc123", "AQXrevoked", ambasada_server::now() + 50 * DAY).await;
    let now = ambasada_server::now();
    let mut planned = Vec::new();
    for (i, due) in [now + DAY, now + 2 * DAY].into_iter().enumerate() {
        let new = NewLinkedInPost {
            user_id: w.amb,
            content_id: w.item,
            planned_post_id: None,
            commentary: format!("Planowany {i}"),
            due_at: due,
        };
        planned.push(store.create_linkedin_post(&new, now).await.unwrap());
    }

    fake.script_posts([Scripted::expired()]);
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst A")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/profile#linkedin");
    assert!(
        page(app, "/app/profile")
            .await
            .contains("Your LinkedIn connection has expired.")
    );
    let p = post_with(app, w.amb, "Tekst A").await;
    assert_eq!((p.status.as_str(), p.failure.as_deref()), ("paused", Some("expired")));
    assert_eq!(p.attempts, 1);
    for id in &planned {
        let q = post_of(app, *id).await;
        assert_eq!(
            (q.status.as_str(), q.failure.as_deref()),
            ("paused", Some("expired")),
            "post {id}"
        );
    }
    assert_eq!(
        notifications_of_kind(app, w.amb, "linkedin-reconnect").await.len(),
        1,
        "asked to connect again"
    );
    assert!(store.shares_of_item(w.amb, w.item).await.unwrap().is_empty());
    assert!(job::round(&app.state).await);
    assert_eq!(fake.posts().len(), 1, "a paused post is not retried");

    // Connecting again puts them back; the one that was due goes out.
    let res = connect_flow(app).await;
    assert_eq!(res.status(), 303);
    for id in &planned {
        let q = post_of(app, *id).await;
        assert_eq!(
            (q.status.as_str(), q.failure.as_deref()),
            ("scheduled", None),
            "post {id}"
        );
    }
    app.state.linkedin_wakeup.notify_one();
    let p = wait_for_sent(app, p.id).await;
    assert!(p.share_id.is_some());
    assert_eq!(fake.posts_with("Tekst A"), 2, "the 401, then the post");
    let last = fake.posts().pop().unwrap();
    assert_rest_headers(&last, &default_token());
    for id in &planned {
        assert_eq!(
            post_of(app, *id).await.status,
            "scheduled",
            "still waiting for its time"
        );
    }
}
li_story!(an_expired_token_pauses_the_persons_posts_until_they_connect_again);

async fn a_duplicate_is_given_up_and_not_retried(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    connect_in_store(app, w.amb, "abc123", "AQXdup", ambasada_server::now() + 50 * DAY).await;
    fake.script_posts([Scripted::duplicate()]);
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst B")])
        .await;
    assert_eq!(res.status(), 303);
    let p = post_with(app, w.amb, "Tekst B").await;
    assert_eq!(location(&res), format!("/app/linkedin/{}", p.id));
    assert_eq!((p.status.as_str(), p.failure.as_deref()), ("failed", Some("duplicate")));
    assert!(p.failure_detail.as_deref().unwrap_or("").contains("DUPLICATE_POST"));
    assert_eq!(
        notifications_of_kind(app, w.amb, "linkedin-not-published").await,
        [json!({"reason": "duplicate"})]
    );
    let edit = page(app, &format!("/app/linkedin/{}", p.id)).await;
    assert!(edit.contains("The post was not published."), "the flash");
    assert!(job::round(&app.state).await);
    assert_eq!(post_of(app, p.id).await.status, "failed");
    assert_eq!(fake.posts().len(), 1, "not retried");
    assert!(app.state.store.shares_of_item(w.amb, w.item).await.unwrap().is_empty());
}
li_story!(a_duplicate_is_given_up_and_not_retried);

/// The program's daily share limit holds for direct posts as for manual shares: past it
/// the share screen answers 422 with the limit, keeps the text, and LinkedIn gets nothing.
async fn the_daily_limit_holds_for_direct_posts(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    connect_in_store(app, w.amb, "abc123", "AQXlimit", ambasada_server::now() + 50 * DAY).await;
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE programs SET daily_share_limit = 1 WHERE id = {}",
            w.program
        ))
        .await
        .unwrap();
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Pierwszy dziś")])
        .await;
    assert_eq!(res.status(), 303);
    let first = post_with(app, w.amb, "Pierwszy dziś").await;
    wait_for_sent(app, first.id).await;
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Drugi dziś")])
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("daily share limit (1) has been reached"), "{body}");
    assert!(body.contains("Drugi dziś"), "the text is kept");
    assert_eq!(fake.posts().len(), 1, "LinkedIn got only the first");
    assert_eq!(app.state.store.linkedin_posts_of(w.amb, 10).await.unwrap().len(), 1);
}
li_story!(the_daily_limit_holds_for_direct_posts);

async fn an_unsupported_version_fails_the_post_and_tells_the_admins(app: &TestApp, fake: &FakeLinkedIn) {
    let admin = app.create_user("admin@test.example", &[Role::Admin]).await;
    let w = world(app, false).await;
    connect_in_store(app, w.amb, "abc123", "AQXver", ambasada_server::now() + 50 * DAY).await;
    fake.script_posts([Scripted::version()]);
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst C")])
        .await;
    assert_eq!(res.status(), 303);
    let p = post_with(app, w.amb, "Tekst C").await;
    assert_eq!(location(&res), format!("/app/linkedin/{}", p.id));
    assert_eq!((p.status.as_str(), p.failure.as_deref()), ("failed", Some("version")));
    assert_eq!(
        notifications_of_kind(app, admin, "linkedin-version").await,
        [json!({"version": "202611"})]
    );
    assert_eq!(
        notifications_of_kind(app, w.amb, "linkedin-not-published").await,
        [json!({"reason": "version"})]
    );
    assert!(job::round(&app.state).await);
    assert_eq!(fake.posts().len(), 1, "not retried");
}
li_story!(an_unsupported_version_fails_the_post_and_tells_the_admins);

async fn throttling_and_server_errors_are_retried_later_and_sent_once(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    connect_in_store(app, w.amb, "abc123", "AQXretry", ambasada_server::now() + 50 * DAY).await;

    // 429 with Retry-After: 120 s.
    fake.script_posts([Scripted::throttled(120)]);
    let before = ambasada_server::now();
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst D")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/linkedin");
    assert!(page(app, "/app/linkedin").await.contains("LinkedIn is busy right now"));
    let p = post_with(app, w.amb, "Tekst D").await;
    assert_eq!(
        (p.status.as_str(), p.failure.as_deref()),
        ("scheduled", Some("throttled"))
    );
    assert_eq!(p.attempts, 1);
    assert!(
        p.next_try_at >= before + 120_000,
        "waits as LinkedIn asked: {}",
        p.next_try_at - before
    );
    assert!(p.next_try_at <= ambasada_server::now() + 120_000);
    assert!(job::round(&app.state).await);
    assert_eq!(fake.posts_with("Tekst D"), 1, "not before its time");
    // Due again (changed by its author): sent once.
    let now = ambasada_server::now();
    assert!(
        store
            .reschedule_linkedin_post(p.id, w.amb, "Tekst D", now, now)
            .await
            .unwrap()
    );
    app.state.linkedin_wakeup.notify_one();
    let p = wait_for_sent(app, p.id).await;
    assert_eq!(p.failure, None);
    assert_eq!(fake.posts_with("Tekst D"), 2, "the 429, then the post");

    // 500: a minute's backoff; the retry is the second attempt.
    fake.script_posts([Scripted::server_error()]);
    let before = ambasada_server::now();
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst E")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/app/linkedin");
    let e = post_with(app, w.amb, "Tekst E").await;
    assert_eq!((e.status.as_str(), e.failure.as_deref()), ("scheduled", Some("server")));
    assert_eq!(e.attempts, 1);
    assert!(
        e.next_try_at >= before + MINUTE,
        "backs off: {}",
        e.next_try_at - before
    );
    assert!(e.next_try_at <= ambasada_server::now() + MINUTE);
    // The minute passes.
    let now = ambasada_server::now();
    store
        .raw_execute(&format!(
            "UPDATE linkedin_posts SET next_try_at = {now} WHERE id = {}",
            e.id
        ))
        .await
        .unwrap();
    app.state.linkedin_wakeup.notify_one();
    let e = wait_for_sent(app, e.id).await;
    assert_eq!(e.attempts, 2);
    assert_eq!(fake.posts_with("Tekst E"), 2, "the 500, then the post");
    assert!(job::round(&app.state).await);
    assert_eq!(fake.posts().len(), 4);
    let shares = store.shares_of_item(w.amb, w.item).await.unwrap();
    assert_eq!(shares.len(), 2, "one share per published post");

    // A 500 that LinkedIn answered after making the post: the retry hears DUPLICATE_POST
    // naming it, and the post counts as published with that URN, not as failed.
    fake.script_posts([
        Scripted::server_error(),
        Scripted::new(
            422,
            serde_json::json!({
                "message": "Content is a duplicate of urn:li:share:6999000000000000001",
                "status": 422,
                "errorDetails": { "inputErrors": [{ "code": "DUPLICATE_POST" }] },
            }),
        ),
    ]);
    let res = app
        .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst F")])
        .await;
    assert_eq!(location(&res), "/app/linkedin");
    let f = post_with(app, w.amb, "Tekst F").await;
    assert_eq!((f.status.as_str(), f.failure.as_deref()), ("scheduled", Some("server")));
    let now = ambasada_server::now();
    store
        .raw_execute(&format!(
            "UPDATE linkedin_posts SET next_try_at = {now} WHERE id = {}",
            f.id
        ))
        .await
        .unwrap();
    app.state.linkedin_wakeup.notify_one();
    let f = wait_for_sent(app, f.id).await;
    assert_eq!(f.post_urn.as_deref(), Some("urn:li:share:6999000000000000001"));

    // Publishing the same text twice in a row (a double click) posts it once.
    for _ in 0..2 {
        let res = app
            .post_form(&format!("/app/feed/{}/linkedin", w.item), &[("text", "Tekst G")])
            .await;
        assert_eq!(res.status(), 303);
    }
    assert_eq!(fake.posts_with("Tekst G"), 1, "a double click posts once");
}
li_story!(throttling_and_server_errors_are_retried_later_and_sent_once);

// --- 5. Exactly once ------------------------------------------------------------------

/// Two servers on one PostgreSQL database, each with its own LinkedIn job: 30 posts due
/// at once go out exactly once each. PostgreSQL only (several processes on one SQLite
/// file are not a supported deployment), skipped like every PostgreSQL run when
/// `AMBASADA_TEST_POSTGRES` is unset (CI sets it).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_send_each_due_post_exactly_once() {
    let Some(server) = common::postgres_url() else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    let fake = FakeLinkedIn::start().await;
    // Each call takes a moment, so that both servers are busy at the same time.
    fake.set_post_delay(std::time::Duration::from_millis(20));
    let first = spawn(Db::Postgres(server), &fake).await;
    let url = first.state.config.database_url.expose().to_string();
    let second = spawn(Db::Existing(url), &fake).await;
    let store = &first.state.store;

    let editor = first.create_user("red@test.example", &[Role::Editor]).await;
    let program = program(&first).await;
    let item = item(&first, editor, program, "New office", None).await;
    let now = ambasada_server::now();
    let mut people = Vec::new();
    for i in 0..3 {
        let id = first
            .create_user(&format!("amb{i}@test.example"), &[Role::Ambassador])
            .await;
        store.add_member(program, id, 0).await.unwrap();
        connect_in_store(
            &first,
            id,
            &format!("member{i}"),
            &format!("AQXtoken{i}"),
            now + 50 * DAY,
        )
        .await;
        people.push(id);
    }
    let mut expected = Vec::new();
    let mut ids = Vec::new();
    for n in 0..30 {
        let commentary = format!("Post numer {n} #praca");
        let new = NewLinkedInPost {
            user_id: people[n % 3],
            content_id: item,
            planned_post_id: None,
            commentary: commentary.clone(),
            due_at: now,
        };
        ids.push(store.create_linkedin_post(&new, now).await.unwrap());
        expected.push(commentary);
    }
    first.state.linkedin_wakeup.notify_one();
    second.state.linkedin_wakeup.notify_one();
    // Waited for in steps, each within the usual wait: a debug build on a busy machine
    // takes a few seconds for all 30.
    for step in [10, 20, 30] {
        wait_until(&format!("{step} of the 30 posts to be sent and recorded"), async || {
            let mut done = 0;
            for id in &ids {
                let p = store.linkedin_post(*id).await.unwrap().unwrap();
                done += usize::from(p.status == "sent" && p.share_id.is_some());
            }
            done >= step
        })
        .await;
    }
    // Both jobs once more: nothing is sent again.
    assert!(job::round(&first.state).await);
    assert!(job::round(&second.state).await);
    let posts = fake.posts();
    assert_eq!(posts.len(), 30, "exactly 30 calls to the Posts API");
    let mut seen: Vec<String> = posts
        .iter()
        .map(|r| r.json()["commentary"].as_str().unwrap().to_string())
        .collect();
    seen.sort();
    expected.sort();
    assert_eq!(seen, expected, "each post once");
    for r in &posts {
        let body = r.json();
        let author = body["author"].as_str().unwrap();
        let i = author.strip_prefix("urn:li:person:member").expect("a member URN");
        assert_eq!(
            r.header("authorization"),
            format!("Bearer AQXtoken{i}"),
            "each with its own token"
        );
    }
    // Each server writes its own address into the tracked link: both took part.
    let by = |app: &TestApp| {
        posts
            .iter()
            .filter(|r| {
                r.json()["content"]["article"]["source"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{}/s/", app.address))
            })
            .count()
    };
    assert!(
        by(&first) > 0 && by(&second) > 0,
        "both servers sent posts: {} and {}",
        by(&first),
        by(&second)
    );
    assert_eq!(by(&first) + by(&second), 30);
    let mut urns = Vec::new();
    for id in &ids {
        let p = store.linkedin_post(*id).await.unwrap().unwrap();
        assert_eq!(p.attempts, 1, "claimed once");
        assert!(p.share_id.is_some());
        urns.push(p.post_urn.unwrap());
    }
    urns.sort();
    urns.dedup();
    assert_eq!(urns.len(), 30);
    let mut shares = 0;
    for p in &people {
        shares += store.shares_of_item(*p, item).await.unwrap().len();
    }
    assert_eq!(shares, 30, "one share per post");

    second.stop().await;
    first.stop().await;
}

/// A post claimed ten minutes ago and never answered (its sender died mid-call) is not
/// sent again: it becomes `unknown` and its author is asked to check.
async fn an_interrupted_post_becomes_unknown_and_is_not_sent_again(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    connect_in_store(app, w.amb, "abc123", "AQXcrash", ambasada_server::now() + 50 * DAY).await;
    let now = ambasada_server::now();
    // Planned for later, so that no job claims it before the "dead" sender does.
    let id = store
        .create_linkedin_post(
            &NewLinkedInPost {
                user_id: w.amb,
                content_id: w.item,
                planned_post_id: None,
                commentary: "Przerwany".into(),
                due_at: now + DAY,
            },
            now,
        )
        .await
        .unwrap();
    let claimed = store
        .claim_linkedin_post(id, now - 10 * MINUTE)
        .await
        .unwrap()
        .expect("claimed");
    assert_eq!(claimed.status, "sending");
    assert!(job::round(&app.state).await);
    let p = wait_for_status(app, id, "unknown").await;
    assert_eq!(p.failure.as_deref(), Some("interrupted"));
    wait_until("the author to be told", async || {
        notifications_of_kind(app, w.amb, "linkedin-not-published").await == [json!({"reason": "unknown"})]
    })
    .await;
    assert!(job::round(&app.state).await);
    assert_eq!(post_of(app, id).await.status, "unknown");
    assert!(fake.posts().is_empty(), "not sent again");
    let edit = page(app, &format!("/app/linkedin/{id}")).await;
    assert!(edit.contains("the answer from LinkedIn did not reach us"), "{edit}");
}
li_story!(an_interrupted_post_becomes_unknown_and_is_not_sent_again);

/// "Publish on LinkedIn" sends from the request itself, but a request is cut after
/// `REQUEST_TIMEOUT` (30 s) while the calls to LinkedIn may take 20 s each, three of
/// them with an image. Here the router's timeout is 2 s and LinkedIn takes 3 s to
/// accept the post: the post reached LinkedIn and was published, so it must end `sent`
/// (and recorded as a share), not stay `sending` until the lease makes it `unknown`.
async fn a_publish_cut_by_the_request_timeout_still_ends_sent(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    connect_in_store(app, w.amb, "abc123", "AQXslow", ambasada_server::now() + 50 * DAY).await;
    let router = ambasada_server::build_router_timing_out(app.state.clone(), std::time::Duration::from_secs(2));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    fake.set_post_delay(std::time::Duration::from_secs(3));
    let token = app.csrf().await;
    // The session cookie is the host's (127.0.0.1), whatever the port.
    let res = app
        .client
        .post(format!("http://{addr}/app/feed/{}/linkedin", w.item))
        .form(&[("text", "Wolny LinkedIn"), ("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    let status = res.status();
    wait_until("LinkedIn to get the post", async || fake.posts().len() == 1).await;
    let p = post_with(app, w.amb, "Wolny LinkedIn").await;
    // The send outlives the request: the post is recorded as sent although the request
    // was cut by the timeout.
    let sent = wait_for("the published post to be recorded as sent", async || {
        let p = post_of(app, p.id).await;
        if p.status == "sent" && p.share_id.is_some() {
            Ok(p)
        } else {
            Err(format!(
                "{} (claimed at {:?}); the request answered {status}",
                p.status, p.claimed_at
            ))
        }
    })
    .await;
    assert_eq!(
        sent.post_urn.as_deref(),
        Some(format!("urn:li:share:{FIRST_SHARE}").as_str())
    );
    assert_eq!(fake.posts().len(), 1, "sent once");
    server.abort();
}
li_story!(a_publish_cut_by_the_request_timeout_still_ends_sent);

// --- 6. Expiry reminders --------------------------------------------------------------

async fn people_are_reminded_a_week_and_a_day_before_their_connection_expires(app: &TestApp, fake: &FakeLinkedIn) {
    let w = world(app, false).await;
    let store = &app.state.store;
    let now = ambasada_server::now();
    let expires = now + 6 * DAY;
    connect_in_store(app, w.amb, "abc123", "AQXweek", expires).await;
    // A post planned after the expiry.
    let late = store
        .create_linkedin_post(
            &NewLinkedInPost {
                user_id: w.amb,
                content_id: w.item,
                planned_post_id: None,
                commentary: "Po wygaśnięciu".into(),
                due_at: expires + DAY,
            },
            now,
        )
        .await
        .unwrap();
    let soon = app.create_user("soon@test.example", &[Role::Ambassador]).await;
    connect_in_store(app, soon, "def456", "AQXday", now + 20 * HOUR).await;

    assert!(job::round(&app.state).await);
    let week = wait_for("the seven-day reminder", async || {
        match notifications_of_kind(app, w.amb, "linkedin-expires").await.as_slice() {
            [a] => Ok(a.clone()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(week, json!({"days": 6, "posts": 1}));
    let day = wait_for("the one-day reminder", async || {
        match notifications_of_kind(app, soon, "linkedin-expires").await.as_slice() {
            [a] => Ok(a.clone()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(day, json!({"days": 1, "posts": 0}));
    let emails = async || {
        let (all, _) = store.outbox(None, 100, 0).await.unwrap();
        all.into_iter()
            .filter(|m| m.kind == "linkedin-expires")
            .map(|m| (m.to_addr, m.body_text))
            .collect::<Vec<_>>()
    };
    let sent = wait_for("two reminder emails", async || {
        let e = emails().await;
        if e.len() >= 2 { Ok(e) } else { Err(format!("{e:?}")) }
    })
    .await;
    assert_eq!(sent.len(), 2, "{sent:?}");
    let to_amb: Vec<_> = sent.iter().filter(|(to, _)| to == AMB).collect();
    assert_eq!(to_amb.len(), 1);
    assert!(to_amb[0].1.contains("/app/profile#linkedin"), "{}", to_amb[0].1);
    assert_eq!(sent.iter().filter(|(to, _)| to == "soon@test.example").count(), 1);
    assert_eq!(store.linkedin_account(w.amb).await.unwrap().unwrap().reminded, 1);
    assert_eq!(store.linkedin_account(soon).await.unwrap().unwrap().reminded, 2);

    // Another round sends nothing new.
    assert!(job::round(&app.state).await);
    assert_eq!(notifications_of_kind(app, w.amb, "linkedin-expires").await.len(), 1);
    assert_eq!(notifications_of_kind(app, soon, "linkedin-expires").await.len(), 1);
    assert_eq!(emails().await.len(), 2);

    // The list marks the post that falls after the expiry.
    let list = page(app, "/app/linkedin").await;
    assert!(list.contains(&format!("data-post=\"{late}\" data-status=\"scheduled\"")));
    assert!(list.contains("after your connection expires"), "the badge");
    assert!(fake.requests().is_empty(), "reminders need no call to LinkedIn");
}
li_story!(people_are_reminded_a_week_and_a_day_before_their_connection_expires);
