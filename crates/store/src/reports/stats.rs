//! A program's numbers over a period, read from the roll-ups of migration 0011 and never
//! from raw click rows: the headline figures (the dashboard, the stats API and the
//! monthly review), breakdowns by network, team, content item, ambassador, week or month,
//! and the program's EMV rates.
//!
//! A period is a [`DayRange`] of UTC days. The ambassador grain reads whole months from
//! `stats_ambassador_months` and the days around them from `stats_ambassador_days`
//! ([`period::split`]); content items have only the daily `stats_item_days`. Everything
//! is summed in SQL: a year of a 5 000-ambassador program is a few hundred thousand
//! monthly rows, never its clicks.
//!
//! Definitions (PRODUCT.md, "Definitions used everywhere"):
//! - **enrolled**: ambassadors who were members of the program at some time in the period
//!   (joined before its end, not left before its start) and hold the ambassador role;
//! - **active ambassadors**: people with at least one share in the program in the period;
//! - **applications**: applications attributed to the program created in the period;
//!   **hires**: those now hired whose move to "hired" happened in the period;
//! - **estimated reach**: Σ over (ambassador, network) of shares × the ambassador's
//!   declared network size there, × the network's reach factor; **EMV** per network
//!   from that reach and the human clicks ([`emv`]), summed;
//! - **plan realisation**: done / due of the planned posts whose window ends in the
//!   period, a planned post past its deadline counting as missed
//!   (`core::calendar::status_at`); `None` while nothing is due;
//! - **eNPS**: of the last survey closed before the period ended; `None` without one or
//!   with too few answers (`core::enps::MIN_ANSWERS`).

use crate::{Result, Store};
use ambasada_core::calendar::{GRACE, PostStatus, Realisation};
use ambasada_core::reports::emv::{self, Rates};
use ambasada_core::reports::metrics::{Headline, Totals};
use ambasada_core::reports::period::{self, DayRange, Granularity};
use ambasada_core::tracking::day_number;
use ambasada_core::{Millis, Network};
use sqlx::AssertSqlSafe;

/// What a breakdown groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsBy {
    Network,
    Team,
    Item,
    Ambassador,
    Week,
    Month,
}

impl StatsBy {
    pub const ALL: [StatsBy; 6] = [
        StatsBy::Network,
        StatsBy::Team,
        StatsBy::Item,
        StatsBy::Ambassador,
        StatsBy::Week,
        StatsBy::Month,
    ];

    /// The name in URLs and the API: `network`, `team`, `item`, `ambassador`, `week`,
    /// `month`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatsBy::Network => "network",
            StatsBy::Team => "team",
            StatsBy::Item => "item",
            StatsBy::Ambassador => "ambassador",
            StatsBy::Week => "week",
            StatsBy::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<StatsBy> {
        StatsBy::ALL.into_iter().find(|b| b.as_str() == s.trim())
    }
}

/// The key of the team breakdown's row of people in no team (its label is empty: the
/// caller names it in the reader's language).
pub const NO_TEAM: &str = "none";

/// One row of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatRow {
    /// Network (`linkedin`), team id, item id, user id, or bucket (`2026-W48`,
    /// `2026-11`); [`NO_TEAM`] for people in no team.
    pub key: String,
    /// Network name, team name, item title, person's name, or the bucket again; empty
    /// for [`NO_TEAM`].
    pub label: String,
    pub totals: Totals,
}

/// A network's figures over a period, with the rates its reach and EMV were estimated
/// with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkFigures {
    pub network: Network,
    pub totals: Totals,
    /// Σ shares × the sharer's declared network size (people who declared none count 0).
    pub size_shares: i64,
    pub rates: Rates,
    pub reach: i64,
    pub emv_grosze: i64,
}

