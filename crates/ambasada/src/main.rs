//! The `ambasada` command: serve the platform, run the demo, migrate, and do
//! administrative tasks from the shell.

mod bench;
mod migrate;

use ambasada_core::people::import::{Action, RowError};
use ambasada_core::{Email, Locale, PersonName, Role, Scope};
use ambasada_server::config::{Config, LogFormat, Secret};
use ambasada_server::{AppState, auth, demo};
use ambasada_store::people::NewUser;
use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Where `ambasada demo` keeps its company by default, and where `--demo` finds it.
const DEMO_DATABASE: &str = "sqlite://./ambasada-demo.db";

#[derive(Parser)]
#[command(
    name = "ambasada",
    version,
    about = "Ambasada: a self-hosted employee advocacy platform"
)]
struct Cli {
    /// A TOML configuration file (default: ./ambasada.toml when present).
    #[arg(long, global = true, env = "AMBASADA_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the platform.
    Serve {
        /// Address to listen on (overrides AMBASADA_BIND).
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Serve a demo company from ./ambasada-demo.db (created and filled when missing).
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Where the demo company lives (filled when empty).
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Apply database migrations and exit; with --from and --to, move a SQLite database
    /// into an empty PostgreSQL one.
    Migrate(migrate::Migrate),
    /// Manage people.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// A person's data (GDPR).
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// What is stored and why (GDPR article 30).
    Privacy {
        #[command(subcommand)]
        command: PrivacyCommand,
    },
    /// Print the OpenAPI 3.1 document of /api/v1 (as GET /api/v1/openapi.json serves it).
    Openapi,
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Import data.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Add synthetic volume to a program for scripts/bench-dashboard.sh (never on a
    /// company's real database).
    BenchSeed(bench::BenchSeed),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a person. Without --password an invitation link is queued and printed.
    Create(UserCreate),
}

#[derive(Args)]
struct UserCreate {
    #[arg(long)]
    email: String,
    #[arg(long)]
    first_name: String,
    #[arg(long)]
    last_name: String,
    /// Comma-separated roles: admin, coordinator, editor, recruiter, ambassador.
    #[arg(long, default_value = "")]
    roles: String,
    /// Initial password (read from AMBASADA_USER_PASSWORD when set, to keep it out of shell history).
    #[arg(long, env = "AMBASADA_USER_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    #[arg(long, default_value = "pl")]
    language: String,
    #[command(flatten)]
    database: DemoFlag,
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Print everything stored about a person as JSON (the document the admin page and
    /// the profile give): `ambasada person export --email E > file.json`.
    Export(PersonExport),
    /// Erase a person's personal data for good (GDPR article 17): they can no longer log
    /// in; what totals count stays, under "former employee". `ambasada person erase --email E`.
    Erase(PersonExport),
}

#[derive(Args)]
struct PersonExport {
    #[arg(long)]
    email: String,
    #[command(flatten)]
    database: DemoFlag,
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Print the processing register in Markdown, with the configured retention periods:
    /// `ambasada privacy register > docs/PRIVACY.md`.
    Register,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token and print it once.
    Create(TokenCreate),
}

#[derive(Args)]
struct TokenCreate {
    /// Whose token it is.
    #[arg(long)]
    user: String,
    /// Comma-separated scopes: content:read, content:write, shares:write, conversions:write, reports:read.
    #[arg(long, default_value = "")]
    scopes: String,
    /// A name to recognise the token by.
    #[arg(long, default_value = "cli")]
    name: String,
    #[command(flatten)]
    database: DemoFlag,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import employees from a CSV file (email, first_name, last_name, team, roles, language).
    Employees(ImportEmployees),
}

#[derive(Args)]
struct ImportEmployees {
    file: PathBuf,
    /// Send an invitation to every person added.
    #[arg(long)]
    invite: bool,
    /// Only check the file and show what would change.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    database: DemoFlag,
}

/// `--demo`: work on the demo company instead of the configured database.
#[derive(Args)]
struct DemoFlag {
    /// Work on the demo company of `ambasada demo` (./ambasada-demo.db in this directory), also while it runs.
    #[arg(long)]
    demo: bool,
}

impl DemoFlag {
    /// Points `config` at the demo's database when `--demo` was given. The demo must have
    /// been started here once: an empty database would only answer "no account".
    ///
    /// A running demo does not refuse this: the one-server-per-SQLite-file lock is taken by
    /// a server's click writer, and these commands use the pool alone.
    fn apply(&self, config: &mut Config) -> anyhow::Result<()> {
        if !self.demo {
            return Ok(());
        }
        let path = DEMO_DATABASE.strip_prefix("sqlite://").unwrap_or(DEMO_DATABASE);
        if !Path::new(path).exists() {
            bail!("--demo: there is no {path} here; start `ambasada demo` in this directory first");
        }
        config.database_url = Secret::new(DEMO_DATABASE);
        Ok(())
    }
}

fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn run_server(state: AppState, bind: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    tracing::info!(address = %bind, base_url = %state.config.base_url, database = %ambasada_store::redact_url(state.config.database_url.expose()), "serving");
    ambasada_server::serve(listener, state, shutdown_signal()).await?;
    Ok(())
}

/// mimalloc instead of glibc's allocator: on the hot path (`GET /s/{code}`) glibc's
/// malloc, free and malloc_consolidate took about 8% of the server's CPU; with mimalloc
/// the server spends about 5% less CPU per redirect (docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli).await {
        eprintln!("ambasada: {e:#}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let env: Vec<(String, String)> = std::env::vars().collect();
    let config = Config::load(cli.config.as_deref(), env.clone())?;
    init_logs(config.log_format);
    match cli.command {
        Command::Serve { bind } => serve(config, bind).await,
        Command::Demo { bind, database } => serve_demo(config, &env, bind, database).await,
        Command::Migrate(args) => migrate::run(config, args).await,
        Command::Openapi => {
            println!("{}", ambasada_server::api::openapi::document_json());
            Ok(())
        }
        Command::Privacy {
            command: PrivacyCommand::Register,
        } => {
            let tr =
                ambasada_server::i18n::Tr::new(std::sync::Arc::new(ambasada_server::i18n::I18n::new()), Locale::En);
            print!(
                "{}",
                ambasada_server::privacy::register_page::markdown(&tr, &config.retention)
            );
            Ok(())
        }
        Command::User {
            command: UserCommand::Create(args),
        } => create_user(config, args).await,
        Command::Token {
            command: TokenCommand::Create(args),
        } => create_token(config, args).await,
        Command::Person {
            command: PersonCommand::Export(args),
        } => export_person(config, args).await,
        Command::Person {
            command: PersonCommand::Erase(args),
        } => erase_person(config, args).await,
        Command::Import {
            command: ImportCommand::Employees(args),
        } => import_employees(config, args).await,
        Command::BenchSeed(args) => bench::seed(config, args).await,
    }
}

/// `ambasada serve`.
async fn serve(mut config: Config, bind: Option<SocketAddr>) -> anyhow::Result<()> {
    if let Some(b) = bind {
        config.bind = b;
    }
    let bind = config.bind;
    run_server(AppState::start(config).await?, bind).await
}

/// `ambasada demo`: fills the database with the demo company when it is empty, then serves it.
async fn serve_demo(
    mut config: Config,
    env: &[(String, String)],
    bind: SocketAddr,
    database: String,
) -> anyhow::Result<()> {
    config.bind = bind;
    config.database_url = Secret::new(database);
    // The demo's Slack channel is a loopback URL; nothing it posts leaves the machine.
    config.webhooks_allow_private = true;
    if !env.iter().any(|(k, _)| k == "AMBASADA_BASE_URL") {
        config.base_url = format!("http://{bind}");
    }
    let state = AppState::start(config).await?;
    let created = demo::seed(&state).await?;
    print_demo_banner(&state, created);
    run_server(state, bind).await
}

/// Where the demo runs, its logins, and how to get an API token for it.
fn print_demo_banner(state: &AppState, created: bool) {
    println!(
        "\nAmbasada demo ({}): {}\n\nLog in with password {} as:",
        if created { "new demo data" } else { "existing demo data" },
        state.config.base_url,
        demo::DEMO_PASSWORD
    );
    for (email, role, ..) in demo::DEMO_LOGINS {
        println!("  {email:<28} {role}");
    }
    let database = state.config.database_url.expose();
    // `--demo` finds the default database; another one is named the usual way.
    let (before, flag) = if database == DEMO_DATABASE {
        (String::new(), " --demo")
    } else {
        (
            format!("AMBASADA_DATABASE_URL={} ", ambasada_store::redact_url(database)),
            "",
        )
    };
    let ambassador = demo::DEMO_LOGINS
        .iter()
        .find(|(_, role, ..)| *role == Role::Ambassador)
        .map_or("ambasador@demo.example", |(email, ..)| *email);
    println!(
        "\nAn API token for the ambassador (from another terminal in this directory, while the demo runs):\n  \
         {before}cargo run --release -p ambasada -- token create{flag} --user {ambassador} \
         --scopes content:read,shares:write\nthen: curl -H \"Authorization: Bearer TOKEN\" {}/api/v1/me\n",
        state.config.base_url
    );
}

/// `ambasada user create`.
async fn create_user(mut config: Config, args: UserCreate) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let first = PersonName::parse(&args.first_name).map_err(|e| anyhow::anyhow!("--first-name: {e}"))?;
    let last = PersonName::parse(&args.last_name).map_err(|e| anyhow::anyhow!("--last-name: {e}"))?;
    let locale = Locale::parse(&args.language).map_err(|e| anyhow::anyhow!("--language: {e}"))?;
    let roles = parse_roles(&args.roles)?;
    let hash = match &args.password {
        Some(p) => {
            let p = ambasada_core::Password::parse(p).map_err(|e| anyhow::anyhow!("--password: {e}"))?;
            Some(auth::hash_password(p.expose().to_string()).await?)
        }
        None => None,
    };
    args.database.apply(&mut config)?;
    let state = AppState::start(config).await?;
    let now = ambasada_server::now();
    let user = NewUser {
        email: email.clone(),
        first_name: first.as_str().into(),
        last_name: last.as_str().into(),
        locale,
        time_zone: "Europe/Warsaw".into(),
        password_hash: hash,
        roles,
        team_ids: vec![],
    };
    let id = match state.store.create_user(&user, now).await {
        Ok(id) => id,
        Err(ambasada_store::StoreError::Conflict(_)) => bail!("--email: {email} already has an account"),
        Err(e) => return Err(e.into()),
    };
    state.store.audit(None, "user.create", email.as_str(), now).await?;
    ambasada_server::webhooks::events::person_created(&state, id, &user.roles, now).await;
    println!("created {email} (id {id})");
    if args.password.is_none() {
        let link =
            ambasada_server::mail::invite(&state, id, email.as_str(), locale, first.as_str(), "Ambasada").await?;
        println!("invitation queued; the link (valid 7 days): {link}");
    }
    Ok(())
}

/// The roles of `--roles` (separated by commas or spaces).
fn parse_roles(roles: &str) -> anyhow::Result<Vec<Role>> {
    roles
        .split([',', ' '])
        .filter(|s| !s.is_empty())
        .map(|r| Role::parse(r).ok_or_else(|| anyhow::anyhow!("--roles: unknown role {r:?}")))
        .collect()
}

/// `ambasada person export`: the JSON document on stdout, nothing else (the audit log
/// records the export, by nobody: the command runs with the server's rights).
async fn export_person(mut config: Config, args: PersonExport) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    args.database.apply(&mut config)?;
    let state = AppState::start(config).await?;
    let Some(u) = state.store.user_by_email(&email).await? else {
        bail!("--email: no account {email}")
    };
    let Some(doc) = ambasada_server::privacy::document(&state, u.id).await? else {
        bail!("--email: no account {email}")
    };
    state
        .store
        .audit(None, "person.export", email.as_str(), ambasada_server::now())
        .await?;
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}

/// `ambasada person erase`: erases the person (their name becomes "former employee" in
/// their own language) and says so; the audit log records the erasure, by nobody.
async fn erase_person(mut config: Config, args: PersonExport) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    args.database.apply(&mut config)?;
    let state = AppState::start(config).await?;
    let Some(u) = state.store.user_by_email(&email).await? else {
        bail!("--email: no account {email}")
    };
    if u.has_role(Role::Admin) && u.is_active() && state.store.count_active_with_role(Role::Admin).await? <= 1 {
        bail!("--email: {email} is the last active admin; make someone else an admin first");
    }
    if !ambasada_server::privacy::erase::erase_person(&state, None, u.id, u.locale).await? {
        bail!("--email: {email} was erased already");
    }
    println!(
        "erased {email}: now {} ({})",
        ambasada_server::privacy::erase::person_subject(u.id),
        ambasada_store::erasure::erased_address(u.id)
    );
    Ok(())
}

