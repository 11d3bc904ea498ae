//! The ambassador's side: the feed of ready-made posts, the share screen (rewrite, get
//! the tracked link, open the network's composer), confirming a share, and logging an
//! own post.

use super::service::{self, Confirmation, Problems};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::content::sharing;
use ambasada_core::content::{self, Category};
use ambasada_core::{Network, Role, text};
use ambasada_store::content::sharing::{DailyLimit, NewShare, Share};
use ambasada_store::content::{ContentItem, FeedItem, Search};
use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct FeedQuery {
    category: Option<String>,
    /// `all` shows every language, not only the person's.
    lang: Option<String>,
    /// Words to find (title, hashtags, texts; Polish letters optional).
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "content/feed.html")]
struct FeedTemplate<'a> {
    p: &'a Ctx,
    items: Vec<FeedItem>,
    category: String,
    all_languages: bool,
    categories: &'static [Category],
    in_program: bool,
    q: String,
}

/// Published items for the ambassador's programs, teams and language, newest first.
pub async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<FeedQuery>,
) -> Result<Response> {
    user.require(Role::Ambassador)?;
    let category = q.category.as_deref().and_then(Category::parse);
    let all_languages = q.lang.as_deref() == Some("all");
    let language = (!all_languages).then(|| user.locale.as_str());
    let q_text: String = q.q.unwrap_or_default().trim().chars().take(200).collect();
    let items = state
        .store
        .feed(
            user.id,
            crate::now(),
            language,
            category.map(|c| c.as_str()),
            &Search::parse(&q_text),
            100,
        )
        .await?;
    let in_program = !state.store.programs_of(user.id).await?.is_empty();
    render(&FeedTemplate {
        p: &ctx,
        items,
        category: category.map(|c| c.as_str().to_string()).unwrap_or_default(),
        all_languages,
        categories: &Category::ALL,
        in_program,
        q: q_text,
    })
}

/// The item, if it is in this person's feed now.
pub(crate) async fn feed_item(state: &AppState, user: &CurrentUser, id: i64) -> Result<ContentItem> {
    user.require(Role::Ambassador)?;
    if !state.store.is_visible_to(id, user.id, crate::now()).await? {
        return Err(AppError::NotFound);
    }
    state.store.content_item(id).await?.ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub struct ShareQuery {
    network: Option<String>,
    /// The share just confirmed: the page shows it done instead of the editor (anything
    /// but a number is ignored).
    shared: Option<String>,
}

/// The share screen's done state: what was shared, where, the clicks so far, and what
/// to share next.
pub struct Done {
    pub share: Share,
    /// Human clicks on this person's links to the item, all networks, so far.
    pub clicks: i64,
    /// The newest item in the person's feed they have not shared yet.
    pub next: Option<FeedItem>,
}

/// What the share screen shows after the share button was pressed (without JS).
pub struct LinkShown {
    pub url: String,
    pub share_url: String,
    pub final_text: String,
    pub near_identical: bool,
}

#[derive(Template)]
#[template(path = "content/share.html")]
struct ShareTemplate<'a> {
    p: &'a Ctx,
    item: ContentItem,
    network: Network,
    networks: Vec<Network>,
    suggested: String,
    text: String,
    personalisation: i64,
    personalised: bool,
    length: usize,
    limit: usize,
    link: Option<LinkShown>,
    my_shares: Vec<Share>,
    errors: FieldErrors,
    post_url: String,
    /// A course to complete before the first share: (course id, title).
    required_course: Option<(i64, String)>,
    done: Option<Done>,
    preview: super::preview::LinkPreview,
    /// Publishing on LinkedIn directly, when the company's app is configured.
    linkedin: Option<crate::linkedin::publish::Panel>,
}

impl ShareTemplate<'_> {
    fn near_identical(&self) -> bool {
        self.link.as_ref().is_some_and(|l| l.near_identical)
    }
    fn hashtags(&self) -> String {
        content::format_hashtags(
            &self
                .item
                .hashtags
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>(),
        )
    }
}

fn percent(p: f64) -> i64 {
    (p * 100.0).round() as i64
}

