//! Changes that stop tracked links reach the hot path at once: an item withdrawn through
//! the pages or the API stops redirecting on this server at once and, on PostgreSQL, on a
//! second server within seconds. The click journal's backlog is bounded, and both click
//! durability modes serve.

use crate::common::{Db, PASSWORD, TestApp, api_token, client, wait_for};
use crate::story;
use crate::tracking::{CHROME, clicks, follow, world};
use ambasada_core::Scope;
use ambasada_store::content::ContentInput;
use ambasada_store::tracking::Durability;

/// Another item by `editor` in no program, approved and live, with a link of `amb`.
async fn another_item(app: &TestApp, editor: i64, amb: i64) -> (i64, String) {
    let input = ContentInput {
        title: "Open day".into(),
        category: "event".into(),
        target_url: "https://kariera.example/dzien-otwarty".into(),
        image_file: None,
        hashtags: String::new(),
        language: "pl".into(),
        starts_at: 0,
        expires_at: None,
        texts: vec![("linkedin".into(), "Zapraszamy".into())],
        program_ids: vec![],
        team_ids: vec![],
    };
    let item = crate::common::approved_item(app, editor, &input).await;
    let link = app
        .state
        .store
        .create_tracked_link("ZyXwVuTs98", amb, item, "linkedin", None, &input.target_url, 0)
        .await
        .unwrap();
    (item, link.code)
}

/// A second server on the same database (PostgreSQL): its address and what stops it.
/// A second server on the same database and `data_dir`; stopping it (the sender, then
/// awaiting the handle) loads every click it journalled.
async fn second_server(
    app: &TestApp,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let state = ambasada_server::AppState::start(app.state.config.clone())
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(ambasada_server::serve(listener, state, async move {
        let _ = stopped.await;
    }));
    (address, stop, served)
}

async fn status_at(address: &str, code: &str) -> Result<u16, String> {
    client()
        .get(format!("{address}/s/{code}"))
        .header("user-agent", CHROME)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .map_err(|e| e.to_string())
}

