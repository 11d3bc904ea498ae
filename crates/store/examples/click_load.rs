//! How much loading one click into the `clicks` table costs, by statement form and
//! transaction size (the click journal's loader, crates/store/src/click_journal.rs).
//!
//! Run: `cargo run --release -p ambasada-store --example click_load`
//! Prints microseconds per click for each variant, best of three runs of 300,000
//! clicks. The table and its index are those of the migrations.
use std::time::Instant;

const SCHEMA: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
    PRAGMA wal_autocheckpoint = 16384; \
    CREATE TABLE tracked_links (id INTEGER PRIMARY KEY); \
    CREATE TABLE clicks (id INTEGER PRIMARY KEY, \
      link_id BIGINT NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE, \
      at BIGINT NOT NULL, network TEXT NOT NULL, visitor_hash TEXT NOT NULL, \
      browser TEXT NOT NULL, referrer_host TEXT); \
    CREATE INDEX clicks_link ON clicks (link_id, at);";

/// The loader's statement before: one statement that could write several rows.
const INSERT_SELECT: &str = "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser, referrer_host) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM tracked_links WHERE id = ?2) \
     ON CONFLICT (id) DO NOTHING";
/// The loader's statement now: one row, the foreign key checks the link.
const INSERT_VALUES: &str = "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser, referrer_host) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING";

const CLICKS: i64 = 300_000;

fn once(sql: &str, foreign_keys: bool, per_transaction: i64) -> f64 {
    let path = std::env::temp_dir().join(format!("ambasada-click-load-{}.db", std::process::id()));
    let path = path.to_str().unwrap_or("ambasada-click-load.db").to_string();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(SCHEMA).expect("schema");
    conn.execute_batch(if foreign_keys {
        "PRAGMA foreign_keys = ON"
    } else {
        "PRAGMA foreign_keys = OFF"
    })
    .expect("pragma");
    for id in 1..=50 {
        conn.execute("INSERT INTO tracked_links (id) VALUES (?1)", [id])
            .expect("link");
    }
    let started = Instant::now();
    let mut id = 1;
    while id <= CLICKS {
        let tx = conn.transaction().expect("begin");
        {
            let mut stmt = tx.prepare_cached(sql).expect("prepare");
            for _ in 0..per_transaction {
                stmt.execute(rusqlite::params![
                    id,
                    1 + id % 50,
                    1_790_000_000_000 + id,
                    "linkedin",
                    "0123456789abcdef0123456789abcdef",
                    "desktop",
                    None::<&str>
                ])
                .expect("insert");
                id += 1;
            }
        }
        tx.commit().expect("commit");
    }
    let per_click = started.elapsed().as_secs_f64() * 1e6 / CLICKS as f64;
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    per_click
}

fn main() {
    let variants: [(&str, &str, bool, i64); 8] = [
        ("INSERT ... SELECT WHERE EXISTS, 1,200/tx", INSERT_SELECT, true, 1200),
        (
            "INSERT ... SELECT, foreign keys off, 1,200/tx",
            INSERT_SELECT,
            false,
            1200,
        ),
        ("INSERT ... VALUES, 300/tx", INSERT_VALUES, true, 300),
        ("INSERT ... VALUES, 1,200/tx", INSERT_VALUES, true, 1200),
        ("INSERT ... VALUES, 6,000/tx", INSERT_VALUES, true, 6000),
        ("INSERT ... VALUES, 12,000/tx", INSERT_VALUES, true, 12000),
        ("INSERT ... VALUES, 30,000/tx", INSERT_VALUES, true, 30000),
        (
            "INSERT ... VALUES, foreign keys off, 1,200/tx",
            INSERT_VALUES,
            false,
            1200,
        ),
    ];
    println!("{CLICKS} clicks over 50 links; microseconds per click, best of 3");
    for (name, sql, fk, per) in variants {
        let best = (0..3).map(|_| once(sql, fk, per)).fold(f64::INFINITY, f64::min);
        println!("{name:48} {best:6.2}");
    }
}
