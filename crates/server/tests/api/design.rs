//! Program design: goals with computed progress, the review cadence, and the eNPS
//! pulse survey with its anonymity checked where it is stored.

use crate::common::{PASSWORD, TestApp};
use crate::story;
use ambasada_core::Role;
use ambasada_store::programs::ProgramInput;

async fn goals_show_progress_computed_from_the_data(app: &TestApp) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let p = app
        .state
        .store
        .create_program(
            &ProgramInput {
                name: "EB".into(),
                slug: "eb".into(),
                description: String::new(),
                coordinator_id: Some(coord_id),
                daily_share_limit: 5,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap();
    app.state.store.add_member(p, amb, 0).await.unwrap();
    // One own post in the program today.
    app.state
        .store
        .record_share(
            &ambasada_store::sharing::NewShare {
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
        if i == 3 {
            let page = coord.get("/app/enps").await.text().await.unwrap();
            assert!(!page.contains("enps-score-"), "no result below five answers");
            assert!(
                !page.contains("Dobra atmosfera"),
                "no comments below five answers either"
            );
        }
    }
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
    let survey = app.state.store.open_survey_id().await.unwrap().unwrap();
    let tallies: Vec<(String,)> = sqlx_columns(app, "enps_tallies").await;
    let participants: Vec<(String,)> = sqlx_columns(app, "enps_participants").await;
    assert_eq!(
        participants.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        vec!["survey_id", "user_id"]
    );
    assert!(!tallies.iter().any(|c| c.0.contains("user")), "scores carry no person");
    let comments: Vec<(String,)> = sqlx_columns(app, "enps_comments").await;
    assert!(
        !comments.iter().any(|c| c.0.contains("user") || c.0.contains("at")),
        "comments carry no person or time"
    );
    let s = app.state.store.surveys().await.unwrap();
    assert_eq!(s[0].id, survey);
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
