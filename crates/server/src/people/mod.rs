//! People and access (C1): login, sessions, invitations, password resets, the profile
//! with personal API tokens, and the admin pages for people, teams, import and the
//! email outbox. Handlers here check roles; SQL stays in the store.

mod admin;
pub mod api;
pub mod import;
pub(crate) mod login;
mod outbox;
mod profile;
pub mod sso;
mod teams;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use import::{Checked, check, describe, import_employees};
pub(crate) use login::cookie_age;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(login::root))
        .route("/app", get(login::home))
        .route("/login", get(login::login_page).post(login::login))
        .route("/login/sso", get(sso::start))
        .route("/login/sso/callback", get(sso::callback))
        .route("/logout", post(login::logout))
        .route("/lang", post(login::switch_language))
        .route("/password/forgot", get(login::forgot_page).post(login::forgot))
        .route("/password/reset/{token}", get(login::reset_page).post(login::reset))
        .route("/invite/{token}", get(login::invite_page).post(login::accept_invite))
        .route("/app/profile", get(profile::page).post(profile::save))
        .route("/app/profile/digest", post(profile::save_digest))
        .route("/app/profile/password", post(profile::change_password))
        .route("/app/profile/tokens", post(profile::create_token))
        .route("/app/profile/tokens/{id}/revoke", post(profile::revoke_token))
        .route("/app/admin/users", get(admin::list))
        .route("/app/admin/users/invite", get(admin::invite_page).post(admin::invite))
        .route("/app/admin/users/{id}", get(admin::edit_page).post(admin::save))
        .route("/app/admin/users/{id}/deactivate", post(admin::deactivate))
        .route("/app/admin/users/{id}/reactivate", post(admin::reactivate))
        .route("/app/admin/users/{id}/reinvite", post(admin::reinvite))
        .route("/app/admin/teams", get(teams::list).post(teams::create))
        .route("/app/admin/teams/{id}", post(teams::rename))
        .route("/app/admin/teams/{id}/delete", post(teams::delete))
        .route(
            "/app/admin/import",
            get(import::page)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(import::MAX_FILE)),
        )
        .route("/app/admin/import/{id}/confirm", post(import::confirm))
        .route("/app/admin/outbox", get(outbox::list))
        .route("/app/admin/outbox/{id}", get(outbox::show))
        .route("/app/admin/outbox/{id}/retry", post(outbox::retry))
        .route("/app/admin/audit", get(admin::audit))
}

/// Parses an optional positive page number from a query string value.
pub(crate) fn page_number(p: Option<&str>) -> i64 {
    p.and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
        .min(100_000)
}
