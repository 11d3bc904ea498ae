//! The profile page: name, language, time zone, network profiles, email digest
//! preferences, the calendar feed URL, password, and personal API tokens.

use crate::AppState;
use crate::auth::{self, CurrentUser, SESSION_COOKIE, SESSION_TTL};
use crate::error::Result;
use crate::web::{self, Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::calendar::digest::{self, DigestSchedule, Frequency};
use ambasada_core::calendar::feeds::FeedOwner;
use ambasada_core::{Locale, Network, PersonName, Scope};
use ambasada_store::digests::DigestSettings;
use ambasada_store::people::NetworkProfile;
use ambasada_store::people::access::ApiTokenInfo;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;
use std::collections::HashMap;

/// Time zones offered in the form (any IANA name is accepted).
const COMMON_ZONES: &[&str] = &[
    "Europe/Warsaw",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Prague",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/Kyiv",
    "UTC",
    "America/New_York",
];

/// One network's row of the form.
pub struct NetworkRow {
    pub network: Network,
    pub url_field: String,
    pub size_field: String,
    pub url: String,
    pub size: String,
}

#[derive(Template)]
#[template(path = "people/profile.html")]
struct ProfileTemplate<'a> {
    p: &'a Ctx,
    user: &'a CurrentUser,
    first_name: String,
    last_name: String,
    locale: String,
    time_zone: String,
    networks: Vec<NetworkRow>,
    zones: &'static [&'static str],
    errors: FieldErrors,
    pw_errors: FieldErrors,
    tokens: Vec<ApiTokenInfo>,
    /// The scopes this person may give a token.
    scopes: Vec<Scope>,
    token_errors: FieldErrors,
    new_token: Option<String>,
    /// The programs the person is an ambassador in; they may leave any of them here.
    programs: Vec<ambasada_store::programs::Program>,
    /// Digest preferences, as stored or as typed.
    digest: DigestForm,
    digest_errors: FieldErrors,
    /// The private iCalendar feed URL of the person's plan.
    calendar_url: String,
    /// Badges and the leaderboard privacy setting (rewards/profile_section.html).
    motivation: crate::rewards::badges::ProfileSection,
    /// The LinkedIn connection, when the company's LinkedIn app is configured:
    /// `Some(None)` not connected, `Some(Some(account))` connected.
    linkedin: Option<Option<ambasada_store::linkedin::LinkedInAccount>>,
}

impl ProfileTemplate<'_> {
    fn scope_label(&self, s: &Scope) -> String {
        self.p.t(&format!("scope-{}", s.as_str().replace(':', "-")))
    }

    /// The digest frequencies with their labels.
    fn frequencies(&self) -> Vec<(&'static str, String)> {
        Frequency::ALL
            .into_iter()
            .map(|f| (f.as_str(), self.p.t(&format!("digest-frequency-{}", f.as_str()))))
            .collect()
    }

    /// The weekdays, Monday first: code, label, chosen.
    fn digest_days(&self) -> Vec<(&'static str, String, bool)> {
        digest::WEEK
            .into_iter()
            .map(|d| {
                let code = digest::weekday_code(d);
                let chosen = self.digest.weekdays.iter().any(|w| w == code);
                (code, self.p.t(&format!("weekday-{code}")), chosen)
            })
            .collect()
    }

    fn hours(&self) -> Vec<String> {
        (0..24).map(|h: i32| h.to_string()).collect()
    }
}

/// The digest form: a frequency, an hour and weekday codes (`mon` .. `sun`).
#[derive(Deserialize, Default, Clone)]
pub struct DigestForm {
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    hour: String,
    #[serde(default)]
    weekdays: Vec<String>,
}

impl DigestForm {
    fn of(s: &DigestSchedule) -> DigestForm {
        DigestForm {
            frequency: s.frequency.as_str().into(),
            hour: s.hour.to_string(),
            weekdays: s.weekdays.days().map(|d| digest::weekday_code(d).to_string()).collect(),
        }
    }
}

