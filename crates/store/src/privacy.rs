//! Privacy (C14): everything stored about one person, for their copy of it (GDPR
//! article 15): one query per kind of data, each listing its columns (secrets such as
//! password and token hashes are not among them), read into JSON values whatever the
//! engine.
//!
//! eNPS answers are anonymous (stored without the person), so they are not here: only
//! which surveys the person took part in.

use crate::{Result, Store};
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{Column, Row, TypeInfo, ValueRef};

/// One kind of data: its key in the document and its query (`$1`: the person's id;
/// with `by_email`, `$2`: their email in lower case, `$3`: a LIKE pattern, escape `!`,
/// of texts that end with a space and that email).
struct Section {
    key: &'static str,
    sql: &'static str,
    by_email: bool,
}

const fn by_id(key: &'static str, sql: &'static str) -> Section {
    Section {
        key,
        sql,
        by_email: false,
    }
}

const fn by_email(key: &'static str, sql: &'static str) -> Section {
    Section {
        key,
        sql,
        by_email: true,
    }
}

/// The kinds of data, in the document's order. `person` is one object, the rest lists.
const SECTIONS: &[Section] = &[
    by_id(
        "person",
        "SELECT id, email, first_name, last_name, locale, time_zone, created_at, updated_at, \
         deactivated_at, invited_at, hide_on_boards FROM users WHERE id = $1",
    ),
    by_id("roles", "SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role"),
    by_id(
        "teams",
        "SELECT t.name AS team FROM team_members m JOIN teams t ON t.id = m.team_id \
         WHERE m.user_id = $1 ORDER BY t.name",
    ),
    by_id(
        "profile_networks",
        "SELECT network, profile_url, network_size FROM user_networks WHERE user_id = $1 ORDER BY network",
    ),
    by_id(
        "digest_settings",
        "SELECT frequency, hour, weekdays, updated_at FROM digest_settings WHERE user_id = $1",
    ),
    by_id(
        "programs",
        "SELECT p.name AS program, m.joined_at, m.left_at, m.source FROM program_members m \
         JOIN programs p ON p.id = m.program_id WHERE m.user_id = $1 ORDER BY m.joined_at",
    ),
    by_id(
        "program_applications",
        "SELECT p.name AS program, a.networks, a.frequency, a.network_sizes, a.topics, a.motivation, \
         a.score, a.status, a.decision_message, a.decided_at, a.consent_at, a.created_at \
         FROM program_applications a JOIN programs p ON p.id = a.program_id WHERE a.user_id = $1 ORDER BY a.id",
    ),
    by_id(
        "shares",
        "SELECT s.id, s.item_id, c.title AS item_title, s.link_id, s.program_id, s.network, s.text, \
         s.post_url, s.topic, s.personalisation, s.created_at FROM shares s \
         LEFT JOIN content_items c ON c.id = s.item_id WHERE s.user_id = $1 ORDER BY s.id",
    ),
    by_id(
        "links",
        "SELECT l.id, l.code, l.item_id, l.network, l.program_id, l.target_url, l.created_at, \
         CAST(COALESCE((SELECT SUM(d.clicks) FROM click_days d WHERE d.link_id = l.id), 0) AS BIGINT) AS clicks, \
         CAST(COALESCE((SELECT SUM(d.visitors) FROM click_days d WHERE d.link_id = l.id), 0) AS BIGINT) AS visitors_per_day_summed, \
         CAST(COALESCE((SELECT SUM(d.conversions) FROM click_days d WHERE d.link_id = l.id), 0) AS BIGINT) AS conversions \
         FROM tracked_links l WHERE l.user_id = $1 ORDER BY l.id",
    ),
    by_id(
        "points",
        "SELECT program_id, rule, source, amount, reason, created_at FROM points_ledger \
         WHERE user_id = $1 ORDER BY id",
    ),
    by_id(
        "redemptions",
        "SELECT r.id, w.name AS reward, r.program_id, r.points, r.status, r.reason, r.created_at, \
         r.decided_at, r.delivered_at FROM redemptions r JOIN rewards w ON w.id = r.reward_id \
         WHERE r.user_id = $1 ORDER BY r.id",
    ),
    by_id(
        "badges",
        "SELECT badge, earned_at FROM badges_earned WHERE user_id = $1 ORDER BY earned_at",
    ),
    by_id(
        "lessons_read",
        "SELECT c.title AS course, l.title AS lesson, r.read_at FROM lesson_reads r \
         JOIN course_lessons l ON l.id = r.lesson_id JOIN courses c ON c.id = l.course_id \
         WHERE r.user_id = $1 ORDER BY r.read_at",
    ),
    by_id(
        "quiz_attempts",
        "SELECT c.title AS course, a.correct, a.total, a.percent, a.passed, a.created_at \
         FROM quiz_attempts a JOIN courses c ON c.id = a.course_id WHERE a.user_id = $1 ORDER BY a.id",
    ),
    by_id(
        "planned_posts",
        "SELECT slot_id, starts_at, ends_at, status, accepted_at, skip_reason, share_id, decided_at \
         FROM planned_posts WHERE user_id = $1 ORDER BY starts_at",
    ),
    by_id(
        "linkedin_connection",
        "SELECT member_sub, member_name, scope, expires_at, connected_at FROM linkedin_accounts WHERE user_id = $1",
    ),
    by_id(
        "linkedin_posts",
        "SELECT content_id, commentary, due_at, status, failure, post_urn, created_at, updated_at \
         FROM linkedin_posts WHERE user_id = $1 ORDER BY id",
    ),
    by_id(
        "enps_surveys_taken_part_in",
        "SELECT survey_id FROM enps_participants WHERE user_id = $1 ORDER BY survey_id",
    ),
    by_id(
        "notifications",
        "SELECT kind, args, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id",
    ),
    by_id(
        "api_tokens",
        "SELECT name, scopes, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id",
    ),
    by_id(
        "sessions",
        "SELECT created_at, last_seen_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY id",
    ),
    by_id(
        "challenges_won",
        "SELECT c.title AS challenge, c.program_id, c.settled_at FROM challenge_winners w \
         JOIN challenges c ON c.id = w.challenge_id WHERE w.user_id = $1 ORDER BY c.id",
    ),
    by_id(
        "reviews_attended",
        "SELECT review_id FROM review_attendance WHERE user_id = $1 ORDER BY review_id",
    ),
    by_id(
        "review_decisions_owned",
        "SELECT review_id, text, due_day, done_at, created_at FROM review_decisions \
         WHERE owner_id = $1 ORDER BY id",
    ),
    by_id(
        "content_written",
        "SELECT id, title, category, status, created_at, updated_at FROM content_items \
         WHERE author_id = $1 ORDER BY id",
    ),
    by_id(
        "digests_sent",
        "SELECT period, entries, claimed_at FROM digests_sent WHERE user_id = $1 ORDER BY claimed_at",
    ),
    // Emails to them: what and when, not the bodies (an unsent one may hold a reset link).
    // Every bind is used, as PostgreSQL wants.
    by_email(
        "emails",
        "SELECT kind, subject, status, created_at, sent_at FROM outbox \
         WHERE LOWER(to_addr) = $2 AND $3 <> '' AND $1 > 0 ORDER BY id",
    ),
    // By them, and about them: entries whose subject is their email or ends with it.
    by_email(
        "audit",
        "SELECT a.action, a.subject, a.at, \
         CASE WHEN a.actor_id = $1 THEN 'by_them' ELSE 'about_them' END AS role \
         FROM audit_log a \
         WHERE a.actor_id = $1 OR LOWER(a.subject) = $2 OR LOWER(a.subject) LIKE $3 ESCAPE '!' \
         ORDER BY a.id",
    ),
];