async fn withdrawing_stops_the_links_at_once(app: &TestApp) {
    let w = world(app, Some("https://kariera.example/oferta"), None).await;
    let postgres = app.state.store.backend() == ambasada_store::Backend::Postgres;
    let second = if postgres { Some(second_server(app).await) } else { None };
    // Both servers have the link in memory.
    assert_eq!(follow(&client(), app, &w.code).await.status(), 302);
    if let Some((address, _, _)) = &second {
        let s = wait_for("the second server to redirect", async || {
            status_at(address, &w.code).await
        })
        .await;
        assert_eq!(s, 302);
    }
    // An ambassador may not withdraw it, nor see the button.
    let amb = TestApp::sibling(app);
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);
    let res = amb
        .post_form(&format!("/app/content/{}/withdraw", w.item_id), &[])
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(follow(&client(), app, &w.code).await.status(), 302, "still live");
    // The editor sees the action and takes it.
    assert_eq!(app.login("red@test.example", PASSWORD).await.status(), 303);
    let page = app
        .get(&format!("/app/content/{}", w.item_id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"withdraw\""), "the item page offers the withdrawal");
    let res = app
        .post_form(&format!("/app/content/{}/withdraw", w.item_id), &[])
        .await;
    assert_eq!(res.status(), 303);
    let after = std::time::Instant::now();
    assert_eq!(
        follow(&client(), app, &w.code).await.status(),
        404,
        "at once on this server"
    );
    let page = app
        .get(&format!("/app/content/{}", w.item_id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("status-expired") && !page.contains("id=\"withdraw\""));
    if let Some((address, stop, served)) = second {
        wait_for("the second server to stop redirecting", async || {
            match status_at(&address, &w.code).await? {
                404 => Ok(()),
                s => Err(format!("answered {s}")),
            }
        })
        .await;
        assert!(after.elapsed() < std::time::Duration::from_secs(5), "within seconds");
        // Stopped, it has loaded every click it took (each process loads its own).
        let _ = stop.send(());
        served.await.unwrap().unwrap();
    }
    // (The second server redirected, and counted, until it noticed.)
    let counted = clicks(app).await;
    assert_eq!(follow(&client(), app, &w.code).await.status(), 404);
    assert_eq!(clicks(app).await, counted, "a refused visit is not a click");

    // The API: 204, then the item is no longer live (409); content:write is needed.
    let email = ambasada_core::Email::parse("red@test.example").unwrap();
    let editor = app.state.store.user_by_email(&email).await.unwrap().unwrap().id;
    let (item, code) = another_item(app, editor, w.amb_id).await;
    assert_eq!(follow(&client(), app, &code).await.status(), 302);
    let read_only = api_token(app, editor, &[Scope::ContentRead]).await;
    let url = app.url(&format!("/api/v1/content/{item}/withdraw"));
    let res = client().post(&url).bearer_auth(&read_only).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let token = api_token(app, editor, &[Scope::ContentWrite]).await;
    let res = client().post(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(follow(&client(), app, &code).await.status(), 404);
    let res = client().post(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 409, "an expired item cannot be withdrawn again");
    let amb_token = api_token(app, w.amb_id, &[Scope::ContentWrite]).await;
    let res = client().post(&url).bearer_auth(&amb_token).send().await.unwrap();
    assert!(matches!(res.status().as_u16(), 403 | 404), "{}", res.status());
}
story!(withdrawing_stops_the_links_at_once);

/// With the click loader unable to write (another connection holds SQLite's write lock),
/// redirects are taken until `click_backlog` clicks wait, then answered 503 with
/// Retry-After, and /readyz says why; once the loader writes again, so do redirects.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_click_backlog_answers_503_until_the_loader_catches_up() {
    use sqlx::Connection;
    let app = TestApp::spawn_with(Db::Sqlite, |c| c.clicks.backlog = 3, None).await;
    let w = world(&app, Some("https://kariera.example/oferta"), None).await;
    // The first click makes the day's salt (a write) and puts the link in memory.
    assert_eq!(follow(&client(), &app, &w.code).await.status(), 302);
    wait_for("the first click loaded", async || match clicks(&app).await {
        1 => Ok(()),
        n => Err(format!("{n} clicks")),
    })
    .await;
    let path = app
        .state
        .config
        .database_url
        .expose()
        .trim_start_matches("sqlite://")
        .to_string();
    let mut blocker = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE").execute(&mut blocker).await.unwrap();
    for i in 0..3 {
        assert_eq!(follow(&client(), &app, &w.code).await.status(), 302, "click {i} taken");
    }
    let res = follow(&client(), &app, &w.code).await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "1");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    assert!(ready.text().await.unwrap().contains("click backlog"));
    sqlx::query("COMMIT").execute(&mut blocker).await.unwrap();
    blocker.close().await.unwrap();
    wait_for("the backlog loaded", async || {
        match app.get("/readyz").await.status().as_u16() {
            200 => Ok(()),
            s => Err(format!("/readyz {s}")),
        }
    })
    .await;
    assert_eq!(follow(&client(), &app, &w.code).await.status(), 302);
    assert_eq!(clicks(&app).await, 5, "every answered click, none of the refused one");
    app.stop().await;
}

/// `click_durability = "fsync"` serves on both engines, and counts every answered click.
async fn fsync_durability_serves(db: Db) {
    let app = TestApp::spawn_with(db, |c| c.clicks.durability = Durability::Fsync, None).await;
    let w = world(&app, Some("https://kariera.example/oferta"), None).await;
    let browser = client();
    for _ in 0..5 {
        assert_eq!(follow(&browser, &app, &w.code).await.status(), 302);
    }
    assert_eq!(clicks(&app).await, 5);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fsync_durability_serves_on_sqlite() {
    fsync_durability_serves(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fsync_durability_serves_on_postgres() {
    let Some(url) = crate::common::postgres_url() else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    fsync_durability_serves(Db::Postgres(url)).await;
}
