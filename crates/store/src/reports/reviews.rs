//! Program reviews (C11, migration 0012): the review of each period of a program's
//! cadence with its JSON snapshot of numbers, the coordinator's notes, decisions and
//! attendance, and publishing (status, frozen carried decisions and the members' emails
//! in one transaction). Drafts change; a published review keeps its snapshot, notes and
//! attendance, and only its decisions may still be marked done.

use crate::{Result, Store};
use ambasada_core::{Locale, Millis};
use sqlx::AssertSqlSafe;

/// A stored review.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Review {
    pub id: i64,
    pub program_id: i64,
    /// The program's cadence when the review was made (`weekly`, ... `quarterly`).
    pub cadence: String,
    /// `2026-11`, `2026-Q4`, `2026-W47`, `2026-W47-W48`.
    pub period_key: String,
    /// The period's first and last UTC days, inclusive.
    pub first_day: i64,
    pub last_day: i64,
    /// `draft` or `published`.
    pub status: String,
    pub notes: String,
    /// `core::reports::review::Snapshot` as JSON.
    pub snapshot: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub published_at: Option<Millis>,
    pub published_by: Option<i64>,
    pub published_by_name: Option<String>,
}

impl Review {
    pub fn is_draft(&self) -> bool {
        self.status == "draft"
    }
}

/// A review to make.
#[derive(Debug, Clone)]
pub struct NewReview<'a> {
    pub program_id: i64,
    pub cadence: &'a str,
    pub period_key: &'a str,
    pub first_day: i64,
    pub last_day: i64,
    pub snapshot: &'a str,
}

/// A decision with the review it was taken in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Decision {
    pub id: i64,
    pub program_id: i64,
    pub review_id: i64,
    pub text: String,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    /// The UTC day it is due.
    pub due_day: i64,
    pub done_at: Option<Millis>,
    pub created_at: Millis,
    /// The period key, first day, status and cadence of the review it was taken in.
    pub taken_in_key: String,
    pub taken_in_first_day: i64,
    pub taken_in_status: String,
    pub taken_in_cadence: String,
}

/// Someone ticked as present.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attendee {
    pub user_id: i64,
    pub name: String,
}

/// A member a published review is emailed to.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: i64,
    pub email: String,
    pub first_name: String,
    pub locale: Locale,
}

/// One email of a publication, queued with it.
#[derive(Debug, Clone)]
pub struct ReviewEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

const COLUMNS: &str = "r.id, r.program_id, r.cadence, r.period_key, r.first_day, r.last_day, r.status, r.notes, \
     r.snapshot, r.created_at, r.updated_at, r.published_at, r.published_by, \
     u.first_name || ' ' || u.last_name AS published_by_name";

const DECISION_COLUMNS: &str = "d.id, d.program_id, d.review_id, d.text, d.owner_id, \
     u.first_name || ' ' || u.last_name AS owner_name, d.due_day, d.done_at, d.created_at, \
     r.period_key AS taken_in_key, r.first_day AS taken_in_first_day, r.status AS taken_in_status, \
     r.cadence AS taken_in_cadence";

fn decisions_from(join: &str) -> String {
    format!(
        "SELECT {DECISION_COLUMNS} FROM review_decisions d JOIN reviews r ON r.id = d.review_id \
         LEFT JOIN users u ON u.id = d.owner_id {join}"
    )
}

