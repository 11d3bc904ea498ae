//! Rules shared by the content pages and the API: checking an item's fields, who may
//! do what to an item, making tracked links and recording shares.

use crate::AppState;
use crate::i18n::Tr;
use ambasada_core::content::sharing;
use ambasada_core::content::{self, Action, Actor, Category, ImageKind, Status, TargetUrl};
use ambasada_core::{Locale, Millis, Network, Role, text};
use ambasada_store::StoreError;
use ambasada_store::content::sharing::{DailyLimit, NewShare, TrackedLink};
use ambasada_store::content::{ContentInput, ContentItem};
use ambasada_store::people::User;
use ambasada_store::programs::Program;

/// One problem with one field: the catalog key and its arguments.
#[derive(Debug, Clone)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// Every problem found in a request.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(Problem {
            field,
            key,
            args: Vec::new(),
        });
    }
    pub fn add_args(&mut self, field: &'static str, key: &'static str, args: Vec<(&'static str, String)>) {
        self.0.push(Problem { field, key, args });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The problems in a language, one message per field.
    pub fn to_field_errors(&self, tr: &Tr) -> crate::web::FieldErrors {
        let mut e = crate::web::FieldErrors::default();
        for p in &self.0 {
            let args: Vec<(&str, &str)> = p.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            e.add(p.field, tr.a(p.key, &args));
        }
        e
    }
    /// The problems as a JSON object `{"field": "message"}` (English).
    pub fn to_json(&self, tr: &Tr) -> serde_json::Value {
        let map: serde_json::Map<String, serde_json::Value> = self
            .to_field_errors(tr)
            .0
            .into_iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
            .collect();
        serde_json::Value::Object(map)
    }
}

/// The fields of an item as received (from a form or JSON), before checking.
#[derive(Debug, Clone, Default)]
pub struct RawContent {
    pub title: String,
    pub category: String,
    pub target_url: String,
    pub language: String,
    pub hashtags: String,
    /// Local date and time in the person's zone (`2026-11-26T09:00`), or empty for now.
    pub starts_at: String,
    pub expires_at: String,
    /// Suggested text per network name.
    pub texts: Vec<(String, String)>,
    pub programs: Vec<String>,
    pub teams: Vec<String>,
    pub image: Option<Vec<u8>>,
    pub remove_image: bool,
}

/// Parses a local date-time (`YYYY-MM-DDTHH:MM`, seconds optional) in a time zone.
pub fn parse_local_time(s: &str, tz: &str) -> Option<i64> {
    let dt: jiff::civil::DateTime = s.trim().parse().ok()?;
    let tz = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    dt.to_zoned(tz).ok().map(|z| z.timestamp().as_millisecond())
}

/// Formats a time for a `datetime-local` input in a time zone.
pub fn local_input(millis: i64, tz: &str) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(millis) else {
        return String::new();
    };
    let tz = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    ts.to_zoned(tz).strftime("%Y-%m-%dT%H:%M").to_string()
}

/// The start (empty: now) and the expiry (empty: none; after the start) of an item.
fn check_dates(raw: &RawContent, tz: &str, now: i64, p: &mut Problems) -> (Option<i64>, Option<i64>) {
    let starts_at = if raw.starts_at.trim().is_empty() {
        Some(now)
    } else {
        let t = parse_local_time(&raw.starts_at, tz);
        if t.is_none() {
            p.add("starts_at", "error-datetime");
        }
        t
    };
    let expires_at = if raw.expires_at.trim().is_empty() {
        None
    } else {
        match parse_local_time(&raw.expires_at, tz) {
            Some(t) if starts_at.is_some_and(|s| t <= s) => {
                p.add("expires_at", "error-expiry-before-start");
                None
            }
            Some(t) => Some(t),
            None => {
                p.add("expires_at", "error-datetime");
                None
            }
        }
    };
    (starts_at, expires_at)
}

