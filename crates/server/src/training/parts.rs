//! A course's parts: its lessons and its quiz questions. Both are added, saved and deleted
//! the same way (check the form, write, go back to the part; or show the edit page again
//! with the input and the errors on it), so one set of handlers serves both, and a
//! [`Part`] says what differs: the fields, their checks and the store calls.

use super::back_to;
use super::manage::{EditTemplate, LessonRow, QuestionRow, edit_template, managed_course};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render_status};
use ambasada_core::training;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// The form of a lesson (`title`, `body`) or of a question (`text`, `choices`); both
/// have an optional `position`.
#[derive(Deserialize, Default, Clone)]
pub struct PartForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub choices: String,
    #[serde(default)]
    pub position: String,
}

/// Which part of a course a request is about, from the path segment.
#[derive(Clone, Copy)]
enum Part {
    Lesson,
    Question,
}

/// A checked part: its position (none: after the last) and its two texts (a lesson's
/// title and body, a question's text and choices).
type Checked = std::result::Result<(Option<i64>, String, String), FieldErrors>;

impl Part {
    fn of(segment: &str) -> Result<Part> {
        match segment {
            "lessons" => Ok(Part::Lesson),
            "questions" => Ok(Part::Question),
            _ => Err(AppError::NotFound),
        }
    }

    /// The section of the edit page a list of these parts is in.
    fn section(self) -> &'static str {
        match self {
            Part::Lesson => "lessons",
            Part::Question => "quiz",
        }
    }

    /// The anchor of one part's form on the edit page.
    fn anchor(self, id: i64) -> String {
        match self {
            Part::Lesson => format!("lesson-{id}"),
            Part::Question => format!("question-{id}"),
        }
    }

    fn added_flash(self) -> &'static str {
        match self {
            Part::Lesson => "flash-lesson-added",
            Part::Question => "flash-question-added",
        }
    }

    fn check(self, ctx: &Ctx, f: &PartForm) -> Checked {
        match self {
            Part::Lesson => check_lesson(ctx, f),
            Part::Question => check_question(ctx, f),
        }
    }

    /// The current position of part `id` of the course; not found when there is none.
    async fn position(self, state: &AppState, course: i64, id: i64) -> Result<i64> {
        let position = match self {
            Part::Lesson => state
                .store
                .lessons(course)
                .await?
                .into_iter()
                .find(|l| l.id == id)
                .map(|l| l.position),
            Part::Question => state
                .store
                .questions(course)
                .await?
                .into_iter()
                .find(|q| q.id == id)
                .map(|q| q.position),
        };
        position.ok_or(AppError::NotFound)
    }

    async fn add(self, state: &AppState, course: i64, position: Option<i64>, a: &str, b: &str) -> Result<()> {
        match self {
            Part::Lesson => state.store.add_lesson(course, position, a, b).await?,
            Part::Question => state.store.add_question(course, position, a, b).await?,
        };
        Ok(())
    }

    async fn update(self, state: &AppState, course: i64, id: i64, position: i64, a: &str, b: &str) -> Result<()> {
        match self {
            Part::Lesson => state.store.update_lesson(course, id, position, a, b).await?,
            Part::Question => state.store.update_question(course, id, position, a, b).await?,
        };
        Ok(())
    }

    async fn delete(self, state: &AppState, course: i64, id: i64) -> Result<()> {
        match self {
            Part::Lesson => state.store.delete_lesson(course, id).await?,
            Part::Question => state.store.delete_question(course, id).await?,
        };
        Ok(())
    }

    /// Puts the refused input and its errors back on the edit page: on the form of part
    /// `id`, or on the new part's form when `id` is 0.
    fn show_input(self, t: &mut EditTemplate<'_>, id: i64, form: PartForm, errors: FieldErrors) {
        match (self, id) {
            (Part::Lesson, 0) => t.new_lesson = LessonRow { id: 0, form, errors },
            (Part::Question, 0) => {
                t.new_question = QuestionRow {
                    id: 0,
                    form,
                    errors,
                    multiple: false,
                }
            }
            (Part::Lesson, id) => {
                if let Some(row) = t.lessons.iter_mut().find(|r| r.id == id) {
                    (row.form, row.errors) = (form, errors);
                }
            }
            (Part::Question, id) => {
                if let Some(row) = t.questions.iter_mut().find(|r| r.id == id) {
                    (row.form, row.errors) = (form, errors);
                }
            }
        }
    }
}

