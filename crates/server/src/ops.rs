//! Endpoints for operators: liveness and readiness.

use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// The process answers.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: the database answers.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    // Redirects are refused while the click loader is this far behind.
    if let Some(journal) = state.tracker.journal() {
        let (waiting, bound) = journal.backlog();
        if waiting >= bound {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "click backlog full: redirects wait for the click loader",
            );
        }
    }
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
