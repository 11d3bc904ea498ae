//! Tracked links on the hot path: what a code leads to, the salt of the day, writing
//! clicks in batches, and the numbers links earn.
//!
//! Clicks are written in batches (group commit) to the click journal
//! ([`crate::tracking::click_journal`]), whose loader thread moves clicks into the table
//! on a connection of its own: next to a SQLite file, under `data_dir` on PostgreSQL.
//! An in-memory SQLite database (tests) writes each batch through the pool.

pub mod click_journal;

use crate::tracking::click_journal::ClickJournal;
use crate::{Backend, Result, Store, StoreError};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// What a tracked link leads to, with what decides whether it still may.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkTarget {
    pub link_id: i64,
    pub network: String,
    pub target_url: String,
    pub item_id: i64,
    pub item_status: String,
    pub starts_at: Millis,
    pub expires_at: Option<Millis>,
    /// The program's slug (utm_campaign), empty when the link has no program.
    pub campaign: String,
}

/// One hit on a tracked link, as written.
#[derive(Debug, Clone)]
pub struct NewClick {
    pub link_id: i64,
    pub at: Millis,
    /// The network's name (`Network::as_str`).
    pub network: &'static str,
    pub visitor_hash: String,
    pub browser: &'static str,
    pub referrer_host: Option<String>,
}

/// A click found by its token, for attribution.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClickSource {
    pub click_id: i64,
    pub at: Millis,
    pub network: String,
    pub ambassador_id: i64,
    pub item_id: i64,
    pub program_id: Option<i64>,
}

/// Clicks, unique visitors and conversions of a group of links.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct LinkNumbers {
    /// What the numbers are for: an item title, a network, ...
    pub label: String,
    pub key: String,
    pub clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub conversions: i64,
}

/// What an answered click survives: the setting `click_durability`, the same words on
/// both engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// A killed Ambasada process (the default), and on PostgreSQL a crash of
    /// PostgreSQL too: the click journal is written without fsync, so a power cut of
    /// the machine Ambasada runs on may lose the clicks of its last moments (what the
    /// operating system had not yet written out).
    #[default]
    Process,
    /// Also a power cut: the journal is `fdatasync`ed per batch, and the loader commits
    /// in full before it empties a file.
    Fsync,
}

impl Durability {
    pub fn parse(s: &str) -> Option<Durability> {
        match s.trim() {
            "process" => Some(Durability::Process),
            "fsync" => Some(Durability::Fsync),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Durability::Process => "process",
            Durability::Fsync => "fsync",
        }
    }
}

/// How the click writer works: its durability, and how many clicks may wait for the
/// journal's loader before redirects are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClickOptions {
    pub durability: Durability,
    pub backlog: usize,
}

impl ClickOptions {
    /// The default bound of the journal's backlog: about 100 MB of clicks, a few
    /// seconds of the hot path's top speed.
    pub const BACKLOG: usize = 500_000;
}

impl Default for ClickOptions {
    fn default() -> Self {
        ClickOptions {
            durability: Durability::Process,
            backlog: ClickOptions::BACKLOG,
        }
    }
}

/// Why a batch of clicks was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The loader has this many clicks to catch up with, the most allowed: try later.
    #[error("{0} clicks wait for the loader: the click backlog is full")]
    Full(usize),
    /// Writing failed.
    #[error("{0}")]
    Failed(String),
}

/// Writes clicks in batches; made by [`Store::click_writer`].
pub enum ClickWriter {
    /// The click journal (blocking appends; any thread).
    Journal(Arc<ClickJournal>),
    /// Through the pool (an in-memory SQLite database).
    Pool(Store),
}

/// How often the checkpointer thread copies loaded clicks from the WAL into the
/// database file, when there were any.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);
/// WAL pages after which the loader's connection checkpoints by itself (a safety net for
/// when the checkpointer cannot keep up; 4 KiB pages, so about 64 MiB).
const WRITER_AUTOCHECKPOINT: u32 = 16_384;

