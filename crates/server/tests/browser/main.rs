//! Browser journeys: the real server driven through headless Chromium over WebDriver.
//!
//! Each test starts its own `chromedriver` (`/usr/bin/chromedriver`, or `$CHROMEDRIVER`)
//! driving `/usr/bin/chromium` (or `$CHROMIUM`) at a phone-sized window. A missing
//! browser or driver fails the test: install the Debian packages `chromium` and
//! `chromium-driver` (`.ci/run` does).

#[path = "../common/mod.rs"]
pub mod common;
mod linkedin;
mod sso;

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
        self.browser_of(None).await
    }

    /// A session on a desktop window `width` px wide (no phone emulation), or the phone.
    async fn browser_of(&self, desktop_width: Option<i64>) -> Client {
        let chromium = program("CHROMIUM", "/usr/bin/chromium");
        let mut caps = serde_json::json!({
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
            // The console, for the Content-Security-Policy's refusals (`csp_violations`).
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        if let Some(width) = desktop_width {
            let options = &mut caps["goog:chromeOptions"];
            options.as_object_mut().unwrap().remove("mobileEmulation");
            let args = options["args"].as_array_mut().unwrap();
            for a in args.iter_mut() {
                if a.as_str().is_some_and(|s| s.starts_with("--window-size=")) {
                    *a = format!("--window-size={width},900").into();
                } else if a.as_str().is_some_and(|s| s.starts_with("--user-data-dir=")) {
                    // A profile of its own: the phone session's may still be locked.
                    *a = format!("--user-data-dir={}-{width}", self.profile.display()).into();
                }
            }
        }
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        ClientBuilder::native()
            .capabilities(caps)
            .connect(&self.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session through chromedriver: {e}"))
    }

    /// The console messages of `c` since the last call that tell of something the page's
    /// Content-Security-Policy refused (chromedriver's `se/log` endpoint).
    async fn csp_violations(&self, c: &Client) -> Vec<String> {
        let session = c.session_id().await.unwrap().expect("a session id");
        let res = reqwest::Client::new()
            .post(format!("{}/session/{session}/se/log", self.url()))
            .json(&serde_json::json!({ "type": "browser" }))
            .send()
            .await
            .expect("chromedriver gives the browser's log");
        let log: serde_json::Value = res.json().await.unwrap();
        let entries = log["value"]
            .as_array()
            .unwrap_or_else(|| panic!("no browser log from chromedriver: {log}"));
        entries
            .iter()
            .filter_map(|e| e["message"].as_str())
            .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
            .map(str::to_string)
            .collect()
    }

    /// Fails when the pages seen since the last check broke their Content-Security-Policy.
    async fn assert_keeps_to_the_policy(&self, c: &Client, what: &str) {
        let refused = self.csp_violations(c).await;
        assert!(
            refused.is_empty(),
            "{what} broke the Content-Security-Policy:\n{}",
            refused.join("\n")
        );
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
        let _ = std::fs::remove_dir_all(format!("{}-1280", self.profile.display()));
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

/// Opens the header's menu on a phone (its button) and the menu group holding the
/// navigation link to `href`, as a person would, so that the link shows.
async fn open_nav_to(c: &Client, href: &str) {
    let button = c.find(Locator::Css("#menu-button")).await.unwrap();
    if button.is_displayed().await.unwrap() && button.attr("aria-expanded").await.unwrap().as_deref() == Some("false") {
        button.click().await.unwrap();
    }
    let group = format!("nav.nav details.nav-group:has(a[href='{href}'])");
    if let Ok(d) = c.find(Locator::Css(&group)).await
        && d.attr("open").await.unwrap().is_none()
    {
        c.find(Locator::Css(&format!("{group} > summary")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
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
    // On a phone the header is one row (the menu folded behind its button).
    let header = js(
        &c,
        "return document.querySelector('header.top').getBoundingClientRect().height",
    )
    .await;
    assert!(
        header.as_f64().unwrap() <= 64.0,
        "the header is {header} px tall at 375 px"
    );
    open_nav_to(&c, "/app/admin/users").await;
    let users = text_of(&c, "nav.nav a[href='/app/admin/users']").await;
    assert_eq!(users, catalog("en", "nav-users"));
    open_nav_to(&c, "/app/profile").await;
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app/profile']").await,
        catalog("en", "nav-profile")
    );
    assert_no_horizontal_scroll(&c, "/app in English").await;

    // The language menu submits itself on change.
    open_nav_to(&c, "/app").await;
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
    open_nav_to(&c, "/app").await;
    let nav = text_of(&c, "nav.nav").await;
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app']").await,
        catalog("pl", "nav-home"),
        "nav: {nav}"
    );
    open_nav_to(&c, "/app/profile").await;
    assert_eq!(
        text_of(&c, "nav.nav a[href='/app/profile']").await,
        catalog("pl", "nav-profile"),
        "nav: {nav}"
    );
    open_nav_to(&c, "/app/admin/users").await;
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

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
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

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The program "Employer branding" coordinated by `coord_id`: its id.
async fn employer_branding(app: &TestApp, coord_id: i64) -> i64 {
    app.state
        .store
        .create_program(
            &ambasada_store::programs::ProgramInput {
                name: "Employer branding".into(),
                slug: "employer-branding".into(),
                description: String::new(),
                coordinator_id: Some(coord_id),
                daily_share_limit: 5,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap()
}

/// Logs out by forgetting the session cookie, then logs in as `email` and waits for home.
async fn switch_person(c: &Client, app: &TestApp, email: &str) {
    c.delete_all_cookies().await.unwrap();
    log_in(c, app, email, PASSWORD).await;
    wait_for_path(c, "/app").await;
}

/// Finds the element `css`, waiting for it to appear.
async fn element(c: &Client, css: &str) -> fantoccini::elements::Element {
    match c.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
        Ok(el) => el,
        Err(e) => panic!("no {css} on {} within {WAIT:?}: {e}", path(c).await),
    }
}

/// Types into the field `css` (after emptying it).
async fn fill(c: &Client, css: &str, text: &str) {
    let field = element(c, css).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn item_status(app: &TestApp, id: i64) -> String {
    app.state
        .store
        .content_item(id)
        .await
        .unwrap()
        .expect("the item exists")
        .status
}

/// The whole content journey on a phone: an editor writes a LinkedIn post and submits
/// it, the program's coordinator approves it, an ambassador in the program rewrites it
/// in their own words (the personalisation meter follows), shares it to LinkedIn (a new
/// tab is sent to LinkedIn's composer with the ambassador's tracked link) and confirms
/// the post.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_goes_from_editor_to_coordinator_to_an_ambassadors_linkedin_share() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let editor = "editor@test.example";
    let coordinator = "coordinator@test.example";
    let ambassador = "ambassador@test.example";
    app.create_user(editor, &[Role::Editor]).await;
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let amb_id = app.create_user(ambassador, &[Role::Ambassador]).await;
    let program = employer_branding(&app, coord_id).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    let c = driver.browser().await;

    // 1. The editor writes the post and submits it for approval.
    let title = "Rust developer in Warsaw";
    let suggested = "We are hiring a Rust developer in Warsaw. Join our team and build tools people love!";
    log_in(&c, &app, editor, PASSWORD).await;
    wait_for_path(&c, "/app").await;
    c.goto(&app.url("/app/content/new")).await.unwrap();
    fill(&c, "input#title", title).await;
    element(&c, "select#category")
        .await
        .select_by_value("job_offer")
        .await
        .unwrap();
    // The ambassador's feed shows items in their language (English for fixture accounts).
    element(&c, "select#language")
        .await
        .select_by_value("en")
        .await
        .unwrap();
    fill(&c, "input#target_url", "https://kariera.example/oferta?ref=1").await;
    fill(&c, "textarea#text_linkedin", suggested).await;
    let program_box = element(&c, &format!("input[name=program][value='{program}']")).await;
    program_box.click().await.unwrap();
    assert!(
        program_box.is_selected().await.unwrap(),
        "the program checkbox is ticked"
    );
    assert_no_horizontal_scroll(&c, "/app/content/new").await;
    element(&c, "button[name=intent][value=submit]")
        .await
        .click()
        .await
        .unwrap();

    let id: i64 = wait_for("the new item's page", async || {
        let p = path(&c).await;
        let rest = p.strip_prefix("/app/content/")?;
        rest.parse().ok()
    })
    .await;
    element(&c, "#item-status").await;
    assert_eq!(text_of(&c, "#item-status").await, catalog("en", "status-submitted"));
    assert_eq!(item_status(&app, id).await, "submitted");
    let item = app.state.store.content_item(id).await.unwrap().unwrap();
    assert_eq!(item.title, title);
    assert_eq!(item.category, "job_offer");
    assert_eq!(item.target_url, "https://kariera.example/oferta?ref=1");
    assert_eq!(item.text_for("linkedin"), Some(suggested));
    assert_eq!(item.program_ids, vec![program]);

    // 2. The coordinator approves it.
    switch_person(&c, &app, coordinator).await;
    c.goto(&app.url(&format!("/app/content/{id}"))).await.unwrap();
    element(&c, "#approve").await.click().await.unwrap();
    wait_for("the item to be approved", async || {
        (item_status(&app, id).await == "approved").then_some(())
    })
    .await;
    // The answer is back (and its cookies set) once the page has no approve button.
    wait_for("the reloaded item page without #approve", async || {
        let on_item = path(&c).await == format!("/app/content/{id}");
        (on_item
            && c.find(Locator::Css("#item-status")).await.is_ok()
            && c.find(Locator::Css("#approve")).await.is_err())
        .then_some(())
    })
    .await;

    // 3. The ambassador finds it in the feed and rewrites the text.
    switch_person(&c, &app, ambassador).await;
    c.goto(&app.url("/app/feed")).await.unwrap();
    element(&c, &format!("main h2 a[href='/app/feed/{id}']"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, &format!("/app/feed/{id}")).await;
    assert_eq!(text_of(&c, "main h1").await, title);
    let textarea = element(&c, "textarea#text").await;
    assert_eq!(textarea.prop("value").await.unwrap().as_deref(), Some(suggested));
    assert_eq!(text_of(&c, "[data-personalisation]").await, "0%");
    let mine = "Two years on the platform team here: kind people, hard problems, real Rust. Ask me anything!";
    textarea.clear().await.unwrap();
    textarea.send_keys(mine).await.unwrap();
    let meter: i64 = wait_for("the personalisation meter to rise above 0%", async || {
        let shown = text_of(&c, "[data-personalisation]").await;
        shown.strip_suffix('%')?.parse().ok().filter(|p| *p > 0)
    })
    .await;
    assert!(meter <= 100, "personalisation {meter}%");
    assert_no_horizontal_scroll(&c, "the share screen").await;

    // 4. Share: a new tab goes to LinkedIn's composer with the tracked link.
    let home = c.window().await.unwrap();
    element(&c, "#share-button").await.click().await.unwrap();
    let tab = wait_for("the LinkedIn tab to open", async || {
        let windows = c.windows().await.ok()?;
        windows.into_iter().find(|w| *w != home)
    })
    .await;
    let link = wait_for("the tracked link in the database", async || {
        app.state.store.tracked_link(amb_id, id, "linkedin").await.unwrap()
    })
    .await;
    let tracked = format!("{}/s/{}", app.address, link.code);
    c.switch_to_window(tab).await.unwrap();
    let prefix = "https://www.linkedin.com/sharing/share-offsite/?url=";
    let sent_to = wait_for("the new tab to go to LinkedIn", async || {
        let url = c.current_url().await.ok()?;
        url.as_str().starts_with(prefix).then_some(url)
    })
    .await;
    let shared: Vec<String> = sent_to
        .query_pairs()
        .filter(|(k, _)| k == "url")
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(shared, vec![tracked.clone()], "the tab went to {sent_to}");
    c.close_window().await.unwrap();
    c.switch_to_window(home).await.unwrap();

    // The page shows the final text: the ambassador's words and the tracked link.
    let result = element(&c, "[data-result]").await;
    wait_for("the share result to show", async || {
        result.is_displayed().await.ok()?.then_some(())
    })
    .await;
    let final_text = element(&c, "[data-final-text]")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(final_text.contains(mine), "final text: {final_text}");
    assert!(final_text.contains(&tracked), "final text: {final_text}");
    assert_eq!(text_of(&c, "[data-link]").await, tracked);

    // 5. Confirm the post.
    assert!(app.state.store.shares_of(amb_id, 10).await.unwrap().is_empty());
    fill(
        &c,
        "#post_url",
        "https://www.linkedin.com/feed/update/urn:li:activity:123/",
    )
    .await;
    element(&c, "#confirm-button").await.click().await.unwrap();
    let flash = element(&c, ".flash.ok").await;
    assert!(flash.is_displayed().await.unwrap());
    let shares = app.state.store.shares_of(amb_id, 10).await.unwrap();
    assert_eq!(shares.len(), 1, "one share recorded: {shares:?}");
    let share = &shares[0];
    assert_eq!(share.network, "linkedin");
    assert_eq!(share.item_id, Some(id));
    assert_eq!(share.program_id, Some(program));
    assert_eq!(share.text, mine);
    assert_eq!(
        share.post_url.as_deref(),
        Some("https://www.linkedin.com/feed/update/urn:li:activity:123/")
    );
    let per_mille = share.personalisation.expect("a personalisation score");
    assert!(per_mille > 0, "personalisation {per_mille}‰");
    let said = flash.text().await.unwrap();
    assert!(
        said.contains(&format!("{meter}%")),
        "the flash tells the {meter}% personalisation: {said}"
    );
    // The screen is done: what was shared, its clicks, what next; not the editor again.
    let done = element(&c, "#share-done").await;
    assert!(done.text().await.unwrap().contains(mine), "the shared text is shown");
    element(&c, "#share-done-clicks").await;
    element(&c, "#next-post").await;
    assert!(
        c.find(Locator::Css("#share-button")).await.is_err(),
        "no share button at 0% again after confirming"
    );
    assert_no_horizontal_scroll(&c, "the share screen after confirming").await;

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The referral journey on a phone: an anonymous visitor opens an ambassador's tracked
/// link, lands on the careers offer with the UTM parameters and the click token, and
/// applies; a recruiter sees the application as the ambassador's referral, with its
/// source, hires the candidate, and finds the hire summed on the referrals page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tracked_link_leads_to_an_application_the_recruiter_sees_as_a_referral() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let store = &app.state.store;
    let recruiter = "rek@test.example";
    // Fixture accounts are called "Test" and their email's local part.
    let amb_id = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let amb_name = "Test amb";
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    app.create_user(recruiter, &[Role::Recruiter]).await;
    let program = store
        .create_program(
            &ambasada_store::programs::ProgramInput {
                name: "Employer branding".into(),
                slug: "employer-branding".into(),
                description: String::new(),
                coordinator_id: None,
                daily_share_limit: 5,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap();
    store.add_member(program, amb_id, 0).await.unwrap();
    let offer_title = "Rust developer";
    let offer_id = store
        .create_offer(
            &ambasada_store::recruiting::OfferInput {
                title: offer_title.into(),
                location: "Warszawa".into(),
                contract_type: "employment".into(),
                description: "## Rola\n\nPiszesz **Rust**.".into(),
                language: "en".into(),
                open: true,
            },
            editor,
            0,
        )
        .await
        .unwrap();
    let target = format!("{}/careers/{offer_id}", app.address);
    let item_title = "We are hiring";
    let item_id = store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: item_title.into(),
                category: "job_offer".into(),
                target_url: target.clone(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Join us".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            editor,
            "draft",
            0,
        )
        .await
        .unwrap();
    store
        .transition_content(item_id, "draft", "approved", Some(editor), None, 0)
        .await
        .unwrap();
    let code = "AbCdEfGh12";
    store
        .create_tracked_link(code, amb_id, item_id, "linkedin", Some(program), &target, 0)
        .await
        .unwrap();
    let c = driver.browser().await;

    // Headless Chromium names itself `HeadlessChrome`, which the tracker rightly counts
    // as a bot, not a click; the visitor browses with a phone's Chrome instead.
    let session = c.session_id().await.unwrap().expect("a WebDriver session");
    let ua = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
              Chrome/156.0.0.0 Mobile Safari/537.36";
    let res = reqwest::Client::new()
        .post(format!("{}/session/{session}/goog/cdp/execute", driver.url()))
        .json(&serde_json::json!({
            "cmd": "Network.setUserAgentOverride",
            "params": { "userAgent": ua },
        }))
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_success(),
        "overriding the user agent: {}",
        res.text().await.unwrap()
    );

    // 1. An anonymous visitor (no session, no cookies) opens the tracked link and
    // lands on the offer.
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{}/s/{code}", app.address)).await.unwrap();
    let offer_path = format!("/careers/{offer_id}");
    wait_for_path(&c, &offer_path).await;
    let landing = c.current_url().await.unwrap();
    let param = |name: &str| -> Vec<String> {
        landing
            .query_pairs()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .collect()
    };
    assert_eq!(param("utm_source"), vec!["linkedin"], "landed on {landing}");
    assert_eq!(param("utm_medium"), vec!["employee_advocacy"], "landed on {landing}");
    let token = param("amb_ct");
    assert!(token.len() == 1 && !token[0].is_empty(), "one click token in {landing}");
    element(&c, "main h1").await;
    assert_eq!(text_of(&c, "main h1").await, offer_title);
    let og_title = js(
        &c,
        "var m = document.querySelector('meta[property=\"og:title\"]'); return m ? m.content : null",
    )
    .await;
    assert_eq!(og_title.as_str(), Some(offer_title), "the og:title of {landing}");
    assert_eq!(js(&c, "return navigator.userAgent").await.as_str(), Some(ua));
    let click = ambasada_server::tracking::click_of_token(&app.state, &token[0])
        .await
        .unwrap()
        .expect("the visit is recorded as a person's click");
    assert_eq!(click.ambassador_id, amb_id);
    assert_no_horizontal_scroll(&c, "the careers offer").await;

    // 2. The visitor applies (leaving the hidden honeypot field alone).
    let candidate = "Anna Kandydatka";
    fill(&c, "#name", candidate).await;
    fill(&c, "#email", "anna@kandydaci.example").await;
    fill(&c, "#profile_url", "https://www.linkedin.com/in/kandydatka").await;
    fill(&c, "#message", "Dzień dobry! I would love to write Rust with you.").await;
    let consent = element(&c, "input[name=consent]").await;
    consent.click().await.unwrap();
    assert!(consent.is_selected().await.unwrap(), "the consent box is ticked");
    element(&c, "#apply button[type=submit]").await.click().await.unwrap();
    let flash = element(&c, ".flash.ok").await;
    assert!(flash.is_displayed().await.unwrap());
    let lang = page_lang(&c).await;
    assert_eq!(flash.text().await.unwrap().trim(), catalog(&lang, "flash-applied"));
    assert_eq!(path(&c).await, offer_path);
    let referrals = store.applications(None, true, 10).await.unwrap();
    assert_eq!(
        referrals.len(),
        1,
        "the application is a referral: {:?}",
        store.applications(None, false, 10).await.unwrap()
    );
    let application = &referrals[0];
    assert_eq!(application.name, candidate);
    assert_eq!(application.offer_id, offer_id);
    assert_eq!(application.ambassador_id, Some(amb_id), "attributed to the ambassador");
    assert_eq!(application.item_id, Some(item_id));
    assert_eq!(application.network.as_deref(), Some("linkedin"));
    assert_eq!(
        application.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/kandydatka")
    );
    let app_id = application.id;

    // 3. The recruiter finds it among the applications, marked as a referral.
    switch_person(&c, &app, recruiter).await;
    c.goto(&app.url("/app/applications")).await.unwrap();
    wait_for_path(&c, "/app/applications").await;
    let link_css = format!("main table a[href='/app/applications/{app_id}']");
    let link = element(&c, &link_css).await;
    assert_eq!(link.text().await.unwrap().trim(), candidate);
    let row = link
        .find(Locator::XPath("./ancestor::tr"))
        .await
        .expect("the candidate's row");
    let badge = row
        .find(Locator::Css(".badge.status-sent"))
        .await
        .expect("a referral badge in the candidate's row");
    assert_eq!(
        badge.text().await.unwrap().trim(),
        catalog("en", "applications-referral")
    );
    let row_text = row.text().await.unwrap();
    assert!(row_text.contains(amb_name), "the row names the ambassador: {row_text}");
    assert_no_horizontal_scroll(&c, "/app/applications").await;

    // 4. The detail page shows where the candidate came from.
    link.click().await.unwrap();
    let detail = format!("/app/applications/{app_id}");
    wait_for_path(&c, &detail).await;
    element(&c, "#source").await;
    let source = text_of(&c, "#source").await;
    assert!(source.contains(amb_name), "the source names the ambassador: {source}");
    assert!(source.contains(item_title), "the source names the post: {source}");
    assert_eq!(text_of(&c, "#stage").await, catalog("en", "stage-new"));
    assert!(
        c.find(Locator::Css(".flash")).await.is_err(),
        "no flash before moving the stage"
    );

    // 5. The recruiter hires the candidate.
    element(&c, "#stage-select")
        .await
        .select_by_value("hired")
        .await
        .unwrap();
    element(&c, &format!("form[action='{detail}/stage'] button[type=submit]"))
        .await
        .click()
        .await
        .unwrap();
    let flash = element(&c, ".flash.ok").await;
    assert_eq!(flash.text().await.unwrap().trim(), catalog("en", "flash-stage-moved"));
    assert_eq!(path(&c).await, detail);
    assert_eq!(text_of(&c, "#stage").await, catalog("en", "stage-hired"));
    assert_eq!(store.application(app_id).await.unwrap().unwrap().stage, "hired");

    // 6. The referrals page sums the ambassador's application and hire.
    c.goto(&app.url("/app/referrals")).await.unwrap();
    wait_for_path(&c, "/app/referrals").await;
    element(&c, "main section.card").await;
    let by_ambassador = js(
        &c,
        "var s = document.querySelector('main section.card'); \
         return [s.querySelector('h2').textContent.trim(), \
                 Array.from(s.querySelectorAll('tbody tr')).map(function (r) { \
                   return Array.from(r.cells).map(function (td) { return td.textContent.trim(); }); })]",
    )
    .await;
    assert_eq!(
        by_ambassador,
        serde_json::json!([catalog("en", "referrals-by-ambassador"), [[amb_name, "1", "1"]]]),
        "the referrals by ambassador"
    );
    assert_no_horizontal_scroll(&c, "/app/referrals").await;

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The selection-to-first-share journey on a phone: an employee applies to a program,
/// its coordinator accepts them, and the new ambassador finds sharing locked behind the
/// program's required course; once they read its lesson and pass its quiz, the share
/// screen opens and sends a new tab to LinkedIn's composer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_employee_passes_the_required_course_and_then_shares() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let store = &app.state.store;
    let coordinator = "koord@test.example";
    let employee = "emp@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let emp_id = app.create_user(employee, &[]).await;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let program_name = "Employer branding";
    let program = employer_branding(&app, coord_id).await;
    let course_title = "Writing in your own words";
    let course = store
        .create_course(
            &ambasada_store::training::CourseInput {
                title: course_title.into(),
                description: String::new(),
                language: "en".into(),
                pass_mark: 60,
                published: true,
            },
            Some(editor),
            0,
        )
        .await
        .unwrap();
    let lesson_title = "Why your own words";
    store
        .add_lesson(course, None, lesson_title, "People trust people, not press releases.")
        .await
        .unwrap();
    store
        .add_question(course, None, "Which is better?", "*Your own words\nA copied text")
        .await
        .unwrap();
    store.set_required_course(program, Some(course)).await.unwrap();
    let item_title = "Our new product";
    let item = store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: item_title.into(),
                category: "product".into(),
                target_url: "https://produkt.example/nowy".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Meet our new product, built by our team.".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            editor,
            "draft",
            0,
        )
        .await
        .unwrap();
    store
        .transition_content(item, "draft", "approved", Some(editor), None, 0)
        .await
        .unwrap();
    let c = driver.browser().await;

    // 1. The employee applies to the program.
    switch_person(&c, &app, employee).await;
    c.goto(&app.url("/app/join")).await.unwrap();
    wait_for_path(&c, "/app/join").await;
    element(&c, &format!("main a.button[href='/app/join/{program}']"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, &format!("/app/join/{program}")).await;
    let linkedin = element(&c, "input[name=network][value=linkedin]").await;
    linkedin.click().await.unwrap();
    assert!(linkedin.is_selected().await.unwrap(), "LinkedIn is ticked");
    let weekly = element(&c, "input[name=frequency][value=weekly]").await;
    weekly.click().await.unwrap();
    assert!(weekly.is_selected().await.unwrap(), "weekly is chosen");
    fill(&c, "#size_linkedin", "500").await;
    fill(
        &c,
        "textarea#motivation",
        "I want to show what working in our team really looks like.",
    )
    .await;
    let consent = element(&c, "input[name=consent]").await;
    consent.click().await.unwrap();
    assert!(consent.is_selected().await.unwrap(), "the consent box is ticked");
    assert_no_horizontal_scroll(&c, "the application form").await;
    element(&c, "form.form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, "/app/join").await;
    let flash = element(&c, ".flash.ok").await;
    let said = flash.text().await.unwrap();
    assert!(said.contains(program_name), "the flash names the program: {said}");
    let candidates = store.candidates(program).await.unwrap();
    assert_eq!(candidates.len(), 1, "one candidate: {candidates:?}");
    let application = &candidates[0];
    assert_eq!(application.user_id, emp_id);
    assert_eq!(application.status, "pending");
    assert!(
        application.networks.contains("linkedin"),
        "networks: {}",
        application.networks
    );
    assert_eq!(application.frequency, "weekly");

    // 2. The coordinator accepts the candidate.
    switch_person(&c, &app, coordinator).await;
    let candidates_path = format!("/app/programs/{program}/candidates");
    c.goto(&app.url(&candidates_path)).await.unwrap();
    wait_for_path(&c, &candidates_path).await;
    let card = format!("#candidate-{}", application.id);
    assert!(
        text_of(&c, &format!("{card} h2")).await.contains("emp"),
        "the candidate's card names them"
    );
    assert_no_horizontal_scroll(&c, &candidates_path).await;
    element(&c, &format!("{card} button[name=decision][value=accepted]"))
        .await
        .click()
        .await
        .unwrap();
    let flash = element(&c, ".flash.ok").await;
    assert!(flash.is_displayed().await.unwrap());
    assert_eq!(path(&c).await, candidates_path);
    let user = store.user(emp_id).await.unwrap().expect("the employee exists");
    assert!(user.has_role(Role::Ambassador), "accepting makes an ambassador");
    let members = store.members(program).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.user_id).collect::<Vec<_>>(),
        vec![emp_id],
        "the employee is the program's member"
    );

    // 3. The new ambassador finds sharing locked behind the required course.
    switch_person(&c, &app, employee).await;
    let share_path = format!("/app/feed/{item}");
    c.goto(&app.url(&share_path)).await.unwrap();
    wait_for_path(&c, &share_path).await;
    element(&c, "#training-required").await;
    let required = text_of(&c, "#training-required").await;
    assert!(
        required.contains(course_title),
        "the notice names the course: {required}"
    );
    assert!(
        c.find(Locator::Css("#share-button")).await.is_err(),
        "no share button before the course"
    );
    assert_no_horizontal_scroll(&c, "the locked share screen").await;
    let course_path = format!("/app/training/{course}");
    element(&c, &format!("#training-required a[href='{course_path}']"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, &course_path).await;

    // 4. Read the lesson, then pass the quiz.
    let lesson_path = format!("{course_path}/lessons/1");
    element(&c, &format!("#lessons a[href='{lesson_path}']"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, &lesson_path).await;
    assert_eq!(text_of(&c, "main h1").await, lesson_title);
    element(&c, "#mark-read").await.click().await.unwrap();
    // With a quiz to go, reading the last lesson leads to it.
    let quiz_path = format!("{course_path}/quiz");
    wait_for_path(&c, &quiz_path).await;
    element(&c, ".flash.ok").await;
    assert!(
        !store
            .course_progress(emp_id, course)
            .await
            .unwrap()
            .progress()
            .is_complete()
    );
    let right = element(&c, "#question-1 input[name=q1][value='0']").await;
    let label = right
        .find(Locator::XPath("./ancestor::label"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(label.trim(), "Your own words");
    right.click().await.unwrap();
    assert!(right.is_selected().await.unwrap(), "the right answer is picked");
    assert_no_horizontal_scroll(&c, "the quiz").await;
    element(&c, "form.form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let result = element(&c, "#quiz-result.flash.ok").await;
    let said = result.text().await.unwrap();
    assert!(
        said.contains(&catalog("en", "training-quiz-result-passed")),
        "the quiz says passed: {said}"
    );
    assert_eq!(text_of(&c, "#quiz-score").await, "100%");
    assert_eq!(
        text_of(&c, "#course-completed").await,
        catalog("en", "training-course-completed")
    );
    assert!(
        store
            .course_progress(emp_id, course)
            .await
            .unwrap()
            .progress()
            .is_complete()
    );

    // 5. Sharing is open now: the button sends a new tab to LinkedIn's composer.
    c.goto(&app.url(&share_path)).await.unwrap();
    wait_for_path(&c, &share_path).await;
    let button = element(&c, "#share-button").await;
    assert!(
        c.find(Locator::Css("#training-required")).await.is_err(),
        "no course notice after passing"
    );
    let home = c.window().await.unwrap();
    button.click().await.unwrap();
    let tab = wait_for("the LinkedIn tab to open", async || {
        let windows = c.windows().await.ok()?;
        windows.into_iter().find(|w| *w != home)
    })
    .await;
    let link = wait_for("the tracked link in the database", async || {
        store.tracked_link(emp_id, item, "linkedin").await.unwrap()
    })
    .await;
    let tracked = format!("{}/s/{}", app.address, link.code);
    c.switch_to_window(tab).await.unwrap();
    let prefix = "https://www.linkedin.com/sharing/share-offsite/?url=";
    let sent_to = wait_for("the new tab to go to LinkedIn", async || {
        let url = c.current_url().await.ok()?;
        url.as_str().starts_with(prefix).then_some(url)
    })
    .await;
    let shared: Vec<String> = sent_to
        .query_pairs()
        .filter(|(k, _)| k == "url")
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(shared, vec![tracked.clone()], "the tab went to {sent_to}");
    c.close_window().await.unwrap();
    c.switch_to_window(home).await.unwrap();
    let result = element(&c, "[data-result]").await;
    wait_for("the share result to show", async || {
        result.is_displayed().await.ok()?.then_some(())
    })
    .await;
    assert_eq!(text_of(&c, "[data-link]").await, tracked);
    assert_no_horizontal_scroll(&c, "the open share screen").await;

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The calendar journey on a phone: a coordinator planned a post for today; the
/// ambassador opens it from the home page in one tap, shares it on LinkedIn and confirms
/// the post, and the planned post turns done; the coordinator sees it in the program's
/// plan realisation. No page scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ambassador_shares_todays_planned_post_from_the_home_page() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let store = &app.state.store;
    let coordinator = "koord@test.example";
    let ambassador = "amb@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let amb_id = app.create_user(ambassador, &[Role::Ambassador]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let item = office_item(&app, coord_id, program).await;
    let now = ambasada_server::now();
    let (start, end) = (now - ambasada_core::HOUR, now + 8 * ambasada_core::HOUR);
    let (slot, post) = linkedin_slot(
        &app,
        (program, item, coord_id),
        amb_id,
        (start, end),
        now - ambasada_core::DAY,
    )
    .await;
    let c = driver.browser().await;

    // 1. Home leads with today's planned post; one tap opens its share screen.
    switch_person(&c, &app, ambassador).await;
    assert_no_horizontal_scroll(&c, "the ambassador's home").await;
    element(&c, &format!("main a[href='/app/plan/{post}/open']"))
        .await
        .click()
        .await
        .unwrap();
    let share_path = format!("/app/feed/{item}");
    wait_for_path(&c, &share_path).await;
    assert_no_horizontal_scroll(&c, "the planned post's share screen").await;

    // 2. Share it to LinkedIn and confirm the post.
    share_and_confirm(&c, "https://www.linkedin.com/feed/update/urn:li:activity:456/").await;

    // 3. The planned post is done, and the plan page says so.
    let done = store.planned_post(post).await.unwrap().unwrap();
    assert_eq!(done.status, "done", "the share fulfils the planned post");
    c.goto(&app.url("/app/plan")).await.unwrap();
    wait_for_path(&c, "/app/plan").await;
    let badge = text_of(&c, &format!("#post-{post} .plan-done")).await;
    assert_eq!(badge, catalog("en", "plan-status-done"));
    assert_no_horizontal_scroll(&c, "the plan page").await;

    // 4. The coordinator sees it in the program's plan realisation.
    switch_person(&c, &app, coordinator).await;
    let realisation = format!("/app/programs/{program}/realisation");
    c.goto(&app.url(&realisation)).await.unwrap();
    wait_for_path(&c, &realisation).await;
    assert_eq!(text_of(&c, "#realisation-rate").await, "100%");
    assert_no_horizontal_scroll(&c, "the realisation page").await;
    c.goto(&app.url("/app/calendar?view=list")).await.unwrap();
    wait_for_path(&c, "/app/calendar").await;
    element(&c, &format!("a[href='/app/calendar/slots/{slot}']")).await;
    assert_no_horizontal_scroll(&c, "the calendar list").await;
    c.goto(&app.url("/app/calendar")).await.unwrap();
    element(&c, ".cal-grid").await;
    assert_no_horizontal_scroll(&c, "the calendar month").await;

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The motivation journey on a phone: an ambassador shares an item and confirms the post,
/// the points appear, and a reward is redeemed: the balance drops at once; the coordinator
/// approves and delivers it. No page scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ambassador_shares_earns_points_and_redeems_a_reward() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let store = &app.state.store;
    let coordinator = "koord@test.example";
    let ambassador = "amb@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let amb_id = app.create_user(ambassador, &[Role::Ambassador]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let item = office_item(&app, coord_id, program).await;
    let reward = store
        .create_reward(
            program,
            &ambasada_store::rewards::catalog::RewardInput {
                name: "A book".into(),
                description: "Any book you like.".into(),
                image_file: None,
                points_cost: 10,
                stock: Some(1),
                cost_minor: 8_000,
                active: true,
            },
            0,
        )
        .await
        .unwrap();
    let c = driver.browser().await;

    // 1. Share the item and confirm the post.
    switch_person(&c, &app, ambassador).await;
    let share_path = format!("/app/feed/{item}");
    c.goto(&app.url(&share_path)).await.unwrap();
    wait_for_path(&c, &share_path).await;
    share_and_confirm(&c, "https://www.linkedin.com/feed/update/urn:li:activity:789/").await;

    // 2. The points appear.
    c.goto(&app.url("/app/points")).await.unwrap();
    wait_for_path(&c, "/app/points").await;
    let lifetime: i64 = text_of(&c, "#points-lifetime").await.parse().unwrap();
    assert!(lifetime >= 10, "a confirmed share earns points: {lifetime}");
    assert_no_horizontal_scroll(&c, "my points").await;

    // 3. Redeem the reward: the spendable balance drops at once.
    c.goto(&app.url("/app/rewards")).await.unwrap();
    wait_for_path(&c, "/app/rewards").await;
    let before: i64 = text_of(&c, "#balance-spendable").await.parse().unwrap();
    assert_eq!(before, lifetime);
    assert_no_horizontal_scroll(&c, "the rewards").await;
    element(&c, &format!("#reward-{reward} form button[type=submit]"))
        .await
        .click()
        .await
        .unwrap();
    element(&c, ".flash.ok").await;
    let after: i64 = text_of(&c, "#balance-spendable").await.parse().unwrap();
    assert_eq!(after, before - 10, "the points are held at the request");
    assert_eq!(text_of(&c, "#balance-held").await, "10");

    // 4. The coordinator approves and delivers it.
    switch_person(&c, &app, coordinator).await;
    let redemptions = format!("/app/programs/{program}/redemptions");
    for decision in ["approve", "deliver"] {
        c.goto(&app.url(&redemptions)).await.unwrap();
        wait_for_path(&c, &redemptions).await;
        element(&c, &format!("form input[name=decision][value={decision}] ~ button"))
            .await
            .click()
            .await
            .unwrap();
        element(&c, ".flash.ok").await;
    }
    assert_no_horizontal_scroll(&c, "the redemptions").await;
    let balance = store.balance(amb_id).await.unwrap();
    assert_eq!((balance.held, balance.spent), (0, 10));

    driver.assert_keeps_to_the_policy(&c, "the journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The demo company's pages, as each demo person sees them, keep to the
/// Content-Security-Policy (no inline style or script is refused): the share screen with
/// its live score, the calendar's views, the goals' and courses' progress bars, the
/// leaderboards and the careers pages. The goal bars still show their progress.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_pages_keep_to_the_content_security_policy() {
    use ambasada_server::demo::{DEMO_LOGINS, DEMO_PASSWORD};
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let program = store.programs().await.unwrap()[0].id;
    let offer = store.offers(true).await.unwrap()[0].id;
    let course = store.courses(true).await.unwrap()[0].id;
    let zofia = store
        .user_by_email(&ambasada_core::Email::parse(DEMO_LOGINS[4].0).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let item = store
        .feed(zofia, ambasada_server::now(), None, None, &Default::default(), 1)
        .await
        .unwrap()[0]
        .id;
    let c = driver.browser().await;

    // Nothing is refused before anyone logs in either.
    for page in ["/login", "/careers", &format!("/careers/{offer}"), "/password/forgot"] {
        c.goto(&app.url(page)).await.unwrap();
        wait_for_path(&c, page).await;
        driver.assert_keeps_to_the_policy(&c, page).await;
    }
    let pages: [(&str, Vec<String>); 5] = [
        (
            DEMO_LOGINS[0].0,
            [
                "/app".into(),
                format!("/app/programs/{program}"),
                format!("/app/programs/{program}/health"),
                format!("/app/programs/{program}/leaderboard"),
                "/app/admin/users".into(),
                "/app/enps".into(),
            ]
            .into(),
        ),
        (
            DEMO_LOGINS[1].0,
            [
                "/app/calendar".into(),
                "/app/calendar?view=week".into(),
                "/app/calendar?view=list".into(),
                format!("/app/programs/{program}/realisation"),
            ]
            .into(),
        ),
        (
            DEMO_LOGINS[2].0,
            ["/app/content".into(), "/app/content/new".into(), "/app/courses".into()].into(),
        ),
        (
            DEMO_LOGINS[3].0,
            ["/app/applications".into(), "/app/referrals".into()].into(),
        ),
        (
            DEMO_LOGINS[4].0,
            [
                "/app".into(),
                "/app/feed".into(),
                "/app/plan".into(),
                "/app/leaderboard".into(),
                "/app/points".into(),
                "/app/rewards".into(),
                "/app/training".into(),
                format!("/app/training/{course}"),
                "/app/profile".into(),
            ]
            .into(),
        ),
    ];
    for (email, paths) in &pages {
        c.delete_all_cookies().await.unwrap();
        log_in(&c, &app, email, DEMO_PASSWORD).await;
        wait_for_path(&c, "/app").await;
        for page in paths {
            c.goto(&app.url(page)).await.unwrap();
            element(&c, "main h1").await;
            driver
                .assert_keeps_to_the_policy(&c, &format!("{page} as {email}"))
                .await;
        }
    }

    // The goal bars still show progress: a filled part within the bar, a bar of height.
    c.delete_all_cookies().await.unwrap();
    log_in(&c, &app, DEMO_LOGINS[0].0, DEMO_PASSWORD).await;
    wait_for_path(&c, "/app").await;
    c.goto(&app.url(&format!("/app/programs/{program}"))).await.unwrap();
    element(&c, ".goal svg.bar").await;
    let sizes = js(
        &c,
        "return Array.from(document.querySelectorAll('.goal svg.bar')).map(function (b) { \
           var r = b.getBoundingClientRect(), f = b.querySelector('.fill').getBoundingClientRect(); \
           return [r.width, r.height, f.width]; })",
    )
    .await;
    let bars = sizes.as_array().expect("goal bars");
    assert!(
        bars.iter().any(|b| b[2].as_f64().unwrap() > 0.0),
        "some goal has progress: {sizes}"
    );
    for b in bars {
        let [width, height, fill] = [0, 1, 2].map(|i| b[i].as_f64().unwrap());
        assert!(height >= 8.0 && width > 100.0 && fill <= width, "a goal bar of {b}");
    }

    // The share screen scores the ambassador's own words as they type (fetch to self).
    c.delete_all_cookies().await.unwrap();
    log_in(&c, &app, DEMO_LOGINS[4].0, DEMO_PASSWORD).await;
    wait_for_path(&c, "/app").await;
    c.goto(&app.url(&format!("/app/feed/{item}"))).await.unwrap();
    element(&c, "#personalisation").await;
    let score = "return document.getElementById('personalisation').value";
    let before = js(&c, score).await;
    element(&c, "#text")
        .await
        .send_keys(" Mój własny komentarz, napisany od nowa, po swojemu.")
        .await
        .unwrap();
    wait_for("the personalisation score to change", async || {
        (js(&c, score).await != before).then_some(())
    })
    .await;
    driver.assert_keeps_to_the_policy(&c, "the share screen").await;

    // The check does see a refusal, also after the page is left (the journeys check once,
    // at their end): an inline style set on the page is reported.
    js(&c, "document.body.setAttribute('style', 'color: red')").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    c.goto(&app.url("/app")).await.unwrap();
    element(&c, "main h1").await;
    let refused = driver.csp_violations(&c).await;
    assert!(
        refused.iter().any(|m| m.contains("inline style")),
        "the refused inline style is in the log: {refused:?}"
    );

    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// A calendar slot asking `ambassador` for a LinkedIn post of `item` in `window`, made by
/// the coordinator at `at`: the slot's id and the planned post's.
async fn linkedin_slot(
    app: &TestApp,
    (program, item, coordinator): (i64, i64, i64),
    ambassador: i64,
    (start, end): (i64, i64),
    at: i64,
) -> (i64, i64) {
    let store = &app.state.store;
    let slot = store
        .create_slot(
            &ambasada_store::calendar::SlotInput {
                program_id: program,
                content_id: Some(item),
                topic: None,
                network: ambasada_core::Network::Linkedin,
                starts_at: start,
                ends_at: end,
                audience: "people".into(),
                team_id: None,
                spread: false,
            },
            &[(ambassador, start, end)],
            coordinator,
            at,
        )
        .await
        .unwrap();
    (slot, store.slot_posts(slot).await.unwrap()[0].id)
}

/// An approved item with a LinkedIn text, for `program`, written by `author`.
async fn office_item(app: &TestApp, author: i64, program: i64) -> i64 {
    let store = &app.state.store;
    let item = store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Our new office".into(),
                category: "company_life".into(),
                target_url: "https://firma.example/biuro".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "We moved to a new office by the river.".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            author,
            "draft",
            0,
        )
        .await
        .unwrap();
    store
        .transition_content(item, "draft", "approved", Some(author), None, 0)
        .await
        .unwrap();
    item
}

/// On an open share screen: shares to LinkedIn (the composer's tab is closed again) and
/// confirms the post at `post_url`.
async fn share_and_confirm(c: &Client, post_url: &str) {
    let home = c.window().await.unwrap();
    element(c, "#share-button").await.click().await.unwrap();
    let tab = wait_for("the LinkedIn tab to open", async || {
        let windows = c.windows().await.ok()?;
        windows.into_iter().find(|w| *w != home)
    })
    .await;
    c.switch_to_window(tab).await.unwrap();
    c.close_window().await.unwrap();
    c.switch_to_window(home).await.unwrap();
    fill(c, "#post_url", post_url).await;
    element(c, "#confirm-button").await.click().await.unwrap();
    element(c, ".flash.ok").await;
}

/// The monthly review on a phone: the coordinator opens this month's review from the
/// program's archive (making it from the data), adds a decision for an ambassador and
/// publishes it; the members' emails wait in the outbox and the review is read-only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_adds_a_decision_to_this_months_review_and_publishes_it() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let store = &app.state.store;
    let coordinator = "koord@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let amb_id = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let c = driver.browser().await;

    // 1. This period's draft is in the archive; it opens the document. The review job
    // makes the draft on its first tick, which may come before or after the program
    // was made: the test makes it the same way, so it exists either way (once).
    ambasada_server::reports::reviews_job::tick(&app.state, ambasada_server::now())
        .await
        .unwrap();
    switch_person(&c, &app, coordinator).await;
    let archive = format!("/app/programs/{program}/reviews");
    c.goto(&app.url(&archive)).await.unwrap();
    wait_for_path(&c, &archive).await;
    assert_no_horizontal_scroll(&c, "the reviews archive").await;
    element(&c, "a[data-period]").await.click().await.unwrap();
    let review = wait_for("the review's page", async || {
        let p = path(&c).await;
        p.strip_prefix("/app/reviews/").and_then(|id| id.parse::<i64>().ok())
    })
    .await;
    assert_eq!(
        text_of(&c, "#review-status").await,
        catalog("en", "reports-review-status-draft")
    );
    element(&c, "#number-shares").await;
    assert_no_horizontal_scroll(&c, "the review").await;

    // 2. A decision: what, who, by when.
    fill(&c, "#decision-text", "Two posts a week about the team").await;
    element(&c, "#decision-owner")
        .await
        .select_by_value(&amb_id.to_string())
        .await
        .unwrap();
    let due =
        ambasada_core::reports::period::format_day(ambasada_core::tracking::day_number(ambasada_server::now()) + 14);
    js(
        &c,
        &format!("document.getElementById('decision-due').value = '{due}'; return true"),
    )
    .await;
    element(&c, "#decision-add").await.click().await.unwrap();
    let decision = wait_for("the decision to be stored", async || {
        let list = store.review_decisions(review).await.ok()?;
        (list.len() == 1).then_some(list)
    })
    .await;
    element(&c, "#taken").await;
    assert_eq!(decision[0].owner_id, Some(amb_id));
    let text = text_of(&c, &format!("#decision-{} .review-decision-text", decision[0].id)).await;
    assert_eq!(text, "Two posts a week about the team");

    // 3. Publish, confirming the question.
    element(&c, "#review-publish").await.click().await.unwrap();
    wait_for("the confirmation", async || c.accept_alert().await.ok()).await;
    wait_for("the published badge", async || {
        let badge = c.find(Locator::Css("#review-status")).await.ok()?.text().await.ok()?;
        (badge.trim() == catalog("en", "reports-review-status-published")).then_some(())
    })
    .await;
    assert!(
        c.find(Locator::Css("#decision-form")).await.is_err(),
        "read-only once published"
    );
    let (mails, _) = store.outbox(None, 10, 0).await.unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.kind == "review" && m.to_addr == "amb@test.example"),
        "the member's email is queued with the publication"
    );
    assert_no_horizontal_scroll(&c, "the published review").await;

    driver.assert_keeps_to_the_policy(&c, "the review journey").await;
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// A form that comes back with an error brings its first field in error into view and
/// focuses it (the goal form is far down the program page on a phone).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_with_an_error_focuses_its_first_field_in_error() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let coordinator = "koord@test.example";
    let coord_id = app.create_user(coordinator, &[Role::Coordinator]).await;
    let program = employer_branding(&app, coord_id).await;
    let c = driver.browser().await;
    log_in(&c, &app, coordinator, PASSWORD).await;
    wait_for_path(&c, "/app").await;
    c.goto(&app.url(&format!("/app/programs/{program}"))).await.unwrap();
    fill(&c, "#target", "dużo").await;
    element(
        &c,
        &format!("form[action='/app/programs/{program}/goals'] button[type=submit]"),
    )
    .await
    .click()
    .await
    .unwrap();
    element(&c, "#target[aria-invalid=true]").await;
    let focused = wait_for("the goal target focused and in view", async || {
        let v = js(
            &c,
            "var a = document.activeElement, r = a.getBoundingClientRect(); \
             return [a.id, r.top >= 0 && r.bottom <= window.innerHeight, window.scrollY > 0]",
        )
        .await;
        (v[0] == "target" && v[1] == true).then_some(v)
    })
    .await;
    assert_eq!(focused[2], true, "the page scrolled down to the form: {focused}");
    assert_eq!(
        element(&c, "#target").await.prop("value").await.unwrap().as_deref(),
        Some("dużo"),
        "the typed value is kept"
    );
    c.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// The paths a person reaches from the pages they have: every navigation link, then the
/// links inside those pages' main content (each path once, at most `limit`), leaving out
/// downloads, the logout and tracked links.
async fn reachable_pages(c: &Client, app: &TestApp, limit: usize) -> Vec<String> {
    let collect = "return Array.from(document.querySelectorAll(arguments[0])).map(function (a) { \
                     return a.getAttribute('href'); })";
    let hrefs = |v: serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|h| h.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let keep = |h: &str| {
        h.starts_with("/app")
            && !h.contains('#')
            && !h.contains("csv")
            && !h.ends_with(".ics")
            && !h.contains("/cv")
            && !h.contains("/export")
    };
    let mut pages: Vec<String> = Vec::new();
    let nav = c
        .execute(collect, vec![serde_json::json!("nav.nav a[href]")])
        .await
        .unwrap();
    for h in hrefs(nav) {
        if keep(&h) && !pages.contains(&h) {
            pages.push(h);
        }
    }
    let mut i = 0;
    while i < pages.len() && pages.len() < limit {
        c.goto(&app.url(&pages[i])).await.unwrap();
        let found = c
            .execute(collect, vec![serde_json::json!("main a[href]")])
            .await
            .unwrap();
        for h in hrefs(found) {
            if keep(&h) && !pages.contains(&h) && pages.len() < limit {
                pages.push(h);
            }
        }
        i += 1;
    }
    pages
}

/// Checks one page at the phone's width: no sideways scroll, no squeezed card cells, a
/// header at most 64 px tall.
async fn fits_a_phone(c: &Client, app: &TestApp, page: &str, who: &str) {
    c.goto(&app.url(page)).await.unwrap();
    element(c, "main").await;
    let what = format!("{page} as {who}");
    assert_no_horizontal_scroll(c, &what).await;
    // Tables that become cards: every cell takes the card's width, none is squeezed.
    let narrow = js(
        c,
        "return Array.from(document.querySelectorAll('table.stack td')) \
           .filter(function (td) { return td.getBoundingClientRect().width < 250; }).length",
    )
    .await;
    assert_eq!(narrow, 0, "squeezed cells in a card table of {what}");
    let header = js(
        c,
        "return document.querySelector('header.top').getBoundingClientRect().height",
    )
    .await;
    if header.as_f64().unwrap_or(999.0) > 64.0 {
        let parts = js(
            c,
            "return Array.from(document.querySelectorAll('header.top > *')).map(function (e) { \
               var r = e.getBoundingClientRect(); return [e.className || e.tagName, Math.round(r.left), \
               Math.round(r.top), Math.round(r.width), Math.round(r.height)]; })",
        )
        .await;
        panic!("the header of {what} is {header} px tall: {parts}");
    }
}

/// Every page each demo person reaches, at 375 px: no sideways scroll, a header of at
/// most 64 px with the menu closed; and at 1280 px the admin's menus on one row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_every_role_fits_a_phone() {
    use ambasada_server::demo::{DEMO_LOGINS, DEMO_PASSWORD};
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let c = driver.browser().await;
    let mut visited = 0;
    for (email, _, _, _) in DEMO_LOGINS {
        c.delete_all_cookies().await.unwrap();
        log_in(&c, &app, email, DEMO_PASSWORD).await;
        wait_for_path(&c, "/app").await;
        for page in reachable_pages(&c, &app, 45).await {
            fits_a_phone(&c, &app, &page, email).await;
            visited += 1;
        }
    }
    assert!(visited > 100, "only {visited} pages visited");
    // The careers pages, as a candidate sees them with the demo company's name and logo.
    c.delete_all_cookies().await.unwrap();
    for page in ["/careers", "/careers/1"] {
        fits_a_phone(&c, &app, page, "a visitor").await;
        let title = c.title().await.unwrap();
        assert!(title.ends_with("· Kompas Digital"), "{page}: {title}");
    }
    // The API reference, with its long paths and tables, as a developer reads it.
    fits_a_phone(&c, &app, "/api/docs", "a visitor").await;
    // A company name as long as allowed still leaves the header one row.
    let mut brand = app.state.store.brand().await.unwrap();
    brand.name = "Przedsiębiorstwo Wielobranżowe Konstantynopolitańczykowianeczka Spółka Akcyjna".to_string();
    app.state.save_brand(&brand).await.unwrap();
    fits_a_phone(&c, &app, "/careers", "a visitor, with a long company name").await;
    log_in(&c, &app, DEMO_LOGINS[0].0, DEMO_PASSWORD).await;
    wait_for_path(&c, "/app").await;
    fits_a_phone(&c, &app, "/app", "the admin, with a long company name").await;
    c.close().await.unwrap();

    // At 1280 px the admin (every menu) has the navigation on one row, in both languages.
    let wide = driver.browser_of(Some(1280)).await;
    log_in(&wide, &app, DEMO_LOGINS[0].0, DEMO_PASSWORD).await;
    wait_for_path(&wide, "/app").await;
    let tops = "return Array.from(document.querySelectorAll('nav.nav > a, nav.nav > details > summary'))\
                .map(function (e) { return Math.round(e.getBoundingClientRect().top); })";
    for lang in ["pl", "en"] {
        js(
            &wide,
            &format!(
                "document.getElementById('lang-select').value = '{lang}'; document.querySelector('.lang-form').submit()"
            ),
        )
        .await;
        wait_for_lang(&wide, lang).await;
        wait_for_path(&wide, "/app").await;
        let v = js(&wide, tops).await;
        let rows: std::collections::BTreeSet<i64> = v.as_array().unwrap().iter().filter_map(|t| t.as_i64()).collect();
        assert_eq!(rows.len(), 1, "the {lang} menus wrap at 1280 px: {v}");
        let header = js(
            &wide,
            "return document.querySelector('header.top').getBoundingClientRect().height",
        )
        .await;
        let parts = js(
            &wide,
            "return Array.from(document.querySelectorAll('header.top > *, .site-menu > *, nav.nav > *')).map(function (e) { \
               var r = e.getBoundingClientRect(); return [e.className || e.tagName, Math.round(r.left), \
               Math.round(r.top), Math.round(r.width)]; })",
        )
        .await;
        assert!(
            header.as_f64().unwrap() <= 64.0,
            "the {lang} header is {header} px tall at 1280 px: {parts}"
        );
    }
    wide.close().await.unwrap();
    drop(driver);
    app.stop().await;
}

/// A receiver for signed webhooks on a loopback port: the bodies and headers it got.
async fn webhook_receiver() -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>,
) {
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks/hr", listener.local_addr().unwrap());
    let store = got.clone();
    let router = axum::Router::new().fallback(move |headers: axum::http::HeaderMap, body: String| {
        let store = store.clone();
        async move {
            store.lock().unwrap().push((headers, body));
            axum::http::StatusCode::NO_CONTENT
        }
    });
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, got)
}

/// An admin connects the HR system's webhook on a phone (the secret shown once), then
/// erases a person who asked for it: types their address, confirms the dialog, sees the
/// account emptied, and the HR system gets a signed `person.erased`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_connects_a_webhook_and_erases_a_person_on_request() {
    let driver = Driver::start().await;
    let app = TestApp::spawn(Db::Sqlite).await;
    let admin = "admin@test.example";
    app.create_user(admin, &[Role::Admin]).await;
    let anna = app.create_user("anna.nowak@test.example", &[Role::Ambassador]).await;
    let (url, got) = webhook_receiver().await;
    let c = driver.browser().await;
    log_in(&c, &app, admin, PASSWORD).await;
    wait_for_path(&c, "/app").await;

    open_nav_to(&c, "/app/admin/webhooks").await;
    element(&c, "nav.nav a[href='/app/admin/webhooks']")
        .await
        .click()
        .await
        .unwrap();
    wait_for_path(&c, "/app/admin/webhooks").await;
    fill(&c, "#endpoint-url", &url).await;
    element(&c, "input[name=events][value='person.erased']")
        .await
        .click()
        .await
        .unwrap();
    element(&c, "#endpoint-new button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let secret = wait_for("the secret shown once", async || {
        let s = js(
            &c,
            "var e = document.getElementById('endpoint-secret'); return e ? e.textContent : null",
        )
        .await;
        s.as_str().map(str::to_string)
    })
    .await;
    assert!(secret.starts_with("whsec_"), "{secret}");
    assert_no_horizontal_scroll(&c, "the webhooks page with the new secret").await;

    c.goto(&app.url(&format!("/app/admin/users/{anna}"))).await.unwrap();
    fill(&c, "#erase-confirm", "anna.nowak@test.example").await;
    element(&c, "#erase-person button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    // The form asks before it erases anything.
    let question = wait_for("the confirmation dialog", async || c.get_alert_text().await.ok()).await;
    assert_eq!(question, catalog("en", "erase-confirm-dialog"));
    c.accept_alert().await.unwrap();
    wait_for("the erased person's page", async || {
        js(&c, "return document.getElementById('person-erased') !== null")
            .await
            .as_bool()
            .filter(|b| *b)
    })
    .await;
    assert_eq!(text_of(&c, "main h1").await, catalog("en", "former-employee"));
    assert_no_horizontal_scroll(&c, "the erased person's page").await;
    let user = app.state.store.user(anna).await.unwrap().unwrap();
    assert!(user.erased_at.is_some() && !user.email.contains("anna"));

    let (headers, body) = wait_for("the signed person.erased delivery", async || {
        got.lock().unwrap().first().cloned()
    })
    .await;
    let header = |n: &str| headers[n].to_str().unwrap().to_string();
    let key = ambasada_core::webhooks::Secret::parse(&secret).unwrap();
    assert!(key.verify(
        &header("webhook-id"),
        header("webhook-timestamp").parse().unwrap(),
        &body,
        &header("webhook-signature")
    ));
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["type"], "person.erased");
    assert_eq!(body["data"]["person_id"], anna);
    // The endpoint's page lists the delivery; it and the processing register fit a phone.
    let endpoint = app.state.store.webhook_endpoints().await.unwrap()[0].id;
    c.goto(&app.url(&format!("/app/admin/webhooks/{endpoint}")))
        .await
        .unwrap();
    wait_for("the delivered message on the endpoint's page", async || {
        c.refresh().await.ok()?;
        let found = js(
            &c,
            "return document.querySelector('#messages-table .answer-code') !== null",
        )
        .await;
        found.as_bool().filter(|b| *b)
    })
    .await;
    assert_no_horizontal_scroll(&c, "the endpoint's page").await;
    c.goto(&app.url("/app/admin/privacy")).await.unwrap();
    element(&c, "#register-candidates").await;
    assert_no_horizontal_scroll(&c, "the processing register").await;
    app.stop().await;
}
