//! The library pages: list, write, edit, submit, approve, reject; and ambassadors'
//! suggestions, which enter as submitted.

use super::form::{self, FormTemplate, Intent};
use super::service::{self, Problems, RawContent};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::content::{self, Action, Status};
use ambasada_store::content::{ContentFilter, ContentItem, ContentSummary, Search, Transition};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    page: Option<String>,
    /// Words to find (title, hashtags, texts; Polish letters optional).
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "content/list.html")]
struct ListTemplate<'a> {
    p: &'a Ctx,
    items: Vec<ContentSummary>,
    total: i64,
    status: String,
    statuses: &'static [Status],
    page: i64,
    pages: i64,
    can_write: bool,
    q: String,
}

/// The library, for editors, coordinators and admins.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response> {
    if !service::uses_library(&user) {
        return Err(AppError::Forbidden);
    }
    let status = q.status.filter(|s| Status::parse(s).is_some());
    let page = crate::people::page_number(q.page.as_deref());
    let q_text: String = q.q.unwrap_or_default().trim().chars().take(200).collect();
    let (items, total) = state
        .store
        .list_content(&ContentFilter {
            status: status.clone(),
            author_id: None,
            search: Search::parse(&q_text),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
        })
        .await?;
    render(&ListTemplate {
        p: &ctx,
        items,
        total,
        status: status.unwrap_or_default(),
        statuses: &Status::ALL,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        can_write: true,
        q: q_text,
    })
}

async fn blank_form<'a>(state: &AppState, ctx: &'a Ctx, action: &str, heading: &str) -> Result<FormTemplate<'a>> {
    let teams = state.store.teams().await?;
    Ok(FormTemplate::blank(
        ctx,
        action.to_string(),
        ctx.t(heading),
        state.store.programs().await?,
        teams,
    ))
}

pub async fn new_page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    if !service::uses_library(&user) {
        return Err(AppError::Forbidden);
    }
    render(&blank_form(&state, &ctx, "/app/content/new", "content-new").await?)
}

/// Reads and checks the form; on problems answers the form again (422).
async fn checked(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    mp: Multipart,
    mut t: FormTemplate<'_>,
) -> Result<std::result::Result<(ambasada_store::content::ContentInput, Intent), Response>> {
    let (raw, intent) = match form::read(mp).await {
        Ok(r) => r,
        Err(key) => {
            t.form_error = Some(ctx.t(key));
            return Ok(Err(render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)?));
        }
    };
    let team_ids: Vec<i64> = t.teams.iter().map(|t| t.id).collect();
    match service::check_content(state, &raw, &user.time_zone, &t.programs, &team_ids, crate::now()).await? {
        Ok(input) => Ok(Ok((input, intent))),
        Err(problems) => Ok(Err(form_with_problems(ctx, t, &raw, &problems)?)),
    }
}

fn form_with_problems(ctx: &Ctx, t: FormTemplate<'_>, raw: &RawContent, problems: &Problems) -> Result<Response> {
    let mut t = t.filled_from_raw(raw);
    t.errors = problems.to_field_errors(&ctx.tr);
    t.errors.attach_again("image", raw.image.is_some(), &ctx.tr);
    t.form_error = Some(ctx.t("content-form-problems"));
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

/// Creates an item as a draft, or submitted when asked to send it for approval.
pub async fn create(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, mp: Multipart) -> Result<Response> {
    if !service::uses_library(&user) {
        return Err(AppError::Forbidden);
    }
    let t = blank_form(&state, &ctx, "/app/content/new", "content-new").await?;
    let (input, intent) = match checked(&state, &ctx, &user, mp, t).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let now = crate::now();
    let id = state
        .store
        .create_content(&input, user.id, Status::Draft.as_str(), now)
        .await?;
    if intent == Intent::Submit {
        state
            .store
            .transition_content(id, "draft", "submitted", Some(user.id), None, now)
            .await?;
    }
    let key = if intent == Intent::Submit {
        "flash-content-submitted"
    } else {
        "flash-content-saved"
    };
    Ok(redirect_flash(&format!("/app/content/{id}"), true, key, None))
}

pub async fn suggest_page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Ambassador)?;
    let mut t = blank_form(&state, &ctx, "/app/suggest", "content-suggest").await?;
    t.suggestion = true;
    render(&t)
}

