//! What ledger rows were for, by title: the shared item (or an own post's topic), the
//! job offer of a referral, the course, the suggested item, the planned post's subject and
//! the challenge, so "my points" can say it in words. One query per kind of source.

use super::points::LedgerRow;
use crate::{Result, Store};
use ambasada_core::rewards::awarding::Subject;
use sqlx::AssertSqlSafe;
use std::collections::HashMap;

/// Titles of what a set of ledger rows is about, per kind of subject and id.
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    pub shares: HashMap<i64, String>,
    pub offers: HashMap<i64, String>,
    pub courses: HashMap<i64, String>,
    pub items: HashMap<i64, String>,
    pub planned: HashMap<i64, String>,
    pub challenges: HashMap<i64, String>,
}

impl Subjects {
    /// The title of what a subject (or the subject a correction is about) names.
    pub fn title(&self, s: &Subject) -> Option<&str> {
        let found = match s.corrected() {
            Subject::Share(id) | Subject::Clicks { share: id, .. } => self.shares.get(id),
            Subject::Application(id) | Subject::Hire(id) => self.offers.get(id),
            Subject::Course(id) => self.courses.get(id),
            Subject::Suggestion(id) | Subject::ItemShare { item: id, .. } => self.items.get(id),
            Subject::Planned(id) => self.planned.get(id),
            Subject::Challenge(id) => self.challenges.get(id),
            Subject::Correction(_) | Subject::Other => None,
        };
        found.map(String::as_str).filter(|t| !t.is_empty())
    }
}

/// The ids of one kind among the subjects, each once.
fn ids(subjects: &[Subject], pick: impl Fn(&Subject) -> Option<i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = subjects.iter().filter_map(|s| pick(s.corrected())).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Store {
    /// The titles of what `rows` were awarded for.
    pub async fn ledger_subjects(&self, rows: &[LedgerRow]) -> Result<Subjects> {
        let subjects: Vec<Subject> = rows.iter().map(|r| Subject::parse(&r.source)).collect();
        let share_ids = ids(&subjects, |s| match s {
            Subject::Share(id) | Subject::Clicks { share: id, .. } => Some(*id),
            _ => None,
        });
        let offer_ids = ids(&subjects, |s| match s {
            Subject::Application(id) | Subject::Hire(id) => Some(*id),
            _ => None,
        });
        let one = |want: fn(&Subject) -> Option<i64>| ids(&subjects, want);
        Ok(Subjects {
            shares: self
                .titles(
                    "SELECT s.id, COALESCE(c.title, s.topic, '') FROM shares s \
                     LEFT JOIN content_items c ON c.id = s.item_id WHERE s.id",
                    &share_ids,
                )
                .await?,
            offers: self
                .titles(
                    "SELECT a.id, o.title FROM applications a JOIN job_offers o ON o.id = a.offer_id WHERE a.id",
                    &offer_ids,
                )
                .await?,
            courses: self
                .titles(
                    "SELECT id, title FROM courses WHERE id",
                    &one(|s| if let Subject::Course(id) = s { Some(*id) } else { None }),
                )
                .await?,
            items: self
                .titles(
                    "SELECT id, title FROM content_items WHERE id",
                    &one(|s| match s {
                        Subject::Suggestion(id) | Subject::ItemShare { item: id, .. } => Some(*id),
                        _ => None,
                    }),
                )
                .await?,
            planned: self
                .titles(
                    "SELECT pp.id, COALESCE(c.title, s.topic, '') FROM planned_posts pp \
                     JOIN calendar_slots s ON s.id = pp.slot_id LEFT JOIN content_items c ON c.id = s.content_id \
                     WHERE pp.id",
                    &one(|s| if let Subject::Planned(id) = s { Some(*id) } else { None }),
                )
                .await?,
            challenges: self
                .titles(
                    "SELECT id, title FROM challenges WHERE id",
                    &one(|s| {
                        if let Subject::Challenge(id) = s {
                            Some(*id)
                        } else {
                            None
                        }
                    }),
                )
                .await?,
        })
    }

    /// `(id, title)` pairs of a query ending in `WHERE <id column>`, for the given ids.
    async fn titles(&self, select_where: &'static str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!("{select_where} IN ({})", list.join(", "));
        let mut q = sqlx::query_as::<_, (i64, String)>(AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(&self.pool).await?.into_iter().collect())
    }
}
