//! `ambasada migrate --from sqlite://... --to postgres://...` on the demo company: every
//! table arrives with all its rows, a move is refused while the SQLite server runs and
//! into a database that is not empty, and afterwards a server on PostgreSQL answers the
//! pages and the API as the server on SQLite did, with the same session, API token and
//! tracked links, and takes new rows.
//!
//! Runs only when `AMBASADA_TEST_POSTGRES` names a server (it needs both engines).

use crate::common::{self, Db, EmptyDatabase, TestApp, postgres_url};
use ambasada_core::{Email, Role, Scope};
use ambasada_store::transfer::{TransferError, sqlite_to_postgres};

/// One request's answer as the comparison sees it: the status, and the body as a reader
/// sees it (a page's text, or the JSON).
#[derive(Debug, PartialEq)]
struct Answer {
    path: String,
    status: u16,
    body: String,
}

/// The text of a page, one piece a line: without tags (so without the CSRF token, the
/// asset hashes and the script nonce), scripts and styles, whitespace collapsed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push('\n');
        let tag = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(**t))
            .map(|t| format!("</{}>", &t[1..]));
        let end = match skip_to {
            Some(close) => tag.find(&close).map(|i| i + close.len()),
            None => tag.find('>').map(|i| i + 1),
        };
        rest = &tag[end.unwrap_or(tag.len())..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The demo's coordinator with a session, the ambassador's API token, and what their
/// requests are about. Made on the SQLite server before the move; the coordinator's
/// client then sends the same session cookie to the PostgreSQL server (cookies do not
/// tell ports apart), so the pages there open only if the session moved.
struct Visitor {
    coordinator: reqwest::Client,
    token: String,
    program: i64,
    item: i64,
    code: String,
}

impl Visitor {
    async fn on(app: &TestApp) -> Visitor {
        let store = &app.state.store;
        let id = async |email: &str| {
            store
                .user_by_email(&Email::parse(email).unwrap())
                .await
                .unwrap()
                .unwrap()
                .id
        };
        let coordinator_id = id("koordynator@demo.example").await;
        let program = (store.programs().await.unwrap().into_iter())
            .find(|p| p.coordinator_id == Some(coordinator_id))
            .expect("the demo coordinator coordinates a program")
            .id;
        let token = common::api_token(app, id("ambasador@demo.example").await, &[Scope::ContentRead]).await;
        // A link whose item is published and current: it redirects.
        let now = ambasada_server::now();
        let mut code = None;
        for link in store.all_tracked_links().await.unwrap() {
            let t = store.link_target(&link.code).await.unwrap().unwrap();
            if t.item_status == "published" && t.starts_at <= now && t.expires_at.is_none_or(|e| e > now) {
                code = Some((link.code, t.item_id));
                break;
            }
        }
        let (code, item) = code.expect("a demo link that redirects");
        let coordinator = app
            .client_logged_in("koordynator@demo.example", ambasada_server::demo::DEMO_PASSWORD)
            .await;
        Visitor {
            coordinator,
            token,
            program,
            item,
            code,
        }
    }

    /// The coordinator's home, program page, content library, an item and the program's
    /// dashboard; the ambassador's feed through the API.
    async fn answers(&self, app: &TestApp) -> Vec<Answer> {
        let pages = [
            "/app".to_string(),
            format!("/app/programs/{}", self.program),
            "/app/content".into(),
            format!("/app/content/{}", self.item),
            format!("/app/programs/{}/dashboard", self.program),
        ];
        let mut out = Vec::new();
        for path in pages {
            let res = self.coordinator.get(app.url(&path)).send().await.unwrap();
            let status = res.status().as_u16();
            let body = visible_text(&res.text().await.unwrap());
            out.push(Answer { path, status, body });
        }
        let res = (common::client().get(app.url("/api/v1/content")))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let json: serde_json::Value = res.json().await.unwrap();
        out.push(Answer {
            path: "/api/v1/content".into(),
            status,
            body: serde_json::to_string_pretty(&json).unwrap(),
        });
        out
    }

    /// Where the tracked link leads, without its click token (each click has its own).
    async fn redirect(&self, app: &TestApp) -> (u16, String) {
        let res = common::client()
            .get(app.url(&format!("/s/{}", self.code)))
            .send()
            .await
            .unwrap();
        let location = res.headers().get("location").map(|l| l.to_str().unwrap().to_string());
        let mut url = url::Url::parse(&location.unwrap_or_else(|| "none:".into())).unwrap();
        let kept: Vec<(String, String)> = (url.query_pairs().into_owned())
            .filter(|(k, _)| k != "amb_ct")
            .collect();
        url.query_pairs_mut().clear().extend_pairs(kept);
        (res.status().as_u16(), url.to_string())
    }
}

/// A server whose public address is the same on both engines, so that the links it
/// writes (and the demo stores) read the same.
async fn spawn(db: Db) -> TestApp {
    TestApp::spawn_with(db, |c| c.base_url = "http://ambasada.test".into(), None).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_company_moves_to_postgresql_and_answers_as_before() {
    let Some(server) = postgres_url() else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    let mut sqlite = spawn(Db::Sqlite).await;
    assert!(ambasada_server::demo::seed(&sqlite.state).await.unwrap());
    let visitor = Visitor::on(&sqlite).await;
    // A click before the pages, so that they count it; the pages on PostgreSQL are read
    // before its own click.
    let redirect = visitor.redirect(&sqlite).await;
    assert_eq!(redirect.0, 302, "{redirect:?}");
    let before = visitor.answers(&sqlite).await;
    let from = sqlite.state.config.database_url.expose().to_string();
    let target = EmptyDatabase::create(&server).await;

    let e = sqlite_to_postgres(&from, &target.url, |_| {}).await.unwrap_err();
    assert!(matches!(e, TransferError::SourceServed(_)), "refused while served: {e}");
    sqlite.stop_serving().await;
    let moved = sqlite_to_postgres(&from, &target.url, |_| {}).await.unwrap();
    let counts = sqlite.state.store.row_counts().await.unwrap();
    let target_store = ambasada_store::Store::connect(&target.url).await.unwrap();
    assert_eq!(
        target_store.row_counts().await.unwrap(),
        counts,
        "every table, every row"
    );
    target_store.close().await;
    let moved: std::collections::BTreeMap<String, i64> = moved.into_iter().map(|t| (t.name, t.rows)).collect();
    assert_eq!(moved, counts, "what the move reports");
    assert!(
        counts["users"] >= 40 && counts["clicks"] > 1_000 && counts["settings"] > 0,
        "{counts:?}"
    );
    let e = sqlite_to_postgres(&from, &target.url, |_| {}).await.unwrap_err();
    assert!(matches!(e, TransferError::TargetNotEmpty { .. }), "{e}");

    let pg = spawn(Db::Existing(target.url.clone())).await;
    let after = visitor.answers(&pg).await;
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.status, 200, "{} on SQLite", b.path);
        assert_eq!(a, b, "{} answers as before", b.path);
    }
    assert_eq!(visitor.redirect(&pg).await, redirect, "the link leads where it led");
    // New rows take new ids: the click of that redirect and a new person.
    assert_eq!(pg.state.store.count_click_rows().await.unwrap(), counts["clicks"] + 1);
    let person = pg.create_user("nowa@test.example", &[Role::Ambassador]).await;
    assert!(person > counts["users"], "{person} after the moved ids");
    pg.stop().await;
    sqlite.stop().await;
    drop(target);
}
