//! Program goals and the facts their progress is computed from.

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;

/// A stored goal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Goal {
    pub id: i64,
    pub program_id: i64,
    pub metric: String,
    pub target: f64,
    pub period_start: Millis,
    pub period_end: Millis,
    pub created_at: Millis,
}

/// A goal to add.
#[derive(Debug, Clone)]
pub struct NewGoal<'a> {
    pub program_id: i64,
    pub metric: &'a str,
    pub target: f64,
    pub start: Millis,
    pub end: Millis,
    pub by: i64,
}

/// What the program's data says over a period, for `core::goals::measure`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodFacts {
    pub shares: i64,
    pub clicks: i64,
    pub unique_visitors: i64,
    pub applications: i64,
    pub hires: i64,
    pub enrolled: i64,
    pub sharing_ambassadors: i64,
    pub active_ambassadors: i64,
}

impl Store {
    /// Adds a goal to a program.
    pub async fn create_goal(&self, g: &NewGoal<'_>, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO goals (program_id, metric, target, period_start, period_end, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(g.program_id)
        .bind(g.metric)
        .bind(g.target)
        .bind(g.start)
        .bind(g.end)
        .bind(g.by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// A program's goals, the latest period first.
    pub async fn goals(&self, program_id: i64) -> Result<Vec<Goal>> {
        Ok(sqlx::query_as(
            "SELECT id, program_id, metric, target, period_start, period_end, created_at FROM goals \
             WHERE program_id = $1 ORDER BY period_end DESC, id",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Deletes one of a program's goals.
    pub async fn delete_goal(&self, program_id: i64, goal_id: i64) -> Result<()> {
        let r = sqlx::query("DELETE FROM goals WHERE id = $1 AND program_id = $2")
            .bind(goal_id)
            .bind(program_id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The program's numbers over [start, end) as of `now`: shares, clicks (no bots),
    /// unique visitors, applications and hires through its links, ambassadors enrolled
    /// during the period, those who shared, and those active in its last 30 days.
    ///
    /// Shares, sharers, clicks and unique visitors come from the roll-ups, which count
    /// whole UTC days: the days that start within [start, end) ([`click_days_of`]). A
    /// goal's period starts and ends at midnights in Warsaw (22:00 or 23:00 UTC the day
    /// before), so these are the period's own calendar dates, and a period running until
    /// now counts today so far. Applications, hires and enrolment are counted to the
    /// millisecond.
    pub async fn period_facts(&self, program_id: i64, start: Millis, end: Millis, now: Millis) -> Result<PeriodFacts> {
        self.sync_clicks().await;
        let one = |sql: &'static str| async move {
            let (n,): (i64,) = sqlx::query_as(sql)
                .bind(program_id)
                .bind(start)
                .bind(end)
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, crate::StoreError>(n)
        };
        let today = ambasada_core::tracking::day_number(now);
        let days = click_days_of(start, end);
        let active_days = click_days_of((end - 30 * ambasada_core::DAY).max(start), end);
        let (totals, sharing, active) = match days {
            Some(days) => (
                self.program_rollup_totals(program_id, days).await?,
                self.sharers(program_id, days, today).await?,
                match active_days {
                    Some(d) => self.sharers(program_id, d, today).await?,
                    None => 0,
                },
            ),
            None => (ambasada_core::reports::Totals::default(), 0, 0),
        };
        Ok(PeriodFacts {
            shares: totals.shares,
            clicks: totals.clicks,
            unique_visitors: totals.visitors,
            applications: one(
                "SELECT COUNT(*) FROM applications WHERE program_id = $1 AND created_at >= $2 AND created_at < $3",
            )
            .await?,
            hires: one(
                "SELECT COUNT(*) FROM applications WHERE program_id = $1 AND created_at >= $2 AND created_at < $3 \
                 AND stage = 'hired'",
            )
            .await?,
            enrolled: one(
                "SELECT COUNT(*) FROM program_members WHERE program_id = $1 AND joined_at < $3 \
                 AND (left_at IS NULL OR left_at >= $2)",
            )
            .await?,
            sharing_ambassadors: sharing,
            active_ambassadors: active,
        })
    }

    /// The program's members with at least one share in `days`, from the roll-ups
    /// (whole months from the monthly table, the rest day by day).
    async fn sharers(&self, program_id: i64, days: ambasada_core::reports::DayRange, today: i64) -> Result<i64> {
        let bounds = crate::reports::stats::Bounds::of(days, today);
        let sql = format!(
            "SELECT COUNT(DISTINCT g.user_id) FROM ({}) g WHERE g.shares > 0 AND EXISTS \
             (SELECT 1 FROM program_members m WHERE m.program_id = $1 AND m.user_id = g.user_id)",
            crate::reports::stats::GRAIN
        );
        let (n,): (i64,) = bounds
            .bind(sqlx::query_as(sqlx::AssertSqlSafe(sql)), program_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }
}

/// The UTC days that start within [start, end), if any: midnights in Warsaw round up to
/// the UTC midnight of the same date, and an end in the middle of a day (now) counts
/// that day so far.
pub fn click_days_of(start: Millis, end: Millis) -> Option<ambasada_core::reports::DayRange> {
    let first = start.div_euclid(ambasada_core::DAY) + i64::from(start.rem_euclid(ambasada_core::DAY) != 0);
    let after = end.div_euclid(ambasada_core::DAY) + i64::from(end.rem_euclid(ambasada_core::DAY) != 0);
    ambasada_core::reports::DayRange::new(first, after - 1)
}

#[cfg(test)]
mod tests {
    use super::click_days_of;
    use ambasada_core::{DAY, HOUR};

    #[test]
    fn goal_periods_count_the_utc_days_that_start_in_them() {
        // November 2026 in Warsaw: 2026-10-31T23:00Z .. 2026-11-30T23:00Z.
        let nov_1 = 20_758;
        let days = click_days_of(nov_1 * DAY - HOUR, (nov_1 + 30) * DAY - HOUR).unwrap();
        assert_eq!((days.first, days.last), (nov_1, nov_1 + 29));
        // Running until 10:00 today: today counts so far.
        let days = click_days_of(nov_1 * DAY - HOUR, (nov_1 + 5) * DAY + 10 * HOUR).unwrap();
        assert_eq!(days.last, nov_1 + 5);
        // Midnight to midnight UTC.
        let days = click_days_of(nov_1 * DAY, (nov_1 + 1) * DAY).unwrap();
        assert_eq!((days.first, days.last), (nov_1, nov_1));
        // Nothing starts within an hour before midnight.
        assert_eq!(click_days_of(nov_1 * DAY - HOUR, nov_1 * DAY), None);
    }
}
