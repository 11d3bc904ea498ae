//! Writing courses: the list of courses with their completion, a new course, and the
//! edit page (the course's fields, its lessons and questions, the programs requiring it).

use super::parts::PartForm;
use super::{may_manage_courses, may_manage_program, tally};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::Locale;
use ambasada_core::{text, training};
use ambasada_store::people::User;
use ambasada_store::training::{Course, CourseInput};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub struct CourseForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    pass_mark: String,
    #[serde(default)]
    published: String,
}

impl CourseForm {
    fn is_published(&self) -> bool {
        !self.published.is_empty()
    }
}

fn course_form_of(c: &Course) -> CourseForm {
    CourseForm {
        title: c.title.clone(),
        description: c.description.clone(),
        language: c.language.clone(),
        pass_mark: c.pass_mark.to_string(),
        published: if c.is_published() { "1".into() } else { String::new() },
    }
}

fn parse_course(ctx: &Ctx, f: &CourseForm) -> std::result::Result<CourseInput, FieldErrors> {
    let mut e = FieldErrors::default();
    let title = f.title.trim();
    if title.is_empty() {
        e.add("title", ctx.t("error-required"));
    } else if title.chars().count() > 150 {
        e.add("title", ctx.t("error-too-long"));
    } else if let Err(x) = text::check_line(title) {
        e.add("title", ctx.t(x.key()));
    }
    let description = f.description.trim();
    if description.chars().count() > 5000 {
        e.add("description", ctx.t("error-too-long"));
    } else if let Err(x) = text::check_lines(description) {
        e.add("description", ctx.t(x.key()));
    }
    let language = match Locale::parse(f.language.trim()) {
        Ok(l) => l.as_str().to_string(),
        Err(_) => {
            e.add("language", ctx.t("training-error-language"));
            String::new()
        }
    };
    let pass_mark = match f.pass_mark.trim().trim_end_matches('%').trim().parse::<i64>() {
        Ok(n) if training::valid_pass_mark(n) => n,
        _ => {
            e.add("pass_mark", ctx.t("training-error-pass-mark"));
            0
        }
    };
    if !e.is_empty() {
        return Err(e);
    }
    Ok(CourseInput {
        title: title.into(),
        description: description.into(),
        language,
        pass_mark,
        published: f.is_published(),
    })
}

struct ManagedCourse {
    course: Course,
    completed: usize,
    in_progress: usize,
}

#[derive(Template)]
#[template(path = "training/manage.html")]
struct ManageTemplate<'a> {
    p: &'a Ctx,
    courses: Vec<ManagedCourse>,
    form: CourseForm,
    errors: FieldErrors,
}

async fn manage_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    form: CourseForm,
    errors: FieldErrors,
) -> Result<ManageTemplate<'a>> {
    // Every course's learners in one query, not one per course.
    let learners = state.store.learners_by_course().await?;
    let courses = state
        .store
        .courses(false)
        .await?
        .into_iter()
        .map(|course| {
            let of_course = learners.get(&course.id).map(Vec::as_slice).unwrap_or_default();
            let (completed, in_progress, _) = tally(&course, of_course);
            ManagedCourse {
                course,
                completed,
                in_progress,
            }
        })
        .collect();
    Ok(ManageTemplate {
        p: ctx,
        courses,
        form,
        errors,
    })
}

pub async fn manage_list(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    if !may_manage_courses(&user) {
        return Err(AppError::Forbidden);
    }
    let form = CourseForm {
        language: user.locale.as_str().into(),
        pass_mark: training::DEFAULT_PASS_MARK.to_string(),
        ..Default::default()
    };
    render(&manage_template(&state, &ctx, form, FieldErrors::default()).await?)
}

pub async fn create_course(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(f): Form<CourseForm>,
) -> Result<Response> {
    if !may_manage_courses(&user) {
        return Err(AppError::Forbidden);
    }
    match parse_course(&ctx, &f) {
        Ok(input) => {
            let now = crate::now();
            let id = state.store.create_course(&input, Some(user.id), now).await?;
            state
                .store
                .audit(Some(user.id), "course.create", &input.title, now)
                .await?;
            Ok(redirect_flash(
                &format!("/app/courses/{id}"),
                true,
                "flash-course-created",
                Some(&input.title),
            ))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &manage_template(&state, &ctx, f, errors).await?,
        ),
    }
}

/// A lesson's edit form (id 0: the new lesson's form).
pub(super) struct LessonRow {
    pub(super) id: i64,
    pub(super) form: PartForm,
    pub(super) errors: FieldErrors,
}

