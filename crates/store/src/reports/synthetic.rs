//! Synthetic volume for `scripts/bench-dashboard.sh`: a program of the size the dashboard
//! must stay fast for (5,000 ambassadors, 12 months, 500,000 shares, 20,000,000 clicks by
//! default), written into an existing program with plain `INSERT … SELECT` over a
//! counting recursive CTE (portable, no rows through Rust), then rolled up from the raw
//! rows with [`Store::rebuild_rollups`]. Not reachable from any request.

use crate::{Result, Store};
use ambasada_core::{DAY, Millis};
use sqlx::AssertSqlSafe;

/// The shape of the synthetic program.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub ambassadors: i64,
    pub items: i64,
    pub shares: i64,
    pub clicks: i64,
    pub days: i64,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            ambassadors: 5_000,
            items: 1_000,
            shares: 500_000,
            clicks: 20_000_000,
            days: 365,
        }
    }
}

/// Rows per statement for the big tables, so that progress shows and no statement
/// holds everything at once.
const CHUNK: i64 = 1_000_000;

fn counting(from: i64, to: i64) -> String {
    // Rows n = from .. to - 1.
    format!(
        "WITH RECURSIVE g(n) AS (SELECT CAST({from} AS BIGINT) UNION ALL SELECT n + 1 FROM g WHERE n < {}) ",
        to - 1
    )
}

impl Store {
    /// Fills `program_id` with `shape`'s ambassadors (password-less accounts that cannot
    /// log in), published items, one tracked link and share per share, and clicks on
    /// them (1 in 20 a bot, a visitor hash shared by two clicks on different links), the
    /// shares spread over `shape.days` days before `now` and each link's clicks over the
    /// three days after its share. `stand_in`, an existing person, takes the first
    /// synthetic ambassador's shares, so that a login sees an ambassador's volume.
    /// `progress` hears what was written.
    pub async fn seed_synthetic(
        &self,
        program_id: i64,
        shape: Shape,
        stand_in: Option<i64>,
        now: Millis,
        progress: impl Fn(&str),
    ) -> Result<()> {
        let start = now - shape.days * DAY;
        let (first_user, first_item) = self.seed_people_and_items(program_id, shape, start).await?;
        progress(&format!("{} ambassadors, {} items", shape.ambassadors, shape.items));
        let at = Seeded {
            program_id,
            shape,
            start,
            first_user,
            first_item,
        };
        let first_link = self.seed_shares(&at, stand_in, &progress).await?;
        self.seed_clicks(&at, first_link, now, &progress).await?;
        progress("rolling up");
        self.rebuild_rollups().await?;
        // On PostgreSQL, VACUUM also sets the visibility map that lets the roll-ups'
        // covering indexes answer without the table (autovacuum does it in time).
        let analyze = if self.backend() == crate::Backend::Postgres {
            "VACUUM ANALYZE"
        } else {
            "ANALYZE"
        };
        sqlx::query(analyze).execute(&self.pool).await?;
        progress("done");
        Ok(())
    }

