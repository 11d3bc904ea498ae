//! The reviews' job: every hour, each program gets the draft review of its current
//! period (at its cadence) when it has none, generated from the data, and a draft of the
//! current period whose numbers are older than [`STALE_AFTER`] has them taken again, so
//! that the coordinator opens a review with fresh numbers. Several processes may run it:
//! a period's review is made once (`Store::create_review` keys it by program and period).

use super::reviews as service;
use crate::AppState;
use ambasada_core::{HOUR, Millis};
use tokio::sync::watch;

/// A draft's numbers older than this are taken again by the job.
pub const STALE_AFTER: Millis = 6 * HOUR;

/// The job: a [`tick`] every hour until `stop` turns true.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let result = tick(&state, crate::now()).await;
        state.metrics.job_ran("reviews", result.is_ok());
        match result {
            Ok(0) => {}
            Ok(made) => tracing::info!(made, "review drafts made"),
            Err(e) => tracing::warn!(error = ?e, "review drafts failed"),
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
        }
    }
}

/// Makes the current period's draft of every program that has none, and refreshes stale
/// current drafts; returns how many drafts this call made. One program's failure is
/// logged and the others go on.
pub async fn tick(state: &AppState, now: Millis) -> anyhow::Result<usize> {
    let today = ambasada_core::tracking::day_number(now);
    let mut made = 0;
    for program in state.store.programs().await? {
        let result = async {
            let (id, created) = service::ensure_review(state, &program, today, now).await?;
            if created {
                return Ok::<bool, anyhow::Error>(true);
            }
            if let Some(r) = state.store.review(id).await?
                && r.is_draft()
                && service::snapshot_of(&r).is_none_or(|s| s.taken_at < now - STALE_AFTER)
            {
                service::refresh(state, &r, &program, now).await?;
            }
            Ok(false)
        };
        match result.await {
            Ok(true) => made += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(program = program.id, error = ?e, "review draft failed"),
        }
    }
    Ok(made)
}
