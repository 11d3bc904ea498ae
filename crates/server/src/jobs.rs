//! Background jobs that run inside the server process: the email sender, publishing
//! and expiring content on time (and announcing it), the calendar's minute (missed
//! planned posts, reminders), and the clean-up of expired sessions, links and
//! throttling records.

use crate::AppState;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Starts the jobs; each stops when `stop` turns true.
pub fn spawn(state: AppState, stop: watch::Receiver<bool>) -> Vec<JoinHandle<()>> {
    let mut jobs = vec![
        tokio::spawn(cleanup(state.clone(), stop.clone())),
        tokio::spawn(publish_content(state.clone(), stop.clone())),
        tokio::spawn(calendar_tick(state.clone(), stop.clone())),
        tokio::spawn(crate::integrations::sender(state.clone(), stop.clone())),
        tokio::spawn(crate::webhooks::run(state.clone(), stop.clone())),
        tokio::spawn(crate::privacy::retention::run(state.clone(), stop.clone())),
        tokio::spawn(crate::digests::run(state.clone(), stop.clone())),
        tokio::spawn(crate::rewards::awarding::clicks_job(state.clone(), stop.clone())),
        tokio::spawn(crate::rewards::settle::run(state.clone(), stop.clone())),
        tokio::spawn(crate::reports::reviews_job::run(state.clone(), stop.clone())),
        tokio::spawn(crate::tracking::watch_links(state.clone(), stop.clone())),
        tokio::spawn(crate::linkedin::job::run(state.clone(), stop.clone())),
    ];
    jobs.extend(crate::tracking::spawn_writer(state.clone(), stop.clone()));
    if let Some(cfg) = state.config.smtp.clone() {
        jobs.push(tokio::spawn(mail_sender(state, cfg, stop)));
    } else {
        tracing::info!("no SMTP settings: emails stay in the outbox, visible to admins");
    }
    jobs
}

async fn mail_sender(state: AppState, cfg: crate::config::SmtpConfig, mut stop: watch::Receiver<bool>) {
    let transport = match crate::mail::transport(&cfg) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "SMTP settings unusable; emails stay in the outbox");
            return;
        }
    };
    loop {
        let result = crate::mail::send_due(&state, &transport, &cfg.from).await;
        state.metrics.job_ran("email", result.is_ok());
        if let Err(e) = result {
            tracing::error!(error = ?e, "email sender failed");
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = state.mail_wakeup.notified() => {}
            _ = tokio::time::sleep(state.mail_policy.poll) => {}
        }
    }
}

/// Publishes approved content whose start has come and expires content whose end has
/// passed. Feeds do not wait for it (they check the times themselves); this keeps the
/// stored status and the workflow history true.
async fn publish_content(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let mut ok = true;
        let now = crate::now();
        match state.store.publish_and_expire_due(now).await {
            Ok((0, expired)) if expired.is_empty() => {}
            Ok((published, expired)) => {
                tracing::info!(published, expired = expired.len(), "content published and expired");
                for id in expired {
                    crate::webhooks::events::content_expired(&state, id, now).await;
                }
            }
            Err(e) => {
                ok = false;
                tracing::warn!(error = %e, "publishing content failed")
            }
        }
        if let Err(e) = announce(&state).await {
            ok = false;
            tracing::warn!(error = ?e, "announcing published content failed");
        }
        state.metrics.job_ran("publish_content", ok);
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(30)) => {}
        }
    }
}

/// Announces each newly published item once (in-app notifications, Slack and Teams,
/// signed webhooks).
async fn announce(state: &AppState) -> anyhow::Result<()> {
    // Claimed items are announced one by one: a failure is logged and the others go on.
    for id in state.store.claim_announcements(crate::now()).await? {
        let item = match state.store.content_item(id).await {
            Ok(Some(item)) => item,
            Ok(None) => continue,
            Err(e) => {
                tracing::warn!(error = %e, item = id, "announcing an item failed");
                continue;
            }
        };
        if let Err(e) = crate::notifications::content_published(state, &item).await {
            tracing::warn!(error = ?e, item = id, "notifying of a published item failed");
        }
        if let Err(e) = crate::integrations::content_published(state, &item).await {
            tracing::warn!(error = ?e, item = id, "posting a published item to Slack or Teams failed");
        }
        crate::webhooks::events::content_published(state, &item).await;
    }
    Ok(())
}

/// Every minute: planned posts past their deadline become missed, and people are
/// reminded of the posts that are due.
async fn calendar_tick(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let now = crate::now();
        let mut ok = true;
        match state.store.mark_missed(now).await {
            Ok(missed) if !missed.is_empty() => tracing::info!(missed = missed.len(), "planned posts missed"),
            Ok(_) => {}
            Err(e) => {
                ok = false;
                tracing::warn!(error = %e, "marking missed planned posts failed")
            }
        }
        if let Err(e) = crate::notifications::remind_due(&state, now).await {
            ok = false;
            tracing::warn!(error = ?e, "reminding of due planned posts failed");
        }
        state.metrics.job_ran("calendar", ok);
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
        }
    }
}

async fn cleanup(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let now = crate::now();
        let mut ok = true;
        if let Err(e) = state
            .store
            .purge_expired(now, now - ambasada_core::people::throttle::WINDOW)
            .await
        {
            ok = false;
            tracing::warn!(error = %e, "clean-up failed");
        }
        if let Err(e) = state.store.purge_salts(ambasada_core::tracking::day_number(now)).await {
            ok = false;
            tracing::warn!(error = %e, "salt clean-up failed");
        }
        let today = ambasada_core::tracking::day_number(now);
        if let Err(e) = state.store.prune_click_day_visitors(today).await {
            ok = false;
            tracing::warn!(error = %e, "visitor roll-up clean-up failed");
        }
        state.metrics.job_ran("cleanup", ok);
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
        }
    }
}
