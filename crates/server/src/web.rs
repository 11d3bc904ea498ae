//! What every page request shares: the `context` middleware (session, language, CSRF,
//! flash messages, error pages) and the [`Ctx`] extractor that templates receive.

use crate::AppState;
use crate::auth::{self, SESSION_COOKIE};
use crate::error::{AppError, ErrorPage};
use crate::i18n::Tr;
use ambasada_core::{Locale, Role};
use ambasada_store::people::User;
use askama::Template;
use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use std::collections::HashMap;
use std::sync::Arc;

/// Anonymous visitors' CSRF secret (a logged-in person's comes from the session).
pub const PRE_SESSION_COOKIE: &str = "amb_pre";
/// The language a visitor chose.
pub const LANG_COOKIE: &str = "amb_lang";
/// A one-shot message shown on the next page.
pub const FLASH_COOKIE: &str = "amb_flash";

/// A one-shot message: its kind and catalog key, and an optional argument (`{ $arg }`).
#[derive(Clone, Debug)]
pub struct Flash {
    pub success: bool,
    pub key: String,
    pub arg: Option<String>,
}

impl Flash {
    fn encode(&self) -> String {
        let kind = if self.success { "ok" } else { "err" };
        let raw = match &self.arg {
            Some(a) => format!("{kind}|{}|{a}", self.key),
            None => format!("{kind}|{}", self.key),
        };
        url::form_urlencoded::byte_serialize(raw.as_bytes()).collect()
    }

    fn decode(s: &str) -> Option<Flash> {
        let raw: String = url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()?
            .1
            .into_owned();
        let mut parts = raw.splitn(3, '|');
        let success = parts.next()? == "ok";
        let key = parts.next()?.to_string();
        // Only catalog keys are shown, never arbitrary cookie text as a message.
        if !key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return None;
        }
        let arg = parts.next().map(|a| a.chars().take(200).collect());
        Some(Flash { success, key, arg })
    }
}

/// The per-request context of a page: who, which language, the CSRF token, a flash.
#[derive(Clone)]
pub struct Ctx {
    pub user: Option<Arc<User>>,
    pub tr: Tr,
    pub csrf: String,
    pub flash: Option<Flash>,
    /// The request path, to mark the current navigation item.
    pub path: String,
    pub assets: &'static crate::assets::AssetNames,
    /// The signed-in person's unread notifications (the header's badge).
    pub unread: i64,
    /// The company's name, logo and colour.
    pub brand: Arc<crate::brand::Current>,
    /// Whether the company's LinkedIn app is configured (direct posting offered).
    pub linkedin: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("page route outside the context middleware")))
    }
}

impl Ctx {
    /// The context of a visitor's page outside the page middleware (the tracked-link
    /// 404): no person, no session, no CSRF token.
    pub fn visitor(state: &AppState, locale: Locale, path: &str) -> Ctx {
        Ctx {
            user: None,
            tr: Tr::new(state.i18n.clone(), locale),
            csrf: String::new(),
            flash: None,
            path: path.to_string(),
            assets: state.assets,
            unread: 0,
            brand: state.brand.cached(),
            linkedin: state.config.linkedin.is_some(),
        }
    }

