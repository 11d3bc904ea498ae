//! Ambasada's HTTP server: pages, the JSON API, background jobs.
//!
//! `build_router(state)` gives the whole application as an axum `Router`; `serve` runs it
//! on a bound listener until a shutdown signal, so tests start it on port 0.

pub mod api;
pub mod assets;
pub mod auth;
pub mod config;
pub mod content;
pub mod demo;
pub mod enps;
pub mod error;
pub mod goals;
pub mod health;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod ops;
pub mod people;
pub mod programs;
pub mod programs_api;
pub mod recruiting;
pub mod selection;
pub mod tracking;
pub mod training;
pub mod web;

use ambasada_store::Store;
use axum::Router;
use axum::response::IntoResponse;
use axum::routing::get;
use config::Config;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// Now, in unix milliseconds.
pub fn now() -> ambasada_core::Millis {
    jiff::Timestamp::now().as_millisecond()
}

/// Everything handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Store,
    pub config: Config,
    pub i18n: Arc<i18n::I18n>,
    /// Key of the hash that login throttling stores instead of client addresses.
    pub ip_key: String,
    /// Wakes the email sender when a message is queued.
    pub mail_wakeup: Arc<Notify>,
    pub mail_policy: mail::RetryPolicy,
    pub assets: &'static assets::AssetNames,
    pub tracker: tracking::Tracker,
    /// Key of the click tokens (shared by every instance through the database).
    pub click_key: ambasada_core::tracking::ClickKey,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Connects to the database, applies migrations and prepares shared state.
    pub async fn start(config: Config) -> anyhow::Result<AppState> {
        let shown = ambasada_store::redact_url(config.database_url.expose());
        let store = Store::connect(config.database_url.expose())
            .await
            .map_err(|e| anyhow::anyhow!("database_url ({shown}): cannot open the database: {e}"))?;
        store
            .migrate()
            .await
            .map_err(|e| anyhow::anyhow!("database_url ({shown}): cannot apply migrations: {e}"))?;
        AppState::with_store(config, store).await
    }

    /// Prepares shared state over an opened, migrated store.
    pub async fn with_store(config: Config, store: Store) -> anyhow::Result<AppState> {
        let ip_key = store.setting_or_init("login_ip_key", auth::new_token).await?;
        let click_key = ambasada_core::tracking::ClickKey::new(
            store
                .setting_or_init("click_token_key", auth::new_token)
                .await?
                .as_bytes(),
        );
        Ok(AppState(Arc::new(Inner {
            store,
            config,
            i18n: Arc::new(i18n::I18n::new()),
            ip_key,
            mail_wakeup: Arc::new(Notify::new()),
            mail_policy: mail::RetryPolicy::default(),
            assets: assets::names(),
            tracker: tracking::Tracker::default(),
            click_key,
        })))
    }

    /// The same state with another email retry policy (tests use short delays).
    pub fn with_mail_policy(self, policy: mail::RetryPolicy) -> AppState {
        let inner = Arc::try_unwrap(self.0).unwrap_or_else(|_| panic!("state already shared"));
        AppState(Arc::new(Inner {
            mail_policy: policy,
            ..inner
        }))
    }
}

