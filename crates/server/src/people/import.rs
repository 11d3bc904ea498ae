//! Employee import (an HRIS export as CSV): upload, dry run, confirmation. The same
//! [`import_employees`] serves the admin page and `ambasada import employees`.

use crate::auth::{self, CurrentUser};
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, redirect_flash, render, render_status};
use crate::{AppState, mail};
use ambasada_core::Role;
use ambasada_core::people::import::{self, Action, Column, EmployeeRow, Problem, RowError};
use ambasada_store::people::import::ImportOutcome;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// The largest file accepted: far more than 10,000 rows.
pub const MAX_FILE: usize = 10 * 1024 * 1024;
/// Rows listed per group in the dry run (the counts are always whole).
const SHOWN: usize = 200;

/// A row error in words: line, column and message.
pub struct ErrorLine {
    pub line: u64,
    pub column: &'static str,
    pub message: String,
}

/// Says a row error in the given language.
pub fn describe(tr: &Tr, e: &RowError) -> ErrorLine {
    let message = match &e.problem {
        Problem::Invalid(i) => tr.t(i.key()),
        Problem::UnknownRole(r) => tr.a1("import-error-role", "role", r),
        Problem::DuplicateEmail { first_line } => tr.a1("import-error-duplicate", "line", &first_line.to_string()),
        Problem::MissingColumn => tr.t("import-error-missing-column"),
        Problem::Malformed => tr.t("import-error-malformed"),
        Problem::Empty => tr.t("import-error-empty"),
    };
    ErrorLine {
        line: e.line,
        column: e.column.map(Column::as_str).unwrap_or("-"),
        message,
    }
}

/// The result of checking a file against the store.
pub enum Checked {
    Invalid(Vec<RowError>),
    Planned(Vec<EmployeeRow>, Vec<Action>),
}

/// Parses a file and plans it against the people already stored.
pub async fn check(state: &AppState, data: &[u8]) -> anyhow::Result<Checked> {
    match import::parse_employees(data) {
        Err(errors) => Ok(Checked::Invalid(errors)),
        Ok(rows) => {
            let known = state.store.known_people().await?;
            let plan = import::plan(&rows, &known);
            Ok(Checked::Planned(rows, plan))
        }
    }
}

/// Imports a file: all rows or, if any is invalid, none (the errors are returned).
/// With `invite_new`, every added person gets an invitation email.
pub async fn import_employees(
    state: &AppState,
    data: &[u8],
    invite_new: bool,
    inviter: &str,
) -> anyhow::Result<std::result::Result<ImportOutcome, Vec<RowError>>> {
    let (rows, plan) = match check(state, data).await? {
        Checked::Invalid(errors) => return Ok(Err(errors)),
        Checked::Planned(rows, plan) => (rows, plan),
    };
    let now = crate::now();
    let outcome = state.store.apply_import(&rows, &plan, now).await?;
    let added_rows = rows.iter().zip(&plan).filter(|(_, a)| **a == Action::Add);
    for ((row, _), id) in added_rows.zip(&outcome.added) {
        let roles: Vec<ambasada_core::Role> = row.roles.iter().copied().collect();
        crate::webhooks::events::person_created(state, *id, &roles, now).await;
    }
    if invite_new {
        let added: Vec<&EmployeeRow> = rows
            .iter()
            .zip(&plan)
            .filter(|(_, a)| **a == Action::Add)
            .map(|(r, _)| r)
            .collect();
        for (row, id) in added.into_iter().zip(&outcome.added) {
            mail::invite(
                state,
                *id,
                row.email.as_str(),
                row.locale,
                row.first_name.as_str(),
                inviter,
            )
            .await?;
        }
    }
    Ok(Ok(outcome))
}

/// One row of the dry run.
pub struct PlanLine {
    pub line: u64,
    pub email: String,
    pub name: String,
    pub team: String,
    pub changes: String,
}

#[derive(Template)]
#[template(path = "people/admin/import.html")]
struct ImportTemplate<'a> {
    p: &'a Ctx,
    file_name: String,
    errors: Vec<ErrorLine>,
    error_count: i64,
    upload_error: Option<String>,
    /// The waiting file's id and the token that confirms it.
    pending: Option<(i64, String)>,
    added: Vec<PlanLine>,
    changed: Vec<PlanLine>,
    added_count: i64,
    changed_count: i64,
    unchanged_count: i64,
    /// Teams the file names that do not exist yet: the import creates them.
    new_teams: Vec<String>,
}

impl<'a> ImportTemplate<'a> {
    fn empty(p: &'a Ctx) -> Self {
        ImportTemplate {
            p,
            file_name: String::new(),
            errors: Vec::new(),
            error_count: 0,
            upload_error: None,
            pending: None,
            added: Vec::new(),
            changed: Vec::new(),
            added_count: 0,
            changed_count: 0,
            unchanged_count: 0,
            new_teams: Vec::new(),
        }
    }
}

pub async fn page(ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    render(&ImportTemplate::empty(&ctx))
}

