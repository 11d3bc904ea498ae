//! Training (C4): courses of Markdown lessons and a quiz. Ambassadors read lessons, take
//! the quiz (graded by `core::training::grade`) and retry until they pass; editors,
//! coordinators and admins write courses and see who completed them. A program may
//! require a course before an ambassador's first share: [`must_complete_before_sharing`].

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::training::{self, Progress, Question, Standing};
use ambasada_core::{Locale, Role};
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::training::{Course, CourseInput, Learner, Lesson, NewAttempt, QuizQuestion};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/training", get(catalog))
        .route("/app/training/{id}", get(course_page))
        .route("/app/training/{id}/lessons/{n}", get(lesson_page))
        .route("/app/training/{id}/lessons/{n}/read", post(mark_read))
        .route("/app/training/{id}/quiz", get(quiz_page).post(submit_quiz))
        .route("/app/courses", get(manage_list).post(create_course))
        .route("/app/courses/{id}", get(edit_page).post(save_course))
        .route("/app/courses/{id}/lessons", post(add_lesson))
        .route("/app/courses/{id}/lessons/{lesson}", post(save_lesson))
        .route("/app/courses/{id}/lessons/{lesson}/delete", post(delete_lesson))
        .route("/app/courses/{id}/questions", post(add_question))
        .route("/app/courses/{id}/questions/{question}", post(save_question))
        .route("/app/courses/{id}/questions/{question}/delete", post(delete_question))
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

/// Admins set any program's required course; a coordinator those they coordinate (or
/// without a coordinator), as on the program page.
fn may_manage_program(u: &User, p: &Program) -> bool {
    u.has_role(Role::Admin) || (u.has_role(Role::Coordinator) && p.coordinator_id.is_none_or(|c| c == u.id))
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

// ---------------------------------------------------------------------------------------
// Learning

struct CourseCard {
    course: Course,
    standing_key: &'static str,
    standing_class: &'static str,
    percent: i64,
}

#[derive(Template)]
#[template(path = "training/catalog.html")]
struct CatalogTemplate<'a> {
    p: &'a Ctx,
    courses: Vec<CourseCard>,
    required: Option<(i64, String)>,
    can_manage: bool,
}

/// Published courses with the person's progress, the viewer's language first.
pub async fn catalog(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let progress = state.store.progress_of(user.id).await?;
    let required = state.store.required_course_for(user.id).await?;
    let mut courses: Vec<CourseCard> = state
        .store
        .courses(true)
        .await?
        .into_iter()
        .map(|course| {
            let pr = progress
                .iter()
                .find(|p| p.course_id == course.id)
                .map(|p| p.progress())
                .unwrap_or_default();
            CourseCard {
                course,
                standing_key: standing_key(pr.standing()),
                standing_class: standing_class(pr.standing()),
                percent: pr.percent(),
            }
        })
        .collect();
    let lang = ctx.lang();
    courses.sort_by_key(|c| c.course.language != lang);
    render(&CatalogTemplate {
        p: &ctx,
        courses,
        required,
        can_manage: may_manage_courses(&user),
    })
}

struct LessonLink {
    n: usize,
    title: String,
    read: bool,
}

#[derive(Template)]
#[template(path = "training/course.html")]
struct CourseTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    description_html: String,
    lessons: Vec<LessonLink>,
    progress: Progress,
    standing_key: &'static str,
    standing_class: &'static str,
    percent: i64,
    attempts: i64,
    best_percent: Option<i64>,
    next_lesson: Option<usize>,
    can_manage: bool,
}

pub async fn course_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let course = visible_course(&state, &user, id).await?;
    let lessons = state.store.lessons(id).await?;
    let read = state.store.lessons_read(user.id, id).await?;
    let cp = state.store.course_progress(user.id, id).await?;
    let progress = cp.progress();
    let lessons: Vec<LessonLink> = lessons
        .into_iter()
        .enumerate()
        .map(|(i, l)| LessonLink {
            n: i + 1,
            read: read.contains(&l.id),
            title: l.title,
        })
        .collect();
    let next_lesson = lessons.iter().find(|l| !l.read).map(|l| l.n);
    render(&CourseTemplate {
        p: &ctx,
        description_html: crate::markdown::render(&course.description),
        course,
        lessons,
        standing_key: standing_key(progress.standing()),
        standing_class: standing_class(progress.standing()),
        percent: progress.percent(),
        progress,
        attempts: cp.attempts,
        best_percent: cp.best_percent,
        next_lesson,
        can_manage: may_manage_courses(&user),
    })
}