/// An ambassador's own suggestion: enters the workflow as submitted, aimed at the
/// ambassador's programs.
pub async fn suggest(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, mp: Multipart) -> Result<Response> {
    user.require(Role::Ambassador)?;
    let mut t = blank_form(&state, &ctx, "/app/suggest", "content-suggest").await?;
    t.suggestion = true;
    let (mut input, _) = match checked(&state, &ctx, &user, mp, t).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    input.program_ids = state.store.programs_of(user.id).await?.iter().map(|p| p.id).collect();
    input.team_ids = Vec::new();
    let now = crate::now();
    let id = state
        .store
        .create_content(&input, user.id, Status::Draft.as_str(), now)
        .await?;
    state
        .store
        .transition_content(id, "draft", "submitted", Some(user.id), None, now)
        .await?;
    Ok(redirect_flash(
        &format!("/app/content/{id}"),
        true,
        "flash-suggestion-sent",
        None,
    ))
}

async fn item(state: &AppState, id: i64) -> Result<ContentItem> {
    state.store.content_item(id).await?.ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "content/show.html")]
struct ShowTemplate<'a> {
    p: &'a Ctx,
    item: ContentItem,
    status: Status,
    effective: Status,
    transitions: Vec<Transition>,
    program_names: Vec<String>,
    team_names: Vec<String>,
    can_edit: bool,
    can_submit: bool,
    can_review: bool,
    /// Live now, and the person may take it out before its time.
    can_withdraw: bool,
    reject_error: Option<String>,
    reject_reason: String,
    /// Clicks, unique visitors and conversions per network, over every ambassador.
    numbers: Vec<ambasada_store::tracking::LinkNumbers>,
}

impl ShowTemplate<'_> {
    fn hashtags(&self) -> String {
        content::format_hashtags(
            &self
                .item
                .hashtags
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>(),
        )
    }
}

async fn show_template<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    item: ContentItem,
) -> Result<ShowTemplate<'a>> {
    let status = service::status_of(&item);
    let powers = service::powers(state, user, &item).await?;
    let allowed =
        |action: Action| content::transition(status, action, service::actor(user, &item, action, powers)).is_ok();
    let can_edit = allowed(Action::Edit);
    let can_submit = allowed(Action::Submit);
    let can_review = powers.reviewer && allowed(Action::Approve);
    let effective = content::effective_status(status, item.starts_at, item.expires_at, crate::now());
    let can_withdraw = allowed(Action::Withdraw) && matches!(effective, Status::Approved | Status::Published);
    let programs = state.store.programs().await?;
    let teams = state.store.teams().await?;
    Ok(ShowTemplate {
        p: ctx,
        status,
        effective,
        transitions: state.store.transitions(item.id).await?,
        program_names: programs
            .iter()
            .filter(|p| item.program_ids.contains(&p.id))
            .map(|p| p.name.clone())
            .collect(),
        team_names: teams
            .iter()
            .filter(|t| item.team_ids.contains(&t.id))
            .map(|t| t.name.clone())
            .collect(),
        can_edit,
        can_submit,
        can_review,
        can_withdraw,
        reject_error: None,
        reject_reason: String::new(),
        numbers: state.store.link_numbers_by_network(item.id).await?,
        item,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let item = item(&state, id).await?;
    if service::can_see(&user, &item) {
        return render(&show_template(&state, &ctx, &user, item).await?);
    }
    if !service::recruiter_may_read(&state, &user, &item).await? {
        return Err(AppError::NotFound);
    }
    // A recruiter reads the post: not its editorial history nor everyone's numbers.
    let mut t = show_template(&state, &ctx, &user, item).await?;
    t.transitions.clear();
    t.numbers.clear();
    render(&t)
}

async fn edit_form<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    user: &CurrentUser,
    item: &ContentItem,
) -> Result<FormTemplate<'a>> {
    let mut t = blank_form(state, ctx, &format!("/app/content/{}/edit", item.id), "content-edit").await?;
    t.suggestion = !service::uses_library(user);
    Ok(t.filled_from_item(item, &user.time_zone))
}

