//! The email outbox: every email is a row before it is a message, so none is lost.
//! A sender claims due rows, sends them, and marks each sent or schedules a retry.

use crate::{Backend, Result, Store};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;

/// One email in the outbox.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body_text: String,
    pub kind: String,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Millis,
    pub last_error: Option<String>,
    pub created_at: Millis,
    pub sent_at: Option<Millis>,
}

const COLUMNS: &str =
    "id, to_addr, subject, body_text, kind, status, attempts, next_attempt_at, last_error, created_at, sent_at";

impl Store {
    /// Puts an email in the outbox, due now.
    pub async fn enqueue_email(&self, to: &str, subject: &str, body: &str, kind: &str, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO outbox (to_addr, subject, body_text, kind, status, attempts, next_attempt_at, created_at) \
             VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5) RETURNING id",
        )
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(kind)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Claims the oldest due email for sending. A claim older than `stale_before` is
    /// taken over (its sender died). On PostgreSQL, concurrent instances skip rows
    /// another one holds.
    pub async fn claim_due_email(&self, now: Millis, stale_before: Millis) -> Result<Option<OutboxMessage>> {
        let lock = if self.backend() == Backend::Postgres {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE outbox SET status = 'sending', claimed_at = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM outbox \
                WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_at < $2) \
                ORDER BY id LIMIT 1 {lock}) \
             RETURNING {COLUMNS}"
        )))
        .bind(now)
        .bind(stale_before)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Marks a claimed email as delivered to the SMTP server.
    /// The body kept is `kept_body`: the sent text without its one-time links, so that
    /// the outbox does not keep live secrets.
    pub async fn mark_email_sent(&self, id: i64, now: Millis, kept_body: &str) -> Result<()> {
        sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $2, last_error = NULL, body_text = $3 WHERE id = $1")
            .bind(id)
            .bind(now)
            .bind(kept_body)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed attempt: retried at `retry_at`, or given up (`failed`, visible
    /// to admins, who may retry it by hand) when `retry_at` is `None`.
    pub async fn mark_email_failed(&self, id: i64, error: &str, retry_at: Option<Millis>) -> Result<()> {
        let error: String = error.chars().take(500).collect();
        sqlx::query(
            "UPDATE outbox SET status = CASE WHEN $3 IS NULL THEN 'failed' ELSE 'pending' END, \
             next_attempt_at = COALESCE($3, next_attempt_at), last_error = $2, claimed_at = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(error)
        .bind(retry_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Puts a failed email back in the queue, due now; not one whose text the retention
    /// run emptied.
    pub async fn retry_email(&self, id: i64, now: Millis) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE outbox SET status = 'pending', next_attempt_at = $2, attempts = 0 \
             WHERE id = $1 AND status = 'failed' AND body_text <> ''",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The newest emails, optionally of one status.
    pub async fn outbox(&self, status: Option<&str>, limit: i64, offset: i64) -> Result<(Vec<OutboxMessage>, i64)> {
        let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE ($1 IS NULL OR status = $1)")
            .bind(status)
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT $2 OFFSET $3"
        )))
        .bind(status)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows, total))
    }

    /// One email.
    pub async fn outbox_message(&self, id: i64) -> Result<Option<OutboxMessage>> {
        Ok(
            sqlx::query_as(AssertSqlSafe(format!("SELECT {COLUMNS} FROM outbox WHERE id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The queues' lengths, for the metrics: emails waiting and given up on, Slack and
    /// Teams messages waiting and given up on.
    pub async fn queue_counts(&self) -> Result<QueueCounts> {
        let (outbox_waiting, outbox_failed, webhooks_waiting, webhooks_failed): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')), \
                        (SELECT COUNT(*) FROM outbox WHERE status = 'failed'), \
                        (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending') \
                          + (SELECT COUNT(*) FROM webhook_messages WHERE status = 'pending'), \
                        (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed') \
                          + (SELECT COUNT(*) FROM webhook_messages WHERE status = 'failed')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(QueueCounts {
            outbox_waiting,
            outbox_failed,
            webhooks_waiting,
            webhooks_failed,
        })
    }

    /// Emails not yet sent (pending or being sent).
    pub async fn outbox_unsent(&self) -> Result<i64> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending', 'failed')")
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }
}

/// How many messages wait in each queue ([`Store::queue_counts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueCounts {
    pub outbox_waiting: i64,
    pub outbox_failed: i64,
    pub webhooks_waiting: i64,
    pub webhooks_failed: i64,
}
