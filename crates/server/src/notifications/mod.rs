//! In-app notifications (C8): what each person should know about, with an unread count
//! in the header.

use crate::AppState;
use ambasada_store::content::ContentItem;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}

/// Called once per item when it is published (the announcement job claims it).
pub async fn content_published(_state: &AppState, _item: &ContentItem) -> anyhow::Result<()> {
    Ok(())
}

/// Called every minute by the calendar job: notifies people of their planned posts that
/// are due.
pub async fn remind_due(_state: &AppState, _now: ambasada_core::Millis) -> anyhow::Result<()> {
    Ok(())
}