async fn base<'a>(state: &AppState, ctx: &'a Ctx, user: &'a CurrentUser) -> Result<ProfileTemplate<'a>> {
    let stored = state.store.networks(user.id).await?;
    let networks = Network::ALL
        .into_iter()
        .map(|n| {
            let s = stored.iter().find(|p| p.network == n);
            NetworkRow {
                network: n,
                url_field: format!("{n}_url"),
                size_field: format!("{n}_size"),
                url: s.and_then(|s| s.profile_url.clone()).unwrap_or_default(),
                size: s
                    .and_then(|s| s.network_size)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            }
        })
        .collect();
    Ok(ProfileTemplate {
        p: ctx,
        user,
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
        locale: user.locale.as_str().to_string(),
        time_zone: user.time_zone.clone(),
        networks,
        zones: COMMON_ZONES,
        errors: FieldErrors::default(),
        pw_errors: FieldErrors::default(),
        tokens: state.store.api_tokens(user.id).await?,
        scopes: Scope::ALL.into_iter().filter(|s| s.allowed_for(&user.roles)).collect(),
        token_errors: FieldErrors::default(),
        new_token: None,
        programs: state.store.programs_of(user.id).await?,
        digest: DigestForm::of(
            &state
                .store
                .digest_settings(user.id)
                .await?
                .map(|s| DigestSchedule::from_stored(&s.frequency, s.hour, s.weekdays))
                .unwrap_or_default(),
        ),
        digest_errors: FieldErrors::default(),
        calendar_url: crate::calendar::feeds::feed_url(state, FeedOwner::User, user.id).await?,
        motivation: crate::rewards::badges::profile_section(state, user, &ctx.tr).await?,
        linkedin: match state.config.linkedin {
            // An expired (or refused) connection shows as none: connect again.
            Some(_) => Some(
                state
                    .store
                    .linkedin_account(user.id)
                    .await?
                    .filter(|a| a.expires_at > crate::now()),
            ),
            None => None,
        },
    })
}

pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    render(&base(&state, &ctx, &user).await?)
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    time_zone: String,
    #[serde(flatten)]
    rest: HashMap<String, String>,
}

/// The form fields of a network's profile URL and size.
fn network_fields(n: Network) -> (&'static str, &'static str) {
    match n {
        Network::Linkedin => ("linkedin_url", "linkedin_size"),
        Network::X => ("x_url", "x_size"),
        Network::Facebook => ("facebook_url", "facebook_size"),
        Network::Xing => ("xing_url", "xing_size"),
    }
}

