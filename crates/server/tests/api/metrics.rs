//! `/metrics`: served only with its token, in a format Prometheus reads, counting
//! redirects and clicks as they happen.

use crate::common::{Db, TestApp, client};
use crate::tracking::{CHROME, world};
use ambasada_server::config::Secret;

const TOKEN: &str = "metrics-token-for-tests";

/// The value of one sample line (`name{labels} value`), if the page has it.
fn sample(page: &str, series: &str) -> Option<f64> {
    page.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

async fn scrape(app: &TestApp) -> String {
    let res = client()
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    res.text().await.unwrap()
}

async fn metrics_count_redirects_and_clicks(db: Db) {
    let app = TestApp::spawn_with(db, |c| c.metrics_token = Some(Secret::new(TOKEN)), None).await;
    // Without the token, or with another, nothing is told.
    assert_eq!(client().get(app.url("/metrics")).send().await.unwrap().status(), 401);
    let wrong = client()
        .get(app.url("/metrics"))
        .bearer_auth("guess")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(wrong.headers()["www-authenticate"], "Bearer");

    let before = scrape(&app).await;
    for series in [
        "ambasada_redirects_total",
        "ambasada_clicks_total",
        "ambasada_bot_clicks_total",
        "ambasada_redirects_not_found_total",
        "ambasada_outbox_backlog",
        "ambasada_job_failures_total{job=\"email\"}",
    ] {
        assert_eq!(sample(&before, series), Some(0.0), "{series} from the start:\n{before}");
    }
    assert!(before.ends_with("# EOF\n"));

    let w = world(&app, None, None).await;
    let person = client()
        .get(app.url(&format!("/s/{}", w.code)))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(person.status(), 302);
    let program = client().get(app.url(&format!("/s/{}", w.code))).send().await.unwrap();
    assert_eq!(program.status(), 302, "a program is redirected but not counted");
    let unknown = client().get(app.url("/s/NoSuchCode1")).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
    assert_eq!(client().get(app.url("/careers")).send().await.unwrap().status(), 200);

    let after = scrape(&app).await;
    assert_eq!(sample(&after, "ambasada_redirects_total"), Some(2.0), "{after}");
    assert_eq!(sample(&after, "ambasada_clicks_total"), Some(1.0));
    assert_eq!(sample(&after, "ambasada_bot_clicks_total"), Some(1.0));
    assert_eq!(sample(&after, "ambasada_redirects_not_found_total"), Some(1.0));
    assert_eq!(
        sample(
            &after,
            "ambasada_http_requests_total{method=\"GET\",route=\"/careers\",status=\"200\"}"
        ),
        Some(1.0),
        "{after}"
    );
    assert_eq!(
        sample(
            &after,
            "ambasada_http_request_duration_seconds_count{route=\"/careers\"}"
        ),
        Some(1.0)
    );
    // Paths with tokens never become labels: only route patterns do.
    assert!(!after.contains(&w.code));
    app.stop().await;
}

async fn without_a_token_metrics_are_not_served(db: Db) {
    let app = TestApp::spawn(db).await;
    let res = client()
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_redirects_and_clicks_sqlite() {
    metrics_count_redirects_and_clicks(Db::Sqlite).await;
    without_a_token_metrics_are_not_served(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_redirects_and_clicks_postgres() {
    let Some(server) = crate::common::postgres_url() else {
        return;
    };
    metrics_count_redirects_and_clicks(Db::Postgres(server.clone())).await;
    without_a_token_metrics_are_not_served(Db::Postgres(server)).await;
}
