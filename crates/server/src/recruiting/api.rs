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
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

pub fn routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new()
        .routes(routes!(record))
        .routes(routes!(applications))
        .routes(routes!(application))
        .routes(routes!(referrals))
}

/// A conversion on the organisation's site, credited to the click its visitor came by.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversionBody {
    /// The click token a tracked link's redirect put in the target URL's `amb_ct`
    /// parameter, kept by the site; the click must be at most 30 days old.
    #[serde(default)]
    click_token: String,
    /// `application`, `lead`, `signup` or `custom`.
    #[serde(default)]
    kind: String,
    /// The site's own id of the conversion, at most 200 characters on one line: reporting
    /// it again answers the first conversion instead of recording another.
    external_id: Option<String>,
    /// A value the organisation gives the conversion (a finite number), optional.
    value: Option<f64>,
}

/// Whom a conversion is credited to: the click's tracked link.
#[derive(Serialize, ToSchema)]
struct ConversionAttribution {
    /// The ambassador whose link was clicked.
    ambassador_id: i64,
    /// The content item the link was for.
    content_id: i64,
    /// The network the link was shared on.
    #[schema(value_type = ambasada_core::Network)]
    network: String,
    /// The program the share counted for, if any.
    program_id: Option<i64>,
}

/// A recorded conversion.
#[derive(Serialize, ToSchema)]
struct ConversionRecorded {
    id: i64,
    /// `application`, `lead`, `signup` or `custom`.
    #[schema(pattern = "^(application|lead|signup|custom)$")]
    kind: String,
    /// The site's id of the conversion, as reported (trimmed); `null` when none was.
    external_id: Option<String>,
    value: Option<f64>,
    /// `true` when this call recorded it, `false` when the `external_id` was reported
    /// before (the first conversion is answered).
    created: bool,
    attributed_to: ConversionAttribution,
}

fn invalid(field: &str, detail: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: detail.to_string(),
        errors: Some(serde_json::json!({ field: detail })),
    }
}

/// Records a conversion on the organisation's site (an application, a lead, a signup)
/// and credits it to the click whose token the site kept: that click's ambassador,
/// content item and network.
///
/// Idempotent on `external_id`: the same id again answers the first conversion (200,
/// `created` false). Recruiters and admins (token scope `conversions:write`), typically
/// for the careers site's or CRM's integration.
#[utoipa::path(
    post,
    path = "/conversions",
    tag = "recruiting",
    operation_id = "record_conversion",
    security(("token" = ["conversions:write"])),
    request_body = ConversionBody,
    responses(
        (status = 201, description = "Recorded, and credited to the click's ambassador.", body = ConversionRecorded),
        (status = 200, description = "This `external_id` was reported before with the same click and kind: \
the first conversion, `created` false.", body = ConversionRecorded),
        (status = 409, description = "This `external_id` was reported before with another click token or kind.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn record(
    State(state): State<AppState>,
    api: ApiUser,
    JsonBody(b): JsonBody<ConversionBody>,
) -> Result<(StatusCode, Json<ConversionRecorded>), ApiError> {
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
        Json(ConversionRecorded {
            id: c.id,
            kind: c.kind,
            external_id: c.external_id,
            value: c.value,
            created,
            attributed_to: ConversionAttribution {
                ambassador_id: source.ambassador_id,
                content_id: source.item_id,
                network: source.network,
                program_id: source.program_id,
            },
        }),
    ))
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

/// Where an application came from: the ambassador's tracked link its candidate clicked.
#[derive(Serialize, ToSchema)]
struct ApplicationReferral {
    ambassador_id: i64,
    /// The ambassador's name; `null` when the person no longer exists.
    ambassador_name: Option<String>,
    /// The content item the link was for, if known.
    content_id: Option<i64>,
    content_title: Option<String>,
    /// The name of the program the share counted for, if any.
    program: Option<String>,
    /// The network the link was shared on, if known.
    #[schema(value_type = Option<ambasada_core::Network>)]
    network: Option<String>,
}

/// An application to a job offer.
#[derive(Serialize, ToSchema)]
struct ApplicationView {
    id: i64,
    offer_id: i64,
    offer_title: String,
    /// The candidate's name (a placeholder once their data was erased).
    name: String,
    /// The candidate's email (empty once their data was erased).
    email: String,
    /// The candidate's profile (LinkedIn, ...), if given.
    profile_url: Option<String>,
    #[schema(value_type = ambasada_core::recruiting::Stage)]
    stage: String,
    /// When the candidate applied, in Unix milliseconds (not RFC 3339).
    created_at: i64,
    /// The referral, when the candidate came through an ambassador's link; `null` otherwise.
    referral: Option<ApplicationReferral>,
}

