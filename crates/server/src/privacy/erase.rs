//! Erasure (GDPR article 17): an admin erases a person from their page
//! (`POST /app/admin/users/{id}/erase`, the person's email typed to confirm) or with
//! `ambasada person erase --email E`; a recruiter erases a candidate from the
//! application's page (`POST /app/applications/{id}/erase`), CV file included. What is
//! removed and what stays: `ambasada_store::erasure`. The audit log records who erased
//! whom (`person #12`, `application #7`) and when, not the erased data; signed webhooks
//! get `person.erased`.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::redirect_flash;
use ambasada_core::{Locale, Role};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

/// How the audit log names an erased person.
pub fn person_subject(id: i64) -> String {
    format!("person #{id}")
}

/// Erases a person: their name becomes "former employee" in `locale`. `by` is the
/// admin (`None`: the command line). False when there is no such person or they were
/// erased already.
pub async fn erase_person(state: &AppState, by: Option<i64>, id: i64, locale: Locale) -> anyhow::Result<bool> {
    let was_active = state.store.user(id).await?.is_some_and(|u| u.is_active());
    let tr = Tr::new(state.i18n.clone(), locale);
    let subject = person_subject(id);
    let now = crate::now();
    let erased = state
        .store
        .erase_person(id, &tr.t("former-employee"), &tr.t("former-candidate"), &subject, now)
        .await?;
    let Some(erased) = erased else {
        return Ok(false);
    };
    for file in &erased.cv_files {
        remove_cv(state, file).await;
    }
    state.store.audit(by, "person.erase", &subject, now).await?;
    tracing::info!(person = id, "personal data erased");
    if was_active {
        crate::webhooks::events::person_deactivated(state, id, now).await;
    }
    crate::webhooks::events::person_erased(state, id, now).await;
    Ok(true)
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: String,
}

/// `POST /app/admin/users/{id}/erase`: the person's email, typed again, confirms.
pub async fn person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<EraseForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let target = state.store.user(id).await?.ok_or(AppError::NotFound)?;
    let to = format!("/app/admin/users/{id}");
    if target.id == user.id {
        return Ok(redirect_flash(&to, false, "error-erase-self", None));
    }
    if target.erased_at.is_some() {
        return Ok(redirect_flash(&to, false, "error-erased-already", None));
    }
    if !f.confirm.trim().eq_ignore_ascii_case(&target.email) {
        return Ok(redirect_flash(&to, false, "error-erase-confirm", None));
    }
    if !erase_person(&state, Some(user.id), id, user.locale).await? {
        return Ok(redirect_flash(&to, false, "error-erased-already", None));
    }
    Ok(redirect_flash(&to, true, "flash-person-erased", None))
}

/// Erases a candidate's application: their name becomes "erased candidate" in `locale`,
/// the CV file is deleted. False when there is no such application or it was erased.
pub async fn erase_application(state: &AppState, id: i64, locale: Locale) -> anyhow::Result<bool> {
    let shown = Tr::new(state.i18n.clone(), locale).t("former-candidate");
    let Some(cv) = state.store.erase_application(id, &shown, crate::now()).await? else {
        return Ok(false);
    };
    if let Some(file) = cv {
        remove_cv(state, &file).await;
    }
    Ok(true)
}

/// `POST /app/applications/{id}/erase`: recruiters and admins erase a candidate.
pub async fn application(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    if !user.has_role(Role::Recruiter) && !user.has_role(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    state.store.application(id).await?.ok_or(AppError::NotFound)?;
    let to = format!("/app/applications/{id}");
    if !erase_application(&state, id, user.locale).await? {
        return Ok(redirect_flash(&to, false, "error-erased-already", None));
    }
    state
        .store
        .audit(
            Some(user.id),
            "application.erase",
            &format!("application #{id}"),
            crate::now(),
        )
        .await?;
    Ok(redirect_flash(&to, true, "flash-application-erased", None))
}

/// Deletes a CV file; one already gone is fine, another failure is logged (the
/// application no longer names it either way).
pub async fn remove_cv(state: &AppState, file: &str) {
    // Names are ours (`<token>.pdf`); anything else is not a file in the CV folder.
    if file.contains(['/', '\\']) || file.starts_with('.') {
        return;
    }
    let path = std::path::Path::new(&state.config.data_dir).join("cv").join(file);
    match tokio::fs::remove_file(&path).await {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(error = %e, "deleting a CV file failed"),
    }
}
