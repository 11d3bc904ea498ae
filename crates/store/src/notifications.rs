//! In-app notifications (C8) and what each person's home shows as needing attention.
//!
//! A notification is stored as a kind, a JSON object of arguments and a link, never as
//! text: it is rendered in the reader's language when it is read. A person gets at most
//! one notification per dedup key, so an event announced twice (two server processes, a
//! job run twice) reaches them once.
//!
//! This module owns no rule about who is told what: the server decides the recipients
//! (with the audience queries here) and the kinds.

use crate::{Result, Store, StoreError};
use ambasada_core::{Millis, Role};
use sqlx::AssertSqlSafe;

/// A notification as its reader's list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    pub kind: String,
    /// A JSON object of the message's arguments.
    pub args: String,
    /// Where opening it leads: a path on this site.
    pub link: String,
    pub created_at: Millis,
    pub read_at: Option<Millis>,
}

/// What to tell: the same notification for every recipient.
#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    pub kind: &'a str,
    /// A JSON object (as text) of the message's arguments.
    pub args: &'a str,
    pub link: &'a str,
    /// At most one notification per person and key; `None` for events that may repeat.
    pub dedup_key: Option<&'a str>,
}

/// A planned post whose window started, claimed for its reminder.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueReminder {
    pub post_id: i64,
    pub user_id: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub network: String,
    /// The item's title, or the slot's free topic.
    pub subject: String,
}

/// A content item in a list of things to do.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemToDo {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub author_name: Option<String>,
    pub reject_reason: Option<String>,
    pub updated_at: Millis,
}

/// A program with candidates waiting for a decision.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WaitingCandidates {
    pub program_id: i64,
    pub program_name: String,
    pub waiting: i64,
}

/// `$first, $first+1, ...` for `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Recipients per insert statement: few enough binds for every engine.
const CHUNK: usize = 500;

/// The submitted items person `$1` may review (`$2` = 1 for an admin, who reviews
/// everything): the rule of `server::content::service::powers` (a coordinator reviews
/// items aimed only at programs they coordinate, and never their own).
const REVIEWABLE: &str = "c.status = 'submitted' AND ($2 = 1 OR ( \
     EXISTS (SELECT 1 FROM content_programs cp WHERE cp.item_id = c.id) \
     AND NOT EXISTS (SELECT 1 FROM content_programs cp JOIN programs p ON p.id = cp.program_id \
                     WHERE cp.item_id = c.id AND (p.coordinator_id IS NULL OR p.coordinator_id <> $1)) \
     AND (c.author_id IS NULL OR c.author_id <> $1)))";

