//! Keeping the roll-ups current (migration 0011): per link and day in `click_days`, per
//! program, ambassador, network and day or month in `stats_ambassador_days` and
//! `stats_ambassador_months`, per program, network and day in `stats_program_days`, per
//! program, item, network and day in `stats_item_days`.
//!
//! Every writer adds its deltas in the transaction that writes the facts, so a roll-up
//! never disagrees with the rows it counts: the click journal's loader (SQLite file, on
//! its own rusqlite connection) and the pool's click writer (PostgreSQL, in-memory SQLite)
//! for clicks, bot hits and unique visitors; share confirmation for shares; conversion
//! recording for conversions; the anti-gaming review's reclassification recounts the one
//! link it changed. A unique visitor is a visitor hash per link and day (PRODUCT.md), so
//! the writers remember the hashes of today and yesterday in `click_day_visitors` and
//! count a click's visitor once, when its hash is new for that link and day.
//!
//! The same statements run on rusqlite and on sqlx's Any driver: placeholders `$1..$N`
//! appear in order of their number, which SQLite binds positionally.

use crate::{Result, Store};
use ambasada_core::Millis;
use ambasada_core::reports::{first_day_of_month, is_personalised_share, month_of_day};
use ambasada_core::tracking::day_number;
use sqlx::{Any, AssertSqlSafe, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};

use super::rollup_plan as plan;

/// What a batch of clicks adds to one link and day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delta {
    pub clicks: i64,
    pub bots: i64,
    pub visitors: i64,
    pub conversions: i64,
}

/// One written click as the roll-ups see it.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub link_id: i64,
    pub at: Millis,
    pub visitor_hash: &'a str,
    pub bot: bool,
}

/// Adds a visitor hash for a link and day; one changed row means a new unique visitor.
pub(crate) const ADD_VISITOR: &str =
    "INSERT INTO click_day_visitors (link_id, day, visitor_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

/// Deltas by (link, day).
pub type Groups = BTreeMap<(i64, i64), Delta>;

/// Groups hits by link and day (in key order) and lists the distinct human (link, day,
/// hash) triples whose novelty decides the unique visitors.
pub fn group<'a>(hits: impl IntoIterator<Item = Hit<'a>>) -> (Groups, Vec<(i64, i64, &'a str)>) {
    let mut groups: Groups = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut humans = Vec::new();
    for h in hits {
        let day = day_number(h.at);
        let d = groups.entry((h.link_id, day)).or_default();
        if h.bot {
            d.bots += 1;
        } else {
            d.clicks += 1;
            if seen.insert((h.link_id, day, h.visitor_hash)) {
                humans.push((h.link_id, day, h.visitor_hash));
            }
        }
    }
    (groups, humans)
}

/// Adds the roll-ups of loaded clicks inside the loader's rusqlite transaction.
pub(crate) fn add_hits_rusqlite<'a>(
    tx: &rusqlite::Transaction<'_>,
    hits: impl IntoIterator<Item = Hit<'a>>,
) -> rusqlite::Result<()> {
    let (mut groups, humans) = group(hits);
    {
        let mut add = tx.prepare_cached(&numbered(ADD_VISITOR))?;
        for (link, day, hash) in humans {
            if add.execute(rusqlite::params![link, day, hash])? > 0 {
                groups.entry((link, day)).or_default().visitors += 1;
            }
        }
    }
    let mut links = HashMap::new();
    for &(link, _) in groups.keys() {
        if let std::collections::hash_map::Entry::Vacant(e) = links.entry(link) {
            e.insert(plan::link_facts_rusqlite(tx, link)?);
        }
    }
    plan::Plan::of(&groups, &links).write_rusqlite(tx)
}

/// Adds link-and-day deltas to every roll-up, in a pool transaction.
pub(crate) async fn add_groups(tx: &mut Transaction<'_, Any>, groups: &Groups) -> Result<()> {
    let mut links = HashMap::new();
    for &(link, _) in groups.keys() {
        if let std::collections::hash_map::Entry::Vacant(e) = links.entry(link) {
            e.insert(plan::link_facts(tx, link).await?);
        }
    }
    plan::Plan::of(groups, &links).write(tx).await
}

