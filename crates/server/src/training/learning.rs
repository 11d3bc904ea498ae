//! Learning: the catalog of courses, a course's page, its lessons and its quiz, graded by
//! `core::training::grade`, retried until passed.

use super::{may_manage_courses, standing_class, standing_key, visible_course};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render};
use ambasada_store::training::Course;

use ambasada_core::training::{self, Progress, Question};
use ambasada_store::training::{Lesson, NewAttempt, QuizQuestion};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;

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
        // Finished by this lesson (the quiz, if any, passed before): the course's points, once.
        crate::rewards::awarding::course_finished(&state, user.id, id).await;
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
    // Points once the course is complete: every lesson read and the quiz passed.
    if cp.progress().is_complete() {
        crate::rewards::awarding::course_finished(&state, user.id, id).await;
    }
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
