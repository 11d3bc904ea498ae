//! LinkedIn direct posting: connected members (their sealed tokens) and the posts
//! published through the Posts API, now or at a planned time.
//!
//! A post is sent exactly once: the sender claims it (`scheduled` -> `sending`, in its
//! own statement, skipping rows another instance holds on PostgreSQL) before it calls
//! LinkedIn, and records the answer afterwards. A post still `sending` after the lease
//! (its sender died between the call and the record) is never sent again by itself: it
//! becomes `unknown` and its author decides (see docs/LINKEDIN.md).

use crate::{Backend, Result, Store};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;

/// A person's connected LinkedIn member.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedInAccount {
    pub user_id: i64,
    pub member_sub: String,
    pub member_name: String,
    /// The access token, sealed (see the server's `secrets`).
    pub token_sealed: String,
    pub scope: String,
    pub expires_at: Millis,
    pub connected_at: Millis,
    /// Expiry reminders sent: 0, 1 (seven days before), 2 (one day before).
    pub reminded: i64,
}

const ACCOUNT_COLUMNS: &str =
    "user_id, member_sub, member_name, token_sealed, scope, expires_at, connected_at, reminded";

/// A post on LinkedIn, planned or sent.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedInPost {
    pub id: i64,
    pub user_id: i64,
    pub content_id: i64,
    pub planned_post_id: Option<i64>,
    pub commentary: String,
    pub due_at: Millis,
    /// scheduled, sending, sent, paused, failed, unknown, cancelled.
    pub status: String,
    pub attempts: i64,
    pub next_try_at: Millis,
    pub claimed_at: Option<Millis>,
    /// Why it is paused or failed, or why the last try will be repeated.
    pub failure: Option<String>,
    pub failure_detail: Option<String>,
    pub post_urn: Option<String>,
    pub share_id: Option<i64>,
    pub created_at: Millis,
    pub updated_at: Millis,
}

const POST_COLUMNS: &str = "id, user_id, content_id, planned_post_id, commentary, due_at, status, attempts, \
     next_try_at, claimed_at, failure, failure_detail, post_urn, share_id, created_at, updated_at";

/// A post with the title of its item, as lists show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedInPostRow {
    #[sqlx(flatten)]
    pub post: LinkedInPost,
    pub content_title: String,
}

/// Statuses whose post its author may still edit or cancel.
const OPEN: &str = "('scheduled', 'paused', 'failed', 'unknown')";

/// A post to create.
#[derive(Debug, Clone)]
pub struct NewLinkedInPost {
    pub user_id: i64,
    pub content_id: i64,
    pub planned_post_id: Option<i64>,
    pub commentary: String,
    pub due_at: Millis,
}