/// The suggested texts per network, in the networks' order; at least one is required.
fn check_texts(raw: &RawContent, p: &mut Problems) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    // A text under a name that is no network (a typo in the API's `texts`) is not dropped
    // silently.
    let canonical = |k: &str| Network::parse(k).is_some_and(|n| n.as_str() == k);
    if let Some((unknown, _)) = raw.texts.iter().find(|(k, _)| !canonical(k)) {
        p.add_args("texts", "error-unknown-network", vec![("network", unknown.clone())]);
    }
    for n in Network::ALL {
        let text = raw
            .texts
            .iter()
            .find(|(k, _)| k == n.as_str())
            .map(|(_, t)| t.trim())
            .unwrap_or("");
        if text.is_empty() {
            continue;
        }
        if let Err(e) = text::check_lines(text) {
            p.add(text_field(n), e.key());
        } else if let Err(e) = content::check_text(n, text, true) {
            let (key, args) = text_problem(&e);
            p.add_args(text_field(n), key, args);
        }
        texts.push((n.as_str().to_string(), text.replace("\r\n", "\n")));
    }
    if texts.is_empty() {
        p.add("text_linkedin", "error-text-required");
    }
    texts
}

/// The ids in `given` (form values), each once, all of them among `allowed`; any other
/// value is a problem on `field` with `key`.
fn check_ids(given: &[String], allowed: &[i64], field: &'static str, key: &'static str, p: &mut Problems) -> Vec<i64> {
    let mut ids = Vec::new();
    for s in given {
        match s.parse::<i64>().ok().filter(|id| allowed.contains(id)) {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => p.add(field, key),
        }
    }
    ids
}

/// The kind of an uploaded image, refused when too large or not an image we take.
fn check_image(raw: &RawContent, p: &mut Problems) -> Option<ImageKind> {
    match &raw.image {
        Some(bytes) if bytes.len() > content::MAX_IMAGE_BYTES => {
            p.add("image", "error-image-too-large");
            None
        }
        Some(bytes) => {
            let kind = content::sniff_image(bytes);
            if kind.is_none() {
                p.add("image", "error-image-type");
            }
            kind
        }
        None => None,
    }
}

/// Checks an item's fields. On success the image (if any) is stored and the input is
/// ready for the store; on failure nothing is stored.
pub async fn check_content(
    state: &AppState,
    raw: &RawContent,
    tz: &str,
    programs: &[Program],
    team_ids: &[i64],
    now: i64,
) -> anyhow::Result<Result<ContentInput, Problems>> {
    let mut p = Problems::default();
    let title = raw.title.trim();
    if title.is_empty() {
        p.add("title", "error-required");
    } else if title.chars().count() > 200 {
        p.add("title", "error-too-long");
    } else if let Err(e) = text::check_line(title) {
        p.add("title", e.key());
    }
    let category = Category::parse(&raw.category);
    if category.is_none() {
        p.add("category", "error-category");
    }
    let target = TargetUrl::parse(&raw.target_url)
        .map_err(|e| p.add("target_url", e.key()))
        .ok();
    let language = Locale::parse(&raw.language).ok();
    if language.is_none() {
        p.add("language", "error-locale");
    }
    let hashtags = content::parse_hashtags(&raw.hashtags).unwrap_or_else(|e| {
        let (key, args) = hashtag_problem(&e);
        p.add_args("hashtags", key, args);
        Vec::new()
    });
    let (starts_at, expires_at) = check_dates(raw, tz, now, &mut p);
    let texts = check_texts(raw, &mut p);
    let program_ids: Vec<i64> = programs.iter().map(|p| p.id).collect();
    let program_ids = check_ids(&raw.programs, &program_ids, "programs", "error-program", &mut p);
    let teams = check_ids(&raw.teams, team_ids, "teams", "error-team", &mut p);
    let image = check_image(raw, &mut p);
    if !p.is_empty() {
        return Ok(Err(p));
    }
    let image_file = match (&raw.image, image) {
        (Some(bytes), Some(kind)) => Some(Some(crate::media::store_image(state, bytes, kind).await?)),
        _ if raw.remove_image => Some(None),
        _ => None,
    };
    Ok(Ok(ContentInput {
        title: title.to_string(),
        category: category.map(|c| c.as_str().to_string()).unwrap_or_default(),
        target_url: target.map(|t| t.as_str().to_string()).unwrap_or_default(),
        image_file,
        hashtags: hashtags.join(" "),
        language: language.unwrap_or_default().as_str().to_string(),
        starts_at: starts_at.unwrap_or(now),
        expires_at,
        texts,
        program_ids,
        team_ids: teams,
    }))
}