/// `ambasada token create`: prints the new token alone on stdout.
async fn create_token(mut config: Config, args: TokenCreate) -> anyhow::Result<()> {
    let email = Email::parse(&args.user).map_err(|e| anyhow::anyhow!("--user: {e}"))?;
    let scopes = Scope::parse_list(&args.scopes).map_err(|s| {
        anyhow::anyhow!(
            "--scopes: unknown scope {s:?}; known: {}",
            Scope::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        )
    })?;
    args.database.apply(&mut config)?;
    let state = AppState::start(config).await?;
    let Some(u) = state.store.user_by_email(&email).await? else {
        bail!("--user: no account {email}")
    };
    if !u.is_active() {
        bail!("--user: {email} is deactivated");
    }
    if let Some(s) = scopes.iter().find(|s| !s.allowed_for(&u.roles)) {
        bail!("--scopes: the roles of {email} do not allow the scope {s}");
    }
    let secret = format!("amb_{}", auth::new_token());
    state
        .store
        .create_api_token(
            u.id,
            &args.name,
            &auth::hash_token(&secret),
            &scopes,
            ambasada_server::now(),
        )
        .await?;
    // The token on stdout alone, so scripts can capture it; it is not shown again.
    println!("{secret}");
    Ok(())
}

/// `ambasada import employees`: imports the file, or with `--dry-run` says what it would change.
async fn import_employees(mut config: Config, args: ImportEmployees) -> anyhow::Result<()> {
    let file = &args.file;
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    args.database.apply(&mut config)?;
    let state = AppState::start(config).await?;
    let started = std::time::Instant::now();
    let result = if args.dry_run {
        match ambasada_server::people::check(&state, &data).await? {
            ambasada_server::people::Checked::Invalid(errors) => Err(errors),
            ambasada_server::people::Checked::Planned(_, plan) => {
                print_dry_run(&plan);
                return Ok(());
            }
        }
    } else {
        ambasada_server::people::import_employees(&state, &data, args.invite, "Ambasada").await?
    };
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(errors) => return Err(invalid_rows(&state, file, &errors)),
    };
    state
        .store
        .audit(
            None,
            "import.employees",
            &file.display().to_string(),
            ambasada_server::now(),
        )
        .await?;
    println!(
        "imported {}: {} added, {} changed, {} unchanged in {:.2} s",
        file.display(),
        outcome.added.len(),
        outcome.changed,
        outcome.unchanged,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What a dry run of an import would do.
fn print_dry_run(plan: &[Action]) {
    let added = plan.iter().filter(|a| **a == Action::Add).count();
    let changed = plan.iter().filter(|a| matches!(a, Action::Change { .. })).count();
    println!(
        "dry run: {added} to add, {changed} to change, {} unchanged",
        plan.len() - added - changed
    );
}

/// Prints every invalid row of an import file (line, column, problem) and returns the error
/// that ends the command.
fn invalid_rows(state: &AppState, file: &Path, errors: &[RowError]) -> anyhow::Error {
    let tr = ambasada_server::i18n::Tr::new(state.i18n.clone(), Locale::En);
    for e in errors {
        let d = ambasada_server::people::describe(&tr, e);
        eprintln!("{}:{}: column {}: {}", file.display(), d.line, d.column, d.message);
    }
    anyhow::anyhow!("nothing imported: {} invalid row(s)", errors.len())
}
