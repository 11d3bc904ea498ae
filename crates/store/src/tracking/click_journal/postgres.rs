//! The click journal of a PostgreSQL database: each server process appends to a pair of
//! files of its own, `<data_dir>/clicks/<database's journal id>/<random>-0` and `-1`,
//! locked while it runs, and its loader thread inserts the clicks with their roll-ups in
//! one transaction per load, on a connection of its own (a thread with its own runtime,
//! so that it never waits on the server's). Click ids come from the table's sequence in
//! blocks of [`IDS_BLOCK`], taken ahead of need, so processes never give the same one.
//!
//! A process that was killed leaves its pair unlocked: the next process that opens the
//! journal with the same `data_dir` loads it (ids already in the table are skipped) and
//! deletes it before serving. The loader commits in full in both durability modes: a
//! file is emptied only once its clicks are durable in PostgreSQL, so a crash of
//! PostgreSQL loses nothing either.

use super::format::decode;
use super::{ClickJournal, Row, Shared, Sink, Start, random_id, run_loader};
use crate::tracking::{ClickOptions, Durability};
use sqlx::{AnyConnection, Connection};
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::ops::Range;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long one round with the database (connecting, a load, taking ids) may take before
/// it counts as failed and the connection is made anew: a database that hangs must not
/// hold the loader, and with it a server's graceful stop, for ever. A load of 137,000
/// clicks took 2.4 s.
const ROUND_TIMEOUT: Duration = Duration::from_secs(60);
/// How often a journal left by a killed process is tried at start-up before the server
/// gives up starting.
const ADOPT_TRIES: usize = 3;

/// Ids taken from the sequence at a time; more are taken when fewer than half are left,
/// several seconds of the hot path's top speed ahead: the loader takes them between two
/// loads, and an append that ran out would hold its serving thread until then (with
/// blocks of 100,000 the p99 of redirects rose to 200-770 ms at 67,000 a second). A
/// process that stops leaves the rest of its block unused: ids are 64-bit.
pub(crate) const IDS_BLOCK: i64 = 1_000_000;

/// Inserts a load's clicks from one JSON parameter (one statement for thousands of rows),
/// skipping ids already there (loaded before a crash) and clicks whose link was deleted
/// meanwhile (its clicks went with it); returns the ids it inserted. A link deleted by a
/// transaction that commits while this one runs fails the foreign key and the whole load;
/// the loader tries again a second later, when the link is gone and its clicks skipped
/// (locking each link `FOR KEY SHARE` here would wait instead, at a cost on every row).
const LOAD_CLICKS: &str = "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser, referrer_host) \
     SELECT r.id, r.link_id, r.at, r.network, r.visitor_hash, r.browser, r.referrer_host \
     FROM json_to_recordset(CAST($1 AS JSON)) AS r(id BIGINT, link_id BIGINT, at BIGINT, network TEXT, \
     visitor_hash TEXT, browser TEXT, referrer_host TEXT) \
     WHERE EXISTS (SELECT 1 FROM tracked_links l WHERE l.id = r.link_id) \
     ON CONFLICT (id) DO NOTHING RETURNING id";

/// Takes `$2` ids from the sequence named `$1` and returns them as runs of consecutive
/// ids (first, end, count): other processes taking ids at the same time split them. The
/// values come in the order of `n`, so a run is a group of equal `id - n`; a group whose
/// count does not fill its span (values out of order) is not used. Naming the sequence
/// once instead of calling `pg_get_serial_sequence` per id made a million ids take 0.9 s
/// instead of 3.6.
const RESERVE_IDS: &str = "SELECT MIN(id), MAX(id) + 1, COUNT(*) FROM \
     (SELECT nextval(CAST($1 AS regclass)) AS id, n FROM generate_series(1, $2) n) s GROUP BY id - n ORDER BY 1";

/// The loader's side: a runtime of its own and one connection, made again after an error.
struct PgSink {
    rt: tokio::runtime::Runtime,
    url: String,
    conn: Option<AnyConnection>,
    /// The clicks' id sequence, once looked up.
    sequence: Option<String>,
}

