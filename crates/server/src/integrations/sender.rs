//! The sender: a background job that posts queued messages to Slack and Teams and records
//! each answer (delivered, tried again later, given up, or the channel stopped), and that
//! queues the weekly messages when they are due.
//!
//! Posts run side by side, a few at a time, each within [`super::TIMEOUT`]: a slow or
//! failing webhook delays no other channel by more than that, and requests never wait for
//! a post (they only queue). A channel's messages go one at a time (the store's claim).
//! The URL is never logged: errors are stripped of it before they are logged or stored.
//!
//! Without `webhooks_allow_private`, a URL is checked again before each post: it must pass
//! the page's rule, and its host must not resolve to any loopback, private, link-local or
//! unspecified address ([`check_host`]); a message to one is refused, with that error,
//! and not tried again.

use crate::AppState;
use ambasada_core::integrations::{self, Verdict};
use ambasada_core::{MINUTE, Millis};
use ambasada_store::webhooks::ClaimedDelivery;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// At most this many posts at once.
const MAX_IN_FLIGHT: usize = 8;

/// How often the sender looks whether the weekly messages are due.
const WEEKLY_CHECK: Millis = 5 * MINUTE;

/// How much of an error answer is kept: Slack's and Teams' explanations are short.
const ANSWER_KEPT: usize = 200;

/// Runs until `stop` turns true; posts under way then finish (each within the timeout).
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let mut in_flight: JoinSet<()> = JoinSet::new();
    let mut weekly_checked: Option<Millis> = None;
    loop {
        let now = crate::now();
        let mut ok = true;
        if weekly_checked.is_none_or(|t| now - t >= WEEKLY_CHECK) {
            weekly_checked = Some(now);
            if let Err(e) = super::queue_weekly(&state, now).await {
                ok = false;
                tracing::warn!(error = ?e, "queueing the weekly Slack and Teams messages failed");
            }
        }
        let policy = state.webhooks.policy();
        while in_flight.len() < MAX_IN_FLIGHT {
            match state
                .store
                .claim_webhook_delivery(crate::now(), policy.stale_after)
                .await
            {
                Ok(Some(claimed)) => {
                    in_flight.spawn(deliver(state.clone(), claimed));
                }
                Ok(None) => break,
                Err(e) => {
                    ok = false;
                    tracing::warn!(error = %e, "claiming a Slack or Teams message failed");
                    break;
                }
            }
        }
        state.metrics.job_ran("slack_teams", ok);
        tokio::select! {
            _ = stop.changed() => break,
            _ = state.webhooks.wakeup.notified() => {}
            Some(_) = in_flight.join_next(), if !in_flight.is_empty() => {}
            _ = tokio::time::sleep(policy.poll) => {}
        }
    }
    while in_flight.join_next().await.is_some() {}
}

/// Posts one claimed message and records the answer.
async fn deliver(state: AppState, claimed: ClaimedDelivery) {
    let d = &claimed.delivery;
    let (verdict, error) = match post_to(&state, &claimed.url, &[], &d.body).await {
        Ok(answer) => {
            let verdict = integrations::verdict(answer.status, &answer.text, answer.retry_after);
            (verdict, (verdict != Verdict::Delivered).then(|| answer.describe()))
        }
        Err(Failure::Refused(e)) => (Verdict::Rejected, Some(e)),
        Err(Failure::NoAnswer(e)) => (Verdict::Retry { not_before: None }, Some(e)),
    };
    let error = error.unwrap_or_default();
    let now = crate::now();
    let policy = state.webhooks.policy();
    let recorded = match verdict {
        Verdict::Delivered => {
            tracing::info!(program = d.program_id, kind = %d.kind, event = %d.event, attempt = d.attempts,
                "webhook message delivered");
            state.store.record_webhook_sent(d.id, now).await
        }
        Verdict::Retry { not_before } => {
            // A rate limit's own time when it gave one, the policy's backoff otherwise;
            // given up after the policy's attempts either way.
            let retry_at = policy
                .next_attempt(d.attempts, now)
                .map(|backoff| not_before.unwrap_or(backoff));
            tracing::warn!(program = d.program_id, kind = %d.kind, event = %d.event, attempt = d.attempts,
                error = %error, retry = retry_at.is_some(), "webhook message not delivered");
            state
                .store
                .record_webhook_failure(d.id, &error, retry_at, not_before.is_some(), now)
                .await
        }
        Verdict::Rejected => {
            tracing::warn!(program = d.program_id, kind = %d.kind, event = %d.event, error = %error,
                "webhook message refused; not tried again");
            state.store.record_webhook_failure(d.id, &error, None, false, now).await
        }
        Verdict::Revoked => {
            tracing::warn!(program = d.program_id, kind = %d.kind, error = %error,
                "webhook URL revoked; the channel is stopped until a new URL is set");
            state.store.stop_webhook(d.id, &error, now).await
        }
    };
    if let Err(e) = recorded {
        tracing::error!(error = %e, delivery = d.id, "recording a webhook answer failed");
    }
    let given_up = match verdict {
        Verdict::Delivered => false,
        Verdict::Retry { .. } => policy.next_attempt(d.attempts, now).is_none(),
        Verdict::Rejected | Verdict::Revoked => true,
    };
    if given_up && let Some(kind) = integrations::WebhookKind::parse(&d.kind) {
        crate::notifications::webhook_failing(&state, d.program_id, kind).await;
    }
}

