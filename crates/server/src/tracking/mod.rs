//! The hot path, `GET /s/{code}`: look the link up in memory, hand the click to a batch
//! writer, and answer the redirect once the click is committed (an answered click is
//! not lost, within what `click_durability` promises). No session, no cookie, no page middleware on this route.
//!
//! The server runs one single-threaded runtime per core (`serve_per_core` in serve.rs):
//! each serving thread keeps the clicks it took in a batch of its own and commits it to
//! the click journal (one write; `ambasada_store::tracking::click_journal`, whose loader
//! moves clicks into the table) whenever it runs out of work ([`flush_local`]).
//! Elsewhere (a router used without `serve`, as in tests) clicks go through a queue to
//! the writer task of [`spawn_writer`].

pub mod api;

use crate::AppState;
use crate::web::Ctx;
use ambasada_core::tracking::{self, BrowserClass, TrackedTarget};
use ambasada_core::{Locale, Millis};
use ambasada_store::tracking::click_journal::ClickJournal;
use ambasada_store::tracking::{ClickWriter, NewClick, WriteError};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, watch};

/// How long a looked-up link is trusted before it is read again. Changes that stop links
/// do not wait for it: they move the store's links generation, at once in the process that
/// made them and within [`WATCH_EVERY`] in the others ([`watch_links`]); this only bounds
/// how long a change the counter does not see (an item edited in the database by hand)
/// takes.
const CACHE_TTL: Duration = Duration::from_secs(30);
/// How often a process reads the database's count of changes that may stop links.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);
/// Links kept in memory at most; the cache is emptied when it grows past this.
const CACHE_MAX: usize = 200_000;
/// Clicks written in one transaction at most.
const MAX_BATCH: usize = 1024;
/// Clicks waiting for the writer at most; beyond, requests wait (back-pressure).
const QUEUE: usize = 16_384;

/// A link as the redirect needs it.
pub struct CachedLink {
    link_id: i64,
    network: &'static str,
    target: TrackedTarget,
    item_status: String,
    starts_at: Millis,
    expires_at: Option<Millis>,
}

impl CachedLink {
    /// A link leads somewhere only while its item is approved or published and within
    /// its start and expiry.
    fn is_live(&self, now: Millis) -> bool {
        matches!(self.item_status.as_str(), "approved" | "published")
            && self.starts_at <= now
            && self.expires_at.is_none_or(|e| e > now)
    }
}

/// When a code was looked up, at which links generation (`Store::links_generation`),
/// and what it led to (`None`: nothing; also cached, so that scanners of random codes do
/// not reach the database on every try).
type CacheEntry = (Instant, u64, Option<Arc<CachedLink>>);

struct Pending {
    click: NewClick,
    /// Answered with the click's id once it is committed, `None` when writing failed.
    done: oneshot::Sender<Option<i64>>,
}

/// The in-memory side of tracking: the link cache, the salt of the day, the queue to
/// the click writer.
pub struct Tracker {
    links: RwLock<HashMap<String, CacheEntry>>,
    salt: Mutex<Option<(i64, Arc<str>)>>,
    queue: mpsc::Sender<Pending>,
    receiver: Mutex<Option<mpsc::Receiver<Pending>>>,
    /// The click journal, shared by the writer task and the serving threads of the
    /// per-core mode; unset on an in-memory database.
    journal: OnceLock<Arc<ClickJournal>>,
    /// Batches written (or tried) by serving threads of the per-core mode, and by the
    /// writer thread or task ([`Tracker::batch_counts`]).
    local_batches: AtomicU64,
    queued_batches: AtomicU64,
    /// Why the click writer could not start (then `serve` refuses to run).
    writer_error: OnceLock<String>,
}

thread_local! {
    /// Clicks taken by this serving thread and not yet written (per-core mode only).
    static LOCAL: RefCell<Option<LocalClicks>> = const { RefCell::new(None) };
}

struct LocalClicks {
    /// Whose journal the clicks go to.
    journal: Arc<ClickJournal>,
    state: AppState,
    pending: Vec<Pending>,
}

/// Makes this thread a serving thread of the per-core mode: redirects handled on it
/// queue their clicks here, and [`flush_local`] commits them. Without a click journal
/// ([`spawn_writer`] opens it on a SQLite file) nothing changes: clicks go to the queue.
pub fn install_local(state: &AppState) {
    if let Some(journal) = state.tracker.journal() {
        LOCAL.with(|l| {
            *l.borrow_mut() = Some(LocalClicks {
                journal,
                state: state.clone(),
                pending: Vec::with_capacity(64),
            })
        });
    }
}

