//! Signed webhooks to other systems (C13): an admin registers endpoints (URL, events, a
//! secret shown once) on `/app/admin/webhooks` or through `/api/v1/webhooks` (scope
//! `webhooks:write`); events ([`events`]) become messages in the store's durable queue,
//! one per endpoint that takes the event; the sender job ([`sender`]) posts them signed
//! the Standard Webhooks way (see `ambasada_core::webhooks`), retries with exponential
//! backoff, and disables an endpoint that has failed for three days, telling its admin.
//!
//! Where an endpoint may be: `https`, and not this machine or a private network, unless
//! `webhooks_allow_private` is on (the demo and the tests), the rule of Slack and Teams
//! URLs, checked when the endpoint is saved and again before each post
//! (`integrations::post_to`).
//!
//! A delivery's body is `{"type": "share.confirmed", "timestamp": "<RFC 3339>", "data":
//! {...}}`; `data` names people by id only (no names, no email addresses).

pub mod api;
pub mod events;
pub mod pages;
pub mod sender;

use crate::AppState;
pub use crate::api::rfc3339;
use ambasada_core::webhooks::{Backoff, Event, Secret};
use ambasada_core::{MINUTE, Millis};
use axum::Router;
use std::sync::RwLock;
use std::time::Duration;
use tokio::sync::Notify;

pub use sender::run;

/// When failed deliveries are tried again, and how long a claimed one is its sender's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub backoff: Backoff,
    /// How long a claimed message is its sender's before another may take it (the
    /// sender died): longer than a post may take.
    pub lease: Millis,
    /// How often the sender looks for due messages without being woken.
    pub poll: Duration,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            backoff: Backoff::default(),
            // An attempt takes at most 5 s to resolve the host and 10 s to post
            // (`integrations::TIMEOUT`); its answer is recorded only while the claim is
            // its own (the store's fence), so a late one changes nothing.
            lease: MINUTE / 2,
            poll: Duration::from_secs(15),
        }
    }
}

/// The sender's shared parts: its policy and the signal that wakes it.
#[derive(Default)]
pub struct Outbound {
    policy: RwLock<Policy>,
    /// Wakes the sender when a message is queued.
    pub wakeup: Notify,
}

impl Outbound {
    pub fn policy(&self) -> Policy {
        *self.policy.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the policy (tests use delays of milliseconds) and wakes the sender.
    pub fn set_policy(&self, policy: Policy) {
        *self.policy.write().unwrap_or_else(|e| e.into_inner()) = policy;
        self.wakeup.notify_one();
    }
}

pub fn routes() -> Router<AppState> {
    pages::routes()
}

/// A new endpoint secret.
pub fn new_secret() -> Secret {
    Secret::from_bytes(rand::random())
}

/// Queues `event` for every enabled endpoint that takes it, once per endpoint and
/// `occurrence` (a key naming what happened, such as `share:42`, so that the same
/// occurrence seen twice, or by two processes, is sent once), and wakes the sender. A
/// failure is logged: the event itself already happened.
pub async fn emit(state: &AppState, event: Event, occurrence: &str, data: serde_json::Value) {
    if let Err(e) = queue(state, event, occurrence, data).await {
        tracing::warn!(error = ?e, event = %event, "queueing a webhook message failed");
    }
}

async fn queue(state: &AppState, event: Event, occurrence: &str, data: serde_json::Value) -> anyhow::Result<()> {
    let endpoints = state.store.enabled_webhook_endpoints().await?;
    let takers: Vec<i64> = endpoints
        .into_iter()
        .filter(|(_, events)| Event::split(events).contains(&event))
        .map(|(id, _)| id)
        .collect();
    if takers.is_empty() {
        return Ok(());
    }
    let now = crate::now();
    let payload = serde_json::json!({
        "type": event.as_str(),
        "timestamp": rfc3339(now),
        "data": data,
    })
    .to_string();
    let key = format!("{event}:{occurrence}");
    let mut queued = false;
    // One endpoint's failure is logged; the others still get theirs.
    for endpoint in takers {
        let id = ambasada_core::webhooks::message_id(rand::random());
        match state
            .store
            .queue_webhook_message(endpoint, &id, event.as_str(), &payload, &key, now)
            .await
        {
            Ok(q) => queued |= q,
            Err(e) => tracing::warn!(error = %e, endpoint, event = %event, "queueing a webhook message failed"),
        }
    }
    if queued {
        state.signed_webhooks.wakeup.notify_one();
    }
    Ok(())
}
