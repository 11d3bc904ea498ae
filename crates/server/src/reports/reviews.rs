//! Program reviews (C11): the regular ambassador meeting's document, one per period of the
//! program's review cadence (`core::reports::review`). This file holds what pages, API and
//! job share: who may see a review, generating its snapshot from the data (headline
//! numbers against the period before from the roll-ups, goals with progress, top content
//! and ambassadors, health check levels), making the current period's draft, the earlier
//! decisions a review carries, and publishing (members emailed through the outbox).
//!
//! Files: `reviews_pages` (archive and document pages, the coordinator's forms),
//! `reviews_view` (what the document shows, in the reader's language), `reviews_api`
//! (`/api/v1`), `reviews_mail` (the members' email), `reviews_job` (drafts at the cadence).

use crate::AppState;
use crate::i18n::Tr;
use ambasada_core::Millis;
use ambasada_core::programs::goals::Measured;
use ambasada_core::reports::DayRange;
use ambasada_core::reports::review::{
    self, Cadence, DecisionFacts, GoalLine, HealthLine, Numbers, ReviewPeriod, SNAPSHOT_VERSION, Snapshot, TOP, TopLine,
};
use ambasada_core::tracking::day_number;
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::{Decision, NewReview, Review};
use ambasada_store::reports::stats::{StatRow, StatsBy};

pub use crate::rewards::board::Access;

/// How `user` may see `program`'s reviews: its coordinator and admins every one (and
/// edit drafts), its current members the published ones.
pub async fn access(state: &AppState, user: &User, program: &Program) -> anyhow::Result<Access> {
    crate::rewards::board::access(state, user, program).await
}

/// Whether a review may be read with this access.
pub fn may_read(a: &Access, r: &Review) -> bool {
    let status = review::Status::parse(&r.status).unwrap_or(review::Status::Draft);
    review::may_read(a.manager, a.member, status)
}

/// The period a stored review covers.
pub fn period_of(r: &Review) -> ReviewPeriod {
    ReviewPeriod {
        cadence: Cadence::from_stored(&r.cadence),
        range: DayRange {
            first: r.first_day,
            last: r.last_day.max(r.first_day),
        },
    }
}

/// A review's snapshot; `None` when the stored text cannot be read.
pub fn snapshot_of(r: &Review) -> Option<Snapshot> {
    serde_json::from_str(&r.snapshot).ok()
}

/// The period's name in the reader's language: "Listopad 2026", "Q4 2026",
/// "16.11.2026 – 22.11.2026".
pub fn period_label(tr: &Tr, p: &ReviewPeriod) -> String {
    let first = ambasada_core::reports::date_of_day(p.range.first);
    match p.cadence {
        Cadence::Monthly => format!("{} {}", tr.t(&format!("month-{}", first.month())), first.year()),
        Cadence::Quarterly => {
            let quarter = ((first.month() - 1) / 3 + 1).to_string();
            let year = first.year().to_string();
            tr.a("reports-review-quarter", &[("quarter", &quarter), ("year", &year)])
        }
        Cadence::Weekly | Cadence::Biweekly => {
            let day = |d: i64| {
                tr.datetime(d * ambasada_core::DAY, "UTC")
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_string()
            };
            format!("{} – {}", day(p.range.first), day(p.range.last))
        }
    }
}

/// The program's goals whose period overlaps `range`, measured at the end of the range
/// (or now, when earlier).
async fn goal_lines(state: &AppState, program_id: i64, range: DayRange, now: Millis) -> anyhow::Result<Vec<GoalLine>> {
    let (start, end) = (range.start_millis(), range.end_millis_exclusive());
    let at = now.min(end);
    let mut out = Vec::new();
    let mut memo = crate::programs::goals::FactsMemo::default();
    for g in state.store.goals(program_id).await? {
        if g.period_start >= end || g.period_end <= start {
            continue;
        }
        let Some((metric, p)) = crate::programs::goals::progress_now(state, &mut memo, &g, at).await? else {
            continue;
        };
        out.push(GoalLine {
            metric: metric.as_str().to_string(),
            target: g.target,
            rate: metric.is_rate(),
            value: match p.value {
                Measured::Count(n) => Some(n as f64),
                Measured::Rate(r) => Some(r),
                Measured::NoData => None,
            },
            percent: p.fraction.map(|f| (f * 100.0).round() as i64),
            expected_percent: (p.expected_fraction * 100.0).round() as i64,
            status: p.status.as_str().to_string(),
            period_start: g.period_start,
            period_end: g.period_end,
        });
    }
    Ok(out)
}

fn top_line(row: StatRow) -> Option<TopLine> {
    Some(TopLine {
        id: row.key.parse().ok()?,
        label: row.label,
        shares: row.totals.shares,
        clicks: row.totals.clicks,
        conversions: row.totals.conversions,
        hidden: false,
    })
}

/// The top [`TOP`] content items (most clicks) and ambassadors (most shares) of `range`;
/// ambassadors who keep their names off leaderboards are marked hidden.
async fn tops(
    state: &AppState,
    program_id: i64,
    range: DayRange,
    now: Millis,
) -> anyhow::Result<(Vec<TopLine>, Vec<TopLine>)> {
    let limit = Some(TOP as i64);
    let store = &state.store;
    let items = store
        .program_breakdown(program_id, range, now, StatsBy::Item, limit)
        .await?;
    let people = store
        .program_breakdown(program_id, range, now, StatsBy::Ambassador, limit)
        .await?;
    let items: Vec<TopLine> = items.into_iter().filter_map(top_line).collect();
    let mut people: Vec<TopLine> = people.into_iter().filter_map(top_line).collect();
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let hidden = store.hidden_on_boards(&ids).await?;
    for p in &mut people {
        p.hidden = hidden.contains(&p.id);
    }
    Ok((items, people))
}

