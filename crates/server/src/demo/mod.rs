//! Demo data: a Polish company with teams, about forty employees and a login for each
//! role, its ambassador programs, content library, shares and clicks, recruiting, eNPS
//! surveys and training courses. Each part lives in its own file; [`seed`] runs them in
//! order. Later capabilities add their own data here.

mod brand;
mod calendar;
mod content;
pub mod courses;
mod enps;
mod history;
mod integrations;
mod notifications;
mod people;
mod programs;
mod recruiting;
mod reviews;
mod rewards;
mod sharing;
mod tracking;

use crate::AppState;
use ambasada_core::{Email, Role};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo1234";

/// The fixed demo logins: email and role.
pub const DEMO_LOGINS: &[(&str, Role, &str, &str)] = &[
    ("admin@demo.example", Role::Admin, "Agnieszka", "Adamska"),
    ("koordynator@demo.example", Role::Coordinator, "Krzysztof", "Kowalczyk"),
    ("redaktor@demo.example", Role::Editor, "Magdalena", "Rutkowska"),
    ("rekruter@demo.example", Role::Recruiter, "Tomasz", "Lewandowski"),
    ("ambasador@demo.example", Role::Ambassador, "Zofia", "Wójcik"),
];

/// Fills an empty database with the demo company. Returns false when the demo
/// accounts exist already (the demo database is opened again, not refilled).
pub async fn seed(state: &AppState) -> anyhow::Result<bool> {
    let store = &state.store;
    if store.user_by_email(&Email::parse(DEMO_LOGINS[0].0)?).await?.is_some() {
        return Ok(false);
    }
    let now = crate::now();
    let admin = people::seed_people(state, now).await?;
    brand::seed_brand(state).await?;
    let offers = recruiting::seed_offers(state, now).await?;
    let programs = programs::seed_programs(state, now).await?;
    let published = content::seed_library(state, now, &programs, offers[0]).await?;
    content::seed_pending(state, now, programs.employer_branding).await?;
    sharing::seed_shares(state, now, &programs, &published, offers[0]).await?;
    tracking::seed_clicks(state, now).await?;
    history::seed_history(state, now, &programs, id_of(state, "redaktor@demo.example").await?).await?;
    recruiting::seed_applications(state, now, &offers).await?;
    programs::seed_goals(state, now).await?;
    calendar::seed_calendar(state, now, &programs, &published).await?;
    enps::seed_surveys(state, now).await?;
    let courses = courses::seed_demo_courses(state).await?;
    courses::attach_to_programs(state, &courses, &programs, now).await?;
    integrations::seed_webhooks(state, now, programs.employer_branding).await?;
    rewards::seed_rewards(state, now, &programs).await?;
    notifications::seed_notifications(state, now, &programs).await?;
    reviews::seed_reviews(state, now, &programs).await?;
    store.audit(Some(admin.id), "demo.seed", "demo data", now).await?;
    Ok(true)
}

/// The id of a demo account, by its email.
async fn id_of(state: &AppState, email: &str) -> anyhow::Result<i64> {
    state
        .store
        .user_by_email(&Email::parse(email)?)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| anyhow::anyhow!("{email} missing"))
}
