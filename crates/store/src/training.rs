//! Training (C4): courses, their lessons and quiz questions, what each person read and
//! how their quiz attempts went, and the course a program requires before sharing.
//!
//! Flags are stored as BIGINT 0/1 and read as `i64`. Whether a course is completed is a
//! rule of `core::training::Progress`; the store only gathers the counts.

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;
use ambasada_core::training::Progress;
use std::collections::HashMap;

/// A course with the numbers of its lessons and questions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Course {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub language: String,
    pub pass_mark: i64,
    /// 1 published, 0 draft.
    pub published: i64,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub lessons: i64,
    pub questions: i64,
}

impl Course {
    pub fn is_published(&self) -> bool {
        self.published != 0
    }
}

/// What creating or editing a course sets.
#[derive(Debug, Clone)]
pub struct CourseInput {
    pub title: String,
    pub description: String,
    pub language: String,
    pub pass_mark: i64,
    pub published: bool,
}

/// A lesson; `body` is Markdown.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Lesson {
    pub id: i64,
    pub course_id: i64,
    pub position: i64,
    pub title: String,
    pub body: String,
}

/// A quiz question; `choices` is the source, one per line, correct ones with a `*`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuizQuestion {
    pub id: i64,
    pub course_id: i64,
    pub position: i64,
    pub text: String,
    pub choices: String,
}

/// A quiz attempt to record.
#[derive(Debug, Clone, Copy)]
pub struct NewAttempt {
    pub user_id: i64,
    pub course_id: i64,
    pub correct: i64,
    pub total: i64,
    pub percent: i64,
    pub passed: bool,
}

/// A person's numbers in one course, for `core::training::Progress`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CourseProgress {
    pub course_id: i64,
    pub lessons: i64,
    pub lessons_read: i64,
    pub questions: i64,
    /// Passed attempts.
    pub passes: i64,
    pub attempts: i64,
    pub best_percent: Option<i64>,
}

impl CourseProgress {
    pub fn progress(&self) -> Progress {
        Progress {
            lessons: self.lessons,
            lessons_read: self.lessons_read,
            has_quiz: self.questions > 0,
            quiz_passed: self.passes > 0,
        }
    }
}

/// One person's row in a course's completion table.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Learner {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub lessons_read: i64,
    pub attempts: i64,
    pub passes: i64,
    pub best_percent: Option<i64>,
}

const COURSE_COLUMNS: &str = "c.id, c.title, c.description, c.language, c.pass_mark, c.published, c.created_at, \
     c.updated_at, (SELECT COUNT(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons, \
     (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id) AS questions";

/// A learner row with its course, for [`learners_sql`].
#[derive(sqlx::FromRow)]
struct CourseLearner {
    course_id: i64,
    #[sqlx(flatten)]
    learner: Learner,
}

/// A required course with the person's numbers in it and its title.
#[derive(sqlx::FromRow)]
struct RequiredCourse {
    #[sqlx(flatten)]
    progress: CourseProgress,
    title: String,
}

/// Completion tables of courses `c`, by course id then name: every active ambassador
/// (role `$1`) and anyone else who has started the course, with their counts aggregated
/// once per (course, person). `filter` narrows the courses (`AND c.id = $2`) or is empty.
fn learners_sql(filter: &str) -> String {
    format!(
        "SELECT c.id AS course_id, u.id AS user_id, u.first_name || ' ' || u.last_name AS name, u.email, \
         COALESCE(rd.n, 0) AS lessons_read, COALESCE(qa.attempts, 0) AS attempts, COALESCE(qa.passes, 0) AS passes, \
         qa.best_percent \
         FROM courses c CROSS JOIN users u \
         LEFT JOIN (SELECT l.course_id, r.user_id, COUNT(*) AS n FROM lesson_reads r \
            JOIN course_lessons l ON l.id = r.lesson_id GROUP BY l.course_id, r.user_id) rd \
           ON rd.course_id = c.id AND rd.user_id = u.id \
         LEFT JOIN (SELECT a.course_id, a.user_id, COUNT(*) AS attempts, \
            COUNT(CASE WHEN a.passed = 1 THEN 1 END) AS passes, MAX(a.percent) AS best_percent \
            FROM quiz_attempts a GROUP BY a.course_id, a.user_id) qa \
           ON qa.course_id = c.id AND qa.user_id = u.id \
         WHERE u.deactivated_at IS NULL {filter} AND ( \
           EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = $1) \
           OR rd.n IS NOT NULL OR qa.attempts IS NOT NULL) \
         ORDER BY c.id, u.sort_key, u.id"
    )
}

