//! Seeds the two ambassador programs: employer branding (every ambassador, chosen from
//! applications, three more waiting) and B2B sales (some added directly), with the
//! quarter's goals of both.

use crate::AppState;
use ambasada_core::programs::selection::{self, PostingFrequency, Questionnaire};
use ambasada_core::{DAY, Network, Role};
use ambasada_store::people::UserFilter;
use ambasada_store::programs::ProgramInput;
use ambasada_store::programs::goals::NewGoal;
use ambasada_store::programs::selection::NewProgramApplication;

/// One demo program; `age_days` is how long ago it began.
struct DemoProgram {
    name: &'static str,
    slug: &'static str,
    description: &'static str,
    daily_share_limit: i64,
    age_days: i64,
}

/// Employer branding first, then sales.
const PROGRAMS: &[DemoProgram] = &[
    DemoProgram {
        name: "Employer branding PL",
        slug: "employer-branding-pl",
        description: "Pokazujemy, jak się u nas pracuje, i pomagamy rekrutacji: 40 aplikacji z linków ambasadorów na kwartał.",
        daily_share_limit: 5,
        age_days: 370,
    },
    DemoProgram {
        name: "Sprzedaż B2B",
        slug: "sprzedaz-b2b",
        description: "Handlowcy dzielą się wiedzą o produkcie ze swoimi klientami.",
        daily_share_limit: 3,
        age_days: 365,
    },
];

/// The answers of the three employees waiting for a decision: frequency, network sizes,
/// topics, motivation.
const WAITING: &[(&str, &str, &str, &str)] = &[
    (
        "daily",
        "linkedin:1800,x:600",
        "rekrutacja,kultura pracy,technologia",
        "Od lat piszę na LinkedIn o pracy w IT i chętnie pokażę nasz zespół.",
    ),
    (
        "weekly",
        "linkedin:450",
        "produkty",
        "Chcę, żeby klienci lepiej poznali ludzi, którzy tworzą nasze produkty.",
    ),
    ("monthly", "facebook:300", "", "Chętnie spróbuję."),
];

/// The employer branding program's goals for the quarter: metric and target.
const EB_GOALS: &[(&str, f64)] = &[
    ("applications", 40.0),
    ("participation_rate", 0.6),
    ("shares", 60.0),
    ("active_ambassadors", 12.0),
];

/// The other programs' goals for the quarter.
const OTHER_GOALS: &[(&str, f64)] = &[
    ("plan_realisation", 0.8),
    ("clicks", 500.0),
    ("participation_rate", 0.3),
];

/// The programs and their members.
pub(super) struct Programs {
    pub employer_branding: i64,
    pub sales: i64,
    /// The ambassadors with a password, all of them in the employer branding program,
    /// the demo ambassador first.
    pub ambassadors: Vec<i64>,
}

impl Programs {
    /// The sales program's members: every third ambassador, the demo ambassador first.
    pub fn sales_members(&self) -> Vec<i64> {
        self.ambassadors.iter().copied().step_by(3).collect()
    }
}

/// Creates both programs, every ambassador's accepted application to employer branding
/// (a third of them also join sales), and the three applications waiting for a decision.
pub(super) async fn seed_programs(state: &AppState, now: i64) -> anyhow::Result<Programs> {
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let mut ids = Vec::new();
    for p in PROGRAMS {
        let input = ProgramInput {
            name: p.name.into(),
            slug: p.slug.into(),
            description: p.description.into(),
            coordinator_id: Some(coordinator),
            daily_share_limit: p.daily_share_limit,
            review_cadence: "monthly".into(),
        };
        ids.push(state.store.create_program(&input, now - p.age_days * DAY).await?);
    }
    let programs = Programs {
        employer_branding: ids[0],
        sales: ids[1],
        ambassadors: ambassadors(state).await?,
    };
    seed_members(state, now, &programs, coordinator).await?;
    seed_waiting(state, now, programs.employer_branding).await?;
    Ok(programs)
}