/// Opens the connection that loads clicks from the journal, with a checkpointer thread
/// beside it; returns the connection and what to call after each of its commits.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses 1000 WAL pages, on
/// the committing connection, and ends with an fsync of the database file. The loader's
/// connection leaves that to a thread of its own, which checkpoints (PASSIVE: never
/// blocks the loader) every [`CHECKPOINT_EVERY`] after commits. The thread stops when
/// the returned callback is dropped (with the loader).
fn open_loader(path: &str) -> std::result::Result<(rusqlite::Connection, impl Fn() + Send + 'static), String> {
    let conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch(&format!(
        "{} PRAGMA wal_autocheckpoint = {WRITER_AUTOCHECKPOINT};",
        crate::db::SQLITE_PRAGMAS
    ))
    .map_err(|e| e.to_string())?;
    let checkpointer = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    checkpointer
        .execute_batch("PRAGMA busy_timeout = 5000;")
        .map_err(|e| e.to_string())?;
    let dirty = Arc::new(AtomicBool::new(false));
    let (alive, stopped) = mpsc::channel::<()>();
    let flag = dirty.clone();
    std::thread::Builder::new()
        .name("click-checkpoint".into())
        .spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(CHECKPOINT_EVERY) {
                if flag.swap(false, Ordering::Relaxed)
                    && let Err(e) = checkpointer.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                {
                    tracing::warn!(error = %e, "WAL checkpoint failed");
                }
            }
        })
        .map_err(|e| e.to_string())?;
    let on_commit = move || {
        // Holding the sender keeps the checkpointer running.
        let _ = &alive;
        dirty.store(true, Ordering::Relaxed);
    };
    Ok((conn, on_commit))
}

impl ClickWriter {
    /// Writes a batch and returns the ids in order. All or nothing. With a journal an
    /// append: one `write` of a few KiB, so it blocks only briefly.
    pub async fn write(&self, batch: Vec<NewClick>) -> std::result::Result<Vec<i64>, WriteError> {
        match self {
            ClickWriter::Journal(journal) => journal.append(batch),
            ClickWriter::Pool(store) => store
                .insert_clicks(&batch)
                .await
                .map_err(|e| WriteError::Failed(e.to_string())),
        }
    }

    /// Stops a journal: every click it took is loaded into the table first. The pool
    /// writer has nothing to stop.
    pub fn close(&self) {
        if let ClickWriter::Journal(journal) = self {
            journal.close();
        }
    }
}

impl Store {
    /// The click writer for this store: its click journal (opened here, once; what an
    /// earlier process left in it is loaded first), next to a SQLite file or, on
    /// PostgreSQL, under `data_dir`; the pool for an in-memory SQLite database.
    pub fn click_writer(&self, options: ClickOptions, data_dir: &std::path::Path) -> Result<ClickWriter> {
        if let Some(j) = self.click_journal.get() {
            return Ok(ClickWriter::Journal(j.clone()));
        }
        let journal = match (self.backend(), sqlite_path(&self.url)) {
            (Backend::Sqlite, Some(path)) => {
                let (conn, on_commit) = open_loader(&path).map_err(StoreError::Other)?;
                ClickJournal::open_with(&path, conn, on_commit, options)
            }
            (Backend::Sqlite, None) => return Ok(ClickWriter::Pool(self.clone())),
            (Backend::Postgres, _) => ClickJournal::open_postgres(&self.url, data_dir, options),
        }
        .map_err(StoreError::Other)?;
        let journal = Arc::new(journal);
        let _ = self.click_journal.set(journal.clone());
        Ok(ClickWriter::Journal(journal))
    }

    /// Waits until every click this process journalled so far is in the clicks table (a
    /// no-op without a journal). Every read of clicks here calls it first.
    pub async fn sync_clicks(&self) {
        if let Some(j) = self.click_journal.get() {
            j.synced().await;
        }
    }

