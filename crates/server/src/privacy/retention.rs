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
/// Each step runs whatever the others did; a failed one is logged, leaves the run
/// unfinished and fails the job (the next day's run catches up).
pub async fn run_due(state: &AppState, now: Millis) -> anyhow::Result<Option<RunCounts>> {
    let Some(id) = state.store.claim_retention_run(now.div_euclid(DAY), now).await? else {
        return Ok(None);
    };
    let cutoffs = state.config.retention.cutoffs(now);
    let mut counts = RunCounts::default();
    let mut failed: Vec<&'static str> = Vec::new();
    if let Err(e) = erase_candidates(state, &cutoffs, now, &mut counts).await {
        tracing::warn!(error = ?e, "a retention step failed: applications");
        failed.push("applications");
    }
    let store = &state.store;
    counts.clicks = counted(
        &mut failed,
        "clicks",
        store.delete_old_clicks(cutoffs.clicks_before).await,
    );
    counts.notifications = counted(
        &mut failed,
        "notifications",
        store.delete_old_notifications(cutoffs.notifications_before).await,
    );
    counts.messages = counted(
        &mut failed,
        "messages",
        store.clear_old_messages(cutoffs.messages_before).await,
    );
    counts.audit = counted(&mut failed, "audit", store.delete_old_audit(cutoffs.audit_before).await);
    let finished = crate::now().max(now);
    let finished_at = failed.is_empty().then_some(finished);
    state.store.finish_retention_run(id, &counts, finished_at).await?;
    // Numbers only, in the order the audit log's sentence names them.
    let summary = format!(
        "{} / {} / {} / {} / {} / {}",
        counts.applications, counts.cvs, counts.clicks, counts.notifications, counts.messages, counts.audit
    );
    state.store.audit(None, "retention.run", &summary, finished).await?;
    tracing::info!(%summary, "retention run done");
    if !failed.is_empty() {
        anyhow::bail!("retention steps failed: {}", failed.join(", "));
    }
    Ok(Some(counts))
}

/// Erases the candidates past their retention, CV files included.
async fn erase_candidates(
    state: &AppState,
    cutoffs: &ambasada_core::retention::Cutoffs,
    now: Millis,
    counts: &mut RunCounts,
) -> anyhow::Result<()> {
    // Candidates are named as recruiters' erasures name them, in the default language.
    let shown = Tr::new(state.i18n.clone(), Locale::default()).t("former-candidate");
    for application in state.store.applications_past_retention(cutoffs).await? {
        if let Some(cv) = state.store.erase_application(application, &shown, now).await? {
            counts.applications += 1;
            if let Some(file) = cv {
                super::erase::remove_cv(state, &file).await;
                counts.cvs += 1;
            }
        }
    }
    Ok(())
}

/// A step's count, or 0 with the step named among the failed ones.
fn counted(failed: &mut Vec<&'static str>, step: &'static str, r: ambasada_store::Result<i64>) -> i64 {
    r.unwrap_or_else(|e| {
        tracing::warn!(error = %e, step, "a retention step failed");
        failed.push(step);
        0
    })
}
