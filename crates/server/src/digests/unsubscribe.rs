//! Unsubscribing from digests without logging in: `/unsubscribe/{token}`, the token
//! signed over the person's id (`core::digest::unsubscribe_token`).
//!
//! `GET` only shows a confirmation page with a one-click button, because mail scanners
//! follow links in emails; the `POST` of that button turns digests off. The form carries
//! the CSRF token of the page middleware, which for a visitor without a session comes
//! from the pre-session cookie set by the `GET`.

use crate::AppState;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::calendar::digest::{self, DigestSchedule};
use ambasada_store::digests::DigestSettings;
use ambasada_store::people::User;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

/// The absolute unsubscribe link of a person.
pub fn unsubscribe_link(state: &AppState, key: &str, user_id: i64) -> String {
    format!(
        "{}/unsubscribe/{}",
        state.config.base_url,
        digest::unsubscribe_token(key.as_bytes(), user_id)
    )
}

#[derive(Template)]
#[template(path = "digests/unsubscribe.html")]
struct UnsubscribeTemplate<'a> {
    p: &'a Ctx,
    token: String,
    /// The address, partly hidden: the link may have been forwarded.
    email: String,
    /// Digests are off already.
    off: bool,
}

/// `jan.kowalski@firma.pl` -> `j…@firma.pl`.
fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => "…".into(),
    }
}

/// The person of a token, or 404 for a wrong, altered or foreign token.
async fn person(state: &AppState, token: &str) -> Result<User> {
    let key = super::key(state).await?;
    let id = digest::unsubscribe_user(key.as_bytes(), token).ok_or(AppError::NotFound)?;
    state.store.user(id).await?.ok_or(AppError::NotFound)
}

/// The confirmation page, in the person's language when no one is logged in.
pub async fn page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> Result<Response> {
    let user = person(&state, &token).await?;
    let off = state
        .store
        .digest_settings(user.id)
        .await?
        .is_some_and(|s| s.frequency == digest::Frequency::Off.as_str());
    let mut ctx = ctx;
    if ctx.user.is_none() {
        ctx.tr = Tr::new(state.i18n.clone(), user.locale);
    }
    render(&UnsubscribeTemplate {
        p: &ctx,
        token,
        email: masked(&user.email),
        off,
    })
}

/// The one-click button: digests off, then the page again, saying so.
pub async fn confirm(State(state): State<AppState>, Path(token): Path<String>) -> Result<Response> {
    let user = person(&state, &token).await?;
    let d = DigestSchedule::default();
    let default = DigestSettings {
        frequency: digest::Frequency::Off.as_str().into(),
        hour: i64::from(d.hour),
        weekdays: d.weekdays.bits(),
    };
    let now = crate::now();
    state.store.turn_digests_off(user.id, &default, now).await?;
    state
        .store
        .audit(Some(user.id), "digest.unsubscribe", &user.email, now)
        .await?;
    Ok(redirect_flash(
        &format!("/unsubscribe/{token}"),
        true,
        "flash-digest-unsubscribed",
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_shown_partly() {
        assert_eq!(masked("jan.kowalski@firma.pl"), "j…@firma.pl");
        assert_eq!(masked("ó@x.pl"), "ó…@x.pl");
        assert_eq!(masked("nonsense"), "…");
    }
}
