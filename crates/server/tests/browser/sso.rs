//! Single sign-on journeys against a real OpenID Connect provider: the certified
//! `oidc-provider` package (pinned in `tests/oidc/package-lock.json`), started here with
//! Node.js and its development login form. A missing `node` or a missing
//! `tests/oidc/node_modules` fails the test: run `npm ci --prefix crates/server/tests/oidc`
//! (`.ci/run` does).

use super::common::{Db, TestApp};
use super::{Driver, WAIT, catalog, fill, free_port, js, page_lang, path, text_of, wait_for, wait_for_path};
use ambasada_core::Role;
use ambasada_server::config::Secret;
use ambasada_server::config::identity::OidcConfig;
use fantoccini::{Client, Locator};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const CLIENT_ID: &str = "ambasada-test";
const CLIENT_SECRET: &str = "ambasada-test-secret-1";

/// A running `oidc-provider`; killed when dropped (also when a test panics).
struct OidcProvider {
    child: Child,
    issuer: String,
}

impl OidcProvider {
    /// Starts the provider on `port` for a client whose callback is `redirect_uri`, and
    /// waits for its ready line.
    fn start(port: u16, redirect_uri: &str) -> OidcProvider {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
        assert!(
            dir.join("node_modules/oidc-provider/package.json").is_file(),
            "oidc-provider is not installed in {}: run `npm ci --prefix crates/server/tests/oidc` \
             (needs Node.js and npm; .ci/run does it)",
            dir.display()
        );
        let node = std::env::var("NODE").unwrap_or_else(|_| "node".into());
        let mut child = Command::new(&node)
            .arg("provider.mjs")
            .arg(port.to_string())
            .arg(redirect_uri)
            .current_dir(&dir)
            .env("OIDC_CLIENT_ID", CLIENT_ID)
            .env("OIDC_CLIENT_SECRET", CLIENT_SECRET)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start `{node}` for the OpenID Connect provider: {e}; install Node.js \
                     and run `npm ci --prefix crates/server/tests/oidc`"
                )
            });
        // The ready line comes from a thread, so that a provider that never says it does
        // not hang the test.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with("oidc-provider ready") {
                    let _ = tx.send(());
                }
            }
        });
        let provider = OidcProvider {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        };
        if rx.recv_timeout(WAIT).is_err() {
            panic!("oidc-provider did not say it was ready within {WAIT:?} (node provider.mjs {port})");
        }
        provider
    }

    /// The URL of the last authorization request the provider received.
    async fn last_authorization(&self) -> String {
        reqwest::get(format!("{}/test/last-authorization", self.issuer))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server whose identity provider is a real `oidc-provider`, and that provider.
async fn app_with_provider(jit: bool) -> (TestApp, OidcProvider) {
    let port = free_port();
    let oidc = OidcConfig {
        issuer: format!("http://127.0.0.1:{port}"),
        client_id: CLIENT_ID.into(),
        client_secret: Some(Secret::new(CLIENT_SECRET)),
        display_name: "Firma 365".into(),
        allowed_domains: vec!["firma.example".into()],
        only: false,
        break_glass_email: None,
        jit,
        trust_unverified_email: false,
    };
    // The server starts first: nothing asks the provider anything at start-up.
    let app = TestApp::spawn_with(Db::Sqlite, move |c| c.oidc = Some(oidc), None).await;
    let provider = OidcProvider::start(port, &app.url("/login/sso/callback"));
    (app, provider)
}

/// Signs in as `login` on the provider's development login form (any password).
async fn provider_login(c: &Client, login: &str) {
    wait_for("the identity provider's login form", async || {
        c.find(Locator::Css("input[name=login]")).await.ok()
    })
    .await;
    fill(c, "input[name=login]", login).await;
    fill(c, "input[name=password]", "any-password").await;
    c.find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// The refusal on the single sign-on page, once the callback answered.
async fn refusal(c: &Client) -> String {
    wait_for("the single sign-on refusal", async || {
        c.find(Locator::Css("#sso-error")).await.ok()
    })
    .await;
    assert_eq!(path(c).await, "/login/sso/callback");
    text_of(c, "#sso-error").await
}

/// Whether the browser is signed in: `/app` answers the home page, not the login page.
async fn signed_in(c: &Client, app: &TestApp) -> bool {
    c.goto(&app.url("/app")).await.unwrap();
    wait_for("a page after /app", async || {
        let p = path(c).await;
        (p == "/app" || p == "/login").then_some(())
    })
    .await;
    path(c).await == "/app"
}

/// A person with an account clicks the company button on the login page, signs in at the
/// identity provider, and lands signed in on the home page; the sign-in is audited.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_signs_in_with_the_company_account() {
    let driver = Driver::start().await;
    let (app, provider) = app_with_provider(false).await;
    app.create_user("anna@firma.example", &[Role::Ambassador]).await;
    let c = driver.browser().await;

    c.goto(&app.url("/login")).await.unwrap();
    let button = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#sso-button"))
        .await
        .expect("the login page offers the company sign-in");
    let lang = page_lang(&c).await;
    assert_eq!(
        button.text().await.unwrap().trim(),
        catalog(&lang, "login-sso").replace("{ $name }", "Firma 365")
    );
    button.click().await.unwrap();
    wait_for("the identity provider's page", async || {
        let url = c.current_url().await.ok()?;
        url.as_str().starts_with(&provider.issuer).then_some(())
    })
    .await;
    provider_login(&c, "anna@firma.example").await;

    wait_for_path(&c, "/app").await;
    assert_eq!(
        text_of(&c, "main h1").await,
        catalog(&page_lang(&c).await, "home-hello").replace("{ $name }", "Test"),
        "the home page greets the person"
    );
    let audit = app.state.store.audit_recent(5).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "user.sso_login" && a.subject == "anna@firma.example"),
        "{audit:?}"
    );
    let cookie = js(&c, "return document.cookie").await;
    assert!(
        !cookie.as_str().unwrap_or_default().contains("amb_sso"),
        "the sign-in's cookie is gone (and was never readable by scripts): {cookie}"
    );
    driver
        .assert_keeps_to_the_policy(&c, "the single sign-on journey")
        .await;
    c.close().await.unwrap();
    drop(driver);
    drop(provider);
    app.stop().await;
}