    /// The ambassadors (members, with a declared LinkedIn network) and the published
    /// items; their first ids.
    async fn seed_people_and_items(&self, program_id: i64, shape: Shape, start: Millis) -> Result<(i64, i64)> {
        let (a, items) = (shape.ambassadors, shape.items);
        let tag = format!("syn{program_id}");
        let mut tx = self.pool.begin().await?;
        sqlx::query(AssertSqlSafe(format!(
            "{}INSERT INTO users (email, first_name, last_name, locale, time_zone, created_at, updated_at, search_key, sort_key) \
             SELECT '{tag}-' || CAST(n AS TEXT) || '@bench.example', 'Ambasador', 'Nr ' || CAST(n AS TEXT), \
             'pl', 'Europe/Warsaw', {start}, {start}, 'ambasador nr ' || CAST(n AS TEXT), 'nr ' || CAST(n AS TEXT) FROM g",
            counting(0, a)
        )))
        .execute(&mut *tx)
        .await?;
        let first_user = first_id(
            &mut tx,
            &format!("SELECT MIN(id), MAX(id) FROM users WHERE email LIKE '{tag}-%'"),
            a,
        )
        .await?;
        let statements = [
            format!(
                "INSERT INTO user_roles (user_id, role) SELECT id, 'ambassador' FROM users WHERE id >= {first_user}"
            ),
            format!(
                "INSERT INTO program_members (program_id, user_id, joined_at, source) \
                 SELECT {program_id}, id, {start}, 'direct' FROM users WHERE id >= {first_user}"
            ),
            format!(
                "INSERT INTO user_networks (user_id, network, profile_url, network_size) \
                 SELECT id, 'linkedin', NULL, 150 + (id * 37) % 1200 FROM users WHERE id >= {first_user}"
            ),
        ];
        for sql in &statements {
            sqlx::query(AssertSqlSafe(sql.clone())).execute(&mut *tx).await?;
        }
        let item_every = shape.days * DAY / items.max(1);
        sqlx::query(AssertSqlSafe(format!(
            "{}INSERT INTO content_items (title, category, target_url, hashtags, language, status, starts_at, created_at, updated_at) \
             SELECT '{tag} post ' || CAST(n AS TEXT), 'employer_branding', \
             'https://bench.example/post/' || CAST(n AS TEXT), '', 'pl', 'published', {start} + n * {item_every}, {start}, {start} FROM g",
            counting(0, items)
        )))
        .execute(&mut *tx)
        .await?;
        let first_item = first_id(
            &mut tx,
            &format!("SELECT MIN(id), MAX(id) FROM content_items WHERE title LIKE '{tag} post %'"),
            items,
        )
        .await?;
        for sql in [format!(
            "INSERT INTO content_programs (item_id, program_id) SELECT id, {program_id} FROM content_items WHERE id >= {first_item}"
        )] {
            sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok((first_user, first_item))
    }

    /// One tracked link and one share per share; the first link's id.
    async fn seed_shares(&self, at: &Seeded, stand_in: Option<i64>, progress: &impl Fn(&str)) -> Result<i64> {
        let Seeded {
            program_id,
            shape,
            start,
            first_user,
            first_item,
        } = *at;
        let (a, items, shares) = (shape.ambassadors, shape.items, shape.shares);
        let tag = format!("syn{program_id}");
        let item_every = shape.days * DAY / items.max(1);
        // Share s: item s / per_item, ambassador s % ambassadors, on LinkedIn but every
        // tenth on X and every tenth on Facebook; within two weeks of its item's start.
        let per_item = (shares / items.max(1)).max(1);
        let owner = match stand_in {
            Some(id) => format!("CASE WHEN n % {a} = 0 THEN {id} ELSE {first_user} + n % {a} END"),
            None => format!("{first_user} + n % {a}"),
        };
        let network = "CASE n % 10 WHEN 0 THEN 'x' WHEN 1 THEN 'facebook' ELSE 'linkedin' END";
        let share_at = format!(
            "{start} + (n / {per_item}) * {item_every} + (n % {per_item}) * {}",
            14 * DAY / per_item
        );
        let mut from = 0;
        while from < shares {
            let to = (from + CHUNK).min(shares);
            let mut tx = self.pool.begin().await?;
            for sql in [
                format!(
                    "{}INSERT INTO tracked_links (code, user_id, item_id, network, program_id, target_url, created_at) \
                     SELECT '{tag}-' || CAST(n AS TEXT), {owner}, {first_item} + (n / {per_item}) % {items}, \
                     {network}, {program_id}, 'https://bench.example/post/' || CAST((n / {per_item}) % {items} AS TEXT), {share_at} FROM g",
                    counting(from, to)
                ),
                format!(
                    "INSERT INTO shares (user_id, item_id, link_id, program_id, network, text, personalisation, created_at) \
                     SELECT l.user_id, l.item_id, l.id, l.program_id, l.network, 'Synthetic text', (l.id * 37) % 1000, l.created_at \
                     FROM tracked_links l WHERE l.code LIKE '{tag}-%' AND NOT EXISTS (SELECT 1 FROM shares s WHERE s.link_id = l.id)"
                ),
            ] {
                sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            from = to;
            progress(&format!("{from} shares"));
        }
        first_id(
            &mut self.pool.begin().await?,
            &format!("SELECT MIN(id), MAX(id) FROM tracked_links WHERE code LIKE '{tag}-%'"),
            shares,
        )
        .await
    }

    /// The clicks, a million rows per statement.
    async fn seed_clicks(&self, at: &Seeded, first_link: i64, now: Millis, progress: &impl Fn(&str)) -> Result<()> {
        let Seeded { shape, start, .. } = *at;
        let (items, shares) = (shape.items, shape.shares);
        let item_every = shape.days * DAY / items.max(1);
        let per_item = (shares / items.max(1)).max(1);
        // Click c: on link c % shares, the (c / shares)-th of its clicks, spread over the
        // three days after the share (never after now).
        let per_link = (shape.clicks / shares.max(1)).max(1);
        let step = 3 * DAY / per_link;
        let link_n = format!("(n % {shares})");
        let click_share_at = format!(
            "{start} + ({link_n} / {per_item}) * {item_every} + ({link_n} % {per_item}) * {}",
            14 * DAY / per_item
        );
        let mut from = 0;
        while from < shape.clicks {
            let to = (from + CHUNK).min(shape.clicks);
            let sql = format!(
                "{}INSERT INTO clicks (link_id, at, network, visitor_hash, browser, referrer_host) \
                 SELECT {first_link} + {link_n}, \
                 CASE WHEN {click_share_at} + (n / {shares}) * {step} < {now} THEN {click_share_at} + (n / {shares}) * {step} ELSE {now} - 1 END, \
                 CASE {link_n} % 10 WHEN 0 THEN 'x' WHEN 1 THEN 'facebook' ELSE 'linkedin' END, \
                 'v' || CAST(n / 2 AS TEXT), CASE WHEN n % 20 = 0 THEN 'bot' ELSE 'desktop' END, NULL FROM g",
                counting(from, to)
            );
            sqlx::query(AssertSqlSafe(sql)).execute(&self.pool).await?;
            from = to;
            progress(&format!("{from} clicks"));
        }
        Ok(())
    }
}

/// Where the seeding stands: the program, its shape and start, the first ids.
#[derive(Clone, Copy)]
struct Seeded {
    program_id: i64,
    shape: Shape,
    start: Millis,
    first_user: i64,
    first_item: i64,
}

/// The first id of `n` rows just inserted in one statement, which must be consecutive
/// (the arithmetic above relies on it): `sql` selects their MIN and MAX id.
async fn first_id(tx: &mut sqlx::Transaction<'_, sqlx::Any>, sql: &str, n: i64) -> Result<i64> {
    let (min, max): (Option<i64>, Option<i64>) = sqlx::query_as(AssertSqlSafe(sql.to_string()))
        .fetch_one(&mut **tx)
        .await?;
    match (min, max) {
        (Some(min), Some(max)) if max - min + 1 == n => Ok(min),
        _ => Err(crate::StoreError::Other(format!(
            "synthetic rows are not consecutive: {min:?}..{max:?} for {n}"
        ))),
    }
}

impl Store {
    /// A program's id by its slug (the benchmark names the demo's program).
    pub async fn program_id_by_slug(&self, slug: &str) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM programs WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }
}

impl Store {
    /// The newest synthetic item of a program (the benchmark opens its pages).
    pub async fn last_synthetic_item(&self, program_id: i64) -> Result<Option<i64>> {
        let row: (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM content_items WHERE title LIKE $1")
            .bind(format!("syn{program_id} post %"))
            .fetch_one(&self.pool)
            .await?;
        Ok(row.0)
    }
}
