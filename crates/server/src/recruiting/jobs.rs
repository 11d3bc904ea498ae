//! The recruiter's pages: job offers, applications with their source and stages, the
//! CV download, and the referrals summary.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::recruiting::{CONTRACT_TYPES, Stage};
use ambasada_core::{Locale, Role, text};
use ambasada_store::recruiting::{Application, JobOffer, OfferInput, ReferralSum};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

/// Recruiters and admins work here.
fn require_recruiter(user: &CurrentUser) -> Result<()> {
    if user.has_role(Role::Recruiter) || user.has_role(Role::Admin) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct OfferForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    contract_type: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    open: Option<String>,
}

#[derive(Template)]
#[template(path = "recruiting/jobs.html")]
struct JobsTemplate<'a> {
    p: &'a Ctx,
    offers: Vec<JobOffer>,
    form: OfferForm,
    errors: FieldErrors,
    contracts: &'static [&'static str],
    consent_pl: String,
    consent_en: String,
}

impl JobsTemplate<'_> {
    fn action(&self) -> String {
        "/app/jobs".into()
    }
    fn contract_label(&self, c: &str) -> String {
        self.p.t(&format!("contract-{c}"))
    }
}

async fn jobs_template<'a>(state: &AppState, ctx: &'a Ctx) -> Result<JobsTemplate<'a>> {
    Ok(JobsTemplate {
        p: ctx,
        offers: state.store.offers(false).await?,
        form: OfferForm {
            language: ctx.lang().into(),
            open: Some("1".into()),
            ..Default::default()
        },
        errors: FieldErrors::default(),
        contracts: &CONTRACT_TYPES,
        consent_pl: super::consent_text(state, Locale::Pl).await?,
        consent_en: super::consent_text(state, Locale::En).await?,
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    require_recruiter(&user)?;
    render(&jobs_template(&state, &ctx).await?)
}

fn parse(ctx: &Ctx, f: &OfferForm) -> std::result::Result<OfferInput, FieldErrors> {
    let mut e = FieldErrors::default();
    let text = |field: &'static str, v: &str, max: usize, e: &mut FieldErrors| {
        let v = v.trim();
        let chars = if field == "description" {
            text::check_lines(v)
        } else {
            text::check_line(v)
        };
        if v.is_empty() {
            e.add(field, ctx.t("error-required"));
        } else if v.chars().count() > max {
            e.add(field, ctx.t("error-too-long"));
        } else if let Err(x) = chars {
            e.add(field, ctx.t(x.key()));
        }
        v.to_string()
    };
    let title = text("title", &f.title, 200, &mut e);
    let location = text("location", &f.location, 200, &mut e);
    let description = text("description", &f.description, 20_000, &mut e);
    if !CONTRACT_TYPES.contains(&f.contract_type.as_str()) {
        e.add("contract_type", ctx.t("error-contract-type"));
    }
    let language = Locale::parse(&f.language).map_err(|x| e.add("language", ctx.t(x.key())));
    match language {
        Ok(l) if e.is_empty() => Ok(OfferInput {
            title,
            location,
            contract_type: f.contract_type.clone(),
            description,
            language: l.as_str().into(),
            open: f.open.is_some(),
        }),
        _ => Err(e),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<OfferForm>,
) -> Result<Response> {
    require_recruiter(&user)?;
    match parse(&ctx, &f) {
        Ok(input) => {
            let id = state.store.create_offer(&input, user.id, crate::now()).await?;
            Ok(redirect_flash(
                &format!("/app/jobs/{id}"),
                true,
                "flash-offer-created",
                Some(&input.title),
            ))
        }
        Err(errors) => {
            let mut t = jobs_template(&state, &ctx).await?;
            t.form = f;
            t.errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

#[derive(Template)]
#[template(path = "recruiting/job.html")]
struct JobTemplate<'a> {
    p: &'a Ctx,
    offer: JobOffer,
    form: OfferForm,
    errors: FieldErrors,
    contracts: &'static [&'static str],
    public_url: String,
}

impl JobTemplate<'_> {
    fn action(&self) -> String {
        format!("/app/jobs/{}", self.offer.id)
    }
    fn contract_label(&self, c: &str) -> String {
        self.p.t(&format!("contract-{c}"))
    }
}

fn form_of(o: &JobOffer) -> OfferForm {
    OfferForm {
        title: o.title.clone(),
        location: o.location.clone(),
        contract_type: o.contract_type.clone(),
        description: o.description.clone(),
        language: o.language.clone(),
        open: (o.status == "open").then(|| "1".into()),
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let offer = state.store.offer(id).await?.ok_or(AppError::NotFound)?;
    render(&JobTemplate {
        p: &ctx,
        form: form_of(&offer),
        public_url: format!("{}/careers/{}", state.config.base_url, offer.id),
        offer,
        errors: FieldErrors::default(),
        contracts: &CONTRACT_TYPES,
    })
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<OfferForm>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let offer = state.store.offer(id).await?.ok_or(AppError::NotFound)?;
    match parse(&ctx, &f) {
        Ok(input) => {
            state.store.update_offer(id, &input, crate::now()).await?;
            Ok(redirect_flash(&format!("/app/jobs/{id}"), true, "flash-saved", None))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &JobTemplate {
                p: &ctx,
                public_url: format!("{}/careers/{}", state.config.base_url, offer.id),
                offer,
                form: f,
                errors,
                contracts: &CONTRACT_TYPES,
            },
        ),
    }
}

#[derive(Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    consent_pl: String,
    #[serde(default)]
    consent_en: String,
}

/// Sets the consent texts of the application form (empty: the default text).
pub async fn save_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<ConsentForm>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let problem = if f.consent_pl.chars().count() > 5000 || f.consent_en.chars().count() > 5000 {
        Some("error-too-long")
    } else {
        text::check_lines(&f.consent_pl)
            .and(text::check_lines(&f.consent_en))
            .err()
            .map(|e| e.key())
    };
    if let Some(key) = problem {
        let mut t = jobs_template(&state, &ctx).await?;
        t.errors.add("consent", ctx.t(key));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    state.store.set_setting("consent_text_pl", f.consent_pl.trim()).await?;
    state.store.set_setting("consent_text_en", f.consent_en.trim()).await?;
    state
        .store
        .audit(Some(user.id), "careers.consent", "consent text", crate::now())
        .await?;
    Ok(redirect_flash("/app/jobs", true, "flash-saved", None))
}

#[derive(Deserialize)]
pub struct ApplicationsQuery {
    stage: Option<String>,
    referrals: Option<String>,
    /// Only the applications to this offer (from the offers list's counts).
    offer: Option<String>,
}

#[derive(Template)]
#[template(path = "recruiting/applications.html")]
struct ApplicationsTemplate<'a> {
    p: &'a Ctx,
    applications: Vec<Application>,
    stages: &'static [Stage],
    stage: String,
    referrals_only: bool,
    /// The offer the list is narrowed to.
    offer: Option<JobOffer>,
}

