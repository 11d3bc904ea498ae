//! Content library and sharing (C5, C6): items with suggested texts per network, their
//! workflow, the ambassador's feed and share screen, tracked links and shares. Pages and
//! the API share the rules here; SQL stays in the store, pure rules in core.

pub mod api;
mod api_library;
mod api_views;
pub(crate) mod feed;
mod form;
mod library;
mod preview;
pub mod service;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// Uploads up to this size are read, so that a too large image gets a message on its
/// field (the image itself may be at most 5 MB).
const FORM_BODY_LIMIT: usize = 12 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/content", get(library::list))
        .route(
            "/app/content/new",
            get(library::new_page)
                .post(library::create)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route("/app/content/{id}", get(library::show))
        .route(
            "/app/content/{id}/edit",
            get(library::edit_page)
                .post(library::update)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route("/app/content/{id}/submit", post(library::submit))
        .route("/app/content/{id}/approve", post(library::approve))
        .route("/app/content/{id}/reject", post(library::reject))
        .route("/app/content/{id}/withdraw", post(library::withdraw))
        .route(
            "/app/suggest",
            get(library::suggest_page)
                .post(library::suggest)
                .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT)),
        )
        .route("/app/feed", get(feed::feed))
        .route("/app/feed/{id}", get(feed::share_page))
        .route("/app/feed/{id}/score", post(feed::score))
        .route("/app/feed/{id}/link", post(feed::make_link))
        .route("/app/feed/{id}/confirm", post(feed::confirm))
        .route("/app/shares", get(feed::my_shares))
        .route("/app/shares/own", post(feed::own_post))
}
