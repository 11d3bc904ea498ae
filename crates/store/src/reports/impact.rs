//! An ambassador's impact (C11) and a program's click numbers, read from the roll-ups of
//! migration 0011 (`stats_ambassador_days`, `stats_ambassador_months` and
//! `stats_program_days`), never from raw click rows: a program's sums over a range of UTC days, one person's numbers per day and
//! network, their points per day, and the anonymous shares and clicks of the program's
//! active ambassadors that the comparison with the median needs (no names, no ids).
//!
//! Roll-ups count whole UTC days: a range here is a [`DayRange`], and callers holding
//! millisecond bounds say which days they mean (see `programs::goals`).

use crate::{Result, Store};
use ambasada_core::reports::period::{Split, split};
use ambasada_core::reports::{DayRange, Totals};
use sqlx::AssertSqlSafe;

/// The roll-up columns every query here sums, in [`Totals`] order.
const SUMS: &str = "CAST(COALESCE(SUM(shares), 0) AS BIGINT), CAST(COALESCE(SUM(personalised), 0) AS BIGINT), \
     CAST(COALESCE(SUM(clicks), 0) AS BIGINT), CAST(COALESCE(SUM(bots), 0) AS BIGINT), \
     CAST(COALESCE(SUM(visitors), 0) AS BIGINT), CAST(COALESCE(SUM(conversions), 0) AS BIGINT)";

/// The roll-up columns as one query returns them.
type SumRow = (i64, i64, i64, i64, i64, i64);

fn totals((shares, personalised, clicks, bots, visitors, conversions): SumRow) -> Totals {
    Totals {
        shares,
        personalised,
        clicks,
        bots,
        visitors,
        conversions,
    }
}

/// One day of a person's numbers in a program on one network.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AmbassadorDay {
    pub day: i64,
    pub network: String,
    pub shares: i64,
    pub personalised: i64,
    pub clicks: i64,
    pub bots: i64,
    pub visitors: i64,
    pub conversions: i64,
}

impl AmbassadorDay {
    pub fn totals(&self) -> Totals {
        Totals {
            shares: self.shares,
            personalised: self.personalised,
            clicks: self.clicks,
            bots: self.bots,
            visitors: self.visitors,
            conversions: self.conversions,
        }
    }
}

/// One active ambassador's shares and human clicks in a period, without who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerNumbers {
    pub shares: i64,
    pub clicks: i64,
}

/// The bounds a split range binds as `$2..$7`: whole months `$2..=$3` from the monthly
/// table, then up to two runs of days `$4..=$5` and `$6..=$7` from the daily one; a part
/// that is absent is an empty range (1..=0).
fn bounds(s: &Split) -> [i64; 6] {
    let (m_first, m_last) = s.months.unwrap_or((1, 0));
    let day = |i: usize| s.days.get(i).map_or((1, 0), |r| (r.first, r.last));
    let ((a, b), (c, d)) = (day(0), day(1));
    [m_first, m_last, a, b, c, d]
}

/// The rows of program `$1` in a split range (see [`bounds`]), `columns` of each. Each
/// part is its own branch so that each reads its table's primary key (program, month or
/// day, ...) as a range.
fn split_rows(columns: &str) -> String {
    let part = |table: &str, col: &str, lo: u8, hi: u8| {
        format!("SELECT {columns} FROM {table} WHERE program_id = $1 AND {col} >= ${lo} AND {col} <= ${hi}")
    };
    [
        part("stats_ambassador_months", "month", 2, 3),
        part("stats_ambassador_days", "day", 4, 5),
        part("stats_ambassador_days", "day", 6, 7),
    ]
    .join(" UNION ALL ")
}

