//! Issue 19, items 2, 5, 6 and 7: a login limit that cannot lock out a company, API
//! tokens that end with the password, bodies for 408 and 414 answers and `no-store` on
//! the API, pending imports confirmed only by their own dry run.

use crate::common::{PASSWORD, TestApp};
use crate::story;
use ambasada_core::people::throttle::{self, Gate};
use ambasada_core::{Email, HOUR, Role, Scope};
use ambasada_server::auth;
use ambasada_store::people::access::Purpose;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The stored hash of the test client's address (the socket's, without `trust_proxy`).
fn local_ip_hash(app: &TestApp) -> String {
    auth::keyed_hash(&app.state.ip_key, "127.0.0.1")
}

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap()
}

async fn five_failures_for_one_account_leave_the_others_behind_its_address_open(app: &TestApp) {
    app.create_user("x@test.example", &[Role::Ambassador]).await;
    app.create_user("y@test.example", &[Role::Ambassador]).await;
    for _ in 0..5 {
        assert_eq!(app.login("x@test.example", "wrong-password").await.status(), 401);
    }
    // Same client, same address: another account's correct password logs in.
    let other = TestApp::sibling(app);
    assert_eq!(other.login("y@test.example", PASSWORD).await.status(), 303);
    assert_eq!(other.get("/app").await.status(), 200, "logged in");
    // The account itself is locked, even for its correct password.
    let res = app.login("x@test.example", PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert_eq!(app.get("/app").await.status(), 303, "not logged in");
}
story!(five_failures_for_one_account_leave_the_others_behind_its_address_open);

async fn refused_tries_do_not_extend_a_lock(app: &TestApp) {
    app.create_user("x@test.example", &[Role::Ambassador]).await;
    let ip = local_ip_hash(app);
    let now = ambasada_server::now();
    // Five failures 14 minutes ago: the lock has about a minute left.
    let set = now - throttle::WINDOW + ambasada_core::MINUTE;
    for _ in 0..5 {
        app.state
            .store
            .record_login_failure("x@test.example", &ip, set)
            .await
            .unwrap();
    }
    for i in 0..6 {
        let res = app.login("x@test.example", PASSWORD).await;
        assert_eq!(res.status(), 429, "try {i}");
        let body = text(res).await;
        assert!(
            body.contains("za minutę") || body.contains("in a minute"),
            "try {i}: the lock still ends in a minute"
        );
    }
    let (by_email, by_ip) = app
        .state
        .store
        .login_failures("x@test.example", &ip, now - throttle::WINDOW, -1)
        .await
        .unwrap();
    assert_eq!(by_email, vec![set; 5], "refused tries are not recorded");
    assert_eq!(by_ip.len(), 5);
    // So the lock ends a window after the failures that set it.
    assert_eq!(throttle::gate(&by_email, &by_ip, set + throttle::WINDOW), Gate::Open);
}
story!(refused_tries_do_not_extend_a_lock);

async fn an_address_over_its_limit_still_lets_a_correct_password_in(app: &TestApp) {
    app.create_user("y@test.example", &[Role::Ambassador]).await;
    let ip = local_ip_hash(app);
    let now = ambasada_server::now();
    for i in 0..throttle::ADDRESS_LIMIT {
        app.state
            .store
            .record_login_failure(&format!("someone{i}@test.example"), &ip, now - 1_000)
            .await
            .unwrap();
    }
    // A wrong password hears about the address ...
    let res = app.login("y@test.example", "wrong-password").await;
    assert_eq!(res.status(), 429);
    let body = text(res).await;
    assert!(body.contains("Z Twojej sieci") || body.contains("from your network"));
    // ... and the right one logs in: the account is not locked.
    assert_eq!(app.login("y@test.example", PASSWORD).await.status(), 303);
    assert_eq!(app.get("/app").await.status(), 200);
}
story!(an_address_over_its_limit_still_lets_a_correct_password_in);

/// A token for `user_id` with every scope given, and its secret.
async fn token_for(app: &TestApp, user_id: i64, name: &str, scopes: &[Scope]) -> String {
    let secret = format!("amb_{name}-{}", auth::new_token());
    app.state
        .store
        .create_api_token(user_id, name, &auth::hash_token(&secret), scopes, 0)
        .await
        .unwrap();
    secret
}

async fn me_with(app: &TestApp, authorization: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/me"))
        .header("authorization", authorization)
        .send()
        .await
        .unwrap()
}

async fn the_bearer_scheme_is_read_in_any_case(app: &TestApp) {
    let id = app.create_user("api@test.example", &[Role::Ambassador]).await;
    let secret = token_for(app, id, "cli", &[]).await;
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let res = me_with(app, &format!("{scheme} {secret}")).await;
        assert_eq!(res.status(), 200, "{scheme}");
    }
    assert_eq!(me_with(app, &format!("Basic {secret}")).await.status(), 401);
}
story!(the_bearer_scheme_is_read_in_any_case);

