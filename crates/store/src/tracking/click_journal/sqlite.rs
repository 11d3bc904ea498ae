//! The click journal of a SQLite file: its two files next to the database
//! (`<database>-clicks-0` and `-1`), and the loader's connection, which inserts one row
//! per statement.

use super::format::decode;
use super::{Row, Sink, random_id};
use std::fs::{File, OpenOptions};
use std::io::Read;

/// The database's journal id, made (at random) the first time.
pub(super) fn database_id(conn: &rusqlite::Connection) -> rusqlite::Result<u64> {
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        rusqlite::params![super::DB_ID_SETTING, random_id().to_string()],
    )?;
    let id: String = conn.query_row(
        "SELECT value FROM settings WHERE name = ?1",
        [super::DB_ID_SETTING],
        |r| r.get(0),
    )?;
    Ok(id.parse().unwrap_or_default())
}

/// Inserts clicks with their ids in one transaction, with their roll-ups
/// ([`crate::reports::rollups`]). A click whose id is already there
/// (loaded before a crash) is skipped, and so is one whose link was deleted meanwhile
/// (its clicks went with it): the foreign key refuses that row alone.
///
/// One row per statement on purpose: SQLite runs a statement that may write several
/// rows (`INSERT … SELECT`, several `VALUES`) with a statement journal, so that a row
/// refused half-way can be undone, and that journal cost more than the row itself
/// (docs/PERFORMANCE.md).
const LOAD_CLICK: &str = "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser, referrer_host) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING";

fn load(conn: &mut rusqlite::Connection, rows: &[Row<'_>]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    let mut loaded = Vec::new();
    {
        let mut stmt = tx.prepare_cached(LOAD_CLICK)?;
        for r in rows {
            match stmt.execute(rusqlite::params![
                r.id,
                r.link_id,
                r.at,
                r.network,
                r.visitor_hash,
                r.browser,
                r.referrer_host
            ]) {
                // Not loaded before: the roll-ups count it.
                Ok(1) => loaded.push(r.hit()),
                Ok(_) => {}
                // The link is gone: so is this click. Nothing of the row was written, and
                // the transaction goes on.
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {}
                Err(e) => return Err(e),
            }
        }
    }
    crate::reports::rollups::add_hits_rusqlite(&tx, loaded)?;
    tx.commit()
}

/// Opens the two journal files of the SQLite database at `db_path` (created when
/// missing) and locks the first: the one process that holds the lock serves the database.
/// Only a server's click writer opens the journal ([`crate::Store::click_writer`]), so
/// commands that use the pool alone (`ambasada token create` and the like) run beside it.
pub(super) fn open_files(db_path: &str) -> std::result::Result<[File; 2], String> {
    let open = |i: usize| {
        OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(format!("{db_path}-clicks-{i}"))
            .map_err(|e| format!("click journal {db_path}-clicks-{i}: {e}"))
    };
    let files = [open(0)?, open(1)?];
    // Ids are given here, so two processes on one database would give the same ones.
    // The lock goes with the process, even a killed one.
    match files[0].try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(format!(
                "another process serves {db_path} (its click journal is locked); SQLite runs one instance"
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(format!("locking the click journal: {e}")),
    }
    Ok(files)
}

/// Loads into the table on `conn` what an earlier process left in the journal `files`,
/// empties them, and returns the last click id given so far (in the table or the files).
pub(super) fn recover(
    conn: &mut rusqlite::Connection,
    db_id: u64,
    files: &mut [File; 2],
) -> std::result::Result<i64, String> {
    let mut left = Vec::new();
    for f in files.iter_mut() {
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        left.extend(decode(db_id, &bytes));
    }
    left.sort_by_key(|r| r.id);
    if !left.is_empty() {
        let rows: Vec<Row<'_>> = left.iter().map(Row::of_record).collect();
        load(conn, &rows).map_err(|e| format!("loading the click journal: {e}"))?;
        tracing::info!(clicks = left.len(), "click journal loaded after a restart");
    }
    for f in files.iter() {
        f.set_len(0).map_err(|e| e.to_string())?;
    }
    let max_in_table: i64 = conn
        .query_row("SELECT COALESCE(MAX(id), 0) FROM clicks", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    Ok(max_in_table.max(left.last().map_or(0, |r| r.id)))
}

/// The loader of a SQLite file: its own connection, and what to call after each commit
/// (the checkpointer's nudge).
pub(super) struct SqliteSink<F> {
    pub conn: rusqlite::Connection,
    pub on_commit: F,
}

impl<F: Fn() + Send + 'static> Sink for SqliteSink<F> {
    fn load(&mut self, rows: &[Row<'_>]) -> Result<(), String> {
        load(&mut self.conn, rows).map_err(|e| e.to_string())?;
        (self.on_commit)();
        Ok(())
    }

    fn reserve(&mut self, _n: i64) -> Result<Vec<std::ops::Range<i64>>, String> {
        // Ids are given from one range that never runs out.
        Ok(Vec::new())
    }
}