/// Checks one network's profile URL and size: the profile to store and the form row
/// as typed (to show again when something is wrong).
fn check_network(ctx: &Ctx, form: &ProfileForm, n: Network, errors: &mut FieldErrors) -> (NetworkProfile, NetworkRow) {
    let typed = |suffix: &str| {
        form.rest
            .get(&format!("{n}_{suffix}"))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let (url, size) = (typed("url"), typed("size"));
    let (url_field, size_field) = network_fields(n);
    let profile_url = if url.is_empty() {
        None
    } else {
        n.parse_profile_url(&url)
            .map_err(|e| errors.add(url_field, ctx.a1(e.key(), "network", n.label())))
            .ok()
    };
    let network_size = if size.is_empty() {
        None
    } else {
        match size.replace([' ', '\u{a0}', '.'], "").parse::<i64>() {
            Ok(v) if (0..=100_000_000).contains(&v) => Some(v),
            _ => {
                errors.add(size_field, ctx.t("error-network-size"));
                None
            }
        }
    };
    let profile = NetworkProfile {
        network: n,
        profile_url,
        network_size,
    };
    let row = NetworkRow {
        network: n,
        url_field: url_field.into(),
        size_field: size_field.into(),
        url,
        size,
    };
    (profile, row)
}

/// Saves the profile; on any invalid field, re-renders with everything typed kept.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<ProfileForm>,
) -> Result<Response> {
    let mut errors = FieldErrors::default();
    let first = PersonName::parse(&form.first_name).map_err(|e| errors.add("first_name", ctx.t(e.key())));
    let last = PersonName::parse(&form.last_name).map_err(|e| errors.add("last_name", ctx.t(e.key())));
    let locale = Locale::parse(&form.locale).map_err(|e| errors.add("locale", ctx.t(e.key())));
    let tz = form.time_zone.trim().to_string();
    if jiff::tz::TimeZone::get(&tz).is_err() {
        errors.add("time_zone", ctx.t("error-time-zone"));
    }
    let (profiles, rows): (Vec<NetworkProfile>, Vec<NetworkRow>) = Network::ALL
        .into_iter()
        .map(|n| check_network(&ctx, &form, n, &mut errors))
        .unzip();
    if let (true, Ok(first), Ok(last), Ok(locale)) = (errors.is_empty(), &first, &last, &locale) {
        let now = crate::now();
        state
            .store
            .update_profile(user.id, first.as_str(), last.as_str(), *locale, &tz, now)
            .await?;
        state.store.set_networks(user.id, &profiles).await?;
        return Ok(redirect_flash("/app/profile", true, "flash-profile-saved", None));
    }
    let mut t = base(&state, &ctx, &user).await?;
    t.first_name = form.first_name.clone();
    t.last_name = form.last_name.clone();
    t.locale = form.locale.clone();
    t.time_zone = form.time_zone.clone();
    t.networks = rows;
    t.errors = errors;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

/// Saves the digest preferences; a wrong value re-renders the form as typed.
pub async fn save_digest(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<DigestForm>,
) -> Result<Response> {
    match DigestSchedule::parse(&form.frequency, &form.hour, &form.weekdays) {
        Ok(s) => {
            let settings = DigestSettings {
                frequency: s.frequency.as_str().into(),
                hour: i64::from(s.hour),
                weekdays: s.weekdays.bits(),
            };
            state
                .store
                .set_digest_settings(user.id, &settings, crate::now())
                .await?;
            Ok(redirect_flash("/app/profile#digest", true, "flash-digest-saved", None))
        }
        Err(problems) => {
            let mut t = base(&state, &ctx, &user).await?;
            t.digest = form;
            for e in problems {
                t.digest_errors.add(e.field, ctx.t(e.key));
            }
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Changes the password; ends every session, revokes every API token and starts a
/// fresh session here.
pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<PasswordForm>,
) -> Result<Response> {
    let current = state.store.password_hash(user.id).await?;
    let mut pw_errors = match super::login::check_new_password(&ctx, &form.password, &form.password_confirm) {
        Ok(_) => FieldErrors::default(),
        Err(e) => e,
    };
    if !auth::verify_password(form.current_password.clone(), current).await {
        pw_errors.add("current_password", ctx.t("error-current-password"));
    }
    if !pw_errors.is_empty() {
        let mut t = base(&state, &ctx, &user).await?;
        t.pw_errors = pw_errors;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    let now = crate::now();
    let hash = auth::hash_password(form.password).await?;
    let token = auth::new_token();
    state
        .store
        .change_password(user.id, &hash, &auth::hash_token(&token), now, now + SESSION_TTL)
        .await?;
    let mut res = redirect_flash("/app/profile", true, "flash-password-changed-tokens", None);
    let mut c = web::cookie(SESSION_COOKIE, token, state.config.is_https());
    c.set_max_age(Some(super::login::cookie_age(SESSION_TTL)));
    web::set_cookie(res.headers_mut(), &c);
    Ok(res)
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: Vec<String>,
}

/// Creates a personal API token and shows it once.
pub async fn create_token(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<TokenForm>,
) -> Result<Response> {
    let mut token_errors = FieldErrors::default();
    let name = form.name.trim();
    if name.is_empty() {
        token_errors.add("token_name", ctx.t("error-required"));
    } else if name.chars().count() > 100 {
        token_errors.add("token_name", ctx.t("error-too-long"));
    } else if let Err(e) = ambasada_core::text::check_line(name) {
        token_errors.add("token_name", ctx.t(e.key()));
    }
    let scopes = Scope::parse_list(&form.scope.join(","));
    match &scopes {
        Err(_) => token_errors.add("scope", ctx.t("error-scope")),
        Ok(list) if list.iter().any(|s| !s.allowed_for(&user.roles)) => {
            token_errors.add("scope", ctx.t("error-scope-role"))
        }
        Ok(_) => {}
    }
    let mut t;
    if token_errors.is_empty() {
        let secret = format!("amb_{}", auth::new_token());
        state
            .store
            .create_api_token(
                user.id,
                name,
                &auth::hash_token(&secret),
                &scopes.unwrap_or_default(),
                crate::now(),
            )
            .await?;
        t = base(&state, &ctx, &user).await?;
        t.new_token = Some(secret);
        render(&t)
    } else {
        t = base(&state, &ctx, &user).await?;
        t.token_errors = token_errors;
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
    }
}

pub async fn revoke_token(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    if state.store.revoke_api_token(user.id, id, crate::now()).await? {
        Ok(redirect_flash("/app/profile", true, "flash-token-revoked", None))
    } else {
        Err(crate::error::AppError::NotFound)
    }
}
