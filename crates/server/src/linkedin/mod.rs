//! LinkedIn direct posting (C6b): a person connects their LinkedIn member once, then
//! publishes an item from the share screen at once or at a time they choose; a job
//! sends planned posts exactly once and reminds people before their token expires.
//! Everything here is hidden (404) unless the company's LinkedIn app is configured.

pub mod client;
pub mod connect;
pub mod job;
pub mod posts;
pub mod publish;
pub mod send;

use crate::AppState;
use crate::error::AppError;
use axum::Router;
use axum::routing::{get, post};
use client::LinkedIn;

/// What access tokens are sealed for.
pub const PURPOSE_TOKEN: &str = "linkedin access token";

/// The company's LinkedIn app, or a 404 when none is configured.
pub fn linkedin_for(state: &AppState) -> Result<LinkedIn<'_>, AppError> {
    state
        .config
        .linkedin
        .as_ref()
        .map(|cfg| LinkedIn {
            cfg,
            http: &state.linkedin_http,
        })
        .ok_or(AppError::NotFound)
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/profile/linkedin/connect", get(connect::start))
        .route(connect::CALLBACK_PATH, get(connect::callback))
        .route("/app/profile/linkedin/disconnect", post(connect::disconnect))
        .route("/app/feed/{id}/linkedin", post(publish::publish_now))
        .route("/app/feed/{id}/linkedin/schedule", post(publish::schedule))
        .route("/app/linkedin", get(posts::list))
        .route("/app/linkedin/{id}", get(posts::edit_page).post(posts::save))
        .route("/app/linkedin/{id}/cancel", post(posts::cancel))
}
