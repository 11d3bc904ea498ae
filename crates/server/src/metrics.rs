//! `GET /metrics`: Prometheus metrics in the OpenMetrics text format (C13), for operators.
//!
//! Served only when the setting `metrics_token` is set, and only to a request that
//! carries it as a bearer token. Every series named here exists from the start, at zero;
//! the request series (one per method, route pattern and status) appear with their
//! first request.
//! Counting is an atomic add: the hot path's counters are kept as plain handles, not
//! looked up in a labelled family per click.

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::time::Instant;

/// The background jobs whose runs and failures are counted.
pub const JOBS: &[&str] = &[
    "cleanup",
    "publish_content",
    "calendar",
    "email",
    "digests",
    "slack_teams",
    "webhooks",
    "retention",
    "reviews",
];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    /// The route pattern (`/app/feed/{id}`), never the path: paths carry tokens.
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    job: String,
}

type HistogramFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

fn counter(registry: &mut Registry, name: &str, help: &str) -> Counter {
    let c = Counter::default();
    registry.register(name, help, c.clone());
    c
}

fn gauge(registry: &mut Registry, name: &str, help: &str) -> Gauge {
    let g = Gauge::default();
    registry.register(name, help, g.clone());
    g
}

/// A counter per job of [`JOBS`], each at zero.
fn job_family(registry: &mut Registry, name: &str, help: &str) -> Family<JobLabels, Counter> {
    let family = Family::<JobLabels, Counter>::default();
    registry.register(name, help, family.clone());
    for job in JOBS {
        let _ = family.get_or_create(&JobLabels { job: job.to_string() });
    }
    family
}

/// The process's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: HistogramFamily,
    /// Tracked links answered with a redirect.
    pub redirects: Counter,
    /// Tracked link requests answered 404 (unknown, expired or malformed codes).
    pub redirects_not_found: Counter,
    /// Tracked link requests refused: 503 (click backlog full, writer gone) or 500.
    pub redirects_failed: Counter,
    /// Clicks recorded and counted (people).
    pub clicks: Counter,
    /// Clicks recorded but not counted (bots, crawlers, programs, HEAD requests).
    pub bot_clicks: Counter,
    job_runs: Family<JobLabels, Counter>,
    job_failures: Family<JobLabels, Counter>,
    click_backlog: Gauge,
    outbox_backlog: Gauge,
    outbox_failed: Gauge,
    webhook_backlog: Gauge,
    webhook_failed: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "ambasada_http_requests",
            "HTTP requests answered, by method, route pattern and status (tracked links excluded)",
            requests.clone(),
        );
        let latency: HistogramFamily = Family::new_with_constructor(latency_histogram);
        registry.register(
            "ambasada_http_request_duration_seconds",
            "Time to answer an HTTP request, by route pattern (tracked links excluded)",
            latency.clone(),
        );
        let redirects = counter(
            &mut registry,
            "ambasada_redirects",
            "Tracked links answered with a redirect",
        );
        let redirects_not_found = counter(
            &mut registry,
            "ambasada_redirects_not_found",
            "Tracked link requests answered 404",
        );
        let redirects_failed = counter(
            &mut registry,
            "ambasada_redirects_failed",
            "Tracked link requests refused with 503 (click backlog full) or 500",
        );
        let clicks = counter(
            &mut registry,
            "ambasada_clicks",
            "Clicks on tracked links counted as people",
        );
        let bot_clicks = counter(
            &mut registry,
            "ambasada_bot_clicks",
            "Clicks on tracked links recorded as bots, crawlers and programs (not counted)",
        );
        let job_runs = job_family(&mut registry, "ambasada_job_runs", "Background job runs");
        let job_failures = job_family(
            &mut registry,
            "ambasada_job_failures",
            "Background job runs that failed",
        );
        Metrics {
            click_backlog: gauge(
                &mut registry,
                "ambasada_click_backlog",
                "Clicks answered but not yet loaded into the database (journal or writer queue)",
            ),
            outbox_backlog: gauge(&mut registry, "ambasada_outbox_backlog", "Emails waiting to be sent"),
            outbox_failed: gauge(&mut registry, "ambasada_outbox_failed", "Emails given up on"),
            webhook_backlog: gauge(
                &mut registry,
                "ambasada_webhook_backlog",
                "Webhook messages (signed webhooks, Slack and Teams) waiting to be posted",
            ),
            webhook_failed: gauge(
                &mut registry,
                "ambasada_webhook_failed",
                "Webhook messages (signed webhooks, Slack and Teams) given up on",
            ),
            registry,
            requests,
            latency,
            redirects,
            redirects_not_found,
            redirects_failed,
            clicks,
            bot_clicks,
            job_runs,
            job_failures,
        }
    }

    /// Counts one run of a background job (one of [`JOBS`]) and whether it failed.
    pub fn job_ran(&self, job: &str, ok: bool) {
        let labels = JobLabels { job: job.to_string() };
        self.job_runs.get_or_create(&labels).inc();
        if !ok {
            self.job_failures.get_or_create(&labels).inc();
        }
    }

    fn request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_string(),
                route: route.to_string(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(seconds);
    }
}

