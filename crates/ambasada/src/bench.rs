//! `ambasada bench-seed`: synthetic volume for `scripts/bench-dashboard.sh`.

use ambasada_server::AppState;
use ambasada_server::config::Config;
use ambasada_store::reports::synthetic::Shape;
use clap::Args;

#[derive(Args)]
pub struct BenchSeed {
    /// The program (its slug) that receives the volume, e.g. the demo's employer-branding-pl.
    #[arg(long)]
    pub program: String,
    #[arg(long, default_value_t = 5_000)]
    pub ambassadors: i64,
    #[arg(long, default_value_t = 1_000)]
    pub items: i64,
    #[arg(long, default_value_t = 500_000)]
    pub shares: i64,
    #[arg(long, default_value_t = 20_000_000)]
    pub clicks: i64,
    #[arg(long, default_value_t = 365)]
    pub days: i64,
    /// An existing person (email) who takes the first synthetic ambassador's shares, so
    /// that logging in as them shows an ambassador's volume.
    #[arg(long)]
    pub stand_in: Option<String>,
}

/// Fills the program with synthetic ambassadors, items, shares and clicks, then rolls up.
pub async fn seed(config: Config, args: BenchSeed) -> anyhow::Result<()> {
    let state = AppState::start(config).await?;
    let Some(program) = state.store.program_id_by_slug(&args.program).await? else {
        anyhow::bail!("--program: no program with the slug {:?}", args.program);
    };
    if args.ambassadors < 1 || args.items < 1 || args.shares < args.items || args.clicks < 0 || args.days < 1 {
        anyhow::bail!("the shape needs at least one ambassador, item and day, and a share per item");
    }
    let shape = Shape {
        ambassadors: args.ambassadors,
        items: args.items,
        shares: args.shares,
        clicks: args.clicks,
        days: args.days,
    };
    let stand_in = match &args.stand_in {
        Some(email) => {
            let email = ambasada_core::Email::parse(email).map_err(|e| anyhow::anyhow!("--stand-in: {e}"))?;
            let person = state.store.user_by_email(&email).await?;
            Some(
                person
                    .ok_or_else(|| anyhow::anyhow!("--stand-in: nobody has the email {email}"))?
                    .id,
            )
        }
        None => None,
    };
    let started = std::time::Instant::now();
    state
        .store
        .seed_synthetic(program, shape, stand_in, ambasada_server::now(), |what| {
            eprintln!("[{:>6.1} s] {what}", started.elapsed().as_secs_f64());
        })
        .await?;
    // For the script: the program and one synthetic item with volume.
    let item = state.store.last_synthetic_item(program).await?.unwrap_or_default();
    println!("{program} {item}");
    Ok(())
}