async fn share_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    item: ContentItem,
    network: Option<&str>,
    text: Option<String>,
) -> Result<ShareTemplate<'a>> {
    let networks: Vec<Network> = Network::ALL
        .into_iter()
        .filter(|n| item.text_for(n.as_str()).is_some())
        .collect();
    let network = network
        .and_then(Network::parse)
        .filter(|n| networks.contains(n))
        .or_else(|| networks.first().copied())
        .ok_or(AppError::NotFound)?;
    let suggested = item.text_for(network.as_str()).unwrap_or("").to_string();
    let text = text.unwrap_or_else(|| suggested.clone());
    let my_shares = state.store.shares_of_item(user.id, item.id).await?;
    let preview = super::preview::of_item(state, ctx, &item).await?;
    let linkedin = crate::linkedin::publish::panel(state, user, &item, network, None).await?;
    Ok(ShareTemplate {
        p: ctx,
        personalisation: percent(sharing::personalisation(&suggested, &text)),
        personalised: sharing::is_personalised(&suggested, &text),
        length: content::counted_length(network, &text) + if network == Network::X { 24 } else { 0 },
        limit: content::text_limit(network),
        item,
        network,
        networks,
        suggested,
        text,
        link: None,
        my_shares,
        errors: FieldErrors::default(),
        post_url: String::new(),
        required_course: crate::training::must_complete_before_sharing(state, user.id).await?,
        done: None,
        preview,
        linkedin,
    })
}

/// The share screen for LinkedIn again with the person's text and time, and a message
/// on `field` (422): what the LinkedIn buttons answer to bad input.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn share_page_error(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    item: ContentItem,
    text: &str,
    at: &str,
    field: &'static str,
    message: String,
) -> Result<Response> {
    let mut t = share_template(state, ctx, user, item, Some("linkedin"), Some(text.to_string())).await?;
    if let Some(panel) = t.linkedin.as_mut() {
        panel.at = at.to_string();
    }
    t.errors.add(field, message);
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

/// The done state of share `share_id`, when it is this person's share of this item.
async fn done_state(
    state: &AppState,
    user: &CurrentUser,
    t: &ShareTemplate<'_>,
    share_id: i64,
) -> Result<Option<Done>> {
    let Some(share) = t.my_shares.iter().find(|s| s.id == share_id).cloned() else {
        return Ok(None);
    };
    let clicks = state
        .store
        .link_numbers_by_item(user.id)
        .await?
        .into_iter()
        .find(|n| n.key == t.item.id.to_string())
        .map_or(0, |n| n.clicks);
    let next = state
        .store
        .feed(
            user.id,
            crate::now(),
            Some(user.locale.as_str()),
            None,
            &Search::default(),
            20,
        )
        .await?
        .into_iter()
        .find(|f| f.id != t.item.id && f.my_shares == 0);
    Ok(Some(Done { share, clicks, next }))
}

pub async fn share_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<ShareQuery>,
) -> Result<Response> {
    let item = feed_item(&state, &user, id).await?;
    let mut t = share_template(&state, &ctx, &user, item, q.network.as_deref(), None).await?;
    if let Some(share_id) = q.shared.and_then(|s| s.parse().ok()) {
        t.done = done_state(&state, &user, &t, share_id).await?;
    }
    render(&t)
}

#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    network: String,
    #[serde(default)]
    text: String,
}

