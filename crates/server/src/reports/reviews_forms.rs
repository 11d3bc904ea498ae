//! The coordinator's forms on a review (its program's coordinator and admins): make the
//! current period's review, and on a draft take the numbers again, write notes, add or
//! remove decisions, tick attendance and publish; on any review, mark a decision done or
//! open again. A wrong field renders the document again with what was typed (422).

use super::reviews::{self as service, period_of};
use super::reviews_pages::{DecisionForm, Typed, again, program_for, review_for};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash};
use ambasada_core::reports::review::{self, InputError};
use ambasada_core::tracking::day_number;
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::Review;
use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// The review, when the person manages its program (403 otherwise).
async fn managed(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Review, Program, service::Access)> {
    let found = review_for(state, user, id).await?;
    if !found.2.manager {
        return Err(AppError::Forbidden);
    }
    Ok(found)
}

/// A managed draft; a published review answers with the "read-only" message.
async fn managed_draft(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<std::result::Result<(Review, Program, service::Access), Response>> {
    let found = managed(state, user, id).await?;
    if found.0.is_draft() {
        Ok(Ok(found))
    } else {
        Ok(Err(read_only(id)))
    }
}

fn read_only(id: i64) -> Response {
    redirect_flash(
        &format!("/app/reviews/{id}"),
        false,
        "reports-review-flash-read-only",
        None,
    )
}

fn back(id: i64, anchor: &str, key: &str) -> Response {
    redirect_flash(&format!("/app/reviews/{id}#{anchor}"), true, key, None)
}

fn errors_of(ctx: &Ctx, list: &[InputError]) -> FieldErrors {
    let mut e = FieldErrors::default();
    for err in list {
        e.add(err.field(), ctx.t(err.key()));
    }
    e
}

/// `POST /app/programs/{id}/reviews`: makes the current period's review (if none) and
/// opens it.
pub async fn create(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (program, access) = program_for(&state, &user, id).await?;
    if !access.manager {
        return Err(AppError::Forbidden);
    }
    let now = crate::now();
    let (rid, made) = service::ensure_review(&state, &program, day_number(now), now).await?;
    let key = if made {
        "reports-review-flash-created"
    } else {
        "reports-review-flash-exists"
    };
    Ok(redirect_flash(&format!("/app/reviews/{rid}"), made, key, None))
}

/// `POST /app/reviews/{id}/refresh`: takes a draft's numbers again.
pub async fn refresh(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (r, program, _) = match managed_draft(&state, &user, id).await? {
        Ok(found) => found,
        Err(res) => return Ok(res),
    };
    service::refresh(&state, &r, &program, crate::now()).await?;
    Ok(back(id, "numbers", "reports-review-flash-refreshed"))
}

#[derive(Deserialize, Default)]
pub struct NotesForm {
    #[serde(default)]
    notes: String,
}

/// `POST /app/reviews/{id}/notes`.
pub async fn notes(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<NotesForm>,
) -> Result<Response> {
    let found = match managed_draft(&state, &user, id).await? {
        Ok(found) => found,
        Err(res) => return Ok(res),
    };
    match review::decisions::parse_notes(&f.notes) {
        Ok(notes) => {
            if !state.store.set_review_notes(id, &notes, crate::now()).await? {
                return Ok(read_only(id));
            }
            Ok(back(id, "notes", "reports-review-flash-notes"))
        }
        Err(e) => {
            let typed = Typed {
                notes: Some(f.notes),
                errors: errors_of(&ctx, &[e]),
                ..Typed::default()
            };
            again(&state, &ctx, &user, found, typed).await
        }
    }
}

/// `POST /app/reviews/{id}/decisions`: adds a decision (text, owner, due date).
pub async fn add_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<DecisionForm>,
) -> Result<Response> {
    let found = match managed_draft(&state, &user, id).await? {
        Ok(found) => found,
        Err(res) => return Ok(res),
    };
    let owners: Vec<i64> = service::people(&state, &found.1)
        .await?
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let range = period_of(&found.0).range;
    match review::decisions::parse_decision(&f.text, &f.owner, &f.due, &owners, &range) {
        Ok(d) => {
            let added = state
                .store
                .add_decision(id, &d.text, d.owner_id, d.due_day, user.id, crate::now())
                .await?;
            if added.is_none() {
                return Ok(read_only(id));
            }
            Ok(back(id, "decisions", "reports-review-flash-decision"))
        }
        Err(list) => {
            let typed = Typed {
                decision: f,
                errors: errors_of(&ctx, &list),
                ..Typed::default()
            };
            again(&state, &ctx, &user, found, typed).await
        }
    }
}