fn check_allowed(user: &CurrentUser, item: &ContentItem, action: Action, powers: service::Powers) -> Result<Status> {
    let from = service::status_of(item);
    content::transition(from, action, service::actor(user, item, action, powers))
        .map_err(|e| AppError::BadRequest(e.key()))
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let item = item(&state, id).await?;
    if !service::can_see(&user, &item) {
        return Err(AppError::NotFound);
    }
    let powers = service::powers(&state, &user, &item).await?;
    if let Err(AppError::BadRequest(key)) = check_allowed(&user, &item, Action::Edit, powers) {
        return Ok(redirect_flash(&format!("/app/content/{id}"), false, key, None));
    }
    render(&edit_form(&state, &ctx, &user, &item).await?)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    mp: Multipart,
) -> Result<Response> {
    let item = item(&state, id).await?;
    if !service::can_see(&user, &item) {
        return Err(AppError::NotFound);
    }
    let powers = service::powers(&state, &user, &item).await?;
    let to = match check_allowed(&user, &item, Action::Edit, powers) {
        Ok(to) => to,
        Err(AppError::BadRequest(key)) => return Ok(redirect_flash(&format!("/app/content/{id}"), false, key, None)),
        Err(e) => return Err(e),
    };
    let t = edit_form(&state, &ctx, &user, &item).await?;
    let (mut input, intent) = match checked(&state, &ctx, &user, mp, t).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    if !service::uses_library(&user) {
        // A suggestion keeps its author's programs.
        input.program_ids = item.program_ids.clone();
        input.team_ids = item.team_ids.clone();
    }
    let now = crate::now();
    match state
        .store
        .update_content(id, &input, &item.status, to.as_str(), user.id, now)
        .await
    {
        Ok(()) => {}
        Err(ambasada_store::StoreError::NotFound) => {
            return Ok(redirect_flash(
                &format!("/app/content/{id}"),
                false,
                "error-content-changed",
                None,
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let submit = intent == Intent::Submit || !service::uses_library(&user);
    if submit {
        state
            .store
            .transition_content(id, to.as_str(), "submitted", Some(user.id), None, now)
            .await?;
    }
    let key = if submit {
        "flash-content-submitted"
    } else {
        "flash-content-saved"
    };
    Ok(redirect_flash(&format!("/app/content/{id}"), true, key, None))
}

async fn step(state: &AppState, user: &CurrentUser, id: i64, action: Action, note: Option<&str>) -> Result<Response> {
    let item = item(state, id).await?;
    if !service::can_see(user, &item) {
        return Err(AppError::NotFound);
    }
    let powers = service::powers(state, user, &item).await?;
    let to = match check_allowed(user, &item, action, powers) {
        Ok(to) => to,
        Err(AppError::BadRequest(key)) => return Ok(redirect_flash(&format!("/app/content/{id}"), false, key, None)),
        Err(e) => return Err(e),
    };
    if !state
        .store
        .transition_content(id, &item.status, to.as_str(), Some(user.id), note, crate::now())
        .await?
    {
        return Ok(redirect_flash(
            &format!("/app/content/{id}"),
            false,
            "error-content-changed",
            None,
        ));
    }
    if matches!(action, Action::Approve | Action::Reject) {
        crate::notifications::content_reviewed(state, &item, user.id, note).await;
    }
    if action == Action::Approve {
        crate::rewards::awarding::content_approved(state, &item).await;
    }
    if action == Action::Withdraw {
        crate::webhooks::events::content_expired(state, id, crate::now()).await;
    }
    let key = match action {
        Action::Submit => "flash-content-submitted",
        Action::Approve => "flash-content-approved",
        Action::Withdraw => "flash-content-withdrawn",
        _ => "flash-content-rejected",
    };
    Ok(redirect_flash(&format!("/app/content/{id}"), true, key, None))
}

pub async fn submit(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    step(&state, &user, id, Action::Submit, None).await
}

pub async fn approve(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    step(&state, &user, id, Action::Approve, None).await
}

/// Takes a live item out at once: its links stop redirecting (the store moves the links
/// generation in the same step).
pub async fn withdraw(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    step(&state, &user, id, Action::Withdraw, None).await
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

/// Rejecting needs a reason: the author sees it. Who may reject is checked first.
pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<RejectForm>,
) -> Result<Response> {
    let item = item(&state, id).await?;
    if !service::can_see(&user, &item) {
        return Err(AppError::NotFound);
    }
    let powers = service::powers(&state, &user, &item).await?;
    if let Err(AppError::BadRequest(key)) = check_allowed(&user, &item, Action::Reject, powers) {
        return Ok(redirect_flash(&format!("/app/content/{id}"), false, key, None));
    }
    let reason = f.reason.trim();
    if let Some(key) = service::reject_reason_problem(reason) {
        let mut t = show_template(&state, &ctx, &user, item).await?;
        t.reject_error = Some(ctx.t(key));
        t.reject_reason = f.reason.clone();
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
    }
    step(&state, &user, id, Action::Reject, Some(reason)).await
}
