//! The publication calendar (C8): slots, their planned posts, the history of slots
//! changed after they were due, and calendar feed versions.
//!
//! A planned post becomes done inside the transaction that records the share that fulfils
//! it (`content::sharing::record_share` calls [`mark_done_by_share`]), using the rule in
//! `core::calendar::share_counts`; a job marks the ones past their deadline missed.

use crate::{Result, Store, StoreError};
use ambasada_core::calendar::PostStatus;
use ambasada_core::{Millis, Network};
use sqlx::AssertSqlSafe;

mod posts;

pub(crate) use posts::{mark_done_by_share, revoke_feeds_held_by};

/// A slot to create or the new values of one.
#[derive(Debug, Clone)]
pub struct SlotInput {
    pub program_id: i64,
    pub content_id: Option<i64>,
    pub topic: Option<String>,
    pub network: Network,
    pub starts_at: Millis,
    pub ends_at: Millis,
    /// `program`, `team` or `people`.
    pub audience: String,
    pub team_id: Option<i64>,
    pub spread: bool,
}

/// One person's planned post to create: (user, start, end).
pub type PostPlan = (i64, Millis, Millis);

/// A stored slot with what its pages show.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Slot {
    pub id: i64,
    pub program_id: i64,
    pub program_name: String,
    pub content_id: Option<i64>,
    pub content_title: Option<String>,
    pub topic: Option<String>,
    pub network: String,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub audience: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub spread: i64,
    pub created_at: Millis,
    pub deleted_at: Option<Millis>,
    /// Planned posts, and how many are done, missed and skipped.
    pub posts: i64,
    pub done: i64,
    pub missed: i64,
    pub skipped: i64,
}

impl Slot {
    /// What the slot asks for: the item's title or the free topic.
    pub fn subject(&self) -> &str {
        self.content_title.as_deref().or(self.topic.as_deref()).unwrap_or("")
    }
}

/// Which slots to list.
#[derive(Debug, Clone, Default)]
pub struct SlotFilter {
    /// Only these programs; `None` for every program.
    pub programs: Option<Vec<i64>>,
    /// Only slots with a planned post for a member of this team.
    pub team_id: Option<i64>,
    pub network: Option<String>,
    /// Slots whose window overlaps `[from, to)`.
    pub from: Millis,
    pub to: Millis,
}

/// A planned post with its slot, as a person's plan and the realisation pages show it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PlannedPost {
    pub id: i64,
    pub slot_id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub program_id: i64,
    pub program_name: String,
    pub content_id: Option<i64>,
    pub content_title: Option<String>,
    pub topic: Option<String>,
    pub network: String,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub status: String,
    pub accepted_at: Option<Millis>,
    pub skip_reason: Option<String>,
    pub decided_at: Option<Millis>,
}

impl PlannedPost {
    pub fn status(&self) -> PostStatus {
        PostStatus::parse(&self.status).unwrap_or(PostStatus::Planned)
    }
    /// The item's title or the free topic.
    pub fn subject(&self) -> &str {
        self.content_title.as_deref().or(self.topic.as_deref()).unwrap_or("")
    }
}

/// An item a slot may ask for.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlannableItem {
    pub id: i64,
    pub title: String,
    pub expires_at: Option<Millis>,
}

/// A change of a slot made after it was due.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SlotChange {
    pub changed_by_name: Option<String>,
    pub changed_at: Millis,
    pub action: String,
    pub before: String,
}

/// A planned post that the missed-marking job decided.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MissedPost {
    pub id: i64,
    pub user_id: i64,
    pub slot_id: i64,
}

const SLOT_COLUMNS: &str = "s.id, s.program_id, p.name AS program_name, s.content_id, c.title AS content_title, \
     s.topic, s.network, s.starts_at, s.ends_at, s.audience, s.team_id, t.name AS team_name, s.spread, \
     s.created_at, s.deleted_at, \
     (SELECT COUNT(*) FROM planned_posts pp WHERE pp.slot_id = s.id) AS posts, \
     (SELECT COUNT(*) FROM planned_posts pp WHERE pp.slot_id = s.id AND pp.status = 'done') AS done, \
     (SELECT COUNT(*) FROM planned_posts pp WHERE pp.slot_id = s.id AND pp.status = 'missed') AS missed, \
     (SELECT COUNT(*) FROM planned_posts pp WHERE pp.slot_id = s.id AND pp.status = 'skipped') AS skipped";

const SLOT_FROM: &str = "FROM calendar_slots s JOIN programs p ON p.id = s.program_id \
     LEFT JOIN content_items c ON c.id = s.content_id LEFT JOIN teams t ON t.id = s.team_id";

const POST_COLUMNS: &str = "pp.id, pp.slot_id, pp.user_id, u.first_name || ' ' || u.last_name AS user_name, \
     s.program_id, p.name AS program_name, s.content_id, c.title AS content_title, s.topic, s.network, \
     pp.starts_at, pp.ends_at, pp.status, pp.accepted_at, pp.skip_reason, pp.decided_at";

const POST_FROM: &str = "FROM planned_posts pp JOIN calendar_slots s ON s.id = pp.slot_id \
     JOIN programs p ON p.id = s.program_id JOIN users u ON u.id = pp.user_id \
     LEFT JOIN content_items c ON c.id = s.content_id";

