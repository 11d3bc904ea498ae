//! The daily retention run (GDPR article 5(1)(e)): once per UTC day, on one server
//! (the store's claim decides), it erases the candidates whose applications are past
//! their retention (CV files included), deletes raw clicks counted in the roll-ups,
//! old notifications, old audit entries and the bodies of old emails and webhook
//! messages, and records what it deleted: counts, not contents (`retention_runs`, and an
//! audit entry). The periods are the `retention_*` settings.

use crate::AppState;
use crate::i18n::Tr;
use ambasada_core::{DAY, HOUR, Locale, Millis};
use ambasada_store::retention::RunCounts;
use tokio::sync::watch;

/// Runs until `stop` turns true, looking every hour whether today's run is due.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let ok = match run_due(&state, crate::now()).await {
            Ok(_) => true,
            Err(e) => {
                tracing::warn!(error = ?e, "the retention run failed");
                false
            }
        };
        state.metrics.job_ran("retention", ok);
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_millis(HOUR as u64)) => {}
        }
    }
}

/// Runs today's retention (the day of `now`) unless it ran already; what it deleted.
pub async fn run_due(state: &AppState, now: Millis) -> anyhow::Result<Option<RunCounts>> {
    let Some(id) = state.store.claim_retention_run(now.div_euclid(DAY), now).await? else {
        return Ok(None);
    };
    let cutoffs = state.config.retention.cutoffs(now);
    let mut counts = RunCounts::default();
    // Candidates are named as recruiters' erasures name them, in the default language.
    let shown = Tr::new(state.i18n.clone(), Locale::default()).t("former-candidate");
    for application in state.store.applications_past_retention(&cutoffs).await? {
        if let Some(cv) = state.store.erase_application(application, &shown, now).await? {
            counts.applications += 1;
            if let Some(file) = cv {
                super::erase::remove_cv(state, &file).await;
                counts.cvs += 1;
            }
        }
    }
    counts.clicks = state.store.delete_old_clicks(cutoffs.clicks_before).await?;
    counts.notifications = state
        .store
        .delete_old_notifications(cutoffs.notifications_before)
        .await?;
    counts.messages = state.store.clear_old_messages(cutoffs.messages_before).await?;
    counts.audit = state.store.delete_old_audit(cutoffs.audit_before).await?;
    let finished = crate::now().max(now);
    state.store.finish_retention_run(id, &counts, finished).await?;
    // Numbers only, in the order the audit log's sentence names them.
    let summary = format!(
        "{} / {} / {} / {} / {} / {}",
        counts.applications, counts.cvs, counts.clicks, counts.notifications, counts.messages, counts.audit
    );
    state.store.audit(None, "retention.run", &summary, finished).await?;
    tracing::info!(%summary, "retention run done");
    Ok(Some(counts))
}
