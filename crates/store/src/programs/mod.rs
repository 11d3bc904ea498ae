//! Programs and their members. Minimal for now: name, slug, coordinator, daily share
//! limit and membership; the program design capability extends it.

pub mod goals;
pub mod selection;

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;

/// A program as listed and edited.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Program {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub description: String,
    pub coordinator_id: Option<i64>,
    pub coordinator_name: Option<String>,
    pub daily_share_limit: i64,
    /// How often the program's review meeting is held: weekly, biweekly, monthly, quarterly.
    pub review_cadence: String,
    pub created_at: Millis,
    /// Current members.
    pub members: i64,
}

/// What creating or editing a program sets.
#[derive(Debug, Clone)]
pub struct ProgramInput {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub coordinator_id: Option<i64>,
    pub daily_share_limit: i64,
    pub review_cadence: String,
}

/// A current member of a program.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub joined_at: Millis,
}

const COLUMNS: &str = "p.id, p.name, p.slug, p.description, p.coordinator_id, \
     u.first_name || ' ' || u.last_name AS coordinator_name, p.daily_share_limit, p.review_cadence, p.created_at, \
     (SELECT COUNT(*) FROM program_members m WHERE m.program_id = p.id AND m.left_at IS NULL) AS members";

impl Store {
    /// Creates a program; a taken slug is a [`StoreError::Conflict`].
    pub async fn create_program(&self, p: &ProgramInput, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO programs (name, slug, description, coordinator_id, daily_share_limit, review_cadence, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&p.name)
        .bind(&p.slug)
        .bind(&p.description)
        .bind(p.coordinator_id)
        .bind(p.daily_share_limit)
        .bind(&p.review_cadence)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(StoreError::on_unique("slug"))?;
        Ok(id)
    }

    /// Changes a program; a taken slug is a [`StoreError::Conflict`].
    pub async fn update_program(&self, id: i64, p: &ProgramInput) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let before: Option<(Option<i64>,)> = sqlx::query_as("SELECT coordinator_id FROM programs WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((coordinator_before,)) = before else {
            return Err(StoreError::NotFound);
        };
        sqlx::query(
            "UPDATE programs SET name = $2, slug = $3, description = $4, coordinator_id = $5, daily_share_limit = $6, \
             review_cadence = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(&p.name)
        .bind(&p.slug)
        .bind(&p.description)
        .bind(p.coordinator_id)
        .bind(p.daily_share_limit)
        .bind(&p.review_cadence)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::on_unique("slug"))?;
        // The program's calendar feed was the old coordinator's to hold: a new one gets a
        // new URL, and the old one stops.
        if coordinator_before != p.coordinator_id {
            sqlx::query("UPDATE calendar_feeds SET version = version + 1 WHERE owner = 'program' AND owner_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every program, by name.
    pub async fn programs(&self) -> Result<Vec<Program>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM programs p LEFT JOIN users u ON u.id = p.coordinator_id ORDER BY p.name"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One program.
    pub async fn program(&self, id: i64) -> Result<Option<Program>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM programs p LEFT JOIN users u ON u.id = p.coordinator_id WHERE p.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The programs a person currently belongs to.
    pub async fn programs_of(&self, user_id: i64) -> Result<Vec<Program>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM programs p LEFT JOIN users u ON u.id = p.coordinator_id \
             WHERE EXISTS (SELECT 1 FROM program_members m WHERE m.program_id = p.id AND m.user_id = $1 AND m.left_at IS NULL) \
             ORDER BY p.id"
        )))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds a person to a program (again, if they had left).
    pub async fn add_member(&self, program_id: i64, user_id: i64, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO program_members (program_id, user_id, joined_at) VALUES ($1, $2, $3) \
             ON CONFLICT (program_id, user_id) DO UPDATE SET left_at = NULL, \
             joined_at = CASE WHEN program_members.left_at IS NULL THEN program_members.joined_at ELSE excluded.joined_at END",
        )
        .bind(program_id)
        .bind(user_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends a membership; the person's history stays.
    pub async fn remove_member(&self, program_id: i64, user_id: i64, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "UPDATE program_members SET left_at = $3 WHERE program_id = $1 AND user_id = $2 AND left_at IS NULL",
        )
        .bind(program_id)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Someone who left is no longer asked for the program's planned posts; decided ones
        // keep their outcome.
        sqlx::query(
            "DELETE FROM planned_posts WHERE user_id = $2 AND status = 'planned' \
             AND slot_id IN (SELECT id FROM calendar_slots WHERE program_id = $1)",
        )
        .bind(program_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(r.rows_affected() == 1)
    }

    /// Current members of a program, by name.
    pub async fn members(&self, program_id: i64) -> Result<Vec<Member>> {
        Ok(sqlx::query_as(
            "SELECT u.id AS user_id, u.first_name || ' ' || u.last_name AS name, u.email, m.joined_at \
             FROM program_members m JOIN users u ON u.id = m.user_id \
             WHERE m.program_id = $1 AND m.left_at IS NULL ORDER BY u.sort_key, u.id",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
