//! The employer branding program's Slack channel: a webhook on a loopback port where
//! nothing listens (`127.0.0.1:9`), and the coordinator's test message that could not be
//! delivered after every attempt, so the program's Slack and Teams page shows a failing
//! channel with its error. Nothing is ever sent off this machine: the demo server's own
//! sender tries the same address, and finds no one there either.

use crate::AppState;
use crate::integrations::{self, EVENT_TEST, messages, payload};
use ambasada_core::HOUR;
use ambasada_core::integrations::{WebhookKind, WebhookUrl};

/// The demo's Slack webhook: port 9 (discard), where nothing listens.
pub const DEMO_SLACK_URL: &str = "http://127.0.0.1:9/services/demo";

/// What the sender records when nothing listens on the port.
const REFUSED: &str = "connect: Connection refused (os error 111)";

/// Sets the webhook two hours ago and replays the test message's attempts from an hour
/// and a half ago, with the real retry policy, until it was given up.
pub(super) async fn seed_webhooks(state: &AppState, now: i64, program_id: i64) -> anyhow::Result<()> {
    // Our own loopback URL, which only `webhooks_allow_private` (on for `ambasada demo`)
    // lets the sender post to.
    let url = WebhookUrl::parse(DEMO_SLACK_URL, true)?;
    let kind = WebhookKind::Slack;
    let store = &state.store;
    store
        .set_program_webhook(program_id, kind.as_str(), url.expose(), now - 2 * HOUR)
        .await?;
    let program = store
        .program(program_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("program {program_id} missing"))?;
    let voice = integrations::voice(state, &program).await?;
    let body = payload::body(kind, &messages::test_message(&voice, &program.name));
    let mut at = now - 3 * HOUR / 2;
    let id = store
        .queue_webhook_delivery(program_id, kind.as_str(), EVENT_TEST, &body, None, at)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo webhook message not queued"))?;
    let policy = integrations::default_policy();
    loop {
        let claimed = store
            .claim_webhook_delivery(at, policy.stale_after)
            .await?
            .filter(|c| c.delivery.id == id)
            .ok_or_else(|| anyhow::anyhow!("demo webhook message not claimed"))?;
        let retry_at = policy.next_attempt(claimed.delivery.attempts, at);
        store.record_webhook_failure(id, REFUSED, retry_at, false, at).await?;
        match retry_at {
            Some(next) => at = next,
            None => {
                crate::notifications::webhook_failing(state, program_id, kind).await;
                return Ok(());
            }
        }
    }
}
