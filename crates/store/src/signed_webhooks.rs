//! Signed webhooks to other systems (C13): the endpoints admins register and the durable
//! queue of messages to them.
//!
//! An event becomes one row per endpoint that takes it, before anything is posted, so a
//! process that dies loses nothing. A sender claims a row with a lease (its attempt
//! counted and its `next_attempt_at` moved past the time a post may take), so no other
//! process takes it meanwhile; a sender killed mid-post leaves the row to be claimed
//! again when the lease ends, with the same message id: delivered at least once. On
//! PostgreSQL concurrent senders skip rows another one holds.
//!
//! The endpoint's URL and secret are read by the sender ([`ClaimedMessage`]); the
//! secret is never in a listing.

use crate::{Backend, Result, Store};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;

/// An endpoint as its admin sees it (no secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Endpoint {
    pub id: i64,
    pub url: String,
    /// Comma-separated event names.
    pub events: String,
    pub created_by: Option<i64>,
    pub created_at: Millis,
    pub last_success_at: Option<Millis>,
    /// The first failure after the last success: three days of failures disable it.
    pub failing_since: Option<Millis>,
    pub disabled_at: Option<Millis>,
}

/// A message in the queue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Message {
    pub id: i64,
    pub endpoint_id: i64,
    /// The `webhook-id` header, the same on every attempt.
    pub message_id: String,
    pub event: String,
    pub payload: String,
    /// `pending`, `delivered` or `failed` (given up).
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Millis,
    /// The receiver's last HTTP status, when it answered.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: Millis,
    pub delivered_at: Option<Millis>,
}

/// A message a sender claimed, with where to post it and the key to sign it with.
#[derive(Clone)]
pub struct ClaimedMessage {
    pub message: Message,
    pub url: String,
    /// `whsec_<base64>`.
    pub secret: String,
}

impl std::fmt::Debug for ClaimedMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimedMessage")
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

/// An endpoint's run of failures after a failed attempt was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failing {
    pub endpoint_id: i64,
    pub since: Millis,
}

const ENDPOINT_COLUMNS: &str = "id, url, events, created_by, created_at, last_success_at, failing_since, disabled_at";

const MESSAGE_COLUMNS: &str = "id, endpoint_id, message_id, event, payload, status, attempts, next_attempt_at, \
     last_status, last_error, created_at, delivered_at";

