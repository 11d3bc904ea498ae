//! Logging in and out, the language switch, password resets and accepting an
//! invitation.

use crate::auth::{self, CurrentUser, SESSION_COOKIE, SESSION_TTL};
use crate::error::{AppError, Result};
use crate::web::{self, Ctx, FieldErrors, LANG_COOKIE, PRE_SESSION_COOKIE, redirect_flash, render, render_status};
use crate::{AppState, mail};
use ambasada_core::people::throttle::{self, Gate};
use ambasada_core::{Email, HOUR, Locale, Password, Role};
use ambasada_store::people::access::Purpose;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::Cookie;
use serde::Deserialize;
use std::net::SocketAddr;

/// `/`: the home of the logged-in, the login page for everyone else.
pub async fn root(ctx: Ctx) -> Redirect {
    Redirect::to(if ctx.user.is_some() { "/app" } else { "/login" })
}

#[derive(Template)]
#[template(path = "people/home.html")]
struct HomeTemplate<'a> {
    p: &'a Ctx,
    user: &'a CurrentUser,
    admin: Option<AdminSummary>,
    networks_filled: i64,
    /// An open pulse survey this person has not answered yet.
    pulse_open: bool,
    /// The health of the programs this person coordinates (or all, for admins).
    health: Vec<(ambasada_store::programs::Program, &'static str)>,
    /// What needs this person's attention, for each of their roles.
    work: crate::notifications::home::Attention,
    /// For a person with no role yet: the programs they may apply to.
    open_programs: Vec<ambasada_store::programs::Program>,
}

struct AdminSummary {
    active: i64,
    invited: i64,
    teams: i64,
    unsent: i64,
    smtp: bool,
}

/// `/app`: what each role starts from.
pub async fn home(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let admin = if user.has_role(Role::Admin) {
        let (active, invited) = state.store.people_counts().await?;
        Some(AdminSummary {
            active,
            invited,
            teams: state.store.teams().await?.len() as i64,
            unsent: state.store.outbox_unsent().await?,
            smtp: state.config.smtp.is_some(),
        })
    } else {
        None
    };
    let networks_filled = state.store.networks(user.id).await?.len() as i64;
    let pulse_open = match state.store.open_survey_id().await? {
        Some(id) => !state.store.has_answered(id, user.id).await?,
        None => false,
    };
    let health = crate::programs::health::summary(&state, &user).await?;
    let work = crate::notifications::home::attention(&state, &user, &health).await?;
    // Programs they have not applied to yet (a pending or waitlisted application is
    // followed on the programs page).
    let mut open_programs = Vec::new();
    if user.roles.is_empty() {
        for program in state.store.programs().await? {
            let waiting = state
                .store
                .latest_application(program.id, user.id)
                .await?
                .is_some_and(|a| matches!(a.status.as_str(), "pending" | "waitlisted"));
            if !waiting {
                open_programs.push(program);
            }
        }
    }
    render(&HomeTemplate {
        p: &ctx,
        user: &user,
        admin,
        networks_filled,
        pulse_open,
        health,
        work,
        open_programs,
    })
}

#[derive(Template)]
#[template(path = "people/login.html")]
struct LoginTemplate<'a> {
    p: &'a Ctx,
    email: &'a str,
    next: &'a str,
    error: Option<String>,
    /// The single sign-on button's label, when the company has an identity provider.
    sso: Option<String>,
    sso_href: String,
    /// Whether the password form shows: always, but with `oidc_only` only on request
    /// (the break-glass admin's "administrator sign-in").
    password_form: bool,
    password_href: String,
}

