//! The processing register against the real schema: every table and column the
//! migrations made is in a kind of the register and the register names nothing else; the
//! admin's page shows it with the periods in force and the latest retention run; nobody
//! else sees it.

use crate::common::TestApp;
use crate::story;
use ambasada_core::Role;
use ambasada_server::privacy::register::named_columns;

async fn the_register_matches_the_schema_and_the_page_shows_it(app: &TestApp) {
    let schema = app.state.store.schema_columns().await.unwrap();
    assert!(schema.len() > 300, "the schema was read: {}", schema.len());
    let named = named_columns();
    let missing: Vec<_> = schema.iter().filter(|c| !named.contains(c)).collect();
    assert!(missing.is_empty(), "columns the register does not mention: {missing:?}");
    let stale: Vec<_> = named.iter().filter(|c| !schema.contains(c)).collect();
    assert!(
        stale.is_empty(),
        "columns the register names but the schema lacks: {stale:?}"
    );

    let coordinator = TestApp::sibling(app);
    coordinator.login_as(Role::Coordinator).await;
    assert_eq!(coordinator.get("/app/admin/privacy").await.status(), 403);
    app.login_as(Role::Admin).await;
    let now = ambasada_server::now() + 2 * ambasada_core::DAY;
    ambasada_server::privacy::retention::run_due(&app.state, now)
        .await
        .unwrap()
        .unwrap();
    let runs = app.state.store.retention_runs(10).await.unwrap();
    let run = runs
        .iter()
        .find(|r| r.day == now / ambasada_core::DAY)
        .expect("this run's row");
    assert!(run.finished_at.is_some(), "finished");
    let page = app.get("/app/admin/privacy").await.text().await.unwrap();
    assert!(page.contains("id=\"register-candidates\""), "{page}");
    assert!(
        page.contains("6 months after the job offer closes") || page.contains("6 miesięcy od zamknięcia"),
        "{page}"
    );
    assert!(page.contains("users (id, email, first_name"), "{page}");
    assert!(page.contains("id=\"retention-runs\""), "{page}");
    assert!(!page.contains("unfinished") && !page.contains("nieukończone"), "{page}");
}

story!(the_register_matches_the_schema_and_the_page_shows_it);
