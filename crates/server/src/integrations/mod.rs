//! Slack and Microsoft Teams incoming webhooks per program (C8).
//!
//! A program's coordinator (or an admin) sets a Slack and a Teams webhook URL on the
//! program's page `/app/programs/{id}/integrations` (`pages`). Events become messages in
//! the coordinator's language (`messages`), bodies in each format (`payload`), rows in the
//! store's queue, and posts by the sender job (`sender`), with retries and backoff like the
//! email outbox. Events: new content published ([`content_published`]), the week's plan and
//! last week's missed planned posts (Monday from 8:00 in the coordinator's time zone,
//! [`queue_weekly`]), and the coordinator's test message.
//!
//! A webhook URL is a secret: it is read only to post, never logged (errors are stripped
//! of it), never in an API answer, and pages show it masked.
//!
//! Where a webhook may post: unless the `webhooks_allow_private` setting is on (the demo and
//! the tests), only `https` to public addresses. The page refuses a URL naming this machine
//! or a private network ([`WebhookUrl::parse`](ambasada_core::integrations::WebhookUrl::parse)),
//! the sender resolves a host name before each post and refuses to post when it points
//! inside (`sender`), and the client's own resolver refuses such an answer again when it
//! connects, so a name that changes its answer between the two is refused too
//! ([`PublicOnly`]). Redirects are never followed.

pub mod messages;
pub mod pages;
pub mod payload;
mod sender;

use crate::AppState;
use crate::i18n::Tr;
use crate::mail::RetryPolicy;
use ambasada_core::integrations::{WebhookKind, Week, is_local_ip, weekly_post_due};
use ambasada_core::{Locale, Millis};
use ambasada_store::content::ContentItem;
use ambasada_store::programs::Program;
use axum::Router;
use messages::Voice;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::RwLock;
use std::time::Duration;
use tokio::sync::Notify;

pub use sender::run as sender;
pub use sender::{Answer, Failure, post_to};

/// How long one post may take, from connecting to the end of the answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Messages' events, as stored.
pub const EVENT_CONTENT: &str = "content_published";
pub const EVENT_WEEKLY_PLAN: &str = "weekly_plan";
pub const EVENT_MISSED: &str = "missed_plan";
pub const EVENT_TEST: &str = "test";

/// How the sender stores an error without an answer (the page words them).
const ERROR_TIMEOUT: &str = "timeout";
const ERROR_CONNECT: &str = "connect: ";
const ERROR_REQUEST: &str = "request: ";

/// Why a post to a host that resolves to this machine or a private network was refused
/// (stored after [`ERROR_REQUEST`], so the page words it in the reader's language).
pub const ERROR_LOCAL_ADDRESS: &str =
    "the host resolves to a loopback, private or link-local address; webhooks post only to public addresses";

/// The error [`PublicOnly`] answers a host name that resolves inside with.
#[derive(Debug, thiserror::Error)]
#[error("{ERROR_LOCAL_ADDRESS}")]
pub struct LocalAddress;

/// The webhook client's resolver without `webhooks_allow_private`: a name that resolves to
/// any address [`is_local_ip`] refuses is not connected to. The sender checks the host
/// before posting; this repeats the check on the answer the connection uses, so a name
/// that answered a public address to the check and a private one to the connection (DNS
/// rebinding) is refused too. The hosts of the proxies named in the environment
/// (`HTTPS_PROXY` and the like, which reqwest uses) are resolved as they are: they are the
/// operator's, not a coordinator's.
struct PublicOnly {
    proxies: HashSet<String>,
}

