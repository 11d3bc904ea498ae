//! Programs and their design (C2, C3, C12): the program itself (`pages`), its goals
//! (`goals`), the selection of ambassadors (`selection`), the health check (`health`), and
//! the `/api/v1` calls over them (`api`).

pub mod api;
pub mod goals;
pub mod health;
pub mod pages;
pub mod selection;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

/// The pages of programs and their design.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(pages::routes())
        .merge(selection::routes())
        .route("/app/programs/{id}/health", get(health::page))
        .route("/app/programs/{id}/goals", post(goals::create))
        .route("/app/programs/{id}/goals/{goal}/delete", post(goals::delete))
}
