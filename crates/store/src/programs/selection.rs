//! Ambassador selection: applications to programs and the coordinator's decisions.

use crate::{Result, Store};
use ambasada_core::Millis;

/// An application to join a program, with the applicant.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgramApplication {
    pub id: i64,
    pub program_id: i64,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub networks: String,
    pub frequency: String,
    pub network_sizes: String,
    pub topics: String,
    pub motivation: String,
    pub score: i64,
    pub status: String,
    pub decision_message: Option<String>,
    pub created_at: Millis,
}

/// What an applicant sends.
/// What became of a decision on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    Done,
    /// The application was no longer pending or waitlisted.
    NotOpen,
    /// Accepting would take the program past its capacity; nothing changed.
    Full,
}

#[derive(Debug, Clone)]
pub struct NewProgramApplication {
    pub program_id: i64,
    pub user_id: i64,
    pub networks: String,
    pub frequency: String,
    pub network_sizes: String,
    pub topics: String,
    pub motivation: String,
    pub score: i64,
}

const COLUMNS: &str = "a.id, a.program_id, a.user_id, u.first_name || ' ' || u.last_name AS name, u.email, a.networks, \
     a.frequency, a.network_sizes, a.topics, a.motivation, a.score, a.status, a.decision_message, a.created_at";

impl Store {
    /// Records an application (pending). The caller checks there is no open one.
    pub async fn apply_to_program(&self, a: &NewProgramApplication, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO program_applications (program_id, user_id, networks, frequency, network_sizes, topics, \
             motivation, score, status, consent_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $9) RETURNING id",
        )
        .bind(a.program_id)
        .bind(a.user_id)
        .bind(&a.networks)
        .bind(&a.frequency)
        .bind(&a.network_sizes)
        .bind(&a.topics)
        .bind(&a.motivation)
        .bind(a.score)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(crate::StoreError::on_unique("application"))?;
        Ok(id)
    }

    /// A person's latest application to a program.
    pub async fn latest_application(&self, program_id: i64, user_id: i64) -> Result<Option<ProgramApplication>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM program_applications a JOIN users u ON u.id = a.user_id \
             WHERE a.program_id = $1 AND a.user_id = $2 ORDER BY a.id DESC LIMIT 1"
        )))
        .bind(program_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A program's candidates waiting for a decision (pending and waitlisted), best score
    /// first.
    pub async fn candidates(&self, program_id: i64) -> Result<Vec<ProgramApplication>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM program_applications a JOIN users u ON u.id = a.user_id \
             WHERE a.program_id = $1 AND a.status IN ('pending', 'waitlisted') ORDER BY a.score DESC, a.id"
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn program_application(&self, id: i64) -> Result<Option<ProgramApplication>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM program_applications a JOIN users u ON u.id = a.user_id WHERE a.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records a decision on a pending or waitlisted application; on acceptance the
    /// person becomes a member (through an application) in the same transaction. False
    /// when the application was decided meanwhile.
    pub async fn decide_application(
        &self,
        id: i64,
        status: &str,
        message: Option<&str>,
        by: i64,
        now: Millis,
    ) -> Result<Decided> {
        let mut tx = self.pool.begin().await?;
        if status == "accepted" {
            // Lock the program row first (a write, so both engines serialise here), then
            // check the capacity inside the same transaction: two coordinators accepting
            // at once cannot take the program past it.
            sqlx::query(
                "UPDATE programs SET capacity = capacity \
                 WHERE id = (SELECT program_id FROM program_applications WHERE id = $1)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            let room: Option<(Option<i64>, i64)> = sqlx::query_as(
                "SELECT p.capacity, (SELECT COUNT(*) FROM program_members m \
                 WHERE m.program_id = p.id AND m.left_at IS NULL) \
                 FROM programs p JOIN program_applications a ON a.program_id = p.id WHERE a.id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((Some(cap), members)) = room
                && members >= cap
            {
                return Ok(Decided::Full);
            }
        }
        let row: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE program_applications SET status = $2, decision_message = $3, decided_by = $4, decided_at = $5 \
             WHERE id = $1 AND status IN ('pending', 'waitlisted') RETURNING program_id, user_id",
        )
        .bind(id)
        .bind(status)
        .bind(message)
        .bind(by)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((program_id, user_id)) = row else {
            return Ok(Decided::NotOpen);
        };
        if status == "accepted" {
            sqlx::query(
                "INSERT INTO program_members (program_id, user_id, joined_at, source) VALUES ($1, $2, $3, 'application') \
                 ON CONFLICT (program_id, user_id) DO UPDATE SET left_at = NULL, joined_at = excluded.joined_at, \
                 source = 'application'",
            )
            .bind(program_id)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'ambassador') ON CONFLICT (user_id, role) DO NOTHING")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Decided::Done)
    }

    /// Withdraws a person's open application.
    pub async fn withdraw_application(&self, program_id: i64, user_id: i64) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE program_applications SET status = 'withdrawn' \
             WHERE program_id = $1 AND user_id = $2 AND status IN ('pending', 'waitlisted')",
        )
        .bind(program_id)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() > 0)
    }

    /// Current members who came in without an accepted application.
    pub async fn members_without_review(&self, program_id: i64) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM program_members WHERE program_id = $1 AND left_at IS NULL AND source <> 'application'",
        )
        .bind(program_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// Current members with no share in the program since `since`.
    pub async fn inactive_members(&self, program_id: i64, since: Millis) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM program_members m WHERE m.program_id = $1 AND m.left_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM shares s WHERE s.user_id = m.user_id AND s.program_id = m.program_id \
             AND s.created_at >= $2)",
        )
        .bind(program_id)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// Current members without a LinkedIn profile URL on their profile.
    pub async fn members_without_linkedin(&self, program_id: i64) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM program_members m WHERE m.program_id = $1 AND m.left_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM user_networks n WHERE n.user_id = m.user_id AND n.network = 'linkedin' \
             AND n.profile_url IS NOT NULL)",
        )
        .bind(program_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// The capacity of a program (None: no limit).
    pub async fn program_capacity(&self, program_id: i64) -> Result<Option<i64>> {
        let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT capacity FROM programs WHERE id = $1")
            .bind(program_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.0))
    }

    pub async fn set_program_capacity(&self, program_id: i64, capacity: Option<i64>) -> Result<()> {
        sqlx::query("UPDATE programs SET capacity = $2 WHERE id = $1")
            .bind(program_id)
            .bind(capacity)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
