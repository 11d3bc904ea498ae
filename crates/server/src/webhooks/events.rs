//! What each event's `data` holds: ids, states and times; people by id only. One
//! function per event, called where the event happens; each queues through
//! [`super::emit`], once per occurrence.

use super::{emit, rfc3339};
use crate::AppState;
use ambasada_core::Millis;
use ambasada_core::webhooks::Event;
use serde_json::json;

/// An ambassador confirmed a share (on the share screen, through the API, or a post of
/// their own without an item). Not the post's address: it names the person's account.
pub struct ShareConfirmed<'a> {
    pub share_id: i64,
    pub ambassador_id: i64,
    pub content_id: Option<i64>,
    pub program_id: Option<i64>,
    pub network: &'a str,
    pub at: Millis,
}

pub async fn share_confirmed(state: &AppState, s: &ShareConfirmed<'_>) {
    let data = json!({
        "share_id": s.share_id,
        "ambassador_id": s.ambassador_id,
        "content_id": s.content_id,
        "program_id": s.program_id,
        "network": s.network,
        "confirmed_at": rfc3339(s.at),
    });
    emit(state, Event::ShareConfirmed, &s.share_id.to_string(), data).await;
}

/// An item was published (the announcement job claims each once).
pub async fn content_published(state: &AppState, item: &ambasada_store::content::ContentItem) {
    let data = json!({
        "content_id": item.id,
        "title": item.title,
        "program_ids": item.program_ids,
        "starts_at": rfc3339(item.starts_at),
        "expires_at": item.expires_at.map(rfc3339),
    });
    emit(state, Event::ContentPublished, &item.id.to_string(), data).await;
}

/// An item's expiry passed.
pub async fn content_expired(state: &AppState, content_id: i64, at: Millis) {
    let data = json!({ "content_id": content_id, "expired_at": rfc3339(at) });
    emit(state, Event::ContentExpired, &content_id.to_string(), data).await;
}

/// A candidate applied for a job offer: no name, no address, no CV; whether it came
/// through an ambassador's link, and whose.
pub async fn application_created(
    state: &AppState,
    application_id: i64,
    offer_id: i64,
    ambassador_id: Option<i64>,
    at: Millis,
) {
    let data = json!({
        "application_id": application_id,
        "offer_id": offer_id,
        "referred": ambassador_id.is_some(),
        "ambassador_id": ambassador_id,
        "stage": "new",
        "created_at": rfc3339(at),
    });
    emit(state, Event::ApplicationCreated, &application_id.to_string(), data).await;
}

/// A recruiter moved an application to another stage.
pub async fn application_stage_changed(
    state: &AppState,
    application_id: i64,
    offer_id: i64,
    from: &str,
    to: &str,
    at: Millis,
) {
    let data = json!({
        "application_id": application_id,
        "offer_id": offer_id,
        "from": from,
        "to": to,
        "changed_at": rfc3339(at),
    });
    emit(
        state,
        Event::ApplicationStageChanged,
        &format!("{application_id}:{from}:{to}:{at}"),
        data,
    )
    .await;
}

/// A conversion was reported (a new one: a repeated report of the same one is not).
pub async fn conversion_recorded(
    state: &AppState,
    c: &ambasada_store::recruiting::Conversion,
    source: &ambasada_store::tracking::ClickSource,
) {
    let data = json!({
        "conversion_id": c.id,
        "kind": c.kind,
        "external_id": c.external_id,
        "value": c.value,
        "ambassador_id": source.ambassador_id,
        "content_id": source.item_id,
        "network": source.network,
        "program_id": source.program_id,
        "recorded_at": rfc3339(c.created_at),
    });
    emit(state, Event::ConversionRecorded, &c.id.to_string(), data).await;
}

/// A person was added (by an admin, an import or the CLI).
pub async fn person_created(state: &AppState, person_id: i64, roles: &[ambasada_core::Role], at: Millis) {
    let roles: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let data = json!({ "person_id": person_id, "roles": roles, "created_at": rfc3339(at) });
    emit(state, Event::PersonCreated, &person_id.to_string(), data).await;
}

/// A person was deactivated.
pub async fn person_deactivated(state: &AppState, person_id: i64, at: Millis) {
    let data = json!({ "person_id": person_id, "deactivated_at": rfc3339(at) });
    emit(state, Event::PersonDeactivated, &format!("{person_id}:{at}"), data).await;
}

/// A person's personal data was erased: systems that copied it erase theirs too (GDPR
/// article 19).
pub async fn person_erased(state: &AppState, person_id: i64, at: Millis) {
    let data = json!({ "person_id": person_id, "erased_at": rfc3339(at) });
    emit(state, Event::PersonErased, &person_id.to_string(), data).await;
}

/// An ambassador asked for a reward.
pub async fn reward_redeemed(state: &AppState, r: &ambasada_store::rewards::redemptions::Redemption) {
    let data = json!({
        "redemption_id": r.id,
        "reward_id": r.reward_id,
        "program_id": r.program_id,
        "ambassador_id": r.user_id,
        "points": r.points,
        "status": r.status,
        "requested_at": rfc3339(r.created_at),
    });
    emit(state, Event::RewardRedeemed, &r.id.to_string(), data).await;
}

/// A program's review was published to its members.
pub async fn review_published(state: &AppState, review_id: i64, program_id: i64, period: &str, at: Millis) {
    let data = json!({
        "review_id": review_id,
        "program_id": program_id,
        "period": period,
        "published_at": rfc3339(at),
    });
    emit(state, Event::ReviewPublished, &review_id.to_string(), data).await;
}