fn column_label(tr: &Tr, c: &Column) -> String {
    tr.t(&format!("import-column-{}", c.as_str().replace('_', "-")))
}

/// The uploaded file's name and bytes, or the page telling what went wrong.
async fn read_upload(ctx: &Ctx, multipart: &mut Multipart) -> Result<std::result::Result<(String, Vec<u8>), Response>> {
    let refuse = |status: StatusCode, key: &str| -> Result<std::result::Result<(String, Vec<u8>), Response>> {
        let t = ImportTemplate {
            upload_error: Some(ctx.t(key)),
            ..ImportTemplate::empty(ctx)
        };
        Ok(Err(render_status(status, &t)?))
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return refuse(StatusCode::BAD_REQUEST, "import-error-upload"),
        };
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("employees.csv").chars().take(200).collect();
            match field.bytes().await {
                Ok(b) => file = Some((name, b.to_vec())),
                Err(_) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, "import-error-too-large"),
            }
        }
    }
    match file.filter(|(_, d)| !d.is_empty()) {
        Some(file) => Ok(Ok(file)),
        None => refuse(StatusCode::UNPROCESSABLE_ENTITY, "import-error-no-file"),
    }
}

/// Fills the dry run's lists and counts from the plan (the first [`SHOWN`] of each list).
fn show_plan(t: &mut ImportTemplate<'_>, tr: &Tr, rows: &[EmployeeRow], plan: &[Action]) {
    for (row, action) in rows.iter().zip(plan) {
        let line = |changes: String| PlanLine {
            line: row.line,
            email: row.email.to_string(),
            name: format!("{} {}", row.first_name.as_str(), row.last_name.as_str()),
            team: row.team.clone().unwrap_or_default(),
            changes,
        };
        match action {
            Action::Add => {
                t.added_count += 1;
                if t.added.len() < SHOWN {
                    t.added.push(line(String::new()));
                }
            }
            Action::Change { fields, .. } => {
                t.changed_count += 1;
                if t.changed.len() < SHOWN {
                    let what = fields
                        .iter()
                        .map(|c| column_label(tr, c))
                        .collect::<Vec<_>>()
                        .join(", ");
                    t.changed.push(line(what));
                }
            }
            Action::Unchanged { .. } => t.unchanged_count += 1,
        }
    }
}

/// Receives the file and shows the dry run (or every bad row).
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    mut multipart: Multipart,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let (file_name, data) = match read_upload(&ctx, &mut multipart).await? {
        Ok(file) => file,
        Err(page) => return Ok(page),
    };
    match check(&state, &data).await? {
        Checked::Invalid(errors) => {
            let t = ImportTemplate {
                file_name,
                error_count: errors.len() as i64,
                errors: errors.iter().take(500).map(|e| describe(&ctx.tr, e)).collect(),
                ..ImportTemplate::empty(&ctx)
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
        Checked::Planned(rows, plan) => {
            // Valid UTF-8 here: parsing succeeded.
            let content = String::from_utf8_lossy(&data).into_owned();
            let token = auth::new_token();
            let id = state
                .store
                .save_pending_import(user.id, &file_name, &content, &token, crate::now())
                .await?;
            let mut t = ImportTemplate {
                file_name,
                pending: Some((id, token)),
                ..ImportTemplate::empty(&ctx)
            };
            show_plan(&mut t, &ctx.tr, &rows, &plan);
            // Compared lowercased in Rust, as the import itself does.
            let known: std::collections::HashSet<String> = state
                .store
                .teams()
                .await?
                .into_iter()
                .map(|t| t.name.to_lowercase())
                .collect();
            t.new_teams = ambasada_core::people::import::team_names(&rows)
                .into_iter()
                .filter(|n| !known.contains(&n.to_lowercase()))
                .collect();
            render(&t)
        }
    }
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    invite: Option<String>,
    /// The token of the dry run this form came with.
    #[serde(default)]
    token: String,
}

/// Imports the file of a dry run.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let (file_name, content) = state
        .store
        .pending_import(id, user.id, &form.token)
        .await?
        .ok_or(AppError::NotFound)?;
    match import_employees(&state, content.as_bytes(), form.invite.is_some(), &user.name()).await? {
        Ok(outcome) => {
            state.store.delete_pending_import(id).await?;
            let summary = ctx.tr.a(
                "import-done",
                &[
                    ("added", &outcome.added.len().to_string()),
                    ("changed", &outcome.changed.to_string()),
                    ("unchanged", &outcome.unchanged.to_string()),
                ],
            );
            state
                .store
                .audit(
                    Some(user.id),
                    "import.employees",
                    &format!("{file_name}: {summary}"),
                    crate::now(),
                )
                .await?;
            Ok(redirect_flash(
                "/app/admin/users",
                true,
                "flash-imported",
                Some(&summary),
            ))
        }
        Err(errors) => {
            // The data changed between the dry run and the confirmation.
            let t = ImportTemplate {
                file_name,
                error_count: errors.len() as i64,
                errors: errors.iter().take(500).map(|e| describe(&ctx.tr, e)).collect(),
                ..ImportTemplate::empty(&ctx)
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
