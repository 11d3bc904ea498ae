//! Error answers that no handler wrote get the body every other error has:
//! `application/problem+json` under `/api/v1`, the layout's error page elsewhere. Two
//! come from around the router: the timeout layer's `408 Request Timeout` (empty), and
//! `414 URI Too Long` for a request whose path and query are longer than
//! [`MAX_URI_LEN`], refused here before routing.
//!
//! hyper itself refuses a request line whose URI is longer than 65,534 bytes, with an
//! empty 414, before any layer runs; nothing in the router can give that answer a body.
//! [`MAX_URI_LEN`] is far below it, so every address a browser or a proxy passes on is
//! answered here (nginx refuses more than 8 KiB by default, with its own page).
//!
//! [`fill`] runs outside the timeout layer and inside the security headers, so a filled
//! page gets its Content-Security-Policy like any other.

use crate::AppState;
use crate::error::ApiError;
use crate::web::{self, Ctx};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

/// The longest path and query answered; longer ones get a 414. Far more than any page
/// or API address needs (filters, a `next` path, a CSRF token in a multipart form's
/// query), and the limit proxies commonly use.
pub const MAX_URI_LEN: usize = 8 * 1024;

/// The API's paths.
fn is_api(path: &str) -> bool {
    path == "/api/v1" || path.starts_with("/api/v1/")
}

/// The layer (`axum::middleware::from_fn_with_state`): refuses a too long URI with a
/// 414, and fills the body of an error answer that has none.
pub async fn fill(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let uri = req.uri().clone();
    // Only what the error page's language needs, kept for the rare answer to fill.
    let mut kept = HeaderMap::new();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        for v in req.headers().get_all(&name) {
            kept.append(name.clone(), v.clone());
        }
    }
    let too_long = uri.path_and_query().is_some_and(|pq| pq.as_str().len() > MAX_URI_LEN);
    let res = if too_long {
        // An empty answer, filled below like any other; the path is not echoed.
        StatusCode::URI_TOO_LONG.into_response()
    } else {
        next.run(req).await
    };
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) || res.headers().contains_key(header::CONTENT_TYPE) {
        return res;
    }
    let path = if too_long { "/" } else { uri.path() };
    let mut filled = if is_api(uri.path()) {
        ApiError::new(status, detail(status)).into_response()
    } else {
        let locale = web::locale_of(None, &CookieJar::from_headers(&kept), &kept);
        let ctx = Ctx::visitor(&state, locale, path);
        web::error_page(&ctx, status, page_key(status)).unwrap_or_else(|e| e.into_response())
    };
    // The original answer's headers (a request id, say) stay, unless the new one has
    // them; its length was the empty body's.
    for (name, value) in res.headers() {
        if name != header::CONTENT_LENGTH && !filled.headers().contains_key(name) {
            filled.headers_mut().insert(name.clone(), value.clone());
        }
    }
    filled
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    filled
}

/// The problem's detail for an API answer.
fn detail(status: StatusCode) -> &'static str {
    match status {
        StatusCode::REQUEST_TIMEOUT => "The request took too long; try again.",
        StatusCode::URI_TOO_LONG => "The request's path and query are too long.",
        s if s.is_server_error() => "An internal error occurred; it has been logged.",
        _ => "The request could not be answered.",
    }
}

/// The error page's message.
fn page_key(status: StatusCode) -> &'static str {
    match status {
        StatusCode::REQUEST_TIMEOUT => "error-timeout",
        StatusCode::URI_TOO_LONG => "error-uri-too-long",
        StatusCode::NOT_FOUND => "error-page-not-found",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
        s if s.is_server_error() => "error-page-internal",
        _ => "error-bad-request",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_are_told_apart_from_pages() {
        assert!(is_api("/api/v1"));
        assert!(is_api("/api/v1/me"));
        assert!(!is_api("/api/v10/me"));
        assert!(!is_api("/app/api/v1"));
        assert!(!is_api("/login"));
    }

    #[test]
    fn every_filled_status_has_a_message() {
        for s in [StatusCode::REQUEST_TIMEOUT, StatusCode::URI_TOO_LONG] {
            assert_ne!(detail(s), detail(StatusCode::BAD_REQUEST));
            assert_ne!(page_key(s), page_key(StatusCode::BAD_REQUEST));
        }
    }
}