    /// A message; the key may be built in a template (`"status-" ~ s`).
    pub fn t<K: std::fmt::Display + ?Sized>(&self, key: &K) -> String {
        self.tr.t(&key.to_string())
    }
    pub fn n(&self, key: &str, count: &i64) -> String {
        self.tr.n(key, *count)
    }
    pub fn a1(&self, key: &str, name: &str, value: &str) -> String {
        self.tr.a1(key, name, value)
    }
    pub fn lang(&self) -> &'static str {
        self.tr.locale.as_str()
    }
    /// A time in the viewer's time zone.
    pub fn when(&self, millis: &i64) -> String {
        self.tr.datetime(*millis, self.time_zone())
    }
    /// The viewer's time zone.
    pub fn time_zone(&self) -> &str {
        self.user
            .as_ref()
            .map(|u| u.time_zone.as_str())
            .unwrap_or("Europe/Warsaw")
    }
    pub fn has_role(&self, role: Role) -> bool {
        self.user.as_ref().is_some_and(|u| u.has_role(role))
    }
    /// Editors, coordinators and admins work in the content library.
    pub fn uses_library(&self) -> bool {
        self.has_role(Role::Editor) || self.has_role(Role::Coordinator) || self.has_role(Role::Admin)
    }
    /// Coordinators and admins plan the publication calendar.
    pub fn plans(&self) -> bool {
        self.has_role(Role::Coordinator) || self.has_role(Role::Admin)
    }
    /// Where an item page's "back" leads, with its label's key: the library, the feed,
    /// or, for a recruiter reading an application's source post, the applications.
    pub fn content_back(&self) -> (&'static str, &'static str) {
        if self.uses_library() {
            ("/app/content", "content-title")
        } else if self.has_role(Role::Ambassador) || !self.has_role(Role::Recruiter) {
            ("/app/feed", "content-title")
        } else {
            ("/app/applications", "applications-title")
        }
    }
    pub fn is_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }
    /// A content category in the viewer's language (`job_offer` -> "Oferta pracy").
    pub fn category_label(&self, c: &str) -> String {
        self.tr.t(&format!("category-{}", c.replace('_', "-")))
    }
    /// A content status in the viewer's language; empty for none.
    pub fn status_label(&self, s: &str) -> String {
        if s.is_empty() {
            String::new()
        } else {
            self.tr.t(&format!("status-{s}"))
        }
    }
    /// An audit entry as a sentence of the viewer's language (`audit-do-user-invite` for
    /// `user.invite`); the code and subject as stored for an action without one.
    pub fn audit_sentence(&self, action: &str, subject: &str) -> String {
        let key = format!("audit-do-{}", action.replace(['.', '_'], "-"));
        if self.tr.has(&key) {
            self.tr.a(&key, &[("subject", subject)])
        } else {
            format!("{action}: {subject}")
        }
    }
    /// A network's name as people know it.
    pub fn network_label(&self, n: &str) -> &'static str {
        ambasada_core::Network::parse(n).map(|n| n.label()).unwrap_or("")
    }
    /// The role name in the viewer's language.
    pub fn role_name(&self, role: &Role) -> String {
        self.tr.t(&format!("role-{}", role.as_str()))
    }
}

/// Renders a template into a page.
pub fn render(t: &impl Template) -> Result<Response, AppError> {
    Ok(Html(t.render()?).into_response())
}

/// Renders a template with a status (a form that failed validation answers 422).
pub fn render_status(status: StatusCode, t: &impl Template) -> Result<Response, AppError> {
    Ok((status, Html(t.render()?)).into_response())
}