/// The whole application.
pub fn build_router(state: AppState) -> Router {
    let pages = Router::new()
        .merge(people::routes())
        .merge(programs::routes())
        .merge(content::routes())
        .merge(recruiting::routes())
        .merge(enps::routes())
        .merge(training::routes())
        .merge(selection::routes())
        .fallback(|| async { error::AppError::NotFound })
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::context));
    Router::new()
        .merge(pages)
        .nest("/api/v1", api::routes())
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .merge(assets::routes())
        .merge(media::routes())
        .layer(
            tower::ServiceBuilder::new()
                .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(
                    tower_http::request_id::MakeRequestUuid,
                ))
                .layer(
                    tower_http::trace::TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                        let id = req
                            .headers()
                            .get("x-request-id")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("");
                        // The route pattern, not the path: paths carry invitation, reset and
                        // link tokens that must not reach logs.
                        let route = req
                            .extensions()
                            .get::<axum::extract::MatchedPath>()
                            .map(|m| m.as_str().to_string())
                            .unwrap_or_else(|| "(unmatched)".to_string());
                        tracing::info_span!("request", method = %req.method(), route = %route, request_id = %id)
                    }),
                )
                .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
                .layer(tower_http::catch_panic::CatchPanicLayer::new())
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    std::time::Duration::from_secs(30),
                )),
        )
        // Added after the layers: the hot path skips tracing spans, request ids and the
        // page middleware (no session lookup, no cookie).
        .route(
            "/s/{code}",
            get(tracking::follow).layer(tower_http::catch_panic::CatchPanicLayer::new()),
        )
        .with_state(state)
}

/// What a server serves on each connection: `GET` and `HEAD /s/{code}` go straight to
/// the redirect ([`tracking::redirect`]), everything else through the router (which also
/// has the route, for routers used without `serve`). The hot path so skips the router's
/// path matching, its extractors and its layers on both polls of every redirect: the
/// server's CPU a redirect fell by a tenth (docs/PERFORMANCE.md).
#[derive(Clone)]
struct Front {
    router: Router,
    state: AppState,
    peer: SocketAddr,
}

type FrontFuture = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<axum::response::Response, std::convert::Infallible>> + Send>,
>;

impl tower::Service<axum::extract::Request> for Front {
    type Response = axum::response::Response;
    type Error = std::convert::Infallible;
    type Future = FrontFuture;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut req: axum::extract::Request) -> Self::Future {
        use futures_util::FutureExt;
        let method = req.method();
        if (method == axum::http::Method::GET || method == axum::http::Method::HEAD)
            && tracking::code_of_path(req.uri().path()).is_some()
        {
            let (state, peer) = (self.state.clone(), self.peer);
            return Box::pin(
                std::panic::AssertUnwindSafe(async move {
                    let code = tracking::code_of_path(req.uri().path()).unwrap_or_default();
                    tracking::redirect(&state, code, req.method(), req.headers(), Some(peer)).await
                })
                .catch_unwind()
                // As the router's CatchPanicLayer answers a panic: 500, the connection kept.
                .map(|r| Ok(r.unwrap_or_else(|_| error::AppError::Internal(anyhow::anyhow!("panic")).into_response()))),
            );
        }
        req.extensions_mut().insert(axum::extract::ConnectInfo(self.peer));
        Box::pin(tower::ServiceExt::oneshot(self.router.clone(), req))
    }
}

/// Makes the [`Front`] of each accepted connection.
#[derive(Clone)]
struct MakeFront {
    router: Router,
    state: AppState,
}

impl<'a, L> tower::Service<axum::serve::IncomingStream<'a, L>> for MakeFront
where
    L: axum::serve::Listener<Addr = SocketAddr>,
{
    type Response = Front;
    type Error = std::convert::Infallible;
    type Future = std::future::Ready<Result<Front, std::convert::Infallible>>;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, incoming: axum::serve::IncomingStream<'a, L>) -> Self::Future {
        std::future::ready(Ok(Front {
            router: self.router.clone(),
            state: self.state.clone(),
            peer: *incoming.remote_addr(),
        }))
    }
}

fn make_front(state: AppState) -> MakeFront {
    MakeFront {
        router: build_router(state.clone()),
        state,
    }
}

/// Connections handed to one serving thread of the per-core mode by the acceptor.
struct HandedOver {
    incoming: tokio::sync::mpsc::UnboundedReceiver<(std::net::TcpStream, SocketAddr)>,
    local: SocketAddr,
}