/// Unless local addresses are allowed, resolves the URL's host and refuses (not to be
/// tried again) when any of its addresses is this machine or a private network, so that a
/// DNS name pointing inside is not posted to. A name that does not resolve now is tried
/// again later, like a post that could not connect.
async fn check_host(url: &integrations::WebhookUrl, allow_private: bool) -> Result<(), Failure> {
    if allow_private {
        return Ok(());
    }
    let retry = Failure::NoAnswer;
    let Some((host, port)) = url.host_and_port() else {
        return Err(Failure::Refused(format!(
            "{}{}",
            super::ERROR_REQUEST,
            integrations::UrlError::Invalid
        )));
    };
    let looked_up = tokio::time::timeout(super::CONNECT_TIMEOUT, tokio::net::lookup_host((host.as_str(), port))).await;
    let addrs: Vec<std::net::SocketAddr> = match looked_up {
        Err(_) => return Err(retry(super::ERROR_TIMEOUT.to_string())),
        Ok(Err(e)) => return Err(retry(format!("{}{e}", super::ERROR_CONNECT))),
        Ok(Ok(addrs)) => addrs.collect(),
    };
    if addrs.is_empty() {
        return Err(retry(format!("{}no address for the host", super::ERROR_CONNECT)));
    }
    if addrs.iter().any(|a| integrations::is_local_ip(a.ip())) {
        return Err(local_address());
    }
    Ok(())
}

/// A post refused because its host resolves inside: not tried again.
fn local_address() -> Failure {
    Failure::Refused(format!("{}{}", super::ERROR_REQUEST, super::ERROR_LOCAL_ADDRESS))
}

/// A receiver's answer to a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    /// The instant its `Retry-After` names.
    pub retry_after: Option<Millis>,
    /// The start of its body, on one line.
    pub text: String,
}

impl Answer {
    /// `HTTP 500: the start of the answer`, for the page.
    pub fn describe(&self) -> String {
        if self.text.is_empty() {
            format!("HTTP {}", self.status)
        } else {
            format!("HTTP {}: {}", self.status, self.text)
        }
    }
}

/// Why a post got no answer. The text is stripped of the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not posted and not to be tried again: the URL breaks the rule, or its host
    /// resolves to this machine or a private network.
    Refused(String),
    /// No answer (a timeout, no connection): worth trying again.
    NoAnswer(String),
}

/// Posts a JSON `body` with `headers` to a webhook URL under the `webhooks_allow_private`
/// rule (checked again here: see the module's notes), and reads the answer. Every
/// error's text is stripped of the URL. Shared by Slack and Teams messages and signed
/// webhooks.
pub async fn post_to(state: &AppState, url: &str, headers: &[(&str, &str)], body: &str) -> Result<Answer, Failure> {
    let allow_private = state.config.webhooks_allow_private;
    let redacted = |f: Failure| match f {
        Failure::Refused(e) => Failure::Refused(redact(&e, url)),
        Failure::NoAnswer(e) => Failure::NoAnswer(redact(&e, url)),
    };
    // The pages store only URLs the rule allows; one that got in otherwise (stored while
    // private addresses were allowed, say) is not posted to.
    let checked = integrations::WebhookUrl::parse(url, allow_private)
        .map_err(|e| Failure::Refused(format!("{}{e}", super::ERROR_REQUEST)))
        .map_err(redacted)?;
    check_host(&checked, allow_private).await.map_err(redacted)?;
    let mut answer = post(state.webhooks.client(allow_private), checked.expose(), headers, body)
        .await
        .map_err(redacted)?;
    // A receiver may echo the URL, and its secret parts, in its answer.
    answer.text = redact(&answer.text, url);
    Ok(answer)
}

/// Posts `body` and reads the answer.
async fn post(client: &reqwest::Client, url: &str, headers: &[(&str, &str)], body: &str) -> Result<Answer, Failure> {
    let mut req = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = match req.body(body.to_string()).send().await {
        Ok(r) => r,
        // The client's resolver found the host inside at connecting time (its answer
        // changed since `check_host`): refused like there.
        Err(e) if refused_as_local(&e) => return Err(local_address()),
        Err(e) => return Err(Failure::NoAnswer(describe(e))),
    };
    let status = res.status().as_u16();
    let retry_after = res
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| integrations::retry_after(v, crate::now()));
    let text = start_of_answer(res).await;
    Ok(Answer {
        status,
        retry_after,
        text,
    })
}