/// Middleware: counts every request by its route pattern and status, and its latency.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = method_label(req.method()).to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".to_string());
    let res = next.run(req).await;
    state
        .metrics
        .request(&method, &route, res.status().as_u16(), start.elapsed().as_secs_f64());
    res
}

/// A method as a label: the standard ones by name, anything else as `OTHER` (a client
/// may send any token as a method; each would otherwise be a new series kept forever).
fn method_label(m: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

/// Whether the request carries the configured token.
fn authorised(expected: &str, headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| crate::web::constant_time_eq(given.trim(), expected))
}

/// `GET /metrics`.
pub async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics_token.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !authorised(token.expose(), &headers) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
            "a bearer token is required",
        )
            .into_response();
    }
    let m = &state.metrics;
    let backlog = state.tracker.journal().map(|j| j.backlog().0).unwrap_or(0) + state.tracker.queued_clicks();
    m.click_backlog.set(backlog as i64);
    match state.store.queue_counts().await {
        Ok(q) => {
            m.outbox_backlog.set(q.outbox_waiting);
            m.outbox_failed.set(q.outbox_failed);
            m.webhook_backlog.set(q.webhooks_waiting);
            m.webhook_failed.set(q.webhooks_failed);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: cannot count the queues"),
    }
    let mut body = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut body, &m.registry) {
        return crate::error::AppError::Internal(anyhow::anyhow!("encoding metrics: {e}")).into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_is_there_from_the_start() {
        let m = Metrics::new();
        let mut body = String::new();
        prometheus_client::encoding::text::encode(&mut body, &m.registry).unwrap();
        for line in [
            "ambasada_redirects_total 0",
            "ambasada_redirects_not_found_total 0",
            "ambasada_redirects_failed_total 0",
            "ambasada_clicks_total 0",
            "ambasada_bot_clicks_total 0",
            "ambasada_job_runs_total{job=\"email\"} 0",
            "ambasada_job_failures_total{job=\"cleanup\"} 0",
            "ambasada_click_backlog 0",
            "ambasada_outbox_backlog 0",
            "ambasada_webhook_failed 0",
        ] {
            assert!(body.lines().any(|l| l == line), "{line} missing in\n{body}");
        }
        assert!(body.ends_with("# EOF\n"));
    }

    #[test]
    fn requests_are_counted_by_route_pattern() {
        let m = Metrics::new();
        m.request("GET", "/app/feed/{id}", 200, 0.003);
        m.request("GET", "/app/feed/{id}", 200, 0.004);
        m.job_ran("email", false);
        let mut body = String::new();
        prometheus_client::encoding::text::encode(&mut body, &m.registry).unwrap();
        assert!(
            body.contains("ambasada_http_requests_total{method=\"GET\",route=\"/app/feed/{id}\",status=\"200\"} 2"),
            "{body}"
        );
        assert!(body.contains("ambasada_http_request_duration_seconds_count{route=\"/app/feed/{id}\"} 2"));
        assert!(body.contains("ambasada_job_failures_total{job=\"email\"} 1"));
    }

    #[test]
    fn only_the_configured_bearer_token_is_accepted() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, HeaderValue::from_str(v).unwrap());
            h
        };
        assert!(authorised("s3cret", &with("Bearer s3cret")));
        assert!(!authorised("s3cret", &with("Bearer s3cre")));
        assert!(!authorised("s3cret", &with("Basic s3cret")));
        assert!(!authorised("s3cret", &HeaderMap::new()));
    }

    #[test]
    fn made_up_methods_share_one_label() {
        let m = |s: &str| method_label(&axum::http::Method::from_bytes(s.as_bytes()).unwrap());
        assert_eq!(m("GET"), "GET");
        assert_eq!(m("FOO1"), "OTHER");
        assert_eq!(m("FOO2"), "OTHER");
    }
}
