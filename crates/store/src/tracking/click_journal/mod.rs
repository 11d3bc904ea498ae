//! The click journal: where a redirect's click is committed before the redirect is
//! answered, and from which a loader thread moves clicks into the `clicks` table in
//! large transactions, on both engines.
//!
//! A commit here is one `write` of a whole batch to an append-only file. With
//! `click_durability = "process"` (the default) the bytes are in the operating system
//! when the call returns, so a killed process loses nothing, and a power cut may lose
//! what the system had not yet written out (the durability of a SQLite commit in WAL
//! mode with `synchronous = NORMAL`). With `"fsync"` each batch is also `fdatasync`ed
//! before its redirects are answered, and the loader commits in full before it empties a
//! file, so a power cut loses nothing answered either ([`Durability`]). It costs one
//! system call per batch, where a SQLite commit of a dozen clicks appended several whole
//! 4 KiB pages to the WAL, and a PostgreSQL transaction per batch waited on the roll-up
//! rows every batch shares (docs/PERFORMANCE.md). The loader inserts whatever has
//! gathered in the last 100 ms in one transaction, so under load a transaction holds
//! thousands of clicks. Reads of clicks through the [`Store`](crate::Store) first ask for
//! everything this process journalled and wait until it is loaded
//! ([`ClickJournal::synced`]), so a click is visible as soon as its redirect was answered.
//!
//! Two files take turns: appends go to one while the loader loads what was appended to
//! the other, which it empties once its clicks are committed. A SQLite database's files
//! lie next to it ([`sqlite`]); on PostgreSQL each server process has a pair of its own
//! under `data_dir` ([`postgres`]). What a killed process left is read back and loaded
//! by the next one to open the journal (ids already in the table are skipped), so a
//! crash between the journal and the table loses nothing. A batch whose bytes did not all
//! reach the file (the process died inside the write) fails its checksum and is dropped:
//! its redirects were never answered. The checksum ([`format`]) also covers a random id
//! the database keeps in its settings, so files left behind by a database that was
//! deleted are not loaded into a new one.
//!
//! The clicks waiting for the loader are held in memory too, about `click_backlog` of
//! them (one batch more at most): past that (a loader that cannot keep up or keeps
//! failing) an append is refused with [`WriteError::Full`], so redirects answer 503
//! instead of memory growing without bound.
//!
//! Click ids are given here, so the redirect can carry its click's token before the row
//! exists: on SQLite from the largest in the table, plus one, and on; on PostgreSQL from
//! blocks the loader takes from the table's sequence ahead of need.

mod format;
pub(crate) mod postgres;
mod sqlite;

use crate::reports::rollups::Hit;
use crate::tracking::{ClickOptions, Durability, NewClick, WriteError};
use format::{Record, encode};
use std::collections::VecDeque;
use std::fs::File;
use std::io::Write;
use std::ops::Range;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

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
/// How long an append waits for ids the loader is taking (PostgreSQL) before it fails.
const IDS_WAIT: Duration = Duration::from_secs(2);

/// The setting naming the database for its journal (see [`format`]).
const DB_ID_SETTING: &str = "click_journal_id";

/// One click as a loader inserts it: from the queue or read back from a file.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub(crate) struct Row<'a> {
    pub id: i64,
    pub link_id: i64,
    pub at: i64,
    pub network: &'a str,
    pub visitor_hash: &'a str,
    pub browser: &'a str,
    pub referrer_host: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of_click(id: i64, c: &'a NewClick) -> Row<'a> {
        Row {
            id,
            link_id: c.link_id,
            at: c.at,
            network: c.network,
            visitor_hash: &c.visitor_hash,
            browser: c.browser,
            referrer_host: c.referrer_host.as_deref(),
        }
    }

    fn of_record(r: &'a Record) -> Row<'a> {
        Row {
            id: r.id,
            link_id: r.link_id,
            at: r.at,
            network: &r.network,
            visitor_hash: &r.visitor_hash,
            browser: &r.browser,
            referrer_host: r.referrer_host.as_deref(),
        }
    }

    /// The click as the roll-ups count it.
    fn hit(&self) -> Hit<'a> {
        Hit {
            link_id: self.link_id,
            at: self.at,
            visitor_hash: self.visitor_hash,
            bot: self.browser == "bot",
        }
    }
}