/// Commits the clicks this thread has taken and answers their requests. Run by the
/// thread's runtime each time it has nothing else to do (`on_thread_park`), so a batch
/// holds every redirect the thread read since the last one: group commit without a
/// thread switch or a cross-thread wake.
pub fn flush_local() {
    let Some((journal, batch)) = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        let lc = l.as_mut()?;
        if lc.pending.is_empty() {
            return None;
        }
        lc.state.tracker.local_batches.fetch_add(1, Ordering::Relaxed);
        let batch = std::mem::replace(&mut lc.pending, Vec::with_capacity(64));
        Some((lc.journal.clone(), batch))
    }) else {
        return;
    };
    let (clicks, dones): (Vec<NewClick>, Vec<_>) = batch.into_iter().map(|p| (p.click, p.done)).unzip();
    answer(journal.append(clicks), dones);
}

impl Default for Tracker {
    fn default() -> Self {
        let (queue, receiver) = mpsc::channel(QUEUE);
        Tracker {
            links: RwLock::default(),
            salt: Mutex::new(None),
            queue,
            receiver: Mutex::new(Some(receiver)),
            journal: OnceLock::new(),
            local_batches: AtomicU64::new(0),
            queued_batches: AtomicU64::new(0),
            writer_error: OnceLock::new(),
        }
    }
}

impl Tracker {
    /// The click journal, once [`spawn_writer`] opened it (not on an in-memory database).
    pub fn journal(&self) -> Option<Arc<ClickJournal>> {
        self.journal.get().cloned()
    }

