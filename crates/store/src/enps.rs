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

impl Store {
    /// Opens a survey (closing any open one: one pulse at a time).
    pub async fn open_survey(&self, by: i64, now: Millis) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE enps_surveys SET closed_at = $1 WHERE closed_at IS NULL")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO enps_surveys (opened_by, opened_at) VALUES ($1, $2) RETURNING id")
                .bind(by)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn close_survey(&self, id: i64, now: Millis) -> Result<bool> {
        let r = sqlx::query("UPDATE enps_surveys SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
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

    /// Records an answer: the person as a participant, the score as one more count, the
    /// comment on its own. False when they had answered already (nothing changes).
    pub async fn answer_survey(&self, survey_id: i64, user_id: i64, score: u8, comment: Option<&str>) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "INSERT INTO enps_participants (survey_id, user_id) VALUES ($1, $2) ON CONFLICT (survey_id, user_id) DO NOTHING",
        )
        .bind(survey_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO enps_tallies (survey_id, score, answers) VALUES ($1, $2, 1) \
             ON CONFLICT (survey_id, score) DO UPDATE SET answers = enps_tallies.answers + 1",
        )
        .bind(survey_id)
        .bind(i64::from(score))
        .execute(&mut *tx)
        .await?;
        if let Some(c) = comment {
            sqlx::query("INSERT INTO enps_comments (survey_id, body) VALUES ($1, $2)")
                .bind(survey_id)
                .bind(c)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
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
