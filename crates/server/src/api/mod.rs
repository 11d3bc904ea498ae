//! The versioned JSON API, `/api/v1`: composes each capability's `api::routes()`.
//! Authenticated by personal API tokens; errors are `application/problem+json`.
//!
//! Every route is registered through [`ApiRoutes`], which only takes handlers annotated
//! with `#[utoipa::path]` (through `utoipa_axum::routes!`): a route cannot exist without
//! its entry in the OpenAPI document (`openapi`), and the document lists nothing that is
//! not routed. `reference` renders the same document as a page.

pub mod openapi;
pub mod reference;

use crate::AppState;
use crate::error::ApiError;
use axum::Router;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

pub use openapi::{Problem, document};

/// The `/api/v1` routes of a capability, each with its documentation. Unlike axum's
/// `Router` (and utoipa-axum's, which passes `route` through), it has no way to add an
/// undocumented route.
pub struct ApiRoutes(OpenApiRouter<AppState>);

impl ApiRoutes {
    pub fn new() -> ApiRoutes {
        ApiRoutes(OpenApiRouter::new())
    }

    /// Handlers of one path, from `utoipa_axum::routes!(a, b)`.
    pub fn routes(self, handlers: UtoipaMethodRouter<AppState>) -> ApiRoutes {
        ApiRoutes(self.0.routes(handlers))
    }

    pub fn merge(self, other: ApiRoutes) -> ApiRoutes {
        ApiRoutes(self.0.merge(other.0))
    }
}

impl Default for ApiRoutes {
    fn default() -> Self {
        ApiRoutes::new()
    }
}

async fn not_found() -> Response {
    ApiError::new(axum::http::StatusCode::NOT_FOUND, "No such API endpoint.").into_response()
}

/// A time in answers: RFC 3339 in UTC.
pub fn rfc3339(at: ambasada_core::Millis) -> String {
    jiff::Timestamp::from_millisecond(at)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Every capability's routes, and the document itself. The paths are relative to
/// `/api/v1`.
pub(crate) fn all() -> ApiRoutes {
    ApiRoutes::new()
        .merge(crate::people::api::routes())
        .merge(crate::content::api::routes())
        .merge(crate::programs::api::routes())
        .merge(crate::recruiting::api::routes())
        .merge(crate::tracking::api::routes())
        .merge(crate::calendar::api::routes())
        .merge(crate::rewards::rewards_api::api_routes())
        .merge(crate::rewards::boards_api::api_routes())
        .merge(crate::rewards::points::api_routes())
        .merge(crate::reports::api_routes())
        .merge(crate::webhooks::api::routes())
        .merge(openapi::routes())
}

pub fn routes() -> Router<AppState> {
    let (router, _) = all().0.split_for_parts();
    router
        .fallback(not_found)
        .layer(axum::middleware::map_response(as_problem))
        .layer(axum::middleware::map_response(no_store))
}

/// The routed paths (relative to `/api/v1`) and their documentation, for `openapi`.
pub(crate) fn split() -> utoipa::openapi::OpenApi {
    all().0.into_openapi()
}

/// API answers carry personal data (applications, people, exports, points): no cache
/// keeps them, unless an endpoint says otherwise.
async fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .entry(axum::http::header::CACHE_CONTROL)
        .or_insert(axum::http::HeaderValue::from_static("no-store"));
    res
}

/// Rejections that axum answers itself (a path id that is not a number, a wrong
/// method, a body that is too large) become problem+json like every other API error.
async fn as_problem(res: Response) -> Response {
    let status = res.status();
    let is_problem = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let detail = match status {
            axum::http::StatusCode::METHOD_NOT_ALLOWED => "This endpoint does not take this method.",
            axum::http::StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large.",
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE => "Send JSON with Content-Type: application/json.",
            s if s.is_server_error() => "An internal error occurred; it has been logged.",
            _ => "The request is malformed (check the path and the body).",
        };
        return ApiError::new(status, detail).into_response();
    }
    res
}
