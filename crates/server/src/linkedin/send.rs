//! Sending one claimed post: the checks a manual share gets (still an ambassador, the
//! item still in their feed, the required course, the daily limit), the tracked link,
//! the thumbnail through the Images API, the post through the Posts API, and then the
//! share recorded with the post's address. A failure is handled by its kind (see
//! `ambasada_core::linkedin::Failure`).

use super::client::{CallError, LinkedIn, post_body};
use super::{PURPOSE_TOKEN, linkedin_for};
use crate::AppState;
use crate::content::service::{self, Confirmation};
use crate::i18n::Tr;
use crate::notifications::{kind, notify};
use ambasada_core::linkedin::{Failure, Next, post_url};
use ambasada_core::{Network, Role};
use ambasada_store::content::ContentItem;
use ambasada_store::linkedin::LinkedInPost;
use ambasada_store::people::User;

/// What became of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Published; recorded as this share (none when recording it failed afterwards).
    Sent {
        share_id: Option<i64>,
        near_identical: bool,
    },
    /// Not now: tried again later by the job.
    WillRetry,
    /// Waits for the person to connect LinkedIn again.
    Paused,
    /// Given up, for this reason (`failure` of the post).
    Failed(&'static str),
    /// LinkedIn may or may not have published it: the person checks.
    Unknown,
}

/// Sends a post its caller has claimed (`sending`) and records what happened. An error
/// before LinkedIn is called (the database, say) puts the post back on schedule.
pub async fn send_claimed(state: &AppState, post: &LinkedInPost) -> anyhow::Result<Outcome> {
    let Ok(li) = linkedin_for(state) else {
        return stop(state, post, "failed", "disabled", "").await;
    };
    let ready = match prepare(state, post).await {
        Ok(Ok(ready)) => ready,
        Ok(Err(outcome)) => return Ok(outcome),
        Err(e) => {
            let now = crate::now();
            let detail = e.to_string();
            let retry = (post.attempts < ambasada_core::linkedin::MAX_ATTEMPTS)
                .then(|| now + ambasada_core::linkedin::backoff(post.attempts));
            state
                .store
                .linkedin_post_not_sent(post.id, "failed", "server", &detail, retry, now)
                .await?;
            return Err(e);
        }
    };
    let Ready {
        user,
        item,
        token,
        author,
        link,
    } = ready;
    match publish(state, &li, &token, &author, &item, &user, &link, &post.commentary).await {
        Ok(urn) => sent(state, post, &user, &item, &urn).await,
        Err(CallError::Failed(Failure::Duplicate(Some(urn)), ..)) if published_before(post) => {
            // An earlier try answered 5xx (or nothing) after LinkedIn had made the post:
            // LinkedIn names it now.
            sent(state, post, &user, &item, &urn).await
        }
        Err(e) => failed(state, post, e).await,
    }
}

/// Whether an earlier try of the post may have published it without our knowing.
fn published_before(post: &LinkedInPost) -> bool {
    post.attempts > 1 && matches!(post.failure.as_deref(), Some("server" | "unreachable" | "throttled"))
}

/// What sending needs, checked.
struct Ready {
    user: User,
    item: ContentItem,
    token: String,
    author: String,
    link: String,
}

/// The checks and the tracked link before LinkedIn is called; `Err(outcome)` when the
/// post may not go out (recorded already).
async fn prepare(state: &AppState, post: &LinkedInPost) -> anyhow::Result<Result<Ready, Outcome>> {
    let Some(user) = state.store.user(post.user_id).await?.filter(|u| u.is_active()) else {
        return Ok(Err(stop(state, post, "failed", "inactive", "").await?));
    };
    let now = crate::now();
    let account = state.store.linkedin_account(post.user_id).await?;
    let token = account
        .as_ref()
        .filter(|a| a.expires_at > now)
        .and_then(|a| state.sealer.open(PURPOSE_TOKEN, &a.token_sealed));
    let (Some(account), Some(token)) = (account, token) else {
        return Ok(Err(pause(state, post, "").await?));
    };
    let item = match state.store.content_item(post.content_id).await? {
        Some(item) if user.has_role(Role::Ambassador) && state.store.is_visible_to(item.id, user.id, now).await? => {
            item
        }
        _ => return Ok(Err(stop(state, post, "failed", "content", "").await?)),
    };
    if let Some(refused) = refused_before_sending(state, &user, &item).await? {
        return Ok(Err(stop(state, post, "failed", refused.reason(), "").await?));
    }
    let link = service::make_link(state, &user, &item, Network::Linkedin, &post.commentary).await?;
    Ok(Ok(Ready {
        author: format!("urn:li:person:{}", account.member_sub),
        link: link.url,
        user,
        item,
        token,
    }))
}

