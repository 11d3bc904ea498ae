//! Training (C4): courses of Markdown lessons and a quiz. Ambassadors read lessons, take
//! the quiz (graded by `core::training::grade`) and retry until they pass; editors,
//! coordinators and admins write courses and see who completed them. A program may
//! require a course before an ambassador's first share: [`must_complete_before_sharing`].

//!
//! Files: `learning` (the ambassador's catalog, lessons and quiz), `manage` (writing a
//! course), `parts` (a course's lessons and quiz questions, one set of handlers for both),
//! `progress` (who completed a course; the course a program requires). The demo courses
//! live in `crate::demo::courses`.

mod learning;
mod manage;
mod parts;
mod progress;

use crate::AppState;
use crate::error::{AppError, Result};
use ambasada_core::Role;
use ambasada_core::training::{Progress, Standing};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::training::{Course, Learner};
use axum::Router;
use axum::routing::{get, post};
use learning::{catalog, course_page, lesson_page, mark_read, quiz_page, submit_quiz};
use manage::{create_course, edit_page, manage_list, save_course};
use parts::{add_part, delete_part, save_part};
use progress::{progress_page, set_required};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/training", get(catalog))
        .route("/app/training/{id}", get(course_page))
        .route("/app/training/{id}/lessons/{n}", get(lesson_page))
        .route("/app/training/{id}/lessons/{n}/read", post(mark_read))
        .route("/app/training/{id}/quiz", get(quiz_page).post(submit_quiz))
        .route("/app/courses", get(manage_list).post(create_course))
        .route("/app/courses/{id}", get(edit_page).post(save_course))
        // `{part}` is `lessons` or `questions`: one set of handlers for both.
        .route("/app/courses/{id}/{part}", post(add_part))
        .route("/app/courses/{id}/{part}/{part_id}", post(save_part))
        .route("/app/courses/{id}/{part}/{part_id}/delete", post(delete_part))
        .route("/app/courses/{id}/required", post(set_required))
        .route("/app/courses/{id}/progress", get(progress_page))
}

/// The course a program of the person requires and the person has not completed yet:
/// (course id, title). The share screen and the API refuse sharing while there is one
/// and link to `/app/training/{id}`.
/// A program's required course is required before the *first* share: someone who has
/// shared already is not stopped when a course is required later.
pub async fn must_complete_before_sharing(state: &AppState, user_id: i64) -> anyhow::Result<Option<(i64, String)>> {
    if state.store.shares_since(user_id, 0).await? > 0 {
        return Ok(None);
    }
    Ok(state.store.required_course_for(user_id).await?)
}

/// Editors, coordinators and admins write courses.
fn may_manage_courses(u: &User) -> bool {
    u.has_role(Role::Editor) || u.has_role(Role::Coordinator) || u.has_role(Role::Admin)
}

/// Admins set any program's required course; a coordinator those they coordinate, as on
/// the program page.
fn may_manage_program(u: &User, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&u.roles, u.id, p.coordinator_id)
}

/// The catalog key of a standing.
fn standing_key(s: Standing) -> &'static str {
    match s {
        Standing::NotStarted => "training-standing-not-started",
        Standing::InProgress => "training-standing-in-progress",
        Standing::Completed => "training-standing-completed",
    }
}

/// The badge class of a standing.
fn standing_class(s: Standing) -> &'static str {
    match s {
        Standing::NotStarted => "off",
        Standing::InProgress => "warn",
        Standing::Completed => "status-sent",
    }
}

/// A course the person may open: published ones for everyone, drafts for those who
/// write courses (to preview them).
async fn visible_course(state: &AppState, user: &User, id: i64) -> Result<Course> {
    let c = state.store.course(id).await?.ok_or(AppError::NotFound)?;
    if c.is_published() || may_manage_courses(user) {
        Ok(c)
    } else {
        Err(AppError::NotFound)
    }
}

fn learner_progress(course: &Course, l: &Learner) -> Progress {
    Progress {
        lessons: course.lessons,
        lessons_read: l.lessons_read,
        has_quiz: course.questions > 0,
        quiz_passed: l.passes > 0,
    }
}

/// How many of a course's learners completed it, are under way, have not started.
fn tally(course: &Course, learners: &[Learner]) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for l in learners {
        match learner_progress(course, l).standing() {
            Standing::Completed => counts.0 += 1,
            Standing::InProgress => counts.1 += 1,
            Standing::NotStarted => counts.2 += 1,
        }
    }
    counts
}

/// The edit page of course `id`, at `anchor`.
fn back_to(id: i64, anchor: &str) -> String {
    format!("/app/courses/{id}#{anchor}")
}
