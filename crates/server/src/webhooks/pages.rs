//! The admin's webhooks pages: `/app/admin/webhooks` lists the endpoints with their state
//! and registers new ones (the secret shown once, on the answer to the form);
//! `/app/admin/webhooks/{id}` shows an endpoint's recent messages with their status,
//! attempts and the receiver's last answer, and enables, or removes, it. Admins only.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::integrations::{UrlError, WebhookUrl};
use ambasada_core::webhooks::{Event, EventsError};
use ambasada_store::signed_webhooks::{Endpoint, Message};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

/// How many recent messages an endpoint's page lists.
const RECENT: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/admin/webhooks", get(list).post(create))
        .route("/app/admin/webhooks/{id}", get(show))
        .route("/app/admin/webhooks/{id}/enable", post(enable))
        .route("/app/admin/webhooks/{id}/delete", post(remove))
}

/// An endpoint's state: `ok`, `waiting` (nothing delivered yet), `failing` or `disabled`.
pub fn state_of(e: &Endpoint) -> &'static str {
    if e.disabled_at.is_some() {
        "disabled"
    } else if e.failing_since.is_some() {
        "failing"
    } else if e.last_success_at.is_some() {
        "ok"
    } else {
        "waiting"
    }
}

/// The badge class of a state or a message's status.
pub fn badge(state: &str) -> &'static str {
    match state {
        "ok" | "delivered" => "status-sent",
        "failing" | "pending" => "warn",
        "disabled" | "failed" => "status-failed",
        _ => "off",
    }
}

/// What the form holds, as typed.
#[derive(Default, Deserialize)]
pub struct EndpointForm {
    #[serde(default)]
    url: String,
    #[serde(default)]
    events: Vec<String>,
}

#[derive(Template)]
#[template(path = "webhooks/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    endpoints: Vec<Endpoint>,
    events: Vec<&'static str>,
    form: EndpointForm,
    url_error: Option<String>,
    events_error: Option<String>,
    /// The new endpoint's id and secret, on the answer that created it.
    created: Option<(i64, String)>,
}

impl ListTemplate<'_> {
    fn state(&self, e: &Endpoint) -> &'static str {
        state_of(e)
    }
    fn badge(&self, e: &Endpoint) -> &'static str {
        badge(state_of(e))
    }
    fn chosen(&self, event: &str) -> bool {
        self.form.events.iter().any(|e| e == event)
    }
    fn event_list(&self, e: &Endpoint) -> String {
        e.events.replace(',', ", ")
    }
}

#[derive(Template)]
#[template(path = "webhooks/show.html")]
struct ShowTemplate<'a> {
    p: &'a Ctx,
    endpoint: Endpoint,
    messages: Vec<Message>,
}

impl ShowTemplate<'_> {
    fn state(&self) -> &'static str {
        state_of(&self.endpoint)
    }
    fn badge_of(&self, status: &str) -> &'static str {
        badge(status)
    }
    fn event_list(&self) -> String {
        self.endpoint.events.replace(',', ", ")
    }
}

fn list_template<'a>(ctx: &'a Ctx, endpoints: Vec<Endpoint>, form: EndpointForm) -> ListTemplate<'a> {
    ListTemplate {
        p: ctx,
        endpoints,
        events: Event::ALL.iter().map(|e| e.as_str()).collect(),
        form,
        url_error: None,
        events_error: None,
        created: None,
    }
}

/// `GET /app/admin/webhooks`.
pub async fn list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    let endpoints = state.store.webhook_endpoints().await?;
    render(&list_template(&ctx, endpoints, EndpointForm::default()))
}

/// Why a URL was refused, as the catalog words it.
pub fn url_error_key(e: UrlError) -> &'static str {
    match e {
        UrlError::Empty | UrlError::Invalid => "error-endpoint-url",
        UrlError::LocalHost => "error-endpoint-local",
        UrlError::NotHttps => "error-webhook-https",
        UrlError::TooLong => "error-webhook-too-long",
    }
}

/// What is wrong with an endpoint's form or body.
pub struct Invalid {
    /// The catalog key of the URL's problem.
    pub url: Option<&'static str>,
    pub events: Option<EventsError>,
}

/// Checks an endpoint's URL and events: the URL as stored and the events.
pub fn check(state: &AppState, url: &str, events: &[String]) -> std::result::Result<(WebhookUrl, Vec<Event>), Invalid> {
    let url = WebhookUrl::parse(url, state.config.webhooks_allow_private).map_err(url_error_key);
    let events = Event::parse_list(events.iter().map(String::as_str));
    match (url, events) {
        (Ok(u), Ok(e)) => Ok((u, e)),
        (u, e) => Err(Invalid {
            url: u.err(),
            events: e.err(),
        }),
    }
}

/// Registers an endpoint: stores it with a new secret and records who did.
pub async fn register(state: &AppState, by: i64, url: &WebhookUrl, events: &[Event]) -> anyhow::Result<(i64, String)> {
    let secret = super::new_secret().expose();
    let now = crate::now();
    let id = state
        .store
        .create_webhook_endpoint(url.expose(), &Event::join(events), &secret, Some(by), now)
        .await?;
    state
        .store
        .audit(Some(by), "webhook.endpoint.create", &url.masked(), now)
        .await?;
    Ok((id, secret))
}

