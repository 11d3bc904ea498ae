//! Single sign-on through the real router: the redirect to the identity provider (against
//! a discovery document served by a small listener here), a provider that cannot be
//! reached, passwords off but for the break-glass admin, and callbacks that must be
//! refused. The whole sign-in against a real provider is a browser journey
//! (`tests/browser/sso.rs`).

use crate::common::{Db, PASSWORD, TestApp, postgres_url};
use ambasada_core::{Locale, Role};
use ambasada_server::config::identity::OidcConfig;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One test per engine, each given the engine to start its server on.
macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(crate::common::Db::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(url) = super::postgres_url() else {
                    eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
                    return;
                };
                super::$name(crate::common::Db::Postgres(url)).await;
            }
        }
    };
}

/// An identity provider's discovery document and (empty) key set on `listener`, counting
/// the requests it gets.
struct FakeProvider {
    issuer: String,
    hits: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl FakeProvider {
    async fn serve(listener: tokio::net::TcpListener) -> FakeProvider {
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let hits = Arc::new(AtomicUsize::new(0));
        let document = serde_json::json!({
            "issuer": issuer,
            "authorization_endpoint": format!("{issuer}/authorize"),
            "token_endpoint": format!("{issuer}/token"),
            "userinfo_endpoint": format!("{issuer}/userinfo"),
            "jwks_uri": format!("{issuer}/jwks"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        });
        let (h1, h2) = (hits.clone(), hits.clone());
        let app = axum::Router::new()
            .route(
                "/.well-known/openid-configuration",
                axum::routing::get(move || async move {
                    h1.fetch_add(1, Ordering::SeqCst);
                    axum::Json(document)
                }),
            )
            .route(
                "/jwks",
                axum::routing::get(move || async move {
                    h2.fetch_add(1, Ordering::SeqCst);
                    axum::Json(serde_json::json!({ "keys": [] }))
                }),
            );
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeProvider { issuer, hits, task }
    }

    async fn start() -> FakeProvider {
        FakeProvider::serve(tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap()).await
    }
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn oidc(issuer: &str) -> OidcConfig {
    OidcConfig {
        issuer: issuer.to_string(),
        client_id: "ambasada-client".into(),
        client_secret: Some(ambasada_server::config::Secret::new("s3cr3t")),
        display_name: "Firma 365".into(),
        allowed_domains: vec!["firma.example".into()],
        only: false,
        break_glass_email: None,
        jit: false,
        trust_unverified_email: false,
    }
}

async fn spawn(db: Db, oidc: OidcConfig) -> TestApp {
    TestApp::spawn_with(db, move |c| c.oidc = Some(oidc), None).await
}

/// The Polish message of `key` (pages answer in Polish to a client that names no language).
fn pl(app: &TestApp, key: &str) -> String {
    app.state.i18n.message(Locale::Pl, key, None)
}

/// The query parameters of a URL.
fn query_of(url: &str) -> HashMap<String, String> {
    url::Url::parse(url).unwrap().query_pairs().into_owned().collect()
}

/// Starts a sign-in: the redirect's location (the provider's authorization URL).
async fn start_sign_in(app: &TestApp, next: &str) -> String {
    let res = app.get(&format!("/login/sso?next={next}")).await;
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("amb_sso="))
        .expect("the sign-in is kept in the amb_sso cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/login/sso", "Max-Age=600"] {
        assert!(cookie.contains(part), "{part} missing from {cookie}");
    }
    res.headers()["location"].to_str().unwrap().to_string()
}

both!(the_sign_in_starts_at_the_providers_authorization_endpoint_with_pkce_state_and_nonce);
async fn the_sign_in_starts_at_the_providers_authorization_endpoint_with_pkce_state_and_nonce(db: Db) {
    let provider = FakeProvider::start().await;
    let app = spawn(db, oidc(&provider.issuer)).await;
    // Nothing asks the provider anything until someone signs in.
    let login = app.get("/login").await;
    assert_eq!(login.status(), 200);
    let page = login.text().await.unwrap();
    assert!(page.contains("id=\"sso-button\""), "{page}");
    assert!(page.contains("Zaloguj się przez Firma 365"));
    assert!(page.contains("href=\"/login/sso?next=%2Fapp\""));
    assert_eq!(provider.hits.load(Ordering::SeqCst), 0);

    let location = start_sign_in(&app, "/app/feed").await;
    assert!(
        location.starts_with(&format!("{}/authorize?", provider.issuer)),
        "{location}"
    );
    let q = query_of(&location);
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], "ambasada-client");
    assert_eq!(q["redirect_uri"], app.url("/login/sso/callback"));
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(q["code_challenge"].len(), 43, "a SHA-256 challenge in base64url");
    let scopes: Vec<&str> = q["scope"].split(' ').collect();
    for s in ["openid", "email", "profile"] {
        assert!(scopes.contains(&s), "scope {s} in {scopes:?}");
    }
    assert!(q["state"].len() >= 16 && q["nonce"].len() >= 16, "{q:?}");
    assert!(!location.contains("s3cr3t"), "the client secret stays on the server");

