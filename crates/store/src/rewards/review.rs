//! What the coordinator's anti-gaming review reads (C10): a program's links with their
//! human clicks and unique visitors, the people whose shares lack a post URL, and the
//! reclassification of a link's repeated clicks as bots together with the correction of
//! the points they earned. Which of them are unusual is decided in
//! `core::rewards::review`.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::tracking::BrowserClass;
use sqlx::AssertSqlSafe;

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

/// What counting a link's repeated visitors as bots did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reclassified {
    /// Clicks counted as bots now.
    pub clicks: u64,
    /// The points taken back from the person who shared the link (by new correction rows).
    pub withdrawn: i64,
    /// That person and the shared item's title, when the link was shared.
    pub sharer: Option<(i64, String)>,
}

impl Store {
    /// The program's links with many human clicks from few visitors since `since`
    /// (`core::rewards::review::many_clicks_from_few_visitors`: at least `min_clicks`,
    /// more than `per_visitor` per unique visitor; a visitor counts once per link and
    /// day), most clicks first. Read from the roll-up `click_days`, which counts whole UTC
    /// days: from the day `since` falls in (the review passes a UTC midnight).
    pub async fn link_clicks(
        &self,
        program_id: i64,
        since: Millis,
        min_clicks: i64,
        per_visitor: i64,
    ) -> Result<Vec<LinkClicks>> {
        self.sync_clicks().await;
        // Only links with a day of more than `per_visitor` clicks per visitor can have
        // more over the window (were every day at most that, so would be their sum), so
        // those few candidates are found first, and only their days are summed, by the
        // key. The ratio is written into the SQL (a number, never text from outside):
        // with the review's ratio the predicate is migration 0015's partial index's, word
        // for word, and the candidates come from that small index.
        let sql = format!(
            "SELECT l.id AS link_id, l.user_id, u.first_name || ' ' || u.last_name AS name, c.title, l.network, \
             g.clicks, g.visitors \
             FROM (SELECT d.link_id, CAST(SUM(d.clicks) AS BIGINT) AS clicks, \
                     CAST(SUM(d.visitors) AS BIGINT) AS visitors \
                   FROM (SELECT DISTINCT f.link_id + 0 AS link_id FROM click_days f \
                         WHERE f.day >= $2 AND f.clicks > {per_visitor} * f.visitors) k \
                   JOIN click_days d ON d.link_id = k.link_id AND d.day >= $2 \
                   GROUP BY d.link_id \
                   HAVING SUM(d.clicks) >= $3 AND SUM(d.clicks) > $4 * \
                     (CASE WHEN SUM(d.visitors) < 1 THEN 1 ELSE SUM(d.visitors) END)) g \
             JOIN tracked_links l ON l.id = g.link_id JOIN users u ON u.id = l.user_id \
             JOIN content_items c ON c.id = l.item_id \
             WHERE l.program_id = $1 \
             ORDER BY g.clicks DESC, l.id"
        );
        Ok(sqlx::query_as(AssertSqlSafe(sql))
            .bind(program_id)
            .bind(ambasada_core::tracking::day_number(since))
            .bind(min_clicks)
            .bind(per_visitor)
            .fetch_all(&self.pool)
            .await?)
    }

    /// The people with shares in the program since `since` that have no post URL, with
    /// how many shares they made in all; most such shares first, at most `limit`.
    pub async fn unverified_shares(&self, program_id: i64, since: Millis, limit: i64) -> Result<Vec<UnverifiedShares>> {
        Ok(sqlx::query_as(
            "SELECT s.user_id, u.first_name || ' ' || u.last_name AS name, COUNT(*) AS shares, \
             CAST(COALESCE(SUM(CASE WHEN s.post_url IS NULL OR s.post_url = '' THEN 1 ELSE 0 END), 0) AS BIGINT) \
               AS without_post_url \
             FROM shares s JOIN users u ON u.id = s.user_id \
             WHERE s.program_id = $1 AND s.created_at >= $2 AND u.erased_at IS NULL \
             GROUP BY s.user_id, u.first_name, u.last_name \
             HAVING SUM(CASE WHEN s.post_url IS NULL OR s.post_url = '' THEN 1 ELSE 0 END) > 0 \
             ORDER BY without_post_url DESC, s.user_id LIMIT $3",
        )
        .bind(program_id)
        .bind(since)
        .bind(limit)
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

    /// Counts as bots the clicks on a link since `since` (a UTC midnight) of every visitor
    /// with more than `max_per_visitor` of them (a visitor's hash is per link and day, so
    /// this is per day), and in the same transaction corrects the click points of every
    /// awarded day since then down to what its remaining human visitors earn
    /// (`awarding::correct_clicks_in`). Running it again takes back only what is still
    /// due, so a rerun repairs and never corrects twice. The link's roll-ups are counted
    /// moved in the same transaction (`reports::rollups::reclassified`).
    pub async fn reclassify_repeat_visitors(
        &self,
        link_id: i64,
        since: Millis,
        max_per_visitor: i64,
        now: Millis,
    ) -> Result<Reclassified> {
        self.sync_clicks().await;
        let mut tx = self.pool.begin().await?;
        let changed: Vec<(Millis, String)> = sqlx::query_as(
            "UPDATE clicks SET browser = $4 WHERE link_id = $1 AND at >= $2 AND browser <> 'bot' AND visitor_hash IN ( \
               SELECT visitor_hash FROM clicks WHERE link_id = $1 AND at >= $2 AND browser <> 'bot' \
               GROUP BY visitor_hash HAVING COUNT(*) > $3) RETURNING at, visitor_hash",
        )
        .bind(link_id)
        .bind(since)
        .bind(max_per_visitor)
        .bind(BrowserClass::Bot.as_str())
        .fetch_all(&mut *tx)
        .await?;
        let clicks = changed.len() as u64;
        crate::reports::rollups::reclassified(&mut tx, link_id, &changed).await?;
        let (sharer, withdrawn) = super::awarding::correct_clicks_in(&mut tx, link_id, since, now).await?;
        tx.commit().await?;
        Ok(Reclassified {
            clicks,
            withdrawn,
            sharer,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_partial_index_has_the_reviews_ratio() {
        let ratio = ambasada_core::rewards::review::SUSPICIOUS_CLICKS_PER_VISITOR;
        for ddl in [
            include_str!("../../migrations/sqlite/0015_suspicious_link_days.sql"),
            include_str!("../../migrations/postgres/0015_suspicious_link_days.sql"),
        ] {
            assert!(
                ddl.contains(&format!("WHERE clicks > {ratio} * visitors;")),
                "a new ratio needs a new partial index (a new migration)"
            );
        }
    }
}
