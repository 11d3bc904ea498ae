//! Awarding points where events happen (C10): a share and the planned post it fulfils
//! inside the share's own transaction (so a share and its points are recorded together or
//! not at all), clicks per finished day found in one grouped query, corrections as new
//! negative rows, and what awarding referrals needs to know.

use super::points::{Award, award_in};
use crate::content::sharing::NewShare;
use crate::{Result, Store, StoreError};
use ambasada_core::Millis;
use ambasada_core::rewards::awarding::{self as rules, correction_source};
use ambasada_core::rewards::points::{self, Rule, Values};

/// A program's rule values, read inside a transaction (defaults without a program).
pub(crate) async fn values_in(tx: &mut sqlx::Transaction<'_, sqlx::Any>, program_id: Option<i64>) -> Result<Values> {
    let stored: Vec<(String, i64)> = match program_id {
        Some(id) => {
            sqlx::query_as("SELECT rule, points FROM points_rules WHERE program_id = $1")
                .bind(id)
                .fetch_all(&mut **tx)
                .await?
        }
        None => Vec::new(),
    };
    Ok(Values::from_stored(&stored))
}

/// Awards a share just recorded (inside its transaction): the share, and the
/// personalisation bonus when its stored score is personalised and no colleague posted a
/// nearly identical text of the item that day (`near_identical`, checked by the caller).
/// A content item's share is awarded once per person, item and network (confirming it
/// again earns nothing more); one's own post once per share.
pub(crate) async fn share_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    share_id: i64,
    s: &NewShare,
    near_identical: bool,
    now: Millis,
) -> Result<()> {
    let values = values_in(tx, s.program_id).await?;
    let personalised = rules::personalised_score(s.personalisation);
    let source = match s.item_id {
        Some(item) => points::item_share_source(item, &s.network),
        None => points::share_source(share_id),
    };
    for (rule, amount) in points::for_share(&values, personalised, near_identical) {
        let award = Award {
            user_id: s.user_id,
            program_id: s.program_id,
            rule,
            source: &source,
            amount,
            reason: None,
        };
        award_in(tx, &award, now).await?;
    }
    Ok(())
}

/// Awards a planned post done on time by a share (inside the share's transaction), at
/// the value of the slot's program.
pub(crate) async fn planned_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    post_id: i64,
    now: Millis,
) -> Result<()> {
    let (program_id,): (i64,) = sqlx::query_as(
        "SELECT s.program_id FROM planned_posts pp JOIN calendar_slots s ON s.id = pp.slot_id WHERE pp.id = $1",
    )
    .bind(post_id)
    .fetch_one(&mut **tx)
    .await?;
    let amount = values_in(tx, Some(program_id)).await?.of(Rule::PlannedOnTime);
    if amount > 0 {
        let source = rules::planned_source(post_id);
        let award = Award {
            user_id,
            program_id: Some(program_id),
            rule: Rule::PlannedOnTime,
            source: &source,
            amount,
            reason: None,
        };
        award_in(tx, &award, now).await?;
    }
    Ok(())
}

/// A share's unique human visitors on one finished day, not awarded yet.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClickDay {
    pub share_id: i64,
    pub user_id: i64,
    pub program_id: Option<i64>,
    pub day: i64,
    pub visitors: i64,
}

/// A correction to record: a negative amount with a reason (a catalog code such as
/// `clicks_reclassified`), for `what` (a source, made unique per correction).
#[derive(Debug, Clone)]
pub struct Correction<'a> {
    pub user_id: i64,
    pub program_id: Option<i64>,
    pub what: &'a str,
    pub amount: i64,
    pub reason: &'a str,
}

/// Who referred an application, with the offer's title, and what tells a real referral.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Referral {
    pub ambassador_id: i64,
    pub program_id: Option<i64>,
    pub offer_title: String,
    /// The applicant's e-mail address and the ambassador's own.
    pub applicant_email: String,
    pub ambassador_email: String,
    /// The first application of the same address (case ignored) to the same offer.
    pub first_id: i64,
}

/// The share a tracked link's clicks count for: its first share (a link is one person's
/// for one item and network, and shared again it stays one link).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkShare {
    pub share_id: i64,
    pub user_id: i64,
    pub program_id: Option<i64>,
    /// The shared item's title.
    pub title: String,
}

/// A share's click awards since a UTC day: (day, the award net of its corrections).
const CLICK_DAYS_NET: &str = "SELECT a.source, CAST(COALESCE(SUM(c.amount), 0) AS BIGINT) + a.amount AS net \
     FROM points_ledger a LEFT JOIN points_ledger c ON c.user_id = a.user_id AND c.rule = $4 \
       AND c.source LIKE 'correction:' || a.source || ':%' \
     WHERE a.user_id = $1 AND a.rule = $3 AND a.source LIKE $2 GROUP BY a.source, a.amount";

/// Unique human visitors per UTC day of a link's clicks since a moment.
const VISITORS_PER_DAY: &str = "SELECT k.at / 86400000 AS day, COUNT(DISTINCT k.visitor_hash) AS visitors \
     FROM clicks k WHERE k.link_id = $1 AND k.at >= $2 AND k.browser <> 'bot' GROUP BY k.at / 86400000";

