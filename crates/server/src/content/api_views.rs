//! What `/api/v1` for content and sharing reads and answers: the request bodies and
//! queries, and the answer types (their OpenAPI schemas come from these definitions).

use super::service;
use crate::AppState;
use ambasada_core::content;
use ambasada_store::content::ContentItem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

/// A content item as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct ContentItemView {
    pub id: i64,
    pub title: String,
    /// `employer_branding`, `company_life`, `product`, `job_offer` or `event`.
    pub category: String,
    /// The status now: `draft`, `submitted`, `approved` (waiting for its start),
    /// `rejected`, `published` (live) or `expired` (past its end, or withdrawn).
    #[schema(pattern = "^(draft|submitted|approved|rejected|published|expired)$")]
    pub status: String,
    /// Where the tracked links lead (an http(s) URL).
    pub target_url: String,
    /// The item's image (absolute URL), or `null` when it has none.
    pub image_url: Option<String>,
    /// Hashtags without their `#`, in the order they were typed.
    pub hashtags: Vec<String>,
    /// The language of the item: `pl` or `en`.
    pub language: String,
    /// The suggested text per network: keys are `linkedin`, `x`, `facebook`, `xing`; only
    /// the networks the item is offered for.
    pub texts: BTreeMap<String, String>,
    /// The programs the item is aimed at; empty: every program.
    pub program_ids: Vec<i64>,
    /// The teams the item is aimed at; empty: every team.
    pub team_ids: Vec<i64>,
    /// When the item goes (or went) live, in Unix milliseconds (not RFC 3339).
    pub starts_at: i64,
    /// When the item stops being offered, in Unix milliseconds; `null`: never.
    pub expires_at: Option<i64>,
    /// Why a coordinator rejected it, when it was rejected; `null` otherwise.
    pub reject_reason: Option<String>,
}

/// The item as the API shows it, with its status at this moment.
pub fn view(state: &AppState, item: &ContentItem) -> ContentItemView {
    let status = service::status_of(item);
    ContentItemView {
        id: item.id,
        title: item.title.clone(),
        category: item.category.clone(),
        status: content::effective_status(status, item.starts_at, item.expires_at, crate::now())
            .as_str()
            .to_string(),
        target_url: item.target_url.clone(),
        image_url: item
            .image_file
            .as_ref()
            .map(|f| format!("{}/media/{f}", state.config.base_url)),
        hashtags: item.hashtags.split_whitespace().map(str::to_string).collect(),
        language: item.language.clone(),
        texts: item.texts.iter().cloned().collect(),
        program_ids: item.program_ids.clone(),
        team_ids: item.team_ids.clone(),
        starts_at: item.starts_at,
        expires_at: item.expires_at,
        reject_reason: item.reject_reason.clone(),
    }
}

/// The caller's feed: the items they may share now, newest start first (at most 200).
#[derive(Serialize, ToSchema)]
pub struct ContentFeed {
    pub items: Vec<ContentItemView>,
}

/// Filters of the feed; all optional.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// Only items of this category: `employer_branding`, `company_life`, `product`,
    /// `job_offer` or `event`.
    pub category: Option<String>,
    /// Only items in this language: `pl` or `en`.
    pub language: Option<String>,
    /// Words in the title, hashtags or texts, with or without Polish letters (the first
    /// 200 characters count).
    pub q: Option<String>,
}

/// The network to share an item on, and the text to post.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackedLinkBody {
    /// `linkedin`, `x`, `facebook` or `xing`: one the item has a suggested text for.
    pub network: String,
    /// The text to post (the link is added to it); empty or absent: the item's suggested
    /// text for the network. It must fit the network as the network counts it (X: 280,
    /// the link taking 24; LinkedIn and XING: 3000; Facebook: 63206) and have no control
    /// characters but line breaks and tabs.
    #[serde(default)]
    pub text: String,
}

/// The caller's tracked link for an item and network.
#[derive(Serialize, ToSchema)]
pub struct TrackedLinkView {
    /// The link's code, the last part of `url`.
    pub code: String,
    /// The tracked link (`<server>/s/<code>`), absolute.
    pub url: String,
    /// The network's own share page, with the link and the text filled in.
    pub share_url: String,
    /// Whether a colleague shared nearly the same text of this item today (a hint to
    /// personalise it).
    pub near_identical: bool,
}

/// A share the caller made (after posting), to be recorded.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareBody {
    /// The content item shared; it must be in the caller's feed.
    pub content_id: i64,
    /// `linkedin`, `x`, `facebook` or `xing`: one the item has a suggested text for.
    pub network: String,
    /// The text as posted: at most the network's limit plus 500 characters (X: 780;
    /// LinkedIn and XING: 3500; Facebook: 63706), no control characters but line breaks
    /// and tabs.
    #[serde(default)]
    pub text: String,
    /// The address of the post, optional; when given, an http(s) URL on the network's
    /// site.
    #[serde(default)]
    pub post_url: String,
}

/// A recorded share.
#[derive(Serialize, ToSchema)]
pub struct ShareRecorded {
    /// The share's id.
    pub id: i64,
    /// How much the text differs from the suggested one, from 0 (the same) to 1
    /// (entirely the caller's own), to three decimals.
    pub personalisation: f64,
    /// Whether a colleague shared nearly the same text of this item today.
    pub near_identical: bool,
}

/// An item's fields, for create and update. Every field must be valid; the whole item is
/// replaced on update.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentItemBody {
    /// Required, at most 200 characters on one line.
    #[serde(default)]
    pub title: String,
    /// `employer_branding`, `company_life`, `product`, `job_offer` or `event`.
    #[serde(default)]
    pub category: String,
    /// Where the tracked links lead: an absolute http(s) URL, at most 2000 characters.
    #[serde(default)]
    pub target_url: String,
    /// `pl` or `en`.
    #[serde(default)]
    pub language: String,
    /// At most 15 tags, with or without `#`, each 1 to 50 letters, digits or `_`.
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// When the item goes live: RFC 3339, or local `YYYY-MM-DDTHH:MM` in the caller's time
    /// zone; empty or absent: now.
    #[serde(default)]
    pub starts_at: Option<String>,
    /// When it stops being offered, after `starts_at`, in the same formats; empty or
    /// absent: never.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// The suggested text per network, keyed `linkedin`, `x`, `facebook` or `xing`: at
    /// least one. Each must fit its network as the network counts it (X: 280, the link
    /// taking 24; LinkedIn and XING: 3000; Facebook: 63206), without control characters
    /// but line breaks and tabs.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    /// The programs the item is aimed at (ids of existing programs); empty: every program.
    #[serde(default)]
    pub program_ids: Vec<i64>,
    /// The teams the item is aimed at (ids of existing teams); empty: every team.
    #[serde(default)]
    pub team_ids: Vec<i64>,
}

/// Why an item is rejected.
#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectBody {
    /// Required: the author reads it. At most 1000 characters, no control characters
    /// but line breaks and tabs.
    #[serde(default)]
    pub reason: String,
}