/// Adds the roll-ups of written clicks inside the pool writer's transaction. New
/// visitor hashes go in multi-row statements that return what they inserted.
pub(crate) async fn add_hits<'a>(tx: &mut Transaction<'_, Any>, hits: impl IntoIterator<Item = Hit<'a>>) -> Result<()> {
    let (mut groups, mut humans) = group(hits);
    // In key order, like every other roll-up write: writers with batches in flight at the
    // same time then wait for each other on a shared visitor instead of deadlocking.
    humans.sort_unstable();
    for chunk in humans.chunks(300) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${})", i * 3 + 1, i * 3 + 2, i * 3 + 3))
            .collect();
        let sql = format!(
            "INSERT INTO click_day_visitors (link_id, day, visitor_hash) VALUES {} ON CONFLICT DO NOTHING \
             RETURNING link_id, day",
            values.join(", ")
        );
        let mut q = sqlx::query_as::<_, (i64, i64)>(AssertSqlSafe(sql));
        for (link, day, hash) in chunk {
            q = q.bind(*link).bind(*day).bind(hash.to_string());
        }
        for (link, day) in q.fetch_all(&mut **tx).await? {
            groups.entry((link, day)).or_default().visitors += 1;
        }
    }
    add_groups(tx, &groups).await
}

/// A confirmed share, as the roll-ups count it.
#[derive(Debug, Clone, Copy)]
pub struct ShareFact<'a> {
    pub program_id: Option<i64>,
    pub user_id: i64,
    pub item_id: Option<i64>,
    pub link_id: Option<i64>,
    pub network: &'a str,
    pub at: Millis,
    pub personalisation: Option<i64>,
}

