//! The one error story of the HTTP layer. Pages answer errors as HTML in the layout
//! (the `context` middleware renders them, since it knows the person and language);
//! the API answers `application/problem+json`. Internal details are logged, never sent.

use ambasada_store::StoreError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("not logged in")]
    Unauthenticated,
    /// The request itself is wrong; carries the catalog key of the explanation.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A form's CSRF token is missing or stale.
    #[error("csrf token mismatch")]
    Csrf,
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

/// Results of handlers.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            e if e.is_unstorable_text() => AppError::BadRequest(INVALID_CHARACTERS),
            e => AppError::Internal(e.into()),
        }
    }
}

/// The message of a text the database cannot hold (a NUL on PostgreSQL).
const INVALID_CHARACTERS: &str = "error-invalid-characters";

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The catalog key of the message a person sees.
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-page-not-found",
            AppError::Forbidden => "error-page-forbidden",
            AppError::Unauthenticated => "error-page-unauthenticated",
            AppError::BadRequest(key) => key,
            AppError::Csrf => "error-csrf",
            AppError::Internal(_) => "error-page-internal",
        }
    }

    /// An internal error that is a text the database cannot hold (it came through an
    /// `anyhow` chain) is the request's fault: a 400, never a 500.
    fn settled(self) -> AppError {
        match self {
            AppError::Internal(e)
                if e.chain().any(|c| {
                    c.downcast_ref::<StoreError>()
                        .is_some_and(StoreError::is_unstorable_text)
                }) =>
            {
                AppError::BadRequest(INVALID_CHARACTERS)
            }
            e => e,
        }
    }

    fn log(&self) {
        if let AppError::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
    }
}

/// Marks a response as an error page for the `context` middleware to render.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub key: &'static str,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let e = self.settled();
        e.log();
        let mut res = (e.status(), e.message_key()).into_response();
        res.extensions_mut().insert(ErrorPage { key: e.message_key() });
        res
    }
}

/// An error answered as RFC 9457 `application/problem+json`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub detail: String,
    /// Per-field messages for 422s: `{"field": "message"}`.
    pub errors: Option<serde_json::Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: detail.into(),
            errors: None,
        }
    }
    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "A valid personal API token is required: Authorization: Bearer <token>.",
        )
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let e = e.settled();
        e.log();
        let detail = match &e {
            AppError::NotFound => "The resource does not exist.",
            AppError::Forbidden => "The token's owner or scopes do not allow this.",
            AppError::Unauthenticated => return ApiError::unauthorized(),
            AppError::BadRequest(INVALID_CHARACTERS) => "A text in the request has invalid (control) characters.",
            AppError::BadRequest(_) => "The request is malformed.",
            AppError::Csrf => "CSRF token mismatch.",
            AppError::Internal(_) => "An internal error occurred; it has been logged.",
        };
        ApiError::new(e.status(), detail)
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        AppError::Internal(e).into()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // The shape the OpenAPI document gives (`api::Problem`); `errors` holds one
        // message per field.
        let errors = self.errors.and_then(|e| match e {
            serde_json::Value::Object(map) => Some(
                map.into_iter()
                    .map(|(k, v)| match v {
                        serde_json::Value::String(s) => (k, s),
                        other => (k, other.to_string()),
                    })
                    .collect(),
            ),
            _ => None,
        });
        let body = crate::api::Problem {
            kind: "about:blank",
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail: self.detail,
            errors,
        };
        let body = serde_json::to_string(&body).unwrap_or_default();
        let mut res = (self.status, body).into_response();
        res.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/problem+json"),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}