/// A question's edit form (id 0: the new question's form).
pub(super) struct QuestionRow {
    pub(super) id: i64,
    pub(super) form: PartForm,
    pub(super) errors: FieldErrors,
    pub(super) multiple: bool,
}

struct RequiringProgram {
    id: i64,
    name: String,
    /// This course is the program's required one.
    requires_this: bool,
    /// Another course is.
    requires_other: bool,
}

#[derive(Template)]
#[template(path = "training/edit.html")]
pub(super) struct EditTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    form: CourseForm,
    errors: FieldErrors,
    pub(super) lessons: Vec<LessonRow>,
    pub(super) new_lesson: LessonRow,
    pub(super) questions: Vec<QuestionRow>,
    pub(super) new_question: QuestionRow,
    programs: Vec<RequiringProgram>,
}

impl EditTemplate<'_> {
    /// The lessons' forms, then the new lesson's.
    fn lesson_rows(&self) -> Vec<&LessonRow> {
        self.lessons.iter().chain(std::iter::once(&self.new_lesson)).collect()
    }
    /// The questions' forms, then the new question's.
    fn question_rows(&self) -> Vec<&QuestionRow> {
        self.questions
            .iter()
            .chain(std::iter::once(&self.new_question))
            .collect()
    }
}

pub(super) async fn managed_course(state: &AppState, user: &User, id: i64) -> Result<Course> {
    if !may_manage_courses(user) {
        return Err(AppError::Forbidden);
    }
    state.store.course(id).await?.ok_or(AppError::NotFound)
}

pub(super) async fn edit_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &User,
    course: Course,
) -> Result<EditTemplate<'a>> {
    let lessons = state
        .store
        .lessons(course.id)
        .await?
        .into_iter()
        .map(|l| LessonRow {
            id: l.id,
            form: PartForm {
                title: l.title,
                body: l.body,
                position: l.position.to_string(),
                ..PartForm::default()
            },
            errors: FieldErrors::default(),
        })
        .collect();
    let questions = state
        .store
        .questions(course.id)
        .await?
        .into_iter()
        .map(|q| QuestionRow {
            id: q.id,
            multiple: training::parse_choices(&q.choices).is_ok_and(|(_, c)| c.len() > 1),
            form: PartForm {
                text: q.text,
                choices: q.choices,
                position: q.position.to_string(),
                ..PartForm::default()
            },
            errors: FieldErrors::default(),
        })
        .collect();
    // Every program's required course in one query, not one per program.
    let required_courses = state.store.required_courses().await?;
    let programs = state
        .store
        .programs()
        .await?
        .into_iter()
        .filter(|pr| may_manage_program(user, pr))
        .map(|pr| {
            let required = required_courses.get(&pr.id).copied();
            RequiringProgram {
                id: pr.id,
                name: pr.name,
                requires_this: required == Some(course.id),
                requires_other: required.is_some_and(|r| r != course.id),
            }
        })
        .collect();
    Ok(EditTemplate {
        p: ctx,
        form: course_form_of(&course),
        course,
        errors: FieldErrors::default(),
        lessons,
        new_lesson: LessonRow {
            id: 0,
            form: PartForm::default(),
            errors: FieldErrors::default(),
        },
        questions,
        new_question: QuestionRow {
            id: 0,
            form: PartForm::default(),
            errors: FieldErrors::default(),
            multiple: false,
        },
        programs,
    })
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    render(&edit_template(&state, &ctx, &user, course).await?)
}

pub async fn save_course(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<CourseForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    let mut checked = parse_course(&ctx, &f);
    if let Ok(input) = &checked
        && course.is_published()
        && !input.published
    {
        let requiring = state.store.programs_requiring(id).await?;
        if !requiring.is_empty() {
            let names: Vec<String> = requiring.into_iter().map(|(_, n)| n).collect();
            let mut e = FieldErrors::default();
            e.add(
                "published",
                ctx.a1("training-error-required-unpublish", "programs", &names.join(", ")),
            );
            checked = Err(e);
        }
    }
    match checked {
        Ok(input) => {
            let now = crate::now();
            state.store.update_course(id, &input, now).await?;
            state
                .store
                .audit(Some(user.id), "course.edit", &input.title, now)
                .await?;
            Ok(redirect_flash(&format!("/app/courses/{id}"), true, "flash-saved", None))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            t.form = f;
            t.errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