fn application_view(a: &ambasada_store::recruiting::Application) -> ApplicationView {
    ApplicationView {
        id: a.id,
        offer_id: a.offer_id,
        offer_title: a.offer_title.clone(),
        name: a.name.clone(),
        email: a.email.clone(),
        profile_url: a.profile_url.clone(),
        stage: a.stage.clone(),
        created_at: a.created_at,
        referral: a.ambassador_id.map(|id| ApplicationReferral {
            ambassador_id: id,
            ambassador_name: a.ambassador_name.clone(),
            content_id: a.item_id,
            content_title: a.item_title.clone(),
            program: a.program_name.clone(),
            network: a.network.clone(),
        }),
    }
}

/// Applications, newest first (at most 1000).
#[derive(Serialize, ToSchema)]
struct ApplicationList {
    applications: Vec<ApplicationView>,
}

/// Filters of the applications; both optional.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationsQuery {
    /// Only applications in this stage: `new`, `screening`, `interview`, `offer`, `hired`
    /// or `rejected`.
    #[param(pattern = "^(new|screening|interview|offer|hired|rejected)$")]
    stage: Option<String>,
    /// `true`: only referrals (applications through an ambassador's link).
    referrals: Option<bool>,
}

/// Applications to the job offers, newest first, optionally of one stage or referrals
/// only. Recruiters and admins (token scope `reports:read`).
#[utoipa::path(
    get,
    path = "/applications",
    tag = "recruiting",
    operation_id = "list_applications",
    security(("token" = ["reports:read"])),
    params(ApplicationsQuery),
    responses(
        (status = 200, description = "The applications, at most 1000.", body = ApplicationList),
        (status = 422, description = "`stage` is no stage.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn applications(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Query(q): axum::extract::Query<ApplicationsQuery>,
) -> Result<Json<ApplicationList>, ApiError> {
    require_recruiting(&api)?;
    let stage = match q.stage.as_deref() {
        Some(s) => Some(ambasada_core::recruiting::Stage::parse(s).ok_or_else(|| invalid("stage", "Unknown stage."))?),
        None => None,
    };
    let list = state
        .store
        .applications(stage.map(|s| s.as_str()), q.referrals.unwrap_or(false), 1000)
        .await?;
    Ok(Json(ApplicationList {
        applications: list.iter().map(application_view).collect(),
    }))
}

/// One application, with where it came from. Recruiters and admins (token scope
/// `reports:read`).
#[utoipa::path(
    get,
    path = "/applications/{id}",
    tag = "recruiting",
    operation_id = "get_application",
    security(("token" = ["reports:read"])),
    params(("id" = i64, Path, description = "The application's id.")),
    responses((status = 200, description = "The application.", body = ApplicationView)),
)]
async fn application(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Json<ApplicationView>, ApiError> {
    require_recruiting(&api)?;
    let a = state
        .store
        .application(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "No such application."))?;
    Ok(Json(application_view(&a)))
}

/// How to sum the referrals.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferralsQuery {
    /// `ambassador` (the default), `network` or `item`.
    #[param(pattern = "^(ambassador|network|item)$")]
    by: Option<String>,
}

/// The applications and hires of one ambassador, network or item.
#[derive(Serialize, ToSchema)]
struct ReferralSumView {
    /// The ambassador's id or the item's id (as a string), or the network's name.
    key: String,
    /// The ambassador's name, the network's name or the item's title (empty when unknown).
    label: String,
    applications: i64,
    /// Applications in the stage `hired`.
    hires: i64,
}

/// Referred applications and hires, summed, most applications first.
#[derive(Serialize, ToSchema)]
struct ReferralSums {
    /// What they are summed by: `ambassador`, `network` or `item`.
    #[schema(pattern = "^(ambassador|network|item)$")]
    by: String,
    referrals: Vec<ReferralSumView>,
}

/// Applications that came through ambassadors' links, and hires, summed per ambassador,
/// network or content item. Recruiters and admins (token scope `reports:read`).
#[utoipa::path(
    get,
    path = "/referrals",
    tag = "recruiting",
    operation_id = "list_referrals",
    security(("token" = ["reports:read"])),
    params(ReferralsQuery),
    responses(
        (status = 200, description = "The sums.", body = ReferralSums),
        (status = 422, description = "`by` is not `ambassador`, `network` or `item`.", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
)]
async fn referrals(
    State(state): State<AppState>,
    api: ApiUser,
    axum::extract::Query(q): axum::extract::Query<ReferralsQuery>,
) -> Result<Json<ReferralSums>, ApiError> {
    require_recruiting(&api)?;
    let by = q.by.as_deref().unwrap_or("ambassador");
    if !matches!(by, "ambassador" | "network" | "item") {
        return Err(invalid("by", "by must be ambassador, network or item."));
    }
    let sums = state.store.referral_sums(by).await?;
    Ok(Json(ReferralSums {
        by: by.to_string(),
        referrals: sums
            .iter()
            .map(|s| ReferralSumView {
                key: s.key.clone(),
                label: s.label.clone(),
                applications: s.applications,
                hires: s.hires,
            })
            .collect(),
    }))
}
