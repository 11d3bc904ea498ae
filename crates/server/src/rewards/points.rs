//! An ambassador's points (C10): "my points" (lifetime, spendable and held points, and
//! the latest ledger rows with what each was for), "how points work" in plain words with
//! the values of each of the person's programs, and `GET /api/v1/me/points`. The rules
//! page and the anti-gaming review are in `points_rules` and `points_review`; awarding is
//! in `awarding`.

use super::awarding::values;
use crate::AppState;
use crate::auth::{ApiUser, CurrentUser};
use crate::error::{ApiError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, render};
use ambasada_core::rewards::awarding::Subject;
use ambasada_core::rewards::points::{Balance, CLICKS_DAILY_CAP, Rule};
use ambasada_core::{DAY, Locale, Millis, Role, Scope};
use ambasada_store::rewards::points::LedgerRow;
use ambasada_store::rewards::subjects::Subjects;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use std::collections::HashMap;

/// How many ledger rows "my points" and the API show.
const RECENT: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/points", get(mine))
        .route("/app/points/how", get(how))
}

/// The `/api/v1` routes of points.
pub fn api_routes() -> crate::api::ApiRoutes {
    crate::api::ApiRoutes::new().routes(utoipa_axum::routes!(api_me))
}

/// A rule's name in the reader's language (`planned_on_time` -> "A planned post on time").
pub fn rule_label(tr: &Tr, rule: &str) -> String {
    let key = format!("points-rule-{}", rule.replace('_', "-"));
    if tr.has(&key) { tr.t(&key) } else { rule.to_string() }
}

/// A UTC day number as the language writes a date.
fn day_label(day: i64, locale: Locale) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(day * DAY) else {
        return String::new();
    };
    let date = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
    match locale {
        Locale::Pl => date.strftime("%d.%m.%Y").to_string(),
        Locale::En => date.strftime("%Y-%m-%d").to_string(),
    }
}

/// A ledger row as "my points" shows it.
pub struct RowView {
    pub when: Millis,
    /// The rule, in words.
    pub what: String,
    /// What it was about: the item shared, the offer, the course, the day of clicks.
    pub detail: String,
    pub program: String,
    /// Why a correction was made, in words.
    pub reason: Option<String>,
    pub amount: i64,
}

impl RowView {
    /// The amount with its sign: `+10`, `-4`.
    pub fn signed(&self) -> String {
        format!("{:+}", self.amount)
    }
}

/// What a row was about, in words.
fn detail(tr: &Tr, row: &LedgerRow, subjects: &Subjects) -> String {
    let subject = Subject::parse(&row.source);
    let title = subjects.title(&subject).unwrap_or_default().to_string();
    match subject.corrected() {
        Subject::Clicks { day, .. } => {
            let on = tr.a1("points-on-day", "date", &day_label(*day, tr.locale));
            if title.is_empty() {
                on
            } else {
                format!("{title} · {on}")
            }
        }
        Subject::Correction(_) | Subject::Other => title,
        Subject::ItemShare { network, .. } => match ambasada_core::Network::parse(network) {
            Some(n) if !title.is_empty() => format!("{title} · {}", n.label()),
            _ => title,
        },
        s if title.is_empty() && matches!(s, Subject::Share(_)) => tr.t("points-own-post"),
        _ => title,
    }
}

/// Why a correction was made: the reason's catalog text, else as stored.
fn reason(tr: &Tr, code: Option<&str>) -> Option<String> {
    let code = code?.trim();
    let key = format!("points-reason-{}", code.replace('_', "-"));
    Some(if tr.has(&key) { tr.t(&key) } else { code.to_string() }).filter(|s| !s.is_empty())
}

/// The person's latest ledger rows in words.
async fn row_views(state: &AppState, tr: &Tr, user_id: i64) -> Result<Vec<RowView>> {
    let rows = state.store.ledger_of(user_id, RECENT).await?;
    let subjects = state.store.ledger_subjects(&rows).await?;
    let programs: HashMap<i64, String> = state
        .store
        .programs()
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(rows
        .iter()
        .map(|r| RowView {
            when: r.created_at,
            what: rule_label(tr, &r.rule),
            detail: detail(tr, r, &subjects),
            program: r
                .program_id
                .and_then(|id| programs.get(&id).cloned())
                .unwrap_or_default(),
            reason: reason(tr, r.reason.as_deref()),
            amount: r.amount,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "rewards/points.html")]
struct MineTemplate<'a> {
    p: &'a Ctx,
    balance: Balance,
    rows: Vec<RowView>,
    /// One's place this month and badges (helper L's rewards/points_extras.html).
    extras: super::leaderboards::PointsExtras,
}

/// `GET /app/points`: the person's points and what they were for.
async fn mine(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Ambassador)?;
    render(&MineTemplate {
        p: &ctx,
        balance: state.store.balance(user.id).await?,
        rows: row_views(&state, &ctx.tr, user.id).await?,
        extras: super::leaderboards::points_extras(&state, &user, &ctx).await?,
    })
}

/// One rule in plain words with its value.
pub struct RuleLine {
    pub rule: &'static str,
    pub label: String,
    pub text: String,
    /// "10 points", or that the program does not award it.
    pub points: String,
}

/// A rule's explanation with its value (`points` written out, e.g. "10 points").
pub fn rule_text(tr: &Tr, rule: Rule) -> String {
    let key = format!("points-how-{}", rule.as_str().replace('_', "-"));
    tr.a(&key, &[("cap", &CLICKS_DAILY_CAP.to_string())])
}

