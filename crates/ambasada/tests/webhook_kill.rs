//! A signed webhook delivery survives its process being killed mid-post: the real
//! `ambasada serve` binary claims the message and posts it to a receiver that holds the
//! request without answering; the test kills the process with SIGKILL, starts another,
//! and the message arrives again, with the same `webhook-id` and a valid signature, once
//! the first claim's lease ends. On SQLite, and on PostgreSQL when AMBASADA_TEST_POSTGRES
//! names a server.

mod common;

use ambasada_core::webhooks::Secret;
use ambasada_store::Store;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// A request the receiver got: its webhook headers and body.
#[derive(Debug)]
struct Received {
    id: String,
    timestamp: i64,
    signature: String,
    body: String,
}

/// Reads one HTTP request (headers, then `Content-Length` bytes of body).
async fn read_request(s: &mut TcpStream) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let length: usize = header("content-length").parse().ok()?;
    while buf.len() < head_end + length {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp").parse().ok()?,
        signature: header("webhook-signature"),
        body: String::from_utf8_lossy(&buf[head_end..head_end + length]).to_string(),
    })
}

/// A receiver that never answers its first request (the connection stays open) and
/// answers 204 to the others; every request goes to the channel.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut held = Vec::new();
        let mut first = true;
        loop {
            let (mut s, _) = listener.accept().await.unwrap();
            let Some(r) = read_request(&mut s).await else {
                continue;
            };
            tx.send(r).unwrap();
            if first {
                first = false;
                held.push(s);
            } else {
                let _ = s
                    .write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")
                    .await;
            }
        }
    });
    (url, rx)
}

fn serve(database_url: &str, data_dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ambasada"))
        .arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AMBASADA_DATABASE_URL", database_url)
        .env("AMBASADA_BIND", "127.0.0.1:0")
        .env("AMBASADA_DATA_DIR", data_dir)
        .env("AMBASADA_WEBHOOKS_ALLOW_PRIVATE", "true")
        .env("RUST_LOG", "warn")
        .current_dir(data_dir)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the ambasada binary starts")
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Received>, what: &str) -> Received {
    // The lease after a kill is 15 s and the sender looks every 15 s: well within this.
    tokio::time::timeout(Duration::from_secs(90), rx.recv())
        .await
        .unwrap_or_else(|_| panic!("{what}: nothing arrived"))
        .expect("the receiver runs")
}

async fn delivered_again_after_sigkill(database_url: &str, label: &str) {
    let dir = std::env::temp_dir().join(format!("ambasada-kill-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(database_url).await.unwrap();
    store.migrate().await.unwrap();
    let (url, mut rx) = receiver().await;
    let secret = Secret::from_bytes([42; ambasada_core::webhooks::SECRET_BYTES]);
    let endpoint = store
        .create_webhook_endpoint(&url, "share.confirmed", &secret.expose(), None, 0)
        .await
        .unwrap();
    let now = ambasada_server::now();
    let body = r#"{"type":"share.confirmed","timestamp":"2026-11-30T12:00:00Z","data":{"share_id":1}}"#;
    assert!(
        store
            .queue_webhook_message(endpoint, "msg_killtest", "share.confirmed", body, "share:1", now)
            .await
            .unwrap()
    );

    let mut first = serve(database_url, &dir);
    let got = next(&mut rx, "the first attempt").await;
    // Killed while the receiver holds the request: nothing about the attempt recorded.
    first.kill().unwrap();
    first.wait().unwrap();
    let m = &store.webhook_messages(endpoint, 1).await.unwrap()[0];
    assert_eq!((m.status.as_str(), m.attempts), ("pending", 1), "{m:?}");

    let mut second = serve(database_url, &dir);
    let again = next(&mut rx, "the attempt after the kill").await;
    assert_eq!(got.id, "msg_killtest");
    assert_eq!(again.id, got.id, "the same webhook-id");
    assert_eq!(again.body, body);
    for r in [&got, &again] {
        assert!(secret.verify(&r.id, r.timestamp, &r.body, &r.signature), "{r:?}");
    }
    let mut delivered = None;
    for _ in 0..500 {
        let m = store.webhook_messages(endpoint, 1).await.unwrap().remove(0);
        if m.status == "delivered" {
            delivered = Some(m);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    second.kill().unwrap();
    second.wait().unwrap();
    let m = delivered.expect("recorded as delivered");
    assert_eq!((m.attempts, m.last_status), (2, Some(204)));
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    common::on_sqlite("kill", |url| async move {
        delivered_again_after_sigkill(&url, "sqlite").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    common::on_postgres("kill", |url| async move {
        delivered_again_after_sigkill(&url, "postgres").await
    })
    .await;
}