/// The progress columns for person `$1`; the course is `c`.
const PROGRESS_COLUMNS: &str = "c.id AS course_id, \
     (SELECT COUNT(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons, \
     (SELECT COUNT(*) FROM lesson_reads r JOIN course_lessons l ON l.id = r.lesson_id \
        WHERE l.course_id = c.id AND r.user_id = $1) AS lessons_read, \
     (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id) AS questions, \
     (SELECT COUNT(*) FROM quiz_attempts a WHERE a.course_id = c.id AND a.user_id = $1 AND a.passed = 1) AS passes, \
     (SELECT COUNT(*) FROM quiz_attempts a WHERE a.course_id = c.id AND a.user_id = $1) AS attempts, \
     (SELECT MAX(a.percent) FROM quiz_attempts a WHERE a.course_id = c.id AND a.user_id = $1) AS best_percent";

impl Store {
    /// Creates a course.
    pub async fn create_course(&self, c: &CourseInput, by: Option<i64>, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO courses (title, description, language, pass_mark, published, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(&c.title)
        .bind(&c.description)
        .bind(&c.language)
        .bind(c.pass_mark)
        .bind(i64::from(c.published))
        .bind(by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Changes a course.
    pub async fn update_course(&self, id: i64, c: &CourseInput, now: Millis) -> Result<()> {
        let r = sqlx::query(
            "UPDATE courses SET title = $2, description = $3, language = $4, pass_mark = $5, published = $6, \
             updated_at = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(&c.title)
        .bind(&c.description)
        .bind(&c.language)
        .bind(c.pass_mark)
        .bind(i64::from(c.published))
        .bind(now)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// One course.
    pub async fn course(&self, id: i64) -> Result<Option<Course>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COURSE_COLUMNS} FROM courses c WHERE c.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Courses by title: every one, or only the published ones.
    pub async fn courses(&self, published_only: bool) -> Result<Vec<Course>> {
        let filter = if published_only { "WHERE c.published = 1" } else { "" };
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COURSE_COLUMNS} FROM courses c {filter} ORDER BY c.title, c.id"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// A course's lessons in order.
    pub async fn lessons(&self, course_id: i64) -> Result<Vec<Lesson>> {
        Ok(sqlx::query_as(
            "SELECT id, course_id, position, title, body FROM course_lessons WHERE course_id = $1 \
             ORDER BY position, id",
        )
        .bind(course_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds a lesson after the last one, or at `position` when given.
    pub async fn add_lesson(&self, course_id: i64, position: Option<i64>, title: &str, body: &str) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO course_lessons (course_id, position, title, body) VALUES ($1, \
             COALESCE($2, (SELECT COALESCE(MAX(position), 0) + 1 FROM course_lessons WHERE course_id = $1)), $3, $4) \
             RETURNING id",
        )
        .bind(course_id)
        .bind(position)
        .bind(title)
        .bind(body)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Changes a lesson of a course.
    pub async fn update_lesson(&self, course_id: i64, id: i64, position: i64, title: &str, body: &str) -> Result<()> {
        let r = sqlx::query(
            "UPDATE course_lessons SET position = $3, title = $4, body = $5 WHERE id = $2 AND course_id = $1",
        )
        .bind(course_id)
        .bind(id)
        .bind(position)
        .bind(title)
        .bind(body)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Deletes a lesson (and who read it).
    pub async fn delete_lesson(&self, course_id: i64, id: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM lesson_reads WHERE lesson_id IN (SELECT id FROM course_lessons WHERE id = $1 AND course_id = $2)",
        )
        .bind(id)
        .bind(course_id)
        .execute(&mut *tx)
        .await?;
        let r = sqlx::query("DELETE FROM course_lessons WHERE id = $1 AND course_id = $2")
            .bind(id)
            .bind(course_id)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// A course's quiz questions in order.
    pub async fn questions(&self, course_id: i64) -> Result<Vec<QuizQuestion>> {
        Ok(sqlx::query_as(
            "SELECT id, course_id, position, text, choices FROM course_questions WHERE course_id = $1 \
             ORDER BY position, id",
        )
        .bind(course_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds a question after the last one, or at `position` when given.
    pub async fn add_question(&self, course_id: i64, position: Option<i64>, text: &str, choices: &str) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO course_questions (course_id, position, text, choices) VALUES ($1, \
             COALESCE($2, (SELECT COALESCE(MAX(position), 0) + 1 FROM course_questions WHERE course_id = $1)), $3, $4) \
             RETURNING id",
        )
        .bind(course_id)
        .bind(position)
        .bind(text)
        .bind(choices)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// Changes a question of a course.
    pub async fn update_question(
        &self,
        course_id: i64,
        id: i64,
        position: i64,
        text: &str,
        choices: &str,
    ) -> Result<()> {
        let r = sqlx::query(
            "UPDATE course_questions SET position = $3, text = $4, choices = $5 WHERE id = $2 AND course_id = $1",
        )
        .bind(course_id)
        .bind(id)
        .bind(position)
        .bind(text)
        .bind(choices)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Deletes a question.
    pub async fn delete_question(&self, course_id: i64, id: i64) -> Result<()> {
        let r = sqlx::query("DELETE FROM course_questions WHERE id = $1 AND course_id = $2")
            .bind(id)
            .bind(course_id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Marks a lesson read by a person (once; the first time is kept).
    pub async fn mark_lesson_read(&self, user_id: i64, lesson_id: i64, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO lesson_reads (user_id, lesson_id, read_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, lesson_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(lesson_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The ids of a course's lessons a person has read.
    pub async fn lessons_read(&self, user_id: i64, course_id: i64) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT r.lesson_id FROM lesson_reads r JOIN course_lessons l ON l.id = r.lesson_id \
             WHERE r.user_id = $1 AND l.course_id = $2",
        )
        .bind(user_id)
        .bind(course_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Records one attempt at a course's quiz.
    pub async fn record_attempt(&self, a: &NewAttempt, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO quiz_attempts (user_id, course_id, correct, total, percent, passed, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(a.user_id)
        .bind(a.course_id)
        .bind(a.correct)
        .bind(a.total)
        .bind(a.percent)
        .bind(i64::from(a.passed))
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// A person's numbers in one course.
    pub async fn course_progress(&self, user_id: i64, course_id: i64) -> Result<CourseProgress> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {PROGRESS_COLUMNS} FROM courses c WHERE c.id = $2"
        )))
        .bind(user_id)
        .bind(course_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)
    }

    /// A person's numbers in every course (published or not), by course id.
    pub async fn progress_of(&self, user_id: i64) -> Result<Vec<CourseProgress>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {PROGRESS_COLUMNS} FROM courses c ORDER BY c.id"
        )))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A course's completion table: every active ambassador, and anyone else who has
    /// started the course, by name.
    pub async fn learners(&self, course_id: i64) -> Result<Vec<Learner>> {
        let rows: Vec<CourseLearner> = sqlx::query_as(sqlx::AssertSqlSafe(learners_sql("AND c.id = $2")))
            .bind(ambasada_core::Role::Ambassador.as_str())
            .bind(course_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|r| r.learner).collect())
    }

    /// Every course's completion table (as [`Store::learners`]), by course id, in one
    /// query; a course without learners has no entry.
    pub async fn learners_by_course(&self) -> Result<HashMap<i64, Vec<Learner>>> {
        let rows: Vec<CourseLearner> = sqlx::query_as(sqlx::AssertSqlSafe(learners_sql("")))
            .bind(ambasada_core::Role::Ambassador.as_str())
            .fetch_all(&self.pool)
            .await?;
        let mut out: HashMap<i64, Vec<Learner>> = HashMap::new();
        for r in rows {
            out.entry(r.course_id).or_default().push(r.learner);
        }
        Ok(out)
    }

    /// The numbers of each current member of a program in one course, in one query: a
    /// row per member (also those who have not started), by user id.
    pub async fn members_course_progress(&self, program_id: i64, course_id: i64) -> Result<Vec<CourseProgress>> {
        Ok(sqlx::query_as(
            "SELECT c.id AS course_id, \
             (SELECT COUNT(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons, \
             COALESCE(rd.n, 0) AS lessons_read, \
             (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id) AS questions, \
             COALESCE(qa.passes, 0) AS passes, COALESCE(qa.attempts, 0) AS attempts, qa.best_percent \
             FROM program_members m JOIN users u ON u.id = m.user_id JOIN courses c ON c.id = $2 \
             LEFT JOIN (SELECT r.user_id, COUNT(*) AS n FROM lesson_reads r \
                JOIN course_lessons l ON l.id = r.lesson_id WHERE l.course_id = $2 GROUP BY r.user_id) rd \
               ON rd.user_id = m.user_id \
             LEFT JOIN (SELECT a.user_id, COUNT(*) AS attempts, COUNT(CASE WHEN a.passed = 1 THEN 1 END) AS passes, \
                MAX(a.percent) AS best_percent FROM quiz_attempts a WHERE a.course_id = $2 GROUP BY a.user_id) qa \
               ON qa.user_id = m.user_id \
             WHERE m.program_id = $1 AND m.left_at IS NULL ORDER BY m.user_id",
        )
        .bind(program_id)
        .bind(course_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Sets or clears the course a program requires before an ambassador's first share.
    pub async fn set_required_course(&self, program_id: i64, course_id: Option<i64>) -> Result<()> {
        let r = sqlx::query("UPDATE programs SET required_course_id = $2 WHERE id = $1")
            .bind(program_id)
            .bind(course_id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The course a program requires, if any.
    pub async fn required_course_of(&self, program_id: i64) -> Result<Option<i64>> {
        let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT required_course_id FROM programs WHERE id = $1")
            .bind(program_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// The programs that require a course: (program id, program name), by name.
    pub async fn programs_requiring(&self, course_id: i64) -> Result<Vec<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, name FROM programs WHERE required_course_id = $1 ORDER BY name, id")
                .bind(course_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// A published course required by a program the person currently belongs to that
    /// the person has not completed yet: (course id, title); the lowest id first.
    pub async fn required_course_for(&self, user_id: i64) -> Result<Option<(i64, String)>> {
        let required: Vec<RequiredCourse> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {PROGRESS_COLUMNS}, c.title FROM courses c WHERE c.published = 1 AND EXISTS ( \
             SELECT 1 FROM programs p JOIN program_members m ON m.program_id = p.id \
             WHERE p.required_course_id = c.id AND m.user_id = $1 AND m.left_at IS NULL) \
             ORDER BY c.id"
        )))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(required
            .into_iter()
            .find(|r| !r.progress.progress().is_complete())
            .map(|r| (r.progress.course_id, r.title)))
    }

    /// Every program's required course: program id -> course id, for the programs that
    /// have one.
    pub async fn required_courses(&self) -> Result<HashMap<i64, i64>> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT id, required_course_id FROM programs WHERE required_course_id IS NOT NULL")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }
}
