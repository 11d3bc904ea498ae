//! Badges (C10): the facts their rules read (shares, referrals, course progress), who
//! had new activity lately (so that evaluating stays cheap), and the badges earned,
//! each once: the primary key (person, badge) with `ON CONFLICT DO NOTHING` makes a
//! second evaluation, or two at once, a no-op.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::rewards::badges::{CourseFact, Facts, ShareFact, share_is_personalised};

/// A badge a person earned.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EarnedBadge {
    pub badge: String,
    pub earned_at: Millis,
}

#[derive(sqlx::FromRow)]
struct ShareRow {
    created_at: Millis,
    own_post: i64,
    personalisation: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct CourseRow {
    lessons: i64,
    lessons_read: i64,
    questions: i64,
    last_read_at: Option<Millis>,
    passed_at: Option<Millis>,
}

impl Store {
    /// The people with a share, an application through their link, a lesson read or a
    /// quiz attempt since `since`, by id.
    pub async fn people_active_since(&self, since: Millis) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT user_id FROM shares WHERE created_at >= $1 \
             UNION SELECT ambassador_id FROM applications WHERE ambassador_id IS NOT NULL AND created_at >= $1 \
             UNION SELECT user_id FROM lesson_reads WHERE read_at >= $1 \
             UNION SELECT user_id FROM quiz_attempts WHERE created_at >= $1 \
             ORDER BY 1",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// What the badge rules need to know about a person.
    pub async fn badge_facts(&self, user_id: i64) -> Result<Facts> {
        let shares: Vec<ShareRow> = sqlx::query_as(
            "SELECT created_at, CAST(CASE WHEN item_id IS NULL AND topic IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS own_post, \
             personalisation FROM shares WHERE user_id = $1 ORDER BY created_at",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let (first_referral_at,): (Option<Millis>,) =
            sqlx::query_as("SELECT MIN(created_at) FROM applications WHERE ambassador_id = $1")
                .bind(user_id)
                .fetch_one(&self.pool)
                .await?;
        // Only the courses the person started: lessons read or a quiz attempted.
        let courses: Vec<CourseRow> = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons, \
             (SELECT COUNT(*) FROM lesson_reads r JOIN course_lessons l ON l.id = r.lesson_id \
                WHERE l.course_id = c.id AND r.user_id = $1) AS lessons_read, \
             (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id) AS questions, \
             (SELECT MAX(r.read_at) FROM lesson_reads r JOIN course_lessons l ON l.id = r.lesson_id \
                WHERE l.course_id = c.id AND r.user_id = $1) AS last_read_at, \
             (SELECT MIN(a.created_at) FROM quiz_attempts a WHERE a.course_id = c.id AND a.user_id = $1 AND a.passed = 1) \
                AS passed_at \
             FROM courses c WHERE EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.course_id = c.id AND a.user_id = $1) \
             OR EXISTS (SELECT 1 FROM lesson_reads r JOIN course_lessons l ON l.id = r.lesson_id \
                WHERE l.course_id = c.id AND r.user_id = $1) ORDER BY c.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Facts {
            shares: shares
                .into_iter()
                .map(|s| ShareFact {
                    at: s.created_at,
                    personalised: share_is_personalised(s.own_post != 0, s.personalisation),
                })
                .collect(),
            first_referral_at,
            courses: courses
                .into_iter()
                .map(|c| CourseFact {
                    lessons: c.lessons,
                    lessons_read: c.lessons_read,
                    has_quiz: c.questions > 0,
                    last_read_at: c.last_read_at,
                    passed_at: c.passed_at,
                })
                .collect(),
        })
    }

    /// Records a badge; `false` when the person already had it (earned once).
    pub async fn earn_badge(&self, user_id: i64, badge: &str, earned_at: Millis) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO badges_earned (user_id, badge, earned_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, badge) DO NOTHING",
        )
        .bind(user_id)
        .bind(badge)
        .bind(earned_at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// A person's badges, in the order they were earned.
    pub async fn badges_of(&self, user_id: i64) -> Result<Vec<EarnedBadge>> {
        Ok(
            sqlx::query_as("SELECT badge, earned_at FROM badges_earned WHERE user_id = $1 ORDER BY earned_at, badge")
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