async fn a_password_change_or_reset_revokes_the_api_tokens(app: &TestApp) {
    let id = app.create_user("api@test.example", &[Role::Ambassador]).await;
    assert_eq!(app.login("api@test.example", PASSWORD).await.status(), 303);
    let page = text(app.get("/app/profile").await).await;
    assert!(
        page.contains("revokes your API tokens"),
        "the profile says tokens end with the password"
    );
    // A change on the profile page.
    let first = token_for(app, id, "first", &[]).await;
    assert_eq!(me_with(app, &format!("Bearer {first}")).await.status(), 200);
    let res = app
        .post_form(
            "/app/profile/password",
            &[
                ("current_password", PASSWORD),
                ("password", "nowe-haslo-456789"),
                ("password_confirm", "nowe-haslo-456789"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(me_with(app, &format!("Bearer {first}")).await.status(), 401);
    assert!(app.state.store.api_tokens(id).await.unwrap().is_empty());

    // A reset through an emailed link.
    let second = token_for(app, id, "second", &[]).await;
    assert_eq!(me_with(app, &format!("Bearer {second}")).await.status(), 200);
    let link = auth::new_token();
    let now = ambasada_server::now();
    app.state
        .store
        .create_one_time_token(id, Purpose::Reset, &auth::hash_token(&link), now, now + HOUR)
        .await
        .unwrap();
    let guest = TestApp::sibling(app);
    let res = guest
        .post_form(
            &format!("/password/reset/{link}"),
            &[
                ("password", "jeszcze-nowsze-123"),
                ("password_confirm", "jeszcze-nowsze-123"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(me_with(app, &format!("Bearer {second}")).await.status(), 401);
}
story!(a_password_change_or_reset_revokes_the_api_tokens);

async fn api_answers_are_never_stored(app: &TestApp) {
    let id = app.create_user("api@test.example", &[Role::Ambassador]).await;
    let secret = token_for(app, id, "cli", &[]).await;
    for res in [
        me_with(app, &format!("Bearer {secret}")).await,
        me_with(app, "Bearer wrong").await,
        app.get("/api/v1/nothing").await,
    ] {
        assert_eq!(res.headers()["cache-control"], "no-store", "{}", res.url());
    }
}
story!(api_answers_are_never_stored);

async fn a_too_long_address_gets_a_page_or_a_problem(app: &TestApp) {
    let long = "a".repeat(ambasada_server::empty_answers::MAX_URI_LEN);
    let res = app.get(&format!("/login?x={long}")).await;
    assert_eq!(res.status(), 414);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let body = text(res).await;
    assert!(body.contains("<html"), "a page in the layout");
    assert!(body.contains("Adres strony jest za długi") || body.contains("address is too long"));
    assert!(!body.contains(&long), "the address is not echoed");

    let res = app.get(&format!("/api/v1/me?x={long}")).await;
    assert_eq!(res.status(), 414);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let p: serde_json::Value = res.json().await.unwrap();
    assert_eq!(p["status"], 414);
    // Just under the limit, the page answers as usual.
    let fits = "a".repeat(ambasada_server::empty_answers::MAX_URI_LEN - "/login?x=".len());
    assert_eq!(app.get(&format!("/login?x={fits}")).await.status(), 200);
}
story!(a_too_long_address_gets_a_page_or_a_problem);

/// Sends `head` and half of a body of `Content-Length: 64` to `addr`, and reads the
/// whole answer: the server times out waiting for the rest.
async fn half_a_request(addr: std::net::SocketAddr, head: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("{head}Content-Length: 64\r\nConnection: close\r\n\r\n{{\"kind\":");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut out))
        .await
        .expect("answered before the client gave up")
        .unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

async fn a_timeout_gets_a_page_or_a_problem(app: &TestApp) {
    let id = app.create_user("api@test.example", &[Role::Recruiter]).await;
    let secret = token_for(app, id, "cli", &[Scope::ConversionsWrite]).await;
    // The real router, with a timeout short enough for a test.
    let router = ambasada_server::build_router_timing_out(app.state.clone(), std::time::Duration::from_millis(300));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });

    // A form whose CSRF token is in its body: the page middleware waits for the body.
    let page = half_a_request(
        addr,
        "POST /login HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n",
    )
    .await;
    assert!(page.starts_with("HTTP/1.1 408"), "{page}");
    let lower = page.to_ascii_lowercase();
    assert!(lower.contains("content-type: text/html"), "{page}");
    assert!(
        page.contains("<html") && page.contains("The request took too long"),
        "{page}"
    );

    let problem = half_a_request(
        addr,
        &format!(
            "POST /api/v1/conversions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {secret}\r\n\
             Content-Type: application/json\r\n"
        ),
    )
    .await;
    assert!(problem.starts_with("HTTP/1.1 408"), "{problem}");
    let lower = problem.to_ascii_lowercase();
    assert!(lower.contains("content-type: application/problem+json"), "{problem}");
    assert!(lower.contains("cache-control: no-store"), "{problem}");
    assert!(problem.contains("\"status\":408"), "{problem}");
    server.abort();
}
story!(a_timeout_gets_a_page_or_a_problem);

async fn upload(app: &TestApp, csv: &str) -> String {
    let token = app.csrf().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
            .file_name("pracownicy.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    let res = app
        .client
        .post(app.url(&format!("/app/admin/import?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    text(res).await
}

/// The confirmation form of a dry run: its path and its token.
fn confirmation(page: &str) -> (String, String) {
    let field = |start: &str| {
        let i = page.find(start).unwrap_or_else(|| panic!("{start} in {page}")) + start.len();
        page[i..i + page[i..].find('"').unwrap()].to_string()
    };
    let path = format!("/app/admin/import/{}", field("action=\"/app/admin/import/"));
    (path, field("name=\"token\" value=\""))
}

async fn is_user(app: &TestApp, email: &str) -> bool {
    app.state
        .store
        .user_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .is_some()
}

async fn an_old_import_confirmation_does_not_import_a_newer_file(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let a = upload(app, "email,first_name,last_name\nanna@firma.pl,Anna,Nowak\n").await;
    let (a_path, a_token) = confirmation(&a);
    let res = app.post_form(&a_path, &[("token", &a_token)]).await;
    assert_eq!(res.status(), 303);
    assert!(is_user(app, "anna@firma.pl").await);

    let b = upload(app, "email,first_name,last_name\nbartek@firma.pl,Bartek,Kowal\n").await;
    let (b_path, b_token) = confirmation(&b);
    // A's form again (on SQLite, B may have been given A's id).
    let res = app.post_form(&a_path, &[("token", &a_token)]).await;
    assert_eq!(res.status(), 404);
    assert!(!is_user(app, "bartek@firma.pl").await, "nothing imported");
    // B's path without B's token is no confirmation either.
    assert_eq!(app.post_form(&b_path, &[]).await.status(), 404);
    assert!(!is_user(app, "bartek@firma.pl").await);
    assert_eq!(app.post_form(&b_path, &[("token", &b_token)]).await.status(), 303);
    assert!(is_user(app, "bartek@firma.pl").await);
}
story!(an_old_import_confirmation_does_not_import_a_newer_file);

async fn a_password_reset_lifts_the_lock_on_the_account(app: &TestApp) {
    let id = app.create_user("locked@test.example", &[Role::Ambassador]).await;
    let now = ambasada_server::now();
    for _ in 0..5 {
        app.state
            .store
            .record_login_failure("locked@test.example", "somewhere", now)
            .await
            .unwrap();
    }
    let (by_email, _) = app
        .state
        .store
        .login_failures("locked@test.example", "elsewhere", now - 60_000, -1)
        .await
        .unwrap();
    assert_eq!(by_email.len(), 5, "locked");
    let secret = ambasada_server::auth::new_token();
    let hash = ambasada_server::auth::hash_token(&secret);
    app.state
        .store
        .create_one_time_token(id, Purpose::Reset, &hash, now, now + 3_600_000)
        .await
        .unwrap();
    let redeemed = app
        .state
        .store
        .redeem_one_time_token(&hash, Purpose::Reset, "new-hash", now)
        .await
        .unwrap();
    assert_eq!(redeemed, Some(id));
    let (by_email, _) = app
        .state
        .store
        .login_failures("locked@test.example", "elsewhere", now - 60_000, -1)
        .await
        .unwrap();
    assert!(by_email.is_empty(), "the reset lifted the lock");
}
story!(a_password_reset_lifts_the_lock_on_the_account);
