//! The public careers pages: open offers, an offer, and the application form. A visitor
//! who arrived through an ambassador's tracked link carries its click token (`amb_ct`),
//! kept in a first-party cookie for the attribution window, so that an application
//! within 30 days is that ambassador's referral (last click wins).

use crate::error::{AppError, Result};
use crate::web::{self, Ctx, FieldErrors, redirect_flash, render, render_status};
use crate::{AppState, auth, mail};
use ambasada_core::content::TargetUrl;
use ambasada_core::recruiting::{self, APPLICATIONS_PER_HOUR};
use ambasada_core::tracking::{self, CLICK_TOKEN_PARAM};
use ambasada_core::{Email, HOUR, PersonName};
use ambasada_store::recruiting::{JobOffer, NewApplication};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use std::collections::HashMap;

/// The cookie that keeps the click token on the careers pages.
const CLICK_COOKIE: &str = "amb_ct";

#[derive(Deserialize)]
pub struct TokenQuery {
    amb_ct: Option<String>,
}

/// Remembers a click token from the query string (last click wins).
fn remember_click(state: &AppState, res: &mut Response, q: &TokenQuery) {
    if let Some(t) = q.amb_ct.as_deref().filter(|t| tracking::is_click_token(t)) {
        let mut c = web::cookie(CLICK_COOKIE, t.to_string(), state.config.is_https());
        c.set_max_age(Some(crate::people::cookie_age(tracking::ATTRIBUTION_WINDOW)));
        web::set_cookie(res.headers_mut(), &c);
    }
}

#[derive(Template)]
#[template(path = "recruiting/careers/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    /// Each open offer with a short plain-text excerpt.
    offers: Vec<(JobOffer, String)>,
    og: super::open_graph::OpenGraph,
}

/// `/careers`: the open offers.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<TokenQuery>) -> Result<Response> {
    let offers = state
        .store
        .offers(true)
        .await?
        .into_iter()
        .map(|o| {
            let excerpt = crate::markdown::plain_excerpt(&o.description, 160);
            (o, excerpt)
        })
        .collect();
    let og = super::open_graph::list(&state, &ctx.brand, &ctx.tr);
    let mut res = render(&ListTemplate { p: &ctx, offers, og })?;
    remember_click(&state, &mut res, &q);
    Ok(res)
}

/// The application form's fields as typed.
#[derive(Default, Clone)]
pub struct ApplyForm {
    pub name: String,
    pub email: String,
    pub profile_url: String,
    pub message: String,
    pub consent: bool,
    /// The second, optional consent: to future recruitments.
    pub future_consent: bool,
}

#[derive(Template)]
#[template(path = "recruiting/careers/offer.html")]
struct OfferTemplate<'a> {
    p: &'a Ctx,
    offer: JobOffer,
    description_html: String,
    og: super::open_graph::OpenGraph,
    og_url: String,
    consent_text: String,
    future_consent_text: String,
    future_consent_hint: String,
    click_token: String,
    form: ApplyForm,
    errors: FieldErrors,
    form_error: Option<String>,
}

impl OfferTemplate<'_> {
    fn contract_label(&self) -> String {
        self.p.t(&format!("contract-{}", self.offer.contract_type))
    }
}

/// The optional consent to future recruitments, in the reader's language, with how long
/// it keeps the application (the `retention_consented_months` setting).
fn future_consent_text(state: &AppState, ctx: &Ctx) -> String {
    let months = i64::from(state.config.retention.consented_months);
    let period = ctx.tr.n("careers-future-consent-months", months);
    ctx.tr.a1("careers-future-consent", "period", &period)
}

async fn offer_template<'a>(state: &AppState, ctx: &'a Ctx, id: i64, click_token: String) -> Result<OfferTemplate<'a>> {
    let offer = state.store.offer(id).await?.ok_or(AppError::NotFound)?;
    Ok(OfferTemplate {
        p: ctx,
        description_html: crate::markdown::render(&offer.description),
        og: super::open_graph::offer(state, &ctx.brand, &offer),
        og_url: format!("{}/careers/{}", state.config.base_url, offer.id),
        consent_text: super::consent_text(state, ctx.tr.locale).await?,
        future_consent_text: future_consent_text(state, ctx),
        future_consent_hint: {
            let months = i64::from(state.config.retention.applications_months);
            let period = ctx.tr.n("careers-future-consent-months", months);
            ctx.tr.a1("careers-future-consent-hint", "period", &period)
        },
        click_token,
        offer,
        form: ApplyForm::default(),
        errors: FieldErrors::default(),
        form_error: None,
    })
}

