//! Program design: goals with computed progress, the review cadence, and the eNPS
//! pulse survey with its anonymity checked where it is stored.

use crate::common::{PASSWORD, TestApp};
use crate::story;
use ambasada_core::Role;
use ambasada_store::programs::selection::Decided;

async fn goals_show_progress_computed_from_the_data(app: &TestApp) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("EB", "eb", Some(coord_id)).await;
    app.state.store.add_member(p, amb, 0).await.unwrap();
    // One own post in the program today.
    app.state
        .store
        .record_share(
            &ambasada_store::content::sharing::NewShare {
                user_id: amb,
                item_id: None,
                link_id: None,
                program_id: Some(p),
                network: "linkedin".into(),
                text: String::new(),
                post_url: None,
                topic: Some("x".into()),
                personalisation: None,
            },
            ambasada_server::now(),
        )
        .await
        .unwrap();
    let today = jiff::Zoned::now().date();
    let start = today.checked_sub(jiff::Span::new().days(10)).unwrap().to_string();
    let end = today.checked_add(jiff::Span::new().days(20)).unwrap().to_string();
    let bad = coord
        .post_form(
            &format!("/app/programs/{p}/goals"),
            &[("metric", "shares"), ("target", "-3"), ("start", &start), ("end", &end)],
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("value=\"-3\""), "input kept");
    let bad = coord
        .post_form(
            &format!("/app/programs/{p}/goals"),
            &[("metric", "shares"), ("target", "10"), ("start", &end), ("end", &start)],
        )
        .await;
    assert_eq!(bad.status(), 422);
    for (metric, target) in [
        ("shares", "10"),
        ("participation_rate", "60%"),
        ("plan_realisation", "80"),
    ] {
        let res = coord
            .post_form(
                &format!("/app/programs/{p}/goals"),
                &[("metric", metric), ("target", target), ("start", &start), ("end", &end)],
            )
            .await;
        assert_eq!(res.status(), 303, "{metric}");
    }
    let page = coord.get(&format!("/app/programs/{p}")).await.text().await.unwrap();
    assert!(
        page.contains("Now: 1 ·") || page.contains("Teraz: 1 ·"),
        "one share counted"
    );
    assert!(
        page.contains("100%"),
        "one of one ambassadors shared: participation 100%"
    );
    assert!(
        page.contains("goal-on_track"),
        "participation 100% against 60%: on track"
    );
    assert!(
        page.contains("goal-no_data"),
        "plan realisation has no data yet, not zero"
    );
    assert!(
        page.contains("goal-behind"),
        "1 of 10 shares with a third of the period gone: behind"
    );
    // Another program's coordinator cannot add goals here.
    let other = TestApp::sibling(app);
    other.create_user("inny@test.example", &[Role::Coordinator]).await;
    assert_eq!(other.login("inny@test.example", PASSWORD).await.status(), 303);
    let res = other
        .post_form(
            &format!("/app/programs/{p}/goals"),
            &[("metric", "shares"), ("target", "1"), ("start", &start), ("end", &end)],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.state.store.goals(p).await.unwrap().len(), 3);
}
story!(goals_show_progress_computed_from_the_data);

