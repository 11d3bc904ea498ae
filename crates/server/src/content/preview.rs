//! The share screen's preview of how a link will look on a network: what the target's
//! Open Graph tags say when it is a page this server serves (the careers pages), else
//! the item's own title and picture.

use crate::AppState;
use crate::web::Ctx;
use ambasada_store::content::ContentItem;

/// A link preview as the share screen shows it.
#[derive(Debug, Clone)]
pub struct LinkPreview {
    /// The target's host, without `www.`.
    pub host: String,
    pub title: String,
    pub description: String,
    /// An address the viewer's browser can load.
    pub image: Option<String>,
}

/// The preview of a link to `item`'s target.
pub async fn of_item(state: &AppState, ctx: &Ctx, item: &ContentItem) -> anyhow::Result<LinkPreview> {
    let host = url::Url::parse(&item.target_url)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.trim_start_matches("www.").to_string()))
        .unwrap_or_default();
    let own_image = item.image_file.as_ref().map(|f| format!("/media/{f}"));
    let og = crate::recruiting::open_graph::of_target(state, &ctx.brand, &ctx.tr, &item.target_url).await?;
    Ok(match og {
        Some(og) => LinkPreview {
            host,
            title: og.title,
            description: og.description,
            // The logo as this server serves it (the tag's absolute address may name a
            // host the viewer does not reach, like a demo's base URL); no picture when
            // the page offers none, as the network shows none.
            image: og.image.and(ctx.brand.logo_href.clone()),
        },
        None => LinkPreview {
            host,
            title: item.title.clone(),
            description: String::new(),
            image: own_image,
        },
    })
}
