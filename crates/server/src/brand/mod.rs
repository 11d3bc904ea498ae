//! The company's brand (C1 settings): name, logo, primary colour and "about us", set by
//! admins and shown in the app header, on the careers pages and in emails.
//!
//! Every page needs the brand, so it is kept in memory and read again from the database
//! when older than [`FRESH_FOR`] (other instances see a change within that time; the
//! instance that saved it at once). The colour reaches the pages as a stylesheet served
//! here, since the Content-Security-Policy allows no inline style.

mod pages;

use crate::AppState;
use ambasada_core::brand::{self as rules, Colour};
use ambasada_store::settings::Brand;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long an instance trusts its copy of the brand.
const FRESH_FOR: Duration = Duration::from_secs(5);

/// The tool's own name, shown when no company name is set.
pub const TOOL_NAME: &str = "Ambasada";

/// The brand as pages use it.
#[derive(Debug, Clone, Default)]
pub struct Current {
    /// The company's name; empty when not set.
    pub name: String,
    pub about: String,
    /// The logo's address (`/media/...`).
    pub logo_href: Option<String>,
    /// The colour's stylesheet and its address (which changes with the colour).
    pub stylesheet: Option<(String, String)>,
    /// The settings as stored, for the settings form.
    pub stored: Brand,
}

impl Current {
    fn of(stored: Brand) -> Current {
        let stylesheet = Colour::parse(&stored.colour).map(|c| {
            let css = rules::stylesheet(c);
            (format!("/brand/colours-{}.css", crate::assets::content_hash(&css)), css)
        });
        Current {
            name: stored.name.clone(),
            about: stored.about.clone(),
            logo_href: (!stored.logo.is_empty()).then(|| format!("/media/{}", stored.logo)),
            stylesheet,
            stored,
        }
    }

    /// The company's name, or the tool's when none is set.
    pub fn site_name(&self) -> &str {
        if self.name.is_empty() { TOOL_NAME } else { &self.name }
    }

    /// The stylesheet's address, when a colour is set.
    pub fn css_href(&self) -> Option<&str> {
        self.stylesheet.as_ref().map(|(href, _)| href.as_str())
    }

    /// "About us" in paragraphs (blank lines separate them).
    pub fn about_paragraphs(&self) -> Vec<&str> {
        self.about
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// The in-memory copy of the brand, with the number of saves made through this
/// instance: a read from the database that began before a save does not replace what
/// the save put.
#[derive(Default)]
pub struct BrandCache(RwLock<Option<(Instant, Arc<Current>)>>, AtomicU64);

impl BrandCache {
    /// The copy, fresh or not (the default brand before the first read).
    pub fn cached(&self) -> Arc<Current> {
        match &*self.0.read().unwrap_or_else(|e| e.into_inner()) {
            Some((_, current)) => current.clone(),
            None => Arc::new(Current::default()),
        }
    }

    fn fresh(&self) -> Option<Arc<Current>> {
        match &*self.0.read().unwrap_or_else(|e| e.into_inner()) {
            Some((at, current)) if at.elapsed() < FRESH_FOR => Some(current.clone()),
            _ => None,
        }
    }

    /// Puts what was read from the database, unless a save happened since `saves` was
    /// taken (then the saved copy stays, and is returned).
    fn put_read(&self, saves: u64, stored: Brand) -> Arc<Current> {
        let current = Arc::new(Current::of(stored));
        let mut slot = self.0.write().unwrap_or_else(|e| e.into_inner());
        if self.1.load(Ordering::SeqCst) != saves
            && let Some((_, saved)) = &*slot
        {
            return saved.clone();
        }
        *slot = Some((Instant::now(), current.clone()));
        current
    }

    /// Puts what was just saved.
    fn put_saved(&self, stored: Brand) {
        let current = Arc::new(Current::of(stored));
        let mut slot = self.0.write().unwrap_or_else(|e| e.into_inner());
        self.1.fetch_add(1, Ordering::SeqCst);
        *slot = Some((Instant::now(), current));
    }
}

impl AppState {
    /// The brand, read again from the database when the copy is older than [`FRESH_FOR`].
    /// A database error keeps the older copy (a page still renders).
    pub async fn brand(&self) -> Arc<Current> {
        if let Some(current) = self.brand.fresh() {
            return current;
        }
        let saves = self.brand.1.load(Ordering::SeqCst);
        match self.store.brand().await {
            Ok(stored) => self.brand.put_read(saves, stored),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the brand settings");
                self.brand.cached()
            }
        }
    }

    /// Saves the brand and updates this instance's copy at once.
    pub async fn save_brand(&self, brand: &Brand) -> anyhow::Result<()> {
        self.store.set_brand(brand).await?;
        self.brand.put_saved(brand.clone());
        Ok(())
    }
}

/// `GET /brand/{file}`: the colour's stylesheet. Its address carries a hash of the
/// content, so it is cached for good; an older address (another instance had not seen a
/// change yet) gets today's colours, not cached.
async fn stylesheet(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let brand = state.brand().await;
    let Some((href, css)) = &brand.stylesheet else {
        return crate::error::AppError::NotFound.into_response();
    };
    let cache = if href.rsplit('/').next() == Some(file.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut res = css.clone().into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

/// The stylesheet's route, outside the page middleware (no session, like `/assets`).
pub fn stylesheet_routes() -> Router<AppState> {
    Router::new().route("/brand/{file}", get(stylesheet))
}

/// The settings page.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/app/admin/brand",
        get(pages::page)
            .post(pages::save)
            .layer(DefaultBodyLimit::max(rules::MAX_LOGO_BYTES + 64 * 1024)),
    )
}
