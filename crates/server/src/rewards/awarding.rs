//! Awarding points where events happen (C10), at the values of the program each event
//! counts for. A share and the planned post it fulfils are awarded inside the share's own
//! transaction (`Store::record_share_within`); the events here are awarded right after
//! they are recorded: an application through one's link once a recruiter moves it past
//! `new` (a public form alone earns nothing), a hire, a finished course, an approved
//! suggestion. Clicks are awarded by a job once their day is over, so the amount is
//! final, dated at the end of their day; clicks a coordinator later counts as bots become
//! a correction row.
//!
//! Every award is idempotent on (person, rule, source), so a retry or a second request
//! awards nothing more. A failed award is logged and never undoes the event it is for.

use crate::AppState;
use crate::notifications::{kind, notify};
use ambasada_core::Role;
use ambasada_core::recruiting::Stage;
use ambasada_core::rewards::awarding as rules;
use ambasada_core::rewards::points::{self, Rule, Values};
use ambasada_store::content::ContentItem;
use ambasada_store::rewards::points::Award;
use ambasada_store::rewards::review::Reclassified;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use tokio::sync::watch;

/// The setting that remembers the last UTC day whose clicks were awarded.
pub const CLICKS_AWARDED_THROUGH: &str = "points.clicks_awarded_through";

/// How often the click job looks for a finished day.
const CLICKS_EVERY: std::time::Duration = std::time::Duration::from_secs(300);

/// A program's rule values (the defaults for no program).
pub async fn values(state: &AppState, program_id: Option<i64>) -> anyhow::Result<Values> {
    Ok(match program_id {
        Some(id) => Values::from_stored(&state.store.points_rules(id).await?),
        None => Values::from_stored(&[]),
    })
}

/// Awards `rule` at the program's value; the amount when it was newly recorded.
async fn award_rule(
    state: &AppState,
    user_id: i64,
    program_id: Option<i64>,
    rule: Rule,
    source: &str,
) -> anyhow::Result<Option<i64>> {
    let amount = values(state, program_id).await?.of(rule);
    if amount <= 0 {
        return Ok(None);
    }
    let award = Award {
        user_id,
        program_id,
        rule,
        source,
        amount,
        reason: None,
    };
    Ok(state.store.award(&award, crate::now()).await?.then_some(amount))
}

/// Logs an award that failed: the event it was for already happened.
fn logged(what: &'static str, r: anyhow::Result<()>) {
    if let Err(e) = r {
        tracing::error!(error = ?e, what, "awarding points failed");
    }
}

/// An application moved to another stage. Once a recruiter moves it past `new` (not to
/// a rejection), its referring ambassador earns the application rule, unless the
/// applicant is the ambassador (their own address) or applied to the offer before (only
/// the first application of an address to an offer earns). A hire earns the hire rule.
pub async fn stage_moved(state: &AppState, application_id: i64, to: Stage) {
    if rules::application_earns(to) {
        logged("application", referral(state, application_id, Rule::Application).await);
    }
    if to == Stage::Hired {
        logged("hire", referral(state, application_id, Rule::Hire).await);
    }
}

async fn referral(state: &AppState, application_id: i64, rule: Rule) -> anyhow::Result<()> {
    let Some(r) = state.store.referral_of(application_id).await? else {
        return Ok(());
    };
    let genuine = r.first_id == application_id && !rules::same_email(&r.applicant_email, &r.ambassador_email);
    if rule == Rule::Application && !genuine {
        return Ok(());
    }
    let (source, what) = match rule {
        Rule::Hire => (rules::hire_source(application_id), kind::POINTS_HIRE),
        _ => (rules::application_source(application_id), kind::POINTS_APPLICATION),
    };
    if let Some(points) = award_rule(state, r.ambassador_id, r.program_id, rule, &source).await? {
        notify(
            state,
            &[r.ambassador_id],
            what,
            serde_json::json!({ "points": points, "offer": r.offer_title }),
            "/app/points",
            Some(&source),
        )
        .await?;
    }
    Ok(())
}