    /// Writes a batch of clicks through the pool, with their roll-ups, and returns their
    /// ids, in order (the demo's history, tests, and the writer of an in-memory
    /// database). On PostgreSQL the ids are taken from the sequence first and the rows go
    /// in one multi-row INSERT; SQLite inserts row by row.
    pub async fn insert_clicks(&self, batch: &[NewClick]) -> Result<Vec<i64>> {
        let mut tx = self.pool.begin().await?;
        let mut ids = Vec::with_capacity(batch.len());
        if self.backend() == Backend::Postgres {
            let rows: Vec<(i64,)> =
                sqlx::query_as("SELECT nextval(pg_get_serial_sequence('clicks', 'id')) FROM generate_series(1, $1)")
                    .bind(batch.len() as i64)
                    .fetch_all(&mut *tx)
                    .await?;
            ids.extend(rows.into_iter().map(|r| r.0));
            // 7 parameters a row; 500 rows stay far below the parameter limit.
            for (chunk, chunk_ids) in batch.chunks(500).zip(ids.chunks(500)) {
                let values: Vec<String> = (0..chunk.len())
                    .map(|i| {
                        let b = i * 7;
                        format!(
                            "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
                            b + 1,
                            b + 2,
                            b + 3,
                            b + 4,
                            b + 5,
                            b + 6,
                            b + 7
                        )
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser, referrer_host) VALUES {}",
                    values.join(", ")
                );
                let mut q = sqlx::query(AssertSqlSafe(sql));
                for (c, id) in chunk.iter().zip(chunk_ids) {
                    q = q
                        .bind(*id)
                        .bind(c.link_id)
                        .bind(c.at)
                        .bind(c.network)
                        .bind(c.visitor_hash.clone())
                        .bind(c.browser)
                        .bind(c.referrer_host.clone());
                }
                q.execute(&mut *tx).await?;
            }
        } else {
            for c in batch {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO clicks (link_id, at, network, visitor_hash, browser, referrer_host) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(c.link_id)
                .bind(c.at)
                .bind(c.network)
                .bind(c.visitor_hash.clone())
                .bind(c.browser)
                .bind(c.referrer_host.clone())
                .fetch_one(&mut *tx)
                .await?;
                ids.push(id);
            }
        }
        let hits = batch.iter().map(|c| crate::reports::rollups::Hit {
            link_id: c.link_id,
            at: c.at,
            visitor_hash: &c.visitor_hash,
            bot: c.browser == "bot",
        });
        crate::reports::rollups::add_hits(&mut tx, hits).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// The generation of what links lead to, as this process knows it: it moves when this
    /// process changed an item so that its links may stop leading anywhere, and when
    /// [`Store::links_version`] shows that another process did ([`Store::links_changed`]).
    /// A link remembered at an older generation is read again.
    pub fn links_generation(&self) -> u64 {
        self.links_generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Moves [`Store::links_generation`]: every link this process remembers is read again.
    pub fn links_changed(&self) {
        self.links_generation.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    /// The database's count of changes that may stop links (every process's), which the
    /// server reads every second to notice another process's changes.
    pub async fn links_version(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT value FROM change_counters WHERE name = 'links'")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// What a code leads to, if the link exists.
    pub async fn link_target(&self, code: &str) -> Result<Option<LinkTarget>> {
        Ok(sqlx::query_as(
            "SELECT l.id AS link_id, l.network, l.target_url, l.item_id, c.status AS item_status, c.starts_at, \
             c.expires_at, COALESCE(p.slug, '') AS campaign \
             FROM tracked_links l JOIN content_items c ON c.id = l.item_id \
             LEFT JOIN programs p ON p.id = l.program_id WHERE l.code = $1",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The visitor-hash salt of a day, made when first needed; older salts are deleted
    /// so that earlier hashes cannot be recomputed.
    pub async fn visitor_salt(&self, day: i64, make: impl FnOnce() -> String) -> Result<String> {
        sqlx::query("INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING")
            .bind(day)
            .bind(make())
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM visitor_salts WHERE day < $1")
            .bind(day)
            .execute(&self.pool)
            .await?;
        let (salt,): (String,) = sqlx::query_as("SELECT salt FROM visitor_salts WHERE day = $1")
            .bind(day)
            .fetch_one(&self.pool)
            .await?;
        Ok(salt)
    }

    /// Deletes the visitor-hash salts of days before `day`, so that their hashes can no
    /// longer be recomputed even when no click came today.
    pub async fn purge_salts(&self, day: i64) -> Result<()> {
        sqlx::query("DELETE FROM visitor_salts WHERE day < $1")
            .bind(day)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A click (by the id inside its token) and whose link it was. Bots' hits are no
    /// clicks and attribute nothing.
    pub async fn click_source(&self, click_id: i64) -> Result<Option<ClickSource>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT k.id AS click_id, k.at, k.network, l.user_id AS ambassador_id, l.item_id, l.program_id \
             FROM clicks k JOIN tracked_links l ON l.id = k.link_id \
             WHERE k.id = $1 AND k.browser <> 'bot'",
        )
        .bind(click_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The latest clicks by people on links whose target ends with `target_suffix`, one
    /// per link, as attribution sources (the demo's referrals).
    pub async fn recent_person_clicks_for_target(&self, target_suffix: &str, limit: i64) -> Result<Vec<ClickSource>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT k.id AS click_id, k.at, k.network, l.user_id AS ambassador_id, l.item_id, l.program_id \
             FROM clicks k JOIN tracked_links l ON l.id = k.link_id \
             WHERE l.target_url LIKE $1 AND k.browser <> 'bot' \
             AND k.id = (SELECT MAX(k2.id) FROM clicks k2 WHERE k2.link_id = l.id AND k2.browser <> 'bot') \
             ORDER BY k.id LIMIT $2",
        )
        .bind(format!("%{target_suffix}"))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// How many rows the clicks table holds (benchmarks compare it with answered 302s).
    pub async fn count_click_rows(&self) -> Result<i64> {
        self.sync_clicks().await;
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM clicks")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Whether a click row exists, bot or not (tests check answered redirects).
    pub async fn click_exists(&self, click_id: i64) -> Result<bool> {
        self.sync_clicks().await;
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM clicks WHERE id = $1")
            .bind(click_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// An ambassador's numbers per content item (clicks exclude bots; unique visitors
    /// are distinct visitor hashes, which are per link and day, so the sum of the days'
    /// counts), all time, from the roll-up `click_days` (never the raw click rows).
    pub async fn link_numbers_by_item(&self, user_id: i64) -> Result<Vec<LinkNumbers>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT c.title AS label, CAST(c.id AS TEXT) AS key, \
             CAST(COALESCE(SUM(d.clicks), 0) AS BIGINT) AS clicks, \
             CAST(COALESCE(SUM(d.visitors), 0) AS BIGINT) AS unique_visitors, \
             CAST(COALESCE(SUM(d.bots), 0) AS BIGINT) AS bot_hits, \
             CAST(COALESCE(SUM(d.conversions), 0) AS BIGINT) AS conversions \
             FROM tracked_links l JOIN content_items c ON c.id = l.item_id \
             LEFT JOIN click_days d ON d.link_id = l.id \
             WHERE l.user_id = $1 GROUP BY c.id, c.title ORDER BY c.id DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A content item's numbers per network, over every ambassador's links, all time,
    /// from the roll-up `click_days`.
    pub async fn link_numbers_by_network(&self, item_id: i64) -> Result<Vec<LinkNumbers>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT l.network AS label, l.network AS key, \
             CAST(COALESCE(SUM(d.clicks), 0) AS BIGINT) AS clicks, \
             CAST(COALESCE(SUM(d.visitors), 0) AS BIGINT) AS unique_visitors, \
             CAST(COALESCE(SUM(d.bots), 0) AS BIGINT) AS bot_hits, \
             CAST(COALESCE(SUM(d.conversions), 0) AS BIGINT) AS conversions \
             FROM tracked_links l LEFT JOIN click_days d ON d.link_id = l.id \
             WHERE l.item_id = $1 GROUP BY l.network ORDER BY l.network",
        )
        .bind(item_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// The file path of a `sqlite://` URL; `None` for an in-memory database.
fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    if path.is_empty() || path.contains(":memory:") {
        None
    } else {
        Some(path.to_string())
    }
}

/// Flushes the directory holding `path` to the disk (its entries: files created in it).
pub(crate) fn sync_parent_dir(path: &str) -> std::result::Result<(), String> {
    let dir = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| format!("syncing {}: {e}", dir.display()))
}

/// Counts, in the transaction of the change, a change after which links may lead
/// elsewhere ([`Store::links_version`]).
pub(crate) async fn count_links_change(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<()> {
    sqlx::query("UPDATE change_counters SET value = value + 1 WHERE name = 'links'")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sqlite_paths_come_from_urls() {
        assert_eq!(
            super::sqlite_path("sqlite://./a.db?mode=rwc").as_deref(),
            Some("./a.db")
        );
        assert_eq!(super::sqlite_path("sqlite:///tmp/a.db").as_deref(), Some("/tmp/a.db"));
        assert_eq!(super::sqlite_path("sqlite::memory:"), None);
    }
}