impl Store {
    /// Saves a connection (a new one replaces the old, its reminders start over) and
    /// puts back on schedule the posts that waited for it.
    pub async fn save_linkedin_account(&self, a: &LinkedInAccount, now: Millis) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO linkedin_accounts (user_id, member_sub, member_name, token_sealed, scope, expires_at, connected_at, reminded) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0) \
             ON CONFLICT (user_id) DO UPDATE SET member_sub = excluded.member_sub, member_name = excluded.member_name, \
             token_sealed = excluded.token_sealed, scope = excluded.scope, expires_at = excluded.expires_at, \
             connected_at = excluded.connected_at, reminded = 0",
        )
        .bind(a.user_id)
        .bind(&a.member_sub)
        .bind(&a.member_name)
        .bind(&a.token_sealed)
        .bind(&a.scope)
        .bind(a.expires_at)
        .bind(a.connected_at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE linkedin_posts SET status = 'scheduled', failure = NULL, failure_detail = NULL, attempts = 0, \
             next_try_at = CASE WHEN due_at > $2 THEN due_at ELSE $2 END, updated_at = $2 \
             WHERE user_id = $1 AND status = 'paused' AND failure = 'expired'",
        )
        .bind(a.user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person's connection, if any.
    pub async fn linkedin_account(&self, user_id: i64) -> Result<Option<LinkedInAccount>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM linkedin_accounts WHERE user_id = $1"
        )))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Marks the connection expired now (LinkedIn refused its token).
    pub async fn expire_linkedin_account(&self, user_id: i64, now: Millis) -> Result<()> {
        sqlx::query("UPDATE linkedin_accounts SET expires_at = $2 WHERE user_id = $1 AND expires_at > $2")
            .bind(user_id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes the connection (and with it the token). True when there was one.
    pub async fn delete_linkedin_account(&self, user_id: i64) -> Result<bool> {
        let r = sqlx::query("DELETE FROM linkedin_accounts WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Connections whose token expires before `before` and whose reminder `stage` has
    /// not gone out, and that are not expired yet.
    pub async fn linkedin_accounts_expiring(
        &self,
        now: Millis,
        before: Millis,
        stage: i64,
    ) -> Result<Vec<LinkedInAccount>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM linkedin_accounts \
             WHERE expires_at > $1 AND expires_at <= $2 AND reminded < $3 ORDER BY expires_at"
        )))
        .bind(now)
        .bind(before)
        .bind(stage)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Claims the reminder `stage` of a connection: true for exactly one caller.
    pub async fn claim_linkedin_reminder(&self, user_id: i64, expires_at: Millis, stage: i64) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE linkedin_accounts SET reminded = $3 WHERE user_id = $1 AND expires_at = $2 AND reminded < $3",
        )
        .bind(user_id)
        .bind(expires_at)
        .bind(stage)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Plans a post; it is sent when `due_at` comes.
    pub async fn create_linkedin_post(&self, p: &NewLinkedInPost, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO linkedin_posts (user_id, content_id, planned_post_id, commentary, due_at, status, attempts, \
             next_try_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'scheduled', 0, $5, $6, $6) RETURNING id",
        )
        .bind(p.user_id)
        .bind(p.content_id)
        .bind(p.planned_post_id)
        .bind(&p.commentary)
        .bind(p.due_at)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Creates a post due now, already claimed by its caller for sending (publishing
    /// at once: no job can take it in between).
    pub async fn create_claimed_linkedin_post(&self, p: &NewLinkedInPost, now: Millis) -> Result<LinkedInPost> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "INSERT INTO linkedin_posts (user_id, content_id, planned_post_id, commentary, due_at, status, attempts, \
             next_try_at, claimed_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'sending', 1, $5, $6, $6, $6) \
             RETURNING {POST_COLUMNS}"
        )))
        .bind(p.user_id)
        .bind(p.content_id)
        .bind(p.planned_post_id)
        .bind(&p.commentary)
        .bind(p.due_at)
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    /// One post.
    pub async fn linkedin_post(&self, id: i64) -> Result<Option<LinkedInPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {POST_COLUMNS} FROM linkedin_posts WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The person's posts with their items' titles: open ones first by due time, then
    /// the newest others.
    pub async fn linkedin_posts_of(&self, user_id: i64, limit: i64) -> Result<Vec<LinkedInPostRow>> {
        let cols = POST_COLUMNS
            .split(", ")
            .map(|c| format!("p.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {cols}, c.title AS content_title FROM linkedin_posts p JOIN content_items c ON c.id = p.content_id \
             WHERE p.user_id = $1 \
             ORDER BY CASE WHEN p.status IN {OPEN} OR p.status = 'sending' THEN 0 ELSE 1 END, \
             CASE WHEN p.status IN {OPEN} OR p.status = 'sending' THEN p.due_at ELSE -p.due_at END, p.id DESC LIMIT $2"
        )))
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Whether the person has a post of this item with this text being sent, or sent
    /// since `since` (a second "Publish" of the same post: a double click).
    pub async fn linkedin_post_in_flight(
        &self,
        user_id: i64,
        content_id: i64,
        commentary: &str,
        since: Millis,
    ) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM linkedin_posts WHERE user_id = $1 AND content_id = $2 AND commentary = $3 \
             AND (status = 'sending' OR (status = 'sent' AND updated_at >= $4))",
        )
        .bind(user_id)
        .bind(content_id)
        .bind(commentary)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Changes an open post's text and time; it is scheduled again. False when the post
    /// is not the person's or no longer open (sent, being sent, cancelled).
    pub async fn reschedule_linkedin_post(
        &self,
        id: i64,
        user_id: i64,
        commentary: &str,
        due_at: Millis,
        now: Millis,
    ) -> Result<bool> {
        let r = sqlx::query(AssertSqlSafe(format!(
            "UPDATE linkedin_posts SET commentary = $3, due_at = $4, next_try_at = $4, status = 'scheduled', \
             attempts = 0, failure = NULL, failure_detail = NULL, updated_at = $5 \
             WHERE id = $1 AND user_id = $2 AND status IN {OPEN}"
        )))
        .bind(id)
        .bind(user_id)
        .bind(commentary)
        .bind(due_at)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Cancels an open post of the person. False when it is not open any more.
    pub async fn cancel_linkedin_post(&self, id: i64, user_id: i64, now: Millis) -> Result<bool> {
        let r = sqlx::query(AssertSqlSafe(format!(
            "UPDATE linkedin_posts SET status = 'cancelled', updated_at = $3 \
             WHERE id = $1 AND user_id = $2 AND status IN {OPEN}"
        )))
        .bind(id)
        .bind(user_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Claims the earliest due post for sending (`sending`, one more attempt). On
    /// PostgreSQL concurrent instances skip rows another one holds, and the claim is
    /// committed before LinkedIn is called.
    pub async fn claim_due_linkedin_post(&self, now: Millis) -> Result<Option<LinkedInPost>> {
        let lock = if self.backend() == Backend::Postgres {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE linkedin_posts SET status = 'sending', claimed_at = $1, attempts = attempts + 1, updated_at = $1 \
             WHERE id = (SELECT id FROM linkedin_posts WHERE status = 'scheduled' AND next_try_at <= $1 \
                ORDER BY next_try_at, id LIMIT 1 {lock}) AND status = 'scheduled' \
             RETURNING {POST_COLUMNS}"
        )))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Claims one scheduled post by id (publishing now); `None` when someone else has.
    pub async fn claim_linkedin_post(&self, id: i64, now: Millis) -> Result<Option<LinkedInPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE linkedin_posts SET status = 'sending', claimed_at = $2, attempts = attempts + 1, updated_at = $2 \
             WHERE id = $1 AND status = 'scheduled' RETURNING {POST_COLUMNS}"
        )))
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records LinkedIn's acceptance of a claimed post (also of one a slow sender's lease
    /// already turned `unknown`: it is known now).
    pub async fn linkedin_post_sent(&self, id: i64, urn: &str, now: Millis) -> Result<()> {
        sqlx::query(
            "UPDATE linkedin_posts SET status = 'sent', post_urn = $2, failure = NULL, failure_detail = NULL, \
             updated_at = $3 WHERE id = $1 AND status IN ('sending', 'unknown')",
        )
        .bind(id)
        .bind(urn)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Links a sent post to the share it was recorded as.
    pub async fn linkedin_post_share(&self, id: i64, share_id: i64) -> Result<()> {
        sqlx::query("UPDATE linkedin_posts SET share_id = $2 WHERE id = $1")
            .bind(id)
            .bind(share_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends a claimed attempt without a post: `scheduled` again at `retry_at`, or
    /// `status` (paused, failed) when `retry_at` is `None`.
    pub async fn linkedin_post_not_sent(
        &self,
        id: i64,
        status: &str,
        failure: &str,
        detail: &str,
        retry_at: Option<Millis>,
        now: Millis,
    ) -> Result<()> {
        let detail: String = detail.chars().take(500).collect();
        sqlx::query(
            "UPDATE linkedin_posts SET status = CASE WHEN $5 IS NULL THEN $2 ELSE 'scheduled' END, \
             next_try_at = COALESCE($5, next_try_at), failure = $3, failure_detail = $4, claimed_at = NULL, \
             updated_at = $6 WHERE id = $1 AND status = 'sending'",
        )
        .bind(id)
        .bind(status)
        .bind(failure)
        .bind(detail)
        .bind(retry_at)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Pauses the person's other scheduled posts until they connect again (their token
    /// expired or was revoked). Returns how many.
    pub async fn pause_linkedin_posts_of(&self, user_id: i64, now: Millis) -> Result<u64> {
        let r = sqlx::query(
            "UPDATE linkedin_posts SET status = 'paused', failure = 'expired', failure_detail = NULL, updated_at = $2 \
             WHERE user_id = $1 AND status = 'scheduled'",
        )
        .bind(user_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected())
    }

    /// Posts whose sender claimed them before `stale_before` and never recorded an
    /// answer: LinkedIn may or may not have published them, so they are not sent again
    /// but become `unknown` for their authors to check. Returns them.
    pub async fn resolve_stale_linkedin_posts(&self, stale_before: Millis, now: Millis) -> Result<Vec<LinkedInPost>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE linkedin_posts SET status = 'unknown', failure = 'interrupted', failure_detail = NULL, \
             updated_at = $2 WHERE status = 'sending' AND claimed_at < $1 RETURNING {POST_COLUMNS}"
        )))
        .bind(stale_before)
        .bind(now)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The person's scheduled or paused posts due after `after` (their token's expiry).
    pub async fn linkedin_posts_due_after(&self, user_id: i64, after: Millis) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM linkedin_posts WHERE user_id = $1 AND status IN ('scheduled', 'paused') AND due_at > $2",
        )
        .bind(user_id)
        .bind(after)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }
}
