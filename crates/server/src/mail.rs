//! Email: composing messages into the outbox, and sending the outbox over SMTP.
//! Without SMTP settings nothing is sent and admins read the outbox instead.

use crate::AppState;
use crate::config::{SmtpConfig, SmtpTls};
use crate::i18n::Tr;
use ambasada_core::{Locale, Millis};
use ambasada_store::outbox::OutboxMessage;
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

/// When a failed email is tried again, and when the sender gives up (the message
/// stays in the outbox as `failed`; an admin can queue it again).
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Delay after the first failure; doubles with each further one.
    pub first_delay: Millis,
    pub max_delay: Millis,
    pub max_attempts: i64,
    /// How long a claimed message may stay "sending" before another sender takes it.
    pub stale_after: Millis,
    /// How often the sender looks for due messages when not woken.
    pub poll: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            first_delay: ambasada_core::MINUTE,
            max_delay: 6 * ambasada_core::HOUR,
            max_attempts: 10,
            stale_after: 10 * ambasada_core::MINUTE,
            poll: Duration::from_secs(15),
        }
    }
}

impl RetryPolicy {
    /// When to try again after `attempts` failed attempts, or `None` to give up.
    pub fn next_attempt(&self, attempts: i64, now: Millis) -> Option<Millis> {
        if attempts >= self.max_attempts {
            return None;
        }
        let factor = 1i64 << (attempts - 1).clamp(0, 20);
        Some(now + (self.first_delay.saturating_mul(factor)).min(self.max_delay))
    }
}

/// Tasks that may queue an email after their request has been answered (a password reset
/// request answers at once and looks the address up in a task of its own): how many were
/// spawned, and how many have not ended, in this process. Counted from the moment the
/// request spawns one, before it answers, so tests wait for them instead of sleeping.
static DETACHED_SPAWNED: AtomicU64 = AtomicU64::new(0);
static DETACHED_RUNNING: AtomicUsize = AtomicUsize::new(0);

/// Spawns `work` off the request path, counted until it ends (or is dropped).
pub fn spawn_detached(work: impl Future<Output = ()> + Send + 'static) -> tokio::task::JoinHandle<()> {
    struct Running;
    impl Drop for Running {
        fn drop(&mut self) {
            DETACHED_RUNNING.fetch_sub(1, Ordering::SeqCst);
        }
    }
    DETACHED_RUNNING.fetch_add(1, Ordering::SeqCst);
    DETACHED_SPAWNED.fetch_add(1, Ordering::SeqCst);
    let running = Running;
    tokio::spawn(async move {
        let _running = running;
        work.await
    })
}

/// How many [`spawn_detached`] tasks were spawned so far, and how many of them still run.
pub fn detached_tasks() -> (u64, usize) {
    (
        DETACHED_SPAWNED.load(Ordering::SeqCst),
        DETACHED_RUNNING.load(Ordering::SeqCst),
    )
}

