//! Challenges (C10): the coordinator's form, members' progress, and settlement in each
//! mode (threshold, collective goal, raffle), exactly once even when two settlements
//! run at once, with the raffle reproducible from its recorded seed.

use crate::common::{PASSWORD, TestApp};
use crate::leaderboards::{award_at, item, quiet_program, share_at};
use crate::story;
use ambasada_core::rewards::challenges::{Mode, Spec, draw};
use ambasada_core::rewards::leaderboards::Metric;
use ambasada_core::rewards::points::Rule;
use ambasada_core::{DAY, HOUR, MINUTE, Role};
use ambasada_server::rewards::settle::{settle, settle_due};

/// A challenge whose window ended an hour ago, set straight in the store.
async fn ended_challenge(
    app: &TestApp,
    program: i64,
    (metric, mode, target, winners): (Metric, Mode, i64, i64),
    team_id: Option<i64>,
) -> (i64, i64, i64) {
    let now = ambasada_server::now();
    let (starts_at, ends_at) = (now - 3 * DAY, now - HOUR);
    let spec = Spec {
        title: format!("{} {}", metric.as_str(), mode.as_str()),
        description: String::new(),
        metric,
        content_id: None,
        team_id,
        target,
        mode,
        bonus: 50,
        winners,
        starts_at,
        ends_at,
    };
    let id = app.state.store.create_challenge(program, &spec, 1, now).await.unwrap();
    (id, starts_at, ends_at)
}

async fn people(app: &TestApp, program: i64, names: &[&str]) -> Vec<i64> {
    let mut ids = Vec::new();
    for n in names {
        let id = app.create_user(&format!("{n}@test.example"), &[Role::Ambassador]).await;
        app.state.store.add_member(program, id, 0).await.unwrap();
        ids.push(id);
    }
    ids
}

/// The bonus rows of a challenge for a person.
async fn bonus_rows(app: &TestApp, user: i64, challenge: i64) -> Vec<i64> {
    app.state
        .store
        .ledger_for_source(user, &format!("challenge:{challenge}"))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.amount)
        .collect()
}

/// Settles a challenge twice at the same time, a day on (when even the clicks of a
/// points challenge's last day are final); returns how many of the two claimed it.
async fn settle_twice_at_once(app: &TestApp, id: i64) -> usize {
    let now = ambasada_server::now() + DAY;
    let (a, b) = tokio::join!(settle(&app.state, id, now), settle(&app.state, id, now));
    usize::from(a.unwrap()) + usize::from(b.unwrap())
}