/// The ambassador grain of a period: whole months ($2..=$3) and up to two runs of days
/// ($4..=$5, $6..=$7) of program $1. An empty part is bound as 1..=0.
pub(crate) const GRAIN: &str = "SELECT user_id, network, shares, personalised, clicks, bots, visitors, conversions \
     FROM stats_ambassador_months WHERE program_id = $1 AND month >= $2 AND month <= $3 \
     UNION ALL SELECT user_id, network, shares, personalised, clicks, bots, visitors, conversions \
     FROM stats_ambassador_days WHERE program_id = $1 AND day >= $4 AND day <= $5 \
     UNION ALL SELECT user_id, network, shares, personalised, clicks, bots, visitors, conversions \
     FROM stats_ambassador_days WHERE program_id = $1 AND day >= $6 AND day <= $7";

/// The grain summed per person and network (columns as [`GRAIN`]'s, sums NUMERIC on
/// PostgreSQL until cast).
fn per_person() -> String {
    format!(
        "SELECT g.user_id, g.network, SUM(g.shares) AS shares, SUM(g.personalised) AS personalised, \
         SUM(g.clicks) AS clicks, SUM(g.bots) AS bots, SUM(g.visitors) AS visitors, SUM(g.conversions) AS conversions \
         FROM ({GRAIN}) g GROUP BY g.user_id, g.network"
    )
}

/// The six sums of a grain aliased `x`, as BIGINT on both engines (0 over no rows).
const SUMS: &str = "COALESCE(CAST(SUM(x.shares) AS BIGINT), 0), COALESCE(CAST(SUM(x.personalised) AS BIGINT), 0), \
     COALESCE(CAST(SUM(x.clicks) AS BIGINT), 0), COALESCE(CAST(SUM(x.bots) AS BIGINT), 0), \
     COALESCE(CAST(SUM(x.visitors) AS BIGINT), 0), COALESCE(CAST(SUM(x.conversions) AS BIGINT), 0)";

/// [`SUMS`] named as the grain's columns, for a derived table.
const SUMS_NAMED: &str = "COALESCE(CAST(SUM(x.shares) AS BIGINT), 0) AS shares, \
     COALESCE(CAST(SUM(x.personalised) AS BIGINT), 0) AS personalised, \
     COALESCE(CAST(SUM(x.clicks) AS BIGINT), 0) AS clicks, COALESCE(CAST(SUM(x.bots) AS BIGINT), 0) AS bots, \
     COALESCE(CAST(SUM(x.visitors) AS BIGINT), 0) AS visitors, \
     COALESCE(CAST(SUM(x.conversions) AS BIGINT), 0) AS conversions";

/// A row of sums: a key, a label and the six totals.
type KeyedRow = (String, String, i64, i64, i64, i64, i64, i64);
/// A network, its six totals and Σ shares × declared size.
type NetworkRow = (String, i64, i64, i64, i64, i64, i64, i64);
/// A day or month and its six totals.
type DatedRow = (i64, i64, i64, i64, i64, i64, i64);

fn totals_of(r: (i64, i64, i64, i64, i64, i64)) -> Totals {
    Totals {
        shares: r.0,
        personalised: r.1,
        clicks: r.2,
        bots: r.3,
        visitors: r.4,
        conversions: r.5,
    }
}

fn keyed(r: KeyedRow) -> StatRow {
    StatRow {
        key: r.0,
        label: r.1,
        totals: totals_of((r.2, r.3, r.4, r.5, r.6, r.7)),
    }
}

/// The seven binds of [`GRAIN`] for `range` as of `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    months: (i64, i64),
    days: [(i64, i64); 2],
}

const EMPTY: (i64, i64) = (1, 0);

impl Bounds {
    pub(crate) fn of(range: DayRange, today: i64) -> Bounds {
        let s = period::split(range, today);
        debug_assert!(s.days.len() <= 2, "split gives at most two runs of days");
        let day = |i: usize| s.days.get(i).map_or(EMPTY, |d| (d.first, d.last));
        Bounds {
            months: s.months.unwrap_or(EMPTY),
            days: [day(0), day(1)],
        }
    }

