//! The test fixture shared by the integration and browser tests: a real server on port 0
//! over a fresh database (a SQLite file in a directory of its own, or a new PostgreSQL
//! database when `AMBASADA_TEST_POSTGRES` names a server), and a cookie-keeping client that
//! does not follow redirects.
//!
//! With `TEST_LOG` set (to anything), the server's logs go to the test output, at the
//! level `RUST_LOG` gives (`info` when unset).
#![allow(dead_code)]

use ambasada_core::{Email, Locale, Role};
use ambasada_server::config::{Config, Secret};
use ambasada_server::{AppState, auth, mail};
use ambasada_store::Store;
use ambasada_store::people::NewUser;
use ambasada_store::programs::ProgramInput;
use std::time::Duration;
use tokio::sync::OnceCell;

/// The password of every account the fixture creates.
pub const PASSWORD: &str = "haslo-testowe-123";

/// Which database a test runs on.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite,
    Postgres(String),
    /// A database the test made and removes itself (see [`EmptyDatabase`]): its URL.
    Existing(String),
}

/// The PostgreSQL server URL from `AMBASADA_TEST_POSTGRES`, if set.
pub fn postgres_url() -> Option<String> {
    std::env::var("AMBASADA_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// Generates one test per backend: `mod name { fn sqlite(); fn postgres(); }`. The
/// PostgreSQL variant passes trivially only when `AMBASADA_TEST_POSTGRES` is unset
/// (CI sets it, and `.ci/run` fails when the server is unreachable).
#[macro_export]
macro_rules! story {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::spawn($crate::common::Db::Sqlite).await;
                super::$name(&app).await;
                app.stop().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(url) = $crate::common::postgres_url() else {
                    eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
                    return;
                };
                let app = $crate::common::TestApp::spawn($crate::common::Db::Postgres(url)).await;
                super::$name(&app).await;
                app.stop().await;
            }
        }
    };
}

/// How long a wait for something the server does in the background may take.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(10);

/// Polls `check` every few milliseconds until it gives a value, and returns it; fails the
/// test, naming `what` and the last thing `check` saw, after [`WAIT`]. For conditions that
/// become true in the background. A condition that must stay false ("no second email")
/// cannot be waited for: wait for what settles it instead (see `accounts.rs`).
pub async fn wait_for<T>(what: &str, mut check: impl AsyncFnMut() -> Result<T, String>) -> T {
    let start = std::time::Instant::now();
    loop {
        match check().await {
            Ok(v) => return v,
            Err(last) if start.elapsed() >= WAIT => {
                panic!("timed out after {WAIT:?} waiting for {what}; last seen: {last}")
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// [`wait_for`] a condition that tells nothing more than whether it holds.
pub async fn wait_until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    wait_for(
        what,
        async || if check().await { Ok(()) } else { Err("not yet".into()) },
    )
    .await
}

/// Waits until every task that may still queue an email after its request was answered
/// ([`mail::spawn_detached`]: password reset requests) has ended, after checking that at
/// least `expected` of them were spawned since `before` (a [`mail::detached_tasks`] count
/// taken before the requests): a wait over tasks that are not counted would pass at once.
/// The counts are the whole process's, so this may also wait for other tests' tasks (a few
/// milliseconds), and the check of `expected` guards against uncounted work rather than
/// counting this test's tasks exactly.
pub async fn wait_for_detached_tasks(before: u64, expected: u64) {
    let (spawned, _) = mail::detached_tasks();
    assert!(
        spawned >= before + expected,
        "expected {expected} detached task(s) since the count {before}, saw {}: does the \
         request spawn its work with mail::spawn_detached?",
        spawned - before
    );
    wait_for(
        "the detached tasks (password reset requests) to end",
        async || match mail::detached_tasks() {
            (_, 0) => Ok(()),
            (_, n) => Err(format!("{n} running")),
        },
    )
    .await
}

/// A running server and a client.
pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    cleanup: Cleanup,
}

/// What the server's owner removes when it stops, or when it is dropped without stopping
/// (a test that panicked). A sibling removes nothing.
#[derive(Default)]
struct Cleanup {
    /// The test's own temp directory: the data directory and, on SQLite, the database
    /// with everything SQLite and the click journal put beside it (`-wal`, `-shm`,
    /// `-clicks-0`, `-clicks-1`), whatever their names.
    dir: Option<std::path::PathBuf>,
    /// The PostgreSQL server and the test database on it.
    database: Option<(String, String)>,
}

impl Cleanup {
    fn is_empty(&self) -> bool {
        self.dir.is_none() && self.database.is_none()
    }

    async fn run(self) {
        if let Some(dir) = self.dir {
            let _ = std::fs::remove_dir_all(&dir);
        }
        if let Some((server, name)) = self.database
            && let Ok(admin) = Store::connect(&server).await
        {
            let _ = admin
                .raw_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
            admin.close().await;
        }
    }
}

/// A client that keeps cookies and does not follow redirects.
/// A client that keeps cookies and does not follow redirects. It keeps no idle
/// connections: a server that answers before reading a whole request body (a refused
/// upload) closes the connection, and a pooled one could then fail the next request with
/// "connection closed before message completed", depending on timing.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// With `TEST_LOG` set, sends logs to the test output (once per process); quiet otherwise.
fn init_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    if std::env::var_os("TEST_LOG").is_none() {
        return;
    }
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
        // Another subscriber already installed (by a test itself) is left in place.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
            .with_test_writer()
            .try_init();
    });
}