/// The first few hundred bytes of an answer, on one line.
async fn start_of_answer(mut res: reqwest::Response) -> String {
    let mut buf = Vec::new();
    while buf.len() < 4 * ANSWER_KEPT {
        match res.chunk().await {
            Ok(Some(chunk)) => buf.extend_from_slice(&chunk),
            _ => break,
        }
    }
    let text: String = String::from_utf8_lossy(&buf)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    super::payload::cut(text.trim(), ANSWER_KEPT)
}

/// Whether the client's resolver refused the host as local ([`super::LocalAddress`]).
fn refused_as_local(e: &reqwest::Error) -> bool {
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        if c.is::<super::LocalAddress>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Why a post got no answer, without the URL (reqwest names it in its errors), as
/// `timeout`, `connect: …` or `request: …`; the page words these in the reader's language.
fn describe(e: reqwest::Error) -> String {
    let e = e.without_url();
    if e.is_timeout() {
        return super::ERROR_TIMEOUT.to_string();
    }
    let prefix = if e.is_connect() {
        super::ERROR_CONNECT
    } else {
        super::ERROR_REQUEST
    };
    // The innermost cause says why: "Connection refused", "failed to lookup address".
    let mut cause = std::error::Error::source(&e);
    let mut innermost = None;
    while let Some(c) = cause {
        innermost = Some(c.to_string());
        cause = c.source();
    }
    format!("{prefix}{}", innermost.unwrap_or_else(|| e.to_string()))
}

/// `text` with the URL, wherever it appears, replaced by its masked form.
fn redact(text: &str, url: &str) -> String {
    let masked = integrations::mask(url);
    let mut out = text.replace(url, &masked);
    if let Ok(parsed) = url::Url::parse(url) {
        out = out.replace(parsed.as_str(), &masked);
        // Its path and query hold the secret; a short one ("/") is no secret and would
        // garble the text.
        if parsed.path().len() > 8 {
            out = out.replace(parsed.path(), "/…");
        }
        if let Some(q) = parsed.query().filter(|q| q.len() > 8) {
            out = out.replace(q, "…");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_host_that_resolves_inside_is_refused_unless_local_addresses_are_allowed() {
        // `localhost` itself is refused by the page's rule; it stands here for any name
        // that resolves to this machine (the rule passes a URL before it is posted to only
        // when it was stored under another setting).
        let url = integrations::WebhookUrl::parse("https://localhost:9/services/x", true).unwrap();
        let refused = check_host(&url, false).await.unwrap_err();
        assert_eq!(
            refused,
            Failure::Refused(format!("request: {}", super::super::ERROR_LOCAL_ADDRESS)),
            "not tried again"
        );
        assert!(check_host(&url, true).await.is_ok(), "allowed for the demo and tests");
        // An address needs no lookup: a public one passes.
        let public = integrations::WebhookUrl::parse("https://8.8.8.8/x", false).unwrap();
        assert!(check_host(&public, false).await.is_ok());
    }

    #[tokio::test]
    async fn the_public_client_does_not_connect_to_a_name_that_resolves_inside() {
        let webhooks = super::super::Webhooks::new().unwrap();
        // Where nothing listens: connecting would give "connection refused" instead.
        match post(webhooks.client(false), "http://localhost:9/x", &[], "{}").await {
            Err(Failure::Refused(e)) => assert!(e.contains("private or link-local address"), "{e}"),
            other => panic!("refused expected, got {other:?}"),
        }
        match post(webhooks.client(true), "http://localhost:9/x", &[], "{}").await {
            Err(Failure::NoAnswer(e)) => assert!(e.starts_with("connect: "), "{e}"),
            other => panic!("no answer expected, got {other:?}"),
        }
    }

    #[test]
    fn errors_lose_the_url_and_its_secret_parts() {
        let url = "https://hooks.slack.com/services/T0/B0/SECRETSECRET";
        let text = format!("error sending request for url ({url}): boom at /services/T0/B0/SECRETSECRET");
        let out = redact(&text, url);
        assert!(!out.contains("SECRET"), "{out}");
        assert!(out.contains("https://hooks.slack.com/…CRET"), "{out}");
        let teams = "https://prod.example/workflows/x/invoke?api-version=1&sig=SIGSIGSIG";
        let out = redact("bad sig api-version=1&sig=SIGSIGSIG", teams);
        assert!(!out.contains("SIGSIGSIG"), "{out}");
    }
}
