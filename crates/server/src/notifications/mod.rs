//! In-app notifications (C8): what each person should know about, with an unread count
//! in the header, and what each role's home leads with (`home`).
//!
//! A notification is stored as a kind and arguments and rendered in the reader's language
//! from the catalog message `notification-<kind>`. Events call [`notify`] (or one of the
//! helpers below, which decide the recipients) where they happen; a failed notification is
//! logged and never undoes the event.

pub mod home;
mod pages;

use crate::AppState;
use ambasada_core::{Locale, Role};
use ambasada_store::content::ContentItem;
use ambasada_store::notifications::NewNotification;
use axum::Router;
use axum::routing::{get, post};
use fluent_bundle::{FluentArgs, FluentValue};

/// The kinds of notification; each has the catalog message `notification-<kind>`.
pub mod kind {
    /// New content in the reader's programs. Arguments: `title`.
    pub const CONTENT_PUBLISHED: &str = "content-published";
    /// A planned post's window started. Arguments: `subject`, `network`.
    pub const PLAN_DUE: &str = "plan-due";
    /// The reader's item was approved. Arguments: `title`.
    pub const CONTENT_APPROVED: &str = "content-approved";
    /// The reader's item was rejected. Arguments: `title`, `reason`.
    pub const CONTENT_REJECTED: &str = "content-rejected";
    /// Someone applied to a program the reader coordinates. Arguments: `name`, `program`.
    pub const PROGRAM_CANDIDATE: &str = "program-candidate";
    /// A candidate applied for a job offer. Arguments: `name`, `offer`.
    pub const JOB_APPLICATION: &str = "job-application";
    /// A program's Slack or Teams channel gave a message up or was stopped. Arguments:
    /// `program`, `channel`.
    pub const WEBHOOK_FAILING: &str = "webhook-failing";
    /// A signed webhook endpoint failed for three days and was disabled. Arguments:
    /// `url` (masked).
    pub const ENDPOINT_DISABLED: &str = "endpoint-disabled";
    /// The reader earned a badge. Arguments: `badge` (core::rewards::badges::Badge).
    pub const BADGE_EARNED: &str = "badge-earned";
    /// The reader got a challenge's bonus. Arguments: `title`, `points`.
    pub const CHALLENGE_BONUS: &str = "challenge-bonus";
    /// Someone applied through the reader's link: points earned. Arguments: `points`,
    /// `offer`.
    pub const POINTS_APPLICATION: &str = "points-application";
    /// Someone who applied through the reader's link was hired. Arguments: `points`,
    /// `offer`.
    pub const POINTS_HIRE: &str = "points-hire";
    /// Points for clicks on the reader's link were taken back: a coordinator counted
    /// repeated clicks as bots. Arguments: `points`, `title`.
    pub const POINTS_CLICKS_CORRECTED: &str = "points-clicks-corrected";
    /// An ambassador asked for a reward in a program the reader coordinates. Arguments:
    /// `name`, `reward`, `program`.
    pub const REDEMPTION_REQUESTED: &str = "redemption-requested";
    /// The reader's reward request was approved, delivered or rejected. Arguments:
    /// `reward`, `status` (approved, delivered, rejected), `reason`.
    pub const REDEMPTION_DECIDED: &str = "redemption-decided";
    /// The reader's post was published on LinkedIn. Arguments: `title`.
    pub const LINKEDIN_PUBLISHED: &str = "linkedin-published";
    /// The reader's post was not published on LinkedIn. Arguments: `reason` (the post's
    /// failure: duplicate, forbidden, version, course, limit, content, rejected,
    /// throttled, server, unreachable, unknown, inactive, disabled).
    pub const LINKEDIN_NOT_PUBLISHED: &str = "linkedin-not-published";
    /// The reader's LinkedIn connection expired or was revoked; their planned posts wait.
    pub const LINKEDIN_RECONNECT: &str = "linkedin-reconnect";
    /// LinkedIn refused the configured API version (to admins). Arguments: `version`.
    pub const LINKEDIN_VERSION: &str = "linkedin-version";
    /// The reader's LinkedIn connection expires soon. Arguments: `days`, `posts` (planned
    /// posts due after the expiry).
    pub const LINKEDIN_EXPIRES: &str = "linkedin-expires";
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/notifications", get(pages::list))
        .route("/app/notifications/read-all", post(pages::read_all))
        .route("/app/notifications/{id}/open", post(pages::open))
}

/// Tells `users` something: `kind` names the message, `args` (a JSON object of strings
/// and numbers) fills it, `link` (a path on this site) is where opening it leads. With a
/// `dedup_key`, a person who already has a notification with that key gets no second
/// one. Deactivated people are skipped.
pub async fn notify(
    state: &AppState,
    users: &[i64],
    kind: &str,
    args: serde_json::Value,
    link: &str,
    dedup_key: Option<&str>,
) -> anyhow::Result<()> {
    if users.is_empty() {
        return Ok(());
    }
    anyhow::ensure!(args.is_object(), "notification arguments must be a JSON object");
    anyhow::ensure!(
        link.starts_with('/') && !link.starts_with("//"),
        "a notification links to a path on this site"
    );
    let args = args.to_string();
    let n = NewNotification {
        kind,
        args: &args,
        link,
        dedup_key,
    };
    let added = state.store.add_notifications(users, &n, crate::now()).await?;
    tracing::debug!(kind, added, "notified");
    Ok(())
}

