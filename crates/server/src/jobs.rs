//! Background jobs that run inside the server process: the email sender and the
//! clean-up of expired sessions, links and throttling records.

use crate::AppState;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Starts the jobs; each stops when `stop` turns true.
pub fn spawn(state: AppState, stop: watch::Receiver<bool>) -> Vec<JoinHandle<()>> {
    let mut jobs = vec![tokio::spawn(cleanup(state.clone(), stop.clone()))];
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
        if let Err(e) = crate::mail::send_due(&state, &transport, &cfg.from).await {
            tracing::error!(error = ?e, "email sender failed");
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = state.mail_wakeup.notified() => {}
            _ = tokio::time::sleep(state.mail_policy.poll) => {}
        }
    }
}

async fn cleanup(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let now = crate::now();
        if let Err(e) = state
            .store
            .purge_expired(now, now - ambasada_core::throttle::WINDOW)
            .await
        {
            tracing::warn!(error = %e, "clean-up failed");
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
        }
    }
}
