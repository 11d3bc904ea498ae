//! The Open Graph tags of the careers pages, made in one place: the pages put them in
//! their `<head>` for the networks' link previews, and the share screen shows the same
//! preview for a link that leads to one of these pages.

use crate::AppState;
use crate::brand::Current;
use crate::i18n::Tr;

/// What a careers page tells link previews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenGraph {
    pub title: String,
    pub description: String,
    /// An absolute address.
    pub image: Option<String>,
    pub site_name: String,
}

/// The company's logo as an absolute address, the careers pages' picture.
fn logo(state: &AppState, brand: &Current) -> Option<String> {
    brand
        .logo_href
        .as_ref()
        .map(|href| format!("{}{href}", state.config.base_url))
}

/// The list of open offers (`/careers`).
pub fn list(state: &AppState, brand: &Current, tr: &Tr) -> OpenGraph {
    OpenGraph {
        title: tr.t("careers-title"),
        description: tr.t("careers-intro"),
        image: logo(state, brand),
        site_name: brand.site_name().to_string(),
    }
}

/// An offer's page (`/careers/{id}`).
pub fn offer(state: &AppState, brand: &Current, offer: &ambasada_store::recruiting::JobOffer) -> OpenGraph {
    OpenGraph {
        title: offer.title.clone(),
        description: crate::markdown::plain_excerpt(&offer.description, 200),
        image: logo(state, brand),
        site_name: brand.site_name().to_string(),
    }
}

/// Which careers page an address leads to, if it is one this server serves: `Some(None)`
/// for the list, `Some(Some(id))` for an offer.
fn careers_page(base_url: &str, url: &str) -> Option<Option<i64>> {
    let rest = url.strip_prefix(base_url)?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    match path.trim_end_matches('/') {
        "/careers" => Some(None),
        p => p.strip_prefix("/careers/")?.parse().ok().map(Some),
    }
}

/// The preview of a link to `url` when it leads to a careers page we serve (None
/// otherwise, or when the offer is gone).
pub async fn of_target(state: &AppState, brand: &Current, tr: &Tr, url: &str) -> anyhow::Result<Option<OpenGraph>> {
    Ok(match careers_page(&state.config.base_url, url) {
        None => None,
        Some(None) => Some(list(state, brand, tr)),
        Some(Some(id)) => state.store.offer(id).await?.map(|o| offer(state, brand, &o)),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_our_careers_pages_are_recognised() {
        let base = "https://ambasada.example.com";
        let page = |u: &str| super::careers_page(base, u);
        assert_eq!(page("https://ambasada.example.com/careers"), Some(None));
        assert_eq!(page("https://ambasada.example.com/careers/"), Some(None));
        assert_eq!(page("https://ambasada.example.com/careers/12"), Some(Some(12)));
        assert_eq!(
            page("https://ambasada.example.com/careers/12?utm_source=x#apply"),
            Some(Some(12))
        );
        assert_eq!(page("https://ambasada.example.com/careers/12/apply"), None);
        assert_eq!(page("https://ambasada.example.com.evil.test/careers/12"), None);
        assert_eq!(page("https://other.example/careers/12"), None);
        assert_eq!(page("https://ambasada.example.com/app"), None);
    }
}
