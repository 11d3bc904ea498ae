//! Email digests (C8): once a minute, everyone whose digest is due in their own time
//! zone (`core::digest::due_period`) gets one email listing their planned posts of the
//! period, new content in their feed and items about to expire, each with a link; when
//! there is nothing to say, nothing is sent. The unsubscribe link in each digest works
//! without logging in (`unsubscribe`).
//!
//! Exactly once per person and period, whatever the number of server processes: the
//! period is claimed in the store (`Store::claim_digest`) in the transaction that queues
//! the email, and only the process whose claim inserted the row sends. Preferences are
//! edited on the profile (`people::profile`).

mod compose;
mod unsubscribe;

use crate::AppState;
use ambasada_core::Millis;
use ambasada_core::calendar::digest::{self, DigestSchedule, Period};
use ambasada_core::calendar::{self, PostStatus};
use ambasada_store::calendar::PlannedPost;
use ambasada_store::content::FeedItem;
use ambasada_store::digests::{DigestEmail, DigestRecipient};
use axum::Router;
use axum::routing::get;
use jiff::tz::TimeZone;
use tokio::sync::watch;

pub use unsubscribe::unsubscribe_link;

/// The setting that holds the key of unsubscribe tokens (shared by every instance).
const KEY_SETTING: &str = "digest_unsubscribe_key";

/// At most this many feed items are looked at for one digest.
const FEED_LIMIT: i64 = 200;

/// The unsubscribe pages (no login needed; the signed token says who).
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/unsubscribe/{token}",
        get(unsubscribe::page).post(unsubscribe::confirm),
    )
}

async fn key(state: &AppState) -> anyhow::Result<String> {
    Ok(state.store.setting_or_init(KEY_SETTING, crate::auth::new_token).await?)
}

/// The digest job: a [`tick`] every minute until `stop` turns true.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        let result = tick(&state, crate::now()).await;
        state.metrics.job_ran("digests", result.is_ok());
        match result {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "digests queued"),
            Err(e) => tracing::warn!(error = ?e, "digests failed"),
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
        }
    }
}

/// What one person's digest lists.
pub(crate) struct Contents {
    /// Planned posts of the period still to publish.
    pub planned: Vec<PlannedPost>,
    /// Feed items new since the last digest, not shared yet.
    pub new: Vec<FeedItem>,
    /// Feed items that expire soon, not shared yet.
    pub expiring: Vec<FeedItem>,
}

impl Contents {
    fn entries(&self) -> usize {
        self.planned.len() + self.new.len() + self.expiring.len()
    }
}

/// Sends the digests due at `now`; returns how many this call queued. Several
/// processes may run it at once: each digest is queued by exactly one of them.
pub async fn tick(state: &AppState, now: Millis) -> anyhow::Result<usize> {
    let recipients = state.store.digest_recipients().await?;
    let mut key_cache: Option<String> = None;
    let mut sent = 0;
    for r in recipients {
        let schedule = r
            .settings
            .as_ref()
            .map(|s| DigestSchedule::from_stored(&s.frequency, s.hour, s.weekdays))
            .unwrap_or_default();
        let tz = TimeZone::get(&r.time_zone).unwrap_or(TimeZone::UTC);
        let Some(period) = digest::due_period(&schedule, now, &tz) else {
            continue;
        };
        // Already claimed (by this process or another): skip without building it. The
        // claim itself still decides when two processes get here at once.
        if r.last_period.as_deref() == Some(period.key.as_str()) {
            continue;
        }
        let key = match &key_cache {
            Some(k) => k.clone(),
            None => key_cache.insert(key(state).await?).clone(),
        };
        match send_one(state, &r, &schedule, &period, &tz, now, &key).await {
            Ok(true) => sent += 1,
            Ok(false) => {}
            // One person's failure does not hold up everyone else's digest.
            Err(e) => tracing::warn!(user_id = r.user_id, period = %period.key, error = ?e, "digest failed"),
        }
    }
    if sent > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(sent)
}

/// What a person's digest for `period` lists at `now`.
async fn contents(
    state: &AppState,
    r: &DigestRecipient,
    schedule: &DigestSchedule,
    period: &Period,
    now: Millis,
) -> anyhow::Result<Contents> {
    let planned = state
        .store
        .plan_of(r.user_id, period.starts_at, period.ends_at)
        .await?
        .into_iter()
        .filter(|p| p.status() == PostStatus::Planned && calendar::deadline(p.ends_at) >= now)
        .collect();
    let (mut new, mut expiring) = (Vec::new(), Vec::new());
    if r.ambassador {
        let feed = state
            .store
            .feed(r.user_id, now, None, None, &Default::default(), FEED_LIMIT)
            .await?;
        let ids: Vec<i64> = feed.iter().map(|i| i.id).collect();
        let announced = state.store.announced_at(&ids).await?;
        let since = digest::new_content_since(schedule.frequency, r.last_claimed_at, now);
        for item in feed.into_iter().filter(|i| i.my_shares == 0) {
            if item.expires_at.is_some_and(|e| e <= now + digest::EXPIRING_WITHIN) {
                expiring.push(item);
                continue;
            }
            // New from when it reached the feed: its start, or its publication when it
            // was approved after its start.
            let arrived = announced
                .get(&item.id)
                .map_or(item.starts_at, |a| (*a).max(item.starts_at));
            if arrived > since && arrived <= now {
                new.push(item);
            }
        }
        // Soonest to expire first.
        expiring.sort_by_key(|i| (i.expires_at, i.id));
    }
    Ok(Contents { planned, new, expiring })
}

/// Builds, claims and queues one digest; `true` when this call queued it.
async fn send_one(
    state: &AppState,
    r: &DigestRecipient,
    schedule: &DigestSchedule,
    period: &Period,
    tz: &TimeZone,
    now: Millis,
    key: &str,
) -> anyhow::Result<bool> {
    let c = contents(state, r, schedule, period, now).await?;
    let entries = c.entries() as i64;
    if entries == 0 {
        // Nothing to say: the period is taken all the same, so the digest does not go
        // out later that day when one thing turns up (the in-app notifications do that).
        state.store.claim_digest(r.user_id, &period.key, 0, None, now).await?;
        return Ok(false);
    }
    let link = unsubscribe_link(state, key, r.user_id);
    let (subject, body) = compose::email(state, r, schedule.frequency, &c, tz, &link);
    let body = crate::mail::signed(&body, &state.brand().await.name);
    let email = DigestEmail {
        to: &r.email,
        subject: &subject,
        body: &body,
    };
    let won = state
        .store
        .claim_digest(r.user_id, &period.key, entries, Some(&email), now)
        .await?;
    if won {
        tracing::info!(user_id = r.user_id, period = %period.key, entries, "digest queued");
    }
    Ok(won)
}
