//! Search over items: words of the title, hashtags and texts, compared folded.

use crate::{Result, Store};
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;

/// Words to find in items (`?q=`): each must occur in the item's title, hashtags or one
/// of its texts, compared folded ([`ambasada_core::text::fold`]), so "krakow" finds
/// "Kraków". At most [`Search::MAX_WORDS`] words count; no words finds everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The folded words as `LIKE` patterns (`%word%`, `%`, `_` and `\` escaped).
    patterns: Vec<String>,
}

impl Search {
    pub const MAX_WORDS: usize = 8;

    pub fn parse(q: &str) -> Search {
        let folded = ambasada_core::text::fold(q);
        let mut patterns: Vec<String> = Vec::new();
        // Hashtags are kept without their '#': "#praca" finds the tag praca.
        for word in folded
            .split(' ')
            .map(|w| w.trim_start_matches('#'))
            .filter(|w| !w.is_empty())
        {
            let mut p = String::from("%");
            for c in word.chars() {
                if matches!(c, '%' | '_' | '\\') {
                    p.push('\\');
                }
                p.push(c);
            }
            p.push('%');
            if !patterns.contains(&p) && patterns.len() < Self::MAX_WORDS {
                patterns.push(p);
            }
        }
        Search { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// ` AND c.search_text LIKE $first ...`, one per word, numbered from `first`.
    pub(super) fn condition(&self, first: usize) -> String {
        (0..self.patterns.len())
            .map(|i| format!(" AND c.search_text LIKE ${} ESCAPE '\\'", first + i))
            .collect()
    }

    pub(super) fn bind<'q, O>(
        &self,
        mut q: QueryAs<'q, sqlx::Any, O, AnyArguments>,
    ) -> QueryAs<'q, sqlx::Any, O, AnyArguments> {
        for p in &self.patterns {
            q = q.bind(p.clone());
        }
        q
    }
}

/// What search compares for an item: its title, hashtags and texts, folded.
pub(super) fn search_text(title: &str, hashtags: &str, texts: &[(String, String)]) -> String {
    let mut s = format!("{title} {hashtags}");
    for (_, body) in texts {
        s.push(' ');
        s.push_str(body);
    }
    ambasada_core::text::fold(&s)
}

impl Store {
    /// Fills the search text of items that have none (those from before migration 0016,
    /// and rows copied or seeded without it), in pages.
    pub(crate) async fn fill_search_text(&self) -> Result<u64> {
        let mut filled = 0;
        loop {
            let ids: Vec<(i64,)> =
                sqlx::query_as("SELECT id FROM content_items WHERE search_text IS NULL ORDER BY id LIMIT 500")
                    .fetch_all(&self.pool)
                    .await?;
            if ids.is_empty() {
                return Ok(filled);
            }
            let ids: Vec<i64> = ids.into_iter().map(|r| r.0).collect();
            let mut tx = self.pool.begin().await?;
            for item in self.content_items(&ids).await? {
                sqlx::query("UPDATE content_items SET search_text = $2 WHERE id = $1")
                    .bind(item.id)
                    .bind(search_text(&item.title, &item.hashtags, &item.texts))
                    .execute(&mut *tx)
                    .await?;
                filled += 1;
            }
            // (An id deleted meanwhile is not selected again.)
            tx.commit().await?;
        }
    }
}