impl ApplicationsTemplate<'_> {
    /// `&offer=N` when the list is narrowed to an offer, for the tabs' links.
    fn offer_param(&self) -> String {
        self.offer
            .as_ref()
            .map(|o| format!("&offer={}", o.id))
            .unwrap_or_default()
    }
}

impl ApplicationsTemplate<'_> {
    fn stage_label(&self, s: &str) -> String {
        self.p.t(&format!("stage-{s}"))
    }
}

pub async fn applications(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ApplicationsQuery>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let stage = q.stage.and_then(|s| Stage::parse(&s)).map(|s| s.as_str().to_string());
    let referrals_only = q.referrals.is_some();
    // An offer that does not parse or does not exist narrows nothing.
    let offer = match q.offer.as_deref().and_then(|s| s.trim().parse::<i64>().ok()) {
        Some(id) => state.store.offer(id).await?,
        None => None,
    };
    let offer_id = offer.as_ref().map(|o| o.id);
    render(&ApplicationsTemplate {
        p: &ctx,
        applications: state
            .store
            .applications_to(offer_id, stage.as_deref(), referrals_only, 500)
            .await?,
        stages: &Stage::ALL,
        stage: stage.unwrap_or_default(),
        referrals_only,
        offer,
    })
}

#[derive(Template)]
#[template(path = "recruiting/application.html")]
struct ApplicationTemplate<'a> {
    p: &'a Ctx,
    a: Application,
    stages: Vec<Stage>,
}

impl ApplicationTemplate<'_> {
    fn stage_label(&self, s: &str) -> String {
        self.p.t(&format!("stage-{s}"))
    }
}

pub async fn application(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let a = state.store.application(id).await?.ok_or(AppError::NotFound)?;
    let from = Stage::parse(&a.stage).unwrap_or(Stage::New);
    let stages = Stage::ALL.into_iter().filter(|s| from.can_move_to(*s)).collect();
    render(&ApplicationTemplate { p: &ctx, a, stages })
}

#[derive(Deserialize)]
pub struct StageForm {
    #[serde(default)]
    stage: String,
}

pub async fn move_stage(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<StageForm>,
) -> Result<Response> {
    require_recruiter(&user)?;
    let a = state.store.application(id).await?.ok_or(AppError::NotFound)?;
    let to_page = format!("/app/applications/{id}");
    let from = Stage::parse(&a.stage).unwrap_or(Stage::New);
    let Some(to) = Stage::parse(&f.stage).filter(|to| from.can_move_to(*to)) else {
        return Ok(redirect_flash(&to_page, false, "error-stage", None));
    };
    let now = crate::now();
    if !state
        .store
        .move_application(id, from.as_str(), to.as_str(), user.id, now)
        .await?
    {
        return Ok(redirect_flash(&to_page, false, "error-content-changed", None));
    }
    crate::webhooks::events::application_stage_changed(&state, id, a.offer_id, from.as_str(), to.as_str(), now).await;
    crate::rewards::awarding::stage_moved(&state, id, to).await;
    Ok(redirect_flash(&to_page, true, "flash-stage-moved", None))
}

/// The CV, for recruiters only, never cached.
pub async fn cv(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    require_recruiter(&user)?;
    let a = state.store.application(id).await?.ok_or(AppError::NotFound)?;
    let file = a.cv_file.ok_or(AppError::NotFound)?;
    let bytes = tokio::fs::read(std::path::Path::new(&state.config.data_dir).join("cv").join(&file))
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"cv-{id}.pdf\""))
            .unwrap_or(HeaderValue::from_static("attachment")),
    );
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    Ok(res)
}

#[derive(Template)]
#[template(path = "recruiting/referrals.html")]
struct ReferralsTemplate<'a> {
    p: &'a Ctx,
    /// (heading key, rows, whether the labels are network names)
    sections: Vec<(&'static str, Vec<ReferralSum>, bool)>,
}

/// Applications and hires through ambassadors' links, per ambassador, network and item.
pub async fn referrals(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    require_recruiter(&user)?;
    render(&ReferralsTemplate {
        p: &ctx,
        sections: vec![
            (
                "referrals-by-ambassador",
                state.store.referral_sums("ambassador").await?,
                false,
            ),
            (
                "referrals-by-network",
                state.store.referral_sums("network").await?,
                true,
            ),
            ("referrals-by-item", state.store.referral_sums("item").await?, false),
        ],
    })
}
