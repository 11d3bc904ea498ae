//! What the coordinator's anti-gaming review reads (C10): a program's links with their
//! human clicks and unique visitors, the people whose shares lack a post URL, and the
//! reclassification of a link's repeated clicks as bots. Which of them are unusual is
//! decided in `core::rewards::review`.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::tracking::BrowserClass;

/// A link's human clicks and unique visitors in the window.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkClicks {
    pub link_id: i64,
    pub user_id: i64,
    pub name: String,
    pub title: String,
    pub network: String,
    pub clicks: i64,
    pub visitors: i64,
}

/// A person's shares in the window, and how many of them have no post URL.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnverifiedShares {
    pub user_id: i64,
    pub name: String,
    pub shares: i64,
    pub without_post_url: i64,
}

/// A day whose unique human visitors on a link fell when its clicks were reclassified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct ReclassifiedDay {
    pub day: i64,
    pub before: i64,
    pub after: i64,
}

/// Unique human visitors per UTC day of a link's clicks since a moment.
const VISITORS_PER_DAY: &str = "SELECT k.at / 86400000 AS day, COUNT(DISTINCT k.visitor_hash) AS visitors \
     FROM clicks k WHERE k.link_id = $1 AND k.at >= $2 AND k.browser <> 'bot' GROUP BY k.at / 86400000";

impl Store {
    /// The program's links with human clicks since `since`: clicks and unique visitors
    /// (a visitor counts once per link and day), most clicks first.
    pub async fn link_clicks(&self, program_id: i64, since: Millis) -> Result<Vec<LinkClicks>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT l.id AS link_id, l.user_id, u.first_name || ' ' || u.last_name AS name, c.title, l.network, \
             COUNT(*) AS clicks, COUNT(DISTINCT k.visitor_hash) AS visitors \
             FROM tracked_links l JOIN clicks k ON k.link_id = l.id JOIN users u ON u.id = l.user_id \
             JOIN content_items c ON c.id = l.item_id \
             WHERE l.program_id = $1 AND k.at >= $2 AND k.browser <> 'bot' \
             GROUP BY l.id, l.user_id, u.first_name, u.last_name, c.title, l.network \
             ORDER BY clicks DESC, l.id",
        )
        .bind(program_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The people with shares in the program since `since` that have no post URL, with
    /// how many shares they made in all; most such shares first.
    pub async fn unverified_shares(&self, program_id: i64, since: Millis) -> Result<Vec<UnverifiedShares>> {
        Ok(sqlx::query_as(
            "SELECT s.user_id, u.first_name || ' ' || u.last_name AS name, COUNT(*) AS shares, \
             CAST(COALESCE(SUM(CASE WHEN s.post_url IS NULL OR s.post_url = '' THEN 1 ELSE 0 END), 0) AS BIGINT) \
               AS without_post_url \
             FROM shares s JOIN users u ON u.id = s.user_id \
             WHERE s.program_id = $1 AND s.created_at >= $2 \
             GROUP BY s.user_id, u.first_name, u.last_name \
             HAVING SUM(CASE WHEN s.post_url IS NULL OR s.post_url = '' THEN 1 ELSE 0 END) > 0 \
             ORDER BY without_post_url DESC, s.user_id",
        )
        .bind(program_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Whether a tracked link counts for a program.
    pub async fn link_in_program(&self, link_id: i64, program_id: i64) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tracked_links WHERE id = $1 AND program_id = $2")
            .bind(link_id)
            .bind(program_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Counts as bots the clicks on a link since `since` of every visitor with more than
    /// `max_per_visitor` of them (a visitor's hash is per link and day, so this is per
    /// day). Returns how many clicks changed and the days whose unique human visitors
    /// fell, before and after, in one transaction.
    pub async fn reclassify_repeat_visitors(
        &self,
        link_id: i64,
        since: Millis,
        max_per_visitor: i64,
    ) -> Result<(u64, Vec<ReclassifiedDay>)> {
        self.sync_clicks().await;
        let mut tx = self.pool.begin().await?;
        let before: Vec<(i64, i64)> = sqlx::query_as(VISITORS_PER_DAY)
            .bind(link_id)
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
        let changed = sqlx::query(
            "UPDATE clicks SET browser = $4 WHERE link_id = $1 AND at >= $2 AND browser <> 'bot' AND visitor_hash IN ( \
               SELECT visitor_hash FROM clicks WHERE link_id = $1 AND at >= $2 AND browser <> 'bot' \
               GROUP BY visitor_hash HAVING COUNT(*) > $3)",
        )
        .bind(link_id)
        .bind(since)
        .bind(max_per_visitor)
        .bind(BrowserClass::Bot.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let after: Vec<(i64, i64)> = sqlx::query_as(VISITORS_PER_DAY)
            .bind(link_id)
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let days = before
            .into_iter()
            .map(|(day, b)| ReclassifiedDay {
                day,
                before: b,
                after: after.iter().find(|(d, _)| *d == day).map_or(0, |(_, a)| *a),
            })
            .filter(|d| d.after < d.before)
            .collect();
        Ok((changed, days))
    }
}
