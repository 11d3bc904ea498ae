//! Connecting, migrating and the error type.

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::time::Duration;

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The migrations of this engine, embedded at build time. They are append-only: the
    /// test `migrations_are_append_only` below compares their checksums with
    /// `migrations/checksums.txt`.
    pub(crate) fn migrator(self) -> &'static Migrator {
        static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
        static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");
        match self {
            Backend::Sqlite => &SQLITE,
            Backend::Postgres => &POSTGRES,
        }
    }
}

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL names no engine we support.
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    /// A unique constraint refused the write; carries the constraint's subject.
    #[error("already exists: {0}")]
    Conflict(&'static str),
    /// The row the call is about does not exist.
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Other(String),
}

impl StoreError {
    /// Whether the database refused a text it cannot hold: PostgreSQL's TEXT takes no NUL
    /// character (SQLSTATE 22021, `character_not_in_repertoire`; 22P05 is its
    /// `untranslatable_character`). Every field check refuses control characters first;
    /// this tells the HTTP layer that a value that slipped through is the request's
    /// fault, not the server's.
    pub fn is_unstorable_text(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Database(d)) => matches!(d.code().as_deref(), Some("22021" | "22P05")),
            _ => false,
        }
    }

    /// Turns a unique violation into [`StoreError::Conflict`] naming `what`.
    pub(crate) fn on_unique(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(what),
            _ => StoreError::Db(e),
        }
    }
}

/// The database, shared by every handler and job. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Backend,
    /// The URL it was opened with (the SQLite click writer opens the same file).
    pub(crate) url: String,
    /// The click journal of a SQLite file, once the click writer opened it.
    pub(crate) click_journal:
        std::sync::Arc<std::sync::OnceLock<std::sync::Arc<crate::tracking::click_journal::ClickJournal>>>,
    /// Moves whenever links may lead elsewhere than this process remembers
    /// ([`Store::links_generation`]).
    pub(crate) links_generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// The URL with its password replaced by `***`, for logs.
pub fn redact_url(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url) else {
        // Not parseable: show only the scheme.
        return url
            .split_once(':')
            .map(|(s, _)| format!("{s}:***"))
            .unwrap_or_else(|| "***".into());
    };
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
    }
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let secret = matches!(k.as_ref(), "password" | "sslpassword");
                (k.into_owned(), if secret { "***".to_string() } else { v.into_owned() })
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .field("url", &redact_url(&self.url))
            .finish()
    }
}

/// What every SQLite connection is set to (the pool's and the click writer's).
pub(crate) const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

impl Store {
    /// Opens a pool for `sqlite://PATH` (the file is created when missing) or
    /// `postgres://...`; anything else is refused. Does not migrate.
    pub async fn connect(url: &str) -> crate::Result<Store> {
        install_default_drivers();
        let (backend, url) = if let Some(rest) = url.strip_prefix("sqlite:") {
            let url = if rest.contains("mode=") || rest.contains(":memory:") {
                url.to_string()
            } else if rest.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(StoreError::UnsupportedUrl(redact_url(url)));
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10));
        let options = if backend == Backend::Sqlite {
            options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL lets readers work while one writer commits; NORMAL sync in WAL
                    // mode survives a killed process (not a power cut) and is what makes
                    // group commit fast. Foreign keys are off by default in SQLite.
                    conn.execute(SQLITE_PRAGMAS).await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(&url).await?;
        Ok(Store {
            pool,
            backend,
            url,
            click_journal: Default::default(),
            links_generation: Default::default(),
        })
    }

    /// Applies the embedded migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> crate::Result<()> {
        self.backend.migrator().run(&self.pool).await?;
        self.fill_search_text().await?;
        Ok(())
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> crate::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection (at shutdown, and in tests before dropping a database).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Store {
    /// Runs one statement as given, without parameters: for tests and tools that create
    /// or drop databases. Never pass it anything a user typed.
    pub async fn raw_execute(&self, sql: &str) -> crate::Result<()> {
        sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::Path;

    /// The checksums of the committed migrations, relative to the crate.
    const CHECKSUMS: &str = "migrations/checksums.txt";

    /// The lines of [`CHECKSUMS`]: file (`sqlite/0001_people_and_access.sql`) and hex
    /// SHA-384; `#` starts a comment.
    fn listed_checksums(text: &str) -> BTreeMap<String, String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once(char::is_whitespace) {
                Some((file, hex)) => (file.to_string(), hex.trim().to_lowercase()),
                None => panic!("{CHECKSUMS}: {l:?} is not `folder/file hex`"),
            })
            .collect()
    }

