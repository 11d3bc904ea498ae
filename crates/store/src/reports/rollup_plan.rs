//! How link-and-day deltas reach every roll-up: each delta is spread over the keys of
//! each table (the link's program, ambassador, item and network, read once per link),
//! summed per key, and written table by table in one order — click days, ambassador
//! days, ambassador months, program days, item days — and within a table in key order.
//! Every writer (click writers, share confirmation, conversions, the anti-gaming
//! review) takes the rows' locks in that order, so concurrent transactions on
//! PostgreSQL wait for each other instead of deadlocking.

use super::rollups::{Delta, Groups, numbered};
use crate::Result;
use ambasada_core::reports::month_of_day;
use sqlx::{Any, Transaction};
use std::collections::{BTreeMap, HashMap};

/// What the roll-ups need of a link: its program (none: only `click_days` counts it),
/// ambassador, item and network, and whether its first share was personalised (a
/// link's clicks count by its first share, as click points do).
#[derive(Debug, Clone)]
pub(crate) struct LinkFacts {
    program_id: Option<i64>,
    user_id: i64,
    item_id: i64,
    network: String,
    personalised: bool,
}

/// The link's facts; its first share decides "personalised" (an own post, with no
/// score, is personalised; no share yet: not personalised).
const LINK_FACTS: &str = "SELECT l.program_id, l.user_id, l.item_id, l.network, \
     COALESCE((SELECT CASE WHEN s.personalisation IS NULL OR s.personalisation > 300 THEN 1 ELSE 0 END \
               FROM shares s WHERE s.link_id = l.id ORDER BY s.id LIMIT 1), 0) \
     FROM tracked_links l WHERE l.id = $1";

type FactsRow = (Option<i64>, i64, i64, String, i64);

fn facts((program_id, user_id, item_id, network, personalised): FactsRow) -> LinkFacts {
    LinkFacts {
        program_id,
        user_id,
        item_id,
        network,
        personalised: personalised == 1,
    }
}

pub(crate) async fn link_facts(tx: &mut Transaction<'_, Any>, link: i64) -> Result<Option<LinkFacts>> {
    let row: Option<FactsRow> = sqlx::query_as(LINK_FACTS).bind(link).fetch_optional(&mut **tx).await?;
    Ok(row.map(facts))
}

pub(crate) fn link_facts_rusqlite(tx: &rusqlite::Transaction<'_>, link: i64) -> rusqlite::Result<Option<LinkFacts>> {
    use rusqlite::OptionalExtension;
    tx.prepare_cached(&numbered(LINK_FACTS))?
        .query_row([link], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()
        .map(|row| row.map(facts))
}

/// Deltas per key of each table.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    link_days: BTreeMap<(i64, i64), Delta>,
    ambassador_days: BTreeMap<(i64, i64, i64, String), Delta>,
    ambassador_months: BTreeMap<(i64, i64, i64, String), Delta>,
    program_days: BTreeMap<(i64, i64, String), Delta>,
    /// With the personalised clicks.
    item_days: BTreeMap<(i64, i64, i64, String), (Delta, i64)>,
}

fn add(to: &mut Delta, d: Delta) {
    to.clicks += d.clicks;
    to.bots += d.bots;
    to.visitors += d.visitors;
    to.conversions += d.conversions;
}

impl Plan {
    /// Spreads link-and-day deltas over the tables' keys. A link that is gone (deleted
    /// meanwhile) counts nowhere.
    pub(crate) fn of(groups: &Groups, links: &HashMap<i64, Option<LinkFacts>>) -> Plan {
        let mut plan = Plan::default();
        for (&(link, day), &d) in groups {
            let Some(Some(f)) = links.get(&link) else { continue };
            add(plan.link_days.entry((link, day)).or_default(), d);
            let Some(p) = f.program_id else { continue };
            let net = f.network.clone();
            add(
                plan.ambassador_days
                    .entry((p, day, f.user_id, net.clone()))
                    .or_default(),
                d,
            );
            add(
                plan.ambassador_months
                    .entry((p, month_of_day(day), f.user_id, net.clone()))
                    .or_default(),
                d,
            );
            add(plan.program_days.entry((p, day, net.clone())).or_default(), d);
            let item = plan.item_days.entry((p, day, f.item_id, net)).or_default();
            add(&mut item.0, d);
            if f.personalised {
                item.1 += d.clicks;
            }
        }
        plan
    }