impl<'a> LoginTemplate<'a> {
    fn new(
        ctx: &'a Ctx,
        state: &AppState,
        email: &'a str,
        next: &'a str,
        error: Option<String>,
        password_form: bool,
    ) -> Self {
        let oidc = state.config.oidc.as_ref();
        let sso = oidc.map(|o| match o.display_name.as_str() {
            "" => ctx.t("login-sso-generic"),
            name => ctx.a1("login-sso", "name", name),
        });
        let next_q: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        LoginTemplate {
            p: ctx,
            email,
            next,
            error,
            sso,
            sso_href: format!("/login/sso?next={next_q}"),
            password_form: password_form || !passwords_off(state),
            password_href: format!("/login?password=1&next={next_q}"),
        }
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    /// Shows the password form when passwords are off (`oidc_only`).
    password: Option<String>,
}

pub async fn login_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response> {
    let next = web::safe_next(q.next.as_deref());
    if ctx.user.is_some() {
        return Ok(Redirect::to(next).into_response());
    }
    render(&LoginTemplate::new(&ctx, &state, "", next, None, q.password.is_some()))
}

/// Whether passwords are off (`oidc_only`) for everyone but the break-glass admin.
fn passwords_off(state: &AppState) -> bool {
    state.config.oidc.as_ref().is_some_and(|o| o.only)
}

/// Whether `email` (lower case) may sign in with a password: anyone's, but with
/// `oidc_only` only the break-glass admin's.
fn password_allowed(state: &AppState, email: &str) -> bool {
    !passwords_off(state) || state.config.oidc.as_ref().and_then(|o| o.break_glass_email.as_deref()) == Some(email)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// The client's address: the socket's, or with `trust_proxy` the first of
/// `X-Forwarded-For`.
fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    if state.config.trust_proxy
        && let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The rightmost entry is the one our own proxy added; the others are
            // whatever the client claimed.
            .and_then(|v| v.rsplit(',').next())
    {
        return ip.trim().to_string();
    }
    peer.map(|p| p.ip().to_string()).unwrap_or_default()
}

#[tracing::instrument(skip_all)]
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    web::ClientAddr(peer): web::ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response> {
    let next = web::safe_next(form.next.as_deref()).to_string();
    let now = crate::now();
    let email_key = form.email.trim().to_lowercase();
    if !password_allowed(&state, &email_key) {
        tracing::warn!("password login refused: single sign-on only");
        let error = ctx.t("login-password-off");
        return login_refused(&ctx, &state, StatusCode::FORBIDDEN, &form.email, &next, error);
    }
    let ip_hash = auth::keyed_hash(&state.ip_key, &client_ip(&state, &headers, peer));
    // Recorded before the check, so that concurrent tries see each other; forgotten
    // again when a lock refuses the try.
    let attempt = state.store.record_login_failure(&email_key, &ip_hash, now).await?;
    let (by_email, by_ip) = state
        .store
        .login_failures(&email_key, &ip_hash, now - throttle::WINDOW, attempt)
        .await?;
    let gate = throttle::gate(&by_email, &by_ip, now);
    if let Gate::AccountLocked { wait } = gate {
        // Not a failure: the password is not checked, and the lock does not grow.
        state.store.forget_login_failure(attempt).await?;
        tracing::warn!("login refused: the account is locked");
        let error = ctx.n("login-throttled", &throttle::wait_minutes(wait));
        return login_refused(&ctx, &state, StatusCode::TOO_MANY_REQUESTS, &form.email, &next, error);
    }
    let creds = match Email::parse(&form.email) {
        Ok(e) => state.store.credentials(&e).await?,
        Err(_) => None,
    };
    let (user_id, hash) = match creds {
        Some((id, hash, None)) => (Some(id), hash),
        _ => (None, None),
    };
    // The same check runs whether or not the account exists, and the same message
    // answers a wrong email and a wrong password.
    let ok = auth::verify_password(form.password, hash).await;
    let Some(user_id) = user_id.filter(|_| ok) else {
        // A correct password for an account that is not locked logs in even from an
        // address over its limit (one address may be a whole company): only a wrong one
        // hears about the address.
        let (status, error) = match gate {
            Gate::AddressOverLimit { .. } => {
                tracing::warn!("failed login from an address over its limit");
                (StatusCode::TOO_MANY_REQUESTS, ctx.t("login-throttled-address"))
            }
            _ => (StatusCode::UNAUTHORIZED, ctx.t("login-failed")),
        };
        return login_refused(&ctx, &state, status, &form.email, &next, error);
    };
    state.store.clear_login_failures(&email_key).await?;
    // The break-glass address signs in with a password only while it is an admin's.
    if passwords_off(&state)
        && !state
            .store
            .user(user_id)
            .await?
            .is_some_and(|u| u.has_role(Role::Admin))
    {
        tracing::warn!("password login refused: the break-glass address is not an admin's");
        let error = ctx.t("login-password-off");
        return login_refused(&ctx, &state, StatusCode::FORBIDDEN, &form.email, &next, error);
    }
    tracing::info!(user_id, "logged in");
    let mut res = Redirect::to(&next).into_response();
    start_session(&state, user_id, &mut res).await?;
    Ok(res)
}

/// Signs `user_id` in on `res`: a new session and its cookie; the anonymous CSRF secret
/// goes (the session's takes over). Password login, invitations and single sign-on share it.
pub(crate) async fn start_session(state: &AppState, user_id: i64, res: &mut Response) -> Result<()> {
    let token = auth::new_token();
    let now = crate::now();
    state
        .store
        .create_session(user_id, &auth::hash_token(&token), now, now + SESSION_TTL)
        .await?;
    let mut c = web::cookie(SESSION_COOKIE, token, state.config.is_https());
    c.set_max_age(Some(cookie_age(SESSION_TTL)));
    web::set_cookie(res.headers_mut(), &c);
    web::set_cookie(
        res.headers_mut(),
        &Cookie::build((PRE_SESSION_COOKIE, "")).path("/").removal().build(),
    );
    Ok(())
}

/// The login page again, with the email typed and why the login did not happen.
fn login_refused(
    ctx: &Ctx,
    state: &AppState,
    status: StatusCode,
    email: &str,
    next: &str,
    error: String,
) -> Result<Response> {
    render_status(status, &LoginTemplate::new(ctx, state, email, next, Some(error), true))
}

pub(crate) fn cookie_age(ms: i64) -> time::Duration {
    time::Duration::milliseconds(ms)
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    let jar = axum_extra::extract::CookieJar::from_headers(&headers);
    if let Some(c) = jar.get(SESSION_COOKIE) {
        state.store.delete_session(&auth::hash_token(c.value())).await?;
    }
    let mut res = redirect_flash("/login", true, "flash-logged-out", None);
    web::set_cookie(
        res.headers_mut(),
        &Cookie::build((SESSION_COOKIE, "")).path("/").removal().build(),
    );
    Ok(res)
}

#[derive(Deserialize)]
pub struct LangForm {
    lang: String,
    back: Option<String>,
}

/// Switches the language: remembered in a cookie, and on the account when logged in.
pub async fn switch_language(State(state): State<AppState>, ctx: Ctx, Form(form): Form<LangForm>) -> Result<Response> {
    let locale = Locale::parse(&form.lang).map_err(|_| AppError::BadRequest("error-locale"))?;
    if let Some(u) = &ctx.user {
        state.store.set_locale(u.id, locale, crate::now()).await?;
    }
    let mut res = Redirect::to(web::safe_next(form.back.as_deref())).into_response();
    let mut c = web::cookie(LANG_COOKIE, locale.as_str().to_string(), state.config.is_https());
    c.set_max_age(Some(cookie_age(365 * ambasada_core::DAY)));
    web::set_cookie(res.headers_mut(), &c);
    Ok(res)
}

#[derive(Template)]
#[template(path = "people/forgot.html")]
struct ForgotTemplate<'a> {
    p: &'a Ctx,
    email: &'a str,
    errors: FieldErrors,
}

