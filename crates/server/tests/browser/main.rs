//! Browser journeys: the real server driven through headless Chromium over WebDriver.
//!
//! Each test starts its own `chromedriver` (`/usr/bin/chromedriver`, or `$CHROMEDRIVER`)
//! driving `/usr/bin/chromium` (or `$CHROMIUM`) at a phone-sized window. A missing
//! browser or driver fails the test: install the Debian packages `chromium` and
//! `chromium-driver` (`.ci/run` does).

#[path = "../common/mod.rs"]
pub mod common;

use ambasada_core::Role;
use common::{Db, PASSWORD, TestApp};
use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long any single wait in a journey may take.
const WAIT: Duration = Duration::from_secs(10);
/// The window width the journeys check the layout at.
const PHONE_WIDTH: i64 = 375;

/// A program path from an environment variable, or the Debian default.
fn program(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().unwrap().port()
}

/// A new, empty directory under the system temp dir.
fn fresh_dir(prefix: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!(
        "{prefix}-{}-{nanos}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("create a temp dir");
    dir
}

/// A running chromedriver; dropping it (also while a test panics) shuts it down,
/// kills it if it does not exit, and removes the browser profile.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it reports ready.
    async fn start() -> Driver {
        let chromedriver = program("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = program("CHROMIUM", "/usr/bin/chromium");
        assert!(
            Path::new(&chromedriver).is_file(),
            "chromedriver not found at {chromedriver}: install the `chromium-driver` package \
             (apt-get install chromium chromium-driver) or point CHROMEDRIVER at it"
        );
        assert!(
            Path::new(&chromium).is_file(),
            "Chromium not found at {chromium}: install the `chromium` package \
             (apt-get install chromium chromium-driver) or point CHROMIUM at it"
        );
        let port = free_port();
        let child = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e}"));
        let mut driver = Driver {
            child,
            port,
            profile: fresh_dir("ambasada-chromium"),
        };
        let status = format!("{}/status", driver.url());
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        let start = Instant::now();
        loop {
            if let Some(exit) = driver.child.try_wait().unwrap() {
                panic!("chromedriver ({chromedriver}) exited before answering: {exit}");
            }
            if let Ok(res) = http.get(&status).send().await
                && let Ok(body) = res.json::<serde_json::Value>().await
                && body["value"]["ready"] == serde_json::Value::Bool(true)
            {
                return driver;
            }
            assert!(
                start.elapsed() < WAIT,
                "chromedriver did not answer on port {port} within {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Opens a browser session: headless Chromium, 375 px wide, a fresh profile.
    async fn browser(&self) -> Client {
        let chromium = program("CHROMIUM", "/usr/bin/chromium");
        let caps = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    format!("--window-size={PHONE_WIDTH},800"),
                    format!("--user-data-dir={}", self.profile.display()),
                ],
                // Headless Chromium will not make a window narrower than 500 px, so the
                // phone width comes from device emulation (a mobile viewport, as on a phone).
                "mobileEmulation": {
                    "deviceMetrics": { "width": PHONE_WIDTH, "height": 800, "pixelRatio": 1.0, "mobile": true },
                },
            },
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        ClientBuilder::native()
            .capabilities(caps)
            .connect(&self.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session through chromedriver: {e}"))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Ask chromedriver to quit its sessions (closing Chromium) and exit; kill it
        // if it is still there afterwards.
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(3)));
            let _ = write!(
                s,
                "GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            );
            let _ = s.read(&mut [0u8; 256]);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Polls `check` until it gives a value; fails with `what` after [`WAIT`].
async fn wait_for<T>(what: &str, mut check: impl AsyncFnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(start.elapsed() < WAIT, "timed out after {WAIT:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs a script and returns its value (`Null` when the page is between loads).
async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap_or(serde_json::Value::Null)
}

async fn path(c: &Client) -> String {
    c.current_url().await.map(|u| u.path().to_string()).unwrap_or_default()
}

async fn wait_for_path(c: &Client, want: &str) {
    wait_for(&format!("the path {want}"), async || {
        (path(c).await == want).then_some(())
    })
    .await
}

async fn page_lang(c: &Client) -> String {
    js(c, "return document.documentElement.lang")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn wait_for_lang(c: &Client, want: &str) {
    wait_for(&format!("<html lang=\"{want}\">"), async || {
        (page_lang(c).await == want).then_some(())
    })
    .await
}

/// Fails when the page scrolls sideways at the phone width. With a mobile viewport
/// Chromium zooms out to fit wide content, which widens `window.innerWidth` along with
/// it, so the page is compared with the layout viewport (`clientWidth`) and the phone
/// width as well.
async fn assert_no_horizontal_scroll(c: &Client, page: &str) {
    let v = js(
        c,
        "var e = document.documentElement; return [e.scrollWidth, e.clientWidth, window.innerWidth]",
    )
    .await;
    let [scroll, client, inner] =
        [0, 1, 2].map(|i| v[i].as_i64().unwrap_or_else(|| panic!("no page widths on {page}: {v}")));
    assert_eq!(
        client, PHONE_WIDTH,
        "the viewport of {page} is {client} px wide, not {PHONE_WIDTH}"
    );
    assert!(
        scroll <= client && scroll <= inner && inner <= PHONE_WIDTH,
        "{page} scrolls sideways at {PHONE_WIDTH} px: scrollWidth {scroll}, innerWidth {inner}"
    );
}

/// A message from the server's Fluent catalog (`i18n/{lang}.ftl`), for plain
/// one-line messages.
fn catalog(lang: &str, key: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(&file).unwrap();
    text.lines()
        .find_map(|line| {
            let (k, v) = line.split_once('=')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
        .unwrap_or_else(|| panic!("{key} missing from {}", file.display()))
}

async fn text_of(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(el) => el.text().await.unwrap().trim().to_string(),
        Err(e) => panic!("no {css} on {}: {e}", path(c).await),
    }
}

/// Fills and submits the login form.
async fn log_in(c: &Client, app: &TestApp, email: &str, password: &str) {
    c.goto(&app.url("/login")).await.unwrap();
    let form = c.wait().at_most(WAIT).for_element(Locator::Css("form.form")).await;
    form.expect("the login page has its form");
    c.find(Locator::Css("input[name=email]"))
        .await
        .unwrap()
        .send_keys(email)
        .await
        .unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(password)
        .await
        .unwrap();
    c.find(Locator::Css("form.form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// An admin logs in on a phone, sees the home page and the admin navigation in
/// English, switches to Polish with the language menu, and the page never
/// scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_logs_in_and_switches_language() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let email = "admin@test.example";
    app.create_user(email, &[Role::Admin]).await;
    let c = driver.browser().await;

    log_in(&c, &app, email, PASSWORD).await;
    wait_for_path(&c, "/app").await;

    // Home, in the account's language (English for fixture accounts).
    assert_eq!(page_lang(&c).await, "en");
    let h1 = text_of(&c, "main h1").await;
    assert_eq!(h1, catalog("en", "home-hello").replace("{ $name }", "Test"));
    let users = text_of(&c, "nav.nav a[href='/app/admin/users']").await;
    assert_eq!(users, catalog("en", "nav-users"));
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app/profile']").await,
        catalog("en", "nav-profile")
    );
    assert_no_horizontal_scroll(&c, "/app in English").await;

    // The language menu submits itself on change.
    let select = c.find(Locator::Css("select#lang-select")).await.unwrap();
    select.select_by_value("pl").await.unwrap();
    let start = Instant::now();
    while page_lang(&c).await != "pl" && start.elapsed() < WAIT {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if page_lang(&c).await != "pl" {
        eprintln!("the language menu did not submit itself; using its button");
        let button = c.find(Locator::Css(".lang-form button")).await.unwrap();
        if button.is_displayed().await.unwrap_or(false) {
            button.click().await.unwrap();
        } else {
            js(&c, "document.querySelector('.lang-form').submit()").await;
        }
        wait_for_lang(&c, "pl").await;
    }
    wait_for_path(&c, "/app").await;

    // Polish labels, still on the home page, still no sideways scroll.
    let nav = text_of(&c, "nav.nav").await;
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app']").await,
        catalog("pl", "nav-home"),
        "nav: {nav}"
    );
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app/profile']").await,
        catalog("pl", "nav-profile"),
        "nav: {nav}"
    );
    assert!(
        c.find(Locator::Css("nav.nav a[href='/app/admin/users']"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap(),
        "the admin link is visible"
    );
    assert_eq!(
        text_of(&c, "main h1").await,
        catalog("pl", "home-hello").replace("{ $name }", "Test")
    );
    assert_no_horizontal_scroll(&c, "/app in Polish").await;

    // The choice sticks to the account.
    c.goto(&app.url("/app/profile")).await.unwrap();
    wait_for_path(&c, "/app/profile").await;
    assert_eq!(page_lang(&c).await, "pl");
    assert_no_horizontal_scroll(&c, "/app/profile in Polish").await;

    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// A wrong password shows the error next to the form and keeps the typed email.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_shows_an_error_and_keeps_the_email() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let email = "person@test.example";
    app.create_user(email, &[Role::Ambassador]).await;
    let c = driver.browser().await;

    log_in(&c, &app, email, "not-the-password-123").await;
    let error = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#login-error"))
        .await
        .expect("the login page shows #login-error after a wrong password");
    assert!(error.is_displayed().await.unwrap());
    let lang = page_lang(&c).await;
    assert_eq!(error.text().await.unwrap().trim(), catalog(&lang, "login-failed"));
    assert_eq!(path(&c).await, "/login");
    let field = c.find(Locator::Css("input[name=email]")).await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(email));
    assert_eq!(
        field.attr("aria-describedby").await.unwrap().as_deref(),
        Some("login-error")
    );
    let password = c.find(Locator::Css("input[name=password]")).await.unwrap();
    assert_eq!(password.prop("value").await.unwrap().as_deref(), Some(""));
    assert_no_horizontal_scroll(&c, "/login with an error").await;

    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}
