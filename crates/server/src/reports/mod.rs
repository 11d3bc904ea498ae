//! Measurement and reports (C11): the program dashboard, an ambassador's impact, content
//! performance, the stats API and the monthly reviews.

pub mod chart;
pub mod content_perf;
pub mod csv;
pub mod dashboard;
mod dashboard_view;
pub mod emv_settings;
pub mod impact;
pub mod reviews;
pub mod reviews_api;
mod reviews_forms;
pub mod reviews_job;
mod reviews_mail;
pub mod reviews_pages;
pub mod reviews_view;
pub mod stats_api;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(dashboard::routes())
        .merge(emv_settings::routes())
        .route("/app/impact", get(impact::page))
        .route("/app/impact.csv", get(impact::csv))
        .route("/app/content/{id}/performance", get(content_perf::item_page))
        .route("/app/programs/{id}/content", get(content_perf::program_page))
        .route("/app/programs/{id}/content.csv", get(content_perf::program_csv))
        .route(
            "/app/programs/{id}/reviews",
            get(reviews_pages::archive).post(reviews_forms::create),
        )
        .route("/app/reviews/{id}", get(reviews_pages::show))
        .route("/app/reviews/{id}/refresh", post(reviews_forms::refresh))
        .route("/app/reviews/{id}/notes", post(reviews_forms::notes))
        .route("/app/reviews/{id}/decisions", post(reviews_forms::add_decision))
        .route(
            "/app/reviews/{id}/decisions/{decision}/delete",
            post(reviews_forms::delete_decision),
        )
        .route(
            "/app/reviews/{id}/decisions/{decision}/done",
            post(reviews_forms::mark_done),
        )
        .route("/app/reviews/{id}/attendance", post(reviews_forms::attendance))
        .route("/app/reviews/{id}/publish", post(reviews_forms::publish))
}

pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .merge(stats_api::api_routes())
        .merge(reviews_api::api_routes())
}
