//! `ambasada migrate`: applies the migrations to the configured database, or with
//! `--from sqlite://PATH --to postgres://...` moves a company from its SQLite file into
//! an empty PostgreSQL database (docs/SCALING.md).

use ambasada_server::AppState;
use ambasada_server::config::Config;
use ambasada_store::redact_url;
use clap::Args;

#[derive(Args)]
pub struct Migrate {
    /// Move this SQLite database (sqlite://PATH; its server stopped) into --to.
    #[arg(long, value_name = "sqlite://PATH", requires = "to")]
    pub from: Option<String>,
    /// The empty PostgreSQL database that receives --from (postgres://...).
    #[arg(long, value_name = "postgres://URL", requires = "from")]
    pub to: Option<String>,
}

/// Runs `ambasada migrate` as its arguments say.
pub async fn run(config: Config, args: Migrate) -> anyhow::Result<()> {
    match (args.from, args.to) {
        (Some(from), Some(to)) => move_database(&from, &to).await,
        // clap requires both or neither.
        _ => {
            let state = AppState::start(config).await?;
            println!(
                "migrations applied to {}",
                redact_url(state.config.database_url.expose())
            );
            Ok(())
        }
    }
}

/// Copies every table, printing each as it is done, and a last line once the row counts
/// of both sides were found equal and the copy committed.
async fn move_database(from: &str, to: &str) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let moved = ambasada_store::transfer::sqlite_to_postgres(from, to, |t| println!("{}: {} rows", t.name, t.rows))
        .await
        .map_err(|e| anyhow::anyhow!("nothing moved: {e}"))?;
    println!(
        "moved {} tables, {} rows, from {} to {} in {:.1} s; the row counts of every table are equal on both sides",
        moved.len(),
        moved.iter().map(|t| t.rows).sum::<i64>(),
        redact_url(from),
        redact_url(to),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
