//! Personal API tokens and `GET /api/v1/me`.

use crate::common::TestApp;
use crate::story;
use ambasada_core::{Role, Scope};
use ambasada_server::auth;

async fn problem(res: reqwest::Response, status: u16) -> serde_json::Value {
    assert_eq!(res.status(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    res.json().await.unwrap()
}

async fn me_answers_who_the_token_belongs_to(app: &TestApp) {
    let id = app
        .create_user("rekruterka@test.example", &[Role::Recruiter, Role::Ambassador])
        .await;
    let team = app.state.store.create_team("HR", 0).await.unwrap();
    app.state
        .store
        .set_roles_and_teams(id, &[Role::Recruiter, Role::Ambassador], &[team], 0)
        .await
        .unwrap();
    let secret = "amb_test-token-secret-value-0123456789abcdef";
    app.state
        .store
        .create_api_token(id, "cli", &auth::hash_token(secret), &[Scope::ConversionsWrite], 0)
        .await
        .unwrap();
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let me: serde_json::Value = res.json().await.unwrap();
    assert_eq!(me["id"], id);
    assert_eq!(me["email"], "rekruterka@test.example");
    assert_eq!(me["name"], "Test rekruterka");
    assert_eq!(me["roles"], serde_json::json!(["recruiter", "ambassador"]));
    assert_eq!(me["teams"], serde_json::json!([{"id": team, "name": "HR"}]));
    assert_eq!(me["scopes"], serde_json::json!(["conversions:write"]));

    let p = problem(app.client.get(app.url("/api/v1/me")).send().await.unwrap(), 401).await;
    assert_eq!(p["status"], 401);
    problem(
        app.client
            .get(app.url("/api/v1/me"))
            .bearer_auth("amb_wrong")
            .send()
            .await
            .unwrap(),
        401,
    )
    .await;
    problem(app.client.get(app.url("/api/v1/nothing")).send().await.unwrap(), 404).await;

    // A deactivated person's token stops working.
    app.state.store.deactivate_user(id, 1).await.unwrap();
    problem(
        app.client
            .get(app.url("/api/v1/me"))
            .bearer_auth(secret)
            .send()
            .await
            .unwrap(),
        401,
    )
    .await;
}
story!(me_answers_who_the_token_belongs_to);

async fn tokens_made_on_the_profile_page_work_until_revoked(app: &TestApp) {
    app.login_as(Role::Ambassador).await;
    let res = app.post_form("/app/profile/tokens", &[("name", "")]).await;
    assert_eq!(res.status(), 422, "a token needs a name");
    let res = app
        .post_form(
            "/app/profile/tokens",
            &[("name", "skrypt"), ("scope", "content:read"), ("scope", "shares:write")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let start = page.find("id=\"new-token\">").expect("token shown once") + "id=\"new-token\">".len();
    let secret = &page[start..start + page[start..].find('<').unwrap()];
    assert!(secret.starts_with("amb_"));
    let me: serde_json::Value = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["scopes"], serde_json::json!(["content:read", "shares:write"]));
    // Shown once: the profile page does not show it again.
    assert!(!app.get("/app/profile").await.text().await.unwrap().contains(secret));
    let tokens = app.state.store.api_tokens(me["id"].as_i64().unwrap()).await.unwrap();
    let res = app
        .post_form(&format!("/app/profile/tokens/{}/revoke", tokens[0].id), &[])
        .await;
    assert_eq!(res.status(), 303);
    problem(
        app.client
            .get(app.url("/api/v1/me"))
            .bearer_auth(secret)
            .send()
            .await
            .unwrap(),
        401,
    )
    .await;
    // Someone else's token cannot be revoked by this person.
    assert_eq!(app.post_form("/app/profile/tokens/999/revoke", &[]).await.status(), 404);
}
story!(tokens_made_on_the_profile_page_work_until_revoked);
