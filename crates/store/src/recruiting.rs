//! Job offers, applications with their stages and referral attribution, conversions,
//! and rate-limit events.

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;

/// A job offer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobOffer {
    pub id: i64,
    pub title: String,
    pub location: String,
    pub contract_type: String,
    pub description: String,
    pub language: String,
    pub status: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub applications: i64,
}

/// What a recruiter sets on an offer.
#[derive(Debug, Clone)]
pub struct OfferInput {
    pub title: String,
    pub location: String,
    pub contract_type: String,
    pub description: String,
    pub language: String,
    pub open: bool,
}

/// A new application from the careers form.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub offer_id: i64,
    pub name: String,
    pub email: String,
    pub profile_url: Option<String>,
    pub message: String,
    pub cv_file: Option<String>,
    pub consent_text: String,
    /// The optional consent to future recruitments, as shown, when it was given.
    pub future_consent_text: Option<String>,
    /// When that consent ends (`core::retention::consent_until`).
    pub future_consent_until: Option<Millis>,
    /// The click it came through, with the attribution copied from it.
    pub source: Option<crate::tracking::ClickSource>,
}

/// An application as recruiters see it, with where it came from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    pub offer_id: i64,
    pub offer_title: String,
    pub name: String,
    pub email: String,
    pub profile_url: Option<String>,
    pub message: String,
    pub cv_file: Option<String>,
    pub consent_text: String,
    pub stage: String,
    pub ambassador_id: Option<i64>,
    pub ambassador_name: Option<String>,
    pub item_id: Option<i64>,
    pub item_title: Option<String>,
    pub program_name: Option<String>,
    pub network: Option<String>,
    pub created_at: Millis,
    /// When the candidate's personal data was erased.
    pub erased_at: Option<Millis>,
    /// The optional consent to future recruitments, as shown, and when it was given.
    pub future_consent_text: Option<String>,
    pub future_consent_at: Option<Millis>,
    pub future_consent_until: Option<Millis>,
}

/// Referrals summed by a key (ambassador, network or item).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferralSum {
    pub key: String,
    pub label: String,
    pub applications: i64,
    pub hires: i64,
}

/// A conversion reported through the API.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Conversion {
    pub id: i64,
    pub click_id: i64,
    pub kind: String,
    pub external_id: Option<String>,
    pub value: Option<f64>,
    pub created_at: Millis,
}

const OFFER_COLUMNS: &str = "o.id, o.title, o.location, o.contract_type, o.description, o.language, o.status, \
     o.created_at, o.updated_at, (SELECT COUNT(*) FROM applications a WHERE a.offer_id = o.id) AS applications";

const APPLICATION_COLUMNS: &str = "a.id, a.offer_id, o.title AS offer_title, a.name, a.email, a.profile_url, a.message, \
     a.cv_file, a.consent_text, a.stage, a.ambassador_id, u.first_name || ' ' || u.last_name AS ambassador_name, \
     a.item_id, c.title AS item_title, p.name AS program_name, a.network, a.created_at, a.erased_at, \
     a.future_consent_text, a.future_consent_at, a.future_consent_until";

const APPLICATION_JOINS: &str = "FROM applications a JOIN job_offers o ON o.id = a.offer_id \
     LEFT JOIN users u ON u.id = a.ambassador_id LEFT JOIN content_items c ON c.id = a.item_id \
     LEFT JOIN programs p ON p.id = a.program_id";

