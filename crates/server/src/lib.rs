//! Ambasada's HTTP server: pages, the JSON API, background jobs.
//!
//! `build_router(state)` gives the whole application as an axum `Router`, composed of each
//! capability's routes; `serve` (in `serve.rs`) runs it on a bound listener until a
//! shutdown signal, so tests start it on port 0. This file only composes routers and
//! state: every capability lives in its own folder (see the README's Layout).

pub mod api;
pub mod assets;
pub mod auth;
pub mod brand;
pub mod calendar;
pub mod config;
pub mod content;
pub mod demo;
pub mod digests;
pub mod empty_answers;
pub mod enps;
pub mod error;
pub mod i18n;
pub mod input;
pub mod integrations;
pub mod jobs;
pub mod linkedin;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod metrics;
pub mod nav;
pub mod notifications;
pub mod ops;
pub mod people;
pub mod privacy;
pub mod programs;
pub mod recruiting;
pub mod reports;
pub mod rewards;
pub mod secrets;
pub mod security_headers;
mod serve;
pub mod tracking;
pub mod training;
pub mod web;
pub mod webhooks;

use ambasada_store::Store;
use axum::Router;
use axum::routing::get;
use config::Config;
use std::sync::Arc;
use tokio::sync::Notify;

pub use serve::serve;

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
    /// The Slack and Teams sender's client, retry policy and wake-up signal.
    pub webhooks: integrations::Webhooks,
    /// The signed webhooks sender's policy and wake-up signal.
    pub signed_webhooks: webhooks::Outbound,
    pub assets: &'static assets::AssetNames,
    pub tracker: tracking::Tracker,
    /// Key of the click tokens (shared by every instance through the database).
    pub click_key: ambasada_core::tracking::ClickKey,
    /// The company's brand, kept in memory (see `brand`).
    pub brand: brand::BrandCache,
    /// The counters and gauges of `/metrics`.
    pub metrics: metrics::Metrics,
    /// Seals stored LinkedIn tokens with the `secret_key` setting (or the key generated
    /// into the database on first start).
    pub sealer: secrets::Sealer,
    /// The HTTP client for LinkedIn (no redirects followed).
    pub linkedin_http: reqwest::Client,
    /// Wakes the LinkedIn job when a post is planned or changed.
    pub linkedin_wakeup: Arc<Notify>,
    /// The company identity provider's document and keys, fetched when first needed.
    pub sso: people::sso::Provider,
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
        let sealer = match &config.secret_key {
            Some(key) => secrets::Sealer::new(key.expose()),
            None => {
                if config.linkedin.is_some() {
                    tracing::warn!(
                        "secret_key is not set: LinkedIn tokens are sealed with a key kept in the database itself; \
                         set secret_key (outside the database's backups) to protect them at rest"
                    );
                }
                secrets::Sealer::new(&store.setting_or_init("secret_key", auth::new_token).await?)
            }
        };
        Ok(AppState(Arc::new(Inner {
            sealer,
            linkedin_http: linkedin::client::http()?,
            linkedin_wakeup: Arc::new(Notify::new()),
            store,
            config,
            i18n: Arc::new(i18n::I18n::new()),
            ip_key,
            mail_wakeup: Arc::new(Notify::new()),
            mail_policy: mail::RetryPolicy::default(),
            webhooks: integrations::Webhooks::new()?,
            signed_webhooks: webhooks::Outbound::default(),
            assets: assets::names(),
            tracker: tracking::Tracker::default(),
            click_key,
            brand: brand::BrandCache::default(),
            metrics: metrics::Metrics::new(),
            sso: people::sso::Provider::new()?,
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

/// How long a request may take before it is answered with a 408.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The whole application.
pub fn build_router(state: AppState) -> Router {
    build_router_timing_out(state, REQUEST_TIMEOUT)
}

/// The whole application, answering requests that take longer than `timeout` with a 408
/// (the tests use a short one).
pub fn build_router_timing_out(state: AppState, timeout: std::time::Duration) -> Router {
    let pages = Router::new()
        .merge(people::routes())
        .merge(programs::routes())
        .merge(content::routes())
        .merge(recruiting::routes())
        .merge(enps::routes())
        .merge(training::routes())
        .merge(calendar::routes())
        .merge(notifications::routes())
        .merge(integrations::routes())
        .merge(linkedin::routes())
        .merge(rewards::routes())
        .merge(reports::routes())
        .merge(calendar::feeds::routes())
        .merge(digests::routes())
        .merge(brand::routes())
        .merge(privacy::routes())
        .merge(webhooks::routes())
        .merge(api::reference::routes())
        .fallback(|| async { error::AppError::NotFound })
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::context));
    Router::new()
        .merge(pages)
        .nest("/api/v1", api::routes())
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(metrics::serve))
        .merge(assets::routes())
        .merge(media::routes())
        .merge(brand::stylesheet_routes())
        // Calendar apps poll feeds without a session: outside the page middleware.
        .merge(calendar::feeds::feed_routes())
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
                .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
                .layer(tower_http::catch_panic::CatchPanicLayer::new())
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    timeout,
                )),
        )
        // Outside the timeout: its 408, and a too long URI's 414, get a page or a problem.
        .layer(axum::middleware::from_fn_with_state(state.clone(), empty_answers::fill))
        // Outermost, so every answer gets them, error pages of the layers above included.
        .layer(axum::middleware::map_response(security_headers::apply))
        // Added after the layers: the hot path skips tracing spans, request ids and the
        // page middleware (no session lookup, no cookie).
        .route(
            "/s/{code}",
            get(tracking::follow).layer(tower_http::catch_panic::CatchPanicLayer::new()),
        )
        .with_state(state)
}
