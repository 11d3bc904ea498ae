//! The eNPS pulse survey. Who answered and what was answered are stored apart, and
//! scores only as counts, so no person can be tied to a score (see the migration).

use crate::{Result, Store};
use ambasada_core::Millis;

/// A survey with its tallies.
#[derive(Debug, Clone)]
pub struct Survey {
    pub id: i64,
    pub opened_at: Millis,
    pub closed_at: Option<Millis>,
    pub participants: i64,
    /// Answers per score 0..=10.
    pub tallies: [i64; 11],
    pub comments: Vec<String>,
}

impl Survey {
    /// Every answer's score, for `core::enps::compute`.
    pub fn scores(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (score, n) in self.tallies.iter().enumerate() {
            out.extend(std::iter::repeat_n(score as u8, (*n).max(0) as usize));
        }
        out
    }
}

/// Shuffles in place (Fisher-Yates) with the operating system's randomness, so that the
/// order answers are moved in says nothing about the order they came in.
fn shuffle<T>(v: &mut [T]) {
    use std::hash::{BuildHasher, RandomState};
    for i in (1..v.len()).rev() {
        let r = RandomState::new().hash_one(i) as usize;
        v.swap(i, r % (i + 1));
    }
}

impl Store {
    /// Opens a survey (closing any open one: one pulse at a time).
    pub async fn open_survey(&self, by: i64, now: Millis) -> Result<i64> {
        if let Some(open) = self.open_survey_id().await? {
            self.close_survey(open, now).await?;
        }
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO enps_surveys (opened_by, opened_at) VALUES ($1, $2) RETURNING id")
                .bind(by)
                .bind(now)
                .fetch_one(&self.pool)
                .await?;
        Ok(id)
    }

    /// Closes a survey: its waiting answers are moved, in a shuffled order, into the
    /// per-score counts and the comments, in one transaction, and deleted. False when it
    /// was closed already.
    pub async fn close_survey(&self, id: i64, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query("UPDATE enps_surveys SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        let mut pending: Vec<(i64, Option<String>)> =
            sqlx::query_as("SELECT score, comment FROM enps_pending WHERE survey_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        shuffle(&mut pending);
        let mut tallies = [0i64; 11];
        for (score, _) in &pending {
            if let Some(slot) = usize::try_from(*score).ok().and_then(|s| tallies.get_mut(s)) {
                *slot += 1;
            }
        }
        for (score, n) in tallies.iter().enumerate().filter(|(_, n)| **n > 0) {
            sqlx::query("INSERT INTO enps_tallies (survey_id, score, answers) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(score as i64)
                .bind(*n)
                .execute(&mut *tx)
                .await?;
        }
        for (_, comment) in &pending {
            if let Some(c) = comment {
                sqlx::query("INSERT INTO enps_comments (survey_id, body) VALUES ($1, $2)")
                    .bind(id)
                    .bind(c)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        sqlx::query("DELETE FROM enps_pending WHERE survey_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The open survey, if any.
    pub async fn open_survey_id(&self) -> Result<Option<i64>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM enps_surveys WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| r.0))
    }

    /// Whether a person answered a survey (never what they answered).
    pub async fn has_answered(&self, survey_id: i64, user_id: i64) -> Result<bool> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM enps_participants WHERE survey_id = $1 AND user_id = $2")
                .bind(survey_id)
                .bind(user_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(n > 0)
    }

    /// Records an answer: the person as a participant (once), then, in a transaction of
    /// its own, the score and comment as a waiting answer with no person attached. False
    /// when they had answered already (nothing changes).
    pub async fn answer_survey(&self, survey_id: i64, user_id: i64, score: u8, comment: Option<&str>) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO enps_participants (survey_id, user_id) VALUES ($1, $2) ON CONFLICT (survey_id, user_id) DO NOTHING",
        )
        .bind(survey_id)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("INSERT INTO enps_pending (survey_id, score, comment) VALUES ($1, $2, $3)")
            .bind(survey_id)
            .bind(i64::from(score))
            .bind(comment)
            .execute(&self.pool)
            .await?;
        Ok(true)
    }

    /// Every survey, newest first, with its tallies and comments.
    pub async fn surveys(&self) -> Result<Vec<Survey>> {
        let rows: Vec<(i64, i64, Option<i64>)> =
            sqlx::query_as("SELECT id, opened_at, closed_at FROM enps_surveys ORDER BY id DESC")
                .fetch_all(&self.pool)
                .await?;
        let mut out = Vec::new();
        for (id, opened_at, closed_at) in rows {
            let (participants,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM enps_participants WHERE survey_id = $1")
                .bind(id)
                .fetch_one(&self.pool)
                .await?;
            let tallies_rows: Vec<(i64, i64)> =
                sqlx::query_as("SELECT score, answers FROM enps_tallies WHERE survey_id = $1")
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
            let mut tallies = [0i64; 11];
            for (score, n) in tallies_rows {
                if let Some(slot) = usize::try_from(score).ok().and_then(|s| tallies.get_mut(s)) {
                    *slot = n;
                }
            }
            // Comments are shown in a fixed order unrelated to when they came.
            let comments: Vec<(String,)> =
                sqlx::query_as("SELECT body FROM enps_comments WHERE survey_id = $1 ORDER BY body")
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
            out.push(Survey {
                id,
                opened_at,
                closed_at,
                participants,
                tallies,
                comments: comments.into_iter().map(|c| c.0).collect(),
            });
        }
        Ok(out)
    }
}
