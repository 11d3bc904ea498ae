//! A person's account ending and coming back: deactivation and reactivation.

use crate::{Result, Store};
use ambasada_core::Millis;

impl Store {
    /// Deactivates a person: they can no longer log in, their sessions end and their API
    /// tokens stop working. Their history stays.
    pub async fn deactivate_user(&self, id: i64, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE users SET deactivated_at = $2, updated_at = $2 WHERE id = $1 AND deactivated_at IS NULL",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        // Their open planned posts are no longer asked for, and the calendar feeds they
        // held (their own, and those of the programs they coordinate) stop.
        sqlx::query("DELETE FROM planned_posts WHERE user_id = $1 AND status = 'planned'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::calendar::revoke_feeds_held_by(&mut tx, id).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// Lets a deactivated person back in.
    pub async fn reactivate_user(&self, id: i64, now: Millis) -> Result<()> {
        sqlx::query("UPDATE users SET deactivated_at = NULL, updated_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
