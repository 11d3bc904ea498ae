//! Admin pages for people: list and search, invite, edit roles and teams, deactivate,
//! and the audit log.

use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use crate::{AppState, mail};
use ambasada_core::{Email, Locale, PersonName, Role};
use ambasada_store::StoreError;
use ambasada_store::audit::AuditEntry;
use ambasada_store::people::{NewUser, TeamSummary, User, UserFilter};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;

/// People shown per page of the list.
const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    role: Option<String>,
    team: Option<String>,
    status: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "people/admin/users.html")]
struct UsersTemplate<'a> {
    p: &'a Ctx,
    users: Vec<User>,
    total: i64,
    page: i64,
    pages: i64,
    q: String,
    role: String,
    team: String,
    status: String,
    teams: Vec<TeamSummary>,
    roles: &'static [Role],
    query_base: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let page = super::page_number(q.page.as_deref());
    let role = q.role.as_deref().and_then(Role::parse);
    let team_id = q.team.as_deref().and_then(|t| t.parse::<i64>().ok());
    let active = match q.status.as_deref() {
        Some("active") => Some(true),
        Some("deactivated") => Some(false),
        _ => None,
    };
    let search =
        q.q.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
    let filter = UserFilter {
        q: search.clone(),
        role,
        team_id,
        active,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let (users, total) = state.store.list_users(&filter).await?;
    let query_base: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("q", search.as_deref().unwrap_or(""))
        .append_pair("role", role.map(|r| r.as_str()).unwrap_or(""))
        .append_pair("team", &team_id.map(|t| t.to_string()).unwrap_or_default())
        .append_pair("status", q.status.as_deref().unwrap_or(""))
        .finish();
    render(&UsersTemplate {
        p: &ctx,
        users,
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        q: search.unwrap_or_default(),
        role: role.map(|r| r.as_str().to_string()).unwrap_or_default(),
        team: team_id.map(|t| t.to_string()).unwrap_or_default(),
        status: q.status.unwrap_or_default(),
        teams: state.store.teams().await?,
        roles: &Role::ALL,
        query_base,
    })
}

/// The person form, shared by invite and edit.
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    role: Vec<String>,
    #[serde(default)]
    team: Vec<String>,
}

impl PersonForm {
    fn has_role(&self, r: &Role) -> bool {
        self.role.iter().any(|x| x == r.as_str())
    }
    fn has_team(&self, id: &i64) -> bool {
        self.team.iter().any(|x| x == &id.to_string())
    }
}

#[derive(Template)]
#[template(path = "people/admin/person.html")]
struct PersonTemplate<'a> {
    p: &'a Ctx,
    /// `None` when inviting, the person when editing.
    person: Option<User>,
    form: PersonForm,
    errors: FieldErrors,
    teams: Vec<TeamSummary>,
    roles: &'static [Role],
}

impl PersonTemplate<'_> {
    /// Whether the person's data was erased: the page shows no form that could put data
    /// back into the shell.
    fn erased(&self) -> bool {
        self.person.as_ref().is_some_and(|u| u.erased_at.is_some())
    }
    /// Whether the page is the viewer's own (nobody erases their own account).
    fn is_me(&self, id: &i64) -> bool {
        self.p.user.as_ref().is_some_and(|u| u.id == *id)
    }
}

struct Parsed {
    first: PersonName,
    last: PersonName,
    locale: Locale,
    roles: Vec<Role>,
    team_ids: Vec<i64>,
}