    /// Clicks handed to the writer thread or task and not yet taken into a batch.
    pub fn queued_clicks(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    /// Why the click writer could not start, if it could not.
    pub fn writer_error(&self) -> Option<&str> {
        self.writer_error.get().map(String::as_str)
    }

    /// How many click batches serving threads of the per-core mode have written (or
    /// tried to) so far, and how many the writer thread or task has.
    pub fn batch_counts(&self) -> (u64, u64) {
        (
            self.local_batches.load(Ordering::Relaxed),
            self.queued_batches.load(Ordering::Relaxed),
        )
    }

    async fn link(&self, state: &AppState, code: &str) -> anyhow::Result<Option<Arc<CachedLink>>> {
        // Taken before the read: a change committed meanwhile moves it past this, so
        // what is read now is read again next time.
        let generation = state.store.links_generation();
        if let Ok(m) = self.links.read()
            && let Some((at, g, link)) = m.get(code)
            && *g == generation
            && at.elapsed() < CACHE_TTL
        {
            return Ok(link.clone());
        }
        let found = state.store.link_target(code).await?.and_then(|t| {
            let target = TrackedTarget::new(&t.target_url, &t.network, &t.campaign, t.item_id)?;
            let network = ambasada_core::Network::parse(&t.network)?.as_str();
            Some(Arc::new(CachedLink {
                link_id: t.link_id,
                network,
                target,
                item_status: t.item_status,
                starts_at: t.starts_at,
                expires_at: t.expires_at,
            }))
        });
        if let Ok(mut m) = self.links.write() {
            if m.len() >= CACHE_MAX {
                m.clear();
            }
            m.insert(code.to_string(), (Instant::now(), generation, found.clone()));
        }
        Ok(found)
    }

    async fn salt(&self, state: &AppState, now: Millis) -> anyhow::Result<Arc<str>> {
        let day = tracking::day_number(now);
        if let Ok(s) = self.salt.lock()
            && let Some((d, salt)) = s.as_ref()
            && *d == day
        {
            return Ok(salt.clone());
        }
        let salt: Arc<str> = state.store.visitor_salt(day, crate::auth::new_token).await?.into();
        if let Ok(mut s) = self.salt.lock() {
            *s = Some((day, salt.clone()));
        }
        Ok(salt)
    }
}

/// The next batch: waits for a first click, then takes whatever else is queued (what
/// arrived while the previous batch was being written: group commit). After the stop
/// signal it only drains the queue; `None` when there is nothing left to write.
async fn next_batch(
    rx: &mut mpsc::Receiver<Pending>,
    stop: &mut watch::Receiver<bool>,
    stopping: &mut bool,
) -> Option<Vec<Pending>> {
    let first = if *stopping {
        rx.try_recv().ok()
    } else {
        tokio::select! {
            p = rx.recv() => p,
            _ = stop.changed() => {
                *stopping = true;
                rx.try_recv().ok()
            }
        }
    }?;
    let mut batch = Vec::with_capacity(64);
    batch.push(first);
    while batch.len() < MAX_BATCH {
        match rx.try_recv() {
            Ok(p) => batch.push(p),
            Err(_) => break,
        }
    }
    Some(batch)
}

/// Starts the writer task for queued clicks: into the click journal (the per-core serving
/// threads share it; opening it loads what an earlier process left there), or through
/// the pool on an in-memory database. It answers every waiting request once its batch is
/// committed. At the end the journal is closed: every click in it is loaded into the
/// table.
pub fn spawn_writer(state: AppState, stop: watch::Receiver<bool>) -> Option<tokio::task::JoinHandle<()>> {
    let rx = state.tracker.receiver.lock().ok()?.take()?;
    let data_dir = std::path::Path::new(&state.config.data_dir);
    let writer = match state.store.click_writer(state.config.clicks, data_dir) {
        Ok(w) => w,
        Err(e) => {
            let _ = state
                .tracker
                .writer_error
                .set(format!("the click writer could not start: {e}"));
            return None;
        }
    };
    if let ClickWriter::Journal(journal) = &writer {
        let _ = state.tracker.journal.set(journal.clone());
    }
    let writer = Arc::new(writer);
    let task = tokio::spawn(write_batches(state.clone(), writer.clone(), rx, stop));
    Some(tokio::spawn(async move {
        let _ = task.await;
        // Everything queued is committed; on SQLite load it all and stop the loader.
        let _ = tokio::task::spawn_blocking(move || writer.close()).await;
    }))
}

/// The writer task: takes the next batch from the queue, writes it and answers its
/// requests, until the queue is drained after the stop signal.
async fn write_batches(
    state: AppState,
    writer: Arc<ClickWriter>,
    mut rx: mpsc::Receiver<Pending>,
    mut stop: watch::Receiver<bool>,
) {
    let mut stopping = false;
    loop {
        let Some(batch) = next_batch(&mut rx, &mut stop, &mut stopping).await else {
            return;
        };
        let (clicks, dones): (Vec<NewClick>, Vec<_>) = batch.into_iter().map(|p| (p.click, p.done)).unzip();
        let written = writer.write(clicks).await;
        state.tracker.queued_batches.fetch_add(1, Ordering::Relaxed);
        answer(written, dones);
    }
}

/// Reads the database's count of changes that may stop links every [`WATCH_EVERY`], and
/// moves this process's links generation when another process counted one: with several
/// processes on one PostgreSQL database, an item withdrawn through one stops redirecting
/// on all of them within about a second.
pub async fn watch_links(state: AppState, mut stop: watch::Receiver<bool>) {
    let mut seen = None;
    loop {
        match state.store.links_version().await {
            Ok(v) => {
                // The first read too: links may have been cached before it.
                if seen.is_none_or(|s| s != v) {
                    state.store.links_changed();
                }
                seen = Some(v);
            }
            Err(e) => tracing::warn!(error = %e, "reading the links' change count failed"),
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(WATCH_EVERY) => {}
        }
    }
}

/// Tells every waiting request its click's id, or that the batch failed.
fn answer(written: std::result::Result<Vec<i64>, WriteError>, dones: Vec<oneshot::Sender<Option<i64>>>) {
    match written {
        Ok(ids) => {
            for (done, id) in dones.into_iter().zip(ids) {
                let _ = done.send(Some(id));
            }
        }
        // The loader is behind (and says why in its own log); /readyz tells too.
        Err(WriteError::Full(_)) => {
            for done in dones {
                let _ = done.send(None);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, n = dones.len(), "clicks not written");
            for done in dones {
                let _ = done.send(None);
            }
        }
    }
}

fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> String {
    if state.config.trust_proxy
        && let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
    {
        return ip.trim().to_string();
    }
    peer.map(|p| p.ip().to_string()).unwrap_or_default()
}

/// A 404 page in the layout for a visitor: no session, language from the browser.
fn not_found(state: &AppState, headers: &HeaderMap) -> Response {
    state.metrics.redirects_not_found.inc();
    let locale = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or_default();
    let ctx = Ctx::visitor(state, locale, "/s");
    let mut res = crate::web::error_page(&ctx, StatusCode::NOT_FOUND, "error-link-not-found")
        .unwrap_or_else(|e| e.into_response());
    // A page outside the router's layers: its security headers are set here.
    crate::security_headers::set(res.headers_mut());
    res
}

/// `GET /s/{code}` (and HEAD) as a route of the router: see [`redirect`].
pub async fn follow(State(state): State<AppState>, Path(code): Path<String>, req: axum::extract::Request) -> Response {
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0);
    redirect(&state, &code, req.method(), req.headers(), peer).await
}