async fn enps_answers_are_anonymous_and_shown_from_five(app: &TestApp) {
    let coord = TestApp::sibling(app);
    coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    assert_eq!(coord.post_form("/app/enps/open", &[]).await.status(), 303);
    let scores = ["10", "9", "8", "6", "0"];
    for (i, score) in scores.iter().enumerate() {
        let e = TestApp::sibling(app);
        let email = format!("pracownik{i}@test.example");
        e.create_user(&email, &[]).await;
        assert_eq!(e.login(&email, PASSWORD).await.status(), 303);
        assert!(
            e.get("/app").await.text().await.unwrap().contains("pulse-notice"),
            "the home page invites"
        );
        assert_eq!(e.post_form("/app/pulse", &[("score", "11")]).await.status(), 422);
        assert_eq!(
            e.post_form("/app/pulse", &[("score", score), ("comment", "Dobra atmosfera")])
                .await
                .status(),
            303
        );
        // Once only.
        e.post_form("/app/pulse", &[("score", "0")]).await;
    }
    // While the survey is open nothing shows: a result that changes with each answer would
    // tell each answer.
    let page = coord.get("/app/enps").await.text().await.unwrap();
    assert!(
        !page.contains("enps-score-") && !page.contains("Dobra atmosfera"),
        "nothing while open"
    );
    let survey = app.state.store.open_survey_id().await.unwrap().unwrap();
    assert_eq!(
        coord
            .post_form(&format!("/app/enps/{survey}/close"), &[])
            .await
            .status(),
        303
    );
    let page = coord.get("/app/enps").await.text().await.unwrap();
    let at = page.find("enps-score-").expect("a result from five answers");
    let score: String = page[at..]
        .split('>')
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| *c != '<')
        .collect();
    assert_eq!(score.trim(), "0", "2 promoters - 2 detractors of 5");
    // Storage: who answered and what was answered are not linked.
    let tallies: Vec<(String,)> = sqlx_columns(app, "enps_tallies").await;
    let participants: Vec<(String,)> = sqlx_columns(app, "enps_participants").await;
    assert_eq!(
        participants.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        vec!["survey_id", "user_id"]
    );
    assert!(!tallies.iter().any(|c| c.0.contains("user")), "scores carry no person");
    let pending: Vec<(String,)> = sqlx_columns(app, "enps_pending").await;
    assert!(
        !pending.iter().any(|c| c.0.contains("user") || c.0.ends_with("_at")),
        "waiting answers carry no person or time"
    );
    let comments: Vec<(String,)> = sqlx_columns(app, "enps_comments").await;
    assert!(
        !comments.iter().any(|c| c.0.contains("user") || c.0.contains("at")),
        "comments carry no person or time"
    );
    let s = app.state.store.surveys().await.unwrap();
    assert_eq!(s[0].id, survey);
    assert!(s[0].closed_at.is_some());
    assert_eq!(s[0].participants, 5);
    assert_eq!(s[0].tallies.iter().sum::<i64>(), 5, "each answer counted once");
}
story!(enps_answers_are_anonymous_and_shown_from_five);

/// The column names of a table, from the database itself.
async fn sqlx_columns(app: &TestApp, table: &str) -> Vec<(String,)> {
    let url = app.state.config.database_url.expose().to_string();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let sql = if url.starts_with("sqlite") {
        format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")
    } else {
        format!(
            "SELECT column_name::TEXT FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
        )
    };
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&pool).await.unwrap();
    pool.close().await;
    rows
}