async fn a_coordinator_sets_a_challenge_and_members_follow_their_progress(app: &TestApp) {
    let coord = app.login_as(Role::Coordinator).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = people(app, program, &["ala", "bob"]).await;
    let fair = item(app, coord, "Job fair").await;
    let other = item(app, coord, "Product").await;
    let url = format!("/app/programs/{program}/challenges");
    assert_eq!(app.get(&format!("{url}/new")).await.status(), 200);

    // A bad form keeps what was typed and says what is wrong, field by field.
    let res = app
        .post_form(
            &url,
            &[
                ("title", "Job fair week"),
                ("metric", "points"),
                ("content_id", &fair.to_string()),
                ("target", "zero"),
                ("mode", "raffle"),
                ("winners", "0"),
                ("bonus", "50"),
                ("starts_at", "2026-05-10T10:00"),
                ("ends_at", "2026-05-09T10:00"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for message in [
        "Points cannot be limited to one content item.",
        "Enter a whole number from 1 to 1,000,000.",
        "Enter a whole number of winners from 1 to 1,000.",
        "The end must come after the start.",
    ] {
        assert!(page.contains(message), "{message}: {page}");
    }
    assert!(page.contains(r#"value="Job fair week""#));

    let tz = jiff::tz::TimeZone::get("Europe/Warsaw").unwrap();
    let local = |at: i64| {
        jiff::Timestamp::from_millisecond(at)
            .unwrap()
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let now = ambasada_server::now();
    let fields = [
        ("title", "Job fair week"),
        ("description", "Share the job fair post."),
        ("metric", "shares"),
        ("content_id", &fair.to_string()),
        ("target", "2"),
        ("mode", "threshold"),
        ("bonus", "40"),
        ("starts_at", &local(now - 2 * HOUR)),
        ("ends_at", &local(now + 2 * DAY)),
    ];
    // A start long past would count what was done before the challenge existed.
    let res = app.post_form(&url, &fields).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("The start cannot be in the past"), "{page}");
    let started = local(now - 30 * MINUTE);
    let mut fields = fields;
    fields[7] = ("starts_at", &started);
    let res = app.post_form(&url, &fields).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let c = app.state.store.challenge(id).await.unwrap().unwrap();
    assert_eq!(
        (c.metric.as_str(), c.content_id, c.target, c.bonus, c.mode.as_str()),
        ("shares", Some(fair), 2, 40, "threshold")
    );

    // A member may not set one.
    let member = TestApp::sibling(app);
    member.login("ala@test.example", PASSWORD).await;
    assert_eq!(member.post_form(&url, &fields).await.status(), 403);
    assert_eq!(member.get(&format!("{url}/new")).await.status(), 403);

    // Ala shares the job fair post once (and another item, which does not count).
    share_at(app, m[0], program, fair, ambasada_server::now(), 700).await;
    share_at(app, m[0], program, other, ambasada_server::now(), 700).await;
    let list = member.get(&url).await.text().await.unwrap();
    assert!(list.contains("Job fair week") && list.contains("1 / 2"), "{list}");
    let page = member.get(&location).await.text().await.unwrap();
    assert!(page.contains(r#"<strong id="challenge-mine">1 / 2</strong>"#), "{page}");
    // The leaderboard for the challenge's window counts the same.
    let board = member
        .get(&format!(
            "/app/programs/{program}/leaderboard?period=challenge&challenge={id}"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        board.contains(r#"<strong id="board-value">1 share</strong>"#),
        "{board}"
    );

    // The coordinator cancels it; a settled one could not be.
    let res = app.post_form(&format!("{url}/{id}/delete"), &[]).await;
    assert_eq!(res.status(), 303);
    assert!(app.state.store.challenge(id).await.unwrap().is_none());
    let _ = m[1];
}
story!(a_coordinator_sets_a_challenge_and_members_follow_their_progress);

async fn everyone_who_reaches_the_threshold_gets_the_bonus_once(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = people(app, program, &["ala", "bob", "cyd"]).await;
    let it = item(app, coord, "Job fair").await;
    let (id, starts_at, ends_at) = ended_challenge(app, program, (Metric::Shares, Mode::Threshold, 3, 1), None).await;
    for _ in 0..3 {
        share_at(app, m[0], program, it, starts_at + HOUR, 700).await;
    }
    // Bob has three too, but one came before the window and one after.
    share_at(app, m[1], program, it, starts_at - 1, 700).await;
    share_at(app, m[1], program, it, starts_at, 700).await;
    share_at(app, m[1], program, it, ends_at, 700).await;
    share_at(app, m[2], program, it, ends_at - 1, 700).await;

    // A running challenge is not settled by the job's rule.
    let now = ambasada_server::now();
    let running = app
        .state
        .store
        .create_challenge(
            program,
            &Spec {
                title: "Later".into(),
                description: String::new(),
                metric: Metric::Shares,
                content_id: None,
                team_id: None,
                target: 1,
                mode: Mode::Threshold,
                bonus: 5,
                winners: 1,
                starts_at: now - DAY,
                ends_at: now + DAY,
            },
            coord,
            now,
        )
        .await
        .unwrap();
    assert!(!settle(&app.state, running, now).await.unwrap());

    assert_eq!(
        settle_twice_at_once(app, id).await,
        1,
        "exactly one settlement claims it"
    );
    assert_eq!(settle_due(&app.state, ambasada_server::now()).await.unwrap(), 0);
    assert_eq!(bonus_rows(app, m[0], id).await, vec![50]);
    assert!(bonus_rows(app, m[1], id).await.is_empty());
    assert!(bonus_rows(app, m[2], id).await.is_empty());
    let c = app.state.store.challenge(id).await.unwrap().unwrap();
    assert!(c.settled_at.is_some() && c.seed.is_none());
    assert!(
        app.state
            .store
            .challenge(running)
            .await
            .unwrap()
            .unwrap()
            .settled_at
            .is_none()
    );
    let (notes, _) = app.state.store.notifications(m[0], 10, 0).await.unwrap();
    assert_eq!(notes.iter().filter(|n| n.kind == "challenge-bonus").count(), 1);

    // The page says who got it; the ambassador sees their own bonus.
    app.login("ala@test.example", PASSWORD).await;
    let page = app
        .get(&format!("/app/programs/{program}/challenges/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("You got the bonus: 50 points.") && page.contains("1 person got the bonus:"),
        "{page}"
    );
}
story!(everyone_who_reaches_the_threshold_gets_the_bonus_once);

async fn a_collective_goal_pays_every_contributor_of_the_team_once_it_is_reached(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = people(app, program, &["ala", "bob", "cyd", "dan"]).await;
    let team = app.state.store.create_team("Sales", 0).await.unwrap();
    for who in &m[..3] {
        app.state
            .store
            .set_roles_and_teams(*who, &[Role::Ambassador], &[team], 0)
            .await
            .unwrap();
    }
    let it = item(app, coord, "Job fair").await;
    let (reached, starts_at, _) =
        ended_challenge(app, program, (Metric::Shares, Mode::Collective, 4, 1), Some(team)).await;
    let (missed, ..) = ended_challenge(app, program, (Metric::Shares, Mode::Collective, 5, 1), Some(team)).await;
    // The team: Ala 3, Bob 1, Cyd nothing; Dan (not in the team) 5.
    for (who, n) in [(m[0], 3), (m[1], 1), (m[3], 5)] {
        for _ in 0..n {
            share_at(app, who, program, it, starts_at + HOUR, 700).await;
        }
    }
    assert_eq!(settle_twice_at_once(app, reached).await, 1);
    assert_eq!(settle_twice_at_once(app, missed).await, 1);
    assert_eq!(bonus_rows(app, m[0], reached).await, vec![50]);
    assert_eq!(
        bonus_rows(app, m[1], reached).await,
        vec![50],
        "one share is a contribution"
    );
    assert!(
        bonus_rows(app, m[2], reached).await.is_empty(),
        "no contribution, no bonus"
    );
    assert!(bonus_rows(app, m[3], reached).await.is_empty(), "not in the team");
    for who in &m {
        assert!(bonus_rows(app, *who, missed).await.is_empty(), "4 of 5 is not the goal");
    }
    assert!(
        app.state
            .store
            .challenge(missed)
            .await
            .unwrap()
            .unwrap()
            .settled_at
            .is_some()
    );
}
story!(a_collective_goal_pays_every_contributor_of_the_team_once_it_is_reached);

async fn a_raffle_is_drawn_once_with_a_seed_anyone_can_check(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = people(app, program, &["ala", "bob", "cyd", "dan"]).await;
    let (id, starts_at, _) = ended_challenge(app, program, (Metric::Points, Mode::Raffle, 10, 2), None).await;
    for (i, (who, pts)) in [(m[0], 12), (m[1], 10), (m[2], 15), (m[3], 3)].into_iter().enumerate() {
        award_at(
            app,
            who,
            program,
            Rule::Course,
            &format!("course:{i}"),
            pts,
            starts_at + HOUR,
        )
        .await;
    }
    assert_eq!(settle_twice_at_once(app, id).await, 1);
    let c = app.state.store.challenge(id).await.unwrap().unwrap();
    let seed = c.seed.clone().expect("the seed is recorded");
    assert_eq!(seed.len(), 32);
    assert!(seed.chars().all(|ch| ch.is_ascii_hexdigit()));
    assert_eq!(c.candidate_ids(), vec![m[0], m[1], m[2]], "those who reached 10 points");
    let winners: Vec<i64> = app
        .state
        .store
        .challenge_recipients(id)
        .await
        .unwrap()
        .into_iter()
        .map(|(u, ..)| u)
        .collect();
    assert_eq!(winners.len(), 2, "two settlements at once drew once");
    // Anyone can draw again from the recorded seed and candidates.
    let mut again = draw(&seed, &c.candidate_ids(), c.winners);
    again.sort_unstable();
    assert_eq!(winners, again);
    for w in &winners {
        assert_eq!(bonus_rows(app, *w, id).await, vec![50]);
    }
    assert!(bonus_rows(app, m[3], id).await.is_empty());

    // The page shows the seed, every candidate's ticket and how to check them; of
    // someone who hides their name on boards, only the ticket.
    app.state.store.set_hide_on_boards(m[1], true, 0).await.unwrap();
    app.login("dan@test.example", PASSWORD).await;
    let page = app
        .get(&format!("/app/programs/{program}/challenges/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!(r#"<code class="secret" id="raffle-seed">{seed}</code>"#)),
        "{page}"
    );
    for who in &c.candidate_ids() {
        let ticket = ambasada_core::rewards::challenges::ticket(&seed, *who);
        assert!(page.contains(&ticket), "{ticket}: {page}");
    }
    assert!(page.contains("sha256sum"));
    assert_eq!(page.matches(">won</span>").count(), 2);
    let id_cell = |who: i64| format!(r#"<td data-label="User id">{who}</td>"#);
    assert!(page.contains(&id_cell(m[0])) && page.contains(&id_cell(m[2])), "{page}");
    assert!(!page.contains(&id_cell(m[1])), "{page}");
    assert!(!page.contains("Test bob"));
}
story!(a_raffle_is_drawn_once_with_a_seed_anyone_can_check);

async fn the_person_who_set_a_challenge_never_gets_its_bonus(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    // The coordinator is an ambassador of the program too.
    app.state.store.add_member(program, coord, 0).await.unwrap();
    let m = people(app, program, &["ala"]).await;
    let it = item(app, coord, "Job fair").await;
    let now = ambasada_server::now();
    let spec = Spec {
        title: "Share it".into(),
        description: String::new(),
        metric: Metric::Shares,
        content_id: None,
        team_id: None,
        target: 1,
        mode: Mode::Collective,
        bonus: 50,
        winners: 1,
        starts_at: now - 3 * DAY,
        ends_at: now - HOUR,
    };
    let id = app
        .state
        .store
        .create_challenge(program, &spec, coord, now - 3 * DAY)
        .await
        .unwrap();
    for who in [coord, m[0]] {
        share_at(app, who, program, it, now - 2 * DAY, 700).await;
    }
    assert_eq!(settle_twice_at_once(app, id).await, 1);
    assert_eq!(bonus_rows(app, m[0], id).await, vec![50]);
    assert!(bonus_rows(app, coord, id).await.is_empty(), "not for its creator");
}
story!(the_person_who_set_a_challenge_never_gets_its_bonus);

async fn a_points_challenge_settles_once_the_clicks_of_its_last_day_are_awarded(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    store.set_points_rule(program, Rule::Click, 3, 0).await.unwrap();
    let m = people(app, program, &["ala"]).await;
    let it = item(app, coord, "Job fair").await;
    let link = store
        .create_tracked_link(
            "Settle0001",
            m[0],
            it,
            "linkedin",
            Some(program),
            "https://www.example.com/jobs",
            0,
        )
        .await
        .unwrap();
    // The window ends at midnight UTC tonight (today's clicks are not awarded yet; the
    // click job has done the days before); Ala's link has a reader at 23:00.
    let end = (ambasada_core::tracking::day_number(ambasada_server::now()) + 1) * DAY;
    let shared = ambasada_store::content::sharing::NewShare {
        user_id: m[0],
        item_id: Some(it),
        link_id: Some(link.id),
        program_id: Some(program),
        network: "linkedin".into(),
        text: "My own words".into(),
        post_url: None,
        topic: None,
        personalisation: Some(700),
    };
    store.record_share(&shared, end - 2 * DAY).await.unwrap();
    store
        .insert_clicks(&[ambasada_store::tracking::NewClick {
            link_id: link.id,
            at: end - HOUR,
            network: "linkedin",
            visitor_hash: "reader".into(),
            browser: "desktop",
            referrer_host: None,
        }])
        .await
        .unwrap();
    let spec = Spec {
        title: "Points".into(),
        description: String::new(),
        metric: Metric::Points,
        content_id: None,
        team_id: None,
        target: 3,
        mode: Mode::Threshold,
        bonus: 50,
        winners: 1,
        starts_at: end - 3 * DAY,
        ends_at: end,
    };
    let id = store
        .create_challenge(program, &spec, coord, end - 3 * DAY)
        .await
        .unwrap();
    // Five minutes after the end, that day's clicks are not final: not settled yet.
    assert!(!settle(&app.state, id, end + 5 * MINUTE).await.unwrap());
    assert!(store.challenge(id).await.unwrap().unwrap().settled_at.is_none());
    // A quarter of an hour on, the click points are in (dated on their day) and count.
    assert!(settle(&app.state, id, end + 15 * MINUTE).await.unwrap());
    assert_eq!(bonus_rows(app, m[0], id).await, vec![50]);
}
story!(a_points_challenge_settles_once_the_clicks_of_its_last_day_are_awarded);
