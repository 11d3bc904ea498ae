//! Tracked links and shares.

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;

/// An ambassador's tracked link for one content item and network.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrackedLink {
    pub id: i64,
    pub code: String,
    pub user_id: i64,
    pub item_id: i64,
    pub network: String,
    pub program_id: Option<i64>,
    pub target_url: String,
    pub created_at: Millis,
}

/// A share to record.
#[derive(Debug, Clone)]
pub struct NewShare {
    pub user_id: i64,
    pub item_id: Option<i64>,
    pub link_id: Option<i64>,
    pub program_id: Option<i64>,
    pub network: String,
    pub text: String,
    pub post_url: Option<String>,
    pub topic: Option<String>,
    /// Per mille, for shares of content items.
    pub personalisation: Option<i64>,
}

/// The daily share limit a share is recorded within: at most `limit` shares since
/// `since` (the start of the person's day in their time zone); 0 or less: no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyLimit {
    pub limit: i64,
    pub since: Millis,
}

/// A recorded share, with the item's title when it was one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Share {
    pub id: i64,
    pub user_id: i64,
    pub item_id: Option<i64>,
    pub item_title: Option<String>,
    pub program_id: Option<i64>,
    pub network: String,
    pub text: String,
    pub post_url: Option<String>,
    pub topic: Option<String>,
    pub personalisation: Option<i64>,
    pub created_at: Millis,
}

const LINK_COLUMNS: &str = "id, code, user_id, item_id, network, program_id, target_url, created_at";
const SHARE_COLUMNS: &str = "s.id, s.user_id, s.item_id, c.title AS item_title, s.program_id, s.network, s.text, \
     s.post_url, s.topic, s.personalisation, s.created_at";

impl Store {
    /// The person's link for an item and network, if made already.
    pub async fn tracked_link(&self, user_id: i64, item_id: i64, network: &str) -> Result<Option<TrackedLink>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} FROM tracked_links WHERE user_id = $1 AND item_id = $2 AND network = $3"
        )))
        .bind(user_id)
        .bind(item_id)
        .bind(network)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A link by its code.
    pub async fn tracked_link_by_code(&self, code: &str) -> Result<Option<TrackedLink>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} FROM tracked_links WHERE code = $1"
        )))
        .bind(code)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Makes the person's link for an item and network, or returns the one they have.
    /// A code that is taken already is a [`StoreError::Conflict`] (the caller draws a
    /// new one).
    #[allow(clippy::too_many_arguments)]
    pub async fn create_tracked_link(
        &self,
        code: &str,
        user_id: i64,
        item_id: i64,
        network: &str,
        program_id: Option<i64>,
        target_url: &str,
        now: Millis,
    ) -> Result<TrackedLink> {
        sqlx::query(
            "INSERT INTO tracked_links (code, user_id, item_id, network, program_id, target_url, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, item_id, network) DO NOTHING",
        )
        .bind(code)
        .bind(user_id)
        .bind(item_id)
        .bind(network)
        .bind(program_id)
        .bind(target_url)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(StoreError::on_unique("code"))?;
        self.tracked_link(user_id, item_id, network)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Every tracked link (the demo adds clicks to them).
    pub async fn all_tracked_links(&self) -> Result<Vec<TrackedLink>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} FROM tracked_links ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a share, and in the same transaction marks done the person's planned post
    /// that it fulfils, if any (`core::calendar::share_counts`), and awards its points.
    /// Returns the share's id. For callers that neither keep a daily limit nor look for
    /// a colleague's nearly identical text (the demo); see [`Store::record_share_within`].
    pub async fn record_share(&self, s: &NewShare, now: Millis) -> Result<i64> {
        self.record_share_in(s, false, None, now)
            .await?
            .ok_or_else(|| StoreError::Other("a share without a limit was refused".into()))
    }

    /// [`Store::record_share`] within the person's daily share limit: `None`, and nothing
    /// written, when they reached it. The limit is kept under concurrent requests: the
    /// transaction first locks the person's row, then counts their shares of the day.
    /// `near_identical` says a colleague posted a nearly identical text of the item that
    /// day (the share then earns no personalisation bonus).
    pub async fn record_share_within(
        &self,
        s: &NewShare,
        near_identical: bool,
        limit: DailyLimit,
        now: Millis,
    ) -> Result<Option<i64>> {
        self.record_share_in(s, near_identical, Some(limit), now).await
    }

    async fn record_share_in(
        &self,
        s: &NewShare,
        near_identical: bool,
        limit: Option<DailyLimit>,
        now: Millis,
    ) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        if let Some(limit) = limit {
            // A write first: it takes the person's row lock (PostgreSQL) or the write lock
            // (SQLite), so a concurrent share of theirs waits here and then counts this one.
            sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1")
                .bind(s.user_id)
                .execute(&mut *tx)
                .await?;
            let (today,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM shares WHERE user_id = $1 AND created_at >= $2")
                    .bind(s.user_id)
                    .bind(limit.since)
                    .fetch_one(&mut *tx)
                    .await?;
            if !ambasada_core::content::sharing::within_daily_limit(today, limit.limit) {
                tx.rollback().await?;
                return Ok(None);
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO shares (user_id, item_id, link_id, program_id, network, text, post_url, topic, personalisation, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(s.user_id)
        .bind(s.item_id)
        .bind(s.link_id)
        .bind(s.program_id)
        .bind(&s.network)
        .bind(&s.text)
        .bind(s.post_url.as_deref())
        .bind(s.topic.as_deref())
        .bind(s.personalisation)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(network) = ambasada_core::Network::parse(&s.network) {
            let fact = ambasada_core::calendar::ShareFact {
                content_id: s.item_id,
                network,
                at: now,
            };
            crate::calendar::mark_done_by_share(&mut tx, s.user_id, id, &fact).await?;
        }
        crate::rewards::awarding::share_in(&mut tx, id, s, near_identical, now).await?;
        let fact = crate::reports::rollups::ShareFact {
            program_id: s.program_id,
            user_id: s.user_id,
            item_id: s.item_id,
            link_id: s.link_id,
            network: &s.network,
            at: now,
            personalisation: s.personalisation,
        };
        crate::reports::rollups::add_share(&mut tx, fact).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// How many shares a person recorded since `since`.
    pub async fn shares_since(&self, user_id: i64, since: Millis) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM shares WHERE user_id = $1 AND created_at >= $2")
            .bind(user_id)
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Texts colleagues shared of the same item since `since`, for the near-identical
    /// warning.
    pub async fn colleague_texts_since(&self, item_id: i64, user_id: i64, since: Millis) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT text FROM shares WHERE item_id = $1 AND user_id <> $2 AND created_at >= $3 ORDER BY id DESC LIMIT 200",
        )
        .bind(item_id)
        .bind(user_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// A person's shares, newest first.
    pub async fn shares_of(&self, user_id: i64, limit: i64) -> Result<Vec<Share>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {SHARE_COLUMNS} FROM shares s LEFT JOIN content_items c ON c.id = s.item_id \
             WHERE s.user_id = $1 ORDER BY s.id DESC LIMIT $2"
        )))
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A person's shares of one item, newest first.
    pub async fn shares_of_item(&self, user_id: i64, item_id: i64) -> Result<Vec<Share>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {SHARE_COLUMNS} FROM shares s LEFT JOIN content_items c ON c.id = s.item_id \
             WHERE s.user_id = $1 AND s.item_id = $2 ORDER BY s.id DESC"
        )))
        .bind(user_id)
        .bind(item_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
