//! Leaderboards and badges (C10): ranking with ties and one's own place, period
//! boundaries and past periods, human clicks only, team averages per active ambassador,
//! hidden names, who may see a board, and badges earned once (the four-week streak too).

use crate::common::api_token as token;
use crate::common::{TestApp, client};
use crate::story;
use ambasada_core::rewards::points::Rule;
use ambasada_core::{DAY, HOUR, Millis, Role, Scope};
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;
use ambasada_store::rewards::points::Award;
use ambasada_store::tracking::NewClick;
use serde_json::Value;

/// An approved item for every program.
pub async fn item(app: &TestApp, author: i64, title: &str) -> i64 {
    crate::common::approved_item(
        app,
        author,
        &ContentInput {
            title: title.into(),
            category: "job_offer".into(),
            target_url: "https://www.example.com/jobs".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "We are hiring in Kraków.".into())],
            program_ids: vec![],
            team_ids: vec![],
        },
    )
    .await
}

/// A share of `item` in `program` at `at`, with a personalisation score (per mille).
pub async fn share_at(app: &TestApp, user: i64, program: i64, item: i64, at: Millis, personalisation: i64) -> i64 {
    let share = NewShare {
        user_id: user,
        item_id: Some(item),
        link_id: None,
        program_id: Some(program),
        network: "linkedin".into(),
        text: format!("My own words, {at}"),
        post_url: None,
        topic: None,
        personalisation: Some(personalisation),
    };
    app.state.store.record_share(&share, at).await.unwrap()
}

/// An award of `amount` points in `program` at `at`.
pub async fn award_at(app: &TestApp, user: i64, program: i64, rule: Rule, source: &str, amount: i64, at: Millis) {
    let a = Award {
        user_id: user,
        program_id: Some(program),
        rule,
        source,
        amount,
        reason: (rule == Rule::Correction).then_some("a share removed"),
    };
    assert!(app.state.store.award(&a, at).await.unwrap());
}

/// A program whose shares earn no points, so that boards by points count only the
/// awards a test makes.
pub async fn quiet_program(app: &TestApp, slug: &str, coordinator: i64) -> i64 {
    let p = app.create_program(slug, slug, Some(coordinator)).await;
    for rule in [Rule::Share, Rule::Personalised] {
        app.state.store.set_points_rule(p, rule, 0, 0).await.unwrap();
    }
    p
}

/// A time in Warsaw, e.g. `2026-03-31T23:59:59.999+02:00`.
pub fn warsaw(s: &str) -> Millis {
    format!("{s}[Europe/Warsaw]")
        .parse::<jiff::Zoned>()
        .unwrap()
        .timestamp()
        .as_millisecond()
}

