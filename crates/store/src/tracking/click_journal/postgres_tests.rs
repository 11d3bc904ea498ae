//! The PostgreSQL journal on a real server (when `AMBASADA_TEST_POSTGRES` names one):
//! what a killed process left is loaded by the next one, its ids come from the sequence,
//! and a live process's files are left alone.

use super::super::format::encode;
use super::super::format::tests::click;
use super::*;
use crate::Store;

/// A fresh migrated database with a user, an item and two links (ids 1 and 2) in a
/// program; `None` without a configured server.
async fn database(name: &str) -> Option<(Store, String, String)> {
    let server = std::env::var("AMBASADA_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.trim().is_empty())?;
    let db = format!("amb_journal_{name}_{}", std::process::id());
    let admin = Store::connect(&server).await.unwrap();
    admin
        .raw_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .await
        .unwrap();
    admin.raw_execute(&format!("CREATE DATABASE {db}")).await.unwrap();
    admin.close().await;
    let url = format!("{}/{db}", server.rsplit_once('/').unwrap().0);
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    for sql in [
        "INSERT INTO settings (name, value) VALUES ('click_journal_id', '42')",
        "INSERT INTO users (email, first_name, last_name, created_at, updated_at) \
         VALUES ('a@test.example', 'A', 'B', 0, 0)",
        "INSERT INTO programs (name, slug, created_at) \
         VALUES ('P', 'p', 0)",
        "INSERT INTO content_items (title, category, target_url, hashtags, language, status, starts_at, created_at, \
         updated_at) VALUES ('T', 'employer_branding', 'https://x.example/', '', 'pl', 'published', 0, 0, 0)",
        "INSERT INTO tracked_links (code, user_id, item_id, network, program_id, target_url, created_at) \
         VALUES ('c1', 1, 1, 'linkedin', 1, 'https://x.example/', 0), ('c2', 1, 1, 'x', 1, 'https://x.example/', 0)",
        "INSERT INTO clicks (id, link_id, at, network, visitor_hash, browser) \
         VALUES (5, 1, 0, 'linkedin', 'h', 'desktop')",
        "SELECT setval(pg_get_serial_sequence('clicks', 'id'), 100)",
    ] {
        store.raw_execute(sql).await.unwrap();
    }
    Some((store, server, db))
}

async fn ids(store: &Store) -> Vec<i64> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM clicks ORDER BY id")
        .fetch_all(&store.pool)
        .await
        .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

/// What a killed process left in `dir` (a batch loaded before the crash (5), two new
/// clicks (6, 7), one of a link deleted since (8), and a batch it died writing (9)), and
/// the journal of a process that runs (its files locked by the returned file).
fn leave_journals(dir: &std::path::Path) -> File {
    let mut zero = encode(42, &[6, 7], &[click(1, Some("t.co")), click(2, None)]);
    zero.extend(encode(42, &[8], &[click(3, None)]));
    let mut one = encode(42, &[5], &[click(1, None)]);
    let torn = encode(42, &[9], &[click(1, None)]);
    one.extend_from_slice(&torn[..torn.len() - 3]);
    std::fs::write(dir.join("dead-0"), zero).unwrap();
    std::fs::write(dir.join("dead-1"), one).unwrap();
    // A process that runs: its files are locked.
    std::fs::write(dir.join("live-0"), encode(42, &[50], &[click(1, None)])).unwrap();
    let live = File::open(dir.join("live-0")).unwrap();
    live.try_lock().unwrap();
    live
}

/// The journal's own pair is under its final names (made hidden, locked, then renamed),
/// readable by this user alone and locked.
fn own_pair_is_private_and_locked(dir: &std::path::Path) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let own = names.iter().find(|n| n.ends_with("-0") && *n != "live-0").unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(dir.join(own)).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        File::open(dir.join(own))
            .unwrap()
            .try_lock()
            .err()
            .map(|e| e.to_string()),
        Some(std::fs::TryLockError::WouldBlock.to_string()),
        "held locked by the journal"
    );
}

#[tokio::test]
async fn a_killed_process_is_loaded_by_the_next_and_a_live_one_is_left_alone() {
    let Some((store, server, db)) = database("adopt").await else {
        return;
    };
    let data_dir = std::env::temp_dir().join(format!("ambasada-journal-pg-{}", std::process::id()));
    let dir = data_dir.join("clicks").join("42");
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&dir).unwrap();
    let live = leave_journals(&dir);

    let url = store.url.clone();
    let options = ClickOptions::default();
    let journal = tokio::task::spawn_blocking(move || ClickJournal::open_postgres(&url, &data_dir, options))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ids(&store).await, vec![5, 6, 7], "the dead process's clicks, once each");
    assert!(!dir.join("dead-0").exists() && !dir.join("dead-1").exists());
    assert!(dir.join("live-0").exists(), "a live process's journal is not taken");
    own_pair_is_private_and_locked(&dir);
    // Roll-ups count the loaded clicks (not 5, loaded before the crash).
    let days: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT link_id, clicks, visitors FROM click_days ORDER BY link_id")
            .fetch_all(&store.pool)
            .await
            .unwrap();
    assert_eq!(days, vec![(1, 1, 1), (2, 1, 1)]);

    // New clicks get ids from the sequence (past 100), in order, and are loaded.
    let given = journal.append(vec![click(1, None), click(2, None)]).unwrap();
    assert_eq!(given.len(), 2);
    assert!(given[0] > 100 && given[1] == given[0] + 1, "{given:?}");
    journal.synced().await;
    assert_eq!(ids(&store).await, [vec![5, 6, 7], given.clone()].concat());
    // A second journal (another process) takes other ids.
    let (url, data_dir2) = (
        store.url.clone(),
        std::env::temp_dir().join(format!("ambasada-journal-pg2-{}", std::process::id())),
    );
    let second = tokio::task::spawn_blocking(move || ClickJournal::open_postgres(&url, &data_dir2, options))
        .await
        .unwrap()
        .unwrap();
    let other = second.append(vec![click(1, None)]).unwrap();
    assert!(
        other[0] > given[1] + IDS_BLOCK / 2,
        "{other:?} after a block of {IDS_BLOCK} from {given:?}"
    );
    tokio::task::spawn_blocking(move || {
        second.close();
        journal.close();
    })
    .await
    .unwrap();
    assert_eq!(ids(&store).await.len(), 6, "closing loads what was appended");
    drop(live);
    store.close().await;
    let admin = Store::connect(&server).await.unwrap();
    admin
        .raw_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .await
        .unwrap();
    admin.close().await;
}