/// Every configurable rule of a program, in plain words.
pub fn rule_lines(tr: &Tr, values: &ambasada_core::rewards::points::Values) -> Vec<RuleLine> {
    values
        .all()
        .iter()
        .map(|(rule, v)| RuleLine {
            rule: rule.as_str(),
            label: rule_label(tr, rule.as_str()),
            text: rule_text(tr, *rule),
            points: if *v > 0 {
                tr.n("points-count", *v)
            } else {
                tr.t("points-how-off")
            },
        })
        .collect()
}

#[derive(Template)]
#[template(path = "rewards/points_how.html")]
struct HowTemplate<'a> {
    p: &'a Ctx,
    /// (program name, its rules); one unnamed section with the defaults for a person in no
    /// program.
    sections: Vec<(String, Vec<RuleLine>)>,
    cap: i64,
}

/// `GET /app/points/how`: how points work, with each of the person's programs' values.
async fn how(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Ambassador)?;
    let mut sections = Vec::new();
    for p in state.store.programs_of(user.id).await? {
        let v = values(&state, Some(p.id)).await?;
        sections.push((p.name, rule_lines(&ctx.tr, &v)));
    }
    if sections.is_empty() {
        sections.push((String::new(), rule_lines(&ctx.tr, &values(&state, None).await?)));
    }
    render(&HowTemplate {
        p: &ctx,
        sections,
        cap: CLICKS_DAILY_CAP,
    })
}

/// A ledger row as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
struct LedgerRowView {
    /// The rule that awarded it: `share`, `personalised`, `click`, `application`, `hire`,
    /// `course`, `suggestion`, `planned_on_time`, `challenge` or `correction`.
    #[schema(
        pattern = "^(share|personalised|click|application|hire|course|suggestion|planned_on_time|challenge|correction)$"
    )]
    rule: String,
    /// Points: positive for an award, negative for a correction.
    amount: i64,
    /// What it was for (`share:12`, `clicks:12:20512`, `correction:share:12`, ...).
    source: String,
    /// Why a correction was made (a code such as `clicks_reclassified`); `null` for an
    /// award.
    reason: Option<String>,
    /// RFC 3339, UTC.
    created_at: String,
    /// The program it was awarded in; `null` for none.
    program_id: Option<i64>,
}

/// The caller's points as the API shows them.
#[derive(Serialize, utoipa::ToSchema)]
struct PointsView {
    /// Spendable now: lifetime minus held and spent, never below 0.
    balance: i64,
    /// Every award net of corrections; redemptions never lower it.
    lifetime: i64,
    /// Held by reward requests not yet delivered or rejected.
    held: i64,
    /// The latest ledger rows, newest first (at most 50).
    recent: Vec<LedgerRowView>,
}

/// The caller's points.
///
/// The spendable balance, lifetime and held points, and the latest ledger rows. Anyone
/// with a token that may read content.
#[utoipa::path(
    get,
    path = "/me/points",
    tag = "rewards",
    operation_id = "my_points",
    security(("token" = ["content:read"])),
    responses((status = 200, description = "The caller's points.", body = PointsView)),
)]
async fn api_me(State(state): State<AppState>, api: ApiUser) -> std::result::Result<Json<PointsView>, ApiError> {
    api.require_scope(Scope::ContentRead)?;
    let b = state.store.balance(api.user.id).await?;
    let rows = state.store.ledger_of(api.user.id, RECENT).await?;
    Ok(Json(PointsView {
        balance: b.spendable(),
        lifetime: b.lifetime,
        held: b.held,
        recent: rows
            .into_iter()
            .map(|r| LedgerRowView {
                rule: r.rule,
                amount: r.amount,
                source: r.source,
                reason: r.reason,
                created_at: jiff::Timestamp::from_millisecond(r.created_at)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
                program_id: r.program_id,
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use ambasada_core::rewards::awarding::REASON_CLICKS_RECLASSIFIED;
    use std::sync::Arc;

    #[test]
    fn every_rule_and_reason_has_its_words_in_both_languages() {
        let i18n = Arc::new(I18n::new());
        for locale in [Locale::Pl, Locale::En] {
            let tr = Tr::new(i18n.clone(), locale);
            for rule in Rule::CONFIGURABLE
                .into_iter()
                .chain([Rule::Challenge, Rule::Correction])
            {
                let name = rule.as_str().replace('_', "-");
                assert!(tr.has(&format!("points-rule-{name}")), "{locale:?} {name}");
                if Rule::CONFIGURABLE.contains(&rule) {
                    assert!(tr.has(&format!("points-how-{name}")), "{locale:?} {name}");
                    assert!(tr.has(&format!("points-rules-hint-{name}")), "{locale:?} {name}");
                }
            }
            let reason = reason(&tr, Some(REASON_CLICKS_RECLASSIFIED)).unwrap();
            assert!(
                reason != REASON_CLICKS_RECLASSIFIED && reason.ends_with('.'),
                "{locale:?}: a sentence, not the code"
            );
            assert_eq!(reason_or_code(&tr, "manual"), "manual");
        }
    }

    fn reason_or_code(tr: &Tr, code: &str) -> String {
        reason(tr, Some(code)).unwrap()
    }

    #[test]
    fn days_are_written_the_way_each_language_writes_dates() {
        assert_eq!(day_label(20_512, Locale::Pl), "28.02.2026");
        assert_eq!(day_label(20_512, Locale::En), "2026-02-28");
    }
}
