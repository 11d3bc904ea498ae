//! Serving: the connection front that answers `GET`/`HEAD /s/{code}` before the router,
//! the per-core mode (wherever clicks go to a journal), and [`serve`], which runs the server and the
//! background jobs until shutdown.

use crate::{AppState, build_router, error, jobs, tracking};
use axum::Router;
use axum::response::IntoResponse;
use std::net::SocketAddr;
use tokio::sync::watch;

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
    /// Where the router's requests run when not on this runtime ([`MakeFront::pages`]).
    pages: Option<tokio::runtime::Handle>,
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
        let routed = tower::ServiceExt::oneshot(self.router.clone(), req);
        match &self.pages {
            Some(pages) => {
                let handled = pages.spawn(routed);
                Box::pin(async move {
                    match handled.await {
                        Ok(answered) => answered,
                        // The router answers its own panics; this is a stopped runtime.
                        Err(_) => Ok(error::AppError::Internal(anyhow::anyhow!("page task ended")).into_response()),
                    }
                })
            }
            None => Box::pin(routed),
        }
    }
}

/// Makes the [`Front`] of each accepted connection.
#[derive(Clone)]
struct MakeFront {
    router: Router,
    state: AppState,
    /// On PostgreSQL the per-core threads answer redirects and hand every other request
    /// to the main runtime (a hop of microseconds), so that the pages' database
    /// connections are driven by a runtime that always runs: a connection opened on one
    /// serving thread's runtime and used by another's waited for the first to poll its
    /// I/O, and the pages' p95 at 20 million clicks went from about 300 ms to 1,044 ms.
    /// SQLite's driver runs on threads of its own and needs no hop.
    pages: Option<tokio::runtime::Handle>,
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
            pages: self.pages.clone(),
            router: self.router.clone(),
            state: self.state.clone(),
            peer: *incoming.remote_addr(),
        }))
    }
}

fn make_front(state: AppState, pages: Option<tokio::runtime::Handle>) -> MakeFront {
    MakeFront {
        router: build_router(state.clone()),
        state,
        pages,
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

/// One serving thread of the per-core mode, before it starts.
struct ServingThread {
    state: AppState,
    incoming: tokio::sync::mpsc::UnboundedReceiver<(std::net::TcpStream, SocketAddr)>,
    local: SocketAddr,
    stop: watch::Receiver<bool>,
    release: watch::Receiver<bool>,
    /// The main runtime, where pages run on PostgreSQL ([`MakeFront::pages`]).
    pages: Option<tokio::runtime::Handle>,
    /// Where the thread reports how serving ended (once).
    ended: tokio::sync::mpsc::UnboundedSender<std::io::Result<()>>,
}

impl ServingThread {
    /// Serves until `stop`, reports, and keeps its runtime running until `release`.
    fn run(self) {
        let ServingThread {
            state,
            incoming,
            local,
            mut stop,
            mut release,
            pages,
            ended,
        } = self;
        let report = ended.clone();
        let serve_one = move || -> std::io::Result<()> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .on_thread_park(tracking::flush_local)
                .build()?;
            tracking::install_local(&state);
            let app = make_front(state, pages);
            rt.block_on(async move {
                let served = axum::serve(HandedOver { incoming, local }, app)
                    .with_graceful_shutdown(async move {
                        let _ = stop.wait_for(|s| *s).await;
                    })
                    .await;
                let _ = report.send(served);
                let _ = release.wait_for(|r| *r).await;
            });
            Ok(())
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(serve_one))
            .unwrap_or_else(|_| Err(std::io::Error::other("a serving thread panicked")));
        if let Err(e) = result {
            let _ = ended.send(Err(e));
        }
    }
}

/// Serves `app` on one single-threaded runtime per core (wherever there is a click
/// journal: a SQLite file, PostgreSQL). Connections
/// are accepted here and handed to the threads in turn, so each carries the same share.
/// Each thread commits the clicks of the redirects it handled whenever it runs out of
/// work ([`tracking::flush_local`]) and then answers them: group commit with no thread
/// switch and no cross-thread wake on the hot path, and no core left idle while a batch
/// could be written (docs/PERFORMANCE.md). Returns when `shutdown` completes and every
/// thread has finished its requests, or when a thread fails. Each thread keeps running
/// its runtime, idle, until `release` turns true: database connections a thread opened
/// (the pool is shared) are driven by its runtime, and the background jobs may still use
/// them until they stop.
async fn serve_per_core(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    release: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (stop_tx, stop_rx) = watch::channel(false);
    let (ended_tx, mut ended) = tokio::sync::mpsc::unbounded_channel::<std::io::Result<()>>();
    let mut lanes = Vec::with_capacity(threads);
    let pages = (state.store.backend() == ambasada_store::Backend::Postgres).then(tokio::runtime::Handle::current);
    for i in 0..threads {
        let (lane, incoming) = tokio::sync::mpsc::unbounded_channel();
        lanes.push(lane);
        let thread = ServingThread {
            state: state.clone(),
            incoming,
            local,
            stop: stop_rx.clone(),
            release: release.clone(),
            pages: pages.clone(),
            ended: ended_tx.clone(),
        };
        std::thread::Builder::new()
            .name(format!("http-{i}"))
            .spawn(move || thread.run())?;
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
    // One answer from each thread once it has served (the threads stay until released).
    let mut answered = usize::from(early.is_some());
    let mut result = early.unwrap_or(Ok(()));
    while answered < threads {
        let Some(r) = ended.recv().await else { break };
        answered += 1;
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
    let (release, released) = watch::channel(false);
    let result = match state.tracker.journal() {
        Some(_) => serve_per_core(listener, state, shutdown, released).await,
        None => {
            axum::serve(listener, make_front(state, None))
                .with_graceful_shutdown(shutdown)
                .await
        }
    };
    let _ = stop_tx.send(true);
    for j in jobs {
        let _ = j.await;
    }
    // The jobs are done with the connections the serving threads' runtimes drive.
    let _ = release.send(true);
    result
}