/// `/careers/{id}`: an offer with its application form.
pub async fn offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<TokenQuery>,
    jar: CookieJar,
) -> Result<Response> {
    let token = q
        .amb_ct
        .clone()
        .filter(|t| tracking::is_click_token(t))
        .or_else(|| jar.get(CLICK_COOKIE).map(|c| c.value().to_string()))
        .unwrap_or_default();
    let mut res = render(&offer_template(&state, &ctx, id, token).await?)?;
    remember_click(&state, &mut res, &q);
    Ok(res)
}

/// Reads the multipart form: fields, and the CV's bytes when one was chosen.
async fn read(mut mp: Multipart) -> std::result::Result<(HashMap<String, String>, Option<Vec<u8>>), &'static str> {
    let mut fields = HashMap::new();
    let mut cv = None;
    loop {
        match mp.next_field().await {
            Ok(Some(f)) => {
                let name = f.name().unwrap_or("").to_string();
                if name == "cv" {
                    let chosen = f.file_name().is_some_and(|n| !n.is_empty());
                    let bytes = f.bytes().await.map_err(|_| "error-cv-too-large")?;
                    if chosen && !bytes.is_empty() {
                        cv = Some(bytes.to_vec());
                    }
                } else {
                    let v = crate::input::multipart_text(f).await?;
                    fields.insert(name, v);
                }
            }
            Ok(None) => return Ok((fields, cv)),
            Err(_) => return Err("error-upload"),
        }
    }
}

/// The click token the application carries: the form's hidden field, else the cookie
/// the careers page set; empty when neither is a well-formed token.
fn click_token_of(form_token: &str, jar: &CookieJar) -> String {
    Some(form_token.to_string())
        .filter(|t| tracking::is_click_token(t))
        .or_else(|| {
            jar.get(CLICK_COOKIE)
                .map(|c| c.value().to_string())
                .filter(|t| tracking::is_click_token(t))
        })
        .unwrap_or_default()
}

/// The applicant's address, for the hourly limit: the peer's, or the last hop of
/// `X-Forwarded-For` behind a trusted proxy.
fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> String {
    let ip = peer.map(|p| p.ip().to_string()).unwrap_or_default();
    if !state.config.trust_proxy {
        return ip;
    }
    headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(|s| s.trim().to_string())
        .unwrap_or(ip)
}

/// A checked application: name, email and profile URL.
type CheckedApplication = (PersonName, Email, Option<String>);

/// Checks the form and the CV; every problem goes on its field.
fn check_application(
    ctx: &Ctx,
    form: &ApplyForm,
    cv: Option<&Vec<u8>>,
) -> std::result::Result<CheckedApplication, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = PersonName::parse(&form.name).map_err(|e| errors.add("name", ctx.t(e.key())));
    let email = Email::parse(&form.email).map_err(|e| errors.add("email", ctx.t(e.key())));
    let profile_url = match form.profile_url.trim() {
        "" => None,
        u => match TargetUrl::parse(u) {
            Ok(u) => Some(u.as_str().to_string()),
            Err(e) => {
                errors.add("profile_url", ctx.t(e.key()));
                None
            }
        },
    };
    if form.message.chars().count() > 5000 {
        errors.add("message", ctx.t("error-too-long"));
    } else if let Err(e) = ambasada_core::text::check_lines(&form.message) {
        errors.add("message", ctx.t(e.key()));
    }
    if !form.consent {
        errors.add("consent", ctx.t("error-consent"));
    }
    if let Some(bytes) = cv {
        if bytes.len() > recruiting::MAX_CV_BYTES {
            errors.add("cv", ctx.t("error-cv-too-large"));
        } else if !recruiting::is_pdf(bytes) {
            errors.add("cv", ctx.t("error-cv-type"));
        }
    }
    errors.attach_again("cv", cv.is_some(), &ctx.tr);
    match (name, email, errors.is_empty()) {
        (Ok(name), Ok(email), true) => Ok((name, email, profile_url)),
        _ => Err(errors),
    }
}