impl Store {
    /// Whether some application came through (a tracked link to) item `item_id`.
    pub async fn item_has_applications(&self, item_id: i64) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM applications WHERE item_id = $1")
            .bind(item_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    pub async fn create_offer(&self, o: &OfferInput, author: i64, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO job_offers (title, location, contract_type, description, language, status, created_by, \
             created_at, updated_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, \
             CASE WHEN $6 = 'closed' THEN $8 ELSE NULL END) RETURNING id",
        )
        .bind(&o.title)
        .bind(&o.location)
        .bind(&o.contract_type)
        .bind(&o.description)
        .bind(&o.language)
        .bind(if o.open { "open" } else { "closed" })
        .bind(author)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    pub async fn update_offer(&self, id: i64, o: &OfferInput, now: Millis) -> Result<()> {
        let r = sqlx::query(
            "UPDATE job_offers SET title = $2, location = $3, contract_type = $4, description = $5, language = $6, \
             status = $7, updated_at = $8, \
             closed_at = CASE WHEN $7 = 'closed' THEN COALESCE(closed_at, $8) ELSE NULL END WHERE id = $1",
        )
        .bind(id)
        .bind(&o.title)
        .bind(&o.location)
        .bind(&o.contract_type)
        .bind(&o.description)
        .bind(&o.language)
        .bind(if o.open { "open" } else { "closed" })
        .bind(now)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Offers, newest first; only open ones when `open_only`.
    pub async fn offers(&self, open_only: bool) -> Result<Vec<JobOffer>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {OFFER_COLUMNS} FROM job_offers o WHERE ($1 = 0 OR o.status = 'open') ORDER BY o.id DESC"
        )))
        .bind(if open_only { 1i64 } else { 0 })
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn offer(&self, id: i64) -> Result<Option<JobOffer>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {OFFER_COLUMNS} FROM job_offers o WHERE o.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records an application and, when it came through a click, its conversion, in
    /// one transaction.
    pub async fn create_application(&self, a: &NewApplication, now: Millis) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let s = a.source.as_ref();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO applications (offer_id, name, email, profile_url, message, cv_file, consent_text, stage, \
             click_id, ambassador_id, item_id, program_id, network, created_at, updated_at, future_consent_text, \
             future_consent_at, future_consent_until) VALUES ($1, $2, $3, $4, $5, $6, $7, 'new', $8, $9, $10, $11, \
             $12, $13, $13, $14, CASE WHEN $14 IS NULL THEN NULL ELSE $13 END, $15) RETURNING id",
        )
        .bind(a.offer_id)
        .bind(&a.name)
        .bind(&a.email)
        .bind(a.profile_url.as_deref())
        .bind(&a.message)
        .bind(a.cv_file.as_deref())
        .bind(&a.consent_text)
        .bind(s.map(|s| s.click_id))
        .bind(s.map(|s| s.ambassador_id))
        .bind(s.map(|s| s.item_id))
        .bind(s.and_then(|s| s.program_id))
        .bind(s.map(|s| s.network.clone()))
        .bind(now)
        .bind(a.future_consent_text.as_deref())
        .bind(a.future_consent_until)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(s) = s {
            sqlx::query(
                "INSERT INTO conversions (click_id, kind, application_id, created_at) VALUES ($1, 'application', $2, $3)",
            )
            .bind(s.click_id)
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            crate::reports::rollups::add_conversion(&mut tx, s.click_id, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Applications, newest first, optionally of one stage or only referrals.
    pub async fn applications(
        &self,
        stage: Option<&str>,
        referrals_only: bool,
        limit: i64,
    ) -> Result<Vec<Application>> {
        self.applications_to(None, stage, referrals_only, limit).await
    }

    /// Applications, newest first, to one offer when `offer` names it (and in a stage,
    /// and only referrals, as asked).
    pub async fn applications_to(
        &self,
        offer: Option<i64>,
        stage: Option<&str>,
        referrals_only: bool,
        limit: i64,
    ) -> Result<Vec<Application>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {APPLICATION_COLUMNS} {APPLICATION_JOINS} \
             WHERE ($1 IS NULL OR a.stage = $1) AND ($2 = 0 OR a.ambassador_id IS NOT NULL) \
             AND ($4 IS NULL OR a.offer_id = $4) ORDER BY a.id DESC LIMIT $3"
        )))
        .bind(stage)
        .bind(if referrals_only { 1i64 } else { 0 })
        .bind(limit)
        .bind(offer)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn application(&self, id: i64) -> Result<Option<Application>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {APPLICATION_COLUMNS} {APPLICATION_JOINS} WHERE a.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Moves an application to another stage and records who did it. False when it was
    /// no longer in `from`.
    pub async fn move_application(&self, id: i64, from: &str, to: &str, actor: i64, now: Millis) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query("UPDATE applications SET stage = $3, updated_at = $4 WHERE id = $1 AND stage = $2")
            .bind(id)
            .bind(from)
            .bind(to)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO application_stages (application_id, from_stage, to_stage, actor_id, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(from)
        .bind(to)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Referrals summed per ambassador, network or content item (`by` is one of
    /// "ambassador", "network", "item").
    pub async fn referral_sums(&self, by: &str) -> Result<Vec<ReferralSum>> {
        let (key, label, join) = match by {
            "network" => ("a.network", "a.network", ""),
            "item" => (
                "CAST(a.item_id AS TEXT)",
                "MAX(c.title)",
                "LEFT JOIN content_items c ON c.id = a.item_id",
            ),
            _ => (
                "CAST(a.ambassador_id AS TEXT)",
                "MAX(u.first_name || ' ' || u.last_name)",
                "LEFT JOIN users u ON u.id = a.ambassador_id",
            ),
        };
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {key} AS key, COALESCE({label}, '') AS label, COUNT(*) AS applications, \
             CAST(COALESCE(SUM(CASE WHEN a.stage = 'hired' THEN 1 ELSE 0 END), 0) AS BIGINT) AS hires \
             FROM applications a {join} WHERE a.ambassador_id IS NOT NULL GROUP BY {key} \
             ORDER BY applications DESC, key"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a conversion, once per external id: a second report of the same id
    /// returns the first conversion and `false`.
    pub async fn record_conversion(
        &self,
        click_id: i64,
        kind: &str,
        external_id: Option<&str>,
        value: Option<f64>,
        now: Millis,
    ) -> Result<(Conversion, bool)> {
        if let Some(ext) = external_id
            && let Some(existing) = self.conversion_by_external_id(ext).await?
        {
            return Ok((existing, false));
        }
        self.sync_clicks().await;
        let mut tx = self.pool.begin().await?;
        let inserted: std::result::Result<(i64,), _> = sqlx::query_as(
            "INSERT INTO conversions (click_id, kind, external_id, value, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(click_id)
        .bind(kind)
        .bind(external_id)
        .bind(value)
        .bind(now)
        .fetch_one(&mut *tx)
        .await;
        if inserted.is_ok() {
            crate::reports::rollups::add_conversion(&mut tx, click_id, now).await?;
            tx.commit().await?;
        } else {
            drop(tx);
        }
        match inserted {
            Ok((id,)) => Ok((
                Conversion {
                    id,
                    click_id,
                    kind: kind.into(),
                    external_id: external_id.map(str::to_string),
                    value,
                    created_at: now,
                },
                true,
            )),
            // Two reports of one id at once: the loser answers with the winner's row.
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() => {
                let ext = external_id.unwrap_or_default();
                Ok((
                    self.conversion_by_external_id(ext).await?.ok_or(StoreError::NotFound)?,
                    false,
                ))
            }
            Err(e) => Err(e.into()),
        }
    }

    async fn conversion_by_external_id(&self, ext: &str) -> Result<Option<Conversion>> {
        Ok(sqlx::query_as(
            "SELECT id, click_id, kind, external_id, value, created_at FROM conversions WHERE external_id = $1",
        )
        .bind(ext)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Counts an event for a rate limit and says how many there were since `since`
    /// (including this one).
    pub async fn rate_event(&self, kind: &str, key_hash: &str, now: Millis, since: Millis) -> Result<i64> {
        sqlx::query("INSERT INTO rate_events (kind, key_hash, at) VALUES ($1, $2, $3)")
            .bind(kind)
            .bind(key_hash)
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM rate_events WHERE at < $1")
            .bind(now - ambasada_core::DAY)
            .execute(&self.pool)
            .await?;
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND key_hash = $2 AND at >= $3")
                .bind(kind)
                .bind(key_hash)
                .bind(since)
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }
}