impl Store {
    /// Makes the review of a program's period; `None` when that period has one already.
    pub async fn create_review(&self, r: &NewReview<'_>, now: Millis) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO reviews (program_id, cadence, period_key, first_day, last_day, status, notes, snapshot, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', '', $6, $7, $7) \
             ON CONFLICT (program_id, period_key) DO NOTHING RETURNING id",
        )
        .bind(r.program_id)
        .bind(r.cadence)
        .bind(r.period_key)
        .bind(r.first_day)
        .bind(r.last_day)
        .bind(r.snapshot)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// One review.
    pub async fn review(&self, id: i64) -> Result<Option<Review>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews r LEFT JOIN users u ON u.id = r.published_by WHERE r.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A program's reviews, the latest period first; drafts only when `with_drafts`.
    pub async fn program_reviews(&self, program_id: i64, with_drafts: bool) -> Result<Vec<Review>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews r LEFT JOIN users u ON u.id = r.published_by \
             WHERE r.program_id = $1 AND ($2 OR r.status = 'published') ORDER BY r.first_day DESC, r.id DESC"
        )))
        .bind(program_id)
        .bind(with_drafts)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The review of a program's period, by its key.
    pub async fn review_of_period(&self, program_id: i64, period_key: &str) -> Result<Option<Review>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews r LEFT JOIN users u ON u.id = r.published_by \
             WHERE r.program_id = $1 AND r.period_key = $2"
        )))
        .bind(program_id)
        .bind(period_key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The latest published review of a program before the period starting `first_day`.
    pub async fn published_review_before(&self, program_id: i64, first_day: i64) -> Result<Option<Review>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews r LEFT JOIN users u ON u.id = r.published_by \
             WHERE r.program_id = $1 AND r.first_day < $2 AND r.status = 'published' \
             ORDER BY r.first_day DESC LIMIT 1"
        )))
        .bind(program_id)
        .bind(first_day)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// When the program's latest review was published, for the health check.
    pub async fn last_review_published_at(&self, program_id: i64) -> Result<Option<Millis>> {
        let (at,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(published_at) FROM reviews WHERE program_id = $1 AND status = 'published'")
                .bind(program_id)
                .fetch_one(&self.pool)
                .await?;
        Ok(at)
    }

    /// Replaces a draft's notes; false when the review is not a draft (or not there).
    pub async fn set_review_notes(&self, id: i64, notes: &str, now: Millis) -> Result<bool> {
        let r = sqlx::query("UPDATE reviews SET notes = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'")
            .bind(id)
            .bind(notes)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Replaces a draft's snapshot (its numbers taken again); false unless a draft.
    pub async fn set_review_snapshot(&self, id: i64, snapshot: &str, now: Millis) -> Result<bool> {
        let r = sqlx::query("UPDATE reviews SET snapshot = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'")
            .bind(id)
            .bind(snapshot)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Adds a decision to a draft review; `None` when the review is not a draft.
    pub async fn add_decision(
        &self,
        review_id: i64,
        text: &str,
        owner_id: i64,
        due_day: i64,
        by: i64,
        now: Millis,
    ) -> Result<Option<i64>> {
        // One statement, so that a review published meanwhile takes no decision.
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO review_decisions (program_id, review_id, text, owner_id, due_day, created_by, created_at) \
             SELECT r.program_id, r.id, $2, $3, $4, $5, $6 FROM reviews r WHERE r.id = $1 AND r.status = 'draft' \
             RETURNING id",
        )
        .bind(review_id)
        .bind(text)
        .bind(owner_id)
        .bind(due_day)
        .bind(by)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Removes a decision taken in a draft review; false otherwise.
    pub async fn delete_decision(&self, review_id: i64, decision_id: i64) -> Result<bool> {
        let r = sqlx::query(
            "DELETE FROM review_decisions WHERE id = $2 AND review_id = $1 \
             AND EXISTS (SELECT 1 FROM reviews r WHERE r.id = $1 AND r.status = 'draft')",
        )
        .bind(review_id)
        .bind(decision_id)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Marks a program's decision done (or open again); false when it is not the program's.
    pub async fn set_decision_done(
        &self,
        program_id: i64,
        decision_id: i64,
        done: bool,
        by: i64,
        now: Millis,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE review_decisions SET done_at = CASE WHEN $3 THEN COALESCE(done_at, $5) ELSE NULL END, \
             done_by = CASE WHEN $3 THEN COALESCE(done_by, $4) ELSE NULL END WHERE id = $2 AND program_id = $1",
        )
        .bind(program_id)
        .bind(decision_id)
        .bind(done)
        .bind(by)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// One decision.
    pub async fn decision(&self, id: i64) -> Result<Option<Decision>> {
        Ok(sqlx::query_as(AssertSqlSafe(decisions_from("WHERE d.id = $1")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Every decision of a program, oldest first (carrying picks from them).
    pub async fn program_decisions(&self, program_id: i64) -> Result<Vec<Decision>> {
        Ok(sqlx::query_as(AssertSqlSafe(decisions_from(
            "WHERE d.program_id = $1 ORDER BY d.due_day, d.id",
        )))
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The decisions taken in a review, by due date.
    pub async fn review_decisions(&self, review_id: i64) -> Result<Vec<Decision>> {
        Ok(sqlx::query_as(AssertSqlSafe(decisions_from(
            "WHERE d.review_id = $1 ORDER BY d.due_day, d.id",
        )))
        .bind(review_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The earlier decisions a published review carried, as frozen when it was published.
    pub async fn carried_decisions(&self, review_id: i64) -> Result<Vec<Decision>> {
        Ok(sqlx::query_as(AssertSqlSafe(decisions_from(
            "JOIN review_carried c ON c.decision_id = d.id WHERE c.review_id = $1 ORDER BY d.due_day, d.id",
        )))
        .bind(review_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Sets who came to a draft's meeting; false when the review is not a draft.
    pub async fn set_attendance(&self, review_id: i64, user_ids: &[i64], now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let draft = sqlx::query("UPDATE reviews SET updated_at = $2 WHERE id = $1 AND status = 'draft'")
            .bind(review_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if !draft {
            return Ok(false);
        }
        sqlx::query("DELETE FROM review_attendance WHERE review_id = $1")
            .bind(review_id)
            .execute(&mut *tx)
            .await?;
        for id in user_ids {
            sqlx::query("INSERT INTO review_attendance (review_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(review_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Who came to a review's meeting, by name.
    pub async fn attendance(&self, review_id: i64) -> Result<Vec<Attendee>> {
        Ok(sqlx::query_as(
            "SELECT u.id AS user_id, u.first_name || ' ' || u.last_name AS name FROM review_attendance a \
             JOIN users u ON u.id = a.user_id WHERE a.review_id = $1 ORDER BY u.sort_key, u.id",
        )
        .bind(review_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Publishes a draft: its status, the earlier decisions it carries (frozen) and the
    /// members' emails, in one transaction. False when it was not a draft (published by
    /// someone else meanwhile): nothing is queued then.
    pub async fn publish_review(
        &self,
        id: i64,
        by: i64,
        carried: &[i64],
        emails: &[ReviewEmail],
        now: Millis,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let won = sqlx::query(
            "UPDATE reviews SET status = 'published', published_at = $2, published_by = $3, updated_at = $2 \
             WHERE id = $1 AND status = 'draft'",
        )
        .bind(id)
        .bind(now)
        .bind(by)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !won {
            return Ok(false);
        }
        for d in carried {
            sqlx::query("INSERT INTO review_carried (review_id, decision_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(d)
                .execute(&mut *tx)
                .await?;
        }
        for m in emails {
            // The outbox row as `Store::enqueue_email` writes it, inside this transaction.
            sqlx::query(
                "INSERT INTO outbox (to_addr, subject, body_text, kind, status, attempts, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, 'review', 'pending', 0, $4, $4)",
            )
            .bind(&m.to)
            .bind(&m.subject)
            .bind(&m.body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The current members of a program with an active account, for a published review.
    pub async fn review_recipients(&self, program_id: i64) -> Result<Vec<Recipient>> {
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT u.id, u.email, u.first_name, u.locale FROM program_members m JOIN users u ON u.id = m.user_id \
             WHERE m.program_id = $1 AND m.left_at IS NULL AND u.deactivated_at IS NULL ORDER BY u.id",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(user_id, email, first_name, locale)| Recipient {
                user_id,
                email,
                first_name,
                locale: Locale::parse(&locale).unwrap_or_default(),
            })
            .collect())
    }

    /// Which of these people keep their names off leaderboards (and reviews' top lists).
    pub async fn hidden_on_boards(&self, user_ids: &[i64]) -> Result<Vec<i64>> {
        if user_ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = (1..=user_ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query_as::<_, (i64,)>(AssertSqlSafe(format!(
            "SELECT id FROM users WHERE hide_on_boards <> 0 AND id IN ({list})"
        )));
        for id in user_ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&self.pool).await?.into_iter().map(|(id,)| id).collect())
    }
}