/// `POST /app/reviews/{id}/decisions/{decision}/delete`: removes a decision taken in this
/// draft.
pub async fn delete_decision(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, decision)): Path<(i64, i64)>,
) -> Result<Response> {
    if let Err(res) = managed_draft(&state, &user, id).await? {
        return Ok(res);
    }
    if !state.store.delete_decision(id, decision).await? {
        return Err(AppError::NotFound);
    }
    Ok(back(id, "decisions", "reports-review-flash-decision-deleted"))
}

#[derive(Deserialize, Default)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
}

/// `POST /app/reviews/{id}/decisions/{decision}/done`: marks a decision this review shows
/// done (`done=1`) or open again (`done=0`); published reviews too.
pub async fn mark_done(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, decision)): Path<(i64, i64)>,
    Form(f): Form<DoneForm>,
) -> Result<Response> {
    let (r, _, _) = managed(&state, &user, id).await?;
    let shown = state
        .store
        .review_decisions(r.id)
        .await?
        .iter()
        .any(|d| d.id == decision)
        || service::carried(&state, &r).await?.iter().any(|d| d.id == decision);
    if !shown {
        return Err(AppError::NotFound);
    }
    let done = match f.done.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("error-bad-request")),
    };
    state
        .store
        .set_decision_done(r.program_id, decision, done, user.id, crate::now())
        .await?;
    let key = if done {
        "reports-review-flash-done"
    } else {
        "reports-review-flash-reopened"
    };
    Ok(back(id, "decisions", key))
}

#[derive(Deserialize, Default)]
pub struct AttendanceForm {
    #[serde(default)]
    attended: Vec<String>,
}

/// `POST /app/reviews/{id}/attendance`: who came to the meeting.
pub async fn attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<AttendanceForm>,
) -> Result<Response> {
    let found = match managed_draft(&state, &user, id).await? {
        Ok(found) => found,
        Err(res) => return Ok(res),
    };
    let eligible: Vec<i64> = service::people(&state, &found.1)
        .await?
        .iter()
        .map(|(id, _)| *id)
        .collect();
    match review::decisions::parse_attendance(&f.attended, &eligible) {
        Ok(ids) => {
            if !state.store.set_attendance(id, &ids, crate::now()).await? {
                return Ok(read_only(id));
            }
            Ok(back(id, "attendance", "reports-review-flash-attendance"))
        }
        Err(e) => {
            let typed = Typed {
                attended: Some(f.attended.iter().filter_map(|s| s.trim().parse().ok()).collect()),
                errors: errors_of(&ctx, &[e]),
                ..Typed::default()
            };
            again(&state, &ctx, &user, found, typed).await
        }
    }
}

/// `POST /app/reviews/{id}/publish`: publishes the draft and emails the members.
pub async fn publish(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let (r, program, _) = match managed_draft(&state, &user, id).await? {
        Ok(found) => found,
        Err(res) => return Ok(res),
    };
    if !service::publish(&state, &r, &program, &user, crate::now()).await? {
        return Ok(read_only(id));
    }
    Ok(redirect_flash(
        &format!("/app/reviews/{id}"),
        true,
        "reports-review-flash-published",
        None,
    ))
}