impl Store {
    /// Gives `n` to each active person of `users` who does not have one with its dedup key
    /// yet. Returns how many were added.
    pub async fn add_notifications(&self, users: &[i64], n: &NewNotification<'_>, now: Millis) -> Result<u64> {
        let mut added = 0;
        let mut tx = self.pool.begin().await?;
        for chunk in users.chunks(CHUNK) {
            // INSERT ... SELECT keeps deactivated people out; its WHERE also lets SQLite
            // read ON CONFLICT as the upsert clause, not as a join constraint.
            let sql = format!(
                "INSERT INTO notifications (user_id, kind, args, link, dedup_key, created_at) \
                 SELECT u.id, $1, $2, $3, $4, $5 FROM users u \
                 WHERE u.deactivated_at IS NULL AND u.id IN ({}) \
                 ON CONFLICT (user_id, dedup_key) DO NOTHING",
                placeholders(6, chunk.len())
            );
            let mut q = sqlx::query(AssertSqlSafe(sql))
                .bind(n.kind)
                .bind(n.args)
                .bind(n.link)
                .bind(n.dedup_key)
                .bind(now);
            for id in chunk {
                q = q.bind(*id);
            }
            added += q.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(added)
    }

    /// A person's notifications, newest first, and how many they have in all.
    pub async fn notifications(&self, user_id: i64, limit: i64, offset: i64) -> Result<(Vec<Notification>, i64)> {
        let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query_as(
            "SELECT id, kind, args, link, created_at, read_at FROM notifications WHERE user_id = $1 \
             ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
        )
        .bind(user_id)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows, total))
    }

    /// How many of a person's notifications are unread (the header's badge).
    pub async fn unread_notifications(&self, user_id: i64) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
            .bind(user_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Marks one of the person's own notifications read (a read one stays as it was) and
    /// gives its link; [`StoreError::NotFound`] when it is not theirs.
    pub async fn mark_notification_read(&self, user_id: i64, id: i64, now: Millis) -> Result<String> {
        let row: Option<(String,)> = sqlx::query_as(
            "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING link",
        )
        .bind(id)
        .bind(user_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(link,)| link).ok_or(StoreError::NotFound)
    }

    /// Marks all of a person's notifications read; returns how many were unread.
    pub async fn mark_all_notifications_read(&self, user_id: i64, now: Millis) -> Result<u64> {
        Ok(
            sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
                .bind(user_id)
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// Who sees a content item in their feed at `now`: the active members of any program
    /// for whom the feed's visibility rule (`content::VISIBLE`) holds, that is the members
    /// of its target programs (of every program when it targets none), and of those only
    /// the members of its target teams when it has any.
    pub async fn content_audience(&self, item_id: i64, now: Millis) -> Result<Vec<i64>> {
        // The rule is written for the person `$1` at the time `$2`; here the person is each
        // member, and `$1` is free for the item.
        let visible = crate::content::VISIBLE.replace("$1", "m.user_id");
        let rows: Vec<(i64,)> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT DISTINCT m.user_id FROM program_members m JOIN users u ON u.id = m.user_id \
             WHERE m.left_at IS NULL AND u.deactivated_at IS NULL \
             AND EXISTS (SELECT 1 FROM content_items c WHERE c.id = $1 AND {visible}) ORDER BY m.user_id"
        )))
        .bind(item_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// The active people who hold `role`.
    pub async fn active_people_with_role(&self, role: Role) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE r.role = $1 AND u.deactivated_at IS NULL ORDER BY u.id",
        )
        .bind(role.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Claims the planned posts whose window has started (still planned, of a slot that is
    /// not deleted, not reminded yet) and returns them. Each is returned to one caller
    /// only, even with several server processes: the claim is an
    /// `UPDATE ... WHERE reminded_at IS NULL` that only one can win.
    pub async fn claim_due_reminders(&self, now: Millis) -> Result<Vec<DueReminder>> {
        let mut tx = self.pool.begin().await?;
        let claimed: Vec<(i64,)> = sqlx::query_as(
            "UPDATE planned_posts SET reminded_at = $1 \
             WHERE status = 'planned' AND reminded_at IS NULL AND starts_at <= $1 \
             AND slot_id IN (SELECT id FROM calendar_slots WHERE deleted_at IS NULL) RETURNING id",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        let mut due = Vec::with_capacity(claimed.len());
        let ids: Vec<i64> = claimed.into_iter().map(|(id,)| id).collect();
        for chunk in ids.chunks(CHUNK) {
            let sql = format!(
                "SELECT pp.id AS post_id, pp.user_id, pp.starts_at, pp.ends_at, s.network, \
                 COALESCE(c.title, s.topic, '') AS subject \
                 FROM planned_posts pp JOIN calendar_slots s ON s.id = pp.slot_id \
                 LEFT JOIN content_items c ON c.id = s.content_id \
                 WHERE pp.id IN ({}) ORDER BY pp.starts_at, pp.id",
                placeholders(1, chunk.len())
            );
            let mut q = sqlx::query_as(AssertSqlSafe(sql));
            for id in chunk {
                q = q.bind(*id);
            }
            due.extend(q.fetch_all(&mut *tx).await?);
        }
        tx.commit().await?;
        Ok(due)
    }

    /// The submitted items this person may review (all of them for an admin), oldest
    /// submission first, at most `limit`, and how many there are.
    pub async fn reviewable_items(&self, user_id: i64, admin: bool, limit: i64) -> Result<(Vec<ItemToDo>, i64)> {
        let admin = i64::from(admin);
        let (total,): (i64,) = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM content_items c WHERE {REVIEWABLE}"
        )))
        .bind(user_id)
        .bind(admin)
        .fetch_one(&self.pool)
        .await?;
        let rows = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT c.id, c.title, c.status, u.first_name || ' ' || u.last_name AS author_name, c.reject_reason, \
             c.updated_at FROM content_items c LEFT JOIN users u ON u.id = c.author_id \
             WHERE {REVIEWABLE} ORDER BY c.updated_at, c.id LIMIT $3"
        )))
        .bind(user_id)
        .bind(admin)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows, total))
    }

    /// The programs this person coordinates (all, for an admin) with candidates waiting
    /// for a decision (pending or waitlisted), by name.
    pub async fn waiting_candidates(&self, user_id: i64, admin: bool) -> Result<Vec<WaitingCandidates>> {
        Ok(sqlx::query_as(
            "SELECT p.id AS program_id, p.name AS program_name, COUNT(*) AS waiting \
             FROM program_applications a JOIN programs p ON p.id = a.program_id \
             WHERE a.status IN ('pending', 'waitlisted') AND ($2 = 1 OR p.coordinator_id = $1) \
             GROUP BY p.id, p.name ORDER BY p.name, p.id",
        )
        .bind(user_id)
        .bind(i64::from(admin))
        .fetch_all(&self.pool)
        .await?)
    }

    /// A person's own drafts and rejected items, latest change first (at most `limit`),
    /// and how many they have of each: (drafts, rejected).
    pub async fn my_unfinished_items(&self, user_id: i64, limit: i64) -> Result<(Vec<ItemToDo>, (i64, i64))> {
        let (drafts, rejected): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(CASE WHEN status = 'draft' THEN 1 ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), 0) AS BIGINT) \
             FROM content_items WHERE author_id = $1",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        let rows = sqlx::query_as(
            "SELECT c.id, c.title, c.status, CAST(NULL AS TEXT) AS author_name, c.reject_reason, c.updated_at \
             FROM content_items c WHERE c.author_id = $1 AND c.status IN ('draft', 'rejected') \
             ORDER BY CASE WHEN c.status = 'rejected' THEN 0 ELSE 1 END, c.updated_at DESC, c.id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows, (drafts, rejected)))
    }

    /// How many job applications are still in the stage `new`.
    pub async fn new_applications_count(&self) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM applications WHERE stage = 'new'")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }
}