    pub(crate) async fn write(&self, tx: &mut Transaction<'_, Any>) -> Result<()> {
        for (&(link, day), d) in &self.link_days {
            sqlx::query(LINK_DAY)
                .bind(link)
                .bind(day)
                .bind(d.clicks)
                .bind(d.bots)
                .bind(d.visitors)
                .bind(d.conversions)
                .execute(&mut **tx)
                .await?;
        }
        for (sql, rows) in [
            (AMBASSADOR_DAY, &self.ambassador_days),
            (AMBASSADOR_MONTH, &self.ambassador_months),
        ] {
            for ((p, bucket, user, net), d) in rows {
                sqlx::query(sql)
                    .bind(*p)
                    .bind(*bucket)
                    .bind(*user)
                    .bind(net.clone())
                    .bind(d.clicks)
                    .bind(d.bots)
                    .bind(d.visitors)
                    .bind(d.conversions)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        for ((p, day, net), d) in &self.program_days {
            sqlx::query(PROGRAM_DAY)
                .bind(*p)
                .bind(*day)
                .bind(net.clone())
                .bind(d.clicks)
                .bind(d.bots)
                .bind(d.visitors)
                .bind(d.conversions)
                .execute(&mut **tx)
                .await?;
        }
        for ((p, day, item, net), (d, personalised)) in &self.item_days {
            sqlx::query(ITEM_DAY)
                .bind(*p)
                .bind(*day)
                .bind(*item)
                .bind(net.clone())
                .bind(d.clicks)
                .bind(*personalised)
                .bind(d.bots)
                .bind(d.visitors)
                .bind(d.conversions)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    pub(crate) fn write_rusqlite(&self, tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
        use rusqlite::params;
        for (&(link, day), d) in &self.link_days {
            tx.prepare_cached(&numbered(LINK_DAY))?.execute(params![
                link,
                day,
                d.clicks,
                d.bots,
                d.visitors,
                d.conversions
            ])?;
        }
        for (sql, rows) in [
            (AMBASSADOR_DAY, &self.ambassador_days),
            (AMBASSADOR_MONTH, &self.ambassador_months),
        ] {
            let mut stmt = tx.prepare_cached(&numbered(sql))?;
            for ((p, bucket, user, net), d) in rows {
                stmt.execute(params![
                    p,
                    bucket,
                    user,
                    net,
                    d.clicks,
                    d.bots,
                    d.visitors,
                    d.conversions
                ])?;
            }
        }
        let mut stmt = tx.prepare_cached(&numbered(PROGRAM_DAY))?;
        for ((p, day, net), d) in &self.program_days {
            stmt.execute(params![p, day, net, d.clicks, d.bots, d.visitors, d.conversions])?;
        }
        let mut stmt = tx.prepare_cached(&numbered(ITEM_DAY))?;
        for ((p, day, item, net), (d, personalised)) in &self.item_days {
            stmt.execute(params![
                p,
                day,
                item,
                net,
                d.clicks,
                personalised,
                d.bots,
                d.visitors,
                d.conversions
            ])?;
        }
        Ok(())
    }
}

/// When a link's first share is personalised, its clicks so far (before the share was
/// confirmed) become the item's personalised clicks too.
pub(crate) async fn first_share_personalises_earlier_clicks(tx: &mut Transaction<'_, Any>, link: i64) -> Result<()> {
    let (shares,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM shares WHERE link_id = $1")
        .bind(link)
        .fetch_one(&mut **tx)
        .await?;
    if shares != 1 {
        return Ok(());
    }
    let Some(f) = link_facts(tx, link).await? else {
        return Ok(());
    };
    let Some(p) = f.program_id else { return Ok(()) };
    let days: Vec<(i64, i64)> =
        sqlx::query_as("SELECT day, clicks FROM click_days WHERE link_id = $1 AND clicks <> 0 ORDER BY day")
            .bind(link)
            .fetch_all(&mut **tx)
            .await?;
    for (day, clicks) in days {
        sqlx::query(ITEM_DAY)
            .bind(p)
            .bind(day)
            .bind(f.item_id)
            .bind(f.network.clone())
            .bind(0_i64)
            .bind(clicks)
            .bind(0_i64)
            .bind(0_i64)
            .bind(0_i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

const LINK_DAY: &str = "INSERT INTO click_days (link_id, day, clicks, bots, visitors, conversions) \
     VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (link_id, day) DO UPDATE SET clicks = click_days.clicks + excluded.clicks, \
     bots = click_days.bots + excluded.bots, visitors = click_days.visitors + excluded.visitors, \
     conversions = click_days.conversions + excluded.conversions";

const AMBASSADOR_DAY: &str = "INSERT INTO stats_ambassador_days \
     (program_id, day, user_id, network, shares, personalised, clicks, bots, visitors, conversions) \
     VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $7, $8) \
     ON CONFLICT (program_id, day, user_id, network) DO UPDATE SET \
     clicks = stats_ambassador_days.clicks + excluded.clicks, bots = stats_ambassador_days.bots + excluded.bots, \
     visitors = stats_ambassador_days.visitors + excluded.visitors, \
     conversions = stats_ambassador_days.conversions + excluded.conversions";

const AMBASSADOR_MONTH: &str = "INSERT INTO stats_ambassador_months \
     (program_id, month, user_id, network, shares, personalised, clicks, bots, visitors, conversions) \
     VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $7, $8) \
     ON CONFLICT (program_id, month, user_id, network) DO UPDATE SET \
     clicks = stats_ambassador_months.clicks + excluded.clicks, bots = stats_ambassador_months.bots + excluded.bots, \
     visitors = stats_ambassador_months.visitors + excluded.visitors, \
     conversions = stats_ambassador_months.conversions + excluded.conversions";

const PROGRAM_DAY: &str = "INSERT INTO stats_program_days \
     (program_id, day, network, shares, personalised, clicks, bots, visitors, conversions) \
     VALUES ($1, $2, $3, 0, 0, $4, $5, $6, $7) \
     ON CONFLICT (program_id, day, network) DO UPDATE SET \
     clicks = stats_program_days.clicks + excluded.clicks, bots = stats_program_days.bots + excluded.bots, \
     visitors = stats_program_days.visitors + excluded.visitors, \
     conversions = stats_program_days.conversions + excluded.conversions";

const ITEM_DAY: &str = "INSERT INTO stats_item_days \
     (program_id, day, item_id, network, shares, personalised, clicks, personalised_clicks, bots, visitors, \
     conversions) VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $7, $8, $9) \
     ON CONFLICT (program_id, day, item_id, network) DO UPDATE SET \
     clicks = stats_item_days.clicks + excluded.clicks, \
     personalised_clicks = stats_item_days.personalised_clicks + excluded.personalised_clicks, \
     bots = stats_item_days.bots + excluded.bots, visitors = stats_item_days.visitors + excluded.visitors, \
     conversions = stats_item_days.conversions + excluded.conversions";
