//! What the binary's tests share: a fresh database on each engine for one run.

use ambasada_store::Store;
use std::future::Future;

/// Runs `test` on a fresh SQLite file (its URL), then removes the file's directory.
pub async fn on_sqlite<F: Future<Output = ()>>(name: &str, test: impl FnOnce(String) -> F) {
    let dir = std::env::temp_dir().join(format!("ambasada-{name}-db-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    test(format!("sqlite://{}", dir.join(format!("{name}.db")).display())).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `test` on a fresh database on the PostgreSQL server that AMBASADA_TEST_POSTGRES
/// names (its URL), then drops it. Without the variable the run is skipped (CI sets it,
/// and `.ci/run` fails when the server is unreachable).
pub async fn on_postgres<F: Future<Output = ()>>(name: &str, test: impl FnOnce(String) -> F) {
    let Ok(server) = std::env::var("AMBASADA_TEST_POSTGRES") else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    let db = format!("amb_{name}_{}", std::process::id());
    let admin = Store::connect(&server).await.unwrap();
    admin
        .raw_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .await
        .unwrap();
    admin.raw_execute(&format!("CREATE DATABASE {db}")).await.unwrap();
    let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
    test(format!("{base}/{db}")).await;
    admin
        .raw_execute(&format!("DROP DATABASE {db} WITH (FORCE)"))
        .await
        .unwrap();
    admin.close().await;
}
