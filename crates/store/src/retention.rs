//! Retention (GDPR article 5(1)(e)): the daily run's deletions and its record. What is
//! due is decided by `ambasada_core::retention`; candidates are erased like a
//! recruiter erases them (`erasure`), so their applications still count.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::retention::{Cutoffs, application_due};

/// Rows deleted per statement: short transactions, so the click writer and requests
/// never wait long on SQLite.
const CHUNK: i64 = 5_000;

/// What a run deleted (counts, not contents).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct RunCounts {
    pub applications: i64,
    pub cvs: i64,
    pub clicks: i64,
    pub notifications: i64,
    pub messages: i64,
    pub audit: i64,
}

/// A day's run.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RetentionRun {
    pub day: i64,
    pub started_at: Millis,
    pub finished_at: Option<Millis>,
    #[sqlx(flatten)]
    pub counts: RunCounts,
}

impl Store {
    /// Claims the run of a UTC day: its id for the one caller that wins (also with
    /// several processes), `None` when the day's run was claimed already.
    pub async fn claim_retention_run(&self, day: i64, now: Millis) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO retention_runs (day, started_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING id",
        )
        .bind(day)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Records what a run deleted, and when it finished (`None`: a step failed; the next
    /// day's run catches up, since every cutoff covers everything before it).
    pub async fn finish_retention_run(&self, id: i64, c: &RunCounts, finished_at: Option<Millis>) -> Result<()> {
        sqlx::query(
            "UPDATE retention_runs SET finished_at = $2, applications = $3, cvs = $4, clicks = $5, \
             notifications = $6, messages = $7, audit = $8 WHERE id = $1",
        )
        .bind(id)
        .bind(finished_at)
        .bind(c.applications)
        .bind(c.cvs)
        .bind(c.clicks)
        .bind(c.notifications)
        .bind(c.messages)
        .bind(c.audit)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The latest runs, newest first.
    pub async fn retention_runs(&self, limit: i64) -> Result<Vec<RetentionRun>> {
        Ok(sqlx::query_as(
            "SELECT day, started_at, finished_at, applications, cvs, clicks, notifications, messages, audit \
             FROM retention_runs ORDER BY day DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The applications past their retention (not erased yet).
    pub async fn applications_past_retention(&self, c: &Cutoffs) -> Result<Vec<i64>> {
        let rows: Vec<(i64, Option<Millis>, Option<Millis>)> = sqlx::query_as(
            "SELECT a.id, o.closed_at, a.future_consent_until FROM applications a \
             JOIN job_offers o ON o.id = a.offer_id \
             WHERE a.erased_at IS NULL AND o.status = 'closed' ORDER BY a.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter(|(_, closed, consent_until)| application_due(c, *closed, *consent_until))
            .map(|(id, ..)| id)
            .collect())
    }

    /// Deletes raw clicks made before `before`, walking the ids a range at a time (the
    /// primary key finds a range at once; a range without an old click is only looked
    /// at, since imported or seeded clicks need not have ids in time order). Their counts stay in the
    /// roll-ups (written with each click), so no total changes; clicks a conversion or
    /// an application points at stay too, and so does the newest click (on SQLite its id
    /// would otherwise be given again, and an old click token could name a new click).
    /// Returns how many were deleted.
    pub async fn delete_old_clicks(&self, before: Millis) -> Result<i64> {
        self.sync_clicks().await;
        let (first, last): (Option<i64>, Option<i64>) = sqlx::query_as("SELECT MIN(id), MAX(id) FROM clicks")
            .fetch_one(&self.pool)
            .await?;
        let (Some(mut from), Some(last)) = (first, last) else {
            return Ok(0);
        };
        let mut total = 0;
        while from < last {
            let to = (from + CHUNK).min(last);
            let (oldest,): (Option<Millis>,) = sqlx::query_as("SELECT MIN(at) FROM clicks WHERE id >= $1 AND id < $2")
                .bind(from)
                .bind(to)
                .fetch_one(&self.pool)
                .await?;
            if oldest.is_none_or(|at| at >= before) {
                from = to;
                continue;
            }
            total += sqlx::query(
                "DELETE FROM clicks WHERE id >= $1 AND id < $2 AND at < $3 \
                 AND NOT EXISTS (SELECT 1 FROM conversions v WHERE v.click_id = clicks.id) \
                 AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.click_id = clicks.id)",
            )
            .bind(from)
            .bind(to)
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected() as i64;
            from = to;
        }
        Ok(total)
    }

    /// Deletes notifications made before `before`.
    pub async fn delete_old_notifications(&self, before: Millis) -> Result<i64> {
        self.delete_in_chunks(
            "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE created_at < $1 LIMIT $2)",
            before,
        )
        .await
    }

    /// Empties the bodies of emails sent or given up before `before` (what was sent to
    /// whom and when stays, for the outbox and a person's export), and deletes the
    /// webhook messages (signed, Slack and Teams) delivered or given up before it.
    pub async fn clear_old_messages(&self, before: Millis) -> Result<i64> {
        let emails = sqlx::query(
            "UPDATE outbox SET body_text = '' WHERE status IN ('sent', 'failed') AND created_at < $1 AND body_text <> ''",
        )
        .bind(before)
        .execute(&self.pool)
        .await?
        .rows_affected() as i64;
        let signed = self
            .delete_in_chunks(
                "DELETE FROM webhook_messages WHERE id IN (SELECT id FROM webhook_messages \
                 WHERE status IN ('delivered', 'failed') AND created_at < $1 LIMIT $2)",
                before,
            )
            .await?;
        let channels = self
            .delete_in_chunks(
                "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries \
                 WHERE status IN ('sent', 'failed') AND created_at < $1 LIMIT $2)",
                before,
            )
            .await?;
        Ok(emails + signed + channels)
    }

    /// Deletes audit entries made before `before`.
    pub async fn delete_old_audit(&self, before: Millis) -> Result<i64> {
        self.delete_in_chunks(
            "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < $1 LIMIT $2)",
            before,
        )
        .await
    }

    /// Runs a `DELETE ... LIMIT $2` with `$1 = before` until it deletes nothing.
    async fn delete_in_chunks(&self, sql: &'static str, before: Millis) -> Result<i64> {
        let mut total = 0;
        loop {
            let n = sqlx::query(sql)
                .bind(before)
                .bind(CHUNK)
                .execute(&self.pool)
                .await?
                .rows_affected() as i64;
            total += n;
            if n < CHUNK {
                return Ok(total);
            }
        }
    }
}