#[derive(Template)]
#[template(path = "training/lesson.html")]
struct LessonTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    lesson: Lesson,
    n: usize,
    total: usize,
    body_html: String,
    read: bool,
}

/// The `n`th lesson (1-based) of a course, and how many there are.
async fn nth_lesson(state: &AppState, course_id: i64, n: usize) -> Result<(Lesson, usize)> {
    let lessons = state.store.lessons(course_id).await?;
    let total = lessons.len();
    let lesson = n
        .checked_sub(1)
        .and_then(|i| lessons.into_iter().nth(i))
        .ok_or(AppError::NotFound)?;
    Ok((lesson, total))
}

pub async fn lesson_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, n)): Path<(i64, usize)>,
) -> Result<Response> {
    let course = visible_course(&state, &user, id).await?;
    let (lesson, total) = nth_lesson(&state, id, n).await?;
    let read = state.store.lessons_read(user.id, id).await?.contains(&lesson.id);
    render(&LessonTemplate {
        p: &ctx,
        body_html: crate::markdown::render(&lesson.body),
        course,
        lesson,
        n,
        total,
        read,
    })
}

/// Marks a lesson read and goes on: to the next lesson, the quiz, or the course page.
pub async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, n)): Path<(i64, usize)>,
) -> Result<Response> {
    let course = visible_course(&state, &user, id).await?;
    let (lesson, total) = nth_lesson(&state, id, n).await?;
    state.store.mark_lesson_read(user.id, lesson.id, crate::now()).await?;
    if state.store.course_progress(user.id, id).await?.progress().is_complete() {
        return Ok(redirect_flash(
            &format!("/app/training/{id}"),
            true,
            "flash-course-completed",
            Some(&course.title),
        ));
    }
    let to = if n < total {
        format!("/app/training/{id}/lessons/{}", n + 1)
    } else if course.questions > 0 {
        format!("/app/training/{id}/quiz")
    } else {
        format!("/app/training/{id}")
    };
    Ok(redirect_flash(&to, true, "flash-lesson-read", None))
}

struct ChoiceView {
    index: usize,
    text: String,
    picked: bool,
}

struct QuestionView {
    n: usize,
    text: String,
    multiple: bool,
    choices: Vec<ChoiceView>,
    /// Marked after a graded attempt.
    wrong: bool,
}

struct Outcome {
    correct: usize,
    total: usize,
    percent: i64,
    passed: bool,
    completed: bool,
}

#[derive(Template)]
#[template(path = "training/quiz.html")]
struct QuizTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    questions: Vec<QuestionView>,
    outcome: Option<Outcome>,
    already_passed: bool,
}

/// The course's questions; one whose choices no longer parse is left out (the editor
/// refuses such input, so this only guards against rows changed by hand).
fn parsed(questions: &[QuizQuestion]) -> Vec<Question> {
    questions
        .iter()
        .filter_map(|q| training::question(&q.text, &q.choices).ok())
        .collect()
}

fn views(questions: &[Question], picks: &[Vec<usize>], wrong: &[usize]) -> Vec<QuestionView> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionView {
            n: i + 1,
            text: q.text.clone(),
            multiple: q.is_multiple(),
            choices: q
                .choices
                .iter()
                .enumerate()
                .map(|(c, text)| ChoiceView {
                    index: c,
                    text: text.clone(),
                    picked: picks.get(i).is_some_and(|p| p.contains(&c)),
                })
                .collect(),
            wrong: wrong.contains(&i),
        })
        .collect()
}

pub async fn quiz_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let course = visible_course(&state, &user, id).await?;
    let questions = parsed(&state.store.questions(id).await?);
    if questions.is_empty() {
        return Err(AppError::NotFound);
    }
    let already_passed = state.store.course_progress(user.id, id).await?.passes > 0;
    render(&QuizTemplate {
        p: &ctx,
        course,
        questions: views(&questions, &[], &[]),
        outcome: None,
        already_passed,
    })
}