fn random_name() -> String {
    format!(
        "amb_t_{}",
        &auth::new_token().to_lowercase().replace(['-', '_'], "")[..16]
    )
}

/// Makes a new database with a random name on the PostgreSQL `server`; its name.
async fn create_database(server: &str) -> String {
    let name = random_name();
    let admin = Store::connect(server)
        .await
        .expect("PostgreSQL from AMBASADA_TEST_POSTGRES reachable");
    admin
        .raw_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    admin.close().await;
    name
}

/// Replaces the database name at the end of a PostgreSQL URL.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server, None),
    };
    let rest = base.split_once("://").map(|(_, r)| r).unwrap_or(base);
    let cut = match rest.find('/') {
        Some(i) => base.len() - rest.len() + i,
        None => base.len(),
    };
    let mut url = format!("{}/{name}", &base[..cut]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

impl TestApp {
    pub async fn spawn(db: Db) -> TestApp {
        TestApp::spawn_with(db, |_| {}, None).await
    }

    /// Starts a server over a fresh database; `configure` may change the config, and a
    /// mail policy may replace the default retry delays.
    pub async fn spawn_with(db: Db, configure: impl FnOnce(&mut Config), policy: Option<mail::RetryPolicy>) -> TestApp {
        init_logs();
        let dir = std::env::temp_dir().join(random_name());
        std::fs::create_dir(&dir).expect("create the test's temp dir");
        let mut cleanup = Cleanup {
            dir: Some(dir.clone()),
            database: None,
        };
        let url = match db {
            Db::Sqlite => format!("sqlite://{}", dir.join("test.db").display()),
            Db::Postgres(server) => {
                let name = create_database(&server).await;
                let url = with_database(&server, &name);
                cleanup.database = Some((server, name));
                url
            }
            Db::Existing(url) => url,
        };
        let mut config = Config::load(Some(std::path::Path::new("/dev/null")), Vec::new()).expect("default config");
        config.database_url = Secret::new(url);
        config.bind = "127.0.0.1:0".parse().unwrap();
        config.data_dir = dir.join("data").display().to_string();
        // The Slack and Teams stand-ins listen on loopback (`integrations.rs` turns this
        // off to test the production rule).
        config.webhooks_allow_private = true;
        configure(&mut config);
        let listener = tokio::net::TcpListener::bind(config.bind).await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        if config.base_url == "http://127.0.0.1:8080" {
            config.base_url = address.clone();
        }
        let mut state = AppState::start(config).await.expect("app starts");
        if let Some(p) = policy {
            state = state.with_mail_policy(p);
        }
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let s = state.clone();
        let server = tokio::spawn(async move {
            ambasada_server::serve(listener, s, async move {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestApp {
            address,
            state,
            client: client(),
            shutdown: Some(tx),
            server: Some(server),
            cleanup,
        }
    }

    /// Another client on the same server, with its own cookies. Stopping it does
    /// nothing: the original owns the server.
    pub fn sibling(app: &TestApp) -> TestApp {
        TestApp {
            address: app.address.clone(),
            state: app.state.clone(),
            client: client(),
            shutdown: None,
            server: None,
            cleanup: Cleanup::default(),
        }
    }

    /// Stops the server (its jobs and click writer too) but keeps its database, e.g. to
    /// move it elsewhere; [`TestApp::stop`] removes it later.
    pub async fn stop_serving(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), h).await;
        }
    }

    /// Stops the server and removes the database.
    pub async fn stop(mut self) {
        self.stop_serving().await;
        if self.cleanup.is_empty() {
            return;
        }
        self.state.store.close().await;
        // A data directory a test moved elsewhere goes too.
        let _ = std::fs::remove_dir_all(&self.state.config.data_dir);
        std::mem::take(&mut self.cleanup).run().await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// The CSRF token of this client's current session (or pre-session).
    pub async fn csrf(&self) -> String {
        let body = self.get("/password/forgot").await.text().await.unwrap();
        extract_csrf(&body).expect("page has a csrf token")
    }

    /// Posts a form with this client's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.client.post(self.url(path)).form(&all).send().await.unwrap()
    }

    /// Creates an active account with the fixture password.
    pub async fn create_user(&self, email: &str, roles: &[Role]) -> i64 {
        static HASH: OnceCell<String> = OnceCell::const_new();
        let hash = HASH
            .get_or_init(|| async { auth::hash_password(PASSWORD.into()).await.unwrap() })
            .await;
        let local = email.split('@').next().unwrap();
        self.state
            .store
            .create_user(
                &NewUser {
                    email: Email::parse(email).unwrap(),
                    first_name: "Test".into(),
                    last_name: local.to_string(),
                    locale: Locale::En,
                    time_zone: "Europe/Warsaw".into(),
                    password_hash: Some(hash.clone()),
                    roles: roles.to_vec(),
                    team_ids: vec![],
                },
                ambasada_server::now(),
            )
            .await
            .unwrap()
    }

    /// Creates a program (daily share limit 5, monthly reviews) directly in the store.
    pub async fn create_program(&self, name: &str, slug: &str, coordinator: Option<i64>) -> i64 {
        self.state
            .store
            .create_program(
                &ProgramInput {
                    name: name.into(),
                    slug: slug.into(),
                    description: String::new(),
                    coordinator_id: coordinator,
                    daily_share_limit: 5,
                    review_cadence: "monthly".into(),
                },
                0,
            )
            .await
            .unwrap()
    }

    /// Logs this app's client in with the login form.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form("/login", &[("email", email), ("password", password)])
            .await
    }

    /// Creates `{role}@test.example` with that role and logs the client in as them.
    pub async fn login_as(&self, role: Role) -> i64 {
        let email = format!("{}@test.example", role.as_str());
        let id = self.create_user(&email, &[role]).await;
        let res = self.login(&email, PASSWORD).await;
        assert_eq!(res.status(), 303, "login as {role}");
        id
    }

    /// A second client with its own cookies, logged in as a new person with `role`.
    pub async fn other_client(&self, email: &str, roles: &[Role]) -> reqwest::Client {
        self.create_user(email, roles).await;
        self.client_logged_in(email, PASSWORD).await
    }

    /// A client of its own (cookies and all), logged in through the form as an existing
    /// person.
    pub async fn client_logged_in(&self, email: &str, password: &str) -> reqwest::Client {
        let c = client();
        let page = c.get(self.url("/login")).send().await.unwrap().text().await.unwrap();
        let token = extract_csrf(&page).unwrap();
        let res = c
            .post(self.url("/login"))
            .form(&[("email", email), ("password", password), ("csrf_token", &token)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{email} logs in");
        c
    }
}

/// A test that panicked leaves nothing behind either: its directory and database are
/// removed here (the server still runs until the test's runtime ends).
impl Drop for TestApp {
    fn drop(&mut self) {
        std::mem::take(&mut self.cleanup).run_from_drop();
    }
}

impl Cleanup {
    /// [`Cleanup::run`] from a `Drop`, which may run inside the test's runtime: on a
    /// thread of its own.
    fn run_from_drop(self) {
        if self.is_empty() {
            return;
        }
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async { tokio::time::timeout(Duration::from_secs(10), self.run()).await })
        })
        .join();
    }
}

