//! Sessions, personal API tokens, one-time links (invitations, password resets) and
//! failed-login records. Secrets arrive here already hashed: the store never sees them.

use crate::{Result, Store};
use ambasada_core::{Millis, Scope};

/// A personal API token as listed on the profile page (never the secret itself).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenInfo {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    pub created_at: Millis,
    pub last_used_at: Option<Millis>,
}

impl ApiTokenInfo {
    pub fn scope_list(&self) -> Vec<Scope> {
        Scope::parse_list(&self.scopes).unwrap_or_default()
    }
}

/// What a one-time link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Invite,
    Reset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Invite => "invite",
            Purpose::Reset => "reset",
        }
    }
}

/// Revokes the live API tokens of person `$1` at time `$2`.
const REVOKE_API_TOKENS_OF: &str = "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL";

impl Store {
    /// Starts a session for a person.
    pub async fn create_session(&self, user_id: i64, token_hash: &str, now: Millis, expires_at: Millis) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A person changes their password: in one transaction the new hash is set, every
    /// session, API token and open link of theirs ends, and the new session (the one the
    /// change was made from, renewed) begins.
    pub async fn change_password(
        &self,
        user_id: i64,
        password_hash: &str,
        session_hash: &str,
        now: Millis,
        session_expires_at: Millis,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(user_id)
            .bind(password_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for sql in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL",
        ] {
            sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
        }
        sqlx::query(REVOKE_API_TOKENS_OF)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
        )
        .bind(session_hash)
        .bind(user_id)
        .bind(now)
        .bind(session_expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person a live session belongs to, if the session exists, has not expired and
    /// its owner is active.
    pub async fn session_user(&self, token_hash: &str, now: Millis) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// Ends one session (logout).
    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Makes every unused invitation and reset link of a person void (their password
    /// changed).
    pub async fn delete_one_time_tokens_of(&self, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether a link of this purpose was made for the person since `since` (to send
    /// at most one reset email every few minutes).
    pub async fn one_time_token_since(&self, user_id: i64, purpose: Purpose, since: Millis) -> Result<bool> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 AND created_at >= $3",
        )
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Ends every session of a person (password reset, deactivation).
    pub async fn delete_sessions_of(&self, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a new personal API token.
    pub async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
        scopes: &[Scope],
        now: Millis,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(Scope::join(scopes))
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// The owner and scopes of a live token whose owner is active; notes its use (at
    /// most once a minute, to keep writes off every API call).
    pub async fn api_token_user(&self, token_hash: &str, now: Millis) -> Result<Option<(i64, Vec<Scope>)>> {
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT t.id, t.user_id, t.scopes FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.deactivated_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, user_id, scopes)) = row else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)",
        )
        .bind(id)
        .bind(now)
        .bind(now - ambasada_core::MINUTE)
        .execute(&self.pool)
        .await?;
        Ok(Some((user_id, Scope::parse_list(&scopes).unwrap_or_default())))
    }

