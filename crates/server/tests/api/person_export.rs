//! A person's copy of their data: the admin's download, the person's own, the same
//! document on both engines, no secrets in it, and each download in the audit log.

use crate::common::TestApp;
use crate::story;
use ambasada_core::Email;
use ambasada_server::demo::DEMO_PASSWORD;
use serde_json::Value;

async fn id_of(app: &TestApp, email: &str) -> i64 {
    app.state
        .store
        .user_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn download(c: &TestApp, path: &str) -> Value {
    let res = c.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(res.headers()["content-type"], "application/json");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"ambasada-person-")
    );
    let text = res.text().await.unwrap();
    for secret in ["password_hash", "token_hash", "$argon2"] {
        assert!(!text.contains(secret), "{secret} in the export");
    }
    serde_json::from_str(&text).unwrap()
}

async fn a_person_gets_all_their_data(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let zofia = id_of(app, "ambasador@demo.example").await;
    let admin = TestApp::sibling(app);
    assert_eq!(admin.login("admin@demo.example", DEMO_PASSWORD).await.status(), 303);
    let coordinator = TestApp::sibling(app);
    assert_eq!(
        coordinator
            .login("koordynator@demo.example", DEMO_PASSWORD)
            .await
            .status(),
        303
    );
    let ambassador = TestApp::sibling(app);
    assert_eq!(
        ambassador.login("ambasador@demo.example", DEMO_PASSWORD).await.status(),
        303
    );

    // An entry about someone whose address merely contains hers is not hers.
    let now = ambasada_server::now();
    let store = &app.state.store;
    store
        .audit(None, "user.edit", "noambasador@demo.example", now)
        .await
        .unwrap();
    store
        .audit(None, "user.edit", "Ambasador@demo.example", now)
        .await
        .unwrap();
    let path = format!("/app/admin/users/{zofia}/export");
    assert_eq!(coordinator.get(&path).await.status(), 403);
    assert_eq!(ambassador.get(&path).await.status(), 403);
    assert_eq!(admin.get("/app/admin/users/999999/export").await.status(), 404);

    let doc = download(&admin, &path).await;
    assert_eq!(doc["format"], "ambasada-person-export/1");
    assert_eq!(doc["person"]["email"], "ambasador@demo.example");
    assert_eq!(doc["roles"][0]["role"], "ambassador");
    let shares = doc["shares"].as_array().unwrap();
    let stored = app.state.store.shares_of(zofia, 10_000).await.unwrap().len();
    assert_eq!(shares.len(), stored, "every share");
    assert!(shares.iter().any(|s| s["text"].as_str().is_some_and(|t| !t.is_empty())));
    let links = doc["links"].as_array().unwrap();
    assert!(links.iter().any(|l| l["clicks"].as_i64().unwrap() > 0), "{links:?}");
    assert!(doc["programs"].as_array().unwrap().len() >= 2);
    // The same types on both engines: a flag is a boolean, not 1.
    assert_eq!(doc["quiz_attempts"][0]["passed"], Value::Bool(true));
    assert!(doc["note"].as_str().unwrap().contains("eNPS answers are anonymous"));

    // Her own copy, from her profile; the admin's download is among the audit entries
    // about her.
    let own = download(&ambassador, "/app/profile/export").await;
    assert_eq!(own["person"]["email"], "ambasador@demo.example");
    let audit = own["audit"].as_array().unwrap();
    assert!(
        !audit.iter().any(|a| a["subject"] == "noambasador@demo.example"),
        "{audit:?}"
    );
    assert!(
        audit.iter().any(|a| a["subject"] == "Ambasador@demo.example"),
        "{audit:?}"
    );
    assert!(own["emails"].as_array().is_some());
    assert!(
        audit
            .iter()
            .any(|a| a["action"] == "person.export" && a["role"] == "about_them"),
        "{audit:?}"
    );
    let profile = ambassador.get("/app/profile").await.text().await.unwrap();
    assert!(profile.contains("href=\"/app/profile/export\""));
}
story!(a_person_gets_all_their_data);
