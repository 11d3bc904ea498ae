//! The publication calendar (C8): coordinators plan slots per program (spread over many
//! people by `core::calendar::spread`), ambassadors see and act on their plan, and plan
//! realisation is monitored per program, team, ambassador and week.
//!
//! Files: `views` (month, week and list), `slots` (planning, the slot's page, changes),
//! `plan` (the ambassador's plan), `realisation` (the coordinator's monitoring page),
//! `api` (`/api/v1`), `service` (rules shared by pages and API).

pub mod api;
pub mod feeds;
mod plan;
pub mod realisation;
pub mod service;
mod slots;
pub mod views;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/calendar", get(views::page))
        .route("/app/calendar/new", get(slots::new_page).post(slots::create))
        .route("/app/calendar/slots/{id}", get(slots::show).post(slots::save))
        .route("/app/calendar/slots/{id}/delete", post(slots::delete))
        .route("/app/plan", get(plan::page))
        .route("/app/plan/{id}/open", get(plan::open))
        .route("/app/plan/{id}/accept", post(plan::accept))
        .route("/app/plan/{id}/skip", post(plan::skip))
        .route("/app/plan/{id}/move", post(plan::move_post))
        .route("/app/programs/{id}/realisation", get(realisation::page))
}
