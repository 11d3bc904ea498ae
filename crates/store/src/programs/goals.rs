//! Program goals and the facts their progress is computed from.

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;

/// A stored goal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Goal {
    pub id: i64,
    pub program_id: i64,
    pub metric: String,
    pub target: f64,
    pub period_start: Millis,
    pub period_end: Millis,
    pub created_at: Millis,
}

/// A goal to add.
#[derive(Debug, Clone)]
pub struct NewGoal<'a> {
    pub program_id: i64,
    pub metric: &'a str,
    pub target: f64,
    pub start: Millis,
    pub end: Millis,
    pub by: i64,
}

/// What the program's data says over a period, for `core::goals::measure`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodFacts {
    pub shares: i64,
    pub clicks: i64,
    pub unique_visitors: i64,
    pub applications: i64,
    pub hires: i64,
    pub enrolled: i64,
    pub sharing_ambassadors: i64,
    pub active_ambassadors: i64,
}

impl Store {
    /// Adds a goal to a program.
    pub async fn create_goal(&self, g: &NewGoal<'_>, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO goals (program_id, metric, target, period_start, period_end, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(g.program_id)
        .bind(g.metric)
        .bind(g.target)
        .bind(g.start)
        .bind(g.end)
        .bind(g.by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// A program's goals, the latest period first.
    pub async fn goals(&self, program_id: i64) -> Result<Vec<Goal>> {
        Ok(sqlx::query_as(
            "SELECT id, program_id, metric, target, period_start, period_end, created_at FROM goals \
             WHERE program_id = $1 ORDER BY period_end DESC, id",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Deletes one of a program's goals.
    pub async fn delete_goal(&self, program_id: i64, goal_id: i64) -> Result<()> {
        let r = sqlx::query("DELETE FROM goals WHERE id = $1 AND program_id = $2")
            .bind(goal_id)
            .bind(program_id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The program's numbers over [start, end): shares, clicks (no bots), unique
    /// visitors, applications and hires through its links, ambassadors enrolled during
    /// the period, those who shared, and those active in its last 30 days.
    pub async fn period_facts(&self, program_id: i64, start: Millis, end: Millis) -> Result<PeriodFacts> {
        self.sync_clicks().await;
        let one = |sql: &'static str| async move {
            let (n,): (i64,) = sqlx::query_as(sql)
                .bind(program_id)
                .bind(start)
                .bind(end)
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, crate::StoreError>(n)
        };
        let active_from = end - 30 * ambasada_core::DAY;
        let (active,): (i64,) = sqlx::query_as(
            "SELECT COUNT(DISTINCT s.user_id) FROM shares s WHERE s.program_id = $1 AND s.created_at >= $2 \
             AND s.created_at < $3",
        )
        .bind(program_id)
        .bind(active_from.max(start))
        .bind(end)
        .fetch_one(&self.pool)
        .await?;
        Ok(PeriodFacts {
            shares: one("SELECT COUNT(*) FROM shares WHERE program_id = $1 AND created_at >= $2 AND created_at < $3")
                .await?,
            clicks: one(
                "SELECT COUNT(*) FROM clicks k JOIN tracked_links l ON l.id = k.link_id \
                 WHERE l.program_id = $1 AND k.at >= $2 AND k.at < $3 AND k.browser <> 'bot'",
            )
            .await?,
            unique_visitors: one(
                "SELECT COUNT(DISTINCT k.visitor_hash) FROM clicks k JOIN tracked_links l ON l.id = k.link_id \
                 WHERE l.program_id = $1 AND k.at >= $2 AND k.at < $3 AND k.browser <> 'bot'",
            )
            .await?,
            applications: one(
                "SELECT COUNT(*) FROM applications WHERE program_id = $1 AND created_at >= $2 AND created_at < $3",
            )
            .await?,
            hires: one(
                "SELECT COUNT(*) FROM applications WHERE program_id = $1 AND created_at >= $2 AND created_at < $3 \
                 AND stage = 'hired'",
            )
            .await?,
            enrolled: one(
                "SELECT COUNT(*) FROM program_members WHERE program_id = $1 AND joined_at < $3 \
                 AND (left_at IS NULL OR left_at >= $2)",
            )
            .await?,
            sharing_ambassadors: one("SELECT COUNT(DISTINCT s.user_id) FROM shares s JOIN program_members m \
                 ON m.program_id = s.program_id AND m.user_id = s.user_id \
                 WHERE s.program_id = $1 AND s.created_at >= $2 AND s.created_at < $3")
            .await?,
            active_ambassadors: active,
        })
    }
}
