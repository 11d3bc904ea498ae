//! A move into PostgreSQL (when `AMBASADA_TEST_POSTGRES` names a server) of the
//! migrated tables plus three made here: every kind of value (BOOLEAN from 0/1, BYTEA
//! from BLOB, DOUBLE PRECISION, TEXT, NULLs), a table that refers to itself, a
//! two-column text-and-number key, a table without a primary key (read by rowid), each
//! over several pages.

use super::*;
use crate::people::NewUser;
use ambasada_core::{Email, Locale};
use sqlx::AssertSqlSafe;

/// The same three tables on both engines, as each engine declares them.
const SQLITE_TABLES: &str = "\
    CREATE TABLE zz_kinds (id INTEGER PRIMARY KEY, flag INTEGER, data BLOB, ratio DOUBLE PRECISION, note TEXT, \
      parent_id BIGINT REFERENCES zz_kinds (id)); \
    CREATE TABLE zz_pairs (a TEXT NOT NULL, b BIGINT NOT NULL, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID; \
    CREATE TABLE zz_loose (v TEXT);";
const POSTGRES_TABLES: &str = "\
    CREATE TABLE zz_kinds (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, flag BOOLEAN, data BYTEA, \
      ratio DOUBLE PRECISION, note TEXT, parent_id BIGINT REFERENCES zz_kinds (id)); \
    CREATE TABLE zz_pairs (a TEXT NOT NULL, b INTEGER NOT NULL, v TEXT, PRIMARY KEY (a, b)); \
    CREATE TABLE zz_loose (v TEXT);";
/// Rows: 2,345 in `zz_kinds` (each row's parent the row before), 3 × 500 in
/// `zz_pairs`, 1,001 in `zz_loose`.
const SQLITE_ROWS: [&str; 3] = [
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2345) \
     INSERT INTO zz_kinds SELECT i, i % 2, CASE WHEN i % 3 = 0 THEN NULL ELSE CAST('b' || i AS BLOB) END, \
     CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4.0 END, CASE WHEN i % 7 = 0 THEN NULL ELSE 'zażółć ' || i END, \
     NULLIF(i - 1, 0) FROM n",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) \
     INSERT INTO zz_pairs SELECT k.a, n.i, k.a || n.i FROM n, (SELECT 'x' AS a UNION SELECT 'y' UNION SELECT 'z') k",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001) \
     INSERT INTO zz_loose SELECT 'v' || i FROM n",
];