/// The columns above that hold a yes or no.
const BOOLEAN_COLUMNS: &[&str] = &["passed", "hide_on_boards"];

/// The keys of the document's kinds of data, in order.
pub fn section_keys() -> Vec<&'static str> {
    SECTIONS.iter().map(|s| s.key).collect()
}

/// A column's value as JSON, whatever type the engine gave it.
fn value(row: &AnyRow, i: usize) -> Value {
    let Ok(raw) = row.try_get_raw(i) else {
        return Value::Null;
    };
    if raw.is_null() {
        return Value::Null;
    }
    let kind = raw.type_info().name().to_ascii_uppercase();
    // Flags are BOOLEAN on PostgreSQL and INTEGER on SQLite: true and false on both.
    let flag = BOOLEAN_COLUMNS.contains(&row.columns()[i].name());
    if kind.contains("BOOL") || flag {
        return row
            .try_get::<bool, _>(i)
            .or_else(|_| row.try_get::<i64, _>(i).map(|n| n != 0))
            .map(Value::from)
            .unwrap_or(Value::Null);
    }
    if let Ok(n) = row.try_get::<i64, _>(i) {
        return Value::from(n);
    }
    if let Ok(f) = row.try_get::<f64, _>(i) {
        return Value::from(f);
    }
    if let Ok(s) = row.try_get::<String, _>(i) {
        return Value::from(s);
    }
    Value::Null
}

fn object(row: &AnyRow) -> Value {
    let mut m = Map::new();
    for (i, c) in row.columns().iter().enumerate() {
        m.insert(c.name().to_string(), value(row, i));
    }
    Value::Object(m)
}

/// A LIKE pattern (escape character `!`) of texts that end with a space and `email`.
pub(crate) fn ends_with_pattern(email: &str) -> String {
    format!("% {}", escape_like(email))
}

/// `text` for a LIKE pattern with the escape character `!`: matched literally.
pub(crate) fn escape_like(text: &str) -> String {
    text.replace('!', "!!").replace('%', "!%").replace('_', "!_")
}

impl Store {
    /// Every table and column of the schema (migrations' own table left out), sorted:
    /// what the processing register is checked against.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let sql = if self.backend() == crate::Backend::Postgres {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '!_sqlx%' ESCAPE '!' \
             ORDER BY 1, 2"
        } else {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite!_%' ESCAPE '!' AND m.name NOT LIKE '!_sqlx%' ESCAPE '!' \
             ORDER BY 1, 2"
        };
        Ok(sqlx::query_as(sql).fetch_all(&self.pool).await?)
    }

    /// Everything stored about a person, by kind (see [`SECTIONS`]); `None` when there is
    /// no such person.
    pub async fn person_export(&self, user_id: i64) -> Result<Option<Map<String, Value>>> {
        let mut out = Map::new();
        let email: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let Some((email,)) = email else {
            return Ok(None);
        };
        let email = email.to_lowercase();
        let pattern = ends_with_pattern(&email);
        for s in SECTIONS {
            let mut q = sqlx::query(s.sql).bind(user_id);
            if s.by_email {
                q = q.bind(email.as_str()).bind(pattern.as_str());
            }
            let rows = q.fetch_all(&self.pool).await?;
            let values: Vec<Value> = rows.iter().map(object).collect();
            let v = if s.key == "person" {
                values.into_iter().next().unwrap_or(Value::Null)
            } else {
                Value::Array(values)
            };
            out.insert(s.key.to_string(), v);
        }
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_email_is_matched_literally() {
        assert_eq!(super::ends_with_pattern("a_b%c!@x.pl"), "% a!_b!%c!!@x.pl");
    }
}
