//! Slack and Teams webhooks of programs, and the queue of messages to them (C8).
//!
//! Every message is a row before it is posted, so none is lost, and it is posted by one
//! process: a sender claims it with a lease (its `next_attempt_at` moved past the time
//! the post may take), so no other process sees it due meanwhile, and records the result.
//! Messages to one channel go one at a time, oldest first (a channel's next message is
//! not due while an earlier one waits), which keeps to Slack's rate of about one a
//! second and holds a failing channel's messages back without holding other channels'.
//! The URL is a secret: it is read only by the sender ([`ClaimedDelivery::url`]).

use crate::{Backend, Result, Store};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;

/// A program's webhook as its page shows it.
#[derive(Clone, sqlx::FromRow)]
pub struct ProgramWebhook {
    pub program_id: i64,
    /// `slack` or `teams`.
    pub kind: String,
    /// The secret URL. Pages show `core::integrations::mask` of it.
    pub url: String,
    pub last_error: Option<String>,
    pub last_error_at: Option<Millis>,
    pub last_success_at: Option<Millis>,
    /// Revoked (404/410): nothing more is sent until a new URL is set.
    pub stopped_at: Option<Millis>,
    pub updated_at: Millis,
}

impl std::fmt::Debug for ProgramWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProgramWebhook")
            .field("program_id", &self.program_id)
            .field("kind", &self.kind)
            .field("url", &"[redacted]")
            .field("stopped_at", &self.stopped_at)
            .finish_non_exhaustive()
    }
}

/// A message in the queue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WebhookDelivery {
    pub id: i64,
    pub program_id: i64,
    pub kind: String,
    /// `content_published`, `weekly_plan`, `missed_plan` or `test`.
    pub event: String,
    /// The JSON posted.
    pub body: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Millis,
    pub last_error: Option<String>,
    pub created_at: Millis,
    pub sent_at: Option<Millis>,
}

/// A message a sender claimed, with the URL to post it to.
#[derive(Clone)]
pub struct ClaimedDelivery {
    pub delivery: WebhookDelivery,
    pub url: String,
}

const COLUMNS: &str =
    "id, program_id, kind, event, body, status, attempts, next_attempt_at, last_error, created_at, sent_at";

const WEBHOOK_COLUMNS: &str =
    "program_id, kind, url, last_error, last_error_at, last_success_at, stopped_at, updated_at";

/// Errors are kept short: a status and the start of an answer.
fn short(error: &str) -> String {
    error.chars().take(300).collect()
}

impl Store {
    /// A program's webhooks (at most one per kind).
    pub async fn program_webhooks(&self, program_id: i64) -> Result<Vec<ProgramWebhook>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {WEBHOOK_COLUMNS} FROM program_webhooks WHERE program_id = $1 ORDER BY kind"
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The programs with at least one webhook that is not stopped.
    pub async fn programs_with_webhooks(&self) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT program_id FROM program_webhooks WHERE stopped_at IS NULL ORDER BY program_id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Sets a program's webhook URL of a kind. A new URL starts afresh (no error, not
    /// stopped, no success yet); setting the same URL again only ends a stop, for a
    /// coordinator who fixed the channel's side.
    pub async fn set_program_webhook(&self, program_id: i64, kind: &str, url: &str, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO program_webhooks (program_id, kind, url, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (program_id, kind) DO UPDATE SET \
               last_success_at = CASE WHEN program_webhooks.url = excluded.url \
                 THEN program_webhooks.last_success_at ELSE NULL END, \
               last_error = CASE WHEN program_webhooks.url = excluded.url \
                 THEN program_webhooks.last_error ELSE NULL END, \
               last_error_at = CASE WHEN program_webhooks.url = excluded.url \
                 THEN program_webhooks.last_error_at ELSE NULL END, \
               url = excluded.url, stopped_at = NULL, updated_at = excluded.updated_at",
        )
        .bind(program_id)
        .bind(kind)
        .bind(url)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Removes a program's webhook of a kind, and the messages still waiting for it (the
    /// ones sent or failed stay in the history). False when there was none.
    pub async fn delete_program_webhook(&self, program_id: i64, kind: &str) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query("DELETE FROM program_webhooks WHERE program_id = $1 AND kind = $2")
            .bind(program_id)
            .bind(kind)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM webhook_deliveries WHERE program_id = $1 AND kind = $2 AND status = 'pending'")
            .bind(program_id)
            .bind(kind)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(r.rows_affected() == 1)
    }