fn server() -> Option<String> {
    std::env::var("AMBASADA_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// A new, migrated PostgreSQL database with `ddl` run in it: its URL and name.
async fn target(server: &str, ddl: &str) -> (String, String) {
    let name = temp_path("pg").file_stem().unwrap().to_string_lossy().to_lowercase();
    let admin = Store::connect(server).await.unwrap();
    admin.raw_execute(&format!("CREATE DATABASE {name}")).await.unwrap();
    admin.close().await;
    let (base, _) = server.rsplit_once('/').unwrap();
    let url = format!("{base}/{name}");
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(ddl.to_string()))
        .execute(&store.pool)
        .await
        .unwrap();
    store.close().await;
    (url, name)
}

async fn drop_database(server: &str, name: &str) {
    let admin = Store::connect(server).await.unwrap();
    admin
        .raw_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .unwrap();
    admin.close().await;
}

/// The SQLite source: migrated, one person, the three tables with their rows.
async fn source() -> (String, std::path::PathBuf) {
    let path = temp_path("source");
    let url = format!("sqlite://{}", path.display());
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let person = NewUser {
        email: Email::parse("anna@test.example").unwrap(),
        first_name: "Anna".into(),
        last_name: "Nowak".into(),
        locale: Locale::Pl,
        time_zone: "Europe/Warsaw".into(),
        password_hash: None,
        roles: vec![],
        team_ids: vec![],
    };
    store.create_user(&person, 0).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(SQLITE_TABLES.to_string()))
        .execute(&store.pool)
        .await
        .unwrap();
    for rows in SQLITE_ROWS {
        store.raw_execute(rows).await.unwrap();
    }
    store.close().await;
    (url, path)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_value_and_key_moves_with_its_ids() {
    let Some(server) = server() else {
        eprintln!("AMBASADA_TEST_POSTGRES unset: PostgreSQL run skipped");
        return;
    };
    let (from, path) = source().await;
    let (to, name) = target(&server, POSTGRES_TABLES).await;
    let mut heard = Vec::new();
    let moved = sqlite_to_postgres(&from, &to, |t| heard.push(t.clone())).await.unwrap();
    assert_eq!(heard, moved);
    let rows = |t: &str| moved.iter().find(|m| m.name == t).map(|m| m.rows);
    assert_eq!(
        (rows("zz_kinds"), rows("zz_pairs"), rows("zz_loose"), rows("users")),
        (Some(2345), Some(1500), Some(1001), Some(1))
    );
    let at = |t: &str| moved.iter().position(|m| m.name == t).unwrap();
    assert!(at("users") < at("user_roles"), "a table after those it refers to");
    check_values(&to).await;

    // A second move into the same database is refused, and changes nothing.
    let e = sqlite_to_postgres(&from, &to, |_| {}).await.unwrap_err();
    assert!(matches!(e, TransferError::TargetNotEmpty { .. }), "{e}");
    assert!(e.to_string().starts_with("the target database is not empty"), "{e}");
    drop_database(&server, &name).await;

    // A target whose table has another column is refused before anything is copied.
    let (to, name) = target(
        &server,
        &POSTGRES_TABLES.replace("zz_loose (v TEXT)", "zz_loose (w TEXT)"),
    )
    .await;
    let e = sqlite_to_postgres(&from, &to, |_| {}).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "the SQLite and PostgreSQL schemas differ: table zz_loose: columns only in SQLite: [v]; \
         only in PostgreSQL: [w]"
    );
    let store = Store::connect(&to).await.unwrap();
    assert_eq!(count_users(&store).await, 0, "nothing copied");
    store.close().await;
    drop_database(&server, &name).await;

    // One without the three tables, likewise.
    let (to, name) = target(&server, "SELECT 1").await;
    let e = sqlite_to_postgres(&from, &to, |_| {}).await.unwrap_err();
    assert!(
        e.to_string()
            .ends_with("tables only in SQLite: [zz_kinds, zz_loose, zz_pairs]; only in PostgreSQL: []"),
        "{e}"
    );
    drop_database(&server, &name).await;
    remove_sqlite(&path);
}

async fn count_users(store: &Store) -> i64 {
    let mut conn = store.pool.acquire().await.unwrap();
    copy::count(&mut conn, "users").await.unwrap()
}

/// Values, NULLs and ids as the source held them; sequences past the copied ids.
async fn check_values(to: &str) {
    let store = Store::connect(to).await.unwrap();
    type Kinds = (bool, Option<Vec<u8>>, Option<f64>, Option<String>, Option<i64>);
    let row = async |id: i64| -> Kinds {
        sqlx::query_as("SELECT flag, data, ratio, note, parent_id FROM zz_kinds WHERE id = $1")
            .bind(id)
            .fetch_one(&store.pool)
            .await
            .unwrap()
    };
    assert_eq!(
        row(11).await,
        (
            true,
            Some(b"b11".to_vec()),
            Some(2.75),
            Some("zażółć 11".into()),
            Some(10)
        )
    );
    assert_eq!(
        row(22).await,
        (
            false,
            Some(b"b22".to_vec()),
            Some(5.5),
            Some("zażółć 22".into()),
            Some(21)
        )
    );
    assert_eq!(row(105).await, (true, None, None, None, Some(104)));
    assert_eq!(row(1).await.4, None);
    let (pair,): (String,) = sqlx::query_as("SELECT v FROM zz_pairs WHERE a = 'y' AND b = 500")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(pair, "y500");
    // The next rows take the ids after the copied ones.
    let (id,): (i64,) = sqlx::query_as("INSERT INTO zz_kinds (flag) VALUES (TRUE) RETURNING id")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(id, 2346);
    let person = NewUser {
        email: Email::parse("jan@test.example").unwrap(),
        first_name: "Jan".into(),
        last_name: "Lis".into(),
        locale: Locale::Pl,
        time_zone: "Europe/Warsaw".into(),
        password_hash: None,
        roles: vec![],
        team_ids: vec![],
    };
    assert_eq!(store.create_user(&person, 0).await.unwrap(), 2);
    store.close().await;
}
