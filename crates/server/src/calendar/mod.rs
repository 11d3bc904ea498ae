//! The publication calendar (C8): coordinators plan slots per program (spread over many
//! people by `core::calendar::spread`), ambassadors see and act on their plan, and plan
//! realisation is monitored per program, team, ambassador and week.

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
