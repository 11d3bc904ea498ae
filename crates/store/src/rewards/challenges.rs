//! Challenges (C10): creating, listing and cancelling them, and settling each exactly
//! once: the claim `UPDATE challenges SET settled_at = ... WHERE settled_at IS NULL`,
//! the bonuses (ledger rows `challenge`, source `challenge:{id}`), the recipients and the
//! raffle's seed and candidates go in one transaction, so a second settlement (another
//! process, a retry) finds the challenge claimed and does nothing, and a failed one
//! leaves it unclaimed for the next attempt.

use crate::rewards::points::{Award, award_in};
use crate::{Result, Store, StoreError};
use ambasada_core::Millis;
use ambasada_core::rewards::challenges::{Spec, source};
use ambasada_core::rewards::points::Rule;

/// A challenge as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Challenge {
    pub id: i64,
    pub program_id: i64,
    pub title: String,
    pub description: String,
    /// `shares`, `clicks` or `points` (core::rewards::leaderboards::Metric).
    pub metric: String,
    pub content_id: Option<i64>,
    pub content_title: Option<String>,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub target: i64,
    /// `threshold`, `collective` or `raffle`.
    pub mode: String,
    pub bonus: i64,
    pub winners: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub settled_at: Option<Millis>,
    pub seed: Option<String>,
    /// The raffle's candidates, comma-separated user ids.
    pub candidates: Option<String>,
    /// Who set it (never among those who get its bonus).
    pub created_by: Option<i64>,
    pub created_at: Millis,
}

impl Challenge {
    /// The raffle's recorded candidates.
    pub fn candidate_ids(&self) -> Vec<i64> {
        self.candidates
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect()
    }
}

/// What settling records.
#[derive(Debug, Clone)]
pub struct Settlement<'a> {
    /// Who gets the bonus.
    pub recipients: &'a [i64],
    /// The raffle's seed and candidates.
    pub seed: Option<&'a str>,
    pub candidates: &'a [i64],
}

const COLUMNS: &str = "c.id, c.program_id, c.title, c.description, c.metric, c.content_id, i.title AS content_title, \
     c.team_id, t.name AS team_name, c.target, c.mode, c.bonus, c.winners, c.starts_at, c.ends_at, c.settled_at, \
     c.seed, c.candidates, c.created_by, c.created_at \
     FROM challenges c LEFT JOIN content_items i ON i.id = c.content_id LEFT JOIN teams t ON t.id = c.team_id";

impl Store {
    /// Creates a challenge in a program.
    pub async fn create_challenge(&self, program_id: i64, s: &Spec, by: i64, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO challenges (program_id, title, description, metric, content_id, team_id, target, mode, \
             bonus, winners, starts_at, ends_at, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(program_id)
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.metric.as_str())
        .bind(s.content_id)
        .bind(s.team_id)
        .bind(s.target)
        .bind(s.mode.as_str())
        .bind(s.bonus)
        .bind(s.winners)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// One challenge.
    pub async fn challenge(&self, id: i64) -> Result<Option<Challenge>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} WHERE c.id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// A program's challenges, the latest to end first.
    pub async fn challenges_of(&self, program_id: i64) -> Result<Vec<Challenge>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} WHERE c.program_id = $1 ORDER BY c.ends_at DESC, c.id DESC"
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The challenges whose window ended by `now` and that are not settled yet.
    pub async fn challenges_to_settle(&self, now: Millis) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM challenges WHERE settled_at IS NULL AND ends_at <= $1 ORDER BY ends_at, id")
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Cancels a challenge that is not settled; [`StoreError::NotFound`] otherwise.
    pub async fn delete_challenge(&self, id: i64) -> Result<()> {
        let r = sqlx::query("DELETE FROM challenges WHERE id = $1 AND settled_at IS NULL")
            .bind(id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Settles a challenge once: claims it, awards the bonus to each recipient, records
    /// them (and a raffle's seed and candidates), all in one transaction. `false` when
    /// it was claimed before (by another process, or an earlier run).
    pub async fn settle_challenge(&self, c: &Challenge, s: &Settlement<'_>, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let candidates = s.candidates.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        // The claim comes first, so it takes the row's (or SQLite's) write lock before
        // anything else is read: a concurrent settlement waits here, then finds it taken.
        let claimed = sqlx::query(
            "UPDATE challenges SET settled_at = $2, seed = $3, candidates = $4 WHERE id = $1 AND settled_at IS NULL",
        )
        .bind(c.id)
        .bind(now)
        .bind(s.seed)
        .bind(candidates)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        let src = source(c.id);
        for user_id in s.recipients {
            let award = Award {
                user_id: *user_id,
                program_id: Some(c.program_id),
                rule: Rule::Challenge,
                source: &src,
                amount: c.bonus,
                reason: None,
            };
            award_in(&mut tx, &award, now).await?;
            sqlx::query(
                "INSERT INTO challenge_winners (challenge_id, user_id) VALUES ($1, $2) \
                 ON CONFLICT (challenge_id, user_id) DO NOTHING",
            )
            .bind(c.id)
            .bind(*user_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Who got a challenge's bonus: (user id, name, hides on boards), by id.
    pub async fn challenge_recipients(&self, id: i64) -> Result<Vec<(i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT u.id, u.first_name || ' ' || u.last_name, u.hide_on_boards FROM challenge_winners w \
             JOIN users u ON u.id = w.user_id WHERE w.challenge_id = $1 ORDER BY u.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Names of people by id, with whether they hide them on boards.
    pub async fn board_names(&self, ids: &[i64]) -> Result<Vec<(i64, String, i64)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, first_name || ' ' || last_name, hide_on_boards FROM users WHERE id IN ({}) ORDER BY id",
            list.join(", ")
        );
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }
}
