//! Company single sign-on over OpenID Connect: `GET /login/sso` sends the person to the
//! identity provider (authorization code with PKCE, state and nonce), and
//! `GET /login/sso/callback` verifies what comes back and signs them in, by the verified
//! email of an account that exists, or of one made for them just in time (`oidc_jit`).
//! Every refusal is a page in the person's language, never a 500. The provider's
//! document and keys are in `provider`; the sign-in in progress is in `flow`.

mod flow;
mod provider;

pub use provider::Provider;

use crate::config::identity::OidcConfig;
use crate::error::{AppError, Result};
use crate::web::{self, Ctx, render_status};
use crate::{AppState, people::login};
use ambasada_core::{Email, PersonName};
use ambasada_store::StoreError;
use ambasada_store::people::NewUser;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use flow::Flow;
use provider::Identity;
use serde::Deserialize;

/// Why a single sign-on did not sign the person in.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// The identity provider could not be reached (or answered nonsense about itself).
    Unavailable,
    /// The person cancelled, or the provider refused them (`error=access_denied`).
    Denied,
    /// The provider answered the sign-in with another error.
    ProviderError,
    /// No sign-in in progress in this browser: no cookie, or an expired one.
    Expired,
    /// The state, the code, the ID token or its nonce did not check out.
    Unverified,
    NoEmail,
    EmailUnverified,
    /// The address's domain is not in `oidc_allowed_domains`.
    Domain(String),
    Deactivated,
    /// No account, and no just-in-time accounts.
    NotInvited(String),
    /// Something of ours failed (the database): an ordinary error page.
    Failed(AppError),
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Self {
        Refusal::Failed(e)
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        Refusal::Failed(e.into())
    }
}

#[derive(Template)]
#[template(path = "people/sso.html")]
struct RefusedTemplate<'a> {
    p: &'a Ctx,
    message: String,
    /// Whether starting again may help.
    retry: bool,
}

impl Refusal {
    fn page(self, ctx: &Ctx) -> Result<Response> {
        let (status, message, retry) = match self {
            Refusal::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, ctx.t("sso-unavailable"), true),
            Refusal::Denied => (StatusCode::FORBIDDEN, ctx.t("sso-denied"), true),
            Refusal::ProviderError => (StatusCode::BAD_GATEWAY, ctx.t("sso-provider-error"), true),
            Refusal::Expired => (StatusCode::BAD_REQUEST, ctx.t("sso-expired"), true),
            Refusal::Unverified => (StatusCode::BAD_REQUEST, ctx.t("sso-unverified"), true),
            Refusal::NoEmail => (StatusCode::FORBIDDEN, ctx.t("sso-no-email"), false),
            Refusal::EmailUnverified => (StatusCode::FORBIDDEN, ctx.t("sso-email-unverified"), false),
            Refusal::Domain(d) => (StatusCode::FORBIDDEN, ctx.a1("sso-domain", "domain", &d), false),
            Refusal::Deactivated => (StatusCode::FORBIDDEN, ctx.t("sso-deactivated"), false),
            Refusal::NotInvited(e) => (StatusCode::FORBIDDEN, ctx.a1("sso-not-invited", "email", &e), false),
            Refusal::Failed(e) => return Err(e),
        };
        render_status(status, &RefusedTemplate { p: ctx, message, retry })
    }
}

/// The callback URL to register at the identity provider.
pub fn callback_url(base_url: &str) -> String {
    format!("{}/login/sso/callback", base_url.trim_end_matches('/'))
}

#[derive(Deserialize)]
pub struct StartQuery {
    next: Option<String>,
}

