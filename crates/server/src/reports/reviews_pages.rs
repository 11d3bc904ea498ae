//! The review pages: a program's archive of reviews (`/app/programs/{id}/reviews`, newest
//! first, with "make this period's review" for its coordinator) and the document
//! (`/app/reviews/{id}`), printable. The coordinator's forms on a draft are in
//! `reviews_forms`; a form that fails renders the document again through [`document`].

use super::reviews::{self as service, Access, may_read, period_label, period_of, snapshot_of};
use super::reviews_view::{
    DecisionRow, GoalRow, HealthRow, NumberRow, TopRow, decision_rows, goal_rows, health_rows, number_rows,
    slipped_lines, top_rows,
};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, render, render_status};
use ambasada_core::reports::review::{self, Cadence, ReviewPeriod};
use ambasada_core::tracking::day_number;
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::Review;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// The program and how the person may see its reviews; 404 without the program, 403
/// without any access.
pub async fn program_for(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Program, Access)> {
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    let access = service::access(state, user, &program).await?;
    if !access.any() {
        return Err(AppError::Forbidden);
    }
    Ok((program, access))
}

/// The review with its program, when the person may read it (403 otherwise).
pub async fn review_for(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Review, Program, Access)> {
    let r = state.store.review(id).await?.ok_or(AppError::NotFound)?;
    let program = state.store.program(r.program_id).await?.ok_or(AppError::NotFound)?;
    let access = service::access(state, user, &program).await?;
    if !may_read(&access, &r) {
        return Err(AppError::Forbidden);
    }
    Ok((r, program, access))
}

/// A review in the archive.
pub struct ArchiveRow {
    pub id: i64,
    pub period: String,
    pub key: String,
    pub draft: bool,
    pub published: String,
}

#[derive(Template)]
#[template(path = "reports/reviews.html")]
struct ArchiveTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    manager: bool,
    rows: Vec<ArchiveRow>,
    /// The current period's name, when it has no review yet (for the coordinator).
    current_missing: Option<String>,
}

/// `GET /app/programs/{id}/reviews`: the archive; members see published reviews only.
pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let (program, access) = program_for(&state, &user, id).await?;
    let reviews = state.store.program_reviews(program.id, access.manager).await?;
    let current = ReviewPeriod::containing(Cadence::from_stored(&program.review_cadence), day_number(crate::now()));
    let current_missing = (access.manager && !reviews.iter().any(|r| r.period_key == current.key()))
        .then(|| period_label(&ctx.tr, &current));
    let rows = reviews
        .iter()
        .map(|r| ArchiveRow {
            id: r.id,
            period: period_label(&ctx.tr, &period_of(r)),
            key: r.period_key.clone(),
            draft: r.is_draft(),
            published: r.published_at.map(|at| ctx.when(&at)).unwrap_or_default(),
        })
        .collect();
    render(&ArchiveTemplate {
        p: &ctx,
        program,
        manager: access.manager,
        rows,
        current_missing,
    })
}

/// The decision form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct DecisionForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: String,
}

/// What the coordinator typed, for a form shown again with its errors.
#[derive(Default)]
pub struct Typed {
    pub decision: DecisionForm,
    pub notes: Option<String>,
    pub attended: Option<Vec<i64>>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "reports/review.html")]
pub struct DocumentTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    review: Review,
    period: String,
    manager: bool,
    draft: bool,
    has_numbers: bool,
    /// "Days measured, compared with, taken at" in a sentence.
    numbers_when: String,
    numbers: Vec<NumberRow>,
    goals: Vec<GoalRow>,
    top_content: Vec<TopRow>,
    top_people: Vec<TopRow>,
    health: Vec<HealthRow>,
    slipped: Vec<String>,
    carried: Vec<DecisionRow>,
    decisions: Vec<DecisionRow>,
    /// Members and the coordinator: decision owners and possible attendees.
    people: Vec<(i64, String)>,
    attended: Vec<i64>,
    attendees: Vec<String>,
    notes: String,
    notes_html: String,
    published: String,
    form: DecisionForm,
    errors: FieldErrors,
}

