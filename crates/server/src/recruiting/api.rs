//! Recruitment's `/api/v1`: `POST /conversions`, where a company's own careers site or
//! CRM reports a conversion carrying a click token (attributed to that click's
//! ambassador, content item and network; idempotent on `external_id`), and the
//! applications and referrals reports.

use crate::AppState;
use crate::auth::ApiUser;
use crate::error::ApiError;
use crate::input::JsonBody;
use ambasada_core::Scope;
use ambasada_core::tracking::{self, ConversionKind};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/conversions", post(record))
        .route("/applications", get(applications))
        .route("/applications/{id}", get(application))
        .route("/referrals", get(referrals))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversionBody {
    #[serde(default)]
    click_token: String,
    #[serde(default)]
    kind: String,
    external_id: Option<String>,
    value: Option<f64>,
}

fn invalid(field: &str, detail: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: detail.to_string(),
        errors: Some(serde_json::json!({ field: detail })),
    }
}

pub async fn record(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ConversionBody>,
) -> Result<Response, ApiError> {
    api.require_scope(Scope::ConversionsWrite)?;
    let Some(kind) = ConversionKind::parse(&b.kind) else {
        return Err(invalid(
            "kind",
            "kind must be one of application, lead, signup, custom.",
        ));
    };
    let external_id = b.external_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if external_id.is_some_and(|e| e.chars().count() > 200) {
        return Err(invalid("external_id", "external_id may have at most 200 characters."));
    }
    if external_id.is_some_and(|e| ambasada_core::text::check_line(e).is_err()) {
        return Err(invalid("external_id", "external_id has invalid characters."));
    }
    if b.value.is_some_and(|v| !v.is_finite()) {
        return Err(invalid("value", "value must be a finite number."));
    }
    let now = crate::now();
    let source = crate::tracking::click_of_token(&state, &b.click_token)
        .await
        .map_err(crate::error::AppError::from)?;
    let Some(source) = source else {
        return Err(invalid("click_token", "No click carries this token."));
    };
    if !tracking::within_attribution_window(source.at, now) {
        return Err(invalid(
            "click_token",
            "The click is older than the 30-day attribution window.",
        ));
    }
    let (c, created) = state
        .store
        .record_conversion(source.click_id, kind.as_str(), external_id, b.value, now)
        .await?;
    // The same external id again must be the same conversion, not a new claim on it.
    if !created && (c.click_id != source.click_id || c.kind != kind.as_str()) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "This external_id was already reported with another click token or kind.",
        ));
    }
    if created {
        crate::webhooks::events::conversion_recorded(&state, &c, &source).await;
    }
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((
        status,
        Json(serde_json::json!({
            "id": c.id,
            "kind": c.kind,
            "external_id": c.external_id,
            "value": c.value,
            "created": created,
            "attributed_to": {
                "ambassador_id": source.ambassador_id,
                "content_id": source.item_id,
                "network": source.network,
                "program_id": source.program_id,
            }
        })),
    )
        .into_response())
}

/// Recruiters and admins read applications and referrals, with a `reports:read` token.
fn require_recruiting(api: &ApiUser) -> Result<(), ApiError> {
    api.require_scope(Scope::ReportsRead)?;
    if api.user.has_role(ambasada_core::Role::Recruiter) || api.user.has_role(ambasada_core::Role::Admin) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Only recruiters and admins read applications.",
        ))
    }
}

fn application_view(a: &ambasada_store::recruiting::Application) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "offer_id": a.offer_id,
        "offer_title": a.offer_title,
        "name": a.name,
        "email": a.email,
        "profile_url": a.profile_url,
        "stage": a.stage,
        "created_at": a.created_at,
        "referral": a.ambassador_id.map(|id| serde_json::json!({
            "ambassador_id": id,
            "ambassador_name": a.ambassador_name,
            "content_id": a.item_id,
            "content_title": a.item_title,
            "program": a.program_name,
            "network": a.network,
        })),
    })
}

#[derive(Deserialize)]
pub struct ApplicationsQuery {
    stage: Option<String>,
    referrals: Option<bool>,
}

/// `GET /api/v1/applications`: newest first, optionally of one stage or referrals only.
pub async fn applications(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Query(q): axum::extract::Query<ApplicationsQuery>,
) -> Result<Response, ApiError> {
    require_recruiting(&api)?;
    let stage = match q.stage.as_deref() {
        Some(s) => Some(ambasada_core::recruiting::Stage::parse(s).ok_or_else(|| invalid("stage", "Unknown stage."))?),
        None => None,
    };
    let list = state
        .store
        .applications(stage.map(|s| s.as_str()), q.referrals.unwrap_or(false), 1000)
        .await?;
    Ok(
        Json(serde_json::json!({ "applications": list.iter().map(application_view).collect::<Vec<_>>() }))
            .into_response(),
    )
}

/// `GET /api/v1/applications/{id}`: one application with where it came from.
pub async fn application(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Response, ApiError> {
    require_recruiting(&api)?;
    let a = state
        .store
        .application(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such application."))?;
    Ok(Json(application_view(&a)).into_response())
}

#[derive(Deserialize)]
pub struct ReferralsQuery {
    by: Option<String>,
}

/// `GET /api/v1/referrals?by=ambassador|network|item`: applications and hires summed.
pub async fn referrals(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Query(q): axum::extract::Query<ReferralsQuery>,
) -> Result<Response, ApiError> {
    require_recruiting(&api)?;
    let by = q.by.as_deref().unwrap_or("ambassador");
    if !matches!(by, "ambassador" | "network" | "item") {
        return Err(invalid("by", "by must be ambassador, network or item."));
    }
    let sums = state.store.referral_sums(by).await?;
    Ok(Json(serde_json::json!({
        "by": by,
        "referrals": sums.iter().map(|s| serde_json::json!({
            "key": s.key, "label": s.label, "applications": s.applications, "hires": s.hires
        })).collect::<Vec<_>>(),
    }))
    .into_response())
}