/// The text of a notification in `locale`: its kind's message with its arguments (an
/// unknown kind, from a newer version, gets a generic text).
pub fn message(state: &AppState, locale: Locale, kind: &str, args: &str) -> String {
    let key = format!("notification-{kind}");
    if !state.i18n.has(locale, &key) {
        return state.i18n.message(locale, "notification-other", None);
    }
    let mut fa = FluentArgs::new();
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(args) {
        for (name, value) in map {
            match value {
                serde_json::Value::String(s) => fa.set(name, FluentValue::from(s)),
                serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                    (Some(i), _) => fa.set(name, FluentValue::from(i)),
                    (None, Some(f)) => fa.set(name, FluentValue::from(f)),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    state.i18n.message(locale, &key, Some(&fa))
}

/// Logs a failed notification: the event it is about already happened.
fn logged(what: &'static str, r: anyhow::Result<()>) {
    if let Err(e) = r {
        tracing::warn!(error = ?e, what, "notification not stored");
    }
}

/// Called once per item when it is published (the announcement job claims it): tells
/// the people who now see it in their feed.
pub async fn content_published(state: &AppState, item: &ContentItem) -> anyhow::Result<()> {
    let audience = state.store.content_audience(item.id, crate::now()).await?;
    notify(
        state,
        &audience,
        kind::CONTENT_PUBLISHED,
        serde_json::json!({ "title": item.title }),
        &format!("/app/feed/{}", item.id),
        Some(&format!("content-published:{}", item.id)),
    )
    .await
}

/// Called every minute by the calendar job: notifies people of their planned posts whose
/// window has started, once per post.
pub async fn remind_due(state: &AppState, now: ambasada_core::Millis) -> anyhow::Result<()> {
    for r in state.store.claim_due_reminders(now).await? {
        let network = ambasada_core::Network::parse(&r.network).map_or("", |n| n.label());
        let sent = notify(
            state,
            &[r.user_id],
            kind::PLAN_DUE,
            serde_json::json!({ "subject": r.subject, "network": network }),
            &format!("/app/plan/{}/open", r.post_id),
            // A post moved to another window may be reminded again.
            Some(&format!("plan-due:{}:{}", r.post_id, r.starts_at)),
        )
        .await;
        // The others claimed with it still get theirs.
        logged(kind::PLAN_DUE, sent);
    }
    Ok(())
}

/// An item was approved or rejected (`reason` given): tells its author, unless the
/// author did it.
pub async fn content_reviewed(state: &AppState, item: &ContentItem, by: i64, reason: Option<&str>) {
    let Some(author) = item.author_id.filter(|a| *a != by) else {
        return;
    };
    let (kind, args) = match reason {
        Some(reason) => (
            kind::CONTENT_REJECTED,
            serde_json::json!({ "title": item.title, "reason": reason }),
        ),
        None => (kind::CONTENT_APPROVED, serde_json::json!({ "title": item.title })),
    };
    let link = format!("/app/content/{}", item.id);
    logged(kind, notify(state, &[author], kind, args, &link, None).await);
}

/// The program's coordinator, or the admins when it has none (or theirs is deactivated).
pub async fn program_owners(state: &AppState, program: &ambasada_store::programs::Program) -> anyhow::Result<Vec<i64>> {
    if let Some(id) = program.coordinator_id
        && state.store.user(id).await?.is_some_and(|u| u.is_active())
    {
        return Ok(vec![id]);
    }
    Ok(state.store.active_people_with_role(Role::Admin).await?)
}

/// Someone applied to a program: tells its coordinator (admins when it has none).
pub async fn program_candidate(
    state: &AppState,
    program: &ambasada_store::programs::Program,
    application_id: i64,
    applicant: &str,
) {
    let r = async {
        let owners = program_owners(state, program).await?;
        notify(
            state,
            &owners,
            kind::PROGRAM_CANDIDATE,
            serde_json::json!({ "name": applicant, "program": program.name }),
            &format!("/app/programs/{}/candidates", program.id),
            Some(&format!("program-candidate:{application_id}")),
        )
        .await
    };
    logged(kind::PROGRAM_CANDIDATE, r.await);
}

/// A candidate applied for a job: tells the recruiters (admins when there are none).
pub async fn job_application(state: &AppState, application_id: i64, candidate: &str, offer: &str) {
    let r = async {
        let mut to = state.store.active_people_with_role(Role::Recruiter).await?;
        if to.is_empty() {
            to = state.store.active_people_with_role(Role::Admin).await?;
        }
        notify(
            state,
            &to,
            kind::JOB_APPLICATION,
            serde_json::json!({ "name": candidate, "offer": offer }),
            &format!("/app/applications/{application_id}"),
            Some(&format!("job-application:{application_id}")),
        )
        .await
    };
    logged(kind::JOB_APPLICATION, r.await);
}

/// A program's Slack or Teams channel gave a message up, or was stopped because its URL
/// was revoked: tells the program's coordinator and the admins, once a day per channel.
pub async fn webhook_failing(state: &AppState, program_id: i64, channel: ambasada_core::integrations::WebhookKind) {
    let r = async {
        let Some(program) = state.store.program(program_id).await? else {
            return Ok(());
        };
        let mut to = program_owners(state, &program).await?;
        for admin in state.store.active_people_with_role(Role::Admin).await? {
            if !to.contains(&admin) {
                to.push(admin);
            }
        }
        let day = crate::now() / ambasada_core::DAY;
        notify(
            state,
            &to,
            kind::WEBHOOK_FAILING,
            serde_json::json!({ "program": program.name, "channel": channel.label() }),
            &format!("/app/programs/{program_id}/integrations"),
            Some(&format!("webhook-failing:{program_id}:{}:{day}", channel.as_str())),
        )
        .await
    };
    logged(kind::WEBHOOK_FAILING, r.await);
}