/// Records a checked application, attributed to the click of `click_token` when that
/// is within the attribution window (last click wins), and confirms it by email.
async fn record_application(
    state: &AppState,
    ctx: &Ctx,
    t: &OfferTemplate<'_>,
    (name, email, profile_url): CheckedApplication,
    cv: Option<Vec<u8>>,
    click_token: &str,
) -> Result<()> {
    let now = crate::now();
    let cv_file = match cv {
        Some(bytes) => Some(store_cv(state, &bytes).await?),
        None => None,
    };
    let source = if click_token.is_empty() {
        None
    } else {
        crate::tracking::click_of_token(state, click_token)
            .await?
            .filter(|c| tracking::within_attribution_window(c.at, now))
    };
    let referral = source.is_some();
    let ambassador_id = source.as_ref().map(|s| s.ambassador_id);
    let application = NewApplication {
        offer_id: t.offer.id,
        name: name.as_str().to_string(),
        email: email.as_str().to_string(),
        profile_url,
        message: t.form.message.trim().to_string(),
        cv_file,
        consent_text: t.consent_text.clone(),
        future_consent_text: t.form.future_consent.then(|| t.future_consent_text.clone()),
        future_consent_until: t
            .form
            .future_consent
            .then(|| ambasada_core::retention::consent_until(now, state.config.retention.consented_months)),
        source,
    };
    let app_id = state.store.create_application(&application, now).await?;
    tracing::info!(application = app_id, referral, "application received");
    crate::webhooks::events::application_created(state, app_id, t.offer.id, ambassador_id, now).await;
    crate::notifications::job_application(state, app_id, name.as_str(), &t.offer.title).await;
    let body = ctx.tr.a(
        "email-applied-body",
        &[
            ("name", name.as_str()),
            ("offer", &t.offer.title),
            ("link", &format!("{}/careers", state.config.base_url)),
        ],
    );
    let subject = ctx.tr.a1("email-applied-subject", "offer", &t.offer.title);
    mail::queue(state, email.as_str(), &subject, &body, "application").await?;
    Ok(())
}

/// `POST /careers/{id}/apply`.
pub async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    headers: HeaderMap,
    web::ClientAddr(peer): web::ClientAddr,
    jar: CookieJar,
    mp: Multipart,
) -> Result<Response> {
    let to_offer = format!("/careers/{id}");
    let (fields, cv) = match read(mp).await {
        Ok(x) => x,
        Err(key) => {
            let mut t = offer_template(&state, &ctx, id, String::new()).await?;
            t.form_error = Some(ctx.t(key));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
        }
    };
    let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("").to_string();
    let click_token = click_token_of(&get(CLICK_TOKEN_PARAM), &jar);
    let mut t = offer_template(&state, &ctx, id, click_token.clone()).await?;
    if t.offer.status != "open" {
        return Ok(redirect_flash(&to_offer, false, "error-offer-closed", None));
    }
    // A bot filled the hidden field: answer as if all went well, keep nothing.
    if !get("website").is_empty() {
        tracing::info!("application honeypot triggered");
        return Ok(redirect_flash(&to_offer, true, "flash-applied", None));
    }
    let now = crate::now();
    let ip = client_ip(&state, &headers, peer);
    let attempts = state
        .store
        .rate_event("apply", &auth::keyed_hash(&state.ip_key, &ip), now, now - HOUR)
        .await?;
    t.form = ApplyForm {
        name: get("name"),
        email: get("email"),
        profile_url: get("profile_url"),
        message: get("message"),
        consent: !get("consent").is_empty(),
        future_consent: !get("future_consent").is_empty(),
    };
    if attempts > APPLICATIONS_PER_HOUR {
        t.form_error = Some(ctx.t("error-apply-rate"));
        return render_status(StatusCode::TOO_MANY_REQUESTS, &t);
    }
    let checked = match check_application(&ctx, &t.form, cv.as_ref()) {
        Ok(checked) => checked,
        Err(errors) => {
            t.errors = errors;
            t.form_error = Some(ctx.t("careers-form-problems"));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
        }
    };
    record_application(&state, &ctx, &t, checked, cv, &click_token).await?;
    let mut res = redirect_flash(&to_offer, true, "flash-applied", None);
    // The referral is recorded: the token has done its work.
    web::set_cookie(
        res.headers_mut(),
        &axum_extra::extract::cookie::Cookie::build((CLICK_COOKIE, ""))
            .path("/")
            .removal()
            .build(),
    );
    Ok(res.into_response())
}

/// Stores a CV under a random name, outside anything served publicly.
async fn store_cv(state: &AppState, bytes: &[u8]) -> anyhow::Result<String> {
    let dir = std::path::Path::new(&state.config.data_dir).join("cv");
    tokio::fs::create_dir_all(&dir).await?;
    let name = format!("{}.pdf", auth::new_token());
    tokio::fs::write(dir.join(&name), bytes).await?;
    Ok(name)
}