/// A 303 redirect that shows a flash message on the next page.
pub fn redirect_flash(to: &str, success: bool, key: &str, arg: Option<&str>) -> Response {
    let flash = Flash {
        success,
        key: key.to_string(),
        arg: arg.map(str::to_string),
    };
    let mut res = Redirect::to(to).into_response();
    let cookie = Cookie::build((FLASH_COOKIE, flash.encode()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax);
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// Field errors of a form: field name -> translated message.
#[derive(Default, Debug, Clone)]
pub struct FieldErrors(pub HashMap<&'static str, String>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.entry(field).or_insert(message);
    }
    /// When the form comes back with errors and a file was attached to `field` (which
    /// itself was fine), says on that field to attach it again: browsers never refill a
    /// file input.
    pub fn attach_again(&mut self, field: &'static str, attached: bool, tr: &crate::i18n::Tr) {
        if attached && !self.is_empty() {
            self.add(field, tr.t("error-attach-again"));
        }
    }
    pub fn get<K: std::fmt::Display + ?Sized>(&self, field: &K) -> Option<&String> {
        self.0.get(field.to_string().as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `" aria-invalid=true"`-style marker for templates.
    pub fn has<K: std::fmt::Display + ?Sized>(&self, field: &K) -> bool {
        self.0.contains_key(field.to_string().as_str())
    }
}

/// A cookie with the attributes every cookie of ours carries.
pub fn cookie(name: &'static str, value: String, https: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(https)
        .build()
}

/// Appends a `Set-Cookie` header.
pub fn set_cookie(headers: &mut HeaderMap, c: &Cookie<'_>) {
    if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
        headers.append(header::SET_COOKIE, v);
    }
}

fn csrf_from(secret: &str) -> String {
    auth::hash_token(&format!("csrf:{secret}"))
}

/// Whether two strings are equal, in time that does not depend on where they differ.
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The largest urlencoded form body accepted (the CSV import uses multipart).
const FORM_LIMIT: usize = 1 << 20;

/// The signed-in person of the session cookie, with the session's secret; a stale cookie
/// is queued for removal in `set`.
async fn session_of(
    state: &AppState,
    jar: &CookieJar,
    now: ambasada_core::Millis,
    set: &mut Vec<Cookie<'static>>,
) -> std::result::Result<(Option<Arc<User>>, Option<String>), Response> {
    let Some(c) = jar.get(SESSION_COOKIE) else {
        return Ok((None, None));
    };
    match state.store.session_user(&auth::hash_token(c.value()), now).await {
        Ok(Some(id)) => match state.store.user(id).await {
            Ok(Some(u)) => Ok((Some(Arc::new(u)), Some(c.value().to_string()))),
            Ok(None) => Ok((None, None)),
            Err(e) => Err(AppError::from(e).into_response()),
        },
        Ok(None) => {
            set.push(Cookie::build((SESSION_COOKIE, "")).path("/").removal().build());
            Ok((None, None))
        }
        Err(e) => Err(AppError::from(e).into_response()),
    }
}

/// The secret the CSRF token derives from: the session's, else the pre-session cookie's
/// (made and queued in `set` when missing).
fn csrf_secret(session: Option<String>, jar: &CookieJar, https: bool, set: &mut Vec<Cookie<'static>>) -> String {
    match (session, jar.get(PRE_SESSION_COOKIE)) {
        (Some(s), _) => s,
        (None, Some(c)) if c.value().len() >= 32 => c.value().to_string(),
        (None, _) => {
            let s = auth::new_token();
            set.push(cookie(PRE_SESSION_COOKIE, s.clone(), https));
            s
        }
    }
}

/// The page's language: the person's setting, else the language cookie, else the
/// browser's `Accept-Language`, else Polish.
pub(crate) fn locale_of(user: Option<&Arc<User>>, jar: &CookieJar, headers: &HeaderMap) -> Locale {
    user.map(|u| u.locale)
        .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Locale::parse(c.value()).ok()))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// CSRF: every state-changing page request carries the token, in the form body
/// (`csrf_token`), the query string (multipart forms) or the `X-CSRF-Token` header.
/// Gives the body back (read when the token had to be taken from it), or the error page.
async fn check_csrf(ctx: &Ctx, parts: &Parts, body: Body) -> std::result::Result<Body, Response> {
    if matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(body);
    }
    let mut body = body;
    let mut given: Option<String> = parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if given.is_none() {
        given = parts.uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.into_owned())
        });
    }
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    // A form's body is read here in any case: the extractors decode it lossily, so text
    // that is not UTF-8 would reach the handlers with U+FFFD in it.
    let mut utf8 = true;
    if is_form {
        let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.map_err(|_| {
            error_page(ctx, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large").unwrap_or_else(|e| e.into_response())
        })?;
        if given.is_none() {
            given = url::form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.into_owned());
        }
        utf8 = crate::input::form_is_utf8(&bytes);
        body = Body::from(bytes);
    }
    if !given.is_some_and(|g| constant_time_eq(&g, &ctx.csrf)) {
        Err(error_page(ctx, StatusCode::FORBIDDEN, "error-csrf").unwrap_or_else(|e| e.into_response()))
    } else if !utf8 {
        Err(error_page(ctx, StatusCode::BAD_REQUEST, crate::input::NOT_UTF8).unwrap_or_else(|e| e.into_response()))
    } else {
        Ok(body)
    }
}

/// Rejections of axum's extractors (a path id that is not a number, a malformed form), a
/// wrong method, a timeout or a caught panic come as plain text or empty: they become
/// pages too. A page that needs a login sends to the login page and back.
fn as_page(ctx: &Ctx, method: &Method, mut res: Response) -> Response {
    if res.extensions().get::<ErrorPage>().is_none()
        && (res.status().is_client_error() || res.status().is_server_error())
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_none_or(|v| v.as_bytes().starts_with(b"text/plain"))
    {
        let key = match res.status() {
            StatusCode::NOT_FOUND => "error-page-not-found",
            StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
            StatusCode::REQUEST_TIMEOUT => "error-timeout",
            s if s.is_server_error() => "error-page-internal",
            _ => "error-bad-request",
        };
        res.extensions_mut().insert(ErrorPage { key });
    }
    let Some(page) = res.extensions().get::<ErrorPage>().copied() else {
        return res;
    };
    let status = res.status();
    if status == StatusCode::UNAUTHORIZED {
        let next_path = if method == Method::GET {
            ctx.path.as_str()
        } else {
            "/app"
        };
        let to = format!(
            "/login?next={}",
            url::form_urlencoded::byte_serialize(next_path.as_bytes()).collect::<String>()
        );
        Redirect::to(&to).into_response()
    } else {
        error_page(ctx, status, page.key).unwrap_or_else(|e| e.into_response())
    }
}