impl Store {
    /// Registers an endpoint; returns its id.
    pub async fn create_webhook_endpoint(
        &self,
        url: &str,
        events: &str,
        secret: &str,
        created_by: Option<i64>,
        now: Millis,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO webhook_endpoints (url, events, secret, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(url)
        .bind(events)
        .bind(secret)
        .bind(created_by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Every endpoint, oldest first.
    pub async fn webhook_endpoints(&self) -> Result<Vec<Endpoint>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn webhook_endpoint(&self, id: i64) -> Result<Option<Endpoint>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Removes an endpoint and its messages. False when there was none.
    pub async fn delete_webhook_endpoint(&self, id: i64) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM webhook_messages WHERE endpoint_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let r = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(r.rows_affected() == 1)
    }

    /// Disables an endpoint: its messages wait, and no new ones are queued for it. True
    /// when this call disabled it (it was enabled), so that its admin is told once.
    pub async fn disable_webhook_endpoint(&self, id: i64, now: Millis) -> Result<bool> {
        let r = sqlx::query("UPDATE webhook_endpoints SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Enables an endpoint again, its run of failures forgotten; its waiting messages
    /// are due at once. False when there was none.
    pub async fn enable_webhook_endpoint(&self, id: i64, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query("UPDATE webhook_endpoints SET disabled_at = NULL, failing_since = NULL WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE webhook_messages SET next_attempt_at = $2 WHERE endpoint_id = $1 AND status = 'pending'")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(r.rows_affected() == 1)
    }

    /// The enabled endpoints and the events each takes, for queueing an event.
    pub async fn enabled_webhook_endpoints(&self) -> Result<Vec<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, events FROM webhook_endpoints WHERE disabled_at IS NULL ORDER BY id")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Queues a message to an endpoint, due now, unless the endpoint already has one with
    /// this `dedup_key` (one per occurrence of an event, however many processes see it).
    /// True when it was queued.
    pub async fn queue_webhook_message(
        &self,
        endpoint_id: i64,
        message_id: &str,
        event: &str,
        payload: &str,
        dedup_key: &str,
        now: Millis,
    ) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO webhook_messages (endpoint_id, message_id, event, payload, dedup_key, status, attempts, \
             next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) \
             ON CONFLICT (endpoint_id, dedup_key) DO NOTHING",
        )
        .bind(endpoint_id)
        .bind(message_id)
        .bind(event)
        .bind(payload)
        .bind(dedup_key)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Claims the oldest due message of an enabled endpoint for `lease` milliseconds (see
    /// the module's notes), with the endpoint's URL and secret.
    pub async fn claim_webhook_message(&self, now: Millis, lease: Millis) -> Result<Option<ClaimedMessage>> {
        let lock = if self.backend() == Backend::Postgres {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let message: Option<Message> = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE webhook_messages SET attempts = attempts + 1, next_attempt_at = $2 \
             WHERE id = (SELECT m.id FROM webhook_messages m \
                WHERE m.status = 'pending' AND m.next_attempt_at <= $1 \
                AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = m.endpoint_id AND e.disabled_at IS NULL) \
                ORDER BY m.next_attempt_at, m.id LIMIT 1 {lock}) \
             AND status = 'pending' AND next_attempt_at <= $1 \
             RETURNING {MESSAGE_COLUMNS}"
        )))
        .bind(now)
        .bind(now + lease)
        .fetch_optional(&self.pool)
        .await?;
        let Some(message) = message else {
            return Ok(None);
        };
        let target: Option<(String, String)> =
            sqlx::query_as("SELECT url, secret FROM webhook_endpoints WHERE id = $1 AND disabled_at IS NULL")
                .bind(message.endpoint_id)
                .fetch_optional(&self.pool)
                .await?;
        // Disabled or removed between the two statements: the message waits (a removal
        // deleted it).
        Ok(target.map(|(url, secret)| ClaimedMessage { message, url, secret }))
    }

    /// Records a delivered message, and the endpoint's success (its run of failures ends).
    /// `attempt` is the claimed message's count of attempts: the answer is recorded only
    /// while the claim is still this sender's (no other sender claimed it again after the
    /// lease ended), so a late answer changes nothing.
    pub async fn record_webhook_message_delivered(
        &self,
        id: i64,
        attempt: i64,
        status: i64,
        now: Millis,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE webhook_messages SET status = 'delivered', delivered_at = $3, last_status = $2, last_error = NULL \
             WHERE id = $1 AND status = 'pending' AND attempts = $4 RETURNING endpoint_id",
        )
        .bind(id)
        .bind(status)
        .bind(now)
        .bind(attempt)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((endpoint_id,)) = row {
            sqlx::query("UPDATE webhook_endpoints SET last_success_at = $2, failing_since = NULL WHERE id = $1")
                .bind(endpoint_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records a failed attempt: the receiver's status when it answered, what went wrong,
    /// and when to try again (`None`: given up). The endpoint's run of failures starts
    /// now unless it had started; returns it. Fenced like
    /// [`Store::record_webhook_message_delivered`].
    pub async fn record_webhook_message_failed(
        &self,
        id: i64,
        attempt: i64,
        status: Option<i64>,
        error: &str,
        retry_at: Option<Millis>,
        now: Millis,
    ) -> Result<Option<Failing>> {
        let error: String = error.chars().take(300).collect();
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE webhook_messages SET status = CASE WHEN $4 IS NULL THEN 'failed' ELSE 'pending' END, \
             next_attempt_at = COALESCE($4, next_attempt_at), last_status = $2, last_error = $3 \
             WHERE id = $1 AND status = 'pending' AND attempts = $5 RETURNING endpoint_id",
        )
        .bind(id)
        .bind(status)
        .bind(&error)
        .bind(retry_at)
        .bind(attempt)
        .fetch_optional(&mut *tx)
        .await?;
        let mut failing = None;
        if let Some((endpoint_id,)) = row {
            let since: Option<(Option<Millis>,)> = sqlx::query_as(
                "UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2) WHERE id = $1 \
                 RETURNING failing_since",
            )
            .bind(endpoint_id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            failing = since.and_then(|(s,)| s).map(|since| Failing { endpoint_id, since });
        }
        tx.commit().await?;
        Ok(failing)
    }

    /// An endpoint's newest messages, newest first.
    pub async fn webhook_messages(&self, endpoint_id: i64, limit: i64) -> Result<Vec<Message>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {MESSAGE_COLUMNS} FROM webhook_messages WHERE endpoint_id = $1 ORDER BY id DESC LIMIT $2"
        )))
        .bind(endpoint_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
