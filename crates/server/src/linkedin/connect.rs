//! Connecting a person's LinkedIn member (OAuth 2.0 authorization code, as LinkedIn's
//! self-serve apps allow: no PKCE, no refresh token) and disconnecting it.
//!
//! The flow's state travels in a sealed, short-lived cookie bound to the person, so any
//! instance can finish a flow another one started. The token is stored sealed with the
//! deployment's key; it is never logged and never leaves the server.

use super::client::{CallError, LinkedIn, SCOPES};
use super::{PURPOSE_TOKEN, linkedin_for};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{self, redirect_flash};
use ambasada_core::MINUTE;
use ambasada_core::linkedin::Failure;
use ambasada_store::linkedin::LinkedInAccount;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::{Deserialize, Serialize};

/// The cookie that carries the flow's state.
const FLOW_COOKIE: &str = "amb_li_flow";
/// What the flow cookie is sealed for.
const PURPOSE_FLOW: &str = "linkedin connect flow";
/// How long a person has to consent.
const FLOW_TTL: i64 = 15 * MINUTE;
/// Where LinkedIn sends the person back.
pub const CALLBACK_PATH: &str = "/app/profile/linkedin/callback";
/// Where the person lands afterwards.
const PROFILE: &str = "/app/profile#linkedin";

#[derive(Serialize, Deserialize)]
struct Flow {
    state: String,
    user: i64,
    until: i64,
}

fn redirect_uri(state: &AppState) -> String {
    format!("{}{CALLBACK_PATH}", state.config.base_url)
}

/// "Connect LinkedIn": sends the person to LinkedIn's consent screen.
pub async fn start(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    let li = linkedin_for(&state)?;
    let flow = Flow {
        state: crate::auth::new_token(),
        user: user.id,
        until: crate::now() + FLOW_TTL,
    };
    let sealed = state
        .sealer
        .seal(PURPOSE_FLOW, &serde_json::to_string(&flow).expect("plain struct"));
    let mut res = Redirect::to(&li.authorize_url(&redirect_uri(&state), &flow.state)).into_response();
    let mut c = web::cookie(FLOW_COOKIE, sealed, state.config.is_https());
    c.set_max_age(Some(crate::people::login::cookie_age(FLOW_TTL)));
    web::set_cookie(res.headers_mut(), &c);
    Ok(res)
}

#[derive(Deserialize, Default)]
pub struct CallbackQuery {
    #[serde(default)]
    code: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    error: String,
}

/// Ends the flow: the redirect with a message, the flow cookie removed.
fn finish(state: &AppState, success: bool, key: &str) -> Response {
    let mut res = redirect_flash(PROFILE, success, key, None);
    let mut gone = web::cookie(FLOW_COOKIE, String::new(), state.config.is_https());
    gone.make_removal();
    web::set_cookie(res.headers_mut(), &gone);
    res
}

/// LinkedIn's redirect back: checks the state, exchanges the code, reads the member and
/// stores the sealed token.
pub async fn callback(
    State(state): State<AppState>,
    user: CurrentUser,
    jar: CookieJar,
    Query(q): Query<CallbackQuery>,
) -> Result<Response> {
    let li = linkedin_for(&state)?;
    let flow = jar
        .get(FLOW_COOKIE)
        .and_then(|c| state.sealer.open(PURPOSE_FLOW, c.value()))
        .and_then(|s| serde_json::from_str::<Flow>(&s).ok())
        .filter(|f| f.user == user.id && f.until > crate::now());
    let Some(flow) = flow else {
        return Ok(finish(&state, false, "linkedin-flash-expired-flow"));
    };
    if !web::constant_time_eq(&flow.state, &q.state) {
        return Ok(finish(&state, false, "linkedin-flash-state"));
    }
    match q.error.as_str() {
        "" => {}
        "user_cancelled_login" | "user_cancelled_authorize" => {
            return Ok(finish(&state, false, "linkedin-flash-cancelled"));
        }
        _ => return Ok(finish(&state, false, "linkedin-flash-refused")),
    }
    if q.code.is_empty() {
        return Ok(finish(&state, false, "linkedin-flash-refused"));
    }
    match connect(&state, &li, &user, &q.code).await {
        Ok(()) => Ok(finish(&state, true, "linkedin-flash-connected")),
        Err(key) => Ok(finish(&state, false, key)),
    }
}

/// Exchanges the code and saves the connection; the catalog key of what went wrong.
async fn connect(
    state: &AppState,
    li: &LinkedIn<'_>,
    user: &CurrentUser,
    code: &str,
) -> std::result::Result<(), &'static str> {
    let problem = |e: CallError| {
        tracing::warn!(error = ?e, "connecting LinkedIn failed");
        match e {
            CallError::Failed(Failure::Unreachable | Failure::Server(_) | Failure::Throttled, ..)
            | CallError::Unknown(_) => "linkedin-flash-unavailable",
            CallError::Failed(..) => "linkedin-flash-refused",
        }
    };
    let token = li.exchange_code(code, &redirect_uri(state)).await.map_err(problem)?;
    if !token.scope.is_empty() && !token.scope.split([' ', ',']).any(|s| s == "w_member_social") {
        return Err("linkedin-flash-scope");
    }
    let member = li.userinfo(&token.access_token).await.map_err(problem)?;
    if member.sub.trim().is_empty() {
        return Err("linkedin-flash-refused");
    }
    let now = crate::now();
    let account = LinkedInAccount {
        user_id: user.id,
        member_name: if member.name.trim().is_empty() {
            member.sub.clone()
        } else {
            member.name.trim().to_string()
        },
        member_sub: member.sub,
        token_sealed: state.sealer.seal(PURPOSE_TOKEN, &token.access_token),
        scope: if token.scope.is_empty() {
            SCOPES.to_string()
        } else {
            token.scope
        },
        expires_at: now + token.expires_in.clamp(0, 366 * 86_400) * 1000,
        connected_at: now,
        reminded: 0,
    };
    state.store.save_linkedin_account(&account, now).await.map_err(|e| {
        tracing::error!(error = %e, "saving a LinkedIn connection failed");
        "linkedin-flash-unavailable"
    })?;
    // Posts that waited for this connection go out now.
    state.linkedin_wakeup.notify_one();
    if let Err(e) = state
        .store
        .audit(Some(user.id), "linkedin.connect", &account.member_name, now)
        .await
    {
        tracing::warn!(error = %e, "auditing a LinkedIn connection failed");
    }
    Ok(())
}

/// "Disconnect": deletes the token. Posts still planned wait for a new connection.
pub async fn disconnect(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    if state.config.linkedin.is_none() {
        return Err(AppError::NotFound);
    }
    let now = crate::now();
    if state.store.delete_linkedin_account(user.id).await? {
        state.store.pause_linkedin_posts_of(user.id, now).await?;
        state
            .store
            .audit(Some(user.id), "linkedin.disconnect", &user.email, now)
            .await?;
    }
    Ok(redirect_flash(PROFILE, true, "linkedin-flash-disconnected", None))
}
