//! What people are told about a redemption, at each step: the ambassador by email (in
//! their language, through the outbox) on the request and on every decision, with an
//! in-app notification for each decision; the program's coordinator (the admins when it
//! has none) by email and notification when a request comes in. A message that cannot be
//! queued is logged: the redemption it is about already happened.

use crate::AppState;
use crate::i18n::Tr;
use crate::notifications::{self, kind};
use ambasada_core::rewards::redemptions::Status;
use ambasada_store::people::User;
use ambasada_store::rewards::redemptions::Redemption;

fn logged(what: &'static str, r: anyhow::Result<()>) {
    if let Err(e) = r {
        tracing::warn!(error = ?e, what, "redemption message not queued");
    }
}

/// A new request: the ambassador's confirmation, and the coordinator's email and
/// notification.
pub async fn requested(state: &AppState, r: &Redemption, ambassador: &User) {
    logged("redemption email", ambassador_email(state, r, ambassador).await);
    logged("redemption request to the coordinator", tell_owners(state, r).await);
}

/// A decision (approved, delivered or rejected): the ambassador's email and notification.
pub async fn decided(state: &AppState, r: &Redemption) {
    let result = async {
        let Some(ambassador) = state.store.user(r.user_id).await? else {
            return Ok(());
        };
        ambassador_email(state, r, &ambassador).await?;
        let status = r.status().map_or("", Status::as_str);
        notifications::notify(
            state,
            &[r.user_id],
            kind::REDEMPTION_DECIDED,
            serde_json::json!({
                "reward": r.reward_name,
                "status": status,
                "reason": r.reason.clone().unwrap_or_default(),
            }),
            "/app/rewards",
            Some(&format!("redemption-decided:{}:{status}", r.id)),
        )
        .await
    };
    logged("redemption decision", result.await);
}

/// The ambassador's email about where their redemption stands now.
async fn ambassador_email(state: &AppState, r: &Redemption, to: &User) -> anyhow::Result<()> {
    let Some(status) = r.status() else {
        return Ok(());
    };
    let tr = Tr::new(state.i18n.clone(), to.locale);
    let points = tr.n("reward-points", r.points);
    let link = format!("{}/app/rewards", state.config.base_url);
    let reason = r.reason.clone().unwrap_or_default();
    let args = [
        ("name", to.first_name.as_str()),
        ("reward", r.reward_name.as_str()),
        ("points", points.as_str()),
        ("reason", reason.as_str()),
        ("link", link.as_str()),
    ];
    let (subject, body) = match status {
        Status::Requested => ("email-redemption-requested-subject", "email-redemption-requested-body"),
        Status::Approved => ("email-redemption-approved-subject", "email-redemption-approved-body"),
        Status::Delivered => ("email-redemption-delivered-subject", "email-redemption-delivered-body"),
        Status::Rejected => ("email-redemption-rejected-subject", "email-redemption-rejected-body"),
    };
    crate::mail::queue(
        state,
        &to.email,
        &tr.a(subject, &args),
        &tr.a(body, &args),
        "redemption",
    )
    .await
}

/// Tells the program's coordinator (the admins when it has none) about a new request.
async fn tell_owners(state: &AppState, r: &Redemption) -> anyhow::Result<()> {
    let Some(program) = state.store.program(r.program_id).await? else {
        return Ok(());
    };
    let owners = notifications::program_owners(state, &program).await?;
    let path = format!("/app/programs/{}/redemptions", program.id);
    notifications::notify(
        state,
        &owners,
        kind::REDEMPTION_REQUESTED,
        serde_json::json!({ "name": r.user_name, "reward": r.reward_name, "program": program.name }),
        &path,
        Some(&format!("redemption-requested:{}", r.id)),
    )
    .await?;
    let link = format!("{}{path}", state.config.base_url);
    for id in owners {
        let Some(owner) = state.store.user(id).await? else {
            continue;
        };
        let tr = Tr::new(state.i18n.clone(), owner.locale);
        let points = tr.n("reward-points", r.points);
        let args = [
            ("name", owner.first_name.as_str()),
            ("ambassador", r.user_name.as_str()),
            ("reward", r.reward_name.as_str()),
            ("points", points.as_str()),
            ("program", program.name.as_str()),
            ("link", link.as_str()),
        ];
        let subject = tr.a("email-redemption-new-subject", &args);
        let body = tr.a("email-redemption-new-body", &args);
        crate::mail::queue(state, &owner.email, &subject, &body, "redemption").await?;
    }
    Ok(())
}
