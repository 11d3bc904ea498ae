//! The content library: items, their suggested texts, targeting and workflow history.

mod search;
pub mod sharing;

pub use search::Search;
use search::search_text;

use crate::{Result, Store, StoreError};
use ambasada_core::Millis;
use sqlx::AssertSqlSafe;
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use std::collections::HashMap;

/// Binds `ids` to `$1..$N` in order.
fn bind_ids<'q, O>(
    mut q: QueryAs<'q, sqlx::Any, O, AnyArguments>,
    ids: &[i64],
) -> QueryAs<'q, sqlx::Any, O, AnyArguments> {
    for id in ids {
        q = q.bind(*id);
    }
    q
}

/// A content item with everything its pages show.
#[derive(Debug, Clone)]
pub struct ContentItem {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub target_url: String,
    pub image_file: Option<String>,
    pub hashtags: String,
    pub language: String,
    pub status: String,
    pub reject_reason: Option<String>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub starts_at: Millis,
    pub expires_at: Option<Millis>,
    pub created_at: Millis,
    pub updated_at: Millis,
    /// Suggested text per network (network name, text).
    pub texts: Vec<(String, String)>,
    pub program_ids: Vec<i64>,
    pub team_ids: Vec<i64>,
}

impl ContentItem {
    /// The suggested text for a network, if the item has one.
    pub fn text_for(&self, network: &str) -> Option<&str> {
        self.texts.iter().find(|(n, _)| n == network).map(|(_, t)| t.as_str())
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    title: String,
    category: String,
    target_url: String,
    image_file: Option<String>,
    hashtags: String,
    language: String,
    status: String,
    reject_reason: Option<String>,
    author_id: Option<i64>,
    author_name: Option<String>,
    starts_at: i64,
    expires_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

const ITEM_COLUMNS: &str = "c.id, c.title, c.category, c.target_url, c.image_file, c.hashtags, c.language, c.status, \
     c.reject_reason, c.author_id, u.first_name || ' ' || u.last_name AS author_name, c.starts_at, c.expires_at, \
     c.created_at, c.updated_at";

/// What an editor sets on an item.
#[derive(Debug, Clone)]
pub struct ContentInput {
    pub title: String,
    pub category: String,
    pub target_url: String,
    /// `None`: keep the current image; `Some(None)`: remove it; `Some(Some(f))`: set it.
    pub image_file: Option<Option<String>>,
    pub hashtags: String,
    pub language: String,
    pub starts_at: Millis,
    pub expires_at: Option<Millis>,
    pub texts: Vec<(String, String)>,
    pub program_ids: Vec<i64>,
    pub team_ids: Vec<i64>,
}

/// A row of the library list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContentSummary {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub status: String,
    pub language: String,
    pub author_name: Option<String>,
    pub starts_at: Millis,
    pub expires_at: Option<Millis>,
    pub updated_at: Millis,
    pub shares: i64,
}

/// One step of an item's workflow.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Transition {
    pub from_status: String,
    pub to_status: String,
    pub actor_name: Option<String>,
    pub note: Option<String>,
    pub at: Millis,
}

/// An item in an ambassador's feed, with how often they shared it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedItem {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub image_file: Option<String>,
    pub language: String,
    pub starts_at: Millis,
    pub expires_at: Option<Millis>,
    pub my_shares: i64,
}

/// Which library rows to list.
#[derive(Debug, Clone, Default)]
pub struct ContentFilter {
    pub status: Option<String>,
    pub author_id: Option<i64>,
    pub search: Search,
    pub limit: i64,
    pub offset: i64,
}

/// The visibility rule of the feed, over `c` (the item) for person `$1` at time `$2`:
/// approved or published, started, not expired, aimed at one of their programs (or at
/// none) and one of their teams (or at none). `notifications::content_audience` reuses it
/// with `$1` replaced by each member: keep its placeholders to `$1` and `$2`.
pub(crate) const VISIBLE: &str = "c.status IN ('approved', 'published') AND c.starts_at <= $2 \
     AND (c.expires_at IS NULL OR c.expires_at > $2) \
     AND (NOT EXISTS (SELECT 1 FROM content_programs cp WHERE cp.item_id = c.id) \
          OR EXISTS (SELECT 1 FROM content_programs cp JOIN program_members pm ON pm.program_id = cp.program_id \
                     WHERE cp.item_id = c.id AND pm.user_id = $1 AND pm.left_at IS NULL)) \
     AND (NOT EXISTS (SELECT 1 FROM content_teams ct WHERE ct.item_id = c.id) \
          OR EXISTS (SELECT 1 FROM content_teams ct JOIN team_members tm ON tm.team_id = ct.team_id \
                     WHERE ct.item_id = c.id AND tm.user_id = $1))";