/// A text that does not fit, as a catalog key with its arguments.
pub fn text_problem(e: &content::TextError) -> (&'static str, Vec<(&'static str, String)>) {
    let content::TextError::TooLong { limit, length } = e;
    (
        e.key(),
        vec![("limit", limit.to_string()), ("length", length.to_string())],
    )
}

/// What is wrong with a rejection's reason (trimmed), as a catalog key: the author reads
/// it, so it is required, at most 1000 characters, and free of control characters.
pub fn reject_reason_problem(reason: &str) -> Option<&'static str> {
    if reason.is_empty() {
        Some("error-reject-reason")
    } else if reason.chars().count() > 1000 {
        Some("error-too-long")
    } else {
        text::check_lines(reason).err().map(|e| e.key())
    }
}

/// A refused share text, as a catalog key with its arguments.
pub fn share_text_problem(e: &sharing::ShareTextError) -> (&'static str, Vec<(&'static str, String)>) {
    match *e {
        sharing::ShareTextError::TooLong { limit, length } => (
            e.key(),
            vec![("limit", limit.to_string()), ("length", length.to_string())],
        ),
        sharing::ShareTextError::Characters => (e.key(), Vec::new()),
    }
}

/// A refused hashtag list, as a catalog key with its arguments.
pub fn hashtag_problem(e: &content::HashtagError) -> (&'static str, Vec<(&'static str, String)>) {
    match e {
        content::HashtagError::Invalid(tag) => (e.key(), vec![("tag", tag.clone())]),
        content::HashtagError::TooMany => (e.key(), vec![("max", content::MAX_HASHTAGS.to_string())]),
    }
}

/// The form field of a network's text.
pub fn text_field(n: Network) -> &'static str {
    match n {
        Network::Linkedin => "text_linkedin",
        Network::X => "text_x",
        Network::Facebook => "text_facebook",
        Network::Xing => "text_xing",
    }
}

/// May this person use the library (write, list, review)?
pub fn uses_library(u: &User) -> bool {
    u.has_role(Role::Editor) || u.has_role(Role::Coordinator) || u.has_role(Role::Admin)
}

/// What a person may do to an item beyond what its author may.
#[derive(Debug, Clone, Copy, Default)]
pub struct Powers {
    /// May approve or reject it.
    pub reviewer: bool,
    /// May edit and submit it as an editor.
    pub editor: bool,
}