/// Grades the answers (`q{n}` = a choice index, repeated for multiple choice), records
/// the attempt and shows the score with the wrongly answered questions marked and the
/// person's picks kept for a retry. The right answers are not revealed.
pub async fn submit_quiz(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let course = visible_course(&state, &user, id).await?;
    let questions = parsed(&state.store.questions(id).await?);
    if questions.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut picks: Vec<Vec<usize>> = vec![Vec::new(); questions.len()];
    for (k, v) in &fields {
        let Some(n) = k.strip_prefix('q').and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        if let (Some(slot), Ok(c)) = (n.checked_sub(1).and_then(|i| picks.get_mut(i)), v.parse::<usize>()) {
            slot.push(c);
        }
    }
    let g = training::grade(&questions, &picks, course.pass_mark);
    state
        .store
        .record_attempt(
            &NewAttempt {
                user_id: user.id,
                course_id: id,
                correct: g.correct as i64,
                total: g.total as i64,
                percent: g.percent,
                passed: g.passed,
            },
            crate::now(),
        )
        .await?;
    let cp = state.store.course_progress(user.id, id).await?;
    render(&QuizTemplate {
        p: &ctx,
        questions: views(&questions, &picks, &g.wrong),
        outcome: Some(Outcome {
            correct: g.correct,
            total: g.total,
            percent: g.percent,
            passed: g.passed,
            completed: cp.progress().is_complete(),
        }),
        course,
        already_passed: cp.passes > 0,
    })
}

// ---------------------------------------------------------------------------------------
// Writing courses

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
    }
    let description = f.description.trim();
    if description.chars().count() > 5000 {
        e.add("description", ctx.t("error-too-long"));
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

async fn manage_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    form: CourseForm,
    errors: FieldErrors,
) -> Result<ManageTemplate<'a>> {
    let mut courses = Vec::new();
    for course in state.store.courses(false).await? {
        let learners = state.store.learners(course.id).await?;
        let (completed, in_progress, _) = tally(&course, &learners);
        courses.push(ManagedCourse {
            course,
            completed,
            in_progress,
        });
    }
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

#[derive(Deserialize, Default, Clone)]
pub struct LessonForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    position: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct QuestionForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    choices: String,
    #[serde(default)]
    position: String,
}

/// A lesson's edit form (id 0: the new lesson's form).
struct LessonRow {
    id: i64,
    form: LessonForm,
    errors: FieldErrors,
}