async fn employees_apply_and_coordinators_decide_by_a_transparent_score(app: &TestApp) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let p = app.create_program("EB", "eb", Some(coord_id)).await;
    let apply = |email: &'static str, fields: Vec<(&'static str, &'static str)>| async move {
        let e = TestApp::sibling(app);
        e.create_user(email, &[]).await;
        assert_eq!(e.login(email, PASSWORD).await.status(), 303);
        let res = e.post_form(&format!("/app/join/{p}"), &fields).await;
        (e, res)
    };
    // Missing consent and a too short motivation: the form comes back with the input.
    let (e, res) = apply(
        "zla@test.example",
        vec![
            ("network", "linkedin"),
            ("frequency", "weekly"),
            ("motivation", "bo tak"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("bo tak"));
    drop(e);
    let good = vec![
        ("network", "linkedin"),
        ("network", "x"),
        ("frequency", "daily"),
        ("size_linkedin", "2000"),
        ("topics", "rekrutacja, technologia"),
        (
            "motivation",
            "Chcę pokazywać, jak naprawdę wygląda praca w naszym zespole.",
        ),
        ("consent", "1"),
    ];
    let (strong, res) = apply("mocna@test.example", good).await;
    assert_eq!(res.status(), 303);
    let weak = vec![
        ("network", "facebook"),
        ("frequency", "monthly"),
        ("size_facebook", "100"),
        ("motivation", "Lubię naszą firmę i chętnie pomogę."),
        ("consent", "1"),
    ];
    let (_weak, res) = apply("slaba@test.example", weak).await;
    assert_eq!(res.status(), 303);
    // Ranked by score, with its parts shown.
    let page = coord
        .get(&format!("/app/programs/{p}/candidates"))
        .await
        .text()
        .await
        .unwrap();
    let (a, b) = (page.find("Test mocna").unwrap(), page.find("Test slaba").unwrap());
    assert!(a < b, "the stronger candidate first");
    assert!(page.contains("/ 30"), "score parts shown with their maximum");
    // The answers are about the candidate (not "you"), topics with their spaces.
    assert!(
        page.contains("Topics they like to write about: rekrutacja, technologia")
            || page.contains("Tematy, o których chce pisać: rekrutacja, technologia"),
        "{page}"
    );
    assert!(!page.contains("lubisz pisać") && !page.contains("you like to write"));
    // Capacity 1: accepting the first fills it; the second can only be waitlisted.
    assert_eq!(
        coord
            .post_form(&format!("/app/programs/{p}/capacity"), &[("capacity", "1")])
            .await
            .status(),
        303
    );
    let cands = app.state.store.candidates(p).await.unwrap();
    let res = coord
        .post_form(
            &format!("/app/programs/{p}/candidates/{}", cands[0].id),
            &[("decision", "accepted"), ("message", "Witamy!")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let member = app
        .state
        .store
        .user_by_email(&ambasada_core::Email::parse("mocna@test.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(member.has_role(Role::Ambassador), "accepting makes an ambassador");
    assert_eq!(app.state.store.members(p).await.unwrap().len(), 1);
    coord
        .post_form(
            &format!("/app/programs/{p}/candidates/{}", cands[1].id),
            &[("decision", "accepted")],
        )
        .await;
    assert_eq!(app.state.store.members(p).await.unwrap().len(), 1, "full: not accepted");
    coord
        .post_form(
            &format!("/app/programs/{p}/candidates/{}", cands[1].id),
            &[("decision", "waitlisted")],
        )
        .await;
    let (mails, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.to_addr == "mocna@test.example" && m.body_text.contains("Witamy!")),
        "the decision is emailed"
    );
    // The ambassador leaves from their profile; the history stays, the health check counts the rest.
    let profile = strong.get("/app/profile").await.text().await.unwrap();
    assert!(
        profile.contains(&format!("/app/join/{p}/leave")),
        "leave from the profile"
    );
    assert_eq!(
        strong.post_form(&format!("/app/join/{p}/leave"), &[]).await.status(),
        303
    );
    assert!(app.state.store.members(p).await.unwrap().is_empty());
    let health = coord.get(&format!("/app/programs/{p}/health")).await;
    assert_eq!(health.status(), 200);
    let page = health.text().await.unwrap();
    assert!(page.contains("health-red"), "no goal: a red check");
    assert!(page.contains("health-amber"));
    // An employee cannot see candidates or the health check.
    assert_eq!(strong.get(&format!("/app/programs/{p}/candidates")).await.status(), 403);
    assert_eq!(strong.get(&format!("/app/programs/{p}/health")).await.status(), 403);
}
story!(employees_apply_and_coordinators_decide_by_a_transparent_score);

async fn fixing_a_red_check_turns_it_green(app: &TestApp) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let p = app.create_program("EB", "eb", Some(coord_id)).await;
    let before = coord
        .get(&format!("/app/programs/{p}/health"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        before.contains("No goal covers") || before.contains("Żaden cel"),
        "red: no goal"
    );
    let today = jiff::Zoned::now().date();
    let start = today.checked_sub(jiff::Span::new().days(1)).unwrap().to_string();
    let end = today.checked_add(jiff::Span::new().days(30)).unwrap().to_string();
    coord
        .post_form(
            &format!("/app/programs/{p}/goals"),
            &[("metric", "shares"), ("target", "10"), ("start", &start), ("end", &end)],
        )
        .await;
    let after = coord
        .get(&format!("/app/programs/{p}/health"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        after.contains("has a goal for the current period") || after.contains("ma cel na bieżący okres"),
        "green now"
    );
}
story!(fixing_a_red_check_turns_it_green);

async fn a_required_course_comes_before_the_first_share(app: &TestApp) {
    use ambasada_core::Scope;
    let store = &app.state.store;
    let amb = TestApp::sibling(app);
    let amb_id = amb.create_user("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let p = app.create_program("Sales", "sales", None).await;
    store.add_member(p, amb_id, 0).await.unwrap();
    let course = store
        .create_course(
            &ambasada_store::training::CourseInput {
                title: "Piszemy własny post".into(),
                description: String::new(),
                language: "pl".into(),
                pass_mark: 60,
                published: true,
            },
            Some(editor),
            0,
        )
        .await
        .unwrap();
    let lesson = store
        .add_lesson(course, None, "Po co pisać po swojemu", "Treść lekcji.")
        .await
        .unwrap();
    store.set_required_course(p, Some(course)).await.unwrap();
    let item = store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Post".into(),
                category: "product".into(),
                target_url: "https://a.example".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Nowy produkt".into())],
                program_ids: vec![p],
                team_ids: vec![],
            },
            editor,
            "draft",
            0,
        )
        .await
        .unwrap();
    store
        .transition_content(item, "draft", "approved", Some(editor), None, 0)
        .await
        .unwrap();
    // The share screen explains and links to the course; the button and the API refuse.
    let page = amb.get(&format!("/app/feed/{item}")).await.text().await.unwrap();
    assert!(page.contains("id=\"training-required\"") && page.contains(&format!("/app/training/{course}")));
    let res = amb
        .post_form(
            &format!("/app/feed/{item}/link"),
            &[("network", "linkedin"), ("text", "x")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], format!("/app/training/{course}").as_str());
    let secret = format!("amb_{}", ambasada_server::auth::new_token());
    store
        .create_api_token(
            amb_id,
            "t",
            &ambasada_server::auth::hash_token(&secret),
            &[Scope::SharesWrite],
            0,
        )
        .await
        .unwrap();
    let api = || {
        crate::common::client()
            .post(app.url(&format!("/api/v1/content/{item}/links")))
            .bearer_auth(&secret)
            .json(&serde_json::json!({"network": "linkedin"}))
            .send()
    };
    let refused = api().await.unwrap();
    assert_eq!(refused.status(), 403);
    let detail: serde_json::Value = refused.json().await.unwrap();
    assert!(
        detail["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("/app/training/{course}"))
    );
    // Completing the course (its only lesson read; no quiz) opens sharing.
    store.mark_lesson_read(amb_id, lesson, 1).await.unwrap();
    assert_eq!(api().await.unwrap().status(), 201);
    assert!(
        !amb.get(&format!("/app/feed/{item}"))
            .await
            .text()
            .await
            .unwrap()
            .contains("id=\"training-required\"")
    );
}
story!(a_required_course_comes_before_the_first_share);

async fn the_api_reports_goals_and_health_to_the_programs_coordinator(app: &TestApp) {
    use ambasada_core::Scope;
    let store = &app.state.store;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let other = app.create_user("inny@test.example", &[Role::Coordinator]).await;
    let p = app.create_program("EB", "eb", Some(coord)).await;
    let now = ambasada_server::now();
    let goal = ambasada_store::programs::goals::NewGoal {
        program_id: p,
        metric: "plan_realisation",
        target: 0.8,
        start: now - ambasada_core::DAY,
        end: now + 30 * ambasada_core::DAY,
        by: coord,
    };
    store.create_goal(&goal, now).await.unwrap();
    let token = |user: i64| {
        let secret = format!("amb_{}", ambasada_server::auth::new_token());
        let hash = ambasada_server::auth::hash_token(&secret);
        async move {
            store
                .create_api_token(user, "t", &hash, &[Scope::ReportsRead], 0)
                .await
                .unwrap();
            secret
        }
    };
    let mine = token(coord).await;
    let theirs = token(other).await;
    let get = |path: String, secret: String| async move {
        crate::common::client()
            .get(app.url(&path))
            .bearer_auth(secret)
            .send()
            .await
            .unwrap()
    };
    let goals: serde_json::Value = get(format!("/api/v1/programs/{p}/goals"), mine.clone())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(goals["goals"][0]["status"], "no_data");
    assert!(goals["goals"][0]["value"].is_null(), "no data, not zero");
    let health: serde_json::Value = get(format!("/api/v1/programs/{p}/health"), mine.clone())
        .await
        .json()
        .await
        .unwrap();
    assert!(
        health["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["check"] == "health-coordinator" && c["level"] == "green")
    );
    assert!(["red", "amber"].contains(&health["overall"].as_str().unwrap()));
    // Training completion counts each current member's own progress in the required
    // course: one member completed (both lessons, quiz passed), one did not (both
    // lessons, quiz failed); a non-member and a former member who completed do not count.
    let course = store
        .create_course(
            &ambasada_store::training::CourseInput {
                title: "Basics".into(),
                description: String::new(),
                language: "en".into(),
                pass_mark: 60,
                published: true,
            },
            Some(coord),
            0,
        )
        .await
        .unwrap();
    let mut lessons = Vec::new();
    for title in ["One", "Two"] {
        lessons.push(store.add_lesson(course, None, title, "Text.").await.unwrap());
    }
    store.add_question(course, None, "Right?", "*Yes\nNo").await.unwrap();
    store.set_required_course(p, Some(course)).await.unwrap();
    for (email, member, passed) in [
        ("done@test.example", true, true),
        ("failed@test.example", true, false),
        ("outsider@test.example", false, true),
        ("former@test.example", false, true),
    ] {
        let user = app.create_user(email, &[Role::Ambassador]).await;
        if member || email.starts_with("former") {
            store.add_member(p, user, 0).await.unwrap();
        }
        if email.starts_with("former") {
            store.remove_member(p, user, 1).await.unwrap();
        }
        for lesson in &lessons {
            store.mark_lesson_read(user, *lesson, 1).await.unwrap();
        }
        let percent = if passed { 100 } else { 0 };
        store
            .record_attempt(
                &ambasada_store::training::NewAttempt {
                    user_id: user,
                    course_id: course,
                    correct: percent / 100,
                    total: 1,
                    percent,
                    passed,
                },
                1,
            )
            .await
            .unwrap();
    }
    let health: serde_json::Value = get(format!("/api/v1/programs/{p}/health"), mine.clone())
        .await
        .json()
        .await
        .unwrap();
    let completion = health["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "health-training-completion")
        .unwrap();
    assert_eq!(completion["level"], "amber", "{completion}");
    assert!(
        completion["message"].as_str().unwrap().contains("50%"),
        "1 of 2 members: {completion}"
    );
    let programs: serde_json::Value = get("/api/v1/programs".into(), mine).await.json().await.unwrap();
    assert_eq!(programs["programs"].as_array().unwrap().len(), 1);
    assert_eq!(get(format!("/api/v1/programs/{p}/health"), theirs).await.status(), 403);
}
story!(the_api_reports_goals_and_health_to_the_programs_coordinator);

async fn two_acceptances_at_once_cannot_pass_the_capacity(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let p = app.create_program("Mała", "mala", Some(coord)).await;
    store.set_program_capacity(p, Some(1)).await.unwrap();
    let mut apps = Vec::new();
    for email in ["a@test.example", "b@test.example"] {
        let user_id = app.create_user(email, &[]).await;
        let id = store
            .apply_to_program(
                &ambasada_store::programs::selection::NewProgramApplication {
                    program_id: p,
                    user_id,
                    networks: "linkedin".into(),
                    frequency: "weekly".into(),
                    network_sizes: "linkedin:300".into(),
                    topics: String::new(),
                    motivation: String::new(),
                    score: 50,
                },
                1,
            )
            .await
            .unwrap();
        apps.push(id);
    }
    let (a, b) = tokio::join!(
        store.decide_application(apps[0], "accepted", None, coord, 2),
        store.decide_application(apps[1], "accepted", None, coord, 2),
    );
    let mut outcomes = [a.unwrap(), b.unwrap()];
    outcomes.sort_by_key(|d| *d == Decided::Full);
    assert_eq!(outcomes, [Decided::Done, Decided::Full]);
    assert_eq!(store.members(p).await.unwrap().len(), 1);
}
story!(two_acceptances_at_once_cannot_pass_the_capacity);

async fn the_demo_shows_a_closed_survey_and_an_open_one(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap(), "seeded once");
    assert!(!ambasada_server::demo::seed(&app.state).await.unwrap(), "not twice");
    let surveys = app.state.store.surveys().await.unwrap();
    let closed: Vec<_> = surveys.iter().filter(|s| s.closed_at.is_some()).collect();
    let open: Vec<_> = surveys.iter().filter(|s| s.closed_at.is_none()).collect();
    assert_eq!((closed.len(), open.len()), (1, 1));
    assert_eq!(closed[0].participants, 12);
    assert_eq!(
        closed[0].tallies.iter().sum::<i64>(),
        12,
        "answers moved into the counts"
    );
    assert_eq!(open[0].participants, 3);
    assert_eq!(open[0].tallies.iter().sum::<i64>(), 0, "still waiting for the close");
    let coord = TestApp::sibling(app);
    assert_eq!(coord.login("koordynator@demo.example", "demo1234").await.status(), 303);
    let page = coord.get("/app/enps").await.text().await.unwrap();
    assert!(page.contains("eNPS"));
    assert!(
        page.contains("Brakuje jasnej ścieżki awansu."),
        "the closed survey's comments"
    );
}
story!(the_demo_shows_a_closed_survey_and_an_open_one);

/// Closing a survey with too few answers for a result warns, and needs a tick.
async fn closing_a_survey_with_too_few_answers_warns_first(app: &TestApp) {
    let coord = TestApp::sibling(app);
    coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    assert_eq!(coord.post_form("/app/enps/open", &[]).await.status(), 303);
    let e = TestApp::sibling(app);
    e.create_user("jedna@test.example", &[]).await;
    assert_eq!(e.login("jedna@test.example", PASSWORD).await.status(), 303);
    assert_eq!(e.post_form("/app/pulse", &[("score", "9")]).await.status(), 303);
    let survey = app.state.store.open_survey_id().await.unwrap().unwrap();
    let page = coord.get("/app/enps").await.text().await.unwrap();
    assert!(page.contains(&format!("id=\"enps-close-warning-{survey}\"")), "{page}");
    // Without the tick the survey stays open.
    let res = coord.post_form(&format!("/app/enps/{survey}/close"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.open_survey_id().await.unwrap(), Some(survey));
    let page = coord.get("/app/enps").await.text().await.unwrap();
    assert!(page.contains("class=\"flash err\""), "{page}");
    // With it, closed, and the page says there is no result.
    let res = coord
        .post_form(&format!("/app/enps/{survey}/close"), &[("understood", "1")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.open_survey_id().await.unwrap(), None);
    // A closed survey cannot be closed again.
    let res = coord
        .post_form(&format!("/app/enps/{survey}/close"), &[("understood", "1")])
        .await;
    assert_eq!(res.status(), 404);
}
story!(closing_a_survey_with_too_few_answers_warns_first);

/// A person with no role is offered the programs to apply to.
async fn a_person_without_a_role_is_invited_to_become_an_ambassador(app: &TestApp) {
    let coordinator = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let p = app
        .state
        .store
        .create_program(
            &ambasada_store::programs::ProgramInput {
                name: "Marka pracodawcy".into(),
                slug: "marka".into(),
                description: String::new(),
                coordinator_id: Some(coordinator),
                daily_share_limit: 5,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap();
    let e = TestApp::sibling(app);
    e.create_user("nowa@test.example", &[]).await;
    assert_eq!(e.login("nowa@test.example", PASSWORD).await.status(), 303);
    let home = e.get("/app").await.text().await.unwrap();
    assert!(home.contains("id=\"become-ambassador\""), "{home}");
    assert!(home.contains("Marka pracodawcy") && home.contains(&format!("href=\"/app/join/{p}\"")));
    assert_eq!(e.get(&format!("/app/join/{p}")).await.status(), 200);
    // Someone with a role does not get it.
    let a = TestApp::sibling(app);
    a.create_user("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(a.login("amb@test.example", PASSWORD).await.status(), 303);
    assert!(!a.get("/app").await.text().await.unwrap().contains("become-ambassador"));
}
story!(a_person_without_a_role_is_invited_to_become_an_ambassador);
