//! Ambassador selection (C3): employees apply to a program through a short
//! questionnaire; the coordinator sees candidates ranked by a transparent score (what
//! contributed is shown) and accepts, declines (with a message, sent by email) or
//! waitlists; a program may set a capacity. Ambassadors may leave at any time.

use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use crate::{AppState, mail};
use ambasada_core::Network;
use ambasada_core::programs::selection::{self, Decision, PostingFrequency, Questionnaire};
use ambasada_store::programs::Program;
use ambasada_store::programs::selection::{Decided, NewProgramApplication, ProgramApplication};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/app/join", get(programs))
        .route("/app/join/{id}", get(form).post(apply))
        .route("/app/join/{id}/withdraw", post(withdraw))
        .route("/app/join/{id}/leave", post(leave))
        .route("/app/programs/{id}/candidates", get(candidates))
        .route("/app/programs/{id}/candidates/{app}", post(decide))
        .route("/app/programs/{id}/capacity", post(capacity))
}

/// A program on the joining page, with where the person stands.
pub struct JoinRow {
    pub program: Program,
    /// member, pending, waitlisted, declined, or empty.
    pub status: String,
}

#[derive(Template)]
#[template(path = "programs/selection/programs.html")]
struct ProgramsTemplate<'a> {
    p: &'a Ctx,
    rows: Vec<JoinRow>,
}

pub async fn programs(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    let mine: Vec<i64> = state.store.programs_of(user.id).await?.iter().map(|p| p.id).collect();
    let mut rows = Vec::new();
    for program in state.store.programs().await? {
        let status = if mine.contains(&program.id) {
            "member".to_string()
        } else {
            match state.store.latest_application(program.id, user.id).await? {
                Some(a) if matches!(a.status.as_str(), "pending" | "waitlisted" | "declined") => a.status,
                _ => String::new(),
            }
        };
        rows.push(JoinRow { program, status });
    }
    render(&ProgramsTemplate { p: &ctx, rows })
}

#[derive(Deserialize, Default, Clone)]
pub struct ApplyForm {
    #[serde(default)]
    pub network: Vec<String>,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub size_linkedin: String,
    #[serde(default)]
    pub size_x: String,
    #[serde(default)]
    pub size_facebook: String,
    #[serde(default)]
    pub size_xing: String,
    #[serde(default)]
    pub topics: String,
    #[serde(default)]
    pub motivation: String,
    #[serde(default)]
    pub consent: Option<String>,
}

impl ApplyForm {
    fn size(&self, n: Network) -> &str {
        match n {
            Network::Linkedin => &self.size_linkedin,
            Network::X => &self.size_x,
            Network::Facebook => &self.size_facebook,
            Network::Xing => &self.size_xing,
        }
    }
    fn uses(&self, n: &Network) -> bool {
        self.network.iter().any(|x| x == n.as_str())
    }
}

#[derive(Template)]
#[template(path = "programs/selection/form.html")]
struct FormTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    form: ApplyForm,
    errors: FieldErrors,
    networks: &'static [Network],
    frequencies: &'static [PostingFrequency],
}

impl FormTemplate<'_> {
    fn size_of(&self, n: &Network) -> &str {
        self.form.size(*n)
    }
}

async fn program(state: &AppState, id: i64) -> Result<Program> {
    state.store.program(id).await?.ok_or(AppError::NotFound)
}

pub async fn form(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = program(&state, id).await?;
    // The sizes the person declared on their profile start the form.
    let mut form = ApplyForm::default();
    for n in state.store.networks(user.id).await? {
        let size = n.network_size.map(|s| s.to_string()).unwrap_or_default();
        match n.network {
            Network::Linkedin => form.size_linkedin = size,
            Network::X => form.size_x = size,
            Network::Facebook => form.size_facebook = size,
            Network::Xing => form.size_xing = size,
        }
        form.network.push(n.network.as_str().to_string());
    }
    render(&FormTemplate {
        p: &ctx,
        program,
        form,
        errors: FieldErrors::default(),
        networks: &Network::ALL,
        frequencies: &PostingFrequency::ALL,
    })
}