    // Each sign-in has its own state and nonce; the document and keys were fetched once.
    let again = query_of(&start_sign_in(&app, "/app").await);
    assert_ne!(again["state"], q["state"]);
    assert_ne!(again["nonce"], q["nonce"]);
    assert_ne!(again["code_challenge"], q["code_challenge"]);
    assert_eq!(
        provider.hits.load(Ordering::SeqCst),
        2,
        "one discovery document and one key set"
    );

    // An outside `next` is not kept: a sign-in started with one still works.
    let res = app.get("/login/sso?next=https://evil.example/").await;
    assert_eq!(res.status(), 303);
    app.stop().await;
}

both!(an_unreachable_provider_answers_503_and_is_tried_again);
async fn an_unreachable_provider_answers_503_and_is_tried_again(db: Db) {
    // A port where nothing listens (for now).
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = closed.local_addr().unwrap();
    drop(closed);
    let app = spawn(db, oidc(&format!("http://{address}"))).await;
    let login = app.get("/login").await;
    assert_eq!(login.status(), 200, "the server starts and the login page renders");
    assert!(login.text().await.unwrap().contains("id=\"sso-button\""));

    let res = app.get("/login/sso").await;
    assert_eq!(res.status(), 503);
    let page = res.text().await.unwrap();
    assert!(page.contains(&pl(&app, "sso-unavailable")), "{page}");
    assert!(page.contains("id=\"sso-error\""));

    // The provider comes up: the next sign-in fetches its document.
    let Ok(listener) = tokio::net::TcpListener::bind(address).await else {
        eprintln!("the port was taken meanwhile: the retry is not checked");
        app.stop().await;
        return;
    };
    let provider = FakeProvider::serve(listener).await;
    let location = start_sign_in(&app, "/app").await;
    assert!(location.starts_with(&format!("{}/authorize?", provider.issuer)));
    app.stop().await;
}

both!(passwords_are_off_but_for_the_break_glass_admin);
async fn passwords_are_off_but_for_the_break_glass_admin(db: Db) {
    let provider = FakeProvider::start().await;
    let mut config = oidc(&provider.issuer);
    config.only = true;
    config.break_glass_email = Some("admin@test.example".into());
    config.display_name = String::new();
    let app = spawn(db, config).await;
    app.create_user("admin@test.example", &[Role::Admin]).await;
    app.create_user("anna@firma.example", &[Role::Ambassador, Role::Admin])
        .await;

    // The login page offers single sign-on, and the password form only on request.
    let page = app.get("/login").await.text().await.unwrap();
    assert!(page.contains(&pl(&app, "login-sso-generic")));
    assert!(!page.contains("name=\"password\""), "no password form");
    assert!(
        page.contains("id=\"password-link\" href=\"/login?password=1&#38;next=%2Fapp\""),
        "{page}"
    );
    let page = app.get("/login?password=1").await.text().await.unwrap();
    assert!(page.contains("name=\"password\""));

    // Everyone else is refused before their password is looked at, admins included.
    let res = app.login("anna@firma.example", PASSWORD).await;
    assert_eq!(res.status(), 403);
    let page = res.text().await.unwrap();
    assert!(page.contains(&pl(&app, "login-password-off")), "{page}");
    assert_eq!(app.get("/app").await.status(), 303, "not signed in");

    // The break-glass admin signs in with a password (a wrong one is still wrong).
    assert_eq!(app.login("admin@test.example", "wrong-password-1").await.status(), 401);
    let res = app.login("Admin@Test.example", PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.get("/app").await.status(), 200);
    app.stop().await;
}

