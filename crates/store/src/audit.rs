//! The audit log of administrative actions (C14).

use crate::{Result, Store};
use ambasada_core::Millis;

/// One recorded action.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_name: Option<String>,
    pub action: String,
    pub subject: String,
    pub at: Millis,
}

impl Store {
    /// Records that `actor` did `action` to `subject` (say "user.deactivate", an email).
    pub async fn audit(&self, actor: Option<i64>, action: &str, subject: &str, now: Millis) -> Result<()> {
        sqlx::query("INSERT INTO audit_log (actor_id, action, subject, at) VALUES ($1, $2, $3, $4)")
            .bind(actor)
            .bind(action)
            .bind(subject)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The latest entries, newest first.
    pub async fn audit_recent(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(
            "SELECT a.id, u.first_name || ' ' || u.last_name AS actor_name, a.action, a.subject, a.at \
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
