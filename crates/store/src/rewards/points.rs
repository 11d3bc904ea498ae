//! The points ledger (C10): awards (idempotent on person, rule and source, also under
//! concurrent requests, thanks to the unique key), corrections as new negative rows, a
//! program's rule values, and what a person's balance is made of.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::rewards::points::{Balance, Rule};

/// One ledger row.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LedgerRow {
    pub id: i64,
    pub user_id: i64,
    pub program_id: Option<i64>,
    pub rule: String,
    pub source: String,
    pub amount: i64,
    pub reason: Option<String>,
    pub created_at: Millis,
}

/// An award to record.
#[derive(Debug, Clone)]
pub struct Award<'a> {
    pub user_id: i64,
    pub program_id: Option<i64>,
    pub rule: Rule,
    pub source: &'a str,
    pub amount: i64,
    /// For corrections: why.
    pub reason: Option<&'a str>,
}

/// A person's (lifetime, held, spent) points: the ledger's sum, and the points of their
/// redemptions requested or approved, and delivered. Read inside a redemption's
/// transaction too.
pub(crate) const BALANCE: &str = "SELECT \
     (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM points_ledger WHERE user_id = $1), \
     (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM redemptions WHERE user_id = $1 \
        AND status IN ('requested', 'approved')), \
     (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM redemptions WHERE user_id = $1 \
        AND status = 'delivered')";

const INSERT: &str = "INSERT INTO points_ledger (user_id, program_id, rule, source, amount, reason, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, rule, source) DO NOTHING";

/// Records an award inside a transaction (the share that earns it, say); `false` when the
/// same award was recorded before.
pub(crate) async fn award_in(tx: &mut sqlx::Transaction<'_, sqlx::Any>, a: &Award<'_>, now: Millis) -> Result<bool> {
    let r = sqlx::query(INSERT)
        .bind(a.user_id)
        .bind(a.program_id)
        .bind(a.rule.as_str())
        .bind(a.source)
        .bind(a.amount)
        .bind(a.reason)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(r.rows_affected() == 1)
}

impl Store {
    /// Records an award; `false` when the same (person, rule, source) was awarded before,
    /// so retries and concurrent requests award once.
    pub async fn award(&self, a: &Award<'_>, now: Millis) -> Result<bool> {
        let r = sqlx::query(INSERT)
            .bind(a.user_id)
            .bind(a.program_id)
            .bind(a.rule.as_str())
            .bind(a.source)
            .bind(a.amount)
            .bind(a.reason)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// A program's own rule values: (rule, points).
    pub async fn points_rules(&self, program_id: i64) -> Result<Vec<(String, i64)>> {
        Ok(
            sqlx::query_as("SELECT rule, points FROM points_rules WHERE program_id = $1 ORDER BY rule")
                .bind(program_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Sets a program's value of a rule.
    pub async fn set_points_rule(&self, program_id: i64, rule: Rule, points: i64, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO points_rules (program_id, rule, points, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (program_id, rule) DO UPDATE SET points = excluded.points, updated_at = excluded.updated_at",
        )
        .bind(program_id)
        .bind(rule.as_str())
        .bind(points)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A person's balance: the ledger's sum, and the points held and spent by redemptions.
    pub async fn balance(&self, user_id: i64) -> Result<Balance> {
        let (lifetime, held, spent): (i64, i64, i64) =
            sqlx::query_as(BALANCE).bind(user_id).fetch_one(&self.pool).await?;
        Ok(Balance { lifetime, held, spent })
    }

    /// A person's latest ledger rows, newest first.
    pub async fn ledger_of(&self, user_id: i64, limit: i64) -> Result<Vec<LedgerRow>> {
        Ok(sqlx::query_as(
            "SELECT id, user_id, program_id, rule, source, amount, reason, created_at FROM points_ledger \
             WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The rows awarded for a source (any rule), for corrections.
    pub async fn ledger_for_source(&self, user_id: i64, source: &str) -> Result<Vec<LedgerRow>> {
        Ok(sqlx::query_as(
            "SELECT id, user_id, program_id, rule, source, amount, reason, created_at FROM points_ledger \
             WHERE user_id = $1 AND source = $2 ORDER BY id",
        )
        .bind(user_id)
        .bind(source)
        .fetch_all(&self.pool)
        .await?)
    }
}