/// Why a post may not go out now although it was allowed when planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A course became required before sharing.
    Course,
    /// Today's share limit (this many) is reached.
    Limit(i64),
}

impl Refused {
    /// The post's `failure` (and the catalog's `linkedin-reason-*` suffix).
    pub fn reason(self) -> &'static str {
        match self {
            Refused::Course => "course",
            Refused::Limit(_) => "limit",
        }
    }
}

/// The course or the daily limit, checked again when the post goes out.
pub async fn refused_before_sending(
    state: &AppState,
    user: &User,
    item: &ContentItem,
) -> anyhow::Result<Option<Refused>> {
    if crate::training::must_complete_before_sharing(state, user.id)
        .await?
        .is_some()
    {
        return Ok(Some(Refused::Course));
    }
    let program = service::program_for(state, user.id, item).await?;
    let limit = program
        .as_ref()
        .map_or(ambasada_core::content::sharing::DEFAULT_DAILY_SHARE_LIMIT, |p| {
            p.daily_share_limit
        });
    let today = state
        .store
        .shares_since(user.id, service::start_of_day(crate::now(), &user.time_zone))
        .await?;
    if !ambasada_core::content::sharing::within_daily_limit(today, limit) {
        return Ok(Some(Refused::Limit(limit)));
    }
    Ok(None)
}

/// The thumbnail (when the item has an image) and the post; the post's URN.
#[allow(clippy::too_many_arguments)]
async fn publish(
    state: &AppState,
    li: &LinkedIn<'_>,
    token: &str,
    author: &str,
    item: &ContentItem,
    user: &User,
    link: &str,
    commentary: &str,
) -> Result<String, CallError> {
    let thumbnail = match &item.image_file {
        Some(name) => match crate::media::read_image(state, name).await {
            // An upload without an answer made no post: trying again is safe.
            Some((bytes, mime)) => Some(li.upload_image(token, author, bytes, mime).await.map_err(|e| match e {
                CallError::Unknown(detail) => CallError::Failed(Failure::Unreachable, None, detail),
                e => e,
            })?),
            None => None,
        },
        None => None,
    };
    let (title, description) = article_text(state, item, user).await;
    let body = post_body(author, commentary, link, &title, &description, thumbnail.as_deref());
    li.create_post(token, &body).await
}

/// The article's title and description: what the target page's Open Graph tags say
/// when it is one of this server's pages, else the item's title and its host.
async fn article_text(state: &AppState, item: &ContentItem, user: &User) -> (String, String) {
    let brand = state.brand().await;
    let tr = Tr::new(state.i18n.clone(), user.locale);
    match crate::recruiting::open_graph::of_target(state, &brand, &tr, &item.target_url).await {
        Ok(Some(og)) => (og.title, og.description),
        _ => {
            let host = url::Url::parse(&item.target_url)
                .ok()
                .and_then(|u| u.host_str().map(|h| h.trim_start_matches("www.").to_string()))
                .unwrap_or_default();
            (item.title.clone(), host)
        }
    }
}

/// Records a published post and the share it is.
async fn sent(
    state: &AppState,
    post: &LinkedInPost,
    user: &User,
    item: &ContentItem,
    urn: &str,
) -> anyhow::Result<Outcome> {
    state.store.linkedin_post_sent(post.id, urn, crate::now()).await?;
    let c = Confirmation {
        network: Network::Linkedin.as_str().to_string(),
        text: post.commentary.clone(),
        post_url: post_url(urn),
    };
    let (share_id, near_identical) = match service::confirm_share(state, user, item, &c).await {
        Ok(Ok(done)) => {
            state.store.linkedin_post_share(post.id, done.share_id).await?;
            (Some(done.share_id), done.near_identical)
        }
        Ok(Err(_)) | Err(_) => {
            // Published all the same: the list shows the post with its address.
            tracing::warn!(
                post = post.id,
                "a published LinkedIn post could not be recorded as a share"
            );
            (None, false)
        }
    };
    let sent = notify(
        state,
        &[post.user_id],
        kind::LINKEDIN_PUBLISHED,
        serde_json::json!({ "title": item.title }),
        "/app/linkedin",
        Some(&format!("linkedin-published:{}", post.id)),
    )
    .await;
    if let Err(e) = sent {
        tracing::warn!(error = ?e, "notifying of a published LinkedIn post failed");
    }
    Ok(Outcome::Sent {
        share_id,
        near_identical,
    })
}