/// The authorization request is replayed with another nonce: the state is this browser's,
/// but the ID token carries the other nonce, so the callback refuses it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_token_with_another_nonce_is_refused() {
    let driver = Driver::start().await;
    let (app, provider) = app_with_provider(false).await;
    app.create_user("anna@firma.example", &[Role::Ambassador]).await;
    let c = driver.browser().await;

    c.goto(&app.url("/login/sso")).await.unwrap();
    wait_for("the identity provider's login form", async || {
        c.find(Locator::Css("input[name=login]")).await.ok()
    })
    .await;
    let mut url = url::Url::parse(&provider.last_authorization().await).unwrap();
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(pairs.iter().any(|(k, _)| k == "nonce"), "{url}");
    url.query_pairs_mut().clear().extend_pairs(pairs.iter().map(|(k, v)| {
        (
            k.as_str(),
            if k == "nonce" {
                "another-nonce-0123456789"
            } else {
                v.as_str()
            },
        )
    }));
    c.goto(url.as_str()).await.unwrap();
    provider_login(&c, "anna@firma.example").await;

    let message = refusal(&c).await;
    assert_eq!(message, catalog(&page_lang(&c).await, "sso-unverified"));
    assert!(!signed_in(&c, &app).await, "no session");
    c.close().await.unwrap();
    drop(driver);
    drop(provider);
    app.stop().await;
}

/// A person the provider knows, whose address is not of an allowed domain, is refused
/// with the reason; with `oidc_jit`, a new person of an allowed domain gets an account
/// with no roles.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disallowed_domain_is_refused_and_a_new_colleague_gets_an_account() {
    let driver = Driver::start().await;
    let (app, provider) = app_with_provider(true).await;
    let c = driver.browser().await;

    c.goto(&app.url("/login/sso")).await.unwrap();
    provider_login(&c, "obcy@other.example").await;
    let message = refusal(&c).await;
    let lang = page_lang(&c).await;
    assert_eq!(
        message,
        catalog(&lang, "sso-domain").replace("{ $domain }", "other.example")
    );
    assert!(!signed_in(&c, &app).await, "no session");
    let nobody = ambasada_core::Email::parse("obcy@other.example").unwrap();
    assert!(app.state.store.user_by_email(&nobody).await.unwrap().is_none());
    c.close().await.unwrap();

    // Another browser (the provider remembers who signed in there), a new colleague.
    let c = driver.browser_of(Some(1280)).await;
    c.goto(&app.url("/login/sso?next=/app/profile")).await.unwrap();
    provider_login(&c, "jan@firma.example").await;
    wait_for_path(&c, "/app/profile").await;
    let jan = ambasada_core::Email::parse("jan@firma.example").unwrap();
    let user = app.state.store.user_by_email(&jan).await.unwrap().expect("an account");
    assert_eq!((user.first_name.as_str(), user.last_name.as_str()), ("Jan", "Kowalski"));
    assert!(user.roles.is_empty() && !user.has_password, "{user:?}");
    let audit = app.state.store.audit_recent(5).await.unwrap();
    assert!(audit.iter().any(|a| a.action == "user.sso_create"), "{audit:?}");
    c.close().await.unwrap();
    drop(driver);
    drop(provider);
    app.stop().await;
}
