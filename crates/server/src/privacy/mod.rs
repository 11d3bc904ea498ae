//! Privacy (C14). A person's copy of everything stored about them (GDPR article 15): from the admin's
//! user page, from the person's own profile, or `ambasada person export --email E`. One
//! JSON document: `format`, `exported_at`, `note`, then one key per kind of data
//! (`person`, `roles`, `teams`, ..., `shares`, `links`, ...; see the README's Privacy).

pub mod erase;
pub mod register;
pub mod register_page;
pub mod retention;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use ambasada_core::Role;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Map, Value};

/// The document's format name; a change of shape gets a new number.
pub const FORMAT: &str = "ambasada-person-export/1";

/// The document for a person, or `None` when there is none.
pub async fn document(state: &AppState, user_id: i64) -> anyhow::Result<Option<Value>> {
    let Some(sections) = state.store.person_export(user_id).await? else {
        return Ok(None);
    };
    let mut doc = Map::new();
    doc.insert("format".into(), FORMAT.into());
    doc.insert("exported_at".into(), crate::now().into());
    doc.insert(
        "note".into(),
        "Times are Unix milliseconds (UTC). eNPS answers are anonymous and stored without the person, \
         so they are not included: only the surveys the person took part in. Click counts of links \
         leave out bots and link previews; a link's visitors are each day's unique visitors \
         summed over the days. Emails are listed without their texts."
            .into(),
    );
    doc.extend(sections);
    Ok(Some(Value::Object(doc)))
}

/// The document as a download.
fn download(doc: &Value, user_id: i64) -> Response {
    let body = serde_json::to_string_pretty(doc).unwrap_or_default();
    let disposition = format!("attachment; filename=\"ambasada-person-{user_id}.json\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

async fn export(state: &AppState, by: &CurrentUser, user_id: i64) -> Result<Response> {
    let doc = document(state, user_id).await?.ok_or(AppError::NotFound)?;
    let email = doc["person"]["email"].as_str().unwrap_or("").to_string();
    state
        .store
        .audit(Some(by.id), "person.export", &email, crate::now())
        .await?;
    Ok(download(&doc, user_id))
}

/// `GET /app/admin/users/{id}/export`: an admin downloads a person's data.
pub async fn admin(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    export(&state, &user, id).await
}

/// `GET /app/profile/export`: a person downloads their own data.
pub async fn own(State(state): State<AppState>, user: CurrentUser) -> Result<Response> {
    export(&state, &user, user.id).await
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/admin/users/{id}/export", get(admin))
        .route("/app/profile/export", get(own))
        .route("/app/admin/users/{id}/erase", post(erase::person))
        .route("/app/admin/privacy", get(register_page::page))
        .route("/app/applications/{id}/erase", post(erase::application))
}