/// `GET /api/v1/programs/{id}/leaderboard?{query}`: the status and the body.
async fn board(app: &TestApp, token: &str, program: i64, query: &str) -> (u16, Value) {
    let res = client()
        .get(app.url(&format!("/api/v1/programs/{program}/leaderboard?{query}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// Members of a program, created with the ambassador role and added from the start.
async fn members(app: &TestApp, program: i64, names: &[&str]) -> Vec<i64> {
    let mut ids = Vec::new();
    for n in names {
        let id = app.create_user(&format!("{n}@test.example"), &[Role::Ambassador]).await;
        app.state.store.add_member(program, id, 0).await.unwrap();
        ids.push(id);
    }
    ids
}

fn ranks(b: &Value) -> Vec<(String, i64, i64)> {
    b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["rank"].as_i64().unwrap(),
                e["value"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn equal_values_share_a_place_and_everyone_sees_their_own_place_and_distance(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let other = quiet_program(app, "sales", coord).await;
    let m = members(app, program, &["ala", "bob", "cyd", "dan", "eve"]).await;
    let march = warsaw("2026-03-10T12:00:00+01:00");
    for (i, (who, pts)) in [(m[0], 30), (m[1], 30), (m[2], 20), (m[3], 10)].into_iter().enumerate() {
        award_at(app, who, program, Rule::Course, &format!("course:{i}"), pts, march).await;
    }
    // A correction is counted (20 - 5 = 15); another program's points are not.
    award_at(
        app,
        m[2],
        program,
        Rule::Correction,
        "correction:share:1",
        -5,
        march + HOUR,
    )
    .await;
    award_at(app, m[3], other, Rule::Course, "course:9", 500, march).await;

    let dan = token(app, m[3], &[Scope::ContentRead]).await;
    let (status, b) = board(app, &dan, program, "period=month&month=2026-03&by=points").await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(
        ranks(&b),
        vec![
            ("Test ala".into(), 1, 30),
            ("Test bob".into(), 1, 30),
            ("Test cyd".into(), 3, 15),
            ("Test dan".into(), 4, 10),
            ("Test eve".into(), 5, 0)
        ],
        "{b}"
    );
    assert_eq!(b["you"], serde_json::json!({"rank": 4, "value": 10, "to_next": 5}));
    assert_eq!(b["entries"][3]["you"], true);
    assert_eq!(b["entries"][3]["user_id"], m[3]);
    assert_eq!(b["period"]["kind"], "month");
    // Outside the top, one's own row is still there, and the leader has nothing to reach.
    let eve = token(app, m[4], &[Scope::ContentRead]).await;
    let (_, b) = board(app, &eve, program, "period=month&month=2026-03&limit=2").await;
    let names: Vec<String> = ranks(&b).into_iter().map(|(n, ..)| n).collect();
    assert_eq!(names, vec!["Test ala", "Test bob", "Test eve"], "{b}");
    assert_eq!(b["you"], serde_json::json!({"rank": 5, "value": 0, "to_next": 10}));
    let ala = token(app, m[0], &[Scope::ContentRead]).await;
    let (_, b) = board(app, &ala, program, "period=month&month=2026-03").await;
    assert_eq!(b["you"], serde_json::json!({"rank": 1, "value": 30, "to_next": null}));

    // The page shows the same place and distance.
    app.login("dan@test.example", crate::common::PASSWORD).await;
    let page = app
        .get(&format!("/app/programs/{program}/leaderboard?when=month:2026-03"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<strong id="board-rank">4.</strong>"#), "{page}");
    assert!(
        page.contains(r#"<strong id="board-to-next">5 points</strong>"#),
        "{page}"
    );
    assert!(page.contains("Test cyd") && page.contains("15 points"));
}
story!(equal_values_share_a_place_and_everyone_sees_their_own_place_and_distance);

async fn boards_keep_to_their_period_and_past_periods_stay_viewable(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = members(app, program, &["ala", "bob"]).await;
    let it = item(app, coord, "Job fair").await;
    // The last millisecond of March and the first of April, in Warsaw (DST changed in March).
    let end_of_march = warsaw("2026-03-31T23:59:59.999+02:00");
    let start_of_april = warsaw("2026-04-01T00:00:00+02:00");
    award_at(app, m[0], program, Rule::Course, "course:1", 7, end_of_march).await;
    award_at(app, m[0], program, Rule::Course, "course:2", 11, start_of_april).await;
    share_at(app, m[1], program, it, end_of_march, 800).await;
    share_at(app, m[1], program, it, start_of_april, 800).await;
    share_at(app, m[1], program, it, start_of_april + DAY, 800).await;

    let t = token(app, m[0], &[Scope::ContentRead]).await;
    let value = |b: &Value, who: i64| {
        b["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["user_id"] == who)
            .map(|e| e["value"].as_i64().unwrap())
            .unwrap_or(-1)
    };
    let (_, march) = board(app, &t, program, "period=month&month=2026-03").await;
    let (_, april) = board(app, &t, program, "period=month&month=2026-04").await;
    assert_eq!((value(&march, m[0]), value(&april, m[0])), (7, 11), "{march} {april}");
    let (_, march) = board(app, &t, program, "period=month&month=2026-03&by=shares").await;
    let (_, april) = board(app, &t, program, "month=2026-04&by=shares").await;
    assert_eq!((value(&march, m[1]), value(&april, m[1])), (1, 2));
    let (_, q1) = board(app, &t, program, "period=quarter&quarter=2026-Q1").await;
    let (_, q2) = board(app, &t, program, "period=quarter&quarter=2026-Q2").await;
    assert_eq!((value(&q1, m[0]), value(&q2, m[0])), (7, 11));
    assert_eq!(q1["period"]["from"], "2025-12-31T23:00:00Z", "{q1}");

    // The last 30 days: yesterday counts, 31 days ago does not.
    let now = ambasada_server::now();
    award_at(app, m[1], program, Rule::Course, "course:3", 4, now - 31 * DAY).await;
    award_at(app, m[1], program, Rule::Course, "course:4", 6, now - DAY).await;
    let (_, recent) = board(app, &t, program, "period=rolling30").await;
    assert_eq!(value(&recent, m[1]), 6, "{recent}");

    // Human clicks count; bots and link previews never do.
    let link = app
        .state
        .store
        .create_tracked_link(
            "abcdefghij",
            m[1],
            it,
            "linkedin",
            Some(program),
            "https://www.example.com/jobs",
            0,
        )
        .await
        .unwrap();
    let click = |browser: &'static str, n: u8| NewClick {
        link_id: link.id,
        at: start_of_april + HOUR,
        network: "linkedin",
        visitor_hash: format!("v{n}"),
        browser,
        referrer_host: None,
    };
    let clicks = [
        click("desktop", 1),
        click("mobile", 2),
        click("desktop", 3),
        click("bot", 4),
        click("bot", 5),
    ];
    app.state.store.insert_clicks(&clicks).await.unwrap();
    let (_, b) = board(app, &t, program, "month=2026-04&by=clicks").await;
    assert_eq!(value(&b, m[1]), 3, "{b}");
    let (_, b) = board(app, &t, program, "month=2026-03&by=clicks").await;
    assert_eq!(value(&b, m[1]), 0);

    // A wrong query is a 400 naming the parameter.
    let (status, b) = board(app, &t, program, "period=month&month=2026-13").await;
    assert_eq!((status, b["errors"]["month"].is_string()), (400, true), "{b}");
    let (status, b) = board(app, &t, program, "period=decade").await;
    assert_eq!((status, b["errors"]["period"].is_string()), (400, true), "{b}");
    let (status, _) = board(app, &t, program, "by=likes").await;
    assert_eq!(status, 400);
    // The page shows the past month it was asked for.
    app.login("ala@test.example", crate::common::PASSWORD).await;
    let page = app
        .get(&format!("/app/programs/{program}/leaderboard?when=month:2026-03"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("7 points"), "{page}");
}
story!(boards_keep_to_their_period_and_past_periods_stay_viewable);

async fn teams_compare_by_their_average_per_active_ambassador(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = members(app, program, &["ala", "bob", "cyd", "dan"]).await;
    let big = app.state.store.create_team("Big team", 0).await.unwrap();
    let small = app.state.store.create_team("Small team", 0).await.unwrap();
    for (who, team) in [(m[0], big), (m[1], big), (m[2], big), (m[3], small)] {
        app.state
            .store
            .set_roles_and_teams(who, &[Role::Ambassador], &[team], 0)
            .await
            .unwrap();
    }
    let it = item(app, coord, "Job fair").await;
    let at = warsaw("2026-05-12T10:00:00+02:00");
    // Ala, Bob and Dan share (active); Cyd does not, but her points count in the total.
    for who in [m[0], m[1], m[3]] {
        share_at(app, who, program, it, at, 800).await;
    }
    for (i, (who, pts)) in [(m[0], 30), (m[1], 10), (m[2], 5), (m[3], 25)].into_iter().enumerate() {
        award_at(app, who, program, Rule::Course, &format!("course:{i}"), pts, at).await;
    }
    let t = token(app, m[0], &[Scope::ContentRead]).await;
    let (status, b) = board(app, &t, program, "month=2026-05&group=team").await;
    assert_eq!(status, 200, "{b}");
    let e = b["entries"].as_array().unwrap();
    // Small team: 25 for one active ambassador; big team: 45 for two, 22.5 each.
    assert_eq!(
        (e[0]["name"].as_str(), e[0]["value"].as_f64(), e[0]["rank"].as_i64()),
        (Some("Small team"), Some(25.0), Some(1)),
        "{b}"
    );
    assert_eq!(
        (e[1]["name"].as_str(), e[1]["value"].as_f64()),
        (Some("Big team"), Some(22.5))
    );
    assert_eq!(
        (
            e[1]["active"].as_i64(),
            e[1]["members"].as_i64(),
            e[1]["total"].as_i64()
        ),
        (Some(2), Some(3), Some(45))
    );
    assert_eq!((e[1]["you"].as_bool(), e[1]["user_id"].is_null()), (Some(true), true));
    assert_eq!(b["you"], serde_json::json!({"rank": 2, "value": 22.5, "to_next": 2.5}));
    // By shares: 1 share per active ambassador in both teams, a shared first place.
    let (_, b) = board(app, &t, program, "month=2026-05&group=team&by=shares").await;
    let e = b["entries"].as_array().unwrap();
    assert_eq!(
        (e[0]["rank"].as_i64(), e[1]["rank"].as_i64(), e[1]["value"].as_f64()),
        (Some(1), Some(1), Some(1.0)),
        "{b}"
    );
    // One team's own board of people.
    let (_, b) = board(app, &t, program, &format!("month=2026-05&team={small}")).await;
    assert_eq!(ranks(&b), vec![("Test dan".into(), 1, 25)]);
    assert!(b["you"].is_null(), "Ala is not in the small team: {b}");
    // The page shows averages with the language's decimal separator.
    app.login("ala@test.example", crate::common::PASSWORD).await;
    let page = app
        .get(&format!(
            "/app/programs/{program}/leaderboard?when=month:2026-05&group=team"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("22.5") && page.contains("Small team") && page.contains("2 / 3"),
        "{page}"
    );
}
story!(teams_compare_by_their_average_per_active_ambassador);

async fn a_hidden_name_shows_as_an_ambassador_to_everyone_but_its_owner(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = members(app, program, &["ala", "bob"]).await;
    let at = warsaw("2026-05-12T10:00:00+02:00");
    award_at(app, m[0], program, Rule::Course, "course:1", 5, at).await;
    award_at(app, m[1], program, Rule::Course, "course:2", 9, at).await;

    // Bob hides his name in his profile.
    app.login("bob@test.example", crate::common::PASSWORD).await;
    let profile = app.get("/app/profile").await.text().await.unwrap();
    assert!(profile.contains(r#"action="/app/profile/boards""#), "{profile}");
    let res = app.post_form("/app/profile/boards", &[("hide", "1")]).await;
    assert_eq!(res.status(), 303);
    assert!(app.state.store.hides_on_boards(m[1]).await.unwrap());
    let profile = app.get("/app/profile").await.text().await.unwrap();
    assert!(profile.contains(r#"name="hide" value="1" checked"#));

    let ala = token(app, m[0], &[Scope::ContentRead]).await;
    let (_, b) = board(app, &ala, program, "month=2026-05").await;
    assert_eq!(
        (b["entries"][0]["name"].as_str(), b["entries"][0]["user_id"].is_null()),
        (Some("an ambassador"), true),
        "{b}"
    );
    let coordinator = token(app, coord, &[Scope::ReportsRead]).await;
    let (status, b) = board(app, &coordinator, program, "month=2026-05").await;
    assert_eq!(status, 200);
    assert_eq!(
        b["entries"][0]["name"], "an ambassador",
        "hidden from coordinators too: {b}"
    );
    assert!(b["you"].is_null(), "the coordinator is not on the board");
    let bob = token(app, m[1], &[Scope::ContentRead]).await;
    let (_, b) = board(app, &bob, program, "month=2026-05").await;
    assert_eq!(
        (b["entries"][0]["name"].as_str(), b["entries"][0]["user_id"].as_i64()),
        (Some("Test bob"), Some(m[1]))
    );
    let page = app
        .get(&format!("/app/programs/{program}/leaderboard?when=month:2026-05"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Test bob") && page.contains("Others see you as"),
        "{page}"
    );
    app.login("ala@test.example", crate::common::PASSWORD).await;
    let page = app
        .get(&format!("/app/programs/{program}/leaderboard?when=month:2026-05"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Test bob") && page.contains("an ambassador"), "{page}");

    // Shown again once he unticks the box.
    app.login("bob@test.example", crate::common::PASSWORD).await;
    assert_eq!(app.post_form("/app/profile/boards", &[]).await.status(), 303);
    let (_, b) = board(app, &ala, program, "month=2026-05").await;
    assert_eq!(b["entries"][0]["name"], "Test bob");
}
story!(a_hidden_name_shows_as_an_ambassador_to_everyone_but_its_owner);

async fn only_members_the_coordinator_and_admins_see_a_programs_board(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let other_coord = app.create_user("coord2@test.example", &[Role::Coordinator]).await;
    let admin = app.create_user("admin@test.example", &[Role::Admin]).await;
    let program = quiet_program(app, "eb", coord).await;
    let _other = quiet_program(app, "sales", other_coord).await;
    let m = members(app, program, &["ala"]).await;
    let outsider = app.create_user("out@test.example", &[Role::Ambassador]).await;

    let cases = [
        (token(app, m[0], &[Scope::ContentRead]).await, 200),
        (token(app, outsider, &[Scope::ContentRead]).await, 403),
        (token(app, coord, &[Scope::ReportsRead]).await, 200),
        (token(app, coord, &[Scope::ContentRead]).await, 403),
        (token(app, other_coord, &[Scope::ReportsRead]).await, 403),
        (token(app, admin, &[Scope::ReportsRead]).await, 200),
        (token(app, m[0], &[Scope::SharesWrite]).await, 403),
    ];
    for (i, (t, expected)) in cases.iter().enumerate() {
        let (status, b) = board(app, t, program, "").await;
        assert_eq!(status, *expected, "case {i}: {b}");
    }
    let (status, _) = board(app, &cases[0].0, 9999, "").await;
    assert_eq!(status, 404);
    let res = client()
        .get(app.url(&format!("/api/v1/programs/{program}/leaderboard")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // Pages: the outsider is refused, the member sees the board.
    app.login("out@test.example", crate::common::PASSWORD).await;
    assert_eq!(
        app.get(&format!("/app/programs/{program}/leaderboard")).await.status(),
        403
    );
    assert_eq!(
        app.get(&format!("/app/programs/{program}/challenges")).await.status(),
        403
    );
    let hub = app.get("/app/leaderboard").await.text().await.unwrap();
    assert!(hub.contains("You are not in a program yet."), "{hub}");
    let member = TestApp::sibling(app);
    member.login("ala@test.example", crate::common::PASSWORD).await;
    let res = member.get("/app/leaderboard").await;
    assert_eq!(res.status(), 303, "one program: straight to its board");
    assert_eq!(
        res.headers()["location"],
        format!("/app/programs/{program}/leaderboard")
    );
    let page = member
        .get(&format!("/app/programs/{program}/leaderboard?when=nonsense"))
        .await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("The period is month, quarter, rolling30 or challenge."),
        "{page}"
    );
}
story!(only_members_the_coordinator_and_admins_see_a_programs_board);

/// Badges of a person by name, with when each was earned.
async fn badges_of(app: &TestApp, user: i64) -> Vec<(String, Millis)> {
    app.state
        .store
        .badges_of(user)
        .await
        .unwrap()
        .into_iter()
        .map(|b| (b.badge, b.earned_at))
        .collect()
}

async fn badges_are_earned_once_with_the_date_the_rule_became_true(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = members(app, program, &["ala", "bob"]).await;
    let it = item(app, coord, "Job fair").await;
    // Ala: a share in each of four weeks (the second on a Sunday night), ten of them
    // personalised, the tenth on Tuesday of the fourth week.
    let week = |d: &str| warsaw(&format!("2026-05-{d}:00+02:00"));
    let times = [
        week("04T09:00"),
        week("04T10:00"),
        week("05T10:00"),
        week("17T23:30"),
        week("18T08:00"),
        week("18T09:00"),
        week("19T09:00"),
        week("25T09:00"),
        week("26T09:00"),
        week("26T10:00"),
    ];
    for at in times {
        share_at(app, m[0], program, it, at, 650).await;
    }
    // Bob: shares in three weeks and a gap: no streak; not personalised.
    for d in ["04T09:00", "11T09:00", "25T09:00"] {
        share_at(app, m[1], program, it, week(d), 100).await;
    }
    // Ala's referral: an application through a click on her link.
    let link = app
        .state
        .store
        .create_tracked_link(
            "abcdefghij",
            m[0],
            it,
            "linkedin",
            Some(program),
            "https://www.example.com/jobs",
            0,
        )
        .await
        .unwrap();
    let click_at = week("20T12:00");
    let ids = app
        .state
        .store
        .insert_clicks(&[NewClick {
            link_id: link.id,
            at: click_at,
            network: "linkedin",
            visitor_hash: "v".into(),
            browser: "desktop",
            referrer_host: None,
        }])
        .await
        .unwrap();
    let offer = app
        .state
        .store
        .create_offer(
            &ambasada_store::recruiting::OfferInput {
                title: "Engineer".into(),
                location: "Kraków".into(),
                contract_type: "employment".into(),
                description: "Join us".into(),
                language: "en".into(),
                open: true,
            },
            coord,
            0,
        )
        .await
        .unwrap();
    let applied_at = week("21T12:00");
    app.state
        .store
        .create_application(
            &ambasada_store::recruiting::NewApplication {
                offer_id: offer,
                name: "Candidate".into(),
                email: "c@example.com".into(),
                profile_url: None,
                message: String::new(),
                cv_file: None,
                consent_text: "I agree".into(),
                future_consent_text: None,
                future_consent_until: None,
                source: Some(ambasada_store::tracking::ClickSource {
                    click_id: ids[0],
                    at: click_at,
                    network: "linkedin".into(),
                    ambassador_id: m[0],
                    item_id: it,
                    program_id: Some(program),
                }),
            },
            applied_at,
        )
        .await
        .unwrap();
    // Ala finishes a course of two lessons (no quiz); Bob reads one of them.
    let course = app
        .state
        .store
        .create_course(
            &ambasada_store::training::CourseInput {
                title: "Writing your own post".into(),
                description: String::new(),
                language: "en".into(),
                pass_mark: 80,
                published: true,
            },
            Some(coord),
            0,
        )
        .await
        .unwrap();
    let l1 = app.state.store.add_lesson(course, None, "One", "Text").await.unwrap();
    let l2 = app.state.store.add_lesson(course, None, "Two", "Text").await.unwrap();
    app.state
        .store
        .mark_lesson_read(m[0], l1, week("06T10:00"))
        .await
        .unwrap();
    app.state
        .store
        .mark_lesson_read(m[0], l2, week("07T10:00"))
        .await
        .unwrap();
    app.state
        .store
        .mark_lesson_read(m[1], l1, week("06T10:00"))
        .await
        .unwrap();

    // Two evaluations, one after the other and then two at once: each badge once.
    let now = ambasada_server::now();
    let first = ambasada_server::rewards::badges::evaluate(&app.state, now)
        .await
        .unwrap();
    assert_eq!(first, 6, "five for Ala, the first share for Bob");
    let again = ambasada_server::rewards::badges::evaluate(&app.state, now)
        .await
        .unwrap();
    assert_eq!(again, 0);
    let (a, b) = tokio::join!(
        ambasada_server::rewards::badges::evaluate_person(&app.state, m[0], "Europe/Warsaw"),
        ambasada_server::rewards::badges::evaluate_person(&app.state, m[0], "Europe/Warsaw"),
    );
    assert_eq!((a.unwrap().len(), b.unwrap().len()), (0, 0));
    let mut ala = badges_of(app, m[0]).await;
    ala.sort();
    assert_eq!(
        ala,
        vec![
            ("course_finished".to_string(), week("07T10:00")),
            ("first_referral".to_string(), applied_at),
            ("first_share".to_string(), week("04T09:00")),
            ("four_week_streak".to_string(), week("25T09:00")),
            ("ten_personalised".to_string(), week("26T10:00")),
        ]
    );
    assert_eq!(
        badges_of(app, m[1]).await,
        vec![("first_share".to_string(), week("04T09:00"))]
    );
    // One notification per badge.
    let (notes, _) = app.state.store.notifications(m[0], 50, 0).await.unwrap();
    assert_eq!(notes.iter().filter(|n| n.kind == "badge-earned").count(), 5);

    // The API lists them in the owner's language, and what is left to earn.
    let bob = token(app, m[1], &[Scope::ContentRead]).await;
    let body: Value = client()
        .get(app.url("/api/v1/me/badges"))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["badges"][0]["badge"], "first_share", "{body}");
    assert_eq!(body["badges"][0]["name"], "First share");
    assert_eq!(body["badges"][0]["earned_at"], "2026-05-04T07:00:00Z");
    assert_eq!(body["available"].as_array().unwrap().len(), 4);
    let no_scope = token(app, m[1], &[]).await;
    let res = client()
        .get(app.url("/api/v1/me/badges"))
        .bearer_auth(&no_scope)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The badges page and the profile show them; the notification reads in the language.
    app.login("ala@test.example", crate::common::PASSWORD).await;
    let page = app.get("/app/badges").await.text().await.unwrap();
    assert!(
        page.contains("Four weeks in a row") && page.contains(r#"id="badge-four_week_streak""#),
        "{page}"
    );
    let profile = app.get("/app/profile").await.text().await.unwrap();
    assert!(profile.contains("In your own words"), "{profile}");
    let notes = app.get("/app/notifications").await.text().await.unwrap();
    assert!(
        notes.contains("New badge: ") && notes.contains("Four weeks in a row"),
        "{notes}"
    );
    // "My points" shows the place this month and the badges.
    let mine = app.get("/app/points").await.text().await.unwrap();
    assert!(
        mine.contains("Your place this month") && mine.contains("Four weeks in a row"),
        "{mine}"
    );
    assert!(
        mine.contains(&format!(
            r#"<a href="/app/programs/{program}/leaderboard">eb</a>: <strong>"#
        )),
        "{mine}"
    );
}
story!(badges_are_earned_once_with_the_date_the_rule_became_true);

async fn click_boards_count_each_visitor_once_a_day_and_at_most_the_daily_cap(app: &TestApp) {
    let coord = app.create_user("coord@test.example", &[Role::Coordinator]).await;
    let program = quiet_program(app, "eb", coord).await;
    let m = members(app, program, &["ala", "bob"]).await;
    let it = item(app, coord, "Job fair").await;
    let mut links = Vec::new();
    for (who, code) in [(m[0], "Clicks0001"), (m[1], "Clicks0002")] {
        let link = app
            .state
            .store
            .create_tracked_link(
                code,
                who,
                it,
                "linkedin",
                Some(program),
                "https://www.example.com/jobs",
                0,
            )
            .await
            .unwrap();
        links.push(link.id);
    }
    let click = |link: i64, at: Millis, visitor: String| NewClick {
        link_id: link,
        at,
        network: "linkedin",
        visitor_hash: visitor,
        browser: "desktop",
        referrer_host: None,
    };
    let day1 = warsaw("2026-04-10T12:00:00+02:00");
    let (day2, day3) = (day1 + DAY, day1 + 2 * DAY);
    // Ala: one fan reloading her link ten times one day and once the next, then 25
    // people on another day (the cap is 20 per link and day): 1 + 1 + 20.
    let mut clicks: Vec<NewClick> = (0..10).map(|_| click(links[0], day1, "fan".into())).collect();
    clicks.push(click(links[0], day2, "fan".into()));
    clicks.extend((0..25).map(|n| click(links[0], day3, format!("v{n}"))));
    // Bob: three people, once each.
    clicks.extend((0..3).map(|n| click(links[1], day1, format!("w{n}"))));
    app.state.store.insert_clicks(&clicks).await.unwrap();
    let t = token(app, m[0], &[Scope::ContentRead]).await;
    let (_, b) = board(app, &t, program, "month=2026-04&by=clicks").await;
    let values: Vec<(i64, i64)> = b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["user_id"].as_i64().unwrap(), e["value"].as_i64().unwrap()))
        .collect();
    assert_eq!(values, vec![(m[0], 22), (m[1], 3)], "{b}");

    // A clicks challenge settles on the same count: ten reloads are not ten people.
    let spec = ambasada_core::rewards::challenges::Spec {
        title: "Clicks".into(),
        description: String::new(),
        metric: ambasada_core::rewards::leaderboards::Metric::Clicks,
        content_id: None,
        team_id: None,
        target: 3,
        mode: ambasada_core::rewards::challenges::Mode::Threshold,
        bonus: 50,
        winners: 1,
        starts_at: day1 - HOUR,
        ends_at: day1 + HOUR,
    };
    let id = app
        .state
        .store
        .create_challenge(program, &spec, coord, 0)
        .await
        .unwrap();
    let now = ambasada_server::now();
    assert!(
        ambasada_server::rewards::settle::settle(&app.state, id, now)
            .await
            .unwrap()
    );
    let got: Vec<i64> = app
        .state
        .store
        .challenge_recipients(id)
        .await
        .unwrap()
        .into_iter()
        .map(|(u, ..)| u)
        .collect();
    assert_eq!(got, vec![m[1]], "Bob's three people, not Ala's one fan");
}
story!(click_boards_count_each_visitor_once_a_day_and_at_most_the_daily_cap);
