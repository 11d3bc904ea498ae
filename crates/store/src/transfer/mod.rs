//! Moving a company from its SQLite file to PostgreSQL (`ambasada migrate --from
//! sqlite://PATH --to postgres://...`): every table is copied with its ids, the
//! PostgreSQL sequences are set past them, and the row counts of both sides are compared
//! before anything is committed.
//!
//! What it relies on: both engines' migrations make the same tables with the same
//! columns (checked here, table by table, before anything is copied), and nothing
//! writes to the SQLite file meanwhile. A server on the file holds its click journal
//! locked, so the move takes that lock itself and refuses when it cannot ("stop the
//! server first"); opening the journal also loads what a killed server left in it, so
//! every answered click is in `clicks` before the copy starts. Everything is read in one
//! SQLite read transaction (one snapshot) and written in one PostgreSQL transaction: a
//! move that fails leaves the target without a row of it (migrated, at most).
//!
//! The tables come from the schema (`sqlite_master`), never from a list here, so a
//! migration that adds a table needs nothing in this module, unless it fills a table
//! with rows of its own (see [`FILLED_BY_MIGRATIONS`]).

mod copy;
mod schema;

use crate::tracking::ClickOptions;
use crate::{Store, StoreError, redact_url};
use sqlx::AnyConnection;

/// Tables that the migrations themselves fill with rows, on both engines: a fresh target
/// holds these rows already, so they do not make it "not empty", and the source's rows
/// replace them. The test `only_the_listed_tables_hold_rows_after_the_migrations`
/// fails when a migration fills another table.
pub const FILLED_BY_MIGRATIONS: &[&str] = &["change_counters"];

/// A table as moved: its name and how many rows it holds on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedTable {
    pub name: String,
    pub rows: i64,
}