/// An optional position: empty is "after the last", otherwise 1..=1000.
fn parse_position(ctx: &Ctx, s: &str, e: &mut FieldErrors) -> Option<i64> {
    match s.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(n) if (1..=1000).contains(&n) => Some(n),
            _ => {
                e.add("position", ctx.t("training-error-position"));
                None
            }
        },
    }
}

fn check_lesson(ctx: &Ctx, f: &PartForm) -> Checked {
    let mut e = FieldErrors::default();
    let title = f.title.trim();
    if title.is_empty() {
        e.add("title", ctx.t("error-required"));
    } else if title.chars().count() > 150 {
        e.add("title", ctx.t("error-too-long"));
    } else if let Err(x) = ambasada_core::text::check_line(title) {
        e.add("title", ctx.t(x.key()));
    }
    let body = f.body.trim();
    if body.chars().count() > 50_000 {
        e.add("body", ctx.t("error-too-long"));
    } else if let Err(x) = ambasada_core::text::check_lines(body) {
        e.add("body", ctx.t(x.key()));
    }
    let position = parse_position(ctx, &f.position, &mut e);
    if e.is_empty() {
        Ok((position, title.to_string(), body.to_string()))
    } else {
        Err(e)
    }
}

fn check_question(ctx: &Ctx, f: &PartForm) -> Checked {
    let mut e = FieldErrors::default();
    let text = f.text.trim();
    if text.is_empty() {
        e.add("text", ctx.t("error-required"));
    } else if text.chars().count() > 500 {
        e.add("text", ctx.t("error-too-long"));
    } else if let Err(x) = ambasada_core::text::check_line(text) {
        e.add("text", ctx.t(x.key()));
    }
    if let Err(x) = ambasada_core::text::check_lines(&f.choices) {
        e.add("choices", ctx.t(x.key()));
    } else if let Err(err) = training::parse_choices(&f.choices) {
        e.add("choices", ctx.t(err.key()));
    }
    let position = parse_position(ctx, &f.position, &mut e);
    if e.is_empty() {
        // Kept as written, line ends made uniform.
        let choices = f
            .choices
            .trim()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        Ok((position, text.to_string(), choices))
    } else {
        Err(e)
    }
}

/// `POST /app/courses/{id}/{lessons|questions}`: adds a part.
pub async fn add_part(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, part)): Path<(i64, String)>,
    Form(f): Form<PartForm>,
) -> Result<Response> {
    let part = Part::of(&part)?;
    let course = managed_course(&state, &user, id).await?;
    match part.check(&ctx, &f) {
        Ok((position, a, b)) => {
            part.add(&state, id, position, &a, &b).await?;
            Ok(redirect_flash(
                &back_to(id, part.section()),
                true,
                part.added_flash(),
                None,
            ))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            part.show_input(&mut t, 0, f, errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// `POST /app/courses/{id}/{lessons|questions}/{part_id}`: saves a part.
pub async fn save_part(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, part, part_id)): Path<(i64, String, i64)>,
    Form(f): Form<PartForm>,
) -> Result<Response> {
    let part = Part::of(&part)?;
    let course = managed_course(&state, &user, id).await?;
    let current = part.position(&state, id, part_id).await?;
    match part.check(&ctx, &f) {
        Ok((position, a, b)) => {
            part.update(&state, id, part_id, position.unwrap_or(current), &a, &b)
                .await?;
            Ok(redirect_flash(
                &back_to(id, &part.anchor(part_id)),
                true,
                "flash-saved",
                None,
            ))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            part.show_input(&mut t, part_id, f, errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

/// `POST /app/courses/{id}/{lessons|questions}/{part_id}/delete`: deletes a part.
pub async fn delete_part(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, part, part_id)): Path<(i64, String, i64)>,
) -> Result<Response> {
    let part = Part::of(&part)?;
    managed_course(&state, &user, id).await?;
    part.delete(&state, id, part_id).await?;
    Ok(redirect_flash(
        &back_to(id, part.section()),
        true,
        "flash-course-part-deleted",
        None,
    ))
}
