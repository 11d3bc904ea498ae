//! The click journal of a SQLite file: where a redirect's click is committed before the
//! redirect is answered, and from which a loader thread moves clicks into the `clicks`
//! table in large transactions.
//!
//! A commit here is one `write` of a whole batch to an append-only file next to the
//! database. With `click_durability = "process"` (the default) that is the same
//! durability as a SQLite commit in WAL mode with `synchronous = NORMAL`: the bytes are
//! in the operating system when the call returns, so a killed process loses nothing,
//! and a power cut may lose what the system had not yet written out. With `"fsync"` each
//! batch is also `fdatasync`ed before its redirects are answered, and the loader commits
//! with `synchronous = FULL` before it empties a file, so a power cut loses nothing
//! answered either ([`Durability`]). It costs one system call per batch, where a
//! SQLite commit of a dozen clicks appended several whole 4 KiB pages to the WAL and took
//! file locks (docs/PERFORMANCE.md). The loader inserts whatever has gathered in the last
//! 100 ms in one transaction, so under load a transaction holds thousands of clicks.
//! Reads of clicks through the [`Store`](crate::Store) first ask for everything
//! journalled and wait until it is loaded ([`ClickJournal::synced`]), so a click is
//! visible as soon as its redirect was answered.
//!
//! Two files take turns (`<database>-clicks-0` and `-1`): appends go to one while the
//! loader loads what was appended to the other, which it empties once its clicks are
//! committed. At start-up both are read back and whatever they hold is loaded (ids that
//! are already in the table are skipped), so a crash between the journal and the table
//! loses nothing. A batch whose bytes did not all reach the file (the process died inside
//! the write) fails its checksum and is dropped: its redirects were never answered. The
//! checksum also covers a random id the database keeps in its settings, so files left
//! behind by a database that was deleted are not loaded into a new one. The checksum is
//! CRC-32C (batches marked `AMB2`); batches of files written by earlier versions (`AMB1`,
//! FNV-1a) are still read back.
//!
//! The clicks waiting for the loader are held in memory too, about `click_backlog`
//! of them (one batch more at most): past that (a loader that cannot keep up or keeps failing) an append is
//! refused with [`WriteError::Full`], so redirects answer 503 instead of memory growing
//! without bound.
//!
//! Click ids are given here (the largest in the table, plus one, and on), so the
//! redirect can carry its click's token before the row exists.

use crate::reports::rollups::Hit;
use crate::tracking::{ClickOptions, Durability, NewClick, WriteError};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// Marks the start of a batch in a journal file: "AMB2", checksummed with CRC-32C.
const MAGIC: u32 = 0x414d_4232;
/// Marks a batch written by an earlier version, checksummed with FNV-1a ([`fnv`]).
const MAGIC_V1: u32 = 0x414d_4231;
/// CRC-32C (Castagnoli), from the `crc` crate's catalog.
const CRC32C: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
/// How long a read of clicks waits for the loader at most before it goes ahead.
const SYNC_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the loader waits before trying again after a failed transaction.
const RETRY_AFTER: Duration = Duration::from_secs(1);
/// How long clicks wait in the journal before the loader takes them, at most, unless a
/// read is waiting for them ([`ClickJournal::synced`]). Under load one transaction then
/// holds thousands of clicks: each commit writes every page it changed to the WAL, and
/// with clicks spread over many links a transaction of 6,000 cost half as much per click
/// as one of 1,200 (`cargo run --release -p ambasada-store --example click_load`).
const LOAD_EVERY: Duration = Duration::from_millis(100);
/// Clicks waiting after which the loader takes them at once.
const LOAD_AT: usize = 16_384;

/// One journalled click as read back from a file.
#[derive(Debug, Clone, PartialEq)]
struct Record {
    id: i64,
    link_id: i64,
    at: i64,
    network: String,
    visitor_hash: String,
    browser: String,
    referrer_host: Option<String>,
}

