//! Slack and Microsoft Teams incoming webhooks per program (C8).

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
