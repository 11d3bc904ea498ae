//! `ambasada person export` then `ambasada person erase`, as an operator runs them on the
//! real binary: the export has the person's shares; after the erasure they have no
//! account under their address, the export under it fails, and their shares still count.

mod common;

use ambasada_core::{Email, Locale, Role};
use ambasada_store::Store;
use ambasada_store::people::NewUser;
use std::process::{Command, Output};

fn ambasada(database_url: &str, dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ambasada"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AMBASADA_DATABASE_URL", database_url)
        .env("AMBASADA_DATA_DIR", dir)
        .env("RUST_LOG", "error")
        .current_dir(dir)
        .output()
        .expect("the ambasada binary runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    common::on_sqlite("cli", |url| async move {
        export_then_erase_from_the_command_line(&url, "sqlite").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    common::on_postgres("cli", |url| async move {
        export_then_erase_from_the_command_line(&url, "postgres").await
    })
    .await;
}

async fn export_then_erase_from_the_command_line(url: &str, label: &str) {
    let dir = std::env::temp_dir().join(format!("ambasada-person-cli-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    let email = Email::parse("anna.nowak@firma.example").unwrap();
    let id = store
        .create_user(
            &NewUser {
                email: email.clone(),
                first_name: "Anna".into(),
                last_name: "Nowak".into(),
                locale: Locale::Pl,
                time_zone: "Europe/Warsaw".into(),
                password_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA".into()),
                roles: vec![Role::Ambassador],
                team_ids: vec![],
            },
            0,
        )
        .await
        .unwrap();
    store
        .record_share(
            &ambasada_store::content::sharing::NewShare {
                user_id: id,
                item_id: None,
                link_id: None,
                program_id: None,
                network: "linkedin".into(),
                text: "Mój własny post o pracy w firmie".into(),
                post_url: None,
                topic: Some("praca".into()),
                personalisation: None,
            },
            1_000,
        )
        .await
        .unwrap();

    let out = ambasada(url, &dir, &["person", "export", "--email", email.as_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["person"]["email"], email.as_str());
    assert_eq!(doc["shares"].as_array().unwrap().len(), 1);

    let out = ambasada(url, &dir, &["person", "erase", "--email", email.as_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("person #{id}")), "{said}");
    let out = ambasada(url, &dir, &["person", "export", "--email", email.as_str()]);
    assert!(!out.status.success(), "no account under the old address any more");
    let out = ambasada(url, &dir, &["person", "erase", "--email", email.as_str()]);
    assert!(!out.status.success());

    let u = store.user(id).await.unwrap().unwrap();
    assert!(u.erased_at.is_some() && !u.is_active());
    assert_eq!(u.first_name, "Dane usunięte", "in the person's own language");
    assert_eq!(
        store.shares_of(id, 100).await.unwrap().len(),
        1,
        "the share still counts"
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