struct State {
    files: [File; 2],
    /// The database's journal id ([`checksum`]).
    db_id: u64,
    /// Bytes of whole batches in each file.
    lens: [u64; 2],
    /// The file appends go to.
    current: usize,
    /// Journalled and not yet handed to the loader, in id order.
    queued: Vec<(i64, NewClick)>,
    /// The loader's last batch, emptied, to queue into next: a queue that grew to its
    /// size anew after every load made the serving threads fault in fresh memory.
    spare: Vec<(i64, NewClick)>,
    next_id: i64,
    /// The last id journalled (and queued).
    appended: i64,
    /// Set by [`ClickJournal::close`]: no more appends; the loader drains and stops.
    closing: bool,
    /// A read waits for the queued clicks: load them now.
    wanted: bool,
    /// Clicks the loader took and has not committed yet.
    loading: usize,
    /// Durability and the backlog's bound.
    options: ClickOptions,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the loader when clicks are queued or the journal closes.
    work: Condvar,
    /// The last id loaded into the table.
    loaded: tokio::sync::watch::Sender<i64>,
}

/// The journal and its loader thread; see the module documentation.
pub struct ClickJournal {
    shared: Arc<Shared>,
    loader: Mutex<Option<std::thread::JoinHandle<()>>>,
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves consistent data (every change is a push, a
    // swap or a counter), so a poisoned lock is taken over.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    let s = &s.as_bytes()[..s.len().min(usize::from(u16::MAX - 1))];
    buf.extend_from_slice(&(s.len() as u16).to_le_bytes());
    buf.extend_from_slice(s);
}

/// CRC-32C over the database's journal id and the batch: tells a batch whose bytes did
/// not all reach the file, and one written for another database (files left behind when
/// a database was deleted and made anew).
fn checksum(db_id: u64, bytes: &[u8]) -> u64 {
    let mut digest = CRC32C.digest();
    digest.update(&db_id.to_le_bytes());
    digest.update(bytes);
    u64::from(digest.finalize())
}

/// FNV-1a, 64 bits, over the same: the checksum of `AMB1` batches.
fn fnv(db_id: u64, bytes: &[u8]) -> u64 {
    db_id
        .to_le_bytes()
        .iter()
        .chain(bytes)
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
}

/// The setting naming the database for its journal (see [`checksum`]).
const DB_ID_SETTING: &str = "click_journal_id";

/// A batch as it goes to the file: magic, payload length, checksum, payload.
fn encode(db_id: u64, first_id: i64, clicks: &[NewClick]) -> Vec<u8> {
    // The header is filled in once the payload is written after it: one buffer.
    let mut out = Vec::with_capacity(16 + clicks.len() * 96);
    out.resize(16, 0);
    for (i, c) in clicks.iter().enumerate() {
        out.extend_from_slice(&(first_id + i as i64).to_le_bytes());
        out.extend_from_slice(&c.link_id.to_le_bytes());
        out.extend_from_slice(&c.at.to_le_bytes());
        put_str(&mut out, c.network);
        put_str(&mut out, &c.visitor_hash);
        put_str(&mut out, c.browser);
        match &c.referrer_host {
            Some(h) => {
                out.push(1);
                put_str(&mut out, h);
            }
            None => out.push(0),
        }
    }
    let len = (out.len() - 16) as u32;
    let sum = checksum(db_id, &out[16..]);
    out[0..4].copy_from_slice(&MAGIC.to_le_bytes());
    out[4..8].copy_from_slice(&len.to_le_bytes());
    out[8..16].copy_from_slice(&sum.to_le_bytes());
    out
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<String> {
        let n = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        String::from_utf8(self.take(usize::from(n))?.to_vec()).ok()
    }
}

/// The records of a journal file's bytes, up to the first batch that is incomplete,
/// damaged (a write the process did not finish) or another database's.
fn decode(db_id: u64, mut bytes: &[u8]) -> Vec<Record> {
    let mut out = Vec::new();
    while bytes.len() >= 16 {
        let magic = u32::from_le_bytes(bytes[0..4].try_into().unwrap_or_default());
        let len = u32::from_le_bytes(bytes[4..8].try_into().unwrap_or_default()) as usize;
        let sum = u64::from_le_bytes(bytes[8..16].try_into().unwrap_or_default());
        let sum_of = match magic {
            MAGIC => checksum,
            MAGIC_V1 => fnv,
            _ => break,
        };
        if bytes.len() - 16 < len || sum_of(db_id, &bytes[16..16 + len]) != sum {
            break;
        }
        let mut r = Reader(&bytes[16..16 + len]);
        let mut batch = Vec::new();
        while !r.0.is_empty() {
            let record = (|| {
                Some(Record {
                    id: r.i64()?,
                    link_id: r.i64()?,
                    at: r.i64()?,
                    network: r.str()?,
                    visitor_hash: r.str()?,
                    browser: r.str()?,
                    referrer_host: match r.take(1)?[0] {
                        0 => None,
                        _ => Some(r.str()?),
                    },
                })
            })();
            match record {
                Some(rec) => batch.push(rec),
                None => return out,
            }
        }
        out.extend(batch);
        bytes = &bytes[16 + len..];
    }
    out
}

/// The database's journal id, made (at random) the first time.
fn database_id(conn: &rusqlite::Connection) -> rusqlite::Result<u64> {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    h.write_u32(std::process::id());
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        rusqlite::params![DB_ID_SETTING, h.finish().to_string()],
    )?;
    let id: String = conn.query_row("SELECT value FROM settings WHERE name = ?1", [DB_ID_SETTING], |r| {
        r.get(0)
    })?;
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

fn load<'a>(
    conn: &mut rusqlite::Connection,
    rows: impl Iterator<Item = (i64, i64, i64, &'a str, &'a str, &'a str, Option<&'a str>)>,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    let mut loaded = Vec::new();
    {
        let mut stmt = tx.prepare_cached(LOAD_CLICK)?;
        for (id, link_id, at, network, hash, browser, referrer) in rows {
            match stmt.execute(rusqlite::params![id, link_id, at, network, hash, browser, referrer]) {
                // Not loaded before: the roll-ups count it.
                Ok(1) => loaded.push(Hit {
                    link_id,
                    at,
                    visitor_hash: hash,
                    bot: browser == "bot",
                }),
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
fn open_files(db_path: &str) -> std::result::Result<[File; 2], String> {
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
fn recover(conn: &mut rusqlite::Connection, db_id: u64, files: &mut [File; 2]) -> std::result::Result<i64, String> {
    let mut left = Vec::new();
    for f in files.iter_mut() {
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        left.extend(decode(db_id, &bytes));
    }
    left.sort_by_key(|r| r.id);
    if !left.is_empty() {
        load(
            conn,
            left.iter().map(|r| {
                (
                    r.id,
                    r.link_id,
                    r.at,
                    r.network.as_str(),
                    r.visitor_hash.as_str(),
                    r.browser.as_str(),
                    r.referrer_host.as_deref(),
                )
            }),
        )
        .map_err(|e| format!("loading the click journal: {e}"))?;
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

impl ClickJournal {
    /// Opens the journal of the SQLite database at `db_path`, loads what an earlier
    /// process left in it, and starts the loader on `conn` (a connection of its own to
    /// the same database). `on_commit` runs after each transaction of the loader.
    pub fn open(
        db_path: &str,
        conn: rusqlite::Connection,
        on_commit: impl Fn() + Send + 'static,
    ) -> std::result::Result<ClickJournal, String> {
        ClickJournal::open_with(db_path, conn, on_commit, ClickOptions::default())
    }

    /// [`ClickJournal::open`] with a durability and a backlog bound.
    pub fn open_with(
        db_path: &str,
        mut conn: rusqlite::Connection,
        on_commit: impl Fn() + Send + 'static,
        options: ClickOptions,
    ) -> std::result::Result<ClickJournal, String> {
        let mut files = open_files(db_path)?;
        if options.durability == Durability::Fsync {
            // The files' names, too, must outlive a power cut.
            super::sync_parent_dir(db_path).map_err(|e| format!("click journal: {e}"))?;
        }
        // [`load`] relies on the foreign key to skip clicks of deleted links. With
        // "fsync", a file is emptied only after a commit that reached the disk.
        let synchronous = match options.durability {
            Durability::Process => "",
            Durability::Fsync => " PRAGMA synchronous = FULL;",
        };
        conn.execute_batch(&format!("PRAGMA foreign_keys = ON;{synchronous}"))
            .map_err(|e| format!("click journal: {e}"))?;
        let db_id = database_id(&conn).map_err(|e| format!("click journal id: {e}"))?;
        let last = recover(&mut conn, db_id, &mut files)?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                files,
                db_id,
                lens: [0, 0],
                current: 0,
                queued: Vec::new(),
                spare: Vec::new(),
                next_id: last + 1,
                appended: last,
                closing: false,
                wanted: false,
                loading: 0,
                options,
            }),
            work: Condvar::new(),
            loaded: tokio::sync::watch::Sender::new(last),
        });
        let s = shared.clone();
        let loader = std::thread::Builder::new()
            .name("click-loader".into())
            .spawn(move || run_loader(&s, &mut conn, on_commit))
            .map_err(|e| e.to_string())?;
        Ok(ClickJournal {
            shared,
            loader: Mutex::new(Some(loader)),
        })
    }

    /// Clicks waiting for the loader (queued or being loaded), and the most that may.
    pub fn backlog(&self) -> (usize, usize) {
        let st = lock(&self.shared.state);
        (st.queued.len() + st.loading, st.options.backlog)
    }

    /// Commits a batch of clicks to the journal (one write, and with "fsync" an
    /// `fdatasync`) and returns their ids, in order. Blocking; all or nothing (a failed
    /// write gives no ids and queues nothing). Refused while the backlog is at its bound.
    pub fn append(&self, batch: Vec<NewClick>) -> std::result::Result<Vec<i64>, WriteError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = lock(&self.shared.state);
        if st.closing {
            return Err(WriteError::Failed("the click journal is closed".into()));
        }
        let waiting = st.queued.len() + st.loading;
        if waiting >= st.options.backlog {
            return Err(WriteError::Full(waiting));
        }
        let first = st.next_id;
        let bytes = encode(st.db_id, first, &batch);
        let current = st.current;
        let fsync = st.options.durability == Durability::Fsync;
        let written = st.files[current]
            .write_all(&bytes)
            .and_then(|()| if fsync { st.files[current].sync_data() } else { Ok(()) });
        if let Err(e) = written {
            // Cut off whatever part reached the file, so that the batches appended after
            // it are read back at a restart (reading stops at a damaged batch). The ids
            // stay unused.
            let whole = st.lens[current];
            if let Err(e) = st.files[current].set_len(whole) {
                tracing::error!(error = %e, "cutting a failed write off the click journal failed");
            }
            st.next_id += batch.len() as i64;
            return Err(WriteError::Failed(format!("click journal: {e}")));
        }
        st.lens[current] += bytes.len() as u64;
        let n = batch.len() as i64;
        st.next_id += n;
        st.appended = first + n - 1;
        let was_empty = st.queued.is_empty();
        st.queued.extend((first..).zip(batch));
        let full = st.queued.len() >= LOAD_AT;
        drop(st);
        if was_empty || full {
            self.shared.work.notify_one();
        }
        Ok((first..first + n).collect())
    }

    /// Waits until every click journalled before the call is in the table (at most a few
    /// seconds; a loader that cannot write has logged why).
    pub async fn synced(&self) {
        let mut loaded = self.shared.loaded.subscribe();
        let target = {
            let mut st = lock(&self.shared.state);
            if *loaded.borrow() >= st.appended {
                return;
            }
            st.wanted = true;
            st.appended
        };
        self.shared.work.notify_one();
        if tokio::time::timeout(SYNC_TIMEOUT, loaded.wait_for(|l| *l >= target))
            .await
            .is_err()
        {
            tracing::warn!("clicks not loaded from the journal in time; reading without them");
        }
    }

    /// Stops taking clicks, loads every journalled one and stops the loader. Idempotent.
    pub fn close(&self) {
        lock(&self.shared.state).closing = true;
        self.shared.work.notify_one();
        let handle = self.loader.lock().ok().and_then(|mut l| l.take());
        if let Some(h) = handle {
            let _ = h.join();
            // Loaded and stopped: another process may take the database now.
            let _ = lock(&self.shared.state).files[0].unlock();
        }
    }
}

impl Drop for ClickJournal {
    fn drop(&mut self) {
        self.close();
    }
}

fn run_loader(shared: &Shared, conn: &mut rusqlite::Connection, on_commit: impl Fn()) {
    loop {
        let (mut batch, done_file) = {
            let mut st = lock(&shared.state);
            while st.queued.is_empty() && !st.closing {
                st = shared.work.wait(st).unwrap_or_else(|p| p.into_inner());
            }
            // Let clicks gather for a while (a transaction per click would cost the most),
            // unless a read waits, the journal closes or enough are waiting.
            let (mut st, _) = shared
                .work
                .wait_timeout_while(st, LOAD_EVERY, |st| {
                    !st.closing && !st.wanted && st.queued.len() < LOAD_AT
                })
                .unwrap_or_else(|p| p.into_inner());
            if st.queued.is_empty() {
                if st.closing {
                    return;
                }
                continue;
            }
            st.wanted = false;
            let spare = std::mem::take(&mut st.spare);
            let batch = std::mem::replace(&mut st.queued, spare);
            st.loading = batch.len();
            // From now on appends go to the other file (emptied after its last load).
            let done_file = st.current;
            st.current = 1 - st.current;
            (batch, done_file)
        };
        let last = batch.last().map_or(0, |(id, _)| *id);
        loop {
            let rows = batch.iter().map(|(id, c)| {
                (
                    *id,
                    c.link_id,
                    c.at,
                    c.network,
                    c.visitor_hash.as_str(),
                    c.browser,
                    c.referrer_host.as_deref(),
                )
            });
            match load(conn, rows) {
                Ok(()) => break,
                Err(e) => {
                    // The clicks stay in the journal file; try again (or at the next start).
                    tracing::error!(error = %e, clicks = batch.len(), "loading clicks from the journal failed");
                    if lock(&shared.state).closing {
                        return;
                    }
                    std::thread::sleep(RETRY_AFTER);
                }
            }
        }
        on_commit();
        batch.clear();
        {
            let mut st = lock(&shared.state);
            st.loading = 0;
            st.spare = batch;
            match st.files[done_file].set_len(0) {
                Ok(()) => st.lens[done_file] = 0,
                Err(e) => tracing::error!(error = %e, "emptying a click journal file failed"),
            }
        }
        shared.loaded.send_replace(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn click(link_id: i64, referrer: Option<&str>) -> NewClick {
        NewClick {
            link_id,
            at: 1_700_000_000_000,
            network: "linkedin",
            visitor_hash: "0123456789abcdef0123456789abcdef".into(),
            browser: "desktop",
            referrer_host: referrer.map(str::to_string),
        }
    }

    #[test]
    fn batches_read_back_as_written() {
        let mut bytes = encode(5, 7, &[click(1, Some("www.linkedin.com")), click(2, None)]);
        bytes.extend(encode(5, 9, &[click(3, Some("t.co"))]));
        let ids: Vec<(i64, i64, Option<String>)> = decode(5, &bytes)
            .into_iter()
            .map(|r| (r.id, r.link_id, r.referrer_host))
            .collect();
        assert_eq!(
            ids,
            vec![
                (7, 1, Some("www.linkedin.com".into())),
                (8, 2, None),
                (9, 3, Some("t.co".into()))
            ]
        );
    }

    #[test]
    fn an_unfinished_or_damaged_batch_ends_the_file() {
        let first = encode(5, 1, &[click(1, None)]);
        let second = encode(5, 2, &[click(2, None), click(3, None)]);
        let mut torn = first.clone();
        torn.extend_from_slice(&second[..second.len() - 1]);
        assert_eq!(decode(5, &torn).len(), 1, "a batch cut short is dropped");
        let mut flipped = first.clone();
        flipped.extend_from_slice(&second);
        let at = flipped.len() - 5;
        flipped[at] ^= 1;
        assert_eq!(decode(5, &flipped).len(), 1, "a batch with a changed byte is dropped");
        assert_eq!(decode(5, &[]).len(), 0);
        assert_eq!(decode(5, &first[..10]).len(), 0);
        assert_eq!(decode(6, &first).len(), 0, "another database's batch is not read");
    }

    #[test]
    fn files_of_the_earlier_version_are_still_read() {
        // An `AMB1` batch as earlier versions wrote it: FNV-1a in place of CRC-32C.
        let mut old = encode(5, 1, &[click(1, None)]);
        let sum = fnv(5, &old[16..]);
        old[0..4].copy_from_slice(&MAGIC_V1.to_le_bytes());
        old[8..16].copy_from_slice(&sum.to_le_bytes());
        old.extend(encode(5, 2, &[click(2, Some("t.co"))]));
        let ids: Vec<i64> = decode(5, &old).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![1, 2], "an old batch, then a new one");
        // The old magic with the new checksum is damage, not an old batch.
        let mut mixed = encode(5, 1, &[click(1, None)]);
        mixed[0..4].copy_from_slice(&MAGIC_V1.to_le_bytes());
        assert!(decode(5, &mixed).is_empty());
        // A batch is checksummed with the standard CRC-32C of its id and bytes.
        let batch = encode(5, 1, &[click(1, None)]);
        let mut whole = 5u64.to_le_bytes().to_vec();
        whole.extend_from_slice(&batch[16..]);
        assert_eq!(
            u64::from_le_bytes(batch[8..16].try_into().unwrap()),
            u64::from(crc::Crc::<u32>::new(&crc::CRC_32_ISCSI).checksum(&whole))
        );
        assert_eq!(CRC32C.checksum(b"123456789"), 0xe306_9283, "the CRC-32C check value");
    }

    /// A database file with just what the journal touches.
    fn database(name: &str) -> (String, rusqlite::Connection) {
        let path = std::env::temp_dir()
            .join(format!("ambasada-journal-{name}-{}.db", std::process::id()))
            .display()
            .to_string();
        for suffix in ["", "-wal", "-shm", "-clicks-0", "-clicks-1"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; \
             CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL); \
             INSERT INTO settings VALUES ('click_journal_id', '42'); \
             CREATE TABLE programs (id INTEGER PRIMARY KEY); INSERT INTO programs VALUES (7); \
             CREATE TABLE users (id INTEGER PRIMARY KEY); INSERT INTO users VALUES (10), (11); \
             CREATE TABLE content_items (id INTEGER PRIMARY KEY); INSERT INTO content_items VALUES (20); \
             CREATE TABLE tracked_links (id INTEGER PRIMARY KEY, user_id BIGINT, item_id BIGINT, network TEXT, \
               program_id BIGINT); \
             INSERT INTO tracked_links VALUES (1, 10, 20, 'linkedin', 7), (2, 11, 20, 'x', NULL); \
             CREATE TABLE applications (id INTEGER PRIMARY KEY, program_id BIGINT, created_at BIGINT); \
             CREATE TABLE application_stages (id INTEGER PRIMARY KEY, application_id BIGINT); \
             CREATE TABLE shares (id INTEGER PRIMARY KEY, link_id BIGINT, program_id BIGINT, personalisation BIGINT, \
               created_at BIGINT); \
             CREATE TABLE clicks (id INTEGER PRIMARY KEY, link_id BIGINT NOT NULL REFERENCES tracked_links(id), \
               at BIGINT NOT NULL, network TEXT NOT NULL, visitor_hash TEXT NOT NULL, browser TEXT NOT NULL, \
               referrer_host TEXT);",
        )
        .unwrap();
        // The roll-up tables, as migration 0011 makes them (without its back-fill).
        let measurement = include_str!("../../migrations/sqlite/0011_measurement.sql");
        let ddl = measurement.split("-- Roll up what is there already.").next().unwrap();
        conn.execute_batch(ddl).unwrap();
        (path, conn)
    }

    fn ids(conn: &rusqlite::Connection) -> Vec<i64> {
        let mut stmt = conn.prepare("SELECT id FROM clicks ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    }

    #[test]
    fn clicks_left_in_the_journal_are_loaded_at_start() {
        let (path, conn) = database("restart");
        conn.execute(
            "INSERT INTO clicks VALUES (5, 1, 0, 'linkedin', 'h', 'desktop', NULL)",
            [],
        )
        .unwrap();
        // What a killed process left: a batch already loaded (5), two new clicks (6, 7),
        // one of a link deleted since (8), and a batch the process died writing (9).
        let mut zero = encode(42, 6, &[click(1, Some("t.co")), click(2, None)]);
        zero.extend(encode(42, 8, &[click(3, None)]));
        let mut one = encode(42, 5, &[click(1, None)]);
        let torn = encode(42, 9, &[click(1, None)]);
        one.extend_from_slice(&torn[..torn.len() - 3]);
        std::fs::write(format!("{path}-clicks-0"), zero).unwrap();
        std::fs::write(format!("{path}-clicks-1"), one).unwrap();

        let loader = rusqlite::Connection::open(&path).unwrap();
        let journal = ClickJournal::open(&path, loader, || {}).unwrap();
        assert_eq!(ids(&conn), vec![5, 6, 7]);
        // The loaded clicks (not 5, loaded before the crash, nor the refused 8) are in
        // the roll-ups: per link and day, and link 1's program, ambassador and item.
        let day_rows: Vec<(i64, i64, i64, i64)> = conn
            .prepare("SELECT link_id, day, clicks, visitors FROM click_days ORDER BY link_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let day = 1_700_000_000_000 / ambasada_core::DAY;
        assert_eq!(day_rows, vec![(1, day, 1, 1), (2, day, 1, 1)]);
        let program: (i64, i64, i64) = conn
            .query_row(
                "SELECT user_id, clicks, visitors FROM stats_ambassador_days WHERE program_id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(program, (10, 1, 1));
        let referrer: Option<String> = conn
            .query_row("SELECT referrer_host FROM clicks WHERE id = 6", [], |r| r.get(0))
            .unwrap();
        assert_eq!(referrer.as_deref(), Some("t.co"));
        for i in 0..2 {
            assert_eq!(
                std::fs::metadata(format!("{path}-clicks-{i}")).unwrap().len(),
                0,
                "file {i} emptied"
            );
        }
        // New ids continue after every id seen, loaded or not.
        assert_eq!(journal.append(vec![click(2, None)]).unwrap(), vec![9]);
        journal.close();
        assert_eq!(ids(&conn), vec![5, 6, 7, 9]);
    }

    #[test]
    fn a_loader_that_cannot_write_bounds_the_backlog_and_fsync_mode_loads_the_same() {
        let (path, conn) = database("backlog");
        let options = ClickOptions {
            durability: Durability::Fsync,
            backlog: 2,
        };
        let journal =
            ClickJournal::open_with(&path, rusqlite::Connection::open(&path).unwrap(), || {}, options).unwrap();
        // Another connection holds the write lock: every load fails and is retried.
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        assert_eq!(journal.append(vec![click(1, None)]).unwrap(), vec![1]);
        assert_eq!(journal.append(vec![click(1, None)]).unwrap(), vec![2]);
        assert_eq!(journal.backlog(), (2, 2));
        assert_eq!(journal.append(vec![click(1, None)]), Err(WriteError::Full(2)));
        conn.execute_batch("COMMIT").unwrap();
        // The loader catches up, and the journal takes clicks again.
        let start = std::time::Instant::now();
        while journal.backlog().0 > 0 {
            assert!(start.elapsed() < Duration::from_secs(10), "the loader caught up");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(
            journal.append(vec![click(1, None)]).unwrap(),
            vec![3],
            "a refused batch is given no ids"
        );
        journal.close();
        assert_eq!(ids(&conn), vec![1, 2, 3]);
    }

    #[test]
    fn a_journal_left_by_another_database_is_not_loaded() {
        let (path, conn) = database("foreign");
        // Files of a database that was deleted: its clicks would land on this one's links.
        std::fs::write(format!("{path}-clicks-0"), encode(41, 1, &[click(1, None)])).unwrap();
        let journal = ClickJournal::open(&path, rusqlite::Connection::open(&path).unwrap(), || {}).unwrap();
        assert!(ids(&conn).is_empty(), "nothing of the other database loaded");
        assert_eq!(std::fs::metadata(format!("{path}-clicks-0")).unwrap().len(), 0);
        assert_eq!(journal.append(vec![click(1, None)]).unwrap(), vec![1]);
    }

    #[test]
    fn a_second_journal_on_the_same_database_is_refused_until_the_first_closes() {
        let (path, _conn) = database("lock");
        let first = ClickJournal::open(&path, rusqlite::Connection::open(&path).unwrap(), || {}).unwrap();
        let err = ClickJournal::open(&path, rusqlite::Connection::open(&path).unwrap(), || {})
            .err()
            .expect("refused");
        assert!(err.contains("another process"), "{err}");
        first.close();
        let second = ClickJournal::open(&path, rusqlite::Connection::open(&path).unwrap(), || {}).unwrap();
        assert_eq!(second.append(vec![click(1, None)]).unwrap(), vec![1]);
    }

    #[tokio::test]
    async fn appended_clicks_are_in_the_table_once_synced() {
        let (path, conn) = database("append");
        let loader = rusqlite::Connection::open(&path).unwrap();
        let commits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = commits.clone();
        let journal = ClickJournal::open(&path, loader, move || {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        let mut all = Vec::new();
        for n in [3, 1, 50] {
            all.extend(
                journal
                    .append((0..n).map(|i| click(1 + i % 2, None)).collect())
                    .unwrap(),
            );
        }
        assert_eq!(all, (1..=54).collect::<Vec<i64>>(), "ids in order, no gaps");
        journal.synced().await;
        assert_eq!(ids(&conn), all, "every appended click is in the table");
        let loads = commits.load(std::sync::atomic::Ordering::Relaxed);
        assert!((1..=3).contains(&loads), "{loads} transactions for 3 batches");
        journal.close();
        assert!(
            journal.append(vec![click(1, None)]).is_err(),
            "a closed journal takes nothing"
        );
        for i in 0..2 {
            assert_eq!(std::fs::metadata(format!("{path}-clicks-{i}")).unwrap().len(), 0);
        }
    }
}