/// Handles a call that did not publish the post.
async fn failed(state: &AppState, post: &LinkedInPost, e: CallError) -> anyhow::Result<Outcome> {
    let now = crate::now();
    let (failure, retry_after, detail) = match e {
        CallError::Unknown(detail) => {
            state
                .store
                .linkedin_post_not_sent(post.id, "unknown", "interrupted", &detail, None, now)
                .await?;
            tell(state, post, "unknown").await;
            return Ok(Outcome::Unknown);
        }
        CallError::Failed(f, retry_after, detail) => (f, retry_after, detail),
    };
    match failure.next(post.attempts, retry_after) {
        Next::Retry(wait) => {
            state
                .store
                .linkedin_post_not_sent(post.id, "scheduled", failure.kind(), &detail, Some(now + wait), now)
                .await?;
            Ok(Outcome::WillRetry)
        }
        Next::PauseForReconnect => pause(state, post, &detail).await,
        Next::GiveUp => {
            if failure == Failure::Version {
                tell_admins_of_version(state).await;
            }
            stop(state, post, "failed", failure.kind(), &detail).await
        }
    }
}

/// Pauses the post, and the person's other planned posts, until they connect again;
/// the connection counts as expired from now (LinkedIn no longer takes its token).
async fn pause(state: &AppState, post: &LinkedInPost, detail: &str) -> anyhow::Result<Outcome> {
    let now = crate::now();
    state.store.expire_linkedin_account(post.user_id, now).await?;
    state
        .store
        .linkedin_post_not_sent(post.id, "paused", "expired", detail, None, now)
        .await?;
    state.store.pause_linkedin_posts_of(post.user_id, now).await?;
    let told = notify(
        state,
        &[post.user_id],
        kind::LINKEDIN_RECONNECT,
        serde_json::json!({}),
        "/app/profile#linkedin",
        Some(&format!("linkedin-reconnect:{}", post.id)),
    )
    .await;
    if let Err(e) = told {
        tracing::warn!(error = ?e, "asking to reconnect LinkedIn failed");
    }
    Ok(Outcome::Paused)
}

/// Gives the post up (`status` failed) for `reason` and tells its author.
async fn stop(
    state: &AppState,
    post: &LinkedInPost,
    status: &str,
    reason: &'static str,
    detail: &str,
) -> anyhow::Result<Outcome> {
    state
        .store
        .linkedin_post_not_sent(post.id, status, reason, detail, None, crate::now())
        .await?;
    tell(state, post, reason).await;
    Ok(Outcome::Failed(reason))
}

/// Tells the author that their post was not published, and why.
async fn tell(state: &AppState, post: &LinkedInPost, reason: &str) {
    let told = notify(
        state,
        &[post.user_id],
        kind::LINKEDIN_NOT_PUBLISHED,
        serde_json::json!({ "reason": reason }),
        &format!("/app/linkedin/{}", post.id),
        Some(&format!("linkedin-not-published:{}:{}", post.id, post.attempts)),
    )
    .await;
    if let Err(e) = told {
        tracing::warn!(error = ?e, "notifying of an unpublished LinkedIn post failed");
    }
}

/// LinkedIn no longer supports the configured `linkedin_version`: admins must update it.
async fn tell_admins_of_version(state: &AppState) {
    let Some(cfg) = state.config.linkedin.as_ref() else {
        return;
    };
    tracing::error!(version = %cfg.version, "LinkedIn refused the configured linkedin_version (426): update the setting");
    let admins = match state.store.active_people_with_role(Role::Admin).await {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!(error = %e, "finding admins failed");
            return;
        }
    };
    let told = notify(
        state,
        &admins,
        kind::LINKEDIN_VERSION,
        serde_json::json!({ "version": cfg.version }),
        "/app",
        Some(&format!("linkedin-version:{}", cfg.version)),
    )
    .await;
    if let Err(e) = told {
        tracing::warn!(error = ?e, "telling admins of the LinkedIn version failed");
    }
}