impl axum::serve::Listener for HandedOver {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.incoming.recv().await {
                // Registered with this thread's runtime, which serves it from now on.
                Some((stream, peer)) => match tokio::net::TcpStream::from_std(stream) {
                    Ok(stream) => return (stream, peer),
                    Err(e) => tracing::warn!(error = %e, "connection dropped"),
                },
                // The acceptor stopped: only the shutdown is left to wait for.
                None => std::future::pending::<()>().await,
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.local)
    }
}

/// Serves `app` on one single-threaded runtime per core (SQLite file mode). Connections
/// are accepted here and handed to the threads in turn, so each carries the same share.
/// Each thread commits the clicks of the redirects it handled whenever it runs out of
/// work ([`tracking::flush_local`]) and then answers them: group commit with no thread
/// switch and no cross-thread wake on the hot path, and no core left idle while a batch
/// could be written (docs/PERFORMANCE.md). Returns when `shutdown` completes and every
/// thread has finished its requests, or when a thread fails.
async fn serve_per_core(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (stop_tx, stop_rx) = watch::channel(false);
    let (ended_tx, mut ended) = tokio::sync::mpsc::unbounded_channel::<std::io::Result<()>>();
    let mut lanes = Vec::with_capacity(threads);
    for i in 0..threads {
        let (lane, incoming) = tokio::sync::mpsc::unbounded_channel();
        lanes.push(lane);
        let (state, ended_tx) = (state.clone(), ended_tx.clone());
        let mut stop = stop_rx.clone();
        let serve_one = move || -> std::io::Result<()> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .on_thread_park(tracking::flush_local)
                .build()?;
            tracking::install_local(&state);
            let app = make_front(state);
            rt.block_on(async move {
                axum::serve(HandedOver { incoming, local }, app)
                    .with_graceful_shutdown(async move {
                        let _ = stop.wait_for(|s| *s).await;
                    })
                    .await
            })
        };
        std::thread::Builder::new().name(format!("http-{i}")).spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(serve_one))
                .unwrap_or_else(|_| Err(std::io::Error::other("a serving thread panicked")));
            let _ = ended_tx.send(result);
        })?;
    }
    drop(ended_tx);
    let mut stop_accepting = stop_rx.clone();
    let acceptor = tokio::spawn(async move {
        let mut next = 0;
        loop {
            let accepted = tokio::select! {
                _ = stop_accepting.wait_for(|s| *s) => return,
                a = listener.accept() => a,
            };
            match accepted.and_then(|(stream, peer)| Ok((stream.into_std()?, peer))) {
                Ok(conn) => {
                    let _ = lanes[next % lanes.len()].send(conn);
                    next = next.wrapping_add(1);
                }
                Err(e) => {
                    // Out of file descriptors, say: wait a little instead of spinning.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            }
        }
    });
    // A thread that ends before the shutdown failed: stop the others and report it.
    let early = tokio::select! {
        _ = shutdown => None,
        r = ended.recv() => Some(r.unwrap_or(Ok(()))),
    };
    let _ = stop_tx.send(true);
    let _ = acceptor.await;
    let mut result = early.unwrap_or(Ok(()));
    while let Some(r) = ended.recv().await {
        if result.is_ok() {
            result = r;
        }
    }
    result
}

/// Serves the application on `listener` and runs the background jobs, until
/// `shutdown` completes; then finishes requests in flight and stops the jobs.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    let jobs = jobs::spawn(state.clone(), stop_rx);
    // Without its click writer the server could answer no tracked link: refuse to run.
    if let Some(e) = state.tracker.writer_error() {
        let _ = stop_tx.send(true);
        for j in jobs {
            let _ = j.await;
        }
        return Err(std::io::Error::other(e.to_string()));
    }
    let result = match state.tracker.journal() {
        Some(_) => serve_per_core(listener, state, shutdown).await,
        None => {
            axum::serve(listener, make_front(state))
                .with_graceful_shutdown(shutdown)
                .await
        }
    };
    let _ = stop_tx.send(true);
    for j in jobs {
        let _ = j.await;
    }
    result
}