fn parse_person(ctx: &Ctx, form: &PersonForm, teams: &[TeamSummary], errors: &mut FieldErrors) -> Option<Parsed> {
    let first = PersonName::parse(&form.first_name).map_err(|e| errors.add("first_name", ctx.t(e.key())));
    let last = PersonName::parse(&form.last_name).map_err(|e| errors.add("last_name", ctx.t(e.key())));
    let locale = Locale::parse(&form.locale).map_err(|e| errors.add("locale", ctx.t(e.key())));
    let mut roles = Vec::new();
    for r in &form.role {
        match Role::parse(r) {
            Some(r) if !roles.contains(&r) => roles.push(r),
            Some(_) => {}
            None => errors.add("role", ctx.t("error-role")),
        }
    }
    let mut team_ids = Vec::new();
    for t in &form.team {
        match t.parse::<i64>().ok().filter(|id| teams.iter().any(|x| x.id == *id)) {
            Some(id) if !team_ids.contains(&id) => team_ids.push(id),
            Some(_) => {}
            None => errors.add("team", ctx.t("error-team")),
        }
    }
    Some(Parsed {
        first: first.ok()?,
        last: last.ok()?,
        locale: locale.ok()?,
        roles,
        team_ids,
    })
    .filter(|_| errors.is_empty())
}

pub async fn invite_page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    let form = PersonForm {
        locale: "pl".into(),
        role: vec!["ambassador".into()],
        ..Default::default()
    };
    render(&PersonTemplate {
        p: &ctx,
        person: None,
        form,
        errors: FieldErrors::default(),
        teams: state.store.teams().await?,
        roles: &Role::ALL,
    })
}

/// Creates the person and queues an invitation with a one-time link valid 7 days.
pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Form(form): Form<PersonForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let teams = state.store.teams().await?;
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email).map_err(|e| errors.add("email", ctx.t(e.key())));
    let parsed = parse_person(&ctx, &form, &teams, &mut errors);
    if let (Ok(email), Some(p)) = (email, parsed) {
        let now = crate::now();
        let new = NewUser {
            email: email.clone(),
            first_name: p.first.as_str().to_string(),
            last_name: p.last.as_str().to_string(),
            locale: p.locale,
            time_zone: "Europe/Warsaw".into(),
            password_hash: None,
            roles: p.roles,
            team_ids: p.team_ids,
        };
        match state.store.create_user(&new, now).await {
            Ok(id) => {
                crate::webhooks::events::person_created(&state, id, &new.roles, now).await;
                send_invitation(&state, &user, id, &email, p.locale, p.first.as_str()).await?;
                state
                    .store
                    .audit(Some(user.id), "user.invite", email.as_str(), now)
                    .await?;
                return Ok(redirect_flash(
                    "/app/admin/users",
                    true,
                    "flash-invited",
                    Some(email.as_str()),
                ));
            }
            Err(StoreError::Conflict(_)) => errors.add("email", ctx.t("error-email-taken")),
            Err(e) => return Err(e.into()),
        }
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &PersonTemplate {
            p: &ctx,
            person: None,
            form,
            errors,
            teams,
            roles: &Role::ALL,
        },
    )
}

async fn send_invitation(
    state: &AppState,
    inviter: &User,
    id: i64,
    email: &Email,
    locale: Locale,
    first_name: &str,
) -> Result<()> {
    mail::invite(state, id, email.as_str(), locale, first_name, &inviter.name()).await?;
    Ok(())
}