/// `GET /login/sso`: to the identity provider, with the sign-in kept in a sealed cookie.
#[tracing::instrument(skip_all)]
pub async fn start(State(state): State<AppState>, ctx: Ctx, Query(q): Query<StartQuery>) -> Result<Response> {
    let Some(oidc) = &state.config.oidc else {
        return Err(AppError::NotFound);
    };
    let next = web::safe_next(q.next.as_deref());
    if ctx.user.is_some() {
        return Ok(Redirect::to(next).into_response());
    }
    let redirect = callback_url(&state.config.base_url);
    match state.sso.authorization(oidc, &redirect, next).await {
        Ok((url, flow)) => {
            let mut res = Redirect::to(&url).into_response();
            web::set_cookie(res.headers_mut(), &flow.cookie(&state.sealer, state.config.is_https()));
            Ok(res)
        }
        Err(refusal) => refusal.page(&ctx),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /login/sso/callback`: the identity provider's answer. The sign-in's cookie is
/// removed whatever happens: one answer per sign-in.
#[tracing::instrument(skip_all)]
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Result<Response> {
    let Some(oidc) = &state.config.oidc else {
        return Err(AppError::NotFound);
    };
    let flow = CookieJar::from_headers(&headers)
        .get(flow::COOKIE)
        .and_then(|c| Flow::open(&state.sealer, c.value(), crate::now()));
    let mut res = match finish(&state, &ctx, oidc, q, flow).await {
        Ok(res) => res,
        Err(refusal) => refusal.page(&ctx)?,
    };
    web::set_cookie(res.headers_mut(), &Flow::removal(state.config.is_https()));
    Ok(res)
}

async fn finish(
    state: &AppState,
    ctx: &Ctx,
    oidc: &OidcConfig,
    q: CallbackQuery,
    flow: Option<Flow>,
) -> std::result::Result<Response, Refusal> {
    if let Some(error) = q.error {
        // The provider's own words are not shown: only which kind of refusal it was.
        tracing::info!(error = %error.chars().take(64).collect::<String>(), "the identity provider answered an error");
        return Err(if error == "access_denied" {
            Refusal::Denied
        } else {
            Refusal::ProviderError
        });
    }
    let flow = flow.ok_or(Refusal::Expired)?;
    let (Some(code), Some(given)) = (q.code, q.state) else {
        return Err(Refusal::Unverified);
    };
    if !web::constant_time_eq(&given, &flow.state) {
        tracing::warn!("single sign-on refused: the state does not match this browser's sign-in");
        return Err(Refusal::Unverified);
    }
    let redirect = callback_url(&state.config.base_url);
    let identity = state.sso.identify(oidc, &redirect, code, &flow).await?;
    let email = accepted_email(oidc, &identity)?;
    let user_id = account(state, ctx, oidc, &email, &identity).await?;
    state
        .store
        .audit(Some(user_id), "user.sso_login", email.as_str(), crate::now())
        .await?;
    tracing::info!(user_id, "signed in with single sign-on");
    let mut res = Redirect::to(&flow.next).into_response();
    login::start_session(state, user_id, &mut res).await?;
    Ok(res)
}

/// The person's email, when the provider vouches for it and its domain is allowed.
fn accepted_email(oidc: &OidcConfig, identity: &Identity) -> std::result::Result<Email, Refusal> {
    // Only an email the provider says it verified, unless the company trusts its
    // directory (a provider that never sends the claim).
    if !identity.email_verified.unwrap_or(oidc.trust_unverified_email) {
        return Err(Refusal::EmailUnverified);
    }
    let email = identity
        .email
        .as_deref()
        .and_then(|e| Email::parse(e).ok())
        .ok_or(Refusal::NoEmail)?;
    let domain = email.as_str().rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    if !oidc.allowed_domains.is_empty() && !oidc.allowed_domains.iter().any(|d| d == domain) {
        tracing::warn!("single sign-on refused: the address's domain is not allowed");
        return Err(Refusal::Domain(domain.to_string()));
    }
    Ok(email)
}

/// The id of the active account with this email; with `oidc_jit`, one made now (no
/// roles) when there is none.
async fn account(
    state: &AppState,
    ctx: &Ctx,
    oidc: &OidcConfig,
    email: &Email,
    identity: &Identity,
) -> std::result::Result<i64, Refusal> {
    match state.store.user_by_email(email).await? {
        Some(u) if u.is_active() && u.erased_at.is_none() => return Ok(u.id),
        Some(_) => return Err(Refusal::Deactivated),
        None if !oidc.jit => return Err(Refusal::NotInvited(email.as_str().to_string())),
        None => {}
    }
    let (first_name, last_name) = names(identity, email);
    let new = NewUser {
        email: email.clone(),
        first_name,
        last_name,
        locale: ctx.tr.locale,
        time_zone: "Europe/Warsaw".into(),
        password_hash: None,
        roles: Vec::new(),
        team_ids: Vec::new(),
    };
    let now = crate::now();
    match state.store.create_user(&new, now).await {
        Ok(id) => {
            state
                .store
                .audit(Some(id), "user.sso_create", email.as_str(), now)
                .await?;
            tracing::info!(user_id = id, "account created at a first single sign-on");
            Ok(id)
        }
        // Two sign-ins of the same new person at once: the other one made the account.
        Err(StoreError::Conflict(_)) => match state.store.user_by_email(email).await? {
            Some(u) if u.is_active() => Ok(u.id),
            _ => Err(Refusal::Deactivated),
        },
        Err(e) => Err(e.into()),
    }
}

/// First and last name for a new account: the provider's given and family names, else
/// its `name` split at the first space, else the email's local part. Names a form would
/// refuse (control characters, too long) are not taken.
fn names(identity: &Identity, email: &Email) -> (String, String) {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .and_then(|s| PersonName::parse(s).ok())
            .map(|n| n.as_str().to_string())
    };
    let (given, family) = (clean(&identity.given_name), clean(&identity.family_name));
    if let Some(given) = given {
        return (given, family.unwrap_or_default());
    }
    if let Some(name) = clean(&identity.name) {
        return match name.split_once(' ') {
            Some((first, last)) => (first.to_string(), last.trim().to_string()),
            None => (name, family.unwrap_or_default()),
        };
    }
    let local = email.as_str().split('@').next().unwrap_or_default();
    (local.chars().take(100).collect(), family.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(name: Option<&str>, given: Option<&str>, family: Option<&str>) -> Identity {
        Identity {
            name: name.map(str::to_string),
            given_name: given.map(str::to_string),
            family_name: family.map(str::to_string),
            ..Identity::default()
        }
    }

    #[test]
    fn a_new_accounts_name_comes_from_the_claims_or_the_email() {
        let email = Email::parse("Anna.Nowak@firma.pl").unwrap();
        let n = |i: Identity| names(&i, &email);
        assert_eq!(
            n(identity(Some("A B"), Some("Anna"), Some("Nowak"))),
            ("Anna".into(), "Nowak".into())
        );
        assert_eq!(
            n(identity(Some("Anna Maria Nowak"), None, None)),
            ("Anna".into(), "Maria Nowak".into())
        );
        assert_eq!(n(identity(Some("Anna"), None, None)), ("Anna".into(), String::new()));
        assert_eq!(
            n(identity(Some("Bad\u{7}Name"), None, None)),
            ("anna.nowak".into(), String::new())
        );
        assert_eq!(n(identity(None, None, None)), ("anna.nowak".into(), String::new()));
    }

    #[test]
    fn an_email_must_be_verified_and_of_an_allowed_domain() {
        let mut oidc = OidcConfig {
            issuer: "https://login.example.com".into(),
            client_id: "c".into(),
            client_secret: None,
            display_name: String::new(),
            allowed_domains: vec!["firma.pl".into()],
            only: false,
            break_glass_email: None,
            jit: false,
            trust_unverified_email: false,
        };
        let who = |email: Option<&str>, verified: Option<bool>| Identity {
            email: email.map(str::to_string),
            email_verified: verified,
            ..Identity::default()
        };
        let ok = accepted_email(&oidc, &who(Some("Anna@Firma.pl"), Some(true))).unwrap();
        assert_eq!(ok.as_str(), "anna@firma.pl");
        // No claim: unverified, unless the company trusts its directory.
        assert!(matches!(
            accepted_email(&oidc, &who(Some("anna@firma.pl"), None)),
            Err(Refusal::EmailUnverified)
        ));
        oidc.trust_unverified_email = true;
        assert!(accepted_email(&oidc, &who(Some("anna@firma.pl"), None)).is_ok());
        assert!(matches!(
            accepted_email(&oidc, &who(Some("anna@firma.pl"), Some(false))),
            Err(Refusal::EmailUnverified)
        ));
        assert!(matches!(
            accepted_email(&oidc, &who(None, Some(true))),
            Err(Refusal::NoEmail)
        ));
        assert!(matches!(
            accepted_email(&oidc, &who(Some("not an email"), None)),
            Err(Refusal::NoEmail)
        ));
        assert!(
            matches!(accepted_email(&oidc, &who(Some("x@evil.example"), Some(true))), Err(Refusal::Domain(d)) if d == "evil.example")
        );
        // A subdomain is another domain.
        assert!(matches!(
            accepted_email(&oidc, &who(Some("x@sub.firma.pl"), Some(true))),
            Err(Refusal::Domain(_))
        ));
        oidc.allowed_domains.clear();
        assert!(accepted_email(&oidc, &who(Some("x@evil.example"), Some(true))).is_ok());
    }
}
