//! Authentication: passwords, session and API tokens, the extractors that own them
//! (`CurrentUser`, `ApiUser`), and role checks that read as sentences.

use crate::AppState;
use crate::error::{ApiError, AppError};
use crate::web::Ctx;
use ambasada_core::{Millis, Role, Scope};
use ambasada_store::people::User;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The session cookie: a random 256-bit token; the store keeps only its hash.
pub const SESSION_COOKIE: &str = "amb_session";
/// How long a session lives.
pub const SESSION_TTL: Millis = 30 * ambasada_core::DAY;

/// A new random secret: 256 bits, URL-safe base64.
pub fn new_token() -> String {
    B64.encode(rand::random::<[u8; 32]>())
}

/// The SHA-256 of a secret, as stored. Secrets are random and long, so a fast hash is
/// right here (unlike passwords).
pub fn hash_token(token: &str) -> String {
    B64.encode(Sha256::digest(token.as_bytes()))
}

/// A keyed hash, for values that must not be stored in the clear (login addresses).
pub fn keyed_hash(key: &str, value: &str) -> String {
    B64.encode(Sha256::digest(format!("{key}\u{0}{value}").as_bytes()))
}

/// At most this many password hashes are computed at once: each takes 19 MiB and tens
/// of milliseconds on purpose, so a flood of logins queues instead of exhausting memory.
const CONCURRENT_HASHES: usize = 4;

fn hash_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| tokio::sync::Semaphore::new(CONCURRENT_HASHES))
}

/// Hashes a password with argon2id (the crate's defaults follow OWASP's advice), off
/// the async threads since it takes tens of milliseconds on purpose.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    let _permit = hash_permits().acquire().await?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(|e| anyhow::anyhow!("{e}"))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

/// A hash that matches no password: checked when the account does not exist, so that
/// a wrong email takes as long as a wrong password.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3mmfy0XjGQZcrsBmpIHkP5U7/w/LvnFqMWPUpA5zo9Q";

/// Checks a password against a stored hash (or against nothing, in the same time).
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    let exists = hash.is_some();
    let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_string());
    let Ok(_permit) = hash_permits().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
        && exists
}

/// The token of an `Authorization: Bearer <token>` header value. The scheme's name is
/// matched in any case (`bearer`, `BEARER`), as RFC 9110 says of every scheme.
pub fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim_start().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The logged-in person of a page request. Rejects with a redirect to the login page.
#[derive(Clone)]
pub struct CurrentUser(pub Arc<User>);

impl std::ops::Deref for CurrentUser {
    type Target = User;
    fn deref(&self) -> &User {
        &self.0
    }
}

impl CurrentUser {
    /// Succeeds when the person holds `role`; answers 403 otherwise.
    pub fn require(&self, role: Role) -> Result<&Self, AppError> {
        if self.has_role(role) {
            Ok(self)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        ctx.user.map(CurrentUser).ok_or(AppError::Unauthenticated)
    }
}

/// The person behind a personal API token, with the token's scopes.
pub struct ApiUser {
    pub user: Arc<User>,
    pub scopes: Vec<Scope>,
}

impl ApiUser {
    /// Succeeds when the token carries `scope`; answers 403 otherwise.
    /// The owner's roles are checked again: a token keeps only what its owner may
    /// still do.
    pub fn require_scope(&self, scope: Scope) -> Result<(), ApiError> {
        if self.scopes.contains(&scope) && scope.allowed_for(&self.user.roles) {
            Ok(())
        } else {
            Err(ApiError::new(
                axum::http::StatusCode::FORBIDDEN,
                format!("The token lacks the scope {scope}."),
            ))
        }
    }
}

impl<S> FromRequestParts<S> for ApiUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let state = AppState::from_ref(state);
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer_token)
            .ok_or_else(ApiError::unauthorized)?;
        let now = crate::now();
        let (user_id, scopes) = state
            .store
            .api_token_user(&hash_token(token), now)
            .await?
            .ok_or_else(ApiError::unauthorized)?;
        let user = state.store.user(user_id).await?.ok_or_else(ApiError::unauthorized)?;
        Ok(ApiUser {
            user: Arc::new(user),
            scopes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let h = hash_password("zażółć gęślą".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("zażółć gęślą".into(), Some(h.clone())).await);
        assert!(!verify_password("zazolc gesla".into(), Some(h)).await);
        assert!(!verify_password("anything".into(), None).await);
    }

    #[test]
    fn the_bearer_scheme_is_matched_in_any_case() {
        for v in [
            "Bearer abc",
            "bearer abc",
            "BEARER abc",
            "BeArEr   abc  ",
            " Bearer abc",
        ] {
            assert_eq!(bearer_token(v), Some("abc"), "{v:?}");
        }
        for v in [
            "Bearer",
            "Bearer ",
            "Bearer   ",
            "Basic abc",
            "Bearerabc",
            "Token abc",
            "",
        ] {
            assert_eq!(bearer_token(v), None, "{v:?}");
        }
    }

    #[test]
    fn tokens_are_long_random_and_stored_hashed() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert_ne!(hash_token(&a), a);
        assert_eq!(hash_token(&a), hash_token(&a));
    }
}
