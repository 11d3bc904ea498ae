//! The browser security headers: every HTML answer carries a Content-Security-Policy
//! that allows no inline script or style and no framing, `X-Frame-Options: DENY` for
//! browsers that predate `frame-ancestors`, and a Referrer-Policy; every answer carries
//! `X-Content-Type-Options: nosniff`.
//!
//! [`apply`] runs as the router's outermost layer, so error pages made by inner layers
//! (timeouts, caught panics) get the headers too. The tracked-link redirect `/s/{code}`
//! skips the router's layers and is left as it is: it deliberately sends no
//! Referrer-Policy of its own; only its "link not found" page applies [`set`].
//!
//! What the pages need, and so what the policy allows: the stylesheet, the script and
//! images from this server (`/assets`, `/media`); images on `https:` hosts, which the
//! Markdown of courses and job offers may show; `fetch` to this server (the share
//! screen's score and link); forms that post to this server. The share screen opens the
//! network's composer with `window.open`: a navigation, which the policy does not limit.
//! Nothing varies per installation today; a brand colour would come from a stylesheet
//! the server renders, never from an inline style.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// The policy of every HTML answer.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// What an HTML page tells the sites it links to: the full address on this site, only the
/// origin elsewhere, nothing when leaving HTTPS for HTTP.
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"))
}

/// Adds the headers to an answer's: nosniff always, the rest on HTML.
pub fn set(headers: &mut HeaderMap) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if is_html(headers) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(header::REFERRER_POLICY, HeaderValue::from_static(REFERRER_POLICY));
    }
}

/// The layer (`axum::middleware::map_response`): [`set`] on every answer.
pub async fn apply(mut res: Response) -> Response {
    set(res.headers_mut());
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_gets_the_policy_and_everything_gets_nosniff() {
        let mut html = HeaderMap::new();
        html.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        set(&mut html);
        assert_eq!(html[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(html[header::REFERRER_POLICY], REFERRER_POLICY);
        assert_eq!(html[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let csp = html[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(!csp.contains("unsafe"), "{csp}");
        for part in ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"] {
            assert!(csp.contains(part), "{csp} lacks {part}");
        }

        let mut json = HeaderMap::new();
        json.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        set(&mut json);
        assert_eq!(json[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(!json.contains_key(header::CONTENT_SECURITY_POLICY));
        assert!(!json.contains_key(header::X_FRAME_OPTIONS));
    }
}