    /// The migration files of both engines on disk, each with the hex SHA-384 sqlx
    /// embedded for its version in this build (`None`: on disk but not embedded).
    fn current_migrations() -> BTreeMap<String, Option<String>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut out = BTreeMap::new();
        for (folder, backend) in [("sqlite", Backend::Sqlite), ("postgres", Backend::Postgres)] {
            let dir = root.join(folder);
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                // As sqlx names them: `<version>_<description>.sql`, one file a version.
                let Some(version) = name
                    .strip_suffix(".sql")
                    .and_then(|n| n.split_once('_'))
                    .and_then(|(v, _)| v.parse::<i64>().ok())
                else {
                    continue;
                };
                let embedded = backend.migrator().migrations.iter().find(|m| m.version == version);
                let hex = embedded.map(|m| m.checksum.iter().map(|b| format!("{b:02x}")).collect());
                out.insert(format!("{folder}/{name}"), hex);
            }
        }
        out
    }

    /// What breaks the append-only rule, one sentence a file.
    fn append_only_problems(
        listed: &BTreeMap<String, String>,
        current: &BTreeMap<String, Option<String>>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for (file, now) in current {
            match (listed.get(file), now) {
                (Some(then), Some(now)) if then != now => problems.push(format!(
                    "migration {file} was changed after it was committed: migrations are append-only, add a new \
                     migration instead (and restore the file: its SHA-384 was {then}, it is now {now})"
                )),
                (Some(_), Some(_)) => {}
                (None, Some(now)) => problems.push(format!(
                    "migration {file} is not in {CHECKSUMS}: add its line `{file} {now}` there, so that it \
                     cannot be changed once committed"
                )),
                (_, None) => problems.push(format!(
                    "migration {file} is on disk but not embedded in this build: rebuild the store crate, then \
                     check that its line is in {CHECKSUMS}"
                )),
            }
        }
        for file in listed.keys().filter(|f| !current.contains_key(*f)) {
            problems.push(format!(
                "migration {file} is in {CHECKSUMS} but gone from migrations/: a migration that ran somewhere \
                 cannot be removed or renamed; restore it"
            ));
        }
        problems
    }

    #[test]
    fn migrations_are_append_only() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CHECKSUMS);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let problems = append_only_problems(&listed_checksums(&text), &current_migrations());
        assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
    }

    #[test]
    fn changed_new_and_removed_migrations_are_each_named() {
        let listed = listed_checksums("# comment\nsqlite/0001_a.sql AA\nsqlite/0002_b.sql bb\nsqlite/0003_c.sql cc\n");
        let current = BTreeMap::from([
            ("sqlite/0001_a.sql".to_string(), Some("aa".to_string())),
            ("sqlite/0002_b.sql".to_string(), Some("b2".to_string())),
            ("sqlite/0004_d.sql".to_string(), Some("dd".to_string())),
        ]);
        let problems = append_only_problems(&listed, &current);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].starts_with(
            "migration sqlite/0002_b.sql was changed after it was committed: migrations are append-only, \
             add a new migration instead"
        ));
        assert!(problems[1].contains("sqlite/0004_d.sql is not in migrations/checksums.txt"));
        assert!(problems[1].contains("`sqlite/0004_d.sql dd`"));
        assert!(problems[2].starts_with("migration sqlite/0003_c.sql is in migrations/checksums.txt but gone"));
    }

    #[test]
    fn urls_lose_their_password_in_logs() {
        assert_eq!(
            redact_url("postgres://amb:s3cret@db:5432/amb"),
            "postgres://amb:***@db:5432/amb"
        );
        assert!(!redact_url("postgres://u@h/db?password=topsecret").contains("topsecret"));
        assert!(!redact_url("postgres://u:p%40ss@h/db").contains("p%40ss"));
    }

    #[test]
    fn polish_names_sort_in_polish_order_and_like_patterns_are_escaped() {
        use crate::people::sort_key;
        let mut names = vec![
            "Łukasz Lis",
            "Anna Małek",
            "Jan Lis",
            "Ewa Lato",
            "Ola Zając",
            "Iza Żak",
            "Adam Źrebiec",
        ];
        names.sort_by_key(|n| {
            let (f, l) = n.split_once(' ').unwrap();
            sort_key(f, l)
        });
        assert_eq!(
            names,
            vec![
                "Ewa Lato",
                "Jan Lis",
                "Łukasz Lis",
                "Anna Małek",
                "Ola Zając",
                "Adam Źrebiec",
                "Iza Żak"
            ]
        );
        assert_eq!(crate::people::like_escape_for_test("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
