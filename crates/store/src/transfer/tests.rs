//! The move's rules without a server (order, statements, refusals), and, when
//! `AMBASADA_TEST_POSTGRES` names a server, a move of hand-made tables that cover every
//! kind of value and key.

use super::copy::{insert_sql, page_rows, select_sql};
use super::schema::{Column, Key, Kind, Table, load_order};
use super::*;
use std::collections::{BTreeMap, BTreeSet};

fn parents(edges: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
    edges
        .iter()
        .map(|(t, ps)| (t.to_string(), ps.iter().map(|p| p.to_string()).collect()))
        .collect()
}

#[test]
fn tables_are_copied_after_the_tables_they_refer_to() {
    let order = load_order(&parents(&[
        ("clicks", &["tracked_links"]),
        ("tracked_links", &["users", "content_items"]),
        ("content_items", &["users"]),
        ("users", &[]),
        ("settings", &[]),
        // A reference to itself, and to a table that is not copied.
        ("comments", &["comments", "_elsewhere"]),
    ]))
    .unwrap();
    assert_eq!(
        order,
        [
            "comments",
            "settings",
            "users",
            "content_items",
            "tracked_links",
            "clicks"
        ]
    );
}

#[test]
fn a_cycle_of_foreign_keys_is_named() {
    let left = load_order(&parents(&[("a", &["b"]), ("b", &["a"]), ("c", &[])])).unwrap_err();
    assert_eq!(left, ["a", "b"]);
}

fn table(key: Key) -> Table {
    let column = |name: &str, kind| Column {
        name: name.into(),
        kind,
    };
    Table {
        name: "pairs".into(),
        columns: vec![column("a", Kind::Text), column("b", Kind::Int), column("v", Kind::Bool)],
        key,
        generated: vec![],
        refill: false,
    }
}

#[test]
fn pages_are_read_by_key_and_written_as_one_insert() {
    let by_pk = table(Key::Columns(vec![1, 0]));
    assert_eq!(
        select_sql(&by_pk, false, 10),
        r#"SELECT "a", "b", "v" FROM "pairs" ORDER BY "b", "a" LIMIT 10"#
    );
    assert_eq!(
        select_sql(&by_pk, true, 10),
        r#"SELECT "a", "b", "v" FROM "pairs" WHERE ("b", "a") > ($1, $2) ORDER BY "b", "a" LIMIT 10"#
    );
    let by_id = table(Key::Columns(vec![1]));
    assert_eq!(
        select_sql(&by_id, true, 5),
        r#"SELECT "a", "b", "v" FROM "pairs" WHERE "b" > $1 ORDER BY "b" LIMIT 5"#
    );
    let by_rowid = table(Key::Rowid);
    assert_eq!(
        select_sql(&by_rowid, true, 5),
        r#"SELECT "a", "b", "v", rowid FROM "pairs" WHERE rowid > $1 ORDER BY rowid LIMIT 5"#
    );
    assert_eq!(
        insert_sql(&by_pk, 2),
        r#"INSERT INTO "pairs" ("a", "b", "v") OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3), ($4, $5, $6)"#
    );
    assert_eq!(schema::ident(r#"we"ird"#), r#""we""ird""#);
}

#[test]
fn a_page_stays_within_postgresqls_parameter_limit() {
    assert_eq!(page_rows(7), 1_000);
    assert_eq!(page_rows(100), 655);
    assert_eq!(page_rows(70_000), 1);
    for columns in 1..300 {
        assert!(page_rows(columns) * columns <= 65_535);
    }
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!("amb_move_{name}_{}_{nanos}.db", std::process::id()))
}

fn remove_sqlite(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", "-clicks-0", "-clicks-1"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[tokio::test]
async fn a_move_from_anything_but_a_sqlite_file_to_postgresql_is_refused() {
    let to = "postgres://127.0.0.1:1/nowhere";
    let refused = async |from: &str, to: &str| sqlite_to_postgres(from, to, |_| {}).await.unwrap_err();
    for from in ["postgres://u:secret@h/db", "sqlite::memory:", "sqlite://", "./a.db"] {
        let e = refused(from, to).await;
        assert!(matches!(e, TransferError::SourceUrl(_)), "{from}: {e}");
        assert!(!e.to_string().contains("secret"), "{e}");
    }
    let e = refused("sqlite:///tmp/a.db", "sqlite:///tmp/b.db").await;
    assert!(matches!(e, TransferError::TargetUrl(_)), "{e}");
    let missing = temp_path("missing");
    let e = refused(&format!("sqlite://{}", missing.display()), to).await;
    assert!(matches!(e, TransferError::NoSource(_)), "{e}");
    assert!(!missing.exists(), "the missing file is not created");
}

#[tokio::test]
async fn a_database_being_served_is_not_moved() {
    let path = temp_path("served");
    let url = format!("sqlite://{}", path.display());
    let served = Store::connect(&url).await.unwrap();
    served.migrate().await.unwrap();
    // What a server holds while it runs.
    let writer = served
        .click_writer(ClickOptions::default(), std::path::Path::new("."))
        .unwrap();
    let e = sqlite_to_postgres(&url, "postgres://127.0.0.1:1/nowhere", |_| {})
        .await
        .unwrap_err();
    assert!(matches!(e, TransferError::SourceServed(_)), "{e}");
    assert!(e.to_string().ends_with("stop the server first"), "{e}");
    writer.close();
    served.close().await;
    remove_sqlite(&path);
}

/// The tables holding rows in a freshly migrated store.
async fn tables_with_rows(store: &Store, tables: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for t in tables {
        let mut conn = store.pool.acquire().await.unwrap();
        if copy::count(&mut conn, t).await.unwrap() > 0 {
            out.push(t.clone());
        }
    }
    out
}

#[tokio::test]
async fn only_the_listed_tables_hold_rows_after_the_migrations() {
    let path = temp_path("fresh");
    let store = Store::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    store.migrate().await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' \
         AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap();
    let tables: Vec<String> = tables.into_iter().map(|t| t.0).collect();
    let filled = tables_with_rows(&store, &tables).await;
    assert!(
        filled.iter().all(|t| FILLED_BY_MIGRATIONS.contains(&t.as_str())),
        "the migrations fill {filled:?}: list in FILLED_BY_MIGRATIONS those that are not in it"
    );
    store.close().await;
    remove_sqlite(&path);
}

mod postgres;
