//! The demo tells a believable story: employer branding thrives, sales struggles for
//! reasons its health check names, and the goals are mixed.

use crate::common::{TestApp, api_token};
use crate::story;
use ambasada_core::{Email, Scope};
use serde_json::Value;

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

/// The checks at one level, by key.
fn checks_at(health: &Value, level: &str) -> Vec<String> {
    health["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["level"] == level)
        .map(|c| c["check"].as_str().unwrap().to_string())
        .collect()
}

fn goal_statuses(goals: &Value) -> Vec<(String, String)> {
    goals["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["metric"].as_str().unwrap().to_string(),
                g["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn the_demo_has_a_thriving_and_a_struggling_program(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let coordinator = store
        .user_by_email(&Email::parse("koordynator@demo.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let token = api_token(app, coordinator, &[Scope::ReportsRead]).await;
    let programs = store.programs().await.unwrap();
    let id = |slug: &str| programs.iter().find(|p| p.slug == slug).unwrap().id;
    let (eb, sales) = (id("employer-branding-pl"), id("sprzedaz-b2b"));

    let health = get_json(app, &token, &format!("/api/v1/programs/{eb}/health")).await;
    assert_eq!(health["overall"], "green", "employer branding: {health}");
    let health = get_json(app, &token, &format!("/api/v1/programs/{sales}/health")).await;
    assert_eq!(health["overall"], "red", "sales: {health}");
    let red = checks_at(&health, "red");
    for reason in ["health-active", "health-training-completion"] {
        assert!(red.iter().any(|k| k == reason), "sales should fail {reason}: {red:?}");
    }

    for program in [eb, sales] {
        let goals = goal_statuses(&get_json(app, &token, &format!("/api/v1/programs/{program}/goals")).await);
        assert!(
            goals.iter().any(|(_, s)| s == "behind"),
            "program {program}: no goal behind: {goals:?}"
        );
        assert!(
            goals.iter().any(|(_, s)| s == "on_track" || s == "achieved"),
            "program {program}: no goal on track: {goals:?}"
        );
    }
}
story!(the_demo_has_a_thriving_and_a_struggling_program);