impl PublicOnly {
    fn from_env() -> PublicOnly {
        let proxies = [
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "ALL_PROXY",
            "all_proxy",
        ]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .filter_map(|v| {
            let v = v.trim();
            let v = if v.contains("://") {
                v.to_string()
            } else {
                format!("http://{v}")
            };
            url::Url::parse(&v).ok()?.host_str().map(|h| h.to_ascii_lowercase())
        })
        .collect();
        PublicOnly { proxies }
    }
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_ascii_lowercase();
        let proxy = self.proxies.contains(&host);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !proxy && addrs.iter().any(|a| is_local_ip(a.ip())) {
                return Err(Box::new(LocalAddress) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The sender's shared parts: its retry policy, the signal that wakes it, and the HTTP
/// clients (rustls, no redirects followed, a short timeout): one that connects only to
/// public addresses ([`PublicOnly`]), and one for `webhooks_allow_private`.
pub struct Webhooks {
    policy: RwLock<RetryPolicy>,
    /// Wakes the sender when a message is queued.
    pub wakeup: Notify,
    public: reqwest::Client,
    local: reqwest::Client,
}

/// The default retry policy of webhook messages: from 30 seconds, doubling, up to an
/// hour; given up after 8 attempts (about two hours). A claimed message is another
/// sender's to take after 2 minutes (its sender died): far longer than [`TIMEOUT`].
pub fn default_policy() -> RetryPolicy {
    RetryPolicy {
        first_delay: 30_000,
        max_delay: ambasada_core::HOUR,
        max_attempts: 8,
        stale_after: 2 * ambasada_core::MINUTE,
        poll: Duration::from_secs(15),
    }
}

impl Webhooks {
    pub fn new() -> anyhow::Result<Webhooks> {
        let builder = || {
            reqwest::Client::builder()
                .timeout(TIMEOUT)
                .connect_timeout(CONNECT_TIMEOUT)
                // A redirect could lead anywhere, this machine included: never followed.
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("Ambasada/", env!("CARGO_PKG_VERSION")))
        };
        let built = |b: reqwest::ClientBuilder| {
            b.build()
                .map_err(|e| anyhow::anyhow!("cannot build the webhook HTTP client: {e}"))
        };
        Ok(Webhooks {
            policy: RwLock::new(default_policy()),
            wakeup: Notify::new(),
            public: built(builder().dns_resolver(PublicOnly::from_env()))?,
            local: built(builder())?,
        })
    }

    /// The client to post with: one that reaches local addresses only when they are
    /// allowed.
    fn client(&self, allow_private: bool) -> &reqwest::Client {
        if allow_private { &self.local } else { &self.public }
    }

    /// The retry policy in force.
    pub fn policy(&self) -> RetryPolicy {
        *self.policy.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the retry policy (tests use delays of milliseconds) and wakes the sender
    /// so that it takes effect at once.
    pub fn set_policy(&self, policy: RetryPolicy) {
        *self.policy.write().unwrap_or_else(|e| e.into_inner()) = policy;
        self.wakeup.notify_one();
    }
}

pub fn routes() -> Router<AppState> {
    pages::routes()
}

/// How a program's messages speak: its coordinator's language and time zone (Polish and
/// Europe/Warsaw without a coordinator).
pub async fn voice(state: &AppState, program: &Program) -> anyhow::Result<Voice> {
    let coordinator = match program.coordinator_id {
        Some(id) => state.store.user(id).await?,
        None => None,
    };
    let (locale, tz_name) = coordinator
        .map(|u| (u.locale, u.time_zone))
        .unwrap_or((Locale::Pl, "Europe/Warsaw".to_string()));
    let tz = jiff::tz::TimeZone::get(&tz_name).unwrap_or(jiff::tz::TimeZone::UTC);
    Ok(Voice {
        tr: Tr::new(state.i18n.clone(), locale),
        tz,
        tz_name,
        base_url: state.config.base_url.clone(),
    })
}

/// The program's channels that take messages (set and not stopped).
pub async fn active_channels(state: &AppState, program_id: i64) -> anyhow::Result<Vec<WebhookKind>> {
    Ok(state
        .store
        .program_webhooks(program_id)
        .await?
        .iter()
        .filter(|w| w.stopped_at.is_none())
        .filter_map(|w| WebhookKind::parse(&w.kind))
        .collect())
}

/// Queues a message to one channel of a program (once per `dedup_key`, when given) and
/// wakes the sender. True when it was queued.
pub async fn queue(
    state: &AppState,
    program_id: i64,
    kind: WebhookKind,
    event: &str,
    message: &payload::Message,
    dedup_key: Option<&str>,
) -> anyhow::Result<bool> {
    let body = payload::body(kind, message);
    let queued = state
        .store
        .queue_webhook_delivery(program_id, kind.as_str(), event, &body, dedup_key, crate::now())
        .await?
        .is_some();
    if queued {
        state.webhooks.wakeup.notify_one();
    }
    Ok(queued)
}

/// Called once per item when it is published (the announcement job claims it): a
/// message to each channel of every program the item is for (every program with a
/// channel, when the item names none). A program whose message cannot be queued is
/// logged and skipped, so the others still get theirs.
pub async fn content_published(state: &AppState, item: &ContentItem) -> anyhow::Result<()> {
    let programs = if item.program_ids.is_empty() {
        state.store.programs_with_webhooks().await?
    } else {
        item.program_ids.clone()
    };
    for program_id in programs {
        if let Err(e) = announce(state, program_id, item).await {
            tracing::warn!(error = ?e, program = program_id, item = item.id, "queueing a new content message failed");
        }
    }
    Ok(())
}

async fn announce(state: &AppState, program_id: i64, item: &ContentItem) -> anyhow::Result<()> {
    let channels = active_channels(state, program_id).await?;
    if channels.is_empty() {
        return Ok(());
    }
    let Some(program) = state.store.program(program_id).await? else {
        return Ok(());
    };
    let m = messages::content_published(&voice(state, &program).await?, &program.name, item);
    for kind in channels {
        let key = format!("content:{}:{program_id}:{}", item.id, kind.as_str());
        queue(state, program_id, kind, EVENT_CONTENT, &m, Some(&key)).await?;
    }
    Ok(())
}

/// Queues the weekly messages that are due at `now`: for each program with a channel,
/// on Monday from 8:00 in its coordinator's time zone, the week's plan and last week's
/// missed planned posts (each only when there is something to say). Each is queued once
/// per program, week and channel, however often this runs and on however many servers:
/// the store's once-only keys `weekly-plan:{program}:{week}:{kind}` and
/// `missed:{program}:{week}:{kind}` decide. Returns how many messages were queued.
pub async fn queue_weekly(state: &AppState, now: Millis) -> anyhow::Result<usize> {
    let mut queued = 0;
    for program_id in state.store.programs_with_webhooks().await? {
        // One program's failure is logged; the others still get their messages.
        match weekly_of_program(state, program_id, now).await {
            Ok(n) => queued += n,
            Err(e) => tracing::warn!(error = ?e, program = program_id, "queueing the weekly messages failed"),
        }
    }
    Ok(queued)
}

/// The weekly messages of one program that are due at `now`.
async fn weekly_of_program(state: &AppState, program_id: i64, now: Millis) -> anyhow::Result<usize> {
    let Some(program) = state.store.program(program_id).await? else {
        return Ok(0);
    };
    let voice = voice(state, &program).await?;
    let Some(week) = weekly_post_due(now, &voice.tz) else {
        return Ok(0);
    };
    let channels = active_channels(state, program_id).await?;
    let plan_key = |kind: WebhookKind| format!("weekly-plan:{program_id}:{}:{}", week.label(), kind.as_str());
    let plan = weekly_message(
        state,
        &voice,
        program_id,
        &channels,
        EVENT_WEEKLY_PLAN,
        &week,
        plan_key,
        |posts| messages::weekly_plan(&voice, program_id, &program.name, &week, posts),
    )
    .await?;
    let last = week.previous();
    let missed_key = |kind: WebhookKind| format!("missed:{program_id}:{}:{}", last.label(), kind.as_str());
    let missed = weekly_message(
        state,
        &voice,
        program_id,
        &channels,
        EVENT_MISSED,
        &last,
        missed_key,
        // Judged as they stand now, Sunday's late posts still in their day of grace apart:
        // see `messages::missed_plan`.
        |posts| messages::missed_plan(&voice, program_id, &program.name, &last, posts, now),
    )
    .await?;
    Ok(plan + missed)
}

/// One weekly message to the channels whose key is not taken yet, built from the
/// program's planned posts of `week`: those whose window ended in it (Monday 0:00 to
/// Monday 0:00 in the coordinator's time zone), whatever their stored status.
#[allow(clippy::too_many_arguments)]
async fn weekly_message(
    state: &AppState,
    voice: &Voice,
    program_id: i64,
    channels: &[WebhookKind],
    event: &str,
    week: &Week,
    key: impl Fn(WebhookKind) -> String,
    build: impl Fn(&[ambasada_store::calendar::PlannedPost]) -> Option<payload::Message>,
) -> anyhow::Result<usize> {
    let mut open = Vec::new();
    for &kind in channels {
        if !state.store.webhook_dedup_taken(&key(kind)).await? {
            open.push(kind);
        }
    }
    if open.is_empty() {
        return Ok(0);
    }
    let Some((from, to)) = week.bounds(&voice.tz) else {
        return Ok(0);
    };
    let posts = state.store.program_plan(Some(program_id), from, to).await?;
    let Some(m) = build(&posts) else {
        return Ok(0);
    };
    let mut queued = 0;
    for kind in open {
        if queue(state, program_id, kind, event, &m, Some(&key(kind))).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Queues the test message to one of a program's channels.
pub async fn queue_test(state: &AppState, program: &Program, kind: WebhookKind) -> anyhow::Result<()> {
    let m = messages::test_message(&voice(state, program).await?, &program.name);
    queue(state, program.id, kind, EVENT_TEST, &m, None).await?;
    Ok(())
}
