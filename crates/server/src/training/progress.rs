//! Who completed a course, and the course a program requires before the first share.

use super::manage::managed_course;
use super::{back_to, learner_progress, may_manage_program, standing_class, standing_key, tally};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_core::training::Standing;
use ambasada_store::training::Course;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct RequiredForm {
    #[serde(default)]
    program_id: String,
    /// "1" to require this course, anything else to stop requiring it.
    #[serde(default)]
    required: String,
}

/// Makes this course the one a program requires before the first share, or stops it.
pub async fn set_required(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<RequiredForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    let program_id = f
        .program_id
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let program = state.store.program(program_id).await?.ok_or(AppError::NotFound)?;
    if !may_manage_program(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let now = crate::now();
    let subject = format!("{}: {}", program.name, course.title);
    if f.required == "1" {
        // A requirement nobody can meet would silently block every share in the program.
        if !course.is_published() || (course.lessons == 0 && course.questions == 0) {
            return Ok(redirect_flash(
                &back_to(id, "required"),
                false,
                "flash-course-not-ready",
                None,
            ));
        }
        state.store.set_required_course(program_id, Some(id)).await?;
        state
            .store
            .audit(Some(user.id), "program.course.require", &subject, now)
            .await?;
        Ok(redirect_flash(
            &back_to(id, "required"),
            true,
            "flash-course-required",
            Some(&program.name),
        ))
    } else {
        if state.store.required_course_of(program_id).await? == Some(id) {
            state.store.set_required_course(program_id, None).await?;
            state
                .store
                .audit(Some(user.id), "program.course.unrequire", &subject, now)
                .await?;
        }
        Ok(redirect_flash(
            &back_to(id, "required"),
            true,
            "flash-course-not-required",
            Some(&program.name),
        ))
    }
}

struct LearnerRow {
    name: String,
    email: String,
    lessons_read: i64,
    attempts: i64,
    best_percent: Option<i64>,
    standing_key: &'static str,
    standing_class: &'static str,
}

#[derive(Template)]
#[template(path = "training/progress.html")]
struct ProgressTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    rows: Vec<LearnerRow>,
    completed: usize,
    in_progress: usize,
    not_started: usize,
}

/// Who completed the course, who is under way, who has not started.
pub async fn progress_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    let learners = state.store.learners(id).await?;
    let (completed, in_progress, not_started) = tally(&course, &learners);
    let mut rows: Vec<(Standing, LearnerRow)> = learners
        .into_iter()
        .map(|l| {
            let s = learner_progress(&course, &l).standing();
            (
                s,
                LearnerRow {
                    standing_key: standing_key(s),
                    standing_class: standing_class(s),
                    lessons_read: l.lessons_read.min(course.lessons),
                    attempts: l.attempts,
                    best_percent: l.best_percent,
                    name: l.name,
                    email: l.email,
                },
            )
        })
        .collect();
    // Those who still have something to do first.
    rows.sort_by_key(|(s, _)| match s {
        Standing::InProgress => 0,
        Standing::NotStarted => 1,
        Standing::Completed => 2,
    });
    render(&ProgressTemplate {
        p: &ctx,
        course,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        completed,
        in_progress,
        not_started,
    })
}