/// Checks the questionnaire; every problem goes on its field.
fn check_questionnaire(ctx: &Ctx, f: &ApplyForm) -> std::result::Result<Questionnaire, FieldErrors> {
    let mut errors = FieldErrors::default();
    let networks: Vec<Network> = f.network.iter().filter_map(|n| Network::parse(n)).collect();
    if networks.is_empty() {
        errors.add("network", ctx.t("error-networks"));
    }
    let frequency = PostingFrequency::parse(&f.frequency);
    if frequency.is_none() {
        errors.add("frequency", ctx.t("error-frequency"));
    }
    let mut sizes = Vec::new();
    for n in Network::ALL {
        let raw = f.size(n).trim().replace([' ', '\u{a0}', '.'], "");
        if raw.is_empty() {
            continue;
        }
        match raw.parse::<i64>() {
            Ok(v) if (0..=100_000_000).contains(&v) => sizes.push((n, v)),
            _ => errors.add(size_field(n), ctx.t("error-network-size")),
        }
    }
    let motivation = f.motivation.trim();
    if motivation.chars().count() < selection::MIN_MOTIVATION_CHARS {
        errors.add("motivation", ctx.t("error-motivation"));
    } else if motivation.chars().count() > 1000 {
        errors.add("motivation", ctx.t("error-too-long"));
    } else if let Err(e) = ambasada_core::text::check_lines(motivation) {
        errors.add("motivation", ctx.t(e.key()));
    }
    if f.consent.is_none() {
        errors.add("consent", ctx.t("error-program-rules"));
    }
    match frequency.filter(|_| errors.is_empty()) {
        Some(frequency) => Ok(Questionnaire {
            networks,
            frequency,
            network_sizes: sizes,
            topics: selection::parse_topics(&f.topics),
            motivation: motivation.to_string(),
        }),
        None => Err(errors),
    }
}

/// The application as the store keeps it, with its score.
fn new_application(program_id: i64, user_id: i64, q: &Questionnaire) -> NewProgramApplication {
    NewProgramApplication {
        program_id,
        user_id,
        networks: q.networks.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(","),
        frequency: q.frequency.as_str().into(),
        network_sizes: q
            .network_sizes
            .iter()
            .map(|(n, s)| format!("{}:{s}", n.as_str()))
            .collect::<Vec<_>>()
            .join(","),
        topics: q.topics.join(","),
        motivation: q.motivation.clone(),
        score: selection::score(q).total,
    }
}

pub async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ApplyForm>,
) -> Result<Response> {
    let program = program(&state, id).await?;
    if state.store.programs_of(user.id).await?.iter().any(|p| p.id == id) {
        return Ok(redirect_flash("/app/join", false, "error-already-member", None));
    }
    if state
        .store
        .latest_application(id, user.id)
        .await?
        .is_some_and(|a| matches!(a.status.as_str(), "pending" | "waitlisted"))
    {
        return Ok(redirect_flash("/app/join", false, "error-already-applied", None));
    }
    let q = match check_questionnaire(&ctx, &f) {
        Ok(q) => q,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormTemplate {
                    p: &ctx,
                    program,
                    form: f,
                    errors,
                    networks: &Network::ALL,
                    frequencies: &PostingFrequency::ALL,
                },
            );
        }
    };
    let applied = state
        .store
        .apply_to_program(&new_application(id, user.id, &q), crate::now())
        .await;
    match applied {
        Ok(app_id) => crate::notifications::program_candidate(&state, &program, app_id, &user.name()).await,
        // The form sent twice at once: the first one counts.
        Err(ambasada_store::StoreError::Conflict(_)) => {
            return Ok(redirect_flash("/app/join", false, "error-already-applied", None));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_flash(
        "/app/join",
        true,
        "flash-applied-program",
        Some(&program.name),
    ))
}

fn size_field(n: Network) -> &'static str {
    match n {
        Network::Linkedin => "size_linkedin",
        Network::X => "size_x",
        Network::Facebook => "size_facebook",
        Network::Xing => "size_xing",
    }
}

pub async fn withdraw(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    program(&state, id).await?;
    state.store.withdraw_application(id, user.id).await?;
    Ok(redirect_flash("/app/join", true, "flash-withdrawn", None))
}

/// Leaving is always possible; the person's history stays.
pub async fn leave(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = program(&state, id).await?;
    let now = crate::now();
    if !state.store.remove_member(id, user.id, now).await? {
        return Err(AppError::NotFound);
    }
    state
        .store
        .audit(Some(user.id), "program.leave", &program.name, now)
        .await?;
    Ok(redirect_flash(
        "/app/join",
        true,
        "flash-left-program",
        Some(&program.name),
    ))
}

/// The questionnaire read back from storage, for the score's breakdown.
fn questionnaire(a: &ProgramApplication) -> Questionnaire {
    Questionnaire {
        networks: a.networks.split(',').filter_map(Network::parse).collect(),
        frequency: PostingFrequency::parse(&a.frequency).unwrap_or(PostingFrequency::Never),
        network_sizes: a
            .network_sizes
            .split(',')
            .filter_map(|p| {
                let (n, s) = p.split_once(':')?;
                Some((Network::parse(n)?, s.parse().ok()?))
            })
            .collect(),
        topics: a
            .topics
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        motivation: a.motivation.clone(),
    }
}