    /// The statement with the grain's binds first.
    pub(crate) fn bind<'q, O>(
        &self,
        q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments>,
        program_id: i64,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments> {
        q.bind(program_id)
            .bind(self.months.0)
            .bind(self.months.1)
            .bind(self.days[0].0)
            .bind(self.days[0].1)
            .bind(self.days[1].0)
            .bind(self.days[1].1)
    }
}

fn today_of(now: Millis) -> i64 {
    day_number(now)
}

impl Store {
    /// The program's headline numbers over `range` (UTC days, inclusive), as of `now`
    /// (which decides whether this month is read as a whole and which planned posts are
    /// missed). See the module's definitions. Callers compare with
    /// `program_headline(id, range.previous(), now)`.
    pub async fn program_headline(&self, program_id: i64, range: DayRange, now: Millis) -> Result<Headline> {
        Ok(self.program_figures(program_id, range, now).await?.0)
    }

    /// [`Store::program_headline`] together with the networks it was summed from
    /// ([`Store::program_networks`]), for pages that show both from one reading.
    #[tracing::instrument(skip(self))]
    pub async fn program_figures(
        &self,
        program_id: i64,
        range: DayRange,
        now: Millis,
    ) -> Result<(Headline, Vec<NetworkFigures>)> {
        self.sync_clicks().await;
        let (start, end) = (range.start_millis(), range.end_millis_exclusive());
        let bounds = Bounds::of(range, today_of(now));
        let active = async {
            // The same people as `enrolled` counts: members during the period who hold
            // the ambassador role (a coordinator's own shares do not raise participation).
            let sql = format!(
                "SELECT COUNT(DISTINCT g.user_id) FROM ({GRAIN}) g WHERE g.shares > 0 \
                 AND EXISTS (SELECT 1 FROM program_members m WHERE m.program_id = $1 AND m.user_id = g.user_id \
                   AND m.joined_at < $9 AND (m.left_at IS NULL OR m.left_at >= $8)) \
                 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = g.user_id AND r.role = 'ambassador')"
            );
            let (n,): (i64,) = bounds
                .bind(sqlx::query_as(AssertSqlSafe(sql)), program_id)
                .bind(start)
                .bind(end)
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, crate::StoreError>(n)
        };
        let count = |sql: &'static str| async move {
            let (n,): (i64,) = sqlx::query_as(sql)
                .bind(program_id)
                .bind(start)
                .bind(end)
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, crate::StoreError>(n)
        };
        // Independent readings, each on a connection of its own.
        let (networks, active, enrolled, applications, hires, realisation, enps) = tokio::try_join!(
            self.program_networks(program_id, range, now),
            active,
            count(
                "SELECT COUNT(*) FROM program_members m WHERE m.program_id = $1 AND m.joined_at < $3 \
                 AND (m.left_at IS NULL OR m.left_at >= $2) \
                 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = m.user_id AND r.role = 'ambassador')",
            ),
            count("SELECT COUNT(*) FROM applications WHERE program_id = $1 AND created_at >= $2 AND created_at < $3"),
            count(
                "SELECT COUNT(*) FROM applications a WHERE a.program_id = $1 AND a.stage = 'hired' \
                 AND EXISTS (SELECT 1 FROM application_stages s WHERE s.application_id = a.id \
                 AND s.to_stage = 'hired' AND s.at >= $2 AND s.at < $3)",
            ),
            self.plan_realisation(program_id, range, now),
            self.enps_before(end),
        )?;
        let headline = Headline {
            enrolled,
            active_ambassadors: active,
            totals: networks.iter().map(|n| n.totals).sum(),
            applications,
            hires,
            reach_estimate: networks.iter().map(|n| n.reach).sum(),
            emv_estimate_grosze: networks.iter().map(|n| n.emv_grosze).fold(0, i64::saturating_add),
            plan_realisation: realisation.rate(),
            enps,
        };
        Ok((headline, networks))
    }

    /// Each network's totals, estimated reach and EMV over `range`, with the program's
    /// rates; every network of [`Network::ALL`], in that order (zeros when quiet).
    #[tracing::instrument(skip(self))]
    pub async fn program_networks(&self, program_id: i64, range: DayRange, now: Millis) -> Result<Vec<NetworkFigures>> {
        self.sync_clicks().await;
        let bounds = Bounds::of(range, today_of(now));
        // Summed per person and network first, so that each meets user_networks once.
        let sql = format!(
            "SELECT x.network, {SUMS}, COALESCE(CAST(SUM(x.shares * COALESCE(n.network_size, 0)) AS BIGINT), 0) \
             FROM ({}) x LEFT JOIN user_networks n ON n.user_id = x.user_id AND n.network = x.network \
             GROUP BY x.network",
            per_person()
        );
        let rows: Vec<NetworkRow> = bounds
            .bind(sqlx::query_as(AssertSqlSafe(sql)), program_id)
            .fetch_all(&self.pool)
            .await?;
        let rates = self.emv_rates(program_id).await?;
        Ok(rates
            .into_iter()
            .map(|(network, rates)| {
                let row = rows.iter().find(|r| r.0 == network.as_str());
                let totals = row.map_or_else(Totals::default, |r| totals_of((r.1, r.2, r.3, r.4, r.5, r.6)));
                let size_shares = row.map_or(0, |r| r.7);
                let reach = emv::reach(size_shares, rates);
                NetworkFigures {
                    network,
                    totals,
                    size_shares,
                    rates,
                    reach,
                    emv_grosze: emv::emv_grosze(reach, totals.clicks, rates),
                }
            })
            .collect())
    }

    /// The program's numbers over `range` grouped `by`:
    /// - network: every network in [`Network::ALL`] order;
    /// - team: each team with people who shared or were clicked, by the people's current
    ///   teams (someone in two teams counts in both), and a [`NO_TEAM`] row; by name;
    /// - item: content items (own posts have none), most clicks first, then shares;
    /// - ambassador: people, most shares first, then clicks;
    /// - week, month: every bucket of the range ([`period::buckets`]), zeros included.
    ///
    /// `limit` keeps the first rows only (the dashboard's top 10).
    #[tracing::instrument(skip(self))]
    pub async fn program_breakdown(
        &self,
        program_id: i64,
        range: DayRange,
        now: Millis,
        by: StatsBy,
        limit: Option<i64>,
    ) -> Result<Vec<StatRow>> {
        self.sync_clicks().await;
        let limit = limit.unwrap_or(i64::MAX).max(0);
        let mut rows = match by {
            StatsBy::Network => self
                .program_networks(program_id, range, now)
                .await?
                .into_iter()
                .map(|n| StatRow {
                    key: n.network.as_str().to_string(),
                    label: n.network.label().to_string(),
                    totals: n.totals,
                })
                .collect(),
            StatsBy::Team => self.by_team(program_id, range, now).await?,
            StatsBy::Item => self.by_item(program_id, range, limit).await?,
            StatsBy::Ambassador => self.by_ambassador(program_id, range, now, limit).await?,
            StatsBy::Week => self.trend(program_id, range, Granularity::Week).await?,
            StatsBy::Month => self.trend(program_id, range, Granularity::Month).await?,
        };
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(rows)
    }

    async fn by_team(&self, program_id: i64, range: DayRange, now: Millis) -> Result<Vec<StatRow>> {
        let bounds = Bounds::of(range, today_of(now));
        // Summed per person first, so that each person meets team_members once.
        let sql = format!(
            "SELECT COALESCE(CAST(tm.team_id AS TEXT), '{NO_TEAM}'), COALESCE(t.name, ''), {SUMS} \
             FROM (SELECT g.user_id, SUM(g.shares) AS shares, SUM(g.personalised) AS personalised, \
             SUM(g.clicks) AS clicks, SUM(g.bots) AS bots, SUM(g.visitors) AS visitors, \
             SUM(g.conversions) AS conversions FROM ({GRAIN}) g GROUP BY g.user_id) x \
             LEFT JOIN team_members tm ON tm.user_id = x.user_id LEFT JOIN teams t ON t.id = tm.team_id \
             GROUP BY tm.team_id, t.name ORDER BY CASE WHEN t.name IS NULL THEN 1 ELSE 0 END, t.name, tm.team_id"
        );
        let rows: Vec<KeyedRow> = bounds
            .bind(sqlx::query_as(AssertSqlSafe(sql)), program_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(keyed).collect())
    }

    async fn by_ambassador(&self, program_id: i64, range: DayRange, now: Millis, limit: i64) -> Result<Vec<StatRow>> {
        let bounds = Bounds::of(range, today_of(now));
        // Summed per person before the names join: grouping the grain's rows (200,000
        // over 12 months of 5,000 people) by the names too sorted them on disk on
        // PostgreSQL, 220-250 ms against 95-105 ms this way.
        let sql = format!(
            "SELECT CAST(s.user_id AS TEXT), u.first_name || ' ' || u.last_name, s.shares, s.personalised, \
             s.clicks, s.bots, s.visitors, s.conversions \
             FROM (SELECT x.user_id, {SUMS_NAMED} FROM ({GRAIN}) x GROUP BY x.user_id) s \
             JOIN users u ON u.id = s.user_id \
             ORDER BY s.shares DESC, s.clicks DESC, u.sort_key, s.user_id LIMIT $8"
        );
        let rows: Vec<KeyedRow> = bounds
            .bind(sqlx::query_as(AssertSqlSafe(sql)), program_id)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(keyed).collect())
    }

    async fn by_item(&self, program_id: i64, range: DayRange, limit: i64) -> Result<Vec<StatRow>> {
        let rows: Vec<KeyedRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT CAST(x.item_id AS TEXT), c.title, {SUMS} FROM stats_item_days x \
             JOIN content_items c ON c.id = x.item_id \
             WHERE x.program_id = $1 AND x.day >= $2 AND x.day <= $3 GROUP BY x.item_id, c.title \
             ORDER BY SUM(x.clicks) DESC, SUM(x.shares) DESC, x.item_id LIMIT $4"
        )))
        .bind(program_id)
        .bind(range.first)
        .bind(range.last)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(keyed).collect())
    }

    /// Every bucket of the range with its totals, from the program's daily table (a few
    /// rows a day).
    async fn trend(&self, program_id: i64, range: DayRange, g: Granularity) -> Result<Vec<StatRow>> {
        let buckets = period::buckets(range, g);
        let mut sums = vec![Totals::default(); buckets.len()];
        for (day, t) in self.daily_totals(program_id, range).await? {
            if let Some(i) = buckets.iter().position(|b| b.range.contains(day)) {
                sums[i] += t;
            }
        }
        Ok(buckets
            .into_iter()
            .zip(sums)
            .map(|(b, totals)| StatRow {
                key: b.label.clone(),
                label: b.label,
                totals,
            })
            .collect())
    }

    /// The program's totals per day of `days`.
    async fn daily_totals(&self, program_id: i64, days: DayRange) -> Result<Vec<(i64, Totals)>> {
        let rows: Vec<DatedRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT x.day, {SUMS} FROM stats_program_days x WHERE x.program_id = $1 AND x.day >= $2 \
             AND x.day <= $3 GROUP BY x.day"
        )))
        .bind(program_id)
        .bind(days.first)
        .bind(days.last)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.0, totals_of((r.1, r.2, r.3, r.4, r.5, r.6))))
            .collect())
    }

    /// Plan realisation of the program's planned posts whose window ends in `range`, as
    /// of `now` (a planned post past its deadline is missed), counted in SQL.
    pub async fn plan_realisation(&self, program_id: i64, range: DayRange, now: Millis) -> Result<Realisation> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT pp.status, CASE WHEN pp.status = 'planned' AND pp.ends_at + $4 < $5 THEN 1 ELSE 0 END, COUNT(*) \
             FROM planned_posts pp JOIN calendar_slots s ON s.id = pp.slot_id \
             WHERE s.program_id = $1 AND pp.ends_at >= $2 AND pp.ends_at < $3 GROUP BY 1, 2",
        )
        .bind(program_id)
        .bind(range.start_millis())
        .bind(range.end_millis_exclusive())
        .bind(GRACE)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut r = Realisation::default();
        for (status, overdue, n) in rows {
            let status = match PostStatus::parse(&status).unwrap_or(PostStatus::Planned) {
                PostStatus::Planned if overdue == 1 => PostStatus::Missed,
                s => s,
            };
            for _ in 0..n {
                r.add(status);
            }
        }
        Ok(r)
    }

    /// The eNPS of the last survey closed before `before`; `None` without one or with
    /// too few answers.
    async fn enps_before(&self, before: Millis) -> Result<Option<i64>> {
        let survey: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM enps_surveys WHERE closed_at IS NOT NULL AND closed_at < $1 \
             ORDER BY closed_at DESC, id DESC LIMIT 1",
        )
        .bind(before)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id,)) = survey else { return Ok(None) };
        let tallies: Vec<(i64, i64)> = sqlx::query_as("SELECT score, answers FROM enps_tallies WHERE survey_id = $1")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let mut scores = Vec::new();
        for (score, n) in tallies {
            if let Ok(s) = u8::try_from(score) {
                scores.extend(std::iter::repeat_n(s, usize::try_from(n).unwrap_or(0)));
            }
        }
        Ok(ambasada_core::enps::compute(&scores).map(|r| i64::from(r.score)))
    }

    /// The program's reach and EMV rates of every network in [`Network::ALL`] order: its
    /// own where set, the documented defaults ([`emv::default_rates`]) otherwise.
    pub async fn emv_rates(&self, program_id: i64) -> Result<Vec<(Network, Rates)>> {
        let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT network, reach_factor_per_mille, cpm_grosze, cpc_grosze FROM program_emv_rates WHERE program_id = $1",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Network::ALL
            .into_iter()
            .map(|n| {
                let own = rows.iter().find(|r| r.0 == n.as_str()).map(|r| Rates {
                    reach_factor_per_mille: r.1,
                    cpm_grosze: r.2,
                    cpc_grosze: r.3,
                });
                (n, own.unwrap_or_else(|| emv::default_rates(n)))
            })
            .collect())
    }

    /// Sets the program's rates, in one transaction. A network given its defaults keeps
    /// no row, so that it follows the defaults if a later version changes them.
    pub async fn set_emv_rates(&self, program_id: i64, rates: &[(Network, Rates)]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for (network, r) in rates {
            if *r == emv::default_rates(*network) {
                sqlx::query("DELETE FROM program_emv_rates WHERE program_id = $1 AND network = $2")
                    .bind(program_id)
                    .bind(network.as_str())
                    .execute(&mut *tx)
                    .await?;
            } else {
                // An upsert: two saves at once both land, the later one winning.
                sqlx::query(
                    "INSERT INTO program_emv_rates (program_id, network, reach_factor_per_mille, cpm_grosze, cpc_grosze) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (program_id, network) DO UPDATE SET \
                     reach_factor_per_mille = excluded.reach_factor_per_mille, cpm_grosze = excluded.cpm_grosze, \
                     cpc_grosze = excluded.cpc_grosze",
                )
                .bind(program_id)
                .bind(network.as_str())
                .bind(r.reach_factor_per_mille)
                .bind(r.cpm_grosze)
                .bind(r.cpc_grosze)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
