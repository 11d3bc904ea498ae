//! The numbers leaderboards and challenges rank (C10): per member of a program, the
//! points, shares or human clicks of a period, each board in one grouped query; the
//! teams of a program's members; and the "hide my name on boards" setting.
//!
//! A board's members are the people who belonged to the program at some time during
//! the period (membership is history: a past month's board stays as it was), active
//! accounts only. Bots' hits are recorded in `clicks` with `browser = 'bot'` and never
//! counted here; human clicks count as click points do: a visitor once per link and UTC
//! day, at most [`CLICKS_DAILY_CAP`] per link and day, read from the roll-up `click_days`
//! (never from raw click rows), which counts whole UTC days ([`click_days_of`]).

use crate::{Result, Store};
use ambasada_core::rewards::leaderboards::Metric;
use ambasada_core::rewards::points::CLICKS_DAILY_CAP;
use ambasada_core::{DAY, Millis};
use sqlx::AssertSqlSafe;

/// What a board counts.
#[derive(Debug, Clone, Copy)]
pub struct BoardQuery {
    pub program_id: i64,
    pub metric: Metric,
    /// The period, `[from, to)`.
    pub from: Millis,
    pub to: Millis,
    /// Only the members of this team.
    pub team_id: Option<i64>,
    /// Only shares of (or clicks on links to) this content item; ignored for points.
    pub content_id: Option<i64>,
}

/// One member's numbers in the period.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BoardRow {
    pub user_id: i64,
    pub name: String,
    /// 1: the person hides their name on boards.
    pub hidden: i64,
    pub value: i64,
    /// Their shares in the program in the period (an active ambassador has one).
    pub shares: i64,
}

/// Per person: the ledger's rows of the program in the period, corrections included.
const POINTS: &str = "SELECT user_id, CAST(SUM(amount) AS BIGINT) AS value FROM points_ledger \
     WHERE program_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY user_id";
/// Per person: their shares in the program in the period (of one item when $5 is set).
const SHARES: &str = "SELECT user_id, COUNT(*) AS value FROM shares \
     WHERE program_id = $1 AND created_at >= $2 AND created_at < $3 AND ($5 IS NULL OR item_id = $5) \
     GROUP BY user_id";
/// Per person: the unique human visitors on their links of the program in the period's
/// UTC days `$6..$7` (end excluded), each once per link and day, at most
/// [`CLICKS_DAILY_CAP`] per link and day (bots are never counted in `click_days.visitors`),
/// of one item's links when $5 is set.
fn clicks_query() -> String {
    format!(
        "SELECT l.user_id, CAST(SUM(CASE WHEN d.visitors > {cap} THEN {cap} ELSE d.visitors END) AS BIGINT) AS value \
         FROM click_days d JOIN tracked_links l ON l.id = d.link_id \
         WHERE l.program_id = $1 AND d.day >= $6 AND d.day < $7 AND ($5 IS NULL OR l.item_id = $5) \
         GROUP BY l.user_id",
        cap = CLICKS_DAILY_CAP
    )
}

/// The UTC days whose clicks count in the period `[from, to)`, as `first..end` (end
/// excluded): the days whose last millisecond falls in the period, which is where their
/// click points are dated, so the clicks board and the points board agree. A month in
/// Warsaw (from 22:00 or 23:00 UTC) therefore counts the UTC days that end in it. A
/// period shorter than that, inside one day (a challenge of a few hours), counts its day.
pub fn click_days_of(from: Millis, to: Millis) -> (i64, i64) {
    let first = from.div_euclid(DAY);
    let end = to.div_euclid(DAY);
    if to > from && end <= first {
        (first, first + 1)
    } else {
        (first, end)
    }
}

impl Store {
    /// Every member's value in a period, with their shares (to tell active ambassadors),
    /// by user id; members without anything have 0.
    pub async fn board_rows(&self, q: &BoardQuery) -> Result<Vec<BoardRow>> {
        let values = match q.metric {
            Metric::Points => POINTS.to_string(),
            Metric::Shares => SHARES.to_string(),
            Metric::Clicks => {
                self.sync_clicks().await;
                clicks_query()
            }
        };
        let sql = format!(
            "SELECT u.id AS user_id, u.first_name || ' ' || u.last_name AS name, u.hide_on_boards AS hidden, \
             COALESCE(v.value, 0) AS value, COALESCE(s.n, 0) AS shares \
             FROM program_members m JOIN users u ON u.id = m.user_id \
             LEFT JOIN ({values}) v ON v.user_id = u.id \
             LEFT JOIN (SELECT user_id, COUNT(*) AS n FROM shares \
                WHERE program_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY user_id) s ON s.user_id = u.id \
             WHERE m.program_id = $1 AND m.joined_at < $3 AND (m.left_at IS NULL OR m.left_at >= $2) \
             AND u.deactivated_at IS NULL \
             AND ($4 IS NULL OR EXISTS (SELECT 1 FROM team_members t WHERE t.user_id = u.id AND t.team_id = $4)) \
             ORDER BY u.id"
        );
        let mut query = sqlx::query_as(AssertSqlSafe(sql))
            .bind(q.program_id)
            .bind(q.from)
            .bind(q.to)
            .bind(q.team_id);
        // The points query has no fifth filter, only the clicks query counts days:
        // every placeholder bound, no extra one.
        if q.metric != Metric::Points {
            query = query.bind(q.content_id);
        }
        if q.metric == Metric::Clicks {
            let (first, end) = click_days_of(q.from, q.to);
            query = query.bind(first).bind(end);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// The teams of a program's current and past members: (user id, team id, team name),
    /// by team name.
    pub async fn program_teams(&self, program_id: i64) -> Result<Vec<(i64, i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT tm.user_id, t.id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id \
             WHERE tm.user_id IN (SELECT m.user_id FROM program_members m WHERE m.program_id = $1) \
             ORDER BY t.name, t.id, tm.user_id",
        )
        .bind(program_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Whether a person hides their name on leaderboards.
    pub async fn hides_on_boards(&self, user_id: i64) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT hide_on_boards FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some_and(|(h,)| h != 0))
    }

    /// Sets whether a person hides their name on leaderboards.
    pub async fn set_hide_on_boards(&self, user_id: i64, hide: bool, now: Millis) -> Result<()> {
        sqlx::query("UPDATE users SET hide_on_boards = $2, updated_at = $3 WHERE id = $1")
            .bind(user_id)
            .bind(i64::from(hide))
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::click_days_of;
    use ambasada_core::{DAY, HOUR};

    #[test]
    fn a_period_counts_the_utc_days_that_end_in_it() {
        // April 2026 in Warsaw: 2026-03-31T22:00Z .. 2026-04-30T22:00Z counts March 31st
        // (its 23:00 UTC is April 1st in Warsaw) to April 29th.
        let apr_1 = 20_544;
        assert_eq!(
            click_days_of(apr_1 * DAY - 2 * HOUR, (apr_1 + 30) * DAY - 2 * HOUR),
            (apr_1 - 1, apr_1 + 29)
        );
        // Midnight to midnight UTC: exactly those days.
        assert_eq!(click_days_of(apr_1 * DAY, (apr_1 + 2) * DAY), (apr_1, apr_1 + 2));
        // Two hours inside one day count that day.
        assert_eq!(
            click_days_of(apr_1 * DAY + 9 * HOUR, apr_1 * DAY + 11 * HOUR),
            (apr_1, apr_1 + 1)
        );
        // An empty period counts nothing.
        let (first, end) = click_days_of(apr_1 * DAY, apr_1 * DAY);
        assert!(end <= first);
    }
}
