//! The LinkedIn job: every few seconds it resolves posts whose sender died mid-call,
//! sends the due ones (each claimed before LinkedIn is called, so that with several
//! instances on PostgreSQL every post goes out once), and reminds people 7 days and
//! 1 day before their token expires.

use super::send::send_claimed;
use crate::AppState;
use crate::i18n::Tr;
use crate::notifications::{kind, notify};
use ambasada_core::{DAY, MINUTE, Millis};
use std::time::Duration;
use tokio::sync::watch;

/// How long a claim may last before its post counts as interrupted: longer than any
/// call to LinkedIn (the client times out after 20 s per call, three calls at most).
pub const LEASE: Millis = 5 * MINUTE;
/// How often the job looks for due posts.
const POLL: Duration = Duration::from_secs(5);
/// At most this many posts in one round (the others wait for the next).
const BATCH: usize = 50;

/// Runs until `stop`; does nothing when no LinkedIn app is configured.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    if state.config.linkedin.is_none() {
        return;
    }
    loop {
        let ok = round(&state).await;
        state.metrics.job_ran("linkedin", ok);
        tokio::select! {
            _ = stop.changed() => return,
            _ = state.linkedin_wakeup.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
        }
    }
}

/// One round; false when a step failed (logged).
pub async fn round(state: &AppState) -> bool {
    let mut ok = true;
    if let Err(e) = resolve_interrupted(state).await {
        ok = false;
        tracing::warn!(error = ?e, "resolving interrupted LinkedIn posts failed");
    }
    for _ in 0..BATCH {
        match state.store.claim_due_linkedin_post(crate::now()).await {
            Ok(Some(post)) => {
                if let Err(e) = send_claimed(state, &post).await {
                    ok = false;
                    tracing::warn!(error = ?e, post = post.id, "sending a LinkedIn post failed");
                }
            }
            Ok(None) => break,
            Err(e) => {
                ok = false;
                tracing::warn!(error = %e, "claiming a LinkedIn post failed");
                break;
            }
        }
    }
    if let Err(e) = remind_expiring(state).await {
        ok = false;
        tracing::warn!(error = ?e, "LinkedIn expiry reminders failed");
    }
    ok
}

/// A post claimed longer than the lease ago was being sent by a process that died
/// between calling LinkedIn and recording the answer. It is not sent again (LinkedIn
/// may have published it): it becomes `unknown` and its author is asked to check.
async fn resolve_interrupted(state: &AppState) -> anyhow::Result<()> {
    let now = crate::now();
    for post in state.store.resolve_stale_linkedin_posts(now - LEASE, now).await? {
        tracing::warn!(
            post = post.id,
            "a LinkedIn post was interrupted while being sent; its author is asked to check"
        );
        notify(
            state,
            &[post.user_id],
            kind::LINKEDIN_NOT_PUBLISHED,
            serde_json::json!({ "reason": "unknown" }),
            &format!("/app/linkedin/{}", post.id),
            Some(&format!("linkedin-not-published:{}:{}", post.id, post.attempts)),
        )
        .await?;
    }
    Ok(())
}

/// Reminds people whose token expires within 7 days, then within 1 day: once each, by
/// notification and email, with the number of planned posts that fall after it.
async fn remind_expiring(state: &AppState) -> anyhow::Result<()> {
    let now = crate::now();
    for (stage, within) in [(2, DAY), (1, 7 * DAY)] {
        for account in state.store.linkedin_accounts_expiring(now, now + within, stage).await? {
            if ambasada_core::linkedin::reminder_due(account.expires_at, now, account.reminded) != Some(stage) {
                continue;
            }
            if !state
                .store
                .claim_linkedin_reminder(account.user_id, account.expires_at, stage)
                .await?
            {
                continue;
            }
            remind(state, account.user_id, account.expires_at, now).await?;
        }
    }
    Ok(())
}

async fn remind(state: &AppState, user_id: i64, expires_at: Millis, now: Millis) -> anyhow::Result<()> {
    let Some(user) = state.store.user(user_id).await?.filter(|u| u.is_active()) else {
        return Ok(());
    };
    let days = ((expires_at - now) + DAY - 1) / DAY;
    let posts = state.store.linkedin_posts_due_after(user_id, expires_at).await?;
    notify(
        state,
        &[user_id],
        kind::LINKEDIN_EXPIRES,
        serde_json::json!({ "days": days, "posts": posts }),
        "/app/profile#linkedin",
        Some(&format!("linkedin-expires:{expires_at}:{days}")),
    )
    .await?;
    let tr = Tr::new(state.i18n.clone(), user.locale);
    let link = format!("{}/app/profile#linkedin", state.config.base_url);
    let when = tr.datetime(expires_at, &user.time_zone);
    let body = format!(
        "{}\n\n{}",
        tr.a(
            "email-linkedin-expires-body",
            &[
                ("name", user.first_name.as_str()),
                ("when", when.as_str()),
                ("link", link.as_str())
            ],
        ),
        if posts > 0 {
            tr.n("email-linkedin-expires-posts", posts)
        } else {
            String::new()
        }
    );
    let subject = tr.n("email-linkedin-expires-subject", days);
    crate::mail::queue(state, &user.email, &subject, body.trim_end(), "linkedin-expires").await
}