/// The active ambassadors who have set a password, the demo ambassador first (she is
/// in both programs and among the few in sales who still share).
async fn ambassadors(state: &AppState) -> anyhow::Result<Vec<i64>> {
    let zofia = super::id_of(state, "ambasador@demo.example").await?;
    let filter = UserFilter {
        role: Some(Role::Ambassador),
        active: Some(true),
        limit: 500,
        ..Default::default()
    };
    let mut people = state
        .store
        .list_users(&filter)
        .await?
        .0
        .into_iter()
        .filter(|u| u.has_password)
        .map(|u| u.id)
        .collect::<Vec<_>>();
    people.sort_by_key(|id| *id != zofia);
    Ok(people)
}

/// Employer branding chose its ambassadors from applications, one joining a day; the
/// sales program added people directly (the health check shows the difference).
async fn seed_members(state: &AppState, now: i64, programs: &Programs, coordinator: i64) -> anyhow::Result<()> {
    let store = &state.store;
    for (i, id) in programs.ambassadors.iter().enumerate() {
        let joined = now - (100 - i as i64) * DAY;
        let application = NewProgramApplication {
            program_id: programs.employer_branding,
            user_id: *id,
            networks: "linkedin".into(),
            frequency: if i % 2 == 0 { "weekly" } else { "monthly" }.into(),
            network_sizes: format!("linkedin:{}", 200 + i * 150),
            topics: "rekrutacja,technologia".into(),
            motivation: "Chcę pokazać, jak naprawdę pracuje się w naszej firmie.".into(),
            score: 60,
        };
        let app_id = store.apply_to_program(&application, joined - DAY).await?;
        store
            .decide_application(app_id, "accepted", None, coordinator, joined)
            .await?;
        if i % 3 == 0 {
            store.add_member(programs.sales, *id, now - 360 * DAY).await?;
        }
    }
    Ok(())
}

/// Three employees without a role applied to employer branding two days ago, scored by
/// their answers.
async fn seed_waiting(state: &AppState, now: i64, program_id: i64) -> anyhow::Result<()> {
    let filter = UserFilter {
        active: Some(true),
        limit: 100,
        ..Default::default()
    };
    let waiting = state
        .store
        .list_users(&filter)
        .await?
        .0
        .into_iter()
        .filter(|u| u.roles.is_empty() && u.has_password);
    for (person, (frequency, sizes, topics, motivation)) in waiting.zip(WAITING) {
        let q = Questionnaire {
            networks: sizes
                .split(',')
                .filter_map(|s| Network::parse(s.split(':').next()?))
                .collect(),
            frequency: PostingFrequency::parse(frequency).expect("demo frequency"),
            network_sizes: sizes
                .split(',')
                .filter_map(|s| {
                    let (n, v) = s.split_once(':')?;
                    Some((Network::parse(n)?, v.parse().ok()?))
                })
                .collect(),
            topics: selection::parse_topics(topics),
            motivation: (*motivation).into(),
        };
        let application = NewProgramApplication {
            program_id,
            user_id: person.id,
            networks: q.networks.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(","),
            frequency: (*frequency).into(),
            network_sizes: (*sizes).into(),
            topics: q.topics.join(","),
            motivation: (*motivation).into(),
            score: selection::score(&q).total,
        };
        state.store.apply_to_program(&application, now - 2 * DAY).await?;
    }
    Ok(())
}

/// Goals for the quarter around now (45 days either side), set by the coordinator: the
/// employer branding program's has data, the sales program's waits for the calendar.
pub(super) async fn seed_goals(state: &AppState, now: i64) -> anyhow::Result<()> {
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    for p in state.store.programs().await? {
        let goals = if p.slug == "employer-branding-pl" {
            EB_GOALS
        } else {
            OTHER_GOALS
        };
        for (metric, target) in goals {
            let goal = NewGoal {
                program_id: p.id,
                metric,
                target: *target,
                start: now - 45 * DAY,
                end: now + 45 * DAY,
                by: coordinator,
            };
            state.store.create_goal(&goal, now).await?;
        }
    }
    Ok(())
}