/// Queues an email and wakes the sender. The email ends with the company's name when
/// the brand settings give one (a signature under the usual `-- ` line).
pub async fn queue(state: &AppState, to: &str, subject: &str, body: &str, kind: &str) -> anyhow::Result<()> {
    let brand = state.brand().await;
    let body = signed(body, &brand.name);
    state
        .store
        .enqueue_email(to, subject, &body, kind, crate::now())
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// `body` with the company's name as its signature (unchanged when there is none).
pub fn signed(body: &str, company: &str) -> String {
    if company.is_empty() {
        body.to_string()
    } else {
        format!("{}\n\n-- \n{company}\n", body.trim_end())
    }
}

/// How long an invitation link works.
pub const INVITE_TTL: Millis = 7 * ambasada_core::DAY;

/// Invites a person: makes their one-time link (valid [`INVITE_TTL`], replacing any
/// earlier one) and queues the email with it. Returns the link.
pub async fn invite(
    state: &AppState,
    user_id: i64,
    to: &str,
    locale: Locale,
    first_name: &str,
    inviter: &str,
) -> anyhow::Result<String> {
    let token = crate::auth::new_token();
    let now = crate::now();
    state
        .store
        .create_one_time_token(
            user_id,
            ambasada_store::people::access::Purpose::Invite,
            &crate::auth::hash_token(&token),
            now,
            now + INVITE_TTL,
        )
        .await?;
    let tr = Tr::new(state.i18n.clone(), locale);
    let link = format!("{}/invite/{token}", state.config.base_url);
    let body = tr.a(
        "email-invite-body",
        &[("name", first_name), ("inviter", inviter), ("link", &link)],
    );
    queue(state, to, &tr.t("email-invite-subject"), &body, "invite").await?;
    Ok(link)
}

/// Queues the password reset email with its one-time link.
pub async fn queue_reset(
    state: &AppState,
    to: &str,
    locale: Locale,
    first_name: &str,
    token: &str,
) -> anyhow::Result<()> {
    let tr = Tr::new(state.i18n.clone(), locale);
    let link = format!("{}/password/reset/{token}", state.config.base_url);
    let body = tr.a("email-reset-body", &[("name", first_name), ("link", &link)]);
    queue(state, to, &tr.t("email-reset-subject"), &body, "reset").await
}

/// The body with the secret part of invitation and reset links replaced by `…`: once
/// an email is delivered, the outbox need not keep a way into the account.
pub fn redact_links(body: &str, base_url: &str) -> String {
    let mut out = body.to_string();
    for prefix in ["/invite/", "/password/reset/"] {
        let marker = format!("{base_url}{prefix}");
        let mut from = 0;
        while let Some(i) = out[from..].find(&marker) {
            let start = from + i + marker.len();
            let end = out[start..]
                .find(char::is_whitespace)
                .map(|e| start + e)
                .unwrap_or(out.len());
            out.replace_range(start..end, "…");
            from = start + "…".len();
        }
    }
    out
}

/// An SMTP connection pool built from the settings.
pub fn transport(cfg: &SmtpConfig) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    let builder = match cfg.tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host),
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host)?,
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host)?,
    };
    let mut builder = builder.port(cfg.port).timeout(Some(Duration::from_secs(20)));
    if let (Some(user), Some(pass)) = (&cfg.username, &cfg.password) {
        builder = builder.credentials(Credentials::new(user.clone(), pass.expose().to_string()));
    }
    Ok(builder.build())
}

fn build_message(from: &str, m: &OutboxMessage) -> anyhow::Result<Message> {
    Ok(Message::builder()
        .from(from.parse::<Mailbox>()?)
        .to(m.to_addr.parse::<Mailbox>()?)
        .subject(&m.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(m.body_text.clone())?)
}

/// Sends due emails until none is left. Returns how many were sent.
pub async fn send_due(
    state: &AppState,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
) -> anyhow::Result<usize> {
    let policy = state.mail_policy;
    let mut sent = 0;
    loop {
        let now = crate::now();
        let Some(m) = state.store.claim_due_email(now, now - policy.stale_after).await? else {
            return Ok(sent);
        };
        let result = match build_message(from, &m) {
            Ok(msg) => transport.send(msg).await.map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let now = crate::now();
        match result {
            Ok(()) => {
                let kept = redact_links(&m.body_text, &state.config.base_url);
                state.store.mark_email_sent(m.id, now, &kept).await?;
                tracing::info!(id = m.id, kind = %m.kind, "email sent");
                sent += 1;
            }
            Err(e) => {
                // `attempts` already counts this one (the claim increments it).
                let retry_at = policy.next_attempt(m.attempts, now);
                tracing::warn!(id = m.id, attempts = m.attempts, error = %e, will_retry = retry_at.is_some(), "email not sent");
                state.store.mark_email_failed(m.id, &e, retry_at).await?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ambasada_core::MINUTE;

    #[test]
    fn emails_are_signed_with_the_company_name() {
        assert_eq!(super::signed("Hello.\n", ""), "Hello.\n");
        assert_eq!(super::signed("Hello.\n\n", "Nordwind"), "Hello.\n\n-- \nNordwind\n");
    }

    #[test]
    fn sent_bodies_lose_their_one_time_links() {
        let body = "Hi,\nhttps://a.example/invite/SECRET123 and\nhttps://a.example/password/reset/XYZ\nbye";
        let kept = redact_links(body, "https://a.example");
        assert_eq!(
            kept,
            "Hi,\nhttps://a.example/invite/… and\nhttps://a.example/password/reset/…\nbye"
        );
    }

    #[test]
    fn retries_back_off_and_give_up() {
        let p = RetryPolicy::default();
        assert_eq!(p.next_attempt(1, 0), Some(MINUTE));
        assert_eq!(p.next_attempt(2, 0), Some(2 * MINUTE));
        assert_eq!(p.next_attempt(5, 0), Some(16 * MINUTE));
        assert_eq!(p.next_attempt(9, 0), Some(256 * MINUTE));
        assert_eq!(p.next_attempt(10, 0), None);
        let patient = RetryPolicy { max_attempts: 20, ..p };
        assert_eq!(patient.next_attempt(12, 0), Some(6 * 60 * MINUTE), "capped");
    }
}