impl PgSink {
    fn run<T>(
        &mut self,
        f: impl for<'c> AsyncFnOnce(&'c mut AnyConnection) -> Result<T, sqlx::Error>,
    ) -> Result<T, String> {
        let PgSink { rt, url, conn, .. } = self;
        let round = async {
            if conn.is_none() {
                *conn = Some(AnyConnection::connect(url).await?);
            }
            match conn.as_mut() {
                Some(c) => f(c).await,
                None => Err(sqlx::Error::PoolClosed),
            }
        };
        let result = rt.block_on(async {
            tokio::time::timeout(ROUND_TIMEOUT, round)
                .await
                .unwrap_or_else(|_| Err(sqlx::Error::PoolTimedOut))
        });
        if result.is_err() {
            // A broken connection is made anew on the next try.
            *conn = None;
        }
        result.map_err(|e| e.to_string())
    }
}

impl Sink for PgSink {
    fn load(&mut self, rows: &[Row<'_>]) -> Result<(), String> {
        let json = serde_json::to_string(rows).map_err(|e| e.to_string())?;
        self.run(async |conn| {
            let mut tx = conn.begin().await?;
            let inserted: Vec<(i64,)> = sqlx::query_as(LOAD_CLICKS).bind(json).fetch_all(&mut *tx).await?;
            let inserted: HashSet<i64> = inserted.into_iter().map(|r| r.0).collect();
            let hits = rows.iter().filter(|r| inserted.contains(&r.id)).map(Row::hit);
            crate::reports::rollups::add_hits(&mut tx, hits)
                .await
                .map_err(|e| match e {
                    crate::StoreError::Db(e) => e,
                    other => sqlx::Error::Protocol(other.to_string()),
                })?;
            tx.commit().await
        })
    }

    fn reserve(&mut self, n: i64) -> Result<Vec<Range<i64>>, String> {
        let sequence = match &self.sequence {
            Some(s) => s.clone(),
            None => {
                let (name,): (String,) = self.run(async |conn| {
                    sqlx::query_as("SELECT pg_get_serial_sequence('clicks', 'id')")
                        .fetch_one(&mut *conn)
                        .await
                })?;
                self.sequence = Some(name.clone());
                name
            }
        };
        let runs: Vec<(i64, i64, i64)> = self.run(async |conn| {
            sqlx::query_as(RESERVE_IDS)
                .bind(sequence)
                .bind(n)
                .fetch_all(&mut *conn)
                .await
        })?;
        Ok(runs
            .into_iter()
            .filter(|(first, end, count)| end - first == *count)
            .map(|(first, end, _)| first..end)
            .collect())
    }
}

/// The database's journal id, made (at random) the first time.
fn database_id(sink: &mut PgSink) -> Result<u64, String> {
    let made = random_id().to_string();
    let (id,): (String,) = sink.run(async |conn| {
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(super::DB_ID_SETTING)
            .bind(made)
            .execute(&mut *conn)
            .await?;
        sqlx::query_as("SELECT value FROM settings WHERE name = $1")
            .bind(super::DB_ID_SETTING)
            .fetch_one(&mut *conn)
            .await
    })?;
    Ok(id.parse().unwrap_or_default())
}

/// Opens a journal file, created readable by this user alone (visitor hashes and
/// referrers are personal data).
fn open_file(path: &Path) -> Result<File, String> {
    OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("click journal {}: {e}", path.display()))
}

/// The pair of files `<stem>-0` and `<stem>-1` in `dir`.
fn pair(dir: &Path, stem: &str) -> [PathBuf; 2] {
    [dir.join(format!("{stem}-0")), dir.join(format!("{stem}-1"))]
}