/// The signed-in person's unread notifications, for the header's badge: one small query
/// per page. A count that cannot be read shows none rather than failing the page.
async fn unread_of(state: &AppState, user: Option<&User>) -> i64 {
    let Some(user) = user else { return 0 };
    state.store.unread_notifications(user.id).await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "unread notifications not counted");
        0
    })
}

/// Resolves session, language, CSRF token and flash for every page request; refuses
/// state-changing requests without the right CSRF token; renders error pages in the
/// layout; sends anonymous visitors of private pages to the login page.
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let jar = CookieJar::from_headers(&parts.headers);
    let mut set: Vec<Cookie<'static>> = Vec::new();
    let (user, session) = match session_of(&state, &jar, crate::now(), &mut set).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    let csrf = csrf_from(&csrf_secret(session, &jar, state.config.is_https(), &mut set));
    let locale = locale_of(user.as_ref(), &jar, &parts.headers);
    let flash = jar.get(FLASH_COOKIE).and_then(|c| Flash::decode(c.value()));
    let unread = unread_of(&state, user.as_deref()).await;
    let ctx = Ctx {
        user,
        tr: Tr::new(state.i18n.clone(), locale),
        csrf,
        flash: flash.clone(),
        path: parts.uri.path().to_string(),
        assets: state.assets,
        unread,
        brand: state.brand().await,
        linkedin: state.config.linkedin.is_some(),
    };
    parts.extensions.insert(ctx.clone());

    let mut res = match check_csrf(&ctx, &parts, body).await {
        Ok(body) => {
            let method = parts.method.clone();
            let res = next.run(Request::from_parts(parts, body)).await;
            as_page(&ctx, &method, res)
        }
        Err(res) => res,
    };
    let sets_flash = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.as_bytes().starts_with(FLASH_COOKIE.as_bytes()));
    if flash.is_some() && !sets_flash {
        set.push(Cookie::build((FLASH_COOKIE, "")).path("/").removal().build());
    }
    for c in &set {
        set_cookie(res.headers_mut(), c);
    }
    if !res.headers().contains_key(header::CACHE_CONTROL) {
        // Pages depend on the session: never stored by shared caches.
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    p: &'a Ctx,
    status: u16,
    message: String,
}

/// An error page in the layout.
pub fn error_page(ctx: &Ctx, status: StatusCode, key: &str) -> Result<Response, AppError> {
    let t = ErrorTemplate {
        p: ctx,
        status: status.as_u16(),
        message: ctx.t(key),
    };
    Ok((status, Html(t.render()?)).into_response())
}

/// Only same-site paths are followed after login: never `//host` or a full URL.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        // Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil` would
        // become `//evil`: any of those characters refuses the value.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.chars().any(|c| c.is_control() || c == '\\' || c.is_whitespace()) =>
        {
            n
        }
        _ => "/app",
    }
}

/// The peer address of the connection, when the server knows it.
pub struct ClientAddr(pub Option<std::net::SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flash_round_trips_and_refuses_non_keys() {
        let f = Flash {
            success: true,
            key: "flash-saved".into(),
            arg: Some("Jan | Żak".into()),
        };
        let back = Flash::decode(&f.encode()).unwrap();
        assert_eq!(
            (back.success, back.key.as_str(), back.arg.as_deref()),
            (true, "flash-saved", Some("Jan | Żak"))
        );
        assert!(Flash::decode("ok%7C%3Cscript%3E").is_none());
    }

    #[test]
    fn next_paths_stay_on_this_site() {
        assert_eq!(safe_next(Some("/app/profile")), "/app/profile");
        assert_eq!(safe_next(Some("//evil.example")), "/app");
        assert_eq!(safe_next(Some("https://evil.example")), "/app");
        assert_eq!(safe_next(Some("/\\evil.example")), "/app");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/app");
        assert_eq!(safe_next(Some("/\n/evil.example")), "/app");
        assert_eq!(safe_next(Some("/app/\r\nSet-Cookie:x")), "/app");
        assert_eq!(safe_next(None), "/app");
    }
}