    /// Queues a message, due now. With a `dedup_key`, a second message with the same key
    /// is not queued (also when two processes try at once: the key is unique). Returns
    /// the new message's id, or `None` when the key was taken.
    pub async fn queue_webhook_delivery(
        &self,
        program_id: i64,
        kind: &str,
        event: &str,
        body: &str,
        dedup_key: Option<&str>,
        now: Millis,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO webhook_deliveries (program_id, kind, event, body, status, attempts, next_attempt_at, \
             created_at, dedup_key) VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $6) \
             ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
        )
        .bind(program_id)
        .bind(kind)
        .bind(event)
        .bind(body)
        .bind(now)
        .bind(dedup_key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Whether a message with this once-only key was queued already.
    pub async fn webhook_dedup_taken(&self, dedup_key: &str) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM webhook_deliveries WHERE dedup_key = $1")
            .bind(dedup_key)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Claims the oldest due message whose channel is set, not stopped, and has no older
    /// message waiting, for `lease` milliseconds: its attempt is counted and it is not
    /// due again before `now + lease`, so no other sender takes it meanwhile (and a
    /// sender that died gives it back when the lease ends). On PostgreSQL, concurrent
    /// senders skip rows another one holds.
    pub async fn claim_webhook_delivery(&self, now: Millis, lease: Millis) -> Result<Option<ClaimedDelivery>> {
        let lock = if self.backend() == Backend::Postgres {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let delivery: Option<WebhookDelivery> = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $2 \
             WHERE id = (SELECT d.id FROM webhook_deliveries d \
                WHERE d.status = 'pending' AND d.next_attempt_at <= $1 \
                AND d.id = (SELECT MIN(h.id) FROM webhook_deliveries h \
                    WHERE h.program_id = d.program_id AND h.kind = d.kind AND h.status = 'pending') \
                AND EXISTS (SELECT 1 FROM program_webhooks w \
                    WHERE w.program_id = d.program_id AND w.kind = d.kind AND w.stopped_at IS NULL) \
                ORDER BY d.next_attempt_at, d.id LIMIT 1 {lock}) \
             AND status = 'pending' AND next_attempt_at <= $1 \
             RETURNING {COLUMNS}"
        )))
        .bind(now)
        .bind(now + lease)
        .fetch_optional(&self.pool)
        .await?;
        let Some(delivery) = delivery else {
            return Ok(None);
        };
        let url: Option<(String,)> = sqlx::query_as(
            "SELECT url FROM program_webhooks WHERE program_id = $1 AND kind = $2 AND stopped_at IS NULL",
        )
        .bind(delivery.program_id)
        .bind(&delivery.kind)
        .fetch_optional(&self.pool)
        .await?;
        match url {
            Some((url,)) => Ok(Some(ClaimedDelivery { delivery, url })),
            // Removed or stopped between the two statements: the message waits (a removal
            // deletes it; a stop fails it).
            None => Ok(None),
        }
    }

    /// Records a delivered message, and the channel's success.
    pub async fn record_webhook_sent(&self, id: i64, now: Millis) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "UPDATE webhook_deliveries SET status = 'sent', sent_at = $2, last_error = NULL \
             WHERE id = $1 RETURNING program_id, kind",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((program_id, kind)) = row {
            sqlx::query("UPDATE program_webhooks SET last_success_at = $3 WHERE program_id = $1 AND kind = $2")
                .bind(program_id)
                .bind(kind)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records a failed attempt, on the message and its channel: tried again at
    /// `retry_at`, or given up (`failed`) when it is `None`. A retry time after a
    /// rate limit holds back the channel's other messages too (`hold_channel`).
    pub async fn record_webhook_failure(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Millis>,
        hold_channel: bool,
        now: Millis,
    ) -> Result<()> {
        let error = short(error);
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "UPDATE webhook_deliveries SET status = CASE WHEN $3 IS NULL THEN 'failed' ELSE 'pending' END, \
             next_attempt_at = COALESCE($3, next_attempt_at), last_error = $2 \
             WHERE id = $1 RETURNING program_id, kind",
        )
        .bind(id)
        .bind(&error)
        .bind(retry_at)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((program_id, kind)) = row {
            sqlx::query(
                "UPDATE program_webhooks SET last_error = $3, last_error_at = $4 WHERE program_id = $1 AND kind = $2",
            )
            .bind(program_id)
            .bind(&kind)
            .bind(&error)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if let (Some(at), true) = (retry_at, hold_channel) {
                sqlx::query(
                    "UPDATE webhook_deliveries SET next_attempt_at = $3 \
                     WHERE program_id = $1 AND kind = $2 AND status = 'pending' AND next_attempt_at < $3",
                )
                .bind(program_id)
                .bind(&kind)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The channel's URL was revoked (404/410): the channel stops, this message and the
    /// ones waiting for it fail, and nothing more is sent until a new URL is set.
    pub async fn stop_webhook(&self, id: i64, error: &str, now: Millis) -> Result<()> {
        let error = short(error);
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "UPDATE webhook_deliveries SET status = 'failed', last_error = $2 WHERE id = $1 RETURNING program_id, kind",
        )
        .bind(id)
        .bind(&error)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((program_id, kind)) = row {
            sqlx::query(
                "UPDATE program_webhooks SET stopped_at = $3, last_error = $4, last_error_at = $3 \
                 WHERE program_id = $1 AND kind = $2",
            )
            .bind(program_id)
            .bind(&kind)
            .bind(now)
            .bind(&error)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE webhook_deliveries SET status = 'failed', last_error = $3 \
                 WHERE program_id = $1 AND kind = $2 AND status = 'pending'",
            )
            .bind(program_id)
            .bind(&kind)
            .bind(&error)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A program's newest messages, newest first.
    pub async fn webhook_deliveries(&self, program_id: i64, limit: i64) -> Result<Vec<WebhookDelivery>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM webhook_deliveries WHERE program_id = $1 ORDER BY id DESC LIMIT $2"
        )))
        .bind(program_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One message.
    pub async fn webhook_delivery(&self, id: i64) -> Result<Option<WebhookDelivery>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM webhook_deliveries WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}