impl Store {
    /// A program's sums over whole UTC days: shares, personalised shares, human clicks,
    /// bot hits, unique visitors (a visitor hash is per link and day, so the sum of the
    /// days' counts is the distinct count) and conversions. Reads `stats_program_days`, a
    /// few rows per day.
    pub async fn program_rollup_totals(&self, program_id: i64, range: DayRange) -> Result<Totals> {
        self.sync_clicks().await;
        let sql = format!("SELECT {SUMS} FROM stats_program_days WHERE program_id = $1 AND day >= $2 AND day <= $3");
        Ok(totals(
            sqlx::query_as::<_, SumRow>(AssertSqlSafe(sql))
                .bind(program_id)
                .bind(range.first)
                .bind(range.last)
                .fetch_one(&self.pool)
                .await?,
        ))
    }

    /// One person's numbers in a program per UTC day and network over a range, by day
    /// and network (days without anything are absent). Reads the daily roll-up through
    /// its `(user_id, day)` index: one person's year is a few hundred rows.
    pub async fn ambassador_days(&self, program_id: i64, user_id: i64, range: DayRange) -> Result<Vec<AmbassadorDay>> {
        self.sync_clicks().await;
        Ok(sqlx::query_as(
            "SELECT day, network, shares, personalised, clicks, bots, visitors, conversions \
             FROM stats_ambassador_days WHERE user_id = $1 AND day >= $2 AND day <= $3 AND program_id = $4 \
             ORDER BY day, network",
        )
        .bind(user_id)
        .bind(range.first)
        .bind(range.last)
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One person's points in a program per UTC day of the range (the ledger's rows,
    /// corrections included; click points are dated at the last moment of their day),
    /// as (day, points) by day; days without points are absent.
    pub async fn points_by_day(&self, program_id: i64, user_id: i64, range: DayRange) -> Result<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT created_at / 86400000 AS day, CAST(SUM(amount) AS BIGINT) FROM points_ledger \
             WHERE user_id = $1 AND program_id = $2 AND created_at >= $3 AND created_at < $4 \
             GROUP BY created_at / 86400000 ORDER BY day",
        )
        .bind(user_id)
        .bind(program_id)
        .bind(range.start_millis())
        .bind(range.end_millis_exclusive())
        .fetch_all(&self.pool)
        .await?)
    }

    /// The shares and human clicks in a range of every ambassador of the program with at
    /// least one share in it (the program's active ambassadors), for medians: numbers
    /// only, in no particular order, never who they are.
    pub async fn peer_numbers(&self, program_id: i64, range: DayRange, today: i64) -> Result<Vec<PeerNumbers>> {
        self.sync_clicks().await;
        let b = bounds(&split(range, today));
        let sql = format!(
            "SELECT CAST(SUM(shares) AS BIGINT), CAST(SUM(clicks) AS BIGINT) FROM ({}) x \
             GROUP BY user_id HAVING SUM(shares) > 0",
            split_rows("user_id, shares, clicks")
        );
        let mut q = sqlx::query_as::<_, (i64, i64)>(AssertSqlSafe(sql)).bind(program_id);
        for v in b {
            q = q.bind(v);
        }
        Ok(q.fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|(shares, clicks)| PeerNumbers { shares, clicks })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_parts_bind_empty_ranges() {
        let s = Split {
            months: None,
            days: vec![DayRange::new(3, 9).unwrap()],
        };
        assert_eq!(bounds(&s), [1, 0, 3, 9, 1, 0]);
        let s = Split {
            months: Some((10, 12)),
            days: vec![DayRange::new(290, 300).unwrap(), DayRange::new(400, 410).unwrap()],
        };
        assert_eq!(bounds(&s), [10, 12, 290, 300, 400, 410]);
    }

    #[test]
    fn every_part_of_a_split_is_its_own_branch() {
        let sql = split_rows("shares");
        assert_eq!(sql.matches("UNION ALL").count(), 2);
        assert!(sql.contains("FROM stats_ambassador_months WHERE program_id = $1 AND month >= $2 AND month <= $3"));
        assert!(sql.ends_with("FROM stats_ambassador_days WHERE program_id = $1 AND day >= $6 AND day <= $7"));
    }
}