/// Whether the person coordinates every program the item is aimed at (an item aimed at
/// no program in particular reaches all of them, so it is nobody's alone).
async fn coordinates_all(state: &AppState, u: &User, item: &ContentItem) -> anyhow::Result<bool> {
    if item.program_ids.is_empty() {
        return Ok(false);
    }
    for id in &item.program_ids {
        match state.store.program(*id).await? {
            Some(p) if p.coordinator_id == Some(u.id) => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// Who may do what to an item. Admins everything. Editors edit and submit. A
/// coordinator reviews, and edits like an editor, only items aimed at programs they all
/// coordinate, and never approves their own item (someone else must look at it).
pub async fn powers(state: &AppState, u: &User, item: &ContentItem) -> anyhow::Result<Powers> {
    if u.has_role(Role::Admin) {
        return Ok(Powers {
            reviewer: true,
            editor: true,
        });
    }
    let coordinator = u.has_role(Role::Coordinator) && coordinates_all(state, u, item).await?;
    Ok(Powers {
        reviewer: coordinator && item.author_id != Some(u.id),
        editor: u.has_role(Role::Editor) || coordinator,
    })
}

/// May this person see this item in the library (not the feed)? Library users, and the
/// author of their own suggestion.
pub fn can_see(u: &User, item: &ContentItem) -> bool {
    uses_library(u) || item.author_id == Some(u.id)
}

/// Whether a recruiter may read an item's page (read-only: no workflow action is theirs,
/// and its history and numbers are left out): the post an application came through.
pub async fn recruiter_may_read(state: &AppState, u: &User, item: &ContentItem) -> Result<bool, StoreError> {
    Ok(u.has_role(Role::Recruiter) && state.store.item_has_applications(item.id).await?)
}

/// Who the person is for an action on the item, for the workflow rules.
pub fn actor(u: &User, item: &ContentItem, action: Action, powers: Powers) -> Actor {
    match action {
        Action::Approve | Action::Reject if powers.reviewer => Actor::Coordinator,
        // Withdrawing is for those who look after the library, the item's author included.
        Action::Withdraw if powers.editor => Actor::Editor,
        _ if item.author_id == Some(u.id) => Actor::Author,
        _ if powers.editor => Actor::Editor,
        // Neither author nor editor: a role the workflow refuses for every step.
        _ => Actor::System,
    }
}

/// The item's stored status.
pub fn status_of(item: &ContentItem) -> Status {
    Status::parse(&item.status).unwrap_or(Status::Draft)
}

/// A tracked link made (or found) for sharing, with what the share screen needs.
pub struct LinkOutcome {
    pub link: TrackedLink,
    /// `BASE_URL/s/{code}`.
    pub url: String,
    /// The network's own share page with the link.
    pub share_url: String,
    /// The text to post, with the link.
    pub final_text: String,
    /// A colleague shared nearly the same text of this item today.
    pub near_identical: bool,
}

/// Start of the person's current day, in their time zone.
pub fn start_of_day(now: i64, tz: &str) -> i64 {
    let tz = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_millisecond(now)
        .ok()
        .and_then(|t| t.to_zoned(tz).start_of_day().ok())
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(now - ambasada_core::DAY)
}

/// The program a share of this item by this person counts for: the first of the item's
/// programs the person belongs to, or their first program when the item targets all.
pub async fn program_for(state: &AppState, user_id: i64, item: &ContentItem) -> anyhow::Result<Option<Program>> {
    let mine = state.store.programs_of(user_id).await?;
    Ok(mine
        .into_iter()
        .find(|p| item.program_ids.is_empty() || item.program_ids.contains(&p.id)))
}

/// Makes (or reuses) the person's tracked link for the item and network.
pub async fn make_link(
    state: &AppState,
    user: &User,
    item: &ContentItem,
    network: Network,
    text: &str,
) -> anyhow::Result<LinkOutcome> {
    let now = crate::now();
    let program = program_for(state, user.id, item).await?;
    let link = match state.store.tracked_link(user.id, item.id, network.as_str()).await? {
        Some(l) => l,
        None => {
            let mut attempt = 0;
            loop {
                let code = sharing::link_code_from_bytes(&rand::random::<[u8; 16]>());
                match state
                    .store
                    .create_tracked_link(
                        &code,
                        user.id,
                        item.id,
                        network.as_str(),
                        program.as_ref().map(|p| p.id),
                        &item.target_url,
                        now,
                    )
                    .await
                {
                    Ok(l) => break l,
                    Err(StoreError::Conflict(_)) if attempt < 5 => attempt += 1,
                    Err(e) => return Err(e.into()),
                }
            }
        }
    };
    let url = format!("{}/s/{}", state.config.base_url, link.code);
    let text = text.trim();
    let final_text = if text.is_empty() {
        url.clone()
    } else {
        format!("{text}\n\n{url}")
    };
    let share_url = sharing::share_url(network, &url, text);
    let since = start_of_day(now, &user.time_zone);
    let near_identical = state
        .store
        .colleague_texts_since(item.id, user.id, since)
        .await?
        .iter()
        .any(|other| sharing::near_identical(other, text));
    Ok(LinkOutcome {
        link,
        url,
        share_url,
        final_text,
        near_identical,
    })
}

/// A share confirmed by the ambassador, before checking.
pub struct Confirmation {
    pub network: String,
    pub text: String,
    pub post_url: String,
}

/// What confirming did.
pub struct Confirmed {
    pub share_id: i64,
    pub personalisation: f64,
    pub near_identical: bool,
}

/// The post's address when one was given and it is on the network's site; a problem on
/// `post_url` when it is not.
fn checked_post_url(network: Option<Network>, raw: &str, p: &mut Problems) -> Option<String> {
    let n = network?;
    match raw.trim() {
        "" => None,
        u => match sharing::post_url_matches(n, u) {
            Ok(u) => Some(u),
            Err(_) => {
                p.add_args("post_url", "error-post-url", vec![("network", n.label().to_string())]);
                None
            }
        },
    }
}

/// Whether a colleague shared nearly the same text of the item today.
async fn near_identical_today(
    state: &AppState,
    user: &User,
    item_id: i64,
    text: &str,
    now: Millis,
) -> anyhow::Result<bool> {
    Ok(state
        .store
        .colleague_texts_since(item_id, user.id, start_of_day(now, &user.time_zone))
        .await?
        .iter()
        .any(|other| sharing::near_identical(other, text)))
}

/// Records a share of an item after checking the network, the post URL and the daily
/// limit. Problems come back with their fields; nothing is written then.
pub async fn confirm_share(
    state: &AppState,
    user: &User,
    item: &ContentItem,
    c: &Confirmation,
) -> anyhow::Result<Result<Confirmed, Problems>> {
    let mut p = Problems::default();
    let network = Network::parse(&c.network).filter(|n| item.text_for(n.as_str()).is_some());
    if network.is_none() {
        p.add("network", "error-network");
    }
    if let Some(n) = network
        && let Err(e) = sharing::check_share_text(n, &c.text)
    {
        let (key, args) = share_text_problem(&e);
        p.add_args("text", key, args);
    }
    let post_url = checked_post_url(network, &c.post_url, &mut p);
    let now = crate::now();
    let program = program_for(state, user.id, item).await?;
    let limit = DailyLimit {
        limit: program
            .as_ref()
            .map_or(sharing::DEFAULT_DAILY_SHARE_LIMIT, |p| p.daily_share_limit),
        since: start_of_day(now, &user.time_zone),
    };
    let Some(network) = network.filter(|_| p.is_empty()) else {
        return Ok(Err(p));
    };
    let text = c.text.trim().replace("\r\n", "\n");
    let suggested = item.text_for(network.as_str()).unwrap_or("");
    let personalisation = sharing::personalisation(suggested, &text);
    let near_identical = near_identical_today(state, user, item.id, &text, now).await?;
    let link = state.store.tracked_link(user.id, item.id, network.as_str()).await?;
    let program_id = program.map(|p| p.id);
    // The store keeps the daily limit, also under concurrent confirmations.
    let recorded = state
        .store
        .record_share_within(
            &NewShare {
                user_id: user.id,
                item_id: Some(item.id),
                link_id: link.map(|l| l.id),
                program_id,
                network: network.as_str().to_string(),
                text,
                post_url,
                topic: None,
                personalisation: Some(sharing::score_per_mille(personalisation)),
            },
            near_identical,
            limit,
            now,
        )
        .await?;
    let Some(share_id) = recorded else {
        p.add_args("network", "error-daily-limit", vec![("limit", limit.limit.to_string())]);
        return Ok(Err(p));
    };
    let event = crate::webhooks::events::ShareConfirmed {
        share_id,
        ambassador_id: user.id,
        content_id: Some(item.id),
        program_id,
        network: network.as_str(),
        at: now,
    };
    crate::webhooks::events::share_confirmed(state, &event).await;
    Ok(Ok(Confirmed {
        share_id,
        personalisation,
        near_identical,
    }))
}