async fn person(state: &AppState, id: i64) -> Result<User> {
    state.store.user(id).await?.ok_or(AppError::NotFound)
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let person = person(&state, id).await?;
    let form = PersonForm {
        email: person.email.clone(),
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        locale: person.locale.as_str().into(),
        role: person.roles.iter().map(|r| r.as_str().to_string()).collect(),
        team: person.teams.iter().map(|t| t.id.to_string()).collect(),
    };
    render(&PersonTemplate {
        p: &ctx,
        person: Some(person),
        form,
        errors: FieldErrors::default(),
        teams: state.store.teams().await?,
        roles: &Role::ALL,
    })
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> Result<Response> {
    user.require(Role::Admin)?;
    let target = person(&state, id).await?;
    if let Some(refused) = refuse_erased(&target) {
        return Ok(refused);
    }
    let teams = state.store.teams().await?;
    let mut errors = FieldErrors::default();
    let parsed = parse_person(&ctx, &form, &teams, &mut errors);
    // The last active admin cannot take the admin role from themselves or anyone.
    if let Some(p) = &parsed
        && target.has_role(Role::Admin)
        && !p.roles.contains(&Role::Admin)
        && target.is_active()
        && state.store.count_active_with_role(Role::Admin).await? <= 1
    {
        errors.add("role", ctx.t("error-last-admin"));
    }
    match parsed.filter(|_| errors.is_empty()) {
        Some(p) => {
            let now = crate::now();
            state
                .store
                .update_profile(id, p.first.as_str(), p.last.as_str(), p.locale, &target.time_zone, now)
                .await?;
            state.store.set_roles_and_teams(id, &p.roles, &p.team_ids, now).await?;
            state
                .store
                .audit(Some(user.id), "user.edit", &target.email, now)
                .await?;
            Ok(redirect_flash(
                &format!("/app/admin/users/{id}"),
                true,
                "flash-saved",
                None,
            ))
        }
        None => {
            let form = PersonForm {
                email: target.email.clone(),
                ..form
            };
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &PersonTemplate {
                    p: &ctx,
                    person: Some(target),
                    form,
                    errors,
                    teams,
                    roles: &Role::ALL,
                },
            )
        }
    }
}

/// An erased account stays a shell: nobody's data goes back into it, and it does not
/// come back to life. The answer refusing a change to one.
fn refuse_erased(target: &User) -> Option<Response> {
    let to = format!("/app/admin/users/{}", target.id);
    target
        .erased_at
        .map(|_| redirect_flash(&to, false, "error-erased-already", None))
}

/// Deactivation ends the person's sessions at once; their history stays.
pub async fn deactivate(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let target = person(&state, id).await?;
    let to = format!("/app/admin/users/{id}");
    if target.id == user.id {
        return Ok(redirect_flash(&to, false, "error-deactivate-self", None));
    }
    let now = crate::now();
    let changed = state.store.deactivate_user(id, now).await?;
    state
        .store
        .audit(Some(user.id), "user.deactivate", &target.email, now)
        .await?;
    if changed {
        crate::webhooks::events::person_deactivated(&state, id, now).await;
    }
    Ok(redirect_flash(&to, true, "flash-deactivated", Some(&target.name())))
}

pub async fn reactivate(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let target = person(&state, id).await?;
    if let Some(refused) = refuse_erased(&target) {
        return Ok(refused);
    }
    let now = crate::now();
    state.store.reactivate_user(id, now).await?;
    state
        .store
        .audit(Some(user.id), "user.reactivate", &target.email, now)
        .await?;
    Ok(redirect_flash(
        &format!("/app/admin/users/{id}"),
        true,
        "flash-reactivated",
        Some(&target.name()),
    ))
}

/// Sends a fresh invitation to someone who has not set a password yet.
pub async fn reinvite(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    user.require(Role::Admin)?;
    let target = person(&state, id).await?;
    let to = format!("/app/admin/users/{id}");
    if target.has_password || !target.is_active() {
        return Ok(redirect_flash(&to, false, "error-reinvite", None));
    }
    let email = Email::parse(&target.email).map_err(|_| AppError::BadRequest("error-email"))?;
    send_invitation(&state, &user, id, &email, target.locale, &target.first_name).await?;
    state
        .store
        .audit(
            Some(user.id),
            if target.invited { "user.reinvite" } else { "user.invite" },
            &target.email,
            crate::now(),
        )
        .await?;
    Ok(redirect_flash(&to, true, "flash-invited", Some(&target.email)))
}

#[derive(Template)]
#[template(path = "people/admin/audit.html")]
struct AuditTemplate<'a> {
    p: &'a Ctx,
    entries: Vec<AuditEntry>,
}

pub async fn audit(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    render(&AuditTemplate {
        p: &ctx,
        entries: state.store.audit_recent(200).await?,
    })
}
