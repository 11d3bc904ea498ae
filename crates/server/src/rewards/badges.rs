//! Badges (C10): evaluating the catalog's rules for people with new activity (a job
//! every few minutes, and whenever someone looks at their badges), the notification
//! when one is earned, the badges page, the profile's section with the leaderboard
//! privacy setting, and what the API lists.
//!
//! Evaluation is cheap: only people with a share, a referral, a lesson read or a quiz
//! attempt since the last run (with an overlap, for rows committed late) are looked at,
//! and a badge is recorded once (`badges_earned`'s primary key), so two runs at once, or
//! one run twice, notify once.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::calendar::service::zone;
use crate::error::Result;
use crate::i18n::Tr;
use crate::notifications::{kind, notify};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::rewards::badges::{self, Badge};
use ambasada_core::{MINUTE, Millis};
use ambasada_store::people::User;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

/// The setting that remembers when badges were last evaluated.
const CHECKED_SETTING: &str = "badges_checked_at";
/// How far back each run looks before the previous one: rows written by a request that
/// was still running when that run read, and clocks of several servers a little apart.
const OVERLAP: Millis = 10 * MINUTE;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/badges", get(page))
        .route("/app/profile/boards", post(save_privacy))
}

/// A badge of the catalog as a person sees it.
#[derive(Debug, Clone)]
pub struct BadgeView {
    /// The catalog name (`first_share`).
    pub badge: &'static str,
    pub name: String,
    /// How it is earned.
    pub about: String,
    pub earned_at: Option<Millis>,
    /// "earned 04.05.2026 10:00" in the person's language and time zone; empty if not.
    pub earned_on: String,
}

/// Evaluates one person's badges and records the new ones, each with the moment it was
/// earned; notifies them of each badge recorded now. Returns the badges recorded.
pub async fn evaluate_person(state: &AppState, user_id: i64, time_zone: &str) -> anyhow::Result<Vec<Badge>> {
    let facts = state.store.badge_facts(user_id).await?;
    let have: Vec<String> = state
        .store
        .badges_of(user_id)
        .await?
        .into_iter()
        .map(|b| b.badge)
        .collect();
    let mut new = Vec::new();
    for (badge, at) in badges::earned(&facts, &zone(time_zone)) {
        if have.iter().any(|h| h == badge.as_str()) {
            continue;
        }
        // Another run may record it first: only the one that inserts notifies.
        if state.store.earn_badge(user_id, badge.as_str(), at).await? {
            new.push(badge);
            let told = notify(
                state,
                &[user_id],
                kind::BADGE_EARNED,
                serde_json::json!({ "badge": badge.as_str() }),
                "/app/badges",
                Some(&format!("badge:{}", badge.as_str())),
            )
            .await;
            // The badge is earned either way; a lost notification is only logged.
            if let Err(e) = told {
                tracing::warn!(error = ?e, user_id, badge = badge.as_str(), "badge notification not stored");
            }
        }
    }
    Ok(new)
}

/// Evaluates the badges of everyone with new activity since the last run; returns how
/// many badges were recorded.
pub async fn evaluate(state: &AppState, now: Millis) -> anyhow::Result<usize> {
    let last: Millis = state
        .store
        .setting(CHECKED_SETTING)
        .await?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut recorded = 0;
    for user_id in state.store.people_active_since((last - OVERLAP).max(0)).await? {
        let Some(user) = state.store.user(user_id).await? else {
            continue;
        };
        if !user.is_active() {
            continue;
        }
        recorded += evaluate_person(state, user.id, &user.time_zone).await?.len();
    }
    state.store.set_setting(CHECKED_SETTING, &now.to_string()).await?;
    Ok(recorded)
}

/// The whole catalog for a person, earned badges with their dates (evaluated first, so a
/// badge just earned shows at once).
pub async fn views(state: &AppState, user: &User, tr: &Tr) -> anyhow::Result<Vec<BadgeView>> {
    evaluate_person(state, user.id, &user.time_zone).await?;
    let earned = state.store.badges_of(user.id).await?;
    Ok(Badge::ALL
        .into_iter()
        .map(|b| {
            let earned_at = earned.iter().find(|e| e.badge == b.as_str()).map(|e| e.earned_at);
            BadgeView {
                badge: b.as_str(),
                name: tr.t(&b.key()),
                about: tr.t(&format!("{}-about", b.key())),
                earned_at,
                earned_on: earned_at
                    .map(|at| tr.a1("badges-earned-on", "when", &tr.datetime(at, &user.time_zone)))
                    .unwrap_or_default(),
            }
        })
        .collect())
}

/// The profile's section: the person's badges and whether their name is hidden on boards.
#[derive(Debug, Clone, Default)]
pub struct ProfileSection {
    pub hidden: bool,
    pub badges: Vec<BadgeView>,
}

impl ProfileSection {
    /// The badges earned, in catalog order.
    pub fn earned(&self) -> Vec<&BadgeView> {
        self.badges.iter().filter(|b| b.earned_at.is_some()).collect()
    }
}

/// What the profile shows of badges and the leaderboard privacy setting.
pub async fn profile_section(state: &AppState, user: &User, tr: &Tr) -> anyhow::Result<ProfileSection> {
    Ok(ProfileSection {
        hidden: state.store.hides_on_boards(user.id).await?,
        badges: views(state, user, tr).await?,
    })
}

#[derive(Template)]
#[template(path = "rewards/badges.html")]
struct BadgesTemplate<'a> {
    p: &'a Ctx,
    badges: Vec<BadgeView>,
}

impl BadgesTemplate<'_> {
    fn earned(&self) -> Vec<&BadgeView> {
        self.badges.iter().filter(|b| b.earned_at.is_some()).collect()
    }
    fn to_earn(&self) -> Vec<&BadgeView> {
        self.badges.iter().filter(|b| b.earned_at.is_none()).collect()
    }
}

/// `GET /app/badges`: the person's badges and how to earn the others.
async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let badges = views(&state, &user, &ctx.tr).await?;
    render(&BadgesTemplate { p: &ctx, badges })
}

#[derive(Deserialize)]
struct PrivacyForm {
    /// Present (`1`) when the box is ticked.
    #[serde(default)]
    hide: Option<String>,
}

/// `POST /app/profile/boards`: hides or shows the person's name on leaderboards.
async fn save_privacy(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<PrivacyForm>,
) -> Result<Response> {
    let hide = f.hide.is_some_and(|v| !v.is_empty());
    state.store.set_hide_on_boards(user.id, hide, crate::now()).await?;
    let key = if hide {
        "flash-boards-hidden"
    } else {
        "flash-boards-shown"
    };
    Ok(redirect_flash("/app/profile#boards", true, key, None))
}