/// Where a loader puts clicks: a SQLite file ([`sqlite`]) or PostgreSQL ([`postgres`]).
trait Sink: Send + 'static {
    /// Inserts clicks in one transaction with their roll-ups, skipping ids already in
    /// the table and clicks of links deleted meanwhile; all or nothing.
    fn load(&mut self, rows: &[Row<'_>]) -> Result<(), String>;
    /// Takes at least `n` more click ids; none where ids never run out (SQLite).
    fn reserve(&mut self, n: i64) -> Result<Vec<Range<i64>>, String>;
}

struct State {
    files: [File; 2],
    /// The database's journal id ([`format`]).
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
    /// The ids to give, in ascending order.
    ids: VecDeque<Range<i64>>,
    /// Ids below which the loader takes more (0 where they never run out).
    ids_low: i64,
    /// The loader is asked for more ids.
    want_ids: bool,
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

impl State {
    fn ids_left(&self) -> i64 {
        self.ids.iter().fold(0i64, |n, r| n.saturating_add(r.end - r.start))
    }

    /// Takes the next `n` ids (there are that many).
    fn take_ids(&mut self, n: usize) -> Vec<i64> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some(r) = self.ids.front_mut() else { break };
            let k = (n - out.len()).min(usize::try_from(r.end - r.start).unwrap_or(usize::MAX));
            out.extend(r.start..r.start + k as i64);
            r.start += k as i64;
            if r.start >= r.end {
                self.ids.pop_front();
            }
        }
        out
    }
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the loader when clicks are queued, ids are wanted or the journal closes.
    work: Condvar,
    /// Wakes appends waiting for ids.
    ids_ready: Condvar,
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

/// A random 64-bit number (the database's journal id, a journal file's name).
fn random_id() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    h.write_u32(std::process::id());
    h.finish()
}

/// What a journal starts with, once its files are open and what was left in them loaded.
struct Start {
    files: [File; 2],
    db_id: u64,
    ids: Vec<Range<i64>>,
    ids_low: i64,
    /// The last id given before (loaded already).
    last: i64,
    options: ClickOptions,
}

impl Shared {
    fn new(s: Start) -> Shared {
        Shared {
            state: Mutex::new(State {
                files: s.files,
                db_id: s.db_id,
                lens: [0, 0],
                current: 0,
                queued: Vec::new(),
                spare: Vec::new(),
                ids: s.ids.into(),
                ids_low: s.ids_low,
                want_ids: false,
                appended: s.last,
                closing: false,
                wanted: false,
                loading: 0,
                options: s.options,
            }),
            work: Condvar::new(),
            ids_ready: Condvar::new(),
            loaded: tokio::sync::watch::Sender::new(s.last),
        }
    }
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
        let mut files = sqlite::open_files(db_path)?;
        if options.durability == Durability::Fsync {
            // The files' names, too, must outlive a power cut.
            super::sync_parent_dir(db_path).map_err(|e| format!("click journal: {e}"))?;
        }
        // [`sqlite::load`] relies on the foreign key to skip clicks of deleted links.
        // With "fsync", a file is emptied only after a commit that reached the disk.
        let synchronous = match options.durability {
            Durability::Process => "",
            Durability::Fsync => " PRAGMA synchronous = FULL;",
        };
        conn.execute_batch(&format!("PRAGMA foreign_keys = ON;{synchronous}"))
            .map_err(|e| format!("click journal: {e}"))?;
        let db_id = sqlite::database_id(&conn).map_err(|e| format!("click journal id: {e}"))?;
        let last = sqlite::recover(&mut conn, db_id, &mut files)?;
        let shared = Arc::new(Shared::new(Start {
            files,
            db_id,
            // One range that never runs out.
            ids: std::iter::once(last + 1..i64::MAX).collect(),
            ids_low: 0,
            last,
            options,
        }));
        let s = shared.clone();
        let mut sink = sqlite::SqliteSink { conn, on_commit };
        let loader = std::thread::Builder::new()
            .name("click-loader".into())
            .spawn(move || run_loader(&s, &mut sink))
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
        st = self.wait_for_ids(st, batch.len())?;
        let ids = st.take_ids(batch.len());
        if st.ids_left() < st.ids_low && !st.want_ids {
            st.want_ids = true;
            self.shared.work.notify_one();
        }
        let bytes = encode(st.db_id, &ids, &batch);
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
            return Err(WriteError::Failed(format!("click journal: {e}")));
        }
        st.lens[current] += bytes.len() as u64;
        st.appended = ids.last().copied().unwrap_or(st.appended);
        let was_empty = st.queued.is_empty();
        st.queued.extend(ids.iter().copied().zip(batch));
        let full = st.queued.len() >= LOAD_AT;
        drop(st);
        if was_empty || full {
            self.shared.work.notify_one();
        }
        Ok(ids)
    }

    /// Returns once `n` ids are there to give, asking the loader for more (PostgreSQL);
    /// fails after [`IDS_WAIT`] (the database does not answer).
    fn wait_for_ids<'a>(
        &'a self,
        mut st: MutexGuard<'a, State>,
        n: usize,
    ) -> std::result::Result<MutexGuard<'a, State>, WriteError> {
        let deadline = Instant::now() + IDS_WAIT;
        if st.ids_left() < n as i64 {
            tracing::warn!("click ids ran out: redirects wait for the loader to take more");
        }
        while st.ids_left() < n as i64 {
            if !st.want_ids {
                st.want_ids = true;
                self.shared.work.notify_one();
            }
            let now = Instant::now();
            if now >= deadline || st.closing {
                return Err(WriteError::Failed("no click ids: the database does not answer".into()));
            }
            st = self
                .shared
                .ids_ready
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        Ok(st)
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
        self.shared.ids_ready.notify_all();
        let handle = self.loader.lock().ok().and_then(|mut l| l.take());
        if let Some(h) = handle {
            let _ = h.join();
            // Loaded and stopped: another process may take the files now.
            let _ = lock(&self.shared.state).files[0].unlock();
        }
    }
}

