//! The program's numbers from hand-written roll-up rows, on SQLite and (when
//! `AMBASADA_TEST_POSTGRES` names a server) on PostgreSQL.

use super::*;
use crate::people::NewUser;
use crate::programs::ProgramInput;
use ambasada_core::{DAY, Email, Locale, Role};

fn day(y: i16, m: i8, d: i8) -> i64 {
    let s = format!("{y:04}-{m:02}-{d:02}");
    DayRange::parse(&s, &s).unwrap().first
}

/// "Now": 2026-11-20, noon UTC.
fn now() -> Millis {
    day(2026, 11, 20) * DAY + DAY / 2
}

/// 2026-09-15 to today: the days of September, then October and November whole.
fn range() -> DayRange {
    DayRange::new(day(2026, 9, 15), day(2026, 11, 20)).unwrap()
}

fn month(y: i64, m: i64) -> i64 {
    (y - 1970) * 12 + m - 1
}

/// What a test store leaves behind: a SQLite file, or a PostgreSQL database (server URL
/// and name).
enum Made {
    File(std::path::PathBuf),
    Database(String, String),
}

/// A fresh migrated store per engine: SQLite in a temp file, PostgreSQL in a new
/// database when configured.
async fn stores() -> Vec<(Store, Made)> {
    let unique = format!(
        "amb_stats_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let path = std::env::temp_dir().join(format!("{unique}.db"));
    let sqlite = Store::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    sqlite.migrate().await.unwrap();
    let mut out = vec![(sqlite, Made::File(path))];
    if let Some(server) = std::env::var("AMBASADA_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.trim().is_empty())
    {
        let admin = Store::connect(&server).await.unwrap();
        admin.raw_execute(&format!("CREATE DATABASE {unique}")).await.unwrap();
        admin.close().await;
        let (base, _) = server.rsplit_once('/').unwrap();
        let pg = Store::connect(&format!("{base}/{unique}")).await.unwrap();
        pg.migrate().await.unwrap();
        out.push((pg, Made::Database(server, unique)));
    }
    out
}

async fn drop_store(store: Store, made: Made) {
    store.close().await;
    match made {
        Made::File(path) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        Made::Database(server, name) => {
            let admin = Store::connect(&server).await.unwrap();
            admin
                .raw_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .unwrap();
            admin.close().await;
        }
    }
}

async fn person(s: &Store, email: &str, last: &str, roles: &[Role], teams: &[i64]) -> i64 {
    s.create_user(
        &NewUser {
            email: Email::parse(email).unwrap(),
            first_name: "Test".into(),
            last_name: last.into(),
            locale: Locale::Pl,
            time_zone: "Europe/Warsaw".into(),
            password_hash: None,
            roles: roles.to_vec(),
            team_ids: teams.to_vec(),
        },
        0,
    )
    .await
    .unwrap()
}

async fn program(s: &Store) -> i64 {
    let p = ProgramInput {
        name: "Employer branding".into(),
        slug: "eb".into(),
        description: String::new(),
        coordinator_id: None,
        daily_share_limit: 5,
        review_cadence: "monthly".into(),
    };
    s.create_program(&p, 0).await.unwrap()
}

async fn exec(s: &Store, sql: &str, binds: &[i64]) {
    let mut q = sqlx::query(AssertSqlSafe(sql.to_string()));
    for b in binds {
        q = q.bind(*b);
    }
    q.execute(&s.pool).await.unwrap();
}

/// A roll-up row of `table` (days or months): shares, personalised, clicks, visitors.
async fn grain(s: &Store, table: &str, p: i64, user: i64, net: &str, at: i64, n: [i64; 4]) {
    let col = if table.ends_with("months") { "month" } else { "day" };
    let sql = format!(
        "INSERT INTO {table} (program_id, user_id, network, {col}, shares, personalised, clicks, bots, visitors, \
         conversions) VALUES ($1, $2, '{net}', $3, $4, $5, $6, 1, $7, 0)"
    );
    exec(s, &sql, &[p, user, at, n[0], n[1], n[2], n[3]]).await;
}

#[tokio::test]
async fn an_empty_program_has_zeros_and_no_rates() {
    for (s, db) in stores().await {
        let p = program(&s).await;
        let h = s.program_headline(p, range(), now()).await.unwrap();
        assert_eq!(h, Headline::default());
        assert_eq!(h.participation_rate(), None);
        let prev = s.program_headline(p, range().previous(), now()).await.unwrap();
        assert_eq!(prev, Headline::default());
        let nets = s
            .program_breakdown(p, range(), now(), StatsBy::Network, None)
            .await
            .unwrap();
        assert_eq!(nets.len(), 4);
        assert!(nets.iter().all(|r| r.totals == Totals::default()));
        for by in [StatsBy::Team, StatsBy::Item, StatsBy::Ambassador] {
            assert!(
                s.program_breakdown(p, range(), now(), by, None)
                    .await
                    .unwrap()
                    .is_empty(),
                "{by:?}"
            );
        }
        let weeks = s
            .program_breakdown(p, range(), now(), StatsBy::Week, None)
            .await
            .unwrap();
        assert_eq!(weeks.len(), 10, "2026-W38 to 2026-W47");
        assert_eq!(weeks[0].key, "2026-W38");
        assert!(weeks.iter().all(|r| r.totals == Totals::default()));
        let months = s
            .program_breakdown(p, range(), now(), StatsBy::Month, None)
            .await
            .unwrap();
        let keys: Vec<&str> = months.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["2026-09", "2026-10", "2026-11"]);
        drop_store(s, db).await;
    }
}

#[tokio::test]
async fn whole_months_come_from_the_monthly_table_and_edges_from_the_days() {
    for (s, db) in stores().await {
        let p = program(&s).await;
        let team = s.create_team("Sprzedaż", 0).await.unwrap();
        let other = s.create_team("Marketing", 0).await.unwrap();
        let anna = person(&s, "anna@t.example", "Anna", &[Role::Ambassador], &[team, other]).await;
        let jan = person(&s, "jan@t.example", "Jan", &[Role::Ambassador], &[]).await;
        let quiet = person(&s, "ola@t.example", "Ola", &[Role::Ambassador], &[]).await;
        let coordinator = person(&s, "koo@t.example", "Koo", &[Role::Coordinator], &[]).await;
        for u in [anna, jan, quiet, coordinator] {
            s.add_member(p, u, 0).await.unwrap();
        }
        let (sep, oct, nov) = (month(2026, 9), month(2026, 10), month(2026, 11));
        let (days, months) = ("stats_ambassador_days", "stats_ambassador_months");
        // Read: October and November whole, 20 September.
        grain(&s, months, p, anna, "linkedin", oct, [10, 4, 100, 60]).await;
        grain(&s, months, p, anna, "linkedin", nov, [2, 0, 5, 5]).await;
        grain(&s, days, p, anna, "linkedin", day(2026, 9, 20), [1, 1, 7, 6]).await;
        grain(&s, months, p, jan, "x", nov, [0, 0, 9, 9]).await;
        // Not read: September's month row (partly outside), a day before the range, and
        // a day inside October (its month row has it).
        grain(&s, months, p, anna, "linkedin", sep, [51, 0, 0, 0]).await;
        grain(&s, days, p, anna, "linkedin", day(2026, 9, 10), [50, 0, 0, 0]).await;
        grain(&s, days, p, jan, "x", day(2026, 10, 5), [3, 0, 3, 3]).await;
        exec(
            &s,
            "INSERT INTO user_networks (user_id, network, network_size) VALUES ($1, 'linkedin', 500)",
            &[anna],
        )
        .await;

        let h = s.program_headline(p, range(), now()).await.unwrap();
        assert_eq!(h.totals.shares, 13);
        assert_eq!(h.totals.personalised, 5);
        assert_eq!(h.totals.clicks, 121);
        assert_eq!(h.totals.visitors, 80);
        assert_eq!(h.active_ambassadors, 1, "Jan was clicked but did not share");
        assert_eq!(h.enrolled, 3, "the coordinator is a member but no ambassador");
        // 13 shares × 500 people × 10 % = 650 people; 650 × 120 PLN / 1000 + 112 × 15 PLN
        // on LinkedIn, 9 × 3 PLN on X.
        assert_eq!(h.reach_estimate, 650);
        assert_eq!(h.emv_estimate_grosze, 7_800 + 112 * 1_500 + 9 * 300);

        let teams = s
            .program_breakdown(p, range(), now(), StatsBy::Team, None)
            .await
            .unwrap();
        let labels: Vec<(&str, i64)> = teams.iter().map(|r| (r.label.as_str(), r.totals.clicks)).collect();
        assert_eq!(labels, [("Marketing", 112), ("Sprzedaż", 112), ("", 9)]);
        assert_eq!(teams[2].key, NO_TEAM);

        let people = s
            .program_breakdown(p, range(), now(), StatsBy::Ambassador, Some(1))
            .await
            .unwrap();
        assert_eq!(people.len(), 1);
        assert_eq!(
            (people[0].key.clone(), people[0].label.as_str()),
            (anna.to_string(), "Test Anna")
        );

        let nets = s.program_networks(p, range(), now()).await.unwrap();
        assert_eq!(nets[0].size_shares, 6_500);
        assert_eq!(nets[1].totals.clicks, 9);
        drop_store(s, db).await;
    }
}

#[tokio::test]
async fn trends_read_the_programs_daily_table() {
    for (s, db) in stores().await {
        let p = program(&s).await;
        // Trends read the program's daily table: a share on 20 September, ten on 5
        // October, two on 3 November, and fifty on 10 September (before the range).
        for (d, shares) in [
            (day(2026, 9, 20), 1),
            (day(2026, 10, 5), 10),
            (day(2026, 11, 3), 2),
            (day(2026, 9, 10), 50),
        ] {
            exec(
                &s,
                "INSERT INTO stats_program_days (program_id, network, day, shares, personalised, clicks, bots, \
                 visitors, conversions) VALUES ($1, 'linkedin', $2, $3, 0, 0, 0, 0, 0)",
                &[p, d, shares],
            )
            .await;
        }
        let months_rows = s
            .program_breakdown(p, range(), now(), StatsBy::Month, None)
            .await
            .unwrap();
        let shares: Vec<i64> = months_rows.iter().map(|r| r.totals.shares).collect();
        assert_eq!(shares, [1, 10, 2]);
        let weeks = s
            .program_breakdown(p, range(), now(), StatsBy::Week, None)
            .await
            .unwrap();
        let in_weeks: i64 = weeks.iter().map(|r| r.totals.shares).sum();
        assert_eq!(in_weeks, 13, "every day of the range in its week, none before");
        let first = weeks.iter().find(|r| r.totals.shares > 0).unwrap();
        assert_eq!(first.totals.shares, 1, "20 September's week");

        drop_store(s, db).await;
    }
}

/// An item with 30 clicks on 1 October.
async fn seed_item(s: &Store, p: i64) {
    exec(
        s,
        "INSERT INTO content_items (title, category, target_url, language, status, starts_at, created_at, \
         updated_at) VALUES ('Szukamy ludzi', 'job_offer', 'https://e.example', 'pl', 'published', 0, 0, 0)",
        &[],
    )
    .await;
    let (item,): (i64,) = sqlx::query_as("SELECT id FROM content_items")
        .fetch_one(&s.pool)
        .await
        .unwrap();
    exec(
        s,
        "INSERT INTO stats_item_days (program_id, item_id, network, day, shares, personalised, clicks, \
         personalised_clicks, bots, visitors, conversions) VALUES ($1, $2, 'linkedin', $3, 2, 1, 30, 10, 0, 20, 1)",
        &[p, item, day(2026, 10, 1)],
    )
    .await;
}

/// Three applications: one new in the period, one hired in it (applied the day before
/// it), one hired the day before it.
async fn seed_applications(s: &Store, p: i64) {
    let (start, t) = (range().start_millis(), now());
    exec(
        s,
        "INSERT INTO job_offers (title, location, contract_type, description, language, status, created_at, \
         updated_at) VALUES ('Dev', 'Waw', 'employment', '', 'pl', 'open', 0, 0)",
        &[],
    )
    .await;
    for (stage, created, hired_at) in [
        ("new", start + 1, None),
        ("hired", start - DAY, Some(t - DAY)),
        ("hired", start - 9 * DAY, Some(start - DAY)),
    ] {
        let sql = format!(
            "INSERT INTO applications (offer_id, name, email, consent_text, stage, program_id, created_at, \
             updated_at) VALUES ((SELECT MIN(id) FROM job_offers), 'C', 'c@e.example', 'ok', '{stage}', $1, $2, $2)"
        );
        exec(s, &sql, &[p, created]).await;
        if let Some(at) = hired_at {
            exec(
                s,
                "INSERT INTO application_stages (application_id, from_stage, to_stage, at) \
                 VALUES ((SELECT MAX(id) FROM applications), 'offer', 'hired', $1)",
                &[at],
            )
            .await;
        }
    }
}

/// Four planned posts: done, missed, still planned but past its deadline (missed), and
/// planned and not due yet.
async fn seed_plan(s: &Store, p: i64) {
    let (start, t) = (range().start_millis(), now());
    exec(
        s,
        "INSERT INTO calendar_slots (program_id, network, topic, starts_at, ends_at, audience, created_at, updated_at) \
         VALUES ($1, 'linkedin', 'Dzień otwarty', 0, 0, 'program', 0, 0)",
        &[p],
    )
    .await;
    let mut users = Vec::new();
    for i in 0..4 {
        users.push(person(s, &format!("p{i}@t.example"), "P", &[Role::Ambassador], &[]).await);
    }
    for (u, status, ends) in [
        (users[0], "done", start + DAY),
        (users[1], "missed", start + DAY),
        (users[2], "planned", t - 3 * DAY),
        (users[3], "planned", t),
    ] {
        let sql = format!(
            "INSERT INTO planned_posts (slot_id, user_id, starts_at, ends_at, status, updated_at) \
             VALUES ((SELECT MIN(id) FROM calendar_slots), $1, $2, $2, '{status}', 0)"
        );
        exec(s, &sql, &[u, ends]).await;
    }
}

/// Two surveys of five answers: five passives closed yesterday, five detractors closed
/// after the period.
async fn seed_surveys(s: &Store) {
    let t = now();
    for (closed, score) in [(t - DAY, 8), (t + DAY, 0)] {
        exec(
            s,
            "INSERT INTO enps_surveys (opened_at, closed_at) VALUES (0, $1)",
            &[closed],
        )
        .await;
        exec(
            s,
            "INSERT INTO enps_tallies (survey_id, score, answers) VALUES ((SELECT MAX(id) FROM enps_surveys), $1, 5)",
            &[score],
        )
        .await;
    }
}

#[tokio::test]
async fn items_applications_hires_plans_and_enps_are_counted_in_the_period() {
    for (s, db) in stores().await {
        let p = program(&s).await;
        seed_item(&s, p).await;
        let items = s
            .program_breakdown(p, range(), now(), StatsBy::Item, Some(10))
            .await
            .unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!((items[0].label.as_str(), items[0].totals.clicks), ("Szukamy ludzi", 30));
        seed_applications(&s, p).await;
        seed_plan(&s, p).await;
        seed_surveys(&s).await;
        let h = s.program_headline(p, range(), now()).await.unwrap();
        assert_eq!((h.applications, h.hires), (1, 1));
        assert_eq!(h.plan_realisation, Some(1.0 / 3.0));
        assert_eq!(
            h.enps,
            Some(0),
            "five passives; the later survey closed after the period"
        );
        let r = s.plan_realisation(p, range(), now()).await.unwrap();
        assert_eq!((r.planned, r.done, r.missed, r.open()), (4, 1, 2, 1));
        let before = s.program_headline(p, range().previous(), now()).await.unwrap();
        assert_eq!((before.applications, before.hires, before.enps), (2, 1, None));
        drop_store(s, db).await;
    }
}

#[tokio::test]
async fn emv_rates_default_per_network_and_only_changes_are_stored() {
    for (s, db) in stores().await {
        let p = program(&s).await;
        let defaults = s.emv_rates(p).await.unwrap();
        assert_eq!(defaults, emv::DEFAULTS.to_vec());
        let own = Rates {
            reach_factor_per_mille: 250,
            cpm_grosze: 5_000,
            cpc_grosze: 199,
        };
        let mut set = defaults.clone();
        set[1].1 = own;
        s.set_emv_rates(p, &set).await.unwrap();
        assert_eq!(s.emv_rates(p).await.unwrap(), set);
        let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM program_emv_rates")
            .fetch_one(&s.pool)
            .await
            .unwrap();
        assert_eq!(rows, 1, "networks at their defaults keep no row");
        s.set_emv_rates(p, &defaults).await.unwrap();
        assert_eq!(s.emv_rates(p).await.unwrap(), defaults);
        assert_eq!(StatsBy::parse("week"), Some(StatsBy::Week));
        assert_eq!(StatsBy::parse("day"), None);
        drop_store(s, db).await;
    }
}