    /// A person's live tokens, newest first.
    pub async fn api_tokens(&self, user_id: i64) -> Result<Vec<ApiTokenInfo>> {
        Ok(sqlx::query_as(
            "SELECT id, name, scopes, created_at, last_used_at FROM api_tokens \
             WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Revokes one of a person's tokens; false when it was not theirs or not live.
    pub async fn revoke_api_token(&self, user_id: i64, token_id: i64, now: Millis) -> Result<bool> {
        let r =
            sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
                .bind(token_id)
                .bind(user_id)
                .bind(now)
                .execute(&self.pool)
                .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Revokes every live API token of a person (their password changed: whoever knew
    /// the old one may have made a token).
    pub async fn revoke_api_tokens_of(&self, user_id: i64, now: Millis) -> Result<()> {
        sqlx::query(REVOKE_API_TOKENS_OF)
            .bind(user_id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a one-time link, replacing the person's unused links of the same purpose
    /// (only the latest invitation or reset email works).
    pub async fn create_one_time_token(
        &self,
        user_id: i64,
        purpose: Purpose,
        token_hash: &str,
        now: Millis,
        expires_at: Millis,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
            .bind(user_id)
            .bind(purpose.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO one_time_tokens (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(token_hash)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        if purpose == Purpose::Invite {
            sqlx::query("UPDATE users SET invited_at = COALESCE(invited_at, $2) WHERE id = $1")
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The person a valid (unused, unexpired) link belongs to, without using it up.
    pub async fn peek_one_time_token(&self, token_hash: &str, purpose: Purpose, now: Millis) -> Result<Option<i64>> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT t.user_id FROM one_time_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3 \
             AND u.deactivated_at IS NULL",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// Uses a link up and sets the password it was for, atomically: of two concurrent
    /// uses, one wins. Ends the person's sessions and revokes their API tokens. `None`
    /// when the link is not valid.
    pub async fn redeem_one_time_token(
        &self,
        token_hash: &str,
        purpose: Purpose,
        password_hash: &str,
        now: Millis,
    ) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE one_time_tokens SET used_at = $3 \
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((user_id,)) = row else { return Ok(None) };
        // An invitation only sets a first password: once the person has one (through a
        // reset, say), an old invitation link must not replace it.
        let r = sqlx::query(
            "UPDATE users SET password_hash = $2, updated_at = $3 \
             WHERE id = $1 AND deactivated_at IS NULL AND ($4 = 'reset' OR password_hash IS NULL)",
        )
        .bind(user_id)
        .bind(password_hash)
        .bind(now)
        .bind(purpose.as_str())
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(None);
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(REVOKE_API_TOKENS_OF)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        // Whoever holds the email's reset link may log in again at once: someone who kept
        // the account locked with wrong passwords cannot keep its owner out.
        sqlx::query("DELETE FROM login_failures WHERE email = (SELECT email FROM users WHERE id = $1)")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }

    /// Records a login attempt as failed until it succeeds (a success clears the
    /// account's records). Recording before the password check means that concurrent
    /// attempts see each other. Returns the record's id.
    pub async fn record_login_failure(&self, email: &str, ip_hash: &str, now: Millis) -> Result<i64> {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO login_failures (email, ip_hash, at) VALUES ($1, $2, $3) RETURNING id")
                .bind(email)
                .bind(ip_hash)
                .bind(now)
                .fetch_one(&self.pool)
                .await?;
        Ok(id)
    }

    /// Times of failed logins since `since`, for the account and for the address,
    /// leaving out the record `except` (the attempt being judged).
    pub async fn login_failures(
        &self,
        email: &str,
        ip_hash: &str,
        since: Millis,
        except: i64,
    ) -> Result<(Vec<Millis>, Vec<Millis>)> {
        let by_email: Vec<(i64,)> =
            sqlx::query_as("SELECT at FROM login_failures WHERE email = $1 AND at > $2 AND id <> $3")
                .bind(email)
                .bind(since)
                .bind(except)
                .fetch_all(&self.pool)
                .await?;
        let by_ip: Vec<(i64,)> =
            sqlx::query_as("SELECT at FROM login_failures WHERE ip_hash = $1 AND at > $2 AND id <> $3")
                .bind(ip_hash)
                .bind(since)
                .bind(except)
                .fetch_all(&self.pool)
                .await?;
        Ok((
            by_email.into_iter().map(|r| r.0).collect(),
            by_ip.into_iter().map(|r| r.0).collect(),
        ))
    }

    /// Forgets one recorded attempt: a try that a lock refused without checking the
    /// password is no failure, and must not make the lock last longer.
    pub async fn forget_login_failure(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets an account's failures after a successful login.
    pub async fn clear_login_failures(&self, email: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE email = $1")
            .bind(email)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes what no longer matters: failures older than `failures_before`, expired
    /// sessions and links, import files left unconfirmed.
    pub async fn purge_expired(&self, now: Millis, failures_before: Millis) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(failures_before)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM one_time_tokens WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM pending_imports WHERE created_at < $1")
            .bind(now - ambasada_core::DAY)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