impl Drop for ClickJournal {
    fn drop(&mut self) {
        self.close();
    }
}

/// Takes more ids when an append asked for them. A failure leaves the appends waiting
/// to fail on their own; the next round tries again.
fn refill_ids(shared: &Shared, sink: &mut dyn Sink) {
    let (wanted, low) = {
        let st = lock(&shared.state);
        (st.want_ids, st.ids_low)
    };
    if !wanted {
        return;
    }
    match sink.reserve(low * 2) {
        Ok(ranges) => {
            let mut st = lock(&shared.state);
            st.ids.extend(ranges);
            st.want_ids = false;
            drop(st);
            shared.ids_ready.notify_all();
        }
        Err(e) => {
            tracing::error!(error = %e, "taking click ids failed");
            std::thread::sleep(RETRY_AFTER);
        }
    }
}

fn run_loader(shared: &Shared, sink: &mut dyn Sink) {
    loop {
        refill_ids(shared, sink);
        let (mut batch, done_file) = {
            let mut st = lock(&shared.state);
            while st.queued.is_empty() && !st.closing && !st.want_ids {
                st = shared.work.wait(st).unwrap_or_else(|p| p.into_inner());
            }
            // Let clicks gather for a while (a transaction per click would cost the most),
            // unless a read waits, the journal closes, ids are wanted or enough are waiting.
            let (mut st, _) = shared
                .work
                .wait_timeout_while(st, LOAD_EVERY, |st| {
                    !st.closing && !st.wanted && !st.want_ids && st.queued.len() < LOAD_AT
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
        let started = Instant::now();
        loop {
            let rows: Vec<Row<'_>> = batch.iter().map(|(id, c)| Row::of_click(*id, c)).collect();
            match sink.load(&rows) {
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
        tracing::debug!(
            clicks = batch.len(),
            ms = started.elapsed().as_millis(),
            "clicks loaded"
        );
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
    use super::format::tests::click;
    use super::*;

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
        let measurement = include_str!("../../../migrations/sqlite/0011_measurement.sql");
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
        let mut zero = encode(42, &[6, 7], &[click(1, Some("t.co")), click(2, None)]);
        zero.extend(encode(42, &[8], &[click(3, None)]));
        let mut one = encode(42, &[5], &[click(1, None)]);
        let torn = encode(42, &[9], &[click(1, None)]);
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
        std::fs::write(format!("{path}-clicks-0"), encode(41, &[1], &[click(1, None)])).unwrap();
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