/// Why a move did not happen. No row was committed to the target in any of these cases
/// (its migrations may have been applied).
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("--from must name a SQLite file, sqlite://PATH, not {0:?}")]
    SourceUrl(String),
    #[error("--to must name a PostgreSQL database, postgres://..., not {0:?}")]
    TargetUrl(String),
    #[error("there is no SQLite database at {0}")]
    NoSource(String),
    /// The SQLite file is being served (its click journal is locked): why its journal
    /// could not be taken.
    #[error("{0}; stop the server first")]
    SourceServed(String),
    #[error("the target database is not empty (table {table} holds rows): move into a new, empty database")]
    TargetNotEmpty { table: String },
    /// The two schemas differ; says where.
    #[error("the SQLite and PostgreSQL schemas differ: {0}")]
    Schema(String),
    #[error("table {table}: {message}")]
    Table { table: String, message: String },
    #[error("row counts differ after the copy: {table} holds {sqlite} rows in SQLite and {postgres} in PostgreSQL")]
    Counts { table: String, sqlite: i64, postgres: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TransferError {
    fn from(e: sqlx::Error) -> Self {
        TransferError::Store(StoreError::Db(e))
    }
}

/// The file path of a `sqlite://PATH` URL (without its query), if it names a file.
fn source_path(url: &str) -> Option<&str> {
    let path = url.strip_prefix("sqlite://")?.split('?').next()?;
    (!path.is_empty() && !path.contains(":memory:")).then_some(path)
}

/// Copies every table of the SQLite database at `from` into the empty PostgreSQL
/// database at `to` (both migrated first), keeping ids; sets the sequences past the
/// copied ids; compares the row counts of every table. `on_table` hears of each table
/// once it is copied, in the order of the copy (a table after those it refers to).
pub async fn sqlite_to_postgres(
    from: &str,
    to: &str,
    on_table: impl FnMut(&MovedTable),
) -> Result<Vec<MovedTable>, TransferError> {
    let path = source_path(from).ok_or_else(|| TransferError::SourceUrl(redact_url(from)))?;
    if !(to.starts_with("postgres://") || to.starts_with("postgresql://")) {
        return Err(TransferError::TargetUrl(redact_url(to)));
    }
    if !std::path::Path::new(path).is_file() {
        return Err(TransferError::NoSource(path.to_string()));
    }
    refuse_if_served(path)?;
    let source = Store::connect(from).await?;
    let moved = from_source(&source, to, on_table).await;
    source.close().await;
    moved
}

/// Refuses a database a server holds (its click journal is locked) before anything,
/// migrations included, touches it; the journal taken by the move later holds the lock
/// for the rest of it.
fn refuse_if_served(path: &str) -> Result<(), TransferError> {
    let Ok(journal) = std::fs::File::open(format!("{path}-clicks-0")) else {
        return Ok(());
    };
    match journal.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(TransferError::SourceServed(format!(
            "another process serves {path} (its click journal is locked)"
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(TransferError::Table {
            table: "clicks".into(),
            message: format!("the click journal {path}-clicks-0: {e}"),
        }),
    }
}

/// The move once the source is open: migrated, its click journal taken (and loaded),
/// then the target.
async fn from_source(
    source: &Store,
    to: &str,
    on_table: impl FnMut(&MovedTable),
) -> Result<Vec<MovedTable>, TransferError> {
    source.migrate().await?;
    let writer = source
        // A SQLite file's journal lies next to it: no data_dir needed.
        .click_writer(ClickOptions::default(), std::path::Path::new("."))
        .map_err(|e| {
            TransferError::SourceServed(match e {
                StoreError::Other(why) => why,
                e => e.to_string(),
            })
        })?;
    source.sync_clicks().await;
    let target = Store::connect(to).await;
    let moved = match target {
        Ok(target) => {
            let moved = into_target(source, &target, on_table).await;
            target.close().await;
            moved
        }
        Err(e) => Err(e.into()),
    };
    // Nothing was journalled since it opened: closing stops its loader and gives the
    // file back. The loader's thread is joined, so off the runtime's threads.
    let _ = tokio::task::spawn_blocking(move || writer.close()).await;
    moved
}

/// Migrates the target, checks both schemas and the target's emptiness, and copies.
async fn into_target(
    source: &Store,
    target: &Store,
    mut on_table: impl FnMut(&MovedTable),
) -> Result<Vec<MovedTable>, TransferError> {
    target.migrate().await?;
    let mut src = source.pool.begin().await?;
    let mut dst = target.pool.begin().await?;
    let tables = schema::plan(&mut src, &mut dst).await?;
    schema::refuse_rows(&mut dst, &tables).await?;
    let mut moved = Vec::with_capacity(tables.len());
    for table in &tables {
        let rows = copy::table(&mut src, &mut dst, table).await.map_err(|e| match e {
            TransferError::Store(e) => TransferError::Table {
                table: table.name.clone(),
                message: e.to_string(),
            },
            e => e,
        })?;
        let m = MovedTable {
            name: table.name.clone(),
            rows,
        };
        on_table(&m);
        moved.push(m);
    }
    copy::set_sequences(&mut dst, &tables).await?;
    verify_counts(&mut src, &mut dst, &moved).await?;
    dst.commit().await?;
    // The source was only read.
    src.rollback().await?;
    Ok(moved)
}

/// Compares `SELECT COUNT(*)` of every table on both sides (and with what was copied).
async fn verify_counts(
    src: &mut AnyConnection,
    dst: &mut AnyConnection,
    moved: &[MovedTable],
) -> Result<(), TransferError> {
    for m in moved {
        let sqlite = copy::count(src, &m.name).await?;
        let postgres = copy::count(dst, &m.name).await?;
        if sqlite != postgres {
            return Err(TransferError::Counts {
                table: m.name.clone(),
                sqlite,
                postgres,
            });
        }
        if postgres != m.rows {
            return Err(TransferError::Table {
                table: m.name.clone(),
                message: format!("{} rows copied, but it holds {postgres}", m.rows),
            });
        }
    }
    Ok(())
}

impl Store {
    /// Every table's row count (but sqlx's record of migrations), by table name: to
    /// compare two databases after a move.
    pub async fn row_counts(&self) -> crate::Result<std::collections::BTreeMap<String, i64>> {
        let tables: Vec<(String,)> = match self.backend() {
            crate::Backend::Sqlite => {
                sqlx::query_as(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' \
                     AND name <> '_sqlx_migrations'",
                )
                .fetch_all(&self.pool)
                .await?
            }
            crate::Backend::Postgres => {
                sqlx::query_as(
                    "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                     AND table_name <> '_sqlx_migrations'",
                )
                .fetch_all(&self.pool)
                .await?
            }
        };
        let mut conn = self.pool.acquire().await?;
        let mut out = std::collections::BTreeMap::new();
        for (table,) in tables {
            let n = copy::count(&mut conn, &table).await.map_err(|e| match e {
                TransferError::Store(e) => e,
                e => StoreError::Other(e.to_string()),
            })?;
            out.insert(table.to_lowercase(), n);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