/// Adds a share to the program's roll-ups (nothing for a share outside a program), in
/// the tables' one order (ambassador days, months, program days, item days). When it is
/// its link's first share and personalised, the link's earlier clicks become
/// personalised clicks of the item (a link's clicks count by its first share).
pub(crate) async fn add_share(tx: &mut Transaction<'_, Any>, s: ShareFact<'_>) -> Result<()> {
    let Some(program) = s.program_id else { return Ok(()) };
    let day = day_number(s.at);
    let personalised = i64::from(is_personalised_share(s.personalisation));
    for (table, bucket_col, bucket) in [
        ("stats_ambassador_days", "day", day),
        ("stats_ambassador_months", "month", month_of_day(day)),
    ] {
        let sql = format!(
            "INSERT INTO {table} (program_id, user_id, network, {bucket_col}, shares, personalised, clicks, bots, \
             visitors, conversions) VALUES ($1, $2, $3, $4, 1, $5, 0, 0, 0, 0) \
             ON CONFLICT (program_id, {bucket_col}, user_id, network) DO UPDATE SET shares = {table}.shares + 1, \
             personalised = {table}.personalised + excluded.personalised"
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(program)
            .bind(s.user_id)
            .bind(s.network.to_string())
            .bind(bucket)
            .bind(personalised)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO stats_program_days (program_id, network, day, shares, personalised, clicks, bots, visitors, \
         conversions) VALUES ($1, $2, $3, 1, $4, 0, 0, 0, 0) \
         ON CONFLICT (program_id, day, network) DO UPDATE SET shares = stats_program_days.shares + 1, \
         personalised = stats_program_days.personalised + excluded.personalised",
    )
    .bind(program)
    .bind(s.network.to_string())
    .bind(day)
    .bind(personalised)
    .execute(&mut **tx)
    .await?;
    if let Some(item) = s.item_id {
        sqlx::query(
            "INSERT INTO stats_item_days (program_id, item_id, network, day, shares, personalised, clicks, \
             personalised_clicks, bots, visitors, conversions) VALUES ($1, $2, $3, $4, 1, $5, 0, 0, 0, 0, 0) \
             ON CONFLICT (program_id, day, item_id, network) DO UPDATE SET shares = stats_item_days.shares + 1, \
             personalised = stats_item_days.personalised + excluded.personalised",
        )
        .bind(program)
        .bind(item)
        .bind(s.network.to_string())
        .bind(day)
        .bind(personalised)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(link) = s.link_id
        && personalised == 1
    {
        plan::first_share_personalises_earlier_clicks(tx, link).await?;
    }
    Ok(())
}

/// Adds a conversion recorded at `at` to the roll-ups of the link its click was on.
pub(crate) async fn add_conversion(tx: &mut Transaction<'_, Any>, click_id: i64, at: Millis) -> Result<()> {
    let link: Option<(i64,)> = sqlx::query_as("SELECT link_id FROM clicks WHERE id = $1")
        .bind(click_id)
        .fetch_optional(&mut **tx)
        .await?;
    if let Some((link,)) = link {
        let d = Delta {
            conversions: 1,
            ..Delta::default()
        };
        add_groups(tx, &BTreeMap::from([((link, day_number(at)), d)])).await?;
    }
    Ok(())
}

/// After the anti-gaming review counted a link's clicks as bots (`changed`: the time
/// and visitor hash of each click it changed, from the UPDATE's RETURNING), moves them
/// from clicks to bot hits in every roll-up and takes back the unique visitors they
/// were: each (day, hash) among them had all its human clicks on that link changed.
/// Built from the changed rows alone, so clicks written meanwhile by another process
/// keep their own counts.
pub(crate) async fn reclassified(
    tx: &mut Transaction<'_, Any>,
    link_id: i64,
    changed: &[(Millis, String)],
) -> Result<()> {
    let mut groups: Groups = BTreeMap::new();
    let mut lost = HashSet::new();
    for (at, hash) in changed {
        let day = day_number(*at);
        let d = groups.entry((link_id, day)).or_default();
        d.clicks -= 1;
        d.bots += 1;
        if lost.insert((day, hash.as_str())) {
            d.visitors -= 1;
        }
    }
    for (day, hash) in &lost {
        sqlx::query("DELETE FROM click_day_visitors WHERE link_id = $1 AND day = $2 AND visitor_hash = $3")
            .bind(link_id)
            .bind(*day)
            .bind(hash.to_string())
            .execute(&mut **tx)
            .await?;
    }
    add_groups(tx, &groups).await
}

/// A statement for rusqlite, whose `$N` would be a named parameter numbered by first
/// appearance: `?N` is SQLite's numbered one.
pub(crate) fn numbered(sql: &str) -> String {
    sql.replace('$', "?")
}

impl Store {
    /// Forgets the visitor hashes of days before yesterday: their days' counts are final
    /// (a click is written within moments of its redirect).
    pub async fn prune_click_day_visitors(&self, today: i64) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM click_day_visitors WHERE day < $1")
            .bind(today - 1)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// Counts every roll-up again from the raw rows (clicks, shares, conversions) and
    /// replaces the tables' contents: for operators after a repair, for the benchmark's
    /// seeded data, and for tests that check the writers against a recount. Not for
    /// request paths: it reads every click. Refused once the retention run has deleted
    /// raw clicks: the recount would lose their days.
    pub async fn rebuild_rollups(&self) -> Result<()> {
        let (deleted,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM retention_runs WHERE clicks > 0")
            .fetch_one(&self.pool)
            .await?;
        if deleted > 0 {
            return Err(crate::StoreError::Conflict(
                "roll-ups: raw clicks were deleted by retention, a recount would lose them",
            ));
        }
        self.sync_clicks().await;
        let mut tx = self.pool.begin().await?;
        for table in [
            "click_days",
            "click_day_visitors",
            "stats_ambassador_days",
            "stats_ambassador_months",
            "stats_program_days",
            "stats_item_days",
        ] {
            sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}")))
                .execute(&mut *tx)
                .await?;
        }
        for sql in REBUILD {
            sqlx::query(*sql).execute(&mut *tx).await?;
        }
        let (first, last): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT MIN(day), MAX(day) FROM stats_ambassador_days")
                .fetch_one(&mut *tx)
                .await?;
        if let (Some(first), Some(last)) = (first, last) {
            for month in month_of_day(first)..=month_of_day(last) {
                sqlx::query(
                    "INSERT INTO stats_ambassador_months (program_id, user_id, network, month, shares, personalised, \
                     clicks, bots, visitors, conversions) \
                     SELECT program_id, user_id, network, CAST($1 AS BIGINT), CAST(SUM(shares) AS BIGINT), \
                     CAST(SUM(personalised) AS BIGINT), CAST(SUM(clicks) AS BIGINT), CAST(SUM(bots) AS BIGINT), \
                     CAST(SUM(visitors) AS BIGINT), CAST(SUM(conversions) AS BIGINT) \
                     FROM stats_ambassador_days WHERE day >= $2 AND day < $3 GROUP BY program_id, user_id, network",
                )
                .bind(month)
                .bind(first_day_of_month(month))
                .bind(first_day_of_month(month + 1))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Every roll-up row as text, in key order: tests compare what the writers kept with
    /// [`Store::rebuild_rollups`]'s recount. Reads whole tables; not for request paths.
    pub async fn rollup_rows(&self) -> Result<Vec<String>> {
        self.sync_clicks().await;
        let mut out = Vec::new();
        let tables: [(&str, &str, &str); 6] = [
            ("click_days", "link_id, day", "clicks, bots, visitors, conversions"),
            ("click_day_visitors", "link_id, day, visitor_hash", "0, 0, 0, 0"),
            (
                "stats_ambassador_days",
                "program_id, day, user_id, network",
                "shares, personalised, clicks, bots + 1000 * visitors + 1000000 * conversions",
            ),
            (
                "stats_ambassador_months",
                "program_id, month, user_id, network",
                "shares, personalised, clicks, bots + 1000 * visitors + 1000000 * conversions",
            ),
            (
                "stats_program_days",
                "program_id, day, network",
                "shares, personalised, clicks, bots + 1000 * visitors + 1000000 * conversions",
            ),
            (
                "stats_item_days",
                "program_id, day, item_id, network",
                "shares + 1000 * personalised, clicks, personalised_clicks, bots + 1000 * visitors + 1000000 * conversions",
            ),
        ];
        for (table, key, values) in tables {
            let sql = format!(
                "SELECT '{table} ' || CAST({} AS TEXT) || ': ' || CAST({} AS TEXT) FROM {table} ORDER BY {key}",
                key.replace(", ", " AS TEXT) || ' ' || CAST("),
                values.replace(", ", " AS TEXT) || ' ' || CAST(")
            );
            let rows: Vec<(String,)> = sqlx::query_as(AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
            out.extend(rows.into_iter().map(|r| r.0));
        }
        Ok(out)
    }
}

/// The recount of [`Store::rebuild_rollups`], as in migration 0011 (months apart).
const REBUILD: &[&str] = &[
    "INSERT INTO click_days (link_id, day, clicks, bots, visitors, conversions) \
     SELECT link_id, day, CAST(SUM(clicks) AS BIGINT), CAST(SUM(bots) AS BIGINT), CAST(SUM(visitors) AS BIGINT), \
     CAST(SUM(conversions) AS BIGINT) FROM ( \
       SELECT k.link_id AS link_id, k.at / 86400000 AS day, \
              SUM(CASE WHEN k.browser <> 'bot' THEN 1 ELSE 0 END) AS clicks, \
              SUM(CASE WHEN k.browser = 'bot' THEN 1 ELSE 0 END) AS bots, \
              COUNT(DISTINCT CASE WHEN k.browser <> 'bot' THEN k.visitor_hash END) AS visitors, 0 AS conversions \
       FROM clicks k GROUP BY k.link_id, k.at / 86400000 \
       UNION ALL \
       SELECT k.link_id, v.created_at / 86400000, 0, 0, 0, COUNT(*) \
       FROM conversions v JOIN clicks k ON k.id = v.click_id GROUP BY k.link_id, v.created_at / 86400000 \
     ) x GROUP BY link_id, day",
    "INSERT INTO click_day_visitors (link_id, day, visitor_hash) \
     SELECT DISTINCT link_id, at / 86400000, visitor_hash FROM clicks \
     WHERE browser <> 'bot' AND at >= (SELECT COALESCE(MAX(at), 0) FROM clicks) - 2 * 86400000",
    "INSERT INTO stats_ambassador_days (program_id, user_id, network, day, shares, personalised, clicks, bots, \
     visitors, conversions) \
     SELECT program_id, user_id, network, day, CAST(SUM(shares) AS BIGINT), CAST(SUM(personalised) AS BIGINT), \
     CAST(SUM(clicks) AS BIGINT), CAST(SUM(bots) AS BIGINT), CAST(SUM(visitors) AS BIGINT), \
     CAST(SUM(conversions) AS BIGINT) FROM ( \
       SELECT s.program_id AS program_id, s.user_id AS user_id, s.network AS network, s.created_at / 86400000 AS day, \
              1 AS shares, CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END \
              AS personalised, 0 AS clicks, 0 AS bots, 0 AS visitors, 0 AS conversions \
       FROM shares s WHERE s.program_id IS NOT NULL \
       UNION ALL \
       SELECT l.program_id, l.user_id, l.network, d.day, 0, 0, d.clicks, d.bots, d.visitors, d.conversions \
       FROM click_days d JOIN tracked_links l ON l.id = d.link_id WHERE l.program_id IS NOT NULL \
     ) x GROUP BY program_id, user_id, network, day",
    "INSERT INTO stats_program_days (program_id, network, day, shares, personalised, clicks, bots, visitors, \
     conversions) \
     SELECT program_id, network, day, CAST(SUM(shares) AS BIGINT), CAST(SUM(personalised) AS BIGINT), \
     CAST(SUM(clicks) AS BIGINT), CAST(SUM(bots) AS BIGINT), CAST(SUM(visitors) AS BIGINT), \
     CAST(SUM(conversions) AS BIGINT) FROM stats_ambassador_days GROUP BY program_id, network, day",
    "INSERT INTO stats_item_days (program_id, item_id, network, day, shares, personalised, clicks, \
     personalised_clicks, bots, visitors, conversions) \
     SELECT program_id, item_id, network, day, CAST(SUM(shares) AS BIGINT), CAST(SUM(personalised) AS BIGINT), \
     CAST(SUM(clicks) AS BIGINT), CAST(SUM(personalised_clicks) AS BIGINT), CAST(SUM(bots) AS BIGINT), \
     CAST(SUM(visitors) AS BIGINT), CAST(SUM(conversions) AS BIGINT) FROM ( \
       SELECT s.program_id AS program_id, s.item_id AS item_id, s.network AS network, \
              s.created_at / 86400000 AS day, 1 AS shares, \
              CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END AS personalised, \
              0 AS clicks, 0 AS personalised_clicks, 0 AS bots, 0 AS visitors, 0 AS conversions \
       FROM shares s WHERE s.program_id IS NOT NULL AND s.item_id IS NOT NULL \
       UNION ALL \
       SELECT l.program_id, l.item_id, l.network, d.day, 0, 0, d.clicks, \
              CASE WHEN COALESCE((SELECT CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END \
                FROM shares s WHERE s.link_id = l.id ORDER BY s.id LIMIT 1), 0) = 1 THEN d.clicks ELSE 0 END, \
              d.bots, d.visitors, d.conversions \
       FROM click_days d JOIN tracked_links l ON l.id = d.link_id WHERE l.program_id IS NOT NULL \
     ) x GROUP BY program_id, item_id, network, day",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_group_by_link_and_day_and_humans_are_distinct() {
        let day = ambasada_core::DAY;
        let hits = [
            Hit {
                link_id: 2,
                at: day + 5,
                visitor_hash: "a",
                bot: false,
            },
            Hit {
                link_id: 2,
                at: day + 9,
                visitor_hash: "a",
                bot: false,
            },
            Hit {
                link_id: 2,
                at: day + 9,
                visitor_hash: "b",
                bot: true,
            },
            Hit {
                link_id: 1,
                at: 2 * day,
                visitor_hash: "a",
                bot: false,
            },
        ];
        let (groups, humans) = group(hits);
        assert_eq!(groups.keys().copied().collect::<Vec<_>>(), vec![(1, 2), (2, 1)]);
        assert_eq!(
            groups[&(2, 1)],
            Delta {
                clicks: 2,
                bots: 1,
                visitors: 0,
                conversions: 0
            }
        );
        assert_eq!(humans, vec![(2, 1, "a"), (1, 2, "a")]);
    }
}