/// Generates a review's snapshot from the data at `now`.
pub async fn take_snapshot(
    state: &AppState,
    program: &Program,
    period: &ReviewPeriod,
    now: Millis,
) -> anyhow::Result<Snapshot> {
    let (current, previous) = review::measured_ranges(period, day_number(now));
    let store = &state.store;
    let now_numbers = store.program_headline(program.id, current, now).await?;
    let before = store.program_headline(program.id, previous, now).await?;
    let (top_content, top_ambassadors) = tops(state, program.id, current, now).await?;
    let checks = ambasada_core::programs::health::checks(&crate::programs::health::inputs(state, program).await?);
    Ok(Snapshot {
        version: SNAPSHOT_VERSION,
        taken_at: now,
        first_day: current.first,
        last_day: current.last,
        previous_first_day: previous.first,
        previous_last_day: previous.last,
        current: Numbers::from(&now_numbers),
        previous: Numbers::from(&before),
        goals: goal_lines(state, program.id, current, now).await?,
        top_content,
        top_ambassadors,
        health: checks
            .iter()
            .map(|c| HealthLine {
                key: c.key.to_string(),
                level: c.level.as_str().to_string(),
            })
            .collect(),
    })
}

/// The review of the period containing `day`, made (as a draft with its numbers) when the
/// program has none: its id, and whether this call made it.
pub async fn ensure_review(state: &AppState, program: &Program, day: i64, now: Millis) -> anyhow::Result<(i64, bool)> {
    let period = ReviewPeriod::containing(Cadence::from_stored(&program.review_cadence), day);
    let key = period.key();
    if let Some(r) = state.store.review_of_period(program.id, &key).await? {
        return Ok((r.id, false));
    }
    let snapshot = serde_json::to_string(&take_snapshot(state, program, &period, now).await?)?;
    let new = NewReview {
        program_id: program.id,
        cadence: period.cadence.as_str(),
        period_key: &key,
        first_day: period.range.first,
        last_day: period.range.last,
        snapshot: &snapshot,
    };
    match state.store.create_review(&new, now).await? {
        Some(id) => Ok((id, true)),
        // Made by someone else meanwhile.
        None => {
            let r = state.store.review_of_period(program.id, &key).await?;
            Ok((
                r.map(|r| r.id).ok_or_else(|| anyhow::anyhow!("review vanished"))?,
                false,
            ))
        }
    }
}

/// Takes a draft's numbers again; false when it is no draft.
pub async fn refresh(state: &AppState, r: &Review, program: &Program, now: Millis) -> anyhow::Result<bool> {
    if !r.is_draft() {
        return Ok(false);
    }
    let snapshot = take_snapshot(state, program, &period_of(r), now).await?;
    Ok(state
        .store
        .set_review_snapshot(r.id, &serde_json::to_string(&snapshot)?, now)
        .await?)
}

/// The decisions of earlier reviews a review carries: frozen once published, worked out
/// from the program's decisions while a draft (`core::reports::review::carried_into`).
pub async fn carried(state: &AppState, r: &Review) -> anyhow::Result<Vec<Decision>> {
    if !r.is_draft() {
        return Ok(state.store.carried_decisions(r.id).await?);
    }
    let all = state.store.program_decisions(r.program_id).await?;
    let facts: Vec<DecisionFacts> = all
        .iter()
        .map(|d| DecisionFacts {
            id: d.id,
            taken_in_first_day: d.taken_in_first_day,
            taken_in_published: d.taken_in_status == "published",
            done_at: d.done_at,
        })
        .collect();
    let ids = review::carried_into(r.first_day, r.created_at, &facts);
    Ok(all.into_iter().filter(|d| ids.contains(&d.id)).collect())
}

/// The people a review's decisions may be given to and its attendance may list: the
/// program's current members and its coordinator, as (id, name), by name.
pub async fn people(state: &AppState, program: &Program) -> anyhow::Result<Vec<(i64, String)>> {
    let mut out: Vec<(i64, String)> = state
        .store
        .members(program.id)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.name))
        .collect();
    if let (Some(id), Some(name)) = (program.coordinator_id, &program.coordinator_name)
        && !out.iter().any(|(m, _)| *m == id)
    {
        out.insert(0, (id, name.clone()));
    }
    Ok(out)
}

/// Publishes a draft: its numbers taken a last time, the carried decisions frozen and
/// every current member emailed (in their language) in the same transaction. False when
/// it was not a draft any more.
pub async fn publish(state: &AppState, r: &Review, program: &Program, by: &User, now: Millis) -> anyhow::Result<bool> {
    if !r.is_draft() {
        return Ok(false);
    }
    refresh(state, r, program, now).await?;
    let Some(r) = state.store.review(r.id).await? else {
        return Ok(false);
    };
    let carried: Vec<i64> = carried(state, &r).await?.iter().map(|d| d.id).collect();
    let decisions = state.store.review_decisions(r.id).await?;
    let emails = super::reviews_mail::compose(state, &r, program, by, &decisions).await?;
    let won = state.store.publish_review(r.id, by.id, &carried, &emails, now).await?;
    if won && !emails.is_empty() {
        state.mail_wakeup.notify_one();
    }
    if won {
        crate::webhooks::events::review_published(state, r.id, r.program_id, &r.period_key, now).await;
    }
    Ok(won)
}
