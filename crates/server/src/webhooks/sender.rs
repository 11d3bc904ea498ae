//! The sender: a background job that posts queued messages to their endpoints, signed,
//! and records each answer: delivered (any 2xx), tried again with backoff (any other
//! answer, or none), or given up after three days. An endpoint that has failed for
//! three days without a success is disabled and its admin told (a notification and an
//! email).
//!
//! Each attempt carries the message's own `webhook-id` (the same on every attempt) and
//! the attempt's `webhook-timestamp`, and is signed anew. A process killed mid-post has
//! counted the attempt but recorded nothing: the claim's lease ends and the message is
//! posted again, by this process after a restart or by another: at least once. An
//! answer is recorded only while the claim is still the sender's (the store's fence).

use crate::AppState;
use crate::integrations::{Failure, post_to};
use ambasada_core::Millis;
use ambasada_core::webhooks::{Secret, disable_due};
use ambasada_store::signed_webhooks::{ClaimedMessage, Failing, Message};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// At most this many posts at once.
const MAX_IN_FLIGHT: usize = 8;

/// An attempt's outcome: the receiver's 2xx status, or its status (when it answered) and
/// what went wrong.
type Outcome = Result<i64, (Option<i64>, String)>;

/// Runs until `stop` turns true; posts under way then finish (each within the timeout).
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let ok = match deliver_due(&state, 0).await {
            Ok(_) => true,
            Err(e) => {
                tracing::warn!(error = ?e, "delivering webhook messages failed");
                false
            }
        };
        state.metrics.job_ran("webhooks", ok);
        tokio::select! {
            _ = stop.changed() => break,
            _ = state.signed_webhooks.wakeup.notified() => {}
            _ = tokio::time::sleep(state.signed_webhooks.policy().poll) => {}
        }
    }
}

/// Posts every message that is due, a few at a time, and records the answers; returns
/// how many were posted. The sender's clock is the real one moved by `skew`
/// milliseconds (0 but in the tests, which look at what the sender does days later);
/// it is read again for each claim, each post and each answer.
pub async fn deliver_due(state: &AppState, skew: Millis) -> anyhow::Result<usize> {
    let lease = state.signed_webhooks.policy().lease;
    let mut posted = 0;
    loop {
        let mut batch = JoinSet::new();
        while batch.len() < MAX_IN_FLIGHT {
            match state.store.claim_webhook_message(crate::now() + skew, lease).await? {
                Some(claimed) => {
                    batch.spawn(deliver(state.clone(), claimed, skew));
                }
                None => break,
            }
        }
        if batch.is_empty() {
            return Ok(posted);
        }
        posted += batch.len();
        while batch.join_next().await.is_some() {}
    }
}

/// Posts one claimed message and records the answer.
async fn deliver(state: AppState, claimed: ClaimedMessage, skew: Millis) {
    let m = &claimed.message;
    let Some(secret) = Secret::parse(&claimed.secret) else {
        tracing::error!(
            endpoint = m.endpoint_id,
            "webhook endpoint secret unreadable; message given up"
        );
        let failed = Err((None, "unreadable secret".to_string()));
        record(&state, m, failed, None, crate::now() + skew).await;
        return;
    };
    let timestamp = (crate::now() + skew).div_euclid(1000);
    let signature = secret.sign(&m.message_id, timestamp, &m.payload);
    let timestamp = timestamp.to_string();
    let headers = [
        ("webhook-id", m.message_id.as_str()),
        ("webhook-timestamp", timestamp.as_str()),
        ("webhook-signature", signature.as_str()),
    ];
    let answer = post_to(&state, &claimed.url, &headers, &m.payload).await;
    let now = crate::now() + skew;
    let backoff = state.signed_webhooks.policy().backoff;
    let retry_at = backoff.next_attempt(m.attempts, m.created_at, now);
    let (outcome, retry_at) = match answer {
        Ok(a) if (200..300).contains(&a.status) => (Ok(i64::from(a.status)), None),
        Ok(a) => (Err((Some(i64::from(a.status)), a.describe())), retry_at),
        Err(Failure::NoAnswer(e)) => (Err((None, e)), retry_at),
        // The URL breaks the rule now: trying again would not help.
        Err(Failure::Refused(e)) => (Err((None, e)), None),
    };
    record(&state, m, outcome, retry_at, now).await;
}

/// Records an attempt's outcome, disabling the endpoint when its failures have lasted
/// long enough.
async fn record(state: &AppState, m: &Message, outcome: Outcome, retry_at: Option<Millis>, now: Millis) {
    let (id, endpoint_id) = (m.id, m.endpoint_id);
    let recorded = match outcome {
        Ok(status) => {
            tracing::info!(
                endpoint = endpoint_id,
                message = id,
                status,
                "webhook message delivered"
            );
            state
                .store
                .record_webhook_message_delivered(id, m.attempts, status, now)
                .await
                .map(|_| None)
        }
        Err((status, error)) => {
            tracing::warn!(endpoint = endpoint_id, message = id, status, error = %error, retry = retry_at.is_some(),
                "webhook message not delivered");
            state
                .store
                .record_webhook_message_failed(id, m.attempts, status, &error, retry_at, now)
                .await
        }
    };
    match recorded {
        Ok(Some(failing)) => disable_if_due(state, failing, now).await,
        Ok(None) => {}
        Err(e) => tracing::error!(error = %e, message = id, "recording a webhook answer failed"),
    }
}

/// Disables an endpoint that has failed for three days, and tells its admin once.
async fn disable_if_due(state: &AppState, failing: Failing, now: Millis) {
    if !disable_due(Some(failing.since), now) {
        return;
    }
    match state.store.disable_webhook_endpoint(failing.endpoint_id, now).await {
        Ok(true) => {
            tracing::warn!(
                endpoint = failing.endpoint_id,
                "webhook endpoint failing for three days: disabled"
            );
            super::pages::tell_disabled(state, failing.endpoint_id).await;
        }
        Ok(false) => {}
        Err(e) => tracing::error!(error = %e, endpoint = failing.endpoint_id, "disabling a webhook endpoint failed"),
    }
}
