//! Recruitment (C9) and conversions (C7): job offers managed by recruiters, the public
//! careers pages with the application form, referral attribution from tracked links,
//! application stages, the referrals summary, and the conversions API.

pub mod api;
mod careers;
mod jobs;
pub mod open_graph;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// Applications carry a CV of up to 5 MB; a little more is read so that a too large
/// file gets a message on its field.
const APPLY_BODY_LIMIT: usize = 8 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/careers", get(careers::list))
        .route("/careers/{id}", get(careers::offer))
        .route(
            "/careers/{id}/apply",
            post(careers::apply).layer(DefaultBodyLimit::max(APPLY_BODY_LIMIT)),
        )
        .route("/app/jobs", get(jobs::list).post(jobs::create))
        .route("/app/jobs/consent", post(jobs::save_consent))
        .route("/app/jobs/{id}", get(jobs::edit_page).post(jobs::update))
        .route("/app/applications", get(jobs::applications))
        .route("/app/applications/{id}", get(jobs::application))
        .route("/app/applications/{id}/stage", post(jobs::move_stage))
        .route("/app/applications/{id}/cv", get(jobs::cv))
        .route("/app/referrals", get(jobs::referrals))
}

/// The consent text shown on the application form, in a language: the setting when an
/// admin or recruiter set one, the catalog's otherwise.
pub async fn consent_text(state: &AppState, locale: ambasada_core::Locale) -> anyhow::Result<String> {
    let key = format!("consent_text_{}", locale.as_str());
    Ok(match state.store.setting(&key).await? {
        Some(v) if !v.trim().is_empty() => v,
        _ => crate::i18n::Tr::new(state.i18n.clone(), locale).t("careers-consent-default"),
    })
}
