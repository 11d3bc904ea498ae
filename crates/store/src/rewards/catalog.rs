//! The rewards catalog of each program and its quarterly budgets (C10). Rewards are
//! never deleted (redemptions point at them): a coordinator makes one inactive instead.
//! Stock is changed by redemptions (`redemptions.rs`), inside their transactions.

use crate::{Result, Store};
use ambasada_core::Millis;

/// A reward in a program's catalog.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Reward {
    pub id: i64,
    pub program_id: i64,
    pub name: String,
    pub description: String,
    pub image_file: Option<String>,
    pub points_cost: i64,
    /// `None`: unlimited.
    pub stock: Option<i64>,
    /// What it costs the company, in grosze.
    pub cost_minor: i64,
    /// 1 when offered, 0 when not.
    pub active: i64,
    pub created_at: Millis,
    pub updated_at: Millis,
}

impl Reward {
    pub fn is_active(&self) -> bool {
        self.active != 0
    }

    /// Whether a unit is left.
    pub fn in_stock(&self) -> bool {
        self.stock.is_none_or(|s| s > 0)
    }
}

/// What creating or editing a reward sets.
#[derive(Debug, Clone)]
pub struct RewardInput {
    pub name: String,
    pub description: String,
    /// `None` keeps the current image; `Some(None)` removes it.
    pub image_file: Option<Option<String>>,
    pub points_cost: i64,
    pub stock: Option<i64>,
    pub cost_minor: i64,
    pub active: bool,
}

const COLUMNS: &str = "id, program_id, name, description, image_file, points_cost, stock, cost_minor, active, \
     created_at, updated_at";

impl Store {
    /// Adds a reward to a program's catalog.
    pub async fn create_reward(&self, program_id: i64, r: &RewardInput, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO rewards (program_id, name, description, image_file, points_cost, stock, cost_minor, \
             active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(program_id)
        .bind(&r.name)
        .bind(&r.description)
        .bind(r.image_file.clone().flatten())
        .bind(r.points_cost)
        .bind(r.stock)
        .bind(r.cost_minor)
        .bind(i64::from(r.active))
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Changes a reward whose stock is still `loaded_stock` (what the form was filled in
    /// from; `None`: unlimited): redemptions change the stock meanwhile, and an old form
    /// must not overwrite it. `false` when the stock changed, or there is no such reward.
    pub async fn update_reward(
        &self,
        id: i64,
        r: &RewardInput,
        loaded_stock: Option<i64>,
        now: Millis,
    ) -> Result<bool> {
        let res = sqlx::query(
            "UPDATE rewards SET name = $2, description = $3, \
             image_file = CASE WHEN $4 = 1 THEN $5 ELSE image_file END, points_cost = $6, stock = $7, \
             cost_minor = $8, active = $9, updated_at = $10 \
             WHERE id = $1 AND ((stock IS NULL AND $11 IS NULL) OR stock = $11)",
        )
        .bind(id)
        .bind(&r.name)
        .bind(&r.description)
        .bind(i64::from(r.image_file.is_some()))
        .bind(r.image_file.clone().flatten())
        .bind(r.points_cost)
        .bind(r.stock)
        .bind(r.cost_minor)
        .bind(i64::from(r.active))
        .bind(now)
        .bind(loaded_stock)
        .execute(&self.pool)
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// One reward.
    pub async fn reward(&self, id: i64) -> Result<Option<Reward>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM rewards WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A program's whole catalog: the active rewards first, each part by points cost.
    pub async fn program_rewards(&self, program_id: i64) -> Result<Vec<Reward>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM rewards WHERE program_id = $1 ORDER BY active DESC, points_cost, name, id"
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The active rewards of the programs a person currently belongs to, by program and
    /// points cost.
    pub async fn member_rewards(&self, user_id: i64) -> Result<Vec<Reward>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM rewards r WHERE r.active = 1 AND EXISTS (SELECT 1 FROM program_members m \
             WHERE m.program_id = r.program_id AND m.user_id = $1 AND m.left_at IS NULL) \
             ORDER BY r.program_id, r.points_cost, r.name, r.id"
        )))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// How many active rewards a program offers (for the health check).
    pub async fn active_rewards_count(&self, program_id: i64) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rewards WHERE program_id = $1 AND active = 1")
            .bind(program_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Sets a program's budget for a quarter (`2026-Q4`), in grosze.
    pub async fn set_budget(&self, program_id: i64, quarter: &str, amount_minor: i64, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO program_budgets (program_id, quarter, amount_minor, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (program_id, quarter) DO UPDATE SET amount_minor = excluded.amount_minor, \
             updated_at = excluded.updated_at",
        )
        .bind(program_id)
        .bind(quarter)
        .bind(amount_minor)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A program's budgets, (quarter, amount in grosze), the latest quarter first.
    pub async fn budgets(&self, program_id: i64) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT quarter, amount_minor FROM program_budgets WHERE program_id = $1 ORDER BY quarter DESC",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// What a program's redemptions approved in `[from, to)` cost (approved or since
    /// delivered, by the time of approval), in grosze.
    pub async fn rewards_spend(&self, program_id: i64, from: Millis, to: Millis) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(cost_minor), 0) AS BIGINT) FROM redemptions WHERE program_id = $1 \
             AND status IN ('approved', 'delivered') AND decided_at >= $2 AND decided_at < $3",
        )
        .bind(program_id)
        .bind(from)
        .bind(to)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }
}