/// Loads what killed processes left in `dir` (pairs nobody holds locked) and deletes
/// their files; returns how many clicks were loaded.
fn adopt(dir: &Path, own: &str, db_id: u64, sink: &mut PgSink) -> Result<usize, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("click journal {}: {e}", dir.display()))?;
    let mut loaded = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix("-0") else { continue };
        if stem == own {
            continue;
        }
        let paths = pair(dir, stem);
        let first = open_file(&paths[0])?;
        match first.try_lock() {
            Ok(()) => {}
            // A running process's journal.
            Err(std::fs::TryLockError::WouldBlock) => continue,
            Err(std::fs::TryLockError::Error(e)) => return Err(format!("locking {}: {e}", paths[0].display())),
        }
        let mut records = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            let mut bytes = Vec::new();
            let read = if i == 0 {
                (&first).read_to_end(&mut bytes)
            } else {
                match File::open(path) {
                    Ok(mut f) => f.read_to_end(&mut bytes),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
                    Err(e) => Err(e),
                }
            };
            read.map_err(|e| format!("click journal {}: {e}", path.display()))?;
            records.extend(decode(db_id, &bytes));
        }
        records.sort_by_key(|r| r.id);
        if !records.is_empty() {
            let rows: Vec<Row<'_>> = records.iter().map(Row::of_record).collect();
            let mut tries = 0;
            while let Err(e) = sink.load(&rows) {
                tries += 1;
                if tries >= ADOPT_TRIES {
                    return Err(format!("loading the click journal {}: {e}", paths[0].display()));
                }
                tracing::warn!(error = %e, "loading a stopped process's click journal failed; trying again");
                std::thread::sleep(super::RETRY_AFTER);
            }
            loaded += records.len();
        }
        for path in paths.iter().rev() {
            match std::fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("click journal {}: {e}", path.display())),
            }
        }
    }
    Ok(loaded)
}

/// Connects, opens this process's files, loads what killed processes left and takes the
/// first ids: everything before the first redirect.
fn start(url: &str, data_dir: &Path, options: ClickOptions) -> Result<(PgSink, Start), String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut sink = PgSink {
        rt,
        url: url.to_string(),
        conn: None,
        sequence: None,
    };
    let db_id = database_id(&mut sink).map_err(|e| format!("click journal id: {e}"))?;
    let dir = data_dir.join("clicks").join(db_id.to_string());
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| format!("click journal {}: {e}", dir.display()))?;
    let own = format!("{:016x}", random_id());
    let paths = pair(&dir, &own);
    // Made under names that adoption passes over, locked, and only then given their
    // names: a process starting at the same moment never takes a live journal for a
    // dead one's (the rename keeps the open file and its lock).
    let hidden = pair(&dir, &format!(".{own}"));
    let files = [open_file(&hidden[0])?, open_file(&hidden[1])?];
    files[0]
        .try_lock()
        .map_err(|e| format!("locking the click journal {}: {e}", hidden[0].display()))?;
    for i in [1, 0] {
        std::fs::rename(&hidden[i], &paths[i]).map_err(|e| format!("click journal {}: {e}", paths[i].display()))?;
    }
    if options.durability == Durability::Fsync {
        // The files' names, too, must outlive a power cut, and so must the directories.
        for d in [Some(dir.as_path()), dir.parent(), Some(data_dir)]
            .into_iter()
            .flatten()
        {
            crate::tracking::sync_parent_dir(&d.join("x").display().to_string())
                .map_err(|e| format!("click journal: {e}"))?;
        }
    }
    let loaded = adopt(&dir, &own, db_id, &mut sink)?;
    if loaded > 0 {
        tracing::info!(clicks = loaded, "click journal of a stopped process loaded");
    }
    let ids = sink.reserve(IDS_BLOCK).map_err(|e| format!("taking click ids: {e}"))?;
    Ok((
        sink,
        Start {
            files,
            db_id,
            ids,
            ids_low: IDS_BLOCK / 2,
            last: 0,
            options,
        },
    ))
}

impl ClickJournal {
    /// Opens this process's click journal for the PostgreSQL database at `url`, under
    /// `data_dir`, and starts its loader: what processes that were killed left there is
    /// loaded first (blocking until it is).
    pub fn open_postgres(url: &str, data_dir: &Path, options: ClickOptions) -> Result<ClickJournal, String> {
        let (url, data_dir) = (url.to_string(), data_dir.to_path_buf());
        let (ready, started) = std::sync::mpsc::channel();
        let loader = std::thread::Builder::new()
            .name("click-loader".into())
            .spawn(move || match start(&url, &data_dir, options) {
                Ok((mut sink, start)) => {
                    let shared = Arc::new(Shared::new(start));
                    if ready.send(Ok(shared.clone())).is_ok() {
                        run_loader(&shared, &mut sink);
                    }
                }
                Err(e) => {
                    let _ = ready.send(Err(e));
                }
            })
            .map_err(|e| e.to_string())?;
        let shared = started
            .recv()
            .map_err(|_| "the click loader stopped while starting".to_string())??;
        Ok(ClickJournal {
            shared,
            loader: Mutex::new(Some(loader)),
        })
    }
}

#[cfg(test)]
#[path = "postgres_tests.rs"]
mod tests;
