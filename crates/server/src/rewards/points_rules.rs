//! A program's points rules (C10), at `/app/programs/{id}/points`: each configurable rule
//! with its value (0 to 10 000) and its default, editable by the program's coordinator
//! and by admins. Only changed values are stored, and each change is audited.

use super::awarding::values;
use super::points::rule_label;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::rewards::awarding::parse_rule_points;
use ambasada_core::rewards::points::{CLICKS_DAILY_CAP, MAX_RULE_POINTS, Rule, Values};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/app/programs/{id}/points", get(page).post(save))
}

/// Admins manage every program's points; a coordinator those they coordinate, as on the
/// program page.
pub fn may_manage(u: &User, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&u.roles, u.id, p.coordinator_id)
}

/// The program, when the person may manage its points.
pub async fn managed(state: &AppState, u: &User, id: i64) -> Result<Program> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if may_manage(u, &program) {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

/// One rule's field.
struct Field {
    rule: &'static str,
    label: String,
    hint: String,
    /// The default, written out ("10 points").
    default: String,
    value: String,
}

#[derive(Template)]
#[template(path = "rewards/points_rules.html")]
struct RulesTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    fields: Vec<Field>,
    errors: FieldErrors,
}

/// The fields, with `value` giving each rule's shown value.
fn fields(ctx: &Ctx, value: impl Fn(Rule) -> String) -> Vec<Field> {
    Rule::CONFIGURABLE
        .into_iter()
        .map(|r| Field {
            rule: r.as_str(),
            label: rule_label(&ctx.tr, r.as_str()),
            hint: ctx.a1(
                &format!("points-rules-hint-{}", r.as_str().replace('_', "-")),
                "cap",
                &CLICKS_DAILY_CAP.to_string(),
            ),
            default: ctx.n("points-count", &r.default_points()),
            value: value(r),
        })
        .collect()
}

/// `GET /app/programs/{id}/points`.
async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let v = values(&state, Some(id)).await?;
    render(&RulesTemplate {
        p: &ctx,
        program,
        fields: fields(&ctx, |r| v.of(r).to_string()),
        errors: FieldErrors::default(),
    })
}

/// The values typed, each checked; problems by field.
fn parse(ctx: &Ctx, form: &[(String, String)]) -> (Vec<(Rule, i64)>, FieldErrors) {
    let mut parsed = Vec::new();
    let mut errors = FieldErrors::default();
    for r in Rule::CONFIGURABLE {
        let raw = form
            .iter()
            .find(|(k, _)| k == r.as_str())
            .map_or("", |(_, v)| v.as_str());
        match parse_rule_points(raw) {
            Some(n) => parsed.push((r, n)),
            None => errors.add(
                r.as_str(),
                ctx.a1("points-rules-error", "max", &MAX_RULE_POINTS.to_string()),
            ),
        }
    }
    (parsed, errors)
}

/// `POST /app/programs/{id}/points`: stores the changed values; a bad value answers 422
/// with what was typed and a message on its field.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let (parsed, errors) = parse(&ctx, &form);
    if !errors.is_empty() {
        let typed = |r: Rule| {
            form.iter()
                .find(|(k, _)| k == r.as_str())
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RulesTemplate {
                p: &ctx,
                program,
                fields: fields(&ctx, typed),
                errors,
            },
        );
    }
    let current: Values = values(&state, Some(id)).await?;
    let now = crate::now();
    let mut changed = Vec::new();
    for (rule, n) in parsed {
        if current.of(rule) != n {
            state.store.set_points_rule(id, rule, n, now).await?;
            changed.push(format!("{}={n}", rule.as_str()));
        }
    }
    if !changed.is_empty() {
        let subject = format!("{}: {}", program.name, changed.join(", "));
        state.store.audit(Some(user.id), "points.rules", &subject, now).await?;
    }
    Ok(redirect_flash(
        &format!("/app/programs/{id}/points"),
        true,
        "flash-points-rules-saved",
        None,
    ))
}