impl DocumentTemplate<'_> {
    fn came(&self, id: &i64) -> bool {
        self.attended.contains(id)
    }
    fn attendance_count(&self) -> String {
        self.p
            .n("reports-review-attendance-count", &(self.attendees.len() as i64))
    }
}

/// The document of a review as `user` reads it, with `typed` filled in (what a failed
/// form sent, and its errors).
pub async fn document<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    (r, program, access): (Review, Program, Access),
    typed: Typed,
) -> Result<DocumentTemplate<'a>> {
    let tr = &ctx.tr;
    let today = day_number(crate::now());
    let snapshot = snapshot_of(&r);
    let before = state
        .store
        .published_review_before(r.program_id, r.first_day)
        .await?
        .and_then(|b| snapshot_of(&b));
    let changes = snapshot
        .as_ref()
        .map(|s| review::snapshot::health_changes(&s.health, before.as_ref().map(|b| b.health.as_slice())))
        .unwrap_or_default();
    let carried = service::carried(state, &r).await?;
    let decisions = state.store.review_decisions(r.id).await?;
    let overdue = carried
        .iter()
        .chain(&decisions)
        .filter(|d| review::decision_state(d.done_at.is_some(), d.due_day, today) == "overdue")
        .count() as i64;
    let attendance = state.store.attendance(r.id).await?;
    let draft = r.is_draft();
    let people = if access.manager && draft {
        service::people(state, &program).await?
    } else {
        Vec::new()
    };
    let notes = typed.notes.unwrap_or_else(|| r.notes.clone());
    Ok(DocumentTemplate {
        p: ctx,
        period: period_label(tr, &period_of(&r)),
        manager: access.manager,
        draft,
        has_numbers: snapshot.is_some(),
        numbers_when: snapshot
            .as_ref()
            .map(|s| {
                let taken = ctx.when(&s.taken_at);
                let args = [("measured", s.measured()), ("compared", s.compared()), ("taken", taken)];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                tr.a("reports-review-numbers-when", &args)
            })
            .unwrap_or_default(),
        numbers: snapshot.as_ref().map(|s| number_rows(tr, s)).unwrap_or_default(),
        goals: snapshot.as_ref().map(|s| goal_rows(tr, &s.goals)).unwrap_or_default(),
        top_content: snapshot
            .as_ref()
            .map(|s| top_rows(tr, &s.top_content, user.id, access.manager))
            .unwrap_or_default(),
        top_people: snapshot
            .as_ref()
            .map(|s| top_rows(tr, &s.top_ambassadors, user.id, false))
            .unwrap_or_default(),
        health: health_rows(tr, &changes),
        slipped: snapshot
            .as_ref()
            .map(|s| slipped_lines(tr, &review::snapshot::slipped(s, &changes), overdue))
            .unwrap_or_default(),
        carried: decision_rows(tr, &carried, today),
        decisions: decision_rows(tr, &decisions, today),
        attended: typed
            .attended
            .unwrap_or_else(|| attendance.iter().map(|a| a.user_id).collect()),
        attendees: attendance.into_iter().map(|a| a.name).collect(),
        people,
        notes_html: crate::markdown::render(&r.notes),
        notes,
        published: r.published_at.map(|at| ctx.when(&at)).unwrap_or_default(),
        form: typed.decision,
        errors: typed.errors,
        program,
        review: r,
    })
}

/// `GET /app/reviews/{id}`: the document (drafts for the coordinator and admins only).
pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let found = review_for(&state, &user, id).await?;
    let t = document(&state, &ctx, &user, found, Typed::default()).await?;
    render(&t)
}

/// Renders the document again with a failed form's input and errors (422).
pub async fn again(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    found: (Review, Program, Access),
    typed: Typed,
) -> Result<Response> {
    let t = document(state, ctx, user, found, typed).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}
