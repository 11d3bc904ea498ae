//! The email outbox against a real SMTP conversation: a listener this test starts
//! speaks enough SMTP for lettre, accepting or refusing mail.

use crate::common::{Db, TestApp, postgres_url, wait_for};
use ambasada_core::Role;
use ambasada_server::config::{SmtpConfig, SmtpTls};
use ambasada_server::mail::RetryPolicy;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A minimal SMTP server: records every message it accepts; refuses the first
/// `refuse` transactions with a temporary error.
struct FakeSmtp {
    port: u16,
    received: Arc<Mutex<Vec<String>>>,
}

async fn fake_smtp(refuse: usize) -> FakeSmtp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let refusals = Arc::new(Mutex::new(refuse));
    let rec = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else { return };
            let rec = rec.clone();
            let refusals = refusals.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 fake.test ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            rec.lock().unwrap().push(data.take().unwrap());
                            w.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                        b"250-fake.test\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("MAIL") {
                        let mut n = refusals.lock().unwrap();
                        if *n > 0 {
                            *n -= 1;
                            b"451 4.3.0 try again later\r\n"
                        } else {
                            b"250 2.1.0 ok\r\n"
                        }
                    } else if cmd.starts_with("RCPT") || cmd.starts_with("RSET") || cmd.starts_with("NOOP") {
                        b"250 2.1.5 ok\r\n"
                    } else if cmd.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"502 unknown\r\n"
                    };
                    if w.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    FakeSmtp { port, received }
}

fn smtp_app(db: Db, port: u16) -> impl std::future::Future<Output = TestApp> {
    let policy = RetryPolicy {
        first_delay: 50,
        max_delay: 200,
        max_attempts: 10,
        stale_after: 60_000,
        poll: Duration::from_millis(50),
    };
    TestApp::spawn_with(
        db,
        move |c| {
            c.smtp = Some(SmtpConfig {
                host: "127.0.0.1".into(),
                port,
                username: None,
                password: None,
                from: "Ambasada <ambasada@test.example>".into(),
                tls: SmtpTls::None,
            })
        },
        Some(policy),
    )
}

/// The outbox, briefly: each email's status and attempts.
async fn outbox_summary(app: &TestApp) -> String {
    let (all, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    let all: Vec<String> = all
        .iter()
        .map(|m| format!("{} {}x {:?}", m.status, m.attempts, m.last_error))
        .collect();
    format!("outbox {all:?}")
}

async fn wait_for_status(app: &TestApp, status: &str) -> ambasada_store::outbox::OutboxMessage {
    wait_for(&format!("an email with status {status}"), async || {
        let (m, _) = app.state.store.outbox(Some(status), 1, 0).await.unwrap();
        match m.into_iter().next() {
            Some(m) => Ok(m),
            None => Err(outbox_summary(app).await),
        }
    })
    .await
}

async fn delivered_mail_is_marked_sent(db: Db) {
    let smtp = fake_smtp(0).await;
    let app = smtp_app(db, smtp.port).await;
    app.login_as(Role::Admin).await;
    let res = app
        .post_form(
            "/app/admin/users/invite",
            &[
                ("email", "karol@test.example"),
                ("first_name", "Karol"),
                ("last_name", "Zając"),
                ("locale", "en"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let m = wait_for_status(&app, "sent").await;
    assert_eq!(m.to_addr, "karol@test.example");
    assert!(m.sent_at.is_some());
    let got = smtp.received.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert!(got[0].contains("karol@test.example"));
    assert!(got[0].contains("/invite/"), "the message carries the link");
    app.stop().await;
}

async fn a_refusing_server_leads_to_retries_not_loss(db: Db) {
    let smtp = fake_smtp(3).await;
    let app = smtp_app(db, smtp.port).await;
    app.login_as(Role::Admin).await;
    let anon = TestApp::sibling(&app);
    assert_eq!(
        anon.post_form("/password/forgot", &[("email", "admin@test.example")])
            .await
            .status(),
        303
    );
    let m = wait_for_status(&app, "sent").await;
    assert_eq!(m.attempts, 4, "three refusals, then delivered");
    assert_eq!(smtp.received.lock().unwrap().len(), 1);
    let (_, total) = app.state.store.outbox(None, 10, 0).await.unwrap();
    assert_eq!(total, 1, "one message, never duplicated or lost");
    app.stop().await;
}

async fn an_unreachable_server_keeps_the_message_for_later(db: Db) {
    // A port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = smtp_app(db, port).await;
    app.login_as(Role::Admin).await;
    let anon = TestApp::sibling(&app);
    anon.post_form("/password/forgot", &[("email", "admin@test.example")])
        .await;
    // The first failure schedules a retry 50 ms later; wait for the retry to be claimed.
    wait_for("a second attempt at the email", async || {
        let (all, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
        match all.first() {
            Some(m) if m.attempts >= 2 => Ok(()),
            _ => Err(outbox_summary(&app).await),
        }
    })
    .await;
    let (all, total) = app.state.store.outbox(None, 10, 0).await.unwrap();
    assert_eq!(total, 1, "{}", outbox_summary(&app).await);
    assert!(all[0].attempts >= 2, "retried");
    assert!(matches!(all[0].status.as_str(), "pending" | "sending" | "failed"));
    assert!(all[0].last_error.is_some());
    app.stop().await;
}

macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(super::Db::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(url) = super::postgres_url() {
                    super::$name(super::Db::Postgres(url)).await;
                }
            }
        }
    };
}
both!(delivered_mail_is_marked_sent);
both!(a_refusing_server_leads_to_retries_not_loss);
both!(an_unreachable_server_keeps_the_message_for_later);