/// A candidate with the score's parts.
pub struct CandidateRow {
    pub a: ProgramApplication,
    pub total: i64,
    pub max: i64,
    /// (catalog key, points, max) of each part.
    pub parts: Vec<(String, i64, i64)>,
}

impl CandidateRow {
    /// The topics as written, one comma and a space between them (stored as
    /// `rekrutacja,kultura pracy`).
    pub fn topics(&self) -> String {
        self.a
            .topics
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Template)]
#[template(path = "programs/selection/candidates.html")]
struct CandidatesTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    rows: Vec<CandidateRow>,
    capacity: String,
    members: i64,
}

fn may_manage(user: &CurrentUser, p: &Program) -> bool {
    ambasada_core::programs::may_manage(&user.roles, user.id, p.coordinator_id)
}

pub async fn candidates(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response> {
    let program = program(&state, id).await?;
    if !may_manage(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let rows = state
        .store
        .candidates(id)
        .await?
        .into_iter()
        .map(|a| {
            let s = selection::score(&questionnaire(&a));
            CandidateRow {
                total: s.total,
                max: s.max,
                parts: s.parts.iter().map(|c| (c.key.to_string(), c.points, c.max)).collect(),
                a,
            }
        })
        .collect();
    render(&CandidatesTemplate {
        p: &ctx,
        capacity: state
            .store
            .program_capacity(id)
            .await?
            .map(|c| c.to_string())
            .unwrap_or_default(),
        members: program.members,
        program,
        rows,
    })
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    message: String,
}

/// Accepts, declines or waitlists a candidate; the candidate gets an email with the
/// coordinator's message.
pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, app_id)): Path<(i64, i64)>,
    Form(f): Form<DecideForm>,
) -> Result<Response> {
    let program = program(&state, id).await?;
    if !may_manage(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let to = format!("/app/programs/{id}/candidates");
    let a = state
        .store
        .program_application(app_id)
        .await?
        .filter(|a| a.program_id == id)
        .ok_or(AppError::NotFound)?;
    let Some(decision) = Decision::parse(&f.decision) else {
        return Ok(redirect_flash(&to, false, "error-decision", None));
    };
    if f.message.chars().count() > 2000 {
        return Ok(redirect_flash(&to, false, "error-too-long", None));
    }
    if let Err(e) = ambasada_core::text::check_lines(&f.message) {
        return Ok(redirect_flash(&to, false, e.key(), None));
    }
    let now = crate::now();
    let message = Some(f.message.trim()).filter(|m| !m.is_empty());
    match state
        .store
        .decide_application(app_id, decision.as_str(), message, user.id, now)
        .await?
    {
        Decided::Done => {}
        Decided::NotOpen => return Ok(redirect_flash(&to, false, "error-content-changed", None)),
        Decided::Full => return Ok(redirect_flash(&to, false, "error-program-full", None)),
    }
    state
        .store
        .audit(
            Some(user.id),
            &format!("program.candidate.{}", decision.as_str()),
            &a.email,
            now,
        )
        .await?;
    if let Some(applicant) = state.store.user(a.user_id).await? {
        let tr = crate::i18n::Tr::new(state.i18n.clone(), applicant.locale);
        let body = tr.a(
            &format!("email-decision-{}-body", decision.as_str()),
            &[
                ("name", &applicant.first_name),
                ("program", &program.name),
                ("message", message.unwrap_or("")),
            ],
        );
        let subject = tr.a1(
            &format!("email-decision-{}-subject", decision.as_str()),
            "program",
            &program.name,
        );
        mail::queue(&state, &applicant.email, &subject, &body, "selection").await?;
    }
    Ok(redirect_flash(&to, true, "flash-decided", Some(&a.name)))
}

#[derive(Deserialize)]
pub struct CapacityForm {
    #[serde(default)]
    capacity: String,
}

pub async fn capacity(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<CapacityForm>,
) -> Result<Response> {
    let program = program(&state, id).await?;
    if !may_manage(&user, &program) {
        return Err(AppError::Forbidden);
    }
    let to = format!("/app/programs/{id}/candidates");
    let capacity = match f.capacity.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => return Ok(redirect_flash(&to, false, "error-capacity", None)),
        },
    };
    state.store.set_program_capacity(id, capacity).await?;
    Ok(redirect_flash(&to, true, "flash-saved", None))
}