/// A new PostgreSQL database with nothing in it, not even the migrations (a move's
/// target); dropped with this value, also when the test fails.
pub struct EmptyDatabase {
    pub url: String,
    cleanup: Cleanup,
}

impl EmptyDatabase {
    pub async fn create(server: &str) -> EmptyDatabase {
        let name = create_database(server).await;
        EmptyDatabase {
            url: with_database(server, &name),
            cleanup: Cleanup {
                dir: None,
                database: Some((server.to_string(), name)),
            },
        }
    }
}

impl Drop for EmptyDatabase {
    fn drop(&mut self) {
        std::mem::take(&mut self.cleanup).run_from_drop();
    }
}

/// The value of the first `csrf_token` hidden field in a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf_token\" value=\"")?;
    let rest = &html[i + "name=\"csrf_token\" value=\"".len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The link in an email body that starts with `prefix`.
pub fn link_in(body: &str, prefix: &str) -> Option<String> {
    let i = body.find(prefix)?;
    let rest = &body[i..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

/// A personal API token of `user_id` with `scopes`, made directly in the store: the secret.
pub async fn api_token(app: &TestApp, user_id: i64, scopes: &[ambasada_core::Scope]) -> String {
    let secret = format!("amb_{}", auth::new_token());
    app.state
        .store
        .create_api_token(user_id, "t", &auth::hash_token(&secret), scopes, 0)
        .await
        .unwrap();
    secret
}

/// Writes `input` as a draft by `author` and approves it: an item ready to share. Its id.
pub async fn approved_item(app: &TestApp, author: i64, input: &ambasada_store::content::ContentInput) -> i64 {
    let id = app.state.store.create_content(input, author, "draft", 0).await.unwrap();
    app.state
        .store
        .transition_content(id, "draft", "approved", Some(author), None, 0)
        .await
        .unwrap();
    id
}

/// A program's numbers over every day from 2020 to 2029, as `GET /api/v1/programs/{id}/stats`
/// answers them to a token with `reports:read`.
pub async fn program_stats(app: &TestApp, token: &str, program: i64) -> serde_json::Value {
    let res = app
        .client
        .get(app.url(&format!(
            "/api/v1/programs/{program}/stats?from=2020-01-01&to=2029-12-31"
        )))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}