pub async fn forgot_page(ctx: Ctx) -> Result<Response> {
    render(&ForgotTemplate {
        p: &ctx,
        email: "",
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// Sends a reset link when the address belongs to an active account; answers the same
/// either way, so the form does not reveal who has an account.
pub async fn forgot(State(state): State<AppState>, ctx: Ctx, Form(form): Form<ForgotForm>) -> Result<Response> {
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("email", ctx.t(e.key()));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ForgotTemplate {
                    p: &ctx,
                    email: &form.email,
                    errors,
                },
            );
        }
    };
    // The work happens off the request path, so the answer takes as long whether or not
    // the address has an account; at most one email every five minutes per person.
    let task_state = state.clone();
    mail::spawn_detached(async move {
        if let Err(e) = send_reset(&task_state, &email).await {
            tracing::error!(error = ?e, "password reset email not queued");
        }
    });
    Ok(redirect_flash("/login", true, "flash-reset-sent", None))
}

/// At most one reset email per person in this time.
const RESET_EVERY: i64 = 5 * ambasada_core::MINUTE;

async fn send_reset(state: &AppState, email: &Email) -> anyhow::Result<()> {
    let Some(user) = state.store.user_by_email(email).await?.filter(|u| u.is_active()) else {
        return Ok(());
    };
    // With passwords off, a new one is of use to the break-glass admin only.
    if !password_allowed(state, email.as_str()) {
        return Ok(());
    }
    let now = crate::now();
    if state
        .store
        .one_time_token_since(user.id, Purpose::Reset, now - RESET_EVERY)
        .await?
    {
        return Ok(());
    }
    let token = auth::new_token();
    state
        .store
        .create_one_time_token(user.id, Purpose::Reset, &auth::hash_token(&token), now, now + HOUR)
        .await?;
    mail::queue_reset(state, &user.email, user.locale, &user.first_name, &token).await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "people/set_password.html")]
struct SetPasswordTemplate<'a> {
    p: &'a Ctx,
    /// `reset` or `invite`: picks the texts.
    purpose: &'static str,
    action: String,
    greeting_name: String,
    valid: bool,
    errors: FieldErrors,
}