/// Corrects the click points of a link's share (its first) on every awarded UTC day
/// since `since` (a UTC midnight) down to what the day's unique human visitors earn now
/// at the program's click value, capped (`core::rewards::awarding::clicks_correction_due`):
/// a new negative row per day, `correction:clicks:{share}:{day}:{visitors}` with the
/// reason `clicks_reclassified`. Inside the transaction that reclassified the clicks.
/// Returns the sharer with the item's title (none when the link was never shared) and
/// the points taken back.
pub(crate) async fn correct_clicks_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    link_id: i64,
    since: Millis,
    now: Millis,
) -> Result<(Option<(i64, String)>, i64)> {
    let share: Option<LinkShare> = sqlx::query_as(LINK_SHARE)
        .bind(link_id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(share) = share else {
        return Ok((None, 0));
    };
    let values = values_in(tx, share.program_id).await?;
    let visitors: Vec<(i64, i64)> = sqlx::query_as(VISITORS_PER_DAY)
        .bind(link_id)
        .bind(since)
        .fetch_all(&mut **tx)
        .await?;
    let awarded: Vec<(String, i64)> = sqlx::query_as(CLICK_DAYS_NET)
        .bind(share.user_id)
        .bind(format!("clicks:{}:%", share.share_id))
        .bind(Rule::Click.as_str())
        .bind(Rule::Correction.as_str())
        .fetch_all(&mut **tx)
        .await?;
    let mut withdrawn = 0;
    for (source, net) in awarded {
        let rules::Subject::Clicks { day, .. } = rules::Subject::parse(&source) else {
            continue;
        };
        if day * ambasada_core::DAY < since {
            continue;
        }
        let now_visitors = visitors.iter().find(|(d, _)| *d == day).map_or(0, |(_, v)| *v);
        let amount = rules::clicks_correction_due(net, points::for_clicks(&values, now_visitors));
        if amount >= 0 {
            continue;
        }
        let source = correction_source(&rules::clicks_correction(share.share_id, day, now_visitors));
        let award = Award {
            user_id: share.user_id,
            program_id: share.program_id,
            rule: Rule::Correction,
            source: &source,
            amount,
            reason: Some(rules::REASON_CLICKS_RECLASSIFIED),
        };
        if award_in(tx, &award, now).await? {
            withdrawn -= amount;
        }
    }
    Ok((Some((share.user_id, share.title)), withdrawn))
}

const LINK_SHARE: &str = "SELECT s.id AS share_id, s.user_id, s.program_id, COALESCE(c.title, '') AS title FROM shares s \
     LEFT JOIN content_items c ON c.id = s.item_id WHERE s.link_id = $1 ORDER BY s.id LIMIT 1";

impl Store {
    /// The unique human visitors per share and UTC day of clicks in `[from, to)` that were
    /// not awarded yet, in one grouped query. Bots and link-preview crawlers never count;
    /// a visitor counts once per link and day (their hash is). A link's clicks count for
    /// its first share. Read from the roll-up `click_days`, which counts whole UTC days:
    /// the days `[from, to)` touches (the click job passes UTC midnights).
    pub async fn unawarded_click_days(&self, from: Millis, to: Millis) -> Result<Vec<ClickDay>> {
        self.sync_clicks().await;
        let day = ambasada_core::DAY;
        Ok(sqlx::query_as(
            "SELECT g.share_id, g.user_id, g.program_id, g.day, g.visitors FROM ( \
               SELECT f.id AS share_id, f.user_id, f.program_id, d.day, d.visitors \
               FROM shares f JOIN click_days d ON d.link_id = f.link_id \
               WHERE f.link_id IS NOT NULL \
                 AND NOT EXISTS (SELECT 1 FROM shares e WHERE e.link_id = f.link_id AND e.id < f.id) \
                 AND d.day >= $1 AND d.day < $2 AND d.clicks > 0) g \
             WHERE NOT EXISTS (SELECT 1 FROM points_ledger pl WHERE pl.user_id = g.user_id AND pl.rule = $3 \
               AND pl.source = 'clicks:' || CAST(g.share_id AS TEXT) || ':' || CAST(g.day AS TEXT)) \
             ORDER BY g.day, g.share_id",
        )
        .bind(from.div_euclid(day))
        .bind(to.div_euclid(day) + i64::from(to.rem_euclid(day) != 0))
        .bind(Rule::Click.as_str())
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records a correction: a new row with a negative amount, its own rule, the source
    /// `correction:{what}` and a reason; the rows it corrects stay as they were. `false`
    /// when this correction was recorded before.
    pub async fn correct(&self, c: &Correction<'_>, now: Millis) -> Result<bool> {
        if c.amount >= 0 {
            return Err(StoreError::Other("a correction takes points away".into()));
        }
        let source = correction_source(c.what);
        self.award(
            &Award {
                user_id: c.user_id,
                program_id: c.program_id,
                rule: Rule::Correction,
                source: &source,
                amount: c.amount,
                reason: Some(c.reason),
            },
            now,
        )
        .await
    }

    /// The share a link's clicks count for, if it was shared.
    pub async fn link_share(&self, link_id: i64) -> Result<Option<LinkShare>> {
        Ok(sqlx::query_as(LINK_SHARE)
            .bind(link_id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// The ambassador whose link an application came through, if any.
    pub async fn referral_of(&self, application_id: i64) -> Result<Option<Referral>> {
        Ok(sqlx::query_as(
            "SELECT a.ambassador_id, a.program_id, o.title AS offer_title, a.email AS applicant_email, \
             u.email AS ambassador_email, (SELECT MIN(b.id) FROM applications b WHERE b.offer_id = a.offer_id \
               AND LOWER(b.email) = LOWER(a.email)) AS first_id \
             FROM applications a JOIN job_offers o ON o.id = a.offer_id JOIN users u ON u.id = a.ambassador_id \
             WHERE a.id = $1 AND a.ambassador_id IS NOT NULL",
        )
        .bind(application_id)
        .fetch_optional(&self.pool)
        .await?)
    }
}