/// `$first, $first+1, ...` for `n` values.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Creates a slot and its planned posts in one transaction.
    pub async fn create_slot(&self, s: &SlotInput, posts: &[PostPlan], by: i64, now: Millis) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO calendar_slots (program_id, content_id, topic, network, starts_at, ends_at, audience, \
             team_id, spread, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(s.program_id)
        .bind(s.content_id)
        .bind(s.topic.as_deref())
        .bind(s.network.as_str())
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(&s.audience)
        .bind(s.team_id)
        .bind(i64::from(s.spread))
        .bind(by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for (user_id, starts_at, ends_at) in posts {
            sqlx::query(
                "INSERT INTO planned_posts (slot_id, user_id, starts_at, ends_at, status, updated_at) \
                 VALUES ($1, $2, $3, $4, 'planned', $5)",
            )
            .bind(id)
            .bind(user_id)
            .bind(starts_at)
            .bind(ends_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// One slot (deleted ones too, for their history).
    pub async fn slot(&self, id: i64) -> Result<Option<Slot>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {SLOT_COLUMNS} {SLOT_FROM} WHERE s.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Slots that are not deleted, by start.
    pub async fn slots(&self, f: &SlotFilter) -> Result<Vec<Slot>> {
        let programs = f.programs.clone().unwrap_or_default();
        let program_clause = if f.programs.is_some() {
            if programs.is_empty() {
                return Ok(Vec::new());
            }
            format!("AND s.program_id IN ({})", placeholders(5, programs.len()))
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {SLOT_COLUMNS} {SLOT_FROM} WHERE s.deleted_at IS NULL AND s.ends_at > $1 AND s.starts_at < $2 \
             AND ($3 IS NULL OR s.network = $3) \
             AND ($4 IS NULL OR EXISTS (SELECT 1 FROM planned_posts pp JOIN team_members tm ON tm.user_id = pp.user_id \
                  WHERE pp.slot_id = s.id AND tm.team_id = $4)) \
             {program_clause} ORDER BY s.starts_at, s.id"
        );
        let mut q = sqlx::query_as(AssertSqlSafe(sql))
            .bind(f.from)
            .bind(f.to)
            .bind(f.network.as_deref())
            .bind(f.team_id);
        for p in &programs {
            q = q.bind(*p);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    /// Changes a slot's subject, network or window. The planned posts keep their own
    /// windows unless `posts` gives new ones (a slot that is not spread moves them all).
    /// When the slot was already due its previous values go into the history first.
    pub async fn update_slot(&self, id: i64, s: &SlotInput, posts_follow: bool, by: i64, now: Millis) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let Some((starts_at, before)) = snapshot(&mut tx, id).await? else {
            return Err(StoreError::NotFound);
        };
        if starts_at <= now {
            record_change(&mut tx, id, by, now, "edited", &before).await?;
        }
        sqlx::query(
            "UPDATE calendar_slots SET content_id = $2, topic = $3, network = $4, starts_at = $5, ends_at = $6, \
             updated_at = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(s.content_id)
        .bind(s.topic.as_deref())
        .bind(s.network.as_str())
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if posts_follow {
            sqlx::query(
                "UPDATE planned_posts SET starts_at = $2, ends_at = $3, updated_at = $4 \
                 WHERE slot_id = $1 AND status = 'planned'",
            )
            .bind(id)
            .bind(s.starts_at)
            .bind(s.ends_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes a slot. One that was already due is kept, marked deleted, with its history
    /// and its planned posts' outcomes; one not yet due goes with its planned posts.
    pub async fn delete_slot(&self, id: i64, by: i64, now: Millis) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let Some((starts_at, before)) = snapshot(&mut tx, id).await? else {
            return Err(StoreError::NotFound);
        };
        if starts_at <= now {
            record_change(&mut tx, id, by, now, "deleted", &before).await?;
            sqlx::query("UPDATE calendar_slots SET deleted_at = $2, updated_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            // Posts still open are no longer asked for; decided ones keep their outcome.
            sqlx::query("DELETE FROM planned_posts WHERE slot_id = $1 AND status = 'planned'")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("DELETE FROM calendar_slots WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The changes of a slot made after it was due, newest first.
    pub async fn slot_history(&self, slot_id: i64) -> Result<Vec<SlotChange>> {
        Ok(sqlx::query_as(
            "SELECT u.first_name || ' ' || u.last_name AS changed_by_name, h.changed_at, h.action, h.before \
             FROM calendar_slot_history h LEFT JOIN users u ON u.id = h.changed_by \
             WHERE h.slot_id = $1 ORDER BY h.changed_at DESC, h.id DESC",
        )
        .bind(slot_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// A slot that is not deleted, as JSON of what a change may alter, with its start.
async fn snapshot(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: i64) -> Result<Option<(Millis, String)>> {
    type Row = (Option<i64>, Option<String>, String, Millis, Millis);
    let row: Option<Row> = sqlx::query_as(
        "SELECT content_id, topic, network, starts_at, ends_at FROM calendar_slots WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|(content_id, topic, network, starts_at, ends_at)| {
        let json = serde_json::json!({
            "content_id": content_id, "topic": topic, "network": network,
            "starts_at": starts_at, "ends_at": ends_at,
        });
        (starts_at, json.to_string())
    }))
}

async fn record_change(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    slot_id: i64,
    by: i64,
    now: Millis,
    action: &str,
    before: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO calendar_slot_history (slot_id, changed_by, changed_at, action, before) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(slot_id)
    .bind(by)
    .bind(now)
    .bind(action)
    .bind(before)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
