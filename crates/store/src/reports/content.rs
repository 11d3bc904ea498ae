//! Content performance (C11) read from `stats_item_days` (migration 0011), never from raw
//! click rows: one item's numbers per program and network, all time or over a range of
//! UTC days, with the shares that were personalised and the human clicks on their links
//! (does personalisation pay?); and a program's items with their numbers over a range.
//!
//! The roll-up counts shares of content items made within a program; own posts have no
//! item, and a link outside every program is counted only on the item's page
//! (`tracking::link_numbers_by_network`).

use crate::{Result, Store};
use ambasada_core::reports::{DayRange, Totals};

/// An item's numbers on one network in one program.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ItemNetworkNumbers {
    pub program_id: i64,
    pub network: String,
    pub shares: i64,
    /// Of those shares, the personalised ones (`core::reports::is_personalised_share`).
    pub personalised: i64,
    /// Human clicks.
    pub clicks: i64,
    /// Human clicks on links with a personalised share.
    pub personalised_clicks: i64,
    pub visitors: i64,
    pub conversions: i64,
}

impl ItemNetworkNumbers {
    pub fn totals(&self) -> Totals {
        Totals {
            shares: self.shares,
            personalised: self.personalised,
            clicks: self.clicks,
            bots: 0,
            visitors: self.visitors,
            conversions: self.conversions,
        }
    }
}

/// A program's item with its numbers over a range.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProgramItemNumbers {
    pub item_id: i64,
    pub title: String,
    pub shares: i64,
    pub personalised: i64,
    pub clicks: i64,
    pub visitors: i64,
    pub conversions: i64,
}

impl ProgramItemNumbers {
    pub fn totals(&self) -> Totals {
        Totals {
            shares: self.shares,
            personalised: self.personalised,
            clicks: self.clicks,
            bots: 0,
            visitors: self.visitors,
            conversions: self.conversions,
        }
    }
}

const ITEM_SUMS: &str = "CAST(SUM(x.shares) AS BIGINT) AS shares, CAST(SUM(x.personalised) AS BIGINT) AS personalised, \
     CAST(SUM(x.clicks) AS BIGINT) AS clicks, CAST(SUM(x.visitors) AS BIGINT) AS visitors, \
     CAST(SUM(x.conversions) AS BIGINT) AS conversions";

impl Store {
    /// An item's numbers per program and network over a range of UTC days, or all time
    /// (`None`), by network then program. Reads the roll-up through its `(item_id, day)`
    /// index.
    pub async fn item_numbers(&self, item_id: i64, range: Option<DayRange>) -> Result<Vec<ItemNetworkNumbers>> {
        self.sync_clicks().await;
        let (first, last) = range.map_or((i64::MIN, i64::MAX), |r| (r.first, r.last));
        Ok(sqlx::query_as(
            "SELECT program_id, network, CAST(SUM(shares) AS BIGINT) AS shares, \
             CAST(SUM(personalised) AS BIGINT) AS personalised, CAST(SUM(clicks) AS BIGINT) AS clicks, \
             CAST(SUM(personalised_clicks) AS BIGINT) AS personalised_clicks, \
             CAST(SUM(visitors) AS BIGINT) AS visitors, CAST(SUM(conversions) AS BIGINT) AS conversions \
             FROM stats_item_days WHERE item_id = $1 AND day >= $2 AND day <= $3 \
             GROUP BY program_id, network ORDER BY network, program_id",
        )
        .bind(item_id)
        .bind(first)
        .bind(last)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A program's content items with shares or clicks over a range of UTC days, with
    /// their titles; most clicks first, then the newest item.
    pub async fn program_item_numbers(&self, program_id: i64, range: DayRange) -> Result<Vec<ProgramItemNumbers>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT x.item_id, c.title, {ITEM_SUMS} FROM stats_item_days x JOIN content_items c ON c.id = x.item_id \
             WHERE x.program_id = $1 AND x.day >= $2 AND x.day <= $3 GROUP BY x.item_id, c.title \
             HAVING SUM(x.shares) > 0 OR SUM(x.clicks) > 0 OR SUM(x.conversions) > 0 \
             ORDER BY clicks DESC, x.item_id DESC"
        )))
        .bind(program_id)
        .bind(range.first)
        .bind(range.last)
        .fetch_all(&self.pool)
        .await?)
    }
}