/// A person finished a course (every lesson read and the quiz, if it has one, passed):
/// the course rule, once per course, for the first of their programs that requires the
/// course, else their first program.
pub async fn course_finished(state: &AppState, user_id: i64, course_id: i64) {
    logged("course", course(state, user_id, course_id).await);
}

async fn course(state: &AppState, user_id: i64, course_id: i64) -> anyhow::Result<()> {
    let mine = state.store.programs_of(user_id).await?;
    let requiring = state.store.programs_requiring(course_id).await?;
    let program = mine
        .iter()
        .find(|p| requiring.iter().any(|(id, _)| *id == p.id))
        .or(mine.first())
        .map(|p| p.id);
    award_rule(state, user_id, program, Rule::Course, &rules::course_source(course_id)).await?;
    Ok(())
}

/// An item was approved: when an ambassador suggested it (its author works outside the
/// library), they earn the suggestion rule, for the first of the item's programs they
/// belong to, else their first program.
pub async fn content_approved(state: &AppState, item: &ContentItem) {
    logged("suggestion", suggestion(state, item).await);
}

async fn suggestion(state: &AppState, item: &ContentItem) -> anyhow::Result<()> {
    let Some(author) = item.author_id else { return Ok(()) };
    let Some(user) = state.store.user(author).await? else {
        return Ok(());
    };
    if !user.has_role(Role::Ambassador) || crate::content::service::uses_library(&user) {
        return Ok(());
    }
    let mine = state.store.programs_of(author).await?;
    let program = mine
        .iter()
        .find(|p| item.program_ids.contains(&p.id))
        .or(mine.first())
        .map(|p| p.id);
    award_rule(
        state,
        author,
        program,
        Rule::Suggestion,
        &rules::suggestion_source(item.id),
    )
    .await?;
    Ok(())
}

/// Every few minutes: awards the clicks of the days that are over.
pub async fn clicks_job(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        match award_clicks_due(&state, crate::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(awards = n, "points for clicks awarded"),
            Err(e) => tracing::warn!(error = ?e, "awarding points for clicks failed"),
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(CLICKS_EVERY) => {}
        }
    }
}

/// Awards, for each day over at `now` and not awarded yet, each share's unique human
/// visitors (capped per share and day) at its program's click value: one grouped query
/// for all the days due. Returns how many awards were recorded.
pub async fn award_clicks_due(state: &AppState, now: ambasada_core::Millis) -> anyhow::Result<usize> {
    let through = state
        .store
        .setting(CLICKS_AWARDED_THROUGH)
        .await?
        .and_then(|s| s.parse::<i64>().ok());
    let Some((from, to)) = rules::click_days_due(now, through) else {
        return Ok(0);
    };
    let day = ambasada_core::DAY;
    let due = state.store.unawarded_click_days(from * day, (to + 1) * day).await?;
    let mut programs: HashMap<Option<i64>, Values> = HashMap::new();
    let mut awarded = 0;
    for d in due {
        if let Entry::Vacant(e) = programs.entry(d.program_id) {
            e.insert(values(state, d.program_id).await?);
        }
        let amount = points::for_clicks(&programs[&d.program_id], d.visitors);
        if amount <= 0 {
            continue;
        }
        let source = points::clicks_source(d.share_id, d.day);
        let award = Award {
            user_id: d.user_id,
            program_id: d.program_id,
            rule: Rule::Click,
            source: &source,
            amount,
            reason: None,
        };
        if state.store.award(&award, rules::click_day_end(d.day)).await? {
            awarded += 1;
        }
    }
    state.store.set_setting(CLICKS_AWARDED_THROUGH, &to.to_string()).await?;
    Ok(awarded)
}

/// Tells the person who shared a link that clicks on it were counted as bots and how
/// many points that took back (the store recorded the correction rows together with the
/// reclassification).
pub async fn clicks_corrected(state: &AppState, r: &Reclassified) -> anyhow::Result<()> {
    let Some((user_id, title)) = r.sharer.as_ref().filter(|_| r.withdrawn > 0) else {
        return Ok(());
    };
    notify(
        state,
        &[*user_id],
        kind::POINTS_CLICKS_CORRECTED,
        serde_json::json!({ "points": r.withdrawn, "title": title }),
        "/app/points",
        None,
    )
    .await?;
    Ok(())
}