/// The code of a tracked link's path, `/s/{code}`, when `path` is one and needs no
/// percent-decoding (anything else is left to the router, which decodes it).
pub fn code_of_path(path: &str) -> Option<&str> {
    path.strip_prefix("/s/")
        .filter(|c| !c.is_empty() && !c.contains(['/', '%']))
}

/// `GET /s/{code}` (and HEAD): records the click, then redirects to the item's target
/// with UTM parameters and the click token. `peer` is the connection's remote address.
pub async fn redirect(
    state: &AppState,
    code: &str,
    method: &axum::http::Method,
    headers: &HeaderMap,
    peer: Option<std::net::SocketAddr>,
) -> Response {
    if !ambasada_core::content::sharing::is_link_code(code) {
        return not_found(state, headers);
    }
    let tracker = &state.tracker;
    let now = crate::now();
    let link = match tracker.link(state, code).await {
        Ok(Some(l)) if l.is_live(now) => l,
        Ok(_) => return not_found(state, headers),
        Err(e) => {
            state.metrics.redirects_failed.inc();
            return crate::error::AppError::Internal(e).into_response();
        }
    };
    let salt = match tracker.salt(state, now).await {
        Ok(s) => s,
        Err(e) => {
            state.metrics.redirects_failed.inc();
            return crate::error::AppError::Internal(e).into_response();
        }
    };
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // A HEAD asks about the link without following it: link checkers, not people.
    let browser = if method == axum::http::Method::HEAD {
        BrowserClass::Bot
    } else {
        tracking::classify_user_agent(ua)
    };
    let ip = client_ip(state, headers, peer);
    let click = NewClick {
        link_id: link.link_id,
        at: now,
        network: link.network,
        visitor_hash: tracking::visitor_hash(&salt, &ip, ua, link.link_id),
        browser: browser.as_str(),
        referrer_host: headers
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .and_then(tracking::referrer_host),
    };
    // Answered only once the click is committed, as durably as `click_durability` says.
    let Some(click_id) = commit(tracker, click).await else {
        state.metrics.redirects_failed.inc();
        return unavailable();
    };
    if browser == BrowserClass::Bot {
        state.metrics.bot_clicks.inc();
    } else {
        state.metrics.clicks.inc();
    }
    let location = link
        .target
        .with_click_token(&tracking::click_token(&state.click_key, click_id));
    let Ok(location) = HeaderValue::try_from(location) else {
        return not_found(state, headers);
    };
    // No Referrer-Policy of our own: the target learns about the referring page only
    // what that page's own policy allows.
    state.metrics.redirects.inc();
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}

/// Hands the click to its batch and waits until the batch is committed: the click's id,
/// or none when the writer is gone. On a serving thread of the per-core mode the click
/// waits in the thread's own batch (committed when the thread runs out of work, or at once
/// when the batch is full); elsewhere it goes to the writer thread or task.
async fn commit(tracker: &Tracker, click: NewClick) -> Option<i64> {
    let (done, committed) = oneshot::channel();
    let local = LOCAL.with(|l| match l.borrow_mut().as_mut() {
        Some(lc) => {
            lc.pending.push(Pending { click, done });
            Ok(lc.pending.len() >= MAX_BATCH)
        }
        None => Err(Pending { click, done }),
    });
    match local {
        Ok(true) => flush_local(),
        Ok(false) => {}
        Err(p) => tracker.queue.send(p).await.ok()?,
    }
    committed.await.ok().flatten()
}

/// Not recorded, so not answered: the visitor may simply try again.
fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "1")],
        "try again",
    )
        .into_response()
}

/// How long a token of ours whose click is not in the table yet is looked up again, on
/// PostgreSQL: another server process answered its redirect and loads its clicks from its
/// own journal within about 100 ms ([`ambasada_store::tracking::click_journal`]).
const OTHER_PROCESS_CLICK_WAIT: Duration = Duration::from_secs(2);

/// The click a token stands for, if it is one of ours and a person's click.
pub async fn click_of_token(
    state: &AppState,
    token: &str,
) -> anyhow::Result<Option<ambasada_store::tracking::ClickSource>> {
    let Some(id) = tracking::click_id_from_token(&state.click_key, token) else {
        return Ok(None);
    };
    let deadline = Instant::now() + OTHER_PROCESS_CLICK_WAIT;
    loop {
        let found = state.store.click_source(id).await?;
        // The token's key proves the click was given: on PostgreSQL it may still be on
        // its way from another process's journal.
        if found.is_some() || state.store.backend() != ambasada_store::Backend::Postgres || Instant::now() >= deadline {
            return Ok(found);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
