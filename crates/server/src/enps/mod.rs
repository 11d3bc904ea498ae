//! The eNPS pulse survey (for the health check, C12): a coordinator or admin opens an
//! anonymous survey to every employee; each answers once, 0-10 with an optional comment;
//! results show only from 5 answers.

mod pages;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/enps", get(pages::results))
        .route("/app/enps/open", post(pages::open))
        .route("/app/enps/{id}/close", post(pages::close))
        .route("/app/pulse", get(pages::pulse).post(pages::answer))
}
