//! The test fixture shared by the integration and browser tests: a real server on port 0
//! over a fresh database (a SQLite file, or a new PostgreSQL database when
//! `AMBASADA_TEST_POSTGRES` names a server), and a cookie-keeping client that does not
//! follow redirects.
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

/// A running server and a client.
pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    cleanup: Cleanup,
}

enum Cleanup {
    None,
    File(std::path::PathBuf),
    Database { server: String, name: String },
}

/// A client that keeps cookies and does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

fn init_logs() {
    if std::env::var("TEST_LOG").is_ok() {
        let _ = tracing_subscriber_init();
    }
}

fn tracing_subscriber_init() -> Option<()> {
    None
}

fn random_name() -> String {
    format!(
        "amb_t_{}",
        &auth::new_token().to_lowercase().replace(['-', '_'], "")[..16]
    )
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
        let (url, cleanup) = match db {
            Db::Sqlite => {
                let path = std::env::temp_dir().join(format!("{}.db", random_name()));
                (format!("sqlite://{}", path.display()), Cleanup::File(path))
            }
            Db::Postgres(server) => {
                let name = random_name();
                let admin = Store::connect(&server)
                    .await
                    .expect("PostgreSQL from AMBASADA_TEST_POSTGRES reachable");
                admin
                    .raw_execute(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await;
                (with_database(&server, &name), Cleanup::Database { server, name })
            }
        };
        let mut config = Config::load(Some(std::path::Path::new("/dev/null")), Vec::new()).expect("default config");
        config.database_url = Secret::new(url);
        config.bind = "127.0.0.1:0".parse().unwrap();
        config.data_dir = std::env::temp_dir()
            .join(format!("{}-data", random_name()))
            .display()
            .to_string();
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
            cleanup: Cleanup::None,
        }
    }

    /// Stops the server and removes the database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), h).await;
        }
        if matches!(self.cleanup, Cleanup::None) {
            return;
        }
        self.state.store.close().await;
        let _ = std::fs::remove_dir_all(&self.state.config.data_dir);
        match &self.cleanup {
            Cleanup::None => {}
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { server, name } => {
                if let Ok(admin) = Store::connect(server).await {
                    let _ = admin
                        .raw_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    admin.close().await;
                }
            }
        }
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
        let c = client();
        let page = c.get(self.url("/login")).send().await.unwrap().text().await.unwrap();
        let token = extract_csrf(&page).unwrap();
        let res = c
            .post(self.url("/login"))
            .form(&[("email", email), ("password", PASSWORD), ("csrf_token", &token)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        c
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
