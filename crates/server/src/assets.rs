//! Static assets (CSS, JS), embedded in the binary and served under names that carry a
//! hash of their content, so browsers may cache them forever.

use crate::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");

/// The hashed file names templates link to.
pub struct AssetNames {
    pub css: String,
    pub js: String,
}

/// A short hash of a served file's content, for names that change with it.
pub fn content_hash(content: &str) -> String {
    let h = Sha256::digest(content.as_bytes());
    h.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

fn hashed(stem: &str, ext: &str, content: &str) -> String {
    format!("/assets/{stem}-{}.{ext}", content_hash(content))
}

/// The asset names, computed once.
pub fn names() -> &'static AssetNames {
    static NAMES: OnceLock<AssetNames> = OnceLock::new();
    NAMES.get_or_init(|| AssetNames {
        css: hashed("app", "css", CSS),
        js: hashed("app", "js", JS),
    })
}

async fn asset(Path(file): Path<String>) -> Response {
    let names = names();
    let path = format!("/assets/{file}");
    let (body, ctype) = if path == names.css {
        (CSS, "text/css; charset=utf-8")
    } else if path == names.js {
        (JS, "text/javascript; charset=utf-8")
    } else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    res
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/assets/{file}", get(asset))
}
