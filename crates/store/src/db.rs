//! Connecting, migrating and the error type.

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::time::Duration;

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
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
        })
    }

    /// Applies the embedded migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> crate::Result<()> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
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
