//! Redemptions (C10): an ambassador's points exchanged for a reward, held from the
//! request. Stock and balance never go below zero, also under concurrent redemptions on
//! both engines: a redemption's transaction takes its write locks with its first
//! statements (the person's row, then the reward's, always in that order), and only then
//! reads the balance. On PostgreSQL the row locks serialise redemptions of one person and
//! of one reward (each statement then sees what the others committed); on SQLite the
//! first write takes the database's write lock before anything was read, so the
//! transaction never fails on a stale snapshot.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::rewards::points::Balance;
use ambasada_core::rewards::redemptions::{self, Refusal, Status};

/// A redemption with the names a list shows.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Redemption {
    pub id: i64,
    pub reward_id: i64,
    pub reward_name: String,
    pub user_id: i64,
    pub user_name: String,
    pub program_id: i64,
    pub points: i64,
    /// What the reward cost the company when it was requested, in grosze.
    pub cost_minor: i64,
    /// core::rewards::redemptions::Status.
    pub status: String,
    /// Why it was rejected.
    pub reason: Option<String>,
    pub created_at: Millis,
    /// When it was approved or rejected.
    pub decided_at: Option<Millis>,
    pub delivered_at: Option<Millis>,
}

impl Redemption {
    pub fn status(&self) -> Option<Status> {
        Status::parse(&self.status)
    }
}

const SELECT: &str = "SELECT d.id, d.reward_id, r.name AS reward_name, d.user_id, \
     u.first_name || ' ' || u.last_name AS user_name, d.program_id, d.points, d.cost_minor, d.status, d.reason, \
     d.created_at, d.decided_at, d.delivered_at \
     FROM redemptions d JOIN rewards r ON r.id = d.reward_id JOIN users u ON u.id = d.user_id";

/// A person's balance read inside a transaction (the same sums as `Store::balance`).
async fn balance_in(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user_id: i64) -> Result<Balance> {
    let (lifetime, held, spent): (i64, i64, i64) = sqlx::query_as(super::points::BALANCE)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(Balance { lifetime, held, spent })
}

impl Store {
    /// Redeems a reward for a person: holds its points and takes a unit of its stock, or
    /// says why not. The caller checks that the person may redeem from the reward's
    /// program.
    pub async fn redeem(&self, user_id: i64, reward_id: i64, now: Millis) -> Result<Result<i64, Refusal>> {
        let mut tx = self.pool.begin().await?;
        // The locks first, before any read (see the module's documentation). A no-op
        // update of the person's row serialises their redemptions.
        let person = sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        if person.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Err(Refusal::Unavailable));
        }
        // Takes a unit when one is left (an unlimited stock stays NULL).
        let took = sqlx::query(
            "UPDATE rewards SET stock = stock - 1 WHERE id = $1 AND active = 1 AND (stock IS NULL OR stock > 0)",
        )
        .bind(reward_id)
        .execute(&mut *tx)
        .await?;
        let reward: Option<(i64, i64, i64, Option<i64>, i64)> =
            sqlx::query_as("SELECT program_id, points_cost, cost_minor, stock, active FROM rewards WHERE id = $1")
                .bind(reward_id)
                .fetch_optional(&mut *tx)
                .await?;
        let refusal = match reward {
            None => Some(Refusal::Unavailable),
            Some((.., 0)) => Some(Refusal::Unavailable),
            Some(_) if took.rows_affected() == 0 => Some(Refusal::OutOfStock),
            Some((_, cost, ..)) => {
                // The unit is already taken: only the points remain to check.
                let balance = balance_in(&mut tx, user_id).await?;
                redemptions::check(&balance, cost, None).err()
            }
        };
        let (Some((program_id, points, cost_minor, ..)), None) = (reward, refusal) else {
            tx.rollback().await?;
            return Ok(Err(refusal.unwrap_or(Refusal::Unavailable)));
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO redemptions (reward_id, user_id, program_id, points, cost_minor, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'requested', $6) RETURNING id",
        )
        .bind(reward_id)
        .bind(user_id)
        .bind(program_id)
        .bind(points)
        .bind(cost_minor)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Moves a redemption from `from` to `to` (the decision rules are core's); `false`
    /// when it no longer stands at `from` (someone decided first). Approving and
    /// rejecting record the time of the decision, delivering its own; a rejection keeps
    /// its reason and returns the unit of stock in the same transaction.
    pub async fn move_redemption(
        &self,
        id: i64,
        from: Status,
        to: Status,
        reason: Option<&str>,
        now: Millis,
    ) -> Result<bool> {
        let decided = matches!(to, Status::Approved | Status::Rejected).then_some(now);
        let delivered = (to == Status::Delivered).then_some(now);
        let mut tx = self.pool.begin().await?;
        let moved = sqlx::query(
            "UPDATE redemptions SET status = $3, reason = COALESCE($4, reason), \
             decided_at = COALESCE($5, decided_at), delivered_at = COALESCE($6, delivered_at) \
             WHERE id = $1 AND status = $2",
        )
        .bind(id)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(reason)
        .bind(decided)
        .bind(delivered)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        if to == Status::Rejected {
            sqlx::query(
                "UPDATE rewards SET stock = stock + 1 \
                 WHERE id = (SELECT reward_id FROM redemptions WHERE id = $1) AND stock IS NOT NULL",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// One redemption.
    pub async fn redemption(&self, id: i64) -> Result<Option<Redemption>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE d.id = $1")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// A person's redemptions, the latest first.
    pub async fn redemptions_of(&self, user_id: i64, limit: i64) -> Result<Vec<Redemption>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE d.user_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2"
        )))
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A program's open redemptions (requested or approved), the oldest first.
    pub async fn open_redemptions(&self, program_id: i64) -> Result<Vec<Redemption>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE d.program_id = $1 AND d.status IN ('requested', 'approved') \
             ORDER BY d.created_at, d.id"
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A program's closed redemptions (delivered or rejected), the latest first.
    pub async fn closed_redemptions(&self, program_id: i64, limit: i64) -> Result<Vec<Redemption>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE d.program_id = $1 AND d.status IN ('delivered', 'rejected') \
             ORDER BY COALESCE(d.delivered_at, d.decided_at, d.created_at) DESC, d.id DESC LIMIT $2"
        )))
        .bind(program_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