impl From<ItemRow> for ContentItem {
    fn from(r: ItemRow) -> ContentItem {
        ContentItem {
            id: r.id,
            title: r.title,
            category: r.category,
            target_url: r.target_url,
            image_file: r.image_file,
            hashtags: r.hashtags,
            language: r.language,
            status: r.status,
            reject_reason: r.reject_reason,
            author_id: r.author_id,
            author_name: r.author_name,
            starts_at: r.starts_at,
            expires_at: r.expires_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
            texts: Vec::new(),
            program_ids: Vec::new(),
            team_ids: Vec::new(),
        }
    }
}

impl Store {
    async fn write_targets(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: i64, input: &ContentInput) -> Result<()> {
        sqlx::query("UPDATE content_items SET search_text = $2 WHERE id = $1")
            .bind(id)
            .bind(search_text(&input.title, &input.hashtags, &input.texts))
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM content_texts WHERE item_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        for (network, body) in &input.texts {
            sqlx::query("INSERT INTO content_texts (item_id, network, body) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(network)
                .bind(body)
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query("DELETE FROM content_programs WHERE item_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        for p in &input.program_ids {
            sqlx::query("INSERT INTO content_programs (item_id, program_id) VALUES ($1, $2)")
                .bind(id)
                .bind(p)
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query("DELETE FROM content_teams WHERE item_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        for t in &input.team_ids {
            sqlx::query("INSERT INTO content_teams (item_id, team_id) VALUES ($1, $2)")
                .bind(id)
                .bind(t)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Creates an item in `status` (draft, or submitted for an ambassador's suggestion)
    /// and records that first step.
    pub async fn create_content(&self, input: &ContentInput, author_id: i64, status: &str, now: Millis) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO content_items (title, category, target_url, image_file, hashtags, language, status, \
             author_id, starts_at, expires_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(&input.title)
        .bind(&input.category)
        .bind(&input.target_url)
        .bind(input.image_file.clone().flatten())
        .bind(&input.hashtags)
        .bind(&input.language)
        .bind(status)
        .bind(author_id)
        .bind(input.starts_at)
        .bind(input.expires_at)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        Self::write_targets(&mut tx, id, input).await?;
        sqlx::query(
            "INSERT INTO content_transitions (item_id, from_status, to_status, actor_id, at) VALUES ($1, '', $2, $3, $4)",
        )
        .bind(id)
        .bind(status)
        .bind(author_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an item's fields while it is in `expected_status`, moving it to
    /// `new_status` (editing a rejected or submitted item returns it to draft).
    /// `NotFound` when the item is gone or its status changed meanwhile.
    pub async fn update_content(
        &self,
        id: i64,
        input: &ContentInput,
        expected_status: &str,
        new_status: &str,
        actor_id: i64,
        now: Millis,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let keep_image = input.image_file.is_none();
        let r = sqlx::query(
            "UPDATE content_items SET title = $2, category = $3, target_url = $4, \
             image_file = CASE WHEN $5 = 1 THEN image_file ELSE $6 END, hashtags = $7, language = $8, \
             starts_at = $9, expires_at = $10, status = $11, updated_at = $12 \
             WHERE id = $1 AND status = $13",
        )
        .bind(id)
        .bind(&input.title)
        .bind(&input.category)
        .bind(&input.target_url)
        .bind(if keep_image { 1i64 } else { 0 })
        .bind(input.image_file.clone().flatten())
        .bind(&input.hashtags)
        .bind(&input.language)
        .bind(input.starts_at)
        .bind(input.expires_at)
        .bind(new_status)
        .bind(now)
        .bind(expected_status)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Self::write_targets(&mut tx, id, input).await?;
        if expected_status != new_status {
            sqlx::query(
                "INSERT INTO content_transitions (item_id, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(expected_status)
            .bind(new_status)
            .bind(actor_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Moves an item from `from` to `to` and records who did it. False when the item
    /// was no longer in `from` (someone else acted first).
    pub async fn transition_content(
        &self,
        id: i64,
        from: &str,
        to: &str,
        actor_id: Option<i64>,
        note: Option<&str>,
        now: Millis,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "UPDATE content_items SET status = $3, updated_at = $4, \
             reject_reason = CASE WHEN $3 = 'rejected' THEN $5 ELSE reject_reason END \
             WHERE id = $1 AND status = $2",
        )
        .bind(id)
        .bind(from)
        .bind(to)
        .bind(now)
        .bind(note)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO content_transitions (item_id, from_status, to_status, actor_id, note, at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(from)
        .bind(to)
        .bind(actor_id)
        .bind(note)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // A live item's links may stop leading anywhere: every process forgets them.
        let was_live = matches!(from, "approved" | "published");
        if was_live {
            crate::tracking::count_links_change(&mut tx).await?;
        }
        tx.commit().await?;
        if was_live {
            self.links_changed();
        }
        Ok(true)
    }

    /// Publishes approved items whose start has come and expires items whose expiry has
    /// passed, recording each step as the system's. Returns how many were published and
    /// the ids of those expired (each returned to one caller, also with several
    /// processes: the expiring `UPDATE` is the claim).
    pub async fn publish_and_expire_due(&self, now: Millis) -> Result<(u64, Vec<i64>)> {
        let mut tx = self.pool.begin().await?;
        let due_publish = "status = 'approved' AND starts_at <= $1 AND (expires_at IS NULL OR expires_at > $1)";
        let due_expire = "status IN ('approved', 'published') AND expires_at IS NOT NULL AND expires_at <= $1";
        let mut changed: [Vec<i64>; 2] = Default::default();
        for (i, (cond, to)) in [(due_publish, "published"), (due_expire, "expired")]
            .into_iter()
            .enumerate()
        {
            sqlx::query(AssertSqlSafe(format!(
                "INSERT INTO content_transitions (item_id, from_status, to_status, actor_id, at) \
                 SELECT id, status, '{to}', NULL, $1 FROM content_items WHERE {cond}"
            )))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let ids: Vec<(i64,)> = sqlx::query_as(AssertSqlSafe(format!(
                "UPDATE content_items SET status = '{to}', updated_at = $1 WHERE {cond} RETURNING id"
            )))
            .bind(now)
            .fetch_all(&mut *tx)
            .await?;
            changed[i] = ids.into_iter().map(|(id,)| id).collect();
        }
        tx.commit().await?;
        let [published, expired] = changed;
        Ok((published.len() as u64, expired))
    }

    /// Claims the published items not announced yet (notifications, Slack, Teams): each is
    /// returned to exactly one caller, even with several server processes, since the
    /// claim is an `UPDATE ... WHERE announced_at IS NULL` that only one can win.
    pub async fn claim_announcements(&self, now: Millis) -> Result<Vec<i64>> {
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM content_items WHERE status = 'published' AND announced_at IS NULL \
             AND (expires_at IS NULL OR expires_at > $1) ORDER BY starts_at, id",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed = Vec::new();
        for (id,) in due {
            let won = sqlx::query("UPDATE content_items SET announced_at = $2 WHERE id = $1 AND announced_at IS NULL")
                .bind(id)
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected();
            if won == 1 {
                claimed.push(id);
            }
        }
        Ok(claimed)
    }

    /// One item with texts and targets.
    pub async fn content_item(&self, id: i64) -> Result<Option<ContentItem>> {
        Ok(self.content_items(&[id]).await?.pop())
    }

    /// (item id, other id) pairs of a targets table for the items `ids` (`list` is their
    /// placeholder list), in item order.
    async fn item_pairs(&self, select: &str, other: &str, list: &str, ids: &[i64]) -> Result<Vec<(i64, i64)>> {
        Ok(bind_ids(
            sqlx::query_as(AssertSqlSafe(format!(
                "{select} WHERE item_id IN ({list}) ORDER BY item_id, {other}"
            ))),
            ids,
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Several items with texts and targets, in the order of `ids` (each found id once;
    /// ids that do not exist are left out). Four queries whatever the number of items:
    /// the items, then all their texts, programs and teams, grouped here.
    pub async fn content_items(&self, ids: &[i64]) -> Result<Vec<ContentItem>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // `$1, $2, ...`: QueryBuilder writes `?`, which PostgreSQL does not take.
        let list = (1..=ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let rows: Vec<ItemRow> = bind_ids(
            sqlx::query_as(AssertSqlSafe(format!(
                "SELECT {ITEM_COLUMNS} FROM content_items c LEFT JOIN users u ON u.id = c.author_id \
                 WHERE c.id IN ({list})"
            ))),
            ids,
        )
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let texts: Vec<(i64, String, String)> = bind_ids(
            sqlx::query_as(AssertSqlSafe(format!(
                "SELECT item_id, network, body FROM content_texts WHERE item_id IN ({list}) ORDER BY item_id, network"
            ))),
            ids,
        )
        .fetch_all(&self.pool)
        .await?;
        let programs = self
            .item_pairs(
                "SELECT item_id, program_id FROM content_programs",
                "program_id",
                &list,
                ids,
            )
            .await?;
        let teams = self
            .item_pairs("SELECT item_id, team_id FROM content_teams", "team_id", &list, ids)
            .await?;
        let mut items: HashMap<i64, ContentItem> = rows.into_iter().map(|r| (r.id, ContentItem::from(r))).collect();
        for (item_id, network, body) in texts {
            if let Some(item) = items.get_mut(&item_id) {
                item.texts.push((network, body));
            }
        }
        for (item_id, program_id) in programs {
            if let Some(item) = items.get_mut(&item_id) {
                item.program_ids.push(program_id);
            }
        }
        for (item_id, team_id) in teams {
            if let Some(item) = items.get_mut(&item_id) {
                item.team_ids.push(team_id);
            }
        }
        Ok(ids.iter().filter_map(|id| items.remove(id)).collect())
    }

    /// The library, newest change first.
    pub async fn list_content(&self, f: &ContentFilter) -> Result<(Vec<ContentSummary>, i64)> {
        let where_ = |first| {
            format!(
                "WHERE ($1 IS NULL OR c.status = $1) AND ($2 IS NULL OR c.author_id = $2){}",
                f.search.condition(first)
            )
        };
        let count = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM content_items c {}",
            where_(3)
        )))
        .bind(f.status.as_deref())
        .bind(f.author_id);
        let (total,): (i64,) = f.search.bind(count).fetch_one(&self.pool).await?;
        let where_ = where_(5);
        let rows = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT c.id, c.title, c.category, c.status, c.language, u.first_name || ' ' || u.last_name AS author_name, \
             c.starts_at, c.expires_at, c.updated_at, \
             (SELECT COUNT(*) FROM shares s WHERE s.item_id = c.id) AS shares \
             FROM content_items c LEFT JOIN users u ON u.id = c.author_id {where_} \
             ORDER BY c.updated_at DESC, c.id DESC LIMIT $3 OFFSET $4"
        )))
        .bind(f.status.as_deref())
        .bind(f.author_id)
        .bind(f.limit)
        .bind(f.offset);
        let rows = f.search.bind(rows).fetch_all(&self.pool).await?;
        Ok((rows, total))
    }

    /// An item's workflow history, oldest first.
    pub async fn transitions(&self, item_id: i64) -> Result<Vec<Transition>> {
        Ok(sqlx::query_as(
            "SELECT t.from_status, t.to_status, u.first_name || ' ' || u.last_name AS actor_name, t.note, t.at \
             FROM content_transitions t LEFT JOIN users u ON u.id = t.actor_id WHERE t.item_id = $1 ORDER BY t.id",
        )
        .bind(item_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The ambassador's feed: visible items, newest start first, optionally of one
    /// language and one category, with the words of `search`.
    pub async fn feed(
        &self,
        user_id: i64,
        now: Millis,
        language: Option<&str>,
        category: Option<&str>,
        search: &Search,
        limit: i64,
    ) -> Result<Vec<FeedItem>> {
        let q = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT c.id, c.title, c.category, c.image_file, c.language, c.starts_at, c.expires_at, \
             (SELECT COUNT(*) FROM shares s WHERE s.item_id = c.id AND s.user_id = $1) AS my_shares \
             FROM content_items c WHERE {VISIBLE} AND ($3 IS NULL OR c.language = $3) AND ($4 IS NULL OR c.category = $4){} \
             ORDER BY c.starts_at DESC, c.id DESC LIMIT $5",
            search.condition(6)
        )))
        .bind(user_id)
        .bind(now)
        .bind(language)
        .bind(category)
        .bind(limit);
        Ok(search.bind(q).fetch_all(&self.pool).await?)
    }

    /// Whether an item is in a person's feed now.
    pub async fn is_visible_to(&self, item_id: i64, user_id: i64, now: Millis) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM content_items c WHERE c.id = $3 AND {VISIBLE}"
        )))
        .bind(user_id)
        .bind(now)
        .bind(item_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}
