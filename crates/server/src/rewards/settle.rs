//! Settling challenges once their window ends (exactly once across processes: the store
//! claims the challenge in the same transaction that awards the bonus), drawing a
//! raffle with a fresh recorded seed, telling the people who got the bonus; and the job
//! that settles due challenges every minute and evaluates badges every few minutes.

use super::board::challenge_rows;
use crate::AppState;
use crate::notifications::{kind, notify};
use ambasada_core::Millis;
use ambasada_core::rewards::challenges::{self, Mode};
use ambasada_core::rewards::leaderboards::Metric;
use ambasada_store::rewards::challenges::Settlement;
use std::time::Duration;
use tokio::sync::watch;

/// How often due challenges are settled.
const TICK: Duration = Duration::from_secs(60);
/// Badges are evaluated every this many ticks.
const BADGE_TICKS: u32 = 3;

/// A raffle seed: the hex of 16 random bytes.
pub fn new_seed() -> String {
    rand::random::<[u8; 16]>().iter().map(|b| format!("{b:02x}")).collect()
}

/// Settles one challenge whose window has ended: who gets the bonus is decided from the
/// participants' values in the window (the person who set it never gets it), then
/// recorded with the bonus in one transaction that first claims the challenge. A
/// challenge counting points or clicks waits until the clicks of its last day are final
/// (`core::rewards::challenges::settles_at`), and the click points due are awarded first.
/// `false` when it is not due or was settled already (by another process, or a run
/// before).
pub async fn settle(state: &AppState, id: i64, now: Millis) -> anyhow::Result<bool> {
    let Some(c) = state.store.challenge(id).await? else {
        return Ok(false);
    };
    let metric = Metric::parse(&c.metric).ok_or_else(|| anyhow::anyhow!("challenge {id}: unknown metric"))?;
    if c.settled_at.is_some() || challenges::settles_at(metric, c.ends_at) > now {
        return Ok(false);
    }
    let mode = Mode::parse(&c.mode).ok_or_else(|| anyhow::anyhow!("challenge {id}: unknown mode {}", c.mode))?;
    if metric == Metric::Points {
        super::awarding::award_clicks_due(state, now).await?;
    }
    let rows: Vec<(i64, i64)> = challenge_rows(state, &c)
        .await?
        .iter()
        .map(|r| (r.user_id, r.value))
        .collect();
    let values = challenges::eligible(&rows, c.created_by);
    let seed = (mode == Mode::Raffle).then(new_seed);
    let outcome = challenges::settle(mode, c.target, c.winners, &values, seed.as_deref().unwrap_or(""));
    let settlement = Settlement {
        recipients: &outcome.recipients,
        seed: seed.as_deref(),
        candidates: &outcome.candidates,
    };
    if !state.store.settle_challenge(&c, &settlement, now).await? {
        return Ok(false);
    }
    tracing::info!(
        challenge = id,
        recipients = outcome.recipients.len(),
        "challenge settled"
    );
    let told = notify(
        state,
        &outcome.recipients,
        kind::CHALLENGE_BONUS,
        serde_json::json!({ "title": c.title, "points": c.bonus }),
        &format!("/app/programs/{}/challenges/{}", c.program_id, c.id),
        Some(&format!("challenge-bonus:{id}")),
    )
    .await;
    if let Err(e) = told {
        tracing::warn!(error = ?e, challenge = id, "challenge bonus notification not stored");
    }
    Ok(true)
}

/// Settles every challenge whose window has ended; returns how many this call settled.
pub async fn settle_due(state: &AppState, now: Millis) -> anyhow::Result<usize> {
    let mut settled = 0;
    for id in state.store.challenges_to_settle(now).await? {
        match settle(state, id, now).await {
            Ok(true) => settled += 1,
            Ok(false) => {}
            // One challenge that cannot be settled must not hold up the others.
            Err(e) => tracing::warn!(error = ?e, challenge = id, "settling a challenge failed"),
        }
    }
    Ok(settled)
}

/// The job: every minute, settles due challenges; every few minutes, evaluates badges.
/// The first run comes one tick after the start.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let mut ticks: u32 = 0;
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(TICK) => {}
        }
        let now = crate::now();
        if let Err(e) = settle_due(&state, now).await {
            tracing::warn!(error = ?e, "settling challenges failed");
        }
        ticks = ticks.wrapping_add(1);
        if ticks.is_multiple_of(BADGE_TICKS) {
            match super::badges::evaluate(&state, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(badges = n, "badges earned"),
                Err(e) => tracing::warn!(error = ?e, "evaluating badges failed"),
            }
        }
    }
}