/// `POST /app/admin/webhooks`: registers an endpoint and shows its secret, once.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<EndpointForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    match check(&state, &f.url, &f.events) {
        Ok((url, events)) => {
            let created = register(&state, user.id, &url, &events).await?;
            let endpoints = state.store.webhook_endpoints().await?;
            let mut t = list_template(&ctx, endpoints, EndpointForm::default());
            t.created = Some(created);
            render(&t)
        }
        Err(Invalid {
            url: url_error,
            events: events_error,
        }) => {
            let endpoints = state.store.webhook_endpoints().await?;
            let mut form = f;
            form.url = form.url.chars().take(WebhookUrl::MAX_LEN + 100).collect();
            let mut t = list_template(&ctx, endpoints, form);
            t.url_error = url_error.map(|k| ctx.t(k));
            t.events_error = events_error.map(|e| match e {
                EventsError::Empty => ctx.t("error-endpoint-events"),
                EventsError::Unknown(name) => ctx.a1("error-endpoint-event-unknown", "event", &name),
            });
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// `GET /app/admin/webhooks/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let endpoint = state.store.webhook_endpoint(id).await?.ok_or(AppError::NotFound)?;
    let messages = state.store.webhook_messages(id, RECENT).await?;
    render(&ShowTemplate {
        p: &ctx,
        endpoint,
        messages,
    })
}

/// `POST /app/admin/webhooks/{id}/enable`: enables a disabled endpoint; its waiting
/// messages go at once.
pub async fn enable(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let endpoint = state.store.webhook_endpoint(id).await?.ok_or(AppError::NotFound)?;
    let now = crate::now();
    state.store.enable_webhook_endpoint(id, now).await?;
    state
        .store
        .audit(
            Some(user.id),
            "webhook.endpoint.enable",
            &ambasada_core::integrations::mask(&endpoint.url),
            now,
        )
        .await?;
    state.signed_webhooks.wakeup.notify_one();
    Ok(redirect_flash(
        &format!("/app/admin/webhooks/{id}"),
        true,
        "flash-endpoint-enabled",
        None,
    ))
}

/// Removes an endpoint and its messages, recording who did. False when there was none.
pub async fn delete(state: &AppState, by: i64, id: i64) -> anyhow::Result<bool> {
    let Some(endpoint) = state.store.webhook_endpoint(id).await? else {
        return Ok(false);
    };
    if !state.store.delete_webhook_endpoint(id).await? {
        return Ok(false);
    }
    state
        .store
        .audit(
            Some(by),
            "webhook.endpoint.delete",
            &ambasada_core::integrations::mask(&endpoint.url),
            crate::now(),
        )
        .await?;
    Ok(true)
}

/// `POST /app/admin/webhooks/{id}/delete`.
pub async fn remove(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    if !delete(&state, user.id, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect_flash(
        "/app/admin/webhooks",
        true,
        "flash-endpoint-deleted",
        None,
    ))
}

/// Tells an endpoint's admin (every admin when its creator is no longer one) that it
/// was disabled: a notification and an email in their language.
pub async fn tell_disabled(state: &AppState, endpoint_id: i64) {
    let r = async {
        let Some(endpoint) = state.store.webhook_endpoint(endpoint_id).await? else {
            return Ok(());
        };
        let admins = state.store.active_people_with_role(Role::Admin).await?;
        let to: Vec<i64> = match endpoint.created_by.filter(|c| admins.contains(c)) {
            Some(creator) => vec![creator],
            None => admins,
        };
        let masked = ambasada_core::integrations::mask(&endpoint.url);
        let link = format!("/app/admin/webhooks/{endpoint_id}");
        crate::notifications::notify(
            state,
            &to,
            crate::notifications::kind::ENDPOINT_DISABLED,
            serde_json::json!({ "url": masked }),
            &link,
            Some(&format!(
                "endpoint-disabled:{endpoint_id}:{}",
                endpoint.disabled_at.unwrap_or(0)
            )),
        )
        .await?;
        for id in to {
            let Some(admin) = state.store.user(id).await? else {
                continue;
            };
            let tr = Tr::new(state.i18n.clone(), admin.locale);
            let body = tr.a(
                "email-endpoint-disabled-body",
                &[("url", &masked), ("link", &format!("{}{link}", state.config.base_url))],
            );
            let subject = tr.t("email-endpoint-disabled-subject");
            crate::mail::queue(state, &admin.email, &subject, &body, "endpoint_disabled").await?;
        }
        anyhow::Ok(())
    };
    if let Err(e) = r.await {
        tracing::warn!(error = ?e, endpoint = endpoint_id, "telling an admin of a disabled webhook endpoint failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ambasada_core::Locale;

    #[test]
    fn every_key_the_pages_build_is_in_both_catalogs() {
        let i18n = crate::i18n::I18n::new();
        let mut keys: Vec<String> = Event::ALL
            .iter()
            .map(|e| format!("endpoints-event-{}", e.as_str().replace('.', "-")))
            .collect();
        keys.extend(["waiting", "ok", "failing", "disabled"].map(|s| format!("endpoints-state-{s}")));
        keys.extend(["pending", "delivered", "failed"].map(|s| format!("endpoints-status-{s}")));
        keys.extend(["create", "delete", "enable"].map(|s| format!("audit-do-webhook-endpoint-{s}")));
        for locale in [Locale::En, Locale::Pl] {
            for k in &keys {
                assert!(i18n.has(locale, k), "{k} missing in {locale:?}");
            }
        }
    }

    #[test]
    fn an_endpoints_state_follows_its_times() {
        let mut e = Endpoint {
            id: 1,
            url: "https://x.example/".into(),
            events: "share.confirmed".into(),
            created_by: None,
            created_at: 0,
            last_success_at: None,
            failing_since: None,
            disabled_at: None,
        };
        assert_eq!(state_of(&e), "waiting");
        e.last_success_at = Some(5);
        assert_eq!(state_of(&e), "ok");
        e.failing_since = Some(6);
        assert_eq!(state_of(&e), "failing");
        e.disabled_at = Some(7);
        assert_eq!(state_of(&e), "disabled");
    }
}