both!(the_break_glass_address_needs_an_active_admin_and_invitations_lead_to_sso);
async fn the_break_glass_address_needs_an_active_admin_and_invitations_lead_to_sso(db: Db) {
    let provider = FakeProvider::start().await;
    let mut config = oidc(&provider.issuer);
    config.only = true;
    config.break_glass_email = Some("glass@test.example".into());
    let app = spawn(db, config).await;
    app.create_user("glass@test.example", &[Role::Coordinator]).await;
    let res = app.login("glass@test.example", PASSWORD).await;
    assert_eq!(res.status(), 403, "not an admin");
    assert!(res.text().await.unwrap().contains(&pl(&app, "login-password-off")));

    // An invitation sets no password while passwords are off: its link leads to the login
    // page, where the invited person signs in with single sign-on.
    let id = app
        .state
        .store
        .create_user(
            &ambasada_store::people::NewUser {
                email: ambasada_core::Email::parse("invited@firma.example").unwrap(),
                first_name: "Iza".into(),
                last_name: "Nowa".into(),
                locale: Locale::Pl,
                time_zone: "Europe/Warsaw".into(),
                password_hash: None,
                roles: vec![],
                team_ids: vec![],
            },
            0,
        )
        .await
        .unwrap();
    let token = ambasada_server::auth::new_token();
    let now = ambasada_server::now();
    app.state
        .store
        .create_one_time_token(
            id,
            ambasada_store::people::access::Purpose::Invite,
            &ambasada_server::auth::hash_token(&token),
            now,
            now + ambasada_core::HOUR,
        )
        .await
        .unwrap();
    let res = app.get(&format!("/invite/{token}")).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login");
    let res = app
        .post_form(
            &format!("/invite/{token}"),
            &[("password", "nowe-haslo-123"), ("password_confirm", "nowe-haslo-123")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login");
    assert_eq!(app.get("/app").await.status(), 303, "not signed in");
    assert_eq!(
        app.state.store.password_hash(id).await.unwrap(),
        None,
        "no password was set"
    );
    app.stop().await;
}

both!(a_callback_that_does_not_belong_to_this_browsers_sign_in_is_refused);
async fn a_callback_that_does_not_belong_to_this_browsers_sign_in_is_refused(db: Db) {
    let provider = FakeProvider::start().await;
    let app = spawn(db, oidc(&provider.issuer)).await;
    app.create_user("anna@firma.example", &[Role::Ambassador]).await;

    // No sign-in started in this browser.
    let res = app.get("/login/sso/callback?code=abc&state=xyz").await;
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains(&pl(&app, "sso-expired")));

    // A sign-in started, and a callback with another state: refused, and the sign-in is
    // over (its cookie removed), so the right state no longer helps either.
    let q = query_of(&start_sign_in(&app, "/app").await);
    let res = app.get("/login/sso/callback?code=abc&state=not-the-state").await;
    assert_eq!(res.status(), 400);
    let removed = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("amb_sso=;"));
    assert!(removed, "the sign-in's cookie is removed");
    assert!(res.text().await.unwrap().contains(&pl(&app, "sso-unverified")));
    let res = app
        .get(&format!("/login/sso/callback?code=abc&state={}", q["state"]))
        .await;
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains(&pl(&app, "sso-expired")));

    // The provider says the person cancelled.
    start_sign_in(&app, "/app").await;
    let res = app
        .get("/login/sso/callback?error=access_denied&error_description=%3Cb%3Enope%3C%2Fb%3E")
        .await;
    assert_eq!(res.status(), 403);
    let page = res.text().await.unwrap();
    assert!(page.contains(&pl(&app, "sso-denied")));
    assert!(!page.contains("nope"), "the provider's own words are not shown");

    // Nonsense in the query is a page, not a 500.
    let res = app.get("/login/sso/callback?code=a&code=b&state=%FF").await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(app.get("/app").await.status(), 303, "never signed in");
    app.stop().await;
}

both!(without_an_identity_provider_there_is_no_single_sign_on);
async fn without_an_identity_provider_there_is_no_single_sign_on(db: Db) {
    let app = TestApp::spawn(db).await;
    assert_eq!(app.get("/login/sso").await.status(), 404);
    assert_eq!(app.get("/login/sso/callback?code=a&state=b").await.status(), 404);
    let page = app.get("/login").await.text().await.unwrap();
    assert!(!page.contains("sso-button"));
    assert!(page.contains("name=\"password\""));
    app.stop().await;
}