/// A question's edit form (id 0: the new question's form).
struct QuestionRow {
    id: i64,
    form: QuestionForm,
    errors: FieldErrors,
    multiple: bool,
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
struct EditTemplate<'a> {
    p: &'a Ctx,
    course: Course,
    form: CourseForm,
    errors: FieldErrors,
    lessons: Vec<LessonRow>,
    new_lesson: LessonRow,
    questions: Vec<QuestionRow>,
    new_question: QuestionRow,
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

async fn managed_course(state: &AppState, user: &User, id: i64) -> Result<Course> {
    if !may_manage_courses(user) {
        return Err(AppError::Forbidden);
    }
    state.store.course(id).await?.ok_or(AppError::NotFound)
}

async fn edit_template<'a>(state: &AppState, ctx: &'a Ctx, user: &User, course: Course) -> Result<EditTemplate<'a>> {
    let lessons = state
        .store
        .lessons(course.id)
        .await?
        .into_iter()
        .map(|l| LessonRow {
            id: l.id,
            form: LessonForm {
                title: l.title,
                body: l.body,
                position: l.position.to_string(),
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
            form: QuestionForm {
                text: q.text,
                choices: q.choices,
                position: q.position.to_string(),
            },
            errors: FieldErrors::default(),
        })
        .collect();
    let mut programs = Vec::new();
    for pr in state.store.programs().await? {
        if !may_manage_program(user, &pr) {
            continue;
        }
        let required = state.store.required_course_of(pr.id).await?;
        programs.push(RequiringProgram {
            id: pr.id,
            name: pr.name,
            requires_this: required == Some(course.id),
            requires_other: required.is_some_and(|r| r != course.id),
        });
    }
    Ok(EditTemplate {
        p: ctx,
        form: course_form_of(&course),
        course,
        errors: FieldErrors::default(),
        lessons,
        new_lesson: LessonRow {
            id: 0,
            form: LessonForm::default(),
            errors: FieldErrors::default(),
        },
        questions,
        new_question: QuestionRow {
            id: 0,
            form: QuestionForm::default(),
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

type Checked = std::result::Result<(Option<i64>, String, String), FieldErrors>;

fn check_lesson(ctx: &Ctx, f: &LessonForm) -> Checked {
    let mut e = FieldErrors::default();
    let title = f.title.trim();
    if title.is_empty() {
        e.add("title", ctx.t("error-required"));
    } else if title.chars().count() > 150 {
        e.add("title", ctx.t("error-too-long"));
    }
    let body = f.body.trim();
    if body.chars().count() > 50_000 {
        e.add("body", ctx.t("error-too-long"));
    }
    let position = parse_position(ctx, &f.position, &mut e);
    if e.is_empty() {
        Ok((position, title.to_string(), body.to_string()))
    } else {
        Err(e)
    }
}

fn check_question(ctx: &Ctx, f: &QuestionForm) -> Checked {
    let mut e = FieldErrors::default();
    let text = f.text.trim();
    if text.is_empty() {
        e.add("text", ctx.t("error-required"));
    } else if text.chars().count() > 500 {
        e.add("text", ctx.t("error-too-long"));
    }
    if let Err(err) = training::parse_choices(&f.choices) {
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

fn back_to(id: i64, anchor: &str) -> String {
    format!("/app/courses/{id}#{anchor}")
}

pub async fn add_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<LessonForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    match check_lesson(&ctx, &f) {
        Ok((position, title, body)) => {
            state.store.add_lesson(id, position, &title, &body).await?;
            Ok(redirect_flash(
                &back_to(id, "lessons"),
                true,
                "flash-lesson-added",
                None,
            ))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            t.new_lesson = LessonRow { id: 0, form: f, errors };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

pub async fn save_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, lesson)): Path<(i64, i64)>,
    Form(f): Form<LessonForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    let current = state.store.lessons(id).await?;
    let existing = current.iter().find(|l| l.id == lesson).ok_or(AppError::NotFound)?;
    match check_lesson(&ctx, &f) {
        Ok((position, title, body)) => {
            state
                .store
                .update_lesson(id, lesson, position.unwrap_or(existing.position), &title, &body)
                .await?;
            Ok(redirect_flash(
                &back_to(id, &format!("lesson-{lesson}")),
                true,
                "flash-saved",
                None,
            ))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            if let Some(row) = t.lessons.iter_mut().find(|r| r.id == lesson) {
                row.form = f;
                row.errors = errors;
            }
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

pub async fn delete_lesson(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, lesson)): Path<(i64, i64)>,
) -> Result<Response> {
    managed_course(&state, &user, id).await?;
    state.store.delete_lesson(id, lesson).await?;
    Ok(redirect_flash(
        &back_to(id, "lessons"),
        true,
        "flash-course-part-deleted",
        None,
    ))
}

pub async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<QuestionForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    match check_question(&ctx, &f) {
        Ok((position, text, choices)) => {
            state.store.add_question(id, position, &text, &choices).await?;
            Ok(redirect_flash(&back_to(id, "quiz"), true, "flash-question-added", None))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            t.new_question = QuestionRow {
                id: 0,
                form: f,
                errors,
                multiple: false,
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

pub async fn save_question(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, question)): Path<(i64, i64)>,
    Form(f): Form<QuestionForm>,
) -> Result<Response> {
    let course = managed_course(&state, &user, id).await?;
    let current = state.store.questions(id).await?;
    let existing = current.iter().find(|q| q.id == question).ok_or(AppError::NotFound)?;
    match check_question(&ctx, &f) {
        Ok((position, text, choices)) => {
            state
                .store
                .update_question(id, question, position.unwrap_or(existing.position), &text, &choices)
                .await?;
            Ok(redirect_flash(
                &back_to(id, &format!("question-{question}")),
                true,
                "flash-saved",
                None,
            ))
        }
        Err(errors) => {
            let mut t = edit_template(&state, &ctx, &user, course).await?;
            if let Some(row) = t.questions.iter_mut().find(|r| r.id == question) {
                row.form = f;
                row.errors = errors;
            }
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}

pub async fn delete_question(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question)): Path<(i64, i64)>,
) -> Result<Response> {
    managed_course(&state, &user, id).await?;
    state.store.delete_question(id, question).await?;
    Ok(redirect_flash(
        &back_to(id, "quiz"),
        true,
        "flash-course-part-deleted",
        None,
    ))
}

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

// ---------------------------------------------------------------------------------------
// Demo courses

struct DemoCourse {
    language: &'static str,
    title: &'static str,
    description: &'static str,
    lessons: &'static [(&'static str, &'static str)],
    /// (question, choices with `*` marking the correct ones)
    questions: &'static [(&'static str, &'static str)],
}

/// Creates the three demo courses (writing your own post, reacting to others' posts,
/// making a simple graphic), each in Polish and in English, published, with a pass mark
/// of 67% (two of three questions). Returns their ids, the Polish ones first. The first
/// admin, if any, is recorded as their author.
pub async fn seed_demo_courses(state: &AppState) -> anyhow::Result<Vec<i64>> {
    let now = crate::now();
    let author = state
        .store
        .list_users(&ambasada_store::people::UserFilter {
            role: Some(Role::Admin),
            limit: 1,
            ..Default::default()
        })
        .await?
        .0
        .first()
        .map(|u| u.id);
    let mut ids = Vec::new();
    for d in DEMO_COURSES {
        let input = CourseInput {
            title: d.title.into(),
            description: d.description.into(),
            language: d.language.into(),
            pass_mark: 67,
            published: true,
        };
        let id = state.store.create_course(&input, author, now).await?;
        for (title, body) in d.lessons {
            state.store.add_lesson(id, None, title, body).await?;
        }
        for (text, choices) in d.questions {
            state.store.add_question(id, None, text, choices).await?;
        }
        ids.push(id);
    }
    Ok(ids)
}

const DEMO_COURSES: &[DemoCourse] = &[
    DemoCourse {
        language: "pl",
        title: "Jak napisać własny post",
        description: "Dlaczego post napisany własnymi słowami działa lepiej niż gotowy tekst i jak go napisać w 10 minut.",
        lessons: &[
            (
                "Dlaczego własne słowa",
                "Ludzie ufają ludziom bardziej niż firmom. Post pracownika, który brzmi jak komunikat prasowy, \
                 traci tę przewagę: znajomi od razu widzą, że to nie Ty mówisz.\n\n\
                 Gdy dwadzieścia osób z jednej firmy wklei ten sam tekst, ich sieci widzą dwadzieścia identycznych \
                 postów, a algorytmy serwisów zaczynają je pokazywać rzadziej. Dlatego Ambasada zawsze zachęca, \
                 żeby przepisać proponowany tekst, i mierzy, na ile każdy post jest Twój.\n\n\
                 **Zasada:** gotowy tekst to materiał, nie scenariusz. Weź z niego fakty i link, resztę napisz sam.",
            ),
            (
                "Budowa dobrego posta",
                "Prosty schemat, który działa w LinkedIn, na Facebooku i w X:\n\n\
                 1. **Pierwsze zdanie przyciąga uwagę.** Przed „zobacz więcej” widać tylko dwie, trzy linijki. \
                 Zacznij od konkretu: liczby, pytania albo krótkiej sceny z pracy.\n\
                 2. **Twoja perspektywa.** Co Ty w tym robisz? Dlaczego to dla Ciebie ważne? Jedno osobiste zdanie \
                 wystarczy.\n\
                 3. **Jedna informacja.** Nie wszystko naraz: jedna oferta pracy, jedno wydarzenie, jeden projekt.\n\
                 4. **Wezwanie do działania.** „Znacie kogoś, kto…?”, „Zapraszam do aplikowania”, \
                 „Co o tym myślicie?”.\n\
                 5. **Link i 2–3 hashtagi** na końcu. Więcej hashtagów wygląda jak spam.\n\n\
                 Przykład: *„Rok temu dołączyłam do zespołu, który buduje aplikację dla szpitali. Dziś szukamy \
                 kolejnej osoby do testów – jeśli znasz kogoś dokładnego i ciekawego świata, podeślij mu ten link.”*",
            ),
            (
                "Czego unikać",
                "- **Informacji poufnych.** Wyniki przed publikacją, klienci bez zgody, wewnętrzne dokumenty i zrzuty \
                 ekranu – nigdy.\n\
                 - **Zdjęć ludzi bez ich zgody.** Zapytaj koleżanki i kolegów, zanim ich oznaczysz.\n\
                 - **Obietnic w imieniu firmy.** Mów za siebie („u mnie w zespole…”), nie za cały dział kadr.\n\
                 - **Sporów w komentarzach.** Na krytykę odpowiedz spokojnie albo przekaż ją koordynatorowi programu.\n\n\
                 Przeczytaj też zasady obecności w mediach społecznościowych swojej firmy; w razie wątpliwości \
                 zapytaj koordynatora programu.",
            ),
        ],
        questions: &[
            (
                "Co robisz z gotowym tekstem z biblioteki treści?",
                "Wklejam go bez zmian, bo jest sprawdzony\n*Biorę z niego fakty i link, a post piszę własnymi słowami\nNie udostępniam niczego z biblioteki",
            ),
            (
                "Co najlepiej sprawdza się w pierwszym zdaniu posta?",
                "Długi wstęp o historii firmy\n*Konkret: liczba, pytanie albo krótka scena z pracy\nSeria hashtagów",
            ),
            (
                "Czego nie publikujesz? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Zdjęć współpracowników bez ich zgody\n*Wyników firmy przed oficjalną publikacją\nOferty pracy z linkiem do strony kariery",
            ),
        ],
    },
    DemoCourse {
        language: "pl",
        title: "Jak reagować na posty innych",
        description: "Komentarze i udostępnienia, które budują zasięg i relacje, zamiast samych „lajków”.",
        lessons: &[
            (
                "Reakcja, komentarz, udostępnienie",
                "Serwisy pokazują post tym szerzej, im więcej rozmowy pod nim powstaje, zwłaszcza w pierwszej godzinie.\n\n\
                 - **Reakcja** („lubię to”) to najmniejszy sygnał: miły, ale prawie nic nie zmienia.\n\
                 - **Komentarz** ma największą wartość: pokazuje post Twoim znajomym i zaczyna rozmowę.\n\
                 - **Udostępnienie z własnym zdaniem** przenosi post do Twojej sieci. Bez komentarza wygląda jak \
                 przycisk wciśnięty z obowiązku.\n\n\
                 Jeśli masz minutę, napisz komentarz. Jeśli masz trzy – udostępnij z jednym zdaniem od siebie.",
            ),
            (
                "Komentarz, który coś wnosi",
                "Dobry komentarz ma co najmniej jedno zdanie treści:\n\n\
                 - **dopowiedz**: „Byłem przy tym projekcie – najtrudniejsze było…”;\n\
                 - **zapytaj**: „Jak wygląda rekrutacja do tego zespołu?”;\n\
                 - **oznacz osobę, której to pomoże**: „@Ania, to chyba dla Ciebie”.\n\n\
                 Unikaj komentarzy typu „Super!” albo samych emoji – algorytmy i ludzie traktują je jak szum. \
                 Nie komentuj wszystkich postów firmy tego samego dnia tym samym zdaniem; lepszy jeden przemyślany \
                 komentarz niż pięć automatycznych.",
            ),
        ],
        questions: &[
            (
                "Która reakcja zwykle najbardziej zwiększa zasięg posta?",
                "Samo „lubię to”\n*Komentarz z treścią, najlepiej w pierwszej godzinie\nZapisanie posta na później",
            ),
            (
                "Które komentarze coś wnoszą? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Pytanie o szczegóły projektu\n*Oznaczenie osoby, której oferta może pomóc\n„Super!” pod każdym postem firmy",
            ),
            (
                "Jak udostępnić post firmy?",
                "Bez komentarza, żeby nie przeszkadzać\n*Z jednym zdaniem od siebie: dlaczego warto to przeczytać\nZ tym samym tekstem co koledzy",
            ),
        ],
    },
    DemoCourse {
        language: "pl",
        title: "Jak zrobić prostą grafikę",
        description: "Zdjęcie lub grafika do posta w 15 minut: formaty, czytelność i prawa do obrazów.",
        lessons: &[
            (
                "Formaty i rozmiary",
                "Post z obrazem przyciąga wzrok w strumieniu treści. Najbezpieczniejsze rozmiary:\n\n\
                 | Gdzie | Proporcje | Piksele |\n|---|---|---|\n\
                 | LinkedIn, Facebook (post) | 1,91:1 | 1200 × 627 |\n\
                 | Kwadrat (wszędzie) | 1:1 | 1080 × 1080 |\n\
                 | Pion (telefon) | 4:5 | 1080 × 1350 |\n\n\
                 Zapisuj jako **JPG** (zdjęcia) lub **PNG** (grafiki z tekstem). Darmowe narzędzia: \
                 [Canva](https://www.canva.com/), [Photopea](https://www.photopea.com/) albo edytor w telefonie.",
            ),
            (
                "Czytelność i prawa do obrazów",
                "- **Mało tekstu na grafice**: najwyżej 6–8 słów, duża czcionka, wysoki kontrast. Resztę napisz w poście.\n\
                 - **Jeden punkt uwagi**: twarz, produkt albo liczba – nie wszystko naraz.\n\
                 - **Kolory i logo firmy** – tylko z oficjalnych materiałów; zapytaj koordynatora o paczkę marki.\n\
                 - **Własne zdjęcia są najlepsze.** Zdjęcia z internetu tylko z licencją, która na to pozwala \
                 (np. [Unsplash](https://unsplash.com/license)); logo i zdjęcia innych firm – nie.\n\
                 - **Tekst alternatywny**: dodaj krótki opis obrazu dla osób korzystających z czytników ekranu.",
            ),
        ],
        questions: &[
            (
                "Jaki rozmiar pasuje do grafiki w poście na LinkedIn?",
                "*1200 × 627 pikseli\n300 × 300 pikseli\n4000 × 500 pikseli",
            ),
            (
                "Ile tekstu umieścić na grafice?",
                "Cały opis oferty, żeby nic nie zginęło\n*Najwyżej kilka słów dużą czcionką\nTekst nie ma znaczenia",
            ),
            (
                "Których obrazów możesz użyć? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Własnego zdjęcia z biura, za zgodą osób na zdjęciu\n*Zdjęcia z serwisu z licencją pozwalającą na użycie\nDowolnego zdjęcia z wyszukiwarki",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Writing your own post",
        description: "Why a post in your own words works better than ready-made text, and how to write one in 10 minutes.",
        lessons: &[
            (
                "Why your own words",
                "People trust people more than companies. An employee's post that reads like a press release loses \
                 that advantage: friends see at once that it is not you speaking.\n\n\
                 When twenty people from one company paste the same text, their networks see twenty identical posts, \
                 and the networks' algorithms start showing them less. That is why Ambasada always invites you to \
                 rewrite the suggested text, and measures how much of each post is yours.\n\n\
                 **The rule:** ready-made text is material, not a script. Take the facts and the link from it, write \
                 the rest yourself.",
            ),
            (
                "The shape of a good post",
                "A simple pattern that works on LinkedIn, Facebook and X:\n\n\
                 1. **The first line earns attention.** Only two or three lines show before \"see more\". Start with \
                 something concrete: a number, a question, or a short scene from work.\n\
                 2. **Your angle.** What do you do in this? Why does it matter to you? One personal sentence is enough.\n\
                 3. **One thing.** Not everything at once: one job offer, one event, one project.\n\
                 4. **A call to action.** \"Know someone who…?\", \"Apply here\", \"What do you think?\".\n\
                 5. **The link and 2–3 hashtags** at the end. More hashtags look like spam.\n\n\
                 Example: *\"A year ago I joined a team building an app for hospitals. Today we are looking for \
                 another tester – if you know someone careful and curious, send them this link.\"*",
            ),
            (
                "What to avoid",
                "- **Confidential information.** Results before they are published, clients without consent, internal \
                 documents and screenshots – never.\n\
                 - **Photos of people without their consent.** Ask colleagues before you tag them.\n\
                 - **Promises on the company's behalf.** Speak for yourself (\"in my team…\"), not for HR.\n\
                 - **Arguments in the comments.** Answer criticism calmly, or pass it on to the program coordinator.\n\n\
                 Read your company's social media guidelines too; when in doubt, ask the program coordinator.",
            ),
        ],
        questions: &[
            (
                "What do you do with ready-made text from the content library?",
                "Paste it unchanged, it has been approved\n*Take the facts and the link, and write the post in my own words\nShare nothing from the library",
            ),
            (
                "What works best in a post's first line?",
                "A long introduction to the company's history\n*Something concrete: a number, a question or a short scene from work\nA row of hashtags",
            ),
            (
                "What do you not publish? (pick every right answer)",
                "*Photos of colleagues without their consent\n*Company results before they are officially published\nA job offer with a link to the careers page",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Reacting to others' posts",
        description: "Comments and shares that build reach and relationships, rather than likes alone.",
        lessons: &[
            (
                "Reaction, comment, share",
                "Networks show a post more widely the more conversation it starts, especially in its first hour.\n\n\
                 - **A reaction** (\"like\") is the smallest signal: kind, but it changes almost nothing.\n\
                 - **A comment** is worth the most: it shows the post to your connections and starts a conversation.\n\
                 - **A share with a sentence of your own** carries the post into your network. Without one it looks \
                 like a button pressed out of duty.\n\n\
                 If you have a minute, write a comment. If you have three, share with one sentence of your own.",
            ),
            (
                "A comment that adds something",
                "A good comment has at least one sentence of substance:\n\n\
                 - **add to it**: \"I worked on this project – the hardest part was…\";\n\
                 - **ask**: \"What does hiring for this team look like?\";\n\
                 - **tag someone it helps**: \"@Anna, this one is for you\".\n\n\
                 Avoid comments like \"Great!\" or emoji alone – algorithms and people treat them as noise. Do not \
                 comment on every company post on the same day with the same sentence; one thoughtful comment beats \
                 five automatic ones.",
            ),
        ],
        questions: &[
            (
                "Which reaction usually adds the most reach to a post?",
                "A like on its own\n*A comment with substance, best in the first hour\nSaving the post for later",
            ),
            (
                "Which comments add something? (pick every right answer)",
                "*A question about the project's details\n*Tagging someone the offer could help\n\"Great!\" under every company post",
            ),
            (
                "How do you share a company post?",
                "Without a comment, so as not to intrude\n*With one sentence of my own: why it is worth reading\nWith the same text as my colleagues",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Making a simple graphic",
        description: "A photo or graphic for a post in 15 minutes: formats, legibility and image rights.",
        lessons: &[
            (
                "Formats and sizes",
                "A post with an image catches the eye in a feed. The safest sizes:\n\n\
                 | Where | Ratio | Pixels |\n|---|---|---|\n\
                 | LinkedIn, Facebook (post) | 1.91:1 | 1200 × 627 |\n\
                 | Square (everywhere) | 1:1 | 1080 × 1080 |\n\
                 | Portrait (phones) | 4:5 | 1080 × 1350 |\n\n\
                 Save as **JPG** (photos) or **PNG** (graphics with text). Free tools: \
                 [Canva](https://www.canva.com/), [Photopea](https://www.photopea.com/) or your phone's editor.",
            ),
            (
                "Legibility and image rights",
                "- **Little text on the image**: 6–8 words at most, a large font, high contrast. Say the rest in the post.\n\
                 - **One point of focus**: a face, a product or a number – not everything at once.\n\
                 - **Company colours and logo** only from official material; ask the coordinator for the brand kit.\n\
                 - **Your own photos are best.** Pictures from the web only under a licence that allows it \
                 (e.g. [Unsplash](https://unsplash.com/license)); other companies' logos and photos – no.\n\
                 - **Alt text**: add a short description of the image for people using screen readers.",
            ),
        ],
        questions: &[
            (
                "Which size suits a graphic in a LinkedIn post?",
                "*1200 × 627 pixels\n300 × 300 pixels\n4000 × 500 pixels",
            ),
            (
                "How much text goes on the graphic?",
                "The whole job description, so nothing is lost\n*A few words at most, in a large font\nText does not matter",
            ),
            (
                "Which images may you use? (pick every right answer)",
                "*Your own photo from the office, with the consent of the people in it\n*A picture from a site whose licence allows the use\nAny picture from a search engine",
            ),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_courses_are_complete_and_their_questions_parse() {
        assert_eq!(DEMO_COURSES.len(), 6);
        for d in DEMO_COURSES {
            assert!((2..=3).contains(&d.lessons.len()), "{}", d.title);
            assert_eq!(d.questions.len(), 3, "{}", d.title);
            for (text, choices) in d.questions {
                assert!(training::parse_choices(choices).is_ok(), "{text}");
            }
            for (_, body) in d.lessons {
                let html = crate::markdown::render(body);
                assert!(!html.contains("<script"), "{}", d.title);
            }
        }
        assert_eq!(DEMO_COURSES.iter().filter(|d| d.language == "pl").count(), 3);
    }
}
