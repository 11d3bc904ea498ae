//! Uploaded images: stored under `data_dir/media` by content hash, served with headers
//! that let browsers keep them (the name changes whenever the content does).

use crate::AppState;
use ambasada_core::content::ImageKind;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

fn media_dir(state: &AppState) -> std::path::PathBuf {
    std::path::Path::new(&state.config.data_dir).join("media")
}

/// Stores an image (already checked by content) and returns its file name.
pub async fn store_image(state: &AppState, bytes: &[u8], kind: ImageKind) -> anyhow::Result<String> {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let name = format!("{hex}.{}", kind.extension());
    let dir = media_dir(state);
    tokio::fs::create_dir_all(&dir).await?;
    let path = dir.join(&name);
    if tokio::fs::try_exists(&path).await? {
        return Ok(name);
    }
    // Written under a temporary name and renamed, so a reader never sees half a file.
    let tmp = dir.join(format!(".{name}.{}", crate::auth::new_token()));
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, &path).await?;
    Ok(name)
}

/// Whether a name is one `store_image` makes (no paths, no other files).
fn valid_name(name: &str) -> Option<&'static str> {
    let (stem, ext) = name.split_once('.')?;
    if stem.len() != 32 || !stem.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return None;
    }
    match ext {
        "png" => Some("image/png"),
        "jpg" => Some("image/jpeg"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}

/// A stored image's bytes and media type (`None` when the name is not one of ours or
/// the file is gone).
pub async fn read_image(state: &AppState, name: &str) -> Option<(Vec<u8>, &'static str)> {
    let mime = valid_name(name)?;
    tokio::fs::read(media_dir(state).join(name))
        .await
        .ok()
        .map(|b| (b, mime))
}

async fn serve(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let Some(mime) = valid_name(&name) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    match tokio::fs::read(media_dir(&state).join(&name)).await {
        Ok(bytes) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
            res
        }
        Err(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/media/{name}", get(serve))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_hashed_names_are_served() {
        assert_eq!(
            super::valid_name("0123456789abcdef0123456789abcdef.png"),
            Some("image/png")
        );
        assert_eq!(super::valid_name("../../etc/passwd"), None);
        assert_eq!(super::valid_name("0123456789abcdef0123456789abcdef.gif"), None);
        assert_eq!(super::valid_name("0123456789ABCDEF0123456789abcdef.png"), None);
    }
}
