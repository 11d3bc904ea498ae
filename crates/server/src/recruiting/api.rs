//! `POST /api/v1/conversions`: a company's own careers site or CRM reports a
//! conversion carrying a click token; it is attributed to that click's ambassador,
//! content item and network. Idempotent on `external_id`.

use crate::AppState;
use crate::auth::ApiUser;
use crate::content::api::JsonBody;
use crate::error::ApiError;
use ambasada_core::Scope;
use ambasada_core::tracking::{self, ConversionKind};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
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