/// Live feedback for the editor: length against the network's limit and how
/// personalised the text is (the measure lives in core; the page only asks).
pub async fn score(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<TextForm>,
) -> Result<Response> {
    let item = feed_item(&state, &user, id).await?;
    let network = Network::parse(&f.network).ok_or(AppError::BadRequest("error-network"))?;
    if let Err(e) = sharing::check_share_text(network, &f.text) {
        let (key, args) = service::share_text_problem(&e);
        let msg = ctx
            .tr
            .a(key, &args.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": msg })),
        )
            .into_response());
    }
    let suggested = item.text_for(network.as_str()).unwrap_or("");
    let p = sharing::personalisation(suggested, &f.text);
    Ok(Json(serde_json::json!({
        "personalisation": percent(p),
        "personalised": sharing::is_personalised(suggested, &f.text),
        "length": content::counted_length(network, &f.text) + if network == Network::X { 24 } else { 0 },
        "limit": content::text_limit(network),
    }))
    .into_response())
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// The share button: makes (or reuses) the tracked link. With JavaScript the page gets
/// JSON, copies the text and opens the composer; without, the page shows both.
pub async fn make_link(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(f): Form<TextForm>,
) -> Result<Response> {
    let item = feed_item(&state, &user, id).await?;
    if let Some((course, title)) = crate::training::must_complete_before_sharing(&state, user.id).await? {
        if wants_json(&headers) {
            let msg = ctx.a1("training-required-notice", "title", &title);
            return Ok((
                StatusCode::FORBIDDEN,
                Json(serde_json::json!({ "error": msg, "course": course })),
            )
                .into_response());
        }
        return Ok(redirect_flash(
            &format!("/app/training/{course}"),
            false,
            "flash-training-required",
            Some(&title),
        ));
    }
    let Some(network) = Network::parse(&f.network).filter(|n| item.text_for(n.as_str()).is_some()) else {
        return Err(AppError::BadRequest("error-network"));
    };
    let problem = match text::check_lines(&f.text) {
        Err(e) => Some((e.key(), Vec::new())),
        Ok(()) => content::check_text(network, &f.text, true)
            .err()
            .map(|e| service::text_problem(&e)),
    };
    if let Some((key, args)) = problem {
        let msg = ctx
            .tr
            .a(key, &args.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
        if wants_json(&headers) {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(serde_json::json!({ "error": msg })),
            )
                .into_response());
        }
        let mut t = share_template(&state, &ctx, &user, item, Some(network.as_str()), Some(f.text)).await?;
        t.errors.add("text", msg);
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    let out = service::make_link(&state, &user, &item, network, &f.text).await?;
    if wants_json(&headers) {
        return Ok(Json(serde_json::json!({
            "code": out.link.code,
            "url": out.url,
            "share_url": out.share_url,
            "final_text": out.final_text,
            "near_identical": out.near_identical,
            "warning": out.near_identical.then(|| ctx.t("share-near-identical")),
        }))
        .into_response());
    }
    let mut t = share_template(&state, &ctx, &user, item, Some(network.as_str()), Some(f.text)).await?;
    t.link = Some(LinkShown {
        url: out.url,
        share_url: out.share_url,
        final_text: out.final_text,
        near_identical: out.near_identical,
    });
    render(&t)
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    network: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    post_url: String,
}

