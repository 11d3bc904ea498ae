//! Planned posts: a person's plan, a program's, what the ambassador does with one
//! (accept, skip, move), done by a share and missed after the deadline; and the
//! versions of calendar feeds.

use super::{MissedPost, POST_COLUMNS, POST_FROM, PlannableItem, PlannedPost, placeholders};
use crate::{Result, Store, StoreError};
use ambasada_core::calendar::{self, PlanTarget, ShareFact};
use ambasada_core::{Millis, Network};
use sqlx::AssertSqlSafe;

impl Store {
    /// The planned posts of a slot, by start and name.
    pub async fn slot_posts(&self, slot_id: i64) -> Result<Vec<PlannedPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {POST_COLUMNS} {POST_FROM} WHERE pp.slot_id = $1 ORDER BY pp.starts_at, u.sort_key, pp.id"
        )))
        .bind(slot_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One planned post.
    pub async fn planned_post(&self, id: i64) -> Result<Option<PlannedPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {POST_COLUMNS} {POST_FROM} WHERE pp.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A person's planned posts whose window overlaps `[from, to)`, of slots not deleted
    /// (decided posts of deleted slots too), by start.
    pub async fn plan_of(&self, user_id: i64, from: Millis, to: Millis) -> Result<Vec<PlannedPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {POST_COLUMNS} {POST_FROM} WHERE pp.user_id = $1 AND pp.ends_at > $2 AND pp.starts_at < $3 \
             ORDER BY pp.starts_at, pp.id"
        )))
        .bind(user_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A program's planned posts whose window ends in `[from, to)` (all programs when
    /// `program_id` is `None`), by end; what realisation is computed from.
    pub async fn program_plan(&self, program_id: Option<i64>, from: Millis, to: Millis) -> Result<Vec<PlannedPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {POST_COLUMNS} {POST_FROM} WHERE ($1 IS NULL OR s.program_id = $1) AND pp.ends_at >= $2 \
             AND pp.ends_at < $3 ORDER BY pp.ends_at, u.sort_key, pp.id"
        )))
        .bind(program_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The days (as instants of their posts' starts) a person already has planned posts
    /// in `[from, to)`, for the spreading rule's busy days.
    pub async fn planned_starts(&self, user_ids: &[i64], from: Millis, to: Millis) -> Result<Vec<(i64, Millis)>> {
        if user_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT user_id, starts_at FROM planned_posts WHERE starts_at >= $1 AND starts_at < $2 \
             AND status <> 'skipped' AND user_id IN ({})",
            placeholders(3, user_ids.len())
        );
        let mut q = sqlx::query_as(AssertSqlSafe(sql)).bind(from).bind(to);
        for id in user_ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// Items that may be planned in one of `programs`: approved or published, not expired,
    /// aimed at one of them or at every program; newest first.
    pub async fn plannable_items(&self, programs: &[i64], now: Millis) -> Result<Vec<PlannableItem>> {
        if programs.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT c.id, c.title, c.expires_at FROM content_items c \
             WHERE c.status IN ('approved', 'published') AND (c.expires_at IS NULL OR c.expires_at > $1) \
             AND (NOT EXISTS (SELECT 1 FROM content_programs cp WHERE cp.item_id = c.id) \
                  OR EXISTS (SELECT 1 FROM content_programs cp WHERE cp.item_id = c.id AND cp.program_id IN ({}))) \
             ORDER BY c.starts_at DESC, c.id DESC LIMIT 200",
            placeholders(2, programs.len())
        );
        let mut q = sqlx::query_as(AssertSqlSafe(sql)).bind(now);
        for id in programs {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// People's time zones (`Europe/Warsaw` when unset), for the spreading rule.
    pub async fn time_zones(&self, user_ids: &[i64]) -> Result<Vec<(i64, String)>> {
        if user_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, time_zone FROM users WHERE id IN ({})",
            placeholders(1, user_ids.len())
        );
        let mut q = sqlx::query_as(AssertSqlSafe(sql));
        for id in user_ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// The teams of the people in a list: (user, team id, team name), by team name.
    pub async fn teams_of_people(&self, user_ids: &[i64]) -> Result<Vec<(i64, i64, String)>> {
        if user_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT tm.user_id, t.id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id \
             WHERE tm.user_id IN ({}) ORDER BY t.name, t.id",
            placeholders(1, user_ids.len())
        );
        let mut q = sqlx::query_as(AssertSqlSafe(sql));
        for id in user_ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// The ambassador accepts a planned post (it stays planned).
    pub async fn accept_post(&self, id: i64, user_id: i64, now: Millis) -> Result<()> {
        let r = sqlx::query(
            "UPDATE planned_posts SET accepted_at = $3, updated_at = $3 \
             WHERE id = $1 AND user_id = $2 AND status = 'planned'",
        )
        .bind(id)
        .bind(user_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The ambassador skips a planned post, with a reason.
    pub async fn skip_post(&self, id: i64, user_id: i64, reason: &str, now: Millis) -> Result<()> {
        let r = sqlx::query(
            "UPDATE planned_posts SET status = 'skipped', skip_reason = $3, decided_at = $4, updated_at = $4 \
             WHERE id = $1 AND user_id = $2 AND status = 'planned'",
        )
        .bind(id)
        .bind(user_id)
        .bind(reason)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Moves a planned (or skipped) post to another window; it is planned again.
    pub async fn move_post(
        &self,
        id: i64,
        user_id: i64,
        starts_at: Millis,
        ends_at: Millis,
        now: Millis,
    ) -> Result<()> {
        let r = sqlx::query(
            "UPDATE planned_posts SET starts_at = $3, ends_at = $4, status = 'planned', skip_reason = NULL, \
             decided_at = NULL, reminded_at = NULL, updated_at = $5 WHERE id = $1 AND user_id = $2 AND status IN ('planned', 'skipped')",
        )
        .bind(id)
        .bind(user_id)
        .bind(starts_at)
        .bind(ends_at)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Marks planned posts whose deadline (`core::calendar::deadline`) passed missed, and
    /// returns them.
    pub async fn mark_missed(&self, now: Millis) -> Result<Vec<MissedPost>> {
        Ok(sqlx::query_as(
            "UPDATE planned_posts SET status = 'missed', decided_at = $1, updated_at = $1 \
             WHERE status = 'planned' AND ends_at < $2 RETURNING id, user_id, slot_id",
        )
        .bind(now)
        .bind(now - calendar::GRACE)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The version of a calendar feed (`owner` is `user` or `program`), made on first use.
    pub async fn calendar_feed_version(&self, owner: &str, owner_id: i64) -> Result<i64> {
        sqlx::query(
            "INSERT INTO calendar_feeds (owner, owner_id, version) VALUES ($1, $2, 1) \
             ON CONFLICT (owner, owner_id) DO NOTHING",
        )
        .bind(owner)
        .bind(owner_id)
        .execute(&self.pool)
        .await?;
        let (v,): (i64,) = sqlx::query_as("SELECT version FROM calendar_feeds WHERE owner = $1 AND owner_id = $2")
            .bind(owner)
            .bind(owner_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(v)
    }

    /// Revokes every URL of a calendar feed made so far.
    pub async fn revoke_calendar_feed(&self, owner: &str, owner_id: i64) -> Result<()> {
        self.calendar_feed_version(owner, owner_id).await?;
        sqlx::query("UPDATE calendar_feeds SET version = version + 1 WHERE owner = $1 AND owner_id = $2")
            .bind(owner)
            .bind(owner_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// An open planned post as the share check reads it: (id, content item, network, when its
/// slot was planned, end).
type OpenPost = (i64, Option<i64>, String, Millis, Millis);

/// Marks done the person's first open planned post that `share` fulfils
/// (`core::calendar::share_counts`), inside the transaction that records the share.
pub(crate) async fn mark_done_by_share(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    share_id: i64,
    share: &ShareFact,
) -> Result<Option<i64>> {
    let open: Vec<OpenPost> = sqlx::query_as(
        "SELECT pp.id, s.content_id, s.network, s.created_at, pp.ends_at FROM planned_posts pp \
         JOIN calendar_slots s ON s.id = pp.slot_id \
         WHERE pp.user_id = $1 AND pp.status = 'planned' AND s.deleted_at IS NULL ORDER BY pp.ends_at, pp.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    let found = open.into_iter().find(|(_, content_id, network, planned_at, ends_at)| {
        Network::parse(network).is_some_and(|network| {
            let target = PlanTarget {
                content_id: *content_id,
                network,
                planned_at: *planned_at,
                ends_at: *ends_at,
            };
            calendar::share_counts(&target, share)
        })
    });
    let Some((post_id, ..)) = found else {
        return Ok(None);
    };
    sqlx::query(
        "UPDATE planned_posts SET status = 'done', share_id = $2, decided_at = $3, updated_at = $3 WHERE id = $1",
    )
    .bind(post_id)
    .bind(share_id)
    .bind(share.at)
    .execute(&mut **tx)
    .await?;
    crate::rewards::awarding::planned_in(tx, user_id, post_id, share.at).await?;
    Ok(Some(post_id))
}

/// Ends the calendar feed URLs a person holds: their own, and those of the programs they
/// coordinate.
pub(crate) async fn revoke_feeds_held_by(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE calendar_feeds SET version = version + 1 WHERE owner = 'user' AND owner_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE calendar_feeds SET version = version + 1 WHERE owner = 'program' \
         AND owner_id IN (SELECT id FROM programs WHERE coordinator_id = $1)",
    )
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
