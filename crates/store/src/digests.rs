//! Email digests (C8): each person's digest preferences, the people a digest may go to,
//! and the claim of a period that makes each digest go out once.
//!
//! The claim is a row of `digests_sent` keyed by (person, period): inserting it is what
//! decides who sends, so two server processes ticking at the same minute cannot both
//! send. The email is queued in the same transaction as the claim, so a claimed period
//! never lacks its email and an email never lacks its claim.

use crate::{Result, Store};
use ambasada_core::{Locale, Millis};
use sqlx::AssertSqlSafe;
use std::collections::HashMap;

/// Stored digest preferences: frequency (`daily`, `weekly`, `off`), hour (0..23, the
/// person's time zone) and weekdays (bit 0 Monday .. bit 6 Sunday).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DigestSettings {
    pub frequency: String,
    pub hour: i64,
    pub weekdays: i64,
}

/// A person a digest may go to: active, able to log in, and not turned off.
#[derive(Debug, Clone)]
pub struct DigestRecipient {
    pub user_id: i64,
    pub email: String,
    pub first_name: String,
    pub locale: Locale,
    pub time_zone: String,
    /// `None`: never chose (the default schedule applies).
    pub settings: Option<DigestSettings>,
    /// Whether they have a feed of content to share (the ambassador role).
    pub ambassador: bool,
    /// The newest claimed period and when it was claimed.
    pub last_period: Option<String>,
    pub last_claimed_at: Option<Millis>,
}

#[derive(sqlx::FromRow)]
struct RecipientRow {
    id: i64,
    email: String,
    first_name: String,
    locale: String,
    time_zone: String,
    frequency: Option<String>,
    hour: Option<i64>,
    weekdays: Option<i64>,
    ambassador: i64,
    last_period: Option<String>,
    last_claimed_at: Option<i64>,
}

/// A digest's email, queued with its claim.
#[derive(Debug, Clone)]
pub struct DigestEmail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

impl Store {
    /// A person's digest preferences, if they ever chose.
    pub async fn digest_settings(&self, user_id: i64) -> Result<Option<DigestSettings>> {
        Ok(
            sqlx::query_as("SELECT frequency, hour, weekdays FROM digest_settings WHERE user_id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Saves a person's digest preferences.
    pub async fn set_digest_settings(&self, user_id: i64, s: &DigestSettings, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO digest_settings (user_id, frequency, hour, weekdays, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (user_id) DO UPDATE SET frequency = excluded.frequency, hour = excluded.hour, \
             weekdays = excluded.weekdays, updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(&s.frequency)
        .bind(s.hour)
        .bind(s.weekdays)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Turns a person's digests off, keeping their hour and weekdays (`default` is
    /// stored for someone who never chose, so turning back on starts from it).
    pub async fn turn_digests_off(&self, user_id: i64, default: &DigestSettings, now: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO digest_settings (user_id, frequency, hour, weekdays, updated_at) VALUES ($1, 'off', $2, $3, $4) \
             ON CONFLICT (user_id) DO UPDATE SET frequency = 'off', updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(default.hour)
        .bind(default.weekdays)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Everyone a digest may go to: active people who can log in and have not turned
    /// digests off, with their preferences and their newest claimed period.
    pub async fn digest_recipients(&self) -> Result<Vec<DigestRecipient>> {
        let rows: Vec<RecipientRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.first_name, u.locale, u.time_zone, ds.frequency, ds.hour, ds.weekdays, \
             CAST(CASE WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'ambassador') \
                  THEN 1 ELSE 0 END AS BIGINT) AS ambassador, \
             (SELECT d.period FROM digests_sent d WHERE d.user_id = u.id \
                  ORDER BY d.claimed_at DESC, d.period DESC LIMIT 1) AS last_period, \
             (SELECT MAX(d.claimed_at) FROM digests_sent d WHERE d.user_id = u.id) AS last_claimed_at \
             FROM users u LEFT JOIN digest_settings ds ON ds.user_id = u.id \
             WHERE u.deactivated_at IS NULL AND u.password_hash IS NOT NULL \
             AND (ds.frequency IS NULL OR ds.frequency <> 'off') ORDER BY u.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| DigestRecipient {
                user_id: r.id,
                email: r.email,
                first_name: r.first_name,
                locale: Locale::parse(&r.locale).unwrap_or_default(),
                time_zone: r.time_zone,
                settings: match (r.frequency, r.hour, r.weekdays) {
                    (Some(frequency), Some(hour), Some(weekdays)) => Some(DigestSettings {
                        frequency,
                        hour,
                        weekdays,
                    }),
                    _ => None,
                },
                ambassador: r.ambassador != 0,
                last_period: r.last_period,
                last_claimed_at: r.last_claimed_at,
            })
            .collect())
    }

    /// Claims a person's digest `period` and, when the claim wins and there is an email,
    /// queues it, in one transaction. `entries` is what the digest lists (0: nothing to
    /// say, so nothing is sent, but the period is still taken). Returns whether this
    /// call won the claim: of several processes claiming the same period, exactly one
    /// does (`ON CONFLICT DO NOTHING` inserts for one and affects no row for the others,
    /// which on PostgreSQL wait for the winner's transaction to end first).
    pub async fn claim_digest(
        &self,
        user_id: i64,
        period: &str,
        entries: i64,
        email: Option<&DigestEmail<'_>>,
        now: Millis,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let won = sqlx::query(
            "INSERT INTO digests_sent (user_id, period, claimed_at, entries) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id, period) DO NOTHING",
        )
        .bind(user_id)
        .bind(period)
        .bind(now)
        .bind(entries)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if won && let Some(m) = email {
            // The outbox row as `Store::enqueue_email` writes it, inside this transaction.
            sqlx::query(
                "INSERT INTO outbox (to_addr, subject, body_text, kind, status, attempts, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, 'digest', 'pending', 0, $4, $4)",
            )
            .bind(m.to)
            .bind(m.subject)
            .bind(m.body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(won)
    }

    /// When each of these content items was announced (published to the feed), for
    /// items that were approved after their start: such an item is new when it was
    /// announced, not when it started.
    pub async fn announced_at(&self, ids: &[i64]) -> Result<HashMap<i64, Millis>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list = (1..=ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let mut q = sqlx::query_as::<_, (i64, Option<i64>)>(AssertSqlSafe(format!(
            "SELECT id, announced_at FROM content_items WHERE id IN ({list})"
        )));
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool)
            .await?
            .into_iter()
            .filter_map(|(id, at)| at.map(|at| (id, at)))
            .collect())
    }
}