/// "I posted it": records the share with its final text and personalisation.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response> {
    let item = feed_item(&state, &user, id).await?;
    if let Some((course, title)) = crate::training::must_complete_before_sharing(&state, user.id).await? {
        return Ok(redirect_flash(
            &format!("/app/training/{course}"),
            false,
            "flash-training-required",
            Some(&title),
        ));
    }
    let c = Confirmation {
        network: f.network.clone(),
        text: f.text.clone(),
        post_url: f.post_url.clone(),
    };
    match service::confirm_share(&state, &user, &item, &c).await? {
        Ok(done) => {
            let key = if done.near_identical {
                "flash-shared-similar"
            } else {
                "flash-shared"
            };
            let pct = percent(done.personalisation).to_string();
            Ok(redirect_flash(
                &format!("/app/feed/{id}?network={}&shared={}", f.network, done.share_id),
                true,
                key,
                Some(&pct),
            ))
        }
        Err(problems) => {
            let mut t = share_template(&state, &ctx, &user, item, Some(&f.network), Some(f.text)).await?;
            t.errors = problems.to_field_errors(&ctx.tr);
            t.post_url = f.post_url;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

#[derive(Template)]
#[template(path = "content/shares.html")]
struct SharesTemplate<'a> {
    p: &'a Ctx,
    shares: Vec<Share>,
    /// The ambassador's links' numbers per content item.
    numbers: Vec<ambasada_store::tracking::LinkNumbers>,
    networks: &'static [Network],
    network: String,
    post_url: String,
    topic: String,
    errors: FieldErrors,
}

/// What the "write your own" form starts with: a planned free topic opens it filled.
#[derive(Deserialize, Default)]
pub struct OwnPrefill {
    #[serde(default)]
    network: String,
    #[serde(default)]
    topic: String,
}

pub async fn my_shares(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<OwnPrefill>,
) -> Result<Response> {
    user.require(Role::Ambassador)?;
    render(&SharesTemplate {
        p: &ctx,
        shares: state.store.shares_of(user.id, 200).await?,
        numbers: state.store.link_numbers_by_item(user.id).await?,
        networks: &Network::ALL,
        network: Network::parse(&q.network)
            .map(|n| n.as_str().to_string())
            .unwrap_or_default(),
        post_url: String::new(),
        topic: q.topic.chars().take(200).collect(),
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct OwnPostForm {
    #[serde(default)]
    network: String,
    #[serde(default)]
    post_url: String,
    #[serde(default)]
    topic: String,
}

/// Checks an own post's network, post URL and topic.
fn check_own_post(f: &OwnPostForm, p: &mut Problems) -> (Option<Network>, Option<String>) {
    let network = Network::parse(&f.network);
    if network.is_none() {
        p.add("network", "error-network");
    }
    let post_url = match network {
        Some(n) if !f.post_url.trim().is_empty() => match sharing::post_url_matches(n, &f.post_url) {
            Ok(u) => Some(u),
            Err(_) => {
                p.add_args("post_url", "error-post-url", vec![("network", n.label().to_string())]);
                None
            }
        },
        Some(_) => {
            p.add("post_url", "error-required");
            None
        }
        None => None,
    };
    let topic = f.topic.trim();
    if topic.is_empty() {
        p.add("topic", "error-required");
    } else if topic.chars().count() > 200 {
        p.add("topic", "error-too-long");
    } else if let Err(e) = text::check_line(topic) {
        p.add("topic", e.key());
    }
    (network, post_url)
}

/// Logs a post the ambassador wrote entirely themselves.
pub async fn own_post(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<OwnPostForm>,
) -> Result<Response> {
    user.require(Role::Ambassador)?;
    if let Some((course, title)) = crate::training::must_complete_before_sharing(&state, user.id).await? {
        return Ok(redirect_flash(
            &format!("/app/training/{course}"),
            false,
            "flash-training-required",
            Some(&title),
        ));
    }
    let mut p = Problems::default();
    let (network, post_url) = check_own_post(&f, &mut p);
    let now = crate::now();
    let programs = state.store.programs_of(user.id).await?;
    let limit = DailyLimit {
        limit: programs
            .first()
            .map_or(sharing::DEFAULT_DAILY_SHARE_LIMIT, |p| p.daily_share_limit),
        since: service::start_of_day(now, &user.time_zone),
    };
    if let (Some(n), true) = (network, p.is_empty()) {
        let share = NewShare {
            user_id: user.id,
            item_id: None,
            link_id: None,
            program_id: programs.first().map(|p| p.id),
            network: n.as_str().to_string(),
            text: String::new(),
            post_url,
            topic: Some(f.topic.trim().to_string()),
            personalisation: None,
        };
        // The store keeps the daily limit, also under concurrent requests.
        if let Some(share_id) = state.store.record_share_within(&share, false, limit, now).await? {
            let event = crate::webhooks::events::ShareConfirmed {
                share_id,
                ambassador_id: user.id,
                content_id: None,
                program_id: share.program_id,
                network: n.as_str(),
                at: now,
            };
            crate::webhooks::events::share_confirmed(&state, &event).await;
            return Ok(redirect_flash("/app/shares", true, "flash-own-post", None));
        }
        p.add_args("network", "error-daily-limit", vec![("limit", limit.limit.to_string())]);
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &SharesTemplate {
            p: &ctx,
            shares: state.store.shares_of(user.id, 200).await?,
            numbers: state.store.link_numbers_by_item(user.id).await?,
            networks: &Network::ALL,
            network: f.network,
            post_url: f.post_url,
            topic: f.topic,
            errors: p.to_field_errors(&ctx.tr),
        },
    )
}
