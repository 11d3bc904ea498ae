//! The `ambasada` command: serve the platform, run the demo, migrate, and do
//! administrative tasks from the shell.

use ambasada_core::{Email, Locale, PersonName, Role, Scope};
use ambasada_server::config::{Config, LogFormat};
use ambasada_server::{AppState, auth, demo};
use ambasada_store::people::NewUser;
use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

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
        #[arg(long, default_value = "sqlite://./ambasada-demo.db")]
        database: String,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Manage people.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
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
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a person. Without --password an invitation link is queued and printed.
    Create {
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
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token and print it once.
    Create {
        /// Whose token it is.
        #[arg(long)]
        user: String,
        /// Comma-separated scopes: content:read, content:write, shares:write, conversions:write, reports:read.
        #[arg(long, default_value = "")]
        scopes: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import employees from a CSV file (email, first_name, last_name, team, roles, language).
    Employees {
        file: PathBuf,
        /// Send an invitation to every person added.
        #[arg(long)]
        invite: bool,
        /// Only check the file and show what would change.
        #[arg(long)]
        dry_run: bool,
    },
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
    let mut config = Config::load(cli.config.as_deref(), env.clone())?;
    init_logs(config.log_format);
    match cli.command {
        Command::Serve { bind } => {
            if let Some(b) = bind {
                config.bind = b;
            }
            let bind = config.bind;
            run_server(AppState::start(config).await?, bind).await
        }
        Command::Demo { bind, database } => {
            config.bind = bind;
            config.database_url = ambasada_server::config::Secret::new(database);
            if !env.iter().any(|(k, _)| k == "AMBASADA_BASE_URL") {
                config.base_url = format!("http://{bind}");
            }
            let state = AppState::start(config).await?;
            let created = demo::seed(&state).await?;
            println!(
                "\nAmbasada demo ({}): {}\n\nLog in with password {} as:",
                if created { "new demo data" } else { "existing demo data" },
                state.config.base_url,
                demo::DEMO_PASSWORD
            );
            for (email, role, ..) in demo::DEMO_LOGINS {
                println!("  {email:<28} {role}");
            }
            println!();
            run_server(state, bind).await
        }
        Command::Migrate => {
            let state = AppState::start(config).await?;
            println!(
                "migrations applied to {}",
                ambasada_store::redact_url(state.config.database_url.expose())
            );
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    first_name,
                    last_name,
                    roles,
                    password,
                    language,
                },
        } => {
            let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            let first = PersonName::parse(&first_name).map_err(|e| anyhow::anyhow!("--first-name: {e}"))?;
            let last = PersonName::parse(&last_name).map_err(|e| anyhow::anyhow!("--last-name: {e}"))?;
            let locale = Locale::parse(&language).map_err(|e| anyhow::anyhow!("--language: {e}"))?;
            let mut role_list = Vec::new();
            for r in roles.split([',', ' ']).filter(|s| !s.is_empty()) {
                role_list.push(Role::parse(r).ok_or_else(|| anyhow::anyhow!("--roles: unknown role {r:?}"))?);
            }
            let hash = match &password {
                Some(p) => {
                    let p = ambasada_core::Password::parse(p).map_err(|e| anyhow::anyhow!("--password: {e}"))?;
                    Some(auth::hash_password(p.expose().to_string()).await?)
                }
                None => None,
            };
            let state = AppState::start(config).await?;
            let now = ambasada_server::now();
            let id = match state
                .store
                .create_user(
                    &NewUser {
                        email: email.clone(),
                        first_name: first.as_str().into(),
                        last_name: last.as_str().into(),
                        locale,
                        time_zone: "Europe/Warsaw".into(),
                        password_hash: hash,
                        roles: role_list,
                        team_ids: vec![],
                    },
                    now,
                )
                .await
            {
                Ok(id) => id,
                Err(ambasada_store::StoreError::Conflict(_)) => bail!("--email: {email} already has an account"),
                Err(e) => return Err(e.into()),
            };
            state.store.audit(None, "user.create", email.as_str(), now).await?;
            println!("created {email} (id {id})");
            if password.is_none() {
                let link =
                    ambasada_server::mail::invite(&state, id, email.as_str(), locale, first.as_str(), "Ambasada")
                        .await?;
                println!("invitation queued; the link (valid 7 days): {link}");
            }
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { user, scopes, name },
        } => {
            let email = Email::parse(&user).map_err(|e| anyhow::anyhow!("--user: {e}"))?;
            let scopes = Scope::parse_list(&scopes).map_err(|s| {
                anyhow::anyhow!(
                    "--scopes: unknown scope {s:?}; known: {}",
                    Scope::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                )
            })?;
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
                .create_api_token(u.id, &name, &auth::hash_token(&secret), &scopes, ambasada_server::now())
                .await?;
            // The token on stdout alone, so scripts can capture it; it is not shown again.
            println!("{secret}");
            Ok(())
        }
        Command::Import {
            command: ImportCommand::Employees { file, invite, dry_run },
        } => {
            let data = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let state = AppState::start(config).await?;
            let tr = ambasada_server::i18n::Tr::new(state.i18n.clone(), Locale::En);
            let started = std::time::Instant::now();
            let result = if dry_run {
                match ambasada_server::people::check(&state, &data).await? {
                    ambasada_server::people::Checked::Invalid(errors) => Err(errors),
                    ambasada_server::people::Checked::Planned(_, plan) => {
                        use ambasada_core::people::import::Action;
                        let added = plan.iter().filter(|a| **a == Action::Add).count();
                        let changed = plan.iter().filter(|a| matches!(a, Action::Change { .. })).count();
                        println!(
                            "dry run: {added} to add, {changed} to change, {} unchanged",
                            plan.len() - added - changed
                        );
                        return Ok(());
                    }
                }
            } else {
                ambasada_server::people::import_employees(&state, &data, invite, "Ambasada").await?
            };
            match result {
                Ok(outcome) => {
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
                Err(errors) => {
                    for e in &errors {
                        let d = ambasada_server::people::describe(&tr, e);
                        eprintln!("{}:{}: column {}: {}", file.display(), d.line, d.column, d.message);
                    }
                    bail!("nothing imported: {} invalid row(s)", errors.len())
                }
            }
        }
    }
}