async fn set_password_page(state: &AppState, ctx: &Ctx, token: &str, purpose: Purpose) -> Result<Response> {
    let user_id = state
        .store
        .peek_one_time_token(&auth::hash_token(token), purpose, crate::now())
        .await?;
    let name = match user_id {
        Some(id) => state.store.user(id).await?.map(|u| u.first_name).unwrap_or_default(),
        None => String::new(),
    };
    let t = SetPasswordTemplate {
        p: ctx,
        purpose: purpose_name(purpose),
        action: action_for(purpose, token),
        greeting_name: name,
        valid: user_id.is_some(),
        errors: FieldErrors::default(),
    };
    if user_id.is_some() {
        render(&t)
    } else {
        render_status(StatusCode::NOT_FOUND, &t)
    }
}

fn purpose_name(p: Purpose) -> &'static str {
    match p {
        Purpose::Invite => "invite",
        Purpose::Reset => "reset",
    }
}

fn action_for(p: Purpose, token: &str) -> String {
    match p {
        Purpose::Invite => format!("/invite/{token}"),
        Purpose::Reset => format!("/password/reset/{token}"),
    }
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Checks a new password and its confirmation; returns the field errors.
pub(crate) fn check_new_password(
    ctx: &Ctx,
    password: &str,
    confirm: &str,
) -> std::result::Result<Password, FieldErrors> {
    let mut errors = FieldErrors::default();
    match Password::parse(password) {
        Ok(p) if password == confirm => return Ok(p),
        Ok(_) => errors.add("password_confirm", ctx.t("error-password-mismatch")),
        Err(e) => errors.add("password", ctx.t(e.key())),
    }
    Err(errors)
}

async fn set_password(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    purpose: Purpose,
    form: SetPasswordForm,
) -> Result<std::result::Result<i64, Response>> {
    let password = match check_new_password(ctx, &form.password, &form.password_confirm) {
        Ok(p) => p,
        Err(errors) => {
            let t = SetPasswordTemplate {
                p: ctx,
                purpose: purpose_name(purpose),
                action: action_for(purpose, token),
                greeting_name: String::new(),
                valid: true,
                errors,
            };
            return Ok(Err(render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)?));
        }
    };
    let hash = auth::hash_password(password.expose().to_string()).await?;
    match state
        .store
        .redeem_one_time_token(&auth::hash_token(token), purpose, &hash, crate::now())
        .await?
    {
        Some(id) => Ok(Ok(id)),
        None => Ok(Err(set_password_page(state, ctx, token, purpose).await?)),
    }
}

pub async fn reset_page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> Result<Response> {
    set_password_page(&state, &ctx, &token, Purpose::Reset).await
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<SetPasswordForm>,
) -> Result<Response> {
    match set_password(&state, &ctx, &token, Purpose::Reset, form).await? {
        Ok(user_id) => {
            tracing::info!(user_id, "password reset");
            Ok(redirect_flash("/login", true, "flash-password-set", None))
        }
        Err(page) => Ok(page),
    }
}

pub async fn invite_page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> Result<Response> {
    if invited_to_sso(&state, &token).await? {
        return Ok(to_sso());
    }
    set_password_page(&state, &ctx, &token, Purpose::Invite).await
}

/// With `oidc_only`, an invitation sets no password (only the break-glass admin's does):
/// the invited person signs in with single sign-on, as the account already exists.
async fn invited_to_sso(state: &AppState, token: &str) -> Result<bool> {
    if !passwords_off(state) {
        return Ok(false);
    }
    let user = match state
        .store
        .peek_one_time_token(&auth::hash_token(token), Purpose::Invite, crate::now())
        .await?
    {
        Some(id) => state.store.user(id).await?,
        None => None,
    };
    // The break-glass address sets a password only while it is an admin's (as it signs
    // in with one only then).
    Ok(user.is_some_and(|u| !password_allowed(state, &u.email) || !u.has_role(Role::Admin)))
}

fn to_sso() -> Response {
    redirect_flash("/login", true, "flash-invite-sso", None)
}

/// Accepting an invitation sets the password and logs the person in.
pub async fn accept_invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<SetPasswordForm>,
) -> Result<Response> {
    if invited_to_sso(&state, &token).await? {
        return Ok(to_sso());
    }
    match set_password(&state, &ctx, &token, Purpose::Invite, form).await? {
        Ok(user_id) => {
            let mut res = redirect_flash("/app/profile", true, "flash-welcome", None);
            start_session(&state, user_id, &mut res).await?;
            Ok(res)
        }
        Err(page) => Ok(page),
    }
}
